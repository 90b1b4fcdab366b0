"""The inference patterns' ``needs``: a pattern declares words one of which every match
holds (or a Chinese character), so a text without them is answered with no regex run and
no compile. A wrong declaration would silently drop relations, so each is proved here
from the pattern's own parse tree: every way through the pattern passes a literal that
holds a declared word."""

from __future__ import annotations

import itertools
import re
import re._constants as c  # the parser's node names: stable since 3.11
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Callable, Iterator

import pytest

from factcheck.infer import cues, rules


def _patterns() -> Iterator[tuple[str, cues._Lazy]]:
    """Every lazily compiled pattern of the inference package, by where it is named."""
    rules()  # imports every rule module
    import sys

    seen: set[int] = set()

    def walk(name: str, value: object, depth: int = 0) -> Iterator[tuple[str, cues._Lazy]]:
        if isinstance(value, cues._Lazy):
            if id(value) not in seen:
                seen.add(id(value))
                yield name, value
        elif isinstance(value, (tuple, list)) and depth < 3:
            for i, v in enumerate(value):
                yield from walk(f"{name}[{i}]", v, depth + 1)
        elif isinstance(value, dict) and depth < 3:
            for k, v in value.items():
                yield from walk(f"{name}[{k!r}]", v, depth + 1)

    for mod_name, mod in sorted(sys.modules.items()):
        if mod_name.startswith("factcheck.infer") and mod is not None:
            for attr, value in vars(mod).items():
                yield from walk(f"{mod_name}.{attr}", value)


_CAP = 4000  # strings a finite part may spell before it counts as open


def _finite(node: list | sre_parse.SubPattern) -> set[str] | None:
    """Every string a sequence matches, when they are few; else None."""
    out = {""}
    for op, av in node:
        one = _finite_item(op, av)
        if one is None:
            return None
        out = {a + b for a in out for b in one}
        if len(out) > _CAP:
            return None
    return out


def _charset(items: list[tuple[object, object]]) -> set[str] | None:
    """The characters of a class of a few literal characters (else None)."""
    chars: set[str] = set()
    for iop, iav in items:
        if iop is c.LITERAL:
            chars.add(chr(iav))  # type: ignore[arg-type]
        elif iop is c.RANGE and iav[1] - iav[0] < 64:  # type: ignore[index]
            chars.update(chr(x) for x in range(iav[0], iav[1] + 1))  # type: ignore[index]
        else:
            return None
    return chars


def _finite_item(op: object, av: object) -> set[str] | None:
    if op is c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is c.AT:
        return {""}
    if op is c.IN:
        return _charset(av)  # type: ignore[arg-type]
    if op is c.SUBPATTERN:
        return _finite(av[3])  # type: ignore[index]
    if op is c.BRANCH:
        out: set[str] = set()
        for b in av[1]:  # type: ignore[index]
            f = _finite(b)
            if f is None:
                return None
            out |= f
        return out if len(out) <= _CAP else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        lo, hi, sub = av  # type: ignore[misc]
        f = _finite(sub)
        if f is None or hi > 3:
            return None
        out = set()
        for n in range(lo, hi + 1):
            for parts in itertools.product(sorted(f), repeat=n):
                out.add("".join(parts))
                if len(out) > _CAP:
                    return None
        return out
    return None


def _sure(node: list | sre_parse.SubPattern, ok: Callable[[str], bool]) -> bool:
    """Every match of the sequence holds a piece of text ``ok`` accepts."""
    items = list(node)
    for op, av in items:
        if op is c.SUBPATTERN and _sure(av[3], ok):
            return True
        if op is c.BRANCH and all(_sure(b, ok) for b in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and _sure(av[2], ok):
            return True
    # runs of items that spell few strings: every string of the run must be accepted
    for i in range(len(items)):
        run = {""}
        for op, av in items[i:]:
            one = _finite_item(op, av)
            if one is None:
                break
            run = {a + b for a in run for b in one}
            if len(run) > _CAP:
                break
            if all(ok(s) for s in run):
                return True
    return False


CASES = [(name, p) for name, p in _patterns() if p.needs or p.cjk]


def test_the_rules_declare_needs() -> None:
    """The prefilter is in use: most rule patterns say what they need."""
    assert len(CASES) >= 40


@pytest.mark.parametrize(("name", "pattern"), CASES, ids=[n for n, _ in CASES])
def test_needs_hold_for_every_match(name: str, pattern: cues._Lazy) -> None:
    source, flags = pattern._args
    if pattern.needs:
        assert not flags & re.IGNORECASE or not any(ch.isalpha() for w in pattern.needs for ch in w), (
            f"{name}: a case-blind pattern cannot need a word (the text is not lower-cased)"
        )
    tree = sre_parse.parse(source, flags)
    if pattern.needs:
        assert _sure(tree, lambda s: any(w in s for w in pattern.needs)), (
            f"{name}: a match may hold none of {pattern.needs}"
        )
    if pattern.cjk:
        assert _sure(tree, cues.has_cjk), f"{name}: a match may hold no Chinese character"


def test_the_proof_can_fail() -> None:
    """The checker itself: a need the pattern does not have is caught."""
    def ok(words: tuple[str, ...]) -> Callable[[str], bool]:
        return lambda s: any(w in s for w in words)

    assert _sure(sre_parse.parse(r"^\s*(?:to|at|reaching)\s*$"), ok(("to", "at", "reaching")))
    assert not _sure(sre_parse.parse(r"^\s*(?:to|at|reaching)\s*$"), ok(("to", "at")))
    assert not _sure(sre_parse.parse(r"(?:from)?\s*to"), ok(("from",)))
    assert _sure(sre_parse.parse(r"(?:x|y)?(?:compared (?:with|to)|versus)"), ok(("compared", "versus")))
    assert not _sure(sre_parse.parse(r"[，,]\s*(?:增长)?"), cues.has_cjk)
    assert _sure(sre_parse.parse(r"[，,]\s*(?:增长|下降)"), cues.has_cjk)


@pytest.mark.parametrize(("name", "pattern"), CASES, ids=[n for n, _ in CASES])
def test_a_text_without_the_needs_compiles_nothing(name: str, pattern: cues._Lazy) -> None:
    fresh = type(pattern).__new__(type(pattern))
    fresh.__dict__.update({k: v for k, v in pattern.__dict__.items() if k not in ("match", "search", "fullmatch")})
    fresh._compiled = None
    if type(pattern) is cues._Lazy:
        cues._Lazy.__init__(fresh, *pattern._args, needs=pattern.needs, cjk=pattern.cjk)
    assert fresh.search("12 345 678") is None and fresh.match("") is None
    assert fresh._compiled is None
