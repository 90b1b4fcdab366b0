from __future__ import annotations

import pytest

from factcheck.engine import discover, run
from factcheck.errors import UsageError
from factcheck.model import Status


def test_a_folder_means_every_claims_file_under_it(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "claims.yaml").write_text("version: 1\nclaims: []\n")
    (tmp_path / "b.claims.yaml").write_text("version: 1\nclaims: []\n")
    (tmp_path / "other.yaml").write_text("x: 1\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "claims.yaml").write_text("x: 1\n")
    monkeypatch.chdir(tmp_path)
    assert discover(["."]) == ["a/claims.yaml", "b.claims.yaml"]


def test_missing_paths_are_usage_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="factcheck init"):
        discover([])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no claims file .claims.yaml, .*claims.yaml. and no article draft"):
        discover(["empty"])


def test_only_selects_by_id_or_tag(write, monkeypatch, tmp_path):
    write(
        """
        version: 1
        claims:
          - {id: a, check: 1, stated: 1, tags: [x]}
          - {id: b, check: 1, stated: 1, tags: [y]}
          - {id: c, check: 1, stated: 1}
        """
    )
    monkeypatch.chdir(tmp_path)
    assert [r.claim.id for r in run([], ["x", "c"]).results] == ["a", "c"]
    with pytest.raises(UsageError, match="no claim"):
        run([], ["zzz"])


def test_rates_from_settings(write, monkeypatch, tmp_path):
    write(
        """
        version: 1
        settings:
          rates: {USD: 7.2 CNY, HKD: 0.92 CNY}
        claims:
          - {id: a, check: 100 USD + 280 CNY, stated: 1000 CNY, compare: "="}
          - {id: b, check: 'ratio(720 CNY, 100 USD)', stated: 1, compare: "="}
        """
    )
    monkeypatch.chdir(tmp_path)
    rs = {r.claim.id: r for r in run([]).results}
    assert rs["a"].status is Status.PASS, rs["a"].message
    assert rs["b"].status is Status.PASS, rs["b"].message


def test_bad_rates_are_problems(write, monkeypatch, tmp_path):
    write("version: 1\nsettings:\n  rates: {USD: 7.2 years}\nclaims: []\n")
    monkeypatch.chdir(tmp_path)
    (p,) = run([]).problems
    assert p.code == "settings" and "another currency" in p.message


def test_errors_inside_facts_point_at_the_fact(write, monkeypatch, tmp_path):
    write(
        """
        version: 1
        facts:
          bad: 1 CNY + 1 year
        claims:
          - {id: a, check: bad * 2, stated: 1}
        """
    )
    monkeypatch.chdir(tmp_path)
    (r,) = run([]).results
    assert r.status is Status.ERROR
    assert (r.where.line, r.where.col) == (3, 14)
    assert "in fact 'bad'" in r.message
