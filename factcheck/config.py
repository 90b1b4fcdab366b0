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

from factcheck.errors import UsageError

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
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]|^\s*tool\s*\.\s*factcheck\b", text, re.MULTILINE) is not None


def load(start: Path | None = None) -> Config:
    found = find(start)
    if found is None:
        return Config()
    path, is_pyproject = found
    return parse(path, path.read_text(encoding="utf-8"), is_pyproject)


def parse(path: Path, text: str, is_pyproject: bool) -> Config:
    import tomllib

    shown = _shown(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        where = f"{shown}:{m.group(1)}:{m.group(2)}" if m else f"{shown}:1:1"
        raise UsageError(f"{where}: invalid TOML: {re.sub(r' [(]at line .*', '', str(e))}") from None
    headed = is_pyproject or "tool" in data  # factcheck.toml may hold the pyproject block as it is
    pos = _Positions(text, headed)
    table, section = _table(data, shown, pos, is_pyproject, headed)
    from factcheck.suggest import did_you_mean

    for key in table:
        if key not in KEYS:
            raise UsageError(
                f"{shown}:{pos(key)}: unknown key {key!r} in {section}{did_you_mean(key, KEYS)}; "
                f"expected one of: {', '.join(KEYS)}"
            )
    folder = path.parent

    def bad(key: str) -> UsageError:
        return UsageError(f"{shown}:{pos(key)}: {key} should be {KEYS[key]}, not {table[key]!r}")

    def text_list(key: str) -> tuple[str, ...] | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise bad(key)
        return tuple(value)

    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"{shown}:{pos('fail-on')}: fail-on should be {KEYS['fail-on']}, not {fail_on!r}{did_you_mean(str(fail_on), FAIL_ON)}")
    fmt = table.get("format")
    if fmt is not None:
        from factcheck.reporters.deliver import check_format

        if not isinstance(fmt, str):
            raise bad("format")
        check_format(fmt, f"{shown}:{pos('format')}: format", allow_auto=True)
    reports = text_list("report")
    if reports is not None:
        from factcheck.reporters.deliver import parse_spec

        reports = tuple(
            f"{name}:{_near(folder, file)}"
            for name, file in (parse_spec(spec, f"{shown}:{pos('report')}: report") for spec in reports)
        )
    baseline = table.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline):
        raise bad("baseline")
    paths = text_list("paths")
    switches = {key: table.get(key) for key in ("require-coverage", "infer")}
    wrong = next((key for key, value in switches.items() if value is not None and not isinstance(value, bool)), None)
    if wrong:
        raise bad(wrong)
    only = text_list("only")
    return Config(
        path=shown,
        fail_on=fail_on,
        format=fmt,
        reports=reports,
        baseline=_near(folder, baseline) if baseline else None,
        paths=tuple(_near(folder, p) for p in paths) if paths is not None else None,
        require_coverage=switches["require-coverage"],
        infer=switches["infer"],
        only=only,
    )


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


def _near(folder: Path, path: str | Path) -> str:
    """A path of the config, relative to its folder, as the working folder names it."""
    full = folder / Path(path).expanduser()
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
