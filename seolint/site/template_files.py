"""A site's template folders, read once each and within bounds, for the head renderer.

Folders are searched in order (the site's own, then its themes'), name by name: the
first candidate name that any folder holds wins, as in Hugo's and Zola's lookups, where
a site's file overrides its theme's of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from seolint.discover.reading import ReadError, read_regular_file
from seolint.site.head_render import Template
from seolint.site.template_tree import Dialect, read_template

MAX_TEMPLATE_SIZE = 512 * 1024  # a page template is a few kilobytes; a huge one is not read
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class TemplateFiles:
    """Templates under `folders`, named relative to `root` in messages."""

    def __init__(self, root: Path, folders: Sequence[Path], dialect: Dialect) -> None:
        self.root = root
        self.folders = tuple(folders)
        self.dialect = dialect
        self._read: dict[Path, Template | None] = {}
        self._found: dict[tuple[str, ...], Template | None] = {}

    def find(self, *names: str) -> Template | None:
        """The first of `names` that a folder holds (site folders before theme folders)."""
        if names not in self._found:
            self._found[names] = next(
                (
                    t
                    for name in names
                    for folder in self.folders
                    if (t := self.read(folder / name)) is not None
                ),
                None,
            )
        return self._found[names]

    def read(self, path: Path) -> Template | None:
        if path not in self._read:
            self._read[path] = self._load(path)
        return self._read[path]

    def _load(self, path: Path) -> Template | None:
        if not path.is_file():
            return None
        try:
            text = read_regular_file(str(path), MAX_TEMPLATE_SIZE, "template size").decode("utf-8", "replace")
        except (OSError, ReadError):
            return None
        text = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        try:
            shown = path.relative_to(self.root).as_posix()
        except ValueError:
            shown = str(path)
        return Template(shown, read_template(text, self.dialect))
