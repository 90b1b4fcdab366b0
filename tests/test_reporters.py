"""The reports: concise lines, the Rich report at 80 columns, the JSON report against
its published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from factcheck.engine import run
from factcheck.reporters import FORMATS, Options, renderer
from factcheck.schema import REPORT_SCHEMA

from conftest import CONFORMANCE, ROOT


@pytest.fixture(scope="module")
def report():
    import os

    cwd = os.getcwd()
    os.chdir(CONFORMANCE)
    try:
        files = sorted(p.relative_to(CONFORMANCE).as_posix() for p in CONFORMANCE.rglob("*.yaml"))
        return run([f for f in files if f != "expected.yaml"])
    finally:
        os.chdir(cwd)


def test_concise_is_one_line_a_finding(report):
    text = renderer("concise")(report, Options())
    lines = text.splitlines()
    assert "functions.yaml:49:5: fail sign-slip: -5.156% does not match the stated 5%" in text
    assert "units.yaml:41:21: error incompatible-units: cannot add CNY and year" in lines
    assert lines[-1].startswith(f"{len(report.results)} claims:")
    assert all(":" in line for line in lines)


def test_concise_quiet_drops_passes(report):
    text = renderer("concise")(report, Options(quiet=True))
    assert " pass " not in text


def test_rich_reads_at_80_columns(report):
    text = renderer("rich")(report, Options(width=80))
    assert max(len(line) for line in text.splitlines()) <= 80
    first = text.splitlines()[0]
    assert "pass" in first and "fail" in first and "unchecked" in first
    assert "hint:" in text and "says:" in text
    assert "\x1b[" not in text


def test_rich_details_cover_every_claim_that_is_not_a_plain_pass(report):
    text = renderer("rich")(report, Options(width=120))
    details = text.split("Details", 1)[1]
    for r in report.results:
        plain = r.status.value == "pass" and r.basis and r.basis.value in ("exact", "precision")
        assert (f"  {r.claim.id}  " in details) != bool(plain), r.claim.id


def test_json_validates_against_the_published_schema(report):
    data = json.loads(renderer("json")(report, Options()))
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["summary"]["total"] == len(report.results)
    assert {r["status"] for r in data["results"]} == {"pass", "warn", "fail", "error", "unchecked"}
    invalid = [f for f in data["files"] if f["problems"]]
    assert {f["path"] for f in invalid} == {p.relative_to(CONFORMANCE).as_posix() for p in (CONFORMANCE / "invalid").glob("*.yaml")}


def test_json_example_of_the_spec(report):
    data = json.loads(renderer("json")(report, Options()))
    r = next(x for x in data["results"] if x["id"] == "years-of-profit")
    assert r["status"] == "pass" and r["basis"] == "tolerance"
    assert r["computed"]["unit"] == "years" and r["computed"]["text"] == "2.413 years"
    assert r["stated"]["low"] == pytest.approx(2.325) and r["stated"]["high"] == pytest.approx(2.675)
    assert r["difference"]["relative"] == pytest.approx(-0.0348, abs=1e-4)


def test_every_format_renders(report):
    for name in FORMATS:
        assert renderer(name)(report, Options())
