"""One figure of a draft against one filing's facts: traced, contradicted or untraced.

``Tracer(filing, concepts)`` reads the filing once (its facts by concept name, its
calendar, its facts by value) and ``trace(fig)`` judges one figure of a ``Reading``:

1. the figure's concept: the concept phrase nearest it in its clause ("net sales of
   $391.0 billion", "$94.9 billion buying back shares"), of a kind its unit allows (an
   amount, an amount a share); an adjusted measure ("adjusted net income", 扣非) is not
   the filing's;
2. whole or part: words before the phrase that are neither the company's name nor
   the words of a total ("Services revenue", 茅台酒营业收入) make it a part, which is
   traced only to a breakdown (a dimension member) that they name;
3. the period: the phrase nearest it in its sentence ("for fiscal 2024", "a year
   earlier"), else its paragraph's, else the draft's lead, else the filing's own
   period; a base ("from $383.3 billion") is the year before; a balance is the instant
   at the period's end;
4. the judgement: **traced** when a fact of that concept and period lies in the
   figure's interval; **contradicted** when every such fact lies outside it, with a
   hint when a classic slip explains it; **untraced** otherwise (no concept, no such
   fact, facts that disagree, a part the filing does not break out, an approximate
   figure).

A figure of no concept whose interval holds one fact of the filing alone is "traced
by value" (``value``): shown, never failed.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from factcheck import quantity as q
from factcheck.filing.model import Fact, Period, Unit
from factcheck.filing.notation import written
from factcheck.filing.select import Filing
from factcheck.interval import Interval
from factcheck.trace.concepts import Concept, Concepts
from factcheck.trace.periods import Calendar, Wanted, said

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.infer.reading import Fig, Reading, Sentence

#: the roles of a figure that state a level (not a change, a share, a rate said again)
TRACED_ROLES = frozenset({"level", "new", "base"})
#: a phrase this far from its figure (characters) names another figure's measure
_NEAR_BEFORE, _NEAR_AFTER = 90, 40
#: words before a concept phrase that make it a measure of its own, never the filing's
_ADJUSTED = re.compile(
    r"(?:adjusted|non-gaap|non-ifrs|underlying|core|organic|pro\s?forma|comparable|normali[sz]ed|recurring|"
    r"exclud(?:e|es|ed|ing)\b[^.;]{0,40}|排除[^。；]{0,20}|剔除[^。；]{0,20}|不计[^。；]{0,10}|"
    r"扣非|扣除非经常性损益|经调整|调整后|可比)\W{0,3}(?:\w+\W+){0,2}$", re.IGNORECASE)
#: a sentence that leaves something out of its figures ('When we exclude this one-time charge, …')
_EXCLUDING = re.compile(r"\bexclud(?:e|es|ed|ing)\b|\bexcept\s+for\b|排除|剔除|不计|不含", re.IGNORECASE)
#: words right after a phrase that make it another measure ("net income before taxes", "revenue growth")
_MODIFIED = re.compile(
    r"^\s*(?:before|after|excluding|ex-|growth|margin|per\b|guidance|target|forecast|outlook|share\b|estimate|"
    r"率|增长率|增速|占比|预测|目标)", re.IGNORECASE)
#: the words between a figure and the measure it is of: '$93.7 billion in net income', '$X of revenue'
_BOUND_AFTER = re.compile(r"\s*(?:in|of)\s+(?:the\s+|its\s+|their\s+)?(?:total\s+|annual\s+)?", re.IGNORECASE)
#: words of a sentence that make its subject a part of the company (never the whole's measure)
_PART_WORDS = re.compile(r"\b(?:segments?|units?|divisions?|categor(?:y|ies)|business(?:es)?|regions?|subsidiar(?:y|ies)|"
                         r"product\s+lines?|arms?)\b|业务|分部|板块|子公司|事业部", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b|分别", re.IGNORECASE)
#: a magnitude the number reader leaves unread: '$391.04B', '$93.74 B', '$391 billionup' (a typo)
_UNREAD_MAGNITUDE = re.compile(r"\s?(?:[BMKT]|bn|mn|mln|bln)\b|\s?(?:billion|million|trillion|thousand)[a-z]", re.IGNORECASE)
#: the endings a taxonomy gives a concept it repeats in a summary (EDINET's 'Summary of business
#: results': NetSalesSummaryOfBusinessResults, RevenueIFRSSummaryOfBusinessResults): the concept is the same
_SUFFIXES = re.compile(r"(?:IFRS|USGAAP|JMIS)?SummaryOfBusinessResults$|(?<=[a-z])(?:IFRS|USGAAP|JMIS)$")
#: the magnitudes a figure may be written with in a data table or a feed: '$391.04B', '$93.74 B', '$12.5M'
_ABBREVIATED = {"b": 10**9, "bn": 10**9, "bln": 10**9, "m": 10**6, "mn": 10**6, "mln": 10**6, "k": 10**3,
                "t": 10**12}
#: a Chinese magnitude and currency after a space the number reader does not cross ('895 亿美元')
_CJK_AFTER = re.compile(r"[ \t\u00a0]+(万亿|亿|万)(美元|元|人民币|港元|港币|日元|欧元|英镑)?")
_CJK_SCALE = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_CJK_CURRENCY = {"美元": "USD", "元": "CNY", "人民币": "CNY", "港元": "HKD", "港币": "HKD", "日元": "JPY", "欧元": "EUR",
                 "英镑": "GBP"}
#: words that make a figure approximate, right before it or right after it (约3830亿美元, 'nearly $400 billion')
_APPROX_BEFORE = re.compile(r"(?:\b(?:about|around|roughly|nearly|almost|approximately|some|over|more\s+than|"
                            r"less\s+than|close\s+to|up\s+to|just\s+(?:over|under)|under|above|below|at\s+least|"
                            r"an\s+estimated)\s*|约为?|大约|近|逾|超过|超|接近|将近|不到|不足|至少|大概)$", re.IGNORECASE)
_APPROX_AFTER = re.compile(r"\s*(?:左右|上下|多|以上|以下|余|\+|\s+or\s+(?:so|more|less))", re.IGNORECASE)
#: a measure word right after 'in' or 'of' that names a measure the table has no phrase for ('$97 billion in profit')
_MEASURE_AFTER = re.compile(r"\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+)?(?P<word>[a-z]+)", re.IGNORECASE)
_LOSS = re.compile(r"loss|亏损|净亏", re.IGNORECASE)
#: a figure said of the future (a forecast, a target, guidance) is no fact of a filing's past
_FUTURE = re.compile(
    r"\b(?:expects?|expected|expecting|forecasts?|forecast|guidance|guided|outlook|targets?|targeting|projects?|projected|"
    r"plans?\s+to|aims?\s+to|will|would|could|may|estimates?|anticipates?|sees|next\s+year|coming\s+year|by\s+20\d\d)\b"
    r"|预计|预期|预测|目标|计划|将达|有望|指引|展望", re.IGNORECASE)
#: words after a phrase that name the part it is of: 'revenue from its Services segment', 'sales in Greater China'
_PART_AFTER = re.compile(
    r"\s+(?:from|in|at|of|for)\s+(?:its\s+|the\s+|our\s+|their\s+)?"
    r"(?P<part>(?:[A-Z]|i[A-Z])[\w&'’-]*(?:\s+(?:[A-Z]|i[A-Z])[\w&'’-]*){0,3}|[a-z][\w&-]*(?:\s+[a-z][\w&-]*){0,2}"
    r"(?=\s+(?:segment|division|business|unit|region|operations|products?|services)\b))")
#: words between a qualifier and its phrase that a total is said with (never a part)
_WHOLE_WORDS = frozenset(
    "the its their his her our a an total consolidated reported record annual quarterly yearly fiscal full-year "
    "full year group group's company company's companys firm firm's overall combined worldwide global all of "
    "statutory ifrs gaap inc inc. corp corp. ltd ltd. plc co co. limited holdings".split())
#: words that end a noun phrase going back from the phrase: verbs and function words
_STOP_WORDS = frozenset(
    "reported posted had has have generated earned booked recorded delivered achieved made saw see sees said says "
    "was were is are be been being with on for as at while but and or that which who whose in to from by than "
    "after before since when where also up down rose fell grew its cut lifted boosted hit dragged pushed lowered "
    "raised reduced increased decreased lost gained took put left brought drove weighed trimmed swelled eroded "
    "squeezed dented made accounted totaled totalled came brought generated posted took paid spent returned distributed "
    "received earned recorded booked produced recognized recognised incurred invested bought sold jumped slipped dropped "
    "declined amounted reached logged saw total".split())
#: a Chinese phrase's qualifier ends at these (the company's doing, a period, a list)
_ZH_BOUNDARY = re.compile(r"(?:公司|集团|本集团|本公司|企业|实现|录得|取得|达到|完成|全年|年度|年|期内|报告期内|其中|合计|总计|共|其|"
                          r"财年|财季|季度|半年|月|的|为|及|和|与|、|，|,|：|:|；|\s|\d|%)")


class Trace(NamedTuple):
    """What one figure of the draft is to the filing."""

    status: str  # traced, contradicted, value, untraced
    fig: Fig
    #: the figure's value as compared (its sign, its currency written as a code)
    value: q.Value | None
    concept: Concept | None = None
    #: the words that named the concept ("net sales")
    words: str = ""
    period: Period | None = None
    #: the fact it is traced to, or the one it contradicts
    fact: Fact | None = None
    #: (code, message) of the slip that explains a contradiction
    hint: tuple[str, str] | None = None
    #: why a figure is untraced
    why: str = ""
    #: the filing it was looked up in
    filing: Filing | None = None


class _Phrases:
    """The concept phrases of a table as one pattern a language, longest first."""

    def __init__(self, concepts: Concepts) -> None:
        by_phrase: dict[str, list[Concept]] = {}
        for c in concepts:
            for w in c.words:
                by_phrase.setdefault(w.lower(), []).append(c)
        self.by_phrase = by_phrase
        #: the words of the English phrases that name a measure ('profit', 'income', 'sales')
        self.words = frozenset(w for p in by_phrase if p.isascii() for w in re.findall(r"[a-z]+", p)) - frozenset(
            "of the and per share in to for from before after total net tax taxes paid basic diluted attributable "
            "owners parent year period quarter half months".split())
        words = sorted(by_phrase, key=len, reverse=True)
        en = [re.escape(w).replace(r"\ ", r"\s+") for w in words if w.isascii() or not _cjk(w)]
        zh = [re.escape(w) for w in words if _cjk(w)]
        self.en = re.compile(r"(?<![\w&-])(?:" + "|".join(en) + r")(?![\w&])", re.IGNORECASE) if en else None
        self.zh = re.compile("|".join(zh)) if zh else None

    def find(self, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
        out = []
        for pattern in (self.en, self.zh):
            if pattern is not None and a < b:
                out += [(m.start(), m.end(), " ".join(m.group().lower().split())) for m in pattern.finditer(text, a, b)]
        return out


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def phrases_of(concepts: Concepts) -> _Phrases:
    """The phrases of a table, built once for the table (kept on it: no module state)."""
    if not isinstance(concepts.compiled, _Phrases):
        concepts.compiled = _Phrases(concepts)
    return concepts.compiled


class Tracer:
    """One filing, read for tracing."""

    def __init__(self, filing: Filing, concepts: Concepts) -> None:
        self.filing = filing
        self.concepts = concepts
        self.phrases = phrases_of(concepts)
        self.calendar = Calendar(filing)
        self.by_name: dict[str, list[Fact]] = {}
        #: (local name, period) -> its facts: what a figure is looked up by
        self.by_period: dict[tuple[str, Period], list[Fact]] = {}
        #: id(fact) -> its interval, computed when first compared (a Fraction's arithmetic is dear)
        self.iv: dict[int, tuple[Fraction, Fraction] | None] = {}
        for f in filing.facts:
            if f.unit is None or f.value is None:
                continue
            name = _SUFFIXES.sub("", f.concept.rpartition(":")[2])
            self.by_name.setdefault(name, []).append(f)
            self.by_period.setdefault((name, f.period), []).append(f)
        #: the totals by value (as floats, to find candidates; compared exactly after), made when first needed
        self.values: list[float] = []
        self.value_facts: list[Fact] = []
        self._by_value_ready = False
        self.names = _entity_words(filing)
        self.default = Wanted()
        self.text = ""
        self.reading: Reading | None = None
        self.sentence_at: dict[int, int] = {}
        #: the part the last figure of a concept in a sentence is of (for the bases after it)
        self.parts: dict[tuple[int, str], str] = {}
        self.key: tuple[int, str] = (0, "")
        #: (sentence, concept) whose last figure's measure was in doubt: the bases after it are too
        self.doubtful: set[tuple[int, str]] = set()

    # ------------------------------------------------------------------ the draft

    def learn(self, reading: Reading) -> None:
        """What the draft says of itself: the period of its lead (title and first
        paragraph) and the company's name as its first sentences write it."""
        self.text = reading.text
        self.reading = reading
        self.sentence_at = {id(x): i for i, x in enumerate(reading.sentences)}
        self.default = next((w for s in reading.sentences[:3] for w in _lead_periods(reading.text, s)), Wanted())
        self.names |= _draft_names(reading)

    # ------------------------------------------------------------------ one figure

    def trace(self, f: Fig) -> Trace:
        value, kind = self._value(f)
        if value is None:
            return Trace("untraced", f, None, why="not an amount the filing could give")
        scaled = self._abbreviated(f, value)
        if scaled is None:
            return Trace("untraced", f, value, why="a magnitude written after it is not read ('billionup')")
        value, kind = scaled if isinstance(scaled, tuple) else (scaled, kind)
        named = self._find(f, kind)
        if named is None:
            return self._by_value(f, value, "no concept of the filing is named near it")
        concept, words, at = named
        led = ""
        if f.sent is not None and at < f.sent.start:  # named by the list's lead: the item's label is the part
            label = re.match(r"\W*([\w&'’ ,.-]{1,50}?)\s*[:：]", self.text[f.sent.start : f.start])
            led, at = (label.group(1) if label else ""), f.start
        if concept.kind == "per_share" and kind.startswith("money:"):
            kind = "per_share:" + kind.partition(":")[2]
        if _LOSS.search(words) or _LOSS.search(self.text, max(0, f.start - 12), f.start):
            value = q.neg(value) if value.point > 0 else value
        why = self._left_alone(f, at)
        if why:
            return Trace("untraced", f, value, concept, words, why=why)
        part = self._part_of(f, at, words, led, concept)
        period = self._period(f, concept)
        if period is None:
            return Trace("untraced", f, value, concept, words, why="the filing has no fact of the period it is of")
        return self._judge(f, value, kind, concept, words, period, part)

    def _abbreviated(self, f: Fig, value: q.Value) -> q.Value | tuple[q.Value, str] | None:
        """The figure with the magnitude written after it that the number reader leaves
        ('$391.04B', '$93.74 B'; '895 亿美元' with its currency: the value and its kind);
        None when a word glued to it cannot be read ('billionup')."""
        cjk = _CJK_AFTER.match(self.text, f.end) if q.is_plain(value.unit) and value.mag is None else None
        if cjk:
            k = _CJK_SCALE[cjk.group(1)]
            code = _CJK_CURRENCY.get(cjk.group(2) or "", "")
            v = q.Value(value.point * k, _scaled(value.iv, Fraction(k)), value.unit, value.mag)
            return (v, "money:" + code) if code else v
        unread = _UNREAD_MAGNITUDE.match(self.text, f.end)
        if not unread:
            return value
        scale = _ABBREVIATED.get(unread.group().strip().lower()) if value.mag is None else None
        if scale is None:
            return None
        return q.Value(value.point * scale, _scaled(value.iv, Fraction(scale)), value.unit, value.mag)

    def _left_alone(self, f: Fig, at: int) -> str:
        """Why a figure is no filing's fact, whatever its value: an adjusted measure, an
        approximate figure, a figure of the future ('' when none of these)."""
        if _ADJUSTED.search(self.text, max(0, at - 60), at) \
                or f.sent is not None and _EXCLUDING.search(self.text, f.sent.start, f.start):
            return "an adjusted measure, not the filing's"
        if f.approx or _APPROX_BEFORE.search(self.text, max(0, f.start - 16), f.start) \
                or _APPROX_AFTER.match(self.text, f.end):
            return "an approximate figure"
        if self._future(f):
            return "a figure of the future (a forecast, a target)"
        return ""

    def _part_of(self, f: Fig, at: int, words: str, led: str, concept: Concept) -> str:
        """The part the figure is of ('' for the whole), remembered for the bases after
        it in its sentence, with the doubt its words leave."""
        if led:
            part = "" if _norm(led) in self.names | _WHOLE_WORDS else led.lower()
        else:
            part = self._part(at, f) or self._part_after(at, words, f) or (self._subject(f) if at > f.start else "")
        key = (id(f.sent), concept.key)
        if f.role == "base" and not part:  # 'down from the $205.5 billion …': the part of the figure it is the base of
            part = self.parts.get(key, "")
        elif f.role != "base":
            self.parts[key] = part
        self.key = key
        if at > f.start and not part and f.role != "base" and self._named_before(f):
            self.doubtful.add(key)  # 'Wearables, home and accessories brought in $37.0 billion in revenue'
        elif f.role != "base":
            self.doubtful.discard(key)
        return part

    def _value(self, f: Fig) -> tuple[q.Value | None, str]:
        """The figure as compared, and its kind: money, per_share, shares, plain."""
        if f.kind != "amt" or f.role not in TRACED_ROLES:
            return None, ""
        v = f.value
        text = q.unit_text(v.unit)
        if f.code:
            code, scale = f.code, 1
            if len(code) == 4:
                code, scale = code[1:], {"M": 10**6, "K": 10**3, "B": 10**9, "T": 10**12}.get(code[0], 1)
            v = q.Value(v.point * scale, _scaled(v.iv, Fraction(scale)), q.PLAIN, v.mag)
            return v, "money:" + code
        if text.endswith("/share"):
            return v, "per_share:" + text.partition("/")[0]
        if q.has_currency(v.unit):
            return v, "money:" + text
        if text in ("share", "shares"):
            return v, "shares:"
        if q.is_plain(v.unit):
            return v, "plain:"
        return None, ""

    def _find(self, f: Fig, kind: str) -> tuple[Concept, str, int] | None:
        """The concept the words nearest the figure name, of a kind its unit allows, and
        where the words start."""
        if f.sent is None:
            return None
        a, z = self._window(f)
        after = self._nearest_after(f, kind, z)
        if after is None and self._other_measure_after(f):
            return None  # '$97 billion in profit': a measure of its own, not the one named before it
        found = [x for x in (self._nearest_before(f, kind, a), after) if x is not None]
        if not found:
            return self._led(f, kind)
        _, c, phrase, start = min(found, key=lambda x: x[0])
        return c, phrase, start

    def _window(self, f: Fig) -> tuple[int, int]:
        """Where a figure's words may be: from the last figure of another statement (or a
        bullet) before it, to the next figure or the end of its clause after it."""
        s = f.sent
        assert s is not None
        a = s.start
        for g in s.figs[: f.i]:
            if g.stmt is not f.stmt:
                a = max(a, g.end)  # another statement's figure: its words are its own
        a = max(a, self.text.rfind("•", a, f.start) + 1, self.text.rfind("·", a, f.start) + 1)
        z = s.figs[f.i + 1].start if f.i + 1 < len(s.figs) else s.end
        clause = re.search(r"[;；。]|,\s+(?:and|while|but)\b|，", self.text[f.end : z])
        return a, (f.end + clause.start() if clause else z)

    def _other_measure_after(self, f: Fig) -> bool:
        """'$97 billion in profit': the words right after the figure name a measure (a word
        of the table's phrases) that no phrase of the table is."""
        m = _MEASURE_AFTER.match(self.text, f.end)
        return m is not None and m.group("word").lower() in self.phrases.words

    def _nearest_before(self, f: Fig, kind: str, a: int) -> tuple[int, Concept, str, int] | None:
        best: tuple[int, Concept, str, int] | None = None
        for start, end, phrase in self.phrases.find(self.text, max(a, f.start - _NEAR_BEFORE), f.start):
            c = self._fit(phrase, kind)
            if c is not None and not _MODIFIED.match(self.text, end) and (best is None or f.start - end < best[0]):
                best = (f.start - end, c, phrase, start)
        return best

    def _nearest_after(self, f: Fig, kind: str, z: int) -> tuple[int, Concept, str, int] | None:
        """The first phrase after the figure, in its clause and past no comma or bracket:
        '$93.7 billion in net income' binds to it whatever stands before ('-1')."""
        for start, end, phrase in self.phrases.find(self.text, f.end, min(z, f.end + _NEAR_AFTER)):
            c = self._fit(phrase, kind)
            gap = self.text[f.end : start]
            if c is not None and not _MODIFIED.match(self.text, end) and not re.search(r"[,，;；:：()（）]", gap):
                return (-1 if _BOUND_AFTER.fullmatch(gap) else 2 * (start - f.end)), c, phrase, start
            if c is not None:
                return None
        return None

    def _led(self, f: Fig, kind: str) -> tuple[Concept, str, int] | None:
        """A list item 'iPhone: $201.2 billion' names no measure: the item, or the line,
        that leads the list names it ('Revenue by product:'). The label is the part."""
        s = f.sent
        assert s is not None
        head = self.text[s.start : f.start]
        if not re.fullmatch(r"\W*[\w&'’ ,.-]{1,50}?\s*[:：]\s*", head):
            return None
        sentences = self.reading.sentences if self.reading is not None else []
        k = self.sentence_at.get(id(s), 0)
        before = [x for x in sentences[max(0, k - 8) : k] if x.section == s.section]
        for x in reversed(before):
            if re.search(r"[:：]\s*$", self.text[x.start : x.end]):  # the lead: 'Revenue by product line:'
                for start, end, phrase in self.phrases.find(self.text, x.start, x.end):
                    c = self._fit(phrase, kind)
                    if c is not None and not _MODIFIED.match(self.text, end):
                        return c, phrase, start
                return None
            if not re.match(r"\W*[\w&'’ ,.-]{1,50}?\s*[:：]", self.text[x.start : x.end]):
                return None  # not an item of the same list
        return None

    def _fit(self, phrase: str, kind: str) -> Concept | None:
        """The concept of a phrase that a figure of this kind can be of (the first in the
        table's order)."""
        what = kind.partition(":")[0]
        concepts = self.phrases.by_phrase.get(phrase, [])
        for c in concepts:
            if c.kind == what or what == "plain" and c.kind == "money":
                return c
        if what == "money" and re.search(r"share|eps|每股", phrase):  # 'diluted EPS was $6.08': a share's by its words
            return next((c for c in concepts if c.kind == "per_share"), None)
        return None

    def _part(self, at: int, f: Fig) -> str:
        """The words that make the measure a part ("services", "iPhone"), '' for the whole."""
        text = self.text
        s = f.sent
        start = s.start if s is not None else 0
        if at > f.start:
            start = max(start, f.end)  # a phrase after the figure: only the words between
        before = text[max(start, at - 60) : at]
        if _cjk(text[at : at + 1]):
            return _part_zh(before, self.names)
        label = self._label(before)
        if label is not None:
            return label
        part: list[str] = []
        for w in reversed(re.findall(r"[\w&.'’-]+|[,;:()]", before)):
            lw = w.lower()
            if lw in _STOP_WORDS or not w[0].isalnum() or said(w) or _verb_like(lw):
                break
            if not self._whole(w) and not any(c.isdigit() for c in w):
                part.append(lw)
            if len(part) == 3:
                break
        return " ".join(reversed(part))

    def _label(self, before: str) -> str | None:
        """The part a label before the phrase names ('• Americas: Sales increased …'), ''
        for the company's or a total's ('Net Income: $93.7 billion'), None for no label."""
        label = re.match(r"^\W*([\w&'’ .-]{1,40}?)\s*[:：]\s*$", before)
        if label is None or said(label.group(1)):
            return None
        return " ".join(w.lower() for w in label.group(1).split() if not self._whole(w))

    def _whole(self, word: str) -> bool:
        """A word that names the company or its total ('Apple', "Inc.'s", 'total', 'the')."""
        return word.lower() in _WHOLE_WORDS or _norm(word) in self.names or _norm(word) in _WHOLE_WORDS

    def _doubt(self, f: Fig) -> str:
        """Why the figure's measure is not bound without doubt ('' when it is): figures
        paired 'respectively', a sentence about a segment or a unit."""
        s = f.sent
        if s is None or f.stmt is None or f.approx:
            return "its measure is not certain"
        sentence = self.text[s.start : s.end]
        if _RESPECTIVELY.search(sentence):
            return "figures paired 'respectively': which is which is not certain"
        if _PART_WORDS.search(self.text, s.start, f.start):
            return "the sentence is about a part (a segment, a unit), which is not certain"
        if self.key in self.doubtful:
            return ("the base of a figure whose measure is not certain" if f.role == "base" else
                    "its measure is named after it, and a name before it may be of a part")
        return ""

    def _named_before(self, f: Fig) -> bool:
        """A name before the figure in its sentence that is not the company's ('Wearables,
        home, and accessories tallied $39.8 billion in revenue')."""
        s = f.sent
        assert s is not None
        for m in re.finditer(r"[\w&'’.-]+", self.text[s.start : f.start]):
            w = m.group()
            if re.match(r"[A-Z]|i[A-Z]", w) and w.lower() not in _WHOLE_WORDS and _norm(w) not in self.names \
                    and w.lower() not in _STOP_WORDS and not said(w) and w.lower() not in ("lastly", "meanwhile", "overall"):
                return True
        return False

    def _future(self, f: Fig) -> bool:
        """The figure is said of the future: a forecast or target word in its clause before it."""
        s = f.sent
        a = s.start if s is not None else max(0, f.start - 120)
        before = self.text[max(a, f.start - 120) : f.start]
        cut = max(before.rfind(";"), before.rfind("；"), before.rfind("。"))
        return _FUTURE.search(before[cut + 1 :]) is not None

    def _subject(self, f: Fig) -> str:
        """The subject of the figure's clause when its measure is named after it ("iPhone
        made $200.6 billion in revenue", "Services accounted for $85.2 billion in
        revenue"): its first words up to a verb, '' when they are the company's."""
        s = f.sent
        if s is None:
            return ""
        before = self.text[s.start : f.start]
        clause = re.split(r"[,，;；:：]", before)[-1]
        words: list[str] = []
        for w in re.findall(r"[\w&'’.-]+", clause):
            lw = w.lower().strip(".")
            if lw in _STOP_WORDS or said(w):
                break
            if lw in _WHOLE_WORDS or _norm(w) in self.names or not re.match(r"[A-Z]|i[A-Z]", w):
                continue  # a name is a part's: 'iPhone', 'Services' (lowercase words are the verb and the rest)
            words.append(lw)
        return " ".join(words[:3])

    def _part_after(self, at: int, words: str, f: Fig) -> str:
        """The part named right after the phrase ("revenue from its Services segment"), ''
        when none, or when the words name the company itself."""
        end = at + len(words)
        m = _PART_AFTER.match(self.text, end)
        if m is None or (end < f.start and m.end() > f.start):
            return ""
        part = m.group("part")
        names = [w for w in re.findall(r"[\w&'’-]+", part)
                 if _norm(w) not in self.names and w.lower() not in _WHOLE_WORDS and not said(w)]
        return " ".join(n.lower() for n in names)

    def _period(self, f: Fig, concept: Concept) -> Period | None:
        w = self._wanted(f)
        return self.calendar.instant(w) if concept.instant else self.calendar.duration(w)

    def _wanted(self, f: Fig) -> Wanted:
        """The period the figure is of, in words."""
        s = f.sent
        text = self.text
        if s is None:
            return self.default
        phrases = said(text, s.start, s.end)
        nxt = next((g.start for g in s.figs[f.i + 1 :]), s.end)
        base = self._sentence_base(f, phrases)
        for a, _, w in phrases:  # its own: right after it, before the next figure
            if f.end <= a < min(nxt, f.end + 40) and not re.search(r"[,;；。，]", text[f.end : a]):
                return w.over(base)
        return base.earlier() if f.period == "prior" else base

    def _sentence_base(self, f: Fig, phrases: list[tuple[int, int, Wanted]]) -> Wanted:
        """The period a figure is of when nothing right after it says: the nearest said
        before it in its sentence, else its paragraph's, else the draft's."""
        s = f.sent
        assert s is not None
        for a, z, w in reversed(phrases):
            if z <= f.start and w.back == 0:
                return w.over(self._outer(f))
        return self._outer(f)

    def _outer(self, f: Fig) -> Wanted:
        s = f.sent
        assert s is not None
        return self.default

    # ------------------------------------------------------------------ the facts

    def _facts(self, concept: Concept, period: Period, unit: str, part: str) -> list[Fact]:
        """The facts of a concept and period, totals or the breakdown ``part`` names, in a
        unit the figure can be of."""
        out = []
        for name in concept.names:
            for fact in self.by_period.get((name, period), ()):
                if not _unit_fits(fact, unit):
                    continue
                if (not part and _total(fact)) or (part and _member_is(fact, part)):
                    out.append(fact)
        return out

    def _accepted(self, concept: Concept, period: Period, unit: str, part: str) -> list[Fact]:
        """The facts of the first concept the words may mean too (net income: the part
        attributable to the parent's shareholders) that the filing has."""
        for other in concept.accepts:
            facts = self._facts(self.concepts.by_key[other], period, unit, part)
            if facts:
                return facts
        return []

    def _judge(self, f: Fig, value: q.Value, unit: str, concept: Concept, words: str, period: Period,
               part: str) -> Trace:
        facts = self._facts(concept, period, unit, part)
        if part and len({f.dimensions for f in facts}) > 1:
            return Trace("untraced", f, value, concept, words, period, why=f"'{part}' names several breakdowns")
        facts = facts or self._accepted(concept, period, unit, part)
        if not facts:
            why = f"the filing breaks out no '{part}'" if part else "the filing has no such fact for the period"
            return Trace("untraced", f, value, concept, words, period, why=why)
        hit = self._matching(value, facts, concept.outflow)
        for other in concept.accepts if hit is None else ():
            hit = hit or self._matching(value, self._facts(self.concepts.by_key[other], period, unit, part),
                                        concept.outflow)
        if hit is not None:
            return Trace("traced", f, value, concept, words, period, hit, filing=self.filing)
        if not _agree([self._iv(x) for x in facts]):
            return Trace("untraced", f, value, concept, words, period, why="the filing's facts disagree")
        doubt = self._doubt(f)
        if doubt:
            return Trace("untraced", f, value, concept, words, period, facts[0], why=doubt)
        hint = self._hint(f, value, concept, period, unit, part, facts[0])
        return Trace("contradicted", f, value, concept, words, period, facts[0], hint, filing=self.filing)

    # ------------------------------------------------------------------ the hints

    def _hint(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str, part: str,
              fact: Fact) -> tuple[str, str] | None:
        """The classic slip that explains the contradiction, if one does."""
        for find in (self._hint_prior, self._hint_magnitude, self._hint_twin, self._hint_part, self._hint_sign,
                     self._hint_other_period):
            found = find(f, value, concept, period, unit, part)
            if found is not None:
                return found
        return None

    def _iv(self, fact: Fact) -> tuple[Fraction, Fraction] | None:
        key = id(fact)
        if key not in self.iv:
            self.iv[key] = fact.interval
        return self.iv[key]

    def _ov(self, value: q.Value, fact: Fact, unsigned: bool = False) -> bool:
        iv = self._iv(fact)
        return iv is not None and _overlaps(value, iv, unsigned)

    def _value_index(self) -> None:
        if self._by_value_ready:
            return
        pairs = sorted(((float(f.value), i) for i, f in enumerate(self.filing.facts)
                        if f.value is not None and f.unit is not None and _total(f) and not f.concept.startswith("dei:")),
                       key=lambda p: p[0])
        self.values = [v for v, _ in pairs]
        self.value_facts = [self.filing.facts[i] for _, i in pairs]
        self._by_value_ready = True

    def _matching(self, value: q.Value, facts: list[Fact], unsigned: bool = False) -> Fact | None:
        return next((x for x in facts if self._ov(value, x, unsigned)), None)

    def _hint_prior(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str,
                    part: str) -> tuple[str, str] | None:
        w = self._wanted(f).earlier()
        before = self.calendar.instant(w) if concept.instant else self.calendar.duration(w)
        if before is None or before == period:
            return None
        hit = self._matching(value, self._facts(concept, before, unit, part), concept.outflow)
        if hit is None:
            return None
        return ("trace-prior-period", (f"{_show(f)} is the filing's figure for the period before ({before}): "
                 f"{_fact_text(hit)}; for {period} it is {_fact_text(self._facts(concept, period, unit, part)[0])}"))

    def _hint_magnitude(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str,
                        part: str) -> tuple[str, str] | None:
        facts = self._facts(concept, period, unit, part)
        for k, words in ((3, "a thousand"), (4, "ten thousand (万 for 亿?)"), (6, "a million"), (9, "a billion")):
            for sign in (1, -1):
                x = Fraction(10) ** (k * sign)
                scaled = q.Value(value.point * x, _scaled(value.iv, x), value.unit, value.mag)
                hit = self._matching(scaled, facts, concept.outflow)
                if hit is not None:
                    way = "smaller" if sign > 0 else "larger"
                    return ("trace-magnitude", (f"{_show(f)} is {words} times {way} than the filing's "
                             f"{_fact_text(hit)}: check the magnitude (millions for billions, thousands)"))
        return None

    def _hint_twin(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str,
                   part: str) -> tuple[str, str] | None:
        if not concept.twin or concept.twin not in self.concepts.by_key:
            return None
        twin = self.concepts.by_key[concept.twin]
        hit = self._matching(value, self._facts(twin, period, unit, part))
        if hit is None:
            return None
        return ("trace-twin", (f"{_show(f)} is the filing's {twin.words[0]} ({_fact_text(hit)}), not its "
                 f"{concept.words[0]}"))

    def _hint_part(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str,
                   part: str) -> tuple[str, str] | None:
        if part:
            return None
        for name in concept.names:
            for fact in self.by_period.get((name, period), ()):
                if not _total(fact) and _unit_fits(fact, unit) \
                        and self._ov(value, fact, concept.outflow):
                    member = ", ".join(m.rpartition(":")[2] for _, m in fact.dimensions)
                    return ("trace-segment", (f"{_show(f)} is the filing's figure for a part ({member}: "
                             f"{_fact_text(fact)}), not the total"))
        return None

    def _hint_sign(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str,
                   part: str) -> tuple[str, str] | None:
        if concept.outflow:
            return None
        hit = self._matching(q.neg(value), self._facts(concept, period, unit, part))
        if hit is None or not hit.value:
            return None
        return ("trace-sign", (f"{_show(f)} has the wrong sign: the filing gives {_fact_text(hit)} "
                 "(a loss for a profit, an outflow for an inflow?)"))

    def _hint_other_period(self, f: Fig, value: q.Value, concept: Concept, period: Period, unit: str,
                           part: str) -> tuple[str, str] | None:
        for name in concept.names:
            for fact in self.by_name.get(name, ()):
                if fact.period != period and _total(fact) and _unit_fits(fact, unit) \
                        and self._ov(value, fact, concept.outflow):
                    return ("trace-other-period", (f"{_show(f)} is the filing's figure for another period "
                             f"({fact.period}: {_fact_text(fact)})"))
        return None

    # ------------------------------------------------------------------ by value

    def _by_value(self, f: Fig, value: q.Value, why: str) -> Trace:
        """A figure of no concept: traced by value when its interval holds one fact alone
        (one concept, one period), and it is written to three significant digits."""
        if f.approx or _significant(f.m.text) < 4 or value.iv.lo is None or value.iv.hi is None:
            return Trace("untraced", f, value, why=why)
        kind = self._value(f)[1]
        self._value_index()
        lo, hi = value.iv.lo, value.iv.hi
        i, j = bisect_left(self.values, float(lo) * (1 - 1e-9)), bisect_right(self.values, float(hi) * (1 + 1e-9))
        if j - i > 50:
            return Trace("untraced", f, value, why=why)
        found = {(x.concept, x.period): x for x in self.value_facts[i:j]
                 if _unit_fits(x, kind) and x.value is not None and lo <= x.value <= hi}
        if len(found) != 1:
            return Trace("untraced", f, value, why=why)
        fact = next(iter(found.values()))
        return Trace("value", f, value, None, "", fact.period, fact, filing=self.filing)


