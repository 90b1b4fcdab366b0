"""The claims format's names: its keys, choices and patterns, read from its JSON Schema.

``schema.CLAIMS_SCHEMA`` is the one definition of the format (``factcheck schema``
prints it); the loader checks files against the tables made here from it, so a key
added to the schema is a key the loader knows. Add a claims-file key in schema.py,
then read it in entries.py.
"""

from __future__ import annotations

import re

from factcheck.schema import CLAIM, CLAIMS_SCHEMA, FACT_LONG

SUPPORTED_VERSIONS = (CLAIMS_SCHEMA["properties"]["version"]["const"],)

_TOP = CLAIMS_SCHEMA["properties"]
TOP_KEYS: tuple[str, ...] = tuple(_TOP)
ARTICLE_KEYS: tuple[str, ...] = tuple(_TOP["article"]["properties"])
SETTINGS_KEYS: tuple[str, ...] = tuple(_TOP["settings"]["properties"])
FACT_KEYS: tuple[str, ...] = tuple(FACT_LONG["properties"])
CLAIM_KEYS: tuple[str, ...] = tuple(CLAIM["properties"])
IGNORE_KEYS: tuple[str, ...] = tuple(CLAIM["properties"]["ignore"]["properties"])

#: the words a choice takes
ROUNDING_ONLY: tuple[str, ...] = tuple(_TOP["settings"]["properties"]["rounding_only"]["enum"])
SEVERITIES: tuple[str, ...] = tuple(CLAIM["properties"]["severity"]["enum"])


def _full_match(pattern: str) -> re.Pattern[str]:
    """The schema's ``^...$`` as a pattern for ``re.match`` that refuses a trailing newline."""
    return re.compile(pattern.removeprefix("^").removesuffix("$") + r"\Z")


ID_RE = _full_match(CLAIM["properties"]["id"]["pattern"])
FACT_RE = _full_match(_TOP["facts"]["propertyNames"]["pattern"])

#: how YAML writes a boolean (`exact: yes`)
TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}
