"""The article draft: its text as a reader sees it, and where each character came from.

A Markdown draft is read with markdown-it-py (it comes with Rich): what a reader sees
(the text of headings, paragraphs, list items, table cells, link and image text) is
kept, and the syntax around it (``#``, ``**``, ``[...](url)``, ``>``, list markers,
HTML tags) is dropped, so that ``**380 billion** yuan`` reads ``380 billion yuan``.
Code blocks, HTML blocks and a YAML front matter are not prose and are left out.
Every character of the text keeps its offset in the file, so that anything found in
the text is reported at the draft's own line and column. A plain-text draft (any
extension but .md/.markdown) is its own text.

``normalize`` is what makes a claim's ``says`` findable in that text whatever the
typography: case, runs of whitespace and line breaks, non-breaking spaces, curly or
straight quotes, dashes, full-width forms.

A reader sees what the file's characters show, so the reading text is what is shown:
zero-width characters are dropped (``5\u200b0%`` reads 50%), and a line that holds a
bidirectional control character is not read at all (``bidi_lines``): such a
character reorders what its whole paragraph shows (Trojan Source), ``rose \u202e%03\u202c``
showing "rose 30%". Each such line is a finding of its own (``bidi_problems``).
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck.errors import LoadError
from factcheck.lazyre import Lazy
from factcheck.load.paths import LIMITS
from factcheck.load.source import decode, read_bytes
from factcheck.model import Problem, Span

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: an article is tens of kilobytes; a draft over this is not an article
MAX_BYTES = LIMITS["article drafts"]
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class Block(NamedTuple):
    """A piece of the reading text and the place Markdown gives it: a heading, a
    paragraph, a list item or a table cell. Offsets are in the reading text."""

    start: int
    end: int
    kind: str  # heading | paragraph | item | cell
    #: heading: its level (1-6); item: how deep its list is (1 for a top-level list)
    level: int = 0
    #: item: which list (counted from 0 in the draft); cell: which table
    group: int = -1
    #: cell: its row (0 is the header row) and column
    row: int = 0
    col: int = 0
    #: the line of the file (0-based) the block starts on
    line: int = 0


class Hidden(NamedTuple):
    """A line of the reading text not read because it holds bidirectional controls."""

    #: where its first control character stands in the reading text
    at: int
    #: the control characters it holds, each once, in the order they first appear
    controls: str
    #: a few words of it as written, from that first control character on (controls left out)
    written: str


@dataclass(frozen=True, slots=True)
class Draft:
    """The draft's reading text, and for each of its characters the offset in the file."""

    path: str  # as shown in reports
    source: str
    text: str
    offsets: array[int]  # len(text) source offsets
    line_starts: tuple[int, ...]
    markdown: bool = True
    #: the draft's blocks in order (headings, paragraphs, list items, table cells)
    blocks: tuple[Block, ...] = ()
    #: the first lines left unread for their bidirectional controls (at most MAX_BIDI_SHOWN + 1)
    hidden: tuple[Hidden, ...] = ()
    #: how many lines were left unread so, in all
    hidden_lines: int = 0

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        i = bisect_right(self.line_starts, source_offset) - 1
        return i + 1, source_offset - self.line_starts[i] + 1

    def span(self, text_offset: int) -> Span:
        """Where a character of the reading text stands in the file."""
        if not self.offsets:
            return Span(self.path, 1, 1)
        k = min(max(text_offset, 0), len(self.offsets) - 1)
        line, col = self.position(self.offsets[k])
        return Span(self.path, line, col)


