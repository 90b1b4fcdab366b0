"""The rules of time: years after a founding, anniversaries, the Nth edition of an event.

"This year" and "last year" need the draft's date (front matter, ``article.published``
or ``--as-of``); without it these rules say nothing, and the figures stay uncovered.
"""

from __future__ import annotations

import re

from factcheck.infer import cues
from factcheck.infer.context import Relation, Sentence
from factcheck.infer.rules import Ctx, rule


def _dated(s: Sentence) -> bool:
    return any(m.kind in ("year", "date", "ordinal") for m in s.all)
from factcheck.infer.cues import _cn, _Lazy, _lazy
from factcheck.prose import Mention

#: an anniversary of another event than the founding (上市32周年, 公私合营70周年, "of its
#: listing"): the rules know only the founding's year
_LISTING = _lazy(
    r"上市|挂牌|公私合营|合营|改制|重组|合并|并购|投产|开通|通车|入驻|加入|执掌|任职|登陆|"
    r"^\s*anniversary of (?:its|the) (?:listing|ipo|flotation|debut|merger)",
    needs=("上市", "挂牌", "合营", "改制", "重组", "合并", "并购", "投产", "开通", "通车", "入驻", "加入", "执掌", "任职", "登陆",
           "listing", "ipo", "flotation", "debut", "merger"),
)
#: held once a year: the founding year is the first edition's
_YEARLY = _cn(r"每年(?:举办|举行|召开)?一届|一年一届")
#: 距今已有32年 (32 years ago, up to now): counted to the draft's date
_TO_NOW = _cn(r"(?:距今|至今|迄今)[^，,。\d]{0,4}$")
#: 已管理5年 (has run it for five years): the years counted up to the event
_SERVED = _cn(r"(?:已|已经|共|累计|满)[^，,。\d]{0,4}$")
#: a Chinese measure word right after a figure: 1860家 is a count, not a year
_MEASURE = frozenset("台辆家人户件个只架艘套吨点股份名位所座条款项次张部头枚元")


def _year_of(m: Mention) -> int | None:
    if m.kind == "year" and m.value is not None:
        return int(m.value.point)
    if m.kind == "date" and m.when and m.when[0] is not None:
        return m.when[0]
    return None


def _lead(s: Sentence, m: Mention, limit: int = 50) -> str:
    return s.text[max(s.start, m.start - limit) : m.start]


_AFTER = {id(cues.FOUNDED): cues.FOUNDED_AFTER_CN, id(cues.FIRST_HELD): cues.FIRST_HELD_AFTER_CN}


def _marked_years(sentences: list[Sentence], pattern: _Lazy, cn: _Lazy) -> list[Mention]:
    """Years the words mark as a start: 'founded in 2005', 成立于1995年, 1995年创立."""
    after_cn = _AFTER.get(id(pattern))
    out = []
    for s in sentences:
        for k, m in enumerate(s.all):
            if _year_of(m) is None:
                continue
            lead = s.text[max(s.start, s.all[k - 1].end if k else s.start, m.start - 60) : m.start]
            after = s.text[m.end : m.end + 8]
            if pattern.search(lead.lower()) or cn.search(lead) or (after_cn is not None and after_cn.match(after)):
                out.append(m)
    return out


def _first_year(s: Sentence, ctx: Ctx, pattern: _Lazy, cn: _Lazy) -> Mention | None:
    """The one year the sentence (or else its paragraph) marks as a start."""
    found = _marked_years([s], pattern, cn)
    if not found:
        found = _marked_years(ctx.paragraph, pattern, cn)
    return found[0] if len(found) == 1 else None


def _event_year(s: Sentence, ctx: Ctx, start: Mention, anchor: Mention) -> tuple[int, tuple[Mention, ...]] | None:
    """The year the sentence's event happens: a year or dated figure of the sentence
    other than the start, else "this year" / "last year" from the draft's date."""
    starts = {id(m) for m in _marked_years([s], cues.FOUNDED, cues.FOUNDED_CN) + _marked_years([s], cues.FIRST_HELD, cues.FIRST_HELD_CN)}
    first = _year_of(start) or 0
    near = s.text[anchor.end : anchor.end + 24]
    near = near[: min((near.find(c) for c in ",;，；。" if c in near), default=len(near))]
    lead = s.text[max(s.start, anchor.start - 16) : anchor.start]
    lead = lead[max(lead.rfind(c) for c in ",;，；。") + 1 :]  # its own clause: 今年迎来建厂122周年
    if ctx.year is not None and any(cues.THIS_YEAR.search(t.lower()) or cues.THIS_YEAR.search(t) for t in (near, lead)):
        return ctx.year, ()  # "its 27th anniversary this year; … since 2019": the words at the figure
    a, b = _clause(s, anchor)
    others = [
        m for m in s.all
        if m is not start and m is not anchor and (_year_of(m) or 0) > first and id(m) not in starts
        and a <= m.start < b  # a year of another clause ('; has run it since 2019') is another fact
        and s.text[m.end : m.end + 1] not in _MEASURE  # 门店1860家 is a count, not a year
    ]
    years = {_year_of(m) for m in others}
    if len(years) == 1:
        return _year_of(others[0]), tuple(others)  # type: ignore[return-value]
    if others or ctx.year is None:
        return None
    words = s.words()
    if cues.THIS_YEAR.search(words.lower()) or cues.THIS_YEAR.search(words):
        return ctx.year, ()
    if cues.NEXT_MONTH.search(words.lower()) or cues.NEXT_MONTH.search(words):
        return (ctx.year + 1 if ctx.month == 12 else ctx.year), ()
    if cues.LAST_YEAR.search(words.lower()) or cues.LAST_YEAR.search(words):
        return ctx.year - 1, ()
    if cues.NEXT_YEAR.search(words.lower()) or cues.NEXT_YEAR.search(words):
        return ctx.year + 1, ()
    return None


