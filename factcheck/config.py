"""Project defaults for ``factcheck verify``: ``factcheck.toml``, or ``[tool.factcheck]`` in
``pyproject.toml``.

The nearest one wins, searching up from the working folder; in one folder
``factcheck.toml`` comes before ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.factcheck]`` table is passed over. ``factcheck.toml`` holds the keys at its top,
or under a ``[tool.factcheck]`` header (the pyproject block pasted as it is), not both. Paths in a config file are relative to its
folder. Options on the command line override the config. A key the config does not
know, or a value it cannot use, stops the run (exit 2) with its file, line and column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import LoadError, UsageError
from factcheck.formats import check_format, parse_spec
from factcheck.reporters.escape import shorten
from factcheck.suggest import did_you_mean

FAIL_ON = ("error", "warning", "never")
#: key -> what its value should be, for the error message
KEYS = {
    "fail-on": "one of " + ", ".join(FAIL_ON),
    "format": "the name of a format",
    "report": 'a list of "FORMAT:FILE" strings',
    "baseline": "the path of a baseline file",
    "paths": "a list of claims files or folders",
    "require-coverage": "true or false",
    "infer": "true or false",
    "only": "a list of claim ids or tags",
    "filings": "a list of filings (paths) to trace drafts' figures to",
    "trace": "a table: [trace.concepts] adds words to the concepts figures are traced by",
}


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None  # the file it was read from; None: no config
    fail_on: str | None = None
    format: str | None = None
    reports: tuple[str, ...] | None = None  # "FORMAT:FILE", FILE made relative to the working folder
    baseline: str | None = None
    paths: tuple[str, ...] | None = None
    require_coverage: bool | None = None
    infer: bool | None = None
    only: tuple[str, ...] | None = None
    filings: tuple[str, ...] | None = None  # made relative to the working folder
    #: [trace.concepts]: words (and concepts) added to the bundled table
    trace_concepts: dict[str, Any] | None = None


def find(start: Path | None = None) -> tuple[Path, bool] | None:
    """The nearest config file from ``start`` up: (path, is_pyproject)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return own, False
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject, True
    return None


def _has_table(pyproject: Path) -> bool:
    # A cheap look first: most pyproject.toml files never mention factcheck.
    # lazy: only when a config file is found
    from factcheck.load.paths import LIMITS, read_file

    try:
        text = read_file(pyproject, LIMITS["config files"], "config files").decode("utf-8", "replace")
    except LoadError:
        return True  # looked at closely by load(), which says what is wrong with it
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]|^\s*tool\s*\.\s*factcheck\b", text, re.MULTILINE) is not None


def load(start: Path | None = None) -> Config:
    found = find(start)
    if found is None:
        return Config()
    path, is_pyproject = found
    return parse(path, _read(path), is_pyproject)


def _read(path: Path) -> str:
    """The config's text, through the one reader; what is wrong with it is a usage error at its place."""
    # lazy: only when a config file is found
    from factcheck.load.paths import LIMITS, read_file
    from factcheck.load.source import decode

    shown = _shown(path)
    try:
        data = read_file(path, LIMITS["config files"], "config files")
    except LoadError as e:
        raise UsageError(f"{shown}:{e.line}:{e.col}: {e.message}") from None
    text, problem = decode(shown, data)
    if problem is not None:
        raise UsageError(f"{problem.span}: {problem.message}")
    assert text is not None
    return text


#: deeper than this, an array or an inline table is not a config (tomllib would recurse)
MAX_NESTING = 32


def _too_deep(text: str) -> str | None:
    """line:col where brackets nest deeper than MAX_NESTING, outside strings and comments."""
    depth, line, col, quote, i = 0, 1, 0, "", 0
    while i < len(text):
        c = text[i]
        col += 1
        if c == "\n":
            line, col = line + 1, 0
            if quote in ('"', "'"):
                quote = ""
        elif quote == "#":
            pass
        elif quote:
            if c == "\\" and quote == '"':
                i, col = i + 1, col + 1
            elif c == quote:
                quote = ""
        elif c in "\"'#":
            quote = c
        elif c in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return f"{line}:{col}"
        elif c in "]}":
            depth -= 1
        i += 1
    return None


