"""Facts read from filings: the two real Apple 10-Ks (an XBRL instance and an Inline
XBRL document, copied into tests/data/filings), small synthetic filings for what the
real ones lack, hostile files, and the `factcheck facts` command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from factcheck.cli import app
from factcheck.filing import (
    INF,
    FactConflict,
    FactNotFound,
    FilingError,
    Period,
    read_filing,
    written,
)
from factcheck.filing import reader, transforms

from conftest import HERE, ROOT

FILINGS = HERE / "data" / "filings"
XBRL_2023 = FILINGS / "aapl-20230930.xbrl.xml"
IXBRL_2024 = FILINGS / "aapl-20240928.ixbrl.html"

FY2022 = "2021-09-26/2022-09-24"
FY2023 = "2022-09-25/2023-09-30"
FY2024 = "2023-10-01/2024-09-28"
SERVICES = {"srt:ProductOrServiceAxis": "us-gaap:ServiceMember"}
MILLION = 10**6


@pytest.fixture(scope="module")
def x2023():
    return read_filing(XBRL_2023)


@pytest.fixture(scope="module")
def ix2024():
    return read_filing(IXBRL_2024)


# --------------------------------------------------------------------------- the real filings


def test_the_instance_gives_net_income_exactly_with_its_unit_and_place(x2023):
    f = x2023.fact("us-gaap:NetIncomeLoss", FY2023)
    assert f.value == 96_995 * MILLION and isinstance(f.value, Fraction)
    assert f.unit.text == "USD" and f.unit.numerator == ("iso4217:USD",)
    assert f.decimals == -6 and f.raw == "96995000000"
    assert (f.line, f.col) == (2600, 5) and f.context == "c-1" and f.id == "f-105"
    assert written(f) == "96,995 million USD"


def test_net_sales_as_the_readme_of_the_filings_says(x2023):
    f = x2023.fact("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", FY2023)
    assert f.value == 383_285 * MILLION and f.decimals == -6


def test_decimals_minus_six_is_a_multiple_of_a_million_give_or_take_half_a_million(x2023):
    f = x2023.fact("us-gaap:NetIncomeLoss", FY2023)
    assert f.value % MILLION == 0
    assert f.interval == (Fraction(96_994_500_000), Fraction(96_995_500_000))


def test_eps_is_in_usd_per_share_to_the_cent(x2023, ix2024):
    for filing in (x2023, ix2024):
        f = filing.fact("us-gaap:EarningsPerShareDiluted", FY2023)
        assert f.value == Fraction("6.13") and f.decimals == 2
        assert f.unit.numerator == ("iso4217:USD",) and f.unit.denominator == ("xbrli:shares",)
        assert f.unit.text == "USD/share" and written(f) == "6.13 USD/share"
        assert f.interval == (Fraction("6.125"), Fraction("6.135"))


def test_shares_and_an_exact_count(x2023, ix2024):
    f = x2023.fact("us-gaap:CommonStockSharesOutstanding", "2023-09-30")
    assert f.value == 15_550_061_000 and f.unit.text == "shares" and f.decimals == -3
    assert written(f) == "15,550,061,000 shares"
    # the Inline XBRL shows the same figure in thousands (scale 3): written the same way
    g = ix2024.fact("us-gaap:CommonStockSharesOutstanding", "2023-09-30")
    assert (g.raw, g.scale, g.value) == ("15,550,061", 3, f.value) and written(g) == written(f)
    authorized = x2023.fact("us-gaap:CommonStockSharesAuthorized", "2023-09-30")
    assert authorized.decimals == INF and authorized.interval == (authorized.value,) * 2


def test_an_inline_figure_with_scale_6(ix2024):
    f = ix2024.fact("us-gaap:NetIncomeLoss", FY2024)
    assert (f.raw, f.scale, f.format) == ("93,736", 6, "ixt:num-dot-decimal")
    assert f.value == 93_736 * MILLION and f.decimals == -6
    assert f.interval == (Fraction(93_735_500_000), Fraction(93_736_500_000))
    assert written(f) == "93,736 million USD"


def test_an_inline_figure_with_scale_9_keeps_the_digit_its_decimals_mean(ix2024):
    f = ix2024.fact("us-gaap:OperatingLeaseCost", FY2023)
    assert (f.raw, f.scale, f.decimals, f.value) == ("2.0", 9, -8, 2_000_000_000)
    assert written(f) == "2.0 billion USD"


def test_a_negative_shown_without_its_sign(ix2024, x2023):
    f = ix2024.fact("us-gaap:NonoperatingIncomeExpense", FY2023)
    assert (f.raw, f.sign, f.scale) == ("565", "-", 6)
    assert f.value == -565 * MILLION and written(f) == "-565 million USD"
    assert x2023.fact("us-gaap:NonoperatingIncomeExpense", FY2023).value == f.value
    assert ix2024.fact("us-gaap:NonoperatingIncomeExpense", FY2024).value == 269 * MILLION


def test_a_dimensional_fact_services_net_sales(x2023, ix2024):
    services = ix2024.fact("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", FY2024, SERVICES)
    assert services.value == 96_169 * MILLION and services.dims == SERVICES
    assert x2023.fact("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", FY2023, SERVICES).value == 85_200 * MILLION
    # without dimensions: the total, not a breakdown
    total = ix2024.fact("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", FY2024)
    assert total.value == 391_035 * MILLION and total.dimensions == ()


def test_a_percentage_with_scale_minus_2_is_a_plain_number(ix2024):
    axis = "us-gaap:RevenueRemainingPerformanceObligationExpectedTimingOfSatisfactionStartDateAxis"
    f = ix2024.fact("us-gaap:RevenueRemainingPerformanceObligationPercentage", "2024-09-28", {axis: "2024-09-29"})
    assert (f.raw, f.scale, f.value, f.unit.text) == ("64", -2, Fraction("0.64"), "")
    assert written(f) == "0.64"


def test_formats_fixed_zero_and_number_words(ix2024):
    zero = ix2024.fact("us-gaap:ProceedsFromIssuanceOfLongTermDebt", FY2024)
    assert (zero.raw, zero.format, zero.value) == ("—", "ixt:fixed-zero", 0)
    vendors = [f for f in ix2024.facts if f.concept == "aapl:NumberOfSignificantVendors"]
    assert vendors and all(f.format == "ixt-sec:numwordsen" and f.raw == "two" and f.value == 2 for f in vendors)
    assert written(vendors[0]) == "2 Vendor"  # the filer's unit aapl:Vendor, as it names it (issue 24)


def test_nil_facts_have_no_value(x2023, ix2024):
    for filing, day in ((x2023, "2023-09-30"), (ix2024, "2024-09-28")):
        f = filing.fact("us-gaap:CommitmentsAndContingencies", day)
        assert f.nil and f.value is None and f.interval is None and written(f) == "nil"


def test_the_documents_own_period(x2023, ix2024):
    assert x2023.kind == "xbrl" and ix2024.kind == "ixbrl"
    assert x2023.period == Period(date(2022, 9, 25), date(2023, 9, 30)) and x2023.period_end == date(2023, 9, 30)
    assert ix2024.period == Period(date(2023, 10, 1), date(2024, 9, 28)) and ix2024.period_end == date(2024, 9, 28)
    assert x2023.document_type == ix2024.document_type == "10-K"
    # the Inline XBRL states its end as "September 28, 2024" (ixt:date-monthname-day-year-en)
    end = ix2024.find("dei:DocumentPeriodEndDate")[0]
    assert end.text == "2024-09-28" and end.raw == "September 28, 2024"


def test_a_fact_defaults_to_the_filings_period_or_the_instant_at_its_end(x2023, ix2024):
    assert ix2024.fact("us-gaap:NetIncomeLoss").value == 93_736 * MILLION
    assert x2023.fact("us-gaap:NetIncomeLoss").value == 96_995 * MILLION
    assets = x2023.fact("us-gaap:Assets")
    assert assets.period == Period(None, date(2023, 9, 30)) and assets.value == 352_583 * MILLION


def test_duplicates_that_agree_give_one_fact(x2023):
    # the instance gives FY2023 net income three times (statements, equity, cash flows)
    assert len(x2023.find("us-gaap:NetIncomeLoss", FY2023)) >= 2
    assert x2023.fact("us-gaap:NetIncomeLoss", FY2023).line == 2600


def test_concepts_find_by_any_prefix_the_document_uses(ix2024):
    # the Inline XBRL document binds us-gaap but never declares dei, srt or aapl: kept as written
    assert ix2024.fact("dei:EntityCommonStockSharesOutstanding", "2024-10-18").value == 15_115_823_000
    assert ix2024.find("us-gaap:NetIncomeLoss") == ix2024.find(" us-gaap:NetIncomeLoss ")


def test_the_two_filings_agree_on_fiscal_2023(x2023, ix2024):
    """The FY2023 figures that both filings give (the 2024 one as its prior year) are
    the same: transforms, scale, sign and dimensions read alike from both formats."""

    def key(f):
        return (f.concept, f.period, f.dimensions, f.unit.text)

    old = {}
    for f in x2023.facts:
        if f.value is not None and f.numeric:
            old.setdefault(key(f), set()).add(f.value)
    same, different = 0, []
    for f in ix2024.facts:
        if f.value is not None and f.numeric and key(f) in old:
            if f.value in old[key(f)]:
                same += 1
            else:
                different.append((f.concept, str(f.period)))
    assert same >= 500
    # the one figure Apple restated: its 2022 "other" tax reconciliation item (456 -> 160 million)
    assert different == [("us-gaap:IncomeTaxReconciliationOtherAdjustments", FY2022)]


def test_every_numeric_fact_of_both_filings_has_a_value_or_is_nil(x2023, ix2024):
    for filing, count in ((x2023, 995), (ix2024, 963)):
        numeric = [f for f in filing.facts if f.numeric]
        assert len(numeric) == count
        assert all((f.value is None) == f.nil for f in numeric)
        assert all(f.error is None for f in filing.facts)
        assert filing.problems == ()


def test_not_found_says_what_the_filing_has(x2023):
    with pytest.raises(FactNotFound) as e:
        x2023.fact("us-gaap:NetIncomeLoss", "2019-09-28/2020-09-26")
    assert "the filing has it for 2020-09-27/2021-09-25, 2021-09-26/2022-09-24, 2022-09-25/2023-09-30" in str(e.value)
    assert e.value.candidates
    with pytest.raises(FactNotFound, match=r"no fact of us-gaap:NetIncome \(did you mean us-gaap:NetIncomeLoss\?\)"):
        x2023.fact("us-gaap:NetIncome")
    with pytest.raises(FactNotFound, match="did you mean us-gaap:NetIncomeLoss"):
        x2023.fact("us-gaap:netincomeloss")
    with pytest.raises(FactNotFound, match="with srt:ProductOrServiceAxis=us-gaap:ServiceMember; the filing has it with"):
        x2023.fact("us-gaap:NetIncomeLoss", FY2023, SERVICES)


# --------------------------------------------------------------------------- synthetic filings

INSTANCE = """\
<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:gaap="http://fasb.org/us-gaap/2024"
    xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
    xmlns:acme="http://acme.example/2024" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <xbrli:context id="fy">
    <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period>
  </xbrli:context>
  <xbrli:context id="eu">
    <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier>
      <xbrli:segment><xbrldi:explicitMember dimension="acme:RegionAxis">acme:EuropeMember</xbrldi:explicitMember></xbrli:segment>
    </xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2025-01-01T00:00:00</xbrli:endDate></xbrli:period>
  </xbrli:context>
  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <xbrli:unit id="eur"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
{facts}
</xbrli:xbrl>
"""


def instance(tmp_path: Path, facts: str, name: str = "filing.xml") -> Path:
    path = tmp_path / name
    path.write_text(INSTANCE.replace("{facts}", textwrap.indent(textwrap.dedent(facts).strip(), "  ")), encoding="utf-8")
    return path


def test_two_facts_that_disagree_are_a_conflict_naming_both(tmp_path):
    path = instance(
        tmp_path,
        """
        <gaap:Revenues contextRef="fy" unitRef="usd" decimals="-6">1000000000</gaap:Revenues>
        <gaap:Revenues contextRef="fy" unitRef="usd" decimals="-6">1100000000</gaap:Revenues>
        """,
    )
    filing = read_filing(path)
    assert len(filing.find("us-gaap:Revenues", "2024-01-01/2024-12-31")) == 2
    with pytest.raises(FactConflict) as e:
        filing.fact("us-gaap:Revenues")
    assert len(e.value.facts) == 2
    message = str(e.value)
    assert "us-gaap:Revenues for 2024-01-01/2024-12-31 is given 2 times, and they disagree" in message
    assert "1,000 million USD (line 17, decimals -6); 1,100 million USD (line 18, decimals -6)" in message


def test_duplicates_that_agree_within_their_precision_give_the_most_precise(tmp_path):
    path = instance(
        tmp_path,
        """
        <gaap:Revenues contextRef="fy" unitRef="usd" decimals="-9">1000000000</gaap:Revenues>
        <gaap:Revenues contextRef="fy" unitRef="usd" decimals="-6">1000400000</gaap:Revenues>
        """,
    )
    f = read_filing(path).fact("us-gaap:Revenues")
    assert f.value == 1_000_400_000 and f.decimals == -6 and f.line == 18


def test_the_same_fact_in_two_units_or_as_nil_is_a_conflict(tmp_path):
    path = instance(
        tmp_path,
        """
        <gaap:Revenues contextRef="fy" unitRef="usd" decimals="0">5</gaap:Revenues>
        <gaap:Revenues contextRef="fy" unitRef="eur" decimals="0">5</gaap:Revenues>
        <gaap:Assets contextRef="fy" unitRef="usd" decimals="0">7</gaap:Assets>
        <gaap:Assets contextRef="fy" unitRef="usd" xsi:nil="true"/>
        """,
    )
    filing = read_filing(path)
    with pytest.raises(FactConflict, match="in several units"):
        filing.fact("us-gaap:Revenues")
    with pytest.raises(FactConflict, match="both as a value and as nil"):
        filing.fact("us-gaap:Assets")


def test_prefixes_dimensions_dates_and_precision_of_an_instance(tmp_path):
    path = instance(
        tmp_path,
        """
        <gaap:Revenues contextRef="eu" unitRef="eur" precision="3">12345</gaap:Revenues>
        <acme:Widgets contextRef="fy" unitRef="usd" decimals="INF">-1.5E3</acme:Widgets>
        """,
    )
    filing = read_filing(path)
    # gaap: is the FASB's namespace: us-gaap:, whatever the document calls it
    f = filing.fact("us-gaap:Revenues", "2024-01-01/2024-12-31", {"acme:RegionAxis": "acme:EuropeMember"})
    # an end at midnight of 1 January is the end of 31 December
    assert f.period == Period(date(2024, 1, 1), date(2024, 12, 31))
    assert f.unit.text == "EUR" and f.value == 12345 and f.decimals == -2  # 3 significant digits
    assert filing.fact("acme:Widgets", "2024-01-01/2024-12-31").value == -1500


def test_a_fact_whose_context_is_missing_is_told_not_read(tmp_path):
    path = instance(tmp_path, '<gaap:Revenues contextRef="nope" unitRef="usd" decimals="0">5</gaap:Revenues>')
    filing = read_filing(path)
    assert filing.facts == ()
    assert filing.problems == ("17:3: us-gaap:Revenues names context 'nope', which the filing does not define",)


def test_an_unreadable_value_is_kept_with_its_reason(tmp_path):
    path = instance(tmp_path, '<gaap:Revenues contextRef="fy" unitRef="usd" decimals="0">12 million</gaap:Revenues>')
    f = read_filing(path).facts[0]
    assert f.value is None and f.error == "'12 million' is not a number"
    assert written(f).startswith("unreadable")


INLINE = """\
<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
      xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
      xmlns:t="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
      xmlns:ifrs="https://xbrl.ifrs.org/taxonomy/2023-03-23/ifrs-full"
      xmlns:dei="http://xbrl.sec.gov/dei/2024">
