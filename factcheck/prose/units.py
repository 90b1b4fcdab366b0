"""What follows a number: its magnitude, its unit (percent, points, time, currency, a count), 'per' a thing or a share."""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck import quantity as q
from factcheck.prose.mention import Core as _Core
from factcheck.prose.mention import (
    Mention,
)
from factcheck.prose.scan import Scan
from factcheck.prose.words import A_THING as _A_THING
from factcheck.prose.words import BASIS_POINTS as _BASIS_POINTS
from factcheck.prose.words import CJK_MAGS_BY_FIRST as _CJK_MAGS_BY_FIRST
from factcheck.prose.words import CJK_UNITS_BY_FIRST as _CJK_UNITS_BY_FIRST
from factcheck.prose.words import CURRENCY_AFTER_BY_FIRST as _CURRENCY_AFTER_BY_FIRST
from factcheck.prose.words import CURRENCY_CODES as _CURRENCY_CODES
from factcheck.prose.words import LETTERS as _LETTERS
from factcheck.prose.words import MAG_ATTACHED as _MAG_ATTACHED
from factcheck.prose.words import MAG_WORDS as _MAG_WORDS
from factcheck.prose.words import NOT_COUNTS as _NOT_COUNTS
from factcheck.prose.words import PER_SHARE_BEFORE as _PER_SHARE_BEFORE
from factcheck.prose.words import PER_THING as _PER_THING
from factcheck.prose.words import PER_TIME as _PER_TIME
from factcheck.prose.words import PLURAL_NOUNS as _PLURAL_NOUNS
from factcheck.prose.words import POINTS as _POINTS
from factcheck.prose.words import POINTS_AFTER as _POINTS_AFTER
from factcheck.prose.words import SPACED_LETTERS as _SPACED_LETTERS
from factcheck.prose.words import TIME as _TIME
from factcheck.prose.words import UNIT_OF_FIGURE as _UNIT_OF_FIGURE
from factcheck.prose.words import UNIT_WORD as _UNIT_WORD


def _currency_alone(u: q.Unit) -> bool:
    """A currency and nothing else ('CNY', not 'CNY/share'): ``has_currency`` of a unit of one name."""
    return len(u.key) == 1 and u.key[0][0] in q.CURRENCIES


#: power and energy written onto the digits ('277GW', '5.2TWh'): the figure is read, and
#: its unit left to what follows it (as '277 GW' is); '5G' and '3D' stay words
_POWER_UNITS = frozenset({"kW", "KW", "MW", "GW", "TW", "kWh", "KWh", "MWh", "GWh", "TWh"})


#: the digits of a video resolution before 'p' ('1080p'), never pence
_VIDEO = frozenset({" 360", " 480", " 720", "1080", "1440", "2160", "4320"})


#: a price per one of a thing in Chinese: 元/股, 元/吨, 美元/桶
_PER_CJK = re.compile(r"/(股|吨|桶|辆|台|人|户|件|张|盎司)")
_PER_CJK_THING = {"股": "share", "吨": "tonne", "桶": "barrel", "辆": "vehicle", "台": "unit", "人": "person",
                  "户": "household", "件": "item", "张": "sheet", "盎司": "ounce"}


#: a verb's past or present participle ('compared', 'reported', 'raising'): what the
#: sentence does with the figure, never what it counts ('Rs 481 crore compared with')
_VERB_FORM = re.compile(r"(?:[^e]ed|ing)$")

#: units written onto the digits ('5pp', '3yrs', '25bps'); any other word there is none
_ATTACHED_UNITS = ("pp", "ppt", "ppts", "pct", "yr", "yrs", "bp", "bps")
#: unit words of one word: the word -> its unit
_SHORT_UNITS = {"percent": "percent", "pct": "percent", "pp": "pp", "ppt": "pp", "ppts": "pp", "bp": "bp", "bps": "bp"}


