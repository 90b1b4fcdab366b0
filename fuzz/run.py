"""Fuzz the claims loader, the expression language and Inline XBRL continuations for a bounded time.

    python fuzz/run.py                          # every target, 60 s each
    python fuzz/run.py loader --seconds 600     # one target, longer
    python fuzz/run.py all --seconds 20         # what .ci/run does

With atheris (``pip install '.[fuzz]'``), each target runs coverage-guided under
libFuzzer in a child process of its own, with ``-timeout=2`` (one input that takes
more than 2 s is reported as a hang) and ``-rss_limit_mb`` (memory), starting from
the seeds: the hostile corpus, the conformance files, the bundled claims.yaml and
the expressions they hold, with fuzz/claims.dict for the language's words. Without
atheris, hypothesis generates inputs from the same seeds for the same time.

Whatever fails is written to test-artifacts/fuzz/ (the input that did it) and the
command exits 1; it prints how many inputs each target ran. The targets themselves
are in fuzz/targets.py.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "test-artifacts" / "fuzz"
sys.path[:0] = [str(ROOT), str(HERE)]

PER_INPUT_TIMEOUT_S = 2
#: the targets of fuzz/targets.py, in the order they run
TARGET_NAMES = ("loader", "expression", "continuations")
RSS_LIMIT_MB = 2048  # the whole fuzzing process; one input is bounded by the timeout


def seeds() -> dict[str, list[bytes]]:
    """Inputs to start from, for each target."""
    files = [ROOT / "claims.yaml", *sorted((ROOT / "tests" / "conformance").rglob("*.yaml"))]
    files += [p for p in sorted((ROOT / "tests" / "hostile").iterdir()) if p.stat().st_size < 64 * 1024]
    loader = [p.read_bytes() for p in files if p.name != "expected.yaml"]
    expressions = {b"capex / profit\x002.5 years", b"growth(129.073 bn CNY, 136.09 bn CNY)\x005%"}
    for data in loader:
        for m in re.finditer(rb"(?:check|stated|value): *'?([^'\n{}]+?)'?(?:,|\}|\n)", data):
            expressions.add(m.group(1).strip())
    return {"loader": loader, "expression": sorted(expressions), "continuations": continuation_seeds()}


def continuation_seeds() -> list[bytes]:
    """Continuation graphs (three bytes an element: see targets.continuation_document):
    a chain, one shared by many facts (the fan-out of issue 25), a loop, a tree whose
    branches meet, a dangling end, continuations nested in facts and in each other."""
    fact, cont, inside = 0, 1, 4
    none = 12  # past the last id (targets.GRAPH_IDS): no continuedAt
    chain = bytes([fact, 0, 1, cont, 1, 2, cont, 2, 3, cont, 3, none])
    fan_out = b"".join(bytes([fact, i, 0]) for i in range(40)) + b"".join(bytes([cont, j, j + 1]) for j in range(11))
    loop = bytes([fact, 0, 1, cont, 1, 2, cont, 2, 1])
    tree = bytes([fact, 0, 1, fact, 1, 2, cont, 1, 3, cont, 2, 3, cont, 3, none])
    dangling = bytes([fact, 0, 5, cont, 1, none])
    nested = bytes([fact, 0, 1, cont | inside, 1, 2, fact | inside, 2, 2, cont | inside, 2, 0, cont, 3, 1])
    return [chain, fan_out, loop, tree, dangling, nested, chain + fan_out + loop + tree + dangling + nested]


def dictionary() -> list[bytes]:
    """The words of fuzz/claims.dict, its \\xHH escapes undone."""
    words = re.findall(r'^"(.*)"$', (HERE / "claims.dict").read_text("ascii"), re.M)
    return [re.sub(rb"\\x([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), w.encode("ascii")) for w in words]


# --------------------------------------------------------------------------- atheris


def child(target: str, libfuzzer_args: list[str]) -> None:
    """Runs inside the child process: one target under libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["factcheck"]):
        import targets  # noqa: F401  (imports factcheck, instrumented)
        import factcheck.engine, factcheck.expr, factcheck.functions, factcheck.interval  # noqa: E401,F401
        import factcheck.load, factcheck.quantity, factcheck.verdict, factcheck.reporters.concise  # noqa: E401,F401
        import factcheck.reporters.json_report, factcheck.reporters.terminal  # noqa: E401,F401
        import factcheck.filing.reader  # noqa: F401  (the continuations target imports it lazily)
    fn = targets.TARGETS[target]
    targets.facts_document()  # build the shared facts once, outside the measured inputs
    atheris.Setup([sys.argv[0], *libfuzzer_args], fn)
    atheris.Fuzz()


