"""Readability measures of a Document's prose: Flesch scores, reading time, sentence spans.

The R rules and the report's stats read the same views (seolint.document.views, which defines
what prose is and counts its sentences and words); syllables come from
seolint.document.syllables, which gives textstat's counts from textstat's own data.
"""

from __future__ import annotations

import re

from seolint.document.language import DEFAULT_LANGUAGE
from seolint.document.model import Document, Span
from seolint.document.views import Sentence, Views, words_of

WORDS_PER_MINUTE = 230  # an adult's silent reading speed for non-fiction
# What may stand between two words of a sentence in the source: markup, code, links, URLs.
# Longer constructs first: the match is taken greedily, without a regex's backtracking.
_SEPARATOR = re.compile(r"(?:\]\([^()]*\)|<[^<>]*>|`[^`\n]*`|https?://\S+|[\s*_~\[\]()>])+")
# No gap between two words is longer (a long URL in a link is a few hundred characters): a
# match that could run on through `](u)` x 100,000 is cut here, or each word would rescan it.
_MAX_GAP = 4096


# The reading-ease formula textstat uses for each language: Flesch's with the language's
# constants (textstat's LANG_CONFIGS: base, per word per sentence, per syllable per word),
# by the name it is published under. tests/test_readability.py checks them against textstat.
READING_EASE: dict[str, tuple[str, float, float, float]] = {
    "en": ("Flesch reading ease", 206.835, 1.015, 84.6),
    "de": ("Flesch-Amstad", 180.0, 1.0, 58.5),
    "es": ("Fernández-Huerta", 206.84, 1.02, 60.0),
    "fr": ("Kandel-Moles", 207.0, 1.015, 73.6),
    "it": ("Flesch-Vacca", 217.0, 1.3, 60.0),
    "nl": ("Flesch-Douma", 206.835, 0.93, 77.0),
    "ru": ("Flesch-Oborneva", 206.835, 1.3, 60.1),
    "hu": ("Flesch (textstat's Hungarian constants)", 206.835, 1.015, 58.5),
}
# A grade (school years) exists in textstat for English (Flesch-Kincaid) and German (the
# first Wiener Sachtextformel, for prose): R002 runs on those two only.
GRADE: dict[str, str] = {"en": "Flesch-Kincaid grade", "de": "Wiener Sachtextformel"}
_LETTERS = re.compile(r"[^\w]")


def reading_ease(views: Views, language: str = "en") -> float | None:
    """The language's reading ease (READING_EASE): base - a * words/sentence - b * syllables/word;
    None without prose or without a formula for the language."""
    if not views.words or language not in READING_EASE:
        return None
    _, base, per_sentence, per_syllable = READING_EASE[language]
    syllables = views.syllables if language == "en" else sum(views.syllable_counts(language))
    return base - per_sentence * views.words / len(views.sentences) - per_syllable * syllables / views.words


def grade(views: Views, language: str = "en") -> float | None:
    """English: Flesch-Kincaid, 0.39 words/sentence + 11.8 syllables/word - 15.59. German:
    Wiener Sachtextformel 1, 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875 (percent
    of words with 3+ syllables, words per sentence, percent of words over 6 letters, percent
    of one-syllable words). None without prose or without a formula for the language."""
    if not views.words or language not in GRADE:
        return None
    per_sentence = views.words / len(views.sentences)
    if language == "en":
        return 0.39 * per_sentence + 11.8 * views.syllables / views.words - 15.59
    counts = views.syllable_counts(language)
    share = 100 / views.words
    many = share * sum(1 for c in counts if c >= 3)
    one = share * sum(1 for c in counts if c == 1)
    long = share * sum(1 for word in views.word_list if len(_LETTERS.sub("", word)) > 6)
    return 0.1935 * many + 0.1672 * per_sentence + 0.1297 * long - 0.0327 * one - 0.875


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
    """Reading ease, grade and reading time for the report (scores None without prose, or
    without a formula for the page's language)."""
    views = doc.views
    language = doc.page.language or DEFAULT_LANGUAGE
    ease, level = reading_ease(views, language), grade(views, language)
    return {
        "reading_ease": None if ease is None else round(ease, 1),
        "grade_level": None if level is None else round(level, 1),
        "reading_minutes": max(1, round(views.words / WORDS_PER_MINUTE)) if views.words else 0,
    }
