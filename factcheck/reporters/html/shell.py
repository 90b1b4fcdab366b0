"""The page's shell: its inline style and script, the Content-Security-Policy that allows only them, and escaping."""

from __future__ import annotations

import base64
import hashlib

from factcheck.reporters.escape import for_html

CSS = """
:root{--ink:#1b1b1b;--dim:#5d5d5d;--rule:#d9d9d9;--paper:#fff;--side:#f6f6f4;
--pass:#009E73;--pass-bg:#d3efe5;--warn:#B27600;--warn-bg:#fde7b8;--fail:#D55E00;--fail-bg:#f9d3bd;
--error:#A83F7F;--error-bg:#f3d9ea;--unchecked:#0072B2;--unchecked-bg:#d8e9f6;--uncovered:#222;--uncovered-bg:#f4ee9a}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--paper);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header.top{padding:.8rem 1.4rem;border-bottom:1px solid var(--rule);background:var(--side)}
header.top h1{font-size:1.15rem;margin:0 0 .3rem}
header.top h1 small{font-weight:normal;color:var(--dim)}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.2rem 0;padding:0;list-style:none}
.counts li{padding:.1rem .55rem;border-radius:1rem;font-size:.9rem;border:1px solid var(--rule);background:#fff}
.counts li.zero{opacity:.55}
.summary{margin:.3rem 0 0;color:var(--dim);font-size:.85rem}
.layout{display:grid;grid-template-columns:17rem minmax(0,1fr);align-items:start}
.layout.inspecting{grid-template-columns:17rem minmax(0,1fr) 27rem}
nav.problems{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem;border-right:1px solid var(--rule);background:var(--side);font-size:.88rem}
nav.problems h2{font-size:.95rem;margin:0 0 .5rem}
nav.problems ol{margin:0;padding:0;list-style:none}
nav.problems li{margin:0 0 .45rem}
nav.problems a{color:var(--ink);text-decoration:none;display:block;padding:.25rem .4rem;border-left:4px solid var(--rule);border-radius:2px}
nav.problems a:hover,nav.problems a:focus{background:#fff}
nav.problems .none{color:var(--dim)}
main{padding:1rem 2rem 3rem;min-width:0}
.file{max-width:46rem}
.file>h2{font-size:1.5rem;margin:.4rem 0 .2rem}
.meta{color:var(--dim);font-size:.85rem;margin:0 0 1rem}
article.draft{font-family:Georgia,"Noto Serif","Times New Roman",serif;font-size:1.06rem;line-height:1.75}
article.draft h1,article.draft h2,article.draft h3{font-family:system-ui,sans-serif;line-height:1.3}
article.draft .plain{white-space:pre-wrap}
article.draft table{border-collapse:collapse}
article.draft td,article.draft th{border:1px solid var(--rule);padding:.2rem .5rem}
article.draft pre{white-space:pre-wrap;background:var(--side);padding:.5rem}
.img{color:var(--dim);font-style:italic}
a.fig,span.fig{color:inherit;text-decoration:none;padding:0 .12rem;border-radius:3px;border-bottom:2px solid transparent;cursor:pointer}
a.fig:focus{outline:2px solid var(--ink);outline-offset:1px}
.fig.cont{padding-left:0;border-top-left-radius:0;border-bottom-left-radius:0}
.fig.more{padding-right:0;border-top-right-radius:0;border-bottom-right-radius:0}
.fig sup.sym{font-size:.72em;font-weight:bold;margin-left:.08rem;font-family:system-ui,sans-serif}
.v-pass{--c:var(--pass);--bg:var(--pass-bg)}
.v-warn{--c:var(--warn);--bg:var(--warn-bg)}
.v-fail{--c:var(--fail);--bg:var(--fail-bg)}
.v-error{--c:var(--error);--bg:var(--error-bg)}
.v-unchecked{--c:var(--unchecked);--bg:var(--unchecked-bg)}
.v-uncovered{--c:var(--uncovered);--bg:var(--uncovered-bg)}
.v-ignored,.v-other{--c:#8a8a8a;--bg:transparent}
.fig{background:var(--bg)}
.fig.v-pass{border-bottom:2px solid var(--c)}
.fig.v-warn{border-bottom:2px dashed var(--c)}
.fig.v-fail{border-bottom:3px double var(--c);font-weight:600}
.fig.v-error{border-bottom:3px double var(--c);font-weight:600}
.fig.v-unchecked{border-bottom:2px dotted var(--c)}
.fig.v-uncovered{outline:1px dashed var(--c);outline-offset:-1px}
.fig.v-ignored,.fig.v-other{border-bottom:1px dotted var(--c)}
.fig sup.sym,.badge{color:var(--c)}
.fig.suppressed{opacity:.7}
.fig.current{box-shadow:0 0 0 2px var(--ink)}
nav.problems a{border-left-color:var(--c,var(--rule))}
.badge{font-weight:bold;white-space:nowrap}
.counts li .badge{margin-right:.15rem}
h3.section{font-size:1.05rem;margin:2.2rem 0 .6rem;padding-top:.6rem;border-top:1px solid var(--rule)}
.card{border:1px solid var(--rule);border-left:6px solid var(--c,var(--rule));border-radius:4px;padding:.6rem .8rem;margin:0 0 .9rem;background:#fff;font-size:.92rem}
.card:target{box-shadow:0 0 0 3px var(--c)}
.card h4{margin:0 0 .3rem;font-size:.98rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.card .where{color:var(--dim);font-weight:normal;font-size:.8rem}
.card p{margin:.3rem 0}
.card .says{font-style:italic}
.card .message{font-weight:500}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.4rem 0}
.card dt{color:var(--dim)}
.card dd{margin:0}
.iv{color:var(--dim);font-size:.85em;white-space:nowrap}
.steps h5{margin:.5rem 0 .1rem;font-size:.85rem;color:var(--dim);text-transform:uppercase;letter-spacing:.04em}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.1rem}
ul.tree{padding-left:0}
ul.tree li{position:relative;margin:.15rem 0}
ul.tree ul li::before{content:"";position:absolute;left:-.8rem;top:.75em;width:.55rem;border-top:1px solid #aaa}
ul.tree ul{border-left:1px solid #aaa;margin-left:.3rem}
.step code{font-size:.92em}
.step .value{font-weight:600}
.step .note{display:block;color:var(--dim);font-size:.82em}
.step .error{color:var(--error);font-weight:600}
.hint{border-left:3px solid var(--warn);padding-left:.5rem}
.muted{color:var(--dim)}
aside#inspector{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem;border-left:1px solid var(--rule);background:var(--side)}
aside#inspector .close{float:right;font:inherit;border:1px solid var(--rule);background:#fff;border-radius:3px;cursor:pointer}
aside#inspector .figinfo{margin:.1rem 2rem .8rem 0;font-size:.88rem}
footer{padding:1rem 2rem;color:var(--dim);font-size:.8rem;border-top:1px solid var(--rule)}
@media (max-width:60rem){.layout,.layout.inspecting{grid-template-columns:1fr}nav.problems,aside#inspector{position:static;max-height:none}}
@media print{nav.problems,aside#inspector{display:none}.layout{display:block}}
""".strip()