def read(path: str, shown: str | None = None) -> tuple[Draft | None, Problem | None]:
    """Read a draft file. A file that is not a UTF-8 text of article size is a Problem."""
    shown = shown or path
    where = Span(shown, 1, 1)
    if os.path.isdir(path):
        return None, Problem(where, "draft-unreadable", "the draft is a folder, not a text file")
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            return None, Problem(
                where, "draft-too-large", f"the draft is {size / 2**20:.1f} MB; an article draft is at most {MAX_BYTES // 2**20} MB of text"
            )
        # a regular file only, opened without blocking: a pipe (--draft fifo) would wait
        # for a writer for ever, a device (/dev/zero) never ends
        data = read_bytes(path, MAX_BYTES, "article drafts")
    except OSError as e:
        return None, Problem(where, "draft-unreadable", f"cannot read the draft: {e.strerror or e}")
    except LoadError as e:
        code = "draft-too-large" if e.code == "too-large" else "draft-unreadable"
        return None, Problem(where, code, f"cannot read the draft: {e.message}")
    text, problem = decode(shown, data)
    if problem is not None:
        return None, Problem(problem.span, "draft-encoding", f"the draft cannot be read: {problem.message}")
    assert text is not None
    markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    if markdown:
        for marks, what in (("[", "brackets ([)"), ("*_", "emphasis marks (* and _)")):
            n = sum(text.count(c) for c in marks)
            if n > MAX_MARKUP:
                return None, Problem(
                    where, "draft-too-complex",
                    f"the draft holds {n:,} {what}; a Markdown draft holds at most {MAX_MARKUP:,} "
                    "(the Markdown reader's time grows with their square): save it as plain text (.txt) if it is one",
                )
        if blocks(text, MAX_BLOCKS) > MAX_BLOCKS:
            return None, Problem(
                where, "draft-too-complex",
                f"the draft holds more than {MAX_BLOCKS:,} list items and block quote marks (-, *, +, 1., >) at the starts of its lines; "
                f"a Markdown draft holds at most {MAX_BLOCKS:,} (the Markdown reader takes about 65 µs and 2 KB for each): "
                "save it as plain text (.txt) if it is one",
            )
    return from_text(text, shown, markdown), None


#: the most `[` (or `*` and `_`) a Markdown draft holds: markdown-it takes 6 s over 200,000
MAX_MARKUP = 10_000
#: the most list markers and `>` at the starts of lines a Markdown draft holds: markdown-it
#: took 32 s and 1.1 GB for 2 MB of "- a" lines, 21 s and 900 MB for "> - > - …" nested ten
#: deep on 90,000 lines; an article has a few hundred list items and quoted lines
MAX_BLOCKS = 10_000

#: a line's container marks: block quotes (`>`, `>>`) and list markers (`-`, `*`, `+`, `1.`, `1)`)
_CONTAINERS = re.compile(r"^[ \t]*(?:>[ \t]*|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))+", re.MULTILINE)
_CONTAINER_MARK = re.compile(r">|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)")


def blocks(text: str, limit: int | None = None) -> int:
    """How many block quote marks and list markers stand at the starts of the lines
    (each one of a nested line counted), in one pass over the text; with ``limit``,
    counting stops as soon as there are more."""
    n = 0
    for m in _CONTAINERS.finditer(text):
        if m.end() > m.start():
            n += len(_CONTAINER_MARK.findall(m.group()))
            if limit is not None and n > limit:
                break
    return n


def read_once(path: str, shown: str | None = None,
              cache: dict[tuple[str, int, int, str | None], tuple[Draft | None, Problem | None]] | None = None,
              ) -> tuple[Draft | None, Problem | None]:
    """``read``, once a run for each file: several claims files sharing a draft parse it
    once. ``cache``: the run's (``Run.drafts``), keyed by the real path, size and
    modification time; without it the file is read again."""
    try:
        info = os.stat(path)
        key = (os.path.realpath(path), info.st_size, info.st_mtime_ns, shown)
    except OSError:
        return read(path, shown)
    if cache is None:
        return read(path, shown)
    if key not in cache:
        if len(cache) >= 8:
            cache.clear()
        cache[key] = read(path, shown)
    return cache[key]


def from_text(source: str, path: str = "<draft>", markdown: bool = True) -> Draft:
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    if markdown:
        _, text, offsets, _, found = _walk(source)
    else:
        text, offsets = source, array("l", range(len(source)))
        found = _plain_blocks(text)
    if _ZERO_WIDTH.search(text):
        text, offsets, found = _without_zero_width(text, offsets, found)
    hidden: list[Hidden] = []
    count = 0
    if any(c in text for c in _BIDI_CHARS):  # a text search each: instant on ASCII text, 5x the regex's speed on any
        text, hidden, count = bidi_lines(text)
    return Draft(path, source, text, offsets, tuple(starts), markdown, tuple(found), tuple(hidden), count)


