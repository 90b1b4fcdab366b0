"""The expression language: tokenizer, parser to a tree, evaluator. Never ``eval``.

Built like pint's ``pint_eval``: tokenize, build a tree by precedence, evaluate
through a whitelist of operators and functions and a lookup for names, cap the depth
and the size of exponents, and say at which column something is wrong. Unlike pint's
preprocessor, a comma is never dropped silently: ``129,073`` is a number only when
its groups have three digits, and ``1,5`` is an error.

Grammar (lowest precedence first)::

    expr    := term (('+' | '-') term)*
    term    := unary (('*' | '/') unary)*
    unary   := ('-' | '+') unary | power
    power   := primary ('**' unary)?
    primary := figure | DATE | NAME '(' args ')' | NAME | '(' expr ')'
    figure  := SIGN? NUMBER MAGNITUDE? UNIT? (PER UNIT)*

A figure alone in parentheses is an accounting negative: ``(3%)`` is -3%. A name right
after ``/`` and a figure (``59.49 CNY/share``) that is no fact is the unit the figure is
per, exactly one of it; ``per``, ``a`` and ``an`` do the same (``30 CNY per share``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any, NamedTuple

from factcheck import quantity as q
from factcheck.errors import ComputeError, ExprError, FunctionError, TooLarge
from factcheck.interval import Interval
from factcheck.model import Fact
from factcheck.suggest import did_you_mean

MAX_LENGTH = 10_000  # characters in one expression
MAX_NESTING = 48  # nested parentheses, calls and unary signs
MAX_EXPONENT_DIGITS = 3  # 1e999 is the largest exponent a literal may carry
MAX_LITERAL_EXPONENT = 100  # |e| in 1e100
MAX_DIGITS = 60  # digits in one literal
MAX_POWER = 12  # |n| in x ** n
#: Operations one inside another, counting chains (``1 + 1 + …`` is a tree as tall as it
#: is long). The evaluator, ``explain`` and the tree's own equality recurse once a level,
#: so this keeps every walk far inside Python's recursion limit; a longer addition is
#: written with sum(), which is flat.
MAX_HEIGHT = 150
#: "did you mean" compares a word with every candidate (up to ~15 µs each); in one file, past
#: this many comparisons, errors come without a suggestion, so that thousands of facts
#: and thousands of unknown names cannot make a run quadratic.
SUGGESTION_WORK = 20_000

# --------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """A token of an expression (a named tuple: tokens are made by the tens of thousands)."""

    kind: str  # number date sign word cjk op percent end
    text: str
    pos: int
    end: int


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_NOT_FINITE = re.compile(r"\.(?:nan|inf(?:inity)?)(?![A-Za-z0-9_])|∞", re.IGNORECASE)
_NOT_FINITE_WORDS = {"nan", "inf", "infinity"}
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
        kind, end = m.lastgroup, m.end()
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
            append(Token(kind, m.group(), i, end))  # type: ignore[arg-type]
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


# --------------------------------------------------------------------------- tree


class Num(NamedTuple):
    value: q.Value
    start: int
    end: int
    #: the plain word after the number when it made a count unit ('orders')
    count_word: str | None = None
    #: the digits as written ('129,073')
    raw: str = ""
    #: the magnitude word as written ('bn', 'k')
    mag_word: str | None = None


class DateLit(NamedTuple):
    value: q.DateValue
    start: int
    end: int


class Name(NamedTuple):
    name: str
    start: int
    end: int
    #: right after '/' and a figure (`59.49 CNY/share`): when no fact has the name, it is
    #: the unit the figure is per (exactly one of it), a count word if no unit word
    per: bool = False


class Unary(NamedTuple):
    op: str
    operand: Node
    start: int
    end: int


class Binary(NamedTuple):
    op: str
    left: Node
    right: Node
    start: int
    end: int
    op_pos: int


class Call(NamedTuple):
    name: str
    args: tuple[Node, ...]
    start: int
    end: int


Node = Num | DateLit | Name | Unary | Binary | Call


def names_in(node: Node, count_words: bool = True) -> set[str]:
    """Every name the expression refers to (facts, or units standing alone), and the
    words after numbers that count things unless ``count_words`` is False: those are
    units, not references (`orders: 10 million orders` does not refer to itself)."""
    out: set[str] = set()
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name):
            out.add(n.name)
        elif isinstance(n, Unary):
            stack.append(n.operand)
        elif isinstance(n, Binary):
            stack.extend((n.left, n.right))
        elif isinstance(n, Call):
            stack.extend(n.args)
        elif isinstance(n, Num) and n.count_word and count_words:
            out.add(n.count_word)
    return out


# --------------------------------------------------------------------------- parser


def parse(text: str) -> Node:
    """Parse an expression; raises ExprError with the offset of what is wrong."""
    if not text.strip():
        raise ExprError("empty expression", 0, "syntax")
    return _parse(text)


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> Node:
    """Trees are immutable and their positions relative to the text, so a text written
    many times ("5%", "2 years", "100%") is parsed once."""
    return _Parser(text, tokenize(text)).parse()


class _Parser:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.i = 0
        self.last = len(tokens) - 1  # the "end" token
        self.tok = tokens[0]  # the current token (kept as an attribute: read at every step)
        self.depth = 0
        self.heights: dict[int, int] = {}  # id(node) -> levels below and including it

    # helpers
    def peek(self, k: int = 1) -> Token:
        return self.tokens[min(self.i + k, self.last)]

    def take(self) -> Token:
        t = self.tok
        if self.i < self.last:
            self.i += 1
            self.tok = self.tokens[self.i]
        return t

    def is_op(self, *ops: str) -> bool:
        t = self.tok
        return t.kind == "op" and t.text in ops

    def fail(self, message: str, tok: Token | None = None) -> ExprError:
        tok = tok or self.tok
        return ExprError(message, tok.pos, "syntax")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.fail(f"expression nested too deeply (more than {MAX_NESTING} levels)")

    def made(self, node: Node, *kids: Node) -> Node:
        """Record the height of a new node; a tree taller than MAX_HEIGHT is refused at the
        operation that makes it so, before anything walks it recursively."""
        h = 1 + max((self.heights.get(id(k), 1) for k in kids), default=0)
        if h > MAX_HEIGHT:
            at = node.op_pos if isinstance(node, Binary) else node.start
            raise ExprError(
                f"expression too long to compute: more than {MAX_HEIGHT} operations one inside another; "
                "write a long addition with sum(…), or split it into facts",
                at,
                "too-long",
            )
        self.heights[id(node)] = h
        return node

    def describe(self, tok: Token) -> str:
        return "the end of the expression" if tok.kind == "end" else repr(tok.text)

    # grammar
    def parse(self) -> Node:
        node = self.expr()
        if self.tok.kind != "end":
            t = self.tok
            if t.kind in ("word", "cjk"):
                raise self.fail(f"unexpected {t.text!r}: a number takes one unit (write `*` to multiply)")
            if t.kind in ("number", "sign", "date"):
                raise self.fail(f"unexpected {t.text!r}: an operator (+ - * /) is missing before it")
            raise self.fail(f"unexpected {self.describe(t)}")
        return node

    def expr(self) -> Node:
        self.enter()
        node = self.term()
        while self.is_op("+", "-"):
            op = self.take()
            right = self.term()
            node = self.made(Binary(op.text, node, right, node_start(node), node_end(right), op.pos), node, right)
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.is_op("*", "/"):
            op = self.take()
            right = self.unary()
            if op.text == "/" and isinstance(right, Name) and _per_figure(node):
                right = right._replace(per=True)
            node = self.made(Binary(op.text, node, right, node_start(node), node_end(right), op.pos), node, right)
        return node

    def unary(self) -> Node:
        if self.is_op("-", "+"):
            op = self.take()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            if op.text == "+":
                return operand
            return self.made(Unary("-", operand, op.pos, node_end(operand)), operand)
        return self.power()

    def power(self) -> Node:
        base = self.primary()
        if self.is_op("**"):
            op = self.take()
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            return self.made(Binary("**", base, exponent, node_start(base), node_end(exponent), op.pos), base, exponent)
        return base

    def primary(self) -> Node:
        t = self.tok
        if t.kind == "number":
            return self.quantity(None)
        if t.kind == "sign":
            self.take()
            if self.tok.kind != "number":
                raise self.fail(f"a number must follow {t.text!r}")
            return self.quantity(t)
        if t.kind == "date":
            self.take()
            try:
                d = date.fromisoformat(t.text)
            except ValueError:
                raise self.fail(f"{t.text!r} is not a date of the calendar", t) from None
            return DateLit(q.DateValue(d), t.pos, t.end)
        if t.kind == "word":
            self.take()
            if self.is_op("("):
                return self.call(t)
            return Name(t.text, t.pos, t.end)
        if t.kind == "cjk":
            self.take()
            return Name(t.text, t.pos, t.end)
        if self.is_op("("):
            self.take()
            node = self.expr()
            if not self.is_op(")"):
                raise self.fail(f"expected ')' to close the '(' at column {t.pos + 1}, found {self.describe(self.tok)}")
            close = self.take()
            if isinstance(node, Num):  # a figure in accounting parentheses, (3%) or (1.2 bn), is negative
                return node._replace(value=q.neg(node.value), start=t.pos, end=close.end)
            return node
        if t.kind == "percent":
            raise self.fail("'%' must follow a number")
        raise self.fail(f"expected a number, a fact or a function, found {self.describe(t)}")

    def call(self, name: Token) -> Node:
        from factcheck.functions import FUNCTIONS

        if name.text not in FUNCTIONS:
            raise self.fail(f"unknown function {name.text!r}{did_you_mean(name.text, FUNCTIONS)}", name)
        self.enter()
        self.take()  # (
        args: list[Node] = []
        if not self.is_op(")"):
            while True:
                args.append(self.expr())
                if self.is_op(","):
                    self.take()
                    continue
                break
        if not self.is_op(")"):
            raise self.fail(f"expected ',' or ')' in the arguments of {name.text}(), found {self.describe(self.tok)}")
        end = self.take().end
        self.depth -= 1
        return self.made(Call(name.text, tuple(args), name.pos, end), *args)

    def quantity(self, sign: Token | None) -> Node:
        num = self.take()
        start = sign.pos if sign else num.pos
        end = num.end
        mag = mag_word = None
        t = self.tok
        if t.kind in ("word", "cjk") and q.magnitude(t.text) is not None and not self._next_is_call():
            mag, mag_word = q.canonical_magnitude(t.text), t.text
            end = self.take().end
        value = q.literal(num.text, mag)
        u = q.unit(q.CURRENCY_SIGNS[sign.text]) if sign else None
        count_word = None
        t = self.tok
        word_unit = None
        if t.kind == "percent":
            word_unit = q.unit("percent")
            end = self.take().end
        elif t.kind in ("word", "cjk") and not self._next_is_call() and not self._at_per():
            word_unit, end, count_word = self.unit_words()
        if word_unit is not None:
            if u is not None and word_unit != u:
                assert sign is not None  # u comes from the sign
                raise self.fail(f"{sign.text!r} and {self.text[num.end:end].strip()!r} name different units", sign)
            u = word_unit
        while self._at_per():  # '30 CNY per share', '157 bn CNY a year': the count is exact
            self.take()
            per_unit, end, _ = self.unit_words(per=True)
            u = (u or q.PLAIN) / per_unit
        if u is not None:
            value = q.with_unit(value, u)
        return Num(value, start, end, count_word, num.text, mag_word)

    def _at_per(self) -> bool:
        """'per', 'a' or 'an' followed by a unit word: "per share", "a year" (not "per cent")."""
        t = self.tok
        if t.kind != "word" or t.text not in q.PER_WORDS:
            return False
        nxt = self.peek()
        if nxt.kind not in ("word", "cjk") or (t.text in ("per", "Per") and nxt.text == "cent"):
            return False
        after = self.peek(2)
        return not (after.kind == "op" and after.text == "(")

    def _next_is_call(self) -> bool:
        """The current word is a function name when '(' follows it."""
        nxt = self.peek()
        return nxt.kind == "op" and nxt.text == "("

    def _currency_phrase(self, first: str) -> tuple[Any, int, None] | None:
        """'US dollars', 'Hong Kong dollars', 'pounds sterling' (the first word taken)."""
        for words, code in q.CURRENCY_PHRASES.items():
            if words[0] != first:
                continue
            rest = words[1:]
            if all(self.peek(k).kind == "word" and self.peek(k).text == w for k, w in enumerate(rest)):
                end = self.tok.end
                for _ in rest:
                    end = self.take().end
                return q.unit(code), end, None
        return None

    def unit_words(self, per: bool = False) -> tuple[Any, int, str | None]:
        """The unit after a number (or after 'per'): its Unit, where it ends, and the count
        word when it is a count."""
        t = self.take()
        w = t.text
        if w in ("per", "Per") and self.tok.kind == "word" and self.tok.text == "cent":
            return q.unit("percent"), self.take().end, None
        if w == "percentage" and self.tok.kind == "word" and self.tok.text in ("point", "points"):
            return q.unit("pp"), self.take().end, None
        if w == "basis" and self.tok.kind == "word" and self.tok.text in ("point", "points"):
            return q.unit("bp"), self.take().end, None
        phrase = self._currency_phrase(w)
        if phrase is not None:
            return phrase
        u = q.unit_for_word(w)
        if u is not None:
            return u, t.end, None
        if t.kind == "word" and (w[0].isupper() and w.isupper() and len(w) == 3):
            raise self.fail(
                f"unknown currency {w!r}: factcheck knows {', '.join(q.CURRENCIES)}", t
            )
        nxt = self.tok
        slip = q.misspelt_unit(w)
        if slip:  # '3 bn yaun': a slip of a unit, never a count of "yauns"
            raise self.fail(f"unknown unit {w!r} (did you mean {slip!r}?)", t)
        if not per and nxt.kind in ("word", "cjk", "percent") and not self._next_is_call() and (
            nxt.kind == "percent" or q.unit_for_word(nxt.text) is not None or q.magnitude(nxt.text) is not None
        ):
            # '1 bilion CNY', '5 milion users': the first word was meant as a unit or magnitude
            raise self.fail(f"unknown unit {w!r}: a number takes one unit (write `*` to multiply)", t)
        # any other plain word after a number is a count of that thing
        try:
            return q.count_unit(w), t.end, w
        except q.QuantityError as e:
            raise ExprError(e.message, t.pos, e.code) from None


def _per_figure(n: Node) -> bool:
    """A figure a name after '/' makes a per-unit figure of: a number as written
    (`59.49 CNY/share`), or one that is already per something (`CNY/share/year`)."""
    return isinstance(n, Num) or (isinstance(n, Binary) and n.op == "/" and isinstance(n.right, Name) and n.right.per)


def node_start(n: Node) -> int:
    return n.start


def node_end(n: Node) -> int:
    return n.end


# --------------------------------------------------------------------------- evaluator

#: what an expression computes to: a number in a unit, or a date
Computed = q.Value | q.DateValue


class Evaluator:
    """Evaluates trees for one claims file: its facts, memoised, and its rates."""

    def __init__(
        self,
        facts: Mapping[str, Fact],
        rates: q.Rates = q.NO_RATES,
        broken: Mapping[str, str] | None = None,
    ) -> None:
        self.facts = facts
        self.rates = rates
        self.broken = broken or {}
        self._memo: dict[str, Computed] = {}
        self._failed: dict[str, ExprError] = {}
        self._active: list[str] = []
        self._suggestions_left = SUGGESTION_WORK

    def forget(self) -> None:
        """Let go of the facts' computed values (a run over an archive keeps no detail)."""
        self._memo.clear()
        self._failed.clear()

    # facts -----------------------------------------------------------------
    def fact(self, name: str) -> Computed:
        if name in self._memo:
            return self._memo[name]
        if name in self._failed:
            # a fresh error each time: raising the stored one again would lengthen its
            # traceback (and keep every frame of it) at every claim that uses the fact
            stored = self._failed[name]
            err = ExprError(stored.message, stored.offset, stored.code, stored.hints)
            err.where = stored.where  # type: ignore[attr-defined]
            raise err
        fact = self.facts[name]
        if name in self._active:  # the loader refuses cycles; this is a last guard
            raise ExprError(f"fact {name!r} refers to itself", 0, "cycle")
        self._prepare(fact.expr.node)
        self._active.append(name)
        try:
            value = self.eval(fact.expr.node)
        except ExprError as e:
            where = getattr(e, "where", None) or fact.expr.at(e.offset)
            err = ExprError(f"in fact {name!r} ({where}): {e.message}", 0, e.code, e.hints)
            err.where = where  # type: ignore[attr-defined]
            self._failed[name] = err
            raise err from None
        finally:
            self._active.pop()
        if fact.exact and isinstance(value, q.Value):
            value = q.Value(value.point, Interval.point(value.point), value.unit, value.mag)
        self._memo[name] = value
        return value

    def _prepare(self, node: Node) -> None:
        """Evaluate the facts ``node`` depends on, deepest first and without recursion.

        Each fact is then computed with all of its own facts at hand, so a chain of
        10,000 facts (a: b + 1, b: c + 1, …) never recurses deeper than one expression.
        A fact that fails keeps its error, raised where the fact is used. Called once a
        fact, before it is first computed (not at every claim).
        """
        order: list[str] = []
        seen: set[str] = set()
        stack: list[tuple[str, bool]] = [(n, False) for n in sorted(names_in(node, count_words=False))]
        while stack:
            name, expanded = stack.pop()
            if expanded:
                order.append(name)
                continue
            if name in seen or name not in self.facts or name in self.broken or name in self._memo or name in self._failed:
                continue
            seen.add(name)
            stack.append((name, True))
            stack.extend((d, False) for d in sorted(names_in(self.facts[name].expr.node, count_words=False)) if d not in seen)
        for name in order:
            if name not in self._memo and name not in self._failed and name not in self._active:
                try:
                    self.fact(name)
                except ExprError:
                    pass

    # nodes -------------------------------------------------------------------
    def eval(self, node: Node) -> Computed:
        try:
            return self._eval(node)
        except q.QuantityError as e:  # pragma: no cover - _eval places these itself
            raise ExprError(e.message, node.start, e.code) from None

    def _eval(self, node: Node) -> Computed:
        if isinstance(node, Num):
            if node.count_word and node.count_word in self.facts:
                raise ExprError(
                    f"{node.count_word!r} after a number reads as a unit, but it is a fact: "
                    f"write `* {node.count_word}` to multiply",
                    node.start,
                    "syntax",
                )
            if node.mag_word and node.mag_word in self.facts:
                raise ExprError(
                    f"{node.mag_word!r} after a number reads as a magnitude ({node.value.mag}), but a fact "
                    f"has that name: write `* {node.mag_word}` to multiply, or rename the fact",
                    node.start,
                    "syntax",
                )
            return node.value
        if isinstance(node, DateLit):
            return node.value
        if isinstance(node, Name):
            return self.name(node)
        if isinstance(node, Unary):
            v = self.number(self._eval(node.operand), node.operand)
            return q.neg(v)
        if isinstance(node, Binary):
            return self.binary(node)
        if isinstance(node, Call):
            return self.call(node)
        raise AssertionError(f"unknown node {node!r}")  # pragma: no cover

    def name(self, node: Name) -> Computed:
        n = node.name
        if n in self.broken:
            raise ExprError(f"fact {n!r} cannot be used: {self.broken[n]}", node.start, "broken-fact")
        if n in self.facts:
            return self.fact(n)
        u = q.unit_for_word(n)
        if u is not None:
            return q.exact(Fraction(1), u)
        if n.lower() in _NOT_FINITE_WORDS:
            raise ExprError(not_finite(n), node.start, "not-finite")
        slip = q.misspelt_unit(n)
        if slip:
            raise ExprError(f"unknown unit {n!r} (did you mean {slip!r}?)", node.start, "unknown-unit")
        if node.per:  # '59.49 CNY/share': per one share, exactly
            try:
                return q.exact(Fraction(1), q.count_unit(n))
            except q.QuantityError as e:
                raise ExprError(e.message, node.start, e.code) from None
        raise ExprError(f"unknown fact {n!r}{self.suggest(n)}", node.start, "unknown-fact")

    def suggest(self, word: str) -> str:
        """A close fact name, within this file's budget of comparisons."""
        pool = len(self.facts) + len(self.broken)
        if pool > self._suggestions_left:
            return ""
        self._suggestions_left -= pool
        return did_you_mean(word, [*self.facts, *self.broken])

    def number(self, v: Computed, node: Node) -> q.Value:
        if isinstance(v, q.DateValue):
            raise ExprError(
                "a date can only be read by years_between, days_between or ordinal", node.start, "date"
            )
        return v

    def binary(self, node: Binary) -> q.Value:
        a = self.number(self._eval(node.left), node.left)
        if node.op == "**":
            n = self.number(self._eval(node.right), node.right)
            return self.power(a, n, node)
        b = self.number(self._eval(node.right), node.right)
        try:
            if node.op == "+":
                return q.add(a, b, self.rates)
            if node.op == "-":
                return q.sub(a, b, self.rates)
            if node.op == "*":
                return q.mul(a, b)
            return q.div(a, b, self.rates)
        except ComputeError as e:
            raise ExprError(e.message, node.op_pos, e.code) from None

    def power(self, a: q.Value, n: q.Value, node: Binary) -> q.Value:
        if not q.is_plain(n.unit) or n.point.denominator != 1 or abs(n.point) > MAX_POWER:
            raise ExprError(
                f"'**' takes a whole number from -{MAX_POWER} to {MAX_POWER} as its exponent",
                node.right.start,
                "too-large",
            )
        try:
            return q.power(a, int(n.point))
        except ComputeError as e:
            raise ExprError(e.message, node.op_pos, e.code) from None

    def call(self, node: Call) -> q.Value:
        from factcheck.functions import FUNCTIONS

        fn = FUNCTIONS[node.name]
        if not fn.min_args <= len(node.args) <= fn.max_args:
            grouped = [a for a in node.args if isinstance(a, Num) and "," in a.raw]
            note = ""
            if grouped and len(node.args) < fn.min_args:
                note = (
                    "; note that a comma followed by three digits joins them into one number "
                    "(1,500 is fifteen hundred): put a space after a comma between arguments"
                )
            raise ExprError(f"{node.name}() {fn.arity_text()}, given {len(node.args)}{note}", node.start, "arity")
        args = [self._eval(a) for a in node.args]
        try:
            return fn.fn(args, self.rates)
        except ComputeError as e:
            arg = e.arg if isinstance(e, FunctionError) else None
            at = node.args[arg].start if arg is not None and arg < len(node.args) else node.start
            # a number too large is the same message wherever it happens; the rest name the function
            said = e.message if isinstance(e, TooLarge) else f"{node.name}(): {e.message}"
            hints = e.hints if isinstance(e, FunctionError) else ()
            raise ExprError(said, at, e.code, hints) from None

