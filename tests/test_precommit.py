"""The pre-commit hook, run by the real ``pre-commit`` tool as a content repository would.

The hook repository is a fresh git repository holding this checkout's working tree (so the
test does not depend on what is committed), and pre-commit builds the hook environment from
it with pip exactly as for a user. One environment serves both runs.
"""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import ROOT, write

FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
DIRS = ("linter", "rulesets")


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def _hook_repo(path):
    path.mkdir()
    for name in FILES:
        shutil.copy2(ROOT / name, path / name)
    for name in DIRS:
        shutil.copytree(ROOT / name, path / name, ignore=shutil.ignore_patterns("__pycache__"))
    _git("init", "-q", cwd=path)
    _git("add", "-A", cwd=path)
    _git("commit", "-qm", "hook under test", cwd=path)
    return _git("rev-parse", "HEAD", cwd=path)


def test_pre_commit_hook(tmp_path):
    exe = shutil.which("pre-commit")
    if exe is None:
        pytest.fail("pre-commit is not installed (pip install '.[test]')")
    rev = _hook_repo(tmp_path / "hook")
    content = tmp_path / "content"
    content.mkdir()
    _git("init", "-q", cwd=content)
    write(content / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {(tmp_path / 'hook').as_posix()}\n    rev: {rev}\n    hooks:\n      - id: livelint\n")
    write(content / "scripts" / "bad.txt", "主播：这是全网最好的面霜\n")
    write(content / "scripts" / "good.txt", "主播：第一次来的宝宝点关注\n")
    _git("add", "-A", cwd=content)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    env.pop("LIVELINT_DEBUG", None)

    def run(script):
        return subprocess.run([exe, "run", "livelint", "--files", script], cwd=content, env=env,
                              capture_output=True, text=True, timeout=600)

    bad = run("scripts/bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "AD001" in bad.stdout and "scripts/bad.txt:1:6" in bad.stdout
    good = run("scripts/good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
