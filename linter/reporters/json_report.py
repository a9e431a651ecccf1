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


def render(report: Report, color: bool = False) -> str:
    data = as_dict(report)
    if orjson is not None:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
