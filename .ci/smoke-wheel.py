"""Use an installed wheel as a user would: run with the python of a fresh virtual
environment that holds only the wheel and its dependencies, from outside the checkout.

    VENV/bin/python -I .ci/smoke-wheel.py WHEEL SOURCE

SOURCE is the checkout, read only for the bundled article (claims.yaml and its draft),
which is copied into an empty folder first: nothing of the source tree is importable.
Every command is the installed `factcheck`; a runtime file missing from the wheel, an
entry point that does not start, or a version that disagrees with the metadata fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

DIST = "factcheck-finance"
BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path, code: int = 0) -> str:
    done = subprocess.run([str(BIN / "factcheck"), *args], cwd=cwd, capture_output=True, text=True)
    shown = " ".join(["factcheck", *args])
    if done.returncode != code:
        sys.exit(f"smoke-wheel: `{shown}` exited {done.returncode}, not {code}\n{done.stdout}{done.stderr}")
    print(f"  ok  {shown}")
    return done.stdout


def expect(ok: bool, what: str) -> None:
    if not ok:
        sys.exit(f"smoke-wheel: {what}")


def main() -> None:
    wheel, source = Path(sys.argv[1]), Path(sys.argv[2])
    expected = wheel.name.split("-")[1]  # name-version-python-abi-platform.whl
    installed = version(DIST)
    expect(installed == expected, f"{DIST} {installed} is installed, the wheel is {expected}")

    # the package comes from the venv, never from the checkout
    import factcheck  # noqa: PLC0415

    where = Path(factcheck.__file__).resolve()
    expect(Path(sys.prefix).resolve() in where.parents, f"factcheck imported from {where}, outside {sys.prefix}")
    expect(factcheck.__version__ == installed, f"__version__ {factcheck.__version__} != metadata {installed}")

    with tempfile.TemporaryDirectory(prefix="factcheck-smoke-") as tmp:
        work = Path(tmp)
        shutil.copy(source / "claims.yaml", work / "claims.yaml")
        (work / "examples" / "alibaba-2025").mkdir(parents=True)
        shutil.copy(source / "examples" / "alibaba-2025" / "draft.md", work / "examples" / "alibaba-2025" / "draft.md")

        # the README's main command, and the version
        expect(run("--version", cwd=work).strip() == f"factcheck {installed}", "--version disagrees with the metadata")
        module = subprocess.run([sys.executable, "-I", "-m", "factcheck", "--version"], cwd=work, capture_output=True, text=True)
        expect(module.stdout.strip() == f"factcheck {installed}", f"python -m factcheck --version: {module.stdout}{module.stderr}")
        text = run("verify", cwd=work)
        expect("claims:" in text and "draft:" in text, f"verify printed no summary with its draft:\n{text}")

        # the JSON report: its tool version, and the whole article checked with its draft
        report = json.loads(run("verify", "-f", "json", cwd=work))
        expect(report["tool"] == {"name": "factcheck", "version": installed}, f"JSON tool: {report['tool']}")
        summary = report["summary"]
        expect(summary["total"] > 0 and summary["total"] == len(report["results"]), f"JSON summary: {summary}")
        expect(summary["fail"] == summary["error"] == summary["problems"] == 0, f"the bundled article: {summary}")
        expect(summary["coverage"]["located"] == summary["total"], f"draft not read: {summary['coverage']}")

        # every report format, written to files at once
        formats = {"html": "r.html", "sarif": "r.sarif", "junit": "r.xml", "markdown": "r.md", "json": "r.json"}
        run("verify", "-f", "concise", *[f"--report={k}:{v}" for k, v in formats.items()], cwd=work)
        html = (work / "r.html").read_text(encoding="utf-8")
        expect(f'content="factcheck {installed}"' in html and "</html>" in html, "the html report is incomplete")
        expect(json.loads((work / "r.sarif").read_text())["runs"][0]["tool"]["driver"]["version"] == installed, "SARIF version")
        expect((work / "r.xml").read_text().startswith("<?xml") and (work / "r.md").read_text().strip(), "junit/markdown")

        # the other commands
        first = report["results"][0]["id"]
        expect(first in run("explain", first, cwd=work), f"explain {first} does not name it")
        schema = json.loads(run("schema", cwd=work))
        expect(schema.get("title", "").startswith("factcheck claims file"), f"schema: {schema.get('title')}")
        expect("growth(" in run("functions", cwd=work), "functions does not list growth")
        fresh = work / "fresh"
        fresh.mkdir()
        run("init", cwd=fresh)
        run("verify", cwd=fresh)
        run("verify", "no-such.yaml", cwd=fresh, code=2)

    print(f"smoke-wheel: {wheel.name} on Python {sys.version.split()[0]}: every command ran from the wheel alone")


if __name__ == "__main__":
    os.environ.pop("PYTHONPATH", None)
    main()
