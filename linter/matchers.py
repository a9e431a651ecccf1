"""All term rules compiled into one matcher.

One Aho-Corasick automaton holds every term of every rule, normalised the same way as the
text, and the literals the built-in regexes require; one overlapping pass finds them all.
Each rule then keeps its own merged hits, and an exception span that *covers* a hit cancels
it: this is how 第一次 cancels 第一 without any word boundary, which Chinese does not have.
Exception phrases are looked for only around hits (``_Exceptions``).
"""
from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby
from operator import itemgetter
from pathlib import Path

import ahocorasick_rs as ac
import regex

from .literals import required
from .model import LivelintError
from .normalize import normalize
from .ruleset import Rule, builtin_dir

REGEX_TIMEOUT = 2.0  # seconds per rule and text; a catastrophic house regex cannot hang a run


def regex_timeout() -> float:
    """REGEX_TIMEOUT, or LIVELINT_REGEX_TIMEOUT seconds (tests set it low; slow machines high)."""
    raw = os.environ.get("LIVELINT_REGEX_TIMEOUT")
    if raw is None:
        return REGEX_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise LivelintError(f"expected a number of seconds > 0, got {raw!r}", None, None,
                            "LIVELINT_REGEX_TIMEOUT")
    return value


@dataclass(frozen=True)
class Hit:
    rule: int  # index into TermMatcher.rules
    start: int
    end: int


@dataclass(frozen=True)
class Timeout:
    rule: int


