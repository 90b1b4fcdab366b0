"""Issue 23: a run owns its state (``factcheck.run.Run``). Two runs in a row in one
process give the same reports, and no module global of factcheck changes during a run."""

from __future__ import annotations

import sys
import types
from datetime import date

import pytest

from factcheck.engine import run
from factcheck.reporters import Options, renderer

from conftest import ROOT

#: the bundled article (a draft of its own), an example whose facts name filings, and
#: a bare draft checked by inference alone
TARGETS = ("claims.yaml", "examples/apple-fy2024", "tests/inference/shapes/en-apple-opex-pct.md")


def reports(target: str) -> tuple[str, str]:
    found = run([target], detail=True, as_of=date(2026, 1, 1))
    return renderer("json")(found, Options()), renderer("html")(found, Options())


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_two_runs_in_a_row_give_the_same_reports(at_root):
    first = [reports(t) for t in TARGETS]
    second = [reports(t) for t in TARGETS]
    for target, (a, b) in zip(TARGETS, zip(first, second, strict=True), strict=True):
        assert a[0] == b[0], f"{target}: the JSON reports differ"
        assert a[1] == b[1], f"{target}: the HTML reports differ"


def test_each_run_has_its_closest_passage_search_whole(write, monkeypatch):
    """A stale `says` spends the closest-passage search's budget: the next run has its own."""
    from factcheck.anchor import locate

    monkeypatch.setattr(locate, "CLOSEST_COMPARISONS", 2)
    draft = write("Revenue rose 5% to 10 billion yuan this year, the company said in its annual report.\n", "draft.md")
    path = write(f"""
        version: 1
        article: {{draft: {draft.name}}}
        claims:
          - {{id: a, says: profits fell sharply in the autumn quarter, source: x}}
          - {{id: b, says: the board approved a new dividend for the company, source: x}}
    """)
    messages = [[r.message for r in run([str(path)]).results] for _ in range(2)]
    assert messages[0] == messages[1]
    assert "the closest passage" in messages[0][0] and "budget" in messages[0][1]


# --------------------------------------------------------------------------- module globals

#: module globals that a run may change, each deliberately kept for the whole process
#: (what one run puts there is what any run would put there: memos of pure functions)
PROCESS_WIDE = {
    # the unit registry's interned products, powers, names and texts, and the currency
    # codes pint is taught as claims name them: pint's registry is built once a process
    ("factcheck.quantity.units", "_MUL"), ("factcheck.quantity.units", "_POW"),
    ("factcheck.quantity.units", "_NAMED"), ("factcheck.quantity.units", "_SIMPLE"),
    ("factcheck.quantity.units", "_TEXTS"), ("factcheck.quantity.units", "_COUNT_NAMES"),
    ("factcheck.quantity.units", "_EXTRA_CURRENCIES"),
    # how each unit is shown: memos of the units above
    ("factcheck.quantity.format", "_TAKES_MAG"), ("factcheck.quantity.format", "_SUFFIXES"),
    # the repository root of each working folder (it does not move while the process runs)
    ("factcheck.load.paths", "_roots"),
}


def _state(value: object) -> object:
    """What of a global a run could change: a container's items (by identity, so that one
    emptied and filled again with new objects is seen), an object's attributes."""
    if isinstance(value, (types.ModuleType, types.FunctionType, type, types.BuiltinFunctionType)):
        return id(value)
    if isinstance(value, dict):
        return id(value), tuple((id(k), id(v)) for k, v in value.items())
    if isinstance(value, (list, set, bytearray)):
        return id(value), tuple(id(x) for x in value)
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict) and type(value).__module__.startswith("factcheck"):
        return id(value), tuple((k, id(v)) for k, v in attributes.items())
    return id(value)


def _globals(keep: list[object]) -> dict[tuple[str, str], object]:
    out = {}
    for name, module in list(sys.modules.items()):
        if name == "factcheck" or name.startswith("factcheck."):
            for key, value in list(vars(module).items()):
                if (name, key) not in PROCESS_WIDE:
                    keep.append(value)  # alive: no id is reused while the snapshot is compared
                    out[(name, key)] = _state(value)
    return out


def test_no_module_global_changes_during_a_run(at_root):
    for target in TARGETS:  # every module a run loads is loaded, every memo filled
        reports(target)
    keep: list[object] = []
    before = _globals(keep)
    for target in TARGETS:
        reports(target)
    after = _globals(keep)
    changed = sorted(f"{m}.{k}" for m, k in before.keys() | after.keys() if before.get((m, k)) != after.get((m, k)))
    assert changed == []
