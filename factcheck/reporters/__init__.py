"""Reporters: one module a format (registered in factcheck.formats); each takes a Report and returns text.

Only ``terminal`` imports Rich; machine formats never pass through it (no wrapping,
no markup, no colour codes). Modules are imported when their format is used, so a
run that prints JSON never pays for Rich.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

# the registry of formats (names only), re-exported
from factcheck.formats import DETAILED as DETAILED
from factcheck.formats import FORMATS as FORMATS
from factcheck.formats import STREAMS as STREAMS
from factcheck.model import Report, Result, Status, Suppression

T = TypeVar("T")

#: a symbol for every status, so that NO_COLOR output still reads at a glance
SYMBOLS = {
    Status.PASS: "✓",
    Status.WARN: "▲",
    Status.FAIL: "✗",
    Status.ERROR: "■",
    Status.UNCHECKED: "○",
}


@dataclass(frozen=True, slots=True)
class Options:
    fail_on: str = "error"
    quiet: bool = False
    color: bool = False
    width: int | None = None
    #: why the uncovered figures that do not fail the run are counted, not listed, in the
    #: reports a person reads (rich, concise): "-q", "--only"; None lists them
    unlisted: str | None = None


def uncovered_shown(d: Any, options: Options) -> bool:
    """Whether a report a person reads lists a draft's uncovered figures one by one: yes
    when they fail the run (--require-coverage), else unless -q or --only asked for less."""
    return bool(d.required) or options.unlisted is None


def unlisted_text(d: Any, options: Options) -> str:
    """'2 uncovered figures, not listed (-q): --require-coverage makes them fail'."""
    n = len(d.uncovered)
    return f"{n} uncovered figure{'s' if n != 1 else ''}, not listed ({options.unlisted}): --require-coverage makes them fail"


def renderer(name: str) -> Callable[[Report, Options], str]:
    module, _, func = FORMATS[name].partition(":")
    render: Callable[[Report, Options], str] = getattr(importlib.import_module(module), func)
    return render


def pieces(name: str) -> Callable[[Report, Options], Iterable[str]]:
    """The format's writer in pieces when it has one; else its text as one piece."""
    if name in STREAMS:
        module, _, func = STREAMS[name].partition(":")
        write: Callable[[Report, Options], Iterable[str]] = getattr(importlib.import_module(module), func)
        return write
    render = renderer(name)
    return lambda report, options: (render(report, options),)


def summary_text(report: Report) -> str:
    """'20 claims: 15 pass, 2 warn, 1 fail, 0 error, 2 unchecked' (+ invalid files)."""
    counts = report.counts()
    total = len(report.results)
    text = f"{total} claim{'s' if total != 1 else ''}: " + ", ".join(f"{n} {s}" for s, n in counts.items())
    suppressed = report.suppressed_count()
    if suppressed:
        text += f"; {suppressed} suppressed"
    problems = len(report.problems)
    if problems:
        text += f"; {problems} problem{'s' if problems != 1 else ''} in the claims file{'s' if len(report.files) != 1 else ''}"
    cov = coverage(report)
    if cov is not None:
        text += (
            f"; draft: {cov['located']} of {cov['claims']} claims located, coverage {cov['share']:.0%} "
            f"({cov['covered']} of {cov['figures'] - cov['ignored']} figures"
            + (f", {cov['uncovered']} uncovered" if cov["uncovered"] else "")
            + (f", {cov['ignored']} ignored" if cov["ignored"] else "")
            + ")"
        )
    traced = trace_text(report)
    if traced:
        text += "; " + traced
    return text


def trace_text(report: Report) -> str:
    """'31 figures traced to filings: 23 traced, 1 contradicted, 7 untraced' ('' without filings)."""
    ts = [f.trace for f in report.files if f.trace is not None]
    if not ts:
        return ""
    n = sum(t.figures for t in ts)
    by_value = sum(t.by_value for t in ts)
    return (f"{n} figure{'s' if n != 1 else ''} against the filing{'s' if sum(len(t.filings) for t in ts) != 1 else ''}: "
            f"{sum(t.traced for t in ts)} traced, {sum(t.contradicted for t in ts)} contradicted"
            + (f", {by_value} by value alone" if by_value else "")
            + f", {sum(len(t.untraced) for t in ts)} untraced")


