"""Word documents: body paragraphs and tables, in document order.

Lines are ordinals of the body's items: every paragraph (empty ones too) and every table row
counts one, the numbering Word's "save as plain text" gives. A soft line break inside a paragraph
keeps the line and moves the column, like a line break inside a table cell. Heading and title
styles (or an outline level) make header blocks; a paragraph starting with ``//`` is a comment
that carries suppression directives. Tables go through the same column detection as CSV and XLSX,
and their blocks name the cell as ``表2!C3`` (table 2, column C, row 3 of that table). Text is
read as it will be once tracked changes are accepted (insertions in, deletions out), and content
controls are read through; headers, footers, text boxes, nested tables and Word comments are not.
"""
from __future__ import annotations

from ..model import Block, Document
from .archive import check_zip
from .columns import Rows, column_letter, detect
from .settings import ReaderSettings


def read(path: str, raw: bytes, settings: ReaderSettings | None = None) -> Document:
    from .wordxml import items as body_items  # on first use: a run without documents skips it

    settings = settings or ReaderSettings()
    check_zip(raw, path, "DOCX", "word/document.xml")
    items = body_items(path, raw)
    blocks: list[Block] = []
    line = tables = 0
    for item in items:
        if item[0] == "p":
            line += 1
            _, text, heading = item
            blocks += _paragraph(text, line, "header" if heading else "text")
            continue
        tables += 1
        rows = [_grid(row, ()) for row in item[1]]
        layout = detect(rows, settings)
        texts = {c.index for c in layout.columns if c.role == "text"}
        rows = [_grid(row, texts) for row in item[1]]
        table = Rows(layout,
                     lambda index, col, n=tables: f"表{n}!{column_letter(col)}{index + 1}")
        for index, row in enumerate(rows):
            line += 1
            blocks += table.blocks(index, line, row)
    return Document(path, "docx", "utf-8", tuple(blocks))


def _grid(cells, text_columns) -> list:
    """Cell texts by grid column; a merged cell's text sits in the first text column it spans."""
    row: list = []
    for col, span, text in cells:
        at = next((c for c in range(col, col + span) if c in text_columns), col)
        row += [None] * (col + span - len(row))
        row[at] = text
    return row


def _paragraph(text: str, line: int, kind: str) -> list[Block]:
    if "\n" not in text:  # no soft line break (most paragraphs): what the loop below would give
        if not text or text.isspace():
            return []
        if kind == "text" and "//" in text and text.lstrip().startswith("//"):
            kind = "comment"
        return [Block.make(text, line, 1, kind)]
    out, offset = [], 0
    for part in text.split("\n"):
        if part.strip():
            this = "comment" if kind == "text" and part.lstrip().startswith("//") else kind
            out.append(Block.make(part, line, offset + 1, this))
        offset += len(part) + 1
    return out
