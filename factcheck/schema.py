"""JSON Schemas: the claims file (the one definition of its keys) and the JSON report.

``factcheck schema`` prints the first, ``factcheck schema --report`` the second. Both
are draft-07, the dialect that editors' YAML language servers read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from factcheck.model import COMPARE_ALIASES
from factcheck.quantity.words import CURRENCIES

#: the reference for editors: pages of the docs/ folder of factcheck's source, named, not
#: linked (an address is written only where it leads somewhere: factcheck.about)
DOCS = "docs/"

#: the schemas' identifiers: names, not addresses (nothing serves a schema; `factcheck
#: schema` prints it, and `factcheck init` writes it beside the claims file)
SCHEMA_ID = "urn:factcheck:schema:claims:1"
REPORT_SCHEMA_ID = "urn:factcheck:schema:report:1"
#: the file `factcheck init` writes beside the claims file, and its modeline names
SCHEMA_FILE = "claims.schema.json"
MODELINE = "# yaml-language-server: $schema="


def modeline(target: str = SCHEMA_FILE) -> str:
    """The first line of a claims file that tells the YAML language server (VS Code's YAML
    extension, and the editors that use it) where its schema is: a path relative to the
    claims file (``claims.schema.json`` beside it, by default), or a URL. It outranks the
    editor's ``yaml.schemas`` setting."""
    return MODELINE + target


def schema_target(schema: str, claims_path: str) -> str:
    """What ``init --schema`` writes in the modeline: a URL as it is, a local file as a
    path relative to the claims file (the language server reads it so)."""
    if "://" in schema:
        return schema
    folder = os.path.dirname(os.path.abspath(claims_path))
    return Path(os.path.relpath(os.path.abspath(schema), folder)).as_posix()

_EXPRESSION = {
    "type": ["string", "number"],
    "description": "An expression of the claims language: numbers as written (their digits give their precision), "
    "magnitude words (billion, bn, 亿), units (CNY, USD, %, pp, years, days, counts such as orders), facts, "
    "+ - * / ** and the functions of `factcheck functions`.",
}


def _expr(description: str, *examples: Any) -> dict[str, Any]:
    return {**_EXPRESSION, "description": description, "examples": list(examples)}


def _text(description: str, *examples: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, "examples": list(examples)}


_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

FACT_LONG: dict[str, Any] = {
    "type": "object",
    "description": "A fact with its source: a value and where it comes from, or a figure read from a company's "
    "filing (XBRL or Inline XBRL): its `filing` and `concept`, with `period` and `dimensions` to choose among its "
    "facts; a `value` written beside them is checked against the filing.",
    "examples": [
        {"value": "380 billion CNY", "source": "Alibaba Group announcement, 2025-02-24"},
        {"filing": "filings/aapl-20230930.xbrl.xml", "concept": "us-gaap:NetIncomeLoss",
         "period": "2022-09-25/2023-09-30"},
    ],
    "anyOf": [{"required": ["value"]}, {"required": ["filing", "concept"]}],
    "additionalProperties": False,
    "properties": {
        "value": _expr("The value: a quantity, a plain number, a date or an expression over other facts.",
                       "157.479 billion CNY/year", 2015, "2005-05-10"),
        "source": _text("Where the figure comes from.", "Alibaba FY2024 results (non-GAAP net income)"),
        "as_of": {**_DATE, "description": "The date the figure refers to (a filing's fact: its period's end); "
                  "settings.max_age compares it with article.published.", "examples": ["2024-03-31"]},
        "note": _text("Free text shown in the report.", "non-GAAP; GAAP net income was 71.332 bn CNY"),
        "exact": {"type": "boolean", "description": "true: the value has no rounding interval (a definition, not a "
                  "measured figure).", "examples": [True]},
        "filing": _text("An XBRL instance or Inline XBRL document the figure is read from, relative to the claims "
                        "file and inside its repository (see `factcheck facts FILING`).",
                        "filings/aapl-20230930.xbrl.xml"),
        "concept": _text("The concept of the filing's fact, with its prefix.", "us-gaap:NetIncomeLoss"),
        "period": {"type": "string",
                   "pattern": r"^\s*(\d{4}-\d{2}-\d{2}\s*(/\s*\d{4}-\d{2}-\d{2}\s*)?|year-to-date\s*)$",
                   "description": "The fact's period in the filing: START/END for a duration, a date for an instant; "
                   "left out: the filing's own period (a 10-Q's quarter; `year-to-date` for its year to date).",
                   "examples": ["2022-09-25/2023-09-30", "2021-09-26/2022-09-24"]},
        "dimensions": {"type": "object", "description": "The fact's dimensions in the filing, axis: member; left "
                       "out: the fact without dimensions (the total).",
                       "additionalProperties": {"type": "string", "description": "The member of the axis.",
                                                "examples": ["us-gaap:ServiceMember"]},
                       "examples": [{"srt:ProductOrServiceAxis": "us-gaap:ServiceMember"}]},
        "decimals": {"anyOf": [{"type": "integer"}, {"const": "INF"}],
                     "description": "The fact's decimals in the filing (-6: to the million; INF: exact), choosing "
                     "among facts the filing gives at several precisions; `factcheck facts --yaml` writes it.",
                     "examples": [-6]},
        "unit": _text("The fact's unit in the filing (USD, USD/share, shares), choosing among facts the filing gives "
                      "in several units.", "USD"),
    },
}

