"""A sentence as the rules read it: its figures in order and the words between them,
and each figure written back in the claims language with the precision it was written
with."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cached_property
from typing import NamedTuple

from factcheck import quantity as q
from factcheck.infer.cues import _cn, _lazy
from factcheck.prose import Mention

#: kinds the arithmetic rules read; years and dates are words between them for those
AMOUNT_KINDS = ("number",)


class Relation(NamedTuple):
    """A relation the draft states, as a claim: ``check`` computes it, ``stated`` is
    what the draft says it is. Offsets are in the draft's reading text."""

    kind: str  # growth, change, share, sum, total, ratio, cagr, elapsed, difference
    rule: str  # the name of the rule that read it
    check: str
    stated: str
    compare: str = "≈"
    tolerance: str | None = None
    #: every figure the relation uses (it covers them), the stated one included
    figures: tuple[Mention, ...] = ()
    #: the stated figure
    at: Mention | None = None
    #: the passage: a sentence or a table, offsets in the reading text
    start: int = 0
    end: int = 0


class Sentence:
    """One sentence (or table cell) of the reading text and the figures in it."""

    def __init__(self, text: str, start: int, end: int, mentions: list[Mention], paragraph: tuple[int, int]) -> None:
        self.text = text
        self.start, self.end = start, end
        self.all = mentions
        #: the figures the arithmetic rules read (numbers, not years or dates)
        self.figs = [m for m in mentions if m.kind in AMOUNT_KINDS and not _noise(m, text)]
        self.paragraph = paragraph
        self._index = {id(m): k for k, m in enumerate(self.figs)}
        self._changes: list[tuple[Mention, int]] | None = None
        #: a percent or a figure in points among the figures (what every change and share needs)
        self.rates = any(is_percent(m) or is_points(m) for m in self.figs)
        for m in self.figs:
            code = _code_before(text, m)
            if code:
                _CODES[id(m)] = code

    def index(self, m: Mention) -> int:
        """The place of a figure among ``figs`` (-1 when it is not one)."""
        return self._index.get(id(m), -1)

    def gap(self, a: Mention | None, b: Mention | None) -> str:
        """The text between two figures (None: the sentence's start or end)."""
        i = self.start if a is None else _end(self.text, a)
        j = self.end if b is None else _start(self.text, b)
        return self.text[i:j]

    def before(self, m: Mention, limit: int = 80) -> str:
        """The text before a figure, back to the previous figure or the sentence start."""
        k = self._index.get(id(m), -1)
        prev = self.figs[k - 1] if k > 0 else None
        i = max(self.start if prev is None else prev.end, m.start - limit)
        return self.text[i : _start(self.text, m)]

    def after(self, m: Mention, limit: int = 80) -> str:
        k = self._index.get(id(m), -1)
        nxt = self.figs[k + 1] if 0 <= k < len(self.figs) - 1 else None
        end = _end(self.text, m)
        j = min(self.end if nxt is None else nxt.start, end + limit)
        return self.text[end:j]

    def words(self) -> str:
        return self.text[self.start : self.end]

    @cached_property
    def lower(self) -> str:
        """The sentence in lower case (what the rules' gates look in)."""
        return self.text[self.start : self.end].lower()


#: 'one-year loan rate', 'a 10-year bond': a figure used as an adjective is a word here
_ADJECTIVE = _lazy(r"^[\w.]+-(?:year|month|week|day|quarter)$", needs=("-",))
#: 一季度 (the first quarter) names a quarter; a bare Chinese numeral (一般, 一体) is a word
_CJK_WORD = _cn(r"^(?:[一二三四]季度|[零〇一二两三四五六七八九十百千]+)$")
#: a Chinese measure word after a figure (万台, 亿股), or a unit the number reader leaves
#: out (GW, kWh, 千瓦时): part of the figure for the rules
_MEASURE_CN = _lazy(r"千瓦时|千瓦|兆瓦|吉瓦|人次|标箱|平方米|公里|[台辆家人户件个只架艘套吨点股份名位所座条款项次张部头枚]")
_MEASURE_EN = _lazy(r"\s?(?:[kMGT]Wh?|TEU|bpd|mtpa|tonnes?|barrels?|sq m|km)\b")


