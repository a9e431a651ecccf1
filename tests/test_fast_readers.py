"""The fast XLSX/DOCX readers give exactly what the library readers (openpyxl, python-docx) gave.

Every case runs both paths: the fast one, and the library one (legacy.py, forced by making the fast
path decline). Same Document, or the same one-line error. The workbooks and documents are written
by openpyxl/python-docx, by the benchmark's writers, or by hand where a construct (cached formula
values, phonetic runs, rows without numbers) is only reachable as raw XML.
"""
from __future__ import annotations

import datetime as dt
import io
import random
import subprocess
import sys
import zipfile

import docx
import openpyxl
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from linter.model import LivelintError
from linter.readers import cellvalues, legacy, table, wordxml, xlsx
from linter.readers import docx as docx_reader
from linter.readers.ooxml import Unsupported
from linter.readers.settings import ReaderSettings

sys.path.insert(0, str(ROOT))
from benchmarks import corpus, writers  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM = ReaderSettings(columns=(("text", ("讲解词",)), ("note", ("备注",))))
# openpyxl warns about the minimal hand-written packages (no default style, a sheet without r:id)
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:openpyxl")


def _decline(raw):
    raise Unsupported("test: the library path")


def _outcome(read, path, raw, settings):
    try:
        return read(path, raw, settings)
    except LivelintError as exc:
        return str(exc)


def both(monkeypatch, path: str, raw: bytes, settings=None):
    """(library outcome, fast outcome) of the registered reader: a Document or the error line."""
    read = docx_reader.read if path.endswith(".docx") else table.read
    fast = _outcome(read, path, raw, settings)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx, "read", _decline)
        patch.setattr(wordxml, "read", _decline)
        library = _outcome(read, path, raw, settings)
    return library, fast


def _typed(sheets):
    """Sheets with every value's type, so 1 / 1.0 / True or a date / datetime cannot pass as equal."""
    return [(title, [[(type(v).__name__, v) for v in row] for row in rows]) for title, rows in sheets]


def assert_same_xlsx(monkeypatch, raw: bytes, settings=None):
    """The fast path reads the workbook itself (no fallback) and matches openpyxl cell by cell."""
    sheets = xlsx.read(raw)
    assert _typed(sheets) == _typed(legacy.xlsx_sheets(raw))
    library, fast = both(monkeypatch, "s.xlsx", raw, settings)
    assert library == fast
    return sheets, fast


def assert_same_docx(monkeypatch, raw: bytes, settings=None):
    items = wordxml.read(raw)
    assert items == legacy.docx_items(raw)
    library, fast = both(monkeypatch, "s.docx", raw, settings)
    assert library == fast
    return items, fast


