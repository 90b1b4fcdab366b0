"""Traditional Chinese read as simplified: 營收達3.2億港元 is read as 营收达3.2亿港元.

The number reader and the inference cues know simplified characters; a draft in
traditional ones (Hong Kong, Taiwan) is folded first, character for character, by
OpenCC's Traditional-to-Simplified conversion (the reference converter, kept with its
dictionaries, rather than a hand list of characters). Folding keeps every offset: a
conversion that would change the text's length (a phrase mapped to a longer one) is
done one character at a time instead. A text with no Chinese character is never
folded, and OpenCC is loaded only for one that has one.
"""

from __future__ import annotations

from typing import Any

_CONVERTER: Any = None


def _converter() -> Any:
    global _CONVERTER
    if _CONVERTER is None:
        # lazy: OpenCC only for traditional Chinese
        import opencc

        _CONVERTER = opencc.OpenCC("t2s")
    return _CONVERTER


def has_cjk(text: str) -> bool:
    return bool(text) and max(text) >= "\u3400"


#: decimal points of the Chinese press that are no '.' to a reader of digits (452﹒83, 2．5)
_POINTS = str.maketrans({"\ufe52": ".", "\uff0e": "."})


def fold(text: str) -> str:
    """``text`` with traditional characters as simplified ones, the same length; the
    small and full-width full stops used as decimal points (﹒, ．) read as '.'."""
    if not has_cjk(text):
        return text
    text = text.translate(_POINTS)
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return str(out)
    # a phrase conversion changed the length: one character at a time keeps every offset
    chars = []
    for c in text:
        d = conv.convert(c) if c >= "\u3400" else c
        chars.append(d if len(d) == 1 else c)
    return "".join(chars)
