"""``factcheck explain`` and ``factcheck functions``: the computation shown step by step."""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING

from factcheck import quantity as q
from factcheck.errors import UsageError
from factcheck.model import Document, Result, Status, Step
from factcheck.suggest import did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.tree import Tree


def steps(claim_id: str, path: str) -> tuple[Result, Document]:
    """One claim of a file, checked with its computation step by step (and anchored in
    the file's draft, when it has one)."""
    # lazy: `factcheck functions` needs none of the run
    from factcheck.engine import is_draft, new_run
    from factcheck.load.paths import OutsideRoot, given

    new_run()  # its budgets whole (steps shown, the closest-passage search)
    if not os.path.isfile(path):
        raise UsageError(f"{path}: no such file")
    try:  # not through a link in the repository that leads out of it
        given(path, "explain")
    except OutsideRoot as e:
        raise UsageError(e.message) from None
    if is_draft(path):  # a claim inferred from a bare draft: 'draft.md:39:growth'
        return _from_draft(claim_id, path)
    return _from_claims_file(claim_id, path)


def _from_draft(claim_id: str, path: str) -> tuple[Result, Document]:
    """A claim inferred from a bare draft, checked step by step."""
    # lazy: `factcheck functions` needs none of the run
    from factcheck.engine import check_draft

    found = check_draft(path, (claim_id,), detail=True)
    for r in found.results:
        if r.claim.id == claim_id:
            return r, found.document
    known = [r.claim.id for r in check_draft(path).results]
    raise UsageError(f"{path}: no claim {claim_id!r} is inferred from this draft{did_you_mean(claim_id, known)}")


def _from_claims_file(claim_id: str, path: str) -> tuple[Result, Document]:
    """A claim of a claims file (or one inferred from its draft), checked step by step."""
    # lazy: `factcheck functions` needs none of the run
    from factcheck.engine import check_document
    from factcheck.load import load

    doc = load(path)
    claim = next((c for c in doc.claims if c.id == claim_id), None)
    if claim is None and "draft" in doc.article:  # perhaps one inferred from the file's draft
        report = check_document(doc, (claim_id,), detail=True, infer=True)
        for r in report.results:
            if r.claim.id == claim_id:
                return r, report.document
    if claim is None:
        known = [c.id for c in doc.claims]
        extra = f"; the file has {len(doc.problems)} problem(s): run `factcheck verify {path}`" if doc.problems else ""
        raise UsageError(f"{path}: no claim {claim_id!r}{did_you_mean(claim_id, known)}{extra}")
    report = check_document(doc, (claim_id,), detail=True)
    result = next(r for r in report.results if r.claim.id == claim_id)
    return result, report.document


def explain(claim_id: str, path: str, color: bool = False, width: int = 80) -> tuple[str, int]:
    """The claim, its computation as a tree (each step with its value and interval), the
    comparison and the verdict: what the html report shows when a figure is clicked."""
    # lazy: Rich only for a terminal report; `factcheck functions` needs none of the run
    from rich.console import Console, Group
    from rich.text import Text

    from factcheck.reporters import SYMBOLS, comparison_text
    from factcheck.reporters.terminal import STYLES, strip_trailing

    r, _ = steps(claim_id, path)
    claim = r.claim
    buf = io.StringIO()
    out = Console(file=buf, width=width, force_terminal=color, no_color=not color,
                  color_system="standard" if color else None, highlight=False, markup=False, emoji=False)
    _claim_lines(out, r)
    for name, step in r.steps:
        out.print(Group(*_tree(step, Text(f"{name}: ", style="bold"))))
    if claim.tolerance is not None:
        out.print(Text("tolerance: ", style="bold") + Text(claim.tolerance.text))
    if r.computed is not None and r.stated is not None:
        out.print(Text(f"compare {claim.compare.value}: ", style="bold") + Text(comparison_text(r)))
    line = Text(f"{SYMBOLS[r.status]} {r.status.value}", style=STYLES[r.status])
    if r.basis:
        line.append(f" ({r.basis.value})")
    line.append(f": {r.message}")
    out.print(line)
    for h in r.hints:
        out.print(Text("hint: ", style="bold yellow") + Text(h.message))
    for label, text in (("source", claim.source), ("note", claim.note)):
        if text:
            out.print(Text(f"{label}: ", style="dim") + Text(text))
    code = 1 if r.status in (Status.FAIL, Status.ERROR) else 0
    return strip_trailing(buf.getvalue()), code


def _claim_lines(out: Console, r: Result) -> None:
    """The claim's status, id and place; what it was inferred from, what it says, where
    it stands in the draft."""
    # lazy: Rich's text and the terminal's styles only for explain's output
    from rich.text import Text

    from factcheck.reporters import SYMBOLS
    from factcheck.reporters.terminal import STYLES

    claim = r.claim
    head = Text(f"{SYMBOLS[r.status]} {r.status.value}", style=STYLES[r.status])
    head.append(f"  {claim.id}", style="bold")
    head.append(f"  {claim.span}", style="dim")
    out.print(head)
    if claim.inferred is not None:
        inf = claim.inferred
        out.print(Text("inferred: ", style="dim") + Text(f"{inf.kind} (rule {inf.rule}, `factcheck rules`) from {', '.join(inf.figures)}"))
    if claim.says:
        out.print(Text("says: ", style="dim") + Text(f"“{claim.says}”", style="italic"))
    if r.anchor is not None and r.anchor.span is not None:
        where = "in the draft at " if r.anchor.found else "not in the draft; the closest passage is at "
        out.print(Text("draft: ", style="dim") + Text(f"{where}{r.anchor.span}"))


def _tree(step: Step, prefix: Text) -> list[Tree]:
    """A Rich tree of the steps (a list of one renderable, for Group)."""
    # lazy: Rich only for a terminal report
    # lazy: rich's trees only for explain's output
    from rich.tree import Tree

    tree = Tree(prefix + _label(step), guide_style="dim")
    todo = [(tree, step)]
    while todo:
        branch, s = todo.pop(0)
        for child in s.children:
            todo.append((branch.add(_label(child)), child))
        if s.omitted:
            branch.add(f"… {s.omitted} more step{'s' if s.omitted != 1 else ''} not shown")
    return [tree]


def _label(step: Step) -> Text:
    """'capex_plan = 380 billion CNY  [379.5 to 380.5 billion CNY]', its note below."""
    # lazy: Rich only for a terminal report
    from rich.text import Text

    t = Text(step.label)
    if step.error:
        t.append(f"  error: {step.error}", style="bold magenta")
    elif step.value is not None:
        if step.value.text != step.label:
            t.append(" = ", style="dim")
            t.append(step.value.text, style="bold cyan")
        if step.interval:
            t.append(f"  {step.interval}", style="cyan")
    if step.note:
        t.append(f"\n{step.note}", style="dim")
    return t


def functions_text() -> str:
    """Every function: signature, documentation, and its example computed now."""
    # lazy: `factcheck functions` needs none of the run
    from factcheck.expr import Evaluator, parse
    from factcheck.functions import FUNCTIONS

    ev = Evaluator({})
    parts = []
    for f in FUNCTIONS.values():
        call, _expected = f.example
        value = ev.eval(parse(call))
        got = q.fmt_value(value) if isinstance(value, q.Value) else str(value)
        doc = "\n".join("    " + line if line else "" for line in f.doc.splitlines())
        parts.append(f"{f.signature}\n{doc}\n    example: {call}  ->  {got}\n")
    return "\n".join(parts)
