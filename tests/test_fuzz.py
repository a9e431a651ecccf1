"""Property-based fuzzing: whatever arrives, only LivelintError may escape, and offsets stay true.

Every reader in ``readers.REGISTRY`` is fed arbitrary bytes automatically, so a reader that
lands later is fuzzed without touching this file; ``TEXT_FORMATS`` says which suffixes also get
structured text in several encodings (add a generator there for a format with its own syntax).
Examples are bounded so the suite stays fast; ``LIVELINT_FUZZ_EXAMPLES=2000`` digs deeper.
"""
from __future__ import annotations

import json
import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import config, readers
from linter.citations import parse_laws
from linter.engine import Linter
from linter.manifest import parse as parse_manifest
from linter.model import Block, Document, LivelintError
from linter.normalize import normalize
from linter.rulefile import parse_rule
from linter.ruleset import builtin_dir, load_laws
from linter.segment import Cast, segment
from linter.engine import _norms
from linter.yamlio import Loaded, loads
from linter.yamlio import load as yamlio_load

from conftest import ROOT, manifest_from

N = int(os.environ.get("LIVELINT_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=N, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

# Text that hurts: script vocabulary, tags, astral emoji and flags, combining marks, RTL and
# bidi controls, zero-width joiners, full-width forms, lone surrogates (surrogate-escaped bytes).
SPICE = ["全网最好", "第一", "第一次", "最", "【主播】", "主播：", "**助播**：", "气氛组:", "[20:15]",
         "[+00:45:00]", "1号链接", "面霜", "// livelint: disable-next-line AD001 -- 理由",
         "<!-- livelint: disable-next-line AD -->", "😀", "🇨🇳", "👩‍👩‍👧", "e\u0301", "\u0301",
         "\u202e", "\u05d0\u05d1", "\u0627\u0644", "\u200d", "\ufeff", "ＡＢＣ１２３", "這是",
         "\udc80", "\udcff", "\r\n", "\r", "\n", "\t", " ", "`", "](", "<a", "<!--", "-->", "#", ">"]
TEXT = st.lists(st.one_of(st.sampled_from(SPICE), st.text(max_size=8)), max_size=40).map("".join)
CLEAN_TEXT = TEXT.map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))  # no surrogates

MD = st.lists(st.sampled_from(["```", "~~~", "---", "...", "# ", "> ", "- ", "1. ", "<!--", "-->",
                               "[x]: http://a", "[a](b)", "`c`", "<b>", "</b>", "<http://x>",
                               "\n", "\n\n"] + SPICE), max_size=40).map("".join)
# Suffixes whose readers take plain text; the value generates their structured input.
TEXT_FORMATS = {".txt": CLEAN_TEXT, ".text": CLEAN_TEXT, ".md": MD, ".markdown": MD}
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030"]

MANIFEST = manifest_from({
    "session": {"start": "2026-11-11T20:00:00+08:00", "end": "2026-11-11T23:59:00+08:00"},
    "speakers": [{"name": "小雅", "role": "host"}],
    "products": [
        {"sku": "FACE-050", "name": "玻尿酸保湿面霜", "aliases": ["面霜", "1号链接"],
         "category": "cosmetic", "stock": 500, "price": {"live": 199, "list": 399},
         "certifications": ["国家级非遗"], "sales": {"count": 100, "source": "店铺后台"}},
        {"sku": "TEA-1", "name": "特级龙井", "aliases": ["2号链接"], "category": "food",
         "specs": {"等级": "特级"}},
    ],
})


def _check_document(doc: Document) -> None:
    for b in doc.blocks:
        assert b.line >= 1 and b.column >= 1
        assert all(0 <= s <= e <= len(b.text) for s, e in b.masks)


def _check_report(linter: Linter, doc: Document) -> None:
    """Every finding points at exactly the characters it quotes."""
    report = linter.check(doc)
    by_line = {}
    for b in doc.blocks:
        for i, line in enumerate(b.text.split("\n")):
            by_line.setdefault(b.line + i, (b.column if i == 0 else 1, line))
    for v in report.violations:
        assert v.line <= v.end_line
        if v.line == v.end_line and v.match and v.line in by_line:
            column, line = by_line[v.line]
            assert line[v.column - column:v.end_column - column] == v.match, v
    assert [v.sort_key for v in report.violations] == sorted(v.sort_key for v in report.violations)


@given(data=st.data())
@FUZZ
def test_every_reader_survives_arbitrary_bytes(linter, data):
    suffix = data.draw(st.sampled_from(sorted(readers.REGISTRY)), label="suffix")
    raw = data.draw(st.binary(max_size=400), label="raw")
    try:
        doc = readers.REGISTRY[suffix](f"fuzz{suffix}", raw)
    except LivelintError as exc:
        assert "\n" not in str(exc)
        return
    _check_document(doc)
    _check_report(linter, doc)


