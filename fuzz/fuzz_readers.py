"""Coverage-guided fuzzing (atheris/libFuzzer) of every reader and the whole engine, on demand.

    pip install atheris
    python fuzz/fuzz_readers.py -atheris_runs=200000          # or -max_total_time=60
    python fuzz/fuzz_readers.py crash-<sha1>                   # replay one crash

The first input byte picks a suffix from readers.REGISTRY (new readers are fuzzed as soon as
they are registered), the rest is the file content. Anything but LivelintError is a crash.
Set FUZZ_TARGET=loaders to fuzz the YAML manifest/rule/laws loaders and TOML config instead.
"""
from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from linter import config, readers
    from linter.citations import parse_laws
    from linter.engine import Linter
    from linter.manifest import parse as parse_manifest
    from linter.model import LivelintError
    from linter.rulefile import parse_rule
    from linter.ruleset import load_ruleset
    from linter.yamlio import loads

SUFFIXES = sorted(readers.REGISTRY)
RULESET = load_ruleset()
LINTER = Linter(RULESET)
CONFIG = os.path.join(tempfile.mkdtemp(prefix="livelint-fuzz-"), ".livelint.toml")


def one_line(exc: LivelintError) -> None:
    if "\n" in str(exc):
        raise AssertionError(f"multi-line error: {exc!r}")


def fuzz_readers(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    try:
        doc = readers.REGISTRY[suffix](f"fuzz{suffix}", data[1:])
        report = LINTER.check(doc)
    except LivelintError as exc:
        one_line(exc)
        return
    lines = {}
    for b in doc.blocks:
        for i, text in enumerate(b.text.split("\n")):
            lines.setdefault(b.line + i, (b.column if i == 0 else 1, text))
    for v in report.violations:  # every finding quotes what sits at its position
        assert 1 <= v.line <= v.end_line and v.column >= 1, v
        if v.line == v.end_line and v.match and v.line in lines:
            column, text = lines[v.line]
            assert text[v.column - column:v.end_column - column] == v.match, v


def fuzz_loaders(data: bytes) -> None:
    if not data:
        return
    kind, text = data[0] % 4, data[1:].decode("utf-8", "replace")
    try:
        if kind == 3:
            with open(CONFIG, "w", encoding="utf-8") as handle:
                handle.write(text)
            config.load(CONFIG)
            return
        loaded = loads(text, "fuzz.yaml")
        if kind == 0:
            parse_manifest(loaded)
        elif kind == 1:
            loaded = loads(text, "HR001-house-banned-words.yaml")
            parse_rule(loaded, RULESET.laws)
        else:
            parse_laws(loaded)
    except LivelintError as exc:
        one_line(exc)


def main() -> None:
    target = fuzz_loaders if os.environ.get("FUZZ_TARGET") == "loaders" else fuzz_readers
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
