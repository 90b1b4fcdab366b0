"""The held-out inference corpus: its labels agree with the verdict rules of today's engine.

tests/inference/heldout/ is a second labelled corpus, written apart from the first one
(other outlets, sectors and phrasings) so that the relation reader can be measured on
drafts it was not tuned against. This file checks the corpus itself, not the reader:

- every labelled relation is written as the claim an editor would write for it (its
  check, stated, compare and tolerance), one claims file a draft, and `factcheck verify
  -f json` must give it the labelled status; so the statuses the reader will be held to
  are those of written claims, not anybody's guess;
- each label's line holds its stated figure (or its `written` form), and every figure of
  its check is written in the draft;
- the corpus has the shape it promises: 12 English and 12 Chinese drafts of 6-20 lines,
  about half with a front-matter date, four Total/合计 tables, every kind at least four
  times, about a fifth of the relations wrong, and drafts that hold traps only.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
LABELS = HERE / "labels.yaml"

KINDS = ("growth", "change", "share", "sum", "total", "ratio", "cagr", "elapsed", "difference")
STATUSES = ("pass", "warn", "fail", "error")
COMPARES = ("≈", "approx", "=", "exact", "<", "<=", ">", ">=")
RELATION_KEYS = {"line", "kind", "check", "stated", "compare", "tolerance", "written", "status", "note"}


@dataclass(frozen=True)
class Label:
    draft: str
    lang: str
    line: int
    kind: str
    check: str
    stated: str
    status: str
    compare: str | None = None
    tolerance: str | None = None
    written: str | None = None


def _load() -> tuple[list[dict], list[Label]]:
    entries = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    labels = []
    for e in entries:
        for r in e.get("relations") or []:
            where = f"{e['draft']}:{r.get('line')}"
            unknown = set(r) - RELATION_KEYS
            assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
            # a bare YAML number would lose the digits that make its precision (76.50 -> 76.5)
            assert isinstance(r["check"], str) and isinstance(r["stated"], str), f"{where}: quote check and stated"
            labels.append(
                Label(
                    draft=e["draft"], lang=e["lang"], line=r["line"], kind=r["kind"],
                    check=r["check"], stated=r["stated"], status=r["status"],
                    compare=r.get("compare"), tolerance=r.get("tolerance"), written=r.get("written"),
                )
            )
    return entries, labels


ENTRIES, ALL_LABELS = _load()
DRAFTS = [e["draft"] for e in ENTRIES]


def _labels_of(draft: str) -> list[Label]:
    return [lab for lab in ALL_LABELS if lab.draft == draft]


def _lines(draft: str) -> list[str]:
    return (CORPUS / draft).read_text(encoding="utf-8").splitlines()


# --- the labels are well formed and name the drafts on disk ---------------------------


def test_labels_name_the_drafts_on_disk():
    assert len(DRAFTS) == len(set(DRAFTS)), "a draft is listed twice"
    assert sorted(DRAFTS) == sorted(p.name for p in CORPUS.glob("*.md")), (
        "labels.yaml and corpus/ list different drafts"
    )
    for e in ENTRIES:
        assert e["lang"] in ("en", "zh") and e["draft"].startswith(e["lang"] + "-"), e["draft"]
        assert e.get("traps"), f"{e['draft']}: list its traps (figures that carry no relation)"
        assert all(isinstance(t, str) for t in e["traps"]), f"{e['draft']}: a trap read as a non-string"


@pytest.mark.parametrize("lab", ALL_LABELS, ids=lambda lab: f"{lab.draft}:{lab.line}:{lab.kind}")
def test_label_is_well_formed(lab: Label):
    assert lab.kind in KINDS
    assert lab.status in STATUSES
    assert lab.compare is None or lab.compare in COMPARES
    assert lab.tolerance is None or re.fullmatch(r"\d+(\.\d+)?%", lab.tolerance)
    assert 1 <= lab.line <= len(_lines(lab.draft)), "no such line"


# --- each label's line holds its stated figure; its figures come from the draft -------

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _digits(text: str) -> list[str]:
    return [m.group().replace(",", "") for m in _NUM.finditer(text)]


def _on(number: str, text: str) -> bool:
    """`number` is written in `text` as a whole figure (not the tail of a longer one)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\.?\d)", text) is not None


def _parts(check: str) -> list[str]:
    return _digits(check[check.index("(") + 1 : check.rindex(")")])


@pytest.mark.parametrize("lab", ALL_LABELS, ids=lambda lab: f"{lab.draft}:{lab.line}:{lab.kind}")
def test_label_line_holds_the_stated_figure(lab: Label):
    text = _lines(lab.draft)[lab.line - 1]
    if lab.written:
        assert lab.written in text, f"{lab.written!r} not on line {lab.line}: {text}"
    elif lab.kind == "sum" and lab.stated == "100%":
        # a partition's 100% is implicit: its line holds every part instead
        missing = [d for d in _parts(lab.check) if not _on(d, text)]
        assert not missing, f"parts {missing} not on line {lab.line}: {text}"
    else:
        number = _digits(lab.stated)[0]
        assert _on(number, text), f"{number} not on line {lab.line}: {text}"


def _front_matter_year(draft: str) -> str | None:
    m = re.match(r"---\n((?:.*\n)*?)---\n", (CORPUS / draft).read_text(encoding="utf-8"))
    date = m and re.search(r"^date: (\d{4})-\d\d-\d\d$", m.group(1), re.M)
    return date.group(1) if date else None


