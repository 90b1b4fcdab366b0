"""Parts of a whole, as published text states them without writing a sum.

A whole and the parts after it: "收入216784亿元。其中，税收收入181129亿元；非税收入35655
亿元", "revenue of $150 million, of which services made up $30 million and products $120
million"; a whole broken down along one line ("分产业看，第一产业…；第二产业…；第三产业…",
"按经营单位所在地分，城镇…；乡村…", "By segment, …"); parts and the total said after them
("A $2m and B $3m, a total of $5m", 合计); percentages that are the parts of one whole
("… and the rest 15%", 其余2%为其他).

The parts of a list are the statements that follow its opening words in the same run of
clauses (a Chinese sentence's clauses joined by semicolons), each its additive amount: a
level, never a rate, a price, an average or a per-share figure. The whole is the figure
the list refers to: the statement right before "of which" (其中), or, for a breakdown, the
nearest figure before it in the paragraph that is no part of another list and is larger
than every part.

A sum that holds passes. One that does not is a failure only when the text says the parts
make up the whole (a partition): a breakdown (分产业看, 'by segment'), the rest named
(其余, 'the remaining'), as many parts as the text counts (三次产业, 'three segments'),
names that make up a whole together (城镇 and 乡村, 'domestic and international', 税收
and 非税, the three industries), or words that say so ('made up of', 'split between'); and the whole is the one
figure it can be. A bare 其中 or 'including' lists some parts, not all: such a sum only
passes.
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction
from typing import NamedTuple

from factcheck import quantity as q
from factcheck.infer import tree as t
from factcheck.infer.lang import Cues
from factcheck.infer.reading import Fig, Reading, Sentence, Stmt, span
from factcheck.infer.relate import compatible, named_whole, pair_values
from factcheck.infer.tree import Alt, Relation
from factcheck.lazyre import Lazy
from factcheck.prose import Mention

#: parts a list may have (a longer run is a table in prose, not a list of parts)
MAX_PARTS = 12


class Item(NamedTuple):
    """A statement of a paragraph, as a list sees it."""

    st: Stmt
    fig: Fig | None  # its additive amount: a level of the current period
    opens: str  # of_which | breakdown | total | rest | ""
    run: int  # which run of clauses (sentences joined by semicolons) of the paragraph


class Found(NamedTuple):
    """A list of parts and the wholes it can be the parts of (the likeliest first)."""

    parts: list[Fig]
    wholes: list[Fig]
    certain: bool  # the text says the parts make up the whole, and the whole is bound


def relations(r: Reading) -> list[Relation]:
    """The sums of parts the paragraphs and lists of the draft state, and the shares and
    percentages said of those parts."""
    out: list[Relation] = []
    by_section: dict[int, list[Found]] = {}  # the lists of each section so far: a structure may follow in another paragraph
    for sentences in r.scopes.values():
        items = _items(r, sentences)
        found = _lists(r, items) if len(items) >= 2 else []
        for f in found:
            rel = _sum(f.wholes, f.parts, f.certain)
            if rel is not None:
                out.append(rel)
        out += _totals(items)
        out += _plus_totals(sentences)
        out += _dividends(sentences)
        earlier = by_section.setdefault(sentences[0].section, [])
        for s in sentences:
            out += _percents(r, s, found)
            out += _structure(s, earlier + found)
        earlier += found
    return out


#: 三次产业结构为13.0:58.6:28.4, 三次产业结构比例为6.01:55.04:38.95: the shares of a list's parts in its whole
_STRUCTURE = Lazy(r"(?:结构|产业比例)(?:比例|比重|比)?(?:为|是|调整为|由[^，,。；;]{0,40}?调整为)?\s*"
                  r"(?P<figs>\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?){1,5})")


def _structure(s: Sentence, found: list[Found]) -> list[Relation]:
    """A structure written as a ratio of percentages (三次产业结构为13.0:58.6:28.4): each the
    share of the part in its place of the list before it of as many parts, in its whole."""
    if s.lang != "zh":
        return []
    m = _STRUCTURE.search(s.text, s.start, s.end)
    if m is None:
        return []
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", m.group("figs")))
    base = m.start("figs")
    out = _structure_sum(s, m, numbers)
    earlier = [f for f in found if f.parts and f.parts[-1].start < m.start() and len(f.parts) == len(numbers)]
    if not earlier or len(earlier[-1].wholes) != 1:
        return out
    last = earlier[-1]
    for part, n in zip(last.parts, numbers, strict=True):
        value = q.with_unit(q.literal(n.group()), q.PERCENT)
        at = Mention(base + n.start(), base + n.end(), n.group(), "number", value=value)
        stated = Fig(at, -1, "pct", value)
        stated.sent = s
        rel = _share_of(part, last.wholes, stated, last.certain)
        if rel is not None:
            out.append(rel._replace(rule="structure"))
    return out


def _structure_sum(s: Sentence, m: re.Match[str], numbers: list[re.Match[str]]) -> list[Relation]:
    """三次产业结构为6.8:42.7:50.5: the shares of the whole's parts, which sum to 100% (a
    ratio of other numbers, 1:2:7, is no structure of percentages and says nothing)."""
    base = m.start("figs")
    values = [q.with_unit(q.literal(n.group()), q.PERCENT) for n in numbers]
    total = sum((v.point for v in values), Fraction(0))
    if len(values) < 2 or not 50 <= total <= 150:
        return []  # (a slip in one share still leaves its structure near a hundred)
    cue = m.group(0)[: m.start("figs") - m.start()].rstrip()
    at = Mention(m.start(), m.start() + len(cue), cue, "number", value=q.exact(Fraction(100), q.PERCENT))
    figures = tuple(Mention(base + n.start(), base + n.end(), n.group(), "number", value=v) for n, v in zip(numbers, values, strict=True))
    check = t.call("sum", *(t.num(v) for v in values))
    return [Relation("sum", "structure-sum", check, t.num(q.exact(Fraction(100), q.PERCENT)), "≈", None, figures, at,
                     s.start, s.end, (), True)]


# --------------------------------------------------------------------------- items


def _items(r: Reading, sentences: list[Sentence]) -> list[Item]:
    out = []
    run = 0
    for k, s in enumerate(sentences):
        if k and r.text[sentences[k - 1].end - 1 : sentences[k - 1].end] not in (";", "；"):
            run += 1
        c = s.cues
        for st in s.stmts:
            if st.figs:
                first = _amount(st, c)
                out.append(Item(st, first, _opens(st, c), run))
                out += [Item(st, f, "", run) for f in _enumerated(r, st, first)]
    return out


def _enumerated(r: Reading, st: Stmt, first: Fig | None) -> list[Fig]:
    """The amounts a Chinese statement lists after its first one, each with its name after
    it (包括2100亿元信贷资金额度、800亿元各类援助): parts of their own, parted by 、 or 和."""
    if first is None or st.sent.lang != "zh":
        return []
    out: list[Fig] = []
    last = first
    for f in st.figs[st.figs.index(first) + 1 :]:
        if f.kind != "amt" or f.role != "level" or f.period != "cur" or not _ENUMERATED.search(r.text[last.end : f.start]):
            break
        out.append(f)
        last = f
    return out


#: what parts two amounts listed one after another: an enumeration comma, 和, 及
_ENUMERATED = Lazy(r"[、和及]")


def _amount(st: Stmt, c: Cues) -> Fig | None:
    """The statement's additive amount: its first level (or new figure) of the current
    period, in an amount, of a measure that adds up (not a price, an average, a rate); in a
    statement of a flow with no level, its increase (住户贷款增加1.46万亿元，其中…)."""
    flow = _flow(st)
    if flow is not None:
        return None if "/" in q.unit_text(flow.value.unit) else flow
    for k, f in enumerate(st.figs):
        if f.approx == "over" and (_MARK_PASSED.search(f.before) or _level_after(st, k)):
            # 迈上900亿美元台阶，达907.7亿美元: a milestone passed, then the figure; 全年出口首破6,000亿美元: no amount
            if _level_after(st, k):
                continue
            return None
        if f.role in ("level", "new") and f.kind == "amt" and f.period == "cur" and not f.code:
            if "/" in q.unit_text(f.value.unit) or c.has(st.measure, "col_per_unit"):
                return None
            return f
        if f.role in ("level", "new"):
            return None
    return None


def _level_after(st: Stmt, k: int) -> bool:
    return any(g.kind == "amt" and g.role == "level" for g in st.figs[k + 1 :])


#: a mark passed, said before a round figure: 首破, 突破, 迈上, 'topped', 'passed'
_MARK_PASSED = Lazy(r"(?:首破|首次突破|突破|迈上|跨过|站上|越过|破)\s*$|\b(?:topped|passed|crossed|surpassed)\s+(?:the\s+)?$",
                    re.IGNORECASE)


def _flow(st: Stmt) -> Fig | None:
    """A statement that gives an increase and no level: its increase, an amount of the
    period (贷款增加1.46万亿元), which adds up with the increases of its parts."""
    first = st.figs[0]
    if first.role == "change" and first.kind == "amt" and first.sign > 0 and first.period == "cur" and not first.code \
            and not any(f.role in ("level", "new", "base") for f in st.figs):
        return first
    return None


def _opens(st: Stmt, c: Cues) -> str:
    """What the words before the statement's first figure say of it in a list."""
    first = st.figs[0]
    lead = first.before
    if any(h.key == "total_word" for h in c.lead(lead, frozenset({"total_word", "fill", "about", "level", "currency"}))):
        return "total"
    pattern = c.pattern("breakdown")
    if pattern is not None and pattern.search(lead):
        return "breakdown"
    if _rest(lead, c):
        return "rest"
    lead = _CLOSED_ASIDE.sub(" ", lead)  # （…，包括申购手续费、转换标的等），100万元: an aside closed before the figure opens nothing
    if c.has(lead, "of_which") or c.has(lead, "exhaustive") and not _from_to(st):
        return "of_which"
    return ""


