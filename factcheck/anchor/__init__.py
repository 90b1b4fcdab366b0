"""Anchoring claims in the article draft: locate, match, cover (one module each).

1. **Locate.** Each claim's ``says`` is looked for in the draft's reading text, both
   folded by ``draft.normalize`` (case, whitespace, quotes, dashes, Markdown). A claim
   whose words are not there is stale: ``fail``, with the closest passage and how
   alike it is.
2. **Match.** The figures of a located passage (``prose.read``) are set against the
   figures the claim uses: its stated value, the literals of its check and the facts
   the check reaches. A draft figure *agrees* with a claim figure when, after unit
   conversion, either one's point lies within what the other's digits stand for
   ("136.1 billion" agrees with 136.09 billion; "2.4 years" does not with 2.5 years).
   Signs are left to the words ("fell 10 points" against -10 pp). A draft figure that
   agrees with none, where a figure of the same kind in the claim is agreed by none,
   contradicts the nearest such figure: the claim fails, with both shown.
3. **Cover.** Every figure of the draft should stand in some claim's passage (a
   sourced claim covers its figures by citing them) or in a passage listed under
   ``ignore_figures``; the rest are ``uncovered``.

Kinds compare as an editor reads them: a year with years (and the year of a date), a
date with dates on the fields it gives ("May 10th" has no year), an ordinal with plain
numbers and with years ("20th anniversary" against 20 years), a fraction ("a third")
with plain numbers and percentages, a percentage with percentages only (never with
points), an amount with amounts of a compatible unit; an amount against a rate
("157.479 billion yuan" against 157.479 billion CNY/year) compares per unit of time.
"""

from __future__ import annotations

from factcheck.anchor.cover import anchor, figures, sentence_words, too_many
from factcheck.anchor.locate import CLOSEST_CHARS, CLOSEST_COMPARISONS, CLOSEST_WORDS, Folded
from factcheck.anchor.match import Figure, agrees, claim_figures, match, same_figure

__all__ = [
    "CLOSEST_CHARS", "CLOSEST_COMPARISONS", "CLOSEST_WORDS", "Figure", "Folded", "agrees",
    "anchor", "claim_figures", "figures", "match", "same_figure", "sentence_words", "too_many",
]
