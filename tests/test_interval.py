from fractions import Fraction as F

import pytest

from factcheck.interval import WHOLE, ZERO, Interval, TooLarge, check_size, iv_max, iv_min


def iv(a, b):
    return Interval(F(a), F(b))


def test_add_sub_neg():
    assert iv(1, 2) + iv(10, 20) == iv(11, 22)
    assert iv(1, 2) - iv(10, 20) == iv(-19, -8)
    assert -iv(1, 2) == iv(-2, -1)


def test_mul_takes_every_corner():
    assert iv(-1, 2) * iv(-3, 4) == iv(-6, 8)
    assert iv(2, 3) * iv(4, 5) == iv(8, 15)


def test_division_by_an_interval_holding_zero_is_unbounded():
    assert iv(1, 2) / iv(-1, 1) == WHOLE
    assert iv(1, 2) / iv(1, 2) == iv(F(1, 2), 2)


def test_unbounded_times_zero_is_zero():
    assert WHOLE * ZERO == ZERO
    assert WHOLE * iv(1, 2) == WHOLE


def test_even_powers_across_zero():
    assert iv(-2, 3) ** 2 == iv(0, 9)
    assert iv(-3, -2) ** 2 == iv(4, 9)
    assert iv(-3, -2) ** 3 == iv(-27, -8)
    assert iv(2, 4) ** -1 == iv(F(1, 4), F(1, 2))


def test_closed_intervals_meet_at_their_ends():
    assert iv(0, 1).meets(iv(1, 2))
    assert not iv(0, 1).meets(iv(F(101, 100), 2))
    assert WHOLE.meets(iv(5, 6))


def test_widen_and_contains():
    w = iv(2, 3).widen(F(1, 2), F(1, 2))
    assert w == iv(F(3, 2), F(7, 2))
    assert w.contains(F(7, 2)) and not w.contains(F(4))


def test_min_max_of_intervals():
    assert iv_min([iv(1, 5), iv(2, 3)]) == iv(1, 3)
    assert iv_max([iv(1, 5), iv(2, 3)]) == iv(2, 5)


def test_numbers_that_outgrow_the_cap_are_refused():
    with pytest.raises(TooLarge):
        check_size(F(2) ** 5000)
