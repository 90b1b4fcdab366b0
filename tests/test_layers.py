"""The package's layout, as docs/internals.md maps it: no import circle, and no import
that runs up a floor.

Every import of every module of ``factcheck/`` is read with ``ast``: at module level and
inside functions (the lazy ones). An import under ``if TYPE_CHECKING:`` runs nowhere: it
names types for the type checker, and is not counted (``factcheck.run`` names the
records of the floors above it so). A module may import modules of its own floor and of
the floors below; the floors are the table "Floors" of docs/internals.md, the one place
they are written down.
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
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block)
                       for stmt in block.body for n in ast.walk(stmt)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
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


def _is_type_checking(node: ast.AST) -> bool:
    """``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``)."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


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


def lazy_imports(root: Path, package: str) -> list[str]:
    """Imports inside functions that do not say why (a ``# lazy: why`` comment on the
    import's line or on the line above its block of imports): ``module:line``."""
    out = []
    for name, path in modules(root, package).items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for fn in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    continue
                said = any("# lazy:" in lines[i] for i in range(node.lineno - 1, node.end_lineno))
                above = node.lineno - 2
                while not said and above >= 0 and (not lines[above].strip() or lines[above].strip().startswith(("from ", "import ", "# lazy:"))):
                    said = lines[above].strip().startswith("# lazy:")
                    above -= 1
                if not said:
                    out.append(f"{name}:{node.lineno}")
    return sorted(set(out), key=lambda x: (x.split(":")[0], int(x.split(":")[1])))


def private_imports(root: Path, package: str) -> list[str]:
    """``from module import _name`` of one module of the package from another: ``module:line name``."""
    mods = modules(root, package)
    out = []
    for name, path in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] == package):
                out += [f"{name}:{node.lineno} {a.name}" for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
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
    # c -> d inside a method and d -> c relatively; e -> a and a -> e under TYPE_CHECKING
    # (types only: no circle)
    _plant(tmp_path, {
        "__init__.py": "",
        "a.py": "from typing import TYPE_CHECKING\nfrom pkg.b import f\nif TYPE_CHECKING:\n    from pkg.e import E\n",
        "b.py": "def f():\n    from pkg import a\n    return a\n",
        "sub/__init__.py": "",
        "sub/c.py": "class C:\n    def d(self):\n        from pkg.sub.d import D\n        return D\n",
        "sub/d.py": "from . import c\nclass D: ...\n",
        "e.py": "import pkg.a\nclass E: ...\n",
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


def test_every_import_inside_a_function_says_why_it_is_lazy() -> None:
    """An import inside a function keeps start-up lazy (``factcheck --version`` loads no
    pint, Rich or YAML; a run without a filing no filing reader), and says so; one that
    costs nothing stands at the top of its module."""
    assert lazy_imports(ROOT, "factcheck") == []


def test_no_module_imports_another_ones_private_name() -> None:
    assert private_imports(ROOT, "factcheck") == []


def test_the_checks_of_lazy_and_private_imports_find_them(tmp_path: Path) -> None:
    _plant(tmp_path, {
        "__init__.py": "",
        "a.py": "_x = 1\ny = 2\n",
        "b.py": ("def f():\n    from pkg.a import y\n    return y\n\n\n"
                 "def g():\n    # lazy: said\n    from pkg.a import y\n    import os\n    return y, os\n\n\n"
                 "def h():\n    import os  # lazy: said\n    from pkg.a import _x\n    return os, _x\n"),
    })
    assert lazy_imports(tmp_path, "pkg") == ["pkg.b:2", "pkg.b:15"]
    assert private_imports(tmp_path, "pkg") == ["pkg.b:15 _x"]


#: the most ``# type: ignore`` comments factcheck/ may hold (issue 23: at most ten, each with its reason)
MAX_TYPE_IGNORES = 10


def type_ignores(root: Path, package: str) -> tuple[int, list[str]]:
    """How many ``# type: ignore`` comments the package holds, and those that do not say
    why (a ``# why`` comment after the ignore on the same line)."""
    count, unsaid = 0, []
    for path in sorted((root / package).rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            at = line.find("# type: ignore")
            if at < 0:
                continue
            count += 1
            rest = line[at + len("# type: ignore"):]
            if "#" not in rest or not rest.split("#", 1)[1].strip():
                unsaid.append(f"{path.relative_to(root)}:{n}")
    return count, unsaid


def test_few_type_ignores_each_with_its_reason() -> None:
    count, unsaid = type_ignores(ROOT, "factcheck")
    assert count <= MAX_TYPE_IGNORES
    assert unsaid == []


def test_the_check_of_type_ignores_finds_them(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("x = f()  # type: ignore[misc]  # f is untyped\ny = g()  # type: ignore\n")
    assert type_ignores(tmp_path, "pkg") == (2, ["pkg/a.py:2"])


def rebound_names(root: Path, package: str) -> list[str]:
    """Module-level names bound twice in one module (an assignment, a def or a class): the
    second silently replaces the first for every use above it too (a regex of one rule
    shadowed by another of the same name is how inference lost a reading)."""
    found = []
    for path in sorted((root / package).rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                names = []
            for name in names:
                if name in seen:
                    found.append(f"{path.relative_to(root)}:{node.lineno}: {name}")
                seen.add(name)
    return found


def test_no_module_binds_a_name_twice() -> None:
    assert rebound_names(ROOT, "factcheck") == []


def test_the_check_of_rebound_names_finds_them(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "m.py").write_text("import re\n_A = re.compile('x')\n\n\ndef f():\n    return _A\n\n\n_A = re.compile('y')\n")
    assert rebound_names(tmp_path, "pkg") == ["pkg/m.py:9: _A"]
