"""Fact cycles: facts that refer to themselves through other facts, found and named once."""

from __future__ import annotations

from collections import deque

from factcheck.model import Fact, Problem


def find_cycles(facts: dict[str, Fact]) -> tuple[dict[str, str], list[Problem]]:
    """Facts that refer to themselves through other facts: (fact -> why it cannot be used,
    one problem a fact of a cycle). The facts of a cycle are reported, and not used."""
    # lazy: expr only when facts are checked (the hook loads load/ alone)
    from factcheck.expr import names_in

    graph = {n: sorted(names_in(f.expr.node, count_words=False) & facts.keys()) for n, f in facts.items()}
    broken: dict[str, str] = {}
    problems: list[Problem] = []
    for cycle in _cycles(graph):
        chain = _chain_text(_cycle_path(graph, cycle))
        for n in cycle:
            if n in broken:
                continue
            broken[n] = f"it refers to itself ({chain})"
            problems.append(Problem(facts[n].expr.place, "fact-cycle", f"fact {n!r} refers to itself through other facts: {chain}"))
    return broken, problems


#: A cycle is named in every message about one of its facts: past this many names the
#: middle is elided, so that a cycle of 10,000 facts gives 10,000 short messages, not
#: 10,000 copies of the whole cycle.
CHAIN_NAMES = 8


def _chain_text(path: list[str]) -> str:
    """'a -> b -> a', or 'a0 -> a1 -> a2 -> … -> a9999 -> a0 (10,000 facts)' for a long cycle."""
    if len(path) <= CHAIN_NAMES + 1:
        return " -> ".join(path)
    head, tail = path[: CHAIN_NAMES // 2 + 1], path[-(CHAIN_NAMES // 2) :]
    return f"{' -> '.join(head)} -> … -> {' -> '.join(tail)} ({len(path) - 1:,} facts)"


def _cycle_path(graph: dict[str, list[str]], comp: list[str]) -> list[str]:
    """A path a -> b -> ... -> a through a strongly connected component, following edges."""
    start, members = comp[0], set(comp)
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in graph[v]:
            if w not in members:
                continue
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if w not in previous:
                previous[w] = v
                queue.append(w)
    return [*comp, start]  # pragma: no cover - a component always has its cycle


# complexity 16, kept whole (listed in tests/test_complexity.py): Tarjan's algorithm as
# the textbook has it, made iterative; its one loop reads better whole than in pieces
def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components that hold a cycle (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    order = {name: i for i, name in enumerate(graph)}
    for start in graph:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            recurse = False
            for j in range(i, len(graph[v])):
                w = graph[v][j]
                if w not in index:
                    work.append((v, j + 1))
                    work.append((w, 0))
                    recurse = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or v in graph[v]:
                    out.append(sorted(comp, key=order.__getitem__))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return out
