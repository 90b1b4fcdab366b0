"""The whole page: header and counts, the list of problems, each file's draft and cards (``render``)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck import __version__
from factcheck.model import FileReport, Report, Result, Status
from factcheck.reporters import (
    SYMBOLS,
    Options,
    coverage,
    listed,
    more_text,
    summary_text,
)
from factcheck.reporters.html.cards import card, uncovered_card
from factcheck.reporters.html.marks import (
    PROBLEMS,
    UNCOVERED,
    VERDICT_SYMBOLS,
    Marked,
    draw_markdown,
    draw_plain,
    mark_figures,
)
from factcheck.reporters.html.shell import CSP, CSS, JS, e


@dataclass
class _Problem:
    #: (file, line, column, tie): the article's order; a file's own problems first, and
    #: a claim with no place in the draft (no `says`) last
    order: tuple[int, int, int, int]
    verdict: str
    html: str


def _headline(source: str) -> str | None:
    """The draft's first line when it is a Markdown heading ('# Title', '## Title')."""
    # lazy: the draft reader is loaded by a run with a draft, the only one that shows this
    from factcheck.draft import first_heading

    return first_heading(source, any_level=True)


def _file(fi: int, fr: FileReport, problems: list[_Problem]) -> str:
    """One claims file's section: its header and problems, its draft with every figure
    marked, its claims' cards, and the figures no claim covers."""
    cards = {i: f"c{fi}-{i}" for i in range(len(fr.results))}
    out = _file_header(fi, fr, problems)
    marks, placed = _draft(fi, fr, cards, out)
    _claim_cards(fi, fr, cards, marks, placed, out, problems)
    _uncovered(fi, fr, marks, out, problems)
    out.append("</section>")
    return "\n".join(out)


def _file_header(fi: int, fr: FileReport, problems: list[_Problem]) -> list[str]:
    """The section's opening: its title (unless the draft's headline says it), what was
    read, and the claims file's own problems (each also listed among the problems)."""
    doc = fr.document
    title = doc.article.get("title") or doc.path
    d = fr.draft
    # the draft's own headline is drawn with the draft: the title is not said twice
    shows_title = d is not None and d.source is not None and _headline(d.source) == title
    out = [f'<section class="file" id="file{fi}">', "" if shows_title else f"<h2>{e(title)}</h2>"]
    meta = [f"claims: {e(doc.path)}"]
    if d is not None:
        meta.append(f"draft: {e(d.path)}")
        meta.append(f"{d.located} of {d.claims} claims located")
        meta.append(f"{d.covered} of {d.figures - d.ignored} figures covered ({d.share:.0%})")
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    for p in doc.problems:
        out.append(
            f'<section class="card v-error"><h4><span class="badge">{SYMBOLS[Status.ERROR]} invalid</span>'
            f' <span class="where">{e(p.span)}</span></h4><p>{e(p.message)} <span class="muted">[{e(p.code)}]</span></p></section>'
        )
        problems.append(_Problem((fi, -1, 0, 0), Status.ERROR.value, f'<a href="#file{fi}" class="v-error">{SYMBOLS[Status.ERROR]} invalid: {e(p.span)}: {e(p.message)}</a>'))
    return out


def _draft(fi: int, fr: FileReport, cards: dict[int, str], out: list[str]) -> tuple[list[Marked], set[str]]:
    """The draft drawn with its figures marked (appended to ``out``): the marks, and the
    keys of those placed in the text."""
    d = fr.draft
    if d is None or d.source is None:
        return [], set()
    marks = mark_figures(fi, fr, cards)
    drawn, placed = (draw_markdown if d.markdown else draw_plain)(d.source, marks)
    out.append(f'<article class="draft">{drawn}</article>')
    missing = [m for m in marks if m.key not in placed]
    if missing:  # never expected; said rather than lost
        out.append('<p class="muted">Figures the page could not place in the text: '
                   + ", ".join(f'<span class="fig v-{m.verdict}">{e(m.figure.text)} ({e(m.figure.span)})</span>' for m in missing) + "</p>")
    return marks, placed


def _first_figures(marks: list[Marked], placed: set[str]) -> dict[str, str]:
    """claim id -> key of its first figure placed in the page."""
    first_figure: dict[str, str] = {}
    for m in marks:
        if m.key in placed:
            for c in (*m.figure.contradicts, *(c for c, _ in m.figure.agrees), *m.figure.claims):
                first_figure.setdefault(c, m.key)
    return first_figure


def _claim_cards(
    fi: int, fr: FileReport, cards: dict[int, str], marks: list[Marked], placed: set[str],
    out: list[str], problems: list[_Problem],
) -> None:
    """Each claim's card, linked to the figure it contradicts or else its first; a claim
    with a problem listed among the problems where it stands in the article."""
    first_figure = _first_figures(marks, placed)
    contradicting = {c: m.key for m in marks if m.key in placed for c in m.figure.contradicts}
    at = {m.key: (m.figure.span.line, m.figure.span.col) for m in marks}

    out.append(f'<h3 class="section">Claims ({len(fr.results)})</h3>' if fr.draft is not None else "")
    for i, r in enumerate(fr.results):
        key = contradicting.get(r.claim.id) or first_figure.get(r.claim.id)
        out.append(card(r, cards[i], key))
        if r.status in PROBLEMS:
            problems.append(_claim_problem(fi, i, r, key, cards[i], at))


