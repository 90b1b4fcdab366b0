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


@pytest.mark.parametrize("target", ["loader", "expression"])
def test_every_seed_holds(target):
    assert len(SEEDS[target]) > 40
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


def test_the_fuzzer_runs_for_a_bounded_time_and_finds_nothing():
    out = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "run.py"), "all", "--seconds", "1", "--engine", "hypothesis"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["fuzz loader (hypothesis)", "fuzz expression (hypothesis)"]
    assert all(line.endswith("nothing found") for line in lines)
