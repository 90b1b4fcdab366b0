"""The records of a filing: periods, units, facts (the Filing that holds them, with the
questions asked of it, is in select.py).

Named tuples, as in ``factcheck.model``: a filing makes them by the thousand and they
are never changed. Nothing here reads a file or prints.
"""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from factcheck.errors import FactcheckError

#: ``decimals="INF"``: the value is exact
INF = math.inf


class FilingError(FactcheckError):
    """A filing that cannot be read: not a file, too large, not XML, not XBRL, a DTD.

    ``str()`` is one line naming the file (and the line and column when the problem
    has a place in it). ``code``: ``filing-file`` (missing, a folder, a pipe, too
    large), ``filing-not-xbrl``, ``filing-xml`` (not well-formed), ``filing-dtd`` (an
    internal DTD subset: entities), ``filing-nesting`` (nested beyond the limits);
    ``filing-no-fact`` and ``filing-conflict`` for the two subclasses."""


class FactNotFound(FilingError):
    """No fact of the filing has this concept (in this period, with these dimensions).

    The message says what the filing has instead (other periods, other dimensions, a
    concept spelt alike); ``candidates`` holds the facts of the same concept."""

    def __init__(self, message: str, candidates: tuple[Fact, ...] = ()) -> None:
        super().__init__(message, code="filing-no-fact")
        self.candidates = candidates


class FactConflict(FilingError):
    """Several facts answer the question and do not agree: different values (whose
    precision intervals do not overlap), different units, or a value beside a nil.
    ``facts`` holds them all, in file order."""

    def __init__(self, message: str, facts: tuple[Fact, ...]) -> None:
        super().__init__(message, code="filing-conflict")
        self.facts = facts


class Period(NamedTuple):
    """An instant (``start`` is None), a duration, or forever (both None).

    ``str()`` is the notation of the claims file: ``2023-09-30`` for an instant,
    ``2022-09-25/2023-09-30`` for a duration, ``forever``."""

    start: date | None
    end: date | None

    @property
    def instant(self) -> bool:
        return self.start is None and self.end is not None

    @property
    def forever(self) -> bool:
        return self.start is None and self.end is None

    def __str__(self) -> str:
        if self.end is None:
            return "forever"
        if self.start is None:
            return self.end.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2023-09-30`` (an instant) or ``2022-09-25/2023-09-30``; ValueError otherwise."""
        text = text.strip()
        if text == "forever":
            return cls(None, None)
        first, slash, second = text.partition("/")
        try:
            if not slash:
                return cls(None, date.fromisoformat(first.strip()))
            start, end = date.fromisoformat(first.strip()), date.fromisoformat(second.strip())
        except ValueError:
            raise ValueError(
                f"'{text}' is not a period: write a date (2023-09-30) or START/END (2022-09-25/2023-09-30)"
            ) from None
        if end < start:
            raise ValueError(f"'{text}' ends before it starts")
        return cls(start, end)


#: measures as the claims language writes them (the rest: their local name)
_MEASURE_WORDS = {"xbrli:shares": "share", "xbrli:pure": ""}
#: measures of the Units Registry and of filers are kept as they are named (MW, D, Vendor)


class Unit(NamedTuple):
    """A unit of the filing: products of measures over products of measures (QNames).

    ``text`` is the claims language's notation: ``USD``, ``shares``, ``USD/share``, ``''``
    for pure numbers."""

    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        top = [w for w in map(_measure_word, self.numerator) if w]
        bottom = [w for w in map(_measure_word, self.denominator) if w]
        if not bottom and len(top) == 1 and top[0] == "share":
            return "shares"  # "15,550,061,000 shares"; a count stays singular under a slash
        if not top and not bottom:
            return ""
        text = "*".join(top) or "1"
        return text + "".join("/" + w for w in bottom)

    def __str__(self) -> str:
        return self.text


def _measure_word(qname: str) -> str:
    word = _MEASURE_WORDS.get(qname)
    if word is not None:
        return word
    return qname.rpartition(":")[2]  # USD, EUR (ISO codes, as the claims language writes them), MWh, Vendor


class Fact(NamedTuple):
    """One fact of a filing, as read (see ``factcheck.filing`` for what each field means)."""

    #: ``us-gaap:NetIncomeLoss``: well-known namespaces get their usual prefix
    concept: str
    period: Period
    #: sorted (axis, member) pairs: ``(("srt:ProductOrServiceAxis", "us-gaap:ServiceMember"),)``
    dimensions: tuple[tuple[str, str], ...]
    #: None for a text fact
    unit: Unit | None
    #: the exact value (after scale, sign and format); None when nil, text, or unreadable
    value: Fraction | None
    #: an int (-6: a multiple of a million, give or take half a million), INF, or None
    decimals: int | float | None
    #: the text as written in the file (stripped), before any transform
    raw: str
    line: int
    col: int
    context: str
    id: str | None = None
    nil: bool = False
    #: a text fact's value (a date transform gives ISO: 2024-09-28)
    text: str | None = None
    #: why a numeric fact has no value (an unknown format, text the format does not read)
    error: str | None = None
    scale: int = 0
    sign: str = ""
    format: str | None = None
    #: the document of a document set or a package that holds the fact
    #: (``XBRL/PublicDoc/0101010_honbun_ixbrl.htm``); None when the filing is one file
    file: str | None = None

    @property
    def where(self) -> str:
        """``line 2600``, or ``XBRL/PublicDoc/a.htm line 12`` in a filing of several files."""
        return f"{self.file} line {self.line}" if self.file else f"line {self.line}"

    @property
    def numeric(self) -> bool:
        return self.unit is not None

    @property
    def dims(self) -> dict[str, str]:
        return dict(self.dimensions)

    @property
    def interval(self) -> tuple[Fraction, Fraction] | None:
        """The values the figure stands for, from ``decimals`` (exact for INF or none)."""
        if self.value is None:
            return None
        if self.decimals is None or self.decimals == INF:
            return self.value, self.value
        half = Fraction(10) ** -int(self.decimals) / 2
        return self.value - half, self.value + half


class Pending:
    """A fact as its element gave it; made into a Fact once every context is known."""

    __slots__ = ("attrs", "col", "concept", "file", "fmt", "ix", "line", "parts")

    def __init__(
        self, concept: str, attrs: dict[str, str], line: int, col: int, fmt: str | None, ix: str, file: str | None
    ) -> None:
        self.file = file
        self.concept = concept
        self.attrs = attrs
        self.parts: list[str] = []
        self.line = line
        self.col = col
        self.fmt = fmt
        #: "" in an XBRL instance, else the Inline XBRL element: "nonFraction", "nonNumeric"
        self.ix = ix
