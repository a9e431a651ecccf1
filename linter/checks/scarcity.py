"""False scarcity: remaining stock, sell-outs, 加单 and 限量 against products[].stock."""
from __future__ import annotations

from ..facts import Check, declared, numbers_only, register, unverifiable, violation


def remaining(rule, claim, product, manifest, segment):
    """只剩最后N单 is false when more than N are declared for the session (after tolerance)."""
    field, stock = declared(product, "stock")
    if stock is None:
        return unverifiable(field)
    tolerance = rule.param.get("tolerance", 0)
    if claim.value < stock * (1 - tolerance):
        return violation(field, claim.value, stock)
    return None


def sellout(rule, claim, product, manifest, segment):
    """秒光/抢光了/加单 stage a run on the goods: false while declared stock remains."""
    field, stock = declared(product, "stock")
    if stock is None:
        return unverifiable(field)
    if stock > 0:
        return violation(field, claim.text, stock)
    return None


def limited(rule, claim, product, manifest, segment):
    """限量N promises an allocation of N; more than the declared stock is not a limit at all."""
    field, stock = declared(product, "stock")
    if stock is None:
        return unverifiable(field)
    if claim.value > stock:
        return violation(field, claim.value, stock)
    return None


def purchase_limit(rule, claim, product, manifest, segment):
    """每人限购N is a plain purchase rule when it equals per_order_limit, invented otherwise."""
    field, limit = declared(product, "per_order_limit")
    if limit is None:
        return unverifiable(field)
    if claim.value != limit:
        return violation(field, claim.value, limit)
    return None


register("stock-remaining", Check(("stock",), remaining, numbers_only("tolerance")))
register("sellout-while-stocked", Check(("sold_out", "restock"), sellout, numbers_only()))
register("limited-allocation", Check(("limited",), limited, numbers_only()))
register("purchase-limit", Check(("purchase_limit",), purchase_limit, numbers_only()))
