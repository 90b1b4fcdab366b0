"""The words of quantities: magnitude, currency, time, percent and point words.

Add a unit word here: a currency word to CURRENCY_WORDS, a time word to TIME_WORDS (and
a new named unit to UNIT_DEFINITIONS when no existing one fits). Everything that reads
figures (the expression language, the prose reader of drafts) reads these tables.
"""

from __future__ import annotations

import functools
from fractions import Fraction

#: magnitude words after a number -> power of ten
MAGNITUDES: dict[str, int] = {
    "thousand": 3, "k": 3, "K": 3, "千": 3,
    "million": 6, "m": 6, "M": 6, "mn": 6, "百万": 6,
    "billion": 9, "bn": 9, "十亿": 9,
    "trillion": 12, "tn": 12,
    "万": 4, "十万": 5, "千万": 7, "亿": 8, "百亿": 10, "千亿": 11, "万亿": 12,
    # 兆: a trillion in Taiwan's and Hong Kong's financial press (2.76兆元 is 2.76万亿元)
    "兆": 12,
    # the Indian system: a lakh is a hundred thousand, a crore ten million
    "lakh": 5, "crore": 7,
}
MAG_ALIASES = {"thousands": "thousand", "millions": "million", "billions": "billion",
                "trillions": "trillion", "Thousand": "thousand", "Million": "million",
                "Billion": "billion", "Trillion": "trillion", "Bn": "bn", "BN": "bn",
                "Mn": "mn", "MN": "mn", "Tn": "tn", "TN": "tn",
                "lakhs": "lakh", "Lakh": "lakh", "crores": "crore", "Crore": "crore"}

#: currency words -> ISO code
CURRENCY_WORDS: dict[str, str] = {
    "CNY": "CNY", "RMB": "CNY", "yuan": "CNY", "Yuan": "CNY", "元": "CNY", "人民币": "CNY",
    "USD": "USD", "美元": "USD", "dollar": "USD", "dollars": "USD",
    "HKD": "HKD", "港元": "HKD", "港币": "HKD",
    "EUR": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR",
    "GBP": "GBP", "英镑": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "pence": "pence", "penny": "pence",
    "JPY": "JPY", "yen": "JPY", "日元": "JPY",
}
#: currency names of two or three words -> ISO code ("US dollars", "Hong Kong dollars")
CURRENCY_PHRASES: dict[tuple[str, ...], str] = {
    ("US", "dollar"): "USD", ("US", "dollars"): "USD", ("U.S.", "dollars"): "USD",
    ("Hong", "Kong", "dollar"): "HKD", ("Hong", "Kong", "dollars"): "HKD",
    ("pounds", "sterling"): "GBP",
}
CURRENCIES = ("CNY", "USD", "HKD", "EUR", "GBP", "JPY")
#: a currency's fraction that is a unit of its own in print (pence)
SUBUNITS = ("pence",)

#: currency signs written before a number -> ISO code (longest first when matching)
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD", "HK$": "HKD", "CN¥": "CNY", "RMB¥": "CNY", "JP¥": "JPY",
    "¥": "CNY", "￥": "CNY", "$": "USD", "€": "EUR", "£": "GBP",
}

TIME_WORDS: dict[str, str] = {
    "day": "day", "days": "day", "天": "day",
    "week": "week", "weeks": "week", "周": "week",
    "month": "month", "months": "month", "个月": "month",
    "quarter": "quarter", "quarters": "quarter", "季度": "quarter",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "年": "year",
}

TIME_UNITS = ("day", "week", "month", "quarter", "year")

PERCENT_WORDS = {"%", "％", "percent", "pct"}
#: 百份点: Hong Kong's way of writing 百分点 (百份點)
POINT_WORDS = {"pp", "ppt", "ppts", "个百分点", "百分点", "个百份点", "百份点"}
#: basis points: a hundredth of a percentage point ("basis points" is read as a phrase)
BASIS_POINT_WORDS = {"bp", "bps", "bip", "bips", "个基点", "基点"}
#: words that make a per-unit figure out of the unit that follows them: "30 CNY per
#: share", "157 bn CNY a year", "$6.31 a share"
PER_WORDS = {"per", "Per", "a", "an"}
#: 每 before a unit, and a figure after it: 每股68.64元 is 68.64 CNY/share, 每10股308.76元
#: 30.876 CNY/share (exactly), 每年1574.79亿元 CNY/year
PER_PREFIX = "每"
#: count words that are another word's count: 股 is share (10 股 and 10 shares are one count)
COUNT_SYNONYMS = {"股": "share"}

