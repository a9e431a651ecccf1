"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` describes every rule of the run's rule set (summary, why,
suggestion, citations), and each result points at its rule by id and index. Positions follow
the JSON contract: 1-based lines, 1-based columns counting code points, exclusive end column
(SARIF's ``endColumn`` is also "one past the last character"). SARIF's default column unit is
UTF-16 code units, which differs from code points for characters outside the BMP (rare CJK
extension B ideographs, emoji), so the run declares ``columnKind: unicodeCodePoints``.
Suppressed findings stay in the log as an audit trail (contract §3.6), marked ``inSource``.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ..fingerprint import fingerprints
from ..report import Report
from . import repo_path

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "livelint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# Report encodings (readers/decode.py) as the IANA character-set names SARIF asks for.
_ENCODING = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32",
             "gb18030": "GB18030", "gbk": "GBK"}


def _uri(path: str) -> dict:
    """Relative paths stay relative to the source root, as code scanning expects."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(repo_path(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule(rule, citations: list[str]) -> dict:
    help_text = "\n".join(x for x in (rule.suggestion and f"建议：{rule.render_text(rule.suggestion, match='…')}",
                                      citations and "依据：" + "；".join(citations)) if x)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text or rule.summary},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "kind": rule.kind, "citations": citations,
                       "tags": ["livelint", rule.category]},
    }


def _region(v) -> dict:
    return {"startLine": v.line, "startColumn": v.column, "endLine": v.end_line,
            "endColumn": v.end_column, "snippet": {"text": v.match}}


def _result(v, rule_index: dict, location: dict, fingerprint: str) -> dict:
    region = _region(v)
    out = {
        "ruleId": v.rule,
        "level": _LEVEL[v.severity],
        "message": {"text": v.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {k: val for k, val in (("category", v.category), ("speaker", v.speaker),
                                              ("product", v.product), ("cell", v.cell),
                                              ("suggestion", v.suggestion),
                                              ("citations", [c.text for c in v.citations])) if val},
    }
    if v.rule in rule_index:
        out["ruleIndex"] = rule_index[v.rule]
    if v.suppressed:
        out["suppressions"] = [{"kind": "inSource", "justification": v.justification or ""}]
    if v.baselined:  # known before adoption: code scanning shows it as not new
        out["baselineState"] = "unchanged"
    if v.fix is not None:
        # The engine builds a fix over exactly the matched span, so the result's region is the
        # region to delete.
        safety = "安全" if v.fix.safety == "safe" else "需人工确认"
        out["fixes"] = [{
            "description": {"text": f"将「{v.match}」改为「{v.fix.replacement}」（{safety}）"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": {k: region[k] for k in
                                                    ("startLine", "startColumn", "endLine", "endColumn")},
                                  "insertedContent": {"text": v.fix.replacement}}],
            }],
        }]
    return out


def as_dict(report: Report) -> dict:
    rules = report.ruleset.rules
    rule_index = {r.id: i for i, r in enumerate(rules)}
    cited = {v.rule: [c.text for c in v.citations] for v in report.violations}
    artifacts, results = [], []
    for index, f in enumerate(report.files):
        location = _uri(f.path)
        artifact = {"location": location, "sourceLanguage": f.format}
        if f.encoding in _ENCODING:
            artifact["encoding"] = _ENCODING[f.encoding]
        artifacts.append(artifact)
        for v, fp in zip(f.violations, fingerprints(f.violations)):
            results.append(_result(v, rule_index, {**location, "index": index}, fp))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": _driver(report, rules, cited)},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "检查时的工作目录 · working directory"}}},
            "artifacts": artifacts,
            "results": results,
        }],
    }


def _driver(report: Report, rules, cited: dict) -> dict:
    # A finding's citations are dated to the session (a renumbered law); prefer those.
    driver = {"name": "livelint", "version": report.version, "semanticVersion": report.version,
              "rules": [_rule(r, cited.get(r.id) or [c.text for c in r.citations]) for r in rules]}
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    return driver


def _homepage() -> str | None:
    """The project URL from the installed package's metadata, if the project declares one."""
    from importlib import metadata

    try:
        meta = metadata.metadata("livelint")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "repository", "source", "documentation"):
            return url.strip()
    return meta.get("Home-page")


def render(report: Report, color: bool = False) -> str:
    data = as_dict(report)
    if orjson is not None:  # 30x faster than the stdlib's pure-Python indenting encoder
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
