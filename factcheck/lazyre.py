"""Regular expressions compiled on first use, shared by the number reader and inference.

A run that reads no draft (or a sentence no rule is tried on) never pays for a pattern
it does not use; a CLI is judged at every start."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


class Lazy:
    """A pattern compiled the first time it is used: the rules' patterns are large, and a
    run that reads no draft (or a sentence no rule is tried on) never pays for them.

    ``needs``: words one of which every match holds (``cjk=True``: a Chinese or full-width
    character); a pattern that ignores case is told by the text lower-cased, so its words
    are given in lower case. A text with none of them is answered at once, with no regex run and, if
    none came before, none compiled: at every start, compiling the patterns a short
    article would never match costs more than reading it.

    Once compiled, a plain pattern's ``match``, ``search`` and ``fullmatch`` are the
    compiled pattern's own (no call through this object at every figure)."""

    #: attributes, not methods: bound to the compiled pattern's own once it is compiled (a
    #: plain pattern), else to the ``needs`` check first, so no call goes through a wrapper
    match: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Any]

    def __init__(self, pattern: str, flags: int = 0, needs: tuple[str, ...] = (), cjk: bool = False) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None
        self.needs, self.cjk = needs, cjk
        self._fold = bool(flags & re.IGNORECASE) or pattern.startswith("(?i)")
        assert all(w == w.lower() for w in needs) or not self._fold, "the words a case-blind pattern needs are lower case"
        if needs or cjk:
            self.match, self.search, self.fullmatch = self._match_if, self._search_if, self._fullmatch_if
        else:
            self.match, self.search, self.fullmatch = self._match, self._search, self._fullmatch
        self.finditer = self._finditer

    def may_match(self, text: str) -> bool:
        """False when ``text`` holds none of the words every match needs."""
        if self.cjk and not has_cjk(text):
            return False
        if not self.needs:
            return True
        if self._fold:
            text = text.lower()
        for w in self.needs:
            if w in text:
                return True
        return False

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compiled = re.compile(*self._args)
            if not (self.needs or self.cjk):
                self.match, self.search, self.fullmatch = compiled.match, compiled.search, compiled.fullmatch
                self.finditer = compiled.finditer
        return self._compiled

    def _match(self, *a: Any) -> re.Match[str] | None:
        return self._get().match(*a)

    def _search(self, *a: Any) -> re.Match[str] | None:
        return self._get().search(*a)

    def _fullmatch(self, *a: Any) -> re.Match[str] | None:
        return self._get().fullmatch(*a)

    def _finditer(self, *a: Any) -> Any:
        return self._get().finditer(*a)

    def sub(self, *a: Any) -> str:
        return self._get().sub(*a)

    def split(self, *a: Any) -> list[Any]:
        return self._get().split(*a)

    def findall(self, *a: Any) -> list[Any]:
        return self._get().findall(*a)

    def _match_if(self, text: str, *a: Any) -> re.Match[str] | None:
        return self._get().match(text, *a) if self.may_match(text) else None

    def _search_if(self, text: str, *a: Any) -> re.Match[str] | None:
        return self._get().search(text, *a) if self.may_match(text) else None

    def _fullmatch_if(self, text: str, *a: Any) -> re.Match[str] | None:
        return self._get().fullmatch(text, *a) if self.may_match(text) else None


def has_cjk(text: str) -> bool:
    """A Chinese (or full-width) character in ``text``: the Chinese patterns are tried, and
    compiled, only where one stands, so an English draft never pays for them. (A regex
    with these ranges costs milliseconds to compile; ASCII text is told at once.)"""
    if text.isascii():
        return False
    top = max(text)  # one pass in C: most texts are told by their highest character
    if top < "\u3000":
        return False
    if top <= "\u9fff" or "\uff00" <= top <= "\uffef":
        return True
    return any("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in text)
