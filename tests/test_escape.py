"""Every string escaped at output time, one function a family of formats (issue 16):
controls, bidi overrides and zero-width characters shown visibly, no forged log line,
no autolinked URL; file names, draft passages and baseline fields included."""

from __future__ import annotations

import json
import re

import pytest

from factcheck.cli import app
from factcheck.reporters.escape import (
    QUOTE_LIMIT,
    for_ci_log,
    for_ci_property,
    for_html,
    for_json,
    for_log_line,
    for_markdown,
    for_terminal,
    for_terminal_line,
    for_xml,
    shorten,
    visible,
)

HOSTILE = "a\x1b]52;c;cHduZWQ=\x07b\x1b[2J\x9b31m\u202egnp.exe\u2066\u200b\x7f"
#: what no output may hold raw: C0 but LF and TAB, DEL, C1, bidi, zero-width
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@pytest.mark.parametrize("escape", [for_terminal, for_terminal_line, for_ci_log, for_ci_property, for_markdown, for_xml, for_html])
def test_every_family_shows_every_unsafe_character(escape):
    out = escape(HOSTILE)
    assert not RAW.search(out)
    for code in ("\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\u2066", "\\u200b", "\\u007f"):
        assert code in out.replace("\\\\", "\\"), (escape.__name__, code, out)


def test_json_keeps_the_string_and_writes_it_escaped():
    encoded = for_json(json.dumps({"says": HOSTILE}, ensure_ascii=False))
    assert not RAW.search(encoded) and json.loads(encoded) == {"says": HOSTILE}


def test_no_line_break_starts_a_log_line():
    out = for_ci_log("x\n::error file=evil::forged\r\n::add-mask::a")
    assert "\n" not in out and "\r" not in out and out.startswith("x%0A")


def test_a_plain_log_line_is_never_a_workflow_command():
    """Issue 25: the runner reads `::` at a line's start (after white space, a
    no-break space too) and the legacy `##[` anywhere in a line."""
    assert for_log_line("::error file=x.py,line=1::forged") == "\\u003a:error file=x.py,line=1::forged"
    assert for_log_line("  \u00a0::warning::x") == "  \u00a0\\u003a:warning::x"
    assert for_log_line("a ##[error]b ##[x") == "a #\\u0023[error]b #\\u0023[x"
    assert for_log_line("x\n::error::y") == "x\\u000a::error::y"  # one line: the break is shown
    assert for_log_line("a::b: c") == "a::b: c"


def test_markdown_breaks_bare_urls():
    out = for_markdown("see https://evil.example/x and www.evil.example")
    assert "https://" not in out and "https:\\/\\/evil" in out and "www." not in out.replace("www\\.", "")


def test_a_quote_is_capped_with_a_count():
    assert shorten("x" * (QUOTE_LIMIT + 5)) == "x" * QUOTE_LIMIT + "… (5 more characters)"
    assert shorten("short") == "short"
    assert visible("tab\there", one_line=True) == "tab\\u0009here"


# --------------------------------------------------------------------------- end to end, every format

FORMATS = ("rich", "concise", "json", "github", "sarif", "junit", "markdown", "html")


@pytest.fixture
def hostile_repo(tmp_path, monkeypatch):
    """A claims file whose name forges an annotation, a draft passage with terminal
    escapes (a stale claim quotes it), a URL, and a baseline whose fields do the same."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.md").write_text(
        f"Revenue rose 5% to 10 billion yuan {HOSTILE} see https://evil.example/.\n", encoding="utf-8"
    )
    name = "x\n::error file=evil::forged.claims.yaml"
    (tmp_path / name).write_text(
        "version: 1\narticle:\n  draft: article.md\nclaims:\n"
        "  - {id: stale, says: Revenue rose 5% to 11 billion yuan, check: 5%, stated: 5%}\n"
        "  - {id: bad, check: 1 + 1, stated: 3}\n",
        encoding="utf-8",
    )
    forged = "x\u001b]0;T\u0007\n::add-mask::a\r\n::error::forged"
    (tmp_path / "bl.json").write_text(
        json.dumps({"version": 1, "entries": [{"fingerprint": "0" * 16, "file": forged, "id": forged, "status": "fail"}]})
    )
    return name


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_hostile_string_reaches_any_format_raw(hostile_repo, runner, fmt):
    out = runner.invoke(app, ["verify", "-f", fmt, "--baseline", "bl.json", "."])
    assert out.exit_code == 1, out.output
    text = out.output
    assert not RAW.search(text), (fmt, RAW.search(text))
    if fmt in ("rich", "concise", "github", "markdown"):  # what a CI log shows: no file starts a line of its own
        for line in text.splitlines():
            assert not line.startswith(("::error file=evil", "::add-mask", "::error::forged")), line
    if fmt == "github":
        assert "::error file=evil" not in text.replace("%0A", "\n").split("\n")[0]
    if fmt == "markdown":
        assert "https://evil" not in text


def test_a_zero_width_character_inside_a_figure_is_part_of_it(tmp_path, monkeypatch, runner):
    """The draft reader drops zero-width characters (a reader does not see them):
    `5\u200b0%` is the figure 50%, located and compared as such."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.md").write_text("Margins rose to 5\u200b0% this year.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\narticle:\n  draft: article.md\nclaims:\n  - {id: m, says: Margins rose to 50%, check: 50%, stated: 50%}\n"
    )
    out = runner.invoke(app, ["verify", "-f", "json", "--require-coverage"])
    data = json.loads(out.output)
    assert out.exit_code == 0, out.output
    assert data["files"][0]["draft"]["uncovered"] == []
    assert data["results"][0]["draft"]["found"] is True and data["results"][0]["draft"]["matched"] == ["50%"]


def test_a_draft_shared_by_several_claims_files_is_parsed_once(tmp_path, monkeypatch):
    from factcheck import draft as drafts
    from factcheck.engine import run

    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.md").write_text("Revenue rose 5% in the quarter.\n")
    for i in range(4):
        (tmp_path / f"p{i}.claims.yaml").write_text(
            f"version: 1\narticle:\n  draft: article.md\nclaims:\n  - {{id: p{i}, says: Revenue rose 5%, check: 5%, stated: 5%}}\n"
        )
    calls = []
    real = drafts.read
    monkeypatch.setattr(drafts, "read", lambda *a, **k: calls.append(a) or real(*a, **k))
    report = run(["."])
    assert len(report.files) == 4 and all(r.status.value == "pass" for r in report.results)
    assert len(calls) == 1
    run(["."])  # a new run reads it anew (it may have changed)
    assert len(calls) == 2
