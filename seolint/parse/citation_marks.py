"""The syntax of citation markers an answer engine leaves in its text, and of a page's own
reference list.

An answer engine marks each claim with the number of a source card (`from[1].`, `[1][3]`,
`open.<sup>2</sup>`, `doubled³`, `【3†source】`, `[cite: 4]`, `(source 2)`); a post that cites
for real keeps a list the numbers point into (`[1] Author, Title`, `<sup>1</sup> A note`,
`¹ A note`, footnote anchors, a "Sources" head over a numbered list) or defines its Markdown
footnotes (`[^2]: ...`). The syntax is read here, with the front-ends; S008
(seolint.checks.author_notes) reports the markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.discover.records import NamedTuple

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# Glued to the text they source. Not Markdown footnotes (`[^1]`), a link (`[1](url)`,
# `<sup><a ...>1</a></sup>`) nor an exponent (`n<sup>2</sup>`, `10<sup>6</sup>`, `m²`): a
# superscript follows a stop or a word of three letters.
_NUMBERED_MARK = re.compile(
    r"\[(?<=[^\s\[\]]\[)\d{1,2}\](?:\[\d{1,2}\])*(?![(\[:\w])"
    r"|<sup>(?:(?<=[.,;:!?”\"]<sup>)|(?<=[^\W\d_]{3}<sup>))\s*\d{1,2}\s*</sup>"
)
_SUPERSCRIPT_MARK = re.compile(
    rf"[{_SUPERSCRIPTS}](?<=[^\W\d_]{{3}}[{_SUPERSCRIPTS}])[{_SUPERSCRIPTS}]*(?![\w{_SUPERSCRIPTS}])"
)
# Markers no post writes for itself: an answer page's source token (`【3†source】`), a
# citation command (`[cite: 4]`, `[source 2]`) or a parenthesised source number (`(source 2)`).
_SOURCE_MARK = re.compile(
    r"【[^【】\n]{1,40}】"
    r"|\[(?:cite|citation|source|ref)s?\s*:?\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"
    r"|\((?:source|ref|citation)s?\s*:?\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)",
    re.IGNORECASE,
)
_FOOTNOTE_MARK = re.compile(r"\[\^([\w-]{1,30})\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t>]*\[\^([\w-]{1,30})\]:", re.MULTILINE)
_INDEXING = re.compile(r"[\w)\]]\[0\]")  # `items[0]`: a text that indexes, whose `[1]` is code too
_REFERENCE_LIST = re.compile(
    r"^[ \t]*(?:<(?:li|p)\b[^>\n]*>[ \t]*)?(?:\[\d{1,2}\]|\[?<sup>[ \t]*\d{1,2}[ \t]*</sup>"
    rf"|[{_SUPERSCRIPTS}]+)[ \t]*\S"
    r"|\bid=[\"'](?:fn|footnote|ref|cite)"
    # "**Sources**" over "1. SQLite documentation", "Sources: <sup>1</sup> GitHub Docs": the
    # numbers name real sources (an engine's source cards, "github.com · facebook/zstd · 2", do not).
    r"|^[^\w\n]*(?:sources|references|citations|footnotes)[^\w\n]*\n(?:[ \t]*\n)*[ \t]*1[.)][ \t]"
    r"|\b(?:sources|references)\s*:\s*(?:<sup>|\[1\])",
    re.MULTILINE | re.IGNORECASE,
)


class Mark(NamedTuple):
    start: int  # offsets in the line
    end: int
    numbered: bool  # a bare number (`[1]`, `<sup>2</sup>`, `³`): a citation only where many are


def citation_marks(source_line: str) -> Iterator[Mark]:
    """The citation markers in a source line, tags included. Each kind is looked for only
    where its opening character is: most lines have none."""
    bracket = "[" in source_line
    if bracket or "<sup" in source_line:
        for found in _NUMBERED_MARK.finditer(source_line):
            yield Mark(found.start(), found.end(), True)
    if not source_line.isascii() and _has_superscript(source_line):  # "doubled³": no exponent of a word
        for found in _SUPERSCRIPT_MARK.finditer(source_line):
            yield Mark(found.start(), found.end(), False)
    if ((bracket or "(" in source_line) and _names_a_source(source_line)) or "【" in source_line:
        for found in _SOURCE_MARK.finditer(source_line):
            yield Mark(found.start(), found.end(), False)
    if "[^" in source_line:
        for found in _FOOTNOTE_MARK.finditer(source_line):
            yield Mark(found.start(), found.end(), False)


def _names_a_source(text: str) -> bool:
    """Whether a line holds a word every `_SOURCE_MARK` but the answer page's token holds."""
    lowered = text.lower()
    return (
        "source" in lowered
        or "cite" in lowered
        or "citation" in lowered
        or "(ref" in lowered
        or "[ref" in lowered
    )


def _has_superscript(text: str) -> bool:
    return any(char in text for char in _SUPERSCRIPTS)


def footnote_label(mark: str) -> str | None:
    """The label of a Markdown footnote marker (`[^2]` -> "2"), None for other markers."""
    found = _FOOTNOTE_MARK.fullmatch(mark)
    return found.group(1) if found else None


def defined_footnotes(source: str) -> frozenset[str]:
    """The labels of the footnotes a Markdown source defines (`[^2]: ...`)."""
    if "[^" not in source:
        return frozenset()
    return frozenset(_FOOTNOTE_DEFINITION.findall(source))


def indexes(text: str) -> bool:
    """Whether a text indexes into arrays (`items[0]`), so that its `[1]` is code as well."""
    return "[0]" in text and _INDEXING.search(text) is not None


def keeps_references(source: str) -> bool:
    """Whether a page keeps a reference list of its own, which its numbers point into."""
    return _REFERENCE_LIST.search(source) is not None
