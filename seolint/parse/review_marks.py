"""The markup a review leaves in an exported draft: track changes and comments.

Word's and pandoc's exports keep an editor's work as markup: insertions and deletions
(`<ins cite=... datetime=...>`, `[words]{.insertion author=...}`), comment ranges
(`[...]{.comment-start ...}`) and notes in attributes (`data-editor-note="..."`). A `<del>`
or `<ins>` with no record of who and when is a post's own strikethrough. The syntax is read
here, with the front-ends; S008 (seolint.checks.review_marks) reports the lines.
"""

from __future__ import annotations

import re

_TRACKED = re.compile(
    r"\]\{\.(?:insertion|deletion|paragraph-insertion|paragraph-deletion|comment-start|comment-end)\b"
    r"|<(?:ins|del)\s[^<>]*\b(?:cite|datetime)\s*="
    r"|<[a-z][\w-]*\s[^<>]*\bdata-[\w-]*(?:note|comment|todo|review|feedback)s?\s*=",
    re.IGNORECASE,
)
REVIEW_MARKS = (_TRACKED,)  # every pattern a line is searched with for a review's mark
# A comment range that is all of its line: `[Can we open with the outage?]{.comment-start ...}[]{...}`.
_COMMENT_LINE = re.compile(r"\[[^\[\]]*\]\{\.comment-start\b[^{}]*\}(?:\[\]\{\.comment-end\b[^{}]*\})?")


def holds_review_mark(source_line: str) -> bool:
    """Whether a source line (tags and attributes included) holds a review's mark."""
    if "{." not in source_line and "<" not in source_line:
        return False  # most lines: no markup of a review
    return _TRACKED.search(source_line) is not None


def is_exported_comment(text: str) -> bool:
    """Whether a line's text is all one exported comment (which a fix may delete)."""
    return _COMMENT_LINE.fullmatch(text.strip()) is not None
