"""Helpers for the table, subtitle and DOCX reader tests (importable: tests/ is on sys.path)."""
from __future__ import annotations

from datetime import datetime

from conftest import manifest_from
from linter import readers
from linter.model import Block
from linter.normalize import normalize
from linter.segment import segment

START = "2026-11-11T20:00:00+08:00"


def session_manifest(**extra):
    """A manifest whose session starts at 20:00 on 11 Nov, with one product (链接 1 and 2)."""
    return manifest_from({"session": {"start": START},
                          "products": [{"sku": "FACE-050", "name": "玻尿酸保湿面霜", "aliases": ["1号链接"]},
                                       {"sku": "MASK-01", "name": "补水面膜", "aliases": ["2号链接"]}],
                          **extra})


def masked_norm(block: Block) -> str:
    norm = normalize(block.text)
    for start, end in block.masks:
        norm = norm[:start] + " " * (end - start) + norm[end:]
    return norm


def segments_of(path, manifest=None, settings=None):
    """Read a file and segment it the way the engine does."""
    blocks = list(readers.read(str(path), settings).blocks)
    return list(segment(blocks, [masked_norm(b) for b in blocks], manifest))


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime.fromisoformat(START).replace(hour=hour, minute=minute, second=second)


def by_text(segments, needle: str):
    return next(s for s in segments if needle in s.text)


def found(report) -> list[tuple]:
    """(line, column, end_column, rule, match, suppressed) of every violation in a JSON report."""
    return [(v["line"], v["column"], v["end_column"], v["rule"], v["match"], v["suppressed"])
            for v in report["violations"]]
