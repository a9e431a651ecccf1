"""The linted text of a document, laid back out as source lines, for reports that show it.

Reporters must not open user files, so a report that prints the script (HTML) gets it from the
blocks the reader produced. Each block is placed at its own line and column, so a violation's
line/column index the rebuilt line exactly as they index the file. Lines no block covers
(blank lines, code fences, front matter) come back as ``None``: they were not linted.
"""
from __future__ import annotations

from collections import defaultdict


def source_lines(blocks) -> tuple[str | None, ...]:
    """Line ``n`` (1-based) of the linted text is ``result[n - 1]``."""
    pieces: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for block in blocks:
        for i, part in enumerate(block.text.split("\n")):
            pieces[block.line + i].append((block.column if i == 0 else 1, part))
    if not pieces:
        return ()
    out: list[str | None] = [None] * max(pieces)
    for number, parts in pieces.items():
        text = ""
        for column, part in sorted(parts):
            gap = column - 1 - len(text)
            # Cells of one table row share a line; keep them apart even if columns overlap.
            text += (" " * gap if gap >= 0 else " ") + part
        out[number - 1] = text
    return tuple(out)
