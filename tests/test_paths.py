"""The trust boundary: one root (factcheck.load.paths.root), one check for every path a
file names (inside_root), one bounded reader (read_file). Run from a fresh folder
outside the checkout, without the suite's widening of its temporary folders."""

from __future__ import annotations

import os
import socket
import stat

import pytest

from factcheck.errors import LoadError
from factcheck.load import paths
from factcheck.load.paths import LIMITS, OutsideRoot, allow_outside, inside_root, read_file, relative_to_root, root
from factcheck.model import Span

pytestmark = pytest.mark.strict_root

#: every key whose path a file names; include and filing are read by the filing/include
#: loader, which calls inside_root as every other reader does
KEYS = ["article.draft", "include", "filing", "baseline", "report", "schema modeline"]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """repo/ (with .git) run from repo/articles; a secret beside the repo, outside it."""
    top = tmp_path / "repo"
    (top / ".git").mkdir(parents=True)
    (top / "articles").mkdir()
    (top / "articles" / "draft.md").write_text("Revenue rose 5%.\n")
    (tmp_path / "secret.txt").write_text("SENTINEL-SECRET\n")
    monkeypatch.chdir(top / "articles")
    allow_outside(())
    yield top
    allow_outside(())


def test_the_root_is_the_nearest_folder_with_git(repo, tmp_path, monkeypatch):
    assert root() == repo.resolve()
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.chdir(plain)
    assert root() == plain.resolve()  # no .git above: the working folder


def test_a_git_file_marks_a_root_too(tmp_path, monkeypatch):
    """A worktree or a submodule has a .git file, not a folder."""
    (tmp_path / "wt" / "sub").mkdir(parents=True)
    (tmp_path / "wt" / ".git").write_text("gitdir: /elsewhere\n")
    monkeypatch.chdir(tmp_path / "wt" / "sub")
    assert root() == (tmp_path / "wt").resolve()


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize(
    "written",
    ["../../secret.txt", "{tmp}/secret.txt", "/etc/passwd", "up/secret.txt", "linked-folder/secret.txt"],
)
def test_every_key_refuses_a_path_out_of_the_root(repo, tmp_path, key, written):
    os.symlink("../../secret.txt", repo / "articles" / "up")  # a link to a file outside
    os.symlink(str(tmp_path), repo / "articles" / "linked-folder")  # a link to a folder outside
    if written == "up/secret.txt":
        written = "up"
    path = written.format(tmp=tmp_path)
    at = Span("claims.yaml", 3, 10)
    with pytest.raises(OutsideRoot) as e:
        inside_root(path, at, key, written=path)
    assert e.value.span == at and e.value.code == "outside-root"
    how = "leads (through a symbolic link) outside" if path in ("up", "linked-folder/secret.txt") else "is outside"
    assert e.value.message == (
        f"{key}: {path} {how} the repository (..): factcheck reads only files inside it; "
        "`--allow-outside PATH` widens that"
    )
    assert str(tmp_path) not in e.value.message.replace(path, "")  # the runner's folders are not told


@pytest.mark.parametrize("key", KEYS)
def test_every_key_takes_a_path_inside_the_root(repo, key):
    os.symlink("draft.md", repo / "articles" / "link.md")  # a link that stays inside
    for written in ("draft.md", "../articles/draft.md", "link.md", "missing/not-yet.md", str(repo / "x")):
        real = inside_root(written, None, key)
        assert real == real.resolve() and (repo.resolve() in real.parents)


def test_a_nul_in_a_path_is_a_clear_refusal(repo):
    with pytest.raises(OutsideRoot, match="NUL character"):
        inside_root("draft\x00.md", Span("c.yaml", 1, 1), "article.draft")


def test_only_allow_outside_widens_the_root(repo, tmp_path):
    with pytest.raises(OutsideRoot):
        inside_root(tmp_path / "secret.txt", None, "article.draft")
    allow_outside([tmp_path / "secret.txt"])
    assert inside_root(tmp_path / "secret.txt", None, "article.draft") == (tmp_path / "secret.txt").resolve()
    allow_outside([])  # each call replaces the last
    with pytest.raises(OutsideRoot):
        inside_root(tmp_path / "secret.txt", None, "article.draft")


def test_the_command_line_flag_widens_it(repo, tmp_path, runner):
    from factcheck.cli import app

    (tmp_path / "outside.md").write_text("Revenue rose 5%.\n")
    (repo / "articles" / "claims.yaml").write_text(
        "version: 1\narticle:\n  draft: ../../outside.md\nclaims:\n  - {id: a, says: Revenue rose 5%, check: 5%, stated: 5%}\n"
    )
    out = runner.invoke(app, ["verify", "-f", "concise"])
    assert out.exit_code == 1 and "3:10: error: article.draft: ../../outside.md is outside the repository (..)" in out.output
    out = runner.invoke(app, ["verify", "-f", "concise", "--allow-outside", str(tmp_path / "outside.md")])
    assert out.exit_code == 0, out.output
    assert "outside the repository" not in out.output


def test_report_paths_are_relative_to_the_root(repo, tmp_path):
    assert relative_to_root(str(repo / "articles" / "draft.md")) == "draft.md"
    assert relative_to_root(str(repo / "other" / "c.yaml")) == "../other/c.yaml"
    assert relative_to_root(str(tmp_path / "secret.txt")) == (tmp_path / "secret.txt").as_posix()


# --------------------------------------------------------------------------- the one reader


def test_read_file_reads_a_regular_file_within_its_limit(repo):
    assert read_file("draft.md", 100, "article drafts") == b"Revenue rose 5%.\n"
    with pytest.raises(LoadError) as e:
        read_file("draft.md", 10, "article drafts")
    assert e.value.code == "too-large" and "article drafts are at most" in e.value.message


@pytest.mark.parametrize("kind", ["fifo", "device", "socket", "folder"])
def test_read_file_refuses_what_is_not_a_regular_file_unread(repo, kind):
    if kind == "fifo":
        os.mkfifo("pipe")
        name = "pipe"  # opening it for reading would wait for a writer for ever
    elif kind == "device":
        name = "/dev/zero"  # never ends
    elif kind == "socket":
        name = "sock"
        s = socket.socket(socket.AF_UNIX)
        s.bind(name)
        assert stat.S_ISSOCK(os.stat(name).st_mode)
    else:
        name = "."
    with pytest.raises(LoadError) as e:
        read_file(name, 1024, "article drafts")
    assert e.value.code == "unreadable"
    assert "not a regular file" in e.value.message or "folder" in e.value.message or "cannot read" in e.value.message


def test_every_kind_of_file_has_a_documented_limit():
    from conftest import ROOT

    safety = (ROOT / "docs" / "safety.md").read_text(encoding="utf-8")
    for what, limit in LIMITS.items():
        assert f"{limit // 2**20} MB" in safety, f"the safety page's table names the limit of {what}"
    assert paths.TEST_FOLDERS == ()  # this module runs without the suite's widening