def _zip(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


def _saved(document_or_book) -> bytes:
    out = io.BytesIO()
    document_or_book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- XLSX written by hand

STRINGS = [
    "<si><t>时间</t></si>", "<si><t>人员</t></si>", "<si><t>备注</t></si>",
    "<si><r><t>销量</t></r><r><rPr><i/><sz val='11'/></rPr><t>第一</t></r></si>",  # rich text runs
    "<si><t>x005F_x000D_全网最低</t><rPh sb='0' eb='2'><t>ぜんもう</t></rPh>"
    "<phoneticPr fontId='1'/></si>",  # phonetic guide: not shown
    "<si><r><t>后</t></r><t>先</t></si>",  # the plain <t> comes first, whatever the order
    "<si><t/></si>", "<si><t xml:space='preserve'>  主播：全网最好  </t></si>",
]
STYLES = (f"<styleSheet xmlns='{MAIN}'><numFmts count='3'>"
          "<numFmt numFmtId='164' formatCode='[h]:mm:ss'/>"
          "<numFmt numFmtId='165' formatCode='yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;'/>"
          "<numFmt numFmtId='166' formatCode='0.00&quot;元&quot;'/></numFmts>"
          "<cellXfs count='6'><xf numFmtId='0'/><xf numFmtId='20'/><xf numFmtId='14'/>"
          "<xf numFmtId='164'/><xf numFmtId='165'/><xf numFmtId='166'/></cellXfs></styleSheet>")
SHEET = (
    "<row r='1'><c r='A1' t='s'><v>0</v></c><c r='B1' t='s'><v>1</v></c>"
    "<c r='C1' t='inlineStr'><is><t>话术</t></is></c><c r='D1' t='s'><v>2</v></c></row>"
    "<row r='2'><c r='A2' s='1'><v>0.8368055555555556</v></c><c r='B2' t='s'><v>3</v></c>"
    "<c r='C2' t='inlineStr'><is><r><rPr><b/></rPr><t>全网</t></r><r><t xml:space='preserve'>最好 </t></r>"
    "</is></c><c r='D2' t='str'><f>A1&amp;B1</f><v>公式结果</v></c></row>"
    "<row r='4'><c t='b'><v>1</v></c><c><v>3.5</v></c><c t='inlineStr'><is><t>第一次来</t></is></c>"
    "<c t='e'><v>#N/A</v></c><c s='2'><v>45000</v></c><c s='3'><v>1.25</v></c><c s='4'><v>46337.5</v></c>"
    "<c s='5'><v>139</v></c><c><f>1+1</f><v>2</v></c></row>"
    "<row><c r='C5' t='inlineStr'><is><t>列序颠倒</t></is></c><c r='A5'><v>7</v></c></row>"
    "<row r='3'><c r='C3' t='inlineStr'><is><t>倒退的行号被丢弃</t></is></c></row>"
    "<row r='7'><c r='B7' t='d'><v>2026-11-11T20:00:00</v></c><c r='C7' t='s'><v>4</v></c><c r='D7'/>"
    "<c r='E7'><v></v></c><c r='F7' t='s'><v>5</v></c><c r='G7' t='s'><v>6</v></c></row>"
    "<row r='8' spans='1:3'/>"
    "<row r='9'><c r='AA9' t='inlineStr'><is><t>远处的列</t></is></c><c r='B9' t='s'><v>7</v></c></row>"
    "<row r='10.0'><c r='A10' t='inlineStr'><is/></c><c r='C10' t='inlineStr'><is><t>// 注释行</t></is></c>"
    "<c r='E10' t='inlineStr'><is><t>第一行\n第二行</t></is></c></row>"
)


def _workbook(sheets, strings=True, styles=True, date1904=False, extra="") -> bytes:
    """A raw package; sheets: [(name, state, sheet XML or None for a missing part, target, rid)]."""
    types = ["<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/>",
             "<Default Extension='xml' ContentType='application/xml'/>",
             "<Override PartName='/xl/workbook.xml' ContentType='application/vnd.openxmlformats-officedocument"
             ".spreadsheetml.sheet.main+xml'/>"]
    if strings:
        types.append("<Override PartName='/xl/sharedStrings.xml' ContentType='application/vnd.openxmlformats"
                     "-officedocument.spreadsheetml.sharedStrings+xml'/>")
    members = {"_rels/.rels": f"<Relationships xmlns='{PKG}'><Relationship Id='rId1' Type='{REL}/officeDocument'"
                              " Target='xl/workbook.xml'/></Relationships>"}
    listed, rels = [], []
    for index, (name, state, xml, target, rid) in enumerate(sheets, 1):
        state_attr = f" state='{state}'" if state else ""
        rid_attr = f" r:id='{rid}'" if rid else ""
        listed.append(f"<sheet name=\"{name}\" sheetId='{index}'{state_attr}{rid_attr}/>")
        if rid:
            rels.append(f"<Relationship Id='{rid}' Type='{REL}/worksheet' Target='{target}'/>")
        if xml is not None:
            members[target.lstrip("/") if target.startswith("/") else "xl/" + target] = \
                f"<worksheet xmlns='{MAIN}'><dimension ref='A1:AA10'/><sheetData>{xml}</sheetData></worksheet>"
    pr = "<workbookPr date1904='1'/>" if date1904 else "<workbookPr/>"
    members["xl/workbook.xml"] = (f"<workbook xmlns='{MAIN}' xmlns:r='{REL}'>{pr}<sheets>{''.join(listed)}"
                                  f"</sheets>{extra}</workbook>")
    members["xl/_rels/workbook.xml.rels"] = f"<Relationships xmlns='{PKG}'>{''.join(rels)}</Relationships>"
    if strings:
        members["xl/sharedStrings.xml"] = f"<sst xmlns='{MAIN}'>{''.join(STRINGS)}</sst>"
    if styles:
        members["xl/styles.xml"] = STYLES
    members["[Content_Types].xml"] = ("<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                                      + "".join(types) + "</Types>")
    return _zip(members)


def test_hand_written_cells_rows_and_strings(monkeypatch):
    sheets, doc = assert_same_xlsx(monkeypatch, _workbook([("脚本", None, SHEET, "worksheets/sheet1.xml", "rId1")]))
    (title, rows), = sheets
    assert title == "脚本" and len(rows) == 10 and rows[2] == [] and rows[7] == ()
    assert rows[1][0] == dt.time(20, 5) and rows[1][1] == "销量第一" and rows[1][2] == "全网最好 "
    assert rows[3][:8] == (True, 3.5, "第一次来", "#N/A", dt.datetime(2023, 3, 15), dt.timedelta(hours=30),
                           dt.datetime(2026, 11, 11, 12), 139)
    assert rows[4] == (7,) and rows[6][1:] == (dt.datetime(2026, 11, 11, 20), "x000D_全网最低", None, None, "先后", "")
    assert {b.cell for b in doc.blocks} >= {"脚本!C2", "脚本!C4", "脚本!C10"}


@pytest.mark.parametrize("variant", ["1904", "no strings or styles", "sheets"])
def test_hand_written_workbook_variants(monkeypatch, variant):
    if variant == "1904":
        raw = _workbook([("S", None, SHEET, "worksheets/sheet1.xml", "rId1")], date1904=True)
    elif variant == "no strings or styles":
        plain_sheet = "".join(part for part in SHEET.split("</row>") if "t='s'" not in part and "s='" not in part
                              and part).replace("<row", "</row><row").removeprefix("</row>") + "</row>"
        raw = _workbook([("S", None, plain_sheet, "worksheets/sheet1.xml", "rId1")], strings=False, styles=False)
    else:
        raw = _workbook([("Sheet1", None, SHEET, "worksheets/sheet1.xml", "rId1"),
                         ("返场 2", "hidden", SHEET, "/xl/worksheets/sheet2.xml", "rId2"),
                         ("It's", "veryHidden", SHEET, "worksheets/s3.xml", "rId3"),
                         ("无关系", None, SHEET, "worksheets/s4.xml", None),   # no r:id: skipped
                         ("缺失", None, None, "worksheets/gone.xml", "rId5"),  # part missing: skipped
                         ("2024", "visible", SHEET, "worksheets/s6.xml", "rId6")])
    sheets, doc = assert_same_xlsx(monkeypatch, raw)
    if variant == "sheets":
        assert [t for t, _ in sheets] == ["Sheet1", "返场 2", "It's", "2024"]
        assert {b.cell.rpartition("!")[0] for b in doc.blocks} == {"Sheet1", "'返场 2'", "'It''s'", "'2024'"}
    if variant == "1904":
        assert sheets[0][1][3][4] == dt.datetime(2027, 3, 16)


@pytest.mark.parametrize("change", [
    lambda m: m.update({"xl/workbook.xml": m["xl/workbook.xml"].replace("<workbook", "<!-- x --><workbook")}),
    lambda m: m.update({"xl/styles.xml": "<?xml version='1.0' encoding='GBK'?>" + m["xl/styles.xml"]}),
    lambda m: m.update({"xl/workbook.xml": m["xl/workbook.xml"].replace("sheetId", "bogus")}),
    lambda m: m.update({"xl/sharedStrings.xml": m["xl/sharedStrings.xml"].replace("<si>", "<si x='1'>", 1)}),
    lambda m: m.update({"xl/worksheets/sheet1.xml": m["xl/worksheets/sheet1.xml"].replace("A1:AA10", "A1:")}),
    lambda m: m.pop("xl/_rels/workbook.xml.rels"),
    lambda m: m.pop("[Content_Types].xml"),
    lambda m: m.update({"xl/worksheets/sheet1.xml": m["xl/worksheets/sheet1.xml"].replace("r='B1'", "r='1B'")}),
    lambda m: m.update({"xl/worksheets/sheet1.xml": m["xl/worksheets/sheet1.xml"].replace("<v>3</v>", "<v>99</v>")}),
    lambda m: m.update({"xl/worksheets/sheet1.xml": m["xl/worksheets/sheet1.xml"].replace("<v>3.5", "<v>x3.5")}),
    lambda m: m.update({"xl/worksheets/sheet1.xml": m["xl/worksheets/sheet1.xml"][:-30]}),
])
def test_odd_or_damaged_workbooks_read_as_the_library_reads_them(monkeypatch, change):
    """Unusual markup falls back to openpyxl; damage gives openpyxl's own error line."""
    with zipfile.ZipFile(io.BytesIO(_workbook([("S", None, SHEET, "worksheets/sheet1.xml", "rId1")]))) as src:
        members = {name: src.read(name).decode("utf-8") for name in src.namelist()}
    change(members)
    library, fast = both(monkeypatch, "s.xlsx", _zip(members))
    assert library == fast


# ---------------------------------------------------------------- XLSX written by openpyxl

def test_openpyxl_workbook_types_sheets_and_rich_text(monkeypatch):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "脚本 A"
    sheet.append(["双十一"])
    sheet.append(["时间", "角色", "话术", "链接", "备注"])
    sheet.append([dt.time(20, 5), "主播", "这是全网最好的面霜", 1, None])
    sheet.append([dt.datetime(2026, 11, 11, 20, 30), "助播", "第一次来的宝宝\n销量第一", 2.0, "livelint: disable-line AD002"])
    sheet.append([dt.timedelta(minutes=75), None, CellRichText(["全网", TextBlock(InlineFont(b=True), "最低")]), 3.25])
    sheet.append([dt.date(2026, 11, 11), True, "=1+1", -7, 10 ** 12])
    sheet["C12"] = "跳过的行之后"
    sheet["H12"] = 0.1 + 0.2
    hidden = book.create_sheet("Hidden'Sheet")
    hidden.sheet_state = "hidden"
    hidden.append(["主播话术", "备注"])
    hidden.append(["全网最好", False])
    book.create_sheet("空表")
    sheets, doc = assert_same_xlsx(monkeypatch, _saved(book))
    assert [t for t, _ in sheets] == ["脚本 A", "Hidden'Sheet", "空表"] and len(doc.blocks) >= 6


CELL = (st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
        | st.sampled_from(["时间", "话术", "备注", "主播", "20:15", "// 注释", "a\nb", "x005F_", " "])
        | st.integers(-5, 10 ** 12) | st.floats(allow_nan=False, allow_infinity=False, width=32)
        | st.booleans() | st.none() | st.times()
        | st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1))
        | st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=3)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.lists(CELL, max_size=6), max_size=8), min_size=1, max_size=3),
       st.lists(st.integers(1, 40), max_size=3))
