"""``livelint init``: template plus config, valid as written, never overwriting."""
from __future__ import annotations

from conftest import write


def test_init_writes_a_valid_template_and_config(cli, tmp_path):
    result = cli("init")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".livelint.toml").read_text("utf-8").count('manifest = "livelint.manifest.yaml"') == 1
    ok = cli("manifest", "check", "livelint.manifest.yaml")
    assert ok.returncode == 0 and "1 个商品" in ok.stdout
    write(tmp_path / "s.txt", "【1号链接 面霜】\n主播：只剩最后50单，到手价199\n")
    report = cli.json("check", "s.txt")  # the config points check at the new manifest
    assert [v["rule"] for v in report["violations"]] == ["SC001"]


def test_init_refuses_to_overwrite(cli, tmp_path):
    write(tmp_path / "livelint.manifest.yaml", "products: []\n")
    result = cli("init")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "livelint.manifest.yaml" in result.stderr
    assert (tmp_path / "livelint.manifest.yaml").read_text("utf-8") == "products: []\n"
    assert not (tmp_path / ".livelint.toml").exists()


def test_init_refuses_when_only_config_exists(cli, tmp_path):
    write(tmp_path / ".livelint.toml", 'manifest = "mine.yaml"\n')
    result = cli("init")
    assert result.returncode == 2 and ".livelint.toml" in result.stderr
    assert not (tmp_path / "livelint.manifest.yaml").exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_readme_manifest_example_is_valid():
    import re

    from conftest import ROOT
    from linter.manifest import parse
    from linter.yamlio import loads

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## 五分钟写好商品清单"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    manifest = parse(loads(block, "README.md"))
    assert manifest.products[0].stock == 500 and manifest.products[0].spec("composition")
