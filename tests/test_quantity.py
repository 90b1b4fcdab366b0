from fractions import Fraction as F

import pytest

from factcheck import quantity as q
from factcheck.interval import Interval


@pytest.mark.parametrize(
    ("digits", "mag", "lo", "hi"),
    [
        ("157.479", "billion", F("157.4785e9"), F("157.4795e9")),
        ("380", "billion", F("379.5e9"), F("380.5e9")),
        ("5", None, F("4.5"), F("5.5")),
        ("2.5", None, F("2.45"), F("2.55")),
        ("1.5e9", None, F("1.45e9"), F("1.55e9")),
        ("120.00", None, F("119.995"), F("120.005")),
        ("129,073", "million", F("129072.5e6"), F("129073.5e6")),
        ("3800", "亿", F("3799.5e8"), F("3800.5e8")),
        ("1.5", "万", F(14500), F(15500)),
        ("2", "万亿", F("1.5e12"), F("2.5e12")),
    ],
)
def test_a_literal_stands_for_the_values_that_round_to_it(digits, mag, lo, hi):
    v = q.literal(digits, mag)
    assert (v.iv.lo, v.iv.hi) == (lo, hi)
    assert v.iv.contains(v.point)


def test_conversions_are_exact():
    assert q.factor(q.unit("year"), q.unit("day")) == F("365.25")
    assert q.factor(q.unit("quarter"), q.unit("month")) == 3
    assert q.factor(q.unit("percent"), q.unit("")) == F(1, 100)


def test_percentage_points_are_their_own_unit():
    assert not q.compatible(q.unit("pp"), q.unit("percent"))
    with pytest.raises(q.QuantityError, match="percentage points"):
        q.add(q.exact(F(1), q.unit("pp")), q.exact(F(1), q.unit("percent")))


def test_counts_of_different_things_do_not_mix():
    orders, users = q.count_unit("orders"), q.count_unit("users")
    assert orders == q.count_unit("order")
    assert not q.compatible(orders, users)
    with pytest.raises(q.QuantityError, match="orders and users"):
        q.add(q.exact(F(1), orders), q.exact(F(1), users))


def test_units_cancel_in_a_ratio():
    a = q.with_unit(q.literal("380", "billion"), q.unit("CNY"))
    b = q.with_unit(q.literal("157.479", "billion"), q.unit("CNY"))
    r = q.div(a, b)
    assert q.is_plain(r.unit)
    per_year = q.div(b, q.exact(F(1), q.unit("year")))
    assert q.unit_text(q.div(a, per_year).unit) == "year"


def test_year_over_day_simplifies_to_a_number():
    r = q.div(q.exact(F(1), q.unit("year")), q.exact(F(1), q.unit("day")))
    assert q.is_plain(r.unit) and r.point == F("365.25")


def test_rates_convert_currencies_and_nothing_converts_without_them():
    rates = q.Rates({"USD": (F("7.2"), "CNY")})
    usd = q.exact(F(100), q.unit("USD"))
    assert q.convert(usd, q.unit("CNY"), rates).point == 720
    with pytest.raises(q.QuantityError, match="exchange rate"):
        q.convert(usd, q.unit("CNY"))


def test_rates_chain_through_a_third_currency():
    rates = q.Rates({"USD": (F("7.2"), "CNY"), "HKD": (F("0.92"), "CNY")})
    usd = q.exact(F(1), q.unit("USD"))
    assert q.convert(usd, q.unit("HKD"), rates).point == F("7.2") / F("0.92")


def test_percent_multiplies_as_a_fraction():
    part = q.mul(q.exact(F(43), q.unit("percent")), q.exact(F(200), q.unit("CNY")))
    assert part.point == 86 and q.unit_text(part.unit) == "CNY"


@pytest.mark.parametrize(
    ("x", "sig", "text"),
    [
        (F("2.41302"), 4, "2.413"),
        (F(100), 4, "100"),
        (F("0.1") + F("0.2"), 4, "0.3"),
        (F(15000), 4, "15,000"),
        (F(-125, 10), 4, "-12.5"),
        (F("136090"), 4, "136,090"),
        (F(1, 3), 3, "0.333"),
    ],
)
def test_numbers_print_without_float_artefacts(x, sig, text):
    assert q.fmt_number(x, sig) == text


def test_values_print_with_their_magnitude_and_unit():
    v = q.with_unit(q.literal("126.7", "billion"), q.unit("CNY") / q.unit("year"))
    assert q.fmt_value(v) == "126.7 billion CNY/year"
    assert q.fmt_value(q.exact(F(6), q.unit("day"))) == "6 days"
    assert q.fmt_value(q.exact(F(1), q.unit("year"))) == "1 year"
    assert q.fmt_value(q.exact(F(-10), q.unit("pp"))) == "-10 pp"
    assert q.fmt_value(q.with_unit(q.literal("1.5", "万"), q.count_unit("users"))) == "1.5万 users"


def test_sig_digits_count_the_digits_as_written():
    assert q.sig_digits("126.7 billion") == 4
    assert q.sig_digits("380") == 3
    assert q.sig_digits("129,073") == 6


def test_the_registry_is_built_once():
    assert q.registry() is q.registry()


def test_interval_scaling_by_a_negative_constant_swaps_ends():
    assert Interval(F(1), F(2)).scale(F(-1)) == Interval(F(-2), F(-1))


def test_the_console_script_imports_pint_without_numpy_and_units_still_work():
    """pint would import numpy (0.1 to 0.2 s) where it is installed; the console script's
    process is factcheck's own, so pint comes without it, and what the registry says of a
    unit is unchanged. A program that imports factcheck keeps pint as it is."""
    import json
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import json, sys
        from factcheck import pintload, quantity as q
        if sys.argv[1] == "console":
            pintload.console()
        roots = [str(q.unit(n).root) for n in ("CNY", "year", "percent", "pp")]
        print(json.dumps({"imported": [m for m in pintload.EXTRAS if sys.modules.get(m) is not None],
                          "left": [m for m in pintload.EXTRAS if m in sys.modules and sys.modules[m] is None],
                          "roots": roots}))
    """)
    out = {}
    for mode in ("console", "library"):
        run = subprocess.run([sys.executable, "-c", code, mode], check=False, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        out[mode] = json.loads(run.stdout)
    assert out["console"]["imported"] == [] and out["console"]["left"] == []
    assert out["library"]["left"] == []
    assert out["console"]["roots"] == out["library"]["roots"]
    assert out["console"]["roots"][1] == "(Fraction(1461, 4), (('[time]', 1),))"
