"""The verify command's work: its settings from flags and config, the run, suppressions, the reports.

``cli.verify`` parses the options and calls ``verify``; this module decides what they
mean (config defaults, the auto format, colour and width), runs the engine and writes
every report. It never exits: it returns the exit code, or raises UsageError.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.formats import parse_spec

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from factcheck.baseline import Baseline
    from factcheck.config import Config
    from factcheck.model import Report
    from factcheck.progress import Bar
    from factcheck.reporters.deliver import Target
    from factcheck.run import RunOptions


def is_terminal(stream: object) -> bool:
    """A terminal; not when the stream is closed (a run with 2>&- has no sys.stderr)."""
    try:
        isatty = getattr(stream, "isatty", None)
        return callable(isatty) and bool(isatty())
    except (ValueError, OSError):
        return False


def use_color(choice: str, to_terminal: bool) -> bool:
    """``--color always|never|auto``; auto honours NO_COLOR, then FORCE_COLOR, then the terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def width(to_terminal: bool) -> int:
    # lazy: only on a terminal
    import shutil

    if to_terminal:
        return shutil.get_terminal_size((80, 24)).columns
    try:
        return int(os.environ.get("COLUMNS", "80"))
    except ValueError:
        return 80


def verify(
    paths: list[str] | None = None,
    format: str | None = None,
    output: Path | None = None,
    report: list[str] | None = None,
    only: list[str] | None = None,
    fail_on: str | None = None,
    strict: bool = False,
    color: str = "auto",
    quiet: bool = False,
    draft: str | None = None,
    require_coverage: bool | None = None,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    infer: bool | None = None,
    as_of: date | None = None,
    filings: Sequence[str] = (),
) -> int:
    """Check the claims files, write every report, and give the exit code (0 or 1).
    Top to bottom: the settings (flags over the config), the reports to write, the
    run (``engine.pipeline``: read, infer, check, anchor), the suppressions, the reports."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck import config
    from factcheck.load.paths import forget_reads
    from factcheck.reporters import deliver as reports

    forget_reads()
    conf = config.load()
    threshold = "warning" if strict else (fail_on or conf.fail_on or "error")
    selected = only or conf.only
    targets = _targets(format or conf.format or "auto", output, report if report is not None else conf.reports or (),
                       threshold, color, _unlisted(quiet, selected), quiet)
    reports.check_targets(targets, write_baseline)
    known = _known_findings(baseline or conf.baseline, write_baseline)
    options = _options(conf, targets, selected, draft, require_coverage, infer, as_of, strict,
                       _filings(filings) or conf.filings or ())
    found, files_read = _checked(options, paths or list(conf.paths or ()))
    protect = _protected(found, draft, files_read, options, targets)
    found = _suppressed(found, known, write_baseline, protect)
    reports.deliver(found, targets, protect=protect)
    return found.exit_code(threshold)


def _protected(found: Report, draft: str | None, files_read: list[str], options: RunOptions,
               targets: list[Target]) -> list[str]:
    """The files the run read (claims, drafts, the config, a baseline, included facts,
    filings), none of which an output may be: every output is checked against them
    before anything is written."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.output import check_writable

    protect = _inputs(found, draft, files_read) + list(options.filings)
    for t in targets:
        if t.path is not None:
            check_writable(t.path, protect)
    return protect


def _unlisted(quiet: bool, selected: Sequence[str] | None) -> str | None:
    """Why a report lists only some results: ``-q`` or ``--only`` (none when it lists all)."""
    return "-q" if quiet else "--only" if selected else None


def _checked(options: RunOptions, paths: list[str]) -> tuple[Report, list[str]]:
    """The run (``engine.run``), with a progress bar on a terminal: its report and the files it read."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.engine import run as check
    from factcheck.run import Run

    bar = _bar()
    try:
        with Run(options, bar.update if bar is not None else None) as run:
            found = check(paths, state=run)
    finally:
        if bar is not None:
            bar.close()
    return found, list(run.files_read)


def _targets(name: str, output: Path | None, specs: Sequence[str], threshold: str, color: str,
             unlisted: str | None, quiet: bool) -> list[Target]:
    """The reports to write: the main one (``--format``, to ``--output`` or standard
    output; ``auto``: as the terminal or CI asks), then each ``--report FORMAT:FILE``."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.reporters import Options
    from factcheck.reporters import deliver as reports

    to_terminal = output is None and is_terminal(sys.stdout)
    if name == "auto":
        name = reports.auto_format(to_terminal)
    options = Options(fail_on=threshold, quiet=quiet, color=False, width=width(to_terminal), unlisted=unlisted)
    targets = [reports.Target(name, output, replace(options, color=name == "rich" and use_color(color, to_terminal)))]
    targets += [reports.Target(fmt, file, options) for fmt, file in map(parse_spec, specs)]
    return targets


