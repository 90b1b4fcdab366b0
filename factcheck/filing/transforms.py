"""The format transforms of Inline XBRL: the text a reader sees -> the value XBRL means.

A tagged figure in an Inline XBRL document is written for people (``96,995``,
``1.234,5``, ``—`` for nothing, ``two``); its ``format`` names the rule that turns
that text into a value, from the transformation registries of XBRL International
(``ixt:``, versions 1 to 5, 2010-2022) and of the SEC (``ixt-sec:``). Each rule here
is one small function over the text, registered under every name the registries
give it; numbers come out as exact Fractions (``scale`` and ``sign`` are applied by
the caller), dates as ISO text. A text that does not fit its format raises
ValueError with what was expected.

Only the formats that carry numbers, and the English and numeric dates and the
booleans that text facts use, are here; a text fact in any other format keeps the
text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from factcheck.filing.xbrl import decimal_value

#: the registries' namespaces -> the prefix the table below uses
NAMESPACES = {
    "http://www.xbrl.org/2008/inlineXBRL/transformation": "ixt",
    "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20": "ixt",
    "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31": "ixt",
    "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26": "ixt",
    "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12": "ixt",
    "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16": "ixt",
    "http://www.sec.gov/inlineXBRL/transformation/2015-08-31": "ixt-sec",
}

# --------------------------------------------------------------------------- numbers

_SPACES = " \t\n\r\u00a0\u202f\u2009"  # a thin or no-break space groups thousands too
_APOSTROPHES = "'`´’′"


def _grouped(text: str, point: str, groups: str) -> Fraction:
    """Digits grouped by any of ``groups`` with ``point`` before the decimals."""
    t = text.strip(_SPACES)
    whole, _, frac = t.partition(point)
    if not _well_grouped(t, whole, frac, point, groups):
        raise ValueError(f"'{text.strip()[:40]}' is not a number written with '{point}' before its decimals")
    digits = "".join(c for c in whole if c.isdigit())
    decimals = "".join(c for c in frac if c.isdigit())
    return decimal_value(f"{digits or '0'}.{decimals}" if decimals else digits)


def _well_grouped(t: str, whole: str, frac: str, point: str, groups: str) -> bool:
    """Digits and group marks before the point, digits (and spaces) after it, one point
    at most and digits after it (5. is no number: decimals follow the point)."""
    return not (
        not t
        or point in frac
        or any(not (c.isascii() and c.isdigit()) and c not in groups for c in whole)
        or any(not (c.isascii() and c.isdigit()) and c not in _SPACES for c in frac)
        or not any(c.isdigit() for c in t)
        or (point in t and not any(c.isdigit() for c in frac))
    )


def num_dot_decimal(text: str) -> Fraction:
    """``1,234,567.89`` (commas or spaces between thousands) -> 1234567.89."""
    return _grouped(text, ".", "," + _SPACES)


def num_comma_decimal(text: str) -> Fraction:
    """``1.234.567,89`` (dots or spaces between thousands) -> 1234567.89."""
    return _grouped(text, ",", "." + _SPACES)


def num_dot_decimal_apos(text: str) -> Fraction:
    """``1'234'567.89`` (Swiss style) -> 1234567.89."""
    return _grouped(text, ".", "," + _SPACES + _APOSTROPHES)


def num_comma_decimal_apos(text: str) -> Fraction:
    """``1'234'567,89`` -> 1234567.89."""
    return _grouped(text, ",", "." + _SPACES + _APOSTROPHES)


#: XML Schema's white space, the only white space the registries trim around a value
_XML_SPACE = " \t\n\r"
#: the dashes ixt:zerodash reads as zero (hyphen-minus and the Unicode dashes)
_DASHES = "-\u058a\u05be\u2010\u2011\u2012\u2013\u2014\u2015\ufe58\ufe63\uff0d"


def _strict(separator: str, point: str, required: bool = False) -> Callable[[str], Fraction]:
    """A number of the 2010-2015 registries (TR 1 to 3): groups of exactly three digits
    after the first one to three, each group after one ``separator`` or none, then
    ``point`` and the decimals; only XML white space around it. ``123,45`` under
    numdotdecimal is not a number there (TR 4's num-dot-decimal, below, reads it).
    TR 1's formats (``required``) name their separator: 1234 is not 1,234 there."""
    group = rf"(?:[{re.escape(separator)}]{'' if required else '?'}[0-9]{{3}})*" if separator else "[0-9]*"
    pattern = re.compile(rf"[0-9]{{1,3}}{group}(?:{re.escape(point)}[0-9]+)?\Z")

    def rule(text: str) -> Fraction:
        t = text.strip(_XML_SPACE)
        if not pattern.match(t):
            raise ValueError(
                f"'{text.strip()[:40]}' is not a number grouped in threes by {' or '.join(repr(c) for c in separator) or 'nothing'} "
                f"with {point!r} before its decimals"
            )
        whole, _, frac = t.partition(point)
        digits = "".join(c for c in whole if c.isdigit())
        return decimal_value(f"{digits}.{frac}" if frac else digits)

    return rule


def fixed_zero(text: str) -> Fraction:
    """Zero, whatever is written (TR 4-5's ixt:fixed-zero: ``—``, ``-``, ``nil``)."""
    return Fraction(0)


def num_dash(text: str) -> Fraction:
    """Zero written as a hyphen (TR 1's ixt:numdash)."""
    if text.strip(_XML_SPACE) != "-":
        raise ValueError(f"'{text.strip()[:40]}' is not a hyphen (numdash reads '-' as zero)")
    return Fraction(0)


def zero_dash(text: str) -> Fraction:
    """Zero written as one dash (TR 1-3's ixt:zerodash and numdash: ``-``, ``—``, ``–``);
    any other text is no zero."""
    if len(text.strip(_XML_SPACE)) != 1 or text.strip(_XML_SPACE) not in _DASHES:
        raise ValueError(f"'{text.strip()[:40]}' is not a dash (zerodash reads one dash as zero)")
    return Fraction(0)


_UNIT_DECIMAL = re.compile(r"\s*([0-9][0-9.,'`´’′ \u00a0\u202f]*?)\s*([^0-9\s][^0-9]*?)\s*([0-9]{1,2})(?:\s*[^0-9]*)?\s*\Z")


def num_unit_decimal(text: str) -> Fraction:
    """``5 dollars 25 cents``, ``7 euro 5`` -> 5.25, 7.05 (the minor unit in two digits)."""
    m = _UNIT_DECIMAL.match(text)
    if not m:
        raise ValueError(f"'{text.strip()[:40]}' is not an amount and its cents (5 dollars 25)")
    whole = "".join(c for c in m.group(1) if c.isdigit())
    return decimal_value(f"{whole}.{m.group(3).rjust(2, '0')}")


_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_LARGE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: the most words a number in words may have (nine hundred ninety-nine trillion ... has 25)
MAX_WORDS = 40


def num_words_en(text: str) -> Fraction:
    """English number words: ``two`` -> 2, ``twenty-one``, ``one hundred and five``,
    ``three thousand``; ``no`` and ``none`` are 0."""
    t = text.strip(_XML_SPACE)
    if t[:1].isspace() or t[-1:].isspace():  # a no-break space is no XML white space
        raise ValueError(f"'{text[:40]}' has white space around it that XML does not trim (a no-break space)")
    words = re.sub(f"[,{re.escape(_DASHES)}]", " ", t.lower()).split()
    if len(words) > MAX_WORDS:  # "hundred hundred hundred ..." would be a number of any size
        raise ValueError(f"a number of more than {MAX_WORDS} words")
    if words in (["no"], ["none"], ["zero"]):
        return Fraction(0)
    if "zero" in words:  # "zero hundred" is no number (it once read as 100)
        raise ValueError(f"'{text.strip()[:40]}' is not a number in English words: zero stands alone")
    return _words_value(text, words)


def _words_value(text: str, words: list[str]) -> Fraction:
    """The value of English number words ('one hundred and five'), read left to right."""
    total = current = 0
    seen = False
    for i, w in enumerate(words):
        if w == "and" and seen:
            continue
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1] in ("hundred", *_LARGE):
            current += 1
        elif w in _SMALL:
            current += _SMALL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _LARGE:
            total += (current or 1) * _LARGE[w]
            current = 0
        else:
            raise ValueError(f"'{text.strip()[:40]}' is not a number in English words (two, twenty-one)")
        seen = True
    if not seen:
        raise ValueError("no number words")
    return Fraction(total + current)


