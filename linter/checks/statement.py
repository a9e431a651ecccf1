"""Statements the law requires a script to make about a kind of product.

保健食品 advertising must say 本品不能代替药物 (广告法 18, 食品安全法 79). The wording and the
product categories come from the rule's params, so the legal text stays in YAML.
"""
from __future__ import annotations

from ..facts import Check, key, register, violation
from ..normalize import normalize


def required_statement(rule, segments, manifest):
    """One finding per product of the listed categories that the script presents (its first
    segment) without ever saying the phrase in that product's part of the script."""
    phrase = normalize(rule.param["phrase"])
    wanted = set(rule.param["categories"])
    first: dict[str, object] = {}
    said: set[str] = set()
    for seg in segments:
        if seg.product is None:
            continue
        first.setdefault(seg.product, seg)
        if phrase in seg.norm:
            said.add(seg.product)
    for sku, seg in first.items():
        product = manifest.product(sku)
        if product is not None and product.category in wanted and sku not in said:
            yield seg, violation(key(product, "category"), "", rule.param["phrase"])


def _validate(params: dict) -> str | None:
    if not isinstance(params.get("phrase"), str) or not params["phrase"].strip():
        return "phrase: required, the statement the script must contain"
    categories = params.get("categories")
    if not isinstance(categories, list) or not categories or not all(isinstance(c, str) for c in categories):
        return "categories: required, a list of product categories"
    unknown = set(params) - {"phrase", "categories"}
    return f"unknown parameter {sorted(unknown)[0]!r} (known: phrase, categories)" if unknown else None


register("required-statement", Check((), required_statement, _validate, scope="document"))
