"""The loader and the JSON Schema describe one format: key for key, type for type.

The loader's key tables are read from the schema (factcheck.load.keys); these tests
hold that, and that each key's value is read as the schema says: its example loads
without a problem, and a value of another type is a problem at that value.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.load import keys, load
from factcheck.model import COMPARE_ALIASES
from factcheck.quantity import CURRENCIES
from factcheck.schema import CLAIM, CLAIMS_SCHEMA, FACT_LONG

TOP = CLAIMS_SCHEMA["properties"]
IGNORE = CLAIM["properties"]["ignore"]
CLAIM_OK = '{"id": "a", "source": "x"}'


def test_the_key_tables_are_the_schemas_properties_in_order():
    assert keys.TOP_KEYS == ("version", "include", "article", "settings", "facts", "claims", "ignore_figures") == tuple(TOP)
    assert keys.ARTICLE_KEYS == tuple(TOP["article"]["properties"])
    assert keys.SETTINGS_KEYS == tuple(TOP["settings"]["properties"])
    assert keys.FACT_KEYS == tuple(FACT_LONG["properties"])
    assert keys.CLAIM_KEYS == tuple(CLAIM["properties"])
    assert keys.IGNORE_KEYS == tuple(IGNORE["properties"])
    assert "id" in keys.CLAIM_KEYS and "value" in keys.FACT_KEYS and "reason" in keys.IGNORE_KEYS


def test_the_choices_and_names_are_the_schemas():
    assert set(keys.SEVERITIES) == set(CLAIM["properties"]["severity"]["enum"]) == {"error", "warning"}
    assert set(keys.ROUNDING_ONLY) == set(TOP["settings"]["properties"]["rounding_only"]["enum"]) == {"warn", "pass", "fail"}
    assert set(CLAIM["properties"]["compare"]["enum"]) <= set(COMPARE_ALIASES)
    # every ISO 4217 code (issue 24): the common six are its examples
    assert TOP["settings"]["properties"]["rates"]["propertyNames"] == {"pattern": "^[A-Z]{3}$", "examples": list(CURRENCIES)}
    assert keys.SUPPORTED_VERSIONS == (TOP["version"]["const"],)
    for name, ok in [("capex-vs-profit", True), ("a.b_c-1", True), ("Capex", False), ("-a", False), ("a\n", False)]:
        assert bool(keys.ID_RE.match(name)) is ok
    for name, ok in [("net_profit_fy2024", True), ("_x", True), ("2x", False), ("a-b", False)]:
        assert bool(keys.FACT_RE.match(name)) is ok


MARK = "  # under test"
FILING_KEYS = ("filing", "concept", "period", "dimensions", "decimals", "unit")
FILING = "filings/aapl-20230930.xbrl.xml"
REVENUE = "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
DATA = Path(__file__).parent / "data"


def _repository(tmp_path: Path) -> None:
    """What the examples of ``include`` and ``filing`` name, in a repository of their own."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "filings").mkdir()
    shutil.copy(DATA / FILING, tmp_path / FILING)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "apple.yaml").write_text("version: 1\nfacts: {}\n", encoding="utf-8")


def _file(entry: str, key: str, value: str) -> str:
    """A claims file in which ``key`` of ``entry`` holds ``value`` (JSON, which YAML reads),
    on the line that ends with MARK."""
    claims = f"claims: [{CLAIM_OK}]\n"
    if entry == "top":
        head = "".join(line for k, line in (("version", "version: 1\n"), ("claims", claims)) if k != key)
        return f"{head}{key}: {value}{MARK}\n"
    if entry in ("article", "settings"):
        return f"version: 1\n{claims}{entry}:\n  {key}: {value}{MARK}\n"
    if entry == "fact" and key in FILING_KEYS:  # a fact read from a filing: the filing, a concept
        concept = REVENUE if key == "dimensions" else "us-gaap:NetIncomeLoss"
        other = "".join(f"    {k}: {v}\n" for k, v in (("filing", FILING), ("concept", concept)) if k != key)
        return f"version: 1\n{claims}facts:\n  f:\n{other}    {key}: {value}{MARK}\n"
    if entry == "fact":
        other = "" if key == "value" else "    value: 1\n"
        return f"version: 1\n{claims}facts:\n  f:\n{other}    {key}: {value}{MARK}\n"
    fields = {"reason": '"accepted"'} if entry == "ignore" else {"id": '"a"', "check": '"1"', "stated": '"1"'}
    fields[key] = value
    body = "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"
    if entry == "ignore":
        body = f'{{"id": "a", "check": "1", "stated": "1", "ignore": {body}}}'
    return f"version: 1\nclaims: [{body}]{MARK}\n"


def _marked_line(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.endswith(MARK))


def _cases() -> list[tuple[str, str, dict]]:
    out = [("top", k, s) for k, s in TOP.items()]
    out += [("article", k, s) for k, s in TOP["article"]["properties"].items()]
    out += [("settings", k, s) for k, s in TOP["settings"]["properties"].items()]
    out += [("fact", k, s) for k, s in FACT_LONG["properties"].items()]
    out += [("claim", k, s) for k, s in CLAIM["properties"].items()]
    out += [("ignore", k, s) for k, s in IGNORE["properties"].items()]
    return out


def _wrong(schema: dict) -> str:
    """A value of a type the schema does not allow for this key."""
    if "enum" in schema:
        return '"not-one-of-them"'
    types = schema.get("type", "")
    types = [types] if isinstance(types, str) else types
    if "boolean" in types:
        return '"maybe"'
    if "object" in types or "array" in types:
        return '"a word"'
    return '{"x": 1}'  # a string, a number, a date, a const: a mapping is none of them


CASES = _cases()


@pytest.mark.parametrize("entry, key, schema", CASES, ids=[f"{e}.{k}" for e, k, _ in CASES])
def test_each_keys_example_loads_and_another_type_is_refused(tmp_path, entry, key, schema):
    _repository(tmp_path)
    path = tmp_path / "claims.yaml"
    for example in schema["examples"]:
        path.write_text(_file(entry, key, json.dumps(example, ensure_ascii=False)), encoding="utf-8")
        doc = load(str(path))
        assert doc.problems == (), (entry, key, example, doc.problems)
    text = _file(entry, key, _wrong(schema))
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    assert doc.problems, (entry, key, "a value of the wrong type was read without a problem")
    assert doc.problems[0].span.line == _marked_line(text), (entry, key, doc.problems)
