"""Checks built as expression trees over the draft's figures (never text parsed again),
and written back as the claims language for reports and ``init --draft``."""

from __future__ import annotations

from factcheck import quantity as q
from factcheck.expr.tree import Binary, Call, Name, Node, Num, Unary


def num(v: q.Value) -> Num:
    return Num(v, 0, 0)


def call(name: str, *args: Node) -> Call:
    return Call(name, tuple(args), 0, 0)


def minus(a: Node, b: Node) -> Binary:
    return Binary("-", a, b, 0, 0, 0)


def plus(a: Node, b: Node) -> Binary:
    return Binary("+", a, b, 0, 0, 0)


def over(a: Node, b: Node) -> Binary:
    return Binary("/", a, b, 0, 0, 0)


def times(a: Node, b: Node) -> Binary:
    return Binary("*", a, b, 0, 0, 0)


def negative(n: Node) -> Node:
    if isinstance(n, Num):
        return num(q.neg(n.value))
    return Unary("-", n, 0, 0)


def show(n: Node) -> str:
    """The tree in the claims language: 'growth(154.6 billion CNY, 167.2 billion CNY)'."""
    if isinstance(n, Num):
        return q.written(n.value)
    if isinstance(n, Call):
        return f"{n.name}({', '.join(show(a) for a in n.args)})"
    if isinstance(n, Name):
        return n.name
    if isinstance(n, Binary):
        left, right = show(n.left), show(n.right)
        if n.op == "/" and isinstance(n.right, Name) and n.right.per:
            return f"{left}/{right}"  # '9870 USD/tonne': a figure per one of a thing
        per = isinstance(n.right, Binary) and n.right.op == "/" and isinstance(n.right.right, Name) and n.right.right.per
        if isinstance(n.right, Binary) and (n.op == "/" or n.op == "-" and not per):
            right = f"({right})"
        return f"{left} {n.op} {right}"
    if isinstance(n, Unary):
        inner = show(n.operand)
        return f"-{inner}" if isinstance(n.operand, Num) else f"-({inner})"
    return str(n)
