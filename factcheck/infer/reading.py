"""A draft read once for inference (``Reading``): its scopes, sentences and figures, each
figure with its role, measure and period, grouped into statements.

Scopes are what a relation may span (the spec's **Scope**): a paragraph, the items of
one list, a table; a section runs from one heading to the next, and nothing crosses a
heading. In a sentence each figure is given a **role** by the words right next to it,
read from the language's cue tables (``lang``): ``change`` (rose 5%, 增长5%, a 63
percent increase), ``new`` (to Y, 增至Y), ``base`` (from Z, compared with Z, 上年同期为Z,
"(2022/23: Z)", "4,512 (4,108)"), ``share`` (accounted for P% of, or P% of W, 占…P%),
``alt`` (", or 1.2%": the same change said again), ``level`` (the rest). A
**statement** is a run of figures about one subject: it starts at a figure whose lead
names a new subject (", while net income fell", "，归属于上市公司股东的净利润"), and its
measure is that subject, normalised ("Net revenues" → "net revenue"). The relations
(``relate``) pair figures by role and measure, never by order alone.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from factcheck import quantity as q
from factcheck.infer import figures as fx
from factcheck.infer.figures import CURRENCY_CODES
from factcheck.infer.lang import Cues, Hit, cues, lang_of, tokens
from factcheck.lazyre import Lazy, has_cjk
from factcheck.prose import Mention
from factcheck.prose.fold import fold
from factcheck.prose.words import PRESS_SIGNS

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from factcheck.draft import Draft

#: keys of the cue tables that only fill the space between a cue and its figure
FILL = frozenset({"fill", "about", "over", "at_least", "nearly", "under", "period", "currency", "unit_word", "basis",
                  "average_years"})
#: keys that give a figure its role when they stand right before it
LEAD_ROLES = ("from", "to", "rise", "fall", "judge", "or", "share", "level", "prior_bracket", "sign_up", "sign_down")
#: keys that give it a role right after it
TAIL_ROLES = ("rise_after", "fall_after", "prior_after", "of", "times", "points")
LEAD_KEYS = FILL | frozenset(LEAD_ROLES)
#: the tail is read with the lead's keys too: 'X, down from Y' is a base's cue, not X's fall
TAIL_KEYS = FILL | frozenset(TAIL_ROLES) | frozenset(LEAD_ROLES)


class Fig:
    """One figure of a sentence, as the relations see it."""

    __slots__ = (
        "after",
        "approx",
        "before",
        "code",
        "cue",
        "cut",
        "explicit",
        "i",
        "kind",
        "lead",
        "link",
        "m",
        "measure",
        "named",
        "owner",
        "period",
        "role",
        "sent",
        "sign",
        "stmt",
        "tail",
        "value",
        "whole",
        "years",
    )

    def __init__(self, m: Mention, i: int, kind: str, value: q.Value) -> None:
        self.m = m
        self.i = i  # its place among the sentence's figures
        self.kind = kind  # pct, pts, amt
        self.value = value
        self.role = "level"
        self.sign = 0  # of a change: +1 up, -1 down, 0 (the figures say)
        self.period = "cur"  # cur or prior
        self.measure = ""
        #: the measure a change names after it ('a 14% increase in operating profit'): operating profit
        self.named = ""
        self.whole = ""  # a share's whole, as named ("net revenues")
        self.approx = ""  # the approximation key before it (about, over, nearly …)
        self.stmt: Stmt | None = None
        self.sent: Sentence | None = None
        self.lead: list[Hit] = []
        self.tail: list[Hit] = []
        self.code = ""  # a currency code the engine has no unit for, written before it
        self.before = ""  # the text between the previous figure (or the clause start) and this one
        self.after = ""
        self.cue = ""  # the phrase that gave the role
        self.explicit = False  # the role came from a cue word (not a default)
        self.link = ""  # the key of the cue right before it (from, to, or, rise …)
        #: a base that belongs to one change ('52% above … $31.60, but 18% below the $58.50')
        self.owner: Fig | None = None
        #: where, in ``before``, the words that gave the role begin (when no cue table gave it)
        self.cut: int | None = None
        #: a change that is a compound average over this many years (两年平均增长18.9%)
        self.years = 0

    @property
    def start(self) -> int:
        return self.m.start

    @property
    def end(self) -> int:
        return self.m.end

    def __repr__(self) -> str:
        return f"Fig({self.m.text!r} {self.role}{'+-'[self.sign < 0] if self.sign else ''} {self.period} {self.measure!r})"


class Stmt:
    """A run of figures about one subject in a sentence."""

    __slots__ = ("backref", "figs", "measure", "n", "qual", "sent")

    def __init__(self, sent: Sentence, n: int, measure: str, backref: bool, qual: str = "") -> None:
        self.figs: list[Fig] = []
        self.sent = sent
        self.n = n
        self.measure = measure
        self.backref = backref  # opens on "that", "this", "the increase", 该, 此
        #: the period its subject names ('Year-to-date inflows', 1-7月累计): what its measure means
        self.qual = qual

    def __repr__(self) -> str:
        return f"Stmt({self.measure!r} {self.figs})"


class Sentence:
    """One sentence of a scope, its figures and all its mentions (years and dates too)."""

    __slots__ = ("all", "block", "end", "figs", "lang", "scope", "section", "start", "stmts", "text")

    def __init__(self, text: str, start: int, end: int, scope: int, section: int, block: int) -> None:
        self.text = text  # the whole reading text (folded)
        self.start, self.end = start, end
        self.scope, self.section, self.block = scope, section, block
        self.lang = lang_of(text[start:end])
        self.figs: list[Fig] = []
        self.all: list[Mention] = []
        self.stmts: list[Stmt] = []

    def words(self) -> str:
        return self.text[self.start : self.end]

    @property
    def cues(self) -> Cues:
        return cues(self.lang)


class Reading:
    """A draft read for inference: made once, passed to every relation finder."""

    def __init__(self, draft: Draft, mentions: list[Mention], year: int | None = None, month: int | None = None) -> None:
        self.draft = draft
        self.text = fold(draft.text)
        self.mentions = mentions
        self.year, self.month = year, month
        self.sentences: list[Sentence] = []
        #: scope id -> its sentences; section id -> its sentences
        self.scopes: dict[int, list[Sentence]] = {}
        self.sections: dict[int, list[Sentence]] = {}
        self.tables: list[list[tuple[int, int, int, int]]] = []  # per table: (row, col, start, end) of each cell
        #: what a finder reads once from this reading and asks again (the tables read as grids): its own key each
        self.memo: dict[str, Any] = {}
        self.table_sections: list[int] = []
        self._split()
        for s in self.sentences:
            _read_sentence(self, s)

    def _piped(self, b: Any) -> bool:
        """A table cell whose line of the file holds a pipe: a line of prose right under a
        table, which Markdown takes for one more row, is read as the paragraph it is."""
        d = self.draft
        if not d.markdown or not d.line_starts or b.line >= len(d.line_starts):
            return True
        end = d.line_starts[b.line + 1] if b.line + 1 < len(d.line_starts) else len(d.source)
        return "|" in d.source[d.line_starts[b.line] : end]

    def _line_of(self, at: int) -> int:
        """The line of the file a character of the text stands on."""
        return self.draft.span(at).line

    def _split(self) -> None:
        """Sentences of every block, with their scope and section; the cells of every table."""
        blocks = self.draft.blocks
        starts = [m.start for m in self.mentions]
        section, scope, last_list, last_table = 0, -1, None, -1
        for k, b in enumerate(blocks):
            if b.kind == "heading":
                section += 1
            if b.kind == "cell" and self._piped(b):
                if b.group != last_table:
                    last_table = b.group
                    self.tables.append([])
                    self.table_sections.append(section)
                self.tables[-1].append((b.row, b.col, b.start, b.end))
                continue
            if b.kind == "item" and last_list == b.group:
                pass  # the items of one list are one scope
            else:
                scope += 1
            last_list = b.group if b.kind == "item" else None
            for a, z in _sentences(self.text, b.start, b.end, self._line_of):
                s = Sentence(self.text, a, z, scope, section, k)
                i, j = bisect_left(starts, a), bisect_left(starts, z)
                s.all = self.mentions[i:j]
                self.sentences.append(s)
                self.scopes.setdefault(scope, []).append(s)
                self.sections.setdefault(section, []).append(s)
            if b.kind == "heading":
                section += 0  # the heading belongs to the section it opens


_END = Lazy(r"[.!?。！？]+[\"'”’)）]*(?=\s|$)|[。！？]")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st inc co corp ltd plc no vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k fig approx est rs".split()
)


def _sentences(text: str, a: int, b: int, line_of: Callable[[int], int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[a:b]``: ended by a full stop, a question or
    exclamation mark, or a semicolon (a new statement in every language)."""
    out = []
    start = a
    for m in _END.finditer(text, a, b):
        end = m.end()
        if m.group().startswith(".") and _abbreviation(text, start, m.start()):
            continue
        if text[start:end].strip():
            out += _lines_of_figures(text, _trim(text, start, end), line_of)
        start = end
    if text[start:b].strip():
        out += _lines_of_figures(text, _trim(text, start, b), line_of)
    return out


#: a line that ends on a figure, with no full stop: one row of a list written as lines
_FIGURE_LINE_END = Lazy(r"[\d%％)\]]\s*$")


def _lines_of_figures(text: str, span: tuple[int, int], line_of: Callable[[int], int] | None) -> list[tuple[int, int]]:
    """A 'sentence' of several lines of the file each ending on a figure ('FY Revenues
    6.59b vs. 6.41b +2.890%' then the next line): each line is a statement of its own,
    never one long one whose figures pair across the lines."""
    a, z = span
    if line_of is None or line_of(a) == line_of(z - 1):
        return [span]
    cuts = [k for k in range(a + 1, z) if text[k - 1] in " \n" and line_of(k) != line_of(k - 1)]
    bounds = [a, *cuts, z]
    lines = [(x, y) for x, y in itertools.pairwise(bounds) if text[x:y].strip()]
    if _apart([text[x:y] for x, y in lines]):
        return [_trim(text, x, y) for x, y in lines]
    titles = 0
    while titles < len(lines) - 1 and _TITLE_LINE.fullmatch(text[lines[titles][0] : lines[titles][1]].strip()):
        titles += 1  # '业绩摘要', 'Financial Highlights': a title glued to the sentence under it
    return [_trim(text, x, y) for x, y in lines[:titles]] + [_trim(text, lines[titles][0], z)]


def _apart(lines: list[str]) -> bool:
    """Lines that are each a statement: every one but the last ends on a figure, or there
    are three at least and each opens as a headline item, none ending where a sentence goes on."""
    if len(lines) < 2:
        return False
    if all(_FIGURE_LINE_END.search(x) for x in lines[:-1]):
        return True
    return len(lines) >= 3 and all(_HEADLINE.match(x) for x in lines[1:]) and not any(_GOES_ON.search(x) for x in lines[:-1])


#: a line that is a title: short, with no punctuation a sentence has inside or at its end
_TITLE_LINE = Lazy(r"(?:[^,，。；;:：、.!?！？]|(?<=\d):(?=\d)){1,40}")
#: a line that opens as a headline item does (a capital, a digit, a sign), and one that ends
#: where a sentence goes on (a comma, a colon, a dash, 'and'): lines of a list, or of a wrapped sentence
_HEADLINE = Lazy(r"\s*[A-Z0-9£$€¥+\-–•*]")
_GOES_ON = Lazy(r"(?:[,;:–-]|\b(?:and|or|of|the|to|a|an|in|by|with|for))\s*$", re.IGNORECASE)


