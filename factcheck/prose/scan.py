"""The text a reader walks: its translated copy, and the small looks around a place (words, spaces, boundaries)."""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck import quantity as q
from factcheck.lazyre import Lazy as _Lazy
from factcheck.prose.mention import Mention
from factcheck.prose.words import PRESS_SIGNS as _PRESS_SIGNS
from factcheck.prose.words import PREV_WORD as _PREV_WORD
from factcheck.prose.words import SPACE as _SPACE
from factcheck.prose.words import TRANSLATE as _TRANSLATE
from factcheck.prose.words import WORD as _WORD

#: the rupee's sign before digits: 'Rs1,774.06', 'Rs.120'
_RUPEES = re.compile(r"(?<![A-Za-z])Rs\.?$")
#: a press sign written onto digits (words.PRESS_SIGNS): 'Sh112.6', 'N145.69', 'RO33.4'
_PRESS_SIGN = _Lazy(r"(?<![A-Za-z])(?:" + "|".join(sorted((re.escape(x) for x in _PRESS_SIGNS if x[-1].isalpha()),
                                                               key=len, reverse=True)) + r")$")
#: two digits and no more: a year written short after an apostrophe
_TWO_DIGITS = _Lazy(r"\d{2}(?!\d|[.,]\d)")
#: digits with a magnitude after them, as a press sign's amount is written
_AMOUNT_WITH_MAG = _Lazy(r"\d[\d,]*(?:\.\d+)?\s?(?:thousand|million|billion|trillion|bn|mn|m|tn|crore|lakh)\b")

#: the longest word ``word_at`` gives whole; the reader looks for none half as long
_WORD_MOST = 32


#: digits after a thousands comma that are no group of three ('1,7045.22'): the number's own digits
_BROKEN_GROUP = re.compile(r"\d{4}|\d{1,2}(?!\d)(?:[.%]|\s*(?:crore|lakh|million|billion))")


class Scan:
    """The text being read, one character for one with the original; the parts of the
    reader (dates, numbers, units) build on it."""

    def __init__(self, text: str) -> None:
        self.orig = text
        t = text
        for c, same in _TRANSLATE:
            if c in t:
                t = t.replace(c, same)
        self.t = t
        low = self.t.lower()
        if len(low) != len(self.t):  # İ lowers to two characters: keep every offset where it is
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.t)
        self.low = low
        #: (start, end) of the figures read as per share: '… per share were $6.13,
        #: against $5.61' reads both
        self.per_share: list[tuple[int, int]] = []
        #: the furthest end among per_share[: k + 1], for each k
        self.per_share_reach: list[int] = []
        #: the value of each per-share figure (a figure far larger is a total, not one more)
        self.per_share_points: list[Fraction] = []
        #: (from, end, end of its last letter) of the last long run of word characters
        self._run = (0, 0, 0)

    # helpers -------------------------------------------------------------------
    def word_at(self, i: int) -> tuple[str, int] | None:
        """The word at ``i`` and where it ends; a word longer than _WORD_MOST is given by its
        first _WORD_MOST characters (and its true end): no word the reader looks for is
        that long, and it only ever compares a word with those."""
        m = _WORD.match(self.t, i, i + _WORD_MOST)
        if not m:
            return None
        if m.end() == i + _WORD_MOST:  # the run of letters, dots and apostrophes may go on
            return self.long_word(i)
        w = m.group().rstrip(".'")
        w = w.removesuffix("'s")
        return w, i + len(w)

    def long_word(self, i: int) -> tuple[str, int]:
        """``word_at`` where the run goes on: its end is found once for all the places in it
        (the reader tries a word at each apostrophe of "a'a'a'…"), and a long word is not
        copied at each of them."""
        start, end, last = self._run
        if not start <= i < end:
            t = self.t
            found = _WORD.match(t, i)
            end = found.end() if found else i + 1  # t[i] is a letter: the pattern matches
            last = end
            while t[last - 1] in ".'":  # rstrip: t[i] is a letter
                last -= 1
            self._run = (i, end, last)
        n = last - i
        if n >= 2 and self.t.startswith("'s", last - 2):  # removesuffix
            n -= 2
        return self.t[i : i + min(n, _WORD_MOST)], i + n

    def first_at(self, words: dict[str, tuple[str, ...]], i: int) -> str | None:
        """The first of ``words`` (by their first character) that the text has at ``i``."""
        for w in words.get(self.t[i : i + 1], ()):
            if self.t.startswith(w, i):
                return w
        return None

    def prev_word(self, i: int) -> str:
        m = _PREV_WORD.search(self.t[max(0, i - 40) : i])
        return m.group(1).lower() if m else ""

    def space(self, i: int) -> int:
        found = _SPACE.match(self.t, i)  # ' *' matches everywhere, if only nothing
        return found.end() if found else i

    def boundary_before(self, i: int) -> bool:
        if i == 0:
            return True
        c = self.t[i - 1]
        if c in ":-s.,":
            joined = self.joined_by(c, i)
            if joined is not None:
                return joined
        if c in "'’" and i > 1 and self.t[i - 2].isalnum() and _TWO_DIGITS.match(self.t, i):
            return False  # Q1’12, FY'19: a year written short, no figure
        if c.isascii() and c.isalpha() and _PRESS_SIGN.search(self.t, max(0, i - 3), i) and _AMOUNT_WITH_MAG.match(self.t, i):
            return True  # 'Sh112.6 billion', 'RO33.4mn': a press sign written onto an amount
        return not (c.isalnum() and c.isascii()) and c not in "._/"

    def joined_by(self, c: str, i: int) -> bool | None:
        """Whether a figure can start at ``i`` after the mark ``c`` that may join it to what
        stands before (a colon, a hyphen, a comma, the rupee's 'Rs'); None when ``c``
        decides nothing here."""
        if c == ":" and i > 1 and self.t[i - 2].isdigit():
            return False  # 10:30
        if c == "-" and i > 1 and self.t[i - 2].isascii() and self.t[i - 2].isalnum():
            return False  # COVID-19, A-1
        if c in "s." and _RUPEES.search(self.t, max(0, i - 4), i):
            return True  # 'Rs1,774.06 crore': the rupee's sign written onto the digits
        if c == "," and i > 1 and self.t[i - 2].isdigit() and _BROKEN_GROUP.match(self.t, i):
            return False  # '1,7045.22': inside a number whose grouping is broken, no number starts
        return None

    def letter_after(self, i: int) -> bool:
        return i < len(self.t) and self.t[i].isascii() and self.t[i].isalpha()

    def mention(
        self,
        start: int,
        end: int,
        kind: str,
        value: q.Value | None = None,
        ends: tuple[Mention, Mention] | None = None,
        when: tuple[int | None, int, int | None] | None = None,
        fraction: bool = False,
    ) -> Mention:
        return Mention(start, end, self.orig[start:end], kind, value, ends, when, fraction)
