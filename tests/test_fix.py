"""Fixes: byte-exact edits, encodings and line ends kept, idempotent, never a lost file."""
from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, write
from linter import readers
from linter.api import Job, Options, process
from linter.engine import Linter
from linter.fix import fix_bytes, plan
from linter.model import LivelintError
from linter.ruleset import load_ruleset

HOUSE = ROOT / "tests" / "data" / "safe-fix"
RULESET = load_ruleset([str(HOUSE)])  # built-in rules + HR002 (a safe fix: 玻尿酸 → 透明质酸钠)
LINTER = Linter(RULESET)
SAFE = {"玻尿酸": "透明质酸钠"}
UNSAFE = {**SAFE, "顶级": "高品质", "完美": "出色"}


def lint_bytes(path: str, raw: bytes):
    return LINTER.check(readers.parse(path, raw))


def fixed(path: str, raw: bytes, unsafe: bool = False) -> bytes:
    new, _, _ = fix_bytes(path, raw, lint_bytes(path, raw), lambda b: lint_bytes(path, b), unsafe)
    return new


# -- properties ------------------------------------------------------------------------------

FRAGMENTS = ["主播：", "这款", "玻尿酸", "顶级", "完美", "頂級", "完美收官", "面霜", "，", "ＡＢ", "好",
             " ", "😀", "第一次"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]
lines = st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join), min_size=1, max_size=6)


def expected_text(text: str, table: dict) -> str:
    """The oracle: every literal term replaced, except inside the rule's exception phrase."""
    pattern = re.compile("完美收官|" + "|".join(map(re.escape, table)))
    return pattern.sub(lambda m: table.get(m.group(), m.group()), text)


@settings(max_examples=150, deadline=None)
@given(lines=lines, eols=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=6, max_size=6),
       final=st.booleans(), encoding=st.sampled_from(ENCODINGS), unsafe=st.booleans())
def test_fix_changes_exactly_the_terms(lines, eols, final, encoding, unsafe):
    text = "".join(line + eol for line, eol in zip(lines, eols))
    if not final:
        text = text[:-len(eols[len(lines) - 1])]
    raw = text.encode(encoding)
    new = fixed("t.txt", raw, unsafe)
    # Outside the replaced terms nothing moved: BOM, line ends, 繁體 and full-width text alike.
    assert new == expected_text(text, UNSAFE if unsafe else SAFE).encode(encoding)
    assert fixed("t.txt", new, unsafe) == new  # idempotent


# -- examples ------------------------------------------------------------------------------

def test_display_only_spellings_are_not_rewritten():
    raw = "主播：頂級面霜，顶级面霜\n".encode()
    assert lint_bytes("t.txt", raw).violations[0].match == "頂級"
    assert fixed("t.txt", raw, unsafe=True).decode() == "主播：頂級面霜，高品质面霜\n"


def test_only_text_formats_are_fixed():
    raw = "主播：玻尿酸\n".encode()
    violations = lint_bytes("t.txt", raw).violations
    assert plan("t.txt", raw, violations)
    assert plan("s.xlsx", raw, violations) == [] and plan("s.docx", raw, violations) == []


def test_span_that_no_longer_spells_the_match_is_left_alone():
    raw = "主播：玻尿酸\n".encode()
    violations = lint_bytes("t.txt", raw).violations
    assert plan("t.txt", "主播：透明质\n".encode(), violations) == []


def _job(tmp_path, name, text, **job):
    path = write(tmp_path / name, text)
    return path, process(str(path), LINTER, Options(), Job(**job))


def test_safe_fix_is_written_and_report_shows_what_remains(tmp_path):
    path, out = _job(tmp_path, "s.txt", "主播：玻尿酸面霜，顶级品质\n", fix="safe")
    assert path.read_text("utf-8") == "主播：透明质酸钠面霜，顶级品质\n"
    assert [v.rule for v in out.result.violations] == ["AD003"]
    assert out.fixed.applied == 1 and "+主播：透明质酸钠面霜" in out.fixed.diff


def test_diff_preview_does_not_write(tmp_path):
    path, out = _job(tmp_path, "s.txt", "主播：玻尿酸\n", fix="safe", write=False)
    assert path.read_text("utf-8") == "主播：玻尿酸\n"
    assert [v.rule for v in out.result.violations] == ["HR002"]  # the file as it is
    assert out.fixed.diff.splitlines()[:2] == [f"--- a/{path.as_posix()}", f"+++ b/{path.as_posix()}"]


def test_permissions_kept_and_links_followed(tmp_path):
    real = write(tmp_path / "real.txt", "主播：玻尿酸\n")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    out = process(str(link), LINTER, Options(), Job(fix="safe"))
    assert out.error is None and link.is_symlink()
    assert real.read_text("utf-8") == "主播：透明质酸钠\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_refuses_a_file_changed_since_it_was_read(tmp_path):
    from linter.fix import fix_file

    path = write(tmp_path / "s.txt", "主播：玻尿酸\n")
    raw = path.read_bytes()
    path.write_text("主播：玻尿酸，已改\n", "utf-8")  # an editor saved meanwhile
    with pytest.raises(LivelintError, match="changed since it was checked"):
        fix_file(str(path), raw, lint_bytes(str(path), raw), lambda b: lint_bytes(str(path), b))
    assert path.read_text("utf-8") == "主播：玻尿酸，已改\n"
    assert [p.name for p in tmp_path.iterdir()] == ["s.txt"]  # no temporary file left behind


def test_cli_fix_flags(cli, tmp_path):
    shutil.copytree(HOUSE, tmp_path / "house")
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    script = "主播：玻尿酸面霜，顶级品质\r\n"
    write(tmp_path / "s.txt", script, "gb18030")
    diff = cli("check", "s.txt", "--diff")
    assert diff.returncode == 1 and "+主播：透明质酸钠面霜，顶级品质" in diff.stdout
    assert (tmp_path / "s.txt").read_bytes() == script.encode("gb18030")
    preview = cli("check", "s.txt", "--diff", "--format", "json", "--output", "r.json")
    assert preview.stdout == diff.stdout
    summary = json.loads((tmp_path / "r.json").read_text("utf-8"))["summary"]
    assert summary["fixable"] == 1 and summary["violations"] == 2 and "fixed" not in summary
    assert cli("check", "s.txt", "--unsafe-fixes").returncode == 2  # needs --fix or --diff
    first = cli.json("check", "s.txt", "--fix")
    assert first["summary"]["fixed"] == 1 and [v["rule"] for v in first["violations"]] == ["AD003"]
    assert (tmp_path / "s.txt").read_bytes() == "主播：透明质酸钠面霜，顶级品质\r\n".encode("gb18030")
    assert cli.json("check", "s.txt", "--fix")["summary"]["fixed"] == 0
    result = cli("check", "s.txt", "--fix", "--unsafe-fixes")
    assert result.returncode == 0 and "已修复 1 处" in result.stdout
    assert (tmp_path / "s.txt").read_bytes() == "主播：透明质酸钠面霜，高品质品质\r\n".encode("gb18030")


def test_bom_kept(tmp_path):
    raw = codecs.BOM_UTF8 + "主播：玻尿酸\r".encode()
    assert fixed("t.md", raw) == codecs.BOM_UTF8 + "主播：透明质酸钠\r".encode()
