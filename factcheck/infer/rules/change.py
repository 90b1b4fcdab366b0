"""The rules of growth and change: 'rose 8% to X from Y', 'from X to Y, up 8%', '比上年增长8%'."""

from __future__ import annotations

import re

from factcheck.infer import cues
from factcheck.infer.context import (
    Relation,
    Sentence,
    is_amount,
    is_percent,
    is_points,
    pair,
    percent_text,
    points_word,
    signed_text,
)
from factcheck.infer.rules.base import Ctx, _next, _rates, _rates_with, is_base, named_figure, rule
from factcheck.prose import Mention

#: 上涨3.49%，由上周五的3696.77点…: "from" right after the change, with no new subject between
_FROM_AT_ONCE_CN = cues._cn(r"^[，,]?\s*(?:由|从|自)(?:[^，,。；;%\d]{0,8}?的)?$")


def _change(s: Sentence, rule_name: str, p: Mention, base: Mention, new: Mention, sign: int) -> list[Relation]:
    """growth (a percent) or change (points) from ``base`` to ``new``, stated as ``p``."""
    if base is new or not (is_amount(base) or is_percent(base)) or not (is_amount(new) or is_percent(new)):
        return []
    if is_percent(base) != is_percent(new):
        return []
    if not _base_year_fits(s, base, new):
        return []
    texts = pair(base, new)
    if texts is None:
        return []
    points_word(s, p)  # before the stated text: 'a drop of 0.5 points' is 0.5 pp
    stated = percent_text(p)
    if stated is None:
        return []
    approx = cues.approximation(s.before(p), s.after(p))
    if is_points(p) or points_word(s, p):
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


_BASE_YEAR = cues._lazy(r"(\d{4})年(?:同期)?为$", needs=("年",))


def _base_year_fits(s: Sentence, base: Mention, new: Mention) -> bool:
    """A base given by its year (…，2023年为7.46亿元) is the year before the new figure's, and
    the sentence must say that year: 毛利率为34.6%，同比提升1.7个百分点，2022年为31.5% has no base
    for its 同比 (2023's is not given)."""
    found = _BASE_YEAR.search(s.gap(_next(s, base, -1), base))
    if found is None:
        return True
    years = [m for m in s.all if m.kind == "year" and m.value is not None and m.end <= new.start]
    return bool(years) and int(years[-1].value.point) == int(found.group(1)) + 1  # type: ignore[union-attr]


def _changes(s: Sentence) -> list[tuple[Mention, int]]:
    """The figures of a sentence that state a change (a percent or points after a cue)."""
    if s._changes is None:
        s._changes = _find_changes(s)
    return s._changes


def _find_changes(s: Sentence) -> list[tuple[Mention, int]]:
    out = []
    for m in s.figs:
        if not (is_percent(m) or is_points(m) or points_word(s, m)):
            continue
        sign = cues.direction_before(s.before(m))
        if sign == 0:
            sign = cues.direction_after(s.after(m))
        if sign == 0 and _parenthesised(s, m):
            sign = -1  # accounting parentheses: (3%)
        if sign:
            out.append((m, sign))
        elif _NEUTRAL_BEFORE.search(s.before(m, 40).lower()):
            out.append((m, 0))  # "improved by 2.3 points": the figures say which way
    return out


#: a judging verb right before a change ("the combined ratio improved by 2.3 points")
_NEUTRAL_BEFORE = cues._lazy(r"\b(?:improved|worsened|deteriorated)(?:\s+by)?\s*$", needs=("improved", "worsened", "deteriorated"))


def _parenthesised(s: Sentence, m: Mention) -> bool:
    return s.text[m.start - 1 : m.start] == "(" and s.text[m.end : m.end + 1] == ")"



def _match(pattern: cues._Lazy, text: str, cn: cues._Lazy | None = None) -> bool:
    return bool(pattern.match(text.lower()) or (cn is not None and cues.has_cjk(text) and cn.match(text)))


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
            out += _change(s, "change-to-from", p, base, new, sign or _value_sign(base, new))
    return out


