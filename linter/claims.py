"""Segments → Claims: the checkable facts a line asserts (stock, prices, deadlines, specs, sales).

One pattern per claim kind, each led by its trigger keyword where it can be (a number sits in
a look-behind when the keyword follows it: 五折, 50ml装, 今晚12点…结束); all segments of a
document are scanned together, each kind only where its keywords occur (linter/kindscan.py).
Offsets are block offsets (the same in the source and the normalised view). Numbers that are
not claims (a height, a year, an ordinal, a 3、2、1 cheer) never match: every kind demands its
own keyword or unit.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .lazyre import lazy
from .joined import Joined
from .kindscan import KindScanner
from .numerals import DAY, MONEY, NUM, Clock, clock, duration, measure, money, number, tenths

KINDS = ("stock", "sold_out", "restock", "limited", "purchase_limit", "deadline", "countdown",
         "stream_end", "after_price", "only_today", "compared_price", "live_price", "discount",
         "lowest_price", "fibre", "fibre_share", "net_content", "origin", "grade", "certified",
         "shelf_life", "production_date", "sales", "rating")


@dataclass(frozen=True)
class Claim:
    kind: str  # one of KINDS
    value: float | None  # the number said, in ``unit`` (seconds for durations)
    unit: str
    start: int  # block offsets
    end: int
    text: str  # the claim as normalised
    detail: str = ""  # word-valued claims: fibre, place, grade, compared-price label, date
    clock: Clock | None = None  # deadline claims
    base: float | None = None  # discount claims: a compared price said on the same line


_STOCK = r"单|件|份|套|组|瓶|盒|袋|罐|包|箱|个|双|条|支|只|台|张|斤"
# Without 只剩/还剩, a bare 最后N needs a unit that names goods: 最后一个 is an ordinal (最后一个福袋).
_STOCK_NOUN = r"单|件|份|套|组|瓶|盒|袋|罐|箱|双|台|批"
_LOOSE = (rf"(?P<m>{MONEY})(?![\d.]|\s?(?:{_STOCK}|天|秒|分|小时|%|ml|毫升|g|克|升|折|万|点|号|年|月|次|步|遍|岁|度"
          r"|倍|人|位|种|款|色|层|周|期|页|颗|粒|滴|片|根|寸|码|厘米|公分|cm|mm))")
_TIME = (rf"(?P<t>(?:{DAY})?\s?(?:\d{{1,2}}[:：][0-5]\d|零点|0点|十二点整?"
         r"|(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})\s?点(?:半|\d{1,2}分?|[一二三四五]?十[一二三四五六七八九]?分?)?))")
_END = r"恢复|结束|截止|涨价|就涨|下架|失效|没了|取消|回到|调回|下链接|恢复原价"
_FIBRE = r"桑蚕丝|真丝|蚕丝|羊毛|羊绒|驼绒|牦牛绒|亚麻|棉|麻|涤纶|锦纶|腈纶|氨纶|莫代尔|天丝|粘纤|聚酯纤维"
_DATE = r"(?P<d>(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
_CONDITIONAL = lazy(r"(?:第[二2两三3]|满\s?[\d一二两三四五六七八九十百]{1,5}\s?)[件份单瓶盒个套元块]?\s?(?:打|享|再|就)?\s?$")
_NEG = r"(?<!不会|不|没有|不怕|别怕|防止|避免|担心|怕)"
# What follows a count when it is an ordinal or a schedule, not stock (最后一个链接, 只剩两个问题):
# LEGAL.md §4 — scarcity needs a quantity of the goods themselves.
_NOT_STOCK = (r"(?!钟|分|秒|小时|问题|人|名额|颜色|色|款|链接|号|星期|月|福袋|环节|抽奖|红包|机会|产品|商品|宝贝"
              r"|礼物|奖品|步|话题|游戏)")

_ALTERNATIVES = {
    "stock": rf"(?:只剩|仅剩|还剩|就剩|剩下|只有|仅有)(?:最后)?\s?(?P<n>{NUM})\s?(?P<u>{_STOCK}){_NOT_STOCK}"
             rf"|最后\s?(?P<n>{NUM})\s?(?P<u>{_STOCK_NOUN}){_NOT_STOCK}|库存(?:只有|仅剩|还剩|就剩|只剩)\s?(?P<n>{NUM})",
    "sold_out": rf"{_NEG}(?>秒光|抢光了?|卖光了?|卖爆了|卖完了|售罄|断货了|没货了|被抢空了?|秒空)(?![就再还可也])",
    "restock": rf"(?:再给大家|给大家|再|又|帮大家)(?:加|补)了?\s?(?P<n>{NUM})?\s?(?P<u>单|件|套|份)|加单|补单|补货|补库存|加库存",
    "limited": rf"限量(?:发售|供应)?\s?(?P<n>{NUM})\s?(?P<u>{_STOCK})?",
    "purchase_limit": rf"(?:每人|每个人|每个id|每个账号|每个号|一人|每单)?限购\s?(?P<n>{NUM})\s?(?P<u>{_STOCK})?"
                      rf"|(?:每人|每个人|每个id|每个账号)(?:最多|只能)(?:拍|买|抢|下)?\s?(?P<n>{NUM})\s?(?P<u>{_STOCK})",
    "stream_end": r"下播(?:后|之后|以后)?(?:就|立马|马上|立刻)?(?:(?=恢复|涨)|没了|结束|取消|下架)"
                  r"|(?:直播|活动|优惠|价格)(?:只到|截止到?|到)下播",
    # Led by the trigger word, with the time in a look-behind: a literal-led pattern scans ~10x
    # faster than a number-led one, and the zero-width match leaves 恢复原价 to after_price.
    "deadline": rf"(?<={_TIME}(?:之前|以前|前)?[^,，。!！?？;；]{{0,6}}?)(?={_END})"
                rf"|(?:截止到?|截至|优惠到|活动到|持续到|只到)\s?{_TIME}",
    "countdown": rf"(?:倒计时|还剩|只剩|仅剩|最后|还有最后)(?:最后)?\s?(?P<n>{NUM})\s?(?P<u>秒钟|秒|分钟|个小时|小时)"
                 rf"(?![^。!！?？]{{0,10}}(?:上链接|开抢|开始|开卖|开播|上架|放链接|开价))",
    "after_price": rf"(?:恢复|回到|调回|回归)(?:到)?(?:原价|日常价)(?:\s?{_LOOSE})?|(?:恢复|涨回|涨到)(?:到)?\s?{_LOOSE}"
                   r"|(?:明天|明日|之后|以后|过后|活动后)(?:就|马上|立马)?涨价?|(?:要|就|马上|立马|会|即将|准备)涨价"
                   r"|(?<=下播(?:后|之后|以后)?(?:就|立马|马上|立刻)?)涨",
    "only_today": r"只有今天|仅限今天|只限今天|只在今天|仅此一次|仅此一天|只此一次|就这一次|过了今天就没"
                  r"|今天过后(?:就)?(?:没|恢复|涨)",
    "compared_price": rf"(?P<w>厂商建议零售价|建议零售价|原价|日常价|划线价|专柜价|门店价|官网价|市场价|吊牌价"
                      rf"|平时卖|平常卖|日常卖|专柜卖|门店卖)(?:是|都要|要|卖|为|:)?\s?{_LOOSE}",
    "live_price": rf"(?:到手价|直播价|直播间价|券后价|秒杀价|活动价|(?P<k>到手|券后|今天只要|今天只需|现在只要|只要|只需|仅需))"
                  rf"(?:是|只要|只需|就|:)?\s?{_LOOSE}",
    "discount": rf"(?<=(?P<n>{NUM})\s?)折(?!起|扣)|半价|(?:直降|立减|立省|直减|便宜了?|优惠了?|省了?)\s?{_LOOSE}",
    "lowest_price": r"全网最低价?|全网最便宜|全网底价|历史最低价?|史低价?|全年最低价?|史上最低价?",
    "fibre": rf"(?:纯|全|100%|百分百|百分之百)\s?(?P<w>{_FIBRE})",
    "fibre_share": rf"(?P<w>{_FIBRE})(?:含量)?(?:是|占)?\s?(?P<n>{NUM})\s?%",
    "net_content": rf"(?:净含量|容量|净重|重量|一瓶|每瓶|一罐|每罐|一盒|每盒|一袋|每袋|一包|每包|整整|足足|大瓶|一整瓶)"
                   rf"(?:是|有|就有|都有|为|:|足足|整整)?\s?(?P<n>{NUM})\s?(?P<u>ml|毫升|l|升|kg|公斤|千克|g|克|斤)(?![a-z])"
                   rf"|(?<=(?P<n>{NUM})\s?(?P<u>ml|毫升|l|升|kg|公斤|千克|g|克|斤)\s?)(?:装|大瓶|一瓶|一罐|一盒|一袋)",
    "origin": r"(?:原产地|产地|产自|原产于|产于)(?!直发|直供|直销|直采|直送|发货|溯源|好)(?:是|在|为|:)?\s?(?P<w>\p{Han}{2,6}?)(?=[的,，。!！?？\s]|$|产|原产)",
    "grade": r"(?<!第|一)(?P<w>特级|一级|二级|三级|优级|一等品|优等品)(?!棒|链接|号|台阶|市场|方程|品牌)",
    "certified": r"(?P<w>绿色食品)|(?<=[是纯全])(?P<w>有机)(?!会|器|物|玻璃|化|溶剂|可乘)|(?P<w>有机)(?=认证|食品|产品|种植|蔬菜|水果|茶|奶|大米|棉|原料|农场|标)",
    "shelf_life": rf"保质期(?:是|有|长达|只有|:)?\s?(?P<n>{NUM})\s?(?P<u>个月|年|天|日|月)",
    "production_date": rf"(?P<w>今天|今日|当天)(?:刚|才)?(?:刚)?生产|生产日期(?:是|为|:)?\s?{_DATE}|新鲜到货|现做现发",
    "sales": rf"(?:已售|已卖|卖了|卖出了?|已经卖了|已经卖出|累计卖了|累计销售|销量|已抢)(?:了)?\s?(?:超过|超|突破|破|有)?"
             rf"\s?(?P<n>{NUM})\s?(?P<u>{_STOCK})",
    "rating": rf"(?P<w>好评率|回购率|复购率|满意度)(?:高达|达到|是|有|超过)?\s?(?P<n>{NUM})\s?%",
}

_SEPARATOR = "\n。\n"  # no pattern crosses a full stop, so joined segments stay apart
_SCANNER = KindScanner(tuple(_ALTERNATIVES.items()), _SEPARATOR)
_scan = _SCANNER.scan


def extract(norm: str, start: int = 0, end: int | None = None) -> list[Claim]:
    """Claims in ``norm[start:end]`` (the normalised block text), offsets into ``norm``."""
    end = len(norm) if end is None else end
    return extract_many([norm[start:end]], [start])[0]


def extract_many(texts: list[str], offsets: list[int] | None = None) -> list[list[Claim]]:
    """Claims of many segment texts in one scan; offsets are each text's start in its block."""
    out: list[list[Claim]] = [[] for _ in texts]
    for index, claims in extract_sparse(texts, offsets).items():
        out[index] = claims
    return out


