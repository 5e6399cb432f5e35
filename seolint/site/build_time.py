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
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
        folder = os.path.dirname(text)
        decided: tuple[bool, str] | None = None
        for directory, spec in self._specs:
            if folder == directory or folder.startswith(os.path.join(directory, "")):
                relative = text[len(directory) + 1 :].replace(os.sep, "/")
                include = spec.check_file(relative).include
                if include is not None:
                    decided = (include, directory)
        if decided is None or not decided[0]:
            return None
        where = os.path.relpath(os.path.join(decided[1], ".gitignore"), self.site_root).replace(os.sep, "/")
        return f"ignored by {where} (made at build time)"

    def gitignore_files(self) -> list[str]:
        """The `.gitignore` files read, relative to the site root (for --show-site)."""
        return [os.path.relpath(os.path.join(d, ".gitignore"), self.site_root) for d, _ in self._specs]

    @cached_property
    def _specs(self) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """(folder, its .gitignore rules) from the repository's top down to the roots' depths."""
        folders = list(_ancestors_to_repository(self.site_root))
        for root in self.roots:
            for current, dirs, names in os.walk(root):
                dirs[:] = [d for d in dirs if d not in ("node_modules", ".git")]
                if ".gitignore" in names:
                    folders.append(current)
        found: list[tuple[str, Any]] = []
        for folder in sorted(dict.fromkeys(folders), key=lambda f: f.count(os.sep)):
            text = read_site_text(Path(folder, ".gitignore"))
            if text is None:
                continue
            found.append((folder, _spec(tuple(text.splitlines()))))
        return found


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
