"""Files as text: a regular file's bytes within a limit, decoded as UTF-8 (claims files and drafts).

Also how a path is shown in reports: relative to the working folder when inside it.
"""

from __future__ import annotations

from factcheck.load import paths
from factcheck.load.paths import relative_to_root
from factcheck.model import Problem, Span


def read_bytes(path: str, limit: int, what: str = "files") -> bytes:
    """A regular file's bytes, at most ``limit`` of them: the one reader (paths.read_file)."""
    return paths.read_file(path, limit, what)


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(Span(path, 1, 1), "encoding", "the file is UTF-16; save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, Problem(
            Span(path, line, col), "encoding", f"byte 0x{data[e.start]:02x} is not UTF-8: save the file as UTF-8"
        )
    if "\x00" in text:
        i = text.index("\x00")
        line = text.count("\n", 0, i) + 1
        return None, Problem(Span(path, line, i - text.rfind("\n", 0, i)), "encoding", "the file holds NUL bytes: it is not a text file")
    return text, None


def display_path(p: str) -> str:
    """How reports name a file: relative to the working folder, or to the root (paths.relative_to_root)."""
    return relative_to_root(p)
