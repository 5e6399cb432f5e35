"""Plain-text front-end for outline-style drafts (often pasted from AI tools).

Blank lines separate paragraphs; `H2: Lessons`-style marker lines become headings with
source="marker" so the hierarchy rules work on outlines; bullet lines become list items.
"""

from __future__ import annotations

import re

from seolint.document import Block, Comment, Document, Heading, Hints, Span
from seolint.parse import front_matter, html_elements

# "H2: Title", "h3 - Title", "**H2: Title**", "## H2: Title"; the marker is the whole line.
# No two neighbouring quantifiers share characters, so a long line cannot backtrack.
MARKER = re.compile(
    r"^[ \t]*(?:(?:\*\*|__|#{1,6}[ \t])[ \t]*)?H([1-6])[ \t]*(?::|[-–—])(?P<text>.*)$",
    re.IGNORECASE,
)
# A Markdown heading fixes a marker, but typing one turns the plain-text draft into Markdown.
_HINTS = Hints(heading_markup_converts=True)
_BULLET = re.compile(r"^[ \t]*(?:[•*\-–]|\d+[.)])[ \t]+")


def parse(source: str, path: str) -> Document:
    fm = front_matter.split(source)
    shell = Document(path=path, format="text", source=source)
    body_start = fm.span.end_line if fm.span else 0
    comments = tuple(c for c in html_elements.comments(shell) if c.span.line > body_start)
    body = _blank_out(fm.body, comments, shell)
    body_lines = re.split(r"\r\n|\r|\n", body)
    headings: list[Heading] = []
    blocks: list[Block] = []
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if paragraph:
            first, last = paragraph[0][0], paragraph[-1][0]
            text = "\n".join(" ".join(line.split()) for _, line in paragraph)
            column = len(paragraph[0][1]) - len(paragraph[0][1].lstrip()) + 1
            blocks.append(Block("paragraph", text, Span(first, column, last, len(paragraph[-1][1]) + 1)))
            paragraph.clear()

    for number, line in enumerate(body_lines, start=1):
        column = len(line) - len(line.lstrip()) + 1
        span = Span(number, column, number, len(line.rstrip()) + 1)
        if not line.strip():
            flush()
        elif marker := MARKER.match(line):
            flush()
            text = marker.group("text").strip().removesuffix("**").removesuffix("__").strip()
            headings.append(Heading(int(marker.group(1)), text, span, "marker"))
        elif bullet := _BULLET.match(line):
            flush()
            blocks.append(Block("list-item", " ".join(line[bullet.end() :].split()), span))
        else:
            paragraph.append((number, line))
    flush()
    return Document(
        path=path,
        format="text",
        source=source,
        front_matter=fm.data,
        front_matter_span=fm.span,
        headings=tuple(headings),
        blocks=tuple(blocks),
        comments=comments,
        hints=_HINTS,
    )


def _blank_out(body: str, comments: tuple[Comment, ...], doc: Document) -> str:
    """The body with comments replaced by spaces (line breaks kept, so lines stay put)."""
    shift = len(doc.source) - len(body)  # the body is a suffix of the source after front matter
    pieces, cursor = [], 0
    for comment in comments:
        start = doc.offset(comment.span.line, comment.span.column) - shift
        end = doc.offset(comment.span.end_line, comment.span.end_column) - shift
        pieces += [body[cursor:start], re.sub(r"[^\r\n]", " ", body[start:end])]
        cursor = end
    return "".join([*pieces, body[cursor:]])
