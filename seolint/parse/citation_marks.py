"""The syntax of citation markers an answer engine leaves in its text, and of a page's own
reference list.

An answer engine marks each claim with the number of a source card (`from[1].`, `[1][3]`,
`open.<sup>2</sup>`); a post that cites for real keeps a list the numbers point into (`[1]
Author, Title`, `<sup>1</sup> A note`, footnote anchors, a "Sources" head over a numbered
list). The syntax is read here, with the front-ends; S008 (seolint.checks.author_notes)
reports the markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Glued to the text they source. Not Markdown footnotes (`[^1]`), a link (`[1](url)`,
# `<sup><a ...>1</a></sup>`) nor an exponent (`n<sup>2</sup>`, `10<sup>6</sup>`): a
# superscript follows a stop or a word. Each alternative opens with its bracket and looks
# behind it only then, so that `re` tries a match only where a `[` or `<` is.
_CITATION_MARK = re.compile(
    r"\[(?<=[^\s\[\]]\[)\d{1,2}\](?:\[\d{1,2}\])*(?![(\[:\w])"
    r"|<(?:(?<=[.,;:!?”\"]<)|(?<=[^\W\d_]{3}<))sup>\s*\d{1,2}\s*</sup>"
)
_REFERENCE_LIST = re.compile(
    r"^[ \t]*(?:<(?:li|p)\b[^>\n]*>[ \t]*)?(?:\[\d{1,2}\]|\[?<sup>[ \t]*\d{1,2}[ \t]*</sup>)[ \t]*\S"
    r"|\bid=[\"'](?:fn|footnote|ref|cite)"
    # "**Sources**" over "1. SQLite documentation", "Sources: <sup>1</sup> GitHub Docs": the
    # numbers name real sources (an engine's source cards, "github.com · facebook/zstd · 2", do not).
    r"|^[^\w\n]*(?:sources|references|citations|footnotes)[^\w\n]*\n(?:[ \t]*\n)*[ \t]*1[.)][ \t]"
    r"|\b(?:sources|references)\s*:\s*(?:<sup>|\[1\])",
    re.MULTILINE | re.IGNORECASE,
)


def citation_marks(source_line: str) -> Iterator[re.Match[str]]:
    """The citation markers in a source line, tags included."""
    if "[" not in source_line and "<sup" not in source_line:
        return iter(())  # most lines
    return _CITATION_MARK.finditer(source_line)


def keeps_references(source: str) -> bool:
    """Whether a page keeps a reference list of its own, which its numbers point into."""
    return _REFERENCE_LIST.search(source) is not None
