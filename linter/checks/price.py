"""Price misrepresentation: compared prices, the live price, discount arithmetic, 全网最低价.

Safe harbour: a price that turns out *more favourable* than said is never a finding.
"""
from __future__ import annotations

from ..facts import Check, against, declared, key, numbers_only, register, unverifiable, violation


def compared(rule, claim, product, manifest, segment):
    """原价/划线价 X must not exceed the lowest price of the 7 days before, unless it is labelled
    as the maker's suggested retail price."""
    if claim.detail == "厂商建议零售价":
        return None
    rounding = rule.param.get("rounding", 0)
    return against(declared(product, "price", "lowest_7d"), claim.value,
                   lambda lowest: claim.value > lowest + rounding)


def live(rule, claim, product, manifest, segment):
    """到手价 X below the real live price lures with a price nobody pays; above it is harmless."""
    rounding = rule.param.get("rounding", 0)
    return against(declared(product, "price", "live"), claim.value, lambda actual: claim.value < actual - rounding)


def discount(rule, claim, product, manifest, segment):
    """五折/直降200 must compute from the base (a price said on the line, else price.list) to
    no more than price.live."""
    field, actual = declared(product, "price", "live")
    if actual is None:
        return unverifiable(field)
    base = claim.base if claim.base is not None else product.price.list
    if base is None:
        return unverifiable(key(product, "price", "list"))
    promised = base * claim.value / 10 if claim.detail == "rate" else base - claim.value
    if actual > promised + rule.param.get("rounding", 0):
        return violation(field, promised, actual,
                         f"（按 {base:g} 元计算）")
    return None


def lowest(rule, claim, product, manifest, segment):
    """全网最低价/历史最低价: no manifest field can prove a market-wide or all-time low."""
    return violation("price", claim.text, "无法证明", "")


register("compared-price", Check(("compared_price",), compared, numbers_only("rounding")))
register("live-price", Check(("live_price",), live, numbers_only("rounding")))
register("discount-arithmetic", Check(("discount",), discount, numbers_only("rounding")))
register("lowest-price-evidence", Check(("lowest_price",), lowest, numbers_only(), needs_product=False))
