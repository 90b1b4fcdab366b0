"""run(paths) -> Report. Loads, evaluates, judges; never prints, never exits."""

from __future__ import annotations

import errno
import gc
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from factcheck import quantity as q
from factcheck.errors import ExprError, UsageError
from factcheck.expr import Call, Evaluator
from factcheck.load import ClaimsFile
from factcheck.load.paths import OutsideRoot, given_option, inside_root, is_inside
from factcheck.load.source import display_path
from factcheck.load.yaml_events import article_draft
from factcheck.model import EMPTY, Claim, Document, Expr, Fact, FileReport, Problem, Report, Result, Span, Status, TraceSummary
from factcheck.provenance import Tracing
from factcheck.run import Run, RunOptions
from factcheck.verdict import Inputs, judge

CLAIMS_NAMES = ("claims.yaml", "claims.yml")
#: a path with one of these endings is an article draft, checked by inference alone
DRAFT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt")


def is_claims_file(name: str) -> bool:
    return name in CLAIMS_NAMES or name.endswith((".claims.yaml", ".claims.yml"))


def is_draft(path: str) -> bool:
    return path.lower().endswith(DRAFT_SUFFIXES)


#: folders a search for claims files and drafts never enters (dot folders neither)
SKIPPED_FOLDERS = ("node_modules", "__pycache__", "venv", "site-packages")
#: files of a repository that are not articles, though written in Markdown or text
NOT_ARTICLES = ("readme", "changelog", "contributing", "license", "licence", "copying", "security",
                "code_of_conduct", "authors", "notice", "requirements")


def is_article(name: str) -> bool:
    """A draft's file name that is an article's: not README.md, CHANGELOG.md, LICENSE.txt,
    requirements.txt and the like, which a folder of articles may hold beside them."""
    return is_draft(name) and not name.lower().startswith(NOT_ARTICLES)


