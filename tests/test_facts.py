"""Fact rules end to end: both halves of every rule, meta warnings, product and time context."""
from __future__ import annotations

import pytest

from conftest import lint_text
from linter.engine import Linter
from linter.ruleset import load_ruleset

RULESET = load_ruleset()
FACT_RULES = [r for r in RULESET.rules if r.kind == "fact"]
SESSION = {"start": "2026-11-11T20:00:00+08:00", "end": "2026-11-11T23:59:00+08:00"}


def found(text, manifest=None, ruleset=RULESET):
    return [(v.rule, v.severity, v.match) for v in lint_text(text, ruleset, manifest)]


@pytest.mark.parametrize("rule", [r for r in FACT_RULES if r.check != "lowest-price-evidence"],
                         ids=lambda r: r.id)
def test_same_sentence_flagged_and_passed(rule):
    """The manifest decides, not the words: one sentence is bad under one manifest, good under
    another (全网最低价 is exempt: no manifest can ever back it)."""
    good = {ex.text for ex in rule.good if ex.manifest is not None}
    assert any(ex.text in good for ex in rule.bad), f"{rule.id}: no sentence appears on both sides"


def test_fact_rules_cover_every_family_with_traditional_and_full_width():
    prefixes = {r.id[:2] for r in FACT_RULES}
    assert prefixes >= {"SC", "UR", "PR", "SP", "SL"}
    texts = [ex.text for r in FACT_RULES for ex in r.bad + r.good]
    assert any(any("\uff10" <= c <= "\uff19" for c in t) for t in texts)  # full-width digits
    assert any(c in t for t in texts for c in "隻後單價還")  # traditional characters


def test_message_states_both_sides():
    (v,) = lint_text("主播：只剩最后50单", RULESET.select(("SC001",)),
                     {"products": [{"sku": "A", "name": "面霜", "stock": 5000}]})
    assert v.message.startswith("口播“只剩最后50单”，清单库存为 5000 件（products[0].stock）")
    assert v.category == "false-scarcity" and v.product == "A"


def test_no_manifest_concrete_claims_are_meta_warnings():
    out = found("主播：只剩最后50单，到手价199，原价399", None, RULESET.select(("SC", "PR")))
    assert {(r, s) for r, s, _ in out} == {("ML004", "warning")}
    assert [m for _, _, m in out] == ["只剩最后50单", "到手价199", "原价399"]
    (v,) = lint_text("主播：只剩最后50单", RULESET.select(("SC001",)))
    assert "products[].stock" in v.message


def test_manifest_lacking_the_field_names_it():
    (v,) = lint_text("主播：到手价199", RULESET.select(("PR002",)),
                     {"products": [{"sku": "A", "name": "面霜"}]})
    assert v.rule == "ML004" and "products[0].price.live" in v.message


def test_one_meta_warning_per_claim_and_field():
    out = found("主播：原价399，五折", None, RULESET.select(("PR",)))
    assert [r for r, _, _ in out] == ["ML004", "ML004"]


MANIFEST = {
    "session": SESSION,
    "products": [
        {"sku": "A", "name": "玻尿酸保湿面霜", "aliases": ["面霜", "1号链接"], "stock": 500,
         "price": {"live": 199, "list": 399, "lowest_7d": 259},
         "promo": {"end": "2026-11-12T00:00:00+08:00", "after_price": 259}},
        {"sku": "B", "name": "羊绒围巾", "aliases": ["围巾", "2号链接"], "stock": 50,
         "price": {"live": 299}},
    ],
}


@pytest.mark.parametrize("lines, expected", [
    (["【1号链接 面霜】", "主播：只剩最后50单"], [("SC001", "error", "只剩最后50单")]),
    (["【2号链接 围巾】", "主播：只剩最后50单"], []),
    (["主播：这款围巾", "主播：只剩最后50单"], []),  # product carries forward
    (["主播：面霜和围巾都只剩最后50单"], [("ML005", "warning", "只剩最后50单")]),
    (["主播：只剩最后50单"], [("ML006", "warning", "只剩最后50单")]),
    (["主播：围巾到手价299，面霜到手价199"], [("ML005", "warning", "到手价299"), ("ML005", "warning", "到手价199")]),
])
def test_product_context(lines, expected):
    assert found("\n".join(lines), MANIFEST, RULESET.select(("SC", "PR002"))) == expected


