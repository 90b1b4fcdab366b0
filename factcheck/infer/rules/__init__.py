"""The rules that read relations out of sentences: one small function a rule.

Each rule's docstring is its documentation (``factcheck rules`` prints it) and its
``example`` is a sentence with the claim it gives, which a test runs through the
reader, as the functions of the expression language are tested. A rule reads only
what the language marks: a cue right next to its figure, roles given by words such as
"from" and "to", figures of one sentence. When anything is ambiguous (two candidate
bases, units that do not go together) the rule says nothing: an inferred claim that
fails a correct article is the worst outcome.

The rules by family: ``change`` (growth and change), ``parts`` (share, partition),
``ratios`` (times, per each, years of, CAGR, difference); ``base`` holds the record,
the registry and the gates they share.
"""

from __future__ import annotations

# The order the modules are imported in is the order their rules are tried: it decides
# which rule wins a figure (change first, then parts, then ratios; elapsed and tables
# register theirs after these).

from factcheck.infer.rules.base import RULES, Ctx, Rule, rule

__all__ = ["RULES", "Ctx", "Rule", "rule"]
