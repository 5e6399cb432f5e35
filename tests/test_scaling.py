"""No quadratic step: a draft ten times longer costs about ten times the instructions, never a
hundred (tests/growth.py counts them; no test asserts seconds)."""

from __future__ import annotations

from functools import partial

import pytest

from seolint.discover.source import Format
from tests.conftest import lint_selected
from tests.growth import Growth, assert_linear


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


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_ten_times_longer_is_not_a_hundred_times_slower(fmt: Format) -> None:
    assert_linear(Growth(fmt, partial(lint_selected, fmt=fmt), draft(fmt, 5), draft(fmt, 50)))
