"""Simple Markdown read without markdown-it: the tokens markdown-it gives a draft that is
only paragraphs and ATX headings, with ``*`` emphasis, code spans and ``[text](url)``
links to web addresses in them (``tokens``), or None for anything else.

Importing markdown-it costs about 40 ms, a fifth of a short run (``docs/performance.md``);
most articles are written in this much Markdown. Whatever this reader is not sure of
(any other block or mark, a tab, an indented or a bare ``#`` line, an emphasis mark that
could open and close, or that is left unmatched, a link of another form) makes it give
up, and the draft is read by markdown-it as before: the tokens given here are the ones
markdown-it gives, which ``tests/test_simple_markdown.py`` holds it to on every draft of
the repository and on cases made to break it. Only what ``draft._walk`` reads of a token
is made: its type, tag, map, markup, content and children.
"""

from __future__ import annotations

import re
import unicodedata

#: characters whose Markdown this reader does not read (escapes, entities, HTML and
#: autolinks, underscore emphasis, strikethrough, tables), and NUL and tabs
_UNREAD = re.compile(r"[\\&<_~|\x00\t]|!\[")
#: a line this reader reads as the start (or the next line) of a paragraph: not a
#: block's start (quote, list, rule, setext underline, fence, table, HTML, indented
#: code, link definition) nor a heading's
_NOT_PLAIN = re.compile(r"[\s>+=\-_<|~\[#]|\*{3}|\*{1,2}(?:\s|$)|\d{1,9}[.)](?:\s|$)|```")
_HEADING = re.compile(r"(#{1,6}) +(\S(?:.*\S)?)\Z")
_LINK = re.compile(r"\[([^\[\]`*\n]+)\]\(https?://[^\s()<>\"'`*\[\]\x00-\x1f\x7f]+\)")
#: markdown-it's whitespace for emphasis (common.utils.isWhiteSpace)
_SPACE = frozenset("\t\n\v\f\r \xa0\u1680\u202f\u205f\u3000") | frozenset(map(chr, range(0x2000, 0x200B)))
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class Token:
    """A token as markdown-it makes it, with only what the draft's reader reads of it."""

    __slots__ = ("children", "content", "map", "markup", "tag", "type")

    def __init__(self, type: str, tag: str = "", map: list[int] | None = None, markup: str = "",
                 content: str = "", children: list[Token] | None = None) -> None:
        self.type, self.tag, self.map, self.markup = type, tag, map, markup
        self.content, self.children = content, children


def tokens(source: str) -> list[Token] | None:
    """markdown-it's block tokens of ``source`` (its lines split at "\\n"), or None when
    the source holds Markdown this reader does not read."""
    if _UNREAD.search(source):
        return None
    lines = source.split("\n")
    out: list[Token] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip(" "):
            i += 1
            continue
        if line[-1].isspace() or line[-1] == "\ufeff":
            return None
        if line[0] == "#":
            heading = _heading(line, i)
            if heading is None:
                return None
            out += heading
            i += 1
            continue
        j = _paragraph_end(lines, i)
        if j is None:
            return None
        content = "\n".join(lines[i:j])
        children = _inline(content)
        if children is None:
            return None
        out += [Token("paragraph_open", "p", [i, j]),
                Token("inline", "", [i, j], content=content, children=children),
                Token("paragraph_close", "p")]
        i = j
    return out


def _heading(line: str, i: int) -> list[Token] | None:
    """The tokens of an ATX heading on line ``i``, or None when it is not one this reader reads."""
    m = _HEADING.match(line)
    if m is None or m.group(2).endswith("#"):
        return None
    children = _inline(m.group(2))
    if children is None:
        return None
    tag = f"h{len(m.group(1))}"
    return [Token("heading_open", tag, [i, i + 1], m.group(1)),
            Token("inline", "", [i, i + 1], content=m.group(2), children=children),
            Token("heading_close", tag, None, m.group(1))]


