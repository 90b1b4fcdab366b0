"""Ratios a text states between its figures, read by role like every other relation.

- **times**: "revenue of $90 million was three times the $30 million of 2019", 收入是2019年
  的3倍, 城镇消费品零售额是乡村的6.4倍 (a side named, not written: the figure of that name
  in the paragraph); "more than three times" compares with >.
- **years of**: "a 380-billion-yuan plan equals two and a half years of its net profit of
  157.5 billion yuan", 相当于6.6年的一般公共预算收入: the amount over the flow a year.
- **per each**: "9.9 million members, or about 8,000 per store" over "1,240 stores"; 人均约
  1435元 over a total and a count of people.
- **cagr**: "from A in 2019 to B in 2024, a compound annual growth rate of 10%", 年均增长,
  年均复合增长率: over the years between the two figures' years, or 'over N years'.
- **difference**: "exports of $300 billion and imports of $220 billion, leaving a surplus
  of $80 billion", 相抵后顺差…, 'A$1.6 billion more than': the larger less the smaller.

The phrases are the language tables' (``lang``: ``times``, ``patterns`` …); each check is
a tree over the figures, never text read again.
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck import quantity as q
from factcheck.infer import tree as t
from factcheck.infer.reading import Fig, Reading, Sentence, Stmt, name_of, same_measure
from factcheck.infer.relate import APPROX, comparison, compatible, compound, pair_values
from factcheck.infer.tree import Alt, Relation
from factcheck.lazyre import Lazy
from factcheck.prose import Mention


def relations(r: Reading) -> list[Relation]:
    out: list[Relation] = []
    for s in r.sentences:
        if len(s.figs) < 2 and not s.cues.has(s.words(), "times"):
            continue
        for f in s.figs:
            rel = _times(r, s, f) or _per_each(s, f) or _per_day(s, f) or _cagr(r, s, f) or _difference(r, s, f)
            if rel is not None:
                out.append(rel)
        out += _years_of(s)
    return out


def _pattern(s: Sentence, name: str) -> Lazy | None:
    return s.cues.pattern(name)


def _ratio(name: str, a: Fig, b: Fig, n: Fig, s: Sentence, certain: bool = True) -> Relation | None:
    values = pair_values(a, b) if compatible(a, b) else None
    if values is None or values[1].point == 0 or not q.is_plain(n.value.unit):
        return None
    stated = q.Value(n.value.point, n.value.iv, q.PLAIN, None)
    cmp, tol = comparison(n, 1)
    if s.lang == "zh" and re.match(r"^\s*倍(?:多|以上)", n.after):
        cmp = ">"  # 6倍多, 10倍以上
    check = t.over(t.num(values[0]), t.num(values[1]))
    return Relation("ratio", name, check, t.num(stated), cmp, tol, (a.m, b.m, n.m), n.m, s.start, s.end, (), certain)


# --------------------------------------------------------------------------- times


def _times(r: Reading, s: Sentence, n: Fig) -> Relation | None:
    """A is N times B: the figure before N and the one its reference names after it ('the
    $30 million', 'that of'), or 是B的N倍 (B written or named)."""
    if n.role != "ratio" or n.kind != "amt" or n.value.mag is not None:
        return None
    figs = s.figs
    k = n.i
    subject, ref = _pattern(s, "times_subject"), _pattern(s, "times_ref")
    if s.lang == "en" and k and k + 1 < len(figs) and subject is not None and ref is not None:
        a, b = figs[k - 1], figs[k + 1]
        if a.kind == "amt" and b.kind == "amt" and subject.search(n.before) and ref.fullmatch(_after_times(n)):
            return _ratio("times", a, b, n, s)
    if s.lang == "zh":
        return _times_zh(r, s, n) or _times_over_period(s, n)
    return _times_over_period(s, n)


#: 'ten times as many', 'four times the level': the later figure over the earlier one of a 'from … to …'
_AS_MANY = Lazy(r"^\s*(?:times\s+)?(?:as (?:many|much|large|high|big)|the (?:level|number|amount|size))", re.IGNORECASE)
#: 2024年销量是2019年的10倍多
_YEAR_SIDES_ZH = Lazy(r"(\d{4})年[^，,。；;]{0,8}(?:是|为|相当于)(\d{4})年的(?:约|近|超过)?\s*$")


def _times_over_period(s: Sentence, n: Fig) -> Relation | None:
    """'from 1.2 million in 2019 to 12.9 million in 2024, more than ten times as many';
    由2019年的120.6万辆增至2024年的1286.6万辆 … 2024年销量是2019年的10倍多."""
    said = _AS_MANY.match(_after_times(n)) if s.lang == "en" else _YEAR_SIDES_ZH.search(s.text[s.start : n.start])
    if said is None:
        return None
    bases = [f for f in s.figs if f.role == "base" and f.kind == "amt" and f.i < n.i]
    news = [f for f in s.figs if f.role == "new" and f.kind == "amt" and f.i < n.i]
    if len(bases) != 1 or len(news) != 1:
        return None
    return _ratio("times-over-period", news[0], bases[0], n, s)


def _after_times(n: Fig) -> str:
    """What stands between 'N times' and the figure it compares with: ' the ', ' that of '."""
    text = n.after
    return re.sub(r"^\s*(?:times|-fold|fold|x)\b", "", text, flags=re.IGNORECASE)


#: 是/为/相当于 …的N倍: the two sides before it (A … 是 B 的)
_SIDES_ZH = Lazy(r"^(?P<a>[^，,。；;]*?)(?:是|为|相当于|达到)(?P<b>[^，,。；;\d]{0,12}?)的(?:约|近|超过|逾)?\s*$")


def _times_zh(r: Reading, s: Sentence, n: Fig) -> Relation | None:
    """收入是2019年的3倍 (both written), 城镇消费品零售额是乡村的6.4倍, 出口规模为进口的1.32倍
    (the sides named: the figures of those names in the paragraph)."""
    k = n.i
    figs = s.figs
    if k >= 2 and re.fullmatch(r"的(?:约|近|超过|逾)?", n.before.strip()) and figs[k - 1].kind == "amt" \
            and figs[k - 2].kind == "amt" and re.search(r"(?:是|为|相当于|达到)[^，,。；]{0,8}$", figs[k - 1].before):
        return _ratio("times", figs[k - 2], figs[k - 1], n, s)
    clause = re.split(r"[，,。；;]", s.text[s.start : n.start])[-1]
    found = _SIDES_ZH.match(clause)
    if found is None or not found.group("b"):
        return None
    b_name = found.group("b")
    a_name = _head_zh(found.group("a"))
    if not a_name:
        return None
    a = _named_in_scope(r, s, a_name, n)
    b = next((x for x in (_named_in_scope(r, s, name, n) for name in _completions(b_name, a_name)) if x is not None), None)
    if a is None or b is None or a is b:
        return None
    return _ratio("times", a, b, n, s, certain=False)


def _head_zh(text: str) -> str:
    """The measure a clause names before 是/为: 城镇消费品零售额, 出口规模 -> 出口."""
    name = re.sub(r"^(?:其中|同时|而|且|此外)", "", text.strip())
    return re.sub(r"(?:规模|总额|总值|金额|数量)$", "", name)


def _completions(b: str, a: str) -> list[str]:
    """The names the other side may stand for, fullest first: 乡村 said against 城镇消费品零售额
    is 乡村消费品零售额 (a's head after a qualifier as long as b), else 乡村 itself."""
    out = [b + a[k:] for k in range(1, len(a) - 1) if len(a) - k >= 2]
    return [*out, b]


def _named_in_scope(r: Reading, s: Sentence, name: str, n: Fig) -> Fig | None:
    """The one amount of the paragraph before ``n`` whose statement's name is ``name`` (or
    ends with it, or it with the statement's)."""
    found = []
    for t2 in r.scopes.get(s.scope, []):
        if t2.start > s.start:
            break
        for st in t2.stmts:
            if not _names(st, name):
                continue
            f = next((f for f in st.figs if f.kind == "amt" and f.role in ("level", "new") and f.period == "cur"
                      and (t2 is not s or f.i < n.i)), None)
            if f is not None:
                found.append(f)
    return found[-1] if len({f.value.point for f in found}) == 1 else None


def _names(st: Stmt, name: str) -> bool:
    """The statement's measure is ``name``, or ends with it, or it with the measure."""
    return same_measure(st.measure, name) or st.measure.endswith(name) or name.endswith(st.measure) \
        and len(st.measure) >= 2


# --------------------------------------------------------------------------- years of a flow


def _years_of(s: Sentence) -> list[Relation]:
    """An amount 'equal to N years of' a flow written in the sentence (its net profit of
    157.5 billion yuan; 相当于6.6年的一般公共预算收入3865.2亿元). N years is a span of time
    (no figure of the relations): read from the sentence's mentions."""
    lead, flow_word = _pattern(s, "years_of"), _pattern(s, "flow_after")
    if lead is None or flow_word is None:
        return []
    out = []
    for n in s.all:
        if n.value is None or q.unit_text(n.value.unit) != "year" or not lead.search(s.text[max(s.start, n.start - 40):n.start]):
            continue
        rel = _years_of_flow(s, n, flow_word)
        if rel is not None:
            out.append(rel)
    return out


def _years_of_flow(s: Sentence, n: Mention, flow_word: Lazy) -> Relation | None:
    """The one amount of money before N years over the flow after them, per year."""
    money = [f for f in s.figs if f.kind == "amt" and q.has_currency(f.value.unit)]
    before = [f for f in money if f.end <= n.start]
    after = [f for f in money if f.start >= n.end]
    flow = _flow(s, n, after, flow_word)
    if len(before) != 1 or flow is None:
        return None
    return _per_year(s, before[0], flow, n)


def _flow(s: Sentence, n: Mention, after: list[Fig], flow_word: Lazy) -> Fig | None:
    """The flow N years are of: the amount right after them ('of its net profit of X', 'of
    the X of net profit', 'of its X in budget revenue'), never across a clause; else the
    one amount of the sentence named as that flow (相当于约4年的净利润，…净利润为287亿元)."""
    gap = s.text[n.end : after[0].start] if after else ""
    named = flow_word.match(s.text[n.end : n.end + 40])
    if after and not re.search(r"[，,;；。]", gap):
        tail = re.sub(r"^\s*(?:of|in)\s+", "", s.text[after[0].end : after[0].end + 40])
        if flow_word.match(gap) or re.match(r"^\s*(?:years?\s+)?of\s+(?:the|its|their)\s*$", gap) \
                and flow_word.match(" of " + tail):
            return after[0]
    if named is None:
        return None
    word = re.sub(r"^[\s的年]*(?:years?\s+)?(?:of\s+)?(?:its\s+|the\s+)?", "", named.group())
    same = [f for f in after if f.stmt is not None and f.stmt.measure.endswith(word.strip().lower())]
    return same[0] if len(same) == 1 else None


def _per_year(s: Sentence, amount: Fig, flow: Fig, n: Mention) -> Relation | None:
    values = pair_values(amount, flow)
    if values is None or values[1].point == 0 or n.value is None:
        return None
    per_year = q.with_unit(values[1], values[1].unit / q.unit("year")) if "/" not in q.unit_text(values[1].unit) \
        else values[1]
    cmp, tol = APPROX[_approx_before(s, n)]
    check = t.over(t.num(values[0]), t.num(per_year))
    return Relation("ratio", "years-of", check, t.num(n.value), cmp, tol, (amount.m, flow.m, n), n, s.start, s.end,
                    (), True)


def _approx_before(s: Sentence, n: Mention) -> str:
    hits = s.cues.lead(s.text[max(s.start, n.start - 30) : n.start], frozenset({"about", "over", "at_least", "nearly",
                                                                             "under", "fill"}))
    return next((h.key for h in hits if h.key != "fill"), "")


# --------------------------------------------------------------------------- per each


def _per_each(s: Sentence, n: Fig) -> Relation | None:
    """A figure 'per' (a, for each) unit, both totals in the sentence: the total of things
    over the count of units ('9.9 million members … 8,000 members per store' of '1,240
    stores'); 人均1435元 of a total and a count of people (人次)."""
    per = _pattern(s, "per_each")
    if per is None or n.kind != "amt":
        return None
    found = per.match(n.after) or per.search(n.before[-12:])
    if found is None:
        return None
    things, unit = _things_and_unit(s, n, found)
    found_sides = _total_and_count(s, n, things, unit)
    if found_sides is None:
        return None
    a, b = found_sides
    va, vb, stated = _counted(a.value), _counted(b.value), _counted(n.value)
    if vb.point == 0 or not q.is_plain(vb.unit):
        return None
    cmp, tol = comparison(n, 1)
    check = t.over(t.num(va), t.num(vb))
    return Relation("ratio", "per-each", check, t.num(stated), cmp, tol, (a.m, b.m, n.m), n.m, s.start, s.end, (), True)


def _total_and_count(s: Sentence, n: Fig, things: str, unit: str) -> tuple[Fig, Fig] | None:
    """The one total of ``things`` and the one count of ``unit`` before the per-each figure."""
    totals = [f for f in s.figs if f is not n and f.i < n.i and f.kind == "amt" and _counts(f, things, n)]
    units = [f for f in s.figs if f is not n and f.i < n.i and f.kind == "amt" and _counts(f, unit, None)]
    if len(totals) != 1 or len(units) != 1 or totals[0] is units[0]:
        return None
    return totals[0], units[0]


def _things_and_unit(s: Sentence, n: Fig, found: re.Match[str]) -> tuple[str, str]:
    """What a per-each figure counts and what it is per: the words of its pattern, else the
    last word of the figure ('8,000 members'); per person (人) in Chinese."""
    things, unit = (found.groupdict().get("things") or ""), (found.groupdict().get("unit") or "")
    if not things:
        words = re.findall(r"[a-z]+", n.m.text.lower())
        things = words[-1] if words and words[-1] not in ("million", "billion", "thousand", "per") else ""
    if s.lang == "zh":
        unit = "人"  # 人均: per person (人, 人次)
    return things, unit


def _counted(v: q.Value) -> q.Value:
    """A count of things (9.9 million members, 1,240 stores) as a bare number: what is
    counted is said by the words, and a ratio of counts is one."""
    return q.Value(v.point, v.iv, q.PLAIN, v.mag) if q.is_count(v.unit) else v


def _counts(f: Fig, noun: str, like: Fig | None) -> bool:
    """The figure counts ``noun`` (the words right after it name it), or, with no noun, is an
    amount of the same kind as ``like`` (人均1435元 of a total in 元)."""
    if not noun:
        return like is not None and q.has_currency(f.value.unit) and q.compatible(f.value.unit, like.value.unit)
    head = " ".join((re.sub(r"^[\d,.\s]+", "", f.m.text) + " " + f.after).lower().split()[:3])
    return head.startswith(noun) or re.match(rf"^(?:[a-z-]+\s+){{0,2}}{re.escape(noun)}", head) is not None \
        or f.after.startswith(noun)


# --------------------------------------------------------------------------- per day


#: the days of a year: 365, or 366 in a leap year (a reader may take either)
_DAYS = (365, 366)


def _per_day(s: Sentence, n: Fig) -> Relation | None:
    """An amount 'a day' of a year's flow written in the sentence before it: the flow over
    the days of the year ('net income of $93.7 billion, or about $257 million a day';
    全年净利润969.95亿元，相当于每天净赚约2.66亿元). The flow is the one amount of the same
    currency before it, in a sentence that names a year and no shorter span; 365 or 366
    days, either of which keeps a failure silent."""
    if not _said_a_day(s, n):
        return None
    day = q.unit("day") if _per_day_unit(n) else q.PLAIN
    flows = [f for f in s.figs if f.i < n.i and f.kind == "amt" and q.has_currency(f.value.unit)
             and f.role in ("level", "new") and q.compatible(f.value.unit / day, n.value.unit)]
    if len(flows) != 1 or not _a_years_words(s, s.text[s.start : n.start]):
        return None
    cmp, tol = comparison(n, 1)
    each = t.num(n.value)
    checks = [t.over(t.num(flows[0].value), t.num(q.exact(Fraction(days), day))) for days in _DAYS]
    alts = (Alt(checks[1], each, "convention"),)
    return Relation("ratio", "per-day", checks[0], each, cmp, tol, (flows[0].m, n.m), n.m, s.start, s.end, alts, True)


def _said_a_day(s: Sentence, n: Fig) -> bool:
    """An amount of money said per day: in its unit ('$256 million a day'), or by the words
    before it (每天净赚, 日赚) or after it ('… a day')."""
    per = _pattern(s, "per_day")
    if per is None or n.kind != "amt" or not q.has_currency(n.value.unit):
        return False
    return _per_day_unit(n) or bool(per.search(n.before[-12:]) if s.lang == "zh" else per.match(n.after))


def _a_years_words(s: Sentence, words: str) -> bool:
    """The words name a year's flow (全年, 2024年, 'fiscal 2024') and no shorter span."""
    year, part = _pattern(s, "year_flow"), _pattern(s, "part_year")
    return year is not None and part is not None and bool(year.search(words)) and not part.search(words)


def _per_day_unit(n: Fig) -> bool:
    """'$256 million a day' is read with its unit, USD/day; 每天2.66亿元 is CNY, its day in the words."""
    return n.value.unit.exponents.get("day") == -1


# --------------------------------------------------------------------------- compound growth


def _cagr(r: Reading, s: Sentence, p: Fig) -> Relation | None:
    """A compound annual growth rate between a base and a new figure of the sentence, over
    the years between their years (or 'over N years')."""
    if not compound(s, p):
        return None
    ends = _ends(p.stmt.figs if p.stmt is not None else []) or _ends(s.figs)
    if ends is None:
        return None
    bases, news = ends
    years = _span(s, bases[0], news[0], r.year)
    if years is None:
        return None
    values = pair_values(bases[0], news[0])
    if values is None or values[0].point <= 0:
        return None
    check = t.call("cagr", t.num(values[0]), t.num(values[1]), t.num(q.exact(Fraction(years), q.unit("year"))))
    cmp, tol = comparison(p, 1)
    return Relation("cagr", "cagr", check, t.num(p.value), cmp, tol, (bases[0].m, news[0].m, p.m), p.m, s.start, s.end,
                    (), True)


def _ends(figs: list[Fig]) -> tuple[list[Fig], list[Fig]] | None:
    """The one base and one new amount of a statement (else of its sentence), each a value
    (由不足1000亿元增长至…: a bound, no end to compound from)."""
    bases = [f for f in figs if f.role == "base" and f.kind == "amt"]
    news = [f for f in figs if f.role == "new" and f.kind == "amt"]
    if len(bases) != 1 or len(news) != 1 or bases[0].approx or news[0].approx:
        return None
    return bases, news


def _span(s: Sentence, a: Fig, b: Fig, year: int | None = None) -> int | None:
    """The years between two figures: the years written right by them ('in 2019' … 'in 2024',
    2019年的 … 2024年的), else a range (2019-2024), else 'over five years'."""
    ya, yb = _year_at(s, a, year), _year_at(s, b, year)
    if ya is not None and yb is not None and yb > ya:
        return yb - ya
    return _written_span(s)


def _written_span(s: Sentence) -> int | None:
    """The years the sentence spans: its one range of years, its two years, or a count of years."""
    ranges = [m for m in s.all if m.kind == "range" and m.ends and m.ends[0].kind == "year"]
    if len(ranges) == 1 and ranges[0].ends:
        y0, y1 = (int(e.value.point) for e in ranges[0].ends if e.value is not None)
        return y1 - y0 if y1 > y0 else None  # 2019年至2024年, 'between 2019 and 2024'
    years = sorted({int(m.value.point) for m in s.all if m.kind == "year" and m.value is not None})
    if not ranges and len(years) == 2:
        return years[1] - years[0]
    return _over_years(s)


def _over_years(s: Sentence) -> int | None:
    """The years said as a count: 'over the past five years', 过去5年, 'over the past decade'."""
    over = _pattern(s, "over_years")
    if over is not None:
        for m in s.all:
            if m.value is not None and q.unit_text(m.value.unit) == "year" and m.value.point == int(m.value.point) \
                    and over.search(s.text[max(s.start, m.start - 30) : m.start]):
                return int(m.value.point)  # 'over the past five years', 过去5年
    if re.search(r"\bover the past decade\b|过去十年|近十年", s.words()):
        return 10
    return None


def _year_at(s: Sentence, f: Fig, year: int | None = None) -> int | None:
    """The year said of a figure: right after it in English ('$10 billion in 2019', 'last
    year' of the draft's), right before it in Chinese (2019年的100亿元), else right before it
    ('2019: $10 billion')."""
    if year is not None and re.match(r"\s*last year\b", f.after) or year is not None and re.search(r"(?:去年|上年)(?:的)?$", f.before):
        return year - 1
    after = re.match(r"\s*(?:in|for|at the end of|at end of|as of)?\s*(?:fiscal\s+|fy\s*)?((?:19|20)\d{2})(?!\d)", f.after)
    if after and s.lang == "en":
        return int(after.group(1))
    before = re.search(r"((?:19|20)\d{2})\s*(?:年(?:的|末|底|度)?|:|：)?\s*(?:的)?\s*$", f.before)
    return int(before.group(1)) if before else None


# --------------------------------------------------------------------------- a difference


def _difference(r: Reading, s: Sentence, d: Fig) -> Relation | None:
    """Two amounts and the gap, surplus or deficit between them ('leaving a gap of', 顺差,
    A比B高出D, 'A$1.6 billion more than'): the larger less the smaller. The sides are the
    sentence's two other amounts before it (a change's base is no side, unless the words
    compare: 比…高出), or the two after it ('a surplus of $198 billion, as receipts of $544
    billion exceeded outlays of $346 billion')."""
    cue = _pattern(s, "difference")
    if d.kind != "amt" or d.role == "change" or cue is None:
        return None
    comparing = s.lang == "zh" and re.search(r"(?:高出|多出|超出|低了|少了|高了|多了)\s*$", d.before) is not None
    if not cue.search(d.before[-40:]) or _FORECAST.search(_clause_of(d)):
        return None
    before = _sides_before(s, d, comparing)
    if before is None:
        return None
    before = [f for f in before if not _FORECAST.search(_clause_of(f))]
    sides = before if len(before) == 2 else _sides_after(s, d) if s.lang == "en" and not comparing and not before else []
    return _gap(s, sides, d) if sides else None


#: a figure of what was expected or of the period before, in a list of data releases ('预期逆差3307亿日元',
#: '前值顺差2240亿日元', 'consensus', 'forecast'): never a side or a gap of the figures said
_FORECAST = Lazy(r"(?i)预期|预估|预测|市场预期|前值|初值|修正|\b(?:expected|forecast|consensus|estimate[sd]?|prior reading|"
                 r"previous reading|economists polled)\b")


def _clause_of(f: Fig) -> str:
    """The words of a figure's clause before it."""
    return re.split(r"[,;，；。、]", f.before)[-1]


def _sides_after(s: Sentence, d: Fig) -> list[Fig]:
    """The two amounts after a gap that the words compare ('a surplus of $198 billion, as
    receipts of $544 billion exceeded outlays of $346 billion'); none else."""
    after = [f for f in s.figs[d.i + 1 :] if f.kind == "amt" and f.role in ("level", "new")]
    late = len(after) == 2 and re.search(
        r"\b(?:as|with|while)\b.*\b(?:exceeded|topped|outstripped|outpaced|against|versus|compared with)\b",
        s.text[d.end : after[1].start])
    return after if late else []


def _sides_before(s: Sentence, d: Fig, comparing: bool) -> list[Fig] | None:
    """The amounts before a gap that may be its sides (the last two when the words compare:
    A比B高出D); None when they cannot be (a new figure's own past, 上年同期为…; no B after 比)."""
    before = [f for f in s.figs[: d.i] if f.kind == "amt" and f.role in ("level", "new", "base")]
    if any(f.role == "base" and not _other_side(f, before) for f in before) and not comparing:
        return None  # 上年同期为…: the new figure's own past, not a side of a gap
    if comparing and (len(before) < 2 or before[-1].i != d.i - 1 or "比" not in before[-1].before):
        return None  # A比B高出D: B is the figure right before, said after 比 (比南韩少了约两千亿: no B)
    return before[-2:] if comparing else before


def _other_side(base: Fig, figs: list[Fig]) -> bool:
    """A figure said 'against' another of another name ('deposits of X against loans of Y'):
    the other side of a gap, not the first one's past."""
    name = name_of(base)
    first = next((f for f in figs if f is not base), None)
    return bool(name) and first is not None and first.stmt is not None \
        and not same_measure(name, first.stmt.measure) and re.search(r"\b(?:against|versus|vs\.?)\b", base.before) is not None


def _gap(s: Sentence, sides: list[Fig], d: Fig) -> Relation | None:
    a, b = sides
    if not (compatible(a, b) and compatible(a, d)):
        return None
    values = pair_values(a, b)
    stated = pair_values(a, d)
    if values is None or stated is None:
        return None
    va, vb = values
    if va.point < vb.point:
        va, vb = vb, va
    cmp, tol = comparison(d, 1)
    return Relation("difference", "difference", t.minus(t.num(va), t.num(vb)), t.num(stated[1]), cmp, tol,
                    (a.m, b.m, d.m), d.m, s.start, s.end, (), True)
