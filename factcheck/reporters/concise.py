"""One line a finding: ``path:line:col: status claim-id: message``, then a summary line."""

from __future__ import annotations

from factcheck.model import Report, Status
from factcheck.reporters import Options, summary_text, suppressed_note, uncovered_status


def render(report: Report, options: Options) -> str:
    lines: list[str] = []
    for f in report.files:
        for p in f.document.problems:
            lines.append(f"{p.span}: error: {p.message} [{p.code}]")
        for r in f.results:
            if options.quiet and (r.status is Status.PASS or r.suppressed):
                continue
            lines.append(f"{r.where}: {r.status.value} {r.claim.id}: {_one_line(r.message)}{suppressed_note(r)}")
            for h in r.hints:
                lines.append(f"{r.where}: hint {r.claim.id}: {_one_line(h.message)}")
        if f.draft is not None:
            status = uncovered_status(f.draft.required)
            for u in f.draft.uncovered:
                lines.append(f"{u.span}: {status} figure: {u.text} ({u.kind}) is in no claim's passage")
    for n in report.notices:
        lines.append(f"{n.span}: notice: {n.message} [{n.code}]")
    lines.append(summary_text(report))
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
