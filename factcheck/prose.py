"""Reading the figures of financial prose, with the semantics of the claims language.

``read(text)`` finds every figure an editor would check and gives each as a
``Mention``: where it stands, its kind (``number``, ``range``, ``ordinal``, ``date``,
``year``) and its value as a ``factcheck.quantity.Value`` (units, magnitude and the
interval its digits stand for, exactly as ``literal()`` gives them to the claims
language): "RMB 136.09 billion" is 136.09 × 10⁹ CNY, standing for 136.085 to 136.095
billion; "3800亿元" is 3800 × 10⁸ CNY; "5 per cent" is 5%, standing for 4.5% to 5.5%.

Choices, where prose is looser than the claims language:

- Numbers written in words read like their digits: "six days" is "6 days" (5.5 to
  6.5 days), "two and a half years" is "2.5 years". Fractions ("half", "a third",
  "two thirds of") are exact.
- A four-digit whole number from 1800 to 2099 with no unit is a ``year`` (exact);
  ordinals ("21st", "twentieth", "第21届") and dates ("May 10th", "10 May 2025",
  "December 2024", "2025年5月10日") are exact. A date keeps only what is written:
  "February 24" has no year.
- "2013 to 2014", "1997-98", "three to five years", "5-7%" and "between 2 and 3
  billion" are ranges; "from 80% to 70%" and "rose 5% to 136.09 billion" are two
  figures (a change, not a range).
- Words that are figures only sometimes are left alone: "one" without a unit
  ("one of the"), "first" and "second", "half" in "first half", "a quarter" unless
  "a quarter of".
- A plain word after a number is a count, as in the claims language ("10 million
  orders"), when it looks like a noun: after a magnitude, or a plural that is not a
  common function word.

Our own code rather than a library: quantulum3, number-parser and text2num were
tried. None reads Chinese figures, dates or ordinals as such, number-parser and
text2num rewrite "380 billion" as "380 1000000000" (the magnitude and the precision
are lost), quantulum3 returns floats and reads "¥380bn" as "yuan barn newton".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck import quantity as q

KINDS = ("number", "range", "ordinal", "date", "year")


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure in the text: ``text[start:end]``, its kind and value."""

    start: int
    end: int
    text: str
    kind: str
    #: number, year, ordinal: the value; range: None (see ``ends``); date: None
    value: q.Value | None = None
    #: a range: its two ends (numbers or years)
    ends: tuple[Mention, Mention] | None = None
    #: a date: (year or None, month, day or None)
    when: tuple[int | None, int, int | None] | None = None
    #: written as a fraction ("a third", "half"): compares with percentages too
    fraction: bool = False

    @property
    def unit_text(self) -> str:
        v = self.value or (self.ends[0].value if self.ends else None)
        return "" if v is None else q.unit_text(v.unit)

    def show(self) -> str:
        return " ".join(self.text.split())


# --------------------------------------------------------------------------- words

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORD_SMALL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
#: fraction words -> denominator
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

#: magnitude words of prose -> the canonical word of quantity.MAGNITUDES
_MAG_WORDS = {
    "thousand": "thousand", "thousands": "thousand", "million": "million", "millions": "million",
    "billion": "billion", "billions": "billion", "trillion": "trillion", "trillions": "trillion",
    "mn": "million", "mln": "million", "bn": "billion", "bln": "billion", "tn": "trillion",
}
_MAG_ATTACHED = {"k": "thousand", "K": "thousand", "m": "million", "M": "million"}
_CJK_MAGS = sorted((w for w in q.MAGNITUDES if not w.isascii()), key=len, reverse=True)

