"""Numbers as hosts say them: 三百九十九, 3.5万, 1.2k, 九块九, 十点二克, 今晚12点, 还剩5分钟.

Works on the matching view (half-width, simplified, ASCII lower case), so ５０ and 伍拾 need no
cases of their own beyond the digit tables below. ``scan`` classifies every number in a line,
including the ones that are *not* claims (a height 一米七, a year 2025年, an ordinal 第一, a
countdown cheer 3、2、1): claim extraction relies on those classes to stay quiet.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lazyre import lazy

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6,
          "柒": 7, "捌": 8, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
_CN = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿"

# One number as said: Arabic (with 万/w/k), or Chinese with an optional 点 decimal.
NUM = (rf"(?:\d+(?:\.\d+)?(?:\s?(?:万|千|w|k)(?![a-z]))?|[{_CN}]+(?:点[零〇一二三四五六七八九]+)?(?:万)?)")
MONEY = rf"(?:[¥￥]\s?)?{NUM}(?:\s?(?:块|元|米)(?:[零一二两三四五六七八九\d](?![\d{_CN}]))?|\s?(?:元|rmb))?"

COUNT_UNITS = ("单", "件", "份", "套", "组", "瓶", "盒", "袋", "支", "个", "罐", "包", "箱", "条", "只", "双")
_MEASURE = {"ml": ("ml", 1), "毫升": ("ml", 1), "l": ("ml", 1000), "升": ("ml", 1000),
            "g": ("g", 1), "克": ("g", 1), "kg": ("g", 1000), "公斤": ("g", 1000),
            "千克": ("g", 1000), "斤": ("g", 500)}
_DURATION = {"秒": 1, "秒钟": 1, "分钟": 60, "分": 60, "小时": 3600, "个小时": 3600,
             "天": 86400, "日": 86400, "个月": 30 * 86400, "月": 30 * 86400, "年": 365 * 86400}


def cn_int(text: str) -> int | None:
    """三百九十九 → 399, 一百零八 → 108, 两万 → 20000, 十五 → 15, 二〇二五 → 2025."""
    if not text:
        return None
    if all(c in DIGITS for c in text):  # digit by digit: 二〇二五, 五零
        return int("".join(str(DIGITS[c]) for c in text))
    total = section = digit = 0
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in UNITS:
            section += (digit or 1) * UNITS[c]
            digit = 0
        elif c in BIG:
            total += (section + digit) * BIG[c]
            section = digit = 0
        else:
            return None
    return total + section + digit


@lru_cache(maxsize=4096)  # pure; a script repeats its prices, counts and times
def number(text: str) -> float | None:
    """A NUM match → its value: 3.5万 → 35000, 1.2k → 1200, 十点二 → 10.2, ５０ (folded) → 50."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    scale = 1
    if text[-1] in ("万", "w") and len(text) > 1 and (text[0].isdigit() or text[-1] == "w"):
        scale, text = 10_000, text[:-1]
    elif text[-1] in ("千", "k") and text[0].isdigit():
        scale, text = 1000, text[:-1]
    try:
        return float(text) * scale
    except ValueError:
        pass
    whole, _, frac = text.partition("点")
    value = cn_int(whole)
    if value is None:
        return None
    if frac:
        digits = "".join(str(DIGITS[c]) for c in frac if c in DIGITS)
        return float(f"{value}.{digits}") * scale
    return float(value) * scale


_MONEY = lazy(rf"({NUM})\s?(?:(?:块|元|米)([零一二两三四五六七八九\d])?|元|rmb)?")
_MEASURE_TEXT = lazy(rf"({NUM})\s?(ml|毫升|l|升|kg|公斤|千克|g|克|斤)(?![a-z])")
_DURATION_TEXT = lazy(rf"({NUM})\s?(个月|年|天|日|月)")


@lru_cache(maxsize=4096)  # pure; a script repeats its prices, counts and times
def money(text: str) -> float | None:
    """¥199, 199元, 九块九 → 9.9, 19块9 → 19.9, 99米 (slang) → 99."""
    text = text.strip().lstrip("¥￥").strip()
    m = _MONEY.fullmatch(text)
    if not m:
        return None
    value = number(m.group(1))
    if value is not None and m.group(2):
        jiao = m.group(2)
        value += (int(jiao) if jiao.isdigit() else DIGITS[jiao]) / 10
    return value


def measure(value: float, unit: str) -> tuple[float, str] | None:
    """(value in base unit, base unit) for ml/L/g/kg/斤 …; None for other units."""
    found = _MEASURE.get(unit.lower())
    return (value * found[1], found[0]) if found else None


def measure_text(text: str) -> tuple[float, str] | None:
    """A spec value such as ``50ml``, ``1.5L``, ``250克`` → (50, 'ml')."""
    m = _MEASURE_TEXT.search(text.lower())
    if not m:
        return None
    value = number(m.group(1))
    return None if value is None else measure(value, m.group(2))


def duration(value: float, unit: str) -> int | None:
    """Seconds in ``value`` ``unit`` (分钟, 秒, 小时, 天, 个月, 年)."""
    factor = _DURATION.get(unit)
    return None if factor is None else int(value * factor)


def duration_text(text: str) -> int | None:
    """A spec value such as ``18个月``, ``2年``, ``三天`` → seconds."""
    m = _DURATION_TEXT.search(text)
    if not m or number(m.group(1)) is None:
        return None
    return duration(number(m.group(1)), m.group(2))


@dataclass(frozen=True)
class Clock:
    """A said time of day: hour 0–24, minute, and whether 明天 moved it a day on."""

    hour: int
    minute: int = 0
    next_day: bool = False
    bare: bool = False  # "12点" with no 今晚/上午: the listener reads it against the hour of day


