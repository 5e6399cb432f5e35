"""Syllables in languages other than English, counted as textstat counts them there.

textstat has no pronunciation dictionary for other languages: a word's syllables are
`len(Pyphen(lang=language).positions(word)) + 1`. Building that Pyphen object parses every
pattern of the language's dictionary at once (0.8 s for German, 1 s for Hungarian); here
the dictionary file is read as Pyphen reads it (its encoding line, `^^hh` escapes, the
part of a nonstandard pattern before `/`) and each pattern is parsed only when a word
meets it. tests/test_syllables.py checks the counts against Pyphen itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from seolint.document.syllable_sources import NOT_PATTERNS, ShippedPatterns, letters_of, sets_levels
from seolint.document.syllables import clean_words, hyphenation_points

_HEX = re.compile(r"\^{2}([0-9a-f]{2})")
_MEMO_LIMIT = 1 << 16  # distinct words remembered per language and process


def has_dictionary(language: str) -> bool:
    """Whether Pyphen has hyphenation patterns for `language` (a tag such as "de")."""
    return _dictionary_path(language) is not None


def syllable_counts(words: Iterable[str], language: str) -> list[int]:
    """Each word's syllables in `language`, as textstat counts them (see the module's docstring)."""
    memo = _memo(language)
    return [memo[word] if word in memo else _remember(memo, word, language) for word in words]


def _remember(memo: dict[str, int], word: str, language: str) -> int:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    patterns = _patterns(language)
    memo[word] = count = sum(len(hyphenation_points(w, patterns)) + 1 for w in clean_words(word))
    return count


@cache
def _memo(language: str) -> dict[str, int]:
    return {}


@cache
def _patterns(language: str) -> ShippedPatterns:
    path = _dictionary_path(language)
    if path is None:
        raise LookupError(f"Pyphen has no hyphenation patterns for {language!r}")
    return ShippedPatterns("", _read(path))


def _read(path: Path) -> dict[str, str]:
    """The dictionary's patterns by their letters, as Pyphen's HyphDict reads the file."""
    with path.open("rb") as handle:
        encoding = handle.readline().decode().strip()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    found: dict[str, str] = {}
    for line in path.read_text(encoding).split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(NOT_PATTERNS):
            continue
        pattern = _HEX.sub(lambda match: chr(int(match.group(1), 16)), pattern)
        if "/" in pattern and "=" in pattern:
            pattern = pattern.split("/", 1)[0]  # the alternative changes the spelling, not the points
        if sets_levels(pattern):
            found[letters_of(pattern)] = pattern
    return found


@cache
def _dictionary_path(language: str) -> Path | None:
    """Pyphen's dictionary for `language`, chosen as `pyphen.language_fallback` chooses it
    (found without importing pyphen, which lists every dictionary when imported)."""
    spec = find_spec("pyphen")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "dictionaries"
    names: dict[str, Path] = {}
    for path in sorted(folder.glob("hyph_*.dic")):
        name = path.name[5:-4]
        names.setdefault(name.lower(), path)
        names.setdefault(name.split("_")[0].lower(), path)
    parts = language.replace("-", "_").lower().split("_")
    while parts:
        found = names.get("_".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None
