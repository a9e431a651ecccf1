"""DOCX scripts: paragraph ordinals as lines, headings, soft breaks, tables, damaged files."""
from __future__ import annotations

import docx
import pytest

from conftest import one_line_error
from linter import readers
from readers_support import at, by_text, segments_of, session_manifest


def _document(path):
    d = docx.Document()
    d.add_heading("20:00 开场 全网最好专场", level=1)                      # 1 header
    d.add_paragraph("主播：这是全网最好的面霜")                              # 2
    d.add_paragraph("")                                                    # 3 (empty, still counted)
    d.add_paragraph("// livelint: disable-next-line AD002 -- 榜单截图已存档")  # 4 comment
    p = d.add_paragraph("助播：这款销量第一")                                # 5
    p.add_run().add_break()
    p.add_run("气氛组：全网最好")                                            # 5, after a soft break
    table = d.add_table(rows=4, cols=4)                                    # rows are lines 6-9
    for col, name in enumerate(["时间", "角色", "话术", "备注"]):
        table.cell(0, col).text = name
    for col, value in enumerate(["20:30", "主播", "全网最好", "livelint: disable-line AD001 -- 测试理由"]):
        table.cell(1, col).text = value
    for col, value in enumerate(["21:00", "助播", "第一次来的宝宝\n全网最低", ""]):
        table.cell(2, col).text = value
    merged = table.cell(3, 1).merge(table.cell(3, 2))
    merged.text = "合并单元格 销量第一"
    d.add_paragraph("结束语 全网最好")                                        # 10
    d.save(path)


def test_docx_lines_columns_cells_and_suppression(cli, tmp_path):
    _document(tmp_path / "s.docx")
    report = cli.json("check", "s.docx", "--select", "AD")  # positions, not rule coverage
    assert report["files"] == [{"path": "s.docx", "format": "docx", "encoding": "utf-8", "segments": 9}]
    rows = [(v["line"], v["column"], v["end_column"], v["match"], v["speaker"], v.get("cell"), v["suppressed"])
            for v in report["violations"]]
    assert rows == [
        (1, 10, 14, "全网最好", None, None, False),
        (2, 6, 10, "全网最好", "主播", None, False),
        (5, 6, 10, "销量第一", "助播", None, True),
        (5, 15, 19, "全网最好", "气氛组", None, False),
        (7, 1, 5, "全网最好", "主播", "表1!C2", True),
        (8, 9, 13, "全网最低", "助播", "表1!C3", False),
        (9, 7, 11, "销量第一", "助播", "表1!C4", False),  # merged B4:C4: named by its text column
        (10, 5, 9, "全网最好", "助播", None, False),
    ]
    assert [v["justification"] for v in report["violations"] if v["suppressed"]] == ["榜单截图已存档", "测试理由"]


def test_docx_blocks_and_time_context(tmp_path):
    _document(tmp_path / "s.docx")
    doc = readers.read(str(tmp_path / "s.docx"))
    assert [(b.line, b.column, b.kind) for b in doc.blocks][:5] == [
        (1, 1, "header"), (2, 1, "text"), (4, 1, "comment"), (5, 1, "text"), (5, 11, "text")]
    segments = segments_of(tmp_path / "s.docx", session_manifest())
    assert by_text(segments, "这是全网最好").time == at(20, 0)  # the heading's clock
    assert by_text(segments, "第一次来").time == at(21, 0)     # the table's 时间 column
    assert by_text(segments, "合并单元格").time == at(21, 0)   # inherited


def test_tracked_changes_read_as_accepted(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    p = d.add_paragraph("主播：")
    inserted, deleted = OxmlElement("w:ins"), OxmlElement("w:del")
    for wrapper, tag, text in ((deleted, "w:delText", "销量第一"), (inserted, "w:t", "全网最好")):
        run, element = OxmlElement("w:r"), OxmlElement(tag)
        element.text = text
        run.append(element)
        wrapper.set(qn("w:id"), "1")
        wrapper.set(qn("w:author"), "审核")
        wrapper.append(run)
        p._p.append(wrapper)
    d.save(tmp_path / "t.docx")
    assert [b.text for b in readers.read(str(tmp_path / "t.docx")).blocks] == ["主播：全网最好"]


@pytest.mark.parametrize("damage, needle", [
    (lambda raw: raw[: len(raw) // 2], "not a valid DOCX file"),
    (lambda raw: b"", "empty file"),
    (lambda raw: b"PK\x03\x04" + b"\x00" * 40, "not a valid DOCX file"),
])
def test_damaged_docx_is_one_line_exit_2(cli, tmp_path, damage, needle):
    _document(tmp_path / "s.docx")
    path = tmp_path / "s.docx"
    path.write_bytes(damage(path.read_bytes()))
    one_line_error(cli("check", "s.docx"), "s.docx", needle)


def test_xlsx_renamed_to_docx_and_empty_document(cli, tmp_path):
    import openpyxl
    openpyxl.Workbook().save(tmp_path / "s.docx")
    result = cli("check", "s.docx")
    assert result.returncode == 2 and "no word/document.xml" in result.stderr
    docx.Document().save(tmp_path / "e.docx")
    assert readers.read(str(tmp_path / "e.docx")).blocks == ()
