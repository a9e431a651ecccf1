"""Bad-input matrix through the installed command: every error is exit 2, one line, no traceback,
and names the file (and line and key where there is one); every odd-but-valid input is linted.
"""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import ROOT, one_line_error, write

LINE = "主播：这是全网最好的面霜"
RULE = (ROOT / "tests" / "data" / "HR001-house-banned-words.yaml").read_text("utf-8")
MANIFEST = "products:\n  - sku: A\n    name: 面霜\n    stock: 10\n"


# --- scripts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, needle", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("主播：全网最好\x00".encode("utf-8"), "binary file"),
    (b"\x80\x80\xff\xff\xc0", "cannot decode"),
    (b"\xef\xbb\xbf\xff\xfe", "invalid utf-8"),
    (b"\xff\xfe\x00\xd8", "invalid utf-16"),
])
def test_undecodable_scripts(cli, tmp_path, raw, needle):
    (tmp_path / "bad.txt").write_bytes(raw)
    one_line_error(cli("check", "bad.txt"), "bad.txt", needle)


@pytest.mark.parametrize("encoding, reported", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le-bom", "utf-16"), ("utf-16-be-bom", "utf-16"),
    ("utf-32", "utf-32"),
])
def test_encodings_are_read_and_located(cli, tmp_path, encoding, reported):
    text = "第一次来的宝宝\r\n" + LINE + "\r\n"
    if encoding == "utf-16-le-bom":
        raw = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        raw = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        raw = text.encode(encoding)
    (tmp_path / "s.txt").write_bytes(raw)
    report = cli.json("check", "s.txt")
    assert report["files"][0]["encoding"] == reported
    assert [(v["line"], v["column"], v["match"]) for v in report["violations"]] == [(2, 6, "全网最好")]