def test_random_openpyxl_workbooks(monkeypatch, sheets, far_rows):
    book = openpyxl.Workbook()
    for index, rows in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet(f"S {index}'")
        for row in rows:
            sheet.append(row)
        for number in far_rows:
            sheet.cell(row=number + len(rows), column=number % 5 + 1, value="远处")
    assert_same_xlsx(monkeypatch, _saved(book), CUSTOM)


# ---------------------------------------------------------------- DOCX

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _element(tag: str, text: str | None = None, **attrs):
    if tag.startswith("mc:"):  # python-docx has no prefix for markup compatibility
        from lxml import etree
        element = etree.Element(f"{{{MC}}}{tag[3:]}", nsmap={"mc": MC})
    else:
        element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(key.replace("_", ":", 1)) if "_" in key else key, value)
    if text is not None:
        element.text = text
    return element


def _run(text: str):
    run = _element("w:r")
    run.append(_element("w:t", text))
    return run


def _rich_document() -> bytes:
    d = docx.Document()
    d.add_heading("开场 全网最好", level=0)  # Title
    for level in (1, 2, 3):
        d.add_heading(f"{level} 级标题", level=level)
    d.add_paragraph("主播：这是全网最好的面霜")
    d.add_paragraph("")
    d.add_paragraph("// livelint: disable-next-line AD002 -- 榜单截图已存档")
    p = d.add_paragraph("助播：这款")
    p.add_run().add_tab()
    p.add_run("销量第一")
    p.add_run().add_break()
    p.add_run("气氛组：全网最好")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("分页后")
    p = d.add_paragraph()
    hyperlink = _element("w:hyperlink", r_id="rId99")
    hyperlink.append(_run("链接里的全网最低"))
    p._p.append(hyperlink)
    field = _element("w:fldSimple", w_instr="PAGE")
    field.append(_run("3"))
    p._p.append(field)
    for tag, attrs, text in (("w:fldChar", {"w_fldCharType": "begin"}, None), ("w:instrText", {}, " DATE "),
                             ("w:fldChar", {"w_fldCharType": "end"}, None)):
        run = _element("w:r")
        run.append(_element(tag, text, **attrs))
        p._p.append(run)
    run = _element("w:r")
    for tag in ("w:cr", "w:noBreakHyphen"):
        run.append(_element(tag))
    run.append(_element("w:t", "换行后"))
    p._p.append(run)
    p = d.add_paragraph("修订：")
    for wrapper, tag, text in (("w:del", "w:delText", "删掉的"), ("w:ins", "w:t", "插入的"),
                               ("w:moveFrom", "w:t", "移走的"), ("w:moveTo", "w:t", "移来的")):
        element, run = _element(wrapper, w_id="1", w_author="审核"), _element("w:r")
        run.append(_element(tag, text))
        element.append(run)
        p._p.append(element)
    alternate = _element("mc:AlternateContent")
    choice, fallback = _element("mc:Choice", Requires="wps"), _element("mc:Fallback")
    choice.append(_run("选择"))
    fallback.append(_run("备选重复"))
    alternate.extend([choice, fallback])
    run = _element("w:r")
    run.append(alternate)
    p._p.append(run)
    box = _element("w:txbxContent")
    box.append(_element("w:p"))
    box[0].append(_run("文本框"))
    run = _element("w:r")
    run.append(box)
    p._p.append(run)
    outline = d.add_paragraph("大纲级别的段落")
    outline._p.get_or_add_pPr().append(_element("w:outlineLvl", w_val="0"))
    table = d.add_table(rows=4, cols=4)
    for col, name in enumerate(["时间", "角色", "话术", "备注"]):
        table.cell(0, col).text = name
    for col, value in enumerate(["20:30", "主播", "全网最好", "livelint: disable-line AD001 -- 测试理由"]):
        table.cell(1, col).text = value
    table.cell(2, 2).text = "第一次来的宝宝\n全网最低"
    table.cell(2, 2).add_paragraph("第二段")
    table.cell(3, 1).merge(table.cell(3, 2)).text = "合并单元格 销量第一"
    table.cell(1, 0).merge(table.cell(2, 0))
    inner = table.cell(2, 3).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "嵌套表格不读"
    sdt, content = _element("w:sdt"), _element("w:sdtContent")
    inner_p = _element("w:p")
    inner_p.append(_run("内容控件里的全网最好"))
    content.append(inner_p)
    sdt.append(content)
    d.element.body.insert(len(d.element.body) - 1, sdt)
    d.add_paragraph("结束语", style="Subtitle")
    d.add_paragraph("引用", style="Quote")
    return _saved(d)


