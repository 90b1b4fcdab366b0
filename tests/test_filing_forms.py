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


# --------------------------------------------------------------------------- document sets, folders, packages

NS = (
    'xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
    'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
    'xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" '
    'xmlns:jppfs_cor="http://disclosure.edinet-fsa.go.jp/taxonomy/jppfs/2023-12-01/jppfs_cor" '
    'xmlns:jpdei_cor="http://disclosure.edinet-fsa.go.jp/taxonomy/jpdei/2013-08-31/jpdei_cor"'
)

#: an EDINET submission's header file: every context and unit, and the cover facts
HEADER = f"""<?xml version="1.0" encoding="UTF-8"?>
<html {NS}><head><title>header</title></head><body>
<div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric name="jpdei_cor:CurrentPeriodEndDateDEI" contextRef="FilingDateInstant">2024-03-31</ix:nonNumeric>
<ix:nonNumeric name="jpdei_cor:CurrentFiscalYearStartDateDEI" contextRef="FilingDateInstant">2023-04-01</ix:nonNumeric>
</ix:hidden><ix:resources>
<xbrli:context id="CurrentYearDuration"><xbrli:entity><xbrli:identifier scheme="http://disclosure.edinet-fsa.go.jp">E00001-000</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2023-04-01</xbrli:startDate><xbrli:endDate>2024-03-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:context id="CurrentYearInstant"><xbrli:entity><xbrli:identifier scheme="http://disclosure.edinet-fsa.go.jp">E00001-000</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:context id="FilingDateInstant"><xbrli:entity><xbrli:identifier scheme="http://disclosure.edinet-fsa.go.jp">E00001-000</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2024-06-20</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
</body></html>
"""

#: a statement of the same submission: its facts name the header's contexts and units
BODY = f"""<?xml version="1.0" encoding="UTF-8"?>
<html {NS}><head><title>statements</title></head><body>
<p>売上高 <ix:nonFraction name="jppfs_cor:NetSales" contextRef="CurrentYearDuration" unitRef="JPY" decimals="-6" scale="6" format="ixt:num-dot-decimal">1,234,567</ix:nonFraction></p>
<p>当期純損失 <ix:nonFraction name="jppfs_cor:ProfitLoss" contextRef="CurrentYearDuration" unitRef="JPY" decimals="-6" scale="6" sign="-" format="ixt:num-dot-decimal">8,900</ix:nonFraction></p>
<p><ix:nonNumeric name="jppfs_cor:NotesText" contextRef="CurrentYearDuration" continuedAt="c1">Begun here,</ix:nonNumeric></p>
</body></html>
"""

