"""The YAML event layer: PyYAML's parser events, checked as they come, built into small trees (YNode).

The only module that knows PyYAML. Nothing here runs what a file contains: the YAML is
read as a stream of parser events (libyaml when present) and composed into a small tree,
iteratively, so aliases, custom tags and deep nesting are refused before anything is
built, and no Python object is ever constructed from the file. Scalars keep their text
as written, which is what gives a number its precision (``2.50`` is not ``2.5``).
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from typing import Any

from factcheck.errors import LoadError
from factcheck.load import paths
from factcheck.load.paths import OutsideRoot, given

#: levels of YAML nesting: claims files nest four levels deep; 32 leaves room and refuses bombs
MAX_YAML_DEPTH = 32
MAX_NODES = 2_000_000

#: values in one entry (a claim, a fact, the article, the settings)
MAX_ENTRY_NODES = 10_000

_NULL = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
} | {"!"}

_NONE: tuple[()] = ()
#: a PyYAML parser event (from the C parser or the Python one): its marks, value and style
#: are there by its class (ScalarEvent, MappingStartEvent ...), which the code checks first
Event = Any
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
    pairs: list[tuple[YNode, YNode]] = _NONE  # type: ignore[assignment]  # the shared empty tuple, never changed
    items: list[YNode] = _NONE  # type: ignore[assignment]  # the shared empty tuple, never changed

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.style is None and self.value in _NULL

    def describe(self) -> str:
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        if self.is_null:
            return "nothing"
        if len(self.value) > QUOTE_LIMIT:  # a 30 MB text file is not quoted whole
            return f"{self.value[:QUOTE_LIMIT]!r}… (a text of {len(self.value):,} characters)"
        return f"{self.value!r}"


#: the most characters of a value a message quotes (as factcheck.reporters.escape.QUOTE_LIMIT)
QUOTE_LIMIT = 200


def _yaml_parser(text: str | None, data: bytes | None) -> Any:
    """libyaml's parser when PyYAML has it (the pure-Python one otherwise); its events are
    taken one call at a time, without yaml.parse's generator around each. libyaml reads
    the file's UTF-8 bytes as they are (given a str, PyYAML would encode a copy)."""
    # lazy: PyYAML only when a claims file is read
    import yaml

    if data is not None and hasattr(yaml, "CSafeLoader"):
        return yaml.CSafeLoader(data)
    if text is None:
        assert data is not None
        text = data.decode("utf-8")
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)