def extract_sparse(texts: list[str], offsets: list[int] | None = None) -> dict[int, list[Claim]]:
    """As extract_many, by text index, leaving out texts without claims (most of a script)."""
    joined = Joined.of(texts, _SEPARATOR)
    found = _scan(joined.text)
    if not found:
        return {}
    out: dict[int, list[Claim]] = {}
    for kind, m in found:
        index = joined.index(m.start())
        claim = _build(kind, m, (0 if offsets is None else offsets[index]) - joined.starts[index])
        if claim is not None:
            out.setdefault(index, []).append(claim)
    for claims in out.values():
        if len(claims) > 1:
            claims.sort(key=lambda c: c.start)
            _link_bases(claims)
            _join_stream_end(claims)
    return out


def _build(kind: str, m, shift: int) -> Claim | None:
    """A match → a Claim at ``shift`` + its offset; a look-behind number extends the span."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    for name in ("t", "n"):
        if g.get(name) is not None:
            s = min(s, m.start(name))
    text = m.string[s:e]
    if kind == "discount" and _CONDITIONAL.search(m.string, max(0, s - 8), s):
        return None  # 第二件半价, 满2件8折, 满300立减50: a conditional offer, not the unit price
    s, e = s + shift, e + shift
    if kind in ("compared_price", "live_price", "after_price") or (kind == "discount" and g.get("m")):
        value = money(g["m"]) if g.get("m") else None
        if value is None and kind != "after_price":
            return None
        if g.get("k") and not regex.search(r"\d|元|块|米|¥|￥", g["m"]):
            return None  # 只需两步: after a weak keyword only a written amount is a price
        label = "amount" if kind == "discount" else (g.get("w") or "")
        return Claim(kind, value, "元", s, e, text, label)
    if kind == "discount":
        rate = 5.0 if text == "半价" else tenths(g["n"] or "")
        if rate is None or not 0 < rate < 10:
            return None
        return Claim(kind, rate, "折", s, e, text, "rate")
    if kind == "deadline":
        said = clock(g["t"])
        return Claim(kind, None, "", s, e, text, g["t"], said) if said else None
    if kind in ("countdown", "shelf_life"):
        n = number(g["n"] or "")
        seconds = duration(n, g["u"]) if n is not None else None
        return None if seconds is None else Claim(kind, seconds, "秒", s, e, text, g["u"])
    if kind == "net_content":
        n = number(g["n"] or "")
        found = measure(n, g["u"]) if n is not None else None
        return None if found is None else Claim(kind, found[0], found[1], s, e, text)
    if kind == "production_date":
        return Claim(kind, None, "", s, e, text, g.get("d") or ("today" if g.get("w") else ""))
    value = number(g["n"]) if g.get("n") else None
    if g.get("n") and value is None:
        return None
    if kind == "restock" and g.get("u") not in (None, "单") and (value or 0) < 10:
        return None  # 再加一份小样 is a gift; 再加50件 / 加单 release stock
    return Claim(kind, value, g.get("u") or "", s, e, text, g.get("w") or "")


def _link_bases(claims: list[Claim]) -> None:
    """A discount said next to a compared price (原价399，五折) is computed from that price."""
    compared = [c for c in claims if c.kind == "compared_price"]
    if not compared:
        return
    for i, c in enumerate(claims):
        if c.kind == "discount":
            nearest = min(compared, key=lambda p: abs(p.start - c.start))
            claims[i] = Claim(c.kind, c.value, c.unit, c.start, c.end, c.text, c.detail, c.clock,
                              nearest.value)


def _join_stream_end(claims: list[Claim]) -> list[Claim]:
    """下播就 + 涨: the stream-end claim quotes the whole phrase it ties the rise to."""
    for i, c in enumerate(claims[:-1]):
        after = claims[i + 1]
        if c.kind == "stream_end" and after.kind == "after_price" and after.start == c.end:
            claims[i] = Claim(c.kind, c.value, c.unit, c.start, after.end, c.text + after.text)
    return claims
