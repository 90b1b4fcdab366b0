"""Tables: each column typed from its header, each row and column read for what it states.

A results table prints its arithmetic in its columns: two periods and a change
(`| Revenue | 3,418 | 3,160 | +8% |`), a share of a whole row (`| 53.3% |` under "% of
Net Sales"), a Total row that foots the rows above it, a fiscal year's column that is
the sum of its quarters. Each column is typed once from its header (``lang`` keys
``col_change``, ``col_points``, ``col_share``, ``col_prior``, ``col_current``,
``col_per_unit``) and what its cells hold; a cell is read as printed, accounting
brackets and all ("(1.1)", "(8.8)%", "(26%)", "+40 bp", "41.0p", "$ 600,144",
"23 743", footnote markers after it). A column of another basis (like-for-like,
constant currency) is compared with nothing.

Every relation is checked on its row's own cells. The order of two period columns is
told by their years (the later is the current one) or their words (本期, prior year);
when neither tells, the left one is taken as current and the other order kept as a
reading the judge may pass, never fail.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction
from typing import Any, NamedTuple

from factcheck import quantity as q
from factcheck.expr.tree import Call, Node, Num
from factcheck.infer import tree as t
from factcheck.infer.lang import Cues, Identity, cues, lang_of, tokens
from factcheck.infer.reading import FOUR_DIGIT_YEAR, Fig, Reading, beyond_whole, measure_key
from factcheck.infer.tree import Alt, Relation
from factcheck.interval import Interval
from factcheck.lazyre import Lazy
from factcheck.prose import Mention, read
from factcheck.prose.words import MONTHS, SIGNS

#: a table's cell as printed: a sign or bracket, a currency, the digits, a unit, footnote marks
#: a currency's sign before a cell's number: every sign prose reads (prose.words.SIGNS), and
#: the press's own forms of some (AU$, C$, S$, Rs)
_CELL_SIGNS = "|".join(re.escape(s) for s in (*SIGNS, "AU$", "C$", "S$", "Rs.", "Rs", "RMB"))
#: a currency's word after a cell's number (4.146港元, 110.0港仙): the cell is an amount of it
_CELL_CURRENCY_AFTER = "港元|美元|人民币元|人民币|元|港仙|美仙|仙|澳元|欧元|英镑|日元|新台币|台币"
_CELL = Lazy(
    rf"^\s*(?P<lead>[+\-−–]|\()?\s*(?P<cur>{_CELL_SIGNS})?\s*"
    r"(?P<open>\()?\s*(?P<sign>[+\-−–])?\s*"
    r"(?P<num>\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?: \d{3})*,\d{1,2}(?!\d)|\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"\s*(?P<mag>million|billion|mn|bn|Bn|BN|m|M|B(?![a-z])|k|亿元|万元|亿美元|万美元|亿港元|万港元|亿|万)?"
    r"\s*(?P<close>\))?\s*(?P<mag2>million|billion|mn|bn|m|k)?"  # '€(143.7)m'
    r"\s*(?P<unit>%\s*(?:pts?|points?|pp)|%\s*points|%|％|pence|ppts?|pp|pts?|points?|bps?|bp|p|"
    rf"percentage points?|个百分点|百分点|个基点|基点|x|times|倍|cents?|c|{_CELL_CURRENCY_AFTER})?(?:(?<=[a-z])\.)?\s*(?P<close2>\))?\s*(?P<pct2>%)?"
    r"(?P<rest>.*)$"
)
#: a comma with one or two digits after it, ending a cell's number: a decimal comma ('556,4', '1 077,5')
_DECIMAL_COMMA = Lazy(r",\d{1,2}$")
#: a change cell's direction in words before its number: 'up 10%', 'down 9%', 增加, 减少
_DIRECTION = Lazy(r"^(?:(?P<up>up|higher|increased?|rose|增加|增长|提高|上升|上涨|增|[↑▲△])|"
                        r"(?P<down>down|lower|decreased?|fell|减少|下降|降低|下跌|减|[↓▼▽]))\s*(?:by\s+)?(?=[\d.(+$£€¥])",
                        re.IGNORECASE)
#: what may follow a cell's number and still leave it a number: footnote marks
#: what may follow a cell's number: footnote marks ('(a)', '*', '1)'), and a revised, provisional or estimated figure's
#: letter right after it ('6 923r', '12.3p')
_FOOTNOTES = Lazy(r"^(?:[rpe](?![a-z]))?(?:\s*(?:\(\w{1,3}\)|[*†‡#^]+|@|\w\)))*\s*$", re.IGNORECASE)
_YEAR = Lazy(r"(?<!\d)((?:19|20)\d{2})(?!\d)|(?:\b|(?<=q[1-4])|(?<=h[12]))fy\s?'?(\d{2})\b|\b(?:h[12]|q[1-4]|[12]h|[1-4]q)\s?'?(\d{2})\b"
             r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?[\s'’-]?'?(\d{2})\b")  # 'Sep 18', 'Jan-Sep 19
_QUARTER = Lazy(r"\b(?:(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter|q([1-4]))(?:\b|(?=fy\d))|(?<![前至到\-—~])(?:第?([一二三四])|第([1-4]))季度?(?!累计)|(?<![\d.])([1-4])q(?=\s?'?\d{2}\b|\b)")
_YEAR_COLUMN = Lazy(r"\b(?:fiscal year|full year|year|fy|total|annual)\b|全年|年度|合计", re.IGNORECASE)
_QUARTER_NUMBER = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4,
                   "一": 1, "二": 2, "三": 3, "四": 4}
#: a column of another basis than the one beside it: compared with nothing
_OTHER_BASIS = Lazy(r"like[- ]for[- ]like|lfl|constant (?:currenc|rate|exchange)|organic|comparable|cer\b|at cc|"
                          r"adjusted|underlying|可比|固定汇率|不变价|实际增|剔除", re.IGNORECASE)
#: a row of figures per share or per unit: never summed over quarters or rows
_PER_ROW = Lazy(r"per (?:common |diluted |basic |ordinary )?share|earnings per|\beps\b|dividend|每股|per unit",
                      re.IGNORECASE)
_LESS = Lazy(r"^\s*(?:less|minus|deduct)\b|^\s*减[:：]?", re.IGNORECASE)


def _val(cell: Cell) -> q.Value:
    """A cell's value, where the reading has made sure it has one."""
    assert cell.value is not None
    return cell.value


def _is(cell: Cell, point: int) -> bool:
    return cell.value is not None and cell.value.point == point


class Cell(NamedTuple):
    text: str
    start: int
    end: int
    value: q.Value | None  # signed, in percent, points or plain
    kind: str  # pct, pts, amt, text, empty, skip


class Column(NamedTuple):
    kind: str  # label, level, change_pct, change_pts, change_amt, change, share, other
    year: int | None
    quarter: int | None
    whole_year: bool
    current: bool | None  # True: says current; False: says prior; None: says neither
    head: str


class Table(NamedTuple):
    rows: list[list[Cell]]
    heads: int  # how many rows are the header
    columns: list[Column]
    lines: list[int]  # the reading-text start of each row (for where a relation stands)
    #: for each row, the label of the block it stands in (a row of words only: "Diluted
    #: earnings per share:", "Adjusted*", 每股數據)
    blocks: list[str]


def relations(r: Reading) -> list[Relation]:
    out: list[Relation] = []
    for table in _tables(r):
        if table is None:
            continue
        out += _row_changes(r, table)
        out += _share_columns(r, table)
        out += _total_rows(r, table)
        out += _total_columns(r, table)
        out += _quarter_sums(r, table)
        out += _period_rows(r, table)
        out += _share_rows(r, table)
        out += _identity_rows(r, table)
        out += _identity_columns(r, table)
        out += _partition_rows(r, table)
        out += _rows_footing_above(r, table)
        out += _numbered_parts(r, table)
        out += _cascade(r, table)
        out += _breakdown_blocks(r, table)
    return out


def _tables(r: Reading) -> list[Table | None]:
    """The draft's tables, each read once for every finder that asks."""
    found: list[Table | None] | None = r.memo.get("grid.tables")
    if found is None:
        found = r.memo["grid.tables"] = [_table(r, cells) for cells in r.tables]
    return found


# --------------------------------------------------------------------------- figures a text names from a table


def named_cells(r: Reading, section: int) -> list[Fig]:
    """The figures of the section's tables as the text may name them: each row's amount in
    its current column (the latest year's, or the one headed 本期/current) and its prior
    one, as a figure whose measure is the row's label and whose value carries the scale
    the table states ('$ millions', （亿元）, 'Revenue ($B)'). A share in the text whose
    whole is a table's row ('占营业收入的71.15%' under a table of 营业收入) takes it."""
    return _by_section(r, section, "grid.named_cells", _row_figures)


def named_pairs(r: Reading, section: int) -> list[tuple[Fig, Fig]]:
    """The (current, prior) figures of each row of the section's tables whose period columns
    stand in groups of a year and the year before ('| Three months | | Year | |' over '| 2023 |
    2022 | 2023 | 2022 |'): which group a figure of the text is from, its value tells."""
    return _by_section(r, section, "grid.named_pairs", _row_pairs)


def _by_section(r: Reading, section: int, key: str, read: Callable[[Reading, Table], list[Any]]) -> list[Any]:
    """What ``read`` gives of each table, gathered by section once a reading (``r.memo[key]``)."""
    cache: dict[int, list[Any]] | None = r.memo.get(key)
    if cache is None:
        cache = r.memo[key] = {}
        for k, table in enumerate(_tables(r)):
            if table is not None:
                cache.setdefault(r.table_sections[k], []).extend(read(r, table))
    return cache.get(section, [])


def _year_groups(cols: list[Column]) -> list[tuple[int, int]]:
    """(current, prior) columns side by side whose years are a year apart, each column in one pair."""
    out: list[tuple[int, int]] = []
    j = 1
    while j + 1 < len(cols):
        a, b = cols[j], cols[j + 1]
        if a.kind == b.kind == "level" and a.year is not None and b.year is not None and abs(a.year - b.year) == 1 \
                and a.quarter == b.quarter:
            out.append((j, j + 1) if a.year > b.year else (j + 1, j))
            j += 2
        else:
            j += 1
    return out


def _row_pairs(r: Reading, table: Table) -> list[tuple[Fig, Fig]]:
    groups = _year_groups(table.columns)
    if len(groups) < 2:
        return []  # one group: named_cells gives it
    caption = _caption(r, table)
    out = []
    for row in _named_rows(table):
        for cur, prior in groups:
            figs = [_cell_fig(r, table, row, c, period, caption) for c, period in ((cur, "cur"), (prior, "prior"))]
            if figs[0] is not None and figs[1] is not None:
                out.append((figs[0], figs[1]))
    return out


def _cell_fig(r: Reading, table: Table, row: list[Cell], c: int, period: str, caption: str) -> Fig | None:
    """The figure of a row's cell, as the text may name it (its measure the row's label)."""
    cell = row[c] if c < len(row) else None
    if cell is None or cell.kind != "amt" or cell.value is None:
        return None
    value = _scaled(cell, row[0].text, table.columns[0].head, caption)
    if value is None:
        return None
    m = _mention(cell, r.text)
    f = Fig(Mention(m.start, m.end, m.text, m.kind, value=value), 0, "amt", value)
    f.period, f.measure, f.explicit = period, _measure_of(_label(row[0].text)), True
    return f


def _row_figures(r: Reading, table: Table) -> list[Fig]:
    periods = _periods(table.columns)
    if not periods:
        return []
    caption = _caption(r, table)
    return [f for row in _named_rows(table) for c, period in periods.items()
            if (f := _cell_fig(r, table, row, c, period, caption)) is not None]


def _caption(r: Reading, table: Table) -> str:
    """The words right above a table (its caption, its scale)."""
    return r.text[max(0, table.lines[0] - 160) : table.lines[0]]


def _named_rows(table: Table) -> list[list[Cell]]:
    """The rows of amounts a text may name: labelled, not per unit, not of percentages."""
    return [row for row in table.rows[table.heads :]
            if (label := _label(row[0].text)) and not _PER_ROW.search(label) and not _percent_row(label)]


def _periods(cols: list[Column]) -> dict[int, str]:
    """Which level columns are the current period and which the prior: by their years (the
    latest two), else by their words (本期, 上年同期)."""
    levels = [j for j, c in enumerate(cols) if c.kind == "level" and not c.quarter]
    dated = sorted((j for j in levels if cols[j].year is not None), key=lambda j: cols[j].year or 0, reverse=True)
    if len(dated) >= 2 and cols[dated[0]].year != cols[dated[1]].year:
        return {dated[0]: "cur", dated[1]: "prior"}
    said = {j: ("cur" if cols[j].current else "prior") for j in levels if cols[j].current is not None}
    return said if "cur" in said.values() else {}


#: a table's scale: '($ millions)', 'in thousands', '$B', （亿元）, 单位：万元
_SCALE = Lazy(r"(?P<cur>US\$|HK\$|A\$|NZ\$|C\$|S\$|NT\$|RMB|Rs\.?|[$£€¥₹])?\s*"
                    r"(?P<mag>millions?|billions?|thousands?|mn|bn|\bm\b|\bb\b|B\b|'000|000s)|"
                    r"(?:单位[:：]\s*|[（(])(?P<zh>亿元|万元|百万元|千元|元|亿美元|万美元|百万美元|亿港元|万港元|百万港元)[）)]?")
_SCALE_WORD = {"million": "million", "millions": "million", "mn": "million", "m": "million", "billion": "billion",
               "billions": "billion", "bn": "billion", "b": "billion", "thousand": "thousand", "thousands": "thousand",
               "'000": "thousand", "000s": "thousand"}


def _scaled(cell: Cell, label: str, corner: str, caption: str) -> q.Value | None:
    """A cell's amount at the scale its row label, the table's corner or its caption states
    ('Revenue ($B) | 15.4' is 15.4 billion USD): read as the number reader reads that text.
    None when no scale is stated (a bare count is compared with nothing named)."""
    for where in (label, corner, caption.split("\n")[-1] if caption.strip() else ""):
        found = _SCALE.search(where)
        if found is None:
            continue
        digits = _digits(cell)
        if found.group("zh"):
            text = f"{digits}{found.group('zh')}"
        else:
            mag = _SCALE_WORD.get(found.group("mag").lower().strip(), "")
            text = f"{found.group('cur') or ''}{digits} {mag}"
        read_back = [m for m in read(text) if m.value is not None]
        if len(read_back) != 1:
            return None
        v = read_back[0].value
        assert v is not None
        return q.neg(v) if cell.value is not None and cell.value.point < 0 else v
    return None


def _common_size(body: list[list[Cell]], c: int) -> bool:
    """A column of a statement as percentages of its first line ('Net sales | 100.00%', then
    '69.98', '30.02' …): its one per cent cell is 100, the rest bare numbers."""
    cells = [row[c] for row in body if c < len(row) and row[c].value is not None]
    pcts = [x for x in cells if x.kind == "pct"]
    return len(pcts) == 1 and pcts[0] is cells[0] and cells[0].value is not None and cells[0].value.point == 100 \
        and len(cells) > 2 and all(x.kind == "amt" for x in cells[1:])


def _as_percentages(body: list[list[Cell]], c: int) -> None:
    """Bare numbers under a share's header are percentages ('| 89.29 |' under '%') when
    every one of them could be."""
    values = [v.point for row in body if c < len(row) and (v := row[c].value) is not None]
    if not all(-100 <= v <= 100 for v in values):
        return
    for row in body:
        v = row[c].value if c < len(row) else None
        if v is not None and row[c].kind == "amt":
            row[c] = row[c]._replace(value=q.with_unit(q.Value(v.point, v.iv, q.PLAIN, None), q.PERCENT), kind="pct")


def _measure_of(label: str) -> str:
    return measure_key(_NOTE.sub("", label))


#: a note in brackets in a label or a header: '(note 1)', '(millions)', （亿元）
_NOTE = Lazy(r"[（(][^）)]*[）)]")


# --------------------------------------------------------------------------- reading a table


