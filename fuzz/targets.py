"""The fuzzing targets: what must hold for any bytes at all.

``check_loader(data)``: the bytes as a claims file. Reading, checking and rendering it
in every report format raise nothing (problems are findings, never exceptions), and
every finding has a 1-based position.

``check_expression(data)``: the bytes as a check and a stated value (split at the
first NUL). Parsing and evaluating raise nothing but ExprError; a claim made of them
is judged, explained step by step and rendered without raising.

``check_continuations(data)``: the bytes as a graph of Inline XBRL text facts and
``ix:continuation`` elements (each three bytes: what the element is, its id, where it
continues; some nested in the one before), written as a document and read. Reading
raises nothing but FilingError; each continuation's text ends up in one fact at most,
so no fact's text is longer than the document's (chains shared by thousands of facts,
loops, trees, dangling ends and nesting all come out of the bytes).

All three are plain functions, so that atheris (fuzz/run.py), hypothesis and the tests
drive the same code. A violated property is an AssertionError or the exception
itself; a hang or a memory blow-up is caught by the driver's limits.
"""

from __future__ import annotations


from factcheck import steps
from factcheck.engine import check_document
from factcheck.errors import ExprError
from factcheck.expr import Evaluator, parse
from factcheck.load import load
from factcheck.load.source import decode
from factcheck.model import Claim, Compare, Document, Expr, Report, Span
from factcheck.reporters import FORMATS, Options, renderer

PATH = "fuzz.claims.yaml"

#: facts the expressions can use: money, a rate, a percent, a date, a zero, a count
FACTS_YAML = """version: 1
settings:
  rates: {USD: 7.2 CNY}
facts:
  capex: 380 billion CNY
  profit: {value: 157.479 billion CNY/year, source: results}
  share: 33%
  founded: 2015
  launch: 2025-05-10
  nothing: 0
  orders_2024: 10 million orders
  whole: {value: 100%, exact: true}
claims: []
"""
_FACTS: Document | None = None


def facts_document() -> Document:
    global _FACTS
    if _FACTS is None:
        _FACTS = load(PATH, FACTS_YAML)
        assert not _FACTS.problems, _FACTS.problems
    return _FACTS


def render_all(report: Report) -> None:
    for name in FORMATS:
        text = renderer(name)(report, Options(width=80, color=name == "rich"))
        assert isinstance(text, str)


def check_loader(data: bytes) -> None:
    text, problem = decode(PATH, data)
    if text is None:
        assert problem is not None and problem.span.line >= 1 and problem.span.col >= 1
        return
    doc = load(PATH, text)
    for p in doc.problems:
        assert p.span.line >= 1 and p.span.col >= 1, p
    report = Report((check_document(doc, detail=True),))  # with steps, and a draft if one is named
    for r in report.results:
        assert r.where.line >= 1 and r.where.col >= 1, r
    render_all(report)


def check_expression(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    check, _, stated = text.partition("\x00")
    stated = stated or "1"
    doc = facts_document()
    nodes = []
    for part in (check, stated):
        try:
            nodes.append(parse(part))
        except ExprError as e:
            assert 0 <= e.offset <= len(part), (part, e.offset)
            return
    ev = Evaluator(doc.facts)
    for node, part in zip(nodes, (check, stated)):
        try:
            ev.eval(node)
        except ExprError as e:
            assert e.message
        steps.trace(ev, Expr(part, Span(PATH, 1, 1), node))  # what explain and the html report walk
    span = Span(PATH, 1, 1)
    claim = Claim("fuzz", span, check=Expr(check, span, nodes[0]), stated=Expr(stated, span, nodes[1]))
    for one in (claim, claim._replace(tolerance=Expr("5%", span, parse("5%")), compare=Compare.GE)):
        report = Report((check_document(Document(PATH, facts=doc.facts, settings=doc.settings, claims=(one,))),))
        render_all(report)


#: the ids a continuation graph uses: few enough that the bytes often name one twice
GRAPH_IDS = 12
_GRAPH_HEAD = (
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
    'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2023"><body>'
    '<ix:resources><xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier>'
    "</xbrli:entity><xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>"
    "</ix:resources>"
)


def continuation_document(data: bytes) -> tuple[str, list[tuple[str, int]]]:
    """The Inline XBRL document the bytes describe, and for each of its continuations
    its marker text (``C<n>x``, each distinct) and how many elements enclose it: three
    bytes an element. The first byte says whether it is a fact (even) or a continuation
    (odd), and whether it is written inside the element before it (bit 2); the second
    is its id, the third its ``continuedAt`` (past the last id: none)."""
    parts: list[str] = [_GRAPH_HEAD]
    markers: list[tuple[str, int]] = []
    close: list[str] = []
    for n in range(min(len(data) // 3, 400)):
        kind, own, nxt = data[3 * n], data[3 * n + 1] % GRAPH_IDS, data[3 * n + 2] % (GRAPH_IDS + 1)
        if not kind & 4:
            parts.extend(reversed(close))
            close = []
        at = f' continuedAt="k{nxt}"' if nxt < GRAPH_IDS else ""
        if kind & 1:
            markers.append((f"C{n}x", len(close)))
            parts.append(f'<ix:continuation id="k{own}"{at}>C{n}x ')
            close.append("</ix:continuation>")
        else:
            parts.append(f'<ix:nonNumeric name="dei:F{own}" contextRef="c"{at}>F{n} ')
            close.append("</ix:nonNumeric>")
    parts.extend(reversed(close))
    parts.append("</body></html>")
    return "".join(parts), markers


def check_continuations(data: bytes) -> None:
    from factcheck.filing.model import FilingError
    from factcheck.filing.reader import TEXT_MARGIN, Builder

    document, markers = continuation_document(data)
    builder = Builder("fuzz.htm")
    try:
        builder.parse(document.encode("utf-8"))
        filing = builder.filing()
    except FilingError as e:
        assert "\n" not in str(e) and str(e).startswith("fuzz.htm"), e
        return
    words = [set(f.raw.split()) for f in filing.facts]
    for marker, enclosing in markers:
        # the fact its chain reaches, and each element it is written in (a fact, or a
        # continuation that is in turn in one fact): never every fact that shares a chain
        owners = sum(1 for w in words if marker in w)
        assert owners <= 1 + enclosing, (marker, owners, enclosing)
    assert sum(len(f.raw) for f in filing.facts) <= len(document) + TEXT_MARGIN


TARGETS = {"loader": check_loader, "expression": check_expression, "continuations": check_continuations}
