"""Inline XBRL: which elements of the HTML are facts, and what their text means.

``ix:nonFraction`` is a number: its text, read by its ``format`` (transforms.py),
times ten to its ``scale``, negated when ``sign="-"`` (the page shows 565 where the
value is -565 million). Its value is its text, so a nonFraction nested in another
gives both the same. ``ix:nonNumeric`` is text (a date, a name, a text block): the
text of everything inside it, less what ``ix:exclude`` takes out, followed by the
``ix:continuation`` chain its ``continuedAt`` starts. Contexts and units are XBRL
2.1's, inside ``ix:resources``; ``ix:fraction`` and ``ix:tuple`` are not read (the
SEC forbids both).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any, Protocol

from factcheck.filing.model import Pending
from factcheck.filing.transforms import NAMESPACES, NUMERIC, TEXT
from factcheck.filing.xbrl import decimal_value, place, scale_of


class Builder(Protocol):
    """What Inline XBRL needs of the reader's parse (``reader.Builder``), which calls
    ``register`` for each namespace of Inline XBRL."""

    starts: dict[str, Callable[[str, dict[str, str]], None]]
    frames: list[tuple[Callable[..., None], Any] | None]
    collectors: list[list[str]]
    pending: list[Pending]
    continuations: dict[str, tuple[list[str], str | None]]
    problems: list[str]
    ns: dict[str, list[str]]

    def add_fact(self, concept: str, attrs: dict[str, str], fmt: str | None, ix: str) -> None: ...
    def collect(self, end: Callable[[Any], None], state: Any, parts: list[str]) -> None: ...
    def uncollect(self, parts: list[str]) -> None: ...
    def qname(self, text: str) -> str: ...

#: the longest text read as a number (1,200 digits and their separators, with room)
MAX_NUMBER_TEXT = 2_000


def register(builder: Builder, uri: str) -> None:
    """Teach the builder the elements of Inline XBRL (namespace ``uri``)."""
    builder.starts[f"{uri} nonFraction"] = lambda name, attrs: _fact_start(builder, "nonFraction", attrs)
    builder.starts[f"{uri} nonNumeric"] = lambda name, attrs: _fact_start(builder, "nonNumeric", attrs)
    builder.starts[f"{uri} continuation"] = lambda name, attrs: _continuation_start(builder, attrs)
    builder.starts[f"{uri} exclude"] = lambda name, attrs: _exclude_start(builder)


def _fact_start(builder: Builder, element: str, attrs: dict[str, str]) -> None:
    fmt = attrs.get("format")
    builder.add_fact(builder.qname(attrs.get("name", "")), attrs, _format_name(builder, fmt) if fmt else None, element)


def _continuation_start(builder: Builder, attrs: dict[str, str]) -> None:
    parts: list[str] = []
    builder.continuations[attrs.get("id", "")] = (parts, attrs.get("continuedAt"))
    builder.collect(builder.uncollect, parts, parts)


def _exclude_start(builder: Builder) -> None:
    """What ix:exclude holds is shown, not part of any fact's value."""
    saved, builder.collectors = builder.collectors, []
    builder.frames.append((_exclude_end, (builder, saved)))


def _exclude_end(state: tuple[Builder, list[list[str]]]) -> None:
    builder, saved = state
    builder.collectors = saved


def _format_name(builder: Builder, text: str) -> str:
    """``ixt:num-dot-decimal`` whatever the document's prefix for its registry (and as
    written when the document never binds the prefix)."""
    text = text.strip()
    prefix, colon, local = text.partition(":")
    if not colon:
        return text
    uris = builder.ns.get(prefix)
    if uris and uris[-1] in NAMESPACES:
        prefix = NAMESPACES[uris[-1]]
    return f"{prefix}:{local}"


def continued_texts(builder: Builder) -> dict[int, str]:
    """The full text of each nonNumeric fact whose text goes on elsewhere (by id()), in
    the same document or another of its set (a continuation id is unique in the set).

    A continuation continues one fact: Inline XBRL 1.1 forbids two ``continuedAt`` to
    name the same ``ix:continuation``, and a hostile file that has 20,000 facts share
    one chain of 10,000 continuations would make each fact a copy of all of it (10 s
    and 1.9 GB for 1.8 MB). So each continuation is joined once, to the first fact
    whose chain reaches it; a fact that reaches one already taken stops there (the
    filing's problems say so), as at a loop or a ``continuedAt`` that names nothing.
    A continuation's text was counted against the budget of fact text as it was read
    (it is gathered as a fact's is); joined once, its parts are let go, so time and
    memory stay linear in the file."""
    out: dict[int, str] = {}
    owner: dict[str, Pending] = {}  # continuation id -> the fact it continues
    for p in builder.pending:
        nxt = p.attrs.get("continuedAt") if p.ix == "nonNumeric" else None
        if not nxt:
            continue
        texts = ["".join(p.parts)]
        while nxt:
            taken = owner.get(nxt)
            if taken is not None:
                whose = "this fact's own chain" if taken is p else f"{taken.concept} at {place(taken.file, taken.line, taken.col)}"
                builder.problems.append(
                    f"{place(p.file, p.line, p.col)}: {p.concept}: continuedAt '{shorten(nxt)}' names an ix:continuation that "
                    f"{whose} reaches already (a continuation continues one fact, once); its text is left out here"
                )
                break
            found = builder.continuations.get(nxt)
            if found is None:
                builder.problems.append(
                    f"{place(p.file, p.line, p.col)}: {p.concept}: continuedAt '{shorten(nxt)}' names no ix:continuation"
                )
                break
            owner[nxt] = p
            texts.append("".join(found[0]))
            found[0].clear()  # joined once, to this fact only: the parts are not needed again
            nxt = found[1]
        out[id(p)] = "".join(texts)
    return out


def shorten(text: str, limit: int = 40) -> str:
    """An id as a message quotes it: at most ``limit`` characters of it."""
    return text if len(text) <= limit else text[:limit] + "…"


def number(fmt: str | None, text: str, scale: str | None, sign: str | None) -> tuple[Fraction, int, str]:
    """(value, scale, sign) of a nonFraction; ValueError with what is wrong."""
    if len(text) > MAX_NUMBER_TEXT:
        raise ValueError(f"{len(text):,} characters is too long for a number (at most {MAX_NUMBER_TEXT:,})")
    if fmt is None:
        value = decimal_value(text)  # no format: the text is the value, as XML Schema writes it
        if value < 0 or text.strip().startswith(("-", "+")):
            raise ValueError(f"'{text.strip()[:40]}': a nonFraction shows no sign (sign=\"-\" makes it negative)")
    else:
        rule = NUMERIC.get(fmt)
        if rule is None:
            known = "text" if fmt in TEXT else "unknown"
            raise ValueError(f"format {fmt} is {known}, not a numeric format this reader knows")
        value = rule(text)
    power = scale_of(scale)
    if sign is not None and sign.strip() not in ("", "-"):
        raise ValueError(f"sign '{sign.strip()[:10]}' is not '-'")
    negative = sign is not None and sign.strip() == "-"
    if power:
        value *= Fraction(10) ** power
    return (-value if negative else value), power, "-" if negative else ""


def text_value(fmt: str | None, plain: str) -> tuple[str, str | None]:
    """(value, problem) of a nonNumeric whose text (white space made single spaces) is
    ``plain``: a known format's result, else the text itself."""
    if fmt is None:
        return plain, None
    rule = TEXT.get(fmt)
    if rule is None:
        return plain, None  # a format for words (ixt-sec:stateprovnameen): the words are the value
    try:
        return rule(plain), None
    except ValueError as e:
        return plain, str(e)


