"""Markdown (GitHub flavoured): a table of findings for a pull-request comment or a job summary.

Every text from a claims file is escaped, so that no claim can break the table, start
a list, open a link, mention someone or turn into maths. The document is kept within a
size budget (GitHub refuses comments over 65,536 characters and step summaries over
1 MiB): rows that do not fit are counted, never cut in half.
"""

from __future__ import annotations

from factcheck.model import Report, Result, Status
from factcheck.reporters import SYMBOLS, Options, summary_text, suppression_text
from factcheck.reporters.escape import for_markdown, visible
from factcheck.reporters.findings import FINDING_STATUSES

#: what a pull-request comment can hold, with room to spare (GitHub's limit is 65,536 characters)
COMMENT_BUDGET = 60_000
_ROOM = 400  # kept for the closing lines of a section


def escape(text: str) -> str:
    """Plain text for a table cell or a list item: one line, every markup character escaped."""
    return for_markdown(" ".join(text.split()))


def cell_lines(lines: list[str]) -> str:
    return "<br>".join(escape(line) for line in lines if line.strip())


def render(report: Report, options: Options) -> str:
    return document(report, options, COMMENT_BUDGET)


def document(report: Report, options: Options, budget: int) -> str:
    """The whole report in at most ``budget`` bytes of UTF-8."""
    failed = report.exit_code(options.fail_on) != 0
    out = _Budget(budget)
    out.add(f"### factcheck {'✗' if failed else '✓'} {escape(summary_text(report))}", "")

    rows = _finding_rows(report)
    if rows:
        out.table("| status | claim | where | stated | computed | what the check found |", rows, "finding")
    else:
        out.add("Nothing to fix.", "")

    _suppressed(out, report)
    _notices(out, report)

    quiet = [r for r in report.results if r.status not in FINDING_STATUSES and r.suppressed is None]
    if quiet and not options.quiet:
        out.add(f"<details><summary>{len(quiet)} passing or unchecked</summary>", "")
        out.table("| status | claim | where | stated | computed | |", [_row(r, escape(r.claim.source or "")) for r in quiet], "claim")
        out.add("</details>", "")
    return out.text()


def _finding_rows(report: Report) -> list[str]:
    """A table row for each problem of a claims file and each finding that counts."""
    rows = []
    for f in report.files:
        for p in f.document.problems:
            rows.append(f"| {SYMBOLS[Status.ERROR]} invalid | | {escape(str(p.span))} | | | {escape(p.message)} \\[{escape(p.code)}\\] |")
        for r in f.results:
            if r.status in FINDING_STATUSES and r.suppressed is None:
                rows.append(_row(r, cell_lines([r.message] + [f"hint: {h.message}" for h in r.hints])))
    return rows


def _suppressed(out: _Budget, report: Report) -> None:
    """The findings an ignore or the baseline keeps from counting, folded away."""
    suppressed = [r for r in report.results if r.suppressed is not None]
    if suppressed:
        out.add(f"<details><summary>{len(suppressed)} suppressed (they do not fail the run)</summary>", "")
        out.table(
            "| status | claim | where | stated | computed | suppressed by |",
            [_row(r, escape(suppression_text(r.suppressed))) for r in suppressed if r.suppressed],
            "suppressed finding",
        )
        out.add("</details>", "")


def _notices(out: _Budget, report: Report) -> None:
    if report.notices:
        out.add("#### Notices (they do not fail the run)", "")
        out.items([f"- `{_code_text(str(n.span))}` {escape(n.code)}: {escape(n.message)}" for n in report.notices], "notice")
        out.add("")


def _row(r: Result, last: str) -> str:
    stated = r.stated.text if r.stated else (r.claim.stated.text if r.claim.stated else "")
    computed = r.computed.text if r.computed else ""
    return (
        f"| {SYMBOLS[r.status]} {r.status.value} | `{_code_text(r.claim.id)}` | {escape(str(r.where))} "
        f"| {escape(stated)} | {escape(computed)} | {last} |"
    )


def _code_text(text: str) -> str:
    """Text for a code span: a backtick could end it, and a pipe could end a table cell."""
    return visible(" ".join(text.split()), one_line=True).replace("`", "'").replace("|", "/")


class _Budget:
    """Lines of a document that stop before a size budget, counting what they leave out."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.lines: list[str] = []
        self.size = 0

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.size += len(line.encode("utf-8")) + 1

    def fits(self, line: str) -> bool:
        return self.size + len(line.encode("utf-8")) + 1 + _ROOM <= self.budget

    def items(self, lines: list[str], what: str) -> None:
        for i, line in enumerate(lines):
            if not self.fits(line):
                left = len(lines) - i
                self.add(f"- … {left} more {what}{'s' if left != 1 else ''}, not shown here (see the job's log or the JSON report)")
                return
            self.add(line)

    def table(self, header: str, rows: list[str], what: str) -> None:
        columns = header.count("|") - 1
        self.add(header, "|" + " --- |" * columns)
        for i, row in enumerate(rows):
            if not self.fits(row):
                left = len(rows) - i
                self.add("", f"… {left} more {what}{'s' if left != 1 else ''}, not shown here (see the job's log or the JSON report)")
                break
            self.add(row)
        self.add("")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"
