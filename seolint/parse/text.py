"""Plain-text front-end for outline-style drafts (often pasted from AI tools).

Blank lines separate paragraphs; `H2: Lessons`-style marker lines become headings with
source="marker" so the hierarchy rules work on outlines; bullet lines become list items.
"""

from __future__ import annotations

import re

from seolint.document import Block, Comment, Document, Heading, Span
from seolint.parse import front_matter

# "H2: Title", "h3 - Title", "**H2: Title**", "## H2: Title"; the marker is the whole line.
MARKER = re.compile(
    r"^[ \t]*(?:\*\*|__|#{1,6}[ \t]+)?[ \t]*H([1-6])[ \t]*(?::|[-–—])"
    r"[ \t]*(?P<text>.*?)[ \t]*(?:\*\*|__)?[ \t]*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[ \t]*(?:[•*\-–]|\d+[.)])[ \t]+")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def parse(source: str, path: str) -> Document:
    fm = front_matter.split(source)
    shell = Document(path=path, format="text", source=source)
    comments = tuple(
        Comment(m.group(1).strip(), shell.span_at(m.start(), m.end())) for m in _COMMENT.finditer(source)
    )
    body = _COMMENT.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), fm.body)
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
            headings.append(Heading(int(marker.group(1)), marker.group("text").strip(), span, "marker"))
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
        title=fm.field("title"),
        description=fm.field("description", "summary", "excerpt"),
        headings=tuple(headings),
        blocks=tuple(blocks),
        comments=comments,
    )
