"""Plain-text scripts: one block per non-empty line; ``//`` lines are comments."""
from __future__ import annotations

from ..model import Block, Document
from .decode import decode


def read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    blocks = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip()
        if not stripped:
            continue
        if stripped.startswith("//"):
            blocks.append(Block(line, number, kind="comment"))
        else:
            blocks.append(Block(line, number))
    return Document(path, "text", encoding, tuple(blocks))