#: every word that names a unit: these cannot be fact names, since `/ year` must mean a unit
RESERVED_WORDS = (
    set(CURRENCY_WORDS) | set(TIME_WORDS) | PERCENT_WORDS | POINT_WORDS | BASIS_POINT_WORDS
    | {"percentage", "point", "points", "per", "cent", "basis"}
)

#: words of units and magnitudes long enough to be misspelt (for "did you mean")
SPELLED_UNITS = tuple(
    sorted(
        w
        for w in {*CURRENCY_WORDS, *TIME_WORDS, *PERCENT_WORDS, *POINT_WORDS, *MAGNITUDES, *MAG_ALIASES}
        if w.isascii() and (len(w) > 3 or w.isupper())  # and CNY, USD…: 'USDD'
    )
)


#: the named units: name -> (its size, what it is measured against). A base unit stands
#: against its own dimension, "[...]"; the rest against another named unit, exactly.
UNIT_DEFINITIONS: tuple[tuple[str, Fraction, str], ...] = (
    *((code, Fraction(1), f"[currency_{code}]") for code in ("CNY", "USD", "HKD", "EUR", "GBP", "JPY")),
    ("day", Fraction(1), "[time]"),
    ("week", Fraction(7), "day"),
    ("year", Fraction("365.25"), "day"),
    ("month", Fraction(1, 12), "year"),
    ("quarter", Fraction(1, 4), "year"),
    ("percent", Fraction(1, 100), ""),
    ("pp", Fraction(1), "[percentage_point]"),
    # a hundredth of a pound: UK dividends and share prices are printed in pence (22.10p)
    ("pence", Fraction(1, 100), "GBP"),
    ("bp", Fraction(1, 100), "pp"),
)


def singular(word: str) -> str:
    """Naive English singular, enough for count words: orders -> order, companies -> company."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def plural(word: str) -> str:
    if not word.isascii():
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def is_known_unit_word(word: str) -> bool:
    return (
        word in CURRENCY_WORDS or word in TIME_WORDS or word in PERCENT_WORDS or word in POINT_WORDS
        or word in BASIS_POINT_WORDS
    )


def magnitude(word: str) -> int | None:
    word = MAG_ALIASES.get(word, word)
    return MAGNITUDES.get(word)


def canonical_magnitude(word: str) -> str:
    return MAG_ALIASES.get(word, word)


@functools.lru_cache(maxsize=4096)
def misspelt_unit(word: str) -> str | None:
    """The unit or magnitude word a count word looks like a slip of ('bilion' -> 'billion',
    'yaun' -> 'yuan', 'bsp' -> 'bps'), or None.

    A slip keeps the first letter and is one letter away (missing, extra, wrong, or two
    neighbours swapped; two letters for words of seven or more): close enough that
    counting "yauns" would be wrong, far enough that "rounds" is not read as "pounds".
    A word of three letters is a slip only as two neighbours swapped ('bsp', 'ppt' for
    'ptp'): one letter changed in a word that short is another word ('pcs', 'bus').
    """
    if is_known_unit_word(word) or magnitude(word) is not None:
        return None
    if len(word) == 3:
        return _SWAPPED.get(word)
    if len(word) < 4:
        return None
    best: tuple[int, bool, str] | None = None
    for w in SPELLED_UNITS:
        if w[0].casefold() != word[0].casefold() or abs(len(w) - len(word)) > 2:
            continue
        d = _distance(word.casefold(), w.casefold())
        rank = (d, w[0] != word[0], w)  # the same case first: 'yaun' -> 'yuan', not 'Yuan'
        if d <= (2 if len(w) >= 7 else 1) and (best is None or rank < best):
            best = rank
    return best[2] if best else None


#: the short unit words with two neighbouring letters swapped -> the word
_SWAPPED = {
    w[:i] + w[i + 1] + w[i] + w[i + 2 :]: w
    for w in sorted((*BASIS_POINT_WORDS, *POINT_WORDS, *PERCENT_WORDS, "yrs"))
    if w.isascii() and w.islower() and len(w) == 3
    for i in range(2)
    if w[i] != w[i + 1]
}


def _distance(a: str, b: str) -> int:
    """Edit distance with neighbouring letters swapped counted as one edit (OSA)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]
