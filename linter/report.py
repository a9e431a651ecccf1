"""The whole run's result, as every reporter receives it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .engine import FileReport
from .model import SEVERITY_RANK, Violation
from .ruleset import RuleSet


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]
    ruleset: RuleSet
    version: str
    fixes: tuple | None = None  # fix.FileFix per changed file when --fix/--diff ran

    @property
    def violations(self) -> list[Violation]:
        return [v for f in self.files for v in f.violations]

    def active(self) -> list[Violation]:
        """Findings that count: neither suppressed in the script nor known in a baseline."""
        return [v for v in self.violations if not v.suppressed and not v.baselined]

    def summary(self) -> dict:
        active = self.active()
        return {
            "files": len(self.files),
            "violations": len(active),
            "suppressed": sum(1 for v in self.violations if v.suppressed),
            **self._workflow_counts(),
            "by_severity": dict(sorted(Counter(v.severity for v in active).items(),
                                       key=lambda kv: -SEVERITY_RANK[kv[0]])),
            "by_category": dict(sorted(Counter(v.category for v in active).items())),
        }

    def _workflow_counts(self) -> dict:
        """Extra summary keys, present only when a baseline or --fix was in play."""
        out = {}
        baselined = sum(1 for v in self.violations if v.baselined and not v.suppressed)
        if baselined:
            out["baselined"] = baselined
        if self.fixes is not None:  # "fixable" when --diff only previewed the edits
            key = "fixed" if all(f.written for f in self.fixes) else "fixable"
            out[key] = sum(f.applied for f in self.fixes)
        return out

    def failed(self, fail_on: str) -> bool:
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[v.severity] >= threshold for v in self.active())
