"""Script tables (CSV/TSV/XLSX) through the installed command: rows, cells, context, 备注 suppression."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from conftest import one_line_error, write
from linter.readers import ReaderSettings
from linter.readers.columns import classify, time_text
from readers_support import at, by_text, segments_of, session_manifest

CSV = (
    "双十一直播脚本,,,,\n"
    "时间,角色,话术,商品,备注\n"
    "20:05,主播,姐妹们这是全网最好的面霜,1,\n"
    '20:06,助播,"第一次来的宝宝\n这款销量第一",1,livelint: disable-line AD002 -- 品牌方提供第三方榜单\n'
    ",,,,livelint: disable-next-line AD001 -- 品牌名含“最好”，已核验\n"
    "20:07,主播,这款面霜全网最好,2,\n"
    "20:08,主播,全网最好,2,livelint: disable-next-line AD001 -- 同一行生效\n"
)


def test_csv_rows_columns_context_and_remarks(cli, tmp_path):
    write(tmp_path / "s.csv", CSV)
    report = cli.json("check", "s.csv")
    assert report["files"] == [{"path": "s.csv", "format": "csv", "encoding": "utf-8", "segments": 6}]
    rows = [(v["line"], v["column"], v["end_column"], v["rule"], v["match"], v["speaker"], v["product"],
             v["suppressed"], v.get("justification"), "cell" in v) for v in report["violations"]]
    assert rows == [
        (3, 6, 10, "AD001", "全网最好", "主播", "1号链接", False, None, False),
        (4, 11, 15, "AD002", "销量第一", "助播", "1号链接", True, "品牌方提供第三方榜单", False),
        (6, 5, 9, "AD001", "全网最好", "主播", "2号链接", True, "品牌名含“最好”，已核验", False),
        (7, 1, 5, "AD001", "全网最好", "主播", "2号链接", True, "同一行生效", False),
    ]
    # the column is the offset inside the cell (a line break counts one): cell[col-1:end-1] is the match
    cell = "第一次来的宝宝\n这款销量第一"
    assert cell[11 - 1:15 - 1] == "销量第一"


def test_remarks_only_row_applies_to_next_row_and_unused_is_reported(cli, tmp_path):
    write(tmp_path / "s.csv", "话术,备注\n,livelint: disable-next-line AD001 -- 理由\n第一次来的宝宝\n")
    report = cli.json("check", "s.csv")
    assert [(v["line"], v["rule"]) for v in report["violations"]] == [(2, "ML001")]


def test_terminal_underlines_inside_a_multiline_cell(cli, tmp_path):
    write(tmp_path / "s.csv", '话术\n"第一次来的宝宝\n这款销量第一"\n')
    out = cli("check", "s.csv").stdout
    assert "s.csv:2:11" in out
    assert "    这款销量第一\n        ^^^^^^^^\n" in out


def test_tsv_gb18030_without_header_lints_every_cell(cli, tmp_path):
    write(tmp_path / "s.tsv", "主播\t全网最好\n\t销量第一\n", encoding="gb18030")
    report = cli.json("check", "s.tsv")
    assert report["files"][0]["encoding"] == "gb18030"
    assert [(v["line"], v["column"], v["match"]) for v in report["violations"]] == [
        (1, 1, "全网最好"), (2, 1, "销量第一")]


def test_excel_sep_hint_line(tmp_path):
    from linter import readers
    write(tmp_path / "s.csv", "sep=;\n话术;备注\n全网最好;x,y\n")
    (block,) = readers.read(str(tmp_path / "s.csv")).blocks
    assert (block.line, block.text, block.note) == (2, "全网最好", "x,y")


def _workbook(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "脚本"
    sheet.append(["双十一美妆专场"])
    sheet.append(["时间", "人员", "台词", "链接", "备注"])
    sheet.append([dt.time(20, 5), "主播", "这是全网最好的面霜", 1, None])
    sheet.append([None, "助播", "第一次来的宝宝\n销量第一", 2, "livelint: disable-line AD002 -- 榜单截图已存档"])
    other = book.create_sheet("返场 2")
    other.append(["主播话术", "备注"])
    other.append(["全网最好", None])
    book.save(path)


def test_xlsx_sheets_cells_and_context(cli, tmp_path):
    _workbook(tmp_path / "s.xlsx")
    report = cli.json("check", "s.xlsx")
    assert report["files"][0]["format"] == "xlsx"
    rows = [(v["line"], v["column"], v["cell"], v["match"], v["speaker"], v["product"], v["suppressed"])
            for v in report["violations"]]
    assert rows == [
        (2, 1, "'返场 2'!A2", "全网最好", "主播", "2号链接", False),
        (3, 3, "脚本!C3", "全网最好", "主播", "1号链接", False),
        (4, 9, "脚本!C4", "销量第一", "助播", "2号链接", True),
    ]
    out = cli("check", "s.xlsx").stdout
    assert "s.xlsx:3:3 (脚本!C3)" in out


def test_time_and_product_reach_the_segment(tmp_path):
    write(tmp_path / "s.csv", "时间段,话术,链接\n20:15-20:30,开场\n,继续\n21点半,第二段,2\n+01:45:00,第三段\n"
                              "不限,第四段\n")
    segments = segments_of(tmp_path / "s.csv", session_manifest())
    assert by_text(segments, "开场").time == at(20, 15)
    assert by_text(segments, "继续").time == at(20, 15)
    second = by_text(segments, "第二段")
    assert (second.time, second.product) == (at(21, 30), "MASK-01")
    assert by_text(segments, "第三段").time == at(21, 45)
    assert by_text(segments, "第四段").time == at(21, 45)  # not a time: the last one is inherited
    _workbook(tmp_path / "s.xlsx")
    segments = segments_of(tmp_path / "s.xlsx", session_manifest())
    face = by_text(segments, "这是全网最好")
    assert (face.time, face.product, face.speaker.role) == (at(20, 5), "FACE-050", "host")
    assert by_text(segments, "销量第一").speaker.role == "co-host"


def test_config_columns_override(cli, tmp_path):
    write(tmp_path / "s.csv", "谁说,讲解词,内容说明\n主播,全网最好,销量第一\n")
    # without config no header is recognised, so every cell is script text
    assert [(v["column"], v["match"]) for v in cli.json("check", "s.csv")["violations"]] == [
        (1, "全网最好"), (1, "销量第一")]
    write(tmp_path / ".livelint.toml", 'columns = {text = ["讲解词"], speaker = ["谁说"], note = ["内容说明"]}\n')
    report = cli.json("check", "s.csv")
    assert [(v["column"], v["match"], v["speaker"]) for v in report["violations"]] == [(1, "全网最好", "主播")]


def test_config_unknown_column_role_exit_2(cli, tmp_path):
    write(tmp_path / "s.csv", "话术\n全网最好\n")
    write(tmp_path / ".livelint.toml", 'columns = {txt = ["台词"]}\n')
    one_line_error(cli("check", "s.csv"), "columns.txt", 'did you mean "text"')


def test_reader_settings_from_config():
    from linter.config import Config
    from linter.model import LivelintError
    settings = ReaderSettings.from_config(Config(path="c.toml", columns={"text": ("讲解词",)}))
    assert settings == ReaderSettings(columns=(("text", ("讲解词",)),))
    assert ReaderSettings.from_config(Config()) == ReaderSettings()
    with pytest.raises(LivelintError, match="c.toml: columns.note: expected a non-empty list"):
        ReaderSettings.from_config(Config(path="c.toml", columns={"note": ()}))


@pytest.mark.parametrize("header, role, speaker", [
    ("话术", "text", None), ("台词", "text", None), ("口播内容", "text", None), ("Script", "text", None),
    ("商品话术", "text", None), ("主播话术", "text", "主播"), ("助播台词（备用）", "text", "助播"),
    ("主播", "text", "主播"), ("气氛组", "text", "气氛组"),
    ("话术备注", "note", None), ("Remarks", "note", None), ("商品名称", "product", None),
    ("链接号", "product", None), ("SKU", "product", None), ("时间段", "time", None),
    ("Time", "time", None), ("环节", "section", None), ("说话人", "speaker", None),
    ("Speaker Role", "speaker", None), ("timeline", None, None), ("价格", None, None),
    ("今天的内容是这款面霜真的很好用", None, None),
])
def test_header_names(header, role, speaker):
    column, _ = classify(header, ReaderSettings())
    assert (column and column.role, column and column.speaker) == (role, speaker)


@pytest.mark.parametrize("value, expected", [
    ("20:15", "20:15:00"), ("20：15：30", "20:15:30"), ("21点半", "21:30:00"), ("21点05分", "21:05:00"),
    ("+00:45:00", "+00:45:00"), ("20:00-20:10", "20:00:00"), (dt.time(9, 5), "09:05:00"),
    (dt.datetime(2026, 11, 11, 23, 59), "23:59:00"), (dt.timedelta(minutes=75), "+01:15:00"),
    ("开场", None), ("25:00", None), ("20:75", None), (3.5, None), (None, None),
])
def test_time_cells(value, expected):
    assert time_text(value) == expected


def test_empty_and_header_only_tables(tmp_path):
    from linter import readers
    write(tmp_path / "e.csv", "")
    write(tmp_path / "h.csv", "时间,话术\n")
    book = openpyxl.Workbook()
    book.save(tmp_path / "e.xlsx")
    for name in ("e.csv", "h.csv", "e.xlsx"):
        assert readers.read(str(tmp_path / name)).blocks == ()


def test_huge_cell_and_many_rows(tmp_path):
    from linter import readers
    long_cell = "好" * 200_000 + "全网最好"
    write(tmp_path / "big.csv", "话术\n" + f'"{long_cell}"\n' + "第一次来\n" * 20_000)
    doc = readers.read(str(tmp_path / "big.csv"))
    assert len(doc.blocks) == 20_001 and doc.blocks[0].text == long_cell and doc.blocks[-1].line == 20_002


@pytest.mark.parametrize("make, needle", [
    (lambda p: p.write_bytes(p.read_bytes()[:300]), "not a valid XLSX file"),
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0 old excel"), "not a valid XLSX file"),
])
def test_damaged_xlsx_is_one_line_exit_2(cli, tmp_path, make, needle):
    _workbook(tmp_path / "s.xlsx")
    make(tmp_path / "s.xlsx")
    one_line_error(cli("check", "s.xlsx"), "s.xlsx", needle)


def test_docx_renamed_to_xlsx(cli, tmp_path):
    import docx
    docx.Document().save(tmp_path / "s.xlsx")
    result = cli("check", "s.xlsx")
    assert result.returncode == 2 and "no xl/workbook.xml" in result.stderr
