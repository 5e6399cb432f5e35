"""TOML files shipped with seolint (rule packs, word lists), parsed once per installation.

tomllib is pure Python: importing it compiles its regular expressions, and it reads the
packs' patterns a character at a time, together ~10 ms of a one-post run that cannot
change from run to run. So what it parsed is kept as JSON in the user's cache folder,
beside the text it was parsed from: an entry is used only while its text is the file's
text, so an upgrade or an edited pack is parsed again, and a damaged or foreign file is
parsed around and replaced. Where the folder cannot be read or written, every process
parses, as before. Only data JSON gives back unchanged is kept (a TOML date is not).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from seolint.discover.reading import read_own_file
from seolint.discover.user_cache import replace_file, user_cache_folder

FILE_NAME = "shipped-toml-1.json"
_MAX_FILE_BYTES = 4 * 1024 * 1024


class ParsedStore:
    """The parsed files kept in one folder's FILE_NAME (None: no folder, nothing kept)."""

    def __init__(self, folder: Path | None) -> None:
        self._path = None if folder is None else folder / FILE_NAME
        self._entries: dict[str, Any] | None = None

    def parsed(self, name: str, text: str) -> dict[str, Any]:
        """`tomllib.loads(text)` (raising as it does), from the store when it holds `name`
        parsed from this very text. The result is shared: read it, do not change it."""
        entries = self._read()
        entry = entries.get(name)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == text and isinstance(entry[1], dict):
            return entry[1]
        from seolint.discover.toml import tomllib

        data = tomllib.loads(text)
        if self._path is not None and _survives_json(data):
            entries[name] = [text, data]
            replace_file(self._path, json.dumps(entries, ensure_ascii=False).encode())
        return data

    def _read(self) -> dict[str, Any]:
        if self._entries is None:
            stored = None if self._path is None else read_own_file(self._path, _MAX_FILE_BYTES)
            try:
                entries = json.loads(stored) if stored is not None else {}
            except ValueError:  # damaged: replaced at the next write
                entries = {}
            self._entries = entries if isinstance(entries, dict) else {}
        return self._entries


@cache
def _store() -> ParsedStore:
    return ParsedStore(user_cache_folder())


def parsed_toml(name: str, text: str) -> dict[str, Any]:
    """The shipped file `name` (its package and file name), whose text is `text`, parsed:
    see ParsedStore.parsed."""
    return _store().parsed(name, text)


def _survives_json(data: dict[str, Any]) -> bool:
    try:
        return bool(json.loads(json.dumps(data)) == data)
    except (TypeError, ValueError):  # a date or time, a float JSON has no word for
        return False
