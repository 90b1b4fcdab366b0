"""The editor's desk (issue 26): a folder of drafts and claims files in one report, quiet
runs that stay quiet, a baseline that says what it changed, claim ids never broken."""

from __future__ import annotations

import json
import os
import re

import pytest

from factcheck.cli import app

CLAIMS = """version: 1
article: {draft: draft.md}
claims:
  - id: revenue-growth
    says: Revenue rose 24.6% to 136.09 billion yuan
    check: growth(109.22 bn CNY, 136.09 bn CNY)
    stated: 24.6%
"""


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """articles/: a bare draft that is right, one that is wrong, an article with its
    claims file (whose draft is not checked twice), and a README that is not an article."""
    monkeypatch.chdir(tmp_path)
    a = tmp_path / "articles"
    (a / "results").mkdir(parents=True)
    (a / "wires").mkdir()
    (a / "wires" / "profit.md").write_text("Profit rose 20% to 11.0 billion yuan, from 10.0 billion.\n")
    (a / "wires" / "sales.md").write_text("Sales rose 10% to 11.0 billion yuan, from 10.0 billion. The firm hired 300 people.\n")
    (a / "results" / "claims.yaml").write_text(CLAIMS)
    (a / "results" / "draft.md").write_text("Revenue rose 24.6% to 136.09 billion yuan.\n")
    (a / "README.md").write_text("# Articles\n\nThe 3 articles of the week.\n")
    return a


def test_a_folder_checks_every_draft_and_claims_file_in_one_report(runner, desk):
    out = runner.invoke(app, ["verify", "articles", "-f", "json"])
    assert out.exit_code == 1, out.output  # profit.md's 20% is 10%
    report = json.loads(out.stdout)
    files = [f["path"] for f in report["files"]]
    assert files == ["articles/results/claims.yaml", "articles/wires/profit.md", "articles/wires/sales.md"]
    results = {r["id"]: r["status"] for r in report["results"]}
    assert results == {"revenue-growth": "pass", "profit.md:1:growth": "fail", "sales.md:1:growth": "pass"}
    # the article with a claims file is checked through it, once; a README is no article
    assert "articles/results/draft.md" not in files and "articles/README.md" not in files
    concise = runner.invoke(app, ["verify", "articles", "-f", "concise"]).output
    assert concise.splitlines()[-1].startswith("3 claims: 2 pass, 0 warn, 1 fail")


def test_a_folder_with_drafts_only_is_checked_and_one_with_nothing_says_so(runner, desk):
    out = runner.invoke(app, ["verify", "articles/wires", "-f", "concise"])
    assert out.exit_code == 1 and "articles/wires/profit.md:1:13: fail profit.md:1:growth" in out.output
    (desk / "empty").mkdir()
    out = runner.invoke(app, ["verify", "articles/empty"])
    assert out.exit_code == 2
    assert "no claims file (claims.yaml, *.claims.yaml) and no article draft (.md, .txt) in this folder" in out.output


def test_a_draft_named_by_draft_is_not_checked_alone_too(runner, desk):
    (desk / "results" / "claims.yaml").write_text(CLAIMS.replace("article: {draft: draft.md}\n", ""))
    out = runner.invoke(app, ["verify", "articles/results", "--draft", "articles/results/draft.md", "-f", "json"])
    assert [f["path"] for f in json.loads(out.stdout)["files"]] == ["articles/results/claims.yaml"]
    out = runner.invoke(app, ["verify", "articles/results", "-f", "json"])  # no claims file names it now
    assert [f["path"] for f in json.loads(out.stdout)["files"]] == ["articles/results/claims.yaml", "articles/results/draft.md"]


