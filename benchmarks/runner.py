"""One benchmark run: build the corpus and rule sets, measure every process, return ratios.

Every figure is a whole-process time (fastest of ``repeat`` runs after a warm-up; CPU time by
default, wall time for ``--jobs``) or a child's own peak memory, and every target is a ratio
against something measured in the same run on the same machine, so the results travel between
machines better than raw seconds.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus as corpus_mod
from . import houserules, measure, textlint


@dataclass(frozen=True)
class Settings:
    size: int = 5_000_000
    files: int = 100
    repeat: int = 3
    textlint: bool = True
    workdir: Path | None = None
    seed: int = 20261111
    house: tuple[int, int] = (3_000, 30_000)
    startup_repeat: int = 7  # start-up runs are short, so take more of them
    metric: str = "cpu"  # "cpu": user+system time of the process (robust on a shared machine); "wall"
    dense: bool = False  # main corpus: the dense stress mix instead of realistic scripts
    stress: bool = True  # also measure check vs floor and --jobs on the dense stress corpus


QUICK = Settings(size=40_000, files=4, repeat=1, textlint=False, house=(200, 2_000), startup_repeat=1,
                 stress=False)


@dataclass(frozen=True)
class Row:
    name: str
    measured: str
    target: str
    ok: bool | None  # None: not applicable / not measured
    detail: str = ""


@dataclass
class Results:
    settings: Settings
    corpus: corpus_mod.Corpus | None = None
    rows: list[Row] = field(default_factory=list)
    figures: dict = field(default_factory=dict)  # name -> (seconds, peak MB)
    notes: list[str] = field(default_factory=list)


_METRIC = ["cpu"]


def _t(run: measure.Run) -> float:
    """The time a ratio uses: CPU time by default, wall time with --wall. Parallel speed-up
    (--jobs) is always wall time."""
    return run.cpu if _METRIC[0] == "cpu" else run.seconds


def _terms(ruleset) -> tuple[list[str], list[tuple[str, str]]]:
    """(normalised terms and exception phrases for the floor; (term, expected) pairs for prh)."""
    from linter.normalize import normalize

    floor, prh = [], []
    for rule in ruleset.rules:
        if rule.kind != "term":
            continue
        replace = dict(rule.replace)
        for term in rule.terms:
            floor.append(normalize(term))
            prh.append((term, replace.get(term, "〇" * max(1, len(term)))))
        floor.extend(normalize(p) for p in rule.exception_phrases)
    return sorted(set(floor)), prh


def _config(path: Path, manifest: Path, rulesets=(), cache: bool = False) -> Path:
    lines = [f'manifest = "{manifest.as_posix()}"', f"cache = {'true' if cache else 'false'}"]
    if rulesets:
        lines.append("rulesets = [" + ", ".join(f'"{Path(r).as_posix()}"' for r in rulesets) + "]")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def supports_jobs() -> bool:
    """Whether this livelint's ``check`` takes ``--jobs`` (added by another change)."""
    out = subprocess.run(measure.livelint("check", "--help"), capture_output=True, text=True,
                         env=measure.env())
    return "--jobs" in out.stdout


def run(settings: Settings, log=print, after=None) -> Results:
    """Measure everything; ``after(results, workdir)`` runs before the work folder goes away."""
    own = settings.workdir is None
    work = Path(tempfile.mkdtemp(prefix="livelint-bench-")) if own else settings.workdir
    try:
        results = _run(settings, work, log)
        if after is not None:
            after(results, work)
        return results
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


def _run(s: Settings, work: Path, log) -> Results:
    from linter.ruleset import load_ruleset

    res = Results(s)
    _METRIC[0] = s.metric
    log(f"corpus: {s.files} files, ~{s.size / 1e6:.2f} MB …")
    c = res.corpus = corpus_mod.generate(work / "corpus", s.size, s.files, s.seed, s.dense)
    if c.skipped:
        res.notes.append("formats skipped: " + "; ".join(f"{k} ({v})" for k, v in c.skipped.items()))
    env = measure.env(str(work / "xdg-cache"))
    base_cfg = _config(work / "cfg" / "base.toml", c.manifest)
    check = lambda cfg, *extra: measure.livelint("check", "scripts", "--config", cfg, "--format", "json", *extra)

    floor_terms, prh_terms = _terms(load_ruleset())
    floor_in = FloorInputs.write(work, floor_terms, _claim_patterns())
    full = _floor(res, s, c, env, base_cfg, floor_in, log)

    log("start-up …")
    one = work / "one" / "one.txt"
    one.parent.mkdir(parents=True, exist_ok=True)
    one.write_text("主播：欢迎来到直播间\n", "utf-8")
    bare = measure.best([sys.executable, "-c", "pass"], s.startup_repeat, env=env, ok=(0,))
    start = measure.best(measure.livelint("check", one, "--format", "json", "--config", base_cfg),
                         s.startup_repeat, cwd=one.parent, env=env)
    res.figures.update(bare=bare, startup=start)
    ratio = _t(start) / _t(bare)
    res.rows.append(Row("one-line start-up vs `python -c pass`", f"{ratio:.1f}×", "≤ 10×", ratio <= 10,
                        f"{_t(start) * 1000:.0f} ms vs {_t(bare) * 1000:.0f} ms"))

    _house(res, s, work, c, env, check, prh_terms, log)
    _jobs(res, s, c, env, base_cfg, log)
    _memory(res, s, work, c, env, full, log)
    _cache(res, s, work, c, env, full, log)
    if s.stress and not s.dense:
        _stress(res, s, work, env, floor_in, log)
    return res


