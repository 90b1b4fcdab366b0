"""Every currency and the filing's own units (issue 24): ISO 4217 codes from the
iso4217 data package, loaded only when a code beyond the common six is met; units of
the Units Registry and of filers kept exactly as the filing names them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from factcheck import quantity as q
from factcheck.cli import app
from factcheck.filing import read_filing, written
from factcheck.load import load

CODES = ["CHF", "MXN", "ZAR", "DKK", "SEK", "NOK", "INR", "BRL", "KRW", "TWD", "SGD", "AUD", "CAD", "XAU"]


@pytest.mark.parametrize("code", CODES)
def test_every_iso_4217_currency_is_a_unit_of_its_own(write, runner, code):
    path = write(f"""
        version: 1
        settings: {{rates: {{{code}: 0.5 USD}}}}
        facts:
          a: 5 {code}
          b: 2 {code}
        claims:
          - {{id: sum, check: a + b, stated: 7 {code}}}
          - {{id: converted, check: a + 1 USD, stated: 3.5 USD}}
          - {{id: other, check: a + 1 GBP, stated: 3 GBP}}
    """)
    out = runner.invoke(app, ["verify", str(path), "-f", "concise"])
    lines = out.output.splitlines()
    assert "pass sum" in lines[0] and "pass converted" in lines[1], out.output
    assert f"error other: cannot convert GBP and {code} without an exchange rate" in lines[2]


def test_a_code_that_is_no_currency_is_refused_with_what_would_be_right(write, runner):
    path = write("version: 1\nclaims:\n  - {id: a, check: 3 XYZ, stated: 3 XYZ}\n")
    out = runner.invoke(app, ["verify", str(path), "-f", "concise"])
    assert "unknown currency 'XYZ': not an ISO 4217 code (CHF, MXN, ZAR…)" in out.output


def test_the_currency_package_is_imported_only_when_a_rare_code_is_met(tmp_path):
    """Start-up stays at the floor: the common six never import iso4217."""
    code = textwrap.dedent("""
        import sys
        from factcheck import quantity as q
        q.unit_for_word("USD"); q.unit_for_word("EUR"); q.unit_for_word("orders")
        print("iso4217" in sys.modules)
        q.unit_for_word("CHF")
        print("iso4217" in sys.modules)
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == ["False", "True"], run.stderr


INSTANCE = """<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
    xmlns:utr="http://www.xbrl.org/2009/utr" xmlns:acme="http://acme.example/2024" xmlns:gaap="http://fasb.org/us-gaap/2024">
  <xbrli:context id="fy"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="mwh"><xbrli:measure>utr:MWh</xbrli:measure></xbrli:unit>
  <xbrli:unit id="d"><xbrli:measure>acme:D</xbrli:measure></xbrli:unit>
  <xbrli:unit id="y"><xbrli:measure>acme:Y</xbrli:measure></xbrli:unit>
  <xbrli:unit id="mxn"><xbrli:measure>iso4217:MXN</xbrli:measure></xbrli:unit>
  <xbrli:unit id="eps"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:ZAR</xbrli:measure></xbrli:unitNumerator>
    <xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>
  <acme:Energy contextRef="fy" unitRef="mwh" decimals="0">1200</acme:Energy>
  <acme:Days contextRef="fy" unitRef="d" decimals="0">30</acme:Days>
  <acme:Term contextRef="fy" unitRef="y" decimals="2">1.81</acme:Term>
  <gaap:Revenues contextRef="fy" unitRef="mxn" decimals="-6">52000000</gaap:Revenues>
  <gaap:EarningsPerShareDiluted contextRef="fy" unitRef="eps" decimals="2">-0.04</gaap:EarningsPerShareDiluted>
</xbrli:xbrl>
"""


def test_units_are_written_as_the_filing_names_them_and_read_back_as_the_same(tmp_path, write):
    (tmp_path / ".git").mkdir()  # the claims file's repository: its folder
    (tmp_path / "f.xml").write_text(INSTANCE)
    filing = read_filing(tmp_path / "f.xml")
    shown = {f.concept.rpartition(":")[2]: written(f) for f in filing.facts}
    assert shown == {
        "Energy": "1,200 MWh", "Days": "30 D", "Term": "1.81 Y",
        "Revenues": "52 million MXN", "EarningsPerShareDiluted": "-0.04 ZAR/share",
    }
    facts = "\n".join(
        f"  f_{name.lower()}: {{filing: f.xml, concept: {f.concept}, value: '{shown[name]}'}}"
        for name, f in ((f.concept.rpartition(':')[2], f) for f in filing.facts)
    )
    doc = load(str(write(f"version: 1\nfacts:\n{facts}\nclaims:\n  - {{id: a, check: f_days * 2, stated: 60 D}}\n")))
    assert doc.problems == ()  # each written value reads back as the filing's own, unit and all


def test_a_negative_per_share_figure_is_a_figure_per_share(write, runner):
    path = write("version: 1\nfacts:\n  eps: -0.04 USD/share\nclaims:\n  - {id: a, check: eps * 2, stated: -0.08 USD/share}\n")
    out = runner.invoke(app, ["verify", str(path), "-f", "concise"])
    assert "pass a" in out.output, out.output


def test_a_units_symbol_is_never_made_plural():
    assert q.unit_text(q.count_unit("MWh"), pluralize=True) == "MWh"
    assert q.unit_text(q.count_unit("D"), pluralize=True) == "D"
    assert q.unit_text(q.count_unit("order"), pluralize=True) == "orders"
