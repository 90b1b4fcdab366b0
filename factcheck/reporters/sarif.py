"""SARIF 2.1.0, as GitHub code scanning reads it.

One rule a kind of finding (with help text), paths relative to the repository root,
columns counted in code points, and ``partialFingerprints`` computed from what a
finding is (a claim's file, id, check and stated value), never from its line, so an
alert keeps its identity when unrelated lines move. Suppressed results are kept, with
a SARIF ``suppressions`` entry saying by what. Passes and unchecked claims are not
results. Deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck import __version__, about
from factcheck.model import Report, Span, Suppression
from factcheck.reporters import Options
from factcheck.reporters.escape import for_json
from factcheck.reporters.findings import RULES, Finding, Rule, findings, repo_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"


@dataclass(frozen=True, slots=True)
class Related:
    """A place that explains a finding besides its own, such as the draft passage of a claim."""

    span: Span
    label: str
    end_line: int | None = None
    end_col: int | None = None


def related_locations(finding: Finding) -> list[Related]:
    """The passage of the article draft that a claim stands for (or the closest one, for a
    claim the draft no longer holds), linked from the finding's message."""
    anchor = finding.result.anchor if finding.result is not None else None
    if anchor is None or anchor.span is None:
        return []
    if anchor.found:
        label = "the passage in the draft"
    else:
        alike = f", {anchor.similarity:.0%} alike" if anchor.similarity is not None else ""
        label = f"the closest passage in the draft{alike}"
    end = anchor.end
    return [Related(anchor.span, label, end.line if end else None, end.col if end else None)]


def render(report: Report, options: Options) -> str:
    seen: Counter[str] = Counter()
    results = [result(f, seen) for f in findings(report, suppressed=True)]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        **_home(),
                        "rules": [rule(r) for r in RULES.values()],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return for_json(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _home() -> dict[str, str]:
    """The tool's home page, only when the installed metadata names one (factcheck.about):
    SARIF's ``informationUri`` is optional, and an address that leads nowhere is worse than none."""
    home = about.project_url("homepage", "home", "repository", "source")
    return {"informationUri": home} if home else {}


def rule(r: Rule) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.short},
        "fullDescription": {"text": r.help},
        "help": {"text": r.help, "markdown": r.help},
        "defaultConfiguration": {"level": r.level},
        "properties": {"tags": ["factcheck"], "precision": "very-high", "problem.severity": _severity(r.level)},
    }


def _severity(level: str) -> str:
    return {"error": "error", "warning": "warning"}.get(level, "recommendation")


def result(f: Finding, seen: Counter[str]) -> dict[str, Any]:
    text = f"{f.result.claim.id}: {f.message}" if f.result else f"{f.message} [{f.code}]"
    related = related_locations(f)
    for i, rel in enumerate(related, 1):
        text += f"\n{rel.label}: [see here]({i})"
    out: dict[str, Any] = {
        "ruleId": f.rule.id,
        "ruleIndex": list(RULES).index(f.rule.id),
        "level": f.level,
        "message": {"text": text},
        "locations": [location(f.span)],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(f, seen)},
    }
    if related:
        out["relatedLocations"] = [
            {**location(rel.span, rel.end_line, rel.end_col), "id": i, "message": {"text": rel.label}}
            for i, rel in enumerate(related, 1)
        ]
    if f.result is not None:
        r = f.result
        out["properties"] = {
            "claim": r.claim.id,
            "status": r.status.value,
            "hints": [h.code for h in r.hints],
            "tags": list(r.claim.tags),
        }
        if r.suppressed is not None:
            out["suppressions"] = [suppression(r.suppressed)]
    return out


def location(span: Span, end_line: int | None = None, end_col: int | None = None) -> dict[str, Any]:
    path = repo_path(span.path)
    if os.path.isabs(path):  # outside the repository: an absolute file URI, no base
        artifact: dict[str, Any] = {"uri": Path(path).as_uri()}
    else:
        artifact = {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}
    region: dict[str, Any] = {"startLine": span.line, "startColumn": span.col}
    if end_line is not None:
        region["endLine"] = end_line
    if end_col is not None:
        region["endColumn"] = end_col
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def suppression(s: Suppression) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": "inSource" if s.kind == "ignore" else "external",
        "status": "accepted",
        "justification": s.reason,
    }
    if s.span is not None:
        out["location"] = location(s.span)
    if s.until:
        out["properties"] = {"until": s.until}
    return out


def _fingerprint(f: Finding, seen: Counter[str]) -> str:
    """Stable across runs; a second finding with the same identity gets an occurrence count."""
    path = repo_path(f.span.path)
    if f.result is not None:
        # lazy: baseline only for fingerprints
        from factcheck.baseline import fingerprint

        base = fingerprint(path, f.result.claim)
    else:
        # Problems and notices have no claim: their code and message identify them, with
        # numbers left out, since messages may name a line ("first at line 12").
        key = json.dumps([path, f.code, re.sub(r"\d+", "#", f.message)], ensure_ascii=False)
        base = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}:{seen[base]}"
