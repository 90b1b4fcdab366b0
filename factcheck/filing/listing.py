"""``factcheck facts FILING``: a filing's facts as a table, or as fact entries to paste
into a claims file. Returns text; the command line prints it."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import NamedTuple

from factcheck.filing.model import INF, Fact, Filing, Period
from factcheck.filing.notation import written


class Listing(NamedTuple):
    """What ``factcheck facts`` prints: ``text`` on stdout; ``note`` (on stderr, exit 1)
    when no fact matches."""

    text: str
    shown: int
    note: str | None = None


def facts_listing(
    path: str, concept: str | None = None, period: str | None = None, as_yaml: bool = False, for_file: str | None = None
) -> Listing:
    """Read the filing and list its numeric facts (text facts too when ``concept`` is
    given), one line each, or as YAML fact entries whose ``filing:`` is relative to
    ``for_file`` (the claims or facts file they go into), else to the working folder.
    Raises FilingError (the filing) or UsageError (a ``period`` that is not a date or START/END)."""
    from factcheck.errors import UsageError
    from factcheck.filing.reader import read_filing

    want: Period | None = None
    if period is not None:
        try:
            want = Period.parse(period)
        except ValueError as e:
            raise UsageError(f"--period: {e}") from None
    filing = read_filing(path)
    facts = list(select(filing, concept, want, text_too=concept is not None and not as_yaml))
    head = _heading(filing)
    if not facts:
        what = " and ".join(
            w for w in (concept and f"--concept {concept!r}", period and f"--period {period}") if w
        )
        numeric = sum(1 for f in filing.facts if f.numeric)
        return Listing("", 0, f"{path}: no fact matches {what or 'at all'} ({numeric:,} numeric facts in the filing)")
    if as_yaml or for_file is not None:
        return Listing(yaml_entries(filing, facts, head, for_file), len(facts))
    return Listing(table(filing, facts, head), len(facts))


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
    rows = [(f.concept, str(f.period), _shown(f), _decimals(f), str(f.line), _dims(f)) for f in facts]
    header = ("concept", "period", "value", "decimals", "line", "dimensions")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    out = [f"{head}; {len(facts):,} fact{'' if len(facts) == 1 else 's'} shown", ""]
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].ljust(widths[2]), r[3].rjust(widths[3]), r[4].rjust(widths[4]), r[5]]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n"


def _shown(f: Fact) -> str:
    text = written(f)
    return text if len(text) <= 60 else text[:57] + "..."


# --------------------------------------------------------------------------- YAML

def yaml_entries(filing: Filing, facts: list[Fact], head: str, for_file: str | None = None) -> str:
    """Fact entries for a claims file: a name, the filing (relative to ``for_file``'s
    folder, as a claims file reads it; else to the working folder, and a comment says
    so), the concept, the period, the dimensions, and the value as the filing gives it,
    for reading (and for the check against the filing)."""
    where = _relative(filing.path, os.path.dirname(os.path.abspath(for_file)) if for_file else None)
    out = [f"# {head}"]
    if for_file is None:
        out.append("# filing: is relative to the working folder; `--for CLAIMS_FILE` writes it relative to that file")
    out.append("facts:")
    names: set[str] = set()
    skipped = 0
    for f in facts:
        if f.value is None:
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
        out.append(f"    value: {_scalar(written(f))}")
    if skipped:
        out.append(f"# {skipped} fact{'s' if skipped != 1 else ''} without a value (nil or unreadable) left out")
    return "\n".join(out) + "\n"


def _relative(path: str, start: str | None = None) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), start) if start else os.path.relpath(path)
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


def _scalar(text: str) -> str:
    """A YAML scalar: plain when nothing in it means something to YAML, else quoted."""
    if _PLAIN.match(text) and not text.endswith(" ") and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)
