"""Readers: the only stage that opens user script files.

Each reader turns bytes into a Document of Blocks that keep their source line and column.
The registry maps a file suffix to a reader; adding a format is adding one module and one entry.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from ..model import Document, LivelintError
from . import markdown, text

Reader = Callable[[str, bytes], Document]

REGISTRY: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
}

MAX_BYTES = 64 * 1024 * 1024


def _register_optional() -> None:
    """Formats whose readers live in their own modules (tables, subtitles, documents)."""
    import importlib

    for module, suffixes in (("table", (".csv", ".tsv", ".xlsx")),
                             ("subtitle", (".srt", ".vtt")),
                             ("docx", (".docx",))):
        try:
            mod = importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise
            continue
        for suffix in suffixes:
            REGISTRY[suffix] = mod.read


_register_optional()


def supported(path: Path) -> bool:
    return path.suffix.lower() in REGISTRY


def read(path: str) -> Document:
    """Read one script file; LivelintError (exit 2) on anything unreadable."""
    reader = REGISTRY.get(Path(path).suffix.lower())
    if reader is None:
        raise LivelintError(
            f"unsupported file type (supported: {', '.join(sorted(REGISTRY))})", path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise LivelintError("not a regular file (FIFO, socket or device)", path)
        if info.st_size > MAX_BYTES:
            raise LivelintError(f"file too large ({info.st_size} bytes; limit {MAX_BYTES})", path)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # grew after stat
            raise LivelintError(f"file too large (limit {MAX_BYTES} bytes)", path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise LivelintError("broken symbolic link", path) from None
        raise LivelintError("no such file", path) from None
    except IsADirectoryError:
        raise LivelintError("is a directory", path) from None
    except OSError as exc:
        raise LivelintError(f"cannot read file ({exc.strerror or exc})", path) from None
    return reader(path, raw)
