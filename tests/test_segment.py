"""Segmentation: speaker tags in every common form, headers, time marks, product context."""
from __future__ import annotations

import pytest

from conftest import manifest_from
from linter.model import Block
from linter.normalize import normalize
from linter.segment import Cast, segment


def segs(lines, manifest=None, cast=None):
    blocks = [Block(t, i + 1, kind="header" if t.startswith("#") else "text") for i, t in enumerate(lines)]
    return list(segment(blocks, [normalize(b.text) for b in blocks], manifest, cast))


@pytest.mark.parametrize("line, label, role, rest", [
    ("主播：全网最好", "主播", "host", "全网最好"),
    ("主播:全网最好", "主播", "host", "全网最好"),
    ("【主播】全网最好", "主播", "host", "全网最好"),
    ("[主播]全网最好", "主播", "host", "全网最好"),
    ("**主播**：全网最好", "主播", "host", "全网最好"),
    ("**主播：**全网最好", "主播", "host", "全网最好"),
    ("主播小雅：全网最好", "主播小雅", "host", "全网最好"),
    ("助播：好", "助播", "co-host", "好"),
    ("副播：好", "副播", "co-host", "好"),
    ("氣氛組：衝", "氣氛組", "vibe-group", "衝"),
    ("场控：上链接", "场控", "floor", "上链接"),
    ("嘉宾：你好", "嘉宾", "guest", "你好"),
    ("- 主播：列表里", "主播", "host", "列表里"),
])
def test_speaker_tags(line, label, role, rest):
    (s,) = segs([line])
    assert (s.speaker.label, s.speaker.role, s.text) == (label, role, rest)


@pytest.mark.parametrize("line", ["原价：399", "注意：别烫到", "主播今天很开心"])
def test_not_speaker_tags(line):
    (s,) = segs([line])
    assert s.speaker is None and s.text == line


def test_manifest_and_config_speaker_names():
    m = manifest_from({"speakers": [{"name": "小雅", "role": "host"}]})
    cast = Cast.from_manifest(m, {"阿杰": "助播"})
    a, b = segs(["小雅：你好", "阿杰：好的"], m, cast)
    assert (a.speaker.role, b.speaker.role) == ("host", "co-host")


def test_speaker_carries_to_untagged_lines_until_header():
    a, b, c, d = segs(["主播：一", "二", "【20:05 1号链接】", "三"])
    assert b.speaker.label == "主播" and c.speaker is None and d.speaker is None


MANIFEST = {
    "session": {"start": "2026-11-11T20:00:00+08:00", "end": "2026-11-12T01:00:00+08:00"},
    "products": [
        {"sku": "A", "name": "玻尿酸保湿面霜", "aliases": ["面霜", "1号链接"]},
        {"sku": "B", "name": "羊绒围巾", "aliases": ["围巾", "2号链接"]},
    ],
}


def test_time_marks_and_midnight_roll():
    m = manifest_from(MANIFEST)
    out = segs(["[20:15] 主播：一", "二", "[23:50] 三", "[00:10] 四", "[+00:45:00] 五"], m)
    times = [s.time.strftime("%d %H:%M") for s in out]
    assert times == ["11 20:15", "11 20:15", "11 23:50", "12 00:10", "11 20:45"]
    assert out[0].text == "一"


def test_header_time_and_product():
    m = manifest_from(MANIFEST)
    out = segs(["【20:05 2号链接 羊绒围巾】", "主播：摸一下", "## 产品一：面霜（1号链接，21:00–21:30）", "主播：看"], m)
    assert [s.product for s in out] == ["B", "B", "A", "A"]
    assert out[2].time.strftime("%H:%M") == "21:00"


def test_product_carries_forward_and_ambiguity():
    m = manifest_from(MANIFEST)
    out = segs(["主播：这款面霜", "主播：保湿", "主播：面霜和围巾一起拍", "主播：围巾也好"], m)
    assert [s.product for s in out] == ["A", "A", None, "B"]
    assert out[2].ambiguous == ("A", "B")


def test_single_product_manifest_needs_no_mention():
    m = manifest_from({"products": [{"sku": "X", "name": "保温杯"}]})
    (s,) = segs(["主播：好用"], m)
    assert s.product == "X"


def test_chinese_link_numbers():
    m = manifest_from(MANIFEST)
    (s,) = segs(["主播：二号链接上车"], m)
    assert s.product == "B"
