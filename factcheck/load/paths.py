"""The trust boundary: one root every path a file names must stay inside, and one reader.

What a file in the repository names (``article.draft``, ``include``, ``filing``, a
baseline or report path in the config, a schema modeline's target) is untrusted: a
pull request writes it. ``inside_root`` resolves such a path (``..`` and symbolic
links) and refuses it, at the key that named it, unless it lies inside the root: the
nearest folder above the working folder that holds ``.git``, else the working folder.
Only the command line widens that (``--allow-outside PATH``, through ``allow_outside``);
never a file, never the config. A path the command line gives is read where it
leads (``given``) unless it is inside the root as written and a symbolic link leads
it out: the command line is trusted, the links a pull request commits are not.

``read_file`` is the one way factcheck reads a file it is given: a regular file only
(a device, a pipe or a socket is refused unread, and opening it never blocks), at most
``limit`` bytes (each kind of file has its documented limit, in ``LIMITS``).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import FactcheckError, LoadError, UsageError
from factcheck.model import Span

#: the most bytes read of each kind of file (docs/safety.md)
LIMITS = {
    "claims files": 32 * 1024 * 1024,
    "article drafts": 2 * 1024 * 1024,
    "baselines": 16 * 1024 * 1024,
    "config files": 1024 * 1024,
    "included fact files": 32 * 1024 * 1024,
    "filings": 64 * 1024 * 1024,
}

_roots: dict[str, Path] = {}  # working folder -> its root
_widened: tuple[Path, ...] = ()  # --allow-outside, resolved
#: folders the test suite's own temporary files live in (tests/conftest.py sets it for
#: the tests that run the engine in-process); empty in every real run
TEST_FOLDERS: tuple[Path, ...] = ()


class OutsideRoot(FactcheckError):
    """A path a file names that leads outside the root (or cannot be a path at all)."""

    def __init__(self, message: str, span: Span | None) -> None:
        super().__init__(message, span, "outside-root")


def root() -> Path:
    """The nearest folder with ``.git`` from the working folder up, else the working
    folder; resolved (no symbolic link in it)."""
    here = os.getcwd()
    found = _roots.get(here)
    if found is None:
        start = Path(here).resolve()
        found = next((d for d in (start, *start.parents) if os.path.lexists(d / ".git")), start)
        _roots[here] = found
    return found


def allow_outside(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Widen the root by these folders or files (the command line's ``--allow-outside``,
    and nothing else). Each call replaces the previous one."""
    global _widened
    _widened = tuple(Path(os.path.realpath(os.fspath(p))) for p in paths)


def allowed() -> tuple[Path, ...]:
    """The root, then every folder or file the command line added."""
    return (root(), *_widened, *TEST_FOLDERS)


def is_inside(real: Path) -> bool:
    """``real`` (already resolved) is the root, or under it, or under a widening."""
    return any(real == top or top in real.parents for top in allowed())


def inside_root(
    path: str | os.PathLike[str], named_at: Span | None, key: str, verb: str = "reads", written: str | None = None
) -> Path:
    """``path`` resolved (``..`` and symbolic links, as far as they exist), or OutsideRoot
    at ``named_at`` when it leads out of the root. ``key`` names what gave the path
    (``article.draft``, ``include``, ``filing``, ``baseline``, ``report``) for the message.
    A relative ``path`` is taken from the working folder: join it to the naming file's
    folder first, and give the path as the file wrote it in ``written``, for the message."""
    raw = os.fspath(path)
    shown = raw if written is None else written
    if "\x00" in raw:
        raise OutsideRoot(f"{key}: the path holds a NUL character, which no file name can", named_at)
    try:
        real = Path(os.path.realpath(raw))
    except (OSError, ValueError) as e:  # a loop of links under strict rules, an encoding
        raise OutsideRoot(f"{key}: {shown} cannot be resolved ({e})", named_at) from None
    if is_inside(real):
        return real
    how = "leads (through a symbolic link) outside" if is_inside(Path(os.path.abspath(raw))) else "is outside"
    raise OutsideRoot(
        f"{key}: {shown} {how} the repository ({_root_shown()}): factcheck {verb} only files inside it; "
        "`--allow-outside PATH` widens that",
        named_at,
    )


def given(path: str | os.PathLike[str], key: str) -> Path:
    """A path the command line gave (a claims file, a draft, ``--draft``, ``--baseline``,
    a filing, or a file pre-commit or a folder walk hands over), resolved; OutsideRoot
    when it lies in the root as written but a symbolic link leads it out (``link.md``
    to ``~/.ssh/id_rsa``: a pull request can commit such a link). A path written outside
    the root (``/tmp/report.htm``, ``../other``) is the user's own choice and is read:
    the command line is trusted, the tree it points into is not. ``key`` names what
    gave the path (``draft``, ``--baseline``, ``filing``) for the message."""
    raw = os.fspath(path)
    if "\x00" in raw:
        raise OutsideRoot(f"{key}: the path holds a NUL character, which no file name can", None)
    try:
        real = Path(os.path.realpath(raw))
    except (OSError, ValueError) as e:
        raise OutsideRoot(f"{key}: {raw} cannot be resolved ({e})", None) from None
    if is_inside(Path(os.path.abspath(raw))) and not is_inside(real):
        raise OutsideRoot(
            f"{key}: {raw} leads (through a symbolic link) outside the repository ({_root_shown()}): factcheck "
            "follows links only inside it; to read a file outside it, name the file by its own path",
            None,
        )
    return real


def given_option(path: str, option: str, what: str = "file", file_only: bool = False) -> None:
    """A path an option names (``--draft``, ``--filing``): one that exists (``file_only``:
    a regular file), and not one a link in the repository leads out of it; a UsageError
    that says which otherwise."""
    if not (os.path.isfile(path) if file_only else os.path.exists(path)):
        raise UsageError(f"{option} {path}: no such {what}")
    try:
        given(path, option)
    except OutsideRoot as e:
        raise UsageError(e.message) from None