DAY = "今天|今晚|今夜|晚上|夜里|明天|明晚|凌晨|下午|中午|上午|早上"
_CLOCK = lazy(
    rf"(?P<day>{DAY})?\s?"
    rf"(?:(?P<hh>\d{{1,2}})[:：](?P<mm>[0-5]\d)|(?P<zero>零点|0点)"
    rf"|(?P<h>\d{{1,2}}|[零一二两三四五六七八九十]{{1,3}})\s?点(?:(?P<half>半)|(?P<m>\d{{1,2}}|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])分?)?)")


@lru_cache(maxsize=4096)  # pure; a script repeats its prices, counts and times
def clock(text: str) -> Clock | None:
    """今晚12点 → 24:00, 晚上八点半 → 20:30, 24:00, 零点 → 24:00, 明天10点 → next day 10:00."""
    m = _CLOCK.search(text)
    if not m:
        return None
    day = m.group("day") or ""
    if m.group("hh"):
        hour, minute = int(m.group("hh")), int(m.group("mm"))
    elif m.group("zero"):
        hour, minute = 24, 0
    else:
        hour = int(number(m.group("h")) or 0)
        minute = 30 if m.group("half") else int(number(m.group("m")) or 0) if m.group("m") else 0
        if day in ("今晚", "今夜", "晚上", "夜里", "明晚", "下午") and hour <= 12:
            hour += 12
    if hour > 24 or minute > 59:
        return None
    bare = not day and not m.group("hh") and not m.group("zero") and hour <= 12
    return Clock(hour, minute, day in ("明天", "明晚"), bare)


@dataclass(frozen=True)
class Quantity:
    """One number in a line, classified: money, count, measure, percent, discount, duration,
    clock, height, year, ordinal, cheer (3、2、1 before 上链接) or plain."""

    kind: str
    value: float
    unit: str
    start: int
    end: int


_SCAN = lazy(
    rf"(?P<cheer>(?<![\d{_CN}])(?:[1-9一二三四五六七八九十][、,，\s]\s?){{2,}}[1-9一二三四五六七八九十](?![\d{_CN}]))"
    rf"|(?P<ord>第{NUM})"
    rf"|(?P<height>[{_CN}\d]米[一二三四五六七八九\d]{{1,2}}(?![元块]))"
    rf"|(?P<year>(?:19|20)\d\d|[二][〇零][〇零一二三四五六七八九]{{2}})(?=年)"
    rf"|(?P<discount>(?:{NUM})\s?折|半价)"
    rf"|(?P<money>[¥￥]\s?{NUM}|{NUM}\s?(?:块|元|米)(?:[零一二两三四五六七八九\d](?![\d{_CN}]))?|{NUM}\s?rmb)"
    rf"|(?P<num>{NUM})\s?(?P<unit>%|ml|毫升|kg|公斤|千克|g|克|斤|升|l(?![a-z])|秒钟|秒|分钟|个小时|小时|个月|天"
    rf"|{'|'.join(COUNT_UNITS)})"
    rf"|(?P<clock>(?:今天|今晚|今夜|晚上|夜里|明天|明晚|凌晨|下午|中午)?\s?(?:\d{{1,2}}[:：][0-5]\d|零点"
    rf"|(?:\d{{1,2}}|[零一二两三四五六七八九十]{{1,3}})\s?点(?:半|\d{{1,2}}分?|[一二三四五]?十[一二三四五六七八九]?分?)?))"
    rf"|(?P<plain>{NUM})")


def scan(text: str) -> list[Quantity]:
    """Every number in ``text`` with its class; offsets index ``text``."""
    out = []
    for m in _SCAN.finditer(text):
        s, e = m.span()
        if m.group("cheer"):
            out.append(Quantity("cheer", 0, "", s, e))
        elif m.group("ord"):
            out.append(Quantity("ordinal", number(m.group()[1:]) or 0, "", s, e))
        elif m.group("height"):
            metres, _, cm = m.group().partition("米")
            base = number(metres) or 0
            out.append(Quantity("height", base + (number(cm) or 0) / (10 if len(cm) == 1 else 100), "m", s, e))
        elif m.group("year"):
            out.append(Quantity("year", number(m.group()) or 0, "年", s, e))
        elif m.group("clock"):
            c = clock(m.group())
            if c:
                out.append(Quantity("clock", c.hour * 60 + c.minute, "min", s, e))
        elif m.group("discount"):
            text_ = m.group()
            value = 5.0 if text_ == "半价" else tenths(text_.rstrip("折").strip())
            out.append(Quantity("discount", value or 0, "折", s, e))
        elif m.group("money"):
            value = money(m.group())
            if value is not None:
                out.append(Quantity("money", value, "元", s, e))
        elif m.group("num"):
            value = number(m.group("num"))
            if value is None:
                continue
            unit = m.group("unit")
            out.append(Quantity(_kind(unit), value, unit, s, e))
        elif number(m.group()) is not None:
            out.append(Quantity("plain", number(m.group()) or 0, "", s, e))
    return out


def _kind(unit: str) -> str:
    if unit == "%":
        return "percent"
    if unit.lower() in _MEASURE:
        return "measure"
    if unit in _DURATION:
        return "duration"
    if unit in COUNT_UNITS:
        return "count"
    return "plain"


@lru_cache(maxsize=4096)  # pure; a script repeats its prices, counts and times
def tenths(text: str) -> float | None:
    """七五折 → 7.5, 75折 → 7.5, 5折 → 5, 8.8折 → 8.8, 七折 → 7 (tenths of the base price)."""
    if not text:
        return None
    if len(text) == 2 and all(c in DIGITS for c in text):
        return DIGITS[text[0]] + DIGITS[text[1]] / 10
    if text.isdigit() and len(text) == 2:
        return int(text) / 10
    return number(text)
