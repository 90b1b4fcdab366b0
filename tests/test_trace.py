"""Tracing a draft's figures to the company's filing (``verify --filing``, factcheck.trace).

Two real filings: Apple's 10-K for fiscal 2024 (Inline XBRL, US GAAP) and Ricoh
Leasing's results release for the year to March 2024 (a TDnet package: Japanese GAAP,
yen). Each has a draft in our own words with the filing's figures, the same draft with
ten planted slips of the kinds the issue names (prior period, a thousandfold magnitude,
basic for diluted EPS, a segment for the total, the sign, a wrong digit), and look-alike
measures that must never be contradicted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.draft import from_text
from factcheck.filing import read_filing
from factcheck.infer.reading import Reading
from factcheck.prose import read
from factcheck.trace import Trace, extended, trace
from factcheck.trace.periods import Wanted, said

DATA = Path(__file__).parent / "data"
APPLE = DATA / "filings" / "aapl-20240928.ixbrl.html"
APPLE_2023 = DATA / "filings" / "aapl-20230930.xbrl.xml"
RICOH = DATA / "filings" / "tdnet-8566-ricohleasing-2024-03-31-annual.zip"
DRAFTS = DATA / "trace"


def traces(name: str, *filings: Path, concepts: dict[str, object] | None = None) -> list[Trace]:
    text = (DRAFTS / name).read_text(encoding="utf-8")
    d = from_text(text, name)
    return trace(Reading(d, read(d.text)), [read_filing(str(f)) for f in filings],
                 extended(concepts) if concepts else None)


def by_figure(ts: list[Trace]) -> dict[str, Trace]:
    return {" ".join(t.fig.m.text.split()): t for t in ts}


# ---------------------------------------------------------------------------- clean drafts


@pytest.mark.parametrize(("draft", "filing", "at_least"), [
    ("apple-fy2024.md", APPLE, 14),
    ("ricoh-fy2024.md", RICOH, 13),
    ("ricoh-fy2024-zh.md", RICOH, 9),
])
def test_a_correct_draft_is_traced_and_nothing_is_red(draft: str, filing: Path, at_least: int) -> None:
    ts = traces(draft, filing)
    statuses = [t.status for t in ts]
    assert "contradicted" not in statuses
    traced = statuses.count("traced")
    assert traced >= at_least
    assert traced / len(ts) >= 0.8, [(t.fig.m.text, t.status, t.why) for t in ts]


def test_each_traced_figure_names_its_fact() -> None:
    got = by_figure(traces("apple-fy2024.md", APPLE))
    revenue = got["$391.0 billion"]
    assert revenue.fact is not None and revenue.fact.concept == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
    assert str(revenue.period) == "2023-10-01/2024-09-28"
    prior = got["$383.3 billion"]  # 'from $383.3 billion a year earlier'
    assert str(prior.period) == "2022-09-25/2023-09-30"
    assert got["$6.08"].fact.concept == "us-gaap:EarningsPerShareDiluted"  # type: ignore[union-attr]
    assert str(got["$365.0 billion"].period) == "2024-09-28"  # a balance: the instant at the year's end
    services = got["$96.2 billion"]  # 'Services revenue': the part, by its member
    assert services.fact is not None and services.fact.dimensions[0][1] == "us-gaap:ServiceMember"
    # a payment the filing gives as a positive outflow, and a dividend said as 'paid … in dividends'
    assert got["$94.9 billion"].concept.key == "buybacks"  # type: ignore[union-attr]
    assert got["$15.2 billion"].concept.key == "dividends_paid"  # type: ignore[union-attr]


def test_a_negative_cash_flow_in_the_filing_is_an_amount_paid_in_the_draft() -> None:
    dividends = by_figure(traces("ricoh-fy2024.md", RICOH))["¥4.8 billion"]
    assert dividends.status == "traced"
    assert dividends.fact is not None and dividends.fact.value is not None and dividends.fact.value < 0


# ---------------------------------------------------------------------------- planted slips

APPLE_SLIPS = {
    "$383.3 billion": "trace-prior-period",  # last year's net sales as this year's
    "$93.7 million": "trace-magnitude",  # millions for billions
    "$6.11": "trace-twin",  # basic EPS for diluted
    "$96.2 billion": "trace-segment",  # Services revenue for the total
    "$93.7 billion": "trace-sign",  # a 'net loss' of the profit
    "$34.1 billion": None,  # a wrong figure, no slip explains it
    "$352.6 billion": "trace-prior-period",  # last year-end's total assets
    "$29.9 million": "trace-magnitude",
    "$114.3 billion": "trace-prior-period",
    "$6.13": "trace-prior-period",
}
RICOH_SLIPS = {
    "¥298.9 billion": "trace-prior-period",
    "¥21.0 million": "trace-magnitude",
    "¥25.1 billion": None,
    "¥14.9 billion": "trace-prior-period",
    "¥482.48": "trace-prior-period",
    "¥11.3 billion": "trace-sign",
    "¥4.0 billion": "trace-prior-period",
    "¥1,236.9 billion": "trace-prior-period",
    "¥221.9 million": "trace-magnitude",
    "¥14.1 billion": "trace-prior-period",
}
RICOH_ZH_SLIPS = {
    "2,988.89亿日元": "trace-prior-period",
    "210.1万日元": "trace-magnitude",  # 万 for 亿
    "148.72亿日元": "trace-prior-period",
    "482.48日元": "trace-prior-period",
    "12,369.21亿日元": "trace-prior-period",
}


@pytest.mark.parametrize(("draft", "filing", "slips"), [
    ("apple-fy2024-slips.md", APPLE, APPLE_SLIPS),
    ("ricoh-fy2024-slips.md", RICOH, RICOH_SLIPS),
    ("ricoh-fy2024-zh-slips.md", RICOH, RICOH_ZH_SLIPS),
])
def test_every_planted_slip_is_contradicted_with_its_hint(draft: str, filing: Path, slips: dict[str, str | None]) -> None:
    got = by_figure(traces(draft, filing))
    for figure, hint in slips.items():
        t = got[figure]
        assert t.status == "contradicted", (figure, t.status, t.why)
        assert (t.hint[0] if t.hint else None) == hint, (figure, t.hint)
    others = [t for f, t in got.items() if f not in slips]
    assert all(t.status != "contradicted" for t in others)


def test_look_alike_measures_are_never_contradicted() -> None:
    got = by_figure(traces("apple-lookalikes.md", APPLE))
    assert not [t for t in got.values() if t.status == "contradicted"]
    assert got["$30.0 billion"].status == "traced"  # Mac revenue: a part its member names
    assert got["$67.0 billion"].status == "traced"  # revenue from its Greater China segment
    assert got["$10.0 billion"].why.startswith("the filing breaks out no")  # a part the filing has not
    assert "adjusted" in got["$100.0 billion"].why
    assert "future" in got["$420.0 billion"].why
    assert got["$94.9 billion"].status == "untraced"  # a fourth quarter: no such context in a 10-K
    assert got["$400 billion"].why == "an approximate figure"


def test_a_wrong_segment_figure_is_contradicted_against_its_member() -> None:
    text = "# Apple in fiscal 2024\n\nApple's Mac revenue was $31.0 billion in fiscal 2024.\n"
    d = from_text(text, "mac.md")
    (t,) = trace(Reading(d, read(d.text)), [read_filing(str(APPLE))])
    assert t.status == "contradicted" and t.fact is not None
    assert t.fact.dimensions[0][1] == "aapl:MacMember"


def test_several_filings_a_figure_is_traced_in_the_one_that_has_its_period() -> None:
    ts = by_figure(traces("apple-fy2024.md", APPLE_2023))
    assert ts["$383.3 billion"].status == "traced"  # fiscal 2023 is the older filing's own year
    assert ts["$391.0 billion"].status == "untraced"  # fiscal 2024 it does not hold
    both = traces("apple-fy2024.md", APPLE_2023, APPLE)
    assert all(t.status == "traced" for t in both)


def test_a_figure_of_no_concept_is_traced_by_value_when_one_fact_alone_has_it() -> None:
    got = by_figure(traces("apple-lookalikes.md", APPLE))
    assert got["$123.5 billion"].status in ("value", "traced")
    text = "# Apple\n\nThe figure that matters was $123,485 million.\n"
    d = from_text(text, "v.md")
    (t,) = trace(Reading(d, read(d.text)), [read_filing(str(APPLE))])
    assert t.status == "value" and t.fact is not None and "BeforeIncomeTaxes" in t.fact.concept


def test_user_words_extend_the_table() -> None:
    text = "# Apple in fiscal 2024\n\nThe takings were $391.0 billion.\n"
    d = from_text(text, "u.md")
    reading = Reading(d, read(d.text))
    assert trace(reading, [read_filing(str(APPLE))])[0].status != "traced"
    (t,) = trace(reading, [read_filing(str(APPLE))], extended({"revenue": ["the takings"]}))
    assert t.status == "traced"
    with pytest.raises(ValueError, match="no bundled concept"):
        extended({"backlog": ["backlog"]})
    new = extended({"backlog": {"concepts": ["us-gaap:RevenueRemainingPerformanceObligation"], "words": ["backlog"]}})
    assert new.by_key["backlog"].names == ("RevenueRemainingPerformanceObligation",)


# ---------------------------------------------------------------------------- periods in words


@pytest.mark.parametrize(("text", "wanted"), [
    ("for fiscal 2024", Wanted(2024, 12)),
    ("in FY2023", Wanted(2023, 12)),
    ("the fourth quarter of 2024", Wanted(2024, 3, 4)),
    ("Q1 2025", Wanted(2025, 3, 1)),
    ("the first half of 2025", Wanted(2025, 6, 1)),
    ("a year earlier", Wanted(None, 0, 0, 1)),
    ("the year to March 2024", Wanted(None, 12, 0, 0, (2024, 3))),
    ("nine months ended September 30, 2024", Wanted(None, 9, 0, 0, (2024, 9))),
    ("2024年上半年", Wanted(2024, 6, 1)),
    ("一季度", Wanted(None, 3, 1)),
    ("前三季度", Wanted(None, 9)),
    ("上年同期", Wanted(None, 0, 0, 1)),
    ("2023年", Wanted(2023, 0)),
])
def test_periods_in_words(text: str, wanted: Wanted) -> None:
    found = said(text)
    assert found and found[0][2] == wanted, found


# ---------------------------------------------------------------------------- the command


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    for f in (APPLE, RICOH):
        shutil.copy(f, tmp_path / f.name)
    for f in DRAFTS.glob("*.md"):
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def verify(*args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from factcheck.cli import app

    r = CliRunner().invoke(app, ["verify", *args], catch_exceptions=False)
    return r.exit_code, r.output


def test_verify_with_a_filing_fails_the_slips_and_passes_the_clean_draft(repo: Path) -> None:
    from jsonschema import Draft7Validator

    from factcheck.schema import REPORT_SCHEMA

    code, out = verify("apple-fy2024-slips.md", "--filing", APPLE.name, "-f", "json")
    assert code == 1
    report = json.loads(out)
    Draft7Validator(REPORT_SCHEMA).validate(report)
    contradicted = [r for r in report["results"] if "contradicted" in r]
    assert len(contradicted) == 10 and all(r["status"] == "fail" for r in contradicted)
    first = next(r for r in contradicted if r["contradicted"]["figure"] == "$383.3 billion")
    assert first["contradicted"]["value"] == "391,035 million USD" and first["contradicted"]["decimals"] == -6
    assert first["hints"][0]["code"] == "trace-prior-period"
    assert report["files"][0]["trace"]["contradicted"] == 10

    code, out = verify("apple-fy2024.md", "--filing", APPLE.name, "-f", "concise")
    assert code == 0
    assert "14 figures against the filing: 14 traced, 0 contradicted, 0 untraced" in out


def test_only_contradicted_and_only_traced(repo: Path) -> None:
    code, out = verify("apple-fy2024.md", "--filing", APPLE.name, "--only", "contradicted", "-f", "json")
    assert code == 0 and json.loads(out)["results"] == []
    code, out = verify("apple-fy2024-slips.md", "--filing", APPLE.name, "--only", "traced", "-f", "json")
    assert code == 0 and json.loads(out)["results"] == []


def test_front_matter_and_config_name_the_filings(repo: Path) -> None:
    draft = (repo / "ricoh-fy2024-slips.md").read_text(encoding="utf-8")
    (repo / "front.md").write_text(f"---\nfilings: [{RICOH.name}]\n---\n{draft}", encoding="utf-8")
    code, out = verify("front.md", "-f", "json")
    assert code == 1 and json.loads(out)["files"][0]["trace"]["contradicted"] == 10
    (repo / "factcheck.toml").write_text(
        f'filings = ["{APPLE.name}"]\n[trace.concepts]\nrevenue = ["the takings"]\n', encoding="utf-8")
    (repo / "top.md").write_text("# Apple in fiscal 2024\n\nThe takings were $391.0 billion.\n", encoding="utf-8")
    code, out = verify("top.md", "-f", "json")
    assert code == 0 and json.loads(out)["files"][0]["trace"]["traced"] == 1


def test_a_hostile_front_matter_reads_nothing_outside_the_repository(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.htm"
    shutil.copy(APPLE, outside)
    (repo / "evil.md").write_text(f"---\nfilings: [{outside}, ../../etc/passwd]\n---\n# X\n\nRevenue was $391.0 billion.\n",
                                  encoding="utf-8")
    code, out = verify("evil.md", "-f", "json")
    report = json.loads(out)
    assert [p["code"] for p in report["files"][0]["problems"]] == ["path-refused", "path-refused"]
    assert "trace" not in report["files"][0] or report["files"][0]["trace"]["figures"] == 0
    code, out = verify("evil.md", "--filing", "missing.htm")
    assert code == 2 and "--filing missing.htm: no such file" in out


def test_a_bad_trace_table_in_the_config_is_a_usage_error(repo: Path) -> None:
    (repo / "factcheck.toml").write_text('[trace.concepts]\nbacklog = ["backlog"]\n', encoding="utf-8")
    code, out = verify("apple-fy2024.md")
    assert code == 2 and "no bundled concept has this key" in out


def test_html_hover_names_the_filing_fact(repo: Path) -> None:
    verify("apple-fy2024-slips.md", "--filing", APPLE.name, "-f", "html", "-o", "out.html")
    page = (repo / "out.html").read_text(encoding="utf-8")
    assert "the filing (contradicts): us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax" in page


def test_init_with_a_filing_writes_facts_read_from_it(repo: Path) -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    r = CliRunner().invoke(app, ["init", "c.yaml", "--draft", "apple-fy2024.md", "--filing", APPLE.name, "--no-schema"])
    assert r.exit_code == 0, r.output
    text = (repo / "c.yaml").read_text(encoding="utf-8")
    assert text.count(f'filing: "{APPLE.name}"') == 14
    assert 'concept: "us-gaap:EarningsPerShareDiluted"' in text
    _, out = verify("c.yaml", "-f", "json")
    assert not json.loads(out)["files"][0]["problems"]  # every figure loads back against the filing's fact


@pytest.mark.parametrize(("front", "paths"), [
    ("filings: 10-K.htm", ["10-K.htm"]),
    ("filings: [a.htm, 'b.zip']", ["a.htm", "b.zip"]),
    ("title: x\nfilings:\n  - a.htm\n  - sub/b.htm\ndate: 2025-01-01", ["a.htm", "sub/b.htm"]),
    ("title: no filings", []),
])
def test_front_matter_filings_are_read_as_text(front: str, paths: list[str]) -> None:
    from factcheck.draft import front_filings

    assert front_filings(f"---\n{front}\n---\n# T\n") == paths


def test_published_shapes_are_traced_or_left_alone_never_contradicted() -> None:
    """Shapes met in real published text about Apple's fiscal 2024 (our own sentences,
    the real figures): a quarter's figure, '$X in net income', a list led by its
    measure, 'Label: Sales rose …', a subject before the figure, 'respectively', a
    segment's sentence, a magnitude the reader leaves unread."""
    got = traces("apple-published-shapes.md", APPLE, APPLE_2023)
    assert not [(t.fig.m.text, t.why) for t in got if t.status == "contradicted"]
    status = {" ".join(t.fig.m.text.split()): t for t in got}
    assert status["$94.9 billion"].status == "untraced"  # the fourth quarter's, not the year's
    for figure in ("$391.0 billion", "$93.7 billion", "$383.3 billion", "$97.0 billion", "$201.2 billion",
                   "$96.2 billion", "$30.0 billion", "$67.0 billion", "$101.3 billion", "$85.2 billion"):
        assert status[figure].status == "traced", (figure, status[figure].why)
    iphone = status["$201.2 billion"].fact
    assert iphone is not None and iphone.dimensions[0][1] == "aapl:IPhoneMember"
    assert "respectively" in status["$6.16"].why
    assert not [f for f in status if f.startswith("$93.74")]  # "$93.74B": not read as a figure, nothing traced


