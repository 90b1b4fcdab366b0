"""Every address factcheck prints or writes leads somewhere, or is not written.

The project has no address of its own yet (it is not published): the internal-error
message, the SARIF report's tool home and the schema modeline of `factcheck init` named
an organisation and a site that do not exist. An address of the project is now read
from the installed metadata (pyproject.toml's ``[project.urls]``, added on the day it
exists), and a schema is a file written beside the claims file.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from factcheck.cli import app, main

from conftest import ROOT

URL = re.compile(r"https?://[^\s\"'<>)\]`]+")

#: the only addresses the package itself holds, each served by its owner
KNOWN = {
    "https://json.schemastore.org/sarif-2.1.0.json": "SARIF's schema, as GitHub code scanning names it",
    "http://json-schema.org/draft-07/schema#": "the JSON Schema dialect editors read",
    "https://example.com/article": "an example value in the schema (example.com is reserved for examples, RFC 2606)",
    # XBRL's and the W3C's namespaces: names a filing declares, read, never printed as links
    "http://www.xbrl.org/2003/instance": "", "http://xbrl.org/2006/xbrldi": "", "http://www.xbrl.org/2003/linkbase": "",
    "http://www.w3.org/2001/XMLSchema-instance": "", "http://www.xbrl.org/2003/iso4217": "",
    "http://www.w3.org/1999/xhtml": "", "http://www.xbrl.org/2013/inlineXBRL": "", "http://www.xbrl.org/2008/inlineXBRL": "",
    "http://fasb.org/us-gaap/2024": "a docstring's example of a namespace",
    "http://www.xbrl.org/2008/inlineXBRL/transformation": "", "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20": "",
    "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31": "", "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26": "",
    "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12": "", "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16": "",
    "http://www.sec.gov/inlineXBRL/transformation/2015-08-31": "",
    "http://www.xbrl.org/2009/utr": "the Units Registry's namespace (issue 24: units as the filing names them)",
}
GONE = ("factcheck-dev", "factcheck.dev")


def addresses(text: str) -> set[str]:
    return {u.rstrip(".,;:") for u in URL.findall(text)}


def test_the_package_holds_no_address_but_known_ones():
    found = {}
    for path in (ROOT / "factcheck").rglob("*.py"):
        for u in addresses(path.read_text(encoding="utf-8")):
            found.setdefault(u, path.relative_to(ROOT).as_posix())
    unknown = {u: where for u, where in found.items() if u not in KNOWN and not u.startswith("https:\\/\\/")}
    assert not unknown, f"addresses nobody has checked lead somewhere: {unknown}"


@pytest.mark.parametrize("where", ["README.md", "RELEASING.md", "SECURITY.md", "action.yml", ".pre-commit-hooks.yaml",
                                   "claims.yaml", "examples", "docs"])
def test_no_file_of_the_project_names_the_addresses_that_do_not_exist(where):
    paths = [ROOT / where] if (ROOT / where).is_file() else [p for p in (ROOT / where).rglob("*") if p.is_file() and p.suffix in (".md", ".yml", ".yaml")]
    for p in paths:
        text = p.read_text(encoding="utf-8")
        assert not any(g in text for g in GONE), p


def test_the_internal_error_message_names_no_address_it_does_not_have(monkeypatch, capsys, tmp_path):
    import factcheck.engine

    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.yaml").write_text("version: 1\nclaims:\n  - {id: a, check: 1, stated: 1}\n")

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(factcheck.engine, "run", boom)
    monkeypatch.setattr(sys, "argv", ["factcheck", "verify"])
    with pytest.raises(SystemExit):
        main()
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: kaboom)" in err and "to factcheck's maintainers" in err
    assert not addresses(err), err
    # the day the metadata names an issue tracker, the message names it
    import factcheck.about

    monkeypatch.setattr(factcheck.about, "project_url", lambda *labels: "https://git.example.org/factcheck/issues" if "issues" in labels else None)
    with pytest.raises(SystemExit):
        main()
    assert "please report it at https://git.example.org/factcheck/issues with the command" in capsys.readouterr().err


def test_project_urls_come_from_the_metadata(monkeypatch):
    import importlib.metadata

    from factcheck import about

    class Meta:
        def get_all(self, key):
            assert key == "Project-URL"
            return ["Homepage, https://git.example.org/factcheck", "Bug Tracker, https://git.example.org/factcheck/issues",
                    "Old, http://insecure.example.org"]

    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: Meta())
    assert about.project_url("issues", "bugtracker") == "https://git.example.org/factcheck/issues"
    assert about.project_url("homepage") == "https://git.example.org/factcheck"
    assert about.project_url("old") is None  # not https
    assert about.project_url("documentation") is None


def test_the_installed_metadata_names_no_address_yet():
    """pyproject.toml has no [project.urls] until the repository is published (RELEASING.md):
    when it gains one, this test is the reminder that the address must lead somewhere."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "urls" not in project


def test_the_sarif_report_has_no_tool_home_it_cannot_name(runner, write):
    path = write("version: 1\nclaims:\n  - {id: a, check: 1 + 1, stated: 2}\n")
    out = runner.invoke(app, ["verify", str(path), "-f", "sarif"])
    driver = json.loads(out.stdout)["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert addresses(out.stdout) <= set(KNOWN)


@pytest.mark.parametrize("args", [["schema"], ["schema", "--report"]], ids=["schema", "schema --report"])
def test_the_schemas_name_no_address_that_leads_nowhere(runner, args):
    out = runner.invoke(app, args)
    assert out.exit_code == 0
    assert addresses(out.stdout) <= set(KNOWN), addresses(out.stdout) - set(KNOWN)
    assert not json.loads(out.stdout)["$id"].startswith(("http:", "https:"))