@given(data=st.data())
@FUZZ
def test_text_readers_any_encoding(ruleset, data):
    suffix = data.draw(st.sampled_from(sorted(s for s in readers.REGISTRY if s in TEXT_FORMATS)))
    text = data.draw(TEXT_FORMATS[suffix])
    encoding = data.draw(st.sampled_from(ENCODINGS))
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        doc = readers.REGISTRY[suffix](f"fuzz{suffix}", raw)
    except LivelintError as exc:  # e.g. NUL characters, or GB18030-less UTF-16 without BOM
        assert "\n" not in str(exc)
        return
    _check_document(doc)
    _check_report(Linter(ruleset, MANIFEST), doc)


@given(TEXT)
@FUZZ
def test_normalize_keeps_offsets_on_hostile_text(text):
    norm = normalize(text)
    assert len(norm) == len(text)
    assert [i for i, c in enumerate(norm) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


@given(st.lists(TEXT, max_size=6), st.booleans())
@FUZZ
def test_segmentation_stays_in_bounds(lines, with_manifest):
    blocks = [Block(t.replace("\n", " "), i + 1) for i, t in enumerate(lines)]
    manifest = MANIFEST if with_manifest else None
    for seg in segment(blocks, _norms(blocks), manifest, Cast.from_manifest(manifest)):
        assert 0 <= seg.start <= seg.end == len(seg.block.text)
        assert len(seg.norm) == len(seg.block.text)


@given(st.lists(TEXT, max_size=6), st.booleans())
@FUZZ
def test_engine_on_hostile_blocks(ruleset, lines, with_manifest):
    blocks = tuple(Block(t, i * 1000 + 1, kind=k) for i, (t, k) in
                   enumerate(zip(lines, ["text", "header", "comment", "text", "text", "text"])))
    _check_report(Linter(ruleset, MANIFEST if with_manifest else None),
                  Document("fuzz.txt", "text", "utf-8", blocks))


# --- loaders: YAML manifests, rules, laws; TOML configs ------------------------------------

SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                   st.floats(allow_nan=True, allow_infinity=True), TEXT.map(lambda t: t[:20]),
                   st.sampled_from(["2026-11-11T20:00:00+08:00", "2026-11-11 20:00", "2026-11-11",
                                    "九十九", "", "-1", "1e400"]))


def tree(keys):
    key = st.one_of(st.sampled_from(keys), st.text(max_size=6), st.integers(-3, 3))
    return st.recursive(SCALAR, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(key, inner, max_size=5)), max_leaves=25)


MANIFEST_KEYS = ["version", "session", "speakers", "products", "sku", "name", "aliases", "category",
                 "stock", "per_order_limit", "price", "live", "list", "lowest_7d", "promo", "start",
                 "end", "after_price", "specs", "certifications", "approved_claims", "sales",
                 "count", "source", "after_sales", "gifts", "qty", "title", "role", "净含量"]


MTREE = tree(MANIFEST_KEYS)
SMALL = st.one_of(SCALAR, st.lists(SCALAR, max_size=3),
                  st.dictionaries(st.sampled_from(MANIFEST_KEYS), SCALAR, max_size=3))
PRODUCT = st.builds(lambda sku, name, rest: {"sku": sku, "name": name, **rest}, SCALAR, SCALAR,
                    st.dictionaries(st.sampled_from(MANIFEST_KEYS), SMALL, max_size=6))


@st.composite
def manifests(draw):
    """Mostly-shaped manifests with random values swapped in, so validation runs deep."""
    if draw(st.integers(0, 4)) == 0:
        return draw(MTREE)
    top = draw(st.dictionaries(st.sampled_from(["version", "session", "speakers", "x"]), SMALL,
                               max_size=3))
    return {**top, "products": draw(st.lists(PRODUCT, max_size=3))}


def _dump(data) -> str | None:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, UnicodeEncodeError):
        return None


@given(manifests())
@FUZZ
def test_manifest_loader_arbitrary_trees(data):
    text = _dump(data)
    try:
        if text is not None:
            parse_manifest(loads(text, "m.yaml"))
        parse_manifest(Loaded(data, {}, "m.yaml"))
    except LivelintError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("m.yaml")


@given(st.one_of(TEXT, st.lists(st.sampled_from(
    ["a:", " b", "- ", "&x ", "*x", "!!python/object:os.system", "{", "}", "[", "]", "'", '"', "\n",
     "  ", "? ", "%YAML 1.1\n", "---\n", "key: value\n", "<<: *x\n", "\t", "|\n", "2026-11-11\n"]),
    max_size=30).map("".join)))
@FUZZ
def test_yaml_loader_arbitrary_text(text):
    try:
        parse_manifest(loads(text, "m.yaml"))
    except LivelintError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("m.yaml")


