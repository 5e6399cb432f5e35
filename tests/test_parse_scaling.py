"""The front-ends do linear work on inputs that once made them quadratic (issue 17).

Each test counts the instructions of the same front-end on an input and on one ten times
larger (tests/growth.py): a quadratic pass costs about 100x. Never a number of seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from seolint.discover.source import Format
from seolint.document.model import Document
from seolint.parse import parse
from tests.growth import Growth, assert_linear


def parsed(fmt: Format, text: str) -> Document:
    return parse(text, "draft", fmt)


CASES: dict[str, tuple[Callable[[int], str], Format, int]] = {
    # CPython's html.parser rescans the rest of the page for each of these (gh-135462).
    "html: unclosed quoted attributes": (lambda n: "<article><p>a</p>" + "<a x='" * n, "html", 100),
    "html: unclosed comments": (lambda n: "<p>a</p>" + "<!--" * n, "html", 150),
    "markdown: HTML block of unclosed attributes": (
        lambda n: "<div>\n" + "<a x='" * n + "\n",
        "markdown",
        100,
    ),
    "markdown: unclosed comments": (lambda n: "<!--" * n, "markdown", 150),
    # The inline cursor searched to the end of the block for each text that held an entity.
    "markdown: entities on every line": (lambda n: ("x&lt;" + "y" * 50 + "\n") * n, "markdown", 150),
    "markdown: escapes on every line": (lambda n: ("x\\*" + "y" * 50 + " [a](b)\n") * n, "markdown", 60),
}


@pytest.mark.parametrize("name", CASES)
def test_ten_times_the_input_is_linear_work(name: str) -> None:
    make, fmt, size = CASES[name]
    assert_linear(Growth(name, partial(parsed, fmt), make(size), make(size * 10)))
