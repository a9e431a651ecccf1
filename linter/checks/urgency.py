"""False urgency: deadlines, countdowns, 只有今天 and "back to full price" against promo facts.

Times resolve against the segment's time (contract §3.5); a line without one is read at
session.start, so a deadline said as a clock time is still decidable, while a countdown
(还剩5分钟) needs the line's own time and is otherwise unverifiable.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from ..facts import Check, declared, numbers_only, register, unverifiable, violation


def _reference(segment, manifest, product) -> datetime | None:
    if segment is not None and segment.time is not None:
        return segment.time
    if manifest is not None and manifest.session.start is not None:
        return manifest.session.start
    return product.promo.start if product is not None else None


def _at(reference: datetime, clock) -> datetime:
    """The clock time the line names: on the reference day (明天: the next), never hours back;
    a bare "12点" said in the afternoon or evening means the coming midnight."""
    hour = clock.hour + 12 if clock.bare and reference.hour >= 12 else clock.hour
    moment = datetime.combine(reference.date(), time(0), reference.tzinfo) \
        + timedelta(hours=hour, minutes=clock.minute, days=1 if clock.next_day else 0)
    if not clock.next_day and moment < reference - timedelta(hours=6):
        moment += timedelta(days=1)
    return moment


def _fmt(moment: datetime) -> str:
    """11-11 20:00; midnight is 24:00 of the day before. Fields, not strftime: ~2x faster."""
    if moment.hour == 0 and moment.minute == 0:
        day = moment - timedelta(days=1)
        return f"{day.month:02d}-{day.day:02d} 24:00"
    return f"{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def deadline(rule, claim, product, manifest, segment):
    """A said end time (今晚12点恢复原价) or countdown (还剩5分钟) must match promo.end."""
    field, end = declared(product, "promo", "end")
    if end is None:
        return unverifiable(field)
    tolerance = timedelta(minutes=rule.param.get("tolerance_minutes", 0))
    if claim.kind == "countdown":
        if segment is None or segment.time is None:
            return unverifiable(field, "（倒计时需要该行的时间标记，如 [23:55]）")
        said = segment.time + timedelta(seconds=claim.value)
    else:
        reference = _reference(segment, manifest, product)
        if reference is None:
            return unverifiable("session.start")
        said = _at(reference, claim.clock)
    if abs(said - end) <= tolerance:
        return None
    session_end = manifest.session.end if manifest is not None else None
    if session_end and abs(said - session_end) <= tolerance and _about_stream(segment):
        return None  # "直播今晚11点结束" names the stream's end, not the offer's
    return violation(field, _fmt(said), _fmt(end))


def _about_stream(segment) -> bool:
    return segment is not None and any(w in segment.norm[segment.start:segment.end]
                                       for w in ("直播", "下播", "开播", "本场"))


def revert_price(rule, claim, product, manifest, segment):
    """恢复原价/明天涨价 promises a rise: after_price must exceed price.live, and equal any
    price said with it."""
    field, after = declared(product, "promo", "after_price")
    live_field, live = declared(product, "price", "live")
    if after is None:
        return unverifiable(field)
    if live is None:
        return unverifiable(live_field)
    if after <= live:
        return violation(field, claim.text, after,
                         f"（活动后价格不高于直播价 {live:g} 元）")
    if claim.value is not None and abs(claim.value - after) > rule.param.get("rounding", 0):
        return violation(field, claim.value, after)
    return None


def only_today(rule, claim, product, manifest, segment):
    """只有今天/仅此一次 is false when the promotion runs past the end of the day it is said."""
    field, end = declared(product, "promo", "end")
    if end is None:
        return unverifiable(field)
    reference = _reference(segment, manifest, product)
    if reference is None:
        return unverifiable("session.start")
    if reference.hour < 6:  # said after midnight in a late session: still "tonight"
        reference -= timedelta(hours=6)
    day_end = datetime.combine(reference.date() + timedelta(days=1), time(0), reference.tzinfo)
    if end > day_end + timedelta(hours=rule.param.get("grace_hours", 0)):
        return violation(field, claim.text, _fmt(end))
    return None


def stream_end(rule, claim, product, manifest, segment):
    """下播就涨/只到下播 ties the offer to the stream: promo.end must not outlast session.end."""
    field, end = declared(product, "promo", "end")
    if end is None:
        return unverifiable(field)
    if manifest is None or manifest.session.end is None:
        return unverifiable("session.end")
    slack = timedelta(minutes=rule.param.get("tolerance_minutes", 0))
    if end > manifest.session.end + slack:
        return violation(field, _fmt(manifest.session.end), _fmt(end))
    return None


register("deadline-matches-promo", Check(("deadline", "countdown"), deadline,
                                         numbers_only("tolerance_minutes")))
register("revert-price", Check(("after_price",), revert_price, numbers_only("rounding")))
register("only-today", Check(("only_today",), only_today, numbers_only("grace_hours")))
register("ends-with-stream", Check(("stream_end",), stream_end, numbers_only("tolerance_minutes")))