def _options(conf: Config, targets: list[Target], selected: Sequence[str] | None, draft: str | None,
             require_coverage: bool | None, infer: bool | None, as_of: date | None, strict: bool,
             filings: Sequence[str] = ()) -> RunOptions:
    """The run's options: each flag, else the config's; the detail the reports need."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.reporters import DETAILED
    from factcheck.run import RunOptions

    return RunOptions(
        only=tuple(selected or ()),
        draft=draft,
        require_coverage=require_coverage if require_coverage is not None else bool(conf.require_coverage),
        detail=any(t.format in DETAILED for t in targets),
        infer=infer if infer is not None else conf.infer,
        as_of=as_of,
        strict=strict,
        filings=tuple(filings),
        trace_concepts=conf.trace_concepts,
    )


def _suppressed(found: Report, known: Baseline | None, write_baseline: Path | None, protect: list[str]) -> Report:
    """The report with the baseline's accepted findings and the claims' ``ignore`` applied;
    with ``--write-baseline``, the baseline written first, and what it changed a notice."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.output import check_writable

    written = None
    if write_baseline is not None:
        check_writable(write_baseline, protect)  # an input of the run first: the sharper message
        written = _write_baseline(found, write_baseline, protect, _previous_baseline(write_baseline))
        known = written[0]
    if known is not None or any(r.claim.ignore is not None for r in found.results):
        # lazy: cli imports this module for is_terminal in other commands
        from factcheck import baseline as bl  # suppressions: only for a run that has some

        found = bl.apply(found, known)
    if written is not None:  # what the new baseline changed, said in every report
        # lazy: cli imports this module for is_terminal in other commands
        from factcheck.model import Problem, Report, Span

        notice = Problem(Span(written[0].path, 1, 1), "baseline-written", written[1])
        found = Report(found.files, (*found.notices, notice))
    return found


def _previous_baseline(path: Path) -> Baseline | None:
    """The baseline ``--write-baseline`` will replace, read before anything is written; a
    file there that is not a baseline is not replaced by one (exit 2, nothing written)."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck import baseline as bl
    from factcheck.errors import UsageError

    if not os.path.lexists(path) or (os.path.isfile(path) and os.path.getsize(path) == 0):
        return None
    try:
        return bl.load_baseline(path)
    except UsageError as e:
        raise UsageError(
            f"--write-baseline {path}: the file is there and is not a factcheck baseline ({e.message}); "
            "remove it, or write the baseline to another file"
        ) from None


def _write_baseline(found: Report, path: Path, protect: list[str], previous: Baseline | None) -> tuple[Baseline, str]:
    """Write the baseline of this run, and say what it changed: a baseline overwritten
    without a word could drop accepted findings unnoticed."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck import baseline as bl
    from factcheck.output import write_atomic

    write_atomic(path, bl.baseline_text(found, path), protect)
    new = bl.load_baseline(path)
    return new, bl.changes(previous, new)


def _known_findings(accepted: Path | str | None, write_baseline: Path | None) -> Baseline | None:
    """The baseline to apply (``--baseline``, or the config's), unless one is being written."""
    if not accepted or write_baseline is not None:
        return None
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck import baseline as bl

    return bl.load_baseline(accepted)


def _bar() -> Bar | None:
    """A progress bar on stderr when it is a terminal (shown once a run takes a second)."""
    if not is_terminal(sys.stderr) or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.progress import Bar

    return Bar()


def _inputs(report: Report, draft: str | None = None, read: Sequence[str] = ()) -> list[str]:
    """The files a run read (claims files, their drafts, and every file the one reader
    opened: the config and a baseline before the run, then the run's own ``read``:
    included facts, filings): a report never replaces them."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.load.paths import files_read

    out = [draft] if draft else []
    out += files_read()
    out += read
    for f in report.files:
        out.append(f.document.path)
        if f.document.article.get("draft"):
            out.append(os.path.join(os.path.dirname(f.document.path), f.document.article["draft"]))
    return out


def _filings(paths: Sequence[str]) -> tuple[str, ...]:
    """``--filing``: files or folders that exist, and none that a link in the repository
    leads out of it."""
    # lazy: cli imports this module for is_terminal in other commands
    from factcheck.load.paths import given_option

    for p in paths:
        given_option(p, "--filing", "file or folder")
    return tuple(paths)
