"""Checking many files on several processes, with output identical to a serial run.

On Linux, with no other thread running, workers are forked after the parent has compiled the
Linter once, so they start at once with it in memory (spawned workers spent ~0.4 s each
re-importing and rebuilding the rules). Elsewhere they are spawned and build their own Linter
in the pool initializer. ``Executor.map`` yields results in input order, so reports do not
depend on which worker finished first.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from typing import Callable, Iterator

_WORKER: tuple | None = None  # (linter, options, job) in a worker process


def workers(jobs: int, files: int) -> int:
    """Processes to use: ``--jobs 0`` means one per CPU; never more than there are files."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, files))


def _init(options, job) -> None:
    global _WORKER
    from .api import build

    _WORKER = (build(options)[2], options, job)


def _work(path: str):
    from .api import process

    linter, options, job = _WORKER
    return process(path, linter, options, job)


def run(paths: list[str], count: int, options, job, local: Callable,
        make_linter: Callable) -> Iterator:
    """Outcomes of ``api.process`` for every path, in order; ``local`` runs one path here and
    ``make_linter()`` builds the Linter from the rule set and manifest the caller already loaded."""
    if count <= 1:
        yield from map(local, paths)
        return
    # At least ~32 tasks per worker: one slow file (a large workbook) no longer holds up a
    # whole chunk at the end, and the first result arrives early (100 files: 1 file a task).
    chunk = max(1, min(16, len(paths) // (count * 32)))
    import multiprocessing  # only a parallel run pays for these imports (~15 ms)
    from concurrent.futures import ProcessPoolExecutor

    if _can_fork():
        global _WORKER
        _WORKER = (make_linter(), options, job)  # inherited by every forked worker
        # Objects that exist now are never collected in a worker: a collection there would
        # write to every inherited object and copy its page (the gc module's advice for fork).
        gc.freeze()
        pool = ProcessPoolExecutor(count, multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(count, multiprocessing.get_context("spawn"),
                                   initializer=_init, initargs=(options, job))
    try:
        with pool:
            yield from pool.map(_work, paths, chunksize=chunk)
    finally:
        gc.unfreeze()  # a library caller's objects are collectable again


def _can_fork() -> bool:
    """Fork only where it is the platform's own safe default (Linux) and no thread runs that a
    child would inherit mid-step (the progress bar starts only after the first result)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1
