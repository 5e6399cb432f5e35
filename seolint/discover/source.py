"""A draft ready to lint (its text, the path it is known by, its format), which files are
drafts of which format, and the record of a file that could not be linted.

The logical path travels with the text, so a draft read from standard input with
`--stdin-filename notes/x.md` is linted exactly as `notes/x.md` would be (per-file
ignores, the slug rule, the report), with nothing renamed after the fact.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from seolint.discover.records import NamedTuple

Format = Literal["markdown", "html", "text"]
FORMATS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",  # its import/export lines and JSX are read as MDX (seolint.site.mdx)
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


class Source(NamedTuple):
    text: str
    path: str  # what findings, per-file-ignores, slugs and reports call the draft
    format: Format


class FileError(NamedTuple):
    """A file that could not be linted (unreadable, undecodable, bad front matter...)."""

    path: str
    message: str
    detail: str = ""  # a traceback for internal errors, shown with --debug


def format_for(path: str, extension_map: Mapping[str, Format] | None = None) -> Format | None:
    """The format a file name implies; the config's `extension-map` adds or overrides extensions."""
    name = os.path.basename(path.rstrip("/" + os.sep))  # PurePath(path).suffix, without a path made
    dot = name.rfind(".")
    suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
    if extension_map and suffix in extension_map:
        return extension_map[suffix]
    return FORMATS.get(suffix)


def sniff(text: str) -> Format:
    """The format of a nameless draft (stdin): HTML if it starts like a page, else Markdown."""
    start = text.lstrip("\ufeff \t\r\n")[:9].lower()
    return "html" if start.startswith(("<!doctype", "<html")) else "markdown"
