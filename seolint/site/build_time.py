"""Content a site gets only when it is built, so a link to it cannot be checked from the checkout.

Three signs, all the repository's own words: a Hugo mount whose source folder is absent (a
module, or a folder a build step fetches: Hugo skips a missing source silently); a path that
the repository's `.gitignore` files ignore inside a content or static folder (a script writes
it there before each build); and URL globs the config declares (`generated = [...]`). Links
into such content are "not checked", never broken.

`.gitignore` files are read here, not asked of git, because the question is about files that
do not exist yet (and a site read from an export has no repository): the patterns follow
git's rules through `pathspec`, the deepest file deciding, as in git.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.site.reads import read_site_text

if TYPE_CHECKING:
    import pathspec


class BuildTime:
    """Where a site's build-time content is, and why a given URL or path belongs to it."""

    def __init__(
        self,
        site_root: Path,
        roots: Sequence[Path],
        absent: Sequence[tuple[str, str]] = (),
        declared: Sequence[str] = (),
    ) -> None:
        self.site_root = site_root
        self.roots = tuple(dict.fromkeys(roots))  # content and static folders that exist
        self.absent = tuple(absent)  # (URL prefix, why): mounts whose source is not in the checkout
        self.declared = tuple(declared)  # URL globs from the config

    def for_url(self, url: str) -> str | None:
        """Why the page at URL path `url` is made at build time, or None."""
        bare = url.split("#", 1)[0].split("?", 1)[0]
        key = bare.rstrip("/") or "/"
        for glob in self.declared:
            if url_glob(glob).fullmatch(key):
                return f"declared generated ({glob})"
        for prefix, why in self.absent:
            base = prefix.rstrip("/")
            if key == base or key.startswith(base + "/") or not base:
                return why
        return None

    def for_path(self, path: Path) -> str | None:
        """Why the file at `path` (which need not exist) is made at build time, or None."""
        text = os.path.abspath(path)
        if not text.startswith(self._root_texts):
            return None
        if text not in self._answers:
            self._answers[text] = self._ignored(text)
        return self._answers[text]

    @cached_property
    def _root_texts(self) -> tuple[str, ...]:
        return tuple(os.path.join(str(root), "") for root in self.roots)

    @cached_property
    def _answers(self) -> dict[str, str | None]:
        return {}

    def _ignored(self, text: str) -> str | None:
        decided: tuple[bool, str] | None = None
        for directory, spec in self._specs_over(os.path.dirname(text)):
            relative = text[len(directory) + 1 :].replace(os.sep, "/")
            include = spec.check_file(relative).include
            if include is not None:
                decided = (include, directory)
        if decided is None or not decided[0]:
            return None
        where = os.path.relpath(os.path.join(decided[1], ".gitignore"), self.site_root).replace(os.sep, "/")
        return f"ignored by {where} (made at build time)"

    def _specs_over(self, folder: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """The `.gitignore` rules that apply in `folder`, top down: those of `_specs` in
        it or above it, found by looking at its ancestors rather than walking the roots
        (a one-file run inside a 20,000-page site asks about a few paths)."""
        if folder not in self._over:
            self._over[folder] = self._looked_up(folder)
        return self._over[folder]

    def _looked_up(self, folder: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        folders = [d for d in self._chain if _covers(d, folder)]
        for root in self.roots:
            top = str(root)
            if _covers(top, folder):
                folders.extend(self._walked_down(top, folder))
        return self._specs_of(folders)

    def _walked_down(self, top: str, folder: str) -> list[str]:
        """The folders from `top` down to `folder` that `os.walk(top)` visits holding a
        `.gitignore`: it does not descend into linked folders, `node_modules` or `.git`."""
        found = []
        current = top
        steps = [part for part in folder[len(top) :].split(os.sep) if part]
        for index in range(len(steps) + 1):
            if index:
                name = steps[index - 1]
                current = os.path.join(current, name)
                if name in _NOT_WALKED or not self._walkable(current):
                    break
            if self._has_gitignore(current):
                found.append(current)
        return found

    def _walkable(self, folder: str) -> bool:
        if folder not in self._folders:
            try:
                self._folders[folder] = stat.S_ISDIR(os.lstat(folder).st_mode)
            except OSError:
                self._folders[folder] = False
        return self._folders[folder]

    def _has_gitignore(self, folder: str) -> bool:
        """Whether `os.walk` lists a `.gitignore` among the folder's files (not folders)."""
        name = os.path.join(folder, ".gitignore")
        return os.path.lexists(name) and not os.path.isdir(name)

    def _specs_of(self, folders: list[str]) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """Each folder holding `.gitignore` rules with them, once, from the top down: a deeper
        file's rules come after, and so win, as git reads them."""
        found = []
        for folder in sorted(dict.fromkeys(folders), key=lambda f: f.count(os.sep)):
            spec = self._spec_in(folder)
            if spec is not None:
                found.append((folder, spec))
        return found

    def _spec_in(self, folder: str) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._read:
            text = read_site_text(Path(folder, ".gitignore"))
            self._read[folder] = None if text is None else _spec(tuple(text.splitlines()))
        return self._read[folder]

    @cached_property
    def _chain(self) -> list[str]:
        return list(_ancestors_to_repository(self.site_root))

    @cached_property
    def _over(self) -> dict[str, list[tuple[str, pathspec.GitIgnoreSpec]]]:
        return {}  # folder -> the rules that apply in it

    @cached_property
    def _folders(self) -> dict[str, bool]:
        return {}  # folder -> a real folder, not a link (os.walk descends into it)

    @cached_property
    def _read(self) -> dict[str, pathspec.GitIgnoreSpec | None]:
        return {}  # folder -> its .gitignore's rules, None when absent or unreadable

    def gitignore_files(self) -> list[str]:
        """The `.gitignore` files read, relative to the site root (for --show-site)."""
        return [os.path.relpath(os.path.join(d, ".gitignore"), self.site_root) for d, _ in self._specs]

    @cached_property
    def _specs(self) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """(folder, its .gitignore rules) from the repository's top down to the roots' depths."""
        folders = list(self._chain)
        for root in self.roots:
            for current, dirs, names in os.walk(root):
                dirs[:] = [d for d in dirs if d not in _NOT_WALKED]
                if ".gitignore" in names:
                    folders.append(current)
        return self._specs_of(folders)


_NOT_WALKED = frozenset({"node_modules", ".git"})


def _covers(directory: str, folder: str) -> bool:
    """Whether `folder` is `directory` or lies under it."""
    return folder == directory or folder.startswith(os.path.join(directory, ""))


def _ancestors_to_repository(site_root: Path) -> Iterable[str]:
    """The site root, and the folders above it up to the repository's top (one holding `.git`)."""
    chain: list[str] = []
    current = os.path.abspath(site_root)
    while True:
        chain.append(current)
        if os.path.exists(os.path.join(current, ".git")):
            return reversed(chain)
        parent = os.path.dirname(current)
        if parent == current:
            return [os.path.abspath(site_root)]  # not in a repository: the site's own files only
        current = parent


def _spec(lines: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only a site with a broken-looking link under a .gitignore pays for it

    return pathspec.GitIgnoreSpec.from_lines(lines)


@lru_cache(maxsize=256)
def url_glob(glob: str) -> re.Pattern[str]:
    """A URL glob as a pattern over URL paths without a trailing slash: `*` stays within one
    segment, `**` spans any number of them, `?` is one character."""
    bare = glob.rstrip("/") or "/"
    out: list[str] = []
    index = 0
    while index < len(bare):
        if bare.startswith("/**", index):
            out.append("(?:/.*)?")
            index += 3
        elif bare.startswith("**", index):
            out.append(".*")
            index += 2
        elif bare[index] == "*":
            out.append("[^/]*")
            index += 1
        elif bare[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(bare[index]))
            index += 1
    return re.compile("".join(out))
