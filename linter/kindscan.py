"""Many keyword-led patterns over segments joined by a separator, in about one pass.

The result is what one alternation of the patterns (in kind order) would give: leftmost match
first, then the earlier kind; after a zero-width match the same kind looks again one further
on, while later kinds may still match where it stood. The regex module finds a keyword-led
pattern fast alone but loses that speed inside one alternation, and even alone each kind's pass
over a whole script cost as much as the rest of the fact stage. So one Aho-Corasick pass finds
the anchors (strings one of which every match of a kind contains), and each kind is searched
only inside the segments holding one of its anchors. No match crosses the separator, so the
per-segment merges concatenate to the whole-text one (tests/test_claims_scan.py checks this
against the plain scan). Patterns compile on first use: a script rarely needs every kind.
"""
from __future__ import annotations

import heapq
from bisect import bisect_left

import ahocorasick_rs as ac
import regex

from .literals import required


def anchors(source: str) -> frozenset | None:
    """Minimal strings one of which every match contains, counting its positive look-around
    context (a zero-width match before 结束 is anchored by 结束, in the same segment)."""
    consuming = source.replace("(?>", "(?:").replace("(?<=", "(?:").replace("(?=", "(?:")
    need = required(consuming)
    if need is None:
        return None
    # Only a shorter string can be inside another (an equal-length one would be the same):
    # testing those alone keeps the minimisation cheap for kinds with a hundred anchors.
    shortest = sorted(need, key=len)
    lengths = [len(s) for s in shortest]
    return frozenset(s for s in need
                     if not any(o in s for o in shortest[:bisect_left(lengths, len(s))]))


class KindScanner:
    """(kind, pattern source) pairs in priority order, over texts joined by ``separator``."""

    def __init__(self, sources: tuple[tuple[str, str], ...], separator: str):
        self.sources, self.separator = sources, separator
        self._searches: dict[int, tuple] = {}  # order -> (kind, bound search, pattern)
        self._orders: dict[int, tuple[int, ...]] = {}  # kinds bitmask -> kind orders
        self._automaton = None

    def pattern(self, order: int) -> regex.Pattern:
        return self._search(order)[2]

    def scan(self, text: str) -> list[tuple[str, regex.Match]]:
        """Every match of every kind, in text order."""
        find, masks = self._automaton or self._build()
        sep = self.separator
        windows: dict[int, list] = {}  # segment start -> [end incl. separator, kinds bitmask]
        lo = hi = 0
        for anchor, start, _ in find(text, overlapping=True):
            if not lo <= start < hi:
                lo = text.rfind(sep, 0, start)
                lo = 0 if lo < 0 else lo + len(sep)
                hi = text.find(sep, start)
                hi = len(text) if hi < 0 else hi + len(sep)
                window = windows.setdefault(lo, [hi, 0])
            window[1] |= masks[anchor]
        out: list = []
        for lo in sorted(windows):
            hi, mask = windows[lo]
            orders = self._orders.get(mask) or self._split(mask)
            if len(orders) == 1:
                self._one(text, hi, orders[0], self._search(orders[0])[1](text, lo, hi), out)
            else:
                self._merge(text, lo, hi, orders, out)
        return out

    def _build(self):
        needs = [anchors(source) for _, source in self.sources]
        for (kind, _), need in zip(self.sources, needs):
            if not need:  # it would have to be searched everywhere: name its keyword or unit
                raise ValueError(f"claim kind {kind}: no anchor string every match contains")
        strings = sorted({s for need in needs for s in need})
        masks = [sum(1 << i for i, need in enumerate(needs) if s in need) for s in strings]
        find = ac.AhoCorasick(strings, implementation=ac.Implementation.DFA).find_matches_as_indexes
        self._automaton = find, masks
        return self._automaton

    def _split(self, mask: int) -> tuple[int, ...]:
        self._orders[mask] = found = tuple(i for i in range(mask.bit_length()) if mask >> i & 1)
        return found

    def _search(self, order: int) -> tuple:
        found = self._searches.get(order)
        if found is None:
            kind, source = self.sources[order]
            pattern = regex.compile(source)
            found = self._searches[order] = (kind, pattern.search, pattern)
        return found

    def _one(self, text: str, end: int, order: int, m, out: list) -> None:
        """``m`` and the further matches of one kind up to ``end``."""
        kind, search, _ = self._search(order)
        while m is not None:
            out.append((kind, m))
            start, pos = m.span()
            m = search(text, pos if pos > start else start + 1, end)  # zero-width: one further on

    def _merge(self, text: str, pos: int, end: int, orders: tuple[int, ...], out: list) -> None:
        """The matches of several kinds in ``text[pos:end]`` (a segment and its separator)."""
        heap = []
        for order in orders:
            m = self._search(order)[1](text, pos, end)
            if m is not None:
                heap.append((m.start(), order, m))
        if len(heap) == 1:  # the kinds with no match from here on have none further on either
            self._one(text, end, heap[0][1], heap[0][2], out)
            return
        heapq.heapify(heap)
        while heap:
            start, order, m = heap[0]
            if start < pos:  # overlapped by the match just taken: look again after it
                m = self._search(order)[1](text, pos, end)
                if m is None:
                    heapq.heappop(heap)
                else:
                    heapq.heapreplace(heap, (m.start(), order, m))
                continue
            out.append((self.sources[order][0], m))
            if m.end() > start:
                pos = m.end()
            else:  # zero-width: step past it without hiding what starts here
                again = self._search(order)[1](text, start + 1, end)
                if again is None:
                    heapq.heappop(heap)
                else:
                    heapq.heapreplace(heap, (again.start(), order, again))
