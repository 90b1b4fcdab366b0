"""Exact interval arithmetic over Fractions; nothing here knows about units.

A bound of ``None`` is infinite (``lo=None`` is -inf, ``hi=None`` is +inf). Intervals
are closed. Unbounded intervals only arise from dividing by an interval that
contains zero; there we give up precision for soundness and return the whole line
rather than a union of two half-lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from factcheck.errors import TooLarge

Bound = Fraction | None

#: Fractions whose numerator or denominator grow past this many bits are refused:
#: no financial figure needs them, and unbounded growth is how ``9 ** 9 ** 9`` hangs.
MAX_BITS = 4096


def check_size(x: Fraction) -> Fraction:
    if x.numerator.bit_length() > MAX_BITS or x.denominator.bit_length() > MAX_BITS:
        raise TooLarge("number too large or too precise to compute")
    return x


def power(x: Fraction, n: int) -> Fraction:
    """x ** n, refused *before* it is computed when the result would pass MAX_BITS:
    x ** 10**100 would otherwise run until memory ran out."""
    if n < 0:
        if x == 0:
            raise ZeroDivisionError("zero to a negative power")
        x, n = 1 / x, -n
    bits = max(x.numerator.bit_length(), x.denominator.bit_length())
    if bits > 1 and n * (bits - 1) >= MAX_BITS:  # a b-bit number to the n has at least n(b-1)+1 bits
        raise TooLarge("number too large or too precise to compute")
    return check_size(x**n)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Bound
    hi: Bound

    @staticmethod
    def point(x: Fraction) -> Interval:
        return Interval(x, x)

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    def contains(self, x: Fraction) -> bool:
        return (self.lo is None or self.lo <= x) and (self.hi is None or x <= self.hi)

    def contains_zero(self) -> bool:
        return self.contains(Fraction(0))

    def meets(self, other: Interval) -> bool:
        """True when the closed intervals share at least one point (touching ends meet)."""
        if self.lo is not None and other.hi is not None and self.lo > other.hi:
            return False
        return not (other.lo is not None and self.hi is not None and other.lo > self.hi)

    def widen(self, below: Fraction, above: Fraction) -> Interval:
        return Interval(
            None if self.lo is None else self.lo - below,
            None if self.hi is None else self.hi + above,
        )

    def scale(self, k: Fraction) -> Interval:
        """Multiply by an exact constant."""
        if k == 0:
            return Interval(Fraction(0), Fraction(0))
        lo = None if self.lo is None else self.lo * k
        hi = None if self.hi is None else self.hi * k
        return Interval(lo, hi) if k > 0 else Interval(hi, lo)

    def __neg__(self) -> Interval:
        return Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
        )

    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else check_size(self.lo + other.lo)
        hi = None if self.hi is None or other.hi is None else check_size(self.hi + other.hi)
        return Interval(lo, hi)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        if not (self.bounded and other.bounded):
            if self == ZERO or other == ZERO:
                return ZERO
            return WHOLE
        a0, a1, b0, b1 = self.lo, self.hi, other.lo, other.hi
        assert a0 is not None and a1 is not None and b0 is not None and b1 is not None, "bounded"
        products = [check_size(a * b) for a in (a0, a1) for b in (b0, b1)]
        return Interval(min(products), max(products))

    def reciprocal(self) -> Interval:
        if self.contains_zero() or not self.bounded:
            return WHOLE
        assert self.lo is not None and self.hi is not None
        return Interval(1 / self.hi, 1 / self.lo)

    def __truediv__(self, other: Interval) -> Interval:
        return self * other.reciprocal()

    def __pow__(self, n: int) -> Interval:
        if n < 0:
            return (self ** -n).reciprocal()
        if n == 0:
            return Interval(Fraction(1), Fraction(1))
        if not self.bounded:
            return WHOLE
        assert self.lo is not None and self.hi is not None
        a, b = power(self.lo, n), power(self.hi, n)
        if n % 2:
            return Interval(a, b)
        if self.lo >= 0:
            return Interval(a, b)
        if self.hi <= 0:
            return Interval(b, a)
        return Interval(Fraction(0), max(a, b))



ZERO = Interval(Fraction(0), Fraction(0))
WHOLE = Interval(None, None)


def iv_min(items: list[Interval]) -> Interval:
    """Interval of min(x1, x2, ...) when each xi ranges over its interval."""
    los = [i.lo for i in items]
    his = [i.hi for i in items]
    lo = None if any(x is None for x in los) else min(x for x in los if x is not None)
    his_finite = [h for h in his if h is not None]
    hi = min(his_finite) if his_finite else None
    return Interval(lo, hi)


def iv_max(items: list[Interval]) -> Interval:
    """Interval of max(x1, x2, ...) when each xi ranges over its interval."""
    return -iv_min([-i for i in items])
