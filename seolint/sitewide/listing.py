"""The content files of a site, kept between runs and trusted folder by folder.

A one-file run inside a site needs the list of its pages. Walking a 20,000-page site's
4,365 folders and asking each file whether it is content took a quarter of such a run,
and finding each folder's config another eighth. The listing keeps, per folder, its
stamp, the subfolders a walk descends into, its content files and whether it holds a
config file's name; a later run `stat`s each folder and lists again only those whose
stamp moved. Adding, removing or renaming an entry always moves its folder's mtime and
ctime, so a new page, a deleted one or a new config is seen; an edit inside a page does
not touch its folder, and the facts index's page stamps see it. A folder whose times lie
within RACY_NS of the run is stored without a stamp (it could change again within the
same clock tick unseen) and listed again next time.

The listing belongs to one site key and set of content roots: another config or another
generator setting lists everything again.
"""

from __future__ import annotations

import hashlib
import os
from functools import cached_property

from seolint.cache.store import Cache
from seolint.config.files import CONFIG_FILES
from seolint.site import Site
from seolint.site.paths import NEVER_CONTENT
from seolint.sitewide.index import racy_before

# A folder: its stamp (None: not trusted), its subfolders walked, its content files, and
# whether it holds a name a config file may have.
Folder = tuple[list[int] | None, list[str], list[str], bool]
_CONFIG_NAMES = frozenset(CONFIG_FILES)


class Listing:
    """A site's content files by folder: from the store where a folder's stamp is unchanged,
    else from the folder itself."""

    def __init__(self, cache: Cache | None, site: Site, salt: str) -> None:
        self._cache = cache
        self._site = site
        self.root = site.root
        self._roots = [os.path.abspath(root) for root in site.content_roots()]
        root = hashlib.sha256(str(site.root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self._name = f"listing-{root}.json"
        self._shape = [salt, self._roots, sorted(site.suffixes)]
        self._stored = self._read()
        self.folders: dict[str, Folder] = {}
        self.listed = 0  # folders listed from the file system this run (the rest were trusted)
        since = racy_before()
        for root in self._roots:
            self._visit(root, since)

    def locations(self) -> list[str]:
        """Every content file of the site as text (absolute, normalised), sorted, as
        `Site.content_files` walks them. One list a run: callers do not change it."""
        return self._locations

    @cached_property
    def _locations(self) -> list[str]:
        found = []
        for folder, entry in self.folders.items():
            prefix = os.path.join(folder, "")
            found.extend([prefix + name for name in entry[2]])
        found.sort()
        return found

    def nearest_configs(self) -> dict[str, str]:
        """For each folder of the content tree, the folder whose config governs it as well:
        the nearest one at or above it holding a config file's name, else its content root
        (whose own config lookup climbs on above the tree). A folder without such a name
        has no config of its own, so `Settings.config_for` of either gives the same."""
        nearest: dict[str, str] = {}
        for folder in sorted(self.folders, key=len):  # parents first
            if self.folders[folder][3] or folder in self._roots:
                nearest[folder] = folder
            else:
                nearest[folder] = nearest.get(os.path.dirname(folder), folder)
        return nearest

    def governing_folders(self) -> list[str]:
        """The distinct folders `nearest_configs` names, sorted, found without mapping every
        folder: those holding a config file's name, the content roots, and any folder whose
        parent is not listed."""
        roots = set(self._roots)
        return sorted(
            folder
            for folder, entry in self.folders.items()
            if entry[3] or folder in roots or os.path.dirname(folder) not in self.folders
        )

    def save(self) -> None:
        """Store the listing when a folder's entry changed."""
        if self._cache is not None and self.folders != self._stored:
            self._cache.write_signed(self._name, {"shape": self._shape, "folders": self.folders})

    def _visit(self, root: str, since: int) -> None:
        pending = [root]
        while pending:
            folder = pending.pop()
            if folder in self.folders:
                continue
            try:
                info = os.stat(folder)
            except OSError:
                continue
            stamp = [info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]
            stored = self._stored.get(folder)
            if stored is None or stored[0] is None or stored[0] != stamp:
                stored = self._list(folder, stamp if max(stamp[0], stamp[1]) < since else None)
            self.folders[folder] = stored
            prefix = os.path.join(folder, "")
            pending.extend([prefix + name for name in reversed(stored[1])])

    def _list(self, folder: str, stamp: list[int] | None) -> Folder:
        """A folder's entry from its names, as `os.walk` and `Site.content_files` see them."""
        self.listed += 1
        subfolders: list[str] = []
        files: list[str] = []
        config = False
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return None, [], [], False
        for entry in entries:
            name = entry.name
            config = config or name in _CONFIG_NAMES
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not name.startswith(".") and name not in NEVER_CONTENT and not entry.is_symlink():
                    subfolders.append(name)
            elif (
                not name.startswith(".")
                and os.path.splitext(name)[1].lower() in self._site.suffixes
                and self._site.is_content(os.path.join(folder, name))
            ):
                files.append(name)
        return stamp, sorted(subfolders), sorted(files), config

    def _read(self) -> dict[str, Folder]:
        data = self._cache.read_signed(self._name) if self._cache is not None else None
        if not isinstance(data, dict) or data.get("shape") != self._shape:
            return {}
        if not isinstance(data.get("folders"), dict):
            return {}
        stored: dict[str, Folder] = {}
        for folder, entry in data["folders"].items():
            if _valid(entry):
                stored[folder] = (entry[0], entry[1], entry[2], entry[3])
        return stored


def _valid(entry: object) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 4
        and (entry[0] is None or (type(entry[0]) is list and _INT.issuperset(map(type, entry[0]))))
        and _names(entry[1])
        and _names(entry[2])
        and isinstance(entry[3], bool)
    )


def _names(value: object) -> bool:
    """A list of plain names (text, no separator, not `.` or `..`), checked in C a folder at
    a time: a 20,000-page site's listing holds ~27,000 names, and checking them one by one
    was most of reading it."""
    if type(value) is not list:
        return False
    try:
        joined = "\0".join(value)
    except TypeError:  # not all text
        return False
    return os.sep not in joined and _SPECIAL.isdisjoint(value)


_SPECIAL = frozenset({"", ".", ".."})
_INT = frozenset({int})
