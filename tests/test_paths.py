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


# --------------------------------------------------------------------------- paths the command line gives (issue 25)

#: a filing outside the repository, whose facts no output may show
OUTSIDE_FILING = """<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2023">
<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
<dei:EntityRegistrantName contextRef="d">SENTINEL-SECRET</dei:EntityRegistrantName>
</xbrli:xbrl>
"""


@pytest.fixture
def links(repo, tmp_path):
    """Links committed in the repository that lead out of it: to a draft, a claims file,
    a baseline, a filing and a file that is no filing, all holding the sentinel."""
    (tmp_path / "secret.md").write_text("SENTINEL-SECRET: revenue rose 5% to 120 million yuan from 100 million yuan.\n")
    (tmp_path / "secret.claims.yaml").write_text("version: 1\nclaims:\n  - {id: sentinel-secret, check: 1, stated: 1}\n")
    (tmp_path / "secret.json").write_text('{"version": 1, "entries": [], "note": "SENTINEL-SECRET"}\n')
    (tmp_path / "secret.xml").write_text(OUTSIDE_FILING)
    here = repo / "articles"
    for name, target in [("link.md", "secret.md"), ("link.claims.yaml", "secret.claims.yaml"), ("bl.json", "secret.json"),
                         ("link.xml", "secret.xml"), ("link.htm", "secret.txt")]:
        os.symlink(tmp_path / target, here / name)
    (here / "claims.yaml").write_text("version: 1\nclaims:\n  - {id: a, check: 1, stated: 1}\n")
    return here


LEADS_OUT = "leads (through a symbolic link) outside the repository (..)"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["verify", "-f", "concise", "link.md"], 1, f"link.md:1:1: error: draft: link.md {LEADS_OUT}"),
        (["verify", "-f", "concise", "link.claims.yaml"], 1, f"link.claims.yaml:1:1: error: claims file: link.claims.yaml {LEADS_OUT}"),
        (["verify", "-f", "concise", "--draft", "link.md", "claims.yaml"], 2, f"factcheck: error: --draft: link.md {LEADS_OUT}"),
        (["verify", "-f", "concise", "--baseline", "bl.json", "claims.yaml"], 2, f"factcheck: error: baseline: bl.json {LEADS_OUT}"),
        (["pre-commit", "link.md"], 1, f"link.md:1:1: error: draft: link.md {LEADS_OUT}"),
        (["pre-commit", "link.claims.yaml"], 1, f"link.claims.yaml:1:1: error: claims file: link.claims.yaml {LEADS_OUT}"),
        (["facts", "link.xml"], 2, f"factcheck: error: filing: link.xml {LEADS_OUT}"),
        (["facts", "link.htm"], 2, f"factcheck: error: filing: link.htm {LEADS_OUT}"),
        (["explain", "sentinel-secret", "link.claims.yaml"], 2, f"factcheck: error: explain: link.claims.yaml {LEADS_OUT}"),
        (["init", "new.claims.yaml", "--draft", "link.md"], 2, f"factcheck: error: --draft: link.md {LEADS_OUT}"),
    ],
)
def test_a_path_the_command_line_gives_does_not_leave_through_a_link(links, runner, args, code, message):
    """Issue 25: `facts link.htm` read an XML file outside (or quoted the first 30 bytes of
    any other file); `verify dlink.md` read and reported a draft outside. A path the
    command line, pre-commit or a folder walk gives is refused unread when a link leads
    it out of the repository, whatever the command."""
    from factcheck.cli import app

    out = runner.invoke(app, args)
    assert out.exit_code == code, out.output
    assert message in out.output
    assert "SENTINEL" not in out.output
    assert not (links / "new.claims.yaml").exists()


def test_a_path_typed_outside_the_repository_is_read(links, tmp_path, runner):
    """The user's own choice: a file named outside the root by its own path is read,
    and so is what a folder named outside it holds, but not a link out of that folder."""
    from factcheck.cli import app

    out = runner.invoke(app, ["facts", "--concept", "dei", str(tmp_path / "secret.xml")])
    assert out.exit_code == 0 and "SENTINEL-SECRET" in out.output, out.output
    out = runner.invoke(app, ["verify", "-f", "concise", "--no-infer", "../../secret.md"])
    assert "outside the repository" not in out.output and "figure: 5%" in out.output, out.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "own.claims.yaml").write_text("version: 1\nclaims:\n  - {id: own, check: 1, stated: 1}\n")
    os.symlink(repo_secret := tmp_path / "repo-secret.claims.yaml", elsewhere / "away.claims.yaml")
    repo_secret.write_text("version: 1\nclaims:\n  - {id: away, check: 1, stated: 1}\n")
    out = runner.invoke(app, ["verify", "-f", "concise", str(elsewhere)])
    assert out.exit_code == 1, out.output
    assert "own.claims.yaml:3:5: pass own" in out.output
    assert "away.claims.yaml:1:1: error: claims file:" in out.output and "pass away" not in out.output


