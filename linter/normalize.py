"""Matching view of source text: simplified Chinese, half-width, ASCII lower case.

The view is *length-preserving*: ``len(normalize(s)) == len(s)`` and character i of the view
stands for character i of the source. Reports therefore quote and locate the author's own
characters (繁體, full-width) with no offset map. OpenCC's t2s dictionaries keep lengths; the
guard below converts a line character by character in the rare case a phrase entry does not.
"""
from __future__ import annotations

import re
from functools import lru_cache

import opencc


def _fold_table() -> list[int]:
    table = list(range(0x10000))
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = code - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):  # full-width capitals fold straight to lower case
        table[code] = code - 0xFEE0 + 32
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        conv = _converter().convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c) == 1 else ch for ch, c in
                           ((ch, _converter().convert(ch)) for ch in line))
        out.append(conv)
    return "\n".join(out)


def fold(text: str) -> str:
    """Full-width → half-width and ASCII lower case, one character for one."""
    return text.translate(_FOLD)


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize(text: str) -> str:
    """The matching view of ``text``; same length, same line structure."""
    if text.isascii():
        return text.lower()
    try:
        return fold(_t2s(text))
    except UnicodeEncodeError:  # lone surrogates (bytes escaped by surrogateescape)
        return _with_surrogates(text)


def _with_surrogates(text: str) -> str:
    """OpenCC and the automata take valid Unicode only. In the matching view a lone surrogate
    (a byte escaped by surrogateescape) becomes U+FFFD, one character for one: offsets hold,
    and reports still quote the source."""
    return fold(_t2s(_SURROGATE.sub("\ufffd", text)))
