"""The html report without a browser: one safe, self-contained, deterministic page whose
every figure of the draft is placed and linked. (tests/test_browser.py opens it in one.)"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.cli import app
from factcheck.engine import run
from factcheck.model import DraftFigure, Span, Status
from factcheck.reporters import Options, renderer
from factcheck.reporters.html import IGNORED, OTHER, UNCOVERED, verdict

from conftest import ROOT

ALTERED = ROOT / "tests" / "data" / "draft-altered.md"


class Page(HTMLParser):
    """Every element with its attributes, the text of each script and style, and the text
    of each figure (its segments joined, without the symbols)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.figures: dict[str, list[str]] = {}
        self._stack: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag not in ("meta", "br", "hr", "img", "input", "link"):
            self._stack.append((tag, a))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self._stack:
            return
        tag = self._stack[-1][0]
        if tag == "script":
            self.scripts.append(data)
        elif tag == "style":
            self.styles.append(data)
        elif tag != "sup":
            fig = next((a["data-figure"] for t, a in reversed(self._stack) if "data-figure" in a), None)
            if fig is not None:
                self.figures.setdefault(fig, []).append(data)

    def first_segments(self) -> list[dict[str, str]]:
        return [a for _, a in self.elements if "data-figure" in a and a.get("id") == a["data-figure"]]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if "id" in a}


def html_of(*paths: str, draft: str | None = None, **options) -> str:  # type: ignore[no-untyped-def]
    return renderer("html")(run(list(paths), draft=draft, detail=True), Options(**options))


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_every_figure_of_the_draft_is_placed_once_with_its_own_text(in_root):
    report = run(["claims.yaml"], detail=True)
    d = report.files[0].draft
    assert d is not None and len(d.figure_details) == d.figures == 52
    page = Page(renderer("html")(report, Options()))
    firsts = page.first_segments()
    assert [a["data-at"] for a in firsts] == [str(f.span) for f in d.figure_details]
    for a, f in zip(firsts, d.figure_details):
        assert " ".join("".join(page.figures[a["id"]]).split()) == " ".join(f.text.split())
        assert a["data-verdict"] in {s.value for s in Status} | {UNCOVERED, IGNORED}


