"""Loading: positions, unknown keys, wrong types, and files that must be refused."""

from __future__ import annotations

import time

import pytest

from factcheck.load import load


def problems(write, text: str, name: str = "claims.yaml") -> list[tuple[int, int, str, str]]:
    doc = load(str(write(text, name)))
    return [(p.span.line, p.span.col, p.code, p.message) for p in doc.problems]


def only(write, text: str) -> tuple[int, int, str, str]:
    found = problems(write, text)
    assert len(found) == 1, found
    return found[0]


def test_positions_are_one_based_and_point_at_the_claim(write):
    doc = load(str(write("version: 1\nclaims:\n  - id: a\n    check: 1\n    stated: 1\n")))
    (c,) = doc.claims
    assert (c.span.line, c.span.col) == (3, 5)
    assert (c.check.span.line, c.check.span.col) == (4, 12)


def test_unknown_keys_suggest_the_right_one(write):
    line, col, code, msg = only(write, "version: 1\nsetings: {}\nclaims: []\n")
    assert (line, col, code) == (2, 1, "unknown-key")
    assert "did you mean 'settings'" in msg


def test_duplicate_keys_are_reported(write):
    line, _, code, msg = only(write, "version: 1\nclaims: []\nclaims: []\n")
    assert (line, code) == (3, "duplicate-key") and "line 2" in msg


def test_wrong_types_say_what_is_expected(write):
    _, _, code, msg = only(write, "version: 1\nclaims:\n  - id: a\n    source: x\n    tags: ai\n")
    assert code == "wrong-type" and "list" in msg


def test_missing_version_and_claims(write):
    found = problems(write, "article: {title: x}\n")
    assert {c for _, _, c, _ in found} == {"missing-key"}
    assert len(found) == 2


def test_an_expression_error_points_inside_the_value(write):
    line, col, code, msg = only(write, 'version: 1\nclaims:\n  - id: a\n    check: "1 + (2"\n    stated: 3\n')
    assert (line, code) == (4, "expression-syntax")
    assert col == 13 + len("1 + (2")  # the text starts after the quote at column 12


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- a\n- b\n", "wrong-type"),
        ("version: 1\nclaims: {a: 1}\n", "wrong-type"),
        ("version: 1\nclaims:\n  - just a string\n", "wrong-type"),
        ("version: '1'\nclaims: []\n", "version"),
        ("version: 1\nclaims:\n  - {id: Bad_Id, source: x}\n", "bad-id"),
        ("version: 1\nfacts:\n  Capex: 1\nclaims: []\n", "bad-name"),
        ("version: 1\nfacts:\n  year: 1\nclaims: []\n", "bad-name"),
        ("version: 1\nclaims:\n  - {id: a, check: 1}\n", "missing-key"),
        ("version: 1\nclaims:\n  - {id: a, stated: 1}\n", "missing-key"),
        ("version: 1\nclaims:\n  - {id: a, source: x, compare: '~='}\n", "wrong-value"),
        ("version: 1\nclaims:\n  - {id: a, source: x, severity: fatal}\n", "wrong-value"),
        ("version: 1\nsettings: {rounding_only: maybe}\nclaims: []\n", "wrong-value"),
        ("version: 1\nsettings: {rates: {XYZ: 1 CNY}}\nclaims: []\n", "unknown-key"),
        ("version: 1\narticle: {published: May 13}\nclaims: []\n", "wrong-type"),
        ("version: 1\nfacts:\n  a: {source: x}\nclaims: []\n", "missing-key"),
        ("version: 1\nfacts:\n  a: {value: 1, exact: sure}\nclaims: []\n", "wrong-type"),
        ("version: 1\nclaims: []\n---\nversion: 1\n", "yaml-syntax"),
        ("version: 1\nclaims:\n\t- id: a\n", "yaml-syntax"),
    ],
)
def test_broken_files_get_one_clear_problem(write, text, code):
    found = problems(write, text)
    assert found and found[0][2] == code, found


def test_yaml_aliases_are_refused_before_they_expand(write):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    start = time.perf_counter()
    line, _, code, msg = only(write, bomb)
    assert time.perf_counter() - start < 1
    assert code == "yaml-alias" and "aliases" in msg


def test_python_tags_are_refused(write):
    line, _, code, msg = only(write, "version: 1\nclaims: !!python/object/apply:os.system ['echo hi']\n")
    assert code == "yaml-tag" and line == 2


