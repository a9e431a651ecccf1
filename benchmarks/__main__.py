"""``python -m benchmarks [--quick] [--dense] [--no-textlint] [--results FILE]`` from the repository root.

Prints every ratio; the full run (5 MB, 100 files) also rewrites benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from . import report, runner

HERE = Path(__file__).resolve().parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one run each (smoke test)")
    parser.add_argument("--dense", action="store_true",
                        help="the dense stress corpus (~0.77 findings a line) for every measure")
    parser.add_argument("--no-textlint", action="store_true", help="skip the npm/textlint comparison")
    parser.add_argument("--repeat", type=int, help="runs per measurement (median)")
    parser.add_argument("--results", metavar="FILE",
                        help="write the Markdown results here (default: benchmarks/RESULTS.md for a full run)")
    parser.add_argument("--workdir", metavar="DIR", help="keep the corpus and rule sets here")
    parser.add_argument("--wall", action="store_true",
                        help="ratios from wall time instead of CPU time (only on an idle machine)")
    parser.add_argument("--no-profile", action="store_true", help="leave the profile out of the results")
    args = parser.parse_args(argv)

    settings = runner.QUICK if args.quick else runner.Settings()
    if args.no_textlint:
        settings = replace(settings, textlint=False)
    if args.dense:
        settings = replace(settings, dense=True)
    if args.wall:
        settings = replace(settings, metric="wall")
    if args.repeat:
        settings = replace(settings, repeat=args.repeat)
    if args.workdir:
        settings = replace(settings, workdir=Path(args.workdir))
    results_path = args.results or (None if args.quick or args.dense else str(HERE / "RESULTS.md"))

    log = lambda message: print(f"· {message}", file=sys.stderr, flush=True)
    profile_text = []

    def keep_profile(res, work):
        if not args.no_profile and results_path:
            log("profile …")
            try:
                profile_text.append(report.profile(res.corpus.files, str(work / "cfg" / "base.toml")))
            except Exception as exc:  # the figures above are worth keeping even so
                profile_text.append(f"profile failed: {type(exc).__name__}: {exc}")

    results = runner.run(settings, log=log, after=keep_profile)
    print(report.console(results))
    if results_path:
        command = "python -m benchmarks" + (" --quick" if args.quick else "") + (" --dense" if args.dense else "") \
            + (" --no-textlint" if args.no_textlint else "")
        text = report.markdown(results, command, profile_text[0] if profile_text else None,
                               report.kept_analysis(results_path))
        Path(results_path).write_text(text, "utf-8")
        print(f"results written to {results_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
