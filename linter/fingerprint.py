"""Stable finding fingerprints, for baselines and SARIF ``partialFingerprints``.

A fingerprint must survive lines inserted above a finding, so it hashes what was said, not
where: the rule, the normalised matched words, the normalised line content (without time
marks and surrounding space), and the occurrence index among identical findings in the file.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from functools import lru_cache

import regex

from .model import Violation
from .normalize import normalize
from .segment import TIME_MARK


@lru_cache(maxsize=256)  # many findings share one (possibly megabyte-long) line
def _content(line: str) -> str:
    return regex.sub(r"\s+", "", TIME_MARK.sub("", normalize(line)))


def fingerprints(violations) -> list[str]:
    """One 16-hex-digit fingerprint per violation, in the given order (one file's findings)."""
    seen: Counter = Counter()
    out = []
    for v in violations:
        key = (v.path, v.rule, normalize(v.match), _content(v.source_line))
        out.append(fingerprint(v, seen[key]))
        seen[key] += 1
    return out


def fingerprint(v: Violation, index: int = 0) -> str:
    """The fingerprint of a single violation that is the ``index``-th of its kind in its file."""
    key = (v.rule, normalize(v.match), _content(v.source_line), str(index))
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:16]
