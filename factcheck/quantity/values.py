"""Values: numbers as written with the interval their digits stand for, and their arithmetic.

Magnitudes are exact ``Fraction``s throughout, and every value carries the interval of
values that round to it (``157.479`` stands for 157.4785 to 157.4795).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from factcheck.errors import QuantityError
from factcheck.interval import Interval, check_size
from factcheck.interval import power as ipower
from factcheck.quantity.units import (
    PLAIN,
    Unit,
    check_unit,
    compatible,
    factor,
    has_currency,
    is_percent,
    mismatch,
    simplify,
    unit,
)
from factcheck.quantity.words import MAGNITUDES, canonical_magnitude


@dataclass(frozen=True, slots=True)
class Value:
    """A number in a unit: the point as written and the interval of what it stands for."""

    point: Fraction
    iv: Interval
    unit: Unit
    #: the magnitude word it was written with ('billion', '亿'), to show it the same way
    mag: str | None = None

    @property
    def exact(self) -> bool:
        return self.iv.lo == self.point == self.iv.hi


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date (ISO in the file). Dates are exact."""

    day: date


@functools.lru_cache(maxsize=4096)
def literal(digits: str, mag: str | None = None) -> Value:
    """A number as written: '157.479' stands for [157.4785, 157.4795].

    ``digits`` may hold thousands separators (already validated) and an exponent.
    Values are immutable, so the same figure written twice is one Value.
    """
    mantissa, _, exponent = digits.replace(",", "").replace("E", "e").partition("e")
    whole, _, frac = mantissa.partition(".")
    exp = (int(exponent) if exponent else 0) - len(frac)  # the place of the last digit written
    if mag is not None:
        mag = canonical_magnitude(mag)
        exp += MAGNITUDES[mag]
    m = int(whole + frac)
    if exp >= 0:
        point, half = Fraction(m * 10**exp), Fraction(10**exp, 2)
    else:
        point, half = Fraction(m, 10**-exp), Fraction(1, 2 * 10**-exp)
    return Value(point, Interval(point - half, point + half), PLAIN, mag)


def exact(point: Fraction, u: Unit | None = None) -> Value:
    return Value(point, Interval.point(point), unit("") if u is None else u)


def with_unit(v: Value, u: Unit) -> Value:
    return Value(v.point, v.iv, u, v.mag)


@dataclass
class Rates:
    """``settings.rates``: 1 USD = 7.2 CNY. Rates are conventions, taken as exact."""

    table: dict[str, tuple[Fraction, str]] = field(default_factory=dict)

    def normalize(self, u: Unit) -> tuple[Fraction, Unit]:
        """Replace every rated currency by what its rate is given in."""
        f = Fraction(1)
        for _ in range(len(self.table) + 1):
            names = [n for n in u.exponents if n in self.table]
            if not names:
                return f, u
            for n in names:
                e = u.exponents[n]
                r, target = self.table[n]
                f *= r**e
                u = u / unit(n) ** e * unit(target) ** e
        raise QuantityError("the rates in settings.rates go round in a circle")


NO_RATES = Rates()


def conversion(a: Unit, b: Unit, rates: Rates) -> Fraction:
    """Factor from unit a to unit b, through the file's rates where currencies differ."""
    if compatible(a, b):
        return factor(a, b)
    if has_currency(a) and has_currency(b) and rates.table:
        fa, na = rates.normalize(a)
        fb, nb = rates.normalize(b)
        if compatible(na, nb):
            return fa * factor(na, nb) / fb
    raise QuantityError(mismatch(a, b, "convert"))


def convert(v: Value, to: Unit, rates: Rates = NO_RATES) -> Value:
    if v.unit == to:
        return v
    f = conversion(v.unit, to, rates)
    return Value(check_size(v.point * f), v.iv.scale(f), to, v.mag)


def plainer(v: Value) -> Value:
    """Percent becomes a plain fraction before multiplying: 43% of X is 0.43 X."""
    if is_percent(v.unit):
        return convert(v, unit(""))
    return v


def add(a: Value, b: Value, rates: Rates = NO_RATES, verb: str = "add") -> Value:
    try:
        b = convert(b, a.unit, rates)
    except QuantityError as e:
        if "exchange rate" in e.message or "circle" in e.message:
            raise
        raise QuantityError(mismatch(a.unit, b.unit, verb)) from None
    return Value(check_size(a.point + b.point), a.iv + b.iv, a.unit, a.mag if a.mag == b.mag else None)


def neg(a: Value) -> Value:
    return Value(-a.point, -a.iv, a.unit, a.mag)


def sub(a: Value, b: Value, rates: Rates = NO_RATES) -> Value:
    return add(a, neg(b), rates, verb="subtract")


def _tidy(point: Fraction, iv: Interval, u: Unit) -> Value:
    check_unit(u)
    f, u2 = simplify(u)
    if f != 1:
        point, iv = point * f, iv.scale(f)
    return Value(check_size(point), iv, u2)


def _same_currency(a: Value, b: Value, rates: Rates) -> Value:
    """Before a ratio of CNY to USD, convert b's currency to a's through the rates."""
    if has_currency(a.unit) and has_currency(b.unit) and not compatible(a.unit, b.unit) and rates.table:
        _, na = rates.normalize(a.unit)
        _, nb = rates.normalize(b.unit)
        if compatible(na, nb):
            return convert(b, a.unit, rates)
    return b


def mul(a: Value, b: Value) -> Value:
    a, b = plainer(a), plainer(b)
    return _tidy(a.point * b.point, a.iv * b.iv, a.unit * b.unit)


def div(a: Value, b: Value, rates: Rates = NO_RATES) -> Value:
    if b.point == 0:
        raise QuantityError("division by zero", code="zero")
    a, b = plainer(a), plainer(b)
    b = _same_currency(a, b, rates)
    return _tidy(a.point / b.point, a.iv / b.iv, a.unit / b.unit)


def power(a: Value, n: int) -> Value:
    if n < 0 and a.point == 0:
        raise QuantityError("division by zero", code="zero")
    a = plainer(a)
    u = check_unit(a.unit**n) if n else unit("")
    return Value(ipower(a.point, n), a.iv**n, u)
