"""seolint.server.positions against pygls's own position codec, on the same inputs.

The two agree on code units (UTF-8, UTF-16 with surrogate pairs, UTF-32) inside a line.
seolint keeps its own module for the line ends where pygls 2 answers differently from LSP;
the cases below are the ones its docstring lists. If one of them starts failing after a
pygls upgrade, pygls changed: see whether its codec can now replace seolint's.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.workspace import PositionCodec, TextDocument

from seolint.server.positions import Encoding, LineIndex, units

ENCODINGS: tuple[Encoding, ...] = ("utf-8", "utf-16", "utf-32")
# Characters of one, two and three UTF-8 bytes and a surrogate pair in UTF-16, and the three
# line endings LSP knows (\r then \n makes a CRLF).
TEXT = st.text(alphabet="ab é€😋\n\r", max_size=30)


def pygls_offset(text: str, position: tuple[int, int], encoding: Encoding) -> int:
    document = TextDocument("file:///post.md", text, position_codec=PositionCodec(encoding))
    return document.offset_at_position(types.Position(line=position[0], character=position[1]))


def pygls_position(text: str, line: int, column: int) -> tuple[int, int]:
    """pygls's client position of a (line, column in characters) on its own lines."""
    lines = TextDocument("file:///post.md", text).lines
    found = PositionCodec("utf-16").position_to_client_units(lines, types.Position(line, column))
    return found.line, found.character


@given(TEXT, st.data())
def test_both_agree_on_positions_within_a_line(text: str, data: st.DataObject) -> None:
    index = LineIndex(text)
    lines = len(TextDocument("file:///post.md", text).lines)  # no empty line after a final line end
    line = data.draw(st.integers(0, max(lines - 1, 0)))
    content = index.line_text(line + 1)
    for encoding in ENCODINGS:
        character = data.draw(st.integers(0, units(content, encoding)))
        ours = LineIndex(text, encoding).offset((line, character))
        assert ours == pygls_offset(text, (line, character), encoding), (encoding, line, character)


@pytest.mark.parametrize(
    ("text", "position", "lsp_offset", "pygls_offset_found"),
    [
        ("ab\u2028cd", (0, 4), 4, 2),  # U+2028 is no line end for LSP: "cd" is still on line 0
        ("ab\x0ccd\nef", (1, 1), 7, 4),  # nor is a form feed: "ef" is line 1
        ("ab\r\ncd", (0, 3), 2, 3),  # one past the end: the end, not between \r and \n
        ("ab\ncd", (0, 3), 2, 3),
        ("abc", (0, 9), 3, 2),  # far past the end of the last line: its end, not one short
    ],
)
def test_pygls_differs_at_line_ends(
    text: str, position: tuple[int, int], lsp_offset: int, pygls_offset_found: int
) -> None:
    assert LineIndex(text).offset(position) == lsp_offset
    assert pygls_offset(text, position, "utf-16") == pygls_offset_found


def test_pygls_reads_the_line_after_a_final_line_end_in_the_wrong_units() -> None:
    """pygls turns (1, 0) into the last line's length in UTF-8 bytes, then reads it as characters."""
    assert LineIndex("é\r", "utf-8").offset((1, 0)) == 2  # the end of the buffer
    assert pygls_offset("é\r", (1, 0), "utf-8") == 3  # past it


def test_pygls_puts_a_position_below_the_last_line_outside_the_buffer() -> None:
    assert LineIndex("abc").at(2, 1) == (0, 3)  # a span ending past the text ends at its end
    assert pygls_position("abc", 1, 0) == (1, 0)


def test_pygls_counts_lines_that_lsp_does_not() -> None:
    assert LineIndex("ab\u2028cd").position(4) == (0, 4)
    assert pygls_position("ab\u2028cd", 1, 0) == (1, 0)  # the same "c", on a line of its own
