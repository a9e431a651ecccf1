"""One rule file (contract §3.7) → a validated Rule.

Every validation error names the file, line and key, so a house-rule author can fix it in one
read; nothing in a rule file is ever executed (regexes are compiled, templates only filled).
"""
from __future__ import annotations

import re
from pathlib import Path

import regex

from .lazyre import lazy
from . import citations as cit
from .model import CATEGORIES, SEVERITIES, Citation
from .ruleset import _PLACEHOLDER, SETTLED_BY, Example, Rule
from .suggest import did_you_mean
from .yamlio import Loaded

KINDS = ("term", "fact", "meta")
BACKING = ("names", "certifications", "certified", "grade", "approved_claims", "after_sales", "sales")
PRODUCT_CATEGORIES = ("food", "health_food", "cosmetic", "special_cosmetic", "apparel",
                      "medical_device", "drug", "other", "unknown")
ROLES = ("host", "co-host", "vibe-group", "floor", "guest", "unknown")
TEMPLATE_FIELDS = ("match", "said", "expected", "field", "product", "sku", "unit", "detail",
                   "speaker", "role", "category")
_ID = re.compile(r"^[A-Z]{1,5}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# YAML folding joins lines with a space, which Chinese prose must not have.
_FOLD_SPACE = lazy(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_TOP = ("id", "name", "kind", "category", "severity", "summary", "why", "message", "citations",
        "match", "exceptions", "suggestion", "fix", "examples", "applies_to", "backed_by",
        "check", "params", "without_manifest")


class _Reader:
    def __init__(self, loaded: Loaded):
        self.l = loaded
        self.d = loaded.data

    def fail(self, key, msg):
        raise self.l.error(key if isinstance(key, tuple) else (key,), msg)

    def text(self, key, required=True) -> str | None:
        value = self.d.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "required")
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail(key, "expected text")
        return _FOLD_SPACE.sub("", str(value).strip())

    def strings(self, key: tuple, value) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(key, "expected a list")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, (str, int, float)) or isinstance(item, bool) or str(item) == "":
                self.fail(key + (i,), "expected non-empty text")
            out.append(str(item))
        return tuple(out)

    def mapping(self, key: str, known: tuple) -> dict:
        value = self.d.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(key, "expected a mapping")
        for k in value:
            if k not in known:
                self.fail((key, k), "unknown key" + did_you_mean(k, known))
        return value

    def choice(self, key, choices, default=None):
        value = self.d.get(key, default)
        if value not in choices:
            self.fail(key, f"expected one of {', '.join(choices)}, got {value!r}"
                      + did_you_mean(value, choices))
        return value

    def patterns(self, key: tuple, value) -> tuple[str, ...]:
        out = self.strings(key, value)
        for i, pattern in enumerate(out):
            try:
                regex.compile(pattern)
            except (regex.error, OverflowError, RecursionError) as exc:
                self.fail(key + (i,), f"invalid regex: {exc}")
        return out

    def examples(self, key: str) -> tuple[Example, ...]:
        ex = self.mapping("examples", ("bad", "good")).get(key)
        if ex is None:
            return ()
        if not isinstance(ex, list):
            self.fail(("examples", key), "expected a list")
        out = []
        for i, item in enumerate(ex):
            where = ("examples", key, i)
            line = self.l.line(where)
            if isinstance(item, str) and item:
                out.append(Example(item, None, line))
            elif isinstance(item, dict):
                for k in item:
                    if k not in ("text", "manifest"):
                        self.fail(where + (k,), "unknown key" + did_you_mean(k, ("text", "manifest")))
                if not isinstance(item.get("text"), str) or not item["text"]:
                    self.fail(where + ("text",), "required")
                manifest = item.get("manifest")
                if manifest is not None and not isinstance(manifest, dict):
                    self.fail(where + ("manifest",), "expected a mapping")
                out.append(Example(item["text"], manifest, line))
            else:
                self.fail(where, "expected text or {text, manifest}")
        return tuple(out)


def _citations(r: _Reader, laws: dict) -> tuple[Citation, ...]:
    raw = r.d.get("citations")
    if not isinstance(raw, list) or not raw:
        r.fail("citations", "required: a list of {law, article, paragraph, item}")
    out = []
    for i, c in enumerate(raw):
        key = ("citations", i)
        if not isinstance(c, dict):
            r.fail(key, "expected a mapping")
        for k in c:
            if k not in ("law", "article", "paragraph", "item"):
                r.fail(key + (k,), "unknown key" + did_you_mean(k, ("law", "article", "paragraph", "item")))
        if not isinstance(c.get("law"), str) or c["law"] not in laws:
            r.fail(key + ("law",), f"unknown law {c.get('law')!r}" + did_you_mean(c.get("law"), laws))
        for k in ("article", "paragraph", "item"):
            if c.get(k) is not None and (not isinstance(c[k], int) or isinstance(c[k], bool) or c[k] < 1):
                r.fail(key + (k,), "expected a positive whole number")
        out.append(cit.render(Citation(c["law"], c.get("article"), c.get("paragraph"), c.get("item")), laws))
    return tuple(out)


