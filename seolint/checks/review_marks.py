"""What a review leaves in a draft (part of S008): track changes and comments exported with it.

Word's and pandoc's exports keep an editor's work as markup: insertions and deletions
(`<ins cite=... datetime=...>`, `[words]{.insertion author=...}`), comment ranges
(`[...]{.comment-start ...}`) and notes in attributes (`data-editor-note="..."`). Published,
the page shows both versions, or the note to whoever reads the source; the review is left to
resolve. A `<del>` or `<ins>` with no record of who and when is a post's own strikethrough.
"""

from __future__ import annotations

import re

from seolint.document.model import Document, Span
from seolint.registry.lazy_patterns import LazyRegex

_TRACKED = LazyRegex(
    r"\]\{\.(?:insertion|deletion|paragraph-insertion|paragraph-deletion|comment-start|comment-end)\b"
    r"|<(?:ins|del)\s[^<>]*\b(?:cite|datetime)\s*="
    r"|<[a-z][\w-]*\s[^<>]*\bdata-[\w-]*(?:note|comment|todo|review|feedback)s?\s*=",
    re.IGNORECASE,
)
# A comment range that is all of its line: `[Can we open with the outage?]{.comment-start ...}[]{...}`.
_COMMENT_LINE = LazyRegex(r"\s*\[[^\[\]]*\]\{\.comment-start\b[^{}]*\}(?:\[\]\{\.comment-end\b[^{}]*\})?\s*")


def review_marks(doc: Document) -> list[tuple[Span, bool]]:
    """The lines holding a review's marks, each with whether the mark is all of the line (an
    exported comment, which a fix may delete)."""
    found = []
    for line in doc.views.lines.values():  # the lines of text: none of a code block
        source = doc.lines[line.number - 1]  # with the tags around the text, which hold attributes
        if ("{." not in source and "<" not in source) or _TRACKED.search(source) is None:
            continue  # most lines: no markup of a review
        span = Span(line.number, 1, line.number, len(source) + 1)
        found.append((span, _COMMENT_LINE.fullmatch(line.text) is not None))
    return found
