"""The engine's limits, one test a limit: what the hostile corpus found, fixed where it
belongs (see tests/hostile/ for the same inputs run through the command line)."""

from __future__ import annotations

import os
import re
from fractions import Fraction as F

import pytest

from factcheck.errors import ExprError
from factcheck.expr import MAX_HEIGHT, Evaluator, parse
from factcheck.load import load


def error(text: str, facts=None) -> ExprError:
    with pytest.raises(ExprError) as e:
        Evaluator(facts or {}).eval(parse(text))
    return e.value


# --------------------------------------------------------------------------- expressions


def test_a_long_chain_of_operations_is_refused_where_it_passes_the_limit():
    ok = " + ".join(["1"] * MAX_HEIGHT)  # MAX_HEIGHT - 1 additions: a tree MAX_HEIGHT tall
    assert Evaluator({}).eval(parse(ok)).point == MAX_HEIGHT
    text = "+".join(["1"] * 5000)  # 9,999 characters: under MAX_LENGTH, it used to recurse 5,000 deep
    with pytest.raises(ExprError) as e:
        parse(text)
    assert e.value.code == "too-long" and "sum(" in e.value.message
    assert e.value.offset == 2 * MAX_HEIGHT - 1  # the '+' that makes the tree one level too tall


def test_sum_is_flat_so_a_long_addition_still_computes():
    assert Evaluator({}).eval(parse("sum(" + ", ".join(["1"] * 2000) + ")")).point == 2000


