"""Every form a filing comes in (issue 24): a document that begins with white space or
a byte order mark, an Inline XBRL document set over several files, a folder of a
submission, and a report package (.zip), each opened safely."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from factcheck.filing import FilingError, read_filing

from conftest import HERE

FILINGS = HERE / "data" / "filings"

INSTANCE = """\
<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:gaap="http://fasb.org/us-gaap/2024"
    xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
  <xbrli:context id="q"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-07-01</xbrli:startDate><xbrli:endDate>2024-09-30</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <gaap:Revenues contextRef="q" unitRef="usd" decimals="-6">5000000</gaap:Revenues>
</xbrli:xbrl>
"""


@pytest.mark.parametrize(
    "before",
    [b"\n", b"\r\n\r\n", b"  \t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n"],
    ids=["newline", "crlf", "spaces", "bom", "bom-newlines"],
)
def test_white_space_or_a_bom_before_the_declaration_is_read_and_lines_are_kept(tmp_path, before):
    path = tmp_path / "q.xml"
    path.write_bytes(before + INSTANCE.encode())
    f = read_filing(path).fact("us-gaap:Revenues", "2024-07-01/2024-09-30")
    assert f.value == 5_000_000
    assert f.line == 7 + before.count(b"\n")  # where the fact is in the file as written


def test_text_before_the_declaration_is_still_refused_with_its_place(tmp_path):
    path = tmp_path / "q.xml"
    path.write_bytes(b"junk\n" + INSTANCE.encode())
    with pytest.raises(FilingError, match="not an XBRL filing: not XML"):
        read_filing(path)
