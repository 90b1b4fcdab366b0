"""Unique names, given in turn: a name met again is numbered (``growth``, ``growth-2``,
``growth-3`` …), claim ids and fact names of ``init --draft``, inferred claims' ids, the
test cases of the junit report."""

from __future__ import annotations


class Names:
    """Names made unique as they are given. A name met again is written ``form`` with its
    count from 2 (``{name}-{k}``), skipping any name given already, whatever it was given
    as; each name's next count is kept, so the thousandth of one name costs what the
    first does."""

    def __init__(self, form: str = "{name}-{k}") -> None:
        self.form = form
        self.used: set[str] = set()
        self._next: dict[str, int] = {}

    def __call__(self, name: str) -> str:
        k = self._next.get(name, 1)
        out = name if k == 1 else self.form.format(name=name, k=k)
        while out in self.used:
            k += 1
            out = self.form.format(name=name, k=k)
        self._next[name] = k + 1
        self.used.add(out)
        return out

    def __len__(self) -> int:
        return len(self.used)
