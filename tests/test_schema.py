"""The claims schema, as an editor's YAML language server uses it: draft-07, a description
and an example on every field (what completion and hover show), examples that are valid,
and the modeline that `factcheck init` writes."""

from __future__ import annotations

import json
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

from factcheck.cli import app
from factcheck.schema import CLAIMS_SCHEMA, SCHEMA_FILE, SCHEMA_ID, modeline

from conftest import ROOT

from test_bundled_claims import _NoDates  # the bundled claims files are validated there


def fields(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every field a claims file can have, with its schema: named properties, and the
    schema of the values of a mapping of names (facts, rates) and of list items."""
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}.{name}", sub
        yield from fields(sub, f"{path}.{name}")
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        yield f"{path}.<name>", extra
        yield from fields(extra, f"{path}.<name>")
    items = schema.get("items")
    if isinstance(items, dict):
        yield from fields(items, f"{path}[]")
    for i, alternative in enumerate(schema.get("anyOf", [])):
        yield from fields(alternative, f"{path}<{i}>")


ALL_FIELDS = list(fields(CLAIMS_SCHEMA))


def test_the_schema_is_draft_07_and_covers_the_newer_keys():
    jsonschema.Draft7Validator.check_schema(CLAIMS_SCHEMA)
    assert CLAIMS_SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    names = {path for path, _ in ALL_FIELDS}
    assert {".ignore_figures", ".claims[].ignore", ".claims[].ignore.reason", ".claims[].ignore.until", ".article.draft"} <= names
    assert len(names) > 30


@pytest.mark.parametrize("path, schema", ALL_FIELDS, ids=[p for p, _ in ALL_FIELDS])
def test_every_field_has_a_description_and_a_valid_example(path, schema):
    assert schema.get("description", "").strip(), f"{path} has no description"
    examples = schema.get("examples")
    assert examples, f"{path} has no example"
    for example in examples:
        jsonschema.validate(example, schema)


def load(text: str) -> Any:
    """YAML as the language server reads it: a date is a string (the schema says so)."""
    return yaml.load(text, Loader=_NoDates)


def test_the_schema_refuses_what_the_loader_refuses():
    good = {"version": 1, "claims": [{"id": "a", "check": "1 + 1", "stated": 2}]}
    jsonschema.validate(good, CLAIMS_SCHEMA)
    for bad in (
        {"version": 2, "claims": []},
        {"version": 1, "claims": [{"id": "a", "chek": "1 + 1", "stated": 2}]},
        {"version": 1, "claims": [{"id": "a", "says": "no check, no source"}]},
        {"version": 1, "claims": [{"id": "Bad Id", "source": "s"}]},
        {"version": 1, "claims": [{"id": "a", "source": "s", "ignore": {"until": "2025-12-31"}}]},
        {"version": 1, "claims": [], "ignore_figures": [""]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, CLAIMS_SCHEMA)


def test_factcheck_schema_prints_the_schema(runner):
    out = runner.invoke(app, ["schema"])
    assert out.exit_code == 0 and json.loads(out.output) == CLAIMS_SCHEMA


@pytest.mark.parametrize("with_draft", [False, True], ids=["init", "init --draft"])
def test_init_writes_the_schema_beside_the_claims_file_and_a_modeline_naming_it(runner, tmp_path, monkeypatch, with_draft):
    """The modeline leads somewhere: to the schema, written beside the claims file (an
    address that nothing serves gave editors no completion)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    args = ["init", "articles/claims.yaml"]
    if with_draft:
        (tmp_path / "draft.md").write_text("Revenue rose 5% to 136.09 billion yuan in 2024.\n", encoding="utf-8")
        args += ["--draft", "draft.md"]
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    assert "wrote articles/claims.schema.json: the claims schema" in out.output
    text = (tmp_path / "articles" / "claims.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}" == modeline()
    assert json.loads((tmp_path / "articles" / SCHEMA_FILE).read_text(encoding="utf-8")) == CLAIMS_SCHEMA
    assert "://" not in text.splitlines()[0] and not SCHEMA_ID.startswith(("http:", "https:"))
    jsonschema.validate(load(text), CLAIMS_SCHEMA)
    # a schema already there is left as it is, unless --force
    (tmp_path / "articles" / SCHEMA_FILE).write_text("{}", encoding="utf-8")
    assert runner.invoke(app, ["init", "articles/b.claims.yaml"]).exit_code == 0
    assert (tmp_path / "articles" / SCHEMA_FILE).read_text(encoding="utf-8") == "{}"
    assert runner.invoke(app, ["init", "articles/b.claims.yaml", "--force"]).exit_code == 0
    assert json.loads((tmp_path / "articles" / SCHEMA_FILE).read_text(encoding="utf-8")) == CLAIMS_SCHEMA


def test_init_no_schema_writes_neither_modeline_nor_schema(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = runner.invoke(app, ["init", "--no-schema"])
    assert out.exit_code == 0, out.output
    assert not (tmp_path / SCHEMA_FILE).exists()
    assert not (tmp_path / "claims.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert runner.invoke(app, ["init", "x.claims.yaml", "--no-schema", "--schema", "s.json"]).exit_code == 2


def test_init_can_point_the_modeline_at_another_schema(runner, tmp_path, monkeypatch):
    """`--schema FILE` writes the schema there (when missing) and a modeline relative to
    the claims file, which is how the language server reads it; a URL is the user's own."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    out = runner.invoke(app, ["init", "articles/claims.yaml", "--schema", "claims.schema.json"])
    assert out.exit_code == 0, out.output
    text = (tmp_path / "articles" / "claims.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../claims.schema.json"
    assert json.loads((tmp_path / "claims.schema.json").read_text(encoding="utf-8")) == CLAIMS_SCHEMA
    assert not (tmp_path / "articles" / SCHEMA_FILE).exists()
    # a URL is written as it is; a schema file already there is left alone
    (tmp_path / "claims.schema.json").write_text("{}", encoding="utf-8")
    out = runner.invoke(app, ["init", "other.claims.yaml", "--schema", "claims.schema.json"])
    assert (tmp_path / "claims.schema.json").read_text(encoding="utf-8") == "{}"
    assert (tmp_path / "other.claims.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=claims.schema.json\n")
    runner.invoke(app, ["init", "web.claims.yaml", "--schema", "https://example.org/claims.json"])
    assert (tmp_path / "web.claims.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=https://example.org/claims.json\n")
    # a claims file that cannot be written writes no schema either
    (tmp_path / "plain").write_text("a file", encoding="utf-8")
    out = runner.invoke(app, ["init", "plain/claims.yaml", "--schema", "s.json"])
    assert out.exit_code == 2 and not (tmp_path / "s.json").exists()
    out = runner.invoke(app, ["init", "plain/claims.yaml"])
    assert out.exit_code == 2 and not (tmp_path / "plain" / SCHEMA_FILE).exists()


def test_the_repositorys_claims_files_name_a_schema_that_is_there_and_current(runner):
    """The bundled claims files' modelines lead to the committed schema, which is what
    `factcheck schema` prints (run it again after changing the format)."""
    committed = ROOT / SCHEMA_FILE
    assert json.loads(committed.read_text(encoding="utf-8")) == CLAIMS_SCHEMA, "refresh it: factcheck schema > claims.schema.json"
    for path in (ROOT / "claims.yaml", ROOT / "examples" / "apple-fy2024" / "claims.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = path.parent / first.split("$schema=", 1)[1]
        assert target.resolve() == committed.resolve(), path
