"""Suppressions (a claim's `ignore:`) and the baseline: what stops counting, what stays
stale, and that neither ever depends on line numbers."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest

from factcheck.baseline import apply, baseline_text, fingerprint, load_baseline
from factcheck.cli import app
from factcheck.engine import run
from factcheck.load import load
from factcheck.reporters import Options, renderer, summary_text
from factcheck.schema import CLAIMS_SCHEMA, REPORT_SCHEMA

FAILING = """\
version: 1
claims:
  - {id: ok, check: 1 + 1, stated: 2}
  - {id: bad, check: 1 + 1, stated: 5}
  - {id: broken, check: 1 CNY + 1 year, stated: 2}
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def claims(text: str) -> str:
    return "version: 1\nclaims:\n" + text


# --------------------------------------------------------------------------- ignore: in the claims file


def test_ignore_is_read_with_its_reason_until_and_place(write):
    doc = load(str(write(claims("  - id: a\n    check: 1\n    stated: 2\n    ignore:\n      reason: restated later\n      until: 2999-12-31\n"))))
    (c,) = doc.claims
    assert doc.problems == ()
    assert (c.ignore.kind, c.ignore.reason, c.ignore.until) == ("ignore", "restated later", "2999-12-31")
    assert (c.ignore.span.line, c.ignore.span.col) == (6, 5)


@pytest.mark.parametrize(
    "ignore, code, words",
    [
        ("{until: 2999-12-31}", "missing-key", "needs a `reason:`"),
        ("{reason: '  '}", "missing-key", "needs a `reason:`"),
        ("{reason: x, until: next year}", "wrong-type", "should be a date"),
        ("{reason: x, untill: 2999-12-31}", "unknown-key", "did you mean 'until'"),
        ("not a mapping", "wrong-type", "should be a mapping"),
    ],
)
def test_a_bad_ignore_is_a_problem_of_the_file_at_its_place(write, ignore, code, words):
    doc = load(str(write(claims(f"  - id: a\n    check: 1\n    stated: 2\n    ignore: {ignore}\n"))))
    assert doc.claims == ()
    (p,) = doc.problems
    assert p.code == code and words in p.message and p.span.line == 6


def test_a_misspelt_ignore_key_suggests_ignore(write):
    (p,) = load(str(write(claims("  - {id: a, check: 1, stated: 1, ignroe: {reason: x}}\n")))).problems
    assert "did you mean 'ignore'" in p.message


def test_an_ignored_failure_does_not_fail_the_run_but_keeps_its_status(write):
    path = write(claims("  - {id: bad, check: 1 + 1, stated: 5, ignore: {reason: known typo, until: 2999-12-31}}\n"))
    report = apply(run([str(path)]))
    (r,) = report.results
    assert r.status.value == "fail" and r.suppressed.kind == "ignore" and r.suppressed.reason == "known typo"
    assert report.exit_code() == 0 and report.exit_code("warning") == 0
    assert report.counts()["fail"] == 0 and report.suppressed_count() == 1
    assert summary_text(report).endswith("; 1 suppressed")
    assert report.notices == ()


def test_an_expired_ignore_counts_again_and_says_so(write):
    path = write(claims("  - {id: bad, check: 1 + 1, stated: 5, ignore: {reason: known typo, until: 2025-12-31}}\n"))
    report = apply(run([str(path)]), today=date(2026, 1, 1))
    assert report.results[0].suppressed is None and report.exit_code() == 1
    (n,) = report.notices
    assert n.code == "expired-ignore" and "2025-12-31" in n.message and n.span.line == 3
    # the last day still holds
    assert apply(run([str(path)]), today=date(2025, 12, 31)).exit_code() == 0


@pytest.mark.parametrize("entry", ["{id: ok, check: 1 + 1, stated: 2", "{id: src, source: a statement"])
def test_an_ignore_on_a_claim_that_does_not_need_it_is_reported_unused(write, entry):
    report = apply(run([str(write(claims(f"  - {entry}, ignore: {{reason: x}}}}\n")))]))
    (n,) = report.notices
    assert n.code == "unused-ignore" and "remove it" in n.message
    assert report.exit_code("warning") == 0


def test_a_warning_can_be_ignored_under_strict(write):
    path = write(claims("  - {id: w, check: 'sum(3, 3, 3)', stated: 10, ignore: {reason: rounding in the source}}\n"))
    report = apply(run([str(path)]))
    assert report.results[0].status.value == "warn" and report.exit_code("warning") == 0


def test_the_claims_schema_knows_ignore():
    doc = {"version": 1, "claims": [{"id": "a", "check": "1", "stated": "1", "ignore": {"reason": "x", "until": "2025-12-31"}}]}
    jsonschema.validate(doc, CLAIMS_SCHEMA)
    doc["claims"][0]["ignore"] = {"until": "2025-12-31"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, CLAIMS_SCHEMA)