def _noise(m: Mention, text: str = "") -> bool:
    """Figures that are words to the rules: 'one-year', 一般, 一季度, 五年前 (five years ago)."""
    if _ADJECTIVE.match(m.text) or _CJK_WORD.match(m.text):
        return True
    if text[m.end : m.end + 1] == "月" and m.text.isdigit() and 1 <= int(m.text) <= 12:
        return True  # 4月 is April (由4月的9860套增至…), not a count
    return m.text.endswith("年") and text[m.end : m.end + 1] in ("前", "以")


#: currency codes the engine has no unit for ("NOK 6.84 billion"): the number reader
#: reads the figure as a bare number; the rules read the code as part of it, pair only
#: figures of one code (or a bare one with it), and never lend the code another unit
CURRENCY_CODES = frozenset(
    "NOK SEK DKK ISK CHF AUD CAD NZD SGD INR KRW TWD THB MYR IDR PHP VND PKR BDT BRL MXN CLP COP PEN ARS "
    "ZAR EGP NGN KES MAD RUB TRY PLN CZK HUF RON BGN ILS AED SAR QAR KWD BHD OMR".split()
)
_CODES: dict[int, str] = {}  # id of a figure -> the code written before it


def _code_before(text: str, m: Mention) -> str:
    """'NOK' for 'NOK 6.84 billion' (a bare figure right after a currency code), else ''."""
    if m.value is None or not q.is_plain(m.value.unit) or m.start < 3:
        return ""
    lead = text[max(0, m.start - 5) : m.start]
    word = lead[-4:-1] if lead.endswith(" ") else lead[-3:]
    at = len(lead) - (4 if lead.endswith(" ") else 3)
    if word not in CURRENCY_CODES or (at > 0 and lead[at - 1].isalnum()):
        return ""
    return word


def code_of(m: Mention) -> str:
    return _CODES.get(id(m), "")


def _start(text: str, m: Mention) -> int:
    """Where a figure starts, a currency code before it included."""
    code = _CODES.get(id(m))
    if not code:
        return m.start
    return m.start - len(code) - (1 if text[m.start - 1 : m.start] == " " else 0)


def figure_end(text: str, m: Mention) -> int:
    """Where a figure ends, its unit and measure word included (6930万台)."""
    return _end(text, m)


def _end(text: str, m: Mention) -> int:
    """Where a figure ends, its unit included: '6930万' without its measure word '台'.
    Worked out once a figure (the rules ask for it at every gap)."""
    end = _ENDS.get(id(m))
    if end is None:
        end = _ENDS[id(m)] = _find_end(text, m)
    return end


_ENDS: dict[int, int] = {}  # id of a figure -> where it ends (forgotten with the draft)


def _find_end(text: str, m: Mention) -> int:
    if id(m) in _POINTS:  # '0.5 points' read as pp: the word is part of the figure
        found = _POINTS_WORD.match(text[m.end : m.end + 24].lower())
        return m.end + (found.end() if found else 0)
    c = text[m.end : m.end + 1]
    if not c or c.isdigit() or not (c.isalpha() or c.isspace()):
        return m.end  # what every measure word and unit starts with: a letter or a space
    found = (_MEASURE_EN if c.isascii() else _MEASURE_CN).match(text, m.end)
    if found is None and c.isspace() and not c.isascii():
        found = _MEASURE_EN.match(text, m.end)  # a non-breaking space before "GW"
    return found.end() if found else m.end


# --------------------------------------------------------------------------- figures


def is_percent(m: Mention) -> bool:
    return m.value is not None and q.is_percent(m.value.unit) and not m.fraction


