from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent
CONFORMANCE = HERE / "conformance"


@pytest.fixture
def write(tmp_path: Path):
    """write(text, name='claims.yaml') -> path of a file in a fresh folder."""

    def _write(text: str, name: str = "claims.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    """Tests see the same defaults wherever they run: under GitHub Actions the default
    format would be github and reports would go to the job summary."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITHUB_OUTPUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _temporary_files_inside_the_root(request, monkeypatch):
    """Tests write claims files and drafts in pytest's temporary folders, outside the
    checkout (the root): in-process runs may read them there, as `--allow-outside` would
    let them. Tests of the root itself mark themselves ``strict_root`` to go without."""
    if request.node.get_closest_marker("strict_root"):
        return
    from factcheck.load import paths

    base = request.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    monkeypatch.setattr(paths, "TEST_FOLDERS", (Path(os.path.realpath(base)),))
