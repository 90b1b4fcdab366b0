"""The functions of the claims language: one small documented function each.

Each docstring is the user's documentation (``factcheck functions`` prints it). Its
last line is a worked example, ``Example: CALL -> RESULT``; a test evaluates every
example and checks the result, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from factcheck import quantity as q
from factcheck.errors import FunctionError
from factcheck.interval import Interval, iv_max, iv_min
from factcheck.model import Hint
from factcheck.roots import power_interval, rational_power

Arg = Any  # q.Value | q.DateValue


class Function(NamedTuple):
    """One function of the claims language (a named tuple: defining a frozen dataclass
    costs a millisecond at every run that checks a claim)."""

    name: str
    signature: str
    fn: Callable[[list[Arg], q.Rates], q.Value]
    min_args: int
    max_args: int

    @property
    def doc(self) -> str:
        """The docstring without its example line."""
        lines = (self.fn.__doc__ or "").strip().splitlines()
        return "\n".join(line.strip() for line in lines if not line.strip().startswith("Example:")).strip()

    @property
    def example(self) -> tuple[str, str]:
        """(call, expected result) from the docstring's ``Example: CALL -> RESULT`` line."""
        for line in (self.fn.__doc__ or "").splitlines():
            line = line.strip()
            if line.startswith("Example:"):
                call, _, result = line.removeprefix("Example:").partition("->")
                return call.strip(), result.strip()
        raise LookupError(f"{self.name} has no example")  # a test makes sure this never happens

    def arity_text(self) -> str:
        if self.min_args == self.max_args:
            n = self.min_args
            return f"takes {n} argument{'s' if n != 1 else ''}"
        if self.max_args >= 1000:
            return f"takes at least {self.min_args} argument{'s' if self.min_args != 1 else ''}"
        return f"takes {self.min_args} to {self.max_args} arguments"


FUNCTIONS: dict[str, Function] = {}
VARIADIC = 10_000


def function(signature: str, min_args: int, max_args: int) -> Callable[[Callable[..., q.Value]], Callable[..., q.Value]]:
    def register(fn: Callable[..., q.Value]) -> Callable[..., q.Value]:
        name = signature.partition("(")[0]
        FUNCTIONS[name] = Function(name, signature, fn, min_args, max_args)
        return fn

    return register


# --------------------------------------------------------------------------- helpers


def _numbers(args: Sequence[Arg], what: str = "a number") -> list[q.Value]:
    for i, a in enumerate(args):
        if isinstance(a, q.DateValue):
            raise FunctionError(f"argument {i + 1} is a date; this function takes {what}", i, "date")
    return list(args)


def _same_unit(args: list[q.Value], rates: q.Rates, verb: str) -> list[q.Value]:
    """All arguments converted to the first one's unit (through rates for currencies)."""
    first = args[0]
    out = [first]
    for i, a in enumerate(args[1:], start=1):
        try:
            out.append(q.convert(a, first.unit, rates))
        except q.QuantityError as e:
            if "exchange rate" in e.message:
                raise FunctionError(e.message, i, "units") from None
            raise FunctionError(q.mismatch(first.unit, a.unit, verb), i, "units") from None
    return out


def _percent(v: q.Value) -> q.Value:
    """A plain ratio as a percent: 0.0544 -> 5.44%."""
    if not q.is_plain(v.unit):
        raise FunctionError(f"the result should be a plain ratio, but it is in {q.describe_unit(v.unit)}")
    return q.Value(v.point * 100, v.iv.scale(Fraction(100)), q.unit("percent"))


def _relative(old: q.Value, new: q.Value, rates: q.Rates, name: str = "growth") -> q.Value:
    """new / old as a plain ratio, the units checked; a base of zero or below is refused
    (a percentage change from it is not meaningful: financial tables print "n.m.")."""
    old, new = _same_unit([old, new], rates, "compare")
    if old.point == 0:
        raise FunctionError(
            "the old value is zero: growth from zero is not defined (not meaningful)",
            0, "zero", _base_hints(old, new, name),
        )
    if old.point < 0:
        raise FunctionError(
            f"the old value {q.fmt_value(old)} is negative: a percentage change from a loss is not "
            f"meaningful (financial tables print n.m.)",
            0, "not-meaningful", _base_hints(old, new, name),
        )
    return q.div(q.plainer(new), q.plainer(old))