@rule(
    "years-after",
    "elapsed",
    "In 2017, two years after Pinduoduo was founded in 2015, Alibaba's share had slipped to 70%.",
    "years_between(2015, 2017) ≈ 2 years",
    gate=_dated,
)
def years_after(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"N years after (later than) it was founded in Y1", the later year given in the
    sentence; 成立于Y1年 … N年后."""
    out = []
    for n in s.figs:
        if n.value is None or _unit_text(n) != "year":
            continue
        after = s.text[n.end : n.end + 20]
        served = _SERVED.search(s.text[max(s.start, n.start - 8) : n.start])
        if not (cues.YEARS_LATER.match(after.lower()) or cues.YEARS_LATER_CN.match(after) or served):
            continue
        start: Mention | None
        event: tuple[int, tuple[Mention, ...]] | None
        if _TO_NOW.search(s.text[max(s.start, n.start - 8) : n.start]):
            # 于1993年首次参加，距今已有32年: from the year just before to the draft's year,
            # never from a founding year elsewhere in the paragraph
            years = [m for m in s.all if _year_of(m) is not None and m.end <= n.start]
            if not years or ctx.year is None:
                continue
            start, event = years[-1], (ctx.year, ())
        else:
            start = _first_year(s, ctx, cues.FOUNDED, cues.FOUNDED_CN)
            event = _event_year(s, ctx, start, n) if start is not None else None
        if start is None or event is None:
            placed = _placed_years(s, n, after)
            if placed is None:
                continue
            start, event = placed
        y0, (y1, used) = _year_of(start), event
        count = _whole(n)
        if count is None:
            continue
        approx = cues.approximation(s.before(n), after)
        out.append(Relation("elapsed", "years-after", f"years_between({y0}, {y1})", f"{count} years",
                            approx.compare, approx.tolerance, (start, n, *used), n, s.start, s.end))
    return out


def _placed_years(s: Sentence, n: Mention, after: str) -> tuple[Mention, tuple[int, tuple[Mention, ...]]] | None:
    """Without a founding word, the years the phrase itself places: "in 2025, 11 years
    after the original's 2014 debut" (the year after "after", and the one before);
    "in 2022, nine years later" (the year before it and the one before that)."""
    years = [m for m in s.all if _year_of(m) is not None and s.text[m.end : m.end + 1] not in _MEASURE]
    before = [m for m in years if m.end <= n.start]
    if re.match(r"^\s*after\b", after.lower()):
        clause = re.split(r"[,;，；。]", s.text[n.end : s.end], maxsplit=1)[0]
        later = [m for m in years if n.end <= m.start < n.end + len(clause)]
        if len(later) == 1 and before and _year_of(later[0]) < _year_of(before[-1]):  # type: ignore[operator]
            return later[0], (_year_of(before[-1]), (before[-1],))  # type: ignore[return-value]
        return None
    if re.match(r"^\s*later\b", after.lower()) and len(before) >= 2:
        event, start = before[-1], before[-2]
        if _year_of(start) < _year_of(event):  # type: ignore[operator]
            return start, (_year_of(event), (event,))  # type: ignore[return-value]
    # 于2019年接手，至2024年末已管理5年
    if _SERVED.search(s.text[max(s.start, n.start - 8) : n.start]) and len(before) >= 2:
        event, start = before[-1], before[-2]
        if re.search(r"(?:至|到|截至)$", s.text[max(s.start, event.start - 2) : event.start]) and _year_of(start) < _year_of(event):  # type: ignore[operator]
            return start, (_year_of(event), (event,))  # type: ignore[return-value]
    return None


def _unit_text(m: Mention) -> str:
    from factcheck import quantity as q

    return q.unit_text(m.value.unit) if m.value is not None else ""


def _whole(m: Mention) -> int | None:
    v = m.value
    if v is None or v.point != int(v.point) or v.point <= 0:
        return None
    return int(v.point)


def _anniversary(s: Sentence, m: Mention) -> int | None:
    """20 for '20th anniversary' and for '20周年' (an ordinal to the number reader)."""
    if m.kind == "ordinal" and m.value is not None and (
        cues.ANNIVERSARY.match(s.text[m.end : m.end + 20].lower()) or m.text.endswith("周年")
    ):
        return int(m.value.point)
    return None


def _turns(s: Sentence, m: Mention) -> bool:
    """'the plan, started in 2001, turns 25 next year': a whole number right after 'turns'."""
    return (m.kind == "number" and m.value is not None and _unit_text(m) == "" and _whole(m) is not None
            and bool(_TURNS.search(s.text[max(s.start, m.start - 12) : m.start].lower())))


_TURNS = cues._lazy(r"\b(?:turns|turned|will turn|is turning)\s*$", needs=("turn",))


def _edition(s: Sentence, m: Mention) -> bool:
    """An ordinal that counts editions: 第12届 (or 次, 期, 个), 'the 21st Ali Day', 'the 10th
    time'; not 第五代
    (a generation), 'the fourth-largest', 'the third straight year'."""
    after = s.text[m.end : m.end + 16]
    if m.text.startswith("第"):
        return after[:1] in ("届", "次", "期", "个")  # 第22个赛季; not 第五代, 第三名, 第二大
    return not _NOT_EDITION.match(after.lower())


_NOT_EDITION = _lazy(
    r"^[\s-]*(?:largest|biggest|smallest|highest|lowest|richest|most|least|generation|place|consecutive|straight|"
    r"successive|quarter|half|year|month|week|day|floor|round|rank|position|spot)\b"
)


def _clause(s: Sentence, m: Mention) -> tuple[int, int]:
    """The clause of the sentence that holds the figure: between semicolons (or the sentence's ends)."""
    a = max(s.text.rfind(";", s.start, m.start), s.text.rfind("；", s.start, m.start))
    ends = [i for i in (s.text.find(";", m.end, s.end), s.text.find("；", m.end, s.end)) if i >= 0]
    return (a + 1 if a >= 0 else s.start), (min(ends) if ends else s.end)


def _start_and_event(
    s: Sentence, ctx: Ctx, m: Mention, pattern: _Lazy, cn: _Lazy
) -> tuple[Mention, int, int, tuple[Mention, ...]] | None:
    """The year the words mark as the start and the year of this event: (the start's
    figure, its year, the event's year, the figures that gave the event's year)."""
    start = _first_year(s, ctx, pattern, cn)
    event = _event_year(s, ctx, start, m) if start is not None else None
    y0 = _year_of(start) if start is not None else None
    if start is None or event is None or y0 is None:
        return None
    return start, y0, event[0], event[1]


@rule(
    "anniversary",
    "elapsed",
    "Founded in 2004, the payments group marked its 20th anniversary in December 2024.",
    "years_between(2004, 2024) ≈ 20 years",
    gate=_dated,
)
def anniversary(s: Sentence, ctx: Ctx) -> list[Relation]:
    """The Nth anniversary, with the founding year in the sentence or its paragraph and
    the anniversary's year in the sentence (or "this year", "last year"); 成立N周年."""
    out = []
    for m in s.all:
        n = _anniversary(s, m)
        turns = n is None and _turns(s, m)
        if turns:
            n = int(m.value.point)  # type: ignore[union-attr]
        if n is None:
            continue
        if turns and not _marked_years([s], cues.FOUNDED, cues.FOUNDED_CN):
            continue  # "turned 64" is a person's age unless the sentence says what began when
        if _LISTING.search(s.text[max(s.start, m.start - 8) : m.start]) or _LISTING.match(s.text[m.end : m.end + 20].lower()):
            continue  # 上市32周年, 'the 10th anniversary of its listing': counted from a listing, not a founding
        span = _start_and_event(s, ctx, m, cues.FOUNDED, cues.FOUNDED_CN)
        if span is None:
            continue
        start, y0, y1, used = span
        out.append(Relation("elapsed", "anniversary", f"years_between({y0}, {y1})", f"{n} years", "≈", None,
                            (start, m, *used), m, s.start, s.end))
    return out


@rule(
    "nth-edition",
    "elapsed",
    "On 10 May 2025 Alibaba held its 21st Ali Day, an event first held in 2005.",
    "ordinal(2005, 2025) ≈ 21",
    gate=_dated,
)
def nth_edition(s: Sentence, ctx: Ctx) -> list[Relation]:
    """The Nth edition of a yearly event ("the 21st Ali Day", 第21届), with the year of
    the first one ("first held in 2005", 首届…于2005年) in the sentence or its
    paragraph and this one's year in the sentence (or "this year")."""
    out = []
    for m in s.all:
        if m.kind != "ordinal" or m.value is None or _anniversary(s, m) is not None or not _edition(s, m):
            continue
        span = _start_and_event(s, ctx, m, cues.FIRST_HELD, cues.FIRST_HELD_CN)
        if span is None and _YEARLY.search(s.words()):
            # 创办于2008年，每年举办一届: held once a year since its founding
            span = _start_and_event(s, ctx, m, cues.FOUNDED, cues.FOUNDED_CN)
        if span is None:
            continue
        start, y0, y1, used = span
        out.append(Relation("elapsed", "nth-edition", f"ordinal({y0}, {y1})", str(int(m.value.point)), "≈", None,
                            (start, m, *used), m, s.start, s.end))
    return out
