"""Properties that hold for every input, checked on inputs hypothesis makes up.

1. The computed point lies inside the computed interval.
2. The interval contains the exact result for *every* choice of inputs inside their
   intervals (checked against a reference evaluator written here, in plain Fractions,
   at the ends of the inputs' intervals and at points inside them).
3. Printing a quantity and parsing what was printed gives the same quantity.
4. Verdicts do not depend on the order of claims or facts in the file.
5. Parsing and evaluating any text raises nothing but the project's own ExprError.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from fractions import Fraction as F
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck import quantity as q
from factcheck.errors import ExprError
from factcheck.expr import Evaluator, parse

#: examples per property; FACTCHECK_EXAMPLES=5000 runs them at scale (a few minutes)
SCALE = int(os.environ.get("FACTCHECK_EXAMPLES", "150"))
SETTINGS = settings(max_examples=SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- expressions as trees

MAGNITUDES = ["", " thousand", " million", " bn", "万", "亿", " k"]


@st.composite
def literals(draw) -> str:
    """A number as an article writes it: 380, 157.479, 0.05, 1.5e3, 129,073, with a magnitude."""
    whole = draw(st.integers(0, 999_999))
    decimals = draw(st.integers(0, 4))
    digits = str(whole)
    if decimals:
        digits += "." + "".join(str(draw(st.integers(0, 9))) for _ in range(decimals))
    if whole >= 1000 and not decimals and draw(st.booleans()):
        digits = f"{whole:,}"
    elif draw(st.integers(0, 5)) == 0:
        digits += f"e{draw(st.integers(-6, 6))}"
    return digits + draw(st.sampled_from(MAGNITUDES)) + draw(st.sampled_from(["", "", "%"]))


@dataclass(frozen=True)
class Lit:
    text: str


@dataclass(frozen=True)
class Op:
    op: str  # + - * / neg **
    args: tuple[Any, ...]
    n: int = 0  # the exponent of **


@dataclass(frozen=True)
class Fn:
    name: str
    args: tuple[Any, ...]


def trees() -> st.SearchStrategy:
    leaf = literals().map(Lit)

    def grow(kids: st.SearchStrategy) -> st.SearchStrategy:
        return st.one_of(
            st.tuples(st.sampled_from("+-*/"), kids, kids).map(lambda t: Op(t[0], (t[1], t[2]))),
            kids.map(lambda k: Op("neg", (k,))),
            st.tuples(kids, st.integers(-2, 3)).map(lambda t: Op("**", (t[0],), t[1])),
            st.tuples(st.sampled_from(["sum", "avg", "min", "max"]), st.lists(kids, min_size=1, max_size=4)).map(
                lambda t: Fn(t[0], tuple(t[1]))
            ),
            st.tuples(st.sampled_from(["ratio", "share", "growth"]), kids, kids).map(lambda t: Fn(t[0], (t[1], t[2]))),
        )

    return st.recursive(leaf, grow, max_leaves=8)


def render(t: Any) -> str:
    if isinstance(t, Lit):
        return t.text
    if isinstance(t, Op):
        if t.op == "neg":
            return f"-{group(t.args[0])}"
        if t.op == "**":
            return f"{group(t.args[0])} ** {t.n}"
        return f"{group(t.args[0])} {t.op} {group(t.args[1])}"
    return f"{t.name}({', '.join(render(a) for a in t.args)})"


def group(t: Any) -> str:
    """A part in parentheses, except a lone literal: a figure in parentheses, (3%), is an
    accounting negative."""
    return render(t) if isinstance(t, Lit) else f"({render(t)})"


def leaves(t: Any) -> list[Lit]:
    if isinstance(t, Lit):
        return [t]
    return [leaf for a in t.args for leaf in leaves(a)]


# --------------------------------------------------------------------------- the reference evaluator

PLAIN, PERCENT = "plain", "percent"


class Skip(Exception):
    """The reference meets a division by zero: this choice of inputs has no result."""


def to(v: F, kind: str, want: str) -> F:
    if kind == want:
        return v
    return v * 100 if want == PERCENT else v / 100


def plain(x: tuple[F, str]) -> F:
    return to(x[0], x[1], PLAIN)


def reference(t: Any, chosen: dict[int, F]) -> tuple[F, str]:
    """The exact value of the tree with each literal replaced by its chosen value, by the
    rules of the language: percent is a unit worth 1/100, converted to the first
    operand's unit when added, and to a plain ratio when multiplied."""
    if isinstance(t, Lit):
        return chosen[id(t)], PERCENT if t.text.endswith("%") else PLAIN
    args = [reference(a, chosen) for a in t.args]
    if isinstance(t, Op):
        if t.op == "neg":
            return -args[0][0], args[0][1]
        if t.op in "+-":
            (a, k), (b, kb) = args
            b = to(b, kb, k)
            return (a + b if t.op == "+" else a - b), k
        if t.op == "*":
            return plain(args[0]) * plain(args[1]), PLAIN
        if t.op == "/":
            if plain(args[1]) == 0:
                raise Skip
            return plain(args[0]) / plain(args[1]), PLAIN
        base = plain(args[0])
        if base == 0 and t.n < 0:
            raise Skip
        return base**t.n, PLAIN
    kind = args[0][1]
    vals = [to(v, k, kind) for v, k in args]
    if t.name == "sum":
        return sum(vals, F(0)), kind
    if t.name == "avg":
        return sum(vals, F(0)) / len(vals), kind
    if t.name in ("min", "max"):
        return (min if t.name == "min" else max)(vals), kind
    a, b = (to(v, kind, PLAIN) for v in vals)
    if b == 0:
        raise Skip
    if t.name == "ratio":
        return a / b, PLAIN
    if t.name == "share":
        return a / b * 100, PERCENT
    return (b / a - 1) * 100 if a else _skip(), PERCENT  # growth(old, new)


