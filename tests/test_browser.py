"""The html report as a person sees it: Debian's chromium, headless, driven by Selenium.

One browser for the module, two pages: the bundled article (every figure marked with the
verdict a reader should see), and the same article with a figure changed (the failing
figure is clicked and its computation read). Screenshots go to test-artifacts/. Skipped,
naming what is missing (chromium, chromedriver or selenium), only where one of them is
(`apt-get install chromium chromium-driver`; .ci/run installs them).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from factcheck.cli import app

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = ROOT / "test-artifacts"


def missing() -> list[str]:
    """What the browser test needs and this machine lacks, each with how to get it."""
    import importlib.util

    out = []
    if not CHROMIUM:
        out.append("chromium (apt-get install chromium)")
    if not CHROMEDRIVER:
        out.append("chromedriver (apt-get install chromium-driver)")
    if importlib.util.find_spec("selenium") is None:
        out.append("selenium (pip install -e '.[test]')")
    return out


MISSING = missing()

needs_browser = pytest.mark.skipif(
    bool(MISSING), reason="the html report's browser test needs what is missing here: " + "; ".join(MISSING)
)


def test_the_skip_message_names_what_is_missing(monkeypatch):
    """Runs with or without a browser: each missing piece is named, and nothing else."""
    import importlib.util

    global CHROMIUM, CHROMEDRIVER
    saved = CHROMIUM, CHROMEDRIVER
    try:
        CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", None
        assert missing() == ["chromedriver (apt-get install chromium-driver)"] or "selenium" in missing()[-1]
        assert not any(m.startswith("chromium ") for m in missing())
        CHROMIUM, CHROMEDRIVER = None, "/usr/bin/chromedriver"
        assert missing()[0] == "chromium (apt-get install chromium)" and not any("chromedriver" in m for m in missing())
        monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
        CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
        assert missing() == ["selenium (pip install -e '.[test]')"]
    finally:
        CHROMIUM, CHROMEDRIVER = saved


#: every figure of examples/alibaba-2025/draft.md, in order, with the verdict an editor
#: should see: ✓ where a check computes it and passes, ○ where a claim only cites it (or
#: its check does not use it), ▲ where the worst check that uses it warns, and the
#: dateline ignored (ignore_figures)
EXPECTED = [
    ("13 May 2025", "ignored"),
    ("10 May 2025", "pass"), ("21st", "pass"), ("2005", "pass"),  # ali-day-21st
    ("1999", "pass"), ("1997–98", "pass"),  # founded-after-crisis
    ("2003", "pass"), ("2004", "pass"),  # taobao-then-alipay
    ("2008", "pass"),  # taobao-mall-after-alipay
    ("2019", "unchecked"),  # jack-ma-retired: sourced
    ("September 2023", "unchecked"),  # new-leadership-2023: sourced
    ("20th", "pass"), ("December 2024", "pass"),  # ant-20th-anniversary
    ("2013", "unchecked"), ("2014", "unchecked"), ("80%", "unchecked"),  # peak-share-80: sourced
    ("83.6%", "unchecked"), ("2007", "unchecked"),  # iresearch-c2c-2007: sourced
    ("70%", "pass"),  # share-fell-to-70
    ("2017", "pass"), ("two years", "pass"), ("2015", "pass"),  # pdd-two-years
    ("2024", "unchecked"),  # the year of shares-2024-sum, which its sum does not use
    ("33%", "pass"), ("17%", "pass"), ("19%", "pass"), ("18%", "pass"),  # shares-2024-sum
    ("13%", "pass"),  # others-remaining-13
    ("2019", "unchecked"), ("80%", "pass"), ("33%", "pass"), ("2024", "unchecked"),
    ("47 percentage points", "pass"),  # lost-since-peak
    ("December 2024", "unchecked"), ("5%", "pass"), ("136.09 billion yuan", "pass"),
    ("129.07 billion yuan", "pass"),  # ttg-revenue-growth
    ("9%", "unchecked"), ("100.79 billion yuan", "unchecked"),  # cmr-growth: sourced
    ("43%", "unchecked"), ("2024", "unchecked"),  # ttg-share-of-revenue: sourced
    ("24 February 2025", "unchecked"), ("380 billion yuan", "unchecked"),  # capex-plan: sourced
    ("three years", "unchecked"), ("ten years", "unchecked"),
    ("two and a half years", "warn"),  # capex-vs-gaap-profit warns, capex-vs-profit passes
    ("157.479 billion yuan", "pass"),  # capex-vs-profit
    ("two and a half years", "pass"),  # ai-bet-two-and-half-years
    ("20%", "unchecked"), ("109%", "unchecked"),  # xiaohongshu-notes: sourced
    ("six days", "unchecked"), ("10 million orders", "unchecked"),  # flash-buy-orders: sourced
]

#: for each figure that starts a mark: its text (segments joined), verdict, symbol, background
FIGURES_JS = """
return Array.from(document.querySelectorAll('.fig[id][data-figure]')).map(function (first) {
  var parts = document.querySelectorAll('[data-figure="' + first.id + '"]');
  var text = Array.from(parts).map(function (p) {
    var c = p.cloneNode(true); c.querySelectorAll('sup').forEach(function (s) { s.remove(); });
    return c.textContent; }).join('');
  var sym = parts[parts.length - 1].querySelector('sup');
  return [text.replace(/\\s+/g, ' ').trim(), first.getAttribute('data-verdict'),
          sym ? sym.textContent : '', getComputedStyle(first).backgroundColor];
});
"""


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
    for arg in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--window-size=1440,1800",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def report(runner, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["verify", "claims.yaml", "--report", f"html:{out}", "-f", "concise", *args])
    assert result.exit_code in (0, 1), result.output
    return out.as_uri()


def console_errors(driver) -> list[str]:  # type: ignore[no-untyped-def]
    """What the page logged as errors: a script the Content-Security-Policy blocked shows here."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@needs_browser
