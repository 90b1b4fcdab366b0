"""`factcheck init --draft`: a claims file that starts from the article, verified at once."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from factcheck.cli import app
from factcheck.draft import from_text
from factcheck.infer import draft_date, infer
from factcheck.engine import check_document
from factcheck.inventory import sentences
from factcheck.load import load
from factcheck.model import Status
from factcheck.prose import read

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "alibaba-2025" / "draft.md"

DRAFTS = {
    "the example article": EXAMPLE.read_text(encoding="utf-8"),
    "Chinese": "# 阿里巴巴\n\n阿里巴巴宣布未来三年投入3800亿元。淘天集团收入同比增长5%至1360.9亿元。\n\n第21届阿里日于2025年5月10日举办。\n",
    "fractions, ranges and a date without a year": (
        "Sales fell by a third. Growth will be 5-7% from 2025 to 2027.\n\nOn May 10th it held its 21st event.\n"
    ),
    "no figure at all": "Nothing to count here.\n",
}


@pytest.mark.parametrize("text", DRAFTS.values(), ids=DRAFTS.keys())
def test_init_from_a_draft_writes_a_file_that_verifies_at_once(runner, tmp_path, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article").mkdir()
    (tmp_path / "article" / "draft.md").write_text(text, encoding="utf-8")
    out = runner.invoke(app, ["init", "--draft", "article/draft.md"])
    assert out.exit_code == 0, out.output
    written = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=claims.schema.json\n")
    assert (tmp_path / "claims.schema.json").is_file()
    report = check_document(load("claims.yaml"))
    assert report.document.problems == ()
    # the relations the draft states are claims with checks, and pass on a correct draft;
    # every other sentence with figures is a claim with a TODO source
    checked = {c.id for c in report.document.claims if c.check is not None}
    assert all(r.status is Status.PASS for r in report.results if r.claim.id in checked)
    assert all(r.status is Status.UNCHECKED for r in report.results if r.claim.id not in checked)
    assert all(r.anchor and r.anchor.found for r in report.results)
    d = report.draft
    assert d.uncovered == () and d.covered == d.figures and d.located == d.claims == len(report.results)
    # one fact a figure (a range gives two), one claim a relation, one a sentence with other figures
    doc = report.document
    draft = from_text(text)
    reading = draft.text
    mentions = read(reading)
    # a day without a year the draft gives is a comment, not a fact (it is no number)
    yearless = written.count("  # fig_")
    assert yearless == (1 if "May 10th" in text else 0)
    assert len(doc.facts) + yearless == sum(2 if m.kind == "range" else 1 for m in mentions)
    relations = infer(draft, draft_date(draft))
    assert len(checked) == len(relations)
    used = {m.start for r in relations for m in r.figures}
    with_figures = [s for s in sentences(reading) if any(s[0] <= m.start < s[1] for m in mentions)]
    todo = [s for s in with_figures if not all(m.start in used for m in mentions if s[0] <= m.start < s[1])]
    assert len(doc.claims) == len(todo) + len(relations)
    assert f"{len(todo)} unchecked" in out.output


def test_init_facts_keep_the_precision_of_the_draft(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE, tmp_path / "draft.md")
    assert runner.invoke(app, ["init", "--draft", "draft.md"]).exit_code == 0
    doc = load("claims.yaml")
    values = {f.expr.text for f in doc.facts.values()}
    assert {"157.479 billion CNY", "136.09 billion CNY", "2.5 years", "6 days", "10 million orders", "83.6%",
            "2025-05-10", "21", "1997", "1998"} <= values
    assert doc.article["draft"] == "draft.md"


FAILING = {
    "missing draft": (None, "--draft nowhere.md: no such file"),
    "binary draft": (b"\x00\x01\x02", "the draft cannot be read"),
}


@pytest.mark.parametrize("content, words", FAILING.values(), ids=FAILING.keys())
def test_init_with_a_bad_draft_exits_2_and_writes_nothing(runner, tmp_path, monkeypatch, content, words):
    monkeypatch.chdir(tmp_path)
    name = "nowhere.md"
    if content is not None:
        name = "d.md"
        (tmp_path / name).write_bytes(content)
    out = runner.invoke(app, ["init", "--draft", name])
    assert out.exit_code == 2
    assert words in out.output and "Traceback" not in out.output
    assert not (tmp_path / "claims.yaml").exists()


SENTENCES = {
    "decimals and abbreviations": ("Revenue rose 5.4% to 136.09 bn. Mr. Ma left in 2019.", 2),
    "paragraphs": ("No full stop\n\nNext one.", 2),
    "Chinese": ("收入增长5%。利润下降。", 2),
    "quotes": ("He said “it rose 5%.” Then 2024 came.", 2),
}


@pytest.mark.parametrize("text, count", SENTENCES.values(), ids=SENTENCES.keys())
def test_sentences(text, count):
    assert len(sentences(text)) == count


def test_the_draft_machinery_loads_only_when_there_is_a_draft():
    code = (
        "import sys, factcheck.cli\n"
        "from factcheck.engine import run\n"
        "run(['claims.yaml'])\n"
        "print(sorted(m for m in ('markdown_it', 'factcheck.prose', 'factcheck.anchor', 'factcheck.draft') if m in sys.modules))\n"
    )
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "claims.yaml"), "w") as f:
            f.write("version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")
        out = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
