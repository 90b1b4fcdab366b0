"""The rules of parts of a whole: a share ('15% of revenue') and a partition ('X, of which A and B')."""

from __future__ import annotations

import re

from factcheck.infer import cues
from factcheck.infer.context import (
    Relation,
    Sentence,
    is_amount,
    is_percent,
    literal,
    pair,
)
from factcheck.infer.rules.base import Ctx, _next, _rates, rule
from factcheck.prose import Mention


@rule(
    "share-of",
    "share",
    "Cloud revenue of 30.1 billion yuan accounted for 22% of total revenue of 136.09 billion yuan.",
    "share(30.1 billion CNY, 136.09 billion CNY) ≈ 22%",
    gate=_rates,
)
def share_of(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A part, "accounted for / made up / was P% of" a whole, both given; in Chinese
    X占Y的P%."""
    out = []
    for i, p in enumerate(s.figs):
        if not is_percent(p):
            continue
        part = s.figs[i - 1] if i > 0 else None
        whole = s.figs[i + 1] if i + 1 < len(s.figs) else None
        if (part is not None and whole is not None and is_amount(part) and is_amount(whole)
                and cues.SHARE_CUE.match(s.gap(part, p).lower()) and cues.SHARE_OF.match(s.gap(p, whole).lower())):
            out += _share(s, "share-of", part, whole, p)
            continue
        # "… accounted for 71% of sales of 41.6 billion yuan, or 29.5 billion yuan"
        after = s.figs[i + 2] if i + 2 < len(s.figs) else None
        if (whole is not None and after is not None and is_amount(whole) and is_amount(after)
                and cues.SHARE_OF.match(s.gap(p, whole).lower()) and cues.SHARE_OR.match(s.gap(whole, after).lower())
                and re.search(r"\b(?:accounted for|made up|represented|was|were|or)\s*$", s.before(p, 40).lower())):
            out += _share(s, "share-of", after, whole, p)
            continue
        # 客户管理收入1007.9亿元，占集团收入1360.9亿元的74%
        if i >= 2:
            p2, w2 = s.figs[i - 2], s.figs[i - 1]
            lead = s.gap(p2, w2)
            if (is_amount(p2) and is_amount(w2) and "占" in lead and re.search(r"占[^，,。]{0,12}$", lead)
                    and re.fullmatch(r"[^，,。；]{0,10}?的(?:比重|比例)?(?:为|达|约|近|超过)*", s.gap(w2, p))):
                out += _share(s, "share-of", p2, w2, p)
                continue
        # 第三产业增加值765583亿元，占国内生产总值的56.7% (the whole named, with its figure, before)
        if part is not None and is_amount(part) and "占" in s.gap(part, p):
            named = re.search(r"[，,]\s*(?:约|近)?占([^，,。；的]{2,12})的(?:比重|比例)?(?:为|达|约|近|超过)*$", s.gap(part, p))
            if named:
                found = _named(ctx, named.group(1), part)
                if found is not None:
                    out += _share(s, "share-of", part, found, p)
                    continue
        # "… accounted for 27% of that total", "took 45% of that, or 1.12 trillion", 占比45%
        for referred in _referred_parts(s, p):
            found = _referred_whole(s, ctx, referred, p)
            if found is not None:
                out += _share(s, "share-of", referred, found, p)
                break
    return out


def _referred_parts(s: Sentence, p: Mention) -> list[Mention]:
    """The candidates for the part of a share whose whole is only referred to ("of
    that", 占比): the figure before it with a share cue, then the one after it ("or X")."""
    after = s.after(p, 30)
    lead = s.before(p, 12)
    cn = "占比" in lead and re.search(r"[，,]\s*(?:约|近)?占比(?:为|达|约|近|超过)*$", lead)
    if not (cues.OF_THAT.match(after.lower()) or cn):
        return []
    out = []
    before, following = _next(s, p, -1), _next(s, p)
    between = re.sub(r"^\s*of\s+(?:it|that|this|them)\b", "", s.gap(before, p).lower()) if before is not None else ""
    if before is not None and is_amount(before) and (cn or cues.SHARE_CUE.match(between)):
        out.append(before)
    if following is not None and is_amount(following) and cues.SHARE_OR.match(
        re.sub(r"^\s*of\s+(?:that|this|it|the total|that total|this total)\b", "", s.gap(p, following).lower())
    ):
        out.append(following)
    return out


def _referred_whole(s: Sentence, ctx: Ctx, part: Mention, p: Mention) -> Mention | None:
    """What "that total" refers to: the new figure of the change just before (to Y, 至Y),
    else the one amount of the sentence before, in the same paragraph."""
    earlier = [m for m in s.figs if m.end <= min(part.start, p.start) and is_amount(m) and pair(part, m) is not None]
    reached = [m for m in earlier if re.search(r"(?:\bto|至|到)\s*$", s.before(m, 12).lower())]
    if reached:
        return reached[-1]
    if earlier:
        return None
    k = ctx.paragraph.index(s) if s in ctx.paragraph else 0
    if k == 0:
        return None
    previous = [m for m in ctx.paragraph[k - 1].figs if is_amount(m) and pair(part, m) is not None]
    return previous[0] if len(previous) == 1 else None


def _named(ctx: Ctx, name: str, like: Mention) -> Mention | None:
    """The one figure of the paragraph written right after ``name`` (国内生产总值1349084亿元,
    国内生产总值为…, 由A增至B: B), compatible with ``like``."""
    found = []
    for t in ctx.paragraph:
        for i, m in enumerate(t.figs):
            if m is like or not is_amount(m):
                continue
            lead = t.gap(t.figs[i - 1] if i else None, m)
            if re.search(re.escape(name) + r"(?:为|达|达到|是|总额为|共)?$", lead) or (i and re.search(re.escape(name) + r"(?:由|从)$", t.gap(t.figs[i - 2] if i > 1 else None, t.figs[i - 1]))
                  and cues.FROM_TO_CN.match(lead)):
                found.append(m)
    found = [m for m in found if pair(like, m) is not None]
    return found[0] if len(found) == 1 else None


def _share(s: Sentence, name: str, part: Mention, whole: Mention, p: Mention) -> list[Relation]:
    texts = pair(part, whole)
    stated = literal(p)
    if texts is None or stated is None:
        return []
    approx = cues.approximation(s.before(p), s.after(p))
    return [
        Relation("share", name, f"share({texts[0]}, {texts[1]})", stated, approx.compare, approx.tolerance,
                 (part, whole, p), p, s.start, s.end)
    ]


# --------------------------------------------------------------------------- sum


@rule(
    "partition",
    "sum",
    "Gaming brought in 35%, advertising 18%, fintech 32% and the rest 15%.",
    "sum(35%, 18%, 32%, 15%) ≈ 100%",
    gate=_rates,
)
def partition(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Percentages the sentence marks as the parts of one whole: "the rest",
    "the remaining", "others", "split … ways"; 其余, 其他, 剩余. Not a list of changes
    (no "up" or "rose" next to any of them), at least three parts."""
    shares = [m for m in s.figs if is_percent(m)]
    if len(shares) < 3 or any(m.value is None or m.value.point < 0 or m.value.point > 100 for m in shares):
        return []
    marked = any(
        cues.PARTITION_BEFORE.search(s.before(m, 60).lower()) or cues.PARTITION_BEFORE.search(s.before(m, 12))
        or cues.PARTITION_AFTER.match(s.after(m, 40).lower())
        for m in shares
    ) or cues.SPLIT_WAYS.search(s.words().lower())
    if not marked:
        return []  # the rarest condition first: most lists of percentages name no whole
    if any(cues.direction_before(s.before(m)) or cues.direction_after(s.after(m)) for m in shares):
        return []
    if any(re.search(r"\b(?:from|to)\s*$", s.before(m).lower()) for m in shares):
        return []
    texts = [literal(m) for m in shares]
    if any(t is None for t in texts):
        return []
    last = shares[-1]
    return [
        Relation("sum", "partition", f"sum({', '.join(texts)})", "100%", "≈", None,  # type: ignore[arg-type]
                 tuple(shares), last, s.start, s.end)
    ]

