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

import re
from collections.abc import Iterator
from fractions import Fraction

from factcheck import quantity as q
from factcheck.expr.tree import Node
from factcheck.infer import figures as fx
from factcheck.infer import tree as t
from factcheck.infer.lang import Hit
from factcheck.infer.reading import (
    QUALIFIED,
    Fig,
    Reading,
    Sentence,
    Stmt,
    beyond_whole,
    measure_key,
    part_name_zh,
    same_measure,
    span,
    total_stem,
)
from factcheck.infer.tree import Alt, Relation
from factcheck.lazyre import Lazy
from factcheck.prose import Mention

#: approximation key -> (compare, tolerance)
APPROX = {"": ("≈", None), "about": ("≈", "5%"), "over": (">", None), "at_least": (">=", None),
          "nearly": ("<=", None), "under": ("<", None)}
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "≈": "≈"}


# --------------------------------------------------------------------------- values


def compatible(a: Fig, b: Fig) -> bool:
    """Two figures an editor would compare: both percents, or amounts of one kind of unit
    (a bare one borrowing the other's), the same unknown currency code."""
    if (a.kind == "pct") != (b.kind == "pct") or a.kind == "pts" or b.kind == "pts":
        return False
    if a.code or b.code:
        return _same_code(a, b)
    if _never_amounts(a, b):
        return False
    ua, ub = a.value.unit, b.value.unit
    if q.is_plain(ua) or q.is_plain(ub):
        return _one_measure_word(a, b)
    return q.compatible(ua, ub) or bool(_per(ua, ub) or _per(ub, ua)) or _share_twin(a, b) or _share_twin(b, a)


def _one_measure_word(a: Fig, b: Fig) -> bool:
    """A bare figure beside another: one thing counted, where both say what (293万吨 and
    58.6亿斤: tonnes are no jin)."""
    wa, wb = _measure_word(a), _measure_word(b)
    return not (wa and wb and wa != wb)


def _never_amounts(a: Fig, b: Fig) -> bool:
    """'4.5 points' (of a ratio, an index) beside an amount of money; a count of 5,750,000
    units beside $165.3 million (never 5,750,000 million dollars)."""
    return _points_and_amount(a, b) or _points_and_amount(b, a) or _count_beside_scaled(a, b) \
        or _count_beside_scaled(b, a) or _counted_beside_money(a, b) or _counted_beside_money(b, a)


def _counted_beside_money(bare: Fig, money: Fig) -> bool:
    """A count of things (395家, 576人) beside an amount of money: never one measure."""
    word = _measure_word(bare)
    return bool(word) and word != "元" and q.is_plain(bare.value.unit) and q.has_currency(money.value.unit)


def _count_beside_scaled(bare: Fig, scaled: Fig) -> bool:
    """A bare whole number of five digits or more beside an amount with a magnitude word."""
    vb, vs = bare.value, scaled.value
    return q.is_plain(vb.unit) and vb.mag is None and abs(vb.point) >= 10_000 and vs.mag is not None \
        and not q.is_plain(vs.unit)


def _measure_word(f: Fig) -> str:
    """The Chinese measure word a bare figure is counted in, right after it (吨, 万吨, 斤, 辆)."""
    for h in f.tail[:1]:
        if h.key == "unit_word" and h.start <= 1:
            return h.phrase[-1]  # 万吨 and 吨 are both tonnes: the word's last character names the thing
    return ""


def _sensible(written: q.Value, borrowed: q.Value, other: q.Value) -> q.Value:
    """A bare figure's value with the other's magnitude, unless that makes it a thousand times
    the other while as written it is not ('up 102,900' beside '3.89 million': not 102,900 million)."""
    if other.point and abs(borrowed.point) > 1000 * abs(other.point) >= abs(written.point):
        return written
    return borrowed


def _counted_whole(f: Fig) -> bool:
    """A bare Chinese count with its measure word right after its digits (8630人): written
    in full, it never borrows another figure's magnitude (218.7万人 is not 8630万人's)."""
    return f.value.mag is None and q.is_plain(f.value.unit) and bool(_measure_word(f))


def _same_code(a: Fig, b: Fig) -> bool:
    """Figures in a currency known only by its code: both in it, or one bare."""
    return a.code == b.code or (not (a.code and b.code) and q.is_plain((b if a.code else a).value.unit))


def _points_and_amount(a: Fig, b: Fig) -> bool:
    return _in_points(a) and not q.is_plain(b.value.unit)


def _in_points(f: Fig) -> bool:
    return f.kind == "amt" and q.is_plain(f.value.unit) and bool(f.tail) and f.tail[0].key == "points"


def _per(priced: q.Unit, bare: q.Unit) -> q.Unit | None:
    """'$9,870 a tonne from $9,640': the unit a price is per (tonne), lent to a figure in
    its currency alone; None when the two are not so (a dividend per share is never a
    total's: 0.31 yuan per share and 71.2 billion yuan of profit)."""
    if not q.has_currency(bare) or "/" in q.unit_text(bare) or "share" in q.unit_text(priced):
        return None
    per = priced / bare
    if q.unit_text(per).startswith("1/") or q.unit_text(per).startswith("/"):
        return per
    text = q.unit_text(priced)
    return per if text.startswith(q.unit_text(bare) + "/") else None


def _borrows(v: q.Value, other: q.Value) -> bool:
    """A figure takes the other's unit or magnitude: a bare number beside an amount, or an
    amount of the same currency written without the magnitude ('KSh10.2' after 'KSh11.9 billion')."""
    return q.is_plain(v.unit) and not q.is_plain(other.unit) or (
        v.mag is None and other.mag is not None and (q.is_plain(v.unit) or v.unit is other.unit))


def pair_values(a: Fig, b: Fig) -> tuple[q.Value, q.Value] | None:
    """Both figures' values, a bare one borrowing the other's magnitude and unit."""
    va, vb = a.value, b.value
    if _counted_whole(a) or _counted_whole(b):
        return va, vb  # 比上年增加8630人 beside 218.7万人: each as written
    if _borrows(va, vb):
        va2 = fx.borrowed(a.m, va, vb)
        if va2 is None:
            return None
        va = _sensible(va, va2, vb)
    if _borrows(vb, va):
        vb2 = fx.borrowed(b.m, vb, va)
        if vb2 is None:
            return None
        vb = _sensible(vb, vb2, va)
    va, vb = _per_share_of_one(a, va, b, vb)
    lend_a, lend_b = _per(vb.unit, va.unit), _per(va.unit, vb.unit)
    if lend_a is not None:
        va = q.with_unit(va, va.unit * lend_a)
    elif lend_b is not None:
        vb = q.with_unit(vb, vb.unit * lend_b)
    return va, vb


def _share_twin(x: Fig, y: Fig) -> bool:
    """``x``, in a currency alone with no magnitude, is said in one statement with ``y``, per
    share in that currency (每股收益为66.25元，较上年的45.25元): ``x`` is per share too."""
    vx, vy = x.value, y.value
    return x.stmt is not None and x.stmt is y.stmt and vx.mag is None and vy.mag is None \
        and q.has_currency(vx.unit) and q.unit_text(vy.unit) == q.unit_text(vx.unit) + "/share"


def _per_share_of_one(a: Fig, va: q.Value, b: Fig, vb: q.Value) -> tuple[q.Value, q.Value]:
    """The values of two figures of one statement, one lent the other's per share (``_share_twin``)."""
    if _share_twin(a, b):
        return q.with_unit(va, vb.unit), vb
    if _share_twin(b, a):
        return va, q.with_unit(vb, va.unit)
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
        out += _respectively(s)
        out += _multiples(s)
        for st in s.stmts:
            _alternates(st)
            for f in st.figs:
                if f.role == "change":
                    out += _change(r, s, st, f)
                elif f.role == "level" and f.kind == "pts":
                    out += _gap(r, s, f)  # 出口增幅大于进口27.2个百分点: a gap said as a level
    return out


#: a figure multiplied in words: the cue key, and the growth it says in percent
MULTIPLES = (("double", 100), ("triple", 200), ("quadruple", 300), ("halve", -50))
#: how far a multiple in words may be from what it says: 'doubled' for ×1.9 to ×2.1
MULTIPLE_TOLERANCE = "10%"
_MORE_THAN = Lazy(r"^(?:more than|over|more|超过|超)", re.IGNORECASE)
_NEARLY = Lazy(r"^(?:almost|nearly|close to|近|接近)", re.IGNORECASE)


def _multiples(s: Sentence) -> list[Relation]:
    """'free cash flow nearly doubled to $600 million from $310 million', 由10亿元增至20亿元，
    实现翻番: a multiple in words (double, triple, halve; 翻番, 翻两番, 减半) with the two
    ends of its change, growth(from, to) ≈ +100% (within a tenth of it; 'nearly' at most,
    'more than' above)."""
    out: list[Relation] = []
    for _, pct, hit in _multiple_hits(s):
        ends = _multiple_ends(s, s.start + hit.start, s.start + hit.end)
        if ends is None:
            continue
        base, new = ends
        values = pair_values(base, new)
        if values is None or values[0].point <= 0:
            continue
        stated = q.exact(Fraction(pct), q.PERCENT)
        tol: str | None = MULTIPLE_TOLERANCE
        cmp = "≈"
        if _MORE_THAN.match(hit.phrase):
            cmp, tol = (">" if pct > 0 else "<"), None
        elif _NEARLY.match(hit.phrase):
            cmp, tol = ("<=" if pct > 0 else ">="), None
        at = Mention(s.start + hit.start, s.start + hit.end, hit.phrase, "number", stated)
        check = t.call("growth", t.num(values[0]), t.num(values[1]))
        out.append(Relation("growth", "multiple", check, t.num(stated), cmp, tol, (base.m, new.m), at,
                            s.start, s.end, (), True))
    return out


def _multiple_hits(s: Sentence) -> list[tuple[str, int, Hit]]:
    """Every multiple in words of the sentence: (its key, the growth it says, where it is)."""
    words = s.words()
    return [(key, pct, hit) for key, pct in MULTIPLES for hit in s.cues.find_all(words, key)]


def _multiple_ends(s: Sentence, a: int, z: int) -> tuple[Fig, Fig] | None:
    """The base and the new figure of the change a multiple in words says: the two amounts
    of one statement right after it ('doubled to $20 million from $10 million'), or right
    before it in its clause ('rose from $310 million to $600 million, nearly doubling';
    由10亿元增至20亿元，实现翻番); None unless both are there, of one measure."""
    after = [f for f in s.figs if f.start >= z][:2]
    before = [f for f in s.figs if f.end <= a][-2:]
    if after and _close_by(s.text[z : after[0].start]):
        ends = _base_and_new(after)
        if ends is not None:
            return ends
    if before and _close_by(s.text[before[-1].end : a]):
        return _base_and_new(before)
    return None


def _close_by(gap: str) -> bool:
    """Words between a multiple and its figures that keep them in one clause."""
    return len(gap) <= 40 and not any(ch.isdigit() for ch in gap) and not _SEMI.search(gap)


def _base_and_new(pair: list[Fig]) -> tuple[Fig, Fig] | None:
    """Two amounts of one statement, its base and its new figure, with no rate of change
    of their own beside them (that rate is what is checked then)."""
    roles = {f.role: f for f in pair}
    base, new = roles.get("base"), roles.get("new")
    if len(pair) != 2 or base is None or new is None or base.stmt is None or base.stmt is not new.stmt:
        return None
    if base.kind != "amt" or new.kind != "amt" or any(f.role == "change" for f in base.stmt.figs):
        return None
    return (base, new) if compatible(base, new) else None


def _alternates(st: Stmt) -> None:
    """", or 1.2%" after a change is the same change said again: a change of its sign."""
    for k, f in enumerate(st.figs):
        if f.role == "alt" and k and st.figs[k - 1].role == "change":
            prev = st.figs[k - 1]
            if prev.kind != f.kind:
                f.role, f.sign = "change", prev.sign


def _change(r: Reading, s: Sentence, st: Stmt, c: Fig) -> list[Relation]:
    if _driver(s, c):
        # 'primarily due to an increase of $29.9 million in …': one cause of the change, not the change; unless
        # the cause is said whole ('due to lower revenue by 29.4% to RM161.0 million from RM228.0 million')
        ends = _own_ends(st, c)
        return _bound(s, st, c, [ends[0]], [ends[1]]) if ends is not None else []
    special = _special_change(r, s, st, c)
    if special is not None:
        return special
    levels = "pct" if c.kind == "pts" or c.kind == "pct" and _percent_levels(st, c) else "amt"
    news, bases = _sides(r, s, st, c, levels)
    if not news:
        return []
    if not bases:
        bases = _table_prior(r, s, st, news) if levels == "amt" and len(news) == 1 else []
        if not bases:
            return _after_its_amount(s, st, c, news)
    bases = [b for b in bases if not _other_comparison(s, c, b)]
    return _bound(s, st, c, news, bases) if bases else []