def is_points(m: Mention) -> bool:
    return m.value is not None and (q.is_points(m.value.unit) or bp_digits(m) is not None)


_POINTS_WORD = _lazy(r"^\s*(?:percentage\s+)?points?\b", needs=("point",))
_POINTS: set[int] = set()  # ids of figures read as points by points_word


def points_word(s: Sentence, m: Mention) -> bool:
    """'a drop of 0.5 points' between two percentages ('to 4.5% from 4.9%'): a bare figure
    followed by 'points' is percentage points where the two figures on one side of it are
    percentages (the index points of 'up 42.8 points, or 1.1%, to 3,912.6' are not)."""
    if id(m) in _POINTS:
        return True
    if m.value is None or m.fraction or not q.is_plain(m.value.unit):
        return False
    k, figs = s.index(m), s.figs
    if k < 0 or not (
        (k >= 2 and is_percent(figs[k - 1]) and is_percent(figs[k - 2]))
        or (k + 2 < len(figs) and is_percent(figs[k + 1]) and is_percent(figs[k + 2]))
    ) or not _POINTS_WORD.match(s.after(m, 24).lower()):
        return False
    _POINTS.add(id(m))
    _ENDS.pop(id(m), None)  # it now ends after 'points'
    return True


def bp_digits(m: Mention) -> Fraction | None:
    """A figure in basis points ('25 bps', '25 basis points', '19个基点', as the number
    reader reads them): the number of them."""
    if m.value is None or q.unit_text(m.value.unit) != "bp":
        return None
    return m.value.point


def is_amount(m: Mention) -> bool:
    """A figure in a unit (money, a count, time) or a plain number: not a percent or points."""
    return m.value is not None and not m.fraction and not is_percent(m) and not is_points(m)


def is_plain_bare(m: Mention) -> bool:
    v = m.value
    return v is not None and q.is_plain(v.unit) and v.mag is None


_LITERALS: dict[tuple[int, int], tuple[Mention, Mention | None, str | None]] = {}


def literal(m: Mention, like: Mention | None = None) -> str | None:
    """The figure in the claims language (cached for one reading of a draft); see ``_literal``."""
    key = (id(m), id(like))
    hit = _LITERALS.get(key)
    if hit is not None and hit[0] is m and hit[1] is like:
        return hit[2]
    text = _literal(m, like)
    _LITERALS[key] = (m, like, text)
    return text


def forget() -> None:
    """Let go of the cached texts once a draft is read."""
    _LITERALS.clear()
    _CODES.clear()
    _POINTS.clear()
    _ENDS.clear()


def _literal(m: Mention, like: Mention | None = None) -> str | None:
    """The figure in the claims language, with its written precision ('167.2 billion CNY').

    ``like``: a figure whose magnitude and unit a bare one borrows ('from 154.6' after
    '167.2 billion yuan'). None when the figure cannot be written (a fraction)."""
    from factcheck.inventory import amount

    v = m.value
    if v is None or m.fraction:
        return None
    if like is not None and like.value is not None and q.is_plain(v.unit) and not q.is_plain(like.value.unit):
        if v.mag is None and like.value.mag is not None:
            digits = _DIGITS.search(m.text.replace(",", ""))
            if digits is None:
                return None
            v = q.literal(("-" if v.point < 0 else "") + digits.group(), like.value.mag)
        v = q.with_unit(v, like.value.unit)
    else:
        fast = _as_written(m, v)
        if fast is not None:
            return fast
    text, _, _ = amount(v)
    return text


