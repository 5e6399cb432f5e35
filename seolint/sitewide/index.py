"""The facts of every page of a site in a few signed cache files.

A one-file run inside a site needs the facts of all the other pages; reading one cache
entry per page costs a file open, an HMAC and a JSON parse each. The index holds them
all, each under the page's own cache key (its path, bytes, site and config), so a page
whose bytes changed is simply a miss and is linted again.

It is split into parts by the page's folder, so no part comes near the cache's bound on
one file (a 20,000-page site's index is ~50 MB) and a run that changed one page rewrites
one part. It keeps what the site model needs, not the source lines findings quote
(`FileFacts.contexts`): those stay in each page's own cache entry.

Each page's key is kept with the page's stamp (size, mtime, ctime, inode, device, and the
site's key): a later run takes the key of a page whose stamp is unchanged without reading
and hashing its bytes (a warm one-file run inside a 20,000-page site read 115 MB for
that). Writing a file always moves its ctime, so a same-size edit within the mtime's
granularity still changes the stamp; a page whose times lie within RACY_NS of the run
that stamped it gets no stamp (it could change again within the same clock tick) and is
hashed next time, as git treats "racily clean" entries.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from seolint.cache.store import Cache, facts_from_json, facts_to_json
from seolint.findings.facts import FileFacts
from seolint.sitewide.model import last_segment

IndexKey = tuple[str, str]  # (cache folder of the page's config, the page's cache key)
Stamp = list[object]  # the site's key, then the file's size, mtime, ctime, inode and device
PARTS = 64  # ~800 KB each at 20,000 pages
RACY_NS = 2_000_000_000  # wider than any filesystem's timestamp granularity (FAT: 2 s)
_Stored = dict[str, tuple[IndexKey, object, Stamp | None]]  # by location: key, facts' JSON, stamp


class FactsIndex:
    """Facts by page location, read once and written back, part by part, when they changed."""

    def __init__(self, cache: Cache, root: Path) -> None:
        self._cache = cache
        self._name = "site-" + hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        with _collection_paused():
            self._parts: list[_Stored] = [self._read(part) for part in range(PARTS)]
        self._stored: _Stored = {}
        self._served: set[str] = set()  # the locations whose facts were read from here
        for stored in self._parts:
            self._stored.update(stored)

    def stored(
        self, wanted: Mapping[str, IndexKey], names: frozenset[str] | None = None
    ) -> dict[str, FileFacts]:
        """The facts of each location of `wanted` stored under the key it gives. With
        `names`, a page's references are decoded only when the last segment of one of
        their targets is among `names` (a link that may lead where the run looks); the other
        pages come without references: a one-file run resolves none of them, and decoding
        the ~900,000 spans and references of a 20,000-page site was a fifth of its time."""
        found: dict[str, FileFacts] = {}
        with _collection_paused():
            for location, key in wanted.items():
                stored = self._stored.get(location)
                if stored is None or stored[0] != key:
                    continue
                facts = _facts(stored[1], names is None or _may_link(stored[1], names))
                if facts is not None:
                    found[location] = facts
        self._served.update(found)
        return found

    def key_by_stamp(self, location: str, folder: str, stamp: Stamp | None) -> IndexKey | None:
        """The page's stored key when it was stored under this stamp and cache folder."""
        stored = self._stored.get(location)
        if stamp is None or stored is None or stored[2] != stamp or stored[0][0] != folder:
            return None
        return stored[0]

    def locations(self) -> list[str]:
        """Every page the index holds."""
        return list(self._stored)

    def facts_of(self, location: str) -> FileFacts | None:
        """The stored facts of `location` whatever their key (a page that is gone)."""
        stored = self._stored.get(location)
        return _facts(stored[1]) if stored is not None else None

    def save(self, entries: Mapping[str, tuple[IndexKey, FileFacts, Stamp | None]]) -> None:
        """Replace the index with `entries` (the site's pages now), writing only the parts
        whose pages, keys or stamps changed."""
        fresh: list[dict[str, tuple[IndexKey, FileFacts, Stamp | None]]] = [{} for _ in range(PARTS)]
        for location, entry in entries.items():
            fresh[part_of(location)][location] = entry
        for part, (now, before) in enumerate(zip(fresh, self._parts, strict=True)):
            if now.keys() == before.keys() and all(
                before[at][0] == key and before[at][2] == stamp for at, (key, _, stamp) in now.items()
            ):
                continue
            self._cache.write_signed(
                self._file(part),
                {
                    location: [key[0], key[1], self._json(location, key, facts), stamp]
                    for location, (key, facts, stamp) in now.items()
                },
            )

    def json_of(self, location: str, key: IndexKey, facts: FileFacts) -> object:
        """A page's facts as the index stores them (with their link ends): the site tables
        keep the same."""
        return self._json(location, key, facts)

    def _json(self, location: str, key: IndexKey, facts: FileFacts) -> object:
        """A page's facts to store: as stored when they were read from here under the same
        key (perhaps without their references), else from `facts`."""
        before = self._stored.get(location)
        if location in self._served and before is not None and before[0] == key:
            return before[1]
        return page_json(facts)

    def _file(self, part: int) -> str:
        return f"{self._name}-{part:02x}.json"

    def _read(self, part: int) -> _Stored:
        data = self._cache.read_signed(self._file(part))
        stored: _Stored = {}
        if isinstance(data, dict):
            for location, entry in data.items():
                if isinstance(entry, list) and len(entry) == 4 and all(isinstance(e, str) for e in entry[:2]):
                    stamp = entry[3] if isinstance(entry[3], list) else None
                    stored[location] = ((entry[0], entry[1]), entry[2], stamp)
        return stored