# --------------------------------------------------------------------------- fingerprints


def _claim(write, text: str, name: str = "claims.yaml"):
    return load(str(write(text, name))).claims[0]


def test_a_fingerprint_ignores_lines_and_layout_but_not_what_is_claimed(write):
    a = _claim(write, claims("  - {id: a, check: 1 + 1, stated: 5}\n"))
    moved = _claim(write, "# a comment\n\n" + claims("\n\n  - id: a\n    check: '1  +   1'\n    stated: 5\n    says: words added later\n"))
    assert fingerprint("claims.yaml", a) == fingerprint("claims.yaml", moved)
    for changed in ("{id: b, check: 1 + 1, stated: 5}", "{id: a, check: 1 + 2, stated: 5}", "{id: a, check: 1 + 1, stated: 6}"):
        assert fingerprint("claims.yaml", _claim(write, claims(f"  - {changed}\n"))) != fingerprint("claims.yaml", a)
    assert fingerprint("other.claims.yaml", a) != fingerprint("claims.yaml", a)


# --------------------------------------------------------------------------- the baseline, through the command line


def test_write_baseline_then_gate_only_new_findings(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    out = runner.invoke(app, ["verify", "--write-baseline", "baseline.json"])
    assert out.exit_code == 0, out.output
    data = json.loads((folder / "baseline.json").read_text())
    assert [(e["id"], e["status"], e["file"]) for e in data["entries"]] == [("bad", "fail", "claims.yaml"), ("broken", "error", "claims.yaml")]
    assert "2 suppressed" in out.output

    # lines move, a comment and a new passing claim appear: still clean
    (folder / "claims.yaml").write_text("# moved\n\n" + FAILING + "  - {id: new-ok, check: 2, stated: 2}\n")
    assert runner.invoke(app, ["verify", "--baseline", "baseline.json"]).exit_code == 0
    # a new failure fails, and only it is reported as a failure
    (folder / "claims.yaml").write_text(FAILING + "  - {id: new-bad, check: 2, stated: 30}\n")
    out = runner.invoke(app, ["verify", "--baseline", "baseline.json", "-f", "json"])
    assert out.exit_code == 1
    report = json.loads(out.output)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["summary"]["fail"] == 1 and report["summary"]["suppressed"] == 2 and report["summary"]["total"] == 4
    by_id = {r["id"]: r for r in report["results"]}
    assert by_id["bad"]["suppressed"] == {"kind": "baseline", "reason": "in the baseline baseline.json", "until": None}
    assert by_id["new-bad"]["suppressed"] is None


def test_changing_what_a_claim_states_brings_it_back(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    runner.invoke(app, ["verify", "--write-baseline", "baseline.json"])
    (folder / "claims.yaml").write_text(FAILING.replace("stated: 5", "stated: 6"))
    out = runner.invoke(app, ["verify", "--baseline", "baseline.json"])
    assert out.exit_code == 1 and "fail bad" in out.output
    assert "stale-baseline" in out.output and "baseline.json:" in out.output


def test_stale_entries_are_notices_that_point_into_the_baseline(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    runner.invoke(app, ["verify", "--write-baseline", "baseline.json"])
    # fixed without changing what it claims: a tolerance admits it
    (folder / "claims.yaml").write_text(FAILING.replace("stated: 5", "stated: 5, tolerance: 200%"))
    out = runner.invoke(app, ["verify", "--baseline", "baseline.json", "-f", "json"])
    assert out.exit_code == 0
    (notice,) = json.loads(out.output)["notices"]
    assert notice["code"] == "stale-baseline" and "now pass" in notice["message"]
    lines = (folder / "baseline.json").read_text().splitlines()
    assert '"id": "bad"' in lines[notice["line"] - 1] and notice["file"] == "baseline.json"


def test_a_run_that_does_not_see_a_claim_says_nothing_about_its_entry(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    (folder / "other.claims.yaml").write_text(claims("  - {id: x, check: 1, stated: 2}\n"))
    runner.invoke(app, ["verify", ".", "--write-baseline", "baseline.json"])
    for args in (["--only", "ok"], ["other.claims.yaml"]):
        out = runner.invoke(app, ["verify", *args, "--baseline", "baseline.json", "-f", "json"])
        assert json.loads(out.output)["notices"] == [], args
    # a file that cannot be read whole says nothing either: its broken claims are missing
    (folder / "claims.yaml").write_text(FAILING + "  - {id: typo, chek: 1}\n")
    out = runner.invoke(app, ["verify", "claims.yaml", "--baseline", "baseline.json", "-f", "json"])
    assert json.loads(out.output)["notices"] == []


def test_the_baseline_names_files_from_its_own_folder(runner, folder, monkeypatch):
    (folder / "articles").mkdir()
    (folder / "articles" / "claims.yaml").write_text(FAILING)
    runner.invoke(app, ["verify", "articles", "--write-baseline", "baseline.json"])
    assert json.loads((folder / "baseline.json").read_text())["entries"][0]["file"] == "articles/claims.yaml"
    monkeypatch.chdir(folder / "articles")
    out = runner.invoke(app, ["verify", "--baseline", "../baseline.json"])
    assert out.exit_code == 0, out.output


def test_an_ignored_claim_is_left_out_of_a_written_baseline(folder, write):
    path = write(FAILING.replace("stated: 5}", "stated: 5, ignore: {reason: x}}"))
    text = baseline_text(run([str(path)]), folder / "b.json")
    assert [e["id"] for e in json.loads(text)["entries"]] == ["broken"]


def test_the_baseline_is_deterministic_and_diffs_one_line_an_entry(folder, write):
    path = write(FAILING)
    a = baseline_text(run([str(path)]), folder / "b.json")
    assert a == baseline_text(run([str(path)]), folder / "b.json")
    assert sum('"fingerprint"' in line for line in a.splitlines()) == 2 == len(json.loads(a)["entries"])


@pytest.mark.parametrize(
    "content, words",
    [
        (None, "no such file"),
        ('{"version": 1,\n  "entries": [}', "b.json:2:15: the baseline is not valid JSON"),
        ('{"version": 2, "entries": []}', "not a factcheck baseline of version 1"),
        ('{"version": 1, "entries": [{"id": "x"}]}', "entry 1 of the baseline"),
    ],
)
def test_a_baseline_that_cannot_be_used_stops_the_run(runner, folder, content, words):
    (folder / "claims.yaml").write_text(FAILING)
    if content is not None:
        (folder / "b.json").write_text(content)
    out = runner.invoke(app, ["verify", "--baseline", "b.json"])
    assert out.exit_code == 2 and words in out.output and "Traceback" not in out.output


def test_a_bad_baseline_stops_the_run_before_anything_is_written(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    (folder / "b.json").write_text("[]")
    out = runner.invoke(app, ["verify", "--baseline", "b.json", "--report", "json:r.json"])
    assert out.exit_code == 2 and not (folder / "r.json").exists()
    out = runner.invoke(app, ["verify", "--write-baseline", "claims.yaml/such/b.json"])
    assert out.exit_code == 2 and "claims.yaml is not a folder" in out.output


def test_load_baseline_reads_what_baseline_text_writes(folder, write):
    path = write(FAILING)
    (folder / "b.json").write_text(baseline_text(run([str(path)]), folder / "b.json"))
    b = load_baseline(folder / "b.json")
    assert [(e.id, e.line, e.col) for e in b.entries] == [("bad", 6, 5), ("broken", 7, 5)]


def test_suppressed_results_in_the_line_formats(write):
    path = write(FAILING.replace("stated: 5}", "stated: 5, ignore: {reason: known typo}}"))
    report = apply(run([str(path)]))
    concise = renderer("concise")(report, Options())
    assert "fail bad:" in concise and "; 1 suppressed" in concise
    rich = renderer("rich")(report, Options(width=100))
    assert "1 suppressed" in rich


# --------------------------------------------------------------------------- the draft in the baseline

DRAFT_CLAIMS = """version: 1
article:
  draft: draft.md
claims:
  - id: margin
    says: the margin rose 12% to $6.31 a share
    check: growth(5.50 USD, 6.31 USD)
    stated: 12%
  - id: units
    says: sales were 5 million units
    source: company
"""
DRAFT = "Sales were 5 million units. The margin rose 12% to $6.31 a share. It hired 300 engineers.\n"


def verify_json(runner, *args):
    out = runner.invoke(app, ["verify", "-f", "json", *args])
    return out.exit_code, json.loads(out.output)


def test_a_suppressed_claim_counts_again_when_its_draft_figures_change(folder, runner):
    (folder / "claims.yaml").write_text(DRAFT_CLAIMS)
    (folder / "draft.md").write_text(DRAFT)
    assert runner.invoke(app, ["verify", "--write-baseline", "b.json"]).exit_code == 0
    (entry,) = json.loads((folder / "b.json").read_text())["entries"]
    assert entry["draft"] == {"found": True, "figures": ["12%", "$6.31 a share"]}  # a per-share figure
    # the same draft, moved about: still suppressed
    (folder / "draft.md").write_text("# Results\n\n" + DRAFT)
    code, data = verify_json(runner, "--baseline", "b.json")
    assert code == 0 and data["summary"]["suppressed"] == 1 and data["notices"] == []
    # the edit: 12% -> 21%, $6.31 -> $9.99
    (folder / "draft.md").write_text(DRAFT.replace("12%", "21%").replace("$6.31", "$9.99"))
    code, data = verify_json(runner, "--baseline", "b.json")
    assert code == 1 and data["summary"]["suppressed"] == 0 and data["summary"]["fail"] == 1
    (notice,) = data["notices"]
    assert notice["code"] == "baseline-draft-changed" and (notice["file"], notice["line"]) == ("draft.md", 1)
    assert notice["message"] == (
        "claim margin: the draft changed: it now says 21% where the baseline recorded 12%; "
        "it now says $9.99 a share where the baseline recorded $6.31 a share; its fail counts again"
    )
    # the passage gone counts again too
    (folder / "draft.md").write_text("Sales were 5 million units.\n")
    code, data = verify_json(runner, "--baseline", "b.json")
    assert code == 1 and "the claim's passage is not in it any more (the baseline recorded it saying 12%, $6.31 a share)" in data["notices"][0]["message"]


def test_an_old_baseline_without_the_draft_keeps_working(folder, runner):
    (folder / "claims.yaml").write_text(DRAFT_CLAIMS)
    (folder / "draft.md").write_text(DRAFT)
    runner.invoke(app, ["verify", "--write-baseline", "b.json"])
    old = json.loads((folder / "b.json").read_text())
    for e in old["entries"]:
        del e["draft"]
    (folder / "b.json").write_text(json.dumps(old))
    (folder / "draft.md").write_text(DRAFT.replace("12%", "21%"))
    # nothing recorded of the draft: matched on the claim alone, as before
    code, data = verify_json(runner, "--baseline", "b.json")
    assert code == 0 and data["summary"]["suppressed"] == 1 and data["notices"] == []


def test_a_bad_draft_record_in_a_baseline_is_a_usage_error(folder, runner):
    (folder / "claims.yaml").write_text(DRAFT_CLAIMS)
    (folder / "draft.md").write_text(DRAFT)
    (folder / "b.json").write_text(
        '{"version": 1, "entries": [\n  {"file": "claims.yaml", "id": "margin", "status": "fail", '
        '"fingerprint": "ab", "draft": {"found": "yes"}}\n]}\n'
    )
    out = runner.invoke(app, ["verify", "--baseline", "b.json"])
    assert out.exit_code == 2 and 'b.json:2:3: entry 1: draft should be {"found": true or false' in out.output


def test_uncovered_figures_are_baselined_one_by_one(folder, runner):
    (folder / "claims.yaml").write_text(DRAFT_CLAIMS)
    (folder / "draft.md").write_text(DRAFT)
    assert runner.invoke(app, ["verify", "--require-coverage"]).exit_code == 1
    assert runner.invoke(app, ["verify", "--require-coverage", "--write-baseline", "b.json"]).exit_code == 0
    entries = json.loads((folder / "b.json").read_text())["entries"]
    assert [e.get("figure") for e in entries] == [None, "300 engineers"]
    code, data = verify_json(runner, "--require-coverage", "--baseline", "b.json")
    assert code == 0 and data["files"][0]["draft"]["uncovered"][0]["suppressed"] is True
    jsonschema.validate(data, REPORT_SCHEMA)
    # the sentence moved to another line, with other sentences around it: still accepted
    (folder / "draft.md").write_text("Intro.\n\nIt hired 300 engineers. " + DRAFT.replace(" It hired 300 engineers.", ""))
    assert verify_json(runner, "--require-coverage", "--baseline", "b.json")[0] == 0
    # the figure changed: a new finding, and the old entry is stale
    (folder / "draft.md").write_text(DRAFT.replace("300", "400"))
    code, data = verify_json(runner, "--require-coverage", "--baseline", "b.json")
    assert code == 1 and [u["suppressed"] for u in data["files"][0]["draft"]["uncovered"]] == [False]
    assert [n["code"] for n in data["notices"]] == ["stale-baseline"] and "figure 300 engineers" in data["notices"][0]["message"]
    # a new uncovered figure elsewhere fails the run; the accepted one stays accepted
    (folder / "draft.md").write_text(DRAFT + "\nIt opened 12 stores.\n")
    code, data = verify_json(runner, "--require-coverage", "--baseline", "b.json")
    assert code == 1 and [(u["text"], u["suppressed"]) for u in data["files"][0]["draft"]["uncovered"]] == [
        ("300 engineers", True), ("12 stores", False)
    ]
    # the github format annotates only the new one
    out = runner.invoke(app, ["verify", "--require-coverage", "--baseline", "b.json", "-f", "github"])
    assert "12 stores" in out.output and "300 engineers" not in out.output
