"""Baselines for gradual adoption: record today's findings, fail only on new ones.

A baseline is a JSON file of (path, fingerprint) pairs; the rule and the matched words ride
along so a reviewer can read the file. Fingerprints (fingerprint.py) hash what was said, not
the line number, so editing a script above a known finding does not resurrect it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from .engine import FileReport
from .fingerprint import fingerprints
from .model import LivelintError

VERSION = 1
_HEX = frozenset("0123456789abcdef")


def key_path(path: str) -> str:
    """The path as a baseline stores it: normalised, POSIX, relative to the working folder."""
    norm = os.path.normpath(path)
    if os.path.isabs(norm):
        try:
            norm = os.path.relpath(norm)
        except ValueError:  # another drive on Windows
            pass
    return Path(norm).as_posix()


@dataclass(frozen=True)
class Baseline:
    keys: frozenset  # {(key_path, fingerprint)}

    def apply(self, result: FileReport) -> FileReport:
        """Mark the file's findings that the baseline already knows."""
        path = key_path(result.path)
        marked = tuple(replace(v, baselined=True)
                       if not v.suppressed and (path, fp) in self.keys else v
                       for v, fp in zip(result.violations, fingerprints(result.violations)))
        return replace(result, violations=marked)


def entries(results) -> list[dict]:
    """Every unsuppressed finding of a run, as sorted baseline entries."""
    out = []
    for result in results:
        for v, fp in zip(result.violations, fingerprints(result.violations)):
            if not v.suppressed:
                out.append({"path": key_path(v.path), "fingerprint": fp, "rule": v.rule,
                            "match": v.match})
    out.sort(key=lambda e: (e["path"], e["rule"], e["match"], e["fingerprint"]))
    return out


def dumps(results) -> str:
    data = {"tool": "livelint", "version": VERSION, "findings": entries(results)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(path: str) -> Baseline:
    """Read a baseline file; a malformed one is a LivelintError naming the line or key."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise LivelintError("baseline file not found", path) from None
    except OSError as exc:
        raise LivelintError(f"cannot read baseline ({exc.strerror or exc})", path) from None
    except UnicodeDecodeError:
        raise LivelintError("baseline is not UTF-8 text", path) from None
    except json.JSONDecodeError as exc:
        raise LivelintError(f"invalid JSON ({exc.msg})", path, exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise LivelintError("expected an object with a list of findings", path, key="findings")
    if data.get("version", VERSION) != VERSION:
        raise LivelintError(f"unsupported baseline version (expected {VERSION})", path, key="version")
    keys = set()
    for i, entry in enumerate(data["findings"]):
        where = f"findings[{i}]"
        if not isinstance(entry, dict):
            raise LivelintError("expected an object", path, key=where)
        p, fp = entry.get("path"), entry.get("fingerprint")
        if not isinstance(p, str) or not p:
            raise LivelintError("expected a file path", path, key=f"{where}.path")
        if not isinstance(fp, str) or len(fp) != 16 or not set(fp) <= _HEX:
            raise LivelintError("expected a 16-digit hex fingerprint", path, key=f"{where}.fingerprint")
        keys.add((key_path(p), fp))
    return Baseline(frozenset(keys))
