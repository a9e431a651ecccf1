"""The data-driven suite: every rule's own examples, plus checks on the rule data itself."""
from __future__ import annotations

import pytest
import regex

from linter.citations import is_unverified
from linter.examples import run_examples
from linter.normalize import normalize
from linter.ruleset import load_ruleset

RULESET = load_ruleset()
RULES = [r for r in RULESET.rules if r.kind != "meta"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples(rule):
    failures = run_examples(RULESET, rule)
    assert not failures, "\n".join(map(str, failures))


def test_ids_unique_and_files_named():
    ids = [r.id for r in RULESET.rules]
    assert len(ids) == len(set(ids))
    for r in RULESET.rules:
        assert r.path.endswith(f"{r.id}-{r.name}.yaml")


@pytest.mark.parametrize("rule", [r for r in RULES if r.id.startswith("AD")], ids=lambda r: r.id)
def test_absolute_rules_have_traps(rule):
    assert len(rule.bad) >= 3 and len(rule.good) >= 5


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.id)
def test_citations_render(rule):
    assert rule.citations
    for c in rule.citations:
        assert c.text.startswith("《") and c.law in RULESET.laws


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.id)
def test_message_is_chinese_and_formats(rule):
    text = rule.render(match="X", said="1", expected="2", field="f", detail="d")
    assert "{" not in text and regex.search(r"\p{Han}", text)


@pytest.mark.parametrize("rule", [r for r in RULES if r.replace], ids=lambda r: r.id)
def test_fix_replacements_do_not_retrigger(rule):
    from linter.engine import Linter
    from linter.readers import text as text_reader

    linter = Linter(RULESET.select((rule.id,)))
    for term, replacement in rule.replace:
        doc = text_reader.read("t.txt", f"主播：这款{replacement}的面霜".encode())
        found = [v for v in linter.check(doc).violations if v.rule == rule.id]
        assert not found, f"{term} → {replacement} still triggers {rule.id}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.replace], ids=lambda r: r.id)
def test_fix_keys_are_rule_terms(rule):
    terms = {normalize(t) for t in rule.terms}
    for term, _ in rule.replace:
        assert normalize(term) in terms, f"fix for {term} is never reachable"


def test_rejected_fake_safe_rewrites_still_flagged():
    """LEGAL.md §5: these rewrites keep the comparison and must not be offered or accepted."""
    from linter.engine import Linter
    from linter.readers import text as text_reader

    linter = Linter(RULESET)
    for rule in RULES:
        for _, replacement in rule.replace:
            assert replacement not in ("领先的", "这个价格我确实没见过更低的")
    doc = text_reader.read("t.txt", "主播：这是行业领先的面霜".encode())
    assert any(v.category == "absolute-claim" for v in linter.check(doc).violations)


@pytest.mark.parametrize("rule", [r for r in RULESET.rules
                                  if any(is_unverified(c, RULESET.laws) for c in r.citations)],
                         ids=lambda r: r.id)
def test_unverified_citations_are_paired_and_flagged(rule):
    """LEGAL.md: a provision not confirmed against an official text is cited only beside a
    verified article, and the rule's why says so (待核实)."""
    assert any(not is_unverified(c, RULESET.laws) for c in rule.citations)
    assert "核实" in rule.why
