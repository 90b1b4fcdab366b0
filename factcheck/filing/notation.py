"""A filing's figure in the notation of the claims language: ``96,995 million USD``,
``6.13 USD/share``, ``15,550,061,000 shares``, ``0.64``.

The digits shown are the figure exactly (never rounded), and as many as its
``decimals`` say are meant: ``decimals="-8"`` on 7,700,000,000 with ``scale="9"``
gives ``7.7 billion USD``, and ``decimals="-6"`` on an XBRL instance's
96995000000 gives ``96,995 million USD``, so that the figure as written stands for
the interval the filing gives it (±0.5 million). The magnitude word is the one the
filing shows the figure in (its ``scale``: 6, 9, 12), else the one its ``decimals``
imply for millions and up; thousands, per-share amounts and small figures are
written in full (``15,550,061,000 shares``, whether the filing shows 15,550,061 in
thousands or gives 15550061000).
"""

from __future__ import annotations

from fractions import Fraction

from factcheck.filing.model import INF, Fact, Unit

_WORDS = {6: "million", 9: "billion", 12: "trillion"}
#: no figure is written with more decimals than this (a value with a prime other than
#: 2 and 5 in its denominator cannot come from a filing's decimal text)
_MAX_PLACES = 1200


def magnitude(fact: Fact) -> int:
    """The power of ten the figure is written in: 0, 6, 9 or 12 (a figure shown in
    thousands is written in full, as an XBRL instance's would be). Its digits may end
    no further right than its ``decimals`` mean: a figure to the hundred million
    (``decimals="-8"``) is ``1.1 billion`` (±50 million), never ``1,100 million``
    (which would read as ±0.5 million), whatever scale the filing shows it in."""
    v, d = fact.value, fact.decimals
    last = None if d is None or d == INF else -int(d)  # the power of ten of the last digit meant
    if fact.scale in _WORDS and (last is None or last <= fact.scale):
        return fact.scale
    if v is None or last is None or last < 6 or (fact.scale and fact.scale not in _WORDS):
        return 0
    k = next((k for k in (6, 9, 12) if k >= last), 12)
    return k if abs(v) >= 10**last else 0


def number(value: Fraction, decimals: float | None, k: int = 0) -> str:
    """``value / 10**k`` with thousands separators, exactly, with at least the places
    ``decimals`` means (``decimals`` 2 on 0.6 -> ``0.60``)."""
    scaled = value / 10**k
    places = 0
    if isinstance(decimals, int):
        places = max(0, k + decimals)
    while (scaled * 10**places).denominator != 1:
        places += 1
        if places > _MAX_PLACES:
            return str(scaled)  # pragma: no cover - not a decimal figure
    n = scaled.numerator * 10**places // scaled.denominator
    sign = "-" if n < 0 else ""
    digits = str(abs(n)).rjust(places + 1, "0")
    whole, frac = (digits[:-places], digits[-places:]) if places else (digits, "")
    return sign + f"{int(whole):,}" + ("." + frac if frac else "")


def unit_suffix(unit: Unit, value: Fraction) -> str:
    """`` USD``, `` shares``, `` USD/share``, ``''`` (pure), `` MWh`` or `` Vendor`` (a unit of
    the Units Registry or of the filer: as the filing names it, never made plural, so
    that it reads back as the same unit)."""
    text = unit.text
    return " " + text if text else ""


def written(fact: Fact) -> str:
    """The fact's value as the claims language writes it (a text fact: its text)."""
    if fact.nil:
        return "nil"
    if fact.error is not None and fact.value is None:
        return f"unreadable ({fact.error})"
    if fact.value is None or fact.unit is None:
        return fact.text if fact.text is not None else fact.raw
    k = magnitude(fact)
    word = f" {_WORDS[k]}" if k else ""
    return number(fact.value, fact.decimals, k) + word + unit_suffix(fact.unit, fact.value)