def _other_comparison(s: Sentence, c: Fig, base: Fig) -> bool:
    """A change said against the same period a year before and a base said against the
    period just before (较上月销售额201.5亿元环比微增，比上年同期减少21.0%), or the other way
    round: the base is no base of that change."""
    said = [_comparison_said(s, _CLAUSE_END.split(f.before)[-1][-24:]) for f in (c, base)]
    return None not in said and said[0] != said[1]


def _comparison_said(s: Sentence, words: str) -> str | None:
    """'year' or 'sequential': the comparison the words say, None when neither or both."""
    yoy, seq = s.cues.pattern("year_on_year"), s.cues.pattern("sequential")
    found = {k for k, p in (("year", yoy), ("sequential", seq)) if p is not None and p.search(words)}
    return found.pop() if len(found) == 1 else None


def _table_prior(r: Reading, s: Sentence, st: Stmt, news: list[Fig]) -> list[Fig]:
    """The prior figure of the statement's measure in a table of the section whose periods
    stand in groups (the quarter's and the year's): the group whose current figure the text's
    new figure writes rounded ('revenues were $1.08 billion, a 6% increase' over a table of
    1,079.3 against 1,020.1 for the quarter, 4,334.5 against 3,745.8 for the year)."""
    # lazy: the table reader only for a draft with tables
    from factcheck.infer.grid import named_pairs

    new = news[0]
    found = {id(prior): prior for cur, prior in named_pairs(r, s.section)
             if same_measure(cur.measure, st.measure) and _writes_rounded(new, cur)}
    return list(found.values()) if len(found) == 1 else []


def _writes_rounded(text: Fig, cell: Fig) -> bool:
    """The text's figure is the table's cell rounded (1.08 billion for 1,079.3 million)."""
    values = pair_values(text, cell) if compatible(text, cell) else None
    if values is None:
        return False
    vt, vc = values
    lo, hi = vt.iv.lo, vt.iv.hi
    return lo is not None and hi is not None and lo <= vc.point <= hi


def _own_ends(st: Stmt, c: Fig) -> tuple[Fig, Fig] | None:
    """The new figure and the base a change names right after it, 'to' one and 'from' the
    other (in either order), or None."""
    k = st.figs.index(c)
    after = st.figs[k + 1 : k + 3]
    if len(after) < 2 or any(f.kind != after[0].kind for f in after):
        return None
    links = {f.link: f for f in after}
    if set(links) != {"to", "from"}:
        return None
    return links["to"], links["from"]


def _bound(s: Sentence, st: Stmt, c: Fig, news: list[Fig], bases: list[Fig]) -> list[Relation]:
    """The change between the likeliest new figure and base, the other pairings its alternatives."""
    certain = len(news) == 1 and len(bases) == 1 and (bases[0].owner is c or _one_change(st, c)) \
        and not _from_afar(s, news[0], bases[0])
    found = [rel for new in news for base in bases if (rel := _relation(s, c, base, new, certain)) is not None]
    if not found:
        return []
    first = found[0]
    others = tuple(Alt(x.check, x.stated, "binding") for x in found[1:])
    return [first._replace(alts=first.alts + others)]


def _from_afar(s: Sentence, new: Fig, base: Fig) -> bool:
    """Both ends of a change found in another paragraph ('…witnessed growth of 26.20 percent
    by' cut off from its figures, which the year's imports two paragraphs up then named): the
    measure's name found them, nothing binds them without doubt."""
    return not any(f.sent is not None and f.sent.scope == s.scope for f in (new, base))


def _driver(s: Sentence, c: Fig) -> bool:
    """A change said as a cause or an offset of another ('… primarily due to: an increase of
    $29.9 million', 'attributable to an increase of $244.2 million in proceeds', 'partially
    offset by a $2.1 million decrease', 主要由于…增加): the words before it in its sentence
    name one."""
    a = max(s.start, c.start - 160)
    causes = list(_CAUSE.finditer(s.text, a, c.start)) if _CAUSE.may_match(s.text[a : c.start]) else []
    # after a figure of its own (the change it explains) or a word that refers back to it ('The increase is
    # mainly attributable to …'): 'As a result of i) and ii) revenues increased by 41.5% from …' opens with
    # its cause, and its change is the sentence's own
    if not causes:
        return False
    at = causes[-1].start()
    if _restated(s, c, causes[-1].group(0), at):
        return False
    return any(f.end <= at for f in s.figs if f is not c) or s.cues.has(s.text[s.start : min(at, s.start + 40)], "back_ref")


def _restated(s: Sentence, c: Fig, cause: str, at: int) -> bool:
    """'sales totalled 41 425 units, reflecting an increase of 8 166 units': the level's own
    change said in a clause right after it, not a cause of it."""
    if not cause.lower().startswith("reflecting"):
        return False
    before = [f for f in s.figs if f.end <= at]
    return bool(before) and before[-1].stmt is c.stmt and not s.text[before[-1].end : at].strip(" ,")


#: the words that make what follows a cause or an offset of a change said before
_CAUSE = Lazy(r"(?i)\b(?:due to|driven by|attributable to|attributed to|as a result of|resulting from|because of|"
              r"offset by|reflect(?:s|ed|ing)? (?:an?|the) (?:increase|decrease|rise|decline)|mainly from|primarily from|"
              r"largely from|owing to)\b|主要由于|主要是由于|主要受|得益于|受益于|原因是|部分被|被.{0,12}抵消",
              needs=("due to", "driven by", "attributable to", "attributed to", "as a result of", "resulting from",
                     "because of", "offset by", "reflect", "mainly from", "primarily from", "largely from", "owing to",
                     "主要由于", "主要是由于", "主要受", "得益于", "受益于", "原因是", "部分被", "抵消"))


def _special_change(r: Reading, s: Sentence, st: Stmt, c: Fig) -> list[Relation] | None:
    """What a change that is not read between a new level and a base gives: none on
    another basis or in a list, an average over years, a gap in points; None for the others."""
    if _other_basis(s, st, c):
        return []
    if c.years:
        return _average(s, c)
    if compound(s, c):
        return []  # 年均增长4.22%, 'a compound annual growth rate of 12%': a rate a year, the cagr kind's
    if c.kind == "pts" and _gap(r, s, c):
        return _gap(r, s, c)
    if _listed(s, c):
        return []
    return None


def compound(s: Sentence, c: Fig) -> bool:
    """A rate said as the average a year over several (年均增长, 'compound annual growth rate'):
    the cagr kind's (ratios), never a plain growth's."""
    cue = s.cues.pattern("cagr")
    return c.kind == "pct" and cue is not None and bool(cue.search(s.text[max(s.start, c.start - 60) : c.start]))


def _after_its_amount(s: Sentence, st: Stmt, c: Fig, news: list[Fig]) -> list[Relation]:
    """A change in percent with no base, said again right after the same change as an
    amount ('$4.1 million, or 1.2%', '9.3百万港元或8.5%'): the base is the new less the amount."""
    k = c.i - 1
    while k > 0 and _bracketed(st.sent.figs[k]):
        k -= 1  # 增加293万吨（58.6亿斤），增长2.1%: the amount said again in other units, in brackets
    delta = _amount_of_change(st, c, k)
    if delta is None or c.before.strip() == "(" and news[0].stmt is not delta.stmt:
        return []  # 'Non-monetary gold fell $735m (34%)': its level is not given; the one before is another measure's
    if not compatible(delta, news[0]):
        news = _subject_past_counts(s, st, delta)
    return _with_delta(s, c, news, delta) if news else []


def _amount_of_change(st: Stmt, c: Fig, k: int) -> Fig | None:
    """The same change as an amount: the figure at ``k`` before the rate ('$4.1 million, or
    1.2%'), else right after it (上缴税金7654.3亿元，同比增长24%，比去年同期增加1481.8亿元)."""
    if c.kind != "pct":
        return None
    before = next((f for f in st.figs if f.i == k and f.role == "change" and f.kind == "amt" and _said_again(c, f)), None)
    return before or next((f for f in st.figs if f.i == c.i + 1 and f.role == "change" and f.kind == "amt"
                           and (_said_after(c, f) or f.link == "or")), None)  # 'up 31%, or $0.6 million'


def _said_after(c: Fig, delta: Fig) -> bool:
    """An amount right after a Chinese rate of change, the same change in amount: nothing
    between them but a comma, the period compared with, and a cue of the same direction
    (，比去年同期增加, ，增收)."""
    if c.sent is None or c.sent.lang != "zh" or delta.link not in ("rise", "fall") or c.sign != delta.sign:
        return False
    rest = delta.before.replace(delta.cue, "", 1) if delta.cue else delta.before
    return not _COMPARED_WITH_ZH.sub("", rest).strip(" ,，、")


#: the period a Chinese change is compared with, said before its cue: 比去年同期, 较上年, 同比
_COMPARED_WITH_ZH = Lazy(r"(?:同比|(?:比|较)(?:上年|去年|上一年|\d{4}年)(?:同期|同月|全年)?)")


def _subject_past_counts(s: Sentence, st: Stmt, delta: Fig) -> list[Fig]:
    """The sentence's amount a change of ``delta`` is of, when its own statement holds only a
    count (营收总计2兆7,629亿元，…，成长公司共478家，衰退公司共454家，较106年同期成长3,057亿元(12.44%)):
    the last subject before it of the change's unit, with nothing but counts between."""
    for earlier in reversed(s.stmts[: s.stmts.index(st)] if st in s.stmts else []):
        subject = _subject(earlier)
        if subject is not None and compatible(delta, subject):
            return [subject]
        if any(f.kind == "amt" and not q.is_count(f.value.unit) and f.value.unit is not q.PLAIN for f in earlier.figs):
            return []
    return []


def _sides(r: Reading, s: Sentence, st: Stmt, c: Fig, levels: str) -> tuple[list[Fig], list[Fig]]:
    """The new figures and the bases a change may be between, the likeliest first: its
    statement's, else the statement it refers back to, else a table's row of its measure."""
    news = _candidates(st, c, ("new",), levels) or _subject_levels(st, c, levels)
    bases = _bases(st, c, levels)
    if not news or not bases:
        more_news, more_bases = _earlier(r, s, st, c, levels)
        news = news or more_news
        bases = bases or more_bases
    if not news and not bases and levels == "amt" and st.measure:
        news, bases = _table_pair(r, s, st)  # 'R&D spending increased by $3.7 billion, or 14%' over a table of R&D
    if not news and not bases and levels == "amt":
        news, bases = _named_in_section(r, s, st, c)
    return news, bases


def _another_basis_said(s: Sentence, c: Fig) -> bool:
    """The sentence says its change is on another basis than the figures elsewhere ('On an
    adjusted basis, net sales increased 8%', 'Excluding a tax benefit, net income increased
    26 percent', 剔除…后): before the change, or in its clause after it (not 'down £122.6m,
    despite strong like-for-like food sales')."""
    words = s.text[s.start : c.end] + re.split(r"[,;，；。]", c.after)[0]
    return s.cues.has(words, "adjusted") or s.cues.has(words, "basis") or bool(_EXCLUDING.search(words))


_EXCLUDING = Lazy(r"(?i)\bexclud(?:ing|ed|es)\b|\bbefore (?:one-off|one-time|special|exceptional)|\bwithout\b|剔除|扣除|不含|除去|撇除")


def _says_measure(name: str, measure: str) -> bool:
    """Two statements' names say one measure: the same words, or the same words after a verb
    that says them ('Marks & Spencer has seen profit before tax', 'The retailer made profit
    before tax'); never with a qualifier before them ('cloud revenue', 'underlying profit
    before tax'), which names another measure."""
    if name == measure:
        return True
    a, b = name.split(), measure.split()
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    if k == 0:
        return False
    return all(not rest or rest[-1] in _SAYING for rest in (a[: len(a) - k], b[: len(b) - k]))


#: the verbs before a measure's name that say it and change nothing ('has seen profit before tax', 'said
#: its fourth-quarter profit'), and the period a name may hold (the spans of the two are compared apart)
_SAYING = frozenset("seen saw reported posted recorded booked delivered achieved had has have made earned generated "
                    "logged registered announced said says its their quarterly annual full-year fourth-quarter "
                    "third-quarter second-quarter first-quarter first-half second-half half-year".split())


def _named_in_section(r: Reading, s: Sentence, st: Stmt, c: Fig) -> tuple[list[Fig], list[Fig]]:
    """A change said in a story's opening with no figures, of a measure whose two figures a
    later (or earlier) paragraph of its section gives ('profit before tax down £122.6m on last
    year' … 'profit before tax of £658.0m (2011: £780.6m)'; 'a 14 percent increase in operating
    profit' … 'Operating profit rose to $528 million from $462 million'): the one statement of
    the section of that very measure (not 'underlying profit before tax') with one figure of
    the period and one base, of one span."""
    names = [x for x in (c.named, st.measure) if x]
    if not names or _another_basis_said(s, c):
        return [], []
    by_word = _statements_by_last_word(r, s.section)
    last = dict.fromkeys(n.split()[-1] for n in names)  # each statement once, though both names end alike
    found = [pair for w in last for t2, o in by_word.get(w, []) if t2 is not s
             if (pair := _money_pair(o, names)) is not None]
    if len(found) != 1:
        return [], []
    new, base = found[0]
    if len({span(r, x) for x in (c, new)} - {""}) > 1 or not _span_said(r, c, new):
        return [], []  # the quarter's change against the year's figures
    return [new], [base]