def _not_finite(text: str) -> Fraction:
    raise ValueError(f"'{text.strip()[:40]}' is not a finite number")


def _ballot(yes: str, no: str) -> Callable[[str], str]:
    """A ballot box: ☐ is ``no``, ☑ and ☒ are ``yes`` (ixt-sec:boolballotbox, yesnoballotbox)."""

    def rule(text: str) -> str:
        t = text.strip(_XML_SPACE)
        if t == "\u2610":
            return no
        if t in ("\u2611", "\u2612"):
            return yes
        raise ValueError(f"'{text.strip()[:40]}' is not a ballot box (☐, ☑ or ☒)")

    return rule


_SIGNED_DECIMAL = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?\Z")


def _duration(unit: str) -> Callable[[str], str]:
    """ixt-sec:durday and its kin: a decimal number of days (hours, weeks, months, years)
    as an ISO 8601 duration, the fraction carried down into whole smaller units and the
    rest dropped, as the SEC's registry does: 7.5 days is P7DT12H, 7.3 years P7Y3M18D
    (a month of 30 days), 7.3 weeks P51D."""

    def rule(text: str) -> str:
        m = _SIGNED_DECIMAL.match(text.strip(_XML_SPACE))
        if not m:
            raise ValueError(f"'{text.strip()[:40]}' is not a number of {unit}s (7.5)")
        sign, whole, frac = m.groups()
        x = decimal_value(f"{whole}.{frac}" if frac else whole)
        if unit == "week":
            out = f"P{int(x * 7)}D"
        elif unit == "hour":
            out = f"PT{int(x)}H"
        elif unit == "day":
            hours = int((x - int(x)) * 24)
            out = f"P{int(x)}D" + (f"T{hours}H" if hours else "")
        else:  # month, year
            parts = []
            if unit == "year":
                years, x = int(x), (x - int(x)) * 12
                parts.append(f"{years}Y")
            months, days = int(x), int((x - int(x)) * 30)
            if months or unit == "month":
                parts.append(f"{months}M")
            if days:
                parts.append(f"{days}D")
            out = "P" + "".join(parts)
        return sign + out

    return rule