def parse_rule(loaded: Loaded, laws: dict) -> Rule:
    from .facts import CHECKS  # fact checks are code; their names are the contract

    r = _Reader(loaded)
    if not isinstance(r.d, dict):
        raise loaded.error((), "a rule file must be a mapping")
    for k in r.d:
        if k not in _TOP:
            r.fail(k, "unknown key" + did_you_mean(k, _TOP))
    rule_id = r.text("id")
    if not _ID.match(rule_id):
        r.fail("id", f"expected letters then digits, like AD001, got {rule_id!r}")
    name = r.text("name")
    if not _NAME.match(name):
        r.fail("name", f"expected a kebab-case name, got {name!r}")
    stem = Path(loaded.path).stem
    if stem != f"{rule_id}-{name}":
        r.fail("id", f'file must be named "{rule_id}-{name}.yaml"')
    kind = r.choice("kind", KINDS)
    message = r.text("message")
    for placeholder in _PLACEHOLDER.findall(message):
        if placeholder not in TEMPLATE_FIELDS:
            r.fail("message", f"unknown placeholder {{{placeholder}}}"
                   + did_you_mean(placeholder, TEMPLATE_FIELDS))
    for placeholder in _PLACEHOLDER.findall(r.text("suggestion", required=False) or ""):
        if placeholder not in TEMPLATE_FIELDS:
            r.fail("suggestion", f"unknown placeholder {{{placeholder}}}"
                   + did_you_mean(placeholder, TEMPLATE_FIELDS))
    match = r.mapping("match", ("terms", "regex"))
    exceptions = r.mapping("exceptions", ("phrases", "regex"))
    fix = r.mapping("fix", ("replace", "safety"))
    applies = r.mapping("applies_to", ("categories", "roles"))
    replace = fix.get("replace") or {}
    if not isinstance(replace, dict):
        r.fail(("fix", "replace"), "expected a mapping of term: replacement")
    params = r.d.get("params") or {}
    if not isinstance(params, dict):
        r.fail("params", "expected a mapping")
    rule = Rule(
        id=rule_id, name=name, kind=kind,
        category=r.choice("category", CATEGORIES),
        severity=r.choice("severity", SEVERITIES),
        summary=r.text("summary"), why=r.text("why"), message=message,
        citations=_citations(r, laws), path=loaded.path,
        terms=r.strings(("match", "terms"), match.get("terms")),
        patterns=r.patterns(("match", "regex"), match.get("regex")),
        exception_phrases=r.strings(("exceptions", "phrases"), exceptions.get("phrases")),
        exception_patterns=r.patterns(("exceptions", "regex"), exceptions.get("regex")),
        suggestion=r.text("suggestion", required=False),
        replace=tuple((str(k), str(v)) for k, v in replace.items()),
        fix_safety=fix.get("safety", "unsafe"),
        bad=r.examples("bad"), good=r.examples("good"),
        categories=r.strings(("applies_to", "categories"), applies.get("categories")),
        roles=r.strings(("applies_to", "roles"), applies.get("roles")),
        backed_by=r.strings(("backed_by",), r.d.get("backed_by")),
        without_manifest=r.choice("without_manifest", ("report", "unverifiable"), "report"),
        check=r.text("check", required=False),
        params=tuple(sorted(params.items(), key=lambda kv: str(kv[0]))),
    )
    _check_semantics(r, rule, CHECKS)
    return rule


def _check_semantics(r: _Reader, rule: Rule, checks: dict) -> None:
    if rule.fix_safety not in ("safe", "unsafe"):
        r.fail(("fix", "safety"), "expected safe or unsafe")
    for i, c in enumerate(rule.categories):
        if c not in PRODUCT_CATEGORIES:
            r.fail(("applies_to", "categories", i), f"unknown product category {c!r}"
                   + did_you_mean(c, PRODUCT_CATEGORIES))
    for i, role in enumerate(rule.roles):
        if role not in ROLES:
            r.fail(("applies_to", "roles", i), f"unknown role {role!r}" + did_you_mean(role, ROLES))
    for i, b in enumerate(rule.backed_by):
        if b not in BACKING:
            r.fail(("backed_by", i), f"unknown manifest fact {b!r}" + did_you_mean(b, BACKING))
    if rule.without_manifest == "unverifiable" and not any(b in SETTLED_BY for b in rule.backed_by):
        r.fail("without_manifest", "unverifiable needs a backed_by fact that a manifest field settles: "
               + ", ".join(SETTLED_BY))
    if rule.kind == "term":
        if not rule.terms and not rule.patterns:
            r.fail("match", "a term rule needs match.terms or match.regex")
        if len(rule.bad) < 1 or len(rule.good) < 1:
            r.fail("examples", "a term rule needs bad and good examples")
    if rule.kind == "fact":
        if rule.check not in checks:
            r.fail("check", f"unknown fact check {rule.check!r}" + did_you_mean(rule.check, checks))
        if not rule.bad or not rule.good:
            r.fail("examples", "a fact rule needs bad and good examples")
        problem = checks[rule.check].validate(rule.param)
        if problem:
            r.fail("params", problem)
    elif rule.check:
        r.fail("check", "only fact rules take a check")