#: a span that adds up several periods, which a figure of one period never is
_CUMULATIVE = Lazy(r"year-?to-?date|months|half|full-?year|^h[12]$|累计|前|至")


def _span_said(r: Reading, c: Fig, new: Fig) -> bool:
    """A change said of a span ('Year-to-date, the deficit decreased $0.5 billion') takes
    figures from another paragraph only where that span is said of them too (not July's)."""
    said = span(r, c)
    if not said or not _CUMULATIVE.search(said) or span(r, new) == said or new.sent is None:
        return True  # a story's quarter ('fourth-quarter profit soared 33%') is its body's, said or not
    pattern = new.sent.cues.pattern("span_words")
    s = new.sent
    return pattern is not None and said in ("".join(x.lower().split()) for x in pattern.findall(s.text, s.start, s.end))


def _statements_by_last_word(r: Reading, section: int) -> dict[str, list[tuple[Sentence, Stmt]]]:
    """The section's named statements by the last word of their measure (two names that say
    one measure end with the same word), made once a reading: a long draft of one section
    asks it for every change with no figures of its own."""
    memo: dict[int, dict[str, list[tuple[Sentence, Stmt]]]] = r.memo.setdefault("relate.by_last_word", {})
    found = memo.get(section)
    if found is None:
        found = memo[section] = {}
        for t2 in r.sections.get(section, []):
            for o in t2.stmts:
                if o.measure:
                    found.setdefault(o.measure.split()[-1], []).append((t2, o))
    return found


def _money_pair(o: Stmt, names: list[str]) -> tuple[Fig, Fig] | None:
    """The statement's one amount of money of the period and its one base, when it is of one of ``names``."""
    if not o.measure or not any(_says_measure(n, o.measure) for n in names):
        return None
    money = [f for f in o.figs if f.kind == "amt" and q.has_currency(f.value.unit)]
    news = [f for f in money if f.role in ("new", "level") and f.period == "cur" and not _bracketed(f)]
    bases = [f for f in money if f.role == "base"]
    return (news[0], bases[0]) if len(news) == 1 and len(bases) == 1 else None


def _bases(st: Stmt, c: Fig, levels: str) -> list[Fig]:
    """A change's bases in its statement: its own, else those no other change owns."""
    bases = _candidates(st, c, ("base",), levels) or [
        f for f in _candidates(st, c, ("level",), levels) if f.period == "prior"]  # 上年底为611GW, 'last year's was'
    own = [b for b in bases if b.owner is c]
    return own if own or c.link == "than" else [b for b in bases if not _owned_by_other(b, c)]


def _respectively(s: Sentence) -> list[Relation]:
    """Pairs 'from Z to Y' (由Z增至Y) one after another, then as many changes listed
    'respectively' (分别): the changes go to the pairs in order."""
    if not s.cues.has(s.words(), "respectively"):
        return []
    listed = _pairs_then_changes(s.figs) or _runs_then_changes(s.figs)
    if listed is None:
        return []
    pairs, changes = listed
    sign = next((c.sign for c in changes if c.sign), 0)
    out = []
    for (base, new), c in zip(pairs, changes):
        c.sign = c.sign or sign
        rel = _relation(s, c, base, new, True)
        if rel is not None:
            out.append(rel._replace(rule="respectively"))
    return out


def _pairs_then_changes(figs: list[Fig]) -> tuple[list[tuple[Fig, Fig]], list[Fig]] | None:
    """The pairs (base, new) listed one after another, then the changes listed one after
    another, of one kind; None unless there are two pairs or more and as many changes."""
    pairs: list[tuple[Fig, Fig]] = []
    changes: list[Fig] = []
    for k, f in enumerate(figs):
        if f.role == "base" and k + 1 < len(figs) and figs[k + 1].role == "new" and not changes:
            pairs.append((f, figs[k + 1]))
        elif f.role == "change" and len(pairs) >= 2:
            if changes and (changes[-1].i != f.i - 1 or f.kind != changes[-1].kind):
                return None
            changes.append(f)
    if len(pairs) < 2 or len(changes) != len(pairs):
        return None
    return pairs, changes


def _runs_then_changes(figs: list[Fig]) -> tuple[list[tuple[Fig, Fig]], list[Fig]] | None:
    """N amounts of this period, then N of the last (the first of them a base: 较上年度之),
    then N changes of one kind (收入及溢利分别为A及B，较上年度之C及D分别减少x%及y%): each
    change of the amounts in its place; None for any other run."""
    amounts = [f for f in figs if f.kind == "amt"]
    changes = [f for f in figs if f.role == "change"]
    n = len(changes)
    if n < 2 or len(amounts) != 2 * n or any(f.kind != changes[0].kind for f in changes):
        return None
    news, bases = amounts[:n], amounts[n:]
    if not _this_then_last(news, bases) or not all(f.i < changes[0].i for f in amounts):
        return None
    return list(zip(bases, news, strict=True)), changes


def _this_then_last(news: list[Fig], bases: list[Fig]) -> bool:
    """Amounts of this period, then as many of the last, the first of which says so."""
    return bases[0].role == "base" and all(f.role in ("level", "new") for f in news) \
        and all(f.role in ("level", "base") for f in bases)


def _other_basis(s: Sentence, st: Stmt, c: Fig) -> bool:
    """A change on another basis than its figures (like-for-like, constant currency,
    按可比价格计算): statistics offices and retailers print such rates beside nominal,
    reported levels; no check is made across bases."""
    # the change opens its statement: its subject's words, less a basis that names the measure ('Underlying
    # profit before tax up 9% to £585.5m (2014: £535.7m)': every figure of it is underlying)
    before = _BASIS_IN_NAME.sub(" ", c.before) if st.figs and st.figs[0] is c else c.before[-60:]
    per_share = s.cues.pattern("per_share_after")
    return s.cues.has(before + " " + c.after[:30], "basis") or per_share is not None and bool(per_share.match(c.after))


#: a basis that names the subject's measure, whose levels are said on it too ('Underlying profit',
#: 'headline earnings'): not a rate on another basis than its figures
_BASIS_IN_NAME = Lazy(r"(?i)(?:^|(?<=[\s(,;:•-]))(?:underlying|headline)\s+(?!basis\b)(?=[a-z])")


def _average(s: Sentence, c: Fig) -> list[Relation]:
    """比2019年增长41.3%，两年平均增长18.9%: the cumulative change just before, compounded
    over the years: cagr(1, 1 + 41.3%, 2) ≈ 18.9%."""
    before = [f for f in s.figs[: c.i] if f.role == "change" and f.kind == "pct" and not f.years]
    if not before or before[-1].i != c.i - 1 or c.kind != "pct":
        return []
    total = before[-1]
    # the cumulative change is against a year named before it in its sentence (比2019年, 与2019年
    # 同期相比 at the sentence's start, its parts after 其中), and no 同比 after that year
    head = s.text[s.start : total.start]
    year = None
    for year in re.finditer(r"(?:19|20)\d{2}", head):
        pass
    if year is None or re.search(r"同比|按年|上年|去年|year[- ]on[- ]year|a year earlier|previous year|prior year",
                                 head[year.end() :]):  # 2021年…比上年增长12.5%，两年平均: the year is the current one
        return []
    cum = stated_of(total, total.sign or 1)
    one = q.exact(Fraction(1))
    check = t.call("cagr", t.num(one), t.plus(t.num(one), t.num(cum)), t.num(q.exact(Fraction(c.years))))
    sign = c.sign or (1 if cum.point >= 0 else -1)
    cmp, tol = comparison(c, sign)
    return [Relation("cagr", "average-years", check, t.num(stated_of(c, sign)), cmp, tol, (total.m, c.m), c.m,
                     s.start, s.end, (), c.explicit)]


#: 出口增幅大于进口27.2个百分点, 增速高于整体近5个百分点: the two names either side of the comparison
_GAP_ZH = Lazy(r"([^，,。；;\d%]{0,12}?)(?:增幅|增速|涨幅|降幅)?(大于|高于|快于|超过|领先|小于|低于|慢于|落后|比)"
                     r"([^，,。；;\d%]{1,12}?)(?:增幅|增速|涨幅|降幅)?(?:快|高|多|低|慢|少)?(?:约|近|了)?\s*$")


def _gap(r: Reading, s: Sentence, c: Fig) -> list[Relation]:
    """A gap between two growth rates, in points: each rate the change of the statement
    named on its side, in the paragraph."""
    if s.lang != "zh":
        return []
    listed = _listed_gaps(r, s, c)
    if listed:
        return listed
    sides = _bracketed_gap(s, c) or _named_gap(r, s, c)
    if sides is None:
        return []
    a, b, sign = sides
    va, vb = stated_of(a, a.sign or 1), stated_of(b, b.sign or 1)
    check = t.call("change", t.num(vb), t.num(va))
    cmp, tol = comparison(c, sign)
    return [Relation("change", "rate-gap", check, t.num(stated_of(c, sign)), cmp, tol, (a.m, b.m, c.m), c.m,
                     s.start, s.end, (), True)]


def _listed_gaps(r: Reading, s: Sentence, c: Fig) -> list[Relation]:
    """高技术产业和装备制造业增加值分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和3.1个百分点:
    as many gaps listed 分别 as rates listed before them, each gap its rate's over the one
    rate named after 比 (a bare gap in the list is in the points of the last)."""
    gaps = _gap_list(s, c)
    lead = s.text[s.start : gaps[0].start]
    if len(gaps) < 2 or "分别" not in lead[-16:]:
        return []
    found = _GAP_ZH.search(lead.replace("分别", ""))
    own = _own_rates(s, gaps)
    if found is None or found.group(1).strip() or not own:
        return []
    b = _rate_of(r, s, c, found.group(3))
    if b is None or b in own:
        return []
    sign = -1 if found.group(2) in ("小于", "低于", "慢于", "落后") else 1
    return [_listed_gap(s, a, b, g, q.with_unit(g.value, c.value.unit), sign) for a, g in zip(own, gaps)]


def _own_rates(s: Sentence, gaps: list[Fig]) -> list[Fig]:
    """The rates listed before the gaps, as many as they are, of one statement (or none)."""
    own = [f for f in s.figs[: gaps[0].i] if f.kind == "pct" and f.role == "change" and not f.years][-len(gaps) :]
    return own if len(own) == len(gaps) and len({f.stmt for f in own}) == 1 else []


def _gap_list(s: Sentence, c: Fig) -> list[Fig]:
    """The gap ``c`` and the bare figures listed right before it (4.6和3.1个百分点)."""
    gaps = [c]
    while gaps[0].i and _joined(s, s.figs[gaps[0].i - 1], gaps[0]) and q.is_plain(s.figs[gaps[0].i - 1].value.unit):
        gaps.insert(0, s.figs[gaps[0].i - 1])
    return gaps


def _listed_gap(s: Sentence, a: Fig, b: Fig, g: Fig, stated: q.Value, sign: int) -> Relation:
    check = t.call("change", t.num(stated_of(b, b.sign or 1)), t.num(stated_of(a, a.sign or 1)))
    cmp, tol = comparison(g, sign)
    return Relation("change", "rate-gap", check, t.num(q.neg(stated) if sign < 0 else stated), cmp, tol,
                    (a.m, b.m, g.m), g.m, s.start, s.end, (), True)


def _joined(s: Sentence, a: Fig, b: Fig) -> bool:
    """Two figures one after another in a list: only 和, 及, 与 or 、 between them."""
    return s.text[a.end : b.start].strip() in ("和", "及", "与", "、", ",", "，")


#: the region a Chinese name of a rate opens with, which a statement's name leaves to its subject
_SCOPE_ZH = Lazy(r"^(?:全市|全省|全国|全区|全县|本市|本省|全体)(?=..)")


def _named_gap(r: Reading, s: Sentence, c: Fig) -> tuple[Fig, Fig, int] | None:
    """出口增幅大于进口27.2个百分点: each side's rate by its name; with no name before the
    comparison (高技术产业增加值增长10.6%，快于规模以上工业4.6个百分点), the statement's own rate."""
    found = _GAP_ZH.search(c.before)
    if found is None:
        return None
    a_name, word, b_name = found.group(1), found.group(2), found.group(3)
    a = _rate_of(r, s, c, a_name) if a_name.strip() else _own_rate(s, c)
    b = _rate_of(r, s, c, b_name, a)
    if a is None or b is None or a is b:
        return None
    return a, b, -1 if word in ("小于", "低于", "慢于", "落后") else 1


def _bracketed_gap(s: Sentence, c: Fig) -> tuple[Fig, Fig, int] | None:
    """生产总值增长8.4%，比全省（7.7%）高0.7个百分点: the other side's rate in brackets right
    before the gap, the statement's own rate before that."""
    if not c.i:
        return None
    b = s.figs[c.i - 1]
    after = _AFTER_BRACKET.match(c.before)
    if b.kind != "pct" or after is None or not _BEFORE_BRACKET.search(b.before):
        return None
    a = _own_rate(s, b)
    if a is None:
        return None
    return a, b, -1 if after.group(1) in ("低", "慢", "少") else 1


