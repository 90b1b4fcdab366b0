"""The command line: parse options, call the command's function, map to an exit code.

No logic lives here (verify's is in factcheck.verify). Imports beyond Typer happen
inside the commands, so that ``factcheck --version`` never loads pint, Rich or YAML.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import __version__, pintload
from factcheck.formats import FORMATS

app = typer.Typer(
    name="factcheck",
    help="Check the arithmetic of a financial article against its figures (claims.yaml).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

if TYPE_CHECKING:  # pragma: no cover - what a type checker reads; typer needs the Enum below

    class Format(str, Enum):
        auto = "auto"

else:
    #: the report formats, named once in factcheck.formats (names only: no reporter is imported)
    Format = Enum("Format", [(name, name) for name in ("auto", *FORMATS)], type=str)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check the arithmetic of a financial article against its figures (claims.yaml)."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    # one line, never a CI log's command: a message may quote a filing's own strings (the
    # name of an entry of a report package, '##[error]…', among them)
    # lazy: a command loads only what it runs
    from factcheck.reporters.escape import for_log_line

    typer.echo(f"factcheck: error: {for_log_line(message)}", err=True)
    return typer.Exit(code)


@app.command()
def verify(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Claims files or folders (every claims.yaml / *.claims.yaml under them), or article drafts "
            "(.md, .txt: their own arithmetic is inferred and checked). Default: ./claims.yaml",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="auto (default): github under GitHub Actions, rich on a terminal, concise otherwise.", show_default=False),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of stdout.")] = None,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", metavar="FORMAT:FILE", help="Also write a report in this format to this file (repeatable).", show_default=False),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Check only claims with this id or tag (repeatable); `inferred` or `written` select by origin."),
    ] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 from this status up (default: error).", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Same as --fail-on warning.")] = False,
    color: Annotated[Color, typer.Option("--color", help="Colour in the terminal report (NO_COLOR and FORCE_COLOR are honoured).")] = Color.auto,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show only what is not a pass.")] = False,
    draft: Annotated[str | None, typer.Option("--draft", metavar="FILE", help="The article text (Markdown or plain), overriding article.draft.")] = None,
    require_coverage: Annotated[
        bool | None,
        typer.Option("--require-coverage/--no-require-coverage", help="Fail on figures of the draft that no claim covers (default: the config's require-coverage, else no).", show_default=False),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Do not count the findings recorded in this baseline file.", show_default=False)
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record every finding of this run in this baseline file; they no longer count.", show_default=False),
    ] = None,
    infer: Annotated[
        bool | None,
        typer.Option(
            "--infer/--no-infer",
            help="Also check the relations the draft itself states (on by default for a bare draft; "
            "for a claims file, as its settings.infer says).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="The article's date (YYYY-MM-DD) for \"this year\" and anniversaries, when the draft has none."),
    ] = None,
    allow_outside: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-outside", metavar="PATH",
            help="Let files name this file or folder outside the repository (repeatable); nothing else widens that.",
            show_default=False,
        ),
    ] = None,
    filing: Annotated[
        list[str] | None,
        typer.Option(
            "--filing", metavar="PATH",
            help="Trace the draft's figures to this filing's facts (XBRL, Inline XBRL, a report package; repeatable): "
            "each is traced, contradicted (a failure) or untraced.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check claims files (or drafts) and report every claim: pass, warn, fail, error or unchecked."""
    # lazy: a command loads only what it runs
    from factcheck.errors import UsageError
    from factcheck.load.paths import allow_outside as widen
    from factcheck.verify import verify as check

    widen(allow_outside or ())
    try:
        code = check(
            paths, format.value if format else None, output, report, only, fail_on.value if fail_on else None,
            strict, color.value, quiet, draft, require_coverage, baseline, write_baseline, infer, _date(as_of),
            filing or (),
        )
    except UsageError as e:
        raise _fail(e.message) from None
    raise typer.Exit(code)


def _date(text: str | None) -> date | None:
    """``--as-of``: an ISO date, or a usage error that says so."""
    if text is None:
        return None

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"--as-of {text}: not a date; write it as YYYY-MM-DD (2025-05-13)") from None


