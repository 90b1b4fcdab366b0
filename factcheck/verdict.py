"""Compare a computed value with a stated one: status, basis, difference, hints.

The rules are the tables of the claims format (spec/claims-format.md, "Verdicts"):
P is the computed point, C the computed interval, s the stated value, S its
interval and S' that interval widened by the tolerance.

Choices the spec leaves open, made here:

- For ``<``, ``<=``, ``>``, ``>=`` a pass has basis ``bound`` when the values differ
  (``exact`` when they are equal, for ``<=`` and ``>=``): the comparison holds for the
  figures as written, with no rounding or tolerance needed.
- The tolerance is ignored by ``=``. A tolerance in ``pp`` against a stated
  percentage is absolute (``1 pp`` around ``33%`` is 32% to 34%).
- Two dates compare only with ``=`` (and ``≈``, which for dates is the same).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck import quantity as q
from factcheck.interval import Interval
from factcheck.model import Basis, Claim, Compare, Difference, Hint, Result, Shown, Status


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the engine computed for one claim, ready to judge."""

    claim: Claim
    computed: Any  # q.Value | q.DateValue
    stated: Any  # q.Value | q.DateValue
    stated_text: str
    tolerance: q.Value | None
    tolerance_text: str
    rounding_only: Status
    rates: q.Rates
    #: (function name, argument values) of the check's root call, computed only for hints
    root_call: Callable[[], tuple[str, list[Any]] | None]


def num(x: Fraction | None) -> float | None:
    """A float for the reports; None for an infinite bound or a number past float's range."""
    if x is None:
        return None
    try:
        return float(x)
    except OverflowError:
        return None


def shown_date(d: q.DateValue) -> Shown:
    return Shown(value=float(d.day.toordinal()), low=None, high=None, unit="date", text=d.day.isoformat())


def _range(iv: Interval, ref: q.Value, sig: int, mag: str | None) -> str:
    return q.fmt_range(iv.lo, iv.hi, ref, sig, mag)


def judge(x: Inputs) -> Result:
    claim = x.claim
    if isinstance(x.computed, q.DateValue) or isinstance(x.stated, q.DateValue):
        return _judge_dates(x)
    stated: q.Value = x.stated
    try:
        computed = q.convert(x.computed, stated.unit, x.rates)
    except q.QuantityError as e:
        why = e.message.replace("cannot convert", "cannot compare", 1)
        return Result(
            claim,
            Status.ERROR,
            f"{why} (computed {q.fmt_value(x.computed)}, stated {x.stated_text})",
            hints=tuple(_unit_hints(x)),
        )

    sig = max(4, q.sig_digits(x.stated_text) + 1)
    mag = stated.mag
    P, C = computed.point, computed.iv
    s, S = stated.point, stated.iv
    cmp = claim.compare

    width = Fraction(0)
    if x.tolerance is not None and cmp is not Compare.EQUAL:
        try:
            width = tolerance_width(x.tolerance, stated, x.rates)
        except q.QuantityError as e:
            return Result(claim, Status.ERROR, f"tolerance {x.tolerance_text}: {e.message}")
    S2 = S.widen(width, width)

    status, basis = _decide(cmp, P, C, s, S, S2, width, x.rounding_only)
    failing = status is Status.FAIL
    if failing and claim.severity == "warning":
        status = Status.WARN

    diff_abs = P - s
    diff_rel = None if s == 0 else diff_abs / abs(s)
    # the computed value keeps the magnitude it was written in (88.136 bn, not 88,136 million)
    c_mag = computed.mag or mag
    c_text = q.fmt_amount(P, stated, sig, c_mag)
    message = _message(cmp, status, basis, failing, c_text, x, C, S, S2, stated, sig, (mag, c_mag), diff_rel)
    hints = tuple(_hints(x, computed, stated, S2)) if failing else ()

    return Result(
        claim,
        status,
        message,
        basis=basis,
        computed=Shown(
            value=num(P),
            low=num(C.lo),
            high=num(C.hi),
            unit=None if q.is_plain(stated.unit) else q.unit_text(stated.unit, pluralize=True),
            text=c_text,
        ),
        stated=_stated_shown(x.stated_text, stated, S2),
        difference=Difference(num(diff_abs), num(diff_rel)),
        hints=hints,
    )