def _base_hints(old: q.Value, new: q.Value, name: str) -> tuple[Hint, ...]:
    """What an editor usually means by a change from zero or from a loss, and how to check it."""
    o, n = q.fmt_value(old), q.fmt_value(new)
    swing = f"change({o}, {n})"
    if old.point < 0 < new.point:
        text = f"from {o} to {n} the figure swung to a profit: say so, and check the swing with {swing}"
    elif old.point < 0 and new.point < 0:
        smaller = abs(new.point) < abs(old.point)
        pct = q.fmt_number(abs(abs(new.point) / abs(old.point) - 1) * 100, 3)
        verb = "narrowed" if smaller else "widened"
        losses = f"growth({q.fmt_value(q.neg(old))}, {q.fmt_value(q.neg(new))})"
        text = f"the loss {verb} by {pct}%: check it as a change of the losses, {losses}, or with {swing}"
    elif old.point < 0:
        text = f"the loss of {o} was wiped out: check the change with {swing}"
    else:
        text = f"from nothing to {n} there is no percentage: check the change with {swing}"
    return (Hint("not-meaningful", f"{name}() from a base of zero or below: {text}"),)


def _year(a: Arg, i: int) -> int:
    """A year read by a date function: a date's year, or a whole number taken as exact."""
    if isinstance(a, q.DateValue):
        return a.day.year
    if not q.is_plain(a.unit) or a.point.denominator != 1 or not 1 <= a.point <= 9999:
        raise FunctionError(
            f"argument {i + 1} should be a year (2015) or a date (2015-05-10), not {q.fmt_value(a)}", i, "date"
        )
    return int(a.point)


def _whole(a: Arg, i: int) -> int:
    """A count or a year for ordinal: exact whole numbers."""
    if isinstance(a, q.DateValue):
        return a.day.year
    if not q.is_plain(a.unit) or a.point.denominator != 1:
        raise FunctionError(f"argument {i + 1} should be a whole number or a year, not {q.fmt_value(a)}", i)
    return int(a.point)


# --------------------------------------------------------------------------- the functions


@function("sum(a, b, ...)", 1, VARIADIC)
def fn_sum(args: list[Arg], rates: q.Rates) -> q.Value:
    """The total of its arguments, which must be in compatible units.

    Rounded inputs add up their rounding: five shares written to whole percents
    can miss 100% by up to 2.5 points and still be right.
    Example: sum(33%, 17%, 19%, 18%, 13%) -> 100%
    """
    values = _same_unit(_numbers(args), rates, "add")
    total = values[0]
    for v in values[1:]:
        total = q.add(total, v, rates)
    return total


@function("ratio(a, b)", 2, 2)
def fn_ratio(args: list[Arg], rates: q.Rates) -> q.Value:
    """a divided by b; units cancel where they can (CNY / CNY is a plain number).

    Example: ratio(380 bn CNY, 157.479 bn CNY) -> 2.413
    """
    a, b = _numbers(args)
    if b.point == 0:
        raise FunctionError("division by zero", 1, "zero")
    return q.div(a, b, rates)


@function("share(part, whole)", 2, 2)
def fn_share(args: list[Arg], rates: q.Rates) -> q.Value:
    """What share of the whole the part is, as a percent.

    Example: share(100.79 bn CNY, 136.09 bn CNY) -> 74.06%
    """
    part, whole = _same_unit(_numbers(args), rates, "compare")
    if whole.point == 0:
        raise FunctionError("the whole is zero", 1, "zero")
    return _percent(q.div(q.plainer(part), q.plainer(whole)))


@function("growth(old, new)", 2, 2)
def fn_growth(args: list[Arg], rates: q.Rates) -> q.Value:
    """The relative change from old to new, as a percent: new / old - 1.

    Growth is measured against the old value. Between two percentages it is a
    relative change (80% to 70% is -12.5%); for the difference in points use change().
    Example: growth(129.073 bn CNY, 136.091 bn CNY) -> 5.437%
    """
    old, new = _numbers(args)
    r = _relative(old, new, rates)
    return _percent(q.sub(r, q.exact(Fraction(1))))


@function("change(old, new)", 2, 2)
def fn_change(args: list[Arg], rates: q.Rates) -> q.Value:
    """The difference new - old, in the units of the inputs.

    Between percentages the difference is in percentage points (pp): a share that
    goes from 80% to 70% changes by -10 pp (a relative fall of 12.5%, see growth()).
    Example: change(80%, 70%) -> -10 pp
    """
    old, new = _numbers(args)
    if q.is_percent(old.unit) or q.is_percent(new.unit):
        try:
            old, new = q.convert(old, q.unit("percent")), q.convert(new, q.unit("percent"))
        except q.QuantityError:
            i = 0 if not q.is_percent(old.unit) else 1
            raise FunctionError(q.mismatch(old.unit, new.unit, "subtract"), i, "units") from None
        d = q.sub(new, old)
        return q.with_unit(d, q.unit("pp"))
    old, new = _same_unit([old, new], rates, "subtract")
    return q.sub(new, old, rates)


