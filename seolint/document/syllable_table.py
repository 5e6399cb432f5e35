"""textstat's syllable data, prepared once per installation in the user's cache folder.

As they ship (seolint.document.syllable_sources), the data must be parsed by every process that
counts: 11 k hyphenation patterns, and 3.6 MB of pronunciations searched by bisection,
most of a one-post check's prose work. Prepared, they are one file that needs no parsing:
each CMU word's syllable count, and the pattern table's levels, in two open-addressing
hash tables probed in place.

The file is named after the sources it was made from (paths, sizes, modification times),
opened without following links, and used only when its header, lengths and CRC check
out; anything else is rebuilt (~0.4 s, once). The CRC of 2.4 MB is 9 M instructions of a
one-post check, so once it held for a file that had not changed for a while, the file's
stamp (size, times, inode) is kept beside it, and a run that finds the same stamp skips
it: rewriting the file changes its stamp. Where the cache folder cannot be written,
nothing is built: the process reads the sources as they ship.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.discover.reading import read_own_file
from seolint.discover.user_cache import replace_file, user_cache_folder
from seolint.document.syllable_sources import SourceData, dictionary_syllables, pattern_table, read, sources

if TYPE_CHECKING:
    from typing import IO

_MAGIC = b"seolint syllables 2\n"
# Then the length of the sources' description; the words' slot count, longest probe and
# entries' byte length; the same for the patterns; and the CRC-32 of the body; then the
# description itself (what the data was made from), padded to 4 bytes.
_FIELDS = struct.Struct("<8I")
_MAX_FILE_BYTES = 64 * 1024 * 1024
# Look-ups of patterns in the prepared table before a process reads them all into a dict
# (~11 M instructions): those of a typical post's words no dictionary lists (474 in a 6 KB
# release post), each ~10 k instructions more than a dict's.
LOOKUPS_BEFORE_READING = 600
_SETTLED_NS = 5_000_000_000


class PatternTable:
    """Pyphen's patterns as syllable_sources.pattern_table() makes them (letters -> levels),
    looked up in the prepared bytes: an open-addressing hash table, each entry the letters,
    a tab, the levels and a tab.

    Reading all 15 k into a dict costs a process ~11 M instructions, and a one-post check
    looks up a few hundred (for the words no dictionary lists). So a process reads them into
    a dict only once it has looked up more than a typical post does (a run over many posts
    soon has), and looks up there from then on.
    """

    __slots__ = ("_entries", "_lookups", "_probes", "_read", "_slots", "get")

    def __init__(self, slots: memoryview, probes: int, entries: bytes) -> None:
        self._slots = slots  # offset of each pattern's entry in `entries`, 0 for an empty slot
        self._probes = probes  # no pattern lies further than this from its hash's slot
        self._entries = entries
        self._lookups = 0
        self._read: dict[str, str] | None = None
        # The levels of a pattern's letters, None if none begins with them: looked up in the
        # table, then, once the patterns are read, the dict's own `get`.
        self.get: Callable[[str], str | None] = self._looked_up

    def _looked_up(self, letters: str) -> str | None:
        if self._read is None and self._lookups >= LOOKUPS_BEFORE_READING:
            self._read = dict(self.items())
            self.get = self._read.get
        if self._read is not None:  # a search begun before they were read
            return self._read.get(letters)
        self._lookups += 1
        key = letters.encode("utf-8", "surrogatepass")
        wanted = key + b"\t"
        slots, entries = self._slots, self._entries
        slot = zlib.crc32(key) % len(slots)
        for _ in range(self._probes):  # bounded: a damaged table cannot loop forever
            at = slots[slot]
            if not at:
                return None
            if entries.startswith(wanted, at):
                start = at + len(wanted)
                return entries[start : entries.index(b"\t", start)].decode("ascii")
            slot = slot + 1 if slot + 1 < len(slots) else 0
        return None

    def items(self) -> Iterator[tuple[str, str]]:
        """Every pattern's letters and levels (in no particular order)."""
        fields = self._entries[1:].decode("utf-8", "surrogatepass").split("\t")
        return zip(fields[:-1:2], fields[1::2], strict=True)


class PreparedData:
    """Syllables of every CMU word, looked up in the prepared bytes, and Pyphen's patterns."""

    __slots__ = ("_entries", "_probes", "_slots", "patterns")

    def __init__(self, slots: memoryview, probes: int, entries: bytes, patterns: PatternTable) -> None:
        self._slots = slots  # offset of each word's entry in `entries`, 0 for an empty slot
        self._probes = probes  # no word lies further than this from its hash's slot
        self._entries = entries  # per word: its syllable count as one byte, the word, "\n"
        self.patterns = patterns

    def dictionary_syllables(self, word: str) -> int | None:
        """Stress marks in the word's first CMU pronunciation (textstat's count), None if unlisted."""
        key = word.encode("utf-8", "surrogatepass")
        wanted = key + b"\n"
        slots, entries = self._slots, self._entries
        slot = zlib.crc32(key) % len(slots)
        for _ in range(self._probes):  # bounded: a damaged table cannot loop forever
            at = slots[slot]
            if not at:
                return None
            if entries.startswith(wanted, at + 1):
                return entries[at]
            slot = slot + 1 if slot + 1 < len(slots) else 0
        return None


@cache
def syllable_data() -> PreparedData | SourceData:
    """This installation's data, from the user's cache folder when it holds a good copy."""
    return load(user_cache_folder())


