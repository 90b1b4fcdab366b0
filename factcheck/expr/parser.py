"""The parser: tokens to a tree by precedence, with its nesting and height refused past their limits."""

from __future__ import annotations

import functools
from datetime import date
from fractions import Fraction
from typing import Any

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr.tokens import Token, tokenize
from factcheck.expr.tree import Binary, Call, DateLit, Name, Node, Num, Unary, node_end, node_start, per_figure
from factcheck.suggest import did_you_mean

MAX_NESTING = 48  # nested parentheses, calls and unary signs
#: Operations one inside another, counting chains (``1 + 1 + …`` is a tree as tall as it
#: is long). The evaluator, ``explain`` and the tree's own equality recurse once a level,
#: so this keeps every walk far inside Python's recursion limit; a longer addition is
#: written with sum(), which is flat.
MAX_HEIGHT = 150


def _counted(node: Num) -> bool:
    """A whole number of one count or time unit, as written: `10 股`, `1 year`, `300 stores`."""
    if node.mag_word is not None or not node.raw.replace(",", "").isdigit():
        return False
    exponents = list(node.value.unit.exponents.values())
    return exponents == [1] and (q.is_count(node.value.unit) or q.is_time(node.value.unit))


def _as_count(node: Node) -> Node:
    """A count that multiplies or divides (`/ 10 股`, `* 1 year`, `* 300 stores`) is exact:
    per 10 shares is per ten, not per 9.5 to 10.5 shares."""
    if isinstance(node, Num) and _counted(node) and not node.value.exact:
        return node._replace(value=q.exact(node.value.point, node.value.unit))
    return node


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
            right = _as_count(self.unary())
            if op.text == "*":
                node = _as_count(node)
            if op.text == "/" and isinstance(right, Name) and per_figure(node):
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
        if t.kind == "cjk" and t.text.startswith(q.PER_PREFIX):
            return self.per_phrase()
        if t.kind == "cjk":
            self.take()
            return Name(t.text, t.pos, t.end)
        if self.is_op("("):
            return self.group(t)
        if t.kind == "percent":
            raise self.fail("'%' must follow a number")
        raise self.fail(f"expected a number, a fact or a function, found {self.describe(t)}")

    def group(self, t: Token) -> Node:
        """An expression in parentheses, the '(' being ``t``."""
        self.take()
        node = self.expr()
        if not self.is_op(")"):
            raise self.fail(f"expected ')' to close the '(' at column {t.pos + 1}, found {self.describe(self.tok)}")
        close = self.take()
        if isinstance(node, Num) and not _counted(node):
            # a figure in accounting parentheses, (3%) or (1.2 bn), is negative; a count
            # or a time, (10 股) or (3 years), is only grouped
            return node._replace(value=q.neg(node.value), start=t.pos, end=close.end)
        # the node spans its parentheses, so that a step of `explain` shows them:
        # '(1 + 2) / 3', not '1 + 2) / 3'
        height = self.heights.pop(id(node), None)
        node = node._replace(start=t.pos, end=close.end)
        if height is not None:
            self.heights[id(node)] = height
        return node

    def per_phrase(self) -> Node:
        """每股68.64元 (68.64 CNY/share), 每10股派息308.76元 (30.876 CNY/share, exactly),
        每年1574.79亿元 (CNY/year): 每, a whole number of units (one when none is written),
        the unit (股 is share; a time word), an optional label (收益, 派息), the figure."""
        head = self.take()
        what = "write 每, a whole number of units if more than one, the unit and the figure: 每股0.5元, 每10股3.08元, 每年157亿元"
        count, rest = self._per_count(head, what)
        word = next((w for w in (*q.COUNT_SYNONYMS, *q.TIME_WORDS) if rest.startswith(w) and not w.isascii()), None)
        if word is None:
            raise self.fail(f"{rest!r} after 每 is not a unit factcheck reads there (股, or a time: 年, 个月, 天); {what}", head)
        per = q.unit_for_word(word) or q.count_unit(word)
        if self.tok.kind == "cjk" and rest == word and q.unit_for_word(self.tok.text) is None and q.magnitude(self.tok.text) is None:
            self.take()  # a label between the unit and its figure: 每10股 派发现金红利 308.76元
        if count == 0 or self.tok.kind not in ("number", "sign"):
            raise self.fail(what, head)
        figure = self.primary()
        assert isinstance(figure, Num)  # a number or a sign and a number: a quantity
        try:
            value = q.div(figure.value, q.exact(Fraction(count), per))
        except q.QuantityError as e:
            raise ExprError(e.message, head.pos, e.code) from None
        if count == 1:  # shown as written: 每年1574.79亿元 in 亿
            value = q.Value(value.point, value.iv, value.unit, figure.value.mag)
        return Num(value, head.pos, figure.end, None, figure.raw, figure.mag_word)

    def _per_count(self, head: Token, what: str) -> tuple[int, str]:
        """How many units 每 is of (one when none is written: 每股) and the text of the unit
        after it (每10股, or 每 年 as the tokenizer splits a unit word it knows)."""
        rest = head.text[len(q.PER_PREFIX) :]
        if rest:
            return 1, rest
        count = 1
        if self.tok.kind == "number":
            if not self.tok.text.replace(",", "").isdigit():
                raise self.fail(what, head)
            count = int(self.take().text.replace(",", ""))
        if self.tok.kind != "cjk":
            raise self.fail(what, head)
        return count, self.take().text

    def call(self, name: Token) -> Node:
        # lazy: the function table only when a call is met
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
        word_unit, end, count_word = self._unit_after(end)
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

    def _unit_after(self, end: int) -> tuple[Any, int, str | None]:
        """The unit after a number (and its magnitude) ending at ``end``: '%', or unit words
        (not a function's name, not 'per'); (None, end, None) when none follows."""
        t = self.tok
        if t.kind == "percent":
            return q.unit("percent"), self.take().end, None
        if t.kind in ("word", "cjk") and not self._next_is_call() and not self._at_per():
            return self.unit_words()
        return None, end, None

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
        self._no_count(t, per)
        # any other plain word after a number is a count of that thing
        try:
            return q.count_unit(w), t.end, w
        except q.QuantityError as e:
            raise ExprError(e.message, t.pos, e.code) from None

    def _no_count(self, t: Token, per: bool) -> None:
        """Refuse a word after a number that is no unit and no count either: an unknown
        currency code, a slip of a unit's name, a misspelt unit or magnitude before another."""
        w = t.text
        if t.kind == "word" and (w[0].isupper() and w.isupper() and len(w) == 3):
            raise self.fail(
                f"unknown currency {w!r}: not an ISO 4217 code (CHF, MXN, ZAR…)", t
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
