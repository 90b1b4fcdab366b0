"""A claim's computation as a tree of steps, for ``factcheck explain`` and the html report.

A step is a part of an expression as it is written, its value, and the interval that the
rounding of its inputs allows; a fact's step holds the steps of its own expression, and
says where the fact is written and where its figure comes from. A figure written as one
value (``157.479 billion CNY/year``, ``-47 pp``) is one step, not a tree of its digits and
units. The engine builds steps only when a report asks for them (``run(detail=True)``),
so that the other reports pay nothing for them.

Every node is evaluated once: the evaluator below keeps each node's value as it goes, so
a long expression costs what computing it costs. At most ``MAX_STEPS`` steps are shown
for a claim (its check and its stated value together), ``MAX_SHOWN_DEPTH`` levels deep,
and ``RUN_STEPS`` for a whole run (a claims file of thousands of claims that each reach
a deep chain of facts made 179 MB of HTML): past them a step shows its value and counts
the steps under it that are not shown (``Step.omitted``), never silently dropped.
"""

from __future__ import annotations

import functools
from typing import Any

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr import Binary, Call, DateLit, Evaluator, Name, Node, Num, Unary
from factcheck.model import Expr, Fact, Shown, Step
from factcheck.quantity.format import within_sig
from factcheck.verdict import num

MAX_STEPS = 200  # steps shown for one claim: an article's claims take from 1 to about 30
MAX_SHOWN_DEPTH = 24  # levels shown
RUN_STEPS = 10_000  # steps shown for a whole run (about 1 s of CPU and 2 MB of HTML)


class Budget:
    """The steps a run has left to show: each run has its own (``Run.budget``)."""

    def __init__(self) -> None:
        self.steps = RUN_STEPS


def show(v: object) -> tuple[Shown | None, str]:
    """A value as a step shows it, and its interval: '[379.5 to 380.5 billion CNY]',
    'exact', or '' for a date."""
    if isinstance(v, (q.Value, q.DateValue)):
        return _show(v)
    return None, ""


@functools.lru_cache(maxsize=4096)
def _show(v: q.Value | q.DateValue) -> tuple[Shown | None, str]:
    """``show``, once for each value: the claims of a file that reach the same facts
    show the same values again and again (values are immutable, equal when alike)."""
    if isinstance(v, q.DateValue):
        return Shown(value=None, low=None, high=None, unit="date", text=v.day.isoformat()), ""
    if not isinstance(v, q.Value):
        return None, ""

    sig = within_sig(v, 6)  # the point as shown lies within its interval as shown
    interval = "exact" if v.exact else f"[{q.fmt_range(v.iv.lo, v.iv.hi, v, max(7, sig))}]"
    shown = Shown(
        value=num(v.point),
        low=num(v.iv.lo),
        high=num(v.iv.hi),
        unit=None if q.is_plain(v.unit) else q.unit_text(v.unit, True),
        text=q.fmt_value(v, sig),
    )
    return shown, interval


class _Remembering(Evaluator):
    """An evaluator that keeps the value (or the error) of every node it evaluates, so
    that showing each step of a computation costs one computation."""

    def __init__(self, ev: Evaluator) -> None:
        super().__init__(ev.facts, ev.rates, ev.broken)
        self._memo, self._failed = ev._memo, ev._failed  # facts already computed
        self.values: dict[int, Any] = {}
        self.errors: dict[int, ExprError] = {}

    def _eval(self, node: Node) -> Any:
        key = id(node)
        if key in self.values:
            return self.values[key]
        if key in self.errors:
            raise self.errors[key]
        try:
            value = super()._eval(node)
        except ExprError as e:
            self.errors[key] = e
            raise
        self.values[key] = value
        return value


def trace(ev: Evaluator, expr: Expr) -> Step:
    """The steps of one expression of a claims file (a check, a stated value), outside
    any run's budget."""
    return trace_claim(ev, [("", expr)], Budget())[0][1]


