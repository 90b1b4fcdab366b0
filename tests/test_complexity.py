"""Every function of factcheck/ has a cyclomatic complexity of at most 15, as radon counts it.

Radon counts every decision: each ``if``, loop, ``except``, comprehension clause and
boolean operator (ruff's C901, run by .ci/run, leaves out the boolean operators, so it
lets through functions this test does not). A function over the ceiling is split into
named helpers, unless it is listed below, in this one place, with the most it may grow
to and why it is not split. Two kinds of reason may stand there:

- it reads better whole (a parser's loop, a textbook algorithm, a table of cases): the
  function says so in a comment above it too;
- "not yet split": it came in after this list was made (say so, and split it soon).

A split that brings one under the ceiling removes its line here; the test fails on a
line left behind, so the list never flatters.
"""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "factcheck"
CEILING = 15

#: "path::Qualified.name": (the most it may measure, why it is not split)
EXCEPTIONS: dict[str, tuple[int, str]] = {
    "factcheck/draft.py::_inline": (16, "one case per kind of markdown-it inline token, each a line or two: reads as one table"),
    "factcheck/load/cycles.py::_cycles": (16, "Tarjan's algorithm as the textbook has it, made iterative: one loop that reads better whole"),
    "factcheck/load/yaml_events.py::Events.node": (17, "the loop that builds every value of a claims file from its events: a call per event costs the load of 10k claims"),
}


def _blocks(blocks: list, prefix: str = ""):
    """(qualified name, complexity) of every function, method and closure, nested ones too."""
    for block in blocks:
        if isinstance(block, Function):
            name = prefix + (f"{block.classname}." if block.classname and not prefix else "") + block.name
            yield name, block.complexity
            yield from _blocks(block.closures, name + ".")
        elif isinstance(block, Class):
            # cc_visit lists a module's methods on their own (classname set); a class's inner
            # classes and their methods only under the class
            for inner in block.inner_classes:
                yield from _blocks(inner.methods, f"{prefix}{block.name}.{inner.name}.")


def measured() -> dict[str, int]:
    """Every function of the package by "path::name", with its complexity."""
    out: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for name, complexity in _blocks(cc_visit(path.read_text(encoding="utf-8"))):
            out[f"{rel}::{name}"] = max(complexity, out.get(f"{rel}::{name}", 0))
    return out


def test_every_function_within_the_ceiling():
    over = {
        key: cc
        for key, cc in measured().items()
        if cc > (EXCEPTIONS[key][0] if key in EXCEPTIONS else CEILING)
    }
    assert not over, (
        f"over the complexity ceiling of {CEILING} (split into named helpers; an exception is "
        f"listed in tests/test_complexity.py with its reason): "
        + ", ".join(f"{key} {cc}" for key, cc in sorted(over.items(), key=lambda kv: -kv[1]))
    )


def test_every_exception_is_needed():
    """An exception names a function that is still there and still over the ceiling."""
    found = measured()
    stale = [key for key in EXCEPTIONS if found.get(key, 0) <= CEILING]
    assert not stale, f"no longer over {CEILING} (remove from EXCEPTIONS): {', '.join(stale)}"


def test_every_exception_has_a_reason():
    assert all(reason.strip() for _, reason in EXCEPTIONS.values())
