"""Shared facts files: ``include: [facts/apple.yaml]`` in a claims file.

An included file is a claims file with only ``version`` and ``facts``: the figures a
newsroom writes about again and again, written once. Its path is relative to the
claims file and stays inside the claims file's repository (``paths.named_file``); its
facts' own paths (``filing:``) are relative to it. Its problems are placed in it. An
included file cannot include others. A fact name defined in two places is an error
at the second, naming the first; neither definition is used.
"""

from __future__ import annotations

import os

from factcheck.errors import LoadError
from factcheck.load.entries import EntryReader
from factcheck.load.keys import SUPPORTED_VERSIONS
from factcheck.load.paths import named_file
from factcheck.load.source import decode, display_path, read_bytes
from factcheck.load.yaml_events import MAX_NODES, Events, YNode
from factcheck.model import Fact, Problem, Span

#: a facts file is small: a newsroom's figures about one company
MAX_INCLUDE_BYTES = 4 * 1024 * 1024
#: files one claims file includes
MAX_INCLUDES = 64
_KEYS = ("version", "facts")


def include_list(reader: EntryReader, node: YNode) -> list[tuple[str, YNode]]:
    """``include:``'s paths, each with its node; problems for what is not a path."""
    if node.is_null:
        return []
    items = node.items if node.kind == "seq" else None
    if items is None:
        reader.problem(node, "wrong-type", f"include should be a list of facts files ([facts/apple.yaml]), not {node.describe()}")
        return []
    if len(items) > MAX_INCLUDES:
        reader.problem(node, "too-large", f"include names {len(items)} files; a claims file includes at most {MAX_INCLUDES}")
        return []
    out = []
    for item in items:
        text = reader.text(item, "an entry of include")
        if text is not None and text.strip():
            out.append((text, item))
        elif text is not None:
            reader.problem(item, "wrong-value", "an entry of include is empty: write the facts file's path")
    return out


def included_facts(reader: EntryReader, includes: list[tuple[str, YNode]], facts: dict[str, Fact]) -> dict[str, Fact]:
    """The claims file's facts with those of its included files, the names defined twice
    left out (and told, at their second definition)."""
    merged = dict(facts)
    defined = {name: f.span for name, f in facts.items()}
    twice: set[str] = set()
    read: dict[str, int] = {}
    for text, node in includes:
        found = _read(reader, text, node, read)
        if found is None:
            continue
        sub, sub_facts = found
        reader.problems.extend(sub.problems)
        for name, why in sub.unreadable_facts.items():
            if name not in defined:
                reader.unreadable_facts.setdefault(name, f"{why} (in {sub.path})")
        for name, fact in sub_facts.items():
            first = defined.get(name)
            if first is None and name in reader.unreadable_facts:
                first = Span(reader.path, 1, 1)
            if first is not None:
                reader.problems.append(
                    Problem(fact.span, "duplicate-fact", f"fact {name!r} is defined twice: here and at {first}; "
                            "keep one of them")
                )
                reader.unreadable_facts[name] = f"it is defined twice, at {first} and at {fact.span}"
                twice.add(name)
                continue
            defined[name] = fact.span
            merged[name] = fact
    return {n: f for n, f in merged.items() if n not in twice}


def _read(reader: EntryReader, text: str, node: YNode, read: dict[str, int]) -> tuple[EntryReader, dict[str, Fact]] | None:
    """One included file's facts, read by a reader of its own (its problems placed in
    it); None, with a problem at the include's entry, when it cannot be read, is the
    claims file itself or was read already (``read``: resolved path -> its line)."""
    path = _include_path(reader, text, node, read)
    if path is None:
        return None
    shown = display_path(path)
    sub = EntryReader(shown)
    try:
        data = read_bytes(path, MAX_INCLUDE_BYTES, "facts files")
    except LoadError as e:
        reader.problem(node, e.code, f"include: {text}: {e.message}")
        return None
    content, problem = decode(shown, data)
    if problem is not None:
        sub.problems.append(problem)
        return sub, {}
    assert content is not None
    return sub, _facts_file(reader, sub, content)


def _include_path(reader: EntryReader, text: str, node: YNode, read: dict[str, int]) -> str | None:
    """The resolved path of an include, recorded in ``read``; None, with a problem, when
    it names no file it may, the claims file itself, or one included already."""
    try:
        path = named_file(reader.path, text, MAX_INCLUDE_BYTES, "include")
    except LoadError as e:
        reader.problem(node, e.code, e.message)
        return None
    if path == os.path.realpath(reader.path) or path in read:
        said = f"is included already (line {read[path]})" if path in read else "is this claims file itself"
        reader.problem(node, "duplicate-include", f"include: {text} {said}")
        return None
    read[path] = node.line
    return path


def _facts_file(reader: EntryReader, sub: EntryReader, content: str) -> dict[str, Fact]:
    """The facts of an included file's text (its problems in ``sub``, its own reader)."""
    shown = sub.path
    try:
        root = _root(content)
    except LoadError as e:
        sub.problems.append(Problem(Span(shown, e.line, e.col), e.code, e.message))
        return {}
    if root is None or root.is_null:
        sub.problem(None, "empty", "the facts file is empty: it starts with `version: 1` and a mapping of `facts:`")
        return {}
    m = sub.mapping(root, "an included facts file", ())
    if m is None:
        return {}
    for key, (k, v) in m.items():
        if key == "include":
            sub.problem(k, "nested-include", f"an included facts file cannot include others ({shown} is included by "
                        f"{reader.path}): include them from the claims file")
        elif key not in _KEYS:
            sub.problem(k, "unknown-key", f"unknown key {key!r} in an included facts file: it holds only `version` and "
                        "`facts` (claims, article and settings belong in the claims file)")
    if "version" not in m:
        sub.problem(root, "missing-key", "missing `version: 1` at the top of the facts file")
    else:
        v = m["version"][1]
        if not (v.kind == "scalar" and v.value.isdigit() and int(v.value) in SUPPORTED_VERSIONS):
            sub.problem(v, "version", f"version should be {', '.join(map(str, SUPPORTED_VERSIONS))}, not {v.describe()}")
            return {}
    return sub.facts(m["facts"][1]) if "facts" in m else {}


def _root(text: str) -> YNode | None:
    events = Events(text)
    events.next()  # StreamStart
    ev = events.next()
    if type(ev) is events.stream_end:
        return None
    # a facts file is a list of entries, not one: `factcheck facts --yaml` of a large
    # 10-K writes thousands, so only the file's own limit (MAX_NODES) applies to it
    root = events.node(events.next(), limit=MAX_NODES)
    while type(events.next()) is not events.stream_end:
        pass
    return root
