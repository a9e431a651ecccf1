"""Bounded time: adversarial input finishes with correct findings, and no stage is quadratic.

No wall-clock assertions: subprocess timeouts are only a hang guard, generous enough for a
loaded CI machine and far below what the old quadratic code needed at these sizes. Fast helper
rewrites are checked against their naive originals by property tests.
"""
from __future__ import annotations

import json
import os
import re

import regex
import subprocess

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import _env, write

HANG_GUARD = 90  # seconds


def run(cli, *args, env=None):
    return subprocess.run([cli.exe, "check", *args, "--format", "json", "--output", "r.json"], cwd=cli.cwd,
                          capture_output=True, text=True, timeout=HANG_GUARD, env={**_env(), **(env or {})})


def findings(cli):
    return json.loads((cli.cwd / "r.json").read_text("utf-8"))["violations"]


CATASTROPHIC = """id: HR009
name: slow-regex
kind: term
category: absolute-claim
severity: warning
summary: 灾难性回溯的正则
why: 测试用：嵌套量词在不匹配的长串上指数回溯。
message: "命中「{match}」"
citations: [{law: ad-law, article: 4}]
match: {regex: ['(a|aa)+c']}
examples:
  bad: [aac]
  good: [b]
"""


def test_catastrophic_house_regex_times_out_as_ml003(cli, tmp_path):
    write(tmp_path / "house" / "HR009-slow-regex.yaml", CATASTROPHIC)
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    write(tmp_path / "s.txt", "主播：全网最好\n" + "a" * 60 + "\n")
    result = run(cli, "s.txt", env={"LIVELINT_REGEX_TIMEOUT": "0.05"})
    assert result.returncode == 1, result.stderr
    got = [(v["rule"], v["severity"], v["message"]) for v in findings(cli)]
    assert ("ML003", "error", "规则 HR009 的正则表达式超时，本文件未按该规则检查") in got
    assert any(rule == "AD001" for rule, _, _ in got)  # the other rules still ran
    write(tmp_path / "ok.txt", "aac\n")  # the same rule on easy text matches normally
    run(cli, "ok.txt", env={"LIVELINT_REGEX_TIMEOUT": "0.05"})
    assert [v["rule"] for v in findings(cli)] == ["HR009"]


def test_bad_regex_timeout_setting(cli, tmp_path):
    write(tmp_path / "s.txt", "主播：你好\n")
    for value in ("abc", "0", "-1", "inf"):
        result = run(cli, "s.txt", env={"LIVELINT_REGEX_TIMEOUT": value})
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
        assert "LIVELINT_REGEX_TIMEOUT" in result.stderr and "Traceback" not in result.stderr


def test_adversarial_repetition(cli, tmp_path):
    write(tmp_path / "zui.txt", "最" * 200_000 + "\n")
    write(tmp_path / "diyici.txt", "第一次" * 200_000 + "\n")  # 200k hits, each cancelled
    write(tmp_path / "brackets.txt", "【" * 1_000_000 + "\n")
    write(tmp_path / "diyi.txt", "第一第一" * 5_000 + "\n")
    result = run(cli, "zui.txt", "diyici.txt", "brackets.txt", "diyi.txt")
    assert result.returncode == 1, result.stderr
    v = findings(cli)
    assert {x["path"] for x in v} == {"diyi.txt"}
    assert [(x["column"], x["match"]) for x in v] == [(1 + 2 * i, "第一") for i in range(10_000)]


def test_many_speakers_and_suppressions(cli, tmp_path):
    lines = []
    for i in range(3000):
        lines += [f"// livelint: disable-next-line AD001 -- 第{i}条已审核", f"主播{i}号：全网最好"]
    write(tmp_path / "s.txt", "\n".join(lines) + "\n")
    result = run(cli, "s.txt")
    assert result.returncode == 0, result.stderr
    v = findings(cli)
    assert len(v) == 3000 and all(x["suppressed"] for x in v)
    assert [x["speaker"] for x in v[:3]] == ["主播0号", "主播1号", "主播2号"]


