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


def _git(repo: Path, *args: str) -> str:
    import subprocess

    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    )
    return done.stdout.strip()


@pytest.fixture(scope="session")
def clean_checkout(tmp_path_factory) -> Path:
    """factcheck's repository as a user gets it: the files git knows (tracked, or new and
    not ignored, as .ci/run copies them), committed into a fresh git repository on
    ``main``. The GitHub Action, the GitLab job and the pre-commit hook install from it
    as they install from the real one; nothing of this checkout's .venv or build leaks in."""
    import shutil
    import subprocess

    dest = tmp_path_factory.mktemp("source") / "factcheck"
    probe = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if probe.returncode == 0 and Path(probe.stdout.strip()).resolve() == ROOT.resolve():
        listed = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, check=True,
        ).stdout
        for name in (os.fsdecode(n) for n in listed.split(b"\0") if n):
            if (ROOT / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, dest / name)
    else:  # a copy without .git (.ci/run's): all of it but what a run leaves behind
        skip = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", "*.egg-info", "build", "dist",
                                      ".pytest_cache", ".hypothesis", "test-artifacts")
        shutil.copytree(ROOT, dest, ignore=skip)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "factcheck, as checked out")
    return dest
