"""Suppressions and the baseline: which findings do not count, and which of those are stale.

A claim's own ``ignore: {reason, until}`` suppresses its finding until the date has
passed. A baseline file (``--write-baseline``) records every finding of a run by a
fingerprint of the claim (its file, id, check and stated value, never its line), so
that a team can adopt factcheck on a backlog of articles and gate only new findings.

What the draft says is part of what was accepted: an entry also records the figures of
the claim's passage in the article draft, as written (``"draft": {"found": true,
"figures": ["12%", "$6.31"]}``). When they change (a figure rewritten, added or dropped,
or the passage gone), the finding counts again and a ``baseline-draft-changed`` notice
says what changed. An entry without ``draft`` (a baseline written before it existed, or
a claim with no passage) is matched on the claim alone, as it always was. Under
``--require-coverage`` each uncovered figure is an entry of its own, keyed on the
draft's file, the figure as written and the words of its sentence without figures:
rewriting the figure makes a new finding, moving the sentence does not.

Suppressed results keep their real status; they are counted apart and never fail a
run. An ignore on a claim that passes, an expired ignore, and a baseline entry that no
longer matches a finding are reported as notices, which never fail a run either.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcheck.errors import LoadError, UsageError
from factcheck.load import paths
from factcheck.load.paths import LIMITS, OutsideRoot, given
from factcheck.load.source import decode, display_path
from factcheck.model import Claim, DraftReport, FileReport, Problem, Report, Result, Span, Status, Suppression

BASELINE_VERSION = 1
_FINGERPRINT = re.compile(r'"fingerprint"\s*:\s*"([^"\\]*)"')
#: the statuses a suppression can hold back; a pass or an unchecked claim has nothing to suppress
SUPPRESSIBLE = (Status.WARN, Status.FAIL, Status.ERROR)


def fingerprint(path: str, claim: Claim) -> str:
    """A claim's identity across edits that do not change it: file, id, check and stated.

    Whitespace inside the expressions is normalized, so re-indenting or re-wrapping a
    file keeps every fingerprint; line numbers never enter it.
    """
    parts = [path, claim.id, _squash(claim.check.text if claim.check else ""), _squash(claim.stated.text if claim.stated else "")]
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()
    return digest[:32]


def figure_fingerprint(path: str, figure: str, context: str) -> str:
    """An uncovered figure's identity: the draft's file, the figure as written and the
    words of its sentence without figures (never its line)."""
    parts = ["uncovered", path, figure, context]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


#: what the draft said of a claim: (its passage was found, the passage's figures as written)
DraftSaid = tuple[bool, tuple[str, ...]]


def draft_said(r: Result) -> DraftSaid | None:
    """The figures of the claim's passage in the draft, as written; None without one."""
    a = r.anchor
    if a is None:
        return None
    if not a.found or a.passage is None:
        return False, ()
    # lazy: the number reader only for a draft's figures
    from factcheck.prose import read

    return True, tuple(m.text for m in read(a.passage))


def draft_change(was: DraftSaid | None, now: DraftSaid | None) -> str | None:
    """What changed in the draft since the baseline recorded it, in words; None: nothing
    (or nothing recorded to compare with)."""
    if was is None or now is None or was == now:
        return None
    (was_found, was_figs), (now_found, now_figs) = was, now
    recorded = ", ".join(was_figs) or "no figure"
    if was_found and not now_found:
        return f"the draft changed: the claim's passage is not in it any more (the baseline recorded it saying {recorded})"
    if now_found and not was_found:
        return "the draft changed: the claim's passage is in it again"
    if len(was_figs) == len(now_figs):
        pairs = [f"it now says {n} where the baseline recorded {w}" for w, n in zip(was_figs, now_figs, strict=True) if w != n]
        return "the draft changed: " + "; ".join(pairs)
    return f"the draft changed: its passage now says {', '.join(now_figs) or 'no figure'} where the baseline recorded {recorded}"


