"""A figure as read from prose (``Mention``), the number inside it, and the step of its last digit."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from factcheck import quantity as q

KINDS = ("number", "range", "ordinal", "date", "year")


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure in the text: ``text[start:end]``, its kind and value."""

    start: int
    end: int
    text: str
    kind: str
    #: number, year, ordinal: the value; range: None (see ``ends``); date: None
    value: q.Value | None = None
    #: a range: its two ends (numbers or years)
    ends: tuple[Mention, Mention] | None = None
    #: a date: (year or None, month, day or None)
    when: tuple[int | None, int, int | None] | None = None
    #: written as a fraction ("a third", "half"): compares with percentages too
    fraction: bool = False

    @property
    def unit_text(self) -> str:
        v = self.value or (self.ends[0].value if self.ends else None)
        return "" if v is None else q.unit_text(v.unit)

    def show(self) -> str:
        return " ".join(self.text.split())

@dataclass(slots=True)
class Core:
    """A number before its magnitude and unit: digits as written, or words read as digits."""

    start: int
    end: int
    digits: str | None  # a decimal string; None for an exact fraction
    exact: Fraction | None = None  # fractions ("a third") and other exact values
    words: bool = False  # written in words: 'one' alone is not a figure
    weak: bool = False  # needs a magnitude or unit to count ('one', 'a' million)
    cjk: bool = False

def precision(m: Mention) -> Fraction:
    """The step of the last digit written (0 when exact): 136.09 billion -> 10 million."""
    v = m.value if m.value is not None else (m.ends[0].value if m.ends else None)
    if v is None or v.exact:
        return Fraction(0)
    assert v.iv.hi is not None and v.iv.lo is not None, "a figure's interval is bounded"
    return v.iv.hi - v.iv.lo


def year_of(m: Mention) -> int | None:
    """The year a figure names: a year ('2024'), or a date's year ('May 13, 2025'); None
    for a date without one ('4月2日') and for any other figure."""
    if m.kind == "year" and m.value is not None:
        return int(m.value.point)
    if m.kind == "date" and m.when and m.when[0] is not None:
        return m.when[0]
    return None
