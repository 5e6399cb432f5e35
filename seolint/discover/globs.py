"""Glob matching for `exclude`, `extend-exclude` and `per-file-ignores`.

A glob matches a path relative to the config file's folder, or the file's name. Paths
are made relative lexically (never with `resolve()`), so a symlink loop or a link that
points elsewhere cannot make matching fail or change its answer.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def relative_to(path: str | Path, root: Path) -> str:
    """`path` relative to `root` in POSIX form, or `path` itself when it lies outside."""
    absolute = os.path.abspath(path)
    base = os.path.abspath(root)
    if absolute != base and not absolute.startswith(base.rstrip(os.sep) + os.sep):
        return Path(path).as_posix()
    return os.path.relpath(absolute, base).replace(os.sep, "/")  # normalised already: no Path needed


def matches(path: str | Path, globs: Iterable[str], root: Path) -> bool:
    """Whether a glob matches the path relative to `root`, or the path's name (as fnmatch does)."""
    relative = os.path.normcase(relative_to(path, root))
    pattern = _joined(tuple(globs))
    return pattern.match(relative) is not None or pattern.match(os.path.basename(relative)) is not None


def matches_here_or_above(path: str | Path, globs: Iterable[str], root: Path) -> bool:
    """Whether a glob matches the path or one of the folders holding it (below `root`): a
    file named on the command line is excluded by `content/posts/archive` as a walk would be."""
    relative = relative_to(path, root)
    folders = relative.split("/")[:-1]
    candidates = ["/".join(folders[: n + 1]) for n in range(len(folders))]
    patterns = tuple(globs)
    return matches(path, patterns, root) or any(matches(root / c, patterns, root) for c in candidates)


@lru_cache(maxsize=64)
def _joined(globs: tuple[str, ...]) -> re.Pattern[str]:
    """`globs` as one pattern: a walk tests every file and folder against the same few."""
    # A trailing "/" (a folder, as in .gitignore) matches the folder's path without it.
    bare = (glob.rstrip("/") if len(glob) > 1 else glob for glob in globs)
    return re.compile("|".join(fnmatch.translate(os.path.normcase(glob)) for glob in bare) or "(?!)")
