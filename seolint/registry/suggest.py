""" "Did you mean ...?" for a misspelt config key, rule code or rule name."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` naming the closest choice, or "" when none is close."""
    import difflib  # only a misspelling needs it: every run imports this module

    options = sorted(set(choices))
    exact = {c.lower(): c for c in options}.get(word.lower().replace("_", "-"))
    close = [exact] if exact else difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        return ""
    return f"; did you mean {close[0]!r}?"