def _table(r: Reading, cells: list[tuple[int, int, int, int]]) -> Table | None:
    grid: dict[int, dict[int, Cell]] = {}
    for row, col, a, z in cells:
        grid.setdefault(row, {})[col] = _cell(r.text, a, z)
    if len(grid) < 2:
        return None
    width = max(max(cols) for cols in grid.values()) + 1
    rows = [[grid[k].get(c, Cell("", 0, 0, None, "empty")) for c in range(width)] for k in sorted(grid)]
    heads = 1
    while heads < len(rows) - 1 and _header_like(rows[heads]):
        heads += 1
    columns = [_column(r, rows, heads, c) for c in range(width)]
    for c, column in enumerate(columns):
        if column.kind == "share" or column.kind == "level" and _common_size(rows[heads:], c):
            _as_percentages(rows[heads:], c)
    return Table(rows, heads, columns, [row[0].start for row in rows], _blocks(rows, heads))


def _blocks(rows: list[list[Cell]], heads: int) -> list[str]:
    """Each row's block: the label of the last row of words alone above it ('' before any)."""
    blocks: list[str] = []
    label = ""
    for k, cells_of in enumerate(rows):
        if k >= heads and all(c.kind in ("empty", "text") for c in cells_of[1:]) and cells_of[0].text.strip():
            label = cells_of[0].text.strip()
        blocks.append(label)
    return blocks


def _header_like(row: list[Cell]) -> bool:
    """A second header line ('£m | £m | %', '2015 | 2014', '2019 | Grant Date Fair Value'):
    words and years in its figure columns, no other figures."""
    rest = [c for c in row[1:] if c.kind != "empty"]
    return bool(rest) and all(c.kind == "text" or _is_year_cell(c.text) for c in rest)


def _is_year_cell(text: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:19|20)\d{2}\s*[@*]?\s*", text))


#: cells that say a figure is missing or means nothing: '-', 'n.m.', 不适用
_SKIP_CELLS = frozenset(("-", "—", "–", "n.m.", "nm", "n/m", "n.a.", "na", "n/a", "*", "—%", "-%", "不适用", "--", "－", "/"))
#: a cell's magnitude as written -> the magnitude
_CELL_MAGS = {"m": "million", "mn": "million", "million": "million", "bn": "billion", "billion": "billion", "k": "thousand",
              "M": "million", "B": "billion", "Bn": "billion", "BN": "billion",
              "亿": "亿", "亿元": "亿", "万": "万", "万元": "万", "亿美元": "亿", "万美元": "万", "亿港元": "亿",
              "万港元": "万"}
#: units of a cell in points (percentage points), in basis points, in times
_PP_UNITS = ("pp", "ppt", "ppts", "pts", "pt", "points", "point", "percentagepoints", "percentagepoint", "个百分点", "百分点")
_BP_UNITS = ("bp", "bps", "个基点", "基点")
_TIMES_UNITS = ("x", "times", "倍")


def _cell_digits(num: str) -> str | None:
    """A cell's number as digits to read: groups of three by commas or spaces, a decimal
    point, or a decimal comma ('1 077,5', '556,4': one or two digits after it); None when
    its spaces group nothing."""
    if num.count(" ") and not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+|,\d{1,2})?", num):
        return None
    if _DECIMAL_COMMA.search(num):
        num = num.replace(" ", "").replace(",", ".")
    digits = re.sub(r"[, ]", "", num)
    return "0" + digits if digits.startswith(".") else digits


def _cell(text: str, a: int, z: int) -> Cell:
    raw = text[a:z]
    s = raw.strip()
    if not s:
        return Cell(raw, a, z, None, "empty")
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)  # '＋635', '１２.５％': full-width forms read as the plain ones
    if s.lower() in _SKIP_CELLS:
        return Cell(raw, a, z, None, "skip")
    said = _DIRECTION.match(s)
    down = bool(said and said.group("down"))
    if said:
        s = s[said.end() :]  # 'up 10%', 'down 9%', 减少0.33个百分点: the sign in words
    m = _CELL.match(s)
    if m is None or not _FOOTNOTES.match(m.group("rest")):
        return Cell(raw, a, z, None, "text")
    digits = _cell_digits(m.group("num"))
    if digits is None:
        return Cell(raw, a, z, None, "text")
    try:
        v = q.literal(digits, _CELL_MAGS.get(m.group("mag") or m.group("mag2") or ""))
    except (q.QuantityError, ValueError):
        return Cell(raw, a, z, None, "text")
    v, kind = _in_unit(v, "%" if m.group("pct2") else (m.group("unit") or "").lower().replace(" ", ""))
    if _negative_cell(m) != down:
        v = q.neg(v)
    return Cell(raw, a, z, v, kind)


def _negative_cell(m: re.Match[str]) -> bool:
    """A cell's number is negative: '(5.2)', '-5.2', '−5.2'."""
    negative = (m.group("lead") == "(" or m.group("open")) and (m.group("close") or m.group("close2"))
    return bool(negative) or (m.group("lead") or m.group("sign") or "") in ("-", "−", "–")


def _in_unit(v: q.Value, unit: str) -> tuple[q.Value, str]:
    """A cell's number in its unit as written, and the cell's kind: points, percent, an
    amount, or skipped (a multiple, '3.2x')."""
    if unit.startswith("%") and len(unit) > 1 or unit in _PP_UNITS:
        return q.with_unit(v, q.unit("pp")), "pts"
    if unit in _BP_UNITS:
        return q.with_unit(v, q.unit("bp")), "pts"
    if unit in ("%", "％"):
        return q.with_unit(v, q.unit("percent")), "pct"
    if unit in _TIMES_UNITS:
        return v, "skip"
    return v, "amt"


#: a note of the table's scale in a header: '(in thousands, except share and per share data)'
_SCALE_NOTE = Lazy(r"\(?\s*in (?:thousands|millions|billions)[^)]*\)?|except (?:for )?(?:share|per[- ]share)[^)]*",
                   re.IGNORECASE)


#: a year in Chinese numerals in a header, digit by digit (二零一六年, 二〇二四年): its digits
_CJK_YEAR = Lazy(r"[一二][零〇○一二三四五六七八九]{3}(?=年)")
_CJK_DIGITS = str.maketrans("零〇○一二三四五六七八九", "000123456789")


def _column(r: Reading, rows: list[list[Cell]], heads: int, c: int) -> Column:
    head = " ".join(rows[k][c].text.strip() for k in range(heads) if c < len(rows[k]))
    low = _CJK_YEAR.sub(lambda m: m.group().translate(_CJK_DIGITS), _SCALE_NOTE.sub("", " ".join(head.lower().split())))
    if c == 0:
        return Column("label", None, None, False, None, head)
    body = [row[c] for row in rows[heads:] if c < len(row)]
    kinds = [x.kind for x in body if x.kind in ("pct", "pts", "amt")]
    if not kinds:
        return Column("other", None, None, False, None, head)
    lang = lang_of(head)
    cu = cues(lang)
    if _share_column(rows, heads, c, low, body, cu):
        return Column("share", None, None, False, None, head)
    if not low and _silent_change(rows, heads, c):
        return Column("change_pct", None, None, False, None, head)  # a header lost in copying: the rows say it
    if _is_change_head(low, cu):
        if _OTHER_BASIS.search(low):
            return Column("other", None, None, False, None, head)
        return Column(_change_kind(low, kinds, cu), None, None, False, None, head)
    year, quarter, whole = _period(low)
    return Column("level", year, quarter, whole, _current(low, cu), head)


def _current(low: str, cu: Cues) -> bool | None:
    """Whether a column's header says the current period (True), the prior one (False), or neither (None)."""
    return True if cu.has(low, "col_current") else False if cu.has(low, "col_prior") else None


def _share_column(rows: list[list[Cell]], heads: int, c: int, low: str, body: list[Cell], cu: Cues) -> bool:
    """A column of each row's share: its header says so, or it is a '%' column beside
    amounts, with 100 in it and nothing past ±100 ('| 金額 | % |' with 營業收入 at 100.00)."""
    if cu.has(low, "col_share") and not cu.has(low, "col_change") and ("%" in low or not _YEAR.search(low)):
        return True  # not '2019 (in thousands, except share data)'
    numbers = [x.value.point for x in body if x.value is not None]
    return low.split()[-1:] in (["%"], ["％"], ["(%)"]) and 100 in numbers and all(-100 <= v <= 100 for v in numbers) \
        and c > 1 and _amounts_left(rows, heads, c) and not cu.has(low, "col_change")  # 'VAR %': a change


def _silent_change(rows: list[list[Cell]], heads: int, c: int) -> int:
    """A column without a header whose bare numbers are, row after row, the per cent change
    from the amount just before it to the one two columns before (1), or back (-1), or, for a
    column between two amounts, from the one after it to the one before it (2), or back (-2): a
    change column whose header was lost in copying; 0 when it is not. Three rows at least, and two
    in three of those that can be compared, must agree on one direction, so that a column of
    other figures is never taken for one."""
    if c < 2:
        return 0
    if c == 2 or _amounts_either_side(rows, heads, c):
        between = _votes(rows, heads, c, between=True)  # '| label | latest | change | prior |'
        if between or c == 2:
            return 2 * between
    return _votes(rows, heads, c, between=False)


def _amounts_either_side(rows: list[list[Cell]], heads: int, c: int) -> bool:
    """Bare amounts on both sides of column ``c`` in most rows, none of them per cents."""
    body = [row for row in rows[heads:] if c + 1 < len(row)]
    both = sum(1 for row in body if row[c - 1].kind == "amt" and row[c + 1].kind == "amt")
    return bool(body) and 2 * both > len(body)


def _votes(rows: list[list[Cell]], heads: int, c: int, between: bool) -> int:
    """1 when the bare numbers of column ``c`` are, in three rows at least and two in three of
    those that can be compared, the per cent change to the amount just before it from the one
    two columns before (or, ``between``, from the one just after it); -1 the other way; else 0."""
    agree = [0, 0]
    seen = 0
    for row in rows[heads:]:
        agrees = _agrees_between(row, c) if between else _agrees_as_change(row, c)
        if agrees is not None:
            seen += 1
            agree[0] += agrees[0]
            agree[1] += agrees[1]
    for d in (0, 1):
        if agree[d] >= 3 and 3 * agree[d] >= 2 * seen:
            return 1 - 2 * d
    return 0


def _agrees_between(row: list[Cell], c: int) -> tuple[bool, bool] | None:
    """Whether a row's per cent in column ``c`` is the change from the amount after it to
    the one before it, and the other way (magnitudes: a cost in brackets both years)."""
    if c + 1 >= len(row):
        return None
    return _row_direction(row, c, c - 1, c + 1)


def _agrees_as_change(row: list[Cell], c: int) -> tuple[bool, bool] | None:
    """Whether a row's bare number in column ``c`` is the per cent change from the amount
    two columns before to the one just before, and the other way; None when the row's
    three cells cannot be compared so."""
    if c >= len(row) or row[c].kind != "amt" or any(row[j].kind != "amt" or _nonpositive(row[j]) for j in (c - 2, c - 1)):
        return None
    return _row_direction(row, c, c - 2, c - 1)


def _nonpositive(cell: Cell) -> bool:
    return cell.value is None or cell.value.point <= 0


#: how far a computed change may stand outside a printed one's rounding for a column to be
#: read as one of changes (its inputs are rounded too); never used for a verdict
_SLACK = Fraction(1, 20)


def _amounts_left(rows: list[list[Cell]], heads: int, c: int) -> bool:
    """The column before is one of amounts (a share column stands beside its amounts)."""
    return sum(1 for row in rows[heads:] if c - 1 < len(row) and row[c - 1].kind == "amt") >= 2


def _is_change_head(low: str, cu: object) -> bool:
    assert isinstance(cu, Cues)
    if not low:
        return False
    if cu.has(low, "col_change") or cu.has(low, "col_points"):
        return not _YEAR.search(low) or bool(re.search(r"\bvs\.?\b|/|compared|over|versus|\bv\b|\bto\b|比|较", low))
    if _TWO_PERIODS.search(low) and (len(_months_of(low)) == 2 or len(FOUR_DIGIT_YEAR.findall(low)) == 2):
        return True  # 'Feb-21 to Mar-21 ($m)', '2019 vs 2020 (%)': the change between the two periods it names
    return low.strip() in ("%", "(%)", "％")


#: the word between the two periods a change column's header names
_TWO_PERIODS = Lazy(r"\s(?:to|vs\.?|v|versus)\s")


def _change_kind(low: str, kinds: list[str], cu: object) -> str:
    assert isinstance(cu, Cues)
    if kinds.count("pts") > len(kinds) / 2 or cu.has(low, "col_points"):
        return "change_pts"  # 'Basis Point Increase / (Decrease) in Percentage of Net Sales': points, not per cent
    if kinds.count("pct") > len(kinds) / 2 or "%" in low or "percent" in low or "百分比" in low or "率" in low:
        return "change_pct"
    if re.search(r"[$£€¥]|\b000\b|'000|amount|dollars?|cents?|pence|\bm\b|million|额|元|增量", low):
        return "change_amt"
    return "change"


#: a fiscal period named by its year and closing month in two digits each, as Japanese releases
#: head their columns ('20/12 1H Results', '21/3 FY'): read only beside a word of a fiscal period
_YEAR_MONTH = Lazy(r"(?<![\d/.])(\d{2})/(0?[1-9]|1[0-2])(?![\d/.])")
_FISCAL_MARK = Lazy(r"\b(?:[12]h|h[12]|[1-4]q|q[1-4]|fy|results?|forecast|projection|plan)\b|期")


#: a quarter headed by its year's two digits, a dot and its number ('22.3Q', Korean releases)
_YEAR_DOT_QUARTER = Lazy(r"(?<![\d.])(\d{2})\.([1-4])q\b")


def _period(low: str) -> tuple[int | None, int | None, bool]:
    year = None
    for m in _YEAR.finditer(low):
        year = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2) or m.group(3) or m.group(4))
        break
    if year is None and _FISCAL_MARK.search(low):
        ym = _YEAR_MONTH.search(low)
        year = 2000 + int(ym.group(1)) if ym else None
    quarter = _quarter(low)
    if quarter is None and (dotted := _YEAR_DOT_QUARTER.search(low)) is not None:
        year, quarter = year or 2000 + int(dotted.group(1)), int(dotted.group(2))  # '22.3Q': 2022's third quarter
    whole = quarter is None and bool(_YEAR_COLUMN.search(low))
    return year, quarter, whole


def _quarter(low: str) -> int | None:
    """The quarter a header names: 'third quarter', Q3, 3Q11, 三季度, 第3季; None for none."""
    found = _QUARTER.search(low)
    if found is None:
        return None
    word = found.group(1) or found.group(3)
    return _QUARTER_NUMBER.get(word, 0) if word else int(found.group(2) or found.group(4) or found.group(5))


# --------------------------------------------------------------------------- relations


def _mention(cell: Cell, text: str) -> Mention:
    """The stated cell as a figure of the draft (where the claim stands)."""
    s = text[cell.start : cell.end]
    lead = len(s) - len(s.lstrip())
    return Mention(cell.start + lead, cell.start + len(s.rstrip()), s.strip(), "number", value=cell.value)


def _pairs(table: Table) -> list[tuple[int, int, int, bool]]:
    """(change column, current column, prior column, order told by the header) for each
    change column: the two periods its header names ('2019 vs. 2018'), else the two latest
    of the period columns on its left, else the two nearest."""
    out: list[tuple[int, int, int, bool]] = []
    cols = table.columns
    named: tuple[int, int] | None = None  # the pair the change column just before named
    for k, col in enumerate(cols):
        if not col.kind.startswith("change"):
            named = None
            continue
        silent = 0 if col.head.strip() else _silent_change(table.rows, table.heads, k)
        if silent:
            pair = {2: (k - 1, k + 1), -2: (k + 1, k - 1), 1: (k - 2, k - 1), -1: (k - 1, k - 2)}[silent]
            out.append((k, *pair, True))  # as its rows say
            named = None
            continue
        levels = _levels_of_change(cols, k)
        if len(levels) < 2:
            continue
        own = _named_pair(cols, k, levels)
        if own is None and named is not None and not _head_key(col.head):
            own = named  # '| FY22 vs FY23 $m | % |': the per cent change of the same two years
        named = own
        found = own or _cadence_pair(cols, k, levels) or _unnamed_pair(cols, levels)
        if found is None:
            continue
        out.append((k, *_told(table, k, *_ordered(cols, found))))
    return out


