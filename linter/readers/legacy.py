"""The library readers (openpyxl, python-docx): the fallback for files the fast path declines.

They are also the reference the fast readers are tested against (tests/test_fast_readers.py),
so their logic stays exactly as the readers were before the fast path (the markup constants are
shared with wordxml.py): only these calls touch the libraries.
"""
from __future__ import annotations

import io

from .wordxml import CHARS, HEADING_STYLES, SKIP, W


def xlsx_sheets(raw: bytes) -> list[tuple[str, list]]:
    """(title, rows) of every worksheet, with openpyxl in read-only mode and cached formula values."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # trust the cells, not a (possibly huge) declared range
            sheets.append((sheet.title, list(sheet.iter_rows(values_only=True))))
    finally:
        book.close()
    return sheets


def docx_items(raw: bytes) -> list[tuple]:
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


def _is_heading(element, styles: dict, qn) -> bool:
    ppr = element.pPr
    if ppr is not None and ppr.find(qn("w:outlineLvl")) is not None:
        return True
    style = element.style  # the paragraph's style id, None for the default style
    return bool(style) and styles.get(style, style).strip().lower().startswith(HEADING_STYLES)


def _text(paragraph) -> str:
    """A paragraph's text as it will read once tracked changes are accepted (insertions in)."""
    out: list[str] = []

    def visit(element) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIP:
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "br":
                out.append("\n" if child.get(W + "type") in (None, "textWrapping") else "")
            elif tag in CHARS:
                out.append(CHARS[tag])
            else:
                visit(child)

    visit(paragraph)
    return "".join(out)
