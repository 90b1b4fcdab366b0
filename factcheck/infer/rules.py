"""The rules that read relations out of sentences: one small function a rule.

Each rule's docstring is its documentation (``factcheck rules`` prints it) and its
``example`` is a sentence with the claim it gives, which a test runs through the
reader, as the functions of the expression language are tested. A rule reads only
what the language marks: a cue right next to its figure, roles given by words such as
"from" and "to", figures of one sentence. When anything is ambiguous (two candidate
bases, units that do not go together) the rule says nothing: an inferred claim that
fails a correct article is the worst outcome.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from factcheck.infer import cues
from factcheck.infer.context import (
    Relation,
    Sentence,
    is_amount,
    is_percent,
    is_points,
    literal,
    pair,
    percent_text,
    signed_text,
)
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
    return any(is_percent(m) or is_points(m) for m in s.figs)


def _words(pattern: str) -> Callable[[Sentence], bool]:
    found = cues._lazy(pattern, re.IGNORECASE)
    return lambda s: bool(found.search(s.text[s.start : s.end]))


# --------------------------------------------------------------------------- growth and change


def _change(s: Sentence, rule_name: str, p: Mention, base: Mention, new: Mention, sign: int) -> list[Relation]:
    """growth (a percent) or change (points) from ``base`` to ``new``, stated as ``p``."""
    if base is new or not (is_amount(base) or is_percent(base)) or not (is_amount(new) or is_percent(new)):
        return []
    if is_percent(base) != is_percent(new):
        return []
    texts = pair(base, new)
    if texts is None:
        return []
    stated = percent_text(p)
    if stated is None:
        return []
    approx = cues.approximation(s.before(p), s.after(p))
    if is_points(p):
        if not is_percent(base):
            return []  # points are a change between percentages
        kind, check = "change", f"change({texts[0]}, {texts[1]})"
    else:
        kind, check = "growth", f"growth({texts[0]}, {texts[1]})"
    return [
        Relation(
            kind,
            rule_name,
            check,
            signed_text(stated, sign),
            cues.signed(approx, sign),
            approx.tolerance,
            (base, new, p),
            p,
            s.start,
            s.end,
        )
    ]


def _changes(s: Sentence) -> list[tuple[Mention, int]]:
    """The figures of a sentence that state a change (a percent or points after a cue)."""
    if s._changes is None:
        s._changes = _find_changes(s)
    return s._changes


def _find_changes(s: Sentence) -> list[tuple[Mention, int]]:
    out = []
    for m in s.figs:
        if not (is_percent(m) or is_points(m)):
            continue
        sign = cues.direction_before(s.before(m))
        if sign == 0:
            sign = cues.direction_after(s.after(m))
        if sign == 0 and _parenthesised(s, m):
            sign = -1  # accounting parentheses: (3%)
        if sign:
            out.append((m, sign))
    return out


def _parenthesised(s: Sentence, m: Mention) -> bool:
    return s.text[m.start - 1 : m.start] == "(" and s.text[m.end : m.end + 1] == ")"


def _next(s: Sentence, m: Mention, step: int = 1) -> Mention | None:
    i = s.index(m) + step
    return s.figs[i] if 0 <= i < len(s.figs) else None


def _match(pattern: cues._Lazy, text: str, cn: cues._Lazy | None = None) -> bool:
    return bool(pattern.match(text.lower()) or (cn is not None and cn.match(text)))


@rule(
    "change-to-from",
    "growth",
    "Revenue rose 8% to 167.2 billion yuan, from 154.6 billion a year earlier.",
    "growth(154.6 billion CNY, 167.2 billion CNY) ≈ 8%",
    gate=_rates,
)
def change_to_from(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A change, then the new figure after "to", then the base after "from" (or
    "compared with", "versus"); in Chinese 增长X%至Y，上年同期为Z. With points between
    two percentages the relation is a `change` in pp."""
    out = []
    for p, sign in _changes(s):
        new = _next(s, p)
        base = _next(s, p, 2)
        if new is None or base is None:
            continue
        if _match(cues.TO, s.gap(p, new), cues.TO_CN) and _match(cues.BASE, s.gap(new, base), cues.BASE_CN):
            out += _change(s, "change-to-from", p, base, new, sign)
    return out