def load(folder: Path | None) -> PreparedData | SourceData:
    """The data prepared in `folder` if it is intact and made from today's sources, else
    prepared there now; the sources as they ship if `folder` cannot be written."""
    files = sources()
    made_from = describe(files)
    path = None if folder is None else folder / f"syllables-{zlib.crc32(made_from):08x}.bin"
    stamp = None if path is None else _stamp(path)
    stored = None if path is None or stamp is None else read_own_file(path, _MAX_FILE_BYTES)
    if path is not None and stored is not None:
        checked = read_own_file(_stamp_path(path), 256) == stamp
        found = parse(stored, made_from, crc_checked=checked)
        if found is not None:
            if not checked and stamp is not None and _settled(stamp):
                replace_file(_stamp_path(path), stamp)
            return found
    pronunciations, hyphenation = map(read, files)
    temporary = None if path is None else _temporary_beside(path)
    if path is None or temporary is None:
        return SourceData(pronunciations, hyphenation)
    prepared = build(pronunciations, hyphenation, made_from)
    _store(prepared, temporary, path)
    built = parse(prepared, made_from)
    assert built is not None  # what build() makes always parses
    return built


def describe(files: tuple[Path, ...]) -> bytes:
    """What prepared data depends on: the sources (paths, sizes, modification times), how
    this machine lays out the slots' unsigned ints, and the file's format."""
    stats = [(str(path), (info := path.stat()).st_size, info.st_mtime_ns) for path in files]
    return repr((_MAGIC, sys.byteorder, struct.calcsize("I"), stats)).encode()


def build(pronunciations: str, hyphenation: str, made_from: bytes) -> bytes:
    """The prepared file made from cmudict.dict's and hyph_en_US.dic's text."""
    words = dict(_word_entries(dictionary_syllables(pronunciations)))
    patterns = dict(_pattern_entries(pattern_table(hyphenation)))
    slots, probes, entries = _hash_table(words)
    pattern_slots, pattern_probes, pattern_entries = _hash_table(patterns)
    body = slots + entries + pattern_slots + pattern_entries
    lengths = (
        len(slots) // 4,
        probes,
        len(entries),
        len(pattern_slots) // 4,
        pattern_probes,
        len(pattern_entries),
    )
    header = _MAGIC + _FIELDS.pack(len(made_from), *lengths, zlib.crc32(body)) + made_from
    return header.ljust(-(-len(header) // 4) * 4, b"\0") + body


def parse(data: bytes, made_from: bytes, crc_checked: bool = False) -> PreparedData | None:
    """The data in a prepared file, or None unless it was made from the sources `made_from`
    describes and its lengths and CRC hold (the CRC unless `crc_checked` by an earlier run)."""
    start = len(_MAGIC) + _FIELDS.size
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    described, size, probes, length, pattern_size, pattern_probes, pattern_length, crc = _FIELDS.unpack_from(
        data, len(_MAGIC)
    )
    body = memoryview(data)[-(-(start + described) // 4) * 4 :]
    if data[start : start + described] != made_from:
        return None
    if not (0 < probes <= size and 0 < pattern_probes <= pattern_size):
        return None
    if len(body) != 4 * (size + pattern_size) + length + pattern_length:
        return None
    if not crc_checked and zlib.crc32(body) != crc:
        return None
    pattern_slots_at = 4 * size + length
    pattern_entries_at = pattern_slots_at + 4 * pattern_size
    patterns = PatternTable(
        body[pattern_slots_at:pattern_entries_at].cast("I"), pattern_probes, bytes(body[pattern_entries_at:])
    )
    return PreparedData(
        body[: 4 * size].cast("I"), probes, bytes(body[4 * size : pattern_slots_at]), patterns
    )


def _stamp(path: Path) -> bytes | None:
    """What changes whenever the file is written: its size, modification and change times, inode."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}".encode()


def _stamp_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.checked")


def _settled(stamp: bytes) -> bool:
    """Whether the file was last written long enough ago that writing it again would give
    it other times, whatever the file system's clock resolution (a second or two)."""
    modified = int(stamp.split()[1])
    return time.time_ns() - modified > _SETTLED_NS


def _word_entries(syllables: dict[str, int]) -> Iterator[tuple[bytes, bytes]]:
    for word, count in syllables.items():
        key = word.encode("utf-8", "surrogatepass")
        yield key, bytes((count,)) + key + b"\n"


def _pattern_entries(patterns: dict[str, str]) -> Iterator[tuple[bytes, bytes]]:
    for letters, levels in patterns.items():
        key = letters.encode("utf-8", "surrogatepass")
        yield key, key + b"\t" + levels.encode("ascii") + b"\t"


def _hash_table(entries_by_key: dict[bytes, bytes]) -> tuple[bytes, int, bytes]:
    """Slots (native unsigned ints) for linear probing at a load of one half, so a look-up
    probes about two; the longest probe; and the entries the slots point to."""
    from array import array

    size = 2 * len(entries_by_key) + 1
    slots = array("I", bytes(4 * size))
    entries = bytearray(b"\0")  # offset 0 marks an empty slot
    longest = 1
    for key, entry in entries_by_key.items():
        slot, probes = zlib.crc32(key) % size, 1
        while slots[slot]:
            slot, probes = (slot + 1) % size, probes + 1
        slots[slot] = len(entries)
        longest = max(longest, probes)
        entries += entry
    return slots.tobytes(), longest, bytes(entries)


def _temporary_beside(path: Path) -> tuple[IO[bytes], str] | None:
    """A new file to write the data into before it takes `path`'s place, None if the folder
    cannot be written (then nothing is prepared)."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-syllables-")
    except OSError:
        return None
    return os.fdopen(handle, "wb"), name


def _store(data: bytes, temporary: tuple[IO[bytes], str], path: Path) -> None:
    """Write, then rename over `path`: a reader never sees half a file."""
    stream, name = temporary
    try:
        with stream:
            stream.write(data)
        os.replace(name, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
