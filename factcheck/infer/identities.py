"""Identities a reader knows, checked where the text names all their terms.

"出超1571.4亿美元" is exports less imports; a gross margin is gross profit over revenue;
"goods and services" is goods plus services. The identities are data, per language
(``lang`` key ``identities``: "R = A op B"). A figure named R is checked against the
figures named A and B of the same period, found in its sentence, else its paragraph,
else its section; each must be found once (two values for one name leave it unread).
Names are compared after what only says whose or where ('服务贸易逆差' and '服务出口' are
of one trade, '进出口总值' is no kind of '出口'): a name matches a term when it ends with
it, and the words before it (its qualifier) agree with the other terms' qualifiers.
A relation found within one paragraph may fail; one that reaches further only passes.
"""

from __future__ import annotations

from factcheck import quantity as q
from factcheck.expr.tree import Node
from factcheck.infer import tree as t
from factcheck.infer.lang import Identity
from factcheck.infer.reading import Fig, Reading, Sentence, measure_key, name_of, span
from factcheck.infer.relate import comparison, compatible, pair_values
from factcheck.infer.tree import Relation
from factcheck.lazyre import Lazy

_KINDS = {"-": "difference", "+": "sum", "/": "share"}
#: what a name may end with beyond its term: 出口总额, 进出口总值, exports total
_TAIL_ZH = Lazy(r"(?:总额|总值|总量|金额|额|合计|总计|值)$")
#: words a qualifier may hold that do not change what is meant (服务贸易逆差 and 服务出口)
_NEUTRAL = Lazy(r"贸易|\btrade\b|\bthe\b|\btotal\b|\s+")


def relations(r: Reading) -> list[Relation]:
    out: list[Relation] = []
    terms: dict[str, list[tuple[Identity, str]]] = {}  # each language's identities with their result's key, once a run
    for s in r.sentences:
        known = terms.get(s.lang)
        if known is None:
            known = terms[s.lang] = [(ident, measure_key(ident.result)) for ident in s.cues.identities()]
        if not known:
            continue
        for f in s.figs:
            if f.kind == "pts" or f.role in ("other", "ratio", "time", "whole") or f.role == "base" and not _prior_rate(f):
                continue
            rel = _of_figure(r, s, f, known)
            if rel is not None:
                out.append(rel)
    return out


def _of_figure(r: Reading, s: Sentence, f: Fig, known: list[tuple[Identity, str]]) -> Relation | None:
    """The identity figure ``f`` is the result of, checked: the one its own name says
    ('X as a percentage of Y'), else the first known one its name ends with."""
    name = name_of(f)
    if not name:
        return None
    said = _said_ratio(f, name)
    rel = _check(r, s, f, name, said) if said is not None else None
    if rel is not None:
        return rel
    bare = _TAIL_ZH.sub("", name) if s.lang == "zh" else name
    head = _partnered(name, s.lang)[0]  # 'trade surplus' of 'the trade surplus with the united state'
    for ident, term in known:
        if name.endswith(term) or bare.endswith(term) or head.endswith(term):  # the figure is named as its result
            rel = _check(r, s, f, name, ident)
            if rel is not None:
                return rel
    return None


#: a rate named as one measure over another: 'gross profit as a percentage of revenues',
#: 'adjusted EBITDA as a % of net sales'
_AS_PERCENT_OF = Lazy(r"(?i)(?:^|[-–•,;:(]\s*)([a-z][a-z0-9'’ -]{1,50}?)\s+as\s+an?\s+(?:percentage|percent|proportion|share|%)\s+"
                      r"of\s+([a-z][a-z'’ -]{1,40}?)\s*(?:\bof|\bwas|\bwere|\bis|\bat|\bwas at|:|,)?\s*$",
                      needs=(" as a",))


def _said_ratio(f: Fig, name: str) -> Identity | None:
    """The identity a rate's own name says ('X as a percentage of Y' is X / Y), or None."""
    if f.kind != "pct" or f.sent is None or f.sent.lang != "en":
        return None
    m = _AS_PERCENT_OF.search(f.before)
    if m is None and f.role == "base" and f.stmt is not None and f.stmt.figs[0] is not f:
        m = _AS_PERCENT_OF.search(f.stmt.figs[0].before)  # '27.1%, up 50 basis points from 26.6%': the same ratio a year before
    if m is None:
        return None
    return Identity(name, measure_key(m.group(1)), "/", measure_key(m.group(2)))


def _prior_rate(f: Fig) -> bool:
    """A rate of the prior period ('(2015: 30.8%)', 上年同期为30.8%): an identity of the
    prior year's figures, which are bases too."""
    return f.kind == "pct" and f.period == "prior"


