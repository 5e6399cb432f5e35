"""Heading rules (H): one H1, no skipped levels, no empty or leaked outline headings."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from seolint.checks.outline_markers import marked_lines
from seolint.discover.records import NamedTuple
from seolint.document.level_markers import Marker, leading_marker
from seolint.document.model import ARTICLE_KINDS, Block, Document, Heading, Span, Stretch
from seolint.findings.records import Applicability, Edit, Fix, Problem, Severity
from seolint.registry.excerpt import shorten
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, rule

if TYPE_CHECKING:
    from seolint.document.views import ProseBlock

_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")  # a word of a speaker's name: `Jan`, `O'Neil`, `J.D.`


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
    (or a front-matter `title`, which counts while `title-is-h1` is true). A page whose
    templates redirect at once (a meta refresh) has no reader, and one whose templates write
    an <h1> of their own (a logo heading) has its H1: neither is judged.
    """
    if doc.page.redirect or doc.page.template_h1:
        return
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
        found = _level_edits(heading, heading.level - shift)
        if found is None:
            return None
        edits += found
    title = f"Make {headings[index].text!r} an H{level - shift}" + (
        f" and move {len(section) - 1} heading(s) under it up too" if len(section) > 1 else ""
    )
    return Fix(tuple(edits), "unsafe", title)


