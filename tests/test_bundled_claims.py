"""The project's own claims.yaml: the article's figures, and an honest report of them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.cli import app
from factcheck.engine import check_document
from factcheck.load import load
from factcheck.model import Basis, Status
from factcheck.schema import CLAIMS_SCHEMA, REPORT_SCHEMA

from conftest import ROOT

CLAIMS = ROOT / "claims.yaml"


@pytest.fixture(scope="module")
def results():
    report = check_document(load(str(CLAIMS)))
    assert report.document.problems == ()
    return {r.claim.id: r for r in report.results}


def test_every_claim_has_words_and_a_theme(results):
    for r in results.values():
        assert r.claim.says, r.claim.id
        assert r.claim.tags, r.claim.id
    themes = {t for r in results.values() for t in r.claim.tags}
    assert {"market-share", "results", "history", "ai"} <= themes


def test_the_report_is_an_honest_picture(results):
    statuses = {cid: r.status for cid, r in results.items()}
    assert Status.FAIL not in statuses.values() and Status.ERROR not in statuses.values()
    assert results["capex-vs-profit"].basis is Basis.TOLERANCE
    assert statuses["capex-vs-gaap-profit"] is Status.WARN
    assert [c for c, s in statuses.items() if s is Status.WARN] == ["capex-vs-gaap-profit"]
    assert results["ttg-revenue-growth"].basis is Basis.PRECISION
    assert results["shares-2024-sum"].basis is Basis.EXACT
    for sourced in ("flash-buy-orders", "xiaohongshu-notes", "iresearch-c2c-2007", "cmr-growth"):
        assert statuses[sourced] is Status.UNCHECKED


def test_every_fact_with_a_figure_is_used_or_documented():
    doc = load(str(CLAIMS))
    for fact in doc.facts.values():
        assert fact.source or fact.note or fact.name.startswith("share_") or fact.name == "ali_day_2025", fact.name


class _NoDates(yaml.SafeLoader):
    """YAML as a JSON-Schema validator sees it: dates stay text."""


_NoDates.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("path", [CLAIMS, *sorted((ROOT / "tests" / "conformance").glob("*.yaml"))], ids=lambda p: p.name)
def test_claims_files_validate_against_the_claims_schema(path: Path):
    if path.name == "expected.yaml":
        return
    jsonschema.validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDates), CLAIMS_SCHEMA)


def test_verify_on_the_bundled_file_exits_0_and_its_json_validates(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = runner.invoke(app, ["verify"])
    assert out.exit_code == 0, out.output
    data = json.loads(runner.invoke(app, ["verify", "-f", "json"]).output)
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["summary"]["warn"] == 1 and data["summary"]["fail"] == 0