_PREFIX = _lazy(r"^(?:US\$|HK\$|CN¥|JP¥|RMB|CNY|USD|HKD|EUR|GBP|JPY|[$€£¥￥\s-])*$")
_WRITTEN = _lazy(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")


def _as_written(m: Mention, v: q.Value) -> str | None:
    """The digits as the draft writes them, with the value's magnitude and unit: the same
    text ``inventory.amount`` makes, without working it out from the interval."""
    found = _WRITTEN.search(m.text)
    if found is None or (found.start() and not _PREFIX.match(m.text[: found.start()])):
        return None
    digits = found.group().replace(",", "")
    point = q.literal(digits, v.mag).point
    if point != abs(v.point) and point != v.point:
        return None  # words or a sign read otherwise: let amount() write it
    if v.point < 0 and not digits.startswith("-"):
        digits = "-" + digits
    if v.mag:
        digits += ("" if not v.mag.isascii() else " ") + v.mag
    if q.is_percent(v.unit):
        return digits + "%"
    unit = q.unit_text(v.unit, pluralize=True)
    return f"{digits} {unit}" if unit else digits


_DIGITS = _lazy(r"\d+(?:\.\d+)?")


def compatible(a: Mention, b: Mention) -> bool:
    """Two amounts an editor would compare: the same kind of unit, once a bare one borrows."""
    va, vb = a.value, b.value
    if va is None or vb is None:
        return False
    ca, cb = code_of(a), code_of(b)
    if ca or cb:  # NOK 5.86 billion and NOK 6.84 billion, or a bare 5.86 billion with it
        return ca == cb or (not (ca and cb) and q.is_plain((vb if ca else va).unit))
    if q.is_plain(va.unit) or q.is_plain(vb.unit):
        return True  # a bare figure borrows the other's unit
    return q.compatible(va.unit, vb.unit) or bool(_per(va.unit, vb.unit) or _per(vb.unit, va.unit))


def _per(priced: q.Unit, bare: q.Unit) -> str:
    """'/barrel' when a price is in USD/barrel and the other figure in USD alone ('$9,870 a
    tonne from $9,640'): the price's unit, written once, is lent to the other; else ''."""
    tp, tb = q.unit_text(priced), q.unit_text(bare)
    if "/" in tb or not q.has_currency(bare) or not tp.startswith(tb + "/"):
        return ""
    return tp[len(tb) :]


def pair(base: Mention, new: Mention) -> tuple[str, str] | None:
    """Both figures in the claims language, a bare one borrowing the other's unit."""
    if not compatible(base, new) or base.value is None or new.value is None:
        return None
    b = literal(base, new if q.is_plain(base.value.unit) else None)
    n = literal(new, base if q.is_plain(new.value.unit) else None)
    if b is None or n is None:
        return None
    lend_b, lend_n = _per(new.value.unit, base.value.unit), _per(base.value.unit, new.value.unit)
    if lend_b or lend_n:
        tb, tn = q.unit_text(base.value.unit), q.unit_text(new.value.unit)
        if lend_b and b.endswith(" " + tb):
            b += lend_b
        elif lend_n and n.endswith(" " + tn):
            n += lend_n
        else:
            return None
    return b, n


def signed_text(text: str, sign: int) -> str:
    if sign < 0:
        return text[1:] if text.startswith("-") else "-" + text
    return text


def percent_text(m: Mention) -> str | None:
    """A percent or points figure as a stated value: '8%', '2 pp'; basis points as pp."""
    bp = bp_digits(m)
    if bp is not None:
        digits = re.split(r"[^\d.,]", m.text.strip())[0].replace(",", "")
        digits = "".join(c for c in digits if c.isdigit() or c == ".")
        whole, _, frac = digits.partition(".")
        # 25 bp is 0.25 pp, with the same precision: move the decimal point two places
        n = whole + frac
        places = len(frac) + 2
        n = n.rjust(places + 1, "0")
        text = n[:-places] + "." + n[-places:]
        text = text.lstrip("0") or "0"
        if text.startswith("."):
            text = "0" + text
        return f"{text} pp"
    if id(m) in _POINTS:
        written = literal(m)
        return None if written is None else f"{written} pp"
    return literal(m)
