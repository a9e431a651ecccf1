"""Fact-check families; importing this package registers every check into facts.CHECKS."""
from . import price, sales, scarcity, spec, statement, urgency  # noqa: F401
