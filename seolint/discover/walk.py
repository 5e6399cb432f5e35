"""Which drafts a run lints: explicit paths, and folders walked for draft files.

Walking skips excluded folders and files (each folder's own config decides, relative to
that config's folder), files git ignores, and symlinks that lead out of the folder
being walked (as ruff does: a link to `/etc/passwd` in a checkout is not a draft).
Files named on the command line are always linted unless `force-exclude` is set.
A path the OS gives in undecodable bytes is kept as it is for reading and shown with
U+FFFD in its place, so reports, caches and baselines can always write it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from seolint.discover import gitignore
from seolint.discover.globs import matches, matches_here_or_above
from seolint.discover.reading import STDIN
from seolint.discover.records import NamedTuple
from seolint.discover.source import FORMATS, FileError, Format, format_for


class FolderConfig(Protocol):
    """What the walk asks of the config that governs a folder (seolint.config.files.Config)."""

    @property
    def root(self) -> Path: ...
    @property
    def excluded_globs(self) -> tuple[str, ...]: ...
    @property
    def extension_map(self) -> Mapping[str, Format]: ...
    @property
    def respect_gitignore(self) -> bool: ...


class ContentFilter(Protocol):
    """What the walk asks of a site (seolint.site.Site): whether a file is one of its pages."""

    def is_content(self, path: str | os.PathLike[str]) -> bool: ...


ConfigFor = Callable[[Path], FolderConfig]  # the config that governs a folder
SiteFor = Callable[[Path], "ContentFilter | None"]  # the site a file belongs to


class DraftFile(NamedTuple):
    location: str  # what the OS is asked to open (may hold surrogate-escaped bytes)
    path: str  # what the draft is called everywhere else

    @classmethod
    def at(cls, location: str) -> DraftFile:
        return cls(location, shown(location))


def shown(location: str) -> str:
    """A path that can always be written out: undecodable bytes become U+FFFD."""
    try:
        location.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(location).decode("utf-8", "replace")
    return location


def discover(
    paths: Sequence[str], config_for: ConfigFor, force_exclude: bool = False, site_for: SiteFor | None = None
) -> tuple[list[DraftFile], list[FileError]]:
    """Expand folders into draft files (sorted); explicit files are kept unless force-excluded.

    Inside a site, only its content is a draft: never templates, includes, archetypes,
    themes or build output (a file named on the command line is one only when excludes
    are forced, as the pre-commit hooks do).
    """
    site_for = site_for or _no_site
    files: list[DraftFile] = []
    errors: list[FileError] = []
    for given in paths:
        if given == STDIN:
            files.append(DraftFile(STDIN, STDIN))
            continue
        path = Path(given)
        if path.is_dir():
            found = list(_walk(path, config_for, site_for))
            if not found:
                errors.append(
                    FileError(shown(given), "no drafts found (looked for " + ", ".join(FORMATS) + ")")
                )
            files.extend(DraftFile.at(str(p)) for p in found)
        elif path.exists() or path.is_symlink():  # a broken link or loop is reported when read
            config = config_for(path.parent)
            excluded = force_exclude and (
                matches_here_or_above(path, config.excluded_globs, config.root)
                or _not_content(path, site_for(path.parent))
            )
            if not excluded:
                files.append(DraftFile.at(given))
        else:
            errors.append(FileError(shown(given), "no such file or directory"))
    return files, errors


def _no_site(path: Path) -> None:
    return None


def _not_content(path: Path, site: ContentFilter | None) -> bool:
    """Whether a file lies in a site but outside its content (templates, build output)."""
    return site is not None and not site.is_content(path)


def _walk(folder: Path, config_for: ConfigFor, site_for: SiteFor) -> Iterator[str]:
    """Draft files under `folder`, sorted, without excluded, git-ignored or outside-linking ones.

    Paths stay strings: a Path per file and per question cost most of a walk of 1,264 files.
    """
    boundary = os.path.realpath(folder)
    candidates: list[str] = []
    for root, dirs, names in os.walk(folder):
        config = config_for(Path(root))
        globs, base = config.excluded_globs, config.root
        dirs[:] = sorted(d for d in dirs if not matches(os.path.join(root, d), globs, base))
        site, site_known = None, False  # asked only of a folder that holds a draft
        folder_name = str(Path(root))  # as Path(root, name) would spell it: "./a" is "a"
        prefix = "" if folder_name == "." else os.path.join(folder_name, "")
        for name in sorted(names):
            path = prefix + name
            if (
                format_for(name, config.extension_map) is None
                or matches(path, globs, base)
                or _leads_out(path, boundary)
            ):
                continue
            if not site_known:
                site, site_known = site_for(Path(root)), True
            if _not_content(Path(path), site):
                continue
            candidates.append(path)
    if config_for(folder).respect_gitignore:
        skipped = gitignore.ignored(folder, candidates)
        candidates = [p for p in candidates if p not in skipped]
    yield from candidates


def _leads_out(path: str, boundary: str) -> bool:
    """A symlink whose target lies outside the folder being walked (loops stay: reported on read)."""
    if not os.path.islink(path):
        return False
    target = os.path.realpath(path)
    return target != boundary and not target.startswith(boundary.rstrip(os.sep) + os.sep)
