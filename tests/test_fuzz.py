"""The fuzzing targets, in the test suite: every seed, then a short budget of generated
inputs, then fuzz/run.py itself for a second a target (CI runs it longer: .ci/run)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))

import run as fuzz_run  # noqa: E402
import targets  # noqa: E402

SEEDS = fuzz_run.seeds()


@pytest.mark.parametrize("target", fuzz_run.TARGET_NAMES)
def test_every_seed_holds(target):
    assert len(SEEDS[target]) > (5 if target == "continuations" else 40)
    for data in SEEDS[target]:
        targets.TARGETS[target](data)


WORDS = fuzz_run.dictionary()


@st.composite
def spliced(draw, target: str) -> bytes:
    data = draw(st.sampled_from(SEEDS[target]))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 8))
        data = data[:at] + draw(st.one_of(st.sampled_from(WORDS), st.binary(max_size=4))) + data[at + cut :]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(spliced("loader"), st.binary(max_size=300)))
def test_the_loader_target_on_generated_files(data):
    targets.check_loader(data)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(spliced("expression"), st.text(max_size=60).map(str.encode)))
def test_the_expression_target_on_generated_expressions(data):
    targets.check_expression(data)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(spliced("continuations"), st.binary(max_size=600)))
def test_the_continuations_target_on_generated_graphs(data):
    targets.check_continuations(data)


def test_the_continuations_target_finds_a_chain_shared_by_many_facts(monkeypatch):
    """The fan-out of issue 25 breaks the target's property when each fact copies the
    chain: the target would have found it."""
    from factcheck.filing import ixbrl

    def copying(builder):  # the reader before the fix: every fact follows the whole chain
        out = {}
        for p in builder.pending:
            nxt, texts, seen = p.attrs.get("continuedAt"), ["".join(p.parts)], set()
            while nxt and nxt not in seen and nxt in builder.continuations:
                seen.add(nxt)
                texts.append("".join(builder.continuations[nxt][0]))
                nxt = builder.continuations[nxt][1]
            out[id(p)] = "".join(texts)
        return out

    fan_out = fuzz_run.continuation_seeds()[1]
    targets.check_continuations(fan_out)
    monkeypatch.setattr(ixbrl, "continued_texts", copying)
    with pytest.raises(AssertionError):
        targets.check_continuations(fan_out)


def test_the_fuzzer_runs_for_a_bounded_time_and_finds_nothing():
    out = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "run.py"), "all", "--seconds", "1", "--engine", "hypothesis"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "fuzz loader (hypothesis)", "fuzz expression (hypothesis)", "fuzz continuations (hypothesis)",
    ]
    assert all(line.endswith("nothing found") for line in lines)
