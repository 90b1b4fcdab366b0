"""The words of each language that mark a relation, kept as data: ``en.py`` and ``zh.py``.

Both tables have the same keys (a test says so); each key is a list of phrases and a
``try`` sentence (or a few, for phrases of several shapes) with a ``{}`` where each
phrase goes, and what the reader must then give (``gives``): a test runs every phrase
through the reader in those sentences, so
the tables are their own documentation and a new phrasing is a line of data (after
Duckling's per-language corpus, and Recognizers-Text's one data file a language).
Traditional characters are folded into simplified ones before anything is read
(``fold``), so ``zh`` holds simplified phrases only.

A phrase is matched on tokens, not characters: an English word (lower case), a number
(``#`` in a phrase stands for any number), or any other single character (a Chinese
character, a bracket, a comma). Chains of phrases are read outward from a figure:
``Cues.lead`` reads back from the figure's start ("rose by about" → about, by, rose),
``Cues.tail`` forward from its end ("higher than a year earlier" → higher, than …).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from factcheck.lazyre import Lazy, has_cjk

#: tokens: a word (letters, inner apostrophes, dots and hyphens), a number, or any one
#: other character that is not a space
#: a word, a number (a year in Chinese numerals, 二零一九年, is one too), or any other character
_TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z'’.\-]*[A-Za-z])?|\d+(?:[.,]\d+)*|[〇零○一二三四五六七八九]{4}(?=年)|"
                    r"(?P<months>[一二三四五六七八九十]{1,3}(?=个?月))|[^\sA-Za-z\d]")


#: keys whose entries are not phrases to find next to a figure
_NOT_PHRASES = frozenset({"identities", "patterns", "partitions", "short_names"})


class Identity(NamedTuple):
    """'R = A op B': a figure named ``result`` is ``a op b`` (op: + - /)."""

    result: str
    a: str
    op: str
    b: str


class Hit(NamedTuple):
    """One phrase found next to a figure: its key, the phrase, and where it stands in the text."""

    key: str
    phrase: str
    start: int
    end: int


#: how far from its figure a chain of cues is read (characters): eight phrases at most
WINDOW = 240
#: how many answers of lead and tail a table keeps (a long draft asks about each figure's words a few times)
MEMO = 50_000


def _window_start(text: str, at: int) -> int:
    """Where a window ending the text starts: at ``at`` or after, on a white space (no word cut)."""
    if at <= 0:
        return 0
    space = text.find(" ", at)
    return space if 0 <= space < at + 40 else at


def _window_end(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", at - 40, at)
    return space if space >= 0 else at


def _shifted(toks: list[tuple[str, int, int]], shift: int) -> list[tuple[str, int, int]]:
    return [(t, a + shift, z + shift) for t, a, z in toks] if shift else toks


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of ``text``: words lower-cased, numbers as ``#`` (a count of
    months in Chinese numerals too: 首十一个月, 前三个月, 一至十一月)."""
    return _tokens(text)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [("#" if m.lastgroup else _token(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _token(t: str) -> str:
    """A token as ``tokens`` gives it: a number as ``#``, a word lower-cased."""
    if t[0].isdigit() or len(t) == 4 and t[0] in "〇零○一二":
        return "#"
    return t.lower().replace("’", "'") if t[0].isascii() and t[0].isalpha() else t


#: characters a Chinese phrase is not read one by one over (a year or a count of months in numerals)
_NUMERALS = frozenset("〇零○一二三四五六七八九十")


def _may_start(text: str, starts: frozenset[str]) -> bool:
    """Whether a phrase beginning with one of ``starts`` (tokens) may stand in ``text``: each
    token is a piece of the text as written or lower-cased (’ read as '), so a text holding
    none of them is told without being tokenised; a number ('#') may stand anywhere."""
    if "#" in starts:
        return True
    low = text.lower().replace("’", "'")
    return any(w in low or w in text for w in starts)


def _split(phrase: str) -> tuple[str, ...]:
    """A phrase's tokens (read once, when a table is built: not kept in the memo of ``tokens``).
    Most phrases are plain words ('compared with') or Chinese characters (同比增长), told at once;
    the rest are read by the tokenizer (a test holds the two ways to the same tokens)."""
    if phrase == "#":
        return ("#",)
    words = phrase.split()
    if all(w.isascii() and w.isalpha() for w in words):
        return tuple(w.lower() for w in words)
    if len(words) == 1 and not phrase.isascii() and all(not c.isascii() and c.isalpha() and c not in _NUMERALS for c in phrase):
        return tuple(phrase)
    return tuple(t for t, _, _ in _tokens(phrase))


class Cues:
    """A language's phrases, as two tries of token sequences (one read backward from a
    figure, one forward), built once on first use."""

    def __init__(self, table: dict[str, dict[str, Any]]) -> None:
        self.table = table
        self._back: dict[str, object] | None = None
        self._fwd: dict[str, object] | None = None
        self._words: dict[str, frozenset[tuple[str, ...]]] = {}
        self._identities: list[Identity] | None = None
        self._patterns: dict[str, Lazy] = {}
        self._partitions: list[tuple[str, ...]] | None = None
        self._short: dict[str, str] | None = None
        self._starts: dict[str, frozenset[str]] = {}
        #: answers of lead and tail already given, by their question (at most MEMO of them)
        self._memo: dict[tuple[str, str, frozenset[str] | None, int], list[Hit]] = {}

    def _build(self) -> None:
        back: dict[str, Any] = {}
        fwd: dict[str, Any] = {}
        for key, entry in self.table.items():
            if key in _NOT_PHRASES:
                continue
            phrases = entry["words"]
            assert isinstance(phrases, list)
            seqs = set()
            for phrase in phrases:
                seq = _split(str(phrase))
                if not seq:
                    continue
                seqs.add(seq)
                for trie, order in ((back, reversed(seq)), (fwd, iter(seq))):
                    node = trie
                    for t in order:
                        node = node.setdefault(t, {})
                    node.setdefault("", set()).add(key)
            self._words[key] = frozenset(seqs)
        self._back, self._fwd = back, fwd

    def _longest(self, trie: dict[str, object], toks: list[tuple[str, int, int]], i: int, step: int,
                 keys: frozenset[str] | None) -> tuple[int, set[str]]:
        """The longest phrase that starts at token ``i`` going by ``step``: (how many tokens, its keys)."""
        node: object = trie
        best, found = 0, set()
        n = 0
        while 0 <= i < len(toks):
            nxt = node.get(toks[i][0]) if isinstance(node, dict) else None
            if nxt is None:
                break
            node, n, i = nxt, n + 1, i + step
            here = node.get("") if isinstance(node, dict) else None
            if here:
                hit = set(here) if keys is None else {k for k in here if k in keys}
                if hit:
                    best, found = n, hit
        return best, found

    def lead(self, text: str, keys: frozenset[str] | None = None, limit: int = 8) -> list[Hit]:
        """The chain of phrases that ends ``text`` (read backward): the nearest first (the
        answers kept for the texts asked about again: a figure's words are read by several
        finders)."""
        return self._memoized(("lead", text, keys, limit), lambda: self._lead(text, keys, limit))

    def _memoized(self, key: tuple[str, str, frozenset[str] | None, int], compute: Callable[[], list[Hit]]) -> list[Hit]:
        """The answer kept for ``key``, else computed and kept (the memo starts again past MEMO)."""
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = compute()
            if len(self._memo) > MEMO:
                self._memo.clear()
                self._memo[key] = found
        return found

    def _tries(self) -> tuple[dict[str, object], dict[str, object]]:
        """The tries of the table's phrases, read backward and forward (built on first use)."""
        if self._back is None or self._fwd is None:
            self._build()
        assert self._back is not None and self._fwd is not None
        return self._back, self._fwd

    def _lead(self, text: str, keys: frozenset[str] | None, limit: int) -> list[Hit]:
        back, _ = self._tries()
        shift = _window_start(text, len(text) - WINDOW)  # a chain never runs that far from its figure
        toks = _shifted(tokens(text[shift:]), shift)
        out: list[Hit] = []
        i = len(toks) - 1
        while i >= 0 and len(out) < limit:
            n, found = self._longest(back, toks, i, -1, keys)
            if not n:
                break
            first = toks[i - n + 1]
            out += [Hit(k, text[first[1] : toks[i][2]], first[1], toks[i][2]) for k in sorted(found)]
            i -= n
        return out

    def tail(self, text: str, keys: frozenset[str] | None = None, limit: int = 8) -> list[Hit]:
        """The chain of phrases that starts ``text`` (read forward): the nearest first."""
        return self._memoized(("tail", text, keys, limit), lambda: self._tail(text, keys, limit))

    def _tail(self, text: str, keys: frozenset[str] | None, limit: int) -> list[Hit]:
        _, fwd = self._tries()
        toks = tokens(text[: _window_end(text, WINDOW)])
        out: list[Hit] = []
        i = 0
        while i < len(toks) and len(out) < limit:
            n, found = self._longest(fwd, toks, i, 1, keys)
            if not n:
                break
            last = toks[i + n - 1]
            out += [Hit(k, text[toks[i][1] : last[2]], toks[i][1], last[2]) for k in sorted(found)]
            i += n
        return out

    def find(self, text: str, key: str) -> Hit | None:
        """The first phrase of ``key`` anywhere in ``text`` (the longest one there): the
        text's tokens (read once, kept for the texts asked about again) tried only where
        one of the key's phrases can start."""
        _, fwd = self._tries()
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = frozenset(seq[0] for seq in self._words.get(key, ()))
        if not _may_start(text, starts):
            return None
        toks = tokens(text)
        only = frozenset((key,))
        for i, tok in enumerate(toks):
            if tok[0] not in starts:
                continue
            n, _ = self._longest(fwd, toks, i, 1, only)
            if n:
                return Hit(key, text[tok[1] : toks[i + n - 1][2]], tok[1], toks[i + n - 1][2])
        return None

    def find_all(self, text: str, key: str) -> list[Hit]:
        """Every phrase of ``key`` in ``text``, one after another (each found past the last)."""
        out: list[Hit] = []
        at = 0
        while at < len(text) and (hit := self.find(text[at:], key)) is not None:
            out.append(hit._replace(start=hit.start + at, end=hit.end + at))
            at += hit.end
        return out

    def has(self, text: str, key: str) -> bool:
        return self.find(text, key) is not None

    def is_phrase(self, text: str, key: str) -> bool:
        """``text`` is, whole, one of the phrases of ``key`` (a label 'Total revenues' of
        ``revenue``, a verb 'rose' of ``rise``): token by token, case aside."""
        self._tries()
        return tuple(t for t, _, _ in tokens(text)) in self._words.get(key, frozenset())

    def identities(self) -> list[Identity]:
        """The identities a reader knows ('gross margin = gross profit / revenue')."""
        if self._identities is None:
            out = []
            for line in self.table.get("identities", {}).get("words", []):
                name, _, rest = str(line).partition("=")
                m = re.fullmatch(r"\s*(.+?)\s+([-+/])\s+(.+?)\s*", rest)
                if m:
                    out.append(Identity(name.strip(), m.group(1), m.group(2), m.group(3)))
            self._identities = out
        return self._identities


    def pattern(self, name: str) -> Lazy | None:
        """A pattern of the table's ``patterns`` (a clause that opens a list of parts …),
        compiled the first time it is tried (a finder asks for its patterns before it knows
        whether a sentence holds what they read)."""
        found = self._patterns.get(name)
        if found is None:
            text = self.table.get("patterns", {}).get(name)
            if not isinstance(text, str) or not text:
                return None
            found = self._patterns[name] = Lazy(text, re.IGNORECASE)
        return found

    def short_names(self) -> dict[str, str]:
        """The full name each short name of the table stands for (投资: 固定资产投资)."""
        if self._short is None:
            pairs = (str(line).partition(" = ") for line in self.table.get("short_names", {}).get("words", []))
            self._short = {a.strip(): b.strip() for a, _, b in pairs if a.strip() and b.strip()}
        return self._short

    def partitions(self) -> list[tuple[str, ...]]:
        """Lists of names that make up a whole together ('urban / rural', 第一产业 / 第二产业 / 第三产业)."""
        if self._partitions is None:
            self._partitions = [tuple(n.strip().lower() for n in str(line).split(" / "))
                                for line in self.table.get("partitions", {}).get("words", [])]
        return self._partitions


_LOADED: dict[str, Cues] = {}


def cues(lang: str) -> Cues:
    """The cue tables of ``lang`` ('en' or 'zh'), built once."""
    found = _LOADED.get(lang)
    if found is None:
        if lang == "zh":
            # lazy: a language's table only when its text is met
            from factcheck.infer.lang.zh import CUES
        else:
            # lazy: a language's table only when its text is met
            from factcheck.infer.lang.en import CUES
        found = _LOADED[lang] = Cues(CUES)
    return found


#: any character of the CJK blocks, or a full-width form
def lang_of(text: str) -> str:
    """'zh' for a text with a Chinese (or full-width) character in it, else 'en'."""
    return "zh" if text and has_cjk(text) else "en"