def _stated_range(text: str, stated: q.Value, iv: Interval, sig: int, mag: str | None) -> str:
    """The range a stated figure stands for, as text: worked out once a figure."""
    key = (text, stated.unit, iv, sig, mag)
    hit = _RANGES.get(key)
    if hit is None:
        if len(_RANGES) > 20_000:
            _RANGES.clear()
        hit = _RANGES[key] = _range(iv, stated, sig, mag)
    return hit


_RANGES: dict[tuple[Any, ...], str] = {}


def _stated_shown(text: str, stated: q.Value, S2: Interval) -> Shown:
    """How a stated value shows: one object for every claim that states the same figure
    with the same tolerance (an archive states "5%" thousands of times)."""
    key = (text, stated.unit, stated.point, S2)
    hit = _STATED.get(key)
    if hit is None:
        if len(_STATED) > 20_000:
            _STATED.clear()
        hit = _STATED[key] = Shown(
            value=num(stated.point),
            low=num(S2.lo),
            high=num(S2.hi),
            unit=None if q.is_plain(stated.unit) else q.unit_text(stated.unit, pluralize=True),
            text=text,
        )
    return hit


_STATED: dict[tuple[Any, ...], Shown] = {}


def tolerance_width(tol: q.Value, stated: q.Value, rates: q.Rates) -> Fraction:
    """How far the tolerance widens the stated interval at each end."""
    if q.is_percent(tol.unit):  # relative, even around a percentage: 5% of 40% is 2 points
        return abs(stated.point) * abs(tol.point) / 100
    if q.is_points(tol.unit) and q.is_percent(stated.unit):
        return abs(tol.point)
    return abs(q.convert(tol, stated.unit, rates).point)


def _decide(
    cmp: Compare,
    P: Fraction,
    C: Interval,
    s: Fraction,
    S: Interval,
    S2: Interval,
    width: Fraction,
    rounding_only: Status,
) -> tuple[Status, Basis | None]:
    if cmp is Compare.EQUAL:
        return (Status.PASS, Basis.EXACT) if P == s else (Status.FAIL, None)
    if cmp is Compare.APPROX:
        if S2.contains(P):
            if P == s:
                return Status.PASS, Basis.EXACT
            if S.contains(P):
                return Status.PASS, Basis.PRECISION
            return Status.PASS, Basis.TOLERANCE
        rounding = C.meets(S2)
    else:
        holds = {
            Compare.LT: P < s,
            Compare.LE: P <= s,
            Compare.GT: P > s,
            Compare.GE: P >= s,
        }[cmp]
        if holds:
            return Status.PASS, Basis.EXACT if P == s else Basis.BOUND
        lo, hi = C.lo, C.hi
        top, bottom = S2.hi, S2.lo
        rounding = {
            Compare.LT: lo is None or top is None or lo < top,
            Compare.LE: lo is None or top is None or lo <= top,
            Compare.GT: hi is None or bottom is None or hi > bottom,
            Compare.GE: hi is None or bottom is None or hi >= bottom,
        }[cmp]
    if rounding:
        if rounding_only is Status.FAIL:
            return Status.FAIL, None
        return rounding_only, Basis.ROUNDING
    return Status.FAIL, None


_OPS = {Compare.LT: "<", Compare.LE: "<=", Compare.GT: ">", Compare.GE: ">="}


