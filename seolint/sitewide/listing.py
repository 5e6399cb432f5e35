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

Reading the listing back (1.6 MB of nested JSON at 20,000 pages) cost as much as the
`stat`s. Beside it, a small file packs every folder's stamp into one array with the
content files' locations: when every folder's `stat` matches it, no entry of any folder
changed, so the walk would rebuild the stored listing, and the run takes the locations
from the packed file without reading the listing (read later only if a caller asks for
the folders themselves).

The listing belongs to one site key and set of content roots: another config or another
generator setting lists everything again.
"""

from __future__ import annotations

import base64
import hashlib
import os
from array import array
from functools import cached_property

from seolint.cache.store import Cache
from seolint.config.files import CONFIG_FILES
from seolint.discover.records import NamedTuple
from seolint.site import Site
from seolint.site.paths import NEVER_CONTENT
from seolint.sitewide.index import racy_before

# A folder: its stamp (None: not trusted), its subfolders walked, its content files, and
# whether it holds a name a config file may have.
Folder = tuple[list[int] | None, list[str], list[str], bool]
_CONFIG_NAMES = frozenset(CONFIG_FILES)


class Packed(NamedTuple):
    """What a run needs of the listing when no folder moved, kept in one small file beside
    it (a 20,000-page site's listing is 1.6 MB of nested JSON, read in 0.02 s): every
    folder in walk order with its stamp packed as int64 (mtime, ctime, inode, device), the
    content files' locations and the folders `governing_folders` names."""

    folders: list[str]
    stamps: array[int]
    locations: list[str]
    governing: list[str]


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
        self._packed_name = f"listing-{root}-stamps.json"
        self._shape = [salt, self._roots, sorted(site.suffixes)]
        self._packed = self._read_packed()
        self._folders: dict[str, Folder] | None = None
        self._stored: dict[str, Folder] = {}
        self.listed = 0  # folders listed from the file system this run (the rest were trusted)
        self.walked = False  # whether the run walked the stored folders (no packed answer)
        self._quick = self._unmoved()
        if self._quick is None:
            self._walk()

    @property
    def folders(self) -> dict[str, Folder]:
        """Each folder's entry, walked (and its stored entries read) only when asked: a run
        that the packed stamps answered needs the locations, not the folders."""
        if self._folders is None:
            self._walk()
        assert self._folders is not None
        return self._folders

    def locations(self) -> list[str]:
        """Every content file of the site as text (absolute, normalised), sorted, as
        `Site.content_files` walks them. One list a run: callers do not change it."""
        return self._quick[0] if self._quick is not None else self._locations

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
        if self._quick is not None:
            return self._quick[1]
        roots = set(self._roots)
        return sorted(
            folder
            for folder, entry in self.folders.items()
            if entry[3] or folder in roots or os.path.dirname(folder) not in self.folders
        )

    def save(self) -> None:
        """Store the listing when a folder's entry changed, and its packed stamps when they
        no longer describe it (only when every folder is trusted and every root listed)."""
        if self._cache is None or self._folders is None:
            return
        if self._folders != self._stored:
            self._cache.write_signed(self._name, {"shape": self._shape, "folders": self._folders})
        packed = self._packing()
        if packed != self._packed:
            self._cache.write_signed(self._packed_name, _packed_json(packed, self._shape))

    def _walk(self) -> None:
        self.walked = True
        self._stored = self._read()
        self._folders = {}
        since = racy_before()
        for root in self._roots:
            self._visit(root, since)

    def _unmoved(self) -> tuple[list[str], list[str]] | None:
        """The locations and governing folders as packed, when every folder packed there has
        its stored stamp now (one `stat` each, compared as one array): no entry was added,
        removed or renamed in any of them, so a walk would find the stored listing. None
        when a folder moved or is gone, or nothing (valid) is packed: the run walks."""
        packed = self._packed
        if packed is None:
            return None
        now = array("q")
        for folder in packed.folders:
            try:
                info = os.stat(folder)
            except OSError:
                return None
            now.extend((info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev))
        if now != packed.stamps:
            return None
        return packed.locations, packed.governing

    def _packing(self) -> Packed | None:
        """The packed stamps of the listing walked now. None when a folder is not trusted or
        a root was not listed: the next run must walk to see them."""
        folders = self.folders
        if any(entry[0] is None for entry in folders.values()) or not all(r in folders for r in self._roots):
            return None
        stamps = array("q")
        for entry in folders.values():
            stamps.extend(entry[0] or ())
        return Packed(list(folders), stamps, self._locations, self.governing_folders())

    def _read_packed(self) -> Packed | None:
        data = self._cache.read_signed(self._packed_name) if self._cache is not None else None
        if not isinstance(data, dict) or data.get("shape") != self._shape:
            return None
        folders, locations = _split(data.get("folders")), _split(data.get("locations"))
        governing = data.get("governing")
        if folders is None or locations is None or type(governing) is not list or not _paths(governing):
            return None
        try:
            stamps = array("q", base64.b64decode(str(data.get("stamps")), validate=True))
        except (ValueError, TypeError):
            return None
        return Packed(folders, stamps, locations, governing)

    def _visit(self, root: str, since: int) -> None:
        assert self._folders is not None
        pending = [root]
        while pending:
            folder = pending.pop()
            if folder in self._folders:
                continue
            try:
                info = os.stat(folder)
            except OSError:
                continue
            stamp = [info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]
            stored = self._stored.get(folder)
            if stored is None or stored[0] is None or stored[0] != stamp:
                stored = self._list(folder, stamp if max(stamp[0], stamp[1]) < since else None)
            self._folders[folder] = stored
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


def _packed_json(packed: Packed | None, shape: object) -> dict[str, object]:
    """The packed file's JSON: a few long strings, which decode in a fraction of the time
    nested lists take. Empty (read as nothing packed) when there is nothing to pack."""
    if packed is None:
        return {}
    return {
        "shape": shape,
        "folders": "\0".join(packed.folders),
        "stamps": base64.b64encode(packed.stamps.tobytes()).decode("ascii"),
        "locations": "\0".join(packed.locations),
        "governing": packed.governing,
    }


def _split(value: object) -> list[str] | None:
    """A list of absolute paths stored joined by NUL (no path holds one)."""
    if type(value) is not str:
        return None
    found = value.split("\0") if value else []
    return found if ("\0" + value).count("\0" + os.sep) == len(found) else None


def _paths(values: list[object]) -> bool:
    return all(type(v) is str and v.startswith(os.sep) and "\0" not in v for v in values)


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