def test_every_figure_of_the_article_is_marked_with_its_verdict(browser, runner, tmp_path, monkeypatch):
    from factcheck.reporters import SYMBOLS
    from factcheck.reporters.html import VERDICT_SYMBOLS

    monkeypatch.chdir(ROOT)
    browser.get(report(runner, tmp_path))
    figures = browser.execute_script(FIGURES_JS)
    assert [(text, v) for text, v, _, _ in figures] == EXPECTED
    # a symbol as well as a colour, the colour the same for a verdict and different between them
    symbols = {v: s for _, v, s, _ in figures}
    assert symbols["pass"] == SYMBOLS["pass"] and symbols["warn"] == SYMBOLS["warn"]
    assert symbols == {v: VERDICT_SYMBOLS[v] for v in symbols}
    colours = {v: {c for _, w, _, c in figures if w == v} for v in symbols}
    assert all(len(c) == 1 for c in colours.values()), colours
    marked = [c.pop() for v, c in colours.items() if v != "ignored"]
    assert len(set(marked)) == len(marked) and "rgba(0, 0, 0, 0)" not in marked
    counts = {li.get_attribute("data-count"): li.text for li in browser.find_elements("css selector", ".counts li")}
    assert counts["pass"] == "✓ 13 pass" and counts["warn"] == "▲ 1 warn" and counts["uncovered"] == "◇ 0 uncovered"
    # the side list leads to the warning, which opens both claims that use the figure
    browser.find_element("css selector", "nav.problems a").click()
    panel = browser.find_element("id", "inspector")
    assert panel.is_displayed()
    assert "capex-vs-gaap-profit" in panel.text and "capex-vs-profit" in panel.text
    assert "net_income_gaap_fy2024 = 71.332 billion CNY/year" in panel.text
    browser.execute_script("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "html-report.png"))
    assert console_errors(browser) == []


@needs_browser
def test_a_failing_figure_opens_its_computation(browser, runner, tmp_path, monkeypatch):
    from selenium.webdriver.common.by import By

    monkeypatch.chdir(ROOT)
    browser.get(report(runner, tmp_path, "--draft", "tests/data/draft-altered.md"))
    panel = browser.find_element(By.ID, "inspector")
    assert not panel.is_displayed()
    failing = browser.find_elements(By.CSS_SELECTOR, '.fig[id][data-verdict="fail"]')
    assert [f.text for f in failing] == ["175.479"]  # the figure runs on over a line break
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", failing[0])
    failing[0].click()
    assert panel.is_displayed()
    text = panel.text
    assert "✗ fail\ncapex-vs-profit\nclaims.yaml:212:5" in text
    assert "the draft says 175.479 billion yuan; claims.yaml uses 157.479 billion CNY/year (net_profit_fy2024)" in text
    # the computation, step by step with every interval
    assert "capex_plan / net_profit_fy2024 = 2.41302 years [2.409837 to 2.416203 years]" in text
    assert "capex_plan = 380 billion CNY [379.5 to 380.5 billion CNY]" in text
    assert "net_profit_fy2024 = 157.479 billion CNY/year [157.4785 to 157.4795 billion CNY/year]" in text
    assert "computed\n2.413 years" in text and "difference\n-3.48%" in text
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "html-report-failing-figure.png"))
    assert console_errors(browser) == []
