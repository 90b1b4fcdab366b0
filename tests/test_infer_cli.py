"""Inference from the user's side: `verify DRAFT.md`, --infer, --only, --as-of, reports, rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.schema import REPORT_SCHEMA

ROOT = Path(__file__).resolve().parent.parent
STORY = Path(__file__).resolve().parent / "inference" / "corpus" / "en-results-story.md"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def story(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(STORY, tmp_path / "story.md")
    return tmp_path / "story.md"


def verify_json(runner: CliRunner, *args: str) -> dict:
    out = runner.invoke(app, ["verify", *args, "-f", "json", "--fail-on", "never"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    jsonschema.validate(data, REPORT_SCHEMA)
    return data


def test_a_bare_draft_is_checked_by_its_own_arithmetic(runner, story):
    data = verify_json(runner, "story.md")
    by_id = {r["id"]: r for r in data["results"]}
    growth = by_id["story.md:7:growth"]
    assert growth["status"] == "pass" and growth["check"] == "growth(154.6 billion CNY, 167.2 billion CNY)"
    assert growth["inferred"] == {"kind": "growth", "rule": "growth-by-role", "figures": ["154.6 billion", "167.2 billion yuan", "8%"]}
    assert (growth["file"], growth["line"], growth["column"]) == ("story.md", 7, 71)  # the stated 8%
    assert by_id["story.md:9:sum"]["status"] == "pass"
    users = by_id["story.md:11:growth"]  # 3% where the figures give 3.7%: only the inputs' rounding reaches it
    assert users["status"] == "pass" and users["basis"] == "rounding"  # a published text rounds what it prints
    assert "only through the rounding of the inputs" in users["message"]
    assert data["files"] == [data["files"][0]] and data["files"][0]["path"] == "story.md"
    # the figures the inferred claims use are covered; the others are not
    coverage = data["summary"]["coverage"]
    assert coverage["covered"] == sum(len(r["inferred"]["figures"]) for r in data["results"])
    assert data["exit_code"] == 0
    out = runner.invoke(app, ["verify", "story.md", "-f", "json", "--strict"])
    assert out.exit_code == 1  # --strict: warnings fail the run
    strict = {r["id"]: r for r in json.loads(out.output)["results"]}
    assert strict["story.md:11:growth"]["status"] == "warn"  # --strict brings the warn back


def test_a_wrong_relation_fails_the_run_at_the_drafts_line(runner, story):
    story.write_text(story.read_text().replace("rose 8% to 167.2", "rose 18% to 167.2"))
    out = runner.invoke(app, ["verify", "story.md", "-f", "concise"])
    assert out.exit_code == 1
    line = next(x for x in out.output.splitlines() if x.startswith("story.md:7:71: fail story.md:7:growth:"))
    assert "[inferred growth: 154.6 billion, 167.2 billion yuan, 18%]" in line


def test_no_infer_checks_nothing_and_only_selects_by_origin(runner, story):
    assert verify_json(runner, "story.md", "--no-infer")["results"] == []
    only = verify_json(runner, "story.md", "--only", "inferred")
    assert only["results"] and all("inferred" in r for r in only["results"])
    out = runner.invoke(app, ["verify", "story.md", "--only", "written"])
    assert out.exit_code == 2 and "--only written: no claim has this id or tag" in out.output


def test_a_claims_file_infers_only_when_asked_and_never_twice(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(STORY, tmp_path / "story.md")
    written = (
        "version: 1\narticle: {draft: story.md}\nclaims:\n"
        "  - id: revenue\n    says: revenue rose 8% to 167.2 billion yuan, from 154.6 billion\n"
        "    check: growth(154.6 bn CNY, 167.2 bn CNY)\n    stated: 8%\n"
    )
    (tmp_path / "claims.yaml").write_text(written)
    assert all("inferred" not in r for r in verify_json(runner)["results"])
    inferred = [r for r in verify_json(runner, "--infer")["results"] if "inferred" in r]
    ids = {r["id"] for r in inferred}
    assert "story.md:7:growth" not in ids  # the written claim checks that relation already
    assert {"story.md:9:sum", "story.md:11:growth"} <= ids
    (tmp_path / "claims.yaml").write_text(written.replace("version: 1\n", "version: 1\nsettings: {infer: true}\n"))
    assert {r["id"] for r in verify_json(runner)["results"] if "inferred" in r} == ids
    assert all("inferred" not in r for r in verify_json(runner, "--no-infer")["results"])


def test_this_year_needs_a_date_from_front_matter_or_as_of(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    body = "Founded in 2005, the fair celebrates its 20th anniversary this year.\n"
    (tmp_path / "d.md").write_text(body)
    assert verify_json(runner, "d.md")["results"] == []  # no date: nothing inferred, nothing failed
    (r,) = verify_json(runner, "d.md", "--as-of", "2025-03-01")["results"]
    assert (r["check"], r["status"]) == ("years_between(2005, 2025)", "pass")
    (tmp_path / "d.md").write_text("---\ndate: 2026-01-10\n---\n" + body)
    (r,) = verify_json(runner, "d.md", "--as-of", "2025-03-01")["results"]  # the draft's own date wins
    assert (r["check"], r["status"], r["line"]) == ("years_between(2005, 2026)", "fail", 4)
    out = runner.invoke(app, ["verify", "d.md", "--as-of", "March 2025"])
    assert out.exit_code == 2 and "--as-of March 2025: not a date; write it as YYYY-MM-DD" in out.output


@pytest.mark.parametrize("fmt", ["rich", "concise", "github", "sarif", "junit", "markdown", "html"])
def test_every_format_carries_the_inferred_claims(runner, story, fmt):
    out = runner.invoke(app, ["verify", "story.md", "-f", fmt, "--color", "never", "--strict"])
    assert out.exit_code == 1, out.output  # --strict: the rounding-only relation warns, and a warning fails
    name = "story.md%3A11%3Agrowth" if fmt == "github" else "story.md:11:growth"  # ':' escaped in a title
    assert name in out.output  # the rounding-only warn is named in every format


def test_explain_and_rules(runner, story):
    out = runner.invoke(app, ["explain", "story.md:7:growth", "story.md"])
    assert out.exit_code == 0
    assert "inferred: growth (rule growth-by-role" in out.output
    assert "check: growth(154.6 billion CNY, 167.2 billion CNY) = 8.15006%" in out.output
    out = runner.invoke(app, ["rules"])
    assert out.exit_code == 0
    for name in ("table", "change-by-role", "share-by-role", "identity", "parts", "ratios", "elapsed"):
        assert f"\n{name}\n" in out.output
    assert "ordinal(2005, 2025) ≈ 21" in out.output and "超过" in out.output
    assert "gives: growth(154.6 billion CNY, 167.2 billion CNY) ≈ 8%" in out.output


def test_init_from_the_results_story_writes_checks(runner, story):
    out = runner.invoke(app, ["init", "--draft", "story.md"])
    assert out.exit_code == 0, out.output
    text = Path("claims.yaml").read_text()
    for cid in ("l7-growth", "l9-sum", "l11-growth"):
        assert f"  - id: {cid}\n" in text
    data = verify_json(runner)
    status = {r["id"]: r["status"] for r in data["results"]}
    assert status["l7-growth"] == status["l9-sum"] == "pass" and status["l11-growth"] == "warn"


def test_the_bundled_article_infers_its_relations(runner, monkeypatch):
    monkeypatch.chdir(ROOT / "examples" / "alibaba-2025")
    data = verify_json(runner, "draft.md")
    kinds = {(r["inferred"]["kind"], r["status"]) for r in data["results"]}
    assert kinds == {("growth", "pass"), ("sum", "pass"), ("change", "pass"), ("ratio", "pass"), ("elapsed", "pass")}
    checks = {r["check"] for r in data["results"]}
    assert {"ordinal(2005, 2025)", "change(80%, 33%)", "380 billion CNY / (157.479 billion CNY/year)"} <= checks
