"""Numbers as hosts say them, including the numbers that are not claims."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from linter.normalize import normalize
from linter.numerals import Clock, clock, cn_int, measure_text, duration_text, money, number, scan


@pytest.mark.parametrize("text, value", [
    ("三百九十九", 399), ("一百零八", 108), ("两万", 20000), ("十", 10), ("十五", 15),
    ("二十", 20), ("一千二百", 1200), ("三万五千", 35000), ("二〇二五", 2025), ("五零", 50),
    ("3.5万", 35000), ("3.5w", 35000), ("1.2k", 1200), ("十点二", 10.2), ("50", 50),
])
def test_number(text, value):
    assert number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("５０", 50), ("３.５Ｗ", 35000), ("１.２Ｋ", 1200),  # full-width folds in the matching view
])
def test_number_on_normalised_view(text, value):
    assert number(normalize(text)) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("九块九", 9.9), ("19块9", 19.9), ("99米", 99), ("¥199", 199), ("￥199", 199), ("199元", 199),
    ("三百九十九元", 399), ("两百块", 200), ("1.2k", 1200),
])
def test_money(text, value):
    assert money(text) == pytest.approx(value)


@pytest.mark.parametrize("text, expected", [
    ("今晚12点", Clock(24, 0)), ("晚上八点半", Clock(20, 30)), ("24:00", Clock(24, 0)),
    ("零点", Clock(24, 0)), ("明天10点", Clock(10, 0, True)), ("今晚十二点", Clock(24, 0)),
    ("20:15", Clock(20, 15)), ("晚上8点05分", Clock(20, 5)), ("下午三点", Clock(15, 0)),
    ("中午十二点", Clock(12, 0)), ("12点", Clock(12, 0, bare=True)), ("上午10点", Clock(10, 0)),
])
def test_clock(text, expected):
    assert clock(text) == expected


@pytest.mark.parametrize("text, kinds", [
    ("只剩最后50单", [("count", 50, "单")]),
    ("还有3.5万件", [("count", 35000, "件")]),
    ("到手价九块九", [("money", 9.9, "元")]),
    ("五折", [("discount", 5, "折")]), ("七五折", [("discount", 7.5, "折")]),
    ("5折", [("discount", 5, "折")]), ("半价", [("discount", 5, "折")]),
    ("十点二克", [("measure", 10.2, "克")]), ("500ml", [("measure", 500, "ml")]),
    ("1.5l", [("measure", 1.5, "l")]), ("两斤", [("measure", 2, "斤")]),
    ("好评率99%", [("percent", 99, "%")]), ("还剩5分钟", [("duration", 5, "分钟")]),
    ("最后10秒", [("duration", 10, "秒")]), ("今晚12点", [("clock", 24 * 60, "min")]),
    ("120支纱", [("count", 120, "支")]),
    # not claims: a height, a year, an ordinal, a countdown cheer
    ("身高一米七", [("height", 1.7, "m")]), ("我一米六五", [("height", 1.65, "m")]),
    ("2025年的新款", [("year", 2025, "年")]), ("二〇二五年", [("year", 2025, "年")]),
    ("第一次来", [("ordinal", 1, "")]), ("第3号", [("ordinal", 3, "")]),
    ("3、2、1上链接", [("cheer", 0, "")]), ("三、二、一，上车", [("cheer", 0, "")]),
])
def test_scan_classifies(text, kinds):
    found = [(q.kind, q.value, q.unit) for q in scan(normalize(text))]
    assert found == [(k, pytest.approx(v), u) for k, v, u in kinds]


def test_scan_offsets_index_the_text():
    text = normalize("主播：到手价１９９元，只剩５０件")
    for q in scan(text):
        assert text[q.start:q.end]
    assert [text[q.start:q.end] for q in scan(text)] == ["199元", "50件"]


@pytest.mark.parametrize("text, value", [("50ml", (50, "ml")), ("1.5L", (1500, "ml")),
                                         ("250g", (250, "g")), ("一斤", (500, "g")), ("2kg", (2000, "g"))])
def test_measure_text(text, value):
    assert measure_text(text) == value


def test_duration_text():
    assert duration_text("18个月") == 18 * 30 * 86400 and duration_text("2年") == 2 * 365 * 86400


@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_numerals_round_trip(n):
    assert cn_int(_to_chinese(n)) == n


def _to_chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def section(x: int) -> str:
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d, x = divmod(x, size)
            if d:
                if zero:
                    out += "零"
                out += digits[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return section(low)
    return section(high) + "万" + ("零" if 0 < low < 1000 else "") + section(low)