def _levels_of_change(cols: list[Column], k: int) -> list[int]:
    """The period columns change column ``k`` may be between (a sequential one's with the first)."""
    levels = _levels_around(cols, k)
    first = next((j for j, c in enumerate(cols) if c.kind == "level"), levels[0] if levels else 0)
    if len(levels) == 1 and first != levels[0] and (_SEQUENTIAL.search(cols[k].head) or _year_before(cols, k, first, levels[0])):
        levels = [first, levels[0]]  # '| Q3 | Q3 LY | y-o-y | Q2 | q-o-q |', '| 22.3Q | 22.2Q | QoQ | 21.3Q | YoY |'
    return levels


def _year_before(cols: list[Column], k: int, first: int, prior: int) -> bool:
    """A year-on-year change column whose own group holds only the period a year before
    the table's first period column, of the same quarter."""
    a, b = cols[first], cols[prior]
    if a.year is None or b.year != a.year - 1 or a.quarter != b.quarter:
        return False
    yoy = cues(lang_of(cols[k].head)).pattern("year_on_year")  # 'YoY', 'y/y', 同比, 年增
    return yoy is not None and bool(yoy.search(cols[k].head))


def _told(table: Table, k: int, cur: int, prior: int, told: bool) -> tuple[int, int, bool]:
    """Which of two period columns is the current one, as the header told, else as the rows
    of change column ``k`` say ('| 2Q | Q 2018 | Change |'), else untold."""
    if told:
        return cur, prior, True
    said = _rows_order(table, k, cur, prior)
    return (cur, prior, True) if said > 0 else (prior, cur, True) if said < 0 else (cur, prior, False)


def _rows_order(table: Table, k: int, a: int, b: int) -> int:
    """Whether the per cent changes of column ``k`` are, row after row, those from column
    ``b`` to column ``a`` (1), or back (-1), as magnitudes (costs in brackets fall as their
    figures shrink); 0 unless four rows at least and all but one of those that can be
    compared agree on one direction and not the other."""
    agree = [0, 0]
    seen = 0
    for row in table.rows[table.heads :]:
        found = _row_direction(row, k, a, b)
        if found is not None:
            seen += 1
            agree[0] += found[0] and not found[1]
            agree[1] += found[1] and not found[0]
    for d in (0, 1):
        if agree[d] >= 4 and agree[d] >= seen - 1 and not agree[1 - d]:
            return 1 - 2 * d
    return 0


def _row_direction(row: list[Cell], k: int, a: int, b: int) -> tuple[bool, bool] | None:
    """Whether a row's change cell is the per cent change from ``b`` to ``a``, and back."""
    if max(k, a, b) >= len(row) or row[k].kind not in ("pct", "amt") or row[a].kind != "amt" or row[b].kind != "amt":
        return None
    va, vb, v = row[a].value, row[b].value, row[k].value
    assert va is not None and vb is not None and v is not None
    lo, hi = v.iv.lo, v.iv.hi
    if not va.point or not vb.point or (va.point > 0) != (vb.point > 0) or va.mag != vb.mag or lo is None or hi is None:
        return None
    x, y = abs(va.point), abs(vb.point)
    forward = lo - _SLACK <= (x / y - 1) * 100 <= hi + _SLACK
    back = lo - _SLACK <= (y / x - 1) * 100 <= hi + _SLACK
    return forward, back


#: a change column against the period just before the current one ('q-o-q', 'sequential', 环比)
_SEQUENTIAL = Lazy(r"(?i)\bq-?o-?q\b|\bm-?o-?m\b|\bq/q\b|\bm/m\b|sequential|环比|季增|月增")


def _levels_around(cols: list[Column], k: int) -> list[int]:
    """The period columns a change column may be between: those of its group on its left,
    or the years either side of it ('| 2023 | Change | 2022 |'), or, for a change column
    that stands first, the two years right after it ('| % Change | 2014 | 2013 |')."""
    levels = _levels_left(cols, k)
    if not levels and k + 2 < len(cols) and all(cols[j].kind == "level" and cols[j].year is not None for j in (k + 1, k + 2)) \
            and cols[k + 1].year != cols[k + 2].year:
        return [k + 1, k + 2]
    if len(levels) == 1 and levels[0] == k - 1 and k + 1 < len(cols) and cols[k + 1].kind == "level" \
            and cols[k + 1].year is not None and cols[k - 1].year is not None:
        levels.append(k + 1)  # '| 2023 | Change | 2022 |': the change between the years either side of it
    return levels


def _ordered(cols: list[Column], pair: tuple[int, int]) -> tuple[int, int, bool]:
    """(current column, prior column, whether the header told which is which) of two
    period columns: by their years, else by words of the current or prior period, else
    left first, untold."""
    left, right = sorted(pair)
    a, b = cols[left], cols[right]
    later = _later_period(a, b)
    if later is not None:
        return (left, right, True) if later else (right, left, True)
    if a.current is True or b.current is False:
        return left, right, True
    if b.current is True or a.current is False:
        return right, left, True
    return left, right, False


def _later_period(a: Column, b: Column) -> bool | None:
    """Whether column ``a``'s period is later than ``b``'s: by their years, else by their
    quarters of one year ('Q3FY26 | … | Q2FY26'), else by their months ('Jun 2020 | Jul
    2020'); None when the headers do not tell."""
    if a.year is not None and b.year is not None and a.year != b.year:
        return a.year > b.year
    if a.year is not None and a.year == b.year and a.quarter and b.quarter and a.quarter != b.quarter:
        return a.quarter > b.quarter
    return _later_month(a, b)


def _later_month(a: Column, b: Column) -> bool | None:
    """Whether column ``a``'s month is later than ``b``'s in one year (each header names one
    month); None when that is not told."""
    if a.year is None or a.year != b.year:
        return None
    ma, mb = _months_of(a.head.lower()), _months_of(b.head.lower())
    if len(ma) != 1 or len(mb) != 1 or ma[0][0] == mb[0][0]:
        return None
    return MONTHS[ma[0][0]] > MONTHS[mb[0][0]]


def _levels_left(cols: list[Column], k: int) -> list[int]:
    """The period columns of a change column's group, nearest first (up to four)."""
    levels: list[int] = []
    j = k - 1
    while j > 0 and len(levels) < 4:
        if cols[j].kind.startswith("change") or cols[j].kind == "share":
            if levels:
                break
        elif cols[j].kind == "level":
            levels.append(j)
        j -= 1
    return levels


#: a month and its year in a header ('December 2014', 'Jan. 2015')
_MONTH_YEAR = Lazy(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+|-)'?((?:19|20)?\d{2})(?!\d)", re.IGNORECASE)


def _months_of(head: str) -> list[tuple[str, str]]:
    """The months a header names with their years, in four digits ('Jun 20 to Jul 20': 2020)."""
    return [(m.group(1).lower(), m.group(2) if len(m.group(2)) == 4 else "20" + m.group(2)) for m in _MONTH_YEAR.finditer(head)]


def _named_months(cols: list[Column], k: int, levels: list[int]) -> tuple[int, int] | None:
    """'December 2014 to January 2015': the columns of those two months, one each."""
    months = _months_of(cols[k].head)
    if len(months) != 2:
        return None
    found: list[list[int]] = [[j for j in levels if mo in _months_of(cols[j].head)] for mo in months]
    if all(len(f) == 1 for f in found) and found[0][0] != found[1][0]:
        return found[0][0], found[1][0]
    return None


def _named_pair(cols: list[Column], k: int, levels: list[int]) -> tuple[int, int] | None:
    by_month = _named_months(cols, k, levels)
    if by_month is not None:
        return by_month
    years = [int(y) for y in FOUR_DIGIT_YEAR.findall(cols[k].head)]
    if len(years) != 2:
        return _named_heads(cols, k, levels)
    found = [j for y in years for j in levels if cols[j].year == y]
    return (found[0], found[1]) if len(found) == 2 and found[0] != found[1] else None


#: what stands between the two periods a change column's header names ('FY22 vs FY23', 'H1 24 v H1 23')
_VERSUS = Lazy(r"\s+(?:vs?\.?|versus|against|compared (?:with|to))\s+", re.IGNORECASE)
#: what a period column's header says beside its period: its unit and scale ('FY23 $m', 'H1 FY22 (NZ$m)'),
#: or that it is a change
_HEAD_NOISE = Lazy(r"\([^)]*\)|[a-z]{0,3}[$£€¥]\s*(?:m|bn|k|000|'000)?(?![a-z])|%|\b(?:m|bn|million|billion|thousands?|"
                   r"change|var(?:iance)?|movement)\b", re.IGNORECASE)


def _head_key(head: str) -> str:
    """A period column's header without its unit: 'FY23 $m' and 'FY23' are one period."""
    return " ".join(_HEAD_NOISE.sub(" ", head).lower().split())


def _named_heads(cols: list[Column], k: int, levels: list[int]) -> tuple[int, int] | None:
    """'FY22 vs FY23 $m': the two period columns whose headers are, but for their units,
    the two sides of the change column's header, one column each."""
    sides = _VERSUS.split(cols[k].head)
    if len(sides) != 2:
        return None
    found = [[j for j in levels if _head_key(cols[j].head) == _head_key(side) != ""] for side in sides]
    if all(len(f) == 1 for f in found) and found[0][0] != found[1][0]:
        return found[0][0], found[1][0]
    return None


def _cadence_pair(cols: list[Column], k: int, levels: list[int]) -> tuple[int, int] | None:
    """Among three quarter columns or more, a change column headed year on year (按年, YoY) is
    between the latest quarter and the same quarter a year before, one headed sequential (按季,
    QoQ) between the latest and the quarter before it ('| 2009 第1季 | 2009 第2季 | 2010 第1季 |
    2010 第2季 | 按年 | 按季 |'); None when the header says neither or that quarter is not there."""
    dated = [j for j in levels if cols[j].year is not None and cols[j].quarter]
    if len(dated) < 3:
        return None
    latest = max(dated, key=lambda j: (cols[j].year or 0, cols[j].quarter or 0))
    want = _compared_quarter(cols[k].head, cols[latest].year or 0, cols[latest].quarter or 0)
    prior = next((j for j in dated if (cols[j].year, cols[j].quarter) == want), None)
    return (latest, prior) if prior is not None else None