def test_docx_constructs(monkeypatch):
    items, doc = assert_same_docx(monkeypatch, _rich_document())
    texts = [item[1] for item in items if item[0] == "p"]
    assert "助播：这款\t销量第一\n气氛组：全网最好分页后" in texts and "修订：插入的移来的选择" in texts
    assert "链接里的全网最低3\n-换行后" in texts and "内容控件里的全网最好" in texts
    assert sum(item[2] for item in items if item[0] == "p") == 6 and [i[0] for i in items].count("t") == 1
    assert any(b.cell == "表1!C3" for b in doc.blocks)


def _restyle(raw: bytes, edit) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        members = {name: src.read(name) for name in src.namelist()}
    edit(members)
    return _zip(members)


@pytest.mark.parametrize("edit", [
    # style ids that are not their names (Chinese Word: id "1" named "heading 1"; id "a" named 正文)
    lambda m: m.update({"word/styles.xml": m["word/styles.xml"].replace(b'w:styleId="Heading1"', b'w:styleId="1"')
                        .replace(b'w:styleId="Normal"', b'w:styleId="a"').replace(b'w:val="Normal"', b'w:val="heading x"'),
                        "word/document.xml": m["word/document.xml"].replace(b'w:val="Heading1"', b'w:val="1"')}),
    lambda m: m.update({"word/styles.xml": m["word/styles.xml"].replace(b'<w:name w:val="Title"/>', b"")}),
    lambda m: m.update({"word/styles.xml": m["word/styles.xml"].replace(b'w:val="heading 2"', b'w:val=" \xe6\xa0\x87\xe9\xa2\x98 2"')}),
])
def test_docx_style_names(monkeypatch, edit):
    assert_same_docx(monkeypatch, _restyle(_rich_document(), edit))


