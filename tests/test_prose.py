"""The number reader: every labelled phrase, the benchmark's targets, and the same
semantics as the claims language."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from factcheck.expr import Evaluator, parse
from factcheck.prose import read

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("prose_bench", ROOT / "bench" / "prose_reader.py")
bench = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(bench)  # type: ignore[union-attr]

SETS = [bench.PHRASES, bench.HELDOUT]
PHRASES = [(path, line, text, figures) for path in SETS for line, text, figures in bench.load(path)]


@pytest.mark.parametrize(
    "text, figures", [(t, f) for _, _, t, f in PHRASES], ids=[f"{p.name}:{line}" for p, line, _, _ in PHRASES]
)
def test_each_labelled_phrase_reads_as_labelled(text, figures):
    assert bench.figures_read(text) == figures


def test_the_labelled_set_is_large_and_bilingual():
    assert len(PHRASES) >= 150
    assert sum(1 for *_, t, _ in PHRASES if any("\u4e00" <= c <= "\u9fff" for c in t)) >= 25
    kinds = {f[1] for *_, figures in PHRASES for f in figures}
    assert kinds == {"number", "range", "ordinal", "date", "year"}
    assert sum(1 for *_, figures in PHRASES if not figures) >= 10  # phrases with no figure test precision


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_precision_and_recall_reach_the_target(path: Path):
    result = bench.score(bench.load(path))
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, result["wrong"]


# prose -> the claims-language expression it must equal exactly (point, interval, unit)
SAME_AS_EXPRESSION = [
    ("380 billion yuan", "380 billion CNY"),
    ("RMB 136.09 billion", "136.09 billion CNY"),
    ("¥380bn", "¥380 bn"),
    ("US$1.2 trillion", "US$1.2 trillion"),
    ("HK$3.5bn", "HK$3.5 bn"),
    ("3800亿元", "3800亿 CNY"),
    ("1.2万亿元", "1.2万亿 CNY"),
    ("5%", "5%"),
    ("5 per cent", "5 per cent"),
    ("109 percent", "109%"),
    ("3 percentage points", "3 pp"),
    ("two and a half years", "2.5 years"),
    ("six days", "6 days"),
    ("10 million orders", "10 million orders"),
    ("157.479 billion yuan per year", "157.479 billion CNY/year"),
    ("1,299 yuan", "1,299 CNY"),
    ("两年半", "2.5 years"),
    ("百分之二十", "20%"),
]


@pytest.mark.parametrize("prose, expression", SAME_AS_EXPRESSION, ids=[p for p, _ in SAME_AS_EXPRESSION])
def test_a_figure_means_what_the_claims_language_means(prose, expression):
    (m,) = read(prose)
    want = Evaluator({}).eval(parse(expression))
    assert (m.value.point, m.value.iv.lo, m.value.iv.hi) == (want.point, want.iv.lo, want.iv.hi)
    assert m.value.unit == want.unit


@pytest.mark.parametrize(
    "text, kind",
    [("2013 to 2014", "range"), ("three to five years", "range"), ("21st", "ordinal"), ("twentieth", "ordinal"),
     ("May 10th", "date"), ("February 24", "date"), ("in 2017", "year"), ("a third", "number")],
)
def test_ranges_ordinals_dates_and_years_are_typed_as_such(text, kind):
    (m,) = read(text)
    assert m.kind == kind
    if kind in ("ordinal", "year", "date"):
        assert m.value is None or m.value.exact


def test_positions_are_offsets_into_the_text_given():
    text = "Revenue\u00a0rose 5 per cent — to RMB\u00a0136.09 billion."
    ms = read(text)
    assert [text[m.start : m.end] for m in ms] == [m.text for m in ms] == ["5 per cent", "RMB\u00a0136.09 billion"]


def test_a_long_text_reads_in_linear_time():
    import time

    text = "Revenue rose 5% to 136.09 billion yuan in 2024, two years after it fell. " * 2000
    start = time.perf_counter()
    assert len(read(text)) == 4 * 2000
    assert time.perf_counter() - start < 5


# texts that were read in quadratic time, each in tens of seconds at this size (minutes at 1 MB)
HOSTILE_RUNS = [
    ("EPS $1 $2 $3 $4 " * 4000, 16000),  # every figure per share: each went through all the earlier ones
    ("一" * 100_000, 1),  # a numeral run: matched to its end at each numeral
    ("\u0663" * 100_000, 1),  # Arabic-Indic digits, separate words to boundary_before: the same
    ("a'" * 100_000, 0),  # a word read to the run's end at each 'a'
]


@pytest.mark.parametrize("text, figures", HOSTILE_RUNS, ids=["per-share", "numerals", "arabic-digits", "apostrophes"])
def test_long_runs_read_in_linear_time(text, figures):
    import time

    start = time.perf_counter()
    got = read(text)
    assert time.perf_counter() - start < 5
    assert len(got) == figures
    if text.startswith("EPS"):
        assert {m.unit_text for m in got} == {"USD/share"}


@pytest.mark.parametrize("text", ["5 to ²", "第²", "百分之²", "between 5 and ²", "revenue ① 5%", "本月迎来第", "百分之"])
def test_digits_that_are_no_decimal_digits_read_without_error(text):
    """'²' is a digit to str.isdigit and not to the reader's patterns: no figure starts there."""
    assert all(m.text != "²" for m in read(text))


def test_a_capital_dotted_i_keeps_the_units_after_it_in_place():
    """'İ' lowers to two characters; the units after it are still found where they stand."""
    from factcheck.quantity import is_percent

    [m] = read("İstanbul: revenue 5 per cent")
    assert m.text == "5 per cent" and m.value is not None and is_percent(m.value.unit)


def test_power_written_onto_its_digits_is_a_figure():
    """'277GW' is 277 (its unit left to what follows); '5G' and '3D' stay words."""
    assert [m.text for m in read("装机277GW，上年为217GW，储能5.2TWh")] == ["277", "217", "5.2"]
    assert read("5G phones and 3D printers") == []
