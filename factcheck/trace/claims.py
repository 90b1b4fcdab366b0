"""Traces as claims: each traced or contradicted figure is a claim the engine judges, its
``check`` the filing's fact (its value and the interval its ``decimals`` give) and its
``stated`` the draft's figure, so that every report shows it as it shows an inferred
claim; the untraced figures are counted in the file's ``TraceSummary``.

A traced claim's id is ``<draft>:<line>:traced`` (then ``-2`` …), its tags ``trace`` and
its status (``traced``, ``contradicted``, ``traced-by-value``), its ``says`` its sentence,
its ``inferred`` record of kind ``traced`` (the figure it is of, for anchoring), and
``traced`` the fact (concept, period, value as filed, decimals, filing, line).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factcheck import quantity as q
from factcheck.expr.tree import Num
from factcheck.filing.model import INF
from factcheck.filing.notation import written
from factcheck.infer.claims import Ids
from factcheck.infer.tree import placed
from factcheck.load.filings import value_of
from factcheck.load.source import display_path
from factcheck.model import Claim, Compare, Expr, Hint, Inferred, Result, Status, Traced, TracedFigure, TraceSummary
from factcheck.trace.match import Trace

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.draft import Draft

#: a trace's status -> its claim's tag
TAGS = {"traced": "traced", "contradicted": "contradicted", "value": "traced-by-value"}
_SAYS = 300


def results(traces: Sequence[Trace], draft: Draft, check: Callable[[Claim], Result],
            keep: Callable[[Claim], bool] = lambda c: True) -> tuple[list[Result], TraceSummary]:
    """The results of the traced and contradicted figures (``check`` judges a claim;
    ``keep`` selects, as ``--only`` does) and the summary of every figure."""
    ids = Ids(draft)
    out: list[Result] = []
    untraced: list[TracedFigure] = []
    counts = {"traced": 0, "contradicted": 0, "value": 0}
    filings: list[str] = []
    for t in traces:
        if t.filing is not None and display_path(t.filing.path) not in filings:
            filings.append(display_path(t.filing.path))
        made = _claim(t, draft, ids) if t.status != "untraced" else None
        if made is None:
            why = t.why or "its unit does not compare with the fact's"
            untraced.append(TracedFigure(draft.span(t.fig.start), _text(t), why,
                                         t.concept.key if t.concept else ""))
            continue
        counts[t.status] += 1
        if keep(made):
            out.append(_judged(t, made, check))
    summary = TraceSummary(tuple(filings), len(traces), counts["traced"], counts["contradicted"], counts["value"],
                           tuple(untraced))
    return out, summary


def _text(t: Trace) -> str:
    return " ".join(t.fig.m.text.split())


def _claim(t: Trace, draft: Draft, ids: Ids) -> Claim | None:
    fact, s = t.fact, t.fig.sent
    if fact is None or fact.unit is None or t.value is None or s is None:
        return None
    try:
        filed = value_of(fact)
    except ValueError:
        return None
    if t.concept is not None and t.concept.outflow and filed.point < 0:
        filed = q.neg(filed)  # a payment the filing gives as a negative cash flow: said as spent
    stated = _stated(t, filed)
    if stated is None:
        return None
    span = draft.span(t.fig.start)

    def expr(v: q.Value) -> Expr:
        text, node = placed(Num(v, 0, 0))
        return Expr(text, span, node, False)

    decimals: int | str | None = "INF" if fact.decimals == INF else (
        int(fact.decimals) if fact.decimals is not None else None)
    traced = Traced(t.status, t.concept.key if t.concept else "", t.words, fact.concept, str(fact.period),
                    fact.dimensions, written(fact), decimals, display_path(t.filing.path) if t.filing else "",
                    fact.line, _text(t))
    return Claim(
        id=ids(span.line, "traced"),
        span=span,
        says=_says(draft.text, s.start, s.end),
        check=expr(filed),
        stated=expr(stated),
        compare=Compare.APPROX,
        tags=("trace", TAGS[t.status]),
        inferred=Inferred(kind="traced", rule=t.concept.key if t.concept else "value", figures=(_text(t),),
                          starts=(t.fig.start,), start=s.start, end=s.end, stated_at=t.fig.start),
        traced=traced,
    )


def _stated(t: Trace, filed: q.Value) -> q.Value | None:
    """The draft's figure in the fact's unit where its words, not its symbol, give the
    unit (DKK 83,683 million; 'diluted EPS was $6.08'), with the sign its words give."""
    v = t.value
    if v is None:
        return None
    mine, theirs = q.unit_text(v.unit), q.unit_text(filed.unit)
    if q.is_plain(v.unit) and not q.is_plain(filed.unit) or theirs.endswith("/share") and not mine.endswith("/share") \
            or mine.startswith("CNY") and theirs.startswith("JPY"):  # ¥ is yen in a yen filing
        v = q.with_unit(v, filed.unit)
    if not q.compatible(v.unit, filed.unit):
        return None
    return v


def _says(text: str, a: int, b: int) -> str:
    words = " ".join(text[a : min(b, a + _SAYS * 2)].split())
    return words if len(words) <= _SAYS else words[: _SAYS - 1].rstrip() + "…"


def _judged(t: Trace, c: Claim, check: Callable[[Claim], Result]) -> Result:
    """The engine's result, with the trace's own words and hint."""
    r = check(c)
    tr = c.traced
    assert tr is not None
    where = f"{tr.filing} line {tr.line}"
    member = "".join(f" [{m.rpartition(':')[2]}]" for _, m in tr.dimensions)
    if t.status == "contradicted":
        status = r.status
        message = (f"contradicts the filing: {tr.concept}{member} for {tr.period} is {tr.value} "
                   f"(decimals {tr.decimals}; {where}), the draft says {tr.figure}")
    elif t.status == "value":
        status = r.status if r.status in (Status.PASS, Status.WARN) else Status.UNCHECKED
        message = f"equals {tr.concept}{member} for {tr.period} by value alone: {tr.value} ({where})"
    else:
        status = r.status
        message = f"traced to {tr.concept}{member} for {tr.period}: {tr.value} ({where})"
    # the trace's own hint names the slip against the filing; the engine's (a rise with the
    # opposite sign, a power of ten) speak of a computation the draft never wrote
    hints = (Hint(t.hint[0], t.hint[1]),) if t.hint else ()
    return r._replace(status=status, message=message, hints=hints)
