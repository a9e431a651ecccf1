"""The anchored scan (linter/kindscan.py) against the plain one it replaces, on generated scripts.

The reference searches every kind over the whole joined text and merges the matches (leftmost
first, then kind order; a zero-width match steps on by one): whatever the anchors and windows
skip must be exactly what could not match.
"""
from __future__ import annotations

import heapq
import random

import pytest

from linter import claims
from linter.claims import KINDS, extract_many
from linter.kindscan import anchors

SCANNER = claims._SCANNER

# Every kind's words, then the numbers, units, negations, traps and punctuation around them.
_WORDS = sorted({*(s for _, source in SCANNER.sources for s in anchors(source)),
                 *claims._END.split("|"), *claims._FIBRE.split("|"), *claims.DAY.split("|")})
_NUMBERS = ["50", "五十", "3.5万", "1.2k", "九块九", "19块9", "199元", "¥599", "99米", "12点", "23:30",
            "八点半", "十点二", "七五", "5", "88", "两", "2025年", "11月10日", "一米七"]
_UNITS = [*claims._STOCK.split("|"), "ml", "毫升", "l", "g", "kg", "克", "%", "折", "秒钟", "分钟",
          "小时", "个月", "年", "天", "号", "点"]
_MISC = ["不", "没有", "不会", "怕", "第二件", "满300", "第", "一", "云南", "的", "起", "扣", "链接",
         "福袋", "问题", "上链接", "开抢", "是", "到", "后", "就", "了", "前", "之前", "下播", "装",
         "有", "机", "会", "产", "直发", "今天", "宝贝们", "颜色", "，", "。", "！", "？", "；", ":",
         " ", "\n", "\n。\n", "、", "3、2、1"]


def _piece(rng: random.Random) -> str:
    """A keyword, often with a number, a unit and a word or mark after it."""
    return "".join((rng.choice(_WORDS),
                    rng.choice(_NUMBERS) if rng.random() < 0.5 else "",
                    rng.choice(_UNITS) if rng.random() < 0.5 else "",
                    rng.choice(_MISC) if rng.random() < 0.4 else ""))


def _script(rng: random.Random) -> list[str]:
    """A few segments of a few pieces each; some segments begin with a stray mark or word."""
    return ["".join((rng.choice(_MISC) if rng.random() < 0.3 else "",
                     *(_piece(rng) for _ in range(rng.randint(1, 5)))))
            for _ in range(rng.randint(1, 6))]


def _reference_scan(text: str):
    heap = []
    for order in range(len(SCANNER.sources)):
        m = SCANNER.pattern(order).search(text)
        if m is not None:
            heap.append((m.start(), order, m))
    heapq.heapify(heap)
    pos = 0
    while heap:
        start, order, m = heap[0]
        if start < pos:
            m = SCANNER.pattern(order).search(text, pos)
            if m is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (m.start(), order, m))
            continue
        yield SCANNER.sources[order][0], m
        if m.end() > start:
            pos = m.end()
        else:
            m = SCANNER.pattern(order).search(text, start + 1)
            if m is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (m.start(), order, m))


def _reference_extract(texts, offsets):
    joined = claims._SEPARATOR.join(texts)
    bases, pos = [], 0
    for text in texts:
        bases.append(pos)
        pos += len(text) + len(claims._SEPARATOR)
    out = [[] for _ in texts]
    index = 0
    for kind, m in _reference_scan(joined):
        while index + 1 < len(bases) and bases[index + 1] <= m.start():
            index += 1
        claim = claims._build(kind, m, offsets[index] - bases[index])
        if claim is not None:
            out[index].append(claim)
    for found in out:
        if len(found) > 1:
            found.sort(key=lambda c: c.start)
            claims._link_bases(found)
            claims._join_stream_end(found)
    return out


def _spans(found):
    return [(kind, m.span(), m.groupdict()) for kind, m in found]


@pytest.mark.parametrize("seed", range(4))
def test_anchored_scan_equals_whole_text_scan(seed):
    rng = random.Random(seed)
    for _ in range(1200):
        texts = _script(rng)
        joined = claims._SEPARATOR.join(texts)
        expected = _spans(_reference_scan(joined))
        assert _spans(claims._scan(joined)) == expected, texts
        offsets = [rng.randint(0, 50) for _ in texts]
        assert extract_many(texts, offsets) == _reference_extract(texts, offsets), texts


def test_generated_scripts_reach_every_kind():
    rng = random.Random(0)
    seen = set()
    for _ in range(6000):
        seen.update(kind for kind, _ in _reference_scan(claims._SEPARATOR.join(_script(rng))))
    assert seen == set(KINDS)


def test_every_kind_has_anchors():
    """A kind without an anchor string would have to be searched in every segment."""
    for kind, source in SCANNER.sources:
        assert anchors(source), kind
