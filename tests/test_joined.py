"""Joined texts: every offset maps back to the text that holds it."""
from __future__ import annotations

from hypothesis import given, strategies as st

from linter.joined import Joined


@given(st.lists(st.text(alphabet="ab最\n", max_size=6), min_size=1, max_size=8),
       st.sampled_from(["\n", "\n。\n"]))
def test_offsets_map_back_to_their_text(texts, separator):
    joined = Joined.of(texts, separator)
    assert joined.text == separator.join(texts)
    for i, text in enumerate(texts):
        start = joined.starts[i]
        assert joined.text[start:start + len(text)] == text
        for offset in range(start, start + len(text)):
            assert joined.index(offset) == i


def test_empty_texts_and_separators():
    joined = Joined.of(["ab", "", "c"])
    assert joined.text == "ab\n\nc" and joined.starts == [0, 3, 4, 6]
    assert [joined.index(o) for o in range(5)] == [0, 0, 0, 1, 2]  # a separator: the text before it
