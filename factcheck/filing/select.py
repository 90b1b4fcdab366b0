"""A filing read (``Filing``), and finding a fact in it: by concept, period and
dimensions, and the errors that say what the filing has instead."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from factcheck.filing.model import INF, Fact, FactConflict, FactNotFound, Period
from factcheck.filing.notation import written

#: the period a claims file names for a 10-Q's year to date (its own period is the quarter)
YEAR_TO_DATE = "year-to-date"


def as_period(period: Period | str | date) -> Period:
    if isinstance(period, Period):
        return period
    if isinstance(period, date):
        return Period(None, period)
    return Period.parse(period)


def _dims(dimensions: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((a.strip(), m.strip()) for a, m in (dimensions or {}).items()))


def find(
    filing: Filing, concept: str, period: Period | str | date | None, dimensions: Mapping[str, str] | None
) -> list[Fact]:
    concept = concept.strip()
    want_dims = _dims(dimensions)
    want_period = None if period is None else as_period(period)
    return [
        f
        for f in (filing.facts[i] for i in filing.by_concept.get(concept, ()))
        if f.dimensions == want_dims and (want_period is None or f.period == want_period)
    ]


def one(
    filing: Filing,
    concept: str,
    period: Period | str | date | None,
    dimensions: Mapping[str, str] | None,
    decimals: float | None = None,
    unit: str | None = None,
) -> Fact:
    concept = concept.strip()
    if concept not in filing.by_concept:
        raise FactNotFound(f"{filing.path}: no fact of {concept}{_did_you_mean(concept, filing.by_concept)}")
    periods = _periods(filing, concept, period, dimensions)
    for p in periods:
        found = find(filing, concept, p, dimensions)
        if found and (decimals is not None or unit is not None):
            found = _chosen(filing, concept, p, found, decimals, unit)
        if found:
            return _agreeing(filing, concept, p, found)
    raise _not_found(filing, concept, periods, _dims(dimensions))


def _periods(
    filing: Filing, concept: str, period: Period | str | date | None, dimensions: Mapping[str, str] | None
) -> list[Period]:
    """The periods to look for a fact in, in order: the one asked for (year to date: the
    interim report's), else the filing's own (its duration, then the instant at its end),
    else the one period the concept has."""
    if isinstance(period, str) and period.strip() == YEAR_TO_DATE:
        if filing.year_to_date is None:
            raise FactNotFound(
                f"{filing.path}: period: {YEAR_TO_DATE} is for an interim report (a 10-Q); this filing's own period is "
                f"{filing.period or 'not stated'}: give START/END"
            )
        period = filing.year_to_date
    if period is not None:
        periods = [as_period(period)]
    elif filing.period is not None:
        # the filing's own period: its duration (net income), else the instant at its end (assets)
        periods = [filing.period] + ([Period(None, filing.period.end)] if filing.period.end else [])
    else:
        # a filing that states no period of its own: the one period the concept has, if one
        periods = sorted({f.period for f in find(filing, concept, None, dimensions)}, key=str)
        if len(periods) > 1:
            raise FactNotFound(
                f"{filing.path}: {concept} is given for {_few([str(p) for p in periods])}, and the filing "
                "states no period of its own (no dei:DocumentPeriodEndDate): say which",
                tuple(filing.facts[i] for i in filing.by_concept[concept]),
            )
    return periods


def _chosen(filing: Filing, concept: str, p: Period, found: list[Fact], decimals: float | None, unit: str | None) -> list[Fact]:
    """The facts found given at the ``decimals`` and in the ``unit`` asked for; FactNotFound
    (saying what there is) when none is."""
    chosen = [f for f in found if (decimals is None or f.decimals == decimals) and (unit is None or (f.unit and f.unit.text == unit))]
    if not chosen:
        have = "; ".join(sorted({f"decimals {_dec(f)} in {f.unit.text if f.unit else 'text'}" for f in found}))
        raise FactNotFound(
            f"{filing.path}: {concept} for {p} is given with {have}, not "
            + ", ".join(w for w in (decimals is not None and f"decimals {_dec_of(decimals)}", unit and f"in {unit}") if w),
            tuple(found),
        )
    return chosen


def _agreeing(filing: Filing, concept: str, period: Period, facts: list[Fact]) -> Fact:
    """One fact, or the most precise of duplicates that agree (their precision intervals
    overlap, as the Inline XBRL duplicates rule reads them); FactConflict otherwise."""
    if len(facts) == 1:
        return facts[0]
    where = f"{concept} for {period}" + "".join(f", {a}={m}" for a, m in facts[0].dimensions)
    units = {f.unit.text if f.unit else None for f in facts}
    if len(units) > 1:
        raise FactConflict(f"{filing.path}: {where} is given in several units: {_listing(facts)}", tuple(facts))
    valued = [f for f in facts if f.value is not None]
    if not valued:
        return _same_text(filing, where, facts)
    if len(valued) < len(facts):
        raise FactConflict(f"{filing.path}: {where} is given both as a value and as nil or unreadable: {_listing(facts)}", tuple(facts))
    if not _overlap(valued):
        raise FactConflict(f"{filing.path}: {where} is given {len(facts)} times, and they disagree: {_listing(facts)}", tuple(facts))
    return max(valued, key=lambda f: (INF if f.decimals is None else f.decimals))


def _overlap(valued: list[Fact]) -> bool:
    """Whether the facts' precision intervals have a value in common."""
    ivs = [f.interval for f in valued]
    lo = max(iv[0] for iv in ivs if iv)
    hi = min(iv[1] for iv in ivs if iv)
    return not lo > hi


def _same_text(filing: Filing, where: str, facts: list[Fact]) -> Fact:
    """The first of duplicates without a value (text, nil) when they say the same;
    FactConflict otherwise."""
    if any(f.text is not None for f in facts) and len({f.text for f in facts}) > 1:
        raise FactConflict(f"{filing.path}: {where} is given {len(facts)} times, differently: {_listing(facts)}", tuple(facts))
    return facts[0]


def _listing(facts: Iterable[Fact]) -> str:
    return "; ".join(f"{written(f)} ({f.where}, decimals {_dec(f)})" for f in facts)


def _dec(f: Fact) -> str:
    return _dec_of(f.decimals)


def _dec_of(decimals: float | None) -> str:
    return "INF" if decimals == INF else str(decimals)


def _not_found(filing: Filing, concept: str, periods: list[Period], dims: tuple[tuple[str, str], ...]) -> FactNotFound:
    facts = tuple(filing.facts[i] for i in filing.by_concept[concept])
    want = " or ".join(map(str, periods))
    with_dims = "".join(f", {a}={m}" for a, m in dims)
    same_dims = [f for f in facts if f.dimensions == dims]
    if same_dims:
        have = sorted({str(f.period) for f in same_dims})
        return FactNotFound(
            f"{filing.path}: no fact of {concept}{with_dims} for {want}; the filing has it for {_few(have)}", facts
        )
    other = sorted({", ".join(f"{a}={m}" for a, m in f.dimensions) or "no dimensions" for f in facts})
    return FactNotFound(
        f"{filing.path}: no fact of {concept} with "
        + (with_dims[2:] if dims else "no dimensions")
        + f"; the filing has it with {_few(other)}",
        facts,
    )


def _few(items: list[str], n: int = 6) -> str:
    shown = ", ".join(items[:n])
    return shown + (f" and {len(items) - n} more" if len(items) > n else "")


def _did_you_mean(concept: str, index: Mapping[str, object]) -> str:
    """A concept spelt alike: the same local name under another prefix, a different case,
    or a close spelling."""
    local = concept.rpartition(":")[2].lower()
    same = [c for c in index if c.rpartition(":")[2].lower() == local]
    if not same:
        by_local = {c.rpartition(":")[2].lower(): c for c in index}
        # lazy: difflib only for a concept the filing lacks (this module is loaded with every run)
        import difflib

        close = difflib.get_close_matches(local, list(by_local), n=3, cutoff=0.8)
        same = [by_local[c] for c in close]
    return f" (did you mean {' or '.join(sorted(same)[:3])}?)" if same else ""


class Filing(NamedTuple):
    """A filing read: its facts in file order and what it says about itself."""

    path: str
    #: "xbrl" (an XBRL 2.1 instance) or "ixbrl" (an Inline XBRL document)
    kind: str
    facts: tuple[Fact, ...]
    #: the period of the context of the dei facts (the fiscal year a 10-K covers)
    period: Period | None
    #: dei:DocumentPeriodEndDate
    period_end: date | None
    #: dei:DocumentType ("10-K")
    document_type: str | None
    #: concept -> positions in ``facts``
    by_concept: Mapping[str, tuple[int, ...]]
    #: what is wrong in the filing without stopping it being read, each "line:col: what"
    #: (a fact whose context or unit is missing or malformed is left out and told here)
    problems: tuple[str, ...] = ()
    #: the documents read, in order, when the filing is a document set, a folder or a
    #: package (names inside it); () for one file
    documents: tuple[str, ...] = ()
    #: where ``period`` comes from: ``dei:DocumentPeriodEndDate``, ``dei:DocumentPeriodEndDate
    #: (its quarter)``, the jpdei_cor or uk-bus cover facts, or the period most facts are given for
    period_source: str = ""
    #: a 10-Q's year to date (``period: year-to-date``), its own period being the quarter
    year_to_date: Period | None = None

    def find(
        self,
        concept: str,
        period: Period | str | date | None = None,
        dimensions: Mapping[str, str] | None = None,
    ) -> list[Fact]:
        """The facts of ``concept`` (``us-gaap:NetIncomeLoss``), in file order.

        ``period``: None for every period, else exactly that one (a date is an instant).
        ``dimensions``: exactly these {axis: member}; None or {} means the facts without
        dimensions (the totals), not every breakdown."""
        return find(self, concept, period, dimensions)

    def fact(
        self,
        concept: str,
        period: Period | str | date | None = None,
        dimensions: Mapping[str, str] | None = None,
        decimals: float | None = None,
        unit: str | None = None,
    ) -> Fact:
        """The one fact that answers: ``period`` None means the filing's own period (its
        duration, else the instant at its end). Duplicates that agree give the most
        precise; ``decimals`` (an int or INF) and ``unit`` (its text: USD/share) choose
        among facts given at several precisions or in several units. Raises
        FactNotFound or FactConflict."""
        return one(self, concept, period, dimensions, decimals, unit)
