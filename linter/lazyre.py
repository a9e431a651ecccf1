"""Module-level regexes compiled on first use.

The regex module compiles in Python: a large pattern costs 1–5 ms, and a one-line check used
to compile dozens at import that it never ran. ``lazy(...)`` stands in for ``regex.compile(...)``
wherever a pattern is only used through its methods and attributes (``.search``, ``.pattern`` …).
"""
from __future__ import annotations

import regex


class LazyPattern:
    """Compiles on the first attribute access, then keeps each attribute it hands out on the
    instance, so later calls cost one plain attribute lookup (``__getattr__`` is not called
    again for that name)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: regex.Pattern | None = None

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_args", "_compiled"):
            raise AttributeError(name)  # copy/pickle probes, or a half-built instance
        if self._compiled is None:
            self._compiled = regex.compile(*self._args)
        value = getattr(self._compiled, name)
        self.__dict__[name] = value
        return value


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``regex.compile(pattern, flags)``, deferred until the pattern is first used."""
    return LazyPattern(pattern, flags)
