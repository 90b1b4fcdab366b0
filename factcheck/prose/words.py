"""The words and patterns of prose figures: number words, months, magnitudes, currencies, units."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from factcheck import quantity as q
from factcheck.lazyre import Lazy as _Lazy
from factcheck.prose.signs import SIGNS as _CLDR_SIGNS

_T = TypeVar("_T")

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORD_SMALL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
#: fraction words -> denominator
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

#: magnitude words of prose -> the canonical word of quantity.MAGNITUDES
MAG_WORDS = {
    "thousand": "thousand", "thousands": "thousand", "million": "million", "millions": "million",
    "billion": "billion", "billions": "billion", "trillion": "trillion", "trillions": "trillion",
    "mn": "million", "mln": "million", "bn": "billion", "bln": "billion", "tn": "trillion",
    "lakh": "lakh", "lakhs": "lakh", "crore": "crore", "crores": "crore",
}
MAG_ATTACHED = {"k": "thousand", "K": "thousand", "m": "million", "M": "million"}
_CJK_MAGS = sorted((w for w in q.MAGNITUDES if not w.isascii()), key=len, reverse=True)

_CURRENCY_AFTER = {  # lower-cased words (and phrases) after a number
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY", "usd": "USD", "dollars": "USD",
    "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "hkd": "HKD", "hong kong dollars": "HKD",
    "hk dollars": "HKD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "pounds": "GBP",
    "jpy": "JPY", "yen": "JPY", "pence": "pence",
}
_CJK_CURRENCY = {w: c for w, c in q.CURRENCY_WORDS.items() if not w.isascii()}
CURRENCY_CODES = {"RMB": "CNY", "CNY": "CNY", "USD": "USD", "HKD": "HKD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY"}


def _cased(signs: dict[str, str]) -> dict[str, str]:
    """A sign of three letters or more as newsrooms also write it: CLDR's Ksh is KSh and KSH
    in Kenyan prose; a variant that is a sign of its own keeps its own currency."""
    out = dict(signs)
    for sign, code in signs.items():
        if len(sign) >= 3 and sign.isalpha():
            for variant in (sign.upper(), sign[:2].upper() + sign[2:]):
                out.setdefault(variant, code)
    return out


#: signs a national press writes onto an amount that CLDR's English symbols do not carry
#: (CLDR has Ksh, ₦, ₹; Kenyan papers write Sh112.6 billion, Nigerian ones N145.69 billion,
#: Omani ones RO33.4mn, Emirati ones Dh4.5 billion, Indian ones Rs1,774 crore): read only
#: written onto digits with a magnitude after them, so that no name (N95, RO2) is taken for one
PRESS_SIGNS = {"Sh": "KES", "N": "NGN", "RO": "OMR", "Dh": "AED", "Dhs": "AED", "Tk": "BDT", "QR": "QAR",
               "KD": "KWD", "BD": "BHD", "LE": "EGP", "Rs": "INR", "Rs.": "INR"}
#: CLDR's signs as a press types them with another character: Ghanaian papers write the
#: cedi's GH₵ with a cent sign
SIGN_VARIANTS = {"GH¢": "GHS"}

#: every currency sign read before an amount in prose -> its ISO 4217 code: the claims
#: language's, then CLDR's (A$, RM, ₹: prose/signs.py), as newsrooms case them
SIGN_CODES = _cased({**_CLDR_SIGNS, **q.CURRENCY_SIGNS, **SIGN_VARIANTS})
SIGNS = tuple(sorted(SIGN_CODES, key=len, reverse=True))
TIME = {w: u for w, u in q.TIME_WORDS.items() if w.isascii()}
_CJK_CURRENCY_LONGEST = sorted(_CJK_CURRENCY.items(), key=lambda x: -len(x[0]))
_CURRENCY_AFTER_LONGEST = sorted(_CURRENCY_AFTER.items(), key=lambda x: -len(x[0]))
MAX_DIGITS = 60  # as in the claims language: a longer run of digits is no figure
_CJK_TIME = {"天": "day", "周": "week", "星期": "week", "个月": "month", "个季度": "quarter", "季度": "quarter", "年": "year"}
#: the CJK units after a number in the order they are tried: (word, unit, a time unit)
_CJK_UNITS = (
    *((w, code, False) for w, code in _CJK_CURRENCY_LONGEST),
    ("个百分点", "pp", False), ("百分点", "pp", False), ("个百份点", "pp", False), ("百份点", "pp", False),
    ("个基点", "bp", False), ("基点", "bp", False),  # as the claims language reads them (BASIS_POINT_WORDS)
    *((w, u, True) for w, u in _CJK_TIME.items()),
)


def _by_first(items: Iterable[_T], word: Callable[[_T], str] = str) -> dict[str, tuple[_T, ...]]:
    """The items by the first character of their word, each list in the order given: the
    reader tries only those that can start at a place, in the order it always did."""
    out: dict[str, list[_T]] = {}
    for item in items:
        out.setdefault(word(item)[0], []).append(item)
    return {c: tuple(v) for c, v in out.items()}


SIGNS_BY_FIRST = _by_first(SIGNS)
CJK_MAGS_BY_FIRST = _by_first(_CJK_MAGS)
CJK_UNITS_BY_FIRST = _by_first(_CJK_UNITS, lambda x: x[0])
CURRENCY_AFTER_BY_FIRST = _by_first(_CURRENCY_AFTER_LONGEST, lambda x: x[0])

#: words that follow numbers without being what is counted
NOT_COUNTS = set("""
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
revenue revenues profit profits sales income turnover earnings loss losses ebitda surplus deficit capex
expenditure spending
""".split())  # the last lines: what a figure is an amount of ('N950.09 billion revenue'), never what it counts
PLURAL_NOUNS = {"people", "staff", "children", "men", "women", "personnel"}
#: 'per share', 'a share', 'per diluted share', 'per user': a figure per one thing
PER_THING = re.compile(r" (per|a|an) (?:(?:diluted|basic|ordinary|class [ab]|adjusted) )?([a-z]{3,})(?![A-Za-z])")
#: what 'a'/'an' makes a figure per ('$6.31 a share'); 'per' takes any noun ('per user')
A_THING = {"share", "head", "person", "user", "customer", "subscriber", "employee", "barrel", "tonne", "ton", "unit"}
#: 'earnings per share of $6.13', '每股收益59.49元', '每10股派发现金红利308.76元': the phrase
#: before a money figure that makes it a figure per share (per N shares, exactly)
PER_SHARE_BEFORE = re.compile(r"(?:\b(?:per|a) (?:diluted |basic |ordinary )?share\b|\beps\b|每(\d*)股)", re.IGNORECASE)
#: a per-share phrase that is the unit of a figure right before it ('$.19 per share'), not a label
UNIT_OF_FIGURE = re.compile(r"[\d$]\s*(?:cents?\s*)?$")
CHANGE_WORDS = {"from", "rose", "fell", "grew", "increased", "decreased", "dropped", "declined", "climbed",
                 "jumped", "gained", "lost", "slipped", "slid", "surged", "plunged", "up", "down", "cut",
                 "raised", "by", "rising", "falling", "growing", "grow", "rise", "fall", "reached", "reach",
                 "hit", "swelled", "shrank", "sank", "soared", "tumbled", "narrowed", "widened", "went"}


# One character for one: the reader works on a copy of the text of the same length. No
# replacement is itself replaced, so replacing each in turn is the one translation; and
# str.replace of the few that are there is some 30 times faster than str.translate on a
# text that is not all ASCII (which looks up every character in its table).
TRANSLATE: tuple[tuple[str, str], ...] = (
    *((chr(0xFF10 + d), str(d)) for d in range(10)),
    ("％", "%"), ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u3000", " "), ("\t", " "), ("\n", " "),
    ("’", "'"), ("‘", "'"), ("–", "-"), ("—", "-"), ("‑", "-"), ("‐", "-"), ("−", "-"), ("，", ","), ("．", "."), ("～", "~"),
)


#: digits as written: '1,234.5', the Indian grouping of lakhs and crores '1,53,670', plain '1234.5'
#: and groups of three parted by a space ('15 999 units', '€1 741.9 bn': the grouping of South Africa,
#: France and Eurostat; a thin or no-break space too)
DIGITS = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
                    r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?")
WORD = re.compile(r"[A-Za-z][A-Za-z.']*")
SPACE = re.compile(r" *")
CN_NUM = re.compile(r"[零〇○一二两三四五六七八九十百千]{1,21}")  # longer is no numeral: 21 tell it
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d])")
CN_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?|(\d{1,2})月(\d{1,2})[日号]")
ORD_SUFFIX = re.compile(r"(st|nd|rd|th)(?![A-Za-z])")
LETTERS = _Lazy(r"[A-Za-z]+")
SPACED_LETTERS = _Lazy(r" *([A-Za-z]+)")
UNIT_WORD = _Lazy(r"[A-Za-z][A-Za-z.]*")
PREV_WORD = _Lazy(r"([A-Za-z]+)[ ,]*$")
AND_A_HALF = _Lazy(r" and (?:a|one) (half|quarter)(?![A-Za-z])|半(?=[年天])", re.IGNORECASE)
RANGE_SEP = _Lazy(r" ?(-|/|to|and|~) ?")  # '1~8月': a range of months
SHORT_YEAR = _Lazy(r"(\d{2})(?![\d]|[.,]\d)")
YEAR = _Lazy(r"(18|19|20)\d\d")
YEAR_AFTER = _Lazy(r",? ?(\d{4})(?!\d|[,.]\d)")
DAY_AFTER_MONTH = _Lazy(r"(\d{1,2})(st|nd|rd|th)?(?![\d,.]\d|\d|[A-Za-z])")
DAY_MONTH = _Lazy(r"(\d{1,2})(st|nd|rd|th)? (?:of )?([A-Z][a-z]+)\.?")
#: what each of CN_DATE, ISO and DAY_MONTH needs after the digits: without it, none matches
DATE_LIKE = _Lazy(r"\d{4}[年-]|\d{1,2}(?:月|(?:st|nd|rd|th)? )")
TENS_ORDINAL = _Lazy(r"[- ]([a-z]+)(?![A-Za-z])")
PER_N_SHARES = _Lazy(r"\d+股")
#: 'per year', '$2 billion a quarter' (not 'a year earlier', 'a year ago': a time, no rate)
PER_TIME = _Lazy(r" (?:per|a|an) (day|week|month|quarter|year)(?![A-Za-z])(?! (?:earlier|ago|before|later|on|after))")
POINTS_AFTER = _Lazy(r" points?(?![A-Za-z])")
POINTS = _Lazy(r" points?")
BASIS_POINTS = _Lazy(r"[ -]points?(?![A-Za-z])")


def _trie(words: set[str]) -> str:
    """The words as one alternation, factored by their first letters ('t(?:en|hree|wo)'):
    the regex engine tries a handful of letters at each word rather than every word.
    A longer word comes before a word it starts with, as in a longest-first list."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def alternation(node: dict[str, Any]) -> str:
        alts = [re.escape(c) + alternation(node[c]) for c in sorted(node) if c]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return alternation(root)


