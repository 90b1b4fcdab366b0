"""Relations found by role: a change with its new figure and its base, a share with its
part and its whole, each paired by role and measure within the spec's scope.

A statement (``reading.Stmt``) holds the figures of one subject; a ``change`` in it is
paired with the statement's ``new`` figure (or its subject's level) and its ``base``.
What a statement lacks is looked for in the statements before it in the same scope
(the paragraph, the list), where the text ties them: the same measure, or a
back-reference ("That was up 9% from …", 该). A share's whole is the figure written
right after it ("20% of revenue of $150 million") or the figure of the measure it names
("or 81% of net revenues"), of the same period as its part, in the section.

Every relation keeps the other readings the text allows (``alts``): a change given in
per cent between two percentages may be meant in points; a sign may be the
favourable/unfavourable convention; a second compatible base. The judge (``judge``)
passes a relation when one reading holds, and fails it only when none does and the
binding is certain.
"""

from __future__ import annotations

from typing import NamedTuple

from factcheck import quantity as q
from factcheck.expr.tree import Node
from factcheck.infer import figures as fx
from factcheck.infer import tree as t
from factcheck.infer.reading import Fig, Reading, Sentence, Stmt, same_measure
from factcheck.prose import Mention

#: approximation key -> (compare, tolerance)
APPROX = {"": ("≈", None), "about": ("≈", "5%"), "over": (">", None), "at_least": (">=", None),
          "nearly": ("<=", None), "under": ("<", None)}
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "≈": "≈"}


class Alt(NamedTuple):
    """Another reading of a relation: ``binding`` (other figures: it may pass in their
    place) or ``convention`` (the text may mean it so: it only keeps a failure silent)."""

    check: Node
    stated: Node
    why: str  # binding | convention


class Relation(NamedTuple):
    """A relation the draft states, as a claim over its figures."""

    kind: str
    rule: str
    check: Node
    stated: Node
    compare: str = "≈"
    tolerance: str | None = None
    figures: tuple[Mention, ...] = ()
    at: Mention | None = None
    start: int = 0
    end: int = 0
    alts: tuple[Alt, ...] = ()
    #: the figures are bound without doubt: a failure may be reported
    certain: bool = True


# --------------------------------------------------------------------------- values


def compatible(a: Fig, b: Fig) -> bool:
    """Two figures an editor would compare: both percents, or amounts of one kind of unit
    (a bare one borrowing the other's), the same unknown currency code."""
    if (a.kind == "pct") != (b.kind == "pct") or a.kind == "pts" or b.kind == "pts":
        return False
    if a.code or b.code:
        return a.code == b.code or (not (a.code and b.code) and q.is_plain((b if a.code else a).value.unit))
    ua, ub = a.value.unit, b.value.unit
    if q.is_plain(ua) or q.is_plain(ub):
        return True
    return q.compatible(ua, ub)


def pair_values(a: Fig, b: Fig) -> tuple[q.Value, q.Value] | None:
    """Both figures' values, a bare one borrowing the other's magnitude and unit."""
    va, vb = a.value, b.value
    if q.is_plain(va.unit) and not q.is_plain(vb.unit) or (va.mag is None and vb.mag is not None and q.is_plain(va.unit)):
        va2 = fx.borrowed(a.m, va, vb)
        if va2 is None:
            return None
        va = va2
    if q.is_plain(vb.unit) and not q.is_plain(va.unit) or (vb.mag is None and va.mag is not None and q.is_plain(vb.unit)):
        vb2 = fx.borrowed(b.m, vb, va)
        if vb2 is None:
            return None
        vb = vb2
    return va, vb


def stated_of(f: Fig, sign: int) -> q.Value:
    v = f.value
    if sign < 0 and v.point > 0 or sign > 0 and v.point < 0 and f.m.text.lstrip().startswith("("):
        return q.neg(v)
    return v


def comparison(f: Fig, sign: int) -> tuple[str, str | None]:
    cmp, tol = APPROX[f.approx]
    return (_FLIP[cmp] if sign < 0 else cmp), tol


def value_sign(base: q.Value, new: q.Value) -> int:
    return 1 if new.point > base.point else -1 if new.point < base.point else 0


# --------------------------------------------------------------------------- changes


def changes(r: Reading) -> list[Relation]:
    """Growth, change in points and difference: each change paired with its new figure and its base."""
    out: list[Relation] = []
    for s in r.sentences:
        for st in s.stmts:
            _alternates(st)
            for f in st.figs:
                if f.role == "change":
                    out += _change(r, s, st, f)
    return out


