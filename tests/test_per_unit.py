"""Per-share figures and the editor's vocabulary (issue 11), from the user's side: the
command line and its reports."""

from __future__ import annotations

import json
from fractions import Fraction

from factcheck.cli import app
from factcheck.prose import read


def verify(runner, path, *args: str) -> tuple[int, dict]:
    out = runner.invoke(app, ["verify", "-f", "json", str(path), *args])
    return out.exit_code, {r["id"]: r for r in json.loads(out.output)["results"]}


def concise(runner, path, *args: str) -> str:
    return runner.invoke(app, ["verify", "-f", "concise", str(path), *args]).output


APPLE = """
    version: 1
    facts:
      net_income: 96.995 billion USD
      diluted_shares:
        value: 15.8125 billion shares
        exact: true
    claims:
      - {id: slash, check: net_income / diluted_shares, stated: 6.13 USD/share}
      - {id: sign-slash, check: net_income / diluted_shares, stated: $6.13/share}
      - {id: per, check: net_income / diluted_shares, stated: 6.13 USD per share}
      - {id: a-share, check: net_income / diluted_shares, stated: $6.13 a share}
      - {id: dollars-a-share, check: net_income / diluted_shares, stated: 6.13 dollars a share}
      - {id: wrong, check: net_income / diluted_shares, stated: $6.31 a share}
      - {id: one-share-is-exact, check: 6.15 USD/share, stated: 6.13 USD/share}
      - {id: total, check: 0.24 USD/share * diluted_shares, stated: 3.8 billion USD}
      - {id: per-user, check: 1.2 trillion CNY / 900 million users, stated: "1,333 CNY per user"}
      - {id: yuan-sign, check: ¥59.49/share * 1.256 billion shares, stated: 74.7 bn CNY}
      - {id: a-year, check: 157 bn CNY a year * 2 years, stated: 314 bn CNY}
"""


def test_per_share_figures_are_written_as_editors_write_them(runner, write):
    code, r = verify(runner, write(APPLE))
    for cid in ("slash", "sign-slash", "per", "a-share", "dollars-a-share", "total", "per-user", "yuan-sign", "a-year"):
        assert r[cid]["status"] == "pass", (cid, r[cid]["message"])
    assert r["slash"]["stated"]["unit"] == "USD/share"
    # the count of a per-share figure is exact: 6.13 USD/share is 6.125 to 6.135 per ONE share
    assert r["slash"]["stated"]["low"] == 6.125 and r["slash"]["stated"]["high"] == 6.135
    assert r["wrong"]["status"] == "fail"
    assert r["one-share-is-exact"]["status"] == "fail", "the 1 of '/share' is no rounded figure"
    assert code == 1


def test_a_fact_named_after_the_slash_is_still_the_fact(runner, write):
    path = write("""
        version: 1
        facts:
          subscribers: 900 million
        claims:
          - {id: arpu, check: 1.2 trillion CNY / subscribers, stated: "1,333 CNY"}
    """)
    assert verify(runner, path)[1]["arpu"]["status"] == "pass"


def test_a_name_after_a_fact_is_not_a_unit(runner, write):
    path = write("""
        version: 1
        facts:
          net_income: 96.995 billion USD
        claims:
          - {id: typo, check: net_income / diluted_share, stated: 6.13 USD/share}
    """)
    assert "unknown fact 'diluted_share'" in concise(runner, path)


def test_currency_words_and_phrases(runner, write):
    path = write("""
        version: 1
        claims:
          - {id: dollars, check: 96.995 billion dollars, stated: 97.0 billion USD}
          - {id: us-dollars, check: 96.995 billion US dollars, stated: 97.0 bn USD}
          - {id: pounds, check: 3 bn pounds, stated: £3 bn}
          - {id: sterling, check: 3 bn pounds sterling + 1 bn sterling, stated: 4 bn GBP}
          - {id: euros, check: 3 bn euros, stated: €3 bn}
          - {id: yen, check: 300 bn yen, stated: 300 bn JPY}
          - {id: hong-kong, check: 59.5 bn Hong Kong dollars, stated: HK$59.5 bn}
    """)
    code, r = verify(runner, path)
    assert {cid: x["status"] for cid, x in r.items()} == dict.fromkeys(r, "pass")
    assert code == 0


