"""Where seolint keeps files of its own for this user (the cache key, the syllable table).

`$XDG_CACHE_HOME/seolint`, `%LOCALAPPDATA%/seolint`, else `~/.cache/seolint`. A relative
XDG_CACHE_HOME is ignored, as the XDG Base Directory specification says: it would put the
key into whatever project is being linted. Without a home folder (a uid with no passwd
entry and HOME unset) there is no such folder, and whoever needs one goes without.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


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
