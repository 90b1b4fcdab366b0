"""``factcheck explain`` and ``factcheck functions``: the computation shown step by step."""

from __future__ import annotations

import io

from factcheck import quantity as q
from factcheck.model import Shown, Status, Step

STARTER = """\
# yaml-language-server: $schema=https://factcheck.dev/schema/claims-v1.json
# A claims file: the figures of one article and what the article says about them.
# Check it with `factcheck verify`; `factcheck functions` lists what `check` can use.
version: 1

article:
  title: The headline of the article
  published: 2025-05-13
  # draft: draft.md          # the article text, relative to this file

settings:
  tolerance: 0%              # extra tolerance for ≈ comparisons
  rounding_only: warn        # a claim that holds only with the inputs' rounding

facts:
  revenue_2023:
    value: 129.073 billion CNY
    source: company results, quarter to December 2023
  revenue_2024: 136.09 billion CNY

claims:
  - id: revenue-growth
    says: revenue rose 5% to 136.09 billion yuan
    check: growth(revenue_2023, revenue_2024)
    stated: 5%
    tags: [results]

  - id: a-sourced-figure
    says: the service passed 10 million orders in 6 days
    source: company statement     # no check: reported as unchecked
"""


def show(v: object) -> Shown | None:
    """A value with its interval, for a step of the computation."""
    from factcheck.verdict import num

    if isinstance(v, q.DateValue):
        return Shown(value=None, low=None, high=None, unit="date", text=v.day.isoformat())
    if not isinstance(v, q.Value):
        return None
    text = q.fmt_value(v, 6)
    if not v.exact:
        text += f"  [{q.fmt_range(v.iv.lo, v.iv.hi, v, 7)}]"
    else:
        text += "  (exact)"
    return Shown(
        value=num(v.point),
        low=num(v.iv.lo),
        high=num(v.iv.hi),
        unit=None if q.is_plain(v.unit) else q.unit_text(v.unit, True),
        text=text,
    )


def steps(claim_id: str, path: str) -> tuple[object, list[Step], object]:
    """(result, [check steps, stated steps], document) for one claim of a file."""
    from factcheck.engine import check_document
    from factcheck.errors import UsageError
    from factcheck.expr import Evaluator, did_you_mean
    from factcheck.loader import load

    import os

    if not os.path.isfile(path):
        raise UsageError(f"{path}: no such file")
    doc = load(path)
    claim = next((c for c in doc.claims if c.id == claim_id), None)
    if claim is None:
        known = [c.id for c in doc.claims]
        problems = [p for p in doc.problems]
        extra = f"; the file has {len(problems)} problem(s): run `factcheck verify {path}`" if problems else ""
        raise UsageError(f"{path}: no claim {claim_id!r}{did_you_mean(claim_id, known)}{extra}")
    report = check_document(doc, (claim_id,))
    result = next(r for r in report.results if r.claim.id == claim_id)
    ev = Evaluator(doc.facts, q.NO_RATES, doc.broken_facts)
    from factcheck.engine import _rates

    ev.rates = _rates(doc, [])
    out: list[Step] = []
    for expr in (claim.check, claim.stated):
        if expr is not None:
            out.append(ev.trace(expr.node, expr.text, show))
    return result, out, doc


def explain(claim_id: str, path: str, color: bool = False, width: int = 80) -> tuple[str, int]:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    from factcheck.reporters import SYMBOLS
    from factcheck.reporters.terminal import STYLES, strip_trailing

    result, trace, _ = steps(claim_id, path)
    claim = result.claim  # type: ignore[attr-defined]
    buf = io.StringIO()
    out = Console(file=buf, width=width, force_terminal=color, no_color=not color,
                  color_system="standard" if color else None, highlight=False, markup=False, emoji=False)
    out.print(Text(claim.id, style="bold") + Text(f"  {claim.span}", style="dim"))
    if claim.says:
        out.print(Text("says: ", style="dim") + Text(f"“{claim.says}”", style="italic"))
    if not trace:
        out.print(Text(f"no check: {result.message}"))  # type: ignore[attr-defined]
    names = ("check", "stated")
    for name, step in zip(names, trace):
        tree = Tree(Text(f"{name}: ", style="bold") + _label(step))
        _grow(tree, step)
        out.print(tree)
    r = result
    status = r.status  # type: ignore[attr-defined]
    line = Text(f"{SYMBOLS[status]} {status.value}", style=STYLES[status])
    if r.basis:  # type: ignore[attr-defined]
        line.append(f" ({r.basis.value})")  # type: ignore[attr-defined]
    line.append(f": {r.message}")  # type: ignore[attr-defined]
    out.print(line)
    for h in r.hints:  # type: ignore[attr-defined]
        out.print(Text("hint: ", style="bold yellow") + Text(h.message))
    code = 1 if status in (Status.FAIL, Status.ERROR) else 0
    return strip_trailing(buf.getvalue()), code


def _label(step: Step):  # type: ignore[no-untyped-def]
    from rich.text import Text

    t = Text(step.label)
    if step.value is not None:
        t.append(" = ", style="dim")
        t.append(step.value.text, style="cyan")
    return t


def _grow(tree, step: Step) -> None:  # type: ignore[no-untyped-def]
    for child in step.children:
        if not child.children and child.value is not None and child.label == step.label:
            continue
        branch = tree.add(_label(child))
        _grow(branch, child)


def functions_text() -> str:
    """Every function: signature, documentation, and its example computed now."""
    from factcheck.expr import Evaluator, parse
    from factcheck.functions import FUNCTIONS

    ev = Evaluator({})
    parts = []
    for f in FUNCTIONS.values():
        call, expected = f.example
        value = ev.eval(parse(call))
        got = q.fmt_value(value) if isinstance(value, q.Value) else str(value)
        doc = "\n".join("    " + line if line else "" for line in f.doc.splitlines())
        parts.append(f"{f.signature}\n{doc}\n    example: {call}  ->  {got}\n")
    return "\n".join(parts)
