"""Fact rules against the manifest: claims → checks → findings (violations or meta warnings).

Imported by the engine only when a ``kind: fact`` rule is active, so term-only runs never pay
for claim extraction. Each claim is decided at most once per rule; a claim no manifest fact can
decide becomes one ML004 warning naming the field that would settle it, a claim on a line that
names several products one ML005 warning, and one with no product in view one ML006 warning.
"""
from __future__ import annotations

from .claims import Claim, extract_sparse
from .engine import Finding
from .facts import CHECKS, Check, Outcome
from .manifest import Manifest
from .model import Segment
from .ruleset import Rule, RuleSet


def _values(outcome: Outcome, product, claim) -> tuple[tuple[str, str], ...]:
    values = (("said", outcome.said), ("expected", outcome.expected), ("field", outcome.field),
              ("detail", outcome.detail), ("unit", claim.unit if claim else ""))
    if product is None:
        return values
    return values + (("product", product.name), ("sku", product.sku))


def evaluate(rules: tuple[Rule, ...], segments: list[Segment], manifest: Manifest | None,
             ruleset: RuleSet) -> list[Finding]:
    by_kind: dict[str, list[tuple[Rule, Check]]] = {}
    for rule in rules:
        check = CHECKS[rule.check]
        for kind in check.claims:
            by_kind.setdefault(kind, []).append((rule, check))
    meta = {name: ruleset.by_name(name)
            for name in ("unverifiable-claim", "ambiguous-product", "unknown-product")}
    out: list[Finding] = _document(rules, segments, manifest)
    for index, claims in extract(segments).items():
        out.extend(_segment(segments[index], claims, by_kind, manifest, meta))
    return out


class _Starts:
    """Segment start offsets, read only for the segments that make claims."""

    def __init__(self, segments: list[Segment]):
        self.segments = segments

    def __getitem__(self, index: int) -> int:
        return self.segments[index].start


def _document(rules, segments, manifest) -> list[Finding]:
    """Duties of the whole script (a required statement), each reported on the segment the
    check names; only decidable with a manifest (it says which products need them)."""
    out = []
    for rule in rules:
        check = CHECKS[rule.check]
        if check.scope != "document" or manifest is None:
            continue
        for seg, outcome in check.run(rule, segments, manifest):
            values = _values(outcome, manifest.product(seg.product), None)
            out.append(Finding(rule, seg.block, seg.start, seg.end, seg, values))
    return out


def extract(segments: list[Segment]) -> dict[int, list[Claim]]:
    """Claims by segment index, from one scan, with block offsets; segments that claim nothing
    (most of a script) are left out."""
    return extract_sparse([s.norm[s.start:s.end] for s in segments], _Starts(segments))


def _segment(seg, claims, by_kind, manifest, meta) -> list[Finding]:
    out: list[Finding] = []
    noted: set = set()  # (claim span, meta rule, field): one warning per claim and cause

    def note(rule_name: str, claim, values, field: str | None = None) -> None:
        rule = meta[rule_name]
        mark = (claim.start, claim.end, rule_name, field)
        if rule is not None and mark not in noted:
            noted.add(mark)
            out.append(Finding(rule, seg.block, claim.start, claim.end, seg, values))

    product = manifest.product(seg.product) if manifest is not None else None
    for claim in claims:
        for rule, check in by_kind.get(claim.kind, ()):
            if check.needs_product and manifest is not None and product is None:
                if seg.ambiguous:
                    note("ambiguous-product", claim, (("detail", "、".join(seg.ambiguous)),))
                else:
                    note("unknown-product", claim, (("detail", seg.product or ""),))
                continue
            outcome = check.run(rule, claim, product, manifest, seg)
            if outcome is None:
                continue
            values = _values(outcome, product, claim)
            if outcome.verdict == "violation":
                out.append(Finding(rule, seg.block, claim.start, claim.end, seg, values))
            else:
                note("unverifiable-claim", claim, values, outcome.field)
    return out
