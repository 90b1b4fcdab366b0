"""Reading the figures of financial prose, with the semantics of the claims language.

``read(text)`` finds every figure an editor would check and gives each as a
``Mention``: where it stands, its kind (``number``, ``range``, ``ordinal``, ``date``,
``year``) and its value as a ``factcheck.quantity.Value`` (units, magnitude and the
interval its digits stand for, exactly as ``literal()`` gives them to the claims
language): "RMB 136.09 billion" is 136.09 × 10⁹ CNY, standing for 136.085 to 136.095
billion; "3800亿元" is 3800 × 10⁸ CNY; "5 per cent" is 5%, standing for 4.5% to 5.5%.

Choices, where prose is looser than the claims language:

- Numbers written in words read like their digits: "six days" is "6 days" (5.5 to
  6.5 days), "two and a half years" is "2.5 years". Fractions ("half", "a third",
  "two thirds of") are exact.
- A four-digit whole number from 1800 to 2099 with no unit is a ``year`` (exact);
  ordinals ("21st", "twentieth", "第21届") and dates ("May 10th", "10 May 2025",
  "December 2024", "2025年5月10日") are exact. A date keeps only what is written:
  "February 24" has no year.
- "2013 to 2014", "1997-98", "three to five years", "5-7%" and "between 2 and 3
  billion" are ranges; "from 80% to 70%" and "rose 5% to 136.09 billion" are two
  figures (a change, not a range).
- Words that are figures only sometimes are left alone: "one" without a unit
  ("one of the"), "first" and "second", "half" in "first half", "a quarter" unless
  "a quarter of".
- A plain word after a number is a count, as in the claims language ("10 million
  orders"), when it looks like a noun: after a magnitude, or a plural that is not a
  common function word.

Our own code rather than a library: quantulum3, number-parser and text2num were
tried. None reads Chinese figures, dates or ordinals as such, number-parser and
text2num rewrite "380 billion" as "380 1000000000" (the magnitude and the precision
are lost), quantulum3 returns floats and reads "¥380bn" as "yuan barn newton".

The parts: ``words`` (the tables and patterns), ``mention`` (what a figure is read as),
``scan`` (the text walked), ``dates``, ``numbers``, ``units`` (what follows a number)
and ``reader`` (the loop and the whole figure: quantities, ranges).
"""

from __future__ import annotations

from factcheck.prose.mention import KINDS, Mention, precision
from factcheck.prose.reader import read
from factcheck.prose.words import MAX_DIGITS

__all__ = ["KINDS", "MAX_DIGITS", "Mention", "precision", "read"]
