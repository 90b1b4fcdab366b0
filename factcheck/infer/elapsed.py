"""Time a text counts: years after a founding, anniversaries, the Nth edition of an event.

- **years after**: "in 2017, two years after Pinduoduo was founded in 2015", 成立于1995年 …
  30年后, 距今已有32年 (to the draft's year), 于2019年接手，至2024年末已管理5年.
- **anniversary**: "founded in 2004, the group marked its 20th anniversary in 2024",
  成立N周年, "turns 25 next year" (what began when named in the sentence).
- **nth edition**: "its 21st Ali Day, an event first held in 2005", 第21届 … 首届…于2005年,
  or 每年举办一届 since its founding.

The start is the one year the words mark as a start (founded, 成立于, first held, 首届) in
the sentence or else its paragraph; the event's year is another year of the clause, else
"this year", "last year", "next year", "next month" from the draft's date (front matter,
``article.published`` or ``--as-of``): without it nothing is read. The phrases are the
language tables' patterns (``lang``: ``patterns``); each check is a tree (years_between,
ordinal), never text read again.
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck import quantity as q
from factcheck.infer import tree as t
from factcheck.infer.lang import cues, lang_of
from factcheck.infer.reading import Reading, Sentence
from factcheck.infer.relate import APPROX
from factcheck.infer.tree import Relation
from factcheck.lazyre import Lazy
from factcheck.prose import Mention
from factcheck.prose.mention import year_of as _year_of


def _counted(s: Sentence, m: Mention) -> bool:
    """A Chinese measure word right after the figure (the table's ``unit_word`` and
    ``count_word``): 1860家 is a count, not a year."""
    after = s.text[m.end : m.end + 1]
    if not after or lang_of(after) != "zh":
        return False
    c = cues("zh")
    return c.is_phrase(after, "unit_word") or c.is_phrase(after, "count_word")


def relations(r: Reading) -> list[Relation]:
    out: list[Relation] = []
    for s in r.sentences:
        if not any(m.kind in ("year", "date", "ordinal") for m in s.all) and r.year is None:
            continue
        out += _years_after(r, s) + _anniversaries(r, s) + _editions(r, s)
    return out


def _pattern(s: Sentence, name: str) -> Lazy | None:
    return s.cues.pattern(name)


def _has(s: Sentence, name: str, text: str, how: str = "search") -> bool:
    p = _pattern(s, name)
    return p is not None and (p.search(text) if how == "search" else p.match(text)) is not None


def _unit(m: Mention) -> str:
    return q.unit_text(m.value.unit) if m.value is not None else ""


def _whole(m: Mention) -> int | None:
    v = m.value
    if v is None or v.point != int(v.point) or v.point <= 0:
        return None
    return int(v.point)


def _scope(r: Reading, s: Sentence) -> list[Sentence]:
    return r.scopes.get(s.scope, [s])


# --------------------------------------------------------------------------- the start and the event


def _marked_years(sentences: list[Sentence], start: str) -> list[Mention]:
    """Years the words mark as a start: 'founded in 2005', 成立于1995年, 1995年创立 (``start``:
    founded or first_held, and its ``_after`` pattern for a cue after the year)."""
    out = []
    for s in sentences:
        for k, m in enumerate(s.all):
            if _year_of(m) is None:
                continue
            lead = s.text[max(s.start, s.all[k - 1].end if k else s.start, m.start - 60) : m.start]
            if _has(s, start, lead) or _has(s, start + "_after", s.text[m.end : m.end + 8], "match"):
                out.append(m)
    return out


def _first_year(r: Reading, s: Sentence, start: str) -> Mention | None:
    """The one year the sentence (or else its paragraph) marks as a start."""
    found = _marked_years([s], start) or _marked_years(_scope(r, s), start)
    return found[0] if len(found) == 1 else None


def _said_year(r: Reading, s: Sentence, text: str) -> int | None:
    """The year 'this year', 'last year', 'next year', 'next month' say, from the draft's date."""
    if r.year is None:
        return None
    if _has(s, "this_year", text):
        return r.year
    if _has(s, "next_month", text):
        return r.year + 1 if r.month == 12 else r.year
    if _has(s, "last_year", text):
        return r.year - 1
    if _has(s, "next_year", text):
        return r.year + 1
    return None


def _event_year(r: Reading, s: Sentence, start: Mention, anchor: Mention) -> tuple[int, tuple[Mention, ...]] | None:
    """The year the sentence's event happens: a year of its clause other than the start,
    else 'this year' / 'last year' … from the draft's date."""
    if r.year is not None and _this_year_by(s, anchor):
        return r.year, ()
    others = _later_years(s, start, anchor)
    years = {_year_of(m) for m in others}
    first = _year_of(others[0]) if others else None
    if len(years) == 1 and first is not None:
        return first, tuple(others)
    if others:
        return None
    said = _said_year(r, s, s.words())
    return (said, ()) if said is not None else None


