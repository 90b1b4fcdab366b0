"""Checks built as expression trees over the draft's figures (never text parsed again),
and written back as the claims language for reports and ``init --draft``; the Relation
that holds a check and its stated figure."""

from __future__ import annotations

from typing import NamedTuple

from factcheck import quantity as q
from factcheck.expr.tree import Binary, Call, Name, Node, Num, Unary
from factcheck.prose import Mention


class Alt(NamedTuple):
    """Another reading of a relation: ``binding`` (other figures: it may pass in their
    place) or ``convention`` (the text may mean it so: it only keeps a failure silent)."""

    check: Node
    stated: Node
    why: str  # binding | convention


class Relation(NamedTuple):
    """A relation the draft states, as a claim over its figures."""

    kind: str
    rule: str
    check: Node
    stated: Node
    compare: str = "≈"
    tolerance: str | None = None
    figures: tuple[Mention, ...] = ()
    at: Mention | None = None
    start: int = 0
    end: int = 0
    alts: tuple[Alt, ...] = ()
    #: the figures are bound without doubt: a failure may be reported
    certain: bool = True
    #: other relations read for the same stated figure, by later finders
    others: tuple[Relation, ...] = ()


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


def negative(n: Node) -> Node:
    if isinstance(n, Num):
        return num(q.neg(n.value))
    return Unary("-", n, 0, 0)


def show(n: Node) -> str:
    """The tree in the claims language: 'growth(154.6 billion CNY, 167.2 billion CNY)'."""
    return placed(n)[0]


def placed(n: Node, at: int = 0) -> tuple[str, Node]:
    """The tree's text in the claims language and the tree with each node's place in that
    text (what the step-by-step report of a claim shows), made together: nothing is
    parsed again."""
    if isinstance(n, Num):
        text = q.written(n.value)
        return text, n._replace(start=at, end=at + len(text))
    if isinstance(n, Name):
        return n.name, n._replace(start=at, end=at + len(n.name))
    if isinstance(n, Call):
        parts, args, k = [], [], at + len(n.name) + 1
        for i, a in enumerate(n.args):
            if i:
                k += 2
            text, node = placed(a, k)
            parts.append(text)
            args.append(node)
            k += len(text)
        text = f"{n.name}({', '.join(parts)})"
        return text, n._replace(args=tuple(args), start=at, end=at + len(text))
    if isinstance(n, Binary):
        return _placed_binary(n, at)
    if isinstance(n, Unary):
        inner_at = at + 1 if isinstance(n.operand, Num) else at + 2
        inner, node = placed(n.operand, inner_at)
        text = f"-{inner}" if isinstance(n.operand, Num) else f"-({inner})"
        return text, n._replace(operand=node, start=at, end=at + len(text))
    return str(n), n


def _placed_binary(n: Binary, at: int) -> tuple[str, Node]:
    per = isinstance(n.right, Name) and n.right.per and n.op == "/"
    left, lnode = placed(n.left, at)
    sep = "/" if per else f" {n.op} "
    paren = isinstance(n.right, Binary) and (n.op == "/" or n.op == "-" and not (
        n.right.op == "/" and isinstance(n.right.right, Name) and n.right.right.per)) or (
        n.op == "/" and isinstance(n.right, Num) and "/" in q.written(n.right.value))  # 380 billion CNY / (157.5 billion CNY/year)
    k = at + len(left) + len(sep) + (1 if paren else 0)
    right, rnode = placed(n.right, k)
    text = f"{left}{sep}({right})" if paren else f"{left}{sep}{right}"
    return text, n._replace(left=lnode, right=rnode, start=at, end=at + len(text), op_pos=at + len(left) + (0 if per else 1))
