"""The format transforms (issue 24): the shapes of the published conformance cases,
in our own cases (valid inputs give the value, invalid ones are refused, never read as
another number), and every numeric format checked against the reference processor's
(Arelle's) on the same inputs. The published suites themselves are measured by
bench/transforms.py where they are (not copied here)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.filing import transforms

DASHES = "-\u058a\u05be\u2010\u2011\u2012\u2013\u2014\u2015\ufe58\ufe63\uff0d"

VALID = [
    # TR 1-3: groups of three, XML white space around
    ("ixt:numdotdecimal", "1,234,567.89", "1234567.89"),
    ("ixt:numdotdecimal", " 1 234 ", "1234"),
    ("ixt:numdotdecimal", "1\u00a0234.5", "1234.5"),
    ("ixt:numcommadecimal", "1.234.567,89", "1234567.89"),
    ("ixt:numcommadot", "12,345.6", "12345.6"),
    ("ixt:numspacecomma", "12 345,6", "12345.6"),
    ("ixt:numcomma", "12345,6", "12345.6"),
    # TR 4-5: separators anywhere in the whole part
    ("ixt:num-dot-decimal", "123,45", "12345"),
    ("ixt:num-comma-decimal", "1.2.3,4", "123.4"),
    *[("ixt:zerodash", dash, "0") for dash in DASHES],
    ("ixt:fixed-zero", "nil", "0"),
    ("ixt-sec:numwordsen", "zero", "0"),
    ("ixt-sec:numwordsen", " one hundred ", "100"),
    ("ixt-sec:numwordsen", "one\u00a0hundred", "100"),
    *[("ixt-sec:numwordsen", f"fifty{dash}one", "51") for dash in DASHES],
]

INVALID = [
    ("ixt:numdotdecimal", "123,45"),  # once 12345
    ("ixt:numdotdecimal", "1,2345"),
    ("ixt:numdotdecimal", "\u00a0123"),  # a no-break space is no XML white space
    ("ixt:numcommadecimal", "1.23,4"),
    ("ixt:numcommadot", "1 234.5"),
    ("ixt:zerodash", "abc"),  # once any text was zero
    ("ixt:zerodash", "--"),
    ("ixt:zerodash", "0"),
    ("ixt-sec:numwordsen", "zero hundred"),  # once 100
    ("ixt-sec:numwordsen", "\u00a0zero"),
    ("ixt-sec:numwordsen", "twelve_years"),
]

TEXTS = [
    ("ixt-sec:boolballotbox", "\u2610", "false"),
    ("ixt-sec:boolballotbox", " \u2612 ", "true"),
    ("ixt-sec:yesnoballotbox", "\u2611", "Yes"),
    ("ixt-sec:durday", "7.5", "P7DT12H"),
    ("ixt-sec:durday", "-12345", "-P12345D"),
    ("ixt-sec:durhour", "7.3", "PT7H"),
    ("ixt-sec:durweek", "7.3", "P51D"),
    ("ixt-sec:durmonth", "7.3", "P7M9D"),
    ("ixt-sec:duryear", "7.3", "P7Y3M18D"),
]

TEXTS_INVALID = [
    ("ixt-sec:boolballotbox", "X"),
    ("ixt-sec:boolballotbox", "\u00a0\u2610"),
    ("ixt-sec:durday", "12,345"),
    ("ixt-sec:durday", "seven"),
    ("ixt-sec:durday", "7.5\u00a0"),
]


@pytest.mark.parametrize("fmt, text, value", VALID, ids=[f"{f}:{t!r}" for f, t, _ in VALID])
def test_a_valid_input_gives_its_value(fmt, text, value):
    assert transforms.NUMERIC[fmt](text) == Fraction(value)


@pytest.mark.parametrize("fmt, text", INVALID, ids=[f"{f}:{t!r}" for f, t in INVALID])
def test_an_invalid_input_is_refused_never_read_as_another_number(fmt, text):
    with pytest.raises(ValueError):
        transforms.NUMERIC[fmt](text)


@pytest.mark.parametrize("fmt, text, value", TEXTS, ids=[f"{f}:{t!r}" for f, t, _ in TEXTS])
def test_text_formats_of_the_sec(fmt, text, value):
    assert transforms.TEXT[fmt](text) == value


@pytest.mark.parametrize("fmt, text", TEXTS_INVALID, ids=[f"{f}:{t!r}" for f, t in TEXTS_INVALID])
def test_text_formats_of_the_sec_refuse_what_they_do_not_read(fmt, text):
    with pytest.raises(ValueError):
        transforms.TEXT[fmt](text)


# --------------------------------------------------------------------------- against the reference processor

INPUTS = [
    "1", "12", "123", "1234", "1,234", "1.234", "1 234", "1\u00a0234", "12,34", "123,45", "1,2345", "1,234,567",
    "1.234.567", "1,234.5", "1.234,5", "1 234,5", "0.5", ".5", "5.", "1,23,45,678.90", "12,34,567", "-", "—", "",
    " 12 ", "\u00a012", "12\u00a0", "1,,234", "1..2", "12a", "(12)", "1'234.5", "1'234,5", "007", "0,5", "1 234 567,89",
]


def _arelle_tables():
    ixt = pytest.importorskip("arelle.FunctionIxt")
    return {"tr1": ixt.tr1Functions, "tr3": ixt.tr3Functions, "tr5": ixt.tr5Functions}


#: our format names -> the reference's registry and name (a name means one rule in
#: one registry: TR 1's, TR 2-3's, TR 4-5's)
REFERENCE = {
    "ixt:numcommadot": ("tr1", "numcommadot"), "ixt:numspacedot": ("tr1", "numspacedot"),
    "ixt:numdotcomma": ("tr1", "numdotcomma"), "ixt:numspacecomma": ("tr1", "numspacecomma"),
    "ixt:numcomma": ("tr1", "numcomma"), "ixt:numdash": ("tr1", "numdash"),
    "ixt:numdotdecimal": ("tr3", "numdotdecimal"), "ixt:numcommadecimal": ("tr3", "numcommadecimal"),
    "ixt:zerodash": ("tr3", "zerodash"),
    "ixt:num-dot-decimal": ("tr5", "num-dot-decimal"), "ixt:num-comma-decimal": ("tr5", "num-comma-decimal"),
    "ixt:num-dot-decimal-apos": ("tr5", "num-dot-decimal-apos"), "ixt:num-comma-decimal-apos": ("tr5", "num-comma-decimal-apos"),
    "ixt:fixed-zero": ("tr5", "fixed-zero"),
}


@pytest.mark.parametrize("fmt", list(REFERENCE))
def test_every_numeric_format_agrees_with_the_reference_processor(fmt):
    """On the same inputs, Arelle and we both refuse, or both give the same exact value."""
    tables = _arelle_tables()
    table, name = REFERENCE[fmt]
    theirs_rule = tables[table][name]
    disagree = []
    for text in INPUTS:
        try:
            theirs = Fraction(theirs_rule(text))
        except Exception:  # the reference raises its XPath error for an input it refuses
            theirs = None
        try:
            ours = transforms.NUMERIC[fmt](text)
        except ValueError:
            ours = None
        if theirs != ours:
            disagree.append((text, theirs, ours))
    assert disagree == []