def _this_year_by(s: Sentence, anchor: Mention) -> bool:
    """'this year' (今年) in the clause of the anchor, right before it or after it."""
    near = s.text[anchor.end : anchor.end + 24]
    near = near[: min((near.find(c) for c in ",;，；。" if c in near), default=len(near))]
    lead = s.text[max(s.start, anchor.start - 16) : anchor.start]
    lead = lead[max(lead.rfind(c) for c in ",;，；。") + 1 :]  # its own clause: 今年迎来建厂122周年
    return any(_has(s, "this_year", x) for x in (near, lead))


def _later_years(s: Sentence, start: Mention, anchor: Mention) -> list[Mention]:
    """The years of the anchor's clause after the start's, none of them a start itself
    (founded, first held) nor a measure's (2025年 of a count)."""
    starts = {id(m) for m in _marked_years([s], "founded") + _marked_years([s], "first_held")}
    first = _year_of(start) or 0
    a, b = _clause(s, anchor)
    return [m for m in s.all if m is not start and m is not anchor and (_year_of(m) or 0) > first
            and id(m) not in starts and a <= m.start < b and not _counted(s, m)]


def _clause(s: Sentence, m: Mention) -> tuple[int, int]:
    """The clause of the sentence that holds the figure: between semicolons (or the sentence's ends)."""
    a = max(s.text.rfind(";", s.start, m.start), s.text.rfind("；", s.start, m.start))
    ends = [i for i in (s.text.find(";", m.end, s.end), s.text.find("；", m.end, s.end)) if i >= 0]
    return (a + 1 if a >= 0 else s.start), (min(ends) if ends else s.end)


def _start_and_event(r: Reading, s: Sentence, m: Mention, start: str) -> tuple[Mention, int, int, tuple[Mention, ...]] | None:
    first = _first_year(r, s, start)
    event = _event_year(r, s, first, m) if first is not None else None
    y0 = _year_of(first) if first is not None else None
    if first is None or event is None or y0 is None:
        return None
    return first, y0, event[0], event[1]


def _relation(s: Sentence, rule: str, func: str, y0: int, y1: int, stated: q.Value, figs: tuple[Mention, ...],
              at: Mention, approx: str = "") -> Relation:
    check = t.call(func, t.num(q.exact(Fraction(y0))), t.num(q.exact(Fraction(y1))))
    cmp, tol = APPROX[approx]
    return Relation("elapsed", rule, check, t.num(stated), cmp, tol, figs, at, s.start, s.end, (), True)


def _approx(s: Sentence, m: Mention) -> str:
    hits = s.cues.lead(s.text[max(s.start, m.start - 30) : m.start],
                       frozenset({"about", "over", "at_least", "nearly", "under", "fill"}))
    return next((h.key for h in hits if h.key != "fill"), "")


# --------------------------------------------------------------------------- years after


def _years_after(r: Reading, s: Sentence) -> list[Relation]:
    """'N years after (later than) it was founded in Y1', the later year given in the
    sentence; 成立于Y1年 … N年后; 距今已有32年; 至2024年末已管理5年."""
    out = []
    for n in s.all:
        if n.value is None or _unit(n) != "year":
            continue
        after = s.text[n.end : n.end + 20]
        just_before = s.text[max(s.start, n.start - 8) : n.start]
        served = _has(s, "served", just_before)
        if not (_has(s, "years_later", after, "match") or served):
            continue
        span = _span_of(r, s, n, after, just_before)
        count = _whole(n)
        if span is None or count is None:
            continue
        start, y1, used = span
        y0 = _year_of(start)
        if y0 is None:
            continue
        stated = q.exact(Fraction(count), q.unit("year"))
        out.append(_relation(s, "years-after", "years_between", y0, y1, stated, (start, n, *used), n, _approx(s, n)))
    return out


def _span_of(r: Reading, s: Sentence, n: Mention, after: str, just_before: str
             ) -> tuple[Mention, int, tuple[Mention, ...]] | None:
    if _has(s, "to_now", just_before):
        # 于1993年首次参加，距今已有32年: from the year just before to the draft's year
        years = [m for m in s.all if _year_of(m) is not None and m.end <= n.start]
        return (years[-1], r.year, ()) if years and r.year is not None else None
    start = _first_year(r, s, "founded")
    event = _event_year(r, s, start, n) if start is not None else None
    if start is not None and event is not None:
        return start, event[0], event[1]
    placed = _placed_years(s, n, after)
    if placed is None:
        return None
    first, (y1, used) = placed
    return first, y1, used


