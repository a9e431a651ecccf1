"""textlint + prh with the same terms, installed by npm into ``benchmarks/.cache``.

prh is how Japanese and Chinese writing teams keep term lists for textlint; each term becomes
one prh rule (``expected`` is the rule's suggested replacement, or a neutral placeholder).
Everything is skipped with a message when npm or node is missing or the install fails.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

PACKAGES = ("textlint@14", "textlint-rule-prh@6")
CACHE = Path(__file__).resolve().parent / ".cache" / "textlint"


def install(cache: Path = CACHE) -> tuple[Path | None, str]:
    """(path of the textlint script, or None; a message saying what happened)."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return None, "npm/node not found: textlint comparison skipped"
    script = cache / "node_modules" / "textlint" / "bin" / "textlint.js"
    if script.is_file():
        return script, "cached"
    cache.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
                                 "--loglevel=error", *PACKAGES], capture_output=True, text=True, timeout=240)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"npm install failed ({exc}): textlint comparison skipped"
    if result.returncode != 0 or not script.is_file():
        return None, f"npm install failed: {result.stderr.strip()[-300:]}: textlint comparison skipped"
    return script, "installed " + " ".join(PACKAGES)


def version(script: Path) -> str:
    try:
        out = subprocess.run([shutil.which("node") or "node", str(script), "--version"],
                             capture_output=True, text=True, timeout=60)
        return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def configure(directory: Path, terms: list[tuple[str, str]]) -> Path:
    """Write prh.yml (one rule per term) and a .textlintrc.json using it; returns the rc."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = ["version: 1", "rules:"]
    for term, expected in terms:
        lines.append(f"  - expected: {json.dumps(expected, ensure_ascii=False)}")
        lines.append(f"    pattern: {json.dumps(term, ensure_ascii=False)}")
    prh = directory / "prh.yml"
    prh.write_text("\n".join(lines) + "\n", "utf-8")
    rc = directory / ".textlintrc.json"
    rc.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}), "utf-8")
    return rc


def command(script: Path, rc: Path, files) -> list[str]:
    return [shutil.which("node") or "node", str(script), "--config", str(rc),
            "--rules-base-directory", str(script.parent.parent.parent), "--format", "compact",
            *map(str, files)]