def _compared_quarter(head: str, year: int, quarter: int) -> tuple[int, int] | None:
    """(year, quarter) a change column's header compares the given quarter with: the same a year
    before (按年, YoY), the one before it (按季, QoQ), or None."""
    cu = cues(lang_of(head))
    if _said(cu.pattern("year_on_year"), head):
        return year - 1, quarter
    if _SEQUENTIAL.search(head) or _said(cu.pattern("sequential"), head):
        return (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return None


def _said(pattern: Lazy | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _unnamed_pair(cols: list[Column], levels: list[int]) -> tuple[int, int] | None:
    """The two latest of three period columns or more, else the two nearest; None where
    the two latest are of one year and not told apart ('| H2 FY23 | FY22 | FY23 |': a
    half and its year are no pair of periods)."""
    if len(levels) < 3 or any(cols[j].year is None for j in levels):
        return levels[1], levels[0]
    ranked = sorted(levels, key=lambda j: cols[j].year or 0, reverse=True)
    a, b = cols[ranked[0]], cols[ranked[1]]
    if a.year == b.year and (not a.quarter or not b.quarter or a.quarter == b.quarter):
        return None
    return ranked[0], ranked[1]


def _row_changes(r: Reading, table: Table) -> list[Relation]:
    out = []
    for k, cur, prior, told in _pairs(table):
        kind = table.columns[k].kind
        in_percent = False  # under a units line of per cents ('| Ratios | % | % | Change |')
        for row in table.rows[table.heads :]:
            if max(k, cur, prior) >= len(row):
                continue
            if _header_like(row):
                in_percent = _percent_cell(row[cur]) and _percent_cell(row[prior])
                continue
            if in_percent:
                rel = _points_row(r, row, (row[k], row[cur], row[prior]), told, kind) if row[cur].kind == "amt" else None
            else:
                rel = _row_change(r, table, row, kind, row[k], row[cur], row[prior], told)
            if rel is not None:
                out.append(rel)
    return out


def _percent_cell(c: Cell) -> bool:
    return c.text.strip() in ("%", "％", "(%)")


def _row_change(r: Reading, table: Table, row: list[Cell], kind: str, ck: Cell, cn: Cell, cb: Cell,
                told: bool) -> Relation | None:
    if not _on_one_footing(ck, cn, cb):
        return None
    assert ck.value is not None and cn.value is not None and cb.value is not None
    vn, vb, vk = cn.value, cb.value, ck.value
    if _percent_row(row[0].text) and cn.kind == "amt" and ck.kind != "pct" or cn.kind == cb.kind == "pct" and ck.kind == "amt":
        # 'Gross margin (%) | 73.2 | 72.2 | 1.0', '| ROAA | 0.69% | 0.76% | (0.07) |': points (or the rate's own growth)
        return _points_row(r, row, (ck, cn, cb), told, kind, _in_bp(table, ck))
    found = _row_check(table, kind, ck, cn, vb, _stated_pct(kind, ck, vn, vb))
    if found is None:
        return None
    name, check, rev, vk = found
    stated = t.num(vk)
    alts = [Alt(check, t.num(q.neg(vk)), "convention")]  # favourable/(unfavourable) columns
    if not told:
        alts.insert(0, Alt(rev, stated, "binding"))
    if kind == "change" and name == "growth":
        alts.append(Alt(t.minus(t.num(vn), t.num(vb)), t.num(ck.value), "binding"))
    at = _mention(ck, r.text)
    return Relation(name, f"table-{name}", check, stated, "≈", None, (_mention(cb, r.text), _mention(cn, r.text), at), at,
                    row[0].start, row[-1].end, tuple(alts), told and _plain_row(row, r))


def _on_one_footing(ck: Cell, cn: Cell, cb: Cell) -> bool:
    """A change cell and its two period cells are figures to compute with, the two of one
    kind and one footing ('$661m' beside '$1,241' under '(m)' is not)."""
    if ck.value is None or cn.value is None or cb.value is None or ck.kind not in ("pct", "pts", "amt"):
        return False
    return not (cn.kind not in ("pct", "amt") or cn.kind != cb.kind or (cn.value.mag is None) != (cb.value.mag is None))


def _stated_pct(kind: str, ck: Cell, vn: q.Value, vb: q.Value) -> bool:
    """Whether a change cell states a change in per cent: written so, or bare under a
    per cent change header (or a 'Change' one, unless the difference is nearer)."""
    assert ck.value is not None
    money = bool(re.search(r"[$£€¥￥₹]", ck.text))  # '$191' under a 'Change' header: an amount
    stated_pct = ck.kind == "pct" or (ck.kind == "amt" and not money and kind in ("change_pct", "change"))
    if kind == "change" and ck.kind == "amt" and stated_pct and _amount_nearer(ck.value, vn, vb):
        stated_pct = False  # 'Estimated change | 445' beside 4,350 and 4,805: an amount, not 445%
    return stated_pct


def _row_check(
    table: Table, kind: str, ck: Cell, cn: Cell, vb: q.Value, stated_pct: bool
) -> tuple[str, Node, Node, q.Value] | None:
    """What a row's change cell states of its period cells: (the relation, its check, the
    check the other way round, the stated value); None when it is no claim."""
    assert ck.value is not None and cn.value is not None
    vn, vk = cn.value, ck.value
    if ck.kind == "pts" or kind == "change_pts":
        if cn.kind != "pct":
            return None
        if ck.kind == "amt":
            vk = q.with_unit(q.literal(_digits(ck)), q.unit("bp" if _in_bp(table, ck) else "pp"))
            vk = q.neg(vk) if ck.value.point < 0 else vk
        return "change", t.call("change", t.num(vb), t.num(vn)), t.call("change", t.num(vn), t.num(vb)), vk
    if stated_pct and kind != "change_amt":
        return _growth_cell(ck, cn, vb, vk)
    return "difference", t.minus(t.num(vn), t.num(vb)), t.minus(t.num(vb), t.num(vn)), vk


def _growth_cell(ck: Cell, cn: Cell, vb: q.Value, vk: q.Value) -> tuple[str, Node, Node, q.Value] | None:
    """A change cell in per cent of its period cells: a growth, of their sizes when both are
    in brackets (a cost or a loss both years: -15.7% for (335,426) from (398,069))."""
    assert cn.value is not None
    vn = cn.value
    both_negative = vb.point < 0 and vn.point < 0
    if vb.point <= 0 and not both_negative:
        return None  # a growth from nothing or from a loss to a profit is no claim
    vk = q.with_unit(q.Value(vk.point, vk.iv, q.PLAIN, vk.mag), q.unit("percent")) if ck.kind == "amt" else vk
    if cn.kind == "pct":
        return None  # a per cent change of a percentage: points or per cent, the column does not say
    if both_negative:
        vb, vn = q.neg(vb), q.neg(vn)
    return "growth", t.call("growth", t.num(vb), t.num(vn)), t.call("growth", t.num(vn), t.num(vb)), vk


def _in_bp(table: Table, ck: Cell) -> bool:
    """A bare change cell is in basis points: its column's header, or the table's corner, says so."""
    c = next((row.index(ck) for row in table.rows if ck in row), 0)
    heads = [table.columns[0].head, table.columns[c].head if c < len(table.columns) else ""]
    # a row of units inside the table ('| | | | bps | | Bps |') over the rows of rates
    heads += [row[c].text for row in table.rows if c < len(row) and row[c].kind == "text"]
    return any(re.search(r"\bbps?\b|basis point|基点", h.lower()) for h in heads)


#: a row of percentages printed as bare numbers: 'Gross margin (%)', 'Tax rate', 毛利率
_PERCENT_ROW = Lazy(r"\(%\)|%|\bmargin\b|\brate\b|\bratio\b|\breturn on\b|率|占比|比重", re.IGNORECASE)


def _percent_row(label: str) -> bool:
    return bool(_PERCENT_ROW.search(label))


def _points_row(r: Reading, row: list[Cell], cells: tuple[Cell, Cell, Cell], told: bool, kind: str,
                bp: bool = False) -> Relation | None:
    """A row of bare percentages: its change column is in points; under a per cent change
    header ('VAR %') the change may be the rate's own growth in per cent (28.5 against 22.9
    is +24.5%), a reading that keeps a failure in points silent."""
    ck, cn, cb = cells
    if ck.value is None or cn.value is None or cb.value is None:
        return None
    pct = q.unit("percent")
    vn = q.with_unit(q.Value(cn.value.point, cn.value.iv, q.PLAIN, None), pct)
    vb = q.with_unit(q.Value(cb.value.point, cb.value.iv, q.PLAIN, None), pct)
    vk = q.with_unit(q.Value(ck.value.point, ck.value.iv, q.PLAIN, None), q.unit("bp" if bp else "pp"))
    check = t.call("change", t.num(vb), t.num(vn))
    alts = [Alt(check, t.num(q.neg(vk)), "convention")]
    if kind == "change_pct" and vb.point > 0 and not bp:
        alts.append(Alt(t.call("growth", t.num(vb), t.num(vn)), t.num(q.with_unit(q.Value(ck.value.point, ck.value.iv, q.PLAIN, None), pct)),
                        "convention"))
    if not told:
        alts.insert(0, Alt(t.call("change", t.num(vn), t.num(vb)), t.num(vk), "binding"))
    at = _mention(ck, r.text)
    return Relation("change", "table-change", check, t.num(vk), "≈", None, (_mention(cb, r.text), _mention(cn, r.text), at),
                    at, row[0].start, row[-1].end, tuple(alts), told)


def _amount_nearer(vk: q.Value, vn: q.Value, vb: q.Value) -> bool:
    """Whether a bare change cell is nearer the difference of its row than its growth in per cent."""
    if vb.point == 0:
        return True
    diff = abs(vn.point - vb.point)
    rate = abs(vn.point / vb.point - 1) * 100
    k = abs(vk.point)
    if k == 0:
        return False
    return abs(k - diff) < abs(k - rate)


def _digits(cell: Cell) -> str:
    m = _CELL.match(cell.text.strip())
    return re.sub(r"[, ]", "", m.group("num")) if m else "0"


def _plain_row(row: list[Cell], r: Reading) -> bool:
    """A row whose label names one measure (not a note or a heading of a block)."""
    return bool(row[0].text.strip())


def _share_columns(r: Reading, table: Table) -> list[Relation]:
    """'% of Net Sales' beside an amount column: each row's amount over the whole row's."""
    out = []
    cols = table.columns
    for k, col in enumerate(cols):
        if col.kind != "share" or k == 0 or cols[k - 1].kind != "level":
            continue
        out += _to_a_hundred(_column_shares(r, table, k))
    return out


def _to_a_hundred(rels: list[Relation]) -> list[Relation]:
    """Shares printed to sum to 100% exactly: a publisher rounds one of them the other way so
    that they do (40.0, 23.1, 21.6, 15.3 where 23.15 would round to 23.2), a convention that
    keeps a miss by one unit of the last digit silent."""
    said = [rel.stated.value for rel in rels if isinstance(rel.stated, Num)]
    if len(said) < 2 or len(said) != len(rels) or sum((v.point for v in said), Fraction(0)) != 100:
        return rels
    return [rel._replace(alts=(*rel.alts, Alt(rel.check, t.num(_one_unit_wider(v)), "convention")))
            for rel, v in zip(rels, said, strict=True)]


def _one_unit_wider(v: q.Value) -> q.Value:
    """The value's interval widened by one unit of its last digit on each side."""
    lo, hi = v.iv.lo, v.iv.hi
    if lo is None or hi is None:
        return v
    unit = hi - lo
    return q.Value(v.point, Interval(lo - unit, hi + unit), v.unit, v.mag)


def _column_shares(r: Reading, table: Table, k: int) -> list[Relation]:
    """The shares of column ``k``: each row's amount (the nearest column of amounts before
    it, past an index or a rate column: '2011年为上年%') over that of the row at 100% (or of
    the figure the header names, when no row is)."""
    body = table.rows[table.heads :]
    whole = _hundred_row(body, k)
    a = _amount_column(table, k)
    if whole is None or a is None:
        return _shares_of_no_row(r, table, k, a)
    if whole[a].value is None or _is(whole[a], 100) and whole[a].kind != "pct":
        return []  # '| 2017 | 2018 |' under '| % | % |': two years of one mix, not an amount and its shares
    total = _val(whole[a])
    if total.point <= 0:
        return []
    rows = [row for row in body if row is not whole and k < len(row) and row[k].kind == "pct"
            and row[a].kind == "amt" and row[a].value is not None]
    summed = _summed(rows, whole, a + 1)
    out = []
    for row in rows:
        at = _mention(row[k], r.text)
        check = t.call("share", t.num(_val(row[a])), t.num(total))
        alts = () if summed is None else (Alt(t.call("share", t.num(_val(row[a])), summed), t.num(_val(row[k])),
                                              "binding"),)
        out.append(Relation("share", "table-share", check, t.num(_val(row[k])), "≈", None,
                            (_mention(row[a], r.text), _mention(whole[a], r.text), at), at,
                            row[0].start, row[-1].end, alts, True))
    return out


def _shares_of_no_row(r: Reading, table: Table, k: int, a: int | None) -> list[Relation]:
    """Shares with no row at 100%: of the figure the header names ('% of net sales' with net
    sales in the text), else of their block's sum where they make 100%; only beside their amounts."""
    if a != k - 1:
        return []
    return _shares_of_named(r, table, k) or _shares_of_block(r, table, k)


#: a header of a column of rates or index numbers, never the amounts a share is of
_RATE_HEAD = Lazy(r"%|％|指数|为上年|增长|change|growth|index", re.IGNORECASE)


def _amount_column(table: Table, k: int) -> int | None:
    """The column of amounts a share column ``k`` is of: the nearest on its left whose
    header says no rate or index."""
    for j in range(k - 1, 0, -1):
        col = table.columns[j]
        if col.kind in ("level", "other") and not _RATE_HEAD.search(col.head):
            return j
    return None


def _hundred_row(body: list[list[Cell]], k: int) -> list[Cell] | None:
    """The first row at 100% in column ``k``: the whole the others are shares of."""
    return next((row for row in body if k < len(row) and row[k].kind == "pct" and _is(row[k], 100)), None)


def _summed(rows: list[list[Cell]], whole: list[Cell], k: int) -> Node | None:
    """The whole as its parts (``rows``, amounts in column ``k - 1``) add up, when the whole
    row is their total (a misprinted total); else None."""
    if len(rows) > 1 and _is_total(_label(whole[0].text), cues(lang_of(whole[0].text))):
        return t.call("sum", *(t.num(_val(row[k - 1])) for row in rows))
    return None


def _shares_of_named(r: Reading, table: Table, k: int) -> list[Relation]:
    """A share column whose header names its whole ('% of net sales', 占营业收入比重) when no
    row of the table is that whole: each row's amount (at the table's scale) over the figure
    of that name and of the column's year in the table or the text of the section."""
    cols = table.columns
    name, year = _whole_named(cols[k].head), cols[k - 1].year
    if not name or year is None:
        return []
    section = r.table_sections[_table_index(r, table)]
    whole = _figure_of(r, section, name, year)
    if whole is None:
        return []
    caption = r.text[max(0, table.lines[0] - 160) : table.lines[0]]
    out = []
    for row in table.rows[table.heads :]:
        cell, share = row[k - 1] if k - 1 < len(row) else None, row[k] if k < len(row) else None
        if cell is None or share is None or share.kind != "pct" or cell.kind != "amt" or share.value is None:
            continue
        value = _scaled(cell, row[0].text, cols[0].head, caption)
        if value is None or not q.compatible(value.unit, whole.value.unit):
            continue
        at = _mention(share, r.text)
        out.append(Relation("share", "table-share", t.call("share", t.num(value), t.num(whole.value)),
                            t.num(share.value), "≈", None, (_mention(cell, r.text), whole.m, at), at, row[0].start,
                            row[-1].end, (), True))
    return out


def _shares_of_block(r: Reading, table: Table, k: int) -> list[Relation]:
    """A share column with no whole in the table ('| 分产品 | 营业收入 | 占比 |'): in each block
    of rows whose shares make 100% (within their rounding), each row's amount over the sum
    of the block's amounts."""
    body = table.rows[table.heads :]
    blocks: dict[str, list[list[Cell]]] = {}
    for i, row in enumerate(body):
        if k < len(row) and row[k].kind == "pct" and row[k].value is not None and row[k - 1].kind == "amt":
            blocks.setdefault(table.blocks[table.heads + i], []).append(row)
    out = []
    for rows in blocks.values():
        if len(rows) < 2 or len({_val(row[k - 1]).mag for row in rows}) > 1 or not _a_partition(rows, k):
            continue
        whole = t.call("sum", *(t.num(_val(row[k - 1])) for row in rows))
        for row in rows:
            at = _mention(row[k], r.text)
            out.append(Relation("share", "table-share", t.call("share", t.num(_val(row[k - 1])), whole), t.num(_val(row[k])),
                                "≈", None, (_mention(row[k - 1], r.text), at), at, row[0].start, row[-1].end, (), True))
    return out


def _a_partition(rows: list[list[Cell]], k: int) -> bool:
    """A block's shares (column ``k``) are of its amounts' sum (column ``k - 1``): they make
    100% within their rounding, or, three rows at least, all but one agree with it (the one
    may be wrong)."""
    shares = [v for row in rows if (v := row[k].value) is not None]
    slack = Fraction(len(shares), 20) + Fraction(1, 10)  # each share within half its last digit, and a tenth
    if abs(sum((v.point for v in shares), Fraction(0)) - 100) <= slack:
        return True
    total = sum((_val(row[k - 1]).point for row in rows), Fraction(0))
    if len(rows) < 3 or total <= 0:
        return False
    agree = 0
    for row in rows:
        v = row[k].value
        assert v is not None
        if abs(_val(row[k - 1]).point / total * 100 - v.point) <= (v.iv.hi - v.iv.lo if v.iv.hi is not None and v.iv.lo is not None else 0) + Fraction(1, 10):
            agree += 1
    return agree >= len(rows) - 1


def _whole_named(head: str) -> str:
    """The whole a share column's header names: '% of net sales' -> net sales, 占营业收入比重 -> 营业收入."""
    found = re.search(r"\bof\s+(?:total\s+)?([a-z][a-z '’-]{2,40})", head.lower()) or re.search(r"占([^比（(]{2,12})", head)
    return measure_key(found.group(1)) if found else ""


def _table_index(r: Reading, table: Table) -> int:
    return next(i for i, x in enumerate(_tables(r)) if x is table)


def _figure_of(r: Reading, section: int, name: str, year: int) -> Fig | None:
    """The one amount of the section's text named ``name`` and said of ``year`` ('net sales
    were $383.3 billion in fiscal 2023')."""
    found = []
    for s in r.sections.get(section, []):
        for st in s.stmts:
            if beyond_whole(name, st.measure) is None:
                continue
            for f in st.figs:
                if f.kind == "amt" and f.role in ("level", "new") and _year_by(f) == year:
                    found.append(f)
    return found[0] if len({f.value.point for f in found}) == 1 else None


def _year_by(f: Fig) -> int | None:
    """The year said right after a figure ('$383.3 billion in fiscal 2023') or right before it."""
    after = re.match(r"\s*(?:in|for)\s+(?:the\s+)?(?:fiscal\s+|financial\s+|fy\s*)?((?:19|20)\d{2})\b", f.after,
                     re.IGNORECASE)
    if after:
        return int(after.group(1))
    before = re.search(r"\b(?:in|for)\s+(?:fiscal\s+)?((?:19|20)\d{2})\W*$|((?:19|20)\d{2})年[^，,。\d]{0,12}$", f.before)
    return int(before.group(1) or before.group(2)) if before else None


def _total_rows(r: Reading, table: Table) -> list[Relation]:
    """A Total row foots the rows above it (back to the header, a blank row or the total
    before it) in every column of amounts; 'Less:' rows count against it."""
    out = []
    body = table.rows[table.heads :]
    cu = cues(lang_of(" ".join(row[0].text for row in body)))
    for i, row in enumerate(body):
        label = _label(row[0].text)
        if label and _is_total(label, cu):
            out += _total_row(r, table, body, i, cu)
    return out


def _total_row(r: Reading, table: Table, body: list[list[Cell]], i: int, cu: Cues) -> list[Relation]:
    """Total row ``i``'s sums, a column each, with the other readings of its parts as alternatives."""
    row = body[i]
    block, clean = _total_parts(body, i, cu)
    block = _subtotals_above(table, body, i) or block
    if len(block) < 2 or any(_PER_ROW.search(b[0].text) for b in block + [row]):
        return []
    if not _one_sum(cu, _label(row[0].text), block, row):
        return []
    wider = _wider_block(body, i, block, cu)
    clean = clean and not _heading_subtotal(body, i, cu)
    out = []
    for c in range(1, len(row)):
        rel = _foot(r, table, block, row, c, clean)
        if rel is not None:
            out.append(rel._replace(alts=(*_other_footings(block, wider, row, c, rel.stated), *rel.alts)))
    if len(out) >= 2 and not any(_holds_exactly(rel) for rel in out):
        return []  # 'Total assets' under 'Working capital' and 'Goodwill': no column foots, the rows are no parts of it
    return out


def _subtotals_above(table: Table, body: list[list[Cell]], i: int) -> list[list[Cell]]:
    """The subtotals a grand 'Total' line adds up ('| Total long-term |' and its lines, '| Total
    money market |' and its lines, then '| Total |'), in a table of two columns of amounts or
    more (where a footing that holds in no column says nothing); none for the others."""
    subtotals = [b for b in body[:i] if _label(b[0].text).lower().startswith("total ")]
    if _label(body[i][0].text).lower() != "total" or len(subtotals) < 2:
        return []
    return subtotals if sum(c.kind == "level" for c in table.columns) >= 2 else []


def _other_footings(block: list[list[Cell]], wider: list[list[Cell]], row: list[Cell], c: int, stated: Node) -> list[Alt]:
    """The sums a total may also be: its block with a 'Less:' row's bracketed figure taken
    away, and the wider block either way."""
    more = []
    for rows, flip in ((block, True), (wider, False), (wider, True)):
        parts = _foot_parts(rows, row, c, flip) if rows else None
        if parts:
            more.append(Alt(t.call("sum", *(t.num(v) for v in parts)), stated, "binding"))
    return more


def _heading_subtotal(body: list[list[Cell]], i: int, cu: Cues) -> bool:
    """A row above total ``i`` that repeats the label of a sub-heading above it ('Other
    intangible assets:' … rows … 'Other intangible assets | 21.4'): the subtotal of the rows
    between, a structure the block above the total does not tell; no failure is certain."""
    headings = set()
    for above in body[:i]:
        lab = _label(above[0].text)
        if all(c.kind in ("empty", "text") for c in above[1:]):
            headings.add(lab)
        elif lab and lab in headings:
            return True
    return False


def _wider_block(body: list[list[Cell]], i: int, block: list[list[Cell]], cu: Cues) -> list[list[Cell]]:
    """The rows a total may foot beyond the block above it, where the block stopped at a
    sub-heading or at a total before it: the rows above the sub-heading too ('Cost of
    sales' above 'Operating expenses:' under one Total), or the total before it with the
    block ('Total segment assets' + other assets = 'Total assets'). Empty when the block
    reached the header."""
    if not block:
        return []
    j = next((k for k, b in enumerate(body) if b is block[0]), i) - 1
    extra: list[list[Cell]] = []
    while j >= 0:
        above = body[j]
        if _is_total(_label(above[0].text), cu):
            extra.append(above)  # the subtotal stands for the rows above it
            break
        if not all(c.kind in ("empty", "text") for c in above[1:]):
            extra.append(above)
        j -= 1
    return [*reversed(extra), *block] if extra else []


def _total_parts(body: list[list[Cell]], i: int, cu: Cues) -> tuple[list[list[Cell]], bool]:
    """The rows the total row ``i`` foots (in order; those whose labels were lost, last first),
    and whether none is a subtotal (but
    a 'Less:' row): the rows above it back to the header, a blank row or the total
    before it; all of them when their labels were lost; else the 'of which' rows under it."""
    block = []
    if i >= 2 and not any(_label(b[0].text) for b in body[:i]):
        # '| | 50,871 |' rows whose labels were lost, then '| Total | 79,655 |': all of them are its parts
        block = [b for b in body[:i] if not all(c.kind in ("empty", "text") for c in b[1:])][::-1]  # last first, as read
    if not block:
        block = _rows_above(body, i, cu)
    clean = not any(cu.has(_label(b[0].text), "subtotal_row") and not _LESS.match(b[0].text) for b in block)
    if not block:  # 总计 first, then 其中：采矿业, 制造业 …: the rows under it (perhaps not all of them)
        block, clean = _of_which_below(body, i, cu), False
    return block, clean


def _rows_above(body: list[list[Cell]], i: int, cu: Cues) -> list[list[Cell]]:
    """The rows above row ``i``, in order, back to the header, a blank row, the total
    before it, or a row without a label (the running subtotal the rows after it start from)."""
    block = []
    for above in reversed(body[:i]):
        lab = _label(above[0].text)
        if _is_total(lab, cu) or all(c.kind in ("empty", "text") for c in above[1:]):
            break
        block.append(above)
        if not lab:
            break  # a row without a label is the running subtotal the rows after it start from
    block.reverse()
    return block


#: a column of totals: its header ends with the word ('2022 Total £m', 合计)
_TOTAL_HEAD = Lazy(r"(?:^|[\s|])(?:total|合计|总计)\s*(?:\(?\s*(?:[$£€¥]|us\$|rmb)?\s*(?:m|bn|mn|k|'000|000s|millions?|"
                   r"thousands?|billions?)?\s*\)?)?$", re.IGNORECASE)
#: a column of notes' numbers beside the label ('Note', 附注): never an amount
_NOTE_HEAD = Lazy(r"^\s*(?:notes?|附注)\s*$", re.IGNORECASE)


def _total_columns(r: Reading, table: Table) -> list[Relation]:
    """A Total column sums, row by row, the columns of amounts between it and the label (or
    the Total column before it) of its own period: 'Results before adjusting items |
    Adjusting items | Total'. Columns of quarters are left to the year's sum."""
    out = []
    cols = table.columns
    start = 1
    for k, col in enumerate(cols):
        low = _SCALE_NOTE.sub("", " ".join(col.head.lower().split()))
        if col.kind != "level" or not _TOTAL_HEAD.search(low) or _PER_ROW.search(low):
            if col.kind != "level" or _NOTE_HEAD.match(col.head):
                start = k + 1
            continue
        parts = [j for j in range(start, k) if cols[j].kind == "level"]
        start = k + 1
        if len(parts) < 2 or any(cols[j].year != col.year or cols[j].quarter is not None for j in parts):
            continue
        out += _column_totals(r, table, parts, k)
    return out or _footing_column(r, table)


def _footing_column(r: Reading, table: Table) -> list[Relation]:
    """The last column of a table of regions or kinds that, in two rows at least, is exactly
    the sum of the columns before it ('| NSW | Vic. | … | ACT | Aust. |'): its header need not
    say 'Total'; every row of amounts is then checked (a row of rates is none)."""
    cols = table.columns
    levels = [j for j, col in enumerate(cols) if col.kind == "level"]
    if len(levels) < 4 or levels[-1] != len(cols) - 1 or any(cols[j].year is not None for j in levels):
        return []
    parts, k = levels[:-1], levels[-1]
    rows = _amount_rows(table, k)
    kind = _footing_kind(cols[k].head)
    footing = [rel._replace(kind=kind) for row in rows if (rel := _foot_across(r, row, parts, k)) is not None]
    return footing if _footed(footing) >= 2 else []


def _footed(rels: list[Relation]) -> int:
    """How many of the sums hold exactly over two parts that are something (rows of zeros foot anything)."""
    return sum(1 for rel in rels if _holds_exactly(rel) and _two_somethings(rel))


def _footing_kind(head: str) -> str:
    """A column that foots the others: a 'total' when its header says Total, else a 'sum' ('Aust.')."""
    return "total" if _TOTAL_HEAD.search(" ".join(head.lower().split())) else "sum"


def _amount_row(label: str) -> bool:
    """A row of amounts that add up, not of rates or per-share figures."""
    return not _PER_ROW.search(label) and "%" not in label


def _amount_rows(table: Table, k: int) -> list[list[Cell]]:
    """The rows of amounts that add up in column ``k``: neither the row's label nor the
    heading row above it ('| Operating margin (%) | | |' over '| 2018 | 19.2 | 14.3 |')
    says a rate, unless the row's cell of ``k`` is 100 (shares of a whole)."""
    out, heading = [], ""
    for row in table.rows[table.heads :]:
        if k >= len(row):
            continue
        if _heading_row(row):
            heading = row[0].text
            continue
        if (_amount_row(row[0].text) and _amount_row(heading)) or _HUNDRED.fullmatch(row[k].text.strip()):
            out.append(row)
    return out


def _heading_row(row: list[Cell]) -> bool:
    """A row of words only, heading the rows under it ('| Operating margin (%) | | |', 按经营地分)."""
    return all(c.kind in ("skip", "empty") for c in row[1:])


#: a cell of shares' total: 100, 100.0, 100%
_HUNDRED = Lazy(r"100(?:\.0+)?\s*%?")


def _holds_exactly(rel: Relation) -> bool:
    """A footing whose parts, as written, sum to the total within the rounding of the
    figures (the parts' sum, from each part's least to its most, meets the total's)."""
    check, stated = rel.check, rel.stated
    assert isinstance(check, Call) and isinstance(stated, Num)
    parts = [a.value.iv for a in check.args if isinstance(a, Num)]
    iv = stated.value.iv
    if iv.lo is None or iv.hi is None or any(p.lo is None or p.hi is None for p in parts):
        return False
    lo = sum((p.lo for p in parts if p.lo is not None), Fraction(0))
    hi = sum((p.hi for p in parts if p.hi is not None), Fraction(0))
    return lo <= iv.hi and iv.lo <= hi


def _column_totals(r: Reading, table: Table, parts: list[int], k: int) -> list[Relation]:
    """Each row's cell of the Total column ``k`` as the sum of its cells in the ``parts`` columns."""
    out = []
    for row in _amount_rows(table, k):
        rel = _foot_across(r, row, parts, k)
        if rel is not None:
            out.append(rel)
    return out


#: a cell whose figure exists but is not published (a dash is nothing; these are unknown)
_NOT_AVAILABLE = frozenset(("na", "n.a.", "n.a", "n/a", "np", "n.p.", "..", "x", "不适用"))


def _foot_across(r: Reading, row: list[Cell], parts: list[int], k: int) -> Relation | None:
    """A row's total cell as the sum of its cells in the part columns (a dash is nothing)."""
    total = row[k].value
    if total is None or row[k].kind != "amt":
        return None
    values = []
    for j in parts:
        if row[j].text.strip().lower() in _NOT_AVAILABLE:
            return None  # a part not published ('na', 'np'): the total holds it, the row says nothing
        if row[j].kind in ("skip", "empty"):
            continue
        v = row[j].value
        if v is None or row[j].kind != "amt" or v.mag != total.mag:
            return None
        values.append(_val(row[j]))
    if len(values) < 2:
        return None
    at = _mention(row[k], r.text)
    return Relation("total", "table-total", t.call("sum", *(t.num(v) for v in values)), t.num(_val(row[k])), "≈",
                    None, (at,), at, row[0].start, row[-1].end, (), True)


def _one_sum(cu: object, label: str, block: list[list[Cell]], row: list[Cell]) -> bool:
    """The rows can be the total's parts: no result of another kind among them ('Total
    assets' under 'EBITDA' and 'Net profit after tax' is a tear sheet, no sum), and every
    amount on one footing ('$661m' among bare cells under '(m)' is not)."""
    assert isinstance(cu, Cues)
    if any(cu.has(_label(b[0].text), "result_row") for b in block) and not cu.has(label, "result_row"):
        return False
    mags = {v.mag is None for b in [*block, row] for c in b[1:] if (v := c.value) is not None and c.kind == "amt"}
    return len(mags) <= 1


def _percent_head(head: str) -> bool:
    """A column of percentages whose cells are bare numbers: 'Share of book (%)', 'Allocation (%)'."""
    low = head.lower()
    return "%" in low or "％" in low or cues(lang_of(low)).has(low, "col_share")


def _per_unit(head: str) -> bool:
    """A column of figures per unit (a price, an average, a rate, per share): never summed."""
    low = _UNIT_NOTE_ZH.sub("", _SCALE_NOTE.sub("", " ".join(head.lower().split())))  # 单位:万元 says the unit, no per unit
    return bool(low) and cues(lang_of(low)).has(low, "col_per_unit")


#: a Chinese header's note of its unit: '单位:万元', '（单位：亿元）'
_UNIT_NOTE_ZH = Lazy(r"[(（]?\s*单位\s*[:：]\s*[^\s)）|]{1,6}[)）]?")


def _of_which_below(body: list[list[Cell]], i: int, cu: object) -> list[list[Cell]]:
    """The rows a total row heads with 'of which' (其中：采矿业 …), to the next total or the end."""
    assert isinstance(cu, Cues)
    below = body[i + 1 :]
    if not below or not cu.has(_label(below[0][0].text)[:6], "of_which"):
        return []
    out = []
    for row in below:
        if _is_total(_label(row[0].text), cu) or all(c.kind in ("empty", "text") for c in row[1:]):
            break
        out.append(row)
    return out


def _label(text: str) -> str:
    return re.sub(r"[*_`†‡]|\(\w{1,3}\)\s*$", "", " ".join(text.split())).strip().rstrip(":：").lower()


def _is_total(label: str, cu: object) -> bool:
    assert isinstance(cu, Cues)
    toks = tuple(x for x, _, _ in tokens(label))
    return bool(toks) and (cu.is_phrase(label, "total_row") or (toks[0] in ("total", "合", "总") and len(toks) <= 6
                           or _TOTAL_TAIL_ZH.search(label) is not None) and not cu.has(label, "subtotal_row"))


#: a Chinese line that totals the lines of its heading: 营业费用合计, 资产总计
_TOTAL_TAIL_ZH = Lazy(r"^[\u4e00-\u9fff]{2,12}(?:合计|总计)$")


def _foot(r: Reading, table: Table, block: list[list[Cell]], row: list[Cell], c: int, clean: bool) -> Relation | None:
    col = table.columns[c] if c < len(table.columns) else None
    if col is None or not _summable(col, row[c]):
        return None
    total = _val(row[c])
    parts = _foot_parts(block, row, c)
    if parts is None or len(parts) < 2:
        return None
    if _part_over_whole(total, parts):
        return None  # a part larger than the whole: the row is no total of these (a mean, a rate)
    clean = clean and not _far_from(total, parts)
    check = t.call("sum", *(t.num(v) for v in parts))
    at = _mention(row[c], r.text)
    alts = tuple(Alt(t.call("sum", *(t.num(v) for v in parts[j:])), t.num(total), "convention")
                 for j in range(1, len(parts) - 1))
    return Relation("total", "table-total", check, t.num(total), "≈", None, (at,), at, row[0].start, row[-1].end,
                    alts, clean)


def _part_over_whole(total: q.Value, parts: list[q.Value]) -> bool:
    return total.point > 0 and all(v.point >= 0 for v in parts) and max(v.point for v in parts) > total.point


def _far_from(total: q.Value, parts: list[q.Value]) -> bool:
    """The rows add to under half the total or over twice it, or to a sign the total does
    not have: some of its parts only (the items a new standard changed, a year's flows
    above a stock, a segment's losses above its assets), no certain failure."""
    summed = sum((v.point for v in parts), Fraction(0))
    return total.point > 0 and not total.point / 2 <= summed <= total.point * 2


def _summable(col: Column, cell: Cell) -> bool:
    """A total row's cell that is a sum of the cells above it: an amount, or a share of
    one whole (the total's share is the sum of the rows': '% of net sales'); never an
    average, a rate or a price (a Total row gives its mean)."""
    if col.kind not in ("level", "share") or cell.value is None or cell.kind not in ("amt", "pct"):
        return False
    hundred = cell.value.point == 100
    shares = col.kind == "share"
    return not (cell.kind == "pct" and not hundred and not shares or _per_unit(col.head) and not (
        (hundred or shares) and _percent_head(col.head)))


def _foot_parts(block: list[list[Cell]], row: list[Cell], c: int, flip: bool = False) -> list[q.Value] | None:
    """The values in column ``c`` of the rows a total foots ('Less:' rows against it), a
    dash or a blank nothing; None when one is not of the total's kind. With ``flip``, a
    'Less:' row's figure in brackets is taken away too (less a negative: added), the other
    way printers write it."""
    parts = []
    for b in block:
        if c >= len(b) or b[c].kind == "skip" or b[c].kind == "empty":
            continue
        if b[c].value is None or b[c].kind != row[c].kind:
            return None
        v = _val(b[c])
        parts.append(q.neg(v) if _LESS.match(b[0].text) and (v.point > 0 or flip) else v)
    return parts


def _quarters_of(cols: list[Column], col: Column) -> dict[int, int] | None:
    """The four quarter columns a year's column sums: of its year ('Q1 2023' … '2023'), or,
    when no column names a year ('1st Quarter' … 'Fiscal Year', 第一季 … 全年), of the
    table's one year; the year's column says it is one ('Full year', 全年) or names the
    quarters' year."""
    same = {c.quarter: j for j, c in enumerate(cols) if c.kind == "level" and c.quarter and c.year == col.year}
    if sorted(same) != [1, 2, 3, 4] and col.year is not None and col.whole_year:
        same = {c.quarter: j for j, c in enumerate(cols) if c.kind == "level" and c.quarter and c.year is None}
    if sorted(same) != [1, 2, 3, 4]:
        return None
    if col.year is None and not col.whole_year:
        return None
    return same


def _quarter_sums(r: Reading, table: Table) -> list[Relation]:
    """A fiscal year's column is the sum of its four quarters' (per-share rows aside)."""
    out = []
    cols = table.columns
    for k, col in enumerate(cols):
        if col.kind != "level" or col.quarter:
            continue
        quarters = _quarters_of(cols, col)
        if quarters is None:
            continue
        for n, row in enumerate(table.rows):
            if n < table.heads or _PER_ROW.search(row[0].text + " " + table.blocks[n]):
                continue
            rel = _year_of_quarters(r, row, k, quarters)
            if rel is not None:
                out.append(rel)
    return out


def _year_of_quarters(r: Reading, row: list[Cell], k: int, quarters: dict[int, int]) -> Relation | None:
    """A row's year cell (column ``k``) as the sum of its four quarters' cells."""
    if k >= len(row) or row[k].kind != "amt" or row[k].value is None:
        return None
    cells = [row[quarters[n]] for n in (1, 2, 3, 4) if quarters[n] < len(row)]
    if len(cells) != 4 or any(x.kind != "amt" or x.value is None for x in cells):
        return None
    at = _mention(row[k], r.text)
    check = t.call("sum", *(t.num(_val(x)) for x in cells))
    return Relation("total", "table-quarters", check, t.num(_val(row[k])), "≈", None, (at,), at,
                    row[0].start, row[-1].end, (), True)


# --------------------------------------------------------------------------- rows of periods

#: a row's period in its label: '2024/6', '2024-06', 2024年6月, '2023' (a month as year×12+month)
_ROW_PERIOD = Lazy(r"^\s*((?:19|20)\d{2})\s*(?:[/\-.年]\s*(\d{1,2})\s*月?)?\s*年?\s*$")
#: a change column over the row before (the month before: 月增率, 'm/m') or the year before
_ROW_MOM = Lazy(r"月增|环比|月比|\bm/m\b|\bmom\b|month[- ]on[- ]month|sequential", re.IGNORECASE)
_ROW_YOY = Lazy(r"年增|同比|年比|按年|\by/y\b|\byoy\b|year[- ]on[- ]year|year[- ]over[- ]year", re.IGNORECASE)
_ROW_RUNNING = Lazy(r"累计|\bytd\b|year[- ]to[- ]date|cumulative", re.IGNORECASE)


def _row_period(label: str) -> tuple[int, bool] | None:
    """A row label's period: (year×12 + month, monthly), or (year×12, False) for a year."""
    found = _ROW_PERIOD.match(label)
    if found is None:
        return None
    month = int(found.group(2)) if found.group(2) else 0
    if month > 12:
        return None
    return int(found.group(1)) * 12 + month, bool(month)


def _period_rows(r: Reading, table: Table) -> list[Relation]:
    """A table whose rows are periods (a monthly revenue table: 2024/6, 2024/5 …): a change
    column is each row's amount against the row of the period before (the month before for
    月增率 or 'm/m', the year before for 年增率 or 'y/y'), a running column (累計營收, 'YTD')
    the running one of the month before plus the month's amount."""
    body = table.rows[table.heads :]
    periods = [_row_period(row[0].text) for row in body]
    if not _period_table(periods):
        return _period_to_period(r, table, body)
    monthly = next(p for p in periods if p is not None)[1]
    at = {p[0]: i for i, p in enumerate(periods) if p is not None}
    out: list[Relation] = []
    heads = [" ".join(table.columns[c].head.lower().split()) for c in range(len(table.columns))]
    for k, head in enumerate(heads):
        if k == 0 or _ROW_RUNNING.search(head) and not (_ROW_MOM.search(head) or _ROW_YOY.search(head)):
            continue
        step = _step(head, monthly, table.columns[k].kind.startswith("change"))
        level = _level_of(heads, table.columns, k)
        if step and level is not None:
            out += _growths(r, body, periods, at, (level, k), step)
    return out + _running_rows(r, table, periods, at, heads) + _window_rows(r, table, periods, at, heads)


def _period_to_period(r: Reading, table: Table, body: list[list[Cell]]) -> list[Relation]:
    """A statistics table of years, then quarters under a row naming their year ('| 2009 |
    | |' over '| First quarter | …'), with 'period to period change' columns named for the
    column they change ('Period to period change: Exports'): each row against the period
    before it of its kind (a year the year before, a quarter the quarter before)."""
    keys = _period_keys(body)
    if sum(1 for key in keys if key is not None) < 3:
        return []
    heads = [_column_name(col.head) for col in table.columns]
    at = {key: i for i, key in enumerate(keys) if key is not None}
    out: list[Relation] = []
    for k, head in enumerate(heads):
        said = _PERIOD_TO_PERIOD.match(head)
        level = _one_column(heads, table, said.group(1).strip()) if said else None
        if level is None:
            continue
        for i, key in enumerate(keys):
            j = at.get((key[0], key[1] - 1)) if key is not None else None
            rel = _row_growth(r, body[i], body[j], level, k) if j is not None else None
            if rel is not None:
                out.append(rel)
    return out


#: a change column over the period before, named for the column it changes
_PERIOD_TO_PERIOD = Lazy(r"^(?:period[- ]to[- ]period|quarter[- ]to[- ]quarter|year[- ]to[- ]year) change:?\s*(.+)$")
_QUARTER_ROW = Lazy(r"^\s*(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s*(?:quarter)?\s*$", re.IGNORECASE)
_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3,
             "fourth": 4, "4th": 4, "q4": 4}


def _period_keys(body: list[list[Cell]]) -> list[tuple[str, int] | None]:
    """Each row's period as (kind, number): ('year', 2009) for a year's row, ('quarter',
    2009×4 + 3) for a quarter under the row that names its year (a year with no figures)."""
    keys: list[tuple[str, int] | None] = []
    year = None
    for row in body:
        label = _label(row[0].text)
        y = _ROW_PERIOD.match(label)
        q_ = _QUARTER_ROW.match(label)
        empty = all(c.kind in ("empty", "text") for c in row[1:])
        if y is not None and not y.group(2):
            year = int(y.group(1))
            keys.append(None if empty else ("year", year))
        elif q_ is not None and year is not None and not empty:
            keys.append(("quarter", year * 4 + _QUARTERS[q_.group(1).lower()]))
        else:
            keys.append(None)
    return keys


def _column_name(head: str) -> str:
    """A header as a name: no bracketed note, no unit from a units row under it."""
    return _UNIT_WORDS.sub("", _row_name(_NOTE.sub("", head))).strip()


def _growths(r: Reading, body: list[list[Cell]], periods: list[tuple[int, bool] | None], at: dict[int, int],
             columns: tuple[int, int], step: int) -> list[Relation]:
    """Each row's change (column ``columns[1]``) as the growth of its amount (column
    ``columns[0]``) from that of the period ``step`` before (``at``: period -> row)."""
    level, k = columns
    out = []
    for i, row in enumerate(body):
        p = periods[i]
        j = at.get(p[0] - step) if p is not None else None
        rel = _row_growth(r, row, body[j], level, k) if j is not None else None
        if rel is not None:
            out.append(rel)
    return out


def _step(head: str, monthly: bool, change: bool) -> int:
    """How many periods back a change column of a period table compares with (months in
    a monthly table: 1 for 月增率, 12 for 年增率); 0 when its header says neither."""
    if _ROW_MOM.search(head):
        return 1 if monthly else 0
    if _ROW_YOY.search(head) or monthly and change:
        return 12 if monthly else 1  # a monthly table's change column that names no period: the year before
    return 0  # 存貨銷售比, 'EPS': no change over a period before


def _period_table(periods: list[tuple[int, bool] | None]) -> bool:
    """Rows of periods: three or more, all months or all years, none twice."""
    known = [p for p in periods if p is not None]
    return len(known) >= 3 and len({m for _, m in known}) == 1 and len({p for p, _ in known}) == len(known)


def _level_of(heads: list[str], cols: list[Column], k: int) -> int | None:
    """The amount column a change column of a period table is of: the nearest column of
    amounts on its left that is no change, no running total and no share (a running one for
    a running change: 累計營收年增率 is of 累計營收)."""
    running = bool(_ROW_RUNNING.search(heads[k]))
    for j in range(k - 1, 0, -1):
        if cols[j].kind == "level" and not (_ROW_MOM.search(heads[j]) or _ROW_YOY.search(heads[j])) \
                and bool(_ROW_RUNNING.search(heads[j])) == running:
            return j
    return None


def _row_growth(r: Reading, row: list[Cell], before: list[Cell], c: int, k: int) -> Relation | None:
    if max(c, k) >= min(len(row), len(before)):
        return None
    return _percent_of_cells(r, "growth", before[c], row[c], row[k], row)


def _percent_of_cells(r: Reading, kind: str, a: Cell, b: Cell, stated: Cell, row: list[Cell]) -> Relation | None:
    """A table's percent cell as ``growth(a, b)`` (a row against the one before it) or
    ``share(a, b)`` (a part's row over its whole's): amounts of one magnitude, the base
    or whole positive; a bare number in a percent column is a percent."""
    if a.kind != "amt" or b.kind != "amt" or stated.kind not in ("amt", "pct") or stated.value is None:
        return None
    va, vb = _val(a), _val(b)
    base = va if kind == "growth" else vb
    if base.point <= 0 or va.mag != vb.mag:
        return None
    v = stated.value
    if kind == "share" and va.point < 0 < v.point:
        va = q.neg(va)  # '% of sales' under '| Cost of goods sold | (74,660) |': the cost's size
    said = q.with_unit(q.Value(v.point, v.iv, q.PLAIN, None), q.PERCENT) if stated.kind == "amt" else v
    at = _mention(stated, r.text)
    return Relation(kind, f"table-{kind}", t.call(kind, t.num(va), t.num(vb)), t.num(said), "≈", None,
                    (_mention(a, r.text), _mention(b, r.text), at), at, row[0].start, row[-1].end, (), True)


def _running_rows(r: Reading, table: Table, periods: list[tuple[int, bool] | None], at: dict[int, int],
                  heads: list[str]) -> list[Relation]:
    """A running column of a monthly table: the month before's running amount plus the month's."""
    body = table.rows[table.heads :]
    out = []
    for k, head in enumerate(heads):
        if k == 0 or not _running_column(head):
            continue
        base = _RUNNING_WORD.sub("", head).strip()
        c = next((j for j in range(1, k) if base and heads[j] == base), None)
        if c is None:
            continue
        for i, row in enumerate(body):
            p = periods[i]
            j = at.get(p[0] - 1) if p is not None and p[1] and p[0] % 12 != 1 else None
            rel = _running_total(r, row, body[j], c, k) if j is not None else None
            if rel is not None:
                out.append(rel)
    return out


def _running_column(head: str) -> bool:
    """A column of running amounts ('累計營收', 'YTD'): not their change, not per share (a
    running figure per share need not be the sum of the months': the shares change)."""
    return bool(_ROW_RUNNING.search(head)) and not (_ROW_MOM.search(head) or _ROW_YOY.search(head)
                                                    or "eps" in head or _PER_ROW.search(head))


def _running_total(r: Reading, row: list[Cell], before: list[Cell], c: int, k: int) -> Relation | None:
    """A row's running amount (column ``k``) as the month before's plus its month's (column ``c``)."""
    if max(c, k) >= min(len(row), len(before)):
        return None
    cells = (before[k], row[c], row[k])
    if any(x.kind != "amt" or x.value is None for x in cells) or len({x.value.mag for x in cells if x.value}) > 1:
        return None
    mark = _mention(row[k], r.text)
    # a sum, not a Total row's footing: the running amount is its parts (the months) added up
    return Relation("sum", "table-running", t.call("sum", t.num(_val(cells[0])), t.num(_val(cells[1]))),
                    t.num(_val(cells[2])), "≈", None, (mark,), mark, row[0].start, row[-1].end, (), True)


def _window_rows(r: Reading, table: Table, periods: list[tuple[int, bool] | None], at: dict[int, int],
                 heads: list[str]) -> list[Relation]:
    """A column of the last months' amounts added up ('近三月累計營收'): each row's cell is the
    sum of the month's amount and the months' before it, where the table holds them all."""
    body = table.rows[table.heads :]
    out = []
    for k, head in enumerate(heads):
        window = _WINDOW.search(head) if k else None
        if window is None:
            continue
        n = _WINDOW_MONTHS[window.group(1)]
        base = _RUNNING_WORD.sub("", _WINDOW.sub("", head)).strip()
        c = next((j for j in range(1, k) if base and heads[j] == base), None)
        for row, p in zip(body, periods):
            months = _months_back(body, at, p, n) if c is not None else []
            rel = _window_total(r, row, months, c, k) if months and c is not None else None
            if rel is not None:
                out.append(rel)
    return out


def _months_back(body: list[list[Cell]], at: dict[int, int], p: tuple[int, bool] | None, n: int) -> list[list[Cell]]:
    """The rows of month ``p`` and the ``n - 1`` months before it; none unless the table holds them all."""
    if p is None or not p[1]:
        return []
    rows = [at.get(p[0] - m) for m in range(n)]
    return [body[j] for j in rows if j is not None] if all(j is not None for j in rows) else []


def _window_total(r: Reading, row: list[Cell], months: list[list[Cell]], c: int, k: int) -> Relation | None:
    """A row's cell of column ``k`` as the sum of the months' cells of column ``c``."""
    if k >= len(row) or any(c >= len(m) for m in months):
        return None
    cells = [m[c] for m in months]
    if row[k].kind != "amt" or row[k].value is None or any(x.kind != "amt" or x.value is None for x in cells) \
            or len({x.value.mag for x in (*cells, row[k]) if x.value}) > 1:
        return None
    mark = _mention(row[k], r.text)
    return Relation("sum", "table-window", t.call("sum", *(t.num(_val(x)) for x in cells)), t.num(_val(row[k])), "≈",
                    None, (mark,), mark, row[0].start, row[-1].end, (), True)


#: a column of the last months added up: 近三月累计营收, 近3月, 'last three months', 'trailing 3 months'
_WINDOW = Lazy(r"近\s*([二两三四五六2-6])\s*个?月|(?:last|trailing)\s+(two|three|four|six|2|3|4|6)\s+months?", re.IGNORECASE)
_WINDOW_MONTHS = {"二": 2, "两": 2, "三": 3, "四": 4, "六": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
                  "two": 2, "three": 3, "four": 4, "six": 6}


_RUNNING_WORD = Lazy(r"累计|\bytd\b|year[- ]to[- ]date|cumulative", re.IGNORECASE)


# --------------------------------------------------------------------------- a row of shares of a row named

#: a row of the share of the row above in a row it names: 占常住人口比重, '% of total revenue', 'as a % of sales'
_SHARE_ROW = Lazy(r"^\s*(?:占(?P<zh>.+?)(?:的)?(?:比重|比例)|(?:as (?:a )?)?(?:%|per ?cent(?:age)?) of (?:the )?(?P<en>.+?))"
                  r"\s*(?:[（(]\s*%\s*[)）])?\s*$", re.IGNORECASE)


def _share_rows(r: Reading, table: Table) -> list[Relation]:
    """'| 城镇人口 | 388.62 |' then '| 占常住人口比重 | 87 |': the row of shares is the row
    above's amount over the amount of the row it names (年末常住人口), column by column."""
    body = table.rows[table.heads :]
    out = []
    for i in range(1, len(body)):
        found = _SHARE_ROW.match(_label(body[i][0].text))
        if found is None:
            continue
        name = (found.group("zh") or found.group("en") or "").strip()
        whole = next((row for row in body if row is not body[i] and row is not body[i - 1] and name
                      and _names_whole(_label(row[0].text), name)), None)
        if whole is None:
            continue
        for c in range(1, len(body[i])):
            rel = _row_share(r, table, body[i - 1], whole, body[i], c)
            if rel is not None:
                out.append(rel)
    return out


def _names_whole(label: str, name: str) -> bool:
    """A row's label names the whole a share row names: it is the name, or ends with it
    after words of its own (年末常住人口), never after 'of' ('Cost of net revenue' is no net revenue)."""
    if not label.endswith(name):
        return False
    rest = label[: len(label) - len(name)].rstrip().lower()
    return not rest.endswith(("of", "%"))


def _row_share(r: Reading, table: Table, part: list[Cell], whole: list[Cell], row: list[Cell], c: int) -> Relation | None:
    if c >= min(len(part), len(whole)) or table.columns[c].kind != "level":
        return None
    return _percent_of_cells(r, "share", part[c], whole[c], row[c], row)


# --------------------------------------------------------------------------- margins of a table's rows


def _identity_rows(r: Reading, table: Table) -> list[Relation]:
    """Rows named as the result of an identity of the table's language, column by column:
    a quotient ('| Gross margin | 64.0 % |' under '| Gross profit |' and '| Net sales |';
    毛利率 = 毛利 / 营业收入) is its numerator's row (the nearest above of that name: a table
    of GAAP and non-GAAP measures repeats it) over its denominator's (the one row of its
    name); a sum or a difference ('| 每股全年股息 |' over its interim and final rows;
    全年股息 = 中期股息 + 末期股息) is its terms' rows added or taken away."""
    body = table.rows[table.heads :]
    cu = cues(lang_of(" ".join(row[0].text for row in body)))
    out = []
    for i, row in enumerate(body):
        for ident in cu.identities():
            found = _rows_of_identity(r, table, body, i, ident, cu)
            if found is not None:  # else another identity of that name may find its rows (operating profit, income)
                out += found
                break
    return out


def _rows_of_identity(r: Reading, table: Table, body: list[list[Cell]], i: int, ident: Identity,
                      cu: Cues) -> list[Relation] | None:
    """Row ``i`` as the result of ``ident``, each column; None when it is not (its name, or its terms' rows)."""
    row = body[i]
    if ident.op == "/":
        if not _names_row(_label(row[0].text), ident.result):
            return None
        sides = _quotient_rows(body, i, ident, cu)
        if sides is None:
            return None
        return [rel for c in range(1, len(row)) if (rel := _margin_cell(r, table, *sides, row, c)) is not None]
    if not _ends_with_term(_row_name(row[0].text), ident.result):
        return None
    a, b = _row_of(body, i, ident.a), _row_of(body, i, ident.b)
    if a is None or b is None:
        return None
    return [rel for c in range(1, len(row)) if (rel := _identity_cell(r, table, ident.op, a, b, row, c)) is not None]


def _identity_columns(r: Reading, table: Table) -> list[Relation]:
    """Columns named as a sum or difference identity of the table's language ('| Exports |
    Imports | Trade balance |', 出口 | 进口 | 贸易顺差): each row's result cell is its terms'
    cells added or taken away."""
    heads = [_column_name(col.head) for col in table.columns]
    body = table.rows[table.heads :]
    cu = cues(lang_of(" ".join(heads)))
    for ident in cu.identities():
        if ident.op not in "+-":
            continue
        cols = [_one_column(heads, table, name) for name in (ident.a, ident.b, ident.result)]
        if all(k is not None for k in cols):
            ka, kb, kr = (k for k in cols if k is not None)
            return [rel for row in body if (rel := _identity_cell(r, table, ident.op, row, row, row, (ka, kb, kr)))]
    return []


#: a unit a header says after its name, from a units row under it: 'millions of dollars', '$m', 亿元
_UNIT_WORDS = Lazy(r"\s*(?:\b(?:in\s+)?(?:(?:us\s*)?\$\s*)?(?:millions?|billions?|thousands?|mn|bn|m)\b(?:\s+of\s+[a-z]+)?"
                   r"|\bpercent\b|%|[（(]?(?:亿元|万元|千元|百万元|亿美元|万美元)[)）]?)\s*$")


def _one_column(heads: list[str], table: Table, name: str) -> int | None:
    """The one column of amounts whose header is the name, or ends with it as a word."""
    found = [k for k, head in enumerate(heads) if k and table.columns[k].kind in ("level", "other")
             and _ends_with_term(head, name)]
    exact = [k for k in found if heads[k] == name]
    return exact[0] if len(exact) == 1 else found[0] if len(found) == 1 else None


def _partition_rows(r: Reading, table: Table) -> list[Relation]:
    """A row followed by the rows of a list of names its language knows make up a whole
    (工资性收入 / 经营净收入 / 财产净收入 / 转移净收入 under 可支配收入, each row once, in
    any order): the parts sum to the row above them, column by column; in a block of
    percentages (a row of 100 over them), to 100; and a block of percentages after a block
    of amounts of the same list (可支配收入构成(%) after 可支配收入) is each part's share."""
    body = table.rows[table.heads :]
    cu = cues(lang_of(" ".join(row[0].text for row in body)))
    out = []
    for members in cu.partitions():
        n = len(members)
        wanted = sorted(map(_member, members))
        blocks = []
        for j in range(1, len(body) - n + 1):
            if sorted(_member(_row_name(row[0].text)) for row in body[j : j + n]) != wanted:
                continue
            whole, parts = body[j - 1], body[j : j + n]
            blocks.append((whole, parts))
            out += [rel for c in range(1, len(whole)) if (rel := _partition_cell(r, table, parts, whole, c)) is not None]
            out += _partition_shares(r, table, whole, parts)
        if len(blocks) == 2 and _percent_block(blocks[1][0]) and not _percent_block(blocks[0][0]):
            out += _composition(r, table, blocks[0], blocks[1][1])
    return out


def _breakdown_blocks(r: Reading, table: Table) -> list[Relation]:
    """The table's top line broken down under a heading row ('| 按经营地分 | |' then 城镇, 乡村;
    '| By region: |'): each block's lines sum to the top line, column by column, where the
    block holds exactly in one column at least (the heading says the lines are the top
    line's parts; a slip in one cell fails in its column alone, a block whose lines are not
    all parts fails in every column and says nothing)."""
    body = table.rows[table.heads :]
    if not body or _BREAKDOWN.search(body[0][0].text):
        return []
    found = []
    for parts in _blocks_under_headings(body) + _of_which_blocks(body):
        for c, col in enumerate(table.columns):
            if col.kind == "level" and (rel := _foot_across_rows(r, body[0], parts, c)) is not None:
                found.append((id(parts[0]), rel, _holds_exactly(rel) and _two_somethings(rel), parts, c))
    proven = {block for block, _, holds, _, _ in found if holds}
    return [rel._replace(kind="sum", rule="table-breakdown", figures=(*rel.figures, *_cells_of(r, parts, c)))
            for block, rel, _, parts, c in found if block in proven]


def _cells_of(r: Reading, rows: list[list[Cell]], c: int) -> tuple[Mention, ...]:
    """The figures of column ``c`` of the rows (a block's parts: each block of one top line is its own sum)."""
    return tuple(_mention(row[c], r.text) for row in rows if c < len(row) and row[c].kind == "amt")


def _blocks_under_headings(body: list[list[Cell]]) -> list[list[list[Cell]]]:
    """The lines under each heading row that says a breakdown (按经营地分, 'By region'), to
    the next row of words only; a line under another (其中, 'of which') is none of them."""
    blocks: list[list[list[Cell]]] = []
    current: list[list[Cell]] | None = None
    for row in body[1:]:
        if _heading_row(row):
            current = [] if _BREAKDOWN.search(row[0].text) else None
            if current is not None:
                blocks.append(current)
            continue
        if current is not None and not _SUB_ITEM.match(row[0].text) and not _row_name(row[0].text).startswith("其中"):
            current.append(row)
    return [b for b in blocks if len(b) >= 2]


def _of_which_blocks(body: list[list[Cell]]) -> list[list[list[Cell]]]:
    """Blocks of lines under a top line, each opened by a line named 其中 ('| 其中:城镇 |',
    '| 乡村 |', then '| 其中:男性 |', '| 女性 |'): each the top line broken down another way."""
    if len(body) < 3 or not _OF_WHICH_ROW.match(body[1][0].text):
        return []
    blocks: list[list[list[Cell]]] = []
    for row in body[1:]:
        if _heading_row(row):
            break
        if _OF_WHICH_ROW.match(row[0].text):
            blocks.append([row])
        elif _SUB_ITEM.match(row[0].text):
            break  # a line of its own under a part: the blocks are not flat
        else:
            blocks[-1].append(row)
    return [b for b in blocks if len(b) >= 2]


#: a table's line that opens a breakdown of the top line: '其中:城镇', '其中：男性'
_OF_WHICH_ROW = Lazy(r"^\s*其中\s*[:：]?\s*\S")


#: a heading row that breaks the top line down: 按经营地分, 按消费类型统计, 'By region', 'By segment:'
_BREAKDOWN = Lazy(r"^\s*(?:按.{1,8}(?:分|划分|统计|分组)|by\s+(?:region|segment|geography|product|channel|type|"
                  r"business|division|sector|category|market)s?)\s*[:：]?\s*$", re.IGNORECASE)


def _partition_shares(r: Reading, table: Table, whole: list[Cell], parts: list[list[Cell]]) -> list[Relation]:
    """A share column ('构成 (%)') beside the parts of a whole: each part's amount of the
    current period over the whole's."""
    cols = table.columns
    current = _current_level(cols)
    if current is None:
        return []
    out = []
    for c, col in enumerate(cols):
        if col.kind != "share":
            continue
        for row in parts:
            if c < len(row) and current < len(row) and current < len(whole):
                rel = _percent_of_cells(r, "share", row[current], whole[current], row[c], row)
                if rel is not None:
                    out.append(rel)
    return out


def _current_level(cols: list[Column]) -> int | None:
    """The column of the current period's amounts: the latest year's, else the first."""
    levels = [j for j, col in enumerate(cols) if col.kind == "level"]
    if not levels:
        return None
    dated = [j for j in levels if cols[j].year is not None]
    return max(dated, key=lambda j: cols[j].year or 0) if dated else levels[0]


def _percent_block(whole: list[Cell]) -> bool:
    """A block's whole is a row of 100 said in per cent ('可支配收入构成(%) | 100.0 | 100.0')."""
    return "%" in whole[0].text or "％" in whole[0].text or any(
        x.kind == "pct" for x in whole[1:]) and all(x.value is None or x.value.point == 100 for x in whole[1:])


def _composition(r: Reading, table: Table, amounts: tuple[list[Cell], list[list[Cell]]],
                 shares: list[list[Cell]]) -> list[Relation]:
    """Each row of a block of percentages: its part's amount over the amounts' whole."""
    whole, parts = amounts
    by_name = {_member(_row_name(row[0].text)): row for row in parts}
    out = []
    for row in shares:
        part = by_name.get(_member(_row_name(row[0].text)))
        if part is None:
            continue
        for c in range(1, min(len(row), len(part), len(whole))):
            if table.columns[c].kind in ("level", "other"):
                rel = _percent_of_cells(r, "share", part[c], whole[c], row[c], row)
                if rel is not None:
                    out.append(rel)
    return out


def _column_values(parts: list[list[Cell]], whole: list[Cell], c: int) -> tuple[list[q.Value], q.Value] | None:
    """The amounts of column ``c`` in the parts' rows and the whole's row: None unless all
    are amounts of one magnitude, none of the parts over the whole."""
    if any(c >= len(row) for row in parts) or c >= len(whole) or whole[c].kind != "amt" or whole[c].value is None:
        return None
    cells = [row[c] for row in parts]
    if any(x.kind != "amt" for x in cells):
        return None
    values, total = [_val(x) for x in cells], _val(whole[c])
    if any(v.mag != total.mag for v in values) or _part_over_whole(total, values):
        return None
    return values, total


def _member(name: str) -> str:
    """A name as a member of a list: the rest's by whatever words ('其他商品和服务' and
    '其他用品及服务', 'other' and 'others')."""
    return "其他" if name.startswith("其他") else "other" if name in ("other", "others") else name


def _partition_cell(r: Reading, table: Table, parts: list[list[Cell]], whole: list[Cell], c: int) -> Relation | None:
    if table.columns[c].kind not in ("level", "other", "change_amt"):  # the parts' increases add up too
        return None
    found = _column_values(parts, whole, c)
    if found is None:
        return None
    values, total = found
    at = _mention(whole[c], r.text)
    kind = "sum" if total.point == 100 and "%" in whole[0].text else "total"
    return Relation(kind, "table-partition", t.call("sum", *(t.num(v) for v in values)), t.num(total), "≈", None,
                    (at,), at, whole[0].start, whole[-1].end, (), True)


#: the most rows a line's parts may run to under it
_MOST_PARTS = 8


def _rows_footing_above(r: Reading, table: Table) -> list[Relation]:
    """A line of a statement that is, in two columns at least and in every one of them,
    exactly the sum of the lines right under it ('营业费用' over '推销费用', '管理费用',
    '研究发展费'…): found by the figures, as a reader finds a subtotal, whatever its name;
    each column a pass (where one does not foot, which cell is wrong the table does not say)."""
    body = table.rows[table.heads :]
    cols = [c for c, col in enumerate(table.columns) if col.kind == "level"]
    out: list[Relation] = []
    used: set[int] = set()
    for i in range(len(body) - 2):
        if i in used or not _amount_row(body[i][0].text):
            continue
        for n in range(_MOST_PARTS, 1, -1):
            found = _subtotal(r, body, i, n, cols)
            if found:
                out += _said_again_below(r, body, i, n, cols) or found
                used.update(range(i, i + 1 + n))
                break
    return out


def _numbered_parts(r: Reading, table: Table) -> list[Relation]:
    """A line whose parts are numbered under it, 1 to n in one style of their own ('| 原保险保费收入 |'
    over '| 1.财产险 |', '| 2.人身险 |', and '| (1)人身意外伤害 |' … under 2.): the sum of them, each
    level column; a part's own numbered lines are skipped, a line numbered as the whole or not at all
    ends the parts. Certain: the numbering says the list is whole."""
    body = table.rows[table.heads :]
    cols = [c for c, col in enumerate(table.columns) if col.kind == "level" and _amount_row(col.head) and not _per_unit(col.head)]
    if not _amount_row(table.columns[0].head):
        return []  # '| 指标（%） | 2023年末 |': rates, which are no parts of one another
    out: list[Relation] = []
    for i, row in enumerate(body):
        parts = _numbered_under(body, i) if cols and _amount_row(row[0].text) else []
        if len(parts) >= 2:
            out += [rel for c in cols if (rel := _foot_across_rows(r, row, parts, c)) is not None and _nearly_foots(rel)]
    return [rel._replace(rule="table-numbered") for rel in out]


def _nearly_foots(rel: Relation) -> bool:
    """Parts that come to their whole within a fiftieth of it: the whole of it, one figure
    perhaps misprinted; a ranked few ('1. 美国 2. 香港 3. 日本' under 全部市场) come to far less
    and are no parts of it said in full."""
    check, stated = rel.check, rel.stated
    if not isinstance(check, Call) or not isinstance(stated, Num) or not stated.value.point:
        return False
    total = sum((a.value.point for a in check.args if isinstance(a, Num)), Fraction(0))
    return abs(total - stated.value.point) <= abs(stated.value.point) / 50


def _numbered_under(body: list[list[Cell]], i: int) -> list[list[Cell]]:
    """The rows numbered 1, 2, … right under row ``i`` in a style other than its own (their own
    numbered rows skipped); [] where the numbering does not run from 1 without a gap."""
    own = _enumerated(body[i][0].text)
    style, parts = "", list[list[Cell]]()
    for row in body[i + 1 :]:
        said = _enumerated(row[0].text)
        if said is None or own is not None and said[0] == own[0]:
            break
        if not style:
            if said[1] != 1:
                return []
            style = said[0]
        if said[0] == style:
            if said[1] != len(parts) + 1:
                return []
            parts.append(row)
    return parts


def _enumerated(label: str) -> tuple[str, int] | None:
    """(style, number) of the enumerator a row's label opens with ('1.' and '1、' digits, '(1)'
    in brackets, '一、'), of one to ten; None for none or another ('a.', '1)', the 1 of '1.5亿')."""
    m = _ENUMERATOR.match(label)
    style = next((k for k in ("cjk", "br", "dig") if m is not None and m.group(k)), "")
    if m is None or not style or style == "dig" and (m.group("sep") == ")" or label[m.end("sep") : m.end("sep") + 1].isdigit()):
        return None
    token = m.group(style)
    if token.isdigit():
        return (style, int(token)) if len(token) <= 2 else None
    return (style, "一二三四五六七八九十".index(token) + 1) if len(token) == 1 else None


def _cascade(r: Reading, table: Table) -> list[Relation]:
    """An income statement read down, column by column: each line of profit is the line of
    profit above it (the first line at the top) plus every line between, costs in brackets
    ('| Gross Profit | 12,317 |' … '| Administrative Expenses | (4,533) |' … '| Profit from
    Operations | 5,770 |'). A table is read so only where its figures say it is written so:
    two lines at least hold exactly over a line in brackets (a table whose costs carry no
    sign says nothing this way)."""
    body = table.rows[table.heads :]
    found: list[tuple[int, Relation, bool, bool]] = []
    for c, col in enumerate(table.columns):
        if col.kind != "level":
            continue
        steps = [(i, made) for anchor, between, i in _cascade_steps(body, c)
                 if (made := _cascade_step(r, body, c, anchor, between, i)) is not None]
        found += [(i, rel, holds, signed) for i, (rel, holds, signed) in steps]
    if sum(1 for *_, holds, signed in found if holds and signed) < 2:
        return []
    # a line is read so where it holds in one column at least: an excerpt that leaves lines
    # out (節錄) fails in every column, a slip in one cell fails in its column alone
    proven = {i for i, _, holds, _ in found if holds}
    return [rel for i, rel, _, _ in found if i in proven]


def _cascade_steps(body: list[list[Cell]], c: int) -> list[tuple[int, list[int], int]]:
    """(the line of profit above, the lines between, the line of profit) down column ``c``;
    a line named Total stands for the lines above it since the last line of profit."""
    steps = []
    anchor: int | None = None
    top = -1
    between: list[int] = []
    for i, row in enumerate(body):
        line = _cascade_line(row, c)
        if line == "skip":
            continue
        if anchor is None or anchor == top and not between and line == "profit":
            anchor = top = i  # the top line, or a line of profit right under it (Revenue, then Trading profit)
        elif between and (line == "profit" or _runs_to(body, c, anchor, between, i)):
            steps.append((anchor, between, i))
            anchor, between = i, []
        elif line == "total":
            between = [i]
        else:
            between.append(i)
    return steps


def _cascade_line(row: list[Cell], c: int) -> str:
    """What a line is to an income statement read down column ``c``: 'skip' (a heading, a
    rate, a line under another), 'profit', 'total' (of the lines above it) or 'item'."""
    if c >= len(row) or row[c].kind == "empty" and _heading_row(row):
        return "skip"
    if not _amount_row(row[0].text) or _SUB_ITEM.match(row[0].text):
        return "skip"
    name = _row_name(row[0].text).lower()
    if _PROFIT_LINE.search(name) and not _SHARE_OF.match(name):
        return "profit"
    return "total" if _TOTAL_LINE.search(name) else "item"


def _runs_to(body: list[list[Cell]], c: int, anchor: int, between: list[int], i: int) -> bool:
    """Line ``i`` is, as written, the line ``anchor`` plus the lines ``between``: a running
    total whatever its name ('Results from operating activities')."""
    values = _cascade_values([body[anchor][c], *(body[k][c] for k in between)], body[i][c])
    return values is not None and len(between) >= 2 and sum((v.point for v in values), Fraction(0)) == _val(body[i][c]).point


def _cascade_step(r: Reading, body: list[list[Cell]], c: int, anchor: int, between: list[int],
                  i: int) -> tuple[Relation, bool, bool] | None:
    """Line ``i``'s cell of column ``c`` as the line ``anchor``'s plus the lines ``between``
    (a dash is nothing); with whether it holds exactly and whether a line between is negative."""
    cells = [body[anchor][c], *(body[k][c] for k in between)]
    stated = body[i][c]
    values = _cascade_values(cells, stated)
    if values is None:
        return None
    signed = any(v.point < 0 for v in values[1:])
    if len(cells) == 2 and values[1].point < 0:  # a line less another ('Profit after tax' under its tax)
        check: Node = t.minus(t.num(values[0]), t.num(q.neg(values[1])))
        kind = "difference"
    else:
        check, kind = t.call("sum", *(t.num(v) for v in values)), "sum"
    at = _mention(stated, r.text)
    rel = Relation(kind, "table-cascade", check, t.num(_val(stated)), "≈", None, (at,), at, body[i][0].start,
                   body[i][-1].end, (), True)
    holds = _holds_exactly(rel._replace(check=t.call("sum", *(t.num(v) for v in values))))
    return rel, holds, signed


def _cascade_values(cells: list[Cell], stated: Cell) -> list[q.Value] | None:
    """The values of a step's cells (a dash is nothing), or None when one cannot be added."""
    if stated.kind != "amt" or cells[0].kind != "amt":
        return None
    values = []
    for cell in cells:
        if cell.kind in ("skip", "empty") and cell.text.strip().lower() not in _NOT_AVAILABLE:
            continue
        if cell.kind != "amt" or cell.value is None or _val(cell).mag != _val(stated).mag:
            return None
        values.append(_val(cell))
    return values if len(values) >= 2 else None


#: a line of profit or loss, where an income statement's running total is said
_PROFIT_LINE = Lazy(r"\b(?:profit|profits|loss|losses|earnings|ebitda|ebit|pbit|pbidt|pbdt|pbt|pat)\b|"
                    r"^(?:net|operating|total)\s+income\b|^income\s+(?:before|from)\b|"
                    r"毛利|利润|利益|溢利|盈利|亏损|净利|损益|纯利|纯益")
#: a line of an item named for whose profit it is: "Share of associates' profit", 应占联营公司溢利
_SHARE_OF = Lazy(r"share of\b|.*(?:应占|应佔|分占|分佔|攤佔|摊占)")
#: a line that totals the lines above it: 'Total operating expenses', 营业费用合计
_TOTAL_LINE = Lazy(r"^total\b|(?:合计|小计|总计)$")
#: a line under another that it is part of: '- of which interest', 其中：
_SUB_ITEM = Lazy(r"\s*(?:[-–•]|of which|including|其中)", re.IGNORECASE)


def _said_again_below(r: Reading, body: list[list[Cell]], i: int, n: int, cols: list[int]) -> list[Relation]:
    """The parts of line ``i`` footed again under them, on a line with no label that says its
    figures again ('Profit for the year' … 'Attributable to:' A, B, then '| | 105 805 |'): the
    sums stated there, where the statement writes them."""
    j = i + 1 + n
    if j >= len(body) or _label(body[j][0].text) or any(
            c >= len(body[j]) or c >= len(body[i]) or body[j][c].text.strip() != body[i][c].text.strip() for c in cols):
        return []
    parts = body[i + 1 : j]
    found = [rel for c in cols if (rel := _foot_across_rows(r, body[j], parts, c)) is not None]
    return found if len(found) >= 2 else []


def _subtotal(r: Reading, body: list[list[Cell]], i: int, n: int, cols: list[int]) -> list[Relation]:
    """Row ``i`` as the sum of the ``n`` rows under it, each column, when it foots so."""
    parts = body[i + 1 : i + 1 + n]
    if len(parts) < n or not all(_amount_row(p[0].text) for p in parts):
        return []
    found = [rel for c in cols if (rel := _foot_across_rows(r, body[i], parts, c)) is not None]
    # a column counts as footing only with two parts that are not nothing (0 + 98,725 is no evidence)
    holding = sum(1 for rel in found if _holds_exactly(rel) and _two_somethings(rel))
    # every column: a line found only by its figures may be any of its parts' sum or their whole's, so a
    # column that does not foot blames no one cell (Meta's costs, not its revenue, were misprinted)
    return found if len(found) >= 2 and holding == len(found) and _not_zero(parts, cols) else []


def _two_somethings(rel: Relation) -> bool:
    """A sum of two parts at least that are each a fair piece of the whole (a hundredth
    of it): neither zero nor a ratio's 0.066 beside thousands."""
    check, stated = rel.check, rel.stated
    if not isinstance(check, Call) or not isinstance(stated, Num):
        return False
    floor = abs(stated.value.point) / 100
    return sum(1 for a in check.args if isinstance(a, Num) and abs(a.value.point) >= floor > 0) >= 2


def _not_zero(parts: list[list[Cell]], cols: list[int]) -> bool:
    """Parts that are not all nothing (a line of zeros foots anything)."""
    return sum(1 for p in parts if any(c < len(p) and (v := p[c].value) is not None and v.point != 0 for c in cols)) >= 2


def _foot_across_rows(r: Reading, whole: list[Cell], parts: list[list[Cell]], c: int) -> Relation | None:
    """The whole's cell of column ``c`` as the sum of the parts' cells (a dash is nothing)."""
    if c >= len(whole) or whole[c].kind != "amt" or whole[c].value is None:
        return None
    total = _val(whole[c])
    values = []
    for p in parts:
        if c >= len(p) or p[c].kind in ("skip", "empty"):
            continue
        if p[c].kind != "amt" or p[c].value is None or _val(p[c]).mag != total.mag:
            return None
        values.append(_val(p[c]))
    if len(values) < 2:
        return None
    at = _mention(whole[c], r.text)
    return Relation("sum", "table-subtotal", t.call("sum", *(t.num(v) for v in values)), t.num(total), "≈", None,
                    (at,), at, whole[0].start, whole[-1].end, (), True)


def _row_name(text: str) -> str:
    """A row's label as a name: no bullet, number, footnote mark or unit ('- 基本纯利*':
    基本纯利, '一、工资性收入': 工资性收入)."""
    return _UNIT_SUFFIX.sub("", _ENUMERATOR.sub("", _label(text).lstrip("-–•# "))).strip()


#: the number a row's label opens with in a list: 一、 (一) 1. (a) i)
_ENUMERATOR = Lazy(r"^\s*(?:(?P<cjk>[一二三四五六七八九十]+)、|[(（](?P<br>[一二三四五六七八九十\d]+)[)）]|(?P<dig>\d{1,2})(?P<sep>[.、)])\s*|"
                   r"[a-z][.)]\s+)")


def _row_of(body: list[list[Cell]], i: int, term: str) -> list[Cell] | None:
    """The one row of figures of the table other than ``i`` whose name is, or ends with,
    ``term``, or is it totalled ('| 营业收入 |' heading its lines, then '| 营业收入合计 | 253,824 |')."""
    found = [row for k, row in enumerate(body) if k != i and any(c.kind == "amt" for c in row[1:])
             and _ends_with_term(_TOTALLED.sub("", _row_name(row[0].text)), term)]
    exact = [row for row in found if _row_name(row[0].text) == term]
    totals = [row for row in found if _row_name(row[0].text).lower() == "total " + term]
    if len(totals) == 1:
        return totals[0]  # '| Cost of goods sold |', '| Depreciation expense |', then '| Total cost of goods sold |'
    return exact[0] if len(exact) == 1 else found[0] if len(found) == 1 else None


def _ends_with_term(name: str, term: str) -> bool:
    """A row's name is the term, or ends with it as a word ('total operating expenses'), never
    inside one ('non-operating expenses' is no operating expenses), nor after 'other'
    ('other operating income' is a line of its own, 其他业务收入 no 业务收入)."""
    if not name.endswith(term):
        return False
    k = len(name) - len(term)
    if k and _OTHER.search(name[:k]):
        return False
    return k == 0 or term[0] >= "\u3400" or name[k - 1] == " "


#: a qualifier before a row's term that makes it another line: 'other', 其他
_OTHER = Lazy(r"(?:\bother|其他|其它)\s*$", re.IGNORECASE)


#: a row's name that totals a heading of the same name: 营业收入合计, 'Net sales, total'
_TOTALLED = Lazy(r"(?:合计|总计|,\s*total)$")


def _identity_cell(r: Reading, table: Table, op: str, a: list[Cell], b: list[Cell], row: list[Cell],
                   c: int | tuple[int, int, int]) -> Relation | None:
    """Row ``row``'s cell as ``a op b``: of column ``c`` of the three rows, or of the three
    columns ``c`` names (terms, result) of one row."""
    ka, kb, kr = c if isinstance(c, tuple) else (c, c, c)
    if max(ka, kb, kr) >= min(len(a), len(b), len(row)) or table.columns[kr].kind not in ("level", "other"):
        return None
    ca, cb, stated = a[ka], b[kb], row[kr]
    if ca.kind != "amt" or cb.kind != "amt" or stated.kind != "amt" or stated.value is None:
        return None
    va, vb = _val(ca), _val(cb)
    if va.mag != vb.mag or va.mag != _val(stated).mag:
        return None
    if op == "-" and vb.point < 0 < va.point:
        vb = q.neg(vb)  # '| Cost of revenue | (22,467) |': a cost in brackets is taken away by its size
    check = t.plus(t.num(va), t.num(vb)) if op == "+" else t.minus(t.num(va), t.num(vb))
    at = _mention(stated, r.text)
    alts = _favourable(table, op, va, vb, _val(stated), kr)
    return Relation("sum" if op == "+" else "difference", "table-identity", check, t.num(_val(stated)), "≈", None,
                    (_mention(ca, r.text), _mention(cb, r.text), at), at, row[0].start, row[-1].end, alts, True)


def _favourable(table: Table, op: str, va: q.Value, vb: q.Value, stated: q.Value, k: int) -> tuple[Alt, ...]:
    """A column of changes may print a cost's fall as favourable, positive ('| Cost of goods
    sold | … | $ 6,279 |'): the difference read so is a convention of the table."""
    if op != "-" or not _of_changes(table, k):
        return ()
    return (Alt(t.plus(t.num(va), t.num(vb)), t.num(stated), "convention"),)


def _of_changes(table: Table, k: int) -> bool:
    """Column ``k`` holds changes: typed so, or a column of amounts of no year beside the
    years' ('| 2019 | 2018 | $ | % |' under '| December 31, | Change |')."""
    col = table.columns[k]
    return col.kind != "level" or col.year is None and any(c.year for c in table.columns)


def _names_row(label: str, name: str) -> bool:
    """A row's label is the name, perhaps with its unit ('Gross margin (%)', '毛利率（%）'),
    or ends with the name in brackets ('Profit before depreciation, amortisation and
    impairment losses, etc. (EBITDA)')."""
    bare = _UNIT_SUFFIX.sub("", label).strip()
    alias = _ALIAS.search(bare)
    return bare == name or alias is not None and alias.group(1) == name


#: a unit said after a row's name: '(%)', '%', '（%）', '(in %)'
_UNIT_SUFFIX = Lazy(r"\s*[(（]?\s*(?:in\s+)?[%％]\s*[)）]?\s*$")
#: the short name a row's long label ends with, in brackets
_ALIAS = Lazy(r"[(（]\s*([a-z][a-z&/ -]{1,12}?)\s*[)）]$")


def _quotient_rows(body: list[list[Cell]], i: int, ident: Identity, cu: Cues) -> tuple[list[Cell], list[Cell]] | None:
    """The numerator's row (the nearest above ``i`` of its name) and the denominator's (the
    one row of its name, or of a word for revenue when it is revenue)."""
    _, a, _, b = ident
    top = next((row for row in reversed(body[:i]) if _names_row(_label(row[0].text), a)
                or _label(row[0].text).endswith(" " + a)), None)  # 'Reported PAT' for PAT
    revenue = _is_revenue(b, cu)
    under = [row for row in body if row is not body[i] and (_names_row(_label(row[0].text), b) or revenue and _is_revenue(
        _label(row[0].text), cu))]
    if top is None or len(under) != 1:
        return None
    return top, under[0]


def _is_revenue(label: str, cu: Cues) -> bool:
    """The label is a word for revenue, whole ('Net sales', 'Total revenues', 营业收入)."""
    return cu.is_phrase(_UNIT_SUFFIX.sub("", label), "revenue")


def _margin_cell(r: Reading, table: Table, top: list[Cell], under: list[Cell], row: list[Cell], c: int) -> Relation | None:
    if c >= min(len(top), len(under), len(row)) or table.columns[c].kind not in ("level", "other"):
        return None
    return _percent_of_cells(r, "share", top[c], under[c], row[c], row)
