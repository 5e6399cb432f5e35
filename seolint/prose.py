"""Readability measures of a Document's prose, computed once per document.

The R rules and the report's stats read the same Analysis. Prose is the Document's
blocks (never front matter, headings, code, inline code, comments or table cells) with
URLs, file paths and template directives removed. Sentences and words are counted here,
syllables by seolint.syllables, which gives textstat's counts from textstat's own data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from seolint.document import Block, Document, Span, count_words, strip_non_prose, words_of
from seolint.syllables import count as count_syllables

WORDS_PER_MINUTE = 230  # an adult's silent reading speed for non-fiction
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,500}\}\}|\{%[^%\n]{0,500}%\}")  # bounded: linear time
# A sentence ends at . ! ? (plus closing quotes or brackets) before a capital, digit or quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# What may stand between two words of a sentence in the source: markup, code, links, URLs.
# Longer constructs first: the match is taken greedily, without a regex's backtracking.
_SEPARATOR = re.compile(r"(?:\]\([^()]*\)|<[^<>]*>|`[^`\n]*`|https?://\S+|[\s*_~\[\]()>])+")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    block: int  # index into Analysis.blocks


@dataclass(frozen=True)
class Analysis:
    doc: Document
    blocks: tuple[Block, ...]  # prose blocks, text cleaned
    sentences: tuple[Sentence, ...]

    @cached_property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @cached_property
    def syllables(self) -> int:
        return sum(map(count_syllables, words_of(" ".join(s.text for s in self.sentences))))

    @property
    def reading_ease(self) -> float | None:
        """Flesch reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word."""
        if not self.words:
            return None
        return 206.835 - 1.015 * self.words / len(self.sentences) - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float | None:
        """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
        if not self.words:
            return None
        return 0.39 * self.words / len(self.sentences) + 11.8 * self.syllables / self.words - 15.59

    def locate(self, sentence: Sentence) -> Span:
        """The sentence's start in the source, found by its first words after its block starts."""
        block = self.blocks[sentence.block]
        first_words = words_of(sentence.text)[:4]
        source = self.doc.source
        start = self.doc.offset(block.span.line, block.span.column)
        later = [b.span for b in self.blocks[sentence.block + 1 :]]
        end = self.doc.offset(later[0].line, later[0].column) if later else len(source)
        for count in range(len(first_words), 0, -1):
            found = _find_words(source, first_words[:count], start, end)
            if found is not None:
                return self.doc.span_at(*found)
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
            gap = _SEPARATOR.match(source, cursor, end)
            if gap is None or not source.startswith(word, gap.end(), end):
                break
            cursor = gap.end() + len(word)
        else:
            return first, cursor
        first = source.find(words[0], first + 1, end)
    return None


_last: Analysis | None = None


def analyse(doc: Document) -> Analysis:
    """The Analysis of `doc`, memoised for the last document (rules run one file at a time)."""
    global _last
    if _last is None or _last.doc is not doc:
        blocks = tuple(
            Block(b.kind, text, b.span)
            for b in doc.blocks
            if b.kind != "table-cell" and (text := _TEMPLATE.sub(" ", strip_non_prose(b.text)).strip())
        )
        sentences = tuple(
            Sentence(text, words, index)
            for index, block in enumerate(blocks)
            for text in _SENTENCE_END.split(" ".join(block.text.split()))
            if (words := count_words(text))
        )
        _last = Analysis(doc, blocks, sentences)
    return _last


def stats(doc: Document) -> dict[str, float | int | None]:
    """Reading ease, grade and reading time for the report (scores None without prose)."""
    analysis = analyse(doc)
    ease, grade = analysis.reading_ease, analysis.grade
    return {
        "reading_ease": None if ease is None else round(ease, 1),
        "grade_level": None if grade is None else round(grade, 1),
        "reading_minutes": max(1, round(doc.word_count / WORDS_PER_MINUTE)) if doc.word_count else 0,
    }