@pytest.mark.parametrize(("text", "wanted"), [
    ("截至2024年9月28日的财年", Wanted(None, 12, 0, 0, (2024, 9))),
    ("截至2024年9月28日止三个月", Wanted(None, 3, 0, 0, (2024, 9))),
    ("全年", Wanted(None, 12)),
    ("2024财年第四季度", Wanted(2024, 3, 4)),
    ("fiscal 2024 fourth quarter", Wanted(2024, 3, 4)),
    ("上一财年", Wanted(None, 0, 0, 1)),
])
def test_periods_in_words_more(text: str, wanted: Wanted) -> None:
    found = said(text)
    assert found and found[0][2] == wanted, found


def test_published_shapes_in_chinese_and_the_words_of_doubt() -> None:
    """A quarter's figures (第四财季, 单季, 季度), approximate figures (约, 近), 其 for the
    company, '$94 billion in profit' (a measure the table has no phrase for): traced or
    left alone, never contradicted."""
    got = by_figure(traces("apple-published-shapes-zh.md", APPLE))
    assert not [(f, t.why) for f, t in got.items() if t.status == "contradicted"]
    assert got["949.30亿美元"].status == "untraced" and got["147.36亿美元"].status == "untraced"
    assert got["3910亿美元"].why == "an approximate figure" and got["940亿美元"].why == "an approximate figure"
    assert got["3910.35亿美元"].status == "traced" and got["937.36亿美元"].status == "traced"
    assert got["$94 billion"].status == "untraced"
    assert got["$118.3 billion"].concept.key == "operating_cash_flow"  # type: ignore[union-attr]
    assert got["$118.3 billion"].status == "traced"
    # numbers set apart from 亿美元 by a space, as some sites print them, read with their unit; 净收入 is
    # net income, not 收入
    assert got["3833 亿美元"].status == "traced" and got["970 亿美元"].status == "traced"
    assert got["970 亿美元"].concept.key == "net_income"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "wanted"), [
    ("苹果Q4净利", Wanted(None, 3, 4)),
    ("第四季营收", Wanted(None, 3, 4)),
    ("Q3 2024 revenue", Wanted(2024, 3, 3)),
])
def test_quarters_glued_to_words(text: str, wanted: Wanted) -> None:
    assert said(text)[0][2] == wanted
