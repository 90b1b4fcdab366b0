"""``factcheck facts FILING``: a filing's facts as a table, or as fact entries to paste
into a claims file. Returns text; the command line prints it.

Every string of a filing is untrusted (a pull request can add one), and this text goes
to a terminal or a CI log: in the table each cell is escaped for a terminal line and
each line for a log (``reporters.escape.for_log_line``: controls, bidi overrides and
line breaks as ``\\uXXXX``, never a workflow command); in the YAML each value is a
scalar quoted with YAML's own escapes, and the heading a comment of one line."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import NamedTuple

from factcheck.errors import FactcheckError, UsageError
from factcheck.filing.model import INF, Fact, Period
from factcheck.filing.notation import written
from factcheck.filing.reader import read_filing
from factcheck.filing.select import Filing
from factcheck.load.paths import OutsideRoot, given
from factcheck.reporters.escape import for_json, for_log_line, for_terminal_line

#: problems of a filing told on stderr before the rest are counted
MAX_WARNINGS = 20


class Listing(NamedTuple):
    """What ``factcheck facts`` prints: ``text`` on stdout; ``note`` (on stderr, exit 1)
    when no fact matches."""

    text: str
    shown: int
    note: str | None = None
    #: what is wrong in the filing without stopping it (facts left out), for stderr
    warnings: tuple[str, ...] = ()


def facts_listing(
    path: str,
    concept: str | None = None,
    period: str | None = None,
    as_yaml: bool = False,
    output: str | None = None,
    for_file: str | None = None,
) -> Listing:
    """Read the filing and list its numeric facts (text facts too when ``concept`` is
    given), one line each, or as YAML fact entries whose ``filing:`` is relative to the
    folder of ``for_file`` (the claims or facts file they go into: ``--for``, which
    implies YAML), else of ``output`` (the file they will be written to), else to the
    working folder. Raises FilingError (the filing) or UsageError (a ``period`` that is
    not a date or START/END)."""
    as_yaml = as_yaml or for_file is not None
    want = _wanted_period(period)
    try:  # not through a link in the repository that leads out of it
        given(path, "filing")
    except OutsideRoot as e:
        raise UsageError(e.message) from None
    filing = read_filing(path)
    facts = list(select(filing, concept, want, text_too=concept is not None and not as_yaml))
    warned = _warnings(path, filing)
    head = _heading(filing)
    if not facts:
        what = " and ".join(
            w for w in (concept and f"--concept {concept!r}", period and f"--period {period}") if w
        )
        numeric = sum(1 for f in filing.facts if f.numeric)
        return Listing("", 0, f"{path}: no fact matches {what or 'at all'} ({numeric:,} numeric facts in the filing)", warned)
    if as_yaml:
        into = for_file if for_file is not None else output
        base = os.path.dirname(os.path.abspath(into)) if into else None
        return Listing(yaml_entries(filing, facts, head, base), len(facts), None, warned)
    return Listing(table(filing, facts, head), len(facts), None, warned)


def _wanted_period(period: str | None) -> Period | None:
    """``--period`` read (a date or START/END); a UsageError when it is neither."""
    # lazy: as the module's other errors (the listing is loaded only for `factcheck facts`)
    from factcheck.errors import UsageError

    if period is None:
        return None
    try:
        return Period.parse(period)
    except ValueError as e:
        raise UsageError(f"--period: {e}") from None


def _warnings(path: str, filing: Filing) -> tuple[str, ...]:
    """The filing's problems as warnings, the first MAX_WARNINGS of them and how many more."""
    warned = tuple(f"{path}: {p}" for p in filing.problems[:MAX_WARNINGS])
    if len(filing.problems) > MAX_WARNINGS:
        warned += (f"{path}: and {len(filing.problems) - MAX_WARNINGS:,} more problems",)
    return warned