#: numeric formats: name -> text -> exact value
NUMERIC: dict[str, Callable[[str], Fraction]] = {
    # TR 3-5 names, then the TR 2 and TR 1 names of the same rules
    "ixt:num-dot-decimal": num_dot_decimal,
    "ixt:numdotdecimal": _strict(", \u00a0", "."),
    "ixt:numdotdecimalin": num_dot_decimal,  # Indian grouping (1,23,45,678.90): separators anywhere
    "ixt:numcommadot": _strict(",", ".", required=True),
    "ixt:numspacedot": _strict(" \u00a0", ".", required=True),
    "ixt:num-comma-decimal": num_comma_decimal,
    "ixt:numcommadecimal": _strict(". \u00a0", ","),
    "ixt:numdotcomma": _strict(".", ",", required=True),
    "ixt:numspacecomma": _strict(" \u00a0", ",", required=True),
    "ixt:numcomma": _strict("", ","),
    "ixt:num-dot-decimal-apos": num_dot_decimal_apos,
    "ixt:num-comma-decimal-apos": num_comma_decimal_apos,
    "ixt:fixed-zero": fixed_zero,
    "ixt:zerodash": zero_dash,
    "ixt:numdash": num_dash,
    "ixt:num-unit-decimal": num_unit_decimal,
    "ixt:numunitdecimal": num_unit_decimal,
    "ixt:numunitdecimalin": num_unit_decimal,
    "ixt:num-unit-decimal-apos": num_unit_decimal,
    "ixt-sec:numwordsen": num_words_en,
    "ixt-sec:numinf": _not_finite,
    "ixt-sec:numneginf": _not_finite,
    "ixt-sec:numnan": _not_finite,
}

# --------------------------------------------------------------------------- dates and booleans

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"([A-Za-z]{3,9})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|\d{2})"
_SEP = r"\s*[-/.,\s]\s*"


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if len(text) == 2 else y


def _month(text: str) -> int:
    m = _MONTHS.get(text.lower())
    if m is None:
        if text.isdigit() and 1 <= int(text) <= 12:
            return int(text)
        raise ValueError(f"'{text}' is not a month")
    return m


def _date_rule(pattern: str, order: str, what: str) -> Callable[[str], str]:
    """A date transform: ``order`` names the groups of ``pattern`` (y, m, d) and the ISO
    form follows from which are there: 2024-09-28, 2024-09, --09-28."""
    full = r"\s*" + pattern + r"\s*\Z"

    def rule(text: str) -> str:
        m = re.match(full, text.replace("\u00a0", " "), re.IGNORECASE)  # compiled on first use, then cached by re
        if not m:
            raise ValueError(f"'{text.strip()[:40]}' is not a date written {what}")
        parts = dict(zip(order, m.groups()))
        month = _month(parts["m"])
        if "y" in parts and "d" in parts:
            return date(_year(parts["y"]), month, int(parts["d"])).isoformat()
        if "y" in parts:
            return f"{_year(parts['y']):04d}-{month:02d}"
        date(2000, month, int(parts["d"]))  # a leap year: --02-29 is a day
        return f"--{month:02d}-{int(parts['d']):02d}"

    rule.__doc__ = f"A date written {what} -> ISO."
    return rule


