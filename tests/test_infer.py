"""The relation reader (factcheck.infer): every rule's example, Chinese forms, traps."""

from __future__ import annotations

import pytest

from factcheck.draft import from_text
from factcheck.infer import claim_text, draft_date, infer, read_example
from factcheck.infer.kinds import FINDERS
from factcheck.infer.lang import lang_of
from factcheck.infer.claims import to_claims


@pytest.mark.parametrize("finder", FINDERS, ids=lambda f: f.name)
def test_each_finder_has_working_examples(finder):
    """The documentation cannot drift: each finder's examples (English and Chinese) give
    the claims it says."""
    assert finder.doc and finder.examples
    assert any(lang_of(text) == "en" for text, _ in finder.examples) and any(lang_of(text) == "zh" for text, _ in finder.examples)
    for text, gives in finder.examples:
        found = [claim_text(x) for x in read_example(text)]
        assert gives in found, f"{finder.name}: {text!r} gives {found}"


def one(text: str, year: int | None = 2025) -> list[str]:
    """The claim each stated figure's relation gives (the first read for it)."""
    return [claim_text(r) for r in infer(from_text(text, "<example>"), year)]


def reported(text: str, year: int = 2025) -> list[tuple[str, str]]:
    """(status, claim) of what `verify` reports: the relations as the judge keeps them."""
    from factcheck import quantity as q
    from factcheck.engine import inferred_results
    from factcheck.expr import Evaluator
    from factcheck.model import Document

    d = from_text(f"---\ndate: {year}-06-30\n---\n" + text, "<example>")
    return [(r.status.value, f"{r.claim.check.text} {r.claim.compare.value} {r.claim.stated.text}")
            for r in inferred_results(d, None, Document(d.path), Evaluator({}, q.NO_RATES))]


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("营收同比增长8%至1672亿元，上年同期为1546亿元。", "growth(1546亿 CNY, 1672亿 CNY) ≈ 8%"),
        ("净利润由1546亿元增至1672亿元，增长8.2%。", "growth(1546亿 CNY, 1672亿 CNY) ≈ 8.2%"),
        ("毛利率从20%降至18%，下降了2个百分点。", "change(20%, 18%) ≈ -2 pp"),
        ("客户管理收入1007.9亿元，占集团收入1360.9亿元的74%。", "share(1007.9亿 CNY, 1360.9亿 CNY) ≈ 74%"),
        ("Revenue fell 5% to 95 million dollars from 100 million dollars.", "growth(100 million USD, 95 million USD) ≈ -5%"),
        ("Profit fell more than 5% to 9 billion yuan from 10 billion yuan.", "growth(10 billion CNY, 9 billion CNY) < -5%"),
        ("Revenue rose about 8% to 167.2 billion yuan, from 154.6 billion.", "growth(154.6 billion CNY, 167.2 billion CNY) ≈ 8% (tolerance 5%)"),
        ("Users grew 3% to 1.4 billion from 1.35 billion.", "growth(1.35 billion, 1.4 billion) ≈ 3%"),
        ("The margin rose 2 percentage points to 22% from 20%.", "change(20%, 22%) ≈ 2 pp"),
        ("In 2024 Taobao and Tmall held 33%, JD.com 17%, Pinduoduo 19% and Douyin 18%; the remaining 13% is split among all other platforms.",
         "sum(33%, 17%, 19%, 18%, 13%) ≈ 100%"),
        # read since the blind set (tests/inference/blind): wire copy and statistical bulletins
        ("Operating profit climbed 24% to NOK 912 million from NOK 736 million.", "growth(736 million NOK, 912 million NOK) ≈ 24%"),
        ("Inflation eased to 4.5% from 4.9%, a drop of 0.5 points.", "change(4.9%, 4.5%) ≈ -0.5 pp"),
        ("The margin narrowed 0.4 points to 2.41% from 2.81%.", "change(2.81%, 2.41%) ≈ -0.4 pp"),
        ("Silver fell to $24.87 from $25.19, a loss of 1.3%.", "growth(25.19 USD, 24.87 USD) ≈ -1.3%"),
        ("Prices climbed 5.9% in the North East to £162,300 from £154,100.", "growth(154100 GBP, 162300 GBP) ≈ 5.9%"),
        ("Sales were $612.4 billion, an increase of 0.7% from the revised February level of $608.1 billion.",
         "growth(608.1 billion USD, 612.4 billion USD) ≈ 0.7%"),
        ("North Quay handled 3.62 million TEU of the 9.84 million, or 36.8%.", "share(3.62 million, 9.84 million) ≈ 36.8%"),
        ("Of the $612.4 billion total, online sellers took in $104.6 billion, or 17.1%.",
         "share(104.6 billion USD, 612.4 billion USD) ≈ 17.1%"),
        ("Home sales fell to 84,210 from 90,350. London accounted for 11,790 of those sales, or 14% of the total.",
         "share(11790, 84210) ≈ 14%"),
        ("全年保费增量163.4亿元中，银保渠道贡献143.7亿元，占比88%。", "share(143.7亿 CNY, 163.4亿 CNY) ≈ 88%"),
        ("公司营业收入同比增长18.6%至312.6亿元。海外收入104.5亿元，占营业收入的33.4%。", "share(104.5亿 CNY, 312.6亿 CNY) ≈ 33.4%"),
        ("年末常住人口1268.5万人，其中城镇人口1028.9万人，占常住人口的比重（城镇化率）为81.1%。", "share(1028.9万, 1268.5万) ≈ 81.1%"),
        ("储能系统、动力电池和其他业务收入分别占营业收入的52%、31%和17%。", "sum(52%, 31%, 17%) ≈ 100%"),
        ("Copper climbed to $9,870 a tonne from $9,640 on Thursday, a gain of 2.4%.", "growth(9640 USD/tonne, 9870 USD/tonne) ≈ 2.4%"),
        ("The Dow fell 120.5 points, or 0.3%, to 38,500.2.", "share(-120.5, 38500.2 + 120.5) ≈ -0.3%"),
        ("The share plan, started in 2001, turns 25 next year.", "years_between(2001, 2026) ≈ 25 years"),
        ("大赛创办于2008年，每年举办一届，今年将迎来第十七届。", "ordinal(2008, 2025) ≈ 17"),
        ("Rent inflation slowed to 3.5% from 4.0%, a deceleration of 0.3 percentage point.", "change(4.0%, 3.5%) ≈ -0.3 pp"),
        ("The wages-to-revenue ratio fell to 65% from 71%, an improvement of six percentage points.", "change(71%, 65%) ≈ -6 pp"),
        ("The margin rose from 12.6% to 13.3%, an improvement of 0.7 percentage points.", "change(12.6%, 13.3%) ≈ 0.7 pp"),
        ("Revenue rose 12% to £612 million in the year to June from £546 million.", "growth(546 million GBP, 612 million GBP) ≈ 12%"),
        ("2024年全国光伏新增装机277GW，同比增长28%，上年为217GW。", "growth(217, 277) ≈ 28%"),
        ("The combined ratio improved by 2.3 points to 93.1% from 95.4%.", "change(95.4%, 93.1%) ≈ -2.3 pp"),
        ("Shares jumped 18% to $35.40 from the $30 offer price.", "growth(30 USD, 35.40 USD) ≈ 18%"),
        ("Bond funds' share fell to 26% from 31% the previous week, a drop of 5 percentage points.", "change(31%, 26%) ≈ -5 pp"),
        ("今年以来，5年期以上LPR由年初的3.85%降至3.5%，累计下降45个基点。", "change(3.85%, 3.5%) ≈ -45 bp"),
        # index points are an amount, never percentage points
        ("The index closed at 3,912.6 and fell 42.8 points to 3,869.8 from 3,912.6.", "3869.8 - 3912.6 ≈ -42.8"),
        # 4,725万 is 2019's; the base of 增长7.6% is the one 较上年同期的 names
        ("游客5,320万人次，2019年同期为4,725万人次，较上年同期的4,944万人次增长7.6%。", "growth(4944万, 5320万) ≈ 7.6%"),
        ("沪指本周累计上涨3.49%，由上周五的3696.77点升至3825.76点。", "growth(3696.77, 3825.76) ≈ 3.49%"),
        ("公司2024年实现营业收入9.82亿元，同比增长31.6%，2023年为7.46亿元。", "growth(7.46亿 CNY, 9.82亿 CNY) ≈ 31.6%"),
    ],
)
def test_forms(text, gives):
    assert one(text) == [gives]


