"""Blocks → Segments: who speaks, when, and about which product.

Works on the matching view (simplified, half-width), so 【主播】, [主播], **主播**：, 主播小雅：
and 主播: are one pattern each, and 繁體 tags need no extra entries. Time marks follow contract
§3.5; product context carries forward until another product is named, and a line naming two
products is marked ambiguous rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import regex

from .lazyre import lazy
from .catalog import catalog_for
from .manifest import Manifest
from .model import Segment, Speaker
from .normalize import normalize

ROLE_WORDS = {
    "主播": "host", "主持": "host", "助播": "co-host", "副播": "co-host",
    "气氛组": "vibe-group", "场控": "floor", "中控": "floor", "嘉宾": "guest",
}

TIME_MARK = lazy(
    r"^\s*[\[【]\s*(?P<plus>\+)?(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*[\]】]\s*")
_CLOCK = lazy(r"(?<!\d)(?P<h>[01]?\d|2[0-4])[:：](?P<m>[0-5]\d)(?!\d)")
_HEADING = lazy(r"^\s*#{1,6}\s*")
_CUE = lazy(r"\s*(\+)?(\d{1,2}):(\d{2})(?::(\d{2}))?")  # compiled once: per-call lookup ~10 µs
# _CUE for ASCII fields (nearly all): the same language in ``re``, which matches in half the
# time. Spelled out because ``re``'s \s also takes U+001C-U+001F, and its \d other scripts.
_ASCII_CUE = re.compile(r"[\t\n\v\f\r ]*(\+)?([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")


@dataclass(frozen=True)
class Cast:
    """Speaker labels → roles: the role words, the manifest's speakers, config aliases."""

    names: dict = field(default_factory=dict)  # normalised name -> role

    @classmethod
    def from_manifest(cls, manifest: Manifest | None, aliases: dict | None = None) -> "Cast":
        """Names from the manifest's speakers and from config ``speakers`` (name → role word)."""
        names = {}
        for name, role in (manifest.speakers if manifest else ()):
            names[normalize(name)] = role
        for name, role in (aliases or {}).items():
            names[normalize(name)] = ROLE_WORDS.get(role, role)
        return cls(names)

    def role(self, label: str) -> str | None:
        for word, role in ROLE_WORDS.items():
            if label.startswith(word):
                return role
        return self.names.get(label)

    def pattern(self) -> regex.Pattern:
        return _tag_pattern(self.words())

    def words(self) -> tuple[str, ...]:
        """Role words and names, longest first (so 主播小雅 wins over 主播)."""
        return tuple(sorted(list(ROLE_WORDS) + list(self.names), key=len, reverse=True))


@lru_cache(maxsize=16)
def _tag_pattern(words: tuple[str, ...]) -> regex.Pattern:
    """Compiled once per cast, not once per document (a compile costs ~2 ms)."""
    return regex.compile(_tag_source(words))


def _tag_source(words: tuple[str, ...], sp: str = r"\s", nl: str = "") -> str:
    """A speaker tag (【主播】, [主播], **主播**, **主播:**, 主播小雅:) with its groups: ws and o
    (the text before the label, so its offset needs no span lookup) and the label."""
    alt = "|".join(regex.escape(w) for w in words)
    label = rf"(?P<label>(?:{alt})[^\s:\]】*(（]{{0,8}}?)(?:[(（][^)）{nl}]{{0,8}}[)）])?"
    return (rf"(?P<ws>{sp}*)(?:(?:(?P<o>【){label}】|(?P<o>\[){label}\]|(?P<o>\*\*){label}\*\*)"
            rf"{sp}*:?{sp}*|(?P<o>\*\*){label}:\*\*{sp}*|(?P<o>){label}{sp}*:{sp}*)")


def _prefix_source(words: tuple[str, ...], sp: str = r"\s", nl: str = "") -> str:
    """TIME_MARK, then a list marker, then the tag pattern, as one pattern of optional groups:
    each part's first match is the one the part finds alone, because whatever follows it can
    always match empty. Groups: (mark, plus, h, m, s, list, tag, ws, opener, label). ``sp``
    and ``nl`` let the whole-document form keep every part inside its own line. The tests
    hold it equal to TIME_MARK, the list marker and ``Cast.pattern()`` matched in turn."""
    mark = rf"{sp}*[\[【]{sp}*(\+)?(\d{{1,2}}):(\d{{2}})(?::(\d{{2}}))?{sp}*[\]】]{sp}*"
    listed = rf"{sp}*(?:[-*+]|\d+[.)]){sp}+"
    return rf"({mark})?({listed})?({_tag_source(words, sp, nl)})?"


@lru_cache(maxsize=16)
def _line_prefix(words: tuple[str, ...]) -> regex.Pattern:
    """The prefix pattern for one text (used when a block's text holds a newline)."""
    return regex.compile(_prefix_source(words))


@lru_cache(maxsize=16)
def _document_prefix(words: tuple[str, ...]) -> regex.Pattern:
    """The prefix pattern after every newline of the texts joined (and led) by newlines: no
    part may cross a newline, so ``\\s`` becomes ``[^\\S\\n]`` and the one negated class
    that admits a newline excludes it; on a text without newlines both forms match alike.
    Anchored on the newline itself, not ``(?m)^``: the engine then skips to the next line
    start with a fast literal search (~10 % faster)."""
    return regex.compile("\n" + _prefix_source(words, r"[^\S\n]", r"\n"))


