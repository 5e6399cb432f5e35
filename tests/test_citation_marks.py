"""An answer engine's numbered citation markers (seolint/parse/citation_marks.py), read the
way `re` searches them fastest: the pattern opens with a bracket and looks behind it after."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seolint.parse.citation_marks import citation_marks

# The markers' syntax as first written: look behind, then the bracket. `re` tried it at every
# position of a line (440 M of S008's 2,736 M instructions on 105 corpus files).
WRITTEN = re.compile(
    r"(?<=[^\s\[\]])(?:\[\d{1,2}\])+(?![(\[:\w])"
    r"|(?:(?<=[.,;:!?”\"])|(?<=[^\W\d_]{3}))<sup>\s*\d{1,2}\s*</sup>"
)
PIECES = ["[", "]", "1", "23", "<sup>", "</sup>", "sup", "<", " ", ".", "”", '"', "ab", "abc", "(", ":", "é"]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("the default is 30 s[1][3].", ["[1][3]"]),
        ("open.<sup>2</sup> Then", ["<sup>2</sup>"]),
        ("a footnote[^1] and a link [1](https://example.com)", []),
        ("n<sup>2</sup> grows", []),
        ("[1] opens a reference list", []),
    ],
)
def test_markers(line: str, found: list[str]) -> None:
    assert [line[mark.start : mark.end] for mark in citation_marks(line) if mark.numbered] == found


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_markers_are_those_of_the_pattern_as_written(line: str) -> None:
    numbered = [(mark.start, mark.end) for mark in citation_marks(line) if mark.numbered]
    assert numbered == [m.span() for m in WRITTEN.finditer(line)]