def _level_edits(heading: Heading, level: int) -> list[Edit] | None:
    """Edits that retype `heading` at `level` wherever the front-end found its level spelled
    (its `#` run, both <hN> tags, the digit of its marker); None if it found none."""
    return [Edit(m.start, m.end, m.spelled(level)) for m in heading.level_marks] or None


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

    Why: outline drafts (often from AI tools) mark headings with their level; published
    as-is, readers see the marker and the page has no real heading there.
    Found by form: a token naming a level (`H2`, `h3`, `Heading 2`, `Heading level 2`,
    `Level 2 heading`) and a separator or brackets before the heading's words (`H2: ...`,
    `H2 - ...`, `H2 | ...`, `H2. ...`, `H2 📌 ...`, `[H2] ...`, `(H2)`, `{H2}`, `<H2>`,
    `Section 1 (H2): ...`), maybe after an emoji, or brackets after them (`Conclusion (H2)`),
    or the level named in another language's words and a colon (`Titre H2 :`, `Überschrift 2:`);
    in a Markdown or HTML heading, a bold line or a line of text. Weaker forms count where
    the draft's other lines carry markers too: a bare token (`H2 why bother`, not `H2
    database internals`), a numbered section (`Section 3: ...`, `[Section 3]`), a token after
    a dash (`Why it matters — H3`). A token that is a word of a name (`H2O`, `H1B`, `h2c`,
    `HTTP/2`) is none, nor `Step 2:` or `Part 2:`, and in a post whose prose names heading
    levels ("one H1 per page") or refers to its "Section 2" the headings naming them are the
    post's own, unless every heading carries a marker.
    Example: `H2: What went wrong?` -> `## What went wrong?` (or `<h2>` in HTML).
    Fix: the marker line becomes a real heading at the marker's level. Safe in
    Markdown; in a plain-text draft only with `--unsafe-fixes`, since the `##` turns
    the draft into Markdown (rename it to `.md` afterwards). A marker inside a real
    heading's text (`## H2: Lessons`, `<h2>Section 1 (H2): Lessons</h2>`) is removed
    (safe). HTML paragraphs get no fix, nor a marker a writing tool kept in a heading's
    attributes (`<h2 data-outline="Section 2: Setup">`), which the page does not show but
    ships: remove the attribute.
    """
    marked = marked_lines(doc)
    for line in marked:
        if line.heading is not None:
            yield _in_heading(doc, line.heading, line.marker)
        elif line.block is not None and line.marker is not None:
            yield _in_paragraph(doc, line.block, line.marker)
    shown = {line.heading for line in marked}
    for heading in doc.headings:
        if heading.outline_mark and heading not in shown:
            kept = heading.outline_mark
            yield Problem(heading.span, f"heading markup keeps the outline marker {kept!r}; remove it")


def _in_heading(doc: Document, heading: Heading, marker: Marker | None) -> Problem:
    if marker is None:  # the front-end made the marker line a heading
        hint = _hint(doc, heading.level, heading.text)
        fix = _marker_fix(doc, heading.span, heading.level, heading.text)
        return Problem(heading.span, f"outline marker 'H{heading.level}:' left in the text; {hint}", fix)
    spelled = heading.text[marker.start : marker.end].strip()
    where = "ends" if marker.trailing else "starts"
    start = len(heading.text[: marker.start].rstrip()) if marker.trailing else marker.start
    return Problem(
        heading.span,
        f"heading text {where} with the outline marker {spelled!r}; remove it",
        _drop_text(doc, heading, start, marker.end),
    )


def _in_paragraph(doc: Document, block: Block, marker: Marker) -> Problem:
    first_line = block.text.split("\n", 1)[0]
    spelled = first_line[marker.start : marker.end].strip()
    if marker.trailing or not marker.definite:
        where = "ends" if marker.trailing else "starts"
        return Problem(block.span, f"paragraph {where} with the outline marker {spelled!r}; remove it")
    hint = _hint(doc, marker.level, first_line[marker.end :])
    return Problem(
        block.span,
        f"paragraph starts with the outline marker {spelled!r}; {hint}",
        _paragraph_fix(doc, block),
    )


def _hint(doc: Document, level: int, text: str) -> str:
    return doc.hints.heading_advice(level, shorten(text, 40))


def _marker_fix(doc: Document, span: Span, level: int, text: str) -> Fix | None:
    """Replace the marker line's text with the format's own heading, if it has one."""
    heading = doc.hints.heading_line(level, text)
    if heading is None or not re.search(r"\w", text) or span.line != span.end_line:
        return None
    start = doc.offset(span.line, span.column)
    applicability: Applicability = "unsafe" if doc.hints.heading_markup_converts else "safe"
    end = doc.offset(span.line, span.end_column)  # a comment after the marker stays
    return Fix(
        (Edit(start, end, heading),),
        applicability,
        f"Make it a real heading: {heading}",
    )


def _paragraph_fix(doc: Document, block: Block) -> Fix | None:
    """A paragraph whose first source line is only the marker and its text, maybe wrapped in
    markup (bold) that closes after the marker or at the end of the line."""
    number = block.span.line
    typed = doc.views.typed_lines.get(number)
    found = leading_marker(typed.text, weak=False) if typed is not None else None
    if typed is None or found is None:
        return None
    line_start = doc.offset(number)
    text_start = line_start + typed.column - 1
    text_end = text_start + len(typed.text)
    stop = _markup_end(doc, text_end, line_start + len(doc.lines[number - 1]))
    opening = doc.source[line_start:text_start]  # the markup peeled off before the marker
    text = typed.text[found.end :].rstrip()
    if opening[:1].isspace():
        return None  # indented: a list item's continuation, or code
    if opening and stop == text_end:  # it closes right after the marker, or never
        if not text.startswith(opening):
            return None
        text = text[len(opening) :].lstrip()
    span = Span(number, 1, number, stop - line_start + 1)  # a comment after it stays
    return _marker_fix(doc, span, found.level, text)


def _markup_end(doc: Document, start: int, end: int) -> int:
    """Where the markup in source offsets [start, end) ends (`start` if it holds none)."""
    markup = doc.views.markup
    index = bisect.bisect_left(markup, (start, start))
    stop = start
    while index < len(markup) and markup[index][0] < end:
        stop = max(stop, min(markup[index][1], end))
        index += 1
    return stop


def _drop_text(doc: Document, heading: Heading, start: int, end: int) -> Fix | None:
    """Delete heading.text[start:end] (a marker at its start, or at the end of a one-line
    heading) when the source spells the heading's text up to there as the text does."""
    typed = doc.views.typed_lines.get(heading.span.line)
    if typed is None:
        return None
    at = typed.text.find(heading.text[:end])
    if at < 0:
        return None
    offset = doc.offset(heading.span.line, typed.column) + at
    removed = heading.text[start:end]
    if doc.source[offset + start : offset + end] != removed:
        return None
    return Fix((Edit(offset + start, offset + end, ""),), "safe", f"Remove the marker {removed.strip()!r}")


