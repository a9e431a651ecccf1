"""The benchmark runner in quick mode, so it cannot rot. Nothing here asserts a time."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from benchmarks import corpus, houserules, report, runner, writers  # noqa: E402


def test_corpus_is_deterministic_and_matches_its_manifest(tmp_path):
    from linter.manifest import load_manifest

    a = corpus.generate(tmp_path / "a", 20_000, 3, seed=7)
    b = corpus.generate(tmp_path / "b", 20_000, 3, seed=7)
    assert [p.read_bytes() for p in a.files] == [p.read_bytes() for p in b.files]
    assert a.text_bytes > 10_000 and len(a.files) == 3
    assert {p.sku for p in load_manifest(a.manifest).products} == {p[0] for p in corpus.PRODUCTS}
    text = "".join(p.read_text("utf-8") for p in a.plain)
    for sign in ("主播", "【", "元", "這", "！", "🔥"[0]):
        assert sign in text
    assert set(a.formats) | set(a.skipped) == set(writers.WRITERS) and {".txt", ".md"} <= set(a.formats)


@pytest.mark.parametrize("suffix", sorted(writers.WRITERS))
def test_every_writer_writes_its_format(suffix):
    import random

    lines = corpus.script(random.Random(1), 300, lambda s: s)
    data = writers.WRITERS[suffix](lines)
    assert data
    if suffix in (".xlsx", ".docx"):
        assert data[:2] == b"PK"
    else:
        assert lines[1].text in data.decode("utf-8")


def test_house_rules_load_as_rules(tmp_path):
    from linter.ruleset import load_ruleset

    terms = houserules.write(tmp_path / "rules", 250, per_file=100)
    rules = [r for r in load_ruleset([tmp_path / "rules"]).rules if r.id.startswith("HR")]
    assert len(terms) == len(set(terms)) == 250 and len(rules) == 3
    assert sum(len(r.terms) for r in rules) == 250


def test_quick_run_reports_every_ratio(tmp_path):
    settings = replace(runner.QUICK, workdir=tmp_path)
    results = runner.run(settings, log=lambda _: None)
    names = " | ".join(row.name for row in results.rows)
    for part in ("floor", "start-up", "house-rule terms", "textlint", "--jobs", "peak memory", "result cache"):
        assert part in names
    measured = [row for row in results.rows if row.ok is not None]
    assert len(measured) >= 4 and all(row.measured[0].isdigit() for row in measured)
    text = report.markdown(results, "python -m benchmarks --quick", None)
    assert "## Machine" in text and "| check vs floor pipeline |" in text and "minimal floor" in text
    assert report.console(results).count("\n") >= len(results.rows) - 1
    profile = report.profile(results.corpus.files, str(tmp_path / "cfg" / "base.toml"))
    assert "linter/" in profile and "ncalls" in profile


def test_floor_runs_livelint_claim_patterns(tmp_path):
    """The floor counts term hits plus matches of livelint's own claim patterns."""
    import subprocess

    inputs = runner.FloorInputs.write(tmp_path, ["最好"], runner._claim_patterns())
    text = tmp_path / "t.txt"
    text.write_text("最好的面霜，原价399元，今晚12点恢复原价\n", "utf-8")
    run = lambda *flag: int(subprocess.run([sys.executable, "-m", "benchmarks.floor", *flag, inputs.terms,
                                            inputs.claims, text], cwd=ROOT, capture_output=True,
                                           text=True, check=True).stdout)
    assert inputs.claim_count >= 10
    assert run() >= 3  # 最好, the compared price, the deadline
    assert run("--minimal") >= 2


def test_identical_check_saves_then_compares(tmp_path, capsys):
    from benchmarks import identical

    ref = tmp_path / "ref.json"
    assert identical.main([str(ref), "--quick", "--save"]) == 0
    assert b'"violations"' in ref.read_bytes()
    assert identical.main([str(ref), "--quick"]) == 0  # the same code twice: byte-identical
    ref.write_bytes(ref.read_bytes().replace(b'"violations"', b'"Violations"', 1))
    assert identical.main([str(ref), "--quick"]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


def test_realistic_corpus_lawful_lines_are_lawful_and_violations_are_not(tmp_path):
    """The default corpus claims a violation rate; that holds only if LAWFUL lines draw no
    finding and VIOLATIONS lines do (as livelint sees them with the manifest)."""
    import random

    from benchmarks import phrases
    from linter.api import Options, lint_paths

    (tmp_path / "manifest.yaml").write_text(corpus.manifest_text(), "utf-8")
    rng = random.Random(3)

    def findings(templates):
        lines = [f"主播：{corpus._fill(rng, t, p)}" for t in templates for p in corpus.PRODUCTS]
        path = tmp_path / "s.txt"
        path.write_text("\n".join(lines) + "\n", "utf-8")
        report = lint_paths([str(path)], Options(manifest=str(tmp_path / "manifest.yaml")))
        return lines, {v.line for v in report.violations}

    lines, hit = findings(phrases.LAWFUL)
    assert not hit, [lines[n - 1] for n in sorted(hit)]
    lines, hit = findings(phrases.VIOLATIONS)
    assert len(hit) >= 0.9 * len(lines)  # a few depend on the product (TEA-01 has no list price)
    per = len(corpus.PRODUCTS)
    assert all(hit & set(range(i * per + 1, i * per + per + 1)) for i in range(len(phrases.VIOLATIONS)))
    assert 0 < phrases.VIOLATION_RATE < 0.1


def test_a_child_reports_its_own_peak_memory_not_the_runners():
    """Linux carries a process's peak RSS across fork and exec: measured straight from a big
    runner, every child looked as big as the runner (the old 98 MB memory rows)."""
    from benchmarks import measure

    ballast = bytearray(160 * 1024 * 1024)
    ballast[::4096] = b"\1" * len(ballast[::4096])  # touch every page
    small = measure.run([sys.executable, "-c", "pass"])
    assert small.returncode == 0 and 0 < small.max_rss_mb < 80 and small.cpu > 0
    failed = measure.run([sys.executable, "-c", "import sys; sys.stderr.write('boom'); sys.exit(3)"], ok=None)
    assert (failed.returncode, failed.stderr) == (3, "boom")
    del ballast
