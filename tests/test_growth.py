"""The growth helper itself (tests/growth.py): it must fail a quadratic, wherever the work hides.

A quadratic step in Python code and one inside a C call (a slice or a count from the start
of the text at every position: linear in Python steps, quadratic in the machine's) both
cost far past LINEAR_BOUND on ten times the input; linear work of the same shape passes.
"""

from __future__ import annotations

import pytest

from tests.growth import Growth, assert_linear


def pairs_alike(text: str) -> int:
    """Every character against every earlier one: quadratic in Python steps."""
    return sum(1 for i in range(len(text)) for j in range(i) if text[i] == text[j])


def line_numbers_counted_from_the_top(text: str) -> list[int]:
    """The line of every tenth offset, each counted from the top: linear in Python steps,
    quadratic in the C loop of str.count (the classic slow way to number findings)."""
    return [text.count("\n", 0, at) + 1 for at in range(0, len(text), 10)]


def line_numbers_counted_as_it_goes(text: str) -> list[int]:
    """The same line numbers, counted from the previous offset: linear everywhere."""
    lines, line, previous = [], 1, 0
    for at in range(0, len(text), 10):
        line += text.count("\n", previous, at)
        lines.append(line)
        previous = at
    return lines


TEXT = "word and more words\n" * 50


def test_a_quadratic_in_python_fails() -> None:
    with pytest.raises(AssertionError, match="more than 15x"):
        assert_linear(Growth("pairs", pairs_alike, TEXT[:40], TEXT[:400]))


def test_a_quadratic_inside_a_c_call_fails() -> None:
    with pytest.raises(AssertionError, match="more than 15x"):
        assert_linear(Growth("count from the top", line_numbers_counted_from_the_top, TEXT, TEXT * 10))


def test_the_same_work_done_linearly_passes() -> None:
    assert_linear(Growth("count as it goes", line_numbers_counted_as_it_goes, TEXT, TEXT * 10))
