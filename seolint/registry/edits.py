"""Edits a rule can propose, built against a Document's source (fixes are data: seolint.findings.records).

Rules say *what* to remove or replace; these helpers work out the exact character range,
so every fix keeps the draft's line endings, its blank-line rhythm and whether it ends
with a line break. A helper returns None when the right text is not certain (markup
that would be cut in half, a sentence that starts on an earlier line): then the rule
reports the problem without a fix.
"""

from __future__ import annotations

import bisect
import re

from seolint.document.model import Block, Document, Span
from seolint.findings.records import Edit, Fix

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)\b[^<>]*?(/?)>")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_SENTENCE_GAP = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+")
_PAIRS = (("[", "]"), ("(", ")"), ("<", ">"))


def content_end(doc: Document, line: int) -> int:
    """Offset just after the last character of `line`, before its line break."""
    return doc.offset(line) + len(doc.lines[line - 1])


def remove_lines(doc: Document, first: int, last: int) -> Edit:
    """Delete lines first..last with their line breaks; the text keeps (or keeps lacking)
    its final line break."""
    start = doc.offset(first)
    if last < len(doc.lines):
        return Edit(start, doc.offset(last + 1), "")
    if first == 1 or doc.source.endswith(("\n", "\r")):
        return Edit(start, len(doc.source), "")
    return Edit(content_end(doc, first - 1), len(doc.source), "")


def remove_section(doc: Document, first: int, last: int) -> Edit:
    """Delete lines first..last as a unit of their own: the blank lines that set it apart
    go with it, so the paragraphs around it stay separated by the same blank lines."""
    count = len(doc.lines)
    if first == 1 or _blank(doc, first - 1):
        while last < count and _blank(doc, last + 1):
            last += 1
    if last == count:  # nothing follows: the blank lines before it go too
        while first > 1 and _blank(doc, first - 1):
            first -= 1
    return remove_lines(doc, first, last)


def _blank(doc: Document, line: int) -> bool:
    return not doc.lines[line - 1].strip()


def removable(text: str) -> bool:
    """Whether deleting `text` whole leaves the markup around it intact: no comment
    (it may be a suppression), no code span, and every tag it opens it also closes."""
    if "<!--" in text or "-->" in text or "`" in text:
        return False
    opened: list[str] = []
    for closing, name, self_closing in _TAG.findall(text):
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        if not closing:
            opened.append(name)
        elif not opened or opened.pop() != name:
            return False
    return not opened


def remove_sentence(doc: Document, span: Span, block: Block) -> Edit | None:
    """Delete the sentence of `block` that holds `span` (a match on one source line).

    The sentence runs from the end of the previous sentence on that line (or the block's
    start) to its closing punctuation (or the block's end). A sentence that is the whole
    block removes the block; None when it reaches onto another line or cuts markup.
    """
    if span.line != span.end_line:
        return None
    number, raw = span.line, doc.lines[span.line - 1]
    begin, stop = span.column - 1, span.end_column - 1
    gaps = list(_SENTENCE_GAP.finditer(raw, 0, begin))
    if gaps:
        start = gaps[-1].end()
    elif block.span.line == number:
        start = block.span.column - 1
    else:
        return None
    ending = _SENTENCE_END.search(raw, stop)
    text_end = len(raw.rstrip())
    if ending is not None:
        end = ending.end()
    elif block.span.end_line == number:
        end = text_end
    else:
        return None
    if not _balanced(raw[start:end]):
        return None
    before, after = raw[:start], raw[end:]
    whole_line = not _markup_left(before) and not after.strip()
    if whole_line and block.span.line == block.span.end_line == number:
        return remove_section(doc, number, number)
    if whole_line:
        return remove_lines(doc, number, number)
    base = doc.offset(number)
    trailing = len(after) - len(after.lstrip(" \t"))
    if after.strip():
        return Edit(base + start, base + end + trailing, "")
    leading = len(before) - len(before.rstrip(" \t"))
    return Edit(base + start - leading, base + end, "")


def _markup_left(before: str) -> bool:
    """Text before the sentence other than indentation, a list bullet or a quote marker."""
    return re.fullmatch(r"[ \t]*(?:>[ \t]*)*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+)?", before) is None


def _balanced(text: str) -> bool:
    if not removable(text) or text.count("*") % 2 or text.count("`"):
        return False
    return all(text.count(opening) == text.count(closing) for opening, closing in _PAIRS)


class Locator:
    """(line, column) of source offsets, so reporters can show an edit without the source."""

    def __init__(self, source: str) -> None:
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(source))]

    def point(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def locate(self, fix: Fix) -> Fix:
        edits = tuple(
            edit._replace(start_point=self.point(edit.start), end_point=self.point(edit.end))
            for edit in fix.edits
        )
        return fix._replace(edits=edits)
