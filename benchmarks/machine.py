"""What the numbers were measured on: CPU, cores, Python, and the packages on the hot path."""
from __future__ import annotations

import os
import platform
import sys
from importlib import metadata

PACKAGES = ("livelint", "opencc", "ahocorasick-rs", "regex", "pyyaml", "orjson", "click")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def describe() -> list[str]:
    """Markdown bullet lines."""
    return [
        f"- CPU: {cpu_model()}, {cores()} usable cores ({platform.machine()})",
        f"- OS: {platform.system()} {platform.release()}",
        f"- Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        "- Packages: " + ", ".join(f"{k} {v}" for k, v in versions().items()),
    ]
