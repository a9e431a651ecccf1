"""Fuzzing the table, subtitle and DOCX readers: any input parses or raises LivelintError.

Arbitrary bytes, and structured-but-odd inputs built from the pieces real files are made of
(header names, time cells, directives, quotes, cue timings, markup), plus damaged Office zips.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import docx
import openpyxl
from hypothesis import HealthCheck, given, settings, strategies as st

from linter.model import Document, LivelintError
from linter.readers import CONFIGURABLE, REGISTRY, ReaderSettings
from linter.readers import docx as docx_reader
from linter.readers import subtitle, table

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CUSTOM = ReaderSettings(columns=(("text", ("讲解词",)), ("note", ("备注",))))


def _read(reader, path, raw, *extra):
    try:
        doc = reader(path, raw, *extra)
    except LivelintError as exc:
        assert "\n" not in str(exc) and path in str(exc)
        return None
    assert isinstance(doc, Document)
    for block in doc.blocks:
        assert block.line >= 1 and block.column >= 1 and block.text.strip()
        assert "\n" not in block.text and "\r" not in block.text
        assert all(0 <= s <= e <= len(block.text) for s, e in block.masks)
    return doc


@FAST
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".tsv", ".xlsx", ".srt", ".vtt", ".docx"]))
def test_arbitrary_bytes(raw, suffix):
    reader = REGISTRY[suffix]
    _read(reader, "f" + suffix, raw, *((CUSTOM,) if reader in CONFIGURABLE else ()))


WORDS = ["时间", "时间段", "角色", "人员", "话术", "台词", "商品", "链接", "备注", "环节", "主播", "讲解词",
         "主播话术", "20:15", "21点半", "+00:45:00", "25:99", "1", "3.5", "全网最好", "第一次来的宝宝",
         "livelint: disable-line AD001 -- 理由", "livelint: disable-next-line AD002", "// 注释",
         "", " ", '"', "a,b", "行一\n行二", "\r\n", "\t", "【主播】", "主播：销量第一", "𠀀", "\u3000"]


@FAST
@given(st.lists(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=7), max_size=12),
       st.sampled_from([",", "\t", ";"]), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_structured_tables(rows, delimiter, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    try:
        raw = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    doc = _read(table.read, "f.tsv" if delimiter == "\t" else "f.csv", raw, CUSTOM)
    if doc is not None and doc.blocks:
        assert max(b.line for b in doc.blocks) <= max(len(rows), 1) + buffer.getvalue().count("\n")


CUES = ["1", "00:00:01,000 --> 00:00:02,000", "00:01.000 --> 00:02.000 align:start", "99:59:59.999 --> x",
        "-->", "WEBVTT", "NOTE livelint: disable-next-line AD001 -- 理由", "NOTE", "STYLE", "REGION",
        "<v 主播>全网最好", "<v.loud>", "<i>最好</i>", "{\\an8}销量第一", "&amp;&lt;", "<00:00:01.000>", "<",
        "主播：第一次", "", "", " "]


@FAST
@given(st.lists(st.sampled_from(CUES) | st.text(max_size=10), max_size=30), st.sampled_from([".srt", ".vtt"]),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_structured_subtitles(lines, suffix, newline):
    text = newline.join(lines)
    doc = _read(subtitle.read, "f" + suffix, text.encode("utf-8"))
    if doc is None:
        return
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for block in doc.blocks:  # a block is its physical line, never a fragment or a merge
        assert physical[block.line - 1] == block.text and block.column == 1
        assert block.time is None or block.time.startswith("+")


CELL = (st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
        | st.sampled_from(WORDS[:24]) | st.integers(-5, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
        | st.times() | st.none() | st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=2)))


def _workbook(sheets) -> bytes:
    book = openpyxl.Workbook()
    for index, rows in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet(f"S {index}'")
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@SLOW
@given(st.lists(st.lists(st.lists(CELL, max_size=5), max_size=6), min_size=1, max_size=3))
def test_structured_workbooks(sheets):
    doc = _read(table.read, "f.xlsx", _workbook(sheets), CUSTOM)
    assert doc is not None
    for block in doc.blocks:
        sheet_ref, _, ref = block.cell.rpartition("!")
        assert sheet_ref and int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) == block.line


BASE_XLSX = _workbook([[["时间", "话术"], ["20:00", "全网最好"]]])


def _base_docx() -> bytes:
    d = docx.Document()
    d.add_heading("标题", 1)
    d.add_paragraph("主播：全网最好")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 1).text = "话术"
    t.cell(1, 1).text = "销量第一"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


BASE_DOCX = _base_docx()


@SLOW
@given(st.sampled_from([("f.xlsx", BASE_XLSX), ("f.docx", BASE_DOCX)]), st.data())
def test_damaged_office_files(base, data):
    path, raw = base
    how = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "flip":
        at = data.draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1:]
    else:
        at = data.draw(st.integers(0, len(raw)))
        raw = raw[:at] + data.draw(st.binary(min_size=1, max_size=64)) + raw[at:]
    _read(REGISTRY[path[-5:]], path, raw, CUSTOM)


def test_damaged_xml_member_is_one_line():
    """A well-formed zip whose document XML is garbage: the parser's error becomes one line."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(BASE_DOCX)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data)
    try:
        docx_reader.read("f.docx", out.getvalue())
    except LivelintError as exc:
        assert str(exc).startswith("f.docx: cannot read DOCX (damaged file:") and "\n" not in str(exc)
    else:
        raise AssertionError("garbage XML was accepted")
