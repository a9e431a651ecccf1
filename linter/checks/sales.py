"""Sales and review figures against products[].sales (count and its source)."""
from __future__ import annotations

from ..facts import Check, against, declared, key, numbers_only, register, unverifiable


def sales_figure(rule, claim, product, manifest, segment):
    """A spoken sold count must not exceed sales.count, and needs sales.source to be lawful.

    Review rates (好评率, 回购率) have no manifest field at all: always unverifiable."""
    if claim.kind == "rating":
        return unverifiable(key(product, "sales"), "中的好评率、回购率（清单没有此类字段：请删去，或口播时注明数据来源和统计范围）")
    tolerance = rule.param.get("tolerance", 0)
    outcome = against(declared(product, "sales", "count"), claim.value,
                      lambda count: claim.value > count * (1 + tolerance))
    if outcome is not None:
        return outcome
    if not product.sales.source:
        return unverifiable(key(product, "sales", "source"), "（销量数据须注明来源）")
    return None


register("sales-count", Check(("sales", "rating"), sales_figure, numbers_only("tolerance")))
