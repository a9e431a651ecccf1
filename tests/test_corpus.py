"""Precision and recall corpora, run through the real pipeline (api.lint_paths).

tests/corpus/precision/<domain>.txt  lawful scripts: every file must produce zero findings.
tests/corpus/recall/<category>.txt   one violating line per line (// comments): every line must
                                     get at least one finding of that category.
A sibling <stem>.manifest.yaml is used as the manifest when checking a file. Measured precision
and recall per category are printed in the pytest terminal summary (tests/conftest.py).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from linter.api import Options, lint_paths
from linter.model import CATEGORIES
from linter.readers import supported
from tests_support import CORPUS_STATS

CORPUS = Path(__file__).resolve().parent / "corpus"


def _files(kind: str) -> list[Path]:
    folder = CORPUS / kind
    return sorted(p for p in folder.glob("*") if p.is_file() and supported(p)
                  and not p.name.endswith(".manifest.yaml")) if folder.is_dir() else []


def _lint(path: Path):
    manifest = path.with_name(path.stem + ".manifest.yaml")
    options = Options(manifest=str(manifest) if manifest.is_file() else None)
    (report,) = lint_paths([str(path)], options).files
    return report


def _lines(path: Path) -> list[int]:
    text = path.read_text(encoding="utf-8")
    return [n for n, line in enumerate(text.split("\n"), 1)
            if line.strip() and not line.lstrip().startswith("//")]


def _stats(request) -> dict:
    stash = request.config.stash
    if CORPUS_STATS not in stash:
        stash[CORPUS_STATS] = {"precision_lines": 0, "false_positive": Counter(),
                               "recall_lines": Counter(), "recalled": Counter()}
    return stash[CORPUS_STATS]


@pytest.mark.parametrize("path", _files("precision"), ids=lambda p: p.name)
def test_precision_corpus_is_clean(path, request):
    report = _lint(path)
    stats = _stats(request)
    stats["precision_lines"] += len(_lines(path))
    for category in {(v.line, v.category) for v in report.violations}:
        stats["false_positive"][category[1]] += 1
    assert not report.violations, "\n".join(
        f"{path.name}:{v.line}: {v.rule} {v.category} 「{v.match}」 {v.source_line.strip()}"
        for v in report.violations)


@pytest.mark.parametrize("path", _files("recall"), ids=lambda p: p.name)
def test_recall_corpus_is_flagged(path, request):
    category = path.stem
    assert category in CATEGORIES, f"{path.name}: the file name must be a category"
    report = _lint(path)
    lines = _lines(path)
    flagged = {v.line for v in report.violations if v.category == category}
    stats = _stats(request)
    stats["recall_lines"][category] += len(lines)
    stats["recalled"][category] += len(flagged & set(lines))
    missed = [n for n in lines if n not in flagged]
    source = path.read_text(encoding="utf-8").split("\n")
    assert not missed, "\n".join(f"{path.name}:{n}: 未检出 {source[n - 1].strip()}" for n in missed)


def test_corpus_layout():
    """Both halves exist and every manifest belongs to a corpus file."""
    assert _files("precision") and _files("recall")
    for folder in ("precision", "recall"):
        for manifest in (CORPUS / folder).glob("*.manifest.yaml"):
            stem = manifest.name[: -len(".manifest.yaml")]
            assert any(p.stem == stem for p in _files(folder)), f"{manifest.name} has no script"


def test_every_category_has_a_recall_file():
    """Issue 4: a recall corpus of violating lines, one file per category."""
    assert {p.stem for p in _files("recall")} == set(CATEGORIES) - {"meta"}
