"""Suppression directives (contract §3.6): ``livelint: disable-next-line AD001 -- 理由``.

A directive in a comment block applies to the next lintable line; one in a table's remarks
cell applies to its own row. A reason is required. Suppressed findings are kept (marked) as
an audit trail, and a directive that suppresses nothing is reported.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, replace

import regex

from .lazyre import lazy
from .model import Block

# Linear on any comment: ids are taken possessively, the reason runs to the end of the line and
# its comment closer is cut off in _make (a lazy reason before optional trailing space retried
# every split: 16 s on a 100 kB comment). "--" starts a reason, not the "-->" closer.
_DIRECTIVE = lazy(
    r"livelint\s*[:：]\s*(?P<verb>disable-next-line|disable-line|disable)\b\s*+"
    r"(?P<ids>[A-Za-z0-9_, ]*+)\s*+(?:(?:--(?!>)|——)(?P<why>.*)|(?>\s*(?:-->|\*/)?\s*))$")


_PUNCTUATION = string.whitespace + "->*/"  # what a reason made only of is no reason


@dataclass(frozen=True)
class Directive:
    block: Block  # where it is written
    line: int  # the line it applies to
    rules: tuple[str, ...]  # ids or prefixes; () = all rules
    reason: str | None


def directives(blocks) -> list[Directive]:
    out = []
    pending: list[tuple[Block, regex.Match]] = []
    for block in blocks:
        if block.kind == "comment":
            m = _DIRECTIVE.search(block.text)
            if m:
                pending.append((block, m))
            continue
        for source, m in pending:
            out.append(_make(source, block.line, m))
        pending = []
        if block.note:
            m = _DIRECTIVE.search(block.note)
            if m:
                out.append(_make(block, block.line, m))
    for source, m in pending:  # directive at the end of a file: applies to nothing
        out.append(_make(source, -1, m))
    return out


def _make(block: Block, line: int, m: regex.Match) -> Directive:
    ids = tuple(i for i in regex.split(r"[,\s]+", m.group("ids").upper()) if i)
    why = (m.group("why") or "").rstrip()
    while why.endswith(("-->", "*/")):  # comment closers end a comment; they are no reason
        why = why[:-3 if why.endswith("-->") else -2].rstrip()
    # Only dashes and comment closers ("---", "-- -->") are punctuation, not a reason.
    reason = why.strip() if why.strip(_PUNCTUATION) else None
    return Directive(block, line, ids, reason)


def apply(violations, found: list[Directive]):
    """Mark suppressed violations; return (violations, directives that matched nothing)."""
    used = set()
    out = []
    by_line: dict[int, list[tuple[int, Directive]]] = {}  # one lookup per violation, not a scan
    for index, d in enumerate(found):
        if d.reason:
            by_line.setdefault(d.line, []).append((index, d))
    for v in violations:
        for index, d in by_line.get(v.line, ()):
            if not d.rules or any(v.rule.startswith(r) for r in d.rules):
                v = replace(v, suppressed=True, justification=d.reason)
                used.add(index)
                break
        out.append(v)
    unused = [d for i, d in enumerate(found) if i not in used and d.reason]
    return out, unused
