"""Where seolint keeps files of its own for this user (the cache key, the syllable table).

`$XDG_CACHE_HOME/seolint`, `%LOCALAPPDATA%/seolint`, else `~/.cache/seolint`. A relative
XDG_CACHE_HOME is ignored, as the XDG Base Directory specification says: it would put the
key into whatever project is being linted. Without a home folder (a uid with no passwd
entry and HOME unset) there is no such folder, and whoever needs one goes without.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import zlib
from pathlib import Path
from typing import Any

_CRC = struct.Struct("<I")


def user_cache_folder() -> Path | None:
    """seolint's folder in the user's cache, or None when there is none to be found."""
    for variable in ("XDG_CACHE_HOME", "LOCALAPPDATA"):
        value = os.environ.get(variable, "")
        if value and os.path.isabs(value):
            return Path(value) / "seolint"
    try:
        return Path.home() / ".cache" / "seolint"
    except (RuntimeError, KeyError):  # no HOME and no passwd entry for this uid
        return None


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` beside `path`, then rename it over `path`: a reader never sees half a
    file. Nothing is written where the folder cannot be."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(temporary, flags, 0o600), "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def write_checked(path: Path, magic: bytes, made_by: bytes, entries: Any) -> None:
    """Keep `entries` (what `marshal` writes) at `path`, with what made them, behind `magic`
    and a CRC-32 of the rest: `read_checked` gives them back only to the same maker."""
    body = marshal.dumps((made_by, entries))
    replace_file(path, magic + _CRC.pack(zlib.crc32(body)) + body)


def read_checked(stored: bytes, magic: bytes, made_by: bytes) -> Any:
    """The entries `write_checked` kept in `stored`, or None unless its magic, its CRC-32 and
    its maker all hold (a damaged or foreign file is then simply not used)."""
    start = len(magic) + _CRC.size
    if not stored.startswith(magic) or len(stored) < start:
        return None
    (crc,) = _CRC.unpack_from(stored, len(magic))
    body = stored[start:]
    if zlib.crc32(body) != crc:
        return None
    try:
        found, entries = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    return entries if found == made_by else None