def _prefixes(norms: list[str], words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The prefix groups of every text, from one ``findall`` over all of them: the pattern
    matches at each newline and never across another, so there is exactly one row per text
    unless some text holds a newline; then each text is matched alone."""
    if not any("\n" in w for w in words):
        rows = _document_prefix(words).findall("\n" + "\n".join(norms))
        if len(rows) == len(norms):
            return rows
    line = _line_prefix(words).match
    return [line(norm).groups("") for norm in norms]


def _base(manifest: Manifest | None) -> datetime | None:
    if manifest is None:
        return None
    if manifest.session.start:
        return manifest.session.start
    starts = [p.promo.start for p in manifest.products if p.promo.start]
    return min(starts) if starts else None


@lru_cache(maxsize=4096)
def _moment(base: datetime, h: int, m: int, s: int) -> datetime:
    day: date = base.date()
    return datetime.combine(day, time(0), base.tzinfo) + timedelta(hours=h, minutes=m, seconds=s)


def _clock(base: datetime, previous: datetime | None, h: int, m: int, s: int) -> datetime:
    moment = _moment(base, h, m, s)
    reference = previous or base
    while moment < reference - _SIX_HOURS:
        moment += _ONE_DAY
    return moment


_SIX_HOURS, _ONE_DAY = timedelta(hours=6), timedelta(days=1)


def resolve_time(raw: str, base: datetime | None, previous: datetime | None) -> datetime | None:
    """A reader's time field ("20:15", "+00:45:00", "00:45:00,000" cue) → datetime."""
    if base is None:
        return None
    m = (_ASCII_CUE if raw.isascii() else _CUE).match(raw)
    if not m:
        return None
    plus, h, mi, s = m.groups()  # by number: a named group lookup costs ~0.2 µs
    h, mi, s = int(h), int(mi), int(s or 0)
    if plus:
        return base + timedelta(hours=h, minutes=mi, seconds=s)
    return _clock(base, previous, h, mi, s)


def segment(blocks, norms, manifest: Manifest | None = None, cast: Cast | None = None):
    """Yield one Segment per lintable block, with speaker, time and product resolved."""
    cast = cast or Cast()
    catalog = catalog_for(manifest)
    base = _base(manifest)
    seen: dict[tuple[str, str | None], Speaker] = {}  # (label, normalised label) -> Speaker
    speaker, when, product = None, None, catalog.only  # the context carried from line to line
    cue = resolved = None  # the last time field and what it resolved to
    mentions = catalog.scan(norms)
    words = cast.words()
    rows = _prefixes(norms, words)
    for i, block in enumerate(blocks):
        kind = block.kind
        if kind == "comment":
            continue
        norm = norms[i]
        if block.time is not None:
            # The lines of one cue or row share its time field: resolve it once, unless a
            # time mark has moved the clock since (then it resolves against the new time).
            if block.time != cue or when is not resolved:
                cue, resolved = block.time, resolve_time(block.time, base, when)
            when = resolved
        mark, plus, h, mi, s, listed, tagged, ws, opener, label = rows[i]
        start = len(mark)
        if mark and base is not None:
            h, mi, s = int(h), int(mi), int(s or 0)
            when = (base + timedelta(hours=h, minutes=mi, seconds=s) if plus
                    else _clock(base, when, h, mi, s))
        if kind == "header" or ("】" in norm and _is_bracket_header(norm, words)):
            speaker = None
            clock = _CLOCK.search(norm)
            if clock and base is not None and not mark:
                when = _clock(base, when, int(clock.group("h")) % 24, int(clock.group("m")), 0)
            heading = _HEADING.match(norm)
            start = heading.end() if heading else start
        else:
            start += len(listed)
            if block.speaker is not None:
                key = (block.speaker, None)
                speaker = seen.get(key) or _speaker(seen, cast, *key)
            elif tagged:
                a = start + len(ws) + len(opener)
                key = (block.text[a:a + len(label)], label)
                speaker = seen.get(key) or _speaker(seen, cast, *key)
                start += len(tagged)
        if block.product:
            skus, _ = catalog.refer(normalize(block.product))
            if len(skus) == 1:
                product = skus[0]
            elif manifest is None:
                product = block.product
        hits = mentions.get(i)
        if hits is None:
            yield Segment(block, start, len(block.text), norm, speaker, when, product, ())
            continue
        skus, hint = catalog.refer(norm, start, hits)
        if len(skus) > 1:
            yield Segment(block, start, len(block.text), norm, speaker, when, None, tuple(skus))
            continue
        if skus:
            product = skus[0]
        elif hint and manifest is None:
            product = hint
        yield Segment(block, start, len(block.text), norm, speaker, when, product, ())


def _speaker(seen: dict, cast: Cast, label: str, norm_label: str | None) -> Speaker:
    """A new Speaker, remembered in ``seen`` under (label, norm_label): one per distinct tag
    in a document, since tags repeat on almost every line."""
    role = cast.role(norm_label if norm_label is not None else normalize(label))
    found = seen[(label, norm_label)] = Speaker(label, role)
    return found


def _is_bracket_header(norm: str, words: tuple[str, ...]) -> bool:
    stripped = norm.strip()
    if not (stripped.startswith("【") and stripped.endswith("】")) or len(stripped) < 3:
        return False
    return _tag_pattern(words).match(stripped) is None  # Cast.pattern(), compiled by the first such line