def _claim_problem(fi: int, i: int, r: Result, key: str | None, card_id: str, at: dict[str, tuple[int, int]]) -> _Problem:
    """A claim's entry in the list of problems."""
    # where the claim stands in the article: its figure, else its passage (or the
    # closest passage of a stale one), else after everything
    near = r.anchor.span if r.anchor is not None and r.anchor.span is not None else None
    pos = at[key] if key else (near.line, near.col) if near else (10**9, 0)
    target = key or card_id
    goto = f' data-goto="{key}"' if key else ""
    note = " (suppressed)" if r.suppressed else ""
    return _Problem(
        (fi, *pos, i), r.status.value,
        f'<a href="#{target}"{goto} class="v-{r.status.value}"><span class="badge">{SYMBOLS[r.status]} {r.status.value}</span>'
        f" <code>{e(r.claim.id)}</code>{note}<br>{e(_short(r.message))}</a>",
    )


def _uncovered(fi: int, fr: FileReport, marks: list[Marked], out: list[str], problems: list[_Problem]) -> None:
    """The figures no claim covers, as cards (the first of them when there are many), each
    also listed among the problems."""
    d = fr.draft
    uncovered = [m for m in marks if m.cards and m.cards[0].startswith("u")]
    if not uncovered:
        return
    out.append(f'<h3 class="section">Figures no claim covers ({len(uncovered)})</h3>')
    shown, more = listed(uncovered)
    if more:
        out.append(f'<p class="muted">{e(more_text(more))}</p>')
    ids = {id(m) for m in shown}  # a set: a million figures are not a million list scans each
    for m in marks:
        if id(m) in ids:
            out.append(uncovered_card(m, m.cards[0], d.required if d else False))
            problems.append(_Problem(
                (fi, m.figure.span.line, m.figure.span.col, -1), m.verdict,
                f'<a href="#{m.key}" data-goto="{m.key}" class="v-{m.verdict}"><span class="badge">{VERDICT_SYMBOLS[m.verdict]} {UNCOVERED}</span>'
                f" {e(m.figure.text)}<br><span class=\"muted\">{e(m.figure.span)}</span></a>",
            ))


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _counts(report: Report) -> str:
    counts = report.counts()
    items = []
    for s, n in counts.items():
        items.append((s, f"{SYMBOLS[Status(s)]}", n))
    drafts = [f.draft for f in report.files if f.draft is not None]
    if drafts:
        items.append((UNCOVERED, VERDICT_SYMBOLS[UNCOVERED], sum(len(d.uncovered) for d in drafts)))
    lis = "".join(
        f'<li class="v-{s}{" zero" if not n else ""}" data-count="{s}"><span class="badge">{sym}</span> {n} {s}</li>'
        for s, sym, n in items
    )
    return f'<ul class="counts">{lis}</ul>'


def _titles(report: Report) -> tuple[str, str]:
    """The page's title, and the heading of its header: the claims file's path when the
    draft, drawn below, shows the title as its headline."""
    titles = [f.document.article.get("title") for f in report.files]
    title = titles[0] if len(report.files) == 1 and titles[0] else f"{len(report.files)} claims files"
    heading = title
    if len(report.files) == 1 and titles[0]:
        d = report.files[0].draft
        if d is not None and d.source is not None and _headline(d.source) == title:
            heading = report.files[0].document.path
    return title, heading


def _notices(report: Report) -> str:
    if not report.notices:
        return ""
    return '<section class="file"><h3 class="section">Notices (they do not fail the run)</h3><ul>' + "".join(
        f"<li>{e(n.span)}: {e(n.message)} <span class=\"muted\">[{e(n.code)}]</span></li>" for n in report.notices
    ) + "</ul></section>"


def render(report: Report, options: Options) -> str:
    title, heading = _titles(report)
    problems: list[_Problem] = []
    files = [_file(fi, f, problems) for fi, f in enumerate(report.files, 1)]
    problems.sort(key=lambda p: p.order)
    failed = report.exit_code(options.fail_on) != 0
    if problems:
        side = "<ol>" + "".join(f"<li>{p.html}</li>" for p in problems) + "</ol>"
    else:
        side = '<p class="none">Nothing to fix.</p>'
    notices = _notices(report)
    cov = coverage(report)
    legend = "" if cov is None else (
        '<p class="summary">Every figure of the draft is marked: ✓ pass, ▲ warn, ✗ fail, ■ error, '
        "○ unchecked (cited, not computed), ◇ uncovered (no claim). Click a figure for its computation.</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="factcheck {e(__version__)}">
<title>{'✗' if failed else '✓'} factcheck: {e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header class="top">
<h1>factcheck {'✗' if failed else '✓'} <small>{e(heading)}</small></h1>
{_counts(report)}
<p class="summary">{e(summary_text(report))}</p>
{legend}
</header>
<div class="layout">
<nav class="problems" aria-label="Problems"><h2>To look at ({len(problems)})</h2>{side}</nav>
<main>
{chr(10).join(files)}
{notices}
</main>
<aside id="inspector" hidden aria-label="The claims behind a figure"><button type="button" class="close" aria-label="Close">×</button><div class="content"></div></aside>
</div>
<footer>factcheck {e(__version__)} · exit code {report.exit_code(options.fail_on)} (--fail-on {e(options.fail_on)})</footer>
<script>{JS}</script>
</body>
</html>
"""
