"""JSON report (contract §3.2), serialised a batch of violations at a time."""
from __future__ import annotations

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None
import json
from typing import Iterator

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
        return "".join(chunks(report))
    return json.dumps(_valid(as_dict(report)), ensure_ascii=False, indent=2) + "\n"


def _dumps(value: dict) -> bytes:
    """One orjson dump; a lone surrogate (a non-UTF-8 file name, as Python escapes it) makes
    orjson refuse, and only then is the value escaped, exactly as a dump of the whole would be."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2)
    except TypeError:
        return orjson.dumps(_valid(value), option=orjson.OPT_INDENT_2)


def chunks(report: Report) -> Iterator[str]:
    """The report in pieces, byte-for-byte the one-shot dump of ``as_dict`` when joined: the
    CLI writes them as they come, so peak memory holds one batch of violations, not the whole
    report (a 57 MB report was a ~180 MB peak as one string). JSON strings never contain a raw
    newline, so re-indenting a batch of violations by replacing it is exact."""
    shell = {"tool": {"name": "livelint", "version": report.version},
             "files": [f.as_dict() for f in report.files], "violations": [], "summary": report.summary()}
    text = _dumps(shell).decode()
    violations = report.violations
    if not violations:
        yield text + "\n"
        return
    marker = '"violations": []'
    at = text.index(marker)
    yield text[:at] + '"violations": [\n  '
    for k in range(0, len(violations), _BATCH):
        # A batch dumped as a list: its items sit two spaces in, four in the report.
        body = _dumps([v.as_dict() for v in violations[k:k + _BATCH]])[2:-2]
        item = body.replace(b"\n", b"\n  ").decode()
        yield ",\n  " + item if k else item
    yield "\n  ]" + text[at + len(marker):] + "\n"


_BATCH = 256  # violations per dump: few calls, and memory still holds one batch, not the report
