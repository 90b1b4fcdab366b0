"""Anchoring claims in the draft: located or stale, figures matched or contradicted,
coverage counted; on the bundled article and on small cases, one a row."""

from __future__ import annotations

import json
import shutil
import textwrap

import jsonschema
import pytest

from factcheck.cli import app
from factcheck.engine import check_document, run
from factcheck.load import load
from factcheck.model import Status
from factcheck.schema import REPORT_SCHEMA

from conftest import HERE, ROOT

CLAIMS = ROOT / "claims.yaml"
ALTERED = HERE / "data" / "draft-altered.md"


# --------------------------------------------------------------------------- the bundled article


@pytest.fixture(scope="module")
def bundled():
    return check_document(load(str(CLAIMS)), draft=None)


def test_every_claim_of_the_bundled_article_is_located_and_no_figure_contradicts(bundled):
    assert bundled.document.problems == ()
    for r in bundled.results:
        assert r.anchor is not None and r.anchor.found, r.claim.id
        assert r.anchor.mismatches == (), r.claim.id
    d = bundled.draft
    assert (d.claims, d.located) == (23, 23)
    assert d.uncovered == () and d.ignored == 1 and d.share == 1.0


def test_the_figures_of_a_passage_are_matched_with_the_claim(bundled):
    matched = {r.claim.id: r.anchor.matched for r in bundled.results}
    assert matched["capex-vs-profit"] == ("two and a half years", "157.479 billion yuan")
    assert matched["ttg-revenue-growth"] == ("5%", "136.09 billion yuan", "129.07 billion yuan")
    assert matched["ant-20th-anniversary"] == ("20th", "December 2024")
    assert matched["shares-2024-sum"] == ("33%", "17%", "19%", "18%")


def test_an_altered_draft_fails_exactly_the_changed_claims():
    report = check_document(load(str(CLAIMS)), draft=str(ALTERED))
    failed = {r.claim.id: r for r in report.results if r.status is Status.FAIL}
    assert sorted(failed) == ["capex-vs-profit", "taobao-then-alipay"]
    changed = failed["capex-vs-profit"]
    assert changed.message == (
        "the draft says 175.479 billion yuan; claims.yaml uses 157.479 billion CNY/year (net_profit_fy2024)"
    )
    assert (changed.where.path.endswith("draft-altered.md"), changed.where.line, changed.where.col) == (True, 48, 68)
    stale = failed["taobao-then-alipay"]
    assert stale.message.startswith("stale: the draft no longer says “Taobao arrived in 2003")
    assert "the closest passage, at " in stale.message and "draft-altered.md:18:" in stale.message
    assert 0.3 < stale.anchor.similarity < 0.9
    assert [u.text for u in report.draft.uncovered] == ["2003", "2004"]


# --------------------------------------------------------------------------- one case a row

FACTS = """\
facts:
  capex_plan: 380 billion CNY
  net_profit: 157.479 billion CNY/year
  revenue: 136.09 billion CNY
  alipay_founded: 2004
  share_peak: 80%
  share_2017: 70%
"""

