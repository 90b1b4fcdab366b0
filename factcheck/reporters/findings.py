"""What the CI formats (github, sarif, junit, markdown) share: the findings of a report, one
kind of finding a rule, and file names relative to the repository.

A finding is anything a reviewer should look at: a claim that warns, fails or errs, a
problem that makes a claims file invalid, and the notices of suppressions (unused or
expired ignores, stale baseline entries). Passes and unchecked claims are not findings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factcheck.model import Report, Result, Span, Status
from factcheck.reporters import listed, more_text


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: str  # SARIF level: error | warning | note
    name: str  # PascalCase, as SARIF's reportingDescriptor.name expects
    short: str
    help: str


#: one rule a kind of finding; the order is the order of SARIF's rules array (indices stay stable)
RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "fail", "error", "ClaimFails", "A claim does not match what its figures give",
            "The value computed from the claim's `check` does not match its `stated` value, even allowing for "
            "the rounding of every figure and the claim's tolerance. Correct the article's figure or the claims "
            "file; the hints say when a classic slip (percent vs percentage points, million vs billion, a wrong "
            "base) explains the difference. `factcheck explain ID` shows the computation step by step.",
        ),
        Rule(
            "error", "error", "ClaimCannotBeComputed", "A claim could not be computed",
            "The claim's `check` or `stated` value could not be computed: an unknown fact, units that do not "
            "mix (CNY and years, orders and users), a division by zero, or a currency without a rate in "
            "`settings.rates`. The message names what is wrong and where.",
        ),
        Rule(
            "warn", "warning", "ClaimHoldsOnlyWithRounding", "A claim holds only with the rounding of its inputs",
            "The claim holds only when the rounding of its input figures is used (the computed interval meets "
            "the stated one, the computed point does not), or it fails and has `severity: warning`. Check "
            "whether the article's wording is precise enough; `settings.rounding_only` decides how this is "
            "reported.",
        ),
        Rule(
            "invalid-file", "error", "InvalidClaimsFile", "A claims file cannot be read as written",
            "Part of a claims file is invalid: YAML syntax, an unknown key, a duplicate id, an expression that "
            "does not parse, a fact that refers to itself. The claims it affects are not checked until it is "
            "fixed. The message says what is wrong at that line and column; `factcheck schema` prints the "
            "format's JSON Schema.",
        ),
        Rule(
            "unused-ignore", "note", "UnusedIgnore", "A claim's ignore is not needed",
            "The claim has an `ignore:` but passes (or is unchecked): nothing is suppressed. Remove the ignore, "
            "so that a later failure of this claim is not hidden.",
        ),
        Rule(
            "expired-ignore", "note", "ExpiredIgnore", "A claim's ignore has expired",
            "The `until` date of the claim's `ignore:` has passed, so its finding counts again. Fix the claim, "
            "or extend the ignore with a reason that still holds.",
        ),
        Rule(
            "stale-baseline", "note", "StaleBaselineEntry", "A baseline entry matches no finding",
            "An entry of the baseline file matches no finding of this run: the claim now passes, or its id, "
            "check or stated value changed, or it was removed. Remove the entry, or write the baseline anew "
            "with `--write-baseline`, so that it cannot hide a future finding.",
        ),
        Rule(
            "uncovered", "note", "UncoveredFigure", "A figure of the draft that no claim covers",
            "A number in the article draft stands in no claim's passage, so nothing checks it. Add a claim "
            "(`factcheck init --draft` proposes one per sentence), or list the passage under `ignore_figures` "
            "when it needs no check (a dateline, a page number). Under `--require-coverage` it fails the run.",
        ),
        Rule(
            "uncovered-required", "error", "UncoveredFigureRequired", "A figure of the draft that no claim covers",
            "A number in the article draft stands in no claim's passage, and the run requires every figure to be "
            "covered (`--require-coverage`). Add a claim for it, or list the passage under `ignore_figures`.",
        ),
        Rule(
            "notice", "note", "Notice", "A notice about the claims files",
            "Something worth a look that does not fail the run; the message says what.",
        ),
    )
}

FINDING_STATUSES = (Status.FAIL, Status.ERROR, Status.WARN)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: Rule
    span: Span
    title: str  # short: "fail capex-vs-profit", "invalid file: unknown-key"
    message: str  # may hold several lines: the message, then its hints
    result: Result | None = None
    code: str | None = None  # the problem's or notice's code

    @property
    def level(self) -> str:
        return self.rule.level


def findings(report: Report, suppressed: bool = False) -> list[Finding]:
    """The findings in file order; suppressed results only when asked for."""
    out: list[Finding] = []
    for f in report.files:
        for p in f.document.problems:
            out.append(Finding(RULES["invalid-file"], p.span, f"invalid file: {p.code}", p.message, code=p.code))
        for r in f.results:
            if r.status in FINDING_STATUSES and (suppressed or r.suppressed is None):
                out.append(result_finding(r))
        if f.draft is not None:
            rule = RULES["uncovered-required" if f.draft.required else "uncovered"]
            shown, more = listed(f.draft.uncovered)
            if more:
                out.append(Finding(rule, Span(f.draft.path, 1, 1), "uncovered figures not listed", more_text(more), code=rule.id))
            for u in shown:
                if u.suppressed is not None and not suppressed:
                    continue
                out.append(
                    Finding(rule, u.span, f"uncovered figure: {u.text}",
                            f"{u.text} ({u.kind}) is in no claim's passage", code=rule.id)
                )
    for n in report.notices:
        out.append(Finding(RULES.get(n.code, RULES["notice"]), n.span, n.code, n.message, code=n.code))
    return out


def result_finding(r: Result) -> Finding:
    lines = [r.message] + [f"hint: {h.message}" for h in r.hints]
    return Finding(RULES[r.status.value], r.where, f"{r.status.value} {r.claim.id}", "\n".join(lines), result=r)


def repo_path(path: str) -> str:
    """The path relative to the root of the repository that holds the file (the nearest folder
    with a ``.git``), else to ``$GITHUB_WORKSPACE``, else to the working folder; with / separators.
    A file outside all of these keeps its absolute path."""
    return _repo_path(path, os.getcwd(), os.environ.get("GITHUB_WORKSPACE"))


@lru_cache(maxsize=1024)  # a report names few files, each once a finding
def _repo_path(path: str, cwd: str, workspace: str | None) -> str:
    full = os.path.normpath(os.path.join(cwd, path))
    root = _repo_root(os.path.dirname(full)) or workspace or cwd
    try:
        rel = Path(os.path.relpath(full, root)).as_posix()
    except ValueError:  # another drive
        return Path(full).as_posix()
    return Path(full).as_posix() if rel == ".." or rel.startswith("../") else rel


@lru_cache(maxsize=256)
def _repo_root(folder: str) -> str | None:
    here = Path(folder)
    for d in (here, *here.parents):
        if (d / ".git").exists():
            return str(d)
    return None