<body>
<div style="display:none"><ix:header><ix:resources>
  <xbrli:context id="y"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="eur"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
{body}
</body></html>
"""


def inline(tmp_path: Path, body: str, name: str = "report.xhtml") -> Path:
    path = tmp_path / name
    path.write_text(INLINE.replace("{body}", textwrap.dedent(body).strip()), encoding="utf-8")
    return path


def test_inline_formats_under_any_prefix_nesting_exclude_and_continuation(tmp_path):
    path = inline(
        tmp_path,
        """
        <p>Revenue <ix:nonFraction name="ifrs:Revenue" contextRef="y" unitRef="eur" decimals="-3" scale="3"
           format="t:num-comma-decimal">1.234.567,5</ix:nonFraction> thousand.</p>
        <p>Loss <ix:nonFraction name="ifrs:ProfitLoss" contextRef="y" unitRef="eur" decimals="-6" scale="6" sign="-"
           format="t:num-dot-decimal"><ix:nonFraction name="ifrs:ComprehensiveIncome" contextRef="y" unitRef="eur"
           decimals="-6" scale="6" sign="-" format="t:num-dot-decimal">12.5</ix:nonFraction></ix:nonFraction></p>
        <p><ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="y" format="t:date-day-monthname-year-en">31
           December <ix:exclude>(audited)</ix:exclude>2024</ix:nonNumeric></p>
        <p><ix:nonNumeric name="dei:DocumentType" contextRef="y" continuedAt="more">Annual</ix:nonNumeric></p>
        <p><ix:continuation id="more"> report</ix:continuation></p>
        """,
    )
    filing = read_filing(path)
    revenue = filing.fact("ifrs-full:Revenue")
    assert revenue.value == Fraction("1234567.5") * 1000 and revenue.format == "ixt:num-comma-decimal"
    assert written(revenue) == "1,234,567,500 EUR"
    loss, nested = filing.fact("ifrs-full:ProfitLoss"), filing.fact("ifrs-full:ComprehensiveIncome")
    assert loss.value == nested.value == -12_500_000 and written(loss) == "-12.5 million EUR"
    assert filing.period_end == date(2024, 12, 31) and filing.document_type == "Annual report"
    assert (revenue.line, revenue.col) == (13, 12)


def test_a_continuation_continues_one_fact_and_a_loop_ends(tmp_path):
    """Issue 25: a chain shared by many facts is joined to the first one only (each
    continuation read once, not copied into every fact), a loop stops where it closes,
    and the filing's problems say so."""
    facts = "".join(f'<ix:nonNumeric name="dei:Note{i}" contextRef="y" continuedAt="k0">n{i}</ix:nonNumeric>' for i in range(3))
    path = inline(
        tmp_path,
        f"""
        {facts}
        <ix:continuation id="k0" continuedAt="k1"> one</ix:continuation>
        <ix:continuation id="k1"> two</ix:continuation>
        <ix:nonNumeric name="dei:Loop" contextRef="y" continuedAt="l0">loop</ix:nonNumeric>
        <ix:continuation id="l0" continuedAt="l1"> a</ix:continuation><ix:continuation id="l1" continuedAt="l0"> b</ix:continuation>
        """,
    )
    filing = read_filing(path)
    texts = {f.concept: f.raw for f in filing.facts}
    assert texts == {"dei:Note0": "n0 one two", "dei:Note1": "n1", "dei:Note2": "n2", "dei:Loop": "loop a b"}
    assert filing.problems == (
        "13:83: dei:Note1: continuedAt 'k0' names an ix:continuation that dei:Note0 at 13:1 reaches already "
        "(a continuation continues one fact, once); its text is left out here",
        "13:165: dei:Note2: continuedAt 'k0' names an ix:continuation that dei:Note0 at 13:1 reaches already "
        "(a continuation continues one fact, once); its text is left out here",
        "16:1: dei:Loop: continuedAt 'l0' names an ix:continuation that this fact's own chain reaches already "
        "(a continuation continues one fact, once); its text is left out here",
    )


