"""JUnit XML, as GitLab, Jenkins and test-report actions read it.

One ``testsuite`` a claims file and one ``testcase`` a claim (``classname`` the claims
file, ``name`` the claim id). ``fail`` is a ``failure``, ``error`` an ``error``,
``unchecked`` is ``skipped``; a ``warn`` is a ``failure`` only when warnings fail the
run (``--fail-on warning``), else a passing case with the warning in its output. A
suppressed finding is ``skipped``, with its verdict in the output. A problem that
makes a file invalid is an ``error`` case of its own, named by its code and place.
Notices go to the suite's ``system-out``. No times or timestamps: the same report gives
the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.model import Report, Result, Status
from factcheck.names import Names
from factcheck.reporters import Options, suppression_text
from factcheck.reporters.escape import for_xml


def clean(text: str) -> str:
    """Every string of the report, for XML (escape.for_xml): controls visible."""
    return for_xml(text)


def render(report: Report, options: Options) -> str:
    root = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    notices: dict[str, list[str]] = {}
    for n in report.notices:
        notices.setdefault(n.span.path, []).append(f"{n.span}: {n.code}: {n.message}")
    for f in report.files:
        path = f.document.path
        suite = ET.SubElement(root, "testsuite", name=clean(path), file=clean(path))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        names = Names("{name} ({k})")
        for p in f.document.problems:
            case = _case(suite, path, f"{p.code} at {p.span.line}:{p.span.col}", names)
            _outcome(case, "error", p.code, f"{p.span}: {p.message}", "")
            counts["errors"] += 1
        for r in f.results:
            case = _case(suite, path, r.claim.id, names)
            kind = _kind(r, options)
            if kind:
                _outcome(case, kind, r.status.value if kind != "skipped" else _skip_type(r), _headline(r), _details(r))
                counts[{"failure": "failures", "error": "errors", "skipped": "skipped"}[kind]] += 1
            elif r.status is not Status.PASS or r.hints:
                ET.SubElement(case, "system-out").text = clean(_details(r))
        counts["tests"] = len(names)
        if path in notices:
            ET.SubElement(suite, "system-out").text = clean("\n".join(notices.pop(path)))
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for path, lines in notices.items():  # notices about other files: the baseline
        suite = ET.SubElement(root, "testsuite", name=clean(path), file=clean(path), tests="0", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "system-out").text = clean("\n".join(lines))
    for k, v in totals.items():
        if k != "skipped":  # the published schema (Jenkins' junit-10.xsd) has no skipped on testsuites
            root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite: ET.Element, path: str, name: str, names: Names) -> ET.Element:
    unique = names(name)  # ids are unique in a file; problem names could meet
    return ET.SubElement(suite, "testcase", classname=clean(path), name=clean(unique))


def _kind(r: Result, options: Options) -> str | None:
    if r.suppressed is not None or r.status is Status.UNCHECKED:
        return "skipped"
    if r.status is Status.FAIL or (r.status is Status.WARN and options.fail_on == "warning"):
        return "failure"
    if r.status is Status.ERROR:
        return "error"
    return None


def _skip_type(r: Result) -> str:
    return "suppressed" if r.suppressed is not None else "unchecked"


def _outcome(case: ET.Element, kind: str, type_: str, message: str, text: str) -> None:
    el = ET.SubElement(case, kind, type=type_, message=clean(message))
    if text:
        el.text = clean(text)


def _headline(r: Result) -> str:
    if r.suppressed is not None:
        return f"{r.status.value}, suppressed by {suppression_text(r.suppressed)}"
    return " ".join(r.message.split())


def _details(r: Result) -> str:
    c = r.claim
    lines = [f"{r.where}: {r.status.value} {c.id}: {r.message}"]
    lines += [f"hint: {h.message}" for h in r.hints]
    for label, value in (("says", c.says), ("check", c.check.text if c.check else None), ("stated", r.stated.text if r.stated else None),
                         ("computed", r.computed.text if r.computed else None), ("source", c.source), ("note", c.note)):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)
