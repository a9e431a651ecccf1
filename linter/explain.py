"""``livelint explain RULE`` and ``livelint rules``: rule documentation from the YAML."""
from __future__ import annotations

from collections import Counter

from .docs import PLACEHOLDERS, example_context
from .model import CATEGORIES
from .ruleset import Rule, RuleSet

_KIND = {"term": "用语", "fact": "事实核对", "meta": "工具自检"}



def explain(rule: Rule) -> str:
    lines = [f"{rule.id} {rule.name}（{rule.category}，{rule.severity}，{_KIND[rule.kind]}规则）", ""]
    lines += ["检查内容", f"  {rule.summary}", ""]
    lines += ["为何违规", f"  {rule.why}", ""]
    if rule.categories:
        lines += ["适用商品类别", "  " + "、".join(rule.categories), ""]
    if rule.roles:
        lines += ["适用说话人", "  " + "、".join(rule.roles), ""]
    if rule.backed_by:
        lines += ["清单依据（命中时可使其合法）", "  " + "、".join(rule.backed_by), ""]
    if rule.check:
        lines += ["核对方式", f"  {rule.check}" + "".join(f"，{k}={v}" for k, v in rule.params), ""]
    if rule.bad:
        lines += ["反例"] + [f"  ✗ {ex.text}{example_context(ex)}" for ex in rule.bad] + [""]
    if rule.good:
        lines += ["正例"] + [f"  ✓ {ex.text}{example_context(ex)}" for ex in rule.good] + [""]
    if rule.suggestion:
        lines += ["建议改写", f"  {rule.render_text(rule.suggestion, **PLACEHOLDERS)}", ""]
    if rule.replace:
        lines += ["自动修复（" + ("安全" if rule.fix_safety == "safe" else "需人工确认") + "）",
                  "  " + "；".join(f"{a} → {b}" for a, b in rule.replace), ""]
    lines += ["法律依据"] + [f"  {c.text}" for c in rule.citations]
    return "\n".join(lines) + "\n"


def rules_table(ruleset: RuleSet) -> str:
    rows = [f"{'ID':<7} {'名称':<34} {'类别':<24} {'级别':<8} 说明"]
    for r in ruleset.rules:
        rows.append(f"{r.id:<7} {r.name:<34} {r.category:<24} {r.severity:<8} {r.summary}")
    counts = Counter(r.category for r in ruleset.rules)
    rows.append("")
    rows.append("按类别覆盖：" + "，".join(f"{c} {counts[c]}" for c in CATEGORIES if counts[c]))
    missing = [c for c in CATEGORIES if not counts[c]]
    if missing:
        rows.append("尚无规则：" + "，".join(missing))
    return "\n".join(rows) + "\n"
