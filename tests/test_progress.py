"""The progress bar: nothing for a quick run, a bar once a run takes longer."""

from __future__ import annotations

import io
import sys

from rich.console import Console

from factcheck.engine import run
from factcheck.progress import Bar


def test_a_quick_run_shows_nothing_and_imports_nothing(monkeypatch):
    monkeypatch.delitem(sys.modules, "rich.progress", raising=False)
    bar = Bar(delay=60)
    bar.update("claims.yaml", 0.5, 10)
    bar.close()
    assert bar.progress is None and "rich.progress" not in sys.modules


def test_a_long_run_shows_the_file_and_the_claims_checked(write, tmp_path, monkeypatch):
    claims = "".join(f"  - {{id: c{i}, check: {i} + 1, stated: {i + 1}}}\n" for i in range(600))
    write("version: 1\nclaims:\n" + claims)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    bar = Bar(delay=0, console=Console(file=out, force_terminal=True, width=100))
    seen: list[tuple[str, float, int]] = []

    def update(path: str, share: float, done: int) -> None:
        seen.append((path, share, done))
        bar.update(path, share, done)

    report = run([], progress=update)
    bar.close()
    assert len(report.results) == 600
    assert seen[0][2] == 256 and seen[-1] == ("claims.yaml", 1.0, 600)
    assert all(a[1] <= b[1] for a, b in zip(seen, seen[1:]))  # it only moves forward
    assert "claims.yaml" in out.getvalue() and "600 claims" in out.getvalue()
