"""Statements the law requires a script to make about a kind of product.

保健食品 advertising must say 本品不能代替药物 (广告法 18, 食品安全法 79). The wording and the
product categories come from the rule's params, so the legal text stays in YAML.
"""
from __future__ import annotations

from itertools import chain, groupby
from operator import attrgetter

from ..facts import Check, key, register, violation
from ..normalize import normalize

_PRODUCT = attrgetter("product")


def required_statement(rule, segments, manifest):
    """One finding per product of the listed categories that the script presents (its first
    segment) without ever saying the phrase in that product's part of the script."""
    phrase = normalize(rule.param["phrase"])
    wanted = set(rule.param["categories"])
    first: dict[str, object] = {}  # products that need the phrase -> their first segment
    said: set[str] = set()
    needs: dict[str, bool] = {}  # decided once per product, not per segment
    for sku, run in groupby(segments, key=_PRODUCT):  # a product is talked about for a while
        if sku is None:
            continue
        need = needs.get(sku)
        if need is None:
            product = manifest.product(sku)
            need = needs[sku] = product is not None and product.category in wanted
        if not need or sku in said:
            continue
        seg = next(run)
        first.setdefault(sku, seg)
        if any(phrase in s.norm for s in chain((seg,), run)):
            said.add(sku)
    for sku, seg in first.items():
        if sku not in said:
            yield seg, violation(key(manifest.product(sku), "category"), "", rule.param["phrase"])


def _validate(params: dict) -> str | None:
    if not isinstance(params.get("phrase"), str) or not params["phrase"].strip():
        return "phrase: required, the statement the script must contain"
    categories = params.get("categories")
    if not isinstance(categories, list) or not categories or not all(isinstance(c, str) for c in categories):
        return "categories: required, a list of product categories"
    unknown = set(params) - {"phrase", "categories"}
    return f"unknown parameter {sorted(unknown)[0]!r} (known: phrase, categories)" if unknown else None


register("required-statement", Check((), required_statement, _validate, scope="document"))