def page_json(facts: FileFacts) -> dict[str, object]:
    """A page's facts as the index and the site tables store them: without their source
    lines, with the last segments of their links (`ends`) for one-file runs."""
    data = facts_to_json(facts._replace(contexts={}))
    data["ends"] = sorted({last_segment(reference.target) for reference in facts.references})
    return data


def stamp(location: str, salt: str, since: int) -> Stamp | None:
    """The page's stamp, or None when it cannot be trusted: missing, or changed after
    `since` (a time taken before any page was read, less RACY_NS)."""
    try:
        info = os.stat(location)
    except OSError:
        return None
    if max(info.st_mtime_ns, info.st_ctime_ns) >= since:
        return None
    return [salt, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


def racy_before() -> int:
    """The `since` of a run's stamps: now, less the widest timestamp granularity."""
    return time.time_ns() - RACY_NS


def part_of(location: str) -> int:
    """The part holding a page: by its folder, so a folder's pages are written together."""
    folder = os.path.dirname(location)
    return hashlib.blake2b(folder.encode("utf-8", "surrogateescape"), digest_size=2).digest()[0] % PARTS


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No garbage collection while the index is read, and what it made goes straight to
    the oldest generation: its lists and records hold no cycles, and scanning the hundreds
    of thousands of them (5,000 pages) as they aged took a fifth of a warm one-file run,
    two thirds of the decoding. Garbage made before waits for the next full collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # then unfreeze: every object moves to the oldest generation, unscanned
        gc.unfreeze()
        if enabled:
            gc.enable()


def _facts(data: object, references: bool = True) -> FileFacts | None:
    try:
        return facts_from_json(data, references)  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return None


def _may_link(data: object, names: frozenset[str]) -> bool:
    """Whether the last segment of one of the page's stored link targets is among `names`
    (also when they are malformed: decoding them then refuses the page). The segments are
    stored with the facts (`ends`), so this is one set operation, not one per link."""
    try:
        ends = data.get("ends")  # type: ignore[attr-defined]
        if type(ends) is not list:
            ends = map(last_segment, data["references"][1])  # type: ignore[index]
        return not names.isdisjoint(ends)
    except (TypeError, KeyError, IndexError, AttributeError):
        return True
