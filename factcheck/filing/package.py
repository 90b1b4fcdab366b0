"""Filings of several files: report packages (.zip) and folders of a submission.

A report package (XBRL International's Report Package 1.0, ESEF's: ``<top>/reports/``
holding one report, a file or a folder of them; also any .zip or .xbri/.xbr) and the
folders filers and regulators hand out (EDINET's ``XBRL/PublicDoc/``, TDnet's
``XBRLData/Summary/`` and ``XBRLData/Attachment/``) are read the same way: the
documents of each folder in scope form one Inline XBRL document set (an EDINET
submission is a dozen HTML files whose contexts are in its header file), or, where a
folder holds no Inline XBRL, each XBRL instance in it is read on its own. Nothing is
unpacked to disk.

A package is refused whole, before anything in it is read, when it could be hostile:
an entry whose name leads outside the package (``../``, an absolute path, a drive), a
link, an encrypted entry, a name given twice, more entries than any filing has, or
entries that would unpack to far more than the archive holds (a zip bomb). What is
read is bounded: each document by its declared size (the zip module reads no further
and checks its CRC), and all of them together by MAX_FILING_BYTES. A folder is walked
without following links, so nothing outside it is read.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Callable
from typing import TYPE_CHECKING

from factcheck.filing.model import FilingError

if TYPE_CHECKING:  # pragma: no cover
    import zipfile

#: the largest package opened (its central directory is read, not the whole file): an
#: ESEF package with its images and fonts is tens of MB
MAX_PACKAGE_BYTES = 512 * 1024 * 1024
#: entries in a package, files in a folder: a large EDINET submission has a few hundred
MAX_ENTRIES = 10_000
#: what all the entries of a package may unpack to, and how many times its own size
#: (HTML and XML deflate about ten to one; a zip bomb a thousand to one or more)
MAX_UNPACKED = 4 * 1024 * 1024 * 1024
MAX_RATIO = 200
#: how deep a folder is walked (EDINET: XBRL/PublicDoc/ is two folders down)
MAX_DEPTH = 8

_INLINE = (".htm", ".html", ".xhtml")
_INSTANCE = (".xbrl", ".xml")
_IX_NAMESPACES = (b"http://www.xbrl.org/2013/inlineXBRL", b"http://www.xbrl.org/2008/inlineXBRL")
_INSTANCE_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?xbrl[\s>/]")
_SKIPPED = ("META-INF/", "__MACOSX/")

#: a document set: (path for errors, name inside the package, bytes), in reading order
DocumentSet = list[tuple[str, str, bytes]]


def zip_sets(path: str, size: int, limit: int) -> list[DocumentSet]:
    """The document sets of the report package at ``path`` (``size`` bytes), all its
    documents together within ``limit`` bytes."""
    # lazy: only for a zip package
    import zipfile
    import zlib

    if size > MAX_PACKAGE_BYTES:
        raise FilingError(f"{path}: too large for a package ({size / 2**20:.0f} MB; at most {MAX_PACKAGE_BYTES // 2**20} MB)", code="filing-file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise FilingError(f"{path}: not a readable zip package ({e})", code="filing-package") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refused(path, f"{len(infos):,} entries (a filing's package has at most a few hundred; read up to {MAX_ENTRIES:,})")
        sizes: dict[str, int] = {}
        for info in infos:
            _check_entry(path, info)
            if info.filename in sizes:
                raise _refused(path, f"the entry {info.filename!r} is given twice")
            if not info.is_dir():
                sizes[info.filename] = info.file_size
        unpacked = sum(sizes.values())
        if unpacked > MAX_UNPACKED or (unpacked > 10 * 2**20 and unpacked > MAX_RATIO * max(size, 1)):
            raise _refused(
                path,
                f"its entries would unpack to {unpacked / 2**20:,.0f} MB from {size / 2**20:,.1f} MB "
                f"(more than {MAX_RATIO} times: a zip bomb)",
            )

        def read(name: str, budget: int) -> bytes:
            if sizes[name] > budget:
                raise _too_much(path, name, sizes[name], limit)
            try:
                with archive.open(name) as f:
                    return f.read(sizes[name])  # no further than declared; the CRC is checked at its end
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as e:
                raise FilingError(f"{path}!{name}: cannot be unpacked ({e})", code="filing-package") from None

        return _sets(path, sizes, read, lambda name: f"{path}!{name}", limit)


def _check_entry(path: str, info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or re.match(r"[A-Za-z]:", name)
        or ".." in parts
    ):
        raise _refused(path, f"the entry {name!r} leads outside the package")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _refused(path, f"the entry {name!r} is a link")
    if info.flag_bits & 0x1:
        raise _refused(path, f"the entry {name!r} is encrypted")


def _refused(path: str, why: str) -> FilingError:
    return FilingError(f"{path}: refused: {why}; nothing in the package was read", code="filing-package")


def _too_much(path: str, name: str, size: int, limit: int) -> FilingError:
    return FilingError(
        f"{path}: too large: {name} and the documents before it hold more than "
        f"{limit // 2**20} MB ({size / 2**20:.1f} MB for it alone)",
        code="filing-file",
    )


def folder_sets(path: str, read_file: Callable[[str, os.stat_result], bytes], limit: int) -> list[DocumentSet]:
    """The document sets of a folder of a submission (walked without following links),
    each file read by ``read_file(path, its stat)``, all of them within ``limit`` bytes."""

    stats: dict[str, os.stat_result] = {}
    todo: list[tuple[str, int]] = [("", 0)]
    while todo:
        rel, depth = todo.pop()
        try:
            entries = list(os.scandir(os.path.join(path, rel) if rel else path))
        except OSError as e:
            raise FilingError(f"{os.path.join(path, rel)}: cannot be read ({e.strerror or e})", code="filing-file") from None
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_symlink():
                continue  # never followed: a link may lead outside the folder
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(st.st_mode):
                if depth < MAX_DEPTH:
                    todo.append((name, depth + 1))
            elif stat.S_ISREG(st.st_mode):
                stats[name] = st
            if len(stats) + len(todo) > MAX_ENTRIES:
                raise FilingError(f"{path}: refused: more than {MAX_ENTRIES:,} files (is this the folder of one filing?)", code="filing-package")
    sizes = {name: st.st_size for name, st in stats.items()}

    def read(name: str, budget: int) -> bytes:
        if sizes[name] > budget:
            raise _too_much(path, name, sizes[name], limit)
        return read_file(os.path.join(path, name), stats[name])

    return _sets(path, sizes, read, lambda name: os.path.join(path, name), limit)


def _sets(
    path: str, sizes: dict[str, int], read: Callable[[str, int], bytes], shown: Callable[[str], str], limit: int
) -> list[DocumentSet]:
    """Choose the documents (``scope``), read them within the budget (``limit`` bytes in
    all), and group them into document sets: a folder's Inline XBRL documents together,
    else each instance."""
    groups = scope(list(sizes))
    if not groups:
        raise FilingError(
            f"{path}: no filing in it: no Inline XBRL document (.htm, .html, .xhtml) or XBRL instance "
            "(.xbrl, .xml), in reports/ (a report package), XBRL/PublicDoc/ (EDINET) or anywhere",
            code="filing-not-xbrl",
        )
    budget = limit
    sets: list[DocumentSet] = []
    for names in groups:
        inline: DocumentSet = []
        instances: list[DocumentSet] = []
        for name in names:
            data = read(name, budget)
            budget -= len(data)
            if name.lower().endswith(_INLINE):
                if any(ns in data for ns in _IX_NAMESPACES):
                    inline.append((shown(name), name, data))
            elif _INSTANCE_ROOT.search(data[:4096]) and b"http://www.xbrl.org/2003/instance" in data[:4096]:
                instances.append([(shown(name), name, data)])
        if inline:
            sets.append(inline)  # an instance beside them (EDINET's, EDGAR's _htm.xml) says the same
        else:
            sets.extend(instances)
    if not sets:
        raise FilingError(
            f"{path}: no filing in it: its {sum(len(g) for g in groups)} HTML and XML files hold no Inline XBRL "
            "and no XBRL instance",
            code="filing-not-xbrl",
        )
    return sets


def _report_sets(reports: list[str]) -> list[list[str]]:
    """The documents under the topmost ``reports/`` folder, by report: a file directly in
    it is a report of its own, a folder in it a document set."""
    top = min(n.split("/").index("reports") for n in reports)
    prefix = min("/".join(n.split("/")[: top + 1]) + "/" for n in reports if n.split("/").index("reports") == top)
    groups: dict[str, list[str]] = {}
    for n in reports:
        if not n.startswith(prefix):
            continue
        rest = n[len(prefix):]
        key = rest if "/" not in rest else rest.split("/")[0]
        groups.setdefault(key, []).append(n)
    return [groups[k] for k in sorted(groups)]


def scope(names: list[str]) -> list[list[str]]:
    """The candidate documents of a package or folder, grouped by the folder that holds
    them, each group sorted: those under ``reports/`` when there is one (a report
    package: a file directly in it is a report of its own, a folder in it a document
    set), else under ``XBRL/PublicDoc/`` (EDINET), else all."""
    docs = sorted(
        n for n in names
        if n.lower().endswith(_INLINE + _INSTANCE) and not any(n.startswith(s) or f"/{s}" in n for s in _SKIPPED)
    )
    reports = [n for n in docs if "reports" in n.split("/")[:-1]]
    if reports:
        return _report_sets(reports)
    public = [n for n in docs if "/XBRL/PublicDoc/" in f"/{n}"]
    if public:
        docs = public
    by_folder: dict[str, list[str]] = {}
    for n in docs:
        by_folder.setdefault(posixpath.dirname(n), []).append(n)
    return [by_folder[k] for k in sorted(by_folder)]
