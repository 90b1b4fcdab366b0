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
from factcheck.errors import ExprError
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
    c_mag = _computed_mag(computed.mag, mag)
    sig = _deciding_sig(cmp, status, P, C, s, S2, stated, sig, (mag, c_mag))
    c_text = q.fmt_amount(P, stated, sig, c_mag)
    message = _message(cmp, status, basis, failing, c_text, x, C, S, S2, stated, sig, (mag, c_mag), diff_rel)
    hints = tuple(_hints(x, computed, stated, S2)) if failing else ()
    status, basis, message, hints = _percent_as_plain(x, stated, (status, basis, message, hints))

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


def _percent_as_plain(
    x: Inputs, stated: q.Value, verdict: tuple[Status, Basis | None, str, tuple[Hint, ...]]
) -> tuple[Status, Basis | None, str, tuple[Hint, ...]]:
    """The verdict (status, basis, message, hints) with a percentage written as a plain
    number, in the stated value or the tolerance, said: never silent; a pass it decides
    becomes a warning."""
    status, basis, message, hints = verdict
    plain = _plain_for_percent(x, stated, basis)
    if plain:
        said = {h.code for h in hints}
        plain = [h for h in plain if h.code not in said]
    if plain:
        hints = (*hints, *plain)
        if status is Status.PASS and (_dimensionless_stated(x, stated) or basis is Basis.TOLERANCE):
            status, basis = Status.WARN, None
            message += f"; but {plain[0].message}"
            hints = tuple(h for h in hints if h is not plain[0])
    return status, basis, message, hints


def _computed_mag(computed: str | None, stated: str | None) -> str | None:
    """The magnitude the computed value is shown in: the one it was written in (88.136 bn
    against a stated 88,136 million), but one Chinese magnitude for both figures of a
    message (1.2万亿 against a stated 1.3万亿, never 12,000亿 against 1.3万亿)."""
    if computed is None or (stated is not None and not computed.isascii() and not stated.isascii()):
        return stated
    return computed


#: digits beyond the usual that a message may take to show why a figure misses (or meets) its range
_MORE_DIGITS = 12


def _deciding_sig(
    cmp: Compare, status: Status, P: Fraction, C: Interval, s: Fraction, S2: Interval, stated: q.Value, sig: int,
    mags: tuple[str | None, str | None],
) -> int:
    """Enough significant digits that the figures shown decide the verdict as the exact
    ones do: a computed value that misses the stated range prints outside it (55.849%
    misses 55.85% to 55.95%, never "55.85% misses 55.85% to 55.95%"), one that meets it
    prints inside it, a computed range that does not reach the stated one prints apart
    from it, and a value that differs from the stated figure never prints as it."""
    mag, c_mag = mags
    if not _close(status, P, C, s, S2, sig):
        return sig  # nothing within a few digits of a boundary: the usual digits decide it
    for extra in range(_MORE_DIGITS + 1):
        n = sig + extra
        if _decides(cmp, status, P, C, s, S2, stated, n, mag, c_mag):
            return n
    return sig


def _close(status: Status, P: Fraction, C: Interval, s: Fraction, S2: Interval, sig: int) -> bool:
    """Whether the computed value (or range) lies within a step of ``sig`` digits of a
    boundary of the stated range, or (a claim that does not pass) of the stated figure:
    only then can the usual digits mislead, and the exact search runs. Two figures more
    than a step apart keep their order when each is rounded to within half a step. The
    step here is one to ten steps, a screen: floats serve it (their error is some 1e-16
    of a step's 1e-4), and a figure past float's range is always searched."""
    pairs = []
    if status is not Status.PASS:
        pairs.append((P, s))
    if S2.lo is not None and S2.hi is not None:
        pairs += [(P, S2.lo), (P, S2.hi)]
        if C.lo is not None and C.hi is not None and status is not Status.PASS:
            pairs += [(C.hi, S2.lo), (C.lo, S2.hi)]
    try:
        floats = [(float(a), float(b)) for a, b in pairs]
    except OverflowError:
        return True
    size = max((max(abs(a), abs(b)) for a, b in floats), default=0.0)
    if size == 0.0:
        return False
    step = size * 10.0 ** (1 - sig)
    return any(abs(a - b) <= step for a, b in floats)


