"""Did you mean: the known word closest to a slip, for the end of an error message."""

from __future__ import annotations

import functools
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or ''. The caller bounds how
    many candidates it offers (see expr.SUGGESTION_WORK)."""
    close = closest(word, tuple(candidates))
    return f" (did you mean '{close}'?)" if close else ""


@functools.lru_cache(maxsize=1024)
def closest(word: str, candidates: tuple[str, ...], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (difflib's ratio at least ``cutoff``), or None."""
    # lazy: difflib only for a slip
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return close[0] if close else None
