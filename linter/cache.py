"""Per-file results, and the primitives every livelint cache shares.

**Per-file results** (``.livelint_cache/`` in the working folder, like ruff and pytest): a
FileReport is stored as JSON under a key of the file's bytes and path, the rules key, the
manifest's bytes, the run's options and the code, so a pre-commit run over an unchanged script
costs one hash. ``cache = false`` in the config or ``--no-cache`` turns it off. The caches in
the user's cache folder (rule sets, regex analyses, parsed YAML) are in usercache.py.

All are best-effort: a missing, corrupt or unwritable entry is a miss, never an error; every
write goes to a temporary file that is renamed into place, so readers never see half a file.
JSON, never pickle: CI systems restore cache folders from shared storage, and a poisoned pickle
would run code; a poisoned JSON entry can at most be a wrong result under its own key.
"""
from __future__ import annotations

import os
import sys
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

try:  # the built-in BLAKE2; ``hashlib`` would first load OpenSSL (~2.5 ms of every run)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

from . import __version__

FORMAT = 2  # bump when the stored shapes change
RESULTS_DIR = ".livelint_cache"


def _digest(*parts: bytes) -> str:
    h = blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


@lru_cache(maxsize=1)  # the code a process runs cannot change under it
def code_signature() -> bytes:
    """livelint's version, its source files' sizes and mtimes, and the Python version: a code
    change during development invalidates both caches without a version bump."""
    here = os.path.dirname(os.path.abspath(__file__))
    stats = []
    for root, _, names in os.walk(here):  # not Path.rglob: this runs on every start-up
        folder = root[len(here) + 1:]
        for name in names:
            if name.endswith(".py"):
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                stats.append(f"{os.path.join(folder, name)}:{st.st_size}:{st.st_mtime_ns}")
    stats.sort()
    return f"{FORMAT}|{__version__}|{sys.version}|{'|'.join(stats)}".encode()


def _write_atomic(path: Path, data: bytes) -> None:
    """Best effort: a read-only or full disk only costs speed."""
    from .files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), data, durable=False)
    except OSError:
        pass


def _prune(directory: Path, pattern: str, keep: int) -> None:
    """Drop all but the ``keep`` newest entries: each rule or code change leaves one behind."""
    try:
        entries = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[keep:]:
            stale.unlink()
    except OSError:
        pass


# -- per-file results ---------------------------------------------------------------------------

class ResultCache:
    """FileReports by content; ``hits`` and ``misses`` count lookups in this run."""

    def __init__(self, directory: str | Path, context: str):
        self.directory = Path(directory)
        self.context = context
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_run(cls, options, rules: str | None, directory: str | Path = RESULTS_DIR):
        """None when the rule set could not be keyed (nothing would be safe to reuse)."""
        if rules is None:
            return None
        manifest = b""
        if options.manifest:
            try:
                manifest = Path(options.manifest).read_bytes()
            except OSError:
                return None
        return cls(directory, _digest(code_signature(), rules.encode(), manifest, repr(options).encode()))

    def _entry(self, path: str, data: bytes | None) -> Path | None:
        if data is None:
            try:
                data = Path(path).read_bytes()
            except OSError:
                return None
        key = _digest(self.context.encode(), os.fsencode(path), data)  # names need not be UTF-8
        return self.directory / "results" / key[:2] / f"{key}.json"

    def get(self, path: str, data: bytes | None = None):
        """The stored FileReport for these bytes of ``path`` (read from disk when not given)."""
        entry = self._entry(path, data)
        if entry is None:
            self.misses += 1
            return None
        try:
            found = _decode(entry.read_bytes())
        except Exception:  # missing or corrupt: lint again
            found = None
        if found is None or found.path != path:
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, path: str, data: bytes | None, result) -> None:
        entry = self._entry(path, data)
        if entry is None:
            return
        try:
            data = _encode(result)
        except (TypeError, ValueError):  # e.g. a non-UTF-8 file name: not cacheable, not an error
            return
        _tag(self.directory)
        _write_atomic(entry, data)


def _tag(directory: Path) -> None:
    """Mark the folder as a cache, and keep it out of git even without a .gitignore entry."""
    marker = directory / ".gitignore"
    if not marker.exists():
        _write_atomic(marker, b"# created by livelint\n*\n")
        _write_atomic(directory / "CACHEDIR.TAG", b"Signature: 8a477f597d28d172789f06886806bc55\n")


def _encode(result) -> bytes:
    """The report as JSON, each distinct source line stored once: findings on one long line
    (a transcript without line breaks) share it in memory and must not multiply it on disk."""
    import orjson

    lines: dict[str, int] = {}
    violations = []
    for v in result.violations:
        plain = _plain(v)
        plain["source_line"] = lines.setdefault(v.source_line, len(lines))
        violations.append(plain)
    report = {f.name: _plain(getattr(result, f.name)) for f in fields(result) if f.name != "violations"}
    report["violations"] = violations
    return orjson.dumps({"format": FORMAT, "report": report, "lines": list(lines)})


def _plain(obj):
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [_plain(x) for x in obj]
    return obj


def _decode(raw: bytes):
    import orjson

    from .engine import FileReport
    from .model import Citation, Fix, Violation
    from .source import SourceLine

    data = orjson.loads(raw)
    if data.get("format") != FORMAT:
        return None
    report = dict(data["report"])
    violations = []
    shared: dict = {}  # one object per distinct value, as a fresh run has (rule ids, citations …)
    lines = data["lines"]
    for v in report["violations"]:
        v["source_line"] = lines[v["source_line"]]
        for key, value in v.items():
            if isinstance(value, str):
                v[key] = shared.setdefault(value, value)
        cites = tuple(tuple(sorted(c.items())) for c in v["citations"])
        v["citations"] = shared.get(cites) or shared.setdefault(cites, tuple(Citation(**c) for c in v["citations"]))
        v["fix"] = Fix(**v["fix"]) if v["fix"] else None
        violations.append(Violation(**v))
    report["violations"] = tuple(violations)
    if report.get("lines") is not None:
        report["lines"] = tuple(SourceLine(**line) for line in report["lines"])
    return FileReport(**report)
