"""Fact checks: the kinds of comparison a ``kind: fact`` rule can name in ``check``.

A fact rule is data (which claim, which manifest field, what tolerance); the comparison itself is
one function registered here by name. Checks register themselves from linter/checks/.

A check returns None when the manifest backs the claim, a ``violation`` Outcome when it
contradicts it, and an ``unverifiable`` Outcome naming the manifest field that would settle it
(reported by the engine as a meta warning, never as a proven violation).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Check:
    """A named comparison between a claim and manifest facts."""

    claims: tuple[str, ...]  # claim kinds the check consumes
    run: Callable  # (rule, claim, product, manifest, segment) -> Outcome | None
    validate: Callable[[dict], str | None] = lambda params: None
    needs_product: bool = True  # False: decidable without knowing the product (全网最低价)
    # "document": a duty of the whole script (a required statement), not of one claim; then
    # run(rule, segments, manifest) yields (segment, Outcome) pairs.
    scope: str = "claim"


@dataclass(frozen=True)
class Outcome:
    verdict: str  # violation | unverifiable
    field: str  # manifest key path that decides the claim, e.g. products[0].stock
    said: str = ""
    expected: str = ""
    detail: str = ""


CHECKS: dict[str, Check] = {}


def register(name: str, check: Check) -> None:
    if name in CHECKS:
        raise ValueError(f"fact check {name} registered twice")
    CHECKS[name] = check


def violation(field: str, said, expected, detail: str = "") -> Outcome:
    return Outcome("violation", field, show(said), show(expected), detail)


def unverifiable(field: str, detail: str = "") -> Outcome:
    return Outcome("unverifiable", field, detail=detail)


_KEYS: dict[tuple, str] = {}  # (product position, parts) -> key path: asked once per claim


def key(product, *parts: str) -> str:
    """Key path of a product fact; ``products[].x`` when no product (or no manifest) is known."""
    if product is None:
        return "products[]." + ".".join(parts)
    found = _KEYS.get((product.index, parts))
    if found is None:  # a path names the product by its position alone
        found = _KEYS[product.index, parts] = product.key(*parts)
    return found


def declared(product, *path: str) -> tuple[str, object]:
    """(key path, value) of a product fact: declared(p, "price", "live") gives
    ("products[0].price.live", 199.0); the value is None when the product or fact is missing."""
    value = product
    for part in path:
        value = None if value is None else getattr(value, part)
    return key(product, *path), value


def against(found: tuple[str, object], said, broken: Callable[[object], bool]) -> Outcome | None:
    """The common check: ``found`` is ``declared(...)``; no value is unverifiable, a value the
    claim breaks (``broken(value)``) is a violation quoting ``said`` and the value, else None."""
    field, value = found
    if value is None:
        return unverifiable(field)
    return violation(field, said, value) if broken(value) else None


def show(value) -> str:
    """199.0 → 199, 9.9 → 9.9: numbers as a person writes them."""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return "" if value is None else str(value)


def numbers_only(*names: str) -> Callable[[dict], str | None]:
    """A params validator: only ``names``, each a number >= 0."""
    def validate(params: dict) -> str | None:
        for k, v in params.items():
            if k not in names:
                return f"unknown parameter {k!r} (known: {', '.join(names) or 'none'})"
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
                return f"{k}: expected a number >= 0, got {v!r}"
        return None
    return validate


# The families register on import; rule validation (ruleset.py) needs the full registry.
from . import checks as _checks  # noqa: E402,F401  (after the definitions they use)