@pytest.mark.parametrize("lab", ALL_LABELS, ids=lambda lab: f"{lab.draft}:{lab.line}:{lab.kind}")
def test_label_figures_come_from_the_draft(lab: Label):
    """Every figure of the check is written in the draft, except the current year of a
    "this year" relation, which is the year of the front matter's date. The sentence (or
    table) of the relation is its own line: a check's figures are on that line, or, for a
    share or an elapsed relation, earlier in its paragraph."""
    lines = _lines(lab.draft)
    here = lines[lab.line - 1]
    start = lab.line - 1
    while start > 0 and lines[start - 1].strip():
        start -= 1
    paragraph = "\n".join(lines[start : lab.line])
    args = re.sub(r"\b\d+ years\)", ")", lab.check)  # cagr's span is counted, not written
    year = _front_matter_year(lab.draft)
    missing = []
    for d in _digits(args):
        if _on(d, here):
            continue
        if lab.kind == "total" and _on(d, paragraph):  # the table's rows above its Total row
            continue
        if lab.kind in ("share", "elapsed") and _on(d, paragraph):
            continue
        if lab.kind == "elapsed" and d == year:
            continue
        missing.append(d)
    assert not missing, f"{missing} of {lab.check!r} not in the relation's sentence or paragraph"


# --- the labelled statuses are the engine's -------------------------------------------


def _claims_file(labels: list[Label]) -> tuple[str, dict[str, Label]]:
    """The claims file (version 1) of one draft's labels, and its claim ids."""
    lines = ["version: 1", "claims:" if labels else "claims: []"]
    ids: dict[str, Label] = {}
    for lab in labels:
        base = f"l{lab.line}-{lab.kind}"
        cid, n = base, 1
        while cid in ids:
            n += 1
            cid = f"{base}-{n}"
        ids[cid] = lab
        lines.append(f"  - id: {cid}")
        # JSON strings are YAML strings: no figure is ever re-read as a YAML number
        lines.append(f"    check: {json.dumps(lab.check, ensure_ascii=False)}")
        lines.append(f"    stated: {json.dumps(lab.stated, ensure_ascii=False)}")
        if lab.compare:
            lines.append(f"    compare: {json.dumps(lab.compare, ensure_ascii=False)}")
        if lab.tolerance:
            lines.append(f"    tolerance: {json.dumps(lab.tolerance)}")
    return "\n".join(lines) + "\n", ids


@pytest.mark.parametrize("draft", DRAFTS)
def test_labelled_statuses_are_the_engines(draft: str, tmp_path: Path):
    labels = _labels_of(draft)
    text, ids = _claims_file(labels)
    name = draft.removesuffix(".md") + ".claims.yaml"
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "verify", "-f", "json", "--fail-on", "never", name],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    problems = [p for f in report["files"] for p in f.get("problems", [])]
    assert not problems, problems
    got = {r["id"]: r for r in report["results"]}
    assert sorted(got) == sorted(ids)
    wrong = [
        f"{draft}:{lab.line} {lab.kind}: labelled {lab.status}, the engine says "
        f"{got[cid]['status']}: {got[cid].get('message')}"
        for cid, lab in ids.items()
        if got[cid]["status"] != lab.status
    ]
    assert not wrong, "\n".join(wrong)


# --- the corpus has the shape it promises ---------------------------------------------


def test_corpus_size_languages_and_length():
    langs = Counter(e["lang"] for e in ENTRIES)
    assert langs == {"en": 12, "zh": 12}, langs
    for draft in DRAFTS:
        n = len(_lines(draft))
        assert 6 <= n <= 20, f"{draft}: {n} lines"
    dated = [d for d in DRAFTS if _front_matter_year(d)]
    assert 10 <= len(dated) <= 14, f"about half the drafts carry a date: {len(dated)}"
    for lang in ("en", "zh"):
        assert [d for d in dated if d.startswith(lang)] and [d for d in DRAFTS if d.startswith(lang) and d not in dated]
    empty = Counter(e["lang"] for e in ENTRIES if not e.get("relations"))
    assert empty["en"] >= 1 and empty["zh"] >= 1, "each language has a draft of traps only"


def test_every_kind_in_both_languages_and_a_fifth_wrong():
    per_kind = Counter(lab.kind for lab in ALL_LABELS)
    per_lang = Counter((lab.kind, lab.lang) for lab in ALL_LABELS)
    for kind in KINDS:
        assert per_kind[kind] >= 4, f"{kind}: {per_kind[kind]} labels"
        assert per_lang[(kind, "en")] >= 2 and per_lang[(kind, "zh")] >= 2, f"{kind}: {per_lang}"
    statuses = Counter(lab.status for lab in ALL_LABELS)
    wrong = statuses["fail"] + statuses["warn"] + statuses["error"]
    assert 0.15 <= wrong / len(ALL_LABELS) <= 0.25, statuses
    assert statuses["warn"] >= 1
    # the approximation words are all exercised: a tolerance, a ">" and a "<="
    assert {lab.compare for lab in ALL_LABELS} >= {">", "<="}
    assert any(lab.tolerance for lab in ALL_LABELS)


def test_four_tables_with_a_total_row():
    tables = {}
    for draft in DRAFTS:
        rows = [s for s in _lines(draft) if s.startswith("|")]
        total = [s for s in rows if re.match(r"^\|\s*(Total|合计)\s*\|", s)]
        if total:
            tables[draft] = (rows, total)
    assert len(tables) == 4, sorted(tables)
    assert {d[:2] for d in tables} == {"en", "zh"}
    # one table has a growth column that must not be summed, one has accounting parentheses
    assert any(re.search(r"\|\s*(YoY|同比)\s*\|", rows[0]) for rows, _ in tables.values())
    assert any(re.search(r"\|\s*\(\d[\d,.]*\)\s*\|", "\n".join(rows)) for rows, _ in tables.values())
    for draft, (_, total) in tables.items():
        assert any(lab.kind == "total" for lab in _labels_of(draft)), f"{draft}: its Total row is not labelled"
