"""The package's layout, as docs/internals.md maps it: no import circle, and no import
that runs up a floor.

Every import of every module of ``factcheck/`` is read with ``ast``: at module level,
inside functions (the lazy ones), under ``if TYPE_CHECKING:`` (a type is a dependency
too). A module may import modules of its own floor and of the floors below; the floors
are the table "Floors" of docs/internals.md, the one place they are written down.
Importing ``a.b.c`` runs ``a/b/__init__.py`` first; that implicit import is not counted
(every package's ``__init__`` imports its own modules).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

DOC = ROOT / "docs" / "internals.md"
#: the table of floors begins after this line of docs/internals.md and ends at its first blank line
TABLE_MARK = "<!-- floors: read by tests/test_layers.py -->"

Floors = list[tuple[int, list[str]]]


def floors_of(doc: Path = DOC) -> Floors:
    """docs/internals.md's floors: (floor, the files and folders on it, as written: ``load/``,
    ``draft.py``), lowest first."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    start = lines.index(TABLE_MARK) + 1
    out: Floors = []
    for line in lines[start:]:
        if not line.strip():
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not cells[0].isdigit():  # the header and its rule
            continue
        out.append((int(cells[0]), re.findall(r"`([^`]+)`", cells[2])))
    assert out, f"no floors found after {TABLE_MARK!r} in {doc}"
    return out


def modules(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package at ``root/package``."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(root: Path, package: str) -> dict[str, dict[str, int]]:
    """Module -> {module of the package it imports: the line of the first such import}:
    every import statement, wherever it stands in the file."""
    mods = modules(root, package)
    graph: dict[str, dict[str, int]] = {}
    for name, path in mods.items():
        is_package = path.name == "__init__.py"
        edges: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from the module's own package up
                    base = name.split(".")[: None if is_package else -1]
                    base = base[: len(base) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                # ``from factcheck.infer import tree``: the module tree, else a name of the package
                targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in mods else source for a in node.names]
            for target in targets:
                if target in mods and target != name:
                    edges.setdefault(target, node.lineno)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The import circles: each strongly connected group of two modules or more (Tarjan's
    algorithm, without recursion), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, {})))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    group = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        group.append(w)
                        if w == v:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return sorted(found)


def floor(module: str, package: str, floors: Floors) -> int | None:
    """The floor of a module: that of the longest entry naming it (``filing/listing.py``
    before ``filing/``); None when no entry does."""
    rel = module.split(".")[1:]
    paths = {"/".join(rel) + ".py", "/".join(rel) + "/__init__.py"} if rel else {"__init__.py"}
    best: tuple[int, int] | None = None
    for n, entries in floors:
        for entry in entries:
            hit = entry in paths if not entry.endswith("/") else any(p.startswith(entry) for p in paths)
            if hit and (best is None or len(entry) > best[0]):
                best = (len(entry), n)
    return None if best is None else best[1]


def problems(root: Path, package: str, floors: Floors) -> list[str]:
    """What is wrong with the package's imports: circles, imports up a floor, modules the
    table does not place."""
    graph = imports(root, package)
    out = [f"import circle: {' <-> '.join(group)}" for group in cycles(graph)]
    for module in sorted(graph):
        own = floor(module, package, floors)
        if own is None:
            out.append(f"{module}: on no floor of the table")
            continue
        for target, line in sorted(graph[module].items()):
            theirs = floor(target, package, floors)
            if theirs is not None and theirs > own:
                out.append(f"{module}:{line} imports {target}, a floor up ({own} -> {theirs})")
    return out


def test_the_package_keeps_its_floors() -> None:
    assert problems(ROOT, "factcheck", floors_of()) == []


def test_every_floor_entry_names_a_file_or_folder() -> None:
    for _, entries in floors_of():
        for entry in entries:
            assert (ROOT / "factcheck" / entry).exists(), f"docs/internals.md's floors name {entry}, which is not there"


def _plant(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_planted_circle_is_found(tmp_path: Path) -> None:
    # a -> b at the top, b -> a inside a function (the lazy import that hides a circle),
    # c -> d under TYPE_CHECKING and d -> c relatively
    _plant(tmp_path, {
        "__init__.py": "",
        "a.py": "from pkg.b import f\n",
        "b.py": "def f():\n    from pkg import a\n    return a\n",
        "sub/__init__.py": "",
        "sub/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.sub.d import D\n",
        "sub/d.py": "from . import c\nclass D: ...\n",
        "e.py": "import pkg.a\n",
    })
    floors = [(1, ["a.py", "b.py", "sub/", "__init__.py", "e.py"])]
    assert problems(tmp_path, "pkg", floors) == [
        "import circle: pkg.a <-> pkg.b",
        "import circle: pkg.sub.c <-> pkg.sub.d",
    ]


def test_an_import_up_a_floor_is_found(tmp_path: Path) -> None:
    _plant(tmp_path, {"__init__.py": "", "low.py": "def f():\n    import pkg.high\n", "high.py": "from pkg import low\n",
                      "stray.py": ""})
    floors = [(1, ["__init__.py", "low.py"]), (2, ["high.py"])]
    assert problems(tmp_path, "pkg", floors) == [
        "import circle: pkg.high <-> pkg.low",
        "pkg.low:2 imports pkg.high, a floor up (1 -> 2)",
        "pkg.stray: on no floor of the table",
    ]