def _abbreviation(text: str, start: int, stop: int) -> bool:
    before = re.search(r"([A-Za-z.]+)$", text[max(start, stop - 24) : stop])
    word = before.group(1).lower().rstrip(".") if before else ""
    if len(word) == 1 and before is not None and before.start(1) > 0 and before.string[before.start(1) - 1].isdigit():
        return False  # '$40,122m.': a magnitude after its digits ends the sentence
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --------------------------------------------------------------------------- figures


def _read_sentence(r: Reading, s: Sentence) -> None:
    text = r.text
    figs: list[Fig] = []
    for m in s.all:
        if m.value is not None and not _a_word(m, text):
            figs.append(Fig(m, len(figs), fx.kind_of(m), _things_counted(m.value)))
    s.figs = figs
    c = s.cues
    text = _notes_blanked(text, s)
    for k, f in enumerate(figs):
        f.sent = s
        a = figs[k - 1].end if k else s.start
        z = figs[k + 1].start if k + 1 < len(figs) else s.end
        f.code = _code_before(text, a, f.start) if q.is_plain(f.value.unit) else ""
        f.before = _CODE.sub("", text[a : f.start]) if f.code else text[a : f.start]
        f.after = text[f.end : z]
        f.lead, f.tail = _without_ranges(c.lead(f.before, LEAD_KEYS)), c.tail(f.after, TAIL_KEYS)
    for f in figs:
        _adjust(f, text, figs)
        _role(f, figs)
    _respective_years(figs)
    _compared_after(figs)
    named = _noun_changes(s, figs)
    _statements(s, c)
    _parallel_shares(figs)
    for f, measure in named:
        if f.stmt is not None and f.stmt.figs[0] is f and not f.stmt.measure:
            f.stmt.measure, f.stmt.backref = measure_key(measure), True
    _measures_changes_name(figs)


def _measures_changes_name(figs: list[Fig]) -> None:
    """'Interest income increased due to an increase in the average balance of assets of $130.5
    million, from … to …': a statement opened by a change noun with its measure is that
    measure's, not the sentence subject's."""
    for f in figs:
        found = _CHANGE_IN_BY.search(f.before) if f.stmt is not None and f.stmt.figs[0] is f and f.role == "change" else None
        if found is not None and f.stmt is not None and f.cue == found.group(0).strip():
            f.stmt.measure = measure_key(found.group("measure"))


#: the two years two amounts are 'respectively' of: '… for the six months ended January 31,
#: 2004 and 2003, respectively', 'in fiscal 2024 and 2023, respectively'
_YEARS_RESPECTIVELY = Lazy(r"\b((?:19|20)\d\d)\s*(?:and|,)\s*(?:(?:fiscal|fy)\s*)?((?:19|20)\d\d)\b[^.;]{0,40}?\brespectively\b",
                           needs=("respectively",))


#: a change's own cue that ends in the word comparing it with what follows ('increase on',
#: 'rise over', 'gain from', 'decline against')
_COMPARES_WITH = Lazy(r"\b(?:on|over|from|against|versus|vs\.?|compared (?:with|to))$", re.IGNORECASE)
#: all that may stand between that word and the base ('the', 'its')
_ONLY_ARTICLE = Lazy(r"^\s*(?:(?:the|its|their|a|an)\s+)?$", re.IGNORECASE)


def _compared_after(figs: list[Fig]) -> None:
    """'a 24.6% increase on the $110.0 million achieved': the amount the change's own cue
    compares it with, right after it, is its base (a year before it, or whenever it says)."""
    for f, g in itertools.pairwise(figs):
        if f.role == "change" and f.kind in ("pct", "amt") and f.cue and _COMPARES_WITH.search(f.cue) \
                and g.kind == "amt" and g.role in ("level", "new") and _just_after(g.before, f.cue):
            g.role, g.period, g.owner, g.explicit = "base", "prior", f, True


def _just_after(before: str, cue: str) -> bool:
    """Nothing but an article between the cue, in ``before``, and the figure it leads to."""
    at = before.lower().rfind(cue.lower())
    return at >= 0 and bool(_ONLY_ARTICLE.match(before[at + len(cue) :]))


def _respective_years(figs: list[Fig]) -> None:
    """'$41.6 million and $25.2 million for … 2004 and 2003, respectively': two amounts
    of one measure, each of its year in order; the earlier year's is the base the other
    changed from (a 10-Q's way of giving both periods in one clause)."""
    for a, b in itertools.pairwise(figs):
        if a.kind != "amt" or b.kind != "amt" or a.role not in ("level", "new") or b.role not in ("level", "new") \
                or b.before.strip().lower() != "and":
            continue
        m = _YEARS_RESPECTIVELY.search(b.after.lower())
        if m is None or m.group(1) == m.group(2):
            continue
        later, earlier = (a, b) if m.group(1) > m.group(2) else (b, a)
        later.role, earlier.role, earlier.period = "new", "base", "prior"
        earlier.explicit = later.explicit = True


def _without_ranges(lead: list[Hit]) -> list[Hit]:
    """A figure's cues without the 至 of a span of periods ('由2024年12月至2025年2月的'): it
    joins two periods, it is no 'to' of the figure."""
    if len(lead) < 3:
        return lead
    out = [h for k, h in enumerate(lead)
           if not (h.key == "to" and h.phrase in ("至", "到") and 0 < k < len(lead) - 1
                   and lead[k - 1].key == "period" and lead[k + 1].key == "period")]
    return out if len(out) < len(lead) else lead


def _things_counted(v: q.Value) -> q.Value:
    """A count of 'units' is a number of whatever the text counts (41 425 units beside the
    33 259 vehicles of a year before): read as a plain number."""
    return q.with_unit(v, q.PLAIN) if q.is_count(v.unit) and q.unit_text(v.unit) == "unit" else v


def _a_word(m: Mention, text: str) -> bool:
    """A figure that is a word to the relations: '4月', 'CSI 300', 'three years after', 近一年,
    a figure of a note on the units ((下同，1美元约合8澳门元), '(US$1 = HK$7.8)')."""
    return fx.noise(m, text) or fx.index_name(m, text) or m.value is not None and q.is_time(m.value.unit) \
        or _in_note(m, text)


def _notes_blanked(text: str, s: Sentence) -> str:
    """The text with the sentence's bracketed margins of error blanked out (their figures are
    none, and their words say nothing of the figures around them); the places kept."""
    if "(" not in text[s.start : s.end] and "（" not in text[s.start : s.end]:
        return text
    return text[: s.start] + _NOTES_BLANK.sub(lambda m: " " * len(m.group()), text[s.start : s.end]) + text[s.end :]


#: a bracketed note, with a mark after it ('(±10.5 percent)*'): blanked out of the words around figures
_NOTES_BLANK = Lazy(r"[(（]\s*±[^()（）]{0,20}[)）]\*?")


def _in_note(m: Mention, text: str) -> bool:
    """The figure stands in a bracketed note on the units of the figures around it: an
    exchange rate, or what is said once for those after it (下同)."""
    opened = max(text.rfind("(", max(0, m.start - 30), m.start), text.rfind("（", max(0, m.start - 30), m.start))
    if opened < 0:
        return False
    found = _NOTE.match(text, opened)
    return found is not None and found.end() >= m.end


def _noun_changes(s: Sentence, figs: list[Fig]) -> list[tuple[Fig, str]]:
    """A change said as a noun after its figures, of a measure said before ('The $96.2
    million, or 19.6%, increase in net sales was due to …', 'a 14% decline in revenue'):
    the figures are the change, of that measure; each that opens its statement, with the
    name of its measure."""
    out: list[tuple[Fig, str]] = []
    if s.lang != "en":
        return out
    for f in figs:
        found = _NOUN_CHANGE.match(f.after) if f.kind in ("amt", "pct") else None
        if found is None or f.role not in ("level", "alt", "change"):
            continue
        f.named = measure_key(found.group("measure"))
        if f.role == "change":
            continue  # 'a 14 percent increase in operating profit': its role was said, its measure is named
        sign = -1 if found.group("word").lower() in _FALL_NOUNS else 1
        said = [*_said_before(f, figs), f]
        for g in said:
            g.role, g.sign, g.explicit, g.link = "change", sign, True, "rise" if sign > 0 else "fall"
        out.append((said[0], found.group("measure")))
    return out


def _said_before(f: Fig, figs: list[Fig]) -> list[Fig]:
    """The amount a rate says again right before it ('The $96.2 million, or 19.6%, increase'): one change said twice."""
    prev = figs[f.i - 1] if f.i else None
    if prev is not None and f.link == "or" and prev.kind == "amt" and f.kind == "pct" and prev.role == "level":
        return [prev]
    return []


#: 'increase in net sales', ', decrease in cost of sales', 'year-over-year decline in revenue'
_NOUN_CHANGE = Lazy(
    r"^\s*,?\s*(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|sequential|quarter[- ]over[- ]quarter)\s+)?"
    r"(?P<word>increase|rise|growth|gain|improvement|decrease|decline|drop|reduction|fall)\s+(?:in|of)\s+"
    r"(?:the\s+|our\s+|its\s+|their\s+)?(?P<measure>[A-Za-z][A-Za-z&'’ -]{1,40}?)"
    r"(?=\s+(?:was|were|is|are|primarily|mainly|largely|reflected|reflects|resulted|due|compared|from|for|and|as|in)\b|\s*[,.;:(]|\s*$)",
    needs=("increase", "rise", "growth", "gain", "improvement", "decrease", "decline", "drop", "reduction", "fall"),
)
_FALL_NOUNS = frozenset({"decrease", "decline", "drop", "reduction", "fall"})


#: a prefix of another country's dollar, or of the rupee, before a figure the number reader reads bare
_PREFIX_CODES = {"A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
                 "NT$": "TWD", "R$": "BRL", "Z$": "ZWL", "Rs": "INR", "Rs.": "INR", "₹": "INR", "新台币": "TWD",
                 "澳元": "AUD", "新加坡元": "SGD", **PRESS_SIGNS}
_CODE = Lazy(r"(?<![A-Za-z])(A\$|AU\$|C\$|CA\$|NZ\$|S\$|SG\$|NT\$|R\$|Z\$|Rs\.?|₹|[MKTB]?[A-Z]{3}|新台币|"
             + "|".join(sorted((re.escape(x) for x in PRESS_SIGNS), key=len, reverse=True)) + r")\s?$")


def _code_before(text: str, a: int, start: int) -> str:
    """The code of a currency written before a figure the number reader read bare: 'NOK',
    'AUD' for 'A$', 'INR' for 'Rs'; '' for none."""
    found = _CODE.search(text, max(a, start - 5), start)
    if found is None:
        return ""
    word = found.group(1)
    code = _PREFIX_CODES.get(word, word)
    if len(code) == 4 and code[1:] in CURRENCY_CODES | {"USD", "EUR", "GBP"}:
        return code  # 'MSEK 424' is million kronor: its own code, paired only with its own
    return code if code in CURRENCY_CODES else ""


#: 'per cent' said after a bracketed prior ('5.1 (4.5) percent'), or right after the prior itself
_PERCENT_AFTER = Lazy(r"\s*(?:\(\s*[\d.,]+\s*\)\s*)?\)?\s*(?:percent|per cent)\b", re.IGNORECASE)


def _adjust(f: Fig, text: str, figs: list[Fig]) -> None:
    """Signs and units the words around a figure give it: '(2.6)%' is -2.6%, '0.5 points'
    between percentages is pp (the index points of 'up 42.8 points, or 1.1%' are not)."""
    if not _percent_after(f, text):
        _points_of_percents(f, figs)