def test_inline_values_that_do_not_fit_their_format(tmp_path):
    path = inline(
        tmp_path,
        """
        <ix:nonFraction name="ifrs:A" contextRef="y" unitRef="eur" decimals="0" format="t:num-dot-decimal">12,5 €</ix:nonFraction>
        <ix:nonFraction name="ifrs:B" contextRef="y" unitRef="eur" decimals="0" format="t:made-up">12</ix:nonFraction>
        <ix:nonFraction name="ifrs:C" contextRef="y" unitRef="eur" decimals="0">-12</ix:nonFraction>
        """,
    )
    errors = {f.concept: f.error for f in read_filing(path).facts}
    assert errors == {
        "ifrs-full:A": "'12,5 €' is not a number written with '.' before its decimals",
        "ifrs-full:B": "format ixt:made-up is unknown, not a numeric format this reader knows",
        "ifrs-full:C": "'-12': a nonFraction shows no sign (sign=\"-\" makes it negative)",
    }


@pytest.mark.parametrize(
    "name, text, value",
    [
        ("ixt:num-dot-decimal", "1,234,567.89", "1234567.89"),
        ("ixt:num-dot-decimal", "1 234\u00a0567", "1234567"),
        ("ixt:num-dot-decimal", ".5", "0.5"),
        ("ixt:numdotdecimal", "96,995", "96995"),
        ("ixt:num-comma-decimal", "1.234.567,89", "1234567.89"),
        ("ixt:numcommadecimal", "0,5", "0.5"),
        ("ixt:num-dot-decimal-apos", "1'234.5", "1234.5"),
        ("ixt:fixed-zero", "—", "0"),
        ("ixt:zerodash", "-", "0"),
        ("ixt:num-unit-decimal", "5 dollars 25 cents", "5.25"),
        ("ixt:num-unit-decimal", "7 euro 5", "7.05"),
        ("ixt-sec:numwordsen", "two", "2"),
        ("ixt-sec:numwordsen", "Twenty-one", "21"),
        ("ixt-sec:numwordsen", "one hundred and five", "105"),
        ("ixt-sec:numwordsen", "three thousand two hundred", "3200"),
        ("ixt-sec:numwordsen", "a million", "1000000"),
        ("ixt-sec:numwordsen", "no", "0"),
        ("ixt-sec:numwordsen", "None", "0"),
    ],
)
def test_numeric_transforms(name, text, value):
    assert transforms.NUMERIC[name](text) == Fraction(value)


