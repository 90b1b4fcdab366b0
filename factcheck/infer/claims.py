"""Inferred relations as claims: the records the engine judges and the reports show.

An inferred claim's id is ``<draft file name>:<line>:<kind>`` (a second relation of
the same kind on a line gets ``-2``), its place is the stated figure's line and column
in the draft, its ``says`` the sentence it was read from, and it carries ``inferred``
(kind, rule, the figures it uses) and the tag ``inferred``.
"""

from __future__ import annotations

import os

from factcheck.draft import Draft
from factcheck.infer.context import Relation
from factcheck.model import COMPARE_ALIASES, Claim, Expr, Inferred, Span
from factcheck.prose import Mention

TAG = "inferred"


def to_claims(relations: list[Relation], draft: Draft) -> list[Claim]:
    """One claim a relation, in the order of the draft."""
    from factcheck.errors import ExprError
    from factcheck.expr import parse

    name = os.path.basename(draft.path)
    used: set[str] = set()
    out = []
    for r in relations:
        assert r.at is not None
        span = draft.span(r.at.start)
        base = f"{name}:{span.line}:{r.kind}"
        cid, k = base, 2
        while cid in used:
            cid, k = f"{base}-{k}", k + 1

        def expr(text: str, at: Span = span) -> Expr:
            # the text is ours, not the draft's: a position inside it is the figure's
            return Expr(text, at, parse(text), False)

        once: dict[tuple[int, int], Mention] = {}  # each figure once, by its place (not its value: hashing is slow)
        for m in r.figures:
            once.setdefault((m.start, m.end), m)
        figures = tuple(once.values())
        try:
            check, stated = expr(r.check), expr(r.stated)
            tolerance = expr(r.tolerance) if r.tolerance else None
        except ExprError:
            continue  # a figure the claims language cannot write (yet): no claim rather than a wrong one
        used.add(cid)
        out.append(
            Claim(
                id=cid,
                span=span,
                says=" ".join(draft.text[r.start : r.end].split()),
                check=check,
                stated=stated,
                compare=COMPARE_ALIASES[r.compare],
                tolerance=tolerance,
                tags=(TAG,),
                inferred=Inferred(
                    kind=r.kind,
                    rule=r.rule,
                    figures=tuple(m.show() for m in figures),
                    starts=tuple(m.start for m in figures),
                    start=r.start,
                    end=r.end,
                    stated_at=r.at.start,
                ),
            )
        )
    return out


def is_written(claim: Claim) -> bool:
    return claim.inferred is None