class DuplicateOptions(Options):
    siblings_only: bool = True  # a repeat under another parent is parallel structure (README)


def _heading_key(text: str) -> str:
    """The heading's words without punctuation ("Results:" is "Results"); symbols stay, so
    "cache[key] = value" and "cache[key] → value" are two headings."""
    kept = (" " if unicodedata.category(c).startswith("P") else c for c in text.lower())
    return " ".join("".join(kept).split())


@rule("H005", "duplicate-heading", Severity.WARNING, DuplicateOptions)
def duplicate_heading(doc: Document, opts: DuplicateOptions) -> Iterator[Problem]:
    """Two headings have the same text.

    Why: identical headings make the outline ambiguous, produce clashing anchors, and
    usually mean a section was pasted twice or never renamed.
    Example: two `## Results` sections -> `## Results on x86` and `## Results on ARM`.
    Repeats under different parents (`### Setup` in each part) are parallel structure
    and pass; `siblings-only = false` reports them too. Headings inside a quotation
    (a "### Blockers" in each quoted status comment) are someone else's words: not judged.
    """
    seen: dict[tuple[object, str], Heading] = {}
    parents: list[Heading] = []
    for heading in doc.headings:
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        if heading.quoted:
            continue
        key = _heading_key(heading.text)
        scope = id(parents[-1]) if opts.siblings_only and parents else None
        if key and (scope, key) in seen:
            first = seen[(scope, key)]
            yield Problem(heading.span, f"same heading as line {first.span.line}: {heading.text!r}")
        seen.setdefault((scope, key), heading)
        parents.append(heading)


