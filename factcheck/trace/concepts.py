"""Concept names in words: which facts of a filing a draft's words name.

Each ``Concept`` is one measure an editor writes about ("revenue", 营业收入, "diluted
earnings per share"), the local names it has in the common taxonomies (US GAAP, IFRS
and ESEF, the Japanese EDINET taxonomy, the Chinese CAS taxonomy: the prefix is not
compared, so ``us-gaap:Revenues`` and ``ifrs-full:Revenue`` are both read), and the
words of each language. ``kind`` says what figure can be of it: ``money`` (an amount
in a currency), ``per_share`` (an amount a share) or ``shares``; a figure of another
kind never matches, so "dividends" is the cash paid when the figure is an amount and
the dividend per share when it is one a share. ``instant`` concepts are balances (at a
date), the rest flows (over a period).

``accepts``: other concepts whose fact the words may mean too ("net income" is often
the part attributable to the parent's shareholders); ``twin``: the look-alike concept
whose match explains a contradiction (basic for diluted, the total for the part
attributable).

A user adds words (or new concepts) in ``factcheck.toml``::

    [trace.concepts]
    revenue = ["top line", "营收总额"]
    backlog = { concepts = ["RevenueRemainingPerformanceObligation"], words = ["backlog"] }

The words are matched on the draft's folded text (traditional Chinese read as
simplified, so 營業收入 is 营业收入), in English without regard to case.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple


class Concept(NamedTuple):
    key: str
    #: local names (after the prefix) of the taxonomies' concepts
    names: tuple[str, ...]
    words: tuple[str, ...]
    kind: str = "money"  # money, per_share, shares
    instant: bool = False
    accepts: tuple[str, ...] = ()
    twin: str = ""
    #: a payment (dividends paid, capital expenditure, buybacks): a filing may give it as a
    #: negative cash flow, a draft says it as an amount spent, so the two compare unsigned
    outflow: bool = False


def _c(key: str, names: str, words: str, kind: str = "money", instant: bool = False, accepts: str = "",
       twin: str = "", outflow: bool = False) -> Concept:
    return Concept(key, tuple(names.split()), tuple(w.strip() for w in words.split("|") if w.strip()), kind, instant,
                   tuple(accepts.split()), twin, outflow)


#: the bundled table: the measures of a results release, the words of English and Chinese
BUNDLED: tuple[Concept, ...] = (
    _c("revenue",
       "Revenues RevenueFromContractWithCustomerExcludingAssessedTax RevenueFromContractWithCustomerIncludingAssessedTax "
       "SalesRevenueNet Revenue RevenueFromContractsWithCustomers NetSales NetSalesOfCompletedConstructionContracts "
       "OperatingRevenue TotalOperatingRevenue OperatingRevenues TurnoverRevenue OperatingRevenueSummaryOfBusinessResults",
       "revenue | revenues | net revenue | net revenues | total revenue | total revenues | net sales | total net sales"
       " | sales | turnover | top line | 营业收入 | 营业总收入 | 营收 | 总收入 | 收入 | 销售收入 | 销售额"),
    _c("net_income",
       "ProfitLoss NetIncomeLoss ProfitLossIncludingNoncontrollingInterest NetIncomeLossIncludingPortionAttributableToNoncontrollingInterest NetProfit",
       "net income | net profit | net earnings | profit for the year | profit for the period | profit after tax"
       " | net loss | 净利润 | 净利 | 税后净利 | 净亏损 | 净收入 | 净收益 | 纯利",
       accepts="net_income_parent"),
    _c("net_income_parent",
       "ProfitLossAttributableToOwnersOfParent NetIncomeLossAttributableToParent NetIncomeLoss "
       "NetProfitAttributableToOwnersOfParent NetIncomeLossAvailableToCommonStockholdersBasic "
       "ProfitAttributableToOwnersOfParent",
       "net income attributable to | net profit attributable to | profit attributable to | net loss attributable to"
       " | attributable net profit | attributable profit | 归母净利润 | 归属于上市公司股东的净利润 | 归属于母公司股东的净利润"
       " | 归属于母公司所有者的净利润 | 归属于本公司股东的净利润 | 股东应占溢利 | 归属于母公司的净利润",
       twin="net_income"),
    _c("eps_diluted",
       "EarningsPerShareDiluted DilutedEarningsLossPerShare DilutedEarningsPerShare IncomeLossFromContinuingOperationsPerDilutedShare "
       "DilutedNetIncomePerShare",
       "diluted earnings per share | diluted eps | earnings per diluted share | diluted net income per share"
       " | diluted loss per share | 稀释每股收益 | 摊薄每股收益 | 稀释后每股收益 | 摊薄后每股收益",
       kind="per_share", twin="eps_basic"),
    _c("eps_basic",
       "EarningsPerShareBasic BasicEarningsLossPerShare BasicEarningsPerShare NetIncomePerShare",
       "basic earnings per share | basic eps | earnings per basic share | basic net income per share"
       " | basic loss per share | 基本每股收益",
       kind="per_share", twin="eps_diluted"),
    _c("eps",
       "EarningsPerShareDiluted DilutedEarningsLossPerShare DilutedEarningsPerShare EarningsPerShareBasic "
       "BasicEarningsLossPerShare BasicEarningsPerShare EarningsPerShareBasicAndDiluted BasicAndDilutedEarningsLossPerShare "
       "NetIncomePerShare DilutedNetIncomePerShare",
       "earnings per share | eps | net income per share | loss per share | 每股收益 | 每股盈利 | 每股净利",
       kind="per_share"),
    _c("operating_income",
       "OperatingIncomeLoss ProfitLossFromOperatingActivities OperatingIncome OperatingProfitLoss OperatingProfit",
       "operating income | operating profit | income from operations | operating loss | profit from operations"
       " | 营业利润 | 经营利润 | 营业利益"),
    _c("gross_profit", "GrossProfit", "gross profit | 毛利润 | 毛利"),
    _c("pretax_income",
       "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest "
       "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments "
       "ProfitLossBeforeTax TotalProfit ProfitBeforeTax IncomeBeforeIncomeTaxes ProfitLossOnOrdinaryActivitiesBeforeTax",
       "pretax income | pre-tax income | pretax profit | pre-tax profit | profit before tax | profit before taxation"
       " | income before income taxes | income before provision for income taxes | income before taxes"
       " | earnings before income taxes | 利润总额 | 税前利润"),
    _c("ordinary_income", "OrdinaryIncome OrdinaryIncomeLoss",
       "ordinary income | ordinary profit | recurring profit | 经常利益 | 经常利润"),
    _c("cost_of_sales",
       "CostOfGoodsAndServicesSold CostOfRevenue CostOfSales CostOfGoodsSold OperatingCost",
       "cost of sales | cost of revenue | cost of revenues | cost of goods sold | 营业成本 | 销售成本"),
    _c("research",
       "ResearchAndDevelopmentExpense ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost "
       "ResearchAndDevelopmentExpenses ResearchAndDevelopmentCosts",
       "research and development expenses | research and development expense | research and development costs"
       " | research and development spending | research and development | r&d expenses | r&d spending | r&d"
       " | 研发费用 | 研发投入 | 研发开支"),
    _c("sga",
       "SellingGeneralAndAdministrativeExpense SellingGeneralAndAdministrativeExpenses",
       "selling, general and administrative expenses | selling, general and administrative | sg&a"),
    _c("income_tax",
       "IncomeTaxExpenseBenefit IncomeTaxExpenseContinuingOperations IncomeTaxes IncomeTaxExpense",
       "provision for income taxes | income tax expense | income taxes | tax expense | 所得税费用 | 所得税"),
    _c("operating_cash_flow",
       "NetCashProvidedByUsedInOperatingActivities CashFlowsFromUsedInOperatingActivities "
       "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations NetCashFlowsFromOperatingActivities "
       "CashFlowsFromOperatingActivities",
       "operating cash flow | cash flow from operations | cash flow from operating activities"
       " | cash generated by operating activities | cash generated from operating activities"
       " | cash provided by operating activities | cash from operations | cash from operating activities"
       " | operating activities"
       " | 经营活动产生的现金流量净额 | 经营活动现金流量净额 | 经营性现金流 | 经营现金流"),
    _c("capex",
       "PaymentsToAcquirePropertyPlantAndEquipment PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities "
       "PurchaseOfPropertyPlantAndEquipment PaymentsToAcquireProductiveAssets",
       "capital expenditure | capital expenditures | capital spending | capex | 资本开支 | 资本支出", outflow=True),
    _c("buybacks",
       "PaymentsForRepurchaseOfCommonStock PaymentsToAcquireOrRedeemEntitysShares PaymentsForRepurchaseOfEquity "
       "StockRepurchasedDuringPeriodValue StockRepurchasedAndRetiredDuringPeriodValue",
       "share repurchases | share buybacks | buybacks | buyback | buying back | bought back | repurchases of"
       " | repurchased | 回购股份 | 股份回购 | 回购", outflow=True),
    _c("dividends_paid",
       "PaymentsOfDividends PaymentsOfDividendsCommonStock DividendsPaid DividendsPaidClassifiedAsFinancingActivities "
       "DividendsPaidToEquityHoldersOfParentClassifiedAsFinancingActivities CashDividendsPaidFinCF",
       "dividends paid | paid in dividends | in dividends | dividend payments | dividends | 现金分红 | 分红 | 派息",
       outflow=True),
    _c("dividend_per_share",
       "CommonStockDividendsPerShareDeclared CommonStockDividendsPerShareCashPaid "
       "DividendsRecognisedAsDistributionsToOwnersPerShare DividendsProposedOrDeclaredBeforeFinancialStatementsAuthorisedForIssueButNotRecognisedAsDistributionToOwnersPerShare "
       "DividendPerShare",
       "dividend per share | dividends per share | dividend of | dividend | dividends | 每股派息 | 每股现金红利"
       " | 每股分红 | 每股股利 | 派息 | 分红",
       kind="per_share"),
    _c("assets", "Assets TotalAssets", "total assets | assets | 总资产 | 资产总额 | 资产总计", instant=True),
    _c("liabilities", "Liabilities", "total liabilities | liabilities | 总负债 | 负债总额 | 负债合计", instant=True),
    _c("equity",
       "StockholdersEquity EquityAttributableToOwnersOfParent Equity "
       "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest NetAssets",
       "shareholders' equity | stockholders' equity | shareholders’ equity | stockholders’ equity | total equity"
       " | equity | net assets | 净资产 | 股东权益 | 所有者权益", instant=True),
    _c("cash",
       "CashAndCashEquivalentsAtCarryingValue CashAndCashEquivalents "
       "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents CashAndDeposits CashAndEquivalentsEndOfPeriod "
       "CashBankOnHand",
       "cash and cash equivalents | cash and equivalents | 现金及现金等价物 | 货币资金", instant=True),
    _c("long_term_debt",
       "LongTermDebtNoncurrent LongTermDebt NoncurrentPortionOfNoncurrentBorrowings LongtermBorrowings LongTermBorrowings",
       "long-term debt | long term debt | long-term borrowings | 长期借款", instant=True),
)


class Concepts:
    """A table of concepts, looked up by key and by a filing's concept name."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.all = tuple(concepts)
        self.by_key = {c.key: c for c in self.all}
        #: the table's phrases as patterns (``match.phrases_of``), made once for the table
        self.compiled: object = None

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.all)


