"""The cards: a claim's computation step by step, its stated value, difference, hints and source; an uncovered figure."""

from __future__ import annotations

from factcheck.model import Anchor, DraftFigure, Result, Step
from factcheck.reporters import (
    SYMBOLS,
    difference_text,
    suppression_text,
)
from factcheck.reporters.html.marks import (
    UNCOVERED,
    VERDICT_SYMBOLS,
    Marked,
)
from factcheck.reporters.html.shell import e


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
