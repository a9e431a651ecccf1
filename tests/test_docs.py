"""docs/rules.md is generated from the rule YAML and must not go stale; explain covers every rule."""
from __future__ import annotations

import pytest

from conftest import ROOT
from linter.docs import render
from linter.explain import explain
from linter.ruleset import load_ruleset

RULESET = load_ruleset()


def test_rules_md_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(RULESET), (
        "docs/rules.md is stale: regenerate it with `python -m linter.docs > docs/rules.md`")


def test_rules_md_lists_every_rule_once():
    text = render(RULESET)
    for rule in RULESET.rules:
        assert text.count(f"### {rule.id} {rule.name}\n") == 1


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.id)
def test_explain_is_complete(rule):
    text = explain(rule)
    assert text.startswith(f"{rule.id} {rule.name}")
    for part in (rule.summary, rule.why, rule.category, rule.severity):
        assert part in text
    for citation in rule.citations:
        assert citation.text in text
    for example in rule.bad + rule.good:
        assert example.text in text
    for category in rule.categories:
        assert category in text
    for fact in rule.backed_by:
        assert fact in text
    if rule.suggestion:
        assert "建议改写" in text


def test_explain_cli_shows_manifest_context(cli):
    result = cli("explain", "EF008")
    assert result.returncode == 0
    assert "special_cosmetic" in result.stdout and "已注册功效" in result.stdout


def test_rule_file_reference_names_every_key_backing_and_check():
    """rulesets/README.md is hand-written: it must not fall behind the validator."""
    from linter.facts import CHECKS
    from linter.rulefile import _TOP, BACKING

    text = (ROOT / "rulesets" / "README.md").read_text("utf-8")
    for word in (*_TOP, *BACKING, *CHECKS):
        assert f"`{word}`" in text, word