# ---------------------------------------------------------------------- helpers


def _part_zh(before: str, names: set[str]) -> str:
    """The characters before a Chinese phrase that make it a part (茅台酒), '' for the whole:
    what follows the last word that ends a subject (公司, 实现, 2023财年, 的 …), without the
    company's name and the words of a total (总, 合计)."""
    tail = re.search(r"[\u4e00-\u9fffA-Za-z]*$", before)
    word = tail.group() if tail else ""
    cuts = [m.end() for m in _ZH_BOUNDARY.finditer(word)]
    word = word[cuts[-1]:] if cuts else word
    for n in names:
        if n and n in word:
            word = word.replace(n, "")
    word = re.sub(r"^(?:公司|集团|本集团|本公司|实现|录得|全年|年度|报告期内|期内|其中|合计|总|其|该公司|该集团|该)+", "", word)
    return re.sub(r"(?:总|合计|全部|整体)+$", "", word)


def _scaled(iv: Interval, x: Fraction) -> Interval:
    lo, hi = iv.lo, iv.hi
    if lo is None or hi is None:
        return iv
    a, b = lo * x, hi * x
    return Interval(min(a, b), max(a, b))


def _overlaps(value: q.Value, iv: tuple[Fraction, Fraction], unsigned: bool = False) -> bool:
    """The figure's interval and the fact's (``iv``) meet (the figure rounds from the
    fact's value); ``unsigned``: a payment, compared without its sign."""
    lo, hi = value.iv.lo, value.iv.hi
    if lo is None or hi is None:
        return False
    if unsigned and iv[1] < 0:
        iv = (-iv[1], -iv[0])
    return iv[0] <= hi and lo <= iv[1]


