"""What a release publishes says the same thing everywhere: one version (the package's
`__version__`, the installed metadata, `--version`, the reports), one distribution name
(pyproject.toml, the README's Install section, the examples), a changelog entry for the
version, and classifiers naming exactly the Pythons that .ci/run tests the wheel on."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from datetime import date
from importlib.metadata import entry_points, version
from pathlib import Path

import pytest
import yaml

import factcheck
from factcheck.cli import app

from conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = PROJECT["name"]
VERSION = factcheck.__version__
PIN = f"{NAME}=={VERSION}"


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


# --------------------------------------------------------------------------- one version


def test_the_installed_metadata_is_the_package_version():
    assert version(NAME) == VERSION, (
        f"the installed {NAME} is {version(NAME)}, factcheck/__init__.py says {VERSION}: reinstall (pip install -e .)"
    )
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION), VERSION


def test_version_and_every_report_name_the_installed_version(runner, write):
    installed = version(NAME)
    assert runner.invoke(app, ["--version"]).stdout == f"factcheck {installed}\n"
    path = write("version: 1\nclaims:\n  - {id: two, check: 1 + 1, stated: 2}\n")
    done = runner.invoke(app, ["verify", str(path), "-f", "json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["tool"] == {"name": "factcheck", "version": installed}
    done = runner.invoke(app, ["verify", str(path), "-f", "sarif"])
    driver = json.loads(done.stdout)["runs"][0]["tool"]["driver"]
    assert driver["version"] == driver["semanticVersion"] == installed


def test_the_installed_command_is_the_entry_point_and_prints_the_version():
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "factcheck"]
    assert script.value == "factcheck.cli:entry" == PROJECT["scripts"]["factcheck"]
    assert script.dist is not None and script.dist.name == NAME
    done = subprocess.run([str(Path(sys.executable).parent / "factcheck"), "--version"], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"factcheck {version(NAME)}\n"), done.stderr


def test_the_version_is_written_once():
    assert "version" in PROJECT["dynamic"] and "version" not in PROJECT
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setuptools["dynamic"]["version"] == {"attr": "factcheck.__version__"}
    literal = re.compile(rf"""["']{re.escape(VERSION)}["']""")
    written = [str(p.relative_to(ROOT)) for p in (ROOT / "factcheck").rglob("*.py") if literal.search(p.read_text(encoding="utf-8"))]
    assert written == ["factcheck/__init__.py"]


# --------------------------------------------------------------------------- one name


def test_the_distribution_has_a_name_of_its_own():
    # `factcheck` on the package index is an unrelated QuickCheck library (2013)
    assert NAME != "factcheck" and NAME.startswith("factcheck")
    assert list(PROJECT["scripts"]) == ["factcheck"]


def test_the_readme_says_how_to_install_it_today():
    """Not from the package index, where it is not: from a checkout of its repository."""
    install = readme_section("Install")
    said = " ".join(install.split())
    assert "not on the Python package index yet" in said
    assert "python3 -m venv .venv && .venv/bin/pip install ." in install
    assert f"$ factcheck --version\nfactcheck {VERSION}\n" in install  # what --version prints (tests/test_docs.py runs it)
    assert f"`{NAME}`" in said and "RELEASING.md" in said  # the name it will have, and the steps


@pytest.mark.parametrize(
    "where", ["README.md", "action.yml", ".pre-commit-hooks.yaml", "examples/github-actions.yml", "examples/gitlab-ci.yml",
              "examples/pre-commit-config.yaml", "SECURITY.md", *[f"docs/{p.name}" for p in sorted((ROOT / "docs").glob("*.md"))]],
)
def test_nothing_installs_factcheck_from_the_package_index_where_it_is_not(where):
    """factcheck is not on the package index yet (RELEASING.md keeps the steps that put it
    there): whatever tells a user how to get it installs it from its repository."""
    text = (ROOT / where).read_text(encoding="utf-8")
    assert not re.search(rf"pipx? install (--\S+ )*['\"]?{re.escape(NAME)}\b", text), where
    assert f"additional_dependencies: [{NAME}" not in text


# --------------------------------------------------------------------------- the changelog

SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_the_changelog_keeps_a_changelog():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    headings = re.findall(r"^## (.*)$", text, flags=re.M)
    assert headings[0] == "[Unreleased]"
    released = [re.fullmatch(r"\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})", h) for h in headings[1:]]
    assert all(released), headings
    versions = [tuple(map(int, m.group(1).split("."))) for m in released]
    dates = [date.fromisoformat(m.group(2)) for m in released]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert dates == sorted(dates, reverse=True)
    assert released[0].group(1) == VERSION, "the current version has no section of its own"
    kinds = set(re.findall(r"^### (.*)$", text, flags=re.M))
    assert kinds <= SECTIONS, kinds - SECTIONS


# --------------------------------------------------------------------------- supported Pythons


def ci_pythons() -> list[str]:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (line,) = re.findall(r'^release_pythons="([^"]*)"', run, flags=re.M)
    return line.split()


def test_the_classifiers_name_the_pythons_ci_tests():
    classified = [c.rsplit(" :: ", 1)[1] for c in PROJECT["classifiers"] if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert classified == ci_pythons()
    assert PROJECT["requires-python"] == f">={classified[0]}"
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in classified  # the suite runs on one of them


@pytest.mark.parametrize("where", ["README.md", "CHANGELOG.md"])
def test_the_docs_name_the_pythons_ci_tests(where):
    pythons = ci_pythons()
    said = ", ".join(pythons[:-1]) + " and " + pythons[-1]
    text = re.sub(r"\s+", " ", (ROOT / where).read_text(encoding="utf-8"))
    assert f"Python {said}" in text or f"on {said}" in text
