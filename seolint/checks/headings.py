"""Heading rules (H): one H1, no skipped levels, no empty or leaked outline headings."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from seolint.document.model import ARTICLE_KINDS, Block, Document, Heading, Span
from seolint.findings.records import Applicability, Edit, Fix, Problem, Severity
from seolint.registry.edits import content_end
from seolint.registry.excerpt import shorten
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, rule

# "H2: Title", "H2 - Title", "Heading 2: Title", "[H2] Title" at the start of a heading or
# paragraph (`**H2:** Title` reads "H2: Title"): an outline marker that leaked out. A dash
# needs a space after it, so "H2-database" stays a word.
LEAKED_MARKER = re.compile(
    r"^\s*(?:H([1-6])\s*(?::|[-–—](?=\s))|Heading ?([1-6])\s*(?::|[-–—](?=\s))|\[H([1-6])\]:?)"
    r"\s*(?P<text>\S.*)?$",
    re.IGNORECASE,
)
# A whole source line that is a marker paragraph, optionally in bold: "**H2: Lessons**".
_MARKER_LINE = re.compile(
    r"(?P<open>\*\*|__)?H(?P<level>[1-6])[ \t]*:[ \t]*(?P<text>.*?)[ \t]*", re.IGNORECASE
)
_ATX = re.compile(r"#{1,6}(?=[ \t]|$)")
_HTML_OPEN = re.compile(r"<h([1-6])\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</h([1-6])\s*>", re.IGNORECASE)
_MARKER_LEVEL = re.compile(r"H([1-6])", re.IGNORECASE)


class TitleOptions(Options):
    title_is_h1: bool = True  # a front-matter `title` is rendered as the page's H1


def _front_matter_title(doc: Document, opts: TitleOptions) -> bool:
    """Whether the template renders a title the page has (written, or one the generator
    makes from the file name) as its H1."""
    return opts.title_is_h1 and doc.title is not None and doc.title.origin in ("front-matter", "generator")


def _h1s(doc: Document) -> list[Heading]:
    return [h for h in doc.headings if h.level == 1]


@rule("H001", "missing-h1", Severity.ERROR, TitleOptions, kinds=ARTICLE_KINDS)
def missing_h1(doc: Document, opts: TitleOptions) -> Iterator[Problem]:
    """The post has no H1.

    Why: the H1 tells readers and search engines what the page is about; without one
    the outline has no root and the title shown in results is guessed.
    Example: a draft that starts at `## Introduction` -> add `# Your post title`
    (or a front-matter `title`, which counts while `title-is-h1` is true).
    """
    if not _h1s(doc) and not _front_matter_title(doc, opts):
        yield Problem(Span.point(1), "no H1: add a title heading (or a front-matter `title`)", about="post")


@rule("H002", "multiple-h1", Severity.ERROR, TitleOptions)
def multiple_h1(doc: Document, opts: TitleOptions) -> Iterator[Problem]:
    """The post has more than one H1.

    Why: one page, one topic; several H1s blur what the page is about and break the
    outline. A front-matter `title` already renders as the H1 (option `title-is-h1`).
    Example: `title: Rust 2024` in front matter plus `# Rust 2024` in the body -> make
    the body heading an H2 or drop it.
    """
    h1s = _h1s(doc)
    if _front_matter_title(doc, opts):
        for heading in h1s:
            yield Problem(
                heading.span, f"second H1 {heading.text!r}: the front-matter title is already the H1"
            )
        return
    for heading in h1s[1:]:
        yield Problem(
            heading.span,
            f"second H1 {heading.text!r}: the first is {h1s[0].text!r} (line {h1s[0].span.line})",
        )


@rule("H003", "heading-skip", Severity.ERROR, TitleOptions)
def heading_skip(doc: Document, opts: TitleOptions) -> Iterator[Problem]:
    """A heading goes down more than one level.

    Why: readers and crawlers use the outline; a jump from H2 to H4 hides structure and
    usually means a section heading is missing.
    Example: `## Setup` followed by `#### Install` -> use `### Install`. Under a
    front-matter title (the H1), the first body heading must be an H2.
    Fix (unsafe): the heading moves up to the expected level, and so do the headings of
    its section (those after it at its level or deeper, up to one above its level), so
    their relation to it stays; unsafe because the writer may instead have left out
    the section heading in between. No fix when a heading in the section has no
    single-line spelling to change (a setext underline).
    """
    previous = 1 if _front_matter_title(doc, opts) else None
    headings = doc.headings
    for index, heading in enumerate(headings):
        if previous is not None and heading.level > previous + 1:
            yield Problem(
                heading.span,
                f"H{previous} is followed by H{heading.level}; use H{previous + 1} for {heading.text!r}",
                _shift_section(doc, headings, index, heading.level - previous - 1),
            )
        previous = heading.level


def _shift_section(doc: Document, headings: tuple[Heading, ...], index: int, shift: int) -> Fix | None:
    """Move headings[index] and the rest of its section `shift` levels up, or None."""
    level = headings[index].level
    end = index + 1
    while end < len(headings) and headings[end].level >= level:  # by index: no copy of the rest
        end += 1
    section = headings[index:end]
    edits: list[Edit] = []
    for heading in section:
        found = _level_edits(doc, heading, heading.level - shift)
        if found is None:
            return None
        edits += found
    title = f"Make {headings[index].text!r} an H{level - shift}" + (
        f" and move {len(section) - 1} heading(s) under it up too" if len(section) > 1 else ""
    )
    return Fix(tuple(edits), "unsafe", title)


def _level_edits(doc: Document, heading: Heading, level: int) -> list[Edit] | None:
    """Edits that retype `heading` at `level`: its `#` run, its <hN> tags or its marker."""
    start = doc.offset(heading.span.line, heading.span.column)
    if heading.source == "marker":
        found = _MARKER_LEVEL.search(doc.source, start, content_end(doc, heading.span.line))
        if found is None or int(found.group(1)) != heading.level:
            return None
        return [Edit(found.start(1), found.end(1), str(level))]
    if (atx := _ATX.match(doc.source, start)) is not None and len(atx.group()) == heading.level:
        return [Edit(atx.start(), atx.end(), "#" * level)]
    end = content_end(doc, heading.span.end_line)  # the span may stop before the closing tag
    opening, closing = _HTML_OPEN.match(doc.source, start), _HTML_CLOSE.search(doc.source, start, end)
    if opening is None or closing is None or {opening.group(1), closing.group(1)} != {str(heading.level)}:
        return None
    return [
        Edit(opening.start(1), opening.end(1), str(level)),
        Edit(closing.start(1), closing.end(1), str(level)),
    ]


@rule("H004", "empty-heading", Severity.ERROR)
def empty_heading(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A heading has no text.

    Why: an empty heading is an outline entry with no name: screen readers announce
    it, search engines ignore it, and it is usually a heading someone forgot to write.
    Example: `## ` or `<h2></h2>` -> write the heading or remove it.
    """
    for heading in doc.headings:
        if not re.search(r"\w", heading.text):
            yield Problem(heading.span, f"H{heading.level} heading has no text")