def _agree(intervals: list[tuple[Fraction, Fraction] | None]) -> bool:
    """The facts (duplicates of one figure) say one value: their intervals all meet, each
    widened by its own step, as a summary that truncates (百万円未満切捨て: 1,767 million for
    the statements' 1,767,655 thousand) still says the statements' figure."""
    ivs = [(a - (b - a) / 2, b + (b - a) / 2) for a, b in (iv for iv in intervals if iv is not None)]
    return bool(ivs) and max(a for a, _ in ivs) <= min(b for _, b in ivs)


def _unit_fits(fact: Fact, kind: str) -> bool:
    """The fact's unit is one the figure can be in: the same currency (a figure with no
    currency: any), the same currency a share, shares."""
    what, _, code = kind.partition(":")
    unit = fact.unit
    if unit is None:
        return False
    text = _unit_text(unit)
    if what == "per_share":
        return text.endswith("/share") and (not code or text.startswith(code) or _yen(code, text))
    if what == "shares":
        return text == "shares"
    if what == "money":
        return text == code or _yen(code, text)
    return "/" not in text and text not in ("", "shares", "pure")


@functools.lru_cache(maxsize=512)
def _unit_text(unit: Unit) -> str:
    return unit.text


def _yen(code: str, text: str) -> bool:
    """¥ is read as yuan; in a yen filing it is yen."""
    return code == "CNY" and text.startswith("JPY")


