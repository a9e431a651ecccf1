"""Shared helpers. CLI tests run the *installed* ``livelint`` command in a temporary folder."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from linter.engine import Linter
from linter.manifest import parse
from linter.readers import text as text_reader
from linter.ruleset import load_ruleset
from linter.yamlio import Loaded

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def ruleset():
    return load_ruleset()


@pytest.fixture(scope="session")
def linter(ruleset):
    return Linter(ruleset)


def manifest_from(data: dict):
    return parse(Loaded(data, {}, "<test manifest>"))


def lint_text(text: str, ruleset, manifest: dict | None = None, linter=None):
    linter = linter or Linter(ruleset, manifest_from(manifest) if manifest else None)
    doc = text_reader.read("t.txt", text.encode("utf-8"))
    return list(linter.check(doc).violations)


class CLI:
    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.exe = shutil.which("livelint")
        if self.exe is None:
            pytest.fail("the livelint command is not installed (pip install .)")

    def __call__(self, *args, input=None):
        return subprocess.run([self.exe, *map(str, args)], cwd=self.cwd, capture_output=True,
                              text=True, input=input, env=_env(), timeout=120)

    def json(self, *args):
        result = self(*args, "--format", "json")
        assert result.returncode in (0, 1), result.stderr
        return json.loads(result.stdout)


def _env():
    import os
    env = dict(os.environ)
    env.pop("LIVELINT_DEBUG", None)
    env["NO_COLOR"] = "1"
    return env


@pytest.fixture
def cli(tmp_path):
    return CLI(tmp_path)


def one_line_error(result, *needles):
    """Exit 2, exactly one line on stderr, no traceback, and every needle in it."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Precision and recall per category, as measured by tests/test_corpus.py."""
    from tests_support import CORPUS_STATS

    stats = config.stash.get(CORPUS_STATS, None) if CORPUS_STATS is not None else None
    if not stats:
        return
    tr = terminalreporter
    tr.write_sep("-", "livelint corpus: precision / recall by category")
    tr.write_line(f"precision corpus: {stats['precision_lines']} lines, "
                  f"{sum(stats['false_positive'].values())} flagged")
    tr.write_line(f"{'category':<26}{'recall':>16}{'false pos.':>12}{'precision':>11}")
    categories = sorted(set(stats["recall_lines"]) | set(stats["false_positive"]))
    for c in categories:
        lines, hit, fp = stats["recall_lines"][c], stats["recalled"][c], stats["false_positive"][c]
        recall = f"{hit}/{lines} {hit / lines:6.1%}" if lines else "-"
        precision = f"{hit / (hit + fp):.1%}" if hit + fp else "-"
        tr.write_line(f"{c:<26}{recall:>16}{fp:>12}{precision:>11}")
