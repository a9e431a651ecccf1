"""Script tables: CSV/TSV (any encoding decode.py knows) and XLSX workbooks (every sheet).

The header row names the columns (see columns.py); each row's script cells become Blocks whose
line is the spreadsheet row (1-based, the header row counts; a CSV record spanning several text
lines is one row, and Excel's ``sep=;`` hint line is not a row) and whose column is the offset
inside the cell. XLSX blocks also name their cell (``Sheet1!D12``). XLSX cells are read by xlsx.py
with formulas as their cached values, the way openpyxl reads them in read-only mode.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import regex

from ..model import Document, LivelintError
from .archive import check_zip
from .columns import Rows, column_letter, detect
from .decode import decode
from .settings import ReaderSettings

csv.field_size_limit(64 * 1024 * 1024)  # a long script cell is legal; the file size is capped
_SEP_LINE = regex.compile(r"sep=(.)\n")
_PLAIN_SHEET = regex.compile(r"^[^\W\d]\w*$")


def read(path: str, raw: bytes, settings: ReaderSettings | None = None) -> Document:
    settings = settings or ReaderSettings()
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path, raw, settings)
    return _csv(path, raw, settings, "\t" if suffix == ".tsv" else None)


def _delimiter(text: str) -> str:
    """Comma, unless the first line only has tabs or semicolons (European Excel exports)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if "," in first:
        return ","
    for candidate in ("\t", ";"):
        if candidate in first:
            return candidate
    return ","


def _csv(path: str, raw: bytes, settings: ReaderSettings, delimiter: str | None) -> Document:
    text, encoding = decode(raw, path)
    hint = _SEP_LINE.match(text)
    if hint:  # Excel's "sep=;" line: it names the delimiter and is not a row Excel shows
        delimiter, text = hint.group(1), text[hint.end():]
    delimiter = delimiter or _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        rows: list[list[str]] = list(reader)
    except csv.Error as exc:
        raise LivelintError(f"malformed CSV ({exc})", path, reader.line_num or None) from None
    table = Rows(detect(rows, settings), lambda index, col: None)
    blocks = [b for index, row in enumerate(rows) for b in table.blocks(index, index + 1, row)]
    return Document(path, suffix_format(path), encoding, tuple(blocks))


def suffix_format(path: str) -> str:
    return Path(path).suffix.lower().lstrip(".") or "csv"


def _sheet_ref(name: str) -> str:
    return name if _PLAIN_SHEET.match(name) else "'" + name.replace("'", "''") + "'"


def _xlsx(path: str, raw: bytes, settings: ReaderSettings) -> Document:
    from . import xlsx  # on first use: a run without workbooks does not load the XML stack

    check_zip(raw, path, "XLSX", "xl/workbook.xml")
    blocks = []
    for title, rows in xlsx.sheets(path, raw):
        ref = _sheet_ref(title)
        table = Rows(detect(rows, settings),
                     lambda index, col, ref=ref: f"{ref}!{column_letter(col)}{index + 1}")
        blocks += [b for index, row in enumerate(rows) for b in table.blocks(index, index + 1, row)]
    return Document(path, "xlsx", "utf-8", tuple(blocks))
