"""Fact checks: the kinds of comparison a ``kind: fact`` rule can name in ``check``.

A fact rule is data (which claim, which manifest field, what tolerance); the comparison itself is
one function registered here by name. Checks register themselves from linter/checks/.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Check:
    """A named comparison between a claim and manifest facts."""

    claims: tuple[str, ...]  # claim kinds the check consumes
    run: Callable  # (rule, claim, product, manifest, segment) -> Outcome | None
    validate: Callable[[dict], str | None] = lambda params: None


CHECKS: dict[str, Check] = {}


def register(name: str, check: Check) -> None:
    if name in CHECKS:
        raise ValueError(f"fact check {name} registered twice")
    CHECKS[name] = check
