"""The draft marked: each figure's verdict, drawn in place in the rendered Markdown (or the plain text)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from factcheck.model import DraftFigure, FileReport, Result, Status
from factcheck.reporters import (
    SYMBOLS,
    uncovered_status,
)
from factcheck.reporters.html.shell import e

#: a figure no claim covers is a verdict of its own in this page (``fail`` under --require-coverage)
UNCOVERED = "uncovered"
IGNORED = "ignored"  # in a passage of ignore_figures
OTHER = "other"  # in the passage of a claim this run did not check (--only)
VERDICT_SYMBOLS = {**{s.value: sym for s, sym in SYMBOLS.items()}, UNCOVERED: "◇", IGNORED: "·", OTHER: "·"}
#: worst first: a figure in the passages of several claims shows the worst of them
WORST_FIRST = (Status.FAIL, Status.ERROR, Status.WARN, Status.UNCHECKED, Status.PASS)
PROBLEMS = (Status.FAIL, Status.ERROR, Status.WARN)


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
        return _agreeing(agreeing)
    if holding:
        checked = any(r.claim.check is not None for r in holding)
        return Status.UNCHECKED.value, holding, _HOLDING_WHY[checked]
    if f.ignored:
        return IGNORED, [], "ignored: in a passage listed under ignore_figures"
    if f.claims:
        return OTHER, [], "in the passage of a claim this run did not check"
    status = uncovered_status(required)
    return (UNCOVERED if status == UNCOVERED else Status.FAIL.value), [], "no claim covers this figure"


#: why a figure in a claim's passage is unchecked, by whether the claim is checked
_HOLDING_WHY = {
    True: "in the passage of a checked claim, but not a figure its check uses",
    False: "in the passage of a claim recorded with its source, not computed",
}


def _agreeing(agreeing: list[tuple[Result, Status]]) -> tuple[str, list[Result], str]:
    """The verdict of a figure that agrees with checked claims: the worst of their statuses
    on it, that claim first."""
    worst = min(agreeing, key=lambda x: (WORST_FIRST.index(x[1]), x[0].suppressed is not None))
    why = "a figure the claim's computation uses"
    if worst[1] is not worst[0].status:
        why += (
            f" (as the claims file has it: {worst[1].value}; the claim is {worst[0].status.value} on another figure: "
            "its stated value, or a figure of the draft that contradicts it)"
        )
    behind = [worst[0]] + [r for r, _ in agreeing if r is not worst[0]]
    return worst[1].value, behind, why


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
            title = f"{VERDICT_SYMBOLS[v]} {v}: {f.text} at {f.span} — {why}: {names}" + _filed(behind)
        else:
            card_ids = (f"u{fi}-{k}",) if v not in (IGNORED, OTHER) else ()
            title = f"{VERDICT_SYMBOLS[v]} {v}: {f.text} at {f.span} — {why}"
        # the claim the verdict comes from keeps its finding from counting
        suppressed = bool(behind) and behind[0].suppressed is not None and v in {s.value for s in PROBLEMS}
        out.append(Marked(key, f, v, title, card_ids, suppressed))
    return out


def _filed(behind: list[Result]) -> str:
    """The filing's fact a traced figure is (or contradicts), for the figure's hover."""
    out = ""
    for r in behind:
        t = r.claim.traced
        if t is not None:
            how = "contradicts" if t.status == "contradicted" else "by value alone" if t.status == "value" else "traced to"
            out += f" — the filing ({how}): {t.concept} for {t.period} = {t.value} ({t.filing} line {t.line})"
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
    # lazy: markdown-it (~40 ms) only for a Markdown draft
    from markdown_it.renderer import RendererHTML

    from factcheck.draft import markdown_parser, rendering

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

    html = Renderer().render(tokens, markdown_parser().options, {})
    return html, placer.placed


def draw_plain(source: str, marks: list[Marked]) -> tuple[str, set[str]]:
    placer = _Placer([m for m in marks if source[m.figure.start : m.figure.end] == m.figure.text])
    return f'<div class="plain">{placer.text(source, 0)}</div>', placer.placed