#: '比全省（' before the other side's rate, '）高' between it and the gap
_BEFORE_BRACKET = Lazy(r"(?:比|较|高于|快于|低于|慢于)[^，,。；;\d%]{1,12}[（(]\s*$")
_AFTER_BRACKET = Lazy(r"^\s*[）)]\s*(?:增速|增幅)?(高|快|多|低|慢|少)(?:出)?(?:约|近|了)?\s*$")


def _own_rate(s: Sentence, c: Fig) -> Fig | None:
    """The growth rate of the figure's statement said before it (增长10.6%), the last one."""
    rates = [f for f in s.figs[: c.i] if f.role == "change" and f.kind == "pct" and not f.years]
    return rates[-1] if rates else None


def _rate_of(r: Reading, s: Sentence, c: Fig, name: str, other: Fig | None = None) -> Fig | None:
    """The growth rate of the statement named ``name`` (出口: 增长23.2%), nearest first: in
    the sentence, the sentences before it in the paragraph, then those after; a statement
    named exactly so before one whose name ends so (进口, not 服务进出口); a short name by the
    full name it stands for (投资: 固定资产投资). Never ``other``, the other side's rate."""
    key = _SCOPE_ZH.sub("", measure_key(name.strip()))  # 全市生产总值 is the statement of 生产总值 (全市 said before it)
    if not key:
        return None
    key = s.cues.short_names().get(key, key)
    scope = r.scopes.get(s.scope, [])
    k = next((i for i, t2 in enumerate(scope) if t2 is s), len(scope))
    for t2 in [s, *scope[:k][::-1], *scope[k + 1 :]]:
        for exact in (True, False):
            found = _of_its_span(r, c, [f for f in _named_rates(t2, key, c, exact) if f is not other])
            if found:
                return found[0] if len({f.value.point for f in found}) == 1 else None
    return None


def _of_its_span(r: Reading, c: Fig, found: list[Fig]) -> list[Fig]:
    """Of rates of two values, those of the span ``c`` names (11月份 … 1—11月: the month's
    rate for the month's gap), if any."""
    if len({f.value.point for f in found}) > 1:
        return [f for f in found if span(r, f) == span(r, c)] or found
    return found


def _named_rates(t2: Sentence, key: str, c: Fig, exact: bool) -> list[Fig]:
    """The first growth rate (other than ``c``) of each statement of a sentence whose
    measure is ``key`` (``exact``), or else ends with it, or is it with its measure word
    left out (快于规模以上工业 of 规模以上工业增加值)."""
    found = []
    for st in t2.stmts:
        measure = _SCOPE_ZH.sub("", st.measure)
        if measure == key if exact else (_ends_or_heads(measure, key) and len(key) >= 2 and measure != key):
            rates = [f for f in st.figs if f.role == "change" and f.kind == "pct" and not f.years and f is not c]
            found += rates[:1]
    return found


def _ends_or_heads(measure: str, key: str) -> bool:
    return measure.endswith(key) or measure.startswith(key) and measure[len(key) :] in _MEASURE_WORDS_ZH


#: the measure words a Chinese name of a rate leaves out (规模以上工业 for 规模以上工业增加值)
_MEASURE_WORDS_ZH = frozenset({"增加值", "生产总值", "产值", "营业收入", "收入", "利润", "投资", "零售额", "销售额"})


def _percent_levels(st: Stmt, c: Fig) -> bool:
    """A percent change between two percentages ('rose 2.1% to 84.8% from 82.7%'): the
    statement's figures are percentages, with no amount among them (保费为1218.4亿元，同比
    下降1.5%，占比由47.9%降至44.4%: the 1.5% is the amount's change)."""
    others = [f for f in st.figs if f is not c and f.role in ("new", "base", "level", "share")]
    return bool(others) and all(f.kind == "pct" for f in others)


#: approximations that make a figure a threshold, not a value to compute with
_THRESHOLDS = frozenset({"over", "under", "at_least", "nearly"})


def _candidates(st: Stmt, c: Fig, roles: tuple[str, ...], levels: str) -> list[Fig]:
    out = [f for f in st.figs if f is not c and f.role in roles and _level_kind(f) == levels and not _owned_by_other(f, c)
           and f.approx not in _THRESHOLDS and not _bracketed(f)]  # '首次突破10万亿元', 'more than $5 billion': a threshold, no figure to compute with
    # the nearest to the change first
    return sorted(out, key=lambda f: abs(f.i - c.i))


def _owned_by_other(f: Fig, c: Fig) -> bool:
    """A base that belongs to another change of the same kind (two rates in one statement);
    an amount and a rate said of one change ('增加13.5亿元，增长18.5%') share theirs."""
    o = f.owner
    return o is not None and o is not c and o.role == "change" and (o.kind == c.kind or o.link == "than")


def _level_kind(f: Fig) -> str:
    return "pct" if f.kind == "pct" else "amt" if f.kind == "amt" else "pts"


def _subject_levels(st: Stmt, c: Fig, levels: str) -> list[Fig]:
    """The statement's own figure when no 'to' names the new one: 'Revenue was $5bn, up
    10% from $4.5bn'; the one level of the current period, before the change or right after it."""
    found = _current_levels(st, c, levels)
    before = [f for f in found if f.i < c.i]
    if before:
        return [before[-1]]
    rates = [f for f in st.figs if f.i < c.i and f.role == "change" and f.kind == "pct" and not f.years]
    if c.kind == "pts" and rates:
        return rates[-1:]  # 增加值同比增长11.9%，…较去年同期（-2.2%）上升14.1个百分点: this year's rate against last year's
    return [f for f in found if f.i == c.i + 1 and not (f.role == "share" and f.whole)]  # 占…的比重达81.7% is another measure


def _current_levels(st: Stmt, c: Fig, levels: str) -> list[Fig]:
    """The statement's levels (or shares, of percentages) of the current period, each a
    value to compute with (no threshold)."""
    roles = ("level", "share") if levels == "pct" else ("level",)  # 综合毛利率为32.5%，较上年同期的35.1%下滑2.6个百分点
    return [f for f in st.figs if f is not c and f.role in roles and f.period == "cur" and _level_kind(f) == levels
            and f.approx not in _THRESHOLDS and not _bracketed(f)]


def _one_change(st: Stmt, c: Fig) -> bool:
    """No other change of the same kind in the statement (two rates would need telling apart)."""
    return not any(f is not c and f.role == "change" and f.kind == c.kind for f in st.figs)


def _listed(s: Sentence, c: Fig) -> bool:
    """A change that is one of a list ('up 5.7% and 6.6% respectively', 分别增长5.7%和6.6%,
    均下调25个基点，分别降至…): the changes go to their pairs in order, which the
    'respectively' rule reads; here it says nothing."""
    c_ = s.cues
    stmt = c.stmt.figs if c.stmt is not None else [c]
    around = c.before[-12:] + "".join(f.before for f in stmt if f.i > c.i) + stmt[-1].after[:24]
    if c_.has(around, "respectively"):
        return True
    nxt = s.figs[c.i + 1] if c.i + 1 < len(s.figs) else None
    return nxt is not None and nxt.kind == c.kind and nxt.before.strip(" ,，、") in ("and", "和", "与", "及", "")


def _earlier(r: Reading, s: Sentence, st: Stmt, c: Fig, levels: str) -> tuple[list[Fig], list[Fig]]:
    """The new figure a statement lacks, from the statement before it in its scope, when
    the text refers back to it ('That was up 9% from …', 该…): never a base, which is
    too easily another period's, unless that statement names the change's measure."""
    if not _refers_back(st, c):
        return _named_before(r, s, st, levels), []
    before = _statements_before(r, s, st)
    if not before:
        return [], []
    named = next((o for o in reversed(before) if _names_again(st.measure, o.measure)), None)
    if named is not None:
        news, bases = _level_and_base(named, levels)
        if len(news) == 1 and len(bases) == 1:
            return news, bases  # 'Net sales were X, compared to Y. … The $Z, or P%, increase in net sales': both, by name
    news = [f for f in before[-1].figs if f.role in ("new", "level") and f.period == "cur" and _level_kind(f) == levels]
    return _news_of(st, c, news), []


def _named_before(r: Reading, s: Sentence, st: Stmt, levels: str) -> list[Fig]:
    """The new figure of a statement that has its base ('exports rose 17.58% from $92.5
    billion') in the last statement before it in its scope that names its measure ('The
    period saw exports of $108.79 billion'): that statement's one figure of the period."""
    if not st.measure or not any(f.role == "base" for f in st.figs):
        return []
    named = next((o for o in reversed(_statements_before(r, s, st)) if same_measure(st.measure, o.measure)), None)
    if named is None:
        return []
    news, _ = _level_and_base(named, levels)
    news = [f for f in news if f.role in ("new", "level") and f.period == "cur"]
    return news if len(news) == 1 else []


def _news_of(st: Stmt, c: Fig, news: list[Fig]) -> list[Fig]:
    """Of the statement-before's figures, the change's new one: the one named as its base is
    named after it ('$122 million in net income on $1.256 billion in revenue. That represents
    a 42% increase over the $86 million in net income'); else all of them, the last first
    (none certain); the one when there is one."""
    if len(news) <= 1:
        return news
    named_after = _named_after_it(st, c)
    same = [f for f in news if named_after and _named_after_it_as(f, named_after)]
    return same if len(same) == 1 else news[::-1]


_IN_NAME = Lazy(r"^\s*(?:in|of)\s+([a-z][a-z' -]{2,40}?)(?=[,;.]|\s+(?:on|for|and|in|generated|from)\b|$)", re.IGNORECASE)


def _named_after_it(st: Stmt, c: Fig) -> str:
    """The measure a statement's base names right after it ('the $86 million in net income')."""
    base = next((f for f in st.figs if f.i > c.i and f.kind == "amt"), None)  # the change's own, right after it
    if base is None:
        return ""
    m = _IN_NAME.match(base.after)
    return m.group(1).strip().lower() if m else ""


def _named_after_it_as(f: Fig, name: str) -> bool:
    m = _IN_NAME.match(f.after)
    return m is not None and m.group(1).strip().lower() == name


def _refers_back(st: Stmt, c: Fig) -> bool:
    """The statement refers back ('That was up 9%') and has no figure of its own before the change."""
    return st.backref and (st.figs[0] is c or not any(f.role in ("new", "level") for f in st.figs if f.i < c.i))


def _statements_before(r: Reading, s: Sentence, st: Stmt) -> list[Stmt]:
    """The statements of the scope before ``st``, in order."""
    before: list[Stmt] = []
    for t2 in r.scopes.get(s.scope, []):
        if t2 is s:
            return before + [o for o in t2.stmts if o.n < st.n]
        before += t2.stmts
    return before


def _level_and_base(o: Stmt, levels: str) -> tuple[list[Fig], list[Fig]]:
    """A statement's figures of the period and its bases, of the kind ``levels``; amounts of
    money only where it has any ('for the three fiscal quarters': a count is none of them)."""
    money = any(q.has_currency(f.value.unit) for f in o.figs)
    kept = [f for f in o.figs if _level_kind(f) == levels and (not money or q.has_currency(f.value.unit))]
    news = [f for f in kept if f.role in ("new", "level") and f.period == "cur"]
    return news, [f for f in kept if f.role == "base" and f.period == "prior"]


def _names_again(noun: str, earlier: str) -> bool:
    """A change's measure, as its noun says it ('increase in cost of sales followed …'), is
    the earlier statement's ('cost of sales'; 'net sales net sales' after a run-in heading):
    the same, or one of them opening the other by two words at least."""
    if not noun or not earlier:
        return False
    if same_measure(noun, earlier):
        return True
    words = earlier.split()
    for n in range(len(words), 1, -1):
        tail = " ".join(words[-n:])
        if noun == tail or noun.startswith(tail + " "):
            return True
    return len(words) == 1 and noun.startswith(earlier + " ") and len(earlier) >= 6


def _loss_named(f: Fig) -> bool:
    """A figure said to be a loss ('$9.0 million of operating loss', 'a net loss of', 亏损)."""
    return bool(_LOSS_AFTER.match(f.after) or _LOSS_BEFORE.search(f.before[-24:]))


_LOSS_AFTER = Lazy(r"(?i)^\s*(?:of\s+)?(?:an?\s+)?(?:operating\s+|net\s+|pre-?tax\s+)?loss(?:es)?\b")
_LOSS_BEFORE = Lazy(r"(?i)\bloss(?:es)?\s+(?:of\s+)?$|亏损|净亏|亏$")


