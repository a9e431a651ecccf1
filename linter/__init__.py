"""livelint: compliance linter for Chinese live-stream shopping scripts.

Public API: ``lint_paths`` for a whole run, or the stages themselves
(``readers.read`` → ``engine.Linter.check``) for embedding.
"""
__version__ = "0.1.0"

from .api import lint_paths  # noqa: E402

__all__ = ["lint_paths", "__version__"]
