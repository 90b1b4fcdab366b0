"""Inferred relations as claims: the records the engine judges and the reports show.

An inferred claim's id is ``<draft file name>:<line>:<kind>`` (a second relation of
the same kind on a line gets ``-2``), its place is the stated figure's line and column
in the draft, its ``says`` the passage it was read from (cut to a few hundred
characters), its ``check`` and ``stated`` the relation's trees over the draft's figures
(written back in the claims language for the reports), and it carries ``inferred``
(kind, rule, the figures it uses) and the tag ``inferred``.
"""

from __future__ import annotations

import os

from factcheck.draft import Draft
from factcheck.expr import parse
from factcheck.expr.tree import Node
from factcheck.infer.tree import Relation, placed
from factcheck.model import COMPARE_ALIASES, Claim, Expr, Inferred
from factcheck.names import Names
from factcheck.prose import Mention

TAG = "inferred"
#: the most of a passage a claim's ``says`` quotes (a table or a long sentence is cut)
SAYS = 300


class Ids:
    """Claim ids of one draft: ``name:line:kind``, then ``-2``, ``-3`` … in constant time."""

    def __init__(self, draft: Draft) -> None:
        self.name = os.path.basename(draft.path)
        self.names = Names()

    def __call__(self, line: int, kind: str) -> str:
        return self.names(f"{self.name}:{line}:{kind}")


def claim(r: Relation, draft: Draft, cid: str) -> Claim:
    """The claim of one relation (``cid``: its id)."""
    assert r.at is not None
    span = draft.span(r.at.start)

    def expr(node: Node) -> Expr:
        text, tree = placed(node)
        return Expr(text, span, tree, False)

    once: dict[tuple[int, int], Mention] = {}  # each figure once, by its place
    for m in r.figures:
        once.setdefault((m.start, m.end), m)
    figures = tuple(once.values())
    return Claim(
        id=cid,
        span=span,
        says=_says(draft.text, r.start, r.end),
        check=expr(r.check),
        stated=expr(r.stated),
        compare=COMPARE_ALIASES[r.compare],
        tolerance=Expr(r.tolerance, span, parse(r.tolerance), False) if r.tolerance else None,
        tags=(TAG,),
        inferred=Inferred(
            kind=r.kind,
            rule=r.rule,
            figures=tuple(" ".join(draft.text[m.start : m.end].split()) for m in figures),
            starts=tuple(m.start for m in figures),
            start=r.start,
            end=r.end,
            stated_at=r.at.start,
        ),
    )


def to_claims(relations: list[Relation], draft: Draft) -> list[Claim]:
    """One claim a relation, in the order given, with their ids."""
    ids = Ids(draft)
    return [claim(r, draft, ids(draft.span(r.at.start).line, r.kind)) for r in relations if r.at is not None]


def _says(text: str, a: int, b: int) -> str:
    """The passage, its runs of whitespace as one space, cut to ``SAYS`` characters."""
    words = " ".join(text[a : min(b, a + SAYS * 2)].split())
    return words if len(words) <= SAYS else words[: SAYS - 1].rstrip() + "…"
