"""A record of a whole run over folders: the same run over an unchanged tree lints nothing.

A warm run without it still walks the folders, loads every rule, fingerprints the plan,
probes one cache entry per draft and models every site again, for the findings it had.
A record holds the run's result and a snapshot of what the run could have read, taken
before it started; a later run with the same key whose snapshot still matches reports the
recorded result, reading one file and a `stat` per input.

What counts as read: every file and folder under the folders given (the run's configs,
sites and their content roots must lie within them), the names in the working directory
and in each folder above these that decide configs, sites and git's ignores, git's own
ignore inputs, seolint's code and the folders on `sys.path` (installed packages and
plugins), and whatever else the run names (rule packs, plugin sources, site files
outside the trees). The key holds the
options, the working directory and the environment that git and the caches read; the
record holds its day (publication dates are judged against it), so a run keeps one
record, replaced when a day or an input has changed.

Trust model (ruff's, made stricter): a file is unchanged when its size, mtime, ctime,
inode and device are; a folder when its names are. Writing a file always moves its ctime,
which no tool sets back (copying with preserved times still makes a new ctime), so a
same-size edit within the mtime granularity is still seen. A file whose times lie within
RACY_NS of the snapshot could change again within the same clock tick: its bytes are
hashed into the record and checked too, as git does for "racily clean" entries. Missed:
a change the kernel does not stamp (a clock set back, a filesystem without ctime),
and a git `core.excludesFile` outside git's default places (that file's edits only).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from seolint import __version__
from seolint.cache.store import CACHE_DIR, Cache, user_secret
from seolint.config.files import CONFIG_FILES
from seolint.discover.reading import ReadError, read_regular_file
from seolint.site import publication
from seolint.site.markers import names_looked_for

SCHEMA = 1
RACY_NS = 2_000_000_000  # wider than any filesystem's timestamp granularity (FAT: 2 s)
MAX_INPUTS = 200_000  # a working directory larger than this (a home folder) is not recorded
MAX_HASHED_BYTES = 64 * 1024 * 1024
# Environment that changes what a run reads: git's ignores, the cache key's home, the day.
_ENVIRONMENT = ("PATH", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "TZ")
_NAMES_ABOVE = (*CONFIG_FILES, ".gitignore", ".git", "content", "layouts", "config", *names_looked_for())
_GIT_FILES = ("index", "info/exclude", "config", "commondir")
_PACKAGE = Path(__file__).resolve().parent.parent  # seolint/

Signature = list[Any] | None  # None: absent
Inputs = list[tuple[str, Signature]]


class Unrecordable(Exception):
    """The trees cannot be signed: too large, or holding a linked folder (its files
    could change behind a link whose own signature does not move)."""


def run_key(options: object, cwd: str) -> str:
    """What a run is, besides its inputs and its day: its options, where it runs, and how."""
    environment = sorted((k, v) for k, v in os.environ.items() if k in _ENVIRONMENT or k.startswith("GIT_"))
    shape = (SCHEMA, __version__, sys.version, sys.executable, repr(options), cwd, environment)
    return hashlib.sha256(repr(shape).encode("utf-8", "surrogateescape")).hexdigest()


def record_folder(cwd: Path) -> Path:
    """Where a run's records live: beside the nearest `.seolint.toml` or `pyproject.toml`
    at or above the working directory (where its cache is), else in the working directory."""
    for folder in (cwd, *cwd.parents):
        if any((folder / name).is_file() for name in CONFIG_FILES):
            return folder
    return cwd


class RunRecords:
    """Signed run records, one file per run key, in `.seolint_cache/runs/`."""

    def __init__(self, cache: Cache, key: str) -> None:
        self._cache = cache
        self._name = f"{key}.json"

    @classmethod
    def open(cls, cwd: Path, key: str) -> RunRecords | None:
        secret = user_secret()
        return None if isinstance(secret, str) else cls(Cache(record_folder(cwd), "runs", secret), key)

    def replay(self) -> Any:
        """The recorded value when it was recorded today (publication dates are judged
        against the day) and every input is as the record saw it, else None."""
        data = self._cache.read_signed(self._name)
        if not isinstance(data, dict) or not isinstance(data.get("inputs"), list):
            return None
        if data.get("day") != publication.today().isoformat():
            return None
        try:
            unchanged = all(signature(path, bool(old and old[-1])) == old for path, old in data["inputs"])
        except (TypeError, ValueError):
            return None
        return data.get("value") if unchanged else None

    def save(self, inputs: Inputs, value: Any) -> None:
        """Record the run, replacing the record of the same run on an earlier day."""
        record = {"day": publication.today().isoformat(), "inputs": inputs, "value": value}
        self._cache.write_signed(self._name, record)


def snapshot(cwd: Path, given: Iterable[Path]) -> Inputs:
    """Signatures of what a run in `cwd` over the absolute paths `given` may read
    (Unrecordable when their trees are too large or hold a linked folder)."""
    since = time.time_ns() - RACY_NS
    paths: dict[str, None] = {}
    for top in given:
        paths.update(dict.fromkeys(_tree(str(top))))
        if len(paths) > MAX_INPUTS:
            raise Unrecordable(f"{top}: more than {MAX_INPUTS} files and folders")
    for folder in {cwd, *(top.parent for top in given)}:
        paths.update(dict.fromkeys(_above(folder)))
    paths.update(dict.fromkeys((*_git_globals(), *_installed())))
    return [(path, signature(path, since=since)) for path in paths]


def extra_inputs(paths: Iterable[Path]) -> Inputs:
    """Signatures of files the run read outside what `snapshot` covers, always hashed:
    they are signed after the run, so their times cannot tell whether it saw these bytes."""
    return [(str(path), signature(str(path), hashed=True)) for path in paths]


def signature(path: str, hashed: bool = False, since: int | None = None) -> Signature:
    """A file's size, times, inode and device (and its bytes' hash when `hashed`, or when
    its times are after `since`); a folder's names; None when absent."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        return ["error", error.errno]
    if stat.S_ISDIR(info.st_mode):
        try:
            names = sorted(name for name in os.listdir(path) if name != CACHE_DIR)
        except OSError as error:
            return ["error", error.errno]
        return ["dir", hashlib.sha256("\0".join(names).encode("utf-8", "surrogateescape")).hexdigest()]
    fields: list[Any] = [info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
    fields += [info.st_ino, info.st_dev]
    racy = since is not None and max(info.st_mtime_ns, info.st_ctime_ns) >= since
    if stat.S_ISREG(info.st_mode) and (hashed or racy):
        fields.append(_content_hash(path))
    else:
        fields.append("")
    return ["file", *fields]


def _content_hash(path: str) -> str:
    try:
        return hashlib.sha256(read_regular_file(path, MAX_HASHED_BYTES, "the hashed file limit")).hexdigest()
    except (OSError, ReadError):
        return "unreadable"


def _tree(top: str) -> Iterator[str]:
    """Every folder and file under `top`, without cache folders and git's own folder (whose
    ignore inputs are signed by name)."""
    yield top
    try:
        entries = sorted(os.scandir(top), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name == CACHE_DIR:
            continue
        if entry.name == ".git":
            yield from _git_inputs(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            yield from _tree(entry.path)
        elif entry.is_symlink() and os.path.isdir(entry.path):  # False for a loop or a dangling link
            raise Unrecordable(f"{entry.path}: a linked folder")
        else:
            yield entry.path


def _git_inputs(dot_git: str) -> list[str]:
    """What `git check-ignore` reads in a repository: its index (tracked files are never
    ignored), `info/exclude` and config, also through a worktree's `.git` file."""
    found = [dot_git]
    folder = dot_git
    if os.path.isfile(dot_git):
        try:
            with open(dot_git, encoding="utf-8", errors="replace") as stream:
                line = stream.readline().strip()
        except OSError:
            return found
        if not line.startswith("gitdir:"):
            return found
        folder = os.path.join(os.path.dirname(dot_git), line.removeprefix("gitdir:").strip())
    found += [os.path.join(folder, name) for name in _GIT_FILES]
    common = os.path.join(folder, "commondir")
    if os.path.isfile(common):
        try:
            with open(common, encoding="utf-8", errors="replace") as stream:
                shared = os.path.join(folder, stream.readline().strip())
        except OSError:
            return found
        found += [os.path.join(shared, name) for name in _GIT_FILES]
    return found


def _above(start: Path) -> Iterator[str]:
    """The names that decide configs, sites and ignores in `start` and every folder above."""
    for folder in (start, *start.parents):
        for name in _NAMES_ABOVE:
            path = os.path.join(folder, name)
            yield path
            if name == ".git" and os.path.exists(path):
                yield from _git_inputs(path)[1:]


def _git_globals() -> list[str]:
    home = os.path.expanduser("~")
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    return [
        os.path.join(home, ".gitconfig"),
        os.path.join(config, "git", "config"),
        os.path.join(config, "git", "ignore"),
        "/etc/gitconfig",
    ]


def _installed() -> Iterator[str]:
    """seolint's code and rule packs, and the folders on `sys.path` (a package installed,
    upgraded or removed renames a folder there)."""
    for top in (_PACKAGE, _PACKAGE.parent / "rules"):
        for folder, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            yield folder
            yield from (os.path.join(folder, n) for n in sorted(names) if not n.endswith((".pyc", ".pyo")))
    yield from (entry for entry in sys.path if entry and os.path.isdir(entry))
