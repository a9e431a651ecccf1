"""Fact-check families; importing this package registers every check into facts.CHECKS."""
from . import price, sales, scarcity, spec, urgency  # noqa: F401
