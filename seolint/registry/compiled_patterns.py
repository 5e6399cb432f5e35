"""The code `re` compiles the patterns of a run into, kept per installation in the user's cache.

`re` parses and compiles a pattern in pure Python: the ~140 patterns of a one-post check
cost ~200 M instructions, a quarter of the run, and what they compile into depends only
on the pattern, its flags and the Python compiling it. So that code is kept in the user's
cache folder, in a file named after this Python and its `re` modules. Before anything
compiles, `re`'s cache is wrapped (KeptPatterns) so that looking up a pattern the file
holds builds it from its code, in C: no module changes how it compiles, and a kept pattern
a run never asks for costs nothing but reading. A run that compiled patterns the file
lacks writes it again at its end, each pattern's code kept only after it rebuilt a pattern
equal (code, flags, groups) to the one `re` compiled.

This reads CPython internals (`re._cache` or `re._cache2`, `re._compiler._code`,
`_sre.compile`); where one is missing, nothing is kept and `re` compiles as always. The
file is checked as a whole (CRC-32, then the Python it was made by) before `marshal` reads
it: a damaged or foreign file is ignored, then replaced.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's regex engine, no stubs
import os
import re
import sys
import zlib
from array import array
from functools import cache
from pathlib import Path
from typing import Any

from seolint.discover.reading import read_own_file
from seolint.discover.user_cache import read_checked, user_cache_folder, write_checked

_MAGIC = b"seolint re codes 3\n"
_CODE_TYPE = "I"  # _sre.CODESIZE bytes on CPython's platforms; checked before use
_MAX_FILE_BYTES = 8 * 1024 * 1024
# The patterns a run compiled or used come first, then older ones. A kept pattern a run does
# not use costs it only marshal's reading (~5 k instructions; compiling one costs ~1.5 M).
MAX_PATTERNS = 512

Source = str | bytes  # a pattern's text: `re` compiles both (json and our Markdown walk use bytes)
CacheKey = tuple[type, Source, int]  # how `re` caches a pattern: its type, its text, its flags
# (pattern, flags asked for, flags compiled, code as _sre's unsigned ints, group count,
# group index, index group): bytes, which marshal reads in one piece, not a list of ints.
Entry = tuple[Source, int, int, bytes, int, dict[str, int], tuple[str | None, ...]]


class PatternStore:
    """The compiled patterns kept in one folder for this Python (None: no folder, nothing kept)."""

    def __init__(self, folder: Path | None) -> None:
        made_by = describe() if _first_cache_name() is not None else None
        name = None if made_by is None else f"re-codes-{zlib.crc32(made_by):08x}.bin"
        self._path = None if folder is None or name is None else folder / name
        self._made_by = made_by or b""
        self._kept: dict[tuple[Source, int], Entry] = {}  # what the file holds
        self._cache: KeptPatterns | None = None

    def seed(self) -> int:
        """Give `re` the patterns kept in the file, built the first time `re` looks for
        one; how many there are."""
        name = _first_cache_name()
        if self._cache is not None or name is None or isinstance(getattr(re, name), KeptPatterns):
            return 0  # seeded already (by this store or another one)
        stored = None if self._path is None else read_own_file(self._path, _MAX_FILE_BYTES)
        if stored is None:
            return 0
        self._kept = {(entry[0], entry[1]): entry for entry in _entries(stored, self._made_by)}
        self._cache = KeptPatterns(getattr(re, name), self._kept)
        setattr(re, name, self._cache)
        return len(self._kept)

    def save(self) -> bool:
        """Keep the code of the patterns `re` compiled in this run that the file lacks, with
        the kept ones this run used first; whether the file was written."""
        if self._path is None:
            return False
        compiled_cache: dict[CacheKey, Any] = getattr(re, "_cache", {})
        used = [] if self._cache is None else self._cache.used
        new = []
        for kind, pattern, flags in list(compiled_cache):
            if kind in (str, bytes) and (pattern, flags) not in self._kept:
                entry = _entry(pattern, flags, compiled_cache[kind, pattern, flags])
                if entry is not None:
                    new.append(entry)
        if not new:  # nothing new, or only patterns whose code could not be found again
            return False
        first = {key: self._kept[key] for key in used if key in self._kept}
        kept = [*new, *first.values(), *(e for key, e in self._kept.items() if key not in first)]
        write_checked(self._path, _MAGIC, self._made_by, kept[:MAX_PATTERNS])
        self._kept.update(((entry[0], entry[1]), entry) for entry in new)
        return True


class KeptPatterns(dict[CacheKey, Any]):
    """re's cache, which builds a kept pattern from its code the first time `re` looks
    for it (dict calls `__missing__` for a key it lacks) and notes which ones it built."""

    def __init__(self, cache: dict[CacheKey, Any], kept: dict[tuple[Source, int], Entry]) -> None:
        super().__init__(cache)
        self._kept = kept
        self.used: list[tuple[Source, int]] = []

    def __missing__(self, key: CacheKey) -> Any:
        kind, pattern, flags = key
        entry = self._kept.get((pattern, flags)) if kind in (str, bytes) else None
        if entry is None:
            raise KeyError(key)
        _, _, compiled_flags, code, groups, group_index, index_group = entry
        try:
            compiled = _sre.compile(
                pattern, compiled_flags, array(_CODE_TYPE, code).tolist(), groups, group_index, index_group
            )
        except (TypeError, ValueError, RuntimeError, OverflowError):  # not this _sre's code
            raise KeyError(key) from None
        self[key] = compiled
        self.used.append((pattern, flags))
        return compiled


def describe() -> bytes:
    """What compiled code depends on: this Python, its `_sre` and its `re` modules' files
    (and the file's format)."""
    with os.scandir(os.path.dirname(re.__file__)) as found:
        files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in found if e.is_file())
    return repr(
        (_MAGIC, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, files)
    ).encode()


def _first_cache_name() -> str | None:
    """The name of the dict `re` first looks a pattern up in (`_cache2` since Python 3.12,
    else `_cache`), or None if this Python lacks the internals the store reads."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10 names them sre_compile and sre_parse
        return None
    needed = (hasattr(_compiler, "_code"), hasattr(_parser, "parse"), hasattr(_sre, "compile"))
    sized = array(_CODE_TYPE).itemsize == getattr(_sre, "CODESIZE", 0)
    name = "_cache2" if hasattr(re, "_cache2") else "_cache"
    return name if all(needed) and sized and isinstance(getattr(re, name, None), dict) else None


def _entries(stored: bytes, made_by: bytes) -> list[Entry]:
    """The entries of a file made by this Python, else none."""
    entries = read_checked(stored, _MAGIC, made_by)
    shaped = isinstance(entries, list) and all(isinstance(e, tuple) and len(e) == 7 for e in entries)
    return entries if shaped else []


def _entry(pattern: Source, flags: int, compiled: re.Pattern[Any]) -> Entry | None:
    """What `re` compiled `pattern` into, found again as re._compiler.compile does, or None
    unless it rebuilds a pattern equal to `compiled`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        code_bytes = array(_CODE_TYPE, code).tobytes()
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
    return pattern, flags, compiled_flags, code_bytes, groups, group_index, tuple(index_group)


@cache
def user_store() -> PatternStore:
    """The store in the user's cache folder."""
    return PatternStore(user_cache_folder())
