"""The `lines` scope of rule packs: source lines a writer typed, with everything that is
not prose text blanked out and the markup around each line's text peeled off.

The front-end said what is not prose text (`Document.not_text`: front matter, code,
comments, reference definitions, raw HTML code...) and how its format marks up a line
(`Document.line_markup`: bullets, heading hashes, emphasis, wrapping tags); this module
only combines the two, and blanks URLs. Blanking keeps offsets, so a match maps straight
back to its line and column. The lines are computed once per Document, as
`doc.views.lines`, which every pack rule shares.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from seolint.discover.records import NamedTuple

if TYPE_CHECKING:
    from seolint.document.model import Document, Stretch

# A URL (http, https, ftp or www.) that starts a word, up to a blank: \b(?:https?|ftp)://\S+
# or \bwww\.\S+, less the `*` and `_` it ends with (emphasis around it, as GitHub reads it).
URL = re.compile(r"[hfw](?<!\w[hfw])(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)\S*[^\s*_]")
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKS = re.compile(r"[^ \t]+")  # a run of markup between blanks
_BLANKS = " \t"


class TextLine(NamedTuple):
    """A non-blank line of the `lines` scope: its number, and its text without decoration."""

    number: int
    text: str
    column: int  # 1-based column of `text` in the source line


class Read(NamedTuple):
    """The body's lines as the `lines` scope reads them: the source's lines with what is not
    prose text blanked (`masked`), and each non-blank one's text without its markup."""

    masked: list[str]
    lines: dict[int, TextLine]


def text_lines(doc: Document) -> Read:
    """Every non-blank line of the scope by line number, in order (read it as `doc.views.lines`)."""
    masked = blank(doc.source, doc.not_text)
    lines = split_lines(blank(masked, url_spans(masked)))
    peel = doc.line_markup or _blanks
    found = {}
    for number in _body(doc):
        line = lines[number - 1]
        if line and not line.isspace():
            start, stop = peel(line)
            found[number] = TextLine(number, line[start:stop], start + 1)
    return Read(lines, found)


def _blanks(line: str) -> tuple[int, int]:
    """A line's text without the blanks around it: the markup of a draft that has no other."""
    return len(line) - len(line.lstrip(_BLANKS)), len(line.rstrip(_BLANKS))


def markup_of(doc: Document, read: Read) -> tuple[Stretch, ...]:
    """The markup peeled off the ends of the lines `read`, as sorted source offsets: its runs
    of characters other than blanks (`doc.views.markup`)."""
    found: list[Stretch] = []
    for number, text in read.lines.items():
        line = read.masked[number - 1]
        start = text.column - 1
        stop = start + len(text.text)
        if line[:start].strip(_BLANKS) or line[stop:].strip(_BLANKS):
            at = doc.offset(number)
            found += ((at + m.start(), at + m.end()) for m in _MARKS.finditer(line, 0, start))
            found += ((at + m.start(), at + m.end()) for m in _MARKS.finditer(line, stop))
    return tuple(found)


def typed_lines(doc: Document, read: Read) -> dict[int, TextLine]:
    """The lines `read` as the writer typed them (code, URLs and link syntax kept, comments
    blanked), without the same markup around their text (`doc.views.typed_lines`).

    What a line hides is where its typed and masked forms differ; its markup, where they
    agree outside the text. So the typed text runs from the first hidden character before
    the text (or the text) to the last one after it.
    """
    typed = split_lines(uncommented(doc)) if doc.comments else doc.lines
    found = {}
    for number, text in read.lines.items():
        line, masked = typed[number - 1], read.masked[number - 1]
        if line == masked:  # nothing hidden on the line (most lines): its text as read
            found[number] = text
            continue
        start = text.column - 1
        stop = start + len(text.text)
        if line[:start] != masked[:start] or line[stop:] != masked[stop:]:
            hidden = hidden_ends(line, masked, start, stop)
            if hidden and text.text:
                start, stop = min(start, hidden[0]), max(stop, hidden[1])
            elif hidden:
                start, stop = hidden
        found[number] = TextLine(number, line[start:stop], start + 1)
    return found


def hidden_ends(line: str, masked: str, start: int, stop: int) -> tuple[int, int] | None:
    """Where the characters of `line` outside [start, stop) that `masked` hides (blanks
    aside) begin and end; None when there are none. Read from each end up to the first
    one, not along the whole line: a hidden code span or URL usually sits at an end."""
    outside = itertools.chain(range(start), range(stop, len(line)))
    first = next((i for i in outside if line[i] != masked[i] and line[i] not in _BLANKS), None)
    if first is None:
        return None
    backwards = itertools.chain(range(len(line) - 1, stop - 1, -1), range(start - 1, -1, -1))
    last = next(i for i in backwards if line[i] != masked[i] and line[i] not in _BLANKS)
    return first, last + 1


def uncommented(doc: Document) -> str:
    """The source as typed, with its HTML comments blanked (they may be suppressions)."""
    comments = [
        (doc.offset(c.span.line, c.span.column), doc.offset(c.span.end_line, c.span.end_column))
        for c in doc.comments
    ]
    return blank(doc.source, comments)


def _body(doc: Document) -> range:
    """The line numbers of the post's body (an HTML page's site chrome lies around it)."""
    first, last = doc.body_lines or (1, len(doc.lines))
    return range(first, min(last, len(doc.lines)) + 1)


def split_lines(text: str) -> list[str]:
    """`text`'s lines, as `Document.lines` splits a source (CRLF, LF and lone CR end a line)."""
    return text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)


def url_spans(text: str) -> list[Stretch]:
    """Where `URL.finditer(text)` finds URLs, found faster: every URL has a `://` or `www.`
    near its start, and `str.find` reaches those sooner than `re` tries each h, f and w."""
    starts = []
    mark = text.find("://")
    while mark >= 0:
        scheme = next((s for s in ("https", "http", "ftp") if text.startswith(s, mark - len(s))), "")
        if scheme and mark >= len(scheme):
            starts.append(mark - len(scheme))
        mark = text.find("://", mark + 3)
    mark = text.find("www.")
    while mark >= 0:
        starts.append(mark)
        mark = text.find("www.", mark + 1)
    spans: list[Stretch] = []
    for start in sorted(starts):
        if (not spans or start >= spans[-1][1]) and (found := URL.match(text, start)):
            spans.append(found.span())
    return spans


def blank(text: str, regions: Iterable[Stretch]) -> str:
    """`text` with each region's characters (not its line breaks) turned into spaces."""
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(regions):
        start = max(start, cursor)
        if end <= start:
            continue
        parts.append(text[cursor:start])
        parts.append(_spaces(text[start:end]))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _spaces(text: str) -> str:
    """`text` with every character but its line breaks turned into a space."""
    if "\r" in text:
        return _NOT_NEWLINE.sub(" ", text)
    if "\n" not in text:
        return " " * len(text)
    return "\n".join([" " * len(line) for line in text.split("\n")])
