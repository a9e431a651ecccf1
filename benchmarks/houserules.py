"""Synthetic house rules: thousands of plausible efficacy and hype terms in rule files.

Agencies keep long house lists of banned wording. These terms are combinations of a hype
prefix, an efficacy or product word and an optional suffix (速效美白精华, 根治脱发秘方 …), so the
automaton sees realistic Chinese n-grams with shared prefixes, not random characters.
"""
from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

PREFIX = ("速效", "根治", "特效", "神奇", "纯天然", "零添加", "无副作用", "秒变", "立刻", "永不",
          "彻底", "一次性", "三天", "七天", "一周", "快速", "强效", "高效", "超强", "极速",
          "瞬间", "当天", "终身", "百分百", "纯植物", "祖传", "宫廷", "独门", "进口", "日本",
          "德国", "法国", "韩国", "瑞士", "医用", "药用", "军工", "航天", "纳米", "量子")
CORE = ("美白", "祛斑", "瘦身", "增高", "降糖", "降压", "生发", "抗衰", "去皱", "排毒",
        "养胃", "护肝", "补肾", "助眠", "明目", "祛痘", "丰胸", "减肥", "防脱", "修复",
        "抗癌", "消炎", "止痛", "治愈", "除螨", "杀菌", "抗菌", "保湿", "控油", "嫩肤",
        "提亮", "紧致", "淡纹", "去黄", "增肌", "燃脂", "通便", "润肺", "壮骨", "益智")
SUFFIX = ("", "神器", "配方", "专利", "秘方", "疗效", "奇迹", "黑科技", "精华", "仪器",
          "胶囊", "口服液", "面膜", "茶", "贴", "霜", "液", "粉", "丸", "套装")


def terms(count: int, seed: int = 3000) -> list[str]:
    """``count`` distinct terms (up to 32,000), the same for the same seed."""
    pool = ["".join(parts) for parts in itertools.product(PREFIX, CORE, SUFFIX)]
    if count > len(pool):
        raise ValueError(f"at most {len(pool)} synthetic terms")
    random.Random(seed).shuffle(pool)
    return pool[:count]


def _rule(number: int, chunk: list[str]) -> str:
    q = json.dumps  # a JSON string is a valid YAML scalar, whatever the term contains
    return "\n".join([
        f"id: HR{number:03d}",
        f"name: house-terms-{number:03d}",
        "kind: term",
        "category: efficacy-claim",
        "severity: warning",
        f"summary: {q('机构内部禁用的夸大功效用语（第 %d 组）' % number, ensure_ascii=False)}",
        f"why: {q('机构内部清单：夸大或医疗化的功效宣传，播前须改写。', ensure_ascii=False)}",
        f"message: {q('内部禁用语「{match}」：请改用已备案的功效表述', ensure_ascii=False)}",
        "citations: [{law: ad-law, article: 4}]",
        "match:",
        f"  terms: [{', '.join(q(t, ensure_ascii=False) for t in chunk)}]",
        "examples:",
        f"  bad: [{q('主播：这款是' + chunk[0] + '，姐妹们冲', ensure_ascii=False)}]",
        f"  good: [{q('主播：这款面霜质地清爽，适合日常使用', ensure_ascii=False)}]",
    ]) + "\n"


def write(directory: Path, count: int, per_file: int = 1000) -> list[str]:
    """Write ``count`` terms as rule files of ``per_file`` terms; returns the terms."""
    directory.mkdir(parents=True, exist_ok=True)
    chosen = terms(count)
    for number, i in enumerate(range(0, count, per_file), start=1):
        chunk = chosen[i:i + per_file]
        (directory / f"HR{number:03d}-house-terms-{number:03d}.yaml").write_text(_rule(number, chunk), "utf-8")
    return chosen
