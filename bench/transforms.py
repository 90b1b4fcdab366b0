"""The format transforms measured against a published conformance suite.

    python bench/transforms.py SUITE.xml [--verbose]

SUITE.xml is a test file in XBRL International's transformation test format (the
``http://xbrl.org/2011/conformance-rendering/transforms`` namespace: ``<transform
name="ixt-sec:numwordsen">`` holding ``<variation input=… output=… result="valid"|
"invalid">``), as the Transformation Registry conformance suites and the SEC's ixt-sec
suite (``transform/conf/tests.xml`` of Arelle's EDGAR plugin) publish them. The suites
are not copied into this repository (they are not ours to redistribute); this script
reads one where it is and prints, per format and in all: the cases that give the
suite's value, the valid inputs refused, the invalid ones accepted, and the wrong
values (which must be none). A format the reader does not know counts its cases as
unknown.
"""

from __future__ import annotations

import argparse
import sys
from fractions import Fraction
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
NS = "{http://xbrl.org/2011/conformance-rendering/transforms}"


def run(path: Path, verbose: bool) -> dict[str, int]:
    sys.path.insert(0, str(ROOT))
    from factcheck.filing.transforms import NAMESPACES, NUMERIC, TEXT

    tree = ElementTree.parse(path)  # a published suite: trusted as the standard library reads it
    root = tree.getroot()
    prefixes = {uri: NAMESPACES.get(uri) for uri in NAMESPACES}
    totals = {"cases": 0, "pass": 0, "refused_valid": 0, "accepted_invalid": 0, "wrong": 0, "unknown": 0}
    print("| format | cases | pass | valid refused | invalid accepted | wrong value |")
    print("|---|---|---|---|---|---|")
    for transform in root.iter(f"{NS}transform"):
        name = transform.get("name", "")
        prefix, _, local = name.partition(":")
        fmt = f"{prefix if prefix in ('ixt', 'ixt-sec') else 'ixt'}:{local}"
        rule = NUMERIC.get(fmt) or TEXT.get(fmt)
        row = {"cases": 0, "pass": 0, "refused_valid": 0, "accepted_invalid": 0, "wrong": 0, "unknown": 0}
        for v in transform.iter(f"{NS}variation"):
            row["cases"] += 1
            text, want, valid = v.get("input", ""), v.get("output", ""), v.get("result") == "valid"
            if rule is None:
                row["unknown"] += 1
                continue
            try:
                got = rule(text)
            except ValueError:
                row["pass" if not valid else "refused_valid"] += 1
                if valid and verbose:
                    print(f"  refused {name} {text!r} (suite: {want!r})")
                continue
            if not valid:
                row["accepted_invalid"] += 1
                if verbose:
                    print(f"  accepted {name} {text!r} as {got!r}")
                continue
            same = (Fraction(want) == got) if isinstance(got, Fraction) else (str(got) == want)
            row["pass" if same else "wrong"] += 1
            if not same and verbose:
                print(f"  WRONG {name} {text!r}: {got!r}, suite {want!r}")
        for k in totals:
            totals[k] += row[k]
        print(f"| `{name}` | {row['cases']} | {row['pass']} | {row['refused_valid']} | {row['accepted_invalid']} | "
              f"{row['wrong']}{' (format unknown)' if rule is None else ''} |")
    print(f"\n{totals['cases']} cases: {totals['pass']} give the suite's answer, {totals['refused_valid']} valid refused, "
          f"{totals['accepted_invalid']} invalid accepted, {totals['wrong']} wrong values, {totals['unknown']} in formats not known")
    del prefixes
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suite", type=Path)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    totals = run(args.suite, args.verbose)
    return 1 if totals["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
