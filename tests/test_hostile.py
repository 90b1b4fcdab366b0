"""The hostile corpus: broken and malicious input, each case run through the real command
line as a child process under the issue's limits, with its exact outcome.

Every case of tests/hostile/expected.yaml is run in a copy of tests/hostile/ (files
too large to commit are written at test time by the functions in MAKERS below). Each
run is a process of its own (the command line's main(), as `python -m factcheck`
runs it), limited by the kernel to 200 MB of address space (RLIMIT_AS) and 2 seconds
of CPU (RLIMIT_CPU), with a generous wall-clock timeout that only catches a hang. Its
CPU time (from wait4) and its peak memory (VmHWM, which it writes at exit) are its
own, so that the machine's load does not make the test flaky, and both are asserted
under the limits; the numbers are written to
test-artifacts/hostile.json. Then each case must have exited with its exit code,
printed no traceback, and reported exactly its findings at their line:col.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml

from conftest import ROOT

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED: dict[str, dict] = yaml.safe_load((HOSTILE / "expected.yaml").read_text(encoding="utf-8"))

MAX_MB = 200  # the limits
MAX_CPU_S = 2.0
WALL_TIMEOUT_S = 60  # only a hang gets near this: a loaded machine is slow, not this slow
WORKERS = 2  # the cases run two at a time (this machine has two cores)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
DEFAULT_ARGS = ["verify", "-f", "concise", "{file}"]


# --------------------------------------------------------------------------- cases written at test time

MAKERS: dict[str, Callable[[Path], dict]] = {}


def maker(fn: Callable[[Path], dict]) -> Callable[[Path], dict]:
    MAKERS[fn.__name__] = fn
    return fn


def write(work: Path, name: str, text: str | bytes) -> dict:
    path = work / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return {"file": name}


@maker
def fifty_megabytes(work: Path) -> dict:
    line = b"  - {id: c, check: 1 + 1, stated: 2, says: padding padding padding padding padding}\n"
    body = b"version: 1\nclaims:\n" + line * (50 * 2**20 // len(line) + 1)
    return write(work, "fifty-megabytes.yaml", body)


@maker
def long_line_text(work: Path) -> dict:
    """Five megabytes on one line of text, then a broken claim: found at its place."""
    says = "revenue rose " * (5 * 2**20 // 13)
    return write(work, "long-line-text.yaml", f"version: 1\nclaims:\n  - {{id: a, source: x, says: '{says}'}}\n  - {{id: b, check: 1 +, stated: 1}}\n")


@maker
def long_line_claims(work: Path) -> dict:
    """Two thousand claims on one line (70 kB), the last one broken."""
    claims = ", ".join(f"{{id: c{i}, check: {i} + 1, stated: {i + 1}}}" for i in range(2000))
    return write(work, "long-line-claims.yaml", f"version: 1\nclaims: [{claims}, {{id: last, check: 1 +, stated: 1}}]\n")


@maker
def long_expression(work: Path) -> dict:
    return write(work, "long-expression.yaml", "version: 1\nclaims:\n  - {id: a, check: '" + "1 * " * 5000 + "1', stated: 1}\n")


@maker
def yaml_deep_lists(work: Path) -> dict:
    return write(work, "yaml-deep-lists.yaml", "version: 1\nclaims: " + "[" * 10_000 + "]" * 10_000 + "\n")


@maker
def yaml_deep_mappings(work: Path) -> dict:
    return write(work, "yaml-deep-mappings.yaml", "version: 1\nclaims: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n")


@maker
def expression_deep_parentheses(work: Path) -> dict:
    """4,000 parentheses deep: within the length limit, refused by the nesting limit."""
    return write(work, "expression-deep-parentheses.yaml", "version: 1\nclaims:\n  - {id: a, check: '" + "(" * 4000 + "1" + ")" * 4000 + "', stated: 1}\n")


@maker
def expression_ten_thousand_parentheses(work: Path) -> dict:
    return write(work, "expression-10000-parentheses.yaml", "version: 1\nclaims:\n  - {id: a, check: '" + "(" * 10_000 + "1" + ")" * 10_000 + "', stated: 1}\n")


@maker
def expression_deep_signs(work: Path) -> dict:
    return write(work, "expression-deep-signs.yaml", "version: 1\nclaims:\n  - {id: a, check: '" + "-" * 9000 + "1', stated: 1}\n")


@maker
def expression_long_chain(work: Path) -> dict:
    """1+1+…+1, 5,000 terms in 9,999 characters: a tree 5,000 deep."""
    return write(work, "expression-long-chain.yaml", "version: 1\nclaims:\n  - {id: a, check: '" + "+".join(["1"] * 5000) + "', stated: 5000}\n")


@maker
def facts_long_chain(work: Path) -> dict:
    """10,000 facts, each the next one plus 1: computed, exactly."""
    n = 10_000
    facts = "".join(f"  a{i}: a{i + 1} + 1\n" for i in range(n))
    return write(work, "facts-long-chain.yaml", f"version: 1\nfacts:\n{facts}  a{n}: 0\nclaims:\n  - {{id: chain, check: a0, stated: {n}, compare: '='}}\n")


@maker
def facts_long_cycle(work: Path) -> dict:
    n = 10_000
    facts = "".join(f"  a{i}: a{(i + 1) % n} + 1\n" for i in range(n))
    return write(work, "facts-long-cycle.yaml", f"version: 1\nfacts:\n{facts}claims:\n  - {{id: uses, check: a0, stated: 1}}\n")


@maker
def facts_diamond(work: Path) -> dict:
    """a_i = a_{i-1} + a_{i-1}, 60 deep: 2^59 paths through the facts for explain."""
    facts = "  a0: 1\n" + "".join(f"  a{i}: a{i - 1} + a{i - 1}\n" for i in range(1, 60))
    return write(work, "facts-diamond.yaml", f"version: 1\nfacts:\n{facts}claims:\n  - {{id: top, check: a59, stated: 1}}\n")


@maker
def facts_diamond_claims(work: Path) -> dict:
    """Issue 16's deep fact chains (a 209 KB file gave 179 MB of HTML): 2,000 claims that
    each reach the diamond of 60 facts, 600 steps a claim shown before (240 MB of HTML)."""
    facts = "  a0: 1\n" + "".join(f"  a{i}: a{i - 1} + a{i - 1}\n" for i in range(1, 60))
    claims = "".join(f"  - {{id: c{j}, check: a59, stated: a59}}\n" for j in range(2000))
    return write(work, "facts-diamond-claims.yaml", f"version: 1\nfacts:\n{facts}claims:\n{claims}")


@maker
def unknown_names_flood(work: Path) -> dict:
    """5,000 facts and 2,000 claims naming facts that are not there."""
    facts = "".join(f"  fact_number_{i}: {i}\n" for i in range(5000))
    claims = "".join(f"  - {{id: c{i}, check: fact_numbr_{i}, stated: 1}}\n" for i in range(2000))
    return write(work, "unknown-names-flood.yaml", f"version: 1\nfacts:\n{facts}claims:\n{claims}")


@maker
def count_words_flood(work: Path) -> dict:
    """2,700 different things counted in three sums: the registry of units stops at 2,000."""
    claims = "".join(
        f"  - {{id: c{i}, check: 'sum(" + ", ".join(f"1 w{i}x{j:03d}" for j in range(900)) + ")', stated: 1}\n"
        for i in range(3)
    )
    return write(work, "count-words-flood.yaml", f"version: 1\nclaims:\n{claims}")


@maker
def draft_huge(work: Path) -> dict:
    write(work, "draft-huge.md", b"The company's revenue rose 5% to 136.09 billion yuan. " * (50 * 2**20 // 55 + 1))
    return write(work, "draft-is-huge.yaml", "version: 1\narticle:\n  draft: draft-huge.md\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")


@maker
def draft_pipe(work: Path) -> dict:
    """A draft that is a named pipe: opening it for reading would wait for a writer."""
    os.mkfifo(work / "draft-pipe.md")
    return write(work, "draft-is-a-pipe.yaml", "version: 1\narticle:\n  draft: draft-pipe.md\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")


@maker
def draft_option_pipe(work: Path) -> dict:
    os.mkfifo(work / "draft-option-pipe.md")
    write(work, "draft-option.yaml", "version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")
    return {"file": "draft-option.yaml", "out": "draft-option-pipe.md"}


@maker
def path_empty_folder(work: Path) -> dict:
    (work / "empty-folder").mkdir()
    return {"file": "empty-folder"}


@maker
def path_fifo(work: Path) -> dict:
    os.mkfifo(work / "pipe.claims.yaml")
    return {"file": "pipe.claims.yaml"}


@maker
def path_device(work: Path) -> dict:
    return {"file": "/dev/zero"}


@maker
def path_dangling_link(work: Path) -> dict:
    os.symlink("no-such-target.yaml", work / "dangling.claims.yaml")
    return {"file": "dangling.claims.yaml"}


@maker
def path_link_loop(work: Path) -> dict:
    os.symlink("loop-b.claims.yaml", work / "loop-a.claims.yaml")
    os.symlink("loop-a.claims.yaml", work / "loop-b.claims.yaml")
    return {"file": "loop-a.claims.yaml"}


@maker
def path_unreadable(work: Path) -> dict:
    """Permission denied. As root nothing is denied, so the refusal is injected at the
    system call (os.open) in the child, and the rest of the run is the real one."""
    write(work, "unreadable.claims.yaml", "version: 1\nclaims: []\n")
    (work / "unreadable.claims.yaml").chmod(0)
    return {"file": "unreadable.claims.yaml", "deny": "unreadable.claims.yaml" if IS_ROOT else None}


@maker
def output_claims(work: Path) -> dict:
    write(work, "output-claims.yaml", "version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")
    write(work, "a-file.txt", "not a folder")
    (work / "a-folder").mkdir(exist_ok=True)
    return {"file": "output-claims.yaml"}


@maker
def output_unwritable(work: Path) -> dict:
    """A folder nobody may write to: /sys refuses even root; others get a read-only folder."""
    write(work, "output-claims-2.yaml", "version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")
    if IS_ROOT:
        return {"file": "output-claims-2.yaml", "out": "/sys/factcheck-report.txt"}
    folder = work / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return {"file": "output-claims-2.yaml", "out": "read-only/report.txt"}


# --------------------------------------------------------------------------- the trust boundary (issues 14 and 16)
#
# Each case runs in a folder of its own (no .git above it: that folder is the root), so
# that its config or links touch no other case. Beside the corpus, outside every root,
# lies a folder whose files hold SENTINEL: no report of any format may ever show it,
# and no run may change a byte there.

SENTINEL = "SENTINEL-7d1f-the-runner-secret"
#: every report format at once, beside the concise one on stdout
ALL_REPORTS = [f"--report={fmt}:out.{fmt}" for fmt in ("rich", "json", "github", "sarif", "junit", "markdown", "html")]
ONE_CLAIM = "  - {id: a, says: Revenue rose 5%, check: 5%, stated: 5%}\n"


def outside(work: Path) -> Path:
    folder = work.parent / "outside"
    if not folder.exists():
        folder.mkdir()
        (folder / "secret.md").write_text(f"{SENTINEL}: Revenue rose 5%.\n")
        (folder / "secret.claims.yaml").write_text(f"version: 1\nclaims:\n  - {{id: {SENTINEL}, check: 1, stated: 1}}\n")
        (folder / ".bashrc").write_text("# the runner's shell\n")
        (folder / "tool").write_text("#!/bin/sh\necho tool\n")
        (folder / "tool").chmod(0o755)
    return folder


def case_folder(work: Path, name: str, claims: str | None = None, draft: str | None = None) -> tuple[Path, dict]:
    folder = work / name
    folder.mkdir(exist_ok=True)  # a folder may serve several cases
    outside(work)
    if draft is not None:
        claims = f"version: 1\narticle:\n  draft: {draft}\nclaims:\n{ONE_CLAIM}"
    if claims is not None:
        (folder / "claims.yaml").write_text(claims)
    return folder, {"file": "claims.yaml", "cwd": name}


@maker
def draft_absolute_outside(work: Path) -> dict:
    return case_folder(work, "draft-absolute", draft=str(outside(work) / "secret.md"))[1]


@maker
def draft_dotdot_outside(work: Path) -> dict:
    return case_folder(work, "draft-dotdot", draft="../../outside/secret.md")[1]


@maker
def draft_link_outside(work: Path) -> dict:
    folder, made = case_folder(work, "draft-link", draft="article.md")
    os.symlink(outside(work) / "secret.md", folder / "article.md")
    return made


@maker
def draft_linked_folder(work: Path) -> dict:
    folder, made = case_folder(work, "draft-linked-folder", draft="docs/secret.md")
    os.symlink(outside(work), folder / "docs")
    return made


@maker
def draft_device(work: Path) -> dict:
    return case_folder(work, "draft-device", draft="/dev/zero")[1]


@maker
def draft_fifo_in_tree(work: Path) -> dict:
    folder, made = case_folder(work, "draft-fifo", draft="article.md")
    os.mkfifo(folder / "article.md")
    return made


@maker
def claims_link_in_folder(work: Path) -> dict:
    """`verify .` finds a claims file that is a link to a file outside (a private key)."""
    folder, made = case_folder(work, "claims-link-in-folder")
    os.symlink(outside(work) / "secret.claims.yaml", folder / "key.claims.yaml")
    return {**made, "file": "key.claims.yaml"}


@maker
def claims_named_link(work: Path) -> dict:
    """The workflow names claims.yaml; the pull request made it a link out of the tree."""
    folder, made = case_folder(work, "claims-named-link")
    os.symlink(outside(work) / "secret.claims.yaml", folder / "claims.yaml")
    return made


@maker
def config_baseline_link(work: Path) -> dict:
    folder, made = case_folder(work, "config-baseline-link", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text('baseline = "bl.json"\n')
    os.symlink(outside(work) / "secret.md", folder / "bl.json")
    return made


@maker
def config_reports_home(work: Path) -> dict:
    """Issue 16: reports into ~/.bashrc and ~/tool, and a claims file whose name is a command."""
    folder, made = case_folder(work, "config-reports-home")
    (folder / "$(touch ${HOME}PWNED;echo pwned>&2) #.claims.yaml").write_text(f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text('report = ["concise:~/.bashrc", "concise:~/tool"]\n')
    return {**made, "file": "."}


@maker
def config_reports_absolute(work: Path) -> dict:
    folder, made = case_folder(work, "config-reports-absolute", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text(f'report = ["json:{outside(work) / "created.json"}"]\n')
    return made


@maker
def config_reports_link(work: Path) -> dict:
    """A report path inside the config's folder, but a link out of it."""
    folder, made = case_folder(work, "config-reports-link", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text('report = ["json:report.json"]\n')
    os.symlink(outside(work) / "created.json", folder / "report.json")
    return made


@maker
def output_dangling_link(work: Path) -> dict:
    """A committed dangling link report.json -> outside; the workflow runs -o report.json."""
    folder, made = case_folder(work, "output-dangling-link", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    os.symlink(outside(work) / "created.json", folder / "report.json")
    return made


@maker
def output_is_a_read_file(work: Path) -> dict:
    folder, made = case_folder(work, "output-is-read", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text('fail-on = "error"\n')
    (folder / "bl.json").write_text('{"version": 1, "entries": []}\n')
    return made


@maker
def config_not_utf8(work: Path) -> dict:
    folder, made = case_folder(work, "config-not-utf8", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_bytes(b"fail-on = 'error'\n# caf\xe9\n")
    return made


@maker
def config_deep(work: Path) -> dict:
    folder, made = case_folder(work, "config-deep", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text("paths = " + "[" * 100_000 + "]" * 100_000 + "\n")
    return made


@maker
def config_nul_path(work: Path) -> dict:
    folder, made = case_folder(work, "config-nul", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text('report = ["concise:out\\u0000.txt"]\n')
    return made


@maker
def baseline_fifo(work: Path) -> dict:
    folder, made = case_folder(work, "baseline-fifo", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    os.mkfifo(folder / "bl.json")
    return made


@maker
def config_baseline_device(work: Path) -> dict:
    """What the Action did with an empty input: baseline = "/dev/zero" in the config."""
    folder, made = case_folder(work, "config-baseline-device", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    (folder / "factcheck.toml").write_text('baseline = "/dev/zero"\n')
    return made


@maker
def plain_text_thirty_megabytes(work: Path) -> dict:
    """Issue 16: a 30 MB text file read as claims: one finding, quoting 200 characters."""
    return write(work, "plain-text-30mb.claims.yaml", b"just words " * (30 * 2**20 // 11))


# --------------------------------------------------------------------------- budgets (issue 16)


@maker
def stale_long_says(work: Path) -> dict:
    """A 10 KB draft and stale claims whose `says` is 1,000 words: was 110 s a claim."""
    import random

    rng = random.Random(3)
    words = "revenue profit rose fell the company said billion yuan quarter growth margin".split()
    write(work, "stale-draft.md", " ".join(rng.choice(words) for _ in range(1700)) + "\n")
    says = " ".join(rng.choice(words) for _ in range(1000))
    claims = "".join(f"  - {{id: s{i}, says: '{says} x{i}', check: 1, stated: 1}}\n" for i in range(20))
    return write(work, "stale-long-says.yaml", f"version: 1\narticle:\n  draft: stale-draft.md\nclaims:\n{claims}")


@maker
def markdown_brackets(work: Path) -> dict:
    """2 MB of `[`: markdown-it took 35 s and 870 MB."""
    write(work, "brackets-draft.md", "[" * (2 * 2**20 - 16))
    return write(work, "markdown-brackets.yaml", "version: 1\narticle:\n  draft: brackets-draft.md\nclaims:\n  - {id: a, check: 1, stated: 1}\n")


@maker
def markdown_emphasis(work: Path) -> dict:
    write(work, "emphasis-draft.md", "*a" * (2**20 - 8))
    return write(work, "markdown-emphasis.yaml", "version: 1\narticle:\n  draft: emphasis-draft.md\nclaims:\n  - {id: a, check: 1, stated: 1}\n")


@maker
def markdown_list_items(work: Path) -> dict:
    """2 MB of "- a" lines: markdown-it took 32 s and 1.1 GB."""
    write(work, "list-draft.md", "- a\n" * (2**19 - 4))
    return write(work, "markdown-list-items.yaml", "version: 1\narticle:\n  draft: list-draft.md\nclaims:\n  - {id: a, check: 1, stated: 1}\n")


@maker
def markdown_nested_quotes(work: Path) -> dict:
    """Lists in quotes ten deep on 90,000 lines (2 MB): 21 s and 900 MB."""
    write(work, "nested-draft.md", ("> - " * 5 + "a\n") * 90_000)
    return write(work, "markdown-nested-quotes.yaml", "version: 1\narticle:\n  draft: nested-draft.md\nclaims:\n  - {id: a, check: 1, stated: 1}\n")


@maker
def one_draft_four_files(work: Path) -> dict:
    """Four claims files share a 512 KB draft: it is read and parsed once."""
    folder = work / "shared-draft"
    folder.mkdir()
    prose = "The company said the quarter went well, and its shares rose. " * (2**19 // 62)
    (folder / "article.md").write_text(f"Revenue rose 5% in the quarter.\n\n{prose}\n")
    for i in range(4):
        (folder / f"part{i}.claims.yaml").write_text(
            f"version: 1\narticle:\n  draft: article.md\nclaims:\n  - {{id: p{i}, says: Revenue rose 5%, check: 5%, stated: 5%}}\n"
        )
    return {"file": ".", "cwd": "shared-draft"}


@maker
def figures_flood(work: Path) -> dict:
    """Issue 16: 100 KB of "1 " (50,000 figures): 194 s for the HTML report, 77 MB of
    concise output at 2 MB. Refused after reading the 30,001st figure."""
    write(work, "figures-draft.md", "1 " * 50_000)
    return write(work, "figures-flood.yaml", "version: 1\narticle:\n  draft: figures-draft.md\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")


@maker
def figures_flood_bare(work: Path) -> dict:
    """The same draft checked on its own (`verify figures-bare.md`): inference reads it."""
    return write(work, "figures-bare.md", "1 " * 50_000)


# --------------------------------------------------------------------------- filings, facts, links and bidi (issue 25)

INLINE_HEAD = (
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
    'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
    'xmlns:dei="http://xbrl.sec.gov/dei/2023" xmlns:us-gaap="http://fasb.org/us-gaap/2024"><body>\n'
    '<ix:header><ix:resources><xbrli:context id="y"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier>'
    "</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate>"
    '</xbrli:period></xbrli:context><xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>'
    "</ix:resources></ix:header>\n"
    '<p>Revenue <ix:nonFraction name="us-gaap:Revenues" contextRef="y" unitRef="usd" decimals="-6" scale="6">120</ix:nonFraction></p>\n'
)


@maker
def continuation_fan_out(work: Path) -> dict:
    """20,000 text facts share one chain of 10,000 ix:continuation elements of 100
    characters (3.4 MB): every fact copied the whole chain (1.8 MB took 10 s and 1.9 GB;
    this one ran out of memory)."""
    facts = "".join(f'<ix:nonNumeric name="dei:Note" contextRef="y" continuedAt="k0">t</ix:nonNumeric>\n' for _ in range(20_000))
    chain = "".join(f'<ix:continuation id="k{j}" continuedAt="k{j + 1}">{"x" * 100}</ix:continuation>\n' for j in range(9_999))
    body = INLINE_HEAD + facts + chain + f'<ix:continuation id="k9999">{"x" * 100}</ix:continuation>\n</body></html>\n'
    write(work, "fan-out.htm", body)
    return {"file": "fan-out.htm"}


@maker
def continuation_fan_out_claims(work: Path) -> dict:
    """The same filing named by a claims file: verify reads it within the limits."""
    if not (work / "fan-out.htm").exists():
        continuation_fan_out(work)
    return write(
        work, "fan-out.claims.yaml",
        "version: 1\nfacts:\n  revenue: {filing: fan-out.htm, concept: us-gaap:Revenues}\n"
        "claims:\n  - {id: r, check: revenue, stated: 120 million USD}\n",
    )


@maker
def continuation_graph(work: Path) -> dict:
    """Continuations that loop, branch into one tail, dangle, and nest 200 deep."""
    facts = "".join(f'<ix:nonNumeric name="dei:Branch{i}" contextRef="y" continuedAt="b{i}">f{i}</ix:nonNumeric>\n' for i in range(2000))
    branches = "".join(f'<ix:continuation id="b{i}" continuedAt="tail">b{i}</ix:continuation>\n' for i in range(2000))
    loop = '<ix:nonNumeric name="dei:Loop" contextRef="y" continuedAt="l0">loop</ix:nonNumeric>\n'
    loop += "".join(f'<ix:continuation id="l{i}" continuedAt="l{(i + 1) % 1000}">l{i}</ix:continuation>\n' for i in range(1000))
    nested = '<ix:nonNumeric name="dei:Nested" contextRef="y" continuedAt="n0">n</ix:nonNumeric>\n'
    nested += "".join(f'<ix:continuation id="n{i}" continuedAt="n{i + 1}">{"y" * 50}' for i in range(200)) + "</ix:continuation>" * 200
    body = INLINE_HEAD + facts + branches + f'<ix:continuation id="tail">{"z" * 100_000}</ix:continuation>\n'
    body += loop + nested + '\n<ix:nonNumeric name="dei:Dangling" contextRef="y" continuedAt="nowhere">d</ix:nonNumeric>\n</body></html>\n'
    return write(work, "continuation-graph.htm", body)


FORGED_FILING = (
    # no default namespace: a concept is its name as written, "::error …" included
    '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance" '
    'xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:dei="http://xbrl.sec.gov/dei/2023"><body>\n'
    '<ix:header><ix:resources><xbrli:context id="y"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier>'
    "</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate>"
    '</xbrli:period></xbrli:context><xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>'
    "</ix:resources></ix:header>\n"
    '<ix:nonFraction name="::error file=x.py,line=1::FORGED" contextRef="y" unitRef="usd" decimals="0">120</ix:nonFraction>\n'
    '<ix:nonNumeric name="dei:DocumentType" contextRef="y">10-K &#x9b;2J ##[warning]y</ix:nonNumeric>\n'
    '<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="y">&#x9b;2J ##[error]x &#x202e;cnI</ix:nonNumeric>\n'
    '<ix:nonFraction name="dei:Shares&#10;::warning::FORGED" contextRef="y" unitRef="usd" decimals="0">1</ix:nonFraction>\n'
    "</body></html>\n"
)


@maker
def facts_forged(work: Path) -> dict:
    """Filing strings that would act on a terminal or a CI log: a concept that is a
    workflow command, one after a line break, the legacy ##[ form, CSI, a bidi override."""
    return write(work, "forged.htm", FORGED_FILING)


@maker
def claims_named_as_a_command(work: Path) -> dict:
    """`verify .` finds claims files named like workflow commands: the concise report's
    lines start with the file's name."""
    folder, made = case_folder(work, "claims-named-as-a-command")
    (folder / "::error file=a.py,line=1::FORGED.claims.yaml").write_text("version: 1\nclaims:\n  - {id: a, check: 1, stated: 2}\n")
    (folder / "b.claims.yaml").write_text('version: 1\nclaims:\n  - {id: "##[error]b", check: 1, stated: 1}\n')
    return {**made, "file": "."}


OUTSIDE_FILING = (
    '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2023">'
    '<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>'
    "<xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>"
    f'<dei:EntityRegistrantName contextRef="d">{SENTINEL}</dei:EntityRegistrantName></xbrli:xbrl>\n'
)


def outside_file(work: Path, name: str, text: str) -> Path:
    path = outside(work) / name
    if not path.exists():
        path.write_text(text)
    return path


@maker
def draft_named_link(work: Path) -> dict:
    """`verify article.md`, a committed link to a draft outside: it was read and reported."""
    folder, made = case_folder(work, "draft-named-link")
    os.symlink(outside(work) / "secret.md", folder / "article.md")
    return {**made, "file": "article.md"}


@maker
def draft_option_link(work: Path) -> dict:
    folder, made = case_folder(work, "draft-option-link", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    os.symlink(outside(work) / "secret.md", folder / "article.md")
    return made


@maker
def baseline_option_link(work: Path) -> dict:
    folder, made = case_folder(work, "baseline-option-link", claims=f"version: 1\nclaims:\n{ONE_CLAIM}")
    os.symlink(outside_file(work, "secret.json", f'{{"version": 1, "entries": [], "x": "{SENTINEL}"}}\n'), folder / "bl.json")
    return made


@maker
def facts_filing_link(work: Path) -> dict:
    """`facts link.xml`, a link to a filing outside: all its facts were listed."""
    folder, made = case_folder(work, "facts-filing-link")
    os.symlink(outside_file(work, "secret.xml", OUTSIDE_FILING), folder / "link.xml")
    return {**made, "file": "link.xml"}


@maker
def facts_any_link(work: Path) -> dict:
    """`facts link.htm`, a link to any file outside: its first 30 bytes were quoted."""
    folder, made = case_folder(work, "facts-any-link")
    os.symlink(outside_file(work, "notes.txt", f"{SENTINEL} and more\n"), folder / "link.htm")
    return {**made, "file": "link.htm"}


@maker
def facts_typed_outside(work: Path) -> dict:
    """A path typed outside the repository is read, but a file that is no filing is never quoted."""
    _, made = case_folder(work, "facts-typed-outside")
    outside_file(work, "notes.txt", f"{SENTINEL} and more\n")
    return {**made, "file": "../../outside/notes.txt"}


@maker
def pre_commit_link(work: Path) -> dict:
    """pre-commit hands over a staged draft that is a link out of the repository."""
    folder, made = case_folder(work, "pre-commit-link")
    os.symlink(outside(work) / "secret.md", folder / "article.md")
    return {**made, "file": "article.md"}


@maker
def pre_commit_claims_pipe(work: Path) -> dict:
    """pre-commit looks through the repository's claims files for the one naming a staged
    draft: one is a link to a pipe outside, which opening would wait on for ever."""
    folder, made = case_folder(work, "pre-commit-claims-pipe")
    pipe = outside(work) / "pipe.claims.yaml"
    if not pipe.exists():
        os.mkfifo(pipe)
    os.symlink(pipe, folder / "linked.claims.yaml")
    (folder / "draft.md").write_text("The company had a good year.\n")  # no figure: nothing for inference to read
    return {**made, "file": "draft.md"}


BIDI_LINE = "Revenue rose \u202e%03\u202c to $120 million from $100 million."  # shows "rose 30%"


@maker
def bidi_hidden_figure(work: Path) -> dict:
    """Trojan Source in a draft: the figure shown (30%) is not the one written (03)."""
    return write(work, "bidi-draft.md", f"{BIDI_LINE}\n\nCosts rose 5%.\n")


@maker
def bidi_hidden_figure_claims(work: Path) -> dict:
    write(work, "bidi-article.md", f"{BIDI_LINE}\n")
    return write(
        work, "bidi-claims.yaml",
        "version: 1\narticle:\n  draft: bidi-article.md\nclaims:\n"
        "  - {id: g, says: rose 30%, check: 'growth(100 million USD, 120 million USD)', stated: 20%}\n",
    )


@maker
def bidi_flood(work: Path) -> dict:
    """2 MB of lines that each hold a right-to-left override: 20 findings and a count."""
    return write(work, "bidi-flood.txt", "\u202e5%\n" * (2 * 2**20 // 6 - 10))


# --------------------------------------------------------------------------- running a case under the limits

#: The child: the command line's main(), as `python -m factcheck` runs it, which writes
#: its peak memory (VmHWM) at exit. The peak has to come from the child itself: the
#: kernel's ru_maxrss of a child forked from pytest starts at pytest's own size. When a
#: path is to be denied (see path_unreadable), os.open refuses it.
DRIVER = """
import atexit, errno, os, sys
peak_file, denied = sys.argv[1], sys.argv[2]

def record_peak():
    with open("/proc/self/status") as f:
        peak = next(line.split()[1] for line in f if line.startswith("VmHWM:"))
    with open(peak_file, "w") as f:
        f.write(peak)

atexit.register(record_peak)
if denied:
    denied, real_open = os.path.abspath(denied), os.open
    def refusing_open(path, *a, **k):
        if os.path.abspath(os.fsdecode(path)) == denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, *a, **k)
    os.open = refusing_open
sys.argv = ["factcheck", *sys.argv[3:]]
from factcheck.cli import main
main()
"""


@dataclass
class Outcome:
    code: int | None
    stdout: str
    stderr: str
    cpu_s: float
    wall_s: float
    max_mb: float
    timed_out: bool


def limits() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MAX_MB * 2**20, MAX_MB * 2**20))
    resource.setrlimit(resource.RLIMIT_CPU, (int(MAX_CPU_S) + 1, int(MAX_CPU_S) + 2))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def compile_package() -> None:
    """Compile the checkout's package once, into its own __pycache__ (ignored by git),
    before the cases run. A case's CPU time is then what the run costs a user (pip
    compiles a wheel at install), not that plus compiling a hundred modules from source
    in every child: about 0.4 s of each case on a fresh checkout, where nothing had been
    compiled (the cases run with PYTHONDONTWRITEBYTECODE, as CI's machine sets it)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")], check=True, stdout=subprocess.DEVNULL)


def run_limited(argv: list[str], cwd: Path) -> Outcome:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "PYTHON"))}
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1", COLUMNS="400", PYTHONDONTWRITEBYTECODE="1")
    me = threading.get_ident()
    out_path, err_path, peak_path = cwd / f".out-{me}", cwd / f".err-{me}", cwd / f".peak-{me}"
    argv = [argv[0], argv[1], argv[2], str(peak_path), *argv[3:]]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, preexec_fn=limits)
        timer = threading.Timer(WALL_TIMEOUT_S, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # the child's own CPU time and peak memory
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    timed_out = wall >= WALL_TIMEOUT_S
    stdout = out_path.read_bytes().decode("utf-8", "replace")
    stderr = err_path.read_bytes().decode("utf-8", "replace")
    # kilobytes; a child killed before its exit has only the kernel's figure, an upper bound
    peak_kb = int(peak_path.read_text()) if peak_path.exists() else usage.ru_maxrss
    for path in (out_path, err_path, peak_path):
        path.unlink(missing_ok=True)
    return Outcome(
        code=proc.returncode,
        stdout=stdout,
        stderr=stderr,
        cpu_s=usage.ru_utime + usage.ru_stime,
        wall_s=wall,
        max_mb=peak_kb / 1024,
        timed_out=timed_out,
    )


def command(case: dict, made: dict) -> list[str]:
    fill = {"file": made.get("file", case.get("file", "")), "out": made.get("out", "")}
    args = [a.format(**fill) for a in case.get("args", DEFAULT_ARGS)]
    if case.get("all-reports"):
        args += ALL_REPORTS
    return [sys.executable, "-c", DRIVER, made.get("deny") or "", *args]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_mode & 0o444 and info.st_size < 2**20:
            out[str(path.relative_to(folder))] = (path.read_bytes(), info.st_mtime_ns)
        elif stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            out[str(path.relative_to(folder))] = (b"", info.st_mtime_ns)  # large or unreadable: mtime only
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """Run every case once, two at a time; the tests below read the outcomes."""
    work = tmp_path_factory.mktemp("hostile")
    compile_package()
    for item in HOSTILE.iterdir():
        if item.name != "expected.yaml":
            shutil.copy2(item, work / item.name)
    made = {name: MAKERS[case["make"]](work) if "make" in case else {} for name, case in EXPECTED.items()}
    before = snapshot(work)
    outside_before = snapshot(outside(work))
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {
            name: pool.submit(run_limited, command(case, made[name]), work / made[name].get("cwd", "."))
            for name, case in EXPECTED.items()
        }
        outcomes = {name: f.result() for name, f in futures.items()}
    after = snapshot(work)
    outside_after = snapshot(outside(work))
    record(outcomes)
    yield {
        "work": work, "made": made, "outcomes": outcomes, "before": before, "after": after,
        "outside": (outside_before, outside_after),
    }
    for path in work.rglob("*"):  # give the read-only folder back, so that pytest can clean up
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def record(outcomes: dict[str, Outcome]) -> None:
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    cases = {n: {"exit": o.code, "cpu_s": round(o.cpu_s, 3), "wall_s": round(o.wall_s, 3), "max_mb": round(o.max_mb, 1)} for n, o in outcomes.items()}
    summary = {
        "cases": len(cases),
        "max_cpu_s": max(c["cpu_s"] for c in cases.values()),
        "max_wall_s": max(c["wall_s"] for c in cases.values()),
        "max_mb": max(c["max_mb"] for c in cases.values()),
        "limits": {"cpu_s": MAX_CPU_S, "mb": MAX_MB},
    }
    (folder / "hostile.json").write_text(json.dumps({"summary": summary, "cases": cases}, indent=2) + "\n")


# --------------------------------------------------------------------------- the tests

#: "LINE:COL: words", in the case's file; or "FILE:LINE:COL: words" in another one (a draft)
POSITION = re.compile(r"^(?:([^:\s]+):)?(\d+):(\d+): (.*)$")


@pytest.mark.parametrize("name", list(EXPECTED))
def test_case(corpus, name):
    case, made, o = EXPECTED[name], corpus["made"][name], corpus["outcomes"][name]
    shown = f"exit {o.code}\n--- stdout\n{o.stdout[-3000:]}\n--- stderr\n{o.stderr[-3000:]}"
    assert not o.timed_out, f"{name} still ran after {WALL_TIMEOUT_S} s\n{shown}"
    assert o.code == case["exit"], shown
    assert "Traceback" not in o.stdout + o.stderr, shown
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", o.stdout + o.stderr), f"a control character in the output\n{shown}"
    assert not re.search("[\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]", o.stdout + o.stderr), f"a C1 or bidi control in the output\n{shown}"
    for line in (o.stdout + o.stderr).splitlines():  # no output line is a GitHub workflow command
        assert not line.lstrip().startswith("::") and "##[" not in line, f"{line!r}\n{shown}"
    assert o.cpu_s < MAX_CPU_S, f"{name} used {o.cpu_s:.2f} s of CPU"
    assert o.max_mb < MAX_MB, f"{name} used {o.max_mb:.0f} MB"

    path = made.get("file", case.get("file", ""))
    if case["exit"] == 2:
        # the command could not run: one line on stderr that names what is wrong
        lines = o.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), shown
        for words in case["stderr"]:
            assert words.format(file=path, out=made.get("out", "")) in lines[0], shown
        return
    if "warnings" in case:  # facts tells what a filing leaves out (issue 24): one escaped line each, bounded
        from factcheck.filing.listing import MAX_WARNINGS

        warned = o.stderr.splitlines()
        assert 0 < len(warned) <= MAX_WARNINGS + 1, shown
        assert all(line.startswith("factcheck: warning: ") for line in warned), shown
        for words in case["warnings"]:
            assert any(words.format(file=path) in line for line in warned), shown
    else:
        assert o.stderr == "", shown
    if "max-bytes" in case:  # a report that used to grow without bound
        assert len(o.stdout.encode("utf-8")) <= case["max-bytes"], f"{name}: {len(o.stdout.encode('utf-8')):,} bytes of output"
    if "stdout" in case:  # another command than verify: words of its output
        for words in case["stdout"]:
            assert words.format(file=path) in o.stdout, shown
        return
    findings = [line for line in o.stdout.splitlines() if not re.match(r"^\d+ claims?: ", line)]
    expected = case.get("findings", [])
    if "count" in case:  # too many to list: the first ones, and how many
        assert len(findings) == case["count"], shown
        findings = findings[: len(expected)]
    assert len(findings) == len(expected), shown
    for line, want in zip(findings, expected):
        m = POSITION.match(want)
        assert m, f"a finding in expected.yaml should start LINE:COL: ({want!r})"
        where = f"{m[1] or path}:{m[2]}:{m[3]}"
        assert line.startswith(f"{where}: "), f"{line!r}\nshould be at {where}"
        assert m[4] in line, f"{line!r}\nshould say {m[4]!r}"


def test_the_corpus_has_forty_files_or_more():
    files = [p for p in HOSTILE.iterdir() if p.name != "expected.yaml"]
    assert len(files) + len(MAKERS) >= 40
    used = {c["file"] for c in EXPECTED.values() if "file" in c}
    drafts = {p.name for p in HOSTILE.iterdir() if p.name.startswith("draft-") and not p.name.endswith(".yaml")}
    assert used | drafts == {p.name for p in files}, "every file of tests/hostile has its expected outcome"
    assert {c["make"] for c in EXPECTED.values() if "make" in c} == set(MAKERS)


def _is_output(name: str) -> bool:
    return name == "report.txt" or re.fullmatch(r"(.*/)?out\.[a-z]+", name) is not None


def test_no_input_is_written_to(corpus):
    """Bytes and modification times of every file the runs read are as they were."""
    before = {k: v for k, v in corpus["before"].items() if not _is_output(k)}
    after = {k: v for k, v in corpus["after"].items() if k in before}
    assert after == before
    assert all(_is_output(k) for k in set(corpus["after"]) - set(corpus["before"]))


def test_nothing_outside_the_root_is_written(corpus):
    """The red-team writes of issue 16 leave every file outside the named outputs
    byte-identical (the folder beside the corpus: its hash before and after)."""
    before, after = corpus["outside"]
    assert after == before
    assert not (corpus["work"].parent / "outside" / "created.json").exists()
    # `touch ${HOME}PWNED` from the claims file's name: never run
    assert not [p for p in (*corpus["work"].rglob("*"), *corpus["work"].parent.glob("*")) if p.name.endswith("PWNED")]


def test_no_report_shows_a_file_outside_the_root(corpus):
    """The sentinel's contents reach no output of any case, in any format; and no report
    file names the runner's folders (every path in it is relative to the root)."""
    work = corpus["work"]
    for name, o in corpus["outcomes"].items():
        assert SENTINEL not in o.stdout + o.stderr, name
    reports = [p for p in work.rglob("out.*") if p.is_file()]
    formats = {p.suffix for p in reports}
    assert formats >= {".rich", ".json", ".github", ".sarif", ".junit", ".markdown", ".html"}, formats
    for path in reports:
        text = path.read_text(encoding="utf-8")
        assert SENTINEL not in text, path
        if path.parent.name == "draft-absolute":  # its claims file wrote an absolute path: that is quoted
            text = text.replace(str(work.parent / "outside" / "secret.md"), "")
        assert str(work) not in text and str(work.parent) not in text, f"{path} names the runner's folder"


def test_nothing_ran_what_a_file_asked_for(corpus):
    assert not Path("/tmp/factcheck-pwned").exists()
