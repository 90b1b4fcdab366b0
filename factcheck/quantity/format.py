"""Formatting: figures as a report shows them ('126.67 billion CNY/year', '5.436%', '1e+400').

Every number is rounded exactly (integer arithmetic on the fraction, half to even),
never through a float.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, localcontext
from fractions import Fraction

from factcheck.quantity.units import Unit, is_percent, is_points, is_time, unit_text
from factcheck.quantity.values import Value
from factcheck.quantity.words import MAGNITUDES

_AUTO_MAGS = (("trillion", 12), ("billion", 9), ("million", 6))


@functools.lru_cache(maxsize=4096)
def sig_digits(text: str) -> int:
    """Significant digits of a number as written ('126.7' -> 4, '380' -> 3, '0.05' -> 1)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if not m:
        return 1
    digits = m.group(0).replace(",", "").replace(".", "").lstrip("0")
    return max(1, len(digits))


#: decimal exponents shown in scientific notation: 1e+21 and up, 1e-10 and down
SCIENTIFIC_FROM, SCIENTIFIC_BELOW = 21, -10


def fmt_number(x: Fraction, sig: int = 4, shift: int = 0) -> str:
    """A decimal with ``sig`` significant digits (never dropping integer digits), no
    trailing zeros, thousands separators from 10,000 up. Rounded half to even, exactly:
    integer arithmetic on the fraction, no float and no intermediate rounding.
    ``shift``: show x / 10**shift (a figure in billions), without making that fraction."""
    n, d = x.numerator, x.denominator
    if shift:
        d *= 10**shift
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    e = _floor_log10(n, d)
    if not SCIENTIFIC_BELOW < e < SCIENTIFIC_FROM:
        return sign + _scientific(Fraction(n, d), sig)
    places = max(sig - 1 - e, 0)
    q, r = divmod(n * 10**places, d)
    if 2 * r > d or (2 * r == d and q & 1):
        q += 1
    if q == 0:
        return "0"
    digits = str(q)
    if len(digits) - places > SCIENTIFIC_FROM:  # rounding carried past the threshold (999… -> 1e+21)
        return sign + _scientific(Fraction(n, d), sig)
    if places:
        digits = digits.rjust(places + 1, "0")
        whole, frac = digits[:-places], digits[-places:].rstrip("0")
    else:
        whole, frac = digits, ""
    if len(whole) > 4:
        whole = f"{int(whole):,}"
    return sign + whole + ("." + frac if frac else "")


def _floor_log10(n: int, d: int) -> int:
    """floor(log10(n / d)) for positive integers, exactly: estimated from the bit lengths
    (off by at most one), then corrected."""
    e = int((n.bit_length() - d.bit_length()) * 0.30102999566398120)
    while (n < d * 10**e) if e >= 0 else (n * 10**-e < d):
        e -= 1
    while (n >= d * 10 ** (e + 1)) if e + 1 >= 0 else (n * 10 ** -(e + 1) >= d):
        e += 1
    return e


