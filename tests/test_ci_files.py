"""The integration files, read by their own consumers: pre-commit reads the hook
manifest, SchemaStore's schemas (vendored in check-jsonschema) read action.yml and the
example workflows; the action's script runs as GitHub runs it; the README's snippets
are the example files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

FAILING = "version: 1\nclaims:\n  - {id: ok, check: 1 + 1, stated: 2}\n  - {id: bad, check: 1 + 1, stated: 5}\n"
BIN = str(Path(sys.executable).parent)  # where pip put the factcheck command


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)], capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "schema, path",
    [
        ("vendor.github-actions", "action.yml"),
        ("vendor.github-workflows", "examples/github-actions.yml"),
        ("vendor.gitlab-ci", "examples/gitlab-ci.yml"),
    ],
)
def test_ci_files_validate_against_their_published_schemas(schema, path, tmp_path):
    ok = check_jsonschema(schema, ROOT / path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # and the check can fail: the same file with its first mapping key misspelt
    broken = tmp_path / Path(path).name
    text = (ROOT / path).read_text()
    broken.write_text(re.sub(r"^(runs|jobs|  script):", r"\1x:", text, count=1, flags=re.M))
    assert check_jsonschema(schema, broken).returncode != 0


def test_pre_commit_reads_the_hook_manifest_and_the_example_config():
    from pre_commit.clientlib import load_config, load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "factcheck" and hook["language"] == "python" and hook["pass_filenames"]
    (repo,) = load_config(str(ROOT / "examples" / "pre-commit-config.yaml"))["repos"]
    assert [h["id"] for h in repo["hooks"]] == ["factcheck"]


@pytest.mark.parametrize(
    "name, matched",
    [
        ("claims.yaml", True),
        ("articles/2025/claims.yml", True),
        ("alibaba.claims.yaml", True),
        ("articles/alibaba.claims.yaml", True),
        ("myclaims.yaml", False),
        ("claims.yaml.bak", False),
        ("claims.json", False),
        ("articles/draft.md", True),
        ("story.markdown", True),
        ("notes.txt", True),
        ("draft.md.bak", False),
        ("draft.docx", False),
    ],
)
def test_the_hook_picks_the_files_verify_picks(name, matched):
    from factcheck.engine import is_claims_file, is_draft

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert bool(re.search(hook["files"], name)) is matched  # pre-commit matches with re.search
    assert (is_claims_file(Path(name).name) or is_draft(name)) is matched


def test_the_hook_entry_runs_on_the_files_pre_commit_passes(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (tmp_path / "a.claims.yaml").write_text(FAILING)
    (tmp_path / "claims.yaml").write_text(FAILING.replace("stated: 5", "stated: 2"))
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    entry = hook["entry"].split()
    bad = subprocess.run([*entry, "a.claims.yaml", "claims.yaml"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and "a.claims.yaml:4:5: fail bad" in bad.stdout
    good = subprocess.run([*entry, "claims.yaml"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr


GROWTH_CLAIMS = """version: 1
article:
  title: Results
  draft: articles/draft.md
claims:
  - id: revenue-growth
    says: revenue rose 24.6% to 136.09 billion yuan
    check: growth(109.22 bn CNY, 136.09 bn CNY)
    stated: 24.6%
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True)