#: a bracketed aside (and what it opens) closed before the figure: its 包括 lists what it says, not the figures after it
_CLOSED_ASIDE = Lazy(r"[(（][^()（）]*[)）]|^[^()（）]*[)）]")


def _from_to(st: Stmt) -> bool:
    """由A…至B: the statement's first two figures are the ends of one change, not the
    parts of a whole made up 由 (of) them."""
    first = st.figs[0]
    later = first.sent.figs[first.i + 1 : first.i + 2] if first.sent is not None else []
    return bool(later) and ("至" in later[0].before or "到" in later[0].before)


def _rest(lead: str, c: Cues) -> bool:
    """The figure is the rest's: a clause of its lead opens with a rest phrase and says
    little else ('and the rest 15%', 'others, 5%', 其余2%为其他, 其余为韩系等其他品牌，合计占5.2%),
    not a name with 'other' in it ('other business services ($5.9 billion)')."""
    for clause in _LAST_CLAUSE.split(lead):
        clause = clause.strip()
        hits = c.tail(clause, frozenset({"rest", "stop", "fill", "level"}))
        if not any(h.key == "rest" for h in hits):
            continue
        if clause[:1] >= "\u3400":
            return True  # 其余…, 其他…: a Chinese clause that opens so is the rest
        if len(clause[hits[-1].end :].strip()) <= 12:
            return True
    # 'with services accounting for the remaining 56.8%': the rest phrase right before the figure
    return any(h.key == "rest" for h in c.lead(lead, frozenset({"rest", "fill", "level", "stop"}), limit=4))


_LAST_CLAUSE = Lazy(r"[,;:，；：、(（]|\band\b")


# --------------------------------------------------------------------------- lists after a whole


def _lists(r: Reading, items: list[Item]) -> list[Found]:
    out: list[Found] = []
    listed: set[int] = set()  # items that are parts of a list: never another list's whole
    heads: list[str] = []  # the first part's measure of each breakdown so far: a run opening with it goes on with it
    for k, it in enumerate(items):
        opens = "breakdown" if not it.opens and (_opens_again(items, k, heads) or _completes(items, k, listed)) else it.opens
        if opens not in ("of_which", "breakdown") or it.fig is None or k in listed:
            continue
        parts = _following(items, k)
        cut = next((i for i, j in enumerate(parts) if j in listed), len(parts))
        parts = parts[:cut]  # a part's own list ends where the list it is a part of goes on (其中…；非金融企业…)
        if len(parts) < 2:
            continue
        listed.update(parts)
        if opens == "breakdown":
            heads.append(it.st.measure)
        found = _found(r, items, k, parts, listed, opens)
        if found is not None:
            out.append(found)
    return out