def _percent_after(f: Fig, text: str) -> bool:
    """A figure whose per cent sign stands after it: 'a margin of 5.1 (4.5) percent', '(2.6)%'
    (negative). Whether it was such a figure."""
    m = f.m
    if f.kind == "amt" and q.is_plain(f.value.unit) and _PERCENT_AFTER.match(text, m.end):
        v = fx.as_percent(m)  # 'a margin of 5.1 (4.5) percent': both are per cent
        if v is not None:
            f.value, f.kind = v, "pct"
            return True
    if text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 2] in (")%", ")％"):
        v = fx.as_percent(m)
        if v is not None:
            f.value, f.kind = q.neg(v), "pct"
            f.sign = -1
        return True
    return False


def _points_of_percents(f: Fig, figs: list[Fig]) -> None:
    """Points that are percentage points: '1.5 pps', 'up 1.5 pts' or '0.5 points' between percentages."""
    m = f.m
    if f.kind == "pts" and q.unit_text(f.value.unit) == "pp" and not q.is_points(f.value.unit):
        f.value = q.with_unit(f.value, q.POINTS)  # '1.5 pps': the one unit of percentage points
    if f.kind == "amt" and q.unit_text(f.value.unit) in ("pt", "point") and _among_percents(f, figs):
        f.value, f.kind = q.with_unit(f.value, q.unit("pp")), "pts"  # 'up 1.5 pts' between percentages: points
        return
    if _percent_points(f):
        f.value, f.kind = q.with_unit(f.value, q.POINTS), "pts"  # 'up 2.5% points to 12.5%': percentage points
        return
    if f.kind == "amt" and q.is_plain(f.value.unit) and f.tail and f.tail[0].key == "points" and _among_percents(f, figs):
        v = fx.as_points(m)
        if v is not None:
            f.value, f.kind = v, "pts"


def _percent_points(f: Fig) -> bool:
    """A per cent with 'points' right after it: '2.5% points'."""
    return f.kind == "pct" and bool(f.tail) and f.tail[0].key == "points" and f.tail[0].start <= 1


def _among_percents(f: Fig, figs: list[Fig]) -> bool:
    """Two percentages on one side of the figure, or one on each side."""
    k = f.i
    pct = [0 <= j < len(figs) and figs[j].kind == "pct" for j in (k - 2, k - 1, k + 1, k + 2)]
    return pct[0] and pct[1] or pct[2] and pct[3] or pct[1] and pct[2]


def _first(hits: list[Hit], keys: tuple[str, ...]) -> Hit | None:
    """The nearest hit that is one of ``keys``, past any filler (a phrase of several keys
    counts as any of them)."""
    k = 0
    while k < len(hits):
        group = [h for h in hits[k:] if h.start == hits[k].start]
        for h in group:
            if h.key in keys:
                return h
        if any(h.key not in FILL for h in group):
            return None
        k += len(group)
    return None


def _direction(hits: list[Hit]) -> int:
    for h in hits:
        if h.key in ("rise", "sign_up"):
            return 1
        if h.key in ("fall", "sign_down"):
            return -1
    return 0


def _role(f: Fig, figs: list[Fig]) -> None:
    """The role the words right next to the figure give it: first what settles it alone
    (a span of time, a figure compared with, a ratio, a base after a comparative), then
    the cue before it, then what the words around it add."""
    _approximation(f)
    if _settled(f, figs):
        return
    tail = _own_tail(f)
    lead = _lead_cue(f, tail)
    if lead is not None:
        _led(f, lead, figs)
    _around(f, figs, lead, tail)
    if f.role in ("level", "new") and _prior_words(f):
        f.period = "prior"
    if f.role == "change":
        f.years = _average_years(f)


def _lead_cue(f: Fig, tail: Hit | None) -> Hit | None:
    """The cue before the figure that gives its role: the first of its lead, but the share
    or change verb behind a level verb (营收占比达到58%, 成长达12.86%); none for a ratio's
    name in 比 (城乡居民收入比1.54) or a share verb before a change noun ('representing an
    8.2% increase')."""
    lead = _first_lead(f)
    if lead is None:
        return None
    if lead.key == "level" and f.kind == "pct":
        lead = _beyond_level(f) or lead
    if lead.phrase == "比" and _RATIO_NOUN_ZH.search(f.before):
        return None
    if lead.key == "share" and tail is not None and tail.key in ("rise_after", "fall_after"):
        return None
    return lead


#: an amount's base right after it: 'of GH¢610.83 million from GH¢573.67 million'
_FROM_NEXT = Lazy(r"^\s*from\s*$")


def _first_lead(f: Fig) -> Hit | None:
    """The first cue of the figure's lead, or a change noun naming its measure before it ('an
    increase in the average balance of assets of $130.5 million'); none for 'a loss of' before
    an amount ('vs a loss of 4,967,000 dlrs': a loss made, a level; 'a loss of 3%' is a fall)."""
    lead = _first(f.lead, LEAD_ROLES)
    if (lead is None or lead.key == "level" and lead.phrase.lower() in ("of", "by")) and not _FROM_NEXT.match(f.after):
        lead = _change_in_by(f) or lead  # not 'growth in profit-before-tax of GH¢610.83 million from …': the new level
    if lead is not None and f.kind == "amt" and lead.phrase.lower() in ("a loss of", "loss of"):
        return None
    return lead


def _aside(f: Fig, figs: list[Fig]) -> bool:
    """A figure said aside, in no relation here: the amount before it converted ('5.14 billion
    riyals (about 1.4 billion dollars)'), a budget's share done (完成年度预算的56.5%, its
    whole not given; the subject goes on)."""
    return _converted(f, figs) or f.kind == "pct" and bool(_BUDGET_DONE_ZH.search(f.before))


def _converted(f: Fig, figs: list[Fig]) -> bool:
    """An amount in brackets right after an amount in another currency: the first said
    again, converted ('C$25,050,000 ($23,339,000)', '(about 1.4 billion dollars)')."""
    if f.kind != "amt" or not f.i or f.sent is None:
        return False
    g = figs[f.i - 1]
    if g.kind != "amt" or not q.has_currency(f.value.unit) or f.value.unit is g.value.unit:
        return False  # (the first's currency may be one the reader does not know: 'riyals', C$)
    text = f.sent.text
    return bool(_CONVERSION_OPEN.fullmatch(text[g.end : f.start]) and _CONVERSION_CLOSE.match(text, f.end))


#: a budget's share done: 完成年度预算的, 完成年初预算的, 为年度预算的
_BUDGET_DONE_ZH = Lazy(r"(?:完成|为|占)(?:全年|年度|年初|调整)?预算(?:数)?的?(?:比例)?(?:为|达)?\s*$", cjk=True)
#: what opens a conversion after an amount: ' (about ', '（约', ' (or '
_CONVERSION_OPEN = Lazy(r"\s*[(（]\s*(?:about|around|approximately|roughly|some|nearly|almost|or|equivalent to|"
                        r"约|約|折合|合|相当于|相當於)?\s*")
_CONVERSION_CLOSE = Lazy(r"\s*[)）]")


def _change_in_by(f: Fig) -> Hit | None:
    """'a growth in net profits by 21.5 percent', 'a decline in revenue of 3%': a change
    noun, the measure it is of, then the figure."""
    found = _CHANGE_IN_BY.search(f.before) if f.kind in ("pct", "amt") else None
    if found is None:
        return None
    key = "fall" if found.group(1).lower() in _FALL_NOUNS else "rise"
    return Hit(key, found.group(0).strip(), f.start - len(f.before) + found.start(), f.start)


#: a change noun, 'in' and the measure (a few words), then 'by' or 'of' right before the figure
_CHANGE_IN_BY = Lazy(r"\b(growth|increase|rise|jump|gain|surge|decline|decrease|drop|fall|reduction)\s+in\s+"
                     r"(?P<measure>(?:[a-z'’-]+\s+){0,6}[a-z'’-]+)\s+(?:by|of)\s+$", re.IGNORECASE,
                     needs=("growth", "increase", "rise", "jump", "gain", "surge", "decline", "decrease", "drop", "fall", "reduction"))


def _approximation(f: Fig) -> None:
    if _OVER_PRIOR_ZH.search(f.before):
        f.approx = "over"  # 已超过去年全年的16,672,556人次: a mark passed, not the prior figure of a change
        return
    for h in f.lead:
        if h.key in ("about", "over", "at_least", "nearly", "under"):
            if not _in_a_word(f, h) and not (h.key == "over" and _COMPARED_OVER.search(f.before[: h.start])):
                f.approx = h.key
            return
        if h.key not in FILL:
            return


#: a mark of an earlier period passed (已超过去年全年的): the figure after it is no level of the subject's
#: the period a Chinese change is said against, at the end of its subject's words: 较去年同月, 比上年
_COMPARED_PRIOR_ZH = Lazy(r"(?:较|比)(?:去年|上年|前年|上一年|上年度|上月|上季度?|上半年|\d{4}年)(?:同期|同月|同季|全年|末|底)?\s*$",
                          cjk=True)
_OVER_PRIOR_ZH = Lazy(r"(?:已经?)?(?:超过|超越|突破|高于|多于)了?(?:去年|上年|前年|上一年|\d{4}年)(?:全年|同期|全年度)?的?\s*$")


def _settled(f: Fig, figs: list[Fig]) -> bool:
    """The roles the words settle alone: a span of time, a figure compared with, a share
    said of the whole before it, a ratio, the base after a comparative."""
    if f.kind == "amt" and q.is_time(f.value.unit):
        f.role = "time"  # 'three years after', 近一年: a span of time, read by the elapsed rules
        return True
    if _aside(f, figs):
        f.role = "other"
        return True
    if re.search(r"\b(?:more|less|higher|lower|greater|bigger|smaller) than (?:the |its |their )$", f.before.lower()) \
            and not (f.i and figs[f.i - 1].kind == "pct" and not f.before.lower().lstrip().startswith(("more", "less"))):
        f.role = "other"  # 'more than the $0.87 trillion spent on defence': a figure compared with, not the subject's
        return True
    if _share_said_with_whole(f, figs):
        return True
    tail = _own_tail(f)
    if tail is not None and tail.key == "times" or re.search(r"(?:\btimes|-fold|倍)$|^(?:twice|thrice)$", f.m.text):
        f.role = "ratio"  # '1.4倍', 'three times': a ratio, never a change in amount
        return True
    if f.i and _after_comparative(f, figs[f.i - 1]):
        f.role, f.period, f.explicit, f.link = "base", "prior", True, "from"
        f.owner = figs[f.i - 1]
        return True
    return False


def _led(f: Fig, lead: Hit, figs: list[Fig]) -> None:
    """The role the cue right before the figure gives it, and the whole a share cue names."""
    f.cue, f.explicit, f.link = lead.phrase, True, lead.key
    _lead_role(f, lead, figs)
    if f.role == "alt" and f.kind == "pct" and f.i and _or_share(f, figs):
        pass  # '3.62 million TEU of the 9.84 million, or 36.8%'
    elif f.role == "share" and _MARGIN.search(lead.phrase.lower()):
        f.whole = "revenue"  # a margin is of revenue: 'with a margin of 12.0%', 毛利率为34.6%
    elif f.role == "share" and f.sent is not None and f.sent.lang == "zh":
        f.whole = _whole_zh(f.before[: lead.start])


def _around(f: Fig, figs: list[Fig], lead: Hit | None, tail: Hit | None) -> None:
    """What the words around a figure add to its role: a share or a base opened before it,
    a bracketed prior, the cue after it, a sign, a list of changes."""
    _opened(f, lead is None or lead.key == "level")
    if f.role == "level" and f.i:
        _level_by_neighbour(f, figs[f.i - 1])
    elif f.role == "share" and f.i and _COMPARED_OF.search(f.before):
        f.period = "prior"  # 'compared to an operating margin of 16.9% in 1Q16': the margin of the period before
    if tail is not None and f.role in ("level", "alt"):
        _tail_role(f, tail)
    elif tail is not None and tail.key == "of" and f.role == "share" and not f.whole:
        f.whole = _named_after(f, tail)  # "accounted for 27% of that total"
    _listed(f, figs)