@pytest.mark.strict_root
def test_a_draft_a_link_leads_out_of_the_repository_is_refused_unread(runner, tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("Profit rose 20% to 11.0 billion yuan, from 10.0 billion.\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "articles").mkdir()
    (repo / "articles" / "ok.md").write_text("Sales rose 10% to 11.0 billion yuan, from 10.0 billion.\n")
    os.symlink(outside / "secret.md", repo / "articles" / "leak.md")
    monkeypatch.chdir(repo)
    out = runner.invoke(app, ["verify", "articles", "-f", "concise"])
    assert "articles/leak.md:1:1: error:" in out.output and "outside the repository" in out.output
    assert "secret" not in out.output.replace("leak.md", "") and "20%" not in out.output


# --------------------------------------------------------------------------- -q and --only


def test_quiet_and_only_count_the_uncovered_figures_instead_of_listing_them(runner, desk):
    loud = runner.invoke(app, ["verify", "articles/wires/sales.md", "-f", "concise"]).output
    assert "articles/wires/sales.md:1:72: uncovered figure: 300 people" in loud
    for args in (["-q"], ["--only", "inferred"]):
        for fmt in ("concise", "rich"):
            out = runner.invoke(app, ["verify", "articles/wires/sales.md", "-f", fmt, *args], env={"COLUMNS": "100"}).output
            assert "300 people" not in out, (args, fmt, out)
            why = args[0]
            assert f"1 uncovered figure, not listed ({why}): --require-coverage makes them fail" in out, (args, fmt, out)
            assert "1 uncovered)" in out  # still counted in the summary
    # when they fail the run they are listed, quiet or not
    out = runner.invoke(app, ["verify", "articles/wires/sales.md", "-f", "concise", "-q", "--require-coverage"])
    assert out.exit_code == 1 and "articles/wires/sales.md:1:72: fail figure: 300 people" in out.output


# --------------------------------------------------------------------------- --write-baseline


def test_write_baseline_says_what_it_changed(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    claims = tmp_path / "claims.yaml"

    def write(*ids: str) -> None:
        claims.write_text("version: 1\nclaims:\n" + "".join(f"  - {{id: {i}, check: 1 + 1, stated: 5}}\n" for i in ids))

    def baseline() -> str:
        out = runner.invoke(app, ["verify", "--write-baseline", "b.json", "-f", "concise"])
        assert out.exit_code == 0, out.output
        (line,) = [x for x in out.output.splitlines() if "[baseline-written]" in x]
        return line

    write("a", "b")
    assert baseline() == "b.json:1:1: notice: wrote the baseline b.json: 2 findings recorded [baseline-written]"
    assert baseline().endswith("2 findings recorded, as before (the previous baseline held the same 2) [baseline-written]")
    write("a", "c", "d")
    assert baseline().endswith(
        "3 findings recorded, replacing the previous one: 2 added (claims.yaml c, claims.yaml d), "
        "1 removed (claims.yaml b), 1 kept [baseline-written]"
    )
    # in the JSON report too, as a notice
    out = runner.invoke(app, ["verify", "--write-baseline", "b.json", "-f", "json"])
    (notice,) = json.loads(out.stdout)["notices"]
    assert notice["code"] == "baseline-written" and notice["file"] == "b.json"


def test_write_baseline_never_replaces_a_file_that_is_not_a_baseline(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.yaml").write_text("version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 5}\n")
    (tmp_path / "notes.json").write_text('{"mine": true}\n')
    out = runner.invoke(app, ["verify", "--write-baseline", "notes.json"])
    assert out.exit_code == 2 and "the file is there and is not a factcheck baseline" in out.output
    assert (tmp_path / "notes.json").read_text() == '{"mine": true}\n'
    (tmp_path / "empty.json").write_text("")
    assert runner.invoke(app, ["verify", "--write-baseline", "empty.json"]).exit_code == 0


# --------------------------------------------------------------------------- the terminal report


IDS = ("capex-vs-gaap-profit", "taobao-mall-after-alipay", "ai-bet-two-and-half-years", "ttg-revenue-growth")


@pytest.mark.parametrize("columns", [40, 50, 60, 72, 80, 100, 120])
def test_rich_never_breaks_a_claim_id(runner, columns):
    from conftest import ROOT

    out = runner.invoke(app, ["verify", str(ROOT / "claims.yaml"), "-f", "rich"], env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    for claim in IDS:
        assert any(re.search(rf"(^|\s){re.escape(claim)}(\s|$)", line) for line in lines), (claim, columns, out.output)
    for status in ("✓ pass", "▲ warn", "○ unchecked"):
        assert status in out.output
    assert "unche…" not in out.output


# --------------------------------------------------------------------------- facts --yaml


def test_facts_entries_name_their_filing_relative_to_the_file_they_go_into(runner, tmp_path, monkeypatch):
    """`facts --yaml` wrote the filing's path relative to the working folder, which a
    claims file in another folder reads from its own: `--for` writes it relative to it."""
    import shutil

    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "filings").mkdir()
    shutil.copy(ROOT / "examples" / "apple-fy2024" / "filings" / "aapl-20230930.xbrl.xml", tmp_path / "filings")
    claims = tmp_path / "articles" / "apple" / "claims.yaml"
    claims.parent.mkdir(parents=True)
    args = ["facts", "filings/aapl-20230930.xbrl.xml", "--concept", "NetIncomeLoss"]
    bare = runner.invoke(app, [*args, "--yaml"]).stdout
    assert "    filing: filings/aapl-20230930.xbrl.xml\n" in bare and "relative to the working folder" in bare
    entries = runner.invoke(app, [*args, "--for", str(claims.relative_to(tmp_path))])
    assert entries.exit_code == 0, entries.output
    assert "    filing: ../../filings/aapl-20230930.xbrl.xml\n" in entries.stdout
    # the entries are a facts file (version: 1, issue 24): the head of a claims file as they stand
    assert "\nversion: 1\nfacts:\n" in entries.stdout and "relative to the working folder" not in entries.stdout
    claims.write_text(entries.stdout + "claims:\n  - {id: ni, check: net_income_loss_2023, stated: 97.0 billion USD}\n")
    out = runner.invoke(app, ["verify", str(claims), "-f", "concise"])
    assert out.exit_code == 0 and "pass ni:" in out.output, out.output


def test_facts_for_and_output_together(runner, tmp_path, monkeypatch):
    """`-o FILE` writes the entries there, relative to FILE; `--for CLAIMS_FILE` beside it
    names the file they go into, and the paths are relative to that one instead."""
    import shutil

    import yaml

    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "filings").mkdir()
    shutil.copy(ROOT / "examples" / "apple-fy2024" / "filings" / "aapl-20230930.xbrl.xml", tmp_path / "filings")
    args = ["facts", "filings/aapl-20230930.xbrl.xml", "--concept", "NetIncomeLoss"]
    out = runner.invoke(app, [*args, "-o", "facts/apple.yaml"])  # -o alone: a table
    assert out.exit_code == 0 and out.stdout == "", out.output
    assert "us-gaap:NetIncomeLoss" in (tmp_path / "facts" / "apple.yaml").read_text() and "version" not in out.stdout
    out = runner.invoke(app, [*args, "--yaml", "-o", "facts/apple.yaml"])
    assert out.exit_code == 0 and out.stdout == "", out.output
    written = (tmp_path / "facts" / "apple.yaml").read_text()
    assert "    filing: ../filings/aapl-20230930.xbrl.xml\n" in written and "working folder" not in written
    out = runner.invoke(app, [*args, "--for", "articles/apple/claims.yaml", "-o", "drafts/entries.yaml"])
    assert out.exit_code == 0 and out.stdout == "", out.output
    written = (tmp_path / "drafts" / "entries.yaml").read_text()
    assert "    filing: ../../filings/aapl-20230930.xbrl.xml\n" in written
    assert yaml.safe_load(written)["version"] == 1
    out = runner.invoke(app, [*args, "--yaml", "-o", "filings/aapl-20230930.xbrl.xml"])  # never over the filing
    assert out.exit_code == 2 and "an input of this run" in out.output, out.output
    assert (tmp_path / "filings" / "aapl-20230930.xbrl.xml").read_text().startswith("<?xml")
    out = runner.invoke(app, [*args, "-o", "filings"])  # a folder: one line, not an internal error
    assert out.exit_code == 2 and "cannot write filings: it is a folder" in out.output, out.output
