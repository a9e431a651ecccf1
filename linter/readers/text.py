"""Plain-text scripts: one block per non-empty line; ``//`` lines are comments."""
from __future__ import annotations

from ..model import Block, Document
from .decode import decode


def read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    make = Block.make
    blocks = []
    append = blocks.append
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.isspace():  # what ``not line.strip()`` says, without a copy
            continue
        if "//" in line and line.lstrip().startswith("//"):
            append(make(line, number, 1, "comment"))
        else:
            append(make(line, number))
    return Document(path, "text", encoding, tuple(blocks))
