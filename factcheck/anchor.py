"""Anchoring claims in the article draft: locate, match, cover.

1. **Locate.** Each claim's ``says`` is looked for in the draft's reading text, both
   folded by ``draft.normalize`` (case, whitespace, quotes, dashes, Markdown). A claim
   whose words are not there is stale: ``fail``, with the closest passage and how
   alike it is.
2. **Match.** The figures of a located passage (``prose.read``) are set against the
   figures the claim uses: its stated value, the literals of its check and the facts
   the check reaches. A draft figure *agrees* with a claim figure when, after unit
   conversion, either one's point lies within what the other's digits stand for
   ("136.1 billion" agrees with 136.09 billion; "2.4 years" does not with 2.5 years).
   Signs are left to the words ("fell 10 points" against -10 pp). A draft figure that
   agrees with none, where a figure of the same kind in the claim is agreed by none,
   contradicts the nearest such figure: the claim fails, with both shown.
3. **Cover.** Every figure of the draft should stand in some claim's passage (a
   sourced claim covers its figures by citing them) or in a passage listed under
   ``ignore_figures``; the rest are ``uncovered``.

Kinds compare as an editor reads them: a year with years (and the year of a date), a
date with dates on the fields it gives ("May 10th" has no year), an ordinal with plain
numbers and with years ("20th anniversary" against 20 years), a fraction ("a third")
with plain numbers and percentages, a percentage with percentages only (never with
points), an amount with amounts of a compatible unit; an amount against a rate
("157.479 billion yuan" against 157.479 billion CNY/year) compares per unit of time.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck import quantity as q
from factcheck.draft import Draft, normalize, plain
from factcheck.errors import ExprError
from factcheck.expr import DateLit, Evaluator, Name, Node, Num, names_in
from factcheck.model import (
    Anchor,
    Claim,
    Document,
    DraftFigure,
    DraftReport,
    Hint,
    Mismatch,
    Problem,
    Result,
    Status,
    Uncovered,
)
from factcheck.prose import Mention, read


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure a claim uses, as claims.yaml writes it."""

    label: str  # 'stated', 'check' or a fact's name
    text: str
    value: Any  # q.Value | q.DateValue


# --------------------------------------------------------------------------- the draft, folded


_FIGURE = "\x00"  # what a figure folds to when only the words are compared


def _masked(text: str, mentions: list[Mention]) -> tuple[str, list[int]]:
    """The text with each figure replaced by one placeholder, and the way back."""
    chars: list[str] = []
    index: list[int] = []
    i = 0
    for m in mentions:
        chars += text[i : m.start]
        index += range(i, m.start)
        chars.append(_FIGURE)
        index.append(m.start)
        i = m.end
    chars += text[i:]
    index += range(i, len(text))
    return "".join(chars), index


