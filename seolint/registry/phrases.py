"""Literal phrases as one pattern, matched alike wherever a user lists phrases: C001's
`phrases`, and a pack rule's `phrases` and `extend-phrases`.

A phrase matches case-insensitively and only as whole words: no word character right
before or after it. Unlike `\\b`, that also holds for a phrase that starts or ends with
punctuation ("Sign up!"). Any run of whitespace matches the spaces between its words (a
line break inside a paragraph too), and straight and curly apostrophes match each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from seolint.registry.packs.regex_safety import LazyPattern

_NOTHING = "(?!)"  # no phrase: a pattern that matches nowhere


def phrase_pattern(phrases: Iterable[str]) -> LazyPattern:
    """The phrases as one case-insensitive, word-bounded alternation, longest first.

    Built with `re`, also for user phrases: they are escaped literals in this one shape,
    which scans each whitespace run once per start, and need Unicode word boundaries.
    """
    escaped = sorted(
        (
            r"\s+".join(re.escape(word).replace("’", "'").replace("'", "['’]") for word in phrase.split())
            for phrase in phrases
            if phrase.strip()
        ),
        key=len,
        reverse=True,
    )
    if not escaped:
        return LazyPattern(_NOTHING)
    return LazyPattern(r"(?i)(?<!\w)(?:" + "|".join(escaped) + r")(?!\w)")
