"""Small helpers importable by test modules (pytest puts tests/ on sys.path)."""
from __future__ import annotations

from linter import readers


def blocks_of(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return list(readers.read(str(path)).blocks)


try:  # pytest ≥ 7: the corpus harness records its measurements for the terminal summary
    from pytest import StashKey

    CORPUS_STATS = StashKey[dict]()
except ImportError:  # pragma: no cover
    CORPUS_STATS = None
