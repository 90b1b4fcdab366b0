"""The labelled inference corpus: loading its labels and scoring inferred results.

Shared by tests/test_inference_labels.py, tests/test_inference_corpus.py and
bench/inference.py, so that the test and the benchmark count the same way.

A label is recalled when an inferred result of its draft has the same line, kind and
status (two labels of one kind on one line need two such results); a label ``warn`` (a
relation that holds only through its inputs' rounding) is taken by an inferred ``pass``
with basis ``rounding``, which is what the engine now says of such a relation. An inferred result
with status fail, warn or error that no label of that line, kind and status takes is a
false alarm: the engine flags an error the text does not hold (or flags the wrong one).
An inferred pass that no label takes is only an extra (it costs precision, not safety).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
LABELS = HERE / "labels.yaml"

KINDS = ("growth", "change", "share", "sum", "total", "ratio", "cagr", "elapsed", "difference")
STATUSES = ("pass", "warn", "fail", "error")
ALARMS = ("fail", "warn", "error")
COMPARES = ("≈", "<", "<=", ">", ">=")


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
    note: str | None = None


@dataclass(frozen=True)
class Inferred:
    """One result of `verify DRAFT -f json` that has an `inferred` object."""

    draft: str
    line: int
    kind: str
    status: str
    id: str = ""
    message: str = ""
    #: what the verdict rests on: "rounding" for a relation that holds only through its inputs' rounding
    basis: str = ""

    def takes(self, status: str) -> bool:
        """Whether this result is what a label of ``status`` expects. A label ``warn`` is
        a relation that holds only through its inputs' rounding (the labels were written when
        such relations warned); an inferred one is now ``pass`` with basis ``rounding``
        (spec/inference.md, "Verdicts of inferred claims"), or ``warn`` under --strict."""
        if status == "warn":
            return self.status == "warn" or self.status == "pass" and self.basis == "rounding"
        return self.status == status


@dataclass
class Score:
    labels: list[Label]
    inferred: list[Inferred]
    recalled: list[Label] = field(default_factory=list)
    missed: list[Label] = field(default_factory=list)
    matched: list[Inferred] = field(default_factory=list)
    false_alarms: list[Inferred] = field(default_factory=list)
    extras: list[Inferred] = field(default_factory=list)

    def recall(self, kind: str) -> float | None:
        n = sum(1 for lab in self.labels if lab.kind == kind)
        return None if n == 0 else sum(1 for lab in self.recalled if lab.kind == kind) / n

    def precision(self, kind: str) -> float | None:
        n = sum(1 for r in self.inferred if r.kind == kind)
        return None if n == 0 else sum(1 for r in self.matched if r.kind == kind) / n

    def table(self) -> str:
        """A per-kind table: labels, inferred, recalled, precision, recall, false alarms."""
        rows = [f"{'kind':<11} {'labels':>6} {'inferred':>8} {'recalled':>8} {'precision':>9} {'recall':>7} {'alarms':>6}"]
        kinds = list(KINDS) + sorted({r.kind for r in self.inferred} - set(KINDS))
        for kind in kinds:
            p, r = self.precision(kind), self.recall(kind)
            rows.append(
                f"{kind:<11} {sum(lab.kind == kind for lab in self.labels):>6} "
                f"{sum(x.kind == kind for x in self.inferred):>8} {sum(lab.kind == kind for lab in self.recalled):>8} "
                f"{'-' if p is None else f'{p:.0%}':>9} {'-' if r is None else f'{r:.0%}':>7} "
                f"{sum(x.kind == kind for x in self.false_alarms):>6}"
            )
        return "\n".join(rows)

    def details(self) -> str:
        out = []
        for r in self.false_alarms:
            out.append(f"false alarm  {r.draft}:{r.line} {r.kind} {r.status}  {r.id}  {r.message}")
        for lab in self.missed:
            out.append(f"missed       {lab.draft}:{lab.line} {lab.kind} {lab.status}  {lab.check} ≈ {lab.stated}")
        return "\n".join(out)


def load(path: Path = LABELS) -> tuple[list[dict], list[Label]]:
    """(the draft entries as written, every label). Scalars stay as written (strings)."""
    import yaml

    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    labels = []
    for entry in entries:
        for rel in entry.get("relations") or []:
            labels.append(
                Label(
                    draft=entry["draft"], lang=entry["lang"], line=int(rel["line"]), kind=rel["kind"],
                    check=rel["check"], stated=rel["stated"], status=rel["status"], compare=rel.get("compare"),
                    tolerance=rel.get("tolerance"), written=rel.get("written"), note=rel.get("note"),
                )
            )
    return entries, labels


def inferred_results(report: dict, draft: str) -> list[Inferred]:
    """The inferred results of one `verify DRAFT -f json` report."""
    out = []
    for res in report.get("results", []):
        inf = res.get("inferred")
        if not isinstance(inf, dict):
            continue
        at = res.get("at") or {}
        line = at.get("line") or res.get("line")
        path = at.get("path") or res.get("file") or draft
        out.append(
            Inferred(
                draft=Path(path).name or draft, line=int(line), kind=str(inf.get("kind")),
                status=str(res.get("status")), id=str(res.get("id", "")), message=str(res.get("message", "")),
                basis=str(res.get("basis") or ""),
            )
        )
    return out


def score(labels: list[Label], inferred: list[Inferred]) -> Score:
    """Match inferred results to labels by (draft, line, kind, status), as a multiset."""
    s = Score(labels=list(labels), inferred=list(inferred))
    pool: dict[tuple[str, int, str], list[Inferred]] = defaultdict(list)
    for r in inferred:
        pool[(r.draft, r.line, r.kind)].append(r)
    for lab in labels:
        candidates = pool.get((lab.draft, lab.line, lab.kind), [])
        hit = next((r for r in candidates if r.takes(lab.status)), None)
        if hit is None:
            s.missed.append(lab)
        else:
            candidates.remove(hit)
            s.recalled.append(lab)
            s.matched.append(hit)
    for left in pool.values():
        for r in left:
            (s.false_alarms if r.status in ALARMS else s.extras).append(r)
    return s


def counts(labels: list[Label]) -> Counter:
    """(kind, lang) -> number of labels."""
    return Counter((lab.kind, lab.lang) for lab in labels)
