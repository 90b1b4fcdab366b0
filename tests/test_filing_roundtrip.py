"""`factcheck facts --yaml` round-trips by construction (issue 24): every entry it writes
for every fact of every filing of the tests loads back to that fact's own value, unit
and interval; the precision is written as decimals; paths are relative to the file
written; a whole 10-K's export loads as a facts file."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from factcheck import quantity as q
from factcheck.cli import app
from factcheck.expr import Evaluator
from factcheck.filing import read_filing, written
from factcheck.filing.listing import select
from factcheck.load import load
from factcheck.load.filings import value_of

from conftest import HERE
from test_filing_forms import EDINET, PACKAGE, make_folder, make_zip
from test_filing_units import INSTANCE as UNITS

FILINGS = HERE / "data" / "filings"

TWICE = """<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
    xmlns:gaap="http://fasb.org/us-gaap/2024">
  <xbrli:context id="fy"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <xbrli:unit id="eur"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
  <gaap:Revenues contextRef="fy" unitRef="usd" decimals="-8">1100000000</gaap:Revenues>
  <gaap:Revenues contextRef="fy" unitRef="usd" decimals="-6">1123000000</gaap:Revenues>
  <gaap:Revenues contextRef="fy" unitRef="eur" decimals="-6">1012000000</gaap:Revenues>
  <gaap:Assets contextRef="fy" unitRef="usd" decimals="-7">5432100000</gaap:Assets>
</xbrli:xbrl>
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A repository holding every filing of the tests, in each of its forms."""
    root = tmp_path_factory.mktemp("roundtrip")
    (root / ".git").mkdir()
    (root / "filings").mkdir()
    for name in ("aapl-20230930.xbrl.xml", "aapl-20240928.ixbrl.html"):
        shutil.copy(FILINGS / name, root / "filings" / name)
    (root / "filings" / "units.xml").write_text(UNITS)
    (root / "filings" / "twice.xml").write_text(TWICE)
    make_folder(root / "filings" / "edinet", EDINET)
    make_zip(root / "filings" / "esef.zip", PACKAGE)
    return root


FORMS = ["aapl-20230930.xbrl.xml", "aapl-20240928.ixbrl.html", "units.xml", "twice.xml", "edinet", "esef.zip"]


@pytest.mark.parametrize("name", FORMS)
def test_every_entry_of_an_export_loads_back_as_its_fact(repo, runner, monkeypatch, name):
    monkeypatch.chdir(repo)
    out_file = repo / "facts" / f"{name}.yaml"
    out_file.parent.mkdir(exist_ok=True)
    run = runner.invoke(app, ["facts", f"filings/{name}", "--yaml", "-o", str(out_file)])
    assert run.exit_code == 0, run.output
    text = out_file.read_text(encoding="utf-8")
    entries = yaml.safe_load(text)
    assert entries["version"] == 1
    assert all(e["filing"] == f"../filings/{name}" for e in entries["facts"].values())  # relative to the file written
    claims = repo / f"{name}.claims.yaml"
    claims.write_text(f"version: 1\ninclude: [facts/{name}.yaml]\nclaims:\n  - {{id: x, source: s}}\n")
    doc = load(str(claims))
    assert doc.problems == ()
    filing = read_filing(repo / "filings" / name)
    facts = [f for f in select(filing, None, None) if f.value is not None]
    assert len(doc.facts) == len(facts) == len(entries["facts"])
    ev = Evaluator(doc.facts, q.NO_RATES, doc.broken_facts)
    for (fact_name, entry), f in zip(entries["facts"].items(), facts, strict=True):
        want = value_of(f)
        got = ev.fact(fact_name)
        assert (got.point, got.iv.lo, got.iv.hi, got.unit) == (want.point, want.iv.lo, want.iv.hi, want.unit), fact_name
        assert doc.facts[fact_name].origin.decimals == entry.get("decimals")
        if "value" in entry:
            assert f"    value: {written(f)}" in text or f'    value: "{written(f)}"' in text


def test_a_figure_to_the_hundred_million_is_written_in_billions(repo):
    filing = read_filing(repo / "filings" / "twice.xml")
    shown = [written(f) for f in filing.facts]
    # decimals -8: ±50 million, so one decimal of a billion, never "1,100 million" (±0.5 million)
    # decimals -7 on 5,432,100,000: to the hundredth of a billion at least, and every digit the filing gives
    assert shown == ["1.1 billion USD", "1,123 million USD", "1,012 million EUR", "5.4321 billion USD"]


def test_a_fact_given_at_two_precisions_and_in_two_units_is_chosen_by_its_entry(repo, runner, monkeypatch):
    monkeypatch.chdir(repo)
    run = runner.invoke(app, ["facts", "filings/twice.xml", "--yaml"])
    entries = yaml.safe_load(run.output)["facts"]
    assert [(e["decimals"], e.get("unit")) for e in entries.values()] == [(-8, "USD"), (-6, "USD"), (-6, "EUR"), (-7, None)]


def test_an_export_of_thousands_of_entries_loads_as_a_facts_file(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(FILINGS / "aapl-20230930.xbrl.xml", tmp_path / "f.xml")
    lines = ["version: 1", "facts:"]
    for i in range(6000):  # a large bank's 10-K: about as many facts
        lines.append(f"  f{i}:\n    filing: f.xml\n    concept: us-gaap:NetIncomeLoss\n    period: 2022-09-25/2023-09-30\n"
                     "    decimals: -6\n    value: 96,995 million USD")
    (tmp_path / "facts.yaml").write_text("\n".join(lines) + "\n")
    (tmp_path / "claims.yaml").write_text(textwrap.dedent("""\
        version: 1
        include: [facts.yaml]
        claims:
          - {id: a, check: f5999, stated: 96.995 billion USD}
    """))
    doc = load(str(tmp_path / "claims.yaml"))
    assert doc.problems == () and len(doc.facts) == 6000
