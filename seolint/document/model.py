"""The format-neutral Document that every front-end produces and every rule reads.

Pure data: no parsing happens here. Positions are 1-based and point into the original
source, so a finding can always be shown next to the line the writer typed.
"""

from __future__ import annotations

import bisect
import itertools
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from seolint.discover.records import NamedTuple
from seolint.discover.source import Format

if TYPE_CHECKING:
    from seolint.document.views import Views

# The small records a Document is made of are NamedTuples: immutable, hashable and ordered
# field by field like a frozen dataclass with order=True, but built in C, where a dataclass
# costs methods compiled at import and a slower __init__ (BENCHMARKS.md, "Figures behind the
# code"); Spans alone are made hundreds of thousands of times in a corpus run.
Stretch = tuple[int, int]  # source offsets [start, end)
LineMarkup = Callable[[str], "tuple[int, int]"]  # a line -> where its text starts and stops
# "given": alt text to read; "missing": none where one is needed (no alt attribute, or
# Markdown's `![](x.png)`, which cannot mark an image decorative); "empty": HTML `alt=""`
# on an image not marked decorative; "decorative": hidden from assistive technology.
AltState = Literal["given", "missing", "empty", "decorative"]


class Span(NamedTuple):
    """A region of the source: 1-based lines and columns, end inclusive of its line."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column)


class Field(NamedTuple):
    """A piece of metadata (title, description) and where it was written."""

    text: str
    span: Span
    origin: str  # "front-matter", "title-tag", "meta-tag", "file-name", "generator" (it makes one)


class LevelMark(NamedTuple):
    """Where the source spells a heading's level (source offsets [start, end)), and how:
    `unit` repeated once per level (Markdown's `##`), or the level's digit (`<h2>`, `H2:`)."""

    start: int
    end: int
    unit: str = ""

    def spelled(self, level: int) -> str:
        """What this mark reads at `level`."""
        return self.unit * level if self.unit else str(level)


class Heading(NamedTuple):
    level: int
    text: str
    span: Span
    source: Literal["markup", "marker"] = "markup"
    anchor: str | None = None  # an explicit id: `{#id}` in Markdown, `id=` in HTML
    # Every place the source spells the level (a `#` run; both tags of `<h2>...</h2>`; the
    # digit of `H2:`), so a fix can change it; empty when it cannot be retyped (setext).
    level_marks: tuple[LevelMark, ...] = ()
    quoted: bool = False  # inside a blockquote: someone else's words (a quoted comment or reply)
    outline_mark: str = ""  # an outline marker a tool kept in the heading's attributes ("Section 2: Setup")


class Block(NamedTuple):
    """A run of prose: a paragraph, list item, quote or table cell."""

    kind: Literal["paragraph", "list-item", "quote", "table-cell"]
    text: str
    span: Span
    collapsed: bool = False  # inside a closed <details>: shown only to a reader who opens it
    bold: bool = False  # a paragraph all in strong emphasis: readers see a run-in heading (a question)


class Link(NamedTuple):
    text: str
    href: str | None
    span: Span
    classes: tuple[str, ...] = ()
    role: str | None = None
    # How the target is written: a plain URL, or a generator's link syntax (Hugo `ref`,
    # Liquid `post_url`, ...), which only the site's adapter can resolve.
    syntax: str = "url"
    generated: bool = False  # the site's template code computes the target when it builds


class Image(NamedTuple):
    src: str | None
    alt: str | None  # None: no alt attribute at all
    span: Span
    alt_state: AltState


def merged(stretches: Iterable[Stretch]) -> tuple[Stretch, ...]:
    """`stretches` sorted, those that overlap or touch joined into one, empty ones dropped:
    a single spelling for a set of source offsets, whichever parser found them."""
    joined: list[list[int]] = []
    for start, end in sorted(stretches):
        if end <= start:
            continue
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return tuple((start, end) for start, end in joined)


def alt_state(alt: str | None, decorative: bool) -> AltState:
    """An `alt` attribute's state: marked decorative wins, then absent, then blank."""
    if decorative:
        return "decorative"
    if alt is None:
        return "missing"
    return "given" if alt.strip() else "empty"


class CodeBlock(NamedTuple):
    language: str | None
    span: Span
    fenced: bool
    text: str = ""
    closed: bool = True


class Comment(NamedTuple):
    text: str
    span: Span


class Hints(NamedTuple):
    """How the draft's own syntax spells what a rule asks the writer to add.

    Front-ends fill it, so advice reads in the writer's format without a rule asking
    which format that is.
    """

    heading: str = "make it a real heading: {hashes} {text}"  # str.format: level, hashes, text
    description: str = "front-matter `{key}`"  # {key}: the first configured description key
    # How a one-line real heading is typed (str.format: level, hashes, text), for fixes;
    # None when the format has no such spelling a rule can write with certainty.
    heading_markup: str | None = "{hashes} {text}"
    heading_markup_converts: bool = False  # typing it turns the draft into another format
    # A page's template marks its byline (a <time>, a post-meta class): an unmarked one was pasted.
    marked_bylines: bool = False

    def heading_advice(self, level: int, text: str) -> str:
        """How to make `text` a real heading at `level`, in the draft's own syntax."""
        return self.heading.format(level=level, hashes="#" * level, text=text)

    def heading_line(self, level: int, text: str) -> str | None:
        """A one-line heading at `level` as the draft's format types it, or None."""
        if self.heading_markup is None:
            return None
        return self.heading_markup.format(level=level, hashes="#" * level, text=text)


class Publishing(NamedTuple):
    """What a page says about going live, from its front matter or its HTML head.

    The front-ends read the head (`<meta name="robots">`, `og:image`, `<link
    rel="canonical">`, JSON-LD); front matter, read for every format, wins where both say
    something (seolint.parse.metadata). The publish-gate rules (P) judge these, never markup.
    """

    draft: Field | None = None  # `draft: true`, `published: false` or `status: draft`, as written
    robots: Field | None = None  # "noindex, follow": front-matter `robots`/`noindex`, or <meta name="robots">
    date: Field | None = None  # when the page goes live (ISO 8601 text)
    lastmod: Field | None = None  # when it last changed (ISO 8601 text)
    author: Field | None = None
    image: Field | None = None  # the share image: front-matter `image`/`cover`, or og:image
    canonical: Field | None = None  # front-matter `canonical`, or <link rel="canonical">
    head_title: Field | None = None  # the <title> element itself (`title` may come from front matter)
    structured_data: tuple[Field, ...] = ()  # each JSON-LD block's text, where it is written
    full_page: bool = False  # a whole HTML page (it has <html> or <head>), not a fragment a template wraps


# What a page is for, which decides the rules that can judge it: an article a writer wrote
# ("post", "docs", "reference", "release-notes"), a page the generator mostly writes itself
# from other pages ("list": sections, indexes, archives), or a "landing" page.
PageKind = Literal["post", "docs", "reference", "release-notes", "list", "landing"]
PAGE_KINDS: tuple[PageKind, ...] = typing.get_args(PageKind)
# The pages written as articles, every kind but "list" and "landing": a list page's template
# supplies its title, heading and most of its text, and a home or landing page's title and
# heading are the site's, so the rules that judge a page's own title and H1 skip them.
ARTICLE_KINDS: frozenset[PageKind] = frozenset(PAGE_KINDS) - {"list", "landing"}


# Where a page's meta description comes from, as the site's templates write it: the
# writer's "front-matter" description, the page's own "summary" (its excerpt or first
# paragraph), one "site"-wide text every such page shares, "none" at all, or "unknown"
# (no template to read: rules then judge the draft as it is written).
DescriptionSource = Literal["front-matter", "summary", "site", "none", "unknown"]


class Page(NamedTuple):
    """What the site will publish from the draft, as far as the pipeline knows.

    A Document is what the file says; rules judge the page, so they read both. Outside a
    site every field keeps its default: a published post of unknown language and URL.
    """

    kind: PageKind = "post"
    language: str | None = None  # the primary language subtag ("en", "de", "zh"); None: unknown
    url: str | None = None  # the URL path it publishes to; None: unknown
    aliases: tuple[str, ...] = ()  # older URL paths that redirect to it (Hugo/Zola aliases, redirect_from)
    published: bool = True
    in_site: bool = False  # True: a detected site publishes it (outside one: a lone draft)
    # True: published in a language other than the default of a site configured in several;
    # such a page translates one in the default language and keeps its sentences.
    translation: bool = False
    title_level: int | None = None  # the heading level the template renders the title at; 0: none
    site_domain: str | None = None  # the host of the site's configured URL
    rendered_title: str | None = None  # the <title> the template renders ("Title | Site"); None: unknown
    site_content: bool = False  # under the published content roots of a detected site (not a drafts folder)
    # What the template writes before and after the page's own title (("", " | Site"));
    # None when it shows no title of the page's (a home page shows the site's name) or is unknown.
    title_affixes: tuple[str, str] | None = None
    generated_title: str | None = None  # the title the generator gives a page that sets none
    description_source: DescriptionSource = "unknown"
    description_settable: bool = True  # False: the templates never write a front-matter description
    indexed: bool = True  # False: robots `noindex`, or the 404 page; search results never show it
    main_menu: bool = False  # the site's main menu (its navigation bar) links the page
    dated: bool = False  # it has a publication date (front matter, or the file name a generator reads)
    redirect: bool = False  # its templates send visitors on at once (meta refresh): nothing to read
    template_h1: bool = False  # its templates write an <h1> of their own (a logo heading) on every page
    reasons: tuple[tuple[str, str], ...] = ()  # (field, why it has its value), for people


class DocumentFields(NamedTuple):
    """What a front-end read of one draft: the fields of a Document (which see)."""

    path: str
    format: Format
    source: str
    front_matter: Mapping[str, Any] = {}  # read-only: an empty one is shared
    front_matter_span: Span | None = None
    title: Field | None = None  # front-matter title, or <title>
    seo_title: Field | None = None  # the title search results show: an SEO title key, else `title`
    description: Field | None = None
    keyphrase: Field | None = None
    slug: Field | None = None  # the URL's last part: a front-matter key, else the file name
    publishing: Publishing = Publishing()  # draft flag, dates, robots, share image
    hints: Hints = Hints()
    ids: tuple[str, ...] = ()  # every explicit id a `#fragment` may target, heading anchors included
    headings: tuple[Heading, ...] = ()
    blocks: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = ()
    comments: tuple[Comment, ...] = ()
    templates: tuple[Span, ...] = ()  # template syntax (shortcodes, Liquid tags): neither prose nor text
    copy_fence: tuple[int, ...] = ()  # lines of a fence a chat answer wrapped the whole post in, for copying
    page_text: tuple[Block, ...] = ()  # each line of text a page shows outside its post body (HTML)
    page_meta: tuple[Span, ...] = ()  # blocks the page's template marks as its own byline or dates (HTML)
    stray_markup: tuple[Field, ...] = ()  # another format's syntax the page does not render (`**x**` in HTML)
    lang: str | None = None  # the language the markup declares (<html lang="de">), as written
    tables: tuple[Span, ...] = ()  # Markdown pipe tables and HTML <table>s: rows repeat by design
    # What the front-end read as other than prose text, as sorted, disjoint source offsets
    # [start, end): front matter, code blocks and inline code, HTML comments, link reference
    # definitions and the brackets of the links they name, raw HTML code (<pre>, <code>,
    # <script>, <style>, <textarea>, <head>), template regions.
    not_text: tuple[Stretch, ...] = ()
    # How the format marks up a line's text, from the front-end: where the text of a line
    # (with what is not text blanked) starts and stops once the markup around it is peeled
    # off: quote and list markers, heading hashes, emphasis, wrapping tags, thematic breaks.
    # The views apply it to the lines they read; None: no line has any.
    line_markup: LineMarkup | None = None
    body_lines: tuple[int, int] | None = None  # first and last line of the post's body; None: all
    page: Page = Page()  # what the site publishes; filled before rules run


class Document(DocumentFields):
    """One parsed draft. Rules read it; nothing writes to it after the front-end.

    Its fields are DocumentFields', a NamedTuple's: immutable and made in C, where a frozen
    dataclass of 30 fields compiled its methods at every start (BENCHMARKS.md, "Figures
    behind the code"). This subclass adds what is derived from them on first use, kept in
    the instance's own dictionary: the lines, where they start, and the views.
    """

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """Source lines without their line endings (CRLF, LF and lone CR all end a line)."""
        starts = self._line_starts
        if "\r" not in self.source:  # the usual case, split in C; the text after a final "\n" is no line
            return tuple(self.source.split("\n", len(starts))[: len(starts)])
        ends = [*starts[1:], len(self.source)]
        return tuple(self.source[a:b].rstrip("\r\n") for a, b in zip(starts, ends, strict=True))

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.source)

    @cached_property
    def views(self) -> Views:
        """Prose, sentences, words and text lines, derived on first use and shared by every rule."""
        from seolint.document.views import Views

        return Views(self)

    @property
    def word_count(self) -> int:
        """Words of prose, as seolint.document.views defines prose."""
        return self.views.words

    def span_at(self, start: int, end: int) -> Span:
        """The Span of source offsets [start, end)."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Span(line, column, end_line, end_column + 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def offset(self, line: int, column: int = 1) -> int:
        starts = self._line_starts
        return starts[min(line, len(starts)) - 1] + column - 1

    def locate(self, needles: Iterable[str], within: Span) -> Iterator[Span]:
        """Spans of each needle in turn, searched forward through the source under `within`.

        Rules find things in a block's plain text; this maps them back onto the source.
        A needle the source does not hold verbatim (escapes, entities) gets the block start.
        """
        cursor, end = self._bounds(within)
        for needle in needles:
            found = self.source.find(needle, cursor, end)
            if found < 0:
                yield Span(within.line, within.column, within.line, within.column)
                continue
            cursor = found + len(needle)
            yield self.span_at(found, cursor)

    def _bounds(self, within: Span) -> tuple[int, int]:
        start = self.offset(within.line)
        last = within.end_line < len(self._line_starts)
        return start, self.offset(within.end_line + 1) if last else len(self.source)

    def find(self, pattern: re.Pattern[str], within: Span) -> Iterator[Span]:
        """Spans of `pattern` matches in the source lines covered by `within`."""
        start, end = self._bounds(within)
        for match in pattern.finditer(self.source, start, end):
            yield self.span_at(match.start(), match.end())


_FROM_SOURCE = ("lines", "_line_starts")  # cached properties that depend on the source alone


def revised(doc: Document, **changes: Any) -> Document:
    """`doc` with `changes`, keeping the line tables it built if the source stays the same:
    a front-end's Document is revised (metadata, template regions) before rules read it.
    Given only its `page`, it keeps its views too (language detection read them already)."""
    new = doc._replace(**changes)
    kept = () if "source" in changes else _FROM_SOURCE + (("views",) if changes.keys() == {"page"} else ())
    new.__dict__.update((name, doc.__dict__[name]) for name in kept if name in doc.__dict__)
    if "views" in new.__dict__:
        new.views.doc = new  # what a view derives for the rules reads the page they judge
    return new


def with_line_starts(doc: Document, starts: list[int]) -> Document:
    """`doc`, given the line starts its front-end already found in its source (they must be
    `line_starts(doc.source)`), so that they are not looked for a second time."""
    doc.__dict__["_line_starts"] = starts
    return doc


def line_starts(source: str) -> list[int]:
    """Offsets where each line begins, treating CRLF, LF and lone CR as line ends."""
    if "\r" in source:
        starts = [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", source))]
    else:  # the usual case, in C: each line's length plus its newline, summed
        starts = list(itertools.accumulate(map((1).__add__, map(len, source.split("\n"))), initial=0))
        starts.pop()  # the offset after the last line
    if len(starts) > 1 and starts[-1] == len(source):
        starts.pop()
    return starts
