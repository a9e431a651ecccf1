"""Readers: encodings, line ends, comments, Markdown masking."""
from __future__ import annotations

import pytest

from linter import readers
from linter.model import LivelintError
from tests_support import blocks_of


def test_utf8_bom_utf16_gb18030_crlf(tmp_path):
    text = "主播：全网最好\r\n助播：好的\r第三行"
    for encoding, raw in (("utf-8", text.encode("utf-8")),
                          ("utf-8-sig", b"\xef\xbb\xbf" + text.encode("utf-8")),
                          ("utf-16", text.encode("utf-16")),
                          ("gb18030", text.encode("gb18030"))):
        path = tmp_path / f"s-{encoding}.txt"
        path.write_bytes(raw)
        doc = readers.read(str(path))
        assert [(b.line, b.text) for b in doc.blocks] == [(1, "主播：全网最好"), (2, "助播：好的"), (3, "第三行")]
        assert doc.encoding == encoding


@pytest.mark.parametrize("raw, message", [
    (b"\x00\x01\x02binary", "binary"),
    (b"\xff\xfe\x00\xd8", "invalid utf-16"),
    (b"\x81\x30\xff\xff\xfe", "cannot decode"),
])
def test_undecodable_is_one_line_error(tmp_path, raw, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(LivelintError) as info:
        readers.read(str(path))
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(path) in str(info.value)


def test_text_comments_and_blank_lines(tmp_path):
    blocks = blocks_of(tmp_path, "a.txt", "// 注释\n\n主播：你好\n")
    assert [(b.kind, b.line) for b in blocks] == [("comment", 1), ("text", 3)]


def test_markdown_skips_front_matter_code_comments_and_masks_links(tmp_path):
    md = ("---\ntitle: 最好\n---\n# 标题\n```\n全网第一\n```\n<!-- 最好 -->\n"
          "看[这里](https://x.cn/最好)和`最好`\n<!--\n多行 最好\n-->\n正文\n")
    blocks = blocks_of(tmp_path, "a.md", md)
    kinds = [(b.line, b.kind) for b in blocks]
    assert kinds == [(4, "header"), (8, "comment"), (9, "text"), (10, "comment"), (11, "comment"),
                     (12, "comment"), (13, "text")]
    link = blocks[2]
    masked = "".join(" " if any(s <= i < e for s, e in link.masks) else c for i, c in enumerate(link.text))
    assert "最好" not in masked and "这里" in masked


def test_unsupported_and_missing(tmp_path):
    with pytest.raises(LivelintError, match="unsupported"):
        readers.read(str(tmp_path / "x.pdf"))
    with pytest.raises(LivelintError, match="no such file"):
        readers.read(str(tmp_path / "x.txt"))
