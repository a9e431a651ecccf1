"""Results as a console table and as benchmarks/RESULTS.md (with the machine and a profile)."""
from __future__ import annotations

import cProfile
import io
import pstats
from datetime import datetime, timezone

from . import machine


def _mark(ok) -> str:
    return {True: "met", False: "NOT met", None: "—"}[ok]


def table(results) -> list[str]:
    out = ["| measure | result | target | status | details |", "| --- | --- | --- | --- | --- |"]
    for row in results.rows:
        out.append(f"| {row.name} | {row.measured} | {row.target} | {_mark(row.ok)} | {row.detail} |")
    return out


def console(results) -> str:
    width = max(len(r.name) for r in results.rows)
    lines = []
    for row in results.rows:
        lines.append(f"{row.name:<{width}}  {row.measured:>14}  target {row.target:<8} {_mark(row.ok):<8} {row.detail}")
    lines += [f"note: {n}" for n in results.notes]
    return "\n".join(lines)


def profile(paths, config: str, top: int = 14) -> str:
    """In-process cProfile of one check (lint + JSON render): where the remaining time goes."""
    from linter import config as cfg
    from linter.api import Options, lint_paths
    from linter.reporters import get

    options = Options.from_config(cfg.load(config))
    profiler = cProfile.Profile()
    profiler.enable()
    report = lint_paths([str(p) for p in paths], options)
    get("json").render(report)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(top)
    text = buffer.getvalue()
    keep = text[text.find("ncalls"):] if "ncalls" in text else text
    functions = "\n".join(line.replace(str(_root()), "") for line in keep.rstrip().splitlines())
    return _by_module(stats) + "\n\n" + functions


def _by_module(stats) -> str:
    """Own time summed per module: robust to renamed functions, and it reads as stages."""
    totals: dict[str, float] = {}
    for (filename, _, name), (_, _, own, _, _) in stats.stats.items():
        if "/linter/" in filename:
            key = "linter/" + filename.split("/linter/", 1)[1]
        elif filename == "~":
            key = "C: " + name.strip("<>").replace(" objects", "")
        else:
            parts = filename.replace("\\", "/").rsplit("/", 2)
            key = "other Python (" + (parts[-2] if len(parts) > 1 else filename) + ")"
        totals[key] = totals.get(key, 0.0) + own
    grand = sum(totals.values()) or 1.0
    rows = sorted(totals.items(), key=lambda kv: -kv[1])[:16]
    return "\n".join(f"{own:7.3f} s {100 * own / grand:5.1f}%  {key}" for key, own in rows)


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent


MARKER = "<!-- analysis: everything below this line is kept when the file is regenerated -->"


def kept_analysis(path) -> str:
    """The hand-written part of an existing RESULTS.md."""
    from pathlib import Path

    try:
        text = Path(path).read_text("utf-8")
    except OSError:
        return ""
    return text[text.index(MARKER) + len(MARKER):].strip() if MARKER in text else ""


def _kind(c) -> str:
    from .phrases import VIOLATION_RATE

    if c.dense:
        return "the dense stress mix (benchmarks/phrases.py DENSE: 14 of 24 templates break a rule)"
    return (f"realistic: mostly lawful talk, {VIOLATION_RATE:.0%} of lines break a rule (benchmarks/phrases.py); "
            "rows marked *dense stress corpus* use the old dense mix with the same seed and size")


def markdown(results, command: str, profile_text: str | None, analysis: str = "") -> str:
    c = results.corpus
    s = results.settings
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = ["# livelint benchmark results", "",
           f"Recorded {when} with `{command}`. Regenerate with the same command; every target is a",
           "ratio against a process measured in the same run, so it travels between machines.", "",
           "## Machine", "", *machine.describe(), "",
           "## Corpus", "",
           f"- {len(c.files)} scripts, {c.text_bytes / 1e6:.2f} MB of script text (UTF-8), seed {s.seed}, "
           f"formats {', '.join(c.formats)}; manifest with 6 products",
           f"- lines: {_kind(c)}",
           f"- timings: fastest of {s.repeat} runs after a warm-up; ratios use {'CPU (user+system)' if s.metric == 'cpu' else 'wall'} "
           "time of each process, `--jobs` uses wall time; memory: the child's own ru_maxrss",
           *[f"- {n}" for n in results.notes], "",
           "## Results", "", *table(results), ""]
    if profile_text:
        out += ["## Profile of one check (cProfile: own time per module, then top functions)", "",
                "cProfile inflates Python-level calls relative to C calls; read it for shares, not seconds.",
                "", "```", profile_text, "```", ""]
    out += [MARKER, "", analysis, ""] if analysis else [MARKER, ""]
    return "\n".join(out)