def _paragraph_end(lines: list[str], i: int) -> int | None:
    """The line after the paragraph that starts on line ``i`` (a blank line or a heading
    ends it), or None when one of its lines is not plain text."""
    j, n = i, len(lines)
    while j < n and lines[j].strip(" ") and lines[j][0] != "#":
        if _NOT_PLAIN.match(lines[j]) or lines[j][-1].isspace() or lines[j][-1] == "\ufeff":
            return None
        j += 1
    return j


def _inline(src: str) -> list[Token] | None:
    """The inline tokens of a paragraph's or a heading's text, or None."""
    out: list[Token] = []
    text: list[str] = []
    opened: list[int] = []  # the lengths of the emphasis marks open, innermost last
    pos, end = 0, len(src)
    while pos < end:
        c = src[pos]
        if c not in "\n`*[]":
            nxt = pos + 1
            while nxt < end and src[nxt] not in "\n`*[]":
                nxt += 1
            text.append(src[pos:nxt])
            pos = nxt
            continue
        if text:
            out.append(Token("text", content="".join(text)))
            text.clear()
        if c == "\n":
            out.append(Token("softbreak", "br"))
            pos += 1
            continue
        made = _code(src, pos) if c == "`" else _emphasis(src, pos, opened) if c == "*" else _link(src, pos)
        if made is None:
            return None
        out += made[0]
        pos = made[1]
    if opened:
        return None
    if text:
        out.append(Token("text", content="".join(text)))
    return out


def _code(src: str, pos: int) -> tuple[list[Token], int] | None:
    """A code span (markdown-it's backticks rule): its token, and where it ends."""
    k = _run(src, pos, "`")
    close = _closing_ticks(src, pos + k, k)
    if close < 0:
        return None
    code = src[pos + k : close].replace("\n", " ")
    if code.startswith(" ") and code.endswith(" ") and len(code.strip()) > 0:
        code = code[1:-1]
    return [Token("code_inline", "code", markup="`" * k, content=code)], close + k


def _emphasis(src: str, pos: int, opened: list[int]) -> tuple[list[Token], int] | None:
    """A run of ``*`` that only opens or only closes, one or two long; a closing one
    closes the innermost open run, of its length."""
    k = _run(src, pos, "*")
    opens, closes = _flanks(src, pos, pos + k)
    if k > 2 or opens == closes:
        return None
    kind, tag = ("em", "em") if k == 1 else ("strong", "strong")
    if opens:
        opened.append(k)
        return [Token(f"{kind}_open", tag, markup="*" * k)], pos + k
    if not opened or opened.pop() != k:
        return None
    return [Token(f"{kind}_close", tag, markup="*" * k)], pos + k


def _link(src: str, pos: int) -> tuple[list[Token], int] | None:
    """``[text](url)``, to a web address: its tokens, and where it ends."""
    m = _LINK.match(src, pos)
    if m is None:
        return None
    return [Token("link_open", "a"), Token("text", content=m.group(1)), Token("link_close", "a")], m.end()


def _run(src: str, pos: int, mark: str) -> int:
    k = pos
    while k < len(src) and src[k] == mark:
        k += 1
    return k - pos


def _closing_ticks(src: str, pos: int, k: int) -> int:
    """Where the next run of exactly ``k`` backticks starts, or -1."""
    while True:
        at = src.find("`", pos)
        if at < 0:
            return -1
        length = _run(src, at, "`")
        if length == k:
            return at
        pos = at + length


def _flanks(src: str, start: int, stop: int) -> tuple[bool, bool]:
    """Whether the emphasis marks from ``start`` to ``stop`` can open, and can close
    (markdown-it's scanDelims for ``*``: left and right flanking)."""
    last = src[start - 1] if start > 0 else " "
    nxt = src[stop] if stop < len(src) else " "
    last_punct, next_punct = _punct(last), _punct(nxt)
    last_space, next_space = last in _SPACE, nxt in _SPACE
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return left, right


def _punct(c: str) -> bool:
    return c in _ASCII_PUNCT or unicodedata.category(c).startswith(("P", "S"))
