"""Nothing lost: a report is replaced whole or not at all, an interrupted run leaves
the previous one and says so, and the files a run reads are never written to."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from factcheck.errors import UsageError
from factcheck.output import write_atomic

from conftest import ROOT

CLAIMS = "version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n  - {id: bad, check: 1 + 1, stated: 5}\n"


# --------------------------------------------------------------------------- write_atomic's edge cases


def test_a_symbolic_link_keeps_pointing_at_the_report(tmp_path):
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert sorted(os.listdir(real.parent)) == ["latest.json"]


def test_a_pipe_is_written_to_not_replaced(tmp_path):
    """`-o /dev/null` or `-o /dev/stdout`: renaming a file over a device or a pipe would
    replace it (for /dev/null, as root, for the whole machine); a FIFO stands in here."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "report text")
    reader.join(10)
    assert got == ["report text"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def _can_make_devices(folder: Path) -> bool:
    try:
        os.mknod(folder / "probe", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        return False
    (folder / "probe").unlink()
    return True


def test_a_device_is_written_to_not_replaced(tmp_path):
    """`-o /dev/null` as root used to put a regular file in place of /dev/null. The device
    here is a null device made in a temporary folder (where the system allows it), so
    that a regression breaks nothing but the test; elsewhere a FIFO stands in."""
    if _can_make_devices(tmp_path):
        null = tmp_path / "null"
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        write_atomic(null, "report text")
        assert stat.S_ISCHR(os.lstat(null).st_mode)
    else:
        test_a_pipe_is_written_to_not_replaced(tmp_path)


def test_a_link_to_standard_output_writes_there(tmp_path):
    """`-o /dev/stdout`: a link to /proc/self/fd/1, here a link of our own to the same."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    script = f"from factcheck.output import write_atomic; write_atomic({str(link)!r}, 'report text')"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "report text"
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_an_existing_report_keeps_its_permissions_and_a_new_one_follows_the_umask(tmp_path):
    old = tmp_path / "private.json"
    old.write_text("x")
    old.chmod(0o600)
    write_atomic(old, "y")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", "z")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_file_where_the_folder_should_be_is_named(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(UsageError, match="notes.txt is not a folder"):
        write_atomic(tmp_path / "notes.txt" / "r.json", "x")


def test_an_input_is_never_the_output(tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS)
    alias = tmp_path / "alias.yaml"
    alias.symlink_to(claims)
    for target in (claims, alias, tmp_path / "." / "claims.yaml"):
        with pytest.raises(UsageError, match="an input of this run"):
            write_atomic(target, "report", protect=[str(claims)])
    assert claims.read_text() == CLAIMS


def test_a_folder_that_cannot_be_written_is_a_usage_error_and_leaves_nothing(tmp_path, monkeypatch):
    import tempfile

    def refused(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(UsageError, match="cannot write .*r.json: Permission denied"):
        write_atomic(tmp_path / "r.json", "x")
    assert os.listdir(tmp_path) == []


# --------------------------------------------------------------------------- the command line, as a process

#: Runs the real command line in a child process, with one function slowed down to wait
#: for a signal: the test then knows the run is exactly where it wants to interrupt it.
DRIVER = """
import os, sys, time
where = sys.argv[1]
import factcheck.engine as engine, factcheck.output as output

def waiting(real):
    def wait(*a, **k):
        sys.stderr.write("READY\\n"); sys.stderr.flush()
        time.sleep(60)
        return real(*a, **k)
    return wait

if where == "computing":
    engine.check_claim = waiting(engine.check_claim)
elif where == "writing":  # the temporary file exists, the rename has not happened
    output.os.fsync = waiting(os.fsync)
else:  # second-report: the first report's temporary file is written, the second's being written
    real_fsync, calls = os.fsync, []
    def second(fd):
        calls.append(fd)
        return waiting(real_fsync)(fd) if len(calls) == 2 else real_fsync(fd)
    output.os.fsync = second
sys.argv = ["factcheck", *sys.argv[2:]]
from factcheck.cli import main
main()
"""


def snapshot(*paths: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}


def run_until_ready(folder: Path, where: str, args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, where, *args],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stderr.readline()
    assert line == "READY\n", line + proc.stderr.read()
    return proc


@pytest.mark.parametrize("where", ["computing", "writing"])
@pytest.mark.parametrize(
    ("sig", "code", "word"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated"), (signal.SIGHUP, 129, "hung up"), (signal.SIGQUIT, 131, "quit")],
)
def test_an_interrupted_run_leaves_the_previous_report_and_says_so(tmp_path, where, sig, code, word):
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("the previous report")
    before = snapshot(tmp_path / "claims.yaml", report)

    proc = run_until_ready(tmp_path, where, ["verify", "-f", "json", "-o", "out/report.json"])
    if where == "writing":
        assert len(os.listdir(report.parent)) == 2  # the report and the temporary file
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)

    assert proc.returncode == code, err
    assert err.strip().splitlines()[-1] == f"factcheck: {word}"
    assert "Traceback" not in err and out == ""
    assert snapshot(tmp_path / "claims.yaml", report) == before
    assert os.listdir(report.parent) == ["report.json"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_several_reports_are_all_new_or_all_old(tmp_path, sig):
    """Interrupted while the second report is written: the first was not renamed yet."""
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.json", "b.sarif"):
        (out / name).write_text(f"the previous {name}")
    before = snapshot(out / "a.json", out / "b.sarif")
    proc = run_until_ready(tmp_path, "second-report", ["verify", "-f", "concise", "--report", "json:out/a.json", "--report", "sarif:out/b.sarif"])
    assert len(os.listdir(out)) == 4  # two reports, two temporary files
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig
    assert snapshot(out / "a.json", out / "b.sarif") == before
    assert sorted(os.listdir(out)) == ["a.json", "b.sarif"]


def test_a_completed_run_replaces_the_report_and_writes_no_input(tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS)
    report = tmp_path / "report.json"
    report.write_text("the previous report")
    before = snapshot(claims)
    time.sleep(0.01)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "verify", "-f", "json", "-o", "report.json"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 1, out.stderr
    assert '"exit_code": 1' in report.read_text()
    assert snapshot(claims) == before
    assert sorted(os.listdir(tmp_path)) == ["claims.yaml", "report.json"]


def test_the_claims_file_cannot_be_the_output(tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS)
    before = snapshot(claims)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "verify", "claims.yaml", "-o", "./claims.yaml"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 2
    assert "cannot write claims.yaml: it is claims.yaml, an input of this run" in out.stderr
    assert snapshot(claims) == before
