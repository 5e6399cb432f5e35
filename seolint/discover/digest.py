"""Feeding files into a hash by name and content, for the fingerprints that key the cache."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def update_with_files(digest: Digest, paths: Iterable[Path]) -> None:
    """Each file's name and bytes, in the order given; an unreadable one counts as such."""
    for path in paths:
        digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