def _placed_years(s: Sentence, n: Mention, after: str) -> tuple[Mention, tuple[int, tuple[Mention, ...]]] | None:
    """Without a founding word, the years the phrase itself places: 'in 2025, 11 years
    after the original's 2014 debut'; 'in 2022, nine years later'; 于2019年接手，至2024年末已管理5年."""
    years = [m for m in s.all if _year_of(m) is not None and not _counted(s, m)]
    before = [m for m in years if m.end <= n.start]
    if re.match(r"^\s*after\b", after.lower()):
        return _start_after(s, n, years, before)
    if len(before) < 2:
        return None
    event, start = before[-1], before[-2]
    year = _year_of(event)
    if year is None or (_year_of(start) or 0) >= year:
        return None
    if re.match(r"^\s*later\b", after.lower()):
        return start, (year, (event,))
    served = _has(s, "served", s.text[max(s.start, n.start - 8) : n.start])
    if served and re.search(r"(?:至|到|截至)$", s.text[max(s.start, event.start - 2) : event.start]):
        return start, (year, (event,))
    return None


def _start_after(s: Sentence, n: Mention, years: list[Mention], before: list[Mention]
                 ) -> tuple[Mention, tuple[int, tuple[Mention, ...]]] | None:
    """'in 2025, 11 years after the original's 2014 debut': the one year of the clause
    after the phrase is the start, the year before it the event's."""
    clause = re.split(r"[,;，；。]", s.text[n.end : s.end], maxsplit=1)[0]
    later = [m for m in years if n.end <= m.start < n.end + len(clause)]
    year = _year_of(before[-1]) if before else None
    if len(later) == 1 and year is not None and (_year_of(later[0]) or 0) < year:
        return later[0], (year, (before[-1],))
    return None


# --------------------------------------------------------------------------- anniversaries


def _anniversary(s: Sentence, m: Mention) -> int | None:
    """20 for '20th anniversary' and for '20周年' (an ordinal to the number reader)."""
    if m.kind == "ordinal" and m.value is not None and (
            _has(s, "anniversary", s.text[m.end : m.end + 20], "match") or m.text.endswith("周年")):
        return int(m.value.point)
    return None


def _turns(s: Sentence, m: Mention) -> bool:
    """'the plan, started in 2001, turns 25 next year': a whole number right after 'turns'."""
    return (m.kind == "number" and m.value is not None and _unit(m) == "" and _whole(m) is not None
            and _has(s, "turns", s.text[max(s.start, m.start - 12) : m.start]))


def _anniversaries(r: Reading, s: Sentence) -> list[Relation]:
    """The Nth anniversary, with the founding year in the sentence or its paragraph and the
    anniversary's year in the sentence (or 'this year', 'last year'); 成立N周年."""
    out = []
    for m in s.all:
        n = _anniversary(s, m)
        turns = n is None and _turns(s, m)
        if turns and m.value is not None:
            n = int(m.value.point)
        if n is None or turns and not _marked_years([s], "founded"):
            continue  # 'turned 64' is a person's age unless the sentence says what began when
        if _has(s, "listing", s.text[max(s.start, m.start - 8) : m.start]) or _has(
                s, "listing", s.text[m.end : m.end + 20], "match"):
            continue  # 上市32周年, 'the 10th anniversary of its listing': counted from a listing, not a founding
        span = _start_and_event(r, s, m, "founded")
        if span is None:
            continue
        start, y0, y1, used = span
        stated = q.exact(Fraction(n), q.unit("year"))
        out.append(_relation(s, "anniversary", "years_between", y0, y1, stated, (start, m, *used), m))
    return out


# --------------------------------------------------------------------------- editions


def _edition(s: Sentence, m: Mention) -> bool:
    """An ordinal that counts editions: 第12届 (or 次, 期, 个), 'the 21st Ali Day', 'the 10th
    time'; not 第五代 (a generation), 'the fourth-largest', 'the third straight year'."""
    after = s.text[m.end : m.end + 16]
    if m.text.startswith("第"):
        return after[:1] in ("届", "次", "期", "个")
    return not _has(s, "not_edition", after, "match")


def _editions(r: Reading, s: Sentence) -> list[Relation]:
    """The Nth edition of a yearly event ('the 21st Ali Day', 第21届), the year of the first
    one ('first held in 2005', 首届…于2005年) in the sentence or its paragraph and this one's
    year in the sentence (or 'this year')."""
    out = []
    for m in s.all:
        if m.kind != "ordinal" or m.value is None or _anniversary(s, m) is not None or not _edition(s, m):
            continue
        span = _start_and_event(r, s, m, "first_held")
        if span is None and _has(s, "yearly", s.words()):
            span = _start_and_event(r, s, m, "founded")  # 创办于2008年，每年举办一届: held once a year since
        if span is None:
            continue
        start, y0, y1, used = span
        stated = q.exact(Fraction(int(m.value.point)))
        out.append(Relation("elapsed", "nth-edition",
                            t.call("ordinal", t.num(q.exact(Fraction(y0))), t.num(q.exact(Fraction(y1)))),
                            t.num(stated), "≈", None, (start, m, *used), m, s.start, s.end, (), True))
    return out