#: another statement, holding the continuation of the note above
BODY2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<html {NS}><head><title>notes</title></head><body>
<p>総資産 <ix:nonFraction name="jppfs_cor:Assets" contextRef="CurrentYearInstant" unitRef="JPY" decimals="-6" scale="6" format="ixt:num-dot-decimal">99,000</ix:nonFraction></p>
<p><ix:continuation id="c1"> ended in another file.</ix:continuation></p>
</body></html>
"""

EDINET = {
    "XBRL/PublicDoc/0000000_header_jpcrp030000-asr-001_E00001-000_2024-03-31_01_2024-06-20_ixbrl.htm": HEADER,
    "XBRL/PublicDoc/0105010_honbun_jpcrp030000-asr-001_E00001-000_2024-03-31_01_2024-06-20_ixbrl.htm": BODY,
    "XBRL/PublicDoc/0105020_honbun_jpcrp030000-asr-001_E00001-000_2024-03-31_01_2024-06-20_ixbrl.htm": BODY2,
    "XBRL/PublicDoc/jpcrp030000-asr-001_E00001-000_2024-03-31_01_2024-06-20.xsd": "<schema/>",
    "XBRL/AuditDoc/readme.txt": "not a filing",
}


def make_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return root


def make_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return path


def check_edinet(filing, where: str) -> None:
    sales = filing.fact("jppfs_cor:NetSales", "2023-04-01/2024-03-31")
    assert sales.value == 1_234_567_000_000 and sales.unit.text == "JPY" and sales.decimals == -6
    assert sales.file.endswith("0105010_honbun_jpcrp030000-asr-001_E00001-000_2024-03-31_01_2024-06-20_ixbrl.htm")
    assert (sales.line, sales.where) == (3, f"{sales.file} line 3")
    assert filing.fact("jppfs_cor:ProfitLoss", "2023-04-01/2024-03-31").value == -8_900_000_000
    assert filing.fact("jppfs_cor:Assets", "2024-03-31").value == 99_000_000_000
    note = filing.find("jppfs_cor:NotesText")[0]
    assert note.text == "Begun here, ended in another file."
    assert len(filing.documents) == 3 and filing.problems == ()
    assert sum(1 for f in filing.facts if f.numeric) == 3


def test_an_edinet_submission_as_a_folder_is_one_document_set(tmp_path):
    root = make_folder(tmp_path / "S100TEST", EDINET)
    check_edinet(read_filing(root), str(root))


def test_an_edinet_submission_as_a_zip_is_the_same(tmp_path):
    check_edinet(read_filing(make_zip(tmp_path / "S100TEST.zip", EDINET)), "")


def test_one_file_of_a_set_alone_says_its_contexts_are_elsewhere(tmp_path):
    root = make_folder(tmp_path / "S100TEST", EDINET)
    body = next(root.glob("XBRL/PublicDoc/0105010*"))
    filing = read_filing(body)
    assert filing.facts == () and len(filing.problems) == 5
    assert filing.problems[0].startswith("the document defines no context: it is one file of an Inline XBRL document set")
    assert "give the folder or the package (.zip) of the submission" in filing.problems[0]
    assert "3:8: jppfs_cor:NetSales names context 'CurrentYearDuration', which the filing does not define" in filing.problems


ESEF = f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
  xmlns:ifrs-full="https://xbrl.ifrs.org/taxonomy/2022-03-24/ifrs-full"><head><title>report</title></head><body>
<div style="display:none"><ix:header><ix:resources>
<xbrli:context id="fy"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">5493001KJTIIGC8Y1R12</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate><xbrli:endDate>2023-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="DKK"><xbrli:measure>iso4217:DKK</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<p>Revenue <ix:nonFraction name="ifrs-full:Revenue" contextRef="fy" unitRef="DKK" decimals="-5" scale="6" format="ixt:num-comma-decimal">1.234,5</ix:nonFraction></p>
</body></html>
"""

PACKAGE = {
    "acme-2023/META-INF/reportPackage.json": '{"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}',
    "acme-2023/META-INF/taxonomyPackage.xml": "<taxonomyPackage/>",
    "acme-2023/www.acme.example/acme-2023.xsd": "<schema/>",
    "acme-2023/reports/acme-2023-12-31-en.xhtml": ESEF,
}


def test_an_esef_report_package_reads_its_report(tmp_path):
    for suffix in (".zip", ".xbri"):
        filing = read_filing(make_zip(tmp_path / f"acme{suffix}", PACKAGE))
        revenue = filing.fact("ifrs-full:Revenue")
        assert revenue.value == 1_234_500_000 and revenue.unit.text == "DKK" and revenue.decimals == -5
        assert filing.documents == ("acme-2023/reports/acme-2023-12-31-en.xhtml",)


def test_an_edgar_folder_reads_the_inline_document_not_its_instance_twice(tmp_path):
    inline = (FILINGS / "aapl-20240928.ixbrl.html").read_bytes()
    instance = (FILINGS / "aapl-20230930.xbrl.xml").read_bytes()
    root = make_folder(tmp_path / "edgar", {"aapl-20240928.htm": inline, "aapl-20240928_htm.xml": instance})
    filing = read_filing(root)
    assert filing.documents == ("aapl-20240928.htm",) and filing.kind == "ixbrl"
    assert sum(1 for f in filing.facts if f.numeric) == 963


