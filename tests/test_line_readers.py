"""The per-line fast paths give exactly the Documents of the plain per-line readers.

Readers build one Block per line through ``Block.make`` and test for a regex's fixed substring
before calling it; the table rows find their context cells by index. Each reader here is held to
its plain statement in line_reference.py over generated lines made of the constructs that steer
it (fences, comments, timings, identifiers, markup, blank and whitespace-only lines).
"""
from __future__ import annotations

import dataclasses
import inspect
import pickle
from datetime import datetime, time, timedelta

import pytest
from hypothesis import given, settings, strategies as st

import line_reference as ref
from linter.model import Block
from linter.readers import docx, markdown, subtitle, text
from linter.readers.columns import Column, Layout, Rows

WHITE = ["", " ", "\t", "\u3000", "\u00a0", "\x1c", "\x85"]
PROSE = ["主播：", "正文", "最后一步", "a", "1", "//", " // 注释", "x//y"]
MARKDOWN = WHITE + PROSE + [
    "```", "~~~", "   ```python", "    ```", "# 标题", "#没有空格", "###### 六", "####### 七",
    "[a]: http://x", "[a]:", "]:", "<!-- 注 -->", "<!--", "-->", "<!-- livelint: disable -->",
    "[链接](http://x)", "](", ")", "`代码`", "`", "<b>", "</b>", "<https://a>", "<mailto:x", ">",
    "---", "...", "<a", "<1",
]
SUBTITLE = WHITE + PROSE + [
    "1", "12", " 3 ", "00:00:01,000 --> 00:00:02,000", "00:00:01.000 --> 00:00:02.000",
    "01:02.500 --> 01:03.000", "1:2:03 -->", "00:75:00,000 -->", "00:00:60,000 -->",
    "００:００:０１,０００ -->", "00:00:0١,000 -->", "99999:59:59,1-->", " 00:00:01,000 -->",
    "00:00:01,000-->", "00:00:01,000 --", "00:00:01,0000 -->", "-->", "NOTE", "NOTE 备注", "NOTEx",
    "STYLE", "REGION ", "STYLEx", "WEBVTT", "<v 主播>", "<v.loud 助播>", "<v>", "<i>", "</i>",
    "{\\an8}", "&amp;", "&#12345;", "&nbsp", "<00:00:01.000>",
]


def _lines(fragments, max_lines=14):
    line = st.lists(st.sampled_from(fragments), max_size=4).map("".join)
    return st.lists(line, max_size=max_lines)


def _raw(lines, crlf: bool) -> bytes:
    return ("\r\n" if crlf else "\n").join(lines).encode("utf-8")


EXAMPLES = settings(max_examples=150, deadline=None)


@EXAMPLES
@given(_lines(MARKDOWN), st.booleans())
def test_text_reader(lines, crlf):
    raw = _raw(lines, crlf)
    assert text.read("a.txt", raw) == ref.text_read("a.txt", raw)


@EXAMPLES
@given(_lines(MARKDOWN), st.booleans())
def test_markdown_reader(lines, crlf):
    raw = _raw(lines, crlf)
    assert markdown.read("a.md", raw) == ref.markdown_read("a.md", raw)


@EXAMPLES
@given(st.lists(st.sampled_from(MARKDOWN), max_size=8).map("".join))
def test_markdown_masks(line):
    assert markdown._masks(line) == ref.markdown_masks(line)


@EXAMPLES
@given(_lines(SUBTITLE, 20), st.sampled_from(["a.srt", "a.vtt", "A.VTT"]), st.booleans(), st.booleans())
def test_subtitle_reader(lines, path, header, crlf):
    raw = _raw((["WEBVTT", "Kind: captions"] if header else []) + lines, crlf)
    assert subtitle.read(path, raw) == ref.subtitle_read(path, raw)


@EXAMPLES
@given(st.text("0123456789:,.- >\t\u3000０١", max_size=24), st.sampled_from(["", "-->", " --> 00:01.000"]))
def test_cue_time_is_the_timing_match(line, tail):
    line += tail
    m = subtitle._TIMING.match(line)
    assert subtitle._cue_time(line) == (ref._offset(m) if m else None)