@pytest.mark.parametrize("spelling", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", ".infinity", "∞", "-∞"])
def test_nan_and_infinity_as_yaml_or_symbols_are_named(spelling):
    with pytest.raises(ExprError) as e:
        parse(spelling)
    assert e.value.code == "not-finite" and "NaN and infinity" in e.value.message


@pytest.mark.parametrize("spelling", ["nan", "NaN", "inf", "-inf", "Infinity", "INF"])
def test_nan_and_infinity_as_words_are_named_unless_a_fact_has_the_name(spelling):
    e = error(spelling)
    assert e.code == "not-finite" and "NaN and infinity" in e.message


def facts_of(write, lines: list[str]):
    doc = load(str(write("version: 1\nfacts:\n" + "".join(f"  {line}\n" for line in lines) + "claims: []\n")))
    assert not doc.problems, doc.problems[:3]
    return doc


def test_a_chain_of_ten_thousand_facts_computes_without_recursing(write):
    n = 10_000
    doc = facts_of(write, [f"a{i}: a{i + 1} + 1" for i in range(n)] + [f"a{n}: 0"])
    v = Evaluator(doc.facts).eval(parse("a0"))
    assert v.point == n
    assert (v.iv.lo, v.iv.hi) == (n - n / 2 - 0.5, n + n / 2 + 0.5)  # each literal 1 is 0.5 to 1.5, 0 is ±0.5


def test_a_failing_fact_deep_in_a_chain_is_reported_where_it_fails(write):
    doc = facts_of(write, [f"a{i}: a{i + 1} + 1" for i in range(2000)] + ["a2000: 1 CNY + 1 year"])
    e = error("a0", doc.facts)
    assert "cannot add CNY and year" in e.message and "a2000" in e.message


def test_suggestions_stop_when_a_file_asks_for_too_many(write):
    doc = facts_of(write, [f"fact_number_{i}: {i}" for i in range(5000)])
    ev = Evaluator(doc.facts)
    first = pytest.raises(ExprError, ev.eval, parse("fact_numbr_7")).value
    assert "did you mean 'fact_number_7'" in first.message
    for i in range(1000):  # without the budget: about 40 s (see tests/hostile, unknown-names-flood)
        with pytest.raises(ExprError, match="unknown fact"):
            ev.eval(parse(f"fact_numbr_{i}"))
    assert "did you mean" not in pytest.raises(ExprError, ev.eval, parse("fact_numbr_9")).value.message


def test_explain_of_a_diamond_of_facts_is_bounded(write):
    """2^59 paths through the facts: explain's steps stay within their own limits."""
    from factcheck import steps
    from factcheck.model import Expr, Span

    n = 60
    doc = facts_of(write, ["a0: 1"] + [f"a{i}: a{i - 1} + a{i - 1}" for i in range(1, n)])
    step = steps.trace(Evaluator(doc.facts), Expr(f"a{n - 1}", Span("x", 1, 1), parse(f"a{n - 1}")))
    assert len(steps.walk(step)) <= steps.MAX_STEPS + 1


def test_the_steps_shown_are_capped_for_a_claim_and_for_a_run(write):
    """Issue 16: claims that each reach a diamond of facts showed 600 steps each (179 MB
    of HTML for 209 KB of claims): now at most MAX_STEPS a claim, RUN_STEPS a run; the
    first claims get their whole allowance, the later ones their top steps only, and
    every run starts with the budget whole."""
    from factcheck import engine, steps

    facts = "  a0: 1\n" + "".join(f"  a{i}: a{i - 1} + a{i - 1}\n" for i in range(1, 60))
    n = steps.RUN_STEPS // steps.MAX_STEPS + 20
    claims = "".join(f"  - {{id: c{j}, check: a59, stated: a59}}\n" for j in range(n))
    path = str(write(f"version: 1\nfacts:\n{facts}claims:\n{claims}"))
    for _ in range(2):
        results = engine.run([path], detail=True).files[0].results
        counts = [sum(len(steps.walk(s)) for _, s in r.steps) for r in results]
        # the check takes the whole allowance; the stated value shows its own step beyond it
        assert counts[0] == steps.MAX_STEPS + 1
        assert max(counts) <= steps.MAX_STEPS + 2
        assert steps.RUN_STEPS < sum(counts) <= steps.RUN_STEPS + 2 * n
        assert counts[-1] == 2 and all(s.omitted == 1 for r in results[-20:] for _, s in r.steps)


def test_explain_of_a_chain_of_tall_facts_stays_shallow(write):
    from factcheck import steps
    from factcheck.model import Expr, Span

    deep = " + ".join(["1"] * (MAX_HEIGHT - 1))
    doc = facts_of(write, [f"a{i}: a{i + 1} + {deep}" for i in range(30)] + ["a30: 1"])
    step = steps.trace(Evaluator(doc.facts), Expr("a0", Span("x", 1, 1), parse("a0")))
    depth, stack = 0, [(step, 1)]
    while stack:
        s, d = stack.pop()
        depth = max(depth, d)
        stack.extend((c, d + 1) for c in s.children)
    assert depth <= steps.MAX_SHOWN_DEPTH + 1


# --------------------------------------------------------------------------- the loader


def test_a_long_cycle_is_named_briefly_in_each_message(write):
    n = 10_000
    path = write("version: 1\nfacts:\n" + "".join(f"  a{i}: a{(i + 1) % n} + 1\n" for i in range(n)) + "claims: []\n")
    doc = load(str(path))  # it used to take 15 s and 4 GB
    assert len(doc.problems) == n
    assert all(len(p.message) < 200 for p in doc.problems)
    assert "a0 -> a1 -> a2 -> a3 -> a4 -> … -> a9997 -> a9998 -> a9999 -> a0 (10,000 facts)" in doc.problems[0].message


def test_a_character_yaml_refuses_is_placed_at_its_line_and_column(tmp_path):
    path = tmp_path / "c.claims.yaml"
    path.write_text("version: 1\nclaims:\n  - id: 中文\n    says: bell \x07 here\n", encoding="utf-8")
    (p,) = load(str(path)).problems
    assert (p.span.line, p.span.col, p.code) == (4, 16, "yaml-syntax")
    assert "U+0007" in p.message and "\n" not in p.message


@pytest.mark.parametrize("escape", ["\\e[2J", "\\e]0;pwned\\a", "\\x07", "\\0", "\\x9b"])
def test_control_characters_made_by_escapes_never_reach_a_report(write, escape):
    from factcheck.engine import check_document
    from factcheck.model import Report
    from factcheck.reporters import FORMATS, Options, renderer

    path = write(f'version: 1\nclaims:\n  - id: a\n    says: "clear {escape} screen"\n    check: 1\n    stated: 2\n')
    doc = load(str(path))
    assert doc.problems == () and "\ufffd" in doc.claims[0].says
    report = Report((check_document(doc),))
    for name in FORMATS:
        text = renderer(name)(report, Options(width=80))
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text), name


def test_tabs_and_newlines_in_text_are_fine(write):
    doc = load(str(write('version: 1\nclaims:\n  - id: a\n    says: "a\\tb\\nc"\n    source: x\n')))
    assert doc.problems == () and doc.claims[0].says == "a\tb\nc"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.claims.yaml"
    os.mkfifo(fifo)
    (p,) = load(str(fifo)).problems  # it used to wait for a writer, for ever
    assert p.code == "unreadable" and "not a regular file" in p.message


