"""The currency signs prose is read with (factcheck/prose/signs.py) are CLDR's, and each
is read before an amount as its currency, without taking a name or a month for one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from factcheck import quantity as q
from factcheck.prose import read
from factcheck.prose.signs import SIGNS

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("currency_signs", ROOT / "tools" / "currency_signs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["currency_signs"] = module
    spec.loader.exec_module(module)
    return module


def test_every_sign_is_the_one_cldr_gives_its_currency() -> None:
    pytest.importorskip("babel")
    cldr = _generator().from_cldr()
    wrong = {s: c for s, c in SIGNS.items() if cldr.get(s) != c}
    assert wrong == {}, "signs CLDR does not give so: run python tools/currency_signs.py"
    assert len(SIGNS) >= 30


def _units(text: str) -> list[tuple[str, str]]:
    return [(m.text, q.unit_text(m.value.unit) if m.value is not None else "") for m in read(text)]


@pytest.mark.parametrize("text, figures", [
    ("profit of RM68.0 million, down from RM121.4 million", [("RM68.0 million", "MYR"), ("RM121.4 million", "MYR")]),
    ("revenue of RM 161.0 million", [("RM 161.0 million", "MYR")]),
    ("EBIT rose to R484 million (2014: R380 million)", [("R484 million", "ZAR"), ("2014", ""), ("R380 million", "ZAR")]),
    ("A$1.1 billion against A$0.9 billion", [("A$1.1 billion", "AUD"), ("A$0.9 billion", "AUD")]),
    ("sales of NT$3.07 billion", [("NT$3.07 billion", "TWD")]),
    ("a deficit of ₹3,000 crore", [("₹3,000 crore", "INR")]),
    ("Ksh12 billion in loans", [("Ksh12 billion", "KES")]),
    ("CHF 3 million and KRW 5 billion", [("CHF 3 million", "CHF"), ("KRW 5 billion", "KRW")]),
    ("RMB 3.2 billion", [("RMB 3.2 billion", "CNY")]),  # a code, not the sign RM before a B
    ("grew to GH¢166.63 million from GH₵141.75 million", [("GH¢166.63 million", "GHS"), ("GH₵141.75 million", "GHS")]),
])
def test_a_sign_before_an_amount_is_its_currency(text: str, figures: list[tuple[str, str]]) -> None:
    assert _units(text) == figures


@pytest.mark.parametrize("text, figures", [
    ("the R2 unit and R2-D2", []),  # one letter: only before digits with a magnitude
    ("December 2024", [("December 2024", "")]),  # D is the Gambian dalasi's sign, and a month's first letter
    ("EPS 5 cents", [("5 cents", "cent")]),  # three capitals that are no ISO 4217 code
    ("Rs 481 crore compared with Rs 455 crore", [("481 crore", ""), ("455 crore", "")]),  # Rs is two countries'
])
def test_what_is_not_a_sign(text: str, figures: list[tuple[str, str]]) -> None:
    got = _units(text)
    assert [t for t, _ in got] == [t for t, _ in figures]
    assert [u for _, u in got] == [u for _, u in figures]
