"""What a figure is to the arithmetic: a percent, a figure in points, or an amount, and
its value as the claims language would write it.

The number reader (``factcheck.prose``) gives each figure its value; here a figure is
sorted for the relations: ``pct`` (a percent), ``pts`` (percentage or basis points,
including "0.5 points" between percentages and "(2.6)%"-style negatives read by the
caller) and ``amt`` (money, counts, plain numbers).
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck import quantity as q
from factcheck.lazyre import Lazy
from factcheck.prose import Mention

#: currency codes the engine has no unit for ("NOK 6.84 billion"): the figure pairs only with its own code
CURRENCY_CODES = frozenset(
    "NOK SEK DKK ISK CHF AUD CAD NZD SGD INR KRW TWD THB MYR IDR PHP VND PKR BDT BRL MXN CLP COP PEN ARS "
    "ZAR EGP NGN KES MAD RUB TRY PLN CZK HUF RON BGN ILS AED SAR QAR KWD BHD OMR".split()
)


def is_percent(m: Mention) -> bool:
    return m.value is not None and q.is_percent(m.value.unit) and not m.fraction


def is_points(m: Mention) -> bool:
    return m.value is not None and (q.is_points(m.value.unit) or q.unit_text(m.value.unit) in ("bp", "pp"))


def kind_of(m: Mention) -> str:
    if is_percent(m):
        return "pct"
    if is_points(m):
        return "pts"
    return "amt"


#: 'one-year loan rate', 'a 10-year bond': a figure used as an adjective is a word here
_ADJECTIVE = Lazy(r"^[\w.]+-(?:year|month|week|day|quarter|hour|minute)s?$")
#: a number broken at its decimal point by a space: the part before, then the part after
_BROKEN_AFTER = Lazy(r"\. \d")
_BROKEN_BEFORE = Lazy(r"\d\. $")
#: 一季度 (the first quarter) names a quarter; a bare Chinese numeral (一般, 一体) is a word
_CJK_WORD = Lazy(r"^(?:[一二三四]季度|[零〇一二两三四五六七八九十百千]+)$", cjk=True)


def noise(m: Mention, text: str) -> bool:
    """Figures that are words to the relations: 'one-year', 一般, 一季度, 4月 (April), 五年前."""
    if m.kind != "number" or m.value is None:
        return True
    if _ADJECTIVE.match(m.text) or _CJK_WORD.match(m.text):
        return True
    if _BROKEN_AFTER.match(text, m.end) or _BROKEN_BEFORE.search(text, max(0, m.start - 4), m.start):
        return True  # 'Ksh740. 8 billion': a decimal broken by a space reads as neither 740 nor 8 billion
    return _word_by_what_follows(m, text)


#: what makes a bare number the first month of a span (1至7月, 1-11月, 1～2月), and the marks it opens on
_MONTH_RANGE_ON = Lazy(r"\s*(?:至|到|-|—|–|~|～)\s*\d{1,2}\s*月")
_RANGE_MARKS = frozenset("至到-—–~～")
#: a number of tenths (5成, 2.5成) and what may follow 成 in a word of its own (5成交, 3成本)
_TENTHS = Lazy(r"(?:10|\d)(?:\.\d)?")
_CHENG_WORDS = frozenset("为為长長交本员員绩績果立功就熟效品分型都")


def _word_by_what_follows(m: Mention, text: str) -> bool:
    """A number that the characters around it make a word: 4月 (April), 3季度, a footnote's
    [2], a Minguo year (106)年, 3年, 五年前."""
    after = text[m.end : m.end + 1]
    if after == " " and text[m.end + 1 : m.end + 2] in ("月", "年"):
        after = text[m.end + 1]  # '2025 年 12 月底': a date spaced out between its digits and its characters
    if _a_time_word(m, text, after):
        return True
    if after == "成" and _TENTHS.fullmatch(m.text) and text[m.end + 1 : m.end + 2] not in _CHENG_WORDS:
        return True  # 近5成 (nearly half), 年增3成: tenths, said too loosely to check; never 5 borrowing the 亿美元 beside it
    if _footnote_mark(m, text):
        return True  # 国内生产总值[2]1210207亿元: a footnote's mark
    if _list_number(m, text):
        return True  # '2、日本7月进口…': a list's number at the start of its line
    if text[m.end : m.end + 2] in (")年", "）年") and m.text.isdigit():
        return True  # 較去(106)年同期: a year of the Minguo calendar in brackets
    if after == "年" and m.text.isdigit():
        return True  # 3年 read as a count of years stays a word here (elapsed reads years itself)
    return m.text.endswith("年") and text[m.end : m.end + 1] in ("前", "以")


def _a_time_word(m: Mention, text: str, after: str) -> bool:
    """4月 (April), 3季度, 10时, and the first month of a span (1至7月, 1-11月)."""
    if after in ("月", "日", "号", "季", "时", "点") and m.text.isdigit() and not (after == "点" and int(m.text) > 24):
        return True  # 4月 is April, not a count; 3季度, 10时
    # 1至7月: the first month of a span, never an amount that borrows the 亿元 beside it
    return m.text.isdigit() and text[m.end : m.end + 2].lstrip()[:1] in _RANGE_MARKS and _MONTH_RANGE_ON.match(text, m.end) is not None


def _list_number(m: Mention, text: str) -> bool:
    return text[m.end : m.end + 1] == "、" and m.text.isdigit() and len(m.text) <= 2 and (
        m.start == 0 or text[m.start - 1] in "\n *>#-")


def _footnote_mark(m: Mention, text: str) -> bool:
    return m.text.isdigit() and len(m.text) <= 3 and text[m.start - 1 : m.start] in ("[", "［") \
        and text[m.end : m.end + 1] in ("]", "］")


def as_percent(m: Mention) -> q.Value | None:
    """A plain figure read as a percent ('(2.6)%' where the reader read '2.6')."""
    if m.value is None:
        return None
    digits = _digits(m.text)
    return None if digits is None else q.with_unit(q.literal(digits), q.unit("percent"))


def as_points(m: Mention) -> q.Value | None:
    """A plain figure read as percentage points ('0.5 points' between two percentages)."""
    digits = _digits(m.text)
    return None if digits is None else q.with_unit(q.literal(digits), q.unit("pp"))


_DIGITS = Lazy(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def _digits(text: str) -> str | None:
    found = _DIGITS.search(text)
    if found is None:
        return None
    d = found.group().replace(",", "")
    return "0" + d if d.startswith(".") else d


def borrowed(m: Mention, v: q.Value, like: q.Value) -> q.Value | None:
    """A bare figure with the magnitude and unit of ``like`` ('from 154.6' after '167.2
    billion yuan' is 154.6 billion yuan); None when its digits cannot be read again."""
    if not q.is_plain(v.unit) and v.unit is like.unit and v.mag is None and like.mag is not None:
        return _same_sign_scaled(m, v, like)
    if not q.is_plain(v.unit) or q.is_plain(like.unit) and (v.mag or not like.mag):
        return v
    if v.mag is None and like.mag is not None:
        digits = _digits(m.text)
        if digits is None:
            return None
        point = q.literal(digits, like.mag)
        v = q.neg(point) if v.point < 0 else point
    return q.with_unit(v, like.unit) if not q.is_plain(like.unit) else v


def _same_sign_scaled(m: Mention, v: q.Value, like: q.Value) -> q.Value | None:
    """'KSh11.9 billion compared to KSh10.2': the second amount of one currency, its
    magnitude left off, takes the first's when so read the two are of one size (within ten
    times); as written it stays ('$5 against $2.1 billion')."""
    digits = _digits(m.text)
    if digits is None or not like.point:
        return v
    point = q.literal(digits, like.mag)
    if not abs(like.point) / 10 <= abs(point.point) <= abs(like.point) * 10:
        return v
    return q.with_unit(q.neg(point) if v.point < 0 else point, like.unit)


def step(v: q.Value) -> Fraction:
    """The step of the last digit written (0 for an exact value)."""
    if v.exact or v.iv.lo is None or v.iv.hi is None:
        return Fraction(0)
    return v.iv.hi - v.iv.lo


#: a number that names an index ('CSI 300', 'FTSE 100', 'S&P 500', 'Stoxx 600', 沪深300, 上证50)
_INDEX_BEFORE = Lazy(r"(?:\b(?:[A-Z][A-Za-z&]*|S&P|Russell|Nikkei|Stoxx|Nasdaq|ASX|Hang Seng|Topix|Sensex|Nifty|DAX|CAC|IBEX|AEX|SMI|OMX|KOSPI|MSCI|FTSE|CSI)\s?|沪深|上证|深证|中证|科创|创业板|恒生|国企)$")
_INDEX_AFTER = Lazy(r"^\s?(?:index|Index|指数|成分|ETF)")


def index_name(m: Mention, text: str) -> bool:
    """A whole number with no unit that names an index or a fund, not an amount."""
    v = m.value
    if v is None or not q.is_plain(v.unit) or v.mag or not m.text.isdigit() or int(m.text) > 10000:
        return False
    if _INDEX_AFTER.match(text, m.end):
        return True
    found = _INDEX_BEFORE.search(text, max(0, m.start - 12), m.start)
    if found is None or re.search(r"\b(?:to|from|at|of|was|were|is|by)\s?$", found.group(), re.IGNORECASE):
        return False
    word = found.group().strip()
    money = word in ("Rs", "Rs.", "Re", "Re.", "INR", "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "RMB") \
        or word in CURRENCY_CODES or len(word) == 4 and word[0] in "MKTB" and word[1:] in CURRENCY_CODES | {"USD", "EUR",
                                                                                                          "GBP"}
    return not money  # 'Rs 20 a share', 'NOK 50', 'MSEK 424' (million SEK) are amounts