class Events:
    """The parser's events, one at a time, with every YAML error turned into a LoadError
    at its line and column, and the limits (nodes, depth, aliases, tags) checked as the
    events arrive: nothing is built before it is known to be acceptable."""

    def __init__(self, text: str | None, data: bytes | None = None) -> None:
        # lazy: PyYAML only when a claims file is read
        import yaml

        self.yaml = yaml
        self._text, self._data = text, data
        self._get = _yaml_parser(text, data).get_event
        # the event classes, looked up once: every event of the file is compared with them
        self._scalar, self._map, self._seq = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        self._map_end, self._seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        self._doc, self._alias = yaml.DocumentStartEvent, yaml.AliasEvent
        # the kinds a reader of the stream compares events with (it never imports yaml)
        self.map_start, self.seq_start, self.map_end, self.seq_end = self._map, self._seq, self._map_end, self._seq_end
        self.stream_end = yaml.StreamEndEvent
        self.last: Event = None
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
        try:
            ev = self._get()
        except self.yaml.YAMLError as e:
            raise self._syntax_error(e) from None
        self.last = ev
        kind = type(ev)
        if kind is self._scalar or kind is self._map or kind is self._seq:
            tag = ev.tag
            if tag and tag not in _ALLOWED_TAGS:
                mark = ev.start_mark
                raise LoadError(mark.line + 1, mark.column + 1, "yaml-tag", f"the YAML tag {tag!r} is not allowed in claims files: remove it")
            self.nodes += 1
            if self.nodes > MAX_NODES:
                mark = ev.start_mark
                raise LoadError(mark.line + 1, mark.column + 1, "too-large", f"too many YAML nodes (more than {MAX_NODES:,})")
        elif kind is self._doc:
            self.documents += 1
            if self.documents > 1:
                mark = ev.start_mark
                raise LoadError(mark.line + 1, mark.column + 1, "yaml-syntax", "a claims file holds one YAML document; remove the second '---'")
        elif kind is self._alias:
            mark = ev.start_mark
            raise LoadError(
                mark.line + 1, mark.column + 1, "yaml-alias",
                f"YAML aliases (*{ev.anchor}) are not allowed in claims files: write the value out",
            )
        return ev

    def _syntax_error(self, e: Exception) -> LoadError:
        """The parser's error as a LoadError at its line and column, in an editor's words."""
        yaml = self.yaml
        if isinstance(e, yaml.MarkedYAMLError):
            m = e.problem_mark or e.context_mark
            line, col = (m.line + 1, m.column + 1) if m else (1, 1)
            if "nesting depth" in str(e.problem):
                return LoadError(line, col, "too-deep", f"the YAML nests more than {MAX_YAML_DEPTH} levels deep")
            line, col, message = _yaml_problem(e, line, col, self.text)
            return LoadError(line, col, "yaml-syntax", message)
        if isinstance(e, yaml.reader.ReaderError):
            # a character YAML does not allow; libyaml gives its offset in UTF-8 bytes
            before = self.text.encode("utf-8", "surrogatepass")[: e.position].decode("utf-8", "replace")
            line = before.count("\n") + 1
            col = len(before) - (before.rfind("\n") + 1) + 1
            return LoadError(
                line,
                col,
                "yaml-syntax",
                f"YAML syntax: the character U+{e.character:04X} is not allowed in a YAML file: remove it",
            )
        return LoadError(1, 1, "yaml-syntax", f"YAML syntax: {e}")  # pragma: no cover - any other error, without marks

    @property
    def position(self) -> int:
        """Where in the text the parser is (characters), for a progress bar."""
        return 0 if self.last is None else self.last.start_mark.index

    def skip(self, ev: Event, at: int = 0) -> None:
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
                if depth + at > MAX_YAML_DEPTH:
                    mark = self.last.start_mark
                    raise LoadError(mark.line + 1, mark.column + 1, "too-deep", f"the YAML nests more than {MAX_YAML_DEPTH} levels deep")
            elif kind is self._map_end or kind is self._seq_end:
                depth -= 1

    # complexity 17, kept whole (listed in tests/test_complexity.py): the one loop that builds
    # every value of a claims file from its events; a call per event would cost the load
    # of 10,000 claims, and its cases (scalar, start, end; sequence, key, value) read as one
    def node(self, ev: Event, depth: int = 0, limit: int = MAX_ENTRY_NODES) -> YNode:
        """The whole node that starts with event ``ev``, built iteratively; ``depth`` is
        how deep it sits in the file. A node of more than ``limit`` values is refused:
        an entry of a claims file (a claim, a fact, the settings) is a few lines, and
        building a larger one would only cost memory."""
        budget = self.nodes + limit
        scalar, map_start, seq_start = self._scalar, self._map, self._seq
        map_end, seq_end, advance = self._map_end, self._seq_end, self.next
        stack: list[tuple[YNode, list[YNode]]] = []  # container, pending key for maps
        # The tree holds no cycles, so the cyclic collector only slows its building: with
        # it, each of its passes walks every node made so far.
        collecting = gc.isenabled()
        gc.disable()
        try:
            while True:
                kind = type(ev)
                if self.nodes > budget:
                    mark = ev.start_mark
                    raise LoadError(
                        mark.line + 1, mark.column + 1, "too-large",
                        f"this entry holds more than {limit:,} values: a claim or a fact is a few lines",
                    )
                if kind is scalar:
                    made = _scalar(ev)
                elif kind is map_start or kind is seq_start:
                    mark = ev.start_mark
                    line, col = mark.line + 1, mark.column + 1
                    made = YNode("map", line, col, pairs=[]) if kind is map_start else YNode("seq", line, col, items=[])
                    if len(stack) + depth >= MAX_YAML_DEPTH:
                        raise LoadError(line, col, "too-deep", f"the YAML nests more than {MAX_YAML_DEPTH} levels deep")
                elif kind is map_end or kind is seq_end:
                    done, _ = stack.pop()
                    if not stack:
                        return done
                    ev = advance()
                    continue
                else:  # pragma: no cover - _Events refuses aliases; nothing else comes inside a node
                    mark = ev.start_mark
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


def _scalar(ev: Event) -> YNode:
    mark = ev.start_mark
    line, col = mark.line + 1, mark.column + 1
    style = ev.style or None
    if style in ('"', "'"):
        col += 1  # the text starts after the quote
    value = ev.value
    if _CONTROL.search(value):
        value = _CONTROL.sub("\ufffd", value)  # shown as �, never sent to a terminal
    single = style not in ("|", ">") and ev.end_mark.line == mark.line
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
    known = _known_problem(problem, context, cm is not None, at, (line, col), lines)
    if known is not None:
        return known
    here = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
    message = f"YAML syntax: {problem}"
    if context and "while" not in context:
        message = f"YAML syntax: {context}, {problem}"
    return line, col, message + _advice(problem, context, here)