def test_hostile_markdown(cli, tmp_path):
    write(tmp_path / "nest.md", "> " * 50_000 + "- " * 50_000 + "全网最好\n")
    write(tmp_path / "open.md", "](" * 200_000 + "<a" * 200_000 + "<!--" * 100_000 + "全网最好\n")
    write(tmp_path / "code.md", "`x`" * 200_000 + "全网最好\n")
    write(tmp_path / "fences.md", "```\n" * 20_001 + "全网最好\n")
    result = run(cli, "nest.md", "open.md", "code.md", "fences.md")
    assert result.returncode == 1, result.stderr
    got = {x["path"]: (x["line"], x["column"]) for x in findings(cli)}
    assert got == {"nest.md": (1, 200_001), "open.md": (1, 1_200_001), "code.md": (1, 600_001)}


# --- fast helpers agree with their naive originals -----------------------------------------

_OLD_MASKS = re.compile(r"<!--.*?-->|\]\([^)]*\)|<(?:https?|mailto):[^>]*>|`[^`]*`|</?[A-Za-z][^>]*>")


def _old_masks(line):
    return tuple((m.start() + 1 if m.group().startswith("](") else m.start(), m.end())
                 for m in _OLD_MASKS.finditer(line))


@given(st.lists(st.sampled_from(["<!--", "-->", "-", ">", "<", "](", "]", "(", ")", "`", "<a",
                                 "</b", "<http:", "<mailto:", "a", "最好", " "]), max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_markdown_masks_match_the_regex_they_replace(line):
    from linter.readers.markdown import _masks
    assert _masks(line) == _old_masks(line)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=20),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=20))
@settings(max_examples=300, deadline=None)
def test_uncovered_matches_the_naive_check(spans, blockers):
    from linter.matchers import _uncovered
    spans = [(s, s + n) for s, n in spans]
    blockers = [(s, s + n) for s, n in blockers]
    naive = [(a, b) for a, b in spans if not any(s <= a and b <= e for s, e in blockers)]
    assert _uncovered(spans, blockers) == naive



_WORDS = st.text("第一次最好", min_size=1, max_size=4)


@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=3), st.lists(_WORDS, max_size=3)),
                min_size=1, max_size=3),
       st.text("第一次最好 ", max_size=40))
@example([(["一次"], ["第一", "次最"])], "第一次")  # 一次 occurs only across two phrases
@settings(max_examples=300, deadline=None)
def test_term_matcher_matches_the_naive_cover_check(rules, text):
    """Exception phrases are searched in a window around each hit only: the same hits as
    finding every occurrence and cancelling each hit a phrase covers."""
    from linter.matchers import TermMatcher
    from linter.ruleset import Rule
    built = tuple(Rule(f"T{i:03d}", f"t{i}", "term", "x", "error", "", "", "", (), "house.yaml",
                       terms=tuple(terms), exception_phrases=tuple(phrases))
                  for i, (terms, phrases) in enumerate(rules))

    def occurrences(word):
        return [(i, i + len(word)) for i in range(len(text)) if text.startswith(word, i)]

    naive = []
    for i, (terms, phrases) in enumerate(rules):
        blockers = [o for p in phrases for o in occurrences(p)]
        spans = sorted({o for t in terms for o in occurrences(t)
                        if not any(s <= o[0] and o[1] <= e for s, e in blockers)})
        merged = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        naive += [(start, i, end) for start, end in merged]
    hits, timeouts = TermMatcher(built).scan(text)
    assert [(h.start, h.rule, h.end) for h in hits] == sorted(naive) and not timeouts


@given(st.text(max_size=30), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6))
@settings(max_examples=300, deadline=None)
def test_blank_matches_the_naive_loop(text, masks):
    from linter.engine import _blank
    masks = [(min(a, b), min(max(a, b), len(text))) for a, b in masks]
    naive = text
    for start, end in masks:
        naive = naive[:start] + " " * (end - start) + naive[end:]
    assert _blank(text, masks) == naive


@given(st.lists(st.sampled_from(["a", "\n", "最好"]), max_size=20).map("".join), st.integers(1, 5),
       st.integers(1, 5))
