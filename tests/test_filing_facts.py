"""Facts of a claims file read from filings (the two real Apple 10-Ks), shared facts
files (``include``), stale facts (``settings.max_age``) and provenance in the reports."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest

from factcheck import quantity as q
from factcheck.cli import app
from factcheck.engine import check_file
from factcheck.expr import Evaluator
from factcheck.load import load
from factcheck.load import filings as filing_facts
from factcheck.load.paths import named_file, repository_root
from factcheck.model import Status
from factcheck.schema import REPORT_SCHEMA

from conftest import HERE

FILINGS = HERE / "data" / "filings"
X2023 = "filings/aapl-20230930.xbrl.xml"
IX2024 = "filings/aapl-20240928.ixbrl.html"
FY2022 = "2021-09-26/2022-09-24"
FY2023 = "2022-09-25/2023-09-30"
FY2024 = "2023-10-01/2024-09-28"
SALES = "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
SERVICES = "{srt:ProductOrServiceAxis: us-gaap:ServiceMember}"
MILLION = 10**6


def make_repo(root: Path) -> Path:
    """A repository (a folder with .git) holding the two filings."""
    (root / ".git").mkdir(parents=True)
    (root / "filings").mkdir()
    for name in os.listdir(FILINGS):
        if name.startswith("aapl-"):
            shutil.copy(FILINGS / name, root / "filings" / name)
    return root


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """One repository for the tests that only read: the filings are read once."""
    return make_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture
def own_repo(tmp_path):
    return make_repo(tmp_path / "repo")


def write(folder: Path, text: str, name: str = "claims.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def fact_file(folder: Path, facts: str, claims: str = "  - {id: x, source: s}\n", head: str = "", name: str = "claims.yaml") -> Path:
    body = textwrap.indent(textwrap.dedent(facts).strip("\n"), "  ")
    return write(folder, f"version: 1\n{head}facts:\n{body}\nclaims:\n{claims}", name)


def value(doc, name: str) -> q.Value:
    v = Evaluator(doc.facts, q.NO_RATES, doc.broken_facts).fact(name)
    assert isinstance(v, q.Value)
    return v


# --------------------------------------------------------------------------- values, units, precision


def test_a_fact_from_the_xbrl_instance_has_the_filings_value_unit_and_precision(repo):
    doc = load(str(fact_file(repo, f"""
        net_income_fy2023:
          filing: {X2023}
          concept: us-gaap:NetIncomeLoss
          period: {FY2023}
    """)))
    assert doc.problems == ()
    v = value(doc, "net_income_fy2023")
    assert v.point == 96_995 * MILLION and isinstance(v.point, Fraction)
    # decimals -6: give or take half a million, exactly
    assert (v.iv.lo, v.iv.hi) == (Fraction(96_994_500_000), Fraction(96_995_500_000))
    assert v.unit == q.unit("USD")
    fact = doc.facts["net_income_fy2023"]
    assert fact.expr.text == "96,995 million USD" and q.fmt_value(v, 6) == "96,995 million USD"
    assert fact.as_of == "2023-09-30"
    o = fact.origin
    assert (o.concept, o.period, o.dimensions, o.decimals) == ("us-gaap:NetIncomeLoss", FY2023, (), -6)
    assert str(o) == f"filing aapl-20230930.xbrl.xml, us-gaap:NetIncomeLoss, {FY2023}, decimals -6"


def test_without_a_period_the_filings_own_period_is_read(repo):
    doc = load(str(fact_file(repo, f"""
        ni: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss}}
        ni_2022: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, period: {FY2022}}}
        assets: {{filing: {X2023}, concept: us-gaap:Assets}}
    """)))
    assert doc.problems == ()
    assert value(doc, "ni").point == 96_995 * MILLION
    assert value(doc, "ni_2022").point == 99_803 * MILLION
    assert doc.facts["assets"].origin.period == "2023-09-30"  # an instant: the period's end


def test_an_inline_figure_with_scale_6_and_a_negative_with_sign(repo):
    doc = load(str(fact_file(repo, f"""
        ni_2024: {{filing: {IX2024}, concept: us-gaap:NetIncomeLoss, period: {FY2024}}}
        other_2023: {{filing: {IX2024}, concept: us-gaap:NonoperatingIncomeExpense, period: {FY2023}}}
    """)))
    assert doc.problems == ()
    ni = value(doc, "ni_2024")
    assert ni.point == 93_736 * MILLION and ni.iv.hi - ni.iv.lo == MILLION and ni.unit == q.unit("USD")
    assert doc.facts["ni_2024"].expr.text == "93,736 million USD"
    other = value(doc, "other_2023")  # shown as 565 with sign="-"
    assert other.point == -565 * MILLION and (other.iv.lo, other.iv.hi) == (-565_500_000, -564_500_000)
    assert doc.facts["other_2023"].expr.text == "-565 million USD"


def test_a_dimensional_fact_and_its_total(repo):
    doc = load(str(fact_file(repo, f"""
        services: {{filing: {IX2024}, concept: {SALES}, period: {FY2024}, dimensions: {SERVICES}}}
        sales: {{filing: {IX2024}, concept: {SALES}, period: {FY2024}}}
    """)))
    assert doc.problems == ()
    assert value(doc, "services").point == 96_169 * MILLION
    assert value(doc, "sales").point == 391_035 * MILLION
    assert doc.facts["services"].origin.dimensions == (("srt:ProductOrServiceAxis", "us-gaap:ServiceMember"),)


def test_per_share_and_share_count_facts_keep_their_units(repo):
    doc = load(str(fact_file(repo, f"""
        eps: {{filing: {IX2024}, concept: us-gaap:EarningsPerShareDiluted, period: {FY2024}}}
        diluted_shares: {{filing: {IX2024}, concept: us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, period: {FY2024}}}
    """)))
    assert doc.problems == ()
    eps = value(doc, "eps")
    assert eps.point == Fraction("6.08") and (eps.iv.lo, eps.iv.hi) == (Fraction("6.075"), Fraction("6.085"))
    assert eps.unit == q.unit("USD") / q.count_unit("share")
    assert doc.facts["eps"].expr.text == "6.08 USD/share" and doc.facts["eps"].origin.decimals == 2
    shares = value(doc, "diluted_shares")
    assert shares.unit == q.count_unit("share") and shares.point == 15_408_095_000


def test_decimals_inf_is_exact_and_a_pure_number_is_plain(own_repo):
    write(own_repo, """
        <?xml version="1.0" encoding="utf-8"?>
        <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:gaap="http://fasb.org/us-gaap/2024"
            xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
          <xbrli:context id="fy">
            <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity>
            <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period>
          </xbrli:context>
          <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
          <xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
          <xbrli:unit id="chf"><xbrli:measure>iso4217:CHF</xbrli:measure></xbrli:unit>
          <gaap:Revenues contextRef="fy" unitRef="usd" decimals="INF">1234567</gaap:Revenues>
          <gaap:Ratio contextRef="fy" unitRef="pure" decimals="2">0.25</gaap:Ratio>
          <gaap:Swiss contextRef="fy" unitRef="chf" decimals="0">5</gaap:Swiss>
          <gaap:Name contextRef="fy">Acme</gaap:Name>
          <gaap:Cost contextRef="fy" unitRef="usd" decimals="-3">5000</gaap:Cost>
          <gaap:Cost contextRef="fy" unitRef="usd" decimals="-3">7000</gaap:Cost>
        </xbrli:xbrl>
    """, "filings/small.xml")
    path = fact_file(own_repo, """
        revenue: {filing: filings/small.xml, concept: us-gaap:Revenues, period: 2024-01-01/2024-12-31}
        ratio: {filing: filings/small.xml, concept: us-gaap:Ratio, period: 2024-01-01/2024-12-31}
        swiss: {filing: filings/small.xml, concept: us-gaap:Swiss, period: 2024-01-01/2024-12-31}
        name: {filing: filings/small.xml, concept: us-gaap:Name, period: 2024-01-01/2024-12-31}
        cost: {filing: filings/small.xml, concept: us-gaap:Cost}
    """)
    doc = load(str(path))
    revenue = value(doc, "revenue")
    assert revenue.point == 1_234_567 and revenue.exact and doc.facts["revenue"].origin.decimals == "INF"
    ratio = value(doc, "ratio")
    assert q.is_plain(ratio.unit) and (ratio.iv.lo, ratio.iv.hi) == (Fraction("0.245"), Fraction("0.255"))
    problems = {p.message.split(":")[0]: p for p in doc.problems}
    swiss = value(doc, "swiss")  # every ISO 4217 currency (issue 24), not only the six the language names
    assert swiss.point == 5 and swiss.unit == q.currency_unit("CHF") and q.is_currency("CHF")
    assert "it is a text fact ('Acme'), not a figure" in problems["fact 'name'"].message
    assert problems["fact 'cost'"].code == "filing-conflict" and "they disagree" in problems["fact 'cost'"].message
    assert (problems["fact 'cost'"].span.line, problems["fact 'cost'"].span.col) == (7, 46)  # at the concept
    assert set(doc.broken_facts) == {"name", "cost"}


# --------------------------------------------------------------------------- a written value checked


def test_a_written_value_that_agrees_with_its_filing_is_no_finding(repo):
    doc = load(str(fact_file(repo, f"""
        a: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, value: 96.995 billion USD}}
        b: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, value: 97 billion USD}}
        c: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, value: "96,995 million USD"}}
        d: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, value: 96995000000 USD}}
    """)))
    assert doc.problems == ()
    assert all(f.mismatch is None for f in doc.facts.values())


def test_a_written_value_that_disagrees_is_a_finding_showing_both_and_fails_its_claims(repo):
    path = fact_file(repo, f"""
        net_income_fy2023:
          filing: {X2023}
          concept: us-gaap:NetIncomeLoss
          value: 96.9 billion USD
        sales: {{filing: {X2023}, concept: {SALES}}}
        in_yuan: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, value: 96.995 billion CNY}}
    """, claims="""\
  - id: margin
    check: net_income_fy2023 / sales
    stated: 25.3%
  - id: margin-warning
    check: net_income_fy2023 / sales
    stated: 25.3%
    severity: warning
  - id: broken
    check: net_income_fy2023 / nothing
    stated: 25.3%