def difference_text(r: Result) -> str:
    """The computed value against the stated one: '+0.436 pp', '-3.48%', '×1,000'."""
    d = r.difference
    if not d or r.stated is None:
        return ""
    if r.stated.unit == "%":
        return f"{d['absolute']:+.3g} pp" if d["absolute"] else "0"
    rel = d.get("relative")
    if rel is not None:
        if abs(rel) >= 10 and r.computed and r.stated.value and r.computed.value is not None:
            return f"×{r.computed.value / r.stated.value:,.4g}"
        return percent_text(rel * 100) if rel else "0"
    return f"{d['absolute']:+.4g}" if d["absolute"] is not None else ""


def comparison_text(r: Result) -> str:
    """'computed 2.413 years, stated 2.5 years, difference -3.48%' (explain, html)."""
    if r.computed is None or r.stated is None:
        return ""
    diff = difference_text(r)
    return f"computed {r.computed.text}, stated {r.stated.text}" + (f", difference {diff}" if diff else "")


def percent_text(x: float) -> str:
    """+3.5%, -0.026%, +113%: two significant digits, never an exponent."""
    if abs(x) >= 100:
        return f"{x:+,.0f}%"
    text = f"{x:+.3g}" if abs(x) >= 1 else f"{x:+.2g}"
    if "e" in text:
        text = f"{x:+.6f}".rstrip("0")
    return text + "%"


def suppressed_note(r: Result) -> str:
    """' [suppressed by ignore until 2025-12-31: reason]', or '' for a result that counts."""
    return f" [suppressed by {suppression_text(r.suppressed)}]" if r.suppressed else ""


def inferred_note(r: Result) -> str:
    """' [inferred growth: 154.6 billion, 167.2 billion yuan, 8%]' for a claim read from the
    draft's own wording, '' for a written one."""
    inf = r.claim.inferred
    if inf is None:
        return ""
    return f" [inferred {inf.kind}: {', '.join(inf.figures)}]"


def suppression_text(s: Suppression) -> str:
    """'ignore until 2025-12-31: reason', 'baseline: in the baseline b.json'."""
    return f"{s.kind}{f' until {s.until}' if s.until else ''}: {s.reason}"


def coverage(report: Report) -> dict[str, Any] | None:
    """The draft's figures over every file that has a draft; None when none has."""
    drafts = [f.draft for f in report.files if f.draft is not None]
    if not drafts:
        return None
    figures = sum(d.figures for d in drafts)
    ignored = sum(d.ignored for d in drafts)
    covered = sum(d.covered for d in drafts)
    counted = figures - ignored
    return {
        "claims": sum(d.claims for d in drafts),
        "located": sum(d.located for d in drafts),
        "figures": figures,
        "covered": covered,
        "ignored": ignored,
        "uncovered": sum(len(d.uncovered) for d in drafts),
        "share": 1.0 if counted <= 0 else round(covered / counted, 4),
    }


def uncovered_status(required: bool) -> str:
    """An uncovered figure is a finding of its own; under --require-coverage it fails."""
    return "fail" if required else "uncovered"


#: the most uncovered figures a report lists for one draft; the rest are counted
MAX_LISTED = 1000


def listed(items: Sequence[T]) -> tuple[Sequence[T], int]:
    """The first MAX_LISTED items, and how many more there are ("and N more")."""
    return items[:MAX_LISTED], max(0, len(items) - MAX_LISTED)


def more_text(n: int, what: str = "uncovered figures") -> str:
    return f"and {n:,} more {what}, not listed (a report lists at most {MAX_LISTED:,} a draft)"
