"""The evaluator: a tree computed against a claims file's facts and rates, through the functions' whitelist."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from factcheck import quantity as q
from factcheck.errors import ComputeError, ExprError, FunctionError, TooLarge
from factcheck.expr.tokens import NOT_FINITE_WORDS, not_finite
from factcheck.expr.tree import Binary, Call, DateLit, Name, Node, Num, Unary, names_in
from factcheck.interval import Interval
from factcheck.model import Fact
from factcheck.suggest import did_you_mean

MAX_POWER = 12  # |n| in x ** n
#: "did you mean" compares a word with every candidate (up to ~15 µs each); in one file, past
#: this many comparisons, errors come without a suggestion, so that thousands of facts
#: and thousands of unknown names cannot make a run quadratic.
SUGGESTION_WORK = 20_000

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
            err.where = stored.where
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
            err.where = where
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
        for name in self._dependencies(node):
            if name not in self._memo and name not in self._failed and name not in self._active:
                try:
                    self.fact(name)
                except ExprError:
                    pass

    def _dependencies(self, node: Node) -> list[str]:
        """The facts ``node`` depends on that are still to compute, deepest first (a
        depth-first walk with a stack of its own)."""
        order: list[str] = []
        seen: set[str] = set()
        stack: list[tuple[str, bool]] = [(n, False) for n in sorted(names_in(node, count_words=False))]
        while stack:
            name, expanded = stack.pop()
            if expanded:
                order.append(name)
                continue
            if name in seen or self._settled(name):
                continue
            seen.add(name)
            stack.append((name, True))
            stack.extend((d, False) for d in sorted(names_in(self.facts[name].expr.node, count_words=False)) if d not in seen)
        return order

    def _settled(self, name: str) -> bool:
        """A name with nothing to compute first: no fact, or one broken, computed or failed."""
        return name not in self.facts or name in self.broken or name in self._memo or name in self._failed

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
        if n.lower() in NOT_FINITE_WORDS:
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
        # lazy: the function table only when a call is met
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

