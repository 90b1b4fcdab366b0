"""The report formats: each name and the function that renders it (the reporters' registry).

A module of names only, imported at start-up (``cli.Format`` is made from it), so that
nothing here imports a reporter. Add a report format: write its module in
``factcheck/reporters/`` and name it here.
"""

from __future__ import annotations

#: format name -> "module:function" (imported lazily)
FORMATS: dict[str, str] = {
    "rich": "factcheck.reporters.terminal:render",
    "concise": "factcheck.reporters.concise:render",
    "json": "factcheck.reporters.json_report:render",
    "github": "factcheck.reporters.github:render",
    "sarif": "factcheck.reporters.sarif:render",
    "junit": "factcheck.reporters.junit:render",
    "markdown": "factcheck.reporters.markdown:render",
    "html": "factcheck.reporters.html:render",
}

#: formats that can write themselves in pieces (a large report is never one string)
STREAMS: dict[str, str] = {
    "json": "factcheck.reporters.json_report:stream",
    "concise": "factcheck.reporters.concise:stream",
}

#: formats that show each claim's computation step by step and the draft itself: the
#: engine keeps these (``run(detail=True)``) only when one of them is asked for
DETAILED = frozenset({"html"})