def _alternates(st: Stmt) -> None:
    """", or 1.2%" after a change is the same change said again: a change of its sign."""
    for k, f in enumerate(st.figs):
        if f.role == "alt" and k and st.figs[k - 1].role == "change":
            prev = st.figs[k - 1]
            if prev.kind != f.kind:
                f.role, f.sign = "change", prev.sign


def _change(r: Reading, s: Sentence, st: Stmt, c: Fig) -> list[Relation]:
    if _listed(s, c):
        return []
    levels = "pct" if c.kind in ("pct", "pts") else "amt"
    if c.kind == "pct" and _percent_levels(st, c):
        levels = "pct"
    elif c.kind == "pct":
        levels = "amt"
    news = _candidates(st, c, ("new",), levels) or _subject_levels(st, c, levels)
    bases = _candidates(st, c, ("base",), levels)
    own = [b for b in bases if b.owner is c]
    bases = own if own or c.link == "than" else [b for b in bases if b.owner is None]
    delta = next((f for f in st.figs if f is not c and f.role == "change" and f.kind == "amt" and c.kind == "pct"), None)
    if not news or not bases:
        more_news, more_bases = _earlier(r, s, st, c, levels)
        news = news or more_news
        bases = bases or more_bases
    if not news:
        return []
    if not bases and delta is not None:
        return _with_delta(s, c, news, delta)
    if not bases:
        return []
    certain = len(news) == 1 and len(bases) == 1 and (bases[0].owner is c or _one_change(st, c))
    found = []
    for new in news:
        for base in bases:
            rel = _relation(s, c, base, new, certain)
            if rel is not None:
                found.append(rel)
    if not found:
        return []
    first = found[0]
    others = tuple(Alt(x.check, x.stated, "binding") for x in found[1:])
    return [first._replace(alts=first.alts + others)]


def _percent_levels(st: Stmt, c: Fig) -> bool:
    """A percent change between two percentages ('rose 2.1% to 84.8% from 82.7%'): the
    statement's figures are percentages, with no amount among them (保费为1218.4亿元，同比
    下降1.5%，占比由47.9%降至44.4%: the 1.5% is the amount's change)."""
    others = [f for f in st.figs if f is not c and f.role in ("new", "base", "level")]
    return bool(others) and all(f.kind == "pct" for f in others)


def _candidates(st: Stmt, c: Fig, roles: tuple[str, ...], levels: str) -> list[Fig]:
    out = [f for f in st.figs if f is not c and f.role in roles and _level_kind(f) == levels]
    # the nearest to the change first
    return sorted(out, key=lambda f: abs(f.i - c.i))


def _level_kind(f: Fig) -> str:
    return "pct" if f.kind == "pct" else "amt" if f.kind == "amt" else "pts"


def _subject_levels(st: Stmt, c: Fig, levels: str) -> list[Fig]:
    """The statement's own figure when no 'to' names the new one: 'Revenue was $5bn, up
    10% from $4.5bn'; the one level of the current period, before the change or right after it."""
    found = [f for f in st.figs if f is not c and f.role == "level" and f.period == "cur" and _level_kind(f) == levels]
    before = [f for f in found if f.i < c.i]
    if before:
        return [before[-1]]
    after = [f for f in found if f.i == c.i + 1]
    return after


def _one_change(st: Stmt, c: Fig) -> bool:
    """No other change of the same kind in the statement (two rates would need telling apart)."""
    return not any(f is not c and f.role == "change" and f.kind == c.kind for f in st.figs)


def _listed(s: Sentence, c: Fig) -> bool:
    """A change that is one of a list ('up 5.7% and 6.6% respectively', 分别增长5.7%和6.6%,
    均下调25个基点，分别降至…): the changes go to their pairs in order, which the
    'respectively' rule reads; here it says nothing."""
    c_ = s.cues
    if c_.has(s.words(), "respectively"):
        return True
    nxt = s.figs[c.i + 1] if c.i + 1 < len(s.figs) else None
    return nxt is not None and nxt.kind == c.kind and nxt.before.strip(" ,，、") in ("and", "和", "与", "及", "")


def _earlier(r: Reading, s: Sentence, st: Stmt, c: Fig, levels: str) -> tuple[list[Fig], list[Fig]]:
    """The new figure a statement lacks, from the statement before it in its scope, when
    the text refers back to it ('That was up 9% from …', 该…): never a base, which is
    too easily another period's."""
    if not st.backref or st.figs[0] is not c and any(f.role in ("new", "level") for f in st.figs if f.i < c.i):
        return [], []
    scope = r.scopes.get(s.scope, [])
    before: list[Stmt] = []
    for t2 in scope:
        if t2 is s:
            before += [o for o in t2.stmts if o.n < st.n]
            break
        before += t2.stmts
    if not before:
        return [], []
    o = before[-1]
    news = [f for f in o.figs if f.role in ("new", "level") and f.period == "cur" and _level_kind(f) == levels]
    return news[-1:], []


