"""The labels of the inference corpus agree with the verdict rules of today's engine.

Every labelled relation of tests/inference/labels.yaml is written as the claim an
editor would write for it (its check, stated, compare and tolerance), one claims file
per draft, and `factcheck verify -f json` must give it the labelled status. So the
statuses the inference engine will be held to (tests/test_inference_corpus.py) are
those of the written claims, not anybody's guess. The corpus itself is checked too:
its size, both languages, at least six labels of every kind, and that each label's
line holds its stated figure.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "inference"))

import corpus_labels as cl  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return cl.load()


def _claim_id(lab: cl.Label, n: int) -> str:
    return f"l{lab.line}-{lab.kind}" + ("" if n == 1 else f"-{n}")


def _claims_file(labels: list[cl.Label]) -> tuple[str, dict[str, cl.Label]]:
    """The claims file (version 1) of one draft's labels, and its claim ids."""
    lines = ["version: 1", "claims:"]
    ids: dict[str, cl.Label] = {}
    seen: Counter = Counter()
    for lab in labels:
        seen[(lab.line, lab.kind)] += 1
        cid = _claim_id(lab, seen[(lab.line, lab.kind)])
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


def test_labels_are_well_formed(corpus):
    entries, labels = corpus
    assert labels
    for lab in labels:
        where = f"{lab.draft}:{lab.line}"
        assert lab.kind in cl.KINDS, where
        assert lab.status in cl.STATUSES, where
        assert lab.lang in ("en", "zh"), where
        assert lab.compare is None or lab.compare in cl.COMPARES, where
        assert lab.tolerance is None or re.fullmatch(r"\d+(\.\d+)?%", lab.tolerance), where
    drafts = [e["draft"] for e in entries]
    assert len(drafts) == len(set(drafts)), "a draft is listed twice"
    on_disk = sorted(p.name for p in cl.CORPUS.glob("*.md"))
    assert sorted(drafts) == on_disk, "labels.yaml and tests/inference/corpus/ list different drafts"
    for e in entries:
        assert e["draft"].startswith(e["lang"] + "-"), e["draft"]
        assert "traps" in e, f"{e['draft']}: list its traps (figures that carry no relation)"


def test_corpus_size_languages_and_kinds(corpus):
    entries, labels = corpus
    assert len(entries) >= 30
    langs = Counter(e["lang"] for e in entries)
    assert langs["en"] >= 12 and langs["zh"] >= 12, langs
    per_kind = Counter(lab.kind for lab in labels)
    for kind in cl.KINDS:
        assert per_kind[kind] >= 6, f"{kind}: {per_kind[kind]} labels, at least 6 wanted"
        for lang in ("en", "zh"):
            assert cl.counts(labels)[(kind, lang)] >= 2, f"{kind} has too few {lang} labels"
    statuses = Counter(lab.status for lab in labels)
    wrong = statuses["fail"] + statuses["warn"] + statuses["error"]
    # about a fifth of the relations are deliberately wrong; most are right
    assert 0.12 <= wrong / len(labels) <= 0.3, statuses
    assert statuses["warn"] >= 1
    # many figures with no relation: drafts with no label at all, in both languages
    empty = Counter(e["lang"] for e in entries if not e.get("relations"))
    assert empty["en"] >= 1 and empty["zh"] >= 1
    for e in entries:
        n = len((cl.CORPUS / e["draft"]).read_text(encoding="utf-8").splitlines())
        assert 5 <= n <= 25, f"{e['draft']}: {n} lines"


def test_front_matter_and_tables_present(corpus):
    entries, labels = corpus
    texts = {e["draft"]: (cl.CORPUS / e["draft"]).read_text(encoding="utf-8") for e in entries}
    dated = [d for d, t in texts.items() if re.match(r"---\n(.*\n)*?date: \d{4}-\d\d-\d\d\n(.*\n)*?---\n", t)]
    assert len(dated) >= 10
    assert len(dated) < len(texts), "some drafts must have no front matter"
    tables = {d for d, t in texts.items() if re.search(r"^\|\s*(Total|合计)\s*\|", t, re.M)}
    assert {d for d in tables if d.startswith("en-")} and {d for d in tables if d.startswith("zh-")}


_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _digits(text: str) -> list[str]:
    return [m.group().replace(",", "") for m in _NUM.finditer(text)]


def _on_line(number: str, line: str) -> bool:
    line = re.sub(r"(?<=\d),(?=\d{3})", "", line)
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\.?\d)", line) is not None


def test_each_label_line_holds_its_stated_figure(corpus):
    _, labels = corpus
    bad = []
    for lab in labels:
        lines = (cl.CORPUS / lab.draft).read_text(encoding="utf-8").splitlines()
        if not 1 <= lab.line <= len(lines):
            bad.append(f"{lab.draft}:{lab.line}: no such line")
            continue
        text = lines[lab.line - 1]
        if lab.written:
            ok = lab.written in text
            want = repr(lab.written)
        elif lab.kind == "sum" and lab.stated == "100%":
            # a partition's 100% is implicit: the line holds every part instead
            inner = lab.check[lab.check.index("(") + 1 : lab.check.rindex(")")]
            parts = [d for d in _digits(inner)]
            ok = all(_on_line(d, text) for d in parts)
            want = " ".join(parts)
        else:
            number = _digits(lab.stated)[0]
            ok = _on_line(number, text)
            want = number
        if not ok:
            bad.append(f"{lab.draft}:{lab.line} ({lab.kind}): {want} not on the line: {text[:90]}")
    assert not bad, "\n".join(bad)