@pytest.mark.parametrize(
    "name, text",
    [
        ("ixt:num-dot-decimal", "1.234,5"),
        ("ixt:num-dot-decimal", "(565)"),
        ("ixt:num-dot-decimal", ""),
        ("ixt:num-comma-decimal", "1,2,3"),
        ("ixt-sec:numwordsen", "two apples"),
        ("ixt-sec:numinf", "INF"),
    ],
)
def test_numeric_transforms_refuse_what_they_do_not_read(name, text):
    with pytest.raises(ValueError):
        transforms.NUMERIC[name](text)


@pytest.mark.parametrize(
    "name, text, value",
    [
        ("ixt:date-monthname-day-year-en", "September\u00a028, 2024", "2024-09-28"),
        ("ixt:datemonthdayyearen", "Sept. 28 2024", "2024-09-28"),
        ("ixt:date-day-monthname-year-en", "28th September 2024", "2024-09-28"),
        ("ixt:date-monthname-day-en", "September 28", "--09-28"),
        ("ixt:date-monthname-year-en", "September 2024", "2024-09"),
        ("ixt:date-month-day-year", "09/28/24", "2024-09-28"),
        ("ixt:date-day-month-year", "28.09.2024", "2024-09-28"),
        ("ixt:date-year-month-day", "2024-09-28", "2024-09-28"),
        ("ixt:fixed-true", "☒", "true"),
    ],
)
def test_text_transforms(name, text, value):
    assert transforms.TEXT[name](text) == value


