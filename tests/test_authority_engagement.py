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
    assert [r for r, _ in _found("主播：央 视 推 荐的好物", ruleset, FOOD)] == ["UA005"]


def test_without_manifest_authority_claims_are_unverifiable_warnings(ruleset):
    """DESIGN §3.4: with no manifest a claim that needs a missing fact is a meta warning."""
    bare = [(v.rule, v.severity, v.category) for v in lint_text("主播：央视推荐的好物", ruleset)]
    assert bare == [("ML004", "warning", "meta")]
    (v,) = lint_text("主播：央视推荐的好物", ruleset)
    assert "products[].certifications" in v.message and "UA005" in v.message
    declared = lint_text("主播：央视推荐的好物", ruleset, {"products": [{"sku": "A", "name": "茶"}]})
    assert [(v.rule, v.severity) for v in declared] == [("UA005", "error")]


def test_without_manifest_key_needs_a_settling_fact(tmp_path):
    import pytest

    from linter.model import LivelintError
    from linter.rulefile import parse_rule
    from linter.ruleset import builtin_dir, load_laws
    from linter.yamlio import loads

    from conftest import ROOT

    text = ((ROOT / "tests" / "data" / "HR001-house-banned-words.yaml").read_text("utf-8")
            + "without_manifest: unverifiable\n")
    with pytest.raises(LivelintError, match="without_manifest: unverifiable needs a backed_by fact"):
        parse_rule(loads(text, str(tmp_path / "HR001-house-banned-words.yaml")), load_laws(builtin_dir()))
