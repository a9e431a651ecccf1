"""One run: paths in, Report out. The CLI is a thin shell around this."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import partial
from pathlib import Path

from typing import TYPE_CHECKING

from . import __version__, cache, parallel, readers, usercache
from .engine import FileReport, Linter
from .files import expand, write_atomic
from .manifest import Manifest, load_manifest
from .matchers import regex_timeout
from .model import LivelintError
from .report import Report
from .ruleset import RuleSet
from .segment import Cast

if TYPE_CHECKING:  # baselines and fixes are imported by the runs that use them
    from .baseline import Baseline
    from .fix import FileFix


@dataclass(frozen=True)
class Options:
    manifest: str | None = None
    rulesets: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    speakers: dict = field(default_factory=dict)
    severity: dict = field(default_factory=dict)  # rule id -> severity override
    per_file_ignores: tuple = ()  # ((glob, (prefix, ...)), ...)
    keep_source: bool = False  # carry the script text in FileReport.lines (HTML report)
    reader: readers.ReaderSettings = field(default_factory=readers.ReaderSettings)
    cache: bool = False  # per-file result cache in .livelint_cache/ (the CLI turns it on)

    @classmethod
    def from_config(cls, config, **flags) -> "Options":
        """Config file values, overridden by command-line flags that were given."""
        return cls(
            manifest=flags.get("manifest") or config.manifest,
            rulesets=config.rulesets,
            select=flags.get("select") or config.select,
            ignore=tuple(config.ignore) + tuple(flags.get("ignore") or ()),
            exclude=config.exclude,
            speakers=config.speakers,
            severity=config.severity,
            per_file_ignores=config.per_file_ignores,
            keep_source=flags.get("keep_source", False),
            reader=readers.ReaderSettings.from_config(config),
            cache=config.cache and not flags.get("no_cache"),
        )


def build(options: Options, linter: bool = True) -> tuple[RuleSet, Manifest | None, Linter | None]:
    """Rule set, manifest and Linter; ``linter=False`` still validates every input (so a bad
    one is reported here, once) but leaves the matcher unbuilt, for a parent whose workers
    build their own."""
    ruleset = usercache.load_ruleset(options.rulesets).select(options.select, options.ignore)
    usercache.load_requirements()
    if options.severity:
        ruleset = replace(ruleset, rules=tuple(replace(r, severity=options.severity.get(r.id, r.severity))
                                               for r in ruleset.rules))
    manifest = load_manifest(options.manifest) if options.manifest else None
    Cast.from_manifest(manifest, options.speakers)  # validates the speakers settings
    if not linter:
        regex_timeout()  # the one setting the Linter itself validates
        return ruleset, manifest, None
    return ruleset, manifest, _linter(ruleset, manifest, options)


def _linter(ruleset: RuleSet, manifest: Manifest | None, options: Options) -> Linter:
    return Linter(ruleset, manifest, Cast.from_manifest(manifest, options.speakers),
                  keep_source=options.keep_source)


@dataclass(frozen=True)
class Job:
    """What a run does besides checking: hide a baseline, fix (``safe``/``unsafe``), write."""

    baseline: Baseline | None = None
    fix: str | None = None
    write: bool = True  # False: --diff, compute fixes but leave files alone
    jobs: int = 1  # processes; 0 = one per CPU
    results: cache.ResultCache | None = None  # per-file result cache (Options.cache)


@dataclass(frozen=True)
class Outcome:
    result: FileReport | None = None
    error: LivelintError | None = None
    fixed: FileFix | None = None


def lint_paths(paths, options: Options | None = None, on_error=None, job: Job = Job(),
               on_progress=None) -> Report:
    """Lint files and folders. Per-file input errors go to ``on_error`` (or are raised).

    ``on_progress(done, total)`` is called after each file, in input order.
    """
    options = options or Options()
    ruleset, manifest, _ = build(options, linter=False)
    files = expand(paths, options.exclude)
    count = parallel.workers(job.jobs, len(files))
    make_linter = partial(_linter, ruleset, manifest, options)
    linter = make_linter() if count <= 1 else None  # forked workers inherit one; spawned ones build their own
    results: list[FileReport] = []
    fixes: list[FileFix] = []
    if options.cache:
        job = replace(job, results=cache.ResultCache.for_run(options, usercache.rules_key(options.rulesets)))
    outcomes = parallel.run(files, count, options, job, lambda p: process(p, linter, options, job),
                            make_linter)
    for done, out in enumerate(outcomes, start=1):
        if out.error is not None:
            if on_error is None:
                raise out.error
            on_error(out.error)
        else:
            results.append(out.result)
        if out.fixed is not None:
            fixes.append(out.fixed)
        if on_progress is not None:
            on_progress(done, len(files))
    results.sort(key=lambda r: r.path)  # contract §3.2: path order, whatever the argument order
    fixes.sort(key=lambda f: f.path)
    usercache.save_requirements()
    return Report(tuple(results), ruleset, __version__, tuple(fixes) if job.fix else None)


def process(path: str, linter: Linter, options: Options, job: Job) -> Outcome:
    """One file through the whole job: read, check (or reuse a cached check), baseline, fix."""
    def check(raw: bytes) -> FileReport:
        return _ignore_per_file(linter.check(readers.parse(path, raw, options.reader)), options)

    def lint(raw: bytes) -> FileReport:
        result = check(raw)
        return job.baseline.apply(result) if job.baseline else result

    try:
        raw = readers.load(path)
        result = job.results.get(path, raw) if job.results else None
        if result is None:
            result = check(raw)
            if job.results:
                job.results.put(path, raw, result)
        if job.baseline:
            result = job.baseline.apply(result)
        if job.fix:
            from .fix import fix_file

            result, fixed = fix_file(path, raw, result, lint, job.fix == "unsafe", job.write)
            return Outcome(result, fixed=fixed)
        return Outcome(result)
    except LivelintError as exc:
        return Outcome(error=exc)


def write_baseline(report: Report, path: str) -> Report:
    """Record every unsuppressed finding as the baseline (atomically); return them baselined."""
    from .baseline import Baseline, dumps, entries

    try:
        write_atomic(path, dumps(report.files))
    except OSError as exc:
        raise LivelintError(f"cannot write baseline ({exc.strerror or exc})", path) from None
    known = Baseline(frozenset((e["path"], e["fingerprint"]) for e in entries(report.files)))
    return replace(report, files=tuple(known.apply(f) for f in report.files))


def _ignore_per_file(result: FileReport, options: Options) -> FileReport:
    prefixes = tuple(p for glob, ps in options.per_file_ignores
                     if fnmatch(Path(result.path).as_posix(), glob) or fnmatch(Path(result.path).name, glob)
                     for p in ps)
    if not prefixes:
        return result
    kept = tuple(v for v in result.violations if not v.rule.startswith(prefixes))
    return replace(result, violations=kept)
