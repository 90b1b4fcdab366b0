"""The rules of ratios between figures: 'N times', 'per each', years of a figure, compound growth, a difference."""

from __future__ import annotations

import re

from factcheck.infer import cues
from factcheck.infer.context import (
    Relation,
    Sentence,
    is_amount,
    is_percent,
    literal,
    pair,
)
from factcheck.infer.rules.base import Ctx, _next, _pattern, _words, is_base, rule
from factcheck.prose import Mention


@rule(
    "years-of",
    "ratio",
    "The 380 billion yuan plan equals about two and a half years of its net profit of 157.479 billion yuan.",
    "380 billion CNY / (157.479 billion CNY/year) ≈ 2.5 years (tolerance 5%)",
    gate=_words("year", "年"),
)
def years_of(s: Sentence, ctx: Ctx) -> list[Relation]:
    """An amount "equal to N years of" profit (revenue, earnings…), the profit given in
    the sentence (or, named as such, in its paragraph); 相当于N年的净利润."""
    out = []
    for i, n in enumerate(s.figs):
        v = n.value
        if v is None or _unit(n) != "year":
            continue
        lead = s.before(n)
        if not (cues.YEARS_OF.search(lead.lower()) or cues.YEARS_OF_CN.search(lead)):
            continue
        money = [m for m in s.figs if m is not n and is_amount(m) and _is_money(m)]
        following = _next(s, n)
        after = s.after(n, 60)
        named_after = cues.EARNINGS_OF.match(after.lower()) or cues.EARNINGS_OF_CN.match(after)
        if following is not None and following in money and len(s.gap(n, following)) <= 24 and not _CLAUSE_BREAK.search(s.gap(n, following)) and (
            re.match(r"^\s*of\s+(?:the|its|their)\s*$", s.gap(n, following).lower()) or named_after
        ) and (named_after or cues.EARNINGS_OF.match(" " + s.after(following, 60).lower().lstrip())):
            # "two years of the 31.2 billion yuan of net profit", 相当于6.6年的一般公共预算收入3865.2亿元
            earnings = [following]
        elif not named_after:
            continue
        else:
            earnings = [m for m in money if _names_earnings(s, m)]
        if not earnings:
            continue  # "equal to two years of net profit" with no profit figure: nothing to check
        e = earnings[0]
        amounts = [m for m in money if m is not e and m.start < n.start]
        if len(amounts) != 1:
            continue
        texts = pair(amounts[0], e)
        stated = literal(n)
        if texts is None or stated is None:
            continue
        per_year = texts[1] if "/" in texts[1] else f"{texts[1]}/year"
        approx = cues.approximation(lead, s.after(n))
        out.append(Relation("ratio", "years-of", f"{texts[0]} / ({per_year})", stated, approx.compare,
                            approx.tolerance, (amounts[0], e, n), n, s.start, s.end))
    return out


def _unit(m: Mention) -> str:
    from factcheck import quantity as q

    return q.unit_text(m.value.unit) if m.value is not None else ""


def _is_money(m: Mention) -> bool:
    from factcheck import quantity as q

    return m.value is not None and q.has_currency(m.value.unit)


def _names_earnings(s: Sentence, m: Mention) -> bool:
    lead = s.before(m, 60)
    return bool(cues.EARNINGS_NAME.search(lead.lower()) or cues.EARNINGS_NAME_CN.search(lead))


