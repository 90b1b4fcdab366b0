"""The draft: Markdown read as a reader sees it, every character placed in the file,
and the folding that makes `says` findable; a file that is no article is a problem."""

from __future__ import annotations

import pytest

from factcheck.draft import MAX_BYTES, from_text, normalize, read

# markdown -> the reading text
MARKDOWN = {
    "heading": ("# Revenue rose *5%*\n", "Revenue rose 5%"),
    "emphasis": ("It pledged **380 billion** yuan.\n", "It pledged 380 billion yuan."),
    "link": ("[iResearch](https://example.com/x?5=6) put it at 83.6%\n", "iResearch put it at 83.6%"),
    "image": ("![a chart of 2024](c.png) shows it\n", "a chart of 2024 shows it"),
    "code span": ("the `check:` key\n", "the check: key"),
    "code block": ("before\n\n```\nx = 380\n```\n\nafter\n", "before\n\nafter"),
    "html": ("a <b>bold</b> move\n", "a bold move"),
    "list": ("- one 5%\n- two 6%\n", "one 5%\n\ntwo 6%"),
    "quote": ("> quoted 9%\n> still\n", "quoted 9% still"),
    "table": ("| a | 2% |\n|---|---|\n| b | 3% |\n", "a\n\n2%\n\nb\n\n3%"),
    "escape": ("a \\*star\\* and AT&amp;T\n", "a *star* and AT&T"),
    "front matter": ("---\ntitle: 2025 plan\n---\nBody 7%\n", "Body 7%"),
    "soft break": ("two and a\nhalf years\n", "two and a half years"),
    "crlf": ("one\r\ntwo\r\n", "one two"),
}


@pytest.mark.parametrize("source, text", MARKDOWN.values(), ids=MARKDOWN.keys())
def test_markdown_reads_as_a_reader_sees_it(source, text):
    assert from_text(source).text == text


# markdown, a piece of its reading text -> where that piece starts in the file
POSITIONS = [
    ("# Head\n\nIt pledged **380 billion** yuan.\n", "380", (3, 14)),
    ("> quoted\n> more 9%\n", "9%", (2, 8)),
    ("- one\n- two 6%\n", "6%", (2, 7)),
    ("| a | 2% |\n|---|---|\n| b | 3% |\n", "3%", (3, 7)),
    ("---\ntitle: x\n---\nBody 7%\n", "7%", (4, 6)),
    ("see [the 2024 report](http://x/2023)\n", "2024", (1, 10)),
    ("caf\u00e9 \u00e0 5%\n", "5%", (1, 8)),
]


@pytest.mark.parametrize("source, needle, where", POSITIONS, ids=[p[1] + "@" + str(p[2]) for p in POSITIONS])
def test_every_character_keeps_its_line_and_column(source, needle, where):
    d = from_text(source, "draft.md")
    span = d.span(d.text.index(needle))
    assert (span.line, span.col) == where
    assert str(span) == f"draft.md:{where[0]}:{where[1]}"


def test_a_plain_text_draft_is_its_own_text():
    d = from_text("a *b* [c](d)\n", "draft.txt", markdown=False)
    assert d.text == "a *b* [c](d)\n"


FOLDING = {
    "case": ("Alibaba PLEDGED", "alibaba pledged"),
    "whitespace": ("two  and\n a\thalf", "two and a half"),
    "nbsp": ("380\u00a0billion\u202fyuan", "380 billion yuan"),
    "quotes": ("Alibaba’s “big” bet", 'alibaba\'s "big" bet'),
    "dashes": ("1997–98 — and −5%", "1997-98 - and -5%"),
    "full width": ("１５％", "15%"),
    "soft hyphen": ("busi\u00adness", "business"),
    "ends": ("  padded  ", "padded"),
}


@pytest.mark.parametrize("text, folded", FOLDING.values(), ids=FOLDING.keys())
def test_folding(text, folded):
    out, index = normalize(text)
    assert out == folded
    assert len(index) == len(out) and list(index) == sorted(index)


BAD_FILES = {
    "missing": (None, "draft-unreadable", "cannot read the draft"),
    "folder": ("folder", "draft-unreadable", "is a folder"),
    "binary": (b"PK\x03\x04\x00\x00binary", "draft-encoding", "NUL"),
    "latin-1": ("caf\u00e9 5%".encode("latin-1"), "draft-encoding", "not UTF-8"),
    "utf-16": ("5%".encode("utf-16"), "draft-encoding", "UTF-16"),
    "huge": (b"a" * (MAX_BYTES + 1), "draft-too-large", "at most 2 MB"),
}


