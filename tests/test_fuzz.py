"""Property tests over generated drafts: the engine never raises, spans stay inside the
document, results are deterministic and the JSON report is always valid JSON.

A draft may be refused only for what is wrong with it (bad front matter...): an "internal
error while parsing" is a front-end crash and fails the property.

CI runs a short profile (tests/conftest.py); `SEOLINT_FUZZ=campaign pytest tests/test_fuzz.py` runs a long
campaign (see the closing notes of the robustness issue for what one found).
"""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from seolint.config.plan import Plan
from seolint.discover.reading import ReadError, decode
from seolint.discover.source import FileError, Format
from seolint.findings.records import FileResult, RunResult
from seolint.report import ReportOptions
from seolint.report.json import report as json_report
from tests.conftest import DraftError, lint_result, plan_for

PLAN: Plan = plan_for()

MARKDOWN_PIECES = [
    "# ",
    "## ",
    "### ",
    "#### ",
    "H2: ",
    "**H3: x**",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "---\n",
    "+++\n",
    "title: x\n",
    "title = 'x'\n",
    "- ",
    "* ",
    "1. ",
    "> ",
    "```",
    "```py\n",
    "~~~",
    "    ",
    "`",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<img src=x>",
    "<img alt=''>",
    "<a href='#'>",
    "</a>",
    "<!--",
    "-->",
    "<!-- seolint-disable -->",
    "| a | b |\n|---|---|\n",
    "[Link to x]",
    "{{ x }}",
    "{{.URL}}",
    "http://",
    "https://example.com",
    "word ",
    "Sentence. ",
    "é",
    "\u2028",
    "\x0c",
    "\t",
    "&amp;",
    "\\",
    "*",
    "_",
]
HTML_PIECES = [
    "<html>",
    "<head>",
    "<title>",
    "</title>",
    "<meta name='description' content='d'>",
    "<body>",
    "<main>",
    "<article>",
    "</article>",
    "<nav>",
    "<aside>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<h4>",
    "<p>",
    "</p>",
    "<li>",
    "<ul>",
    "<td>",
    "<pre>",
    "<code class='language-go'>",
    "</code>",
    "<img src=a>",
    "<img alt=''>",
    "<a href='#'>",
    "<a href=''>",
    "</a>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "text ",
    "H2: x",
    "\n",
    "\r\n",
    "&lt;",
    "<",
    ">",
    "<div",
    "='",
    "[Insert link]",
    "é",
]
TEXT_PIECES = [
    "H1: ",
    "H2 - ",
    "**H3: ",
    "**",
    "• ",
    "- ",
    "\n",
    "\n\n",
    "\r",
    "word ",
    "[URL]",
    "<!-- x -->",
    ":",
]


def drafts(pieces: list[str]) -> st.SearchStrategy[str]:
    fragment = st.one_of(st.sampled_from(pieces), st.text(max_size=8))
    return st.lists(fragment, max_size=60).map("".join)


def is_internal_error(error: DraftError) -> bool:
    """A crash of seolint's own code (it carries a traceback), not a refusal of the draft."""
    return str(error).startswith("internal error") or bool(error.detail)


def lint_or_refuse(text: str, fmt: Format) -> FileResult | None:
    try:
        return lint_result(text, fmt, PLAN, path=f"draft.{fmt}")
    except DraftError as error:
        assert not is_internal_error(error), f"{error}\n{error.detail}"
        return None  # a clean refusal (bad front matter...) is a valid outcome


def test_an_internal_error_is_not_a_refusal() -> None:
    assert is_internal_error(DraftError("internal error while parsing: IndexError: x", "Traceback..."))
    assert not is_internal_error(DraftError("invalid YAML front matter at line 3: unclosed"))


def check_result(text: str, fmt: Format) -> None:
    result = lint_or_refuse(text, fmt)
    if result is None:
        return
    assert result.errors == (), result.errors  # no rule crashed
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    for finding in result.findings:
        span = finding.span
        assert 1 <= span.line <= span.end_line <= lines, (finding, lines)
        assert span.column >= 1 and span.end_column >= 1
    again = lint_or_refuse(text, fmt)
    assert again is not None and again.findings == result.findings and again.stats == result.stats
    stream = io.StringIO()
    json_report(RunResult((result,), (FileError("x", "y"),)), stream, ReportOptions())
    assert json.loads(stream.getvalue())["summary"]["files"] == 1


@given(drafts(MARKDOWN_PIECES))
def test_markdown_drafts(text: str) -> None:
    check_result(text, "markdown")


@given(drafts(HTML_PIECES))
def test_html_drafts(text: str) -> None:
    check_result(text, "html")


@given(drafts(TEXT_PIECES))
def test_text_drafts(text: str) -> None:
    check_result(text, "text")


@given(st.binary(max_size=400), st.sampled_from(["markdown", "html", "text"]))
def test_random_bytes(data: bytes, fmt: Format) -> None:
    try:
        text = decode(data)
    except ReadError:
        return
    check_result(text, fmt)
