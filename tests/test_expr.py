from fractions import Fraction as F

import pytest

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr import MAX_NESTING, Binary, Call, Evaluator, Num, names_in, parse, tokenize
from factcheck.load import load


def value(text: str, facts=None):
    return Evaluator(facts or {}).eval(parse(text))


def error(text: str) -> ExprError:
    with pytest.raises(ExprError) as e:
        value(text)
    return e.value


def test_precedence_and_associativity():
    assert value("2 + 3 * 4").point == 14
    assert value("(2 + 3) * 4").point == 20
    assert value("2 - 3 - 4").point == -5
    assert value("-2 ** 2").point == -4
    assert value("2 ** 3 ** 2").point == 512


def test_exact_decimal_arithmetic():
    v = value("0.1 + 0.2")
    assert v.point == F(3, 10)


def test_numbers_with_units_and_magnitudes():
    assert value("3800亿元").point == F(380 * 10**9)
    assert value("¥380 billion").unit == q.unit("CNY")
    assert value("US$1.2 trillion").unit == q.unit("USD")
    assert value("HK$5").unit == q.unit("HKD")
    assert value("€3 mn").point == 3 * 10**6
    assert value("£2k").point == 2000
    assert value("5 per cent").unit == q.unit("percent")
    assert value("3 percentage points").unit == q.unit("pp")
    assert value("1.5万 users").point == 15000
    assert value("2 个百分点").unit == q.unit("pp")


def test_a_bare_unit_word_is_one_exact_unit():
    v = value("157.479 billion CNY/year")
    assert q.unit_text(v.unit) == "CNY/year"
    assert v.iv.lo == F("157.4785e9")


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("1,5 + 2", 0, "groups of three"),
        ("sum(1, 2", 8, "')'"),
        ("2 +", 3, "expected a number"),
        ("__import__('os')", 11, "quote"),
        ("sume(1, 2)", 0, "did you mean 'sum'"),
        ("3 years 4", 8, "operator"),
        ("1e999999999", 0, "exponent too large"),
        ("2 ** 100", 5, "exponent"),
        ("1 = 1", 2, "compare"),
        ("2025-02-30", 0, "not a date"),
        ("5 XYZ", 2, "unknown currency"),
    ],
)
def test_errors_name_the_column(text, column, words):
    e = error(text)
    assert e.offset == column, e.message
    assert words in e.message


def test_thousands_separators_only_in_groups_of_three():
    assert value("129,073").point == 129073
    assert value("1,234,567.5").point == F("1234567.5")
    assert "groups of three" in error("12,34").message


def test_a_grouped_number_in_a_call_is_explained():
    e = error("cagr(100,121, 2 years)")
    assert "1,500 is fifteen hundred" in e.message


def test_nesting_is_capped():
    deep = "(" * (MAX_NESTING + 5) + "1" + ")" * (MAX_NESTING + 5)
    assert "nested too deeply" in error(deep).message
    assert "nested too deeply" in error("-" * 200 + "1").message


def test_huge_numbers_are_refused_not_computed():
    assert "exponent" in error("9 ** 9 ** 9").message
    e = error("1e100 ** 12 * 1e100 ** 12 * 1e100 ** 12 * 1e100 ** 12")
    assert "too large" in e.message


def test_long_expressions_are_refused():
    with pytest.raises(ExprError, match="too long"):
        tokenize("1+" * 6000 + "1")


def test_tree_shapes():
    node = parse("sum(a, 2) / b")
    assert isinstance(node, Binary) and isinstance(node.left, Call)
    assert names_in(node) == {"a", "b"}
    assert isinstance(parse("10 million orders"), Num)


def test_unknown_fact_suggests_a_close_name(write):
    path = write(
        """
        version: 1
        facts:
          net_profit: 5 CNY
        claims: []
        """
    )
    doc = load(str(path))
    with pytest.raises(ExprError, match="did you mean 'net_profit'"):
        Evaluator(doc.facts).eval(parse("net_profit_fy2099"))


def test_a_fact_after_a_number_is_not_silently_a_count(write):
    doc = load(str(write("version: 1\nfacts:\n  profit: 5 CNY\nclaims: []\n")))
    with pytest.raises(ExprError, match="write `\\* profit`"):
        Evaluator(doc.facts).eval(parse("3 profit"))


def test_dates_only_go_to_date_functions():
    assert "years_between" in error("2025-01-01 + 1").message
    assert value("days_between(2024-02-28, 2024-03-01)").point == 2


def test_division_by_zero_is_an_error_at_the_operator():
    e = error("5 / (2 - 2)")
    assert e.offset == 2 and "division by zero" in e.message


def test_division_by_an_uncertain_zero_crossing_interval_is_unbounded():
    v = value("1 / (1 - 0.9)")
    assert v.point == 10
    assert v.iv.lo is None and v.iv.hi is None
