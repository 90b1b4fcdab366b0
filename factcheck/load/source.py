"""Files as text: a regular file's bytes within a limit, decoded as UTF-8 (claims files and drafts).

Also how a path is shown in reports: relative to the working folder when inside it.
"""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.errors import LoadError
from factcheck.model import Problem, Span


def read_bytes(path: str, limit: int, what: str = "files") -> bytes:
    """A regular file's bytes, at most ``limit`` of them; LoadError (at 1:1) otherwise.

    The file is opened without blocking and checked before a byte is read: a pipe
    would wait forever for a writer, and a device (/dev/zero) never ends.
    """
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise LoadError(1, 1, "unreadable", "this is a folder, not a file") from None
    except OSError as e:
        raise LoadError(1, 1, "unreadable", f"cannot read the file: {e.strerror or e}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(1, 1, "unreadable", "this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(1, 1, "unreadable", "this is not a regular file (a pipe, a device or a socket)")
        if info.st_size > limit:
            raise LoadError(1, 1, "too-large", _too_large(info.st_size, limit, what))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise LoadError(1, 1, "unreadable", f"cannot read the file: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while we read it
        raise LoadError(1, 1, "too-large", _too_large(size, limit, what))
    return b"".join(chunks)


def _too_large(size: int, limit: int, what: str) -> str:
    return f"the file is {size / 2**20:,.1f} MB; {what} are at most {limit / 2**20:g} MB"


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
    """Relative to the working folder when inside it, with / separators."""
    try:
        rel = Path(os.path.abspath(p)).relative_to(Path.cwd())
        return rel.as_posix()
    except ValueError:
        return Path(os.path.abspath(p)).as_posix()
