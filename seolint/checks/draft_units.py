"""A draft read line by line, as the leftover rules read it: each heading, and each line of
each paragraph, list item or quote, with its markup gone and the source line it is on.

Leftovers are lines (a `Slug:` line, an outline item, a lone `close`), often several inside
one Markdown paragraph, so a block's text is split at its line breaks and each piece is
placed on its own source line. Format-neutral: headings and blocks come from the front-end,
whatever the format was.
"""

from __future__ import annotations

import re
from typing import Literal

from seolint.discover.records import NamedTuple
from seolint.document.model import Document

UnitKind = Literal["heading", "paragraph", "list-item", "quote"]
_FIRST_WORDS = 3


class Unit(NamedTuple):
    line: int  # 1-based source line
    text: str  # the text on it, without markup
    kind: UnitKind
    block: int | None  # index into doc.blocks; None for a heading
    first: bool  # the first line of its block (always, for a heading)
    level: int = 0  # a heading's level
    marker: bool = False  # a heading written as an outline marker ("H2: Setup")
    prose: bool = False  # its block is the post's own text (see `is_prose_line`)


def units(doc: Document) -> tuple[Unit, ...]:
    """Every heading and block line of `doc`, in source order (computed once per document)."""
    return doc.views.derived(_units)


def _units(doc: Document) -> tuple[Unit, ...]:
    found = [
        Unit(h.span.line, h.text, "heading", None, True, h.level, h.source == "marker") for h in doc.headings
    ]
    for index, block in enumerate(doc.blocks):
        if block.kind == "table-cell":
            continue
        pieces = block.text.split("\n")
        lines = _lines_of(doc, block.span.line, block.span.end_line, pieces)
        prose = _prose_lines(pieces)
        found += [
            Unit(line, piece.strip(), block.kind, index, number == 0, prose=prose[number])
            for number, (line, piece) in enumerate(zip(lines, pieces, strict=True))
            if piece.strip()
        ]
    return tuple(sorted(found, key=lambda unit: (unit.line, unit.kind != "heading")))


def _lines_of(doc: Document, first: int, last: int, pieces: list[str]) -> list[int]:
    """The source line of each text line of a block: one per line when they add up (Markdown),
    else where each one's first words are found, searching forward (HTML spans only a tag)."""
    if last - first + 1 == len(pieces):
        return [first + offset for offset in range(len(pieces))]
    lines, at = [], first
    for piece in pieces:
        words = re.findall(r"[\w'’]+", piece)[:_FIRST_WORDS]
        pattern = re.compile(r"[^\w\n]{1,40}".join(map(re.escape, words))) if words else None
        for number in range(at, min(len(doc.lines), max(last, at + 50)) + 1):
            if pattern is None or pattern.search(doc.lines[number - 1]):
                at = number
                break
        lines.append(at)
    return lines


_SENTENCE_WORDS = 8  # a sentence this long is the post's own text
# A row of cells ("Editor export · CSP guide · exported 2026-12-02"), which no sentence is.
_ROW_CELLS = re.compile(r"\s[·•|]\s")
_ROW = 2
_LONG_LINE_WORDS = 12
# Kana and Han, whose words no space parts: two of them count as a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """The words of `text`, two letters of Chinese or Japanese counting as one."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def _prose_lines(pieces: list[str]) -> list[bool]:
    """Which lines of a block are the post's own text: a long line not in title case nor a
    row of cells, a sentence of some length, a line that runs on to the next (which goes on in lower case) and
    the lines that continue one. A title, a byline, a label, a lone `close` or a "Related"
    question is not."""
    found: list[bool] = []
    for number, piece in enumerate(pieces):
        text = piece.strip()
        words = word_count(text)
        following = pieces[number + 1].strip() if number + 1 < len(pieces) else ""
        runs_on = bool(following[:1].islower())
        continued = bool(text[:1].islower()) and number > 0 and found[-1]
        found.append(  # the sentence first: most lines are one, and a title test reads every word
            (words >= _SENTENCE_WORDS and (text[-1:] in ".!:。！：" or runs_on))
            or continued
            or (words >= _LONG_LINE_WORDS and not title_cased(text) and len(_ROW_CELLS.findall(text)) < _ROW)
        )
    return found


_TITLE_SHARE = 0.75  # of a line's longer words capitalised: a title, however long


def title_cased(text: str) -> bool:
    """Whether a line is written in title case ("Redis Eviction Policies Explained: Keep Your
    Cache Fast"), as a page's title is and a sentence is not."""
    longer = [word for word in text.split() if len(word) > 3 and word[:1].isalpha()]
    return bool(longer) and sum(word[0].isupper() for word in longer) >= _TITLE_SHARE * len(longer)


def is_prose_line(unit: Unit) -> bool:
    """Whether a line belongs to the post's own text (see `_prose_lines`), not a heading."""
    return unit.kind != "heading" and unit.prose