def _found(r: Reading, items: list[Item], k: int, parts: list[int], listed: set[int], opens: str) -> Found | None:
    """The list of parts item ``k`` opens and the wholes it may be the parts of: in its
    paragraph, or for a breakdown the total its section said before it."""
    it = items[k]
    figs = [f for j in parts if (f := items[j].fig) is not None]  # a part always has its amount
    wholes = _wholes(items, k, figs, listed, opens == "of_which")
    if opens == "of_which" and it.st.sent.lang == "en":
        wholes = [w for w in wholes if w.sent is it.st.sent]  # 'X, of which A and B': X is in the sentence
    if opens == "breakdown" and not wholes:
        wholes = _whole_in_section(r, figs, _complete(it.st.sent.cues, [items[j].st.measure for j in parts]))
    if not wholes:
        return None
    told = _partition(items, k, parts) if opens != "breakdown" else not _partial(items, parts, figs, wholes[0])
    certain = told and len(wholes) == 1 and not _runs_on(items, k, parts[-1] + 1)
    return Found(figs, wholes, certain)


def _partial(items: list[Item], parts: list[int], figs: list[Fig], whole: Fig) -> bool:
    """A breakdown that may leave members out: short of its whole, and not a list the
    language knows is whole (分部门看 住户…企(事)业单位…非银行业金融机构 is short of all loans)."""
    names = [items[j].st.measure for j in parts]
    return not _complete(items[parts[0]].st.sent.cues, names) and _short_of(figs, whole)


def _short_of(parts: list[Fig], whole: Fig) -> bool:
    """Parts that add up to less than the whole even at the top of their rounding: a
    breakdown that may leave members out (an excess is never so explained)."""
    his = [p.value.iv.hi for p in parts]
    lo = whole.value.iv.lo
    return lo is not None and all(h is not None for h in his) and sum(h for h in his if h is not None) < lo


def _completes(items: list[Item], k: int, listed: set[int]) -> bool:
    """Item ``k`` and the statements after it name, each once, every member of a list the
    language knows makes up a whole (第一产业…；第二产业…；第三产业…): a breakdown with no
    words that open it."""
    if k in listed or items[k].fig is None:
        return False
    parts = _following(items, k)
    names = [items[j].st.measure for j in parts]
    return len(parts) >= 2 and _complete(items[k].st.sent.cues, names) and _alike_rest(items[k].st.sent.cues, names)


def _alike_rest(c: Cues, names: list[str]) -> bool:
    """Names that are the members of a list with the same words around each (第一产业增加值,
    第二产业增加值: 增加值; 总出口货值, 总进口货值: 总货值), not a part of one member beside
    another (本地产品出口 beside 总进口货值)."""
    for members in c.partitions():
        if len(members) != len(names):
            continue
        rests = set()
        for name in names:
            member = next((m for m in members if m in name), None)
            if member is None:
                break
            rests.add(name.replace(member, "", 1))
        else:
            if len(rests) == 1:
                return True
    return False


def _opens_again(items: list[Item], k: int, heads: list[str]) -> bool:
    """The first statement of a run names the measure a breakdown before it in its
    paragraph opened with ('按经营单位所在地分，3月份，城镇…；乡村…。1—3月份，城镇…；乡村…'):
    the breakdown goes on for another period."""
    it = items[k]
    return bool(heads) and it.st.measure in heads and (k == 0 or items[k - 1].run != it.run)


def _whole_in_section(r: Reading, parts: list[Fig], complete: bool = False) -> list[Fig]:
    """The whole of a breakdown whose paragraph gives none: the one total of its section,
    said before it, of the parts' span (3月份, 1—3月份), larger than each part, named as a
    total (社会消费品零售总额, 'total revenue')."""
    first = parts[0]
    s = first.sent
    if s is None:
        return []
    when = span(r, first).rstrip("份")
    if any(span(r, p).rstrip("份") != when for p in parts):
        return []
    largest = max(p.value.point for p in parts)
    # parts that name no period and make up a whole the language knows are of the period the
    # total before them names (全年…；第一产业…；第二产业…；第三产业…)
    found = [f for t2 in r.sections.get(s.section, []) if t2.scope != s.scope and t2.end <= s.start for f in t2.figs
             if _a_total(f, first, largest) and (not when and complete or span(r, f).rstrip("份") == when)]
    return found if len(found) == 1 else []


def _a_total(f: Fig, like: Fig, largest: Fraction) -> bool:
    """A figure of the period named as a total, of the parts' kind and larger than each."""
    return f.role in ("level", "new") and f.period == "cur" and not f.approx and _alike(f, like) \
        and f.value.point > largest and f.stmt is not None and bool(_TOTAL_NAME.search(f.stmt.measure))


#: a measure named as a total: 社会消费品零售总额, 进出口总值, 'total revenue'
_TOTAL_NAME = Lazy(r"(?:总额|总值|总量|总计|合计)$|\btotal\b")


def _runs_on(items: list[Item], k: int, stop: int) -> bool:
    """The list of item ``k`` ended at ``stop`` on an amount of its kind in its run that it
    did not take: it may run on, and its sum is no partition."""
    if stop >= len(items):
        return False
    it, nxt = items[k], items[stop]
    return nxt.run == it.run and nxt.fig is not None and it.fig is not None and nxt.opens == "" \
        and _alike(it.fig, nxt.fig)


def _following(items: list[Item], k: int) -> list[int]:
    """The parts of the list item ``k`` opens: it and the statements after it in its run
    whose amounts are of its kind, up to the next list."""
    first = items[k].fig
    assert first is not None
    out = [k]
    left: Fraction | None = None  # what is left of a part whose own parts are being said
    for j in range(k + 1, min(len(items), k + MAX_PARTS)):
        it = items[j]
        if left is not None and it.fig is not None and it.opens == "" and _low(it.fig) <= left:
            left -= _low(it.fig)  # 其中工业…；建筑业…: the part's parts go on while they fit in it (within their rounding)
            continue
        left = None
        if _nested(items, out, j):
            last = items[out[-1]].fig
            assert last is not None and it.fig is not None
            left = _high(last) - _low(it.fig)
            continue  # 第二产业投资10.58万亿元，其中制造业投资8.68万亿元；第三产业…: a part of a part
        if it.run != items[k].run and not _one_partition(items[k], it) or it.opens in ("of_which", "breakdown", "total"):
            break
        if it.fig is None:
            continue
        if not _goes_on(items[k], it):
            break
        out.append(j)
    return out


