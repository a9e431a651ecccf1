"""The inventory manifest (contract §3.4): what is true about the goods.

Loading validates every key with its path and line, so a merchant's typo is a one-line error
rather than a silently unchecked claim.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .model import ROLES
from .suggest import did_you_mean
from .yamlio import Loaded, format_key, load

PRODUCT_CATEGORIES = ("food", "health_food", "cosmetic", "special_cosmetic", "apparel",
                      "medical_device", "drug", "other")

# Well-known spec keys, as merchants write them, mapped to one canonical name.
SPEC_KEYS = {
    "net_content": ("净含量", "net_content", "容量", "重量", "净重"),
    "composition": ("成分", "面料", "材质", "composition", "配料", "含量"),
    "origin": ("产地", "origin", "原产地"),
    "grade": ("等级", "grade"),
    "size": ("规格", "size", "尺寸"),
    "shelf_life": ("保质期", "shelf_life"),
    "production_date": ("生产日期", "production_date"),
}
_SPEC_ALIAS = {alias: canon for canon, names in SPEC_KEYS.items() for alias in names}


@dataclass(frozen=True)
class Price:
    live: float | None = None
    list: float | None = None
    lowest_7d: float | None = None


@dataclass(frozen=True)
class Promo:
    start: datetime | None = None
    end: datetime | None = None
    after_price: float | None = None


@dataclass(frozen=True)
class Sales:
    count: float | None = None
    source: str | None = None


@dataclass(frozen=True)
class Gift:
    name: str
    qty: int = 1


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    index: int  # position in products[], for key paths in messages
    aliases: tuple[str, ...] = ()
    category: str | None = None
    stock: int | None = None
    per_order_limit: int | None = None
    price: Price = Price()
    promo: Promo = Promo()
    specs: tuple[tuple[str, str], ...] = ()  # (key as written, value)
    certifications: tuple[str, ...] = ()
    approved_claims: tuple[str, ...] = ()
    sales: Sales = Sales()
    after_sales: tuple[str, ...] = ()
    gifts: tuple[Gift, ...] = ()

    def spec(self, canonical: str) -> tuple[str, str] | None:
        """(key as written, value) of a well-known spec, e.g. spec("origin")."""
        for key, value in self.specs:
            if _SPEC_ALIAS.get(key, _SPEC_ALIAS.get(key.lower())) == canonical:
                return key, value
        return None

    def key(self, *parts: str) -> str:
        return format_key(("products", self.index) + parts)


@dataclass(frozen=True)
class Session:
    title: str | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class Manifest:
    path: str
    version: int = 1
    session: Session = Session()
    speakers: tuple[tuple[str, str], ...] = ()  # (name, role)
    products: tuple[Product, ...] = ()
    sku_index: dict = field(default_factory=dict, compare=False)

    def product(self, sku: str | None) -> Product | None:
        return self.sku_index.get(sku) if sku else None


# --- validation -----------------------------------------------------------------------------

class _V:
    """Typed access to a loaded YAML tree that raises with key path and line."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded

    def fail(self, key, message):
        raise self.loaded.error(key, message)

    def mapping(self, value, key, known):
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping, got {_show(value)}")
        for k in value:
            if k not in known:
                self.fail(key + (k,), "unknown key" + did_you_mean(k, known))
        return value

    def text(self, value, key, required=False):
        if value is None:
            if required:
                self.fail(key, "required")
            return None
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self.fail(key, f"expected text, got {_show(value)}")
        return str(value)

    def number(self, value, key):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"expected a number, got {_show(value)}")
        if not math.isfinite(value):  # .nan / .inf: no stock count or price is infinite
            self.fail(key, f"expected a finite number, got {value}")
        if value < 0:
            self.fail(key, f"expected a number >= 0, got {value}")
        return value

    def integer(self, value, key):
        number = self.number(value, key)
        if number is not None and number != int(number):
            self.fail(key, f"expected a whole number, got {value}")
        return None if number is None else int(number)

    def texts(self, value, key):
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(key, f"expected a list, got {_show(value)}")
        return tuple(self.text(v, key + (i,), required=True) for i, v in enumerate(value))

    def when(self, value, key):
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(key, f"expected a date-time, got {_show(value)}")
        try:
            moment = datetime.fromisoformat(value.strip().replace(" ", "T", 1))
        except ValueError:
            self.fail(key, f"expected an ISO date-time like 2026-11-11T20:00:00+08:00, got {_show(value)}")
        if moment.tzinfo is None:
            self.fail(key, f"date-time needs a UTC offset, e.g. {value}+08:00")
        return moment

    def choice(self, value, key, choices):
        text = self.text(value, key)
        if text is not None and text not in choices:
            self.fail(key, f"expected one of {', '.join(choices)}, got {_show(value)}"
                      + did_you_mean(text, choices))
        return text