class Folded:
    """The draft's reading text folded for matching, with the way back to the text."""

    def __init__(self, draft: Draft, mentions: list[Mention]) -> None:
        self.draft = draft
        self.text, self.index = normalize(draft.text)
        masked, back = _masked(draft.text, mentions)
        folded, index = normalize(masked)
        self.masked = folded
        self.masked_index = [back[i] for i in index]
        self.masked_ends = {m.start: m.end for m in mentions}
        self._words: list[str] | None = None  # for closest(), made on first use
        self._starts: list[int] = []

    def find_words(self, says: str) -> tuple[int, int, list[Mention]] | None:
        """Where ``says`` stands with its figures changed: the words alike, the figures
        not. (start, end, the figures of ``says``), or None."""
        text = plain(says)
        own = read(text)
        if not own:
            return None
        needle, _ = normalize(_masked(text, own)[0])
        i = self.masked.find(needle)
        if i < 0:
            return None
        a = self.masked_index[i]
        last = self.masked_index[i + len(needle) - 1]
        b = self.masked_ends.get(last, last + 1) if needle.endswith(_FIGURE) else last + 1
        return a, b, own

    def find(self, says: str, markdown: bool = True) -> tuple[int, int] | None:
        """(start, end) of ``says`` in the draft's reading text, or None."""
        needle, _ = normalize(plain(says) if markdown else says)
        if not needle:
            return None
        i = self.text.find(needle)
        if i < 0:
            return None
        return self.index[i], self.index[i + len(needle) - 1] + 1

    def closest(self, says: str) -> tuple[int, int, float] | None:
        """The passage most like ``says``: (start, end, similarity 0..1)."""
        import difflib
        import heapq

        needle, _ = normalize(plain(says))
        needle = needle[:CLOSEST_CHARS].rstrip()  # a 1,000-word `says` is compared by its start
        words = needle.split(" ")
        if not needle or not self.text or BUDGET.comparisons <= 0:
            return None
        if self._words is None:
            self._words = [_key(w) for w in self.text.split(" ")]
            self._starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == " "]
        keys, starts = self._words, self._starts
        if BUDGET.words < len(keys):
            BUDGET.comparisons = 0  # spent: the claims left are told so
            return None
        BUDGET.words -= len(keys)
        k = len(words)
        # a first pass by shared words (not the little ones every passage has) picks
        # where to look; difflib then measures
        wanted = {_key(w) for w in words} - {""}
        hits = [1 if w in wanted else 0 for w in keys]
        scores, run = [], sum(hits[:k])
        for s in range(len(keys)):
            scores.append((run, -s))
            run += (hits[s + k] if s + k < len(hits) else 0) - hits[s]
        best: tuple[float, int, int] = (-1.0, 0, 0)
        for _, neg in heapq.nlargest(24, scores):
            s = -neg
            # a few widths around the length of `says`, none running past the end
            for width in sorted({min(w, len(keys) - s) for w in range(max(1, k - 3), k + 4)}):
                a = starts[s]
                b = starts[s + width] - 1 if s + width < len(starts) else len(self.text)
                matcher = difflib.SequenceMatcher(None, needle, self.text[a:b], autojunk=False)
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue  # cannot beat the best: its exact measure is not needed
                if BUDGET.comparisons <= 0:
                    break
                BUDGET.comparisons -= 1
                ratio = matcher.ratio()
                if ratio > best[0]:
                    best = (ratio, a, b)
        ratio, a, b = best
        if ratio < 0:
            return None
        return self.index[a], self.index[max(b - 1, a)] + 1, ratio


#: the most characters of a `says` the closest-passage search compares
CLOSEST_CHARS = 200
#: exact comparisons (difflib's ratio) the closest-passage search makes in one run
CLOSEST_COMPARISONS = 500
#: words of the draft the search scans in one run (a 2 MB draft is about 350,000)
CLOSEST_WORDS = 2_000_000


