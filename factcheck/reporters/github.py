"""GitHub Actions: one workflow command a finding, which GitHub shows as an annotation.

The grammar is the runner's (``::NAME key=value,key=value::DATA``): data escapes ``%``,
CR and LF; property values escape ``:`` and ``,`` too, so that no claim text can end a
property or the command early. GitHub shows at most 10 error and 10 warning annotations
a step, so the findings past those limits are printed as plain lines (between
``stop-commands`` markers, so that their text is never read as a command) and one
notice counts them. A Markdown summary for ``$GITHUB_STEP_SUMMARY`` is the markdown
format's (see ``factcheck.reporters.deliver``).
"""

from __future__ import annotations

import hashlib

from factcheck.model import Report
from factcheck.reporters import Options, summary_text
from factcheck.reporters.escape import for_ci_log, for_ci_property
from factcheck.reporters.findings import Finding, findings, repo_path

#: annotations of each kind that GitHub shows for one step
PER_KIND = 10
COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """A command's data: controls visible, ``%``, CR and LF encoded (escape.for_ci_log)."""
    return for_ci_log(text)


def escape_property(text: str) -> str:
    return for_ci_property(text)


def command(name: str, properties: dict[str, object], data: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(data)}"


def annotation(f: Finding) -> str:
    where = {"file": repo_path(f.span.path), "line": f.span.line, "col": f.span.col, "title": f"factcheck: {f.title}"}
    return command(COMMANDS[f.level], where, f.message)


def render(report: Report, options: Options) -> str:
    shown = {"error": 0, "warning": 0, "notice": 0}
    lines: list[str] = []
    rest: list[Finding] = []
    for f in findings(report):
        name = COMMANDS[f.level]
        room = PER_KIND - 1 if name == "notice" else PER_KIND  # one notice is kept for the count of the rest
        if shown[name] < room:
            shown[name] += 1
            lines.append(annotation(f))
        else:
            rest.append(f)
    if rest:
        plain = [for_ci_log(f"{f.span}: {f.title}: {' '.join(f.message.split())}") for f in rest]
        # The token only has to be one that the text it guards cannot contain: a digest of
        # that text is such a token, and keeps the output deterministic.
        token = hashlib.sha256("\n".join(plain).encode("utf-8")).hexdigest()[:32]
        lines += [f"::stop-commands::{token}", *plain, f"::{token}::"]
        counts = {k: sum(1 for f in rest if COMMANDS[f.level] == k) for k in shown}
        parts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
        lines.append(
            command(
                "notice",
                {"title": "factcheck: more findings"},
                f"{len(rest)} more finding{'s' if len(rest) != 1 else ''} ({parts}) than GitHub annotates in one step: "
                "they are listed in the log of this step, above this notice",
            )
        )
    lines.append(for_ci_log(summary_text(report)))
    return "\n".join(lines) + "\n"
