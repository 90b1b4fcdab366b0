"""Reading claims files: YAML -> Document, every problem at its line and column.

By job: ``source`` reads a file's bytes and decodes them (drafts too); ``yaml_events``
is the YAML event layer (the only module that knows PyYAML); ``keys`` the format's
names, read from its JSON Schema; ``entries`` one reader an entry (article, settings,
fact, claim, ignore); ``cycles`` finds facts that refer to themselves; ``claims_file``
walks a file in one pass, streaming its claims.
"""

from __future__ import annotations

from factcheck.load.claims_file import ClaimsFile, load

__all__ = ["ClaimsFile", "load"]
