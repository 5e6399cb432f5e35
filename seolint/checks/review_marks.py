"""What a review leaves in a draft (part of S008): track changes and comments exported with it.

Published, the page shows both versions, or the note to whoever reads the source; the review
is left to resolve. What counts as a review's mark is syntax, read in seolint.parse.review_marks.
"""

from __future__ import annotations

from seolint.checks.leftover_screen import may_hold, source_lines
from seolint.document.model import Document, Span
from seolint.parse.review_marks import REVIEW_MARKS, holds_review_mark, is_exported_comment


def review_marks(doc: Document) -> list[tuple[Span, bool]]:
    """The lines holding a review's marks, each with whether the mark is all of the line (an
    exported comment, which a fix may delete)."""
    found: list[tuple[Span, bool]] = []
    if not may_hold(source_lines(doc), *REVIEW_MARKS):
        return found  # most drafts: no review's mark on any line
    for line in doc.views.lines.values():  # the lines of text: none of a code block
        source = doc.lines[line.number - 1]  # with the tags around the text, which hold attributes
        if holds_review_mark(source):
            span = Span(line.number, 1, line.number, len(source) + 1)
            found.append((span, is_exported_comment(line.text)))
    return found
