"""Facts read from company filings: XBRL instances and Inline XBRL documents.

    from factcheck.filing import read_filing
    filing = read_filing("aapl-20230930.xbrl.xml")
    filing.fact("us-gaap:NetIncomeLoss")            # the filing's own period
    filing.find("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                "2022-09-25/2023-09-30", {"srt:ProductOrServiceAxis": "us-gaap:ServiceMember"})

Nothing here is imported until a filing is read: ``factcheck --version`` and a
``verify`` without filings never load it.

Why our own reader. Tried on the two Apple 10-K filings of the tests, offline:
Arelle (arelle-release 2.47) needs the taxonomy it would download: without it, it
drops every fact of the XBRL instance and cannot apply the formats of the Inline XBRL
document (its ``ixt`` prefix is not declared), after 0.9 s of import and 2.2 s of
reading. py-xbrl (3.0) refuses both files when it cannot fetch the company's schema.
ixbrlparse (0.12) reads only Inline XBRL, gives floats, loses the ``/shares`` of
USD per share, and takes 2.5 s. XBRL needs no taxonomy for what a fact checker
uses (the concept, the context's period and dimensions, the unit, the value and
its decimals), so the reader is the standard library's expat: one pass, exact
Fractions, the line and column of every fact, 0.1-0.2 s for the 1.9 MB document
(``bench/filing.py``), no dependency.

What is read: every fact (numbers with their unit and ``decimals``; text facts
as text), contexts (instant, duration or forever; explicit and typed dimension
members), units (measures, products and ratios); in Inline XBRL, ``scale``,
``sign``, ``format`` (transforms.py), nested facts, ``ix:exclude`` and
``ix:continuation``. QNames keep the document's prefixes, except that well-known
namespaces get their usual ones (``us-gaap``, ``dei``, ``srt``, ``ifrs-full``,
``iso4217``), whatever prefix the document binds. Not read: ``ix:fraction``,
tuples as such (their facts are read), ``target`` (an Inline XBRL document set is
read as one document), footnotes, and the taxonomy (so no labels, no period types,
no calculation checks).
"""

from __future__ import annotations

from factcheck.filing.model import INF, Fact, FactConflict, FactNotFound, FilingError, Period, Unit
from factcheck.filing.notation import written
from factcheck.filing.reader import MAX_FILING_BYTES, read_filing
from factcheck.filing.select import Filing

__all__ = [
    "INF",
    "MAX_FILING_BYTES",
    "Fact",
    "FactConflict",
    "FactNotFound",
    "Filing",
    "FilingError",
    "Period",
    "Unit",
    "read_filing",
    "written",
]
