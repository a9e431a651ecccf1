"""Rules as frozen data, and loading them from the built-in and house-rule folders.

A rule is data. Python knows only the *kinds* (term, fact, meta); each rule file names its
vocabulary, exceptions, citations, message and examples. Validating one file is rulefile.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import citations as cit
from .model import Citation, LivelintError
from .yamlio import load

# The manifest field that would settle a hit, per backing fact (for unverifiable warnings).
SETTLED_BY = {"certified": "products[].certifications", "certifications": "products[].certifications",
              "sales": "products[].sales.source", "grade": "products[].specs.等级",
              "approved_claims": "products[].approved_claims", "after_sales": "products[].after_sales"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
DATA_FILES = ("laws.yaml", "corrections.yaml")  # data beside the rules, not rule files


@dataclass(frozen=True)
class Example:
    text: str
    manifest: dict | None = None  # inline manifest, parsed by the example runner
    line: int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    category: str
    severity: str
    summary: str
    why: str
    message: str
    citations: tuple[Citation, ...]
    path: str
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exception_phrases: tuple[str, ...] = ()
    exception_patterns: tuple[str, ...] = ()
    suggestion: str | None = None
    replace: tuple[tuple[str, str], ...] = ()
    fix_safety: str = "unsafe"
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    categories: tuple[str, ...] = ()  # product categories the rule applies to; () = all
    roles: tuple[str, ...] = ()  # speaker roles the rule applies to; () = all
    backed_by: tuple[str, ...] = ()  # manifest facts that make a hit lawful
    # With no manifest at all, "unverifiable" turns a hit into an ML004 warning naming the
    # field that would settle it (DESIGN §3.4), instead of a finding of this rule.
    without_manifest: str = "report"
    check: str | None = None  # fact rules: name in facts.CHECKS
    params: tuple[tuple[str, object], ...] = ()

    @property
    def param(self) -> dict:
        return dict(self.params)

    def render(self, **values) -> str:
        return self.render_text(self.message, **values)

    @staticmethod
    def render_text(template: str, **values) -> str:
        """Fill ``{name}`` placeholders; no attribute or index access is possible."""
        if "{" not in template:  # most suggestions: nothing to fill
            return template
        parts = _template_parts(template)  # [text, name, text, name, …, text]
        filled = list(parts)
        for i in range(1, len(parts), 2):
            filled[i] = str(values.get(parts[i], ""))
        return "".join(filled)


@lru_cache(maxsize=4096)
def _template_parts(template: str) -> list[str]:
    """A template split at its placeholders once, not re-scanned for each of 50k findings."""
    return _PLACEHOLDER.split(template)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    laws: dict
    deselected: frozenset = frozenset()  # ids loaded but turned off: directives may name them

    def get(self, rule_id: str) -> Rule | None:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    def by_name(self, name: str) -> Rule | None:
        for rule in self.rules:
            if rule.name == name:
                return rule
        return None

    def select(self, select=(), ignore=()) -> "RuleSet":
        """Rules matching ``select`` (all if empty) minus ``ignore``, by id prefix or category.

        Meta rules report on the selected rules (unverifiable claims, suppressions), so
        ``select`` keeps them; ``ignore`` can still turn them off (``--ignore ML004``).
        """
        def matches(rule: Rule, prefixes) -> bool:
            return any(rule.id.startswith(p) or rule.category == p for p in prefixes)

        def chosen(rule: Rule) -> bool:
            if select and rule.kind != "meta" and not matches(rule, select):
                return False
            return not matches(rule, ignore)

        keep = [chosen(r) for r in self.rules]  # one pass: ``r not in kept`` compared rules n² times
        kept = tuple(r for r, k in zip(self.rules, keep) if k)
        dropped = frozenset(r.id for r, k in zip(self.rules, keep) if not k)
        return RuleSet(kept, self.laws, self.deselected | dropped)


@lru_cache(maxsize=1)  # asked once per rule pattern at start-up
def builtin_dir() -> Path:
    """Rulesets ship inside the wheel as linter/rulesets; in a checkout they sit at the top."""
    packaged = Path(__file__).parent / "rulesets"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "rulesets"


def load_laws(directory: Path) -> dict:
    path = directory / "laws.yaml"
    if not path.is_file():
        raise LivelintError("laws.yaml not found", str(directory))
    return cit.parse_laws(load(path))


def rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise LivelintError("rules folder not found", str(directory))
    return sorted(p for p in directory.rglob("*.yaml") if p.name not in DATA_FILES)


def load_ruleset(extra_dirs=(), include_builtin: bool = True) -> RuleSet:
    """Built-in rules plus house-rule folders; ids must be unique across all of them."""
    from .rulefile import parse_rule  # validation imports Rule from here
    base = builtin_dir()
    laws = load_laws(base)
    rules: list[Rule] = []
    dirs = ([base] if include_builtin else []) + [Path(d) for d in extra_dirs]
    seen: dict[str, str] = {}
    for directory in dirs:
        if directory != base and (directory / "laws.yaml").is_file():
            extra = load_laws(directory)
            laws = {**laws, **extra}
        for path in rule_files(directory):
            rule = parse_rule(load(path), laws)
            if rule.id in seen:
                raise LivelintError(f"duplicate rule id {rule.id} (also in {seen[rule.id]})",
                                    str(path), None, "id")
            seen[rule.id] = str(path)
            rules.append(rule)
    rules.sort(key=lambda r: r.id)
    return RuleSet(tuple(rules), laws)
