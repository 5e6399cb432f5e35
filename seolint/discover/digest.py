"""Feeding files into a hash by name and content, for the fingerprints that key the cache."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from seolint.discover.reading import ReadError, read_regular_file

MAX_HASHED_FILE_SIZE = (
    64 * 1024 * 1024
)  # a config, pack, template or source file larger is hashed as unreadable


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def update_with_files(
    digest: Digest, paths: Iterable[Path], read: Callable[[Path], bytes | None] | None = None
) -> None:
    """Each file's name and bytes, in the order given; an unreadable one counts as such.

    Files are read as drafts are (regular files only, never blocking, bounded), by `read`
    when given (None: unreadable): a template committed as a link to /dev/zero is hashed
    as unreadable, not read until memory runs out.
    """
    for path in paths:
        digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        data = (read or _read)(path)
        digest.update(b"<unreadable>" if data is None else data)


def _read(path: Path) -> bytes | None:
    try:
        return read_regular_file(str(path), MAX_HASHED_FILE_SIZE, "the hashed file limit")
    except (OSError, ReadError):
        return None
