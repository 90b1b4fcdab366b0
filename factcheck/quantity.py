"""Quantities: numbers as written (with the interval their digits stand for) and units.

Units live in one pint registry, built once and lazily, that holds only what the
claims language needs: six currencies, time, percent and percentage points, and the
count units ("orders", "users") that files introduce. Pint's default registry would
cost a quarter of a second at every start; this one costs well under a millisecond.

The hot path never calls pint: a ``Unit`` is an interned product of named units, so
multiplying, comparing and printing units is tuple work, and what each named unit is
(its dimension, its exact size against the root units) is asked of the registry once.
Magnitudes are exact ``Fraction``s throughout (pint is built with
``non_int_type=Fraction``, so its sizes are exact too), and every value carries the
interval of values that round to it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from factcheck.errors import QuantityError
from factcheck.interval import Interval, check_size
from factcheck.interval import power as ipower

if TYPE_CHECKING:  # pragma: no cover
    import pint

# --------------------------------------------------------------------------- words

#: magnitude words after a number -> power of ten
MAGNITUDES: dict[str, int] = {
    "thousand": 3, "k": 3, "K": 3, "千": 3,
    "million": 6, "m": 6, "M": 6, "mn": 6, "百万": 6,
    "billion": 9, "bn": 9, "十亿": 9,
    "trillion": 12, "tn": 12,
    "万": 4, "十万": 5, "千万": 7, "亿": 8, "百亿": 10, "千亿": 11, "万亿": 12,
}
_MAG_ALIASES = {"thousands": "thousand", "millions": "million", "billions": "billion",
                "trillions": "trillion", "Thousand": "thousand", "Million": "million",
                "Billion": "billion", "Trillion": "trillion", "Bn": "bn", "BN": "bn",
                "Mn": "mn", "MN": "mn", "Tn": "tn", "TN": "tn"}

#: currency words -> ISO code
CURRENCY_WORDS: dict[str, str] = {
    "CNY": "CNY", "RMB": "CNY", "yuan": "CNY", "Yuan": "CNY", "元": "CNY", "人民币": "CNY",
    "USD": "USD", "美元": "USD",
    "HKD": "HKD", "港元": "HKD", "港币": "HKD",
    "EUR": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR",
    "GBP": "GBP", "英镑": "GBP",
    "JPY": "JPY", "yen": "JPY", "日元": "JPY",
}
CURRENCIES = ("CNY", "USD", "HKD", "EUR", "GBP", "JPY")

#: currency signs written before a number -> ISO code (longest first when matching)
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD", "HK$": "HKD", "CN¥": "CNY", "RMB¥": "CNY", "JP¥": "JPY",
    "¥": "CNY", "￥": "CNY", "$": "USD", "€": "EUR", "£": "GBP",
}

TIME_WORDS: dict[str, str] = {
    "day": "day", "days": "day", "天": "day",
    "week": "week", "weeks": "week", "周": "week",
    "month": "month", "months": "month", "个月": "month",
    "quarter": "quarter", "quarters": "quarter", "季度": "quarter",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "年": "year",
}

TIME_UNITS = ("day", "week", "month", "quarter", "year")

PERCENT_WORDS = {"%", "％", "percent", "pct"}
POINT_WORDS = {"pp", "ppt", "ppts", "个百分点", "百分点"}

#: every word that names a unit: these cannot be fact names, since `/ year` must mean a unit
RESERVED_WORDS = (
    set(CURRENCY_WORDS) | set(TIME_WORDS) | PERCENT_WORDS | POINT_WORDS
    | {"percentage", "point", "points", "per", "cent"}
)

#: words of units and magnitudes long enough to be misspelt (for "did you mean")
_SPELLED_UNITS = tuple(
    sorted(
        w
        for w in {*CURRENCY_WORDS, *TIME_WORDS, *PERCENT_WORDS, *POINT_WORDS, *MAGNITUDES, *_MAG_ALIASES}
        if w.isascii() and (len(w) > 3 or w.isupper())  # and CNY, USD…: 'USDD'
    )
)

#: the named units: name -> (its size, what it is measured against). A base unit stands
#: against its own dimension, "[...]"; the rest against another named unit, exactly.
_DEFINITIONS: tuple[tuple[str, Fraction, str], ...] = (
    *((code, Fraction(1), f"[currency_{code}]") for code in ("CNY", "USD", "HKD", "EUR", "GBP", "JPY")),
    ("day", Fraction(1), "[time]"),
    ("week", Fraction(7), "day"),
    ("year", Fraction("365.25"), "day"),
    ("month", Fraction(1, 12), "year"),
    ("quarter", Fraction(1, 4), "year"),
    ("percent", Fraction(1, 100), ""),
    ("pp", Fraction(1), "[percentage_point]"),
)

# --------------------------------------------------------------------------- registry

_REGISTRY: Any = None
_COUNT_NAMES: dict[str, str] = {}  # registry name -> singular display word


def registry() -> "pint.UnitRegistry":
    """The one unit registry, built on first use from definition objects (parsing the
    same definitions as text costs pint's parser 8 ms at every start)."""
    global _REGISTRY
    if _REGISTRY is None:
        import pint

        ureg = pint.UnitRegistry(
            None, non_int_type=Fraction, cache_folder=None, autoconvert_offset_to_baseunit=False
        )
        for name, size, reference in _DEFINITIONS:
            _define(ureg, name, size, reference)
        _REGISTRY = ureg
    return _REGISTRY


def _define(ureg: Any, name: str, size: Fraction, reference: str) -> None:
    from pint.facets.plain.definitions import DimensionDefinition, ScaleConverter, UnitDefinition
    from pint.util import UnitsContainer

    if reference.startswith("["):
        ureg.define(DimensionDefinition(reference))
    ref = UnitsContainer({reference: 1} if reference else {})
    ureg.define(UnitDefinition(name, None, (), ScaleConverter(size), ref))


class Unit:
    """A unit: named units with whole exponents (CNY/year is {'CNY': 1, 'year': -1}).

    Units are interned, one object a unit, so that comparing two is an identity check and
    what a unit is (its dimension, its size against the root units, its text) is worked
    out once. The registry is the authority on the named units: their dimension and size
    come from pint, once per named unit.
    """

    __slots__ = ("key", "_units", "_root")
    _interned: dict[tuple[tuple[str, int], ...], "Unit"] = {}

    def __new__(cls, items: Any = ()) -> "Unit":
        merged: dict[str, int] = {}
        for n, e in dict(items).items() if not isinstance(items, dict) else items.items():
            merged[n] = merged.get(n, 0) + int(e)
        key = tuple(sorted((n, e) for n, e in merged.items() if e))
        u = cls._interned.get(key)
        if u is None:
            u = object.__new__(cls)
            u.key = key
            u._units = dict(key)
            u._root = None
            cls._interned[key] = u
        return u

    def __mul__(self, other: "Unit") -> "Unit":
        hit = _MUL.get((self, other))
        if hit is None:
            d = dict(self._units)
            for n, e in other._units.items():
                d[n] = d.get(n, 0) + e
            hit = _MUL[(self, other)] = Unit(d)
        return hit

    def __truediv__(self, other: "Unit") -> "Unit":
        return self * other ** -1

    def __pow__(self, n: int) -> "Unit":
        hit = _POW.get((self, n))
        if hit is None:
            hit = _POW[(self, n)] = Unit({k: e * n for k, e in self._units.items()})
        return hit

    def __repr__(self) -> str:
        return f"Unit({unit_text(self) or '1'!r})"

    # one object a unit, whatever copies or unpickles it
    def __reduce__(self) -> tuple[Any, ...]:
        return (Unit, (self.key,))

    def __copy__(self) -> "Unit":
        return self

    def __deepcopy__(self, memo: Any) -> "Unit":
        return self

    @property
    def root(self) -> tuple[Fraction, tuple[tuple[str, int], ...]]:
        """(size in root units, dimension), exact: year -> (365.25, (('[time]', 1),))."""
        if self._root is None:
            size = Fraction(1)
            dims: dict[str, int] = {}
            for n, e in self.key:
                s, d = _named_root(n)
                size *= s**e
                for dim, k in d:
                    dims[dim] = dims.get(dim, 0) + k * e
            self._root = (size, tuple(sorted((k, v) for k, v in dims.items() if v)))
        return self._root


_MUL: dict[tuple[Unit, Unit], Unit] = {}
_POW: dict[tuple[Unit, int], Unit] = {}


@functools.lru_cache(maxsize=None)
def _named_root(name: str) -> tuple[Fraction, tuple[tuple[str, int], ...]]:
    """What the registry says a named unit is: its size in root units and its dimension."""
    ureg = registry()
    size, _ = ureg.get_root_units(name)
    dims = ureg.get_dimensionality(name)
    return Fraction(size), tuple(sorted((str(k), int(v)) for k, v in dims.items()))


def unit(name: str) -> Unit:
    """The unit for a canonical name ('CNY', 'year', 'percent', 'pp', '' for a plain number)."""
    u = _NAMED.get(name)
    if u is None:
        u = _NAMED[name] = Unit(((name, 1),) if name else ())
    return u


_NAMED: dict[str, Unit] = {}


def singular(word: str) -> str:
    """Naive English singular, enough for count words: orders -> order, companies -> company."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def plural(word: str) -> str:
    if not word.isascii():
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


#: Each new count word defines a unit in the registry (about 0.25 ms, and it stays):
#: a file naming 100,000 different things would take half a minute before any check.
#: A newsroom's whole archive uses a few hundred (orders, users, stores, shares…).
MAX_COUNT_UNITS = 2_000
#: |n| in a unit's exponent (CNY², year⁻¹): no figure needs more, and exponents that
#: grow by powers of powers make conversions (7.2 ** 3,000,000) run for minutes.
MAX_UNIT_EXPONENT = 12


def count_unit(word: str) -> Unit:
    """A count unit ('orders'): its own dimension, so orders and users never mix."""
    sing = singular(word)
    key = "count_" + sing.encode("utf-8").hex()
    if key not in _COUNT_NAMES:
        if len(_COUNT_NAMES) >= MAX_COUNT_UNITS:
            raise QuantityError(
                f"too many different words after numbers (more than {MAX_COUNT_UNITS:,} things counted, "
                f"such as {plural(sing)!r}): is this a claims file?",
                code="too-large",
            )
        _define(registry(), key, Fraction(1), f"[{key}]")
        _COUNT_NAMES[key] = sing
    return unit(key)


def misspelt_unit(word: str) -> str | None:
    """The unit or magnitude word a count word looks like a slip of ('bilion' -> 'billion')."""
    from factcheck.suggest import closest

    if is_known_unit_word(word) or magnitude(word) is not None:
        return None
    return closest(word, _SPELLED_UNITS, 0.8)


def is_known_unit_word(word: str) -> bool:
    return word in CURRENCY_WORDS or word in TIME_WORDS or word in PERCENT_WORDS or word in POINT_WORDS


def unit_for_word(word: str) -> Any | None:
    """The unit a word names, or None when it is not a unit word."""
    if word in CURRENCY_WORDS:
        return unit(CURRENCY_WORDS[word])
    if word in TIME_WORDS:
        return unit(TIME_WORDS[word])
    if word in PERCENT_WORDS:
        return unit("percent")
    if word in POINT_WORDS:
        return unit("pp")
    return None


def magnitude(word: str) -> int | None:
    word = _MAG_ALIASES.get(word, word)
    return MAGNITUDES.get(word)


def canonical_magnitude(word: str) -> str:
    return _MAG_ALIASES.get(word, word)


# --------------------------------------------------------------------------- unit algebra

_SIMPLE: dict[Unit, tuple[Fraction, Unit]] = {}


def compatible(a: Unit, b: Unit) -> bool:
    return a is b or a.root[1] == b.root[1]


def factor(a: Unit, b: Unit) -> Fraction:
    """How many ``b`` in one ``a`` (exact). The units must be compatible."""
    if a is b:
        return _ONE
    return a.root[0] / b.root[0]


def simplify(u: Unit) -> tuple[Fraction, Unit]:
    """Cancel what cancels, exactly: year/day -> 365.25; CNY/year*month -> CNY/12 a year.

    Named units of one dimension fold into the first of them; what has no dimension
    (percent) folds into the factor.
    """
    hit = _SIMPLE.get(u)
    if hit is not None:
        return hit
    f = Fraction(1)
    keep: dict[str, int] = {}
    first_of: dict[tuple[tuple[str, int], ...], str] = {}
    for n, e in u.key:
        size, dims = _named_root(n)
        if not dims:
            f *= size**e
            continue
        r = first_of.setdefault(dims, n)
        if r != n:
            f *= (size / _named_root(r)[0]) ** e
        keep[r] = keep.get(r, 0) + e
    result = (f, Unit(keep))
    _SIMPLE[u] = result
    return result


_ONE = Fraction(1)


def is_percent(u: Unit) -> bool:
    return u is PERCENT


def is_points(u: Unit) -> bool:
    return u is POINTS


def is_plain(u: Unit) -> bool:
    return u is PLAIN


def has_currency(u: Any) -> bool:
    return any(n in CURRENCIES for n in u._units)


def is_count(u: Any) -> bool:
    return any(n.startswith("count_") for n in u._units)


def is_time(u: Unit) -> bool:
    return u.root[1] == _TIME_DIMS


PLAIN, PERCENT, POINTS = unit(""), unit("percent"), unit("pp")
_TIME_DIMS = (("[time]", 1),)


def _name(n: str, exp: Any, pluralize: bool) -> str:
    if n in _COUNT_NAMES:
        word = _COUNT_NAMES[n]
    elif n == "percent":
        return "%"
    else:
        word = n
    if pluralize and (n in TIME_UNITS or n in _COUNT_NAMES):
        word = plural(word)
    e = Fraction(exp)
    if e != 1:
        word += f"^{e}"
    return word


def unit_text(u: Any, pluralize: bool = False) -> str:
    """'CNY/year', 'years', 'orders', '%', 'pp', '' for a plain number (made once a unit)."""
    key = (u, pluralize)
    text = _TEXTS.get(key)
    if text is None:
        text = _TEXTS[key] = _unit_text(u, pluralize)
    return text


_TEXTS: dict[tuple[Any, bool], str] = {}


def _unit_text(u: Any, pluralize: bool) -> str:
    items = list(u._units.items())
    num = [(n, e) for n, e in items if e > 0]
    den = [(n, -e) for n, e in items if e < 0]
    plural_ok = pluralize and not den and len(num) == 1
    text = "*".join(_name(n, e, plural_ok) for n, e in num) or ("1" if den else "")
    if den:
        text += "/" + "/".join(_name(n, e, False) for n, e in den)
    return text


def describe_unit(u: Any) -> str:
    """The unit in words for messages: 'a plain number', 'percentage points (pp)', 'CNY/year'."""
    if is_plain(u):
        return "a plain number"
    if is_points(u):
        return "percentage points (pp)"
    if is_percent(u):
        return "percent (%)"
    return unit_text(u, pluralize=is_count(u))


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Value:
    """A number in a unit: the point as written and the interval of what it stands for."""

    point: Fraction
    iv: Interval
    unit: Any
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


def exact(point: Fraction, u: Any = None) -> Value:
    return Value(point, Interval.point(point), unit("") if u is None else u)


def with_unit(v: Value, u: Any) -> Value:
    return Value(v.point, v.iv, u, v.mag)


@dataclass
class Rates:
    """``settings.rates``: 1 USD = 7.2 CNY. Rates are conventions, taken as exact."""

    table: dict[str, tuple[Fraction, str]] = field(default_factory=dict)

    def normalize(self, u: Any) -> tuple[Fraction, Any]:
        """Replace every rated currency by what its rate is given in."""
        f = Fraction(1)
        for _ in range(len(self.table) + 1):
            names = [n for n in u._units if n in self.table]
            if not names:
                return f, u
            for n in names:
                e = u._units[n]
                r, target = self.table[n]
                f *= r ** Fraction(e)
                u = u / unit(n) ** e * unit(target) ** e
        raise QuantityError("the rates in settings.rates go round in a circle")


NO_RATES = Rates()


def conversion(a: Any, b: Any, rates: Rates) -> Fraction:
    """Factor from unit a to unit b, through the file's rates where currencies differ."""
    if compatible(a, b):
        return factor(a, b)
    if has_currency(a) and has_currency(b) and rates.table:
        fa, na = rates.normalize(a)
        fb, nb = rates.normalize(b)
        if compatible(na, nb):
            return fa * factor(na, nb) / fb
    raise QuantityError(mismatch(a, b, "convert"))


def mismatch(a: Any, b: Any, verb: str) -> str:
    """Why two units do not go together, in an editor's words."""
    pair = {is_points(a), is_points(b)}
    if pair == {True, False} and (is_percent(a) or is_percent(b)):
        return (
            f"cannot {verb} percentage points (pp) and percent (%): a change from 80% to 70% "
            "is -10 pp, or a fall of 12.5%; say which one the article means"
        )
    ca = [n for n in a._units if n in CURRENCIES]
    cb = [n for n in b._units if n in CURRENCIES]
    if ca and cb and set(ca) != set(cb):
        x, y = ca[0], cb[0]
        return (
            f"cannot {verb} {x} and {y} without an exchange rate: add one under "
            f"settings.rates (for example `{x}: 7.2 {y}`)"
        )
    text = f"cannot {verb} {describe_unit(a)} and {describe_unit(b)}"
    slip = count_slip(a) or count_slip(b)
    return f"{text} ({slip})" if slip else text


def count_slip(u: Any) -> str | None:
    """"'yeers' is not a unit factcheck knows: did you mean 'years'?" when a count word
    of ``u`` looks like a misspelt unit or magnitude, else None."""
    for n in u._units:
        word = _COUNT_NAMES.get(n)
        for written in (word, plural(word)) if word else ():
            slip = misspelt_unit(written)
            if slip:
                return f"{written!r} is not a unit factcheck knows: did you mean {slip!r}?"
    return None


def convert(v: Value, to: Any, rates: Rates = NO_RATES) -> Value:
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


def check_unit(u: Any) -> Any:
    """Refuse a unit raised past MAX_UNIT_EXPONENT (CNY^13), before anything converts it."""
    for n, e in u._units.items():
        if abs(e) > MAX_UNIT_EXPONENT:
            raise QuantityError(
                f"a figure in {_name(n, e, False)} is past what factcheck computes: "
                f"units go up to the power {MAX_UNIT_EXPONENT}",
                code="too-large",
            )
    return u


def _tidy(point: Fraction, iv: Interval, u: Any) -> Value:
    check_unit(u)
    f, u2 = simplify(u)
    if f != 1:
        point, iv = point * f, iv.scale(f)
    return Value(check_size(point), iv, u2)


def _same_currency(a: Value, b: Value, rates: Rates) -> Value:
    """Before a ratio of CNY to USD, convert b's currency to a's through the rates."""
    if has_currency(a.unit) and has_currency(b.unit) and not compatible(a.unit, b.unit) and rates.table:
        fa, na = rates.normalize(a.unit)
        fb, nb = rates.normalize(b.unit)
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


# --------------------------------------------------------------------------- formatting

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
    if is_percent(v.unit):
        return f"{fmt_amount(lo, v, sig, mag)} to {fmt_amount(hi, v, sig, mag)}"
    word, k = pick_mag(v, mag)
    a, b = fmt_number(lo, sig, k), fmt_number(hi, sig, k)
    return f"{a} to {b}{_suffix(v.unit, word, abs(hi) != 1)}"


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