def test_the_hook_entry_plans_what_a_commit_bears_on(tmp_path, monkeypatch):
    from factcheck.hook import plan

    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims.yaml").write_text(GROWTH_CLAIMS)
    (tmp_path / "articles" / "draft.md").write_text("Revenue rose 24.6% to 136.09 billion yuan.\n")
    (tmp_path / "articles" / "other.md").write_text("No claims file names this one.\n")
    (tmp_path / "x.claims.yaml").write_text("version: 1\narticle: {draft: elsewhere.md}\nclaims: []\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    assert plan(["articles/draft.md"]) == ["claims.yaml"]
    assert plan(["articles/other.md", "x.claims.yaml"]) == ["x.claims.yaml", "articles/other.md"]
    assert plan(["articles/draft.md", "claims.yaml"]) == ["claims.yaml"]  # once
    assert plan(["gone.md"]) == []  # a staged deletion


def try_repo(repo: Path, home: Path, source: Path) -> subprocess.CompletedProcess[str]:
    """pre-commit's own `try-repo`: the hook of factcheck's repository (``source``, a clean
    checkout) on what ``repo`` has staged, as the example config's `repo:` would run it."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return subprocess.run(
        [os.path.join(BIN, "pre-commit"), "try-repo", str(source), "factcheck"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def test_pre_commit_try_repo_checks_a_commit_that_stages_only_a_draft(tmp_path, clean_checkout):
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    (repo / "claims.yaml").write_text(GROWTH_CLAIMS)
    (repo / "articles" / "draft.md").write_text("Revenue rose 24.6% to 136.09 billion yuan.\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the article")
    # only the draft changes, and its figure is wrong now: the hook runs the claims file that names it
    (repo / "articles" / "draft.md").write_text("Revenue rose 26.4% to 136.09 billion yuan.\n")
    git(repo, "add", "articles/draft.md")
    bad = try_repo(repo, tmp_path / "home", clean_checkout)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "factcheck" in bad.stdout and "Failed" in bad.stdout
    assert "articles/draft.md:1:14: fail revenue-growth: the draft says 26.4%; claims.yaml uses 24.6% (stated)" in bad.stdout
    # the draft right again, with a new sentence: the hook runs and passes
    (repo / "articles" / "draft.md").write_text("Revenue rose 24.6% to 136.09 billion yuan.\n\nAnalysts were pleased.\n")
    git(repo, "add", "articles/draft.md")
    good = try_repo(repo, tmp_path / "home", clean_checkout)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"factcheck\.+Passed", good.stdout), good.stdout


def test_the_hook_checks_a_draft_no_claims_file_names_by_inference(tmp_path):
    (tmp_path / "story.md").write_text("Profit rose 20% to 11.0 billion yuan, from 10.0 billion.\n")
    git(tmp_path, "init", "-q")
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    done = subprocess.run([*hook["entry"].split(), "story.md"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "story.md:1:" in done.stdout and "inferred growth" in done.stdout, done.stdout
    (tmp_path / "story.md").write_text("Profit rose 10% to 11.0 billion yuan, from 10.0 billion.\n")
    done = subprocess.run([*hook["entry"].split(), "story.md"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


# --------------------------------------------------------------------------- the composite action


def action_step(step_id: str) -> dict:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    return next(s for s in action["runs"]["steps"] if s.get("id") == step_id)


def run_action(tmp_path: Path, inputs: dict[str, str], bin_dir: str = BIN) -> tuple[int, dict[str, str], str]:
    """The verify step as the runner runs it: inputs through `env:`, `bash -eo pipefail`;
    ``bin_dir``: where the step finds factcheck (what the install step put on the PATH)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    values = {k: v.get("default", "") for k, v in action["inputs"].items()} | inputs
    step = action_step("verify")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    for key, expr in step["env"].items():
        m = re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", expr)
        assert m, expr
        env[key] = values[m.group(1)]
    output, summary = tmp_path / "output.txt", tmp_path / "summary.md"
    output.write_text("")
    summary.write_text("")
    env |= {"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    script = tmp_path / "step.sh"
    script.write_text(step["run"])
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=tmp_path / "repo", env=env, capture_output=True, text=True)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return done.returncode, outputs, done.stdout + summary.read_text()


@pytest.fixture
def checkout(tmp_path):
    repo = tmp_path / "repo"
    (repo / "articles" / "two words").mkdir(parents=True)
    (repo / "articles" / "claims.yaml").write_text(FAILING)
    (repo / "articles" / "two words" / "x.claims.yaml").write_text(FAILING.replace("stated: 5", "stated: 2"))
    return repo


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_action_annotates_writes_sarif_and_fails_the_step(tmp_path, checkout):
    code, outputs, text = run_action(tmp_path, {"paths": "articles/claims.yaml\n  articles/two words\n", "sarif-file": "fc.sarif"})
    assert code == 1 and outputs == {"exit-code": "1", "sarif-file": "fc.sarif"}
    assert "::error file=articles/claims.yaml,line=4,col=5,title=factcheck%3A fail bad::" in text
    assert "### factcheck ✗ 4 claims" in text  # the job summary
    assert (checkout / "fc.sarif").read_text().startswith("{")


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_action_inputs_reach_factcheck(tmp_path, checkout):
    (checkout / "claims.yaml").write_text(FAILING)
    code, outputs, text = run_action(tmp_path, {"fail-on": "never", "step-summary": "false"})
    assert code == 0 and outputs == {"exit-code": "0"}
    assert "::error file=claims.yaml" in text and "### factcheck" not in text
    code, outputs, text = run_action(tmp_path, {"paths": "articles/claims.yaml", "fail-on": "sometimes"})
    assert code == 2 and outputs == {"exit-code": "2"}


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_action_require_coverage_input_fails_a_draft_with_an_uncovered_figure(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "claims.yaml").write_text(
        "version: 1\narticle: {draft: draft.md}\nclaims:\n"
        "  - {id: growth, tags: [revenue], check: 'growth(129.073 bn CNY, 136.09 bn CNY)', stated: 5%}\n"
        "  - {id: other, check: '2 + 2', stated: 9}\n"
    )
    (repo / "draft.md").write_text("Revenue rose 5% to 136.09 billion yuan. The company hired 300 engineers.\n")
    inputs = {"only": "revenue\n", "report": "json:reports/fc.json\nmarkdown:reports/fc.md\n"}
    code, outputs, text = run_action(tmp_path, inputs)
    assert code == 0 and outputs == {"exit-code": "0"}, text  # only: the failing claim is left out
    assert "::error" not in text and sorted(os.listdir(repo / "reports")) == ["fc.json", "fc.md"]
    assert [r["id"] for r in json.loads((repo / "reports" / "fc.json").read_text())["results"]] == ["growth"]
    code, outputs, text = run_action(tmp_path, {**inputs, "require-coverage": "true"})
    assert code == 1 and outputs == {"exit-code": "1"}
    assert "::error file=draft.md,line=1,col=59," in text and "300 engineers" in text
    # the config asks for coverage; the input can turn it off, and a bad value stops the step
    (repo / "factcheck.toml").write_text("[tool.factcheck]\nrequire-coverage = true\nonly = ['revenue']\n")
    assert run_action(tmp_path, {})[0] == 1
    assert run_action(tmp_path, {"require-coverage": "false"})[0] == 0
    code, outputs, text = run_action(tmp_path, {"require-coverage": "yes"})
    assert code == 2 and outputs == {"exit-code": "2"} and "require-coverage should be true or false" in text


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_action_infer_input(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "claims.yaml").write_text("version: 1\narticle: {draft: draft.md}\nclaims:\n  - {id: two, check: '1 + 1', stated: 2}\n")
    (repo / "draft.md").write_text("Profit rose 20% to 11.0 billion yuan, from 10.0 billion.\n")
    assert run_action(tmp_path, {})[0] == 0
    code, outputs, text = run_action(tmp_path, {"infer": "true"})
    assert code == 1 and "::error file=draft.md,line=1," in text, text
    (repo / "factcheck.toml").write_text("infer = true\n")
    assert run_action(tmp_path, {})[0] == 1 and run_action(tmp_path, {"infer": "false"})[0] == 0


def _python3_dir() -> str:
    """A folder whose python3 is the interpreter running the tests (the runner's setup-python)."""
    return str(Path(sys.executable).parent)


def install_step_of_the_action(tmp_path: Path, action_path: Path) -> Path:
    """The action's install step as the runner runs it, with ``github.action_path`` the
    action's checkout: the folder it adds to the PATH (where factcheck is now)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    (step,) = [s for s in action["runs"]["steps"] if s.get("name") == "Install factcheck"]
    assert step["env"] == {"ACTION_PATH": "${{ github.action_path }}"}  # its own checkout, not the package index
    temp, path_file = tmp_path / "runner-temp", tmp_path / "github-path.txt"
    temp.mkdir()
    path_file.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "VIRTUAL_ENV", "PIP_REQUIRE"))}
    env |= {"ACTION_PATH": str(action_path), "RUNNER_TEMP": str(temp), "GITHUB_PATH": str(path_file),
            "PATH": _python3_dir() + os.pathsep + os.environ.get("PATH", "")}
    script = tmp_path / "install.sh"
    script.write_text(step["run"])
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (added,) = path_file.read_text().splitlines()
    return Path(added)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_example_workflow_runs_the_action_from_factchecks_checkout(tmp_path, checkout, clean_checkout):
    """examples/github-actions.yml checks out factcheck's repository beside the articles
    and uses it as an action, which installs factcheck from that checkout (its
    github.action_path), not from the package index, where it is not."""
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text())
    steps = workflow["jobs"]["factcheck"]["steps"]
    assert not [s for s in steps if "pip install" in s.get("run", "")]
    (fetch,) = [s for s in steps if s.get("uses", "").startswith("actions/checkout") and "repository" in s.get("with", {})]
    assert fetch["with"]["repository"] == "${{ env.FACTCHECK_REPOSITORY }}" and fetch["with"]["ref"] == "${{ env.FACTCHECK_REF }}"
    (use,) = [s for s in steps if s.get("uses") == "./" + fetch["with"]["path"]]
    guard = steps[0]  # an unset repository is said, before anything runs
    assert guard["if"] == "env.FACTCHECK_REPOSITORY == ''" and "::error" in guard["run"]
    assert set(use["with"]) <= set(yaml.safe_load((ROOT / "action.yml").read_text())["inputs"])
    # the runner: the articles checked out, factcheck's repository (a clean checkout) at the path
    bin_dir = install_step_of_the_action(tmp_path, clean_checkout)
    assert (bin_dir / "factcheck").is_file() and str(bin_dir).startswith(str(tmp_path))
    inputs = {k: str(v) for k, v in use["with"].items()}
    code, outputs, text = run_action(tmp_path, inputs, bin_dir=str(bin_dir))
    assert code == 1 and outputs == {"exit-code": "1", "sarif-file": "factcheck.sarif"}, text
    assert "::error file=articles/claims.yaml,line=4,col=5,title=factcheck%3A fail bad::" in text
    assert json.loads((checkout / "factcheck.sarif").read_text())["runs"][0]["tool"]["driver"]["name"] == "factcheck"


def run_gitlab_job(repo: Path, bin_dir: Path, source: str | None) -> subprocess.CompletedProcess[str]:
    """The job's script as GitLab's shell runs it, in ``repo``, with ``bin_dir`` (a fresh
    environment: the image's Python) first on the PATH, FACTCHECK_SOURCE as a CI/CD variable."""
    job = yaml.safe_load((ROOT / "examples" / "gitlab-ci.yml").read_text())["factcheck"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "FACTCHECK_"))}
    env["PATH"] = str(bin_dir) + os.pathsep + os.environ.get("PATH", "")
    if source is not None:
        env["FACTCHECK_SOURCE"] = source
    script = "set -eo pipefail\n" + "\n".join(job["script"]) + "\n"
    return subprocess.run(["bash", "--noprofile", "--norc", "-c", script], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="the job runs bash and pip's git")
