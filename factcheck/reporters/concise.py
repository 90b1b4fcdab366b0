"""One line a finding: ``path:line:col: status claim-id: message``, then a summary line."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model import DraftReport, Report, Status
from factcheck.reporters import (
    Options,
    inferred_note,
    listed,
    more_text,
    summary_text,
    suppressed_note,
    suppression_text,
    uncovered_shown,
    uncovered_status,
    unlisted_text,
)
from factcheck.reporters.escape import for_log_line


def render(report: Report, options: Options) -> str:
    return "".join(stream(report, options))


def stream(report: Report, options: Options) -> Iterator[str]:
    """The report line by line (a run over an archive is never one string)."""
    for line in _lines(report, options):
        # every string escaped, file names too: one line a finding, and never a CI log's
        # workflow command (a claims file named '::error …' found in a folder starts a line)
        yield for_log_line(line) + "\n"


def _lines(report: Report, options: Options) -> Iterator[str]:
    for f in report.files:
        for p in f.document.problems:
            yield f"{p.span}: error: {p.message} [{p.code}]"
        for r in f.results:
            if options.quiet and (r.status is Status.PASS or r.suppressed):
                continue
            yield f"{r.where}: {r.status.value} {r.claim.id}: {_one_line(r.message)}{suppressed_note(r)}{inferred_note(r)}"
            for h in r.hints:
                yield f"{r.where}: hint {r.claim.id}: {_one_line(h.message)}"
        if f.draft is not None:
            yield from _uncovered(f.draft, options)
        if f.trace is not None and not options.quiet:
            for t in f.trace.untraced:
                yield f"{t.span}: untraced figure: {t.text} ({t.why})"
    for n in report.notices:
        yield f"{n.span}: notice: {n.message} [{n.code}]"
    yield summary_text(report)


def _uncovered(draft: DraftReport, options: Options) -> Iterator[str]:
    """The draft's figures no claim covers, a line each (or one line saying they are not listed)."""
    if draft.uncovered and not uncovered_shown(draft, options):
        yield f"{draft.path}: {unlisted_text(draft, options)}"
        return
    status = uncovered_status(draft.required)
    shown, more = listed(draft.uncovered)
    for u in shown:
        note = f" [suppressed by {suppression_text(u.suppressed)}]" if u.suppressed else ""
        yield f"{u.span}: {status} figure: {u.text} ({u.kind}) is in no claim's passage{note}"
    if more:
        yield f"{draft.path}: {status}: {more_text(more)}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