def select(filing: Filing, concept: str | None, period: Period | None, text_too: bool = False) -> Iterable[Fact]:
    """The facts to list, in file order, each once: a fact the filing repeats (the same
    concept, period, dimensions, unit and value, as in the statements and the notes) is
    listed where it first appears. A date filters on where periods end: an instant on
    that day, or a duration ending on it."""
    needle = concept.lower() if concept else None
    seen: set[tuple[object, ...]] = set()
    for f in filing.facts:
        if not f.numeric and not (text_too and f.text is not None and len(f.text) <= 200):
            continue
        if needle is not None and needle not in f.concept.lower():
            continue
        if period is not None:
            if period.instant:
                if f.period.end != period.end:
                    continue
            elif f.period != period:
                continue
        key = (f.concept, f.period, f.dimensions, f.unit, f.value, f.decimals, f.nil, f.text)
        if key in seen:
            continue
        seen.add(key)
        yield f


def _heading(filing: Filing) -> str:
    kind = "Inline XBRL" if filing.kind == "ixbrl" else "XBRL instance"
    what = filing.document_type or "filing"
    about = f", {what} for {filing.period}" if filing.period else ""
    if filing.period and filing.period_source and filing.period_source != "dei:DocumentPeriodEndDate":
        about += f" (its period from {filing.period_source})"
    if filing.year_to_date:
        about += f", year to date {filing.year_to_date}"
    if filing.period_end and (filing.period is None or filing.period.end != filing.period_end):
        about += f" (period end {filing.period_end})"
    return f"{filing.path}: {kind}{about}"


def _decimals(f: Fact) -> str:
    if f.decimals is None:
        return ""
    return "INF" if f.decimals == INF else str(f.decimals)


def _dims(f: Fact) -> str:
    return ", ".join(f"{a}={m}" for a, m in f.dimensions)


def table(filing: Filing, facts: list[Fact], head: str) -> str:
    """One fact a line: concept, period, value (with its unit), decimals, line, dimensions."""
    rows = [  # every cell, the document's name in a package (``file:line``) too: an entry's name is the filing's
        tuple(map(for_terminal_line, (f.concept, str(f.period), _shown(f), _decimals(f), _line(f), _dims(f))))
        for f in facts
    ]
    header = ("concept", "period", "value", "decimals", "line", "dimensions")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    out = [f"{head}; {len(facts):,} fact{'' if len(facts) == 1 else 's'} shown", ""]
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].ljust(widths[2]), r[3].rjust(widths[3]), r[4].rjust(widths[4]), r[5]]
        out.append("  ".join(cells).rstrip())
    return "\n".join(map(for_log_line, out)) + "\n"


def _line(f: Fact) -> str:
    """The fact's line, and its document's name in a filing of several (``a.htm:12``)."""
    return f"{f.file}:{f.line}" if f.file else str(f.line)


def _shown(f: Fact) -> str:
    text = written(f)
    return text if len(text) <= 60 else text[:57] + "..."


# --------------------------------------------------------------------------- YAML