def _check(r: Reading, s: Sentence, f: Fig, name: str, ident: Identity) -> Relation | None:
    qual = _qualifier(name, ident.result, s.lang)
    ratio = _plain_ratio(ident, f)
    if qual is None or (ident.op == "/") != (f.kind == "pct" or ratio):
        return None
    (a, near_a), (b, near_b) = _operands(r, s, f, ident, qual)
    if a is None or b is None or not _terms_of(ident, a, b, f):
        return None
    values = pair_values(a, b)
    found = _computed(ident, a, f, values) if values is not None else None
    if found is None or values is None:
        return None
    check, stated = found
    if ratio:
        check = t.over(t.num(values[0]), t.num(values[1]))
    cmp, tol = comparison(f, 1)
    certain = (near_a and near_b or _same_owner(a, b, ident, s.lang)) and _one_span(r, a, b, f)
    return Relation("ratio" if ratio else _KINDS[ident.op], "identity", check, t.num(stated), cmp, tol, (a.m, b.m, f.m), f.m,
                    s.start, s.end, (), certain)


def _two_terms(a: Fig, b: Fig) -> bool:
    return a is not b and compatible(a, b)


def _terms_of(ident: Identity, a: Fig, b: Fig, f: Fig) -> bool:
    """Two figures that can be the identity's terms for ``f``: compatible, and of its unit
    for a sum or a difference."""
    return _two_terms(a, b) and (ident.op not in "+-" or _one_unit(a, b, f))


def _one_unit(*figs: Fig) -> bool:
    """Terms and a result of a sum or a difference in one unit ('$46.4 million' and '$164
    per month' are no terms of one difference)."""
    units = [x.value.unit for x in figs if not q.is_plain(x.value.unit)]
    return all(q.compatible(u, units[0]) for u in units[1:])


def _plain_ratio(ident: Identity, f: Fig) -> bool:
    """A quotient said as a plain number (城乡居民收入比1.54), not as a percentage."""
    return ident.op == "/" and f.kind == "amt" and q.is_plain(f.value.unit)


def _one_span(r: Reading, a: Fig, b: Fig, f: Fig) -> bool:
    """The terms and the result are said of one period: by their statements' period words
    and by the spans their sentences name (9月 is not 首9个月)."""
    return _one_period(a, b, f) and len({span(r, x) for x in (a, b, f)} - {""}) <= 1


def _one_period(*figs: Fig) -> bool:
    """No two of the figures said of periods named differently (9月's profit and 期内's
    revenue: the month's and the year to date's, which a margin does not mix)."""
    named = {x.stmt.qual for x in figs if x.stmt is not None and x.stmt.qual}
    return len(named) <= 1


def _operands(r: Reading, s: Sentence, f: Fig, ident: Identity, qual: str) -> tuple[tuple[Fig | None, bool], tuple[Fig | None, bool]]:
    """The identity's two terms for figure ``f``, each with whether it was found near."""
    delta = f.role == "change" and f.kind == "amt"
    a, near_a = _operand(r, s, f, ident.a, qual, delta)
    b, near_b = _operand(r, s, f, ident.b, qual, delta)
    # one term found near, the other among several: the one of the same qualifier as the first
    # (规模以上工业企业营业收入 in the sentence, 规模以上工业企业利润总额 in the section)
    if a is None and b is not None:
        a, near_a = _operand(r, s, f, ident.a, _qualifier(name_of(b), ident.b, s.lang) or qual, delta, exact=True)
    elif b is None and a is not None:
        b, near_b = _operand(r, s, f, ident.b, _qualifier(name_of(a), ident.a, s.lang) or qual, delta, exact=True)
    return (a, near_a), (b, near_b)


def _computed(ident: Identity, a: Fig, f: Fig, values: tuple[q.Value, q.Value]) -> tuple[Node, q.Value] | None:
    """The identity's check over the terms' ``values``, and what ``f`` states of it (a
    fall stated as a positive amount, negative); None when it cannot be computed."""
    va, vb = values
    if ident.op == "/":
        if vb.point == 0:
            return None
        return t.call("share", t.num(va), t.num(vb)), f.value
    if not compatible(a, f):
        return None
    check = t.call("sum", t.num(va), t.num(vb)) if ident.op == "+" else t.minus(t.num(va), t.num(vb))
    pv = pair_values(a, f)
    if pv is None:
        return None
    stated = pv[1]
    if f.role == "change" and f.sign < 0 and stated.point > 0:
        stated = q.neg(stated)
    return check, stated


def _same_owner(a: Fig, b: Fig, ident: Identity, lang: str) -> bool:
    """Both terms found in the section, once each, named as one owner's (规模以上工业企业
    利润总额 and 规模以上工业企业营业收入 for its 营业收入利润率) and said of one period: bound
    without doubt."""
    qa, qb = _qualifier(name_of(a), ident.a, lang), _qualifier(name_of(b), ident.b, lang)
    periods = {x.stmt.qual if x.stmt is not None else "?" for x in (a, b)}
    return bool(qa) and qa == qb and len(periods) == 1  # and of one period (9月 is not 期内's year to date)


