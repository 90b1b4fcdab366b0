"""The format's entries: one small reader each for the article, the settings, a fact, a claim, an ignore.

Each reader takes a YNode (yaml_events) and gives the model's record, or None with a
Problem at the line and column of what is wrong, saying what would be right. One broken
entry never stops the others.
"""

from __future__ import annotations

import re
import sys
from datetime import date

from factcheck.errors import ExprError
from factcheck.load.keys import (
    ARTICLE_KEYS,
    CLAIM_KEYS,
    FACT_KEYS,
    FACT_RE,
    FALSE,
    ID_RE,
    IGNORE_KEYS,
    ROUNDING_ONLY,
    SETTINGS_KEYS,
    SEVERITIES,
    TRUE,
)
from factcheck.load.yaml_events import YNode
from factcheck.model import (
    COMPARE_ALIASES,
    Claim,
    Compare,
    Expr,
    Fact,
    Problem,
    Settings,
    Span,
    Status,
    Suppression,
)
from factcheck.quantity import CURRENCIES, RESERVED_WORDS, currency_code, currency_unit
from factcheck.suggest import closest, did_you_mean

#: the keys of a fact read from a filing (with them, ``value:`` is checked, not taken)
_FILING_KEYS = frozenset(("filing", "concept", "period", "dimensions"))
#: ``settings.max_age``: a number and a unit of time
_AGE = re.compile(r"\s*([0-9]{1,6})\s*(day|week|month|year)s?\s*\Z")


def short(text: str) -> str:
    """One copy of a short text written many times ("5%", "2 years", a tag): an archive
    repeats them by the thousand, each a new string from the parser."""
    return sys.intern(text) if len(text) <= 24 else text


