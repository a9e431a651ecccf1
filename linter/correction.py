"""On-the-spot corrections: a later line that retracts a claim mitigates the earlier finding.

The law on live selling lets a host correct a slip on the spot (口误, 表述不当 …) and treats that as
mitigation, not absolution: the finding stays with its severity, and its message records the
correcting line so a reviewer sees both. The vocabulary is data (rulesets/corrections.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs as ac
import regex

from . import citations
from .joined import Joined
from .literals import required
from .model import Citation, LivelintError, Segment, Violation
from .normalize import normalize
from .ruleset import builtin_dir
from .yamlio import load

_KEYS = ("citation", "window", "note", "quote", "phrases", "regex")


@dataclass(frozen=True)
class Vocabulary:
    phrases: tuple[str, ...]
    patterns: tuple[regex.Pattern, ...]
    window: int
    note: str
    quote: str
    citation: Citation

    def corrects(self, norm: str) -> bool:
        """Whether ``norm`` retracts something: asked for every segment, so one automaton pass
        (a match is found iff some phrase occurs) and a literal pre-test for each pattern."""
        find = self.__dict__.get("_find")
        if find is None:  # built once; a frozen dataclass still has a __dict__
            find = self.__dict__["_find"] = _finder(self.phrases, self.patterns)
        return find(norm)

    def correcting(self, texts: list[str]) -> list[int]:
        """Indices of the ``texts`` that retract something. One automaton pass over all of
        them finds the few that hold a phrase or a pattern's required literal; only those
        are asked ``corrects`` (a pattern with no required literal makes every text a candidate)."""
        if "_words" not in self.__dict__:  # built once (None: every text is a candidate)
            needs = [required(p.pattern) for p in self.patterns]
            strings = None if any(n is None for n in needs) else sorted(set(self.phrases).union(*needs))
            self.__dict__["_words"] = ac.AhoCorasick(strings).find_matches_as_indexes if strings else None
        words = self.__dict__["_words"]
        if words is None:
            candidates = range(len(texts))
        else:
            joined = Joined.of(texts)
            candidates = sorted({joined.index(start) for _, start, _ in words(joined.text)})
        return [i for i in candidates if self.corrects(texts[i])]


def _finder(phrases: tuple[str, ...], patterns: tuple[regex.Pattern, ...]):
    has_phrase = ac.AhoCorasick(list(phrases)).find_matches_as_indexes if phrases else (lambda text: ())
    tests = [(required(p.pattern), p.search) for p in patterns]
    return lambda norm: bool(has_phrase(norm)) or any(
        search(norm) for need, search in tests if need is None or any(s in norm for s in need))


def parse(path: Path) -> Vocabulary:
    """Validate the vocabulary file; every problem names the file, line and key."""
    loaded = load(path, cached=True)
    data = loaded.data
    if not isinstance(data, dict):
        raise loaded.error((), "expected a mapping")
    for key in data:
        if key not in _KEYS:
            raise loaded.error((key,), "unknown key")
    phrases, patterns = data.get("phrases") or [], data.get("regex") or []
    for key, items in (("phrases", phrases), ("regex", patterns)):
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise loaded.error((key,), "expected a list of non-empty text")
    window = data.get("window", 5)
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise loaded.error(("window",), "expected a positive whole number")
    cite = data.get("citation")
    if not isinstance(cite, dict) or "law" not in cite:
        raise loaded.error(("citation",), "required: {law, article}")
    try:
        compiled = tuple(regex.compile(p) for p in patterns)
    except regex.error as exc:
        raise loaded.error(("regex",), f"invalid regex: {exc}") from None
    for key in ("note", "quote"):
        if not isinstance(data.get(key, ""), str):
            raise loaded.error((key,), "expected text")
        try:
            str(data.get(key, "")).format(line=1, citation="")
        except (KeyError, IndexError, ValueError) as exc:
            raise loaded.error((key,), f"bad placeholder {exc}; use {{line}} and {{citation}}") from None
    return Vocabulary(tuple(normalize(p) for p in phrases), compiled, window,
                      data.get("note") or "（已在第{line}行现场纠正）",
                      data.get("quote") or "纠正时复述第{line}行的原话",
                      Citation(cite["law"], cite.get("article"), cite.get("paragraph"), cite.get("item")))


@lru_cache(maxsize=1)
def builtin() -> Vocabulary | None:
    path = builtin_dir() / "corrections.yaml"
    return parse(path) if path.is_file() else None


def annotate(violations: list[Violation], segments: list[Segment], laws: dict,
             vocabulary: Vocabulary | None = None) -> list[Violation]:
    """Add the correction note to findings on the line each correcting segment retracts.

    The correcting line often repeats the words it retracts ("刚才说的美白是口误"); a finding there
    with the same words as a corrected one is a quotation, so it is marked suppressed with the
    reason, which keeps it in JSON and SARIF as an audit trail.
    """
    if not violations:  # a clean script never loads the vocabulary (~3 ms of a short run)
        return violations
    vocab = vocabulary or builtin()
    if vocab is None:
        return violations
    known: dict[int, int] = {}

    def line(j: int) -> int:  # asked only around correcting segments, which are rare
        if j not in known:
            known[j] = segments[j].block.position(segments[j].start)[0]
        return known[j]

    flagged: dict[int, list[int]] = {}
    for k, v in enumerate(violations):
        if v.category != "meta":
            flagged.setdefault(v.line, []).append(k)
    corrected: dict[int, int] = {}  # violation index -> correcting line
    quoting: dict[int, int] = {}  # violation index on a correcting line -> corrected line
    said_all = [seg.norm[seg.start:seg.end] for seg in segments]
    for i in vocab.correcting(said_all):
        said = said_all[i]
        here = line(i)
        earlier = [line(j) for j in range(max(0, i - vocab.window), i)
                   if line(j) in flagged and line(j) < here]
        if not earlier:
            continue
        quoted = [n for n in earlier if any(normalize(violations[k].match) in said for k in flagged[n])]
        target = (quoted or earlier)[-1]
        for k in flagged[target]:
            corrected.setdefault(k, here)
        words = {normalize(violations[k].match) for k in flagged[target]}
        for k in flagged.get(here, ()):
            if normalize(violations[k].match) in words:
                quoting.setdefault(k, target)
    if not corrected:
        return violations
    try:
        cite = citations.render(vocab.citation, laws).text
    except KeyError:
        raise LivelintError(f"unknown law {vocab.citation.law!r}", "corrections.yaml", None, "citation") from None
    out = []
    for k, v in enumerate(violations):
        if k in corrected:
            v = replace(v, message=v.message + vocab.note.format(line=corrected[k], citation=cite))
        elif k in quoting and not v.suppressed:
            v = replace(v, suppressed=True, justification=vocab.quote.format(line=quoting[k]))
        out.append(v)
    return out