def _skip() -> F:
    raise Skip


def literal_value(text: str) -> q.Value:
    v = Evaluator({}).eval(parse(text))
    assert isinstance(v, q.Value)
    return v


def evaluate(text: str) -> q.Value | None:
    """The language's own result, or None when it refuses (units, zero, size)."""
    try:
        v = Evaluator({}).eval(parse(text))
    except ExprError:
        return None
    return v if isinstance(v, q.Value) else None


# --------------------------------------------------------------------------- 1 and 2: intervals


@SETTINGS
@given(trees())
def test_the_point_lies_inside_the_interval(tree):
    v = evaluate(render(tree))
    assume(v is not None)
    assert v.iv.contains(v.point), (render(tree), v)


@SETTINGS
@given(trees(), st.data())
def test_the_interval_holds_the_exact_result_for_every_choice_of_inputs(tree, data):
    text = render(tree)
    v = evaluate(text)
    assume(v is not None)
    chosen: dict[int, F] = {}
    for leaf in leaves(tree):
        iv = literal_value(leaf.text).iv
        where = data.draw(st.sampled_from(["lo", "hi", "inside"]))
        if where == "lo":
            x = iv.lo
        elif where == "hi":
            x = iv.hi
        else:
            t = F(data.draw(st.integers(0, 1000)), 1000)
            x = iv.lo + (iv.hi - iv.lo) * t
        chosen[id(leaf)] = x
    try:
        exact, kind = reference(tree, chosen)
    except Skip:
        return
    unit = q.unit("percent") if kind == PERCENT else q.unit("")
    assert v.unit == unit, (text, q.unit_text(v.unit), kind)
    assert v.iv.contains(exact), f"{text}: {float(exact)} outside [{v.iv.lo}, {v.iv.hi}]"


def test_the_reference_agrees_with_the_language_at_the_written_values():
    """The reference evaluator is itself checked: at the values as written it gives the point."""
    tree = Fn("growth", (Op("+", (Lit("100"), Lit("5%"))), Fn("sum", (Lit("60"), Lit("70.5")))))
    v = evaluate(render(tree))
    chosen = {id(leaf): literal_value(leaf.text).point for leaf in leaves(tree)}
    assert reference(tree, chosen) == (v.point, PERCENT)


@SETTINGS
@given(trees())
def test_the_reference_agrees_with_every_point(tree):
    v = evaluate(render(tree))
    assume(v is not None)
    chosen = {id(leaf): literal_value(leaf.text).point for leaf in leaves(tree)}
    try:
        exact, _ = reference(tree, chosen)
    except Skip:
        return
    assert exact == v.point, render(tree)


# --------------------------------------------------------------------------- 3: printing and parsing

UNITS = ["", " CNY", " USD", " 元", " years", " days", "%", " pp", " orders", " CNY/year", " HKD/month"]


@st.composite
def quantities(draw) -> str:
    lit = draw(literals())
    lit = lit.removesuffix("%")
    return lit + draw(st.sampled_from(UNITS))