def _decides(
    cmp: Compare, status: Status, P: Fraction, C: Interval, s: Fraction, S2: Interval, stated: q.Value, n: int,
    mag: str | None, c_mag: str | None,
) -> bool:
    def shown(x: Fraction, m: str | None, digits: int = n) -> Fraction:
        return q.shown_as(x, stated, digits, m)

    if P != s and status is not Status.PASS and shown(P, c_mag) == shown(s, mag):
        return False
    if cmp is not Compare.APPROX or S2.lo is None or S2.hi is None:
        return True
    r = q.distinct_sig(S2.lo, S2.hi, stated, n, mag)
    lo, hi = shown(S2.lo, mag, r), shown(S2.hi, mag, r)
    if (lo <= shown(P, c_mag) <= hi) != S2.contains(P):
        return False
    if C.lo is None or C.hi is None or C.meets(S2):
        return True
    rc = q.distinct_sig(C.lo, C.hi, stated, n, c_mag)
    return shown(C.hi, c_mag, rc) < lo or shown(C.lo, c_mag, rc) > hi


def _dimensionless_stated(x: Inputs, stated: q.Value) -> bool:
    """A plain number stated where the check gives a percentage (`stated: 1.14` for 114%)."""
    c = x.computed
    return isinstance(c, q.Value) and q.is_percent(c.unit) and q.is_plain(stated.unit)


def _plain_for_percent(x: Inputs, stated: q.Value, basis: Basis | None) -> list[Hint]:
    """Hints for a percentage written as a plain number: in the stated value (against a
    check that gives a percentage) or in the tolerance (around a stated percentage, where
    0.05 reads as 5 percentage points). The first is the one a pass turned warn says."""
    out: list[Hint] = []
    if _dimensionless_stated(x, stated):
        as_pct = q.fmt_number(stated.point * 100, max(4, q.sig_digits(x.stated_text))) + "%"
        out.append(Hint(
            "percent-as-plain",
            f"the check gives a percentage ({q.fmt_value(x.computed)}) and the stated {x.stated_text} is a plain "
            f"number, read as {as_pct}: write the stated value with its % sign if the article gives a percentage",
        ))
    tol = x.tolerance
    if tol is not None and q.is_plain(tol.unit) and tol.point and q.is_percent(stated.unit):
        points = q.fmt_number(abs(tol.point) * 100)
        out.append(Hint(
            "tolerance-as-plain",
            f"the tolerance {x.tolerance_text} is a plain number, read around a percentage as ±{points} percentage "
            f"points: write `{points}%` for {points}% of the stated figure, or `{points} pp` for points",
        ))
    return out


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
        rounding = _bound_by_rounding(cmp, C, S2)
    if rounding:
        if rounding_only is Status.FAIL:
            return Status.FAIL, None
        return rounding_only, Basis.ROUNDING
    return Status.FAIL, None


def _bound_by_rounding(cmp: Compare, C: Interval, S2: Interval) -> bool:
    """Whether a bound that the computed point misses holds for some value the computed
    interval (its inputs' rounding) allows."""
    lo, hi = C.lo, C.hi
    top, bottom = S2.hi, S2.lo
    return {
        Compare.LT: lo is None or top is None or lo < top,
        Compare.LE: lo is None or top is None or lo <= top,
        Compare.GT: hi is None or bottom is None or hi > bottom,
        Compare.GE: hi is None or bottom is None or hi >= bottom,
    }[cmp]


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

    # a magnitude slip: the stated figure matches the computed one times 10^3k (or 万/亿);
    # then a percentage written as a plain number (x100), then a decimal point slipped (x10)
    if P != 0:
        for k in (3, 6, 9, 12, 4, 8, 2, 1):
            for sign in (1, -1):
                f = Fraction(10) ** (sign * k)
                if _fits(P * f, S2):
                    out.append(_slip_hint(x, computed, stated, sig, k, sign))
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
        # lazy: the function table only to explain a slip
        from factcheck.functions import Stated, slip_hints

        name, args = root
        out.extend(slip_hints(name, args, Stated(x.stated_text, stated, S2, x.computed.point, x.rates)))
    return out