def test_basis_points(runner, write):
    path = write("""
        version: 1
        claims:
          - {id: bp, check: "change(3.35%, 3.10%)", stated: -25 bp}
          - {id: bps, check: "change(3.35%, 3.10%)", stated: -25 bps}
          - {id: words, check: "change(3.35%, 3.10%)", stated: -25 basis points}
          - {id: in-pp, check: -25 bp, stated: -0.25 pp}
          - {id: not-percent, check: 25 bp, stated: 0.25%}
    """)
    _, r = verify(runner, path)
    for cid in ("bp", "bps", "words", "in-pp"):
        assert r[cid]["status"] == "pass" and r[cid]["basis"] == "exact", r[cid]["message"]
    assert r["not-percent"]["status"] == "error"
    assert "percentage points" in r["not-percent"]["message"]


def test_a_slip_of_a_unit_is_an_error_with_a_suggestion_never_a_count(runner, write):
    path = write("""
        version: 1
        claims:
          - {id: typo, check: 3 bn yaun, stated: 3 bn CNY}
          - {id: typo-after-slash, check: 3 CNY/yeer, stated: 3 CNY/year}
          - {id: dolars, check: 3 bn dolars, stated: 3 bn USD}
    """)
    out = concise(runner, path)
    assert "claims.yaml:3:28: error: in the check of claim 'typo': unknown unit 'yaun' (did you mean 'yuan'?)" in out
    assert "did you mean 'dollars'" in out
    assert "unknown unit 'yeer' (did you mean 'year'?)" in out
    assert "unknown fact" not in out


def test_an_inequality_between_unequal_values_passes_on_a_bound(runner, write):
    path = write("""
        version: 1
        claims:
          - {id: more, check: 602.3 billion CNY, stated: 600 billion CNY, compare: ">"}
          - {id: equal, check: 600 billion CNY, stated: 600 billion CNY, compare: ">="}
    """)
    _, r = verify(runner, path)
    assert r["more"]["basis"] == "bound" and r["equal"]["basis"] == "exact"
    schema = json.loads(runner.invoke(app, ["schema", "--report"]).output)
    assert "bound" in json.dumps(schema)


def test_growth_from_a_loss_is_not_meaningful_and_says_what_was_meant(runner, write):
    path = write("""
        version: 1
        claims:
          - {id: swing, check: "growth(-1.2 bn USD, 0.5 bn USD)", stated: 142%}
          - {id: narrowed, check: "growth(-1.2 bn USD, -0.5 bn USD)", stated: -58%}
          - {id: cagr, check: "cagr(-1.2 bn USD, 0.5 bn USD, 3 years)", stated: 10%}
          - {id: zero, check: "growth(0 USD, 0.5 bn USD)", stated: 10%}
          - {id: losses, check: "growth(1.2 bn USD, 0.5 bn USD)", stated: -58%}
    """)
    code, r = verify(runner, path)
    for cid in ("swing", "narrowed", "cagr", "zero"):
        assert r[cid]["status"] == "error" and "not meaningful" in r[cid]["message"], r[cid]["message"]
    hints = {cid: " ".join(h["message"] for h in r[cid]["hints"]) for cid in r}
    assert "swung to a profit" in hints["swing"] and "change(-1.2 bn USD, 0.5 bn USD)" in hints["swing"]
    assert "the loss narrowed by 58.3%" in hints["narrowed"] and "growth(1.2 bn USD, 0.5 bn USD)" in hints["narrowed"]
    assert r["losses"]["status"] == "pass"  # the hint's check does what it says
    assert code == 1


