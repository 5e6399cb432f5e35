"""Readability measures of a Document's prose: Flesch scores, reading time, sentence spans.

The R rules and the report's stats read the same views (seolint.document.views, which defines
what prose is and counts its sentences and words); syllables come from
seolint.document.syllables, which gives textstat's counts from textstat's own data.
"""

from __future__ import annotations

import re

from seolint.document.model import Document, Span
from seolint.document.views import Sentence, Views, words_of

WORDS_PER_MINUTE = 230  # an adult's silent reading speed for non-fiction
# What may stand between two words of a sentence in the source: markup, code, links, URLs.
# Longer constructs first: the match is taken greedily, without a regex's backtracking.
_SEPARATOR = re.compile(r"(?:\]\([^()]*\)|<[^<>]*>|`[^`\n]*`|https?://\S+|[\s*_~\[\]()>])+")
# No gap between two words is longer (a long URL in a link is a few hundred characters): a
# match that could run on through `](u)` x 100,000 is cut here, or each word would rescan it.
_MAX_GAP = 4096


def reading_ease(views: Views) -> float | None:
    """Flesch reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word."""
    if not views.words:
        return None
    return 206.835 - 1.015 * views.words / len(views.sentences) - 84.6 * views.syllables / views.words


def grade(views: Views) -> float | None:
    """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    if not views.words:
        return None
    return 0.39 * views.words / len(views.sentences) + 11.8 * views.syllables / views.words - 15.59


def locate(views: Views, sentence: Sentence) -> Span:
    """The sentence's start in the source, found by its first words after its block starts."""
    doc, blocks = views.doc, views.blocks
    block = blocks[sentence.block].block
    first_words = words_of(sentence.text)[:4]
    source = doc.source
    start = doc.offset(block.span.line, block.span.column)
    later = blocks[sentence.block + 1].block.span if sentence.block + 1 < len(blocks) else None
    end = doc.offset(later.line, later.column) if later else len(source)
    for count in range(len(first_words), 0, -1):
        found = _find_words(source, first_words[:count], start, end)
        if found is not None:
            return doc.span_at(*found)
    return block.span


def _find_words(source: str, words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The first run of `words` in source[start:end] with only markup, code or URLs between them.

    str.find and one precompiled separator pattern: a regex built per sentence cost a
    compile each time (a second per 300 posts).
    """
    first = source.find(words[0], start, end)
    while first >= 0:
        cursor = first + len(words[0])
        for word in words[1:]:
            gap = _SEPARATOR.match(source, cursor, min(end, cursor + _MAX_GAP))
            if gap is None or not source.startswith(word, gap.end(), end):
                break
            cursor = gap.end() + len(word)
        else:
            return first, cursor
        first = source.find(words[0], first + 1, end)
    return None


def stats(doc: Document) -> dict[str, float | int | None]:
    """Reading ease, grade and reading time for the report (scores None without prose)."""
    views = doc.views
    ease, level = reading_ease(views), grade(views)
    return {
        "reading_ease": None if ease is None else round(ease, 1),
        "grade_level": None if level is None else round(level, 1),
        "reading_minutes": max(1, round(views.words / WORDS_PER_MINUTE)) if views.words else 0,
    }
