"""Quantities: numbers as written, with the interval their digits stand for, in units.

The package by job (``from factcheck import quantity as q`` gives all of them):

- ``words``: the vocabulary, magnitude, currency, time, percent and point words (add a
  unit word there);
- ``units``: the algebra of units (``Unit``), the pint registry behind them, their names;
- ``values``: ``Value`` (a point, its interval, its unit) and its exact arithmetic;
- ``format``: figures as reports show them.
"""

from __future__ import annotations

from factcheck.errors import QuantityError
from factcheck.quantity.format import (
    SCIENTIFIC_BELOW,
    SCIENTIFIC_FROM,
    distinct_sig,
    fmt_amount,
    fmt_number,
    fmt_range,
    fmt_value,
    pick_mag,
    shown_as,
    sig_digits,
    written,
)
from factcheck.quantity.units import (
    MAX_COUNT_UNITS,
    MAX_UNIT_EXPONENT,
    PERCENT,
    PLAIN,
    POINTS,
    Unit,
    check_unit,
    compatible,
    count_slip,
    count_unit,
    currency_code,
    currency_unit,
    describe_unit,
    factor,
    has_currency,
    in_points,
    is_count,
    is_currency,
    is_percent,
    is_plain,
    is_points,
    is_time,
    mismatch,
    registry,
    simplify,
    unit,
    unit_for_word,
    unit_text,
)
from factcheck.quantity.values import (
    NO_RATES,
    DateValue,
    Rates,
    Value,
    add,
    conversion,
    convert,
    div,
    exact,
    literal,
    mul,
    neg,
    plainer,
    power,
    sub,
    with_unit,
)
from factcheck.quantity.words import (
    BASIS_POINT_WORDS,
    COUNT_SYNONYMS,
    CURRENCIES,
    CURRENCY_PHRASES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MAGNITUDES,
    PER_PREFIX,
    PER_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    RESERVED_WORDS,
    TIME_UNITS,
    TIME_WORDS,
    canonical_magnitude,
    is_known_unit_word,
    magnitude,
    misspelt_unit,
    plural,
    singular,
)

__all__ = [
    "BASIS_POINT_WORDS", "COUNT_SYNONYMS", "CURRENCIES", "CURRENCY_PHRASES", "CURRENCY_SIGNS", "CURRENCY_WORDS", "MAGNITUDES", "MAX_COUNT_UNITS", "MAX_UNIT_EXPONENT",
    "NO_RATES", "PERCENT", "PERCENT_WORDS", "PER_PREFIX", "PER_WORDS", "PLAIN", "POINTS", "POINT_WORDS", "RESERVED_WORDS",
    "SCIENTIFIC_BELOW", "SCIENTIFIC_FROM", "TIME_UNITS", "TIME_WORDS",
    "DateValue", "QuantityError", "Rates", "Unit", "Value",
    "add", "canonical_magnitude", "check_unit", "compatible", "conversion", "convert", "count_slip",
    "count_unit", "currency_code", "currency_unit", "describe_unit", "distinct_sig", "div", "exact", "factor", "fmt_amount",
    "fmt_number", "fmt_range", "fmt_value", "has_currency", "in_points", "is_count", "is_currency", "is_known_unit_word",
    "is_percent", "is_plain", "is_points",
    "is_time", "literal", "magnitude", "mismatch", "misspelt_unit", "mul", "neg", "pick_mag", "plainer",
    "plural", "power", "registry", "shown_as", "sig_digits", "simplify", "singular", "sub", "unit", "unit_for_word",
    "unit_text", "with_unit", "written",
]