def test_text_transforms_refuse_a_date_that_is_not_one():
    with pytest.raises(ValueError):
        transforms.TEXT["ixt:date-monthname-day-year-en"]("Smarch 40, 2024")
    with pytest.raises(ValueError):
        transforms.TEXT["ixt:date-month-day-year"]("02/30/2024")


# --------------------------------------------------------------------------- files that are not filings

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
""" + "".join(
    f' <!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 2 else "") + ";") * 10}">\n' for i in range(2, 10)
) + """]>
<xbrl xmlns="http://www.xbrl.org/2003/instance">&lol9;</xbrl>
"""


def test_entity_expansion_is_refused_at_once(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text(LAUGHS)
    start = time.perf_counter()
    with pytest.raises(FilingError) as e:
        read_filing(path)
    assert time.perf_counter() - start < 0.5
    assert e.value.code == "filing-dtd"
    assert str(e.value).startswith(f"{path}:2:")
    assert "refused: a document type declaration with declarations of its own" in str(e.value)


def test_an_external_entity_is_refused_and_nothing_is_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>\n'
        '<xbrl xmlns="http://www.xbrl.org/2003/instance">&s;</xbrl>\n'
    )
    with pytest.raises(FilingError, match="refused"):
        read_filing(path)


def test_a_doctype_without_declarations_is_read(tmp_path):
    path = inline(tmp_path, '<ix:nonFraction name="ifrs:A" contextRef="y" unitRef="eur" decimals="0">3</ix:nonFraction>')
    text = path.read_text().replace("<html", "<!DOCTYPE html>\n<html", 1)
    path.write_text(text)
    assert read_filing(path).fact("ifrs-full:A").value == 3


def test_elements_nested_too_deep_are_refused_at_once(tmp_path):
    path = inline(tmp_path, "<div>" * 2000 + "</div>" * 2000)
    with pytest.raises(FilingError, match=r":13:4991: refused: elements nested more than 1000 deep") as e:
        read_filing(path)
    assert e.value.code == "filing-nesting"


def test_facts_nested_around_the_same_text_are_refused_before_they_cost_much(tmp_path):
    fact = '<ix:nonNumeric name="ifrs:A" contextRef="y">'
    path = inline(tmp_path, fact * 50 + "x" * 100_000 + "</ix:nonNumeric>" * 50)
    with pytest.raises(FilingError, match="refused: facts and continuations nested in each other repeat more text than the file holds"):
        read_filing(path)
    # the same text under a few facts, as real filings nest them, is read
    path = inline(tmp_path, fact * 3 + "x" * 10_000 + "</ix:nonNumeric>" * 3)
    assert [len(f.text) for f in read_filing(path).facts] == [10_000] * 3


def test_numbers_that_would_be_huge_are_refused_unmade(tmp_path):
    fact = '<ix:nonFraction name="ifrs:{}" contextRef="y" unitRef="eur" decimals="0" format="{}">{}</ix:nonFraction>'
    path = inline(
        tmp_path,
        fact.format("Words", "ixt-sec:numwordsen", "hundred " * 100)
        + fact.format("Long", "ixt:num-dot-decimal", "999," * 100_000 + "9")
        + fact.format("Digits", "ixt:num-dot-decimal", "9" * 1500)
        + '<ix:nonFraction name="ifrs:Scaled" contextRef="y" unitRef="eur" decimals="0" scale="1000">1</ix:nonFraction>',
    )
    start = time.perf_counter()
    errors = {f.concept: f.error for f in read_filing(path).facts}
    assert time.perf_counter() - start < 1
    assert errors == {
        "ifrs-full:Words": "a number of more than 40 words",
        "ifrs-full:Long": "400,001 characters is too long for a number (at most 2,000)",
        "ifrs-full:Digits": "a number of 1500 digits is too long (at most 1200)",
        "ifrs-full:Scaled": "scale '1000' is not an integer from -100 to 100",
    }


@pytest.mark.parametrize(
    "content, message",
    [
        ("version: 1\nclaims: []\n", "not an XBRL filing: not XML (text, where XML begins with '<')"),
        ("%PDF-1.7 secret", "not an XBRL filing: not XML (a PDF document, where XML begins with '<')"),
        ("", "empty file, not a filing"),
        ('<?xml version="1.0"?><rss version="2.0"/>', ":1:22: not an XBRL filing: XML of another kind, where an XBRL instance is <xbrl>"),
        ("<html><body><p>one<br></body></html>", ":1:25: not well-formed XML (mismatched tag)"),
        ('<html xmlns="http://www.w3.org/1999/xhtml"><body>no facts</body></html>', "an HTML document without Inline XBRL"),
    ],
)
def test_what_is_not_a_filing_is_refused_in_one_line(tmp_path, content, message):
    path = tmp_path / "not-a-filing.xml"
    path.write_text(content)
    with pytest.raises(FilingError) as e:
        read_filing(path)
    assert message in str(e.value) and "\n" not in str(e.value)
    assert not any(word in str(e.value) for word in ("version: 1", "secret", "rss")), "the file's bytes are quoted"


def test_missing_folder_and_too_large_are_refused_unread(tmp_path, monkeypatch):
    with pytest.raises(FilingError, match="no such file") as e:
        read_filing(tmp_path / "missing.xml")
    assert e.value.code == "filing-file"
    with pytest.raises(FilingError, match="no filing in it"):  # a folder is read as a submission
        read_filing(tmp_path)
    monkeypatch.setattr(reader, "MAX_FILING_BYTES", 1000)
    with pytest.raises(FilingError, match=r"too large \(1.4 MB; a filing is read up to"):
        read_filing(XBRL_2023)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_not_read(tmp_path):
    fifo = tmp_path / "filing.xml"
    os.mkfifo(fifo)
    with pytest.raises(FilingError, match="not a regular file"):
        read_filing(fifo)


# --------------------------------------------------------------------------- factcheck facts


@pytest.fixture
def here(monkeypatch):
    monkeypatch.chdir(ROOT)
    return ROOT


def test_facts_lists_a_concept_once_in_the_claims_notation(runner, here):
    out = runner.invoke(app, ["facts", "tests/data/filings/aapl-20230930.xbrl.xml", "--concept", "netincomeloss", "--period", FY2023])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == f"tests/data/filings/aapl-20230930.xbrl.xml: XBRL instance, 10-K for {FY2023}; 2 facts shown"
    assert lines[2].split() == ["concept", "period", "value", "decimals", "line", "dimensions"]
    assert lines[3].split() == ["us-gaap:NetIncomeLoss", FY2023, "96,995", "million", "USD", "-6", "2600"]
    assert lines[4].split()[-1] == "us-gaap:StatementEquityComponentsAxis=us-gaap:RetainedEarningsMember"
    assert len(lines) == 5  # the repeats (cash flow statement, notes) are listed once


def test_facts_period_as_a_date_gives_instants_and_durations_ending_then(runner, here):
    out = runner.invoke(app, ["facts", "tests/data/filings/aapl-20240928.ixbrl.html", "--concept", "EarningsPerShareDiluted", "--period", "2024-09-28"])
    assert out.exit_code == 0, out.output
    assert [line.split()[:4] for line in out.output.splitlines()[3:]] == [["us-gaap:EarningsPerShareDiluted", FY2024, "6.08", "USD/share"]]


def test_facts_yaml_gives_entries_ready_to_paste(runner, here):
    out = runner.invoke(app, ["facts", "tests/data/filings/aapl-20240928.ixbrl.html", "--concept", "RevenueFromContract", "--period", FY2024, "--yaml"])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("# tests/data/filings/aapl-20240928.ixbrl.html: Inline XBRL, 10-K for")
    facts = yaml.safe_load(out.output)["facts"]
    assert facts["revenue_from_contract_with_customer_excluding_assessed_tax_2024"] == {
        "filing": "tests/data/filings/aapl-20240928.ixbrl.html",
        "concept": "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "period": FY2024,
        "decimals": -6,
        "value": "391,035 million USD",
    }
    assert facts["revenue_from_contract_with_customer_excluding_assessed_tax_service_2024"]["dimensions"] == SERVICES
    assert "  revenue_from_contract_with_customer_excluding_assessed_tax_service_2024:\n" in out.output
    assert len(facts) == 15


def test_facts_yaml_paths_are_relative_to_the_working_directory(runner, monkeypatch):
    monkeypatch.chdir(FILINGS)
    out = runner.invoke(app, ["facts", str(XBRL_2023), "--concept", "EarningsPerShareDiluted", "--period", FY2023, "--yaml"])
    assert out.exit_code == 0, out.output
    entry = yaml.safe_load(out.output)["facts"]["earnings_per_share_diluted_2023"]
    assert entry == {"filing": "aapl-20230930.xbrl.xml", "concept": "us-gaap:EarningsPerShareDiluted", "period": FY2023,
                     "decimals": 2, "value": "6.13 USD/share"}


def test_facts_with_text_facts_when_a_concept_is_asked(runner, here):
    out = runner.invoke(app, ["facts", "tests/data/filings/aapl-20240928.ixbrl.html", "--concept", "dei:DocumentPeriodEndDate"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[3].split() == ["dei:DocumentPeriodEndDate", FY2024, "2024-09-28", "2849"]


def test_facts_that_match_nothing_exit_1(runner, here):
    out = runner.invoke(app, ["facts", "tests/data/filings/aapl-20230930.xbrl.xml", "--concept", "NoSuchThing"])
    assert out.exit_code == 1
    assert "no fact matches --concept 'NoSuchThing' (995 numeric facts in the filing)" in out.output


#: an XBRL instance whose strings would act on a terminal or a CI log (issue 25): a
#: workflow command after a line break, the legacy one mid-line, C1's CSI, a bidi override
HOSTILE_STRINGS = """<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2023"
    xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
    xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:x="http://example.com/x">
