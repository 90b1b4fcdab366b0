"""The language tables of inference (factcheck/infer/lang): data a linguist can edit, each
entry its own test.

Both languages have the same keys; every phrase of a key with an example sentence (``try``)
is read in that sentence and gives the claim the key says (``gives``); every pattern
compiles; every identity and every partition is well formed.
"""

from __future__ import annotations

import re

import pytest

from factcheck.infer import claim_text, read_example
from factcheck.infer.lang import cues
from factcheck.infer.lang.en import CUES as EN
from factcheck.infer.lang.zh import CUES as ZH

TABLES = {"en": EN, "zh": ZH}


def test_both_languages_have_the_same_keys():
    assert set(EN) == set(ZH)
    assert set(EN["patterns"]) == set(ZH["patterns"])


def _examples():
    for lang, table in TABLES.items():
        for key, entry in table.items():
            examples, gives = entry.get("try", ""), entry.get("gives", "")
            if not examples or not gives:
                continue
            examples = [examples] if isinstance(examples, str) else list(examples)
            for phrase in entry["words"]:
                if key != "basis" and phrase in table["basis"]["words"]:
                    continue  # 实际增长, 'organic': a change of another basis is compared with nothing (its own test)
                if key == "fill" and phrase in table["respectively"]["words"]:
                    continue  # 分别 between a cue and its figure is read past, and pairs a list (its own tests)
                gives = [gives] if isinstance(gives, str) else list(gives)
                yield pytest.param(lang, key, str(phrase), examples, gives, id=f"{lang}-{key}-{phrase}")


@pytest.mark.parametrize(("lang", "key", "phrase", "examples", "gives"), list(_examples()))
def test_every_phrase_reads_in_its_example(lang, key, phrase, examples, gives):
    """A key's example sentences (``try``: one, or a few for phrases of several shapes):
    the phrase gives the claim (``gives``: one, or one per way of writing it) in one of them
    at least."""
    found = {text: [claim_text(x) for x in read_example(text)] for text in (e.replace("{}", phrase) for e in examples)}
    assert any(g in claims for g in gives for claims in found.values()), f"{lang} {key} {phrase!r}: {found}"


def test_the_examples_cover_each_language():
    for table in TABLES.values():
        assert sum(1 for e in table.values() if e.get("try") and e.get("gives")) >= 6


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_every_pattern_compiles_and_the_identities_and_partitions_are_well_formed(lang):
    table = TABLES[lang]
    for name, text in table["patterns"].items():
        if name in ("words", "try", "gives"):
            continue
        re.compile(str(text))
        assert cues(lang).pattern(name) is not None
    idents = cues(lang).identities()
    assert len(idents) == len(table["identities"]["words"]), "an identity that does not read as 'R = A op B'"
    assert all(i.op in "+-/" and i.result and i.a and i.b for i in idents)
    assert all(len(p) >= 2 and all(p) for p in cues(lang).partitions())


def _bases():
    for lang, table in TABLES.items():
        example = "Sales rose 12% {} to $110 million from $100 million." if lang == "en" else "{}，销售额同比增长12%至110亿元，上年同期为100亿元。"
        for phrase in table["basis"]["words"]:
            yield pytest.param(example.replace("{}", str(phrase)), id=f"{lang}-basis-{phrase}")


@pytest.mark.parametrize("text", list(_bases()))
def test_a_change_of_another_basis_is_compared_with_nothing(text):
    """Like-for-like, constant currency, 按可比价格计算: a rate of another basis than the levels
    beside it is checked against nothing (12% of 100 to 110 would fail)."""
    assert not [r for r in read_example(text) if r.kind == "growth"], text
