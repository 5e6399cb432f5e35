"""Front-ends: turn a draft's text into a Document, one module per format.

May import: discover, document, findings, site.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from seolint.discover.source import Format
from seolint.document.model import Document

if TYPE_CHECKING:
    from seolint.parse.metadata import FrontMatterKeys
    from seolint.site import Region


class ParseError(ValueError):
    """The draft cannot be turned into a Document (the message says where and why)."""


def parse(
    text: str,
    path: str,
    fmt: Format,
    content_selector: str | None = None,
    front_matter_keys: FrontMatterKeys | None = None,
    templates: Sequence[Region] = (),
    front_matter_after_blank_lines: bool = False,
) -> Document:
    """Parse `text` with the front-end for `fmt` (importing only that one), reading the
    site's template syntax (`templates`, from seolint.site) as what it means, then resolve
    the page metadata with the configured front-matter keys. The site's generator says
    whether front matter may follow blank lines."""
    from seolint.parse import metadata  # after the front-end: it imports this package

    if templates:
        from seolint.parse.templates import parse_with_templates

        doc = parse_with_templates(
            text,
            templates,
            lambda masked: _front_end(masked, path, fmt, content_selector, front_matter_after_blank_lines),
        )
    else:
        doc = _front_end(text, path, fmt, content_selector, front_matter_after_blank_lines)
    return metadata.resolve(doc, front_matter_keys or metadata.FrontMatterKeys())


def _front_end(
    text: str, path: str, fmt: Format, content_selector: str | None, front_matter_after_blank_lines: bool
) -> Document:
    if fmt == "markdown":
        from seolint.parse.markdown import front_end as markdown

        return markdown.parse(text, path, front_matter_after_blank_lines=front_matter_after_blank_lines)
    if fmt == "html":
        from seolint.parse.html import front_end as html

        return html.parse(text, path, content_selector, front_matter_after_blank_lines)
    from seolint.parse import text as plain

    return plain.parse(text, path, front_matter_after_blank_lines)


def preload(formats: set[Format]) -> None:
    """Import the front-ends for `formats` now, so forked workers inherit them instead of each importing."""
    if "markdown" in formats:
        from seolint.parse.markdown import front_end as markdown

        markdown.preload()
    if "html" in formats:
        # Nothing more to load: the HTML tokenizer and tree are seolint's own, not a library's.
        from seolint.parse.html import front_end as html  # noqa: F401
