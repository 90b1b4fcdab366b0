"""One self-contained HTML page: the article draft with every figure marked by its verdict.

The draft is drawn as a reader sees it (Markdown rendered by markdown-it-py, from the
very tokens the engine read it with, so that every figure found in the reading text is
placed where it stands on the page). Each figure carries its verdict as a colour (a
palette that colour-blind readers tell apart, Okabe and Ito's) and as a symbol (the
SYMBOLS of every other report) and a line style, and links to the claim it bears on:
a card with the computation step by step, the stated value, the difference, the hints
and the source. A header gives the counts, a side list leads to each problem. Without
a draft the page is the claims as cards.

Safe and offline: everything from a claims file or a draft is escaped (raw HTML in a
draft is shown as text, images as their alt text), nothing is loaded from anywhere
(inline CSS and a little JS, allowed by hash in a Content-Security-Policy that forbids
everything else), and the page reads whole with JavaScript off: a figure then jumps to
its claim's card. The same input gives the same bytes.

The parts: ``shell`` (style, script, CSP, escaping), ``marks`` (the draft with its
figures marked), ``cards`` (a claim's card) and ``page`` (the page, ``render``).
"""

from __future__ import annotations

from factcheck.reporters.html.marks import (
    IGNORED,
    OTHER,
    PROBLEMS,
    UNCOVERED,
    VERDICT_SYMBOLS,
    WORST_FIRST,
    Marked,
    draw_markdown,
    draw_plain,
    mark_figures,
    verdict,
)
from factcheck.reporters.html.page import render
from factcheck.reporters.html.shell import CSP, CSS, JS, e

__all__ = [
    "CSP", "CSS", "IGNORED", "JS", "OTHER", "PROBLEMS", "UNCOVERED", "VERDICT_SYMBOLS", "WORST_FIRST",
    "Marked", "draw_markdown", "draw_plain", "e", "mark_figures", "render", "verdict",
]
