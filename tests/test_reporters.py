"""SARIF, GitHub annotations and JUnit through the installed command, checked by their consumers'
rules: the SARIF 2.1.0 JSON Schema, GitHub's workflow-command escaping, an XML parser."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import CLI, ROOT, write
from linter.reporters.github import escape_data, escape_property
from linter.source import source_lines
from linter.model import Block

SCHEMA = Path(ROOT).parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
SCRIPT = (
    "主播：这是全网最好的面霜\n"
    "// livelint: disable-next-line AD003 -- “至尊”是注册商标，已核验\n"
    "助播：至尊系列今年只出了两款\n"
    "主播：这款真的是最好用的精华\n"
)


def _run(cli, *args):
    result = cli(*args)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


# -- SARIF ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_schema():
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (CI keeps shared/ beside the clone)")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def script_run(tmp_path_factory):
    """SCRIPT checked once as SARIF and as JSON, shared by the tests that only read them."""
    cli = CLI(tmp_path_factory.mktemp("sarif"))
    write(cli.cwd / "s.txt", SCRIPT)
    return json.loads(_run(cli, "check", "s.txt", "--format", "sarif")), cli.json("check", "s.txt")


def test_sarif_validates_and_describes_rules(script_run, sarif_schema):
    import jsonschema

    log = script_run[0]
    jsonschema.validate(log, sarif_schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "livelint" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    ad001 = driver["rules"][ids.index("AD001")]
    assert ad001["name"] == "absolute-superlative"
    assert ad001["shortDescription"]["text"] and ad001["fullDescription"]["text"]
    assert "《广告法》第九条第（三）项" in ad001["help"]["text"] and "建议" in ad001["help"]["text"]
    assert ad001["properties"]["category"] == "absolute-claim"
    assert ad001["defaultConfiguration"]["level"] == "error"
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["artifacts"] == [{"location": {"uri": "s.txt", "uriBaseId": "%SRCROOT%"},
                                 "sourceLanguage": "text", "encoding": "UTF-8"}]


def test_sarif_results_match_json_report(script_run):
    results = script_run[0]["runs"][0]["results"]
    violations = script_run[1]["violations"]
    assert len(results) == len(violations) == 3
    for r, v in zip(results, violations):
        region = r["locations"][0]["physicalLocation"]["region"]
        assert (r["ruleId"], region["startLine"], region["startColumn"], region["endLine"],
                region["endColumn"]) == (v["rule"], v["line"], v["column"], v["end_line"], v["end_column"])
        assert r["message"]["text"] == v["message"]
        assert ("suppressions" in r) == v["suppressed"]
    suppressed = results[1]
    assert suppressed["suppressions"] == [{"kind": "inSource", "justification": "“至尊”是注册商标，已核验"}]
    fix = results[2]["fixes"][0]["artifactChanges"][0]
    replacement = fix["replacements"][0]
    assert replacement["insertedContent"]["text"] == "好用"
    assert replacement["deletedRegion"] == {"startLine": 4, "startColumn": 9, "endLine": 4, "endColumn": 12}
    assert "fixes" not in results[0]


def test_sarif_columns_count_code_points(cli, tmp_path, sarif_schema):
    import jsonschema

    line = "主播：𠀀𠀁这是全网最好的面霜"  # two ideographs outside the BMP (two UTF-16 units each)
    write(tmp_path / "s.txt", line + "\n")
    log = json.loads(_run(cli, "check", "s.txt", "--format", "sarif"))
    jsonschema.validate(log, sarif_schema)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "全网最好"


def test_sarif_fingerprints_survive_inserted_lines(cli, tmp_path):
    def prints(text):
        write(tmp_path / "s.txt", text)
        results = json.loads(_run(cli, "check", "s.txt", "--format", "sarif"))["runs"][0]["results"]
        return [(r["ruleId"], r["partialFingerprints"]["livelint/v1"]) for r in results]

    before = prints(SCRIPT)
    after = prints("【开场】\n主播：欢迎来到直播间\n\n" + SCRIPT)
    assert before == after and len({fp for _, fp in before}) == len(before)


# -- GitHub annotations ----------------------------------------------------------------------

def test_github_escaping_rules():
    assert escape_data("50%\r\nx:y,z") == "50%25%0D%0Ax:y,z"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def _parse_command(line: str):
    assert line.startswith("::")
    command, _, rest = line[2:].partition(" ")
    props, _, message = rest.partition("::")
    fields = dict(p.split("=", 1) for p in props.split(","))
    return command, {k: _unescape(v) for k, v in fields.items()}, _unescape(message)


def test_github_annotations_round_trip(cli, tmp_path):
    name = "双11,第1场:彩排 100%.txt"  # every character GitHub needs escaped in a property
    write(tmp_path / name, SCRIPT)
    lines = _run(cli, "check", name, "--format", "github").splitlines()
    violations = [v for v in cli.json("check", name)["violations"] if not v["suppressed"]]
    assert len(lines) == len(violations) == 2  # the suppressed finding is not annotated
    assert lines[0].startswith(
        "::error file=双11%2C第1场%3A彩排 100%25.txt,line=1,col=6,endLine=1,endColumn=10,"
        "title=AD001 absolute-superlative::")
    for line, v in zip(lines, violations):
        command, props, message = _parse_command(line)
        assert command == v["severity"]
        assert props == {"file": name, "line": str(v["line"]), "col": str(v["column"]),
                         "endLine": str(v["end_line"]), "endColumn": str(v["end_column"]),
                         "title": f"{v['rule']} {v['name']}"}
        assert message.split("\n")[0] == v["message"]
        assert "依据：《广告法》第九条第（三）项" in message and "建议：" in message


def test_github_levels(cli, tmp_path):
    write(tmp_path / "w.txt", "主播：好到违反广告法\n")
    assert _run(cli, "check", "w.txt", "--select", "AD006", "--format", "github").startswith("::warning ")
    write(tmp_path / ".livelint.toml", 'severity = {AD006 = "info"}\n')
    assert _run(cli, "check", "w.txt", "--select", "AD006", "--format", "github").startswith("::notice ")
    write(tmp_path / "clean.txt", "主播：第一次来的宝宝点关注\n")
    assert cli("check", "clean.txt", "--format", "github").stdout == ""


# -- JUnit ------------------------------------------------------------------------------------

def test_junit_suites_per_file(cli, tmp_path):
    write(tmp_path / "s.txt", SCRIPT)
    write(tmp_path / "clean.txt", "主播：第一次来的宝宝点关注\n主播：控制字符\x0b也能写进报告\n")
    root = ET.fromstring(_run(cli, "check", "s.txt", "clean.txt", "--format", "junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped"), root.get("errors")) == ("4", "2", "1", "0")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"s.txt", "clean.txt"}
    s = suites["s.txt"]
    assert (s.get("tests"), s.get("failures"), s.get("skipped")) == ("3", "2", "1")
    failures = [c.find("failure") for c in s.iter("testcase") if c.find("failure") is not None]
    assert [f.get("type") for f in failures] == ["AD001", "AD001"]
    assert "《广告法》第九条第（三）项" in failures[0].text and "建议：" in failures[0].text
    assert "全网最好" in failures[0].get("message")
    skipped = [c.find("skipped") for c in s.iter("testcase") if c.find("skipped") is not None]
    assert "注册商标" in skipped[0].get("message")
    clean = list(suites["clean.txt"].iter("testcase"))
    assert len(clean) == 1 and not list(clean[0]) and clean[0].get("classname") == "clean.txt"


# -- --output, source lines -------------------------------------------------------------------

@pytest.mark.parametrize("fmt,check", [
    ("sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    ("github", lambda text: text.startswith("::error file=s.txt,")),
    ("junit", lambda text: ET.fromstring(text).get("failures") == "2"),
    ("html", lambda text: text.startswith("<!DOCTYPE html>") and "全网最好</a>" in text),
])
def test_output_file(cli, tmp_path, fmt, check):
    write(tmp_path / "s.txt", SCRIPT)
    write(tmp_path / "out" / "report", "old")
    result = cli("check", "s.txt", "--format", fmt, "--output", "out/report")
    assert result.returncode == 1 and result.stdout == "", result.stderr
    assert check((tmp_path / "out" / "report").read_text(encoding="utf-8"))
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report"]  # no temporary left


def test_source_lines_keep_block_positions():
    blocks = [Block("主播：你好", 1), Block("第三行", 3), Block("甲", 4, column=1, cell="S!B4"),
              Block("乙", 4, column=1, cell="S!C4"), Block("两行\n文本", 5, column=3)]
    assert [(e.number, e.column, e.text, e.cell) for e in source_lines(blocks)] == [
        (1, 1, "主播：你好", None), (3, 1, "第三行", None), (4, 1, "甲", "S!B4"), (4, 1, "乙", "S!C4"),
        (5, 3, "两行", None), (6, 1, "文本", None)]
    assert source_lines([]) == ()


def test_only_html_keeps_the_source(tmp_path):
    from linter.api import Options, lint_paths

    write(tmp_path / "s.txt", SCRIPT)
    assert lint_paths([str(tmp_path / "s.txt")]).files[0].lines is None
    kept = lint_paths([str(tmp_path / "s.txt")], Options(keep_source=True)).files[0].lines
    assert [(e.number, e.text) for e in kept] == list(enumerate(SCRIPT.split("\n")[:-1], start=1))


def test_sarif_information_uri_comes_from_project_urls(monkeypatch, tmp_path):
    from email.message import Message
    from importlib import metadata

    from linter.api import lint_paths
    from linter.reporters import sarif

    meta = Message()
    meta["Project-URL"] = "Homepage, https://example.org/livelint"
    monkeypatch.setattr(metadata, "metadata", lambda name: meta)
    write(tmp_path / "s.txt", SCRIPT)
    driver = sarif.as_dict(lint_paths([str(tmp_path / "s.txt")]))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/livelint"
    assert sarif.as_dict(lint_paths([str(tmp_path / "s.txt")]))["runs"][0]["artifacts"][0]["location"]["uri"] \
        == (tmp_path / "s.txt").as_uri()


@pytest.mark.parametrize("color", [False, True])
def test_terminal_report_printed_in_batches_matches_one_text(tmp_path, color):
    """Findings are printed a batch at a time for speed; the text is what printing the whole
    report as one rich Text gives (colours included)."""
    import io

    from rich.console import Console
    from rich.text import Text

    from linter.api import lint_paths
    from linter.reporters import terminal

    lines = "".join(f"主播：第{i}遍说，全网最好、顶级！\t\x07\n" for i in range(terminal._PER_PRINT))
    report = lint_paths([str(write(tmp_path / "a.txt", lines)), str(write(tmp_path / "b.txt", "主播：销量第一\n"))])
    assert len(report.files[0].violations) > terminal._PER_PRINT
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=200, highlight=False,
                      soft_wrap=True)
    text = Text()
    for f in report.files:
        text.append(f.path + "\n", style="bold underline")
        for v in f.violations:
            terminal._finding(text, v)
    console.print(text, end="")
    assert terminal.render(report, color=color).startswith(buffer.getvalue())
