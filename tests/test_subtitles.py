"""SRT and WebVTT transcripts: physical lines, true columns under markup, cue times, NOTE directives."""
from __future__ import annotations

from conftest import write
from linter import readers
from readers_support import at, by_text, segments_of, session_manifest

VTT = (
    "WEBVTT\n"                                               # 1
    "Kind: captions\n"                                       # 2
    "\n"
    "STYLE\n"                                                # 4
    "::cue { color: white } 全网最好\n"                        # 5 (not linted)
    "\n"
    "intro\n"                                                # 7 cue identifier
    "00:00:01.000 --> 00:00:04.000 align:start\n"            # 8
    "<v.loud 主播>这是<i>全网最好</i>的面霜\n"                     # 9
    "第一次来的宝宝点关注\n"                                       # 10
    "\n"
    "NOTE livelint: disable-next-line AD002 -- 平台榜单截图已存档\n"  # 12
    "\n"
    "45:00.500 --> 45:03.000\n"                              # 14 (no hours)
    "助播：{\\an8}这款销量第一\n"                                 # 15
    "\n"
    "NOTE\n"                                                 # 17
    "多行注释 全网最好\n"                                          # 18 (comment, not linted)
    "\n"
    "01:30:00.000 --> 01:30:02.000\n"                        # 20
    "&lt;全网最好&gt;\n"                                         # 21
)


def test_vtt_lines_columns_speakers_and_note_suppression(cli, tmp_path):
    write(tmp_path / "s.vtt", VTT)
    report = cli.json("check", "s.vtt")
    assert report["files"] == [{"path": "s.vtt", "format": "vtt", "encoding": "utf-8", "segments": 4}]
    rows = [(v["line"], v["column"], v["end_column"], v["rule"], v["match"], v["speaker"], v["suppressed"],
             v.get("justification")) for v in report["violations"]]
    assert rows == [
        (9, 17, 21, "AD001", "全网最好", "主播", False, None),
        (15, 12, 16, "AD002", "销量第一", "助播", True, "平台榜单截图已存档"),
        (21, 5, 9, "AD001", "全网最好", "助播", False, None),
    ]
    lines = VTT.split("\n")
    for v in report["violations"]:  # columns index the physical line, markup included
        assert lines[v["line"] - 1][v["column"] - 1:v["end_column"] - 1] == v["match"]


def test_vtt_markup_is_masked_not_linted(tmp_path):
    write(tmp_path / "m.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<c.最好>好</c><00:00:01.500><b>看</b>\n")
    (block,) = readers.read(str(tmp_path / "m.vtt")).blocks
    visible = "".join(" " if any(s <= i < e for s, e in block.masks) else c for i, c in enumerate(block.text))
    assert visible.split() == ["好", "看"]


SRT = ("1\r\n00:00:01,000 --> 00:00:04,000\r\n主播：<b>全网最好</b>的面霜\r\n\r\n"
       "2\r\n00:15:00,000 --> 00:15:02,000\r\n- 这款销量第一\r\n"
       "3\r\n01:00:00,000 --> 01:00:02,000\r\n助播：第一次来的宝宝\r\n")  # cue 3 has no blank line before it


def test_srt_lines_columns_and_speakers(cli, tmp_path):
    write(tmp_path / "s.srt", SRT)
    report = cli.json("check", "s.srt")
    assert report["files"][0]["format"] == "srt"
    rows = [(v["line"], v["column"], v["end_column"], v["match"], v["speaker"]) for v in report["violations"]]
    assert rows == [(3, 7, 11, "全网最好", "主播"), (7, 5, 9, "销量第一", "主播")]
    assert [b.line for b in readers.read(str(tmp_path / "s.srt")).blocks] == [3, 7, 10]


def test_cue_start_is_the_time_context(tmp_path):
    write(tmp_path / "s.srt", SRT)
    write(tmp_path / "s.vtt", VTT)
    manifest = session_manifest()
    srt = segments_of(tmp_path / "s.srt", manifest)
    assert [s.time for s in srt] == [at(20, 0, 1), at(20, 15), at(21, 0)]
    assert by_text(srt, "第一次来").speaker.role == "co-host"
    vtt = segments_of(tmp_path / "s.vtt", manifest)
    assert by_text(vtt, "第一次来").time == at(20, 0, 1)
    assert by_text(vtt, "销量第一").time == at(20, 45)
    assert by_text(vtt, "&lt;").time == at(21, 30)
    assert by_text(vtt, "面霜").speaker.label == "主播"


def test_lenient_on_odd_subtitles(tmp_path):
    write(tmp_path / "a.srt", "没有时间轴的一行\n\n1\n00:00:01,000 --> 00:00:02,000\n\n\n孤立的文字\n")
    assert [(b.line, b.time) for b in readers.read(str(tmp_path / "a.srt")).blocks] == [
        (1, None), (7, "+00:00:01")]
    write(tmp_path / "b.vtt", "")
    write(tmp_path / "c.vtt", "WEBVTT\n")
    write(tmp_path / "d.vtt", "不是 WEBVTT 开头\n00:01.000 --> 00:02.000\n全网最好\n")
    assert readers.read(str(tmp_path / "b.vtt")).blocks == readers.read(str(tmp_path / "c.vtt")).blocks == ()
    assert [b.text for b in readers.read(str(tmp_path / "d.vtt")).blocks] == ["全网最好"]
    write(tmp_path / "e.vtt", "WEBVTT\n00:01.000 --> 00:02.000\n全网最好\n")  # no blank after the header
    assert [(b.line, b.time) for b in readers.read(str(tmp_path / "e.vtt")).blocks] == [(3, "+00:00:01")]
