"""One run: paths in, Report out. The CLI is a thin shell around this."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path

from . import __version__, readers
from .engine import FileReport, Linter
from .files import expand
from .manifest import Manifest, load_manifest
from .model import LivelintError
from .report import Report
from .ruleset import RuleSet, load_ruleset
from .segment import Cast


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
        )


def build(options: Options) -> tuple[RuleSet, Manifest | None, Linter]:
    ruleset = load_ruleset(options.rulesets).select(options.select, options.ignore)
    if options.severity:
        ruleset = RuleSet(tuple(replace(r, severity=options.severity.get(r.id, r.severity))
                                for r in ruleset.rules), ruleset.laws)
    manifest = load_manifest(options.manifest) if options.manifest else None
    linter = Linter(ruleset, manifest, Cast.from_manifest(manifest, options.speakers))
    return ruleset, manifest, linter


def lint_paths(paths, options: Options | None = None, on_error=None) -> Report:
    """Lint files and folders. Per-file input errors go to ``on_error`` (or are raised)."""
    options = options or Options()
    ruleset, _, linter = build(options)
    results: list[FileReport] = []
    for path in expand(paths, options.exclude):
        try:
            results.append(_ignore_per_file(linter.check(readers.read(path)), options))
        except LivelintError as exc:
            if on_error is None:
                raise
            on_error(exc)
    results.sort(key=lambda r: r.path)  # contract §3.2: path order, whatever the argument order
    return Report(tuple(results), ruleset, __version__)


def _ignore_per_file(result: FileReport, options: Options) -> FileReport:
    prefixes = tuple(p for glob, ps in options.per_file_ignores
                     if fnmatch(Path(result.path).as_posix(), glob) or fnmatch(Path(result.path).name, glob)
                     for p in ps)
    if not prefixes:
        return result
    kept = tuple(v for v in result.violations if not v.rule.startswith(prefixes))
    return replace(result, violations=kept)