def _root_shown() -> str:
    """The root as the working folder sees it ("." or "../.."), never the runner's absolute path."""
    rel = os.path.relpath(root())
    return rel if rel == "." or rel.startswith("..") else f"./{rel}"


def relative_to_root(path: str | os.PathLike[str]) -> str:
    """How reports name a file: relative to the working folder when inside it, else
    relative to it (``../x``) when inside the root, else as given (a file the command
    line named outside the root)."""
    raw = os.fspath(path)
    full = Path(os.path.abspath(raw))
    cwd = Path.cwd()
    try:
        return full.relative_to(cwd).as_posix()
    except ValueError:
        pass
    top = root()
    if full == top or top in full.parents:
        return Path(os.path.relpath(full, cwd)).as_posix()
    return full.as_posix()


def read_file(path: str | os.PathLike[str], limit: int, what: str = "files") -> bytes:
    """A regular file's bytes, at most ``limit`` of them; LoadError (at 1:1) otherwise.

    The file is opened without blocking and checked before a byte is read: a pipe
    would wait forever for a writer, a device (/dev/zero) never ends, a socket is not
    a file. ``what`` names the kind of file in the message ("article drafts").
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
        _record(os.path.abspath(path))
    except IsADirectoryError:
        raise LoadError(1, 1, "unreadable", "this is a folder, not a file") from None
    except (OSError, ValueError) as e:
        raise LoadError(1, 1, "unreadable", f"cannot read the file: {getattr(e, 'strerror', None) or e}") from None
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


#: every file read_file opened outside a run (the config, a baseline): a run never
#: writes over one of them; a run records its own (``Run.files_read``)
_READ: list[str] = []


def _record(path: str) -> None:
    """A file read: the run's when one is under way (``factcheck.run``), else the process's."""
    # lazy: the run only when a file is read (init and schema make none)
    from factcheck.run import current

    run = current()
    (_READ if run is None else run.files_read).append(path)


def files_read() -> tuple[str, ...]:
    """The files this process has opened to read outside any run (config, baselines;
    a run's own are its ``files_read``): the outputs of a run are checked against them."""
    return tuple(_READ)


def forget_reads() -> None:
    """A new command starts with no file read: the outputs of one run in a process are
    checked against that run's inputs, not the runs' before it."""
    _READ.clear()


def _too_large(size: int, limit: int, what: str) -> str:
    return f"the file is {size / 2**20:,.1f} MB; {what} are at most {limit / 2**20:g} MB"


# --------------------------------------------------------------------------- files a claims file names

#: a Windows drive ("C:"): an absolute path however it is written
_DRIVE = re.compile(r"^[A-Za-z]:")


def _widened_to(real: Path) -> bool:
    """``real`` lies in a folder (or is a file) the command line's ``--allow-outside`` named."""
    return any(real == top or top in real.parents for top in _widened)


def repository_root(claims_path: str) -> str:
    """The nearest folder above the claims file that holds ``.git``, else the working
    folder; resolved (symbolic links followed)."""
    folder = os.path.realpath(os.path.dirname(os.path.abspath(claims_path)))
    d = folder
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return os.path.realpath(os.getcwd())
        d = parent


def named_file(claims_path: str, written: str, limit: int, what: str, folder_ok: bool = False) -> str:
    """The file ``written`` in the claims file at ``claims_path`` names, resolved: a
    relative path, read from the claims file's folder, that stays inside the claims
    file's repository (``repository_root``) once ``..`` and symbolic links are resolved,
    and is a regular file of at most ``limit`` bytes (or, with ``folder_ok``, a folder:
    the folder of a filing's submission, which its reader walks without following links).

    Raises LoadError (at 1:1: the caller places it at the key that names the file)
    with code ``path-refused`` (absolute, or outside the repository), ``path-missing``
    or ``path-unreadable`` (a folder, a device, too large)."""
    text = written.strip()
    if not text or "\x00" in text:
        raise LoadError(1, 1, "path-refused", f"{what}: {written!r} is not a path")
    absolute = os.path.isabs(text) or text.startswith(("\\", "~")) or bool(_DRIVE.match(text))
    if absolute and not _widened_to(Path(os.path.realpath(os.path.expanduser(text)))):
        raise LoadError(
            1, 1, "path-refused",
            f"{what}: {text} is an absolute path; write it relative to the claims file (filings/report.xbrl.xml)",
        )
    folder = os.path.dirname(os.path.abspath(claims_path))
    target = os.path.realpath(os.path.join(folder, text))
    root = repository_root(claims_path)
    if os.path.commonpath([root, target]) != root and not _widened_to(Path(target)):
        raise LoadError(
            1, 1, "path-refused",
            f"{what}: {text} leads outside the claims file's repository ({root}); "
            "keep the files a claims file names inside it",
        )
    try:
        info = os.stat(target)
    except OSError:
        raise LoadError(1, 1, "path-missing", f"{what}: no file {text} (the path is relative to this claims file)") from None
    if stat.S_ISDIR(info.st_mode):
        if folder_ok:
            _record(target)
            return target
        raise LoadError(1, 1, "path-unreadable", f"{what}: {text} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(1, 1, "path-unreadable", f"{what}: {text} is not a regular file (a pipe, a device or a socket)")
    if info.st_size > limit:
        raise LoadError(
            1, 1, "path-unreadable",
            f"{what}: {text} is {info.st_size / 2**20:,.1f} MB; such files are at most {limit / 2**20:g} MB",
        )
    _record(target)  # a file the run reads: no output may replace it
    return target
