"""The rules of parts of a whole: a share ('15% of revenue') and a partition ('X, of which A and B')."""

from __future__ import annotations

import re

from factcheck.infer import cues
from factcheck.infer.context import (
    Relation,
    Sentence,
    figure_end,
    is_amount,
    is_percent,
    literal,
    pair,
)
from factcheck.infer.rules.base import Ctx, _next, _rates, _rates_with, is_base, named_figure, named_figures, rule
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
    X占Y的P%. Each form is one reader below, tried in turn; the first that finds the
    part and the whole of a percentage wins."""
    out = []
    forms = _SHARE_FORMS if "占" in s.lower else _SHARE_FORMS_EN  # the Chinese forms all need 占
    for i, p in enumerate(s.figs):
        if not is_percent(p):
            continue
        for reader in forms:
            found = reader(s, ctx, i, p)
            if found is not None:
                out += _share(s, "share-of", found[0], found[1], p)
                break
    return out


_Found = tuple[Mention, Mention] | None  # (part, whole)


def _fig(s: Sentence, i: int) -> Mention | None:
    return s.figs[i] if 0 <= i < len(s.figs) else None


def _amounts(a: Mention | None, b: Mention | None) -> bool:
    return a is not None and b is not None and is_amount(a) and is_amount(b)


def _subject(s: Sentence, m: Mention | None) -> Mention | None:
    """The figure a share that follows ``m`` is of: ``m`` itself, or, when ``m`` is the
    base of a change given just before it ("$5 billion, up 10% from $4.5 billion,
    accounting for 30% of …"; 139.5万辆，同比增长26.8%，上年同期为110.0万辆，占…), the new
    figure of that change; None when it cannot be told."""
    if m is None or not is_amount(m):
        return None
    if not is_base(s, m):
        return m
    k = s.index(m)
    new, change = _fig(s, k - 2), _fig(s, k - 1)
    if new is not None and change is not None and is_amount(new) and is_percent(change):
        return new
    return None


def _cue_of(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """"X accounted for P% of W"."""
    before, whole = _fig(s, i - 1), _fig(s, i + 1)
    part = _subject(s, before)
    if (_amounts(part, whole) and cues.SHARE_CUE.match(s.gap(before, p).lower())
            and cues.SHARE_OF.match(s.gap(p, whole).lower())):
        return part, whole  # type: ignore[return-value]
    return None


def _of_whole_or_part(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """"… accounted for 71% of sales of 41.6 billion yuan, or 29.5 billion yuan"."""
    whole, part = _fig(s, i + 1), _fig(s, i + 2)
    if (_amounts(whole, part) and cues.SHARE_OF.match(s.gap(p, whole).lower())
            and cues.SHARE_OR.match(s.gap(whole, part).lower())
            and re.search(r"\b(?:accounted for|made up|represented|was|were|or)\s*$", s.before(p, 40).lower())):
        return part, whole  # type: ignore[return-value]
    return None


def _part_of_whole_or(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """"3.62 million TEU of the 9.84 million, or 36.8%"."""
    part, whole = _fig(s, i - 2), _fig(s, i - 1)
    if (_amounts(part, whole) and _PART_OF.match(s.gap(part, whole).lower())
            and cues.SHARE_OR.match(s.gap(whole, p).lower()) and _share_ends(s, p)):
        return part, whole  # type: ignore[return-value]
    return None


def _of_the_total(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """"Of the $612.4 billion total, online sellers took in $104.6 billion, or 17.1%"."""
    whole, part = _fig(s, 0), _fig(s, 1)
    if (i == 2 and _amounts(whole, part) and _OF_THE.match(s.gap(None, whole).lower())
            and _WHOLE_THEN.match(s.gap(whole, part).lower()) and cues.SHARE_OR.match(s.gap(part, p).lower())
            and _share_ends(s, p)):
        return part, whole  # type: ignore[return-value]
    return None


def _cn_part_whole(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """客户管理收入1007.9亿元，占集团收入1360.9亿元的74%."""
    before, whole = _fig(s, i - 2), _fig(s, i - 1)
    part = _subject(s, before)
    if not _amounts(part, whole):
        return None
    lead = s.gap(before, whole)
    if ("占" in lead and re.search(r"占[^，,。]{0,12}$", lead)
            and re.fullmatch(r"[^，,。；]{0,10}?的(?:比重|比例)?(?:为|达|约|近|超过)*", s.gap(whole, p))):
        return part, whole  # type: ignore[return-value]
    return None


def _cn_whole_named(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """第三产业增加值765583亿元，占国内生产总值的56.7%: the whole named, its figure in the paragraph."""
    before = _fig(s, i - 1)
    part = _subject(s, before)
    if part is None or before is None or "占" not in s.gap(before, p):
        return None
    named = re.search(r"[，,]\s*(?:约|近)?占([^，,。；的]{2,12})的(?:比重|比例)?(?:为|达|约|近|超过)*$", _unbracketed(s.gap(before, p)))
    whole = named_figure(ctx, named.group(1), part) if named else None
    return None if whole is None else (part, whole)


def _cn_both_named(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """第三产业增加值占地区生产总值的比重为62.4%: both named, each with its figure in the paragraph."""
    lead = s.gap(_next(s, p, -1), p)
    both = "占" in lead and _BOTH_NAMED.search(_unbracketed(lead))
    return _named_pair(ctx, both.group(1), both.group(2)) if both else None


def _referred(s: Sentence, ctx: Ctx, i: int, p: Mention) -> _Found:
    """"… accounted for 27% of that total", "took 45% of that, or 1.12 trillion", 占比45%."""
    for part in _referred_parts(s, p):
        whole = _referred_whole(s, ctx, part, p)
        if whole is not None:
            return part, whole
    return None


_SHARE_FORMS = (_cue_of, _of_whole_or_part, _part_of_whole_or, _of_the_total, _cn_part_whole, _cn_whole_named,
                _cn_both_named, _referred)
_SHARE_FORMS_EN = tuple(f for f in _SHARE_FORMS if not f.__name__.startswith("_cn_"))


#: "X TEU of the W": a unit word or two, then "of" the whole
_PART_OF = cues._lazy(r"^\s*(?:[a-z()-]+\s+){0,2}?of\s+(?:the|its|their|a total of|all)?\s*$", needs=("of",))
#: a sentence that opens on its whole: "Of the $612.4 billion total,"
_OF_THE = cues._lazy(r"^\W*of\s+(?:the|its|their|this|that)\s*$", needs=("of",))
#: after that whole, a clause naming the part: ", non-store retailers took in"
_WHOLE_THEN = cues._lazy(r"^\s*(?:total|in total|overall)?\s*,[^;:()]{0,80}?\b(?:took in|took|accounted for|made up|contributed|brought in|was|were|came from|had|held|handled)\s*$")


def _share_ends(s: Sentence, p: Mention) -> bool:
    """Nothing after the share but its sentence's end, "of the total" or a new clause."""
    rest = s.after(p, 40).lower()
    return bool(re.match(r"^\s*(?:of (?:the|that|this) (?:total|whole)\s*)?(?:$|[,;.)]|\s+(?:and|while|but|as)\b)", rest))


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
    between = re.sub(r"^\s*of\s+(?:it|that|this|them|(?:those|these)(?:\s+[a-z-]+)?)\b", "", s.gap(before, p).lower()) if before is not None else ""
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
    # 全年保费增量163.4亿元中，银保渠道贡献143.7亿元，占比88%: the whole "中" (of which) names
    within = [m for m in earlier if s.text[figure_end(s.text, m) : figure_end(s.text, m) + 1] == "中"]
    if len(within) == 1 and len(earlier) == 1:
        return within[0]
    if earlier:
        return None
    k = ctx.paragraph.index(s) if s in ctx.paragraph else 0
    if k == 0:
        return None
    t = ctx.paragraph[k - 1]
    previous = [m for m in t.figs if is_amount(m) and pair(part, m) is not None]
    if len(previous) == 1:
        return previous[0]
    # "fell to 84,210 from 90,350. London accounted for 11,790 of those sales": the one reached
    reached = [m for m in previous if re.search(r"(?:\bto|至|到)\s*$", t.before(m, 12).lower())]
    return reached[0] if len(reached) == 1 else None


#: a note in brackets inside a clause: 占常住人口的比重（常住人口城镇化率）为81.1%
def _unbracketed(text: str) -> str:
    return re.sub(r"[（(][^（）()]{0,24}[）)]", "", text) if "（" in text or "(" in text else text

#: 名A占名B的比重为 (the clause opens on the part's name)
_BOTH_NAMED = cues._cn(r"(?:^|[，,。；;])\s*(?:其中)?([^，,。；;\d占]{2,14}?)占([^，,。；;的占]{2,12})的(?:比重|比例)?(?:为|达|约|近|超过)*$")


def _named_pair(ctx: Ctx, part_name: str, whole_name: str) -> tuple[Mention, Mention] | None:
    """The one figure of each name in the paragraph, when they pair (the part below the whole)."""
    parts, wholes = named_figures(ctx, part_name), named_figures(ctx, whole_name)
    found = [(a, b) for a in parts for b in wholes if a is not b and pair(a, b) is not None]
    if len(found) != 1:
        return None
    a, b = found[0]
    if a.value is None or b.value is None or a.value.point > b.value.point:
        return None
    return a, b


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
    last = shares[-1]
    return [
        Relation("sum", "partition", f"sum({', '.join(texts)})", "100%", "≈", None,  # type: ignore[arg-type]
                 tuple(shares), last, s.start, s.end)
    ]

