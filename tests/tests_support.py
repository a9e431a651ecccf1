"""Small helpers importable by test modules (pytest puts tests/ on sys.path)."""
from __future__ import annotations

from linter import readers


def blocks_of(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return list(readers.read(str(path)).blocks)
