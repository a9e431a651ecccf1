"""Efficacy and guarantee rules read the product category and manifest facts (LEGAL.md §4, §6)."""
from __future__ import annotations

import pytest

from conftest import lint_text
from linter.ruleset import load_ruleset

RULESET = load_ruleset()
OWN = [r for r in RULESET.rules if r.id.startswith(("EF", "MG"))]


def _product(category, **facts):
    return {"products": [{"sku": "P1", "name": "这款", "category": category, **facts}]}


def _rules(text, manifest=None):
    """Line-level EF/MG findings; EF013 (the script's required disclaimer) has its own tests."""
    return sorted({v.rule for v in lint_text(text, RULESET, manifest)
                   if v.rule.startswith(("EF", "MG")) and v.rule != "EF013"})


@pytest.mark.parametrize("rule", OWN, ids=lambda r: r.id)
def test_rules_carry_their_traps(rule):
    assert len(rule.bad) >= 3 and len(rule.good) >= 5
    assert rule.suggestion and rule.citations


@pytest.mark.parametrize("category, expected", [
    ("food", ["EF007"]), ("cosmetic", ["EF007"]), ("special_cosmetic", ["EF008"]),
    ("apparel", []), (None, ["EF007"]),
])
def test_whitening_depends_on_category(category, expected):
    manifest = _product(category) if category else None
    assert _rules("主播：这款用了能美白", manifest) == expected


def test_registered_special_cosmetic_may_say_its_function_only():
    manifest = _product("special_cosmetic", approved_claims=["美白"])
    assert _rules("主播：这款用了能美白", manifest) == []
    assert _rules("主播：这款还能防脱", manifest) == ["EF008"]


@pytest.mark.parametrize("category, expected", [
    ("food", ["EF003"]), (None, ["EF003"]), ("health_food", ["EF004"]), ("cosmetic", []),
])
def test_health_function_words(category, expected):
    manifest = _product(category) if category else None
    assert _rules("主播：这款吃了增强免疫力", manifest) == expected


def test_catalogue_wording_only_as_registered():
    manifest = _product("health_food", approved_claims=["有助于维持血糖健康水平"])
    assert _rules("主播：这款有助于维持血糖健康水平，本品不能代替药物", manifest) == []
    assert _rules("主播：这款能调节血糖", manifest) == ["EF002"]
    assert _rules("主播：这款能降血糖", manifest) == ["EF002"]
    food = _product("food", approved_claims=["降血糖"])  # a manifest cannot make 降血糖 lawful
    assert _rules("主播：这款能降血糖", food) == ["EF002"]


def test_disease_words_lawful_only_for_drugs_and_registered_devices():
    assert _rules("主播：这款可以治疗咳嗽", _product("drug")) == []
    assert _rules("主播：这款可以治疗咳嗽", _product("food")) == ["EF001"]
    device = _product("medical_device", approved_claims=["用于缓解颈椎病引起的不适"])
    assert _rules("主播：这款能缓解颈椎病", device) == []
    assert _rules("主播：这款能治好失眠", device) == ["EF001"]


@pytest.mark.parametrize("category, after_sales, expected", [
    ("apparel", ["七天无理由退货"], ["MG001"]),
    ("apparel", ["七天无理由退货", "假一赔十"], []),
    ("health_food", ["假一赔十"], []),
    (None, None, ["MG001"]),
])
def test_counterfeit_promise_needs_after_sales(category, after_sales, expected):
    manifest = _product(category, after_sales=after_sales) if category else None
    assert _rules("主播：这款假一赔十", manifest) == expected


@pytest.mark.parametrize("category, expected", [
    ("cosmetic", ["MG002"]), ("health_food", ["MG003"]), ("medical_device", ["MG003"]), ("drug", ["MG003"]),
])
def test_refund_on_no_effect(category, expected):
    declared = _product(category, after_sales=["无效退款"])
    assert _rules("主播：这款无效退款", declared) == ([] if category == "cosmetic" else expected)
    assert _rules("主播：这款无效退款", _product(category)) == expected


def test_statutory_return_is_never_a_finding_alone():
    for category in ("food", "cosmetic", "health_food", "medical_device", "apparel", None):
        manifest = _product(category) if category else None
        assert _rules("主播：这款支持七天无理由退货，全额退款", manifest) == []


def test_education_and_investment_guarantees_ignore_the_manifest():
    manifest = _product("other", after_sales=["包过", "保本"])
    assert _rules("主播：这款课程驾照包过", manifest) == ["MG004"]
    assert _rules("主播：这款金条投资保本", manifest) == ["MG005"]


@pytest.mark.parametrize("rule", OWN, ids=lambda r: r.id)
def test_unverified_citations_are_paired_and_disclosed(rule):
    from linter.citations import is_unverified

    shaky = [c for c in rule.citations if is_unverified(c, RULESET.laws)]
    if shaky:
        assert any(not is_unverified(c, RULESET.laws) for c in rule.citations)
        assert "待核实" in rule.why


@pytest.mark.parametrize("rule", OWN, ids=lambda r: r.id)
def test_no_bare_single_character_terms(rule):
    """炎, 痛, 疮 … need word-level context (LEGAL.md §3): a one-character term would hit 炎热, 痛快."""
    assert all(len(term) >= 2 for term in rule.terms)
