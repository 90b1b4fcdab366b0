"""The data that flows one way: claims (with positions) -> verdicts -> report.

Everything here is an immutable record; nothing here computes or prints. Records are
named tuples rather than frozen dataclasses: a run makes them by the hundred thousand
and every start defines them, and a frozen dataclass costs twice as much to make and
ten times as much to define (docs/performance.md). Change one
with ``record._replace(field=...)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

#: the default of a record's mappings: shared, so it cannot be changed
EMPTY: Mapping[str, Any] = MappingProxyType({})


class Span(NamedTuple):
    """A 1-based position in a file. Made once, when loading; nothing downstream adds 1."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"
    UNCHECKED = "unchecked"


#: Report order: worst first is not wanted (file order is kept), but summaries list these in this order.
STATUSES = tuple(Status)


class Basis(StrEnum):
    EXACT = "exact"
    PRECISION = "precision"
    TOLERANCE = "tolerance"
    BOUND = "bound"  # an inequality that holds between unequal values
    ROUNDING = "rounding"


class Compare(StrEnum):
    APPROX = "≈"
    EQUAL = "="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="


#: every way a claims file may write a comparison, each read as the one it names (the
#: schema lists the same words). `==` is not one: whether it means exact or approximate
#: equality is for the editor to say (loader: "write `=` … or leave compare out").
COMPARE_ALIASES = {
    "≈": Compare.APPROX,
    "~": Compare.APPROX,
    "approx": Compare.APPROX,
    "=": Compare.EQUAL,
    "exact": Compare.EQUAL,
    "<": Compare.LT,
    "<=": Compare.LE,
    "≤": Compare.LE,
    ">": Compare.GT,
    ">=": Compare.GE,
    "≥": Compare.GE,
}


class Expr(NamedTuple):
    """An expression as written in the file, with where it starts.

    ``span`` is the position of the first character of ``text``. When the text sat on
    one line of the file (``single_line``), a character offset maps to an exact column;
    otherwise positions fall back to the start of the value. Once a claim is judged in a
    run that keeps no detail (an archive of claims), only the text is kept: ``node``
    and ``span`` are None.
    """

    text: str
    span: Span | None
    node: Any  # factcheck.expr.Node; Any keeps this module free of imports
    single_line: bool = True

    @property
    def place(self) -> Span:
        """Where the expression is in its file (one read from a file always has a place)."""
        assert self.span is not None
        return self.span

    def at(self, offset: int) -> Span:
        assert self.span is not None, "an expression read from a file has its place"
        if not self.single_line:
            return self.span
        return Span(self.span.path, self.span.line, self.span.col + offset)


class Origin(NamedTuple):
    """Where a fact read from a filing comes from: the filing's fact that gave its value."""

    #: the filing as reports show paths (relative to the working folder when inside it)
    filing: str
    concept: str
    #: '2022-09-25/2023-09-30', '2023-09-30' (an instant) or 'forever'
    period: str
    #: sorted (axis, member) pairs
    dimensions: tuple[tuple[str, str], ...]
    #: an int, 'INF', or None (the filing gives none: the value is exact)
    decimals: int | str | None
    #: the figure as the claims language writes it: '96,995 million USD'
    written: str
    #: where the fact stands in the filing
    line: int

    def __str__(self) -> str:
        """'filing aapl-20230930.xbrl.xml, us-gaap:NetIncomeLoss, 2022-09-25/2023-09-30, decimals -6'."""
        name = self.filing.rpartition("/")[2]
        dims = "".join(f", {a}={m}" for a, m in self.dimensions)
        decimals = "none (exact)" if self.decimals is None else self.decimals
        return f"filing {name}, {self.concept}, {self.period}{dims}, decimals {decimals}"


class Fact(NamedTuple):
    name: str
    span: Span
    expr: Expr
    source: str | None = None
    as_of: str | None = None
    note: str | None = None
    exact: bool = False
    #: a fact read from a filing: which fact of which filing (its value is ``expr``)
    origin: Origin | None = None
    #: the fact's written ``value:`` disagrees with its filing: both, in one sentence
    mismatch: str | None = None


class Suppression(NamedTuple):
    """Why a claim's finding does not count: its own ``ignore:`` or an entry of a baseline.

    ``span`` is where the suppression is written (the ``ignore`` key, or the baseline entry).
    """

    kind: str  # "ignore" | "baseline"
    reason: str
    until: str | None = None  # ISO date, inclusive; for "ignore" only
    span: Span | None = None


class Inferred(NamedTuple):
    """What makes a claim inferred from the draft (``factcheck.infer``) rather than written."""

    kind: str  # growth, change, share, sum, total, ratio, cagr, elapsed, difference
    rule: str  # the rule that read it
    figures: tuple[str, ...]  # the draft's figures it uses, as written
    #: offsets in the draft's reading text: each figure's start, the passage, the stated figure
    starts: tuple[int, ...] = ()
    start: int = 0
    end: int = 0
    stated_at: int = 0


