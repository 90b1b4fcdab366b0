"""Generate, then judge: which inferred relations are reported, and how.

The finders propose relations generously, each with the other readings the text allows
(``relate.Alt``); here each is checked by the engine (``check``: a claim to its result)
and decided, silent unless certain:

- a relation that holds is reported ``pass`` (one that holds only through its inputs'
  rounding too: a published text computed on unrounded numbers; ``--strict`` makes it
  ``warn``, in the engine);
- one that does not hold is reported ``fail`` only when its figures are bound without
  doubt (``certain``), no other binding holds, no declared convention explains it (the
  opposite sign of a favourable/unfavourable column, points for a per cent), and it does
  not miss by exactly a power of ten (a unit misread: "check the unit", not a failure);
  another binding that holds is reported in its place, as a pass;
- an ``error`` (figures the engine cannot combine) is never reported: it is no claim.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from factcheck.infer.tree import Relation
from factcheck.model import Claim, Result, Status

Check = Callable[[Claim], Result]
Make = Callable[[Relation], Claim | None]


def decide(relations: list[Relation], make: Make, check: Check) -> list[Result]:
    """The results to report, one a stated figure at most, in the order given. Each
    relation comes with the others read for its stated figure (``others``): the first
    that holds is reported; a failure only when none holds and one of them is certain."""
    decided = []
    for rel in relations:
        r = _decide_all((rel, *rel.others), make, check)
        if r is not None:
            decided.append((rel.at.start if rel.at is not None else -1, rel.rule, r))
    # a table's total cell checked twice (a share column's total: of its whole, and as the sum of the shares
    # above it) that one check reproduces is right: the column's failure lies in one of the cells above it,
    # which the table does not name (each has a check of its own)
    held = {at for at, _, r in decided if at >= 0 and r.status is not Status.FAIL}
    return [r for at, rule, r in decided if not (r.status is Status.FAIL and rule == "table-total" and at in held)]


def _decide_all(candidates: tuple[Relation, ...], make: Make, check: Check) -> Result | None:
    failed: Result | None = None
    for rel in candidates:
        verdict, result = _decide(rel, make, check)
        if verdict == "pass":
            return result
        if verdict == "explained":
            return None  # a convention of the text explains the figures: say nothing
        if verdict == "fail" and failed is None:
            failed = result
    return failed


def _decide(rel: Relation, make: Make, check: Check) -> tuple[str, Result | None]:
    """('pass', result), ('fail', result) when certain, ('explained', None) when a
    convention makes the figures agree, ('silent', None) otherwise."""
    claim = make(rel._replace(others=()))
    if claim is None:
        return "silent", None
    first = check(claim)
    if first.status in (Status.PASS, Status.WARN, Status.UNCHECKED):
        return "pass", first
    if first.status is Status.ERROR:
        return "silent", None
    for alt in rel.alts:
        other = make(rel._replace(check=alt.check, stated=alt.stated, alts=(), others=()))
        if other is None:
            continue
        r = check(other)
        if r.status in (Status.PASS, Status.WARN):
            return ("pass", r) if alt.why == "binding" else ("explained", None)
    if not rel.certain or _power_of_ten(first):
        return "silent", None
    return "fail", first


def _power_of_ten(r: Result) -> bool:
    """The computed value is the stated one times a power of ten (a unit misread)."""
    c, s = r.computed, r.stated
    if c is None or s is None or not c.value or not s.value:
        return False
    try:
        ratio = Fraction(c.value) / Fraction(s.value)
    except (ValueError, OverflowError, ZeroDivisionError):
        return False
    ratio = abs(ratio)
    for k in range(1, 13):
        for x in (Fraction(10) ** k, Fraction(1, 10**k)):
            if abs(ratio - x) <= x / 50:
                return True
    return False
