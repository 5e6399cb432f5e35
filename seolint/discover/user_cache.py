"""Where seolint keeps files of its own for this user (the cache key, the syllable table).

`$XDG_CACHE_HOME/seolint`, `%LOCALAPPDATA%/seolint`, else `~/.cache/seolint`. A relative
XDG_CACHE_HOME is ignored, as the XDG Base Directory specification says: it would put the
key into whatever project is being linted. Without a home folder (a uid with no passwd
entry and HOME unset) there is no such folder, and whoever needs one goes without.
"""

from __future__ import annotations

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
