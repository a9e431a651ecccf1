"""Manifest facts that make a term hit lawful (执法指南 §6, LEGAL.md §4 doctrine 3, 7, 8).

A rule lists them in ``backed_by``. Names and certificate titles act as exception phrases
(handled by the matcher); the rest are decided here, per hit, against the segment's product.
"""
from __future__ import annotations

from functools import lru_cache


from .lazyre import lazy
from .manifest import Manifest, Product
from .normalize import normalize
from .squeeze import is_separator

# A ranking limited to a stated period *and* scope (guide §6(6)); counts only with sales.source.
_PERIOD = lazy(r"\d{4}年|\d{1,2}月|\d{1,2}日|本场|今晚|今天|今年|去年|本月|上月|本周|上周"
                        r"|本季度|双十一|双11|618|年货节|期间")
_SCOPE = lazy(r"本场|本店|店铺|店内|本直播间|直播间|本品牌|平台|旗舰店|类目|品类|榜单")


@lru_cache(maxsize=64)  # once per line, not once per hit (str hashes are cached: O(1) lookups)
def _qualified(line_norm: str) -> bool:
    return bool(_PERIOD.search(line_norm) and _SCOPE.search(line_norm))


# Window factor for abbreviations of a declared title: 非遗 for 非物质文化遗产 (≤ 3× the hit).
_ABBREVIATION_SPAN = 3


def exception_phrases(rules, manifest: Manifest | None) -> dict[str, tuple[str, ...]]:
    """Per rule id: product names and aliases, which cover a hit inside them."""
    if manifest is None:
        return {}
    names = tuple(n for p in manifest.products for n in (p.name, *p.aliases))
    return {rule.id: names for rule in rules if "names" in rule.backed_by and names}


def _said_as_title(line: str, start: int, end: int, titles) -> bool:
    """The hit begins a run of speech that quotes a certificate title: at least three more
    characters of the title follow it, so 国家级 is lawful only as part of that exact title."""
    for title in titles:
        title = normalize(title)
        at = title.find(line[start:end])
        while at >= 0:
            n = 0
            while (end + n < len(line) and at + end - start + n < len(title)
                   and line[end + n] == title[at + end - start + n]):
                n += 1
            if n >= 3 or at + end - start == len(title):
                return True
            at = title.find(line[start:end], at + 1)
    return False


def _in_title(words: str, titles) -> bool:
    """The hit's words occur in a declared title: verbatim, or as an abbreviation (its
    characters in order within 3× its length), so 非遗 is backed by 非物质文化遗产 while a
    spoken 发明专利 is not backed by a 实用新型专利 certificate."""
    words = "".join(ch for ch in words if not ch.isspace() and not is_separator(ch))
    return bool(words) and any(_abbreviates(words, normalize(t)) for t in titles)


def _abbreviates(words: str, title: str) -> bool:
    limit = _ABBREVIATION_SPAN * len(words)
    at = title.find(words[0])
    while at >= 0:
        pos = at
        for ch in words[1:]:
            pos = title.find(ch, pos + 1, at + limit)
            if pos < 0:
                break
        else:
            return True
        at = title.find(words[0], at + 1)
    return False


def _within(match: str, entries) -> bool:
    return any(match in normalize(entry) for entry in entries)


def backed(rule, line_norm: str, start: int, end: int, product: Product | None,
           manifest: Manifest | None) -> bool:
    """True when a manifest fact of the segment's product makes this hit lawful."""
    if manifest is None:
        return False
    match_norm = line_norm[start:end]
    if "certifications" in rule.backed_by:
        pool = product.certifications if product else \
            [c for p in manifest.products for c in p.certifications]
        if _said_as_title(line_norm, start, end, pool):
            return True
    if "certified" in rule.backed_by:
        pool = product.certifications if product else \
            [c for p in manifest.products for c in p.certifications]
        if _in_title(match_norm, pool):
            return True
    if product is None:
        return False
    for fact in rule.backed_by:
        if fact == "grade":
            grade = product.spec("grade")
            if grade and match_norm in normalize(grade[1]):
                return True
        elif fact == "approved_claims" and _within(match_norm, product.approved_claims):
            return True
        elif fact == "after_sales" and _within(match_norm, product.after_sales):
            return True
        elif fact == "sales" and product.sales.source and _qualified(line_norm):
            return True
    return False
