"""A self-contained HTML report: each script shown line by line with its findings highlighted.

The page carries its own CSS and a few lines of JS (no external assets, so it can be mailed or
archived as one file). Every value from a script or a rule goes through Jinja's autoescaping;
the template never marks user text safe. A Content-Security-Policy lets only the page's own
script run (by hash), a second wall should an escaping bug ever slip through.

The script text comes from ``FileReport.lines`` (``NEEDS_SOURCE`` asks the CLI to keep it);
reporters never open user files.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..model import CATEGORIES, SEVERITIES, SEVERITY_RANK
from ..report import Report

NEEDS_SOURCE = True
_ORDER = tuple(reversed(SEVERITIES))  # error, warning, info


@dataclass(frozen=True)
class Piece:
    """A run of one line's text, covered by the same findings (indexes into the file's cards)."""

    text: str
    findings: tuple[int, ...] = ()
    severity: str | None = None
    suppressed: bool = False


def _spans(violations, lines) -> dict[int, list[tuple[int, int, int]]]:
    """Line number → (start, end, finding index) in 0-based code points, split per line."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for i, v in enumerate(violations):
        for number in range(v.line, v.end_line + 1):
            text = lines[number - 1] or ""
            start = min(v.column - 1 if number == v.line else 0, len(text))
            end = min(v.end_column - 1 if number == v.end_line else len(text), len(text))
            out.setdefault(number, []).append((start, max(start, end), i))
    return out


def _pieces(text: str, spans, violations) -> list[Piece]:
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for s, e, i in spans:  # zero-width findings (a whole-file notice) get a marker
            if s == e == a:
                pieces.append(Piece("", (i,), violations[i].severity, violations[i].suppressed))
        if b is None or a >= b:
            continue
        cover = tuple(i for s, e, i in spans if s <= a and e >= b)
        if not cover:
            pieces.append(Piece(text[a:b]))
            continue
        active = [i for i in cover if not violations[i].suppressed] or list(cover)
        worst = max((violations[i].severity for i in active), key=SEVERITY_RANK.__getitem__)
        pieces.append(Piece(text[a:b], cover, worst, not any(not violations[i].suppressed for i in cover)))
    return pieces


def _file_view(index: int, f, rules: dict) -> dict:
    violations = list(f.violations)
    lines = list(f.lines or ())
    located = [v for v in violations if v.end_line <= len(lines)]
    spans = _spans(located, lines)
    ids = {id(v): i for i, v in enumerate(violations)}
    remap = {j: ids[id(v)] for j, v in enumerate(located)}
    cards_at: dict[int, list[int]] = {}
    for v in located:
        cards_at.setdefault(v.line, []).append(ids[id(v)])
    rows = []
    for number, text in enumerate(lines, start=1):
        line_spans = [(s, e, remap[i]) for s, e, i in spans.get(number, ())]
        rows.append({"number": number, "linted": text is not None,
                     "pieces": _pieces(text or "", line_spans, violations),
                     "cards": cards_at.get(number, [])})
    unplaced = [ids[id(v)] for v in violations if v.end_line > len(lines)]
    active = [v for v in violations if not v.suppressed]
    return {
        "index": index, "file": f, "rows": rows, "unplaced": unplaced,
        "findings": [{"v": v, "rule": rules.get(v.rule)} for v in violations],
        "tips": [_tip(v) for v in violations],
        "counts": Counter(v.severity for v in active), "active": len(active),
    }


def _tip(v) -> str:
    """Hover text of a highlight: rule, message, suggestion."""
    tip = f"{v.rule} {v.name}：{v.message}"
    return f"{tip}\n建议：{v.suggestion}" if v.suggestion else tip


def _summary(report: Report) -> dict:
    active = report.active()
    by_category = {c: Counter(v.severity for v in active if v.category == c) for c in CATEGORIES}
    return {
        "total": len(active), "files": len(report.files),
        "suppressed": len(report.violations) - len(active),
        "by_severity": Counter(v.severity for v in active),
        "by_category": [(c, by_category[c]) for c in CATEGORIES if by_category[c]],
    }


def _env() -> Environment:
    env = Environment(loader=PackageLoader("linter.reporters", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(severities=_ORDER)
    return env


def render(report: Report, color: bool = False) -> str:
    env = _env()
    script = env.loader.get_source(env, "report.js")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    rules = {r.id: r for r in report.ruleset.rules}
    return env.get_template("report.html.j2").render(
        report=report, version=report.version, summary=_summary(report),
        files=[_file_view(i, f, rules) for i, f in enumerate(report.files)],
        script=Markup(script), script_hash=f"sha256-{digest}",
        style=Markup(env.loader.get_source(env, "report.css")[0]),
    )
