"""Names close to a given one, by difflib's ratio, without comparing it with every name.

"Did you mean" compared each broken link's name with every page's: on a site whose
permalinks changed that is broken links x pages SequenceMatchers (2,000 pages: 31 s, 97 %
of it in ratio()). Here a name is compared only if it passes three filters no name at
the ratio asked for (r) can fail:

- lengths: ratio <= 2 min / T, with T = len a + len b (difflib's real_quick_ratio);
- letters: ratio <= 2 |a & b| / T for their character multisets (quick_ratio);
- bigrams: ratio is 2 M / T with M the characters of its matching blocks, a common
  subsequence, so at most D = T - 2M <= (1 - r) T insertions and deletions separate the
  two, and those leave at least (T - 2 - 3 D) / 2 bigrams in common (`_bigrams_needed`,
  after Ukkonen's q-gram lemma).

The filters run on every name at once: each name is one bit, the names holding a bigram
(or at least k of a letter) are one int, and the counts a name shares with the query are
added up bit-sliced, one int per binary digit. A query costs a few hundred int operations
of a bit per name, 64 names to a machine word, whatever the site's size; Python looks
only at the names that pass, about one per broken link on a real site.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator


class NearNames:
    """A set of names (compared case aside), to ask which are close to another."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted({name.lower() for name in names})
        by_bigram: defaultdict[str, list[int]] = defaultdict(list)
        by_length: defaultdict[int, list[int]] = defaultdict(list)
        by_letters: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
        for index, name in enumerate(self.names):
            by_length[len(name)].append(index)
            for bigram in set(_bigrams(name)):
                by_bigram[bigram].append(index)
            for letter, count in Counter(name).items():
                for at_least in range(1, count + 1):
                    by_letters[letter, at_least].append(index)
        size = len(self.names)
        self._by_bigram = {bigram: _bits(indexes, size) for bigram, indexes in by_bigram.items()}
        self._by_length = {length: _bits(indexes, size) for length, indexes in by_length.items()}
        self._by_letters = {key: _bits(indexes, size) for key, indexes in by_letters.items()}

    def near(self, name: str, at_least: float) -> list[tuple[str, float]]:
        """Each indexed name whose ratio to `name` (case aside) is at least `at_least`, with it:
        exactly the names `ratio(name, other, at_least) >= at_least` keeps, fewer compared."""
        wanted = name.lower()
        found = []
        for index in _set_bits(self._passing(wanted, at_least)):
            other = self.names[index]
            near = ratio(wanted, other)
            if near >= at_least:
                found.append((other, near))
        return found

    def _passing(self, wanted: str, at_least: float) -> int:
        """The names (as bits) of an allowed length that share enough letters and bigrams."""
        size = len(wanted)
        letters = Counter(wanted)
        shared_letters = _digits(
            [
                self._by_letters[letter, k]
                for letter, count in letters.items()
                for k in range(1, count + 1)
                if (letter, k) in self._by_letters
            ]
        )
        # a repeated bigram counts again: never too few
        shared_bigrams = _digits([self._by_bigram[b] for b in _bigrams(wanted) if b in self._by_bigram])
        enough_letters: dict[int, int] = {}  # by the count needed: lengths share them
        enough_bigrams: dict[int, int] = {}
        passing = 0
        for length, names in self._by_length.items():
            total = size + length
            if not _length_allows(size, length, at_least):
                continue
            if total:
                letters_needed = _letters_needed(total, at_least)
                if letters_needed not in enough_letters:
                    enough_letters[letters_needed] = _at_least(shared_letters, letters_needed)
                names &= enough_letters[letters_needed]
            bigrams_needed = _bigrams_needed(total, at_least)
            if bigrams_needed > 0:  # at or below 0, sharing no bigram is no sign
                if bigrams_needed not in enough_bigrams:
                    enough_bigrams[bigrams_needed] = _at_least(shared_bigrams, bigrams_needed)
                names &= enough_bigrams[bigrams_needed]
            passing |= names
        return passing


def ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's ratio of the two, case aside; 0.0 for a pair whose cheap upper bounds already
    fall short of `at_least`."""
    a, b = a.lower(), b.lower()
    length = len(a) + len(b)
    if at_least and length and 2.0 * min(len(a), len(b)) / length < at_least:  # real_quick_ratio()
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b)
    if at_least and matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


def _bigrams(name: str) -> list[str]:
    return [name[i : i + 2] for i in range(len(name) - 1)]


def _length_allows(size: int, other: int, at_least: float) -> bool:
    total = size + other
    return not total or 2.0 * min(size, other) / total >= at_least


def _letters_needed(total: int, at_least: float) -> int:
    """The fewest letters two names of `total` characters must share for quick_ratio to
    reach `at_least`, found with the very float test quick_ratio's caller makes."""
    needed = max(0, int(at_least * total / 2.0) - 1)
    while 2.0 * needed / total < at_least:
        needed += 1
    return needed


def _bigrams_needed(total: int, at_least: float) -> int:
    """The fewest bigrams two names of `total` characters must share to reach `at_least`.

    They differ by at most D = (1 - r) T insertions and deletions (a hair of room for float
    rounding). Of a's len(a) - 1 bigrams, a deletion destroys at most two and an insertion
    one, and deletions minus insertions is len(a) - len(b): at least (T - 2 - 3 D) / 2 survive
    into b, whichever name is longer.
    """
    edits = int((1.0 - at_least) * total + 1e-9)
    return (total - 2 - 3 * edits) // 2


def _bits(indexes: list[int], size: int) -> int:
    """An int with the bits of `indexes` set, built through bytes (no int per bit)."""
    flags = bytearray((size + 7) // 8)
    for index in indexes:
        flags[index >> 3] |= 1 << (index & 7)
    return int.from_bytes(flags, "little")


def _digits(sets: list[int]) -> list[int]:
    """How many of `sets` hold each bit, in binary: digit k of every bit's count, as one int."""
    digits: list[int] = []
    for carry in sets:
        for place, digit in enumerate(digits):
            digits[place], carry = digit ^ carry, digit & carry
            if not carry:
                break
        else:
            if carry:
                digits.append(carry)
    return digits


def _at_least(digits: list[int], fewest: int) -> int:
    """The bits whose count (as `_digits` gives it) is at least `fewest`; every bit for 0."""
    greater, equal = 0, -1  # -1: every bit
    for place in range(max(len(digits), fewest.bit_length()) - 1, -1, -1):
        digit = digits[place] if place < len(digits) else 0
        if fewest >> place & 1:
            equal &= digit
        else:
            greater |= equal & digit
            equal &= ~digit
    return greater | equal


def _set_bits(bits: int) -> Iterator[int]:
    while bits:
        lowest = bits & -bits
        yield lowest.bit_length() - 1
        bits ^= lowest