#: where a figure can start: the first character of every form ``Reader.at`` reads.
#: A word must be followed by no letter, so at most one word of an alternation matches at
#: a place: the factored alternation finds the word the longest-first list found. The
#: lookahead first rules out, with one class test, a place where nothing can start (a run
#: of blanks is passed over six times faster than by trying every alternative there).
#: the marks that open a currency sign in prose (₹, ₩, ₦ …)
SIGN_MARKS = "".join(sorted({s[0] for s in SIGNS if not s[0].isalnum() and s[0] not in "$€£¥￥"}))
START = re.compile(
    rf"(?=[\w$€£¥￥{SIGN_MARKS}-])(?:[\d$€£¥￥{SIGN_MARKS}零〇○一二两三四五六七八九十第百]|-(?=\d)"
    rf"|(?<![A-Za-z0-9])(?:{_trie({s for s in SIGNS if s[0].isalpha()})}|[A-Z]{{3}}(?= ?\d)|RMB|CNY|USD|HKD|EUR|GBP|JPY"
    rf"|(?i:{_trie({*SMALL, *TENS, *ORD_SMALL, *ORD_TENS, 'a', 'an', 'half'})})(?![A-Za-z])"
    rf"|{_trie({m.capitalize() for m in MONTHS})}(?![a-z])))"
)
