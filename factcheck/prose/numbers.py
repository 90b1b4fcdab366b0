"""Numbers themselves: digits, English number words ('twenty-one', 'two thirds', 'a half') and Chinese numerals."""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.prose.mention import Core as _Core
from factcheck.prose.scan import Scan
from factcheck.prose.words import AND_A_HALF as _AND_A_HALF
from factcheck.prose.words import CN_DIGITS as _CN_DIGITS
from factcheck.prose.words import CN_NUM as _CN_NUM
from factcheck.prose.words import CN_UNITS as _CN_UNITS
from factcheck.prose.words import DIGITS as _DIGITS
from factcheck.prose.words import FRACTIONS as _FRACTIONS
from factcheck.prose.words import (
    MAX_DIGITS,
)
from factcheck.prose.words import SMALL as _SMALL
from factcheck.prose.words import TENS as _TENS


class Numbers(Scan):
    """The reader's numbers, before their magnitude and unit."""

    def core(self, i: int) -> _Core | None:
        """The number itself: digits, English number words or Chinese numerals."""
        t = self.t
        if i >= len(t):
            return None  # a text that ends on 第 (an ordinal cut off)
        if t[i].isdigit():
            return self.digits_core(i)
        if t[i] == "." and t[i + 1 : i + 2].isdigit():  # '$.19', after a currency sign only
            m = _DIGITS.match(t, i + 1, i + 1 + MAX_DIGITS)
            if m is None or "." in m.group() or "," in m.group():
                return None
            return _Core(i, m.end(), "0." + m.group())
        if "\u4e00" <= t[i] <= "\u9fff" or t[i] == "○":
            return self.numerals_core(i)
        return self.word_number(i)

    def digits_core(self, i: int) -> _Core | None:
        """A number in digits at ``i``: '1,234.5'."""
        t = self.t
        # looking no further than MAX_DIGITS + 5: a match cut there is the whole match
        # when that is short enough, and longer than MAX_DIGITS when it is not (a
        # comma group is 4 characters). A run of digits that is no word to
        # boundary_before ('٣٣٣…') is no longer read to its end at each of its digits
        m = _DIGITS.match(t, i, i + MAX_DIGITS + 5)
        if m is None:
            return None  # a digit to str.isdigit that \d is not: '²', '①'
        digits = m.group()
        if len(digits) > MAX_DIGITS:
            return None
        if "," in digits and t[m.end() : m.end() + 1].isdigit():
            return None  # '1,7045.22': a grouping broken by the digit after it; no value of it is sure
        return _Core(i, m.end(), re.sub(r"[, \u00a0\u2009\u202f]", "", digits))

    def numerals_core(self, i: int) -> _Core | None:
        """A number in Chinese numerals at ``i``: 五十四, 五八四點九 (decimals digit by digit)."""
        t = self.t
        m = _CN_NUM.match(t, i)
        if not m or len(m.group()) > 20:  # a run that long is no numeral (_CN_NUM reads at most 21)
            return None
        value = cn_number(m.group())
        if value is None:
            return None
        point = _CN_DECIMALS.match(t, m.end())
        if m.group().startswith("○") and (point is None and len(m.group()) == 1):
            return None  # ○ alone is a bullet or a mark; as a zero it stands among numerals (○點九)
        if point is not None:  # 五八四點九億: 584.9, its decimals digit by digit
            return _Core(i, point.end(), f"{value}." + "".join(str(_CN_DIGITS[c]) for c in point.group(1)), cjk=True)
        return _Core(i, m.end(), str(value), cjk=True)

    def word_number(self, i: int) -> _Core | None:
        """'two', 'twenty-one', 'one hundred and five', 'a' (before a magnitude), 'a third', 'half'."""
        w = self.word_at(i)
        if w is None:
            return None
        lw, end = w[0].lower(), w[1]
        if lw in ("a", "an"):
            return self.a_number(i, end)
        if lw == "half":
            return self.half(i, end)
        counted = self.number_words(i)
        if counted is None:
            return None
        j, total = counted
        word = self.t[i:j].lower().strip()
        return self.word_fraction(i, j, total) or _Core(i, j, str(total), words=True, weak=word == "one")

    def a_number(self, i: int, end: int) -> _Core | None:
        """'a third', 'a half', 'a hundred', 'a' million (weak: it needs its magnitude)."""
        k = self.space(end)
        nxt = self.word_at(k) if k > end else None
        if nxt is None:
            return None
        nw = nxt[0].lower()
        if nw == "quarter" and not self.of_follows(nxt[1]) and self.prev_word(i) in _SPAN_WORDS:
            return None  # 'over a quarter', 'within a quarter': a period; 'a quarter of sales', 'rose by a quarter': a fraction
        if nw in ("half",) or (nw in _FRACTIONS and self.fraction_follows(nxt[1])):
            return _Core(i, nxt[1], None, Fraction(1, _FRACTIONS[nw]), words=True)
        if nw in ("hundred", "thousand", "million", "billion", "trillion"):
            if nw == "hundred":
                return _Core(i, nxt[1], "100", words=True)
            return _Core(i, end, "1", words=True, weak=True)
        return None

    def half(self, i: int, end: int) -> _Core | None:
        """'half' as a number; not 'the first half', 'half-year'."""
        if self.prev_word(i) in ("first", "second", "the", "other", "latter", "and", "a", "an") or self.t[end : end + 1] == "-":
            return None
        return _Core(i, end, None, Fraction(1, 2), words=True)

    def number_words(self, i: int) -> tuple[int, int] | None:
        """English number words from ``i``: (where they end, their value), or None."""
        j, seen, value = i, False, 0
        while True:
            w = self.word_at(j)
            if w is None:
                break
            lw = w[0].lower()
            if lw in _TENS or lw in _SMALL:
                counted = self.count_word(lw, w[1], seen, value)
                if counted is None:
                    break
                value, j = counted
                seen = True
            elif lw == "hundred" and seen and 0 < value % 100 < 10:
                value = value - value % 100 + (value % 100) * 100
                j = w[1]
            elif lw == "and":
                k = self.and_more(w[1], seen, value)
                if k is None:
                    break
                j = k
                continue
            else:
                break
            following = self.next_number_word(j, value)
            if following is None:
                break
            j = following
        return (j, value) if seen else None

    def count_word(self, lw: str, end: int, seen: bool, value: int) -> tuple[int, int] | None:
        """The number so far (``value``) with a word of tens or units (``lw``, ending at
        ``end``) added: (value, where it ends); None when it starts another number."""
        if seen and value % 100:
            return None
        if lw in _TENS:
            return self.tens_units(value + _TENS[lw], end)
        return value + _SMALL[lw], end

    def and_more(self, end: int, seen: bool, value: int) -> int | None:
        """Where the number so far (``value``) goes on after an 'and' ending at ``end``: 'one
        hundred and five'; None when it ends there (no hundreds before, no number word after)."""
        if not (seen and value % 100 == 0 and value >= 100):
            return None
        k = self.space(end)
        w2 = self.word_at(k)
        if w2 and (w2[0].lower() in _SMALL or w2[0].lower() in _TENS):
            return k
        return None

    def tens_units(self, value: int, j: int) -> tuple[int, int]:
        """The units after a tens word: 'twenty-one', 'twenty one'."""
        if self.t[j : j + 1] == "-":
            w2 = self.word_at(j + 1)
            if w2 and w2[0].lower() in _SMALL and 0 < _SMALL[w2[0].lower()] < 10:
                value += _SMALL[w2[0].lower()]
                j = w2[1]
        k = self.space(j)
        w2 = self.word_at(k) if k > j else None
        if w2 and w2[0].lower() in _SMALL and 0 < _SMALL[w2[0].lower()] < 10 and value % 10 == 0:
            value += _SMALL[w2[0].lower()]
            j = w2[1]
        return value, j

    def next_number_word(self, j: int, value: int) -> int | None:
        """Where the next word of the same number starts, or None when the number ends at ``j``."""
        k = self.space(j)
        if k == j and self.t[j : j + 1] != "-":
            return None
        nxt = self.word_at(k) if self.t[j : j + 1] != "-" else None
        if nxt is None:
            return None
        nw = nxt[0].lower()
        if nw not in (*_SMALL, *_TENS, "hundred", "and") or (nw == "and" and (value < 100 or value % 100)):
            return None
        return k

    def word_fraction(self, i: int, j: int, total: int) -> _Core | None:
        """'two thirds (of)', 'one-fifth': number words ending at ``j`` and a fraction word."""
        k = j + 1 if self.t[j : j + 1] == "-" else self.space(j)
        fw = self.word_at(k) if k > j else None
        if not (fw and fw[0].lower() in _FRACTIONS and total < 20 and fw[0].lower() not in ("half", "halves")):
            return None
        f = fw[0].lower()
        plural = f.endswith("s")
        # 'three quarters' alone is a time ('in five quarters'); 'three quarters of' a fraction
        of = self.word_at(self.space(fw[1]))
        if f == "quarters" and not (of and of[0].lower() == "of"):
            return None
        if (plural and total >= 2) or (total == 1 and not plural and self.fraction_follows(fw[1])):
            return _Core(i, fw[1], None, Fraction(total, _FRACTIONS[f]), words=True)
        return None

    def of_follows(self, j: int) -> bool:
        k = self.space(j)
        w = self.word_at(k) if k < len(self.t) else None
        return bool(w and w[0].lower() == "of")

    def fraction_follows(self, j: int) -> bool:
        """After 'a third': 'of', punctuation or the end make it a fraction."""
        k = self.space(j)
        if k >= len(self.t) or self.t[k] in ".,;:!?)\"'":
            return True
        w = self.word_at(k)
        return bool(w and w[0].lower() in ("of", "and", "or", "the"))

    def and_a_half(self, core: _Core) -> None:
        """'two and a half', '3 and a quarter': the fraction joins the number as decimals."""
        if self.t[core.end : core.end + 1] not in (" ", "半"):
            return  # what _AND_A_HALF needs first (most figures have neither)
        m = _AND_A_HALF.match(self.t, core.end)
        if not m or core.digits is None or "." in core.digits:
            return
        extra = ".5" if (m.group(1) or "half").lower() == "half" else ".25"
        core.digits += extra
        core.end = m.end()


#: the decimals of a number in Chinese numerals: 點九, 点二五 (digit by digit)
_CN_DECIMALS = re.compile(r"[点點]([零〇○一二三四五六七八九]{1,6})")


#: the words before 'a quarter' that make it a span of time
_SPAN_WORDS = frozenset({"over", "in", "within", "during", "for", "per", "each", "every", "than"})


def cn_number(s: str) -> int | None:
    """Chinese numerals below 10,000: 三千八百 = 3800, 二十一 = 21, 十 = 10, 两 = 2."""
    if all(c in _CN_DIGITS for c in s):  # 二〇二五: digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in s)) if len(s) > 1 else _CN_DIGITS[s]
    total, digit = 0, None
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] != 0:
                return None
            digit = _CN_DIGITS[c] if _CN_DIGITS[c] != 0 else None
        else:
            unit = _CN_UNITS[c]
            total += (1 if digit is None else digit) * unit
            digit = None
    return total + (digit or 0)
