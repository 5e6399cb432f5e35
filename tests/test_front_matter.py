"""Front matter is read only as far as its closing delimiter, with the same result as before."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.document.model import Span
from seolint.parse import ParseError, front_matter


def split_reading_every_line(source: str) -> front_matter.FrontMatter:
    """front_matter.split as it was: every line of the draft cut out first."""
    lines = [m.group() for m in front_matter._LINE.finditer(source) if m.group()]
    if not lines:
        return front_matter.FrontMatter({}, None, source)
    first = lines[0].lstrip("\ufeff").rstrip("\r\n").rstrip()
    if first not in front_matter._OPENERS:
        return front_matter.FrontMatter({}, None, source)
    kind, closers = front_matter._OPENERS[first]
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in closers:
            raw = "".join(lines[1:index])
            span = Span(1, 1, index + 1, len(lines[index].rstrip("\r\n")) + 1)
            data = front_matter._load(raw, kind)
            body = "\n" * (index + 1) + "".join(lines[index + 1 :])
            return front_matter.FrontMatter(data, span, body, tuple(lines[: index + 1]))
    return front_matter.FrontMatter({}, None, source)


FRONT_MATTER_PIECES = ["---", "+++", "...", "\ufeff", "a: 1", "a = 1", "x", " ", "\n", "\r\n", "\r", "# b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRONT_MATTER_PIECES), max_size=12).map("".join))
def test_front_matter_read_to_its_end_is_front_matter_read_whole(source: str) -> None:
    try:
        expected: Any = split_reading_every_line(source)
    except ParseError as error:
        expected = str(error)
    try:
        actual: Any = front_matter.split(source)
    except ParseError as error:
        actual = str(error)
    assert actual == expected
