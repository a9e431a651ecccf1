"""False scarcity: remaining stock, sell-outs, 加单 and 限量 against products[].stock."""
from __future__ import annotations

from ..facts import Check, against, declared, numbers_only, register


def remaining(rule, claim, product, manifest, segment):
    """只剩最后N单 is false when more than N are declared for the session (after tolerance)."""
    tolerance = rule.param.get("tolerance", 0)
    return against(declared(product, "stock"), claim.value, lambda stock: claim.value < stock * (1 - tolerance))


def sellout(rule, claim, product, manifest, segment):
    """秒光/抢光了/加单 stage a run on the goods: false while declared stock remains."""
    return against(declared(product, "stock"), claim.text, lambda stock: stock > 0)


def limited(rule, claim, product, manifest, segment):
    """限量N promises an allocation of N; more than the declared stock is not a limit at all."""
    return against(declared(product, "stock"), claim.value, lambda stock: claim.value > stock)


def purchase_limit(rule, claim, product, manifest, segment):
    """每人限购N is a plain purchase rule when it equals per_order_limit, invented otherwise."""
    return against(declared(product, "per_order_limit"), claim.value, lambda limit: claim.value != limit)


register("stock-remaining", Check(("stock",), remaining, numbers_only("tolerance")))
register("sellout-while-stocked", Check(("sold_out", "restock"), sellout, numbers_only()))
register("limited-allocation", Check(("limited",), limited, numbers_only()))
register("purchase-limit", Check(("purchase_limit",), purchase_limit, numbers_only()))
