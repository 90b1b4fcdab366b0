"""Fractional powers, exact: a root that is rational comes out exact, any other to 34 digits, rounded outward on intervals (cagr)."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

from factcheck.errors import TooLarge
from factcheck.interval import MAX_BITS, Interval, power


def _iroot(n: int, k: int) -> int | None:
    """The exact integer k-th root of n >= 0, or None."""
    if n < 2:
        return n
    r = round(n ** (1.0 / k)) if n.bit_length() < 1000 else None
    if r is None:
        # Newton's method on big integers
        x = 1 << ((n.bit_length() + k - 1) // k)
        while True:
            y = ((k - 1) * x + n // x ** (k - 1)) // k
            if y >= x:
                break
            x = y
        r = x
    for c in (r - 1, r, r + 1):
        if c >= 0 and c**k == n:
            return c
    return None


_ROOT_DIGITS = 34
_ROOT_SLACK = Fraction(1, 10**30)  # relative: far wider than the 34-digit error, far narrower than any figure


def rational_power(x: Fraction, e: Fraction) -> tuple[Fraction, bool]:
    """x ** e for x >= 0: exact when the root is rational, else to 34 significant digits.

    Returns (value, exact).
    """
    if x == 0:
        return Fraction(0), True
    if e.denominator == 1:
        return power(x, e.numerator), True
    # refuse a result past MAX_BITS before computing it (cagr over 10^-100 years)
    try:
        bits = abs(float(e) * (math.log2(x.numerator) - math.log2(x.denominator)))
    except OverflowError:
        bits = math.inf
    if bits > MAX_BITS:
        raise TooLarge("number too large or too precise to compute")
    p, r = e.numerator, e.denominator
    if r <= 64 and abs(p) <= 64:
        y = x**p
        num, den = _iroot(y.numerator, r), _iroot(y.denominator, r)
        if num is not None and den is not None:
            return Fraction(num, den), True
    with localcontext() as ctx:
        ctx.prec = _ROOT_DIGITS
        d = (Decimal(x.numerator) / Decimal(x.denominator)) ** (Decimal(p) / Decimal(r))
    return Fraction(d), False


def power_interval(iv: Interval, e: Fraction) -> Interval:
    """Image of a non-negative interval under x ** e, e > 0 (increasing), rounded outward."""

    def lo(x: Fraction) -> Fraction:
        v, exact = rational_power(max(x, Fraction(0)), e)
        return v if exact else v * (1 - _ROOT_SLACK)

    def hi(x: Fraction) -> Fraction:
        v, exact = rational_power(max(x, Fraction(0)), e)
        return v if exact else v * (1 + _ROOT_SLACK)

    return Interval(None if iv.lo is None else lo(iv.lo), None if iv.hi is None else hi(iv.hi))
