"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line a finding.

GitHub turns these lines of a step's output into annotations on the pull request's diff.
Escaping follows @actions/core (``command.ts``): in the message ``%``, CR and LF are
percent-encoded; in a property value ``:`` and ``,`` are too, because they delimit
properties. Columns are the contract's (1-based code points, exclusive end); GitHub accepts
``col``/``endColumn`` only on a single-line annotation, so they are left out otherwise.
Suppressed findings are not annotated: someone already decided about them.
"""
from __future__ import annotations

from ..report import Report
from . import repo_path

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(v) -> str:
    props = [("file", repo_path(v.path)), ("line", v.line)]
    if v.end_line == v.line:
        props += [("col", v.column), ("endLine", v.end_line), ("endColumn", v.end_column)]
    else:
        props += [("endLine", v.end_line)]
    props.append(("title", f"{v.rule} {v.name}"))
    body = [v.message]
    if v.citations:
        body.append("依据：" + "；".join(c.text for c in v.citations))
    if v.suggestion:
        body.append("建议：" + v.suggestion)
    joined = ",".join(f"{k}={escape_property(str(val))}" for k, val in props)
    return f"::{_COMMAND[v.severity]} {joined}::{escape_data(chr(10).join(body))}"


def render(report: Report, color: bool = False) -> str:
    return "".join(annotation(v) + "\n" for v in report.active())