def _relation(s: Sentence, c: Fig, base: Fig, new: Fig, certain: bool) -> Relation | None:
    if not compatible(base, new):
        return None
    values = pair_values(base, new)
    if values is None:
        return None
    vb, vn = values
    sign = c.sign or value_sign(vb, vn)
    if sign == 0:
        return None
    if c.kind == "pts":
        if base.kind != "pct":
            return None
        kind, check = "change", t.call("change", t.num(vb), t.num(vn))
    elif c.kind == "pct":
        kind, check = "growth", t.call("growth", t.num(vb), t.num(vn))
    else:
        kind, check = "difference", t.minus(t.num(vn), t.num(vb))
        if not compatible(c, new):
            return None
    stated = stated_of(c, sign)
    if kind == "difference":
        pv = pair_values(c, new)
        if pv is None:
            return None
        stated = stated_of(_with_value(c, pv[0]), sign)
    cmp, tol = comparison(c, sign)
    alts = _conventions(kind, check, stated, vb, vn)
    return Relation(kind, f"{kind}-by-role", check, t.num(stated), cmp, tol, (base.m, new.m, c.m), c.m,
                    s.start, s.end, alts, certain and c.explicit)


def _with_value(f: Fig, v: q.Value) -> Fig:
    g = Fig(f.m, f.i, f.kind, v)
    g.sign = f.sign
    return g


def _conventions(kind: str, check: Node, stated: q.Value, vb: q.Value, vn: q.Value) -> tuple[Alt, ...]:
    """What the text may mean otherwise: the opposite sign (favourable/unfavourable
    columns), points for a per cent between two percentages."""
    out = [Alt(check, t.num(q.neg(stated)), "convention")]
    if kind == "growth" and q.is_percent(vb.unit) and q.is_percent(stated.unit):
        pts = q.with_unit(q.literal(_digits(stated)), q.unit("pp"))
        if stated.point < 0:
            pts = q.neg(pts)
        out.append(Alt(t.call("change", t.num(vb), t.num(vn)), t.num(pts), "convention"))
    return tuple(out)


def _digits(v: q.Value) -> str:
    text = q.written(q.Value(abs(v.point), v.iv, q.PLAIN, None) if v.point < 0 else q.Value(v.point, v.iv, q.PLAIN, None))
    return text.lstrip("-") or "0"


def _with_delta(s: Sentence, c: Fig, news: list[Fig], delta: Fig) -> list[Relation]:
    """'increased by $4.1 million, or 1.2%, to $345 million': the base is the new figure
    less the amount (plus it, for a fall)."""
    new = news[0]
    if not compatible(delta, new):
        return []
    values = pair_values(delta, new)
    if values is None:
        return []
    vd, vn = values
    sign = c.sign or delta.sign
    if sign == 0:
        return []
    base = t.minus(t.num(vn), t.num(vd)) if sign > 0 else t.plus(t.num(vn), t.num(vd))
    check = t.call("growth", base, t.num(vn))
    stated = stated_of(c, sign)
    cmp, tol = comparison(c, sign)
    alts = (Alt(check, t.num(q.neg(stated)), "convention"),)
    return [Relation("growth", "growth-by-amount", check, t.num(stated), cmp, tol, (delta.m, new.m, c.m), c.m,
                     s.start, s.end, alts, len(news) == 1 and c.explicit)]


# --------------------------------------------------------------------------- shares


def shares(r: Reading) -> list[Relation]:
    """A share with its part and its whole."""
    out: list[Relation] = []
    for s in r.sentences:
        for st in s.stmts:
            for f in st.figs:
                if f.role == "share":
                    rel = _share(r, s, st, f)
                    if rel is not None:
                        out.append(rel)
    return out