def _split_front_matter(text: str) -> tuple[str | None, str]:
    """(the year of the front matter's date or None, the body)."""
    m = re.match(r"---\n((?:.*\n)*?)---\n", text)
    if not m:
        return None, text
    date = re.search(r"^date: (\d{4})-\d\d-\d\d$", m.group(1), re.M)
    return (date.group(1) if date else None), text[m.end():]


def test_label_figures_come_from_their_draft(corpus):
    """Every figure of a check is written in its draft's body, except the current year
    of a "this year" relation, which is the year of the front matter's date."""
    _, labels = corpus
    bad = []
    for lab in labels:
        year, body = _split_front_matter((cl.CORPUS / lab.draft).read_text(encoding="utf-8"))
        args = re.sub(r"\b\d+ years\)", ")", lab.check)  # cagr's span: years, not a figure
        for d in _digits(args):
            if _on_line(d, body) or (lab.kind == "elapsed" and d == year):
                continue
            bad.append(f"{lab.draft}:{lab.line}: {d} of {lab.check!r} is not in the draft")
    assert not bad, "\n".join(bad)


def test_labelled_statuses_are_the_engines(corpus, tmp_path):
    entries, labels = corpus
    files: dict[str, dict[str, cl.Label]] = {}
    for e in entries:
        mine = [lab for lab in labels if lab.draft == e["draft"]]
        if not mine:
            continue
        name = e["draft"].removesuffix(".md") + ".claims.yaml"
        text, ids = _claims_file(mine)
        (tmp_path / name).write_text(text, encoding="utf-8")
        files[name] = ids
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "verify", *sorted(files), "-f", "json", "--fail-on", "never"],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    problems = [p for f in report["files"] for p in f.get("problems", [])]
    assert not problems, problems
    got: dict[tuple[str, str], dict] = {(Path(r["file"]).name, r["id"]): r for r in report["results"]}
    wrong = []
    for name, ids in files.items():
        for cid, lab in ids.items():
            res = got.get((name, cid))
            if res is None:
                wrong.append(f"{lab.draft}:{lab.line} {lab.kind}: no result")
            elif res["status"] != lab.status:
                wrong.append(
                    f"{lab.draft}:{lab.line} {lab.kind}: labelled {lab.status}, the engine says {res['status']}: "
                    f"{res.get('message')}"
                )
    assert not wrong, "\n".join(wrong)
    assert len(got) == len(labels)



def test_scoring_counts_recall_and_false_alarms(corpus):
    """The matching that the acceptance test and the benchmark share."""
    _, labels = corpus
    perfect = [cl.Inferred(lab.draft, lab.line, lab.kind, lab.status) for lab in labels]
    s = cl.score(labels, perfect)
    assert not s.missed and not s.false_alarms and not s.extras
    assert all(s.recall(k) == 1.0 and s.precision(k) == 1.0 for k in cl.KINDS)

    # a correct relation flagged: one false alarm and one miss; an unlabelled pass: an extra
    first_pass = next(i for i, lab in enumerate(labels) if lab.status == "pass")
    flipped = list(perfect)
    flipped[first_pass] = cl.Inferred(labels[first_pass].draft, labels[first_pass].line, labels[first_pass].kind, "fail")
    flipped.append(cl.Inferred("en-pmi.md", 3, "change", "pass"))
    s = cl.score(labels, flipped)
    assert [r.status for r in s.false_alarms] == ["fail"] and s.missed == [labels[first_pass]]
    assert [r.draft for r in s.extras] == ["en-pmi.md"]

    # two labels of one kind on one line need two results
    pairs = Counter((lab.draft, lab.line, lab.kind) for lab in labels)
    twice = next(key for key, n in pairs.items() if n >= 2)
    one_short = list(perfect)
    one_short.remove(next(r for r in perfect if (r.draft, r.line, r.kind) == twice))
    assert len(cl.score(labels, one_short).missed) == 1
    assert "recall" in s.table() and "false alarm" in s.details()


def test_a_warn_label_is_taken_by_a_pass_through_rounding_only(corpus):
    """Labels say warn for a relation that holds only through its inputs' rounding; the
    engine now passes such an inferred relation with basis rounding (or warns under
    --strict), and a plain pass is not that finding."""
    _, labels = corpus
    lab = next(lab for lab in labels if lab.status == "warn")
    for basis, status, taken in (("rounding", "pass", True), ("", "warn", True), ("", "pass", False),
                                 ("rounding", "fail", False)):
        got = cl.score([lab], [cl.Inferred(lab.draft, lab.line, lab.kind, status, basis=basis)])
        assert bool(got.recalled) is taken, (basis, status)
        assert not got.false_alarms if taken or status == "pass" else got.false_alarms


def test_inferred_results_are_read_from_the_json_report():
    """The shape of spec/inference.md: written claims have no `inferred` key; an inferred
    one points at the draft (`file`, `at`) and names its kind."""
    report = {
        "results": [
            {"id": "written", "file": "claims.yaml", "line": 4, "status": "fail", "at": {"path": "claims.yaml", "line": 4}},
            {
                "id": "en-results-story.md:11:growth", "file": "corpus/en-results-story.md", "line": 11, "status": "warn",
                "at": {"path": "corpus/en-results-story.md", "line": 11, "column": 52}, "message": "3.704% misses 3%",
                "inferred": {"kind": "growth", "rule": "rose-to-from", "figures": ["3%", "1.12 billion", "1.08 billion"]},
            },
        ]
    }
    got = cl.inferred_results(report, "en-results-story.md")
    assert got == [cl.Inferred("en-results-story.md", 11, "growth", "warn", "en-results-story.md:11:growth", "3.704% misses 3%")]