@rule(
    "times",
    "ratio",
    "Its 2024 revenue of 90 billion yuan was three times the 30 billion yuan it made in 2019.",
    "90 billion CNY / 30 billion CNY ≈ 3",
    gate=_words("times", "fold", "倍"),
)
def times(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"A is N times (N-fold) B", both amounts given; A是B的N倍. "more than N times"
    compares with >. Not "grew N-fold" without both amounts."""
    out = []
    for i, n in enumerate(s.figs):
        v = n.value
        if v is None or not _plain(n) or not cues.TIMES_AFTER.match(_times_tail(s, n)):
            continue
        if i == 0:
            continue
        a = s.figs[i - 1]
        if i + 1 < len(s.figs) and cues.TIMES_SUBJECT.search(s.gap(a, n).lower()):
            b = s.figs[i + 1]
            if cues.TIMES_REF.match(s.gap(n, b).lower()) and is_amount(a) and is_amount(b) and not _plain_bare(a, b):
                out += _ratio(s, "times", a, b, n)
                continue
        if i >= 2:  # A是B的N倍
            a, b = s.figs[i - 2], s.figs[i - 1]
            if (re.search(r"(?:是|为|相当于|达到)[^，,。；]{0,8}$", s.gap(a, b)) and re.fullmatch(r"的(?:约|近|超过)?", s.gap(b, n))
                    and is_amount(a) and is_amount(b)):
                out += _ratio(s, "times", a, b, n, s.gap(a, b))
    return out


@rule(
    "per-each",
    "ratio",
    "Its 1,240 stores served 9.9 million members, or about 8,000 members per store.",
    "9.9 million / 1240 ≈ 8000 (tolerance 5%)",
    gate=_pattern(r"\b(?:per|each|an?)\b"),
)
def per_each(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"N things per (a, for each) unit", with both totals in the sentence: the total
    of things ("9.9 million members") over the count of units ("1,240 stores")."""
    out = []
    for n in s.figs:
        tail = n.text + s.after(n, 40)
        m = re.search(r"([a-z]+)\s+(?:per|a|an|for each|each)\s+([a-z]+)\b", tail.lower())
        if not m or n.value is None or not re.match(r"^[\d,.\s]+(?:\w+\s+)?[a-z]+\s+(?:per|a|an|for each|each)\s", tail.lower()):
            continue
        things, unit = m.group(1), m.group(2)
        if unit in ("year", "month", "day", "week", "quarter", "share", "cent"):
            continue  # rates and per-share figures are the units' business
        totals = [x for x in s.figs if x is not n and x.start < n.start and _counted(s, x, things)]
        units = [x for x in s.figs if x is not n and x.start < n.start and _counted(s, x, unit + "s")]
        if len(totals) != 1 or len(units) != 1 or totals[0] is units[0]:
            continue
        a, b = _bare_number(totals[0]), _bare_number(units[0])
        stated = _bare_number(n)
        if a is None or b is None or stated is None:
            continue
        approx = cues.approximation(s.before(n), s.after(n))
        out.append(Relation("ratio", "per-each", f"{a} / {b}", stated, approx.compare, approx.tolerance,
                            (totals[0], units[0], n), n, s.start, s.end))
    return out


def _counted(s: Sentence, m: Mention, noun: str) -> bool:
    """The figure counts ``noun``: 'members' within two words after it (its own text included)."""
    tail = (m.text + s.text[m.end : m.end + 30]).lower()
    return bool(re.match(r"^[^a-z]*(?:[a-z]+\s+){0,3}?" + re.escape(noun) + r"\b", re.sub(r"^[\d,.\s]+", "", tail)) or
                re.match(r"^[\d,.\s]+(?:thousand|million|billion|mn|bn)?\s*(?:[a-z-]+\s+){0,2}?" + re.escape(noun) + r"\b", tail))


def _bare_number(m: Mention) -> str | None:
    """The figure's digits and magnitude, without its count: '9.9 million', '1,240'."""
    found = re.match(r"^([\d,]+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|mn|bn|k)\b)?", m.text)
    if not found:
        return None
    return found.group(1).replace(",", "") + (f" {found.group(2)}" if found.group(2) else "")


@rule(
    "times-over-period",
    "ratio",
    "Sales went from 1.2 million in 2019 to 12.9 million in 2024, more than ten times as many.",
    "12.9 million / 1.2 million > 10",
    gate=_words("times", "fold", "倍"),
)
def times_over_period(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"from A to B, N times as many (as much)"; in Chinese 由Y1年的A增至Y2年的B … Y2年…是Y1年的N倍:
    the later figure over the earlier one."""
    out = []
    for i, n in enumerate(s.figs):
        if n.value is None or not _plain(n) or i < 2 or not cues.TIMES_AFTER.match(_times_tail(s, n)):
            continue
        en = re.match(r"^\s*(?:times|-fold|fold)?\s*(?:as (?:many|much|large|high|big)|the (?:level|number|amount))", _times_tail(s, n) + s.after(n, 30))
        cn = re.search(r"(\d{4})年[^，,。；]{0,8}(?:是|为|相当于)(\d{4})年的$", s.gap(s.figs[i - 1], n))
        pairs = [(a, b) for a, b in zip(s.figs, s.figs[1:]) if b.start < n.start and _from_to(s, a, b)]
        if len(pairs) != 1 or not (en or cn):
            continue
        base, new = pairs[0]
        out += _ratio(s, "times-over-period", new, base, n)
    return out


def _from_to(s: Sentence, a: Mention, b: Mention) -> bool:
    lead = s.gap(_next(s, a, -1), a)
    en = cues.FROM_END.search(lead.lower()) and cues.FROM_TO.match(s.gap(a, b).lower())
    cn = cues.FROM_CN_END.search(lead) and cues.FROM_TO_CN.match(s.gap(a, b))
    return bool((en or cn) and is_amount(a) and is_amount(b) and not is_percent(a))


def _times_tail(s: Sentence, n: Mention) -> str:
    if n.text.lower().endswith(("times", "fold")):
        return " times"
    return s.text[n.end : n.end + 6]


def _plain(m: Mention) -> bool:
    from factcheck import quantity as q

    return m.value is not None and q.is_plain(m.value.unit) and m.value.mag is None


def _plain_bare(a: Mention, b: Mention) -> bool:
    return _plain(a) and _plain(b)


def _ratio(s: Sentence, name: str, a: Mention, b: Mention, n: Mention, lead: str = "") -> list[Relation]:
    texts = pair(a, b)
    digits = re.search(r"\d+(?:\.\d+)?", n.text)
    stated = digits.group() if digits else str(n.value.point) if n.value is not None and n.value.point.denominator == 1 else ""
    if texts is None or not stated:
        return []
    approx = cues.approximation(s.before(n), s.after(n))
    if approx is cues.EXACT and re.match(r"^倍(?:多|以上)", s.after(n)):
        approx = cues.APPROXIMATIONS[1][2]  # 10倍多: more than ten times
    if approx is cues.EXACT and lead:
        approx = cues.approximation(lead.rstrip("是为相当于达到其"), "")
    return [Relation("ratio", name, f"{texts[0]} / {texts[1]}", stated, approx.compare, approx.tolerance,
                     (a, b, n), n, s.start, s.end)]


# --------------------------------------------------------------------------- cagr


@rule(
    "cagr",
    "cagr",
    "Sales grew from 10 billion dollars in 2019 to 16.1 billion dollars in 2024, a compound annual growth rate of 10%.",
    "cagr(10 billion USD, 16.1 billion USD, 5 years) ≈ 10%",
    gate=_words("compound", "cagr", "annual", "年均", "复合"),
)
def cagr(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A compound annual growth rate (CAGR, 年均复合增长率) of X% between two amounts of
    the sentence ("from A … to B"), over the years between their years or "over N
    years"."""
    out = []
    for p in s.figs:
        if not is_percent(p):
            continue
        lead = s.before(p, 120)
        if not (cues.CAGR.search(lead.lower()) or cues.CAGR_CN.search(lead)):
            continue
        amounts = [m for m in s.figs if m is not p and is_amount(m)]
        base = [m for m in amounts if cues.FROM_END.search(s.before(m, 30).lower()) or cues.FROM_CN_END.search(s.before(m, 14))]
        if len(base) != 1:
            continue
        k = amounts.index(base[0])
        if k + 1 < len(amounts) and (cues.FROM_TO.match(s.gap(base[0], new := amounts[k + 1]).lower())
                                     or cues.FROM_TO_CN.match(s.gap(base[0], new))):
            pass
        elif k > 0 and cues.TO_FROM_GAP.match(s.gap(new := amounts[k - 1], base[0]).lower()):
            pass  # "to 12.8 million from 1.2 million"
        else:
            continue
        years = _span_years(s, base[0], new)
        if years is None:
            continue
        texts = pair(base[0], new)
        stated = literal(p)
        if texts is None or stated is None:
            continue
        approx = cues.approximation(s.before(p), s.after(p))
        figures = (base[0], new, p, *years[1])
        out.append(Relation("cagr", "cagr", f"cagr({texts[0]}, {texts[1]}, {years[0]} years)", stated,
                            approx.compare, approx.tolerance, figures, p, s.start, s.end))
    return out


def _span_years(s: Sentence, a: Mention, b: Mention) -> tuple[int, tuple[Mention, ...]] | None:
    """The years between two amounts: their own years ('in 2019' … 'in 2024') or 'over N years'."""
    years = [m for m in s.all if m.kind == "year" or (m.kind == "range" and m.ends and m.ends[0].kind == "year")]
    ranges = [m for m in years if m.kind == "range"]
    if ranges and len(ranges) == 1 and ranges[0].ends:
        y0, y1 = (int(e.value.point) for e in ranges[0].ends)  # type: ignore[union-attr]
        return (y1 - y0, (ranges[0],)) if y1 > y0 else None
    plain = [m for m in years if m.kind == "year"]
    distinct = sorted({int(m.value.point) for m in plain})  # type: ignore[union-attr]
    if len(distinct) == 2:
        y0, y1 = distinct
        return y1 - y0, tuple(plain)
    for m in s.figs:
        if (_unit(m) == "year" and m.value is not None and m.value.point == int(m.value.point)
                and (cues.OVER_YEARS.search(s.before(m, 30).lower()) or re.search(r"(?:过去|近|此后)$", s.before(m, 4)))):
            return int(m.value.point), (m,)
    return None


# --------------------------------------------------------------------------- difference


@rule(
    "difference",
    "difference",
    "Exports reached 300 billion dollars and imports 220 billion dollars, leaving a trade surplus of 80 billion dollars.",
    "300 billion USD - 220 billion USD ≈ 80 billion USD",
    gate=_words("surplus", "deficit", "gap", "shortfall", "difference", "spread", "margin", "差", "缺口", "高出", "多出", "超出", "低了", "少了", "高了", "多了"),
)
def difference(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Two amounts and the surplus, deficit, gap or difference between them, all
    three in the sentence (顺差, 逆差, 差额): the larger less the smaller."""
    out = []
    for i, d in enumerate(s.figs):
        if not is_amount(d):
            continue
        lead = s.before(d, 60)
        if not (cues.DIFFERENCE.search(lead.lower()) or cues.DIFFERENCE_CN.search(lead)):
            continue
        # a change's base is the new figure's own past, not a side of a gap (上年同期为…)
        sides = [m for m in s.figs[:i] if is_amount(m) and not is_base(s, m)]
        based = len(sides) != len([m for m in s.figs[:i] if is_amount(m)])
        if not sides and not based and _NETTED.search(lead):
            sides = _previous_amounts(s, ctx)  # 出口…；进口…。进出口相抵，贸易顺差为…
        if len(sides) != 2 or based:
            continue
        a, b = sides
        if a.value is None or b.value is None or not (pair(a, b) and pair(a, d)):
            continue
        if a.value.point < b.value.point:
            a, b = b, a
        ta, tb, td = literal(a, d), literal(b, d), literal(d, a)
        if ta is None or tb is None or td is None:
            continue
        approx = cues.approximation(lead, s.after(d))
        out.append(Relation("difference", "difference", f"{ta} - {tb}", td, approx.compare, approx.tolerance,
                            (a, b, d), d, s.start, s.end))
    return out


#: 进出口相抵 (exports less imports): the two sides are the sentence before's
_NETTED = cues._cn(r"相抵|轧差")


def _previous_amounts(s: Sentence, ctx: Ctx) -> list[Mention]:
    k = ctx.paragraph.index(s) if s in ctx.paragraph else 0
    if not k:
        return []
    t = ctx.paragraph[k - 1]
    amounts = [m for m in t.figs if is_amount(m)]
    return [] if any(is_base(t, m) for m in amounts) else amounts


#: a clause ends between two figures: the one after belongs to what follows (相当于0.9年的净利润，2025年至2028年分别摊销1.46亿元)
_CLAUSE_BREAK = cues._lazy(r"[，,;；。]", needs=("，", ",", ";", "；", "。"))