def _toml(shown: str, text: str) -> dict[str, Any]:
    """The config's TOML; a usage error at its place when it is not TOML, or nests too deep."""
    # lazy: only when a config file is found
    import tomllib

    deep = _too_deep(text)
    if deep is not None:
        raise UsageError(f"{shown}:{deep}: arrays or tables nest more than {MAX_NESTING} deep: a config never needs that")
    try:
        return tomllib.loads(text)
    except RecursionError:  # pragma: no cover - _too_deep finds it first
        raise UsageError(f"{shown}:1:1: arrays or tables nest too deep") from None
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        where = f"{shown}:{m.group(1)}:{m.group(2)}" if m else f"{shown}:1:1"
        raise UsageError(f"{where}: invalid TOML: {re.sub(r' [(]at line .*', '', str(e))}") from None


def parse(path: Path, text: str, is_pyproject: bool) -> Config:
    shown = _shown(path)
    data = _toml(shown, text)
    headed = is_pyproject or "tool" in data  # factcheck.toml may hold the pyproject block as it is
    pos = _Positions(text, headed)
    table, section = _table(data, shown, pos, is_pyproject, headed)
    for key in table:
        if key not in KEYS:
            raise UsageError(
                f"{shown}:{pos(key)}: unknown key {key!r} in {section}{did_you_mean(key, KEYS)}; "
                f"expected one of: {', '.join(KEYS)}"
            )
    t = _Keys(shown, pos, table, path.parent)
    # each key checked in this order: the first wrong one is the error said
    fail_on, fmt, reports, baseline = t.fail_on(), t.format(), t.reports(), t.baseline()
    paths = t.text_list("paths")
    switches = t.switches()
    only, filings = t.text_list("only"), t.text_list("filings")
    trace_concepts = _trace_concepts(table.get("trace"), f"{shown}:{pos('trace')}: trace") if "trace" in table else None
    return Config(
        path=shown,
        fail_on=fail_on,
        format=fmt,
        reports=reports,
        baseline=t.own("baseline", baseline) if baseline else None,
        paths=tuple(t.own("paths", p) for p in paths) if paths is not None else None,
        require_coverage=switches["require-coverage"],
        infer=switches["infer"],
        only=only,
        filings=tuple(t.own("paths", p) for p in filings) if filings is not None else None,
        trace_concepts=trace_concepts,
    )


