"""Baselines: known findings stop failing the run, new ones still fail it."""
from __future__ import annotations

import json

from conftest import write

OLD = "主播：这是全网最好的面霜\n助播：顶级品质\n"


def test_write_then_only_new_findings_fail(cli, tmp_path):
    write(tmp_path / "scripts" / "a.txt", OLD)
    result = cli("check", "scripts", "--write-baseline", "baseline.json")
    assert result.returncode == 0 and "2 个已在基线中" in result.stdout
    data = json.loads((tmp_path / "baseline.json").read_text("utf-8"))
    assert [(e["path"], e["rule"], e["match"]) for e in data["findings"]] == [
        ("scripts/a.txt", "AD001", "全网最好"), ("scripts/a.txt", "AD003", "顶级")]
    assert all(len(e["fingerprint"]) == 16 for e in data["findings"])

    # Lines inserted above the known findings, and one new finding below them.
    write(tmp_path / "scripts" / "a.txt", "[20:00] 开场\n\n" + OLD + "主播：销量第一\n")
    result = cli("check", "./scripts/", "--baseline", "baseline.json")
    assert result.returncode == 1
    assert "AD002" in result.stdout and "AD001" not in result.stdout and "2 个已在基线中" in result.stdout
    report = cli.json("check", "scripts", "--baseline", "baseline.json")
    assert [(v["rule"], v.get("baselined", False)) for v in report["violations"]] == [
        ("AD001", True), ("AD003", True), ("AD002", False)]
    assert report["summary"]["violations"] == 1 and report["summary"]["baselined"] == 2


def test_baseline_clean_run_exits_0(cli, tmp_path):
    write(tmp_path / "a.txt", OLD)
    cli("check", "a.txt", "--write-baseline", "b.json")
    assert cli("check", "a.txt", "--baseline", "b.json").returncode == 0
    write(tmp_path / "a.txt", OLD + OLD)  # the same lines again are new occurrences
    assert cli("check", "a.txt", "--baseline", "b.json").returncode == 1


def test_malformed_baseline_exit_2(cli, tmp_path):
    write(tmp_path / "a.txt", OLD)
    cases = {
        '{"findings": [\n': "b.json:2: invalid JSON",
        '[]': "b.json: findings: expected an object",
        '{"findings": [{"path": "a.txt", "fingerprint": "xyz"}]}': "b.json: findings[0].fingerprint",
        '{"version": 9, "findings": []}': "b.json: version",
    }
    for text, needle in cases.items():
        write(tmp_path / "b.json", text)
        result = cli("check", "a.txt", "--baseline", "b.json")
        assert result.returncode == 2 and needle in result.stderr, (text, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    result = cli("check", "a.txt", "--baseline", "missing.json")
    assert result.returncode == 2 and "missing.json" in result.stderr


def test_sarif_marks_baselined_results_unchanged(cli, tmp_path):
    write(tmp_path / "a.txt", OLD)
    cli("check", "a.txt", "--write-baseline", "b.json")
    write(tmp_path / "a.txt", OLD + "主播：销量第一\n")
    result = cli("check", "a.txt", "--baseline", "b.json", "--format", "sarif")
    states = [(r["ruleId"], r.get("baselineState")) for r in json.loads(result.stdout)["runs"][0]["results"]]
    assert states == [("AD001", "unchanged"), ("AD003", "unchanged"), ("AD002", None)]