def _goes_on(first: Item, it: Item) -> bool:
    """A statement that can be the next part of the list ``first`` opens: an amount of its
    kind, and of the same measure's head (分区域看，海外收入…；研发费用…: the text has moved on)."""
    assert first.fig is not None and it.fig is not None
    if not _alike(first.fig, it.fig) or it.fig.value.point < 0:
        return False
    return _parallel(first.st, it.st) or _listed_whole(first, it)


def _one_partition(first: Item, it: Item) -> bool:
    """Two statements of members of one list the language knows (第一产业…。第三产业…): the
    list goes on past the end of a sentence."""
    a, b = first.st.measure, it.st.measure
    return any(_each_once(m, [a, b]) for m in first.st.sent.cues.partitions())


def _low(f: Fig) -> Fraction:
    """The least value a figure's rounding allows (its value when unbounded)."""
    lo = f.value.iv.lo
    return lo if lo is not None else f.value.point


def _high(f: Fig) -> Fraction:
    hi = f.value.iv.hi
    return hi if hi is not None else f.value.point


def _nested(items: list[Item], parts: list[int], j: int) -> bool:
    """Item ``j`` opens a list of its own inside the part just before it, in that part's
    sentence ('其中制造业投资8.68万亿元' after '第二产业投资10.58万亿元'): smaller than that
    part, and the list goes on right after it with a part like its first."""
    it, last = items[j], items[parts[-1]]
    if it.opens != "of_which" or it.fig is None or last.fig is None or it.st.sent is not last.st.sent:
        return False
    if it.fig.value.point >= last.fig.value.point or j + 1 >= len(items):
        return False
    later = [o for o in items[j + 1 : j + 4] if o.fig is not None]
    return any(o.opens == "" and o.run == last.run and _parallel(items[parts[0]].st, o.st) for o in later)


def _listed_whole(first: Item, it: Item) -> bool:
    """A part in the sentence of a list that says it holds the whole ('资本预算约149.82亿美元，
    包括A产能72.5亿美元，B产能11.59亿美元，研发预算35.81亿美元、租赁资产29.92亿美元'): its
    names need not share a head."""
    c = first.st.sent.cues
    return it.st.sent is first.st.sent and c.has(first.st.figs[0].before, "exhaustive")


def _alike(a: Fig, b: Fig) -> bool:
    """Amounts of one kind: of compatible units, both bare or neither (亿件 is no 亿元), and
    bare ones counting the same thing (亿件, 万辆)."""
    if not compatible(a, b) or q.is_plain(a.value.unit) != q.is_plain(b.value.unit):
        return False
    if (a.role == "change") != (b.role == "change"):
        return False  # an increase adds up with increases, a level with levels
    return not q.is_plain(a.value.unit) or _unit_word(a) == _unit_word(b)


def _unit_word(f: Fig) -> str:
    """What a bare figure counts, as the word right after it says (件, 辆, tonnes)."""
    for h in f.tail[:2]:
        if h.key == "unit_word":
            return h.phrase
    words = f.after.split()
    word = words[0].lower().strip(",.;:") if words and f.sent is not None and f.sent.lang == "en" else ""
    return "" if word in _NO_THING else word


#: words after a figure that say nothing of what it counts ('8,153,900 and part-time …')
_NO_THING = frozenset({"and", "or", "but", "while", "whereas", "in", "of", "to", "from", "for", "on", "at", "by", "with",
                       "the", "a", "an", "compared", "against", "versus", "vs", "respectively", "this", "that", "which"})


def _parallel(a: Stmt, b: Stmt) -> bool:
    """Two statements a list of parts may hold: in Chinese, names of one head (第一产业增加值
    and 第二产业增加值, 税收收入 and 非税收入) or names that complete each other (出口, 进口);
    an English list is read by its opening words alone."""
    if a.sent.lang != "zh" or b.sent.lang != "zh":
        return True
    x, y = a.measure, b.measure
    if len(x) >= 2 and len(y) >= 2 and x[-2:] == y[-2:]:
        return True
    return any(len(m) == 2 and _each_once(m, [x, y]) for m in a.sent.cues.partitions())


def _wholes(items: list[Item], k: int, parts: list[Fig], listed: set[int], adjacent: bool) -> list[Fig]:
    """The figures the list can be the parts of, the likeliest first: the statement right
    before 'of which' (其中); for a breakdown, the figures before it in the paragraph that
    are no part of a list, each larger than every part."""
    largest = max(p.value.point for p in parts)
    out = []
    for j in range(k - 1, -1, -1):
        it = items[j]
        if j in listed and adjacent and j == k - 1 and _holds(it.fig, parts[0], largest):
            assert it.fig is not None
            return [it.fig]  # 第二产业…，其中工业…；建筑业…: a part's own parts, after it
        if it.fig is None or j in listed or it.fig.period != "cur" or it.fig.approx:
            continue  # a threshold ('首次突破10万亿元', 'more than $5 billion') is no whole
        if not _alike(it.fig, parts[0]) or it.fig.value.point <= largest:
            continue
        out.append(it.fig)
        if adjacent:
            break
    return out


def _holds(whole: Fig | None, part: Fig, largest: Fraction) -> bool:
    """A figure of the period that can hold parts like ``part``, the largest of them ``largest``."""
    return whole is not None and whole.period == "cur" and _alike(whole, part) and whole.value.point > largest


def _partition(items: list[Item], k: int, parts: list[int]) -> bool:
    """The text says the parts make up their whole."""
    first = items[k]
    c = first.st.sent.cues
    if first.opens == "breakdown" or c.has(first.st.figs[0].before, "exhaustive"):
        return True
    if any(items[j].opens == "rest" for j in parts):
        return True
    names = [items[j].st.measure for j in parts]
    return _complete(c, names) or _counted(c, first.st.figs[0].before, len(parts))