@app.command("pre-commit")
def pre_commit(
    files: Annotated[list[str] | None, typer.Argument(help="The staged files (pre-commit passes them).", show_default=False)] = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help="The report's format (default: concise).", show_default=False)] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 from this status up (default: error).", show_default=False)] = None,
    require_coverage: Annotated[
        bool | None, typer.Option("--require-coverage/--no-require-coverage", help="Fail on figures of a draft that no claim covers.", show_default=False)
    ] = None,
    infer: Annotated[bool | None, typer.Option("--infer/--no-infer", help="Also check the relations the drafts state.", show_default=False)] = None,
) -> None:
    """Check what a commit's staged files bear on: claims files, the claims files that name a staged draft, and drafts no claims file names (by inference)."""
    # lazy: a command loads only what it runs
    from factcheck.errors import UsageError
    from factcheck.hook import plan
    from factcheck.verify import verify as check

    try:
        paths = plan(files or [])
        if not paths:
            raise typer.Exit(0)
        code = check(
            paths, format.value if format else None, None, None, None, fail_on.value if fail_on else None,
            require_coverage=require_coverage, infer=infer,
        )
    except UsageError as e:
        raise _fail(e.message) from None
    raise typer.Exit(code)


@app.command()
def rules() -> None:
    """List the rules that infer claims from a draft, each with an example and the claim it gives."""
    # lazy: a command loads only what it runs
    from factcheck.infer import rules_text

    sys.stdout.write(rules_text())


@app.command()
def explain(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="The id of the claim.")],
    path: Annotated[str | None, typer.Argument(help="The claims file (default ./claims.yaml).")] = None,
) -> None:
    """Show the computation of one claim, step by step, with every interval."""
    # lazy: a command loads only what it runs
    from factcheck.errors import UsageError
    from factcheck.explain import explain as run_explain
    from factcheck.verify import is_terminal, use_color, width

    to_terminal = is_terminal(sys.stdout)
    try:
        text, code = run_explain(claim_id, path or "claims.yaml", color=use_color("auto", to_terminal), width=width(to_terminal))
    except UsageError as e:
        raise _fail(e.message) from None
    sys.stdout.write(text)
    raise typer.Exit(code)


@app.command()
def functions() -> None:
    """List the functions of the expression language, each with a worked example."""
    # lazy: a command loads only what it runs
    from factcheck.explain import functions_text

    sys.stdout.write(functions_text())


@app.command()
def schema(
    report: Annotated[bool, typer.Option("--report", help="The schema of the JSON report instead of the claims file.")] = False,
) -> None:
    """Print the JSON Schema of the claims file (or, with --report, of the JSON report)."""
    # lazy: a command loads only what it runs
    from factcheck.schema import CLAIMS_SCHEMA, REPORT_SCHEMA

    sys.stdout.write(json.dumps(REPORT_SCHEMA if report else CLAIMS_SCHEMA, ensure_ascii=False, indent=2) + "\n")


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter file.")] = Path("claims.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file (and refresh the schema beside it).")] = False,
    draft: Annotated[str | None, typer.Option("--draft", metavar="FILE", help="Start from this article draft: a fact for every figure, a sourced claim for every sentence with figures.")] = None,
    schema: Annotated[
        str | None,
        typer.Option(
            "--schema", metavar="FILE_OR_URL",
            help="Point the schema modeline here: a local file (written now if it is missing) or a URL. "
            "Default: claims.schema.json beside the claims file, written now if it is missing.",
            show_default=False,
        ),
    ] = None,
    no_schema: Annotated[bool, typer.Option("--no-schema", help="Write no schema modeline and no schema file.")] = False,
    filing: Annotated[
        list[str] | None,
        typer.Option("--filing", metavar="PATH", help="With --draft: every figure traced to this filing's facts is a fact "
                     "read from the filing (repeatable).", show_default=False),
    ] = None,
) -> None:
    """Write a starter claims.yaml, and the claims schema beside it for editor completion."""
    # lazy: a command loads only what it runs
    from factcheck.errors import UsageError
    from factcheck.output import check_writable, write_atomic
    from factcheck.starter import STARTER

    if path.exists() and not force:
        raise _fail(f"{path} exists already; use --force to overwrite it")
    if no_schema and schema is not None:
        raise _fail("--schema and --no-schema: choose one")
    if filing and draft is None:
        raise _fail("--filing goes with --draft: the figures of a draft are traced to the filing")
    text = STARTER
    if draft is not None:
        # lazy: a command loads only what it runs
        from factcheck.inventory import inventory

        try:
            text = inventory(draft, path, tuple(filing or ()))
        except UsageError as e:
            raise _fail(e.message) from None
    text, local = _schema_modeline(text, path, schema, no_schema)
    try:
        if local is not None:
            check_writable(path)  # before the schema is written, so that a bad path writes nothing
            if force or not os.path.exists(local):
                # lazy: a command loads only what it runs
                from factcheck.schema import CLAIMS_SCHEMA

                write_atomic(local, json.dumps(CLAIMS_SCHEMA, ensure_ascii=False, indent=2) + "\n")
                typer.echo(f"wrote {local}: the claims schema, for completion in editors (`factcheck schema > {local}` refreshes it)")
        write_atomic(path, text)
    except UsageError as e:
        raise _fail(e.message) from None
    if draft is None:
        typer.echo(f"wrote {path}: edit it, then run `factcheck verify {path}`")
        return
    # lazy: a command loads only what it runs
    from factcheck.engine import run
    from factcheck.reporters import summary_text

    typer.echo(f"wrote {path}: {summary_text(run([str(path)]))}")
    typer.echo(f"next: give each claim a check and a stated value, or a real source, and run `factcheck verify {path}`")


