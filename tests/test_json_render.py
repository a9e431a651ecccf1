"""The batched JSON serialisation is byte-for-byte the one-shot stdlib dump."""
from __future__ import annotations

import json

from conftest import write
from linter.api import lint_paths
from linter.reporters import json_report


def _same(report) -> None:
    expected = json.dumps(json_report.as_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert json_report.render(report) == expected


def test_render_matches_the_stdlib_dump(tmp_path):
    clean = write(tmp_path / "clean.txt", "主播：欢迎来到直播间\n")
    busy = write(tmp_path / "busy.md", '**主播**：這是全網最好的"面霜"🔥，销量第一！\n\n助播：顶级配方\\n\n'
                                       "<!-- livelint: disable-next-line AD003 -- 注册商标 -->\n气氛组：至尊系列\n")
    _same(lint_paths([str(clean)]))
    _same(lint_paths([str(busy)]))
    _same(lint_paths([str(clean), str(busy), str(busy)]))


def test_render_across_batches_matches_the_stdlib_dump(tmp_path):
    """More violations than one dump batch holds: the joins between batches are exact too."""
    lines = "".join(f"主播：第{i}遍说，全网最好、顶级、销量第一！\n" for i in range(json_report._BATCH))
    report = lint_paths([str(write(tmp_path / "many.txt", lines))])
    assert len(report.violations) > 2 * json_report._BATCH
    _same(report)
