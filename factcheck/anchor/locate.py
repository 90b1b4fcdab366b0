"""Locating a claim's words in the draft: the draft folded, its words found, the closest passage within a budget."""

from __future__ import annotations

from array import array
from functools import cached_property

from factcheck.draft import Draft, normalize, plain
from factcheck.prose import Mention, read

_FIGURE = "\x00"  # what a figure folds to when only the words are compared


def _masked(text: str, mentions: list[Mention]) -> tuple[str, list[int]]:
    """The text with each figure replaced by one placeholder, and the way back."""
    chars: list[str] = []
    index: list[int] = []
    i = 0
    for m in mentions:
        chars += text[i : m.start]
        index += range(i, m.start)
        chars.append(_FIGURE)
        index.append(m.start)
        i = m.end
    chars += text[i:]
    index += range(i, len(text))
    return "".join(chars), index


class Folded:
    """The draft's reading text folded for matching, with the way back to the text."""

    def __init__(self, draft: Draft, mentions: list[Mention], budget: Budget | None = None) -> None:
        self.draft = draft
        self._mentions = mentions
        #: the run's budget for ``closest`` (``Run.budget(Budget)``); one of its own unless given
        self.budget = Budget() if budget is None else budget
        self._words: list[str] | None = None  # for closest(), made on first use
        self._starts: list[int] = []

    # The draft is folded on first use: a run with no `says` to find (a draft checked by
    # inference alone, with no claims file) never pays for folding a long draft twice.

    @cached_property
    def _plain(self) -> tuple[str, array[int]]:
        return normalize(self.draft.text)

    @cached_property
    def _masking(self) -> tuple[str, list[int], dict[int, int]]:
        masked, back = _masked(self.draft.text, self._mentions)
        folded, index = normalize(masked)
        return folded, [back[i] for i in index], {m.start: m.end for m in self._mentions}

    @property
    def text(self) -> str:
        return self._plain[0]

    @property
    def index(self) -> array[int]:
        return self._plain[1]

    @property
    def masked(self) -> str:
        return self._masking[0]

    @property
    def masked_index(self) -> list[int]:
        return self._masking[1]

    @property
    def masked_ends(self) -> dict[int, int]:
        return self._masking[2]

    def find_words(self, says: str) -> tuple[int, int, list[Mention]] | None:
        """Where ``says`` stands with its figures changed: the words alike, the figures
        not. (start, end, the figures of ``says``), or None."""
        text = plain(says)
        own = read(text)
        if not own:
            return None
        needle, _ = normalize(_masked(text, own)[0])
        i = self.masked.find(needle)
        if i < 0:
            return None
        a = self.masked_index[i]
        last = self.masked_index[i + len(needle) - 1]
        b = self.masked_ends.get(last, last + 1) if needle.endswith(_FIGURE) else last + 1
        return a, b, own

    def find(self, says: str, markdown: bool = True) -> tuple[int, int] | None:
        """(start, end) of ``says`` in the draft's reading text, or None."""
        needle, _ = normalize(plain(says) if markdown else says)
        if not needle:
            return None
        i = self.text.find(needle)
        if i < 0:
            return None
        return self.index[i], self.index[i + len(needle) - 1] + 1

    def closest(self, says: str) -> tuple[int, int, float] | None:
        """The passage most like ``says``: (start, end, similarity 0..1)."""
        needle, _ = normalize(plain(says))
        needle = needle[:CLOSEST_CHARS].rstrip()  # a 1,000-word `says` is compared by its start
        words = needle.split(" ")
        budget = self.budget
        if not needle or not self.text or budget.comparisons <= 0:
            return None
        if self._words is None:
            self._words = [_key(w) for w in self.text.split(" ")]
            self._starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == " "]
        keys = self._words
        if budget.words < len(keys):
            budget.comparisons = 0  # spent: the claims left are told so
            return None
        budget.words -= len(keys)
        # a first pass by shared words (not the little ones every passage has) picks
        # where to look; difflib then measures
        ratio, a, b = self._most_alike(needle, len(words), _likely_starts(words, keys))
        if ratio < 0:
            return None
        return self.index[a], self.index[max(b - 1, a)] + 1, ratio

    def _most_alike(self, needle: str, k: int, likely: list[int]) -> tuple[float, int, int]:
        """Of passages of about ``k`` words starting at the ``likely`` words, the most like
        ``needle`` by difflib: (ratio, start, end) in the reading text; ratio -1 when none
        was measured."""
        # lazy: difflib only for the closest-passage search
        import difflib

        budget = self.budget
        keys, starts = self._words or [], self._starts
        best: tuple[float, int, int] = (-1.0, 0, 0)
        for s in likely:
            # a few widths around the length of `says`, none running past the end
            for width in sorted({min(w, len(keys) - s) for w in range(max(1, k - 3), k + 4)}):
                a = starts[s]
                b = starts[s + width] - 1 if s + width < len(starts) else len(self.text)
                matcher = difflib.SequenceMatcher(None, needle, self.text[a:b], autojunk=False)
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue  # cannot beat the best: its exact measure is not needed
                if budget.comparisons <= 0:
                    break
                budget.comparisons -= 1
                ratio = matcher.ratio()
                if ratio > best[0]:
                    best = (ratio, a, b)
        return best


def _likely_starts(words: list[str], keys: list[str]) -> list[int]:
    """The 24 words of the text (their indexes) that start the runs of ``len(words)`` words
    sharing most of ``words``, best first (the first on a tie)."""
    # lazy: only for the closest-passage search
    import heapq

    k = len(words)
    wanted = {_key(w) for w in words} - {""}
    hits = [1 if w in wanted else 0 for w in keys]
    scores, run = [], sum(hits[:k])
    for s in range(len(keys)):
        scores.append((run, -s))
        run += (hits[s + k] if s + k < len(hits) else 0) - hits[s]
    return [-neg for _, neg in heapq.nlargest(24, scores)]


#: the most characters of a `says` the closest-passage search compares
CLOSEST_CHARS = 200
#: exact comparisons (difflib's ratio) the closest-passage search makes in one run
CLOSEST_COMPARISONS = 500
#: words of the draft the search scans in one run (a 2 MB draft is about 350,000)
CLOSEST_WORDS = 2_000_000


class Budget:
    """What is left of a run's closest-passage search: each run has its own (``Run.budget``)."""

    def __init__(self) -> None:
        self.comparisons = CLOSEST_COMPARISONS
        self.words = CLOSEST_WORDS


_LITTLE = set("a an and as at by for from in into is it its of on or the to was were with".split())


def _key(word: str) -> str:
    """A word as the search for the closest passage counts it: no punctuation, no little words."""
    w = word.strip(".,;:!?()[]\"'")
    return "" if w in _LITTLE or len(w) < 2 else w

