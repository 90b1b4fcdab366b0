"""YAML -> Document: claims and facts with their positions, problems with theirs.

Nothing here runs what a file contains. The YAML is read as a stream of parser
events (libyaml when present) and composed here into a small tree, iteratively:
so aliases, custom tags and deep nesting are refused before anything is built,
and no Python object is ever constructed from the file. Scalars keep their text as
written, which is what gives a number its precision (``2.50`` is not ``2.5``).

Every problem names its line and column; one broken claim does not stop the others.
"""

from __future__ import annotations

import gc
import re
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from factcheck.errors import ExprError
from factcheck.model import (
    COMPARE_ALIASES,
    Claim,
    Compare,
    Document,
    Expr,
    Fact,
    Problem,
    Settings,
    Span,
    Status,
    Suppression,
)

SUPPORTED_VERSIONS = (1,)
MAX_BYTES = 32 * 1024 * 1024  # a claims file of 100,000 claims is about 15 MB
MAX_DEPTH = 32  # claims files nest four levels deep; 32 leaves room and refuses bombs
MAX_NODES = 2_000_000
#: problems reported for one file before reading stops: a file with more is not a
#: claims file with mistakes, and listing them all would cost more than it tells
MAX_PROBLEMS = 200
#: values in one entry (a claim, a fact, the article, the settings)
MAX_ENTRY_NODES = 10_000

TOP_KEYS = ("version", "article", "settings", "facts", "claims", "ignore_figures")
ARTICLE_KEYS = ("title", "outlet", "author", "published", "url", "draft")
SETTINGS_KEYS = ("tolerance", "rounding_only", "rates")
FACT_KEYS = ("value", "source", "as_of", "note", "exact")
CLAIM_KEYS = ("id", "says", "check", "stated", "compare", "tolerance", "severity", "source", "tags", "note", "ignore")
IGNORE_KEYS = ("reason", "until")

ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
FACT_RE = re.compile(r"[a-z_][a-z0-9_]*\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
_FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
} | {"!"}


# --------------------------------------------------------------------------- the tree

_NONE: tuple[()] = ()
#: C0 and C1 control characters but tab, newline and carriage return. YAML refuses them
#: written raw, but its escapes ("\e", "\x07") make them; in a report they would reach
#: the terminal as commands (colours, titles, cursor moves) or garble a CI log, so every
#: scalar has them replaced by U+FFFD (as the junit report does for XML) when it is read.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(slots=True)
class YNode:
    kind: str  # scalar | map | seq
    line: int  # 1-based
    col: int
    value: str = ""
    style: str | None = None  # None (plain), '"', "'", '|', '>'
    single_line: bool = True
    # lists for containers only: a scalar shares the empty tuple (a file can hold
    # two million nodes, and two empty lists each would double their memory)
    pairs: list[tuple["YNode", "YNode"]] = _NONE  # type: ignore[assignment]
    items: list["YNode"] = _NONE  # type: ignore[assignment]

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.style is None and self.value in _NULL

    def describe(self) -> str:
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        return "nothing" if self.is_null else f"{self.value!r}"


class LoadError(Exception):
    def __init__(self, line: int, col: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.code, self.message = line, col, code, message


def _yaml_parser(text: str | None, data: bytes | None) -> Any:
    """libyaml's parser when PyYAML has it (the pure-Python one otherwise); its events are
    taken one call at a time, without yaml.parse's generator around each. libyaml reads
    the file's UTF-8 bytes as they are (given a str, PyYAML would encode a copy)."""
    import yaml

    if data is not None and hasattr(yaml, "CSafeLoader"):
        return yaml.CSafeLoader(data)
    if text is None:
        assert data is not None
        text = data.decode("utf-8")
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)


