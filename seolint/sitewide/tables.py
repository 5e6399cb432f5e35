"""The site model's answers stored by key, so a one-file run reads only what its page touches.

A one-file run inside a 20,000-page site read the whole facts index (54 MB), decoded every
page and grouped every title to judge one page. What the site rules ask about the other
pages is a handful of lookups: the pages at a URL, the pages whose links end in the page's
name, the pages sharing its title, description or keyphrase, the pages' names and URLs for
a "did you mean". These tables keep those answers, and each page's facts, as rows of one
SQLite file (random access: a run reads a few dozen rows, not the file), written when a
run has built the whole model and read by `SiteModel.from_tables` when every other page is
as it was then (`seolint.lint.site_pass`).

Every row is signed with the cache's secret (key and value), as every cache file is: a
row someone else wrote is refused, and a refused row makes the run build the whole model.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from seolint.cache.store import Cache

FORMAT = 1
# What `SiteTables.edit` applies: given a reader of rows by key, the rows to write (None:
# delete), or None to write nothing.
Change = Callable[[Callable[[Iterable[str]], dict[str, object]]], "Mapping[str, object | None] | None"]
_SCHEMA = "CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID"


class SiteTables:
    """One site's tables: signed JSON values by key, in one SQLite file of the cache."""

    def __init__(self, cache: Cache, root: Path) -> None:
        self._cache = cache
        name = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = cache.folder / f"tables-{name}.sqlite"
        self._connection: sqlite3.Connection | None = None

    def meta(self) -> dict[str, object] | None:
        """The tables' description (format, the state they were written for), or None when
        there are none this run may trust."""
        found = self.get("meta")
        return found if isinstance(found, dict) and found.get("format") == FORMAT else None

    def get(self, key: str) -> object:
        """The value stored under `key`, or None (absent, tampered or unreadable)."""
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        """The values stored under `keys` that are present and signed by this user."""
        connection = self._open()
        wanted = list(dict.fromkeys(keys))
        if connection is None or not wanted:
            return {}
        found: dict[str, object] = {}
        try:
            for start in range(0, len(wanted), 500):  # SQLite's bound on parameters
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, raw in connection.execute(f"SELECT k, v FROM kv WHERE k IN ({marks})", chunk):
                    value = self._verified(key, raw)
                    if value is not None:
                        found[key] = value
        except sqlite3.Error:
            return {}
        return found

    def write(self, rows: Mapping[str, object], keep_prefix: str, keep: Iterable[str]) -> None:
        """Replace the tables by `rows`, keeping the rows under `keep_prefix` whose keys are
        in `keep` (pages whose facts did not change are not written again)."""
        if not self._cache.trusted():
            return
        kept = set(keep)
        signed = ((key, self._signed(key, value)) for key, value in rows.items())  # a row at a time
        try:
            connection = self._open(create=True)
            if connection is None:
                return
            connection.execute("BEGIN IMMEDIATE")
            try:
                stored = [k for (k,) in connection.execute("SELECT k FROM kv")]
                gone = [
                    (k,) for k in stored if not (k.startswith(keep_prefix) and k in kept) and k not in rows
                ]
                connection.executemany("DELETE FROM kv WHERE k = ?", gone)
                connection.executemany("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)", signed)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error:  # locked by another run, or a read-only checkout: no tables
            return

    def edit(self, change: Change) -> bool:
        """Apply what `change` makes of the rows it reads (a value of None deletes its row)
        in one transaction, so that no other run writes between the reads and the writes.
        False when nothing was written: `change` found the tables unlike what it expected
        (it returned None), or they are locked, absent or not this user's."""
        if not self._cache.trusted():
            return False
        connection = self._open()
        if connection is None:
            return False
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                rows = change(self.get_many)
                if rows is None:
                    connection.execute("ROLLBACK")
                    return False
                connection.executemany(
                    "DELETE FROM kv WHERE k = ?", [(k,) for k, v in rows.items() if v is None]
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)",
                    [(k, self._signed(k, v)) for k, v in rows.items() if v is not None],
                )
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            return False
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _open(self, create: bool = False) -> sqlite3.Connection | None:
        if self._connection is not None:
            return self._connection
        try:
            info = os.lstat(self.path)
        except OSError:
            info = None
        if info is None and not create:
            return None
        if info is not None and (not os.path.isfile(self.path) or os.path.islink(self.path)):
            return None
        if info is not None and hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None  # planted by another user
        try:
            connection = sqlite3.connect(self.path, timeout=1.0, isolation_level=None)
            if create:
                connection.execute(_SCHEMA)
        except sqlite3.Error:
            return None
        self._connection = connection
        return connection

    def _signed(self, key: str, value: object) -> bytes:
        body = json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")
        return self._cache.sign(key.encode("utf-8", "surrogateescape") + b"\0" + body) + b"\n" + body

    def _verified(self, key: str, raw: object) -> object:
        if not isinstance(raw, bytes):
            return None
        mac, _, body = raw.partition(b"\n")
        if not hmac.compare_digest(
            mac, self._cache.sign(key.encode("utf-8", "surrogateescape") + b"\0" + body)
        ):
            return None
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            return None
