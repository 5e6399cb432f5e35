"""What the site model needs to know about one page, as records cached with the file's result.

seolint.sitewide.facts takes them from a Document; the cache stores them; the site model
reads them. Link targets are kept as written: what they resolve to depends on the other
files of the site, which is the site model's question, asked fresh on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from seolint.discover.records import NamedTuple
from seolint.document.model import Comment, PageKind, Span

# "cover": the page's share image (front-matter `image`, og:image); "canonical": its canonical URL.
ReferenceKind = Literal["link", "image", "cover", "canonical"]


class Fact(NamedTuple):
    """A piece of page metadata (title, description, keyphrase) and where it is written."""

    text: str
    span: Span


class Reference(NamedTuple):
    """An outgoing internal link or a local image, as written in the page."""

    kind: ReferenceKind
    target: str
    syntax: str  # Link.syntax: "url", or the generator's link syntax ("ref", "post_url", ...)
    span: Span


class FileFacts(NamedTuple):
    urls: tuple[str, ...]  # primary URL first, then aliases; empty when not published
    kind: PageKind
    title: Fact | None  # the SEO title (what search results show)
    description: Fact | None
    keyphrase: Fact | None
    ids: tuple[str, ...]  # every id a `#fragment` may target: explicit and automatic
    references: tuple[Reference, ...]
    line_count: int
    first_line: str  # context of whole-page findings (line 1, or the first text line)
    directives: tuple[Comment, ...] = ()  # its seolint- comments: site findings obey them
    ignore: tuple[str, ...] | None = None  # front matter `seolint: {ignore: [...]}`, when valid
    dated: bool = False  # the page has a publication date (front matter, or the file's name)
    authored: bool = False  # the page names its author
    section: str | None = None  # the pages it is compared with (Site.section_of); None: none
    language: str | None = None  # the site language it is published in ("pt-br"), as configured
    translation: str | None = None  # what its translations share (seolint.site.Site.translation_key)
    withheld: str | None = None  # why the generator never builds it ("draft: true"), or None
    publish_date: str | None = None  # ISO date before which it is not built (future posts)
    expiry_date: str | None = None  # ISO date from which it is not built
    listed: str | None = None  # why the site's navigation links to it (a menu, a section list)
    # The source line of each fact and reference by line number, each line once: the context
    # of their findings in reports and baseline keys. Empty in the site facts index, which
    # the site model reads for every page of a site and which has no reports to make.
    contexts: Mapping[int, str] = {}  # never mutated; a plain dict pickles to workers

    def context(self, line: int) -> str:
        """The source line of a finding on `line`, or of a whole-page finding."""
        return self.contexts.get(line, self.first_line)

    @property
    def links(self) -> tuple[Reference, ...]:
        return tuple(r for r in self.references if r.kind == "link")

    @property
    def images(self) -> tuple[Reference, ...]:
        return tuple(r for r in self.references if r.kind == "image")
