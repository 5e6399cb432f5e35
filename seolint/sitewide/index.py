"""The facts of every page of a site in one signed cache file.

A one-file run inside a site needs the facts of all the other pages; reading one cache
entry per page costs a file open, an HMAC and a JSON parse each. The index holds them
all, each under the page's own cache key (its path, bytes, site and config), so a page
whose bytes changed is simply a miss and is linted again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from seolint.cache.store import Cache, facts_from_json, facts_to_json
from seolint.findings.facts import FileFacts

IndexKey = tuple[str, str]  # (cache folder of the page's config, the page's cache key)


class FactsIndex:
    """Facts by page location, read once and written back when they changed."""

    def __init__(self, cache: Cache, root: Path) -> None:
        self._cache = cache
        self._name = "site-" + hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self._name += ".json"
        self._stored: dict[str, tuple[IndexKey, object]] = {}
        data = cache.read_signed(self._name)
        if isinstance(data, dict):
            for location, entry in data.items():
                if isinstance(entry, list) and len(entry) == 3 and all(isinstance(e, str) for e in entry[:2]):
                    self._stored[location] = ((entry[0], entry[1]), entry[2])

    def get(self, location: str, key: IndexKey) -> FileFacts | None:
        """The stored facts of `location` if stored under this very key."""
        stored = self._stored.get(location)
        if stored is None or stored[0] != key:
            return None
        try:
            return facts_from_json(stored[1])  # type: ignore[arg-type]
        except (TypeError, ValueError, KeyError):
            return None

    def locations(self) -> list[str]:
        """Every page the index holds."""
        return list(self._stored)

    def facts_of(self, location: str) -> FileFacts | None:
        """The stored facts of `location` whatever their key (a page that is gone)."""
        stored = self._stored.get(location)
        try:
            return facts_from_json(stored[1]) if stored is not None else None  # type: ignore[arg-type]
        except (TypeError, ValueError, KeyError):
            return None

    def save(self, entries: Mapping[str, tuple[IndexKey, FileFacts]]) -> None:
        """Replace the index with `entries` (the site's pages now), unless nothing changed."""
        fresh = {location: (key, facts) for location, (key, facts) in entries.items()}
        if fresh.keys() == self._stored.keys() and all(
            self._stored[location][0] == key for location, (key, _) in fresh.items()
        ):
            return
        self._cache.write_signed(
            self._name,
            {location: [key[0], key[1], facts_to_json(facts)] for location, (key, facts) in fresh.items()},
        )