def test_a_device_is_refused_before_reading():
    (p,) = load("/dev/zero").problems
    assert p.code == "unreadable"


def test_a_value_of_the_wrong_type_is_one_problem_not_two(write):
    doc = load(str(write("version: 1\nsettings: {rounding_only: [x]}\nclaims:\n  - {id: a, source: x, compare: [1], severity: {a: b}}\n")))
    assert [(p.span.line, p.code) for p in doc.problems] == [(2, "wrong-value"), (4, "wrong-value"), (4, "wrong-value")]


def test_a_version_that_is_not_a_number_says_so(write):
    (p,) = load(str(write("version: [1]\nclaims: []\n"))).problems
    assert p.message == "version should be a number (1), not a list"


# --------------------------------------------------------------------------- numbers and units


def test_a_power_past_the_size_limit_is_refused_before_it_is_computed():
    from factcheck.interval import TooLarge, power

    with pytest.raises(TooLarge):  # computed first, these would never end
        power(F(3, 2), 10**100)
    with pytest.raises(TooLarge):
        power(F(2, 3), -(10**100))
    assert power(F(2), 4000) == 2**4000 and power(F(1), 10**100) == 1


@pytest.mark.parametrize("years", ["0.000001", "1e-100", "1e-50 / 3"])
def test_cagr_over_a_vanishing_number_of_years_is_refused_at_once(years):
    e = error(f"cagr(100, 121, {years})")  # 1e-100 years used to run for ever
    assert e.code == "too-large" and "too large" in e.message


def test_units_raised_by_powers_of_powers_are_refused(write):
    doc = facts_of(write, ["d: days_between(2025-01-01, 2025-01-02)"])  # exact: no interval to outgrow
    e = error("(((d ** 12) ** 12) ** 12) / 1 year", doc.facts)
    assert e.code == "too-large" and "day^144" in e.message and "power 12" in e.message
    assert "CNY^13" in error("1 CNY ** 12 * 1 CNY").message


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (F(10**400), "1e+400"),
        (F(10**45), "1e+45"),  # past 44 digits, quantize used to raise InvalidOperation
        (F(-3 * 10**21), "-3e+21"),
        (F(10**20), "100,000,000,000,000,000,000"),
        (F(1, 10**400), "1e-400"),
        (F(1, 3 * 10**12), "3.333e-13"),
        (F(1, 10**9), "0.000000001"),
    ],
)
def test_huge_and_tiny_numbers_are_shown_in_scientific_notation(x, text):
    from factcheck.quantity import fmt_number

    assert fmt_number(x) == text


def test_reports_of_huge_and_tiny_results_render_in_every_format(write):
    from factcheck.engine import check_document
    from factcheck.model import Report
    from factcheck.reporters import FORMATS, Options, renderer

    doc = load(str(write("version: 1\nclaims:\n  - {id: a, check: 1e100 ** 4, stated: 1}\n  - {id: b, check: 1e-100 ** 4, stated: 1}\n")))
    report = Report((check_document(doc),))
    for name in FORMATS:
        text = renderer(name)(report, Options(width=80))
        assert "1e+400" in text and "1e-400" in text


def test_a_misspelt_unit_before_another_unit_is_named_with_a_suggestion():
    with pytest.raises(ExprError) as e:
        parse("1 bilion CNY")
    assert e.value.offset == 2 and "unknown unit 'bilion' (did you mean 'billion'?)" in e.value.message
    with pytest.raises(ExprError, match="did you mean 'million'"):
        parse("5 milion users")


def test_a_misspelt_unit_is_never_read_as_a_count():
    for text, meant in (("5 yeers + 1 year", "years"), ("3 bn yaun", "yuan"), ("2 dolars", "dollars")):
        with pytest.raises(ExprError, match=f"did you mean '{meant}'"):
            parse(text)
    # words a letter away from a unit, but not a slip of one, still count things
    assert parse("3 rounds").count_word == "rounds"  # type: ignore[union-attr]


def test_count_words_are_capped_where_the_registry_grows(monkeypatch):
    from factcheck.quantity import units

    monkeypatch.setattr(units, "MAX_COUNT_UNITS", len(units._COUNT_NAMES) + 2)
    parse("1 capwordone + 1 capwordtwo")
    with pytest.raises(ExprError) as e:
        parse("1 capwordone + 2 capwordthree")
    assert e.value.offset == 17 and e.value.code == "too-large"