def _complete(c: Cues, names: list[str]) -> bool:
    """Names that make up a whole together: 城镇 and 乡村, 'domestic' and 'international', the
    three industries, a name and its 非 (税收收入, 非税收入)."""
    low = [n.lower() for n in names]
    if len(low) == 2:
        a, b = low
        if a.startswith("非") and a[1:3] in b or b.startswith("非") and b[1:3] in a:
            return True
    for members in c.partitions():
        if len(members) == len(low) and _each_once(members, low):
            return True
    return False


def _each_once(members: tuple[str, ...], names: list[str]) -> bool:
    """Every name holds one member of the list, and no two the same one."""
    used: set[int] = set()
    for name in names:
        k = next((i for i, m in enumerate(members) if i not in used and m in name), None)
        if k is None:
            return False
        used.add(k)
    return True


def _counted(c: Cues, lead: str, n: int) -> bool:
    """The list names how many parts it has, and has that many: 三次产业, 'three segments'."""
    pattern = c.pattern("counted")
    found = pattern.search(lead) if pattern is not None else None
    if found is None:
        return False
    word = found.group(1).lower()
    numbers = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "two": 2,
               "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
    return numbers.get(word) == n


# --------------------------------------------------------------------------- totals after their parts


def _totals(items: list[Item]) -> list[Relation]:
    """'A $2m and B $3m, a total of $5m', 东部…、西部…，合计…: a total said after the
    parts of its run (from the run's start or the last list opened in it)."""
    out: list[Relation] = []
    for k, it in enumerate(items):
        total = _total_fig(it)
        if total is None:
            continue
        parts: list[Fig] = []
        for j in range(k, -1, -1):
            other = items[j]
            if other.run != it.run:
                break
            f = other.fig
            if f is not None and f is not total and _alike(f, total) and f.value.point >= 0:
                parts.insert(0, f)
            if other.opens in ("of_which", "breakdown") or len(parts) >= MAX_PARTS:
                break
        if len(parts) >= 2 and all(p.value.point <= total.value.point for p in parts):
            rel = _sum([total], parts, False)
            if rel is not None:
                out.append(rel._replace(rule="total-of-parts"))
    return out


def _total_fig(it: Item) -> Fig | None:
    c = it.st.sent.cues
    for f in it.st.figs:
        if f.kind == "amt" and f.period == "cur" and any(h.key == "total_word" for h in f.lead):
            return f
        if f.kind == "amt" and any(h.key == "total_word" for h in c.lead(f.before)):
            return f
    return None


# --------------------------------------------------------------------------- an amount plus another, and their total


def _plus_totals(sentences: list[Sentence]) -> list[Relation]:
    """'A, plus B, … C', 'A，加上B，已进帐C': an amount, the amounts added to it each after a
    word of adding, and the next amount after them, of one kind and the period's, their
    total (figures of another kind between are passed over: 11月份). The words say these
    parts make it: a sum that misses is an error."""
    out: list[Relation] = []
    for s in sentences:
        figs = [f for f in s.figs if f.kind == "amt" and f.role != "change"]
        done = -1
        for hit in s.cues.find_all(s.text[s.start : s.end], "plus"):
            at = s.start + hit.start
            if at < done:
                continue
            found = _plus_run(s, figs, at)
            if found is not None:
                parts, total = found
                done = total.end
                rel = _sum([total], parts, True)
                if rel is not None:
                    out.append(rel._replace(rule="plus-total"))
    return out


def _plus_run(s: Sentence, figs: list[Fig], at: int) -> tuple[list[Fig], Fig] | None:
    """The amounts added from the word of adding at ``at`` on (the one before it first), and
    their total: each next amount of the first one's kind, added while a word of adding
    stands before it, then the next, said as a total ('for a total of', 已进帐)."""
    before = [f for f in figs if f.end <= at]
    if not before:
        return None
    parts = [before[-1]]
    rest = [f for f in figs if f.start > at and _alike(f, parts[0])]
    for f in rest:
        if len(parts) > 1 and not _added(s, parts[-1], f):
            return (parts, f) if _plus_total(parts, f) and s.cues.has(s.text[parts[-1].end : f.start], "total_word") else None
        parts.append(f)
    return None


def _added(s: Sentence, before: Fig, f: Fig) -> bool:
    """A word of adding stands between the amount before and ``f`` ('…, plus November's')."""
    between = s.text[before.end : f.start]
    return len(between) <= 40 and s.cues.has(between, "plus") and not s.cues.has(between, "from")


def _plus_total(parts: list[Fig], total: Fig) -> bool:
    figs = parts + [total]
    return len(parts) <= MAX_PARTS and all(x.period == "cur" and x.role in ("level", "new", "alt") for x in figs) \
        and all(0 <= p.value.point < total.value.point for p in parts)


# --------------------------------------------------------------------------- a year's dividends


def _dividends(sentences: list[Sentence]) -> list[Relation]:
    """A year's dividend and its parts: 'a final dividend of 8.25p … Added to the 3.85p
    interim, that makes a total of 12.10p for the year', 末期股息每股2.40港元，连同中期股息
    每股2.43港元，全年股息合计每股4.83港元. The parts are the figures named by a kind of
    dividend (interim, final, special, 中期, 末期) in the sentence and the one before it;
    an 'ordinary' total leaves the special one out. Interim and final make the year's
    dividend by definition: a sum that misses is an error."""
    out: list[Relation] = []
    for k, s in enumerate(sentences):
        near = sentences[max(0, k - 1) : k + 1]
        if not any(t2.cues.has(t2.words(), "dividend") for t2 in near):
            continue
        for total in s.figs:
            rel = _year_dividend(s, near, total) if _dividend_tag(total) == "total" else None
            if rel is not None:
                out.append(rel._replace(rule="dividends"))
    return out


def _year_dividend(s: Sentence, near: list[Sentence], total: Fig) -> Relation | None:
    """A year's dividend as the sum of its parts named in its sentence, else in the
    sentence before too, in one unit ('74 US cents', 'the 72-cent interim' borrows it)."""
    parts = _dividend_parts([s], total)
    if len(parts) < 2:
        parts = _dividend_parts(near, total)  # the final in one sentence, 'Added to the interim …' in the next
    parts = [_per_share_as(p, total) for p in parts]
    total = _per_share_as(total, parts[0]) if parts else total
    if len(parts) < 2 or not all(compatible(p, total) for p in parts):
        return None
    distinct = len({kind for kind, _ in _kinds(parts)}) == len(parts)
    return _one_sum(total, [p for p in parts for _ in range(_times_over(p))], distinct)