def _uncovered(spans: list[tuple[int, int]], blockers) -> list[tuple[int, int]]:
    """Spans that no blocker covers (s <= start and end <= e), in O((n + m) log m): for the
    blockers starting at or before a span, only the furthest end matters."""
    if not blockers:
        return spans
    blockers = sorted(blockers)
    starts = [s for s, _ in blockers]
    reach = list(accumulate((e for _, e in blockers), max))
    out = []
    for start, end in spans:
        i = bisect_right(starts, start) - 1
        if i < 0 or reach[i] < end:
            out.append((start, end))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping spans: 全网最 + 最好 → 全网最好, one finding per phrase."""
    spans.sort()
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _normalize_all(items: list[str]) -> list[str]:
    """``[normalize(i) for i in items]`` in one OpenCC call (30k house terms: 0.3 s → 0.01 s).
    No dictionary entry spans a newline, so each line converts as it would alone; any
    doubt (a newline inside an item, a length change) falls back to one call per item."""
    joined = normalize("\n".join(items)).split("\n") if items else []
    if len(joined) == len(items) and all(len(a) == len(b) for a, b in zip(joined, items)):
        return joined
    return [normalize(i) for i in items]


def _compile(patterns: tuple[str, ...], rule: Rule) -> tuple[tuple[str, frozenset | None], ...]:
    """Each pattern with its required literals: a pattern none of whose literals occurs in the
    text cannot match it and is skipped. Only for built-in rules: a house regex always runs, so
    a catastrophic one is reported (ML003) on every file, not only where its literal occurs."""
    own = Path(rule.path).is_relative_to(builtin_dir())
    return tuple((p, required(p) if own else None) for p in patterns)


@lru_cache(maxsize=None)
def _regex(pattern: str) -> regex.Pattern:
    """Compiled on first use (rule files were validated when parsed): a pattern whose literals
    never occur is never compiled, which is most of start-up for a short script."""
    return regex.compile(pattern)


class TermMatcher:
    """Compiled matcher for a tuple of term rules plus extra per-rule exception phrases."""

    def __init__(self, rules: tuple[Rule, ...], extra_exceptions: dict[str, tuple[str, ...]] | None = None):
        self.rules = rules
        extra_exceptions = extra_exceptions or {}
        self._timeout = regex_timeout()
        self._patterns = [
            (i, _compile(r.patterns, r), _compile(r.exception_patterns, r))
            for i, r in enumerate(rules) if r.patterns or r.exception_patterns
        ]
        literals = {s for _, *kinds in self._patterns for kind in kinds
                    for _, need in kind if need for s in need}
        terms = [(term, index) for index, rule in enumerate(rules) for term in rule.terms]
        owners: dict[str, list[int]] = {literal: [] for literal in sorted(literals)}
        for norm, (_, index) in zip(_normalize_all([t for t, _ in terms]), terms):
            owners.setdefault(norm, []).append(index)
        owners.pop("", None)
        # Terms and required literals share one automaton: one pass finds both.
        self._phrases = list(owners)
        self._owners = [(tuple(owners[p]), p in literals) for p in self._phrases]
        self._automaton = ac.AhoCorasick(self._phrases, matchkind=ac.MatchKind.Standard) \
            if self._phrases else None
        self._exceptions = _Exceptions(rules, extra_exceptions)

    def scan(self, text: str) -> tuple[list[Hit], list[Timeout]]:
        """Hits in ``text`` (already normalised), sorted by position, exceptions applied."""
        hits: dict[int, list[tuple[int, int]]] = {}
        present: set[str] = set()
        if self._automaton is not None:
            # ``text`` is a normalised view: lone surrogates are already U+FFFD (normalize.py).
            # Grouped by phrase first (a C-level sort), so each phrase's owners are visited once
            # rather than once per occurrence; span order within a rule does not matter.
            found = self._automaton.find_matches_as_indexes(text, overlapping=True)
            found.sort(key=itemgetter(0))  # by phrase only: cheaper than comparing whole tuples
            for pid, group in groupby(found, itemgetter(0)):
                rules, literal = self._owners[pid]
                if literal:
                    present.add(self._phrases[pid])
                if rules:
                    spans = [(start, end) for _, start, end in group]
                    for rule in rules:
                        hits.setdefault(rule, []).extend(spans)
        cancels: dict[int, list[tuple[int, int]]] = {}
        timeouts = []
        for rule, patterns, exceptions in self._patterns:
            try:
                for pattern, need in patterns:
                    found = hits.setdefault(rule, [])
                    if need is None or not present.isdisjoint(need):
                        found.extend(m.span() for m in _regex(pattern).finditer(text, timeout=self._timeout)
                                     if m.end() > m.start())
                wanted = bool(hits.get(rule))  # an exception only cancels hits; house ones always run
                for pattern, need in exceptions:
                    found = cancels.setdefault(rule, [])
                    if need is None or (wanted and not present.isdisjoint(need)):
                        found.extend(m.span() for m in _regex(pattern).finditer(text, timeout=self._timeout))
            except TimeoutError:
                timeouts.append(Timeout(rule))
                hits.pop(rule, None)
        out = []
        for rule, spans in hits.items():
            if not spans:
                continue
            kept = self._exceptions.uncovered(text, rule, _uncovered(spans, cancels.get(rule, ())))
            out.extend(Hit(rule, start, end) for start, end in _merge(kept))
        out.sort(key=lambda h: (h.start, h.rule))
        return out, timeouts


class _Exceptions:
    """Exception phrases, checked per hit rather than found all over the text: a pass over
    the whole text finds every product name hundreds of times to cancel a handful of hits.
    A phrase covers a hit only if it contains the hit's words, so each distinct hit string
    is looked up once among the phrases, and each hit is then a few ``startswith`` calls."""

    def __init__(self, rules: tuple[Rule, ...], extra: dict[str, tuple[str, ...]]):
        entries = [(phrase, index) for index, rule in enumerate(rules)
                   for phrase in rule.exception_phrases + extra.get(rule.id, ())]
        owners: dict[str, set[int]] = {}
        for norm, (_, index) in zip(_normalize_all([e[0] for e in entries]), entries):
            owners.setdefault(norm, set()).add(index)
        owners.pop("", None)
        self._phrases = list(owners)
        self._owners = list(owners.values())
        self._rules = set().union(*self._owners)
        self._joined = "".join(self._phrases)
        self._starts = list(accumulate(map(len, self._phrases), initial=0))
        self._within = lru_cache(maxsize=4096)(self._find_within)

    def _find_within(self, words: str) -> tuple[tuple[str, int, set[int]], ...]:
        """(phrase, offset, owners) of every occurrence of ``words`` inside a phrase."""
        out = []
        at = self._joined.find(words)
        while at >= 0:
            pid = bisect_right(self._starts, at) - 1
            offset = at - self._starts[pid]
            if offset + len(words) <= len(self._phrases[pid]):  # not across two phrases
                out.append((self._phrases[pid], offset, self._owners[pid]))
            at = self._joined.find(words, at + 1)
        return tuple(out)

    def uncovered(self, text: str, rule: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Spans of ``rule`` that no occurrence of one of its exception phrases covers."""
        if rule not in self._rules:
            return spans
        return [(start, end) for start, end in spans
                if not any(rule in owners and offset <= start and text.startswith(phrase, start - offset)
                           for phrase, offset, owners in self._within(text[start:end]))]
