"""The pre-commit hook: given the files a commit stages, check what they bear on.

- a staged claims file is checked;
- a staged draft (``.md``, ``.markdown``, ``.txt``) brings in every claims file of the
  repository whose ``article.draft`` names it, so that a commit that changes only the
  article is checked against its claims;
- a staged draft that no claims file names is checked by inference alone, as
  ``factcheck verify DRAFT.md`` does.

The repository's claims files are those git knows (tracked or staged), else those under
the working folder. Only each file's ``article.draft`` is read, from a YAML event
stream that stops as soon as it is known.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence

from factcheck.engine import discover, is_claims_file, is_draft
from factcheck.errors import UsageError

#: a claims file larger than this is not searched for its draft: the claims files'
#: limit (paths.LIMITS), past which it could not be checked either
MAX_SEARCHED = 32 * 1024 * 1024


def plan(staged: Sequence[str]) -> list[str]:
    """The paths to check for these staged files: claims files first, then bare drafts."""
    existing = [p for p in staged if os.path.isfile(p)]
    claims = [p for p in existing if is_claims_file(os.path.basename(p))]
    drafts = {_key(p): p for p in existing if is_draft(p) and not is_claims_file(os.path.basename(p))}
    named: set[str] = set()
    if drafts:
        for path in repository_claims_files():
            draft = article_draft(path)
            if draft is None:
                continue
            key = _key(os.path.join(os.path.dirname(path), draft))
            if key in drafts:
                named.add(key)
                claims.append(path)
    out: list[str] = []
    seen: set[str] = set()
    for p in [*claims, *(p for k, p in drafts.items() if k not in named)]:
        if _key(p) not in seen:
            seen.add(_key(p))
            out.append(p)
    return out


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


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
            return discover(["."])
        except UsageError:  # no claims file under the working folder
            return []
    names = (os.fsdecode(n) for n in done.stdout.split(b"\0") if n)
    return sorted(n for n in names if is_claims_file(os.path.basename(n)) and os.path.isfile(n))


def article_draft(path: str) -> str | None:
    """``article.draft`` of a claims file, or None (none, or a file that cannot be read:
    it is reported when it is itself checked). A claims file that a link leads out of
    the repository is not read (nor a pipe, nor one past the claims files' limit)."""
    import yaml

    from factcheck.errors import LoadError
    from factcheck.load.paths import OutsideRoot, given, read_file

    try:
        given(path, "claims file")
        data = read_file(path, MAX_SEARCHED, "claims files")
        return _draft_of(yaml.parse(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except (OutsideRoot, LoadError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _draft_of(events: Iterable[object]) -> str | None:
    """The scalar at ``article`` → ``draft`` of the top mapping, from YAML events; stops
    once the ``article`` mapping has ended."""
    import yaml

    stack: list[list] = []  # per open collection: [is_mapping, expecting_key, current_key]
    for ev in events:
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([isinstance(ev, yaml.MappingStartEvent), True, None])
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            if len(stack) == 1 and stack[0][2] == "article":
                return None  # the article mapping ended with no draft
            if stack and stack[-1][0]:
                stack[-1][1] = True  # a collection was the value: a key comes next
        elif isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent)) and stack and stack[-1][0]:
            top = stack[-1]
            if top[1]:
                top[1], top[2] = False, getattr(ev, "value", None)
                continue
            if len(stack) == 2 and stack[0][0] and stack[0][2] == "article" and top[2] == "draft":
                value = getattr(ev, "value", None)
                return value or None
            top[1] = True
    return None
