"""Readers: the only stage that opens user script files.

Each reader turns bytes into a Document of Blocks that keep their source line and column.
The registry maps a file suffix to a reader; adding a format is adding one module and one entry.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import stat
from pathlib import Path
from typing import Callable

from ..model import Document, LivelintError
from . import text
from .settings import ReaderSettings

Reader = Callable[[str, bytes], Document]

REGISTRY: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
}

# Readers that take a third argument, the run's ReaderSettings (table column names …).
CONFIGURABLE: set[Reader] = set()

MAX_BYTES = 64 * 1024 * 1024


class _Deferred:
    """A reader whose module is imported on its first file: Markdown, tables, subtitles and
    documents pull in csv, zip and XML code (and many regexes) that a plain-text run never needs."""

    def __init__(self, module: str) -> None:
        self.module = module
        self._read: Reader | None = None

    def __call__(self, path: str, raw: bytes, *settings: ReaderSettings | None) -> Document:
        if self._read is None:
            self._read = importlib.import_module(f"{__name__}.{self.module}").read
        return self._read(path, raw, *settings)


def _register_optional() -> None:
    """Formats whose readers live in their own modules (Markdown, tables, subtitles, documents)."""
    for module, suffixes, configurable in (("markdown", (".md", ".markdown"), False),
                                           ("table", (".csv", ".tsv", ".xlsx"), True),
                                           ("subtitle", (".srt", ".vtt"), False),
                                           ("docx", (".docx",), True)):
        if importlib.util.find_spec(f"{__name__}.{module}") is None:
            continue
        reader = _Deferred(module)
        for suffix in suffixes:
            REGISTRY[suffix] = reader
        if configurable:
            CONFIGURABLE.add(reader)


_register_optional()


def supported(path: Path) -> bool:
    return path.suffix.lower() in REGISTRY


def read(path: str, settings: ReaderSettings | None = None) -> Document:
    """Read one script file; LivelintError (exit 2) on anything unreadable."""
    return parse(path, load(path), settings)


def parse(path: str, raw: bytes, settings: ReaderSettings | None = None) -> Document:
    """Bytes already read from ``path`` → Document (``fix`` re-lints edited bytes this way)."""
    reader = _reader(path)
    if reader in CONFIGURABLE:
        return reader(path, raw, settings or ReaderSettings())
    return reader(path, raw)


def load(path: str) -> bytes:
    """The raw bytes of a script file, size-checked; LivelintError on anything unreadable."""
    _reader(path)
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
        return raw
    except FileNotFoundError:
        if os.path.islink(path):
            raise LivelintError("broken symbolic link", path) from None
        raise LivelintError("no such file", path) from None
    except IsADirectoryError:
        raise LivelintError("is a directory", path) from None
    except OSError as exc:
        raise LivelintError(f"cannot read file ({exc.strerror or exc})", path) from None


def _reader(path: str) -> Reader:
    reader = REGISTRY.get(Path(path).suffix.lower())
    if reader is None:
        raise LivelintError(
            f"unsupported file type (supported: {', '.join(sorted(REGISTRY))})", path)
    return reader
