"""The claims file, read in one pass: the header (article, settings, facts), then each claim as it comes.

``ClaimsFile`` drives the YAML event layer (yaml_events) through the file's top-level
keys and hands each entry to its reader (entries); when ``claims:`` is the last key,
claims stream to the engine as they are read, so an archive of 100,000 claims never
stands whole in memory. Every problem names its line and column; one broken claim does
not stop the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.errors import LoadError
from factcheck.load.cycles import find_cycles
from factcheck.load.entries import EntryReader
from factcheck.load.keys import SUPPORTED_VERSIONS, TOP_KEYS
from factcheck.load.paths import LIMITS
from factcheck.load.source import decode, read_bytes
from factcheck.load.yaml_events import Events, YNode, place
from factcheck.model import Claim, Document, Fact, Problem, Settings, Span
from factcheck.suggest import did_you_mean

MAX_BYTES = LIMITS["claims files"]  # a claims file of 100,000 claims is about 15 MB
#: problems reported for one file before reading stops: a file with more is not a
#: claims file with mistakes, and listing them all would cost more than it tells
MAX_PROBLEMS = 200


def load(path: str, text: str | None = None) -> Document:
    """Read one claims file whole. Never raises for what the file contains."""
    f = ClaimsFile(path, text, stream=False)
    f.header()
    return f.document(tuple(f.claims()))


_EMPTY = "the file is empty: a claims file starts with `version: 1` and a list of `claims:`"
#: a top-level key at the start of a line, as block YAML writes one
_TOP_KEY = re.compile(r"^([A-Za-z_$][\w$-]*)[ \t]*:(?=[ \t\r]|$)", re.MULTILINE)


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

    def __init__(
        self, path: str, text: str | None = None, reader: FileReader | None = None, stream: bool = True, refused: Problem | None = None
    ) -> None:
        self.path = path
        self.stream = stream
        self.reader = reader or FileReader(path)
        self.failed: Problem | None = refused  # refused: not read at all (a path out of the root)
        self._walk: Iterator[Claim | Document] | None = None
        self.data: bytes | None = None
        if text is None and refused is None:
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
            assert self.failed is not None, "_fail has just set it"
            return Document(path=self.path, problems=(self.failed,))
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

    def _fail(self, e: LoadError) -> None:
        self.failed = Problem(Span(self.path, e.line, e.col), e.code, e.message)

    def document(self, claims: tuple[Claim, ...] = ()) -> Document:
        if self.failed is not None:
            return Document(path=self.path, problems=(self.failed,))
        return self.reader.document(claims)


class FileReader(EntryReader):
    """The walk through one file's top-level keys, with what it has read so far."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.top_problems: list[Problem] = []
        self.aborted = False
        self.restart = False
        self.valid = 0  # claims and facts read without a problem, for ``swamped``
        self.events: Events | None = None
        self.streamed_facts: dict[str, Fact] | None = None
        self.article_data: dict[str, str] = {}
        self.settings_data = Settings()
        self.facts_data: dict[str, Fact] = {}
        self.broken: dict[str, str] = {}
        self.ignored_figures: tuple[tuple[str, Span], ...] = ()
        #: ``include:``: the facts files' paths as written, with their nodes
        self.includes: list[tuple[str, YNode]] = []
        #: an unsupported version: nothing else is read for meaning
        self.unsupported = False
        #: claims read before the header is known (``claims:`` not the last key)
        self.held: list[Claim] = []

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
        streaming = stream and _claims_last(text)
        # the parser reads the bytes when it has them: the text (a second copy of the
        # file) is let go
        events = self.events = Events(None if data is not None else text, data)
        del text
        top = self.root(events)
        if top is None:
            return
        seen: dict[str, YNode] = {}
        header: Document | None = None
        ids: dict[str, int] = {}
        while type(ev := events.next()) is not events.map_end:
            key = events.node(ev, 1)
            first = events.next()
            name = self.top_key(key, seen)
            if name is None:
                events.skip(first, 1)
                continue
            if header is not None:  # a key after claims: that were read as the last key
                self.restart = True
                return
            if name == "claims" and type(first) is events.seq_start and not self.unsupported:
                if streaming:
                    header = self._header()
                    yield header
                yield from self._claims(ids, header is not None)
                if self.aborted:
                    return
            elif self._top_entry(name, first, events):
                return
        self._finish(events)
        self.missing_keys(top, seen, self.unsupported)
        if self.unsupported:
            return
        if header is None:
            yield self._header()
            yield from self.held

    def _claims(self, ids: dict[str, int], streamed: bool) -> Iterator[Claim]:
        """The claims of ``claims:`` as they are read: passed on when the header went
        before them (``streamed``), else held until it is known."""
        for claim in self.claim_stream(ids):
            if streamed:
                yield claim
            else:
                self.held.append(claim)

    def _top_entry(self, name: str, first: object, events: Events) -> bool:
        """The value of a top key other than a list of claims, starting with event
        ``first``; True when the walk stops there (a file swamped with problems)."""
        if self.unsupported or (name == "claims" and type(first) is events.map_start):
            self.step_over(first, self.unsupported)
            return False
        if name == "facts" and type(first) is events.map_start:
            self.streamed_facts = self.stream_facts(events)
            return self.aborted
        self.top_value(name, events.node(first, 1))
        return False

    def root(self, events: Events) -> YNode | None:
        """The file's top mapping (its start), or None, with a problem, when the file is
        empty or not a mapping."""
        path = self.path
        events.next()  # StreamStart
        ev = events.next()
        if type(ev) is events.stream_end:
            self.problems.append(Problem(Span(path, 1, 1), "empty", _EMPTY))
            return None
        ev = events.next()  # the document's first node
        if type(ev) is events.map_start:
            return YNode("map", *place(ev))
        if type(ev) is events.seq_start:  # not built: a list can be an archive's size
            root = YNode("seq", *place(ev))
            events.skip(ev)
        else:
            root = events.node(ev)
        self._finish(events)
        if root.is_null:
            self.problems.append(Problem(Span(path, 1, 1), "empty", _EMPTY))
        else:
            self.mapping(root, "the claims file", TOP_KEYS)  # says what it should be
        return None

    def top_key(self, key: YNode, seen: dict[str, YNode]) -> str | None:
        """A top-level key's name; None, with a problem, for one that is not a word, is
        repeated or is unknown (its value is then stepped over, unbuilt)."""
        if key.kind != "scalar" or key.is_null:
            self.top_problem(key, "wrong-type", f"keys in the claims file should be words, not {key.describe()}")
            return None
        name = key.value
        if name in seen:
            self.top_problem(key, "duplicate-key", f"duplicate key {name!r} in the claims file (first at line {seen[name].line})")
            return None
        seen[name] = key
        if name not in TOP_KEYS:
            self.top_problem(
                key,
                "unknown-key",
                f"unknown key {name!r} in the claims file{did_you_mean(name, TOP_KEYS) or ''}; "
                f"expected one of: {', '.join(TOP_KEYS)}",
            )
            return None
        return name

    def step_over(self, first: object, stop: bool) -> None:
        """An unsupported version (nothing is read for meaning), or claims written as a
        mapping: stepped over, not built (either can be an archive's size)."""
        assert self.events is not None
        if not stop:
            at = YNode("map", *place(first))
            self.problem(at, "wrong-type", f"claims should be a list (lines starting with '- '), not {at.describe()}")
        self.events.skip(first, 1)

    def claim_stream(self, ids: dict[str, int]) -> Iterator[Claim]:
        """The claims of ``claims:``, one at a time from the parser (the list's start taken);
        stops early, with ``self.aborted`` set, when the file is swamped with problems."""
        events = self.events
        assert events is not None
        while type(item := events.next()) is not events.seq_end:
            claim = self.claim(events.node(item, 2), ids)
            if claim is None:
                if self.swamped(item):
                    return
                continue
            self.valid += 1
            yield claim

    def top_value(self, name: str, value: YNode) -> None:
        """The value of a top-level key, read whole (claims and facts that are not a list
        and a mapping: a problem)."""
        if name == "version":
            self.unsupported = not self._version(value)
        elif name == "claims":
            self.held = self.claims(value)
        elif name == "article":
            self.article_data = self.article(value)
        elif name == "settings":
            self.settings_data = self.settings(value)
        elif name == "facts":
            self.streamed_facts = self.facts(value)
        elif name == "ignore_figures":
            self.ignored_figures = self.ignore_figures(value)
        elif name == "include":
            # lazy: only a file with include:
            from factcheck.load.includes import include_list

            self.includes = include_list(self, value)

    def missing_keys(self, top: YNode, seen: dict[str, YNode], stop: bool) -> None:
        if "version" not in seen:
            self.top_problem(top, "missing-key", "missing `version: 1` at the top of the file")
        if "claims" not in seen and not stop:
            self.problem(top, "missing-key", "missing `claims:`, the list of claims to check")

    def swamped(self, ev: object) -> bool:
        """Past MAX_PROBLEMS, and with more problems than good entries, the file is not a
        claims file with mistakes but something else: stop reading it (its claims are not
        checked), and say so. A large file with a share of broken claims is read to the
        end."""
        problems = len(self.problems) + len(self.top_problems)
        if problems < MAX_PROBLEMS or problems <= self.valid:
            return False
        if not self.aborted:
            line, col = place(ev)
            self.problems.append(
                Problem(
                    Span(self.path, line, col),
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
        if self.includes:
            # lazy: only a file with include:
            from factcheck.load.includes import included_facts

            facts = included_facts(self, self.includes, facts)
        cyclic, problems = find_cycles(facts)
        self.problems += problems
        self.broken = {**self.unreadable_facts, **cyclic}
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

    def _finish(self, events: Events) -> None:
        while type(events.next()) is not events.stream_end:
            pass  # the document's end; a second document is refused by Events

    def stream_facts(self, events: Events) -> dict[str, Fact]:
        """``facts:`` read one entry at a time from the parser (the mapping's start taken):
        an archive's tens of thousands of facts never stand as one tree."""
        out: dict[str, Fact] = {}
        seen: dict[str, YNode] = {}
        while type(ev := events.next()) is not events.map_end:
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
