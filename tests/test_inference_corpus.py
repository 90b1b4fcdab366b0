"""Acceptance of the inference engine on the labelled corpus (issue 12).

Every draft of tests/inference/corpus/ is checked as an editor would, with no claims
file: `python -m factcheck verify DRAFT.md -f json`. The results that carry an
`inferred` object are matched to tests/inference/labels.yaml by (draft, line, kind,
status). The targets of docs/spec inference.md:

- recall >= 90% of the labels of every kind;
- no false alarm: no inferred fail, warn or error that no label of that line, kind and
  status accounts for.

bench/inference.py prints the same numbers with precision and timing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "inference"))

import corpus_labels as cl  # noqa: E402

pytestmark = pytest.mark.xfail(reason="inference engine not merged yet", strict=False)

RECALL = 0.9


def _verify(draft: Path) -> tuple[str, list[cl.Inferred], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "verify", draft.name, "-f", "json", "--fail-on", "never"],
        cwd=draft.parent, capture_output=True, text=True, encoding="utf-8",
    )
    if proc.returncode != 0:
        return draft.name, [], f"{draft.name}: exit {proc.returncode}: {proc.stderr.strip()[:300]}"
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return draft.name, [], f"{draft.name}: not JSON ({exc}): {proc.stdout[:200]}"
    # a draft is read as a draft, never as a (broken) claims file
    problems = [p for f in report.get("files", []) for p in f.get("problems", [])]
    if problems:
        return draft.name, [], f"{draft.name}: problems {problems[:2]}"
    return draft.name, cl.inferred_results(report, draft.name), ""


@pytest.fixture(scope="module")
def scored() -> cl.Score:
    entries, labels = cl.load()
    drafts = [cl.CORPUS / e["draft"] for e in entries]
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(_verify, drafts))
    errors = [err for _, _, err in runs if err]
    assert not errors, "\n".join(errors)
    inferred = [r for _, results, _ in runs for r in results]
    return cl.score(labels, inferred)


def test_recall_of_every_kind(scored):
    low = [k for k in cl.KINDS if (scored.recall(k) or 0.0) < RECALL]
    assert not low, f"recall under {RECALL:.0%} for {', '.join(low)}\n{scored.table()}\n{scored.details()}"


def test_no_false_alarm(scored):
    assert not scored.false_alarms, f"{len(scored.false_alarms)} false alarm(s)\n{scored.table()}\n{scored.details()}"
