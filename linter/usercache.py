"""Caches in the user's cache folder (``$XDG_CACHE_HOME/livelint``, else ``~/.cache/livelint``):
what every run would otherwise rebuild from the same files.

* **Compiled rule sets:** parsing and validating YAML is the start-up hot spot (30k house terms:
  ~1.7 s). The parsed RuleSet is stored as JSON under a key of every rule file's bytes,
  laws.yaml, the livelint code and Python.
* **Regex requirements:** the literals each regex needs (literals.py), as a run analysed them.
* **Parsed YAML:** the manifest and the corrections vocabulary, which every run reads, as yamlio
  parsed them (data and key lines), under a key of their text and the code, so a run imports no
  YAML parser at all (~20 ms of a one-line check). Only data that JSON holds exactly is stored
  (string keys, finite numbers …); anything else is parsed anew.

Best-effort and JSON-only, like cache.py, whose primitives these use.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

from .cache import FORMAT, _digest, _plain, _prune, _write_atomic, code_signature


def user_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "livelint"


def rules_key(extra_dirs=()) -> str | None:
    """A key over every file the rule set is built from; None if a folder is missing (the
    uncached loader then reports it). Recomputed on every call (hashing a few hundred kB of
    rules is far below a millisecond), so a long-lived process sees edited rule files."""
    from .ruleset import builtin_dir, rule_files

    parts = [code_signature()]
    for directory in [builtin_dir(), *map(Path, extra_dirs)]:
        if not directory.is_dir():
            return None
        files = rule_files(directory)
        laws = directory / "laws.yaml"
        for path in ([laws] if laws.is_file() else []) + files:
            if not path.is_file():  # a FIFO would block: let the uncached loader report it
                return None
            try:
                parts += [os.fsencode(path), path.read_bytes()]
            except OSError:
                return None
    return _digest(*parts)


def _requirements_path() -> Path:
    return user_dir() / f"literals-{_digest(code_signature())}.json"


def load_requirements() -> None:
    """Prime literals.required with the requirements an earlier run of this code worked out."""
    import orjson

    from .literals import remember

    try:
        data = orjson.loads(_requirements_path().read_bytes())
        remember({p: None if need is None else frozenset(need) for p, need in data.items()})
    except Exception:  # missing or damaged: the analysis simply runs again
        pass


def save_requirements() -> None:
    """Keep what this run analysed for the next (written only when something was new)."""
    import orjson

    from .literals import learned

    known = learned()
    if known:
        _write_atomic(_requirements_path(), orjson.dumps(
            {p: None if need is None else sorted(need) for p, need in known.items()}))
        _prune(user_dir(), "literals-*.json", keep=4)


def load_ruleset(extra_dirs=()):
    """ruleset.load_ruleset, served from the user cache when no rule file has changed."""
    from .ruleset import load_ruleset as load

    key = rules_key(extra_dirs)
    if key is None:
        return load(extra_dirs)
    path = user_dir() / f"rules-{key}.json"
    try:
        return _decode_ruleset(path.read_bytes())
    except Exception:  # missing, truncated, or from an incompatible build: rebuild
        pass
    ruleset = load(extra_dirs)
    _write_atomic(path, _encode_ruleset(ruleset))
    _prune(path.parent, "rules-*.json", keep=8)
    return ruleset


def _encode_ruleset(ruleset) -> bytes:
    import orjson

    return orjson.dumps({"format": FORMAT, "rules": _plain(ruleset.rules),
                         "laws": {k: _plain(v) for k, v in ruleset.laws.items()}})


def _pairs(items) -> tuple:
    return tuple(tuple(pair) for pair in items)


def _decode_ruleset(raw: bytes):
    """The inverse of _encode_ruleset: JSON lists back to the tuples the dataclasses hold."""
    import orjson
    from datetime import date

    from .citations import Law
    from .model import Citation
    from .ruleset import Example, Rule, RuleSet

    data = orjson.loads(raw)
    if data.get("format") != FORMAT:
        raise ValueError("stale rule-set cache")
    rules = []
    for r in data["rules"]:
        for key in ("terms", "patterns", "exception_phrases", "exception_patterns", "categories",
                    "roles", "backed_by"):
            r[key] = tuple(r[key])
        r["citations"] = tuple(Citation(**c) for c in r["citations"])
        r["bad"] = tuple(Example(**e) for e in r["bad"])
        r["good"] = tuple(Example(**e) for e in r["good"])
        r["replace"], r["params"] = _pairs(r["replace"]), _pairs(r["params"])
        rules.append(Rule(**r))
    laws = {}
    for key, law in data["laws"].items():
        law["in_force"] = date.fromisoformat(law["in_force"]) if law["in_force"] else None
        law["unverified_articles"] = tuple(law["unverified_articles"])
        law["renumbered"] = _pairs(law["renumbered"])
        laws[key] = Law(**law)
    return RuleSet(tuple(rules), laws)


def load_yaml(text: str, path: str):
    """yamlio.loads(text, path), served from the user cache; a parse error is never stored,
    so it is reported afresh (and alike) on every run."""
    import orjson

    from .yamlio import Loaded, loads

    entry = user_dir() / f"yaml-{_digest(code_signature(), text.encode())}.json"
    try:
        stored = orjson.loads(entry.read_bytes())
        return Loaded(stored["data"], {tuple(key): line for key, line in stored["lines"]}, path)
    except Exception:  # missing, damaged or foreign: parse
        pass
    loaded = loads(text, path)
    if _exact_json(loaded.data):
        try:
            data = orjson.dumps({"data": loaded.data,
                                 "lines": [[list(key), line] for key, line in loaded.lines.items()]})
        except orjson.JSONEncodeError:  # a lone surrogate from a YAML escape
            return loaded
        _write_atomic(entry, data)
        _prune(entry.parent, "yaml-*.json", keep=8)
    return loaded


def _exact_json(value) -> bool:
    """Whether JSON gives ``value`` back equal and of the same types (no int keys, no NaN …)."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return -2 ** 63 <= value < 2 ** 63
    if kind is float:
        return math.isfinite(value)
    if kind is list:
        return all(_exact_json(item) for item in value)
    if kind is dict:
        return all(type(k) is str and _exact_json(v) for k, v in value.items())
    return False
