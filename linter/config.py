"""Configuration (contract §3.8): ``[tool.livelint]`` in pyproject.toml or ``.livelint.toml``.

Found by walking up from the working directory; ``--config FILE`` names either kind. Paths in
the file are relative to the file. Unknown keys are errors with a did-you-mean.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .model import ROLES, SEVERITIES, LivelintError
from .segment import ROLE_WORDS
from .suggest import did_you_mean

KEYS = ("manifest", "rulesets", "select", "ignore", "severity", "per-file-ignores", "fail-on",
        "exclude", "speakers", "columns", "cache")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    manifest: str | None = None
    rulesets: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)  # rule id -> severity
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, prefixes)
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    speakers: dict = field(default_factory=dict)  # name -> role word
    columns: dict = field(default_factory=dict)  # table column role -> header names
    cache: bool = True


def find(start: Path | None = None) -> Path | None:
    """The nearest .livelint.toml, or pyproject.toml with a [tool.livelint] table."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        dotfile = directory / ".livelint.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "livelint" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}):
                    return pyproject
            except (ValueError, RecursionError, OSError):  # decode and TOML errors included
                continue
    return None


def _strings(value, path: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LivelintError("expected a list of strings", path, None, key)
    return tuple(value)


def _table(value, path: str, key: str) -> dict:
    if not isinstance(value, dict):
        raise LivelintError("expected a table", path, None, key)
    return value


def _flag(value, path: str, key: str) -> bool:
    if not isinstance(value, bool):
        raise LivelintError("expected true or false", path, None, key)
    return value


def load(path: str | Path | None) -> Config:
    """Read a config file; ``None`` searches upwards and returns defaults if none is found."""
    if path is None:
        path = find()
        if path is None:
            return Config()
    path = Path(path)
    if path.is_fifo() or path.is_char_device() or path.is_block_device() or path.is_socket():
        raise LivelintError("not a regular file (FIFO, socket or device)", str(path))
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise LivelintError("config file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LivelintError(f"cannot read config ({exc})", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column \d+\)$", str(exc))  # tomllib < 3.14 has no lineno
        line = getattr(exc, "lineno", None) or (int(at.group(1)) if at else None)
        message = str(exc)[:at.start()].strip() if at else str(exc)
        raise LivelintError(f"TOML error: {message}", str(path), line) from None
    except (ValueError, RecursionError) as exc:  # 5000-digit integers, 3000 nested arrays
        raise LivelintError(f"TOML error: {type(exc).__name__}: {exc}", str(path)) from None
    where = str(path)
    if path.name == "pyproject.toml":
        data = _table(data.get("tool", {}), where, "tool")
        data = _table(data.get("livelint", {}), where, "tool.livelint")
    for key in data:
        if key not in KEYS:
            raise LivelintError("unknown key" + did_you_mean(key, KEYS), where, None, key)
    base = path.parent
    severity = _table(data.get("severity", {}), where, "severity")
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise LivelintError(f"expected one of {', '.join(SEVERITIES)}", where, None, f"severity.{rule}")
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise LivelintError(f"expected one of {', '.join(SEVERITIES)}", where, None, "fail-on")
    pfi = _table(data.get("per-file-ignores", {}), where, "per-file-ignores")
    speakers = _table(data.get("speakers", {}), where, "speakers")
    roles = (*ROLE_WORDS, *ROLES)
    for name, role in speakers.items():
        if role not in roles:
            raise LivelintError(f"expected a role ({', '.join(roles)}), got {role!r}"
                                + did_you_mean(str(role), roles), where, None, f"speakers.{name}")
    columns = _table(data.get("columns", {}), where, "columns")
    manifest = data.get("manifest")
    if manifest is not None and not isinstance(manifest, str):
        raise LivelintError("expected a path", where, None, "manifest")
    return Config(
        path=where,
        manifest=str(base / manifest) if manifest else None,
        rulesets=tuple(str(base / r) for r in _strings(data.get("rulesets", []), where, "rulesets")),
        select=_strings(data.get("select", []), where, "select"),
        ignore=_strings(data.get("ignore", []), where, "ignore"),
        severity={k.upper(): v for k, v in severity.items()},
        per_file_ignores=tuple((g, _strings(v, where, f"per-file-ignores.{g}")) for g, v in pfi.items()),
        fail_on=fail_on,
        exclude=_strings(data.get("exclude", []), where, "exclude"),
        speakers={str(k): str(v) for k, v in speakers.items()},
        columns={str(k): _strings(v, where, f"columns.{k}") for k, v in columns.items()},
        cache=_flag(data.get("cache", True), where, "cache"),
    )
