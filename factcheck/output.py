"""Writing reports: to a temporary file in the same folder, then renamed into place, so
that a reader never sees half a report and an interrupted run leaves the old one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import UsageError


def check_writable(path: Path | str) -> Path:
    """The folder to write ``path`` in, or a UsageError saying why it cannot be written;
    called before a run too, so that a bad report path stops it before anything is written."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise UsageError(f"cannot write {path}: it is a folder")
    return folder


def write_atomic(path: Path | str, text: str) -> None:
    path = Path(path)
    folder = check_writable(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise UsageError(f"cannot write {path}: {e.strerror or e}") from None
        raise