""", name="mismatch.claims.yaml")
    report = check_file(str(path))
    doc = report.document
    [mismatch, other_unit] = [p for p in doc.problems if p.code == "fact-mismatch"]
    assert (mismatch.span.line, mismatch.span.col) == (6, 12)  # at the written value
    assert mismatch.message.startswith(
        "fact 'net_income_fy2023': mismatch.claims.yaml says 96.9 billion USD; the filing says 96,995 million USD"
    )
    assert other_unit.message.startswith(
        "fact 'in_yuan': mismatch.claims.yaml says 96.995 billion CNY; the filing says 96,995 million USD, in another unit"
    )
    margin, warning, broken = report.results
    # computed with the filing's figure the claim holds (96,995 / 383,285 is 25.3%), but its input is wrong
    assert margin.status is Status.FAIL
    assert margin.message == (
        "uses fact 'net_income_fy2023', whose value disagrees with its filing: "
        "mismatch.claims.yaml says 96.9 billion USD; the filing says 96,995 million USD"
    )
    assert margin.hints[0].code == "filing-value" and margin.hints[0].message.startswith("computed with the filing's figure: pass")
    assert warning.status is Status.WARN
    assert broken.status is Status.ERROR and any(h.code == "fact-mismatch" for h in broken.hints)
    assert report.document.problems and check_file(str(path)).results[0].status is Status.FAIL


# --------------------------------------------------------------------------- errors at the fact's line


def test_what_cannot_be_read_is_a_problem_at_the_fact_and_an_error_of_its_claims(repo):
    write(repo, "not xml at all\n", "notes.txt")
    path = fact_file(repo, f"""
        typo: {{filing: {X2023}, concept: us-gaap:NetIncomeLos}}
        too_early:
          filing: {X2023}
          concept: us-gaap:NetIncomeLoss
          period: 2019-09-29/2020-09-26
        missing: {{filing: filings/nowhere.xml, concept: us-gaap:NetIncomeLoss}}
        not_xbrl: {{filing: notes.txt, concept: us-gaap:NetIncomeLoss}}
        folder: {{filing: filings, concept: us-gaap:NetIncomeLoss}}
        bad_period: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, period: 2023-09-30/2022-09-25}}
        no_concept: {{filing: {X2023}}}
        exact_too: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, exact: true}}
    """, claims="  - {id: uses-typo, check: typo * 2, stated: 1 USD}\n", name="errors.claims.yaml")
    doc = load(str(path))
    by_fact = {p.message.split(":")[0].removeprefix("fact ").strip("'"): p for p in doc.problems}
    assert set(by_fact) == {"typo", "too_early", "missing", "not_xbrl", "bad_period", "no_concept", "exact_too"}
    assert (by_fact["typo"].span.line, by_fact["typo"].code) == (3, "filing-no-fact")
    assert "did you mean us-gaap:NetIncomeLoss?" in by_fact["typo"].message
    assert by_fact["too_early"].span.line == 6  # at the concept
    assert "the filing has it for 2020-09-27/2021-09-25, 2021-09-26/2022-09-24, 2022-09-25/2023-09-30" in by_fact["too_early"].message
    assert by_fact["missing"].code == "path-missing" and "no file filings/nowhere.xml" in by_fact["missing"].message
    assert by_fact["not_xbrl"].code in ("filing-xml", "filing-not-xbrl")
    # a folder is read as a submission (issue 24): its Inline XBRL document, not the instance beside it
    assert value(doc, "folder").point == 93_736 * MILLION
    assert "ends before it starts" in by_fact["bad_period"].message
    assert by_fact["no_concept"].code == "missing-key"
    assert "decimals give its precision" in by_fact["exact_too"].message
    report = check_file(str(path))
    [r] = report.results
    assert r.status is Status.ERROR
    assert r.message.startswith("fact 'typo' cannot be used: its filing fact could not be read (line 3:")


def test_paths_are_relative_to_the_claims_file_and_stay_inside_its_repository(own_repo, tmp_path):
    secret = tmp_path / "secret.xml"
    shutil.copy(own_repo / X2023, secret)
    os.symlink(secret, own_repo / "filings" / "link.xml")
    sub = own_repo / "articles"
    path = fact_file(sub, f"""
        up: {{filing: ../{X2023}, concept: us-gaap:NetIncomeLoss}}
        absolute: {{filing: {own_repo / X2023}, concept: us-gaap:NetIncomeLoss}}
        outside: {{filing: ../../secret.xml, concept: us-gaap:NetIncomeLoss}}
        link_out: {{filing: ../filings/link.xml, concept: us-gaap:NetIncomeLoss}}
        home: {{filing: ~/x.xml, concept: us-gaap:NetIncomeLoss}}
    """)
    doc = load(str(path))
    assert "up" in doc.facts and value(doc, "up").point == 96_995 * MILLION
    refused = {p.message.split(":")[0].removeprefix("fact ").strip("'"): p for p in doc.problems}
    assert set(refused) == {"absolute", "outside", "link_out", "home"}
    assert all(p.code == "path-refused" for p in refused.values())
    assert "is an absolute path; write it relative to the claims file" in refused["absolute"].message
    assert "leads outside the claims file's repository" in refused["link_out"].message
    assert refused["outside"].span.line == 5


def test_the_repository_root_is_the_nearest_git_folder_else_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "a" / ".git").mkdir(parents=True)
    (tmp_path / "a" / "b").mkdir()
    assert repository_root(str(tmp_path / "a" / "b" / "claims.yaml")) == os.path.realpath(tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c").mkdir()
    assert repository_root(str(tmp_path / "c" / "claims.yaml")) == os.path.realpath(tmp_path)
    (tmp_path / "c" / "big.xml").write_bytes(b"x" * 2000)
    with pytest.raises(Exception, match="at most"):
        named_file(str(tmp_path / "c" / "claims.yaml"), "big.xml", 1000, "filing")


def test_a_filing_named_by_several_facts_is_read_once(own_repo, monkeypatch):
    calls = []
    real = filing_facts.read_filing

    def counting(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(filing_facts, "read_filing", counting)
    path = fact_file(own_repo, f"""
        a: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss}}
        b: {{filing: ./{X2023}, concept: {SALES}}}
        c: {{filing: filings/../{X2023}, concept: us-gaap:Assets}}
    """)
    assert load(str(path)).problems == ()
    load(str(path))
    assert len(calls) == 1
    os.utime(own_repo / X2023, ns=(1, 1))  # changed since: read again
    load(str(path))
    assert len(calls) == 2


# --------------------------------------------------------------------------- include


def test_an_included_facts_file_brings_its_facts_with_paths_relative_to_it(own_repo):
    write(own_repo, f"""
        version: 1
        facts:
          ni_2024: {{filing: ../{IX2024}, concept: us-gaap:NetIncomeLoss}}
          sales_2024: {{filing: ../{IX2024}, concept: {SALES}}}
    """, "facts/apple.yaml")
    path = write(own_repo, """
        version: 1
        include: [facts/apple.yaml]
        claims:
          - {id: margin, check: ni_2024 / sales_2024, stated: 24%}
    """)
    report = check_file(str(path))
    assert report.document.problems == ()
    [r] = report.results
    assert r.status is Status.PASS and [n for n, _ in r.provenance] == ["ni_2024", "sales_2024"]
    assert report.document.facts["ni_2024"].span.path.endswith("facts/apple.yaml")


def test_a_name_defined_twice_is_an_error_naming_both_places(own_repo):
    write(own_repo, "version: 1\nfacts:\n  shared: 2\n  only_there: 3\n", "facts/one.yaml")
    path = write(own_repo, """
        version: 1
        include: [facts/one.yaml]
        facts:
          shared: 1
        claims:
          - {id: uses-shared, check: shared, stated: 1}
          - {id: uses-other, check: only_there, stated: 3}
    """)
    report = check_file(str(path))
    [p] = report.document.problems
    assert p.code == "duplicate-fact" and p.span.path.endswith("facts/one.yaml") and p.span.line == 3
    assert p.message.startswith("fact 'shared' is defined twice: here and at ") and "claims.yaml:4:3" in p.message
    shared, other = report.results
    assert shared.status is Status.ERROR and "defined twice" in shared.message
    assert other.status is Status.PASS


def test_include_refuses_paths_outside_nested_includes_and_other_keys(own_repo, tmp_path):
    (tmp_path / "elsewhere.yaml").write_text("version: 1\nfacts: {x: 1}\n")
    write(own_repo, "version: 1\ninclude: [b.yaml]\nfacts: {a: 1}\nclaims: []\nsettings: {}\n", "facts/nested.yaml")
    path = write(own_repo, """
        version: 1
        include: [../../elsewhere.yaml, facts/nested.yaml, facts/missing.yaml]
        claims:
          - {id: a, check: a, stated: 1}
    """)
    doc = load(str(path))
    codes = [(p.code, os.path.basename(p.span.path), p.span.line) for p in doc.problems]
    assert ("path-refused", "claims.yaml", 2) in codes
    assert ("path-missing", "claims.yaml", 2) in codes
    assert ("nested-include", "nested.yaml", 2) in codes
    assert ("unknown-key", "nested.yaml", 4) in codes and ("unknown-key", "nested.yaml", 5) in codes
    nested = next(p for p in doc.problems if p.code == "nested-include")
    assert "cannot include others" in nested.message
    assert "a" in doc.facts  # the facts of a file with problems are still read, each problem told


def test_a_file_included_twice_or_the_claims_file_itself_is_refused(own_repo):
    write(own_repo, "version: 1\nfacts: {a: 1}\n", "facts/a.yaml")
    path = write(own_repo, """
        version: 1
        include:
          - facts/a.yaml
          - ./facts/a.yaml
          - claims.yaml
        claims:
          - {id: a, check: a, stated: 1}
    """)
    report = check_file(str(path))
    assert [(p.code, p.span.line) for p in report.document.problems] == [("duplicate-include", 4), ("duplicate-include", 5)]
    assert "is included already (line 3)" in report.document.problems[0].message
    assert "is this claims file itself" in report.document.problems[1].message
    assert report.results[0].status is Status.PASS


def test_include_without_filings_does_not_load_the_filing_reader(own_repo):
    import subprocess
    import sys

    write(own_repo, "version: 1\nfacts: {a: 1}\n", "facts/plain.yaml")
    write(own_repo, "version: 1\ninclude: [facts/plain.yaml]\nclaims:\n  - {id: ok, check: a + 1, stated: 2}\n")
    code = (
        "import sys\nfrom factcheck.engine import run\nr = run(['claims.yaml'])\n"
        "print(r.counts()['pass'], sorted(m for m in sys.modules if m.startswith('factcheck.filing')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=own_repo, timeout=60, check=False)
    assert out.stdout.strip() == "1 []", out.stdout + out.stderr


# --------------------------------------------------------------------------- stale facts


STALE = f"""
    ni_2023: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss}}
    ni_2024: {{filing: {IX2024}, concept: us-gaap:NetIncomeLoss}}
    typed: {{value: 3 billion USD, as_of: 2020-01-31}}