@pytest.mark.parametrize(
    "text",
    [
        "Margins were 12%, 15% and 9% at the three units respectively.",  # a list, not a whole
        "Revenue grew 12% in Asia, 8% in Europe and 5% in the rest of the world.",  # changes
        "Profit rose 12% in the quarter.",  # no base
        "The company expects growth of 10% to 15% next year.",  # a range
        "The fund holds a 5% stake worth 2 billion dollars.",  # a stake
        "Shares closed at 85.2 dollars, up 3%.",  # a price and a change without a base
        "Revenue rose 8% to 167.2 billion yuan, while costs were 90 billion yuan.",  # no base
        "Revenue rose to 167.2 billion yuan in 2024 from 154.6 billion yuan in 2023.",  # no stated change
        "The group was founded in 1999 and listed in 2014.",  # no stated interval
        "Its 21st annual meeting takes place this year.",  # no first year
        "Operating profit climbed 24% to NOK 912 million from SEK 736 million.",  # two currencies
        "Operating profit climbed 24% to NOK 912 million from $736 million.",  # a code no unit is lent to
        "The index ended at 3,000 and the stock closed 2% above its average of 45.",  # two clauses
        "He sold 3 of the 10 cars, or 30% more than last year.",  # a share that is no share
        "Fees rose to $1.2 billion and to $0.9 billion. They made up 30% of that total.",  # two totals reached
        "The plan, worth 300 billion yuan, is equal to 2 years of net profit.",  # no profit figure
        "Its chairman, who joined in 1985, turned 64 last year.",  # a person's age
        "Revenue was $5 billion, or 12%, at the group level.",  # no change word before the amount
        "营业收入增长23.6%；归母净利润由29.7亿元增至41.2亿元。",  # the change is the clause before's
        "核心CPI同比上涨0.9%，涨幅由上月的0.8%扩大至0.9%。",  # 涨幅 is a new subject
        "支出1045.6亿元，上年同期为1070.2亿元，收支差额为183.2亿元。",  # a gap is not a change's two ends
        "Sales rose from 40 to 50 and profit from 10 to 12, up 25%, 20% and 5%.",  # more changes than pairs
        "总费用为4.39亿元，相当于0.9年的净利润，2025年至2028年分别摊销1.46亿元和1.65亿元。",  # the profit is not given
        "公司整体毛利率为34.6%，同比提升1.7个百分点，2022年为31.5%。",  # 同比 is against 2023, not given
        "现金对价占交易作价的30%，其余70%以股份支付，不低于均价的80%，或20%溢价。",  # the whole ends with 其余
        "文化节首届始于2014年。现任掌门人今年58岁，是第五代传人。",  # a generation, not an edition
        "瑞丰斋1956年实行公私合营，今年是公私合营69周年。",  # an anniversary of another event than a founding
    ],
)
def test_traps_read_nothing(text):
    assert one(text) == []


