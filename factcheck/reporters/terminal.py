"""The Rich report for a person at a terminal: a summary line, a table, the details.

The only module that imports Rich. It reads well at 80 columns, and every status has
a symbol as well as a colour, so that NO_COLOR and piped output lose nothing.
"""

from __future__ import annotations

import io
import re
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.model import Basis, FileReport, Report, Result, Status
from factcheck.reporters import (  # noqa: F401 (difference_text, percent_text: once defined here)
    SYMBOLS,
    Options,
    difference_text,
    listed,
    more_text,
    percent_text,
    summary_text,
    suppression_text,
    uncovered_shown,
    uncovered_status,
    unlisted_text,
)
from factcheck.reporters.escape import for_terminal, for_terminal_line, visible

STYLES = {
    Status.PASS: "green",
    Status.WARN: "yellow",
    Status.FAIL: "bold red",
    Status.ERROR: "bold magenta",
    Status.UNCHECKED: "cyan",
}


def console(options: Options, file: io.StringIO) -> Console:
    return Console(
        file=file,
        width=options.width or 80,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def status_text(status: Status) -> Text:
    return Text(f"{SYMBOLS[status]} {status.value}", style=STYLES[status])


def result_status(r: Result) -> Text:
    """The status, dimmed and marked when an ignore or the baseline keeps it from counting."""
    if r.suppressed is None:
        return status_text(r.status)
    return Text(f"{SYMBOLS[r.status]} {r.status.value} ({r.suppressed.kind})", style="dim")


def plain_pass(r: Result) -> bool:
    return r.status is Status.PASS and r.basis in (Basis.EXACT, Basis.PRECISION)


#: the narrowest a value column (stated, computed) gets in the table before the claims are listed instead
MIN_VALUE_WIDTH = 8


def column_widths(rows: list[Result], width: int) -> list[int] | None:
    """Widths that fit the terminal with every claim id whole (an id broken mid-word,
    'capex-vs-prof' / 'it', cannot be searched for), the values sharing the rest; None
    when the ids and the values do not fit side by side (then each claim takes two lines)."""
    stated = max([len(r.stated.text) if r.stated else 0 for r in rows] + [6])
    computed = max([len(r.computed.text) if r.computed else 0 for r in rows] + [8])
    diff = max([len(difference_text(r)) for r in rows] + [4])
    status = max(len(result_status(r)) for r in rows)
    ident = max(len(r.claim.id) for r in rows)
    pads = 4 * 2  # Rich puts one space each side between columns
    rest = width - pads - status - diff - ident
    if rest < 2 * MIN_VALUE_WIDTH:
        return None
    if stated + computed > rest:
        share = max(rest * stated // (stated + computed), MIN_VALUE_WIDTH)
        stated, computed = share, max(rest - share, MIN_VALUE_WIDTH)
    return [ident, status, stated, computed, diff]


def _stacked(out: Console, rows: list[Result]) -> None:
    """Each claim on two lines, for a terminal too narrow for the table: its status and
    its whole id, then the values, wrapped between words."""
    for r in rows:
        out.print(result_status(r) + Text("  ") + Text(_line(r.claim.id), style="bold"), no_wrap=True, overflow="ignore", crop=False)
        values = []
        stated = r.stated.text if r.stated else (r.claim.stated.text if r.claim.stated else "")
        if stated:
            values.append(f"stated {_t(stated)}")
        if r.computed:
            values.append(f"computed {_t(r.computed.text)}")
        if difference_text(r):
            values.append(f"diff {_t(difference_text(r))}")
        if values:
            out.print(Padding(Text("  ".join(values)), (0, 0, 0, 4)))


def render(report: Report, options: Options) -> str:
    buf = io.StringIO()
    out = console(options, buf)
    out.print(Text(summary_text(report).split(":")[0] + ":  ", style="bold") + _counts(report))
    for f in report.files:
        _file(out, f, options)
    _details(out, report, options)
    if not options.quiet:
        _inferred_passes(out, report)
    _notices(out, report)
    out.print()
    out.print(Text(summary_text(report), style="bold"))
    return _net(strip_trailing(buf.getvalue()), options.color)


def _shown(r: Result, options: Options) -> bool:
    """Whether a claim is reported: --quiet leaves out passes and the claims that do not count."""
    return not (options.quiet and (r.status is Status.PASS or r.suppressed))


def _counts(report: Report) -> Text:
    """The count of each status, side by side; a status none has is dimmed."""
    line = Text()
    for i, (name, n) in enumerate(report.counts().items()):
        if i:
            line.append("  ")
        status = Status(name)
        line.append(f"{SYMBOLS[status]} {n} {name}", style=STYLES[status] if n else "dim")
    return line


def _file(out: Console, f: FileReport, options: Options) -> None:
    """A claims file: its path and title, its own problems, its claims, its draft's coverage."""
    title = f.document.article.get("title")
    head = Text(_line(f.document.path), style="bold")
    if title:
        head.append(f"  {_t(title)}", style="italic")
    out.print()
    out.print(head)
    for p in f.document.problems:
        out.print(Text.assemble((f"{SYMBOLS[Status.ERROR]} ", "bold magenta"), f"{_line(str(p.span))}: ", (_t(p.message), ""), (f" [{p.code}]", "dim")))
    rows = [r for r in f.results if _shown(r, options)]
    if rows:
        _claims(out, rows, options)
    if f.draft is not None:
        out.print(draft_lines(f.draft, options))


def _details(out: Console, report: Report, options: Options) -> None:
    """Each claim that is not a plain pass, at length."""
    details = [r for r in report.results if not plain_pass(r) and _shown(r, options)]
    if details:
        out.print()
        out.print(Text("Details", style="bold underline"))
    for r in details:
        out.print()
        out.print(detail(r))


def _notices(out: Console, report: Report) -> None:
    if report.notices:
        out.print()
        out.print(Text("Notices (they do not fail the run)", style="bold underline"))
        for notice in report.notices:
            out.print(Text.assemble(f"{_line(str(notice.span))}: ", (_t(notice.message), ""), (f" [{notice.code}]", "dim")))


def _claims(out: Console, rows: list[Result], options: Options) -> None:
    """A file's claims: a table, or two lines a claim when the ids and values do not fit side by side."""
    widths = column_widths(rows, options.width or 80)
    if widths is None:
        _stacked(out, rows)
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", expand=False)
    table.add_column("claim", no_wrap=True, width=widths[0])
    table.add_column("status", no_wrap=True, width=widths[1])
    table.add_column("stated", overflow="fold", width=widths[2])
    table.add_column("computed", overflow="fold", width=widths[3])
    table.add_column("diff", justify="right", overflow="fold", width=widths[4])
    for r in rows:
        table.add_row(
            _line(r.claim.id),
            result_status(r),
            _t(r.stated.text if r.stated else (r.claim.stated.text if r.claim.stated else "")),
            _t(r.computed.text if r.computed else ""),
            _t(difference_text(r)),
        )
    out.print(table)


def _t(text: str) -> str:
    """A string from a file, for the terminal: every control, bidi and zero-width character visible."""
    return for_terminal(text)


_SGR_OR_UNSAFE = re.compile(r"(\x1b\[[0-9;]*m)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _line(text: str) -> str:
    """A file name, a place or an id: one line, whatever it holds."""
    return for_terminal_line(text)


def _net(text: str, color: bool) -> str:
    """The last net over the whole report: no control character but the colours Rich writes."""

    def one(m: re.Match[str]) -> str:
        return m.group(1) if m.group(1) and color else visible(m.group())

    return _SGR_OR_UNSAFE.sub(one, text)


def _inferred_passes(out: Console, report: Report) -> None:
    """The checks of the inferred claims that pass plainly (the others are in Details)."""
    inferred = [r for r in report.results if r.claim.inferred is not None and plain_pass(r)]
    if not inferred:
        return
    out.print()
    out.print(Text("Inferred from the draft's own wording (factcheck rules)", style="bold underline"))
    for r in inferred:
        out.print(Text.assemble(f"{_t(r.claim.id)}  ", (_t(r.claim.check.text) if r.claim.check else "", "dim"),
                                f" {r.claim.compare.value} ", _t(r.claim.stated.text) if r.claim.stated else ""))


def strip_trailing(text: str) -> str:
    """Rich pads lines to the full width; trailing blanks only get in a reader's way."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def draft_lines(d: Any, options: Options) -> Group:
    """The draft under a file's table: claims located, coverage, each uncovered figure
    (counted, not listed, under -q and --only unless they fail the run)."""
    head = Text(f"draft {_line(d.path)}: ", style="bold")
    head.append(f"{d.located} of {d.claims} claims located; {d.covered} figures covered, ")
    head.append(f"{len(d.uncovered)} uncovered", style="bold red" if d.required and d.uncovered else "")
    head.append(f", {d.ignored} ignored ({d.share:.0%})")
    lines = [Text(), head]
    if d.uncovered and not uncovered_shown(d, options):
        lines.append(Text(f"  {unlisted_text(d, options)}", style="dim"))
        return Group(*lines)
    status = uncovered_status(d.required)
    style = "bold red" if d.required else "yellow"
    shown, more = listed(d.uncovered)
    if more:
        lines.append(Text(f"  {more_text(more)}", style="dim"))
    for u in shown:
        note = "  (baseline)" if u.suppressed else ""
        lines.append(Text.assemble(("  " + status, style), f"  {_line(str(u.span))}  ", (_t(u.text), "bold"), (f"  ({u.kind}){note}", "dim")))
    return Group(*lines)


def detail(r: Result) -> Group:
    c = r.claim
    head = result_status(r)
    head.append(f"  {_line(c.id)}", style="bold")
    head.append(f"  {_line(str(r.where))}", style="dim")
    lines: list[Text] = [Text(_t(r.message))]
    if r.suppressed:
        lines.append(Text("suppressed by: ", style="dim") + Text(_t(suppression_text(r.suppressed))))
    for h in r.hints:
        lines.append(Text("hint: ", style="bold yellow") + Text(_t(h.message)))
    if c.inferred is not None:
        lines.append(
            Text("inferred: ", style="dim")
            + Text(_t(f"{c.inferred.kind} (rule {c.inferred.rule}) from the draft's figures {', '.join(c.inferred.figures)}"))
        )
    if c.says:
        lines.append(Text("says: ", style="dim") + Text(f"“{_t(c.says)}”", style="italic"))
    if r.anchor is not None and r.anchor.found and r.anchor.span is not None:
        lines.append(Text("draft: ", style="dim") + Text(_line(str(r.anchor.span))))
    if c.check:
        lines.append(Text("check: ", style="dim") + Text(_t(c.check.text)))
    if c.source:
        lines.append(Text("source: ", style="dim") + Text(_t(c.source)))
    if c.note:
        lines.append(Text("note: ", style="dim") + Text(_t(c.note)))
    return Group(head, Padding(Group(*lines), (0, 0, 0, 2), expand=False))