def test_deep_nesting_is_refused(write):
    line, _, code, _ = only(write, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert code == "too-deep"


def test_a_bom_is_accepted(write, tmp_path):
    path = tmp_path / "bom.claims.yaml"
    path.write_bytes(b"\xef\xbb\xbfversion: 1\nclaims: []\n")
    assert load(str(path)).problems == ()


def test_bytes_that_are_not_utf8_are_placed(tmp_path):
    path = tmp_path / "latin.claims.yaml"
    path.write_bytes(b"version: 1\nclaims:\n  - id: caf\xe9\n")
    (p,) = load(str(path)).problems
    assert (p.span.line, p.span.col, p.code) == (3, 12, "encoding")


def test_a_folder_or_missing_file_is_a_problem_not_a_crash(tmp_path):
    (p,) = load(str(tmp_path)).problems
    assert p.code == "unreadable"
    (p,) = load(str(tmp_path / "nope.yaml")).problems
    assert p.code == "unreadable"


def test_one_broken_claim_leaves_the_others(write):
    doc = load(str(write("version: 1\nclaims:\n  - {id: a, check: 1 +, stated: 1}\n  - {id: b, check: 1, stated: 1}\n")))
    assert [c.id for c in doc.claims] == ["b"]
    assert len(doc.problems) == 1


def test_scalars_keep_their_digits(write):
    doc = load(str(write("version: 1\nclaims:\n  - {id: a, check: 16.10, stated: 2.50}\n")))
    assert doc.claims[0].check.text == "16.10"
    assert doc.claims[0].stated.text == "2.50"


def test_fact_long_form(write):
    doc = load(
        str(
            write(
                """
                version: 1
                facts:
                  whole:
                    value: 100%
                    exact: true
                    source: definition
                    as_of: 2024-12-31
                claims: []
                """
            )
        )
    )
    f = doc.facts["whole"]
    assert f.exact and f.source == "definition" and f.as_of == "2024-12-31"


def test_cycles_name_every_fact_in_them(write):
    doc = load(str(write("version: 1\nfacts:\n  a: c + 1\n  b: a * 2\n  c: b / 2\n  d: 5\nclaims: []\n")))
    assert {p.span.line for p in doc.problems} == {3, 4, 5}
    assert "a -> c -> b -> a" in doc.problems[0].message
    assert set(doc.broken_facts) == {"a", "b", "c"} and "d" in doc.facts


def test_reading_stops_after_too_many_problems(write, tmp_path):
    from factcheck.load.claims_file import MAX_PROBLEMS

    path = write("version: 1\nclaims:\n" + "  - not a claim\n" * 100_000)
    start = time.perf_counter()
    doc = load(str(path))
    assert time.perf_counter() - start < 2
    assert len(doc.problems) == MAX_PROBLEMS + 1
    assert doc.problems[-1].code == "too-many-problems"
    assert (doc.problems[-1].span.line, doc.problems[-1].span.col) == (MAX_PROBLEMS + 2, 5)  # the last one read


def test_facts_too_stop_after_too_many_problems(write):
    from factcheck.load.claims_file import MAX_PROBLEMS

    facts = "".join(f"  Bad{i}: 1\n" for i in range(1000))
    doc = load(str(write("version: 1\nfacts:\n" + facts + "claims:\n  - {id: a, check: 1, stated: 1}\n")))
    assert doc.problems[-1].code == "too-many-problems" and len(doc.problems) == MAX_PROBLEMS + 1
    assert doc.claims == ()


def test_a_huge_entry_is_refused_and_a_huge_unknown_value_stepped_over(write):
    """A claim holding more than MAX_ENTRY_NODES values is refused at once, not built;
    the value of an unknown key (a typo for claims:, say) is stepped over unbuilt, and
    the rest of the file is still read."""
    from factcheck.load.yaml_events import MAX_ENTRY_NODES

    tags = "".join("      - t\n" for _ in range(MAX_ENTRY_NODES + 10))
    start = time.perf_counter()
    (p,) = load(str(write(f"version: 1\nclaims:\n  - id: a\n    source: x\n    tags:\n{tags}"))).problems
    assert time.perf_counter() - start < 2
    assert p.code == "too-large" and "10,000 values" in p.message

    many = "".join("  - {id: x, source: y}\n" for _ in range(MAX_ENTRY_NODES))
    doc = load(str(write(f"version: 1\nclaim:\n{many}claims:\n  - {{id: a, check: 1, stated: 1}}\n")))
    assert [p.code for p in doc.problems] == ["unknown-key"] and "did you mean 'claims'" in doc.problems[0].message
    assert [c.id for c in doc.claims] == ["a"]


def test_a_broken_share_of_a_large_file_does_not_stop_it(write):
    from factcheck.load.claims_file import MAX_PROBLEMS

    claims = "".join(
        "  - {id: c%d, check: 1}\n" % i if i % 10 == 0 else "  - {id: c%d, check: 1, stated: 1}\n" % i
        for i in range(3000)
    )
    doc = load(str(write("version: 1\nclaims:\n" + claims)))
    assert len(doc.problems) == 300 > MAX_PROBLEMS and len(doc.claims) == 2700


def test_a_key_after_claims_the_prescan_cannot_see_rereads_the_file(write, tmp_path, monkeypatch):
    from factcheck.engine import run

    write('version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 3, tolerance: t}\n"facts":\n  t: 50%\n')
    monkeypatch.chdir(tmp_path)
    (r,) = run([]).results
    assert r.status.value == "pass" and r.basis.value == "tolerance"
