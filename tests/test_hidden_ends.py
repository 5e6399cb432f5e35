"""`hidden_ends` (document/lines.py) reads a line from each end; it finds what reading every
character outside the text finds."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.document.lines import hidden_ends
from tests.examples import examples


def _every_character(line: str, masked: str, start: int, stop: int) -> tuple[int, int] | None:
    outside = itertools.chain(range(start), range(stop, len(line)))
    hidden = [i for i in outside if line[i] != masked[i] and line[i] not in " \t"]
    return (hidden[0], hidden[-1] + 1) if hidden else None


@st.composite
def _lines(draw: st.DrawFn) -> tuple[str, str, int, int]:
    line = draw(st.text(alphabet="ab \t`*", max_size=30))
    blanked = draw(st.lists(st.booleans(), min_size=len(line), max_size=len(line)))
    masked = "".join(" " if blank else c for c, blank in zip(line, blanked, strict=True))
    start = draw(st.integers(0, len(line)))
    stop = draw(st.integers(start, len(line)))
    return line, masked, start, stop


@settings(max_examples=examples(500), deadline=None)
@given(_lines())
def test_hidden_ends_reads_as_every_character_does(case: tuple[str, str, int, int]) -> None:
    assert hidden_ends(*case) == _every_character(*case)


def test_a_code_span_after_the_text_is_hidden() -> None:
    line = "Run `go vet`"
    masked = "Run         "
    assert hidden_ends(line, masked, 0, 3) == (4, 12)
