"""The starter claims file that `factcheck init` writes (without --draft)."""

from __future__ import annotations

from factcheck.schema import modeline

STARTER = modeline() + """
# A claims file: the figures of one article and what the article says about them.
# Check it with `factcheck verify`; `factcheck functions` lists what `check` can use.
version: 1

article:
  title: The headline of the article
  published: 2025-05-13
  # draft: draft.md          # the article text, relative to this file

settings:
  tolerance: 0%              # extra tolerance for ≈ comparisons
  rounding_only: warn        # a claim that holds only with the inputs' rounding

facts:
  revenue_2023:
    value: 129.073 billion CNY
    source: company results, quarter to December 2023
  revenue_2024: 136.09 billion CNY

claims:
  - id: revenue-growth
    says: revenue rose 5% to 136.09 billion yuan
    check: growth(revenue_2023, revenue_2024)
    stated: 5%
    tags: [results]

  - id: a-sourced-figure
    says: the service passed 10 million orders in 6 days
    source: company statement     # no check: reported as unchecked
"""