def _relation(s: Sentence, c: Fig, base: Fig, new: Fig, certain: bool) -> Relation | None:
    if not compatible(base, new) or not _base_year_fits(s, base, new):
        return None
    values = pair_values(base, new)
    if values is None:
        return None
    vb, vn = values
    sign = c.sign or value_sign(vb, vn)
    if sign == 0:
        return None
    check: Node
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
    stated = stated_of(c, sign) if kind != "difference" else _amount_stated(c, new, vn, sign)
    if stated is None:
        return None
    cmp, tol = comparison(c, sign)
    alts = _conventions(kind, check, stated, vb, vn) + _square_negatives(kind, base, new, vb, vn, stated)
    mixed = _loss_named(base) != _loss_named(new)  # from a loss to a profit: which sign each has, the words only hint
    return Relation(kind, f"{kind}-by-role", check, t.num(stated), cmp, tol, (base.m, new.m, c.m), c.m,
                    s.start, s.end, alts, certain and c.explicit and not mixed)


def _amount_stated(c: Fig, new: Fig, vn: q.Value, sign: int) -> q.Value | None:
    """The change in amount a text states, in the unit of the figures it is between ('a
    decline of 3 583 units … compared to the 23 029 vehicles': vehicles)."""
    pv = pair_values(c, new)
    if pv is None:
        return None
    said = pv[0]
    if q.is_plain(said.unit) and q.is_count(vn.unit):
        said = q.with_unit(said, vn.unit)
    return stated_of(_with_value(c, said), sign)


_BASE_YEAR = Lazy(r"(\d{4})年(?:同期|全年|末|底)?为\s*$")


def _base_year_fits(s: Sentence, base: Fig, new: Fig) -> bool:
    """A base given by its year (…，2023年为7.46亿元) is the year before the new figure's,
    and the sentence says that year: 毛利率为34.6%，同比提升1.7个百分点，2022年为31.5% has no
    base for its 同比 (2023's is not given)."""
    found = _BASE_YEAR.search(base.before)
    if found is None:
        return True
    years = [m.value for m in s.all if m.kind == "year" and m.value is not None and m.end <= new.start]
    return bool(years) and int(years[-1].point) == int(found.group(1)) + 1


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


def _square_negatives(kind: str, base: Fig, new: Fig, vb: q.Value, vn: q.Value, stated: q.Value) -> tuple[Alt, ...]:
    """A figure in square brackets may be negative ('[180.563m] vs. 611.779m -129.514%': an
    overdraft against cash): the reading with it so keeps a failure silent."""
    nb, nn = _in_square(base), _in_square(new)
    if kind == "change" or not (nb or nn):
        return ()
    vb2, vn2 = (q.neg(vb) if nb else vb), (q.neg(vn) if nn else vn)
    check = t.call("growth", t.num(vb2), t.num(vn2)) if kind == "growth" else t.minus(t.num(vn2), t.num(vb2))
    return (Alt(check, t.num(stated), "convention"),)


def _in_square(f: Fig) -> bool:
    return f.before.rstrip().endswith("[") and f.after.lstrip().startswith("]")


def _digits(v: q.Value) -> str:
    text = q.written(q.Value(abs(v.point), v.iv, q.PLAIN, None) if v.point < 0 else q.Value(v.point, v.iv, q.PLAIN, None))
    return text.lstrip("-") or "0"


#: a Chinese measure word right after an amount, before the clause ends (斤，万吨，千瓦时，)
_UNIT_AFTER_ZH = Lazy(r"^[\u4e00-\u9fff]{1,3}(?=\s*[，,、;；])|^[\u4e00-\u9fff]{1,2}\s*$")  # 增产2.37万吨增幅1.40%: 吨


#: the end of a bracket the figure before closes ('亿斤），'): an aside of the amount
_BRACKET_REST = Lazy(r"^[^，,、;；()（）]{0,6}[)）]")


def _bracketed(f: Fig) -> bool:
    """A figure in brackets right after another ('14174万吨（2835亿斤）'): the same said in other
    units; not a prior period's in brackets ('4,512 (4,108)'), which its role says is a base."""
    if f.role == "base":
        return False
    return f.before.rstrip().endswith(("(", "（")) and f.after.lstrip()[:1] in (")", "）") or \
        bool(_BRACKET_REST.match(f.after)) and f.before.rstrip().endswith(("(", "（"))


def _said_again(c: Fig, delta: Fig) -> bool:
    """A rate right after the amount of one change ('$4.1 million, or 1.2%', '9.3百万港元或8.5%',
    '衰退3,276億元、年減10.12%'): nothing between them but 'or', a separator, or a cue of the
    same direction."""
    if c.link == "or" or not c.before.strip(" ,，"):
        return True
    rest = c.before.replace(c.cue, "", 1) if c.cue else c.before
    rest = _UNIT_AFTER_ZH.sub("", _BRACKET_REST.sub("", rest))  # 增加267亿斤，增长2.0%: 斤 is the amount's unit
    same = not c.sign or not delta.sign or c.sign == delta.sign
    # 增77.5亿美元或年增65.2%; 'increased by €3,565 million (+7%) to'
    return c.link in ("rise", "fall", "sign_up", "sign_down") and same and not rest.strip(" ,，、;；或(（")


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
    # the amount as a share of the base, each figure written once: growth(new − amount, new) writes the
    # new figure twice, and its rounding then counts twice (a bound twice as loose as the figures allow)
    check = t.call("share", t.num(vd) if sign > 0 else t.num(q.neg(vd)), base)
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
                elif f.role == "base" and f.kind == "pct" and f.owner is not None and f.owner.role == "share":
                    rel = _prior_share(r, s, st, f)  # 'a margin of 12.0% (12.3)': last year's, of last year's
                    if rel is not None:
                        out.append(rel)
                elif f.kind == "pct" and s.lang == "zh" and _TARGET_DONE_ZH.search(f.before):
                    rel = _target_done(r, s, f)
                    if rel is not None:
                        out.append(rel)
    return out


#: the share of a target done: 完成上述目标的51.75%, 完成全年销售计划的, 达成年度目标的
_TARGET_DONE_ZH = Lazy(r"(?:完成|达成|实现)了?[^，,。；;\d%]{0,10}?(?:目标|计划|任务)的?(?:比例)?(?:为|达)?\s*$", cjk=True)
#: a target's name: 年度销售目标, 全年计划
_TARGET_NAME_ZH = Lazy(r"(?:目标|计划|任务)(?:金额|额|数)?$")
#: the period words a target's name ends with before what it is a target of (财政收入 of 今年财政收入计划)
_TARGET_PERIOD_ZH = Lazy(r"(?:年度|全年|年初|今年|本年|上述)+$")


def _names_target(f: Fig) -> bool:
    return f.stmt is not None and bool(_TARGET_NAME_ZH.search(f.stmt.measure))


def _reached(f: Fig, target: Fig) -> bool:
    """An amount of this period, of the target's unit and below it, named as what the target
    is of (年度销售目标: a 销售 amount): what has been done of it."""
    if not (f.period == "cur" and f.role in ("level", "new") and compatible(f, target) and _smaller(f, target)):
        return False
    kind = _TARGET_PERIOD_ZH.sub("", _TARGET_NAME_ZH.sub("", target.stmt.measure if target.stmt else ""))[-2:]
    return not kind or f.stmt is not None and kind in f.stmt.measure


def _target_done(r: Reading, s: Sentence, p: Fig) -> Relation | None:
    """完成上述目标的51.75%: the share of the target said before it in its paragraph (年度销售目标
    2600亿元) that the amount of its kind said before it has reached (累计合同销售金额1345.53亿元);
    certain where one such amount is said."""
    before = [f for t2 in r.scopes.get(s.scope, []) for f in t2.figs if f.end <= p.start and f.kind == "amt"]
    targets = [f for f in before if _names_target(f)]
    if not targets:
        return None
    whole = targets[-1]
    parts = [f for f in reversed(before) if not _names_target(f) and _reached(f, whole)]
    found = [check for part in parts for check in _share_checks(part, [whole])]
    if not found:
        return None
    cmp, tol = comparison(p, 1)
    alts = tuple(Alt(x, t.num(p.value), "binding") for x in found[1:])
    return Relation("share", "share-by-role", found[0], t.num(p.value), cmp, tol, (parts[0].m, whole.m, p.m), p.m,
                    s.start, s.end, alts, len(found) == 1)


def _prior_share(r: Reading, s: Sentence, st: Stmt, p: Fig) -> Relation | None:
    """The share a bracketed prior figure states: of the prior figures of its part and whole."""
    share = p.owner
    assert share is not None
    part_now = _part(st, share)
    if part_now is None or not share.whole:
        return None
    part = next((f for f in st.figs if f.role == "base" and f.kind == "amt" and f.i == part_now.i + 1), None)
    wholes = named_whole(r, s, share, part_now)
    if part is None or not wholes:
        return None
    prior = _prior_amounts(wholes[0])
    if len(prior) != 1:
        return None
    values = pair_values(part, prior[0])
    if values is None or values[1].point == 0:
        return None
    check = t.call("share", t.num(values[0]), t.num(values[1]))
    return Relation("share", "share-by-role", check, t.num(p.value), "≈", None, (part.m, prior[0].m, p.m), p.m,
                    s.start, s.end, (), p.explicit)


def _prior_amounts(w: Fig) -> list[Fig]:
    """The bases (amounts) of the statement of figure ``w``: its prior figures."""
    return [f for f in w.stmt.figs if f.role == "base" and f.kind == "amt"] if w.stmt is not None else []


def _share(r: Reading, s: Sentence, st: Stmt, p: Fig) -> Relation | None:
    explicit = [p.owner] if p.owner is not None and p.owner.role == "whole" else _explicit_whole(s, p)
    part = _respective(s, st, p) or _share_part(r, s, st, p, explicit)
    if part is None or _margin_of_no_profit(p, part) or _across_subjects(s, part, p):
        return None
    if not explicit and (not p.whole or _refers(p) and not _VALUE_REFERRED.match(p.whole)):
        # 内贸箱量1,390万标箱，占比36.0% after …占全港吞吐量的64.0%; 'or 4% of the total' after '17% of total revenue'
        p.whole = _sibling_whole(r, s, p) or p.whole
    wholes, bound = _share_wholes(r, s, p, part, explicit)
    wholes = _fitting([w for w in wholes if not _own_past(w, part)], part, bool(explicit), p.whole)
    return _share_relation(r, s, p, part, wholes, bound) if wholes else None


def _respective(s: Sentence, st: Stmt, p: Fig) -> Fig | None:
    """The part of a share listed 'respectively' with another (its whole named by the last), or None."""
    found = _respective_part(s, st, p)
    if found is None:
        return None
    p.whole = p.whole or found[1]
    return found[0]


def _respective_part(s: Sentence, st: Stmt, p: Fig) -> tuple[Fig, str] | None:
    """'$23.9 million … compared to $26.2 million …, representing 70.0% and 74.5% of revenues,
    respectively': shares listed together, each of the statement's amount in its place (this
    year's, then last year's), and all of the whole the last one names."""
    shares = [f for f in st.figs if f.role == "share" and f.kind == "pct"]
    if len(shares) != 2 or p not in shares or shares[1].i != shares[0].i + 1 or not shares[1].whole:
        return None
    amounts = _this_and_last(st, shares[0])
    if amounts is None or not s.cues.has(s.text[shares[1].end : s.end][:80], "respectively"):
        return None
    return amounts[shares.index(p)], shares[1].whole


def _this_and_last(st: Stmt, before: Fig) -> list[Fig] | None:
    """The statement's two amounts before figure ``before``, this period's and the last's, in order."""
    amounts = [f for f in st.figs if f.kind == "amt" and f.role in ("level", "new", "base") and f.i < before.i]
    return amounts if len(amounts) == 2 and {a.period for a in amounts} == {"cur", "prior"} else None


#: a whole referred to as a figure said just before ('Of this value,', 'of that amount'), not as a measure a sibling names
_VALUE_REFERRED = Lazy(r"^(?:this|that) (?:value|amount|figure|sum)$")


def _share_relation(r: Reading, s: Sentence, p: Fig, part: Fig, wholes: list[Fig], bound: bool) -> Relation | None:
    """share(part, whole) ≈ p over the likeliest whole, the others (and a margin's other
    profits) its alternatives; certain when the binding is unique and said."""
    found = _share_checks(part, wholes)
    if not found:
        return None
    cmp, tol = comparison(p, 1)
    rivals = [x for other in _margin_rivals(r, s, p, part) for x in _share_checks(other, wholes[:1])]
    alts = tuple(Alt(x, t.num(p.value), "binding") for x in found[1:] + rivals)
    exact = bound or _named_exactly(r, s, p, part, wholes[0])
    return Relation("share", "share-by-role", found[0], t.num(p.value), cmp, tol, (part.m, wholes[0].m, p.m), p.m,
                    s.start, s.end, alts, len(found) == 1 and not rivals and p.explicit and exact)


def _across_subjects(s: Sentence, part: Fig, p: Fig) -> bool:
    """百度…3.5亿元…份额19.9%；商汤科技…份额16.0%: a part from another subject's clause
    across a semicolon (that share's amount is not given)."""
    return part.stmt is not p.stmt and bool(_SEMI.search(s.text[min(part.end, p.start) : p.start]))


