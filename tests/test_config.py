"""Project defaults from factcheck.toml or [tool.factcheck]: which file wins, what the
command line overrides, and errors that name their place."""

from __future__ import annotations

import json
import os

import pytest

from factcheck.cli import app
from factcheck.config import Config, find, load

FAILING = "version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n  - {id: bad, check: 1 + 1, stated: 5}\n"
WARNING = "version: 1\nclaims:\n  - {id: w, check: 'sum(3, 3, 3)', stated: 10}\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a subfolder to run from; no config above it is reached."""
    sub = tmp_path / "project" / "articles"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    return tmp_path / "project"


def test_the_nearest_config_wins(project):
    (project / "pyproject.toml").write_text("[tool.factcheck]\nfail-on = 'warning'\n")
    assert load().fail_on == "warning" and load().path == "../pyproject.toml"
    (project / "articles" / "factcheck.toml").write_text("fail-on = 'never'\n")
    assert load().fail_on == "never" and load().path == "factcheck.toml"


def test_factcheck_toml_comes_before_pyproject_in_one_folder(project):
    (project / "pyproject.toml").write_text("[tool.factcheck]\nfail-on = 'warning'\n")
    (project / "factcheck.toml").write_text("fail-on = 'never'\n")
    assert load().fail_on == "never"


def test_a_pyproject_without_the_table_is_passed_over(project):
    (project / "pyproject.toml").write_text("[tool.factcheck]\nfail-on = 'warning'\n")
    (project / "articles" / "pyproject.toml").write_text("[project]\nname = 'x'\n[tool.ruff]\nline-length = 100\n")
    assert load().fail_on == "warning"


def test_no_config_is_no_defaults(project):
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n# tool.factcheck is documented elsewhere\n")
    assert find() is None and load() == Config()


def test_config_defaults_and_the_command_line_overrides_them(project, runner):
    (project / "articles" / "claims.yaml").write_text(WARNING)
    assert runner.invoke(app, ["verify"]).exit_code == 0
    (project / "factcheck.toml").write_text("fail-on = 'warning'\nformat = 'json'\n")
    out = runner.invoke(app, ["verify"])
    assert out.exit_code == 1 and json.loads(out.output)["exit_code"] == 1
    out = runner.invoke(app, ["verify", "--fail-on", "error", "-f", "concise"])
    assert out.exit_code == 0 and out.output.startswith("claims.yaml:3:5: warn w")


def test_config_paths_reports_and_baseline_are_relative_to_its_folder(project, runner):
    (project / "articles" / "claims.yaml").write_text(FAILING)
    (project / "reports").mkdir()
    (project / "factcheck.toml").write_text(
        'paths = ["articles"]\nreport = ["sarif:reports/fc.sarif", "junit:reports/fc.xml"]\nbaseline = "baseline.json"\n'
    )
    out = runner.invoke(app, ["verify", "--write-baseline", "../baseline.json"])
    assert out.exit_code == 0, out.output
    assert sorted(os.listdir(project / "reports")) == ["fc.sarif", "fc.xml"]
    assert json.loads((project / "baseline.json").read_text())["entries"][0]["file"] == "articles/claims.yaml"
    # run from the project root this time: the same files, the baseline from the config
    os.chdir(project)
    out = runner.invoke(app, ["verify", "-f", "json"])
    assert out.exit_code == 0 and json.loads(out.output)["summary"]["suppressed"] == 1
    # --report on the command line replaces the config's list
    out = runner.invoke(app, ["verify", "--report", "markdown:reports/fc.md"])
    assert sorted(os.listdir(project / "reports")) == ["fc.md", "fc.sarif", "fc.xml"]


