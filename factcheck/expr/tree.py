"""The tree an expression parses to (Num, DateLit, Name, Unary, Binary, Call), and the names it uses."""

from __future__ import annotations

from typing import NamedTuple

from factcheck import quantity as q


class Num(NamedTuple):
    value: q.Value
    start: int
    end: int
    #: the plain word after the number when it made a count unit ('orders')
    count_word: str | None = None
    #: the digits as written ('129,073')
    raw: str = ""
    #: the magnitude word as written ('bn', 'k')
    mag_word: str | None = None


class DateLit(NamedTuple):
    value: q.DateValue
    start: int
    end: int


class Name(NamedTuple):
    name: str
    start: int
    end: int
    #: right after '/' and a figure (`59.49 CNY/share`): when no fact has the name, it is
    #: the unit the figure is per (exactly one of it), a count word if no unit word
    per: bool = False


class Unary(NamedTuple):
    op: str
    operand: Node
    start: int
    end: int


class Binary(NamedTuple):
    op: str
    left: Node
    right: Node
    start: int
    end: int
    op_pos: int


class Call(NamedTuple):
    name: str
    args: tuple[Node, ...]
    start: int
    end: int


Node = Num | DateLit | Name | Unary | Binary | Call


def names_in(node: Node, count_words: bool = True) -> set[str]:
    """Every name the expression refers to (facts, or units standing alone), and the
    words after numbers that count things unless ``count_words`` is False: those are
    units, not references (`orders: 10 million orders` does not refer to itself)."""
    out: set[str] = set()
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name):
            out.add(n.name)
        elif isinstance(n, Unary):
            stack.append(n.operand)
        elif isinstance(n, Binary):
            stack.extend((n.left, n.right))
        elif isinstance(n, Call):
            stack.extend(n.args)
        elif isinstance(n, Num) and n.count_word and count_words:
            out.add(n.count_word)
    return out


def per_figure(n: Node) -> bool:
    """A figure a name after '/' makes a per-unit figure of: a number as written
    (`59.49 CNY/share`, and its negative, `-0.04 USD/share`), or one that is already per
    something (`CNY/share/year`)."""
    if isinstance(n, Unary) and n.op == "-":
        n = n.operand
    return isinstance(n, Num) or (isinstance(n, Binary) and n.op == "/" and isinstance(n.right, Name) and n.right.per)


def node_start(n: Node) -> int:
    return n.start


def node_end(n: Node) -> int:
    return n.end

