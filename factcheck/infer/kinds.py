"""The registry: the kinds of relation a draft states, and the finders that read them.

A **kind** is what is checked (``growth``: the percent change from a base to a new
figure); a **finder** reads one family of shapes into relations of its kinds, over the
whole ``Reading`` of a draft (its figures with their roles, its tables). Each finder
has its documentation, an example in English and one in Chinese, and the claim each
example gives: ``factcheck rules`` prints them, and a test runs every example, as the
functions of the claims language are tested. The order of ``FINDERS`` is the order
they are tried: the first relation read for a stated figure is the one kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from factcheck.infer.reading import Reading
from factcheck.infer.tree import Relation


class Kind(NamedTuple):
    name: str
    checks: str  # what the claim computes, in the claims language
    doc: str


KINDS: tuple[Kind, ...] = (
    Kind("growth", "growth(base, new) ≈ rate", "a percent change from a base to a new figure, both given"),
    Kind("change", "change(base, new) ≈ points", "a change between two percentages in percentage or basis points"),
    Kind("difference", "new - base ≈ amount", "a change in amount, a surplus or a gap, both sides given"),
    Kind("share", "share(part, whole) ≈ percent", "a part of a whole (a margin: profit of revenue), both given"),
    Kind("sum", "sum(parts) ≈ 100% or the total", "parts the text marks as a partition of one whole"),
    Kind("total", "sum(rows) ≈ total", "a table's Total row, or a year's column that is its quarters' sum"),
    Kind("ratio", "a / b ≈ N", "N times, N-fold, 倍, N years of profit, N per member, a year's profit a day (日赚)"),
    Kind("cagr", "cagr(a, b, years) ≈ rate", "a compound annual growth rate, both ends given"),
    Kind("elapsed", "years_between(y1, y2) ≈ N", "years since a founding, an anniversary, the Nth edition"),
)


class Finder(NamedTuple):
    name: str
    kind: str
    read: Callable[[Reading], list[Relation]]
    doc: str
    examples: tuple[tuple[str, str], ...]  # (text, the claim it gives)


def _changes(r: Reading) -> list[Relation]:
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer import glance
    from factcheck.infer.relate import changes

    return changes(r) + glance.relations(r)


def _shares(r: Reading) -> list[Relation]:
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer.relate import shares

    return shares(r)


def _identities(r: Reading) -> list[Relation]:
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer.identities import relations

    return relations(r)


def _parts(r: Reading) -> list[Relation]:
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer.parts import relations

    return relations(r)


def _ratios(r: Reading) -> list[Relation]:
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer.ratios import relations

    return relations(r)


def _elapsed(r: Reading) -> list[Relation]:
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer.elapsed import relations

    return relations(r)


def _tables(r: Reading) -> list[Relation]:
    if not r.tables:
        return []  # a draft without a table never loads the table reader
    # lazy: a finder's module only when it runs (no table: no grid)
    from factcheck.infer.grid import relations

    return relations(r)


FINDERS: tuple[Finder, ...] = (
    Finder("table", "growth", _tables,
           "A table read by column: two period columns and a change column give each row's growth (or its change in "
           "points, or in amount); a share column ('% of net sales') each row's share of the whole row; a Total row "
           "foots the rows above it; a year's column is the sum of its four quarters'; a running column (累計營收, "
           "'YTD') is the month before's plus the month's, a column of the last three months (近三月累計營收) their "
           "sum; an income statement whose costs are in brackets is read down, each line of profit the line above "
           "plus the lines between. The later year is the current "
           "one; a column of another basis (like-for-like, constant currency) is compared with nothing.",
           (("| | 2024 | 2023 | % change |\n|---|---|---|---|\n| Revenue | 3,418 | 3,160 | +8% |",
             "growth(3160, 3418) ≈ 8%"),
            ("| 项目 | 本期 | 上年同期 | 同比增减 |\n|---|---|---|---|\n| 营业收入 | 312.6 | 263.6 | 18.6% |",
             "growth(263.6, 312.6) ≈ 18.6%"))),
    Finder("change-by-role", "growth", _changes,
           "A change (rose 8%, up 1.5 points, 增长18.6%, an increase of $4.1 million) paired with the new figure "
           "and the base of its statement, each given its role by the words next to it: 'to', 'reaching', 至, 增至 "
           "make the new figure; 'from', 'compared with', '(2022/23: …)', '4,512 (4,108)', 上年同期为, 较…的 the "
           "base. A change given twice ('$4.1 million, or 1.2%') is checked both ways. A newswire's results "
           "at a glance ('-Earnings (Q2): $436 Mln. vs. $357 Mln. last year. -Earnings Growth (Y-o-Y): 22.1%') "
           "give each measure's growth by its items.",
           (("Revenue rose 8% to 167.2 billion yuan, from 154.6 billion a year earlier.",
             "growth(154.6 billion CNY, 167.2 billion CNY) ≈ 8%"),
            ("营业收入312.6亿元，同比增长18.6%，上年同期为263.6亿元。", "growth(263.6亿 CNY, 312.6亿 CNY) ≈ 18.6%"))),
    Finder("identity", "difference", _identities,
           "An identity a reader knows (data of each language: exports - imports = surplus, gross margin = "
           "gross profit / revenue, 进出口 = 出口 + 进口, 地区生产总值 = 三次产业增加值之和) where the text names "
           "every term: the figures of the other terms, of the same period, in the sentence, the paragraph or "
           "the section, each found once.",
           (("Exports were $165.2 billion and imports $226.6 billion, a deficit of $61.4 billion.",
             "226.6 billion USD - 165.2 billion USD ≈ 61.4 billion USD"),
            ("全年出口6407.5亿美元、进口4836.1亿美元，出超1571.4亿美元。", "6407.5亿 USD - 4836.1亿 USD ≈ 1571.4亿 USD"))),
    Finder("parts", "sum", _parts,
           "Parts of a whole: the statements after 'of which' (其中) or a breakdown (分产业看, 按…分, 'By segment,') "
           "sum to the figure before them; parts and the total said after them ('a total of', 合计). A sum that "
           "misses fails only where the text says the parts make up the whole: a breakdown, the rest named, as many "
           "parts as it counts (三次产业), names that make up a whole together (城镇 and 乡村, 税收 and 非税), "
           "'made up of'; a bare 'of which' lists some parts, and such a sum only passes. Percentages listed one "
           "after another are the parts' shares ('分别占…的10.3%、86.3%和2.3%', 'respectively'), and sum to 100% "
           "where the rest is named ('and the rest 15%', 其余2%为其他) or to the total said after them (合计占74%).",
           (("Revenue was $150 million, made up of services at $30 million and products at $120 million.",
             "sum(30 million USD, 120 million USD) ≈ 150 million USD"),
            ("全年收入216784亿元。其中，税收收入181129亿元；非税收入35655亿元。",
             "sum(181129亿 CNY, 35655亿 CNY) ≈ 216784亿 CNY"),
            ("Gaming brought in 35% of revenue, advertising 18%, fintech 32% and the rest 15%.",
             "sum(35%, 18%, 32%, 15%) ≈ 100%"))),
    Finder("ratios", "ratio", _ratios,
           "A ratio the text states between its figures: N times (N-fold, 是…的N倍; a side named, not written, is the "
           "figure of that name in the paragraph), N years of a flow ('equal to 2.5 years of its net profit of …', "
           "相当于N年的…), N per each ('8,000 members per store', 人均), a year's flow a day ('$93.7 billion, or about "
           "$256 million a day', 每天净赚, 日赚: over 365 days, or 366), a compound annual rate between two years' "
           "figures (CAGR, 年均增长), and a gap, surplus or deficit between two amounts ('leaving a surplus of', 顺差).",
           (("Its 2024 revenue of 90 billion yuan was three times the 30 billion yuan it made in 2019.",
             "90 billion CNY / 30 billion CNY ≈ 3"),
            ("2023年城镇消费品零售额407490亿元；乡村消费品零售额64005亿元，城镇消费品零售额是乡村的6.4倍。",
             "407490亿 CNY / 64005亿 CNY ≈ 6.4"))),
    Finder("elapsed", "elapsed", _elapsed,
           "Time the text counts: years after a start ('two years after it was founded in 2015', 成立于…N年后, "
           "距今已有32年), an anniversary ('its 20th anniversary', 成立N周年, 'turns 25 next year'), the Nth edition "
           "of a yearly event ('its 21st Ali Day, first held in 2005', 第21届 … 首届). The start is the one year the "
           "words mark as one, in the sentence or its paragraph; the event's year another year of its clause, or "
           "'this year', 'last year' … from the draft's date (without one, nothing is read).",
           (("In 2017, two years after Pinduoduo was founded in 2015, Alibaba's share had slipped to 70%.",
             "years_between(2015, 2017) ≈ 2 years"),
            ("On 10 May 2025 Alibaba held its 21st Ali Day, an event first held in 2005.", "ordinal(2005, 2025) ≈ 21"),
            ("公司成立于2004年，2024年迎来20周年。", "years_between(2004, 2024) ≈ 20 years"))),
    Finder("share-by-role", "share", _shares,
           "A share (accounted for P% of, or P% of W, 占…的P%, 占比, a margin of P%) paired with its part (the "
           "figure it restates, or its statement's subject) and its whole: the figure written next to it, the one "
           "'that total' refers to, or the figure of the measure it names, of the part's period, in the section.",
           (("Net revenues were $15.1 million. Chip revenues were $12.3 million, or 81% of net revenues.",
             "share(12.3 million USD, 15.1 million USD) ≈ 81%"),
            ("海外收入为387亿元，占1843亿元总收入的21%。", "share(387亿 CNY, 1843亿 CNY) ≈ 21%"))),
)


def find(r: Reading) -> list[Relation]:
    """Every relation every finder reads, in the finders' order."""
    out: list[Relation] = []
    for f in FINDERS:
        out += f.read(r)
    return out