@SETTINGS
@given(quantities())
def test_printing_then_parsing_a_quantity_gives_it_back(text):
    v = evaluate(text)
    assume(v is not None)
    digits = re.match(r"[\d,.]+(?:e-?\d+)?", text)[0]
    printed = q.fmt_value(v, sig=max(q.sig_digits(digits), 1) + 1)
    again = evaluate(printed)
    assert again is not None, (text, printed)
    assert (again.point, again.unit) == (v.point, v.unit), (text, printed)
    assert q.fmt_value(again, sig=max(q.sig_digits(digits), 1) + 1) == printed


# --------------------------------------------------------------------------- 4: order does not matter


@st.composite
def claims_files(draw) -> tuple[list[str], list[str]]:
    """Facts (some using earlier facts) and claims using them, as YAML lines."""
    n = draw(st.integers(1, 6))
    facts = []
    for i in range(n):
        value = draw(literals())
        if i and draw(st.booleans()):
            other = draw(st.integers(0, i - 1))
            value = f"f{other} {draw(st.sampled_from('+-*/'))} {value}"
        facts.append(f"  f{i}: '{value}'")
    claims = []
    for j in range(draw(st.integers(1, 6))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        check = draw(st.sampled_from([f"f{a}", f"f{a} + f{b}", f"ratio(f{a}, f{b})", f"growth(f{a}, f{b})", f"sum(f{a}, f{b}, 1)", "f99"]))
        stated = draw(literals())
        extra = draw(st.sampled_from(["", ", tolerance: 5%", ", compare: '>='", ", severity: warning"]))
        claims.append(f"  - {{id: c{j}, check: '{check}', stated: '{stated}'{extra}}}")
    return facts, claims


def verdicts(tmp_path, facts: list[str], claims: list[str]) -> dict[str, tuple]:
    from factcheck.engine import check_document
    from factcheck.load import load

    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\nfacts:\n" + "\n".join(facts) + "\nclaims:\n" + "\n".join(claims) + "\n", encoding="utf-8")
    report = check_document(load(str(path)))
    unplaced = re.compile(r"\S*claims\.yaml:\d+:\d+")  # positions move with the order; nothing else may
    return {
        r.claim.id: (r.status, r.basis, unplaced.sub("", r.message), r.computed, r.stated, r.difference, r.hints)
        for r in report.results
    }


@settings(max_examples=max(SCALE // 3, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(claims_files(), st.randoms(use_true_random=False))
def test_verdicts_do_not_depend_on_the_order_of_claims_or_facts(tmp_path, file, rnd):
    facts, claims = file
    first = verdicts(tmp_path, facts, claims)
    facts2, claims2 = facts[:], claims[:]
    rnd.shuffle(facts2)
    rnd.shuffle(claims2)
    assert verdicts(tmp_path, facts2, claims2) == first


# --------------------------------------------------------------------------- 5: nothing but ExprError

TOKENS = [
    "1", "0", "380", "157.479", "1,5", "129,073", "1e9", "1e999", "2025-05-10", "2025-02-30", "bn", "亿", "万",
    "CNY", "USD", "$", "US$", "¥", "€", "%", "pp", "years", "day", "orders", "per", "cent", "percentage", "points",
    "+", "-", "*", "/", "**", "(", ")", ",", ".", "sum", "avg", "min", "max", "ratio", "share", "growth", "change",
    "cagr", "years_between", "days_between", "ordinal", "a", "b", "d", "nan", ".inf", "∞", "'", "[", "=", "\t",
]
FACTS_TEXT = "version: 1\nfacts:\n  a: 5 CNY\n  b: 12%\n  d: 2025-01-01\n  z: 0\nclaims: []\n"


@pytest.fixture(scope="module")
def some_facts(tmp_path_factory):
    from factcheck.load import load

    path = tmp_path_factory.mktemp("facts") / "claims.yaml"
    path.write_text(FACTS_TEXT, encoding="utf-8")
    return load(str(path)).facts


def soup() -> st.SearchStrategy:
    token = st.one_of(st.sampled_from(TOKENS), st.text(max_size=3))
    return st.lists(st.tuples(token, st.sampled_from(["", " ", "  "])), max_size=25).map(
        lambda parts: "".join(t + s for t, s in parts)
    )


@settings(max_examples=SCALE * 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=soup())
def test_parsing_and_evaluating_any_text_raises_only_expr_error(some_facts, text):
    try:
        node = parse(text)
    except ExprError:
        return
    try:
        Evaluator(some_facts).eval(node)
    except ExprError:
        pass


@settings(max_examples=SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=trees().map(render))
def test_evaluating_any_tree_raises_only_expr_error_and_renders(some_facts, text):
    v = evaluate(text)
    if v is not None:
        q.fmt_value(v)
        q.fmt_range(v.iv.lo, v.iv.hi, v)
