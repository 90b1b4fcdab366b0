"""The rule record (``Rule``, ``Ctx``), the registry that keeps rules in the order they are tried, and shared gates."""

from __future__ import annotations

import re
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


def _rates_with(*words: str) -> Callable[[Sentence], bool]:
    """A gate: a percent or points, and one of ``words`` (lower case) in the sentence: the
    words every pattern of the rule needs (each pattern says so in its ``needs``)."""
    has_word = _words(*words)
    return lambda s: s.rates and has_word(s)


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


def named_figures(ctx: Ctx, name: str) -> list[Mention]:
    """The figures of the paragraph written right after ``name``: 国内生产总值1349084亿元,
    国内生产总值为…, 发行价为每股28.60元, 由A增至B (B), 营业收入同比增长18.6%至312.6亿元."""
    from factcheck.infer.context import is_amount

    if len(name) < 2:
        return []
    lead_re = re.compile(re.escape(name) + r"(?:为|达|达到|是|总额为|共|合计)?(?:每股)?$")
    from_re = re.compile(re.escape(name) + r"(?:由|从)$")
    change_re = re.compile(re.escape(name) + r"(?:同比|比上年|较上年)?(?:增长|增加|上升|提高|上涨|下降|减少|下滑|下跌)(?:了)?$")
    found = []
    for t in ctx.paragraph:
        for i, m in enumerate(t.figs):
            if not is_amount(m):
                continue
            lead = t.gap(t.figs[i - 1] if i else None, m)
            prior = t.gap(t.figs[i - 2] if i > 1 else None, t.figs[i - 1]) if i else ""
            if (lead_re.search(lead) or (from_re.search(prior) and cues.FROM_TO_CN.match(lead))
                    or (change_re.search(prior) and re.fullmatch(r"(?:至|到|达)", lead))):
                found.append(m)
    return found


def named_figure(ctx: Ctx, name: str, like: Mention) -> Mention | None:
    """The one figure of the paragraph written right after ``name``, compatible with ``like``."""
    from factcheck.infer.context import pair

    found = [m for m in named_figures(ctx, name) if m is not like and pair(like, m) is not None]
    return found[0] if len(found) == 1 else None


def is_base(s: Sentence, m: Mention) -> bool:
    """The figure is the base of a change, an aside ("up 10% from 4.5 billion", 上年同期为110万辆):
    not the subject of what follows it, so never a share's part nor a side of a gap."""
    lead = s.gap(_next(s, m, -1), m)
    return bool(cues.BASE.match(lead.lower()) or cues.FROM_END.search(lead.lower())
                or cues.BASE_CN.match(lead) or cues.FROM_CN_END.search(lead))