def _level_by_neighbour(f: Fig, prev: Fig) -> None:
    """A level the figure before it, or the words between, make another role: a prior
    figure in brackets, one named after 'compared to', a change's rate in brackets."""
    if _bracketed_base(f, prev):
        f.role, f.period, f.explicit = "base", "prior", True
        f.owner = prev if prev.role == "share" else None
    elif (m := _COMPARED_OF.search(f.before) or _CHANGE_OVER_OF.search(f.before)
          or (_ON_PERIOD_BRACKET.search(f.before) if prev.role == "change" else None)) is not None:
        f.role, f.period, f.explicit, f.link = "base", "prior", True, "from"  # 'compared to sales in the prior year of $22.2m'
        f.cut = m.start()  # the words from 'compared' on name no new subject
    elif f.kind == "pct" and _rate_in_brackets(f, prev):
        f.role, f.sign, f.explicit, f.link = "change", prev.sign, True, "or"  # 'a decrease of $2,276,200 (10.3%)'
    elif prev.role == "change" and prev.link == "than" and prev.kind == "amt" and f.kind == "amt" and f.stmt is prev.stmt:
        f.role, f.period, f.explicit, f.link, f.owner = "base", "prior", True, "from", prev  # "$3.5 billion less than November exports of $194.8 billion"


#: a prior figure named between 'compared to' and its 'of' ('compared to sales in the prior year of')
_COMPARED_OF = Lazy(r"(?i)\b(?:compared (?:to|with)|as against|versus)\s+(?:(?:[a-z'’&-]+\s+){1,7}(?:of|at)\s*"
                    r"|(?:the\s+)?(?:(?:same|prior|previous|first|second|third|fourth)\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|"
                    r"aug|sep|sept|oct|nov|dec)[a-z]*\.?|q[1-4]|h[12]|fy|quarter|half|period|month|year)"
                    r"(?:[\s-]+(?:(?:19|20)\d\d|fy\d\d|last year|a year (?:earlier|ago)|of\s+(?:19|20)\d\d))*\s*\(\s*)$",
                    needs=("compared", "against", "versus"))


#: the base named after a change noun right before it: 'a 14% increase over the 2023 mark of 4,137,379'
#: a change's base named by its period, in brackets after it: 'up 28.0% on FY 2021 ($226.8 million)',
#: 'down 5% on the prior corresponding period ($12.1m)'
_ON_PERIOD_BRACKET = Lazy(r"(?i)\b(?:on|over|against|versus|vs\.?)\s+(?:the\s+)?(?:fy\s?'?\d{2,4}|(?:19|20)\d\d|[hq][1-4]\s?(?:fy)?\s?'?\d{2,4}|"
                          r"(?:prior|previous|last)\s+(?:financial\s+)?(?:year|half|quarter|period)|prior corresponding period|pcp)"
                          r"\s*\(\s*$", needs=("(",))
_CHANGE_OVER_OF = Lazy(r"(?i)^\s*(?:increase|decrease|rise|decline|gain|drop|jump|fall)\s+(?:over|on|from|versus|against)\s+"
                       r"(?:[a-z0-9'’&-]+\s+){0,5}(?:of|at)\s*$")


def _rate_in_brackets(f: Fig, prev: Fig) -> bool:
    """A change's rate in brackets right after its amount ('a decrease of $2,276,200 (10.3%)')."""
    return prev.role == "change" and prev.kind == "amt" and _alone_in_brackets(f)


def _alone_in_brackets(f: Fig) -> bool:
    """A figure that is all its brackets hold, right after the figure before it: '(38.9%)'."""
    return f.before.strip() == "(" and f.after.lstrip().startswith(")")


def _opened(f: Fig, bare: bool) -> None:
    """A share or a base opened before a figure with no cue of its own (``bare``), or a
    verb right by it."""
    if bare and f.role == "level" and f.kind == "pct" and _opened_share(f):
        f.role, f.explicit, f.link = "share", True, "share"
    elif f.kind in ("pct", "pts", "amt") and _verb_by(f):
        pass
    if bare and f.role == "level" and _opened_base(f):
        f.role, f.period, f.explicit, f.link = "base", "prior", True, "from"


def _listed(f: Fig, figs: list[Fig]) -> None:
    """A change said by its sign alone ('4,512 (4,108) -10%'), or the next of a list of changes."""
    if f.role == "level" and f.kind == "pct" and f.lead == [] and f.m.text.lstrip()[:1] in "-−" and f.i:
        f.role, f.sign, f.explicit = "change", -1, True  # 'Revenue 4,512 (4,108) -10%'
    if f.role == "level" and f.i and _listed_after(f, figs[f.i - 1]):
        prev = figs[f.i - 1]
        f.role, f.sign, f.explicit, f.link = "change", prev.sign, True, prev.link  # 分别增长1.5%和4.5%, 'up 5% and 6%'
    elif f.role == "level" and f.kind == "pct":
        _second_change(f, figs)


#: the comparative after a change that makes the next figure its base ('4.1% less than the £64.05',
#: '32% below its record of $109,070', '3.7% above the $4.65 billion midpoint')
_COMPARATIVE = Lazy(r"^\s*(?:(?:higher|lower|more|less|greater|smaller)\s+than|above|below)\s+"
                          r"(?:(?:the|its|their|a|an)\s+)?(?:[a-z0-9'’-]+\s+){0,6}?(?:of\s+|at\s+)?$", needs=("than", "above", "below"))


#: a ratio's name ending in 比 right before its figure (城乡居民收入比1.54, 性别比105.1, 两者之比)
_RATIO_NOUN_ZH = Lazy(r"(?:收入|城乡|性别|出生人口性别|之|负债|价格|存贷|资产负债|市净|市盈)比\s*$")


#: a change said 'over' its base ('a 6% rise over the $89.5 billion'): 'over' compares, it sets no threshold
_COMPARED_OVER = Lazy(r"(?i)\b(?:increase|rise|gain|growth|jump|decline|decrease|drop|fall|improvement|premium|discount|"
                      r"up|down)s?\s*$")


#: a share cue that names a margin: its whole is revenue
_MARGIN = Lazy(r"margin|毛利率|净利率|利润率|净利润率")


def _in_a_word(f: Fig, h: Hit) -> bool:
    """A one-character approximation cue that ends a word of its own (出超1571.4亿, 入超): the
    character before it is Chinese and no cue of the chain ends there (增长逾5%: 长 ends 增长)."""
    if len(h.phrase) != 1 or h.start == 0 or f.before[h.start - 1 : h.start] < "\u3400":
        return False
    return not any(g.end == h.start for g in f.lead)


def _own_tail(f: Fig) -> Hit | None:
    """The cue right after a figure that is its own ('5% higher', 'a 63 percent increase
    from'), not the next figure's ('96.3 billion yuan, up 4.1%': 'up' is the 4.1%'s)."""
    tail = _first(f.tail, TAIL_ROLES)
    if tail is None or tail.key not in ("rise_after", "fall_after"):
        return tail
    if f.after[: tail.start].strip():
        return None  # a comma or a word between: the cue opens what follows
    if not f.after[tail.end :].strip() and f.i + 1 < len(f.sent.figs if f.sent else []) \
            and not re.search(r"\b(?:than|than the|than its|above|below|from|over)$", tail.phrase.lower()):
        return None  # 'up' right before the next figure is that figure's ('24% higher than the $88.5 billion',
        #              'a 7.8% increase from $114.3 billion': not so, the comparison word binds the two)
    return tail


_YEARS_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "two": 2, "three": 3, "four": 4, "five": 5}


def _average_years(f: Fig) -> int:
    """How many years a change is the compound average of (两年平均: 2), else 0."""
    for h in f.lead[:4]:
        if h.key == "average_years":
            for word, n in _YEARS_WORDS.items():
                if word in h.phrase.lower():
                    return n
    return 0


def _or_share(f: Fig, figs: list[Fig]) -> bool:
    """', or 36.8%' after a part whose whole is written with it: 'X of the W, or P%', or
    'Of the W total, … took in X, or P%': a share, its whole the owner."""
    prev = figs[f.i - 1]
    if prev.kind != "amt":
        return False
    whole = None
    if f.i >= 2 and figs[f.i - 2].kind == "amt" and re.fullmatch(
            r"\s*(?:[a-z()-]+\s+){0,2}?of\s+(?:the|its|their|a total of|all)?\s*", prev.before.lower()):
        whole, part = prev, figs[f.i - 2]  # 'X of the W, or P%': the part before its whole
    elif re.match(r"\W*of\s+(?:the|its|their|this|that)\s*$", figs[0].before.lower()) and figs[0] is not prev:
        whole, part = figs[0], prev  # 'Of the W total, …'
    if whole is None or re.search(r"\bof\b", f.after[:12]) or _own_tail(f) is not None:
        return False  # 'or 30% more than last year': a change, no share
    f.role, f.explicit, f.link, f.owner = "share", True, "or", whole
    whole.role = "whole"
    part.role = "level" if part.role == "whole" else part.role
    return True


def _second_change(f: Fig, figs: list[Fig]) -> bool:
    """'grew 11% annually to 3,936 from 3,550 and 5.6% sequentially from 3,728': a second
    rate said after 'and', with its own comparison period, of the change before it."""
    if not re.search(r"\b(?:and|but)\s*$|[和而]\s*$", f.before):
        return False
    if not f.sent or not f.sent.cues.tail(f.after, frozenset({"period", "from"})):
        return False
    first = next((g for g in reversed(figs[: f.i]) if g.role == "change" and g.kind == "pct"), None)
    if first is None or not first.sign:
        return False
    f.role, f.sign, f.explicit, f.link = "change", first.sign, True, first.link
    return True


def _listed_after(f: Fig, prev: Fig) -> bool:
    """The next item of a list of changes: '和4.5%', 'and 6%', '、20.8%'."""
    return prev.role == "change" and prev.kind == f.kind and f.before.strip(" ,，") in ("和", "与", "及", "、", "and", "or")


def _share_of_whole_before(f: Fig, prev: Fig) -> bool:
    """占1843亿元总收入的23%, 占贷款总额15.8万亿元的39%: the whole written between 占 and
    its share (the figure before it is the whole, the share's part comes earlier); so too
    a budget's completion (累计完成24627万元，完成年初预算数60999万元的40.4%) and 相当于."""
    if f.sent is None or f.sent.lang != "zh" or prev.kind != "amt":
        return False
    if not re.fullmatch(r"[^，,。；;\d%]{0,14}的(?:比重|比例|份额)?(?:为|达|约为|约|近|超过)?\s*", _unbracketed(f.before)):
        return False
    if not re.search(r"(?:占|完成|相当于)[^，,。；;\d%]{0,12}$", prev.before):
        return False
    prev.role, prev.explicit = "whole", True
    f.role, f.explicit, f.link = "share", True, "share"
    f.approx = "nearly" if f.before.rstrip().endswith("近") else f.approx
    f.owner = prev
    return True


def _share_said_with_whole(f: Fig, figs: list[Fig]) -> bool:
    """A per cent its words make a share of a whole written or named with it."""
    return f.kind == "pct" and f.i > 0 and (_share_of_whole_before(f, figs[f.i - 1]) or _bracketed_share(f, figs[f.i - 1]))