def _squash(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    file: str  # relative to the baseline's folder, with / separators
    id: str
    status: str
    line: int  # where the entry sits in the baseline file, for notices
    col: int
    draft: DraftSaid | None = None  # what the draft said of the claim, when it was recorded
    figure: str | None = None  # an uncovered figure of the draft ``file``, as written


@dataclass(frozen=True, slots=True)
class Baseline:
    path: str  # as the user gave it
    folder: Path  # absolute: claims files are named relative to it
    entries: tuple[Entry, ...]

    def key_path(self, claims_path: str) -> str:
        """The name of a claims file inside this baseline: relative to its folder."""
        return _relative(claims_path, self.folder)


def _relative(path: str, folder: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def load_baseline(path: Path | str) -> Baseline:
    """Read a baseline file; anything wrong with it stops the run (exit 2) with its place."""
    path = Path(path)
    text = _baseline_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}:{e.lineno}:{e.colno}: the baseline is not valid JSON: {e.msg}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("entries"), list):
        raise UsageError(
            f"{path}:1:1: not a factcheck baseline of version {BASELINE_VERSION} "
            "(a JSON object with \"version\": 1 and a list of \"entries\"); write it anew with --write-baseline"
        )
    # Where each entry sits, for notices that point at it: one pass over the lines.
    lines = text.splitlines()
    placed: dict[str, tuple[int, int]] = {}
    for n, line in enumerate(lines, 1):
        for fp in _FINGERPRINT.findall(line):
            placed.setdefault(fp, (n, len(line) - len(line.lstrip()) + 1))
    entries = [_entry(path, i, item, placed) for i, item in enumerate(data["entries"])]
    return Baseline(display_path(str(path)), path.resolve().parent, tuple(entries))


def _baseline_text(path: Path) -> str:
    """The baseline file's text; a usage error when there is none, it is out of the
    repository, too large, or no UTF-8."""

    if not os.path.lexists(path):
        raise UsageError(f"baseline {path}: no such file (write one with --write-baseline {path})")
    try:  # not through a link in the repository that leads out of it
        given(path, "baseline")
    except OutsideRoot as e:
        raise UsageError(e.message) from None
    try:  # a regular file of baseline size: /dev/zero or a pipe is refused unread
        data = paths.read_file(path, LIMITS["baselines"], "baselines")
    except LoadError as e:
        raise UsageError(f"baseline {path}: cannot read it: {e.message}") from None
    decoded, problem = decode(str(path), data)
    if problem is not None:
        raise UsageError(f"{problem.span}: {problem.message}")
    assert decoded is not None
    return decoded


def _entry(path: Path, i: int, item: object, placed: dict[str, tuple[int, int]]) -> Entry:
    """Entry ``i`` of the baseline (``placed``: where each fingerprint stands); a usage
    error, at its place, when it is not as written by --write-baseline."""
    keys = ("fingerprint", "file", "id", "status")
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in keys):
        raise UsageError(f"{path}: entry {i + 1} of the baseline should hold the strings {', '.join(keys)}")
    fp = item["fingerprint"]
    at_line, at_col = placed.get(fp, (1, 1))
    said, figure = item.get("draft"), item.get("figure")
    if said is not None and not (
        isinstance(said, dict) and isinstance(said.get("found"), bool)
        and isinstance(said.get("figures"), list) and all(isinstance(x, str) for x in said["figures"])
    ):
        raise UsageError(f"{path}:{at_line}:{at_col}: entry {i + 1}: draft should be {{\"found\": true or false, \"figures\": [strings]}}")
    if figure is not None and not isinstance(figure, str):
        raise UsageError(f"{path}:{at_line}:{at_col}: entry {i + 1}: figure should be a string")
    recorded = (said["found"], tuple(said["figures"])) if said is not None else None
    return Entry(fp, item["file"], item["id"], item["status"], at_line, at_col, recorded, figure)


def baseline_text(report: Report, path: Path | str) -> str:
    """A baseline of every finding of this report that its own ``ignore`` does not cover.

    One entry a finding, sorted by file and id, so that the file diffs well in review.
    """
    folder = Path(path).resolve().parent
    entries = []
    for f in report.files:
        rel = _relative(f.document.path, folder)
        for r in f.results:
            if r.status in SUPPRESSIBLE and not _ignore_holds(r.claim, date.today()):
                entry: dict[str, object] = {"file": rel, "id": r.claim.id, "status": r.status.value, "fingerprint": fingerprint(rel, r.claim)}
                said = draft_said(r)
                if said is not None:
                    entry["draft"] = {"found": said[0], "figures": list(said[1])}
                entries.append(entry)
        if f.draft is not None and f.draft.required:
            drel = _relative(f.draft.path, folder)
            for u in f.draft.uncovered:
                entries.append({
                    "file": drel, "id": f"uncovered {u.text}", "status": "fail", "figure": u.text,
                    "fingerprint": figure_fingerprint(drel, u.text, u.context),
                })
    unique = {str(e["fingerprint"]): e for e in entries}  # one figure twice in one sentence: one entry
    entries = sorted(unique.values(), key=lambda e: (str(e["file"]), str(e["id"])))
    body = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entries)
    return (
        '{\n  "version": 1,\n  "tool": "factcheck",\n'
        + '  "about": "Findings accepted when this baseline was written; `factcheck verify --baseline` does not count them.",\n'
        + ('  "entries": [\n' + body + "\n  ]\n" if entries else '  "entries": []\n')
        + "}\n"
    )