def _per_share_as(f: Fig, other: Fig) -> Fig:
    """A dividend 'a share' (¥45 a share) beside one in its currency alone (¥75): the same
    kind of amount, its per share said once for the sentence."""
    text, like = q.unit_text(f.value.unit), q.unit_text(other.value.unit)
    if "/" in text and "/" not in like and like and text.split("/")[0] == like:
        g = Fig(f.m, f.i, f.kind, q.with_unit(f.value, other.value.unit))
        g.sent, g.role, g.period, g.stmt, g.before, g.after = f.sent, f.role, f.period, f.stmt, f.before, f.after
        return g
    return f


def _dividend_parts(sentences: list[Sentence], total: Fig) -> list[Fig]:
    ordinary = "ordinary" in _clause_before(total).lower()
    parts = []
    for t2 in sentences:
        for f in t2.figs:
            if f is total or f.kind != "amt" or f.role not in ("level", "new") or _dividend_tag(f) != "part":
                continue
            if ordinary and _kind_word(f) == "special":
                continue  # 'ordinary dividends for the year total 104 cents': the special one is outside it
            parts.append(f)
    return parts


def _kinds(parts: list[Fig]) -> list[tuple[str, Fig]]:
    return [(_kind_word(f), f) for f in parts]


def _clause_before(f: Fig) -> str:
    return re.split(r"[,;，；。]", f.before)[-1]


def _kind_word(f: Fig) -> str:
    """The kind of dividend a figure is named as: in its clause before it ('a final dividend
    of', 末期股息每股) or right after it ('the 3.85p interim'); a kind right after the figure
    before it is that one's ('¥30 interim gives an annual payout of ¥75')."""
    c = f.sent.cues if f.sent is not None else None
    if c is None:
        return ""
    before = _clause_before(f)
    if f.i and before is f.before:
        skip = c.tail(before.lstrip(" -"), frozenset({"dividend_part"}))
        if skip:
            before = before.lstrip(" -")[skip[0].end :]
    found = c.find(before, "dividend_part")
    if found is not None:
        # the last kind named before it, its longest phrase (第一次中期, 'first interim')
        last = found
        while True:
            nxt = c.find(before[last.end :], "dividend_part")
            if nxt is None:
                break
            last = nxt._replace(start=nxt.start + last.end, end=nxt.end + last.end)
        return last.phrase.lower()
    after = _first_clause(f.after.lstrip(" -"))
    found = c.find(after[:16], "dividend_part")
    if found is not None:
        return found.phrase.lower()
    return _kind_across_aside(f, before)


def _kind_across_aside(f: Fig, clause: str) -> str:
    """The kind named before an aside, when the figure's own clause is a bare 'of' ('the
    interim dividend, paid in June 2016, of 3.5p'): the last kind named since the amount
    before it."""
    c = f.sent.cues if f.sent is not None else None
    if c is None or clause.strip().lower() not in ("of", "at", "was", "is", "will be"):
        return ""
    s = f.sent
    assert s is not None
    since = max((g.end for g in s.figs if g.i < f.i and g.kind == "amt" and not q.is_plain(g.value.unit)), default=s.start)
    window = s.text[max(since, f.start - 120) : f.start]
    kinds = [h for h in c.tail(window, frozenset({"dividend_part"}), limit=64) if h.key == "dividend_part"]
    if not kinds:
        found = c.find(window, "dividend_part")
        return found.phrase.lower() if found is not None else ""
    return kinds[-1].phrase.lower()


def _window_clause(f: Fig) -> str:
    """The clause before a figure in the sentence's own text (a number word before it,
    'three', is read as a figure of its own)."""
    s = f.sent
    if s is None:
        return f.before
    return re.split(r"[,;，；。]", s.text[max(s.start, f.start - 80) : f.start])[-1]


def _first_clause(text: str) -> str:
    return re.split(r"[,;，；。]", text)[0]


def _times_over(f: Fig) -> int:
    """How many dividends of this amount the words before it count: 'three quarterly
    interim dividends of €1.45', 两次中期股息."""
    found = re.search(r"\b(two|three|four)\s+(?:quarterly\s+|interim\s+|equal\s+)*(?:interim\s+)?dividends\s+"
                      r"(?:of\s+)?$|(?<!第)([两二三四])次[^，,。；;\d]{0,8}$", _window_clause(f), re.IGNORECASE)
    if found is None:
        return 1
    word = (found.group(1) or found.group(2)).lower()
    return {"two": 2, "three": 3, "four": 4, "两": 2, "二": 2, "三": 3, "四": 4}[word]


def _dividend_tag(f: Fig) -> str:
    """'part' for a figure named as one kind of dividend, 'total' for the year's, '' else."""
    if f.kind != "amt" or f.period != "cur" or f.sent is None:
        return ""
    c = f.sent.cues
    clause = _clause_before(f)
    if c.find(_first_clause(f.after.lstrip(" -"))[:16], "dividend_part") is not None:
        return "part"  # 'the 3.85p interim', '¥30 interim gives an annual payout of'
    said_total = _said_year_total(f, clause)
    kind = _kind_word(f)
    if said_total and not (kind and c.has(clause, "dividend_part") and not c.has(clause, "year_total")):
        return "total"
    return "part" if kind else ""


def _said_year_total(f: Fig, clause: str) -> bool:
    """Whether the words around a dividend say it is the year's total: after it ('a total
    of', 'made up of …' before any part named), or before it ('taking the total for the
    year … to')."""
    assert f.sent is not None
    c = f.sent.cues
    after = _first_clause(f.after)
    if re.fullmatch(r"\s*(?:a share|per share|each|a year)?\s*", after):
        after = " ".join(re.split(r"[,;，；。]", f.after)[:2])  # 'HK$7.14 a share, made up of …'
    if c.has(clause, "year_total") or c.has(after, "year_total") or c.has(after, "exhaustive"):
        return True
    # 'Dividend per share 13.70p (2023/24: 12.10p), up 13.2%, made up of the 4.25p interim …'
    rest = f.sent.text[f.end : min(f.sent.end, f.end + 100)]
    made = c.find(rest, "exhaustive")
    named = c.find(rest, "dividend_part")
    if made is not None and (named is None or made.start < named.start) and c.has(clause, "dividend"):
        return True
    if clause.strip().lower() in ("to", "of", "at", "为", "至", "达"):
        window = f.sent.text[max(f.sent.start, f.start - 90) : f.start]
        return c.has(window, "year_total")  # 'taking the total for the year, including …, to Rs 46'
    return False