def test_a_folder_typed_outside_the_repository_checks_a_named_draft_once(repo, tmp_path, runner):
    """Issues 24 and 26 together: in a folder the command line names outside the root,
    a claims file is read (the user's choice), so the draft it names is checked through
    it and not a second time by itself; its article.draft still needs --allow-outside."""
    from factcheck.cli import app

    away = tmp_path / "away"
    away.mkdir()
    (away / "story.md").write_text("Revenue rose 10% to 11.0 billion yuan, from 10.0 billion.\n")
    (away / "story.claims.yaml").write_text(
        "version: 1\narticle:\n  draft: story.md\nclaims:\n  - id: a\n    says: rose 10%\n"
        "    check: growth(10.0 billion, 11.0 billion)\n    stated: 10%\n"
    )
    out = runner.invoke(app, ["verify", "-f", "concise", "--allow-outside", str(away), str(away)])
    assert out.exit_code == 0, out.output
    assert "story.claims.yaml:5:5: pass a:" in out.output and "inferred" not in out.output
    assert "1 claim: 1 pass" in out.output and "draft: 1 of 1 claims located" in out.output
    out = runner.invoke(app, ["verify", "-f", "concise", str(away)])
    assert "article.draft: story.md is outside the repository" in out.output and "inferred" not in out.output


def test_a_file_that_is_not_a_filing_is_never_quoted(links, tmp_path, runner):
    from factcheck.cli import app

    out = runner.invoke(app, ["facts", str(tmp_path / "secret.txt")])
    assert out.exit_code == 2
    assert "not XML (text, where XML begins with '<')" in out.output and "SENTINEL" not in out.output


def test_pre_commit_reads_no_claims_file_through_a_link_out(links, tmp_path, monkeypatch):
    """The hook searches the repository's claims files for the one naming a staged
    draft: a link out of it is not opened (a pipe outside would have hung it)."""
    from factcheck import hook

    opened = []
    real_read = paths.read_file
    monkeypatch.setattr(paths, "read_file", lambda p, *a, **k: opened.append(os.fspath(p)) or real_read(p, *a, **k))
    (links / "draft.claims.yaml").write_text("version: 1\narticle:\n  draft: draft.md\nclaims: []\n")
    assert hook.plan(["draft.md"]) == ["draft.claims.yaml"]
    assert not any("link" in p for p in opened) and any("draft.claims.yaml" in p for p in opened)


# --------------------------------------------------------------------------- a filing of several files (issues 24 and 25)

#: the same filing as an Inline XBRL document, for a report package and a submission's folder
OUTSIDE_REPORT = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2023"><body>
<ix:header><ix:resources><xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context></ix:resources></ix:header>
<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="d">SENTINEL-SECRET</ix:nonNumeric>
</body></html>
"""


@pytest.fixture
def package_links(repo, tmp_path):
    """A report package and the folder of a submission outside the repository, and
    links committed in it that lead to them (and to a folder holding the package)."""
    import zipfile

    away = tmp_path / "away"
    (away / "submission" / "reports").mkdir(parents=True)
    (away / "submission" / "reports" / "report.xhtml").write_text(OUTSIDE_REPORT)
    with zipfile.ZipFile(away / "pkg.zip", "w") as z:
        z.writestr("pkg/reports/report.xhtml", OUTSIDE_REPORT)
    here = repo / "articles"
    os.symlink(away / "pkg.zip", here / "link.zip")
    os.symlink(away / "submission", here / "linked-submission", target_is_directory=True)
    os.symlink(away, here / "linked-folder", target_is_directory=True)
    return away


@pytest.mark.parametrize("given_path", ["link.zip", "linked-submission", "linked-folder/pkg.zip", "linked-folder/submission"])
def test_a_package_or_a_folder_does_not_leave_the_repository_through_a_link(package_links, runner, given_path):
    """paths.given holds for every form of filing `facts` reads: a report package and the
    folder of a submission, reached through a committed link out, are refused unread."""
    from factcheck.cli import app

    out = runner.invoke(app, ["facts", given_path])
    assert out.exit_code == 2, out.output
    assert out.output == f"factcheck: error: filing: {given_path} {LEADS_OUT}: factcheck follows links only inside it; " \
        "to read a file outside it, name the file by its own path\n"
    assert "SENTINEL" not in out.output


def test_a_package_or_a_folder_typed_outside_the_repository_is_read(package_links, runner):
    from factcheck.cli import app

    for path in (package_links / "pkg.zip", package_links / "submission"):
        out = runner.invoke(app, ["facts", "--concept", "dei", str(path)])
        assert out.exit_code == 0 and "SENTINEL-SECRET" in out.output, out.output
