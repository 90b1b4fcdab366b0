"""The shapes corpus (tests/inference/shapes/): its labels, and the score of one
``verify … -f json`` report of its drafts, matched as ``../shared/tools/infer-score``
matches (a label is hit by an inferred result on its line whose kind is one of the
label's and whose status is the label's).

Shared by tests/test_inference_shapes.py and bench/inference.py, so that the test and the
benchmark count the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SHAPES = Path(__file__).resolve().parent / "shapes"
KINDS = ("growth", "change", "share", "sum", "total", "ratio", "cagr", "elapsed", "difference")


def labels() -> dict[str, list[dict]]:
    import yaml

    return yaml.safe_load((SHAPES / "expected.yaml").read_text(encoding="utf-8")) or {}


def lang_of(draft: str) -> str:
    return "zh" if draft.startswith("zh-") else "en"


def as_set(v: object) -> set[str]:
    return {str(x) for x in v} if isinstance(v, list) else {str(v)}


def digits(text: str) -> str:
    """The digits of a stated figure, to tell one relation of a line from another."""
    return "".join(c for c in text if c.isdigit() or c == ".").strip(".").lstrip("0")


@dataclass
class Score:
    #: required labels and those recalled, by (kind, language)
    need: Counter = field(default_factory=Counter)
    got: Counter = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    #: inferred fail, warn or error that no label takes
    alarms: list[str] = field(default_factory=list)
    #: deliberate errors the reader found and passed
    passed_errors: list[str] = field(default_factory=list)

    def recall(self, lang: str | None = None, kind: str | None = None) -> float | None:
        need = sum(n for (k, la), n in self.need.items() if (lang is None or la == lang) and (kind is None or k == kind))
        got = sum(n for (k, la), n in self.got.items() if (lang is None or la == lang) and (kind is None or k == kind))
        return got / need if need else None

    def table(self) -> str:
        rows = [f"{'kind':<11} {'EN':>12} {'ZH':>12} {'all':>12}"]
        for kind in (*KINDS, None):
            cells = []
            for lang in ("en", "zh", None):
                need = sum(n for (k, la), n in self.need.items() if (lang is None or la == lang) and (kind is None or k == kind))
                got = sum(n for (k, la), n in self.got.items() if (lang is None or la == lang) and (kind is None or k == kind))
                cells.append(f"{got}/{need} {got / need:.0%}" if need else "-")
            rows.append(f"{kind or 'all':<11} {cells[0]:>12} {cells[1]:>12} {cells[2]:>12}")
        return "\n".join(rows)


def score(report: dict) -> Score:
    """The score of one JSON report of every draft of the corpus."""
    from pathlib import Path as _P

    expected = labels()
    inferred: dict[str, list[tuple[int, str, str, str, str]]] = {n: [] for n in expected}
    for r in report["results"]:
        inf = r.get("inferred")
        if not inf:
            continue
        at = r.get("at") or {}
        draft = _P(str(at.get("path") or r.get("file"))).name
        stated = digits(str((r.get("stated") or {}).get("text", "")))
        inferred.setdefault(draft, []).append((int(at.get("line") or r["line"]), str(inf["kind"]), str(r["status"]),
                                               str(r.get("message", "")), stated))
    s = Score()
    for draft, labs in expected.items():
        found = inferred.get(draft, [])
        used: set[int] = set()
        for lab in labs or []:
            kinds, statuses = as_set(lab["kind"]), as_set(lab["status"])
            hit = next((i for i, (ln, k, st, _, _v) in enumerate(found)
                        if i not in used and ln == lab["line"] and k in kinds and st in statuses), None)
            if hit is not None:
                used.add(hit)
            elif "fail" in statuses:
                wrong = next((f for f in found if f[0] == lab["line"] and f[1] in kinds and f[2] == "pass"
                              and f[4] == digits(str(lab.get("stated", "")))), None)
                if wrong is not None:
                    s.passed_errors.append(f"{draft}:{lab['line']} {lab['kind']}: {lab.get('note', '')} / {wrong[3][:120]}")
            if lab.get("required", True):
                key = (sorted(kinds)[0], lang_of(draft))
                s.need[key] += 1
                s.got[key] += hit is not None
                if hit is None:
                    s.missed.append(f"{draft}:{lab['line']} {lab['kind']} {lab['status']}")
        s.alarms += [f"{draft}:{ln} {k} {st}: {m[:150]}" for i, (ln, k, st, m, _v) in enumerate(found)
                     if i not in used and st != "pass"]
    return s
