"""Whether a draft may hold a leftover form at all, asked before the form reads it line by line.

A published post holds no leftover, yet every form read every one of its lines: the leftover
anatomy was two fifths of a corpus run. So a form whose every finding needs a match of one
of its patterns first asks whether the document's texts may hold one (`may_hold`): each
pattern's RE2 screen (seolint.registry.lazy_patterns) searches all the texts joined, one
linear pass a document, and says "no" only when no text can match. The question names the
form's own patterns, so a pattern it gains is asked about too, and it is asked of the texts
the form reads: its draft units (`unit_texts`) or its source lines (`source_lines`). A one-post
check screens nothing, as for
S007 (seolint.registry.screening).
"""

from __future__ import annotations

import re

from seolint.checks.draft_units import units
from seolint.document.model import Document
from seolint.registry.lazy_patterns import DocumentScreen, LazyRegex, NoScreen, screened_together
from seolint.registry.screening import SCREENING


def unit_texts(doc: Document) -> DocumentScreen:
    """The screen of the texts of the document's draft units (seolint.checks.draft_units)."""
    return doc.views.derived(_unit_texts)


def source_lines(doc: Document) -> DocumentScreen:
    """The screen of the document's source lines, as written (tags and attributes kept)."""
    return doc.views.derived(_source_lines)


def may_hold(screen: DocumentScreen, *patterns: re.Pattern[str] | LazyRegex) -> bool:
    """Whether one of the screened texts may hold a match of one of `patterns` (one pass)."""
    return screen.may_hold(screened_together(patterns))


def may_contain(screen: DocumentScreen, *phrases: str) -> bool:
    """Whether one of the screened texts may hold one of `phrases` (ASCII, lower case) once
    lower-cased."""
    return any(screen.may_contain(phrase) for phrase in phrases)


def _unit_texts(doc: Document) -> DocumentScreen:
    if not SCREENING.pays():
        return NoScreen()
    return DocumentScreen([unit.text for unit in units(doc)])


def _source_lines(doc: Document) -> DocumentScreen:
    if not SCREENING.pays():
        return NoScreen()
    return DocumentScreen(doc.lines)
