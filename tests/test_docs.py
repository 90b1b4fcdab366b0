"""Every example in docs/ and in the README runs: the files it shows are written, the
commands it shows are run, and what they print must be what the page says they print.

A page's fenced blocks are its examples, in order, in one fresh folder a page:

- a block whose info string is a language and a file name (```yaml claims.yaml,
  ```markdown draft.md, ```toml factcheck.toml, ```xml filings/x.xml) writes that file;
- a ```console block holds commands (``$ factcheck …``, optionally ending in
  ``; echo $?`` to show the exit code), each followed by what it prints; the command
  is run and its output compared, line for line.

Any other block fails the test: nothing in docs/ is an example that is not run. The one
exception is the README's first block, ```sh: its two lines install factcheck and run
it (`.ci/smoke-wheel.py` runs that check on the installed wheel), and install the test
tools and run the tests (`.ci/run` runs that line as it is).
To refresh the outputs after a deliberate change: ``python tests/test_docs.py``
(then read the diff: it is what editors will read).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
DOCS = HERE.parent / "docs"
README = HERE.parent / "README.md"
PAGES = [*sorted(DOCS.glob("*.md")), README]
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
FILE_BLOCK = re.compile(r"(yaml|markdown|toml|json|text|xml|html) ([\w./-]+)")


def blocks(text: str) -> list[tuple[str, str, int, int]]:
    """(info, body, start, end) of every fenced block."""
    return [(m.group(1).strip(), m.group(2), m.start(2), m.end(2)) for m in FENCE.finditer(text)]


def commands(body: str) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
        else:
            raise AssertionError(f"a console block starts with output, not a command: {line!r}")
    return [(cmd, "\n".join(lines)) for cmd, lines in out]


def run(command: str, folder: Path) -> str:
    from typer.testing import CliRunner

    from factcheck.cli import app

    echo = command.endswith("; echo $?")  # the shell's way to show the exit code
    args = shlex.split(command.removesuffix("; echo $?"))
    assert args[0] == "factcheck", f"docs run factcheck only: {command}"
    env = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "NO_COLOR": "1", "COLUMNS": "100"}
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, args[1:], env=env)
    finally:
        os.chdir(cwd)
    shown = result.output + (f"{result.exit_code}\n" if echo else "")
    return "\n".join(line.rstrip() for line in shown.rstrip("\n").splitlines())


def play(page: Path, folder: Path, update: bool = False) -> list[tuple[str, str, str]]:
    """Run a page's examples in ``folder``: (command, expected, actual) of each command;
    with ``update``, rewrite the page's outputs with the actual ones."""
    text = page.read_text(encoding="utf-8")
    seen: list[tuple[str, str, str]] = []
    edits: list[tuple[int, int, str]] = []
    for n, (info, body, start, end) in enumerate(blocks(text)):
        if page == README and n == 0 and info == "sh":
            continue  # the install lines: tested by test_the_readme_starts_with_the_two_commands
        m = FILE_BLOCK.fullmatch(info)
        if m:
            path = folder / m.group(2)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
        elif info == "console":
            new = []
            for cmd, expected in commands(body):
                actual = run(cmd, folder)
                seen.append((cmd, expected, actual))
                new.append(f"$ {cmd}\n{actual}\n" if actual else f"$ {cmd}\n")
            edits.append((start, end, "".join(new)))
        else:
            raise AssertionError(f"{page.name}: a block that is not an example (```{info}): every block of docs/ is run")
    if update:
        for start, end, new in reversed(edits):
            text = text[:start] + new + text[end:]
        page.write_text(text, encoding="utf-8")
    return seen


def test_there_are_pages():
    names = {p.name for p in PAGES}
    assert {"claims-format.md", "expressions.md", "verdicts.md", "inference.md", "cli.md", "json-report.md", "drafts.md",
            "ci.md", "baseline.md", "filings.md", "safety.md", "performance.md", "internals.md"} <= names
    for page in DOCS.glob("*.md"):  # every page is reachable from the index
        assert page.name == "README.md" or f"]({page.name})" in (DOCS / "README.md").read_text(encoding="utf-8"), page.name


