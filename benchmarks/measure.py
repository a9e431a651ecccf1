"""Whole-process measurements: wall time, CPU time and the child's own peak memory (ru_maxrss).

Each command runs under a small trampoline process (``python -S``, a few MB) that spawns it,
reaps it with ``os.wait4`` and reports that one process's usage. Two reasons: the usage is of
exactly one process, not mixed up with npm, node or an earlier run the way RUSAGE_CHILDREN
would be; and Linux carries a process's peak RSS across fork and exec, so a command forked
straight from this runner (which holds the corpus generator and the rule set, ~100 MB) would
report at least the runner's own peak, whatever it used itself.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass

_MARK = "@@livelint-benchmark-usage"
_TRAMPOLINE = f"""
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
os.write(2, ("\\n{_MARK} %d %r %r %r\\n" % (usage.ru_maxrss, usage.ru_utime + usage.ru_stime, wall,
                                           os.waitstatus_to_exitcode(status))).encode())
"""


@dataclass(frozen=True)
class Run:
    seconds: float  # wall
    max_rss_mb: float
    returncode: int
    stderr: str = ""
    cpu: float = 0.0  # user + system seconds of the child (and children it waited for)


def run(argv, cwd=None, env=None, ok=(0, 1)) -> Run:
    """Run ``argv`` once; stdout is discarded (reports can be large), stderr kept for errors."""
    proc = subprocess.Popen([sys.executable, "-S", "-c", _TRAMPOLINE, *map(str, argv)], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Read stderr in full before reaping, or a chatty child could block on a full pipe.
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.wait()
    if proc.stderr:
        proc.stderr.close()
    text, _, usage = stderr.rpartition(f"\n{_MARK} ")
    if not usage:
        raise RuntimeError(f"{' '.join(map(str, argv))} could not be run: {stderr.strip()[-500:]}")
    maxrss, cpu, seconds, returncode = usage.split()
    rss = int(maxrss) / (1024 * 1024 if sys.platform == "darwin" else 1024)
    result = Run(float(seconds), rss, int(returncode), text, float(cpu))
    if ok is not None and result.returncode not in ok:
        raise RuntimeError(f"{' '.join(map(str, argv))} exited {result.returncode}: {result.stderr.strip()[-500:]}")
    return result


def best(argv, repeat: int, cwd=None, env=None, ok=(0, 1), warm_up: bool = True) -> Run:
    """Fastest of ``repeat`` runs (after one unmeasured warm-up when repeating), with the
    largest peak memory seen: noise on a shared machine inflates times, never shrinks them,
    so the minimum is the best estimate of the cost (as ``timeit`` does)."""
    if repeat > 1 and warm_up:
        run(argv, cwd, env, ok)
    runs = [run(argv, cwd, env, ok) for _ in range(max(1, repeat))]
    return Run(min(r.seconds for r in runs), max(r.max_rss_mb for r in runs),
               runs[-1].returncode, runs[-1].stderr, min(r.cpu for r in runs))


def livelint(*args) -> list[str]:
    """The livelint command of the running interpreter (the same as the console script)."""
    return [sys.executable, "-m", "linter", *map(str, args)]


def env(cache_home: str | None = None) -> dict:
    out = dict(os.environ)
    out.pop("LIVELINT_DEBUG", None)
    out["NO_COLOR"] = "1"
    if cache_home:
        out["XDG_CACHE_HOME"] = cache_home
    return out