# --------------------------------------------------------------------------- percentages of parts


def _percents(r: Reading, s: Sentence, found: list[Found]) -> list[Relation]:
    """Percentages listed one after another in a sentence: the shares of a list of parts
    ('分别占全部快递业务量的10.3%、86.3%和2.3%', 'accounted for 45% and 55% … respectively'),
    each checked against its part; their sum, 100% where the parts make up the whole or the
    rest is named (其余2%为其他), or the total said after them (先进制程合计占74%)."""
    runs = _percent_runs(s)
    out: list[Relation] = []
    for run in runs:
        out += _listed_shares(r, s, run, found)
        rel = _percent_sum(s, run, found)
        if rel is not None:
            out.append(rel)
    return out


def _percent_runs(s: Sentence) -> list[list[Fig]]:
    """Runs of percentages that are shares or levels (never changes), each figure after
    the one before with only a list's words between: 、 和 及 and , (or a name and 占)."""
    runs: list[list[Fig]] = []
    current: list[Fig] = []
    for f in s.figs:
        ok = f.kind == "pct" and f.role in ("share", "level") and f.period == "cur" and not f.years
        if ok and current and len(f.before) <= 60:
            current.append(f)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [f] if ok else []
    if len(current) >= 2:
        runs.append(current)
    return runs


def _listed_shares(r: Reading, s: Sentence, run: list[Fig], found: list[Found]) -> list[Relation]:
    """Each percentage of a run said 'respectively' (分别) is the share of the part in its
    place: the amounts listed just before it in the sentence (分别进出口5.51万亿元和4.67万亿元，
    分别占13.2%和12.2%), else the parts of the latest list of as many before it in the
    paragraph (三次产业增加值…的比重分别为7.1%、38.3%和54.6%)."""
    if not s.cues.has(s.words(), "respectively") or run[0].role != "share":
        return []
    n = len(run)
    parts, wholes, bound = _parts_for(r, s, run, found)
    if len(parts) != n or not wholes:
        return []
    out = []
    for part, p in zip(parts, run, strict=True):
        rel = _share_of(part, wholes, p, bound)
        if rel is not None:
            out.append(rel)
    return out


def _parts_for(r: Reading, s: Sentence, run: list[Fig], found: list[Found]) -> tuple[list[Fig], list[Fig], bool]:
    """The parts the run's shares are of, their possible wholes, and whether both are bound."""
    n = len(run)
    before = [f for f in s.figs if f.i < run[0].i]
    listed = before[-n:]
    if len(listed) == n and _listed_levels(listed):
        wholes = _whole_of_listed(r, s, run[0], listed[0])
        return listed, wholes, len(wholes) == 1
    if any(f.kind == "amt" and f.role in ("level", "new") for f in before):
        return [], [], False  # the sentence lists amounts of its own (分别为A和B…比重分别为…): the shares are theirs
    earlier = [f for f in found if f.parts and f.parts[-1].start < run[0].start and len(f.parts) == n]
    if not earlier:
        return [], [], False
    last = earlier[-1]
    named = _whole_named(r, s, run[0], last.parts[0])
    wholes = named or last.wholes
    return last.parts, wholes, len(wholes) == 1


def _listed_levels(listed: list[Fig]) -> bool:
    """Amounts at a level, one right after another."""
    return all(f.kind == "amt" and f.role in ("level", "new") for f in listed) \
        and all(b.i == a.i + 1 for a, b in itertools.pairwise(listed))


