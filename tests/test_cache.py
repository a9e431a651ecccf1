"""Result and rule-set caches: hits are observable without timing, and every input invalidates."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write
from linter import cache, usercache
from linter.api import Options, lint_paths

LINE = "主播：这是全网最好的面霜\n"
RULE = """id: HS001
name: house-stock
kind: term
category: false-scarcity
severity: warning
summary: 内部禁用语
why: 内部清单。
message: "内部禁用语「{match}」"
citations: [{law: ad-law, article: 4}]
match: {terms: [%s]}
examples: {bad: ["主播：%s"], good: ["主播：欢迎"]}
"""


@pytest.fixture(autouse=True)
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "livelint"


def entries(root: Path) -> list[Path]:
    return sorted((root / ".livelint_cache" / "results").rglob("*.json"))


def tamper(root: Path, text: str) -> None:
    """Make every cached finding distinguishable from a fresh one."""
    for entry in entries(root):
        data = json.loads(entry.read_text("utf-8"))
        for v in data["report"]["violations"]:
            v["message"] = text
        entry.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def messages(cli, *args) -> list[str]:
    return [v["message"] for v in cli.json("check", *args)["violations"]]


def test_second_run_is_served_from_the_cache(cli, tmp_path):
    write(tmp_path / "s.txt", LINE)
    first = messages(cli, "s.txt")
    assert len(entries(tmp_path)) == 1 and first and first[0] != "CACHED"
    tamper(tmp_path, "CACHED")
    assert messages(cli, "s.txt") == ["CACHED"]
    assert messages(cli, "s.txt", "--no-cache") == first  # --no-cache neither reads nor trusts it
    assert (tmp_path / ".livelint_cache" / ".gitignore").read_text("utf-8").strip().endswith("*")


def test_changed_file_manifest_or_rule_invalidates(cli, tmp_path):
    write(tmp_path / "s.txt", LINE)
    write(tmp_path / "m.yaml", "version: 1\nproducts:\n  - {sku: A, name: 面霜}\n")
    write(tmp_path / "rules" / "HS001-house-stock.yaml", RULE % ("库存告急", "库存告急"))
    write(tmp_path / ".livelint.toml", 'manifest = "m.yaml"\nrulesets = ["rules"]\n')
    fresh = messages(cli, "s.txt")
    tamper(tmp_path, "CACHED")
    assert messages(cli, "s.txt") == ["CACHED"]
    write(tmp_path / "s.txt", LINE + "\n")  # file bytes
    assert messages(cli, "s.txt") == fresh
    tamper(tmp_path, "CACHED")
    write(tmp_path / "m.yaml", "version: 1\nproducts:\n  - {sku: A, name: 面霜, stock: 5}\n")  # manifest
    assert messages(cli, "s.txt") == fresh
    tamper(tmp_path, "CACHED")
    write(tmp_path / "rules" / "HS001-house-stock.yaml", RULE % ("全网最好", "全网最好"))  # a rule
    assert sorted(messages(cli, "s.txt")) == sorted(fresh + ["内部禁用语「全网最好」"])
    tamper(tmp_path, "CACHED")
    assert messages(cli, "s.txt", "--select", "AD") == fresh  # options


def test_cache_false_in_config_writes_nothing(cli, tmp_path):
    write(tmp_path / "s.txt", LINE)
    write(tmp_path / ".livelint.toml", "cache = false\n")
    assert messages(cli, "s.txt")
    assert not (tmp_path / ".livelint_cache").exists()


def test_corrupt_entries_are_misses_never_errors(tmp_path, monkeypatch, ruleset):
    monkeypatch.chdir(tmp_path)
    path = str(write(tmp_path / "s.txt", LINE))
    options = Options(cache=True)
    good = lint_paths([path], options)
    for entry in entries(tmp_path):
        entry.write_bytes(b"\x00{not json")
    assert lint_paths([path], options).violations == good.violations
    stored = cache.ResultCache.for_run(options, usercache.rules_key())
    assert stored.get(path) is not None and (stored.hits, stored.misses) == (1, 0)
    for entry in entries(tmp_path):
        entry.write_bytes(b'{"format": 2, "report": {"path": 5}, "lines": []}')
    assert stored.get(path) is None and stored.misses == 1


def test_rule_set_cache_round_trip_and_corruption(user_cache):
    from linter.ruleset import load_ruleset

    first = usercache.load_ruleset()
    stored = list(user_cache.glob("rules-*.json"))
    assert len(stored) == 1
    assert usercache.load_ruleset() == first == load_ruleset()  # the second call decodes the JSON
    stored[0].write_bytes(b"garbage")
    assert usercache.load_ruleset() == first


def test_regex_requirements_are_kept_for_the_next_run(tmp_path, user_cache, monkeypatch):
    """A warm start reads each regex's required literals instead of re-analysing it."""
    from linter import literals

    script = write(tmp_path / "s.txt", "主播：今晚12点恢复原价，全网最低！\n")
    monkeypatch.setattr(literals, "_KNOWN", {})
    monkeypatch.setattr(literals, "_LEARNED", set())
    usercache.load_requirements()
    assert not literals._KNOWN  # nothing stored yet
    lint_paths([str(script)])
    assert literals._LEARNED and list(user_cache.glob("literals-*.json"))
    analysed = dict(literals._KNOWN)
    monkeypatch.setattr(literals, "_KNOWN", {})
    monkeypatch.setattr(literals, "_LEARNED", set())
    lint_paths([str(script)])
    assert not literals._LEARNED and literals._KNOWN == analysed  # all read back, none re-analysed
    assert all(need == literals._analyse(p) for p, need in analysed.items())


def test_rule_set_key_follows_rule_files(tmp_path):
    rules = tmp_path / "rules"
    write(rules / "HS001-house-stock.yaml", RULE % ("库存告急", "库存告急"))
    before = usercache.rules_key([rules])
    first = usercache.load_ruleset([rules])
    write(rules / "HS001-house-stock.yaml", RULE % ("库存紧张", "库存紧张"))
    assert usercache.rules_key([rules]) != before
    assert usercache.load_ruleset([rules]).get("HS001").terms == ("库存紧张",) != first.get("HS001").terms
    assert usercache.rules_key([tmp_path / "missing"]) is None


def test_parallel_workers_use_the_cache(cli, tmp_path):
    for name in ("a.txt", "b.txt"):
        write(tmp_path / name, LINE)
    first = messages(cli, "a.txt", "b.txt", "--jobs", "2")
    assert len(entries(tmp_path)) == 2 and "CACHED" not in first
    tamper(tmp_path, "CACHED")
    assert messages(cli, "a.txt", "b.txt", "--jobs", "2") == ["CACHED", "CACHED"]


def test_html_report_from_the_cache_keeps_the_script_text(cli, tmp_path):
    write(tmp_path / "s.txt", LINE)
    first = cli("check", "s.txt", "--format", "html")
    second = cli("check", "s.txt", "--format", "html")  # served from the cache, lines rebuilt
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and "全网最好" in second.stdout
