"""XLSX workbook → (sheet title, rows) for every worksheet, without openpyxl on the common path.

Parts are found the way openpyxl finds them (workbook and shared strings through
[Content_Types].xml, sheets through the workbook's relationships, styles at xl/styles.xml), so the
same files give the same sheets. Only the number formats of the styles are read: they decide which
numbers are dates. Chartsheets and unusual markup fall back to openpyxl (see ooxml.py).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .cellvalues import (BUILTIN_DATE_FORMATS, BUILTIN_TIMEDELTA_FORMATS, MAC_EPOCH, WINDOWS_EPOCH,
                         is_date_format, is_timedelta_format)
from .ooxml import Package, Unsupported, fast_or_library, local, parses, plain, rels_name, unparsed
from .sheetxml import Cells, shared_strings

_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_MACRO = "application/vnd.ms-excel."
WORKBOOK_TYPES = (_MACRO + "template.macroEnabled.main+xml", _TYPE + "template.main+xml",
                  _MACRO + "sheet.macroEnabled.main+xml", _TYPE + "sheet.main+xml")  # openpyxl's order
SHARED_STRINGS = _TYPE + "sharedStrings+xml"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SHEET_ATTRS = {"name", "sheetId", "state", "id"}


def sheets(path: str, raw: bytes) -> list[tuple[str, list]]:
    """Every worksheet's title and rows; LivelintError (via the library) on a damaged file."""
    from . import legacy

    return fast_or_library(read, legacy.xlsx_sheets, raw, path, "XLSX")


def read(raw: bytes) -> list[tuple[str, list]]:
    """The fast path; raises one of ooxml.FALLBACK when openpyxl must decide."""
    package = Package(raw)
    overrides, defaults = package.content_types()
    workbook = _workbook_part(overrides, defaults)
    strings_part = next((name for name, kind in overrides if kind == SHARED_STRINGS), None)
    strings = []
    if strings_part:
        with package.zip.open(strings_part[1:]) as source:
            strings = shared_strings(source)
    book = package.xml(workbook)
    epoch, listed = _workbook(book)
    rels = {}
    if any(sheet_id for _, sheet_id, _ in listed):
        rels = {rel[0]: rel for rel in package.relationships(rels_name(workbook))}
    for part in ("docProps/core.xml", "docProps/custom.xml"):
        if part in package.names:
            package.memo(part, parses)  # openpyxl parses the document properties
    if "xl/theme/theme1.xml" in package.names:
        package.memo("xl/theme/theme1.xml", unparsed)  # and reads the theme
    dates, timedeltas = package.memo("xl/styles.xml", date_styles) if "xl/styles.xml" in package.names \
        else (set(), set())
    cells = Cells(strings, dates, timedeltas, epoch)
    out = []
    for title, sheet_id, _state in listed:
        if not sheet_id:
            continue  # openpyxl warns and skips a sheet without a relationship id
        _, kind, target, _external = rels[sheet_id]
        if target not in package.names:
            continue
        if "chartsheet" in kind:
            raise Unsupported("chartsheet")
        if rels_name(target) in package.names:
            package.relationships(rels_name(target))  # openpyxl parses a sheet's relationships
        with package.zip.open(target) as source:
            out.append((title, cells.rows(source)))
    return out


def _workbook_part(overrides, defaults) -> str:
    for wanted in WORKBOOK_TYPES:
        for name, kind in overrides:
            if kind == wanted:
                return name[1:]
    if {kind for _, kind in defaults} & set(WORKBOOK_TYPES):
        return "xl/workbook.xml"
    raise Unsupported("no workbook part")  # openpyxl raises; let it say so


def _workbook(book) -> tuple:
    """(epoch, [(title, relationship id, state)]) from workbook.xml."""
    epoch, listed = WINDOWS_EPOCH, []
    for child in book:
        name = local(child.tag)
        if name == "externalReferences" and len(child):
            raise Unsupported("external links")  # openpyxl reads their cached sheets
        if name == "workbookPr":
            flag = child.get("date1904")
            epoch = MAC_EPOCH if flag is not None and flag not in ("false", "f", "0") and flag else WINDOWS_EPOCH
        elif name == "sheets":
            listed = []  # the last <sheets> wins, as in openpyxl
            for sheet in child:
                attrs = sheet.attrib
                if {a for a in attrs if a[0] != "{"} - _SHEET_ATTRS or "name" not in attrs \
                        or attrs.get("state") not in (None, "visible", "hidden", "veryHidden"):
                    raise Unsupported("unusual sheet entry")
                if "sheetId" in attrs:
                    int(attrs["sheetId"])
                listed.append((attrs["name"], attrs.get(_R_ID, attrs.get("id")), attrs.get("state")))
    return epoch, listed


def date_styles(data: bytes) -> tuple[frozenset, frozenset]:
    """Indexes of the cell styles (``s``) whose number format shows a date, and a duration."""
    root = ET.fromstring(plain(data))
    formats, xfs = None, None
    for child in root:
        name = local(child.tag)
        if name == "numFmts":
            formats = child
        elif name == "cellXfs":
            xfs = child
    custom = {}
    for fmt in formats if formats is not None else ():
        if local(fmt.tag) == "numFmt":
            custom[int(fmt.attrib["numFmtId"])] = fmt.attrib["formatCode"]
    dates, timedeltas = set(), set()
    for index, xf in enumerate(x for x in (xfs if xfs is not None else ()) if local(x.tag) == "xf"):
        number = int(xf.get("numFmtId", 0))
        if number in custom:
            if is_date_format(custom[number]):
                dates.add(index)
            if is_timedelta_format(custom[number]):
                timedeltas.add(index)
        else:
            if number in BUILTIN_DATE_FORMATS:
                dates.add(index)
            if number in BUILTIN_TIMEDELTA_FORMATS:
                timedeltas.add(index)
    return frozenset(dates), frozenset(timedeltas)