def discover(paths: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """Files to check. A folder means every claims file (claims.yaml, *.claims.yaml) under
    it and every article draft (.md, .markdown, .txt) no claims file of the run names as
    its ``article.draft`` (those are checked with their claims), nor ``exclude`` (--draft)."""
    if not paths:
        paths = ["claims.yaml"]
    out: list[str] = []
    found_drafts: set[str] = set()  # drafts found in a folder, not named on the command line
    for p in paths:
        if os.path.isdir(p):
            claims, drafts = _in_folder(p)
            out += sorted(claims + drafts)
            found_drafts.update(drafts)
        elif os.path.exists(p):
            out.append(p)
        else:
            hint = " (run `factcheck init` to write a starter claims.yaml)" if p == "claims.yaml" else ""
            raise UsageError(f"{p}: {_missing(p)}{hint}")
    if found_drafts:
        out = _without_named_drafts(out, found_drafts, exclude, paths)
    unique: dict[str, str] = {}
    for p in out:
        unique.setdefault(path_key(p), p)  # the first of the names of one file
    return [display_path(p) for p in unique.values()]


def _in_folder(folder: str) -> tuple[list[str], list[str]]:
    """The claims files and the drafts under a folder (hidden and skipped folders left out)."""
    claims, drafts = [], []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        for f in sorted(files):
            if is_claims_file(f):
                claims.append(os.path.join(root, f))
            elif is_article(f):
                drafts.append(os.path.join(root, f))
    if not claims and not drafts:
        raise UsageError(f"{folder}: no claims file (claims.yaml, *.claims.yaml) and no article draft (.md, .txt) in this folder")
    return claims, drafts


def path_key(path: str) -> str:
    """One key for one file, however it is named (links and case folded where the system folds them)."""
    return os.path.normcase(os.path.realpath(path))


def _without_named_drafts(paths: list[str], found: set[str], exclude: Sequence[str], given: Sequence[str]) -> list[str]:
    """``paths`` without the drafts found in folders that a claims file of the run names
    (its ``article.draft``, read alone from the file) or that ``--draft`` names. A claims
    file is read for its draft only where the run would read it (``_outside``: not through
    a link out of the repository, nor out of a folder ``given`` outside it)."""
    named = {path_key(e) for e in exclude}
    bases = _typed_outside(given)
    for p in paths:
        if is_claims_file(os.path.basename(p)) and _outside(p, p in given, bases) is None:
            draft = article_draft(p)
            if draft:
                named.add(path_key(os.path.join(os.path.dirname(p), draft)))
    return [p for p in paths if not (p in found and path_key(p) in named)]


def _missing(p: str) -> str:
    """Why a path that is not there is not there: a broken link is not a typo."""
    if os.path.islink(p):
        try:
            os.stat(p)
        except OSError as e:
            if e.errno == errno.ELOOP:
                return "a symbolic link that leads round in a circle"
        return f"a symbolic link to {os.readlink(p)}, which does not exist"
    return "no such file or folder"


def run(
    paths: Sequence[str],
    only: Iterable[str] = (),
    draft: str | None = None,
    require_coverage: bool = False,
    detail: bool = False,
    progress: Callable[[str, float, int], None] | None = None,
    infer: bool | None = None,
    as_of: date | None = None,
    strict: bool = False,
    state: Run | None = None,
    filings: Sequence[str] = (),
    trace_concepts: Mapping[str, Any] | None = None,
) -> Report:
    """Check every claims file (and every bare draft) of ``paths``: ``pipeline`` in the
    caller's run ``state`` (its options and its progress, not these), else in a run of
    its own with these options (``RunOptions`` says what each means).
    ``progress(path, share of the file read, claims checked)`` is called as claims are."""
    if state is not None:
        return pipeline(paths, state)
    options = RunOptions(tuple(only), draft, require_coverage, detail, infer, as_of, strict, tuple(filings),
                         trace_concepts)
    with Run(options, progress) as own:
        return pipeline(paths, own)


def pipeline(paths: Sequence[str], run: Run) -> Report:
    """The run, top to bottom. For each file of ``paths`` (``discover``), a claims file
    or a bare draft:

    1. **read** the claims file, entry by entry, with the filings its facts name
       (``_check_file``; a bare draft has no claims file), then its draft, once a run
       (``_read_draft``), and the draft's figures, once a run (``anchor.figures``);
    2. **infer** the relations the draft states from those figures (``_inferred``), and
       **trace** its figures to the filings given (``_traced``, ``factcheck.trace``);
    3. **check** every claim: each written one as soon as it is read, each inferred one
       as it is inferred (``check_claim``, the verdict in ``factcheck.verdict``);
    4. **anchor** the claims in the draft: each placed, its figures matched, the
       figures no claim covers counted (``anchor.anchor``);
    5. **report**: one ``FileReport`` a file, in one ``Report`` (``verify`` writes it).

    ``run`` holds the options and everything the run reads and spends."""
    options = run.options
    if options.draft is not None:
        _given_draft(options.draft)
    named = {display_path(p) for p in paths}
    bases = _typed_outside(paths)
    files = []
    for path in discover(paths, exclude=(options.draft,) if options.draft else ()):
        if is_draft(path):
            files.append(_check_draft(run, path, refused=_outside(path, path in named, bases, "draft")))
        else:
            files.append(_check_file(run, path, refused=_outside(path, path in named, bases)))
    _all_selected(files, options.only, bool(options.filings))
    return Report(tuple(files))


#: the tags of traced figures: with filings given, selecting one that no figure has is no mistake
_TRACE_TAGS = frozenset({"trace", "traced", "contradicted", "traced-by-value"})


def _all_selected(files: list[FileReport], only: tuple[str, ...], tracing: bool = False) -> None:
    """``--only``: every id or tag it names selects a claim (unless a file has problems;
    with filings, a trace's tag that no figure has is no mistake: nothing contradicted)."""
    if not only:
        return
    wanted = set(only)
    matched = {
        x
        for f in files
        for r in f.results
        for x in (r.claim.id, *r.claim.tags, "written" if r.claim.inferred is None else "inferred")
        if x in wanted
    }
    missing = sorted(wanted - matched - (_TRACE_TAGS if tracing else frozenset()))
    if missing and not any(f.document.problems for f in files):
        raise UsageError(f"--only {', '.join(missing)}: no claim has this id or tag")


def _given_draft(draft: str) -> None:
    """``--draft``: a file that exists, and not one a link in the repository leads out of it."""
    given_option(draft, "--draft")


def _typed_outside(paths: Sequence[str]) -> tuple[Path, ...]:
    """The folders the command line names outside the root, resolved: what a folder
    walk finds in one is the user's choice too, unless a link leads it out of that folder."""
    return tuple(
        Path(os.path.realpath(p)) for p in paths if os.path.isdir(p) and not is_inside(Path(os.path.abspath(p)))
    )


def _outside(path: str, named: bool, bases: tuple[Path, ...] = (), key: str = "claims file") -> Problem | None:
    """A claims file or a draft that a link in the repository leads out of it (a link
    to a private key, say): refused unread, as a problem of its own. A file the command
    line names outside the root is read, and so is one a folder walk finds in a folder
    it names outside the root, where no link leads the file out of that folder: the
    command line is trusted, the tree is not."""
    if named and not is_inside(Path(os.path.abspath(path))):
        return None
    if bases:
        real = Path(os.path.realpath(path))
        if any(real == base or base in real.parents for base in bases):
            return None
    try:
        inside_root(path, Span(path, 1, 1), key)
    except OutsideRoot as e:
        return Problem(Span(path, 1, 1), e.code, e.message)
    return None


def new_run() -> None:
    """Nothing to do: each run starts with its own budgets and readings (``Run``).
    Kept for the callers that still call it before a run."""


def selected(claim: Claim, only: tuple[str, ...]) -> bool:
    """``--only``: a claim's id or tag; ``inferred`` and ``written`` select by origin."""
    if not only or claim.id in only or any(t in only for t in claim.tags):
        return True
    return ("written" if claim.inferred is None else "inferred") in only


def check_document(
    doc: Document,
    only: tuple[str, ...] = (),
    draft: str | None = None,
    require_coverage: bool = False,
    detail: bool = False,
    infer: bool | None = None,
) -> FileReport:
    """Check the claims of one loaded file; with a draft (``draft``, or the file's
    ``article.draft``), anchor them in it too. The options: see ``RunOptions``.
    A run of its own: its budgets start whole."""
    with Run(RunOptions(tuple(only), draft, require_coverage, detail, infer)) as run:
        only = run.options.only
        problems: list[Problem] = []
        ev, default_tol = _prepare(doc, problems)
        results = [check_claim(c, ev, doc, default_tol) for c in doc.claims if selected(c, only)]
        tracing = Tracing(doc)
        if tracing.active:
            results = [tracing.apply(c, r) for c, r in zip((c for c in doc.claims if selected(c, only)), results, strict=True)]
        if detail:
            results = [with_steps(r, ev, run) for r in results]
        return _finish(run, doc, results, ev, problems, default_tol)


def check_file(
    path: str,
    only: tuple[str, ...] = (),
    draft: str | None = None,
    require_coverage: bool = False,
    detail: bool = False,
    progress: Callable[[str, float, int], None] | None = None,
    stream: bool = True,
    infer: bool | None = None,
    as_of: date | None = None,
    refused: Problem | None = None,
    strict: bool = False,
) -> FileReport:
    """One claims file, in a run of its own (``_check_file``)."""
    options = RunOptions(tuple(only), draft, require_coverage, detail, infer, as_of, strict)
    with Run(options, progress) as run:
        return _check_file(run, path, refused, stream)


def _check_file(run: Run, path: str, refused: Problem | None = None, stream: bool = True) -> FileReport:
    """Check one claims file as it is read: each claim is computed as soon as the parser
    has it (when ``claims:`` comes last), and what only a draft or a detailed report needs
    of it (the tree of its expressions) is let go once it is judged, so that an archive
    of 100,000 claims never sits in memory twice over. ``refused``: the file is not
    read, and this is its problem (a link out of the root)."""
    options, progress = run.options, run.progress
    f = ClaimsFile(path, stream=stream, refused=refused)
    header = f.header()
    problems: list[Problem] = []
    ev, default_tol = _prepare(header, problems)
    keep = options.detail or options.draft is not None or "draft" in header.article
    tracing = Tracing(header)
    claims, results = _check_claims(run, f, path, (ev, header, default_tol), keep, tracing)
    if not keep:
        ev.forget()  # the facts' values: nothing reads them once every claim is judged
    if f.restart:  # a key after the claims (one the pre-scan could not see): read it whole
        return _check_file(run, path, refused, stream=False)
    if progress is not None:
        progress(path, 1.0, len(results))
    doc = f.document(tuple(claims))
    if f.aborted:  # the file broke after these were read: none of them stands
        results = []
    if not keep:
        doc = doc._replace(facts={n: _bare_fact(x, run.bare_exprs) for n, x in doc.facts.items()})
    return _finish(run, doc, results, ev, problems, default_tol)


def _check_claims(run: Run, f: ClaimsFile, path: str, ctx: tuple[Evaluator, Document, q.Value | None], keep: bool,
                  tracing: Tracing) -> tuple[list[Claim], list[Result]]:
    """Every claim of the file as the parser gives it, and the results of those the run
    selects. ``ctx``: the evaluator, the file's header and its default tolerance. A claim
    is kept whole when ``keep`` (a draft or a detailed report reads its trees), else bare."""
    ev, header, default_tol = ctx
    options, progress = run.options, run.progress
    claims: list[Claim] = []
    results: list[Result] = []
    # Nothing made here forms a cycle; the collector's passes over a growing list of
    # results only cost time (a tenth of it at 10,000 claims).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for claim in f.claims():
            bare = claim if keep else _bare_claim(claim, run.bare_exprs)
            claims.append(bare)
            if selected(claim, options.only):
                r = check_claim(claim, ev, header, default_tol, bare)
                if tracing.active:
                    r = tracing.apply(claim, r)
                if options.detail:
                    r = with_steps(r, ev, run)
                results.append(r)
                if progress is not None and len(results) % 256 == 0:
                    progress(path, f.progress, len(results))
    finally:
        if collecting:
            gc.enable()
    return claims, results


def check_draft(
    path: str,
    only: tuple[str, ...] = (),
    require_coverage: bool = False,
    detail: bool = False,
    infer: bool | None = None,
    as_of: date | None = None,
    strict: bool = False,
    refused: Problem | None = None,
) -> FileReport:
    """A draft with no claims file, in a run of its own (``_check_draft``)."""
    with Run(RunOptions(tuple(only), None, require_coverage, detail, infer, as_of, strict)) as run:
        return _check_draft(run, path, refused)


def _check_draft(run: Run, path: str, refused: Problem | None = None) -> FileReport:
    """A draft with no claims file: the relations it states are inferred and checked
    (``factcheck.infer``), and its figures' coverage counted (``--no-infer``: coverage only).
    ``refused``: the draft is not read, and this is its problem (a link out of the root)."""
    # lazy: anchoring only for a run with a draft
    from factcheck import anchor
    from factcheck import draft as drafts

    options = run.options
    shown = display_path(path)
    if refused is not None:
        return FileReport(Document(shown, problems=(refused,)), ())
    text, problem = drafts.read_once(path, shown, run.drafts)
    if problem is not None or text is None:
        return FileReport(Document(shown, problems=(problem,) if problem else ()), ())
    title = drafts.title(text.source)
    doc = Document(shown, article={"title": title} if title else EMPTY)
    ev = Evaluator({}, q.NO_RATES)
    inferred = _inferred(run, doc, text, ev, None, options.infer if options.infer is not None else True)
    traced, summary, trouble = _traced(run, doc, text, ev, bare=True)
    if traced:
        inferred = [*(inferred or []), *traced]
    results, report, found = anchor.anchor(doc, [], text, ev, options.require_coverage, options.detail, inferred, run)
    found = [*found, *trouble]
    return FileReport(doc._replace(problems=tuple(found)) if found else doc, tuple(results), report, summary)


def _traced(run: Run, doc: Document, draft: Any, ev: Evaluator,
            bare: bool = False) -> tuple[list[Result], TraceSummary | None, list[Problem]]:
    """The draft's figures traced to the filings (``--filing``, the config's ``filings``;
    a bare draft's own front matter too): a result for each traced or contradicted
    figure, judged like a claim (the fact against the figure), the summary of every
    figure, and the problems of filings that cannot be read. Nothing without filings."""
    # lazy: the draft module only for a run with a draft
    from factcheck.draft import draft_date, front_filings

    options = run.options
    if not options.filings and not (bare and front_filings(draft.source)):
        return [], None, []
    # lazy: anchoring only for a run with a draft; tracing only when a filing is named
    from factcheck import anchor
    from factcheck.trace.step import Tracing as DraftTracing

    tracing = DraftTracing(options.filings, options.trace_concepts)
    mentions = anchor.figures(draft, run)
    if anchor.too_many(mentions):
        return [], None, []
    when = draft_date(draft) or _published(doc) or options.as_of

    def check(c: Claim) -> Result:
        r = check_claim(c, ev, doc, None, rounding_only=Status.PASS)
        return with_steps(r, ev, run) if options.detail else r

    results = tracing.results(draft, mentions, when.year if when else None, when.month if when else None, check,
                              lambda c: selected(c, options.only))
    return results, tracing.summary, tracing.problems


def _inferred(run: Run, doc: Document, draft: Any, ev: Evaluator, default_tol: q.Value | None,
              wanted: bool) -> list[Result] | None:
    """The results of the claims the draft states, when inference is ``wanted``: read
    from the draft's figures as the run read them (``anchor.figures``, read once and
    shared with anchoring); none for a draft refused for its figures (anchoring says why)."""
    # lazy: anchoring only for a run with a draft
    from factcheck import anchor

    if not wanted:
        return None
    mentions = anchor.figures(draft, run)
    if anchor.too_many(mentions):
        return None
    return inferred_results(draft, mentions, doc, ev, default_tol, run)


def inferred_results(draft: Any, mentions: list[Any] | None, doc: Document, ev: Evaluator,
                     default_tol: q.Value | None = None, run: Run | None = None) -> list[Result]:
    """The relations a draft states (``factcheck.infer``), each checked like a written
    claim and judged (``infer.judge``): the results to report. ``run``: its options
    (``--only``, ``--as-of``, ``--strict``, the detail) and the budget of the steps shown;
    outside a run, the defaults."""
    # lazy: the draft's date only for inference; inference only for a bare draft or settings.infer
    from factcheck.draft import draft_date
    from factcheck.infer import infer
    from factcheck.infer.claims import Ids, claim
    from factcheck.infer.judge import decide

    options = run.options if run is not None else RunOptions()
    rounding_only = Status.WARN if options.strict else None
    when = draft_date(draft) or _published(doc) or options.as_of
    ids = Ids(draft)

    def make(rel: Any) -> Claim | None:
        c = claim(rel, draft, ids(draft.span(rel.at.start).line, rel.kind))
        return c if selected(c, options.only) else None

    def check(c: Claim) -> Result:
        r = check_claim(c, ev, doc, default_tol, rounding_only=rounding_only)
        return with_steps(r, ev, run) if options.detail else r

    return decide(infer(draft, when, mentions), make, check)


def _published(doc: Document) -> date | None:
    text = doc.article.get("published")
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _bare(e: Expr, memo: dict[tuple[str, bool], Expr]) -> Expr:
    """The expression's text only: its tree and its place are not needed once judged.
    Short texts ("5%", "2 years") are one object however many claims write them
    (``memo``: the run's, ``Run.bare_exprs``)."""
    if len(e.text) > 24:
        return Expr(e.text, None, None, e.single_line)
    key = (e.text, e.single_line)
    bare = memo.get(key)
    if bare is None:
        bare = memo[key] = Expr(e.text, None, None, e.single_line)
    return bare


def _bare_claim(c: Claim, memo: dict[tuple[str, bool], Expr]) -> Claim:
    """The claim without the trees of its expressions (their text stays). Made as a
    tuple: _replace costs more than the rest of this, and it runs once a claim."""
    parts: list[Any] = list(c)
    for i in _EXPRS:
        if parts[i] is not None:
            parts[i] = _bare(parts[i], memo)
    return tuple.__new__(Claim, parts)


_EXPRS = tuple(Claim._fields.index(name) for name in ("check", "stated", "tolerance"))


_FACT_EXPR = Fact._fields.index("expr")


def _bare_fact(f: Fact, memo: dict[tuple[str, bool], Expr]) -> Fact:
    """The fact without the tree of its value; made as a tuple, as ``_bare_claim`` is."""
    parts: list[Any] = list(f)
    parts[_FACT_EXPR] = _bare(f.expr, memo)
    return tuple.__new__(Fact, parts)


def _prepare(doc: Document, problems: list[Problem]) -> tuple[Evaluator, q.Value | None]:
    """The evaluator of a file (its facts, its rates) and its default tolerance."""
    rates = _rates(doc, problems)
    ev = Evaluator(doc.facts, rates, doc.broken_facts)
    default_tol = None
    if doc.settings.tolerance is not None:
        try:
            default_tol = _number(ev, doc.settings.tolerance)
        except ExprError as e:
            problems.append(Problem(_where(doc.settings.tolerance, e), "settings", f"settings.tolerance: {e.message}"))
    return ev, default_tol


def _finish(run: Run, doc: Document, results: list[Result], ev: Evaluator, problems: list[Problem],
            default_tol: q.Value | None) -> FileReport:
    """The claims file's report: with its draft (``--draft``, else its ``article.draft``)
    read, the relations it states inferred and checked, and every claim anchored in it."""
    options = run.options
    draft_report, summary = None, None
    if options.draft is not None or "draft" in doc.article:
        draft = _read_draft(run, doc, problems)
        if draft is not None:
            # lazy: anchoring only for a run with a draft
            from factcheck import anchor

            infer = options.infer if options.infer is not None else doc.settings.infer
            inferred = _inferred(run, doc, draft, ev, default_tol, infer)
            traced, summary, trouble = _traced(run, doc, draft, ev)
            if traced:
                inferred = [*(inferred or []), *traced]
            results, draft_report, found = anchor.anchor(
                doc, results, draft, ev, options.require_coverage, options.detail, inferred, run
            )
            problems.extend([*found, *trouble])
    if problems:
        doc = doc._replace(problems=doc.problems + tuple(problems))
    return FileReport(doc, tuple(results), draft_report, summary)


def with_steps(r: Result, ev: Evaluator, run: Run | None = None) -> Result:
    """The result with its check and stated value computed step by step (within the
    ``run``'s budget of steps shown; a budget of its own without one)."""
    # lazy: steps only for the detailed (html) report
    from factcheck.steps import Budget, trace_claim

    exprs = [(name, e) for name, e in (("check", r.claim.check), ("stated", r.claim.stated)) if e is not None]
    budget = run.budget(Budget) if run is not None else None
    return r._replace(steps=tuple(trace_claim(ev, exprs, budget))) if exprs else r


def _read_draft(run: Run, doc: Document, problems: list[Problem]) -> Any:
    """The claims file's draft (``--draft``, else its ``article.draft``), read once a
    run; a draft that cannot be read is a problem of the file, at its ``article.draft``
    (or at the draft itself), and None."""
    # lazy: anchoring only for a run with a draft
    from factcheck import draft as drafts

    draft = run.options.draft
    if draft is None:
        draft = os.path.join(os.path.dirname(doc.path), doc.article["draft"])
        where = doc.article_spans.get("draft", Span(doc.path, 1, 1))
        try:
            inside_root(draft, where, "article.draft", written=doc.article["draft"])
        except OutsideRoot as e:  # refused unread: not even whether it exists is told
            problems.append(Problem(where, e.code, e.message))
            return None
        if not os.path.exists(draft):
            problems.append(Problem(where, "draft-missing", f"article.draft: no file {display_path(draft)} (the path is relative to this claims file)"))
            return None
        if os.path.isdir(draft):  # at article.draft, where the editor wrote it, not at "folder:1:1"
            problems.append(Problem(where, "draft-unreadable", f"article.draft: {display_path(draft)} is a folder, not a text file"))
            return None
    text, problem = drafts.read_once(draft, display_path(draft), run.drafts)
    if problem is not None:
        problems.append(problem)
        return None
    assert text is not None
    return text


def _where(expr: Expr, e: ExprError) -> Span:
    return e.where or expr.at(e.offset)


def _number(ev: Evaluator, expr: Expr) -> q.Value:
    v = ev.eval(expr.node)
    if isinstance(v, q.DateValue):
        raise ExprError("a date is not a number here", 0, "date")
    return v


def _rates(doc: Document, problems: list[Problem]) -> q.Rates:
    if not doc.settings.rates:
        return q.NO_RATES
    table: dict[str, tuple[Fraction, str]] = {}
    ev = Evaluator({}, q.NO_RATES)
    for code, expr in doc.settings.rates:
        try:
            v = _number(ev, expr)
        except ExprError as e:
            problems.append(Problem(_where(expr, e), "settings", f"the rate for {code}: {e.message}"))
            continue
        names = list(v.unit.exponents.items())
        if len(names) != 1 or not q.is_currency(names[0][0]) or names[0][1] != 1 or v.point <= 0:
            problems.append(
                Problem(expr.place, "settings", f"the rate for {code} should be a positive amount of another currency (7.2 CNY)")
            )
            continue
        table[code] = (v.point, names[0][0])
    rates = q.Rates(table)
    for code in table:
        try:
            rates.normalize(q.unit(code))
        except q.QuantityError as e:
            problems.append(Problem(doc.settings.rates[0][1].place, "settings", e.message))
            return q.NO_RATES
    return rates


def check_claim(
    claim: Claim, ev: Evaluator, doc: Document, default_tol: q.Value | None, report_as: Claim | None = None,
    rounding_only: Status | None = None,
) -> Result:
    """Compute and judge one claim. The result names ``report_as`` (the claim without the
    trees of its expressions, say) when given, else the claim itself. A claim that holds
    only through its inputs' rounding is ``rounding_only`` when given, else what the
    file's settings say (``rounding_only`` for written claims, ``infer_rounding_only``
    for inferred ones)."""
    out = report_as or claim
    if claim.check is None or claim.stated is None:
        return Result(out, Status.UNCHECKED, "recorded with its source, not computed (no check)")
    try:
        computed = ev.eval(claim.check.node)
    except ExprError as e:
        return Result(out, Status.ERROR, e.message, hints=e.hints, span=_where(claim.check, e))
    try:
        stated = ev.eval(claim.stated.node)
    except ExprError as e:
        return Result(out, Status.ERROR, f"in the stated value: {e.message}", hints=e.hints, span=_where(claim.stated, e))
    tol, tol_text = default_tol, doc.settings.tolerance.text if doc.settings.tolerance else "0%"
    if claim.tolerance is not None:
        try:
            tol, tol_text = _number(ev, claim.tolerance), claim.tolerance.text
        except ExprError as e:
            return Result(out, Status.ERROR, f"in the tolerance: {e.message}", span=_where(claim.tolerance, e))

    node = claim.check.node

    def root_call() -> tuple[str, list[object]] | None:
        if not isinstance(node, Call):
            return None
        return node.name, [ev.eval(a) for a in node.args]

    return judge(
        Inputs(
            claim=out,
            computed=computed,
            stated=stated,
            stated_text=claim.stated.text.strip(),
            tolerance=tol,
            tolerance_text=tol_text,
            rounding_only=rounding_only or (
                doc.settings.rounding_only if claim.inferred is None else doc.settings.infer_rounding_only
            ),
            rates=ev.rates,
            root_call=root_call,
        )
    )
