"""An outline left above the draft (S006): the plan a chat assistant writes before the post.

Its form: near the top, before any paragraph of the post itself, an optional "Outline"
heading ("**Structure**", "Blog Post Outline", or a list's head such as "Headings to
cover:"), then items, numbered in Roman numerals or letters or listed, some of them the
parts of a plan (`Hook:`, `Thesis:`, `Section 1:`, `Takeaway:`), then a marker that the
draft follows ("Draft:", "Full post", "**The post**", "Generated draft ↓"). A real outline
shown in a post about outlining comes after the post has begun, so it is never in that
position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from seolint.checks.draft_units import Unit
from seolint.registry.lazy_patterns import LazyRegex

_HEADING = LazyRegex(
    r"^\W*(?:(?:blog|post|article|proposed|suggested|content|seo|draft)\s+){0,2}(?:outline|structure|plan)\W*$",
    re.IGNORECASE,
)
_PLAN_PART = LazyRegex(
    r"^\W*(?:(?:[IVX]+\.|[A-Za-z][.)]|\d{1,2}[.)])\s*)?(?P<part>hook|thesis|key\s+(?:points?|ideas?|takeaways?)"
    r"|main\s+points?|supporting\s+points?|cta|call\s+to\s+action|angle|transition|takeaways?"
    r"|opening|intro(?:duction)?|conclusion|closing|outro|section\s+\d{1,2})\s*:",
    re.IGNORECASE,
)
_ROMAN = LazyRegex(r"^\W*(?:[IVX]{1,4})\.\s+\S")
_ENUMERATED = LazyRegex(r"^\W*(?:[IVX]{1,4}|[A-Z]|\d{1,2})[.)]\s+\S")
_MARKER = LazyRegex(
    r"^\W*(?:(?:here(?:'s|’s| is) )?the\s+)?(?:(?:full|complete|final|first|rough|generated)\s+)?"
    r"(?:draft|post|blog\s+post|article|text|version)(?:\s+(?:below|follows))?\W*$",
    re.IGNORECASE,
)
_MAX_ITEM_WORDS = 16  # an outline item is a phrase, not a paragraph
_MAX_PART_WORDS = 40  # a part of a plan ("Thesis: ...") may be a whole sentence
_HEAD_WORDS = 12  # a paragraph this long is the post itself: no outline comes after it
_LIST_HEAD_WORDS = 8  # "Headings to cover (from top 10 results):" heads a list
_MARKED_ITEMS = 3  # items enough for an outline that a draft marker closes


class Outline(NamedTuple):
    first: int  # lines of the whole block, heading and marker included
    last: int


def find_outline(units: Sequence[Unit], framing: set[int]) -> Outline | None:
    """The outline above the draft, if there is one; `framing` are the lines of the
    assistant's own sentences (they may precede the outline)."""
    start = None
    for index, unit in enumerate(units):
        if unit.line in framing:
            continue
        if _HEADING.match(unit.text) or _opens_outline(unit):
            start = index
            break
        if unit.kind != "heading" and len(unit.text.split()) >= _HEAD_WORDS:
            return None  # the post has begun
    if start is None:
        return None
    end, romans = start, 0
    parts: set[str] = set()
    for index in range(start, len(units)):
        unit = units[index]
        if index > start and _MARKER.match(unit.text):
            return _judged(units, start, index, parts, romans, marked=True)
        if index > start and unit.kind == "heading" and not _is_item(unit):
            break
        if index > start and not (_is_item(unit) or unit.line == units[index - 1].line):
            break
        if part := plan_part(unit.text):
            parts.add(part)
        romans += bool(_ROMAN.match(unit.text))
        end = index
    return _judged(units, start, end, parts, romans, marked=False)


def _opens_outline(unit: Unit) -> bool:
    """The first item: a part of a plan, a numbered or lettered item, or a list item."""
    if _is_part(unit) or (unit.text.rstrip().endswith(":") and len(unit.text.split()) <= _LIST_HEAD_WORDS):
        return True
    return len(unit.text.split()) <= _MAX_ITEM_WORDS and bool(
        _ENUMERATED.match(unit.text) or unit.kind == "list-item"
    )


def plan_part(text: str) -> str | None:
    """The part of a plan a line names ("Thesis: ..." -> "thesis", "Key points: ..." -> "key")."""
    found = _PLAN_PART.match(text)
    return found.group("part").lower().split()[0] if found else None


def _is_part(unit: Unit) -> bool:
    """A part of a plan, in whatever block it is written (a list item, a line, an HTML `<p>`)."""
    return len(unit.text.split()) <= _MAX_PART_WORDS and bool(_PLAN_PART.match(unit.text))


def _is_item(unit: Unit) -> bool:
    if _is_part(unit):
        return True
    words = len(unit.text.split())
    if words > _MAX_ITEM_WORDS:
        return False
    return bool(
        _ENUMERATED.match(unit.text)
        or unit.kind == "list-item"
        or (unit.kind == "paragraph" and not unit.text.rstrip().endswith((".", "!", "?")))
    )


def _judged(
    units: Sequence[Unit], start: int, end: int, parts: set[str], romans: int, marked: bool
) -> Outline | None:
    """An outline needs two parts of a plan (hook, thesis, key points, CTA) or three Roman
    numerals, and must end in a marker or an "Outline" heading must open it; or, between an
    "Outline" heading or a list's head and a draft marker, three items of any kind."""
    planned = len(parts) >= 2 or romans >= 3
    opened = bool(_HEADING.match(units[start].text))
    framed = marked and end - start > _MARKED_ITEMS
    if not framed and (not planned or not (marked or opened)):
        return None
    return Outline(units[start].line, units[end].line)
