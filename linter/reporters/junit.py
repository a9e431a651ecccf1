"""JUnit XML, for CI dashboards (GitLab, Jenkins, Azure) that chart test results.

One ``<testsuite>`` per script file, because a file is what a person opens and fixes, and
dashboards list suites: each finding is a ``<testcase>`` that fails (``type`` = rule id, text
with citation and suggestion), a suppressed finding is a skipped case carrying its reason, and
a file with no active finding gets one passing case, so clean files show up as green.
Characters XML 1.0 cannot carry (control codes in a script) are replaced, never emitted.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..report import Report

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


def _clean(text) -> str:
    return _INVALID_XML.sub("\ufffd", str(text))


def _case(suite: ET.Element, name: str, path: str, line: int | None = None) -> ET.Element:
    attrs = {"name": _clean(name), "classname": _clean(path), "file": _clean(path), "time": "0"}
    if line is not None:
        attrs["line"] = str(line)
    return ET.SubElement(suite, "testcase", attrs)


def _details(v) -> str:
    rows = [f"{v.path}:{v.line}:{v.column}  {v.rule} {v.name}（{_LABEL[v.severity]} {v.severity}）",
            f"原文：{v.source_line.strip()}" if v.source_line else "",
            v.message]
    if v.citations:
        rows.append("依据：" + "；".join(c.text for c in v.citations))
    if v.suggestion:
        rows.append("建议：" + v.suggestion)
    return _clean("\n".join(r for r in rows if r))


def _suite(root: ET.Element, f, counted: set) -> dict:
    suite = ET.SubElement(root, "testsuite", {"name": _clean(f.path)})
    props = ET.SubElement(suite, "properties")
    for key in ("format", "encoding"):
        ET.SubElement(props, "property", {"name": key, "value": _clean(getattr(f, key))})
    counts = {"tests": 0, "failures": 0, "skipped": 0}
    for v in f.violations:
        case = _case(suite, f"{v.rule} {v.name} @ {v.line}:{v.column} 「{v.match}」", f.path, v.line)
        counts["tests"] += 1
        if id(v) not in counted:  # suppressed in the script (or otherwise not counted by the Report)
            reason = f"已抑制：{v.justification or ''}" if v.suppressed else "不计入结果"
            ET.SubElement(case, "skipped", {"message": _clean(reason)})
            counts["skipped"] += 1
        else:
            failure = ET.SubElement(case, "failure", {"message": _clean(v.message), "type": v.rule})
            failure.text = _details(v)
            counts["failures"] += 1
    if not counts["failures"]:
        _case(suite, "livelint 未发现问题", f.path)
        counts["tests"] += 1
    for key, value in {**counts, "errors": 0, "time": 0}.items():
        suite.set(key, str(value))
    return counts


def render(report: Report, color: bool = False) -> str:
    root = ET.Element("testsuites", {"name": "livelint"})
    total = {"tests": 0, "failures": 0, "skipped": 0}
    counted = {id(v) for v in report.active()}
    for f in report.files:
        for key, value in _suite(root, f, counted).items():
            total[key] += value
    for key, value in {**total, "errors": 0, "time": 0}.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
