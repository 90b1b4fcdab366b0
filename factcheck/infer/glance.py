"""A newswire's results at a glance: one line of items, each opened by a dash,
'-Earnings (Q2): $436 Mln. vs. $357 Mln. last year. -Earnings Growth (Y-o-Y): 22.1%'.
An item names a measure and gives this period's figure against last year's; a later item
names the same measure's growth (or change) and gives its rate: the rate of the two.

The sentences of such a line are cut at every 'Mln.' and the measures stand before
brackets and colons, where the reader of statements finds none: the items are read here,
by their own punctuation."""

from __future__ import annotations

import re
from bisect import bisect_left

from factcheck.infer import tree as t
from factcheck.infer.reading import Fig, Reading
from factcheck.infer.relate import comparison, pair_values, stated_of
from factcheck.infer.tree import Relation
from factcheck.lazyre import Lazy

#: where an item starts: a dash before a capital, at the line's start or after a space
_ITEM = Lazy(r"(?:^|(?<=\s))-\s?(?=[A-Z])", re.MULTILINE, needs=("-",))
#: an item of a measure's two figures: 'Earnings (Q2): $436 Mln. vs. $357 Mln. last year.'
_PAIR = Lazy(r"(?P<m>[A-Z][A-Za-z&'’ /-]{0,40}?)\s*(?:\([^)]{0,24}\))?\s*:\s*\S.*?\bvs\.?\s")
#: an item of a measure's rate: 'Earnings Growth (Y-o-Y): 22.1%', 'Revenue Change (Y-o-Y): 0.4%'
_RATE = Lazy(r"(?P<m>[A-Z][A-Za-z&'’ /-]{0,40}?)\s+(?:Growth|Change)\s*(?:\([^)]{0,24}\))?\s*:\s*[-+−]?\d")
#: at most this many items on one line are read (a line of a thousand dashes is no summary)
MAX_ITEMS = 60


def relations(r: Reading) -> list[Relation]:
    """The growth of every measure the glance lines of the draft give twice, then rate."""
    text = r.text
    if "vs" not in text:
        return []
    figs = sorted((f for s in r.sentences for f in s.figs), key=lambda f: f.start)
    starts = [f.start for f in figs]
    out: list[Relation] = []
    at = 0
    for line in text.split("\n"):
        if line.count("-") >= 2 and "vs" in line:
            k = bisect_left(starts, at)
            out += _line(figs[k : bisect_left(starts, at + len(line) + 1, k)], line, at)
        at += len(line) + 1
    return out


def _line(figs: list[Fig], line: str, at: int) -> list[Relation]:
    """The growths of one line's items (``figs``: the line's figures)."""
    starts = [m.end() for m in _ITEM.finditer(line)][:MAX_ITEMS]
    if len(starts) < 2:
        return []
    pairs: dict[str, tuple[Fig, Fig]] = {}
    out: list[Relation] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(line)
        inside = [f for f in figs if at + start <= f.start and f.end <= at + end]
        rel = _item(line[start:end], inside, pairs)
        if rel is not None:
            out.append(rel)
    return out


def _item(item: str, inside: list[Fig], pairs: dict[str, tuple[Fig, Fig]]) -> Relation | None:
    """An item's growth when it rates a measure given before (kept in ``pairs``), else None;
    an item of a measure's two figures is kept."""
    rate = _RATE.match(item)
    if rate is not None and len(inside) == 1 and inside[0].kind == "pct":
        two = pairs.get(_key(rate.group("m")))
        return _growth(two, inside[0]) if two is not None else None
    pair = _PAIR.match(item)
    if pair is not None and len(inside) == 2 and all(f.kind == "amt" for f in inside):
        pairs[_key(pair.group("m"))] = (inside[0], inside[1])
    return None


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _growth(two: tuple[Fig, Fig], rate: Fig) -> Relation | None:
    new, base = two
    values = pair_values(base, new)
    if values is None or values[0].point <= 0:
        return None
    sign = -1 if rate.value.point < 0 else 1
    cmp, tol = comparison(rate, sign)
    check = t.call("growth", t.num(values[0]), t.num(values[1]))
    return Relation("growth", "glance", check, t.num(stated_of(rate, sign)), cmp, tol, (base.m, new.m, rate.m), rate.m,
                    new.start, rate.end, (), True)
