"""Every function of the language: documented, with a worked example that holds."""

from fractions import Fraction as F

import pytest

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr import Evaluator, parse
from factcheck.functions import FUNCTIONS


def value(text: str) -> q.Value:
    return Evaluator({}).eval(parse(text))


SPEC_FUNCTIONS = {
    "sum", "ratio", "share", "growth", "change", "cagr", "avg", "min", "max",
    "years_between", "days_between", "ordinal",
}


def test_every_function_of_the_spec_exists():
    assert set(FUNCTIONS) == SPEC_FUNCTIONS


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_is_documented_with_an_example_that_holds(name):
    f = FUNCTIONS[name]
    assert len(f.doc) > 20
    call, expected = f.example
    assert call.startswith(name + "(")
    assert q.fmt_value(value(call)) == expected


def test_growth_is_relative_and_change_is_in_points():
    assert value("growth(80%, 70%)").point == F(-25, 2)
    c = value("change(80%, 70%)")
    assert c.point == -10 and q.is_points(c.unit)


def test_growth_needs_compatible_units_and_a_nonzero_base():
    with pytest.raises(ExprError, match="CNY and year"):
        value("growth(5 CNY, 6 years)")
    with pytest.raises(ExprError, match="zero"):
        value("growth(0, 5)")


def test_share_is_a_percent():
    v = value("share(1, 4)")
    assert v.point == 25 and q.is_percent(v.unit)


def test_cagr_with_an_irrational_root_encloses_its_point():
    v = value("cagr(100, 150, 3 years)")
    assert v.iv.lo < v.point < v.iv.hi
    assert abs(float(v.point) - (1.5 ** (1 / 3) - 1) * 100) < 1e-9
    assert value("cagr(100, 121, 24 months)").point == 10


def test_years_between_counts_whole_years_between_dates():
    assert value("years_between(2004-12-03, 2024-12-02)").point == 19
    assert value("years_between(2004-12-03, 2024-12-03)").point == 20
    assert value("years_between(2004-12-03, 2024)").point == 20


def test_years_are_exact_whole_numbers():
    with pytest.raises(ExprError, match="should be a year"):
        value("years_between(2015.5, 2017)")
    v = value("years_between(2015, 2017)")
    assert v.exact


def test_ordinal_counts_the_first_as_first():
    assert value("ordinal(2005, 2025)").point == 21
    with pytest.raises(ExprError, match="before first"):
        value("ordinal(2025, 2005)")


def test_days_between_needs_dates():
    with pytest.raises(ExprError, match="should be a date"):
        value("days_between(2024, 2025)")


def test_min_max_avg_intervals():
    v = value("min(17%, 19%)")
    assert v.point == 17 and (v.iv.lo, v.iv.hi) == (F("16.5"), F("17.5"))
    assert value("max(17%, 19%)").point == 19
    assert value("avg(1, 2)").point == F(3, 2)


def test_arity_is_checked():
    with pytest.raises(ExprError, match="takes 2 arguments, given 3"):
        value("ratio(1, 2, 3)")
    with pytest.raises(ExprError, match="at least 1"):
        value("sum()")


def test_sum_reports_the_argument_that_does_not_add():
    with pytest.raises(ExprError) as e:
        value("sum(1 CNY, 2 CNY, 3 years)")
    assert e.value.offset == len("sum(1 CNY, 2 CNY, ")