def test_the_page_is_self_contained_and_allows_only_its_own_script_and_style(in_root):
    text = html_of("claims.yaml")
    page = Page(text)
    tags = {t for t, _ in page.elements}
    assert not tags & {"img", "link", "iframe", "object", "embed", "base", "form"}
    assert not any("src" in a for _, a in page.elements)
    assert "@import" not in text and "url(" not in "".join(page.styles)
    assert len(page.scripts) == 1 and len(page.styles) == 1
    csp = next(a["content"] for t, a in page.elements if a.get("http-equiv") == "Content-Security-Policy")

    def sha(s: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    assert f"script-src {sha(page.scripts[0])}" in csp and f"style-src {sha(page.styles[0])}" in csp
    assert "default-src 'none'" in csp
    # every link inside the page leads somewhere in it: with JavaScript off, a figure opens its card
    internal = [a["href"][1:] for _, a in page.elements if a.get("href", "").startswith("#")]
    assert internal and set(internal) <= page.ids()


def test_same_input_same_bytes_whether_printed_or_written_as_a_report(runner, in_root, tmp_path):
    first = runner.invoke(app, ["verify", "-f", "html"])
    again = runner.invoke(app, ["verify", "-f", "html", "--report", f"html:{tmp_path / 'r.html'}"])
    assert first.exit_code == again.exit_code == 0
    assert first.output == again.output.split("</html>\n", 1)[0] + "</html>\n"
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == first.output


HOSTILE_CLAIMS = """
version: 1
article:
  title: "<script>alert('title')</script>"
  draft: draft.md
facts:
  a:
    value: 380 billion CNY
    source: "<img src=x onerror=alert(1)>"
claims:
  - id: x1
    says: "rose <b>5%</b> to </script><script>alert(2)</script>"
    check: 1 + 1
    stated: 2
    note: "\\" onmouseover=\\"alert(3)"
  - id: x2
    says: pledged 380 billion yuan
    check: a * 2
    stated: 760 billion CNY
    source: "javascript:alert(4)"
"""

HOSTILE_DRAFT = """
# Title <script>alert(5)</script>

<div onclick="alert(6)">a raw block, 12%</div>

It rose <b>5%</b> to </script><script>alert(2)</script>, [a link](javascript:alert(7)),
![a picture of 45%](http://example.com/x.png "t") <img src=x onerror=alert(8)> <style>body{display:none}</style>

Alibaba pledged 380 billion yuan over **three** years, `7%`.

| share | year |
|---|---|
| 15% | 2019 |
"""


def test_nothing_from_a_claims_file_or_a_draft_becomes_markup(write, monkeypatch):
    path = write(HOSTILE_CLAIMS)
    write(HOSTILE_DRAFT, "draft.md")
    monkeypatch.chdir(path.parent)
    text = html_of("claims.yaml")
    page = Page(text)
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    assert len(page.styles) == 1 and "body{display:none}" not in page.styles[0]
    for tag, attrs in page.elements:
        assert tag not in ("img", "div") or "onclick" not in attrs
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not attrs.get("href", "").lower().startswith(("javascript:", "http://example.com")), attrs
    # the raw HTML of the draft reads as text, and its figures are still marked
    assert "&lt;div onclick=&quot;alert(6)&quot;&gt;" in text and "&lt;img src=x onerror=alert(8)&gt;" in text
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in text
    figures = {" ".join("".join(v).split()) for v in page.figures.values()}
    assert {"5%", "380 billion yuan", "three years", "7%", "15%", "2019", "45%"} <= figures


def test_a_claims_file_without_a_draft_is_drawn_as_cards(write, monkeypatch):
    path = write("""
        version: 1
        facts:
          old: 129.073 bn CNY
        claims:
          - {id: growth, check: "growth(old, 136.09 bn CNY)", stated: 5%}
          - {id: wrong, check: "growth(old, 136.09 bn CNY)", stated: 9%}
          - {id: sourced, says: it sold 10 million, source: a statement}
    """)
    monkeypatch.chdir(path.parent)
    text = html_of("claims.yaml")
    page = Page(text)
    cards = [a for t, a in page.elements if "card" in a.get("class", "").split()]
    assert [c["class"] for c in cards] == ["card v-pass", "card v-fail", "card v-unchecked"]
    assert "article" not in {t for t, _ in page.elements}
    assert "growth(old, 136.09 bn CNY)" in text and "[129.0725 to 129.0735 bn CNY]" in text
    # the side list leads to the one problem
    nav = text.split('<nav class="problems"', 1)[1].split("</nav>", 1)[0]
    assert nav.count("<li>") == 1 and "wrong" in nav


def test_a_plain_text_draft_is_drawn_with_its_figures(write, monkeypatch):
    path = write("""
        version: 1
        article: {draft: draft.txt}
        claims:
          - {id: sum, says: "1 and 2 make 3", check: 1 + 2, stated: 3}
    """)
    write("Then 1 and 2 make 3 <b>.\nAnd 5 more.\n", "draft.txt")
    monkeypatch.chdir(path.parent)
    page = Page(html_of("claims.yaml"))
    verdicts = [(" ".join(page.figures[a["id"]]), a["data-verdict"]) for a in page.first_segments()]
    assert verdicts == [("1", "pass"), ("2", "pass"), ("3", "pass"), ("5", "uncovered")]


def fig(**kw) -> DraftFigure:  # type: ignore[no-untyped-def]
    return DraftFigure(0, 1, Span("d.md", 1, 1), "5%", "number", **kw)


class _R:
    def __init__(self, status: Status, check: bool = True) -> None:
        self.status, self.suppressed = status, None
        self.claim = type("C", (), {"check": "x" if check else None, "id": "c"})()


def test_a_figure_takes_the_verdict_of_what_it_is_to_its_claims():
    ok, failing, sourced = _R(Status.PASS), _R(Status.FAIL), _R(Status.UNCHECKED, check=False)
    results = {"ok": ok, "failing": failing, "sourced": sourced}
    # contradicted: fail, whatever else agrees with it
    assert verdict(fig(claims=("ok",), contradicts=("failing",), agrees=(("ok", Status.PASS),)), results, False)[0] == "fail"
    # a figure its claim's computation uses, in a claim failing on another figure: what the computation gave
    assert verdict(fig(claims=("failing",), agrees=(("failing", Status.PASS),)), results, False)[0] == "pass"
    # the worst of the computations that use it
    assert verdict(fig(agrees=(("ok", Status.PASS), ("failing", Status.WARN))), results, False)[0] == "warn"
    # in a passage, not used by the check, or cited by a sourced claim: unchecked
    assert verdict(fig(claims=("ok",)), results, False)[0] == "unchecked"
    assert verdict(fig(claims=("sourced",)), results, False)[0] == "unchecked"
    assert verdict(fig(ignored=True), results, False)[0] == IGNORED
    assert verdict(fig(claims=("not-run",)), results, False)[0] == OTHER
    assert verdict(fig(), results, False)[0] == UNCOVERED
    assert verdict(fig(), results, True)[0] == "fail"  # --require-coverage


def test_a_contradicted_figure_fails_and_opens_its_claim(in_root):
    page = Page(html_of("claims.yaml", draft=str(ALTERED)))
    fails = [a for a in page.first_segments() if a["data-verdict"] == "fail"]
    assert [" ".join("".join(page.figures[a["id"]]).split()) for a in fails] == ["175.479 billion yuan"]
    card_id = fails[0]["data-cards"].split()[0]
    card = next(a for _, a in page.elements if a.get("id") == card_id)
    assert card["class"] == "card v-fail"
    # the figures of the same passage that agree keep the verdict of the computation
    verdicts = [(" ".join("".join(page.figures[a["id"]]).split()), a["data-verdict"]) for a in page.first_segments()]
    at = verdicts.index(("175.479 billion yuan", "fail"))
    assert verdicts[at - 1] == ("two and a half years", "warn")  # capex-vs-gaap-profit warns on it


def test_other_formats_never_compute_steps_nor_load_the_html_reporter(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from factcheck.cli import main
        sys.argv = ["factcheck", "verify", {str(ROOT / "claims.yaml")!r}, "-f", sys.argv[1], "-o", {str(tmp_path / "out")!r}]
        try:
            main()
        except SystemExit:
            pass
        print(sorted(m for m in ("factcheck.steps", "factcheck.reporters.html") if m in sys.modules))
    """)
    for fmt, loaded in (("json", "[]"), ("concise", "[]"), ("html", "['factcheck.reporters.html', 'factcheck.steps']")):
        out = subprocess.run([sys.executable, "-c", code, fmt], capture_output=True, text=True, cwd=ROOT)
        assert out.stdout.strip() == loaded, (fmt, out.stdout, out.stderr)


def test_the_readme_screenshot_is_committed():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shots = re.findall(r"!\[[^\]]*\]\((docs/[^)]+\.png)\)", readme)
    assert shots and all((ROOT / s).stat().st_size > 10_000 for s in shots)
    assert Path(ROOT / shots[0]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_suppressed_finding_is_marked_as_such_and_does_not_count(write, monkeypatch):
    path = write("""
        version: 1
        article: {draft: draft.md}
        claims:
          - id: sum
            says: 2 and 2 make 9
            check: 2 + 2
            stated: 9
            ignore: {reason: a known slip, until: 2999-12-31}
    """)
    write("We say that 2 and 2 make 9.\n", "draft.md")
    monkeypatch.chdir(path.parent)
    from factcheck.baseline import apply

    text = renderer("html")(apply(run(["claims.yaml"], detail=True), None), Options())
    page = Page(text)
    [nine] = [a for a in page.first_segments() if "".join(page.figures[a["id"]]) == "9"]
    assert nine["data-verdict"] == "fail" and "suppressed" in nine["class"].split()
    counts = {a["data-count"]: a["class"] for _, a in page.elements if "data-count" in a}
    assert "zero" in counts["fail"]  # a suppressed finding is not counted
    assert "(suppressed)" in text.split("</nav>")[0] and "suppressed by ignore until 2999-12-31: a known slip" in text


# --------------------------------------------------------------------------- issue 26: what the page blames, and in what order

ORDER_DRAFT = """# Results

The group hired 300 engineers.

Revenue rose 8% to 110 billion yuan from 100 billion yuan.

Costs were flat at 40 billion yuan.

Profit grew 50% to 30 billion yuan from 20 billion yuan.
"""

ORDER_CLAIMS = """version: 1
article: {title: Results, draft: draft.md}
claims:
  - id: profit-growth
    says: Profit grew 50% to 30 billion yuan from 20 billion yuan
    check: growth(20 bn CNY, 30 bn CNY)
    stated: 50%
  - id: revenue-growth
    says: Revenue rose 8% to 110 billion yuan from 100 billion yuan
    check: growth(100 bn CNY, 110 bn CNY)
    stated: 8%
  - id: costs-flat
    says: Costs were flat at 40 billion yuan
    check: change(40 bn CNY, 41 bn CNY)
    stated: 0 bn CNY
  - id: gone
    says: The group hired 300 engineers in Hangzhou
    source: company statement
"""


def _html_page(runner, tmp_path, claims: str, draft: str) -> Page:  # type: ignore[no-untyped-def]
    (tmp_path / "claims.yaml").write_text(claims, encoding="utf-8")
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    out = runner.invoke(app, ["verify", str(tmp_path / "claims.yaml"), "-f", "html", "-o", str(tmp_path / "report.html")])
    assert out.exit_code == 1, out.output
    return Page((tmp_path / "report.html").read_text(encoding="utf-8"))


def test_a_failed_claim_marks_only_its_stated_figure(runner, tmp_path):
    """Revenue 100 to 110 is 10%, not 8%: the 8% is wrong, the 100 and the 110 (as the
    claims file has them) are not, and are not painted red."""
    page = _html_page(runner, tmp_path, ORDER_CLAIMS, ORDER_DRAFT)
    verdicts = {" ".join("".join(page.figures[a["id"]]).split()): a["data-verdict"] for a in page.first_segments()}
    assert verdicts["8%"] == "fail"
    assert verdicts["110 billion yuan"] == verdicts["100 billion yuan"] == "pass"
    assert verdicts["50%"] == verdicts["30 billion yuan"] == verdicts["20 billion yuan"] == "pass"
    (title,) = [a["title"] for a in page.first_segments() if "".join(page.figures[a["id"]]).startswith("110")]
    assert "the claim is fail on another figure: its stated value" in title


def test_the_list_of_problems_follows_the_article(runner, tmp_path):
    """The side list in the article's order, whatever the claims file's: the stale claim
    at its closest passage (paragraph 1), the uncovered figure beside it, the revenue
    (paragraph 2), then the costs (paragraph 3)."""
    page = _html_page(runner, tmp_path, ORDER_CLAIMS, ORDER_DRAFT)
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    nav = text.split('<nav class="problems"', 1)[1].split("</nav>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", nav)
    shown = [re.sub(r"<[^>]+>", " ", i).split()[:3] for i in items]
    assert [s[2] if s[1] != "uncovered" else s[2] for s in shown] == ["gone", "300", "revenue-growth", "costs-flat"], shown
    assert page.first_segments()  # the page is drawn


def test_the_html_steps_keep_their_brackets(runner, tmp_path):
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n  - {id: lead, check: '(1 + 2) / 3', stated: 1}\n  - {id: trail, check: '3 / (1 + 2)', stated: 1}\n",
        encoding="utf-8",
    )
    out = runner.invoke(app, ["verify", str(tmp_path / "claims.yaml"), "-f", "html"])
    assert out.exit_code == 0
    assert "(1 + 2) / 3" in out.stdout and "3 / (1 + 2)" in out.stdout
    assert "1 + 2) / 3" not in out.stdout.replace("(1 + 2) / 3", "") and "3 / (1 + 2<" not in out.stdout