def _known_problem(
    problem: str, context: str, has_context: bool, at: tuple[int, int], where: tuple[int, int], lines: list[str]
) -> tuple[int, int, str] | None:
    """The errors said in words of their own, each at the place to show (``at``, where
    the context starts, or ``where`` libyaml gave up); None for the others."""
    if "quoted scalar" in context and "end of stream" in problem:
        quote = lines[at[0] - 1][at[1] - 1 : at[1]] if 0 < at[0] <= len(lines) else '"'
        return (*at, f"YAML syntax: this quoted text is never closed: add the closing {quote} where it ends")
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        return (
            *where,
            f"YAML syntax: the {bracket!r} at line {at[0]} column {at[1]} is not closed, or a ',' is missing here",
        )
    if "could not find expected ':'" in problem and has_context:
        return (*at, "YAML syntax: this line needs a ':' after its key (key: value), or more indentation")
    if "incompatible YAML document" in problem:
        return (*where, "YAML syntax: this version of YAML is not supported: remove the %YAML line")
    return None


def _advice(problem: str, context: str, here: str) -> str:
    """What to do about a YAML error, after its own words ('' when nothing useful is known);
    ``here`` is the character where libyaml gave up."""
    if "mapping values are not allowed" in problem:
        return ": is this line indented more than the one above, or does a plain value hold ': '? (quote it)"
    if "'\\t'" in problem or "tab" in problem or "cannot start any token" in problem and here == "\t":
        return ": YAML is indented with spaces, never tabs"
    if "cannot start any token" in problem and here in ("@", "`", "%", "|", ">", "!", "&", "*"):
        return f": a value starting with {here} must be quoted"
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return ": in double quotes a backslash starts an escape (\\n, \\u00e9); write \\\\ for a backslash, or use single quotes"
    if "did not find expected" in problem and "block" in context:
        return ": check the indentation of this line against its siblings, or quote a value that starts with a quote"
    return ""


def place(ev: Event) -> tuple[int, int]:
    """The 1-based line and column where an event starts."""
    mark = ev.start_mark
    return mark.line + 1, mark.column + 1


# --------------------------------------------------------------------------- article.draft alone

#: a claims file larger than this is not searched for its draft: the claims files'
#: limit (paths.LIMITS), past which it could not be checked either
MAX_SEARCHED = 32 * 1024 * 1024


def article_draft(path: str) -> str | None:
    """``article.draft`` of a claims file, or None (none, or a file that cannot be read:
    it is reported when it is itself checked). A claims file that a link leads out of
    the repository is not read (nor a pipe, nor one past the claims files' limit)."""
    # lazy: PyYAML only when a claims file is read
    import yaml

    try:
        given(path, "claims file")
        data = paths.read_file(path, MAX_SEARCHED, "claims files")
        return _draft_of(yaml.parse(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except (OutsideRoot, LoadError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _draft_of(events: Any) -> str | None:
    """The scalar at ``article`` → ``draft`` of the top mapping, from YAML events; stops
    once the ``article`` mapping has ended."""
    # lazy: PyYAML only when a claims file is read
    import yaml

    stack: list[list[Any]] = []  # per open collection: [is_mapping, expecting_key, current_key]
    for ev in events:
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([isinstance(ev, yaml.MappingStartEvent), True, None])
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            if len(stack) == 1 and stack[0][2] == "article":
                return None  # the article mapping ended with no draft
            if stack and stack[-1][0]:
                stack[-1][1] = True  # a collection was the value: a key comes next
        elif isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent)) and stack and stack[-1][0] and _is_draft(stack, ev):
            value = getattr(ev, "value", None)
            return value or None
    return None


def _is_draft(stack: list[list[Any]], ev: Event) -> bool:
    """Whether a scalar in a mapping is the value of ``article`` → ``draft``; any other
    takes its place as the mapping's next key or value."""
    top = stack[-1]
    if top[1]:
        top[1], top[2] = False, getattr(ev, "value", None)
        return False
    if len(stack) == 2 and stack[0][0] and stack[0][2] == "article" and top[2] == "draft":
        return True
    top[1] = True
    return False