JS = """
(function () {
  var layout = document.querySelector(".layout");
  var panel = document.getElementById("inspector");
  var body = panel.querySelector(".content");
  function segments(id) { return document.querySelectorAll('[data-figure="' + id + '"]'); }
  function open(fig) {
    var id = fig.getAttribute("data-figure");
    document.querySelectorAll(".fig.current").forEach(function (e) { e.classList.remove("current"); });
    segments(id).forEach(function (e) { e.classList.add("current"); });
    body.textContent = "";
    var info = document.createElement("p");
    info.className = "figinfo";
    info.textContent = fig.getAttribute("title");
    body.appendChild(info);
    (fig.getAttribute("data-cards") || "").split(" ").forEach(function (cid) {
      var card = cid && document.getElementById(cid);
      if (card) { var copy = card.cloneNode(true); copy.removeAttribute("id"); body.appendChild(copy); }
    });
    panel.hidden = false;
    layout.classList.add("inspecting");
    panel.scrollTop = 0;
  }
  function close() {
    panel.hidden = true;
    layout.classList.remove("inspecting");
    document.querySelectorAll(".fig.current").forEach(function (e) { e.classList.remove("current"); });
  }
  document.addEventListener("click", function (e) {
    var fig = e.target.closest(".fig[data-figure]");
    if (fig && !panel.contains(fig)) {
      e.preventDefault();
      open(document.getElementById(fig.getAttribute("data-figure")) || fig);
      return;
    }
    var link = e.target.closest("a[data-goto]");
    if (link) {
      var target = document.getElementById(link.getAttribute("data-goto"));
      if (target) {
        e.preventDefault();
        target.scrollIntoView({block: "center"});
        open(target);
        target.focus({preventScroll: true});
      }
      return;
    }
    if (e.target.closest("#inspector .close")) { close(); }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { close(); } });
})();
""".strip()


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


#: nothing but the page's own style and script: an injected script would not run, and
#: nothing is fetched (images in a draft are not loaded either)
CSP = (
    f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def e(text: object) -> str:
    """Every string of the report, for HTML (escape.for_html): controls visible, markup escaped."""
    return for_html(str(text))