@pytest.mark.parametrize("edit", [
    lambda m: m.pop("word/styles.xml"),  # python-docx substitutes its default styles
    lambda m: m.update({"word/document.xml": m["word/document.xml"].replace(b"<w:body>", b"<w:body><!-- c -->")}),
    lambda m: m.update({"word/document.xml": m["word/document.xml"][:-40]}),
    lambda m: m.update({"word/numbering.xml": b"<w:numbering"}) if "word/numbering.xml" in m else m.pop("word/settings.xml"),
    lambda m: m.update({"word/settings.xml": b"<broken"}),
    lambda m: m.update({"word/styles.xml": m["word/styles.xml"].replace(b' w:type="paragraph"', b"", 1)}),
    lambda m: m.pop("word/settings.xml"),
    lambda m: m.pop("[Content_Types].xml"),
    lambda m: m.update({"word/document.xml": m["word/document.xml"].replace(b'w:val="Heading1"', b'w:bad="x"', 1)}),
])
def test_odd_or_damaged_documents_read_as_the_library_reads_them(monkeypatch, edit):
    raw = _restyle(_rich_document(), edit)
    library, fast = both(monkeypatch, "s.docx", raw)
    assert library == fast


def _without_styles(members):
    import re

    members.pop("word/styles.xml")
    rels = "word/_rels/document.xml.rels"
    members[rels] = re.sub(rb"<Relationship [^>]*Target=\"styles.xml\"/>", b"", members[rels])


