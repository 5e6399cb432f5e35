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

from seolint.document.level_markers import Marker, leading_marker, weak_markers_hold
from seolint.document.model import Document, Heading, Hints, LevelMark, Span, merged
from seolint.parse import front_matter
from seolint.parse.html import elements as html_elements
from seolint.parse.markdown import front_end as markdown

# Markup a marker line may be typed in: "**H2: Title**", "**H2:** Title", "## H2: Title".
_MARKUP = re.compile(r"[ \t]*(?:(?:\*\*|__|#{1,6}[ \t])[ \t]*)?")
_EMPHASIS = re.compile(r"(?:\*\*|__)[ \t]*")
# "H2 why bother when cron works": a bare marker, no colon or dash, only on a short line of
# its own between blank lines (a sentence may start "H2 headings ...", but does not end there).
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
    markers: dict[int, tuple[int, Span, tuple[LevelMark, ...]]] = {}  # line -> level, span, its digit
    lines = _LINE.findall(blanked)
    found = _marker_lines(lines, body_start)
    for number, line in enumerate(lines, start=1):
        text = line.rstrip("\r\n")
        if number in found:
            level, digit, words = found[number]
            column = len(text) - len(text.lstrip()) + 1
            span = Span(number, column, number, len(text.rstrip()) + 1)
            at = shell.offset(number) + digit if digit is not None else None
            markers[number] = (level, span, (LevelMark(at, at + 1),) if at is not None else ())
            text = _as_atx_heading(text, words)
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


def _marker_lines(lines: list[str], body_start: int) -> dict[int, tuple[int, int | None, int]]:
    """The marker lines of the body, by number: the level each names, where its digit is
    (None: spelled out) and where its words start. A marker of any spelling first on the
    line (after `**` or `##`); a bare one (`H2 monotonic timers`) on a short line alone
    between blank lines that does not end as a sentence does, where the draft's other
    lines make it one (seolint.document.level_markers.weak_markers_hold)."""
    found: dict[int, tuple[Marker, int]] = {}
    for number in range(body_start + 1, len(lines) + 1):
        text = lines[number - 1].rstrip("\r\n")
        markup = _MARKUP.match(text)
        start = markup.end() if markup else 0
        marker = leading_marker(text[start:])
        if marker is None or marker.form == "section":
            continue
        if marker.definite or (marker.form == "bare" and _alone(lines, number, text)):
            found[number] = (marker, start)
    definite = sum(marker.definite for marker, _ in found.values())
    bare = [marker for marker, _ in found.values() if not marker.definite]
    if bare and not weak_markers_hold("bare", definite, bare):
        found = {number: kept for number, kept in found.items() if kept[0].definite}
    return {number: _placed(lines[number - 1], marker, start) for number, (marker, start) in found.items()}


def _placed(line: str, marker: Marker, start: int) -> tuple[int, int | None, int]:
    """A marker's level, its digit and its words in the line (`start`: where the markup
    before it ends); a bold that closes after the marker ("**H2:** Title") is markup too."""
    words = start + marker.end
    emphasis = _EMPHASIS.match(line, words)
    digit = start + marker.digit if marker.digit is not None else None
    return marker.level, digit, emphasis.end() if emphasis else words


def _alone(lines: list[str], number: int, text: str) -> bool:
    """A short line between blank lines, not ending as a sentence does."""
    if len(text.split()) > _BARE_MARKER_WORDS or text.rstrip()[-1] in ".,;!?":
        return False
    around = [lines[at].strip() for at in (number - 2, number) if 0 <= at < len(lines)]
    return not any(around)


def _as_atx_heading(line: str, text_start: int) -> str:
    """`**H2: Title**` -> `#     Title  `: same length, the marker and emphasis blanked."""
    rest = line[text_start:]
    closing = _CLOSING_EMPHASIS.search(rest)
    if closing:
        rest = rest[: closing.start()] + " " * (len(rest) - closing.start())
    return "#" + " " * (text_start - 1) + rest


def _restore_marker(heading: Heading, markers: dict[int, tuple[int, Span, tuple[LevelMark, ...]]]) -> Heading:
    if heading.span.line not in markers:
        return heading  # a Markdown heading (`## Setup`) in the draft
    level, span, marks = markers[heading.span.line]
    return heading._replace(level=level, span=span, source="marker", level_marks=marks)


def _blank(text: str, regions: list[tuple[int, int]]) -> str:
    """`text` with each region's characters (not its line breaks) turned into spaces."""
    pieces, cursor = [], 0
    for start, end in regions:
        pieces += [text[cursor:start], re.sub(r"[^\r\n]", " ", text[start:end])]
        cursor = end
    return "".join([*pieces, text[cursor:]])