def _member_is(fact: Fact, part: str) -> bool:
    """A fact's member names the part: every word of the part begins a word of the member
    ("services" and us-gaap:ServiceMember, "iphone" and aapl:IPhoneMember)."""
    words = [w for w in part.lower().replace("-", " ").split() if w not in ("segment", "business", "division")]
    if not words or len(fact.dimensions) != 1:
        return False
    parts = _member_words(fact.dimensions[0][1])
    joined = "".join(parts)
    return all(any(p.startswith(w[:5]) or w.startswith(p) and len(p) >= 4 for p in parts) or w == joined
               for w in words)


#: members that say how a total is given, not which part ("Consolidated", "Result" as against "Forecast")
NEUTRAL_MEMBERS = frozenset({"ConsolidatedMember", "ResultMember", "ActualMember", "ReportedMember"})


def _total(fact: Fact) -> bool:
    """A fact of the whole: no dimension, or only members that say how it is given (a
    summary's 'consolidated, result')."""
    return all(m.rpartition(":")[2] in NEUTRAL_MEMBERS for _, m in fact.dimensions)


@functools.lru_cache(maxsize=2048)
def _member_words(qname: str) -> tuple[str, ...]:
    """The words of a member's name: aapl:IPhoneMember -> ('iphone',), GreaterChinaSegmentMember -> ('greater', 'china')."""
    member = re.sub(r"(Member|Segment|Domain)+$", "", qname.rpartition(":")[2])
    return tuple(p.lower() for p in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", member))


def _verb_like(word: str) -> bool:
    """A lowercase word a noun phrase does not go past: a past tense or a participle
    ('totaled', 'grossing'), which ends the words that name a part."""
    return word.islower() and len(word) > 4 and word.endswith(("ed", "ing"))


def _significant(text: str) -> int:
    digits = re.sub(r"\D", "", text.split(".")[0] + ("." + text.split(".", 1)[1] if "." in text else ""))
    return len(digits.lstrip("0"))


def _norm(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower()).strip(".,")


def _entity_words(filing: Filing) -> set[str]:
    """The words of the company's name as the filing states it (dei:EntityRegistrantName,
    ifrs-full:NameOfReportingEntityOrOtherMeansOfIdentification), each a name."""
    out: set[str] = set()
    for concept in ("dei:EntityRegistrantName", "ifrs-full:NameOfReportingEntityOrOtherMeansOfIdentification",
                    "jpdei_cor:FilerNameInJapaneseDEI", "jpdei_cor:FilerNameInEnglishDEI"):
        for i in filing.by_concept.get(concept, ())[:2]:
            text = filing.facts[i].text or filing.facts[i].raw or ""
            for w in re.findall(r"[\w&'’-]+", text):
                if w.lower() not in ("inc", "plc", "ltd", "limited", "corp", "corporation", "co", "company", "group",
                                     "sa", "se", "ag", "nv", "ab", "asa", "as", "the", "holdings"):
                    out.add(_norm(w))
            if _cjk(text):
                out.add(text.strip())
    return out


def _lead_periods(text: str, s: Sentence) -> list[Wanted]:
    """The periods a sentence of the lead says of the whole story: a year, a quarter or a
    half named, a year to a month; not a bare 'quarterly', nor a base's year ('from
    $96.995 billion in 2023')."""
    bases = [g.end for g in s.figs if g.period == "prior" or g.role == "base"]
    return [w for a, _, w in said(text, s.start, s.end)
            if w.back == 0 and (w.year is not None or w.end or w.months in (9, 12) or w.months and w.n)
            and not any(0 <= a - e <= 30 for e in bases)]


def _draft_names(reading: Reading) -> set[str]:
    """The company's name as the draft writes it: the capitalized words of its title (its
    first heading, else its first sentence) that end in a possessive or come before one
    ("Ricoh Leasing's", "Apple's"), and the Chinese name a Chinese title starts with."""
    if not reading.sentences:
        return set()
    text = reading.text
    heads = [b for b in reading.draft.blocks if b.kind == "heading"][:1]
    a, b = (heads[0].start, heads[0].end) if heads else (reading.sentences[0].start, reading.sentences[0].end)
    title = text[a:b]
    out: set[str] = set()
    for m in re.finditer(r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s?\b", title):
        out |= {_norm(w) for w in m.group(1).split()}
    first = re.findall(r"[A-Z][\w&.'’-]+", title)
    if first and not out:
        out.add(_norm(first[0]))  # 'Apple in fiscal 2024': the title's first name
    zh = re.match(r"[\u4e00-\u9fff]{2,8}?(?=20\d\d|上半年|全年|一季度|实现|营业|净利|的)", title)
    if zh:
        out.add(zh.group())
    return out


def _show(f: Fig) -> str:
    return " ".join(f.m.text.split())


def _fact_text(fact: Fact) -> str:
    return f"{fact.concept} = {written(fact)}"
