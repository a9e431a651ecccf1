"""Worksheet and shared-string XML → rows of cell values, as openpyxl's read-only iter_rows gives.

openpyxl builds a dict per cell and then a row; this reads the same parts with the same parser
(ElementTree's iterparse) and keeps its row semantics: a row's width is the column of its last
cell, skipped row numbers give empty rows, a row number not above the last one is dropped, a cell
without ``r`` follows the previous one, and every child of ``<row>`` counts as a cell.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .cellvalues import COLUMNS as _COLUMNS, cast_number, column_of, from_excel, from_iso8601, row_number
from .ooxml import Unsupported, local

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _V, _IS, _SI, _T = MAIN + "row", MAIN + "v", MAIN + "is", MAIN + "si", MAIN + "t"
_DIMENSION = MAIN + "dimension"
_RANGE = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}(:[A-Z]{1,3}[1-9][0-9]{0,6})?")
_RICH_TEXT = {"t", "r", "rPh", "phoneticPr"}  # what openpyxl's Text reads; rPh is phonetic, unshown


def text_content(node) -> str:
    """A ``<si>``/``<is>`` string: the plain ``<t>`` then the rich-text runs' ``<t>`` (openpyxl's
    ``Text.content``: the last ``<t>`` of each wins, phonetic runs are left out)."""
    if any(not name.startswith("{") for name in node.attrib):
        raise Unsupported("attributes on a string item")
    plain, runs = None, []
    for child in node:
        name = local(child.tag)
        if name == "t":
            plain = child.text
        elif name == "r":
            if any(not key.startswith("{") for key in child.attrib):
                raise Unsupported("attributes on a rich-text run")
            text = None
            for part in child:
                kind = local(part.tag)
                if kind == "t":
                    text = part.text
                elif kind != "rPr":
                    raise Unsupported(f"rich-text run child {kind}")
            runs.append(text)
        elif name not in _RICH_TEXT:
            raise Unsupported(f"string item child {name}")
    return "".join(s for s in (plain, *runs) if s is not None)


def shared_strings(source) -> list[str]:
    """The shared-string table from a binary file object (streamed, as openpyxl does)."""
    out = []
    for _, node in ET.iterparse(source):
        if node.tag == _SI:
            out.append(text_content(node).replace("x005F_", ""))
            node.clear()
    return out


class Cells:
    """How one workbook turns a cell into a value: its strings, date styles and epoch."""

    def __init__(self, strings: list[str], dates: set, timedeltas: set, epoch):
        self.strings, self.dates, self.timedeltas, self.epoch = strings, dates, timedeltas, epoch

    def value(self, cell, kind: str, style):
        """One ``<c>``'s value, as openpyxl's WorkSheetParser.parse_cell with data_only."""
        if kind == "inlineStr":
            content = cell.find(_IS)
            if content is None:
                return None
            if len(content) == 1 and not content.attrib and content[0].tag == _T:
                return content[0].text or ""  # the common case of text_content
            return text_content(content)
        value = cell.findtext(_V) or None
        if value is None:
            return None
        if kind == "n":
            value = cast_number(value)
            if style in self.dates:
                try:
                    return from_excel(value, self.epoch, timedelta=style in self.timedeltas)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return value
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_iso8601(value)
        return value  # str (a formula's cached text), e (an error such as #N/A), anything else

    def rows(self, source) -> list:
        """The sheet's rows from row 1, each a tuple of values (``[]`` for a row not in the file);
        ``source`` is a binary file object, streamed so a huge sheet never sits in memory whole."""
        rows: list = []
        value, columns, strings = self.value, _COLUMNS, self.strings
        expected = 1  # the next row number iter_rows will yield
        number = 0
        for _, element in ET.iterparse(source):
            if element.tag != _ROW:
                if element.tag == _DIMENSION and not _RANGE.fullmatch(element.get("ref", "")):
                    raise Unsupported("unusual sheet dimension")  # openpyxl checks it on opening
                continue
            r = element.get("r")
            number = row_number(r) if r is not None else number + 1
            cells, column = [], 0
            for cell in element:
                get = cell.get
                kind, style, ref = get("t", "n"), get("s", 0), get("r")
                if style:
                    style = int(style)
                if ref:
                    letters = ref.rstrip("0123456789")
                    column = columns.get(letters) if len(letters) < len(ref) else None
                    if column is None:
                        column = column_of(ref)
                else:
                    column += 1
                if kind == "s":  # the common cases inline; value() has them all
                    text = cell.findtext(_V)
                    cells.append((column, strings[int(text)] if text else None))
                elif kind == "inlineStr":
                    content = cell.find(_IS)
                    if content is not None and len(content) == 1 and content[0].tag == _T \
                            and not content.attrib:
                        cells.append((column, content[0].text or ""))
                    else:
                        cells.append((column, value(cell, kind, style)))
                else:
                    cells.append((column, value(cell, kind, style)))
            element.clear()
            while expected < number:
                rows.append([])
                expected += 1
            if expected == number:
                rows.append(_row(cells))
                expected += 1
        return rows


def _row(cells: list) -> tuple:
    """Values by column; openpyxl sizes a row by its last cell."""
    if not cells:
        return ()
    width = cells[-1][0]
    row = [None] * width
    for column, value in cells:
        if column <= width:
            row[column - 1] = value
    return tuple(row)
