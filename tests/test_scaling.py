"""No quadratic step: a draft ten times longer takes about ten times as long (generous ratio bounds only)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from seolint.config import Config
from seolint.document import Format
from seolint.plan import make_plan
from tests.conftest import lint_text

# A quadratic step makes 10x the input cost ~100x; linear work is ~10x. The bound sits well
# between the two so that a noisy machine does not fail the test but a quadratic step does.
BOUND = 30


def markdown_section(n: int) -> str:
    return (
        f"## Part {n}\n\nSome prose about caches and [a link](https://example.com/{n}) with `code`.\n"
        f"More words here, then an image ![chart {n}](c{n}.png).\n\n- one\n- two\n\n"
        f"<img src='x{n}.png'>\n\n```go\nx := {n}\n```\n\n"
    )


def html_section(n: int) -> str:
    return (
        f"<h2>Part {n}</h2><div><p>Prose with <a href='/p/{n}'>a link</a> and <code>x</code>.</p>"
        f"<ul><li>one</li><li>two <em>deep <b>er</b></em></li></ul><img src='i{n}.png'>"
        f"<pre><code class='language-go'>x := {n}</code></pre></div>\n"
    )


def draft(fmt: Format, sections: int) -> str:
    if fmt == "markdown":
        return "---\ntitle: T\n---\n" + "".join(markdown_section(n) for n in range(sections))
    body = "".join(html_section(n) for n in range(sections))
    return f"<html><head><title>T</title></head><body><article><h1>T</h1>{body}</article></body></html>"


def best_of(call: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_ten_times_longer_is_not_a_hundred_times_slower(fmt: Format) -> None:
    plan = make_plan(Config())
    small, large = draft(fmt, 40), draft(fmt, 400)
    path = "draft.md" if fmt == "markdown" else "draft.html"
    lint_text(small, path, fmt, plan)  # imports and parser set-up are not part of the measurement
    long_time = best_of(lambda: lint_text(large, path, fmt, plan))
    ratio = long_time / best_of(lambda: lint_text(small, path, fmt, plan))
    assert ratio < BOUND, f"{fmt}: 10x the input took {ratio:.1f}x the time"
