"""JSON report (contract §3.2), serialised once per report."""
from __future__ import annotations

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None
import json

from ..report import Report


def as_dict(report: Report) -> dict:
    return {
        "tool": {"name": "livelint", "version": report.version},
        "files": [f.as_dict() for f in report.files],
        "violations": [v.as_dict() for v in report.violations],
        "summary": report.summary(),
    }


def _valid(value):
    """JSON must be valid UTF-8: a lone surrogate (a file name that is not UTF-8, as Python
    escapes it) is written as its escape sequence, e.g. ``\\udccb``."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: _valid(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_valid(v) for v in value]
    return value


def render(report: Report, color: bool = False) -> str:
    if orjson is not None:
        try:
            return _render_orjson(report)
        except TypeError:  # a lone surrogate (non-UTF-8 file name): rare, so only then check all
            return orjson.dumps(_valid(as_dict(report)), option=orjson.OPT_INDENT_2).decode() + "\n"
    return json.dumps(_valid(as_dict(report)), ensure_ascii=False, indent=2) + "\n"


def _render_orjson(report: Report) -> str:
    """Byte-for-byte the one-shot dump of ``as_dict``, but each violation's dict is dropped as
    soon as it is serialised: peak memory holds the output, not a second copy as dicts.
    JSON strings never contain a raw newline, so re-indenting by replacing it is exact."""
    shell = {"tool": {"name": "livelint", "version": report.version},
             "files": [f.as_dict() for f in report.files], "violations": [], "summary": report.summary()}
    head = orjson.dumps(shell, option=orjson.OPT_INDENT_2)
    # Decoding item by item keeps one copy of the output alive at a time: decoding a 27 MB
    # bytes object in one go briefly needs ~3x its size (measured: 128 MB vs ~100 MB peak).
    items = [orjson.dumps(v.as_dict(), option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ").decode()
             for v in report.violations]
    text = head.decode()
    if not items:
        return text + "\n"
    marker = '"violations": []'
    at = text.index(marker)
    items[0] = text[:at] + '"violations": [\n    ' + items[0]
    items[-1] = items[-1] + "\n  ]" + text[at + len(marker):] + "\n"
    return ",\n    ".join(items)