def test_accounting_parentheses_are_negative(runner, write):
    path = write("""
        version: 1
        claims:
          - {id: percent, check: "growth(10 bn CNY, 9.68 bn CNY)", stated: (3%)}
          - {id: amount, check: 1.5 bn USD - 2.7 bn USD, stated: (1.2 bn USD)}
          - {id: grouping, check: (2 + 3) * 2, stated: 10}
    """)
    _, r = verify(runner, path)
    assert {cid: x["status"] for cid, x in r.items()} == dict.fromkeys(r, "pass")


# --------------------------------------------------------------------------- the draft


def test_prose_reads_per_share_figures():
    got = {m.text: m for m in read("Net income was $97.0 billion, or $6.13 per diluted share; it paid $0.24 a share.")}
    assert str(got["$97.0 billion"].value.unit) == "Unit('USD')"
    assert got["$6.13 per diluted share"].unit_text == "USD/share"
    assert got["$0.24 a share"].unit_text == "USD/share"
    (eps,) = [m for m in read("Diluted earnings per share were $6.13.") if m.kind == "number"]
    assert eps.unit_text == "USD/share"


def test_prose_reads_chinese_per_share_figures_exactly():
    got = read("2024年每股收益59.49元，每10股派发现金红利308.76元。")
    assert [m.text for m in got] == ["2024年", "59.49元", "308.76元"]  # the 10 of 每10股 is no figure of its own
    eps, dividend = got[1].value, got[2].value
    assert got[1].unit_text == got[2].unit_text == "CNY/share"
    assert eps.iv.lo == Fraction("59.485") and eps.iv.hi == Fraction("59.495")
    assert dividend.point == Fraction("30.876")
    assert dividend.iv.lo == Fraction("30.8755") and dividend.iv.hi == Fraction("30.8765")


def test_prose_reads_basis_points_and_anniversaries():
    got = {m.text: m for m in read("The bank cut by 25 basis points, then 25 bps, then 10bp. 蚂蚁集团成立20周年。")}
    assert {got[t].unit_text for t in ("25 basis points", "25 bps", "10bp")} == {"bp"}
    assert got["20周年"].kind == "ordinal" and got["20周年"].value.point == 20


DRAFT_CLAIMS = """
    version: 1
    article:
      draft: draft.md
    facts:
      services_fy2022: {value: 78.129 billion USD, source: Apple 10-K FY2023}
      services_fy2023: {value: 85.200 billion USD, source: Apple 10-K FY2023}
      net_income: {value: 96.995 billion USD, source: Apple 10-K FY2023}
      diluted_shares: {value: 15.8125 billion shares, exact: true, source: Apple 10-K FY2023}
    claims:
      - id: services-growth
        says: services revenue rose 9% to a record $85.2 billion
        check: growth(services_fy2022, services_fy2023)
        stated: 9%
      - id: eps
        says: earnings per share were $6.13
        check: net_income / diluted_shares
        stated: 6.13 USD/share
      - id: dividend
        says: 每10股派发现金红利308.76元
        check: 30.876 CNY/share
        stated: 30.876 CNY/share
"""


def test_anchoring_names_the_figure_the_draft_changed_and_compares_per_share_with_per_share(runner, write):
    path = write(DRAFT_CLAIMS)
    write(
        "# Apple\n\nServices revenue rose 9% to a record $58.2 billion. Net income was $97.0 billion;"
        " earnings per share were $6.13. 每10股派发现金红利308.76元。\n",
        "draft.md",
    )
    out = concise(runner, path)
    # the $58.2 billion replaced the FY2023 $85.2 billion, not the FY2022 figure (nearer in value)
    assert "the draft says $58.2 billion; claims.yaml uses 85.200 billion USD (services_fy2023)" in out
    assert "services_fy2022" not in out
    # the per-share figure is compared with the per-share value, never with the net income
    assert "pass eps" in out and "pass dividend" in out and "net_income" not in out


def test_a_changed_per_share_figure_contradicts_the_claim(runner, write):
    path = write(DRAFT_CLAIMS)
    write("Services revenue rose 9% to a record $85.2 billion. Earnings per share were $6.31. "
          "每10股派发现金红利308.76元。\n", "draft.md")
    out = concise(runner, path)
    assert "fail eps: the draft says $6.31; claims.yaml" in out


