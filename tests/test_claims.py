"""Claim extraction: kinds, values, offsets, and the lines that assert nothing."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from linter.claims import KINDS, extract, extract_many
from linter.normalize import normalize
from linter.numerals import Clock


def claims(text):
    norm = normalize(text)
    return [(c.kind, c.value, c.detail) for c in extract(norm)]


@pytest.mark.parametrize("text, expected", [
    ("只剩最后50单", [("stock", 50, "")]),
    ("就剩最后一个了", [("stock", 1, "")]),
    ("最后3件", [("stock", 3, "")]),
    ("隻剩最後五十單", [("stock", 50, "")]),
    ("仅剩５０件", [("stock", 50, "")]),
    ("库存只有三百件", [("stock", 300, "")]),
    ("刚刚秒光了", [("sold_out", None, "")]),
    ("抢光了！", [("sold_out", None, "")]),
    ("卖爆了", [("sold_out", None, "")]),
    ("再给大家加50单", [("restock", 50, "")]),
    ("补单了", [("restock", None, "")]),
    ("再加50件", [("restock", 50, "")]),
    ("还有最后3分钟", [("countdown", 180, "分钟")]),
    ("马上涨价", [("after_price", None, "")]),
    ("今天只要九十九元", [("live_price", 99, "")]),
    ("到手价九十九", [("live_price", 99, "")]),
    ("限量1000套", [("limited", 1000, "")]),
    ("每人限购2件", [("purchase_limit", 2, "")]),
    ("每人最多拍两单", [("purchase_limit", 2, "")]),
    ("今晚12点恢复原价", [("deadline", None, "今晚12点"), ("after_price", None, "")]),
    ("活动23:30结束", [("deadline", None, "23:30")]),
    ("优惠到24:00", [("deadline", None, "24:00")]),
    ("中午十二点前恢复", [("deadline", None, "中午十二点")]),
    ("还剩5分钟", [("countdown", 300, "分钟")]),
    ("倒计时3分钟", [("countdown", 180, "分钟")]),
    ("最后10秒", [("countdown", 10, "秒")]),
    ("明天涨价", [("after_price", None, "")]),
    ("恢复原价259", [("after_price", 259, "")]),
    ("只有今天", [("only_today", None, "")]),
    ("仅此一次", [("only_today", None, "")]),
    ("原价399", [("compared_price", 399, "原价")]),
    ("专柜价：¥５９９", [("compared_price", 599, "专柜价")]),
    ("厂商建议零售价399元", [("compared_price", 399, "厂商建议零售价")]),
    ("到手价199", [("live_price", 199, "")]),
    ("券后价九块九", [("live_price", 9.9, "")]),
    ("今天只要99", [("live_price", 99, "")]),
    ("今天只要99米", [("live_price", 99, "")]),
    ("五折", [("discount", 5, "rate")]),
    ("七五折", [("discount", 7.5, "rate")]),
    ("半价", [("discount", 5, "rate")]),
    ("直降200", [("discount", 200, "amount")]),
    ("立减100元", [("discount", 100, "amount")]),
    ("全网最低价", [("lowest_price", None, "")]),
    ("历史最低", [("lowest_price", None, "")]),
    ("纯棉", [("fibre", None, "棉")]),
    ("100%羊毛", [("fibre", None, "羊毛")]),
    ("羊绒70%", [("fibre_share", 70, "羊绒")]),
    ("净含量50ml", [("net_content", 50, "")]),
    ("一瓶足足1.5L", [("net_content", 1500, "")]),
    ("产地是云南", [("origin", None, "云南")]),
    ("等级是特级", [("grade", None, "特级")]),
    ("有机认证", [("certified", None, "有机")]),
    ("绿色食品", [("certified", None, "绿色食品")]),
    ("保质期两年", [("shelf_life", 2 * 365 * 86400, "年")]),
    ("今天刚生产", [("production_date", None, "today")]),
    ("生产日期是11月10日", [("production_date", None, "11月10日")]),
    ("新鲜到货", [("production_date", None, "")]),
    ("已售10万单", [("sales", 100000, "")]),
    ("好评率99%", [("rating", 99, "好评率")]),
    ("回购率60%", [("rating", 60, "回购率")]),
])
def test_claim_kinds(text, expected):
    assert claims(text) == [(k, pytest.approx(v) if v is not None else None, d) for k, v, d in expected]


@pytest.mark.parametrize("text", [
    "第一次来的宝宝点关注", "身高一米七，穿M码", "2025年的新款", "3、2、1上链接", "最后一步，拍匀",
    "有机会抽免单", "所有机型都能用", "放心，不会断货", "满300减50", "只要3件起拍", "味道一级棒",
    "剩下的时间聊聊天", "最后10秒，3、2、1上链接", "还有5分钟就开抢", "这个月又涨粉了", "加入购物车",
    "纯天然的颜色", "来自北京的宝宝", "每次用5ml", "泡的时候用90度的水", "五折起", "2号链接",
    "第二件半价", "第2件5折", "满2件打8折", "满300立减50", "今晚8点开播", "卖了三年了",
    "产地直发，新鲜", "还是有机会的", "卖完了就没有了", "抢光了就没了", "再给大家加一份小样",
    "还剩两个问题", "还有3分钟就讲完", "最近原材料涨价了", "我们就今天来聊聊", "只需两步",
    "只要一次就上手", "今天只要三步", "只要5步", "给大家加个福利",
    "最后一个链接，7号链接", "十点还有最后一个福袋", "最后一个环节抽奖", "福袋十点还有最后一个",
])
def test_non_claims(text):
    assert claims(text) == []


def test_offsets_are_block_offsets_in_source_and_view():
    source = "主播：今晚１２點恢復原價，隻剩最後五十單"
    norm = normalize(source)
    found = extract(norm, 3)
    assert [source[c.start:c.end] for c in found] == ["今晚１２點", "恢復原價", "隻剩最後五十單"]
    assert found[0].clock == Clock(24, 0)


def test_extract_respects_segment_bounds():
    norm = normalize("只剩50单。只剩60单")
    assert [c.value for c in extract(norm, 5)] == [60]
    assert [c.value for c in extract(norm, 0, 5)] == [50]


def test_discount_uses_compared_price_on_the_line():
    (_, _, d) = extract(normalize("原价399，到手价199，直接五折"))
    assert d.kind == "discount" and d.base == 399



ALPHABET = "只剩最后50单件今晚12点恢复原价到手价九块九五折纯棉净含量ml产地是云南已售万好评率%第一米七、，。 \n3.5w"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), max_size=6))
def test_extract_never_fails_and_claims_stay_inside_their_segment(texts):
    for text, found in zip(texts, extract_many(texts, [0] * len(texts))):
        for c in found:
            assert 0 <= c.start < c.end <= len(text) and c.kind in KINDS
