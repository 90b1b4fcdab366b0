"""``factcheck init --draft FILE``: a claims file that starts from the article itself.

Every figure of the draft becomes a fact (its value in the claims language, with the
precision it was written with, and where it stands in the draft); every sentence that
holds figures becomes a sourced claim whose ``says`` is that sentence, so the file
verifies at once (every claim ``unchecked``, every figure covered) and the editor
turns claims into checks one by one.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from factcheck import draft as drafts
from factcheck import quantity as q
from factcheck.draft import Draft, draft_date, first_heading, sentences
from factcheck.errors import UsageError
from factcheck.load.paths import given_option
from factcheck.load.source import display_path
from factcheck.names import Names
from factcheck.prose import Mention, read
from factcheck.prose.mention import year_of
from factcheck.schema import modeline

TODO_SOURCE = "TODO: cite the source of these figures, or give the claim a check and a stated value"


def expression(m: Mention, year: int | None = None, dated: bool = False) -> tuple[str | None, bool, str | None]:
    """The mention in the claims language: (value, exact, note). A day written without
    its year (4月2日, 'April 2') takes ``year`` (from the text before it, or the draft's
    date when ``dated``); with none, its value is None: a day is not a number (it was
    written as "2"), and the claims language has no date without a year."""
    if m.kind == "date":
        assert m.when is not None, "a date has its when"
        y, mo, d = m.when
        if y is not None and d is not None:
            return f"{y:04d}-{mo:02d}-{d:02d}", False, None
        if d is None:
            return str(y), False, f"{m.show()}: the year of a month"
        if year is not None:
            source = "the draft's date" if dated else "the text before it"
            return f"{year:04d}-{mo:02d}-{d:02d}", False, f"{m.show()}: no year in the draft, {year} assumed from {source}"
        return None, False, f"{m.show()}: a day with no year in the draft"
    v = m.value
    assert v is not None
    if m.kind in ("year", "ordinal"):
        return str(v.point.numerator), False, None
    return amount(v)


def amount(v: q.Value) -> tuple[str, bool, str | None]:
    """A value as the claims language writes it, with the digits of its precision."""
    return q.written(v), v.exact, None


def _slug(text: str, limit: int = 32) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return s[:limit].rstrip("_")


def inventory(draft_path: str, claims_path: Path | str, filings: tuple[str, ...] = ()) -> str:
    """The text of a claims file for this draft. With ``filings`` (``--filing``), every
    figure traced to a fact of one of them (``factcheck.trace``) is a fact read from that
    filing, its value the draft's figure, which loading checks against the filing's."""
    d, shown = _draft(draft_path)
    mentions = read(d.text)
    folder = os.path.dirname(os.path.abspath(claims_path))
    traced = _traced(d, mentions, filings, folder)
    relative = Path(os.path.relpath(os.path.abspath(draft_path), folder)).as_posix()

    lines = [
        modeline(),
        f"# Written by `factcheck init --draft {shown}`: every figure of the draft is a fact,",
        "# every relation the draft states (`factcheck rules`) a claim with its check, and every",
        "# other sentence with figures a claim with a TODO source. Give each of those a check",
        "# and a stated value (`factcheck functions` lists what a check can use), or cite its source.",
        "version: 1",
        "",
        "article:",
    ]
    title = first_heading(d.source)
    if title:
        lines.append(f"  title: {json.dumps(title, ensure_ascii=False)}")
    lines += [f"  draft: {json.dumps(relative, ensure_ascii=False)}", ""]

    names, fact_lines = _facts(d, mentions, traced)
    real = any(not line.lstrip().startswith("#") for line in fact_lines)
    lines += ["facts:" if real else "facts: {}", *fact_lines, ""]

    claim_lines, ids, checked = _inferred_claims(d, mentions)
    claim_lines += _sentence_claims(d, names, ids, checked)
    lines += ["claims:" if claim_lines else "claims: []", *claim_lines]
    return "\n".join(lines).rstrip("\n") + "\n"


def _draft(draft_path: str) -> tuple[Draft, str]:
    """The draft of ``--draft`` (a usage error when it cannot be read), and its path as shown."""

    given_option(draft_path, "--draft", file_only=True)
    shown = display_path(draft_path)
    d, problem = drafts.read(draft_path, shown)
    if problem is not None:
        raise UsageError(str(problem.span) + ": " + problem.message)
    assert d is not None
    return d, shown


def _facts(d: Draft, mentions: list[Mention], traced: dict[int, list[str]]) -> tuple[dict[int, list[str]], list[str]]:
    """A fact for every figure (two for a range: its ends): the names of the facts by the
    figure's start, and the lines of the ``facts`` mapping. A day without its year takes
    the year last written before it (not in a heading), else the draft's date's. ``traced``:
    the lines that make a figure's fact one read from a filing, by the figure's start."""

    names: dict[int, list[str]] = {}
    fact_names = Names("{name}_{k}")
    fact_lines: list[str] = []
    when = draft_date(d)
    last_year: int | None = None
    for m in mentions:
        parts = list(m.ends) if m.kind == "range" and m.ends else [m]
        suffixes = ["_from", "_to"] if len(parts) == 2 else [""]
        base = _slug(m.show()) or f"l{d.span(m.start).line}_c{d.span(m.start).col}"
        for part, suffix in zip(parts, suffixes):
            name = fact_names(f"fig_{base}{suffix}")
            year = last_year or (when.year if when else None)
            value, exact, note = expression(part, year, dated=last_year is None)
            where = f"{d.span(m.start)}: {m.show()}"
            fact_lines += _fact_lines(name, part, where, (value, exact, note), traced.get(part.start, []))
            names.setdefault(m.start, []).append(name if value is not None else f"{name} (no year: not a fact yet)")
        if not _in_heading(d.source, d.span(m.start).line):  # '2025' in a headline dates no '4月2日'
            last_year = year_of(m) or last_year
    return names, fact_lines


def _fact_lines(name: str, part: Mention, where: str, written: tuple[str | None, bool, str | None], traced: list[str]) -> list[str]:
    """The lines of one fact (``written``: its value, exact, note; ``traced``: the lines
    that read it from a filing); a day with no year is said in a comment, not written as
    a value it is not."""
    value, exact, note = written
    if value is None:
        assert part.when is not None, "a figure with no value is a day: it has its when"
        mo, day = part.when[1], part.when[2]
        return [(
            f"  # {name}: {where}: a day with no year in the draft: "
            f"to use it, write it as a date, YYYY-{mo:02d}-{day:02d}"
        )]
    lines = [f"  {name}:", *traced, f"    value: {json.dumps(value, ensure_ascii=False)}"]
    if exact:
        lines.append("    exact: true")
    lines.append(f"    note: {json.dumps(where + ('; ' + note if note else ''), ensure_ascii=False)}")
    return lines


def _sentence_claims(d: Draft, names: dict[int, list[str]], ids: Names, checked: set[int]) -> list[str]:
    """A claim with a TODO source for every sentence with figures that no inferred claim
    checks all of: its ``says`` is the sentence."""
    claim_lines: list[str] = []
    starts = sorted(names)
    for n, (a, b) in enumerate(sentences(d.text), 1):
        inside = [name for s in starts if a <= s < b for name in names[s]]
        if not inside or all(s in checked for s in starts if a <= s < b):
            continue  # nothing, or only figures that inferred claims check already
        says = " ".join(d.text[a:b].split())
        words = "-".join(_slug(says).split("_")[:5])
        cid = ids(f"s{n:02d}" + (f"-{words}" if words else ""))
        claim_lines += [
            f"  - id: {cid}",
            f"    says: {json.dumps(says, ensure_ascii=False)}",
            f"    source: {json.dumps(TODO_SOURCE)}",
            f"    note: {json.dumps('figures: ' + ', '.join(inside) + f' ({d.span(a)})', ensure_ascii=False)}",
            "",
        ]
    return claim_lines


def _traced(d: Draft, mentions: list[Mention], filings: tuple[str, ...], folder: str) -> dict[int, list[str]]:
    """The lines that make a figure's fact one read from a filing, by the figure's start:
    for every figure traced to a fact (``verify --filing``)."""
    if not filings:
        return {}
    # lazy: tracing only for init --filing
    from factcheck.filing import FilingError, read_filing
    from factcheck.infer.reading import Reading
    from factcheck.trace import trace

    read = []
    for p in filings:
        given_option(p, "--filing", "file or folder")
        try:
            read.append(read_filing(p))
        except FilingError as e:
            raise UsageError(e.message) from None
    out: dict[int, list[str]] = {}
    for t in trace(Reading(d, mentions), read):
        f = t.fact
        if t.status != "traced" or f is None or t.filing is None:
            continue
        where = Path(os.path.relpath(os.path.abspath(t.filing.path), folder)).as_posix()
        lines = [f"    filing: {json.dumps(where, ensure_ascii=False)}", f"    concept: {json.dumps(f.concept)}",
                 f"    period: {json.dumps(str(f.period))}"]
        if f.dimensions:
            lines += ["    dimensions:", *(f"      {json.dumps(a)}: {json.dumps(m)}" for a, m in f.dimensions)]
        if f.decimals is not None:
            lines.append(f"    decimals: {json.dumps('INF' if f.decimals == float('inf') else int(f.decimals))}")
        out[t.fig.start] = lines
    return out


def _inferred_claims(d: Draft, mentions: list[Mention]) -> tuple[list[str], Names, set[int]]:
    """The relations the draft states (``factcheck rules``), as the judge keeps them, as
    real claims with a check and a stated value: their lines, their ids, and the figures
    they use (by start)."""
    # lazy: the engine only for `init --draft --infer`
    from factcheck.engine import inferred_results
    from factcheck.expr import Evaluator
    from factcheck.model import Document

    lines: list[str] = []
    ids = Names()
    used: set[int] = set()
    for res in inferred_results(d, mentions, Document(d.path), Evaluator({}, q.NO_RATES)):
        c, inf = res.claim, res.claim.inferred
        assert inf is not None and c.check is not None and c.stated is not None
        where = d.span(inf.stated_at)
        cid = ids(f"l{where.line}-{inf.kind}")
        lines += [
            f"  - id: {cid}",
            f"    says: {json.dumps(' '.join(d.text[inf.start : inf.end].split()), ensure_ascii=False)}",
            f"    check: {json.dumps(c.check.text, ensure_ascii=False)}",
            f"    stated: {json.dumps(c.stated.text, ensure_ascii=False)}",
        ]
        if c.compare.value != "≈":
            lines.append(f"    compare: {json.dumps(c.compare.value)}")
        if c.tolerance is not None:
            lines.append(f"    tolerance: {json.dumps(c.tolerance.text)}")
        lines += [f"    note: {json.dumps(f'inferred from the draft ({inf.kind}, rule {inf.rule}) at {where}', ensure_ascii=False)}", ""]
        used.update(inf.starts)
    return lines, ids, used


def _in_heading(source: str, line: int) -> bool:
    """Whether the draft's line (1-based) is a Markdown heading."""
    lines = source.splitlines()
    return 0 < line <= len(lines) and re.match(r"\s{0,3}#{1,6}\s", lines[line - 1]) is not None
