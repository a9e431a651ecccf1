"""Reporters format a Report; they never decide anything. Registry: format name → module.

Modules are imported on use so that, say, the JSON path never pays for rich or jinja2.
"""
from __future__ import annotations

import importlib.util
import os
import posixpath

FORMATS = {
    "terminal": "terminal",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


def available() -> list[str]:
    out = []
    for name, module in FORMATS.items():
        if importlib.util.find_spec(f"{__name__}.{module}") is not None:
            out.append(name)
    return out


def get(name: str):
    """The reporter module for a format; it has ``render(report, color: bool) -> str``."""
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def repo_path(path: str) -> str:
    """A path as code hosts key files: forward slashes, no ``./`` (``../`` kept)."""
    return posixpath.normpath(path.replace(os.sep, "/"))
