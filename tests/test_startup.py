"""Start-up shortcuts: parsed YAML from the user cache, lazily compiled regexes, deferred readers.

Each must be indistinguishable from the eager path it replaces (the same Loaded, the same
matches, the same errors); only its cost differs, and no test measures time.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import regex

from linter import readers
from linter.lazyre import lazy
from linter.manifest import load_manifest
from linter.model import LivelintError
from linter.yamlio import load, loads

MANIFEST = """version: 1
session: {start: "2026-03-01T20:00:00+08:00"}
products:
  - sku: A1
    name: 面霜
    price: {live: 99.5, list: 199}
    stock: 20
"""


@pytest.fixture(autouse=True)
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "livelint"


def stored(root) -> list:
    return sorted(root.glob("yaml-*.json"))


def test_cached_yaml_equals_a_fresh_parse(tmp_path, user_cache):
    path = tmp_path / "m.yaml"
    path.write_text(MANIFEST, "utf-8")
    fresh = loads(MANIFEST, str(path))
    first = load(path, cached=True)  # parsed, then stored
    assert len(stored(user_cache)) == 1
    second = load(path, cached=True)  # from the entry
    for got in (first, second):
        assert got == fresh
        assert [type(k) for k in got.lines] == [tuple] * len(got.lines)
    assert load_manifest(path) == load_manifest(path)


def test_the_entry_is_what_is_served(tmp_path, user_cache):
    path = tmp_path / "m.yaml"
    path.write_text(MANIFEST, "utf-8")
    load(path, cached=True)
    [entry] = stored(user_cache)
    entry.write_text(entry.read_text("utf-8").replace("面霜", "CACHED"), "utf-8")
    assert load(path, cached=True).data["products"][0]["name"] == "CACHED"
    entry.write_bytes(b"{broken")  # damaged: parsed again, never an error
    assert load(path, cached=True).data["products"][0]["name"] == "面霜"


@pytest.mark.parametrize("text", ["1: a\n", "x: .nan\n", "x: 99999999999999999999\n",
                                  'x: "\\ud800"\n', "x: !!binary aGVsbG8=\n"])
def test_data_json_cannot_hold_exactly_is_not_stored(tmp_path, user_cache, text):
    path = tmp_path / "m.yaml"
    path.write_text(text, "utf-8")
    assert load(path, cached=True) == loads(text, str(path))
    assert stored(user_cache) == []


def test_parse_errors_are_never_stored(tmp_path, user_cache):
    path = tmp_path / "m.yaml"
    path.write_text("products: [\n", "utf-8")
    for _ in range(2):
        with pytest.raises(LivelintError) as err:
            load(path, cached=True)
        assert "YAML error" in str(err.value) and str(path) in str(err.value)
    assert stored(user_cache) == []


def test_lazy_pattern_behaves_like_the_compiled_one():
    source = r"(?P<n>\d+)\s?元"
    pattern = lazy(source)
    assert pattern._compiled is None  # nothing compiled until first use
    text = "原价199元，现在 99 元"
    assert [m.group("n") for m in pattern.finditer(text)] == ["199", "99"]
    assert pattern.search(text).span() == regex.compile(source).search(text).span()
    assert pattern.pattern == source and isinstance(pattern._compiled, regex.Pattern)
    assert "search" in vars(pattern)  # later calls skip __getattr__


def test_a_plain_text_check_imports_no_yaml_table_or_markdown_code(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("主播：欢迎来到直播间\n", "utf-8")
    manifest = tmp_path / "m.yaml"
    manifest.write_text(MANIFEST, "utf-8")
    code = ("import sys\nfrom linter.cli import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith('linter.readers.')))")
    args = [sys.executable, "-c", code, "check", str(script), "--manifest", str(manifest),
            "--format", "json", "--no-cache"]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "NO_COLOR": "1"}
    first = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path).stdout
    second = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path).stdout
    assert "'yaml'" in first.splitlines()[-1]  # the first run parses the manifest
    loaded = second.splitlines()[-1]
    assert "'yaml'" not in loaded and "markdown" not in loaded and "table" not in loaded
    assert "linter.readers.text" in loaded
    assert first.rsplit("\n", 2)[0] == second.rsplit("\n", 2)[0]  # the same report


def test_deferred_readers_still_read_their_formats(tmp_path):
    md = tmp_path / "s.md"
    md.write_text("# 标题\n主播：你好\n", "utf-8")
    csv = tmp_path / "s.csv"
    csv.write_text("角色,话术\n主播,你好\n", "utf-8")
    assert [b.text for b in readers.read(str(md)).blocks if b.kind == "text"] == ["主播：你好"]
    assert any("你好" in b.text for b in readers.read(str(csv)).blocks)
    assert readers.REGISTRY[".csv"] in readers.CONFIGURABLE
    assert readers.REGISTRY[".md"] not in readers.CONFIGURABLE
