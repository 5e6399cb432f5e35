"""H008 empty-section: a heading followed straight by one of the same or a higher level."""

from __future__ import annotations

from functools import partial

import pytest

from seolint.discover.source import Format
from tests.conftest import codes_at, doc_of, lint, rule_findings
from tests.growth import Growth, assert_linear

EMPTY = {
    "markdown": "# Caching\n\nIntro.\n\n## Write-behind\n\n## Summary\n\nDone.\n",
    "text": "H1: Caching\n\nIntro.\n\nH2: Write-behind\n\nH2: Summary\n\nDone.\n",
    "html": (
        "<article><h1>Caching</h1><p>Intro.</p>\n<h2>Write-behind</h2>\n<h2>Summary</h2><p>Done.</p></article>\n"
    ),
}


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_an_empty_section_is_found_in_every_format(fmt: Format) -> None:
    line = 5 if fmt != "html" else 2
    assert codes_at(lint(EMPTY[fmt], fmt, ("H008",))) == [(line, "H008")]


@pytest.mark.parametrize(
    "between",
    [
        "### Write-behind in Redis\n\nText.\n",
        "Text.\n",
        "```sh\nmake\n```\n",
        "![A diagram](d.png)\n",
        "| a |\n|---|\n| 1 |\n",
    ],
)
def test_a_section_with_content_or_its_own_subheading_is_not_empty(between: str) -> None:
    text = f"# Caching\n\nIntro.\n\n## Write-behind\n\n{between}\n## Summary\n\nDone.\n"
    assert lint(text, "markdown", ("H008",)) == []


def test_comments_and_rules_are_not_content() -> None:
    text = (
        "# Caching\n\nIntro.\n\n## Write-behind\n\n<!-- to do\nlater -->\n\n---\n\n# Appendix\n\nNumbers.\n"
    )
    assert codes_at(lint(text, "markdown", ("H008",))) == [(5, "H008")]


def test_raw_html_between_headings_is_content() -> None:
    text = '# Caching\n\n## Demo\n\n<video src="demo.mp4"></video>\n\n## Summary\n\nDone.\n'
    assert lint(text, "markdown", ("H008",)) == []


def test_the_last_heading_is_left_alone() -> None:
    assert lint("# Caching\n\nIntro.\n\n## Summary\n", "markdown", ("H008",)) == []


@pytest.mark.slow  # counted in a spawned callgrind: CI's slow stage runs it
def test_linear_in_the_number_of_headings_and_comments() -> None:
    small, large = ("# T\n\n" + "## A\n<!-- c -->\n" * n for n in (50, 500))
    assert_linear(Growth("headings", partial(rule_findings, ("H008",)), small, large, setup=doc_of))
