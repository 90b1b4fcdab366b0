"""One line a finding: ``path:line:col: status claim-id: message``, then a summary line."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model import Report, Status
from factcheck.reporters import Options, inferred_note, summary_text, suppressed_note, suppression_text, uncovered_status


def render(report: Report, options: Options) -> str:
    return "".join(stream(report, options))


def stream(report: Report, options: Options) -> Iterator[str]:
    """The report line by line (a run over an archive is never one string)."""
    for f in report.files:
        for p in f.document.problems:
            yield f"{p.span}: error: {p.message} [{p.code}]\n"
        for r in f.results:
            if options.quiet and (r.status is Status.PASS or r.suppressed):
                continue
            yield f"{r.where}: {r.status.value} {r.claim.id}: {_one_line(r.message)}{suppressed_note(r)}{inferred_note(r)}\n"
            for h in r.hints:
                yield f"{r.where}: hint {r.claim.id}: {_one_line(h.message)}\n"
        if f.draft is not None:
            status = uncovered_status(f.draft.required)
            for u in f.draft.uncovered:
                note = f" [suppressed by {suppression_text(u.suppressed)}]" if u.suppressed else ""
                yield f"{u.span}: {status} figure: {u.text} ({u.kind}) is in no claim's passage{note}\n"
    for n in report.notices:
        yield f"{n.span}: notice: {n.message} [{n.code}]\n"
    yield summary_text(report) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
