"""The pre-commit hook: given the files a commit stages, check what they bear on.

- a staged claims file is checked;
- a staged draft (``.md``, ``.markdown``, ``.txt``) brings in every claims file of the
  repository whose ``article.draft`` names it, so that a commit that changes only the
  article is checked against its claims;
- a staged draft that no claims file names is checked by inference alone, as
  ``factcheck verify DRAFT.md`` does.

The repository's claims files are those git knows (tracked or staged), else those under
the working folder. Only each file's ``article.draft`` is read, from a YAML event
stream that stops as soon as it is known (``load.yaml_events.article_draft``).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence

from factcheck.engine import discover, is_claims_file, is_draft, path_key
from factcheck.errors import UsageError
from factcheck.load.yaml_events import article_draft


def plan(staged: Sequence[str]) -> list[str]:
    """The paths to check for these staged files: claims files first, then bare drafts."""
    existing = [p for p in staged if os.path.isfile(p)]
    claims = [p for p in existing if is_claims_file(os.path.basename(p))]
    drafts = {path_key(p): p for p in existing if is_draft(p) and not is_claims_file(os.path.basename(p))}
    named = _naming(drafts, claims) if drafts else set()
    out: list[str] = []
    seen: set[str] = set()
    for p in [*claims, *(p for k, p in drafts.items() if k not in named)]:
        if path_key(p) not in seen:
            seen.add(path_key(p))
            out.append(p)
    return out


def _naming(drafts: dict[str, str], claims: list[str]) -> set[str]:
    """The drafts (by key) that a claims file of the repository names as its draft; each
    such claims file is added to ``claims``."""
    named: set[str] = set()
    for path in repository_claims_files():
        draft = article_draft(path)
        if draft is None:
            continue
        key = path_key(os.path.join(os.path.dirname(path), draft))
        if key in drafts:
            named.add(key)
            claims.append(path)
    return named


def repository_claims_files() -> list[str]:
    """Every claims file of the repository around the working folder."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, check=False, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        done = None
    if done is None or done.returncode != 0:
        try:
            return [p for p in discover(["."]) if is_claims_file(os.path.basename(p))]
        except UsageError:  # no claims file under the working folder
            return []
    names = (os.fsdecode(n) for n in done.stdout.split(b"\0") if n)
    return sorted(n for n in names if is_claims_file(os.path.basename(n)) and os.path.isfile(n))