RULE = yaml.safe_load((ROOT / "tests" / "data" / "HR001-house-banned-words.yaml").read_text("utf-8"))
RULE_KEYS = list(RULE) + ["fix", "applies_to", "backed_by", "check", "params", "suggestion",
                          "terms", "regex", "phrases", "replace", "safety", "bad", "good", "law",
                          "article", "categories", "roles", "text", "manifest"]
RTREE = tree(RULE_KEYS)
REGEXES = st.sampled_from(["(a+)+$", "最\\p{Han}", "[", "(?<=x)y", "\\", "(?P<n>a)(?P=n)", ".*",
                           "", "a{99999}", "(?i)ABC", "\\d+号链接"])


@given(data=st.data())
@FUZZ
def test_rule_loader_arbitrary_rule_dicts(ruleset, data):
    rule = json.loads(json.dumps(RULE))
    citation = rule["citations"][0]
    for _ in range(data.draw(st.integers(0, 4))):
        key = data.draw(st.sampled_from(RULE_KEYS))
        value = data.draw(st.one_of(RTREE, REGEXES, st.lists(REGEXES, max_size=3),
                                    st.fixed_dictionaries({}, optional={"terms": st.lists(TEXT),
                                                                        "regex": st.lists(REGEXES)})))
        target = data.draw(st.sampled_from([rule, rule.setdefault("match", {}),
                                            rule.setdefault("exceptions", {}), citation,
                                            rule.setdefault("params", {})]))
        if isinstance(target, dict):
            target[key] = value
    try:
        parsed = parse_rule(Loaded(rule, {}, "HR001-house-banned-words.yaml"), ruleset.laws)
    except LivelintError as exc:
        assert "\n" not in str(exc) and "HR001-house-banned-words.yaml" in str(exc)
        return
    parsed.render(match="x", detail="y")
    from linter.ruleset import RuleSet
    linter = Linter(RuleSet((parsed,) + tuple(r for r in ruleset.rules if r.kind == "meta"), ruleset.laws))
    for ex in parsed.bad + parsed.good:
        linter.check(Document("x.txt", "text", "utf-8", (Block(ex.text, 1),)))


LAWS = yamlio_load(builtin_dir() / "laws.yaml").data
LAW_KEYS = ["title", "short", "issuer", "version", "in_force", "verified", "unverified_articles",
            "previous", "renumbered", "note", "ad-law", "x"]
LTREE = tree(LAW_KEYS)


@given(data=st.data())
@FUZZ
def test_laws_loader_arbitrary_trees(data):
    laws = json.loads(json.dumps(LAWS))
    if data.draw(st.integers(0, 4)) == 0:
        laws = data.draw(st.one_of(LTREE, st.builds(lambda t: {"laws": t}, LTREE)))
    else:
        for _ in range(data.draw(st.integers(1, 3))):
            law = laws["laws"][data.draw(st.sampled_from(sorted(laws["laws"])))]
            law[data.draw(st.sampled_from(LAW_KEYS))] = data.draw(st.one_of(SMALL, LTREE))
    try:
        parse_laws(Loaded(laws, {}, "laws.yaml"))
    except LivelintError as exc:
        assert "\n" not in str(exc) and "laws.yaml" in str(exc)


def test_builtin_laws_still_load():
    assert "ad-law" in load_laws(builtin_dir())


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml_value(v)}"
                               for k, v in value.items()) + "}"
    return '""'


CONFIG_KEYS = list(config.KEYS) + ["tool", "livelint", "AD001", "*.md"]
TOML_TREE = st.recursive(st.one_of(st.booleans(), st.integers(-10, 10**20), st.floats(),
                                   st.text(max_size=10), st.sampled_from(["error", "AD", "x.yaml"])),
                         lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                 st.dictionaries(st.sampled_from(CONFIG_KEYS), inner,
                                                                 max_size=4)), max_leaves=15)


@given(st.dictionaries(st.sampled_from(CONFIG_KEYS), TOML_TREE, max_size=5),
       st.sampled_from([".livelint.toml", "pyproject.toml", "pyproject-tool.toml"]))
@FUZZ
def test_config_loader_arbitrary_trees(tmp_path, data, kind):
    body = "\n".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in data.items())
    name = kind
    if kind == "pyproject-tool.toml":
        body, name = "[tool.livelint]\n" + body, "pyproject.toml"
    path = tmp_path / name
    path.write_text(body, "utf-8")
    try:
        conf = config.load(path)
        from linter.api import Options
        Options.from_config(conf)
    except LivelintError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)


@given(TEXT)
@FUZZ
def test_config_loader_arbitrary_text(tmp_path, text):
    path = tmp_path / ".livelint.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    try:
        config.load(path)
    except LivelintError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)