def trace_claim(ev: Evaluator, exprs: list[tuple[str, Expr]], budget: Budget | None = None) -> list[tuple[str, Step]]:
    """The steps of a claim's expressions (its check, its stated value), named: at most
    ``MAX_STEPS`` for them all, and what is left of the run's ``RUN_STEPS`` (``budget``:
    the run's, ``Run.budget(Budget)``; a budget of its own unless given). Each expression
    shows its own step (its value) whatever is left."""
    budget = Budget() if budget is None else budget
    tracer = _Tracer(ev)
    tracer.left = allowed = min(MAX_STEPS, budget.steps)
    out = [(name, tracer.step(e.node, e.text, 0)) for name, e in exprs]
    budget.steps -= allowed - max(tracer.left, 0)
    return out


def _written(node: Node) -> bool:
    """One figure as written: a number with its magnitude and units (``-47 pp``,
    ``157.479 billion CNY/year``), no fact and no function."""
    numbers = 0
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, (Num, DateLit)):
            numbers += 1
        elif isinstance(n, Name):
            if q.unit_for_word(n.name) is None and not n.per:  # '6.13 USD/share' is one figure
                return False
        elif isinstance(n, Unary):
            stack.append(n.operand)
        elif isinstance(n, Binary) and n.op in ("*", "/"):
            stack += [n.left, n.right]
        else:
            return False
    return numbers <= 1


class _Tracer:
    def __init__(self, ev: Evaluator) -> None:
        self.ev = _Remembering(ev)
        self.left = MAX_STEPS

    def value(self, node: Node) -> tuple[Shown | None, str, str]:
        try:
            shown, interval = show(self.ev.eval(node))
        except ExprError as e:
            return None, "", e.message
        return shown, interval, ""

    def step(self, node: Node, text: str, depth: int) -> Step:
        self.left -= 1
        label = " ".join(text[node.start : node.end].split())
        shown, interval, error = self.value(node)
        note = ""
        parts: list[tuple[Node, str]] = []
        if isinstance(node, Name) and node.name in self.ev.facts and node.name not in self.ev.broken:
            fact = self.ev.facts[node.name]
            note = _fact_note(fact)
            if not _written(fact.expr.node):
                parts = [(fact.expr.node, fact.expr.text)]
        elif not _written(node):
            parts = _operands(node, text)
        if depth >= MAX_SHOWN_DEPTH:
            shown_parts: list[tuple[Node, str]] = []
        else:
            shown_parts = parts[: max(self.left, 0)]
        children = []
        for i, (child, child_text) in enumerate(shown_parts):
            if self.left <= 0:
                break
            step = self.step(child, child_text, depth + 1)
            if isinstance(node, Call) and (node.name, i) in _EXACT_ARGS and step.value is not None:
                step = _as_exact(step, _EXACT_ARGS[node.name, i])
            children.append(step)
        return Step(label, shown, tuple(children), interval, note, error, len(parts) - len(children))


def _fact_note(fact: Fact) -> str:
    """What a step of a fact says of it: where it is defined, its origin, source and date,
    and a written value its filing disagrees with."""
    note = f"fact, {fact.span}" + (f"; {fact.origin}" if fact.origin else "")
    note += f"; source: {fact.source}" if fact.source else ""
    note += f"; as of {fact.as_of}" if fact.as_of else ""
    if fact.mismatch:
        note += f"; its written value disagrees: {fact.mismatch}"
    return note


def _operands(node: Node, text: str) -> list[tuple[Node, str]]:
    """The nodes an operation is computed from, each with the text it is written in."""
    if isinstance(node, Unary):
        return [(node.operand, text)]
    if isinstance(node, Binary):
        return [(node.left, text), (node.right, text)]
    if isinstance(node, Call):
        return [(a, text) for a in node.args]
    return []


#: arguments a function takes as exact, whatever their digits: cagr's years count whole periods
_EXACT_ARGS = {("cagr", 2): "taken as exact: whole periods"}


def _as_exact(step: Step, why: str) -> Step:
    """A step whose value the function reads as exact, shown so."""
    v = step.value
    assert v is not None
    return step._replace(
        value=v._replace(low=v.value, high=v.value), interval="exact", note=step.note or why
    )


def walk(step: Step) -> list[Step]:
    """Every step of a tree, depth first."""
    out, stack = [], [step]
    while stack:
        s = stack.pop()
        out.append(s)
        stack.extend(reversed(s.children))
    return out