def _whole_named(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    return named_whole(r, s, p, part) if p.whole else []


def _frame_whole(r: Reading, s: Sentence, first: Fig) -> list[Fig]:
    """The whole a sentence frames its parts in: 在41.76万亿元的进出口总值中，…; 'Of the $48
    billion total, …'."""
    for f in s.figs:
        if f.i >= first.i or f.kind != "amt":
            continue
        after = r.text[f.end : f.end + 16]
        if s.lang == "zh" and re.match(r"[^，,。；;\d]{0,12}中", after) and "在" in f.before[-4:]:
            return [f]
        if s.lang == "en" and re.search(r"\bof\s+(?:the\s+)?$", f.before.lower()):
            return [f]
    return []


def _whole_of_listed(r: Reading, s: Sentence, p: Fig, first: Fig) -> list[Fig]:
    """The whole of amounts listed in a sentence: the one the share names, the one the
    sentence frames them in, or the one their 其中 follows."""
    return _whole_named(r, s, p, first) or _frame_whole(r, s, first) or _of_which_whole(r, s, first)


def _of_which_whole(r: Reading, s: Sentence, first: Fig) -> list[Fig]:
    """The whole a list of parts opens with 其中 or 当中 after (经陆路入境的旅客共1,695,178人次，
    …，当中经关闸口岸(823,029人次)、…分别占48.6%、…): the amount just before it."""
    before = [f for f in s.figs if f.i < first.i and f.kind == "amt" and f.role in ("level", "new")]
    if s.lang != "zh" or not before:
        return []
    whole = before[-1]
    between = r.text[whole.end : first.start]
    return [whole] if _OF_WHICH_ZH.search(between) and not any(
        f.kind == "amt" for f in s.figs if whole.i < f.i < first.i and f.role in ("level", "new")) else []


#: the words that open a list of a whole's parts: 其中, 当中
_OF_WHICH_ZH = Lazy(r"[，,；;]\s*(?:其中|当中)")


def _share_of(part: Fig, wholes: list[Fig], p: Fig, bound: bool) -> Relation | None:
    found = []
    for w in wholes:
        if not _alike(part, w):
            continue
        values = pair_values(part, w)
        if values is None or values[1].point == 0:
            continue
        found.append(t.call("share", t.num(values[0]), t.num(values[1])))
    if not found:
        return None
    s = p.sent
    assert s is not None
    alts = tuple(Alt(x, t.num(p.value), "binding") for x in found[1:])
    return Relation("share", "listed-shares", found[0], t.num(p.value), "≈", None, (part.m, wholes[0].m, p.m), p.m,
                    s.start, s.end, alts, bound and len(found) == 1)


def _percent_sum(s: Sentence, run: list[Fig], found: list[Found]) -> Relation | None:
    """The percentages of a run that make up their whole (the rest named, or the parts of a
    list that makes up its whole) sum to 100%; those before a total (合计占74%) to it."""
    split = _percent_parts(s, run, found)
    if split is None:
        return None
    parts, stated, total, rest = split
    if not any(f.role == "share" for f in run) and (rest is None or rest != len(run) - 1):
        return None  # rates of a list (tariffs of 17.0%, 19.3% …, 其他合作公司21.3%, 其他…36.3%): a rest is the last part
    values = [v for f in parts for v in [f.value] * _each_of(f)]
    total_value = sum((v.point for v in values), Fraction(0))
    if total_value > 150:
        return None
    # far from a whole: the list is likely not all of it
    certain = total is not None or abs(total_value - 100) <= 20
    check = t.call("sum", *(t.num(v) for v in values))
    last = run[total] if total is not None else parts[-1]
    return Relation("sum", "percent-parts", check, t.num(stated), "≈", None, tuple(f.m for f in parts), last.m,
                    s.start, s.end, (), certain and _one_whole(parts))


def _percent_parts(s: Sentence, run: list[Fig], found: list[Found]) -> tuple[list[Fig], q.Value, int | None, int | None] | None:
    """(the parts, what they sum to, where the total is, where the rest is) of a run of
    percentages: those before a total said in the run, to it; else to 100%, up to the rest
    named (three at least), or all of a list that makes up its whole; None for the others."""
    total = next((k for k, f in enumerate(run) if k >= 2 and _said_total(f) and not _rest(f.before, s.cues)), None)
    if total is not None:
        return run[:total], run[total].value, total, None
    rest = _rest_at(s, run)
    if rest is None and not (_bound_list(run, found) and s.cues.has(s.words(), "respectively")):
        return None
    parts = run[: rest + 1] if rest is not None else run
    if len(parts) < 3 and rest is not None:
        return None
    return parts, q.exact(Fraction(100), q.PERCENT), None, rest


def _rest_at(s: Sentence, run: list[Fig]) -> int | None:
    """Where in the run the rest is (其他, 'other'), or the last when the list names it."""
    rest = next((k for k, f in enumerate(run) if _rest(f.before, s.cues)), None)
    if rest is None and _names_the_rest(s, run):
        rest = len(run) - 1  # 储能系统、动力电池和其他业务收入分别占…的52%、31%和17%
    return rest


def _bound_list(run: list[Fig], found: list[Found]) -> bool:
    """A list of parts bound to their whole before the run, as many as the run, and no
    amounts of the run's own sentence between (分别为A和B…比重分别为…: the shares are of A and B)."""
    s = run[0].sent
    own = s is not None and any(f.kind == "amt" and f.role in ("level", "new") and f.i < run[0].i for f in s.figs)
    return not own and any(f.certain and len(f.parts) == len(run) and f.parts[-1].start < run[0].start for f in found)


def _names_the_rest(s: Sentence, run: list[Fig]) -> bool:
    """A run said 'respectively' (分别) of names listed before it, the last of them the rest's
    (其他业务, 'other')."""
    said = s.cues.find(s.text[s.start : run[0].start], "respectively")
    if said is None:
        return False
    head = re.split(r"[，,；;：:。]", s.text[s.start : s.start + said.start])[-1]
    names = [n for n in re.split(r"[、和及与]|\band\b", head) if n.strip()]
    return len(names) == len(run) and s.cues.tail(names[-1].strip(), frozenset({"rest"})) != []


def _each_of(f: Fig) -> int:
    """How many parts a percentage stands for: 物联网与车用电子各占6% is two of 6%, 'A and B
    each had 6%' too; one otherwise."""
    s = f.sent
    if s is None or not re.search(r"各\s*(?:占|为|约占)?\s*$|\beach\s+(?:had|held|took|made up|accounted for)?\s*$",
                                  f.before):
        return 1
    name = f.stmt.measure if f.stmt is not None else ""
    names = [n for n in re.split(r"[与和及、]|\band\b|,", name) if n.strip()]
    return len(names) if 2 <= len(names) <= 4 else 1


def _one_whole(parts: list[Fig]) -> bool:
    """The percentages are of one whole: at most one whole named among them."""
    return len({f.whole for f in parts if f.whole}) <= 1


def _said_total(f: Fig) -> bool:
    return any(h.key == "total_word" for h in f.lead) or (f.sent is not None and any(
        h.key == "total_word" for h in f.sent.cues.lead(f.before[-12:])))


# --------------------------------------------------------------------------- the relation


def _sum(wholes: list[Fig], parts: list[Fig], certain: bool) -> Relation | None:
    """sum(parts) ≈ whole, with the other wholes the list may refer to as other bindings."""
    found = [rel for rel in (_one_sum(w, parts, certain) for w in wholes) if rel is not None]
    if not found:
        return None
    first = found[0]
    return first._replace(alts=tuple(Alt(x.check, x.stated, "binding") for x in found[1:]))


def _one_sum(whole: Fig, parts: list[Fig], certain: bool) -> Relation | None:
    values = []
    stated = None
    for p in parts:
        pv = pair_values(p, whole)
        if pv is None:
            return None
        values.append(pv[0])
        stated = pv[1]
    if stated is None:
        return None
    s = whole.sent
    assert s is not None
    check = t.call("sum", *(t.num(v) for v in values))
    start = min(p.start for p in parts + [whole])
    end = max(p.end for p in parts + [whole])
    return Relation("sum", "parts", check, t.num(stated), "≈", None, (*(p.m for p in parts), whole.m), whole.m,
                    _sentence_start(parts + [whole], start), end, (), certain)


def _sentence_start(figs: list[Fig], start: int) -> int:
    starts = [f.sent.start for f in figs if f.sent is not None]
    return min(starts) if starts else start
