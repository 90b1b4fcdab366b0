"""Verdicts: the spec's tables, the messages' numbers, and the hints."""

from __future__ import annotations

from factcheck.engine import check_document
from factcheck.load import load
from factcheck.model import Basis, Status


def check(write, claims: str, facts: str = "", settings: str = "") -> dict:
    text = "version: 1\n"
    if settings:
        text += "settings:\n" + settings
    if facts:
        text += "facts:\n" + facts
    text += "claims:\n" + claims
    report = check_document(load(str(write(text))))
    assert report.document.problems == (), report.document.problems
    return {r.claim.id: r for r in report.results}


def test_a_pass_reports_its_distance(write):
    r = check(write, "  - {id: a, check: 380 bn CNY / (157.479 bn CNY/year), stated: 2.5 years, tolerance: 5%}\n")["a"]
    assert r.status is Status.PASS and r.basis is Basis.TOLERANCE
    assert r.difference["relative"] < -0.034
    assert "3.5% off" in r.message
    assert r.stated.low == 2.325 and r.stated.high == 2.675


def test_absolute_tolerance_in_points_around_a_percentage(write):
    rs = check(
        write,
        "  - {id: a, check: 33.9%, stated: 33%, tolerance: 1 pp}\n"
        "  - {id: b, check: 34.9%, stated: 33%, tolerance: 1 pp}\n",
    )
    assert rs["a"].status is Status.PASS and rs["a"].basis is Basis.TOLERANCE
    assert rs["b"].status is Status.FAIL


def test_rounding_only_can_fail(write):
    r = check(write, "  - {id: a, check: 'sum(3, 3, 3)', stated: 10}\n", settings="  rounding_only: fail\n")["a"]
    assert r.status is Status.FAIL


def test_equal_ignores_tolerance(write):
    r = check(write, "  - {id: a, check: 101, stated: 100, compare: '=', tolerance: 5%}\n")["a"]
    assert r.status is Status.FAIL


def test_compare_accepts_words(write):
    rs = check(
        write,
        "  - {id: a, check: 1 + 1, stated: 2, compare: exact}\n"
        "  - {id: b, check: 2.04, stated: 2, compare: approx}\n",
    )
    assert rs["a"].basis is Basis.EXACT and rs["b"].basis is Basis.PRECISION


def test_magnitude_slip_hint_names_the_words(write):
    r = check(write, "  - {id: a, check: 136.09 billion CNY, stated: 136.09 million CNY}\n")["a"]
    (hint,) = [h for h in r.hints if h.code == "magnitude"]
    assert "million vs billion" in hint.message


def test_chinese_magnitude_slip(write):
    r = check(write, "  - {id: a, check: 3800亿元, stated: 3800万元}\n")["a"]
    assert any(h.code == "magnitude" for h in r.hints)


def test_sign_hint(write):
    r = check(write, "  - {id: a, check: 'growth(136.09 bn CNY, 129.073 bn CNY)', stated: 5%}\n")["a"]
    assert [h.code for h in r.hints] == ["sign"]


def test_wrong_base_hint(write):
    # 100 -> 125 is +25%; against the new value it is 20%
    r = check(write, "  - {id: a, check: 'growth(100, 125)', stated: 20%}\n")["a"]
    assert r.status is Status.FAIL
    assert any(h.code == "wrong-base" for h in r.hints)


def test_percent_vs_points_hints_both_ways(write):
    rs = check(
        write,
        "  - {id: a, check: 'growth(80%, 70%)', stated: -10%}\n"
        "  - {id: b, check: 'change(80%, 70%)', stated: -12.5%}\n"
        "  - {id: c, check: 'change(80%, 70%)', stated: -10%}\n",
    )
    assert rs["a"].status is Status.FAIL and rs["a"].hints[0].code == "percent-vs-points"
    assert rs["b"].status is Status.ERROR and any("growth()" in h.message for h in rs["b"].hints)
    assert rs["c"].status is Status.ERROR and "percentage points" in rs["c"].message


def test_ordinal_and_anniversary_hints(write):
    rs = check(
        write,
        "  - {id: a, check: 'ordinal(2004, 2024)', stated: 20, compare: '='}\n"
        "  - {id: b, check: 'years_between(2005, 2025)', stated: 21 years, compare: '='}\n",
    )
    assert rs["a"].hints[0].code == "ordinal-vs-anniversary"
    assert rs["b"].hints[0].code == "ordinal-vs-anniversary"


def test_missing_unit_is_explained(write):
    r = check(write, "  - {id: a, check: 'years_between(2015, 2017)', stated: 2}\n")["a"]
    assert r.status is Status.ERROR
    assert r.hints and "years" in r.hints[0].message


def test_dates_compare(write):
    rs = check(
        write,
        "  - {id: a, check: d, stated: 2025-05-10, compare: '='}\n"
        "  - {id: b, check: d, stated: 2025-05-11, compare: '<'}\n"
        "  - {id: c, check: d, stated: 2025-05-11}\n",
        facts="  d: 2025-05-10\n",
    )
    assert rs["a"].status is Status.PASS
    assert rs["b"].status is Status.PASS
    assert rs["c"].status is Status.FAIL


def test_warning_severity_keeps_hints(write):
    r = check(write, "  - {id: a, check: 136.09 billion CNY, stated: 136.09 million CNY, severity: warning}\n")["a"]
    assert r.status is Status.WARN and r.hints


def test_inequalities_with_unbounded_intervals_only_warn(write):
    r = check(write, "  - {id: a, check: 1 / (1 - 0.9), stated: 100, compare: '>'}\n")["a"]
    assert r.status is Status.WARN
