"""The markup a writing tool sets a note to the writer apart with: a `==highlighted==`
passage (Obsidian, Bear, iA Writer), and an HTML element whose class or id names an
editorial note (`<aside class="editor-note">`, `<div class="note-to-self">`,
`<p class="todo">`). The syntax is read here, with the front-ends; S008
(seolint.checks.marked_notes) decides which of them are notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# "==text==": opens on a non-space after "==", closes on a non-space before it, so that
# `a == b` and `x ==y` (comparisons) are not highlights.
_HIGHLIGHT = re.compile(r"(?<![=\w])==(?=[^\s=])([^=\n]{2,500}?)(?<=[^\s=])==(?![=\w])")
# A class or id word naming a note to the writer: a role with what it leaves
# ("editor-note", "author_comment", "reviewer-todo"), a note addressed to one
# ("note-to-self", "note-for-editor"), or a bare "todo"/"fixme"/"draft-note".
_NOTE_WORD = (
    r"(?:editor|editorial|author|writer|reviewer|review|internal|draft|ai|assistant|self)[-_]?"
    r"(?:notes?|comments?|todos?|remarks?|queries|query|suggestions?)"
    r"|notes?[-_](?:to|for)[-_](?:self|editor|writer|author|reviewer)"
    r"|todo|fixme"
)
# What a page must hold for `_NOTE_ELEMENT` to match in it.
_NOTE_SIGNS = ("note", "comment", "todo", "fixme", "remark", "quer", "suggestion")
_NOTE_ELEMENT = re.compile(
    rf"<(?P<name>aside|div|p|span|section|blockquote|mark|ins)\b[^<>]*?\s(?:class|id)\s*=\s*"
    rf"[\"'](?:[^\"'<>]*\s)?(?:{_NOTE_WORD})(?:\s[^\"'<>]*)?[\"'][^<>]*>",
    re.IGNORECASE,
)


def highlights(text: str) -> Iterator[tuple[int, int]]:
    """Where the `==highlighted==` passages of a line of text are (start, end offsets)."""
    if "==" not in text:
        return
    for found in _HIGHLIGHT.finditer(text):
        yield found.start(), found.end()


def note_elements(source: str) -> Iterator[tuple[int, int]]:
    """The source offsets (start of the opening tag, end of the closing one) of each element
    whose class or id names a note to the writer."""
    lowered = source.lower()
    if not any(word in lowered for word in _NOTE_SIGNS):
        return  # most pages: the element pattern is tried on every tag otherwise
    for found in _NOTE_ELEMENT.finditer(source):
        closing = re.compile(rf"</{found.group('name')}\s*>", re.IGNORECASE).search(source, found.end())
        yield found.start(), closing.end() if closing else found.end()
