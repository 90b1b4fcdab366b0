"""The JSON report, schema version 1: deterministic, snake_case, 1-based positions.

Its JSON Schema is ``factcheck.schema.REPORT_SCHEMA`` (``factcheck schema --report``).
Only additive changes are allowed within a schema version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from factcheck import __version__
from factcheck.model import Anchor, DraftReport, Report, Result, Shown, Suppression, TraceSummary
from factcheck.reporters import Options, coverage, listed
from factcheck.reporters.escape import for_json

SCHEMA_VERSION = 1


def as_dict(report: Report, options: Options, results: bool = True) -> dict[str, Any]:
    counts = report.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {
            "total": len(report.results),
            **counts,
            "problems": len(report.problems),
            "suppressed": report.suppressed_count(),
            "coverage": coverage(report),
        },
        "exit_code": report.exit_code(options.fail_on),
        "files": [
            {
                "path": f.document.path,
                "article": dict(f.document.article),
                "problems": [
                    {"line": p.span.line, "column": p.span.col, "code": p.code, "message": p.message,
                     # a problem of an included facts file names that file
                     **({"file": p.span.path} if p.span.path != f.document.path else {})}
                    for p in f.document.problems
                ],
                "draft": _draft(f.draft),
                **({"trace": _trace(f.trace)} if f.trace is not None else {}),
            }
            for f in report.files
        ],
        "results": [result_dict(r) for r in report.results] if results else [],
        "notices": [
            {"file": n.span.path, "line": n.span.line, "column": n.span.col, "code": n.code, "message": n.message}
            for n in report.notices
        ],
    }


def result_dict(r: Result) -> dict[str, Any]:
    c = r.claim
    out = _result_dict(r)
    if c.inferred is not None:  # additive: written claims have no such key
        out["inferred"] = {"kind": c.inferred.kind, "rule": c.inferred.rule, "figures": list(c.inferred.figures)}
    if c.traced is not None:  # additive: only a figure traced to a filing (verify --filing)
        t = c.traced
        out["contradicted" if t.status == "contradicted" else "traced"] = {
            "concept": t.concept, "key": t.key, "words": t.words, "period": t.period, "dimensions": dict(t.dimensions),
            "value": t.value, "decimals": t.decimals, "filing": t.filing, "line": t.line, "figure": t.figure,
            "by_value": t.status == "value",
        }
    return out


def _result_dict(r: Result) -> dict[str, Any]:
    c = r.claim
    return {
        "id": c.id,
        "file": c.span.path,
        "line": c.span.line,
        "column": c.span.col,
        "status": r.status.value,
        "basis": r.basis.value if r.basis else None,
        "severity": c.severity,
        "says": c.says,
        "check": c.check.text if c.check else None,
        "compare": c.compare.value,
        "computed": _shown(r.computed),
        "stated": _shown(r.stated),
        "difference": None if r.difference is None else r.difference._asdict(),
        "message": r.message,
        "at": {"path": r.where.path, "line": r.where.line, "column": r.where.col},
        "hints": [{"code": h.code, "message": h.message} for h in r.hints],
        "source": c.source,
        "tags": list(c.tags),
        "note": c.note,
        "suppressed": _suppression(r.suppressed),
        "draft": _anchor(r.anchor),
        **({"provenance": _provenance(r)} if r.provenance else {}),
    }


def _provenance(r: Result) -> dict[str, Any]:
    """The facts read from filings the claim uses, each with the filing's fact."""
    return {
        "facts": [
            {
                "fact": name,
                "filing": o.filing,
                "concept": o.concept,
                "period": o.period,
                "dimensions": dict(o.dimensions),
                "decimals": o.decimals,
                "value": o.written,
                "line": o.line,
            }
            for name, o in r.provenance
        ]
    }


def _anchor(a: Anchor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "found": a.found,
        "path": a.span.path if a.span else None,
        "line": a.span.line if a.span else None,
        "column": a.span.col if a.span else None,
        "end_line": a.end.line if a.end else None,
        "end_column": a.end.col if a.end else None,
        "passage": a.passage,
        "similarity": a.similarity,
        "matched": list(a.matched),
        "mismatches": [
            {"line": m.span.line, "column": m.span.col, "draft": m.draft_text, "claims": m.claims_text, "figure": m.label}
            for m in a.mismatches
        ],
    }


def _draft(d: DraftReport | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "path": d.path,
        "claims": d.claims,
        "located": d.located,
        "figures": d.figures,
        "covered": d.covered,
        "ignored": d.ignored,
        "share": round(d.share, 4),
        "required": d.required,
        "uncovered": [{"line": u.span.line, "column": u.span.col, "text": u.text, "kind": u.kind,
                       "suppressed": u.suppressed is not None} for u in listed(d.uncovered)[0]],
        "uncovered_not_listed": listed(d.uncovered)[1],
    }


def _trace(t: TraceSummary) -> dict[str, Any]:
    return {
        "filings": list(t.filings),
        "figures": t.figures,
        "traced": t.traced,
        "contradicted": t.contradicted,
        "by_value": t.by_value,
        "untraced": len(t.untraced),
        "untraced_figures": [{"line": u.span.line, "column": u.span.col, "text": u.text, "why": u.why, "key": u.key}
                             for u in t.untraced],
    }


def _suppression(s: Suppression | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"kind": s.kind, "reason": s.reason, "until": s.until}


def _shown(s: Shown | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"value": s.value, "low": s.low, "high": s.high, "unit": s.unit, "text": s.text}


_RESULTS = "\u0000results\u0000"


def stream(report: Report, options: Options) -> Iterator[str]:
    """The report in pieces, one result a line, so that 100,000 results are never one
    string (nor one list of dicts) in memory. The frame is indented JSON; each result
    is compact JSON on its own line (json's C encoder, several times faster than the
    indenting one; one line a claim also diffs well)."""
    frame = as_dict(report, options, results=False)
    frame["results"] = _RESULTS
    head, _, tail = json.dumps(frame, ensure_ascii=False, indent=2).partition(json.dumps(_RESULTS))
    yield for_json(head)
    results = report.results
    if not results:
        yield "[]"
    else:
        encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
        last = len(results) - 1
        yield "[\n"
        for i, r in enumerate(results):
            yield "    " + for_json(encode(result_dict(r))) + (",\n" if i < last else "\n")
        yield "  ]"
    yield for_json(tail) + "\n"


def render(report: Report, options: Options) -> str:
    return "".join(stream(report, options))