def _own_past(w: Fig, part: Fig) -> bool:
    """A base of the part's own statement: its past, never its whole ('$444.8 million, or
    18.7 percent of net sales, from $382.3 million')."""
    return w.role == "base" and w.stmt is part.stmt and part.role in ("new", "level")


_SEMI = Lazy(r"[;；]")


def _fitting(wholes: list[Fig], part: Fig, explicit: bool, named: str = "") -> list[Fig]:
    """The wholes a part can be a share of: of its kind, and on its basis unless the
    share names its whole."""
    return [w for w in wholes if w is not part and compatible(part, w) and (explicit or _same_basis(part, w, named))]


def _share_checks(part: Fig, wholes: list[Fig]) -> list[Node]:
    """share(part, whole) for each whole the part's value pairs with (a whole of 0 none)."""
    found: list[Node] = []
    for w in wholes:
        values = pair_values(part, w)
        if values is None or values[1].point == 0:
            continue
        found.append(t.call("share", t.num(values[0]), t.num(values[1])))
    return found


def _named_exactly(r: Reading, s: Sentence, p: Fig, part: Fig, whole: Fig) -> bool:
    """Whether the whole a share names is the one found: its name says little more than
    the whole's measure, or the one figure it could be is that whole's."""
    if _owner_and_head(p, part, whole):
        return True  # 股份制商业银行总资产…占银行业金融机构比例: 银行业金融机构总资产, named by the owner and the part's head
    name = p.whole
    extra = beyond_whole(name, whole.measure)
    if extra is None and _full_name(s, name):
        name = _full_name(s, name)  # 占我外贸总值的11.7%: named by the full name its short one stands for
        extra = beyond_whole(name, whole.measure)
    if extra is None:
        owner = _owner_shared(s, p.whole, part)  # the whole named as the part's owner's, said so in its paragraph
        return bool(owner) and beyond_whole(owner, whole.measure) == 0 and whole.sent in r.scopes.get(s.scope, [])
    return extra < QUALIFIED or _only_one(r, s, name, part) == whole.value.point


def _share_part(r: Reading, s: Sentence, st: Stmt, p: Fig, explicit: list[Fig]) -> Fig | None:
    """The part a share is of: the figure after it, the one it names, its statement's,
    the one its measure names (Chinese), or the profit of a margin said before."""
    after = _part_after(s, p, explicit[0] if explicit else None)
    part = after or _named_part(r, s, p)  # 城鎮人口佔…的比重: the part the share names first
    if part is None and not (s.lang == "zh" and _names_its_part(p)):
        part = _part(st, p)
    if part is None and s.lang == "zh" and not any(f.kind == "amt" for f in st.figs):
        part = _part_by_measure(r, s, st)  # 第二产业增加值比重为39.9%: the part its statement names
    if part is not None and not _fits_margin(s, p, part):
        part = None  # 营业利益1.37兆元…毛利率58.97%: a gross margin is no operating profit's
    if part is None:
        part = _margin_part(r, s, p)  # 'Operating income was $109.4 billion. That gives an operating margin of 44.6%.' 
    return part


def _share_wholes(r: Reading, s: Sentence, p: Fig, part: Fig, explicit: list[Fig]) -> tuple[list[Fig], bool]:
    """The wholes a share may be of, best first, and whether they are bound without doubt
    (said with the share, referred to, or the kin whole of its paragraph)."""
    referred = [] if explicit or not _refers(p) else _referred_whole(r, s, p, part)
    if not explicit and not referred and not p.whole and s.lang == "zh":
        referred = _implicit_whole_zh(r, s, p, part)  # 全年保费增量163.4亿元中，…，占比88%
    wholes = explicit or referred or named_whole(r, s, p, part)
    kin = False
    if not wholes and s.lang == "zh":
        wholes, kin = _whole_by_kin(r, s, p, part)
    return wholes, bool(explicit or referred or kin)


def _whole_by_kin(r: Reading, s: Sentence, p: Fig, part: Fig) -> tuple[list[Fig], bool]:
    """A Chinese share's whole no name finds, and whether it is bound without doubt: the kin
    whole of its paragraph (城镇人口236.51万人，占51.07% after 全市常住人口463.1万人), else the
    subject a 其中 opens from when it ends in the head of the whole named (一般公共预算支出
    98240万元。其中，民生支出80242万元，占到公共财政预算支出的81.68%)."""
    wholes = _kin_whole(r, s, p, part)
    if wholes:
        # bound in its paragraph; or, a share of the total (占总数), of the one total of the part's kind its section says
        # before it (入境旅客2,166,627人次 a paragraph up: 中国大陆旅客1,246,256人次(占总数57.5%))
        near = wholes[0].sent in r.scopes.get(s.scope, [])
        return wholes, near or _generic_whole(p) and len(wholes) == 1 and not _larger_before(s, part)
    if p.whole:
        wholes = [w for w in _opened_from(r, s, part, named=True) if _same_head(w.measure, p.whole)]
    return wholes, bool(wholes)


def _larger_before(s: Sentence, part: Fig) -> bool:
    """An amount of the part's kind, not smaller, said before it in its sentence: a whole it may
    be of whatever its name (全年酒店住客14,100,000人次，中国内地旅客10,575,000人次，占总数75.0%)."""
    return any(f.i < part.i and f.kind == "amt" and compatible(f, part) and not _smaller(f, part) for f in s.figs)


def _same_head(a: str, b: str) -> bool:
    """Two Chinese names that end in one head of two characters at least (…预算支出)."""
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]


#: a margin named before its figure: 'an operating margin of', 'net profit margin was', 毛利率为
_MARGIN = Lazy(r"((?:gross|operating|net|net profit|ebitda|ebita|ebit|pre-tax|pretax|profit)\s+margin)s?\b[^,;.]{0,12}$|"
                     r"(毛利率|净利率|净利润率|营业利润率|营业利益率|税后纯益率|纯利率)[^，,。；;]{0,6}$", re.IGNORECASE)


def _margin_terms(s: Sentence, p: Fig) -> list[str]:
    """The profits the margin said before a share is of (its identities' parts); none when
    no margin of a kind is named."""
    found = _MARGIN.search(p.before)
    if found is None:
        return []
    name = (found.group(1) or found.group(2)).lower()
    return [i.a for i in s.cues.identities() if i.op == "/" and i.result == name]


def _fits_margin(s: Sentence, p: Fig, part: Fig) -> bool:
    """The part is the profit the named margin is of (or no margin of a kind is named)."""
    terms = _margin_terms(s, p)
    measure = part.stmt.measure if part.stmt is not None else ""
    return not terms or not measure or any(same_measure(measure, t) or measure.endswith(t) for t in terms)


def _margin_part(r: Reading, s: Sentence, p: Fig) -> Fig | None:
    """The profit a margin is of when its statement gives none: the figure of the measure
    its identity names (operating margin = operating income / revenue), nearest before it
    in the paragraph, of the current period."""
    found = _margin_parts(r, s, p)
    return found[0] if found else None


def _margin_parts(r: Reading, s: Sentence, p: Fig) -> list[Fig]:
    """Every profit of the paragraph a margin may be of, nearest first."""
    terms = _margin_terms(s, p)
    if not terms or p.period != "cur":
        return []  # a margin of the period before ('compared to a margin of 16.9% in 1Q16') is no profit of this one's
    scope = r.scopes.get(s.scope, [])
    k = next((i for i, x in enumerate(scope) if x is s), len(scope) - 1)
    out = []
    for t2 in reversed(scope[: k + 1]):
        for st in reversed(t2.stmts):
            subject = _profit_of(st, terms, t2 is s, p)
            if subject is not None:
                out.append(subject)
    return out


