"""The front-ends take linear time on inputs that once made them quadratic (issue 17).

Each test times the same front-end on an input and on one ten times larger, in the same
test, and allows 15x the time: a quadratic pass needs about 100x. Never an absolute
number of seconds. Sizes are chosen so the old quadratic code fails within seconds.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from seolint.discover.source import Format
from seolint.parse import parse

FACTOR = 10
LIMIT = 15.0


def growth(make: Callable[[int], str], fmt: Format, size: int, repeats: int = 3) -> float:
    """How many times as long as the small input the FACTOR x larger one takes.

    The small input is parsed FACTOR times with every result kept, against the large one
    once, so both runs allocate as much and meet the same caches: on a loaded machine a
    growing heap alone made a linear parse look 2-3x superlinear. Best of `repeats`, in
    CPU time, timed in turns, with the cyclic garbage collector off; a ratio over LIMIT is
    measured again with more turns before it counts (a loaded machine once gave 16.6x).
    """
    small, large = make(size), make(size * FACTOR)
    best_small = best_large = float("inf")
    with _collector_off():
        for attempt in range(2):
            for _ in range(repeats if attempt == 0 else repeats + 2):
                start = time.process_time()
                kept = [parse(small, "draft", fmt) for _ in range(FACTOR)]
                best_small = min(best_small, time.process_time() - start)
                start = time.process_time()
                kept.append(parse(large, "draft", fmt))
                best_large = min(best_large, time.process_time() - start)
                del kept
            ratio = FACTOR * best_large / max(best_small, 1e-9)
            if ratio <= LIMIT:
                break
    return ratio


@contextmanager
def _collector_off() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


CASES: dict[str, tuple[Callable[[int], str], Format, int]] = {
    # CPython's html.parser rescans the rest of the page for each of these (gh-135462).
    "html: unclosed quoted attributes": (lambda n: "<article><p>a</p>" + "<a x='" * n, "html", 400),
    "html: unclosed comments": (lambda n: "<p>a</p>" + "<!--" * n, "html", 600),
    "markdown: HTML block of unclosed attributes": (
        lambda n: "<div>\n" + "<a x='" * n + "\n",
        "markdown",
        400,
    ),
    "markdown: unclosed comments": (lambda n: "<!--" * n, "markdown", 600),
    # The inline cursor searched to the end of the block for each text that held an entity.
    "markdown: entities on every line": (lambda n: ("x&lt;" + "y" * 50 + "\n") * n, "markdown", 600),
    "markdown: escapes on every line": (lambda n: ("x\\*" + "y" * 50 + " [a](b)\n") * n, "markdown", 500),
}


@pytest.mark.parametrize("name", CASES)
def test_ten_times_the_input_takes_at_most_fifteen_times_as_long(name: str) -> None:
    make, fmt, size = CASES[name]
    ratio = growth(make, fmt, size)
    assert ratio <= LIMIT, f"{name}: {FACTOR}x input took {ratio:.1f}x as long"
