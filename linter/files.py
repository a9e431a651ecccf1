"""Expanding command-line paths into script files, and writing output files atomically."""
from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from . import readers
from .model import LivelintError

_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"}


def _excluded(path: str, exclude) -> bool:
    posix = Path(path).as_posix()
    return any(fnmatch(posix, pat) or fnmatch(Path(path).name, pat) or posix.startswith(pat.rstrip("/") + "/")
               for pat in exclude)


def expand(paths, exclude=()) -> list[str]:
    """Files to lint, in a stable order. Directories are walked without following links."""
    out: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, files in os.walk(given, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in files:
                    path = os.path.join(root, name)
                    if readers.supported(Path(name)) and not name.startswith(("~$", ".")) \
                            and not _excluded(path, exclude) and not os.path.islink(path) \
                            and os.path.isfile(path):  # no FIFOs or devices from a walk
                        found.append(path)
            out.extend(sorted(found))
        elif os.path.exists(given) or os.path.islink(given):
            if not _excluded(given, exclude):
                out.append(given)
        else:
            raise LivelintError("no such file or directory", given)
    seen = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def write_atomic(path: str, data, durable: bool = True) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file.

    ``data`` is text, bytes, or an iterable of them (a report streamed as it renders).
    ``durable`` syncs the data to disk before the rename (user files and reports); a cache,
    which may always be rebuilt, skips that cost."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)  # keep the link
    directory = target.parent if str(target.parent) else Path(".")
    if target.exists():
        mode = target.stat().st_mode & 0o7777
    else:  # mkstemp creates 0600; a new report gets the usual mode, as open() would give it
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only a run that writes a file pays for it

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            # surrogateescape: a non-UTF-8 file name in a report is written back as its bytes
            for part in [data] if isinstance(data, (str, bytes)) else data:
                handle.write(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
