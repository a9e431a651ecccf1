"""unbacked-authority and fake-engagement: who speaks, which product category, how severe."""
from __future__ import annotations

import pytest

from conftest import lint_text
from test_rule_examples import RULES

HEALTH = {"products": [{"sku": "HF-1", "name": "蛋白粉", "category": "health_food"}]}
FOOD = {"products": [{"sku": "F-1", "name": "燕麦片", "category": "food"}]}


@pytest.mark.parametrize("rule", [r for r in RULES if r.id[:2] in ("UA", "FE")], ids=lambda r: r.id)
def test_rules_have_traps(rule):
    assert len(rule.bad) >= 3 and len(rule.good) >= 5


def _found(text, ruleset, manifest=None):
    return [(v.rule, v.severity) for v in lint_text(text, ruleset, manifest)
            if v.category in ("unbacked-authority", "fake-engagement")]


def test_expert_endorsement_banned_outright_for_health_food(ruleset):
    assert _found("主播：医生推荐的早餐", ruleset, HEALTH) == [("UA007", "error")]
    assert _found("主播：医生推荐的早餐", ruleset, FOOD) == [("UA008", "warning")]
    assert _found("主播：医生推荐的早餐", ruleset) == [("UA008", "warning")]


@pytest.mark.parametrize("speaker, flagged", [
    ("主播", True), ("助播", True), ("【气氛组】", True), ("场控", True), ("嘉宾", False),
])
def test_purchase_claims_by_seller_staff(ruleset, speaker, flagged):
    found = _found(f"{speaker}：我刚拍了两单", ruleset)
    assert bool(found) is flagged


def test_vibe_group_cheers_only_from_vibe_group(ruleset):
    assert _found("【气氛组】：下单了！", ruleset) == [("FE002", "error")]
    assert _found("主播：下单了！", ruleset) == []


def test_own_use_is_a_low_severity_hint(ruleset):
    assert _found("主播：这款我自己天天用", ruleset) == [("UA010", "info")]


def test_disguised_authority_words_are_caught(ruleset):
    assert [r for r, _ in _found("主播：央 视 推 荐的好物", ruleset)] == ["UA005"]