def test_the_readme_gets_out_of_the_way():
    """What it does, the two commands, a three-minute tour, links: under 300 lines (it
    was a manual of 1,236); the reference is in docs/."""
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 300
    headings = re.findall(r"^##+ (.*)$", text, flags=re.M)
    assert headings == ["Install", "A three-minute tour", "1. A draft alone", "2. A claims file", "3. In CI", "Read on"]
    assert len(re.findall(r"!\[[^\]]*\]\(docs/[^)]+\.png\)", text)) == 1  # one picture


def test_the_readme_starts_with_the_two_commands():
    """Line 1 installs and verifies the bundled claims.yaml; line 2 installs the test extra
    and runs the tests (what .ci/run runs)."""
    first = blocks(README.read_text(encoding="utf-8"))[0]
    assert first[0] == "sh"
    install, tests = first[1].splitlines()
    assert install.startswith("python3 -m venv .venv && .venv/bin/pip install -q . && ") and install.endswith(" verify")
    assert "'.[test]'" in tests and tests.endswith("-m pytest -q")
    run = (HERE.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 2p" in run  # .ci/run takes the second line


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_example_of_the_page_runs_as_shown(page, tmp_path):
    seen = play(page, tmp_path)
    for cmd, expected, actual in seen:
        assert actual == expected, f"{page.name}: `{cmd}` printed\n{actual}"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_page_cites_a_document_users_cannot_open(page):
    """Links lead to files of the repository (and their headings); no page names the
    project's internal documents."""
    text = page.read_text(encoding="utf-8")
    assert "shared/" not in text and "specification" not in text.lower()
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if not target.startswith(("http://", "https://")):
            assert (page.parent / target).exists(), f"{page.name}: a link to {target}, which is not in the repository"
    anchors = {_anchor(h) for h in re.findall(r"^#+ (.*)$", text, flags=re.M)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in anchors, f"{page.name}: a link to #{anchor}, which no heading makes"


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes."""
    return re.sub(r"[^\w\- ]", "", heading.lower().replace("`", "")).replace(" ", "-")


def test_every_unit_word_and_function_is_in_the_expressions_page():
    from factcheck.functions import FUNCTIONS
    from factcheck.quantity.words import (
        CURRENCY_SIGNS, CURRENCY_WORDS, MAG_ALIASES, MAGNITUDES, PERCENT_WORDS, POINT_WORDS, TIME_WORDS,
    )

    text = (DOCS / "expressions.md").read_text(encoding="utf-8")
    words = {*CURRENCY_SIGNS, *CURRENCY_WORDS, *MAGNITUDES, *MAG_ALIASES, *PERCENT_WORDS, *POINT_WORDS, *TIME_WORDS}
    missing = sorted(w for w in words if f"`{w}`" not in text)
    assert not missing, f"unit words the page does not list: {missing}"
    assert not [f for f in FUNCTIONS if f"`{f}(" not in text]


def test_every_key_of_the_claims_format_is_in_its_page():
    from factcheck.load.keys import ARTICLE_KEYS, CLAIM_KEYS, FACT_KEYS, IGNORE_KEYS, SETTINGS_KEYS, TOP_KEYS

    text = (DOCS / "claims-format.md").read_text(encoding="utf-8")
    keys = {*TOP_KEYS, *ARTICLE_KEYS, *SETTINGS_KEYS, *FACT_KEYS, *CLAIM_KEYS, *IGNORE_KEYS}
    assert not sorted(k for k in keys if f"`{k}`" not in text)


def test_the_schema_points_at_the_pages():
    from factcheck.schema import CLAIMS_SCHEMA, REPORT_SCHEMA
    from factcheck.schema import DOCS as PREFIX

    named = []
    for schema in (CLAIMS_SCHEMA, REPORT_SCHEMA):
        named += re.findall(re.escape(PREFIX) + r"([\w-]+\.md)", str(schema))
    assert named
    for name in named:
        assert (DOCS / name).is_file(), name


if __name__ == "__main__":  # python tests/test_docs.py: refresh the outputs of every page
    import tempfile

    sys.path.insert(0, str(HERE.parent))
    for page in PAGES:
        with tempfile.TemporaryDirectory() as tmp:
            play(page, Path(tmp), update=True)
        print(f"updated {page.relative_to(HERE.parent)}")
