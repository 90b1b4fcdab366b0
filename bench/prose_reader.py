"""The number reader against its labelled phrases: precision and recall.

    python bench/prose_reader.py [--show] [PHRASES.yaml]

A figure read counts as right when its text, kind, value, unit and precision are all
those of a labelled figure; precision is right / read, recall is right / labelled.
The phrases (tests/data/prose_phrases.yaml) were written for the tests, English and
Chinese, each with the figures an editor would check in it. ``--show`` lists every
phrase the reader gets wrong.
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "tests" / "data" / "prose_phrases.yaml"
#: written after the reader and scored before any fix: first run 96.3% / 96.3% (52 of 54)
HELDOUT = ROOT / "tests" / "data" / "prose_heldout.yaml"

Figure = tuple[str, str, str, str, str]  # text, kind, value, unit, precision


def load(path: Path = PHRASES) -> list[tuple[int, str, list[Figure]]]:
    """(line, phrase, labelled figures), each figure normalised for comparison."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # dates and numbers stay as written: the labels are compared as text
    Loader.yaml_implicit_resolvers = {
        k: [r for r in v if r[0] == "tag:yaml.org,2002:null"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    nodes = yaml.compose(path.read_text(encoding="utf-8"), Loader=Loader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    out = []
    for node, item in zip(nodes.value, data):
        figures = [_label(*f) for f in item["figures"]]
        out.append((node.start_mark.line + 1, item["text"], figures))
    return out


def _number(text: str) -> str:
    """A canonical exact form of a decimal or fraction: '380e9' -> '380000000000'."""
    f = Fraction(text)
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def _label(text: str, kind: str, value: str, unit: str, precision: str) -> Figure:
    if kind == "range":
        lo, hi = value.split("..")
        value = f"{_number(lo)}..{_number(hi)}"
    elif kind != "date":
        value = _number(value)
    return (text, kind, value, "" if unit == "-" else unit, _number(precision))


def figures_read(text: str) -> list[Figure]:
    """What the reader makes of a phrase, in the labels' terms."""
    from factcheck.prose import precision, read

    out = []
    for m in read(text):
        unit = m.unit_text.replace("%", "percent")
        if m.kind == "date":
            y, mo, d = m.when  # type: ignore[misc]
            value = (f"{y:04d}" if y else "-") + f"-{mo:02d}" + (f"-{d:02d}" if d else "")
        elif m.kind == "range":
            lo, hi = m.ends  # type: ignore[misc]
            value = f"{_number(str(lo.value.point))}..{_number(str(hi.value.point))}"  # type: ignore[union-attr]
        else:
            value = _number(str(m.value.point))  # type: ignore[union-attr]
        out.append((m.text, m.kind, value, unit, _number(str(precision(m)))))
    return out


def score(phrases: list[tuple[int, str, list[Figure]]]) -> dict[str, object]:
    right = read_n = labelled = 0
    wrong = []
    start = time.perf_counter()
    for line, text, expected in phrases:
        got = figures_read(text)
        hits = sum(1 for g in got if g in expected)
        right += hits
        read_n += len(got)
        labelled += len(expected)
        if got != expected:
            wrong.append((line, text, expected, got))
    seconds = time.perf_counter() - start
    return {
        "phrases": len(phrases),
        "labelled": labelled,
        "read": read_n,
        "right": right,
        "precision": right / read_n if read_n else 1.0,
        "recall": right / labelled if labelled else 1.0,
        "wrong": wrong,
        "seconds": seconds,
    }


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    show = "--show" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [PHRASES, HELDOUT]
    for path in paths:
        result = score(load(path))
        print(
            f"{path.name}: {result['phrases']} phrases, {result['labelled']} labelled figures, "
            f"{result['read']} read, {result['right']} right: precision {result['precision']:.1%}, "
            f"recall {result['recall']:.1%} ({result['seconds'] * 1000:.0f} ms)"
        )
        if show:
            for line, text, expected, got in result["wrong"]:  # type: ignore[attr-defined]
                print(f"{path.name}:{line}: {text!r}\n    labelled {expected}\n    read     {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
