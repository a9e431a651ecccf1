"""Product references in a script → skus: names, aliases and skus from the manifest, and link
numbers (3号链接). Longer names claim their characters first, so 玻尿酸保湿面霜 is one mention,
not also 面霜; one automaton pass over a document finds the few lines that name a product.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick_rs as ac

from .lazyre import lazy
from .joined import Joined
from .manifest import Manifest
from .normalize import normalize

_LINK = lazy(r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*号\s*(?:链接|链|宝贝|商品)"
                      r"|(?:链接|link)\s*(?P<n2>\d{1,3})")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _link_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN.get(text[1:], 0)
    if len(text) == 1:
        return _CN.get(text)
    if len(text) >= 2 and text[1] == "十":
        return _CN[text[0]] * 10 + (_CN.get(text[2], 0) if len(text) > 2 else 0)
    return None


@dataclass(frozen=True)
class Catalog:
    """Product references in text → skus (names, aliases, skus, link numbers)."""

    phrases: tuple[tuple[str, str], ...] = ()  # (normalised phrase, sku), longest first
    links: dict = field(default_factory=dict)  # link number -> sku
    only: str | None = None  # the sku when the manifest has exactly one product

    @classmethod
    def from_manifest(cls, manifest: Manifest | None) -> "Catalog":
        if manifest is None or not manifest.products:
            return cls()
        phrases, links = [], {}
        for p in manifest.products:
            for name in (p.name, p.sku, *p.aliases):
                norm = normalize(name)
                m = _LINK.fullmatch(norm)
                if m:
                    links[_link_number(m.group("n") or m.group("n2"))] = p.sku
                elif len(norm) >= 2:
                    phrases.append((norm, p.sku))
        phrases.sort(key=lambda x: len(x[0]), reverse=True)
        only = manifest.products[0].sku if len(manifest.products) == 1 else None
        return cls(tuple(phrases), links, only)

    def scan(self, norms: list[str]) -> dict[int, list[tuple[int, int, int]]]:
        """Every phrase and link word in ``norms`` in one automaton pass over all of them:
        text index → [(phrase entry, start, end)] sorted, the link words as entry -1. Most
        lines name no product, and only lines in this map need ``refer`` at all."""
        words, entries = _words(self.phrases, bool(self.links) or not self.phrases)
        joined = Joined.of(norms)
        out: dict[int, list[tuple[int, int, int]]] = {}
        base = limit = 0  # the text of the last hit spans [base, limit): hits come in runs
        for word, start, end in _automaton(words)(joined.text):
            if not base <= start < limit:
                index = joined.index(start)
                base, limit = joined.starts[index], joined.starts[index + 1]
                hits = out.setdefault(index, [])
            for entry in entries[word]:
                hits.append((entry, start - base, end - base))
        for hits in out.values():
            hits.sort()
        return out

    def refer(self, norm: str, start: int = 0, hits: list | None = None) -> tuple[list[str], str | None]:
        """(skus named in ``norm[start:]``, first raw product hint — looked for only when there
        is no catalog to name products, or link numbers in it). Longer phrases claim their
        characters first, so 玻尿酸保湿面霜 is one mention, not also 面霜. ``hits`` is this
        text's entry of ``scan`` when the caller scanned a whole document."""
        if hits is None:
            hits = self.scan([norm]).get(0, [])
        if hits and hits[0][0] >= 0:  # sorted, so no link word (entry -1) is among them
            # The common case: every hit names one product (补水面膜 and the 面膜 inside it).
            # Then the first hit claims its span and the rest can add nothing else.
            sku = self.phrases[hits[0][0]][1]
            for entry, s, _ in hits:
                if s < start or self.phrases[entry][1] != sku:
                    break
            else:
                return [sku], None
        found: list[str] = []
        claimed: list[tuple[int, int]] = []  # spans of the phrases taken so far
        link_word = False
        for entry, s, e in hits:
            if s < start:
                continue
            if entry < 0:
                link_word = True
                continue
            for a, b in claimed:
                if s < b and a < e:
                    break
            else:
                claimed.append((s, e))
                sku = self.phrases[entry][1]
                if sku not in found:
                    found.append(sku)
        hint = None
        for m in _LINK.finditer(norm, start) if link_word else ():
            number = _link_number(m.group("n") or m.group("n2"))
            hint = hint or m.group()
            sku = self.links.get(number)
            if sku and sku not in found:
                found.append(sku)
        return found, hint


_LINK_WORDS = ("号", "链接", "link")  # every _LINK match holds one


@lru_cache(maxsize=8)
def _words(phrases: tuple[tuple[str, str], ...], links: bool) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """Distinct phrases (and the link words, if ``links``), each with the phrase entries it
    stands for (two products may share an alias; -1 marks a link word)."""
    owners: dict[str, list[int]] = {w: [-1] for w in _LINK_WORDS} if links else {}
    for entry, (phrase, _) in enumerate(phrases):
        owners.setdefault(phrase, []).append(entry)
    return tuple(owners), tuple(tuple(v) for v in owners.values())


@lru_cache(maxsize=8)
def _automaton(words: tuple[str, ...]):
    find = ac.AhoCorasick(list(words)).find_matches_as_indexes
    return lambda text: find(text, overlapping=True)


def catalog_for(manifest: Manifest | None) -> Catalog:
    """Catalog.from_manifest, kept per manifest: it normalises every product name (~80 µs),
    and the engine segments every document against the same manifest."""
    try:
        return _catalog_of(manifest)
    except TypeError:  # a manifest holding something unhashable: build it afresh
        return Catalog.from_manifest(manifest)


_catalog_of = lru_cache(maxsize=8)(Catalog.from_manifest)
