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
    data = as_dict(report)
    if orjson is not None:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
        except TypeError:  # surrogates: rare, so only then is every string checked
            return orjson.dumps(_valid(data), option=orjson.OPT_INDENT_2).decode() + "\n"
    return json.dumps(_valid(data), ensure_ascii=False, indent=2) + "\n"