_CURRENCY_AFTER = {  # lower-cased words (and phrases) after a number
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY", "usd": "USD", "dollars": "USD",
    "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "hkd": "HKD", "hong kong dollars": "HKD",
    "hk dollars": "HKD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "pounds": "GBP",
    "jpy": "JPY", "yen": "JPY",
}
_CJK_CURRENCY = {w: c for w, c in q.CURRENCY_WORDS.items() if not w.isascii()}
_CURRENCY_CODES = {"RMB": "CNY", "CNY": "CNY", "USD": "USD", "HKD": "HKD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY"}
_SIGNS = sorted(q.CURRENCY_SIGNS, key=len, reverse=True)
_TIME = {w: u for w, u in q.TIME_WORDS.items() if w.isascii()}
_CJK_CURRENCY_LONGEST = sorted(_CJK_CURRENCY.items(), key=lambda x: -len(x[0]))
_CURRENCY_AFTER_LONGEST = sorted(_CURRENCY_AFTER.items(), key=lambda x: -len(x[0]))
MAX_DIGITS = 60  # as in the claims language: a longer run of digits is no figure
_CJK_TIME = {"天": "day", "周": "week", "星期": "week", "个月": "month", "个季度": "quarter", "季度": "quarter", "年": "year"}

#: words that follow numbers without being what is counted
_NOT_COUNTS = set("""
a about above across after again against ago ahead all almost alone along already also although always am
among an and another any are around as at away back be because been before behind being below beneath
beside besides between beyond both but by can could did do does down during each earlier either else
even ever every few for from further had has have he her here hers him his how however if in including
into is it its itself just last later least less like little many may more most much must my near nearly
next no nor not now of off often on once only onto or other others our ours out over own past per
perhaps plus rather respectively since so some still such than that the their theirs them then there
these they this those though through thus till to too toward towards under unless until up upon us
versus very via was we were what whatever when where whether which while who whom whose why will with
within without would yet you your yours its was wasn isn aren as is has this thus less across always
perhaps sometimes afterwards towards besides nevertheless whereas times fold percentage point points
""".split())
_PLURAL_NOUNS = {"people", "staff", "children", "men", "women", "personnel"}
#: 'per share', 'a share', 'per diluted share', 'per user': a figure per one thing
_PER_THING = re.compile(r" (per|a|an) (?:(?:diluted|basic|ordinary|class [ab]|adjusted) )?([a-z]{3,})(?![A-Za-z])")
#: what 'a'/'an' makes a figure per ('$6.31 a share'); 'per' takes any noun ('per user')
_A_THING = {"share", "head", "person", "user", "customer", "subscriber", "employee", "barrel", "tonne", "ton", "unit"}
#: 'earnings per share of $6.13', '每股收益59.49元', '每10股派发现金红利308.76元': the phrase
#: before a money figure that makes it a figure per share (per N shares, exactly)
_PER_SHARE_BEFORE = re.compile(r"(?:\b(?:per|a) (?:diluted |basic |ordinary )?share\b|\beps\b|每(\d*)股)", re.IGNORECASE)
_CHANGE_WORDS = {"from", "rose", "fell", "grew", "increased", "decreased", "dropped", "declined", "climbed",
                 "jumped", "gained", "lost", "slipped", "slid", "surged", "plunged", "up", "down", "cut",
                 "raised", "by", "rising", "falling", "growing", "grow", "rise", "fall", "reached", "reach",
                 "hit", "swelled", "shrank", "sank", "soared", "tumbled", "narrowed", "widened", "went"}

# --------------------------------------------------------------------------- text

# One character for one: the reader works on a copy of the text of the same length.
_TRANSLATE = str.maketrans({
    **{chr(0xFF10 + d): str(d) for d in range(10)},
    "％": "%", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ", "\n": " ",
    "’": "'", "‘": "'", "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-", "，": ",", "．": ".",
})

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z.']*")
_SPACE = re.compile(r" *")
_CN_NUM = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d])")
_CN_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?|(\d{1,2})月(\d{1,2})[日号]")
_ORD_SUFFIX = re.compile(r"(st|nd|rd|th)(?![A-Za-z])")


def _words(*tables: dict[str, int] | set[str]) -> str:
    return "|".join(sorted({w for t in tables for w in t}, key=len, reverse=True))