@dataclass(frozen=True)
class FloorInputs:
    """What the floor process is given: livelint's terms and its claim patterns, as files."""

    terms: Path
    claims: Path
    term_count: int
    claim_count: int

    @classmethod
    def write(cls, work: Path, terms: list[str], claims: list[str]) -> "FloorInputs":
        terms_file, claims_file = work / "floor-terms.txt", work / "floor-claims.json"
        terms_file.write_text("\n".join(terms) + "\n", "utf-8")
        claims_file.write_text(json.dumps(claims, ensure_ascii=False), "utf-8")
        return cls(terms_file, claims_file, len(terms), len(claims))


def _claim_patterns() -> list[str]:
    """livelint's claim-kind patterns, the regexes its fact stage runs over every document."""
    from linter import claims

    return list(claims._ALTERNATIVES.values())


def _floor(res, s, c, env, cfg, floor_in: FloorInputs, log, label: str = "") -> measure.Run:
    root = Path(__file__).resolve().parent.parent
    floor_cmd = [sys.executable, "-m", "benchmarks.floor"]
    log(f"floor pipeline{label} …")
    floor = measure.best([*floor_cmd, floor_in.terms, floor_in.claims, *c.plain], s.repeat, cwd=root, env=env, ok=(0,))
    minimal = measure.best([*floor_cmd, "--minimal", floor_in.terms, floor_in.claims, *c.plain], s.repeat,
                           cwd=root, env=env, ok=(0,))
    log(f"livelint check (built-in rules + manifest){label} …")
    full = measure.best(measure.livelint("check", "scripts", "--config", cfg, "--format", "json"),
                        s.repeat, cwd=c.root, env=env)
    res.figures.update({f"floor{label}": floor, f"floor-minimal{label}": minimal, f"check{label}": full})
    ratio = _t(full) / _t(floor)
    mb = c.text_bytes / 1e6
    res.rows.append(Row(f"check vs floor pipeline{label}", f"{ratio:.2f}×", "≤ 2×", ratio <= 2,
                        f"livelint {mb / _t(full):.2f} MB/s ({_t(full):.2f} s), "
                        f"floor {mb / _t(floor):.2f} MB/s ({_t(floor):.2f} s), {floor_in.term_count} terms, "
                        f"{floor_in.claim_count} claim patterns"))
    res.rows.append(Row(f"check vs minimal floor{label}", f"{_t(full) / _t(minimal):.2f}×", "(informational)", None,
                        f"the first floor: 3 claim kinds in one regex instead of livelint's "
                        f"{floor_in.claim_count}; {mb / _t(minimal):.2f} MB/s ({_t(minimal):.2f} s)"))
    return full


def _stress(res, s, work, env, floor_in: FloorInputs, log) -> None:
    """The same two measures on the dense corpus (~0.77 findings a line), so that the cost of
    many findings (assembly, JSON, unpickling under --jobs) stays visible."""
    label = " (dense stress corpus)"
    log("dense stress corpus …")
    c = corpus_mod.generate(work / "dense", s.size, s.files, s.seed, dense=True)
    cfg = _config(work / "cfg" / "dense.toml", c.manifest)
    _floor(res, s, c, env, cfg, floor_in, log, label)
    _jobs(res, s, c, env, cfg, log, label)