class SectionOptions(Options):
    max_words: int = option(750, minimum=1)  # README, "Defaults and why"


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
    M006 counts them: tables, code, URLs, template directives, quotes (set apart on the
    page) and the text of a closed `<details>` (shown only to a reader who opens it) do not
    count. A paragraph all in bold (an interview's question, or an HTML block showing only a
    bold title, as a generated report's entries) opens a part as a subheading does, and so
    does a turn of a transcript (`Name: ...` paragraphs, a few speakers taking
    turns). A post with no section headings at all is judged at twice `max-words`: a short
    letter or announcement reads fine without them.
    Example: a 700-word `## Setup` -> split it into `### Install` and `### Configure`.
    """
    views = doc.views
    turns = _turns(views.blocks)
    run_in = bool(turns) or any(prose.block.bold for prose in views.blocks)
    if not _sections(doc.headings) and not run_in:
        shown = sum(prose.words for prose in views.blocks if _walls(prose.block))
        if shown > 2 * opts.max_words:
            message = f"{shown} words and no H2; break the post into sections"
            yield Problem(Span.point(1), message, about="post")
        return  # judged as a whole: its title's "section" is the post
    starts = [(h.span.line, _Opener(h.span, h.text, not h.quoted)) for h in doc.headings]
    index, total = 0, 0
    current: _Opener | None = None
    for number, prose in enumerate(views.blocks):
        while index < len(starts) and starts[index][0] <= prose.block.span.line:
            yield from _too_long(current, total, opts)
            current, total = starts[index][1], 0
            index += 1
        if number in turns:  # a speaker's turn is a part of its own, opened by the speaker's name
            yield from _too_long(current, total, opts)
            current, total = _Opener(prose.block.span, turns[number], current is None or current.ours), 0
            total += prose.words
        elif prose.block.bold:  # a bold line (an interview's question) opens a part as a subheading does
            yield from _too_long(current, total, opts)
            current, total = _Opener(prose.block.span, prose.block.text, current is None or current.ours), 0
        elif _walls(prose.block):
            total += prose.words
    yield from _too_long(current, total, opts)


class _Opener(NamedTuple):
    """What opens a part of the post: a heading, or a bold line standing as one."""

    span: Span
    text: str
    ours: bool  # False: a quoted letter's heading; its section is someone else's text


def _turns(blocks: Sequence[ProseBlock]) -> dict[int, str]:
    """The paragraphs (by index in `blocks`) that are turns of a dialogue, with their speaker:
    each opens with a name and a colon (`Jan: ...`, `Q: ...`), at least two speakers take
    two turns or more, and the speaker changes at least three times. A transcript's turns are
    its structure; two `Note:` paragraphs are no dialogue."""
    labelled = [
        (number, speaker)
        for number, prose in enumerate(blocks)
        if prose.block.kind == "paragraph" and (speaker := _speaker(prose.block.text))
    ]
    counts = Counter(speaker for _, speaker in labelled)
    turns = [(number, speaker) for number, speaker in labelled if counts[speaker] >= 2]
    speakers = {speaker for _, speaker in turns}
    changes = sum(a != b for (_, a), (_, b) in pairwise(turns))
    return dict(turns) if len(speakers) >= 2 and changes >= 3 else {}


def _speaker(text: str) -> str | None:
    """The name a paragraph opens with before a colon: up to four capitalised words."""
    colon = text.find(": ", 0, 60)
    if colon < 1:
        return None
    name = text[:colon]
    words = name.split(" ")
    if len(words) > 4 or not all(word[:1].isupper() and _NAME_WORD.fullmatch(word) for word in words):
        return None
    return name


def _walls(block: Block) -> bool:
    """Whether a block's words make a wall for readers: a quote is set apart on the page
    (testimonials, quoted comments), a closed `<details>` is not shown."""
    return block.kind != "quote" and not block.collapsed


def _sections(headings: tuple[Heading, ...]) -> tuple[Heading, ...]:
    """The headings that open sections of the post: every one but a leading H1 (the title;
    a template that renders the title below <h1> makes the body's `#` the sections)."""
    return headings[1:] if headings and headings[0].level == 1 else headings


def _too_long(opener: _Opener | None, words: int, opts: SectionOptions) -> Iterator[Problem]:
    if opener is not None and opener.ours and words > opts.max_words:
        yield Problem(
            opener.span, f"{words} words under {opener.text!r} without a subheading (max {opts.max_words})"
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
    blanks: list[Stretch] | None = None  # what a reader does not see: comments and markup
    for heading, following in zip(doc.headings, doc.headings[1:], strict=False):
        if following.level > heading.level:
            continue
        begin, end = (heading.span.line, heading.span.column), (following.span.line, following.span.column)
        index = bisect.bisect_right(items, begin)
        if index < len(items) and items[index] < end:
            continue  # a paragraph, list, table, code block, image or template directive
        blanks = _blanks(doc) if blanks is None else blanks
        if _only_blanks(doc, blanks, doc.offset(heading.span.end_line + 1), doc.offset(following.span.line)):
            yield Problem(
                heading.span,
                f"section {heading.text!r} is empty: H{following.level} {following.text!r} follows at once",
            )


def _blanks(doc: Document) -> list[Stretch]:
    """The comments and the markup around text (wrapper tags, thematic breaks, anchors), sorted."""
    comments = (
        (doc.offset(c.span.line, c.span.column), doc.offset(c.span.end_line, c.span.end_column))
        for c in doc.comments
    )
    return sorted((*comments, *doc.views.markup))


def _only_blanks(doc: Document, blanks: list[Stretch], start: int, stop: int) -> bool:
    """Whether source offsets [start, stop) hold only whitespace outside `blanks`."""
    source, cursor = doc.source, start
    index = bisect.bisect_left(blanks, (start, start))
    if index and blanks[index - 1][1] > start:
        index -= 1  # one that begins before `start` and reaches into it
    for first, last in blanks[index:]:
        if first >= stop:
            break
        if first > cursor and not source[cursor:first].isspace():
            return False
        cursor = max(cursor, last)
    return cursor >= stop or source[cursor:stop].isspace()
