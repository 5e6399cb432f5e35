"""Plain-text front-end for drafts pasted from AI tools: Markdown-flavoured text with an outline.

Chat output keeps its Markdown (`[text](url)` links, `![alt](src)` images, `**bold**`,
`` `code` ``, fences), so the text is read by the Markdown front-end. First, outline
marker lines (`H2: Lessons`, `**H3: Setup**`, `[H2] Title`, a bare `H2 Setup` alone between
blank lines) are found and turned into ATX headings of the same length, bullets Markdown lacks
(`•`, en dash) into `-`, and HTML comments into spaces; every edit keeps its length and line
breaks, so positions stay exact. The marker headings then get back their level and
source="marker", for H006 to report.
"""

from __future__ import annotations

import re

from seolint.document.model import Document, Heading, Hints, LevelMark, Span, merged
from seolint.parse import front_matter
from seolint.parse.html import elements as html_elements
from seolint.parse.markdown import front_end as markdown

# "H2: Title", "h3 - Title", "H2 ▸ Title", "**H2: Title**", "**H2:** Title", "## H2: Title",
# "Heading 2: Title", "[H2] Title", "(H3) Title", "H2 | Title"; the marker is the whole line. No
# two neighbouring quantifiers share characters, so a long line cannot backtrack.
MARKER = re.compile(
    r"^[ \t]*(?:(?:\*\*|__|#{1,6}[ \t])[ \t]*)?"
    r"(?:(?:H|Heading[ \t]?)(?P<level>[1-6])[ \t]*(?::|[-–—▸►›→»|])|[\[(]H(?P<bracketed>[1-6])[\])][ \t]*:?)"
    r"(?:\*\*|__)?(?P<text>.*)$",
    re.IGNORECASE,
)
# "H2 why bother when cron works": a bare marker, no colon or dash, only on a short line of
# its own between blank lines (a sentence may start "H2 headings ...", but does not end there).
_BARE_MARKER = re.compile(r"^[ \t]*H(?P<level>[1-6])[ \t]+(?P<text>[^ \t].*)$")
_BARE_MARKER_WORDS = 9
# A Markdown heading fixes a marker, but typing one turns the plain-text draft into Markdown.
_HINTS = Hints(heading_markup_converts=True)
_BULLET = re.compile(r"^([ \t]*)[•–](?=[ \t])")  # bullets Markdown does not know; `-`, `*`, `1.` it does
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CLOSING_EMPHASIS = re.compile(r"(?:\*\*|__)[ \t]*$")


def parse(source: str, path: str, front_matter_after_blank_lines: bool = False) -> Document:
    shell = Document(path=path, format="text", source=source)
    fm_span = front_matter.split(source, front_matter_after_blank_lines).span
    body_start = fm_span.end_line if fm_span else 0
    comments = tuple(c for c in html_elements.comments(shell) if c.span.line > body_start)
    regions = [
        (shell.offset(c.span.line, c.span.column), shell.offset(c.span.end_line, c.span.end_column))
        for c in comments
    ]
    blanked = _blank(source, regions)
    prepared: list[str] = []
    markers: dict[int, tuple[int, Span, LevelMark]] = {}  # line -> level, span of the line, its digit
    lines = _LINE.findall(blanked)
    for number, line in enumerate(lines, start=1):
        text = line.rstrip("\r\n")
        if number > body_start and (marker := MARKER.match(text) or _bare_marker(lines, number)):
            digit = "level" if marker.group("level") else "bracketed"
            at = shell.offset(number) + marker.start(digit)
            column = len(text) - len(text.lstrip()) + 1
            span = Span(number, column, number, len(text.rstrip()) + 1)
            markers[number] = (int(marker.group(digit)), span, LevelMark(at, at + 1))
            text = _as_atx_heading(text, marker.start("text"))
        elif number > body_start:
            text = _BULLET.sub(r"\1-", text)
        prepared.append(text + line[len(line.rstrip("\r\n")) :])
    doc = markdown.parse("".join(prepared), path, indented_code=False)
    return doc._replace(
        format="text",
        source=source,
        headings=tuple(_restore_marker(h, markers) for h in doc.headings),
        comments=comments,
        hints=_HINTS,
        not_text=merged((*doc.not_text, *regions)),
    )


def _bare_marker(lines: list[str], number: int) -> re.Match[str] | None:
    """A bare marker line (`H2 monotonic timers`): short, alone between blank lines, and not
    ending as a sentence does."""
    text = lines[number - 1].rstrip("\r\n")
    marker = _BARE_MARKER.match(text)
    if marker is None or len(text.split()) > _BARE_MARKER_WORDS or text.rstrip()[-1] in ".,;!?":
        return None
    around = [lines[at].strip() for at in (number - 2, number) if 0 <= at < len(lines)]
    return marker if not any(around) else None


def _as_atx_heading(line: str, text_start: int) -> str:
    """`**H2: Title**` -> `#     Title  `: same length, the marker and emphasis blanked."""
    rest = line[text_start:]
    closing = _CLOSING_EMPHASIS.search(rest)
    if closing:
        rest = rest[: closing.start()] + " " * (len(rest) - closing.start())
    return "#" + " " * (text_start - 1) + rest


def _restore_marker(heading: Heading, markers: dict[int, tuple[int, Span, LevelMark]]) -> Heading:
    if heading.span.line not in markers:
        return heading  # a Markdown heading (`## Setup`) in the draft
    level, span, digit = markers[heading.span.line]
    return heading._replace(level=level, span=span, source="marker", level_marks=(digit,))


def _blank(text: str, regions: list[tuple[int, int]]) -> str:
    """`text` with each region's characters (not its line breaks) turned into spaces."""
    pieces, cursor = [], 0
    for start, end in regions:
        pieces += [text[cursor:start], re.sub(r"[^\r\n]", " ", text[start:end])]
        cursor = end
    return "".join([*pieces, text[cursor:]])
