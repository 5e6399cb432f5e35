"""Syllable counts equal to textstat's, without building its whole CMU dictionary.

textstat 0.7 counts a word's syllables from its first CMU pronunciation (one per stress
digit), else from Pyphen's hyphenation points. On first use it turns the 3.6 MB
dictionary into 135 k Python lists (about 1.5 s in every process, most of a one-post
run) and Pyphen parses all 11 k hyphenation patterns. Here both come prepared from
seolint.document.syllable_table, and each distinct word is counted once per process: prose
repeats its words. tests/test_syllables.py checks every dictionary word, and the
corpus's prose, against textstat and Pyphen themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from seolint.document.syllable_table import syllable_data

# textstat's own word clean-up (backend/utils/constants.py and remove_punctuation): keep
# apostrophes only where they start a contraction's ending, drop every other mark.
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_EDGE = 2  # Pyphen's default: no hyphen within two letters of either end
_ODD = frozenset("13579")
_MEMO_LIMIT = 1 << 17  # distinct words remembered per process (~10 MB); then it starts afresh


def count(text: str) -> int:
    """Syllables in `text`, as `textstat.syllable_count(text.lower())` counts them in English.

    Lowercase first, as seolint always did: "O'Rear" then keeps its apostrophe ("'re").
    """
    if text.isascii() and text.isalnum():  # most words: the clean-up below would keep them whole
        return _word_syllables(text.lower())
    return sum(_word_syllables(word) for word in clean_words(text))


def clean_words(text: str) -> list[str]:
    """`text` lowercased and split into the words textstat counts syllables of."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text.lower())).split()


def total(words: Iterable[str]) -> int:
    """Syllables of all `words`, each `count`ed the first time this process meets it."""
    return sum(map(_MEMO.__getitem__, words))


class _Memo(dict[str, int]):
    """`count` of every word met so far: a look-up in C for all but a word's first time."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        syllables = self[word] = count(word)
        return syllables


_MEMO = _Memo()


def _word_syllables(word: str) -> int:
    listed = syllable_data().dictionary_syllables(word)
    return len(hyphenation_points(word)) + 1 if listed is None else listed


class Patterns(Protocol):
    def get(self, letters: str, /) -> str | None: ...


def hyphenation_points(word: str, patterns: Patterns | None = None) -> list[int]:
    """Where `Pyphen(lang="en_US").positions(word)` would hyphenate a lowercase word (Liang),
    or Pyphen with another language's `patterns` (seolint.document.hyphenation).

    Levels stay digit characters ("0" < "1" < ... < "9" as strings too); the search from
    each letter stops at the first substring that begins no pattern.
    """
    get = (patterns or syllable_data().patterns).get
    dotted = f".{word}."
    levels = ["0"] * (len(dotted) + 1)
    for start in range(len(dotted) - 1):
        for end in range(start + 1, len(dotted) + 1):
            pattern = get(dotted[start:end])
            if not pattern:
                if pattern is None:
                    break
                continue  # only the start of longer patterns
            for offset, level in enumerate(pattern, start):
                if level > levels[offset]:
                    levels[offset] = level
    last = len(word) - _EDGE
    return [at - 1 for at, level in enumerate(levels) if level in _ODD and _EDGE <= at - 1 <= last]
