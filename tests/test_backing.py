"""Manifest backing: certificate titles (incl. abbreviations) and qualified rankings."""
from __future__ import annotations

import pytest

from conftest import lint_text
from linter.backing import _in_title, _qualified


@pytest.mark.parametrize("words, title, backed", [
    ("非遗", "国家级非物质文化遗产代表性项目 滇红茶制作技艺", True),
    ("有机认证", "有机产品认证证书 No.1234", True),
    ("金奖", "2024年中国国际茶业博览会金奖", True),
    ("专利", "实用新型专利 ZL2024XXXXXXXX.X", True),
    ("实用新型", "实用新型专利 ZL2024XXXXXXXX.X", True),
    ("发明专利", "实用新型专利 ZL2024XXXXXXXX.X", False),
    ("老字号", "有机产品认证证书", False),
    ("权威认证", "有机产品认证证书", False),
    ("非遗", "非常好的东西都不遗憾", False),  # characters too far apart
    ("", "任何证书", False),
])
def test_in_title(words, title, backed):
    assert _in_title(words, [title]) is backed


@pytest.mark.parametrize("line, ok", [
    ("2025年双11期间本店类目销量前三", True),
    ("11月本直播间热销榜第一", True),
    ("本店销量前三", False),  # scope without period
    ("2025年销量前三", False),  # period without scope
    ("销量前三", False),
])
def test_ranking_needs_period_and_scope(line, ok):
    assert _qualified(line) is ok


PATENT = {"products": [{"sku": "CUP-1", "name": "保温杯", "certifications": ["实用新型专利 ZL2024XXXXXXXX.X"]}]}


def test_patent_type_must_match(ruleset):
    rules = lambda text: [v.rule for v in lint_text(text, ruleset, PATENT) if v.rule.startswith("UA")]
    assert rules("主播：杯盖是实用新型专利") == []
    assert rules("主播：杯盖是发明专利") == ["UA002"]
    assert rules("主播：杯盖专利申请中") == ["UA002"]


def test_certified_needs_a_declared_title(ruleset):
    undeclared = {"products": [{"sku": "A", "name": "围巾"}]}
    assert [v.rule for v in lint_text("主播：非遗手艺做的", ruleset, undeclared)] == ["UA003"]
    assert [v.rule for v in lint_text("主播：非遗手艺做的", ruleset)] == ["ML004"]  # nothing to check against


def test_split_words_are_still_backed_by_their_title(ruleset):
    tea = {"products": [{"sku": "TEA-1", "name": "红茶", "certifications": ["国家级非物质文化遗产代表性项目"]}]}
    assert [v.rule for v in lint_text("主播：非🔥遗手艺", ruleset, tea)] == []
    assert [v.rule for v in lint_text("主播：非🔥遗手艺", ruleset, {"products": [{"sku": "A", "name": "围巾"}]})] == ["UA003"]
