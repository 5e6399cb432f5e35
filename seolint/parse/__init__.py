"""Front-ends: turn a draft's text into a Document, one module per format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from seolint.config import FrontMatterKeys
from seolint.document import Document, Format

if TYPE_CHECKING:
    from seolint.site import Region

DEFAULT_KEYS = FrontMatterKeys()
FORMATS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",  # its import/export lines and JSX are read as MDX (seolint.site.mdx)
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


class ParseError(ValueError):
    """The draft cannot be turned into a Document (the message says where and why)."""


def format_for(path: str, extension_map: Mapping[str, Format] | None = None) -> Format | None:
    """The format a file name implies; the config's `extension-map` adds or overrides extensions."""
    suffix = PurePath(path).suffix.lower()
    if extension_map and suffix in extension_map:
        return extension_map[suffix]
    return FORMATS.get(suffix)


def sniff(text: str) -> Format:
    """The format of a nameless draft (stdin): HTML if it starts like a page, else Markdown."""
    start = text.lstrip("\ufeff \t\r\n")[:9].lower()
    return "html" if start.startswith(("<!doctype", "<html")) else "markdown"


def parse(
    text: str,
    path: str,
    fmt: Format,
    content_selector: str | None = None,
    front_matter_keys: FrontMatterKeys = DEFAULT_KEYS,
    templates: Sequence[Region] = (),
) -> Document:
    """Parse `text` with the front-end for `fmt` (importing only that one), reading the
    site's template syntax (`templates`, from seolint.site) as what it means, then resolve
    the page metadata with the configured front-matter keys."""
    from seolint.parse import metadata  # after the front-end: it imports this package

    if templates:
        from seolint.parse.templates import parse_with_templates

        doc = parse_with_templates(
            text, templates, lambda masked: _front_end(masked, path, fmt, content_selector)
        )
    else:
        doc = _front_end(text, path, fmt, content_selector)
    return metadata.resolve(doc, front_matter_keys)


def _front_end(text: str, path: str, fmt: Format, content_selector: str | None) -> Document:
    if fmt == "markdown":
        from seolint.parse import markdown

        return markdown.parse(text, path)
    if fmt == "html":
        from seolint.parse import html

        return html.parse(text, path, content_selector)
    from seolint.parse import text as plain

    return plain.parse(text, path)


def preload(formats: set[Format]) -> None:
    """Import the front-ends for `formats` now, so forked workers inherit them instead of each importing."""
    if "markdown" in formats:
        from seolint.parse import markdown

        markdown.preload()
    if "html" in formats:
        from seolint.parse import html  # noqa: F401  (its tree builder is the stdlib tokenizer)
