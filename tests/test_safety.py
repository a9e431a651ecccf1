"""No code from data, nothing lost, same answer every time.

Shared rule packs and manifests must never run code; a report write that fails or is
interrupted must leave the previous report intact and no temporary file; identical input gives
byte-identical output whatever the argument order or hash seed.
"""
from __future__ import annotations

import ast
import json
import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest

import linter
from linter.model import LivelintError
from linter.ruleset import Rule
from linter.yamlio import _loader, loads

from conftest import ROOT, _env, write

LINE = "主播：这是全网最好的面霜"
PACKAGE = Path(linter.__file__).parent

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
FORBIDDEN_ATTRS = {("yaml", "load"), ("yaml", "load_all"), ("yaml", "unsafe_load"),
                   ("yaml", "full_load"), ("yaml", "Loader"), ("yaml", "UnsafeLoader"),
                   ("yaml", "FullLoader"), ("os", "system"), ("os", "popen")}
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill"}  # a cache too: use JSON


def _sources():
    return sorted(p for p in PACKAGE.rglob("*.py") if "rulesets" not in p.parts)


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_code_execution_primitives(path):
    """A static check over the package: user data is only ever parsed, never executed."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, where
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            assert (node.value.id, node.attr) not in FORBIDDEN_ATTRS, where
            assert node.attr not in ("format_map",), where  # templates: see render_text
        if isinstance(node, ast.Import):
            assert not {a.name.split(".")[0] for a in node.names} & FORBIDDEN_MODULES, where
        if isinstance(node, ast.ImportFrom):
            assert (node.module or "").split(".")[0] not in FORBIDDEN_MODULES, where


def test_yaml_goes_through_the_safe_loader():
    import yaml
    assert issubclass(_loader(), yaml.SafeLoader) and not issubclass(_loader(), yaml.FullLoader)
    for tag in ("!!python/object/apply:os.system ['touch pwned']", "!!python/name:os.system",
                "!!python/object:collections.OrderedDict {}", "!!binary aGVsbG8=\n"):
        try:
            loaded = loads(f"x: {tag}\n", "m.yaml")
        except LivelintError as exc:
            assert str(exc).startswith("m.yaml:1: YAML error") and "\n" not in str(exc)
        else:  # only the data-only tags may pass
            assert tag.startswith("!!binary") and loaded.data == {"x": b"hello"}


def test_templates_cannot_reach_attributes():
    rendered = Rule.render_text("{match.__class__}|{match}|{0}|{match[0]}|{detail.__init__.__globals__}",
                                match="全网最好", detail="d")
    assert rendered == "|全网最好|||"


# --- nothing lost ---------------------------------------------------------------------------

def _leftovers(directory: Path):
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_failed_write_keeps_the_old_report(cli, tmp_path):
    """EFBIG mid-write (a 1 kB file size limit): the old report is untouched, no temp file."""
    write(tmp_path / "s.txt", (LINE + "\n") * 50)
    write(tmp_path / ".livelint.toml", "cache = false\n")  # the report is the only file written
    out = tmp_path / "report.json"
    out.write_text("previous report\n", "utf-8")
    out.chmod(0o640)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    result = subprocess.run([cli.exe, "check", "s.txt", "--format", "json", "--output", "report.json"],
                            cwd=tmp_path, capture_output=True, text=True, env=_env(),
                            preexec_fn=limit, timeout=120)
    assert result.returncode == 2 and "report.json: cannot write output" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert out.read_text("utf-8") == "previous report\n" and out.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_unwritable_destinations(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    (tmp_path / "taken").mkdir()
    for target in ("nowhere/report.json", "taken"):
        result = cli("check", "s.txt", "--output", target)
        assert result.returncode == 2 and f"{target}: cannot write output" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "nowhere").exists() and list((tmp_path / "taken").iterdir()) == []
    assert _leftovers(tmp_path) == []


def test_permissions_and_links_are_kept(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    kept = tmp_path / "kept.json"
    kept.write_text("old", "utf-8")
    kept.chmod(0o604)
    os.symlink("kept.json", tmp_path / "link.json")
    assert cli("check", "s.txt", "--format", "json", "--output", "link.json").returncode == 1
    assert (tmp_path / "link.json").is_symlink() and kept.stat().st_mode & 0o777 == 0o604
    assert json.loads(kept.read_text("utf-8"))["summary"]["violations"] == 1
    assert cli("check", "s.txt", "--output", "new.txt").returncode == 1
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_interrupted_run_leaves_no_partial_file(cli, tmp_path):
    """SIGINT while linting or writing: the old report or a complete new one, never a part."""
    write(tmp_path / "big.txt", ("主播：宝宝们看这款面霜，全网最好\n" * 200_000))
    out = tmp_path / "report.json"
    out.write_text("previous report\n", "utf-8")
    for delay in (0.3, 1.0):
        proc = subprocess.Popen([cli.exe, "check", "big.txt", "--format", "json", "--output", "report.json"],
                                cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)  # (a SIGINT during interpreter start-up is Python's own)
        text = out.read_text("utf-8")
        assert text == "previous report\n" or json.loads(text)["summary"]["violations"] == 200_000
        assert _leftovers(tmp_path) == []


def test_write_atomic_cleans_up_on_any_failure(tmp_path, monkeypatch):
    from linter import files
    target = tmp_path / "r.txt"
    target.write_text("old", "utf-8")
    for error in (OSError(28, "No space left on device"), KeyboardInterrupt()):
        def boom(fd, error=error):
            raise error
        monkeypatch.setattr(files.os, "fsync", boom)
        with pytest.raises(type(error)):
            files.write_atomic(str(target), "new")
        assert target.read_text("utf-8") == "old" and _leftovers(tmp_path) == []


# --- determinism ----------------------------------------------------------------------------

def test_same_output_whatever_the_order_and_hash_seed(cli, tmp_path):
    write(tmp_path / "b.txt", LINE + "\n销量第一\n")
    write(tmp_path / "a.md", "**助播**：史上最低价\n")
    write(tmp_path / "d" / "c.txt", "全网第一\n")
    outputs = set()
    for seed, order in (("1", ("b.txt", "a.md", "d")), ("2", ("d", "a.md", "b.txt")),
                        ("3", ("a.md", "b.txt", "d"))):
        for fmt in ("json", "terminal"):
            result = subprocess.run([cli.exe, "check", *order, "--format", fmt], cwd=tmp_path,
                                    capture_output=True, text=True, timeout=120,
                                    env={**_env(), "PYTHONHASHSEED": seed})
            assert result.returncode == 1, result.stderr
            outputs.add((fmt, result.stdout))
    assert len(outputs) == 2  # one json, one terminal
    report = json.loads(next(o for f, o in outputs if f == "json"))
    keys = [(v["path"], v["line"], v["column"], v["rule"]) for v in report["violations"]]
    assert keys == sorted(keys) and [f["path"] for f in report["files"]] == ["a.md", "b.txt", "d/c.txt"]


def test_fingerprints_are_stable_across_processes(tmp_path):
    write(tmp_path / "s.txt", LINE + "\n销量第一\n" + LINE + "\n")
    code = ("import sys; from linter.api import lint_paths; from linter.fingerprint import fingerprints;"
            "r = lint_paths(['s.txt']); print(fingerprints(r.violations))")
    seen = {subprocess.run(["python", "-c", code], cwd=tmp_path, capture_output=True, text=True,
                           env={**_env(), "PYTHONHASHSEED": seed}, timeout=120).stdout
            for seed in ("1", "2", "3")}
    assert len(seen) == 1 and seen.pop().count("'") == 6  # three distinct, stable fingerprints


def test_output_never_overwrites_a_checked_script(cli, tmp_path):
    write(tmp_path / "d" / "s.txt", LINE + "\n")
    os.symlink("d/s.txt", tmp_path / "alias.txt")
    for target in ("d/s.txt", "alias.txt", "./d/../d/s.txt"):
        result = cli("check", "d", "--output", target)
        assert result.returncode == 2 and "--output would overwrite a script" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert (tmp_path / "d" / "s.txt").read_text("utf-8") == LINE + "\n"
