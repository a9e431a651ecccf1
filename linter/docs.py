"""``python -m linter.docs > docs/rules.md``: the rule reference, generated from the rule YAML.

The reference is generated, never hand-edited, so it cannot drift from the rules; the test suite
fails when the committed docs/rules.md differs from what this module prints.
"""
from __future__ import annotations

import sys

from .model import CATEGORIES
from .ruleset import Rule, RuleSet, load_ruleset

_KIND = {"term": "用语", "fact": "事实核对", "meta": "工具自检"}
_FACTS = {"names": "商品名称/别名", "certifications": "证书名称", "grade": "等级规格",
          "approved_claims": "已注册功效", "after_sales": "售后条款", "sales": "销量及来源"}


_LABELS = {"category": "类别", "stock": "库存", "per_order_limit": "每单限购", "price": "价格",
           "live": "直播价", "list": "划线价", "lowest_7d": "近7日最低", "promo": "活动",
           "start": "开始", "end": "结束", "after_price": "活动后价", "specs": "规格",
           "certifications": "证书", "approved_claims": "已注册功效", "sales": "销量",
           "count": "数量", "source": "来源", "after_sales": "售后", "gifts": "赠品",
           "aliases": "别名", "qty": "数量", "name": "名称", "session": "场次", "title": "标题",
           "speakers": "说话人", "role": "角色"}


# Placeholders shown in documentation, where no finding fills them.
PLACEHOLDERS = {"match": "〈命中用语〉", "said": "〈口播数值〉", "expected": "〈清单数值〉",
                "field": "〈清单字段〉", "product": "〈商品〉", "unit": "〈单位〉", "detail": ""}


def _facts(value) -> str:
    """A manifest value as a compact Chinese phrase: {live: 199} → 直播价 199."""
    if isinstance(value, dict):
        return "，".join(f"{_LABELS.get(k, k)} {_facts(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(_facts(v) for v in value)
    return str(value)


def example_context(example) -> str:
    """Every fact an example's inline manifest declares, so bad and good examples read apart."""
    if not example.manifest:
        return ""
    parts = []
    for key, value in example.manifest.items():
        if key == "products":
            for p in value or ():
                if isinstance(p, dict):
                    facts = {k: v for k, v in p.items() if k not in ("sku", "name")}
                    parts.append(f"{p.get('name', '')}（{_facts(facts)}）" if facts else str(p.get("name", "")))
        elif key != "version":
            parts.append(f"{_LABELS.get(key, key)}：{_facts(value)}")
    return "（清单：" + "；".join(parts) + "）" if parts else "（附清单）"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rule(rule: Rule) -> list[str]:
    out = [f"### {rule.id} {rule.name}", "",
           f"- 类别：`{rule.category}`；级别：`{rule.severity}`；类型：{_KIND[rule.kind]}",
           f"- 检查内容：{rule.summary}"]
    if rule.categories:
        out.append("- 适用商品类别：" + "、".join(f"`{c}`" for c in rule.categories))
    if rule.roles:
        out.append("- 适用说话人：" + "、".join(f"`{r}`" for r in rule.roles))
    if rule.backed_by:
        out.append("- 清单依据（命中时可使其合法）：" + "、".join(_FACTS.get(b, b) for b in rule.backed_by))
    if rule.check:
        out.append(f"- 核对方式：`{rule.check}`")
    out.append("- 法律依据：" + "；".join(c.text for c in rule.citations))
    out += ["", rule.why, ""]
    if rule.suggestion:
        out += [f"建议改写：{rule.render_text(rule.suggestion, **PLACEHOLDERS)}", ""]
    if rule.bad or rule.good:
        out += ["| 例子 | 判定 |", "| --- | --- |"]
        out += [f"| {_cell(ex.text + example_context(ex))} | ✗ 违规 |" for ex in rule.bad]
        out += [f"| {_cell(ex.text + example_context(ex))} | ✓ 不报告 |" for ex in rule.good]
        out.append("")
    return out


def _corrections(ruleset: RuleSet) -> list[str]:
    """The on-the-spot correction vocabulary (rulesets/corrections.yaml), which is not a rule."""
    from . import citations, correction

    vocab = correction.builtin()
    if vocab is None:
        return []
    cite = citations.render(vocab.citation, ruleset.laws).text
    return ["## 现场纠正（从轻情节）", "",
            f"后面的话术明确纠正前面的说法时（{cite}），前面那一行的问题仍然报告、级别不变，"
            f"消息末尾注明纠正所在行；纠正句中复述的原话标记为已抑制并注明理由。"
            f"向前最多查找 {vocab.window} 行。词表见 `rulesets/corrections.yaml`。", "",
            "纠正用语：" + "、".join(vocab.phrases), ""]


def render(ruleset: RuleSet) -> str:
    """The whole reference as Markdown: an index table, then one section per category."""
    lines = ["# livelint 规则参考", "",
             "<!-- 本文件由 `python -m linter.docs > docs/rules.md` 生成，请勿手工编辑。 -->", "",
             f"共 {len(ruleset.rules)} 条规则。`livelint explain 规则ID` 在终端显示同样的内容。", "",
             "| ID | 名称 | 类别 | 级别 | 说明 |", "| --- | --- | --- | --- | --- |"]
    for r in ruleset.rules:
        lines.append(f"| [{r.id}](#{r.id.lower()}-{r.name}) | {r.name} | {r.category} | {r.severity} "
                     f"| {_cell(r.summary)} |")
    lines.append("")
    for category in CATEGORIES:
        rules = [r for r in ruleset.rules if r.category == category]
        if not rules:
            continue
        lines += [f"## {category}", ""]
        for rule in rules:
            lines += _rule(rule)
    lines += _corrections(ruleset)
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> None:
    sys.stdout.write(render(load_ruleset()))


if __name__ == "__main__":
    main()
