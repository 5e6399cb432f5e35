"""RE2 supersets of the screened patterns, translated once per installation.

`regex_superset` reads a pattern a character at a time in Python: the assistant grammar's
and the packs' screens are ~60 translations and ~27 M instructions of a one-post check,
and a translation depends only on the pattern and on regex_superset.py. So they are kept
in the user's cache folder, in a file named after that module's file (path, size,
modification time) and the Python, read with `marshal` once its CRC-32 holds, and written at the end of
a run that translated patterns the file lacked. Where the folder cannot be read or
written, every process translates, as before.
"""

from __future__ import annotations

import sys
import zlib
from functools import cache
from pathlib import Path

from seolint.discover.reading import read_own_file
from seolint.discover.user_cache import read_checked, user_cache_folder, write_checked
from seolint.registry.packs import regex_superset

_MAGIC = b"seolint supersets 1\n"
_MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_SUPERSETS = 2048


class SupersetStore:
    """The translations kept in one folder (None: no folder, nothing kept)."""

    def __init__(self, folder: Path | None) -> None:
        self._made_by = describe()
        name = f"supersets-{zlib.crc32(self._made_by):08x}.bin"
        self._path = None if folder is None else folder / name
        self._kept: dict[tuple[str, bool], str | None] | None = None
        self._new = 0

    def re2_superset(self, source: str, lowered: bool = False) -> str | None:
        """`regex_superset.re2_superset(source, lowered)`, from the file when it holds it."""
        kept = self._read()
        key = (source, lowered)
        if key in kept:
            return kept[key]
        found = kept[key] = regex_superset.re2_superset(source, lowered)
        self._new += 1
        return found

    def save(self) -> bool:
        """Write the file when this run translated patterns it lacked; whether it did."""
        if self._path is None or not self._new or self._kept is None:
            return False
        entries = list(self._kept.items())[-MAX_SUPERSETS:]  # the newest last, kept first
        write_checked(self._path, _MAGIC, self._made_by, entries)
        self._new = 0
        return True

    def _read(self) -> dict[tuple[str, bool], str | None]:
        if self._kept is None:
            stored = None if self._path is None else read_own_file(self._path, _MAX_FILE_BYTES)
            self._kept = {} if stored is None else _entries(stored, self._made_by)
        return self._kept


def describe() -> bytes:
    """What a translation depends on: regex_superset.py's file, and the Python whose Unicode
    tables lower-case the patterns (and this file's format)."""
    module = Path(regex_superset.__file__)
    try:
        info = module.stat()
    except OSError:  # no file to name (a frozen build): every run of it has the same code
        return repr((_MAGIC, sys.version, str(module))).encode()
    return repr((_MAGIC, sys.version, str(module), info.st_size, info.st_mtime_ns)).encode()


def _entries(stored: bytes, made_by: bytes) -> dict[tuple[str, bool], str | None]:
    """The translations in a file made from this regex_superset.py, else none."""
    entries = read_checked(stored, _MAGIC, made_by)
    try:
        return {(source, lowered): superset for (source, lowered), superset in entries or ()}
    except (ValueError, TypeError):  # not the shape this module writes
        return {}


@cache
def user_store() -> SupersetStore:
    """The store in the user's cache folder."""
    return SupersetStore(user_cache_folder())


def re2_superset(source: str, lowered: bool = False) -> str | None:
    """The RE2 superset of `source` (see regex_superset.re2_superset), kept per installation."""
    return user_store().re2_superset(source, lowered)
