"""On-the-spot corrections (live-ecom art. 31): the earlier finding stays, with a mitigation note."""
from __future__ import annotations

import pytest

from conftest import lint_text
from linter import correction
from linter.model import LivelintError

NOTE = "现场纠正"


def test_correction_annotates_the_corrected_line(ruleset):
    text = "主播：这款面霜能美白\n主播：今天的福利很多\n助播：更正一下，刚才说的美白是口误，它主打保湿\n"
    found = lint_text(text, ruleset)
    first = [v for v in found if v.line == 1]
    assert first and all("已在第3行现场纠正" in v.message for v in first)
    assert all(v.severity == "error" for v in first)  # mitigation, not absolution
    assert "《直播电商监督管理办法》第三十一条" in first[0].message


def test_no_correction_no_note(ruleset):
    found = lint_text("主播：这款面霜能美白\n主播：大家拍起来\n", ruleset)
    assert found and not any(NOTE in v.message for v in found)


def test_correction_reaches_only_the_window(ruleset):
    filler = "".join(f"主播：第{n}个小知识，保湿要趁皮肤微湿\n" for n in range(8))
    found = lint_text("主播：这款面霜能美白\n" + filler + "主播：刚才说错了\n", ruleset)
    assert found and not any(NOTE in v.message for v in found)


def test_quoted_line_is_preferred_over_nearest(ruleset):
    text = "主播：这款面霜能美白\n主播：全网最好的面霜\n助播：纠正一下，刚才说美白不对，是保湿\n"
    found = lint_text(text, ruleset)
    by_line = {v.line: v for v in found}
    assert NOTE in by_line[1].message and NOTE not in by_line[2].message


def test_correction_before_the_claim_does_not_count(ruleset):
    found = lint_text("主播：刚才口误了，不好意思\n主播：这款面霜能美白\n", ruleset)
    assert found and not any(NOTE in v.message for v in found)


def test_traditional_correction_words(ruleset):
    found = lint_text("主播：這款面霜能美白\n主播：剛才說錯了，是保濕\n", ruleset)
    assert found and NOTE in found[0].message


def test_bad_vocabulary_file_is_one_line_error(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text("citation: {law: live-ecom, article: 31}\nwindow: 0\n", encoding="utf-8")
    with pytest.raises(LivelintError) as err:
        correction.parse(path)
    assert "window" in str(err.value) and "corrections.yaml" in str(err.value)


def test_bad_note_placeholder_is_one_line_error(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text('citation: {law: live-ecom, article: 31}\nnote: "第{行}行"\n', encoding="utf-8")
    with pytest.raises(LivelintError) as err:
        correction.parse(path)
    assert "note" in str(err.value)


def test_builtin_vocabulary_is_not_a_rule(ruleset):
    assert correction.builtin() is not None
    assert all(not r.path.endswith("corrections.yaml") for r in ruleset.rules)


def test_quoted_retraction_is_suppressed_not_counted(ruleset):
    text = "主播：这款面霜能美白\n助播：更正一下，刚才说的美白是口误，其实是祛斑\n"
    found = lint_text(text, ruleset)
    second = {v.match: v for v in found if v.line == 2}
    assert second["美白"].suppressed and "第1行" in second["美白"].justification
    assert not second["祛斑"].suppressed  # a new claim in the correction is still a finding
    assert NOTE in next(v for v in found if v.line == 1).message