#: entries a notice names one by one; the rest are counted
MAX_NAMED = 10


def changes(old: Baseline | None, new: Baseline) -> str:
    """What writing ``new`` over ``old`` changed, in words, for the notice that says so:
    the findings added, removed and kept, and those whose draft figures were recorded anew."""
    n = len(new.entries)
    text = f"wrote the baseline {new.path}: {n} finding{'s' if n != 1 else ''} recorded"
    if old is None:
        return text
    before = {e.fingerprint: e for e in old.entries}
    after = {e.fingerprint: e for e in new.entries}
    added = [e for fp, e in after.items() if fp not in before]
    removed = [e for fp, e in before.items() if fp not in after]
    redrawn = [e for fp, e in after.items() if fp in before and before[fp].draft != e.draft]
    kept = len(after) - len(added)
    if not added and not removed and not redrawn:
        return text + f", as before (the previous baseline held the same {len(before)})"
    return text + ", replacing the previous one: " + ", ".join(_change_parts(added, removed, kept, redrawn))


def _change_parts(added: list[Entry], removed: list[Entry], kept: int, redrawn: list[Entry]) -> list[str]:
    """The findings added, removed and kept, and those with their draft's figures recorded anew, in words."""
    parts = []
    for word, group in (("added", added), ("removed", removed)):
        if group:
            parts.append(f"{len(group)} {word} ({_named(group)})")
    parts.append(f"{kept} kept")
    if redrawn:
        parts.append(f"of which {len(redrawn)} with the draft's figures recorded anew ({_named(redrawn)})")
    return parts


def _named(entries: list[Entry]) -> str:
    names = [f"{e.file} {e.id}" for e in sorted(entries, key=lambda e: (e.file, e.id))]
    more = len(names) - MAX_NAMED
    return ", ".join(names[:MAX_NAMED]) + (f" and {more} more" if more > 0 else "")


def _ignore_holds(claim: Claim, today: date) -> bool:
    ig = claim.ignore
    return ig is not None and (ig.until is None or date.fromisoformat(ig.until) >= today)


def apply(report: Report, baseline: Baseline | None = None, today: date | None = None) -> Report:
    """Mark suppressed results and collect the notices: a new Report, the old one untouched."""
    today = today or date.today()
    index = {e.fingerprint: e for e in (baseline.entries if baseline else ())}
    used: set[str] = set()
    notices: list[Problem] = []
    files: list[FileReport] = []
    for f in report.files:
        f = f._replace(results=_results(f, baseline, index, today, used, notices))
        if baseline and f.draft is not None and f.draft.uncovered:
            f = f._replace(draft=_accept_figures(f.draft, baseline, index, used))
        files.append(f)
    if baseline:
        notices += _stale(report, baseline, used)
    return Report(tuple(files), report.notices + tuple(notices))


def _results(
    f: FileReport, baseline: Baseline | None, index: dict[str, Entry], today: date, used: set[str], notices: list[Problem]
) -> tuple[Result, ...]:
    """A file's results, each marked suppressed when an ignore or its baseline entry says so."""
    key_path = baseline.key_path(f.document.path) if baseline else ""
    results: list[Result] = []
    for r in f.results:
        suppression, notice = _suppression(r, today)
        if notice:
            notices.append(notice)
        entry = index.get(fingerprint(key_path, r.claim)) if baseline else None
        if entry is not None and r.status in SUPPRESSIBLE:
            assert baseline is not None
            suppression = _by_baseline(r, entry, baseline, suppression, used, notices)
        results.append(r._replace(suppressed=suppression) if suppression else r)
    return tuple(results)


