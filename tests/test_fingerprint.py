from conftest import lint_text
from linter.fingerprint import fingerprints


def test_survives_inserted_lines_and_time_marks(ruleset):
    before = lint_text("主播：全网最好\n主播：全网最好\n", ruleset)
    after = lint_text("[20:01] 开场白\n\n主播：全网最好\n[20:05]主播：全网最好\n", ruleset)
    a, b = fingerprints(before), fingerprints(after)
    assert a == b and a[0] != a[1]  # identical lines get distinct, ordered fingerprints


def test_changes_with_the_words(ruleset):
    a = fingerprints(lint_text("主播：全网最好\n", ruleset))
    b = fingerprints(lint_text("主播：全网最好的面霜\n", ruleset))
    assert a != b