def test_years_counted_to_now_start_at_the_year_before_them():
    """距今已有32年: from the year just before to the draft's date, not from a founding year."""
    assert one("美恒电器成立于1985年，今年迎来成立40周年。该公司于1993年首次参加广交会，距今已有32年。") == [
        "years_between(1985, 2025) ≈ 40 years",
        "years_between(1993, 2025) ≈ 32 years",
    ]


@pytest.mark.parametrize("text", ["本月迎来第", "第", "The 21st edition opens in 第"])
def test_a_draft_cut_short_reads_without_error(text):
    """A text that ends on 第 (an ordinal cut off) is read, not a crash of the number reader."""
    assert one(text) == []


def test_elapsed_needs_the_drafts_date():
    text = "Founded in 2005, the fair celebrates its 20th anniversary this year."
    assert one(text, 2025) == ["years_between(2005, 2025) ≈ 20 years"]
    assert one(text, None) == []


def test_front_matter_date_is_read_as_text():
    d = from_text("---\ntitle: x\ndate: 2025-05-13\n---\nBody 12%.\n", "d.md")
    assert str(draft_date(d)) == "2025-05-13"
    assert "2025" not in d.text  # the front matter is not prose: its figures are not read
    assert draft_date(from_text("---\ndate: !!python/object x\n---\n", "d.md")) is None
    assert draft_date(from_text("No front matter, date: 2025-05-13\n", "d.md")) is None


