"""The code `re` compiles the patterns of a run into, kept per installation in the user's cache.

`re` parses and compiles a pattern in pure Python: the ~140 patterns of a one-post check
cost ~200 M instructions, a quarter of the run, and what they compile into depends only
on the pattern, its flags and the Python compiling it. So that code is kept in the user's
cache folder, in a file named after this Python and its `re` modules, and handed to `re`'s
own cache before anything compiles: `re.compile` then finds each pattern there, and no
module has to change how it compiles. A run that compiled patterns the file lacks writes
it again at its end, each pattern's code kept only after it rebuilt a pattern equal (code,
flags, groups) to the one `re` compiled.

This reads CPython internals (`re._cache`, `re._compiler._code`, `_sre.compile`); where
one is missing, nothing is kept and `re` compiles as always. The file is checked as a
whole (CRC-32, then the Python it was made by) before `marshal` reads it: a damaged or
foreign file is ignored, then replaced.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's regex engine, no stubs
import marshal
import os
import re
import struct
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from seolint.discover.reading import read_own_file
from seolint.discover.user_cache import replace_file, user_cache_folder

_MAGIC = b"seolint re codes 1\n"
_CRC = struct.Struct("<I")
_MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_PATTERNS = 512  # re's own cache holds as many; a run's patterns come first, then older ones

# (pattern, flags asked for, flags compiled, code, group count, group index, index group)
Entry = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]


class PatternStore:
    """The compiled patterns kept in one folder for this Python (None: no folder, nothing kept)."""

    def __init__(self, folder: Path | None) -> None:
        made_by = describe() if _has_re_internals() else None
        name = None if made_by is None else f"re-codes-{zlib.crc32(made_by):08x}.bin"
        self._path = None if folder is None or name is None else folder / name
        self._made_by = made_by or b""
        self._entries: dict[tuple[str, int], Entry] = {}

    def seed(self) -> int:
        """Hand `re` the patterns kept in the file (those it has not compiled yet); how many."""
        stored = None if self._path is None else read_own_file(self._path, _MAX_FILE_BYTES)
        entries = [] if stored is None else _entries(stored, self._made_by)
        seeded = 0
        compiled_cache: dict[tuple[type, str, int], Any] = re._cache  # type: ignore[attr-defined]
        for entry in entries:
            pattern, flags, compiled_flags, code, groups, group_index, index_group = entry
            key = (str, pattern, flags)
            if key not in compiled_cache:  # else compiled before this call (by Python's start-up)
                try:
                    compiled = _sre.compile(pattern, compiled_flags, code, groups, group_index, index_group)
                except (TypeError, ValueError, RuntimeError, OverflowError):  # not this _sre's code
                    return seeded
                compiled_cache[key] = compiled
                seeded += 1
            self._entries[pattern, flags] = entry
        return seeded

    def save(self) -> bool:
        """Keep the code of the patterns `re` holds now, when some are not in the file yet;
        whether the file was written."""
        if self._path is None:
            return False
        compiled_cache: dict[tuple[type, str, int], Any] = re._cache  # type: ignore[attr-defined]
        in_use = [(pattern, flags) for kind, pattern, flags in list(compiled_cache) if kind is str]
        added = 0
        for pattern, flags in in_use:
            if (pattern, flags) not in self._entries:
                entry = _entry(pattern, flags, compiled_cache[str, pattern, flags])
                if entry is not None:
                    self._entries[pattern, flags] = entry
                    added += 1
        if not added:  # nothing new, or only patterns whose code could not be found again
            return False
        used = set(in_use)
        kept = [self._entries[key] for key in in_use if key in self._entries]
        kept += [entry for key, entry in self._entries.items() if key not in used]
        body = marshal.dumps((self._made_by, kept[:MAX_PATTERNS]))
        replace_file(self._path, _MAGIC + _CRC.pack(zlib.crc32(body)) + body)
        return True


def describe() -> bytes:
    """What compiled code depends on: this Python, its `_sre` and its `re` modules' files."""
    with os.scandir(os.path.dirname(re.__file__)) as found:
        files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in found if e.is_file())
    return repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, files)).encode()


def _has_re_internals() -> bool:
    """Whether this Python has the internals the store reads."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10 names them sre_compile and sre_parse
        return False
    needed = (hasattr(_compiler, "_code"), hasattr(_parser, "parse"), hasattr(_sre, "compile"))
    return all(needed) and isinstance(getattr(re, "_cache", None), dict)


def _entries(stored: bytes, made_by: bytes) -> list[Entry]:
    """The entries of a file made by this Python, else none."""
    start = len(_MAGIC) + _CRC.size
    if not stored.startswith(_MAGIC) or len(stored) < start:
        return []
    (crc,) = _CRC.unpack_from(stored, len(_MAGIC))
    body = stored[start:]
    if zlib.crc32(body) != crc:
        return []
    try:
        found, entries = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return []
    return entries if found == made_by and isinstance(entries, list) else []


def _entry(pattern: str, flags: int, compiled: re.Pattern[str]) -> Entry | None:
    """What `re` compiled `pattern` into, found again as re._compiler.compile does, or None
    unless it rebuilds a pattern equal to `compiled`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        group_index = dict(parsed.state.groupdict)
        index_group: list[str | None] = [None] * parsed.state.groups
        for group_name, number in group_index.items():
            index_group[number] = group_name
        compiled_flags, groups = int(flags | parsed.state.flags), parsed.state.groups - 1
        rebuilt = _sre.compile(pattern, compiled_flags, code, groups, group_index, tuple(index_group))
    except Exception:  # any surprise in the internals: the pattern is not kept
        return None
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex or rebuilt.groups != compiled.groups:
        return None
    return pattern, flags, compiled_flags, code, groups, group_index, tuple(index_group)


@cache
def user_store() -> PatternStore:
    """The store in the user's cache folder."""
    return PatternStore(user_cache_folder())
