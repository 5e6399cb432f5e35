"""Scaffolding rules written in Python (S); the pattern ones are packs in rules/*.toml."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property

from seolint.document.lines import split_lines, uncommented
from seolint.document.model import Block, Document, Span
from seolint.document.views import without_templates
from seolint.findings.records import Fix, Problem, Severity
from seolint.registry.edits import remove_lines
from seolint.registry.excerpt import shorten
from seolint.registry.rule import NoOptions, rule

_HAS_WORD = re.compile(r"\w")
# Paragraphs that are not prose although Markdown reads them as paragraphs: `$$` math and
# shortcode bodies (`{{< highlight >}}` outside a detected site), where a repeat may be meant.
_NOT_PROSE_PARAGRAPH = re.compile(r"^(?:\$\$|\{\{|\{%)")
# A line ending in a hard break (two spaces, a backslash): verse, an address, lyrics.
_HARD_BREAK = re.compile(r"(?:(?<! ) {2,}|\\)$")


@rule("S004", "duplicate-line", Severity.WARNING)
def duplicate_line(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A line or paragraph repeats the one just before it.

    Why: copying a draft out of an editor or chat window often pastes the title or a
    button label twice ("close", "close"); readers see a glitch, search engines a
    duplicated snippet. Code, front matter, blank and punctuation-only lines are skipped.
    Example: the post title on two lines in a row -> keep one.
    Fix: the repeat is deleted, with the blank lines between it and the first copy, when the
    two are typed exactly alike; lines that differ in markup (`# Title` above `Title`) get no
    fix, since which one to keep is the writer's call. The fix is safe only in prose
    paragraphs; a repeat in math, an HTML block, a quote, a list, a line ending in a hard
    break or a shortcode body may be meant, so there it is unsafe.
    """
    previous: tuple[int, str] | None = None  # the line before: number, text
    tables: set[int] | None = None  # lines of tables, whose rows repeat cell values by design
    prose = _ProseParagraphs(doc)
    for number, typed in doc.views.typed_lines.items():  # compare what was typed, URLs included
        text = " ".join(typed.text.split())
        if (
            previous is not None
            and previous[1] == text
            and _prose(text)
            and _only_blank_between(doc, previous[0], number)
        ):
            tables = _table_lines(doc) if tables is None else tables
            if not {previous[0], number} & tables:
                yield Problem(
                    Span(number, typed.column, number, typed.column + len(typed.text)),
                    f"{shorten(text, 60)!r} repeats the line above",
                    _drop_repeat(doc, previous[0], number, number, prose),
                )
        previous = (number, text)
    yield from _repeated_paragraphs(doc, prose)


def _prose(text: str) -> bool:
    """Whether a line holds prose: a word outside template actions (which repeat `{{end}}`)."""
    return _HAS_WORD.search(without_templates(text)) is not None


def _table_lines(doc: Document) -> set[int]:
    return {number for span in doc.tables for number in range(span.line, span.end_line + 1)}


def _repeated_paragraphs(doc: Document, prose: _ProseParagraphs) -> Iterator[Problem]:
    """Multi-line paragraphs pasted twice (single lines are caught line by line)."""
    pairs = [
        (before, block)
        for before, block in zip(doc.blocks, doc.blocks[1:], strict=False)
        if block.span.end_line > block.span.line and _HAS_WORD.search(block.text)
    ]
    typed = split_lines(uncommented(doc)) if pairs else []
    for before, block in pairs:
        if _typed(typed, block) == _typed(typed, before) and _only_blank_between(
            doc, before.span.end_line, block.span.line
        ):
            yield Problem(
                block.span,
                "this paragraph repeats the one above",
                _drop_repeat(doc, before.span.line, block.span.line, block.span.end_line, prose),
            )


def _drop_repeat(doc: Document, original: int, first: int, last: int, prose: _ProseParagraphs) -> Fix | None:
    """Delete lines first..last (and the blank lines before them) if they are typed exactly
    like the lines starting at `original`: safe when both copies are prose."""
    typed = [line.strip() for line in doc.lines[first - 1 : last]]
    if typed != [line.strip() for line in doc.lines[original - 1 : original - 1 + len(typed)]]:
        return None
    end_of_original = original + len(typed) - 1
    edit = remove_lines(doc, end_of_original + 1, last)
    safe = prose.holds(original, end_of_original) and prose.holds(first, last)
    return Fix((edit,), "safe" if safe else "unsafe", "Delete the repeated copy")


class _ProseParagraphs:
    """Which lines lie in prose paragraphs, found by bisecting the paragraphs' first lines."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def _paragraphs(self) -> list[Block]:
        return [
            b for b in self.doc.blocks if b.kind == "paragraph" and not _NOT_PROSE_PARAGRAPH.match(b.text)
        ]

    @cached_property
    def _starts(self) -> list[int]:
        return [b.span.line for b in self._paragraphs]

    def holds(self, first: int, last: int) -> bool:
        """Whether lines first..last lie in one prose paragraph, none ending in a hard break."""
        index = bisect_right(self._starts, first) - 1
        if index < 0 or self._paragraphs[index].span.end_line < last:
            return False
        return not any(_HARD_BREAK.search(line) for line in self.doc.lines[first - 1 : last])


def _typed(lines: list[str], block: Block) -> str:
    """The block's lines as typed (`lines`: comments blanked), one space for each run of blanks."""
    return " ".join(" ".join(lines[block.span.line - 1 : block.span.end_line]).split())


def _only_blank_between(doc: Document, first: int, last: int) -> bool:
    return all(not doc.lines[index].strip() for index in range(first, last - 1))