"""
STALE_CLAIMS = """\
  - {id: growth, check: "growth(ni_2023, ni_2024)", stated: -3.4%}
  - {id: recent, check: ni_2024, stated: 93.7 billion USD}
  - {id: typed, check: typed, stated: 5 billion USD}
"""


@pytest.mark.parametrize(
    "published, max_age, statuses",
    [
        ("2025-06-01", "18 months", ["warn", "pass", "fail"]),  # FY2023 ended 20 months before
        ("2025-03-30", "18 months", ["pass", "pass", "fail"]),  # 2023-09-30 + 18 months = 2025-03-30
        ("2025-03-31", "18 months", ["warn", "pass", "fail"]),
        ("2025-06-01", "2 years", ["pass", "pass", "fail"]),
        ("2024-10-05", "10 days", ["warn", "pass", "fail"]),
        ("2024-10-10", "2 weeks", ["warn", "pass", "fail"]),
        (None, "18 months", ["pass", "pass", "fail"]),  # no article date: no check
        ("2025-06-01", None, ["pass", "pass", "fail"]),
    ],
)
def test_a_fact_older_than_max_age_makes_a_passing_claim_a_warn(repo, published, max_age, statuses):
    head = (f"article: {{published: {published}}}\n" if published else "") + (
        f"settings: {{max_age: {max_age}}}\n" if max_age else "")
    path = fact_file(repo, STALE, STALE_CLAIMS, head, name=f"stale-{published}-{max_age}.claims.yaml".replace(" ", ""))
    report = check_file(str(path))
    assert report.document.problems == ()
    assert [r.status.value for r in report.results] == statuses
    growth = report.results[0]
    if statuses[0] == "warn":
        [hint] = [h for h in growth.hints if h.code == "stale-fact"]
        assert hint.message.startswith("fact 'ni_2023' is as of 2023-09-30, ") and "older than settings.max_age" in hint.message
        assert "but it uses a fact older than settings.max_age: 'ni_2023'" in growth.message
    typed = report.results[2]  # a failing claim keeps its status, and gains the hint when stale
    assert any(h.code == "stale-fact" for h in typed.hints) == bool(published and max_age)


def test_the_stale_hint_says_the_age(repo):
    path = fact_file(repo, STALE, STALE_CLAIMS, "article: {published: 2025-06-01}\nsettings: {max_age: 18 months}\n",
                     name="age.claims.yaml")
    growth = check_file(str(path)).results[0]
    assert growth.hints[-1].message == (
        "fact 'ni_2023' is as of 2023-09-30, 20 months before the article (published 2025-06-01): "
        "older than settings.max_age, 18 months"
    )


def test_max_age_must_be_a_time(repo):
    path = fact_file(repo, "a: 1\n", head="settings: {max_age: soon}\n", name="bad-age.claims.yaml")
    [p] = load(str(path)).problems
    assert p.code == "wrong-value" and "settings.max_age should be a number of days, weeks, months or years" in p.message


def test_as_of_overrides_the_period_end(repo):
    path = fact_file(repo, f"ni: {{filing: {X2023}, concept: us-gaap:NetIncomeLoss, as_of: 2023-11-03}}\n",
                     name="asof.claims.yaml")
    assert load(str(path)).facts["ni"].as_of == "2023-11-03"


# --------------------------------------------------------------------------- provenance in the reports


PROVENANCE_CLAIMS = """\
  - id: services-share
    check: services / sales
    stated: 24.6%
  - id: plain
    check: 1 + 1
    stated: 2
