"""Files a claims file names (``filing:``, ``include:``): found relative to it, and kept
inside its repository.

A claims file is untrusted input: a path written in it must not reach a file the
editor did not mean to publish (``/etc/passwd``, ``../../secrets.yaml``, a symbolic
link out of the repository). ``named_file`` is the one place such paths are resolved.
"""

from __future__ import annotations

import os
import re
import stat

from factcheck.errors import LoadError

_DRIVE = re.compile(r"^[A-Za-z]:")


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


def named_file(claims_path: str, written: str, limit: int, what: str) -> str:
    """The file ``written`` in the claims file at ``claims_path`` names, resolved: a
    relative path, read from the claims file's folder, that stays inside the claims
    file's repository (``repository_root``) once ``..`` and symbolic links are resolved,
    and is a regular file of at most ``limit`` bytes.

    Raises LoadError (at 1:1: the caller places it at the key that names the file)
    with code ``path-refused`` (absolute, or outside the repository), ``path-missing``
    or ``path-unreadable`` (a folder, a device, too large)."""
    text = written.strip()
    if not text or "\x00" in text:
        raise LoadError(1, 1, "path-refused", f"{what}: {written!r} is not a path")
    if os.path.isabs(text) or text.startswith(("\\", "~")) or _DRIVE.match(text):
        raise LoadError(
            1, 1, "path-refused",
            f"{what}: {text} is an absolute path; write it relative to the claims file (filings/report.xbrl.xml)",
        )
    folder = os.path.dirname(os.path.abspath(claims_path))
    target = os.path.realpath(os.path.join(folder, text))
    root = repository_root(claims_path)
    if os.path.commonpath([root, target]) != root:
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
        raise LoadError(1, 1, "path-unreadable", f"{what}: {text} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(1, 1, "path-unreadable", f"{what}: {text} is not a regular file (a pipe, a device or a socket)")
    if info.st_size > limit:
        raise LoadError(
            1, 1, "path-unreadable",
            f"{what}: {text} is {info.st_size / 2**20:,.1f} MB; such files are at most {limit / 2**20:g} MB",
        )
    return target