def _margin_rivals(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    """The other profits of the paragraph a margin read from it may be of (the month's and
    the year-to-date's, 9月 … 首9个月 … 营业收入利润率): any of them may be meant."""
    found = _margin_parts(r, s, p)
    if part not in found:
        return []
    return [x for x in found if x is not part and x.value.point != part.value.point]


def _profit_of(st: Stmt, terms: list[str], same: bool, p: Fig) -> Fig | None:
    """The current figure of a statement whose measure is one of the profits ``terms``
    (before the margin ``p`` when in its sentence: ``same``), or None."""
    if not any(same_measure(st.measure, term) or st.measure.endswith(" " + term) for term in terms):
        return None
    return next((f for f in st.figs if f.kind == "amt" and f.role in ("level", "new") and f.period == "cur"
                 and (not same or f.i < p.i)), None)


def _same_basis(part: Fig, whole: Fig, named: str = "") -> bool:
    """A share said on an adjusted basis ('On an adjusted basis, gross margin was $433.7 million,
    or 55.4% of sales') takes no whole from a sentence of the reported figures; but a
    measure that is adjusted by its own name ('Adjusted EBITDA was $450 million, or 22.5% of
    revenue') is a share of the revenue reported, unless the whole it names is adjusted too."""
    if _adjusted(part) == _adjusted(whole):
        return True
    return not _adjusted(whole) and _adjusted_by_name(part) and not (named and part.sent is not None
                                                                    and part.sent.cues.has(named, "adjusted"))


def _adjusted_by_name(f: Fig) -> bool:
    """The figure's own measure says it is adjusted ('adjusted ebitda'), and nothing before its
    statement in the sentence puts the sentence on that basis."""
    st, s = f.stmt, f.sent
    if st is None or s is None or not st.figs or not s.cues.has(st.measure, "adjusted"):
        return False
    opening = s.text[s.start : st.figs[0].start]
    hit = s.cues.find(opening, "adjusted")  # the first: in the subject's name, not 'On an adjusted basis,'
    return hit is not None and not _CLAUSE_END.search(opening[hit.end :])


_CLAUSE_END = Lazy(r"[,;:，；]")


def _adjusted(f: Fig) -> bool:
    """The figure is said on an adjusted basis: the words right around it say so ('adjusted
    operating income of', '$66.1 million adjusted', 扣非净利润)."""
    s = f.sent
    if s is None:
        return False
    # its own words, or a sentence that opens on its basis ('On an adjusted basis, gross margin was …')
    return s.cues.has(f.before[-40:] + " " + f.after[:12], "adjusted") or s.cues.has(s.text[s.start : f.start], "adjusted")


def _named_part(r: Reading, s: Sentence, p: Fig) -> Fig | None:
    """第三产业增加值占地区生产总值的比重为62.4%: the part named before 占, its figure
    the subject of a statement in the section."""
    if s.lang != "zh":
        return None

    name = part_name_zh(p)
    if not name:
        return None
    found = _by_name(r, s, name, "cur")
    return found[0] if len(found) == 1 else None


def _part_by_measure(r: Reading, s: Sentence, st: Stmt) -> Fig | None:
    """The figure of the measure a share's statement names (第二产业增加值 of 第二产业增加值比重为39.9%),
    one in the section."""
    name = re.sub(r"(?:的)?(?:比重|占比|比例|份额)$", "", st.measure)
    if len(name) < 2:
        return None
    found = _by_name(r, s, name, "cur")
    return found[0] if len(found) == 1 else None


def _names_its_part(p: Fig) -> bool:
    return bool(part_name_zh(p))


def _subject(st: Stmt) -> Fig | None:
    """What a statement is about: its first amount at a level or a new level, past a mark it
    passed (已超过去年全年的16,672,556人次，达17,043,667人次: the second)."""
    levels = [f for f in st.figs if f.kind == "amt" and f.role in ("level", "new")]
    if len(levels) > 1 and levels[0].approx == "over" and levels[1].i == levels[0].i + 1:
        return levels[1]
    return levels[0] if levels else None


def _by_name(r: Reading, s: Sentence, name: str, period: str) -> list[Fig]:
    """The subject figures of the statements of the section whose measure is ``name`` (or
    differs from it least), one value only."""
    best: dict[int, list[Fig]] = {}
    for t2 in r.sections.get(s.section, []):
        for st in t2.stmts:
            subject = _subject(st)
            if subject is None or subject.period != period:
                continue
            extra = beyond_whole(name, st.measure)
            if extra is None and st.measure.startswith(name) and s.cues.is_phrase(st.measure[len(name) :], "measure_head"):
                extra = QUALIFIED  # 民营经济 of 民营经济增加值: named by its owner, when none is named so
            if extra is not None:
                best.setdefault(extra, []).append(subject)
    if not best:
        return []
    found = best[min(best)]
    return found[:1] if len({f.value.point for f in found}) == 1 else []


def _part(st: Stmt, p: Fig) -> Fig | None:
    """The part a share is of: the figure it restates (', or 81% of'), else the subject's
    figure before it (the new figure of a change whose base stands just before)."""
    earlier = [f for f in st.figs if f.i < p.i and f.kind == "amt" and f.role != "whole"]
    if not earlier:
        return None
    return _listed_part(st, p) or _earlier_part(earlier, p)


def _earlier_part(earlier: list[Fig], p: Fig) -> Fig | None:
    """Of a statement's amounts before share ``p`` (``earlier``), the one it is of."""
    if p.link == "or":
        if p.owner is not None and p.owner.role == "whole":
            return earlier[-1]  # 'X of the W, or P%': the part stands before its whole
        return earlier[-1] if earlier[-1].i == p.i - 1 else None
    if earlier[-1].role in ("level", "new"):
        return earlier[-1]
    news = [f for f in earlier if f.role in ("new", "level") and f.period == "cur"]
    return news[-1] if news else None


def _listed_part(st: Stmt, p: Fig) -> Fig | None:
    """分别为5,098,508及1,379,936人次，占总数29.9%及8.1%: as many amounts listed one after
    another as shares listed after them; each share is of the amount in its place."""
    figs = st.figs
    k = figs.index(p)
    first = k
    while first > 0 and figs[first - 1].role == "share" and figs[first - 1].kind == "pct":
        first -= 1
    last = k
    while last + 1 < len(figs) and figs[last + 1].role == "share" and figs[last + 1].kind == "pct":
        last += 1
    n = last - first + 1
    amounts = figs[first - n : first] if first >= n else []
    if n < 2 or len(amounts) != n or any(f.kind != "amt" or f.role not in ("level", "new") for f in amounts) \
            or amounts[0].sent is not st.figs[first].sent:
        return None
    return amounts[k - first]


def _part_after(s: Sentence, p: Fig, whole: Fig | None) -> Fig | None:
    """'71% of sales of 41.6 billion yuan, or 29.5 billion yuan', 'nearly 45% of that, or
    1.12 trillion yuan': the part said again after the share (and its whole)."""
    k = (whole.i if whole is not None and whole.i > p.i else p.i) + 1
    nxt = s.figs[k] if k < len(s.figs) else None
    if nxt is None or nxt.kind != "amt" or nxt.link != "or":
        return None
    return nxt


def _sibling_whole(r: Reading, s: Sentence, p: Fig) -> str:
    """The whole a share leaves unnamed (占比36.0%, 'a 27% share'): the one its sibling
    named just before it, in the sentence or the one before in the scope."""
    scope = r.scopes.get(s.scope, [])
    k = next((i for i, x in enumerate(scope) if x is s), 0)
    for t2 in (s, scope[k - 1] if k else None):
        if t2 is None:
            continue
        named = [f for f in t2.figs if f.role == "share" and f.whole and (t2 is not s or f.i < p.i)]
        if named:
            return named[-1].whole
    return ""


#: what a margin's part is: a profit ('with a margin of 12.0%' after operating profit), never revenue
_PROFIT = Lazy(r"profit|income|earnings|ebitda|ebita|ebit\b|result|利润|毛利|纯利|净利|盈利|溢利|利益|收益")


def _margin_of_no_profit(p: Fig, part: Fig) -> bool:
    """A margin (毛利率94.12% after 茅台酒收入1265.89亿元) whose part is no profit: its profit is not given."""
    if p.whole != "revenue" or not re.search(r"margin|毛利率|净利率|利润率|纯利率", p.cue.lower()):
        return False
    name = part.stmt.measure if part.stmt is not None else ""
    return not _PROFIT.search(name)


def _implicit_whole_zh(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    """The whole a Chinese 占比 leaves unnamed: a figure written '…中' before its part
    (163.4亿元中), else the subject of the statement a 其中 opens from."""
    within = [f for f in s.figs if f.i < part.i and f.kind == "amt" and r.text[f.end : f.end + 1] == "中"]
    if len(within) == 1:
        return within
    return _opened_from(r, s, part)


def _opened_from(r: Reading, s: Sentence, part: Fig, named: bool = False) -> list[Fig]:
    """The subject of the statement a 其中 before the part opens from (in the sentence, else
    the sentence before), when not smaller than the part (``named``: the share names it)."""
    if "其中" not in part.before and (part.stmt is None or "其中" not in part.stmt.figs[0].before):
        return []
    earlier = [st for st in s.stmts if st.n < (part.stmt.n if part.stmt else 0)]
    if not earlier:
        scope = r.scopes.get(s.scope, [])
        k = next((i for i, x in enumerate(scope) if x is s), 0)
        earlier = scope[k - 1].stmts if k else []
    if not earlier:
        return []
    return _whole_opened(r, s, earlier[-1], part, named)


def _whole_opened(r: Reading, s: Sentence, st: Stmt, part: Fig, named: bool = False) -> list[Fig]:
    """The subject of the statement a 其中 opens from as the whole of its part's share: not
    when it says its own share (买入101.57亿元，占比86.59%；其中…49.94亿元，占比42.57%: both of one
    whole not given), nor, unless the share names it, when it is a part itself."""
    subject = _subject(st)
    if subject is None or _smaller(subject, part) or _with_share(st) or not named and _a_part_itself(r, s, subject):
        return []
    return [subject]


def _a_part_itself(r: Reading, s: Sentence, subject: Fig) -> bool:
    """A larger amount of its kind said before the statement a 其中 opens from, in its
    section (来台旅客1069万人次 … 其他地区旅客有718万人次，…，其中日本旅客有190万人次(占17.7%)):
    the 其中's share may be of either."""
    for t2 in r.sections.get(s.section, []):
        for f in t2.figs:
            if f.start >= subject.start:
                return False
            if f.kind == "amt" and f.role in ("level", "new") and compatible(f, subject) and _smaller(subject, f):
                return True
    return False


def _with_share(st: Stmt) -> bool:
    """The statement says its own share (占比86.59%) of a whole it does not give."""
    return any(f.role == "share" for f in st.figs)


def _kin_whole(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    """The whole of a bare 占51.07% after 城镇人口236.51万人: the first figure of the section
    before it said of the whole place or the total (全市常住人口463.1万人, 全国实际使用外资)
    whose measure ends with the same noun as the part's, and larger; never a sibling
    (服务业实际使用外资 is no whole of 高技术产业实际使用外资)."""
    name = part.stmt.measure if part.stmt is not None else ""
    generic = _generic_whole(p)
    if p.whole and not generic or len(name) < 3 or _one_of_listed_shares(s, p):
        return []
    found = (x for x in _kin_subjects(r, s, part, name, generic) if x is not None)
    if not generic:
        first = next(found, None)
        return [first] if first is not None else []
    # 占总数: the total of the part's kind, the largest said before it first; where several are said (a
    # sibling part, another measure of one head: 出口货值 and 进口货值), each is a binding, none certain,
    # unless the part's name is the name of one of them with a qualifier before it (中部地区实际使用外资 of
    # 实际使用外资金额): the largest of those
    ranked = sorted(found, key=lambda f: f.value.point, reverse=True)
    named = [f for f in ranked if _qualified_kind(name, f)]
    return named[:1] or ranked


def _generic_whole(p: Fig) -> bool:
    """A share of the total of its part's kind, named by no measure (占总数, 占全国总量)."""
    return bool(p.whole) and _GENERIC_WHOLE.fullmatch(p.whole) is not None


def _qualified_kind(name: str, whole: Fig) -> bool:
    """The part's name is the whole's with a qualifier before it (中部地区实际使用外资, 实际使用外资金额)."""
    kind = _AMOUNT_TAIL_ZH.sub("", whole.stmt.measure) if whole.stmt is not None else ""
    return bool(kind) and _AMOUNT_TAIL_ZH.sub("", name).endswith(kind)


def _kin_subjects(r: Reading, s: Sentence, part: Fig, name: str, generic: bool) -> Iterator[Fig | None]:
    """The kin subjects said before a share in its section, in the order said."""
    for t2 in r.sections.get(s.section, []):
        if t2.start > s.start:
            break
        for st in t2.stmts:
            if not (st is part.stmt or t2 is s and st.n > (part.stmt.n if part.stmt else 0)):
                yield _kin_subject(s, st, part, name, generic)


#: a whole named only as the total of the part's kind (不过夜旅客…占总数52.9% after 入境旅客2,166,627人次)
_GENERIC_WHOLE = Lazy(r"(?:同期)?(?:全国|全省|全市|全区|全县|全港|全澳|全台)?(?:总数|总量|总额|总值|总计|合计|总体|整体|全部)")
#: what a Chinese measure's name may end with beyond its kind (实际使用外资金额 is of the kind 实际使用外资)
_AMOUNT_TAIL_ZH = Lazy(r"(?:金额|总额|总值|总量|数额)$")


def _one_of_listed_shares(s: Sentence, p: Fig) -> bool:
    """分别占比55.2%、8.0%、6.9%: the first of shares listed one after another, each of the
    amount in its place before them (whose whole is their sum, or a total said elsewhere)."""
    nxt = s.figs[p.i + 1] if p.i + 1 < len(s.figs) else None
    return nxt is not None and nxt.kind == "pct" and s.text[p.end : nxt.start].strip() in ("、", "和", "及", ",", "，")


def _kin_subject(s: Sentence, st: Stmt, part: Fig, name: str, generic: bool = False) -> Fig | None:
    """The subject of a statement of a kin measure (its name ends as the part's ``name``),
    said of the whole place or the total (or the share says it is of the total), as a whole
    of the part; else None."""
    measure, name = _AMOUNT_TAIL_ZH.sub("", st.measure), _AMOUNT_TAIL_ZH.sub("", name)
    kin = len(measure) >= 3 and measure != name and measure[-2:] == name[-2:]
    subject = _subject(st)
    if not kin or subject is None or not (generic or s.cues.has(subject.before, "whole_scope")):
        return None
    if compatible(part, subject) and subject.period == part.period and not _smaller(subject, part) \
            and subject.value.point != part.value.point:
        return subject
    return None


def _refers(p: Fig) -> bool:
    """A share of a whole only referred to: 'of that', 'of the total', 'of it', 'of those sales'."""
    if p.sent is not None and p.sent.lang == "zh":
        return False
    return p.whole in ("that", "this", "it", "them", "those", "that total", "this total", "the total") or p.whole.startswith(
        ("that ", "those ", "these ", "this "))


def _referred_whole(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    """What 'that total' refers to: the new figure of the change just before (to Y, 至Y),
    a whole written 'Y中' (全年保费增量163.4亿元中), else the one amount of the sentence before."""
    earlier = [f for f in s.figs if f.i < min(part.i, p.i) and f.kind == "amt" and compatible(part, f)
               and not _with_bracketed_share(s, f)]  # 'Of this value, $8.29bn (47.0%) …, $9.34bn (53.0%)': a sibling part
    if earlier:
        reached = [f for f in earlier if f.role == "new"]
        return reached[-1:] if reached else _the_one_before(r, s, earlier, part)
    return _referred_before(r, s, part)


def _the_one_before(r: Reading, s: Sentence, earlier: list[Fig], part: Fig) -> list[Fig]:
    """The one amount of the sentence before the part, when it is the whole the share refers
    to: written 'Y中', or of another statement ('revenue of $12.0 billion, of which X was $9.0
    billion, or 75% of the total'; 'The loan book stood at SAR 50 billion; retail loans were SAR
    20 billion, or 40% of the total')."""
    if len(earlier) != 1:
        return []
    f = earlier[0]
    return earlier if r.text[f.end : f.end + 1] == "中" or _of_which_between(s, f, part) or f.stmt is not part.stmt else []


def _of_which_between(s: Sentence, whole: Fig, part: Fig) -> bool:
    """'of which' (including, among them …) opens the part's clause after the whole."""
    return s.cues.has(s.text[whole.end : part.start], "of_which")


def _with_bracketed_share(s: Sentence, f: Fig) -> bool:
    """An amount followed by its share ('$8.29 billion (47.0%)', 'SAR 20 billion, or 40% of the
    total'): a part, never a whole."""
    nxt = s.figs[f.i + 1] if f.i + 1 < len(s.figs) else None
    return nxt is not None and nxt.role == "share" and nxt.before.strip() in ("(", ", or", "or", ",")


def _referred_before(r: Reading, s: Sentence, part: Fig) -> list[Fig]:
    """What 'that total' refers to in the sentence before: its one amount, or its one new figure."""
    scope = r.scopes.get(s.scope, [])
    k = next((i for i, x in enumerate(scope) if x is s), 0)
    if k == 0:
        return []
    previous = [f for f in scope[k - 1].figs if f.kind == "amt" and compatible(part, f)]
    if len(previous) == 1:
        return previous
    reached = [f for f in previous if f.role == "new"]
    return reached if len(reached) == 1 else []


def _explicit_whole(s: Sentence, p: Fig) -> list[Fig]:
    """The whole written next to its share: '20% of total revenue of $150 million', '38%
    of the 12.4 trillion yuan loan book', 占1843亿元总收入的23%, 占贷款总额15.8万亿元的39%."""
    if p.sent is not None and p.sent.lang == "zh":
        return _explicit_whole_zh(s, p)
    nxt = s.figs[p.i + 1] if p.i + 1 < len(s.figs) else None
    if nxt is None or nxt.kind != "amt":
        return []
    gap = " ".join(p.after.lower().split())
    if _OF_WHOLE.fullmatch(gap):
        return [nxt]
    return []


#: between a share and its whole: 'of', 'of the', "of the unit's", 'of total revenue of', 'of its'
_OF_WHOLE = Lazy(r"\s*of(?: (?:the|its|their|our|a|total|the group's|the unit's|the company's))?"
                       r"(?: [a-z'’-]+){0,3}?(?: (?:of|at|totalling|totaling|worth))?\s*")


def _explicit_whole_zh(s: Sentence, p: Fig) -> list[Fig]:
    prev = s.figs[p.i - 1] if p.i else None
    if prev is None or prev.kind != "amt":
        return []
    gap = p.before
    if re.fullmatch(r"[^，,。；;\d%]{0,14}的(?:比重|比例|份额)?(?:为|达|约为|约|近|超过)?\s*", gap) and re.search(
            r"占[^，,。；;\d%]{0,12}$", prev.before):
        return [prev]
    return []


def named_whole(r: Reading, s: Sentence, p: Fig, part: Fig) -> list[Fig]:
    """The figure of the measure the share names, of its part's period: the subject of the
    statement whose measure is that name (or differs from it least) in the paragraph or
    list, else before it in the section (a name refers back), else after it; of two as
    well named, the nearer; nothing when two are as near and give two values."""
    if not p.whole:
        return []
    best = _wholes_named(r, s, p, part, p.whole)
    full = _full_name(s, p.whole) if not best else ""
    if full:  # 占我外贸总值的11.7%: 外贸 is 进出口总值
        best = _wholes_named(r, s, p, part, full)
    owner = _owner_shared(s, p.whole, part) if not best else ""
    if owner:  # 中国大陆机电产品出口…占同期中国大陆出口总值的57.6% after 其中出口5,553亿美元: whose both are
        best = _wholes_named(r, s, p, part, owner)
    if not best and s.lang == "zh":
        best = _owner_with_head(r, s, p, part)
    if not best:
        return _named_cell(r, s, p.whole, part.period)
    key = min(best)
    found = best[key]
    if key[1] >= 3 and s.lang == "en" and len(_loosely_named(r, s, p, part)) > 1:
        return []  # outside the paragraph, where another figure is loosely so named too ('trade' with China, all trade)
    return found[:1] if len({f.value.point for f in found}) == 1 else []


def _full_name(s: Sentence, whole: str) -> str:
    """The full name a Chinese whole's short name stands for (外贸总值: 进出口总值), or ''."""
    if s.lang != "zh":
        return ""
    bare = whole[1:] if whole.startswith("我") and len(whole) > 2 else whole
    short = s.cues.short_names()
    return short.get(bare, "") or short.get(total_stem(bare), "")


def _owner_and_head(p: Fig, part: Fig, whole: Fig) -> bool:
    """The whole's measure is the owner the share names and the head its part's measure ends
    with (银行业金融机构 + 总资产)."""
    head = whole.measure[len(p.whole) :] if p.whole and whole.measure.startswith(p.whole) else ""
    measure = part.stmt.measure if part.stmt is not None else ""
    return len(head) >= 2 and measure.endswith(head) and p.sent is not None and p.sent.lang == "zh"


def _owner_with_head(r: Reading, s: Sentence, p: Fig, part: Fig) -> dict[tuple[int, int, int, int], list[Fig]]:
    """A Chinese whole named by its owner alone (股份制商业银行总资产…占银行业金融机构比例为16.4%):
    the owner's figure of the measure the part's name ends with (银行业金融机构总资产), the
    longest such head first."""
    measure = part.stmt.measure if part.stmt is not None else ""
    for k in range(min(4, len(measure)), 1, -1):
        head = measure[-k:]
        if p.whole.endswith(head):
            return {}
        best = {key: figs for key, figs in _wholes_named(r, s, p, part, p.whole + head).items() if key[2] == 0}
        if best:
            return best
    return {}


def _wholes_named(r: Reading, s: Sentence, p: Fig, part: Fig, whole: str) -> dict[tuple[int, int, int, int], list[Fig]]:
    """The section's subjects a whole so named may be, by how well named and how near."""
    scope = r.scopes.get(s.scope, [])
    best: dict[tuple[int, int, int, int], list[Fig]] = {}
    for t2 in r.sections.get(s.section, []):
        where, near = _nearness(t2, s, scope)
        for st in t2.stmts:
            subject = _whole_subject(r, s, st, p, part)
            extra = beyond_whole(whole, st.measure) if subject is not None else None
            if subject is not None and extra is not None:
                # a name that says more than the whole in words of its own only where no other names it
                # of two as well named, the nearer: a name refers back to its last mention
                best.setdefault((int(extra >= QUALIFIED), where, extra, near), []).append(subject)
    return best


def _owner_shared(s: Sentence, whole: str, part: Fig) -> str:
    """A Chinese whole's name without the owner its part's name opens with too (中国大陆机电产品出口
    and 同期中国大陆出口总值: 中国大陆's), its period words read off first; '' when they share none."""
    measure = part.stmt.measure if part.stmt is not None else ""
    if s.lang != "zh" or not measure:
        return ""
    hits = s.cues.tail(whole, frozenset({"period", "fill"}))
    bare = whole[hits[-1].end :] if hits else whole
    n = 0
    while n < min(len(bare), len(measure)) and bare[n] == measure[n]:
        n += 1
    rest = bare[n:]
    return rest if n >= 2 and len(rest) >= 2 and not measure.endswith(rest) else ""


def _loosely_named(r: Reading, s: Sentence, p: Fig, part: Fig) -> set[object]:
    """The values of the section's subjects whose measure ends with the whole's name, qualified or not."""
    return {subject.value.point for t2 in r.sections.get(s.section, []) for st in t2.stmts
            if same_measure(p.whole, st.measure) and (subject := _whole_subject(r, s, st, p, part)) is not None}


def _nearness(t2: Sentence, s: Sentence, scope: list[Sentence]) -> tuple[int, int]:
    """How near sentence ``t2`` is to the share's ``s``: where it is (0 the share's
    sentence, 1 its paragraph before it, 2 after it, 3 the section before it, 4 after
    it) and how far (characters)."""
    where = 0 if t2 is s else 1 if t2 in scope and t2.start < s.start else 2 if t2 in scope else \
        3 if t2.start < s.start else 4
    near = s.start - t2.start if where in (1, 3) else t2.start - s.start if where in (2, 4) else 0
    return where, near


def _whole_subject(r: Reading, s: Sentence, st: Stmt, p: Fig, part: Fig) -> Fig | None:
    """A statement's subject (its first level or new amount) as the whole a share may be
    of: of the part's period, a value to compute with, of the share's qualifier, larger."""
    subject = _subject(st)
    if subject is not None and subject.period != part.period and part.period == "prior":
        subject = _prior_of(st)  # '$46.6 million, or 35.2% of net sales' of the year before: the net sales' prior figure
    if subject is None or subject is part or subject.period != part.period or subject.approx in _THRESHOLDS:
        return None
    if _sibling_part(st, p):
        return None
    if _of_another_period(r, s, st):
        return None
    if _smaller(subject, part) and p.value.point <= 100:
        return None  # a whole smaller than its part is another measure's figure
    return subject


def _of_another_period(r: Reading, s: Sentence, st: Stmt) -> bool:
    """A statement said of a period the share's sentence does not name: 'Year-to-date
    inflows' is not the week's 'all inflows' (in English; 一季度… heads a whole Chinese report),
    and a later paragraph of 今年首十一个月 holds no whole of a month's share."""
    words = s.words().lower()
    if st.qual and st.qual not in words and s.lang == "en":
        return True
    if st.sent is not None and st.sent is not s and _periods_differ(_periods_named(st.sent, st), _periods_named(s)):
        return True  # 首九个月…逆差, 相等于商品进口货值的7.6%: not the 九月份 imports of the paragraph before
    later = _later_paragraph_qual(r, s, st)
    return bool(later) and later not in words


def _periods_differ(theirs: list[str], ours: list[str]) -> bool:
    """Two sentences name periods by number (九月份, 首九个月, 前10个月), and none of one is
    one of the other's."""
    a, b = [p.lower() for p in theirs if _numbered(p)], [p.lower() for p in ours if _numbered(p)]
    return bool(a) and bool(b) and not any(x == y or x in y or y in x for x in a for y in b)


def _periods_named(s: Sentence, st: Stmt | None = None) -> list[str]:
    """The periods the sentence's statements (or statement ``st``) are said of, and those its
    words name (今年前10个月录得…: 前10个月)."""
    found = [o.qual for o in s.stmts if o.qual and (st is None or o is st)]
    # a year is no part of the year: 二零二零年九月份 is of 九月份
    return found + [h.phrase for h in s.cues.find_all(s.words(), "period") if not h.phrase.endswith(("年", "年度"))]


def _numbered(qual: str) -> bool:
    """A period named by its number (九月份, 首九个月, Q3), not one referred to (当月, 同期)."""
    return bool(qual) and (any(ch.isdigit() or ch in "一二三四五六七八九十" for ch in qual) or _NUMBERED_EN.search(qual) is not None)


#: an English period named by its number or name: 'in the first seven months', 'in June', 'third quarter'
_NUMBERED_EN = Lazy(r"(?i)\b(?:first|second|third|fourth|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"january|february|march|april|may|june|july|august|september|october|november|december)\b")


def _later_paragraph_qual(r: Reading, s: Sentence, st: Stmt) -> str:
    """The period a statement of a later paragraph than ``s``'s is said of: its own, or the
    first its paragraph names before it; '' for a statement of ``s``'s paragraph or before."""
    t2 = st.sent
    if t2 is None or t2.scope == s.scope or t2.start < s.start:
        return ""
    if st.qual:
        return st.qual
    scope = r.scopes.get(t2.scope, [])
    openings: dict[int, str] = r.memo.setdefault("relate.opening_period", {})
    opening = openings.get(t2.scope)
    if opening is None:  # asked for every statement a share's whole may be: read once a paragraph
        opening = openings[t2.scope] = _opening_period(scope[0]) if scope and scope[0].figs else ""
    if opening:
        return opening
    for t3 in scope:
        for other in t3.stmts:
            if other is st:
                return ""
            if other.qual:
                return other.qual
    return ""


def _opening_period(first: Sentence) -> str:
    """The period a paragraph opens on, before its first figure, past the words of a whole
    period (今年首十一个月，…: 首十一个月); '' when it names none."""
    text = first.text[first.start : first.figs[0].start]
    at = 0
    while at < len(text):
        hit = first.cues.find(text[at:], "period")
        if hit is None:
            return ""
        if not first.cues.has(hit.phrase, "whole_period"):
            return hit.phrase.lower()
        at += hit.end
    return ""


def _sibling_part(st: Stmt, p: Fig) -> bool:
    """A statement that says its own share of the whole ``p`` names (or of none): a part
    beside ``p``'s, never its whole (对欧盟进出口2.75万亿元，占13.7% after 对东盟进出口3.08万亿元，
    占进出口总值的15.3%)."""
    return any(f is not p and f.role == "share" and f.whole in ("", p.whole) for f in st.figs)


def _prior_of(st: Stmt) -> Fig | None:
    """A statement's one prior amount (its base), or None."""
    prior = [f for f in st.figs if f.role == "base" and f.period == "prior" and f.kind == "amt"]
    return prior[0] if len(prior) == 1 else None


def _table_pair(r: Reading, s: Sentence, st: Stmt) -> tuple[list[Fig], list[Fig]]:
    """The current and prior figures a table of the section gives the statement's measure,
    when the statement gives neither."""
    # lazy: the table reader only for a draft with tables
    from factcheck.infer.grid import named_cells

    lead = " ".join(s.text[s.start : st.figs[0].start].lower().split()) if st.figs else ""
    cells = [f for f in named_cells(r, s.section) if same_measure(f.measure, st.measure)
             or len(f.measure) > 3 and re.search(rf"\b{re.escape(f.measure)}\b", lead)]  # 'Research and development spending' 
    news = [f for f in cells if f.period == "cur"]
    bases = [f for f in cells if f.period == "prior"]
    if len(news) != 1 or len(bases) != 1:
        return [], []
    return news, bases


def _only_one(r: Reading, s: Sentence, name: str, part: Fig) -> object:
    """The value of the one figure of the section, of the part's period, whose name is the
    whole named or ends with it (货物贸易进出口总值 for 进出口总值); None when there are
    several: then the whole is not bound without doubt."""
    found = [f for t2 in r.sections.get(s.section, []) for st in t2.stmts if st.measure.endswith(name)
             for f in st.figs if f.kind == "amt" and f.role in ("level", "new") and f.period == part.period and f is not part]
    values = {f.value.point for f in _of_its_span(r, part, found)}  # 前5个月 … 5月: the part's span's
    return next(iter(values)) if len(values) == 1 else None


def _named_cell(r: Reading, s: Sentence, name: str, period: str) -> list[Fig]:
    """The figure a table of the section gives the measure named (营业收入 of the table above)."""
    # lazy: the table reader only for a draft with tables
    from factcheck.infer.grid import named_cells

    found = [f for f in named_cells(r, s.section) if f.period == period and beyond_whole(name, f.measure) is not None]
    return found[:1] if len({f.value.point for f in found}) == 1 else []


def _smaller(whole: Fig, part: Fig) -> bool:
    values = pair_values(part, whole) if compatible(part, whole) else None
    return values is not None and values[0].point > 0 and values[1].point < values[0].point
