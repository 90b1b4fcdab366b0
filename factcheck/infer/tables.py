"""Markdown tables: a Total row foots its columns; a share column sums to 100%.

Tables are read from the draft's own lines (a header row, a delimiter row of dashes,
then body rows); each cell's figures are the number reader's figures of the reading
text that came from that cell. A column is footed only when every row has one figure
in it; a column of rates (year-on-year change, margins, prices, averages) never foots,
and a table with sub-totals ("of which", 其中, 小计) is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from factcheck.draft import Draft
from factcheck.infer.context import Relation, is_percent, literal, signed_text
from factcheck.infer.cues import _lazy
from factcheck.prose import Mention

TOTAL_LABEL = _lazy(r"^(?:total|totals|sum|all(?=\s*$)|all (?:segments|regions|markets|products|channels|companies|banks|firms)|overall|grand total|group total|合计|总计|总额|总和|共计|全部)\b", re.IGNORECASE)
#: a row that sums others, wherever its label says so ("Equity subtotal", 权益类合计)
PARTIAL_TOTAL = _lazy(r"\b(?:sub-?total|total|totals)\b|合计|小计|总计", re.IGNORECASE)
SUBTOTAL_LABEL = _lazy(r"^(?:subtotal|sub-total|of which|including|incl\.|其中|小计|[-–—+])", re.IGNORECASE)
RATE_HEADER = _lazy(
    r"yoy|y/y|q/q|qoq|change|chg|growth|margin|rate|ratio|price|per share|eps|average|avg|mean|median|multiple|"
    r"p/e|yield|return|同比|环比|增长|增速|变动|变化|率|均|价|倍|每股|"
    r"\bper\b|/\s*[a-z]|\baisc\b|\barpu\b|\bcost per|单位|每",
    re.IGNORECASE,
)
SHARE_HEADER = _lazy(r"share|% of total|percent of total|weight|mix|占比|比重|份额|构成", re.IGNORECASE)
_DELIMITER = _lazy(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


class _Cell(NamedTuple):
    text: str
    start: int  # source offsets
    end: int


def _cells(line: str, at: int) -> list[_Cell]:
    """The cells of a table row, with their source offsets (escaped pipes stay)."""
    out = []
    body_start = 0
    stripped = line.rstrip()
    i = 0
    if stripped.lstrip().startswith("|"):
        i = line.index("|") + 1
    body_start = i
    end = len(stripped)
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        end -= 1
    j = body_start
    while j <= end:
        k = j
        while k < end and not (line[k] == "|" and (k == 0 or line[k - 1] != "\\")):
            k += 1
        out.append(_Cell(line[j:k].strip(), at + j, at + k))
        j = k + 1
    return out


_NEGATIVE = _lazy(r"\(\s*[^()]*\d[^()]*\)")


def _text(m: Mention, signs: dict[int, int]) -> str | None:
    text = literal(m)
    return None if text is None else signed_text(text, signs[id(m)])


def _label(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip()


def read_tables(draft: Draft, mentions: list[Mention]) -> list[Relation]:
    """The relations of every table of the draft."""
    lines = draft.source.split("\n")
    starts = draft.line_starts
    offsets = draft.offsets
    mention_starts = [m.start for m in mentions]

    def figures(cell: _Cell) -> list[Mention]:
        a = bisect_left(offsets, cell.start)
        b = bisect_left(offsets, cell.end)
        i = bisect_left(mention_starts, a)
        out = []
        while i < len(mentions) and mentions[i].start < b:
            out.append(mentions[i])
            i += 1
        return out

    out: list[Relation] = []
    i = 0
    while i + 1 < len(lines):
        if "|" in lines[i] and _DELIMITER.match(lines[i + 1]) and "|" in lines[i + 1]:
            header = _cells(lines[i], starts[i])
            rows = []
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append(_cells(lines[j], starts[j]))
                j += 1
            out += _table(header, rows, figures, draft)
            i = j
        else:
            i += 1
    return out


def _table(header: list[_Cell], rows: list[list[_Cell]], figures, draft: Draft) -> list[Relation]:  # type: ignore[no-untyped-def]
    if len(rows) < 3 or any(not r for r in rows):
        return []
    labels = [_label(r[0].text) for r in rows]
    totals = [k for k, label in enumerate(labels) if TOTAL_LABEL.match(label)]
    if len(totals) > 1 or any(
        SUBTOTAL_LABEL.match(label) or (k not in totals and PARTIAL_TOTAL.search(label)) for k, label in enumerate(labels)
    ):
        return []  # a sub-total ("Equity subtotal", "Total equity" beside "Total") would be counted twice
    out = []
    for col in range(1, len(header)):
        head = _label(header[col].text)
        if RATE_HEADER.search(head) and not SHARE_HEADER.search(head):
            continue
        if any(col >= len(r) for r in rows):
            continue
        cells = [r[col] for r in rows]
        found = [figures(c) for c in cells]
        if any(len(f) != 1 or f[0].kind != "number" or f[0].value is None for f in found):
            continue
        values = [f[0] for f in found]
        # accounting parentheses: (2.6) is -2.6
        signs = {id(m): -1 if _NEGATIVE.fullmatch(_label(c.text)) else 1 for m, c in zip(values, cells)}
        if len({is_percent(m) for m in values}) != 1:
            continue
        percent = is_percent(values[0])
        if totals:
            total = values[totals[0]]
            parts = [m for k, m in enumerate(values) if k != totals[0]]
            if percent and (total.value is None or total.value.point != 100):
                continue  # a percent total that is not the whole is a rate (a group margin)
            stated = _text(total, signs)
            kind = "total"
        elif percent and SHARE_HEADER.search(head):
            parts, total, stated, kind = values, values[-1], "100%", "sum"
        else:
            continue
        texts = [_text(m, signs) for m in parts]
        if stated is None or any(t is None for t in texts):
            continue
        at = total
        a, b = values[0].start, values[-1].end
        out.append(Relation(kind, "table-total" if kind == "total" else "table-shares", f"sum({', '.join(texts)})",  # type: ignore[arg-type]
                            stated, "≈", None, tuple(values), at, a, b))
    return out