def test_docx_without_styles_falls_back_to_python_docx_defaults(monkeypatch):
    raw = _restyle(_rich_document(), _without_styles)
    with pytest.raises(Unsupported):
        wordxml.read(raw)
    library, fast = both(monkeypatch, "s.docx", raw)
    assert library == fast and sum(b.kind == "header" for b in fast.blocks) >= 4


def test_template_parts_are_parsed_once_per_content(monkeypatch):
    """A styles.xml saved again at another time is reused; edited content is not."""
    from linter.readers import ooxml

    raw = _rich_document()
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        members = [(item, src.read(item)) for item in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, data in members:
            dst.writestr(zipfile.ZipInfo(item.filename, (2030, 1, 2, 3, 4, 6)), data, zipfile.ZIP_DEFLATED)
    wordxml.read(raw)
    before = len(ooxml._MEMO)
    assert wordxml.read(out.getvalue()) == wordxml.read(raw) and len(ooxml._MEMO) == before
    renamed = _restyle(raw, lambda m: m.update({"word/styles.xml": m["word/styles.xml"].replace(
        b'<w:name w:val="heading 1"/>', b'<w:name w:val="Body 1"/>')}))
    assert wordxml.read(renamed) == legacy.docx_items(renamed) != wordxml.read(raw)


# ---------------------------------------------------------------- the benchmark's own writers

@pytest.mark.parametrize("seed", [1, 2])
def test_benchmark_writers(monkeypatch, seed):
    lines = corpus.script(random.Random(seed), 3000, lambda s: s)
    assert_same_xlsx(monkeypatch, writers.WRITERS[".xlsx"](lines))
    assert_same_docx(monkeypatch, writers.WRITERS[".docx"](lines))


# ---------------------------------------------------------------- damaged packages, both kinds

BASES = {"s.xlsx": _workbook([("S", None, SHEET, "worksheets/sheet1.xml", "rId1")]), "s.docx": _rich_document()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(BASES)), st.sampled_from(["truncate", "flip", "splice", "member"]), st.randoms())
def test_damage_gives_the_library_outcome(monkeypatch, path, how, rng):
    raw = BASES[path]
    at = rng.randrange(len(raw))
    if how == "truncate":
        raw = raw[:at]
    elif how == "flip":
        raw = raw[:at] + bytes([raw[at] ^ rng.randrange(1, 256)]) + raw[at + 1:]
    elif how == "splice":
        raw = raw[:at] + rng.randbytes(rng.randrange(1, 16)) + raw[at:]
    else:
        with zipfile.ZipFile(io.BytesIO(raw)) as src:
            members = {name: src.read(name) for name in src.namelist()}
        victim = rng.choice(sorted(members))
        data = members[victim]
        cut = rng.randrange(len(data) + 1)
        members[victim] = rng.choice([data[:cut], data[:cut] + b"<" + data[cut:], data[:cut] + b"&#0;" + data[cut:],
                                      data.replace(b"r=", b"x=", 1), data[:cut] + b"<!-- c -->" + data[cut:]])
        raw = _zip(members)
    library, fast = both(monkeypatch, path, raw, CUSTOM)
    assert library == fast