def _qualifier(name: str, term: str, lang: str) -> str | None:
    """What a name says beyond ``term`` (None: it does not name it)."""
    if not name:
        return None
    term = measure_key(term)
    if lang == "zh":
        base = _TAIL_ZH.sub("", name) if not name.endswith(term) else name
        if not base.endswith(term) or base.endswith("进" + term):
            return None  # 进出口 (all trade) is no kind of 出口
        return _NEUTRAL.sub("", base[: len(base) - len(term)])
    head, who = _partnered(name, lang)
    if who:  # 'imports from the United States': the imports of that partner
        found = _qualifier(head, term, lang)
        return None if found is None else found + _NEUTRAL.sub("", who)
    if name == term:
        return ""
    if not name.endswith(" " + term):
        return None
    return _NEUTRAL.sub("", name[: -len(term)]).strip()


#: an English measure of a partner, named after it: 'imports from the United States', 'the trade
#: surplus with China', 'exports to Japan'
_PARTNER = Lazy(r"^(?P<head>[a-z][a-z'’ -]*?)\s+(?:with|from|to)\s+(?:the\s+)?(?P<who>[a-z][a-z'’ .-]*)$")


def _partnered(name: str, lang: str) -> tuple[str, str]:
    """A name's measure and the partner it is of ('imports from the united state': import,
    united state); the name and '' when it names none."""
    m = _PARTNER.match(name) if lang == "en" else None
    return (measure_key(m.group("head")), m.group("who")) if m else (name, "")


def _agree(a: str, b: str) -> bool:
    return not a or not b or a == b or a.startswith(b) or b.startswith(a)


def _operand(r: Reading, s: Sentence, f: Fig, term: str, qual: str, delta: bool,
             exact: bool = False) -> tuple[Fig | None, bool]:
    """The one figure named ``term`` (qualified as ``qual``), of ``f``'s period and kind of
    figure, nearest first: in the sentence, the paragraph, the section. The second value
    says whether it was found within the paragraph."""
    scope = r.scopes.get(s.scope, [])
    section = r.sections.get(s.section, [])
    for level, sentences in ((0, [s]), (1, scope), (2, section)):
        # beyond its sentence a term is the result's only when it says the same of whose ('goods deficit'
        # takes 'goods exports', never the exports of all trade); a Chinese list's parts share its
        # qualifier (其中服务出口…；进口…)
        strict = exact or (bool(qual) and (level == 2 or level == 1 and s.lang == "en"))
        # …and a qualified result never takes the plain terms said before it (机电产品进出口额 is
        # not the whole trade's exports and imports of the sentence before)
        found = [g for t2 in sentences for g in t2.figs if g is not f
                 and _named(g, term, qual, f, delta, t2.lang, strict or _whose(qual, s) and t2.start < s.start)]
        if found:
            return _one_of(found, s, level), level < 2
    return None, False


def _one_of(found: list[Fig], s: Sentence, level: int) -> Fig | None:
    """The one figure a term names at its nearest level: the one value found, or in the
    paragraph the one said last before the result (a name refers back); else None."""
    if len({g.value.point for g in found}) == 1:
        return found[0]
    return _said_before(found, s) if level == 1 else None


def _said_before(found: list[Fig], s: Sentence) -> Fig | None:
    """Of a paragraph's figures of one name with several values, the one said last before
    the result's sentence when every other is said after it: a name refers back
    (常住人口城镇化率 after 其中城镇人口41.4万人, before 户籍人口's 其中城镇人口25.0万人)."""
    before = [g for g in found if g.sent is not None and g.sent.start < s.start]
    after = [g for g in found if g.sent is not None and g.sent.start > s.start]
    if not before or len(before) + len(after) != len(found):
        return None
    last = max(before, key=lambda g: g.sent.start if g.sent is not None else 0)
    same = [g for g in before if g.value.point != last.value.point]
    return None if same else last


def _whose(qual: str, s: Sentence) -> bool:
    """A qualifier that says whose the measure is (机电产品), not only when (累计, 全年, 1-4月)."""
    if not qual:
        return False
    hits = s.cues.tail(qual, frozenset({"period", "scope", "stop", "fill"}))
    rest = qual[hits[-1].end :] if hits else qual
    return bool(rest.strip())


def _named(g: Fig, term: str, qual: str, f: Fig, delta: bool, lang: str, exact: bool = False) -> bool:
    if g.kind != "amt" or g.period != f.period or g.approx in ("over", "under", "at_least", "nearly"):
        return False  # a threshold (突破6000亿美元) is no term
    if delta != (g.role == "change"):
        return False
    if not delta and g.role not in (("base",) if f.role == "base" else ("level", "new")):
        return False  # a prior margin's terms are the prior year's figures, bases too
    q = _qualifier(name_of(g), term, lang)
    return q is not None and (q == qual if exact else _agree(q, qual))
