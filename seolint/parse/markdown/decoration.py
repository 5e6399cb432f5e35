"""The markup around the text of a line of Markdown (or of a plain-text draft): quote
markers, a list bullet or number, heading hashes, emphasis and the wrapping tags of HTML.

`decoration(line)` says where a line's text starts and stops once they are peeled off; the
Markdown and plain-text front-ends give it to their Documents as `line_markup`. Bullets pasted from chat
tools (a bullet, a middle dot, an en dash) count as bullets.
"""

from __future__ import annotations

import re

from seolint.parse.html.decoration import WRAPPING_TAG, tag_ending_at

_LEADING = re.compile(
    r"[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|[-*+•·–][ \t]+|\d{1,3}[.)][ \t]+)?(?:[*_]|"
    + WRAPPING_TAG
    + r")*[ \t]*",
    re.IGNORECASE,
)
# The characters decoration can start with (decimal digits aside) or end with: a line that
# starts and ends with others has none, and most lines of prose do.
_STARTS = frozenset(" \t>#-*+•·–_<")
_ENDS = frozenset(" \t*_#>")


def decoration(line: str) -> tuple[int, int]:
    """Start and end of a line's text without the Markdown or HTML markup around it."""
    first = line[:1]
    start = 0
    if first in _STARTS or first.isdecimal():
        if _thematic_break(line):
            return len(line), len(line)
        leading = _LEADING.match(line)
        start = leading.end() if leading else 0
    if line[-1:] not in _ENDS:
        return start, len(line)  # most lines of prose end in a letter or a stop
    stop = max(start, len(line.rstrip(" \t*_")))
    while stop > start:  # peel markup off the end; a loop, so long lines stay linear
        last = line[stop - 1]
        if last in " \t*_":
            stop -= 1
        elif last == "#" and (hashes := _hash_run(line, start, stop)) > start and line[hashes - 1] in " \t":
            stop = hashes  # an ATX heading's closing sequence
        elif last == ">" and (opening := tag_ending_at(line, start, stop)) >= 0:
            stop = opening
        else:
            break
    return start, stop


def _hash_run(line: str, start: int, stop: int) -> int:
    """Where the run of `#` that ends at `stop` begins."""
    while stop > start and line[stop - 1] == "#":
        stop -= 1
    return stop


def _thematic_break(line: str) -> bool:
    """Whether the line is a thematic break (`---`, `* * *`) or a setext heading's `---`
    underline, maybe in a quote: three or more of one of `-*_`, blanks aside."""
    marks = line.lstrip(" \t>").replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks[0] in "-*_" and marks == marks[0] * len(marks)
