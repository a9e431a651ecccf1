"""The whole-document passes of segmentation equal the per-line logic they replace.

``_prefixes`` finds time mark, list marker and speaker tag of every text in one ``findall``;
``Catalog.scan`` walks automaton hits in runs; ``Catalog.refer`` has a fast path; cue fields
in ASCII are parsed by ``re``. Each is checked against the straightforward version kept here
as a reference, over generated lines full of the awkward cases: tags in every form, time
marks, list markers, brackets, odd spaces, newlines inside texts, nested product names.
"""
from __future__ import annotations

from bisect import bisect_right

import regex
from hypothesis import example, given, settings, strategies as st

from linter.catalog import _LINK, Catalog, _automaton, _link_number, _words, catalog_for
from linter.segment import _ASCII_CUE, _CUE, TIME_MARK, Cast, _prefixes

_LIST = regex.compile(r"\s*(?:[-*+]|\d+[.)])\s+")  # the list marker segment() matched alone
CAST = Cast({"小雅": "host", "阿杰": "co-host"})

PIECES = ["[", "【", "]", "】", "+", "1", "12", "05", ":", " ", "\t", "\n", "\r", "\x0b", "\x1c",
          "\x85", "\u2028", "\u3000", "-", "*", "**", "+", "1.", "2)", "主播", "小雅", "助播",
          "气氛组", "(", "（", ")", "）", "好", "a", "#", "号", "链接", "面霜", "保湿", "补水", "面膜"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def reference_prefix(norm: str, tag) -> tuple:
    """The per-line logic segment() used before: three matches, each where the last ended."""
    m = TIME_MARK.match(norm)
    pos = m.end() if m else 0
    clock = tuple(g or "" for g in m.group("plus", "h", "m", "s")) if m else ("", "", "", "")
    lm = _LIST.match(norm, pos)
    after_list = lm.end() if lm else pos
    tm = tag.match(norm, after_list)
    return (pos, clock, after_list, tm.end() if tm else after_list,
            tm.span("label") if tm else None)


def from_row(row: tuple) -> tuple:
    """A ``_prefixes`` row in the reference's terms (offsets instead of matched texts)."""
    mark, plus, h, mi, s, listed, tagged, ws, opener, label = row
    pos, after_list = len(mark), len(mark) + len(listed)
    a = after_list + len(ws) + len(opener)
    return (pos, (plus, h, mi, s), after_list, after_list + len(tagged),
            (a, a + len(label)) if tagged else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_prefixes_equal_per_line_matches(norms):
    tag = CAST.pattern()
    rows = _prefixes(norms, CAST.words())
    assert [from_row(r) for r in rows] == [reference_prefix(n, tag) for n in norms]


def test_prefixes_on_common_lines():
    norms = ["[20:15] 主播:好", "[+00:45:00]  - 助播小雅(场外): 好", "【主播】 :好", "**主播:**好",
             "2) 气氛组:冲", "", "[12:05]", "  ", "原价:399"]
    tag = CAST.pattern()
    assert [from_row(r) for r in _prefixes(norms, CAST.words())] == \
        [reference_prefix(n, tag) for n in norms]


def test_text_with_newline_is_matched_alone():
    """A newline inside a text would shift the one-row-per-line alignment."""
    norms = ["[20:15]\n主播:好", "主播:\n好", "助播:好"]
    tag = CAST.pattern()
    assert [from_row(r) for r in _prefixes(norms, CAST.words())] == \
        [reference_prefix(n, tag) for n in norms]


MANIFEST_PHRASES = (("玻尿酸保湿面霜", "A"), ("保湿面霜", "A"), ("补水面膜", "M"), ("面霜", "A"),
                    ("面霜", "B"), ("保湿", "C"), ("面膜", "M"))  # longest first, as built


def reference_scan(catalog: Catalog, norms: list[str]) -> dict:
    """Catalog.scan as it was: a bisect for every hit."""
    words, entries = _words(catalog.phrases, bool(catalog.links) or not catalog.phrases)
    bases, pos = [], 0
    for norm in norms:
        bases.append(pos)
        pos += len(norm) + 1
    out: dict = {}
    for word, start, end in _automaton(words)("\n".join(norms)):
        index = bisect_right(bases, start) - 1
        for entry in entries[word]:
            out.setdefault(index, []).append((entry, start - bases[index], end - bases[index]))
    for hits in out.values():
        hits.sort()
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=6), st.booleans())
def test_scan_equals_per_hit_bisect(norms, links):
    catalog = Catalog(MANIFEST_PHRASES, {1: "A"} if links else {})
    assert catalog.scan(norms) == reference_scan(catalog, norms)


def reference_refer(catalog: Catalog, norm: str, start: int, hits: list) -> tuple:
    """Catalog.refer as it was: a per-character claim list, link numbers after the phrases."""
    found, taken, link_word = [], [False] * len(norm), False
    for entry, s, e in hits:
        if s < start:
            continue
        if entry < 0:
            link_word = True
            continue
        if not any(taken[s:e]):
            taken[s:e] = [True] * (e - s)
            if catalog.phrases[entry][1] not in found:
                found.append(catalog.phrases[entry][1])
    hint = None
    for m in _LINK.finditer(norm, start) if link_word else ():
        hint = hint or m.group()
        sku = catalog.links.get(_link_number(m.group("n") or m.group("n2")))
        if sku and sku not in found:
            found.append(sku)
    return found, hint


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), st.integers(0, 12), st.booleans())
def test_refer_equals_claim_list(norms, start, links):
    catalog = Catalog(MANIFEST_PHRASES, {1: "A", 2: "B"} if links else {})
    for i, hits in catalog.scan(norms).items():
        assert catalog.refer(norms[i], start, hits) == \
            reference_refer(catalog, norms[i], start, hits)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["+", "1", "23", "05", ":", ",000", " ", "\t", "\x1c", "\x0b", "a"]),
                max_size=8).map("".join))
@example("\x1c20:15")  # U+001C is whitespace to ``re`` and str.isspace, not to ``regex``
@example("\x0b+00:45:00,000")
def test_ascii_cue_equals_cue(raw):
    m, n = _ASCII_CUE.match(raw), _CUE.match(raw)
    assert (m and (m.groups(), m.end())) == (n and (n.groups(), n.end()))


def test_catalog_kept_per_manifest_and_built_for_unhashable_ones():
    from conftest import manifest_from
    m = manifest_from({"products": [{"sku": "A", "name": "保湿面霜"}]})
    assert catalog_for(m) is catalog_for(m) and catalog_for(m).phrases == (("保湿面霜", "A"),)
    assert catalog_for(None) == Catalog()