def _plain_blocks(text: str) -> list[Block]:
    """A plain-text draft's paragraphs: runs of lines between blank lines."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        if m.group().strip():
            out.append(Block(m.start(), m.end(), "paragraph", line=text.count("\n", 0, m.start())))
    return out


def title(source: str) -> str | None:
    """The draft's title: its front matter's ``title:``, else its first line as a heading."""
    block = front_matter(source)
    if block:
        m = re.search(r"^title\s*:\s*['\"]?(.+?)['\"]?\s*$", block, re.MULTILINE)
        if m:
            return m.group(1)[:200]
    found = first_heading(source[len(block or "") :])
    return found[:200] if found else None


def first_heading(source: str, any_level: bool = False) -> str | None:
    """The text of the first line that is not blank, when it is a Markdown heading:
    '# Title' (``any_level``: '## Title' too, indented up to three spaces); else None."""
    pattern = r"\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$" if any_level else r"#\s+(.+?)\s*#*\s*$"
    for line in source.splitlines():
        if line.strip():
            found = re.match(pattern, line)
            return found.group(1) if found else None
    return None


def front_matter(source: str) -> str | None:
    """The YAML front matter at the top of a draft (``---`` … ``---``), as text, or None."""
    m = _FRONT_MATTER.match(source)
    return m.group() if m else None


#: the most filings a draft's front matter may name (``filings:``)
MAX_FRONT_FILINGS = 8
_FRONT_FILINGS = re.compile(r"^filings[ \t]*:[ \t]*(?P<inline>\S.*)?$(?P<block>(?:\n[ \t]*-[ \t]+\S.*$)*)", re.MULTILINE)


def front_filings(source: str) -> list[str]:
    """The paths ``filings:`` in the draft's front matter lists (``filings: 10-K.htm``,
    ``filings: [a.htm, b.htm]`` or a block list), read as text: nothing is run. One more
    than the most is given back, so that the caller can say there are too many."""
    block = front_matter(source)
    m = _FRONT_FILINGS.search(block) if block is not None else None
    if m is None:
        return []
    items: list[str] = []
    inline = (m.group("inline") or "").strip()
    if inline.startswith("[") and inline.endswith("]"):
        items += inline[1:-1].split(",")
    elif inline:
        items.append(inline)
    items += [line.strip()[1:] for line in m.group("block").splitlines() if line.strip()]
    return [x.strip().strip("'\"") for x in items if x.strip().strip("'\"")][: MAX_FRONT_FILINGS + 1]


_FRONT_DATE = Lazy(r"^(?:date|published|pubdate|publish_date)\s*:\s*['\"]?(\d{4})-(\d{2})-(\d{2})", re.MULTILINE)


def draft_date(draft: Draft) -> date | None:
    """The date of the draft's YAML front matter (``date: 2025-05-13``), read as text:
    nothing in the front matter is run or built."""
    block = front_matter(draft.source)
    if block is None:
        return None
    m = _FRONT_DATE.search(block)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


#: invisible characters a reader does not see: ``5\u200b0%`` reads 50%, and is found as 50%
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def _without_zero_width(text: str, offsets: array[int], blocks: list[Block]) -> tuple[str, array[int], list[Block]]:
    """The reading text without zero-width characters (and soft hyphens); every other
    character keeps its offset in the file, and every block its characters."""
    keep = [i for i, c in enumerate(text) if not _ZERO_WIDTH.match(c)]
    moved = [b._replace(start=bisect_left(keep, b.start), end=bisect_left(keep, b.end)) for b in blocks]
    return "".join(text[i] for i in keep), array("l", (offsets[i] for i in keep)), moved


#: bidirectional controls: embeddings and overrides and their end (U+202A–U+202E),
#: isolates and their end (U+2066–U+2069), and the marks (U+200E, U+200F, U+061C)
_BIDI_CHARS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{_BIDI_CHARS}]")
#: a whole line that holds one: what comes before its first control (group 1), then the rest
_BIDI_LINE = re.compile(f"^([^\n{_BIDI_CHARS}]*)[{_BIDI_CHARS}][^\n]*", re.MULTILINE)
#: the lines a draft's findings name one by one; past these, one finding counts the rest
MAX_BIDI_SHOWN = 20


def bidi_lines(text: str) -> tuple[str, list[Hidden], int]:
    """The reading text with every line (a Markdown paragraph is one) that holds a
    bidirectional control character blanked out, character for character (every other
    character keeps its place and its offset in the file); the first lines so blanked
    (up to ``MAX_BIDI_SHOWN`` + 1), and how many there were.

    Why the whole line: UAX #9 lays out a paragraph as one. An override reverses what
    it spans (``\u202e%03\u202c`` shows "30%"), an isolate or an embedding reorders it,
    and a mark, strong in a direction, carries the signs and symbols next to numbers
    across them and can turn the whole paragraph right to left (``\u200f-5`` may show
    "5-"). Working out what a reader sees would take the whole algorithm and the font's
    mirroring; reading the figures as written would read "03" where "30%" is shown. So a
    figure of such a line is read as displayed or not at all: not at all. Each line that
    holds a control is blanked whole, in one substitution over the text."""
    hidden: list[Hidden] = []
    for m in itertools.islice(_BIDI_LINE.finditer(text), MAX_BIDI_SHOWN + 1):
        at, end = m.end(1), m.end()
        controls = "".join(dict.fromkeys(_BIDI.findall(m.group())))
        words = " ".join(_BIDI.sub("", text[at : min(end, at + 200)]).split())
        hidden.append(Hidden(at, controls, words if len(words) <= 32 else words[:32] + "…"))
    # one substitution in C over the whole text (a loop in Python over 350,000 lines took a second)
    blanked, count = _BIDI_LINE.subn(_spaces, text)
    return blanked, hidden, count


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def bidi_problems(draft: Draft) -> list[Problem]:
    """The draft's lines left unread for their bidirectional controls, each a finding
    at its first control character (the first ``MAX_BIDI_SHOWN``, then one for the rest)."""
    out = []
    for h in draft.hidden[:MAX_BIDI_SHOWN]:
        names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control').lower()}" for c in h.controls)
        what = f"bidirectional control characters ({names}) make" if len(h.controls) > 1 else f"a bidirectional control character ({names}) makes"
        shown = f" (written “{h.written}”)" if h.written else ""
        out.append(
            Problem(
                draft.span(h.at),
                "draft-bidi",
                f"{what} this line show otherwise than it is written{shown}: a figure may read as another "
                f"(Trojan Source), so none of the line is read; delete {'them' if len(h.controls) > 1 else 'it'}",
            )
        )
    more = draft.hidden_lines - len(out)
    if more > 0:
        at = draft.hidden[MAX_BIDI_SHOWN].at if len(draft.hidden) > MAX_BIDI_SHOWN else 0
        out.append(
            Problem(
                draft.span(at),
                "draft-bidi",
                f"{more:,} more line{'s' if more != 1 else ''} hold bidirectional control characters and are not read; delete them",
            )
        )
    return out


def plain(markdown_text: str) -> str:
    """The reading text of a short piece of Markdown (a `says` pasted with its markup)."""
    if not any(c in markdown_text for c in "*_`[]<>#\\&"):
        return markdown_text
    return _read_markdown(markdown_text)[0]


# --------------------------------------------------------------------------- markdown

_MD: MarkdownIt | None = None


def markdown_parser() -> MarkdownIt:
    """The one Markdown parser (CommonMark with tables and strikethrough), made on first use."""
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt  # lazy: markdown-it costs about 40 ms, and a plain-text draft never needs it

        _MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _MD


class _Builder:
    """Collects reading text with the source offset of each character."""

    def __init__(self, source: str, marks: dict[int, int] | None = None) -> None:
        self.source = source
        self.chars: list[str] = []
        self.offsets = array("l")
        self.cursor = 0
        #: when given: id of a text, code or break token -> where it starts in the text
        self.marks = marks

    def mark(self, token: object) -> None:
        if self.marks is not None:
            self.marks[id(token)] = len(self.offsets)

    def add(self, text: str, at: int) -> None:
        self.chars.append(text)
        self.offsets.extend([at] * len(text))

    def align(self, text: str, limit: int) -> None:
        """Place ``text`` in the source from the cursor on, stepping over markup.

        Text that stands in the source as it is (the usual case) is placed at once;
        otherwise each character is looked for a little way ahead (markup, escapes
        and entities stand between), and one that is not there (an entity decoded to
        another character) takes the cursor's position without moving it."""
        src = self.source
        at = src.find(text, self.cursor, limit) if text else -1
        if at >= 0 and "\n" not in src[self.cursor : at]:
            self.chars.append(text)
            self.offsets.extend(range(at, at + len(text)))
            self.cursor = at + len(text)
            return
        for c in text:
            i = src.find(c, self.cursor, min(limit, self.cursor + 12))
            if i < 0:
                self.add(c, min(self.cursor, max(len(src) - 1, 0)))
                continue
            self.add(c, i)
            self.cursor = i + 1

    def skip(self, markup: str, limit: int) -> None:
        if markup:
            i = self.source.find(markup, self.cursor, limit)
            if i >= 0:
                self.cursor = i + len(markup)

    def skip_link_target(self, limit: int) -> None:
        """After a link's text: step over ``](url "title")`` or ``][ref]``."""
        src = self.source
        i = src.find("]", self.cursor, limit)
        if i < 0:
            return
        j = i + 1
        if j < limit and src[j] in "([":
            close = ")" if src[j] == "(" else "]"
            depth, k = 0, j
            while k < limit:
                if src[k] == "\\":
                    k += 2
                    continue
                if src[k] == src[j]:
                    depth += 1
                elif src[k] == close:
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            j = k + 1
        self.cursor = j

    def separate(self) -> None:
        """A paragraph break between blocks (never at the start, never twice)."""
        if self.offsets and not self.chars[-1].endswith("\n"):
            self.add("\n\n", self.offsets[-1])


