"""Read a draft from disk or stdin and decode it, refusing what is not a text draft.

Every refusal is a ReadError whose message is one line saying what is wrong, so the
engine can name the file, move on to the next one and exit 2 at the end.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

STDIN = "-"
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_FILE_SIZE_LIMIT = 1024**3  # the largest max-file-size accepted: no blog draft is near it
MAX_DATA_FILE_SIZE = 16 * 1024 * 1024  # a rule pack, site config, template or redirect list; none is near it
_CHUNK = 1024 * 1024
_SAMPLE = b"# A title\n\nSome prose, with punctuation: (and more).\n"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class ReadError(Exception):
    """The file cannot be linted; the message says why in one line."""


def read_own_file(path: Path, limit: int, private: bool = False) -> bytes | None:
    """The bytes of a file seolint keeps for itself (a cache entry, its key, the syllable
    table), or None when it is missing, a link, not a regular file, over `limit` bytes or
    unreadable: such a file is simply made again. Opened without following links or
    blocking, and read with os.read (no file object for a read of a few kilobytes).
    `private` (a secret): also None unless this user owns it and no one else may write it."""
    try:
        if _NOFOLLOW == 0 and path.is_symlink():
            return None
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit or (private and not _private(info)):
            return None
        chunks = [os.read(handle, info.st_size + 1)]
        while chunks[-1] and sum(map(len, chunks)) <= limit:  # it grew since fstat
            chunks.append(os.read(handle, limit + 1))
    except OSError:
        return None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    return data if len(data) <= limit else None


def _private(info: os.stat_result) -> bool:
    """Owned by this user, and writable by no group or other user (POSIX; elsewhere, true)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_bytes(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The raw bytes of a draft (the cache hashes these before anything is decoded)."""
    try:
        if path == STDIN:
            return _bounded_read(sys.stdin.buffer, max_size)
        return read_regular_file(path, max_size, "max-file-size")
    except OSError as error:
        raise ReadError(f"cannot read: {(error.strerror or str(error)).lower()}") from None


def read_regular_file(path: str, max_size: int, limit: str) -> bytes:
    """The bytes of a regular file of at most `max_size` bytes (`limit` names that setting).

    FIFOs and devices are refused before they are opened (opening a FIFO blocks, /dev/zero
    never ends); the open does not block and is checked again, so a swap in between cannot
    hang the run. OSError is left to the caller, which knows what the file was for.
    """
    _check_regular(os.stat(path), max_size, limit)
    with open(path, "rb", opener=_open_without_blocking) as handle:
        _check_regular(os.fstat(handle.fileno()), max_size, limit)
        return _bounded_read(handle, max_size, limit)


def read_head(path: str, size: int) -> bytes | None:
    """The first `size` bytes of a regular file, or None when it is not one or cannot be read:
    opened without blocking (a FIFO), and no more read than asked (a link to /dev/zero)."""
    try:
        handle = _open_without_blocking(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        return os.read(handle, size) if stat.S_ISREG(os.fstat(handle).st_mode) else None
    except OSError:
        return None
    finally:
        os.close(handle)


def _open_without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | _NONBLOCK)


def _check_regular(info: os.stat_result, max_size: int, limit: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(f"not a regular file ({_kind(info.st_mode)})")
    if info.st_size > max_size:
        raise ReadError(f"file too large ({_size(info.st_size)}; {limit} is {_size(max_size)})")


def _bounded_read(handle: BinaryIO, max_size: int, limit: str = "max-file-size") -> bytes:
    """At most `max_size` bytes, read in chunks so a huge limit never allocates up front."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_size:
        chunk = handle.read(min(_CHUNK, max_size + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise ReadError(f"input too large (over {limit} {_size(max_size)})")


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Text of the draft: a BOM decides (UTF-8 or UTF-16), else `encoding`. NUL bytes mean
    a binary file, unless `encoding` is UTF-16 or UTF-32, where every ASCII letter has one."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec)
    if b"\x00" in data[:8192] and not _wide(encoding):
        raise ReadError("binary file (contains NUL bytes), not a text draft")
    return _decode(data, encoding)


def _wide(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _decode(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        name = "UTF-8" if codec.startswith("utf-8") else codec
        hint = " (use --encoding if the file is in another encoding)" if name == "UTF-8" else ""
        raise ReadError(
            f"not valid {name}: byte 0x{data[error.start]:02x} at offset {error.start}{hint}"
        ) from None
    except (UnicodeError, LookupError) as error:  # a codec that fails on its own terms (idna...)
        raise ReadError(f"cannot decode as {codec}: {error}") from None
    return text.lstrip("\ufeff")


def check_encoding(name: str) -> str:
    """The codec's canonical name, or ValueError unless it decodes bytes into text.

    Codecs such as base64, rot13 or zlib transform bytes to bytes (or str to str), and
    `undefined` or `punycode` cannot decode ordinary prose: all are refused here, once,
    instead of failing on every draft.
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding")
    try:
        info.decode(_SAMPLE)
    except UnicodeDecodeError:
        pass  # the sample's bytes do not fit this encoding (UTF-16...); real drafts may
    except (UnicodeError, ValueError, TypeError, LookupError):
        raise ValueError(f"{name!r} cannot decode plain text") from None
    return info.name


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"
