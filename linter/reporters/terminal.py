"""Terminal report: grouped by file, the source line with the match underlined, the law."""
from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..model import CATEGORIES
from ..report import Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


_PER_PRINT = 128  # findings per rich Text
_CONTEXT = 80  # characters shown either side of a match on a long line (ASR transcripts)


def _excerpt(line: str, col: int, length: int) -> tuple[str, str, int]:
    """(ellipsis, the part of ``line`` to show, match column in it): a window around the
    match, so a report on a one-line transcript does not print the whole line per finding."""
    if len(line) <= 2 * _CONTEXT + length:
        return "", line, col
    start, end = max(0, col - _CONTEXT), min(len(line), col + length + _CONTEXT)
    return ("…" if start else ""), line[start:end] + ("…" if end < len(line) else ""), col - start


def _finding(out: Text, v) -> None:
    where = f"{v.path}:{v.line}:{v.column}"
    if v.cell:
        where += f" ({v.cell})"
    out.append(where, style="bold")
    out.append("  ")
    out.append(f"{_LABEL[v.severity]} {v.severity}", style=_STYLE[v.severity])
    out.append(f"  {v.rule} {v.name}", style="magenta")
    if v.suppressed:
        out.append("  [已抑制]", style="dim")
    out.append("\n")
    if v.source_line:
        # source_column: where source_line starts (later lines of a table cell, soft breaks)
        head, shown, col = _excerpt(v.source_line, max(0, v.column - v.source_column), len(v.match))
        out.append("    " + (head + shown).expandtabs(4) + "\n")
        width = max(1, cell_len(v.match.split("\n")[0])) if v.match else 1
        pad = cell_len((head + shown[:col]).expandtabs(4))
        out.append("    " + " " * pad + "^" * width + "\n", style=_STYLE[v.severity])
    out.append(f"    {v.message}\n")
    if v.speaker or v.product:
        who = "，".join(x for x in (v.speaker and f"说话人 {v.speaker}",
                                    v.product and f"商品 {v.product}") if x)
        out.append(f"    {who}\n", style="dim")
    if v.citations:
        out.append("    依据：" + "；".join(c.text for c in v.citations) + "\n", style="dim")
    if v.suggestion:
        out.append("    建议：" + v.suggestion + "\n", style="green")
    if v.suppressed and v.justification:
        out.append("    抑制理由：" + v.justification + "\n", style="dim")
    out.append("\n")


def render(report: Report, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=200,
                      highlight=False, soft_wrap=True)
    for f in report.files:
        shown = [v for v in f.violations if not v.baselined]  # known debt stays out of sight
        if not shown:
            continue
        # Printed a few findings at a time: rich splits a Text into lines in time that grows
        # with its spans times its lines (one Text for a 3,000-finding report took a second),
        # while each print has its own cost.
        text = Text()
        text.append(f.path + "\n", style="bold underline")
        for k, v in enumerate(shown, start=1):
            _finding(text, v)
            if k % _PER_PRINT == 0:
                console.print(text, end="")
                text = Text()
        console.print(text, end="")
    text = Text()
    summary = report.summary()
    if summary["violations"]:
        text.append("按类别统计：\n", style="bold")
        for category in CATEGORIES:
            count = summary["by_category"].get(category)
            if count:
                text.append(f"  {category:<24} {count}\n")
        sev = "，".join(f"{_LABEL[k]} {n}" for k, n in summary["by_severity"].items())
        text.append(f"共 {summary['violations']} 个问题（{sev}），检查了 {summary['files']} 个文件",
                    style="bold")
    else:
        text.append(f"未发现问题，检查了 {summary['files']} 个文件", style="bold green")
    if summary["suppressed"]:
        text.append(f"，{summary['suppressed']} 个已抑制")
    if summary.get("baselined"):
        text.append(f"，{summary['baselined']} 个已在基线中（baseline）")
    if "fixed" in summary:
        text.append(f"，已修复 {summary['fixed']} 处（fixed）")
    if "fixable" in summary:
        text.append(f"，可修复 {summary['fixable']} 处（fixable，见 diff）")
    text.append("\n")
    console.print(text, end="")
    return buffer.getvalue()