def _bracketed_share(f: Fig, prev: Fig) -> bool:
    """'USD70.93 billion (38.9%) were exported goods' after 'Of the total external trade,',
    'USD35.31 billion (19.3 %) of the total trade': a per cent in brackets right after an
    amount, of a whole the sentence opens on or the brackets are followed by."""
    if f.sent is None or f.sent.lang != "en" or prev.kind != "amt" or not _alone_in_brackets(f):
        return False
    said = _OF_AFTER_BRACKET.match(f.after) or _OF_OPENER.match(f.sent.text, f.sent.start, prev.start)
    if said is None:
        return False
    words = _untrailed(said.group("name").lower().split())
    f.role, f.explicit, f.link = "share", True, "or"
    f.whole = " ".join(words) if words and words[0] in _REFERRING else measure_key(" ".join(words))
    return bool(f.whole)


#: 'of the total trade' right after the brackets' close
_OF_AFTER_BRACKET = Lazy(r"\s*\)\s*of\s+(?:the\s+)?(?P<name>(?:[A-Za-z'’-]+\s*){1,6})")
#: a sentence that opens on its whole: 'Of the total external trade,', 'Of this value,'
_OF_OPENER = Lazy(r"\s*Of\s+(?:the\s+)?(?P<name>(?:this|that|[A-Za-z'’-]+)(?:\s+[A-Za-z'’-]+){0,5})\s*,")


def _unbracketed(text: str) -> str:
    """A note in brackets inside a clause left out: 占常住人口的比重（常住人口城镇化率）为."""
    return re.sub(r"[（(][^（）()]{0,24}[）)]", "", text) if "（" in text or "(" in text else text


#: 'cut the one-year loan prime rate by 10 basis points': a verb, its object, then 'by'
#: the last words of a lead that ends in 'by' (a verb among them may say the change)
_VERB_BY = Lazy(r"\b[a-z]+(?:\s+[\w'’-]+){1,6}\s+by\s*$")
_WORD = Lazy(r"[\w'’-]+")


def _verb_by(f: Fig) -> bool:
    """'raised its dividend by 5%', 'lower operating revenue by 29.4%': a rise or fall verb a
    few words before the 'by' that ends the figure's lead; the nearest such verb."""
    found = _VERB_BY.search(f.before.lower())
    if found is None or f.sent is None:
        return False
    c = f.sent.cues
    words = list(_WORD.finditer(found.group()))
    for w in reversed(words[:-1]):  # the words before 'by', the nearest first
        verb = w.group()
        sign = 1 if c.is_phrase(verb, "rise") else -1 if c.is_phrase(verb, "fall") else 0
        if sign:
            f.role, f.sign, f.explicit, f.link = "change", sign, True, "rise" if sign > 0 else "fall"
            f.cut = found.start() + w.start()
            return True
    return False


def _beyond_level(f: Fig) -> Hit | None:
    """A share cue right behind a level verb: 占比达到, 比重为, 'a share of … was'; a change
    verb right behind 达 (成长达12.86%, 增长达到5%: grew by, not reached)."""
    for h in f.lead[1:4]:
        if h.key == "share":
            return h
        if h.key in ("rise", "fall") and f.lead[0].phrase in ("达", "达到") and h.end == f.lead[0].start:
            return h
        if h.key not in FILL and h.key != "level":
            return None
    return None


#: 占服务进口总额的39.6%, 占人均消费支出的比重为32.6%: the whole named between 占 and 的
_SHARE_ZH = Lazy(r"(?:占(?:到|了|据)?|相等于|相当于)([^，,。；;占\d%]{1,24}?)的(?:比重|比例|份额|比率)?(?:为|达|达到|约为|约|近|超过|逾)?\s*$")
#: a clause that opens with 占 and names its whole with no 的: ，占营业收入29.77%
_SHARE_BARE_ZH = Lazy(r"(?:^|[，,；;。(（])\s*(?:分别|各|均)?占(?!比|到|了|据)([^，,。；;占\d%的]{2,16}?)(?:为|达|达到|约为|约|近|超过|逾)?\s*$")
#: the part a Chinese share names before 占: 第三产业增加值占地区生产总值的比重为62.4%
_PART_ZH = Lazy(r"(?:^|[，,。；;])\s*(?:其中)?([^，,。；;\d占]{2,14}?)占[^，,。；;\d比]{1,20}(?:的|(?=比重|比例|份额))"
                r"[^，,。；;\d]{0,12}$")
_CLAUSE_ZH = Lazy(r"[，,。；;：:、（(]")


def _opened_share(f: Fig) -> bool:
    if f.sent is None or f.sent.lang != "zh":
        return False
    before = _unbracketed(f.before)
    found = _SHARE_ZH.search(before) or (_SHARE_BARE_ZH.search(before) if f.kind == "pct" else None)
    if found is None or f.kind != "pct" and not found.group(0).startswith("占"):
        return False  # 相当于上年的1.5倍: a ratio; 相等于商品进口货值的3.2%: a share
    f.whole = measure_key(_strip_zh(found.group(1)))
    f.cut = max(0, *(f.before.rfind(w) for w in ("占", "相等于", "相当于")))
    return True


def part_name_zh(f: Fig) -> str:
    """The part a Chinese share names before its 占 (no figure of its own in the clause)."""
    found = _PART_ZH.search(_unbracketed(f.before))
    return measure_key(_strip_zh(found.group(1))) if found else ""


def _whole_zh(before: str) -> str:
    """The whole a Chinese share names: 占…的比重为 (between 占 and 的), else the words just
    before 占比 (营收占比达到58%: 营收)."""
    found = re.search(r"占(?:到|了|据)?([^，,。；;占\d%]{1,24}?)的?\s*$", before)
    if found:
        return measure_key(_strip_zh(found.group(1)))
    clause = measure_key(_strip_zh(_CLAUSE_ZH.split(before)[-1]))
    # 营收占比达到58%: revenue is the whole; 境外收入占比32.1%: the part, its whole unnamed
    return clause if clause in _WHOLE_WORDS_ZH or clause.startswith("总") or clause.endswith("总额") else ""


#: names a Chinese share written '<name>占比' takes as its whole
_WHOLE_WORDS_ZH = frozenset({"营收", "营业收入", "收入", "总收入", "营业总收入", "销售额", "总额", "总量", "全年"})


def _strip_zh(name: str) -> str:
    """A Chinese name without the words around it that are no part of it (在, 其, 公司)."""
    name = name.strip()
    for lead in ("在", "其", "该", "公司", "集团", "本集团", "全国", "我国"):
        if name.startswith(lead) and len(name) > len(lead) + 1:
            name = name[len(lead):]
    return name


def _after_comparative(f: Fig, prev: Fig) -> bool:
    return prev.kind in ("pct", "pts") and f.kind == "amt" and bool(_COMPARATIVE.match(f.before.lower()))


#: a base opened a few words back: 'compared with revenue of', 较上季末的, 与去年同期的…相比, 比上年的 (never a profit
#: 'from ongoing operations of': the business it is of)
_OPEN_EN = Lazy(r"\b(?:from(?!\s+(?:continuing|ongoing|discontinued)\s+operations?\b)|compared (?:with|to)|versus|against)\s+(?:(?:the|its|their|a|an|last year's|the prior year's)\s+)?"
                      r"(?:[a-z0-9'’-]+\s+){0,3}(?:of|at)\s*$", needs=("from", "compared", "versus", "against"))
_OPEN_ZH = Lazy(r"(?:较|比(?![重例率])|与)[^，,。；;%]{0,24}?(?:的|约|为)\s*$|较[^，,。；;%]{0,24}?$|与[^，,。；;%]{0,12}?$"
                      r"|(?:由|从|自)[^，,。；;%\d]{0,10}?的\s*$")


def _opened_base(f: Fig) -> bool:
    off = max(0, len(f.before) - 60)
    text = f.before[off:]
    if f.sent is not None and f.sent.lang == "zh":
        found = _OPEN_ZH.search(text)
        if found is None or found.group().startswith("与") and "相比" not in f.after[:6]:
            return False
    else:
        found = _OPEN_EN.search(text.lower())
        if found is None:
            return False
    f.cut = off + found.start()
    return True


def _bracket_of_another_span(f: Fig) -> bool:
    """The bracket before the figure names a year its sentence has named before it, or a span
    in words with its year (a quarter, a half, months, a year) of a kind the sentence does not say: a part
    of the period said, no prior ('the first half of 2023 … (first quarter 2023: £240 million)',
    'Third-quarter revenue … (nine months 2023: …)')."""
    if f.sent is None:
        return False
    head = f.sent.text[f.sent.start : f.start]
    opened = max(head.rfind("("), head.rfind("（"))
    if opened < 0:
        return False
    said, before = head[opened:].lower(), _BRACKETED.sub(" ", head[:opened].lower())  # not the brackets before it
    years = FOUR_DIGIT_YEAR.findall(said)
    if years and years[-1] in FOUR_DIGIT_YEAR.findall(before):
        return True
    return bool(years) and any(word.search(said) and not kind.search(before) for word, kind in _SPAN_KINDS)