"""
PROVENANCE_FACTS = f"""
    services: {{filing: {IX2024}, concept: {SALES}, dimensions: {SERVICES}}}
    sales_fy2024: {{filing: {IX2024}, concept: {SALES}}}
    sales: sales_fy2024
"""


def test_the_json_report_lists_the_filing_facts_a_claim_uses(repo, runner, monkeypatch):
    path = fact_file(repo, PROVENANCE_FACTS, PROVENANCE_CLAIMS, name="prov.claims.yaml")
    monkeypatch.chdir(repo)
    out = runner.invoke(app, ["verify", path.name, "-f", "json"])
    data = json.loads(out.output)
    jsonschema.validate(data, REPORT_SCHEMA)
    share, plain = data["results"]
    assert share["status"] == "pass"
    assert share["provenance"] == {
        "facts": [
            {"fact": "services", "filing": IX2024, "concept": SALES, "period": FY2024,
             "dimensions": {"srt:ProductOrServiceAxis": "us-gaap:ServiceMember"}, "decimals": -6,
             "value": "96,169 million USD", "line": share["provenance"]["facts"][0]["line"]},
            {"fact": "sales_fy2024", "filing": IX2024, "concept": SALES, "period": FY2024, "dimensions": {},
             "decimals": -6, "value": "391,035 million USD", "line": share["provenance"]["facts"][1]["line"]},
        ]
    }
    assert "provenance" not in plain  # additive: only where a filing's fact is used


def test_explain_shows_where_a_filing_fact_comes_from(repo, monkeypatch):
    from factcheck.explain import explain

    path = fact_file(repo, PROVENANCE_FACTS, PROVENANCE_CLAIMS, name="explain.claims.yaml")
    monkeypatch.chdir(repo)
    output, code = explain("services-share", path.name, width=400)
    assert code == 0, output
    assert "services = 96,169 million USD  [96,168.5 to 96,169.5 million USD]" in output
    assert (
        f"filing aapl-20240928.ixbrl.html, {SALES}, {FY2024}, srt:ProductOrServiceAxis=us-gaap:ServiceMember, "
        "decimals -6; as of 2024-09-28"
    ) in output
    assert f"filing aapl-20240928.ixbrl.html, {SALES}, {FY2024}, decimals -6" in output  # through `sales`


def test_the_html_report_shows_the_filing_in_the_steps(repo, runner, monkeypatch, tmp_path):
    path = fact_file(repo, PROVENANCE_FACTS, PROVENANCE_CLAIMS, name="html.claims.yaml")
    monkeypatch.chdir(repo)
    page = tmp_path / "report.html"
    out = runner.invoke(app, ["verify", path.name, "-f", "html", "-o", str(page)])
    assert out.exit_code == 0, out.output
    html = page.read_text(encoding="utf-8")
    assert f"filing aapl-20240928.ixbrl.html, {SALES}, {FY2024}, decimals -6" in html


def test_a_problem_of_an_included_file_names_it_in_the_json_report(own_repo, runner, monkeypatch):
    write(own_repo, "version: 1\nfacts:\n  a: 1\nclaims: []\n", "facts/extra.yaml")
    write(own_repo, "version: 1\ninclude: [facts/extra.yaml]\nclaims:\n  - {id: a, check: a, stated: 1}\n")
    monkeypatch.chdir(own_repo)
    data = json.loads(runner.invoke(app, ["verify", "-f", "json"]).output)
    jsonschema.validate(data, REPORT_SCHEMA)
    [problem] = data["files"][0]["problems"]
    assert (problem["file"], problem["line"], problem["code"]) == ("facts/extra.yaml", 4, "unknown-key")


# --------------------------------------------------------------------------- the example


def test_the_apple_example_verifies_every_claim_from_both_filings(runner, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    out = runner.invoke(app, ["verify", "examples/apple-fy2024/claims.yaml", "-f", "json"])
    data = json.loads(out.output)
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["exit_code"] == 0 and data["files"][0]["problems"] == []
    statuses = {r["id"]: r["status"] for r in data["results"]}
    assert set(statuses.values()) == {"pass"} and len(statuses) == 9  # EPS in USD/share included
    assert all(r["draft"]["found"] for r in data["results"])
    assert data["summary"]["coverage"]["uncovered"] == 0
    filings = {f["filing"] for r in data["results"] for f in r.get("provenance", {}).get("facts", [])}
    assert filings == {"examples/apple-fy2024/filings/aapl-20230930.xbrl.xml",
                       "examples/apple-fy2024/filings/aapl-20240928.ixbrl.html"}
