"""Notes to the writer known by where they stand and how they are marked (part of S008),
not by their words: a passage highlighted on a line of its own (`==Check this with ops==`),
an HTML element whose class names an editorial note (`<aside class="editor-note">`), a
bracket or parenthesis opened by a role and a colon (`[AI suggestion: ...]`, `(Reviewer:
...)`, `[Note to self: ...]`), a line opened by a note from someone (`>> Suggestion from the
writing assistant: ...`); and the stand-ins a draft leaves where an image or address goes
(`![chart](path/to/chart.png)`, a bare `https://example.com/your-...`).

A role is who works on a draft (editor, writer, reviewer, an assistant, the writer's self),
never the reader: `(Note: ...)`, `(Tip: ...)`, `(Update: ...)`, `(Source: ...)` and an
"Editor's note:" are the post's own, and so is a class that only says `note`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.document.model import Document, Span
from seolint.document.placeholders import is_placeholder_source, is_placeholder_target
from seolint.parse.note_markup import highlights, note_elements
from seolint.registry.lazy_patterns import LazyRegex

# Who works on a draft, in the words a note names them by.
_ROLE = (
    r"(?:copy[- ]?|line[- ]|managing[- ])?editors?|writers?|authors?|reviewers?|proof-?readers?"
    r"|fact[- ]?checkers?"
    r"|self|me|ai|(?:writing|ai)\s+(?:assistant|tool)|assistant|chatgpt|claude|gemini|copilot|bot|sme|legal"
)
# What a note of theirs is called.
_KIND = r"(?:notes?|suggestions?|comments?|questions?|quer(?:y|ies)|todo|reminder|feedback|remarks?|edits?)"
# "[Editor: ...]", "(Reviewer: ...)", "[AI suggestion: ...]", "[Note to self: ...]",
# "(Question for the editor: ...)", "[Comment from Sam's review: ...]"; not "Editor's note:".
# Who, with a name or two before the role: "the Jasper writing tool", "our copy editor".
_WHO = rf"(?:the\s+|my\s+|our\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_ROLE})"
_HEAD = rf"(?:{_WHO}(?:\s+{_KIND})?|{_KIND}\s+(?:to|for|from)\s+{_WHO})"
# After the head, a colon or a dash: "(Editor — can we ...)".
_SEPARATOR = r"\s*(?::|\s[—–-])\s*"
_ROLE_BRACKET = LazyRegex(
    rf"(?<![\]\w])\[\s*{_HEAD}{_SEPARATOR}[^\[\]\n]{{3,400}}\](?![(\[:])"
    rf"|(?<![\w\]])\(\s*{_HEAD}{_SEPARATOR}[^()\n]{{3,400}}\)",
    re.IGNORECASE,
)
# A line opened by a note from someone: ">> Suggestion from the writing assistant: ...".
_FROM_LINE = LazyRegex(rf"^[\W_]*{_KIND}\s+(?:from|by)\s+{_WHO}{_SEPARATOR}\S", re.IGNORECASE)
# An address with a part still to fill in: "your", "my-", question marks or blanks.
_FILL_IN = LazyRegex(r"(?i:your|my[-_])|[?_]{2,}")
_BARE_URL = LazyRegex(r"(?<![(\"'=<\w])https?://[^\s<>()\"']+")


def marked_notes(doc: Document) -> Iterator[tuple[Span, str, bool]]:
    """Each note found by its marking: its span, what it is, and whether it is all of its lines."""
    linked = {link.href for link in doc.links}
    addressed = "://" in doc.source
    for line in doc.views.lines.values():
        text = line.text
        for start, end in highlights(text):
            whole = not text[:start].strip() and not text[end:].strip(" .")
            if whole:
                yield _span(line.number, line.column, start, end), "a highlighted note to the writer", True
        separated = ":" in text or "—" in text or "–" in text or " - " in text
        if separated and ("[" in text or "(" in text):
            for found in _ROLE_BRACKET.finditer(text):
                whole = not text[: found.start()].strip() and not text[found.end() :].strip(" .")
                yield _span(line.number, line.column, *found.span()), "a note to the writer", whole
        if separated and _FROM_LINE.match(text):
            yield _span(line.number, line.column, 0, len(text)), "a note to the writer", True
        if addressed:
            yield from _bare_addresses(doc, line.number, linked)
    for image in doc.images:
        if is_placeholder_source(image.src):
            yield image.span, "an image still to make", False
    if "<" in doc.source:
        for start, end in note_elements(doc.source):
            yield doc.span_at(start, end), "a note to the writer in its own element", True


def _bare_addresses(doc: Document, number: int, linked: set[str | None]) -> Iterator[tuple[Span, str, bool]]:
    """A bare address in the text that is not one yet (`https://example.com/your-...`); one
    that is a link's target is L001's."""
    typed = doc.views.typed_lines.get(number)
    if typed is None or "//" not in typed.text:
        return
    for url in _BARE_URL.finditer(typed.text):
        address = url.group().rstrip(".,;:!?")
        if address not in linked and _FILL_IN.search(address) and is_placeholder_target(address):
            span = _span(number, typed.column, url.start(), url.start() + len(address))
            yield span, "an address still to fill in", False


def _span(number: int, column: int, start: int, end: int) -> Span:
    return Span(number, column + start, number, column + end)