def _by_baseline(
    r: Result, entry: Entry, baseline: Baseline, suppression: Suppression | None, used: set[str], notices: list[Problem]
) -> Suppression | None:
    """A finding its baseline entry suppresses (``entry`` marked used), unless an ignore
    does already, or the draft's figures have changed since (then a notice says so)."""
    used.add(entry.fingerprint)
    changed = draft_change(entry.draft, draft_said(r))
    if changed:
        where = r.anchor.span if r.anchor is not None and r.anchor.span is not None else r.claim.span
        notices.append(Problem(where, "baseline-draft-changed", f"claim {r.claim.id}: {changed}; its {r.status.value} counts again"))
    elif suppression is None:
        span = Span(baseline.path, entry.line, entry.col)
        suppression = Suppression("baseline", f"in the baseline {baseline.path}", None, span)
    return suppression


def _accept_figures(d: DraftReport, baseline: Baseline, index: dict[str, Entry], used: set[str]) -> DraftReport:
    """Uncovered figures that the baseline accepts: marked, so they fail no run."""
    path = baseline.key_path(d.path)
    out = []
    for u in d.uncovered:
        entry = index.get(figure_fingerprint(path, u.text, u.context))
        if entry is not None:
            used.add(entry.fingerprint)
            span = Span(baseline.path, entry.line, entry.col)
            u = u._replace(suppressed=Suppression("baseline", f"in the baseline {baseline.path}", None, span))
        out.append(u)
    return d._replace(uncovered=tuple(out))


def _suppression(r: Result, today: date) -> tuple[Suppression | None, Problem | None]:
    ig = r.claim.ignore
    if ig is None:
        return None, None
    span = ig.span or r.claim.span
    if r.status not in SUPPRESSIBLE:
        state = "passes" if r.status is Status.PASS else f"is {r.status.value}"
        return None, Problem(span, "unused-ignore", f"claim {r.claim.id} {state}: its ignore is not needed, remove it")
    if not _ignore_holds(r.claim, today):
        return None, Problem(
            span, "expired-ignore", f"the ignore of claim {r.claim.id} expired after {ig.until}: its {r.status.value} counts again"
        )
    return ig, None


def _stale(report: Report, baseline: Baseline, used: set[str]) -> list[Problem]:
    """Entries of the baseline that match no finding of the files this run checked.

    Files not checked in this run, claims left out by ``--only``, and files that could
    not be read whole (their broken claims are missing) say nothing about an entry.
    """
    checked: dict[str, FileReport] = {baseline.key_path(f.document.path): f for f in report.files}
    # per file, made once: fingerprint -> claim, and claim id -> result (ids are unique in a file)
    claims: dict[str, tuple[dict[str, Claim], dict[str, Result]]] = {}
    out = []
    drafts = {baseline.key_path(f.draft.path) for f in report.files if f.draft is not None and f.draft.required}
    for e in baseline.entries:
        if e.figure is not None:  # an uncovered figure: judged where its draft was checked for coverage
            if e.fingerprint not in used and e.file in drafts:
                message = (f"baseline entry for {e.file} figure {e.figure}: no uncovered figure of that sentence "
                           "says it any more; remove it (or write the baseline anew)")
                out.append(Problem(Span(baseline.path, e.line, e.col), "stale-baseline", message))
            continue
        f = checked.get(e.file)
        if e.fingerprint in used or f is None or f.document.problems:
            continue
        why = _gone(e, f, claims)
        if why is not None:
            message = f"baseline entry for {e.file} claim {e.id}: {why}; remove it (or write the baseline anew)"
            out.append(Problem(Span(baseline.path, e.line, e.col), "stale-baseline", message))
    return out


def _gone(e: Entry, f: FileReport, claims: dict[str, tuple[dict[str, Claim], dict[str, Result]]]) -> str | None:
    """Why a claim's entry matches no finding of its checked file ('now pass', no such
    claim); None when its claim was not selected in this run. ``claims`` caches, per file,
    its claims by fingerprint and its results by claim id."""
    if e.file not in claims:
        claims[e.file] = ({fingerprint(e.file, c): c for c in f.document.claims}, {r.claim.id: r for r in f.results})
    by_print, by_id = claims[e.file]
    claim = by_print.get(e.fingerprint)
    result = by_id.get(claim.id) if claim else None
    if claim is not None and result is None:
        return None  # not selected in this run
    return f"now {result.status.value}" if result else "no claim has this id, check and stated value any more"
