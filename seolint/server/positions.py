r"""Positions between seolint and an LSP client.

seolint counts 1-based lines and columns in characters (str offsets); LSP counts 0-based
lines and columns in the client's code units, UTF-16 unless both sides agreed on UTF-8
or UTF-32 at initialization. A character outside the Basic Multilingual Plane (most
emoji) is one column here, two UTF-16 units and four UTF-8 bytes there.

pygls 2 has a codec for this (pygls.workspace.PositionCodec, used by TextDocument). In
2.1.1 it agrees with this module on code units, surrogate pairs, CRLF and lone CR within a
line, but not at line ends (tests/test_server_positions.py runs both on the same inputs):
- TextDocument splits lines with str.splitlines, so U+2028, U+2029, U+0085, form feed,
  vertical tab and U+001C-U+001E end a line there but not for the client (LSP ends lines
  only at \n, \r\n and \r): every position after one lands on the wrong line.
- A character one past the line's end lands after the line ending (in "ab\r\ncd",
  (0, 3) is offset 3, between \r and \n), where LSP means the end of the line.
- Further past the end of a line without a line ending (the last one), it lands one
  character short: (0, 9) in "abc" is offset 2, not 3.
- On the empty line after a final line ending, a position becomes the last line's length
  in code units, then read as characters: in UTF-8, (1, 0) in "é\r" is offset 3, past
  the buffer's end (2).
- A span end below the last line goes out as (line count, 0), outside a buffer that does
  not end in a line ending.
It also converts only columns of a known line, where seolint needs offsets and spans both
ways. So seolint keeps this module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

from seolint.document.model import Span

Encoding = Literal["utf-8", "utf-16", "utf-32"]
Position = tuple[int, int]  # (line, character), both 0-based, character in code units
_LINE_END = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: Encoding = "utf-16") -> int:
    """How many code units `text` takes in `encoding`."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """One buffer's line starts, to convert offsets, spans and client positions."""

    def __init__(self, text: str, encoding: Encoding = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        # Unlike Document.lines, a line ending at the very end opens an (empty) last line:
        # that is where LSP puts the end of such a buffer.
        self._starts = [0, *(match.end() for match in _LINE_END.finditer(text))]

    def _line_end(self, line: int) -> int:
        """The offset just before the line's line ending."""
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        return end - 2 if self.text.startswith("\r\n", end - 2) else end - 1

    def position(self, offset: int) -> Position:
        """The LSP position of a source offset (clamped to the buffer)."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        offset = min(offset, self._line_end(line))
        return line, units(self.text[start:offset], self.encoding)

    def at(self, line: int, column: int) -> Position:
        """The LSP position of a 1-based line and column (clamped to the buffer and line)."""
        if line > len(self._starts):
            return self.position(len(self.text))
        index = max(line, 1) - 1
        start = self._starts[index]
        return self.position(min(start + max(column, 1) - 1, self._line_end(index)))

    def range_of(self, span: Span) -> tuple[Position, Position]:
        """The LSP range of a Span (its end column is exclusive, as Document.span_at makes it)."""
        start = self.at(span.line, span.column)
        end = self.at(span.end_line, span.end_column)
        return start, max(start, end)

    def offset(self, position: Position) -> int:
        """The source offset of an LSP position; past the line's end means its end, as LSP says."""
        line, character = position
        if line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[max(line, 0)], self._line_end(max(line, 0))
        text = self.text[start:end]
        if self.encoding == "utf-32" or text.isascii():
            return start + min(max(character, 0), len(text))
        counted = 0
        for index, char in enumerate(text):
            if counted >= character:
                return start + index
            counted += units(char, self.encoding)
        return end

    def line_text(self, line: int) -> str:
        """A 1-based line without its line ending ('' past the end)."""
        if not 1 <= line <= len(self._starts):
            return ""
        return self.text[self._starts[line - 1] : self._line_end(line - 1)]

    def line_start(self, line: int) -> int:
        """The offset where a 1-based line begins (the buffer's end past the last line)."""
        return self._starts[line - 1] if 1 <= line <= len(self._starts) else len(self.text)

    def line_end(self, line: int) -> int:
        """The offset where a 1-based line's text ends, before its line ending."""
        return self._line_end(min(max(line, 1), len(self._starts)) - 1)
