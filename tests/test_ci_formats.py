"""The CI formats, each read back by a real consumer: GitHub's workflow-command grammar
(as the runner parses it), the OASIS SARIF 2.1.0 schema, junitparser and a published
JUnit XSD, markdown-it-py. Then --report, several reports from one run."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from factcheck.baseline import apply
from factcheck.cli import app
from factcheck.engine import run
from factcheck.model import Span
from factcheck.reporters import Options, renderer
from factcheck.reporters.github import command

from conftest import HERE

DATA = HERE / "data"

MIXED = """\
version: 1
article: {title: "A | title"}
claims:
  - {id: ok, check: 1 + 1, stated: 2}
  - {id: rounding, check: 'sum(3, 3, 3)', stated: 10}
  - {id: slip, check: 136.09 billion CNY, stated: 136.09 million CNY}
  - {id: units, check: 1 CNY + 1 year, stated: 2}
  - {id: sourced, source: "a statement | with <b>markup</b> *and* $maths$ @someone #1 [x](y)"}
  - {id: accepted, check: 2, stated: 30, ignore: {reason: "known | slip", until: 2999-12-31}}
  - {id: needless, check: 2, stated: 2, ignore: {reason: x}}
"""
INVALID = "version: 1\nclaims:\n  - {id: a, chek: 1}\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with claims in a subfolder; the run starts from that subfolder, so that
    repository-relative paths differ from the paths the run names."""
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "claims.yaml").write_text(MIXED)
    (sub / "bad.claims.yaml").write_text(INVALID)
    monkeypatch.chdir(sub)
    return sub


def report_of(*paths: str):
    return apply(run(list(paths)))


# --------------------------------------------------------------------------- GitHub workflow commands

# The grammar of workflow commands as GitHub's runner reads them (actions/runner,
# src/Runner.Common/ActionCommand.cs, TryParseV2, and the stop-commands command of
# ActionCommandManager): `::name key=value,key=value::data`, properties split on ','
# and on the first '=', unescaped %0D %0A %3A %2C and then %25; data unescaped %0D %0A
# and then %25. Written here from that description, independently of the reporter.
ANNOTATIONS = {"error", "warning", "notice"}


def _unescape(text: str, extra: tuple[str, ...]) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), *(("%3A", ":"), ("%2C", ","))[: len(extra)], ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str] | None:
    line = line.lstrip()
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    info = line[2:end]
    name, _, props = info.partition(" ")
    properties = {}
    for item in props.strip().split(","):
        key, sep, value = item.partition("=")
        if item and sep and key and value:
            properties[key.lower()] = _unescape(value, ("%3A", "%2C"))
    return name, properties, _unescape(line[end + 2 :], ())


def runner_reads(text: str) -> list[tuple[str, dict[str, str], str]]:
    """The commands the runner acts on, honouring ::stop-commands::TOKEN ... ::TOKEN::."""
    out, stopped = [], None
    for line in text.split("\n"):
        if stopped is not None:
            if line.strip() == f"::{stopped}::":
                stopped = None
            continue
        cmd = parse_command(line)
        if cmd and cmd[0] == "stop-commands":
            stopped = cmd[2]
        elif cmd:
            out.append(cmd)
    return out


@pytest.mark.parametrize(
    "properties, data",
    [
        ({"file": "a,b:c%0A.claims.yaml", "title": "fail x: 50%, then 60%"}, "50% < 60%\nhint: a::b\r\nc"),
        ({"title": "%25 %3A %2C"}, "%0A is not a newline"),
        ({"file": "std::claims.yaml", "title": "a::b, c"}, "d::e"),
        ({"file": "x=y=z.claims.yaml", "line": 3}, "::error::inside the data"),
    ],
)
def test_github_escaping_round_trips_through_the_runner_grammar(properties, data):
    line = command("error", properties, data)
    assert "\n" not in line and "\r" not in line
    name, props, got = parse_command(line)
    # a line break comes through; a carriage return, a control like any other, is shown as \u000d
    assert (name, props, got) == ("error", {k: str(v) for k, v in properties.items()}, data.replace("\r", "\\u000d"))