def test_the_gitlab_example_installs_from_the_repository_and_writes_its_reports(tmp_path, checkout, clean_checkout):
    import venv

    image = tmp_path / "image"
    venv.EnvBuilder(with_pip=True).create(image)
    bin_dir = image / "bin"
    # without the variable, the job says what to set, and installs nothing
    done = run_gitlab_job(checkout, bin_dir, None)
    assert done.returncode == 1 and "set the CI/CD variable FACTCHECK_SOURCE" in done.stdout
    assert not (bin_dir / "factcheck").exists()
    commit = subprocess.run(["git", "-C", str(clean_checkout), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    done = run_gitlab_job(checkout, bin_dir, f"git+{clean_checkout.as_uri()}@{commit}")
    assert done.returncode == 1, done.stdout + done.stderr  # the failing claim fails the job
    assert (bin_dir / "factcheck").is_file()
    junit = (checkout / "factcheck-junit.xml").read_text()
    assert '<testcase classname="articles/claims.yaml" name="bad"' in junit and "<failure" in junit
    assert "bad" in (checkout / "factcheck.md").read_text()


def test_the_pre_commit_example_names_factchecks_repository_and_its_hook():
    """The example's hook is the manifest's, from factcheck's repository (which
    test_pre_commit_try_repo_checks_a_commit_that_stages_only_a_draft runs with pre-commit's
    own try-repo, from a clean checkout); its `repo:` is a placeholder that cannot resolve."""
    from urllib.parse import urlsplit

    config = yaml.safe_load((ROOT / "examples" / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert urlsplit(repo["repo"]).hostname.endswith(".example.org")  # RFC 2606: never a stranger's code
    assert repo["rev"] and repo["hooks"] == [{"id": "factcheck"}]
    (manifest,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert manifest["id"] == "factcheck" and manifest["language"] == "python"


def test_the_action_passes_inputs_only_through_the_environment():
    action = (ROOT / "action.yml").read_text()
    for step in yaml.safe_load(action)["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")
    subprocess.run(["bash", "-n"], input=action_step("verify")["run"], text=True, check=True)


# --------------------------------------------------------------------------- the docs


def test_the_ci_page_shows_the_example_files_as_they_are():
    """docs/ci.md shows each example pipeline whole, as the file its reader copies."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    shown = dict(re.findall(r"```yaml ([\w./-]+)\n(.*?)```", text, flags=re.S))
    for name, copy in (("github-actions.yml", ".github/workflows/factcheck.yml"), ("gitlab-ci.yml", ".gitlab-ci.yml"),
                       ("pre-commit-config.yaml", ".pre-commit-config.yaml")):
        assert shown[copy] == (ROOT / "examples" / name).read_text(encoding="utf-8"), name