CLAIM: dict[str, Any] = {
    "type": "object",
    "description": "One thing the article says: its words, and either a check or a source.",
    "examples": [{"id": "capex-vs-profit", "says": "the plan equals about two and a half years of net profit",
                  "check": "capex_plan / net_profit_fy2024", "stated": "2.5 years", "tolerance": "5%"}],
    "required": ["id"],
    "additionalProperties": False,
    "anyOf": [{"required": ["check", "stated"]}, {"required": ["source"]}],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*$",
               "description": "Unique in the file: lower case letters, digits and . _ -",
               "examples": ["capex-vs-profit"]},
        "says": _text("The article's own words for this claim; used to find it in the draft.",
                      "the plan equals about two and a half years of net profit"),
        "check": _expr(f"What the figures give: an expression ({DOCS}expressions.md of factcheck's source).", "capex_plan / net_profit_fy2024",
                       "growth(129.073 bn CNY, 136.09 bn CNY)"),
        "stated": _expr("What the article says the result is.", "2.5 years", "5%", 21),
        "compare": {"type": "string", "enum": list(COMPARE_ALIASES),
                    "description": "How check and stated compare: ≈ (default; also approx, ~) allows for rounding and "
                    "tolerance; = (also exact) is exact; <, <= (also ≤), >, >= (also ≥) "
                    f"({DOCS}verdicts.md of factcheck's source).", "examples": ["=", ">="]},
        "tolerance": _expr("Extra tolerance for ≈: relative (5%) or absolute (0.1 years). Overrides "
                           "settings.tolerance.", "5%", "0.1 years"),
        "severity": {"type": "string", "enum": ["error", "warning"],
                     "description": "warning: a failing claim is reported as warn, not fail.", "examples": ["warning"]},
        "source": _text("Where the figure comes from. A claim with a source and no check is reported as unchecked.",
                        "company statement, May 2025"),
        "tags": {"type": "array", "items": {"type": "string"}, "description": "Words for --only.",
                 "examples": [["market-share", "results"]]},
        "note": _text("Free text shown in the report.", "GAAP basis: see net_profit_gaap_fy2024"),
        "ignore": {
            "type": "object",
            "description": "Keep this claim's finding from failing the run, with a reason; after `until` it counts "
            "again. An ignore on a claim that passes is reported as unused.",
            "examples": [{"reason": "the company restated this figure; correction pending", "until": "2025-12-31"}],
            "required": ["reason"],
            "additionalProperties": False,
            "properties": {
                "reason": {"type": "string", "minLength": 1, "description": "Why the finding is accepted for now.",
                           "examples": ["the company restated this figure; correction pending"]},
                "until": {**_DATE, "description": "The last day the ignore holds (inclusive).",
                          "examples": ["2025-12-31"]},
            },
        },
    },
}