def test_github_annotates_every_finding_at_its_repository_path(repo):
    text = renderer("github")(report_of("claims.yaml", "bad.claims.yaml"), Options())
    cmds = runner_reads(text)
    by_title = {p["title"]: (name, p, data) for name, p, data in cmds}
    assert set(by_title) == {
        "factcheck: warn rounding", "factcheck: fail slip", "factcheck: error units",
        "factcheck: unused-ignore", "factcheck: invalid file: unknown-key",
    }
    name, props, data = by_title["factcheck: fail slip"]
    assert name == "error" and props["file"] == "articles/claims.yaml" and (props["line"], props["col"]) == ("6", "5")
    assert data.startswith("136.09 billion CNY does not match") and "\nhint: the stated 136.09 million CNY is 1,000 times smaller" in data
    assert by_title["factcheck: warn rounding"][0] == "warning"
    assert by_title["factcheck: unused-ignore"][0] == "notice"
    assert by_title["factcheck: invalid file: unknown-key"][1]["file"] == "articles/bad.claims.yaml"
    assert text.rstrip().splitlines()[-1].startswith("7 claims: 2 pass, 1 warn, 1 fail, 1 error, 1 unchecked; 1 suppressed; 1 problem")


def test_github_annotates_ten_of_a_kind_and_counts_the_rest_in_a_notice(repo):
    many = "version: 1\nclaims:\n" + "".join(f"  - {{id: f{i}, check: 2, stated: 30}}\n" for i in range(12))
    many += "".join(f"  - {{id: w{i}, check: 'sum(3, 3, 3)', stated: 10}}\n" for i in range(11))
    (repo / "many.claims.yaml").write_text(many)
    # a file whose name is itself a workflow command: printed as a plain line, it must stay text
    (repo / "::error::injected.claims.yaml").write_text("version: 1\nclaims:\n  - {id: x, check: 2, stated: 30}\n")
    text = renderer("github")(report_of("many.claims.yaml", "::error::injected.claims.yaml"), Options())
    cmds = runner_reads(text)
    kinds = [name for name, _, _ in cmds]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10 and kinds.count("notice") == 1
    assert cmds[-1][2].startswith("4 more findings (3 errors, 1 warning) than GitHub annotates")
    assert "::error::injected.claims.yaml:3:5: fail x" in text  # in the log, as text
    assert not any(p.get("file", "").startswith("::error::") for _, p, _ in cmds)
    # without the stop-commands guard, the runner would have read that line as a command
    assert parse_command("::error::injected.claims.yaml:3:5: fail x: ...")[0] == "error"