def _message(
    cmp: Compare,
    status: Status,
    basis: Basis | None,
    failing: bool,
    c_text: str,
    x: Inputs,
    C: Interval,
    S: Interval,
    S2: Interval,
    stated: q.Value,
    sig: int,
    mags: tuple[str | None, str | None],
    diff_rel: Fraction | None,
) -> str:
    st = x.stated_text
    mag, c_mag = mags  # the stated figure's magnitude word, the computed one's
    # the ranges are worked out only where a message shows them (most passes do not)
    if cmp is Compare.EQUAL:
        if not failing:
            return f"{c_text} equals the stated {st} exactly"
        text = f"{c_text} is not exactly the stated {st}"
    elif cmp is Compare.APPROX:
        if basis is Basis.EXACT:
            return f"{c_text} equals the stated {st}"
        if basis is Basis.PRECISION:
            return f"{c_text} rounds to the stated {st} ({_stated_range(st, stated, S, sig, mag)})"
        s_range = _stated_range(st, stated, S2, sig, mag)
        if basis is Basis.TOLERANCE:
            off = "" if diff_rel is None else f", {q.fmt_number(abs(diff_rel) * 100, 2)}% off"
            return f"{c_text} is within the tolerance of {x.tolerance_text} around the stated {st} ({s_range}{off})"
        c_range = _range(C, stated, sig, c_mag)
        if basis is Basis.ROUNDING and status is Status.PASS:
            return (
                f"{c_text} holds with the stated {st} ({s_range}) only through the rounding of the inputs "
                f"({c_range}), as figures computed before they were rounded do"
            )
        if basis is Basis.ROUNDING:
            return (
                f"{c_text} misses the stated {st} ({s_range}); only the rounding of the inputs "
                f"({c_range}) reaches it"
            )
        text = (
            f"{c_text} does not match the stated {st} ({s_range}), even allowing for the "
            f"rounding of the inputs ({c_range})"
        )
    else:
        op = _OPS[cmp]
        if basis in (Basis.EXACT, Basis.BOUND):
            return f"{c_text} {op} {st} holds"
        c_range = _range(C, stated, sig, c_mag)
        if basis is Basis.ROUNDING:
            return f"{c_text} {op} {st} holds only within the rounding of the inputs ({c_range})"
        text = f"{c_text} {op} {st} does not hold, even allowing for the rounding of the inputs ({c_range})"
    if status is Status.WARN and failing:
        text += " (reported as a warning: severity is warning)"
    return text


def _judge_dates(x: Inputs) -> Result:
    claim = x.claim
    a, b = x.computed, x.stated
    if not (isinstance(a, q.DateValue) and isinstance(b, q.DateValue)):
        return Result(claim, Status.ERROR, "cannot compare a date with a number")
    if claim.compare not in (Compare.EQUAL, Compare.APPROX):
        ok = {
            Compare.LT: a.day < b.day,
            Compare.LE: a.day <= b.day,
            Compare.GT: a.day > b.day,
            Compare.GE: a.day >= b.day,
        }[claim.compare]
    else:
        ok = a.day == b.day
    status = Status.PASS if ok else (Status.WARN if claim.severity == "warning" else Status.FAIL)
    days = (a.day - b.day).days
    word = "holds" if ok else "does not hold"
    return Result(
        claim,
        status,
        f"{a.day.isoformat()} {claim.compare.value} {b.day.isoformat()} {word}",
        basis=Basis.EXACT if ok else None,
        computed=shown_date(a),
        stated=shown_date(b),
        difference=Difference(float(days), None),
    )


# --------------------------------------------------------------------------- hints

_MAG_NAMES = {3: "thousand", 6: "million", 9: "billion", 12: "trillion", 4: "万", 8: "亿"}


def _fits(v: Fraction, target: Interval) -> bool:
    return target.contains(v)