class Traced(NamedTuple):
    """A figure of the draft traced to a filing's fact (``verify --filing``): the fact it
    was found to be (``traced``), to be shown by value alone (``value``), or that it
    contradicts (``contradicted``)."""

    status: str  # traced, value, contradicted
    #: the concept's key in the words table ("revenue"), "" when traced by value
    key: str
    #: the words of the draft that named it ("net sales")
    words: str
    concept: str  # us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax
    period: str  # 2023-10-01/2024-09-28, or an instant
    dimensions: tuple[tuple[str, str], ...]
    value: str  # as the claims language writes it: 391,035 million USD
    decimals: int | str | None
    filing: str  # its path as shown
    line: int
    figure: str  # the draft's figure as written


class TracedFigure(NamedTuple):
    """A figure of the draft that no fact of the filings traces (``verify --filing``)."""

    span: Span
    text: str
    why: str
    key: str = ""  # the concept its words name, if any


class TraceSummary(NamedTuple):
    """What the filings say of a draft's figures: the counts, and the untraced ones."""

    filings: tuple[str, ...]
    figures: int
    traced: int
    contradicted: int
    by_value: int
    untraced: tuple[TracedFigure, ...] = ()


class Claim(NamedTuple):
    id: str
    span: Span
    says: str | None = None
    check: Expr | None = None
    stated: Expr | None = None
    compare: Compare = Compare.APPROX
    tolerance: Expr | None = None
    severity: str = "error"
    source: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    ignore: Suppression | None = None
    #: set for a claim inferred from the draft's own wording
    inferred: Inferred | None = None
    #: a figure of the draft traced to a filing (``verify --filing``)
    traced: Traced | None = None


class Settings(NamedTuple):
    tolerance: Expr | None = None
    rounding_only: Status = Status.WARN
    rates: tuple[tuple[str, Expr], ...] = ()
    #: check the relations the draft states too (``factcheck.infer``)
    infer: bool = False
    #: what an inferred claim that holds only through its inputs' rounding is: a published
    #: text computed on unrounded numbers, so pass (``--strict``: warn)
    infer_rounding_only: Status = Status.PASS
    #: ``max_age: 18 months`` as (18, 'month'); a fact older than this is stale
    max_age: tuple[int, str] | None = None


class Problem(NamedTuple):
    """A file-level finding: the file (or part of it) could not be read as a claims file."""

    span: Span
    code: str
    message: str


class Document(NamedTuple):
    """One loaded claims file. Claims with problems are left out of ``claims``."""

    path: str
    article: Mapping[str, str] = EMPTY
    settings: Settings = Settings()
    facts: Mapping[str, Fact] = EMPTY
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()
    #: facts that could not be used (syntax error, cycle): name -> why
    broken_facts: Mapping[str, str] = EMPTY
    #: where each key of ``article`` was written (``article.draft`` problems point there)
    article_spans: Mapping[str, Span] = EMPTY
    #: ``ignore_figures``: passages of the draft whose figures need no claim, with their places
    ignore_figures: tuple[tuple[str, Span], ...] = ()


class Shown(NamedTuple):
    """A value as a report shows it: the point, its interval, unit and text."""

    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    text: str


class Hint(NamedTuple):
    code: str
    message: str


class Step(NamedTuple):
    """One node of a computation, for ``explain`` and the html report: the expression as
    written, its value, the interval the rounding of its inputs allows, and the steps it
    was computed from (a fact's own expression included)."""

    label: str  # 'capex_plan / net_profit_fy2024'
    value: Shown | None  # None when it could not be computed (``error`` says why)
    children: tuple[Step, ...] = ()
    #: '[379.5 to 380.5 billion CNY]', 'exact', or '' for a date
    interval: str = ""
    #: where a fact is written and where its figure comes from: 'fact, claims.yaml:91:3; source: …'
    note: str = ""
    error: str = ""
    #: children left out (a very long expression is shown in part)
    omitted: int = 0


class Mismatch(NamedTuple):
    """A figure of the draft that contradicts a figure the claim uses."""

    span: Span  # in the draft
    draft_text: str  # '390 billion yuan'
    claims_text: str  # '380 billion CNY'
    label: str  # 'capex_plan', 'stated', 'check'


class Anchor(NamedTuple):
    """Where a claim's ``says`` stands in the article draft (or the closest passage)."""

    found: bool
    span: Span | None = None
    end: Span | None = None
    passage: str | None = None
    #: for a claim not found: how alike the closest passage is, 0 to 1
    similarity: float | None = None
    #: draft figures of the passage that agree with a figure of the claim
    matched: tuple[str, ...] = ()
    mismatches: tuple[Mismatch, ...] = ()


