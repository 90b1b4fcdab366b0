"""The tracing step of a run: which filings a draft is traced to, read once, and the
results and summary of its figures.

A draft's filings are those ``--filing`` names (as the command line gives them), those
``filings:`` in the draft's front matter names (relative to the draft, inside its
repository: a draft of a pull request may be hostile) and those ``filings`` in the
config names (relative to the config). Each is read once a run (``load.filings.read_cached``);
one that cannot be read is a problem of the file, and the others are still used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from factcheck.draft import MAX_FRONT_FILINGS, front_filings
from factcheck.errors import LoadError
from factcheck.model import Claim, Problem, Result, Span, TraceSummary
from factcheck.trace import bundled, extended, trace

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.draft import Draft
    from factcheck.filing.select import Filing
    from factcheck.prose import Mention

class Tracing:
    """The tracing of one draft: ``given`` filings (command line, config: resolved
    paths), the front matter's, the concepts' table."""

    def __init__(self, given: Sequence[str], concepts: Mapping[str, Any] | None = None) -> None:
        self.given = tuple(given)
        self.user = concepts
        self.summary: TraceSummary | None = None
        self.problems: list[Problem] = []

    def filings(self, draft: Draft) -> list[Filing]:
        # lazy: the filing reader only when a filing is named
        from factcheck.filing import FilingError
        from factcheck.filing.package import MAX_PACKAGE_BYTES
        from factcheck.load.filings import read_cached
        from factcheck.load.paths import named_file

        paths = list(self.given)
        front = front_filings(draft.source)
        if len(front) > MAX_FRONT_FILINGS:
            self._problem(draft, "trace-filings", f"filings: at most {MAX_FRONT_FILINGS} filings a draft")
            front = front[:MAX_FRONT_FILINGS]
        for written in front:
            try:
                paths.append(named_file(draft.path, written, MAX_PACKAGE_BYTES, "filings", folder_ok=True))
            except LoadError as e:
                self._problem(draft, e.code, e.message)
        out = []
        for p in dict.fromkeys(paths):
            try:
                out.append(read_cached(p))
            except FilingError as e:
                self._problem(draft, e.code or "filing-file", e.message)
        return out

    def _problem(self, draft: Draft, code: str, message: str) -> None:
        self.problems.append(Problem(Span(draft.path, 1, 1), code, message))

    def results(self, draft: Draft, mentions: list[Mention], year: int | None, month: int | None,
                check: Callable[[Claim], Result], keep: Callable[[Claim], bool]) -> list[Result]:
        """The traced figures' results; the summary is kept in ``summary``."""
        # lazy: only when a draft is traced to a filing
        from factcheck.infer.reading import Reading
        from factcheck.trace.claims import results

        filings = self.filings(draft)
        if not filings:
            return []
        try:
            table = extended(self.user) if self.user else bundled()
        except ValueError as e:
            self._problem(draft, "trace-concepts", str(e))
            table = bundled()
        traces = trace(Reading(draft, mentions, year, month), filings, table)
        out, self.summary = results(traces, draft, check, keep)
        return out