#: where a figure can start: the first character of every form ``_Reader.at`` reads
_START = re.compile(
    r"\d|[$€£¥￥]|-(?=\d)|[零〇一二两三四五六七八九十第百]"
    r"|(?<![A-Za-z0-9])(?:US\$|HK\$|RMB|CN¥|JP¥|CNY|USD|HKD|EUR|GBP|JPY"
    rf"|(?i:{_words(_SMALL, _TENS, _ORD_SMALL, _ORD_TENS, {'a', 'an', 'half'})})(?![A-Za-z])"
    rf"|(?:{_words({m.capitalize() for m in _MONTHS})})(?![a-z]))"
)


@dataclass(slots=True)
class _Core:
    """A number before its magnitude and unit: digits as written, or words read as digits."""

    start: int
    end: int
    digits: str | None  # a decimal string; None for an exact fraction
    exact: Fraction | None = None  # fractions ("a third") and other exact values
    words: bool = False  # written in words: 'one' alone is not a figure
    weak: bool = False  # needs a magnitude or unit to count ('one', 'a' million)
    cjk: bool = False


def read(text: str) -> list[Mention]:
    """Every figure in ``text``, in order, none overlapping."""
    return _Reader(text).run()


class _Reader:
    def __init__(self, text: str) -> None:
        self.orig = text
        self.t = text.translate(_TRANSLATE)
        self.low = self.t.lower()
        #: (start, end) of the figures read as per share: '… per share were $6.13,
        #: against $5.61' reads both
        self.per_share: list[tuple[int, int]] = []

    # helpers -------------------------------------------------------------------
    def word_at(self, i: int) -> tuple[str, int] | None:
        m = _WORD.match(self.t, i)
        if not m:
            return None
        w = m.group().rstrip(".'")
        w = w.removesuffix("'s")
        return w, i + len(w)

    def prev_word(self, i: int) -> str:
        m = re.search(r"([A-Za-z]+)[ ,]*$", self.t[max(0, i - 40) : i])
        return m.group(1).lower() if m else ""

    def space(self, i: int) -> int:
        return _SPACE.match(self.t, i).end()  # type: ignore[union-attr]

    def boundary_before(self, i: int) -> bool:
        if i == 0:
            return True
        c = self.t[i - 1]
        if c == ":" and i > 1 and self.t[i - 2].isdigit():
            return False  # 10:30
        if c == "-" and i > 1 and self.t[i - 2].isascii() and self.t[i - 2].isalnum():
            return False  # COVID-19, A-1
        return not (c.isalnum() and c.isascii()) and c not in "._/"

    def letter_after(self, i: int) -> bool:
        return i < len(self.t) and self.t[i].isascii() and self.t[i].isalpha()

    def mention(self, start: int, end: int, kind: str, **kw: Any) -> Mention:
        return Mention(start, end, self.orig[start:end], kind, **kw)

    # the loop ------------------------------------------------------------------
    def run(self) -> list[Mention]:
        """Jump from one place a figure could start to the next (a digit, a sign, a
        numeral, a word that can begin a figure) and read what stands there."""
        out: list[Mention] = []
        i, n = 0, len(self.t)
        while i < n:
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
            if not self.boundary_before(i) or (i and t[i - 1] == "每" and re.match(r"\d+股", t[i:i + 12])):
                return None  # the 10 of 每10股 is part of the per-share figure that follows
            return self.date_cn(i) or self.iso(i) or self.day_month(i) or self.figure(i)
        if "\u4e00" <= c <= "\u9fff":
            return self.cjk_special(i) or (self.figure(i) if c in "零〇一二两三四五六七八九十" else None)
        if c in "$€£¥￥" or c == "-":
            return self.figure(i)
        if not self.boundary_before(i):
            return None
        if any(t.startswith(s, i) for s in _SIGNS):  # US$, HK$, RMB¥
            return self.figure(i)
        w = self.word_at(i)
        if w is None:
            return None
        word = w[0]
        lw = word.lower()
        if lw in _MONTHS and word[0].isupper():
            return self.month_first(i, w)
        if word in _CURRENCY_CODES:  # 'RMB 136.09 billion'
            return self.figure(i)
        if lw in _TENS:  # 'twenty-first'
            m = re.compile(r"[- ]([a-z]+)(?![A-Za-z])").match(self.low, w[1])
            if m and m.group(1) in _ORD_SMALL and _ORD_SMALL[m.group(1)] < 10:
                value = _TENS[lw] + _ORD_SMALL[m.group(1)]
                return self.mention(i, m.end(), "ordinal", value=q.exact(Fraction(value)))
        if lw in _SMALL or lw in _TENS or lw in ("a", "an", "half"):
            return self.figure(i)
        if lw in _ORD_SMALL or lw in _ORD_TENS:
            return self.word_ordinal(i)
        return None

    # dates ------------------------------------------------------------------------
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
        m = re.compile(r",? ?(\d{4})(?!\d|[,.]\d)").match(self.t, i)
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
        m = re.compile(r"(\d{1,2})(st|nd|rd|th)?(?![\d,.]\d|\d|[A-Za-z])").match(self.t, k)
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
        m = re.compile(r"(\d{1,2})(st|nd|rd|th)? (?:of )?([A-Z][a-z]+)\.?").match(self.t, i)
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
        return self.mention(i, w[1], "ordinal", value=q.exact(Fraction(value)))

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

    # numbers ------------------------------------------------------------------------
    def core(self, i: int) -> _Core | None:
        """The number itself: digits, English number words or Chinese numerals."""
        t = self.t
        if t[i].isdigit():
            m = _DIGITS.match(t, i)
            assert m
            if len(m.group()) > MAX_DIGITS:
                return None
            return _Core(i, m.end(), m.group().replace(",", ""))
        if "\u4e00" <= t[i] <= "\u9fff":
            m = _CN_NUM.match(t, i)
            if not m or len(m.group()) > 20:  # a run that long is no numeral
                return None
            value = _cn_number(m.group())
            if value is None:
                return None
            return _Core(i, m.end(), str(value), cjk=True)
        return self.word_number(i)

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
                if seen and value % 100:
                    break
                if lw in _TENS:
                    value, j = self.tens_units(value + _TENS[lw], w[1])
                else:
                    value, j = value + _SMALL[lw], w[1]
                seen = True
            elif lw == "hundred" and seen and 0 < value % 100 < 10:
                value = value - value % 100 + (value % 100) * 100
                j = w[1]
            elif lw == "and" and seen and value % 100 == 0 and value >= 100:
                k = self.space(w[1])
                w2 = self.word_at(k)
                if w2 and (w2[0].lower() in _SMALL or w2[0].lower() in _TENS):
                    j = k
                    continue
                break
            else:
                break
            following = self.next_number_word(j, value)
            if following is None:
                break
            j = following
        return (j, value) if seen else None

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

    def fraction_follows(self, j: int) -> bool:
        """After 'a third': 'of', punctuation or the end make it a fraction."""
        k = self.space(j)
        if k >= len(self.t) or self.t[k] in ".,;:!?)\"'":
            return True
        w = self.word_at(k)
        return bool(w and w[0].lower() in ("of", "and", "or", "the"))

    def and_a_half(self, core: _Core) -> None:
        """'two and a half', '3 and a quarter': the fraction joins the number as decimals."""
        m = re.compile(r" and (?:a|one) (half|quarter)(?![A-Za-z])|半(?=[年天])", re.IGNORECASE).match(self.t, core.end)
        if not m or core.digits is None or "." in core.digits:
            return
        extra = ".5" if (m.group(1) or "half").lower() == "half" else ".25"
        core.digits += extra
        core.end = m.end()

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
        t = self.t
        m = re.compile(r" ?(-|/|to|and) ?").match(t, a.end)
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
        j = m.end()
        if j >= len(t):
            return None
        if a.kind == "year" and sep in ("-", "/"):
            short = self.short_year_range(a, j)
            if short is not None:
                return short
        b = self.quantity(j)
        if b is None or b.kind not in ("number", "year") or b.fraction:
            return None
        return self.range_of(a, b)

    def short_year_range(self, a: Mention, j: int) -> Mention | None:
        """'2013-14', '1997/98': a year and the last two digits of a later one at ``j``."""
        s = re.compile(r"(\d{2})(?![\d]|[.,]\d)").match(self.t, j)
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
            core = self.core(a.start)
            if core is None or core.digits is None:
                return None
            self.and_a_half(core)
            digits = core.digits
            va = q.with_unit(q.literal(digits, vb.mag), vb.unit)
            a = self.mention(a.start, a.end, "number", value=va)
        elif va.unit != vb.unit or va.mag != vb.mag:
            return None
        if vb.point <= va.point:
            return None
        return self.mention(a.start, b.end, "range", ends=(a, b))

    def quantity(self, i: int) -> Mention | None:
        """[currency] number [magnitude] [unit] — or a year, an ordinal."""
        t = self.t
        start = i
        lead = self.lead(i)
        if lead is None:
            return None
        i, negative, currency = lead
        core = self.core(i)
        if core is None or (negative and core.digits is None):
            return None
        self.and_a_half(core)
        end = core.end
        in_digits = not core.words and not core.cjk
        # ordinals in digits: '21st'
        if core.digits and in_digits and currency is None:
            m = _ORD_SUFFIX.match(t, end)
            if m and "." not in core.digits:
                return self.mention(start, m.end(), "ordinal", value=q.exact(Fraction(int(core.digits))))
        if core.digits is None:  # an exact fraction
            if currency:
                return None
            return self.mention(start, end, "number", value=q.exact(core.exact or Fraction(0)), fraction=True)
        if in_digits and self.letter_after(end) and not self.attached_word(end):
            return None  # '3D', '5G': not figures
        if t.startswith(":", end) and t[end + 1 : end + 2].isdigit():
            return None  # a time of day, 10:30
        if core.digits and "." not in core.digits and currency is None and not negative and t.startswith("周年", end):
            # '20周年': the 20th anniversary, an ordinal of years (not 20 weeks and a 年)
            return self.mention(start, end + 2, "ordinal", value=q.exact(Fraction(int(core.digits))))
        mag, end = self.magnitude(core, end)
        # a year: four digits, 1800 to 2099, nothing after it that makes it an amount
        if mag is None and currency is None and in_digits and not negative and self.is_year(core.digits, end):
            return self.mention(start, end, "year", value=q.exact(Fraction(int(core.digits))))
        return self.amount(start, end, core, ("-" if negative else "") + core.digits, mag, currency)

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
        sign = next((s for s in _SIGNS if t.startswith(s, i)), None)
        if sign:
            i = self.space(i + len(sign))
            if i >= len(t) or not t[i].isdigit():
                return None
            return i, negative, q.CURRENCY_SIGNS[sign]
        w = self.word_at(i) if t[i].isalpha() and t[i].isascii() else None
        if not (w and w[0] in _CURRENCY_CODES):
            return i, negative, None
        k = self.space(w[1])
        if not (k < len(t) and (t[k].isdigit() or t.startswith(tuple(_SIGNS), k))):
            return None
        sign2 = next((s for s in _SIGNS if t.startswith(s, k)), None)
        return k + (len(sign2) if sign2 else 0), negative, _CURRENCY_CODES[w[0]]

    def is_year(self, digits: str, end: int) -> bool:
        """Four digits from 1800 to 2099 with no unit after them ('2015', not '2015 yuan')."""
        return bool(re.fullmatch(r"(18|19|20)\d\d", digits)) and self.unit(end, count=False, after_year=True) is None

    def amount(self, start: int, end: int, core: _Core, digits: str, mag: str | None, currency: str | None) -> Mention | None:
        """The number with its unit (or its currency), from ``start``; None for a weak
        number ('one') that has neither a unit nor a magnitude."""
        found = self.unit(end, count=not core.cjk and currency is None, after_mag=mag is not None)
        value = q.literal(digits, mag)
        if found is not None and currency is not None and q.has_currency(found[0]) and found[0] != q.unit(currency):
            found = None
        if found is not None:
            u, end, half = found
            if half and "." not in digits:
                value = q.literal(digits + ".5", mag)
            value = q.with_unit(value, u)
        elif currency is not None:  # '$6.31', '$6.31 a share'
            u, end, _ = self.per(q.unit(currency), end)
            value = q.with_unit(value, u)
        if found is None and core.weak and mag is None:
            return None
        if q.has_currency(value.unit) and len(value.unit.exponents) == 1:
            value = self.per_share_before(start, value)
            if len(value.unit.exponents) > 1:
                self.per_share.append((start, end))
        return self.mention(start, end, "number", value=value)

    def per_share_before(self, start: int, value: q.Value) -> q.Value:
        """A money figure after 'earnings per share', 'EPS', '每股' or '每10股' (in the same
        sentence, with no other figure between but per-share ones): per one share, and
        per N shares divided by N, exactly (每10股 308.76元 is 30.876 CNY a share)."""
        lo = max(0, start - 80)
        seg = self.t[lo:start]
        cut = max(seg.rfind(". "), seg.rfind("。"), seg.rfind(";"), seg.rfind("；"))
        if cut >= 0:
            lo, seg = lo + cut + 1, seg[cut + 1 :]
        found = None
        for found in _PER_SHARE_BEFORE.finditer(seg):
            pass
        if found is None:
            return value
        between = list(self.t[lo + found.end() : start])
        for a, b in self.per_share:
            for k in range(max(a, lo + found.end()), min(b, start)):
                between[k - lo - found.end()] = " "
        if any(c.isdigit() for c in between):
            return value
        n = int(found.group(1)) if found.group(1) else 1
        if n == 0:
            return value
        share = q.count_unit("share")
        f = Fraction(1, n)
        return q.Value(value.point * f, value.iv.scale(f), value.unit / share, value.mag if n == 1 else None)

    def attached_word(self, end: int) -> bool:
        """Letters right after digits that belong to the figure: '380bn', '10k', '21st'."""
        m = re.compile(r"[A-Za-z]+").match(self.t, end)
        assert m
        w = m.group()
        return w in _MAG_WORDS or w in _MAG_ATTACHED or w.lower() in ("pp", "ppt", "ppts", "pct", "yr", "yrs", "bp", "bps")

    def magnitude(self, core: _Core, end: int) -> tuple[str | None, int]:
        t = self.t
        for w in _CJK_MAGS:
            if t.startswith(w, end):
                # '十' alone after a number is no magnitude; 万/亿 and their compounds are
                return q.canonical_magnitude(w), end + len(w)
        if core.cjk:
            return None, end
        k = self.space(end)
        m = re.compile(r"[A-Za-z]+").match(t, k)
        if not m:
            return None, end
        w = m.group()
        if k == end and w in _MAG_ATTACHED:
            return _MAG_ATTACHED[w], m.end()
        if w.lower() in _MAG_WORDS and (w.islower() or w.istitle() or w.isupper()):
            return _MAG_WORDS[w.lower()], m.end()
        return None, end

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
        return self.word_unit(end, count, after_mag, after_year)

    def cjk_unit(self, end: int) -> tuple[q.Unit, int, bool] | None:
        """A CJK unit, which comes without a space: 元, 个百分点, 个月, 年半."""
        t = self.t
        for w, code in _CJK_CURRENCY_LONGEST:
            if t.startswith(w, end):
                return q.unit(code), end + len(w), False
        for w in ("个百分点", "百分点"):
            if t.startswith(w, end):
                return q.unit("pp"), end + len(w), False
        for w, u in _CJK_TIME.items():
            if t.startswith(w, end):
                e = end + len(w)
                half = t.startswith("半", e)
                return q.unit(u), e + (1 if half else 0), half
        return None

    def word_unit(self, end: int, count: bool, after_mag: bool, after_year: bool) -> tuple[q.Unit, int, bool] | None:
        """A unit in letters after a number: percent, pp, a time, a currency, a count."""
        t, low = self.t, self.low
        k = self.space(end)
        hyphen = False
        if k == end and t.startswith("-", end):
            k, hyphen = end + 1, True
        m = re.compile(r"[A-Za-z][A-Za-z.]*").match(t, k)
        if not m:
            return None
        w = m.group().rstrip(".")
        lw = w.lower()
        wend = k + len(w)
        if k == end and not hyphen and lw not in ("pp", "ppt", "ppts", "pct", "yr", "yrs", "bp", "bps"):
            return None
        if hyphen and lw not in _TIME:
            return None
        if lw in ("percent", "pct"):
            return q.unit("percent"), wend, False
        if lw == "per" and low.startswith(" cent", wend):
            return q.unit("percent"), wend + 5, False
        if lw == "percentage" and re.compile(r" points?(?![A-Za-z])").match(low, wend):
            return q.unit("pp"), re.compile(r" points?").match(low, wend).end(), False  # type: ignore[union-attr]
        if lw in ("pp", "ppt", "ppts"):
            return q.unit("pp"), wend, False
        if lw in ("bp", "bps"):
            return q.unit("bp"), wend, False
        if lw == "basis" and (bp := re.compile(r"[ -]points?(?![A-Za-z])").match(low, wend)):
            return q.unit("bp"), bp.end(), False
        if lw in _TIME and not after_year:
            return self.per(q.unit(_TIME[lw]), wend)
        if after_year:
            return None
        return self.currency_or_count(w, k, wend, count, after_mag)

    def currency_or_count(self, w: str, k: int, wend: int, count: bool, after_mag: bool) -> tuple[q.Unit, int, bool] | None:
        """A currency written after the number ('yuan', 'US dollars'), 'times', or a count
        of things ('orders'): the word ``w`` at ``k``, ending at ``wend``."""
        low, lw = self.low, w.lower()
        for phrase, code in _CURRENCY_AFTER_LONGEST:
            if low.startswith(phrase, k) and not self.letter_after(k + len(phrase)):
                if phrase in ("pounds",) and not after_mag:
                    continue
                return self.per(q.unit(code), k + len(phrase))
        if w in _CURRENCY_CODES:
            return self.per(q.unit(_CURRENCY_CODES[w]), wend)
        if lw in ("times", "fold"):
            return q.unit(""), wend, False
        a_word = count and w.isalpha() and w.islower() and lw not in _NOT_COUNTS and len(w) > 2 and not lw.endswith("ly")
        counted = after_mag or (lw.endswith("s") and not lw.endswith("ss")) or lw in _PLURAL_NOUNS
        if a_word and counted and not low.startswith("'", wend):
            return q.count_unit(w), wend, False
        return None

    def per(self, u: q.Unit, end: int) -> tuple[q.Unit, int, bool]:
        """'billion yuan per year': a rate; '$6.31 a share', '59 yuan per user': a
        figure per one of a thing (exactly one)."""
        m = re.compile(r" per (day|week|month|quarter|year)(?![A-Za-z])").match(self.low, end)
        if m:
            return u / q.unit(m.group(1)), m.end(), False
        m = _PER_THING.match(self.low, end)
        if m and m.group(2) == "annum":
            return u / q.unit("year"), m.end(), False
        if m and m.group(2) not in _NOT_COUNTS and m.group(2) != "cent" and (m.group(1) == "per" or m.group(2) in _A_THING):
            return u / q.count_unit(m.group(2)), m.end(), False
        return u, end, False


# --------------------------------------------------------------------------- helpers


def _valid(y: int, m: int, d: int) -> bool:
    from datetime import date

    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _cn_number(s: str) -> int | None:
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


def precision(m: Mention) -> Fraction:
    """The step of the last digit written (0 when exact): 136.09 billion -> 10 million."""
    v = m.value if m.value is not None else (m.ends[0].value if m.ends else None)
    if v is None or v.exact:
        return Fraction(0)
    return v.iv.hi - v.iv.lo  # type: ignore[operator]  # a figure's interval is bounded
