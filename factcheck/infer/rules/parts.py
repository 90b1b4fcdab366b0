"""The rules of parts of a whole: a share ('15% of revenue') and a partition ('X, of which A and B')."""

from __future__ import annotations

import re

from factcheck.infer import cues
from factcheck.infer.context import (
    Relation,
    Sentence,
    is_percent,
    literal,
)
from factcheck.infer.rules.base import Ctx, _rates_with, rule

# --------------------------------------------------------------------------- sum


@rule(
    "partition",
    "sum",
    "Gaming brought in 35%, advertising 18%, fintech 32% and the rest 15%.",
    "sum(35%, 18%, 32%, 15%) ≈ 100%",
    gate=_rates_with("rest", "remain", "other", "else", "其余", "其他", "其它", "剩余", "余下", "split", "broke down", "breakdown", "构成为", "分布为", "分别"),
)
def partition(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Percentages the sentence marks as the parts of one whole: "the rest",
    "the remaining", "others", "split … ways"; 其余, 其他, 剩余. Not a list of changes
    (no "up" or "rose" next to any of them), at least three parts."""
    shares = [m for m in s.figs if is_percent(m)]
    if len(shares) < 3 or any(m.value is None or m.value.point < 0 or m.value.point > 100 for m in shares):
        return []
    cued = [
        k for k, m in enumerate(shares)
        if cues.PARTITION_BEFORE.search(s.before(m, 60).lower()) or cues.PARTITION_BEFORE.search(s.before(m, 12))
        or cues.PARTITION_AFTER.match(s.after(m, 40).lower())
    ]
    if not cued and not cues.SPLIT_WAYS.search(s.words().lower()):
        return []  # the rarest condition first: most lists of percentages name no whole
    if cued:
        # the whole ends with "the rest": a percentage after it (其余70%以股份支付，…不低于均价的80%) is another fact
        shares = shares[: cued[-1] + 1]
        if len(shares) < 3:
            return []
    if any(cues.direction_before(s.before(m)) or cues.direction_after(s.after(m)) for m in shares):
        return []
    if any(re.search(r"\b(?:from|to)\s*$", s.before(m).lower()) for m in shares):
        return []
    texts = [literal(m) for m in shares]
    if any(t is None for t in texts):
        return []
    total = sum(m.value.point for m in shares if m.value is not None)
    if abs(total - 100) > 20:
        return []  # rates far from a whole (tariffs of 17%, 19.3%, 36.3% …): no partition
    last = shares[-1]
    return [
        Relation("sum", "partition", f"sum({', '.join(texts)})", "100%", "≈", None,  # type: ignore[arg-type]
                 tuple(shares), last, s.start, s.end)
    ]

