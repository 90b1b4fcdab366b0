"""The whole draft: every claim placed, its figures matched, and what the claims cover (``anchor``)."""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from factcheck.anchor.locate import CLOSEST_COMPARISONS, CLOSEST_WORDS, Budget, Folded
from factcheck.anchor.match import (
    Figure,
    agrees,
    claim_figures,
    match,
    same_figure,
)
from factcheck.draft import Draft, bidi_problems
from factcheck.expr import Evaluator
from factcheck.model import (
    Anchor,
    Document,
    DraftFigure,
    DraftReport,
    Hint,
    Mismatch,
    Problem,
    Result,
    Span,
    Status,
    Uncovered,
)
from factcheck.prose import Mention, read
from factcheck.run import Run


def anchor(
    doc: Document,
    results: list[Result],
    draft: Draft,
    ev: Evaluator,
    require_coverage: bool = False,
    detail: bool = False,
    inferred: list[Result] | None = None,
    run: Run | None = None,
) -> tuple[list[Result], DraftReport | None, list[Problem]]:
    """Locate every claim of the document in the draft, match the figures of the
    selected ones (``results``), and count what the claims cover. The problems are
    entries of ``ignore_figures`` that the draft does not hold. ``detail``: the report
    keeps the draft's text and every figure with the claims it bears on.

    ``inferred``: the results of the claims inferred from the draft (``factcheck.infer``,
    from the figures ``figures`` read: one reading of the draft a run); they are placed
    where they were read and cover their own figures, and one whose stated figure a
    written claim already agrees with is left out (no claim twice).

    A draft of more than ``MAX_FIGURES`` figures is refused (no report, one problem):
    its figures are read only up to the one past the limit. ``run``: the run whose
    reading of the draft and whose budget are used (a run of its own unless given)."""
    run = Run() if run is None else run
    mentions = figures(draft, run)
    hidden = bidi_problems(draft) if draft.hidden_lines else []  # lines left unread: Trojan Source
    if too_many(mentions):
        return results, None, [too_many_figures(draft, mentions[MAX_FIGURES]), *hidden]
    placing = _Placing(doc, draft, run)
    placing.locate()
    problems = hidden + placing.ignore()
    out = [placing.result(r, ev) for r in results]
    if inferred is not None:
        out += placing.inferred(inferred)
    return out, placing.report(require_coverage, detail), problems


#: the most figures a draft holds: an article holds a few hundred, and 2 MB (the most a
#: draft is) of a 10-K's text, tables included, about 26,000 (one every 80 bytes). Past
#: it a draft is refused after reading 30,001 figures (about 1 s), since every later
#: step (coverage, each report's list, the HTML page) costs time for each figure.
MAX_FIGURES = 30_000


def too_many_figures(draft: Draft, past: Mention) -> Problem:
    """The draft holds more figures than a draft may: placed at the draft, naming where reading stopped."""
    at = draft.span(past.start)
    return Problem(
        Span(draft.path, 1, 1),
        "draft-too-many-figures",
        f"the draft holds more than {MAX_FIGURES:,} figures (reading stopped at figure {MAX_FIGURES + 1:,}, at line {at.line}, "
        f"column {at.col}); an article holds a few hundred, and 2 MB of a 10-K's text about 26,000: "
        "check an article, or its parts, not data written as prose",
    )


def figures(draft: Draft, run: Run) -> list[Mention]:
    """The figures of a draft, read up to the one past ``MAX_FIGURES``: once a run for
    a draft, shared by inference and anchoring and by the claims files that share the
    draft (they come one after another: the run keeps the last draft's only)."""
    cached = run.figures.get(id(draft))
    if cached is None or cached[0] is not draft:
        cached = (draft, read(draft.text, MAX_FIGURES))
        run.figures.clear()
        run.figures[id(draft)] = cached
    return cached[1]


