"""What a claim's facts say about its result: the filings they come from, a written
value its filing contradicts, and an age beyond ``settings.max_age``.

A claim uses a fact when its check, stated value or tolerance names it, or names a
fact that uses it. For each claim the engine asks ``Tracing.apply``:

- every fact read from a filing it uses goes into ``Result.provenance`` (the JSON
  report's ``provenance``);
- a fact whose written ``value:`` its filing contradicts makes the claim fail (warn
  with ``severity: warning``; an error stays an error): its computation used the
  filing's figure, and an editor has to correct the fact before it can be trusted.
  The verdict computed with the filing's figure is kept as a hint;
- a fact older than ``settings.max_age`` (from its ``as_of``, a filing's fact: its
  period's end, to ``article.published``) makes a claim that would pass a ``warn``,
  with a hint naming the fact and its age; other statuses keep theirs and gain the
  hint. Without ``article.published`` or ``settings.max_age`` nothing is stale.

A file with none of these pays nothing: ``Tracing(doc).active`` is False.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from factcheck.expr import names_in
from factcheck.model import Claim, Document, Fact, Hint, Result, Status


def add_age(day: date, n: int, unit: str) -> date:
    """``day`` plus n days, weeks, months or years (a month on the 31st ends on the
    last day of a shorter month)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    if year > date.max.year:
        return date.max
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def age_text(then: date, now: date) -> str:
    """'20 months', '1 month', '45 days': whole months when a month or more."""
    months = (now.year - then.year) * 12 + now.month - then.month - (1 if now.day < then.day else 0)
    if months >= 1:
        return f"{months} month{'s' if months != 1 else ''}"
    days = (now - then).days
    return f"{days} day{'s' if days != 1 else ''}"


def stale_facts(doc: Document) -> dict[str, str]:
    """The facts older than ``settings.max_age`` at ``article.published``: name -> why."""
    max_age, published = doc.settings.max_age, doc.article.get("published")
    if max_age is None or not published:
        return {}
    now = date.fromisoformat(published)
    n, unit = max_age
    limit = f"{n} {unit}{'s' if n != 1 else ''}"
    out = {}
    for name, fact in doc.facts.items():
        if not fact.as_of:
            continue
        then = date.fromisoformat(fact.as_of)
        if add_age(then, n, unit) < now:
            out[name] = (
                f"fact {name!r} is as of {fact.as_of}, {age_text(then, now)} before the article "
                f"(published {published}): older than settings.max_age, {limit}"
            )
    return out


class Tracing:
    """The traced facts of one file (from filings, contradicted, stale) and, for each
    fact, the traced facts it reaches."""

    def __init__(self, doc: Document) -> None:
        facts = doc.facts
        self.facts = facts
        self.stale = stale_facts(doc)
        self.traced = {n for n, f in facts.items() if f.origin is not None} | set(self.stale)
        self.active = bool(self.traced)
        self.order = {name: i for i, name in enumerate(facts)} if self.active else {}
        self._reach: dict[str, frozenset[str]] = {}

    def reach(self, name: str) -> frozenset[str]:
        """The traced facts ``name`` uses, itself included; computed once a fact, without
        recursion (a chain of facts can be long)."""
        if name in self._reach:
            return self._reach[name]
        stack: list[tuple[str, bool]] = [(name, False)]
        while stack:
            n, done = stack.pop()
            if n in self._reach:
                continue
            node = self.facts[n].expr.node
            deps = [] if node is None else sorted(names_in(node, count_words=False) & self.facts.keys())
            if not done:
                stack.append((n, True))
                stack.extend((d, False) for d in deps if d not in self._reach)
                continue
            found = {n} if n in self.traced else set()
            for d in deps:
                found |= self._reach.get(d, frozenset())
            self._reach[n] = frozenset(found)
        return self._reach[name]

    def used(self, claim: Claim) -> list[str]:
        """The traced facts the claim uses, in the order of the file."""
        names: set[str] = set()
        for e in (claim.check, claim.stated, claim.tolerance):
            if e is not None and e.node is not None:
                names |= names_in(e.node, count_words=False)
        found: set[str] = set()
        for n in names & self.facts.keys():
            found |= self.reach(n)
        return sorted(found, key=self.order.__getitem__)

    def apply(self, claim: Claim, r: Result) -> Result:
        """The result with its provenance, and the status and hints its facts call for."""
        used = self.used(claim)
        if not used:
            return r
        provenance = tuple((n, o) for n in used if (o := self.facts[n].origin) is not None)
        r = r._replace(provenance=provenance)
        if r.status is Status.UNCHECKED:
            return r
        wrong = [n for n in used if self.facts[n].mismatch]
        if wrong:
            r = _contradicted(r, wrong, self.facts)
        old = [n for n in used if n in self.stale]
        if old:
            hints = tuple(Hint("stale-fact", self.stale[n]) for n in old)
            if r.status is Status.PASS:
                names = ", ".join(repr(n) for n in old)
                r = r._replace(status=Status.WARN, message=f"{r.message}; but it uses a fact older than "
                               f"settings.max_age: {names}", hints=r.hints + hints)
            else:
                r = r._replace(hints=r.hints + hints)
        return r


def _contradicted(r: Result, wrong: list[str], facts: Mapping[str, Fact]) -> Result:
    first = wrong[0]
    more = f" (and {', '.join(repr(n) for n in wrong[1:])})" if len(wrong) > 1 else ""
    message = f"uses fact {first!r}{more}, whose value disagrees with its filing: {facts[first].mismatch}"
    hints = tuple(Hint("fact-mismatch", f"fact {n!r}: {facts[n].mismatch}") for n in wrong[1:])
    if r.status is Status.ERROR:
        return r._replace(hints=r.hints + (Hint("fact-mismatch", message),) + hints)
    verdict = Hint("filing-value", f"computed with the filing's figure: {r.status.value}, {r.message}")
    status = Status.WARN if r.claim.severity == "warning" else Status.FAIL
    return r._replace(status=status, message=message, basis=None, hints=(verdict, *hints, *r.hints))

