"""The linted text of a document as source lines, for reports that show the script (HTML).

Reporters must not open user files, so they get the text from the blocks the reader produced:
one ``SourceLine`` per line of each block, in reader order, keeping the block's line, column
and cell. Text files give one entry per non-blank line; a table row gives one entry per script
cell (cells share the row's line number, and each counts columns from its own start, which is
why entries are not merged into one string per line). Lines no block covers (blank lines, code
fences, front matter) have no entry: they were not linted.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line in the source (a spreadsheet row for tables)
    column: int  # 1-based column of text[0], as violations count it
    text: str
    cell: str | None = None  # spreadsheet cell, e.g. "Sheet1!D12"


def source_lines(blocks) -> tuple[SourceLine, ...]:
    out = []
    for block in blocks:
        for i, part in enumerate(block.text.split("\n")):
            out.append(SourceLine(block.line + i, block.column if i == 0 else 1, part, block.cell))
    return tuple(out)

