"""Every string escaped at output time: one function a family of formats.

What a report prints comes from untrusted files (claims, drafts, baselines, file
names). Whatever the format, a character that could act instead of being read is shown
visibly, as ``\\uXXXX`` (``\\u202e``, ``\\u009b``, ``\\u001b``):

- C0 controls (U+0000–U+001F but the line break and the tab a format may keep), DEL
  (U+007F) and C1 controls (U+0080–U+009F, ``\\x9b`` is a terminal's CSI);
- bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks
  (U+200E, U+200F, U+061C), which reorder what a reader sees;
- zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the line and paragraph
  separators (U+2028, U+2029), which hide text or break lines where a reader sees none.

Then each family adds its own: the CI log (GitHub workflow commands) encodes ``%``, CR
and LF so that nothing starts a new log line, and a plain line of output never starts
like a workflow command (``for_log_line``); Markdown escapes its syntax and breaks
bare URLs so they do not autolink; XML and HTML escape ``<``, ``&`` and quotes; JSON
writes the same characters as its own ``\\uXXXX`` escapes, so a reader gets the string back. ``shorten`` caps a quoted value (at ``QUOTE_LIMIT``
characters) with a count of what was left out.
"""

from __future__ import annotations

import re

#: the most characters of a file's content a message quotes
QUOTE_LIMIT = 200

_INVISIBLE = "\u200b-\u200d\u2060\ufeff\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
#: what is shown as \\uXXXX everywhere; line breaks and tabs are the formats' own concern
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")


def _visible(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def visible(text: str, one_line: bool = False) -> str:
    """Every control, bidi and zero-width character as ``\\uXXXX``; with ``one_line``,
    line breaks and tabs too."""
    return (_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_visible, text)


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """At most ``limit`` characters of ``text``, and how many more there were."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def for_terminal(text: str) -> str:
    """The terminal (rich and concise): line breaks kept, every other control visible."""
    return visible(text)


def for_terminal_line(text: str) -> str:
    """One line of a terminal report: a line break or a tab is visible too."""
    return visible(text, one_line=True)


def for_log_line(line: str) -> str:
    """One whole line of plain output that a CI log may show (``factcheck facts``):
    controls visible (``for_terminal_line``), and nothing the runner would take for a
    workflow command. The runner reads ``::`` at a line's start, after white space,
    and the legacy ``##[`` anywhere in it; the first colon of such a start is written
    ``\\u003a``, and ``##[`` is written ``#\\u0023[``."""
    out = for_terminal_line(line)
    if out.lstrip().startswith("::"):
        i = out.index("::")
        out = f"{out[:i]}\\u003a{out[i + 1:]}"
    return out.replace("##[", "#\\u0023[")


def for_ci_log(text: str) -> str:
    """A GitHub workflow command's data: controls visible, then ``%``, CR and LF encoded,
    so that no string starts a new log line (a forged ``::error::``)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def for_ci_property(text: str) -> str:
    """A workflow command's property value (``file=``, ``title=``): ``:`` and ``,`` too."""
    return for_ci_log(text).replace(":", "%3A").replace(",", "%2C")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#@$])")
_URL = re.compile(r"(?i)(\w)://")
_WWW = re.compile(r"(?i)\bwww\.")


def for_markdown(text: str) -> str:
    """Markdown text: controls visible, its syntax escaped, and no bare URL that a
    renderer would turn into a link (``https://`` is written ``https:\\/\\/``)."""
    out = _MD_SPECIAL.sub(r"\\\1", visible(text, one_line=True))
    out = _URL.sub(r"\1:\\/\\/", out)
    return _WWW.sub("www\\.", out)


_XML_NOT_ALLOWED = re.compile("[\ufffe\uffff\ud800-\udfff]")


def for_xml(text: str) -> str:
    """Text for XML (JUnit): controls visible (XML 1.0 cannot hold most of them at all);
    ``<``, ``&`` and quotes are left to the XML writer, which escapes them."""
    return _XML_NOT_ALLOWED.sub("\ufffd", visible(text))


def for_html(text: str) -> str:
    """Text for HTML: controls visible, then ``<``, ``>``, ``&`` and quotes escaped."""
    # lazy: only the html report escapes HTML
    from html import escape

    return escape(visible(text), quote=True)


_JSON_RAW = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")


def for_json(encoded: str) -> str:
    """JSON text as ``json.dumps(..., ensure_ascii=False)`` wrote it (json, sarif): the
    characters it leaves raw (DEL, C1, bidi, zero-width) written as ``\\uXXXX`` escapes,
    as it writes C0 controls already. A JSON reader gets the same strings back; a
    viewer that shows the file raw shows them visibly."""
    return _JSON_RAW.sub(_visible, encoded)
