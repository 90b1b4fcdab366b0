"""The simple Markdown reader (``factcheck.simple_markdown``) gives a draft the reading
text markdown-it gives it, or gives up: on every Markdown file of the repository, and on
cases made to break it."""

from __future__ import annotations

import re

import pytest

from factcheck import draft
from factcheck.simple_markdown import tokens

from conftest import ROOT

FILES = sorted(p for p in ROOT.rglob("*.md") if ".venv" not in p.parts and ".git" not in p.parts)

CASES = [
    "A plain paragraph.\nIts second line.\n\nAnother, 5% up.",
    "# Title\n\nText *em* and **strong 80%** and `code` and [a link](https://example.com/x).\n",
    "## Two\nText right after a heading.\n# Three\n",
    "*Dateline, 13 May 2025. The `claims.yaml`.*\n",
    "a*b*c", "a * b", "**a *b* c**", "*a **b** c*", "*a **b c*", "***x***", "x*", "*x", "**x*", "*x**",
    "(*x*)", "*(x)*", "\"*x*\"", "5%*", "*5%*", "中文*加粗*中文", "“*引号*”", "*\u3000x*", "x\u00a0*y*",
    "`a`", "``a`b``", "` a `", "`  `", "`a\nb`", "`unclosed", "``a`", "a ` b ` c",
    "[x](https://a.b)", "[x](http://a.b/c?d=1#e)", "[x]", "[x](/rel)", "[x](javascript:alert(1))", "x]",
    "[x](https://a.b \"t\")", "![i](https://a.b)", "[*x*](https://a.b)", "[x](https://a.b)(y)",
    "3.5% growth\n2024. A year.", "1. item", "1) item", "- item", "+ item", "* item", "> quote",
    "Para\n===", "Para\n---", "---", "    code", " lead", "trail ", "trail  \nnext", "a\tb",
    "# Heading #", "#Hash", "#", "####### seven", "# *em* head", "#  spaced",
    "a & b", "a < b", "a > b", "a_b", "~~s~~", "a | b", "a \\* b", "x\x00y", "\ufeffBOM", "end\ufeff",
    "\u3000indented", "line\u3000", "a\n\n\n\nb", "   \n  \nx", "",
    "---\ntitle: x\n---\n# After front matter\n\ntext",
    "`*`*x*", "*`a*`*", "[x](https://a.b)*y*", "**a**b", "a**b**", "营收增长**5%**，达到", "**5%**。", "*x*\n*y*",
    "a *b\nc* d", "`a\n`", "*a `*` b*", "**a\n**", "[x](https://a.b)[y](https://c.d)", "# [x](https://a.b)", "[x](https://a\x01b)", "[x](https://a\u3000b)",
]


def _blanked(source: str) -> str:
    """The source as markdown-it is given it: its front matter blanked out."""
    front = draft._FRONT_MATTER.match(source)
    return re.sub(r"[^\n]", " ", front.group()) + source[front.end():] if front else source


def _both(source: str) -> tuple[object, object]:
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return draft._walk(source, simple=False)[1:], draft._walk(source)[1:]


@pytest.mark.parametrize("source", CASES)
def test_a_case_reads_as_markdown_it_reads_it(source):
    by_markdown_it, simple = _both(source)
    assert simple == by_markdown_it


def test_every_markdown_file_of_the_repository_reads_as_markdown_it_reads_it():
    read = 0
    for path in FILES:
        source = path.read_text(encoding="utf-8", errors="replace")
        by_markdown_it, simple = _both(source)
        assert simple == by_markdown_it, path
        read += tokens(_blanked(source)) is not None
    assert read >= len(FILES) // 4  # many drafts are simple Markdown


def test_the_bundled_article_is_read_without_markdown_it():
    source = (ROOT / "examples" / "alibaba-2025" / "draft.md").read_text(encoding="utf-8")
    assert tokens(_blanked(source)) is not None
