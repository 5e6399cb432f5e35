"""Where the leftover rules' findings go: a sentence or a line of a prose block, found in the
source the writer typed (a block's text has lost its markup, so it is found word by word)."""

from __future__ import annotations

import re

from seolint.document.model import Document, Span

_WORDS_LOCATED = 4  # enough words to find a sentence's start in its block


def block_bounds(doc: Document, index: int) -> tuple[int, int]:
    """First and last source line of prose block `index`: HTML front-ends span only a
    block's start tag, so it runs to the line before the next block (at most 50 lines)."""
    blocks = doc.views.blocks
    block = blocks[index].block
    following = blocks[index + 1].block.span.line - 1 if index + 1 < len(blocks) else len(doc.lines)
    last = max(block.span.end_line, min(following, block.span.line + 50))
    return block.span.line, min(last, len(doc.lines))


def locate_sentence(doc: Document, index: int, sentence: str) -> Span:
    """The span from a sentence's first word to the end of that source line (the block's
    start when its words cannot be found as typed)."""
    first, last = block_bounds(doc, index)
    words = re.findall(r"[\w'’]+", sentence)[:_WORDS_LOCATED]
    if words:
        pattern = re.compile(r"[^\w\n]{1,40}".join(re.escape(word) for word in words))
        for number in range(first, last + 1):
            found = pattern.search(doc.lines[number - 1])
            if found is not None:
                return Span(number, found.start() + 1, number, len(doc.lines[number - 1].rstrip()) + 1)
    block = doc.views.blocks[index].block
    return Span(block.span.line, block.span.column, block.span.line, block.span.column)


def sentence_end_line(doc: Document, index: int, sentence: str, start: int) -> int:
    """The source line a sentence of prose block `index` ends on, from the line it starts
    on: a sentence a text file runs over two lines ("Keywords: ...\nAI disclaimer: ...")."""
    _, last = block_bounds(doc, index)
    words = re.findall(r"[\w'’]+", sentence)[-_WORDS_LOCATED:]
    if not words or start >= last:
        return start
    pattern = re.compile(r"[^\w\n]{1,40}".join(re.escape(word) for word in words))
    for number in range(start, last + 1):
        if pattern.search(doc.lines[number - 1]):
            return number
    return start
