"""The pipeline for one document: normalise → segment → match terms and check facts → suppress.

``Linter`` compiles the rule set once (one automaton for every term rule, manifest phrases
included) and is then applied to any number of documents.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import backing, citations, correction, suppress
from .joined import Joined
from .manifest import Manifest
from .matchers import TermMatcher
from .model import Block, Document, Fix, Segment, Violation
from .normalize import normalize
from .ruleset import SETTLED_BY, Rule, RuleSet
from .segment import Cast, segment
from .source import SourceLine, source_lines
from .squeeze import reconcile, squeeze


@dataclass(frozen=True)
class Finding:
    """A rule hit before it is located and worded: block offsets plus template values."""

    rule: Rule
    block: Block
    start: int
    end: int
    segment: Segment | None = None
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FileReport:
    path: str
    format: str
    encoding: str
    segments: int
    violations: tuple[Violation, ...] = field(default=())
    lines: tuple[SourceLine, ...] | None = field(default=None, compare=False)  # keep_source only

    def as_dict(self) -> dict:
        return {"path": self.path, "format": self.format, "encoding": self.encoding,
                "segments": self.segments}


def _norms(blocks) -> list[str]:
    """Matching view of every block, converted in one call; masked spans blanked."""
    joined = Joined.of([b.text for b in blocks])
    view = normalize(joined.text)  # length-preserving, so the texts keep their starts
    out = []
    for b, start in zip(blocks, joined.starts):
        norm = view[start:start + len(b.text)]
        out.append(_blank(norm, b.masks) if b.masks else norm)
    return out


def _blank(text: str, masks) -> str:
    """``text`` with masked spans replaced by spaces, built in one pass (same length)."""
    out, pos = [], 0
    for start, end in sorted(masks):
        start, end = max(start, pos), min(end, len(text))
        if end > start:
            out += (text[pos:start], " " * (end - start))
            pos = end
    out.append(text[pos:])
    return "".join(out)


class Linter:
    def __init__(self, ruleset: RuleSet, manifest: Manifest | None = None, cast: Cast | None = None,
                 keep_source: bool = False):
        self.ruleset = ruleset
        self.keep_source = keep_source  # FileReport.lines, for reports that show the script
        self.manifest = manifest
        self.cast = cast or Cast.from_manifest(manifest)
        self.term_rules = tuple(r for r in ruleset.rules if r.kind == "term")
        self.fact_rules = tuple(r for r in ruleset.rules if r.kind == "fact")
        self._meta_unverifiable = ruleset.by_name("unverifiable-claim")
        self.matcher = TermMatcher(self.term_rules,
                                   backing.exception_phrases(self.term_rules, manifest))
        on = manifest.session.start.date() if manifest and manifest.session.start else None
        self._citations = {r.id: citations.in_force(r.citations, ruleset.laws, on)
                           for r in ruleset.rules}
        self._fix_tables: dict[str, dict[str, str]] = {}

    # -- stages ----------------------------------------------------------------------------

    def _terms(self, segments: list[Segment]) -> list[Finding]:
        if not segments:
            return []
        joined = Joined.of([s.norm[s.start:s.end] for s in segments])
        hits, timeouts = self.matcher.scan(joined.text)
        view = squeeze(joined.text)  # "最 好", "全.网.最.低": the same matcher over separators removed
        if view is not None:
            hits = reconcile(hits, self.matcher.scan(view.text)[0], view)
        out = []
        for hit in hits:
            index = joined.index(hit.start)
            seg = segments[index]
            start = seg.start + hit.start - joined.starts[index]
            end = start + hit.end - hit.start
            rule = self.term_rules[hit.rule]
            if self._applies(rule, seg, start, end):
                out.append(self._unverifiable(rule, seg, start, end)
                           or Finding(rule, seg.block, start, end, seg))
        meta = self.ruleset.by_name("regex-timeout")
        for t in timeouts:
            if meta:
                out.append(Finding(meta, segments[0].block, 0, 0, None,
                                   (("detail", self.term_rules[t.rule].id),)))
        return out

    def _unverifiable(self, rule: Rule, seg: Segment, start: int, end: int) -> Finding | None:
        """With no manifest, a hit only a manifest fact could clear is an ML004 warning."""
        meta = self._meta_unverifiable
        if self.manifest is not None or rule.without_manifest != "unverifiable" or meta is None:
            return None
        field = next(SETTLED_BY[b] for b in rule.backed_by if b in SETTLED_BY)
        return Finding(meta, seg.block, start, end, seg,
                       (("field", field), ("detail", f"（{rule.id} {rule.name}）")))

    def _applies(self, rule: Rule, seg: Segment, start: int, end: int) -> bool:
        product = self.manifest.product(seg.product) if self.manifest else None
        if rule.categories:
            category = (product.category if product and product.category else "unknown")
            if category not in rule.categories:
                return False
        if rule.roles:
            role = seg.speaker.role if seg.speaker and seg.speaker.role else "unknown"
            if role not in rule.roles:
                return False
        return not backing.backed(rule, seg.norm, start, end, product, self.manifest)

    def _facts(self, segments: list[Segment]) -> list[Finding]:
        if not self.fact_rules:
            return []
        from .factstage import evaluate  # claims extraction is only paid for by fact rules
        return evaluate(self.fact_rules, segments, self.manifest, self.ruleset)

    # -- assembly ----------------------------------------------------------------------------

    def _violation(self, doc: Document, f: Finding) -> Violation:
        block = f.block
        line, column = block.position(f.start)
        end_line, end_column = block.position(f.end)
        match = block.text[f.start:f.end]
        seg = f.segment
        values = {"match": match, **dict(f.values)}
        if seg is not None:
            values.setdefault("speaker", seg.speaker.label if seg.speaker else "")
            values.setdefault("product", seg.product or "")
        rule = f.rule
        fix = None
        if rule.replace and seg is not None:
            replacement = self._replacements(rule).get(seg.norm[f.start:f.end])
            if replacement is not None:
                fix = Fix(f.start, f.end, replacement, rule.fix_safety)
        first_line = block.line_text(line)
        return Violation(
            path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
            rule=rule.id, name=rule.name, category=rule.category,
            severity=rule.severity,
            message=rule.render(**values), match=match,
            speaker=seg.speaker.label if seg and seg.speaker else None,
            product=seg.product if seg else None,
            citations=self._citations[rule.id],
            suggestion=rule.suggestion and rule.render_text(rule.suggestion, **values),
            fix=fix, cell=block.cell, source_line=first_line,
            source_column=block.column if line == block.line else 1,
        )

    def _replacements(self, rule: Rule) -> dict[str, str]:
        """Normalised term → replacement, first entry winning; built once per rule."""
        table = self._fix_tables.get(rule.id)
        if table is None:
            table = {}
            for term, replacement in rule.replace:
                table.setdefault(normalize(term), replacement)
            self._fix_tables[rule.id] = table
        return table

    def check(self, doc: Document) -> FileReport:
        blocks = list(doc.blocks)
        norms = _norms(blocks)
        segments = list(segment(blocks, norms, self.manifest, self.cast))
        findings = self._terms(segments) + self._facts(segments)
        violations = [self._violation(doc, f) for f in findings]
        violations = correction.annotate(violations, segments, self.ruleset.laws)
        found = suppress.directives(blocks)
        violations, unused = suppress.apply(violations, found)
        violations += self._directive_findings(doc, found, unused)
        violations.sort(key=lambda v: v.sort_key)
        lines = source_lines(blocks) if self.keep_source else None
        return FileReport(doc.path, doc.format, doc.encoding, len(segments), tuple(violations), lines)

    def _directive_findings(self, doc, found, unused) -> list[Violation]:
        out = []
        unused = set(unused)
        active = {r.id for r in self.ruleset.rules}
        known = active | self.ruleset.deselected
        for d in found:
            problem = None
            if not d.reason:
                problem = "缺少理由（格式：livelint: disable-next-line 规则ID -- 理由）"
            else:
                missing = [r for r in d.rules if not any(k.startswith(r) for k in known)]
                if missing:
                    problem = f"未知规则 {', '.join(missing)}"
            if problem:
                rule = self.ruleset.by_name("invalid-suppression")
            elif d in unused and (not d.rules or any(k.startswith(d.rules) for k in active)):
                # a directive only for rules this run has turned off is not "unused"
                rule = self.ruleset.by_name("unused-suppression")
                problem = ", ".join(d.rules) or "全部规则"
            else:
                continue
            if rule is not None:
                out.append(self._violation(doc, Finding(rule, d.block, 0, len(d.block.text.rstrip()), None,
                                                        (("detail", problem),))))
        return out