class EntryReader:
    """Reads the entries of one claims file, collecting their problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        #: facts whose value could not be read: a claim using one says so, not "unknown fact"
        self.unreadable_facts: dict[str, str] = {}
        self.article_spans: dict[str, Span] = {}

    # helpers -------------------------------------------------------------------
    def span(self, node: YNode) -> Span:
        return Span(self.path, node.line, node.col)

    def problem(self, node: YNode | None, code: str, message: str) -> None:
        span = self.span(node) if node else Span(self.path, 1, 1)
        self.problems.append(Problem(span, code, message))

    def mapping(self, node: YNode, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[YNode, YNode]] | None:
        """Keys -> (key node, value node), with unknown and duplicate keys reported."""
        if node.kind != "map":
            self.problem(node, "wrong-type", f"{what} should be a mapping (key: value lines), not {node.describe()}")
            return None
        out: dict[str, tuple[YNode, YNode]] = {}
        for k, v in node.pairs:
            if k.kind != "scalar" or k.is_null:
                self.problem(k, "wrong-type", f"keys in {what} should be words, not {k.describe()}")
                continue
            if k.value in out:
                first = out[k.value][0]
                self.problem(k, "duplicate-key", f"duplicate key {k.value!r} in {what} (first at line {first.line})")
                continue
            out[k.value] = (k, v)
        if allowed:
            for key, (k, _) in out.items():
                if key not in allowed:
                    self.problem(
                        k,
                        "unknown-key",
                        f"unknown key {key!r} in {what}{did_you_mean(key, allowed) or ''}; "
                        f"expected one of: {', '.join(allowed)}",
                    )
        return out

    def text(self, node: YNode, what: str) -> str | None:
        """A scalar as text (numbers and dates too, as written); None when empty."""
        if node.kind != "scalar":
            self.problem(node, "wrong-type", f"{what} should be text, not {node.describe()}")
            return None
        if node.is_null:
            return None
        return node.value

    def expr(self, node: YNode, what: str) -> Expr | None:
        # lazy: the expression parser only when an expression is read
        from factcheck.expr import parse

        if node.kind != "scalar" or node.is_null:
            self.problem(node, "wrong-type", f"{what} should be an expression such as `2.5 years`, not {node.describe()}")
            return None
        text = short(node.value)
        span = self.span(node)
        try:
            tree = parse(text)
        except ExprError as e:
            at = Expr(text, span, None, node.single_line).at(e.offset)
            self.problems.append(Problem(at, "expression-syntax", f"in {what}: {e.message}"))
            return None
        return Expr(text, span, tree, node.single_line)

    def choice(self, node: YNode, what: str, words: tuple[str, ...], expected: str) -> str | None:
        """One of ``words``, or None with one problem (never two) saying what is expected."""
        word = node.value if node.kind == "scalar" and not node.is_null else None
        if word in words:
            return word
        self.problem(node, "wrong-value", f"{what} should be {expected} not {node.describe()}")
        return None


    def boolean(self, node: YNode, what: str) -> bool:
        """true or false (YAML's yes/no/on/off too); anything else is one problem, and false."""
        word = node.value if node.kind == "scalar" else None
        if word in TRUE:
            return True
        if word not in FALSE:
            self.problem(node, "wrong-type", f"{what} should be true or false, not {node.describe()}")
        return False
    def date(self, node: YNode, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            date.fromisoformat(value)
        except ValueError:
            self.problem(node, "wrong-type", f"{what} should be a date written 2025-05-13, not {node.describe()}")
            return None
        return value

    # the entries ---------------------------------------------------------------
    def article(self, node: YNode) -> dict[str, str]:
        if node.is_null:
            return {}
        m = self.mapping(node, "article", ARTICLE_KEYS)
        out: dict[str, str] = {}
        for key, (_, v) in (m or {}).items():
            if key not in ARTICLE_KEYS:
                continue
            value = self.date(v, "article.published") if key == "published" else self.text(v, f"article.{key}")
            if value is not None:
                out[key] = value
                self.article_spans[key] = self.span(v)
        return out

    def ignore_figures(self, node: YNode) -> tuple[tuple[str, Span], ...]:
        """Passages of the draft whose figures need no claim (a dateline, a page number)."""
        if node.is_null:
            return ()
        if node.kind != "seq":
            self.problem(node, "wrong-type", f"ignore_figures should be a list of passages of the draft, not {node.describe()}")
            return ()
        out = []
        for item in node.items:
            text = self.text(item, "an entry of ignore_figures")
            if text is not None and text.strip():
                out.append((text, self.span(item)))
            elif text is not None:
                self.problem(item, "wrong-value", "an entry of ignore_figures is empty: write the passage of the draft")
        return tuple(out)

    def settings(self, node: YNode) -> Settings:
        if node.is_null:
            return Settings()
        m = self.mapping(node, "settings", SETTINGS_KEYS) or {}
        tolerance = self.expr(m["tolerance"][1], "settings.tolerance") if "tolerance" in m else None
        rounding = Status.WARN
        if "rounding_only" in m:
            word = self.choice(m["rounding_only"][1], "settings.rounding_only", ROUNDING_ONLY, "warn, pass or fail,")
            rounding = Status(word) if word else rounding
        infer = self.boolean(m["infer"][1], "settings.infer") if "infer" in m else False
        rates: list[tuple[str, Expr]] = []
        if "rates" in m:
            rm = self.mapping(m["rates"][1], "settings.rates", ()) or {}
            for code, (k, v) in rm.items():
                if currency_code(code) is None:
                    self.problem(
                        k,
                        "unknown-key",
                        f"unknown currency {code!r} in settings.rates{did_you_mean(code, CURRENCIES)}; "
                        "expected an ISO 4217 code (USD, EUR, CHF…)",
                    )
                    continue
                currency_unit(code)
                e = self.expr(v, f"the rate for {code}")
                if e is not None:
                    rates.append((code, e))
        max_age = self.max_age(m["max_age"][1]) if "max_age" in m else None
        return Settings(tolerance=tolerance, rounding_only=rounding, rates=tuple(rates), infer=infer, max_age=max_age)

    def max_age(self, node: YNode) -> tuple[int, str] | None:
        """``settings.max_age: 18 months`` as (18, 'month')."""
        text = self.text(node, "settings.max_age")
        found = _AGE.match(text) if text is not None else None
        if found is None:
            if text is not None:
                self.problem(node, "wrong-value", f"settings.max_age should be a number of days, weeks, months or "
                             f"years (18 months), not {text!r}")
            return None
        return int(found.group(1)), found.group(2)

    def facts(self, node: YNode) -> dict[str, Fact]:
        if node.is_null:
            return {}
        m = self.mapping(node, "facts", ())
        out: dict[str, Fact] = {}
        for name, (k, v) in (m or {}).items():
            self.fact(name, k, v, out)
        return out

    def fact(self, name: str, k: YNode, v: YNode, out: dict[str, Fact]) -> None:
        """One entry of ``facts:``, into ``out`` when it can be used."""
        if not FACT_RE.match(name):
            self.problem(
                k, "bad-name", f"fact name {name!r} should be lower case letters, digits and _ (net_profit_fy2024)"
            )
            return
        if name in RESERVED_WORDS:
            self.problem(k, "bad-name", f"fact name {name!r} is a unit or magnitude word; choose another name")
            return
        where = f"fact {name!r}"
        if v.kind == "map":
            fm = self.mapping(v, where, FACT_KEYS)
            if fm is None:
                return
            if fm.keys() & _FILING_KEYS:
                # lazy: the filing reader only when a fact names a filing
                from factcheck.load.filings import FilingFactReader

                fact = FilingFactReader(self, name, k, v, fm).read()
                if fact is not None:
                    out[name] = fact
                return
            if "value" not in fm:
                self.problem(v, "missing-key", f"{where} needs a `value:`")
                return
            expr = self.expr(fm["value"][1], where)
            if expr is None:
                self.unreadable_facts[name] = f"its value at line {fm['value'][1].line} could not be read"
                return
            exact = self.boolean(fm["exact"][1], "`exact`") if "exact" in fm else False
            out[name] = Fact(
                name,
                self.span(k),
                expr,
                source=self.text(fm["source"][1], f"{where} source") if "source" in fm else None,
                as_of=self.date(fm["as_of"][1], f"{where} as_of") if "as_of" in fm else None,
                note=self.text(fm["note"][1], f"{where} note") if "note" in fm else None,
                exact=exact,
            )
        else:
            expr = self.expr(v, where)
            if expr is not None:
                out[name] = Fact(name, self.span(k), expr)
            else:
                self.unreadable_facts[name] = f"its value at line {v.line} could not be read"

    def claims(self, node: YNode) -> list[Claim]:
        if node.is_null:
            return []
        if node.kind != "seq":
            self.problem(node, "wrong-type", f"claims should be a list (lines starting with '- '), not {node.describe()}")
            return []
        out: list[Claim] = []
        seen: dict[str, int] = {}
        for item in node.items:
            claim = self.claim(item, seen)
            if claim is not None:
                out.append(claim)
        return out

    def claim(self, node: YNode, seen: dict[str, int]) -> Claim | None:
        """One entry of ``claims:``; None when it has a problem. ``seen``: ids so far -> line."""
        before = len(self.problems)
        m = self.mapping(node, "a claim", CLAIM_KEYS)
        if m is None:
            return None
        cid = self.claim_id(node, m, seen)
        what = f"claim {cid!r}" if cid else "this claim"

        def get_text(key: str) -> str | None:
            return self.text(m[key][1], f"{key} of {what}") if key in m else None

        def get_expr(key: str, name: str) -> Expr | None:
            return self.expr(m[key][1], f"{name} of {what}") if key in m else None

        says, source, note = get_text("says"), get_text("source"), get_text("note")
        check, stated = get_expr("check", "the check"), get_expr("stated", "the stated value")
        tolerance = get_expr("tolerance", "the tolerance")
        compare = Compare.APPROX
        if "compare" in m:
            said = m["compare"][1]
            if said.kind == "scalar" and said.value in ("==", "==="):
                self.problem(
                    said, "wrong-value",
                    f"compare should be one of ≈ (approx), = (exact), <, <=, >, >=, not {said.describe()}: "
                    "write `=` for exact equality (no rounding, no tolerance), or leave compare out for ≈ "
                    "(equal within the rounding of the figures)",
                )
            else:
                word = self.choice(said, "compare", tuple(COMPARE_ALIASES), "one of ≈ (approx, ~), = (exact), <, <= (≤), >, >= (≥);")
                compare = COMPARE_ALIASES[word] if word else compare
        severity = "error"
        if "severity" in m:
            severity = self.choice(m["severity"][1], "severity", SEVERITIES, "error or warning,") or severity
        tags = self.tags(m["tags"][1]) if "tags" in m else ()
        ignore = self.ignore(m["ignore"][0], m["ignore"][1], what) if "ignore" in m else None
        self.claim_complete(node, m, what)
        if len(self.problems) > before or cid is None:
            return None
        return Claim(
            id=cid,
            span=self.span(node),
            says=says,
            check=check,
            stated=stated,
            compare=compare,
            tolerance=tolerance,
            severity=severity,
            source=source,
            tags=tags,
            note=note,
            ignore=ignore,
        )

    def claim_id(self, node: YNode, m: dict[str, tuple[YNode, YNode]], seen: dict[str, int]) -> str | None:
        """The claim's ``id``: present, well formed and not used before in the file."""
        if "id" not in m:
            self.problem(node, "missing-key", "this claim has no `id:`")
            return None
        v = m["id"][1]
        cid = self.text(v, "id")
        if cid is not None and not ID_RE.match(cid):
            self.problem(v, "bad-id", f"id {cid!r} should be lower case letters, digits and . _ - (capex-vs-profit)")
        elif cid is not None and cid in seen:
            self.problem(v, "duplicate-id", f"duplicate id {cid!r}: the same id is used at line {seen[cid]}")
        elif cid is not None:
            seen[cid] = v.line
        return cid

    def tags(self, v: YNode) -> tuple[str, ...]:
        """``tags: [market-share, results]``."""
        if v.kind == "seq" and all(t.kind == "scalar" and not t.is_null for t in v.items):
            return tuple(short(t.value) for t in v.items)
        if not v.is_null:
            self.problem(v, "wrong-type", f"tags should be a list of words ([market-share, results]), not {v.describe()}")
        return ()

    def claim_complete(self, node: YNode, m: dict[str, tuple[YNode, YNode]], what: str) -> None:
        """A claim has a check and a stated value, or a source; a key that looks like a
        misspelling of the missing one was reported as unknown already, so is not again."""
        misspelt = {closest(k, CLAIM_KEYS) for k in m if k not in CLAIM_KEYS}
        has_check, has_stated = "check" in m, "stated" in m
        if has_check and not has_stated and "stated" not in misspelt:
            self.problem(m["check"][0], "missing-key", f"{what} has a check but no `stated:` value to compare it with")
        if has_stated and not has_check and "check" not in misspelt:
            self.problem(m["stated"][0], "missing-key", f"{what} has a stated value but no `check:` to compute it")
        if not has_check and not has_stated and "source" not in m and not misspelt & {"check", "stated", "source"}:
            self.problem(
                node,
                "nothing-to-check",
                f"{what} has nothing to verify and nothing to cite: add `check:` and `stated:`, or a `source:`",
            )

    def ignore(self, key: YNode, node: YNode, what: str) -> Suppression | None:
        """``ignore: {reason: ..., until: 2025-12-31}``: a reason is required, ``until`` is a date."""
        m = self.mapping(node, f"the ignore of {what}", IGNORE_KEYS)
        if m is None:
            return None
        reason = self.text(m["reason"][1], f"the reason of the ignore of {what}") if "reason" in m else None
        if reason is None or not reason.strip():
            self.problem(node, "missing-key", f"the ignore of {what} needs a `reason:` (why the finding is accepted)")
            return None
        until = self.date(m["until"][1], f"the until of the ignore of {what}") if "until" in m else None
        if "until" in m and until is None:
            return None
        return Suppression("ignore", reason.strip(), until, self.span(key))
