"""Writing reports: to a temporary file in the same folder, then renamed into place, so
that a reader never sees half a report and an interrupted run leaves the old one.

The edge cases, each kept:

- a symbolic link is followed: the file it points to is replaced, the link stays;
- a device, a pipe or a socket (``-o /dev/null``, ``-o /dev/stdout``) is written to
  directly: renaming a temporary file over ``/dev/null`` would replace the device
  (as root, for every program on the machine), and over ``/dev/stdout`` the link;
- a link (or a folder on the way) that leads out of the root is refused: a committed
  ``report.json -> /outside`` never creates a file outside the repository;
- the input files of the run (``protect``) are never written to;
- several reports of one run are all new or all old: every temporary file is written
  first, then all are renamed (``stage`` then ``commit``);
- a report that exists keeps its permissions; a new one gets 0666 less the umask;
- after the rename the folder is synced, so that the new name survives a crash;
- missing folders on the way to a new report are made (``--report sarif:reports/fc.sarif``
  without ``reports/``), never through a broken link nor under a file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import UsageError


def check_writable(path: Path | str, protect: Iterable[Path | str] = ()) -> Path:
    """The file that writing ``path`` replaces (a link's target; the path itself for a
    device or a pipe), or a UsageError saying why it cannot be written. Called before a
    run too, so that a bad report path stops it before anything is written."""
    return _destination(Path(path), protect)[0]


def _destination(shown: Path, protect: Iterable[Path | str]) -> tuple[Path, os.stat_result | None]:
    try:
        info = os.stat(shown)  # through symbolic links, as the kernel opens them
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as e:
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"cannot write {shown}: it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return shown, info  # /dev/null, /dev/stdout (a link to a pipe or a terminal), a FIFO
    path = Path(os.path.realpath(shown))  # a link to a regular file: replace its target
    lexical = Path(os.path.abspath(shown))
    if path != lexical:  # a link on the way: one in the repository may not lead out of it
        # lazy: the loader's root only for a link on the way
        from factcheck.load.paths import is_inside, root

        if is_inside(lexical) and not is_inside(path):
            raise UsageError(
                f"cannot write {shown}: a symbolic link leads it out of the repository ({os.path.relpath(root())}); "
                "factcheck writes through links only inside it"
            )
    _check_folder(shown, path)
    if info is not None:
        _check_not_input(shown, path, protect)
    return path, info


def _check_folder(shown: Path, path: Path) -> None:
    """The folder of the file to write (of a link's target) is one, or can be made."""
    folder = path.parent
    named = folder if os.path.islink(shown) else shown.parent
    if not os.path.lexists(folder) and not os.path.islink(shown):
        _check_creatable(shown)  # write_atomic makes the missing folders
    elif not folder.exists():
        raise UsageError(f"cannot write {shown}: the folder {named} does not exist")
    elif not folder.is_dir():
        raise UsageError(f"cannot write {shown}: {named} is not a folder")


def _check_not_input(shown: Path, path: Path, protect: Iterable[Path | str]) -> None:
    """The file to write, which exists, is none of the run's inputs (``protect``)."""
    for other in protect:
        try:
            same = os.path.samefile(path, other)
        except OSError:
            same = False
        if same:
            # lazy: the loader's root only for a path shown
            from factcheck.load.paths import relative_to_root

            raise UsageError(f"cannot write {shown}: it is {relative_to_root(other)}, an input of this run; choose another file")


@dataclass
class Staged:
    """A report written to its temporary file, waiting to be renamed into place."""

    shown: Path
    path: Path | None  # None: a device or a pipe, written in place at commit
    tmp: str | None
    text: str | Iterable[str] | None = None


def _check_creatable(shown: Path) -> None:
    """The missing folders of a report's path can be made: the nearest folder that exists,
    as the path names it, is a folder (not a file, not a broken link) this process may
    write in."""
    above = shown.parent
    while not os.path.lexists(above) and above.parent != above:
        above = above.parent
    if not above.is_dir():
        raise UsageError(f"cannot write {shown}: {above} is not a folder")
    if not os.access(above, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {shown}: cannot make a folder in {above} (permission denied)")


def write_atomic(path: Path | str, text: str | Iterable[str], protect: Iterable[Path | str] = ()) -> None:
    """Write ``text`` (a string, or pieces of one) to a temporary file beside ``path`` and
    rename it into place: a reader never sees half a report, an interrupted run leaves
    the previous one."""
    commit([stage(path, text, protect)])


def write_all(items: Iterable[tuple[Path | str, str | Iterable[str]]], protect: Iterable[Path | str] = ()) -> None:
    """Several files, all new or all old: every one is written to its temporary file
    before any is renamed; a failure (or a signal) removes every temporary file."""
    protect = list(protect)
    staged: list[Staged] = []
    try:
        for path, text in items:
            staged.append(stage(path, text, protect))
    except BaseException:
        discard(staged)
        raise
    commit(staged)


def stage(path: Path | str, text: str | Iterable[str], protect: Iterable[Path | str] = ()) -> Staged:
    """Write ``text`` to a temporary file beside ``path`` (the first half of write_atomic)."""
    shown = Path(path)
    dest, info = _destination(shown, protect)
    if info is not None and not stat.S_ISREG(info.st_mode):
        return Staged(shown, None, None, text)  # a device or a pipe: written at commit
    folder = dest.parent
    try:
        if not folder.is_dir():
            os.makedirs(folder, exist_ok=True)  # checked by _destination: the missing parents of a new report
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None
    _TEMPORARY.add(tmp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            _write(f, text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
    except BaseException as e:
        _remove(tmp)
        if isinstance(e, OSError):
            raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None
        raise
    return Staged(shown, dest, tmp)


def commit(staged: list[Staged]) -> None:
    """Rename every staged file into place (then write the devices and pipes)."""
    try:
        for s in staged:
            if s.tmp is not None and s.path is not None:
                try:
                    os.replace(s.tmp, s.path)
                except OSError as e:
                    raise UsageError(f"cannot write {s.shown}: {e.strerror or e}") from None
                _TEMPORARY.discard(s.tmp)
                _sync_folder(s.path.parent)
    except BaseException:
        discard(staged)
        raise
    for s in staged:
        if s.tmp is None and s.text is not None:
            _write_stream(s.shown, s.text)


def discard(staged: list[Staged]) -> None:
    for s in staged:
        if s.tmp is not None:
            _remove(s.tmp)


#: temporary files not yet renamed: removed by remove_temporary_files (on a signal)
_TEMPORARY: set[str] = set()


def _remove(tmp: str) -> None:
    _TEMPORARY.discard(tmp)
    try:
        os.unlink(tmp)
    except OSError:
        pass


def remove_temporary_files() -> None:
    """Remove every temporary report not yet renamed (called on any signal that ends the run)."""
    for tmp in list(_TEMPORARY):
        _remove(tmp)


def _write(f: Any, text: str | Iterable[str]) -> None:
    if isinstance(text, str):
        f.write(text)
    else:
        for piece in text:
            f.write(piece)


def _write_stream(shown: Path, text: str | Iterable[str]) -> None:
    """A device or a pipe: written in place, as any program would."""
    try:
        with open(shown, "w", encoding="utf-8", newline="\n") as f:
            _write(f, text)
    except OSError as e:
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder that cannot be opened (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems cannot sync a folder
        pass
    finally:
        os.close(fd)