@function("cagr(old, new, years)", 3, 3)
def fn_cagr(args: list[Arg], rates: q.Rates) -> q.Value:
    """Compound annual growth rate: (new / old) ** (1 / years) - 1, as a percent.

    ``years`` is the number of periods (2, or 2 years, or 24 months) and is taken as
    exact: "over three years" counts whole periods, it is not a rounded figure.
    Example: cagr(100, 121, 2 years) -> 10%
    """
    old, new, years = _numbers(args)
    if q.is_time(years.unit):
        n = q.convert(years, q.unit("year")).point
    elif q.is_plain(years.unit):
        n = years.point
    else:
        raise FunctionError(f"years should be a number of years, not {q.describe_unit(years.unit)}", 2)
    if n <= 0:
        raise FunctionError("years must be more than zero", 2)
    r = _relative(old, new, rates, "cagr")
    if r.point <= 0:
        raise FunctionError("old and new must have the same sign for a compound rate", 1)
    e = 1 / n
    point, _ = rational_power(r.point, e)
    iv = power_interval(r.iv, e)
    return _percent(q.Value(point - 1, Interval(None if iv.lo is None else iv.lo - 1, None if iv.hi is None else iv.hi - 1), q.unit("")))


@function("avg(a, b, ...)", 1, VARIADIC)
def fn_avg(args: list[Arg], rates: q.Rates) -> q.Value:
    """The arithmetic mean of its arguments.

    Example: avg(17%, 19%, 18%) -> 18%
    """
    total = fn_sum(args, rates)
    k = Fraction(1, len(args))
    return q.Value(total.point * k, total.iv.scale(k), total.unit)


@function("min(a, b, ...)", 1, VARIADIC)
def fn_min(args: list[Arg], rates: q.Rates) -> q.Value:
    """The smallest of its arguments.

    Example: min(17%, 19%, 18%) -> 17%
    """
    values = _same_unit(_numbers(args), rates, "compare")
    best = min(values, key=lambda v: v.point)
    return q.Value(best.point, iv_min([v.iv for v in values]), best.unit, best.mag)


@function("max(a, b, ...)", 1, VARIADIC)
def fn_max(args: list[Arg], rates: q.Rates) -> q.Value:
    """The largest of its arguments.

    Example: max(17%, 19%, 18%) -> 19%
    """
    values = _same_unit(_numbers(args), rates, "compare")
    best = max(values, key=lambda v: v.point)
    return q.Value(best.point, iv_max([v.iv for v in values]), best.unit, best.mag)


@function("years_between(a, b)", 2, 2)
def fn_years_between(args: list[Arg], rates: q.Rates) -> q.Value:
    """Whole years from a to b; each is a year (2015) or a date (2015-09-01). Exact.

    Between two dates it counts completed years, as an age or an anniversary does;
    with a bare year on either side, the years are subtracted.
    Example: years_between(2015, 2017) -> 2 years
    """
    a, b = args
    if isinstance(a, q.DateValue) and isinstance(b, q.DateValue):
        x, y = a.day, b.day
        years = y.year - x.year
        if y >= x and (y.month, y.day) < (x.month, x.day):
            years -= 1
        elif y < x and (y.month, y.day) > (x.month, x.day):
            years += 1
    else:
        years = _year(b, 1) - _year(a, 0)
    return q.exact(Fraction(years), q.unit("year"))


@function("days_between(a, b)", 2, 2)
def fn_days_between(args: list[Arg], rates: q.Rates) -> q.Value:
    """Days from date a to date b (ISO dates, 2025-04-30). Exact.

    Example: days_between(2025-04-30, 2025-05-06) -> 6 days
    """
    for i, a in enumerate(args):
        if not isinstance(a, q.DateValue):
            raise FunctionError(f"argument {i + 1} should be a date (2025-04-30)", i, "date")
    a, b = args
    return q.exact(Fraction((b.day - a.day).days), q.unit("day"))