# name: (draft, claim (YAML), status, words of the message or None)
CASES = {
    "the issue's example": (
        "On 24 February 2025 Alibaba pledged 390 billion yuan for AI.",
        "{id: c, says: Alibaba pledged 380 billion yuan for AI, check: capex_plan / net_profit, stated: 2.5 years, tolerance: 5%}",
        "fail", "the draft says 390 billion yuan; claims.yaml uses 380 billion CNY (capex_plan)",
    ),
    "a figure changed in a sourced claim": (
        "Alibaba pledged 390 billion yuan for AI.",
        "{id: c, says: Alibaba pledged 380 billion yuan for AI, source: announcement}",
        "fail", "the draft says 390 billion yuan; claims.yaml says 380 billion yuan",
    ),
    "a rounder figure agrees": (
        "Revenue reached 136.1 billion yuan.",
        "{id: c, says: revenue reached 136.1 billion yuan, check: revenue, stated: 136.09 bn CNY}",
        "pass", None,
    ),
    "the same precision contradicts": (
        "The plan is about 2.4 years of profit.",
        "{id: c, says: the plan is about 2.4 years of profit, check: capex_plan / net_profit, stated: 2.5 years, tolerance: 5%}",
        "fail", "the draft says 2.4 years; claims.yaml uses 2.5 years (stated)",
    ),
    "an amount against a rate": (
        "It equals two and a half years of its net profit of 157.479 billion yuan.",
        "{id: c, says: two and a half years of its net profit of 157.479 billion yuan, check: capex_plan / net_profit, stated: 2.5 years, tolerance: 5%}",
        "pass", None,
    ),
    "an anniversary counts years": (
        "Ant Group held its 20th anniversary in December 2024.",
        "{id: c, says: its 20th anniversary in December 2024, check: 'years_between(alipay_founded, 2024)', stated: 20 years}",
        "pass", None,
    ),
    "an anniversary changed": (
        "Ant Group held its 21st anniversary in December 2024.",
        "{id: c, says: its 20th anniversary in December 2024, check: 'years_between(alipay_founded, 2024)', stated: 20 years}",
        "fail", "the draft says 21st; claims.yaml uses 20 years (stated)",
    ),
    "percent for points": (
        "Its share fell 10% to 70%.",
        "{id: c, says: its share fell 10% to 70%, check: 'change(share_peak, share_2017)', stated: -10 pp}",
        "fail", "the draft says 10%; claims.yaml uses -10 pp (stated)",
    ),
    "points for points, whatever the sign": (
        "Its share fell 10 percentage points to 70%.",
        "{id: c, says: its share fell 10 percentage points to 70%, check: 'change(share_peak, share_2017)', stated: -10 pp}",
        "pass", None,
    ),
    "a date written otherwise": (
        "On May 10, 2025 Alibaba held Ali Day.",
        "{id: c, says: on 10 May 2025 Alibaba held Ali Day, source: company}",
        "unchecked", None,
    ),
    "typography and markup": (
        "Alibaba’s *share* had\nslipped to **70%**\u00a0by 2017 — a “fall”.",
        "{id: c, says: \"ALIBABA'S SHARE HAD SLIPPED TO 70% BY 2017 - a \\\"fall\\\"\", check: 'change(share_peak, share_2017)', stated: -10 pp}",
        "pass", None,
    ),
    "words rewritten": (
        "Taobao opened during SARS in 2003.",
        "{id: c, says: Taobao arrived in 2003 in the middle of SARS, source: history}",
        "fail", "stale: the draft no longer says",
    ),
    "a draft shorter than the says": (
        "Revenue rose.",
        "{id: c, says: revenue rose five per cent in the quarter to December, source: results}",
        "fail", "draft.md:1:1, is 36% alike: “Revenue rose.”",
    ),
    "an extra figure of another kind is no contradiction": (
        "Since 2019 its share went from 80% to 70%.",
        "{id: c, says: since 2019 its share went from 80% to 70%, check: 'change(share_peak, share_2017)', stated: -10 pp}",
        "pass", None,
    ),
    "a failing claim keeps its own message": (
        "Revenue reached 999 billion yuan.",
        "{id: c, says: revenue reached 136.09 billion yuan, check: revenue, stated: 200 bn CNY}",
        "fail", "does not match the stated 200 bn CNY",
    ),
}


def _case(write, draft: str, claim: str, extra: str = "") -> object:
    write(draft, "draft.md")
    path = write("version: 1\narticle: {draft: draft.md}\n" + FACTS + extra + "claims:\n  - " + claim + "\n")
    return check_document(load(str(path)))


@pytest.mark.parametrize("draft, claim, status, words", CASES.values(), ids=CASES.keys())
def test_matching(write, draft, claim, status, words):
    report = _case(write, draft, claim)
    assert report.document.problems == ()
    (r,) = report.results
    assert r.status.value == status, r.message
    if words:
        assert words in r.message + " ".join(h.message for h in r.hints)


def test_a_failing_claim_gets_the_draft_finding_as_a_hint(write):
    report = _case(write, "Profit fell.", CASES["a failing claim keeps its own message"][1])
    (r,) = report.results
    assert r.message.startswith("136.1 billion CNY does not match")
    assert [h.code for h in r.hints][-1] == "stale-says"


def test_a_claim_without_says_is_left_as_it_is(write):
    report = _case(write, "Nothing here.", "{id: c, check: revenue, stated: 136.09 bn CNY}")
    (r,) = report.results
    assert r.status is Status.PASS and r.anchor is None
    assert report.draft.claims == 0


def test_coverage_counts_every_figure_and_ignores_what_it_is_told(write):
    draft = "Xinpinlue Finance, 13 May 2025.\n\nRevenue reached 136.09 billion yuan in 2024. Page 2."
    claim = "{id: c, says: revenue reached 136.09 billion yuan, source: results}"
    report = _case(write, draft, claim, "ignore_figures: [Xinpinlue Finance, 13 May 2025]\n")
    d = report.draft
    assert (d.figures, d.covered, d.ignored) == (4, 1, 1)
    assert [(u.text, u.kind, u.span.line, u.span.col) for u in d.uncovered] == [("2024", "year", 3, 40), ("2", "number", 3, 51)]
    assert d.share == 1 / 3


