"""Where the project lives, as the installed package's metadata says: nothing when it says nothing.

factcheck prints or writes an address only when it leads somewhere. The one place an
address is declared is ``[project.urls]`` of pyproject.toml (RELEASING.md: added once the
repository is published); until then the internal-error message names none and the
SARIF report has no ``informationUri``.
"""

from __future__ import annotations

#: the distribution's name (pyproject.toml): the package index's `factcheck` is another project
DISTRIBUTION = "factcheck-finance"


def project_url(*labels: str) -> str | None:
    """The first ``Project-URL`` of the installed metadata whose label is one of ``labels``
    (compared in lower case, without spaces, dashes or underscores), or None."""
    # lazy: the installed metadata is read only when an address is asked for
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:  # run from a source tree that was never installed
        return None
    wanted = {_label(x) for x in labels}
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if _label(label) in wanted and url.strip().startswith("https://"):
            return url.strip()
    return None


def _label(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def report_bug_text() -> str:
    """How to report an internal fault: to the issue tracker the metadata names, if any."""
    where = project_url("issues", "bug tracker", "bugs", "tracker")
    to = f"at {where}" if where else "to factcheck's maintainers"
    return f"please report it {to} with the command and the file that caused it"
