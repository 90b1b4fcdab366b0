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
"""

from __future__ import annotations

import base64
import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from factcheck import __version__
from factcheck.model import Anchor, DraftFigure, FileReport, Report, Result, Status, Step
from factcheck.reporters import (
    SYMBOLS,
    Options,
    coverage,
    difference_text,
    listed,
    more_text,
    summary_text,
    suppression_text,
    uncovered_status,
)
from factcheck.reporters.escape import for_html

#: a figure no claim covers is a verdict of its own in this page (``fail`` under --require-coverage)
UNCOVERED = "uncovered"
IGNORED = "ignored"  # in a passage of ignore_figures
OTHER = "other"  # in the passage of a claim this run did not check (--only)
VERDICT_SYMBOLS = {**{s.value: sym for s, sym in SYMBOLS.items()}, UNCOVERED: "◇", IGNORED: "·", OTHER: "·"}
#: worst first: a figure in the passages of several claims shows the worst of them
WORST_FIRST = (Status.FAIL, Status.ERROR, Status.WARN, Status.UNCHECKED, Status.PASS)
PROBLEMS = (Status.FAIL, Status.ERROR, Status.WARN)

CSS = """
:root{--ink:#1b1b1b;--dim:#5d5d5d;--rule:#d9d9d9;--paper:#fff;--side:#f6f6f4;
--pass:#009E73;--pass-bg:#d3efe5;--warn:#B27600;--warn-bg:#fde7b8;--fail:#D55E00;--fail-bg:#f9d3bd;
--error:#A83F7F;--error-bg:#f3d9ea;--unchecked:#0072B2;--unchecked-bg:#d8e9f6;--uncovered:#222;--uncovered-bg:#f4ee9a}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--paper);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header.top{padding:.8rem 1.4rem;border-bottom:1px solid var(--rule);background:var(--side)}
header.top h1{font-size:1.15rem;margin:0 0 .3rem}
header.top h1 small{font-weight:normal;color:var(--dim)}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.2rem 0;padding:0;list-style:none}
.counts li{padding:.1rem .55rem;border-radius:1rem;font-size:.9rem;border:1px solid var(--rule);background:#fff}
.counts li.zero{opacity:.55}
.summary{margin:.3rem 0 0;color:var(--dim);font-size:.85rem}
.layout{display:grid;grid-template-columns:17rem minmax(0,1fr);align-items:start}
.layout.inspecting{grid-template-columns:17rem minmax(0,1fr) 27rem}
nav.problems{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem;border-right:1px solid var(--rule);background:var(--side);font-size:.88rem}
nav.problems h2{font-size:.95rem;margin:0 0 .5rem}
nav.problems ol{margin:0;padding:0;list-style:none}
nav.problems li{margin:0 0 .45rem}
nav.problems a{color:var(--ink);text-decoration:none;display:block;padding:.25rem .4rem;border-left:4px solid var(--rule);border-radius:2px}
nav.problems a:hover,nav.problems a:focus{background:#fff}
nav.problems .none{color:var(--dim)}
main{padding:1rem 2rem 3rem;min-width:0}
.file{max-width:46rem}
.file>h2{font-size:1.5rem;margin:.4rem 0 .2rem}
.meta{color:var(--dim);font-size:.85rem;margin:0 0 1rem}
article.draft{font-family:Georgia,"Noto Serif","Times New Roman",serif;font-size:1.06rem;line-height:1.75}
article.draft h1,article.draft h2,article.draft h3{font-family:system-ui,sans-serif;line-height:1.3}
article.draft .plain{white-space:pre-wrap}
article.draft table{border-collapse:collapse}
article.draft td,article.draft th{border:1px solid var(--rule);padding:.2rem .5rem}
article.draft pre{white-space:pre-wrap;background:var(--side);padding:.5rem}
.img{color:var(--dim);font-style:italic}
a.fig,span.fig{color:inherit;text-decoration:none;padding:0 .12rem;border-radius:3px;border-bottom:2px solid transparent;cursor:pointer}
a.fig:focus{outline:2px solid var(--ink);outline-offset:1px}
.fig.cont{padding-left:0;border-top-left-radius:0;border-bottom-left-radius:0}
.fig.more{padding-right:0;border-top-right-radius:0;border-bottom-right-radius:0}
.fig sup.sym{font-size:.72em;font-weight:bold;margin-left:.08rem;font-family:system-ui,sans-serif}
.v-pass{--c:var(--pass);--bg:var(--pass-bg)}
.v-warn{--c:var(--warn);--bg:var(--warn-bg)}
.v-fail{--c:var(--fail);--bg:var(--fail-bg)}
.v-error{--c:var(--error);--bg:var(--error-bg)}
.v-unchecked{--c:var(--unchecked);--bg:var(--unchecked-bg)}
.v-uncovered{--c:var(--uncovered);--bg:var(--uncovered-bg)}
.v-ignored,.v-other{--c:#8a8a8a;--bg:transparent}
.fig{background:var(--bg)}
.fig.v-pass{border-bottom:2px solid var(--c)}
.fig.v-warn{border-bottom:2px dashed var(--c)}
.fig.v-fail{border-bottom:3px double var(--c);font-weight:600}
.fig.v-error{border-bottom:3px double var(--c);font-weight:600}
.fig.v-unchecked{border-bottom:2px dotted var(--c)}
.fig.v-uncovered{outline:1px dashed var(--c);outline-offset:-1px}
.fig.v-ignored,.fig.v-other{border-bottom:1px dotted var(--c)}
.fig sup.sym,.badge{color:var(--c)}
.fig.suppressed{opacity:.7}
.fig.current{box-shadow:0 0 0 2px var(--ink)}
nav.problems a{border-left-color:var(--c,var(--rule))}
.badge{font-weight:bold;white-space:nowrap}
.counts li .badge{margin-right:.15rem}
h3.section{font-size:1.05rem;margin:2.2rem 0 .6rem;padding-top:.6rem;border-top:1px solid var(--rule)}
.card{border:1px solid var(--rule);border-left:6px solid var(--c,var(--rule));border-radius:4px;padding:.6rem .8rem;margin:0 0 .9rem;background:#fff;font-size:.92rem}
.card:target{box-shadow:0 0 0 3px var(--c)}
.card h4{margin:0 0 .3rem;font-size:.98rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.card .where{color:var(--dim);font-weight:normal;font-size:.8rem}
.card p{margin:.3rem 0}
.card .says{font-style:italic}
.card .message{font-weight:500}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.4rem 0}
.card dt{color:var(--dim)}
.card dd{margin:0}
.iv{color:var(--dim);font-size:.85em;white-space:nowrap}
.steps h5{margin:.5rem 0 .1rem;font-size:.85rem;color:var(--dim);text-transform:uppercase;letter-spacing:.04em}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.1rem}
ul.tree{padding-left:0}
ul.tree li{position:relative;margin:.15rem 0}
ul.tree ul li::before{content:"";position:absolute;left:-.8rem;top:.75em;width:.55rem;border-top:1px solid #aaa}
ul.tree ul{border-left:1px solid #aaa;margin-left:.3rem}
.step code{font-size:.92em}
.step .value{font-weight:600}
.step .note{display:block;color:var(--dim);font-size:.82em}
.step .error{color:var(--error);font-weight:600}
.hint{border-left:3px solid var(--warn);padding-left:.5rem}
.muted{color:var(--dim)}
aside#inspector{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem;border-left:1px solid var(--rule);background:var(--side)}
aside#inspector .close{float:right;font:inherit;border:1px solid var(--rule);background:#fff;border-radius:3px;cursor:pointer}
aside#inspector .figinfo{margin:.1rem 2rem .8rem 0;font-size:.88rem}
footer{padding:1rem 2rem;color:var(--dim);font-size:.8rem;border-top:1px solid var(--rule)}
@media (max-width:60rem){.layout,.layout.inspecting{grid-template-columns:1fr}nav.problems,aside#inspector{position:static;max-height:none}}
@media print{nav.problems,aside#inspector{display:none}.layout{display:block}}
""".strip()

JS = """
(function () {
  var layout = document.querySelector(".layout");
  var panel = document.getElementById("inspector");
  var body = panel.querySelector(".content");
  function segments(id) { return document.querySelectorAll('[data-figure="' + id + '"]'); }
  function open(fig) {
    var id = fig.getAttribute("data-figure");
    document.querySelectorAll(".fig.current").forEach(function (e) { e.classList.remove("current"); });
    segments(id).forEach(function (e) { e.classList.add("current"); });
    body.textContent = "";
    var info = document.createElement("p");
    info.className = "figinfo";
    info.textContent = fig.getAttribute("title");
    body.appendChild(info);
    (fig.getAttribute("data-cards") || "").split(" ").forEach(function (cid) {
      var card = cid && document.getElementById(cid);
      if (card) { var copy = card.cloneNode(true); copy.removeAttribute("id"); body.appendChild(copy); }
    });
    panel.hidden = false;
    layout.classList.add("inspecting");
    panel.scrollTop = 0;
  }
  function close() {
    panel.hidden = true;
    layout.classList.remove("inspecting");
    document.querySelectorAll(".fig.current").forEach(function (e) { e.classList.remove("current"); });
  }
  document.addEventListener("click", function (e) {
    var fig = e.target.closest(".fig[data-figure]");
    if (fig && !panel.contains(fig)) {
      e.preventDefault();
      open(document.getElementById(fig.getAttribute("data-figure")) || fig);
      return;
    }
    var link = e.target.closest("a[data-goto]");
    if (link) {
      var target = document.getElementById(link.getAttribute("data-goto"));
      if (target) {
        e.preventDefault();
        target.scrollIntoView({block: "center"});
        open(target);
        target.focus({preventScroll: true});
      }
      return;
    }
    if (e.target.closest("#inspector .close")) { close(); }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { close(); } });
})();
""".strip()


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


#: nothing but the page's own style and script: an injected script would not run, and
#: nothing is fetched (images in a draft are not loaded either)
CSP = (
    f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def e(text: object) -> str:
    """Every string of the report, for HTML (escape.for_html): controls visible, markup escaped."""
    return for_html(str(text))


# --------------------------------------------------------------------------- verdicts of figures


@dataclass(frozen=True, slots=True)
class Marked:
    """A figure of the draft with its verdict, what it says on hover, and the cards it opens."""

    key: str  # element id: 'f1-12'
    figure: DraftFigure
    verdict: str
    title: str
    cards: tuple[str, ...]  # ids of the cards (claims, or the uncovered entry) it opens
    suppressed: bool = False


def verdict(f: DraftFigure, results: dict[str, Result], required: bool) -> tuple[str, list[Result], str]:
    """(verdict, the claims behind it, why) of one figure of the draft.

    A figure contradicted by a claim fails; one that agrees with figures of checked
    claims takes the worst of their statuses; one that stands in a claim's passage but
    is not used by its check is ``unchecked`` (cited, not computed); the others are
    ignored or uncovered."""
    against = [results[c] for c in f.contradicts if c in results]
    if against:
        return Status.FAIL.value, against, "the draft contradicts the claims file here"
    agreeing = [(results[c], status) for c, status in f.agrees if c in results]
    holding = [results[c] for c in f.claims if c in results]
    if agreeing:
        worst = min(agreeing, key=lambda x: (WORST_FIRST.index(x[1]), x[0].suppressed is not None))
        why = "a figure the claim's computation uses"
        if worst[1] is not worst[0].status:
            why += f" (its computation: {worst[1].value}; the claim fails on another figure of the draft)"
        behind = [worst[0]] + [r for r, _ in agreeing if r is not worst[0]]
        return worst[1].value, behind, why
    if holding:
        checked = [r for r in holding if r.claim.check is not None]
        why = (
            "in the passage of a checked claim, but not a figure its check uses"
            if checked
            else "in the passage of a claim recorded with its source, not computed"
        )
        return Status.UNCHECKED.value, holding, why
    if f.ignored:
        return IGNORED, [], "ignored: in a passage listed under ignore_figures"
    if f.claims:
        return OTHER, [], "in the passage of a claim this run did not check"
    status = uncovered_status(required)
    return (UNCOVERED if status == UNCOVERED else Status.FAIL.value), [], "no claim covers this figure"


def mark_figures(fi: int, fr: FileReport, cards: dict[int, str]) -> list[Marked]:
    assert fr.draft is not None
    by_id = {r.claim.id: r for r in fr.results}
    index = {id(r): i for i, r in enumerate(fr.results)}
    out = []
    for k, f in enumerate(fr.draft.figure_details):
        v, behind, why = verdict(f, by_id, fr.draft.required)
        key = f"f{fi}-{k}"
        if behind:
            card_ids = tuple(cards[index[id(r)]] for r in behind)
            names = ", ".join(f"{SYMBOLS[r.status]} {r.claim.id} ({r.status.value})" for r in behind)
            title = f"{VERDICT_SYMBOLS[v]} {v}: {f.text} at {f.span} — {why}: {names}"
        else:
            card_ids = (f"u{fi}-{k}",) if v not in (IGNORED, OTHER) else ()
            title = f"{VERDICT_SYMBOLS[v]} {v}: {f.text} at {f.span} — {why}"
        # the claim the verdict comes from keeps its finding from counting
        suppressed = bool(behind) and behind[0].suppressed is not None and v in {s.value for s in PROBLEMS}
        out.append(Marked(key, f, v, title, card_ids, suppressed))
    return out


# --------------------------------------------------------------------------- the draft, drawn


class _Placer:
    """Wraps each figure's characters, wherever they fall in the page's text runs."""

    def __init__(self, marks: list[Marked]) -> None:
        self.marks = sorted(marks, key=lambda m: m.figure.start)
        self.starts = [m.figure.start for m in self.marks]
        self.placed: set[str] = set()

    def text(self, content: str, base: int | None) -> str:
        """``content`` (which starts at ``base`` in the reading text), escaped, with the
        figures in it marked; ``base`` None: text the engine did not read."""
        if base is None or not self.marks:
            return e(content)
        end = base + len(content)
        i = max(bisect_right(self.starts, base) - 1, 0)
        out, at = [], 0
        while i < len(self.marks) and self.marks[i].figure.start < end:
            m = self.marks[i]
            i += 1
            a, b = max(m.figure.start, base) - base, min(m.figure.end, end) - base
            if b <= a or a < at:
                continue
            out.append(e(content[at:a]))
            out.append(self.segment(m, content[a:b], first=m.figure.start >= base, last=m.figure.end <= end))
            at = b
        out.append(e(content[at:]))
        return "".join(out)

    def segment(self, m: Marked, text: str, first: bool, last: bool) -> str:
        classes = f"fig v-{m.verdict}" + (" suppressed" if m.suppressed else "")
        classes += ("" if first else " cont") + ("" if last else " more")
        attrs = f' class="{classes}" data-figure="{m.key}" data-verdict="{m.verdict}" title="{e(m.title)}"'
        if first and m.key not in self.placed:
            self.placed.add(m.key)
            attrs = f' id="{m.key}"' + attrs + f' data-at="{e(m.figure.span)}"'
        sym = f'<sup class="sym" aria-hidden="true">{VERDICT_SYMBOLS[m.verdict]}</sup>' if last else ""
        if m.cards:
            return f'<a href="#{m.cards[0]}"{attrs} data-cards="{" ".join(m.cards)}">{e(text)}{sym}</a>'
        return f"<span{attrs}>{e(text)}{sym}</span>"


def draw_markdown(source: str, marks: list[Marked]) -> tuple[str, set[str]]:
    """The draft as HTML with its figures marked, and the keys of the figures placed."""
    from markdown_it.renderer import RendererHTML

    from factcheck.draft import _parser, rendering

    tokens, text, starts = rendering(source)
    good = [m for m in marks if text[m.figure.start : m.figure.end] == m.figure.text]
    placer = _Placer(good)

    class Renderer(RendererHTML):
        def text(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
            t = tokens[idx]
            return placer.text(t.content, starts.get(id(t)))

        def code_inline(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
            t = tokens[idx]
            return f"<code>{placer.text(t.content, starts.get(id(t)))}</code>"

        def softbreak(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
            return placer.text("\n", starts.get(id(tokens[idx])))  # within a figure that goes on

        def html_block(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
            return f'<pre class="raw">{e(tokens[idx].content)}</pre>\n'

        def html_inline(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
            return e(tokens[idx].content)

        def image(self, tokens: Any, idx: int, options: Any, env: Any) -> str:
            t = tokens[idx]
            alt = self.renderInline(t.children or [], options, env)
            return f'<span class="img" title="{e(t.attrGet("src") or "")}">[image: {alt}]</span>'

    html = Renderer().render(tokens, _parser().options, {})
    return html, placer.placed


def draw_plain(source: str, marks: list[Marked]) -> tuple[str, set[str]]:
    placer = _Placer([m for m in marks if source[m.figure.start : m.figure.end] == m.figure.text])
    return f'<div class="plain">{placer.text(source, 0)}</div>', placer.placed


# --------------------------------------------------------------------------- cards


def _step(s: Step) -> str:
    parts = [f"<code>{e(s.label)}</code>"]
    if s.error:
        parts.append(f' <span class="error">error: {e(s.error)}</span>')
    elif s.value is not None:
        if s.value.text != s.label:
            parts.append(f' = <span class="value">{e(s.value.text)}</span>')
        if s.interval:
            parts.append(f' <span class="iv">{e(s.interval)}</span>')
    if s.note:
        parts.append(f'<span class="note">{e(s.note)}</span>')
    inner = "".join(_step(c) for c in s.children)
    if s.omitted:
        inner += f'<li class="muted">… {s.omitted} more step{"s" if s.omitted != 1 else ""} not shown</li>'
    return f'<li class="step">{"".join(parts)}' + (f"<ul>{inner}</ul>" if inner else "") + "</li>"


def card(r: Result, card_id: str, figure_key: str | None) -> str:
    c = r.claim
    sym = SYMBOLS[r.status]
    out = [f'<section class="card v-{r.status.value}" id="{card_id}">']
    out.append(
        f'<h4><span class="badge">{sym} {r.status.value}</span> <code>{e(c.id)}</code>'
        f' <span class="where">{e(c.span)}</span></h4>'
    )
    if r.suppressed:
        out.append(f'<p class="muted">suppressed by {e(suppression_text(r.suppressed))} (it does not fail the run)</p>')
    if c.says:
        out.append(f'<p class="says">“{e(c.says)}”</p>')
    a = r.anchor
    if a is not None and a.span is not None:
        out.append(_where_in_draft(a, figure_key))
    out.append(f'<p class="message">{e(r.message)}</p>')
    rows = _rows(r)
    if rows:
        out.append("<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
    if r.steps:
        out.append('<div class="steps">')
        for name, s in r.steps:
            out.append(f'<h5>{e(name)}</h5><ul class="tree">{_step(s)}</ul>')
        out.append("</div>")
    out += _notes(r)
    out.append("</section>")
    return "\n".join(out)


def _where_in_draft(a: Anchor, figure_key: str | None) -> str:
    """Where the claim stands in the draft (a link to its figure), or the closest passage."""
    if not a.found:
        return f'<p class="muted">not in the draft; the closest passage is at {e(a.span)}</p>'
    at = f"in the draft at {e(a.span)}"
    if figure_key:
        at = f'<a href="#{figure_key}" data-goto="{figure_key}">{at}</a>'
    return f'<p class="muted">{at}</p>'


def _rows(r: Result) -> list[tuple[str, str]]:
    """The card's table: computed, stated, compare, difference, basis (those it has)."""
    c = r.claim
    rows = []
    steps = dict(r.steps)
    if r.computed is not None:
        iv = steps["check"].interval if "check" in steps else ""
        rows.append(("computed", f"{e(r.computed.text)} <span class=\"iv\">{e(iv)}</span>"))
    if r.stated is not None or c.stated is not None:
        text = r.stated.text if r.stated else c.stated.text if c.stated else ""
        iv = steps["stated"].interval if "stated" in steps else ""
        rows.append(("stated", f"{e(text)} <span class=\"iv\">{e(iv)}</span>"))
    if c.check is not None:
        rows.append(("compare", e(c.compare.value) + (f" (tolerance {e(c.tolerance.text)})" if c.tolerance else "")))
    diff = difference_text(r) if r.computed is not None and r.stated is not None else ""
    if diff:
        rows.append(("difference", e(diff)))
    if r.basis is not None:
        rows.append(("basis", e(r.basis.value)))
    return rows


def _notes(r: Result) -> list[str]:
    """The card's hints, the draft's mismatches, the claim's source, note and tags."""
    c, a = r.claim, r.anchor
    out = []
    for h in r.hints:
        out.append(f'<p class="hint"><b>hint:</b> {e(h.message)}</p>')
    if a is not None:
        for m in a.mismatches:
            out.append(
                f'<p class="hint"><b>the draft says</b> {e(m.draft_text)} at {e(m.span)}; '
                f"the claims file {'says' if m.label == 'says' else 'uses'} {e(m.claims_text)}"
                + ("" if m.label == "says" else f" ({e(m.label)})") + "</p>"
            )
    for label, text in (("source", c.source), ("note", c.note)):
        if text:
            out.append(f'<p><span class="muted">{label}:</span> {e(text)}</p>')
    if c.tags:
        out.append(f'<p><span class="muted">tags:</span> {e(", ".join(c.tags))}</p>')
    return out


def figure_kind(f: DraftFigure) -> str:
    """What a figure is, in an editor's words: 'amount in USD', 'percent', 'year' (never
    '(number)' for money)."""
    if f.kind not in ("number", "range") or not f.unit:
        return f.kind
    if f.unit == "%":
        return "percent" if f.kind == "number" else "range of percent"
    what = "amount" if f.kind == "number" else "range"
    return f"{what} in {f.unit}"


def uncovered_card(m: Marked, card_id: str, required: bool) -> str:
    f = m.figure
    what = "fails the run (--require-coverage)" if required else "does not fail the run"
    return (
        f'<section class="card v-{m.verdict}" id="{card_id}"><h4><span class="badge">{VERDICT_SYMBOLS[m.verdict]} '
        f'{UNCOVERED}</span> <a href="#{m.key}" data-goto="{m.key}">{e(f.text)}</a> <span class="where">{e(f.span)} ({e(figure_kind(f))})</span></h4>'
        f"<p>No claim's passage holds this figure ({what}). Write a claim whose <code>says</code> quotes its "
        "sentence, or list the passage under <code>ignore_figures</code>.</p></section>"
    )


# --------------------------------------------------------------------------- the page


@dataclass
class _Problem:
    order: tuple[int, int, int]
    verdict: str
    html: str


def _headline(source: str) -> str | None:
    """The draft's first line when it is a Markdown heading ('# Title')."""
    for line in source.splitlines():
        if line.strip():
            found = re.match(r"\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
            return found.group(1) if found else None
    return None


def _file(fi: int, fr: FileReport, problems: list[_Problem]) -> str:
    doc = fr.document
    cards = {i: f"c{fi}-{i}" for i in range(len(fr.results))}
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
        problems.append(_Problem((fi, -1, 0), Status.ERROR.value, f'<a href="#file{fi}" class="v-error">{SYMBOLS[Status.ERROR]} invalid: {e(p.span)}: {e(p.message)}</a>'))

    marks: list[Marked] = []
    placed: set[str] = set()
    first_figure: dict[str, str] = {}  # claim id -> key of its first figure in the page
    if d is not None and d.source is not None:
        marks = mark_figures(fi, fr, cards)
        drawn, placed = (draw_markdown if d.markdown else draw_plain)(d.source, marks)
        out.append(f'<article class="draft">{drawn}</article>')
        missing = [m for m in marks if m.key not in placed]
        if missing:  # never expected; said rather than lost
            out.append('<p class="muted">Figures the page could not place in the text: '
                       + ", ".join(f'<span class="fig v-{m.verdict}">{e(m.figure.text)} ({e(m.figure.span)})</span>' for m in missing) + "</p>")
        for m in marks:
            if m.key in placed:
                for c in (*m.figure.contradicts, *(c for c, _ in m.figure.agrees), *m.figure.claims):
                    first_figure.setdefault(c, m.key)
    contradicting = {c: m.key for m in marks if m.key in placed for c in m.figure.contradicts}
    order = {m.key: k for k, m in enumerate(marks)}

    out.append(f'<h3 class="section">Claims ({len(fr.results)})</h3>' if d is not None else "")
    for i, r in enumerate(fr.results):
        key = contradicting.get(r.claim.id) or first_figure.get(r.claim.id)
        out.append(card(r, cards[i], key))
        if r.status in PROBLEMS:
            pos = order.get(key, 10**9) if key else 10**9
            target = key or cards[i]
            goto = f' data-goto="{key}"' if key else ""
            note = " (suppressed)" if r.suppressed else ""
            problems.append(_Problem(
                (fi, pos, i), r.status.value,
                f'<a href="#{target}"{goto} class="v-{r.status.value}"><span class="badge">{SYMBOLS[r.status]} {r.status.value}</span>'
                f" <code>{e(r.claim.id)}</code>{note}<br>{e(_short(r.message))}</a>",
            ))
    uncovered = [m for m in marks if m.cards and m.cards[0].startswith("u")]
    if uncovered:
        out.append(f'<h3 class="section">Figures no claim covers ({len(uncovered)})</h3>')
        shown, more = listed(uncovered)
        if more:
            out.append(f'<p class="muted">{e(more_text(more))}</p>')
        ids = {id(m) for m in shown}  # a set: a million figures are not a million list scans each
        for k, m in enumerate(marks):
            if id(m) in ids:
                out.append(uncovered_card(m, m.cards[0], d.required if d else False))
                problems.append(_Problem(
                    (fi, k, -1), m.verdict,
                    f'<a href="#{m.key}" data-goto="{m.key}" class="v-{m.verdict}"><span class="badge">{VERDICT_SYMBOLS[m.verdict]} {UNCOVERED}</span>'
                    f" {e(m.figure.text)}<br><span class=\"muted\">{e(m.figure.span)}</span></a>",
                ))
    out.append("</section>")
    return "\n".join(out)


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


def render(report: Report, options: Options) -> str:
    titles = [f.document.article.get("title") for f in report.files]
    title = titles[0] if len(report.files) == 1 and titles[0] else f"{len(report.files)} claims files"
    # the header names the claims file when the draft, drawn below, shows its headline
    heading = title
    if len(report.files) == 1 and titles[0]:
        d = report.files[0].draft
        if d is not None and d.source is not None and _headline(d.source) == title:
            heading = report.files[0].document.path
    problems: list[_Problem] = []
    files = [_file(fi, f, problems) for fi, f in enumerate(report.files, 1)]
    problems.sort(key=lambda p: p.order)
    failed = report.exit_code(options.fail_on) != 0
    if problems:
        side = "<ol>" + "".join(f"<li>{p.html}</li>" for p in problems) + "</ol>"
    else:
        side = '<p class="none">Nothing to fix.</p>'
    notices = ""
    if report.notices:
        notices = '<section class="file"><h3 class="section">Notices (they do not fail the run)</h3><ul>' + "".join(
            f"<li>{e(n.span)}: {e(n.message)} <span class=\"muted\">[{e(n.code)}]</span></li>" for n in report.notices
        ) + "</ul></section>"
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
