"""Every report of one run: the main one (stdout, or ``-o FILE``) and each ``--report FORMAT:FILE``.

All are rendered from the same Report before any is written; each file is written
atomically, so a reader never meets half a report. Every destination is checked before
the claims are run, so a path that cannot be written stops the run (exit 2) before
anything is written. Under GitHub Actions the github format also appends the markdown
report to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.model import Report
from factcheck.output import check_writable, write_all
from factcheck.reporters import Options, pieces

#: GitHub refuses a step summary over 1 MiB; what other steps' lines may need is left free
STEP_SUMMARY_BUDGET = 1024 * 1024 - 4096


@dataclass(frozen=True, slots=True)
class Target:
    format: str
    path: Path | None  # None: standard output
    options: Options


def auto_format(to_terminal: bool) -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "rich" if to_terminal else "concise"


def check_targets(targets: list[Target], baseline: Path | None = None) -> None:
    """Before the run: every file (reports, and a baseline to write) can be written, and no
    two of them go to one file."""
    files = [(t.format, t.path) for t in targets if t.path is not None]
    if baseline is not None:
        files.append(("baseline", baseline))
    seen: dict[str, str] = {}
    for what, path in files:
        check_writable(path)
        key = os.path.normcase(os.path.abspath(path))
        if key in seen:
            raise UsageError(f"{path}: two outputs ({seen[key]} and {what}) cannot both be written to one file")
        seen[key] = what


def deliver(report: Report, targets: list[Target], protect: Sequence[str] = ()) -> None:
    """Write every report; none of them over a file the run read (``protect``): that is
    checked for all of them before any is written."""
    for t in targets:
        if t.path is not None:
            check_writable(t.path, protect)
    # Formats that write in pieces (json) are rendered as they are written, so that a
    # report of 100,000 claims is never one string in memory.
    # all new or all old: every report is written to its temporary file before any is renamed
    write_all(((t.path, pieces(t.format)(report, t.options)) for t in targets if t.path is not None), protect)
    github = next((t for t in targets if t.format == "github"), None)
    if github is not None:
        append_step_summary(report, github.options)
    for t in targets:
        if t.path is None:
            try:
                for piece in pieces(t.format)(report, t.options):
                    sys.stdout.write(piece)
                sys.stdout.flush()
            except BrokenPipeError:
                # the reader stopped reading (| head): not a failure of the run, whose
                # exit code stays its own; what is left unwritten goes nowhere
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                os.close(devnull)


def append_step_summary(report: Report, options: Options) -> None:
    """The markdown report, appended to ``$GITHUB_STEP_SUMMARY`` when it is set. A summary
    that cannot be written is a warning, not a failed check: the annotations still stand."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    # lazy: the markdown report only for a GitHub step summary
    from factcheck.reporters.markdown import document

    try:
        used = os.path.getsize(path) if os.path.exists(path) else 0
        text = document(report, options, max(STEP_SUMMARY_BUDGET - used, 4096))
        with open(path, "a", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except OSError as e:
        print(f"factcheck: warning: cannot append the step summary to {path}: {e.strerror or e}", file=sys.stderr)
