"""The README's configuration and house-rule examples are real: they load and run."""
from __future__ import annotations

import shutil

from conftest import ROOT, write

README = (ROOT / "README.md").read_text("utf-8")


def _block(section: str, fence: str) -> str:
    return README.split(section)[1].split(f"```{fence}")[1].split("```")[0]


def test_config_and_house_rule_examples(cli, tmp_path):
    write(tmp_path / ".livelint.toml", _block("### 配置 · Configuration", "toml"))
    write(tmp_path / "house-rules" / "HR001-house-banned-words.yaml", _block("### 自定义规则 · House rules", "yaml"))
    shutil.copy(ROOT / "examples" / "manifest.yaml", tmp_path / "商品清单.yaml")
    write(tmp_path / "s.txt", "阿杰：好到违反广告法\n")
    report = cli.json("check", "s.txt")
    # severity override (AD006 → error) and the speaker alias (阿杰 → co-host) both apply
    assert [(v["rule"], v["severity"], v["speaker"]) for v in report["violations"]] == [("AD006", "error", "阿杰")]
    result = cli("test-rules", "house-rules")
    assert result.returncode == 0 and "0 failed" in result.stdout