CLAIMS_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": SCHEMA_ID,
    "$comment": f"Every key, with examples: {DOCS}claims-format.md; expressions and units: {DOCS}expressions.md "
    "(in factcheck's source). Written by `factcheck schema`.",
    "title": "factcheck claims file, version 1",
    "description": "The figures of one article and what the article says about them. "
    f"See {DOCS}claims-format.md of factcheck's source, and `factcheck functions`.",
    "type": "object",
    "required": ["version", "claims"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1, "description": "The format version: 1.", "examples": [1]},
        "include": {
            "type": "array",
            "description": "Facts files whose facts this file uses: each relative to the claims file and inside its "
            "repository, holding only `version` and `facts`. A fact name defined twice is an error.",
            "items": {"type": "string", "minLength": 1},
            "examples": [["facts/apple.yaml"]],
        },
        "article": {
            "type": "object",
            "description": "The article these claims belong to.",
            "examples": [{"title": "What drives Alibaba's push in e-commerce?", "published": "2025-05-13"}],
            "additionalProperties": False,
            "properties": {
                "title": _text("The headline.", "What drives Alibaba's push in e-commerce?"),
                "outlet": _text("Where it is published.", "Xinpinlue Finance"),
                "author": _text("Who wrote it.", "Wu Wenwu"),
                "published": {**_DATE, "description": "Publication date.", "examples": ["2025-05-13"]},
                "url": _text("Where it can be read.", "https://example.com/article"),
                "draft": _text("The article text, relative to the claims file.", "examples/alibaba-2025/draft.md"),
            },
        },
        "settings": {
            "type": "object",
            "description": "Defaults for every claim of the file.",
            "examples": [{"tolerance": "0%", "rounding_only": "warn", "rates": {"USD": "7.2 CNY"}}],
            "additionalProperties": False,
            "properties": {
                "tolerance": _expr("Default extra tolerance for ≈ comparisons.", "0%", "1%"),
                "rounding_only": {"type": "string", "enum": ["warn", "pass", "fail"],
                                  "description": "The status of a claim that holds only with the inputs' rounding.",
                                  "examples": ["warn"]},
                "infer": {"type": "boolean",
                          "description": "Also check the relations the draft itself states (its growth rates, "
                                         "shares, sums, totals…) that no claim of the file covers; "
                                         "`verify --infer` / `--no-infer` overrides it.",
                          "examples": [True]},
                "max_age": {"type": "string",
                            "pattern": r"^\s*[0-9]+\s*(day|days|week|weeks|month|months|year|years)\s*$",
                            "description": "How old a fact may be, from its `as_of` (a filing's fact: its period's end) "
                            "to article.published: a claim using an older fact is a warn.",
                            "examples": ["18 months", "400 days"]},
                "rates": {
                    "type": "object",
                    "description": "Exchange rates: 1 USD = 7.2 CNY. Without a rate, currencies do not mix.",
                    "examples": [{"USD": "7.2 CNY"}],
                    "propertyNames": {"pattern": "^[A-Z]{3}$", "examples": list(CURRENCIES)},
                    "additionalProperties": _expr("A positive amount of another currency.", "7.2 CNY"),
                },
            },
        },
        "facts": {
            "type": "object",
            "description": "Named values: `name: value`, or a mapping with value and source, or with the filing "
            "and concept the value is read from.",
            "examples": [{"capex_plan": {"value": "380 billion CNY", "source": "announcement, 2025-02-24"},
                          "pdd_founded": 2015}],
            "propertyNames": {"pattern": r"^[a-z_][a-z0-9_]*$"},
            "additionalProperties": {
                "description": "A fact: its value (a quantity, a number, a date or an expression over other facts), "
                "or a mapping with the value and its source.",
                "examples": ["157.479 billion CNY/year", {"value": 2015, "source": "PDD Holdings prospectus"}],
                "anyOf": [_expr("A value: quantity, number, date or expression.", "380 billion CNY", 2015), FACT_LONG],
            },
        },
        "claims": {"type": "array", "description": "The claims to check.", "items": CLAIM,
                   "examples": [[CLAIM["examples"][0]]]},
        "ignore_figures": {
            "type": "array",
            "description": "Passages of the draft whose figures need no claim (a dateline, a page number), "
            "found in the draft as `says` is; their figures count as ignored, not uncovered.",
            "items": {"type": "string", "minLength": 1},
            "examples": [["Xinpinlue Finance, 13 May 2025"]],
        },
    },
}

_NUM = {"type": ["number", "null"]}
_SHOWN = {
    "type": ["object", "null"],
    "required": ["value", "low", "high", "unit", "text"],
    "additionalProperties": False,
    "properties": {
        "value": _NUM,
        "low": _NUM,
        "high": _NUM,
        "unit": {"type": ["string", "null"]},
        "text": {"type": "string"},
    },
}
_STATUS = {"enum": ["pass", "warn", "fail", "error", "unchecked"]}
_POS = {"type": ["integer", "null"], "minimum": 1}


def _placed(**properties: Any) -> dict[str, Any]:
    """An object at a line and column of a file, with these properties too."""
    return {
        "type": "object",
        "required": ["line", "column", *properties],
        "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}, **properties},
    }

