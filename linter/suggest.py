"""Did-you-mean for unknown keys and rule ids."""
from __future__ import annotations


def did_you_mean(word: str, choices) -> str:
    """`` (did you mean "x"?)`` for the closest choice, or an empty string."""
    import difflib  # only an error message needs it, not every run's start-up

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