def too_many(mentions: list[Mention]) -> bool:
    """The draft holds more figures than a draft may (``figures`` read one past the limit)."""
    return len(mentions) > MAX_FIGURES


def _read_draft(draft: Draft, run: Run) -> tuple[list[Mention], Folded, list[int]]:
    """The figures of a draft and its folded text, once a run for a draft (``figures``)."""
    cached = run.readings.get(id(draft))
    if cached is None or cached[0] is not draft:
        mentions = figures(draft, run)
        cached = (draft, mentions, Folded(draft, mentions, run.budget(Budget)), [m.start for m in mentions])
        run.readings.clear()  # the last draft only
        run.readings[id(draft)] = cached
    return cached[1], cached[2], cached[3]


class _Placing:
    """One draft and one claims file: where each claim stands, and what each figure of
    the draft is to the claims (covered, ignored, agreed with, contradicted)."""

    def __init__(self, doc: Document, draft: Draft, run: Run) -> None:
        self.doc, self.draft = doc, draft
        self.mentions, self.folded, self.starts = _read_draft(draft, run)
        self.passages: dict[str, tuple[int, int] | None] = {}
        #: claims found with other figures than their `says` has: the figures of the says
        self.changed: dict[str, list[Mention]] = {}
        self.covered: set[int] = set()
        self.ignored: set[int] = set()
        #: figure (by its start) -> ids of the claims it agrees with, and contradicts
        self.agreeing: dict[int, list[tuple[str, Status]]] = {}
        self.contradicting: dict[int, list[str]] = {}
        #: inferred claims hold only their own figures, not every figure of their sentence
        self.own: dict[str, tuple[int, ...]] = {}

    def within(self, a: int, b: int) -> list[Mention]:
        """The figures that start from ``a`` to before ``b``."""
        mentions = self.mentions
        i = bisect_left(self.starts, a)
        out = []
        while i < len(mentions) and mentions[i].start < b:
            out.append(mentions[i])
            i += 1
        return out

    def locate(self) -> None:
        """Each claim's `says` in the draft (or its words, with other figures), and the
        figures the claims cover."""
        for c in self.doc.claims:
            if c.says:
                self.passages[c.id] = self.folded.find(c.says)
                if self.passages[c.id] is None:
                    words = self.folded.find_words(c.says)
                    if words is not None:
                        self.passages[c.id] = words[:2]
                        self.changed[c.id] = words[2]
        for where in self.passages.values():
            if where:
                self.covered.update(m.start for m in self.within(*where))

    def ignore(self) -> list[Problem]:
        """The figures of ``ignore_figures`` passages; a passage the draft lacks is a problem."""
        problems: list[Problem] = []
        for text, span in self.doc.ignore_figures:
            where = self.folded.find(text)
            if where:
                self.ignored.update(m.start for m in self.within(*where) if m.start not in self.covered)
            else:
                problems.append(
                    Problem(span, "stale-ignore", f"ignore_figures: the draft {self.draft.path} does not say “{_short(text)}”")
                )
        return problems

    def result(self, r: Result, ev: Evaluator) -> Result:
        """The claim's result with where it stands in the draft; failed when the draft's
        figures contradict it, or when its `says` is not in the draft any more."""
        c, draft = r.claim, self.draft
        if not c.says:
            return r
        where = self.passages.get(c.id)
        if where is None:
            return _stale(r, self.folded)
        a, b = where
        inside = self.within(a, b)
        figures = claim_figures(c, ev, self.doc) if c.check is not None else []
        own = self.changed.get(c.id, [])
        meant = {m.start: w for m, w in zip(inside, own)} if len(own) == len(inside) else None
        agreed, contradictions = match(inside, figures, meant)
        mismatches = [Mismatch(draft.span(m.start), m.show(), f.text, f.label) for m, f in contradictions]
        if c.id in self.changed:
            mismatches += self.changed_figures(c.id, inside, {m.start for m, _ in contradictions})
        self.mark(r, figures, agreed, contradictions)
        ordered = tuple(sorted(mismatches, key=lambda x: (x.span.line, x.span.col)))
        found = Anchor(
            True,
            draft.span(a),
            draft.span(b - 1),
            draft.text[a:b],
            matched=tuple(m.show() for m in agreed),
            mismatches=ordered,
        )
        if not ordered:
            return r._replace(anchor=found)
        claims_name = os.path.basename(self.doc.path)
        text = "; ".join(
            f"the draft says {x.draft_text}; {claims_name} "
            + (f"says {x.claims_text}" if x.label == "says" else f"uses {x.claims_text} ({x.label})")
            for x in ordered
        )
        return _failed(r, text, ordered[0].span, found, "draft-mismatch")

    def mark(self, r: Result, figures: list[Figure], agreed: list[Mention], contradictions: list[tuple[Mention, Figure]]) -> None:
        """The draft's figures the claim agrees with (each with the claim's status on it)
        and those it contradicts."""
        c = r.claim
        # a claim whose computation fails (or warns) fails on its stated figure: the inputs
        # the draft gives as the claims file has them are right, and marked so (html)
        stated = [f for f in figures if f.label == "stated"]
        for m in agreed:
            status = r.status
            if status in (Status.FAIL, Status.WARN) and stated and not any(agrees(m, f) for f in stated):
                status = Status.PASS
            self.agreeing.setdefault(m.start, []).append((c.id, status))
        for m, _ in contradictions:
            self.contradicting.setdefault(m.start, []).append(c.id)

    def inferred(self, results: list[Result]) -> list[Result]:
        """Inferred claims in the draft: each at its own passage, covering its own figures
        (not every figure of its sentence); one a written claim already checks is dropped."""
        written = {start for start, claims in self.agreeing.items() if claims}
        out = []
        for r in results:
            inf = r.claim.inferred
            assert inf is not None
            if inf.stated_at in written:
                continue
            self.passages[r.claim.id] = (inf.start, inf.end)
            self.own[r.claim.id] = inf.starts
            self.covered.update(inf.starts)
            for start in inf.starts:
                self.agreeing.setdefault(start, []).append((r.claim.id, r.status))
            found = Anchor(
                True,
                self.draft.span(inf.start),
                self.draft.span(max(inf.end - 1, inf.start)),
                self.draft.text[inf.start : inf.end],
                matched=inf.figures,
            )
            out.append(r._replace(anchor=found))
        return out

    def changed_figures(self, claim_id: str, inside: list[Mention], against: set[int]) -> list[Mismatch]:
        """The figures the claim's `says` has and the draft no longer does (its words found
        with other figures); ``against``: figures already reported as contradicting it."""
        out: list[Mismatch] = []
        own = self.changed[claim_id]
        for m, was in zip(inside, own) if len(own) == len(inside) else ():
            # the same figure written otherwise ('May 10, 2025' for '10 May 2025') is no change
            if m.start not in against and not same_figure(m, was):
                out.append(Mismatch(self.draft.span(m.start), m.show(), was.show(), "says"))
                self.contradicting.setdefault(m.start, []).append(claim_id)
        return out

    def report(self, require_coverage: bool, detail: bool) -> DraftReport:
        """What the claims cover of the draft; with ``detail``, every figure and its claims."""
        draft, mentions = self.draft, self.mentions
        left = [m for m in mentions if m.start not in self.covered and m.start not in self.ignored]
        words = sentence_words(draft.text, mentions, (m.start for m in left))
        uncovered = tuple(Uncovered(draft.span(m.start), m.show(), m.kind, words[m.start]) for m in left)
        report = DraftReport(
            path=draft.path,
            claims=len(self.passages),
            located=sum(1 for p in self.passages.values() if p),
            figures=len(mentions),
            covered=len(self.covered),
            ignored=len(self.ignored),
            uncovered=uncovered,
            required=require_coverage,
        )
        if detail:
            report = report._replace(source=draft.source, markdown=draft.markdown, figure_details=self.details())
        return report

    def details(self) -> tuple[DraftFigure, ...]:
        """Every figure of the draft, with the claims whose passage holds it, agree with
        it and contradict it."""
        draft = self.draft
        holding: dict[int, list[str]] = {}
        for claim_id, where in self.passages.items():
            if claim_id in self.own:
                for start in self.own[claim_id]:
                    holding.setdefault(start, []).append(claim_id)
                continue
            for m in self.within(*where) if where else ():
                holding.setdefault(m.start, []).append(claim_id)
        return tuple(
            DraftFigure(
                m.start,
                m.end,
                draft.span(m.start),
                draft.text[m.start : m.end],
                m.kind,
                claims=tuple(holding.get(m.start, ())),
                agrees=tuple(self.agreeing.get(m.start, ())),
                contradicts=tuple(dict.fromkeys(self.contradicting.get(m.start, ()))),
                ignored=m.start in self.ignored,
                unit=m.unit_text if m.kind in ("number", "range") and not m.fraction else "",
            )
            for m in self.mentions
        )