def _read_markdown(source: str) -> tuple[str, array[int]]:
    _, text, offsets, _, _ = _walk(source)
    return text, offsets


def rendering(source: str) -> tuple[list[Token], str, dict[int, int]]:
    """For drawing the draft (the html report): markdown-it's tokens of a Markdown
    draft, its reading text, and for each inline token that is read (text, code, a
    line break), where it starts in the reading text (by ``id`` of the token). The
    figures found in the reading text can so be placed in the rendered page."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    marks: dict[int, int] = {}
    tokens, text, _, _, _ = _walk(source, marks)
    return tokens, text, marks


def _walk(source: str, marks: dict[int, int] | None = None,
          simple: bool = True) -> tuple[list[Any], str, array[int], dict[int, int] | None, list[Block]]:
    """The reading text of Markdown, from its tokens: markdown-it's, or for simple
    Markdown (``simple``: unless the caller needs markdown-it's own, to draw the draft
    with ``marks``) the same tokens made without importing markdown-it."""
    m = _FRONT_MATTER.match(source)
    if m:  # blank it out, keeping every offset where it was
        source_for_parse = re.sub(r"[^\n]", " ", m.group()) + source[m.end():]
    else:
        source_for_parse = source
    starts = [0] + [x.end() for x in re.finditer("\n", source)]
    b = _Builder(source, marks)
    tokens: list[Any] | None = None  # markdown-it's tokens, or the simple reader's (read alike)
    if simple and marks is None:
        # lazy: the simple reader only for a Markdown draft
        from factcheck.simple_markdown import tokens as simple_tokens

        tokens = simple_tokens(source_for_parse)
    if tokens is None:
        tokens = markdown_parser().parse(source_for_parse)
    where = _Places()
    found: list[Block] = []
    for tok in tokens:
        if tok.type != "inline" or tok.map is None:
            where.step(tok)
            continue
        first, last = tok.map
        begin = starts[first] if first < len(starts) else len(source)
        limit = starts[last] if last < len(starts) else len(source)
        b.cursor = max(b.cursor, begin)
        b.separate()
        at = len(b.offsets)
        _inline(b, tok.children or [], limit)
        found.append(where.block(at, len(b.offsets), first))
    text = "".join(b.chars).rstrip("\n")
    return tokens, text, b.offsets[: len(text)], marks, [x for x in found if x.start < len(text) or x.kind == "cell"]


class _Places:
    """Where markdown-it's block tokens have put the next inline text: in a heading, a
    list item (how deep, which list), a table cell (which table, row and column)."""

    def __init__(self) -> None:
        self.heading = 0
        self.lists: list[int] = []  # the ids of the open lists, outermost first
        self.items = 0  # list items open
        self.next_list = 0
        self.table = -1
        self.tables = 0
        self.row = -1
        self.col = -1

    def step(self, tok: Any) -> None:
        kind = tok.type
        if kind == "heading_open":
            self.heading = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif kind == "heading_close":
            self.heading = 0
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(self.next_list)
            self.next_list += 1
        elif kind in ("bullet_list_close", "ordered_list_close") and self.lists:
            self.lists.pop()
        elif kind == "table_open":
            self.table, self.row = self.tables, -1
            self.tables += 1
        elif kind == "table_close":
            self.table = -1
        elif kind == "tr_open":
            self.row, self.col = self.row + 1, -1
        elif kind in ("th_open", "td_open"):
            self.col += 1

    def block(self, start: int, end: int, line: int) -> Block:
        if self.table >= 0:
            return Block(start, end, "cell", 0, self.table, self.row, self.col, line)
        if self.heading:
            return Block(start, end, "heading", self.heading, line=line)
        if self.lists:
            return Block(start, end, "item", len(self.lists), self.lists[0], line=line)
        return Block(start, end, "paragraph", line=line)


# complexity 16, kept whole (listed in tests/test_complexity.py): one case per kind of
# markdown-it inline token, each a line or two of how it lines up with the source; a
# table of handlers would scatter what reads as one table here
def _inline(b: _Builder, children: list[Any], limit: int) -> None:
    for t in children:
        kind = t.type
        if kind == "text":
            b.mark(t)
            b.align(t.content, limit)
        elif kind == "code_inline":
            b.skip(t.markup, limit)
            b.mark(t)
            b.align(t.content, limit)
            b.skip(t.markup, limit)
        elif kind in ("softbreak", "hardbreak"):
            b.mark(t)
            i = b.source.find("\n", b.cursor, limit)
            b.add(" ", i if i >= 0 else b.cursor)
            if i >= 0:
                b.cursor = i + 1
        elif kind == "image":
            b.skip("![", limit)
            _inline(b, t.children or [], limit)
            b.skip_link_target(limit)
        elif kind == "link_open":
            if t.markup == "autolink":
                b.skip("<", limit)
            else:
                b.skip("[", limit)
        elif kind == "link_close":
            if t.markup == "autolink":
                b.skip(">", limit)
            else:
                b.skip_link_target(limit)
        elif kind == "html_inline":
            b.skip(t.content, limit)
        elif kind.endswith(("_open", "_close")):
            b.skip(t.markup, limit)
        elif t.content:
            b.align(t.content, limit)


# --------------------------------------------------------------------------- normalizing

_QUOTES = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
           "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"', "「": '"', "」": '"'}
_DASHES = set("‐‑‒–—―−﹣－⁃")
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def _fold(c: str) -> str:
    if c in _DROP:
        return ""
    if c in _QUOTES:
        return _QUOTES[c]
    if c in _DASHES:
        return "-"
    if c.isspace():
        return " "
    if c.isascii():
        return c.lower()
    return unicodedata.normalize("NFKC", c).casefold()


#: runs the folding treats alike: ASCII words with single spaces, whitespace, one other character
_RUNS = re.compile(r"[!-~]+(?: [!-~]+)*|\s+|.", re.DOTALL)


def normalize(text: str) -> tuple[str, array[int]]:
    """Text folded for matching, and for each folded character its index in ``text``.

    Case, quotes, dashes, full-width forms and whitespace (a run of it, line breaks and
    non-breaking spaces included, is one space) stop mattering. Runs of ASCII are
    folded whole (the usual case); any other character one at a time."""
    out: list[str] = []
    index = array("l")
    space = True  # no space at the start, none twice
    for m in _RUNS.finditer(text):
        run, i = m.group(), m.start()
        if run[0].isspace():
            if not space:
                out.append(" ")
                index.append(i)
                space = True
        elif run.isascii():
            out.append(run.lower().replace("`", "'"))
            index.extend(range(i, i + len(run)))
            space = False
        else:
            for d in _fold(run):
                if d == " ":
                    if space:
                        continue
                    space = True
                else:
                    space = False
                out.append(d)
                index.append(i)
    folded = "".join(out)
    if folded.endswith(" "):
        folded = folded[:-1]
        index.pop()
    return folded, index


# --------------------------------------------------------------------------- sentences

#: words before a full stop that do not end a sentence
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "inc", "co", "corp", "ltd", "plc", "no", "vs", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "fig",
}
#: where a sentence ends (compiled by ``re`` on first use: only inference and init read sentences)
_END = r"[.!?。！？]+[\"'”’)]*(?=\s|$)|[。！？]"


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a reading text; paragraphs never run together."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        start = para.start()
        for m in re.finditer(_END, para.group()):
            end = para.start() + m.end()
            if m.group().startswith("."):
                # the word before the stop (a window of the text: longer words are no abbreviation)
                stop = para.start() + m.start() + 1
                before = re.search(r"([A-Za-z.]+)[.!?]*$", text[max(start, stop - 48) : stop])
                word = before.group(1).lower().rstrip(".") if before else ""
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
            if text[start:end].strip():
                out.append(_trim(text, start, end))
            start = end
        if text[start : para.end()].strip():
            out.append(_trim(text, start, para.end()))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
