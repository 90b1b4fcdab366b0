"""What XBRL 2.1 says, shared by instances and Inline XBRL: namespaces and their usual
prefixes, contexts (periods, dimensions), units, and numbers as XBRL writes them."""

from __future__ import annotations

import re
from datetime import date, timedelta
from fractions import Fraction

from factcheck.filing.model import INF, Period

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
LINK = "http://www.xbrl.org/2003/linkbase"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
XHTML = "http://www.w3.org/1999/xhtml"
#: Inline XBRL 1.1 and 1.0
IX = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")

#: the prefix everyone writes for a namespace, whatever a document calls it, so that
#: ``us-gaap:NetIncomeLoss`` finds the concept in a filing that binds ``gaap`` (or, as
#: Inline XBRL's default namespace, nothing) to the FASB's namespace of its year
_USUAL_PREFIXES = (
    re.compile(r"https?://fasb\.org/(us-gaap|srt|us-types|us-roles)/\d{4}(?:-\d\d-\d\d)?\Z"),
    re.compile(r"https?://xbrl\.sec\.gov/(dei|ecd|country|currency|exch|naics|sic|stpr|cyd|spac|ffd|rxp|snj|vip)/\d{4}(?:-\d\d-\d\d)?\Z"),
    re.compile(r"https?://xbrl\.ifrs\.org/taxonomy/\d{4}-\d\d-\d\d/(ifrs-full|ifrs-smes)\Z"),
    re.compile(r"https?://www\.esma\.europa\.eu/taxonomy/\d{4}-\d\d-\d\d/(esef_cor)\Z"),
)
UTR = "http://www.xbrl.org/2009/utr"
_FIXED_PREFIXES = {XBRLI: "xbrli", ISO4217: "iso4217", XBRLDI: "xbrldi", LINK: "link", XSI: "xsi", UTR: "utr"}


def usual_prefix(uri: str) -> str | None:
    """``http://fasb.org/us-gaap/2024`` -> ``us-gaap``; None for a namespace of the filer's own."""
    fixed = _FIXED_PREFIXES.get(uri)
    if fixed is not None:
        return fixed
    for pattern in _USUAL_PREFIXES:
        m = pattern.match(uri)
        if m:
            return m.group(1)
    for pattern, prefix in _NAMED_PREFIXES:
        if pattern.match(uri):
            return prefix
    return None


#: namespaces whose usual prefix is not a part of them: the UK FRC's taxonomies and
#: EDINET's cover page (jpdei_cor), so that their cover facts are found by name
_NAMED_PREFIXES = (
    (re.compile(r"https?://xbrl\.frc\.org\.uk/cd/\d{4}-\d\d-\d\d/business\Z"), "uk-bus"),
    (re.compile(r"https?://xbrl\.frc\.org\.uk/fr/\d{4}-\d\d-\d\d/core\Z"), "uk-core"),
    (re.compile(r"https?://disclosure\.edinet-fsa\.go\.jp/taxonomy/jpdei/\d{4}-\d\d-\d\d/jpdei_cor\Z"), "jpdei_cor"),
)


_DATE = re.compile(r"\s*(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?\s*\Z")


def period_date(text: str, end: bool) -> date:
    """An XBRL date of a period. A date-time at midnight that ends a period (an
    ``endDate`` or an ``instant``) is the end of the day before, as XBRL 2.1 reads
    it: ``2023-10-01T00:00:00`` ends 2023-09-30. ValueError when it is not a date."""
    m = _DATE.match(text)
    if not m:
        raise ValueError(f"'{text.strip()}' is not a date (YYYY-MM-DD)")
    day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if end and m.group(4) is not None and m.group(4) == m.group(5) == m.group(6) == "00":
        day -= timedelta(days=1)
    return day


def period_of(instant: str | None, start: str | None, end: str | None, forever: bool) -> Period:
    """The Period of a context's ``xbrli:period``; ValueError when it is malformed."""
    if instant is not None:
        return Period(None, period_date(instant, True))
    if start is not None and end is not None:
        return Period(period_date(start, False), period_date(end, True))
    if forever:
        return Period(None, None)
    raise ValueError("a period needs an instant, a startDate and an endDate, or forever")


_DECIMAL = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*\Z")
#: the most digits a value may have (about 4,096 bits, as the claims language allows),
#: and the largest power of ten in an exponent, ``decimals`` or ``scale``: no filing
#: needs more, and a hostile one cannot make a number of a million digits
MAX_DIGITS = 1200
MAX_POWER = 100


def decimal_value(text: str) -> Fraction:
    """An xsd:decimal (or a double written in decimal, ``1.5E3``), exactly.
    ValueError for anything else (INF, NaN, an empty string)."""
    m = _DECIMAL.match(text)
    if not m or not (m.group(2) or m.group(3)):
        raise ValueError(f"'{text.strip()[:40]}' is not a number")
    sign, whole, frac, exp = m.groups()
    frac = frac or ""
    digits = (whole + frac).lstrip("0") or "0"
    if len(digits) > MAX_DIGITS:
        raise ValueError(f"a number of {len(digits)} digits is too long (at most {MAX_DIGITS})")
    value = Fraction(int(whole + frac or "0"), 10 ** len(frac))
    if exp:
        if abs(int(exp)) > MAX_POWER:
            raise ValueError(f"the exponent of '{text.strip()[:40]}' is beyond ±{MAX_POWER}")
        value *= Fraction(10) ** int(exp)
    return -value if sign == "-" else value


def decimals_of(decimals: str | None, precision: str | None, value: Fraction | None) -> int | float | None:
    """``decimals`` as an int or INF. A legacy ``precision`` (significant digits) is turned
    into decimals for the value it goes with; ``precision="0"`` says nothing. ValueError
    when it is neither an integer nor INF."""
    if decimals is not None:
        d = decimals.strip()
        if d == "INF":
            return INF
        if re.fullmatch(r"[+-]?\d{1,3}", d) and abs(int(d)) <= MAX_POWER:
            return int(d)
        raise ValueError(f"decimals '{d[:20]}' is not INF or an integer from -{MAX_POWER} to {MAX_POWER}")
    if precision is not None:
        p = precision.strip()
        if p == "INF":
            return INF
        if not re.fullmatch(r"\d{1,3}", p) or int(p) > MAX_POWER:
            raise ValueError(f"precision '{p[:20]}' is not an integer or INF")
        if int(p) == 0 or value is None:
            return None
        if value == 0:
            return INF
        return int(p) - 1 - _floor_log10(abs(value))
    return None


def _floor_log10(x: Fraction) -> int:
    e = len(str(x.numerator)) - len(str(x.denominator))
    while Fraction(10) ** e > x:
        e -= 1
    while Fraction(10) ** (e + 1) <= x:
        e += 1
    return e


def scale_of(text: str | None) -> int:
    """iXBRL ``scale``: an integer power of ten; ValueError otherwise."""
    if text is None:
        return 0
    t = text.strip()
    if not re.fullmatch(r"[+-]?\d{1,3}", t) or abs(int(t)) > MAX_POWER:
        raise ValueError(f"scale '{t[:20]}' is not an integer from -{MAX_POWER} to {MAX_POWER}")
    return int(t)


def place(file: str | None, line: int, col: int) -> str:
    """``line:col``, or ``file:line:col`` in a filing of several documents."""
    return f"{file}:{line}:{col}" if file else f"{line}:{col}"