class Units(Scan):
    """The reader's units after a number, and the amount they make with it."""

    def amount(self, start: int, end: int, core: _Core, digits: str, mag: str | None, currency: str | None) -> Mention | None:
        """The number with its unit (or its currency), from ``start``; None for a weak
        number ('one') that has neither a unit nor a magnitude."""
        found = self.unit(end, count=not core.cjk and currency is None, after_mag=mag is not None)
        value = q.literal(digits, mag)
        if found is not None and currency is not None and q.has_currency(found[0]) and found[0] != q.currency_unit(currency):
            found = None
        if found is not None:
            u, end, half = found
            if half and "." not in digits:
                value = q.literal(digits + ".5", mag)
            value = q.with_unit(value, u)
        elif currency is not None:  # '$6.31', '$6.31 a share'
            u, end, _ = self.per(q.currency_unit(currency), end)
            value = q.with_unit(value, u)
        if found is None and core.weak and mag is None:
            return None
        return self.priced(start, end, value)

    def priced(self, start: int, end: int, value: q.Value) -> Mention:
        """An amount of money as a price: per one of a thing (1,500元/股), per share after
        'EPS' or 每股 (and then kept, for the per-share figures after it)."""
        per = _PER_CJK.match(self.t, end) if q.has_currency(value.unit) and "/" not in q.unit_text(value.unit) else None
        if per is not None:  # 1,500元/股, 3000元/吨, 80美元/桶: a price per one of a thing
            value, end = q.with_unit(value, value.unit / q.count_unit(_PER_CJK_THING[per.group(1)])), per.end()
            return self.mention(start, end, "number", value=value)
        if _currency_alone(value.unit):
            value = self.per_share_before(start, value)
            if len(value.unit.exponents) > 1:
                self.per_share.append((start, end))
                self.per_share_points.append(value.point)
                self.per_share_reach.append(max(end, self.per_share_reach[-1] if self.per_share_reach else end))
        return self.mention(start, end, "number", value=value)

    def per_share_before(self, start: int, value: q.Value) -> q.Value:
        """A money figure after 'earnings per share', 'EPS', '每股' or '每10股' (in the same
        sentence, with no other figure between but per-share ones): per one share, and
        per N shares divided by N, exactly (每10股 308.76元 is 30.876 CNY a share). A
        figure with a magnitude (29.0亿元, 1.2 billion) is a total, never a share's: 'pays
        12.6 yuan a 10 shares, about 2.9 billion yuan in all'."""
        if value.mag:
            return value
        lo = max(0, start - 80)
        seg = self.t[lo:start]
        cut = max(seg.rfind(". "), seg.rfind("。"), seg.rfind(";"), seg.rfind("；"))
        if cut >= 0:
            lo, seg = lo + cut + 1, seg[cut + 1 :]
        found = None
        for found in _PER_SHARE_BEFORE.finditer(seg):
            pass
        if found is None or found.group()[:1].lower() in ("p", "a") and _UNIT_OF_FIGURE.search(seg, 0, found.start()):
            return value  # '$.19 per share compared to $3,182,000': the unit of the figure before
        after = lo + found.end()
        if self._figure_between(after, start, value):
            return value
        n = int(found.group(1)) if found.group(1) else 1
        if n == 0:
            return value
        share = q.count_unit("share")
        f = Fraction(1, n)
        return q.Value(value.point * f, value.iv.scale(f), value.unit / share, value.mag if n == 1 else None)

    def _figure_between(self, after: int, start: int, value: q.Value) -> bool:
        """Whether a figure other than per-share ones stands between the per-share words
        (ending at ``after``) and the figure at ``start``, or the figure is unlike them."""
        between = self.t[after:start]
        if not any(c.isdigit() for c in between):
            return False
        # digits of figures read as per share do not count; only those that reach
        # past ``after`` can blank any (a long run of them is read in linear time)
        chars = list(between)
        for j in range(len(self.per_share) - 1, -1, -1):
            if self.per_share_reach[j] <= after:
                break
            a, b = self.per_share[j]
            for k in range(max(a, after), min(b, start)):
                chars[k - after] = " "
        return any(c.isdigit() for c in chars) or self._unlike_shares(after, start, value)

    def _unlike_shares(self, after: int, start: int, value: q.Value) -> bool:
        """A figure a hundred times the per-share figures before it is a total ('EPS of
        $0.19 compared to $3,182,000')."""
        for j in range(len(self.per_share) - 1, -1, -1):
            a, b = self.per_share[j]
            if b <= after:
                break
            if a < start and j < len(self.per_share_points):
                p = abs(self.per_share_points[j])
                return p > 0 and abs(value.point) > 100 * p
        return False

    def attached_word(self, end: int) -> bool:
        """Letters right after digits that belong to the figure: '380bn', '10k', '21st'."""
        m = _LETTERS.match(self.t, end)
        assert m
        w = m.group()
        return (w in _MAG_WORDS or w in _MAG_ATTACHED or w.lower() in ("pp", "ppt", "ppts", "pct", "yr", "yrs", "bp", "bps")
                or w in _POWER_UNITS or w == "p")

    def magnitude(self, core: _Core, end: int) -> tuple[str | None, int]:
        t = self.t
        cjk = self.cjk_magnitude(end)
        if cjk is not None:
            return cjk
        if core.cjk:
            return None, end
        m = _SPACED_LETTERS.match(t, end)  # a word after the spaces at ``end``, if any
        if not m:
            return None, end
        w = m.group(1)
        if m.start(1) == end and w in _MAG_ATTACHED:
            return _MAG_ATTACHED[w], m.end()
        if w.lower() in _MAG_WORDS and (w.islower() or w.istitle() or w.isupper()):
            return _MAG_WORDS[w.lower()], m.end()
        return None, end

    def cjk_magnitude(self, end: int) -> tuple[str, int] | None:
        """A Chinese magnitude after a number (万, 亿, 万亿; after one space too: '5.26 亿元'), or None."""
        t = self.t
        at = end + 1 if t[end : end + 1] == " " and t[end + 1 : end + 2] in _CJK_MAGS_BY_FIRST else end
        for w in _CJK_MAGS_BY_FIRST.get(t[at : at + 1], ()):
            # '十' alone after a number is no magnitude; 万/亿 and their compounds are (after a space only they)
            if t.startswith(w, at) and (at == end or w[0] in "万亿兆"):
                return q.canonical_magnitude(w), at + len(w)
        return None

    def unit(
        self, end: int, count: bool = True, after_mag: bool = False, after_year: bool = False
    ) -> tuple[q.Unit, int, bool] | None:
        """The unit after a number: (unit, end, 'and a half' seen in CJK)."""
        if after_year and self.t.startswith("年", end):
            return None  # '2015年' is the year itself
        found = self.cjk_unit(end)
        if found is not None:
            return found
        if self.t.startswith("%", end):
            return q.unit("percent"), end + 1, False
        if self.t.startswith((" %", " ％"), end) or self.t.startswith("％", end):
            return q.unit("percent"), end + (2 if self.t[end] == " " else 1), False  # '7.2 %', full-width '7.2％'
        if self.t[end : end + 1] == " " and self.t[end + 1 : end + 2] >= "\u3400":
            found = self.cjk_unit(end + 1)  # '1.27 亿元' read on: one space before a CJK unit
            if found is not None:
                return found
        return self.word_unit(end, count, after_mag, after_year)

    def cjk_unit(self, end: int) -> tuple[q.Unit, int, bool] | None:
        """A CJK unit, which comes without a space: 元, 个百分点, 个基点, 个月, 年半."""
        t = self.t
        for w, u, time in _CJK_UNITS_BY_FIRST.get(t[end : end + 1], ()):
            if t.startswith(w, end):
                e = end + len(w)
                half = time and t.startswith("半", e)
                return q.unit(u), e + (1 if half else 0), half
        return None

    def word_unit(self, end: int, count: bool, after_mag: bool, after_year: bool) -> tuple[q.Unit, int, bool] | None:
        """A unit in letters after a number: percent, pp, a time, a currency, a count."""
        k, hyphen = self.unit_start(end)
        m = _UNIT_WORD.match(self.t, k)
        if not m:
            return None
        w = m.group().rstrip(".")
        lw = w.lower()
        wend = k + len(w)
        if k == end and not hyphen and lw not in _ATTACHED_UNITS:
            return self.pence(lw, end, wend)
        if hyphen and lw not in _TIME:
            return None
        if lw in _SHORT_UNITS:
            return q.unit(_SHORT_UNITS[lw]), wend, False
        spelled = self.spelled_unit(lw, wend)
        if spelled is not None:
            return spelled
        if lw in _TIME and not after_year:
            return self.per(q.unit(_TIME[lw]), wend)
        if after_year:
            return None
        return self.currency_or_count(w, k, wend, count, after_mag)

    def unit_start(self, end: int) -> tuple[int, bool]:
        """Where a unit word after a number ending at ``end`` may start, and whether a
        hyphen joins it ('five-year')."""
        k = self.space(end)
        if k == end and self.t.startswith("-", end):
            return end + 1, True
        return k, False

    def pence(self, lw: str, end: int, wend: int) -> tuple[q.Unit, int, bool] | None:
        """'22.10p': pence, written onto the digits (not a '1080p' screen)."""
        if lw == "p" and not self.letter_after(wend) and self.t[end - 4 : end] not in _VIDEO:
            return q.unit("pence"), wend, False
        return None

    def spelled_unit(self, lw: str, wend: int) -> tuple[q.Unit, int, bool] | None:
        """A unit of two words: 'per cent', 'percentage points', 'basis points'."""
        low = self.low
        if lw == "per" and low.startswith(" cent", wend):
            return q.unit("percent"), wend + 5, False
        if lw == "percentage" and _POINTS_AFTER.match(low, wend) and (pts := _POINTS.match(low, wend)):
            return q.unit("pp"), pts.end(), False
        if lw == "basis" and (bp := _BASIS_POINTS.match(low, wend)):
            return q.unit("bp"), bp.end(), False
        return None

    def currency_or_count(self, w: str, k: int, wend: int, count: bool, after_mag: bool) -> tuple[q.Unit, int, bool] | None:
        """A currency written after the number ('yuan', 'US dollars'), 'times', or a count
        of things ('orders'): the word ``w`` at ``k``, ending at ``wend``."""
        low, lw = self.low, w.lower()
        for phrase, code in _CURRENCY_AFTER_BY_FIRST.get(low[k : k + 1], ()):
            if low.startswith(phrase, k) and not self.letter_after(k + len(phrase)):
                if phrase in ("pounds",) and not after_mag:
                    continue
                return self.per(q.unit(code), k + len(phrase))
        if w in _CURRENCY_CODES:
            return self.per(q.unit(_CURRENCY_CODES[w]), wend)
        if lw in ("times", "fold"):
            return q.unit(""), wend, False
        if count and self.counted(w, wend, after_mag):
            return q.count_unit(w), wend, False
        return None

    def counted(self, w: str, wend: int, after_mag: bool) -> bool:
        """Whether a word after a number is what it counts ('orders', 'million users'): a
        lower-case word, a plural (or any after a magnitude), no adverb, no possessive."""
        lw = w.lower()
        a_word = w.isalpha() and w.islower() and lw not in _NOT_COUNTS and len(w) > 2 and not lw.endswith("ly") \
            and not _VERB_FORM.search(lw)
        counted = after_mag or (lw.endswith("s") and not lw.endswith("ss")) or lw in _PLURAL_NOUNS
        return a_word and counted and not self.low.startswith("'", wend)

    def per(self, u: q.Unit, end: int) -> tuple[q.Unit, int, bool]:
        """'billion yuan per year': a rate; '$6.31 a share', '59 yuan per user': a
        figure per one of a thing (exactly one)."""
        m = _PER_TIME.match(self.low, end)
        if m:
            return u / q.unit(m.group(1)), m.end(), False
        m = _PER_THING.match(self.low, end)
        if m and m.group(2) == "annum":
            return u / q.unit("year"), m.end(), False
        if m and m.group(2) not in _NOT_COUNTS and m.group(2) != "cent" and (m.group(1) == "per" or m.group(2) in _A_THING):
            return u / q.count_unit(m.group(2)), m.end(), False
        return u, end, False