def _house(res, s, work, c, env, check, prh_terms, log) -> None:
    small, large = s.house
    times = {}
    for count in (small, large):
        log(f"house rules: {count} terms …")
        rules = work / f"house{count}"
        terms = houserules.write(rules, count)
        cfg = _config(work / "cfg" / f"house{count}.toml", c.manifest, [rules])
        fresh = measure.env(str(work / f"rules-cache-{count}"))
        cold = measure.run(check(cfg), cwd=c.root, env=fresh)  # parses YAML, fills the rule cache
        warm = measure.best(check(cfg), s.repeat, cwd=c.root, env=fresh, warm_up=False)
        times[count] = (warm, cold, terms, cfg)
        res.figures[f"house{count}"] = warm
        res.figures[f"house{count}-cold"] = cold
    ratio = _t(times[large][0]) / _t(times[small][0])
    res.rows.append(Row(f"{large:,} vs {small:,} house-rule terms", f"{ratio:.2f}×", "≤ 1.3×",
                        ratio <= 1.3, f"{_t(times[small][0]):.2f} s vs {_t(times[large][0]):.2f} s "
                        f"(first run, rule cache cold: {_t(times[small][1]):.2f} s / {_t(times[large][1]):.2f} s)"))
    if not s.textlint:
        res.rows.append(Row("textlint + prh vs livelint", "skipped", "≥ 30×", None, "textlint disabled"))
        return
    script, message = textlint.install()
    if script is None:
        res.rows.append(Row("textlint + prh vs livelint", "skipped", "≥ 30×", None, message))
        return
    log("textlint + prh (same terms) …")
    house = [(t, "〇" * len(t)) for t in times[small][2]]
    rc = textlint.configure(work / "textlint", prh_terms + house)
    tl = measure.run(textlint.command(script, rc, c.plain), cwd=script.parent.parent.parent, env=env)
    ours = times[small][0]
    ratio = _t(tl) / _t(ours)
    res.figures["textlint"] = tl
    res.rows.append(Row("textlint + prh vs livelint (same terms)", f"{ratio:.1f}×", "≥ 30×", ratio >= 30,
                        f"textlint {textlint.version(script)} {_t(tl):.1f} s, {tl.max_rss_mb:.0f} MB; livelint "
                        f"{_t(ours):.2f} s; built-in terms + {small} house terms ({len(prh_terms) + len(house)} prh rules)"))


def _jobs(res, s, c, env, cfg, log, label: str = "") -> None:
    if not supports_jobs():
        res.rows.append(Row("--jobs 2 vs --jobs 1", "n/a", "≥ 1.7×", None, "this livelint has no --jobs yet"))
        return
    log("--jobs 1 / --jobs 2 …")
    cmd = lambda n: measure.livelint("check", "scripts", "--config", cfg, "--format", "json", "--jobs", n)
    one, two = measure.best(cmd(1), s.repeat, cwd=c.root, env=env), measure.best(cmd(2), s.repeat, cwd=c.root, env=env)
    res.figures.update({f"jobs1{label}": one, f"jobs2{label}": two})
    ratio = one.seconds / two.seconds
    detail = f"{one.seconds:.2f} s vs {two.seconds:.2f} s"
    start = res.figures.get("startup")
    if start is not None:  # start-up is serial in both runs: Amdahl's bound for two workers
        serial = start.seconds
        detail += (f"; with the one-line start-up ({serial:.2f} s) serial, two workers can give at most "
                   f"{one.seconds / (serial + (one.seconds - serial) / 2):.2f}×")
    res.rows.append(Row(f"--jobs 2 vs --jobs 1 ({len(c.files)} files){label}", f"{ratio:.2f}×", "≥ 1.7×", ratio >= 1.7,
                        detail))


def _memory(res, s, work, c, env, full, log) -> None:
    log("peak memory …")
    largest = max(c.files, key=lambda p: p.stat().st_size)
    cfg = _config(work / "cfg" / "mem.toml", c.manifest)
    alone = measure.run(measure.livelint("check", largest, "--config", cfg, "--format", "json"), cwd=c.root, env=env)
    tenth = measure.run(measure.livelint("check", *c.files[:max(1, len(c.files) // 10)], "--config", cfg,
                                         "--format", "json"), cwd=c.root, env=env)
    # The same 100 files with only the meta rules: no findings, so any growth would be documents.
    quiet = measure.run(measure.livelint("check", "scripts", "--config", cfg, "--format", "json", "--select", "ML"),
                        cwd=c.root, env=env)
    res.figures.update(mem_largest=alone, mem_tenth=tenth, mem_quiet=quiet)
    res.rows.append(Row("peak memory (ru_maxrss), whole corpus", f"{full.max_rss_mb:.0f} MB", "< 150 MB",
                        full.max_rss_mb < 150,
                        f"largest file alone ({largest.stat().st_size / 1e3:.0f} kB): {alone.max_rss_mb:.0f} MB; "
                        f"first {max(1, len(c.files) // 10)} files: {tenth.max_rss_mb:.0f} MB; all {len(c.files)} files "
                        f"with no findings (--select ML): {quiet.max_rss_mb:.0f} MB"))


def _cache(res, s, work, c, env, full, log) -> None:
    log("result cache (unchanged files) …")
    cfg = _config(work / "cfg" / "cached.toml", c.manifest, cache=True)
    argv = measure.livelint("check", "scripts", "--config", cfg, "--format", "json")
    measure.run(argv, cwd=c.root, env=env)  # fills the cache
    hit = measure.best(argv, s.repeat, cwd=c.root, env=env)
    res.figures["cached"] = hit
    res.rows.append(Row("re-check of unchanged files (result cache)", f"{_t(full) / _t(hit):.1f}× faster",
                        "(informational)", None, f"{_t(hit):.2f} s vs {_t(full):.2f} s uncached; "
                        f"peak {hit.max_rss_mb:.0f} MB"))