<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
  <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:context id="s"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier><xbrli:segment>
  <xbrldi:typedMember dimension="x:SegmentAxis"><x:name>&#x202e;ti##[error]forged&#x9b;31m</x:name></xbrldi:typedMember>
  </xbrli:segment></xbrli:entity>
  <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
<dei:DocumentType contextRef="d">10-K
::error file=x.py,line=1::FORGED</dei:DocumentType>
<dei:EntityRegistrantName contextRef="d">Evil&#x9b;2J Corp &#x202e;cnI</dei:EntityRegistrantName>
<dei:SecurityExchangeName contextRef="d">
  ::warning::FORGED too</dei:SecurityExchangeName>
<us-gaap:Revenues contextRef="s" unitRef="usd" decimals="-6">120000000</us-gaap:Revenues>
</xbrli:xbrl>
"""
#: what must not reach a terminal or a CI log raw
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def assert_no_command_and_no_control(text: str) -> None:
    assert not RAW_CONTROLS.search(text), text
    for line in text.splitlines():
        assert not line.lstrip().startswith("::") and "##[" not in line, line


@pytest.mark.parametrize("args", [["--concept", "dei"], ["--concept", "Revenues"], ["--yaml"], []])
def test_facts_escapes_every_string_of_the_filing(tmp_path, args):
    """Issue 25: `facts` printed filing strings raw: a text fact 10-K⏎::error… forged a
    workflow annotation at a line start, C1 controls and bidi overrides reached the
    terminal. Through the real command line, in every output form."""
    path = tmp_path / "strings.xml"
    path.write_text(HOSTILE_STRINGS, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "facts", str(path), *args], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert_no_command_and_no_control(run.stdout + run.stderr)
    head = run.stdout.splitlines()[0]
    assert "10-K\\u000a::error file=x.py,line=1::FORGED for" in head  # shown on one line: never a command
    if "--yaml" in args:  # YAML's own escapes: pasted into a claims file, the strings read back as the filing's
        entry = yaml.safe_load(run.stdout)["facts"]["revenues_ti_error_forged_31m_2024"]
        assert entry["dimensions"] == {"x:SegmentAxis": "\u202eti##[error]forged\x9b31m"}
    elif args == ["--concept", "dei"]:
        assert "Evil\\u009b2J Corp \\u202ecnI" in run.stdout
        assert "  ::warning::FORGED too" in run.stdout  # within its row: no command
    elif args == ["--concept", "Revenues"]:
        assert "x:SegmentAxis=\\u202eti#\\u0023[error]forged\\u009b31m" in run.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.xml"], "factcheck: error: missing.xml: no such file\n"),
        (["docs"], "factcheck: error: docs: no filing in it: no Inline XBRL document"),
        (["README.md"], "factcheck: error: README.md: not an XBRL filing: not XML (text, where XML begins with '<')"),
        (["tests/data/filings/aapl-20230930.xbrl.xml", "--period", "FY2023"], "factcheck: error: --period: 'FY2023' is not a period"),
    ],
)
def test_facts_errors_are_one_line_and_exit_2(runner, here, args, message):
    out = runner.invoke(app, ["facts", *args])
    assert out.exit_code == 2
    assert out.output.startswith(message) and out.output.count("\n") == 1
    assert "Traceback" not in out.output


def test_facts_through_the_real_command_line(tmp_path):
    laughs = tmp_path / "laughs.xml"
    laughs.write_text(LAUGHS)
    run = subprocess.run([sys.executable, "-m", "factcheck", "facts", str(laughs)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"factcheck: error: {laughs}:2:") and run.stderr.count("\n") == 1


def test_every_figure_as_written_reads_back_in_the_claims_language_as_the_filing_gives_it(tmp_path, runner, monkeypatch):
    """What `facts` prints is what `verify` reads: each figure of both filings, written
    in the claims notation (`2.0 billion USD`), is checked against the filing's exact
    value written out in full (`2,000,000,000 USD`). Figures per unit (USD/share) are
    left to the claims language's per-unit support (shared conformance per-unit.yaml),
    which this branch does not have yet."""
    from factcheck.filing.listing import select
    from factcheck.filing.notation import number, unit_suffix

    lines = ["version: 1", "claims:"]
    for path in (XBRL_2023, IXBRL_2024):
        for f in select(read_filing(path), None, None):
            if f.value is None or f.unit.denominator:
                continue
            full = number(f.value, None) + unit_suffix(f.unit, f.value)
            lines.append(f'  - {{id: c{len(lines)}, check: "{written(f)}", stated: "{full}"}}')
    (tmp_path / "claims.yaml").write_text("\n".join(lines) + "\n")
    monkeypatch.chdir(tmp_path)
    out = runner.invoke(app, ["verify", "-f", "concise", "-q"])
    claims = len(lines) - 2
    assert claims > 1700
    assert out.output.splitlines()[-1] == f"{claims} claims: {claims} pass, 0 warn, 0 fail, 0 error, 0 unchecked", out.output[:2000]


def test_version_and_verify_do_not_import_the_filing_reader(tmp_path):
    (tmp_path / "claims.yaml").write_text("version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n")
    for argv in (["factcheck", "--version"], ["factcheck", "verify", "claims.yaml", "-f", "concise"]):
        code = (
            "import sys\nfrom factcheck.cli import app\n"
            f"sys.argv = {argv!r}\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('factcheck.filing')))"
        )
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert run.stdout.splitlines()[-1] == "[]", run.stdout + run.stderr