def test_a_package_without_a_filing_says_what_it_looked_for(tmp_path):
    with pytest.raises(FilingError, match="no filing in it: no Inline XBRL document"):
        read_filing(make_zip(tmp_path / "empty.zip", {"notes.txt": "hello"}))
    with pytest.raises(FilingError, match="hold no Inline XBRL and no XBRL instance"):
        read_filing(make_zip(tmp_path / "schemas.zip", {"a.xml": "<linkbase/>", "b.htm": "<html/>"}))
    with pytest.raises(FilingError, match="not a readable zip package"):
        (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
        read_filing(tmp_path / "broken.zip")


# --------------------------------------------------------------------------- hostile packages

def _zip_bomb(path: Path) -> Path:
    """50 MB of zeros deflated to about 50 KB, named as a report."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open("pkg/reports/report.xhtml", "w") as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(50):
            f.write(chunk)
    return path


def _lying_size(path: Path) -> Path:
    """A 5 MB entry whose headers say it holds 100 bytes: read no further than that."""
    import struct

    make_zip(path, {"pkg/reports/report.xhtml": ESEF + " " * 5_000_000})
    data = bytearray(path.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(sig)
        data[at + offset : at + offset + 4] = struct.pack("<I", 100)
    path.write_bytes(bytes(data))
    return path


LAUGHS = '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "".join(
    f' <!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">\n' for i in range(10)
) + ']>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>&l9;</body></html>\n'

XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY s SYSTEM "file:///etc/passwd">]>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>&s;</body></html>\n'
)

HOSTILE = {
    "dot-dot": (lambda p: make_zip(p, {"pkg/reports/../../../evil.xhtml": ESEF}),
                "refused: the entry 'pkg/reports/../../../evil.xhtml' leads outside the package"),
    "absolute": (lambda p: make_zip(p, {"/etc/report.xhtml": ESEF}), "refused: the entry '/etc/report.xhtml' leads outside"),
    "backslash": (lambda p: make_zip(p, {"pkg\\..\\..\\evil.xhtml": ESEF}), "leads outside the package"),
    "drive": (lambda p: make_zip(p, {"C:/report.xhtml": ESEF}), "leads outside the package"),
    "twice": (lambda p: _twice(p), "refused: the entry 'a/reports/r.xhtml' is given twice"),
    "zip-bomb": (_zip_bomb, "(more than 200 times: a zip bomb); nothing in the package was read"),
    "lying-size": (_lying_size, "cannot be unpacked"),
    "entity-expansion": (lambda p: make_zip(p, {"pkg/reports/report.xhtml": LAUGHS}),
                         "!pkg/reports/report.xhtml:2:16: refused: a document type declaration with declarations of its own"),
    "external-entity": (lambda p: make_zip(p, {"pkg/reports/report.xhtml": XXE}),
                        "!pkg/reports/report.xhtml:2:16: refused: a document type declaration"),
}


def _twice(path: Path) -> Path:
    """Two entries of one name: which one a reader takes is the attacker's choice."""
    import warnings
    import zipfile

    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as z:
        warnings.simplefilter("ignore")
        z.writestr("a/reports/r.xhtml", ESEF)
        z.writestr("a/reports/r.xhtml", ESEF.replace("1.234,5", "9.999,9"))
    return path


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_package_is_refused_quickly_in_little_memory_with_a_clear_message(tmp_path, case):
    """Each hostile package is read by a process of its own, which measures its CPU
    time and its peak memory, and must refuse it with a message naming the package."""
    import json
    import subprocess
    import sys

    make, message = HOSTILE[case]
    path = make(tmp_path / f"{case}.zip")
    code = (
        "import json, sys, time\n"
        "from factcheck.filing import FilingError, read_filing\n"
        "t = time.process_time()\n"
        "try:\n    read_filing(sys.argv[1]); out = 'read'\n"
        "except FilingError as e:\n    out = str(e)\n"
        # VmHWM: this process's own peak (ru_maxrss would carry over pytest's from before exec)
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(json.dumps({'out': out, 'cpu': time.process_time() - t, 'mb': peak / 1024}))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    result = json.loads(run.stdout)
    assert message in result["out"], result["out"]
    assert result["out"].startswith(str(path)) and "Traceback" not in run.stderr
    assert result["cpu"] < 1.0 and result["mb"] < 100, result


def test_a_folder_is_walked_without_following_links(tmp_path):
    """A link in the folder of a submission may lead anywhere: it is not followed."""
    outside = make_folder(tmp_path / "outside", {"secret.xhtml": ESEF})
    root = make_folder(tmp_path / "submission", {"reports/notes.txt": "x"})
    (root / "reports" / "report.xhtml").symlink_to(outside / "secret.xhtml")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    with pytest.raises(FilingError, match="no filing in it"):
        read_filing(root)


def test_facts_of_a_set_name_their_file_and_a_lone_file_warns_on_stderr(tmp_path):
    import subprocess
    import sys

    root = make_folder(tmp_path / "S100TEST", EDINET)
    run = subprocess.run([sys.executable, "-m", "factcheck", "facts", str(root)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stderr == ""
    row = next(line for line in run.stdout.splitlines() if line.startswith("jppfs_cor:NetSales"))
    assert "XBRL/PublicDoc/0105010_honbun_jpcrp030000-asr-001_E00001-000_2024-03-31_01_2024-06-20_ixbrl.htm:3" in row
    body = next(root.glob("XBRL/PublicDoc/0105010*"))
    run = subprocess.run([sys.executable, "-m", "factcheck", "facts", str(body)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert lines[0] == f"factcheck: warning: {body}: the document defines no context: it is one file of an Inline XBRL " \
        "document set whose contexts are in another file (an EDINET or TDnet header file); give the folder or the " \
        "package (.zip) of the submission"
    assert lines[-1] == f"factcheck: {body}: no fact matches at all (0 numeric facts in the filing)"


# --------------------------------------------------------------------------- document sets and issue 25

SET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
    'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2023"><body>\n'
)
SET_CONTEXT = (
    '<ix:header><ix:resources><xbrli:context id="y"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier>'
    "</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate>"
    "</xbrli:period></xbrli:context></ix:resources></ix:header>\n"
)


def test_a_continuation_continues_one_fact_across_the_files_of_a_set(tmp_path):
    """Issue 25 in a document set (issue 24): a continuation in another file is joined
    once, to the first fact whose chain reaches it, whichever file that fact is in; a
    second fact (in another file again) that reaches it stops there, and the problem
    names both places by file; a chain that loops through files is cut where it closes."""
    root = make_folder(tmp_path / "set", {
        "a.xhtml": SET_HEAD + SET_CONTEXT
        + '<ix:nonNumeric name="dei:First" contextRef="y" continuedAt="c1">one,</ix:nonNumeric>\n'
        + '<ix:nonNumeric name="dei:Loop" contextRef="y" continuedAt="l1">loop</ix:nonNumeric>\n'
        + "</body></html>\n",
        "b.xhtml": SET_HEAD
        + '<ix:nonNumeric name="dei:Second" contextRef="y" continuedAt="c1">two,</ix:nonNumeric>\n'
        + '<ix:continuation id="c1" continuedAt="c2"> then b</ix:continuation>\n'
        + '<ix:continuation id="l1" continuedAt="l2"> l1</ix:continuation>\n'
        + "</body></html>\n",
        "c.xhtml": SET_HEAD
        + '<ix:continuation id="c2"> then c</ix:continuation>\n'
        + '<ix:continuation id="l2" continuedAt="l1"> l2</ix:continuation>\n'
        + "</body></html>\n",
    })
    filing = read_filing(root)
    texts = {f.concept: (f.file, f.line, f.text) for f in filing.facts}
    assert texts == {
        "dei:First": ("a.xhtml", 4, "one, then b then c"),
        "dei:Loop": ("a.xhtml", 5, "loop l1 l2"),
        "dei:Second": ("b.xhtml", 3, "two,"),
    }
    assert filing.problems == (
        "a.xhtml:5:1: dei:Loop: continuedAt 'l1' names an ix:continuation that this fact's own chain reaches already "
        "(a continuation continues one fact, once); its text is left out here",
        "b.xhtml:3:1: dei:Second: continuedAt 'c1' names an ix:continuation that dei:First at a.xhtml:4:1 reaches "
        "already (a continuation continues one fact, once); its text is left out here",
    )


#: one document set whose names would act on a terminal or a CI log: a package's entry names are the filing's
HOSTILE_NAMES = {
    "set/##[error]a.xhtml": SET_HEAD + SET_CONTEXT
    + '<ix:nonNumeric name="dei:DocumentType" contextRef="y">10-K</ix:nonNumeric>\n'
    + '<ix:nonNumeric name="dei:Missing" contextRef="nowhere">x</ix:nonNumeric>\n</body></html>\n',
    "set/b\u202e.xhtml": SET_HEAD
    + '<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="y">Acme</ix:nonNumeric>\n</body></html>\n',
    "set/c\n::error file=x.py::FORGED.xhtml": SET_HEAD
    + '<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="y">1</ix:nonNumeric>\n'
    + '<ix:nonNumeric name="dei:Gone" contextRef="nowhere">x</ix:nonNumeric>\n</body></html>\n',
}


@pytest.mark.parametrize("form", ["folder", "zip"])
def test_facts_escapes_the_names_of_the_documents_of_a_set(tmp_path, form):
    """Issue 25's escaping holds for issue 24's sets: the file:line column of the table,
    the warnings on stderr (which name each document) are escaped like every other string."""
    import re
    import subprocess
    import sys

    if form == "folder":
        path = make_folder(tmp_path / "submission", HOSTILE_NAMES)
    else:
        path = make_zip(tmp_path / "package.zip", {f"pkg/reports/{k}": v for k, v in HOSTILE_NAMES.items()})
    run = subprocess.run([sys.executable, "-m", "factcheck", "facts", "--concept", "dei", str(path)],
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = run.stdout + run.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]", out), out
    for line in out.splitlines():
        assert not line.lstrip().startswith("::") and "##[" not in line, line
    assert "#\\u0023[error]a.xhtml:4" in run.stdout
    assert "b\\u202e.xhtml:3" in run.stdout
    assert "c\\u000a::error file=x.py::FORGED.xhtml:3" in run.stdout
    warned = run.stderr.splitlines()
    assert len(warned) == 2 and all(line.startswith("factcheck: warning: ") for line in warned), run.stderr
    assert "#\\u0023[error]a.xhtml:5:1: dei:Missing names context 'nowhere'" in run.stderr
    assert "c\\u000a::error file=x.py::FORGED.xhtml:4:1: dei:Gone names context 'nowhere'" in run.stderr


def test_an_error_quoting_a_package_entry_is_one_line_and_no_command(tmp_path):
    import subprocess
    import sys

    path = make_zip(tmp_path / "evil.zip", {"pkg/reports/../##[error]x\u202e.xhtml": ESEF})
    run = subprocess.run([sys.executable, "-m", "factcheck", "facts", str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "##[" not in run.stderr and "\u202e" not in run.stderr, run.stderr
    assert "refused: the entry 'pkg/reports/../#\\u0023[error]x\\u202e.xhtml' leads outside the package" in run.stderr


def test_a_zip_inside_a_package_is_told_as_a_zip_and_not_opened(tmp_path):
    """A .zip given is a report package (issue 24); a ZIP found as a document of a set
    is not opened in its turn, and the message says what it is without quoting it
    (issue 25: never the bytes of a file that is not a filing)."""
    import io
    import zipfile

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as z:  # stored: its report's namespace shows
        z.writestr("pkg/reports/report.xhtml", ESEF)
    path = make_zip(tmp_path / "outer.zip", {"outer/reports/report.xhtml": inner.getvalue()})
    with pytest.raises(FilingError) as e:
        read_filing(path)
    assert str(e.value).startswith(f"{path}!outer/reports/report.xhtml: not an XBRL filing: not XML (a ZIP archive, "
                                   "read as a report package only when it is the path given, where XML begins with '<')")
    assert "ifrs-full" not in str(e.value) and "\n" not in str(e.value)
