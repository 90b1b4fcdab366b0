"""The report formats: each name and the function that renders it (the reporters' registry),
and a format named by a user (``--format``, ``--report FORMAT:FILE``, a config's keys) checked.

A module of names only, imported at start-up (``cli.Format`` is made from it), so that
nothing here imports a reporter. Add a report format: write its module in
``factcheck/reporters/`` and name it here.
"""

from __future__ import annotations

from pathlib import Path

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


def check_format(name: str, where: str, allow_auto: bool = False) -> str:
    names = ("auto", *FORMATS) if allow_auto else tuple(FORMATS)
    if name not in names:
        from factcheck.errors import UsageError  # lazy: errors and its records are not loaded at every start
        from factcheck.suggest import did_you_mean  # lazy: difflib, for a slip only

        raise UsageError(f"{where}: unknown format {name!r}{did_you_mean(name, names)}; expected one of: {', '.join(names)}")
    return name


def parse_spec(spec: str, where: str = "--report") -> tuple[str, Path]:
    """``FORMAT:FILE`` -> (format, path). Only the first colon separates, so FILE may hold colons."""
    name, sep, file = spec.partition(":")
    if not sep or not name or not file:
        from factcheck.errors import UsageError  # lazy: errors and its records are not loaded at every start

        raise UsageError(f"{where} {spec!r}: expected FORMAT:FILE, as in --report sarif:factcheck.sarif")
    return check_format(name, f"{where} {spec!r}"), Path(file)