#: a year in four digits, not inside a longer number
FOUR_DIGIT_YEAR = Lazy(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_BRACKETED = Lazy(r"[(（][^()（）]*[)）]")
#: a span named in words in a bracket, and how a sentence says a span of that kind
_SPAN_KINDS = (
    (Lazy(r"\bhalf\b"), Lazy(r"\bhalf\b|\bh[12]\b|\b[12]h\b|half-year|six months|interim")),
    (Lazy(r"\bquarter\b"), Lazy(r"quarter|\bq[1-4]\b|\b[1-4]q\b")),
    (Lazy(r"\bmonths\b"), Lazy(r"\bmonths\b|\bhalf\b|\bh[12]\b|half-year|interim")),
    (Lazy(r"\byear\b"), Lazy(r"\byear\b|\bfy\b|annual|full-year")),
)


def _lead_role(f: Fig, lead: Hit, figs: list[Fig]) -> None:
    key = lead.key
    if key == "from":
        _from_role(f, lead, figs)
    elif key == "prior_bracket":
        # '(first quarter 2023: £240 million)' after 'the first half of 2023': a part of the year said, no prior
        f.role, f.period = ("other", "cur") if _bracket_of_another_span(f) else ("base", "prior")
    elif key == "to":
        f.role = "new"
        f.sign = _direction(f.lead)
    elif key in ("rise", "fall", "sign_up", "sign_down"):
        f.role, f.sign = "change", 1 if key in ("rise", "sign_up") else -1
    elif key == "judge":
        # 'at a rate of 34%' is a change; 'were at a rate of 934,000' a level (an annual rate)
        f.role, f.sign = ("level", 0) if f.kind == "amt" and "rate" in lead.phrase.lower() else ("change", 0)
    elif key == "share" and f.kind == "pct":
        f.role = "share"
    elif key == "or":
        f.role = "alt"
    elif key == "level":
        f.role = "level"


def _from_role(f: Fig, lead: Hit, figs: list[Fig]) -> None:
    """A figure after 'from' or 'compared with': a base, unless it is what a level is made
    of or the rate of change of the other period."""
    if _made_from(f):
        f.role = "level"  # 'a USD 13.3 billion surplus from USD 167.443 billion in exports': what it is made of
    elif _rate_compared(f, lead, figs):
        f.role, f.period = "other", "prior"
    else:
        f.role, f.period = "base", "prior"


#: a rate of change named after its figure ('a 4.3% return', '7% growth')
_RATE_NOUN = Lazy(r"(?i)\s*(?:return|growth|increase|rise|gain|decline|decrease|drop|fall|jump|loss)\b")


def _rate_compared(f: Fig, lead: Hit, figs: list[Fig]) -> bool:
    """'gained 3.3%, compared with a 4.3% return': a rate compared with the rate of change
    said before it (or naming itself one) is that rate of another period, no base of the
    levels ('from 4.3%' is read as a base)."""
    if f.kind != "pct" or lead.phrase.lower() == "from" or f.sent is None or f.sent.lang != "en":
        return False
    prev = figs[f.i - 1] if f.i else None
    return prev is not None and prev.role == "change" and prev.kind == "pct" or bool(_RATE_NOUN.match(f.after))


def _made_from(f: Fig) -> bool:
    return bool(_MADE_FROM.search(f.before)) and bool(_IN_NOUN.match(f.after))


def _bracketed_base(f: Fig, prev: Fig) -> bool:
    """'Revenue 4,512 (4,108) +10%', 'SEK 909.1 M (874.8)', 'a margin of 12.0% (12.3)': a
    figure in brackets of its own right after a level (a percentage's without its sign)."""
    if not (_BRACKET_OPEN.fullmatch(f.before) and f.after.lstrip().startswith(")")):
        return False
    if prev.role not in ("level", "new", "share") or f.kind not in ("amt", "pct") or prev.kind not in ("amt", "pct"):
        return False
    if f.kind == "pct":
        return prev.kind == "pct"  # '5.1 (4.5) percent': both read as per cent already
    if prev.kind == "pct":
        v = fx.as_percent(f.m)
        if v is None or not q.is_plain(f.value.unit):
            return False
        f.value, f.kind = v, "pct"
    return True


#: the text before a bracketed prior figure: '(', ' M (', 'm (' (a magnitude the reader left)
_BRACKET_OPEN = Lazy(r"\s*(?:[A-Za-z]{1,3}\.?\s*)?\(\s*")


def _tail_role(f: Fig, tail: Hit) -> None:
    key = tail.key
    if key in ("rise_after", "fall_after") and f.kind in ("pct", "pts", "amt") and f.role != "alt":
        f.role, f.sign = "change", 1 if key == "rise_after" else -1
        f.cue, f.explicit = tail.phrase, True
        if re.match(r"(?:above|below|higher than|lower than|more than|less than)\b", tail.phrase.lower()):
            f.link = "than"  # its base is the one named after it, and no other
    elif key == "of" and f.kind == "pct":
        f.role, f.explicit = "share", True
        f.cue = tail.phrase
        f.whole = _named_after(f, tail)
    elif key == "prior_after" and f.role == "level":
        f.period = "prior"
    elif key == "times":
        f.role = "ratio"


def _named_after(f: Fig, of: Hit) -> str:
    """The whole a share names after 'of': 'of net revenues, compared with' -> 'net revenues'."""
    rest = f.after[of.end :]
    c = f.sent.cues if f.sent is not None else cues("en")
    words: list[str] = []
    for t, a, z in tokens(rest):
        if not (t[0].isalpha() or t[0] in "'’-") or len(words) > 6:
            break
        if c.lead(rest[: z], frozenset({"from", "to", "rise", "fall", "period", "prior_after", "level"})):
            hit = c.lead(rest[:z])[0]
            if hit.start >= a and not (words and hit.phrase.lower() == "of"):
                break  # but 'of the total volume of foreign trade': the name's own 'of'; one before a figure ends it
        words.append(rest[a:z])
    name = " ".join(_untrailed(words))
    said = " ".join(of.phrase.lower().split()[1:])  # 'of the total': the phrase names it itself
    if not name and said in _REFERRING:
        return said
    return name.lower() if name.lower() in _REFERRING else measure_key(name)


def _untrailed(words: list[str]) -> list[str]:
    """A whole's name without the words it does not end with ('of the total external trade
    in 2019': the year's preposition names nothing)."""
    k = len(words)
    while k and words[k - 1].lower() in _TRAILING_WORDS:
        k -= 1
    return words[:k]


#: the words a whole's name does not end with: 'in' (2019), 'for' (the year)
_TRAILING_WORDS = frozenset({"in", "for", "of", "at", "on", "during", "by", "as", "with", "to", "the", "and", "from", "over"})

#: a whole named only by reference: 'of that', 'of the total'
_REFERRING = frozenset({"that", "this", "it", "them", "those", "that total", "this total", "the total", "the whole",
                        "total", "the sum"})


def _prior_words(f: Fig) -> bool:
    """A level named as last year's ('last year's revenue was', 上年同期营业收入为)."""
    if f.period == "prior" or f.sent is None:
        return False
    for h in f.tail[:3]:
        if h.key == "prior_after":
            return True
    c = f.sent.cues
    head = f.before[-40:]
    prior = c.find(head, "prior_period")
    if prior is not None and not _THIS_PERIOD.search(head[prior.end :]):
        # not 延续去年第四季景气回暖趋势，今年第一季台湾出口金额为: this year's; nor 去年全年访港旅客6084万人次，较前一年
        # 上升12%: the year a release reports on, compared with the year before it
        return c.find(f.sent.text[f.end : f.sent.end], "before_prior") is None
    # 'This compares with operating income of $120.3 million, or 14.3% of sales, in the prior year period'
    return f.i == 0 and _THAT_COMPARES.match(f.sent.text, f.sent.start, f.start) is not None \
        and _PRIOR_AFTER.search(f.sent.text, f.end, f.sent.end) is not None


#: words of this period that a figure's own clause says after another period's
_THIS_PERIOD = Lazy(r"(?i)今年|本年|本期|本季|当年|当期|本年度|\bthis (?:year|quarter|period|month)\b|\bcurrent (?:year|quarter|period)\b")
#: words of the prior period after a figure: 'in the prior year period', 'a year earlier', 'last year'
_PRIOR_AFTER = Lazy(r"(?i)\b(?:prior|previous|preceding|last)[- ](?:year|quarter|period)|\ba year (?:earlier|ago|before)\b|"
                    r"\bthe year[- ](?:ago|earlier)\b|\bsame (?:period|quarter) (?:of |in )?(?:last|the previous|the prior) year\b")
#: a sentence that opens on what the sentence before compares with: its figures are the prior period's
_THAT_COMPARES = Lazy(r"\s*(?:This|That|These|It|The figure|The result)s?\s+(?:compares|compared|compare)\s+(?:with|to)\b")


# --------------------------------------------------------------------------- statements

_SEPARATORS = frozenset({",", ";", "，", "；", "、", ":", "：", "and", "while", "whereas", "but", "with", "as", "及", "而", "但",
                         "*", "•", "·", "▪", "●"})
_BACKREF = ("back_ref",)


def _opens_statement(f: Fig, figs: list[Fig], rest: str) -> bool:
    """Whether figure ``f`` opens a statement of its own (a new subject named before it),
    not one that goes on: an alternative, a share of a whole it names, the figure after a
    milestone, a budget's share done (完成年度预算的56.5%)."""
    named_whole = f.role == "share" and bool(f.whole) and f.link in ("share", "") or f.role == "whole" \
        or f.role == "share" and f.owner is not None
    if f.role == "alt" or named_whole or _after_milestone(f, figs, rest) or _budget_done(f):
        return False
    return _new_subject(rest) or _next_label(f, figs)


def _budget_done(f: Fig) -> bool:
    return f.role == "other" and bool(_BUDGET_DONE_ZH.search(f.before))


def _statements(s: Sentence, c: Cues) -> None:
    """Group the sentence's figures into statements, each with its subject's measure."""
    current: Stmt | None = None
    for f in s.figs:
        rest = _remainder(f)
        if current is None or _opens_statement(f, s.figs, rest):
            said = _past_saying(rest, c)
            name, qual = _subject(rest[said:], c)
            current = Stmt(s, len(s.stmts), measure_key(name), c.has(f.before[said : said + 30], "back_ref"), qual)
            s.stmts.append(current)
        assert current is not None
        current.figs.append(f)
        f.stmt = current
        f.measure = current.measure
    for st in s.stmts:
        _owners(st)
        _listed_shares(st)
        _shares_listed_zh(st)


#: the noun of a milestone a figure passed (迈上900亿美元台阶, 跨过700亿美元门槛, 突破万亿大关)
_MILESTONE_ZH = Lazy(r"^(?:台阶|门槛|大关|关口|关)[，,]?\s*$")


def _after_milestone(f: Fig, figs: list[Fig], rest: str) -> bool:
    """The words before ``f`` only close the milestone the figure before it passed
    (月度出口首次迈上900亿美元台阶，达907.7亿美元): the same statement goes on."""
    return f.i > 0 and figs[f.i - 1].approx == "over" and bool(_MILESTONE_ZH.match(rest))


def _after_threshold(f: Fig) -> bool:
    """The figure right after a threshold in its statement (首次迈上900亿美元台阶，达907.7亿美元)."""
    st = f.stmt
    return st is not None and st.figs[0] is not f and st.figs[st.figs.index(f) - 1].approx == "over"


def _level_after_change(f: Fig) -> bool:
    """A Chinese level said right after its statement's change with no name of its own
    (出口成长13.02%，达2242.66亿美元): the statement's subject's."""
    st = f.stmt
    if st is None or st.figs[0] is f or f.sent is None or f.sent.lang != "zh":
        return False
    prev = st.figs[st.figs.index(f) - 1]
    return prev.role == "change" and prev.kind == "pct"


def _listed_shares(st: Stmt) -> None:
    """', or 70.1% and 74.4% of revenue, respectively': the per cent before a share, listed
    with it 'respectively', is a share of the same whole, not the change said again."""
    for k in range(1, len(st.figs)):
        a, b = st.figs[k - 1], st.figs[k]
        if a.role == "alt" and a.kind == b.kind == "pct" and b.role == "share" and b.whole and a.sent is not None \
                and a.sent.cues.has(a.sent.text[b.end : a.sent.end][:80], "respectively"):
            a.role = "share"


def _parallel_shares(figs: list[Fig]) -> None:
    """'retail loans were $20 billion, or 40% of the total, and corporate loans $30 billion,
    or 60%': a bare 'or N%' after the amount of another subject, in a sentence that has
    just said a share of a named whole after its own subject's amount, is a share of that
    whole."""
    last: Fig | None = None
    for k, f in enumerate(figs):
        prev = figs[k - 1] if k else None
        if f.role == "share" and f.whole and f.kind == "pct" and prev is not None and prev.role == "level":
            last = f
        elif last is not None and prev is not None and _or_after_amount(f, prev) and prev.stmt is not last.stmt:
            f.role, f.whole = "share", last.whole
        elif f.role in ("change", "new", "base"):
            last = None


def _or_after_amount(f: Fig, prev: Fig) -> bool:
    """', or 60%' right after a level amount: a rate said again, whose role the words give not."""
    return f.role == "alt" and f.kind == "pct" and f.link == "or" and prev.role == "level" and prev.kind == "amt"


def _shares_listed_zh(st: Stmt) -> None:
    """占总数29.9%及8.1%: the per cent joined to a share by 及, 和 or 、 is a share of the
    same whole."""
    for k in range(1, len(st.figs)):
        a, b = st.figs[k - 1], st.figs[k]
        if a.role == "share" and a.whole and a.kind == b.kind == "pct" and b.role in ("level", "other", "alt") \
                and a.sent is not None and a.sent.lang == "zh" and a.sent.text[a.end : b.start].strip() in ("及", "和", "、"):
            b.role, b.whole, b.link = "share", a.whole, a.link


def _owners(st: Stmt) -> None:
    """With two changes in a statement, each base belongs to the change just before it
    ('grew 11% annually to 3,936 from 3,550 a year ago and 5.6% sequentially from 3,728')."""
    changes = [f for f in st.figs if f.role == "change"]
    if len(changes) < 2:
        return
    last: Fig | None = None
    for k, f in enumerate(st.figs):
        if f.role == "change" and not _said_on_basis(f):
            last = f  # not a change said on another basis ('down 4.0% on an underlying basis (2015: …)')
        elif f.role == "base" and f.owner is None and f.kind in ("amt", "pct"):
            f.owner = _change_right_after(st, k) or last


def _change_right_after(st: Stmt, k: int) -> Fig | None:
    """The change right after base ``k`` that its words open on (比上月的2.21万亿元增长3.2%)."""
    nxt = st.figs[k + 1] if k + 1 < len(st.figs) else None
    return nxt if nxt is not None and nxt.role == "change" and nxt.lead and nxt.lead[-1].start == 0 else None


def _said_on_basis(f: Fig) -> bool:
    """A change its own words put on another basis ('4.0% on an underlying basis')."""
    return f.sent is not None and f.sent.cues.has(f.after[:40], "basis")


def _remainder(f: Fig) -> str:
    """The lead of a figure without the cues that give it its role: for a base, only what
    stands before its 'from' (降幅从上月的4.0%: 降幅 names a new subject); for the rest,
    before the whole chain of cues next to it."""
    if f.cut is not None:
        return f.before[: f.cut]
    if not f.lead:
        return f.before
    if f.role == "base" and f.link == "from":
        for h in f.lead:
            if h.key == "from":
                return f.before[: h.start]
    last = f.lead[-1]
    if last.key == "share" and f.sent is not None and f.sent.cues.is_phrase(last.phrase, "margin"):
        return f.before[: last.end]  # 毛利率下跌2.8个百分点: the margin is the subject, not a cue of it
    return f.before[: last.start]


def _new_subject(rest: str) -> bool:
    """Words of a subject after a separator: ', while net income fell' (net income),
    '，归属于上市公司股东的净利润' (two Chinese characters at least). Words with no
    separator before them name the figure itself ('The $48 offer is 52% above')."""
    words = cjk = 0
    seen = going_on = False
    rest = _FOOTNOTE_MARKS.sub("", rest)  # 'sales*': a footnote mark, no bullet
    rest = _NOTE_ZH.sub("", rest)  # （新台币，下同）: a note on the figures before, no subject
    for t, _, _ in tokens(rest):
        if t in _SEPARATORS:
            words = cjk = 0
            seen, going_on = True, False
        elif "\u3400" <= t <= "\u9fff":  # an ideograph (a full-width bracket names nothing)
            cjk += 1
        elif t in _GOING_ON and not words:
            going_on = True  # ', marking an extraordinary growth of': the statement before goes on
        elif t[0].isalpha() and t not in _NOT_SUBJECT and not going_on:
            words += 1
    return (seen and words >= 1 or cjk >= 2) and not (has_cjk(rest) and _COMPARED_ZH.match(_LAST_CLAUSE_ZH.split(rest)[-1]))


#: a bracketed note on the units of the figures before it and after (（人民币，下同）, (新台幣,下同))
_NOTE_ZH = Lazy(r"[(（][^()（）]{0,24}下同[^()（）]{0,30}[)）]")
#: a bracketed note on units: 下同 (the same below), an exchange rate ('(US$1 = HK$7.8)', （1美元约合8澳门元）), a
#: margin of error ('3.0 percent (±10.5 percent)* above')
_NOTE = Lazy(r"[(（](?:\s*±[^()（）]{0,20}|[^()（）]{0,24}下同[^()（）]{0,30}|[^()（）\d]{0,12}1\s?[^()（）\d]{0,12}(?:约合|折合|兑|=|＝|equals|is about)"
             r"[^()（）]{0,20})[)）]")
#: a clause that compares the statement's figure with its past (较去年同期增加…, 虽较107年上半年衰退…): no new subject
_COMPARED_ZH = Lazy(r"^\s*(?:虽|但|仍|则)?(?:较|比|与)(?!重|例|率)", cjk=True)
_LAST_CLAUSE_ZH = Lazy(r"[，,；;：:、]|(?<=[\u4e00-\u9fff%])\s+(?=[\u4e00-\u9fff])")  # a space between clauses too


def _next_label(f: Fig, figs: list[Fig]) -> bool:
    """A new line of a run-together list of results: a label in capitals right after a
    change ('Profit before tax £58.5m (2001: £52.0m) +12.4% Operating profit £63.8m …'),
    where a line break or a bullet was lost."""
    if not f.i or figs[f.i - 1].role != "change" or f.sent is None or f.sent.lang != "en":
        return False
    return _LABEL.match(f.before) is not None


#: a label: a capitalised word, then words, right before a figure
_LABEL = Lazy(r"^\s*[A-Z][a-z]+(?:[\s-]+[A-Za-z][a-z()]*){0,7}\s*(?:[:\-–]\s*)?$")

_FOOTNOTE_MARKS = Lazy(r"(?<=\w)[*†‡]+")

#: the participles that go on saying the statement before them, whatever words follow them
_GOING_ON = frozenset("reflecting representing marking signalling signaling indicating amounting equating translating".split())

#: words that name no subject (what is left of a lead once its cues are read)
#: and the participles that go on saying the statement before them ('$391.0 billion, reflecting
#: a 2% increase', ', representing 81% of', ', marking a 7% rise'): the subject is still its
_NOT_SUBJECT = _GOING_ON | frozenset(
    "the a an its their our his her this that these those it they of in on at for by to "
    # a span of time said after the figure's subject ('was £46.3bn between April and September, down £7.5bn')
    "between during since until through january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _past_saying(text: str, c: Cues) -> int:
    """Where what is said starts, past who says it ('The agency reports that', 数据显示): 0
    when no one is said to say it."""
    said = c.find_all(text, "said_that")
    return said[-1].end if said else 0


def _subject(rest: str, c: Cues) -> tuple[str, str]:
    """The words naming what the statement measures (the lead's last clause, without the
    words around it that are not its name: conjunctions, determiners, verbs), and the
    period words its name holds ('Year-to-date inflows': year-to-date)."""
    parts = re.split(r"[,;:，；：、(（]|\b(?:and|while|whereas|but|as)\b", rest)
    last = parts[-1] if parts else rest
    obj = _OBJECT.search(last)
    last = obj.group(1) if obj else _noun_phrase(_CONJUNCTION.sub("", last.strip()))  # '… ended its fiscal year with revenue of': revenue
    qual = []
    for h in c.lead(last, frozenset({"period", "fill", "currency", "level", "stop"})):
        if h.key == "period" and not c.has(h.phrase, "whole_period"):
            qual.append(h.phrase)
        last = last[: h.start]
    last = _OVER_PRIOR_ZH.sub("", last)  # 入境旅客总数已超过去年全年的: 入境旅客总数
    last = _COMPARED_PRIOR_ZH.sub("", last)  # 入境旅客数目较去年同月(增加35.4%): 入境旅客数目
    words = c.tail(last, frozenset({"stop", "period", "cause"}))
    if words:
        qual += [h.phrase for h in words if h.key == "period" and not c.has(h.phrase, "whole_period")]
        last = last[words[-1].end :]
    last = _MODAL_TAIL_ZH.sub("", last.strip()) if has_cjk(last) else last
    return _CONJUNCTION.sub("", last.strip()), " ".join(qual).lower()


#: the cue words a figure's name does not hold: 'were', 为, 'about', 全年
_NAME_STRIP = frozenset({"level", "fill", "about", "over", "at_least", "nearly", "under", "period", "currency", "to"})
#: a base's name is read past its 'from' too ('… vs. $118.9 million': the subject's)
_NAME_STRIP_BASE = _NAME_STRIP | {"from"}
_CLAUSE = Lazy(r"[,;:，；：、。(（]|\b(?:and|while|whereas|but)\b")


def name_of(f: Fig) -> str:
    """The words that name a figure: the clause right before it, without the cue words
    next to it and the words at its start that name nothing (其中, 'the', 全年):
    '其中服务出口13373.1亿元' -> 服务出口, 'August exports were $165.2 billion' -> august export."""
    c = f.sent.cues if f.sent is not None else cues("en")
    clause = _name_clause(f, c)
    if f.sent is not None and f.sent.lang == "en":
        return _named_after_amount(f, c) or measure_key(_REPORTED.sub("", clause) or clause) or _subject_named(f)
    name = measure_key(_strip_zh(_MODAL_TAIL_ZH.sub("", _VERBS_ZH.sub("", clause.strip())))
                       if f.sent is not None and f.sent.lang == "zh" else clause.strip())
    return name or _subject_named(f)


def _name_clause(f: Fig, c: Cues) -> str:
    """The clause right before a figure without the cue words next to it and the words at
    its start that name nothing."""
    clause = _CLAUSE.split(f.before)[-1]
    for h in c.lead(clause, _NAME_STRIP_BASE if f.role == "base" else _NAME_STRIP):
        if h.start == 1 and clause[:1] >= "\u3400" and h.key in ("over", "under") and not c.has(clause[:1], "to"):
            break  # 出超, 入超: the word itself, not 出 'over'
        clause = clause[: h.start]
    lead = c.tail(clause, frozenset({"stop", "period", "fill", "cause"}))
    if lead:
        clause = clause[lead[-1].end :]
    return _CONJUNCTION.sub("", clause.strip())  # 'after imports rose … to': imports


def _named_after_amount(f: Fig, c: Cues) -> str:
    """The name an English amount is given after it: 'USD 3.9 billion in exports' (a noun
    in lower case after 'in', no period), 'a USD 1.01 billion trade surplus'; '' when none."""
    if f.kind != "amt":
        return ""
    found = _IN_NOUN.match(f.after) or _NOUN_AFTER.match(f.after)
    if found is None or c.has(found.group(1), "period"):
        return ""
    return measure_key(found.group(1))


#: a measure named after its amount: ' in exports and', ' in net income,'
_IN_NOUN = Lazy(r"^\s+in\s+(?!the\b|a\b|an\b|its\b|their\b|our\b|cash\b|total\b)([a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2}?)"
                r"(?=\s*(?:[,;.)]|$)|\s+(?:and|from|for|on|last|this|compared|versus|against|while|but|up|down)\b)")
#: a balance said to come from the amounts after it, not from an earlier one of its own
_MADE_FROM = Lazy(r"(?i)\b(?:surplus|deficit|balance|gap)\s+from\s*$")
#: a balance named right after its amount: ' trade surplus last week', ' deficit in'
_NOUN_AFTER = Lazy(r"^\s+((?:trade\s+|current[- ]account\s+|budget\s+)?(?:surplus|deficit))\b", re.IGNORECASE)


def _subject_named(f: Fig) -> str:
    """The name a figure that names nothing itself takes from its statement's subject:
    the new figure of the subject's change ('带动服务贸易逆差下降70%至1347.5亿元'), the figure
    after the milestone its subject passed (月度出口首次迈上900亿美元台阶，达907.7亿美元)."""
    if f.stmt is not None and (f.role in ("new", "base") or f.role == "level" and (_after_threshold(f) or _level_after_change(f))):
        return f.stmt.measure
    return ""


#: a conjunction that opens a clause, before the measure it names ('after imports rose', 'while exports jumped')
_CONJUNCTION = Lazy(r"(?i)^(?:after|before|when|since|although|though|because|while|whereas|as|and|but|on|with|"
                   r"compared (?:to|with)|versus|against)\s+(?=[a-z])")
#: verbs inside a Chinese name that name nothing (规模以上工业企业实现利润总额: 规模以上工业企业利润总额)
_VERBS_ZH = Lazy(r"实现|发生|完成|录得|取得|达到")
#: words of mood or time a Chinese name ends with before its verb (出口估计将成长, 贸易出超则可提高为): none of its name
_MODAL_TAIL_ZH = Lazy(r"(?:估计|预计|预估|预期|可望|有望|则|亦|也|还|仍|已经?|将|可|再|均|都|继续|提高|扩大|缩小|上升|下降|增加|减少|方面)+$")


#: what a sentence says before its subject ('Nvidia said revenue …') and what follows its
#: head ('revenue for the fiscal year that ended …'): not the measure's name
_REPORTED = Lazy(r"^.*\b(?:said|says|reported|reports|announced|announces|posted|posts|noted|added|showed|shows|"
                       r"saw|sees|recorded|records|registered|registers|logged|logs|"
                       r"estimated|that)\s+", re.IGNORECASE)
#: a measure named as the object of its verb, right before its figure: 'with revenue of', 'reported net income of'
_OBJECT = Lazy(r"\b(?:with|reported|reports|posted|posts|recorded|records|generated|generates|had|has|delivered|saw|sees|"
                     r"registered|registers|logged|logs|"
                     r"achieved|booked|reporting|posting|recording|generating)\s+(?:an?\s+|its\s+|their\s+|total\s+)?"
                     r"([a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,3}?)(?:\s+(?:of|at|totalling|totaling|worth))?\s*$", re.IGNORECASE)
#: the verb after a subject and what follows it: 'were flat', 'remained unchanged', 'came in'
_VERB_AFTER = Lazy(r"\s+(?:was|were|is|are|remained|remains|stood|stands|came|comes|held|holds|stayed|stays|"
                   r"came in|totaled|totalled|reached|rose|fell|grew|declined|increased|decreased|edged)\b.*$",
                   re.IGNORECASE)
_DATELINE = Lazy(r"^.*?(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
                       r"\((?:reuters|bloomberg|ap|afp|dow jones|xinhua)\))\s*[-–—]+\s*", re.IGNORECASE)
_TRAILING = Lazy(r"\s+(?:for|in|during|over|at|on|that|which|who|ended|ending)\s+.*?$", re.IGNORECASE)


def _noun_phrase(text: str) -> str:
    """The head of an English subject: 'Nvidia said revenue for the fiscal year that ended on
    28 January' -> 'revenue'. Chinese names are kept whole."""
    if not text or text.lstrip()[:1] >= "\u3400":
        return text
    text = _DATELINE.sub("", text)  # 'MOUNTAIN VIEW, Calif., Jan 30 - Alphabet's revenue'
    head = _TRAILING.sub("", text)  # cut at the first 'for', 'in', 'that' … after it: 'revenue for the year that ended'
    head = _REPORTED.sub("", head) or head
    return _VERB_AFTER.sub("", head) or head  # 'Net sales were flat': net sales


_DROP_WORDS = Lazy(r"^(?:the|its|their|our|his|her|a|an|all|total|group|company's|group's|firm's|bank's)\s+")


#: a footnote's mark in a name: 国内生产总值[2], 'net sales(1)'
#: a footnote's mark in a name: '[1]', '（2）', or a digit on an acronym ('Adjusted EBITDA1')
_FOOTNOTE_MARK = Lazy(r"[\[［(（]\d{1,2}[\]］)）]|(?<=[A-Z]{3})\d\b")


@functools.lru_cache(maxsize=8192)
def span(r: Reading, f: Fig) -> str:
    """The span the words before a figure in its sentence name (9月, 首9个月, 'third
    quarter'), else the last one named before it in its paragraph (期内: the period just said)."""
    s = f.sent
    if s is None:
        return ""
    pattern = s.cues.pattern("span_words")
    if pattern is None:
        return ""
    found = pattern.findall(s.text, s.start, f.start)
    if found:
        return "".join(found[-1].lower().split())
    scope = r.scopes.get(s.scope, [])
    k = next((i for i, x in enumerate(scope) if x is s), 0)
    for t2 in reversed(scope[:k]):
        found = pattern.findall(t2.text, t2.start, t2.end)
        if found:
            return "".join(found[-1].lower().split())
    return ""


def measure_key(name: str) -> str:
    """A measure's name folded for matching: lower case, no article or 'total', the last
    word singular ('Net revenues' -> 'net revenue'); Chinese as written (a pure function:
    its answers are kept)."""
    name = " ".join(_FOOTNOTE_MARK.sub("", name).lower().split()).strip(" ,.:;'\"")
    if name[-1:] in ")）" and "(" not in name and "（" not in name:
        name = name[:-1].rstrip()  # 地区生产总值(GDP)439.19亿元: named by the short name in its brackets
    while True:
        cut = _DROP_WORDS.sub("", name)
        if cut == name:
            break
        name = cut
    if name[:1] == "的" and len(name) > 2:
        name = name[1:]  # 本集团的收入 read past its owner: 收入
    if name.endswith("ies") and len(name) > 4:
        name = name[:-3] + "y"
    elif name.endswith("s") and not name.endswith(("ss", "sales", "us", "earnings", "is")):
        name = name[:-1]
    if len(name) > 40:
        tail = name[-40:]
        # at most its last 40 characters, from a word's start ('balance of interest-earning asset')
        name = tail if name[-41] == " " or " " not in tail else tail.split(" ", 1)[1]
    return name


def same_measure(a: str, b: str) -> bool:
    """Two measure names for one thing: equal, or one the other's last words ('revenue' and
    'total revenue'; 营业收入 and 收入 only when written the same)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if short[0] >= "\u3400":
        return long.endswith(short) and len(short) >= 2
    # 'cost of net revenue' and '% of net revenue' are no net revenue
    return long.endswith(" " + short) and not long[: -len(short)].rstrip().endswith((" of", "%"))


#: what a Chinese name of a total may end with and still name the same measure (出口总值, 出口)
_TOTAL_ZH = Lazy(r"(?:总值|总额|总量|总计|合计|总数|数目|数量)$")


def total_stem(name: str) -> str:
    """A Chinese name of a total without the word that says it is one (外贸总值: 外贸)."""
    return _TOTAL_ZH.sub("", name)


def _unscoped(extra: str) -> str:
    """What a name says beyond another once the words of scope are read off its start (我国, 全国)."""
    c = cues("zh")
    hits = c.tail(extra, frozenset({"scope", "stop"}))
    return extra[hits[-1].end :] if hits else extra


#: what ``beyond_whole`` adds for a name that says more than the whole named, in words that are
#: no mere scope (货物贸易进出口总值 for 进出口总值): the whole it likely is, never certain
QUALIFIED = 100


def beyond_whole(whole: str, measure: str) -> int | None:
    """How much a measure's name says beyond the whole a share names (0: the same name);
    None when it does not name that whole."""
    if not whole or not measure:
        return None
    kept = _continuing_kept(whole, measure)
    if kept:
        return _plus_one(beyond_whole(whole, kept))  # 'net sales from continuing operations': the net sales a text is about
    if whole[0] >= "\u3400":
        whole, measure = _TOTAL_ZH.sub("", whole) or whole, _TOTAL_ZH.sub("", measure) or measure  # 出口总值 is 出口
    if _one_name(whole, measure):
        return 0
    by_kind = _canonical_extra(whole, measure)
    if by_kind is not None:
        return by_kind
    if same_measure(whole, measure) and _scope_words(whole, measure):
        return abs(len(measure) - len(whole))
    if whole[0] >= "\u3400" and len(whole) >= 2 and measure.endswith(whole) and len(_unscoped(measure[: -len(whole)])) >= 2:
        return QUALIFIED + len(measure) - len(whole)  # 占进出口总值的49.4% of 货物贸易进出口总值: a qualified name
    return None


def _one_name(a: str, b: str) -> bool:
    """Two names written the same, or one 'A of B' and the other 'B A' ('volume of foreign trade'
    is the 'foreign trade volume')."""
    return a == b or _flipped(a) == b or _flipped(b) == a


def _flipped(name: str) -> str:
    """An English name 'A of B' said the other way round, 'B A' ('' for any other name)."""
    head, of, tail = name.partition(" of ")
    return f"{tail} {head}" if of and head and tail and " of " not in tail and name[0] < "\u3400" else ""


def _continuing_kept(whole: str, measure: str) -> str:
    """The measure without 'from continuing operations' when the whole does not say it; else ''."""
    kept = _CONTINUING.sub("", measure)
    return kept if kept != measure and not _CONTINUING.search(whole) else ""


def _plus_one(extra: int | None) -> int | None:
    return None if extra is None else extra + 1


#: a measure's basis said after its name: of the business the company keeps
_CONTINUING = Lazy(r"\s+(?:from|of) continuing operations?$")


def _canonical_extra(whole: str, measure: str) -> int | None:
    """For a whole named by its kind (revenue), how much more the measure's name says
    before that kind, when what it says is only whose it is; else None."""
    kind = canonical(whole)
    if kind:
        tail = _canonical_tail(measure)
        if tail is not None and tail[0] == kind and (_whole_revenue_zh(measure[tail[1]:]) or tail[1] == 0
                                                     if _LATIN_PERIOD.sub("", measure)[:1] >= "\u3400"  # Q3合并营收 too
                                                     else _scope_words(measure[tail[1]:], measure)):
            return tail[1]  # 营收 and 东方财富证券营业收入, 'revenue' and 'consolidated sales': of whoever the text is about
    return None


#: a period written in Latin letters before a Chinese name (Q3合并营收, 24Q2公司营收, H1营收), not a segment's (AI芯片营收)
_LATIN_PERIOD = Lazy(r"^(?:\d{2,4})?(?:q[1-4]|h[12]|[1-4]q|[12]h|fy\d{0,4})", re.IGNORECASE)


def _whole_revenue_zh(word: str) -> bool:
    """营业收入, 营业总收入, 营收: a company's revenue; a bare 收入 after a name (动力电池系统收入) is a segment's."""
    return word in ("营业收入", "营业总收入", "营收", "总收入", "营业额")


def _canonical_tail(measure: str) -> tuple[str, int] | None:
    """('revenue', how many characters before it) when the measure ends with a name of revenue."""
    c = cues(lang_of(measure))
    found = c.lead(measure, frozenset({"revenue"}), limit=1)
    if not found:
        return None
    return "revenue", found[0].start


#: whose a measure is, in English: "alphabet's", "the group's", "apple inc.'s"
_POSSESSIVE = Lazy(r"(?:(?:the|its|their)\s+)?(?:[\w.&-]+\s+){0,2}[\w.&-]+(?:'s|’s|s'|s’)")


def _scope_words(a: str, b: str) -> bool:
    """What one name has beyond the other only says whose or where ('total', 居民, 全国),
    not what (进出口总值 is not 出口总值)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    extra = _YEAR_WORD.sub("", long[: len(long) - len(short)]).strip()  # 'fourth quarter 2022 sales': its period
    if not extra or _POSSESSIVE.fullmatch(extra):
        return True  # 'alphabet's revenue' is the revenue the text is about
    c = cues(lang_of(extra))
    found = c.lead(extra, frozenset({"scope", "stop", "period"}))
    return bool(found) and found[-1].start == 0 and all(h.key in ("scope", "stop", "period") for h in found)


_YEAR_WORD = Lazy(r"\b(?:fy)?(?:19|20)\d{2}\b|\b(?:(?:first|second|third|fourth)[- ]quarter|q[1-4]|full[- ]year|"
                  r"(?:first|second)[- ]half|h[12]|fiscal|annual|quarterly|nine[- ]months?|fy)\b", re.IGNORECASE)


def canonical(name: str) -> str:
    """The one name of a measure with several ('营收' and '营业收入', 'net sales' and 'revenue')."""
    # the name's own language: an English draft never builds the Chinese table
    return "revenue" if cues(lang_of(name)).is_phrase(name, "revenue") else ""