def _schema_modeline(text: str, path: Path, schema: str | None, no_schema: bool) -> tuple[str, str | None]:
    """The starter's text with its schema modeline as asked (none, a file, a URL), and the
    local schema file to write (None for none or a URL). The modeline names a schema file
    that is there: beside the claims file unless told otherwise."""
    # lazy: the schema's module only for init
    from factcheck.schema import SCHEMA_FILE, modeline, schema_target

    if no_schema:
        return text.replace(modeline() + "\n", "", 1), None
    local: str | None = None
    if schema is None:
        local = os.path.join(os.path.dirname(str(path)), SCHEMA_FILE)
    elif "://" not in schema:
        local = schema
    target = SCHEMA_FILE if schema is None else schema_target(schema, str(path))
    return text.replace(modeline(), modeline(target), 1), local


@app.command()
def facts(
    filing: Annotated[str, typer.Argument(metavar="FILING", help="An XBRL instance (.xml), an Inline XBRL document (.htm), a report package (.zip) or a submission's folder.")],
    concept: Annotated[str | None, typer.Option("--concept", metavar="TEXT", help="Only concepts containing TEXT (any case); text facts are listed too.")] = None,
    period: Annotated[str | None, typer.Option("--period", metavar="DATE|START/END", help="Only this period: a date (instants on it, durations ending on it) or START/END.")] = None,
    yaml: Annotated[bool, typer.Option("--yaml", help="A facts file (version: 1) to include in a claims file, every entry loading back to its fact.")] = False,
    for_file: Annotated[
        str | None,
        typer.Option("--for", metavar="CLAIMS_FILE", help="The claims (or facts) file the entries go into: their filing: paths are relative to it. Implies --yaml.", show_default=False),
    ] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write there (atomically) instead of stdout; --yaml paths are then relative to FILE (unless --for names another).")] = None,
) -> None:
    """List the facts of a filing: concept, period, value (as the claims language writes it), decimals.

    Exit 1 when no fact matches the filters; 2 when the filing cannot be read.
    """
    # lazy: a command loads only what it runs
    from factcheck.errors import FactcheckError, UsageError
    from factcheck.filing.listing import facts_listing

    try:
        listing = facts_listing(filing, concept, period, yaml, output, for_file)
    except FactcheckError as e:
        raise _fail(str(e)) from None
    # lazy: a command loads only what it runs
    from factcheck.reporters.escape import for_log_line

    for warning in listing.warnings:  # a filing's problems quote its strings: escaped as the listing is
        typer.echo(f"factcheck: warning: {for_log_line(warning)}", err=True)
    if output is not None and listing.text:
        # lazy: a command loads only what it runs
        from factcheck.output import write_atomic

        try:
            write_atomic(output, listing.text, protect=(filing,))  # never over the filing it lists
        except UsageError as e:  # a folder, a link out of the repository, the filing itself
            raise _fail(str(e)) from None
        except OSError as e:
            raise _fail(f"{output}: cannot be written ({e.strerror or e})") from None
    else:
        sys.stdout.write(listing.text)
    if listing.note:
        typer.echo(f"factcheck: {for_log_line(listing.note)}", err=True)
        raise typer.Exit(1)


