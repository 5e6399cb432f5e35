"""Front matter is read only as far as its closing delimiter, with the same result as before."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.document.model import Span
from seolint.parse import ParseError, front_matter
from tests.examples import examples


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
            data = front_matter._load(raw, kind, 2)
            body = "\n" * (index + 1) + "".join(lines[index + 1 :])
            return front_matter.FrontMatter(data, span, body, tuple(lines[: index + 1]))
    return front_matter.FrontMatter({}, None, source)


FRONT_MATTER_PIECES = ["---", "+++", "...", "\ufeff", "a: 1", "a = 1", "x", " ", "\n", "\r\n", "\r", "# b"]


@settings(max_examples=examples(300), deadline=None)
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


def test_blank_lines_before_front_matter_where_the_generator_skips_them() -> None:
    source = "\n  \n---\ntitle: Glossar\n---\n\n# Glossar\n"
    fm = front_matter.split(source, after_blank_lines=True)
    assert (fm.data, fm.span) == ({"title": "Glossar"}, Span(3, 1, 5, 4))
    assert fm.body.count("\n") == source.count("\n") and "title" not in fm.body  # lines kept, matter blanked
    assert front_matter.key_span(fm.lines, "title") == Span(4, 1, 4, 15)
    # near miss: Jekyll and a lone draft's renderer read the same lines as body text
    assert front_matter.split(source).span is None


def test_blank_lines_then_text_is_no_front_matter() -> None:
    assert front_matter.split("\n\nPlain prose.\n---\n", after_blank_lines=True).span is None
    assert front_matter.split("\n\n", after_blank_lines=True).span is None


@pytest.mark.parametrize(
    ("source", "where"),
    [("\n\n---\ntitle: a: b\n---\n", "line 4"), ("\n+++\ntitle = \n+++\n", "line 3")],
)
def test_errors_after_blank_lines_name_the_files_line(source: str, where: str) -> None:
    with pytest.raises(ParseError, match=where):
        front_matter.split(source, after_blank_lines=True)