def yaml_entries(filing: Filing, facts: list[Fact], head: str, base: str | None = None) -> str:
    """A facts file (``version: 1``, to include or paste into a claims file) whose every
    entry loads back to its fact's own value, unit and interval, by construction: the
    entry names the filing (relative to ``base``, the folder of the file the entries go
    into or are written to, as a claims or facts file reads it; else to the working
    folder, and a comment says so), the concept, the period, the dimensions, the
    ``decimals`` (and the unit, where the filing gives the same fact in several), which
    pick out that one fact; the value as the claims language writes it is added for
    reading, and only when it reads back as the filing's (else it is a comment). Every
    value is a scalar with YAML's own escapes (``_scalar``) and every comment one line
    for a log (``for_log_line``): a filing's strings never act on a terminal or a CI log."""
    where = _relative(filing.path, base)
    out = [f"# {for_log_line(head)}"]
    if base is None:
        out.append("# " + for_log_line(
            "filing: is relative to the working folder; `--for CLAIMS_FILE` writes it relative to that file"
        ))
    out += ["version: 1", "facts:"]
    names: set[str] = set()
    skipped = 0
    units: dict[tuple[object, ...], set[str]] = {}
    for f in facts:
        units.setdefault((f.concept, f.period, f.dimensions), set()).add(f.unit.text if f.unit else "")
    for f in facts:
        if f.value is None or f.unit is None:
            skipped += 1
            continue
        name = _unique(fact_name(f), names)
        out.append(f"  {name}:")
        out.append(f"    filing: {_scalar(where)}")
        out.append(f"    concept: {_scalar(f.concept)}")
        out.append(f"    period: {_scalar(str(f.period))}")
        if f.dimensions:
            out.append("    dimensions:")
            out.extend(f"      {_scalar(a)}: {_scalar(m)}" for a, m in f.dimensions)
        if f.decimals is not None:
            out.append(f"    decimals: {_decimals(f)}")
        if len(units[(f.concept, f.period, f.dimensions)]) > 1:
            out.append(f"    unit: {_scalar(f.unit.text)}")
        text = written(f)
        if reads_back(text, f):
            out.append(f"    value: {_scalar(text)}")
        else:
            # a comment: the figure with the unit as the filing names it, escaped as the heading is
            out.append(f"    # value: {for_log_line(text)} (the claims language cannot write it; the filing gives it)")
    if skipped:
        out.append(f"# {skipped} fact{'s' if skipped != 1 else ''} without a value (nil or unreadable) left out")
    return "\n".join(out) + "\n"


def reads_back(text: str, fact: Fact) -> bool:
    """Whether ``text``, read by the claims language, is the fact's figure: its unit, and
    an interval that holds the filing's value (what loading a facts file checks)."""
    # lazy: the claims language only for the listing as fact entries
    from factcheck.expr import Evaluator
    from factcheck.expr.parser import parse
    from factcheck.load.filings import value_of
    from factcheck.quantity import Value

    try:
        want = value_of(fact)
        got = Evaluator({}).eval(parse(text))
    except (FactcheckError, ValueError, ArithmeticError):
        return False
    return isinstance(got, Value) and got.unit is want.unit and got.iv.contains(want.point)


def _relative(path: str, base: str | None = None) -> str:
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive (Windows)
        return path
    return rel.replace(os.sep, "/")


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake(text: str) -> str:
    """``NetIncomeLoss`` -> ``net_income_loss``; anything but letters and digits -> ``_``."""
    words = _CAMEL.sub("_", text).lower()
    return re.sub(r"[^a-z0-9]+", "_", words).strip("_")


def fact_name(f: Fact) -> str:
    """``net_income_loss_2023``; a breakdown adds its members: ``..._service_2023``."""
    parts = [snake(f.concept.rpartition(":")[2])]
    for _, member in f.dimensions:
        local = member.rpartition(":")[2]
        parts.append(snake(local[:-6] if local.endswith("Member") and len(local) > 6 else local))
    if f.period.end is not None:
        parts.append(str(f.period.end.year))
    name = "_".join(p for p in parts if p)
    return name if re.match(r"[a-z_]", name) else "_" + name


def _unique(name: str, names: set[str]) -> str:
    out, n = name, 2
    while out in names:
        out, n = f"{name}_{n}", n + 1
    names.add(out)
    return out


_PLAIN = re.compile(r"[A-Za-z0-9_./(][A-Za-z0-9_./:,()+ -]*\Z")
#: what YAML cannot hold raw (it is not printable to YAML)
_NOT_PRINTABLE = re.compile("[\ufffe\uffff]")


def _scalar(text: str) -> str:
    """A YAML scalar: plain when nothing in it means something to YAML, else quoted
    with JSON's escapes (YAML's too): line breaks, controls, bidi and zero-width
    characters as ``\\uXXXX``, and ``##[`` (a CI log's legacy command) as ``#\\u0023[``,
    so that the entry pasted into a claims file reads back as the filing's string."""
    if _PLAIN.match(text) and not text.endswith(" ") and ": " not in text and " #" not in text:
        return text

    quoted = for_json(json.dumps(text, ensure_ascii=False)).replace("##[", "#\\u0023[")
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
