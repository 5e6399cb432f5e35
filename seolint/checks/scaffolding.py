"""Scaffolding rules written in Python (S); the pattern ones are packs in rules/*.toml."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.document.lines import split_lines, uncommented
from seolint.document.model import Block, Document, Span
from seolint.document.views import without_templates
from seolint.findings.records import Fix, Problem, Severity
from seolint.registry.edits import remove_lines
from seolint.registry.excerpt import shorten
from seolint.registry.rule import NoOptions, rule

_HAS_WORD = re.compile(r"\w")


@rule("S004", "duplicate-line", Severity.WARNING)
def duplicate_line(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A line or paragraph repeats the one just before it.

    Why: copying a draft out of an editor or chat window often pastes the title or a
    button label twice ("close", "close"); readers see a glitch, search engines a
    duplicated snippet. Code, front matter, blank and punctuation-only lines are skipped.
    Example: the post title on two lines in a row -> keep one.
    Fix (safe): the repeat is deleted, with the blank lines between it and the first copy,
    when the two are typed exactly alike; lines that differ in markup (`# Title` above
    `Title`) get no fix, since which one to keep is the writer's call.
    """
    previous: tuple[int, str] | None = None  # the line before: number, text
    tables: set[int] | None = None  # lines of tables, whose rows repeat cell values by design
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
                    _drop_repeat(doc, previous[0], number, number),
                )
        previous = (number, text)
    yield from _repeated_paragraphs(doc)


def _prose(text: str) -> bool:
    """Whether a line holds prose: a word outside template actions (which repeat `{{end}}`)."""
    return _HAS_WORD.search(without_templates(text)) is not None


def _table_lines(doc: Document) -> set[int]:
    return {number for span in doc.tables for number in range(span.line, span.end_line + 1)}


def _repeated_paragraphs(doc: Document) -> Iterator[Problem]:
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
                _drop_repeat(doc, before.span.line, block.span.line, block.span.end_line),
            )


def _drop_repeat(doc: Document, original: int, first: int, last: int) -> Fix | None:
    """Delete lines first..last (and the blank lines before them) if they are typed exactly
    like the lines starting at `original`."""
    typed = [line.strip() for line in doc.lines[first - 1 : last]]
    if typed != [line.strip() for line in doc.lines[original - 1 : original - 1 + len(typed)]]:
        return None
    end_of_original = original + len(typed) - 1
    edit = remove_lines(doc, end_of_original + 1, last)
    return Fix((edit,), "safe", "Delete the repeated copy")


def _typed(lines: list[str], block: Block) -> str:
    """The block's lines as typed (`lines`: comments blanked), one space for each run of blanks."""
    return " ".join(" ".join(lines[block.span.line - 1 : block.span.end_line]).split())


def _only_blank_between(doc: Document, first: int, last: int) -> bool:
    return all(not doc.lines[index].strip() for index in range(first, last - 1))