# --------------------------------------------------------------------------- numbers as people read them


def test_a_range_never_prints_two_equal_ends(runner, write):
    path = write("""
        version: 1
        facts:
          net_income: 96.995 billion USD
          diluted_shares: {value: 15.8125 billion shares, exact: true}
        claims:
          - {id: eps, check: net_income / diluted_shares, stated: $6.31 a share}
          - {id: margin, check: "share(15.7913 bn USD, 100 bn USD)", stated: 15.9%}
          - {id: revenue, check: 88.1362 bn USD, stated: "88,100 million USD"}
    """)
    out = concise(runner, path)
    import re

    for a, b in re.findall(r"\(([-\d.,]+)%? to ([-\d.,]+)", out):
        assert a != b, out


def test_a_value_keeps_the_magnitude_it_was_written_in(runner, write):
    path = write("""
        version: 1
        facts:
          revenue: 88.136 bn USD
        claims:
          - {id: same, check: revenue, stated: "88,136 million USD"}
    """)
    out = concise(runner, path)
    assert "88.136 bn USD equals the stated 88,136 million USD" in out


def test_explain_shows_points_within_their_intervals_and_exact_inputs_as_exact(runner, write):
    path = write("""
        version: 1
        facts:
          diluted: {value: 15.8125 billion shares}
        claims:
          - {id: shares, check: diluted * 1, stated: 15.81 billion shares}
          - {id: cagr, check: "cagr(100, 121, 2 years)", stated: 10%}
          - {id: eps, check: 96.995 billion USD / diluted, stated: 6.13 USD/share}
    """)
    out = runner.invoke(app, ["explain", "shares", str(path)]).output
    assert "15.8125 billion shares  [15.81245 to 15.81255 billion shares]" in out
    out = runner.invoke(app, ["explain", "cagr", str(path)]).output
    assert "└── 2 years  exact" in out and "[1.5 to 2.5 years]" not in out
    out = runner.invoke(app, ["explain", "eps", str(path)]).output
    assert "stated: 6.13 USD/share  [6.125 to 6.135 USD/share]" in out
    assert "share = 1 share" not in out  # a per-share figure is one step


# --------------------------------------------------------------------------- the html page and init


def test_the_html_page_marks_checked_figures_names_money_and_says_the_headline_once(runner, write):
    path = write("""
        version: 1
        article:
          title: Apple's year
          draft: draft.md
        facts:
          diluted_shares: {value: 15.8125 billion shares, exact: true}
        claims:
          - id: shares
            says: diluted shares of 15.8 billion
            check: diluted_shares
            stated: 15.8 billion shares
    """)
    write("# Apple's year\n\nIt had diluted shares of 15.8 billion. Revenue was $383.3 billion.\n", "draft.md")
    page = runner.invoke(app, ["verify", "-f", "html", str(path)]).output
    import re

    (fig,) = re.findall(r'class="fig[^"]*"[^>]*data-verdict="([a-z]+)"[^>]*title="[^"]*15\.8 billion at', page)
    assert fig == "pass"  # the figure the claim checks, not "unchecked"
    assert "(amount in USD)" in page and "(number)" not in page
    assert page.count("Apple&#x27;s year") == 2  # the page's <title> and the draft's headline


def test_init_from_a_draft_takes_no_year_from_the_headline(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text("# 茅台2024年年报\n\n茅台4月2日发布年报，每股收益59.49元，每10股派发现金红利308.76元。\n", encoding="utf-8")
    assert runner.invoke(app, ["init", "--draft", "draft.md"]).exit_code == 0
    text = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    assert "2024-04-02" not in text and "no year in the draft" in text
    assert 'value: "59.49 CNY/share"' in text and 'value: "30.876 CNY/share"' in text
    assert runner.invoke(app, ["verify"]).exit_code == 0
