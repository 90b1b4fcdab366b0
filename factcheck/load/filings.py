"""Facts read from filings: ``filing:`` and ``concept:`` in a fact, made into a fact of
the claims file whose value is the filing's, exactly.

The filing is found relative to the claims file (``paths.named_file``), read once a
run (``read_cached``, by its resolved path), and its fact chosen by concept, period and
dimensions (``factcheck.filing``). The value is the filing's number with the interval
its ``decimals`` give (``-6``: give or take half a million; ``INF``: exact), in the
filing's unit (``USD``, ``shares``, ``USD/share``, a plain number), shown in the
magnitude the filing shows it in ("96,995 million USD"). A ``value:`` written beside
is checked: when its interval does not hold the filing's value, the fact records the
mismatch (a problem of the file, and a failure of the claims that use the fact).

Imported only when a fact names a filing: a claims file without one never loads the
filing reader.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from factcheck import quantity as q
from factcheck.errors import ExprError, LoadError
from factcheck.filing import FilingError, read_filing, written
from factcheck.filing.model import INF, Period
from factcheck.filing.model import Fact as FilingFact
from factcheck.filing.model import Unit as FilingUnit
from factcheck.filing.notation import magnitude
from factcheck.filing.package import MAX_PACKAGE_BYTES
from factcheck.interval import Interval
from factcheck.load.paths import named_file
from factcheck.load.source import display_path
from factcheck.model import Expr, Fact, Origin, Span
from factcheck.run import current

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.filing import Filing
    from factcheck.load.yaml_events import YNode


class EntryReader(Protocol):
    """What a filing fact needs of the reader of its claims file's entries
    (``entries.EntryReader``, which imports this module when a fact names a filing)."""

    path: str
    unreadable_facts: dict[str, str]

    def span(self, node: YNode) -> Span: ...
    def problem(self, node: YNode | None, code: str, message: str) -> None: ...
    def mapping(self, node: YNode, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[YNode, YNode]] | None: ...
    def text(self, node: YNode, what: str) -> str | None: ...
    def expr(self, node: YNode, what: str) -> Expr | None: ...
    def date(self, node: YNode, what: str) -> str | None: ...


#: filings read outside any run (a library caller's ``load``), by resolved path:
#: (mtime, size) -> the filing or why not; a run keeps its own (``Run.filings``)
_CACHE: dict[str, tuple[tuple[int, int], Filing | FilingError]] = {}
#: filings kept at once (a run over many articles names a few filings each)
_CACHE_SIZE = 32
_MAGNITUDE_WORDS = {6: "million", 9: "billion", 12: "trillion"}


def read_cached(path: str) -> Filing:
    """The filing at ``path`` (resolved), read once however many facts name it (once a
    run, in the run's ``filings``); read again when the file has changed since. Raises
    FilingError."""
    try:
        info = os.stat(path)
    except OSError as e:  # pragma: no cover - named_file has just seen it
        raise FilingError(f"{display_path(path)}: cannot read the file: {e.strerror or e}", code="filing-file") from None
    key = (info.st_mtime_ns, info.st_size)
    run = current()
    cache = _CACHE if run is None else run.filings
    hit = cache.get(path)
    if hit is not None and hit[0] == key:
        if isinstance(hit[1], FilingError):
            raise FilingError(hit[1].message, code=hit[1].code)  # a fresh one: no traceback grows
        return hit[1]
    try:
        filing: Filing | FilingError = read_filing(display_path(path))
    except FilingError as e:
        filing = e
    if len(cache) >= _CACHE_SIZE:
        del cache[next(iter(cache))]
    cache[path] = (key, filing)
    if isinstance(filing, FilingError):
        raise filing
    return filing


def unit_of(unit: FilingUnit) -> q.Unit:
    """The filing's unit in the claims language: iso4217 currencies, shares and the
    filer's own units as counts, pure numbers plain. ValueError for a currency the
    claims language does not know."""
    u = q.PLAIN
    for measures, up in ((unit.numerator, True), (unit.denominator, False)):
        for measure in measures:
            m = _measure(measure)
            u = u * m if up else u / m
    return q.check_unit(u)


def _measure(qname: str) -> q.Unit:
    """One measure: an ISO 4217 currency (any of them), shares, pure; a measure of the
    Units Registry or of the filer (MWh, D, Vendor) is a unit of its own, named exactly
    as the filing names it, which compares with itself and converts to nothing else."""
    prefix, _, local = qname.rpartition(":")
    if qname == "xbrli:pure":
        return q.PLAIN
    if qname == "xbrli:shares":
        return q.count_unit("share")
    if prefix == "iso4217":
        if q.currency_code(local) is None:
            raise ValueError(f"its unit is {local}, which is not an ISO 4217 currency code")
        return q.currency_unit(local)
    return q.count_unit(local)


def value_of(fact: FilingFact) -> q.Value:
    """The filing fact's value as the engine's Value: the exact number, the interval its
    ``decimals`` give, its unit, and the magnitude word the filing shows it in.
    ValueError when the fact has no number (text, nil, unreadable)."""
    if fact.nil:
        raise ValueError("the filing gives it as nil (no value)")
    if fact.unit is None:
        raise ValueError(f"it is a text fact ({_clip(fact.text or fact.raw)}), not a figure")
    if fact.value is None or fact.interval is None:
        raise ValueError(f"its value cannot be read ({fact.error or 'no number'})")
    lo, hi = fact.interval
    k = magnitude(fact)
    return q.Value(fact.value, Interval(lo, hi), unit_of(fact.unit), _MAGNITUDE_WORDS.get(k))


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def origin_of(path: str, fact: FilingFact) -> Origin:
    """Where the fact comes from: ``path`` is the filing's resolved path."""
    decimals: int | str | None
    if fact.decimals is None:
        decimals = None
    elif fact.decimals == INF:
        decimals = "INF"
    else:
        decimals = int(fact.decimals)
    return Origin(
        filing=display_path(path),
        concept=fact.concept,
        period=str(fact.period),
        dimensions=fact.dimensions,
        decimals=decimals,
        written=written(fact),
        line=fact.line,
    )


class FilingFactReader:
    """Reads one fact that names a filing, for an EntryReader (its problems, its
    unreadable facts)."""

    def __init__(self, reader: EntryReader, name: str, key: YNode, node: YNode, keys: Mapping[str, tuple[YNode, YNode]]) -> None:
        self.r = reader
        self.name = name
        self.key = key
        self.node = node
        self.m = keys
        self.where = f"fact {name!r}"

    def fail(self, at: YNode, code: str, message: str) -> None:
        self.r.problem(at, code, f"{self.where}: {message}")
        self.r.unreadable_facts[self.name] = f"its filing fact could not be read (line {at.line}: {message})"

    def read(self) -> Fact | None:
        """The fact, or None with a problem at the key that is wrong."""
        m, r = self.m, self.r
        if not self.keys_ok():
            return None
        filing_node, concept_node = m["filing"][1], m["concept"][1]
        path_text = r.text(filing_node, f"{self.where} filing")
        concept = r.text(concept_node, f"{self.where} concept")
        if path_text is None or concept is None:
            self.r.unreadable_facts[self.name] = "its filing or concept could not be read"
            return None
        ok, period = self.period()
        dims = self.dimensions()
        if not ok or dims is None:
            return None
        given = self.given()
        if given is None:
            return None
        declared, as_of = given
        located = self.locate(filing_node, concept_node, path_text, (concept, period, dims))
        if located is None:
            return None
        path, found, value = located
        origin = origin_of(path, found)
        text = origin.written
        span = r.span(concept_node)
        node = _num(value, text)
        mismatch = self.mismatch(declared, value, origin) if declared is not None else None
        return Fact(
            self.name,
            r.span(self.key),
            Expr(text, span, node, False),
            source=r.text(m["source"][1], f"{self.where} source") if "source" in m else None,
            as_of=as_of or (found.period.end.isoformat() if found.period.end else None),
            note=r.text(m["note"][1], f"{self.where} note") if "note" in m else None,
            origin=origin,
            mismatch=mismatch,
        )

    def keys_ok(self) -> bool:
        """Whether the keys of a filing's fact are those it needs and none it cannot have."""
        m = self.m
        for needed in ("filing", "concept"):
            if needed not in m:
                self.fail(self.node, "missing-key", f"a fact read from a filing needs `filing:` and `concept:` (no `{needed}:`)")
                return False
        if "exact" in m:
            self.fail(m["exact"][0], "wrong-key", "`exact` does not apply to a filing's fact: its decimals give its precision")
            return False
        return True

    def given(self) -> tuple[Expr | None, str | None] | None:
        """The fact's own ``value:`` (what the writer expects the filing to say) and
        ``as_of:``, each None when not written; None when one cannot be read."""
        m, r = self.m, self.r
        declared = r.expr(m["value"][1], self.where) if "value" in m else None
        if "value" in m and declared is None:
            self.r.unreadable_facts[self.name] = f"its value at line {m['value'][1].line} could not be read"
            return None
        as_of = r.date(m["as_of"][1], f"{self.where} as_of") if "as_of" in m else None
        if "as_of" in m and as_of is None:
            self.r.unreadable_facts[self.name] = f"its as_of at line {m['as_of'][1].line} could not be read"
            return None
        return declared, as_of

    def locate(
        self, filing_node: YNode, concept_node: YNode, path_text: str, wanted: tuple[str, Period | str | None, dict[str, str]]
    ) -> tuple[str, FilingFact, q.Value] | None:
        """The filing's file, its fact of ``wanted`` (concept, period, dimensions), and that
        fact's value; None with a problem at the key to blame."""
        concept, period, dims = wanted
        try:
            # a filing is one file, a report package (.zip) or the folder of a submission
            path = named_file(self.r.path, path_text, MAX_PACKAGE_BYTES, f"{self.where} filing", folder_ok=True)
        except LoadError as e:
            self.fail(filing_node, e.code, e.message.removeprefix(f"{self.where} filing: "))
            return None
        try:
            filing = read_cached(path)
            found = filing.fact(concept, period, dims, *self.choice())
        except FilingError as e:
            self.fail(filing_node if e.code.startswith("filing-") and e.code not in _FACT_CODES else concept_node,
                      e.code, e.message)
            return None
        try:
            value = value_of(found)
        except ValueError as e:
            self.fail(concept_node, "filing-not-a-figure", f"{found.concept} for {found.period} in {filing.path}: {e}")
            return None
        return path, found, value

    def choice(self) -> tuple[int | float | None, str | None]:
        """``decimals:`` and ``unit:``, which choose among facts given at several
        precisions or in several units (None when not written or not readable)."""
        decimals: int | float | None = None
        if "decimals" in self.m:
            node = self.m["decimals"][1]
            text = (self.r.text(node, f"{self.where} decimals") or "").strip()
            if text == "INF":
                decimals = INF
            else:
                try:
                    decimals = int(text)
                except ValueError:
                    self.r.problem(node, "wrong-value", f"{self.where}: decimals should be an integer (-6) or INF, not {text!r}")
        unit = None
        if "unit" in self.m:
            unit = (self.r.text(self.m["unit"][1], f"{self.where} unit") or "").strip() or None
        return decimals, unit

    def period(self) -> tuple[bool, Period | str | None]:
        """Whether the fact's ``period:`` could be read (a problem when not), and the
        period (None: the filing's own; ``year-to-date``: a 10-Q's, beside its quarter)."""
        if "period" not in self.m:
            return True, None
        node = self.m["period"][1]
        text = self.r.text(node, f"{self.where} period")
        if text is None:
            self.r.unreadable_facts[self.name] = f"its period at line {node.line} could not be read"
            return False, None
        if text.strip() == "year-to-date":
            return True, "year-to-date"
        try:
            return True, Period.parse(text)
        except ValueError as e:
            self.fail(node, "wrong-value", f"period: {e}")
            return False, None

    def dimensions(self) -> dict[str, str] | None:
        """``dimensions: {axis: member}``; None, with a problem, when it cannot be read."""
        if "dimensions" not in self.m:
            return {}
        node = self.m["dimensions"][1]
        if node.is_null:
            return {}
        dm = self.r.mapping(node, f"the dimensions of {self.where}", ())
        if dm is None:
            self.r.unreadable_facts[self.name] = f"its dimensions at line {node.line} could not be read"
            return None
        out: dict[str, str] = {}
        for axis, (_, member) in dm.items():
            text = self.r.text(member, f"the member of {axis}")
            if text is None or not text.strip():
                self.fail(member, "wrong-value", f"the dimension {axis} needs a member (us-gaap:ServiceMember)")
                return None
            out[axis] = text.strip()
        return out

    def mismatch(self, declared: Expr, value: q.Value, origin: Origin) -> str | None:
        """Why the written ``value:`` disagrees with the filing, or None when its interval
        holds the filing's value (after converting its unit); a problem when it does."""
        # lazy: the evaluator only for a value written beside a filing's
        from factcheck.expr import Evaluator

        node = self.m["value"][1]
        said = f"{os.path.basename(self.r.path)} says {declared.text.strip()}; the filing says {origin.written}"
        try:
            mine = Evaluator({}).eval(declared.node)
        except ExprError as e:
            self.r.problem(node, "wrong-value", f"{self.where}: its value should be a figure (96.995 billion USD): {e.message}")
            return f"its value {declared.text.strip()} could not be compared with the filing ({e.message})"
        if not isinstance(mine, q.Value):
            message = f"{said} (a date is not a figure)"
        else:
            try:
                mine = q.convert(mine, value.unit)
            except q.QuantityError:
                message = f"{said}, in another unit"
            else:
                if mine.iv.contains(value.point):
                    return None
                message = said
        self.r.problem(node, "fact-mismatch", f"{self.where}: {message} ({origin})")
        return message


#: the filing errors that are about the fact asked for, not the file
_FACT_CODES = ("filing-no-fact", "filing-conflict")


def _num(value: q.Value, text: str) -> object:
    """The fact's value as a number node of the claims language (one figure, as written)."""
    # lazy: the evaluator only for a value written beside a filing's
    from factcheck.expr import Num

    digits = text.split(" ", 1)[0]
    return Num(value, 0, len(text), None, digits, value.mag)