def test_empty_and_blank_files(cli, tmp_path):
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.md", "\n\n   \n")
    write(tmp_path / "bom.txt", "\ufeff")
    result = cli("check", "empty.txt", "blank.md", "bom.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [f["segments"] for f in json.loads(result.stdout)["files"]] == [0, 0, 0]


def test_mixed_line_ends_keep_line_numbers(cli, tmp_path):
    (tmp_path / "s.txt").write_bytes("一\r\n二\r三\n\r\n全网最好\r".encode("utf-8"))
    v = cli.json("check", "s.txt")["violations"]
    assert [(x["line"], x["column"]) for x in v] == [(5, 1)]


def test_ten_megabyte_single_line(cli, tmp_path):
    """No line-length limit: a one-line ASR transcript is linted whole, in linear time."""
    filler = "主播：宝宝们看这款面霜，" * (10_000_000 // 36)
    write(tmp_path / "asr.txt", filler + "全网最好")
    result = cli("check", "asr.txt", "--format", "json", "--output", "r.json")
    assert result.returncode == 1, result.stderr
    v = json.loads((tmp_path / "r.json").read_text("utf-8"))["violations"]
    assert [(x["line"], x["column"], x["match"]) for x in v] == [(1, len(filler) + 1, "全网最好")]
    terminal = cli("check", "asr.txt")  # the source line is shown as a window around the match
    assert terminal.returncode == 1 and len(terminal.stdout) < 5000


def test_file_size_limit(tmp_path, monkeypatch):
    from linter import readers
    from linter.model import LivelintError
    write(tmp_path / "s.txt", LINE * 10)
    monkeypatch.setattr(readers, "MAX_BYTES", 50)
    with pytest.raises(LivelintError, match=r"s\.txt: file too large \(360 bytes; limit 50\)"):
        readers.read(str(tmp_path / "s.txt"))


def test_fifo_dangling_link_loop_and_directory_named_txt(cli, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    one_line_error(cli("check", "pipe.txt"), "pipe.txt", "not a regular file")
    one_line_error(cli("check", "dangling.txt"), "dangling.txt", "broken symbolic link")
    one_line_error(cli("check", "loop.txt"), "loop.txt", "cannot read file")
    one_line_error(cli("check", "missing.txt"), "missing.txt", "no such file")
    write(tmp_path / "notes.pdf", "%PDF")
    one_line_error(cli("check", "notes.pdf"), "notes.pdf", "unsupported file type")
    (tmp_path / "x.txt").mkdir()
    write(tmp_path / "x.txt" / "inner.md", LINE + "\n")
    assert [f["path"] for f in cli.json("check", "x.txt")["files"]] == ["x.txt/inner.md"]


def test_directory_with_symlink_loops_fifos_and_links(cli, tmp_path):
    d = tmp_path / "d"
    write(d / "a.txt", LINE + "\n")
    write(d / "sub" / "b.txt", LINE + "\n")
    os.symlink("..", d / "sub" / "up")
    os.symlink("../d", d / "self")
    os.symlink("a.txt", d / "link.txt")
    os.symlink("gone.txt", d / "dangling.txt")
    os.mkfifo(d / "pipe.txt")
    result = cli("check", "d", "--format", "json")
    assert result.returncode == 1 and result.stderr == ""
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["d/a.txt", "d/sub/b.txt"]


def test_bad_file_among_good_ones(cli, tmp_path):
    write(tmp_path / "a.txt", LINE + "\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    write(tmp_path / "c.txt", LINE + "\n")
    result = cli("check", "a.txt", "b.txt", "c.txt", "--format", "json")
    one_line_error(result, "b.txt", "binary file")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["a.txt", "c.txt"]


def test_non_utf8_file_name(cli, tmp_path):
    """Names from Windows zips are often GBK bytes; the JSON stays valid UTF-8."""
    d = os.fsencode(tmp_path / "d")
    os.mkdir(d)
    with open(d + b"/" + "双11脚本.txt".encode("gbk"), "wb") as handle:
        handle.write(LINE.encode("utf-8"))
    report = cli.json("check", "d")
    assert len(report["violations"]) == 1 and report["violations"][0]["path"].startswith("d/")
    terminal = subprocess.run([cli.exe, "check", "d"], cwd=tmp_path, capture_output=True)
    assert terminal.returncode == 1 and "双11".encode("gbk") in terminal.stdout


# --- manifests -------------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"

MANIFEST_CASES = [
    ("products:\n  - sku: A\n    name: [面霜\n", ["m.yaml:4:", "YAML error"]),
    ("products:\n  - sku: A\n    name: 面霜\n    stock: 很多\n",
     ["m.yaml:4:", "products[0].stock", 'expected a number, got "很多"']),
    ("products:\n  - sku: A\n    name: 面霜\n    stock: .inf\n",
     ["m.yaml:4:", "products[0].stock", "finite"]),
    ("products:\n  - sku: A\n    name: 面霜\n    price: {live: 1, live: 2}\n",
     ["m.yaml:4:", "products[0].price.live", "duplicate key"]),
    ("products:\n  - sku: A\n    name: 面霜\n    stok: 5\n",
     ["m.yaml:4:", "products[0].stok", 'did you mean "stock"']),
    ("products:\n  - sku: A\n    name: 面霜\n    promo: {start: 2026-11-11T20:00:00}\n",
     ["m.yaml:4:", "products[0].promo.start", "UTC offset"]),
    ("products:\n  - sku: A\n    name: 面霜\n    promo: {start: 2026-13-11T20:00:00+08:00}\n",
     ["m.yaml:4:", "products[0].promo.start", "ISO date-time"]),
    ("products:\n  - {sku: A, name: 面霜}\n  - {sku: A, name: 面膜}\n",
     ["m.yaml:3:", "products[1].sku", "duplicate sku"]),
    ("session: {start: 2026-11-11T20:00:00+08:00, end: 2026-11-11T19:00:00+08:00}\n",
     ["m.yaml:1:", "session.end", "after session start"]),
    ("version: 2\n", ["m.yaml:1:", "version", "unsupported manifest version"]),
    ("products: 面霜\n", ["m.yaml:1:", "products", "expected a list"]),
    ("- 面霜\n", ["m.yaml", "expected a mapping"]),
    (BOMB, ["m.yaml:1:", "anchors and aliases are not allowed"]),
    ("x: !!python/object/apply:os.system ['touch pwned']\n", ["m.yaml:1:", "YAML error"]),
    ("products:\n  - sku: A\n    name: 面\x1f霜\n", ["m.yaml:3:", "YAML error", "not allowed"]),
    ("[" * 5000 + "]" * 5000 + "\n", ["m.yaml", "YAML"]),
]


@pytest.mark.parametrize("text, needles", MANIFEST_CASES, ids=range(len(MANIFEST_CASES)))
def test_manifest_errors(cli, tmp_path, text, needles):
    write(tmp_path / "m.yaml", text)
    write(tmp_path / "s.txt", LINE + "\n")
    one_line_error(cli("manifest", "check", "m.yaml"), *needles)
    if text.startswith("products:\n  - sku: A\n    name: 面霜\n    s"):  # the same loader path
        one_line_error(cli("check", "s.txt", "--manifest", "m.yaml"), *needles)
    assert not (tmp_path / "pwned").exists()


def test_manifest_unreadable(cli, tmp_path):
    (tmp_path / "gbk.yaml").write_bytes("products: 面霜\n".encode("gbk"))
    (tmp_path / "dir.yaml").mkdir()
    one_line_error(cli("manifest", "check", "gbk.yaml"), "gbk.yaml", "not valid UTF-8")
    one_line_error(cli("manifest", "check", "dir.yaml"), "dir.yaml", "cannot read file")
    one_line_error(cli("manifest", "check", "none.yaml"), "none.yaml", "cannot read file")


# --- configs ---------------------------------------------------------------------------------

CONFIG_CASES = [
    (".livelint.toml", 'select = ["AD"]\nfail-on = error\nignore = []\n', [":2:", "TOML error", "Invalid value"]),
    (".livelint.toml", 'select = ["AD"]\nselect = ["PR"]\n', [":2:", "TOML error"]),
    (".livelint.toml", "select = 5\n", ["select", "expected a list of strings"]),
    (".livelint.toml", 'selct = ["AD"]\n', ["selct", 'did you mean "select"']),
    (".livelint.toml", 'fail-on = "fatal"\n', ["fail-on", "expected one of"]),
    (".livelint.toml", '[severity]\nAD001 = "critical"\n', ["severity.AD001", "expected one of"]),
    (".livelint.toml", "manifest = 3\n", ["manifest", "expected a path"]),
    (".livelint.toml", 'cache = "yes"\n', ["cache", "expected true or false"]),
    (".livelint.toml", 'speakers = "小雅"\n', ["speakers", "expected a table"]),
    ("pyproject.toml", "[tool]\nlivelint = 1\n", ["tool.livelint", "expected a table"]),
    ("pyproject.toml", 'tool = "livelint"\n', ["tool", "expected a table"]),
    ("pyproject.toml", "[tool.livelint]\nexclud = []\n", ["exclud", 'did you mean "exclude"']),
]


@pytest.mark.parametrize("name, text, needles", CONFIG_CASES, ids=range(len(CONFIG_CASES)))
def test_config_errors(cli, tmp_path, name, text, needles):
    write(tmp_path / name, text)
    write(tmp_path / "s.txt", LINE + "\n")
    one_line_error(cli("check", "s.txt"), name, *needles)  # found by walking up
    if name == "pyproject.toml":
        one_line_error(cli("check", "s.txt", "--config", name), name, *needles)


def test_config_unreadable(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    (tmp_path / "c.toml").write_bytes(b"select = ['\xff']\n")
    one_line_error(cli("check", "s.txt", "--config", "c.toml"), "c.toml", "cannot read config")
    one_line_error(cli("check", "s.txt", "--config", "none.toml"), "none.toml", "not found")
    one_line_error(cli("check", "s.txt", "--config", "s.txt"), "s.txt", "TOML error")


# --- rule files and laws ---------------------------------------------------------------------

RULE_CASES = [
    (RULE.replace("kind: term", "kind: [term"), ["HR001-house-banned-words.yaml:", "YAML error"]),
    (RULE.replace("severity: warning", "severity: [warning]"),
     ["HR001-house-banned-words.yaml:5:", "severity", "expected one of"]),
    (RULE.replace("summary:", "sumary:"), ["HR001-house-banned-words.yaml:6:", "sumary", 'did you mean "summary"']),
    (RULE + "id: HR002\n", ["HR001-house-banned-words.yaml:15:", "id", "duplicate key"]),
    (RULE.replace("match: {terms: [神器, 爆款之王]}", "match: {regex: ['(']}"),
     ["HR001-house-banned-words.yaml:10:", "match.regex[0]", "invalid regex"]),
    (RULE.replace('"公司禁用语「{match}」"', '"{match.__class__}"'),
     ["HR001-house-banned-words.yaml:8:", "message", "unknown placeholder {match.__class__}"]),
    (RULE.replace('"公司禁用语「{match}」"', '"{0}"'),
     ["HR001-house-banned-words.yaml:8:", "message", "unknown placeholder {0}"]),
    (RULE.replace("citations: [{law: ad-law, article: 4}]", "citations: [{law: [ad-law]}]"),
     ["HR001-house-banned-words.yaml:9:", "citations[0].law", "unknown law"]),
    (RULE.replace("citations: [{law: ad-law, article: 4}]", "citations: [{law: ad-lw, article: 4}]"),
     ["citations[0].law", 'did you mean "ad-law"']),
    (RULE.replace("id: HR001", "id: !!python/object/apply:os.system ['touch pwned']"),
     ["HR001-house-banned-words.yaml:1:", "YAML error"]),
    (BOMB, ["HR001-house-banned-words.yaml:1:", "anchors and aliases"]),
    (RULE.replace("id: HR001", "id: HR002"), ["id", 'file must be named "HR002-house-banned-words.yaml"']),
]


@pytest.mark.parametrize("text, needles", RULE_CASES, ids=range(len(RULE_CASES)))
def test_rule_file_errors(cli, tmp_path, text, needles):
    write(tmp_path / "house" / "HR001-house-banned-words.yaml", text)
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    write(tmp_path / "s.txt", LINE + "\n")
    one_line_error(cli("check", "s.txt"), *needles)
    if "YAML error" in needles or "message" in needles:
        one_line_error(cli("test-rules", "house"), *needles)
    assert not (tmp_path / "pwned").exists()


LAWS_CASES = [
    ("laws:\n  house:\n    title: 公司规范\n    issuer: 公司\n    version: '1'\n"
     "    unverified_articles: [第九条]\n", ["laws.yaml:6:", "laws.house.unverified_articles[0]", "article number"]),
    ("laws:\n  house:\n    title: 公司规范\n    issuer: 公司\n    version: '1'\n    in_force: 2024-02-30\n",
     ["laws.yaml:6:", "laws.house.in_force", "expected a date"]),
    ("laws:\n  house:\n    title: 公司规范\n    issuer: 公司\n", ["laws.yaml:2:", "laws.house.version", "required"]),
    ("laws:\n  house:\n    title: 公司规范\n    issuer: 公司\n    version: '1'\n    previous: [ad-law]\n",
     ["laws.yaml:6:", "laws.house.previous", "expected a law key"]),
    ("laws:\n  house:\n    titel: 公司规范\n", ["laws.yaml:3:", "laws.house.titel", 'did you mean "title"']),
    ("laws: [1, 2]\n", ["laws.yaml:1:", "laws", "expected a mapping"]),
]


@pytest.mark.parametrize("text, needles", LAWS_CASES, ids=range(len(LAWS_CASES)))
def test_laws_errors(cli, tmp_path, text, needles):
    write(tmp_path / "house" / "laws.yaml", text)
    write(tmp_path / "house" / "HR001-house-banned-words.yaml", RULE)
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    write(tmp_path / "s.txt", LINE + "\n")
    one_line_error(cli("check", "s.txt"), *needles)


def test_missing_rules_folder_and_bad_timeout(cli, tmp_path):
    write(tmp_path / ".livelint.toml", 'rulesets = ["nowhere"]\n')
    write(tmp_path / "s.txt", LINE + "\n")
    one_line_error(cli("check", "s.txt"), "nowhere", "rules folder not found")


def test_usage_errors_are_one_line(cli, tmp_path):
    write(tmp_path / "s.txt", LINE + "\n")
    one_line_error(cli("s.txt"), "No such command")
    one_line_error(cli("check"), "Missing argument")
    one_line_error(cli("check", "s.txt", "--format", "xml"), "--format", "xml")
    one_line_error(cli("check", "s.txt", "--fail-on", "fatal"), "--fail-on")
    assert cli("--help").returncode == 0 and cli("check", "--help").returncode == 0


def test_special_and_oversized_data_files(cli, tmp_path):
    """FIFOs would block forever; 5000-digit numbers and 3000-deep arrays overflow Python."""
    write(tmp_path / "s.txt", LINE + "\n")
    os.mkfifo(tmp_path / "m.yaml")
    os.mkfifo(tmp_path / "c.toml")
    one_line_error(cli("manifest", "check", "m.yaml"), "m.yaml", "not a regular file")
    one_line_error(cli("check", "s.txt", "--config", "c.toml"), "c.toml", "not a regular file")
    write(tmp_path / "house" / "HR001-house-banned-words.yaml", RULE)
    os.mkfifo(tmp_path / "house" / "HR002-pipe.yaml")
    write(tmp_path / ".livelint.toml", 'rulesets = ["house"]\n')
    one_line_error(cli("check", "s.txt"), "HR002-pipe.yaml", "not a regular file")
    write(tmp_path / "big.yaml", "version: " + "9" * 5000 + "\n")
    one_line_error(cli("manifest", "check", "big.yaml"), "big.yaml", "YAML error")
    write(tmp_path / "deep.toml", "select = " + "[" * 3000 + "]" * 3000 + "\n")
    one_line_error(cli("check", "s.txt", "--config", "deep.toml"), "deep.toml", "TOML error")
    write(tmp_path / "bigint.toml", "select = " + "9" * 5000 + "\n")
    one_line_error(cli("check", "s.txt", "--config", "bigint.toml"), "bigint.toml", "TOML error")
