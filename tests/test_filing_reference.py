"""Our reader against the reference processor (issue 24): every Inline XBRL document of
the tests is read by Arelle (arelle-release, of the test extra) too, offline, and each
numeric fact must agree: the same facts in the same order, concept, period, unit,
decimals, nil, and the same exact value wherever Arelle can compute one.

Where Arelle cannot: offline it drops every fact of an XBRL instance (it needs the
taxonomy to know its concepts), and it cannot apply a format or read a measure whose
prefix the document leaves undeclared (Apple's 10-K binds neither ixt: nor iso4217:),
so those values and units are compared where declared; of Apple's 963 numeric facts
it keeps 887 (the 76 others, such as dei:EntityPublicFloat, it leaves out without
its taxonomy), so every fact Arelle reads must be ours, alike. An instance is
compared with the Inline XBRL document of the same filing elsewhere (test_filing.py)."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.filing import read_filing

from conftest import HERE
from test_filing_forms import ESEF
from test_filing_periods import UK

arelle_cntlr = pytest.importorskip("arelle.Cntlr")


def documents(tmp: Path) -> list[Path]:
    """Every Inline XBRL document of the tests: the real one, and the synthetic ones of
    the tests of forms and periods (written out as files)."""
    out = [HERE / "data" / "filings" / "aapl-20240928.ixbrl.html"]
    for name, text in (("esef.xhtml", ESEF), ("uk.xhtml", UK)):
        (tmp / name).write_text(text, encoding="utf-8")
        out.append(tmp / name)
    return out


@pytest.fixture(scope="module")
def controller():
    c = arelle_cntlr.Cntlr(logFileName="logToBuffer")
    c.webCache.workOffline = True  # nothing fetched: the tests run without a network
    yield c
    c.close()


def _local(qname: object) -> str:
    return str(qname).rpartition(":")[2]


@pytest.mark.parametrize("index", range(3), ids=["aapl-20240928.ixbrl.html", "esef.xhtml", "uk.xhtml"])
def test_every_numeric_fact_agrees_with_arelle(controller, tmp_path, index):
    path = documents(tmp_path)[index]
    model = controller.modelManager.load(str(path))
    try:
        theirs = [f for f in model.facts if f.unitID]
        # matched by id where the document gives ids (Arelle's line is where a start tag ends,
        # ours where it begins), else by order among facts of one concept and context
        ours: dict[tuple[object, ...], object] = {}
        seen: dict[tuple[str, str], int] = {}
        for o in read_filing(path).facts:
            if o.numeric:
                n = seen[(o.context, _local(o.concept))] = seen.get((o.context, _local(o.concept)), 0) + 1
                ours[(o.context, _local(o.concept), o.id or n)] = o
        seen.clear()
        assert theirs and len(ours) >= len(theirs)
        if index > 0:
            assert len(ours) == len(theirs)  # a document that declares its namespaces: the same facts
        values = 0
        for t in theirs:
            n = seen[(t.contextID, _local(t.qname))] = seen.get((t.contextID, _local(t.qname)), 0) + 1
            o = ours.get((t.contextID, _local(t.qname), t.id or n))
            assert o is not None, f"{path.name} line {t.sourceline}: {t.qname} read by Arelle, not by us"
            where = f"{path.name} line {o.line}: {o.concept}"
            ctx = model.contexts[t.contextID]
            end = (ctx.endDatetime - timedelta(days=1)).date()  # Arelle ends a period at the next midnight
            start = None if ctx.isInstantPeriod else ctx.startDatetime.date()
            assert (o.period.start, o.period.end) == (start, end), where
            decimals = "INF" if o.decimals == float("inf") else (None if o.decimals is None else str(o.decimals))
            assert decimals == t.decimals, where
            assert o.nil == t.isNil, where
            unit = model.units[t.unitID]
            measures = tuple(tuple(_local(m) for m in part) for part in unit.measures)
            if "invalidMeasureQName" not in str(unit.measures):
                assert measures == (tuple(_local(m) for m in o.unit.numerator), tuple(_local(m) for m in o.unit.denominator)), where
            if not t.isNil and "ixTransformValueError" not in str(t.value):
                assert o.value == Fraction(t.value), where
                values += 1
        if index > 0:
            assert values == len(theirs)  # every value of a document that declares its namespaces
    finally:
        model.close()
