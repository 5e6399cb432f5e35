"""The `lines` scope of rule packs: source lines a writer typed, with everything that is
not prose text blanked out (front matter, code, HTML comments, inline code, URLs).

Blanking keeps offsets, so a match maps straight back to its line and column. The
lines are computed once per Document, as `doc.views.lines`, which every pack rule shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from seolint.document.model import Document

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Inline code: a run of 1-3 backticks, text without backticks, the same run (linear time).
# Each pattern here starts with a character, not a look-behind: `re` then skips to the
# characters that can start a match instead of trying the whole pattern at every position
# (the look-behinds come right after: 3-4x faster over the corpus, the same matches).
_INLINE_CODE = re.compile(r"`(?<!``)(`{0,2})(?!`)[^`\n]+`\1(?!`)")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*\S.*$", re.MULTILINE)  # [id]: https://...
# `[label]` or `[label][]` alone (not the `[id]` of `[text][id]`, not followed by `(` or `:`):
# a link when a definition names the label.
_SHORTCUT = re.compile(r"(?<!\])\[([^\[\]\n]+)\](?:\[\])?(?![(:\[])")
# A URL (http, https, ftp or www.) that starts a word: \b(?:https?|ftp)://\S+|\bwww\.\S+
URL = re.compile(r"[hfw](?<!\w[hfw])(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)\S+")
# Raw HTML code up to its closing tag or the end: the loop takes runs of characters other than
# "<" at once, where a lazy `.*?` would try the closing tag after every character (3x faster).
_HTML_CODE = re.compile(
    r"<(pre|code|script|style|textarea|head)\b[^<]*(?:<(?!/\1\s*>)[^<]*)*(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
_TAG = (
    r"</?(?:p|h[1-6]|li|ul|ol|div|span|strong|b|em|i|u|br|section|article|main|header|footer|body|figure"
    r"|figcaption|blockquote|center|td|th|dt|dd|small|mark)\b[^<>]*>"
)
# Markup around the text of a line: quote and list markers, heading hashes, emphasis, tags.
_LEADING = re.compile(
    r"[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|[-*+•·–][ \t]+|\d{1,3}[.)][ \t]+)?(?:[*_]|" + _TAG + r")*[ \t]*",
    re.IGNORECASE,
)
_CLOSING_TAG = re.compile(_TAG, re.IGNORECASE)
# The characters decoration can start with (decimal digits aside) or end with: a line that
# starts and ends with others has none, and most lines of prose do.
_MARKUP_STARTS = frozenset(" \t>#-*+•·–_<")
_MARKUP_ENDS = frozenset(" \t*_#>")

_NOT_NEWLINE = re.compile(r"[^\r\n]")


class TextLine(NamedTuple):
    """A non-blank line of the `lines` scope: its number, and its text without decoration."""

    number: int
    text: str
    column: int  # 1-based column of `text` in the source line


def text_lines(doc: Document) -> dict[int, TextLine]:
    """Every non-blank line of the scope by line number, in order (read it as `doc.views.lines`)."""
    first, last = _content_lines(doc)
    lines = {}
    for number, masked in enumerate(_masked_lines(doc)[first - 1 : last], start=first):
        if masked and not masked.isspace():
            start, end = strip_decoration(masked)
            lines[number] = TextLine(number, masked[start:end], start + 1)
    return lines


def strip_decoration(line: str) -> tuple[int, int]:
    """Start and end of a line's text without the Markdown or HTML markup around it."""
    first = line[:1]
    start = 0
    if first in _MARKUP_STARTS or first.isdecimal():
        leading = _LEADING.match(line)
        start = leading.end() if leading else 0
    if line[-1:] not in _MARKUP_ENDS:
        return start, len(line)  # most lines of prose end in a letter or a stop
    stop = max(start, len(line.rstrip(" \t*_")))
    while stop > start:  # peel markup off the end; a loop, so long lines stay linear
        last = line[stop - 1]
        if last in " \t*_":
            stop -= 1
        elif last == "#" and (hashes := _hash_run(line, start, stop)) > start and line[hashes - 1] in " \t":
            stop = hashes
        elif (
            last == ">"
            and (opening := line.rfind("<", start, stop)) >= 0
            and _CLOSING_TAG.fullmatch(line, opening, stop)
        ):
            stop = opening
        else:
            break
    return start, stop


def _hash_run(line: str, start: int, stop: int) -> int:
    """Where the run of `#` that ends at `stop` begins (a closing ATX heading sequence)."""
    while stop > start and line[stop - 1] == "#":
        stop -= 1
    return stop


def _masked_lines(doc: Document) -> list[str]:
    """The source's lines with everything that is not prose text blanked out."""
    regions: list[tuple[int, int]] = []
    if doc.front_matter_span is not None:
        regions.append(_line_region(doc, doc.front_matter_span.line, doc.front_matter_span.end_line))
    if doc.format != "html":
        regions += [_line_region(doc, c.span.line, c.span.end_line) for c in doc.code_blocks]
    regions += [m.span() for m in _COMMENT.finditer(doc.source)]
    regions += [(doc.offset(t.line, t.column), doc.offset(t.end_line, t.end_column)) for t in doc.templates]
    masked = _blank(doc.source, regions)
    if doc.format != "html":  # Markdown, and plain-text drafts (which are Markdown-flavoured)
        masked = _blank(masked, [m.span() for m in _INLINE_CODE.finditer(masked)])
        if "]:" in masked and (definitions := [m.group(1) for m in _REFERENCE.finditer(masked)]):
            masked = _blank(masked, _reference_brackets(masked, definitions))
            masked = _blank(masked, [m.span() for m in _REFERENCE.finditer(masked)])
    masked = _blank(masked, [m.span() for m in _HTML_CODE.finditer(masked)])  # also inside Markdown
    masked = _blank(masked, url_spans(masked))
    return masked.split("\n") if "\r" not in masked else re.split(r"\r\n|\r|\n", masked)


def url_spans(text: str) -> list[tuple[int, int]]:
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
    spans: list[tuple[int, int]] = []
    for start in sorted(starts):
        if (not spans or start >= spans[-1][1]) and (found := URL.match(text, start)):
            spans.append(found.span())
    return spans


def _reference_brackets(text: str, labels: Iterable[str]) -> list[tuple[int, int]]:
    """The brackets of reference links whose label is defined (`[Add & Commit]` with an
    `[Add & Commit]: https://...` line): markup around link text, not a bracketed note."""
    defined = {_label(label) for label in labels}
    regions: list[tuple[int, int]] = []
    for match in _SHORTCUT.finditer(text):
        if _label(match.group(1)) in defined:
            regions += [(match.start(), match.start() + 1), (match.end(1), match.end())]
    return regions


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()  # CommonMark matches labels case- and space-insensitively


def _content_lines(doc: Document) -> tuple[int, int]:
    """HTML pages carry site chrome: only lines from the first to the last piece of content."""
    if doc.format != "html":
        return 1, len(doc.lines)
    spans = [b.span for b in doc.blocks] + [h.span for h in doc.headings]
    if not spans:
        return 1, 0
    return min(s.line for s in spans), max(s.end_line for s in spans)


def _line_region(doc: Document, first: int, last: int) -> tuple[int, int]:
    end = doc.offset(last + 1) if last < len(doc.lines) else len(doc.source)
    return doc.offset(first), end


def _blank(text: str, regions: Iterable[tuple[int, int]]) -> str:
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
