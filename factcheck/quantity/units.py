"""Units: the algebra of named units (Unit), the pint registry that says what each is, and their names.

Units live in one pint registry, built once and lazily, that holds only what the
claims language needs: six currencies, time, percent and percentage points, and the
count units ("orders", "users") that files introduce. Pint's default registry would
cost a quarter of a second at every start; this one costs well under a millisecond.

The hot path never calls pint: a ``Unit`` is an interned product of named units, so
multiplying, comparing and printing units is tuple work, and what each named unit is
(its dimension, its exact size against the root units) is asked of the registry once.
Sizes are exact ``Fraction``s (pint is built with ``non_int_type=Fraction``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, final

from factcheck.errors import QuantityError
from factcheck.pintload import import_pint
from factcheck.quantity.words import (
    BASIS_POINT_WORDS,
    COUNT_SYNONYMS,
    CURRENCIES,
    CURRENCY_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    SUBUNITS,
    TIME_UNITS,
    TIME_WORDS,
    UNIT_DEFINITIONS,
    misspelt_unit,
    plural,
    singular,
)

if TYPE_CHECKING:  # pragma: no cover
    import pint

# --------------------------------------------------------------------------- registry

_REGISTRY: pint.UnitRegistry[Any] | None = None
_COUNT_NAMES: dict[str, str] = {}  # registry name -> singular display word


def registry() -> pint.UnitRegistry[Any]:
    """The one unit registry, built on first use from definition objects (parsing the
    same definitions as text would cost every start more: docs/performance.md)."""
    global _REGISTRY
    if _REGISTRY is None:
        pint = import_pint()
        ureg: Any = pint.UnitRegistry(
            None, non_int_type=Fraction, cache_folder=None, autoconvert_offset_to_baseunit=False
        )
        for name, size, reference in UNIT_DEFINITIONS:
            _define(ureg, name, size, reference)
        _REGISTRY = ureg
    return _REGISTRY


def _define(ureg: Any, name: str, size: Fraction, reference: str) -> None:
    # lazy: pint (~0.1 s) only when a unit is computed
    from pint.facets.plain.definitions import DimensionDefinition, ScaleConverter, UnitDefinition
    from pint.util import UnitsContainer

    if reference.startswith("["):
        ureg.define(DimensionDefinition(reference))
    ref = UnitsContainer({reference: 1} if reference else {})
    ureg.define(UnitDefinition(name, None, (), ScaleConverter(size), ref))  # type: ignore[arg-type]  # exact: pint takes Fractions


@final  # interned: one object a unit, never a subclass's
class Unit:
    """A unit: named units with whole exponents (CNY/year is {'CNY': 1, 'year': -1}).

    Units are interned, one object a unit, so that comparing two is an identity check and
    what a unit is (its dimension, its size against the root units, its text) is worked
    out once. The registry is the authority on the named units: their dimension and size
    come from pint, once per named unit.
    """

    __slots__ = ("_root", "_units", "key")
    key: tuple[tuple[str, int], ...]
    _units: dict[str, int]
    _root: tuple[Fraction, tuple[tuple[str, int], ...]] | None
    _interned: ClassVar[dict[tuple[tuple[str, int], ...], Unit]] = {}

    def __new__(cls, items: Any = ()) -> Unit:
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

    def __mul__(self, other: Unit) -> Unit:
        hit = _MUL.get((self, other))
        if hit is None:
            d = dict(self._units)
            for n, e in other._units.items():
                d[n] = d.get(n, 0) + e
            hit = _MUL[(self, other)] = Unit(d)
        return hit

    def __truediv__(self, other: Unit) -> Unit:
        return self * other ** -1

    def __pow__(self, n: int) -> Unit:
        hit = _POW.get((self, n))
        if hit is None:
            hit = _POW[(self, n)] = Unit({k: e * n for k, e in self._units.items()})
        return hit

    def __repr__(self) -> str:
        return f"Unit({unit_text(self) or '1'!r})"

    # one object a unit, whatever copies or unpickles it
    def __reduce__(self) -> tuple[Any, ...]:
        return (Unit, (self.key,))

    def __copy__(self) -> Unit:
        return self

    def __deepcopy__(self, memo: Any) -> Unit:
        return self

    @property
    def exponents(self) -> Mapping[str, int]:
        """Each named unit and its exponent: CNY/year is {'CNY': 1, 'year': -1} (read only)."""
        return self._units

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


@functools.cache
def _named_root(name: str) -> tuple[Fraction, tuple[tuple[str, int], ...]]:
    """What the registry says a named unit is: its size in root units and its dimension."""
    ureg: Any = registry()  # first: it imports pint (factcheck.pintload)
    # lazy: pint (~0.1 s) only when a unit is computed
    from pint.util import UnitsContainer

    # a container, not the name as text: pint reads text with Python's tokenize module,
    # whose pattern costs 7 ms to compile at the first claim a run checks
    units = UnitsContainer({name: 1})
    size, _ = ureg.get_root_units(units)
    dims = ureg.get_dimensionality(units)
    return Fraction(size), tuple(sorted((str(k), int(v)) for k, v in dims.items()))


def unit(name: str) -> Unit:
    """The unit for a canonical name ('CNY', 'year', 'percent', 'pp', '' for a plain number)."""
    u = _NAMED.get(name)
    if u is None:
        u = _NAMED[name] = Unit(((name, 1),) if name else ())
    return u


_NAMED: dict[str, Unit] = {}


#: Each new count word defines a unit in the registry (about 0.25 ms, and it stays):
#: a file naming 100,000 different things would take half a minute before any check.
#: A newsroom's whole archive uses a few hundred (orders, users, stores, shares…).
MAX_COUNT_UNITS = 2_000
#: |n| in a unit's exponent (CNY², year⁻¹): no figure needs more, and exponents that
#: grow by powers of powers make conversions (7.2 ** 3,000,000) run for minutes.
MAX_UNIT_EXPONENT = 12


def count_unit(word: str) -> Unit:
    """A count unit ('orders'): its own dimension, so orders and users never mix; 股 is
    share (``COUNT_SYNONYMS``), so CNY/股 and CNY/share are one unit."""
    sing = COUNT_SYNONYMS.get(word) or singular(word)
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


#: currencies beyond the six of CURRENCIES, defined in the registry as they are met
_EXTRA_CURRENCIES: set[str] = set()


@functools.cache
def _iso4217_codes() -> frozenset[str]:
    """Every current ISO 4217 code, from the iso4217 data package (kept up to date with
    the ISO's list, so no hand list here goes stale). Imported only when a three-capital
    word that is not one of the six common currencies is met: it costs about 20 ms."""
    # lazy: only for a currency code the table lacks
    import iso4217

    return frozenset(c.code for c in iso4217.Currency)


def currency_code(word: str) -> str | None:
    """``word`` when it is an ISO 4217 code (``CHF``, ``MXN``, ``ZAR``), else None."""
    if word in CURRENCIES:
        return word
    if len(word) == 3 and word.isascii() and word.isalpha() and word.isupper() and word in _iso4217_codes():
        return word
    return None


def currency_unit(code: str) -> Unit:
    """The unit of an ISO 4217 currency (``currency_code`` says which are), defined in the
    registry the first time it is met: a dimension of its own, like the six."""
    if code not in CURRENCIES and code not in _EXTRA_CURRENCIES:
        _define(registry(), code, Fraction(1), f"[currency_{code}]")
        _EXTRA_CURRENCIES.add(code)
    return unit(code)


def is_currency(name: str) -> bool:
    """Whether a named unit is a currency."""
    return name in CURRENCIES or name in _EXTRA_CURRENCIES


def unit_for_word(word: str) -> Unit | None:
    """The unit a word names, or None when it is not a unit word."""
    if word in CURRENCY_WORDS:
        return unit(CURRENCY_WORDS[word])
    if len(word) == 3 and word.isupper() and currency_code(word):
        return currency_unit(word)
    if word in TIME_WORDS:
        return unit(TIME_WORDS[word])
    if word in PERCENT_WORDS:
        return unit("percent")
    if word in POINT_WORDS:
        return unit("pp")
    if word in BASIS_POINT_WORDS:
        return unit("bp")
    return None


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


def has_currency(u: Unit) -> bool:
    return any(is_currency(n) or n in SUBUNITS for n in u._units)


def is_count(u: Unit) -> bool:
    return any(n.startswith("count_") for n in u._units)


def is_time(u: Unit) -> bool:
    return u.root[1] == _TIME_DIMS


PLAIN, PERCENT, POINTS = unit(""), unit("percent"), unit("pp")
_TIME_DIMS = (("[time]", 1),)


def check_unit(u: Unit) -> Unit:
    """Refuse a unit raised past MAX_UNIT_EXPONENT (CNY^13), before anything converts it."""
    for n, e in u._units.items():
        if abs(e) > MAX_UNIT_EXPONENT:
            raise QuantityError(
                f"a figure in {_name(n, e, False)} is past what factcheck computes: "
                f"units go up to the power {MAX_UNIT_EXPONENT}",
                code="too-large",
            )
    return u


# --------------------------------------------------------------------------- unit names


def _name(n: str, exp: int, pluralize: bool) -> str:
    if n in _COUNT_NAMES:
        word = _COUNT_NAMES[n]
    elif n == "percent":
        return "%"
    else:
        word = n
    if pluralize and (n in TIME_UNITS or (n in _COUNT_NAMES and not any(c.isupper() for c in word))):
        word = plural(word)  # orders, vendors; a symbol with a capital (MW, D, tCO2e) is kept as written
    e = Fraction(exp)
    if e != 1:
        word += f"^{e}"
    return word


def unit_text(u: Unit, pluralize: bool = False) -> str:
    """'CNY/year', 'years', 'orders', '%', 'pp', '' for a plain number (made once a unit)."""
    key = (u, pluralize)
    text = _TEXTS.get(key)
    if text is None:
        text = _TEXTS[key] = _unit_text(u, pluralize)
    return text


_TEXTS: dict[tuple[Unit, bool], str] = {}


def _unit_text(u: Unit, pluralize: bool) -> str:
    items = list(u._units.items())
    num = [(n, e) for n, e in items if e > 0]
    den = [(n, -e) for n, e in items if e < 0]
    plural_ok = pluralize and not den and len(num) == 1
    text = "*".join(_name(n, e, plural_ok) for n, e in num) or ("1" if den else "")
    if den:
        text += "/" + "/".join(_name(n, e, False) for n, e in den)
    return text


def describe_unit(u: Unit) -> str:
    """The unit in words for messages: 'a plain number', 'percentage points (pp)', 'CNY/year'."""
    if is_plain(u):
        return "a plain number"
    if is_points(u):
        return "percentage points (pp)"
    if u is unit("bp"):
        return "basis points (bp)"
    if is_percent(u):
        return "percent (%)"
    return unit_text(u, pluralize=is_count(u))


def mismatch(a: Unit, b: Unit, verb: str) -> str:
    """Why two units do not go together, in an editor's words."""
    pair = {in_points(a), in_points(b)}
    if pair == {True, False} and (is_percent(a) or is_percent(b)):
        return (
            f"cannot {verb} percentage points (pp) and percent (%): a change from 80% to 70% "
            "is -10 pp, or a fall of 12.5%; say which one the article means"
        )
    ca = [n for n in a._units if is_currency(n)]
    cb = [n for n in b._units if is_currency(n)]
    if ca and cb and set(ca) != set(cb):
        x, y = ca[0], cb[0]
        return (
            f"cannot {verb} {x} and {y} without an exchange rate: add one under "
            f"settings.rates (for example `{x}: 7.2 {y}`)"
        )
    text = f"cannot {verb} {describe_unit(a)} and {describe_unit(b)}"
    slip = count_slip(a) or count_slip(b)
    return f"{text} ({slip})" if slip else text


def in_points(u: Unit) -> bool:
    """Percentage points or basis points (a hundredth of a point)."""
    return u is POINTS or u is unit("bp")


def count_slip(u: Unit) -> str | None:
    """"'yeers' is not a unit factcheck knows: did you mean 'years'?" when a count word
    of ``u`` looks like a misspelt unit or magnitude, else None."""
    for n in u._units:
        word = _COUNT_NAMES.get(n)
        for written in (word, plural(word)) if word else ():
            slip = misspelt_unit(written)
            if slip:
                return f"{written!r} is not a unit factcheck knows: did you mean {slip!r}?"
    return None