@pytest.mark.parametrize("path", sorted(BASES))
def test_zip_needing_a_newer_unzip_is_one_line(path):
    """zipfile raises NotImplementedError for a central directory asking for zip version > 6.3."""
    raw = BASES[path]
    at = raw.index(b"PK\x01\x02") + 6  # "version needed to extract" of the first entry
    raw = raw[:at] + bytes([249, 0]) + raw[at + 2:]
    read = docx_reader.read if path.endswith(".docx") else table.read
    with pytest.raises(LivelintError, match="not a valid"):
        read(path, raw)


# ---------------------------------------------------------------- cell values against openpyxl

def test_part_types_match_the_libraries():
    from docx.opc.constants import CONTENT_TYPE as CT
    from openpyxl.xml.constants import SHARED_STRINGS, XLSM, XLSX, XLTM, XLTX

    assert xlsx.WORKBOOK_TYPES == (XLTM, XLTX, XLSM, XLSX) and xlsx.SHARED_STRINGS == SHARED_STRINGS
    assert (wordxml.DOCUMENT, wordxml.STYLES) == (CT.WML_DOCUMENT_MAIN, CT.WML_STYLES)
    assert wordxml.MODELLED == {CT.WML_DOCUMENT_MAIN, CT.WML_STYLES, CT.WML_COMMENTS, CT.WML_FOOTER, CT.WML_HEADER,
                                CT.WML_NUMBERING, CT.WML_SETTINGS, CT.OPC_CORE_PROPERTIES}


