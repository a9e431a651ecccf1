"""Running a rule's own examples: every ``bad`` must be flagged by it, no ``good`` may be.

Used by the test suite for the built-in rules and by ``livelint test-rules`` for house rules.
Examples run through the real pipeline (reader → engine) with the rule alone selected, under
the example's inline manifest if it has one.
"""
from __future__ import annotations

from dataclasses import dataclass

from .engine import Linter
from .manifest import parse
from .model import LivelintError
from .readers import text as text_reader
from .ruleset import Rule, RuleSet
from .yamlio import Loaded


@dataclass(frozen=True)
class Failure:
    rule: str
    path: str
    line: int | None
    kind: str  # bad | good
    text: str
    found: tuple[str, ...]  # matches the rule reported

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.kind == "bad":
            return f"{where}: {self.rule} 反例未被检出：{self.text}"
        return f"{where}: {self.rule} 正例被误报（{'、'.join(self.found)}）：{self.text}"


def _findings(linter: Linter, rule: Rule, text: str) -> list:
    doc = text_reader.read(f"<{rule.id} example>", text.encode("utf-8"))
    return [v for v in linter.check(doc).violations if v.rule == rule.id]


def run_examples(ruleset: RuleSet, rule: Rule) -> list[Failure]:
    only = RuleSet(tuple(r for r in ruleset.rules if r.id == rule.id or r.kind == "meta"), ruleset.laws)
    plain = Linter(only)
    failures = []
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        for ex in examples:
            if ex.manifest is not None:
                try:
                    manifest = parse(Loaded(ex.manifest, {}, f"{rule.path} example manifest"))
                except LivelintError as exc:
                    raise LivelintError(f"example manifest: {exc.message}", rule.path, ex.line, exc.key) from None
                linter = Linter(only, manifest)
            else:
                linter = plain
            found = _findings(linter, rule, ex.text)
            if (kind == "bad") != bool(found):
                failures.append(Failure(rule.id, rule.path, ex.line, kind, ex.text,
                                        tuple(v.match for v in found)))
    return failures