class _Budget:
    """What is left of a run's budgets (reset by the engine at the start of each run)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.comparisons = CLOSEST_COMPARISONS
        self.words = CLOSEST_WORDS


BUDGET = _Budget()


_LITTLE = set("a an and as at by for from in into is it its of on or the to was were with".split())


def _key(word: str) -> str:
    """A word as the search for the closest passage counts it: no punctuation, no little words."""
    w = word.strip(".,;:!?()[]\"'")
    return "" if w in _LITTLE or len(w) < 2 else w


# --------------------------------------------------------------------------- figures of a claim


def claim_figures(claim: Claim, ev: Evaluator, doc: Document) -> list[Figure]:
    """The stated value, the literals of the check and the facts it reaches (through
    other facts too), each evaluated; what cannot be evaluated is left out."""
    out: list[Figure] = []
    if claim.stated is not None:
        _add(out, "stated", claim.stated.text.strip(), lambda: ev.eval(claim.stated.node))
    if claim.check is None:
        return out
    for node in _literals(claim.check.node):
        text = claim.check.text[node.start : node.end]
        _add(out, "check", text, lambda node=node: ev.eval(node))
    seen: set[str] = set()
    todo = sorted(names_in(claim.check.node) & doc.facts.keys())
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        fact = doc.facts[name]
        _add(out, name, fact.expr.text.strip(), lambda name=name: ev.fact(name))
        if not isinstance(fact.expr.node, (Num, DateLit)):
            for node in _literals(fact.expr.node):
                _add(out, name, fact.expr.text[node.start : node.end], lambda node=node: ev.eval(node))
            todo += sorted(names_in(fact.expr.node) & doc.facts.keys())
    return out


def _add(out: list[Figure], label: str, text: str, value: Any) -> None:
    try:
        v = value()
    except (ExprError, q.QuantityError, ArithmeticError):
        return
    if isinstance(v, (q.Value, q.DateValue)):
        out.append(Figure(label, text, v))


def _literals(node: Node) -> Iterable[Node]:
    stack: list[Node] = [node]
    found: list[Node] = []
    while stack:
        n = stack.pop()
        if isinstance(n, (Num, DateLit)):
            found.append(n)
        elif isinstance(n, Name):
            continue
        else:
            for attr in ("operand", "left", "right"):
                child = getattr(n, attr, None)
                if child is not None:
                    stack.append(child)
            stack.extend(getattr(n, "args", ()))
    return sorted(found, key=lambda n: n.start)


# --------------------------------------------------------------------------- kinds and agreement


def _figure_kind(f: Figure) -> str:
    v = f.value
    if isinstance(v, q.DateValue):
        return "date"
    if q.is_plain(v.unit):
        p = v.point
        return "year" if p.denominator == 1 and 1000 <= p <= 2999 else "plain"
    if q.is_percent(v.unit):
        return "percent"
    if q.in_points(v.unit):  # percentage points, basis points
        return "pp"
    return "unit"


def _mention_kind(m: Mention) -> str:
    if m.kind in ("date", "year", "ordinal"):
        return m.kind
    v = m.value if m.value is not None else m.ends[0].value  # type: ignore[index]
    if m.kind == "range" and m.ends and m.ends[0].kind == "year":
        return "year"
    if m.fraction:
        return "fraction"
    assert v is not None
    if q.is_plain(v.unit):
        return "plain"
    if q.is_percent(v.unit):
        return "percent"
    if q.in_points(v.unit):  # percentage points, basis points
        return "pp"
    return "unit"


#: mention kind -> figure kinds it can agree with; the cross-kind pairs marked False
#: may agree but never contradict (a year against the year of a date)
_COMPARES: dict[str, dict[str, bool]] = {
    "date": {"date": True, "year": False},
    "year": {"year": True, "date": False},
    "ordinal": {"plain": True, "unit": True},
    "fraction": {"plain": True, "percent": True},
    "plain": {"plain": True, "unit": False},  # '15.8 billion' for 15.8125 billion shares
    "percent": {"percent": True},
    "pp": {"pp": True},
    "unit": {"unit": True},
}


def _abs(v: q.Value) -> q.Value:
    return q.neg(v) if v.point < 0 else v


def _as(m: q.Value, f: q.Value) -> tuple[q.Value, q.Value] | None:
    """The mention's value in the figure's unit (a rate compared per its time unit)."""
    try:
        return q.convert(m, f.unit), f
    except q.QuantityError:
        pass
    for name, exp in f.unit.exponents.items():
        if exp == -1 and name in q.TIME_UNITS:
            per = q.mul(f, q.exact(Fraction(1), q.unit(name)))
            try:
                return q.convert(m, per.unit), per
            except q.QuantityError:
                return None
    return None


def _values_agree(m: q.Value, f: q.Value) -> bool:
    pair = _as(m, f)
    if pair is None:
        return False
    a, b = _abs(pair[0]), _abs(pair[1])
    return b.iv.contains(a.point) or a.iv.contains(b.point)


def _value_of(m: Mention, f: Figure) -> q.Value | None:
    """The mention as a value comparable with the figure (an ordinal as years, say)."""
    v = m.value
    if v is None:
        return None
    if m.kind == "ordinal" and isinstance(f.value, q.Value) and q.is_time(f.value.unit):
        return q.with_unit(v, q.unit("year"))
    if m.kind == "ordinal" and isinstance(f.value, q.Value) and not q.is_plain(f.value.unit):
        return None
    return v


def agrees(m: Mention, f: Figure) -> bool:
    mk, fk = _mention_kind(m), _figure_kind(f)
    if fk not in _COMPARES[mk]:
        return False
    fv = f.value
    if isinstance(fv, q.DateValue):
        y, mo, d = m.when if m.when else (int(m.value.point), None, None)  # type: ignore[union-attr]
        day = fv.day
        return (y is None or y == day.year) and (mo is None or mo == day.month) and (d is None or d == day.day)
    if m.kind == "date":
        return m.when is not None and m.when[0] is not None and Fraction(m.when[0]) == fv.point
    if m.kind == "range":
        lo, hi = m.ends  # type: ignore[misc]
        if agrees(lo, f) or agrees(hi, f):
            return True
        pair_lo, pair_hi = _as(lo.value, fv), _as(hi.value, fv)  # type: ignore[arg-type]
        if pair_lo is None or pair_hi is None:
            return False
        low, high, target = pair_lo[0].iv.lo, pair_hi[0].iv.hi, pair_lo[1].point
        return low is not None and high is not None and low <= target <= high
    v = _value_of(m, f)
    if v is not None and mk == "plain" and fk == "unit":
        # the unit left unsaid ('diluted shares of 15.8 billion'): the numbers agree in the
        # figure's own unit, for a figure written with its magnitude (never a bare '3')
        if v.mag is None:
            return False
        v = q.with_unit(v, fv.unit)
    return v is not None and _values_agree(v, fv)


def _distance(m: Mention, f: Figure) -> Fraction:
    """How far apart, relatively: which claim figure a contradicting draft figure stands for."""
    fv = f.value
    if isinstance(fv, q.DateValue):
        if m.when is None:
            return Fraction(10**9)
        y, mo, d = m.when
        return Fraction(abs((y or fv.day.year) - fv.day.year) * 400 + abs(mo - fv.day.month) * 31 + abs((d or fv.day.day) - fv.day.day))
    v = _value_of(m, f) if m.kind != "range" else m.ends[0].value  # type: ignore[index]
    pair = _as(v, fv) if v is not None else None
    if pair is None:
        return Fraction(10**9)
    a, b = abs(pair[0].point), abs(pair[1].point)
    return abs(a - b) / max(b, Fraction(1, 10**9))


def same_figure(a: Mention, b: Mention) -> bool:
    """Two figures of prose that say the same: same kind, same value (or date, or ends)."""
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return a.when == b.when
    if a.kind == "range":
        return all(same_figure(x, y) for x, y in zip(a.ends or (), b.ends or ()))
    if a.value is None or b.value is None:
        return False
    pair = _as(a.value, b.value)
    return pair is not None and pair[0].point == pair[1].point and (a.fraction == b.fraction)


# --------------------------------------------------------------------------- the passage of one claim


def match(
    mentions: list[Mention], figures: list[Figure], meant: dict[int, Mention] | None = None
) -> tuple[list[Mention], list[tuple[Mention, Figure]]]:
    """(agreeing mentions, contradictions as (mention, figure)). ``meant``: for a draft
    figure (by its start), the figure the claim's `says` has in its place; a draft
    figure that contradicts the claim is paired with a claim figure that agrees with
    what the `says` had there (the figure the draft changed), before the nearest one."""
    agreed_m: list[Mention] = []
    used: set[int] = set()
    loose: list[Mention] = []
    for m in mentions:
        hits = [i for i, f in enumerate(figures) if agrees(m, f)]
        if hits:
            agreed_m.append(m)
            used.update(hits)
        else:
            loose.append(m)
    left = [i for i in range(len(figures)) if i not in used]
    contradictions: list[tuple[Mention, Figure]] = []
    for m in loose:
        mk = _mention_kind(m)
        slip = _points_slip(m, mk, [figures[i] for i in left])
        if slip is not None:  # 'fell 10%' where the claim states -10 pp
            left.remove(next(i for i in left if figures[i] is slip))
            contradictions.append((m, slip))
            continue
        strict = [i for i in left if _COMPARES[mk].get(_figure_kind(figures[i]))]
        if mk == "ordinal":  # an ordinal stands for a count or a number of years, never an amount
            strict = [i for i in strict if _figure_kind(figures[i]) == "plain" or q.is_time(figures[i].value.unit)]
        elif mk == "unit":
            strict = [i for i in strict if _as(m.value, figures[i].value) is not None]  # type: ignore[arg-type]
        if not strict:
            continue
        was = (meant or {}).get(m.start)
        replaced = [i for i in strict if was is not None and agrees(was, figures[i])]
        best = min(replaced or strict, key=lambda i: (_distance(m, figures[i]), i))
        left.remove(best)
        contradictions.append((m, figures[best]))
    return agreed_m, contradictions


def _points_slip(m: Mention, mk: str, figures: list[Figure]) -> Figure | None:
    """A percentage where the claim has the same number of percentage points (or the
    reverse): the figure it stands for, written in the other unit."""
    other = {"percent": "pp", "pp": "percent"}.get(mk)
    if other is None or m.value is None:
        return None
    for f in figures:
        if _figure_kind(f) == other and abs(f.value.point) == abs(m.value.point):
            return f
    return None


# --------------------------------------------------------------------------- the whole draft


def anchor(
    doc: Document,
    results: list[Result],
    draft: Draft,
    ev: Evaluator,
    require_coverage: bool = False,
    detail: bool = False,
    inferred: Callable[[Draft, list[Mention]], list[Result]] | None = None,
) -> tuple[list[Result], DraftReport, list[Problem]]:
    """Locate every claim of the document in the draft, match the figures of the
    selected ones (``results``), and count what the claims cover. The problems are
    entries of ``ignore_figures`` that the draft does not hold. ``detail``: the report
    keeps the draft's text and every figure with the claims it bears on.

    ``inferred(draft, figures)``: the results of the claims inferred from the draft
    (``factcheck.infer``), given the figures read here (one reading of the draft); they
    are placed where they were read and cover their own figures, and one whose stated
    figure a written claim already agrees with is left out (no claim twice)."""
    placing = _Placing(doc, draft)
    placing.locate()
    problems = placing.ignore()
    out = [placing.result(r, ev) for r in results]
    if inferred is not None:
        out += placing.inferred(inferred(draft, placing.mentions))
    return out, placing.report(require_coverage, detail), problems


def _read_draft(draft: Draft) -> tuple[list[Mention], Folded, list[int]]:
    """The figures of a draft and its folded text: once a run for a draft that several
    claims files share (the engine reads such a draft once, into one Draft)."""
    cached = _DRAFTS.get(id(draft))
    if cached is None or cached[0] is not draft:
        mentions = read(draft.text)
        cached = (draft, mentions, Folded(draft, mentions), [m.start for m in mentions])
        _DRAFTS.clear()  # the last draft only: claims files that share one come one after another
        _DRAFTS[id(draft)] = cached
    return cached[1], cached[2], cached[3]


_DRAFTS: dict[int, tuple[Draft, list[Mention], Folded, list[int]]] = {}


def forget() -> None:
    """Let the last draft go (each run starts without it)."""
    _DRAFTS.clear()


class _Placing:
    """One draft and one claims file: where each claim stands, and what each figure of
    the draft is to the claims (covered, ignored, agreed with, contradicted)."""

    def __init__(self, doc: Document, draft: Draft) -> None:
        self.doc, self.draft = doc, draft
        self.mentions, self.folded, self.starts = _read_draft(draft)
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
        from bisect import bisect_left

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
        for m in agreed:
            self.agreeing.setdefault(m.start, []).append((c.id, r.status))
        for m, _ in contradictions:
            self.contradicting.setdefault(m.start, []).append(c.id)
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
    the sentence changes. One pass over the text for the sentence ends."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    starts = [m.start for m in mentions]
    out: dict[int, str] = {}
    for pos in at:
        k = bisect_right(ends, pos)
        start = ends[k - 1] if k else 0
        end = ends[k] if k < len(ends) else len(text)
        pieces, i = [], start
        for m in mentions[bisect_left(starts, start) : bisect_left(starts, end)]:
            pieces.append(text[i : max(i, m.start)])
            i = max(i, m.end)
        pieces.append(text[i:end])
        out[pos] = " ".join(re.findall(r"[^\W\d_]+", "".join(pieces).lower()))
    return out


def _stale(r: Result, folded: Folded) -> Result:
    draft = folded.draft
    spent = BUDGET.comparisons <= 0
    near = folded.closest(r.claim.says or "")
    if near is None:
        anchor_ = Anchor(False)
        if spent or BUDGET.comparisons <= 0:
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
