"""The squeezed view: disguised words are found, and every span maps back to the source."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from conftest import lint_text
from linter.ruleset import load_ruleset
from linter.squeeze import is_separator, squeeze

RULESET = load_ruleset()

HAN = "最好第一全网低价唯顶级冷藏次步的款"
SEPS = [" ", "\u3000", ".", "·", "*", "~", "😍", "🔥", "❤️", "👍🏻", "#", "|", "-"]
KEEP = ["，", "。", "！", "\n", "a", "1", ",", ":"]


def _unsqueeze(source: str) -> str:
    return "".join(ch for ch in source if not is_separator(ch))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(HAN) + SEPS + KEEP), max_size=40))
def test_every_span_maps_back_to_its_characters(pieces):
    text = "".join(pieces)
    view = squeeze(text)
    if view is None:
        return
    assert len(view.index) == len(view.text)
    assert list(view.index) == sorted(set(view.index))
    for i, j in ((i, j) for i in range(len(view.text)) for j in range(i + 1, min(i + 6, len(view.text)) + 1)
                 if "\n" not in view.text[i:j]):  # view lines need not be neighbours in the source
        start, end = view.source_span(i, j)
        assert _unsqueeze(text[start:end]) == _unsqueeze(view.text[i:j])
        assert text[start] == view.text[i] and text[end - 1] == view.text[j - 1]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["最好", "全网最低", "第一", "顶级", "唯一"]),
       st.lists(st.sampled_from(SEPS), min_size=1, max_size=3))
def test_split_terms_are_reported_on_source_characters(term, seps):
    """Every reported span is the author's characters; without separators it holds the term."""
    ruleset = RULESET
    line = "主播：这是" + term[0] + "".join(seps) + term[1:] + "的面霜"
    found = [v for v in lint_text(line, ruleset) if v.category == "absolute-claim"]
    assert found, line
    for v in found:
        assert line[v.column - 1:v.end_column - 1] == v.match
        assert term in _unsqueeze(v.match)


def test_view_holds_only_lines_with_a_separator():
    view = squeeze("第一次\n最 好\n没有\n全.网\n顶级")
    assert view.text == "最好\n全网"
    assert view.lines == ((4, 7), (11, 14))
    assert [view.covers(i) for i in (0, 4, 7, 8, 12, 16)] == [False, True, True, False, True, False]
    assert view.source_span(0, 2) == (4, 7) and view.source_span(3, 5) == (11, 14)


def test_only_between_han_characters():
    assert squeeze("hello world") is None
    assert squeeze("第一\n次") is None
    assert squeeze("最，好") is None
    assert squeeze("最 好").text == "最好"


def test_no_new_hits_where_sentence_structure_separates(ruleset):
    assert not lint_text("主播：第 一 次来的宝宝点关注", ruleset)
    assert not lint_text("主播：开封后最 好冷藏", ruleset)
    assert not lint_text("主播：家人们 最好先领券 再下单", ruleset)
    assert not lint_text("主播：收到货第一 时间检查", ruleset)


def test_disguised_forms_flagged_once(ruleset):
    found = lint_text("主播：全.网.最.低价，最😍好，第 一", ruleset)
    assert [v.match for v in found] == ["全.网.最.低价", "最😍好", "第 一"]


def test_reconcile_keeps_adds_and_drops():
    from linter.matchers import Hit
    from linter.squeeze import reconcile
    text = "第一 时间 最 好 顶级"
    view = squeeze(text)
    assert view.text == "第一时间最好顶级"
    source = [Hit(0, 0, 2), Hit(2, 10, 12)]  # 第一 (rule 0), 顶级 (rule 2)
    in_view = [Hit(1, 4, 6), Hit(2, 6, 8)]  # view: 第一 cancelled by 第一时间; 最好; 顶级
    out = reconcile(source, in_view, view)
    assert [(h.rule, text[h.start:h.end]) for h in out] == [(1, "最 好"), (2, "顶级")]


def test_uncovered_spans():
    from linter.matchers import _uncovered
    blockers = [(5, 9), (0, 3), (2, 12)]
    assert _uncovered([(2, 12), (6, 8), (0, 3), (1, 13), (12, 14)], blockers) == [(1, 13), (12, 14)]
    assert _uncovered([(0, 1)], ()) == [(0, 1)]