@pytest.mark.parametrize("content, code, words", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_that_is_no_article_is_a_clear_problem(tmp_path, content, code, words):
    path = tmp_path / "draft.md"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    draft, problem = read(str(path), "draft.md")
    assert draft is None
    assert problem.code == code and words in problem.message
    assert problem.span.path == "draft.md" and problem.span.line >= 1


def test_a_utf8_file_with_a_bom_reads(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes("\ufeff# Title\n\nRevenue rose 5%.\n".encode())
    draft, problem = read(str(path))
    assert problem is None and draft.text == "Title\n\nRevenue rose 5%."


def test_the_container_marks_at_line_starts_are_counted_for_the_nesting_limit():
    """Issue 16: markdown-it's time and memory grow with each list item and quote mark
    (2 MB of "- a" lines: 32 s, 1.1 GB); a draft is refused past MAX_BLOCKS of them."""
    from factcheck.draft import MAX_BLOCKS, blocks

    text = "> > a\n- b\n  1. c\n1) d\n-5% of e\n>>x\nplain - text * here\n* item *em*\n"
    assert blocks(text) == 2 + 1 + 1 + 1 + 0 + 2 + 0 + 1
    assert blocks("- a\n" * (MAX_BLOCKS + 5), MAX_BLOCKS) == MAX_BLOCKS + 1  # stops once past
    assert blocks("- a\n" * MAX_BLOCKS) == MAX_BLOCKS


# --------------------------------------------------------------------------- bidirectional controls (issue 25)

RLO, PDF, RLM, LRI, PDI = "\u202e", "\u202c", "\u200f", "\u2066", "\u2069"


@pytest.mark.parametrize(
    "line",
    [
        f"Revenue rose {RLO}%03{PDF} to $120 million from $100 million.",  # shows "rose 30%"
        f"Profit fell {RLM}-5 points.",  # a mark can carry the sign across the number
        f"Sales rose {LRI}12%{PDI} to 1.2 billion.",
        f"Sales rose {RLO}12% to 1.2 billion.",  # never closed: to the end of the paragraph
        f"净利润增长{RLO}%03{PDF}至120亿元。",
    ],
)
def test_a_line_with_bidi_controls_is_not_read(line):
    """Issue 25 (Trojan Source): the figure is read as displayed or not at all: not at
    all, and the rest of the draft as ever; every character keeps its place."""
    from factcheck.draft import bidi_problems
    from factcheck.prose import read as figures

    source = f"# Results\n\nCosts rose 5%.\n\n{line}\n\nDebt fell 2%.\n"
    d = from_text(source, "d.md")
    assert [m.show() for m in figures(d.text)] == ["5%", "2%"]
    assert len(d.text) == len(d.offsets)
    [problem] = bidi_problems(d)
    control = next(i for i, c in enumerate(line) if c in (RLO, RLM, LRI))
    assert (problem.span.line, problem.span.col, problem.code) == (5, control + 1, "draft-bidi")
    assert "show otherwise than it is written" in problem.message and "none of the line is read" in problem.message


def test_bidi_findings_are_capped_with_a_count():
    from factcheck.draft import MAX_BIDI_SHOWN, bidi_problems

    d = from_text(f"{RLO}5%\n" * 1000, "d.txt", markdown=False)
    found = bidi_problems(d)
    assert len(found) == MAX_BIDI_SHOWN + 1 and d.hidden_lines == 1000
    assert found[-1].span.line == MAX_BIDI_SHOWN + 1
    assert found[-1].message.startswith(f"{1000 - MAX_BIDI_SHOWN:,} more lines hold bidirectional control characters")
    assert d.text.strip() == ""


def test_a_draft_without_bidi_controls_is_read_as_before():
    d = from_text("Revenue rose 5% (\u200b) to 105.\n", "d.txt", markdown=False)
    assert d.hidden == () and d.hidden_lines == 0 and d.text == "Revenue rose 5% () to 105.\n"


def test_a_bidi_hidden_figure_is_a_finding_through_the_command_line(tmp_path, runner, monkeypatch):
    """`rose ‮%03‬` shows "rose 30%" and was read as 03: a wrong figure passed unseen.
    Now the line is a finding of its own at the figure (exit 1), in a bare draft and in
    a claims file's draft, and its figures are not read."""
    from factcheck.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(f"Revenue rose {RLO}%03{PDF} to $120 million from $100 million.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\narticle:\n  draft: draft.md\nclaims:\n"
        "  - {id: growth, says: rose 30%, check: 'growth(100 million USD, 120 million USD)', stated: 30%}\n"
    )
    expected = (
        "draft.md:1:14: error: bidirectional control characters (U+202E right-to-left override, U+202C pop "
        "directional formatting) make this line show otherwise than it is written (written “%03 to $120 million "
        "from $100 mi…”): a figure may read as another (Trojan Source), so none of the line is read; delete them [draft-bidi]"
    )
    for args in (["draft.md"], ["draft.md", "--no-infer"], ["claims.yaml"]):
        out = runner.invoke(app, ["verify", "-f", "concise", *args])
        assert out.exit_code == 1, out.output
        assert expected in out.output.splitlines(), out.output
        assert "03" not in out.output.replace(expected, "").replace("%03", ""), out.output  # no figure 03 (or 3%)
        assert "uncovered figure" not in out.output
