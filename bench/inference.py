"""Inference on the labelled corpus: precision and recall per kind, false alarms, timing.

    python bench/inference.py              # the table, the false alarms, the timings
    python bench/inference.py --show       # also every missed label and every extra
    python bench/inference.py --check      # exit 1 when a target is missed
    python bench/inference.py --no-timing  # accuracy only (a few seconds)

Each draft of tests/inference/corpus/ is checked the way an editor does it, through the
installed CLI with no claims file: `factcheck verify DRAFT.md -f json`. Its results that
carry an `inferred` object are matched to tests/inference/labels.yaml by draft, line,
kind and status (tests/inference/corpus_labels.py, shared with the acceptance test):

- recall of a kind: labels of that kind recalled / labels of that kind;
- precision of a kind: inferred results of that kind that a label takes / all of them
  (an unlabelled inferred pass costs precision only);
- a false alarm: an inferred fail, warn or error that no label accounts for.

Timing, each the median of repeated runs as subprocesses: every draft with and without
inference (`--no-infer`), the bundled article (examples/alibaba-2025/draft.md), and a
1 MB draft: the corpus drafts' bodies under one front matter while its figures stay
under the most a draft may hold (anchor.cover.MAX_FIGURES, 30,000; the engine refuses a
draft past it), then figure-free paragraphs up to 1 MB: the densest 1 MB draft that
is read at all (one figure every 35 bytes; a 10-K's text holds one every 80).

The shapes corpus (tests/inference/shapes/, drafts in our own words of the shapes
published text takes) is checked in one run and its recall printed by kind and language,
with its false alarms (tests/inference/shapes_labels.py, shared with its test).

Targets (spec/inference.md, issues 12 and 22), checked by --check: recall >= 90% of every
kind of the corpus, no false alarm (there and in the shapes corpus), inference adds
<= 30 ms to verify on the bundled article, <= 50 ms on a 2,000-word results release (the
English shapes drafts as one), and <= 2 s on the 1 MB draft. Inference is what `--infer` adds to `--no-infer`: reading the
relations and checking the claims they give. Reading the draft itself (its Markdown and
its figures, which `--no-infer` does too for coverage) is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "inference"))

import corpus_labels as cl  # noqa: E402
import shapes_labels as sl  # noqa: E402

ARTICLE = ROOT / "examples" / "alibaba-2025" / "draft.md"
RECALL = 0.9
ARTICLE_ADDED_S = 0.030
RELEASE_ADDED_S = 0.050
RELEASE_WORDS = 2000
BIG_S = 2.0
BIG_BYTES = 1 << 20

#: as a user's install runs (see bench/run.py): bytecode is allowed
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def factcheck_cmd() -> list[str]:
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "factcheck"]


def verify(draft: Path, *extra: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    """(wall seconds, the finished process) of `verify DRAFT -f json`."""
    cmd = [*factcheck_cmd(), "verify", draft.name, "-f", "json", "--fail-on", "never", *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=draft.parent, capture_output=True, text=True, encoding="utf-8", env=ENV)
    return time.perf_counter() - start, proc


def report_of(draft: Path, proc: subprocess.CompletedProcess[str]) -> tuple[dict | None, str]:
    if proc.returncode != 0:
        return None, f"{draft.name}: exit {proc.returncode}: {proc.stderr.strip()[:200]}"
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return None, f"{draft.name}: not JSON ({exc})"
    problems = [p for f in report.get("files", []) for p in f.get("problems", [])]
    if problems:
        return None, f"{draft.name}: read with problems: {problems[0].get('message', '')[:150]}"
    return report, ""


def median_time(draft: Path, repeat: int, *extra: str) -> tuple[float | None, str]:
    """The median wall time of `repeat` runs after one warm-up, or (None, why)."""
    _, proc = verify(draft, *extra)
    _, err = report_of(draft, proc)
    if err:
        return None, err
    return statistics.median(verify(draft, *extra)[0] for _ in range(repeat)), ""


#: paragraphs with no figure, in our own words: what pads the big draft to its size once
#: it holds as many figures as a draft may (a long report's words between its numbers)
FILLER = (
    ("Analysts said the company's plans depend on how quickly shoppers return to the "
     "platform, and that competition from newer rivals remains the main risk to its outlook."),
    ("The chief executive told investors that the group would keep spending on logistics and "
     "cloud services, even if margins come under pressure in the coming quarters."),
    ("Regulators have not commented on the deal. People familiar with the talks said a "
     "decision could take several months, and that both sides expect questions about data."),
    ("Shares moved little in early trading as investors weighed the results against the "
     "guidance, which several brokers described as cautious but credible."),
)


def big_draft(folder: Path, size: int = BIG_BYTES, max_figures: int | None = None, name: str = "big-draft.md") -> tuple[Path, int]:
    """A draft of ``size`` bytes: the corpus drafts' bodies, one after another under one
    front matter, while the figures stay under the most a draft may hold (the engine
    refuses a draft past it); then figure-free paragraphs up to the size. The densest
    1 MB draft the engine reads. Returns the draft and its figures."""
    from factcheck.anchor.cover import MAX_FIGURES
    from factcheck.prose import read

    bodies = []
    for path in sorted(cl.CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"\A---\n(?:.*\n)*?---\n", "", text).strip() + "\n"
        bodies.append((body, len(read(body))))
    parts, n, figures, i = ["---\ndate: 2025-06-30\n---\n"], 0, 0, 0
    while n < size:
        body, count = bodies[i % len(bodies)]
        if figures + count > (max_figures or MAX_FIGURES * 0.98):
            body, count = FILLER[i % len(FILLER)] + "\n", 0
        parts.append("\n" + body)
        n += len(body.encode("utf-8")) + 1
        figures += count
        i += 1
    path = folder / name
    path.write_text("".join(parts), encoding="utf-8")
    return path, figures


def shapes_score() -> sl.Score:
    """The shapes corpus checked in one run, as an editor would: no claims file."""
    names = sorted(sl.labels())
    proc = subprocess.run([*factcheck_cmd(), "verify", *names, "-f", "json", "--fail-on", "never"], cwd=sl.SHAPES,
                          capture_output=True, text=True, encoding="utf-8", env=ENV, check=False)
    return sl.score(json.loads(proc.stdout))


def release_draft(folder: Path) -> tuple[Path, int]:
    """A results release of about RELEASE_WORDS words: the English drafts of the shapes
    corpus, their bodies under one front matter, to that length."""
    parts, words = ["---\ndate: 2025-02-28\n---\n\n# Results for the year\n"], 0
    for p in sorted(sl.SHAPES.glob("en-*.md")):
        body = re.sub(r"\A---\n.*?\n---\n", "", p.read_text(encoding="utf-8"), flags=re.S)
        parts.append(body)
        words += len(body.split())
        if words >= RELEASE_WORDS:
            break
    out = folder / "release.md"
    out.write_text("\n".join(parts), encoding="utf-8")
    return out, words


def ms(s: float | None) -> str:
    return "n/a" if s is None else f"{s * 1000:.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--show", action="store_true", help="list every missed label and every extra too")
    ap.add_argument("--no-timing", action="store_true", help="accuracy only")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per corpus draft (default 3)")
    ap.add_argument("--repeat-article", type=int, default=15, help="timed runs on the bundled article (default 15)")
    ap.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = ap.parse_args()

    entries, labels = cl.load()
    drafts = [cl.CORPUS / e["draft"] for e in entries]
    failures: list[str] = []
    inferred: list[cl.Inferred] = []
    errors: list[str] = []
    for draft in drafts:
        _, proc = verify(draft)
        report, err = report_of(draft, proc)
        if err:
            errors.append(err)
            continue
        inferred += cl.inferred_results(report, draft.name)

    s = cl.score(labels, inferred)
    print(f"inference on {len(drafts)} drafts, {len(labels)} labels, {len(inferred)} inferred results\n")
    print(s.table())
    all_p = len(s.matched) / len(inferred) if inferred else None
    print(f"\nall kinds: precision {'-' if all_p is None else f'{all_p:.0%}'}, recall {len(s.recalled) / len(labels):.0%}")
    for err in errors:
        print(f"error: {err}")
    print(f"\nfalse alarms: {len(s.false_alarms)}")
    for r in s.false_alarms:
        print(f"  {r.draft}:{r.line} {r.kind} {r.status}  {r.id}  {r.message}")
    if args.show:
        print(f"\nmissed labels: {len(s.missed)}")
        for lab in s.missed:
            print(f"  {lab.draft}:{lab.line} {lab.kind} {lab.status}  {lab.check} vs {lab.stated}")
        print(f"\nextras (unlabelled inferred passes): {len(s.extras)}")
        for r in s.extras:
            print(f"  {r.draft}:{r.line} {r.kind} {r.status}  {r.id}  {r.message}")

    if errors:
        failures.append(f"{len(errors)} draft(s) could not be checked")
    for kind in cl.KINDS:
        r = s.recall(kind)
        if r is None or r < RECALL:
            failures.append(f"recall of {kind} {'-' if r is None else f'{r:.0%}'} < {RECALL:.0%}")
    if s.false_alarms:
        failures.append(f"{len(s.false_alarms)} false alarm(s)")

    shapes = shapes_score()
    print(f"\nshapes corpus ({sl.SHAPES.relative_to(ROOT)}, {len(sl.labels())} drafts in our words of published shapes): "
          "recall of the required labels by kind and language")
    print(shapes.table())
    print(f"false alarms: {len(shapes.alarms)}; deliberate errors passed: {len(shapes.passed_errors)}")
    for line in shapes.alarms + shapes.passed_errors:
        print(f"  {line}")
    if args.show:
        print("missed:\n  " + "\n  ".join(shapes.missed))
    if shapes.alarms or shapes.passed_errors:
        failures.append(f"shapes corpus: {len(shapes.alarms)} false alarm(s), {len(shapes.passed_errors)} error(s) passed")

    numbers: dict = {
        "shapes": {"recall": shapes.recall(), "recall_en": shapes.recall("en"), "recall_zh": shapes.recall("zh"),
                   "false_alarms": len(shapes.alarms),
                   "per_kind": {k: {"en": shapes.recall("en", k), "zh": shapes.recall("zh", k)} for k in sl.KINDS}},
        "drafts": len(drafts), "labels": len(labels), "inferred": len(inferred),
        "false_alarms": len(s.false_alarms),
        "per_kind": {k: {"recall": s.recall(k), "precision": s.precision(k)} for k in cl.KINDS},
    }
    if not args.no_timing:
        print(f"\ntiming (median of {args.repeat} runs per draft, verify with and without inference)")
        print(f"{'draft':<28} {'infer':>8} {'no-infer':>9} {'added':>8}")
        per_draft = {}
        for draft in drafts:
            t_on, err_on = median_time(draft, args.repeat)
            t_off, err_off = median_time(draft, args.repeat, "--no-infer")
            added = None if t_on is None or t_off is None else t_on - t_off
            per_draft[draft.name] = {"infer_s": t_on, "no_infer_s": t_off, "added_s": added}
            print(f"{draft.name:<28} {ms(t_on):>8} {ms(t_off):>9} {ms(added):>8}  {err_on or err_off}")
        numbers["per_draft"] = per_draft

        a_on, err_on = median_time(ARTICLE, args.repeat_article)
        a_off, err_off = median_time(ARTICLE, args.repeat_article, "--no-infer")
        a_added = None if a_on is None or a_off is None else a_on - a_off
        print(f"\nbundled article ({ARTICLE.relative_to(ROOT)}, median of {args.repeat_article}): "
              f"{ms(a_on)} with inference, {ms(a_off)} without, added {ms(a_added)} "
              f"(target <= {ms(ARTICLE_ADDED_S)})  {err_on or err_off}")
        if a_added is None or a_added > ARTICLE_ADDED_S:
            failures.append(f"inference adds {ms(a_added)} on the bundled article (target <= {ms(ARTICLE_ADDED_S)})")

        with tempfile.TemporaryDirectory() as tmp:
            release, words = release_draft(Path(tmp))
            r_on, err_on = median_time(release, args.repeat_article)
            r_off, err_off = median_time(release, args.repeat_article, "--no-infer")
        r_added = None if r_on is None or r_off is None else r_on - r_off
        print(f"a {words:,}-word results release (the English shapes drafts as one): {ms(r_on)} with inference, "
              f"{ms(r_off)} without, added {ms(r_added)} (target <= {ms(RELEASE_ADDED_S)})  {err_on or err_off}")
        if r_added is None or r_added > RELEASE_ADDED_S:
            failures.append(f"inference adds {ms(r_added)} on a {words:,}-word release (target <= {ms(RELEASE_ADDED_S)})")
        numbers["release"] = {"words": words, "infer_s": r_on, "no_infer_s": r_off, "added_s": r_added}

        with tempfile.TemporaryDirectory() as tmp:
            big, figures = big_draft(Path(tmp))
            size = big.stat().st_size
            b_on, err_on = median_time(big, args.repeat)
            b_off, err_off = median_time(big, args.repeat, "--no-infer")
            # and one as dense as a 10-K's text (a figure every 80 bytes): what is typical
            typical, t_figures = big_draft(Path(tmp), max_figures=BIG_BYTES // 80, name="typical-draft.md")
            t_on, _ = median_time(typical, args.repeat)
            t_off, _ = median_time(typical, args.repeat, "--no-infer")
        t_added = None if t_on is None or t_off is None else t_on - t_off
        print(f"1 MB draft as dense as a 10-K ({t_figures:,} figures): {ms(t_on)} with inference, {ms(t_off)} without: "
              f"inference adds {ms(t_added)}")
        b_added = None if b_on is None or b_off is None else b_on - b_off
        print(f"1 MB draft ({size / 1e6:.2f} MB, {figures:,} figures, median of {args.repeat}): {ms(b_on)} with inference, "
              f"{ms(b_off)} without: inference adds {ms(b_added)} (target <= {BIG_S:.0f} s)  {err_on or err_off}")
        if b_added is None or b_added > BIG_S:
            failures.append(f"inference adds {ms(b_added)} on the 1 MB draft (target <= {BIG_S:.0f} s)")
        numbers.update({
            "article": {"infer_s": a_on, "no_infer_s": a_off, "added_s": a_added},
            "big": {"bytes": size, "figures": figures, "infer_s": b_on, "no_infer_s": b_off, "added_s": b_added},
            "typical": {"figures": t_figures, "infer_s": t_on, "no_infer_s": t_off, "added_s": t_added},
        })

    numbers["failures"] = failures
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    if failures:
        print("\ntargets missed:\n  " + "\n  ".join(failures))
    else:
        print("\nall targets met")
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
