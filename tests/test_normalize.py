"""The offset guarantee: the matching view has the source's length and line structure."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.normalize import fold, normalize

TRADITIONAL = "這個麵霜髮質乾燥後來網購買賣團購價錢優惠劃線價臺灣鬆軟製造發貨華麗體驗於與為來說們點關注寶"
TEXT = st.text(alphabet=st.sampled_from(TRADITIONAL + "全网最好的第一次ＡＢＣ１２３，。！ \n\t😀abcXYZ【】："),
               max_size=200)


@given(TEXT)
@settings(max_examples=300)
def test_length_and_lines_preserved(text):
    norm = normalize(text)
    assert len(norm) == len(text)
    assert [i for i, c in enumerate(norm) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


@given(st.text(max_size=100))
@settings(max_examples=300)
def test_any_unicode_keeps_length(text):
    assert len(normalize(text)) == len(text)


def test_every_cjk_character_keeps_length():
    """Character by character over the CJK blocks: the converter never changes a length."""
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        chunk = "".join(chr(c) for c in range(lo, hi + 1))
        assert len(normalize(chunk)) == len(chunk)


def test_traditional_and_fullwidth():
    assert normalize("這是全網最好的麵霜") == "这是全网最好的面霜"
    assert normalize("ＮＯ．１") == "no.1"
    assert normalize("５０单，：") == "50单,:"
    assert fold("Ａ") == "a"


def test_emoji_untouched():
    assert normalize("冲😀冲") == "冲😀冲"