_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？；]|\n\s*\n")


def sentence_words(text: str, mentions: list[Mention], at: Iterable[int]) -> dict[int, str]:
    """For each figure starting at an offset of ``at``: the words of its sentence without
    any figure, lower case and single-spaced, which stay the same when only a figure of
    the sentence changes. One pass over the text for the sentence ends, and each
    sentence's words made once however many figures it holds (a draft of one sentence
    and thousands of figures is linear, not quadratic)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    starts = [m.start for m in mentions]
    out: dict[int, str] = {}
    made: dict[int, str] = {}  # sentence (its index) -> its words
    for pos in at:
        k = bisect_right(ends, pos)
        if k not in made:
            start = ends[k - 1] if k else 0
            end = ends[k] if k < len(ends) else len(text)
            pieces, i = [], start
            for m in mentions[bisect_left(starts, start) : bisect_left(starts, end)]:
                pieces.append(text[i : max(i, m.start)])
                i = max(i, m.end)
            pieces.append(text[i:end])
            made[k] = " ".join(re.findall(r"[^\W\d_]+", "".join(pieces).lower()))
        out[pos] = made[k]
    return out


def _stale(r: Result, folded: Folded) -> Result:
    draft, budget = folded.draft, folded.budget
    spent = budget.comparisons <= 0
    near = folded.closest(r.claim.says or "")
    if near is None:
        anchor_ = Anchor(False)
        if spent or budget.comparisons <= 0:
            text = (
                f"stale: the draft no longer says “{_short(r.claim.says or '')}” (no closest passage: the search's "
                f"budget of {CLOSEST_COMPARISONS:,} comparisons and {CLOSEST_WORDS:,} words a run is spent)"
            )
        else:
            text = "stale: the draft does not say this (the draft has no text)"
        return _failed(r, text, None, anchor_, "stale-says")
    a, b, ratio = near
    passage = " ".join(draft.text[a:b].split())
    anchor_ = Anchor(False, draft.span(a), draft.span(b - 1), passage, similarity=round(ratio, 4))
    text = (
        f"stale: the draft no longer says “{_short(r.claim.says or '')}”; the closest passage, "
        f"at {draft.span(a)}, is {ratio:.0%} alike: “{_short(passage)}”"
    )
    return _failed(r, text, None, anchor_, "stale-says")


def _failed(r: Result, text: str, span: Any, anchor_: Anchor, code: str) -> Result:
    """The claim fails on the draft. A claim that already failed or could not be
    computed keeps its own message, with the draft's finding as a hint."""
    if r.status in (Status.FAIL, Status.ERROR):
        return r._replace(anchor=anchor_, hints=(*r.hints, Hint(code, text)))
    return r._replace(status=Status.FAIL, message=text, span=span or r.span, anchor=anchor_, basis=None)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
