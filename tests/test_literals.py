"""Required literals (linter/literals.py): a pattern is skipped only when it provably cannot match.

Soundness is what matters: every match of a pattern must contain one of its required literals.
Checked on every built-in pattern against its rule's examples, on hand-picked syntax, and on
random patterns from a small grammar against random text.
"""
from __future__ import annotations

from dataclasses import replace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.literals import required
from linter.matchers import TermMatcher
from linter.normalize import normalize
from linter.ruleset import load_ruleset


def sound(pattern: str, text: str) -> bool:
    need = required(pattern)
    return need is None or all(any(s in m.group() for s in need) for m in regex.finditer(pattern, text)
                               if m.end() > m.start())


def test_requirements_of_common_shapes():
    assert required("(?:全网|全国)最\\p{Han}") == {"全网最", "全国最"}
    assert required("最(?:大|高)(?=的?品牌)") == {"最大", "最高"}
    assert required("spf\\s*\\d+|pa\\s*\\+{1,4}") == {"spf", "pa"}
    assert required("(?<=能|可以)防晒") == {"防晒"}
    assert required("假一(?:赔|罚)(?:\\d+|[一二]+)") == {"假一赔", "假一罚"}
    assert required("(?:来源[:：]|出处)") == {"来源", "出处"}


def test_no_requirement_when_unsure():
    for pattern in ("\\d+", "a?", "x*", "(?:a|\\d)", "(?i)abc", "(a)\\1", "[[:alpha:]]x", "a{e<=1}",
                    "(?P=n)", "(?<n>a)", "a{2,3}b?|\\s"):
        assert required(pattern) is None, pattern


def test_every_builtin_pattern_is_sound_on_its_examples():
    rules = [r for r in load_ruleset().rules if r.kind == "term"]
    for rule in rules:
        texts = [normalize(e.text) for e in rule.bad + rule.good]
        for pattern in rule.patterns + rule.exception_patterns:
            for text in texts:
                assert sound(pattern, text), (rule.id, pattern, text)


def test_builtin_patterns_are_prefiltered_house_patterns_are_not(tmp_path):
    builtin = [r for r in load_ruleset().rules if r.kind == "term" and r.patterns]
    matcher = TermMatcher(tuple(builtin))
    assert any(need for _, patterns, _ in matcher._patterns for _, need in patterns)
    house = tuple(replace(r, path=str(tmp_path / "x.yaml")) for r in builtin[:2])
    assert all(need is None for _, patterns, _ in TermMatcher(house)._patterns for _, need in patterns)


ATOMS = st.sampled_from(["a", "b", "ab", "\\d", "[ab]", "[^a]", ".", "\\s", "(?=a)", "(?!b)", "(?<=a)", "^", "$",
                         "\\p{Han}", "中", "\\u4e2d", "\\.", "x"])
QUANT = st.sampled_from(["", "", "", "?", "*", "+", "{0,2}", "{1,2}", "{2}", "??", "+?"])


@st.composite
def patterns(draw, depth=0):
    items = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()) and draw(st.booleans()):
            inner = "|".join(draw(st.lists(patterns(depth + 1), min_size=1, max_size=3)))
            items.append(f"(?:{inner})" + draw(QUANT))
        else:
            items.append(draw(ATOMS) + draw(QUANT))
    return "".join(items)


@given(patterns(), st.text(alphabet="ab中x.\n 1", max_size=40))
@settings(max_examples=400, deadline=None)
def test_random_patterns_are_sound(pattern, text):
    try:
        regex.compile(pattern)
    except regex.error:
        return
    assert sound(pattern, text), (pattern, text, required(pattern))