_COVERAGE = {
    "type": ["object", "null"],
    "description": "The draft: claims located and figures covered; null when no claims file has a draft.",
    "required": ["claims", "located", "figures", "covered", "ignored", "uncovered", "share"],
    "properties": {
        **{k: {"type": "integer", "minimum": 0} for k in ("claims", "located", "figures", "covered", "ignored", "uncovered")},
        "share": {"type": "number", "minimum": 0, "maximum": 1},
    },
}
_FILE_DRAFT = {
    "type": ["object", "null"],
    "description": "The file's draft: claims located, figures covered, and each uncovered figure.",
    "required": ["path", "claims", "located", "figures", "covered", "ignored", "share", "required", "uncovered"],
    "properties": {
        "path": {"type": "string"},
        **{k: {"type": "integer", "minimum": 0} for k in ("claims", "located", "figures", "covered", "ignored")},
        "share": {"type": "number", "minimum": 0, "maximum": 1},
        "required": {"type": "boolean"},
        "uncovered": {
            "type": "array",
            "description": "The uncovered figures, the first 1,000 of them.",
            "items": _placed(
                text={"type": "string"},
                kind={"enum": ["number", "range", "ordinal", "date", "year"]},
                suppressed={"type": "boolean", "description": "A baseline entry accepts it: it fails no run."},
            ),
        },
        "uncovered_not_listed": {"type": "integer", "minimum": 0, "description": "Uncovered figures past the first 1,000."},
    },
}
_RESULT_DRAFT = {
    "type": ["object", "null"],
    "description": "Where the claim's `says` stands in the draft (or, when not found, the closest passage).",
    "required": ["found", "path", "line", "column", "end_line", "end_column", "passage", "similarity", "matched", "mismatches"],
    "properties": {
        "found": {"type": "boolean"},
        "path": {"type": ["string", "null"]},
        "line": _POS,
        "column": _POS,
        "end_line": _POS,
        "end_column": _POS,
        "passage": {"type": ["string", "null"]},
        "similarity": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "matched": {"type": "array", "items": {"type": "string"}},
        "mismatches": {
            "type": "array",
            "items": _placed(draft={"type": "string"}, claims={"type": "string"}, figure={"type": "string"}),
        },
    },
}

_PROVENANCE = {
    "type": "object",
    "description": "Where the claim's inputs come from: the facts read from filings it uses (through other facts "
    "too), in the order of the claims file. Present only when it uses one.",
    "required": ["facts"],
    "properties": {
        "facts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["fact", "filing", "concept", "period", "dimensions", "decimals"],
                "properties": {
                    "fact": {"type": "string", "description": "The fact's name in the claims file."},
                    "filing": {"type": "string", "description": "The filing, as a path."},
                    "concept": {"type": "string", "examples": ["us-gaap:NetIncomeLoss"]},
                    "period": {"type": "string", "description": "START/END, a date (an instant) or forever.",
                               "examples": ["2022-09-25/2023-09-30"]},
                    "dimensions": {"type": "object", "additionalProperties": {"type": "string"}},
                    "decimals": {"type": ["integer", "string", "null"],
                                 "description": "The filing's decimals: -6 is give or take half a million; INF exact.",
                                 "examples": [-6, "INF"]},
                    "value": {"type": "string", "description": "The figure as the claims language writes it.",
                              "examples": ["96,995 million USD"]},
                    "line": {"type": "integer", "minimum": 1, "description": "The fact's line in the filing."},
                },
            },
        },
    },
}

#: a figure of the draft traced to a filing's fact, or contradicting it (``verify --filing``)
_TRACED: dict[str, Any] = {
    "description": "Only on a figure of the draft traced to a filing (`verify --filing`): `traced` when a fact of "
    "the concept and period its words name lies in the figure's interval (or, with `by_value`, when one fact alone "
    "has its value), `contradicted` when every such fact lies outside it (the result fails).",
    "type": "object",
    "required": ["concept", "period", "value", "decimals", "filing", "line", "figure"],
    "properties": {
        "concept": {"type": "string"},
        "key": {"type": "string", "description": "The concept in the words table (revenue, eps_diluted); empty "
                "when traced by value."},
        "words": {"type": "string", "description": "The draft's words that named the concept."},
        "period": {"type": "string"},
        "dimensions": {"type": "object", "additionalProperties": {"type": "string"}},
        "value": {"type": "string", "description": "The fact's value as the claims language writes it."},
        "decimals": {"type": ["integer", "string", "null"]},
        "filing": {"type": "string"},
        "line": {"type": "integer", "minimum": 0},
        "figure": {"type": "string"},
        "by_value": {"type": "boolean"},
    },
}
#: what the filings say of a draft's figures
_FILE_TRACE: dict[str, Any] = {
    "description": "Set when the draft's figures were traced to filings (`verify --filing`).",
    "type": "object",
    "required": ["filings", "figures", "traced", "contradicted", "untraced", "untraced_figures"],
    "properties": {
        "filings": {"type": "array", "items": {"type": "string"}},
        **{k: {"type": "integer", "minimum": 0} for k in ("figures", "traced", "contradicted", "by_value", "untraced")},
        "untraced_figures": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["line", "column", "text", "why"],
                "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
                               "text": {"type": "string"}, "why": {"type": "string"}, "key": {"type": "string"}},
            },
        },
    },
}

REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": REPORT_SCHEMA_ID,
    "$comment": f"Every field: {DOCS}json-report.md of factcheck's source. Written by `factcheck schema --report`.",
    "title": "factcheck JSON report, schema version 1",
    "description": "Only additive changes within a schema version: readers must ignore keys they do not know.",
    "type": "object",
    "required": ["schema_version", "tool", "summary", "exit_code", "files", "results"],
    "properties": {
        "schema_version": {"const": 1},
        "tool": {
            "type": "object",
            "required": ["name", "version"],
            "properties": {"name": {"const": "factcheck"}, "version": {"type": "string"}},
        },
        "summary": {
            "type": "object",
            "required": ["total", "pass", "warn", "fail", "error", "unchecked"],
            "properties": {
                k: {"type": "integer", "minimum": 0}
                for k in ("total", "pass", "warn", "fail", "error", "unchecked", "problems", "suppressed")
            } | {"coverage": _COVERAGE},
        },
        "exit_code": {"enum": [0, 1]},
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["path", "article", "problems"],
                "properties": {
                    "draft": _FILE_DRAFT,
                    "trace": _FILE_TRACE,
                    "path": {"type": "string"},
                    "article": {"type": "object", "additionalProperties": {"type": "string"}},
                    "problems": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["line", "column", "code", "message"],
                            "properties": {
                                "line": {"type": "integer", "minimum": 1},
                                "column": {"type": "integer", "minimum": 1},
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "file": {"type": "string", "description": "Set when the problem is in another "
                                         "file than the claims file: a facts file it includes."},
                            },
                        },
                    },
                },
            },
        },
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id", "file", "line", "column", "status", "basis", "severity", "says", "check", "compare",
                    "computed", "stated", "difference", "message", "hints", "source", "tags",
                ],
                "properties": {
                    "id": {"type": "string"},
                    "file": {"type": "string"},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1},
                    "status": _STATUS,
                    "basis": {"enum": ["exact", "precision", "tolerance", "bound", "rounding", None]},
                    "severity": {"enum": ["error", "warning"]},
                    "says": {"type": ["string", "null"]},
                    "check": {"type": ["string", "null"]},
                    "compare": {"enum": ["≈", "=", "<", "<=", ">", ">="]},
                    "computed": _SHOWN,
                    "stated": _SHOWN,
                    "difference": {
                        "type": ["object", "null"],
                        "required": ["absolute", "relative"],
                        "properties": {"absolute": _NUM, "relative": _NUM},
                    },
                    "message": {"type": "string"},
                    "at": {
                        "type": "object",
                        "required": ["line", "column"],
                        "properties": {"path": {"type": "string"}, "line": {"type": "integer", "minimum": 1},
                                       "column": {"type": "integer", "minimum": 1}},
                    },
                    "hints": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                        },
                    },
                    "source": {"type": ["string", "null"]},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "note": {"type": ["string", "null"]},
                    "draft": _RESULT_DRAFT,
                    "inferred": {
                        "description": "Only on a claim inferred from the draft's own wording (`factcheck rules`): "
                        "its kind, the rule that read it and the draft's figures it uses, as written. Its `file`, "
                        "`line` and `column` are the stated figure's place in the draft.",
                        "type": "object",
                        "required": ["kind", "rule", "figures"],
                        "additionalProperties": False,
                        "properties": {
                            "kind": {"enum": ["growth", "change", "share", "sum", "total", "ratio", "cagr",
                                              "elapsed", "difference", "traced"]},
                            "rule": {"type": "string"},
                            "figures": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                    "provenance": _PROVENANCE,
                    "traced": _TRACED,
                    "contradicted": _TRACED,
                    "suppressed": {
                        "description": "Set when the claim's `ignore` or a baseline entry keeps this result from "
                        "counting; the per-status counts of the summary leave such results out.",
                        "type": ["object", "null"],
                        "required": ["kind", "reason", "until"],
                        "properties": {
                            "kind": {"enum": ["ignore", "baseline"]},
                            "reason": {"type": "string"},
                            "until": {"type": ["string", "null"]},
                        },
                    },
                },
            },
        },
        "notices": {
            "description": "Findings that never fail a run: unused or expired ignores, stale baseline entries.",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "line", "column", "code", "message"],
                "properties": {
                    "file": {"type": "string"},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
}