def test_claims_ids_and_places():
    src = "Title\n\nRevenue rose 8% to 167.2 billion yuan, from 154.6 billion. Costs fell 2% to 49 billion yuan from 50 billion yuan.\n"
    d = from_text(src, "story.md")
    claims = to_claims(infer(d, 2025), d)
    assert [c.id for c in claims] == ["story.md:3:growth", "story.md:3:growth-2"]
    assert claims[0].span.line == 3 and claims[0].span.col == 14  # the stated 8%
    assert claims[0].inferred.kind == "growth" and claims[0].tags == ("inferred",)
    assert claims[0].says.startswith("Revenue rose 8%")


def test_a_shares_part_is_the_new_figure_not_the_base_before_it():
    """上年同期为110.0万辆，占…的48.8%: the share is of this year's 139.5万, not the base."""
    got = one("新能源汽车销量139.5万辆，同比增长26.8%，上年同期为110.0万辆，占汽车新车总销量285.7万辆的48.8%。")
    assert "share(139.5万, 285.7万) ≈ 48.8%" in got and not [c for c in got if c.startswith("share(110.0万")]
    got = one("Revenue was $5 billion, up 10% from $4.5 billion, accounting for 30% of group sales of $16.7 billion.")
    assert "share(5 billion USD, 16.7 billion USD) ≈ 30%" in got


def test_a_per_unit_column_is_not_summed():
    """AISC (US$/oz) under a Total row is an average weighted by output, not a sum."""
    table = ("| Mine | Gold (koz) | AISC (US$/oz) |\n|---|---|---|\n| North | 248 | 1,205 |\n"
             "| South | 201 | 1,344 |\n| West | 163 | 1,461 |\n| Total | 612 | 1,319 |")
    assert one(table) == ["sum(248, 201, 163) ≈ 612"]


def test_a_table_with_a_subtotal_row_is_never_failed():
    """'Equity subtotal' beside 'Total': which rows the total foots is in doubt, so its
    sum may pass but is never reported as failing."""
    table = ("| Fund | Flow |\n|---|---|\n| US equity | 18.9 |\n| International equity | 5.7 |\n"
             "| Equity subtotal | 24.6 |\n| Bonds | 9.8 |\n| Total | 38.4 |")
    assert [r for r in reported(table) if r[0] != "pass"] == []


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("二手住宅成交套数由4月的9860套增至10420套，成交面积由83.1万平方米增至88.6万平方米，分别增长5.7%和6.6%。",
         ["growth(9860, 10420) ≈ 5.7%", "growth(83.1万, 88.6万) ≈ 6.6%"]),
        ("Sales rose from 40 to 50 and profit from 10 to 12, up 25% and 20% respectively.",
         ["growth(40, 50) ≈ 25%", "growth(10, 12) ≈ 20%"]),
    ],
)
def test_changes_given_respectively_go_to_the_pairs_in_order(text, gives):
    """分别增长5.7%和6.6% after two 由…增至…: the first change is the first pair's (never the
    pair next to it, which a one-pair rule would take)."""
    assert one(text) == gives


def test_an_anniversary_this_year_is_not_dated_by_another_clause():
    """'its 27th anniversary this year; … has run it since 2019': the year is the draft's."""
    assert one("Skyline, founded in 1998, celebrates its 27th anniversary this year; its chief, 54, has run it since 2019.") == [
        "years_between(1998, 2025) ≈ 27 years"
    ]


def test_an_anniversary_of_a_listing_is_not_counted_from_the_founding():
    """今年迎来建厂122周年 … 今年也是其上市32周年: the first from 1903, the second is no founding's."""
    assert one("始建于1903年的海岳啤酒今年迎来建厂122周年，1993年公司在香港和上海两地上市，今年也是其上市32周年。") == [
        "years_between(1903, 2025) ≈ 122 years"
    ]
