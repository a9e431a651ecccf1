"""Benchmarks for livelint: ``python -m benchmarks`` (see README)."""