def test_builtin_date_formats_match_openpyxl():
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    assert cellvalues.BUILTIN_DATE_FORMATS == {k for k, v in BUILTIN_FORMATS.items() if is_date_format(v)}
    assert cellvalues.BUILTIN_TIMEDELTA_FORMATS == {k for k, v in BUILTIN_FORMATS.items() if is_timedelta_format(v)}
    codes = list(BUILTIN_FORMATS.values()) + ['yyyy"年"m"月"', '0.00"元"', "[Red]0", "[h]:mm", "[mm]:ss.00",
                                               '"d"0', "\\d0", "_m0", "[$-804]yyyy", "0;[h]", None]
    for code in codes:
        assert cellvalues.is_date_format(code) == is_date_format(code), code
        assert cellvalues.is_timedelta_format(code) == is_timedelta_format(code), code


@pytest.mark.parametrize("value", [0, 0.5, 0.99999999, 0.999999999999, 1, 59.5, 60, 61, 45000.25, 2958465.9, -1.5,
                                   1e-9, 3, 10 ** 7])
def test_serial_dates_match_openpyxl(value):
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

    for epoch in (WINDOWS_EPOCH, MAC_EPOCH):
        for timedelta in (False, True):
            try:
                expected = from_excel(value, epoch, timedelta)
            except (OverflowError, ValueError) as exc:
                with pytest.raises(type(exc)):
                    cellvalues.from_excel(value, epoch, timedelta)
            else:
                assert cellvalues.from_excel(value, epoch, timedelta) == expected


@pytest.mark.parametrize("text", ["2026-11-11T20:00:00", "2026-11-11", "20:05", "20:05:30.125", "T20:05Z",
                                  "PT1H30M", "PT12.5S", "", "garbage", "2026-13-01"])
def test_iso_dates_match_openpyxl(text):
    from openpyxl.utils.datetime import from_ISO8601

    try:
        expected = from_ISO8601(text)
    except ValueError:
        with pytest.raises(ValueError):
            cellvalues.from_iso8601(text)
    else:
        assert cellvalues.from_iso8601(text) == expected


@pytest.mark.parametrize("ref", ["A1", "Z9", "AA10", "XFD1048576", "ZZZ1", "a1", "$A$1", "A", "1", "AAAA1", "A1B",
                                 "A0", "A1_0", "Ａ1", "A١"])
def test_cell_references_match_openpyxl(ref):
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        expected = coordinate_to_tuple(ref)[1]
    except ValueError:
        with pytest.raises(ValueError):
            cellvalues.column_of(ref)
    else:
        assert cellvalues.column_of(ref) == expected


def test_common_path_never_imports_the_libraries(tmp_path):
    """The point of the fast readers: reading a normal workbook or document loads neither library."""
    lines = corpus.script(random.Random(3), 1000, lambda s: s)
    for suffix in (".xlsx", ".docx"):
        (tmp_path / f"s{suffix}").write_bytes(writers.WRITERS[suffix](lines))
    code = ("import sys; from linter.readers import read; "
            f"[read(p) for p in {[str(tmp_path / 's.xlsx'), str(tmp_path / 's.docx')]!r}]; "
            "print(sorted({'openpyxl', 'docx', 'lxml'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
