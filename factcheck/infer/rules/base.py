"""The rule record (``Rule``, ``Ctx``), the registry that keeps rules in the order they are tried, and shared gates."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from factcheck.infer import cues
from factcheck.infer.context import Relation, Sentence
from factcheck.prose import Mention


class Ctx(NamedTuple):
    """What a rule may know beyond its sentence."""

    year: int | None  # the draft's year (front matter, article.published, --as-of)
    paragraph: list[Sentence]  # the sentences of the sentence's paragraph
    month: int | None = None  # the draft's month, for "next month"


class Rule(NamedTuple):
    name: str
    kind: str
    read: Callable[[Sentence, Ctx], list[Relation]]
    doc: str
    example: str
    gives: str  # the claim the example gives: 'growth(154.6 billion CNY, 167.2 billion CNY) ≈ 8%'
    #: what a sentence must hold for the rule to be tried at all (a cheap test first)
    gate: Callable[[Sentence], bool] | None = None


RULES: list[Rule] = []


def rule(name: str, kind: str, example: str, gives: str, gate: Callable[[Sentence], bool] | None = None):  # type: ignore[no-untyped-def]
    def register(fn: Callable[[Sentence, Ctx], list[Relation]]) -> Callable[[Sentence, Ctx], list[Relation]]:
        RULES.append(Rule(name, kind, fn, (fn.__doc__ or "").strip(), example, gives, gate))
        return fn

    return register


def _rates(s: Sentence) -> bool:
    """A percent or a figure in points: what every change and share needs."""
    return s.rates


def _words(*words: str) -> Callable[[Sentence], bool]:
    """A gate: one of ``words`` (lower case) in the sentence, case aside."""

    def gate(s: Sentence) -> bool:
        low = s.lower
        for w in words:
            if w in low:
                return True
        return False

    return gate


def _pattern(pattern: str) -> Callable[[Sentence], bool]:
    """A gate: ``pattern`` found in the sentence, lower-cased."""
    found = cues._lazy(pattern)
    return lambda s: bool(found.search(s.lower))


def _next(s: Sentence, m: Mention, step: int = 1) -> Mention | None:
    i = s.index(m) + step
    return s.figs[i] if 0 <= i < len(s.figs) else None