@rule(
    "change-from-to",
    "change",
    "The lender cut its rate by 25 basis points from 3.5% to 3.25%.",
    "change(3.5%, 3.25%) ≈ -0.25 pp",
    gate=_rates,
)
def change_from_to(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A change, then "from" the base "to" the new figure; in Chinese 由Z增至Y after
    the change."""
    out = []
    for p, sign in _changes(s):
        base = _next(s, p)
        new = _next(s, p, 2)
        if base is None or new is None:
            continue
        if cues.FROM_END.search(s.gap(p, base).lower()) and _match(cues.FROM_TO, s.gap(base, new), cues.FROM_TO_CN):
            out += _change(s, "change-from-to", p, base, new, sign)
    return out


@rule(
    "from-to-then-change",
    "growth",
    "Sales climbed from 43.4 billion dollars to 48.6 billion dollars, an increase of 12%.",
    "growth(43.4 billion USD, 48.6 billion USD) ≈ 12%",
    gate=_rates,
)
def from_to_then_change(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"from Z to Y", then the change ("up 12%", "an increase of 12%", "or 12%");
    in Chinese 由Z增至Y，增长X%. "or" takes its direction from the verb before "from"."""
    out = []
    for i in range(len(s.figs) - 2):
        base, new, p = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not (is_percent(p) or is_points(p)):
            continue
        lead = s.gap(_next(s, base, -1), base)
        en = cues.FROM_END.search(lead.lower()) and cues.FROM_TO.match(s.gap(base, new).lower())
        cn = cues.FROM_CN_END.search(lead) and cues.FROM_TO_CN.match(s.gap(base, new))
        if not (en or cn):
            continue
        between = s.gap(new, p)
        m = cues.AFTER_NEW.match(between.lower()) if en else cues.AFTER_NEW_CN.match(between)
        if not m:
            continue
        if m.group("up"):
            sign = 1
        elif m.group("down"):
            sign = -1
        else:
            sign = cues.direction_before(lead) or _verb_sign(s.gap(base, new))
            if sign == 0:
                continue
        out += _change(s, "from-to-then-change", p, base, new, sign)
    return out


@rule(
    "to-from-then-change",
    "change",
    "The operating margin widened to 26.4% from 24.9%, up 1.5 percentage points.",
    "change(24.9%, 26.4%) ≈ 1.5 pp",
    gate=_rates,
)
def to_from_then_change(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A verb "to" the new figure "from" the base, then the change ("up 1.5 percentage
    points", "a fall of 12 basis points", "a change of (3%)")."""
    out = []
    for i in range(len(s.figs) - 2):
        new, base, p = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not (is_percent(p) or is_points(p)):
            continue
        lead = s.gap(_next(s, new, -1), new)
        if not cues.TO_END.search(lead.lower()) or not cues.TO_FROM_GAP.match(s.gap(new, base).lower()):
            continue
        m = cues.TO_FROM_THEN.match(s.gap(base, p).lower())
        if not m:
            continue
        if m.group("up"):
            sign = 1
        elif m.group("down") or _parenthesised(s, p):
            sign = -1
        else:
            sign = cues.direction_before(lead.lower().rsplit(" to", 1)[0] + " ")
            if sign == 0:
                sign = _value_sign(base, new)
        if sign:
            out += _change(s, "to-from-then-change", p, base, new, sign)
    return out


def _value_sign(base: Mention, new: Mention) -> int:
    """The direction the figures themselves take, for a change given without a verb."""
    if base.value is None or new.value is None:
        return 0
    return 1 if new.value.point > base.value.point else -1 if new.value.point < base.value.point else 0


@rule(
    "compared-with-cn",
    "growth",
    "沪深300指数收于3925.6点，较前一交易日的3883.1点上涨1.1%。",
    "growth(3883.1, 3925.6) ≈ 1.1%",
    gate=_rates,
)
def compared_with_cn(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Y，较(比)…的Z上涨(下降)X%: the new figure, the base after 较, then the change."""
    out = []
    for i in range(len(s.figs) - 2):
        new, base, p = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not (is_percent(p) or is_points(p)):
            continue
        if cues.COMPARED_CN.match(s.gap(new, base)):
            m = cues.CHANGE_CN.match(s.gap(base, p))
            if m:
                out += _change(s, "compared-with-cn", p, base, new, 1 if m.group("up") else -1)
    return out


def _verb_sign(text: str) -> int:
    """增至 is up, 降至 is down: the verb between the two figures of 由Z增至Y."""
    if re.search("增|升|提|涨|扩|攀", text):
        return 1
    if re.search("降|减|跌|落|缩|收窄", text):
        return -1
    return 0


@rule(
    "figure-then-change-from",
    "growth",
    "Net profit was 20.1 billion yuan, up 12% from 17.9 billion yuan.",
    "growth(17.9 billion CNY, 20.1 billion CNY) ≈ 12%",
    gate=_rates,
)
def figure_then_change_from(s: Sentence, ctx: Ctx) -> list[Relation]:
    """The new figure, then at once its change ("Y, up 12% from Z"); in Chinese
    Y，同比增长X%，上年同期为Z."""
    out = []
    for i in range(len(s.figs) - 2):
        new, p, base = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        between = s.gap(new, p)
        m = cues.NEW_THEN_CHANGE.match(between.lower()) or cues.NEW_THEN_CHANGE_CN.match(between)
        if not m:
            continue
        sign = 1 if m.group("up") else -1
        tail = s.gap(p, base)
        if is_amount(p) and i + 3 < len(s.figs) and cues.OR_PERCENT.match(tail.lower()):
            # "closed at 3,912.6, up 42.8 points, or 1.1%, from 3,869.8"
            p, base = base, s.figs[i + 3]
            if not is_percent(p):
                continue
            tail = s.gap(p, base)
        elif not (is_percent(p) or is_points(p)):
            continue
        if _match(cues.AFTER_CHANGE_BASE, tail, cues.AFTER_CHANGE_BASE_CN):
            out += _change(s, "figure-then-change-from", p, base, new, sign)
    return out


@rule(
    "higher-than-at",
    "growth",
    "Orders were 15% higher than 2.4 million a year earlier, at 2.76 million.",
    "growth(2.4 million, 2.76 million) ≈ 15%",
    gate=_rates,
)
def higher_than_at(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"X% higher (lower) than Z, at Y"."""
    out = []
    for i in range(len(s.figs) - 2):
        p, base, new = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not is_percent(p):
            continue
        sign = cues.direction_after(s.gap(p, base))
        if sign and cues.THAN.match(s.gap(p, base).lower()) and cues.THAN_AT.match(s.gap(base, new).lower()):
            out += _change(s, "higher-than-at", p, base, new, sign)
    return out


# --------------------------------------------------------------------------- share


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
            if (is_amount(p2) and is_amount(w2) and re.search(r"占[^，,。]{0,12}$", s.gap(p2, w2))
                    and re.fullmatch(r"[^，,。；]{0,10}?的(?:比重|比例)?(?:为|达|约|近|超过)*", s.gap(w2, p))):
                out += _share(s, "share-of", p2, w2, p)
                continue
        # 第三产业增加值765583亿元，占国内生产总值的56.7% (the whole named, with its figure, before)
        if part is not None and is_amount(part):
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
    cn = re.search(r"[，,]\s*(?:约|近)?占比(?:为|达|约|近|超过)*$", s.before(p, 12))
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
    if any(cues.direction_before(s.before(m)) or cues.direction_after(s.after(m)) for m in shares):
        return []
    if any(re.search(r"\b(?:from|to)\s*$", s.before(m).lower()) for m in shares):
        return []
    marked = any(
        cues.PARTITION_BEFORE.search(s.before(m, 60).lower()) or cues.PARTITION_BEFORE.search(s.before(m, 12))
        or cues.PARTITION_AFTER.match(s.after(m, 40).lower())
        for m in shares
    ) or cues.SPLIT_WAYS.search(s.words().lower())
    if not marked:
        return []
    texts = [literal(m) for m in shares]
    if any(t is None for t in texts):
        return []
    last = shares[-1]
    return [
        Relation("sum", "partition", f"sum({', '.join(texts)})", "100%", "≈", None,  # type: ignore[arg-type]
                 tuple(shares), last, s.start, s.end)
    ]


# --------------------------------------------------------------------------- ratio


@rule(
    "years-of",
    "ratio",
    "The 380 billion yuan plan equals about two and a half years of its net profit of 157.479 billion yuan.",
    "380 billion CNY / (157.479 billion CNY/year) ≈ 2.5 years (tolerance 5%)",
    gate=_words(r"year|年"),
)
def years_of(s: Sentence, ctx: Ctx) -> list[Relation]:
    """An amount "equal to N years of" profit (revenue, earnings…), the profit given in
    the sentence (or, named as such, in its paragraph); 相当于N年的净利润."""
    out = []
    for i, n in enumerate(s.figs):
        v = n.value
        if v is None or _unit(n) != "year":
            continue
        lead = s.before(n)
        if not (cues.YEARS_OF.search(lead.lower()) or cues.YEARS_OF_CN.search(lead)):
            continue
        money = [m for m in s.figs if m is not n and is_amount(m) and _is_money(m)]
        following = _next(s, n)
        after = s.after(n, 60)
        named_after = cues.EARNINGS_OF.match(after.lower()) or cues.EARNINGS_OF_CN.match(after)
        if following is not None and following in money and len(s.gap(n, following)) <= 24 and (
            re.match(r"^\s*of\s+(?:the|its|their)\s*$", s.gap(n, following).lower()) or named_after
        ) and (named_after or cues.EARNINGS_OF.match(" " + s.after(following, 60).lower().lstrip())):
            # "two years of the 31.2 billion yuan of net profit", 相当于6.6年的一般公共预算收入3865.2亿元
            earnings = [following]
        elif not named_after:
            continue
        else:
            earnings = [m for m in money if _names_earnings(s, m)]
        e = earnings[0]
        amounts = [m for m in money if m is not e and m.start < n.start]
        if len(amounts) != 1:
            continue
        texts = pair(amounts[0], e)
        stated = literal(n)
        if texts is None or stated is None:
            continue
        per_year = texts[1] if "/" in texts[1] else f"{texts[1]}/year"
        approx = cues.approximation(lead, s.after(n))
        out.append(Relation("ratio", "years-of", f"{texts[0]} / ({per_year})", stated, approx.compare,
                            approx.tolerance, (amounts[0], e, n), n, s.start, s.end))
    return out


def _unit(m: Mention) -> str:
    from factcheck import quantity as q

    return q.unit_text(m.value.unit) if m.value is not None else ""


def _is_money(m: Mention) -> bool:
    from factcheck import quantity as q

    return m.value is not None and q.has_currency(m.value.unit)


def _names_earnings(s: Sentence, m: Mention) -> bool:
    lead = s.before(m, 60)
    return bool(cues.EARNINGS_NAME.search(lead.lower()) or cues.EARNINGS_NAME_CN.search(lead))


@rule(
    "times",
    "ratio",
    "Its 2024 revenue of 90 billion yuan was three times the 30 billion yuan it made in 2019.",
    "90 billion CNY / 30 billion CNY ≈ 3",
    gate=_words(r"times|fold|倍"),
)
def times(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"A is N times (N-fold) B", both amounts given; A是B的N倍. "more than N times"
    compares with >. Not "grew N-fold" without both amounts."""
    out = []
    for i, n in enumerate(s.figs):
        v = n.value
        if v is None or not _plain(n) or not cues.TIMES_AFTER.match(_times_tail(s, n)):
            continue
        if i == 0:
            continue
        a = s.figs[i - 1]
        if i + 1 < len(s.figs) and cues.TIMES_SUBJECT.search(s.gap(a, n).lower()):
            b = s.figs[i + 1]
            if cues.TIMES_REF.match(s.gap(n, b).lower()) and is_amount(a) and is_amount(b) and not _plain_bare(a, b):
                out += _ratio(s, "times", a, b, n)
                continue
        if i >= 2:  # A是B的N倍
            a, b = s.figs[i - 2], s.figs[i - 1]
            if (re.search(r"(?:是|为|相当于|达到)[^，,。；]{0,8}$", s.gap(a, b)) and re.fullmatch(r"的(?:约|近|超过)?", s.gap(b, n))
                    and is_amount(a) and is_amount(b)):
                out += _ratio(s, "times", a, b, n, s.gap(a, b))
    return out


@rule(
    "per-each",
    "ratio",
    "Its 1,240 stores served 9.9 million members, or about 8,000 members per store.",
    "9.9 million / 1240 ≈ 8000 (tolerance 5%)",
    gate=_words(r"\b(?:per|each|an?)\b"),
)
def per_each(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"N things per (a, for each) unit", with both totals in the sentence: the total
    of things ("9.9 million members") over the count of units ("1,240 stores")."""
    out = []
    for n in s.figs:
        tail = n.text + s.after(n, 40)
        m = re.search(r"([a-z]+)\s+(?:per|a|an|for each|each)\s+([a-z]+)\b", tail.lower())
        if not m or n.value is None or not re.match(r"^[\d,.\s]+(?:\w+\s+)?[a-z]+\s+(?:per|a|an|for each|each)\s", tail.lower()):
            continue
        things, unit = m.group(1), m.group(2)
        if unit in ("year", "month", "day", "week", "quarter", "share", "cent"):
            continue  # rates and per-share figures are the units' business
        totals = [x for x in s.figs if x is not n and x.start < n.start and _counted(s, x, things)]
        units = [x for x in s.figs if x is not n and x.start < n.start and _counted(s, x, unit + "s")]
        if len(totals) != 1 or len(units) != 1 or totals[0] is units[0]:
            continue
        a, b = _bare_number(totals[0]), _bare_number(units[0])
        stated = _bare_number(n)
        if a is None or b is None or stated is None:
            continue
        approx = cues.approximation(s.before(n), s.after(n))
        out.append(Relation("ratio", "per-each", f"{a} / {b}", stated, approx.compare, approx.tolerance,
                            (totals[0], units[0], n), n, s.start, s.end))
    return out


def _counted(s: Sentence, m: Mention, noun: str) -> bool:
    """The figure counts ``noun``: 'members' within two words after it (its own text included)."""
    tail = (m.text + s.text[m.end : m.end + 30]).lower()
    return bool(re.match(r"^[^a-z]*(?:[a-z]+\s+){0,3}?" + re.escape(noun) + r"\b", re.sub(r"^[\d,.\s]+", "", tail)) or
                re.match(r"^[\d,.\s]+(?:thousand|million|billion|mn|bn)?\s*(?:[a-z-]+\s+){0,2}?" + re.escape(noun) + r"\b", tail))


def _bare_number(m: Mention) -> str | None:
    """The figure's digits and magnitude, without its count: '9.9 million', '1,240'."""
    found = re.match(r"^([\d,]+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|mn|bn|k)\b)?", m.text)
    if not found:
        return None
    return found.group(1).replace(",", "") + (f" {found.group(2)}" if found.group(2) else "")


@rule(
    "times-over-period",
    "ratio",
    "Sales went from 1.2 million in 2019 to 12.9 million in 2024, more than ten times as many.",
    "12.9 million / 1.2 million > 10",
    gate=_words(r"times|fold|倍"),
)
def times_over_period(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"from A to B, N times as many (as much)"; in Chinese 由Y1年的A增至Y2年的B … Y2年…是Y1年的N倍:
    the later figure over the earlier one."""
    out = []
    for i, n in enumerate(s.figs):
        if n.value is None or not _plain(n) or i < 2 or not cues.TIMES_AFTER.match(_times_tail(s, n)):
            continue
        en = re.match(r"^\s*(?:times|-fold|fold)?\s*(?:as (?:many|much|large|high|big)|the (?:level|number|amount))", _times_tail(s, n) + s.after(n, 30))
        cn = re.search(r"(\d{4})年[^，,。；]{0,8}(?:是|为|相当于)(\d{4})年的$", s.gap(s.figs[i - 1], n))
        pairs = [(a, b) for a, b in zip(s.figs, s.figs[1:]) if b.start < n.start and _from_to(s, a, b)]
        if len(pairs) != 1 or not (en or cn):
            continue
        base, new = pairs[0]
        out += _ratio(s, "times-over-period", new, base, n)
    return out


def _from_to(s: Sentence, a: Mention, b: Mention) -> bool:
    lead = s.gap(_next(s, a, -1), a)
    en = cues.FROM_END.search(lead.lower()) and cues.FROM_TO.match(s.gap(a, b).lower())
    cn = cues.FROM_CN_END.search(lead) and cues.FROM_TO_CN.match(s.gap(a, b))
    return bool((en or cn) and is_amount(a) and is_amount(b) and not is_percent(a))


def _times_tail(s: Sentence, n: Mention) -> str:
    if n.text.lower().endswith(("times", "fold")):
        return " times"
    return s.text[n.end : n.end + 6]


def _plain(m: Mention) -> bool:
    from factcheck import quantity as q

    return m.value is not None and q.is_plain(m.value.unit) and m.value.mag is None


def _plain_bare(a: Mention, b: Mention) -> bool:
    return _plain(a) and _plain(b)


def _ratio(s: Sentence, name: str, a: Mention, b: Mention, n: Mention, lead: str = "") -> list[Relation]:
    texts = pair(a, b)
    digits = re.search(r"\d+(?:\.\d+)?", n.text)
    stated = digits.group() if digits else str(n.value.point) if n.value is not None and n.value.point.denominator == 1 else ""
    if texts is None or not stated:
        return []
    approx = cues.approximation(s.before(n), s.after(n))
    if approx is cues.EXACT and re.match(r"^倍(?:多|以上)", s.after(n)):
        approx = cues.APPROXIMATIONS[1][2]  # 10倍多: more than ten times
    if approx is cues.EXACT and lead:
        approx = cues.approximation(lead.rstrip("是为相当于达到其"), "")
    return [Relation("ratio", name, f"{texts[0]} / {texts[1]}", stated, approx.compare, approx.tolerance,
                     (a, b, n), n, s.start, s.end)]


# --------------------------------------------------------------------------- cagr


@rule(
    "cagr",
    "cagr",
    "Sales grew from 10 billion dollars in 2019 to 16.1 billion dollars in 2024, a compound annual growth rate of 10%.",
    "cagr(10 billion USD, 16.1 billion USD, 5 years) ≈ 10%",
    gate=_words(r"compound|cagr|annual|年均|复合"),
)
def cagr(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A compound annual growth rate (CAGR, 年均复合增长率) of X% between two amounts of
    the sentence ("from A … to B"), over the years between their years or "over N
    years"."""
    out = []
    for p in s.figs:
        if not is_percent(p):
            continue
        lead = s.before(p, 120)
        if not (cues.CAGR.search(lead.lower()) or cues.CAGR_CN.search(lead)):
            continue
        amounts = [m for m in s.figs if m is not p and is_amount(m)]
        base = [m for m in amounts if cues.FROM_END.search(s.before(m, 30).lower()) or cues.FROM_CN_END.search(s.before(m, 14))]
        if len(base) != 1:
            continue
        k = amounts.index(base[0])
        if k + 1 < len(amounts) and (cues.FROM_TO.match(s.gap(base[0], new := amounts[k + 1]).lower())
                                     or cues.FROM_TO_CN.match(s.gap(base[0], new))):
            pass
        elif k > 0 and cues.TO_FROM_GAP.match(s.gap(new := amounts[k - 1], base[0]).lower()):
            pass  # "to 12.8 million from 1.2 million"
        else:
            continue
        years = _span_years(s, base[0], new)
        if years is None:
            continue
        texts = pair(base[0], new)
        stated = literal(p)
        if texts is None or stated is None:
            continue
        approx = cues.approximation(s.before(p), s.after(p))
        figures = (base[0], new, p, *years[1])
        out.append(Relation("cagr", "cagr", f"cagr({texts[0]}, {texts[1]}, {years[0]} years)", stated,
                            approx.compare, approx.tolerance, figures, p, s.start, s.end))
    return out


def _span_years(s: Sentence, a: Mention, b: Mention) -> tuple[int, tuple[Mention, ...]] | None:
    """The years between two amounts: their own years ('in 2019' … 'in 2024') or 'over N years'."""
    years = [m for m in s.all if m.kind == "year" or (m.kind == "range" and m.ends and m.ends[0].kind == "year")]
    ranges = [m for m in years if m.kind == "range"]
    if ranges and len(ranges) == 1 and ranges[0].ends:
        y0, y1 = (int(e.value.point) for e in ranges[0].ends)  # type: ignore[union-attr]
        return (y1 - y0, (ranges[0],)) if y1 > y0 else None
    plain = [m for m in years if m.kind == "year"]
    distinct = sorted({int(m.value.point) for m in plain})  # type: ignore[union-attr]
    if len(distinct) == 2:
        y0, y1 = distinct
        return y1 - y0, tuple(plain)
    for m in s.figs:
        if (_unit(m) == "year" and m.value is not None and m.value.point == int(m.value.point)
                and (cues.OVER_YEARS.search(s.before(m, 30).lower()) or re.search(r"(?:过去|近|此后)$", s.before(m, 4)))):
            return int(m.value.point), (m,)
    return None


# --------------------------------------------------------------------------- difference


@rule(
    "difference",
    "difference",
    "Exports reached 300 billion dollars and imports 220 billion dollars, leaving a trade surplus of 80 billion dollars.",
    "300 billion USD - 220 billion USD ≈ 80 billion USD",
    gate=_words(r"surplus|deficit|gap|shortfall|difference|spread|margin|差|缺口|高出|多出|超出|低了|少了|高了|多了"),
)
def difference(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Two amounts and the surplus, deficit, gap or difference between them, all
    three in the sentence (顺差, 逆差, 差额): the larger less the smaller."""
    out = []
    for i, d in enumerate(s.figs):
        if not is_amount(d) or i < 2:
            continue
        lead = s.before(d, 60)
        if not (cues.DIFFERENCE.search(lead.lower()) or cues.DIFFERENCE_CN.search(lead)):
            continue
        sides = [m for m in s.figs[:i] if is_amount(m)]
        if len(sides) != 2:
            continue
        a, b = sides
        if a.value is None or b.value is None or not (pair(a, b) and pair(a, d)):
            continue
        if a.value.point < b.value.point:
            a, b = b, a
        ta, tb, td = literal(a, d), literal(b, d), literal(d, a)
        if ta is None or tb is None or td is None:
            continue
        approx = cues.approximation(lead, s.after(d))
        out.append(Relation("difference", "difference", f"{ta} - {tb}", td, approx.compare, approx.tolerance,
                            (a, b, d), d, s.start, s.end))
    return out
