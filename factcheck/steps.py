"""A claim's computation as a tree of steps, for ``factcheck explain`` and the html report.

A step is a part of an expression as it is written, its value, and the interval that the
rounding of its inputs allows; a fact's step holds the steps of its own expression, and
says where the fact is written and where its figure comes from. A figure written as one
value (``157.479 billion CNY/year``, ``-47 pp``) is one step, not a tree of its digits and
units. The engine builds steps only when a report asks for them (``run(detail=True)``),
so that the other reports pay nothing for them.

Every node is evaluated once: the evaluator below keeps each node's value as it goes, so
a long expression costs what computing it costs, and at most ``MAX_STEPS`` steps (and
``MAX_SHOWN_DEPTH`` levels) are shown; the rest is counted, never silently dropped.
"""

from __future__ import annotations

from typing import Any

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr import Binary, Call, DateLit, Evaluator, Name, Node, Num, Unary
from factcheck.model import Expr, Shown, Step

MAX_STEPS = 300  # steps shown for one expression
MAX_SHOWN_DEPTH = 24  # levels shown


def show(v: object) -> tuple[Shown | None, str]:
    """A value as a step shows it, and its interval: '[379.5 to 380.5 billion CNY]',
    'exact', or '' for a date."""
    from factcheck.verdict import num

    if isinstance(v, q.DateValue):
        return Shown(value=None, low=None, high=None, unit="date", text=v.day.isoformat()), ""
    if not isinstance(v, q.Value):
        return None, ""
    from factcheck.quantity.format import within_sig

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
    """The steps of one expression of a claims file (a check, a stated value)."""
    return _Tracer(ev).step(expr.node, expr.text, 0)


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
            note = f"fact, {fact.span}" + (f"; {fact.origin}" if fact.origin else "")
            note += f"; source: {fact.source}" if fact.source else ""
            note += f"; as of {fact.as_of}" if fact.as_of else ""
            if fact.mismatch:
                note += f"; its written value disagrees: {fact.mismatch}"
            if not _written(fact.expr.node):
                parts = [(fact.expr.node, fact.expr.text)]
        elif not _written(node):
            if isinstance(node, Unary):
                parts = [(node.operand, text)]
            elif isinstance(node, Binary):
                parts = [(node.left, text), (node.right, text)]
            elif isinstance(node, Call):
                parts = [(a, text) for a in node.args]
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