def _slip_hint(x: Inputs, computed: q.Value, stated: q.Value, sig: int, k: int, sign: int) -> Hint:
    """The stated figure is the computed one times 10^(sign*k): say which slip that looks like."""
    big = "larger" if sign > 0 else "smaller"
    shown_ = q.fmt_amount(computed.point, stated, sig, _computed_mag(computed.mag, stated.mag))
    if k == 2 and sign > 0 and _dimensionless_stated(x, stated):
        pct = q.fmt_value(x.computed)
        return Hint(
            "percent-as-plain",
            f"the stated {x.stated_text} is 100 times the computed {shown_}, which is {pct}: a percentage written "
            f"as a plain number? write it `{x.stated_text.strip()}%`",
        )
    if k == 2:
        return Hint("magnitude", f"the stated {x.stated_text} is 100 times {big} than the computed {shown_}: "
                    "a percentage read as a fraction, or the reverse?")
    if k == 1:
        return Hint("magnitude", f"the stated {x.stated_text} is 10 times {big} than the computed {shown_}: "
                    "a decimal point in the wrong place, or a digit too many or too few?")
    words = _slip_words(stated.mag, -sign * k)
    return Hint("magnitude", f"the stated {x.stated_text} is {10**k:,} times {big} than the computed {shown_}: "
                f"a slip of magnitude{words}?")


def _root(x: Inputs) -> tuple[str, list[Any]] | None:
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
        out += _points_for_percent(x, c, s)
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
    else:
        per = _per_unit_apart(c.unit, s.unit)
        if per is not None:
            out.append(per_hint(x, per))
    return out


def _points_for_percent(x: Inputs, c: q.Value, s: q.Value) -> list[Hint]:
    """Hints for points computed where a percent is stated: the same number (write
    points), or the relative change of a change() (use growth())."""
    out: list[Hint] = []
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
    return out


def _per_unit_apart(c: q.Unit, s: q.Unit) -> tuple[str, int] | None:
    """The one unit of time or of a count that the computed and the stated units differ by,
    and which side has it below the line: ('year', -1) when the check gives CNY/year and the
    stated is CNY (per year against a total), ('year', 1) for the reverse."""
    apart = {n: e for n, e in (c / s).exponents.items() if e}
    if not apart:
        return None
    units = [q.unit(n) for n in apart]
    # one dimension of time or of a count, once (year and month together are one dimension)
    dims = {u.root[1] for u in units}
    if len(dims) != 1:
        return None
    (dim,) = dims
    if len(dim) != 1 or abs(sum(apart.values())) != 1 or not (q.is_time(units[0]) or q.is_count(units[0])):
        return None
    name = next(n for n, e in apart.items() if e)
    return q.unit_text(q.unit(name)), 1 if sum(apart.values()) > 0 else -1


def per_hint(x: Inputs, per: tuple[str, int]) -> Hint:
    """Per a unit against a total: what to multiply or divide by, in the claims language."""
    name, side = per
    amount = q.plural(name)
    if side < 0:  # the check gives a figure per year; the stated is a total
        return Hint(
            "per-unit-vs-total",
            f"the check gives a figure per {name} ({q.unit_text(x.computed.unit)}) and the stated {x.stated_text} is a "
            f"total: multiply the check by its {amount} (`… * 5 {amount}`), or state the figure per {name}",
        )
    return Hint(
        "per-unit-vs-total",
        f"the check gives a total ({q.unit_text(x.computed.unit)}) and the stated {x.stated_text} is per {name}: divide the "
        f"check by its {amount} (`… / 5 {amount}`), or state the total",
    )
