"""A draft's figures traced to the company's filing: ``verify draft.md --filing 10-K.htm``.

Every figure of the draft that states a level (the roles the inference reader gives:
"net sales of $391.0 billion", "from $383.3 billion", 营业收入1,741.44亿元) is looked up
among the facts of the filings given (``match.Tracer``): its concept from the words
next to it (``concepts``), its period from the words of its sentence, paragraph and
lead (``periods``). Each figure is ``traced`` (a fact of that concept and period lies
in the figure's interval), ``contradicted`` (every such fact lies outside it: a
failure, with a hint where a classic slip explains it), ``value`` (no concept named,
but one fact alone has its value: shown, never failed) or ``untraced`` (listed in the
coverage, never failed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.trace.concepts import Concept, Concepts, bundled, extended

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.filing.select import Filing
    from factcheck.infer.reading import Reading
    from factcheck.trace.match import Trace

__all__ = ["Concept", "Concepts", "Trace", "bundled", "extended", "trace"]

#: the order a figure's traces are preferred in, over several filings
_RANK = {"traced": 0, "contradicted": 1, "value": 2, "untraced": 3}


def trace(reading: Reading, filings: Sequence[Filing], concepts: Concepts | None = None) -> list[Trace]:
    """One trace a figure of the draft that states a level, in the order of the draft.
    With several filings a figure is traced in the first that traces it; it is
    contradicted only when no filing traces it."""
    # lazy: the matcher (and the filing reader below it) loads only when a draft is traced
    from factcheck.trace.match import Tracer

    table = concepts or bundled()
    tracers = [Tracer(f, table) for f in filings]
    for t in tracers:
        t.learn(reading)
    out: list[Trace] = []
    for s in reading.sentences:
        for f in s.figs:
            if f.kind != "amt" or f.role not in ("level", "new", "base"):
                continue
            found = [t.trace(f) for t in tracers]
            if found:
                out.append(min(found, key=lambda x: _RANK[x.status]))
    return out


def __getattr__(name: str) -> object:
    """``Trace`` and ``Tracer`` from ``factcheck.trace.match``, loaded when first asked for
    (a run with no filing never loads the filing reader)."""
    if name in ("Trace", "Tracer"):
        # lazy: as above
        from factcheck.trace import match

        return getattr(match, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
