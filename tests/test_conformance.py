"""The cases of the claims format's conformance suite (copied from the spec's folder).

Each claim of each case file gets the status, basis and hint that expected.yaml gives;
each invalid file gets its exit code, its lines, and nothing executed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from factcheck.cli import app
from factcheck.engine import check_document
from factcheck.load import load

from conftest import CONFORMANCE

EXPECTED: dict = yaml.safe_load((CONFORMANCE / "expected.yaml").read_text(encoding="utf-8"))
CLAIM_FILES = sorted(k for k in EXPECTED if not k.startswith("invalid/"))
INVALID = sorted(k for k in EXPECTED if k.startswith("invalid/"))

_results: dict[str, dict] = {}


def results(name: str) -> dict:
    if name not in _results:
        report = check_document(load(str(CONFORMANCE / name)))
        assert report.document.problems == (), f"{name} should load without problems"
        _results[name] = {r.claim.id: r for r in report.results}
    return _results[name]


def claim_cases():
    for name in CLAIM_FILES:
        for cid, exp in EXPECTED[name].items():
            yield pytest.param(name, cid, exp, id=f"{name}:{cid}")


@pytest.mark.parametrize(("name", "cid", "expected"), list(claim_cases()))
def test_claim(name: str, cid: str, expected: dict) -> None:
    r = results(name)[cid]
    assert r.status.value == expected["status"], r.message
    if "basis" in expected:
        assert r.basis is not None and r.basis.value == expected["basis"], r.message
    if expected.get("hint"):
        assert r.hints, f"{cid} should carry a hint: {r.message}"


@pytest.mark.parametrize("name", CLAIM_FILES)
def test_every_claim_has_an_expectation(name: str) -> None:
    assert set(results(name)) == set(EXPECTED[name])


def test_every_case_file_is_listed() -> None:
    files = {p.relative_to(CONFORMANCE).as_posix() for p in CONFORMANCE.rglob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", INVALID, ids=INVALID)
def test_invalid_file(name: str, runner, monkeypatch) -> None:
    expected = EXPECTED[name]
    calls: list = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    monkeypatch.chdir(CONFORMANCE)

    out = runner.invoke(app, ["verify", name])
    assert out.exit_code == expected["exit_code"], out.output
    assert "Traceback" not in out.output
    for word in expected.get("contains", []):
        assert word in out.output
    for word in expected.get("never_prints", []):
        assert word not in out.output
    assert calls == []

    report = json.loads(runner.invoke(app, ["verify", "-f", "json", name]).output)
    (f,) = report["files"]
    assert sorted({p["line"] for p in f["problems"]}) == sorted(expected["lines"])
    for p in f["problems"]:
        assert f"{name}:{p['line']}:{p['column']}: error: " in out.output
