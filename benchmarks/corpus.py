"""A deterministic corpus of live-stream scripts, plus the manifest that matches it.

Seeded: the same seed and size give byte-identical files on every machine, so throughput
figures from different runs are comparable. Lines mix what real scripts carry: prices, clock
times, stock talk, 繁體 and full-width lines, emoji, speaker tags, section headers, and enough
a realistic share of violations (``phrases.VIOLATION_RATE``) among mostly lawful talk.
``dense=True`` gives the earlier stress corpus (``phrases.DENSE``: ~0.77 findings a line).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from . import phrases, writers

PRODUCTS = (
    ("FACE-050", "玻尿酸保湿面霜", ("面霜",), "cosmetic", 199, 399, 259),
    ("SCARF-01", "羊绒围巾", ("围巾",), "apparel", 299, 599, 399),
    ("TEA-01", "特级红茶礼盒", ("红茶",), "food", 168, None, 168),
    ("MASK-10", "补水面膜", ("面膜",), "cosmetic", 59, 129, 79),
    ("NUT-02", "每日坚果", ("坚果",), "food", 89, 159, 99),
    ("PAN-03", "不粘炒锅", ("炒锅",), "other", 139, 299, 169),
)
SPEAKERS = ("主播", "主播小雅", "助播", "助播阿杰", "气氛组", "场控")
EMOJI = ("🔥", "❤️", "👍", "🎉", "💰", "⚡", "😍", "🛒")

HEADERS = ("开场", "{n}号链接 {p}", "福利时间", "返场 {p}", "答疑", "收尾")


@dataclass(frozen=True)
class Line:
    """One utterance or header of a script, before any file format is applied."""

    text: str
    speaker: str | None = None  # None for a header
    clock: str | None = None  # "20:05"
    seconds: int = 0  # offset from the session start, for subtitle cues


def _fill(rng: random.Random, template: str, product) -> str:
    sku, name, aliases, _, price, listed, _ = product
    return template.format(
        p=name, a=rng.choice(aliases + (name,)), n=PRODUCTS.index(product) + 1,
        price=price, list=listed or price + 100, k=rng.randint(2, 99),
        min=rng.randint(1, 30), h=rng.randint(20, 23), m=f"{rng.randint(0, 59):02d}")


def _variant(rng: random.Random, text: str, s2t) -> str:
    """Most lines stay simplified; some become 繁體, full-width, or get emoji."""
    roll = rng.random()
    if roll < 0.12:
        return s2t(text)
    if roll < 0.20:
        return text.translate(_FULL)
    if roll < 0.35:
        return text + rng.choice(EMOJI) * rng.randint(1, 3)
    return text


_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def _template(rng: random.Random, dense: bool) -> str:
    if dense:
        return rng.choice(phrases.DENSE)
    bad = rng.random() < phrases.VIOLATION_RATE
    return rng.choice(phrases.VIOLATIONS if bad else phrases.LAWFUL)


def script(rng: random.Random, chars: int, s2t, dense: bool = False) -> list[Line]:
    """Lines of one script of about ``chars`` characters."""
    lines: list[Line] = []
    seconds, size = 0, 0
    product = rng.choice(PRODUCTS)
    while size < chars:
        if not lines or rng.random() < 0.04:
            product = rng.choice(PRODUCTS)
            clock = _clock(seconds)
            header = _fill(rng, rng.choice(HEADERS), product)
            lines.append(Line(f"{clock} {header}", None, clock, seconds))
        text = _variant(rng, _fill(rng, _template(rng, dense), product), s2t)
        seconds += rng.randint(5, 40)
        line = Line(text, rng.choice(SPEAKERS), _clock(seconds), seconds)
        lines.append(line)
        size += len(text) + len(line.speaker) + 1
    return lines


def _clock(seconds: int) -> str:
    minutes = 20 * 60 + seconds // 60
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def manifest_text() -> str:
    """The manifest matching PRODUCTS (contract §3.4)."""
    out = ["version: 1",
           "session: {title: 基准测试专场, start: 2026-11-11T20:00:00+08:00, end: 2026-11-12T02:00:00+08:00}",
           "speakers:", "  - {name: 小雅, role: host}", "  - {name: 阿杰, role: co-host}", "products:"]
    for i, (sku, name, aliases, category, price, listed, lowest) in enumerate(PRODUCTS, start=1):
        out += [f"  - sku: {sku}", f"    name: {name}", f"    aliases: [{', '.join(aliases)}, {i}号链接]",
                f"    category: {category}", "    stock: 500", "    per_order_limit: 2",
                "    price: {live: %s%s, lowest_7d: %s}" % (price, f", list: {listed}" if listed else "", lowest),
                "    promo: {start: 2026-11-11T20:00:00+08:00, end: 2026-11-12T00:00:00+08:00, "
                f"after_price: {lowest}}}",
                "    after_sales: [七天无理由退货]"]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Corpus:
    root: Path
    files: tuple[Path, ...]  # the scripts, in their formats
    plain: tuple[Path, ...]  # the same scripts as .txt, for the floor pipeline and textlint
    manifest: Path
    text_bytes: int  # UTF-8 size of the script text (the throughput denominator)
    formats: tuple[str, ...]
    skipped: dict  # format -> why it is not in the corpus (no reader yet, or the reader refused it)
    dense: bool = False  # the stress corpus (phrases.DENSE) instead of the realistic one


def generate(root: Path, total_bytes: int = 5_000_000, files: int = 100, seed: int = 20261111,
             dense: bool = False) -> Corpus:
    """Write ``files`` scripts of about ``total_bytes`` UTF-8 in total under ``root``."""
    import opencc

    s2t = opencc.OpenCC("s2t").convert
    formats, skipped = writers.available(script(random.Random(seed), 400, s2t))
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "scripts").mkdir(exist_ok=True)
    (root / "plain").mkdir(exist_ok=True)
    weights = [rng.uniform(0.5, 1.5) for _ in range(files)]
    scale = total_bytes / 3 / sum(weights)  # ~3 UTF-8 bytes a character
    out, plain, size = [], [], 0
    for i, weight in enumerate(weights):
        lines = script(rng, int(weight * scale), s2t, dense)
        suffix = formats[i % len(formats)]
        path = root / "scripts" / f"script{i:03d}{suffix}"
        path.write_bytes(writers.WRITERS[suffix](lines))
        text = writers.plain(lines)
        (root / "plain" / f"script{i:03d}.txt").write_text(text, "utf-8")
        out.append(path)
        plain.append(root / "plain" / f"script{i:03d}.txt")
        size += len(text.encode("utf-8"))
    manifest = root / "manifest.yaml"
    manifest.write_text(manifest_text(), "utf-8")
    return Corpus(root, tuple(out), tuple(plain), manifest, size, formats, skipped, dense)
