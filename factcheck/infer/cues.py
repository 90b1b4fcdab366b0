"""The words that mark a relation in financial prose: directions, roles, approximations.

Every table here is what a rule reads; a word added here is read by every rule that
uses its table. English patterns are matched on lower-cased text, Chinese ones as
written. Each pattern is anchored where it says so: a cue counts only right next to
its figure, never anywhere in the sentence.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from factcheck.lazyre import Lazy, has_cjk

_Lazy = Lazy  # the name the rules' modules use


def _lazy(pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> _Lazy:
    return _Lazy(pattern, flags, needs)


def _cn(pattern: str, flags: int = 0) -> _Lazy:
    """A Chinese pattern: tried only on a text with a Chinese character in it."""
    return _Lazy(pattern, flags, cjk=True)


#: where a pattern expects a change word: any word (with its article, or "of"), which
#: ``_Cued`` then looks up in UP and DOWN. Two word lists spelled out in a dozen patterns
#: cost more to compile (tens of milliseconds at every run) than all the rules cost to run.
CUE = r"(?P<cue>(?:an? )?[a-z]+(?: (?:of|up|in))?)"


class _CuedMatch:
    """A match whose ``cue`` group is read as ``up`` or ``down`` (or, with ``also``, kept)."""

    __slots__ = ("_m", "_sign")

    def __init__(self, m: re.Match[str], sign: int) -> None:
        self._m, self._sign = m, sign

    def group(self, name: str) -> str | None:
        if name == "up":
            return self._m.group("cue") if self._sign > 0 else None
        if name == "down":
            return self._m.group("cue") if self._sign < 0 else None
        return self._m.group(name)

    def end(self) -> int:
        return self._m.end()


class _Cued(_Lazy):
    """A pattern with a ``CUE`` slot: a match stands only when the slot holds a change word
    (or is empty, where the pattern makes it optional, or holds one of ``also``)."""

    def __init__(self, pattern: str, also: frozenset[str] = frozenset(), needs: tuple[str, ...] = ()) -> None:
        super().__init__(pattern, needs=needs)
        self._also = also

    def _judge(self, m: re.Match[str] | None) -> _CuedMatch | None:
        if m is None:
            return None
        cue = m.group("cue")
        if cue is None:
            return _CuedMatch(m, 0)
        sign = cue_sign(cue)
        if sign == 0 and cue not in self._also:
            return None
        return _CuedMatch(m, sign)

    def match(self, text: str, *a: Any) -> Any:
        return self._judge(self._get().match(text, *a)) if self.may_match(text) else None

    def search(self, text: str, pos: int = 0) -> Any:
        """The first place the pattern matches with a change word in its slot."""
        if not self.may_match(text):
            return None
        p = self._get()
        while pos <= len(text):
            m = p.search(text, pos)
            if m is None:
                return None
            judged = self._judge(m)
            if judged is not None:
                return judged
            pos = m.start() + 1
        return None


def cue_sign(words: str) -> int:
    """+1 for a word of rise ('rose', 'an increase of'), -1 for one of fall, else 0."""
    words = words.strip()
    for w in (words, words.split(" ", 1)[-1] if words.startswith(("a ", "an ")) else words):
        if w in _UP:
            return 1
        if w in _DOWN:
            return -1
    return 0

# --------------------------------------------------------------------------- direction

#: verbs and nouns that make a change upward, right before its figure ("rose 5%")
UP_EN = (
    "rose|rises|rising|risen|grew|grows|growing|grown|increased|increases|increasing|climbed|climbing|"
    "jumped|jumping|gained|gaining|surged|surging|soared|soaring|advanced|expanded|expanding|widened|"
    "rebounded|accelerated|added|up|higher|an increase of|a rise of|a jump of|a gain of|"
    "growth of|a surge of|an expansion of|increase of|rise of|raised|lifted|"
    "an increase|a rise|a gain|a jump|raising|lifting|lifts|an acceleration of|an acceleration|a pickup of"
)
#: ... and downward ("fell 5%", "a cut of 25 basis points")
DOWN_EN = (
    "fell|falls|falling|fallen|declined|declines|declining|decreased|decreases|decreasing|dropped|"
    "dropping|slipped|slipping|slid|sliding|shrank|shrinking|shrunk|plunged|plunging|tumbled|tumbling|"
    "sank|sinking|narrowed|narrowing|contracted|contracting|lost|losing|eased|easing|retreated|"
    "slumped|down|lower|a decline of|a fall of|a drop of|a decrease of|a cut of|a reduction of|"
    "a contraction of|a slide of|cut|cutting|lowered|lowering|reduced|reducing|trimmed|"
    "a decline|a fall|a drop|a cut|a decrease|a loss of|a loss|a deceleration of|a deceleration|a slowdown of|a slowdown"
)
def _with_bare(words: str) -> frozenset[str]:
    """The words, and each phrase also without its article ('a fall of', 'fall of')."""
    out = set(words.split("|"))
    return frozenset(out | {w.split(" ", 1)[1] for w in out if w.startswith(("a ", "an "))})


_UP = _with_bare(UP_EN)
_DOWN = _with_bare(DOWN_EN)
#: words that judge a change without saying its direction: an unemployment rate that
#: "improved" fell; "fell to 65% from 71%, an improvement of six points" is -6 pp. After
#: the figures they stand for the change; its sign is the verb's or the figures' own.
NEUTRAL = _with_bare("improved|an improvement of|an improvement|a deterioration of|a deterioration|worsened|a worsening of")
UP_CN = "同比增长|同比增加|同比上涨|同比上升|同比提升|同比提高|增长|增加|上涨|上升|提升|提高|攀升|扩大|大增|增幅为|增幅达|增幅|涨幅为|涨幅|上调"
DOWN_CN = "同比下降|同比下滑|同比减少|同比降低|同比下跌|下降|下滑|减少|降低|下跌|回落|收窄|缩减|缩小|下调|降幅为|降幅达|降幅|跌幅为|跌幅"

#: what may stand between the cue and the figure: "rose by about 5%", "增长了约5%"
_FILL_EN = r"(?:\s+(?:by|some|about|around|roughly|approximately|nearly|almost|more than|over|less than|just over|just under|year[- ]on[- ]year|y/y|yoy|on the year|a further|an? (?:annual|yearly))){0,3}"
_FILL_CN = r"(?:了|为|达|约|近|超过|逾|将近|接近)*"

#: "cut its rate by 25 basis points": a short object between the verb and "by"
_OBJECT_BY = r"(?:\s+(?:its|their|the|his|her|our)(?:\s+[\w'’-]+){1,4}\s+by)?"
_DIR_EN = _Cued(rf"\b(?<!made )(?<!make )(?<!makes )(?<!making ){CUE}{_OBJECT_BY}{_FILL_EN}\s*\(?$")
_DIR_CN = _cn(rf"(?:(?P<up>{UP_CN})|(?P<down>{DOWN_CN})){_FILL_CN}$")
#: after the figure: "5% higher than", "3% lower", "5% up on the year"
_DIR_AFTER = _lazy(r"^\s*(?:(?P<up>higher|more|up|above)|(?P<down>lower|less|down|below))\b", needs=('higher', 'more', 'up', 'above', 'lower', 'less', 'down', 'below'))


def direction_before(gap: str) -> int:
    """+1 or -1 when ``gap`` (the text before a figure) ends with a change cue, else 0."""
    tail = gap[-60:]
    m = _DIR_EN.search(tail.lower()) or (_DIR_CN.search(tail) if has_cjk(tail) else None)
    if not m:
        return 0
    return 1 if m.group("up") else -1


def direction_after(gap: str) -> int:
    m = _DIR_AFTER.match(gap.lower())
    if not m:
        return 0
    return 1 if m.group("up") else -1


def has_direction_word(text: str) -> bool:
    """A change cue anywhere in ``text`` (a list of changes is not a partition)."""
    low = text.lower()
    low = re.sub(r"\b(?:made|make|makes|making) up\b", "", low)
    words = re.findall(r"[a-z]+", low)
    if any(w in _UP or w in _DOWN for w in words):
        return True
    pairs = (" ".join(words[i : i + 3]) for i in range(len(words)))
    return any(cue_sign(p.rsplit(" ", k)[0]) for p in pairs for k in (0, 1, 2)) or (has_cjk(text) and bool(_CN_WORDS.search(text)))


_CN_WORDS = _cn(f"{UP_CN}|{DOWN_CN}")


# --------------------------------------------------------------------------- roles

#: fillers that may stand between a figure and a role word: "in 2023", "a year earlier"
_PERIOD = (
    r"(?:\s*(?:(?:in|for|during|over) (?:the )?(?:\d{4}|first|second|third|fourth|last|latest|same|previous|"
    r"prior|december|march|june|september|fiscal|financial)[\w ,-]{0,30}?|(?:last|this|next) (?:year|quarter|month|week)|"
    r"a year (?:earlier|ago|before)|year[- ]on[- ]year|in the (?:quarter|period|year|half)|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"a (?:week|month|quarter) (?:earlier|ago|before)|the (?:previous|prior) (?:year|quarter|month|week)|"
    r"in the (?:year|quarter|half|(?:three|six|nine|twelve) months) (?:to|ended|ending) [a-z]+))*"
)
_YOY_WORDS = r"(?:year[- ]on[- ]year|y/y|yoy|on the year|from a year (?:earlier|ago|before)|from (?:the )?(?:previous|prior|last) (?:year|quarter)|compared with a year earlier)"
_YOY = rf"(?:\s*,?\s*{_YOY_WORDS})?"

#: a few words of setting: "from about 80% at its peak to 33%", "rose 5.9% in the North East to"
_SETTING = r"(?:\s+(?:at|in|during|on|for)\s+(?:(?!and\b|while\b|but\b|from\b|to\b)[\w'’-]+\s*){1,4})?"
#: a base named as a level: "from the revised February level of", "from the previous month's reading of"
_LEVEL = r"\s+(?:the|a|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:level|figure|reading|estimate|total|tally)\s+of"
#: the gap between a change and the new figure: "rose 5% to", "grew 5% from a year earlier to"
TO = _lazy(rf"^{_YOY}{_PERIOD}{_SETTING}\s*,?\s*(?:to|at|reaching|to reach|to hit)(?:\s+an? (?:record|new|all-time|fresh)(?: high| low)?(?: of)?)?\s*$", needs=('to', 'at', 'reaching'))
#: the gap before a base: ", from", ", up from", "compared with", "versus"
BASE = _lazy(
    rf"^{_PERIOD}\s*[,(]?\s*(?:(?:up|down|rising|falling|climbing)\s+)?(?:{_YOY_WORDS}\s*)?"
    r"(?:from|compared (?:with|to)|versus|vs\.?|against|over)"
    r"(?:\s+(?:a year[- ]earlier|the year[- ]earlier|last year's|a year earlier's|the previous year's|the prior[- ]year|the prior year's|the same period's))?"
    r"(?:\s+(?:figure|level|total|tally))?(?:\s+of|\s+the)?\s*$"
, needs=('from', 'compared', 'versus', 'vs', 'against', 'over'))
#: the gap between a base and the new figure in "from Z to Y"
FROM_TO = _lazy(rf"^{_PERIOD}{_SETTING}\s*(?:,\s*)?to\s*$", needs=('to',))
#: the end of the text before a base: "from", "rose from", "up from"
FROM_END = _lazy(r"\b(?:from|between)(?:\s+(?:about|around|roughly|some|nearly|almost|more than|just over|just under))?\s*$", needs=('from', 'between'))
#: between the new figure and its change, after "from Z to Y": ", up", ", an increase of", ", or"
AFTER_NEW = _Cued(
    rf"^{_PERIOD}\s*[,(;:]\s*(?:(?:which is|which was|that is|or|an?|for|marking|representing|equal to|a change of)\s+)*"
    rf"(?:(?P<or>or)|{CUE})?{_FILL_EN}\s*$"
, also=NEUTRAL, needs=(',', '(', ';', ':'))
#: between the figure and its base in "Y, up 5% from Z"
AFTER_CHANGE_BASE = _lazy(rf"^{_YOY}\s*,?\s*(?:from|on|over|compared (?:with|to)|versus|vs\.?|against)(?:\s+(?:a year[- ]earlier|last year's|the year[- ]earlier|the prior[- ]year))?(?:{_LEVEL}|(?:\s+(?:figure|level))?(?:\s+of)?)\s*$", needs=('from', 'on', 'over', 'compared', 'versus', 'vs', 'against'))
#: "5% higher than Z at Y"
THAN = _lazy(r"^\s*(?:higher|lower|more|less|above|below)\s+than\s*(?:the\s+)?$", needs=('than',))
THAN_AT = _lazy(rf"^{_PERIOD}(?:\s*(?:a year (?:earlier|ago|before)|last year|the year before|the previous year))?\s*[,]?\s*(?:at|to|reaching)\s*$", needs=('at', 'to', 'reaching'))

TO_CN = _cn(r"^[，,]?\s*(?:至|到|达到|达|为)$")
BASE_CN = _cn(
    r"^[，,；;]?\s*(?:而|其中)?(?:上年同期为|去年同期为|上年同期|去年同期|上年为|去年为|上一年为|上年度为|上一年度为|"
    r"上年同期的|去年同期的|较上年同期的|较去年同期的|较上年的|较去年的|上季度为|上月为|前值为|前值|\d{4}年(?:同期)?为)$"
)
FROM_CN_END = _cn(r"(?:由|从|自)(?:上年同期|去年同期|上年|去年|年初|\d{4}年(?:末|底|初|年末|年底)?|\d{1,2}月(?:份|末|底)?|[^，,。；;%\d]{1,8}?的)?(?:的)?$")
FROM_TO_CN = _cn(
    r"^(?:增至|增长至|增加至|增加到|增长到|升至|上升至|上升到|提高至|提高到|提升至|提升到|攀升至|扩大至|涨至|"
    r"降至|下降至|下降到|减少至|减少到|降到|下滑至|下滑到|回落至|跌至|收窄至|缩小至|下调至|上调至|调降至|调升至|恢复至|回升至|"
    r"增长为|扩大到|至|到)"
    r"(?:\d{4}年(?:末|底|初)?(?:的)?)?$"
)
AFTER_NEW_CN = _lazy(rf"^[，,]\s*(?:累计|合计|共|均)?(?:同比)?(?:(?P<up>{UP_CN})|(?P<down>{DOWN_CN}))?{_FILL_CN}$")
#: "Y，同比增长5%，上年同期为Z": the text after the change, before the base
AFTER_CHANGE_BASE_CN = BASE_CN

#: the new figure's own lead-in when it stands first: "Y, up 5% from Z" needs nothing, but
#: its change must follow at once
NEW_THEN_CHANGE = _Cued(
    rf"^{_PERIOD}\s*[,(]\s*{CUE}{_FILL_EN}\s*$"
, needs=(',', '('))
#: "closed at 3,912.6, up 42.8 points, or 1.1%, from 3,869.8": the amount, then the percent
OR_PERCENT = _lazy(r"^\s*(?:points?)?\s*,?\s*(?:or|and)\s*(?:about |some )?$", needs=('or', 'and'))
#: "Y …, to Y from Z, up P" — the change after a "to … from" pair
TO_FROM_THEN = _Cued(
    rf"^{_PERIOD}(?:\s*(?:a year (?:earlier|ago|before)|last year|the previous year|on \w+))?{_SETTING}\s*[,(;:]\s*"
    r"(?:(?:which is|which was|that is|or|an?|for|marking|representing|equal to)\s+)*"
    rf"(?:(?P<change>(?:a )?change of|(?:a )?swing of|or)|{CUE})?{_FILL_EN}\s*\(?$"
, also=NEUTRAL, needs=(',', '(', ';', ':'))
#: "… of that", "of the total", "of it": a whole named before
OF_THAT = _lazy(r"^\s*of\s+(?:that|this|it|the total|that total|this total|the whole|the sum)\b", needs=('of',))
TO_END = _Cued(
    rf"\b{CUE}(?:\s+[\w'’-]+){{0,3}}?\s+(?:to|at)\s*$",
    also=frozenset("went moved stood was were is are ended closed reached hit improved eased widened narrowed "
                   "deteriorated slowed taking bringing pushing".split()) | {"came in", "picked up"},
)
TO_FROM_GAP = _lazy(rf"^{_PERIOD}(?:\s*(?:last year|this year|a year (?:earlier|ago)))?\s*,?\s*(?:from|compared with|versus|against)\s*$", needs=('from', 'compared', 'versus', 'against'))
#: 收于3925.6点，较前一交易日的3883.1点上涨1.1%
COMPARED_CN = _cn(r"^[，,]\s*(?:较|比|相比)[^，,。；]{0,14}?(?:的)?$")
CHANGE_CN = _cn(rf"^(?:(?P<up>{UP_CN})|(?P<down>{DOWN_CN})){_FILL_CN}$")
NEW_THEN_CHANGE_CN = _cn(rf"^[，,]\s*(?:同比)?(?:(?P<up>{UP_CN})|(?P<down>{DOWN_CN})){_FILL_CN}$")


# --------------------------------------------------------------------------- approximations


class Approx(NamedTuple):
    """What a word before (or after) a stated figure does to its comparison."""

    compare: str  # the claims language's compare
    tolerance: str | None
    words: str  # for the documentation table


#: One table for every rule (README "Approximation words" prints it): a bare figure gets
#: only its precision.
APPROXIMATIONS: tuple[tuple[_Lazy, _Lazy | None, Approx], ...] = (
    (
        _lazy(r"\b(?:about|around|roughly|approximately|some|circa|an estimated|estimated at|close to)\s*$"),
        _cn(r"(?:约|大约|大概|近似)(?:为|是|达)?$"),
        Approx("≈", "5%", "about, around, roughly, approximately, some, circa, close to; 约, 大约, …左右"),
    ),
    (
        _lazy(r"\b(?:more than|over|above|in excess of|upwards of|north of|just over|well over)\s*$"),
        _cn(r"(?:超过|逾|超)(?:了)?$"),
        Approx(">", None, "more than, over, above, in excess of; 超过, 逾, …以上, …多"),
    ),
    (
        _lazy(r"\b(?:at least|no less than)\s*$"),
        _cn(r"(?:至少|不少于|不低于)$"),
        Approx(">=", None, "at least, no less than; 至少, 不少于"),
    ),
    (
        _lazy(r"\b(?:nearly|almost|just under|just shy of)\s*$"),
        _cn(r"(?:近|将近|接近|逼近|几乎)(?:为|达)?$"),
        Approx("<=", None, "nearly, almost, just under; 近, 将近, 接近"),
    ),
    (
        _lazy(r"\b(?:less than|under|below|fewer than)\s*$"),
        _cn(r"(?:不到|不足|低于|少于)$"),
        Approx("<", None, "less than, under, below; 不到, 不足"),
    ),
)
_AFTER_APPROX = (
    (_cn(r"^(?:左右|上下)"), Approx("≈", "5%", "")),
    (_cn(r"^(?:以上|多)"), Approx(">", None, "")),
)
EXACT = Approx("≈", None, "a bare figure: its precision only")


def approximation(before: str, after: str) -> Approx:
    """The approximation word right before (or after, in Chinese) a stated figure."""
    tail = before[-40:]
    for en, cn, approx in APPROXIMATIONS:
        if en.search(tail.lower()) or (cn is not None and has_cjk(tail) and cn.search(tail)):
            return approx
    for pattern, approx in _AFTER_APPROX if has_cjk(after[:2]) else ():
        if pattern.match(after):
            return approx
    return EXACT


_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "≈": "≈"}


def signed(approx: Approx, sign: int) -> str:
    """'fell more than 5%' is a change below -5%: the comparison turns with the sign."""
    return approx.compare if sign >= 0 else _FLIP[approx.compare]


# --------------------------------------------------------------------------- other cues

#: a partition of one whole, next to one of its shares: "the remaining 13%", "others 15%"
PARTITION_BEFORE = _lazy(
    r"(?:\b(?:the rest|the remaining|the remainder|remaining|others|all others|other \w+|all other \w+|"
    r"everyone else|everything else)(?:\s+(?:at|with|take|took|takes|had|hold|held|account for|accounted for|made up|"
    r"make up|share|was|were|is|are|of))?(?:,\s*[^,;]{1,40},)?[\s,:]*$)|(?:其余|其他|其它|剩余|余下)[^，,。；;]{0,8}$"
, needs=('rest', 'remain', 'other', 'else', '其余', '其他', '其它', '剩余', '余下'))
PARTITION_AFTER = _lazy(
    r"^\s*(?:(?:went|goes|go|is|was|were|are)\s+)?(?:to|for|of|from|by|among|between)\s+(?:the rest|the remainder|others|all others|"
    r"other \w+|all other \w+|everyone else|the remaining \w+)"
, needs=('rest', 'remain', 'other', 'else'))
SPLIT_WAYS = _lazy(
    r"\bsplit\b[^.;]{0,40}\bways?\b|\bbroke down as\b|\bbreakdown\b|构成为|分布为|(?:其他|其余|其它)[^，,。；]{0,12}分别(?:占|为)",
    needs=("split", "broke down", "breakdown", "构成为", "分布为", "分别"),
)

#: a share of a whole: "accounted for 74% of", "made up 43% of", "占…的"
SHARE_CUE = _lazy(
    r"^\s*,?\s*(?:which |that |or )?(?:accounted for|accounting for|accounts for|made up|makes up|making up|took|take|takes|"
    r"absorbed|consumed|ate up|swallowed|captured|commanded|held|"
    r"represented|represents|representing|comprised|constituted|contributed|was|were|is|or|equal to|equivalent to)"
    r"(?:\s+(?:about|around|roughly|nearly|almost|more than|some|just over|just under|approximately))?\s*$"
)
#: "… 71% of sales of 41.6 billion yuan, or 29.5 billion yuan": the part after the whole
SHARE_OR = _lazy(r"^\s*,?\s*(?:or|that is|i\.e\.,?)\s*(?:some |about |around |roughly )?$", needs=('or', 'that is', 'i.e'))
SHARE_OF = _lazy(r"^\s*of\s+(?:the\s+|its\s+|their\s+|a\s+)?[\w'’ -]{0,40}?\s*$", needs=('of',))

#: "N times", "N-fold" as the ratio of two amounts
TIMES_AFTER = _lazy(r"^(?:\s*times|-fold|\s*fold|倍)", needs=('times', 'fold', '倍'))
TIMES_SUBJECT = _lazy(
    r"(?:\b(?:is|was|are|were|be|been|stood at|came to|equal to|equivalent to|or)(?:\s+(?:now|still|already|about|around|roughly|"
    r"nearly|almost|more than|over|some|just over|well over))*|^\s*(?:[a-z]+\s*)?,\s*(?:or\s+)?(?:about|around|roughly|nearly|almost|"
    r"more than|over|some)?)\s*$"
)
TIMES_REF = _lazy(r"^\s*(?:(?:times|-fold|fold)\s+)?(?:that of|those of|the size of|as (?:large|big|much|high) as|the level of|the|its|their)?[\w'’ ]{0,30}?\s*(?:of\s+)?$")
#: "equal to two and a half years of its net profit"
YEARS_OF = _lazy(
    r"\b(?:equal to|equals|equivalent to|the equivalent of|worth|amounting to|amounts to|or)\s+(?:about |around |roughly |nearly |almost |more than |some )?$"
, needs=('equal', 'equivalent', 'worth', 'amount', 'or'))
YEARS_OF_CN = _cn(r"相当于(?:约|近|超过)?$")
EARNINGS_OF = _lazy(
    r"^\s*(?:of|of its|of the company's|of the group's|worth of|in)\s+(?:annual\s+|yearly\s+|the\s+|its\s+)?(?:[a-z-]+\s+)?"
    r"(?:net\s+|operating\s+|non-gaap\s+|adjusted\s+)?(?:profit|profits|earnings|income|revenue|revenues|sales|"
    r"free cash flow|cash flow|capital spending|capex|spending)\b"
, needs=('profit', 'earning', 'income', 'revenue', 'sales', 'cash flow', 'capital spending', 'capex', 'spending'))
EARNINGS_OF_CN = _cn(r"^(?:的)?[^\d，,。；]{0,10}?(?:净利润|利润|营收|营业收入|收入|盈利)")
EARNINGS_NAME = _lazy(
    r"\b(?:net\s+|operating\s+|non-gaap\s+|adjusted\s+|annual\s+)?(?:profit|profits|earnings|income|revenue|revenues|sales|"
    r"free cash flow|cash flow)\s+(?:of|was|were|stood at|came to|totalled|totaled|reached|at)\s*(?:about |around |some )?$"
, needs=('profit', 'earning', 'income', 'revenue', 'sales', 'cash flow'))
EARNINGS_NAME_CN = _cn(r"(?:净利润|利润|营收|营业收入|收入)(?:为|达|约|达到)?$")

CAGR = _lazy(
    r"\b(?:compound(?:ed)? annual (?:growth rate |rate of growth |growth |rate )?(?:of )?|cagr (?:of )?|an? (?:annual|annualised|annualized) "
    r"(?:average )?(?:growth )?(?:rate )?(?:of )?|annualised growth of |annualized growth of |average annual growth (?:rate )?(?:of )?)"
    r"(?:about |around |roughly |nearly |almost |more than |some )?$"
, needs=('compound', 'cagr', 'annual'))
CAGR_CN = _cn(r"(?:年均复合增长率|复合年增长率|年复合增长率|年均增长率|年均增速|年均增长|复合增长率)(?:为|达|达到|约|近|超过)*$")
OVER_YEARS = _lazy(r"\b(?:over|in|across|during|for)\s+(?:the\s+(?:past|last|next)\s+)?$", needs=('over', 'in', 'across', 'during', 'for'))

#: "leaving a trade surplus of", "a gap of", "顺差为"
DIFFERENCE = _lazy(
    r"\b(?:surplus|deficit|gap|shortfall|difference|spread|margin)\s+(?:of|was|is|stood at|came to|at|widened to|narrowed to)?\s*(?:about |around |roughly |nearly |almost |more than |some )?$"
, needs=('surplus', 'deficit', 'gap', 'shortfall', 'difference', 'spread', 'margin'))
DIFFERENCE_CN = _cn(r"(?:顺差|逆差|差额|缺口|差距|相差|[存贷收支]差|高出|多出|超出|低了|少了|高了|多了)(?:为|达|达到|约|扩大至|收窄至)*$")

#: a founding: the cue, a few words of place or object, then "in" right before the year
FOUNDED = _lazy(
    r"\b(?:founded|set up|established|created|incorporated|formed|born|began|started|launched|opened)"
    r"\b(?:\s+(?!and\b|but\b|while\b)[\w'’-]+){0,8}?\s+(?:in|back in|as early as)\s*$"
, needs=('founded', 'set up', 'established', 'created', 'incorporated', 'formed', 'born', 'began', 'started', 'launched', 'opened'))
FOUNDED_CN = _cn(r"(?:成立于|创立于|创办于|创建于|成立|创立|创办|诞生于|始建于)$")
#: the same cue after a Chinese year: 1995年创立的…
FOUNDED_AFTER_CN = _cn(r"^(?:年)?(?:[^，,。\d]{0,2})?(?:创立|成立|创办|创建|注册成立|诞生|实施|推出|启动|设立|开业|上市)")
FIRST_HELD = _lazy(
    r"\b(?:first (?:held|staged|took place|was held|ran|run|organised|organized|hosted|opened)|"
    r"held for the first time|staged for the first time|(?:the )?(?:first|inaugural) (?:one|edition|event|festival)?\s*"
    r"(?:was |being )?(?:held|staged|run)?)\s*(?:in|back in)?\s*$"
, needs=('first', 'inaugural'))
FIRST_HELD_CN = _cn(r"(?:首届|第一届|首个|首次|第一个)[^，,。]{0,12}(?:于|在)?$")
FIRST_HELD_AFTER_CN = _cn(r"^(?:年)?(?:首次举办|首次举行|首届|第一次举办)")
YEARS_LATER = _lazy(r"^\s*(?:later|after|since|on from)\b", needs=('later', 'after', 'since', 'on from'))
YEARS_LATER_CN = _cn(r"^(?:后|之后|以后)")
ANNIVERSARY = _lazy(r"^\s*anniversary\b", needs=('anniversary',))
THIS_YEAR = _lazy(r"\b(?:this year|this month|this season|this (?:spring|summer|autumn)|later this year|earlier this year)\b|今年|本年|本月|今年内|本赛季|本届|本季", needs=('this ', '今年', '本年', '本月', '本赛季', '本届', '本季'))
NEXT_MONTH = _lazy(r"\bnext month\b|下月|下个月", needs=('next month', '下月', '下个月'))
NEXT_YEAR = _lazy(r"\bnext year\b|明年", needs=("next year", "明年"))
LAST_YEAR = _lazy(r"\blast year\b|去年|上年", needs=('last year', '去年', '上年'))
