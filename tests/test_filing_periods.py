"""A filing's own period (issue 24): a 10-Q's is its quarter, its year to date one
`period: year-to-date` away; filings without SEC cover facts take theirs from their
own cover facts (EDINET jpdei_cor, UK uk-bus, ESEF ifrs-full) or from the period most
of their facts are given for, and say which."""

from __future__ import annotations

from datetime import date

from factcheck.cli import app
from factcheck.filing import FactNotFound, Period, read_filing
from factcheck.load import load

from test_filing_forms import EDINET, PACKAGE, make_folder, make_zip

import pytest


def context(cid: str, start: str, end: str) -> str:
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>'
            f"<xbrli:period><xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate></xbrli:period></xbrli:context>")


TEN_Q = f"""<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
    xmlns:gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024">
  {context("ytd", "2024-01-01", "2024-09-30")}
  {context("q3", "2024-07-01", "2024-09-30")}
  {context("q3py", "2023-07-01", "2023-09-30")}
  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <dei:DocumentType contextRef="ytd">10-Q</dei:DocumentType>
  <dei:DocumentPeriodEndDate contextRef="ytd">2024-09-30</dei:DocumentPeriodEndDate>
  <gaap:Revenues contextRef="ytd" unitRef="usd" decimals="-6">9000000000</gaap:Revenues>
  <gaap:Revenues contextRef="q3" unitRef="usd" decimals="-6">3100000000</gaap:Revenues>
  <gaap:Revenues contextRef="q3py" unitRef="usd" decimals="-6">2900000000</gaap:Revenues>
  <gaap:NetIncomeLoss contextRef="q3" unitRef="usd" decimals="-6">500000000</gaap:NetIncomeLoss>
</xbrli:xbrl>
"""


def test_a_10q_defaults_to_its_quarter_and_its_year_to_date_is_one_word_away(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "q.xml").write_text(TEN_Q)
    filing = read_filing(tmp_path / "q.xml")
    assert filing.period == Period(date(2024, 7, 1), date(2024, 9, 30))
    assert filing.year_to_date == Period(date(2024, 1, 1), date(2024, 9, 30))
    assert filing.period_source == "dei:DocumentPeriodEndDate (its quarter)"
    assert filing.fact("us-gaap:Revenues").value == 3_100_000_000
    assert filing.fact("us-gaap:Revenues", "year-to-date").value == 9_000_000_000
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nfacts:\n  q: {filing: q.xml, concept: us-gaap:Revenues}\n"
        "  ytd: {filing: q.xml, concept: us-gaap:Revenues, period: year-to-date}\nclaims:\n  - {id: x, source: s}\n"
    )
    doc = load(str(tmp_path / "claims.yaml"))
    assert doc.problems == ()
    assert doc.facts["q"].origin.period == "2024-07-01/2024-09-30"
    assert doc.facts["ytd"].origin.period == "2024-01-01/2024-09-30"


def test_year_to_date_of_an_annual_report_says_what_to_write(tmp_path):
    (tmp_path / "k.xml").write_text(TEN_Q.replace(">10-Q<", ">10-K<"))
    filing = read_filing(tmp_path / "k.xml")
    assert filing.period == Period(date(2024, 1, 1), date(2024, 9, 30)) and filing.year_to_date is None
    with pytest.raises(FactNotFound, match="period: year-to-date is for an interim report"):
        filing.fact("us-gaap:Revenues", "year-to-date")


def test_an_edinet_filing_takes_its_period_from_jpdei(tmp_path):
    filing = read_filing(make_folder(tmp_path / "S100TEST", EDINET))
    assert filing.period == Period(date(2023, 4, 1), date(2024, 3, 31))
    assert filing.period_source == "jpdei_cor:CurrentFiscalYearStartDateDEI and jpdei_cor:CurrentPeriodEndDateDEI"
    assert filing.fact("jppfs_cor:NetSales").value == 1_234_567_000_000
    assert filing.fact("jppfs_cor:Assets").value == 99_000_000_000  # the instant at its end


UK = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
  xmlns:bus="http://xbrl.frc.org.uk/cd/2023-01-01/business" xmlns:core="http://xbrl.frc.org.uk/fr/2023-01-01/core"><body>
<div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric name="bus:StartDateForPeriodCoveredByReport" contextRef="fy">2023-04-01</ix:nonNumeric>
<ix:nonNumeric name="bus:EndDateForPeriodCoveredByReport" contextRef="fy">2024-03-31</ix:nonNumeric>
</ix:hidden><ix:resources>
CONTEXTS
<xbrli:unit id="GBP"><xbrli:measure>iso4217:GBP</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<p><ix:nonFraction name="core:TurnoverRevenue" contextRef="fy" unitRef="GBP" decimals="0" format="ixt:num-dot-decimal">812,345</ix:nonFraction></p>
<p><ix:nonFraction name="core:TurnoverRevenue" contextRef="py" unitRef="GBP" decimals="0" format="ixt:num-dot-decimal">700,001</ix:nonFraction></p>
<p><ix:nonFraction name="core:Equity" contextRef="py" unitRef="GBP" decimals="0" format="ixt:num-dot-decimal">5</ix:nonFraction></p>
<p><ix:nonFraction name="core:Creditors" contextRef="py" unitRef="GBP" decimals="0" format="ixt:num-dot-decimal">6</ix:nonFraction></p>
</body></html>
""".replace("CONTEXTS", context("fy", "2023-04-01", "2024-03-31") + context("py", "2022-04-01", "2023-03-31"))


def test_a_uk_filing_takes_its_period_from_uk_bus_even_where_more_facts_are_of_another(tmp_path):
    # the UK's business taxonomy is uk-bus by its usual prefix; this one binds it as bus
    path = tmp_path / "uk.xhtml"
    path.write_text(UK)
    filing = read_filing(path)
    assert filing.period == Period(date(2023, 4, 1), date(2024, 3, 31))
    assert filing.period_source.startswith("uk-bus:StartDateForPeriodCoveredByReport")
    assert filing.fact("uk-core:TurnoverRevenue").value == 812_345


def test_without_cover_facts_the_most_common_period_is_taken_and_said(tmp_path, runner):
    filing = read_filing(make_zip(tmp_path / "esef.zip", PACKAGE))
    assert filing.period == Period(date(2023, 1, 1), date(2023, 12, 31))
    assert filing.period_source == "the period most of its facts are given for"
    out = runner.invoke(app, ["facts", str(tmp_path / "esef.zip")])
    assert out.output.splitlines()[0].endswith(
        "filing for 2023-01-01/2023-12-31 (its period from the period most of its facts are given for); 1 fact shown")