class _Events:
    """The parser's events, one at a time, with every YAML error turned into a LoadError
    at its line and column, and the limits (nodes, depth, aliases, tags) checked as the
    events arrive: nothing is built before it is known to be acceptable."""

    def __init__(self, text: str | None, data: bytes | None = None) -> None:
        import yaml

        self.yaml = yaml
        self._text, self._data = text, data
        self._get = _yaml_parser(text, data).get_event
        # the event classes, looked up once: every event of the file is compared with them
        self._scalar, self._map, self._seq = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        self._map_end, self._seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        self._doc, self._alias = yaml.DocumentStartEvent, yaml.AliasEvent
        self.last: object = None
        self.nodes = 0
        self.documents = 0

    @property
    def text(self) -> str:
        """The file's text, for placing an error (made from the bytes when needed)."""
        if self._text is None:
            assert self._data is not None
            self._text = self._data.decode("utf-8")
        return self._text

    def next(self) -> object:
        yaml = self.yaml
        try:
            ev = self._get()
        except yaml.MarkedYAMLError as e:
            m = e.problem_mark or e.context_mark
            line, col = (m.line + 1, m.column + 1) if m else (1, 1)
            if "nesting depth" in str(e.problem):
                raise LoadError(line, col, "too-deep", f"the YAML nests more than {MAX_DEPTH} levels deep") from None
            line, col, message = _yaml_problem(e, line, col, self.text)
            raise LoadError(line, col, "yaml-syntax", message) from None
        except yaml.reader.ReaderError as e:
            # a character YAML does not allow; libyaml gives its offset in UTF-8 bytes
            before = self.text.encode("utf-8", "surrogatepass")[: e.position].decode("utf-8", "replace")
            line = before.count("\n") + 1
            col = len(before) - (before.rfind("\n") + 1) + 1
            raise LoadError(
                line,
                col,
                "yaml-syntax",
                f"YAML syntax: the character U+{e.character:04X} is not allowed in a YAML file: remove it",
            ) from None
        except yaml.YAMLError as e:  # pragma: no cover - any other error of the parser, without marks
            raise LoadError(1, 1, "yaml-syntax", f"YAML syntax: {e}") from None
        self.last = ev
        kind = type(ev)
        if kind is self._scalar or kind is self._map or kind is self._seq:
            tag = ev.tag  # type: ignore[attr-defined]
            if tag and tag not in _ALLOWED_TAGS:
                mark = ev.start_mark  # type: ignore[attr-defined]
                raise LoadError(mark.line + 1, mark.column + 1, "yaml-tag", f"the YAML tag {tag!r} is not allowed in claims files: remove it")
            self.nodes += 1
            if self.nodes > MAX_NODES:
                mark = ev.start_mark  # type: ignore[attr-defined]
                raise LoadError(mark.line + 1, mark.column + 1, "too-large", f"too many YAML nodes (more than {MAX_NODES:,})")
        elif kind is self._doc:
            self.documents += 1
            if self.documents > 1:
                mark = ev.start_mark  # type: ignore[attr-defined]
                raise LoadError(mark.line + 1, mark.column + 1, "yaml-syntax", "a claims file holds one YAML document; remove the second '---'")
        elif kind is self._alias:
            mark = ev.start_mark  # type: ignore[attr-defined]
            raise LoadError(
                mark.line + 1, mark.column + 1, "yaml-alias",
                f"YAML aliases (*{ev.anchor}) are not allowed in claims files: write the value out",  # type: ignore[attr-defined]
            )
        return ev

    @property
    def position(self) -> int:
        """Where in the text the parser is (characters), for a progress bar."""
        return 0 if self.last is None else self.last.start_mark.index  # type: ignore[attr-defined]

    def skip(self, ev: object, at: int = 0) -> None:
        """Step over the node that starts with event ``ev`` without building it (the value
        of a key that is reported as unknown or repeated); ``at`` is how deep it sits."""
        kind = type(ev)
        if kind is self._scalar:
            return
        depth = 1  # nothing is built, so only the file's own limits (MAX_NODES) apply
        while depth:
            kind = type(self.next())
            if kind is self._map or kind is self._seq:
                depth += 1
                if depth + at > MAX_DEPTH:
                    mark = self.last.start_mark  # type: ignore[attr-defined]
                    raise LoadError(mark.line + 1, mark.column + 1, "too-deep", f"the YAML nests more than {MAX_DEPTH} levels deep")
            elif kind is self._map_end or kind is self._seq_end:
                depth -= 1

    def node(self, ev: object, depth: int = 0, limit: int = MAX_ENTRY_NODES) -> YNode:
        """The whole node that starts with event ``ev``, built iteratively; ``depth`` is
        how deep it sits in the file. A node of more than ``limit`` values is refused:
        an entry of a claims file (a claim, a fact, the settings) is a few lines, and
        building a larger one would only cost memory."""
        budget = self.nodes + limit
        scalar, map_start, seq_start = self._scalar, self._map, self._seq
        map_end, seq_end, advance = self._map_end, self._seq_end, self.next
        stack: list[tuple[YNode, list[YNode]]] = []  # container, pending key for maps
        # The tree holds no cycles, so the cyclic collector only slows its building: with
        # it, each of its passes walks every node made so far (twice the time at 100,000).
        collecting = gc.isenabled()
        gc.disable()
        try:
            while True:
                kind = type(ev)
                if self.nodes > budget:
                    mark = ev.start_mark  # type: ignore[attr-defined]
                    raise LoadError(
                        mark.line + 1, mark.column + 1, "too-large",
                        f"this entry holds more than {limit:,} values: a claim or a fact is a few lines",
                    )
                if kind is scalar:
                    made = _scalar(ev)
                elif kind is map_start or kind is seq_start:
                    mark = ev.start_mark  # type: ignore[attr-defined]
                    line, col = mark.line + 1, mark.column + 1
                    made = YNode("map", line, col, pairs=[]) if kind is map_start else YNode("seq", line, col, items=[])
                    if len(stack) + depth >= MAX_DEPTH:
                        raise LoadError(line, col, "too-deep", f"the YAML nests more than {MAX_DEPTH} levels deep")
                elif kind is map_end or kind is seq_end:
                    done, _ = stack.pop()
                    if not stack:
                        return done
                    ev = advance()
                    continue
                else:  # pragma: no cover - _Events refuses aliases; nothing else comes inside a node
                    mark = ev.start_mark  # type: ignore[attr-defined]
                    raise LoadError(mark.line + 1, mark.column + 1, "yaml-syntax", "YAML syntax: unexpected event")
                if stack:
                    parent, pending = stack[-1]
                    if parent.kind == "seq":
                        parent.items.append(made)
                    elif pending:
                        parent.pairs.append((pending.pop(), made))
                    else:
                        pending.append(made)
                elif made.kind == "scalar":
                    return made
                if made.kind != "scalar":
                    stack.append((made, []))
                ev = advance()
        finally:
            if collecting:
                gc.enable()