@pytest.mark.parametrize(
    "name, text, words",
    [
        ("factcheck.toml", "fail_on = 'warning'\n", "factcheck.toml:1:1: unknown key 'fail_on' in factcheck.toml (did you mean 'fail-on'?)"),
        ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.factcheck]\nformat = 'json'\n  basline = 'b.json'\n",
         "../pyproject.toml:6:3: unknown key 'basline' in [tool.factcheck] (did you mean 'baseline'?)"),
        ("factcheck.toml", "fail-on = 'warnings'\n", "factcheck.toml:1:1: fail-on should be one of error, warning, never, not 'warnings' (did you mean 'warning'?)"),
        ("factcheck.toml", "\nformat = 'sarf'\n", "factcheck.toml:2:1: format: unknown format 'sarf' (did you mean 'sarif'?)"),
        ("factcheck.toml", "report = ['sarif']\n", "factcheck.toml:1:1: report 'sarif': expected FORMAT:FILE"),
        ("factcheck.toml", "paths = [1, 2]\n", "factcheck.toml:1:1: paths should be a list of claims files or folders, not [1, 2]"),
        ("factcheck.toml", "baseline = ''\n", "baseline should be the path of a baseline file"),
        ("factcheck.toml", "fail-on = 'error'\nformat = \n", "factcheck.toml:2:10: invalid TOML: Invalid value"),
        ("pyproject.toml", "tool.factcheck = 3\n", "tool.factcheck should be a table"),
        ("pyproject.toml", "tool = 3\n[tool.factcheck]\n", "invalid TOML"),
        # hostile configs (issue 16): never "internal error", always the place
        ("factcheck.toml", b"fail-on = 'error'\n# caf\xe9\n", "factcheck.toml:2:6: byte 0xe9 is not UTF-8"),
        ("factcheck.toml", "paths = " + "[" * 5000 + "]" * 5000 + "\n", "factcheck.toml:1:41: arrays or tables nest more than 32 deep"),
        ("factcheck.toml", 'report = ["concise:out\\u0000.txt"]\n', "factcheck.toml:1:1: report: the path holds a NUL character"),
        ("factcheck.toml", "report = ['concise:~/.bashrc', 'concise:~/tool']\n",
         "factcheck.toml:1:1: report: ~/.bashrc leaves the config's folder; a path in the config stays inside it (no ~, no absolute path, no ..)"),
        ("factcheck.toml", "report = ['json:/tmp/x.json']\n", "report: /tmp/x.json leaves the config's folder"),
        ("factcheck.toml", "report = ['json:sub/../../x.json']\n", "report: sub/../../x.json leaves the config's folder"),
        ("factcheck.toml", "baseline = '/dev/zero'\n", "factcheck.toml:1:1: baseline: /dev/zero leaves the config's folder"),
        ("factcheck.toml", "baseline = '../../b.json'\n", "baseline: ../../b.json leaves the config's folder"),
        ("factcheck.toml", "fail-on = '" + "x" * 100_000 + "'\n", "… (99,802 more characters)"),
        ("factcheck.toml", "require-coverage = 'yes'\n", "factcheck.toml:1:1: require-coverage should be true or false, not 'yes'"),
        ("factcheck.toml", "\ninfer = 1\n", "factcheck.toml:2:1: infer should be true or false, not 1"),
        ("factcheck.toml", "only = [3]\n", "factcheck.toml:1:1: only should be a list of claim ids or tags, not [3]"),
        ("factcheck.toml", "fail-on = 'error'\n[tool.factcheck]\nformat = 'json'\n",
         "factcheck.toml:1:1: 'fail-on' is outside [tool.factcheck]; in factcheck.toml put every key under the "
         "[tool.factcheck] header, or drop the header and every key with it"),
        ("factcheck.toml", "[tool.factcheck]\nformat = 'json'\n[tool.ruff]\nline-length = 1\n", "factcheck.toml:3:1: 'tool.ruff' is outside"),
        ("factcheck.toml", "[tool.factcheck]\nformat = 'json'\n  infr = true\n",
         "factcheck.toml:3:3: unknown key 'infr' in [tool.factcheck] of factcheck.toml (did you mean 'infer'?)"),
    ],
)
def test_a_bad_config_stops_the_run_with_its_place(project, runner, name, text, words):
    (project / "articles" / "claims.yaml").write_text(FAILING)
    folder = project / "articles" if name == "factcheck.toml" else project
    (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    out = runner.invoke(app, ["verify"])
    assert out.exit_code == 2, out.output
    assert words in out.output and "Traceback" not in out.output and "internal error" not in out.output
    assert len(out.output) < 1000


def test_the_ci_page_example_is_a_config_factcheck_accepts(project):
    import re

    from conftest import ROOT
    from factcheck.config import parse

    (block,) = re.findall(r"```toml pyproject.toml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(), flags=re.S)
    conf = parse(project / "pyproject.toml", block, is_pyproject=True)
    assert conf.fail_on == "error" and conf.format == "concise" and len(conf.reports) == 2
    assert conf.paths == (".",) and conf.baseline == "../factcheck-baseline.json"  # run from articles/


def test_factcheck_toml_takes_the_ci_page_block_as_it_is(project):
    import re

    from conftest import ROOT

    (block,) = re.findall(r"```toml pyproject.toml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(), flags=re.S)
    (project / "articles" / "factcheck.toml").write_text(block)
    conf = load()
    assert conf.path == "factcheck.toml" and conf.fail_on == "error" and conf.format == "concise"
    assert conf.paths == ("articles",) and conf.baseline == "factcheck-baseline.json"
    assert conf.require_coverage is True and conf.infer is None and conf.only is None


UNCOVERED = (
    "version: 1\narticle: {draft: draft.md}\nclaims:\n"
    "  - {id: growth, tags: [revenue], check: 'growth(129.073 bn CNY, 136.09 bn CNY)', stated: 5%}\n"
    "  - {id: margin, check: '1 + 1', stated: 5}\n"
)


def test_coverage_inference_and_only_from_the_config(project, runner):
    (project / "articles" / "claims.yaml").write_text(UNCOVERED)
    (project / "articles" / "draft.md").write_text(
        "Revenue rose 5% to 136.09 billion yuan. The company hired 300 engineers.\n\n"
        "Profit rose 20% to 11.0 billion yuan, from 10.0 billion.\n"
    )
    out = runner.invoke(app, ["verify", "-f", "json", "--only", "revenue"])
    assert out.exit_code == 0, out.output
    (project / "factcheck.toml").write_text("[tool.factcheck]\nrequire-coverage = true\nonly = ['revenue']\n")
    out = runner.invoke(app, ["verify", "-f", "json"])
    data = json.loads(out.output)
    assert out.exit_code == 1 and [r["id"] for r in data["results"]] == ["growth"]  # only: the failing margin is left out
    assert any(u["text"] == "300 engineers" for u in data["files"][0]["draft"]["uncovered"]), data["files"]
    # the command line overrides each: --no-require-coverage, --only
    assert runner.invoke(app, ["verify", "--no-require-coverage"]).exit_code == 0
    assert runner.invoke(app, ["verify", "--no-require-coverage", "--only", "margin"]).exit_code == 1
    # infer: the draft's own 20% (10.0 to 11.0 billion is 10%) is checked, and fails
    (project / "factcheck.toml").write_text("[tool.factcheck]\ninfer = true\nonly = ['revenue', 'inferred']\n")
    out = runner.invoke(app, ["verify", "-f", "json"])
    ids = [r["id"] for r in json.loads(out.output)["results"]]
    assert out.exit_code == 1 and "growth" in ids and len(ids) > 1, out.output
    assert runner.invoke(app, ["verify", "--no-infer", "--only", "revenue"]).exit_code == 0