_MDY_EN = _date_rule(_MONTH + r"\s*" + _DAY + r",?\s*" + _YEAR, "mdy", "as 'September 28, 2024'")
_DMY_EN = _date_rule(_DAY + r"\s*" + _MONTH + r",?\s*" + _YEAR, "dmy", "as '28 September 2024'")
_MD_EN = _date_rule(_MONTH + r"\s*" + _DAY, "md", "as 'September 28'")
_DM_EN = _date_rule(_DAY + r"\s*" + _MONTH, "dm", "as '28 September'")
_MY_EN = _date_rule(_MONTH + r",?\s*" + _YEAR, "my", "as 'September 2024'")
_YM_EN = _date_rule(_YEAR + r"\s*" + _MONTH, "ym", "as '2024 September'")
_MDY = _date_rule(r"(\d{1,2})" + _SEP + r"(\d{1,2})" + _SEP + _YEAR, "mdy", "as 09/28/2024")
_DMY = _date_rule(r"(\d{1,2})" + _SEP + r"(\d{1,2})" + _SEP + _YEAR, "dmy", "as 28.09.2024")
_YMD = _date_rule(r"(\d{4}|\d{2})" + _SEP + r"(\d{1,2})" + _SEP + r"(\d{1,2})", "ymd", "as 2024-09-28")
_MD = _date_rule(r"(\d{1,2})" + _SEP + r"(\d{1,2})", "md", "as 09/28")
_DM = _date_rule(r"(\d{1,2})" + _SEP + r"(\d{1,2})", "dm", "as 28.09")
_MY = _date_rule(r"(\d{1,2})" + _SEP + _YEAR, "my", "as 09/2024")
_YM = _date_rule(r"(\d{4}|\d{2})" + _SEP + r"(\d{1,2})", "ym", "as 2024-09")

#: text formats: name -> text -> the value as text (dates in ISO, booleans true/false)
TEXT: dict[str, Callable[[str], str]] = {
    "ixt-sec:boolballotbox": _ballot("true", "false"),
    "ixt-sec:yesnoballotbox": _ballot("Yes", "No"),
    **{f"ixt-sec:dur{u}": _duration(u) for u in ("day", "hour", "week", "month", "year")},
    "ixt:fixed-true": lambda text: "true",
    "ixt:booleantrue": lambda text: "true",
    "ixt:fixed-false": lambda text: "false",
    "ixt:booleanfalse": lambda text: "false",
    "ixt:fixed-empty": lambda text: "",
    "ixt:nocontent": lambda text: "",
    **dict.fromkeys(("ixt:date-monthname-day-year-en", "ixt:datemonthdayyearen", "ixt:datelongus", "ixt:dateshortus"), _MDY_EN),
    **dict.fromkeys(("ixt:date-day-monthname-year-en", "ixt:datedaymonthyearen", "ixt:datelonguk", "ixt:dateshortuk"), _DMY_EN),
    **dict.fromkeys(("ixt:date-monthname-day-en", "ixt:datemonthdayen", "ixt:datelongmonthdayus", "ixt:dateshortmonthdayus"), _MD_EN),
    **dict.fromkeys(("ixt:date-day-monthname-en", "ixt:datedaymonthen", "ixt:datelongdaymonthuk", "ixt:dateshortdaymonthuk"), _DM_EN),
    **dict.fromkeys(("ixt:date-monthname-year-en", "ixt:datemonthyearen", "ixt:datelongmonthyear", "ixt:dateshortmonthyear"), _MY_EN),
    **dict.fromkeys(("ixt:date-year-monthname-en", "ixt:dateyearmonthen", "ixt:datelongyearmonth", "ixt:dateshortyearmonth"), _YM_EN),
    **dict.fromkeys(("ixt:date-month-day-year", "ixt:datemonthdayyear", "ixt:dateslashus", "ixt:datedotus"), _MDY),
    **dict.fromkeys(("ixt:date-day-month-year", "ixt:datedaymonthyear", "ixt:dateslasheu", "ixt:datedoteu"), _DMY),
    **dict.fromkeys(("ixt:date-year-month-day", "ixt:dateyearmonthday"), _YMD),
    **dict.fromkeys(("ixt:date-month-day", "ixt:datemonthday", "ixt:dateslashmonthdayus"), _MD),
    **dict.fromkeys(("ixt:date-day-month", "ixt:datedaymonth", "ixt:dateslashdaymontheu"), _DM),
    **dict.fromkeys(("ixt:date-month-year", "ixt:datemonthyear"), _MY),
    **dict.fromkeys(("ixt:date-year-month",), _YM),
}
