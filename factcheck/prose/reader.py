"""The number reader's loop: where a figure starts, and the whole figure there (a quantity, a range)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from factcheck import quantity as q
from factcheck.prose.dates import Dates
from factcheck.prose.fold import fold
from factcheck.prose.mention import Core as _Core
from factcheck.prose.mention import (
    Mention,
)
from factcheck.prose.numbers import Numbers, cn_number
from factcheck.prose.units import Units
from factcheck.prose.words import CHANGE_WORDS as _CHANGE_WORDS
from factcheck.prose.words import CN_NUM as _CN_NUM
from factcheck.prose.words import CURRENCY_CODES as _CURRENCY_CODES
from factcheck.prose.words import DATE_LIKE as _DATE_LIKE
from factcheck.prose.words import MONTHS as _MONTHS
from factcheck.prose.words import ORD_SMALL as _ORD_SMALL
from factcheck.prose.words import ORD_SUFFIX as _ORD_SUFFIX
from factcheck.prose.words import ORD_TENS as _ORD_TENS
from factcheck.prose.words import PER_N_SHARES as _PER_N_SHARES
from factcheck.prose.words import RANGE_SEP as _RANGE_SEP
from factcheck.prose.words import SHORT_YEAR as _SHORT_YEAR
from factcheck.prose.words import SIGN_CODES as _SIGN_CODES
from factcheck.prose.words import SIGN_MARKS as _SIGN_MARKS
from factcheck.prose.words import SIGNS as _SIGNS
from factcheck.prose.words import SIGNS_BY_FIRST as _SIGNS_BY_FIRST
from factcheck.prose.words import SMALL as _SMALL
from factcheck.prose.words import START as _START
from factcheck.prose.words import TENS as _TENS
from factcheck.prose.words import TENS_ORDINAL as _TENS_ORDINAL
from factcheck.prose.words import YEAR as _YEAR

#: the digits of a later part of a Chinese number written in parts (23万1000, 1,617亿): whole numbers
_PART_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d.])|\d{1,8}(?![\d.,])|(?P<dec>(?:\d{1,3}(?:,\d{3})+|\d{1,8})\.\d{1,6})(?=万亿|亿|万)")
#: a year in Chinese numerals, digit by digit: 一九九八, 二〇二五
_CJK_YEAR = re.compile(r"[一二][零〇○一二三四五六七八九]{3}")
#: the letters of another country's dollar right before '$' (A$, AU$, C$, CA$, NZ$, S$, SG$, NT$, R$)
#: a number right after a currency's code (one space at most): 'CHF 3', 'KRW5'
_DIGITS_AFTER_CODE = re.compile(r" ?\d")
#: digits and a magnitude word after a sign of one letter (R484 million, R1.2bn)
_DIGITS_THEN_MAG = re.compile(r"\d[\d,]*(?:\.\d+)?\s?(?:thousand|million|billion|trillion|bn|mn|m|tn|k)\b")
_OTHER_DOLLAR = re.compile(r"(?<![A-Za-z])(?:A|AU|C|CA|NZ|S|SG|NT|R|Z)$")


def read(text: str, limit: int | None = None) -> list[Mention]:
    """Every figure in ``text``, in order, none overlapping; with ``limit``, reading
    stops at the figure after the ``limit``-th (so that more than ``limit`` are seen
    and the rest of the text is not read). Traditional Chinese is read as simplified
    (``fold``); each figure keeps its text as written."""
    folded = fold(text)
    found = Reader(folded).run(limit)
    if folded is text:
        return found
    return [m if text[m.start : m.end] == m.text else _written(m, text) for m in found]


def _written(m: Mention, text: str) -> Mention:
    """A figure read in the folded text, with the text as the draft writes it."""
    ends = None if m.ends is None else (_written(m.ends[0], text), _written(m.ends[1], text))
    return replace(m, text=text[m.start : m.end], ends=ends)


class Reader(Dates, Numbers, Units):
    """Reads every figure of one text: its parts (dates, numbers, units) are the mixins it is made of."""

    # the loop ------------------------------------------------------------------
    def run(self, limit: int | None = None) -> list[Mention]:
        """Jump from one place a figure could start to the next (a digit, a sign, a
        numeral, a word that can begin a figure) and read what stands there."""
        out: list[Mention] = []
        i, n = 0, len(self.t)
        most = n if limit is None else limit + 1
        while i < n and len(out) < most:
            found = _START.search(self.t, i)
            if found is None:
                break
            i = found.start()
            m = self.at(i)
            if m is not None:
                out.append(m)
                i = m.end
            else:
                i = max(found.end(), i + 1)
        return out

    def at(self, i: int) -> Mention | None:
        """A figure starting at ``i``, or None."""
        t = self.t
        c = t[i]
        if c.isdigit():
            return self.at_digit(i)
        if "\u4e00" <= c <= "\u9fff" or c == "○":
            return self.cjk_special(i) or (self.figure(i) if c in "零〇○一二两三四五六七八九十" else None)
        if c in "$€£¥￥" or c == "-" or c in _SIGN_MARKS:
            return self.figure(i)
        if not self.boundary_before(i):
            return None
        if t.startswith(_SIGNS, i):  # US$, HK$, RMB¥, RM
            found = self.figure(i)
            if found is not None or not c.isalpha():
                return found
        return self.at_word(i)  # December: a month, not the sign D

    def at_digit(self, i: int) -> Mention | None:
        """A figure whose first character, at ``i``, is a digit: a date, or a number."""
        t = self.t
        if not self.boundary_before(i) or (i and t[i - 1] == "每" and _PER_N_SHARES.match(t[i:i + 12])):
            return None  # the 10 of 每10股 is part of the per-share figure that follows
        if _DATE_LIKE.match(t, i) is None:  # no date can start here: one pattern rather than three
            return self.figure(i)
        return self.date_cn(i) or self.iso(i) or self.day_month(i) or self.figure(i)

    def at_word(self, i: int) -> Mention | None:
        """A figure that starts with a word: a month's date, a currency's code, a number or
        an ordinal in words."""
        w = self.word_at(i)
        if w is None:
            return None
        word = w[0]
        lw = word.lower()
        if lw in _MONTHS and word[0].isupper():
            return self.month_first(i, w)
        if self.code_at(i, word):  # 'RMB 136.09 billion', 'CHF 3 million'
            return self.figure(i)
        if lw in _TENS:  # 'twenty-first'
            ordinal = self.tens_ordinal(i, w[1], lw)
            if ordinal is not None:
                return ordinal
        if lw in _SMALL or lw in _TENS or lw in ("a", "an", "half"):
            return self.figure(i)
        if lw in _ORD_SMALL or lw in _ORD_TENS:
            return self.word_ordinal(i)
        return None

    def tens_ordinal(self, i: int, after: int, tens: str) -> Mention | None:
        """'twenty-first': a word of tens (ending at ``after``) and a small ordinal."""
        m = _TENS_ORDINAL.match(self.low, after)
        if m and m.group(1) in _ORD_SMALL and _ORD_SMALL[m.group(1)] < 10:
            value = _TENS[tens] + _ORD_SMALL[m.group(1)]
            return self.mention(i, m.end(), "ordinal", value=q.exact(Fraction(value)))
        return None

    def cjk_special(self, i: int) -> Mention | None:
        t = self.t
        if t.startswith("第", i):
            core = self.core(i + 1)
            if core and core.digits and "." not in core.digits:
                return self.mention(i, core.end, "ordinal", value=q.exact(Fraction(int(core.digits))))
            return None
        if t.startswith("百分之", i):
            core = self.core(i + 3)
            if core and core.digits:
                v = q.with_unit(q.literal(core.digits), q.unit("percent"))
                return self.mention(i, core.end, "number", value=v)
        return None

    def figure(self, i: int) -> Mention | None:
        """A number with what goes with it; a range when another follows."""
        first = self.quantity(i)
        if first is None:
            return None
        if first.kind not in ("number", "year") or first.fraction:
            return first
        return self.range_from(first) or first

    def range_from(self, a: Mention) -> Mention | None:
        """A range that starts with figure ``a``: '2013-14', '5-7%', 'between 3 and 5 years'."""
        m = self.range_sep(a)
        if m is None:
            return None
        j = m.end()
        if j >= len(self.t):
            return None
        if a.kind == "year" and m.group(1) in ("-", "/"):
            short = self.short_year_range(a, j)
            if short is not None:
                return short
        b = self.quantity(j)
        if b is None or b.kind not in ("number", "year") or b.fraction:
            return None
        return self.range_of(a, b)

    def range_sep(self, a: Mention) -> re.Match[str] | None:
        """What joins figure ``a`` to the other end of a range ('-', 'to', 'and' after
        'between', '/' between digits), or None."""
        t = self.t
        m = _RANGE_SEP.match(t, a.end)
        if not m:
            return None
        sep = m.group(1)
        before = self.prev_word(a.start)
        if sep == "and" and before != "between":
            return None
        if sep == "/" and (m.group() != "/" or not t[m.end() : m.end() + 1].isdigit()):
            return None  # only '2013/14' is a range; 'a / b' is not
        if before in _CHANGE_WORDS and not (before == "from" and a.kind == "year"):
            return None
        return m

    def short_year_range(self, a: Mention, j: int) -> Mention | None:
        """'2013-14', '1997/98': a year and the last two digits of a later one at ``j``."""
        s = _SHORT_YEAR.match(self.t, j)
        if not s:
            return None
        y0 = int(a.text[-4:])
        y1 = y0 // 100 * 100 + int(s.group(1))
        if y1 <= y0:
            return None
        b = self.mention(j, s.end(), "year", value=q.exact(Fraction(y1)))
        return self.mention(a.start, s.end(), "range", ends=(a, b))

    def range_of(self, a: Mention, b: Mention) -> Mention | None:
        """Two figures as a range: years, or amounts in one unit and magnitude, rising."""
        assert a.value is not None and b.value is not None
        if a.kind == "year" and b.kind == "year":
            if b.value.point <= a.value.point:
                return None
            return self.mention(a.start, b.end, "range", ends=(a, b))
        if a.kind == "year" or b.kind == "year":
            return None
        va, vb = a.value, b.value
        bare = q.is_plain(va.unit) and va.mag is None
        if bare and (vb.mag is not None or not q.is_plain(vb.unit)):
            # 'three to five years', '5-7%', '1 to 2 billion yuan': the first takes the second's words
            taken = self.taking_words(a, vb)
            if taken is None:
                return None
            a, va = taken
        elif va.unit != vb.unit or va.mag != vb.mag:
            return None
        if vb.point <= va.point:
            return None
        return self.mention(a.start, b.end, "range", ends=(a, b))

    def taking_words(self, a: Mention, vb: q.Value) -> tuple[Mention, q.Value] | None:
        """A bare first end of a range read again with the second's magnitude and unit
        ('three to five years'): the figure and its value."""
        core = self.core(a.start)
        if core is None or core.digits is None:
            return None
        self.and_a_half(core)
        va = q.with_unit(q.literal(core.digits, vb.mag), vb.unit)
        return self.mention(a.start, a.end, "number", value=va), va

    def quantity(self, i: int) -> Mention | None:
        """[currency] number [magnitude] [unit] — or a year, an ordinal."""
        lead = (i, False, None) if self.t[i].isdigit() else self.lead(i)  # no minus, sign or code before a digit
        if lead is None:
            return None
        j, negative, currency = lead
        core = self.core(j)
        if core is None or (negative and core.digits is None):
            return None
        self.and_a_half(core)
        if core.digits is None:  # an exact fraction
            if currency:
                return None
            return self.mention(i, core.end, "number", value=q.exact(core.exact or Fraction(0)), fraction=True)
        word = self.ordinal_or_cjk_year(i, core, negative, currency)
        if word is not None:
            return word
        if self.not_a_figure(core.end, not core.words and not core.cjk):
            return None
        return self.amount_or_year(i, core, negative, currency)

    def ordinal_or_cjk_year(self, start: int, core: _Core, negative: bool, currency: str | None) -> Mention | None:
        """A whole number that is a word of its own rather than an amount: an ordinal
        ('21st', '20周年'), a year written in Chinese numerals digit by digit (二〇二五年)."""
        digits = core.digits
        if not digits or "." in digits or currency is not None:
            return None
        t, end = self.t, core.end
        if not core.words and not core.cjk:  # ordinals in digits: '21st'
            m = _ORD_SUFFIX.match(t, end)
            if m:
                return self.mention(start, m.end(), "ordinal", value=q.exact(Fraction(int(digits))))
        if negative:
            return None
        if t.startswith("周年", end):
            # '20周年': the 20th anniversary, an ordinal of years (not 20 weeks and a 年)
            return self.mention(start, end + 2, "ordinal", value=q.exact(Fraction(int(digits))))
        if core.cjk and t.startswith("年", end) and _CJK_YEAR.fullmatch(t, start, end):
            # 二〇二五年, 二零一七年: a year written digit by digit in Chinese numerals
            return self.mention(start, end + 1, "year", value=q.exact(Fraction(int(digits))))
        return None

    def not_a_figure(self, end: int, in_digits: bool) -> bool:
        """Whether digits ending at ``end`` are no figure: '3D', '5G', a time of day (10:30)."""
        if in_digits and self.letter_after(end) and not self.attached_word(end):
            return True
        t = self.t
        return t.startswith(":", end) and t[end + 1 : end + 2].isdigit()

    def amount_or_year(self, start: int, core: _Core, negative: bool, currency: str | None) -> Mention | None:
        """The number with its magnitude and unit: an amount, or a year (four digits, 1800
        to 2099, with nothing after it that makes it an amount)."""
        in_digits = not core.words and not core.cjk
        mag, end = self.magnitude(core, core.end)
        if mag in ("兆", "万亿", "亿", "万") and core.digits and core.digits.isdigit() and not negative:
            whole = self.cjk_compound(core.digits, mag, end)  # 23万1000人, 2兆1,617億3,600萬元
            if whole is not None:
                core, mag, end = _Core(core.start, whole[2], whole[0]), whole[1], whole[2]
        assert core.digits is not None  # an exact fraction is read before
        if mag is None and currency is None and in_digits and not negative and self.is_year(core.digits, end):
            return self.mention(start, end, "year", value=q.exact(Fraction(int(core.digits))))
        return self.amount(start, end, core, ("-" if negative else "") + core.digits, mag, currency)

    def cjk_compound(self, digits: str, mag: str, end: int) -> tuple[str, str | None, int] | None:
        """A Chinese number written in parts of falling magnitude ('23万1000', '1亿2345万',
        '2兆1,617亿3,600万'): (its digits in its last part's magnitude, that magnitude,
        where it ends), or None when no part follows."""
        total, last, stop = Decimal(digits), q.MAGNITUDES[mag], end
        found = False
        while True:
            part_at = self.next_part(stop)
            if part_at is None:
                break
            part, k, decimals = part_at
            nxt = next((w for w in ("万亿", "亿", "万") if self.t.startswith(w, k) and q.MAGNITUDES[w] < last), None)
            power = q.MAGNITUDES[nxt] if nxt else 0
            if part >= 10 ** (last - power):
                break
            total, last, stop, found = total * 10 ** (last - power) + part, power, k + (len(nxt) if nxt else 0), True
            if nxt is None or decimals:
                break
        if not found:
            return None
        mags = {v: w for w, v in (("万", 4), ("亿", 8))}
        return format(total, "f"), mags.get(last), stop

    def next_part(self, stop: int) -> tuple[Decimal, int, bool] | None:
        """The next part of a Chinese number written in parts, at ``stop``: (its value,
        where it ends, whether it has decimals: then it is the last), or None."""
        m = _PART_DIGITS.match(self.t, stop)
        if m is not None:
            # 2兆8,943.1亿: the last part may have decimals
            return Decimal(m.group().replace(",", "")), m.end(), bool(m.group("dec"))
        cjk = _CN_NUM.match(self.t, stop)  # 五十四億四千一百萬: parts in numerals
        if cjk is None:
            return None
        value = cn_number(cjk.group())
        after = self.t[cjk.end() : cjk.end() + 2]
        if value is None or len(cjk.group()) < 2 and not after.startswith(("万", "亿")):
            return None  # 亿千瓦时: 千 of a kilowatt-hour, no part of the number
        return Decimal(value), cjk.end(), False

    def lead(self, i: int) -> tuple[int, bool, str | None] | None:
        """What comes before the number's digits, a minus and a currency ('-5', 'US$ 5',
        'RMB 5'): (where the number starts, negative, currency), or None."""
        t = self.t
        negative = False
        if t[i] == "-":
            if not (i + 1 < len(t) and t[i + 1].isdigit()) or (i > 0 and (t[i - 1].isalnum())):
                return None
            negative = True
            i += 1
        sign = self.first_at(_SIGNS_BY_FIRST, i) if t[i] in _SIGNS_BY_FIRST else None
        if sign:
            found = self.after_sign(i, sign, negative)
            if found is not None or not sign[0].isalpha():
                return found
        return self.after_code(i, negative)  # RMB: a code, not the sign RM

    def after_sign(self, i: int, sign: str, negative: bool) -> tuple[int, bool, str | None] | None:
        """A currency's sign at ``i`` ('US$', '€'), digits after it: as ``lead``."""
        t = self.t
        if sign == "$" and _OTHER_DOLLAR.search(t, max(0, i - 3), i):
            return None  # A$, C$, NZ$, S$, NT$: another country's dollar, not the US one
        if sign[-1].isalpha() and not self.letter_sign(i, sign):
            return None
        i = self.space(i + len(sign))
        if i >= len(t) or not (t[i].isdigit() or t[i] == "." and t[i + 1 : i + 2].isdigit()):
            return None
        return i, negative, _SIGN_CODES[sign]

    def letter_sign(self, i: int, sign: str) -> bool:
        """A sign of letters (RM, Ksh, R) at ``i`` is a currency's: a word of its own
        before the digits (RM68.0, RM 68.0), and a sign of one letter only right before
        digits with a magnitude after them (R484 million, never the R2 of a name)."""
        t = self.t
        if i and (t[i - 1].isalnum() or t[i - 1] in "_-"):
            return False
        end = i + len(sign)
        if len(sign) > 1:
            return end < len(t) and (t[end].isdigit() or t[end] == " " and t[end + 1 : end + 2].isdigit())
        return bool(_DIGITS_THEN_MAG.match(t, end))

    def after_code(self, i: int, negative: bool) -> tuple[int, bool, str | None] | None:
        """A currency's code at ``i`` ('RMB 5', 'USD $5'), or none: as ``lead``."""
        t = self.t
        w = self.word_at(i) if t[i].isalpha() and t[i].isascii() else None
        code = self.code_at(i, w[0]) if w else None
        if not (w and code):
            return i, negative, None
        k = self.space(w[1])
        if not (k < len(t) and (t[k].isdigit() or t.startswith(_SIGNS, k))):
            return None
        sign2 = self.first_at(_SIGNS_BY_FIRST, k)
        return k + (len(sign2) if sign2 else 0), negative, code

    def code_at(self, i: int, word: str) -> str | None:
        """The currency ``word`` at ``i`` names before a number: RMB, or any ISO 4217 code
        followed by digits (CHF 3 million, KRW 5 billion)."""
        if word in _CURRENCY_CODES:
            return _CURRENCY_CODES[word]
        if len(word) == 3 and word.isupper() and _DIGITS_AFTER_CODE.match(self.t, i + 3):
            return q.currency_code(word)
        return None

    def is_year(self, digits: str, end: int) -> bool:
        """Four digits from 1800 to 2099 with no unit after them ('2015', not '2015 yuan')."""
        return len(digits) == 4 and bool(_YEAR.fullmatch(digits)) and self.unit(end, count=False, after_year=True) is None

