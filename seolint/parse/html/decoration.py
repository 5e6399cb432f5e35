"""The markup around the text of a line of HTML: the tags that wrap or separate text.

`decoration(line)` says where a line's text starts and stops once the tags at its ends
are peeled off; the HTML front-end gives it to its Documents as `line_markup`. A link is
no markup (its text is the link's) unless it is empty, and neither is an image.
"""

from __future__ import annotations

import re

# Tags that wrap or separate text, and an empty anchor (`<a id="setup"></a>`), which marks a
# place without showing anything; HTML inside Markdown is peeled by the same pattern.
WRAPPING_TAG = (
    r"</?(?:p|h[1-6]|li|ul|ol|div|span|strong|b|em|i|u|br|hr|section|article|main|header|footer|body"
    r"|figure|figcaption|blockquote|center|td|th|dt|dd|small|mark)\b[^<>]*>"
    r"|<a\b[^<>]*>[ \t]*</a\s*>"
)
_LEADING = re.compile(r"[ \t]*(?:" + WRAPPING_TAG + r")*[ \t]*", re.IGNORECASE)
TAG = re.compile(WRAPPING_TAG, re.IGNORECASE)
# The characters a line's markup can start or end with: most lines have none at either end.
_STARTS = frozenset(" \t<")
_ENDS = frozenset(" \t>")


def decoration(line: str) -> tuple[int, int]:
    """Start and end of a line's text without the tags around it."""
    start = _LEADING.match(line).end() if line[:1] in _STARTS else 0  # type: ignore[union-attr]
    if line[-1:] not in _ENDS:
        return start, len(line)
    return start, peel_tags(line, start, len(line.rstrip(" \t")))


def peel_tags(line: str, start: int, stop: int) -> int:
    """Where the text of line[start:stop] ends once blanks and tags are peeled off its end."""
    while stop > start:
        last = line[stop - 1]
        if last in " \t":
            stop -= 1
        elif last == ">" and (opening := tag_ending_at(line, start, stop)) >= 0:
            stop = opening
        else:
            break
    return stop


def tag_ending_at(line: str, start: int, stop: int) -> int:
    """Where the wrapping tag that ends line[start:stop] opens, or -1 if no such tag ends it."""
    opening = line.rfind("<", start, stop)
    return opening if opening >= 0 and TAG.fullmatch(line, opening, stop) else -1
