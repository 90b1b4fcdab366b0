"""Benchmarks: start-up against its floor, throughput at 1k/10k/100k claims, memory, scaling.

    python bench/run.py            # all of it (a few minutes), table + bench/latest.json
    python bench/run.py --quick    # start-up and 1k/10k only
    python bench/run.py --check    # exit 1 when a target is missed
    python bench/run.py --startup  # start-up only, printed (bench/latest.json left as it is)

Every number is the median of repeated runs of the installed `factcheck` as a
subprocess (the way pre-commit and CI meet it), next to a floor measured in the same
run: the bare imports any such CLI pays for.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TARGETS = {
    "version_ratio": 1.3,
    "verify_ratio": 1.3,
    "t_10k": 2.0,
    "parse_ratio_10k": 3.0,
    "t_100k": 20.0,
    "scaling": 11.0,
    "mem_100k_mb": 250.0,
}


#: as a user's install runs: pip writes bytecode at install time, so the floor's libraries
#: load from .pyc; ours must too (an editable install under PYTHONDONTWRITEBYTECODE=1
#: would otherwise compile every module from source at every start)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def median_run(cmd: list[str], cwd: Path, repeat: int, warmup: int = 1) -> dict:
    for _ in range(warmup):
        run_once(cmd, cwd)
    walls, mems, codes = [], [], set()
    for _ in range(repeat):
        w, m, c = run_once(cmd, cwd)
        walls.append(w)
        mems.append(m)
        codes.add(c)
    return {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
            "peak_mb": max(mems), "runs": repeat, "exit_codes": sorted(codes)}


def factcheck_cmd() -> list[str]:
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "factcheck"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip 100k claims")
    ap.add_argument("--repeat", type=int, default=15, help="runs per start-up measurement")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--startup", action="store_true", help="start-up only, printed; latest.json is not written")
    ap.add_argument("--json", type=Path, default=HERE / "latest.json")
    args = ap.parse_args()

    fc = factcheck_cmd()
    py = sys.executable
    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        },
        "date": time.strftime("%Y-%m-%d"),
    }
    r = args.repeat
    startup = {
        "floor_typer": median_run([py, "-c", "import typer"], ROOT, r),
        "version": median_run([*fc, "--version"], ROOT, r),
        "floor_verify": median_run([py, "-c", "import typer, rich, yaml, pint"], ROOT, r),
        "verify_bundled": median_run([*fc, "verify", "claims.yaml"], ROOT, r),
    }
    results["startup"] = startup
    version_ratio = startup["version"]["median_s"] / startup["floor_typer"]["median_s"]
    verify_ratio = startup["verify_bundled"]["median_s"] / startup["floor_verify"]["median_s"]
    if args.startup:
        print_startup(results, version_ratio, verify_ratio)
        ok = version_ratio <= TARGETS["version_ratio"] and verify_ratio <= TARGETS["verify_ratio"]
        return 1 if args.check and not ok else 0

    sizes = [1_000, 10_000] + ([] if args.quick else [100_000])
    throughput = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"bench-{n}.claims.yaml"
            path.write_text(generate(n), encoding="utf-8")
            repeat = 5 if n <= 10_000 else 3
            warm = 0 if n > 10_000 else 1
            # as a pipeline runs it: the default report (one line a claim) to a file
            m = median_run([*fc, "verify", "-o", str(Path(tmp) / "out.txt"), str(path)], ROOT, repeat, warm)
            # and the JSON report, which tools read
            j = median_run([*fc, "verify", "-f", "json", "-o", str(Path(tmp) / "out.json"), str(path)], ROOT, repeat, warm)
            m["claims"] = n
            m["claims_per_s"] = n / m["median_s"]
            m["file_mb"] = path.stat().st_size / 2**20
            m["json"] = j
            # the floor of a tool that reads the file at all: libyaml's parse of it
            # (PyYAML's C loader), in a process of its own like verify
            parse = ("import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)")
            m["libyaml_parse"] = median_run([py, "-c", parse, str(path)], ROOT, repeat, warm)
            throughput[str(n)] = m
    results["throughput"] = throughput
    scaling = throughput["100000"]["median_s"] / throughput["10000"]["median_s"] if "100000" in throughput else None
    t10k = throughput["10000"]
    parse_ratio = t10k["median_s"] / t10k["libyaml_parse"]["median_s"]
    parse_ratio_json = t10k["json"]["median_s"] / t10k["libyaml_parse"]["median_s"]
    results["derived"] = {"version_ratio": version_ratio, "verify_ratio": verify_ratio, "scaling_100k_10k": scaling,
                          "parse_ratio_10k": parse_ratio, "parse_ratio_10k_json": parse_ratio_json}

    checks = {
        f"factcheck --version <= {TARGETS['version_ratio']}x floor": version_ratio <= TARGETS["version_ratio"],
        f"factcheck verify (bundled) <= {TARGETS['verify_ratio']}x floor": verify_ratio <= TARGETS["verify_ratio"],
        f"10,000 claims <= {TARGETS['t_10k']} s": throughput["10000"]["median_s"] <= TARGETS["t_10k"],
        f"10,000 claims <= {TARGETS['parse_ratio_10k']}x libyaml's parse of the file (either report)":
            max(parse_ratio, parse_ratio_json) <= TARGETS["parse_ratio_10k"],
    }
    if "100000" in throughput:
        checks[f"100,000 claims <= {TARGETS['t_100k']} s"] = throughput["100000"]["median_s"] <= TARGETS["t_100k"]
        checks[f"scaling 100k/10k <= {TARGETS['scaling']}x"] = scaling <= TARGETS["scaling"]
        worst = max(throughput["100000"]["peak_mb"], throughput["100000"]["json"]["peak_mb"])
        checks[f"peak memory at 100,000 <= {TARGETS['mem_100k_mb']:.0f} MB (either report)"] = worst <= TARGETS["mem_100k_mb"]
    results["targets"] = checks

    print_table(results)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.json}")
    return 1 if args.check and not all(checks.values()) else 0


def print_startup(res: dict, version_ratio: float, verify_ratio: float) -> None:
    m = res["machine"]
    print(f"machine: {m['processor']}, {m['cpus']} cores, Python {m['python']}, {m['platform']} ({res['date']})\n")
    s = res["startup"]
    print("| start-up | median | floor | ratio |")
    print("|---|---|---|---|")
    print(f"| `factcheck --version` | {s['version']['median_s'] * 1000:.0f} ms | {s['floor_typer']['median_s'] * 1000:.0f} ms (`import typer`) | {version_ratio:.2f}x |")
    print(f"| `factcheck verify` (bundled) | {s['verify_bundled']['median_s'] * 1000:.0f} ms | {s['floor_verify']['median_s'] * 1000:.0f} ms (`import typer, rich, yaml, pint`) | {verify_ratio:.2f}x |")
    print()


def print_table(res: dict) -> None:
    print_startup(res, res["derived"]["version_ratio"], res["derived"]["verify_ratio"])
    print("| claims | file | verify (median wall) | claims/s | peak memory | with `-f json` |")
    print("|---|---|---|---|---|---|")
    for n, t in res["throughput"].items():
        j = t["json"]
        print(
            f"| {int(n):,} | {t['file_mb']:.1f} MB | {t['median_s']:.2f} s | {t['claims_per_s']:,.0f} | "
            f"{t['peak_mb']:.0f} MB | {j['median_s']:.2f} s, {j['peak_mb']:.0f} MB |"
        )
    d = res["derived"]
    if d.get("parse_ratio_10k"):
        lib = res["throughput"]["10000"]["libyaml_parse"]["median_s"]
        print(f"10,000 claims against libyaml's parse of the file ({lib:.2f} s): "
              f"{d['parse_ratio_10k']:.2f}x, with `-f json` {d['parse_ratio_10k_json']:.2f}x")
    if res["derived"]["scaling_100k_10k"]:
        print(f"\nscaling time(100k) / time(10k): {res['derived']['scaling_100k_10k']:.1f}x")
    print()
    for name, ok in res["targets"].items():
        print(f"{'PASS' if ok else 'MISS'}  {name}")


if __name__ == "__main__":
    sys.exit(main())
