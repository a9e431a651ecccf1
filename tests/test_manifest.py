"""Manifest validation: key paths, lines, did-you-mean, cross-field checks."""
from __future__ import annotations

import pytest

from conftest import ROOT, write
from linter.manifest import load_manifest
from linter.model import LivelintError

GOOD = "products:\n  - sku: A\n    name: 面霜\n"


@pytest.mark.parametrize("text, expected", [
    ("products:\n  - sku: A\n    name: 面霜\n    price: {live: 九十九}\n",
     'products[0].price.live: expected a number, got "九十九"'),
    ("products:\n  - sku: A\n    name: 面霜\n    stok: 5\n", 'products[0].stok: unknown key (did you mean "stock"?)'),
    ("products:\n  - sku: A\n    name: 面霜\n  - sku: A\n    name: 围巾\n", 'products[1].sku: duplicate sku "A"'),
    ("products:\n  - name: 面霜\n", "products[0].sku: required"),
    ("session: {start: 2026-11-11T20:00:00}\n", "session.start: date-time needs a UTC offset"),
    ("products:\n  - sku: A\n    name: 面霜\n    promo: {start: 2026-11-11T20:00:00+08:00, end: 2026-11-11T19:00:00+08:00}\n",
     "products[0].promo.end: promo end must be after promo start"),
    ("products:\n  - sku: A\n    name: 面霜\n    price: {list: 100, lowest_7d: 200}\n",
     "products[0].price.lowest_7d: lowest_7d (200) is above list (100)"),
    ("products:\n  - sku: A\n    name: 面霜\n    category: cosmetics\n",
     'products[0].category: expected one of'),
    ("version: 2\n", "version: unsupported manifest version 2"),
    ("a: &x 1\nb: *x\n", "anchors and aliases are not allowed"),
    ("products: [\n", "YAML error"),
    ("products: 5\n", "products: expected a list, got 5"),
])
def test_errors(tmp_path, text, expected):
    path = write(tmp_path / "m.yaml", text)
    with pytest.raises(LivelintError) as info:
        load_manifest(path)
    assert expected in str(info.value)
    assert str(info.value).startswith(str(path))


def test_example_manifest_loads():
    m = load_manifest(ROOT / "examples" / "manifest.yaml")
    face = m.product("FACE-050")
    assert face.price.lowest_7d == 259 and face.spec("origin") == ("产地", "上海")
    assert face.promo.end.isoformat() == "2026-11-12T00:00:00+08:00"
    assert m.speakers[0] == ("小雅", "host")


def test_citations_follow_the_law_in_force_at_the_session(ruleset):
    """反不正当竞争法 was renumbered on 2025-10-15 (虚假宣传 art 8 → 9): a stream before that
    date cites the 2019 text's article, a later one the 2025 text's."""
    from conftest import lint_text

    def cited(start):
        manifest = {"session": {"start": start},
                    "products": [{"sku": "A", "name": "面霜", "stock": 5000}]}
        (v,) = [v for v in lint_text("主播：秒光了！", ruleset, manifest) if v.rule == "SC002"]
        return [c.text for c in v.citations]

    assert cited("2026-03-01T20:00:00+08:00") == [
        "《直播电商监督管理办法》第三十四条第一款", "《网络交易监督管理办法》第十四条第二款",
        "《反不正当竞争法》第九条第一款"]
    # 直播电商监督管理办法 is in force from 2026-02-01: not cited for a stream before it
    assert cited("2025-10-20T20:00:00+08:00") == [
        "《网络交易监督管理办法》第十四条第二款", "《反不正当竞争法》第九条第一款"]
    assert cited("2025-06-01T20:00:00+08:00") == [
        "《网络交易监督管理办法》第十四条第二款", "《反不正当竞争法》第八条第一款"]
