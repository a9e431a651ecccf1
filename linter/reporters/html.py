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


@dataclass(frozen=True)
class Row:
    """One line of a script as the page shows it (or a collapsed run of unlinted lines).
    Rows and file views are objects, not dicts: the template reads a few attributes per line,
    and Jinja tries ``getattr`` before ``[]``, so a dict cost a caught exception per read."""

    number: int | None
    pieces: list = ()
    cards: list = ()
    linted: bool = False
    cell: str | None = None
    anchor: bool = False
    gap: tuple[int, int] | None = None


@dataclass(frozen=True)
class FileView:
    index: int
    file: object  # the FileReport
    rows: list
    unplaced: list
    findings: list  # {"v": violation, "rule": rule or None}, one per card
    tips: list
    counts: Counter
    active: int


GAP = 3  # runs of unlinted lines longer than this collapse into one row


def _locate(entries, by_number: dict, v) -> int | None:
    """The source entry a violation starts in: same line, cell and column range, preferring
    the entry whose text at that column is the match (two script cells of one table row)."""
    fallback = None
    for k in by_number.get(v.line, ()):
        e = entries[k]
        offset = v.column - e.column
        if (v.cell and e.cell and v.cell != e.cell) or not 0 <= offset <= len(e.text):
            continue
        if e.text.startswith(v.match.split("\n")[0], offset):
            return k
        fallback = k if fallback is None else fallback
    return fallback


def _spans(violations, entries) -> tuple[dict[int, list], dict[int, int]]:
    """Entry index → (start, end, finding) in 0-based code points; finding → first entry."""
    by_number: dict[int, list[int]] = {}
    for k, e in enumerate(entries):
        by_number.setdefault(e.number, []).append(k)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    first: dict[int, int] = {}
    for i, v in enumerate(violations):
        k = _locate(entries, by_number, v)
        if k is None:
            continue
        first[i] = k
        # A multi-line finding continues in the block's next lines, which follow it in order.
        for j in range(v.end_line - v.line + 1):
            if k + j >= len(entries) or entries[k + j].number != v.line + j:
                break
            e = entries[k + j]
            start = min(max(v.column - e.column, 0) if j == 0 else 0, len(e.text))
            end = min(v.end_column - e.column if v.line + j == v.end_line else len(e.text), len(e.text))
            spans.setdefault(k + j, []).append((start, max(start, end), i))
    return spans, first


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


def _gap(start: int, end: int) -> list[dict]:
    """Rows for source lines start..end-1 that no block covers (blank or not linted)."""
    if end - start <= GAP:
        return [Row(n) for n in range(start, end)]
    return [Row(None, gap=(start, end - 1))]


def _file_view(index: int, f, rules: dict, counted: set) -> FileView:
    violations = list(f.violations)
    entries = f.lines or ()
    spans, first = _spans(violations, entries)
    cards_at: dict[int, list[int]] = {}
    for i, k in first.items():
        cards_at.setdefault(k, []).append(i)
    rows, previous = [], 0
    for k, e in enumerate(entries):
        if e.number > previous + 1:
            rows += _gap(previous + 1, e.number)
        rows.append(Row(e.number, _pieces(e.text, spans.get(k, []), violations), cards_at.get(k, []),
                        True, e.cell, e.number > previous))
        previous = max(previous, e.number)
    active = [v for v in violations if id(v) in counted]
    return FileView(index, f, rows, [i for i in range(len(violations)) if i not in first],
                    [{"v": v, "rule": rules.get(v.rule)} for v in violations], [_tip(v) for v in violations],
                    Counter(v.severity for v in active), len(active))


def _tip(v) -> str:
    """Hover text of a highlight: rule, message, suggestion."""
    tip = f"{v.rule} {v.name}：{v.message}"
    return f"{tip}\n建议：{v.suggestion}" if v.suggestion else tip


def _summary(report: Report) -> dict:
    active = report.active()
    by_category = {c: Counter(v.severity for v in active if v.category == c) for c in CATEGORIES}
    return {
        "total": len(active), "files": len(report.files),
        "suppressed": sum(1 for v in report.violations if v.suppressed),
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
    counted = {id(v) for v in report.active()}  # the Report decides what counts, not the page
    return env.get_template("report.html.j2").render(
        report=report, version=report.version, summary=_summary(report),
        files=[_file_view(i, f, rules, counted) for i, f in enumerate(report.files)],
        script=Markup(script), script_hash=f"sha256-{digest}",
        style=Markup(env.loader.get_source(env, "report.css")[0]),
    )
