"""Matching a located passage's figures with the figures a claim uses: kinds, agreement, contradiction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr import DateLit, Evaluator, Name, Node, Num, names_in
from factcheck.model import (
    Claim,
    Document,
)
from factcheck.prose import Mention


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure a claim uses, as claims.yaml writes it."""

    label: str  # 'stated', 'check' or a fact's name
    text: str
    value: Any  # q.Value | q.DateValue



def claim_figures(claim: Claim, ev: Evaluator, doc: Document) -> list[Figure]:
    """The stated value, the literals of the check and the facts it reaches (through
    other facts too), each evaluated; what cannot be evaluated is left out."""
    out: list[Figure] = []
    if claim.stated is not None:
        _add(out, "stated", claim.stated.text.strip(), lambda: ev.eval(claim.stated.node))
    if claim.check is None:
        return out
    for node in _literals(claim.check.node):
        text = claim.check.text[node.start : node.end]
        _add(out, "check", text, lambda node=node: ev.eval(node))
    seen: set[str] = set()
    todo = sorted(names_in(claim.check.node) & doc.facts.keys())
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        fact = doc.facts[name]
        _add(out, name, fact.expr.text.strip(), lambda name=name: ev.fact(name))
        if not isinstance(fact.expr.node, (Num, DateLit)):
            for node in _literals(fact.expr.node):
                _add(out, name, fact.expr.text[node.start : node.end], lambda node=node: ev.eval(node))
            todo += sorted(names_in(fact.expr.node) & doc.facts.keys())
    return out


def _add(out: list[Figure], label: str, text: str, value: Any) -> None:
    try:
        v = value()
    except (ExprError, q.QuantityError, ArithmeticError):
        return
    if isinstance(v, (q.Value, q.DateValue)):
        out.append(Figure(label, text, v))


def _literals(node: Node) -> Iterable[Node]:
    stack: list[Node] = [node]
    found: list[Node] = []
    while stack:
        n = stack.pop()
        if isinstance(n, (Num, DateLit)):
            found.append(n)
        elif isinstance(n, Name):
            continue
        else:
            for attr in ("operand", "left", "right"):
                child = getattr(n, attr, None)
                if child is not None:
                    stack.append(child)
            stack.extend(getattr(n, "args", ()))
    return sorted(found, key=lambda n: n.start)


# --------------------------------------------------------------------------- kinds and agreement


def _figure_kind(f: Figure) -> str:
    v = f.value
    if isinstance(v, q.DateValue):
        return "date"
    if q.is_plain(v.unit):
        p = v.point
        return "year" if p.denominator == 1 and 1000 <= p <= 2999 else "plain"
    if q.is_percent(v.unit):
        return "percent"
    if q.in_points(v.unit):  # percentage points, basis points
        return "pp"
    return "unit"


def _mention_kind(m: Mention) -> str:
    if m.kind in ("date", "year", "ordinal"):
        return m.kind
    v = _first_value(m)
    if m.kind == "range" and m.ends and m.ends[0].kind == "year":
        return "year"
    if m.fraction:
        return "fraction"
    assert v is not None
    if q.is_plain(v.unit):
        return "plain"
    if q.is_percent(v.unit):
        return "percent"
    if q.in_points(v.unit):  # percentage points, basis points
        return "pp"
    return "unit"


#: mention kind -> figure kinds it can agree with; the cross-kind pairs marked False
#: may agree but never contradict (a year against the year of a date)
_COMPARES: dict[str, dict[str, bool]] = {
    "date": {"date": True, "year": False},
    "year": {"year": True, "date": False},
    "ordinal": {"plain": True, "unit": True},
    "fraction": {"plain": True, "percent": True},
    "plain": {"plain": True, "unit": False},  # '15.8 billion' for 15.8125 billion shares
    "percent": {"percent": True},
    "pp": {"pp": True},
    "unit": {"unit": True},
}


