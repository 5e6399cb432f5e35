"""The headings and lines of a draft that carry an outline marker (`H2: Setup`, `[H3] Setup`,
`Setup (H2)`; the grammar is seolint.document.level_markers), judged with the rest of the draft.

A marker with a separator or brackets is one wherever it is. A weaker form counts only when
the draft's other lines carry markers too: a bare token (`H2 database internals` is a real
heading; `H2 why bother` next to `H3 the fix` is not), a numbered section (`Section 3:`, two
of them at least) and a token after the words (`Why it matters — H3`, or at the level of its
own heading). None counts when the post's prose names the tokens itself ("use one H1 per
page", "as Section 2 showed", the H2 database): then the headings that carry them are the
post's, unless every heading of the draft carries one.
"""

from __future__ import annotations

import re
from functools import cache

from seolint.checks.leftover_lexicon import language_words
from seolint.discover.records import NamedTuple
from seolint.document.level_markers import (
    Marker,
    leading_marker,
    named_key,
    named_marker,
    trailing_marker,
    weak_markers_hold,
)
from seolint.document.model import Block, Document, Heading

_TITLE_WORDS = 12  # a line standing as a heading is a title's length
# A heading level or a counted section named in the prose: "an H2", "H3s", "Section 2".
_LEVEL_WORD = re.compile(r"\b(?:h[1-6]s?|heading (?:level )?[1-6])\b", re.IGNORECASE)
_SECTION_WORD = re.compile(r"\bsection \d{1,2}\b", re.IGNORECASE)
_NAMED = 2  # mentions in prose that make the tokens the post's own words
_WHOLE_OUTLINE = 3  # marked headings enough, with no unmarked one, to be a draft's outline


def _leading(text: str) -> Marker | None:
    """The marker that starts `text`, as a token ("H2: Setup") or in words ("Titre H2 : Setup")."""
    found = leading_marker(text)
    if found is not None and found.definite:
        return found
    return named_marker(text, _in_words()) or found


@cache
def _in_words() -> frozenset[str]:
    """The phrases of markers in the words of other languages (leftover_languages.toml)."""
    return frozenset(named_key(phrase) for phrase in language_words().heading_markers)


class Marked(NamedTuple):
    """A line with an outline marker: a heading's, or a paragraph's first line."""

    line: int
    marker: Marker | None  # None: the front-end read a marker line and made it this heading
    heading: Heading | None
    block: Block | None

    @property
    def definite(self) -> bool:
        return self.marker is None or self.marker.definite

    @property
    def form(self) -> str:
        return self.marker.form if self.marker is not None else "leading"

    @property
    def family(self) -> str:
        """What the marker names: a counted section, or a heading level."""
        return "sections" if self.form == "section" else "levels"


def marked_lines(doc: Document) -> tuple[Marked, ...]:
    """The lines of `doc` that carry an outline marker (computed once per document)."""
    return doc.views.derived(_marked_lines)


def _marked_lines(doc: Document) -> tuple[Marked, ...]:
    found = [*_in_headings(doc), *_in_paragraphs(doc)]
    if not found:
        return ()
    named = _named_in_prose(doc, found)
    found = [m for m in found if m.family not in named]
    definite = sum(m.definite for m in found)
    return tuple(m for m in found if m.definite or _corroborated(m, found, definite))


def _in_headings(doc: Document) -> list[Marked]:
    found = []
    for heading in doc.headings:
        if heading.source == "marker":
            found.append(Marked(heading.span.line, None, heading, None))
        elif marker := _leading(heading.text) or trailing_marker(heading.text):
            found.append(Marked(heading.span.line, marker, heading, None))
    return found


def _in_paragraphs(doc: Document) -> list[Marked]:
    """Paragraphs that start with a marker, and those of one line that stand as a heading
    (a title's length, no sentence's end) with a weaker form at their start or end."""
    found = []
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        first = block.text.partition("\n")[0]
        marker = _leading(first)
        if marker is None or not marker.definite:
            if not _standing(block.text):
                continue
            marker = marker or trailing_marker(first)
        if marker is not None:
            found.append(Marked(block.span.line, marker, None, block))
    return found


def _standing(text: str) -> bool:
    """A line that could stand as a heading: one line, a title's length, no sentence's end."""
    return (
        "\n" not in text
        and not text.rstrip().endswith((".", "!", ";", ",", "?"))
        and len(text.split()) <= _TITLE_WORDS
    )


def _corroborated(marked: Marked, found: list[Marked], definite: int) -> bool:
    """Whether a weak form is a marker, by the draft's other markers; a token after the
    words is one too when it names its own heading's level (`## Why it matters — H2`)."""
    assert marked.marker is not None  # only a marker found in text is weak
    same = [m.marker for m in found if m.marker is not None and m.form == marked.form]
    own_level = marked.heading is not None and marked.heading.level == marked.marker.level
    if marked.form == "trailing-token" and own_level:
        return True
    return weak_markers_hold(marked.marker.form, definite, same)


def _named_in_prose(doc: Document, found: list[Marked]) -> set[str]:
    """The families of markers the post's prose names itself, so that a heading naming
    them may be the post's own: levels in a post about heading levels (or the H2 database),
    sections in one that refers to its "Section 2"; levels not when every heading of the
    draft carries a marker."""
    blocks = {m.line for m in found if m.block is not None}
    prose = [p.text for p in doc.views.blocks if p.block.span.line not in blocks]
    families = {m.family for m in found}
    named = {
        family
        for family, words in (("sections", _SECTION_WORD), ("levels", _LEVEL_WORD))
        if family in families and _mentions(prose, words) >= _NAMED
    }
    headings = {m.line for m in found if m.heading is not None}
    if len(found) >= _WHOLE_OUTLINE and all(h.span.line in headings for h in doc.headings[1:]):
        named.discard("levels")
    return named


def _mentions(prose: list[str], words: re.Pattern[str]) -> int:
    """How many times `words` occur in `prose` (counted up to `_NAMED`)."""
    count = 0
    for text in prose:
        count += len(words.findall(text))
        if count >= _NAMED:
            break
    return count
