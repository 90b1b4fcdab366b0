"""Claims inferred from a draft: the relations its own sentences and tables state.

statcheck reads a paper's reported statistics and recomputes them; this reads a
financial draft's arithmetic — "revenue rose 8% to 167.2 billion yuan, from 154.6
billion", "the rest, 15%", a table's Total row — and gives each relation as a claim
(``check`` and ``stated`` in the claims language) that the engine judges like any
written claim. The figures are the number reader's (``factcheck.prose``); the rules
(``rules``, ``elapsed``, ``tables``) read only what the words mark, one sentence or
one table at a time, and say nothing when a role is ambiguous.

``infer(draft, year)`` gives the relations in the order of the draft; ``draft_date``
(``factcheck.draft``'s) reads the date of a draft's YAML front matter.
"""

from __future__ import annotations

from datetime import date

from factcheck.draft import Draft, draft_date, from_text
from factcheck.infer.tree import Relation, show
from factcheck.prose import Mention, read

__all__ = ["Relation", "draft_date", "infer"]

#: relations read from one draft: past this a draft is not an article (a 2 MB draft
#: of figures gives a few thousand)
MAX_RELATIONS = 10_000


def infer(draft: Draft, year: int | date | None = None, mentions: list[Mention] | None = None) -> list[Relation]:
    """The relations the draft states, in the order of the draft, one a stated figure.
    ``year``: the draft's date (or year), for "this year" and "next month". ``mentions``:
    the draft's figures when they are read already (anchoring reads them too: one number
    reader, one pass)."""
    # lazy: the finders only when a draft is read (claims.py and judge.py import this package)
    from factcheck.infer.kinds import find
    from factcheck.infer.reading import Reading

    month = year.month if isinstance(year, date) else None
    year = year.year if isinstance(year, date) else year
    if mentions is None:
        mentions = read(draft.text)
    return _unique(find(Reading(draft, mentions, year, month)))[:MAX_RELATIONS]


def _unique(found: list[Relation]) -> list[Relation]:
    """One relation a stated figure, in the order of the draft: the first found, with the
    others read for the same figure kept as its other readings (``Relation.others``); a
    whole is the stated figure of each list of its parts."""
    first: dict[tuple[int, tuple[int, ...], bool], Relation] = {}
    rest: dict[tuple[int, tuple[int, ...], bool], list[Relation]] = {}
    for r in _once(found):
        # a whole is checked once by each list of its parts (城镇 + 乡村, 商品零售 + 餐饮收入); a table's total
        # share is both a share and the sum of the shares above it
        key = (r.at.start if r.at is not None else -1,
               tuple(sorted(f.start for f in r.figures)) if r.rule == "parts" or r.kind == "sum" else (), r.kind == "total")
        if key in first:
            rest.setdefault(key, []).append(r)
        else:
            first[key] = r
    out = [r._replace(others=tuple(rest[k])) if k in rest else r for k, r in first.items()]
    return sorted(out, key=lambda r: (r.at.start if r.at else 0))


def _once(found: list[Relation]) -> list[Relation]:
    """Each check once, where two finders read it (a list after 其中 and the identity 进出口 =
    出口 + 进口): in the place of the first, the one bound without doubt if either is."""
    best: dict[tuple[int, str, tuple[int, ...]], Relation] = {}
    for r in found:
        same = (r.at.start if r.at is not None else -1, r.kind, tuple(sorted(f.start for f in r.figures)))
        if same not in best or r.certain and not best[same].certain:
            best[same] = r
    return list(best.values())


def claim_text(r: Relation) -> str:
    """A relation as one line: 'growth(154.6 billion CNY, 167.2 billion CNY) ≈ 8%'."""
    text = f"{show(r.check)} {r.compare} {show(r.stated)}"
    return text + (f" (tolerance {r.tolerance})" if r.tolerance else "")


def read_example(text: str, year: int | None = 2025) -> list[Relation]:
    """The relations of a rule's example (read as a Markdown draft), each stated figure's
    first relation and then the others read for it."""
    out = []
    for r in infer(from_text(text, "<example>"), year):
        out += [r._replace(others=()), *r.others]
    return out


def rules_text() -> str:
    """``factcheck rules``: every kind of relation, every finder with its documentation and
    its examples (each with the claim it gives as the reader reads it now), and the words of
    approximation of each language."""
    # lazy: the finders only when a draft is read (claims.py and judge.py import this package)
    from factcheck.infer.kinds import FINDERS, KINDS
    from factcheck.infer.lang import cues

    out = [
        "Inference: the relations `factcheck verify DRAFT.md` reads from a draft, each checked",
        "like a written claim, and reported only when certain (a failure needs its figures bound",
        "without doubt and no other reading of the text that holds).",
        "",
        "Kinds of relation:",
        *(f"  {k.name:<11}{k.checks:<34}{k.doc}" for k in KINDS),
        "",
    ]
    for f in FINDERS:
        out += [f"{f.name}", *("  " + line for line in _wrap(f.doc))]
        for text, gives in f.examples:
            found = [claim_text(x) for x in read_example(text)]
            example = text.replace("\n", "\n      ")
            out += [f"  e.g. {example}", f"  gives: {gives if gives in found else (found[0] if found else '(nothing)')}"]
        out.append("")
    out += ["Approximation words (before the stated figure):"]
    for key, compare in (("about", "≈ with tolerance 5%"), ("over", ">"), ("at_least", ">="), ("nearly", "<="),
                         ("under", "<")):
        words = [w for lang in ("en", "zh") for w in cues(lang).table[key]["words"]]
        out += _wrap(f"  {compare}: {', '.join(str(w) for w in words)}")
    out += ["  a bare figure: its precision only", ""]
    return "\n".join(out)


def _wrap(text: str, width: int = 86) -> list[str]:
    # lazy: only `factcheck rules` wraps text
    import textwrap

    return textwrap.wrap(" ".join(text.split()), width) or [""]