@settings(max_examples=300, deadline=None)
def test_block_position_matches_counting(text, line, column):
    from linter.model import Block
    block = Block(text, line, column)
    for offset in range(len(text) + 1):
        newlines = text.count("\n", 0, offset)
        expected = (line, column + offset) if not newlines else \
            (line + newlines, offset - text.rfind("\n", 0, offset))
        assert block.position(offset) == expected
    for n, source in enumerate(text.split("\n")):
        assert block.line_text(line + n) == source


def test_suppression_lookup_keeps_first_directive_semantics():
    from linter.model import Block, Violation
    from linter.suppress import apply, directives
    blocks = [Block("// livelint: disable-next-line AD -- 甲", 1, kind="comment"),
              Block("// livelint: disable-next-line AD001 -- 乙", 2, kind="comment"),
              Block("// livelint: disable-next-line PR -- 丙", 3, kind="comment"),
              Block("全网最好", 4), Block("// livelint: disable-next-line AD001", 5, kind="comment"),
              Block("全网最好", 6)]
    found = directives(blocks)
    v = [Violation("s.txt", line, 1, line, 5, "AD001", "x", "absolute-claim", "error", "m", "全网最好")
         for line in (4, 6)]
    out, unused = apply(v, found)
    assert [(x.suppressed, x.justification) for x in out] == [(True, "甲"), (False, None)]
    assert [d.reason for d in unused] == ["乙", "丙"]


# The directive regex before it was made linear, with only the "-->" fix (tests/test_regressions).
_OLD_DIRECTIVE = regex.compile(
    r"livelint\s*[:：]\s*(?P<verb>disable-next-line|disable-line|disable)\b\s*"
    r"(?P<ids>[A-Za-z0-9_, ]*?)\s*(?:(?:--(?!>)|——)\s*(?P<why>.*?))?\s*(?:-->|\*/)?\s*$")


@given(st.lists(st.sampled_from(["livelint: disable-next-line", "livelint：disable", " disable-line",
                                 "AD001", "ad", ",", " ", "\t", "--", "——", "-->", "*/", "-", ">",
                                 "理由", "x", "!", "<!--", "//"]), max_size=14).map("".join))
@settings(max_examples=500, deadline=None)
def test_directive_parse_matches_the_backtracking_regex(text):
    from linter.model import Block
    from linter.suppress import _DIRECTIVE, _make
    old, new = _OLD_DIRECTIVE.search(text), _DIRECTIVE.search(text)
    assert bool(old) == bool(new)
    if old:
        a, b = _make(Block(text, 1), 1, old), _make(Block(text, 1), 1, new)
        assert (a.rules, a.reason, old.group("verb")) == (b.rules, b.reason, new.group("verb"))


def test_dashes_and_tabs_are_no_reason():
    """Found by the property above: a tab between two dash runs is still punctuation only."""
    from linter.model import Block
    from linter.suppress import _DIRECTIVE, _make
    text = "livelint: disable-next-line--\t--"
    assert _make(Block(text, 1), 1, _DIRECTIVE.search(text)).reason is None


def test_long_comment_directive_is_linear():
    from linter.suppress import _DIRECTIVE
    for text in ("// livelint: disable -- " + " " * 50_000 + "x" + " " * 50_000 + "!",
                 "// livelint: disable " + " \t" * 50_000 + "!"):
        assert _DIRECTIVE.search(text) is None or text.endswith("!")  # was ~16 s per search


def test_backed_rankings_on_a_long_line(cli, tmp_path):
    """The sales qualifier was searched over the whole line once per hit."""
    write(tmp_path / "m.yaml", "products:\n  - sku: A\n    name: 面霜\n"
                               "    sales: {count: 100, source: 店铺后台}\n")
    write(tmp_path / "plain.txt", "面霜销量第一" * 50_000 + "\n")
    write(tmp_path / "qualified.txt", "本场" + "面霜销量第一" * 50_000 + "\n")
    result = run(cli, "plain.txt", "qualified.txt", "--manifest", "m.yaml", "--select", "AD002")
    assert result.returncode == 1, result.stderr
    paths = [v["path"] for v in findings(cli) if v["rule"] == "AD002"]
    assert paths == ["plain.txt"] * 50_000