def _abs(v: q.Value) -> q.Value:
    return q.neg(v) if v.point < 0 else v


def _as(m: q.Value, f: q.Value) -> tuple[q.Value, q.Value] | None:
    """The mention's value in the figure's unit (a rate compared per its time unit)."""
    try:
        return q.convert(m, f.unit), f
    except q.QuantityError:
        pass
    for name, exp in f.unit.exponents.items():
        if exp == -1 and name in q.TIME_UNITS:
            per = q.mul(f, q.exact(Fraction(1), q.unit(name)))
            try:
                return q.convert(m, per.unit), per
            except q.QuantityError:
                return None
    return None


def _values_agree(m: q.Value, f: q.Value) -> bool:
    pair = _as(m, f)
    if pair is None:
        return False
    a, b = _abs(pair[0]), _abs(pair[1])
    return b.iv.contains(a.point) or a.iv.contains(b.point)


def _value_of(m: Mention, f: Figure) -> q.Value | None:
    """The mention as a value comparable with the figure (an ordinal as years, say)."""
    v = m.value
    if v is None:
        return None
    if m.kind == "ordinal" and isinstance(f.value, q.Value) and q.is_time(f.value.unit):
        return q.with_unit(v, q.unit("year"))
    if m.kind == "ordinal" and isinstance(f.value, q.Value) and not q.is_plain(f.value.unit):
        return None
    return v


def agrees(m: Mention, f: Figure) -> bool:
    mk, fk = _mention_kind(m), _figure_kind(f)
    if fk not in _COMPARES[mk]:
        return False
    fv = f.value
    if isinstance(fv, q.DateValue):
        return _on_day(m, fv)
    if m.kind == "date":
        return m.when is not None and m.when[0] is not None and Fraction(m.when[0]) == fv.point
    if m.kind == "range":
        return _range_agrees(m, f)
    v = _value_of(m, f)
    if v is not None and mk == "plain" and fk == "unit":
        # the unit left unsaid ('diluted shares of 15.8 billion'): the numbers agree in the
        # figure's own unit, for a figure written with its magnitude (never a bare '3')
        if v.mag is None:
            return False
        v = q.with_unit(v, fv.unit)
    return v is not None and _values_agree(v, fv)


def _first_value(m: Mention) -> q.Value | None:
    """A figure's value; a range's (which has none of its own), its first end's."""
    if m.value is not None:
        return m.value
    return m.ends[0].value if m.ends else None


def _on_day(m: Mention, fv: q.DateValue) -> bool:
    """Whether a draft figure (a date, or a year) agrees with a claim's date: each part it says."""
    y, mo, d = m.when if m.when else (int(m.value.point) if m.value is not None else None, None, None)
    day = fv.day
    return (y is None or y == day.year) and (mo is None or mo == day.month) and (d is None or d == day.day)


def _range_agrees(m: Mention, f: Figure) -> bool:
    """Whether a range of the draft agrees with a figure: an end agrees, or it holds it."""
    fv = f.value
    if not m.ends:
        return False
    lo, hi = m.ends
    if agrees(lo, f) or agrees(hi, f):
        return True
    if lo.value is None or hi.value is None:
        return False
    pair_lo, pair_hi = _as(lo.value, fv), _as(hi.value, fv)
    if pair_lo is None or pair_hi is None:
        return False
    low, high, target = pair_lo[0].iv.lo, pair_hi[0].iv.hi, pair_lo[1].point
    return low is not None and high is not None and low <= target <= high


def _distance(m: Mention, f: Figure) -> Fraction:
    """How far apart, relatively: which claim figure a contradicting draft figure stands for."""
    fv = f.value
    if isinstance(fv, q.DateValue):
        if m.when is None:
            return Fraction(10**9)
        y, mo, d = m.when
        return Fraction(abs((y or fv.day.year) - fv.day.year) * 400 + abs(mo - fv.day.month) * 31 + abs((d or fv.day.day) - fv.day.day))
    v = _value_of(m, f) if m.kind != "range" else _first_value(m)
    pair = _as(v, fv) if v is not None else None
    if pair is None:
        return Fraction(10**9)
    a, b = abs(pair[0].point), abs(pair[1].point)
    return abs(a - b) / max(b, Fraction(1, 10**9))