def _scalar(ev: object) -> YNode:
    mark = ev.start_mark  # type: ignore[attr-defined]
    line, col = mark.line + 1, mark.column + 1
    style = ev.style or None  # type: ignore[attr-defined]
    if style in ('"', "'"):
        col += 1  # the text starts after the quote
    value = ev.value  # type: ignore[attr-defined]
    if _CONTROL.search(value):
        value = _CONTROL.sub("\ufffd", value)  # shown as �, never sent to a terminal
    single = style not in ("|", ">") and ev.end_mark.line == mark.line  # type: ignore[attr-defined]
    return YNode("scalar", line, col, value, style, single)


def _yaml_problem(e: object, line: int, col: int, text: str) -> tuple[int, int, str]:
    """Where a YAML syntax error is, and what it means in an editor's words.

    libyaml reports where it gave up, which for an unclosed quote is the end of the
    file; the place to show is often its "context" (the opening quote or bracket).
    """
    problem = (getattr(e, "problem", None) or "invalid YAML").strip()
    context = (getattr(e, "context", None) or "").strip()
    cm = getattr(e, "context_mark", None)
    at = (cm.line + 1, cm.column + 1) if cm is not None else (line, col)
    lines = text.splitlines()
    here = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""

    if "quoted scalar" in context and "end of stream" in problem:
        quote = lines[at[0] - 1][at[1] - 1 : at[1]] if 0 < at[0] <= len(lines) else '"'
        return (*at, f"YAML syntax: this quoted text is never closed: add the closing {quote} where it ends")
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        return (
            line,
            col,
            f"YAML syntax: the {bracket!r} at line {at[0]} column {at[1]} is not closed, or a ',' is missing here",
        )
    if "could not find expected ':'" in problem and cm is not None:
        return (*at, "YAML syntax: this line needs a ':' after its key (key: value), or more indentation")
    if "incompatible YAML document" in problem:
        return (line, col, "YAML syntax: this version of YAML is not supported: remove the %YAML line")
    advice = ""
    if "mapping values are not allowed" in problem:
        advice = ": is this line indented more than the one above, or does a plain value hold ': '? (quote it)"
    elif "'\\t'" in problem or "tab" in problem:
        advice = ": YAML is indented with spaces, never tabs"
    elif "cannot start any token" in problem and here == "\t":
        advice = ": YAML is indented with spaces, never tabs"
    elif "cannot start any token" in problem and here in ("@", "`", "%", "|", ">", "!", "&", "*"):
        advice = f": a value starting with {here} must be quoted"
    elif "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        advice = ": in double quotes a backslash starts an escape (\\n, \\u00e9); write \\\\ for a backslash, or use single quotes"
    elif "did not find expected" in problem and "block" in context:
        advice = ": check the indentation of this line against its siblings, or quote a value that starts with a quote"
    message = f"YAML syntax: {problem}"
    if context and "while" not in context:
        message = f"YAML syntax: {context}, {problem}"
    return line, col, message + advice


# --------------------------------------------------------------------------- reading


