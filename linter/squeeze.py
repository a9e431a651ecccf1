"""Squeezed matching view: separators between Han characters removed, with a map back.

Scripts dodge word lists by splitting a banned word: "最 好", "最😍好", "第 一", "全.网.最.低".
The executive guide (§2) treats such disguised forms as the same words, so the engine runs the
same term matcher a second time over this view. Only runs of separators *between two Han
characters* are dropped — spaces between Latin words, newlines and sentence punctuation
(，。！？：；) stay, so sentence structure and exception phrases keep working. Every character
of the view records its source offset, so a hit maps back to the author's own characters.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

# Spaces (not newlines), decorative ASCII marks, symbols and emoji incl. their joiners and
# variation selectors. Sentence punctuation is deliberately absent.
SEPARATORS = r"(?:[^\S\n]|[.·・•_*~|/\\+=^#\-\p{So}\p{Sk}\p{Cf}\uFE0E\uFE0F\u20E3])"
_RUN = regex.compile(rf"(?<=\p{{Han}}){SEPARATORS}+(?=\p{{Han}})")
_ONE = regex.compile(SEPARATORS)


def is_separator(ch: str) -> bool:
    return ch != "\n" and _ONE.fullmatch(ch) is not None


@dataclass(frozen=True)
class Squeezed:
    text: str
    index: tuple[int, ...]  # index[i] = source offset of text[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of text[start:end] (end exclusive, start < end)."""
        return self.index[start], self.index[end - 1] + 1

    def spans_separator(self, start: int, end: int) -> bool:
        """True when the source span of text[start:end] contains a removed separator."""
        src_start, src_end = self.source_span(start, end)
        return src_end - src_start > end - start


def squeeze(text: str) -> Squeezed | None:
    """The squeezed view of ``text``, or None when it has no separator to remove."""
    runs = [m.span() for m in _RUN.finditer(text)]
    if not runs:
        return None
    kept: list[str] = []
    index: list[int] = []
    pos = 0
    for start, end in runs:
        kept.append(text[pos:start])
        index.extend(range(pos, start))
        pos = end
    kept.append(text[pos:])
    index.extend(range(pos, len(text)))
    return Squeezed("".join(kept), tuple(index))
