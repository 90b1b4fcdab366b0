"""A claim's computation as a tree of steps (factcheck/steps.py), and explain's view of it."""

from __future__ import annotations

from factcheck.engine import check_document, run
from factcheck.load import load
from factcheck.steps import MAX_SHOWN_DEPTH, MAX_STEPS, walk

from conftest import ROOT


def steps_of(write, text: str, claim: str = "c") -> dict:  # type: ignore[type-arg]
    path = write(text)
    report = check_document(load(str(path)), (claim,), detail=True)
    return dict(report.results[0].steps)


def line(step) -> str:  # type: ignore[no-untyped-def]
    value = "" if step.value is None else step.value.text
    return f"{step.label} = {value} {step.interval}".strip() + (f" !{step.error}" if step.error else "")


def test_each_step_has_its_value_and_interval_and_facts_say_where_they_come_from(write):
    steps = steps_of(write, """
        version: 1
        facts:
          capex: {value: 380 billion CNY, source: an announcement}
          profit: 157.479 billion CNY/year
          doubled: capex * 2
        claims:
          - {id: c, check: "doubled / profit - 0.5 years", stated: -47 pp}
    """)
    check = steps["check"]
    assert [line(s) for s in walk(check)] == [
        "doubled / profit - 0.5 years = 4.32604 years [3.064756 to 5.590507 years]",
        "doubled / profit = 4.82604 years [3.614756 to 6.040507 years]",
        "doubled = 760 billion CNY [569.25 to 951.25 billion CNY]",
        "capex * 2 = 760 billion CNY [569.25 to 951.25 billion CNY]",
        "capex = 380 billion CNY [379.5 to 380.5 billion CNY]",
        "2 = 2 [1.5 to 2.5]",
        "profit = 157.479 billion CNY/year [157.4785 to 157.4795 billion CNY/year]",
        "0.5 years = 0.5 years [0.45 to 0.55 years]",
    ]
    doubled, capex = walk(check)[2], walk(check)[4]
    assert doubled.note.startswith("fact, ") and capex.note.endswith("; source: an announcement")
    # a figure written as one value is one step, not its digits and its unit words
    assert walk(check)[6].children == () and steps["stated"].children == ()
    assert line(steps["stated"]) == "-47 pp = -47 pp [-47.5 to -46.5 pp]"


def test_a_step_that_cannot_be_computed_says_why_and_the_rest_still_shows(write):
    steps = steps_of(write, """
        version: 1
        facts:
          revenue: 136.09 bn CNY
        claims:
          - {id: c, check: "revenue + 3 years", stated: 5}
    """)
    root = steps["check"]
    assert root.value is None and "cannot add" in root.error
    assert [line(s) for s in root.children] == [
        "revenue = 136.09 bn CNY [136.085 to 136.095 bn CNY]",
        "3 years = 3 years [2.5 to 3.5 years]",
    ]


def test_a_long_expression_is_shown_in_part_and_each_node_computed_once(write, monkeypatch):
    from collections import Counter

    from factcheck.expr import Evaluator, parse
    from factcheck.model import Expr, Span
    from factcheck.steps import trace

    text = f"sum({', '.join(['1'] * 600)}) + {' + '.join(['2'] * 120)}"
    expr = Expr(text, Span("c.yaml", 1, 1), parse(text))
    counts: Counter[int] = Counter()
    original = Evaluator._eval

    def counting(self, node):  # type: ignore[no-untyped-def]
        counts[id(node)] += 1
        return original(self, node)

    monkeypatch.setattr(Evaluator, "_eval", counting)
    step = trace(Evaluator({}), expr)
    assert step.value.text == "840"
    assert max(counts.values()) == 1  # not once for every step above it
    all_steps = walk(step)
    assert len(all_steps) <= MAX_STEPS
    assert max(_depth(step)) <= MAX_SHOWN_DEPTH + 1
    assert sum(s.omitted for s in all_steps) > 0


def _depth(step, d: int = 1):  # type: ignore[no-untyped-def]
    yield d
    for c in step.children:
        yield from _depth(c, d + 1)


def test_steps_are_computed_only_on_request(monkeypatch):
    monkeypatch.chdir(ROOT)
    plain = run(["claims.yaml"])
    assert all(r.steps == () for r in plain.results)
    assert plain.files[0].draft.source is None and plain.files[0].draft.figure_details == ()
    detailed = run(["claims.yaml"], detail=True)
    checked = [r for r in detailed.results if r.claim.check is not None]
    assert checked and all([n for n, _ in r.steps] == ["check", "stated"] for r in checked)
    # detail changes nothing else: the same verdicts, messages and draft counts
    strip = lambda rs: [(r.claim.id, r.status, r.message, r.anchor) for r in rs]  # noqa: E731
    assert strip(plain.results) == strip(detailed.results)
    assert plain.files[0].draft.uncovered == detailed.files[0].draft.uncovered


def test_explain_prints_the_tree_with_every_interval(runner, tmp_path, monkeypatch):
    from factcheck.cli import app

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "200")
    out = runner.invoke(app, ["explain", "capex-vs-gaap-profit"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "▲ warn  capex-vs-gaap-profit  claims.yaml:220:5"
    assert "check: capex_plan / net_income_gaap_fy2024 = 5.3272 years  [5.320156 to 5.334249 years]" in lines
    assert "├── capex_plan = 380 billion CNY  [379.5 to 380.5 billion CNY]" in lines
    assert "└── net_income_gaap_fy2024 = 71.332 billion CNY/year  [71.3315 to 71.3325 billion CNY/year]" in lines
    assert "stated: 2.5 years  [2.45 to 2.55 years]" in lines
    assert "compare ≈: computed 5.327 years, stated 2.5 years, difference +113%" in lines
    assert any(x.startswith("draft: in the draft at examples/alibaba-2025/draft.md:48:20") for x in lines)
    # an unchecked claim: no tree, its source
    out = runner.invoke(app, ["explain", "flash-buy-orders"])
    assert out.exit_code == 0 and "source: company statement, May 2025" in out.output and "check:" not in out.output