@rule(
    "change-from-to",
    "change",
    "The lender cut its rate by 25 basis points from 3.5% to 3.25%.",
    "change(3.5%, 3.25%) ≈ -0.25 pp",
    gate=_rates_with("from", "between", "由", "从", "自"),
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
        lead = s.gap(p, base)
        if ((cues.FROM_END.search(lead.lower()) or _FROM_AT_ONCE_CN.match(lead))
                and _match(cues.FROM_TO, s.gap(base, new), cues.FROM_TO_CN)):
            out += _change(s, "change-from-to", p, base, new, sign or _value_sign(base, new))
    return out


@rule(
    "from-to-then-change",
    "growth",
    "Sales climbed from 43.4 billion dollars to 48.6 billion dollars, an increase of 12%.",
    "growth(43.4 billion USD, 48.6 billion USD) ≈ 12%",
    gate=_rates_with("from", "between", "由", "从", "自"),
)
def from_to_then_change(s: Sentence, ctx: Ctx) -> list[Relation]:
    """"from Z to Y", then the change ("up 12%", "an increase of 12%", "or 12%");
    in Chinese 由Z增至Y，增长X%. "or" takes its direction from the verb before "from"."""
    out = []
    for i in range(len(s.figs) - 2):
        base, new, p = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not (is_percent(p) or is_points(p) or points_word(s, p)):
            continue
        lead = s.gap(_next(s, base, -1), base)
        en = cues.FROM_END.search(lead.lower()) and cues.FROM_TO.match(s.gap(base, new).lower())
        cn = cues.FROM_CN_END.search(lead) and cues.FROM_TO_CN.match(s.gap(base, new))
        if not (en or cn):
            continue
        between = s.gap(new, p)
        m = cues.AFTER_NEW.match(between.lower()) if en else cues.AFTER_NEW_CN.match(between)
        if not m or _respectively(s, p):
            continue
        if m.group("up"):
            sign = 1
        elif m.group("down"):
            sign = -1
        else:
            sign = cues.direction_before(lead) or _verb_sign(s.gap(base, new))
            if sign == 0 and (m.group("cue") or "").strip() in cues.NEUTRAL:
                sign = _value_sign(base, new)  # "from 12.6% to 13.3%, an improvement of 0.7 points"
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
        if not (is_percent(p) or is_points(p) or points_word(s, p)):
            continue
        lead = s.gap(_next(s, new, -1), new)
        if not cues.TO_END.search(lead.lower()) or not cues.TO_FROM_GAP.match(s.gap(new, base).lower()):
            continue
        m = cues.TO_FROM_THEN.match(s.gap(base, p).lower())
        if not m or _respectively(s, p):
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


def _respectively(s: Sentence, p: Mention) -> bool:
    """'… up 5% and 6% respectively', 分别增长5.7%和6.6%: the changes go to the pairs in
    order, which this rule (one pair, the change after it) does not read: say nothing."""
    tail = s.text[p.start : s.end].lower()
    if "respectively" in tail or "分别" in s.text[max(s.start, p.start - 12) : p.start]:
        return True
    nxt = _next(s, p)  # 'up 25%, 20% and 5%': a list of changes, not this pair's one
    return nxt is not None and (is_percent(nxt) or is_points(nxt)) and bool(_AND.match(s.gap(p, nxt).lower()))


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
    gate=_rates_with("较", "比"),
)
def compared_with_cn(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Y，较(比)…的Z上涨(下降)X%: the new figure, the base after 较, then the change."""
    out = []
    for i in range(len(s.figs) - 2):
        new, base, p = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not (is_percent(p) or is_points(p)):
            continue
        if cues.COMPARED_CN.match(s.gap(new, base)) and not is_base(s, new):  # 2019年同期为4,725万，较上年同期的…
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
    gate=_rates_with("than"),
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



_ABOVE = cues._lazy(
    r"^\s*(?P<dir>above|below|higher than|lower than)\s+(?:the\s+|its\s+|their\s+|an?\s+)?[\w'’ -]{0,40}?(?:\s+of|\s+at)?\s*$",
    needs=("above", "below", "than"),
)
_LEAD_COMMA = cues._lazy(r"^(?:(?!\b(?:and|but|while|which|whereas)\b)[^,;:.()])*,\s*$")


@rule(
    "figure-then-above",
    "growth",
    "The shares closed at HK$48.90 on their debut, 27% above the offer price of HK$38.50.",
    "growth(38.50 HKD, 48.90 HKD) ≈ 27%",
    gate=_rates_with("above", "below", "than"),
)
def figure_then_above(s: Sentence, ctx: Ctx) -> list[Relation]:
    """The new figure, a comma, then "X% above (below, higher than, lower than)" the base
    it is measured against."""
    out = []
    for i in range(len(s.figs) - 2):
        new, p, base = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not is_percent(p):
            continue
        m = _ABOVE.match(s.gap(p, base).lower())
        if m and _LEAD_COMMA.match(s.gap(new, p)):
            sign = 1 if m.group("dir") in ("above", "higher than") else -1
            out += _change(s, "figure-then-above", p, base, new, sign)
    return out


_COMPARED_NAMED_CN = cues._cn(
    rf"^[，,]\s*(?:较|比)(?P<name>[^，,。；\d]{{2,10}}?)(?:的)?(?:(?P<up>{cues.UP_CN})|(?P<down>{cues.DOWN_CN})){cues._FILL_CN}$"
)


@rule(
    "compared-with-named-cn",
    "growth",
    "该股发行价为每股28.60元，收盘报61.35元，较发行价上涨114.5%。",
    "growth(28.60 CNY/share, 61.35 CNY/share) ≈ 114.5%",
    gate=_rates_with("较", "比"),
)
def compared_with_named_cn(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Y，较(比)名上涨X%: the base is named, its figure written after its name in the
    paragraph (发行价为每股28.60元)."""
    out = []
    for i in range(len(s.figs) - 1):
        new, p = s.figs[i], s.figs[i + 1]
        if not (is_percent(p) or is_points(p)) or not is_amount(new):
            continue
        m = _COMPARED_NAMED_CN.match(s.gap(new, p))
        if m is None:
            continue
        base = named_figure(ctx, m.group("name"), new)
        if base is not None and base.start < new.start:
            out += _change(s, "compared-with-named-cn", p, base, new, 1 if m.group("up") else -1)
    return out


_OR = cues._lazy(r"^\s*(?:points?)?\s*,?\s*or\s*(?:about\s+|some\s+)?$", needs=("or",))
_TO_AT = cues._lazy(r"^\s*,?\s*(?:to|at)\s*$", needs=("to", "at"))


@rule(
    "amount-or-percent-to",
    "growth",
    "Brent crude settled up $1.12, or 1.4%, at $81.35 a barrel.",
    "growth(81.35 USD/barrel - 1.12 USD/barrel, 81.35 USD/barrel) ≈ 1.4%",
    gate=_rates_with("or"),
)
def amount_or_percent_to(s: Sentence, ctx: Ctx) -> list[Relation]:
    """A change given twice, as an amount "or" a percent, then the new level after "to"
    or "at" ("fell 120.5 points, or 0.3%, to 38,500.2"): the base is the new level less
    the amount (or plus it, for a fall)."""
    out = []
    for i in range(len(s.figs) - 2):
        d, p, new = s.figs[i], s.figs[i + 1], s.figs[i + 2]
        if not (is_amount(d) and is_percent(p) and is_amount(new)):
            continue
        if not (_OR.match(s.gap(d, p).lower()) and _TO_AT.match(s.gap(p, new).lower())):
            continue
        sign = cues.direction_before(s.before(d))
        texts = pair(d, new) if sign else None
        stated = percent_text(p)
        if texts is None or stated is None:
            continue
        amount, level = texts
        base = f"{level} {'-' if sign > 0 else '+'} {amount}"
        approx = cues.approximation(s.before(p), s.after(p))
        out.append(Relation("growth", "amount-or-percent-to", f"growth({base}, {level})", signed_text(stated, sign),
                            cues.signed(approx, sign), approx.tolerance, (d, new, p), p, s.start, s.end))
    return out


_RESPECTIVE_CN = cues._cn(rf"^[，,]\s*(?:同比)?分别(?:(?P<up>{cues.UP_CN})|(?P<down>{cues.DOWN_CN})){cues._FILL_CN}$")
_RESPECTIVE_EN = cues._lazy(r"^\s*,?\s*(?:(?P<up>up|rising|increases of)|(?P<down>down|falling|decreases of))\s*$", needs=("up", "down", "rising", "falling", "increases", "decreases"))
_AND = cues._lazy(r"^\s*(?:和|与|及|、|,|，|and|, and)\s*$")


@rule(
    "respectively",
    "growth",
    "套数由9860套增至10420套，面积由83.1万平方米增至88.6万平方米，分别增长5.7%和6.6%。",
    "growth(9860, 10420) ≈ 5.7%",
    gate=_rates_with("分别", "respectively"),
)
def respectively(s: Sentence, ctx: Ctx) -> list[Relation]:
    """Pairs "from Z to Y" (由Z增至Y), one after another, then as many changes "分别"
    (respectively), which go to the pairs in order."""
    figs, out = s.figs, []
    pairs: list[tuple[Mention, Mention]] = []
    i = 0
    while i + 1 < len(figs):
        a, b = figs[i], figs[i + 1]
        lead = s.gap(figs[i - 1] if i else None, a)
        en = cues.FROM_END.search(lead.lower()) and cues.FROM_TO.match(s.gap(a, b).lower())
        cn = cues.FROM_CN_END.search(lead) and cues.FROM_TO_CN.match(s.gap(a, b))
        if en or cn:
            pairs.append((a, b))
            i += 2
            continue
        if pairs:
            break
        i += 1
    if len(pairs) < 2 or i >= len(figs):
        return []
    changes = [figs[i]]
    for m in figs[i + 1 : i + len(pairs)]:
        if not _AND.match(s.gap(changes[-1], m).lower()):
            return []
        changes.append(m)
    if len(changes) != len(pairs) or not all(is_percent(p) or is_points(p) for p in changes):
        return []
    last = changes[-1]
    if i + len(pairs) < len(figs) and s.gap(last, figs[i + len(pairs)]).strip(" ，,。；;") == "":
        return []  # a further figure in the list: not as many changes as pairs
    cue = _RESPECTIVE_CN.match(s.gap(pairs[-1][1], changes[0]))
    if cue is None:
        cue = _RESPECTIVE_EN.match(s.gap(pairs[-1][1], changes[0]).lower())
        if cue is None or not s.after(last, 20).lower().lstrip(" ,").startswith("respectively"):
            return []
    sign = 1 if cue.group("up") else -1
    for (base, new), p in zip(pairs, changes):
        out += _change(s, "respectively", p, base, new, sign)
    return out