def _share(r: Reading, s: Sentence, st: Stmt, p: Fig) -> Relation | None:
    part = _part(st, p)
    if part is None:
        return None
    explicit = _explicit_whole(s, p)
    wholes = explicit or _named_whole(r, s, p, part)
    wholes = [w for w in wholes if w is not part and compatible(part, w)]
    if not wholes:
        return None
    found = []
    for w in wholes:
        values = pair_values(part, w)
        if values is None or values[1].point == 0:
            continue
        found.append(t.call("share", t.num(values[0]), t.num(values[1])))
    if not found:
        return None
    cmp, tol = comparison(p, 1)
    alts = tuple(Alt(x, t.num(p.value), "binding") for x in found[1:])
    exact = bool(explicit) or _extra(p.whole, wholes[0].measure) is not None
    return Relation("share", "share-by-role", found[0], t.num(p.value), cmp, tol, (part.m, wholes[0].m, p.m), p.m,
                    s.start, s.end, alts, len(found) == 1 and p.explicit and exact)


def _part(st: Stmt, p: Fig) -> Fig | None:
    """The part a share is of: the figure it restates (', or 81% of'), else the subject's
    figure before it (the new figure of a change whose base stands just before)."""
    earlier = [f for f in st.figs if f.i < p.i and f.kind == "amt"]
    if not earlier:
        return None
    if p.link == "or":
        return earlier[-1] if earlier[-1].i == p.i - 1 else None
    if earlier[-1].role in ("level", "new"):
        return earlier[-1]
    news = [f for f in earlier if f.role in ("new", "level") and f.period == "cur"]
    return news[-1] if news else None


def _explicit_whole(s: Sentence, p: Fig) -> list[Fig]:
    """'20% of total revenue of $150 million', '20% of $150 million': the next figure,
    with nothing between but the whole's name."""
    nxt = s.figs[p.i + 1] if p.i + 1 < len(s.figs) else None
    if nxt is None or nxt.kind != "amt" or p.stmt is None or nxt.stmt is not p.stmt and nxt.role != "level":
        return []
    gap = " ".join(p.after.lower().split())
    name = p.whole
    for lead in ("of the ", "of its ", "of their ", "of total ", "of "):
        if gap.startswith(lead):
            rest = gap[len(lead):]
            if not rest or rest in ("of", "at", ":") or (name and rest.startswith(name.split()[0])
                                                          and rest.rstrip(" ,:").endswith((" of", " at", name[-3:]))):
                return [nxt]
    if p.sent is not None and p.sent.lang == "zh" and gap.rstrip().endswith(("的", "为")) and "占" in p.before:
        return [nxt]
    return []


def _named_whole(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    """The figure of the measure the share names, of its part's period, in the section:
    the subject figure of the statement whose measure is that name, or the one whose
    name differs from it least ('居民人均消费支出' for 人均消费支出, 'revenue' for total
    revenue); nothing when two differ as little and give two values."""
    if not p.whole:
        return []
    best: dict[int, list[Fig]] = {}
    for t2 in r.sections.get(s.section, []):
        for st in t2.stmts:
            subject = next((f for f in st.figs if f.kind == "amt" and f.role in ("level", "new")), None)
            if subject is None or subject is part or subject.period != part.period:
                continue
            if st.qual and st.qual not in s.words().lower():
                continue  # 'Year-to-date inflows' is not the week's 'all inflows'
            extra = _extra(p.whole, st.measure)
            if extra is not None:
                best.setdefault(extra, []).append(subject)
    if not best:
        return []
    found = best[min(best)]
    return found[:1] if len({f.value.point for f in found}) == 1 else []


def _extra(whole: str, measure: str) -> int | None:
    """How much a measure's name says beyond the whole a share names (0: the same name);
    None when it does not name that whole."""
    if not whole or not measure:
        return None
    if whole == measure or canonical(whole) == canonical(measure) != "":
        return 0
    if same_measure(whole, measure) and _scope_words(whole, measure):
        return abs(len(measure) - len(whole))
    return None


def _scope_words(a: str, b: str) -> bool:
    """What one name has beyond the other only says whose or where ('total', 居民, 全国),
    not what (进出口总值 is not 出口总值)."""
    from factcheck.infer.lang import cues, lang_of

    short, long = (a, b) if len(a) < len(b) else (b, a)
    extra = long[: len(long) - len(short)].strip()
    if not extra:
        return True
    c = cues(lang_of(extra))
    found = c.lead(extra, frozenset({"scope", "stop"}))
    return bool(found) and found[-1].start == 0 and all(h.key in ("scope", "stop") for h in found)


def canonical(name: str) -> str:
    """The one name of a measure with several ('营收' and '营业收入', 'net sales' and 'revenue')."""
    from factcheck.infer.lang import cues

    for lang in ("en", "zh"):
        c = cues(lang)
        if c.words == {}:
            c._build()
        from factcheck.infer.lang import tokens

        seq = tuple(t for t, _, _ in tokens(name))
        if seq in c.words.get("revenue", ()):
            return "revenue"
    return ""