@pytest.mark.parametrize("line, offset", [
    ("00:01:02,003 --> 00:01:03,000", "+00:01:02"), ("12:59:59.999 -->", "+12:59:59"),
    ("00:75:00,000 -->", "+01:15:00"), ("01:02.500 --> 01:03.000", "+00:01:02"),
    ("123:00:00,000 -->", "+123:00:00"), ("字幕 -->", None)])
def test_cue_times(line, offset):
    assert subtitle._cue_time(line) == offset


@EXAMPLES
@given(st.lists(st.sampled_from(MARKDOWN + ["\n", "\n\n"]), max_size=8).map("".join),
       st.sampled_from(["text", "header"]), st.integers(1, 9))
def test_docx_paragraph(paragraph, kind, line):
    assert docx._paragraph(paragraph, line, kind) == ref.paragraph_blocks(paragraph, line, kind)


CELL = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 30), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([datetime(2026, 11, 11, 20, 5), time(20, 30), timedelta(minutes=90),
                     "20:00", "+00:05", "8点半", "3", " 3 ", "A-1"]),
    st.lists(st.sampled_from(MARKDOWN + ["\n", "\r\n", "\r"]), max_size=6).map("".join),
)
ROLES = st.sampled_from(["time", "section", "speaker", "text", "text", "product", "note"])


@st.composite
def tables(draw):
    width = draw(st.integers(0, 6))
    picked = draw(st.lists(st.tuples(st.integers(0, 7), ROLES, st.sampled_from([None, "主播", "助播"])),
                           max_size=6, unique_by=lambda c: c[0]))
    columns = tuple(Column(i, role, speaker if role == "text" else None) for i, role, speaker in picked)
    layout = Layout(draw(st.sampled_from([None, 0, 1, 2])), columns)
    rows = draw(st.lists(st.lists(CELL, min_size=0, max_size=width + 2).map(tuple), max_size=8))
    return layout, rows


@EXAMPLES
@given(tables())
def test_table_rows(table):
    layout, rows = table
    cell = lambda index, col: f"表!{col}{index}"  # noqa: E731
    fast, plain = Rows(layout, cell), ref.Rows(layout, cell)
    for index, row in enumerate(rows):
        assert fast.blocks(index, index + 1, row) == plain.blocks(index, index + 1, row)


FIELDS = st.tuples(
    st.text(max_size=6), st.integers(1, 99), st.integers(1, 99),
    st.sampled_from(["text", "header", "comment"]), *[st.none() | st.text(max_size=3)] * 5,
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5))).map(tuple))


def test_make_takes_the_fields_in_order_with_their_defaults():
    empty = inspect.Parameter.empty
    params = inspect.signature(Block.make).parameters.values()
    assert [(p.name, p.default) for p in params] == [
        (f.name, empty if f.default is dataclasses.MISSING else f.default) for f in dataclasses.fields(Block)]


@EXAMPLES
@given(FIELDS)
def test_make_builds_the_same_block(values):
    made, built = Block.make(*values), Block(*values)
    assert type(made) is Block
    assert made == built and hash(made) == hash(built)
    assert list(vars(made).items()) == list(vars(built).items())
    assert pickle.dumps(made) == pickle.dumps(built)
    assert pickle.loads(pickle.dumps(made)) == built
    assert dataclasses.replace(made, line=7) == dataclasses.replace(built, line=7)
    assert made.newlines == built.newlines
    assert made.position(len(made.text)) == built.position(len(built.text))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "x"


def test_make_with_keywords_and_defaults():
    assert Block.make("a\nb", 3) == Block("a\nb", 3)
    assert Block.make("a", 2, kind="comment", cell="S!A2") == Block("a", 2, kind="comment", cell="S!A2")
    assert Block.make("a\nbc", 4, 5).line_text(5) == "bc"