@pytest.mark.parametrize("lines, expected", [
    (["[23:55] 主播：1号链接还剩最后5分钟"], []),
    (["[23:00] 主播：1号链接还剩最后5分钟"], ["UR001"]),
    (["[23:00] 主播：1号链接", "主播：还剩最后5分钟"], ["UR001"]),  # time mark carries forward
    (["主播：1号链接还剩最后5分钟"], ["ML004"]),  # a countdown needs the line's time
    (["主播：面霜今晚12点恢复原价"], []),  # no mark: read at session.start
    (["[23:50] 主播：面霜今晚12点恢复原价"], []),
    (["[00:05] 主播：面霜今晚12点恢复原价"], ["UR001"]),  # said after the promo ended: tomorrow night
    (["主播：面霜晚上十点结束"], ["UR001"]),
    (["[23:59] 主播：面霜零点结束"], []),
    (["[21:00] 主播：面霜12点恢复原价"], []),  # a bare 12点 in the evening: the coming midnight
    (["[21:00] 主播：面霜中午十二点恢复原价"], ["UR001"]),
    (["主播：面霜3、2、1上链接"], []),
    (["主播：直播今晚11点59结束，面霜记得拍"], []),  # the stream's end (session.end), not the offer's
    (["主播：直播今晚11点结束，面霜记得拍"], ["UR001"]),  # neither the stream's nor the offer's end
])
def test_time_context(lines, expected):
    assert [r for r, _, _ in found("\n".join(lines), MANIFEST, RULESET.select(("UR001",)))] == expected


ORDINARY = [
    "主播：第一次来的宝宝点点关注", "主播：我身高一米七，穿M码刚好", "主播：2025年的新款",
    "主播：3、2、1上链接！", "主播：最后一步，轻轻拍匀", "主播：有机会抽到免单", "主播：所有机型都能用",
    "主播：放心，备货充足不会断货", "主播：泡的时候最好用90度左右的水", "主播：每次用5ml就够",
    "主播：来自北京的宝宝欢迎", "主播：味道一级棒", "主播：第二步上妆", "主播：还有5分钟就开抢",
]


@pytest.mark.parametrize("line", ORDINARY)
def test_ordinary_lines_stay_quiet(line):
    manifest = {"session": SESSION, "products": [
        {"sku": "A", "name": "面霜", "stock": 500, "per_order_limit": 2,
         "price": {"live": 199, "list": 399, "lowest_7d": 259},
         "promo": {"end": "2026-11-12T00:00:00+08:00", "after_price": 259}}]}
    assert found(line, manifest) == []
    assert [r for r, _, _ in found(line)] == []


def test_purchase_limit_equal_to_setting_is_not_scarcity():
    m = {"products": [{"sku": "A", "name": "面霜", "per_order_limit": 2}]}
    assert found("主播：每人限购2件", m) == []
    assert [r for r, _, _ in found("主播：每人限购1件", m)] == ["SC004"]


def test_claims_are_only_extracted_when_fact_rules_are_active(monkeypatch):
    import linter.factstage as stage

    def boom(*args, **kwargs):
        raise AssertionError("claims extracted without fact rules")

    monkeypatch.setattr(stage, "extract", boom)
    assert found("主播：只剩最后50单，全网最好", None, RULESET.select(("AD",))) == \
        [("AD001", "error", "全网最好")]
    with pytest.raises(AssertionError):
        Linter(RULESET.select(("SC",))).check(
            __import__("linter.readers.text", fromlist=["read"]).read("t.txt", "只剩50单".encode()))


def test_bundled_example_shows_fact_findings():
    """`livelint check examples/` from the repository root reads pyproject's manifest."""
    from conftest import CLI, ROOT

    report = CLI(ROOT).json("check", "examples/")
    got = {(v["rule"], v["match"]) for v in report["violations"] if v["path"].endswith(".txt")}
    assert {("SC001", "只剩最后50单"), ("PR001", "原价399"), ("PR001", "专柜价599"),
            ("SP001", "纯羊绒"), ("SP002", "净含量一斤"), ("SP005", "有机"),
            ("ML004", "保质期18个月")} <= got
    quiet = ("到手价199", "每人限购2件", "一瓶足足50ml", "今晚12点", "恢复原价259", "只有今天",
             "已售10万单", "羊绒70%", "羊毛30%", "特级", "下播就涨回399", "产地云南")
    assert not [m for _, m in got if m in quiet]


def test_required_statement_is_decided_per_product_over_all_its_parts():
    """EF013: a product talked about twice needs the phrase once in any of its parts; each
    product that never hears it is reported where it is first presented."""
    manifest = {"products": [{"sku": "HF-1", "name": "鱼油", "category": "health_food"},
                             {"sku": "HF-2", "name": "钙片", "category": "health_food"},
                             {"sku": "F-1", "name": "燕麦片", "category": "food"}]}
    text = ("主播：鱼油每天两粒\n主播：钙片今天有活动\n主播：燕麦片也上了\n"
            "主播：回到鱼油，本品不能代替药物\n主播：钙片再讲一次")
    found = lint_text(text, RULESET.select(("EF013",)), manifest)
    assert [(v.rule, v.line, v.product) for v in found] == [("EF013", 2, "HF-2")]


def test_against_gives_the_three_outcomes():
    from linter.facts import against

    assert against(("products[0].stock", None), 50, lambda v: True).verdict == "unverifiable"
    broken = against(("products[0].stock", 500), 50, lambda stock: 50 < stock)
    assert (broken.verdict, broken.field, broken.said, broken.expected) == ("violation", "products[0].stock", "50", "500")
    assert against(("products[0].stock", 40), 50, lambda stock: 50 < stock) is None
