"""Dates and word ordinals in prose: '2025-05-10', '2025年5月10日', 'May 10th', '10 May 2025', 'twentieth'."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

from factcheck import quantity as q
from factcheck.prose.mention import Mention
from factcheck.prose.scan import Scan
from factcheck.prose.words import CN_DATE as _CN_DATE
from factcheck.prose.words import DAY_AFTER_MONTH as _DAY_AFTER_MONTH
from factcheck.prose.words import DAY_MONTH as _DAY_MONTH
from factcheck.prose.words import ISO as _ISO
from factcheck.prose.words import MONTHS as _MONTHS
from factcheck.prose.words import ORD_SMALL as _ORD_SMALL
from factcheck.prose.words import ORD_TENS as _ORD_TENS
from factcheck.prose.words import YEAR_AFTER as _YEAR_AFTER


class Dates(Scan):
    """The reader's dates and ordinals in words."""

    def iso(self, i: int) -> Mention | None:
        m = _ISO.match(self.t, i)
        if not m:
            return None
        y, mo, d = (int(x) for x in m.groups())
        if not _valid(y, mo, d):
            return None
        return self.mention(i, m.end(), "date", when=(y, mo, d))

    def date_cn(self, i: int) -> Mention | None:
        m = _CN_DATE.match(self.t, i)
        if not m:
            return None
        if m.group(1):
            y = int(m.group(1))
            if m.group(2) is None:
                return self.mention(i, m.end(), "year", value=q.exact(Fraction(y))) if 1000 <= y <= 2999 else None
            mo = int(m.group(2))
            d = int(m.group(3)) if m.group(3) else None
            return self.mention(i, m.end(), "date", when=(y, mo, d)) if _valid(y, mo, d or 1) else None
        mo, d = int(m.group(4)), int(m.group(5))
        return self.mention(i, m.end(), "date", when=(None, mo, d)) if _valid(2000, mo, d) else None

    def year_after(self, i: int) -> tuple[int, int] | None:
        """', 2025' or ' 2025' after a day or month: (year, end)."""
        m = _YEAR_AFTER.match(self.t, i)
        if m and 1000 <= int(m.group(1)) <= 2999:
            return int(m.group(1)), m.end()
        return None

    def month_first(self, i: int, w: tuple[str, int]) -> Mention | None:
        """'May 10th', 'February 24, 2025', 'December 2024'."""
        month = _MONTHS[w[0].lower()]
        j = w[1]
        if j < len(self.t) and self.t[j] == ".":
            j += 1
        k = self.space(j)
        if k == j:
            return None
        m = _DAY_AFTER_MONTH.match(self.t, k)
        if m and 1 <= int(m.group(1)) <= 31:
            day, end = int(m.group(1)), m.end()
            ya = self.year_after(end)
            year = ya[0] if ya else None
            if ya:
                end = ya[1]
            if _valid(year or 2000, month, day):
                return self.mention(i, end, "date", when=(year, month, day))
        ya = self.year_after(j)
        if ya:
            return self.mention(i, ya[1], "date", when=(ya[0], month, None))
        return None

    def day_month(self, i: int) -> Mention | None:
        """'10 May 2025', '24th of February'."""
        m = _DAY_MONTH.match(self.t, i)
        if not m or m.group(3).lower() not in _MONTHS:
            return None
        day, month = int(m.group(1)), _MONTHS[m.group(3).lower()]
        end = m.end()
        if m.group().endswith(".") and len(m.group(3)) > 4:  # 'May 2.' ends a sentence
            end -= 1
        ya = self.year_after(end)
        year = ya[0] if ya else None
        if ya:
            end = ya[1]
        if not _valid(year or 2000, month, day):
            return None
        return self.mention(i, end, "date", when=(year, month, day))

    # ordinals and other CJK forms --------------------------------------------------------
    def word_ordinal(self, i: int) -> Mention | None:
        w = self.word_at(i)
        assert w is not None
        lw = w[0].lower()
        if lw in ("first", "second"):
            return None
        value = _ORD_SMALL.get(lw) or _ORD_TENS.get(lw)
        if value is None:
            return None
        if self.prev_word(i) in ("a", "one") or self.t[w[1] : w[1] + 1] == "s":
            return None  # 'a third' is a fraction; 'thirds' too: both handled as numbers
        if _PERIOD_AFTER.match(self.t, w[1]) or self.t[w[1] : w[1] + 1] == "," and _AT_START.search(self.t, 0, i):
            return None  # 'the fourth quarter', 'Fourth-quarter sales', 'third-half': a period; 'Fourth, the board': a list
        return self.mention(i, w[1], "ordinal", value=q.exact(Fraction(value)))


#: what makes an ordinal word name a period, not a count of editions: 'fourth quarter', 'third-half'
_PERIOD_AFTER = re.compile(r"[\s-](?:quarter|half|halves)\b", re.IGNORECASE)
#: an ordinal word opening a sentence or a line ('Fourth, the board …')
_AT_START = re.compile(r"(?:^|[\n.!?:;]\s*|^\s*[-*•]\s*)$")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True