@rule("H006", "pseudo-heading", Severity.ERROR)
def pseudo_heading(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """An outline marker such as `H2: Lessons` was left in the text.

    Why: outline drafts (often from AI tools) mark headings as `H2: ...`; published
    as-is, readers see the marker and the page has no real heading there.
    Example: `H2: What went wrong?` -> `## What went wrong?` (or `<h2>` in HTML).
    Fix: the marker line becomes a real heading at the marker's level. Safe in
    Markdown; in a plain-text draft only with `--unsafe-fixes`, since the `##` turns
    the draft into Markdown (rename it to `.md` afterwards). A marker inside a real
    heading's text (`## H2: Lessons`) is removed (safe). HTML paragraphs get no fix.
    """
    for heading in doc.headings:
        if heading.source == "marker":
            hint = _hint(doc, heading.level, heading.text)
            yield Problem(
                heading.span,
                f"outline marker 'H{heading.level}:' left in the text; {hint}",
                _marker_fix(doc, heading.span, heading.level, heading.text),
            )
        elif marker := LEAKED_MARKER.match(heading.text):
            level = _level(marker)
            yield Problem(
                heading.span,
                f"heading text starts with the outline marker 'H{level}:'; remove it",
                _drop_marker(doc, heading, level),
            )
    for block in doc.blocks:
        first_line = block.text.split("\n", 1)[0]
        if block.kind == "paragraph" and (marker := LEAKED_MARKER.match(first_line)):
            level = _level(marker)
            hint = _hint(doc, level, marker.group("text") or "")
            yield Problem(
                block.span,
                f"paragraph starts with outline marker 'H{level}:'; {hint}",
                _paragraph_fix(doc, block),
            )


def _level(marker: re.Match[str]) -> int:
    return int(next(group for group in marker.groups()[:3] if group))


def _hint(doc: Document, level: int, text: str) -> str:
    short = shorten(text, 40)
    return doc.hints.heading.format(level=level, hashes="#" * level, text=short)


def _marker_fix(doc: Document, span: Span, level: int, text: str) -> Fix | None:
    """Replace the marker line's text with the format's own heading, if it has one."""
    markup = doc.hints.heading_markup
    if markup is None or not re.search(r"\w", text) or span.line != span.end_line:
        return None
    heading = markup.format(level=level, hashes="#" * level, text=text)
    start = doc.offset(span.line, span.column)
    applicability: Applicability = "unsafe" if doc.hints.heading_markup_converts else "safe"
    end = doc.offset(span.line, span.end_column)  # a comment after the marker stays
    return Fix(
        (Edit(start, end, heading),),
        applicability,
        f"Make it a real heading: {heading}",
    )


def _paragraph_fix(doc: Document, block: Block) -> Fix | None:
    """A paragraph whose first source line is only the marker and its text (maybe in bold)."""
    line = doc.lines[block.span.line - 1]
    found = _MARKER_LINE.fullmatch(line)
    if found is None:
        return None
    text, opening = found.group("text"), found.group("open")
    if opening and text.endswith(opening):
        text = text[: -len(opening)].rstrip()
    elif opening and text.startswith(opening):
        text = text[len(opening) :].lstrip()
    elif opening:
        return None
    span = Span(block.span.line, 1, block.span.line, len(line) + 1)
    return _marker_fix(doc, span, int(found.group("level")), text)


def _drop_marker(doc: Document, heading: Heading, level: int) -> Fix | None:
    """Delete the leaked `H2:` (and the spaces after it) from a real heading's line."""
    start = doc.offset(heading.span.line, heading.span.column)
    pattern = re.compile(rf"(?<![\w#])H{level}[ \t]*:[ \t]*", re.IGNORECASE)
    found = pattern.search(doc.source, start, content_end(doc, heading.span.line))
    if found is None:
        return None
    return Fix(
        (Edit(found.start(), found.end(), ""),), "safe", f"Remove the marker {found.group().strip()!r}"
    )


class DuplicateOptions(Options):
    siblings_only: bool = True  # a repeat under another parent is parallel structure (README)


def _heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@rule("H005", "duplicate-heading", Severity.WARNING, DuplicateOptions)
def duplicate_heading(doc: Document, opts: DuplicateOptions) -> Iterator[Problem]:
    """Two headings have the same text.

    Why: identical headings make the outline ambiguous, produce clashing anchors, and
    usually mean a section was pasted twice or never renamed.
    Example: two `## Results` sections -> `## Results on x86` and `## Results on ARM`.
    Repeats under different parents (`### Setup` in each part) are parallel structure
    and pass; `siblings-only = false` reports them too.
    """
    seen: dict[tuple[object, str], Heading] = {}
    parents: list[Heading] = []
    for heading in doc.headings:
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        key = _heading_key(heading.text)
        scope = id(parents[-1]) if opts.siblings_only and parents else None
        if key and (scope, key) in seen:
            first = seen[(scope, key)]
            yield Problem(heading.span, f"same heading as line {first.span.line}: {heading.text!r}")
        seen.setdefault((scope, key), heading)
        parents.append(heading)


class SectionOptions(Options):
    max_words: int = option(600, minimum=1)  # README, "Defaults and why"


@rule(
    "H007",
    "long-section",
    Severity.WARNING,
    SectionOptions,
    kinds=("post", "docs", "landing"),
    counts_words=True,
)
def long_section(doc: Document, opts: SectionOptions) -> Iterator[Problem]:
    """A section runs too long without a subheading (or the post has no H2 at all).

    Why: readers scan; subheadings every few hundred words let them find their place,
    and give search engines the structure of the post. Words are words of prose, as
    M006 counts them: tables, code, URLs and template directives do not count. A post
    with no section headings at all is judged at twice `max-words`: a short letter or
    announcement reads fine without them.
    Example: a 700-word `## Setup` -> split it into `### Install` and `### Configure`.
    """
    views = doc.views
    if not _sections(doc.headings) and views.words > 2 * opts.max_words:
        yield Problem(
            Span.point(1), f"{views.words} words and no H2; break the post into sections", about="post"
        )
        return  # the one finding covers every section of a post without H2s
    starts = [(h.span.line, h) for h in doc.headings]
    index, total = 0, 0
    current: Heading | None = None
    for prose in views.blocks:
        while index < len(starts) and starts[index][0] <= prose.block.span.line:
            yield from _too_long(current, total, opts)
            current, total = starts[index][1], 0
            index += 1
        total += prose.words
    yield from _too_long(current, total, opts)


def _sections(headings: tuple[Heading, ...]) -> tuple[Heading, ...]:
    """The headings that open sections of the post: every one but a leading H1 (the title;
    a template that renders the title below <h1> makes the body's `#` the sections)."""
    return headings[1:] if headings and headings[0].level == 1 else headings


def _too_long(heading: Heading | None, words: int, opts: SectionOptions) -> Iterator[Problem]:
    if heading is not None and words > opts.max_words:
        yield Problem(
            heading.span, f"{words} words under {heading.text!r} without a subheading (max {opts.max_words})"
        )


# What may stand between the two headings of an empty section: wrapper tags and rules
# (comments are cut out first). Each alternative starts with its own character, so no
# stretch of text can be matched in two ways.
_NOT_CONTENT = re.compile(
    r"(?:\s|</?(?:div|section|article|header|footer|main|span|p|br|hr|a)\b[^<>]*>"
    r"|(?m:^[ \t]*(?:[-*_][ \t]*){3,}$))*",
    re.IGNORECASE,
)


@rule("H008", "empty-section", Severity.WARNING)
def empty_section(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A heading is followed straight by a heading of the same or a higher level.

    Why: a section with nothing in it is a promise the page does not keep: readers who
    jump to it from the outline or a search result find nothing. It is usually a part of
    the draft that was never written, or an outline line that was never filled in.
    Example: `## Write-behind` directly followed by `## Summary` -> write the section or
    drop its heading. A heading followed by its own sub-heading (`## Caching` then
    `### Write-behind`) is fine: the sub-heading's section is the content.
    """
    items = sorted(
        (span.line, span.column)
        for span in (
            *(b.span for b in doc.blocks),
            *(c.span for c in doc.code_blocks),
            *(i.span for i in doc.images),
            *doc.templates,
        )
    )
    comments = sorted(
        (doc.offset(c.span.line, c.span.column), doc.offset(c.span.end_line, c.span.end_column))
        for c in doc.comments
    )
    for heading, following in zip(doc.headings, doc.headings[1:], strict=False):
        if following.level > heading.level:
            continue
        begin, end = (heading.span.line, heading.span.column), (following.span.line, following.span.column)
        index = bisect.bisect_right(items, begin)
        if index < len(items) and items[index] < end:
            continue  # a paragraph, list, table, code block, image or template directive
        if _NOT_CONTENT.fullmatch(_lines_between(doc, heading, following, comments)):
            yield Problem(
                heading.span,
                f"section {heading.text!r} is empty: H{following.level} {following.text!r} follows at once",
            )


def _lines_between(
    doc: Document, heading: Heading, following: Heading, comments: list[tuple[int, int]]
) -> str:
    """The source lines strictly between two headings, without the comments (sorted offsets) in them."""
    start, stop = doc.offset(heading.span.end_line + 1), doc.offset(following.span.line)
    pieces, cursor = [], start
    for first, last in comments[bisect.bisect_left(comments, (start, start)) :]:
        if last > stop:
            break
        pieces.append(doc.source[cursor:first])
        cursor = last
    return "".join([*pieces, doc.source[cursor:stop]])