def _show(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


_TOP = ("version", "session", "speakers", "products")
_PRODUCT = ("sku", "name", "aliases", "category", "stock", "per_order_limit", "price", "promo",
            "specs", "certifications", "approved_claims", "sales", "after_sales", "gifts")


def _product(v: _V, raw, i: int) -> Product:
    key = ("products", i)
    raw = v.mapping(raw, key, _PRODUCT)
    price = v.mapping(raw.get("price"), key + ("price",), ("live", "list", "lowest_7d"))
    promo = v.mapping(raw.get("promo"), key + ("promo",), ("start", "end", "after_price"))
    sales = v.mapping(raw.get("sales"), key + ("sales",), ("count", "source"))
    specs = raw.get("specs") or {}
    if not isinstance(specs, dict):
        v.fail(key + ("specs",), f"expected a mapping, got {_show(specs)}")
    gifts = raw.get("gifts") or []
    if not isinstance(gifts, list):
        v.fail(key + ("gifts",), f"expected a list, got {_show(gifts)}")
    product = Product(
        sku=v.text(raw.get("sku"), key + ("sku",), required=True),
        name=v.text(raw.get("name"), key + ("name",), required=True),
        index=i,
        aliases=v.texts(raw.get("aliases"), key + ("aliases",)),
        category=v.choice(raw.get("category"), key + ("category",), PRODUCT_CATEGORIES),
        stock=v.integer(raw.get("stock"), key + ("stock",)),
        per_order_limit=v.integer(raw.get("per_order_limit"), key + ("per_order_limit",)),
        price=Price(*(v.number(price.get(k), key + ("price", k))
                      for k in ("live", "list", "lowest_7d"))),
        promo=Promo(v.when(promo.get("start"), key + ("promo", "start")),
                    v.when(promo.get("end"), key + ("promo", "end")),
                    v.number(promo.get("after_price"), key + ("promo", "after_price"))),
        specs=tuple((str(k), v.text(val, key + ("specs", k), required=True))
                    for k, val in specs.items()),
        certifications=v.texts(raw.get("certifications"), key + ("certifications",)),
        approved_claims=v.texts(raw.get("approved_claims"), key + ("approved_claims",)),
        sales=Sales(v.number(sales.get("count"), key + ("sales", "count")),
                    v.text(sales.get("source"), key + ("sales", "source"))),
        after_sales=v.texts(raw.get("after_sales"), key + ("after_sales",)),
        gifts=tuple(_gift(v, g, key + ("gifts", j)) for j, g in enumerate(gifts)),
    )
    _cross_check(v, product, key)
    return product


def _gift(v: _V, raw, key) -> Gift:
    if isinstance(raw, str):
        return Gift(raw)
    raw = v.mapping(raw, key, ("name", "qty"))
    qty = v.integer(raw.get("qty"), key + ("qty",))
    return Gift(v.text(raw.get("name"), key + ("name",), required=True), 1 if qty is None else qty)


def _cross_check(v: _V, p: Product, key) -> None:
    if p.promo.start and p.promo.end and p.promo.end <= p.promo.start:
        v.fail(key + ("promo", "end"), "promo end must be after promo start")
    if p.price.lowest_7d is not None and p.price.list is not None \
            and p.price.lowest_7d > p.price.list:
        v.fail(key + ("price", "lowest_7d"),
               f"lowest_7d ({p.price.lowest_7d:g}) is above list ({p.price.list:g})")


def parse(loaded: Loaded) -> Manifest:
    v = _V(loaded)
    raw = loaded.data
    if raw is None:
        raw = {}
    raw = v.mapping(raw, (), _TOP)
    version = v.integer(raw.get("version", 1), ("version",))
    if version != 1:
        v.fail(("version",), f"unsupported manifest version {version} (this livelint reads 1)")
    s = v.mapping(raw.get("session"), ("session",), ("title", "start", "end"))
    session = Session(v.text(s.get("title"), ("session", "title")),
                      v.when(s.get("start"), ("session", "start")),
                      v.when(s.get("end"), ("session", "end")))
    if session.start and session.end and session.end <= session.start:
        v.fail(("session", "end"), "session end must be after session start")
    speakers_raw = raw.get("speakers") or []
    if not isinstance(speakers_raw, list):
        v.fail(("speakers",), f"expected a list, got {_show(speakers_raw)}")
    speakers = []
    for i, sp in enumerate(speakers_raw):
        sp = v.mapping(sp, ("speakers", i), ("name", "role"))
        speakers.append((v.text(sp.get("name"), ("speakers", i, "name"), required=True),
                         v.choice(sp.get("role"), ("speakers", i, "role"), ROLES)))
    products_raw = raw.get("products") or []
    if not isinstance(products_raw, list):
        v.fail(("products",), f"expected a list, got {_show(products_raw)}")
    products = tuple(_product(v, p, i) for i, p in enumerate(products_raw))
    index: dict = {}
    for p in products:
        if p.sku in index:
            v.fail(("products", p.index, "sku"), f'duplicate sku "{p.sku}"')
        index[p.sku] = p
    return Manifest(loaded.path, version, session, tuple(speakers), products, index)


def load_manifest(path: str | Path) -> Manifest:
    return parse(load(path, cached=True))
