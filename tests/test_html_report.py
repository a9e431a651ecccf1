"""The HTML report: escaping in the file itself, and the page as a real headless Chromium renders it."""
from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import write

HOSTILE = (
    '主播：<script>document.title="pwned";alert(1)</script>这是全网最好的面霜\n'
    '助播：<img src=x onerror="document.title=\'pwned\'">顶级好物[点我](javascript:alert(1))\n'
    "\n"
    "// livelint: disable-next-line AD003 -- “至尊”是注册商标，已核验\n"
    "助播：至尊系列今年只出了两款\n"
)
MARKDOWN = "# 开场\n\n**主播**：[点我](javascript:alert(1)) 史上最划算\n"
TITLE = "话术合规检查报告 · 3 个问题 · livelint"


class Dom(HTMLParser):
    """Elements with their attributes and text, enough to assert on a rendered page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("meta", "link", "br", "img", "input"):
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag=None, cls=None, **attrs):
        return [e for e in self.elements
                if (tag is None or e["tag"] == tag)
                and (cls is None or cls in e["attrs"].get("class", "").split())
                and all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())]


@pytest.fixture
def report(cli, tmp_path):
    write(tmp_path / "hostile.txt", HOSTILE)
    write(tmp_path / "z-clean.txt", "主播：第一次来的宝宝点关注\n")  # sorts after hostile.txt
    write(tmp_path / "notes.md", MARKDOWN)
    result = cli("check", "hostile.txt", "z-clean.txt", "notes.md", "--format", "html", "--output", "report.html")
    assert result.returncode == 1, result.stderr
    return tmp_path / "report.html"


def test_html_escapes_script_text(report):
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=&#34;pwned&#34;;alert(1)&lt;/script&gt;" in html
    assert "<script>document.title" not in html and "<img" not in html
    assert 'href="javascript:' not in html
    dom = Dom(html)
    assert len(dom.find("script")) == 1 and not dom.find("img")
    assert "http" not in " ".join(e["attrs"].get("src", "") + e["attrs"].get("href", "") for e in dom.elements)


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium on this machine (apt-get install chromium); .ci/run installs it")


def _render(url: str, profile) -> str:
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--dump-dom", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


def test_html_in_headless_chromium(cli, report, tmp_path):
    expected = cli.json("check", "hostile.txt", "z-clean.txt", "notes.md")
    # The fragment names the first finding's card: the page's own script must open it.
    dom = Dom(_render(report.as_uri() + "#f-0-0", tmp_path / "profile"))

    html = dom.find("html")[0]
    assert html["attrs"].get("data-ready") == "1"  # our script ran, so an injected one could have
    assert dom.find("title")[0]["text"] == TITLE  # ... and did not: the title is untouched
    assert len(dom.find("script")) == 1 and not dom.find("img")
    assert not [e for e in dom.elements if e["attrs"].get("href", "").startswith("javascript")]

    lines = dom.find(cls="line")
    first = lines[0]["text"]
    assert first == '1主播：<script>document.title="pwned";alert(1)</script>这是全网最好的面霜'

    marks = [(e["text"], e["attrs"]["class"]) for e in dom.find("a", cls="hl")]
    assert marks == [("全网最好", "hl sev-error"), ("顶级", "hl sev-error"),
                     ("至尊", "hl sev-error suppressed"), ("史上最划算", "hl sev-error")]
    assert [e["attrs"]["title"].split("：")[0] for e in dom.find("a", cls="hl")] == [
        "AD001 absolute-superlative", "AD003 absolute-grade", "AD003 absolute-grade",
        "AD001 absolute-superlative"]

    summary = expected["summary"]
    assert dom.find(data_count="total")[0]["text"] == str(summary["violations"]) == "3"
    assert dom.find(data_count="suppressed")[0]["text"] == "1"
    row = dom.find("tr", data_category="absolute-claim")[0]
    assert row["text"].strip().endswith(str(summary["by_category"]["absolute-claim"]))
    clean = dom.find("tr", data_file="z-clean.txt")[0]
    assert "未发现问题" in clean["text"]

    cards = dom.find("details", cls="finding")
    assert len(cards) == 4
    opened = [c["attrs"]["id"] for c in cards if "open" in c["attrs"]]
    assert opened == ["f-0-0"]
    card = cards[0]["text"]
    for part in ("为何违规", "《广告法》第九条第（三）项", "建议改写", "全网最好"):
        assert part in card
    assert "已抑制" in cards[2]["text"] and "注册商标" in cards[2]["text"]


def _violation(line, column, end_line, end_column, rule="AD001", severity="error", match="", cell=None):
    from linter.model import Violation

    return Violation(path="s.txt", line=line, column=column, end_line=end_line, end_column=end_column,
                     rule=rule, name="absolute-superlative", category="absolute-claim", severity=severity,
                     message=f"{rule} 消息", match=match, cell=cell)


def _page(violations, blocks):
    from linter.engine import FileReport
    from linter.report import Report
    from linter.reporters import html
    from linter.ruleset import load_ruleset
    from linter.source import source_lines

    lines = None if blocks is None else source_lines(blocks)
    report = Report((FileReport("s.txt", "text", "utf-8", 1, tuple(violations), lines),), load_ruleset(), "0")
    return Dom(html.render(report))


def test_html_overlapping_multiline_and_zero_width_spans():
    from linter.model import Block

    blocks = [Block("主播：全网最好的面霜", 1), Block("第三行开始\n第四行结束", 3), Block("第九行", 9)]
    dom = _page([_violation(1, 1, 1, 1, "ML003"),  # zero width: a marker
                 _violation(1, 4, 1, 8),  # 全网最好
                 _violation(1, 6, 1, 10, "AD006", "warning"),  # 最好的面, overlapping
                 _violation(3, 4, 4, 3, "AD002", "info")], blocks)  # across two lines
    marks = [(e["text"], e["attrs"]["class"], e["attrs"]["data-findings"]) for e in dom.find("a", cls="hl")]
    assert marks == [("", "hl sev-error point", "0"), ("全网", "hl sev-error", "1"),
                     ("最好", "hl sev-error", "1 2"), ("的面", "hl sev-warning", "2"),
                     ("开始", "hl sev-info", "3"), ("第四", "hl sev-info", "3")]
    assert [e["text"] for e in dom.find(cls="line")] == [
        "1主播：全网最好的面霜", "2", "3第三行开始", "4第四行结束", "⋯第 5–8 行：空行或未检查的内容", "9第九行"]
    assert "skipped" in dom.find(cls="line")[1]["attrs"]["class"]


def test_html_table_cells_sharing_a_row():
    from linter.model import Block

    blocks = [Block("全网最好", 2, cell="S!B2"), Block("真的全网最好", 2, cell="S!C2"),
              Block("顶级", 3, column=3)]  # a cell's second part, offset 2 inside the cell
    dom = _page([_violation(2, 3, 2, 7, match="全网最好"),  # CSV: no cell name, found by text
                 _violation(2, 1, 2, 5, match="全网最好", cell="S!B2"),
                 _violation(3, 3, 3, 5, match="顶级")], blocks)
    rows = [(e["text"]) for e in dom.find(cls="line")]
    assert rows == ["1", "2S!B2全网最好", "2S!C2真的全网最好", "3顶级"]
    marks = [(e["text"], e["attrs"]["data-findings"]) for e in dom.find("a", cls="hl")]
    assert marks == [("全网最好", "1"), ("全网最好", "0"), ("顶级", "2")]


def test_html_without_source_lists_findings():
    dom = _page([_violation(1, 4, 1, 8)], None)
    assert not dom.find(cls="line") and not dom.find("a", cls="hl")
    assert len(dom.find("details", cls="finding")) == 1 and "其他问题" in dom.find("h3")[0]["text"]
