"""The tokenizer of the claims language: numbers (checked as written), words, signs, operators."""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck import quantity as q
from factcheck.errors import ExprError

MAX_LENGTH = 10_000  # characters in one expression
MAX_NESTING = 48  # nested parentheses, calls and unary signs
MAX_EXPONENT_DIGITS = 3  # 1e999 is the largest exponent a literal may carry
MAX_LITERAL_EXPONENT = 100  # |e| in 1e100
MAX_DIGITS = 60  # digits in one literal

class Token(NamedTuple):
    """A token of an expression (a named tuple: tokens are made by the tens of thousands)."""

    kind: str  # number date sign word cjk op percent end
    text: str
    pos: int
    end: int


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_NOT_FINITE = re.compile(r"\.(?:nan|inf(?:inity)?)(?![A-Za-z0-9_])|∞", re.IGNORECASE)
NOT_FINITE_WORDS = {"nan", "inf", "infinity"}
_SIGNS = sorted(q.CURRENCY_SIGNS, key=len, reverse=True)
_OPS = {"**": "**", "+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "×": "*", "/": "/", "÷": "/",
        "(": "(", ")": ")", ",": ","}
_CJK_WORDS = sorted(
    [
        w
        for w in (*q.MAGNITUDES, *q.CURRENCY_WORDS, *q.TIME_WORDS, *q.POINT_WORDS, *q.BASIS_POINT_WORDS)
        if not w.isascii()
    ],
    key=len,
    reverse=True,
)


def _split_cjk(run: str, start: int) -> list[Token]:
    """Split a run of CJK characters into known words, longest first ('亿元' -> 亿, 元)."""
    out: list[Token] = []
    i, unknown = 0, ""
    while i < len(run):
        for w in _CJK_WORDS:
            if run.startswith(w, i):
                if unknown:
                    out.append(Token("cjk", unknown, start + i - len(unknown), start + i))
                    unknown = ""
                out.append(Token("cjk", w, start + i, start + i + len(w)))
                i += len(w)
                break
        else:
            unknown += run[i]
            i += 1
    if unknown:
        out.append(Token("cjk", unknown, start + len(run) - len(unknown), start + len(run)))
    return out


#: one pattern for every token, tried once at each position (in this order: a date before
#: a number, a currency sign such as US$ before a word)
_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<space>[ \t\r\n\u00a0\u2009\u202f\u3000]+)",
            r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9.]))",
            r"(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)",
            "(?P<sign>" + "|".join(re.escape(s) for s in _SIGNS) + ")",
            r"(?P<op>\*\*|[-+−–*×/÷(),])",
            r"(?P<percent>[%％])",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<cjk>[\u3400-\u4dbf\u4e00-\u9fff]+)",
        )
    )
)


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression too long ({len(text):,} characters; at most {MAX_LENGTH:,})", 0, "too-long")
    tokens: list[Token] = []
    append = tokens.append
    match = _TOKEN.match
    i, n = 0, len(text)
    while i < n:
        m = match(text, i)
        if m is None:
            c = text[i]
            if f := _NOT_FINITE.match(text, i):
                raise ExprError(not_finite(f.group()), i, "not-finite")
            if c == "." and tokens and tokens[-1].kind == "word" and tokens[-1].end == i:
                raise ExprError(f"unexpected '.' after {tokens[-1].text!r}: names have no parts (no attributes)", i, "syntax")
            raise ExprError(_unexpected_char(c), i, "syntax")
        kind, end = m.lastgroup or "", m.end()
        if kind == "space":
            pass
        elif kind == "number":
            raw = m.group().rstrip(",")
            _check_number(raw, i)
            end = i + len(raw)
            append(Token("number", raw, i, end))
        elif kind == "op":
            op = m.group()
            append(Token("op", _OPS[op], i, end))
        elif kind == "cjk":
            tokens.extend(_split_cjk(m.group(), i))
        elif kind == "percent":
            append(Token("percent", "%", i, end))
        else:  # date, sign, word
            append(Token(kind, m.group(), i, end))
        i = end
    append(Token("end", "", n, n))
    return tokens


def not_finite(word: str) -> str:
    return f"{word!r} is not a figure: NaN and infinity cannot be checked; write the number the article gives"


def _unexpected_char(c: str) -> str:
    if c in "'\"‘’“”`":
        return f"unexpected quote {c!r}: the expression language has no strings"
    if c in "[]{}":
        return f"unexpected {c!r}: use parentheses ( ) to group"
    if c == ".":
        return "unexpected '.': write decimals with a leading digit (0.5)"
    if c in "=<>":
        return f"unexpected {c!r}: comparisons go in `compare:`, not in the expression"
    if not c.isprintable():
        return f"unexpected character U+{ord(c):04X}"
    return f"unexpected character {c!r}"


def _check_number(raw: str, pos: int) -> None:
    if "," in raw and not _GROUPED.match(raw):
        raise ExprError(
            f"'{raw}' is not a number: a comma inside a number separates groups of three "
            "digits (129,073); after a comma between arguments, put a space",
            pos,
            "syntax",
        )
    mant, _, exp = raw.replace(",", "").replace("E", "e").partition("e")
    if exp:
        digits = exp.lstrip("+-")
        if len(digits) > MAX_EXPONENT_DIGITS or int(digits) > MAX_LITERAL_EXPONENT:
            raise ExprError(
                f"exponent too large in '{raw[:20]}': at most e±{MAX_LITERAL_EXPONENT}", pos, "too-large"
            )
    if len(mant.replace(".", "")) > MAX_DIGITS:
        raise ExprError(f"number too long ({len(mant)} digits; at most {MAX_DIGITS})", pos, "too-large")

