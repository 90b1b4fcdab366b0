"""Reading a filing's bytes: safely, once, with the line and column of every fact.

One pass of expat (the standard library's XML parser) over the file feeds a small
builder; XBRL instances and Inline XBRL documents differ only in which elements are
facts (``ixbrl.py`` reads Inline XBRL's). Positions come from the parser as each
start tag is read, which ElementTree cannot give.

Hostile files are refused before they cost anything: a file larger than
MAX_FILING_BYTES is not read, a pipe or a device is not opened for reading, and a
document type declaration with an internal subset (where entities are declared: the
"billion laughs" and external-entity attacks) stops the parse at its first line. A
DOCTYPE without one (``<!DOCTYPE html>``) is allowed; nothing is ever fetched, since
no handler for external entities is installed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any

from factcheck.filing import ixbrl
from factcheck.filing.model import Fact, FilingError, Pending, Period, Unit
from factcheck.filing.select import Filing
from factcheck.filing.xbrl import (
    IX,
    XBRLDI,
    XBRLI,
    XHTML,
    XSI,
    decimal_value,
    decimals_of,
    period_of,
    place,
    usual_prefix,
)

#: the largest file read: the 10-K of the largest US banks is about 20 MB of Inline
#: XBRL; beyond this a file is refused unread
MAX_FILING_BYTES = 64 * 1024 * 1024

#: characters of fact text gathered beyond the file's own size before a file is refused
TEXT_MARGIN = 1_000_000
#: the deepest nesting of elements read: an Inline XBRL document's HTML nests a few dozen
#: deep; expat slows down past a few hundred thousand (3 million nested divs: 6 s)
MAX_DEPTH = 1000

_XBRL_ROOT = f"{XBRLI} xbrl"
_NIL = f"{XSI} nil"


def read_filing(path: str | os.PathLike[str]) -> Filing:
    """Read a filing in any of its forms; FilingError when it cannot.

    An XBRL instance or an Inline XBRL document (one file); a report package (a .zip,
    .xbri or .xbr: the documents of its ``reports/`` folder, or of an EDINET or TDnet
    submission); a folder of a submission, read as such a package is. The documents of
    one folder of a package are one Inline XBRL document set: read together, contexts
    and units from any of them (an EDINET header file), continuations across them."""
    # lazy: packages and folders only when one is read (the filing package is loaded with every run)
    from factcheck.filing import package

    name = os.fspath(path)
    st = _stat(name)
    if stat.S_ISDIR(st.st_mode):
        return read_sets(name, package.folder_sets(name, _read_bytes, MAX_FILING_BYTES))
    head = _read_bytes(name, st, 4)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return read_sets(name, package.zip_sets(name, st.st_size, MAX_FILING_BYTES))
    data = _read_bytes(name, st)
    builder = Builder(name)
    builder.parse(data)
    return builder.filing()


def read_sets(path: str, sets: list[list[tuple[str, str, bytes]]]) -> Filing:
    """A filing made of document sets, each a list of (path for errors, name, bytes):
    each set read as one, their facts together in one Filing."""
    parts: list[Filing] = []
    for documents in sets:
        builder = Builder(path)
        for doc, doc_name, data in documents:
            builder.parse(data, doc, doc_name)
        parts.append(builder.filing())
    if len(parts) == 1:
        return parts[0]
    facts = tuple(f for part in parts for f in part.facts)
    index: dict[str, list[int]] = {}
    for i, f in enumerate(facts):
        index.setdefault(f.concept, []).append(i)
    period, period_end, doc_type, source, ytd = _document_period(list(facts), index)
    return Filing(
        path,
        "ixbrl" if any(part.kind == "ixbrl" for part in parts) else "xbrl",
        facts,
        period,
        period_end,
        doc_type,
        {k: tuple(v) for k, v in index.items()},
        tuple(p for part in parts for p in part.problems),
        tuple(d for part in parts for d in part.documents),
        source,
        ytd,
    )


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise FilingError(f"{path}: no such file", code="filing-file") from None
    except OSError as e:
        raise FilingError(f"{path}: cannot be read ({e.strerror or e})", code="filing-file") from None


def _read_bytes(path: str, st: os.stat_result, size: int | None = None) -> bytes:
    """The file's bytes (its first ``size`` only, when given), refused unread when it is
    not a regular file or is larger than a filing can be."""
    if not stat.S_ISREG(st.st_mode):
        raise FilingError(f"{path}: not a regular file (a pipe or a device is not read)", code="filing-file")
    if st.st_size > MAX_FILING_BYTES and size is None:
        raise FilingError(f"{path}: too large ({st.st_size / 2**20:.1f} MB; a filing is read up to {MAX_FILING_BYTES // 2**20} MB)", code="filing-file")
    try:
        # O_NONBLOCK: had the file been swapped for a pipe since stat, opening it does not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise FilingError(f"{path}: cannot be read ({e.strerror or e})", code="filing-file") from None
    with open(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise FilingError(f"{path}: not a regular file (a pipe or a device is not read)", code="filing-file")
        data = f.read(MAX_FILING_BYTES + 1 if size is None else size)
    if len(data) > MAX_FILING_BYTES:
        raise FilingError(f"{path}: too large (a filing is read up to {MAX_FILING_BYTES // 2**20} MB)", code="filing-file")
    return data


_BOM = b"\xef\xbb\xbf"


def _declaration_first(data: bytes) -> bytes:
    """White space before the XML declaration moved after it (some real filings begin
    with a newline, which XML forbids and expat refuses: "XML or text declaration not
    at start of entity"); the lines after keep their numbers, since the declaration
    is on one line."""
    bom = data.startswith(_BOM)
    body = data[3:] if bom else data
    stripped = body.lstrip(b" \t\r\n")
    if len(stripped) == len(body) or not stripped.startswith(b"<?xml"):
        return data
    end = stripped.find(b"?>")
    if end < 0 or b"\n" in stripped[:end]:
        return data  # a declaration over several lines: left as it is, and told
    head = len(body) - len(stripped)
    return (_BOM if bom else b"") + stripped[: end + 2] + body[:head] + stripped[end + 2 :]


def _what_it_is(start: bytes) -> str:
    """What a file that is not XML seems to be, from its first bytes, never quoting them:
    the file may be anything at all (a path given on the command line is read), and a
    message must not carry its contents."""
    if start.startswith(b"%PDF"):
        return "a PDF document"
    if start.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        # a .zip given is read as a report package (read_filing): a ZIP here is a document
        # of a package or folder, which is not read as a package in its turn
        return "a ZIP archive, read as a report package only when it is the path given"
    for cut in range(4):  # the sample may end inside a character of up to four bytes
        try:
            text = start[: len(start) - cut].decode("utf-8")
            break
        except UnicodeDecodeError:
            continue
    else:
        return "binary data"
    return "text" if text and all(c.isprintable() or c in "\t\r\n" for c in text) else "binary data"


class Builder:
    """The handlers of one parse. Each start tag pushes one frame (None for the elements
    that carry nothing: most of an Inline XBRL document's HTML); its end tag pops it."""

    def __init__(self, path: str) -> None:
        self.path = path
        #: the document being read, as errors name it (the filing's path, or the document's
        #: in a document set: ``pkg.zip!reports/a.xhtml``), and as facts name it (None
        #: when the filing is one document)
        self.doc = path
        self.doc_name: str | None = None
        self.documents: list[str] = []
        self.kind: str | None = None
        self.ns: dict[str, list[str]] = {}  # prefix ('' for the default) -> the URIs bound, innermost last
        self.prefix_of: dict[str, str] = {}  # URI -> the prefix last bound to it
        self.usual: dict[str, str | None] = {}  # URI -> its usual prefix (a cache of usual_prefix)
        self.frames: list[tuple[Callable[..., None], Any] | None] = []
        self.collectors: list[list[str]] = []  # the texts being gathered (facts, dates, measures)
        self.pending: list[Pending] = []
        self.contexts: dict[str, tuple[Period, tuple[tuple[str, str], ...]] | str] = {}  # id -> (period, dims) or a problem
        self.units: dict[str, Unit | str] = {}  # id -> Unit or a problem
        self.continuations: dict[str, tuple[list[str], str | None]] = {}  # id -> (texts, continuedAt)
        self.problems: list[str] = []
        self.context: dict[str, Any] | None = None  # the context being read
        self.unit: dict[str, Any] | None = None  # the unit being read
        self.parser: Any = None
        #: characters the facts' texts may hold in all: the file's size and a margin (the real
        #: filings gather a fifth of their size as an Inline XBRL document, 70% as an instance)
        self.budget = 0
        self.starts: dict[str, Callable[[str, dict[str, str]], None]] = {
            f"{XBRLI} context": self._context_start,
            f"{XBRLI} unit": self._unit_start,
            f"{XBRLI} instant": self._period_part,
            f"{XBRLI} startDate": self._period_part,
            f"{XBRLI} endDate": self._period_part,
            f"{XBRLI} forever": self._period_part,
            f"{XBRLI} measure": self._measure_start,
            f"{XBRLI} unitDenominator": self._denominator_start,
            f"{XBRLDI} explicitMember": self._member_start,
            f"{XBRLDI} typedMember": self._member_start,
        }
        for uri in IX:
            ixbrl.register(self, uri)

    # ------------------------------------------------------------------ parsing

    def parse(self, data: bytes, doc: str | None = None, name: str | None = None) -> None:
        """Read one document; a document set calls it once a document, all sharing the
        contexts, units and continuations (``doc``: its path for errors, ``name``: for facts)."""
        # lazy: expat only when a document is parsed (the filing package is loaded with every run)
        from xml.parsers import expat

        self.doc = doc or self.path
        self.doc_name = name
        if name is not None:
            self.documents.append(name)

        start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
        if not start:
            raise FilingError(f"{self.doc}: empty file, not a filing", code="filing-not-xbrl")
        if not start.startswith((b"<", b"\xff\xfe", b"\xfe\xff")):  # UTF-16 begins with its BOM
            raise FilingError(
                f"{self.doc}: not an XBRL filing: not XML ({_what_it_is(start)}, where XML begins with '<'); "
                "a filing is an XBRL instance (.xml), an Inline XBRL document (.htm, .xhtml), a report "
                "package (.zip) or the folder of a submission",
                code="filing-not-xbrl",
            )

        data = _declaration_first(data)
        self.budget = len(data) + TEXT_MARGIN
        p = expat.ParserCreate(namespace_separator=" ")
        self.parser = p
        p.buffer_text = True
        p.buffer_size = 65536
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.StartNamespaceDeclHandler = self._ns_start
        p.EndNamespaceDeclHandler = self._ns_end
        p.StartElementHandler = self._first_start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._data
        try:
            p.Parse(data, True)
        except expat.ExpatError as e:
            raise FilingError(
                f"{self.doc}:{e.lineno}:{e.offset + 1}: not well-formed XML ({expat.ErrorString(e.code)}); "
                "a filing is an XBRL instance or an Inline XBRL document (XHTML), both XML",
                code="filing-xml",
            ) from None

    def where(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def _doctype(self, name: str, system_id: str | None, public_id: str | None, has_internal_subset: int) -> None:
        if has_internal_subset:
            line, col = self.where()
            raise FilingError(
                f"{self.doc}:{line}:{col}: refused: a document type declaration with declarations of its own "
                "(where entities that expand without bound or read other files are made); no XBRL filing needs one",
                code="filing-dtd",
            )

    def _entity(self, *args: Any) -> None:
        line, col = self.where()
        raise FilingError(f"{self.doc}:{line}:{col}: refused: an entity declaration", code="filing-dtd")

    def _ns_start(self, prefix: str | None, uri: str) -> None:
        self.ns.setdefault(prefix or "", []).append(uri)
        self.prefix_of[uri] = prefix or ""

    def _ns_end(self, prefix: str | None) -> None:
        stack = self.ns.get(prefix or "")
        if stack:
            stack.pop()

    def _first_start(self, name: str, attrs: dict[str, str]) -> None:
        """The root decides what the document is; anything else is refused at once."""
        if name == _XBRL_ROOT and self.kind in (None, "xbrl"):
            self.kind = "xbrl"
            self.parser.StartElementHandler = self._start_instance
        elif name.rpartition(" ")[2] == "html" and name.partition(" ")[0] in (XHTML, "html") and self.kind in (None, "ixbrl"):
            self.kind = "ixbrl"
            self.parser.StartElementHandler = self._start_inline
        elif self.kind is not None:
            line, col = self.where()
            raise FilingError(
                f"{self.doc}:{line}:{col}: an XBRL instance and Inline XBRL documents in one document set; "
                "give one of them",
                code="filing-not-xbrl",
            )
        else:
            line, col = self.where()
            raise FilingError(
                f"{self.doc}:{line}:{col}: not an XBRL filing: XML of another kind, where an XBRL "
                "instance is <xbrl> (http://www.xbrl.org/2003/instance) and an Inline XBRL document is <html>",
                code="filing-not-xbrl",
            )
        self.parser.StartElementHandler(name, attrs)

    def _start_instance(self, name: str, attrs: dict[str, str]) -> None:
        if len(self.frames) >= MAX_DEPTH:
            self._too_deep()
        handler = self.starts.get(name)
        if handler is not None:
            handler(name, attrs)
        elif "contextRef" in attrs:
            uri, _, local = name.rpartition(" ")
            self.add_fact(self._prefixed(uri, local), attrs, None, "")
        else:
            self.frames.append(None)

    def _start_inline(self, name: str, attrs: dict[str, str]) -> None:
        if len(self.frames) >= MAX_DEPTH:
            self._too_deep()
        handler = self.starts.get(name)
        if handler is not None:
            handler(name, attrs)
        else:
            self.frames.append(None)

    def _too_deep(self) -> None:
        line, col = self.where()
        raise FilingError(
            f"{self.doc}:{line}:{col}: refused: elements nested more than {MAX_DEPTH} deep (no filing nests so deep)",
            code="filing-nesting",
        )

    def _end(self, name: str) -> None:
        frame = self.frames.pop()
        if frame is not None:
            frame[0](frame[1])

    def _data(self, text: str) -> None:
        collectors = self.collectors
        if collectors:
            # a fact (or a continuation) inside a fact repeats its text: bounded, so that
            # thousands of nested facts around the same text cannot make gigabytes of it
            self.budget -= len(text) * len(collectors)
            if self.budget < 0:
                line, col = self.where()
                raise FilingError(
                    f"{self.doc}:{line}:{col}: refused: facts and continuations nested in each other repeat "
                    "more text than the file holds (no filing does this)",
                    code="filing-nesting",
                )
            for parts in collectors:
                parts.append(text)

    def uncollect(self, parts: list[str]) -> None:
        """Stop gathering into ``parts`` (found by identity: two texts may be equal)."""
        c = self.collectors
        for i in range(len(c) - 1, -1, -1):  # the innermost element is the last one opened
            if c[i] is parts:
                del c[i]
                return

    def add_fact(self, concept: str, attrs: dict[str, str], fmt: str | None, ix: str) -> None:
        """A fact begins here: its text is gathered until its element ends."""
        line, col = self.where()
        fact = Pending(concept, attrs, line, col, fmt, ix, self.doc_name)
        self.pending.append(fact)
        self.collect(self.uncollect, fact.parts, fact.parts)

    def collect(self, end: Callable[[Any], None], state: Any, parts: list[str]) -> None:
        """Gather the text of the element just started; ``end(state)`` runs at its end."""
        self.collectors.append(parts)
        self.frames.append((end, state))

    # ------------------------------------------------------------------ names

    def _prefixed(self, uri: str, local: str) -> str:
        """An element's name as ``prefix:local``: the usual prefix of a well-known namespace,
        else the one the document binds to it."""
        if not uri:
            return local
        usual = self.usual.get(uri, False)
        if usual is False:
            usual = self.usual[uri] = usual_prefix(uri)
        prefix = usual or self.prefix_of.get(uri) or ""
        return f"{prefix}:{local}" if prefix else local

    def qname(self, text: str) -> str:
        """A QName written in an attribute or an element's text, as ``prefix:local``. A
        prefix the document never binds (some filings are stripped of their declarations)
        is kept as written."""
        text = text.strip()
        prefix, colon, local = text.partition(":")
        if not colon:
            prefix, local = "", text
        uris = self.ns.get(prefix)
        if uris:
            return self._prefixed(uris[-1], local)
        return text

    # ------------------------------------------------------------------ contexts

    def _context_start(self, name: str, attrs: dict[str, str]) -> None:
        line, col = self.where()
        self.context = {"id": attrs.get("id", ""), "line": line, "col": col, "period": {}, "dims": [], "file": self.doc_name}
        self.frames.append((self._context_end, None))

    def _context_end(self, _: Any) -> None:
        c, self.context = self.context, None
        assert c is not None
        p = c["period"]
        try:
            period = period_of(p.get("instant"), p.get("startDate"), p.get("endDate"), "forever" in p)
        except ValueError as e:
            self.contexts[c["id"]] = f"{place(c['file'], c['line'], c['col'])}: context {c['id']}: {e}"
            return
        dims = tuple(sorted(dict(c["dims"]).items()))
        self.contexts[c["id"]] = (period, dims)

    def _period_part(self, name: str, attrs: dict[str, str]) -> None:
        if self.context is None:
            self.frames.append(None)
            return
        parts: list[str] = []
        self.collect(self._period_part_end, (name.rpartition(" ")[2], parts), parts)

    def _period_part_end(self, state: tuple[str, list[str]]) -> None:
        which, parts = state
        self.uncollect(parts)
        if self.context is not None:
            self.context["period"][which] = "".join(parts)

    def _member_start(self, name: str, attrs: dict[str, str]) -> None:
        if self.context is None:
            self.frames.append(None)
            return
        axis = self.qname(attrs.get("dimension", ""))
        parts: list[str] = []
        self.collect(self._member_end, (axis, name.endswith("explicitMember"), parts), parts)

    def _member_end(self, state: tuple[str, bool, list[str]]) -> None:
        axis, explicit, parts = state
        self.uncollect(parts)
        text = "".join(parts).strip()
        if self.context is not None:
            # an explicit member is a QName, resolved where it is written; a typed one is its value
            self.context["dims"].append((axis, self.qname(text) if explicit else " ".join(text.split())))

    # ------------------------------------------------------------------ units

    def _unit_start(self, name: str, attrs: dict[str, str]) -> None:
        self.unit = {"id": attrs.get("id", ""), "num": [], "den": [], "in_den": False}
        self.frames.append((self._unit_end, None))

    def _unit_end(self, _: Any) -> None:
        u, self.unit = self.unit, None
        assert u is not None
        if not u["num"]:
            self.units[u["id"]] = f"unit {u['id']} has no measure"
        else:
            self.units[u["id"]] = Unit(u["id"], tuple(u["num"]), tuple(u["den"]))

    def _denominator_start(self, name: str, attrs: dict[str, str]) -> None:
        if self.unit is None:
            self.frames.append(None)
            return
        self.unit["in_den"] = True
        self.frames.append((self._denominator_end, None))

    def _denominator_end(self, _: Any) -> None:
        if self.unit is not None:
            self.unit["in_den"] = False

    def _measure_start(self, name: str, attrs: dict[str, str]) -> None:
        if self.unit is None:
            self.frames.append(None)
            return
        parts: list[str] = []
        self.collect(self._measure_end, parts, parts)

    def _measure_end(self, parts: list[str]) -> None:
        self.uncollect(parts)
        if self.unit is not None:
            self.unit["den" if self.unit["in_den"] else "num"].append(self.qname("".join(parts)))

    # ------------------------------------------------------------------ the filing

    def filing(self) -> Filing:
        if self.kind == "ixbrl" and not self.pending and not self.contexts:
            raise FilingError(
                f"{self.path}: an HTML document without Inline XBRL (no ix:nonFraction, ix:nonNumeric or context)",
                code="filing-not-xbrl",
            )
        texts = ixbrl.continued_texts(self) if self.kind == "ixbrl" else None
        facts: list[Fact] = []
        for p in self.pending:
            fact = self._fact(p, texts)
            if fact is not None:
                facts.append(fact)
        if self.kind == "ixbrl" and self.pending and not self.contexts:
            self.problems.insert(
                0,
                "the document defines no context: it is one file of an Inline XBRL document set whose contexts "
                "are in another file (an EDINET or TDnet header file); give the folder or the package (.zip) of "
                "the submission",
            )
        index: dict[str, list[int]] = {}
        for i, f in enumerate(facts):
            index.setdefault(f.concept, []).append(i)
        period, period_end, doc_type, source, ytd = _document_period(facts, index)
        return Filing(
            self.path,
            self.kind or "xbrl",
            tuple(facts),
            period,
            period_end,
            doc_type,
            {k: tuple(v) for k, v in index.items()},
            tuple(self.problems),
            tuple(self.documents),
            source,
            ytd,
        )

    def _unit(self, p: Pending, unit_ref: str | None) -> Unit | None:
        """The unit a numeric fact names; None, with a problem, when it names none the filing defines."""
        u = self.units.get(unit_ref or "")
        if not isinstance(u, Unit):
            missing = f"names unit '{unit_ref}', which the filing does not define" if unit_ref else "has no unitRef"
            self.problems.append(f"{place(p.file, p.line, p.col)}: {p.concept}: {u or missing}")
            return None
        return u

    def _fact(self, p: Pending, texts: dict[int, str] | None) -> Fact | None:
        a = p.attrs
        ref = a.get("contextRef", "")
        context = self.contexts.get(ref)
        if context is None or isinstance(context, str):
            self.problems.append(
                context or f"{place(p.file, p.line, p.col)}: {p.concept} names context '{ref}', which the filing does not define"
            )
            return None
        period, dims = context
        unit: Unit | None = None
        unit_ref = a.get("unitRef")
        numeric = p.ix == "nonFraction" if p.ix else unit_ref is not None
        if numeric:
            unit = self._unit(p, unit_ref)
            if unit is None:
                return None
        raw = _raw(p, texts)
        nil = a.get(_NIL, "").strip() in ("true", "1")
        value: Fraction | None = None
        text: str | None = None
        error: str | None = None
        decimals: int | float | None = None
        scale, sign = 0, ""
        if not numeric:
            if p.ix:
                text, error = ixbrl.text_value(p.fmt, raw)
            else:
                raw = text = raw.strip()
        elif not nil:
            value, decimals, scale, sign, error = _number(p, raw)
        return Fact(
            p.concept,
            period,
            dims,
            unit,
            value,
            decimals,
            raw if p.ix else raw.strip(),
            p.line,
            p.col,
            ref,
            a.get("id"),
            nil,
            text,
            error,
            scale,
            sign,
            p.fmt,
            p.file,
        )


def _raw(p: Pending, texts: dict[int, str] | None) -> str:
    """A fact's text as written (its continuations joined: ``texts``); in Inline XBRL as a
    reader sees it, HTML's runs of white space one space."""
    raw = "".join(p.parts)
    if texts is not None and id(p) in texts:
        raw = texts[id(p)]
    if p.ix:
        raw = " ".join(raw.split())
    return raw


def _number(p: Pending, raw: str) -> tuple[Fraction | None, int | float | None, int, str, str | None]:
    """A numeric fact's value as written (Inline XBRL: its format, scale and sign), and
    its decimals: (value, decimals, scale, sign, error); the value None with the error
    when it cannot be read."""
    a = p.attrs
    scale, sign = 0, ""
    try:
        if p.ix:
            value, scale, sign = ixbrl.number(p.fmt, raw, a.get("scale"), a.get("sign"))
        else:
            value = decimal_value(raw)
        return value, decimals_of(a.get("decimals"), a.get("precision"), value), scale, sign, None
    except ValueError as e:
        return None, None, scale, sign, str(e)


def _document_period(facts: list[Fact], index: dict[str, list[int]]) -> tuple[Period | None, date | None, str | None, str, Period | None]:
    """The filing's own period, the end date it states, its document type, where the
    period comes from (said in listings), and the year to date of an interim report.

    SEC filings state it in dei:DocumentPeriodEndDate, whose context is the fiscal
    year of a 10-K and the year to date of a 10-Q: a 10-Q's own period is its quarter
    (the duration about three months long ending that day), the year to date one
    ``period: year-to-date`` away. Others say it their own way: EDINET in jpdei_cor
    (the fiscal year's start and the period's end), UK filings in uk-bus (the start
    and end of the period the report covers), ESEF in ifrs-full (the end of the
    reporting period); else the period most facts without dimensions are given for."""
    doc_type = _text_of(facts, index, "dei:DocumentType")
    for i in index.get("dei:DocumentPeriodEndDate", ()):
        f = facts[i]
        end = _date_of(f.text)
        period: Period | None = f.period
        if doc_type in ("10-Q", "10-Q/A") and end is not None:
            quarter = _quarter(facts, end)
            if quarter is not None:
                return quarter, end, doc_type, "dei:DocumentPeriodEndDate (its quarter)", f.period
        return period, end, doc_type, "dei:DocumentPeriodEndDate", None
    for start_c, end_c, source in (
        ("jpdei_cor:CurrentFiscalYearStartDateDEI", "jpdei_cor:CurrentPeriodEndDateDEI", "jpdei_cor"),
        ("uk-bus:StartDateForPeriodCoveredByReport", "uk-bus:EndDateForPeriodCoveredByReport", "uk-bus"),
    ):
        start, end = _date_of(_text_of(facts, index, start_c)), _date_of(_text_of(facts, index, end_c))
        if start is not None and end is not None and start <= end:
            return Period(start, end), end, doc_type, f"{start_c} and {end_c}", None
    end = _date_of(_text_of(facts, index, "ifrs-full:DateOfEndOfReportingPeriod2013"))
    common = _most_common(facts, end)
    if common is not None:
        source = "ifrs-full:DateOfEndOfReportingPeriod2013" if end is not None else "the period most of its facts are given for"
        return common, common.end, doc_type, source, None
    for i in index.get("dei:DocumentType", ()):
        return facts[i].period, None, doc_type, "dei:DocumentType", None
    return None, None, doc_type, "", None


def _text_of(facts: list[Fact], index: dict[str, list[int]], concept: str) -> str | None:
    for i in index.get(concept, ()):
        text = (facts[i].text or "").strip()
        if text:
            return text
    return None


def _date_of(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text else None
    except ValueError:
        return None


def _quarter(facts: list[Fact], end: date) -> Period | None:
    """The quarter ending ``end``: the duration of 80 to 100 days ending then that most
    facts without dimensions are given for."""
    counts: dict[Period, int] = {}
    for f in facts:
        p = f.period
        if f.numeric and not f.dimensions and p.start is not None and p.end == end and 80 <= (p.end - p.start).days <= 100:
            counts[p] = counts.get(p, 0) + 1
    return max(counts, key=lambda p: (counts[p], p.start)) if counts else None


def _most_common(facts: list[Fact], end: date | None) -> Period | None:
    """The duration most numeric facts without dimensions are given for (ending ``end``
    when it is known); ties go to the latest and longest."""
    counts: dict[Period, int] = {}
    for f in facts:
        p = f.period
        if f.numeric and not f.dimensions and p.start is not None and (end is None or p.end == end):
            counts[p] = counts.get(p, 0) + 1
    return max(counts, key=lambda p: (counts[p], p.end, -p.start.toordinal() if p.start else 0)) if counts else None