def bundled() -> Concepts:
    return Concepts(BUNDLED)


def extended(user: Mapping[str, object]) -> Concepts:
    """The bundled table with a user's ``[trace.concepts]``: a key's list of words adds to
    that concept's words; a new key is a table ``{concepts = [...], words = [...], kind,
    instant}``. ValueError says what is wrong."""
    table = {c.key: c for c in BUNDLED}
    for key, spec in user.items():
        if not isinstance(key, str) or not key:
            raise ValueError("a concept's key is a word (revenue, backlog)")
        if isinstance(spec, list):
            if key not in table:
                raise ValueError(f"[trace.concepts] {key}: no bundled concept has this key; write "
                                 f"{key} = {{ concepts = [\"...\"], words = [\"...\"] }} for a new one")
            table[key] = table[key]._replace(words=table[key].words + _words(key, spec))
        elif isinstance(spec, dict):
            table[key] = _new_concept(key, spec, table.get(key))
        else:
            raise ValueError(f"[trace.concepts] {key}: a list of words, or a table with concepts and words")  # noqa: TRY004 - a user's config, told as a ValueError like every other
    return Concepts(table.values())


def _new_concept(key: str, spec: Mapping[str, object], old: Concept | None) -> Concept:
    """A concept of the user's: ``{concepts = [...], words = [...], kind, instant}``."""
    names = spec.get("concepts", [])
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        raise ValueError(f"[trace.concepts] {key}: concepts is a list of concept names "
                         f"(\"us-gaap:Revenues\" or \"Revenues\")")
    kind = spec.get("kind", "money")
    if kind not in ("money", "per_share", "shares"):
        raise ValueError(f"[trace.concepts] {key}: kind is money, per_share or shares, not {kind!r}")
    return Concept(key, tuple(n.rpartition(":")[2] for n in names),
                   (old.words if old else ()) + _words(key, spec.get("words", [])), str(kind),
                   bool(spec.get("instant", False)))


def _words(key: str, words: object) -> tuple[str, ...]:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"[trace.concepts] {key}: words are a list of phrases ([\"top line\", \"营收总额\"])")
    if len(words) > 200 or any(len(w) > 80 for w in words):
        raise ValueError(f"[trace.concepts] {key}: at most 200 phrases of at most 80 characters")
    return tuple(w.strip() for w in words)
