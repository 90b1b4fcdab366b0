"""Periods in words, and the filing's periods they mean.

A draft says "fiscal 2024", "the fourth quarter", "the first half of 2025", "nine
months", 上半年, 一季度, 前三季度, 2024年, "a year earlier", 上年同期. ``said`` reads one
such phrase as a ``Wanted`` period: a fiscal year (or None: the filing's own), a
length in months, which quarter or half, and how many years back. ``Calendar`` maps a
``Wanted`` onto the filing's contexts: its fiscal year is the document's period (a
10-K's year; a 10-Q's year to date starts it), a quarter is three months from the
fiscal year's start, a year back is the same period a year earlier; a context matches
when its dates are within ``SLACK_DAYS`` of those (fiscal years of 52 or 53 weeks end on
different days).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from factcheck.filing.model import Period
from factcheck.filing.select import Filing

#: days a context's start or end may differ from the computed one (52/53-week years)
SLACK_DAYS = 10

_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "一": 1, "二": 2,
        "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTH_NUMBER = {m: i + 1 for i, ms in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sept sep", "october oct", "november nov", "december dec")) for m in ms.split()}
_MONTHS = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_COUNT = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}


class Wanted(NamedTuple):
    """A period as a draft says it. ``year``: the fiscal year (None: the filing's own);
    ``months``: 12, 9, 6 or 3 (0: the filing's own length); ``n``: which quarter or half
    (0: from the year's start); ``back``: years before."""

    year: int | None = None
    months: int = 0
    n: int = 0
    back: int = 0
    #: (year, month) the period ends in, when the words say so ("the year to March 2024")
    end: tuple[int, int] | None = None

    def earlier(self, years: int = 1) -> Wanted:
        return self._replace(back=self.back + years)

    def over(self, base: Wanted) -> Wanted:
        """This phrase with what it leaves unsaid taken from ``base`` ("the fourth quarter"
        in a story about fiscal 2024 is fiscal 2024's)."""
        if self.end is not None:
            return self
        year = self.year if self.year is not None else base.year
        months, n = (self.months, self.n) if self.months else (base.months, base.n)
        if self.year is not None and not self.months and base.year != self.year:
            months, n = 0, 0  # 'during 2023' in a story of another period: that fiscal year
        if self.months and not self.n and base.months == self.months:
            n = base.n  # 'quarterly revenue' in a story of the fourth quarter
        end = base.end if self.year is None and not self.months else None
        return Wanted(year, months, n, self.back + (base.back if self.year is None else 0), end)


def _y(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


_EN = re.compile(
    r"(?P<ending>\b(?:(?P<en>three|six|nine|twelve|3|6|9|12)\s+months|(?:fiscal\s+|financial\s+)?year|quarter|half[-\s]year)"
    r"\s+(?:to|ended|ending|through)\s+(?:(?:the\s+)?end\s+of\s+)?(?:\d{1,2}\s+)?(?P<em>" + _MONTHS + r")\.?(?:\s+\d{1,2})?,?\s+(?P<ey>(?:19|20)\d{2}))"
    r"|(?P<fy>\b(?:fiscal(?:\s+year)?|FY)\s?'?(?P<fyy>\d{4}|\d{2})\b)"
    r"|(?P<q>\b(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal\s)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<qy>\d{4}))?)"
    r"|(?P<qq>(?<![A-Za-z0-9])Q(?P<qqn>[1-4])(?:\s?(?:FY)?'?(?P<qqy>\d{4}|\d{2}))?(?![0-9]))"
    r"|(?P<h>\b(?P<hn>first|second)[-\s]half(?:\s+of\s+(?:fiscal\s+)?(?P<hy>\d{4}))?)"
    r"|(?P<hh>\bH(?P<hhn>[12])\s?(?P<hhy>\d{4})?\b)"
    r"|(?P<m>\b(?P<mn>three|six|nine|twelve|3|6|9|12)\s+months\b)"
    r"|(?P<full>\b(?:full|entire|whole)(?:\s+fiscal)?[-\s]year(?:\s+(?P<fully>\d{4}))?|\ball\s+of\s+(?:the\s+)?(?:fiscal\s+)?year\b)"
    r"|(?P<back>\b(?:a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:prior|previous|preceding)[-\s]year|last\s+year"
    r"|year[-\s]ago|(?:the\s+)?same\s+(?:period|quarter)\s+(?:a\s+year\s+)?(?:earlier|ago|last\s+year)))"
    r"|(?P<quarterly>\bquarterly\b|\bthe\s+quarter\b)"
    r"|(?P<y>\b(?:in|for|during|of|over|at\s+the\s+end\s+of|end\s+of|since|as\s+of|from)\s+(?P<yy>(?:19|20)\d{2})\b(?!\s*%)"
    r"|\b(?P<yp>(?:19|20)\d{2})['’]s\b|\b(?:the|its|a)\s+(?P<ya>(?:19|20)\d{2})\b(?!\s*%))",
    re.IGNORECASE,
)
_ZH = re.compile(
    r"(?P<zend>截至(?P<zey>(?:19|20)\d{2})年(?P<zem>1[0-2]|[1-9])月(?:(?:[1-3]?\d)日)?(?:止)?的?"
    r"(?P<zew>三个月|3个月|六个月|6个月|九个月|9个月|十二个月|12个月|季度|半年|年度|财年|全年)?)"
    r"|(?P<zfull>全年|全财年|整个财年|整年)"
    r"|(?P<zfq>第\s*(?P<zfqn>[一二三四1-4])\s*(?:财季|财政季度|季度|季(?!度)))"
    r"|(?P<zquarterly>本季度|该季度|单季度|单季|季度|本财季|该财季|财季)"
    r"|(?P<zq>(?:(?P<zqy>(?:19|20)\d{2})年)?(?:第)?(?P<zqn>[一二三四1-4])季度)"
    r"|(?P<zh>(?:(?P<zhy>(?:19|20)\d{2})年)?(?P<zhn>上|下)半年)"
    r"|(?P<z9>(?:(?P<z9y>(?:19|20)\d{2})年)?(?:前三季度|1[-—~至]9月))"
    r"|(?P<zback>上年同期|去年同期|上年度|上一财年|上财年|前一财年|上年|去年|上一年度|同期)"
    r"|(?P<zy>(?P<zyy>(?:19|20)\d{2})\s*(?P<zyw>年度|财年|财政年度|年))"
)


def said(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, Wanted]]:
    """Every period phrase of ``text[pos:endpos]``: (start, end, Wanted)."""
    end = len(text) if endpos is None else endpos
    out = []
    for m in _EN.finditer(text, pos, end):
        w = _en(m)
        if w is not None:
            out.append((m.start(), m.end(), w))
    for m in _ZH.finditer(text, pos, end):
        w = _zh(m)
        if w is not None:
            out.append((m.start(), m.end(), w))
    out.sort()
    return _merged(out)


def _merged(found: list[tuple[int, int, Wanted]]) -> list[tuple[int, int, Wanted]]:
    """Phrases side by side are one period: 'fiscal 2024 fourth quarter' is the fourth
    quarter of fiscal 2024, '2024年上半年' read whole already."""
    out: list[tuple[int, int, Wanted]] = []
    for a, z, w in found:
        if out and 0 <= a - out[-1][1] <= 2 and w.back == 0 and out[-1][2].back == 0:
            pa, _, pw = out[-1]
            out[-1] = (pa, z, w.over(pw) if w.year is None else pw.over(w))
        else:
            out.append((a, z, w))
    return out


def _ending(m: re.Match[str]) -> Wanted:
    g, what = m.group, m.group().lower()
    months = _COUNT[g("en").lower()] if g("en") else 3 if "quarter" in what else 6 if "half" in what else 12
    return Wanted(None, months, 0, 0, (int(g("ey")), _MONTH_NUMBER[g("em").lower()]))


#: each English pattern's group, and the period it reads
_EN_READ: tuple[tuple[str, Callable[[re.Match[str]], Wanted]], ...] = (
    ("ending", _ending),
    ("fy", lambda m: Wanted(_y(m.group("fyy")), 12)),
    ("q", lambda m: Wanted(_y(m.group("qy")), 3, _ORD[m.group("qn").lower()])),
    ("qq", lambda m: Wanted(_y(m.group("qqy")), 3, int(m.group("qqn")))),
    ("h", lambda m: Wanted(_y(m.group("hy")), 6, _ORD[m.group("hn").lower()])),
    ("hh", lambda m: Wanted(_y(m.group("hhy")), 6, int(m.group("hhn")))),
    ("m", lambda m: Wanted(None, _COUNT[m.group("mn").lower()], 0)),
    ("full", lambda m: Wanted(_y(m.group("fully")), 12)),
    ("back", lambda m: Wanted(None, 0, 0, 1)),
    ("quarterly", lambda m: Wanted(None, 3, 0)),  # a quarter, which one the words around say
    ("y", lambda m: Wanted(_y(m.group("yy") or m.group("yp") or m.group("ya")), 0)),
)


def _en(m: re.Match[str]) -> Wanted | None:
    return next((read(m) for group, read in _EN_READ if m.group(group)), None)


_ZH_MONTHS = {"三个月": 3, "3个月": 3, "季度": 3, "六个月": 6, "6个月": 6, "半年": 6, "九个月": 9, "9个月": 9}


def _zh(m: re.Match[str]) -> Wanted | None:
    g = m.group
    if g("zend"):
        return Wanted(None, _ZH_MONTHS.get(g("zew") or "", 12), 0, 0, (int(g("zey")), int(g("zem"))))
    if g("zfull"):
        return Wanted(None, 12)
    if g("zfq"):
        return Wanted(None, 3, _ORD[g("zfqn")])
    if g("zquarterly"):
        return Wanted(None, 3, 0)
    if g("zq"):
        return Wanted(_y(g("zqy")), 3, _ORD[g("zqn")])
    if g("zh"):
        return Wanted(_y(g("zhy")), 6, 1 if g("zhn") == "上" else 2)
    if g("z9"):
        return Wanted(_y(g("z9y")), 9)
    if g("zback"):
        return Wanted(None, 0, 0, 1)
    if g("zy"):  # 2023财年, 2023年度: the fiscal year; 2023年: the year, whatever part the story is of
        return Wanted(_y(g("zyy")), 0 if g("zyw") == "年" else 12)
    return None  # pragma: no cover


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, 28)  # pragma: no cover


class Calendar:
    """The filing's fiscal calendar and its contexts' periods."""

    def __init__(self, filing: Filing) -> None:
        own = filing.period
        self.durations = sorted({f.period for f in filing.facts if f.period.start is not None})
        self.instants = sorted({f.period.end for f in filing.facts if f.period.instant and f.period.end})
        year = filing.year_to_date or own
        year_start = year.start if year is not None else None
        self.own = own
        self.own_months = _months(own) if own is not None and own.start is not None else 12
        self.start = year_start  # the fiscal year's first day
        self.end = own.end if own is not None else filing.period_end
        self.focus = _focus(filing, self.end)

    def _window(self, w: Wanted) -> tuple[date, date] | None:
        """The dates a wanted duration runs between, as computed (before slack)."""
        if w.end is not None:
            return _ending_window(w)
        if self.start is None or self.focus is None:
            return None
        year = (w.year if w.year is not None else self.focus) - w.back
        fy_start = _add_months(self.start, 12 * (year - self.focus))
        months = w.months or (self.own_months if w.year is None else 12)
        if w.months == 0 and w.year is None and self.own is not None and self.own.start is not None:
            start = _add_months(self.own.start, -12 * w.back)
            return start, _add_months(start, months)
        if w.months in (3, 6) and not w.n:
            return None  # a quarter or a half, but which one the words do not say
        first = fy_start if w.months in (0, 12, 9) or not w.n else _add_months(fy_start, months * (w.n - 1))
        return first, _add_months(first, months)

    def duration(self, w: Wanted) -> Period | None:
        """The context period of the filing that the wanted duration is, or None."""
        win = self._window(w)
        if win is None:
            return None
        a, b = win
        slack = timedelta(days=SLACK_DAYS)
        best = None
        for p in self.durations:
            assert p.start is not None and p.end is not None
            near = abs(p.start - a) <= slack and abs(p.end - (b - timedelta(days=1))) <= slack
            if near and (best is None or best.end is None or abs(p.end - b) < abs(best.end - b)):
                best = p
        return best

    def instant(self, w: Wanted) -> Period | None:
        """The instant at the end of the wanted period (a balance "at the end of fiscal
        2024"), or None."""
        win = self._window(w if w.months or w.year is not None else w._replace(months=self.own_months))
        if win is None:
            return None
        target = win[1] - timedelta(days=1)
        slack = timedelta(days=SLACK_DAYS)
        near = [d for d in self.instants if abs(d - target) <= slack]
        if not near:
            return None
        return Period(None, min(near, key=lambda d: abs(d - target)))

    def named(self, w: Wanted) -> str:
        """The wanted period in words, for messages ("fiscal 2023")."""
        win = self._window(w)
        if win is None:
            return "the period"
        a, b = win
        return f"{a.isoformat()} to {(b - timedelta(days=1)).isoformat()}"


def _ending_window(w: Wanted) -> tuple[date, date]:
    """'The year to March 2024': the months before the end of the month it names."""
    assert w.end is not None
    y, m = w.end
    last = _add_months(date(y - w.back, m, 1), 1)  # the day after the month's end
    return _add_months(last, -(w.months or 12)), last


def _months(p: Period) -> int:
    assert p.start is not None and p.end is not None
    return max(1, round((p.end - p.start).days / 30.44))


def _focus(filing: Filing, end: date | None) -> int | None:
    """The fiscal year the filing reports (dei:DocumentFiscalYearFocus), else its end's
    year (a fiscal year ending in the first months of a year is named by that year, as
    most filers do)."""
    for i in filing.by_concept.get("dei:DocumentFiscalYearFocus", ()):
        text = (filing.facts[i].text or filing.facts[i].raw or "").strip()
        if re.fullmatch(r"\d{4}", text):
            return int(text)
    return end.year if end is not None else None