@function("ordinal(first, this)", 2, 2)
def fn_ordinal(args: list[Arg], rates: q.Rates) -> q.Value:
    """Which occurrence ``this`` is when ``first`` counts as the 1st: this - first + 1.

    Years and dates count by year. An annual event first held in 2005 has its 21st
    edition in 2025; an anniversary is different: 20 years after 2004 is the 20th
    anniversary (use years_between).
    Example: ordinal(2005, 2025) -> 21
    """
    first, this = _whole(args[0], 0), _whole(args[1], 1)
    if this < first:
        raise FunctionError("this comes before first", 1)
    return q.exact(Fraction(this - first + 1))



# --------------------------------------------------------------------------- slip hints
# When a claim fails, the function its check calls may say what the editor likely
# slipped on (points for percent, the wrong base, an ordinal for an anniversary): each
# function's hints stand here, beside it.


class Stated(NamedTuple):
    """What a failing claim states, for the hints of the function its check calls."""

    text: str  # as written in the claims file
    value: q.Value
    target: Interval  # the values that would agree with it
    computed: Fraction  # what the check gave
    rates: q.Rates


def _growth_hints(vals: list[q.Value], st: Stated) -> list[Hint]:
    out: list[Hint] = []
    old, new = vals
    if q.is_percent(old.unit) and q.is_percent(new.unit) and q.is_percent(st.value.unit):
        points = new.point - old.point
        if st.target.contains(points):
            out.append(
                Hint(
                    "percent-vs-points",
                    f"the stated {st.text} is the change in percentage points ({q.fmt_number(old.point)}% to "
                    f"{q.fmt_number(new.point)}% is {q.fmt_number(points)} pp), not the relative change: "
                    f"write it as pp and check it with change()",
                )
            )
    o, n = q.convert(old, new.unit, st.rates), new
    if n.point != 0 and q.compatible(st.value.unit, q.unit("percent")):
        against_new = (n.point - o.point) / n.point * 100
        wanted = q.convert(q.exact(against_new, q.unit("percent")), st.value.unit).point
        if st.target.contains(wanted):
            out.append(
                Hint(
                    "wrong-base",
                    f"the stated {st.text} is the change measured against the new value "
                    f"({q.fmt_number(against_new)}%); growth is measured against the old one",
                )
            )
    return out


def _change_hints(vals: list[q.Value], st: Stated) -> list[Hint]:
    old, new = vals
    if q.is_percent(old.unit) and q.is_percent(new.unit) and q.is_percent(st.value.unit) and old.point:
        relative = (new.point / old.point - 1) * 100
        if st.target.contains(relative):
            return [
                Hint(
                    "percent-vs-points",
                    f"the stated {st.text} is the relative change ({q.fmt_number(relative)}%); "
                    "change() gives percentage points: use growth()",
                )
            ]
    return []


def _ordinal_hints(vals: list[q.Value], st: Stated) -> list[Hint]:
    if q.is_plain(st.value.unit) and st.target.contains(st.computed - 1):
        return [
            Hint(
                "ordinal-vs-anniversary",
                f"ordinal counts the first occurrence as 1st, so it gives {q.fmt_number(st.computed)}; "
                f"the stated {st.text} counts years elapsed, as an anniversary does: use years_between",
            )
        ]
    return []


def _years_between_hints(vals: list[q.Value], st: Stated) -> list[Hint]:
    if st.target.contains(st.computed + 1) and q.is_time(st.value.unit):
        return [
            Hint(
                "ordinal-vs-anniversary",
                f"{q.fmt_number(st.computed)} years have passed; the stated {st.text} counts the first year "
                "as the 1st (an edition number): use ordinal",
            )
        ]
    return []


#: function name -> (how many arguments its hints read, or None for any; the hints)
_SLIP_HINTS: dict[str, tuple[int | None, Callable[[list[q.Value], Stated], list[Hint]]]] = {
    "growth": (2, _growth_hints),
    "change": (2, _change_hints),
    "ordinal": (None, _ordinal_hints),
    "years_between": (None, _years_between_hints),
}


def slip_hints(name: str, args: Sequence[Arg], st: Stated) -> list[Hint]:
    """What the editor likely slipped on in calling ``name`` with ``args``, given what the
    claim states; none when the arguments are not all numbers."""
    entry = _SLIP_HINTS.get(name)
    vals = [a for a in args if isinstance(a, q.Value)]
    if entry is None or len(vals) != len(args) or (entry[0] is not None and len(vals) != entry[0]):
        return []
    try:
        return entry[1](vals, st)
    except (q.QuantityError, ArithmeticError):
        return []