def test_an_ignore_entry_the_draft_does_not_hold_is_a_problem(write):
    report = _case(write, "Revenue rose.", "{id: c, says: revenue rose, source: x}", "ignore_figures:\n  - Page 9\n")
    (p,) = report.document.problems
    assert (p.code, p.span.line, p.span.col) == ("stale-ignore", 11, 5)


# --------------------------------------------------------------------------- the command line


@pytest.fixture
def article(tmp_path, monkeypatch):
    shutil.copy(CLAIMS, tmp_path / "claims.yaml")
    (tmp_path / "examples" / "alibaba-2025").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "alibaba-2025" / "draft.md", tmp_path / "examples" / "alibaba-2025" / "draft.md")
    shutil.copy(ALTERED, tmp_path / "altered.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_verify_with_the_altered_draft_exits_1_and_points_into_the_draft(runner, article):
    out = runner.invoke(app, ["verify", "--draft", "altered.md", "-f", "concise"])
    assert out.exit_code == 1
    assert "altered.md:48:68: fail capex-vs-profit: the draft says 175.479 billion yuan;" in out.output
    assert "claims.yaml:111:5: fail taobao-then-alipay: stale:" in out.output
    assert "altered.md:18:56: uncovered figure: 2003 (year)" in out.output


def test_require_coverage_fails_on_uncovered_figures(runner, article):
    (article / "claims.yaml").write_text(
        (article / "claims.yaml").read_text().replace("  - Xinpinlue Finance, 13 May 2025\n", "  - nothing of the sort\n")
    )
    text = (article / "claims.yaml").read_text().replace("ignore_figures:\n  - nothing of the sort\n", "")
    (article / "claims.yaml").write_text(text)
    assert runner.invoke(app, ["verify"]).exit_code == 0
    out = runner.invoke(app, ["verify", "--require-coverage", "-f", "concise"])
    assert out.exit_code == 1
    assert "examples/alibaba-2025/draft.md:7:21: fail figure: 13 May 2025 (date)" in out.output


def test_the_json_report_carries_the_draft_and_validates(runner, article):
    out = runner.invoke(app, ["verify", "--draft", "altered.md", "-f", "json"])
    data = json.loads(out.output)
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["summary"]["coverage"] == {
        "claims": 23, "located": 22, "figures": 52, "covered": 49, "ignored": 1, "uncovered": 2, "share": 0.9608,
    }
    (f,) = data["files"]
    assert f["draft"]["uncovered"][0] == {"line": 18, "column": 56, "text": "2003", "kind": "year", "suppressed": False}
    by_id = {r["id"]: r for r in data["results"]}
    assert by_id["capex-vs-profit"]["draft"]["mismatches"] == [
        {"line": 48, "column": 68, "draft": "175.479 billion yuan", "claims": "157.479 billion CNY/year", "figure": "net_profit_fy2024"}
    ]
    assert by_id["taobao-then-alipay"]["draft"]["found"] is False
    # where the finding points: the draft for a contradicted figure, the claims file for a stale says
    assert by_id["capex-vs-profit"]["at"] == {"path": "altered.md", "line": 48, "column": 68}
    assert by_id["taobao-then-alipay"]["at"] == {"path": "claims.yaml", "line": 111, "column": 5}


def test_the_rich_report_shows_the_draft(runner, article):
    out = runner.invoke(app, ["verify", "--draft", "altered.md", "-f", "rich", "--color", "never"])
    assert "draft altered.md: 22 of 23 claims located" in out.output
    assert "uncovered  altered.md:18:56  2003  (year)" in out.output


BROKEN = {
    "missing article.draft": ("article: {draft: nowhere.md}\n", [], 1, "claims.yaml:2:18: error: article.draft: no file nowhere.md"),
    "missing --draft": ("", ["--draft", "nowhere.md"], 2, "--draft nowhere.md: no such file"),
    "binary draft": ("article: {draft: d.md}\n", [], 1, "d.md:1:1: error: the draft cannot be read"),
}


@pytest.mark.parametrize("article_key, args, code, words", BROKEN.values(), ids=BROKEN.keys())
def test_a_draft_that_cannot_be_read_is_a_clear_problem(runner, tmp_path, monkeypatch, article_key, args, code, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "claims.yaml").write_text("version: 1\n" + article_key + "claims:\n  - {id: a, says: x, source: y}\n")
    out = runner.invoke(app, ["verify", "-f", "concise", *args])
    assert out.exit_code == code
    assert words in out.output
    assert "Traceback" not in out.output
