"""Speed-ups must not change a single byte: the JSON report on the benchmark corpus, compared.

    python -m benchmarks.identical --save ref.json    # with the code before a change
    python -m benchmarks.identical ref.json           # after it: exit 0 only if byte-identical

The corpus (seeded, every format) and its manifest are generated into a temporary folder;
``livelint check`` runs as its own process with the result cache off, as a user would run it.
"""
from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from . import corpus, measure, runner


def report(size: int = 5_000_000, files: int = 100, dense: bool = False, jobs: int = 1) -> bytes:
    """The JSON report of a whole-corpus check (built-in rules and the manifest)."""
    with tempfile.TemporaryDirectory(prefix="livelint-identical-") as work:
        c = corpus.generate(Path(work) / "corpus", size, files, dense=dense)
        cfg = runner._config(Path(work) / "cfg.toml", c.manifest)
        argv = measure.livelint("check", "scripts", "--config", cfg, "--format", "json",
                                *(("--jobs", str(jobs)) if jobs != 1 else ()))
        out = subprocess.run(argv, cwd=c.root, capture_output=True, env=measure.env(str(Path(work) / "cache")))
        if out.returncode not in (0, 1):
            raise SystemExit(f"livelint exited {out.returncode}: {out.stderr.decode(errors='replace')[-500:]}")
        return out.stdout


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.identical", description=__doc__)
    parser.add_argument("reference", help="the reference report (written with --save)")
    parser.add_argument("--save", action="store_true", help="write the reference instead of comparing")
    parser.add_argument("--quick", action="store_true", help="a 40 kB corpus of 4 files")
    parser.add_argument("--dense", action="store_true", help="the dense stress corpus (many findings)")
    parser.add_argument("--jobs", type=int, default=1, help="check with --jobs N (the report must not change)")
    args = parser.parse_args(argv)
    data = report(40_000, 4, args.dense, args.jobs) if args.quick else report(dense=args.dense, jobs=args.jobs)
    digest = hashlib.sha256(data).hexdigest()[:16]
    if args.save:
        Path(args.reference).write_bytes(data)
        print(f"saved {len(data):,} bytes (sha256 {digest}) to {args.reference}")
        return 0
    same = Path(args.reference).read_bytes() == data
    print(f"{'identical' if same else 'DIFFERENT'}: {len(data):,} bytes, sha256 {digest}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