class Uncovered(NamedTuple):
    """A figure of the draft in no claim's passage."""

    span: Span
    text: str
    kind: str
    #: the words of its sentence without their figures, lower case: with ``text``, what
    #: a baseline keys an accepted uncovered figure on (a changed figure is a new one)
    context: str = ""
    #: set when a baseline entry accepts it (it no longer fails --require-coverage)
    suppressed: Suppression | None = None


class DraftFigure(NamedTuple):
    """A figure of the draft and the claims it bears on, for the html report.

    ``start``/``end`` are offsets in the draft's reading text (``draft.from_text``)."""

    start: int
    end: int
    span: Span
    text: str
    kind: str
    #: claims whose passage holds the figure
    claims: tuple[str, ...] = ()
    #: claims the figure agrees with (a figure the claim uses), each with the status of
    #: its computation, before the draft was read: a claim that fails only because
    #: another figure of its passage contradicts it does not fail this one, and an input
    #: of a claim whose computation fails is ``pass`` (the claim fails on its stated figure)
    agrees: tuple[tuple[str, Status], ...] = ()
    #: claims the figure contradicts
    contradicts: tuple[str, ...] = ()
    #: in a passage of ``ignore_figures`` (and no claim's)
    ignored: bool = False
    #: the figure's unit as the page names it ('USD', 'CNY/share', '%'; '' for a plain number)
    unit: str = ""


class DraftReport(NamedTuple):
    """What anchoring the claims in the draft found: located claims and coverage."""

    path: str
    claims: int  # claims with `says`
    located: int
    figures: int
    covered: int
    ignored: int
    uncovered: tuple[Uncovered, ...] = ()
    #: --require-coverage: uncovered figures fail the run
    required: bool = False
    #: only when a report asks for detail (``engine.run(detail=True)``): the draft's file
    #: text, whether it is Markdown, and every figure with its claims
    source: str | None = None
    markdown: bool = True
    figure_details: tuple[DraftFigure, ...] = ()

    @property
    def share(self) -> float:
        counted = self.figures - self.ignored
        return 1.0 if counted <= 0 else self.covered / counted


class Difference(NamedTuple):
    """Computed minus stated: absolute (in the stated unit) and relative to |stated|.
    Read as ``d.absolute`` or, as the JSON report names it, ``d["absolute"]``."""

    absolute: float | None
    relative: float | None

    def __getitem__(self, key: Any) -> Any:
        return getattr(self, key) if isinstance(key, str) else tuple.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)


class Result(NamedTuple):
    claim: Claim
    status: Status
    message: str
    basis: Basis | None = None
    computed: Shown | None = None
    stated: Shown | None = None
    difference: Difference | None = None
    hints: tuple[Hint, ...] = ()
    #: where the message points (an error inside an expression points at its column)
    span: Span | None = None
    #: set when an ``ignore:`` or a baseline entry keeps this finding from counting
    suppressed: Suppression | None = None
    #: where the claim stands in the article draft, when there is a draft
    anchor: Anchor | None = None
    #: the computation step by step, as ('check', Step) and ('stated', Step); only when a
    #: report asks for detail (``engine.run(detail=True)``), so that other reports pay nothing
    steps: tuple[tuple[str, Step], ...] = ()
    #: the facts read from filings the claim uses (through other facts too), by name
    provenance: tuple[tuple[str, Origin], ...] = ()

    @property
    def where(self) -> Span:
        return self.span or self.claim.span


class FileReport(NamedTuple):
    document: Document
    results: tuple[Result, ...]
    draft: DraftReport | None = None
    #: the draft's figures traced to the filings (``verify --filing``)
    trace: TraceSummary | None = None


class Report(NamedTuple):
    files: tuple[FileReport, ...]
    #: findings that never fail a run: unused or expired ignores, stale baseline entries
    notices: tuple[Problem, ...] = ()

    @property
    def results(self) -> list[Result]:
        return [r for f in self.files for r in f.results]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.document.problems]

    def counts(self) -> dict[str, int]:
        """Results by status; suppressed results are counted apart (``suppressed_count``)."""
        counts = {s.value: 0 for s in STATUSES}
        for r in self.results:
            if r.suppressed is None:
                counts[r.status.value] += 1
        return counts

    def suppressed_count(self) -> int:
        return sum(1 for r in self.results if r.suppressed is not None)

    def exit_code(self, fail_on: str = "error") -> int:
        """0 when nothing reaches the threshold, 1 otherwise; invalid files count
        unless the threshold is ``never``."""
        if fail_on == "never":
            return 0
        if self.problems:
            return 1
        if any(f.draft and f.draft.required and any(u.suppressed is None for u in f.draft.uncovered) for f in self.files):
            return 1
        bad = {Status.FAIL, Status.ERROR}
        if fail_on == "warning":
            bad.add(Status.WARN)
        return 1 if any(r.status in bad and r.suppressed is None for r in self.results) else 0
