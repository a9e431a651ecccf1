"""Laws registry (rulesets/laws.yaml) and citation text: 《广告法》第九条第（三）项.

Law names live in YAML only. A rule cites ``{law, article, paragraph, item}``; the text is
rendered from the registry, choosing the version in force at the session date when a law was
renumbered (反不正当竞争法 2019 → 2025).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Citation
from .suggest import did_you_mean
from .yamlio import Loaded

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 16 → 十六, 21 → 二十一, 105 → 一百零五, 148 → 一百四十八."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if not rest:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        if rest < 20:
            return head + "一" + chinese_number(rest)
        return head + chinese_number(rest)
    return str(n)


@dataclass(frozen=True)
class Law:
    key: str
    title: str
    short: str
    issuer: str
    version: str
    in_force: date | None
    verified: bool = True
    unverified_articles: tuple[int, ...] = ()
    previous: str | None = None  # key of the text this one replaced
    renumbered: tuple[tuple[int, int], ...] = ()  # (article here, article in previous)


_LAW_KEYS = ("title", "short", "issuer", "version", "in_force", "verified",
             "unverified_articles", "previous", "renumbered", "note")


def _article(loaded: Loaded, value, key) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise loaded.error(key, f"expected an article number (a positive whole number), got {value!r}")


def parse_laws(loaded: Loaded) -> dict[str, Law]:
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("laws"), dict):
        raise loaded.error(("laws",), "expected a mapping of law keys")
    laws = {}
    for key, raw in data["laws"].items():
        where = ("laws", key)
        if not isinstance(raw, dict):
            raise loaded.error(where, "expected a mapping")
        for k in raw:
            if k not in _LAW_KEYS:
                raise loaded.error(where + (k,), "unknown key" + did_you_mean(k, _LAW_KEYS))
        for required in ("title", "issuer", "version"):
            if not raw.get(required):
                raise loaded.error(where + (required,), "required")
        in_force = raw.get("in_force")
        try:
            in_force = date.fromisoformat(str(in_force)) if in_force else None
        except ValueError:
            raise loaded.error(where + ("in_force",), f'expected a date like 2021-04-29, got "{in_force}"')
        renumbered = raw.get("renumbered") or {}
        if not isinstance(renumbered, dict):
            raise loaded.error(where + ("renumbered",), "expected a mapping article: old article")
        unverified = raw.get("unverified_articles") or []
        if not isinstance(unverified, list):
            raise loaded.error(where + ("unverified_articles",), "expected a list of article numbers")
        for i, value in enumerate(unverified):
            _article(loaded, value, where + ("unverified_articles", i))
        for article, old in renumbered.items():
            _article(loaded, article, where + ("renumbered", article))
            _article(loaded, old, where + ("renumbered", article))
        if raw.get("previous") is not None and not isinstance(raw["previous"], str):
            raise loaded.error(where + ("previous",), "expected a law key")
        laws[key] = Law(
            key=key, title=str(raw["title"]), short=str(raw.get("short") or raw["title"]),
            issuer=str(raw["issuer"]), version=str(raw["version"]), in_force=in_force,
            verified=bool(raw.get("verified", True)),
            unverified_articles=tuple(int(a) for a in raw.get("unverified_articles") or ()),
            previous=raw.get("previous"),
            renumbered=tuple((int(a), int(b)) for a, b in renumbered.items()),
        )
    for law in laws.values():
        if law.previous and law.previous not in laws:
            raise loaded.error(("laws", law.key, "previous"), f'unknown law "{law.previous}"')
    return laws


def render(citation: Citation, laws: dict[str, Law], on: date | None = None) -> Citation:
    """Fill ``citation.text``; switch to the previous text if ``on`` predates the law."""
    law = laws[citation.law]
    article = citation.article
    if on and law.in_force and on < law.in_force and law.previous:
        old = dict(law.renumbered)
        article = old.get(article, article) if article is not None else None
        law = laws[law.previous]
    text = f"《{law.short}》"
    if article is not None:
        text += f"第{chinese_number(article)}条"
    if citation.paragraph is not None:
        text += f"第{chinese_number(citation.paragraph)}款"
    if citation.item is not None:
        text += f"第（{chinese_number(citation.item)}）项"
    return Citation(law.key, article, citation.paragraph, citation.item, text)


def is_unverified(citation: Citation, laws: dict[str, Law]) -> bool:
    law = laws[citation.law]
    return not law.verified or (citation.article in law.unverified_articles)


def in_force(cited, laws: dict[str, Law], on: date | None) -> tuple[Citation, ...]:
    """Citations rendered for a session on ``on``, leaving out laws not yet in force then
    (直播电商监督管理办法 for a 2025 stream) — unless nothing else would be left to cite."""
    rendered = tuple(render(c, laws, on) for c in cited)
    if on is None:
        return rendered
    current = tuple(c for c in rendered if not (laws[c.law].in_force and laws[c.law].in_force > on))
    return current or rendered