class _Signalled(BaseException):
    """SIGINT or SIGTERM, raised where the run is. Not a KeyboardInterrupt, which Click
    turns into "Aborted!" and exit 1; as a BaseException it passes every ``except
    Exception`` and lets ``finally`` blocks (a half-written report's cleanup) run."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:
    for sig in _SIGNALS:  # a second signal ends the run at once
        signal.signal(getattr(signal, sig), signal.SIG_DFL)
    raise _Signalled(signum)


#: the signals that end a run cleanly: no temporary report outlives any of them
_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")


def _catch_signals() -> dict[int, object]:
    """Route SIGINT, SIGTERM, SIGHUP and SIGQUIT to _on_signal; returns the handlers to put back."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, object] = {}
    for sig in (getattr(signal, name) for name in _SIGNALS if hasattr(signal, name)):
        handler = signal.getsignal(sig)
        if handler is not signal.SIG_IGN:  # ignored stays ignored (nohup, background jobs)
            previous[sig] = handler
            signal.signal(sig, _on_signal)
    return previous


def entry() -> None:
    """The console script (and ``python -m factcheck``): main(), then a quick exit."""
    pintload.console()  # the process is factcheck's: pint without numpy and its other extras
    try:
        main()
    except SystemExit as e:
        _leave(e.code)
        raise


def _leave(code: object) -> None:
    """Exit at once, once the output is flushed: a run over 100,000 claims would otherwise
    spend a tenth of a second freeing objects the operating system frees anyway. Not
    when a tracer or coverage is watching (their data is saved at exit), nor with
    FACTCHECK_SLOW_EXIT set."""
    if code is not None and not isinstance(code, int):
        return
    if sys.gettrace() is not None or "coverage" in sys.modules or os.environ.get("FACTCHECK_SLOW_EXIT"):
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None when the file descriptor was closed (2>&-)
                stream.flush()
    except (OSError, ValueError, AttributeError):
        return  # let the normal exit deal with it, as it would without this
    os._exit(code or 0)


def main() -> None:
    """Entry point: no traceback for anything but an internal fault, and that on request.

    SIGINT, SIGTERM, SIGHUP and SIGQUIT end the run with one line and 128 + the
    signal's number (130, 143, 129, 131); a report being written is left as it was
    before the run, and no temporary file is left behind.
    """
    previous = _catch_signals()
    try:
        app()
    except SystemExit:
        raise
    except _Signalled as e:
        # lazy: a command loads only what it runs
        from factcheck.output import remove_temporary_files

        remove_temporary_files()  # the writers' own cleanup has run; this is the last net
        what = {signal.SIGINT: "interrupted", getattr(signal, "SIGHUP", -1): "hung up", getattr(signal, "SIGQUIT", -1): "quit"}.get(
            e.signum, "terminated"
        )
        try:
            typer.echo(f"factcheck: {what}", err=True)
        finally:
            sys.exit(128 + e.signum)
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # an internal fault: one line, unless FACTCHECK_DEBUG=1
        if os.environ.get("FACTCHECK_DEBUG") == "1":
            raise
        # lazy: a command loads only what it runs
        from factcheck.about import report_bug_text

        typer.echo(
            f"factcheck: internal error ({type(e).__name__}: {e}); a fault of factcheck, not of your files: "
            f"{report_bug_text()} (FACTCHECK_DEBUG=1 shows the traceback)",
            err=True,
        )
        sys.exit(2)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]  # getsignal's None is never stored: these were set from Python
