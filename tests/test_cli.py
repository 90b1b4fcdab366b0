"""The command line through Typer's runner: every exit code, every option."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import __version__
from factcheck.cli import app, main

from conftest import ROOT

PASSING = "version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n"
WARNING = "version: 1\nclaims:\n  - {id: w, check: 'sum(3, 3, 3)', stated: 10}\n"
FAILING = "version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n  - {id: bad, check: 1 + 1, stated: 5}\n"
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def test_exit_0_when_everything_passes(runner, folder):
    (folder / "claims.yaml").write_text(PASSING)
    out = runner.invoke(app, ["verify"])
    assert out.exit_code == 0, out.output
    assert "claims.yaml:3:5: pass ok:" in out.output


def test_exit_1_on_a_failing_claim(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    out = runner.invoke(app, ["verify", "claims.yaml"])
    assert out.exit_code == 1
    assert "claims.yaml:4:5: fail bad:" in out.output


def test_exit_1_on_an_invalid_file(runner, folder):
    (folder / "claims.yaml").write_text("version: 1\nclaims:\n  - {id: a}\n")
    assert runner.invoke(app, ["verify"]).exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["verify", "missing.yaml"],
        ["verify", "--format", "yaml"],
        ["verify", "--fail-on", "sometimes"],
        ["verify", "-o", "claims.yaml/no/out.json"],  # a folder under a file cannot be made
        ["verify", "--only", "nothing-has-this"],
        ["explain", "nope"],
        ["nonsense"],
    ],
)
def test_exit_2_when_the_command_cannot_run(runner, folder, args):
    (folder / "claims.yaml").write_text(PASSING)
    out = runner.invoke(app, args)
    assert out.exit_code == 2, out.output
    assert "Traceback" not in out.output


def test_warnings_fail_only_under_strict(runner, folder):
    (folder / "claims.yaml").write_text(WARNING)
    assert runner.invoke(app, ["verify"]).exit_code == 0
    assert runner.invoke(app, ["verify", "--strict"]).exit_code == 1
    assert runner.invoke(app, ["verify", "--fail-on", "warning"]).exit_code == 1


def test_fail_on_never(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    assert runner.invoke(app, ["verify", "--fail-on", "never"]).exit_code == 0


def test_quiet_shows_only_what_is_not_a_pass(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    out = runner.invoke(app, ["verify", "-q"]).output
    assert " ok:" not in out and " bad:" in out


def test_output_file_is_written_whole_and_nothing_else_is_left(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    (folder / "out").mkdir()
    out = runner.invoke(app, ["verify", "-f", "json", "-o", "out/report.json"])
    assert out.exit_code == 1 and out.output == ""
    data = json.loads((folder / "out" / "report.json").read_text())
    assert data["exit_code"] == 1
    assert os.listdir(folder / "out") == ["report.json"]


def test_output_into_a_folder_path_is_refused(runner, folder):
    (folder / "claims.yaml").write_text(PASSING)
    (folder / "taken").mkdir()
    out = runner.invoke(app, ["verify", "-o", "taken"])
    assert out.exit_code == 2 and "folder" in out.output


def test_json_is_deterministic(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    a = runner.invoke(app, ["verify", "-f", "json"]).output
    b = runner.invoke(app, ["verify", "-f", "json"]).output
    assert a == b and json.loads(a)["schema_version"] == 1


def test_color_follows_no_color_and_force_color(runner, folder, monkeypatch):
    (folder / "claims.yaml").write_text(FAILING)
    plain = runner.invoke(app, ["verify", "-f", "rich"]).output
    assert not ANSI.search(plain) and "✗ fail" in plain and "✓" in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ANSI.search(runner.invoke(app, ["verify", "-f", "rich"]).output)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(runner.invoke(app, ["verify", "-f", "rich"]).output)
    assert ANSI.search(runner.invoke(app, ["verify", "-f", "rich", "--color", "always"]).output)


def test_machine_formats_never_carry_colour(runner, folder):
    (folder / "claims.yaml").write_text(FAILING)
    for fmt in ("json", "concise"):
        assert not ANSI.search(runner.invoke(app, ["verify", "-f", fmt, "--color", "always"]).output)


def test_version(runner):
    out = runner.invoke(app, ["--version"])
    assert out.exit_code == 0 and out.output.strip() == f"factcheck {__version__}"


def test_functions_lists_every_function_with_its_example(runner):
    from factcheck.functions import FUNCTIONS

    out = runner.invoke(app, ["functions"]).output
    for f in FUNCTIONS.values():
        call, result = f.example
        assert f"{call}  ->  {result}" in out


def test_explain_shows_every_step(runner, folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    (folder / "claims.yaml").write_text(
        "version: 1\nfacts:\n  capex: 380 billion CNY\n  profit: 157.479 billion CNY/year\n"
        "claims:\n  - {id: c, check: capex / profit, stated: 2.5 years, tolerance: 5%}\n"
    )
    out = runner.invoke(app, ["explain", "c"])
    assert out.exit_code == 0, out.output
    assert "capex" in out.output and "[379.5 to 380.5 billion CNY]" in out.output
    assert "2.41302 years" in out.output and "pass (tolerance)" in out.output


def test_explain_suggests_a_close_id(runner, folder):
    (folder / "claims.yaml").write_text(PASSING)
    out = runner.invoke(app, ["explain", "okk"])
    assert out.exit_code == 2 and "did you mean 'ok'" in out.output


def test_init_writes_a_starter_that_verifies(runner, folder):
    out = runner.invoke(app, ["init"])
    assert out.exit_code == 0
    text = (folder / "claims.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    assert runner.invoke(app, ["verify"]).exit_code == 0
    assert runner.invoke(app, ["init"]).exit_code == 2


def test_schema_commands_print_json_schemas(runner):
    for args in (["schema"], ["schema", "--report"]):
        out = runner.invoke(app, args)
        assert out.exit_code == 0
        assert json.loads(out.output)["$schema"].startswith("http://json-schema.org/draft-07")


def test_an_internal_fault_is_one_line_unless_debugging(monkeypatch, capsys, folder):
    import factcheck.engine

    (folder / "claims.yaml").write_text(PASSING)

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(factcheck.engine, "run", boom)
    monkeypatch.setattr(sys, "argv", ["factcheck", "verify"])
    with pytest.raises(SystemExit) as e:
        main()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "internal error" in err and "kaboom" in err and "Traceback" not in err
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main()


def test_python_dash_m_is_the_same_program(folder):
    (folder / "claims.yaml").write_text(FAILING)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "factcheck", "verify"], capture_output=True, text=True, env=env)
    assert out.returncode == 1 and "fail bad" in out.stdout


def test_version_does_not_import_the_heavy_libraries():
    code = "import sys; from factcheck.cli import main; sys.argv=['factcheck','--version']\ntry: main()\nexcept SystemExit: pass\nprint(sorted(m for m in ('pint','rich','yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().endswith("[]"), out.stdout + out.stderr


def _factcheck(folder, args, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "factcheck", *args], cwd=folder, env=env, **kw)


def test_a_reader_that_stops_reading_does_not_fail_the_run(folder):
    claims = "".join(f"  - {{id: c{i}, check: {i} + 1, stated: {i + 1}}}\n" for i in range(3000))
    (folder / "claims.yaml").write_text("version: 1\nclaims:\n" + claims)
    for fmt in ("concise", "json"):
        proc = _factcheck(folder, ["verify", "-f", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.read(100)
        proc.stdout.close()  # as `| head -c 100` does
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0, err
        assert b"Traceback" not in err


def test_closed_output_streams_do_not_fail_the_run(folder):
    (folder / "claims.yaml").write_text(PASSING)
    for fd, args in ((2, ["verify", "-o", "out.txt"]), (1, ["verify", "-o", "out.txt"]), (1, ["--version"])):
        proc = _factcheck(folder, args, preexec_fn=lambda fd=fd: os.close(fd))
        assert proc.wait(timeout=60) == 0
    assert "pass ok" in (folder / "out.txt").read_text()