def _scientific(x: Fraction, sig: int) -> str:
    """1e+400 rather than 400 digits."""
    with localcontext() as ctx:
        ctx.prec = max(sig, 1) + 40
        dec = Decimal(x.numerator) / Decimal(x.denominator)
        mantissa, _, exponent = f"{dec:.{max(sig, 1) - 1}e}".partition("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{exponent}"


def pick_mag(v: Value, mag: str | None = None) -> tuple[str | None, int]:
    mag = mag or v.mag
    if mag is not None:
        return mag, MAGNITUDES[mag]
    u = v.unit
    takes = _TAKES_MAG.get(u)
    if takes is None:
        takes = _TAKES_MAG[u] = not (is_percent(u) or is_points(u) or is_time(u))
    if not takes:
        return None, 0
    size = abs(v.point)
    if size >= _SCIENTIFIC_SIZE:
        return None, 0  # 1e+100 CNY, not 1e+88 trillion CNY
    for word, k, threshold in _AUTO_THRESHOLDS:
        if size >= threshold:
            return word, k
    return None, 0


_TAKES_MAG: dict[Unit, bool] = {}
_SCIENTIFIC_SIZE = Fraction(10) ** SCIENTIFIC_FROM
_AUTO_THRESHOLDS = tuple((word, k, Fraction(10) ** k) for word, k in _AUTO_MAGS)


def fmt_value(v: Value, sig: int = 4, mag: str | None = None) -> str:
    """'2.413 years', '5.436%', '-10 pp', '126.67 billion CNY/year', '1.5万 users'."""
    return fmt_amount(v.point, v, sig, mag)


def fmt_amount(x: Fraction, v: Value, sig: int = 4, mag: str | None = None) -> str:
    """Format ``x`` in the unit (and magnitude) of ``v``."""
    if is_percent(v.unit):  # a percent never takes a magnitude word: '0.1 thousand%' is 100%
        return fmt_number(x, sig) + "%"
    word, k = pick_mag(v, mag)
    return fmt_number(x, sig, k) + _suffix(v.unit, word, abs(x) != 1)


def fmt_range(lo: Fraction | None, hi: Fraction | None, v: Value, sig: int = 4, mag: str | None = None) -> str:
    """'379.5 to 380.5 billion CNY', '4.5% to 5.5%', '-inf to 3 years': the unit said once."""
    if lo is None or hi is None:
        a = "-inf" if lo is None else fmt_amount(lo, v, sig, mag)
        b = "+inf" if hi is None else fmt_amount(hi, v, sig, mag)
        return f"{a} to {b}"
    sig = distinct_sig(lo, hi, v, sig, mag)
    if is_percent(v.unit):
        return f"{fmt_amount(lo, v, sig, mag)} to {fmt_amount(hi, v, sig, mag)}"
    word, k = pick_mag(v, mag)
    a, b = fmt_number(lo, sig, k), fmt_number(hi, sig, k)
    return f"{a} to {b}{_suffix(v.unit, word, abs(hi) != 1)}"


#: digits beyond the asked ones that a range may take to show two different ends
MAX_EXTRA_DIGITS = 30


def distinct_sig(lo: Fraction, hi: Fraction, v: Value, sig: int, mag: str | None = None) -> int:
    """Enough significant digits that two different ends print differently: never
    '88,136 to 88,136 million USD' or '15.79% to 15.79%' for a range that is not a point."""
    if lo == hi:
        return sig
    k = 0 if is_percent(v.unit) else pick_mag(v, mag)[1]
    for extra in range(MAX_EXTRA_DIGITS + 1):
        if fmt_number(lo, sig + extra, k) != fmt_number(hi, sig + extra, k):
            return sig + extra
    return sig + MAX_EXTRA_DIGITS


def shown_as(x: Fraction, v: Value, sig: int, mag: str | None = None) -> Fraction:
    """The value that ``fmt_amount(x, v, sig, mag)`` shows, exactly (the rounded figure)."""
    k = 0 if is_percent(v.unit) else pick_mag(v, mag)[1]
    return Fraction(fmt_number(x, sig, k).replace(",", "")) * Fraction(10) ** k


def within_sig(v: Value, sig: int, mag: str | None = None) -> int:
    """Enough significant digits that the point, as shown, lies within its own interval
    (not '15.8125 billion' shown as 15.81 over the range 15.81245 to 15.81255)."""
    lo, hi = v.iv.lo, v.iv.hi
    for extra in range(MAX_EXTRA_DIGITS + 1):
        shown = shown_as(v.point, v, sig + extra, mag)
        if (lo is None or lo <= shown) and (hi is None or shown <= hi):
            return sig + extra
    return sig + MAX_EXTRA_DIGITS


def _suffix(u: Unit, word: str | None, plural: bool) -> str:
    """What follows a number: ' billion CNY', '亿 CNY', ' years', '' (made once)."""
    key = (u, word, plural)
    text = _SUFFIXES.get(key)
    if text is None:
        name = unit_text(u, pluralize=plural)
        text = ("" if word is None else (" " if word.isascii() else "") + word) + (f" {name}" if name else "")
        _SUFFIXES[key] = text
    return text


_SUFFIXES: dict[tuple[Unit, str | None, bool], str] = {}


@functools.lru_cache(maxsize=8192)
def written(v: Value) -> str:
    """A value as the claims language writes it, with the digits of its precision and
    the magnitude it was written with: '136.09 billion CNY', '5%', '1 / 3' (exact)."""
    if v.exact:  # 'a third', 'half': a fraction, exactly
        p = v.point
        digits = f"{p.numerator} / {p.denominator}" if p.denominator != 1 else str(p.numerator)
        if is_percent(v.unit) and p.denominator == 1:
            return digits + "%"  # a whole's 100%
        text = unit_text(v.unit, pluralize=True) if p.denominator == 1 else ""
        return f"{digits} {text}" if text else digits
    k = MAGNITUDES[v.mag] if v.mag else 0
    assert v.iv.hi is not None and v.iv.lo is not None, "a figure's interval is bounded"
    step = (v.iv.hi - v.iv.lo) / Fraction(10) ** k
    decimals = 0
    while step < 1 and decimals < 30:
        step *= 10
        decimals += 1
    digits = _decimal(v.point / Fraction(10) ** k, decimals)
    if v.mag:
        digits += ("" if not v.mag.isascii() else " ") + v.mag
    if is_percent(v.unit):
        return digits + "%"
    text = unit_text(v.unit, pluralize=True)
    return f"{digits} {text}" if text else digits


def _decimal(x: Fraction, decimals: int) -> str:
    sign = "-" if x < 0 else ""
    scaled = round(abs(x) * 10**decimals)
    whole, frac = divmod(scaled, 10**decimals)
    return sign + str(whole) + (f".{frac:0{decimals}d}" if decimals else "")
