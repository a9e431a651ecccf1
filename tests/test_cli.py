"""The CLI through the installed command: contract §3.1/§3.2, exit codes, one-line errors."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, write

LINE = "主播：这是全网最好的面霜，第一次来的宝宝点关注"
TRAD = "主播：這是全網最好的麵霜，第一次來的寶寶點關注"


def test_done_when_simplified_and_traditional(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n" + TRAD + "\n")
    report = cli.json("check", "s.txt")
    found = [(v["line"], v["column"], v["end_column"], v["match"], v["category"]) for v in report["violations"]]
    assert found == [(1, 6, 10, "全网最好", "absolute-claim"), (2, 6, 10, "全網最好", "absolute-claim")]
    v = report["violations"][0]
    assert LINE[v["column"] - 1:v["end_column"] - 1] == "全网最好"


def test_json_contract_shape(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    report = cli.json("check", "s.txt")
    assert set(report) == {"tool", "files", "violations", "summary"}
    assert report["tool"]["name"] == "livelint"
    assert report["files"] == [{"path": "s.txt", "format": "text", "encoding": "utf-8", "segments": 1}]
    v = report["violations"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "rule", "name", "category",
                "severity", "message", "match", "speaker", "product", "citations", "suggestion",
                "fix", "suppressed"):
        assert key in v
    assert v["rule"] == "AD001" and v["speaker"] == "主播" and v["suppressed"] is False
    assert v["citations"][0] == {"law": "ad-law", "article": 9, "item": 3, "text": "《广告法》第九条第（三）项"}
    assert report["summary"]["by_severity"] == {"error": 1}
    assert report["summary"]["by_category"] == {"absolute-claim": 1}


def test_exit_codes_and_fail_on(cli, tmp_path):
    write(tmp_path / "clean.txt", "主播：第一次来的宝宝点关注\n")
    write(tmp_path / "warn.txt", "主播：好到违反广告法\n")
    assert cli("check", "clean.txt").returncode == 0
    assert cli("check", "warn.txt", "--select", "AD006").returncode == 0
    assert cli("check", "warn.txt", "--select", "AD006", "--fail-on", "warning").returncode == 1


def test_select_and_ignore_by_prefix(cli, tmp_path):
    write(tmp_path / "s.txt", "主播：全网最好，销量第一\n")
    rules = lambda *a: sorted(v["rule"] for v in cli.json("check", "s.txt", *a)["violations"])
    assert rules() == ["AD001", "AD002"]
    assert rules("--select", "AD002") == ["AD002"]
    assert rules("--ignore", "AD001") == ["AD002"]
    assert rules("--ignore", "absolute-claim") == []


def test_terminal_report(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    out = cli("check", "s.txt").stdout
    assert "s.txt:1:6" in out and "AD001" in out and "《广告法》第九条第（三）项" in out
    assert "^^^^^^^^" in out  # four wide characters underlined
    assert "\x1b[" not in out  # no colour when not a terminal


def test_directory_walk(cli, tmp_path):
    write(tmp_path / "d" / "a.txt", LINE + "\n")
    write(tmp_path / "d" / "sub" / "b.md", "**主播**：史上最低价\n")
    write(tmp_path / "d" / "skip.pdf", "x")
    report = cli.json("check", "d")
    assert [f["path"] for f in report["files"]] == ["d/a.txt", "d/sub/b.md"]


def test_one_line_errors_exit_2(cli, tmp_path):
    write(tmp_path / "bad.txt", "")
    (tmp_path / "bad.txt").write_bytes(b"\x81\x30\xff\xff\xfe")
    write(tmp_path / "m.yaml", "products:\n  - sku: A\n    name: 面霜\n    price: {live: 九十九}\n")
    write(tmp_path / "ok.txt", LINE + "\n")
    cases = [
        (("check", "missing.txt"), "missing.txt"),
        (("check", "bad.txt"), "bad.txt"),
        (("check", "ok.txt", "--manifest", "nope.yaml"), "nope.yaml"),
        (("check", "ok.txt", "--manifest", "m.yaml"), 'm.yaml:4: products[0].price.live: expected a number, got "九十九"'),
        (("explain", "AD999"), "AD999"),
    ]
    for args, needle in cases:
        result = cli(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert needle in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_broken_rule_file_exit_2(cli, tmp_path):
    rule = (ROOT / "tests" / "data" / "HR001-house-banned-words.yaml").read_text("utf-8")
    write(tmp_path / "house" / "HR001-house-banned-words.yaml",
          rule.replace("category: absolute-claim", "category: absolute-claims"))
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    write(tmp_path / "ok.txt", LINE + "\n")
    for args in (("check", "ok.txt"), ("test-rules", "house")):
        result = cli(*args)
        assert result.returncode == 2
        assert "HR001-house-banned-words.yaml:4: category: expected one of" in result.stderr
        assert 'did you mean "absolute-claim"' in result.stderr
        assert "Traceback" not in result.stderr


def test_house_rules_run_and_test(cli, tmp_path):
    rule = (ROOT / "tests" / "data" / "HR001-house-banned-words.yaml").read_text("utf-8")
    write(tmp_path / "house" / "HR001-house-banned-words.yaml", rule)
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    write(tmp_path / "s.txt", "主播：这款是爆款神器\n")
    assert [v["rule"] for v in cli.json("check", "s.txt")["violations"]] == ["HR001"]
    result = cli("test-rules", "house")
    assert result.returncode == 0 and "0 failed" in result.stdout


def test_rules_and_explain(cli):
    out = cli("rules").stdout
    assert "AD001" in out and "absolute-claim" in out
    out = cli("explain", "AD001").stdout
    for heading in ("检查内容", "为何违规", "反例", "正例", "建议改写", "法律依据"):
        assert heading in out


def test_manifest_check(cli):
    ok = cli("manifest", "check", str(ROOT / "examples" / "manifest.yaml"))
    assert ok.returncode == 0 and "3 个商品" in ok.stdout


def test_bundled_example(cli, tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    result = cli("check", "examples", "--manifest", "examples/manifest.yaml", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    matches = {(Path(v["path"]).name, v["match"]) for v in report["violations"] if not v["suppressed"]}
    assert ("双十一美妆专场.txt", "全网最好") in matches
    assert not any(m in ("最好", "第一") for _, m in matches)  # 最好放在 / 第一次 / 第一步
    assert any(v["suppressed"] and v["justification"] for v in report["violations"])


def test_output_file_is_written(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    result = cli("check", "s.txt", "--format", "json", "--output", "out.json")
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["summary"]["violations"] == 1


def test_meta_rules_follow_select_and_ignore(cli, tmp_path):
    write(tmp_path / "s.txt", "主播：到手价99，全网最好\n")
    rules = lambda *a: sorted(v["rule"] for v in cli.json("check", "s.txt", *a)["violations"])
    assert "ML004" in rules()  # no manifest: the price cannot be verified
    assert rules("--select", "PR") == ["ML004"]  # meta findings stay with a selection
    assert "ML004" not in rules("--ignore", "ML004")
    assert rules("--ignore", "meta") == ["AD001"]


def test_directives_for_deselected_rules_are_neither_invalid_nor_unused(cli, tmp_path):
    write(tmp_path / "s.txt", "// livelint: disable-next-line AD002 -- 商标名，已核验\n主播：第一夫人同款，全网最好\n"
                              "// livelint: disable-next-line AD009 -- 没有这条规则\n主播：你好\n")
    found = [(v["rule"], v["line"]) for v in cli.json("check", "s.txt", "--select", "AD001")["violations"]]
    assert found == [("AD001", 2), ("ML002", 3)]  # AD002 is known, just off; AD009 does not exist
    found = [(v["rule"], v["suppressed"]) for v in cli.json("check", "s.txt")["violations"]]
    assert ("AD002", True) in found and ("ML002", False) in found


def test_config_speaker_roles_are_checked(cli, tmp_path):
    write(tmp_path / "s.txt", "小雅：你好\n")
    write(tmp_path / ".livelint.toml", 'speakers = {"小雅" = "主播"}\n')
    assert cli("check", "s.txt").returncode == 0
    write(tmp_path / ".livelint.toml", 'speakers = {"小雅" = "主持人"}\n')
    result = cli("check", "s.txt")
    assert result.returncode == 2 and "speakers.小雅: expected a role" in result.stderr
