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

import io

from ..model import Block, Document
from .archive import check_zip, parsing
from .columns import Rows, column_letter, detect
from .settings import ReaderSettings

_HEADING_STYLES = ("heading", "title", "subtitle", "标题", "副标题")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# not part of the paragraph's own text: tracked deletions, moved-away text, text boxes, duplicates
_SKIP = {_W + "del", _W + "moveFrom", _W + "txbxContent", _W + "pPr", _W + "rPr", _MC_FALLBACK}
_CHARS = {_W + "tab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _extract(raw: bytes) -> list[tuple]:
    """("p", text, heading?) and ("t", rows) items; only python-docx is called in here."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(raw))
    styles = {style.style_id: style.name or "" for style in document.styles}  # one lookup, not per paragraph
    items: list[tuple] = []

    def walk(parent) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                items.append(("p", _text(child), _is_heading(child, styles, qn)))
            elif child.tag == qn("w:tbl"):
                rows = []
                for tr in child.tr_lst:
                    row: list = []  # (grid column, columns spanned, text)
                    for tc in tr.tc_lst:
                        span = max(1, tc.grid_span)
                        text = "\n".join(_text(p) for p in tc.p_lst)
                        row.append((sum(c[1] for c in row), span, text))
                    rows.append(row)
                items.append(("t", rows))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return items


def _text(paragraph) -> str:
    """A paragraph's text as it will read once tracked changes are accepted (insertions in)."""
    out: list[str] = []

    def visit(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag == _W + "br":
                out.append("\n" if child.get(_W + "type") in (None, "textWrapping") else "")
            elif tag in _CHARS:
                out.append(_CHARS[tag])
            else:
                visit(child)

    visit(paragraph)
    return "".join(out)


def _is_heading(element, styles: dict, qn) -> bool:
    ppr = element.pPr
    if ppr is not None and ppr.find(qn("w:outlineLvl")) is not None:
        return True
    style = element.style  # the paragraph's style id, None for the default style
    return bool(style) and styles.get(style, style).strip().lower().startswith(_HEADING_STYLES)


def read(path: str, raw: bytes, settings: ReaderSettings | None = None) -> Document:
    settings = settings or ReaderSettings()
    check_zip(raw, path, "DOCX", "word/document.xml")
    with parsing(path, "DOCX"):
        items = _extract(raw)
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
    out, offset = [], 0
    for part in text.split("\n"):
        if part.strip():
            this = "comment" if kind == "text" and part.lstrip().startswith("//") else kind
            out.append(Block(part, line, offset + 1, this))
        offset += len(part) + 1
    return out
