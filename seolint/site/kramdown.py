"""Markdown inside HTML, as kramdown (Jekyll's Markdown) reads it, as regions.

kramdown's defaults (`parse_span_html: true`, `parse_block_html: false`; its
`doc/syntax.page`, "HTML Blocks" and "HTML Spans") differ from CommonMark's in two places
where a link may hide:
- A span-level element (`<em>`, `<strong>`, `<span>`...) never starts an HTML block, so a
  line holding only `<em>` or `</em>` belongs to the paragraph around it, whose Markdown is
  read; CommonMark starts a raw HTML block there and reads nothing until a blank line.
- An element with `markdown="1"` (or `"block"`, `"span"`) has Markdown content, raw in
  CommonMark.
Those tags become opaque regions, so the front-end reads the Markdown between them as the
site publishes it. Fenced code blocks are left as they are. `<a>` and `<img>` stay HTML:
they are links and images of their own.
"""

from __future__ import annotations

import re

from seolint.site.adapter import Region

SPAN_ELEMENTS = frozenset(
    {
        "abbr", "acronym", "b", "big", "bdo", "button", "cite", "code", "del", "dfn", "em", "i", "ins",
        "kbd", "label", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "small", "span", "strong",
        "sub", "sup", "tt", "var",
    }
)  # fmt: skip
MAX_MARKDOWN_ELEMENTS = 500  # elements with markdown="1" followed to their end, per draft
_ALONE = re.compile(r"^[ ]{0,3}(</?([A-Za-z][\w-]{0,30})(?:\s[^<>\n]{0,500})?/?>)[ \t]*$", re.MULTILINE)
_MARKDOWN_ON = re.compile(
    r"<([A-Za-z][\w-]{0,30})\s[^<>]{0,500}?\bmarkdown\s{0,5}=\s{0,5}[\"']?(?:1|block|span)\b[\"']?[^<>]{0,500}>"
)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)


def kramdown_regions(text: str) -> list[Region]:
    """The tags around Markdown that kramdown reads and CommonMark would not."""
    if "<" not in text:
        return []
    code = _fenced_code(text)
    regions = [
        Region(found.start(1), found.end(1), "opaque", name=found.group(2).lower())
        for found in _ALONE.finditer(text)
        if found.group(2).lower() in SPAN_ELEMENTS and not _inside(found.start(), code)
    ]
    for count, found in enumerate(_MARKDOWN_ON.finditer(text)):
        if count >= MAX_MARKDOWN_ELEMENTS or _inside(found.start(), code):
            break
        name = found.group(1).lower()
        regions.append(Region(found.start(), found.end(), "opaque", name=name))
        closing = _closing(text, name, found.end())
        if closing is not None:
            regions.append(Region(closing.start(), closing.end(), "opaque", name=name))
    return sorted(regions, key=lambda region: region.start)


def _closing(text: str, name: str, start: int) -> re.Match[str] | None:
    """The tag that closes the element `name` opened just before `start` (nesting counted)."""
    depth = 1
    for tag in re.compile(rf"<(/?){re.escape(name)}\b[^<>]{{0,500}}>").finditer(text, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag
    return None


def _fenced_code(text: str) -> list[tuple[int, int]]:
    """Offset ranges of fenced code blocks (an unclosed fence runs to the end)."""
    ranges: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for fence in _FENCE.finditer(text):
        if opened is None:
            opened = fence
        elif fence.group(1)[0] == opened.group(1)[0] and len(fence.group(1)) >= len(opened.group(1)):
            ranges.append((opened.start(), fence.end()))
            opened = None
    if opened is not None:
        ranges.append((opened.start(), len(text)))
    return ranges


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)