class _Keys:
    """The keys of a config's table, each read and checked; an error names the key's place."""

    def __init__(self, shown: str, pos: _Positions, table: dict[str, Any], folder: Path) -> None:
        self.shown, self.pos, self.table, self.folder = shown, pos, table, folder

    def bad(self, key: str) -> UsageError:
        return UsageError(f"{self.shown}:{self.pos(key)}: {key} should be {KEYS[key]}, not {shorten(repr(self.table[key]))}")

    def own(self, key: str, file: str) -> str:
        """A path the config writes to or reads from: inside the config's folder, and in the root."""
        return _own_path(self.folder, file, f"{self.shown}:{self.pos(key)}: {key}", key != "paths")

    def text_list(self, key: str) -> tuple[str, ...] | None:
        if key not in self.table:
            return None
        value = self.table[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.bad(key)
        return tuple(value)

    def fail_on(self) -> str | None:
        fail_on = self.table.get("fail-on")
        if fail_on is not None and fail_on not in FAIL_ON:
            raise self.bad("fail-on") if not isinstance(fail_on, str) or len(fail_on) > 40 else UsageError(
                f"{self.shown}:{self.pos('fail-on')}: fail-on should be {KEYS['fail-on']}, not {fail_on!r}"
                f"{did_you_mean(fail_on, FAIL_ON)}"
            )
        return fail_on

    def format(self) -> str | None:
        fmt = self.table.get("format")
        if fmt is not None:
            if not isinstance(fmt, str):
                raise self.bad("format")
            check_format(fmt, f"{self.shown}:{self.pos('format')}: format", allow_auto=True)
        return fmt

    def reports(self) -> tuple[str, ...] | None:
        reports = self.text_list("report")
        if reports is None:
            return None
        where = f"{self.shown}:{self.pos('report')}: report"
        return tuple(f"{name}:{self.own('report', str(file))}" for name, file in (parse_spec(spec, where) for spec in reports))

    def baseline(self) -> str | None:
        baseline = self.table.get("baseline")
        if baseline is not None and (not isinstance(baseline, str) or not baseline):
            raise self.bad("baseline")
        return baseline

    def switches(self) -> dict[str, bool | None]:
        switches = {key: self.table.get(key) for key in ("require-coverage", "infer")}
        wrong = next((key for key, value in switches.items() if value is not None and not isinstance(value, bool)), None)
        if wrong:
            raise self.bad(wrong)
        return switches


def _trace_concepts(value: Any, where: str) -> dict[str, Any] | None:
    """``[trace.concepts]``, checked against the bundled table (``factcheck.trace.concepts``)."""
    if not isinstance(value, dict) or set(value) - {"concepts"}:
        raise UsageError(f"{where} should be a table with one key, concepts ([trace.concepts])")
    concepts = value.get("concepts", {})
    if not isinstance(concepts, dict):
        raise UsageError(f"{where}.concepts should be a table: revenue = [\"top line\"]")
    # lazy: the tracer's concepts only for [trace.concepts]
    from factcheck.trace.concepts import extended

    try:
        extended(concepts)
    except ValueError as e:
        raise UsageError(f"{where}: {e}") from None
    return concepts or None


def _table(data: dict[str, Any], shown: str, pos: _Positions, is_pyproject: bool, headed: bool) -> tuple[dict[str, Any], str]:
    """The factcheck table of a config file, and how messages name it."""
    if not headed:
        return data, "factcheck.toml"
    table: Any = data.get("tool", {})
    table = table.get("factcheck", {}) if isinstance(table, dict) else table
    if not isinstance(table, dict):
        raise UsageError(f"{shown}:1:1: tool.factcheck should be a table ([tool.factcheck])")
    if is_pyproject:
        return table, "[tool.factcheck]"
    others = [k for k in data if k != "tool"] + [f"tool.{k}" for k in data["tool"] if k != "factcheck"]
    if others:
        raise UsageError(
            f"{shown}:{pos(others[0].removeprefix('tool.'), whole=True)}: {others[0]!r} is outside [tool.factcheck]; "
            "in factcheck.toml put every key under the [tool.factcheck] header, or drop the header and every key with it"
        )
    return table, "[tool.factcheck] of factcheck.toml"


def _own_path(folder: Path, path: str, where: str, in_folder: bool) -> str:
    """A path the config names, as the working folder names it; a UsageError at ``where``
    unless it stays inside the config's folder (``in_folder``: no ``~``, absolute path or
    ``..``; report and baseline paths) and, links resolved, inside the root."""
    # lazy: only when a config file is found
    from factcheck.load.paths import OutsideRoot, inside_root

    if "\x00" in path:
        raise UsageError(f"{where}: the path holds a NUL character, which no file name can")
    if in_folder:
        parts = Path(path).parts
        if path.startswith("~") or Path(path).is_absolute() or ".." in parts:
            raise UsageError(
                f"{where}: {path} leaves the config's folder; a path in the config stays inside it "
                "(no ~, no absolute path, no ..): name files outside it on the command line"
            )
    near = _near(folder, path)
    try:
        inside_root(near, None, where, "reads or writes", written=path)
    except OutsideRoot as e:
        raise UsageError(e.message) from None
    return near


def _near(folder: Path, path: str | Path) -> str:
    """A path of the config, relative to its folder, as the working folder names it."""
    full = folder / Path(path)
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive
        return str(full)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class _Positions:
    """line:col of a key in the config's text (tomllib keeps no positions): the first
    ``key =`` inside the factcheck table, else the table's header, else 1:1."""

    def __init__(self, text: str, headed: bool) -> None:
        self.lines = text.splitlines()
        self.start, self.end = 0, len(self.lines)
        if headed:
            header = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]")
            for i, line in enumerate(self.lines):
                if header.match(line):
                    self.start = i
                    nxt = next((j for j in range(i + 1, len(self.lines)) if self.lines[j].lstrip().startswith("[")), None)
                    self.end = nxt if nxt is not None else len(self.lines)
                    break

    def __call__(self, key: str, whole: bool = False) -> str:
        """``whole``: look through the whole file (a key or a table outside the factcheck one)."""
        pattern = re.compile(
            r"^(\s*)(?:\[\s*)?(?:tool\s*\.\s*(?:factcheck\s*\.\s*)?)?[\"']?" + re.escape(key) + r"[\"']?\s*[=.\]]"
        )
        for i in range(len(self.lines)) if whole else range(self.start, self.end):
            m = pattern.match(self.lines[i])
            if m:
                return f"{i + 1}:{len(m.group(1)) + 1}"
        return f"{self.start + 1}:1"