def test_github_is_the_auto_format_under_actions_and_appends_a_step_summary(repo, runner, monkeypatch):
    summary = repo / "summary.md"
    summary.write_text("# earlier step\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = runner.invoke(app, ["verify", "claims.yaml"])
    assert out.exit_code == 1
    assert any(name == "error" for name, _, _ in runner_reads(out.output))
    text = summary.read_text()
    assert text.startswith("# earlier step\n### factcheck ✗ 7 claims")
    assert "| ✗ fail | `slip` |" in text
    monkeypatch.delenv("GITHUB_ACTIONS")
    summary.write_text("")
    out = runner.invoke(app, ["verify", "claims.yaml"])
    assert out.output.startswith("claims.yaml:4:5: pass ok") and summary.read_text() == ""


# --------------------------------------------------------------------------- SARIF


@pytest.fixture(scope="module")
def sarif_schema():
    return json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(schema, *paths: str) -> dict:
    log = json.loads(renderer("sarif")(report_of(*paths), Options()))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    return log


def test_sarif_validates_against_the_oasis_schema_with_a_rule_a_kind(repo, sarif_schema):
    log = sarif(sarif_schema, "claims.yaml", "bad.claims.yaml")
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for r in rules:
        assert r["shortDescription"]["text"] and len(r["help"]["text"]) > 60 and r["help"]["markdown"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run_["results"]
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    by_claim = {res.get("properties", {}).get("claim"): res for res in results}
    assert set(by_claim) == {"rounding", "slip", "units", "accepted", None}  # no pass, no unchecked
    slip = by_claim["slip"]
    assert (slip["ruleId"], slip["level"]) == ("fail", "error") and slip["properties"]["hints"] == ["magnitude"]
    loc = slip["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "articles/claims.yaml", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 6, "startColumn": 5}
    assert (by_claim["rounding"]["level"], by_claim["units"]["ruleId"]) == ("warning", "error")
    (sup,) = by_claim["accepted"]["suppressions"]
    assert (sup["kind"], sup["status"], sup["justification"]) == ("inSource", "accepted", "known | slip")
    assert sup["location"]["physicalLocation"]["region"]["startLine"] == 9
    assert "suppressions" not in by_claim["slip"]
    notices = [res for res in results if res["ruleId"] in ("unused-ignore", "invalid-file")]
    assert {(res["ruleId"], res["level"]) for res in notices} == {("unused-ignore", "note"), ("invalid-file", "error")}
    assert run_["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprints_survive_lines_that_move(repo, sarif_schema):
    def prints() -> dict:
        log = sarif(sarif_schema, "claims.yaml")
        return {
            res["properties"]["claim"]: (res["partialFingerprints"]["factcheck/v1"], res["locations"][0]["physicalLocation"]["region"]["startLine"])
            for res in log["runs"][0]["results"] if "properties" in res
        }

    before = prints()
    moved = MIXED.replace("claims:\n", "claims:\n  - {id: new-one, check: 5, stated: 50}\n# a comment\n\n")
    (repo / "claims.yaml").write_text(moved)
    after = prints()
    for claim in before:
        assert after[claim][0] == before[claim][0] and after[claim][1] == before[claim][1] + 3
    assert len({fp for fp, _ in after.values()}) == len(after)


def test_sarif_leaves_a_hook_for_the_draft_passage_as_a_related_location(repo, sarif_schema, monkeypatch):
    from factcheck.reporters import sarif as reporter

    def draft_passage(finding):
        if finding.result is None:
            return []
        return [reporter.Related(Span("draft.md", 12, 3), "the passage in the draft", 12, 41)]

    monkeypatch.setattr(reporter, "related_locations", draft_passage)
    (repo / "draft.md").write_text("text\n")
    log = sarif(sarif_schema, "claims.yaml")
    res = next(r for r in log["runs"][0]["results"] if r.get("properties", {}).get("claim") == "slip")
    (rel,) = res["relatedLocations"]
    assert rel["id"] == 1 and rel["message"]["text"] == "the passage in the draft"
    assert rel["physicalLocation"]["artifactLocation"]["uri"] == "articles/draft.md"
    assert rel["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 3, "endLine": 12, "endColumn": 41}
    assert res["message"]["text"].endswith("the passage in the draft: [see here](1)")


def test_sarif_names_a_file_outside_the_repository_by_its_absolute_uri(tmp_path, monkeypatch, sarif_schema):
    monkeypatch.chdir(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "claims.yaml").write_text(MIXED)
    inside = tmp_path / "repo"
    (inside / ".git").mkdir(parents=True)
    monkeypatch.chdir(inside)
    log = sarif(sarif_schema, str(outside / "claims.yaml"))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": (outside / "claims.yaml").as_uri()}


# --------------------------------------------------------------------------- JUnit


def test_junit_reads_back_with_junitparser(repo):
    from junitparser import Error, Failure, JUnitXml, Skipped

    text = renderer("junit")(report_of("claims.yaml", "bad.claims.yaml"), Options())
    xml = JUnitXml.fromstring(text.encode("utf-8"))  # bytes: with lxml installed (by arelle), junitparser refuses text that declares its encoding
    suites = {s.name: s for s in xml}
    assert set(suites) == {"claims.yaml", "bad.claims.yaml"}
    cases = {c.name: c for c in suites["claims.yaml"]}
    assert list(cases) == ["ok", "rounding", "slip", "units", "sourced", "accepted", "needless"]
    assert all(c.classname == "claims.yaml" for c in cases.values())
    kinds = {name: [type(r).__name__ for r in c.result] for name, c in cases.items()}
    assert kinds == {"ok": [], "rounding": [], "slip": ["Failure"], "units": ["Error"], "sourced": ["Skipped"], "accepted": ["Skipped"], "needless": []}
    assert isinstance(cases["slip"].result[0], Failure) and isinstance(cases["units"].result[0], Error)
    assert isinstance(cases["accepted"].result[0], Skipped) and "suppressed by ignore" in cases["accepted"].result[0].message
    assert "hint: the stated 136.09 million CNY" in cases["slip"].result[0].text
    assert "holds only" in cases["rounding"].system_out or "misses" in cases["rounding"].system_out
    s = suites["claims.yaml"]
    assert (s.tests, s.failures, s.errors, s.skipped) == (7, 1, 1, 2)
    (bad,) = list(suites["bad.claims.yaml"])
    assert bad.name == "unknown-key at 3:13" and isinstance(bad.result[0], Error)
    import xml.etree.ElementTree as ET  # junitparser reads no suite-level output

    assert "unused-ignore" in ET.fromstring(text).findtext("testsuite/system-out")


def test_junit_validates_against_the_published_xsd(repo):
    import xmlschema

    schema = xmlschema.XMLSchema(str(DATA / "junit-10.xsd"))
    text = renderer("junit")(report_of("claims.yaml", "bad.claims.yaml"), Options(fail_on="warning"))
    schema.validate(text)


def test_junit_fails_a_warning_only_when_warnings_fail_the_run(repo):
    from junitparser import Failure, JUnitXml

    def rounding(fail_on: str):
        xml = JUnitXml.fromstring(renderer("junit")(report_of("claims.yaml"), Options(fail_on=fail_on)).encode("utf-8"))
        return next(c for s in xml for c in s if c.name == "rounding")

    assert rounding("error").result == []
    assert isinstance(rounding("warning").result[0], Failure)


def test_junit_keeps_names_unique_and_the_xml_well_formed(write, monkeypatch):
    import xml.etree.ElementTree as ET

    path = write('version: 1\nclaims:\n  - {id: a, check: 1, stated: 1, says: "bell \\x07 and \\x01"}\n  - {id: b, chek: 1}\n  - {id: c, chek: 1}\n')
    monkeypatch.chdir(path.parent)
    text = renderer("junit")(report_of("claims.yaml"), Options())
    root = ET.fromstring(text)
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(names) == len(set(names)) == 3
    assert "\ufffd" not in text  # a pass prints nothing; now one that fails, with the same text
    path.write_text(path.read_text().replace("stated: 1,", "stated: 9,"))
    text = renderer("junit")(report_of("claims.yaml"), Options())
    assert "bell \ufffd and \ufffd" in ET.fromstring(text).find(".//failure").text


# --------------------------------------------------------------------------- Markdown


def markdown_tokens(text: str):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(text)


def table_rows(tokens) -> list[list[str]]:
    """Rows of every table, each cell as the text a reader sees."""
    rows, row, cell = [], None, None
    for t in tokens:
        if t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            cell = []
        elif t.type == "inline" and cell is not None:
            for child in t.children:
                assert child.type in ("text", "code_inline", "html_inline", "softbreak"), child.type
                if child.type == "html_inline":
                    assert child.content == "<br>"
                cell.append("\n" if child.type == "html_inline" else child.content)
        elif t.type in ("th_close", "td_close"):
            row.append("".join(cell))
            cell = None
        elif t.type == "tr_close":
            rows.append(row)
    return rows


def test_markdown_tables_hold_whatever_the_claims_say(repo):
    text = renderer("markdown")(report_of("claims.yaml", "bad.claims.yaml"), Options())
    tokens = markdown_tokens(text)
    rows = table_rows(tokens)
    assert all(len(r) == 6 for r in rows)
    cells = {r[1]: r for r in rows}
    assert cells["slip"][0] == "✗ fail" and cells["slip"][2] == "claims.yaml:6:5"
    assert cells["slip"][5].startswith("136.09 billion CNY does not match") and "\nhint: the stated" in cells["slip"][5]
    assert cells["accepted"][5] == "ignore until 2999-12-31: known | slip"
    assert cells["sourced"][5] == "a statement | with <b>markup</b> *and* $maths$ @someone #1 [x](y)"
    assert {t.content.strip() for t in tokens if t.type == "html_block"} == {
        "<details><summary>1 suppressed (they do not fail the run)</summary>", "<details><summary>3 passing or unchecked</summary>", "</details>"
    }
    for t in tokens:
        if t.type == "inline":
            assert not any(c.type in ("link_open", "em_open", "strong_open", "s_open") for c in t.children)
    assert r"\$maths\$" in text and r"\@someone" in text  # GitHub renders $…$ as maths and @ as a mention
    assert text.startswith("### factcheck ✗ 7 claims")


def test_markdown_keeps_within_its_budget_and_counts_what_it_leaves_out(repo):
    from factcheck.reporters.markdown import document

    many = "version: 1\nclaims:\n" + "".join(f"  - {{id: f{i}, check: 2, stated: 30}}\n" for i in range(400))
    (repo / "many.claims.yaml").write_text(many)
    report = report_of("many.claims.yaml")
    text = document(report, Options(), 8000)
    assert len(text.encode()) <= 8000
    shown = sum(1 for r in table_rows(markdown_tokens(text)) if r[0] == "✗ fail")
    assert 10 < shown < 400
    assert f"… {400 - shown} more findings, not shown here" in text
    assert len(renderer("markdown")(report, Options()).encode()) <= 65_536


# --------------------------------------------------------------------------- several reports from one run


def test_several_reports_from_one_run(repo, runner):
    (repo / "out").mkdir()
    args = ["verify", "claims.yaml", "-f", "concise"]
    for spec in ("json:out/r.json", "sarif:out/r.sarif", "junit:out/r.xml", "markdown:out/r.md", "github:out/r.txt"):
        args += ["--report", spec]
    out = runner.invoke(app, args)
    assert out.exit_code == 1 and out.output.startswith("claims.yaml:4:5: pass ok")
    assert sorted(os.listdir(repo / "out")) == ["r.json", "r.md", "r.sarif", "r.txt", "r.xml"]
    assert json.loads((repo / "out" / "r.json").read_text())["exit_code"] == 1
    assert json.loads((repo / "out" / "r.sarif").read_text())["version"] == "2.1.0"
    assert (repo / "out" / "r.xml").read_text().startswith("<?xml")


@pytest.mark.parametrize(
    "spec, words",
    [
        ("sarif", "expected FORMAT:FILE"),
        ("sarf:out.sarif", "did you mean 'sarif'"),
        ("auto:out.txt", "unknown format 'auto'"),
        ("json:claims.yaml/folder/r.json", "claims.yaml is not a folder"),  # missing folders are made, not under a file
        ("json:out", "it is a folder"),
    ],
)
def test_a_report_that_cannot_be_written_stops_the_run_before_anything_is_written(repo, runner, spec, words):
    (repo / "out").mkdir()
    out = runner.invoke(app, ["verify", "claims.yaml", "--report", "sarif:out/first.sarif", "--report", spec])
    assert out.exit_code == 2 and words in out.output and "Traceback" not in out.output
    assert os.listdir(repo / "out") == []


def test_two_reports_cannot_share_a_file(repo, runner):
    out = runner.invoke(app, ["verify", "claims.yaml", "-o", "r.json", "--report", "sarif:./r.json"])
    assert out.exit_code == 2 and "cannot both be written" in out.output
    out = runner.invoke(app, ["verify", "claims.yaml", "--report", "sarif:b.json", "--write-baseline", "b.json"])
    assert out.exit_code == 2 and "(sarif and baseline)" in out.output and not os.path.exists("b.json")


def test_a_report_file_left_unwritable_mid_run_leaves_no_half_file(repo, runner, monkeypatch):
    import factcheck.output

    (repo / "out").mkdir()
    real = factcheck.output.os.replace

    def fail_second(src, dst):
        if str(dst).endswith("b.xml"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(factcheck.output.os, "replace", fail_second)
    out = runner.invoke(app, ["verify", "claims.yaml", "--report", "json:out/a.json", "--report", "junit:out/b.xml"])
    assert out.exit_code == 2 and "No space left on device" in out.output
    assert os.listdir(repo / "out") == ["a.json"]  # whole, and no temporary file beside it


def test_every_format_is_reachable_from_the_command_line(repo, runner):
    from factcheck.reporters import FORMATS

    for name in FORMATS:
        out = runner.invoke(app, ["verify", "claims.yaml", "-f", name])
        assert out.exit_code == 1 and out.output, name
        assert not re.search(r"\x1b\[", out.output), name


def test_sarif_links_the_draft_passage_and_lists_uncovered_figures(tmp_path, monkeypatch, sarif_schema):
    """The bundled article against its altered draft: a changed figure and a rewritten
    sentence fail, each linked to its passage in the draft; an extra figure is uncovered."""
    import shutil

    from conftest import ROOT

    (tmp_path / ".git").mkdir()
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    draft = (DATA / "draft-altered.md").read_text(encoding="utf-8") + "\nA footnote adds 7 new figures.\n"
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = apply(run(["claims.yaml"], draft="draft.md"))
    log = json.loads(renderer("sarif")(report, Options()))
    validator = jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(log)] == []
    results = {r.get("properties", {}).get("claim"): r for r in log["runs"][0]["results"]}
    for claim in ("capex-vs-profit", "taobao-then-alipay"):
        (rel,) = results[claim]["relatedLocations"]
        assert rel["physicalLocation"]["artifactLocation"]["uri"] == "draft.md"
        assert rel["message"]["text"].startswith(("the passage in the draft", "the closest passage in the draft"))
    uncovered = [r for r in log["runs"][0]["results"] if r["ruleId"] == "uncovered"]
    assert uncovered and all(r["level"] == "note" for r in uncovered)
    assert any("7" in r["message"]["text"] for r in uncovered)