def same_figure(a: Mention, b: Mention) -> bool:
    """Two figures of prose that say the same: same kind, same value (or date, or ends)."""
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return a.when == b.when
    if a.kind == "range":
        return all(same_figure(x, y) for x, y in zip(a.ends or (), b.ends or ()))
    if a.value is None or b.value is None:
        return False
    pair = _as(a.value, b.value)
    return pair is not None and pair[0].point == pair[1].point and (a.fraction == b.fraction)


# --------------------------------------------------------------------------- the passage of one claim


def match(
    mentions: list[Mention], figures: list[Figure], meant: dict[int, Mention] | None = None
) -> tuple[list[Mention], list[tuple[Mention, Figure]]]:
    """(agreeing mentions, contradictions as (mention, figure)). ``meant``: for a draft
    figure (by its start), the figure the claim's `says` has in its place; a draft
    figure that contradicts the claim is paired with a claim figure that agrees with
    what the `says` had there (the figure the draft changed), before the nearest one."""
    agreed_m: list[Mention] = []
    used: set[int] = set()
    loose: list[Mention] = []
    for m in mentions:
        hits = [i for i, f in enumerate(figures) if agrees(m, f)]
        if hits:
            agreed_m.append(m)
            used.update(hits)
        else:
            loose.append(m)
    left = [i for i in range(len(figures)) if i not in used]
    contradictions: list[tuple[Mention, Figure]] = []
    for m in loose:
        best = _contradicted(m, figures, left, meant)
        if best is not None:
            left.remove(best)
            contradictions.append((m, figures[best]))
    return agreed_m, contradictions


def _contradicted(m: Mention, figures: list[Figure], left: list[int], meant: dict[int, Mention] | None) -> int | None:
    """The figure (its index, among those ``left``) that a draft figure agreeing with none
    contradicts, or None: the one written in the other of percent and points, else of
    those it compares with, the one the `says` had in its place, else the nearest."""
    mk = _mention_kind(m)
    slip = _points_slip(m, mk, [figures[i] for i in left])
    if slip is not None:  # 'fell 10%' where the claim states -10 pp
        return next(i for i in left if figures[i] is slip)
    strict = _comparable(m, mk, figures, left)
    if not strict:
        return None
    was = (meant or {}).get(m.start)
    replaced = [i for i in strict if was is not None and agrees(was, figures[i])]
    return min(replaced or strict, key=lambda i: (_distance(m, figures[i]), i))


def _comparable(m: Mention, mk: str, figures: list[Figure], left: list[int]) -> list[int]:
    """The figures (indexes among ``left``) a draft figure of kind ``mk`` can contradict."""
    strict = [i for i in left if _COMPARES[mk].get(_figure_kind(figures[i]))]
    if mk == "ordinal":  # an ordinal stands for a count or a number of years, never an amount
        strict = [i for i in strict if _figure_kind(figures[i]) == "plain" or q.is_time(figures[i].value.unit)]
    elif mk == "unit":
        strict = [i for i in strict if m.value is not None and _as(m.value, figures[i].value) is not None]
    return strict


def _points_slip(m: Mention, mk: str, figures: list[Figure]) -> Figure | None:
    """A percentage where the claim has the same number of percentage points (or the
    reverse): the figure it stands for, written in the other unit."""
    other = {"percent": "pp", "pp": "percent"}.get(mk)
    if other is None or m.value is None:
        return None
    for f in figures:
        if _figure_kind(f) == other and abs(f.value.point) == abs(m.value.point):
            return f
    return None

