"""English: the words that mark a relation around a figure.

Data only. Each key holds ``words`` (phrases, matched on whole words, case aside; ``#``
stands for any number), a ``try`` sentence where ``{}`` takes each phrase in turn, and
what the reader gives for it (``gives``: the claim, or "" for nothing). A test reads
every phrase in its sentence (tests/test_infer_lang.py). The Chinese table (``zh.py``)
has the same keys.
"""

from typing import Any

CUES: dict[str, dict[str, Any]] = {
    # ----------------------------------------------------------------- changes
    "rise": {
        "words": [
            "rose", "rises", "rising", "risen", "grew", "grows", "growing", "grown", "increased", "increases",
            "increasing", "climbed", "climbs", "climbing", "jumped", "jumps", "jumping", "gained", "gains", "gaining",
            "surged", "surges", "surging", "soared", "soars", "soaring", "advanced", "advances", "advancing",
            "expanded", "expands", "expanding", "widened", "widening", "rebounded", "rebounding", "rallied",
            "accelerated", "added", "adding", "appreciated", "appreciated by", "up", "higher", "was up", "were up", "is up", "are up", "went up",
            "edged up", "ticked up", "inched up", "crept up", "moved up", "shot up", "picked up", "spiked",
            "an increase of", "increase of", "a rise of", "rise of", "a jump of", "jump of", "a gain of", "gain of",
            "growth of", "a surge of", "an expansion of", "expansion of", "raised", "raising", "lifted", "lifting",
            "lifts", "boosted", "an increase", "a rise", "a gain", "a jump", "an acceleration of", "a pickup of",
            "an uptick of", "a year-on-year increase of", "a year-over-year increase of", "year-over-year growth of",
            "year-on-year growth of", "an increase year over year of", "increased by", "grew by", "rose by",
            "climbed by", "strengthened", "strengthened by", "rise by", "increase by", "grow by", "climb by", "jump by",
        ],
        "try": "Sales {} 10% to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "fall": {
        "words": [
            "fell", "falls", "falling", "fallen", "declined", "declines", "declining", "decreased", "decreases",
            "decreasing", "dropped", "drops", "dropping", "slipped", "slips", "slipping", "slid", "slides", "sliding",
            "shrank", "shrinks", "shrinking", "shrunk", "plunged", "plunges", "plunging", "plummeted", "tumbled",
            "tumbles", "tumbling", "sank", "sinks", "sinking", "narrowed", "narrowing", "contracted", "contracting",
            "eased", "easing", "depreciated", "depreciated by", "retreated", "slumped", "down", "lower", "was down", "were down", "is down", "went down",
            "edged down", "ticked down", "dipped", "dips", "dipping", "shed", "a decline of", "decline of", "a fall of",
            "fall of", "a drop of", "drop of", "a decrease of", "decrease of", "a cut of", "cut of", "a reduction of",
            "reduction of", "a contraction of", "a slide of", "cut", "cuts", "cutting", "lowered", "lowering",
            "reduced", "reducing", "trimmed", "a decline", "a fall", "a drop", "a decrease", "a loss of", "lost",
            "losing", "a deceleration of", "a slowdown of", "a slowdown", "decreased by", "declined by", "fell by",
            "dropped by", "a year-on-year decline of", "a year-over-year decrease of", "weakened", "weakened by",
            "fall by", "drop by", "decline by", "decrease by",
        ],
        "try": "Sales {} 10% to $90 million from $100 million.",
        "gives": "growth(100 million USD, 90 million USD) ≈ -10%",
    },
    "judge": {
        "words": [
            "improved", "improved by", "an improvement of", "improvement of", "worsened", "deteriorated", "a deterioration of",
            "a change of", "changed by", "a swing of", "moved by", "shifted by", "at a rate of", "at a growth rate of",
        ],
        "try": "The ratio fell to 65% from 71%, {} 6 percentage points.",
        "gives": "change(71%, 65%) ≈ -6 pp",
    },
    "sign_up": {
        "words": ["+"],
        "try": "Revenue 4,512 (4,108) {}10%",
        "gives": "growth(4108, 4512) ≈ 10%",
    },
    "sign_down": {
        "words": ["−"],
        "try": "Revenue 3,712 (4,108) {}10%",
        "gives": "growth(4108, 3712) ≈ -10%",
    },
    "rise_after": {
        "words": [
            "higher", "more", "up", "above", "increase", "increases", "rise", "rises", "gain", "gains", "jump", "growth",
            "surge", "rally", "advance", "expansion", "uplift", "higher than", "more than", "above the",
            "year-on-year increase", "year-over-year increase", "increase year over year", "increase from",
            "rise from", "gain from", "jump from", "growth from", "higher than the", "increase over", "rise over",
            "gain over", "growth over", "jump over", "increase on", "rise on", "gain on", "up on", "up from",
        ],
        "try": ["Sales were $110 million, a 10% {} $100 million a year earlier.",
                "Sales were $110 million, 10% {} than the $100 million of a year earlier.",
                "Sales were $110 million, 10% {} the $100 million of a year earlier.",
                "Sales were $110 million, a 10% {} on the $100 million of a year earlier."],
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "fall_after": {
        "words": [
            "lower", "less", "down", "below", "decrease", "decreases", "decline", "declines", "drop", "drops", "fall",
            "falls", "contraction", "reduction", "slide", "lower than", "less than", "below the", "year-on-year decline",
            "year-over-year decrease", "decline from", "decrease from", "drop from", "fall from", "lower than the",
            "decline on", "decrease on", "fall on", "drop on", "down on", "down from",
        ],
        "try": ["Sales were $90 million, a 10% {} $100 million a year earlier.",
                "Sales were $90 million, 10% {} than the $100 million of a year earlier.",
                "Sales were $90 million, 10% {} the $100 million of a year earlier.",
                "Sales were $90 million, a 10% {} on the $100 million of a year earlier."],
        "gives": "growth(100 million USD, 90 million USD) ≈ -10%",
    },
    # ----------------------------------------------------------------- roles
    "to": {
        "words": [
            "to", "to reach", "reaching", "to hit", "to a record", "to a record high of", "to a record-high", "to a record high", "to a new high of",
            "to an all-time high of", "to a record low of", "to a new record of", "to a total of", "to nearly",
            "into", "to stand at", "to end at", "to close at", "to settle at", "closing at", "ending at",
        ],
        "try": "Sales rose 10% {} $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "from": {
        "words": [
            "from", "compared with", "compared to", "as compared with", "as compared to", "versus", "vs", "vs.",
            "against", "up from", "down from", "from the", "compared with the", "compared to the", "from a",
            "relative to", "in comparison with", "when compared with", "comparing with", "compared against",
            "from last year's", "from the prior year's", "from the year-earlier", "from a year-earlier",
            "from the previous year's", "compared with the prior year's", "compared with last year's",
            "from the revised", "compared with a year earlier", "on a year earlier",
            "against the", "against a", "from an", "from the previous quarter's", "from the prior quarter's",
            "from last quarter's", "from the preceding quarter's", "from the year-ago quarter's",
            "from the prior-year quarter's", "from the same quarter last year's", "compared with the previous quarter's",
            "compared to the prior-year period's", "compared with the year-ago", "from prior year's",
            "from previous year's", "from a year earlier's", "compared with prior year's",
            "over the",
        ],
        "try": "Sales rose 10% to $110 million {} $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "level": {
        "words": [
            "was", "were", "is", "are", "of", "totaled", "totalled", "totaling", "totalling", "total of",
            "reached", "stood at", "came in at", "came to", "amounted to", "amounting to", "at", "hit", "recorded",
            "posted", "reported", "generated", "was at", "were at", "stood", "equalled", "equaled", "ended at",
            "closed at", "settled at", "finished at", "registered", "booked", "delivered", "achieved", "earned",
            "had", "with", "worth", "valued at", ":", "amounted", "came in", "came out at", "landed at",
        ],
        "try": "Sales were $110 million, up 10% from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "or": {
        "words": ["or", ", or", "which is", "which was", "that is", "i.e.", "equal to", "equivalent to"],
        "try": "Sales increased by $10 million, {} 10%, to $110 million.",
        "gives": "share(10 million USD, 110 million USD - 10 million USD) ≈ 10%",
    },
    "share": {
        "words": [
            "accounted for", "accounting for", "accounts for", "account for", "made up", "makes up", "making up",
            "make up", "represented", "represents", "representing", "represent", "comprised", "comprising",
            "constituted", "took up", "taking up", "takes up", "take up", "took", "taking", "takes", "captured", "commanded", "held", "a share of", "share of",
            "a market share of", "market share of", "a margin of", "margin of", "margin was", "margin of about",
        ],
        "try": ["Cloud revenue of $30 million {} 20% of total revenue of $150 million.",
                "Revenue was $150 million and operating profit $30 million, {} 20%.",
                "Revenue was $150 million. Cloud revenue was $30 million, {} 20% of revenue."],
        "gives": "share(30 million USD, 150 million USD) ≈ 20%",
    },
    "of": {
        "words": ["of", "of the", "of total", "of its", "of their", "of all", "as a percentage of", "as a share of",
                  "of the total", "of group", "of our", "of overall"],
        "try": "Services revenue was $30 million, or 20% {} revenue. Revenue was $150 million.",
        "gives": "share(30 million USD, 150 million USD) ≈ 20%",
    },
    "prior_bracket": {
        "words": [
            "( #", "( # :", "( # / # :", "( fy # :", "( fy# :", "( # / # : $", "( prior year :", "( previous year :",
            "( last year :", "( # restated :", "( h1 # :", "( q# # :", "( # :", "( prior year", "( previous year",
            "( same period last year :", "( pcp :", "( pcp", "( prior period :",
            # a half or a quarter of a fiscal year: '(H1 FY16: £6.5m)', '(1H16: …)', '(Q3 FY2016: …)', '(HY16: …)'
            "( h1 fy# :", "( h1 fy # :", "( 1h# :", "( hy# :", "( q# fy# :", "( q# fy # :", "( fy# h1 :",
            # the period and its year apart: '(H1, 2022: N49.75bn)', '(Q3, 2023: …)'
            "( h1 , # :", "( h2 , # :", "( q# , # :", "( fy , # :",
            # the period in words: '(first half 2012: £224.2 million)', '(nine months 2022: …)'
            "( first half # :", "( second half # :", "( half-year # :", "( full year # :",
            "( full-year # :", "( first quarter # :", "( second quarter # :", "( third quarter # :", "( fourth quarter # :",
            "( nine months # :", "( six months # :", "( year # :",
        ],
        "try": "Revenue fell 4.2% to £512 million {} £534 million).",
        "gives": "growth(534 million GBP, 512 million GBP) ≈ -4.2%",
    },
    "prior_after": {
        "words": [
            "a year earlier", "a year ago", "a year before", "the year before", "in the prior year", "in the prior-year period",
            "in the year-ago period", "in the year-earlier period", "in the same period last year", "last year",
            "in the same quarter last year", "in the previous year", "the previous year", "in the prior year period",
            "in the corresponding period", "for the same period of the prior year", "in the comparable period",
            "in the year-ago quarter", "in the prior-year quarter", "the prior year", "for the prior year",
            "for the year-ago period", "for the year-ago quarter", "for the same period last year",
            "in the prior year's", "in the same period a year earlier", "in fiscal # prior",
            "in the year-earlier quarter", "for the prior-year period", "for the prior-year quarter",
            "in the same period a year ago", "in the same quarter a year ago", "in the same quarter a year earlier",
            "for the comparable period a year ago", "in the comparable period a year ago", "for the comparable period last year",
            "in the same period of the prior year", "in the same quarter of the prior year", "in the prior year quarter",
        ],
        "try": "Sales were $110 million, compared with $100 million {}, an increase of 10%.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "prior_period": {
        "words": ["last year's", "the prior year's", "the previous year's", "a year earlier's", "the year-ago",
                  "prior-year", "the prior-year", "year-earlier", "the year-earlier"],
        "try": "Sales rose 10% to $110 million; {} sales were $100 million.",
        "gives": "",
    },
    #: the year before the one a figure is named of: 'last year's sales of $6.1 billion rose 12% from the year before'
    "before_prior": {"words": ["from the year before", "over the year before", "on the year before",
                               "compared with the year before", "than the year before"], "try": "", "gives": ""},
    "points": {
        "words": ["points", "point", "percentage points", "percentage point", "pts", "ppts", "ppt", "pp", "pps",
                  "basis points", "bps", "bp"],
        "try": ["The margin rose to 26.4% from 24.9%, up 1.5 {}.", "The margin rose to 26.4% from 24.9%, up 150 {}."],
        "gives": ["change(24.9%, 26.4%) ≈ 1.5 pp", "change(24.9%, 26.4%) ≈ 150 bp"],
    },
    "average_years": {
        "words": ["a two-year average of", "a two-year average", "a three-year average of", "a three-year average",
                  "on a two-year average basis", "on a three-year average basis"],
        "try": "",
        "gives": "",
    },
    "faster": {"words": ["faster than", "higher than", "more than", "above", "ahead of"], "try": "", "gives": ""},
    "slower": {"words": ["slower than", "lower than", "less than", "below", "behind"], "try": "", "gives": ""},
    "times": {
        "words": ["times", "-fold", "fold", "x"],
        "try": "Revenue of $30 million was 3 {} the $10 million of a year earlier.",
        "gives": "",
    },
    #: a figure multiplied in words, both ends given: growth(from, to) ≈ +100% (×2), +200% (×3), +300% (×4), −50% (½)
    "double": {
        "words": ["doubled", "doubling", "almost doubled", "nearly doubled", "more than doubled", "roughly doubled",
                  "almost doubling", "nearly doubling", "more than doubling"],
        "try": "Profit {} to $20 million from $10 million.",
        "gives": ["growth(10 million USD, 20 million USD) ≈ 100% (tolerance 10%)", "growth(10 million USD, 20 million USD) <= 100%", "growth(10 million USD, 20 million USD) > 100%"],
    },
    "triple": {
        "words": ["tripled", "trebled", "tripling", "almost tripled", "nearly tripled", "more than tripled"],
        "try": "Profit {} to $30 million from $10 million.",
        "gives": ["growth(10 million USD, 30 million USD) ≈ 200% (tolerance 10%)", "growth(10 million USD, 30 million USD) <= 200%", "growth(10 million USD, 30 million USD) > 200%"],
    },
    "quadruple": {
        "words": ["quadrupled", "quadrupling", "more than quadrupled", "nearly quadrupled"],
        "try": "Profit {} to $40 million from $10 million.",
        "gives": ["growth(10 million USD, 40 million USD) ≈ 300% (tolerance 10%)", "growth(10 million USD, 40 million USD) <= 300%", "growth(10 million USD, 40 million USD) > 300%"],
    },
    "halve": {
        "words": ["halved", "halving", "more than halved", "almost halved", "nearly halved"],
        "try": "Profit {} to $5 million from $10 million.",
        "gives": ["growth(10 million USD, 5 million USD) ≈ -50% (tolerance 10%)", "growth(10 million USD, 5 million USD) >= -50%", "growth(10 million USD, 5 million USD) < -50%"],
    },
    # ----------------------------------------------------------------- fillers
    "fill": {
        "words": ["by", ",", "a further", "an additional", "only", "just", "the", "a", "an", "a record", "a total",
                  "a whopping", "(", "—", "–", "-", "sharply", "slightly", "modestly", "strongly", "significantly",
                  "substantially", "marginally", "also", "respectively", "in total", "overall", "combined",
                  "in aggregate", "to a", "on a reported basis", "on a gaap basis", "again", "further", "well",
                  "showing", "marking", "registering", "indicating"],
        "try": "Sales rose {} 10% to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "about": {
        "words": ["about", "around", "roughly", "approximately", "approx.", "circa", "close to", "an estimated",
                  "estimated at", "some", "of about", "of around", "of roughly", "of approximately", "nearly about"],
        "try": "Sales rose {} 10% to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10% (tolerance 5%)",
    },
    "over": {
        "words": ["more than", "over", "above", "in excess of", "upwards of", "north of", "just over", "well over",
                  "of more than", "of over"],
        "try": "Sales rose {} 9% to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) > 9%",
    },
    "at_least": {
        "words": ["at least", "no less than", "not less than"],
        "try": "Sales rose {} 10% to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) >= 10%",
    },
    "nearly": {
        "words": ["nearly", "almost", "just under", "just shy of", "close on", "of nearly", "of almost"],
        "try": "Sales rose {} 10% to $109.9 million from $100 million.",
        "gives": "growth(100 million USD, 109.9 million USD) <= 10%",
    },
    "under": {
        "words": ["less than", "under", "below", "fewer than", "of less than", "not quite"],
        "try": "Sales rose {} 10% to $109 million from $100 million.",
        "gives": "growth(100 million USD, 109 million USD) < 10%",
    },
    "period": {
        "words": [
            "in the quarter", "in the first quarter", "in the second quarter", "in the third quarter",
            "in the fourth quarter", "for the quarter", "for the first quarter", "for the second quarter",
            "for the third quarter", "for the fourth quarter", "in the year", "for the year", "for the full year",
            "in the full year", "in the period", "for the period", "in #", "in fiscal #", "for fiscal #", "in fiscal year #",
            "for fiscal year #", "during the quarter", "during the year", "during #", "in the first half",
            "in the second half", "for the first half", "for the half", "in the half", "in the first nine months",
            "in the nine months", "for the nine months", "in the first six months", "for the six months",
            "in the three months", "for the three months", "for the twelve months", "in the twelve months",
            "in the first two months", "in the first three months", "in the first four months", "in the first five months",
            "in the first seven months", "in the first eight months", "in the first ten months", "in the first eleven months",
            "for the first two months", "for the first three months", "for the first four months", "for the first five months",
            "for the first six months", "for the first seven months", "for the first eight months", "for the first nine months",
            "for the first ten months", "for the first eleven months", "in the first # months", "for the first # months",
            "year on year", "year-on-year", "year over year", "year-over-year", "y/y", "yoy", "y-o-y", "on the year",
            "on an annual basis", "on a year-on-year basis", "on a year-over-year basis", "annually",
            "quarter on quarter", "quarter-on-quarter", "sequentially", "q/q", "month on month", "month-on-month",
            "m/m", "in q#", "in the latest quarter", "in the latest year", "this year", "this quarter",
            "last month", "this month", "in january", "in february", "in march", "in april", "in may", "in june",
            "in july", "in august", "in september", "in october", "in november", "in december", "on monday",
            "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday", "at the end of",
            "as of", "in the year to", "in the year ended", "for the year ended", "in the quarter ended",
            "for the quarter ended", "for the period ended", "in the period ended", "ended", "ending", "to date",
            "year to date", "year-to-date", "so far this year", "in the latest period", "in the reporting period",
            "for fy#", "in fy#", "fy#", "in h1", "in h2", "in the first", "in the second",
            "for #q#", "in #q#", "#q#", "for #h#", "in #h#", "#h#", "for q#", "in q# #", "for q# #",
            "first quarter", "second quarter", "third quarter", "fourth quarter", "first-quarter", "second-quarter",
            "third-quarter", "fourth-quarter", "first half", "first-half", "second half", "second-half", "full year",
            "full-year",
        ],
        "try": "Sales rose 10% {} to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "whole_period": {
        "words": ["in the year", "for the year", "for the full year", "in the full year", "this year", "in #", "for #", "in fiscal #", "for fiscal #", "in the quarter", "for the quarter", "during the year", "during the quarter"],
        "try": "",
        "gives": "",
    },
    "currency": {
        "words": ["rs", "rs.", "inr", "₹", "a$", "us$", "$us", "nz$", "c$", "s$", "r$", "rmb", "hk$"],
        "try": "Sales rose 10% to {} 110 crore from {} 100 crore.",
        "gives": "",
    },
    "unit_word": {
        "words": ["crore", "crores", "lakh", "lakhs", "cr", "mn", "bn", "units", "tonnes", "barrels", "teu"],
        "try": "Sales rose 10% to Rs 110 {} from Rs 100 {}.",
        "gives": "",
    },
    #: words after a figure that make it a count and no year, and that end no name (the
    #: Chinese table's 点, 项): English says its counts in words the number reader knows
    "count_word": {"words": [], "try": "", "gives": ""},
    "measure_head": {"words": [], "try": "", "gives": ""},
    "stop": {
        "words": ["the", "its", "their", "our", "his", "her", "a", "an", "and", "while", "whereas", "but", "as",
                  "meanwhile", "also", "total", "group", "the company's", "the group's", "company", "overall"],
        "try": "{} sales rose 10% to $110 million from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    #: a verb of saying before 'that': what follows is the statement, and its 'that' points
    #: back to nothing ('The agency reports that total exports rose 17.58%')
    "said_that": {
        "words": ["reports that", "reported that", "report that", "said that", "says that", "say that", "noted that",
                  "notes that", "showed that", "shows that", "show that", "indicated that", "indicates that",
                  "announced that", "announces that", "estimated that", "estimates that", "added that", "adds that",
                  "revealed that", "reveals that", "stated that", "states that", "explained that", "explains that"],
        "try": "Exports were $120 million and imports $90 million. The agency {} exports rose 20% from $100 million.",
        "gives": "growth(100 million USD, 120 million USD) ≈ 20%",
    },
    #: words that open a clause by its cause and name nothing: 'driving net income up 5%'
    "cause": {"words": ["driving", "pushing", "lifting", "taking", "bringing", "sending", "leaving"], "try": "", "gives": ""},
    "scope": {
        "words": ["total", "group", "overall", "consolidated", "company", "the company's", "the group's", "its", "our", "worldwide", "global", "all",
                  "the country's", "country's", "the country’s", "country’s", "the nation's", "nation's", "the nation’s",
                  "nation’s", "national"],
        "try": "",
        "gives": "",
    },
    #: a comparable basis (like-for-like, constant currency, real terms): a rate on it is
    #: never checked against reported, nominal levels
    #: figures of an adjusted basis ('adjusted operating income', 扣非净利润): a share of them is of an
    #: adjusted whole, never of the reported one named elsewhere
    "adjusted": {"words": ["adjusted", "on an adjusted basis", "non-gaap", "non gaap", "underlying", "pro forma", "pro-forma", "excluding special items", "before exceptional items", "core"], "try": "", "gives": ""},
    "basis": {
        "words": ["on a like-for-like basis", "like-for-like", "like for like", "lfl", "on a comparable basis",
                  "at constant currency", "in constant currency", "at constant exchange rates", "organically",
                  "on an organic basis", "organic", "in real terms", "excluding currency", "excluding acquisitions",
                  "comparable store", "comparable-store", "same-store", "on a constant currency basis",
                  "on an underlying basis", "on a underlying basis", "underlying", "on an adjusted basis",
                  "on a pro forma basis", "pro forma", "on a headline basis", "at constant fx", "constant fx",
                  "in local currency", "in local currencies", "at cer", "on a cer basis",
                  "on an annualized basis", "on an annualised basis", "annualized", "annualised",
                  "at an annualized rate", "at an annualised rate", "saar"],
        "try": "Sales rose 10% {} to $110 million from $100 million.",
        "gives": "",
    },
    # ----------------------------------------------------------------- statements and parts
    "back_ref": {
        "words": ["that", "this", "it", "the increase", "the rise", "the decrease", "the decline", "the gain", "the drop",
                  "the fall", "the change", "that figure", "this figure", "the figure", "which", "the result", "this result",
                  "the total", "this amount", "the amount", "these", "those"],
        "try": "Sales were $110 million. {} was up 10% from $100 million.",
        "gives": "growth(100 million USD, 110 million USD) ≈ 10%",
    },
    "of_which": {
        "words": ["of which", "including", "among which", "of that", "of this", "within which", "comprising", "among them",
                  "of the total"],
        "try": "Revenue was $150 million, {} services made up $30 million.",
        "gives": "",
    },
    "rest": {
        "words": ["the rest", "the remaining", "the remainder", "remaining", "others", "all others", "other", "all other",
                  "everyone else", "everything else", "the balance", "other sources", "other segments",
                  "other regions", "other markets"],
        "try": "Gaming brought in 35%, advertising 18%, fintech 32% and {} 15%.",
        "gives": "sum(35%, 18%, 32%, 15%) ≈ 100%",
    },
    "respectively": {
        "words": ["respectively"],
        "try": "Units rose from 9,860 to 10,420 and area from 83.1 to 88.6, up 5.7% and 6.6% {}.",
        "gives": "growth(9860, 10420) ≈ 5.7%",
    },
    #: a total said of the parts before it: 'A $2m and B $3m, a total of $5m'
    "total_word": {"words": ["a total of", "in total", "totalling", "totaling", "altogether", "combined", "in all",
                             "for a total of", "making a total of", "bringing the total to", "taking the total to",
                             "together", "totalled", "totaled", "total of"],
                   "try": "", "gives": ""},
    #: a part added to the amount before it, the next amount, said as a total, their total: 'October's
    #: $12.1 billion, plus November's $11.2 billion, for a total of $23.3 billion'
    "plus": {
        "words": ["plus", "together with", "added to", "and adding", "adding"],
        "try": "October revenue was $12.1 billion, {} November's $11.2 billion, for a total of $23.3 billion.",
        "gives": "sum(12.1 billion USD, 11.2 billion USD) ≈ 23.3 billion USD",
    },
    #: the dividends of one year, and what makes their total: 'a final dividend of 8.25p … with the 3.85p interim,
    #: a total of 12.10p for the year'
    "dividend": {"words": ["dividend", "dividends", "payout", "distribution", "distributions"], "try": "", "gives": ""},
    "dividend_part": {"words": ["interim", "final", "special", "first interim", "second interim", "third interim",
                                "year-end", "supplementary", "final ordinary", "interim ordinary"], "try": "", "gives": ""},
    "year_total": {"words": ["for the year", "annual", "full-year", "full year", "total", "totalling", "totaling",
                             "in total", "total of", "totalled", "totaled", "a total of", "the total for the year"],
                   "try": "", "gives": ""},
    #: words that say the parts make up the whole (a partition, so a sum that misses it is an error)
    "exhaustive": {"words": ["made up of", "comprising", "consisting of", "split between", "split into", "divided into",
                             "broken down into", "composed of", "split", "divided between", "consists of",
                             "comprises", "is made up of", "was made up of"],
                   "try": "", "gives": ""},
    #: patterns (regular expressions) of the clauses that open a list of parts
    "patterns": {
        "words": [],
        #: the words of a comparison with the same period a year before, and with the period just before it: a
        #: change said against one is never read from a base said against the other
        "year_on_year": r"year[- ](?:on|over)[- ]year|\ba year (?:earlier|ago|before)|\bprior[- ]year|\blast year|\by-?o-?y\b|\by/y\b|\byear[- ]ago",
        "sequential": r"\bsequential|quarter[- ]on[- ]quarter|month[- ]on[- ]month|\b(?:previous|prior|preceding|last) (?:quarter|month)|"
                      r"\bq-?o-?q\b|\bm-?o-?m\b",
        #: 'By segment,', 'Broken down by region:': the whole broken down along one line
        "breakdown": r"(?:^|[,;:.])\s*(?:broken down |split )?by (?:segment|region|geography|product|business|division|"
                     r"channel|category|source|type|country|market|sector|brand)s?\s*[,:]",
        #: 'three segments', 'two halves': a list that names how many parts it has
        "counted": r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+(?:segments|divisions|regions|parts|businesses|"
                   r"units|categories|quarters|halves|sources|sectors|markets|products)\b",
        #: 'A … was three times B': what stands between A and N times
        "times_subject": r"(?:\b(?:is|was|are|were|be|been|stood at|came to|equal to|equivalent to|or|at)"
                         r"(?:\s+(?:now|still|already|about|around|roughly|nearly|almost|more than|over|some|just over|"
                         r"well over))*|^\s*(?:[a-z]+\s*)?,\s*(?:or\s+)?(?:about|around|roughly|nearly|almost|more than|"
                         r"over|some)?)\s*$",
        #: '… N times the $30 million', 'that of', 'as much as'
        "times_ref": r"\s*(?:that of|those of|the size of|as (?:large|big|much|high|many) as|the level of|the|its|their)?"
                     r"[\w'’ ]{0,30}?\s*(?:of\s+)?",
        #: 'equal to two and a half years of (its net profit)'
        "years_of": r"\b(?:equal to|equals|equivalent to|the equivalent of|worth|amounting to|amounts to|or)\s+"
                    r"(?:about |around |roughly |nearly |almost |more than |some )?$",
        "flow_after": r"^\s*(?:years?\s+)?(?:of|of its|of the company's|of the group's|worth of|in)\s+"
                      r"(?:annual\s+|yearly\s+|the\s+|its\s+)?(?:[a-z-]+\s+)?(?:net\s+|operating\s+|adjusted\s+)?"
                      r"(?:profit|profits|earnings|income|revenue|revenues|sales|free cash flow|cash flow|spending)\b",
        #: '8,000 members per store': the things counted and the unit they are counted per
        "per_each": r"^\s*(?P<things>[a-z]+)?\s*(?:per|a|an|for each|each)\s+(?P<unit>[a-z]+?)s?\b(?<!year)(?<!month)"
                    r"(?<!day)(?<!week)(?<!quarter)(?<!share)(?<!cent)",
        #: '$257 million a day': an average per day of a year's flow (after the figure)
        "per_day": r"^\s*(?:a|per|each|every)\s+day\b",
        #: what makes the flow a year's: a year or a fiscal year named, 'full-year', 'annual'
        "year_flow": r"\b(?:(?:fiscal|financial|calendar)\s+(?:year\s+)?\d{4}|fy\s?\d{2,4}|in\s+\d{4}|for\s+\d{4}|"
                     r"(?:the|last|this)\s+(?:full\s+|whole\s+)?year|full-year|full year|annual|a year earlier)\b",
        #: what makes it another span's: a quarter, a half, a month, nine months
        "part_year": r"\b(?:quarter|quarterly|q[1-4]|half|half-year|semester|month|months|week|weeks|to date|ytd)\b",
        #: the span a figure is of, where a paragraph mixes spans (the quarter's and the year's)
        "span_words": r"\b(?:(?:first|second|third|fourth)[- ]quarter|q[1-4]|(?:first|second) half|h[12]|nine months|"
                      r"six months|full[- ]year|year[- ]to[- ]date|month of [a-z]+)\b",
        #: 'a compound annual growth rate of'
        "cagr": r"\b(?:compound(?:ed)? annual (?:growth rate |rate of growth |growth |rate )?(?:of )?|cagr (?:of )?|"
                r"an? (?:annual|annualised|annualized) (?:average )?(?:growth )?(?:rate )?(?:of )?|"
                r"average annual growth (?:rate )?(?:of )?)(?:about |around |roughly |nearly |almost |more than |some )?",
        "over_years": r"\b(?:over|in|across|during|for)\s+(?:the\s+(?:past|last|next)\s+)?$",
        #: 'leaving a trade surplus of', 'a gap of', 'more than'
        "difference": r"\b(?:surplus|deficit|gap|shortfall|difference|spread)\s+(?:over [a-z]+ )?"
                      r"(?:of|was|is|stood at|came to|at|widened to|narrowed to)?\s*"
                      r"(?:about |around |roughly |nearly |almost |more than |some )?$",
        #: 'A$1.6 billion more than', '高出': the difference said as a comparison (its base is the other side)
        #: 'an increase of 10% per common share': a rate of the figures per share, not of the totals beside them
        "per_share_after": r"^\s*(?:per (?:common |ordinary |diluted |basic )?(?:share|unit)|on a per[- ](?:share|unit) basis)\b",
        "more_than": r"^\s*(?:more|higher|greater|bigger|larger|less|lower|smaller)\s+than\b",
        #: time: a start ('founded in', 'first held in'), the years after it, an anniversary, an edition
        "founded": r"\b(?:founded|set up|established|created|incorporated|formed|born|began|started|launched|opened)"
                   r"\b(?:\s+(?!and\b|but\b|while\b)[\w'’-]+){0,8}?\s+(?:in|back in|as early as)\s*$",
        "founded_after": r"^(?!)",
        "first_held": r"\b(?:first (?:held|staged|took place|was held|ran|run|organised|organized|hosted|opened)|"
                      r"held for the first time|staged for the first time|(?:the )?(?:first|inaugural) "
                      r"(?:one|edition|event|festival)?\s*(?:was |being )?(?:held|staged|run)?)\s*(?:in|back in)?\s*$",
        "first_held_after": r"^(?!)",
        "years_later": r"^\s*(?:later|after|since|on from)\b",
        "anniversary": r"^\s*anniversary\b",
        "this_year": r"\b(?:this year|this month|this season|this (?:spring|summer|autumn)|later this year|"
                     r"earlier this year)\b",
        "last_year": r"\blast year\b",
        "next_year": r"\bnext year\b",
        "next_month": r"\bnext month\b",
        "listing": r"^\s*anniversary of (?:its|the) (?:listing|ipo|flotation|debut|merger)",
        "yearly": r"\b(?:held|staged) (?:every|each) year\b|\bannual event\b",
        "to_now": r"^(?!)",
        "served": r"^(?!)",
        "turns": r"\b(?:turns|turned|will turn|is turning)\s*$",
        "not_edition": r"^[\s-]*(?:largest|biggest|smallest|highest|lowest|richest|most|least|generation|place|"
                       r"consecutive|straight|successive|quarter|half|year|month|week|day|floor|round|rank|position|spot)\b",
        "try": "",
        "gives": "",
    },
    #: names that together make up a whole (in any order)
    #: a short name a text gives a measure it has named in full (the Chinese bulletins' 投资 for
    #: 固定资产投资); none yet in English
    "short_names": {"words": [], "try": "", "gives": ""},
    "partitions": {
        "words": ["domestic / international", "domestic / foreign", "domestic / overseas", "goods / services",
                  "men / women", "male / female", "online / offline", "full-time / part-time", "interim / final", "first half / second half",
                  "exports / imports", "public / private", "urban / rural", "uk / international",
                  "us / international", "americas / international",
                  "first quarter / second quarter / third quarter / fourth quarter", "q1 / q2 / q3 / q4",
                  "interim / final / special"],
        "try": "",
        "gives": "",
    },
    # ----------------------------------------------------------------- tables
    "total_row": {
        "words": ["total", "totals", "sum", "all", "overall", "grand total", "group total", "group", "consolidated",
                  "total revenue", "total revenues", "total net sales", "total net revenue", "total net revenues",
                  "total sales", "all segments", "all regions", "all markets", "all products", "total group",
                  "total company", "company total", "total, net", "net total"],
        "try": "| Segment | Revenue |\n|---|---|\n| Gaming | 58.5 |\n| Ads | 30.1 |\n| {} | 88.6 |",
        "gives": "sum(58.5, 30.1) ≈ 88.6",
    },
    #: a figure said of the whole (its parts' bare shares are of it); English names its whole, so none is needed
    "whole_scope": {"words": ["nationwide", "group-wide", "in total", "overall"], "try": "", "gives": ""},
    "subtotal_row": {
        "words": ["subtotal", "sub-total", "of which", "including", "incl.", "thereof", "memo", "memo:", "less",
                  "less:", "excluding", "excl.", "add", "add:"],
        "try": "",
        "gives": "",
    },
    "result_row": {
        # a row of a result (a profit, a cash flow) is no part of a total of something else: a tear sheet's
        # 'Total assets' under 'EBITDA', 'Net profit after tax' and 'Net cash flow from operations'
        "words": ["ebitda", "ebita", "ebit", "earnings before interest", "net profit", "profit after tax",
                  "profit before tax", "net income", "operating profit", "operating income", "cash flow",
                  "net cash from", "earnings per share", "before income taxes", "before taxes", "before income tax",
                  "net earnings", "pretax income", "pre-tax profit", "pretax profit"],
        "try": "",
        "gives": "",
    },
    "col_change": {
        "words": ["change", "% change", "change %", "chg", "% chg", "chg %", "yoy", "y/y", "y-o-y", "growth", "growth %",
                  "% growth", "increase", "increase %", "% increase", "increase (decrease)", "% increase (decrease)",
                  "increase/(decrease)", "increase / (decrease)", "inc/(dec)", "variance", "variance %", "% variance",
                  "+/-", "+/(-)", "movement", "var", "var %", "% var", "delta", "diff", "difference", "% difference",
                  "change (%)", "reported", "reported change", "% reported", "yoy %", "y/y %", "vs", "vs.", "better/(worse)",
                  "favorable/(unfavorable)", "favourable/(unfavourable)", "fav/(unfav)", "decrease", "% decrease",
                  "percent change", "percentage change", "yoy change", "change, %", "% ch", "y-o-y %", "q-o-q", "qoq",
                  "q/q", "m-o-m", "mom", "m/m", "h-o-h", "hoh", "sequential", "y-o-y"],
        "try": "| | 2024 | 2023 | {} |\n|---|---|---|---|\n| Revenue | 3,418 | 3,160 | 8% |",
        "gives": "growth(3160, 3418) ≈ 8%",
    },
    "col_points": {
        "words": ["bps", "bp", "pp", "pts", "ppt", "points", "change (bps)", "change (pp)", "bps change", "pp change",
                  "change in bps", "basis points", "percentage points", "basis point", "percentage point"],
        "try": "| | 2024 | 2023 | {} |\n|---|---|---|---|\n| Margin | 26.4% | 24.9% | 150 |",
        "gives": "",
    },
    "col_share": {
        "words": ["share", "% of total", "percent of total", "% of revenue", "% of revenues", "% of sales",
                  "% of net sales", "% of net revenue", "as % of revenue", "weight", "mix", "% share", "share %",
                  "% of group", "% of the total", "proportion", "% of total revenue"],
        "try": "| Segment | {} |\n|---|---|\n| Gaming | 35% |\n| Ads | 18% |\n| Other | 47% |\n| Total | 100% |",
        "gives": "sum(35%, 18%, 47%) ≈ 100%",
    },
    "col_prior": {
        "words": ["prior year", "previous year", "last year", "prior", "previous", "year ago", "year-ago", "py", "ly",
                  "prior period", "comparative", "pcp", "restated", "same period last year", "prior-year"],
        "try": "",
        "gives": "",
    },
    "col_current": {
        "words": ["current year", "this year", "current", "current period", "cy", "ty", "reported period"],
        "try": "",
        "gives": "",
    },
    "col_per_unit": {
        "words": ["per share", "eps", "average", "avg", "mean", "median", "price", "per unit", "per ton", "per tonne",
                  "per oz", "per barrel", "/oz", "/t", "/share", "arpu", "aisc", "cost per", "yield", "rate", "ratio",
                  "margin", "multiple", "p/e", "return", "per employee", "per store", "per head", "%"],
        "try": "",
        "gives": "",
    },
    "col_skip": {
        "words": ["n.m.", "nm", "n/m", "n.a.", "na", "n/a", "-", "—", "–", "*", "n.m", "not meaningful", "**", "***"],
        "try": "",
        "gives": "",
    },
    # ----------------------------------------------------------------- identities a reader knows
    #: "R = A op B": a figure named R is A op B when both are named in its paragraph or
    #: section (op: + - /); read by relate.identities
    "identities": {
        "words": [
            "trade surplus = exports - imports", "trade deficit = imports - exports", "surplus = exports - imports",
            "deficit = imports - exports", "trade balance = exports - imports", "total trade = exports + imports",
            "balance = exports - imports", "bal = exp - imp",
            "foreign trade = exports + imports", "total foreign trade = exports + imports",
            "imports and exports = exports + imports", "exports and imports = exports + imports",
            "goods and services = goods + services", "exports of goods and services = exports of goods + exports of services",
            "imports of goods and services = imports of goods + imports of services",
            "gross margin = gross profit / revenue", "operating margin = operating profit / revenue",
            "operating margin = operating income / revenue", "net margin = net profit / revenue",
            "net margin = net income / revenue", "ebitda margin = ebitda / revenue",
            "net profit margin = net profit / revenue", "net profit margin = net income / revenue",
            "ebita margin = ebita / revenue", "ebit margin = ebit / revenue", "operating margin = ebit / revenue",
            "pre-tax margin = pre-tax profit / revenue", "gross margin percentage = gross margin / revenue",
            "gross profit margin = gross profit / revenue", "gross margin = gross margin dollars / revenue",
            "operating margin = operating profit / revenue", "adjusted ebitda margin = adjusted ebitda / revenue",
            "operating profit margin = operating profit / revenue", "operating income margin = operating income / revenue",
            "pre-tax profit margin = pre-tax profit / revenue", "profit before tax margin = profit before tax / revenue",
            "trading margin = trading profit / revenue", "ebitda margin = ebitda / sales",
            "profit after tax margin = profit after tax / revenue", "net income margin = net income / revenue",
            "opm = operating profit / revenue", "npm = pat / revenue", "npm = net profit / revenue",
            "gpm = gross profit / revenue", "pat margin = pat / revenue", "ebitda margin = ebitda / net revenue",
            "gross profit = revenue - cost of sales", "gross profit = net sales - cost of sales",
            "gross profit = net sales - cost of goods sold", "gross profit = revenue - cost of revenue",
            "operating income = gross profit - operating expenses",
            "total dividend = interim dividend + final dividend", "full-year dividend = interim dividend + final dividend",
        ],
        "try": "",
        "gives": "",
    },
    # ----------------------------------------------------------------- measures
    "revenue": {
        "words": ["revenue", "revenues", "net revenue", "net revenues", "sales", "net sales", "turnover", "total revenue",
                  "total revenues", "total net revenue", "total net sales", "top line", "group revenue", "total sales", "sales revenue", "operating revenue",
                  "operating revenues", "total operating revenue", "total operating revenues"],
        "try": "",
        "gives": "",
    },
    "margin": {
        "words": ["gross margin", "operating margin", "net margin", "ebitda margin", "profit margin", "net profit margin",
                  "operating profit margin", "ebit margin", "pre-tax margin", "gross profit margin"],
        "try": "",
        "gives": "",
    },
}