def with_atheris(target: str, seconds: int) -> tuple[bool, int]:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, seed_dir = Path(tmp) / "corpus", Path(tmp) / "seeds"
        corpus.mkdir()
        seed_dir.mkdir()
        for i, data in enumerate(seeds()[target]):
            (seed_dir / f"seed-{i:04d}").write_bytes(data)
        args = [
            f"-max_total_time={seconds}",
            f"-timeout={PER_INPUT_TIMEOUT_S}",
            f"-rss_limit_mb={RSS_LIMIT_MB}",
            f"-dict={HERE / 'claims.dict'}",
            f"-artifact_prefix={OUT}/{target}-",
            "-max_len=65536",
            "-print_final_stats=1",
            str(corpus),
            str(seed_dir),
        ]
        proc = subprocess.run(
            [sys.executable, __file__, "--child", target, "--", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    log = proc.stdout + proc.stderr
    (OUT / f"{target}.log").write_text(log)
    runs = re.search(r"stat::number_of_executed_units: (\d+)", log)
    ok = proc.returncode == 0
    if not ok:
        print(log[-4000:], file=sys.stderr)
    return ok, int(runs.group(1)) if runs else 0


# --------------------------------------------------------------------------- hypothesis, when atheris is not there


def with_hypothesis(target: str, seconds: int) -> tuple[bool, int]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import targets

    fn = targets.TARGETS[target]
    start = seeds()[target]

    words = dictionary()

    def mutated(data: bytes) -> st.SearchStrategy[bytes]:
        # cut, splice and insert bytes and the language's words into a seed
        piece = st.one_of(st.binary(max_size=8), st.sampled_from(words))
        return st.tuples(st.integers(0, len(data)), st.integers(0, 16), piece).map(
            lambda t: data[: t[0]] + t[2] + data[t[0] + t[1] :]
        )

    inputs = st.one_of(st.binary(max_size=512), st.sampled_from(start).flatmap(mutated))
    count = 0

    @settings(max_examples=200, deadline=PER_INPUT_TIMEOUT_S * 1000, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def run(data: bytes) -> None:
        nonlocal count
        count += 1
        try:
            fn(data)
        except BaseException:
            OUT.mkdir(parents=True, exist_ok=True)
            (OUT / f"{target}-crash-{count}").write_bytes(data)
            raise

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            run()
        except Exception as e:  # hypothesis has shrunk it and shows the input
            print(f"{target}: {type(e).__name__}: {e}", file=sys.stderr)
            return False, count
    return True, count


# --------------------------------------------------------------------------- main


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[4:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("target", nargs="?", default="all", choices=["all", *TARGET_NAMES])
    ap.add_argument("--seconds", type=int, default=60, help="per target (default 60)")
    ap.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    args = ap.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    run = with_atheris if engine == "atheris" else with_hypothesis
    failed = False
    for target in TARGET_NAMES if args.target == "all" else [args.target]:
        start = time.monotonic()
        ok, runs = run(target, args.seconds)
        took = time.monotonic() - start
        print(f"fuzz {target} ({engine}): {runs:,} inputs in {took:.0f} s: {'nothing found' if ok else 'FAILED'}")
        failed |= not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
