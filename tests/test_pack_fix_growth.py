"""Pack rules with fixes stay linear when a post holds thousands of matches: each fix looks
its label's section end and its sentence's block up, never scanning the post from the top
(issue 24: `"## Section i\\n\\nInternal Links:\\n\\n" x N` took x4.3 per doubling)."""

from __future__ import annotations

from functools import partial

import pytest

from seolint.discover.source import Format
from tests.conftest import doc_of, lint_selected, rule_findings
from tests.growth import Growth, assert_linear

_CHATBOT = "Sure, here's a revised version of the post. It covers more."


def sections(fmt: Format, count: int) -> str:
    """`count` sections: an empty "Internal Links:" label (S001, fixable), then one with the
    chatbot's sentence under it (S001 without a fix, S003)."""
    if fmt == "html":
        one = (
            "<h2>Section {i}</h2>\n<p>Internal Links:</p>\n"
            "<h2>More {i}</h2>\n<p>Internal Links:</p>\n<p>{s}</p>\n"
        )
    else:
        one = "## Section {i}\n\nInternal Links:\n\n## More {i}\n\nInternal Links:\n\n{s}\n\n"
    return "".join(one.format(i=i, s=_CHATBOT) for i in range(count))


# (line, code, fixable) in two sections; an HTML page's sentence fills its <p>: no fix.
_EXPECTED = {
    "markdown": [(3, "S001", True), (7, "S001", False), (9, "S003", True)],
    "html": [(2, "S001", True), (4, "S001", False), (5, "S003", False)],
}
_EXPECTED["text"] = _EXPECTED["markdown"]
_FORMATS: tuple[Format, ...] = ("markdown", "html", "text")


@pytest.mark.parametrize("fmt", _FORMATS)
def test_every_section_is_found_with_its_own_fix(fmt: Format) -> None:
    found = lint_selected(sections(fmt, 2), ("S001", "S003"), fmt=fmt).findings
    step = 10 if fmt != "html" else 5
    expected = [(line + n * step, code, fixable) for n in range(2) for line, code, fixable in _EXPECTED[fmt]]
    assert [(f.span.line, f.code, f.fix is not None) for f in found] == expected


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_fixes_for_ten_times_the_sections_cost_about_ten_times() -> None:
    """The lookups are the same in every format; Markdown's parse costs most to count."""
    small, large = sections("markdown", 50), sections("markdown", 500)
    work = partial(rule_findings, ("S001", "S003"))
    assert_linear(Growth("S001 and S003", work, small, large, setup=doc_of))
