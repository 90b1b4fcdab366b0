"""The expression language: tokenizer, parser to a tree, evaluator. Never ``eval``.

Built like pint's ``pint_eval``: tokenize, build a tree by precedence, evaluate
through a whitelist of operators and functions and a lookup for names, cap the depth
and the size of exponents, and say at which column something is wrong. Unlike pint's
preprocessor, a comma is never dropped silently: ``129,073`` is a number only when
its groups have three digits, and ``1,5`` is an error.

Grammar (lowest precedence first)::

    expr    := term (('+' | '-') term)*
    term    := unary (('*' | '/') unary)*
    unary   := ('-' | '+') unary | power
    power   := primary ('**' unary)?
    primary := figure | DATE | NAME '(' args ')' | NAME | '(' expr ')'
    figure  := SIGN? NUMBER MAGNITUDE? UNIT? (PER UNIT)*

A figure alone in parentheses is an accounting negative: ``(3%)`` is -3%. A name right
after ``/`` and a figure (``59.49 CNY/share``) that is no fact is the unit the figure is
per, exactly one of it; ``per``, ``a`` and ``an`` do the same (``30 CNY per share``).
"""

from __future__ import annotations

from factcheck.expr.evaluator import MAX_POWER, SUGGESTION_WORK, Computed, Evaluator
from factcheck.expr.parser import MAX_HEIGHT, MAX_NESTING, parse
from factcheck.expr.tokens import (
    MAX_DIGITS,
    MAX_EXPONENT_DIGITS,
    MAX_LENGTH,
    MAX_LITERAL_EXPONENT,
    Token,
    not_finite,
    tokenize,
)
from factcheck.expr.tree import Binary, Call, DateLit, Name, Node, Num, Unary, names_in, node_end, node_start

__all__ = [
    "MAX_DIGITS", "MAX_EXPONENT_DIGITS", "MAX_HEIGHT", "MAX_LENGTH", "MAX_LITERAL_EXPONENT", "MAX_NESTING",
    "MAX_POWER", "SUGGESTION_WORK", "Binary", "Call", "Computed", "DateLit", "Evaluator", "Name", "Node",
    "Num", "Token", "Unary", "names_in", "node_end", "node_start", "not_finite", "parse", "tokenize",
]
