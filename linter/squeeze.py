"""Squeezed matching view: separators between Han characters removed, with a map back.

Scripts dodge word lists by splitting a banned word: "最 好", "最😍好", "第 一", "全.网.最.低".
The absolute-terms enforcement guide (§2) treats such disguised forms as the same words, so the engine runs the
same term matcher a second time over this view. Only runs of separators *between two Han
characters* are dropped — spaces between Latin words, newlines and sentence punctuation
(，。！？：；) stay, so sentence structure and exception phrases keep working. Every character
of the view records its source offset, so a hit maps back to the author's own characters.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from operator import itemgetter

import regex

# Spaces (not newlines), decorative ASCII marks, symbols and emoji incl. their joiners and
# variation selectors. Sentence punctuation is deliberately absent.
SEPARATORS = r"(?:[^\S\n]|[.·・•_*~|/\\+=^#\-\p{So}\p{Sk}\p{Cf}\uFE0E\uFE0F\u20E3])"
_RUN = regex.compile(rf"(?<=\p{{Han}}){SEPARATORS}+(?=\p{{Han}})")
_ONE = regex.compile(SEPARATORS)


def is_separator(ch: str) -> bool:
    """One character the view would drop between Han characters."""
    return ch != "\n" and _ONE.fullmatch(ch) is not None


@dataclass(frozen=True)
class Squeezed:
    """The squeezed lines of a text, joined by newlines. Only lines with a separator to remove
    are in the view (under 2 % of a typical script): every other line would match exactly as
    in the source, so scanning it twice would only cost time."""

    text: str
    index: tuple[int, ...]  # index[i] = source offset of text[i]; a joining newline maps to its line's end
    lines: tuple[tuple[int, int], ...]  # source (start, end) of each line in the view, ascending

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of text[start:end] (end exclusive, start < end)."""
        return self.index[start], self.index[end - 1] + 1

    def spans_separator(self, start: int, end: int) -> bool:
        """True when the source span of text[start:end] contains a removed separator."""
        src_start, src_end = self.source_span(start, end)
        return src_end - src_start > end - start

    def covers(self, offset: int) -> bool:
        """Whether the source ``offset`` lies on a line of the view."""
        i = bisect_right(self.lines, offset, key=itemgetter(0)) - 1
        return i >= 0 and offset <= self.lines[i][1]


def squeeze(text: str) -> Squeezed | None:
    """The squeezed view of the lines of ``text`` that have a separator to remove, or None."""
    runs = [m.span() for m in _RUN.finditer(text)]
    if not runs:
        return None
    kept: list[str] = []
    index: list[int] = []
    lines: list[tuple[int, int]] = []
    pos = line_end = -1
    for start, end in runs:
        if start > line_end:  # the first run on a new line: close the previous line
            if lines:
                _keep(text, pos, line_end, kept, index)
                kept.append("\n")
                index.append(line_end)
            pos = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            lines.append((pos, line_end))
        _keep(text, pos, start, kept, index)
        pos = end
    _keep(text, pos, line_end, kept, index)
    return Squeezed("".join(kept), tuple(index), tuple(lines))


def _keep(text: str, start: int, end: int, kept: list[str], index: list[int]) -> None:
    kept.append(text[start:end])
    index.extend(range(start, end))


def reconcile(hits: list, view_hits: list, view: Squeezed) -> list:
    """Merge matcher hits on the source with hits on its squeezed view (both in their own
    offsets, merged per rule). A source hit on a line outside the view stands. Keep a source
    hit on a view line only if the view also has it (the view drops
    "第一 时间" by its exception), and add view hits that span a removed separator ("最 好"),
    mapped to source offsets. Hits are anything with ``rule``, ``start`` and ``end``."""
    mapped: dict = {}
    added = []
    for h in view_hits:
        if "\n" in view.text[h.start:h.end]:
            continue  # across the join of two view lines, which need not be neighbours
        start, end = view.source_span(h.start, h.end)
        mapped.setdefault(h.rule, []).append((start, end))
        if view.spans_separator(h.start, h.end):
            added.append(replace(h, start=start, end=end))
    in_view = _Spans(mapped)
    kept = [h for h in hits if not view.covers(h.start) or in_view.overlaps(h.rule, h.start, h.end)]
    in_kept = _Spans(_by_rule(kept))
    kept += [h for h in added if not in_kept.overlaps(h.rule, h.start, h.end)]
    kept.sort(key=lambda h: (h.start, h.rule))
    return kept


def _by_rule(hits) -> dict:
    out: dict = {}
    for h in hits:
        out.setdefault(h.rule, []).append((h.start, h.end))
    return out


class _Spans:
    """Per-rule disjoint spans in ascending order (as the matcher merges them), queried for
    overlap by bisection: long transcripts carry thousands of hits."""

    def __init__(self, spans: dict):
        self.spans = {rule: sorted(v) for rule, v in spans.items()}
        self.ends = {rule: [e for _, e in v] for rule, v in self.spans.items()}

    def overlaps(self, rule, start: int, end: int) -> bool:
        spans = self.spans.get(rule)
        if not spans:
            return False
        i = bisect_right(self.ends[rule], start)  # first span ending after start
        return i < len(spans) and spans[i][0] < end