def _hints(x: Inputs, computed: q.Value, stated: q.Value, S2: Interval) -> list[Hint]:
    out: list[Hint] = []
    P = computed.point
    sig = max(4, q.sig_digits(x.stated_text) + 1)

    # a magnitude slip: the stated figure matches the computed one times 10^3k (or 万/亿)
    if P != 0:
        for k in (3, 6, 9, 12, 4, 8):
            for sign in (1, -1):
                f = Fraction(10) ** (sign * k)
                if _fits(P * f, S2):
                    big = "larger" if sign > 0 else "smaller"
                    shown_ = q.fmt_amount(P, stated, sig, computed.mag)
                    words = _slip_words(stated.mag, -sign * k)
                    out.append(
                        Hint(
                            "magnitude",
                            f"the stated {x.stated_text} is {10**k:,} times {big} than the computed "
                            f"{shown_}: a slip of magnitude{words}?",
                        )
                    )
                    break
            if out:
                break

    # a sign error: a rise stated where the figures give a fall, or the reverse
    if P != 0 and _fits(-P, S2) and not out:
        direction = "a fall" if P < 0 else "a rise"
        out.append(
            Hint(
                "sign",
                f"the figures give {direction} ({q.fmt_amount(P, stated, sig, stated.mag)}) but the "
                f"stated {x.stated_text} has the opposite sign: is the direction right, or are the "
                "arguments in the wrong order?",
            )
        )

    root = _root(x)
    if root is not None:
        from factcheck.functions import Stated, slip_hints

        name, args = root
        out.extend(slip_hints(name, args, Stated(x.stated_text, stated, S2, x.computed.point, x.rates)))
    return out


def _root(x: Inputs) -> tuple[str, list[Any]] | None:
    from factcheck.errors import ExprError

    try:
        return x.root_call()
    except ExprError:
        return None


def _slip_words(mag: str | None, k: int) -> str:
    """' (million vs billion)' for a stated 'million' that should be 'billion'."""
    if mag is None or mag not in q.MAGNITUDES:
        return ""
    have = q.MAGNITUDES[mag]
    want = _MAG_NAMES.get(have + k)
    if want is None:
        return ""
    return f" ({mag} vs {want})"


def _unit_hints(x: Inputs) -> list[Hint]:
    """Hints for a computed and stated value whose units do not compare."""
    out: list[Hint] = []
    c, s = x.computed, x.stated
    if not (isinstance(c, q.Value) and isinstance(s, q.Value)):
        return out
    if q.is_points(c.unit) and q.is_percent(s.unit):
        if s.iv.contains(c.point):
            out.append(
                Hint(
                    "percent-vs-points",
                    f"the numbers agree, but the computed {q.fmt_value(c)} is in percentage points and the "
                    f"stated {x.stated_text} is a percent: if the article means points, write "
                    f"`{q.fmt_value(c)}`; a relative change would be growth()",
                )
            )
        root = _root(x)
        if root is not None and root[0] == "change":
            old, new = root[1]
            if isinstance(old, q.Value) and isinstance(new, q.Value) and old.point:
                relative = (q.convert(new, q.unit("percent")).point / q.convert(old, q.unit("percent")).point - 1) * 100
                if s.iv.contains(relative):
                    out.append(
                        Hint(
                            "percent-vs-points",
                            f"the stated {x.stated_text} is the relative change ({q.fmt_number(relative)}%): use growth()",
                        )
                    )
    elif q.is_percent(c.unit) and q.is_points(s.unit):
        if s.iv.contains(c.point):
            out.append(
                Hint(
                    "percent-vs-points",
                    f"the numbers agree, but the computed {q.fmt_value(c)} is a percent and the stated "
                    f"{x.stated_text} is in percentage points: for a difference in points use change()",
                )
            )
    elif not q.is_plain(c.unit) and q.is_plain(s.unit) and not q.count_slip(c.unit):  # not "write it with bilions"
        out.append(Hint("missing-unit", f"the stated {x.stated_text} has no unit: write it with {q.unit_text(c.unit, True)}"))
    return out
