"""The filing reader: how long each real filing takes to read, and what importing it costs.

    python bench/filing.py [--repeat N] [--check]

Reads the two Apple 10-Ks of tests/data/filings (an XBRL instance and an Inline XBRL
document) in this process, N times each after one warm-up, and prints the median and
the fastest; then the cost of ``import factcheck.filing`` in fresh interpreters (on its
own, and on top of what ``verify`` loads anyway), and whether ``factcheck --version``
and ``factcheck verify`` load it (they must not: it is imported when a filing is read).
Then a 5 MB Inline XBRL document (the Apple 10-K's body repeated until it is 5 MB, its
facts and tables as they are: what a large filer's 10-K weighs) read the same way.
``--check`` exits 1 when an Inline XBRL document (the real one or the 5 MB one) takes
more than a second.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILINGS = ROOT / "tests" / "data" / "filings"
TARGET_IXBRL_S = 1.0
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def read_times(path: Path, repeat: int) -> tuple[float, float, int]:
    """(median seconds, fastest seconds, facts) of reading ``path``."""
    from factcheck.filing import read_filing

    filing = read_filing(path)  # warm-up: the file in the page cache, the regexes compiled
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_filing(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), len(filing.facts)


def five_megabytes(folder: Path) -> Path:
    """The Apple 10-K's Inline XBRL with its body repeated to 5 MB (a large 10-K's size)."""
    text = (FILINGS / "aapl-20240928.ixbrl.html").read_text(encoding="utf-8")
    start = text.index("<body")
    start = text.index(">", start) + 1
    end = text.rindex("</body>")
    head, body, tail = text[:start], text[start:end], text[end:]
    # the hidden header (contexts, units) once; the visible body again and again
    header_end = body.index("</ix:header>")
    visible = body[body.index("</div>", header_end) + len("</div>"):]  # after the hidden div that holds it
    parts = [head, body]
    size = len(head) + len(body) + len(tail)
    while size < 5 * 2**20:
        parts.append(visible)
        size += len(visible)
    path = folder / "five-megabytes.ixbrl.html"
    path.write_text("".join(parts) + tail, encoding="utf-8")
    return path


def import_cost(first: str, repeat: int) -> float:
    """Median seconds of ``import factcheck.filing`` in a fresh interpreter, after ``first``."""
    code = (
        f"import time\n{first}\n"
        "t = time.perf_counter()\nimport factcheck.filing\n"
        "print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(repeat + 1):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, check=True)
        times.append(float(out.stdout))
    return statistics.median(times[1:])


def loads_reader(argv: list[str], cwd: str) -> bool:
    code = (
        "import sys\nfrom factcheck.cli import app\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print(any(m.startswith('factcheck.filing') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=ENV, check=True)
    return out.stdout.strip().splitlines()[-1] == "True"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; median of {args.repeat} runs\n")
    print("| filing | size | facts | read (median) | fastest |")
    print("|---|---|---|---|---|")
    missed = False
    for name in ("aapl-20230930.xbrl.xml", "aapl-20240928.ixbrl.html"):
        path = FILINGS / name
        median, fastest, facts = read_times(path, args.repeat)
        print(f"| `{name}` | {path.stat().st_size / 2**20:.1f} MB | {facts:,} | {median * 1000:.0f} ms | {fastest * 1000:.0f} ms |")
        if name.endswith(".html") and median > TARGET_IXBRL_S:
            missed = True
    with tempfile.TemporaryDirectory() as tmp:
        path = five_megabytes(Path(tmp))
        median, fastest, facts = read_times(path, args.repeat)
        print(f"| 5 MB Inline XBRL (the above, its body repeated) | {path.stat().st_size / 2**20:.1f} MB | {facts:,} | "
              f"{median * 1000:.0f} ms | {fastest * 1000:.0f} ms |")
        missed |= median > TARGET_IXBRL_S
    alone = import_cost("", args.repeat)
    beside = import_cost("import factcheck.cli, factcheck.errors, fractions, datetime", args.repeat)
    print(f"\nimport factcheck.filing: {alone * 1000:.0f} ms in a bare interpreter, {beside * 1000:.0f} ms on top of the command line")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "claims.yaml").write_text("version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n")
        for argv in (["factcheck", "--version"], ["factcheck", "verify", "claims.yaml", "-f", "concise"]):
            loaded = loads_reader(argv, tmp)
            print(f"`{' '.join(argv)}` loads factcheck.filing: {'YES (it must not)' if loaded else 'no'}")
            missed |= loaded
    if args.check and missed:
        print(f"\ntarget missed (Inline XBRL read ≤ {TARGET_IXBRL_S:.0f} s, never loaded at start-up)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