def read_bytes(path: str, limit: int, what: str = "files") -> bytes:
    """A regular file's bytes, at most ``limit`` of them; LoadError (at 1:1) otherwise.

    The file is opened without blocking and checked before a byte is read: a pipe
    would wait forever for a writer, and a device (/dev/zero) never ends.
    """
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise LoadError(1, 1, "unreadable", "this is a folder, not a file") from None
    except OSError as e:
        raise LoadError(1, 1, "unreadable", f"cannot read the file: {e.strerror or e}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(1, 1, "unreadable", "this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(1, 1, "unreadable", "this is not a regular file (a pipe, a device or a socket)")
        if info.st_size > limit:
            raise LoadError(1, 1, "too-large", _too_large(info.st_size, limit, what))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise LoadError(1, 1, "unreadable", f"cannot read the file: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while we read it
        raise LoadError(1, 1, "too-large", _too_large(size, limit, what))
    return b"".join(chunks)


def _too_large(size: int, limit: int, what: str) -> str:
    return f"the file is {size / 2**20:,.1f} MB; {what} are at most {limit / 2**20:g} MB"


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(Span(path, 1, 1), "encoding", "the file is UTF-16; save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, Problem(
            Span(path, line, col), "encoding", f"byte 0x{data[e.start]:02x} is not UTF-8: save the file as UTF-8"
        )
    if "\x00" in text:
        i = text.index("\x00")
        line = text.count("\n", 0, i) + 1
        return None, Problem(Span(path, line, i - text.rfind("\n", 0, i)), "encoding", "the file holds NUL bytes: it is not a text file")
    return text, None


def load(path: str, text: str | None = None) -> Document:
    """Read one claims file whole. Never raises for what the file contains."""
    f = ClaimsFile(path, text, stream=False)
    f.header()
    return f.document(tuple(f.claims()))


def _short(text: str) -> str:
    """One copy of a short text written many times ("5%", "2 years", a tag): an archive
    repeats them by the thousand, each a new string from the parser."""
    return sys.intern(text) if len(text) <= 24 else text


_EMPTY = "the file is empty: a claims file starts with `version: 1` and a list of `claims:`"
#: a top-level key at the start of a line, as block YAML writes one
_TOP_KEY = re.compile(r"^([A-Za-z_$][\w$-]*)[ \t]*:(?=[ \t\r]|$)", re.M)


def _claims_last(text: str) -> bool:
    """Whether ``claims:`` is the file's last top-level key, read from the text before
    parsing it: then claims can be checked as they are read. A file written otherwise
    (flow style, claims before facts) is read whole first; one that fools this test is
    told so, by a problem at the key that follows its claims."""
    keys = _TOP_KEY.findall(text)
    return bool(keys) and keys[-1] == "claims" and keys.count("claims") == 1


class ClaimsFile:
    """One claims file, read in one pass: ``header()`` gives what every claim is computed
    with (a Document without claims), ``claims()`` the claims one at a time, and
    ``document(claims)`` the Document with every problem, once the claims are read."""

    def __init__(self, path: str, text: str | None = None, reader: "_Reader | None" = None, stream: bool = True) -> None:
        self.path = path
        self.stream = stream
        self.reader = reader or _Reader(path)
        self.failed: Problem | None = None
        self._walk: Iterator[Claim | Document] | None = None
        self.data: bytes | None = None
        if text is None:
            try:
                data = read_bytes(path, MAX_BYTES, "claims files")
            except LoadError as e:
                self.failed = Problem(Span(path, e.line, e.col), e.code, e.message)
            else:
                text, self.failed = decode(path, data)
                if text is not None:
                    self.data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        self.text = text
        self.size = len(text or "")  # characters, as the parser's marks count

    @property
    def restart(self) -> bool:
        """A key came after claims that were checked as read: read the file again, whole."""
        return self.reader.restart

    @property
    def aborted(self) -> bool:
        """The claims read so far cannot stand: the file broke (YAML syntax, a limit)."""
        return self.failed is not None or self.reader.aborted

    @property
    def progress(self) -> float:
        """How much of the file has been read, 0 to 1."""
        events = getattr(self.reader, "events", None)
        return 0.0 if events is None or not self.size else min(events.position / self.size, 1.0)

    def header(self) -> Document:
        if self.failed is not None or self.text is None:
            return Document(path=self.path, problems=(self.failed,) if self.failed else ())
        self._walk = self.reader.walk(self.text, self.data, self.stream)
        self.text = None  # the walk holds what it needs
        try:
            first = next(self._walk, None)
        except LoadError as e:
            self._fail(e)
            return Document(path=self.path, problems=(self.failed,))  # type: ignore[arg-type]
        if isinstance(first, Document):
            return first
        return self.reader.document(())  # the file ended before its claims (or has a problem)

    def claims(self) -> Iterator[Claim]:
        if self._walk is None:
            return
        try:
            for item in self._walk:
                if isinstance(item, Claim):
                    yield item
        except LoadError as e:
            self._fail(e)
        # read through: the parser and the file's bytes can go
        self._walk = None
        self.reader.events = None
        self.data = None

    def _fail(self, e: "LoadError") -> None:
        self.failed = Problem(Span(self.path, e.line, e.col), e.code, e.message)

    def document(self, claims: tuple[Claim, ...] = ()) -> Document:
        if self.failed is not None:
            return Document(path=self.path, problems=(self.failed,))
        return self.reader.document(claims)


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.top_problems: list[Problem] = []
        self.aborted = False
        self.restart = False
        self.valid = 0  # claims and facts read without a problem, for ``swamped``
        self.streamed_facts: dict[str, Fact] | None = None
        self.article_data: dict[str, str] = {}
        self.settings_data = Settings()
        self.facts_data: dict[str, Fact] = {}
        self.broken: dict[str, str] = {}
        self.ignored_figures: tuple = ()
        #: facts whose value could not be read: a claim using one says so, not "unknown fact"
        self.unreadable_facts: dict[str, str] = {}
        self.article_spans: dict[str, Span] = {}

    # helpers -------------------------------------------------------------------
    def span(self, node: YNode) -> Span:
        return Span(self.path, node.line, node.col)

    def problem(self, node: YNode | None, code: str, message: str) -> None:
        span = self.span(node) if node else Span(self.path, 1, 1)
        self.problems.append(Problem(span, code, message))

    def mapping(self, node: YNode, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[YNode, YNode]] | None:
        """Keys -> (key node, value node), with unknown and duplicate keys reported."""
        if node.kind != "map":
            self.problem(node, "wrong-type", f"{what} should be a mapping (key: value lines), not {node.describe()}")
            return None
        out: dict[str, tuple[YNode, YNode]] = {}
        for k, v in node.pairs:
            if k.kind != "scalar" or k.is_null:
                self.problem(k, "wrong-type", f"keys in {what} should be words, not {k.describe()}")
                continue
            if k.value in out:
                first = out[k.value][0]
                self.problem(k, "duplicate-key", f"duplicate key {k.value!r} in {what} (first at line {first.line})")
                continue
            out[k.value] = (k, v)
        if allowed:
            from factcheck.suggest import did_you_mean

            for key, (k, _) in out.items():
                if key not in allowed:
                    self.problem(
                        k,
                        "unknown-key",
                        f"unknown key {key!r} in {what}{did_you_mean(key, allowed) or ''}; "
                        f"expected one of: {', '.join(allowed)}",
                    )
        return out

    def text(self, node: YNode, what: str) -> str | None:
        """A scalar as text (numbers and dates too, as written); None when empty."""
        if node.kind != "scalar":
            self.problem(node, "wrong-type", f"{what} should be text, not {node.describe()}")
            return None
        if node.is_null:
            return None
        return node.value

    def expr(self, node: YNode, what: str) -> Expr | None:
        from factcheck.expr import parse

        if node.kind != "scalar" or node.is_null:
            self.problem(node, "wrong-type", f"{what} should be an expression such as `2.5 years`, not {node.describe()}")
            return None
        text = _short(node.value)
        span = self.span(node)
        try:
            tree = parse(text)
        except ExprError as e:
            at = Expr(text, span, None, node.single_line).at(e.offset)
            self.problems.append(Problem(at, "expression-syntax", f"in {what}: {e.message}"))
            return None
        return Expr(text, span, tree, node.single_line)

    def choice(self, node: YNode, what: str, words: tuple[str, ...], expected: str) -> str | None:
        """One of ``words``, or None with one problem (never two) saying what is expected."""
        word = node.value if node.kind == "scalar" and not node.is_null else None
        if word in words:
            return word
        self.problem(node, "wrong-value", f"{what} should be {expected} not {node.describe()}")
        return None

    def date(self, node: YNode, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            date.fromisoformat(value)
        except ValueError:
            self.problem(node, "wrong-type", f"{what} should be a date written 2025-05-13, not {value!r}")
            return None
        return value

    # the file ------------------------------------------------------------------
    def walk(self, text: str, data: bytes | None = None, stream: bool = True) -> Iterator[Claim | Document]:
        """The file in one pass over the parser's events: first the header (a Document
        without claims, once what claims are computed with is known), then each claim as
        it is read. Claims stream straight from the parser when ``claims:`` is the last
        key of the file; otherwise they are kept until the end, where the header is.

        Problems accumulate in ``self.problems``; a LoadError (YAML syntax, a limit) ends
        the walk and the caller reports only it, as for a file that cannot be read. A key
        that turns up after streamed claims (a quoted one the pre-scan cannot see) ends it
        with ``self.restart`` set: the file is then read again, whole.
        """
        import yaml

        path = self.path
        streaming = stream and _claims_last(text)
        # the parser reads the bytes when it has them: the text (a second copy of the
        # file, 16 MB for 100,000 claims) is let go
        events = self.events = _Events(None if data is not None else text, data)
        del text
        events.next()  # StreamStart
        ev = events.next()
        if type(ev) is yaml.StreamEndEvent:
            self.problems.append(Problem(Span(path, 1, 1), "empty", _EMPTY))
            return
        ev = events.next()  # the document's first node
        if type(ev) is not yaml.MappingStartEvent:
            if type(ev) is yaml.SequenceStartEvent:  # not built: a list can be an archive's size
                mark = ev.start_mark  # type: ignore[attr-defined]
                root = YNode("seq", mark.line + 1, mark.column + 1)
                events.skip(ev)
            else:
                root = events.node(ev)
            self._finish(events)
            if root.is_null:
                self.problems.append(Problem(Span(path, 1, 1), "empty", _EMPTY))
            else:
                self.mapping(root, "the claims file", TOP_KEYS)  # says what it should be
            return
        top = YNode("map", ev.start_mark.line + 1, ev.start_mark.column + 1)  # type: ignore[attr-defined]
        seen: dict[str, YNode] = {}
        held: list[Claim] = []
        header: Document | None = None
        stop = False  # an unsupported version: nothing else is read for meaning
        ids: dict[str, int] = {}
        while type(ev := events.next()) is not yaml.MappingEndEvent:
            key = events.node(ev, 1)
            first = events.next()
            if key.kind != "scalar" or key.is_null:
                self.top_problem(key, "wrong-type", f"keys in the claims file should be words, not {key.describe()}")
                events.skip(first, 1)
                continue
            name = key.value
            if name in seen:
                self.top_problem(key, "duplicate-key", f"duplicate key {name!r} in the claims file (first at line {seen[name].line})")
                events.skip(first, 1)
                continue
            seen[name] = key
            if name not in TOP_KEYS:
                from factcheck.suggest import did_you_mean

                self.top_problem(
                    key,
                    "unknown-key",
                    f"unknown key {name!r} in the claims file{did_you_mean(name, TOP_KEYS) or ''}; "
                    f"expected one of: {', '.join(TOP_KEYS)}",
                )
                events.skip(first, 1)
                continue
            if header is not None:  # a key after claims: that were read as the last key
                self.restart = True
                return
            if stop or (name == "claims" and type(first) is yaml.MappingStartEvent):
                # an unsupported version (nothing is read for meaning), or claims written
                # as a mapping: stepped over, not built (either can be an archive's size)
                if not stop:
                    mark = first.start_mark  # type: ignore[attr-defined]
                    at = YNode("map", mark.line + 1, mark.column + 1)
                    self.problem(at, "wrong-type", f"claims should be a list (lines starting with '- '), not {at.describe()}")
                events.skip(first, 1)
                continue
            if name == "claims" and type(first) is yaml.SequenceStartEvent:
                if streaming:
                    header = self._header()
                    yield header
                while type(item := events.next()) is not yaml.SequenceEndEvent:
                    claim = self.claim(events.node(item, 2), ids)
                    if claim is None:
                        if self.swamped(item):
                            return
                        continue
                    self.valid += 1
                    if header is not None:
                        yield claim
                    else:
                        held.append(claim)
                continue
            if name == "facts" and type(first) is yaml.MappingStartEvent:
                self.streamed_facts = self.stream_facts(events)
                if self.aborted:
                    return
                continue
            value = events.node(first, 1)
            if name == "version":
                stop = not self._version(value)
            elif name == "article":
                self.article_data = self.article(value)
            elif name == "settings":
                self.settings_data = self.settings(value)
            elif name == "facts":
                self.streamed_facts = self.facts(value)
            elif name == "ignore_figures":
                self.ignored_figures = self.ignore_figures(value)
            elif name == "claims":
                held = self.claims(value)
        self._finish(events)
        if "version" not in seen:
            self.top_problem(top, "missing-key", "missing `version: 1` at the top of the file")
        if "claims" not in seen and not stop:
            self.problem(top, "missing-key", "missing `claims:`, the list of claims to check")
        if stop:
            return
        if header is None:
            yield self._header()
            yield from held

    def swamped(self, ev: object) -> bool:
        """Past MAX_PROBLEMS, and with more problems than good entries, the file is not a
        claims file with mistakes but something else: stop reading it (its claims are not
        checked), and say so. A large file with a share of broken claims is read to the
        end."""
        problems = len(self.problems) + len(self.top_problems)
        if problems < MAX_PROBLEMS or problems <= self.valid:
            return False
        if not self.aborted:
            mark = ev.start_mark  # type: ignore[attr-defined]
            self.problems.append(
                Problem(
                    Span(self.path, mark.line + 1, mark.column + 1),
                    "too-many-problems",
                    f"stopped reading here: more than {MAX_PROBLEMS} problems; fix those above first",
                )
            )
            self.aborted = True
        return True

    def top_problem(self, node: YNode, code: str, message: str) -> None:
        """Problems of the file's own keys come first in the report, as the file's shape
        is what to fix first."""
        self.top_problems.append(Problem(self.span(node), code, message))

    def _version(self, v: YNode) -> bool:
        if v.kind == "scalar" and v.style is None and v.value.isdigit() and int(v.value) in SUPPORTED_VERSIONS:
            return True
        versions = ", ".join(map(str, SUPPORTED_VERSIONS))
        self.top_problem(
            v,
            "version",
            f"version {v.value} is not supported: this build of factcheck reads version {versions}"
            if v.kind == "scalar" and not v.is_null
            else f"version should be a number ({versions}), not {v.describe()}",
        )
        return False

    def _header(self) -> Document:
        """What every claim is computed with (article, settings and facts, read as they
        came), once the facts' cycles are found."""
        facts = self.streamed_facts or {}
        self.broken = {**self.unreadable_facts, **self.cycles(facts)}
        self.facts_data = {name: f for name, f in facts.items() if name not in self.broken}
        return self.document(())

    def document(self, claims: tuple[Claim, ...]) -> Document:
        return Document(
            path=self.path,
            article=self.article_data,
            settings=self.settings_data,
            facts=self.facts_data,
            claims=claims,
            problems=(*self.top_problems, *self.problems),
            broken_facts=self.broken,
            article_spans=self.article_spans,
            ignore_figures=self.ignored_figures,
        )

    def _finish(self, events: "_Events") -> None:
        import yaml

        while type(events.next()) is not yaml.StreamEndEvent:
            pass  # the document's end; a second document is refused by _Events

    def article(self, node: YNode) -> dict[str, str]:
        if node.is_null:
            return {}
        m = self.mapping(node, "article", ARTICLE_KEYS)
        out: dict[str, str] = {}
        for key, (_, v) in (m or {}).items():
            if key not in ARTICLE_KEYS:
                continue
            value = self.date(v, "article.published") if key == "published" else self.text(v, f"article.{key}")
            if value is not None:
                out[key] = value
                self.article_spans[key] = self.span(v)
        return out

    def ignore_figures(self, node: YNode) -> tuple[tuple[str, Span], ...]:
        """Passages of the draft whose figures need no claim (a dateline, a page number)."""
        if node.is_null:
            return ()
        if node.kind != "seq":
            self.problem(node, "wrong-type", f"ignore_figures should be a list of passages of the draft, not {node.describe()}")
            return ()
        out = []
        for item in node.items:
            text = self.text(item, "an entry of ignore_figures")
            if text is not None and text.strip():
                out.append((text, self.span(item)))
            elif text is not None:
                self.problem(item, "wrong-value", "an entry of ignore_figures is empty: write the passage of the draft")
        return tuple(out)

    def settings(self, node: YNode) -> Settings:
        if node.is_null:
            return Settings()
        m = self.mapping(node, "settings", SETTINGS_KEYS) or {}
        tolerance = self.expr(m["tolerance"][1], "settings.tolerance") if "tolerance" in m else None
        rounding = Status.WARN
        if "rounding_only" in m:
            word = self.choice(m["rounding_only"][1], "settings.rounding_only", ("warn", "pass", "fail"), "warn, pass or fail,")
            rounding = Status(word) if word else rounding
        rates: list[tuple[str, Expr]] = []
        if "rates" in m:
            from factcheck.quantity import CURRENCIES

            rm = self.mapping(m["rates"][1], "settings.rates", ()) or {}
            for code, (k, v) in rm.items():
                if code not in CURRENCIES:
                    from factcheck.suggest import did_you_mean

                    self.problem(
                        k,
                        "unknown-key",
                        f"unknown currency {code!r} in settings.rates{did_you_mean(code, CURRENCIES)}; "
                        f"expected one of: {', '.join(CURRENCIES)}",
                    )
                    continue
                e = self.expr(v, f"the rate for {code}")
                if e is not None:
                    rates.append((code, e))
        return Settings(tolerance=tolerance, rounding_only=rounding, rates=tuple(rates))

    def facts(self, node: YNode) -> dict[str, Fact]:
        if node.is_null:
            return {}
        m = self.mapping(node, "facts", ())
        out: dict[str, Fact] = {}
        for name, (k, v) in (m or {}).items():
            self.fact(name, k, v, out)
        return out

    def fact(self, name: str, k: YNode, v: YNode, out: dict[str, Fact]) -> None:
        """One entry of ``facts:``, into ``out`` when it can be used."""
        from factcheck.quantity import RESERVED_WORDS

        if not FACT_RE.match(name):
            self.problem(
                k, "bad-name", f"fact name {name!r} should be lower case letters, digits and _ (net_profit_fy2024)"
            )
            return
        if name in RESERVED_WORDS:
            self.problem(k, "bad-name", f"fact name {name!r} is a unit or magnitude word; choose another name")
            return
        where = f"fact {name!r}"
        if v.kind == "map":
            fm = self.mapping(v, where, FACT_KEYS)
            if fm is None:
                return
            if "value" not in fm:
                self.problem(v, "missing-key", f"{where} needs a `value:`")
                return
            expr = self.expr(fm["value"][1], where)
            if expr is None:
                self.unreadable_facts[name] = f"its value at line {fm['value'][1].line} could not be read"
                return
            exact = False
            if "exact" in fm:
                ev = fm["exact"][1]
                word = ev.value if ev.kind == "scalar" else None
                if word in _TRUE:
                    exact = True
                elif word not in _FALSE:
                    self.problem(ev, "wrong-type", f"`exact` should be true or false, not {ev.describe()}")
            out[name] = Fact(
                name,
                self.span(k),
                expr,
                source=self.text(fm["source"][1], f"{where} source") if "source" in fm else None,
                as_of=self.date(fm["as_of"][1], f"{where} as_of") if "as_of" in fm else None,
                note=self.text(fm["note"][1], f"{where} note") if "note" in fm else None,
                exact=exact,
            )
        else:
            expr = self.expr(v, where)
            if expr is not None:
                out[name] = Fact(name, self.span(k), expr)
            else:
                self.unreadable_facts[name] = f"its value at line {v.line} could not be read"

    def stream_facts(self, events: "_Events") -> dict[str, Fact]:
        """``facts:`` read one entry at a time from the parser (the mapping's start taken):
        an archive's tens of thousands of facts never stand as one tree."""
        import yaml

        out: dict[str, Fact] = {}
        seen: dict[str, YNode] = {}
        while type(ev := events.next()) is not yaml.MappingEndEvent:
            k = events.node(ev, 2)
            v = events.node(events.next(), 2)
            if self.swamped(ev):
                break
            if k.kind != "scalar" or k.is_null:
                self.problem(k, "wrong-type", f"keys in facts should be words, not {k.describe()}")
                continue
            if k.value in seen:
                self.problem(k, "duplicate-key", f"duplicate key {k.value!r} in facts (first at line {seen[k.value].line})")
                continue
            seen[k.value] = k
            self.fact(k.value, k, v, out)
            if k.value in out:
                self.valid += 1
        return out

    def cycles(self, facts: dict[str, Fact]) -> dict[str, str]:
        """Facts that refer to themselves through other facts: reported, and not used."""
        from factcheck.expr import names_in

        graph = {n: sorted(names_in(f.expr.node, count_words=False) & facts.keys()) for n, f in facts.items()}
        broken: dict[str, str] = {}
        for cycle in _cycles(graph):
            chain = _chain_text(_cycle_path(graph, cycle))
            for n in cycle:
                if n in broken:
                    continue
                broken[n] = f"it refers to itself ({chain})"
                fact = facts[n]
                self.problems.append(
                    Problem(fact.expr.span, "fact-cycle", f"fact {n!r} refers to itself through other facts: {chain}")
                )
        return broken

    def claims(self, node: YNode) -> list[Claim]:
        if node.is_null:
            return []
        if node.kind != "seq":
            self.problem(node, "wrong-type", f"claims should be a list (lines starting with '- '), not {node.describe()}")
            return []
        out: list[Claim] = []
        seen: dict[str, int] = {}
        for item in node.items:
            claim = self.claim(item, seen)
            if claim is not None:
                out.append(claim)
        return out

    def claim(self, node: YNode, seen: dict[str, int]) -> Claim | None:
        before = len(self.problems)
        m = self.mapping(node, "a claim", CLAIM_KEYS)
        if m is None:
            return None
        span = self.span(node)
        cid = None
        if "id" not in m:
            self.problem(node, "missing-key", "this claim has no `id:`")
        else:
            k, v = m["id"]
            cid = self.text(v, "id")
            if cid is not None and not ID_RE.match(cid):
                self.problem(v, "bad-id", f"id {cid!r} should be lower case letters, digits and . _ - (capex-vs-profit)")
            elif cid is not None and cid in seen:
                self.problem(v, "duplicate-id", f"duplicate id {cid!r}: the same id is used at line {seen[cid]}")
            elif cid is not None:
                seen[cid] = v.line
        what = f"claim {cid!r}" if cid else "this claim"

        def get_text(key: str) -> str | None:
            return self.text(m[key][1], f"{key} of {what}") if key in m else None

        says, source, note = get_text("says"), get_text("source"), get_text("note")
        check = self.expr(m["check"][1], f"the check of {what}") if "check" in m else None
        stated = self.expr(m["stated"][1], f"the stated value of {what}") if "stated" in m else None
        tolerance = self.expr(m["tolerance"][1], f"the tolerance of {what}") if "tolerance" in m else None
        compare = Compare.APPROX
        if "compare" in m:
            word = self.choice(m["compare"][1], "compare", tuple(COMPARE_ALIASES), "one of ≈ (approx), = (exact), <, <=, >, >=;")
            compare = COMPARE_ALIASES[word] if word else compare
        severity = "error"
        if "severity" in m:
            severity = self.choice(m["severity"][1], "severity", ("error", "warning"), "error or warning,") or severity
        tags: tuple[str, ...] = ()
        if "tags" in m:
            v = m["tags"][1]
            if v.kind == "seq" and all(t.kind == "scalar" and not t.is_null for t in v.items):
                tags = tuple(_short(t.value) for t in v.items)
            elif not v.is_null:
                self.problem(v, "wrong-type", f"tags should be a list of words ([market-share, results]), not {v.describe()}")

        ignore = self.ignore(m["ignore"][0], m["ignore"][1], what) if "ignore" in m else None

        from factcheck.suggest import closest

        unknown = {k for k in m if k not in CLAIM_KEYS}
        misspelt = {closest(k, CLAIM_KEYS) for k in unknown}
        has_check, has_stated = "check" in m, "stated" in m
        if has_check and not has_stated and "stated" not in misspelt:
            self.problem(m["check"][0], "missing-key", f"{what} has a check but no `stated:` value to compare it with")
        if has_stated and not has_check and "check" not in misspelt:
            self.problem(m["stated"][0], "missing-key", f"{what} has a stated value but no `check:` to compute it")
        if not has_check and not has_stated and "source" not in m and not misspelt & {"check", "stated", "source"}:
            self.problem(
                node,
                "nothing-to-check",
                f"{what} has nothing to verify and nothing to cite: add `check:` and `stated:`, or a `source:`",
            )
        if len(self.problems) > before or cid is None:
            return None
        return Claim(
            id=cid,
            span=span,
            says=says,
            check=check,
            stated=stated,
            compare=compare,
            tolerance=tolerance,
            severity=severity,
            source=source,
            tags=tags,
            note=note,
            ignore=ignore,
        )

    def ignore(self, key: YNode, node: YNode, what: str) -> Suppression | None:
        """``ignore: {reason: ..., until: 2025-12-31}``: a reason is required, ``until`` is a date."""
        m = self.mapping(node, f"the ignore of {what}", IGNORE_KEYS)
        if m is None:
            return None
        reason = self.text(m["reason"][1], f"the reason of the ignore of {what}") if "reason" in m else None
        if reason is None or not reason.strip():
            self.problem(node, "missing-key", f"the ignore of {what} needs a `reason:` (why the finding is accepted)")
            return None
        until = self.date(m["until"][1], f"the until of the ignore of {what}") if "until" in m else None
        if "until" in m and until is None:
            return None
        return Suppression("ignore", reason.strip(), until, self.span(key))


#: A cycle is named in every message about one of its facts: past this many names the
#: middle is elided, so that a cycle of 10,000 facts gives 10,000 short messages, not
#: 10,000 copies of the whole cycle.
CHAIN_NAMES = 8


def _chain_text(path: list[str]) -> str:
    """'a -> b -> a', or 'a0 -> a1 -> a2 -> … -> a9999 -> a0 (10,000 facts)' for a long cycle."""
    if len(path) <= CHAIN_NAMES + 1:
        return " -> ".join(path)
    head, tail = path[: CHAIN_NAMES // 2 + 1], path[-(CHAIN_NAMES // 2) :]
    return f"{' -> '.join(head)} -> … -> {' -> '.join(tail)} ({len(path) - 1:,} facts)"


def _cycle_path(graph: dict[str, list[str]], comp: list[str]) -> list[str]:
    """A path a -> b -> ... -> a through a strongly connected component, following edges."""
    from collections import deque

    start, members = comp[0], set(comp)
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in graph[v]:
            if w not in members:
                continue
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if w not in previous:
                previous[w] = v
                queue.append(w)
    return [*comp, start]  # pragma: no cover - a component always has its cycle


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components that hold a cycle (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    order = {name: i for i, name in enumerate(graph)}
    for start in graph:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            recurse = False
            for j in range(i, len(graph[v])):
                w = graph[v][j]
                if w not in index:
                    work.append((v, j + 1))
                    work.append((w, 0))
                    recurse = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or v in graph[v]:
                    out.append(sorted(comp, key=order.__getitem__))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return out
