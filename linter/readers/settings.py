"""Reader settings: the part of the configuration that changes how files are read.

Kept apart from ``config.Config`` so readers depend on a small frozen value, not on the whole
configuration, and so a run with no config file reads exactly as ``ReaderSettings()`` does.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import LivelintError
from ..suggest import did_you_mean

# What a table column can mean. ``text`` is what is said and the only column that is linted.
COLUMN_ROLES = ("time", "section", "speaker", "text", "product", "note")


@dataclass(frozen=True)
class ReaderSettings:
    # (role, header names) from config ``columns``; a role given here replaces its default names
    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def from_config(cls, config) -> "ReaderSettings":
        """Validate ``columns`` (an unknown role is an error naming ``columns.<role>``)."""
        pairs = []
        for role, names in (getattr(config, "columns", None) or {}).items():
            if role not in COLUMN_ROLES:
                raise LivelintError("unknown column role" + did_you_mean(role, COLUMN_ROLES)
                                    + f" (roles: {', '.join(COLUMN_ROLES)})",
                                    getattr(config, "path", None), None, f"columns.{role}")
            if not names or not all(str(n).strip() for n in names):
                raise LivelintError("expected a non-empty list of header names",
                                    getattr(config, "path", None), None, f"columns.{role}")
            pairs.append((role, tuple(str(n) for n in names)))
        return cls(columns=tuple(pairs))
