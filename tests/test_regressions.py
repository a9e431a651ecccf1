"""One test per robustness bug found by fuzzing and review (see the commit log of branch robust)."""
from __future__ import annotations

import pytest

from linter.engine import Linter
from linter.model import Block, Document, LivelintError
from linter.normalize import normalize
from linter.rulefile import parse_rule
from linter.yamlio import Loaded, loads

from conftest import ROOT, manifest_from


def test_normalize_replaces_lone_surrogates_one_for_one():
    """OpenCC and the automata take UTF-8 only: surrogate-escaped bytes raised
    UnicodeEncodeError. The view holds U+FFFD in their place; offsets stay exact."""
    assert normalize("這\udc80是ＡＢ") == "这\ufffd是ab"


def test_engine_matches_around_lone_surrogates(linter):
    """The Aho-Corasick automaton (Rust) raised on surrogates; offsets must stay exact."""
    doc = Document("x.txt", "text", "utf-8", (Block("\udcff全网最好\ud83d", 1),))
    v = linter.check(doc).violations
    assert [(x.column, x.end_column, x.match) for x in v] == [(2, 6, "全网最好")]


def test_astral_characters_keep_columns(linter):
    doc = Document("x.txt", "text", "utf-8", (Block("👩‍👩‍👧🇨🇳e\u0301全网最好", 1),))
    assert [(x.column, x.match) for x in linter.check(doc).violations] == [(10, "全网最好")]


def test_errors_are_always_one_line():
    assert str(LivelintError("a\nb\r\nc", "f.yaml", 3, "k")) == "f.yaml:3: k: a b c"
    with pytest.raises(LivelintError) as info:
        loads("a: 1\nb: \x1f\n", "m.yaml")
    assert str(info.value) == "m.yaml:2: YAML error: character '\\x1f' is not allowed"


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_manifest_rejects_non_finite_numbers(value):
    with pytest.raises(LivelintError, match="products\\[0\\].stock: expected a finite number"):
        manifest_from({"products": [{"sku": "A", "name": "面霜", "stock": float(value.replace(".", ""))}]})


def test_rule_params_with_mixed_key_types(ruleset):
    import yaml
    data = yaml.safe_load((ROOT / "tests" / "data" / "HR001-house-banned-words.yaml").read_text("utf-8"))
    data["params"] = {1: "a", "b": 2}
    rule = parse_rule(Loaded(data, {}, "HR001-house-banned-words.yaml"), ruleset.laws)
    assert rule.param == {1: "a", "b": 2}
    data["citations"] = [{"law": ["ad-law"]}]
    with pytest.raises(LivelintError, match="citations\\[0\\].law: unknown law"):
        parse_rule(Loaded(data, {}, "HR001-house-banned-words.yaml"), ruleset.laws)


def test_suppression_and_exceptions_scale(ruleset):
    """Thousands of directives and exception spans: the engine answers each hit by lookup."""
    lines = []
    for i in range(2000):
        lines += [Block(f"// livelint: disable-next-line AD -- r{i}", 2 * i + 1, kind="comment"),
                  Block("第一次" * 50 + "全网最好", 2 * i + 2)]
    report = Linter(ruleset).check(Document("x.txt", "text", "utf-8", tuple(lines)))
    assert len(report.violations) == 2000 and all(v.suppressed for v in report.violations)


def test_markdown_directive_without_reason_is_invalid(ruleset, tmp_path):
    """'-->' was read as the '--' reason separator, giving the reason '>' (contract §3.6)."""
    from linter import readers
    path = tmp_path / "s.md"
    path.write_text("<!-- livelint: disable-next-line AD001 -->\n全网最好\n", "utf-8")
    v = Linter(ruleset).check(readers.read(str(path))).violations
    assert sorted((x.rule, x.suppressed) for x in v) == [("AD001", False), ("ML002", False)]


def test_yaml_size_limit(tmp_path, monkeypatch):
    from linter import yamlio
    path = tmp_path / "m.yaml"
    path.write_text("products: []\n" + "# padding\n" * 10, "utf-8")
    monkeypatch.setattr(yamlio, "MAX_BYTES", 20)
    with pytest.raises(LivelintError, match=r"m\.yaml: file too large \(113 bytes; limit 20\)"):
        yamlio.load(path)
