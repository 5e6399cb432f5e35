"""Reports are linear in the findings on one line (issue 24, item 7).

A minified page is one line holding every finding: the HTML report asked every mark at
every cut of that line, and the Rich report made the line printable three times per
finding. Growth is measured in work done (marks visited, characters made printable) at
three sizes, never in seconds; and the output must not change.
"""

from __future__ import annotations

import io
import itertools
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.document.model import Span
from seolint.findings.records import FileResult, Finding, RunResult, Severity
from seolint.report import ReportOptions, layout, rich
from seolint.report import html as html_report
from tests.conftest import lint_result
from tests.examples import examples
from tests.growth import Growth, assert_linear

SIZES = (250, 1000, 4000)


class CountedMarks(list[html_report.Mark]):
    """The marks of a line, counting every time one is looked at."""

    visits = 0

    def __iter__(self) -> Iterator[html_report.Mark]:
        for mark in super().__iter__():
            CountedMarks.visits += 1
            yield mark

    def __getitem__(self, index: Any) -> Any:
        CountedMarks.visits += 1
        return super().__getitem__(index)


def marks_on_one_line(count: int) -> tuple[str, list[html_report.Mark]]:
    text = '<a href="#">x</a><img src="a.png">' * count
    marks = []
    for index in range(count):
        at = index * 34
        marks.append(html_report.Mark(at, at + 17, f"f{2 * index}", Severity.ERROR))
        marks.append(html_report.Mark(at + 17, at + 17, f"f{2 * index + 1}", Severity.WARNING))
    marks.append(html_report.Mark(0, len(text), "whole", Severity.INFO))  # one finding over the whole line
    return text, marks


def test_html_marks_are_swept_once() -> None:
    visits = []
    for count in SIZES:
        text, marks = marks_on_one_line(count)
        CountedMarks.visits = 0
        html_report._marked(text, CountedMarks(marks), 1)
        visits.append(CountedMarks.visits)
    assert visits[1] <= 6 * visits[0] and visits[2] <= 6 * visits[1], visits


def _marked_as_it_was(text: str, marks: list[html_report.Mark], line: int) -> str:
    """The quadratic original: every mark asked at every cut."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    parts = []
    for start, end in itertools.pairwise([*cuts, len(text)]):
        parts += [html_report._point(line, m) for m in marks if m.start == m.end == start]
        covering = [m for m in marks if m.start <= start and end <= m.end and m.start < m.end]
        piece = html_report.esc(text[start:end])
        parts.append(html_report._mark(line, piece, covering) if covering and piece else piece)
    return "".join(parts)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text("ab<&\x00", max_size=20), st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=8)
)
def test_html_marks_are_as_before(text: str, spans: list[tuple[int, int]]) -> None:
    severities = list(Severity)
    marks = [
        html_report.Mark(min(a, b, len(text)), min(max(a, b), len(text)), f"f{i}", severities[i % 3])
        for i, (a, b) in enumerate(spans)
    ]
    assert html_report._marked(text, marks, 3) == _marked_as_it_was(text, marks, 3)


class ComparedLine(str):
    """A finding's source line that counts the characters compared against it."""

    compared = 0

    def __ne__(self, other: object) -> bool:
        ComparedLine.compared += len(self)
        return str.__ne__(self, other)

    __hash__ = str.__hash__


def test_the_html_report_checks_each_line_of_the_draft_once(tmp_path: Any) -> None:
    """Whether the file changed since it was checked: one comparison per line, not per finding."""
    work = []
    for count in SIZES:
        page = tmp_path / f"page{count}.html"
        line = ComparedLine(findings_on_one_line(count)[0].source_line)
        page.write_text(line + "\n", encoding="utf-8")
        findings = findings_on_one_line(count, str(page), line)
        ComparedLine.compared = 0
        lines, why = html_report._draft_lines(FileResult(str(page), "html", tuple(findings), {}, (), (), ()))
        assert lines is not None, why
        work.append(ComparedLine.compared)
    assert work[1] <= 6 * work[0] and work[2] <= 6 * work[1], work


def findings_on_one_line(count: int, path: str = "page.html", line: str | None = None) -> list[Finding]:
    line = line or "<p>" + '<a href="#">x</a>\x1b' * count + "</p>"
    return [
        Finding(
            path,
            Span(1, 4 + 18 * i, 1, 21 + 18 * i),
            "L001",
            "placeholder-link",
            Severity.ERROR,
            "m",
            line,
        )
        for i in range(count)
    ]


def test_rich_rows_make_the_line_printable_once(monkeypatch: pytest.MonkeyPatch) -> None:
    read = [0]
    real = layout.printable

    def counted(text: str) -> str:
        read[0] += len(text)
        return real(text)

    monkeypatch.setattr(layout, "printable", counted)
    work = []
    for count in SIZES:
        read[0] = 0
        layout.FindingRows(findings_on_one_line(count), 100)
        work.append(read[0])
    assert work[1] <= 6 * work[0] and work[2] <= 6 * work[1], work


def test_a_snippet_is_placed_where_it_was() -> None:
    """Control characters are four cells wide in the shown line: the finding's place moves."""
    finding = Finding("a.md", Span(1, 6, 1, 9), "X001", "x", Severity.ERROR, "m", "\t\x1b\x1bab[x](#)\x07")
    (row,) = layout.FindingRows([finding], 100).rows
    snippet = layout.Snippet(finding)
    assert snippet.text == "\\x1b\\x1bab[x](#)\\x07"
    assert snippet.text[snippet.start : snippet.end] == "[x]"
    assert row.snippet == snippet.pieces(layout.FindingRows([finding], 100).message_width)


def test_the_minified_page_of_the_issue_lints_and_reports(tmp_path: Any) -> None:
    page = "<html><body><p>" + '<a href="#">x</a><img src="a.png">' * 300 + "</p></body></html>"
    result = lint_result(page, "html")
    assert len(result.findings) >= 600
    rows = layout.FindingRows(result.findings, 100)
    assert len(rows.rows) == len(result.findings)


def minified_run(count: int) -> RunResult:
    """A run over one minified page on disk whose one line holds `count` findings."""
    page = Path(tempfile.mkdtemp(prefix="seolint-minified-")) / "page.html"
    located = tuple(findings_on_one_line(count, str(page)))
    page.write_text(located[0].source_line + "\n", encoding="utf-8")
    return RunResult((FileResult(str(page), "html", located, {}, (), (), ()),), ())


def html_of(run: RunResult) -> None:
    html_report.report(run, io.StringIO(), ReportOptions(color=False))


def rich_of(run: RunResult) -> None:
    rich.report(run, io.StringIO(), ReportOptions(color=True))


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_the_html_and_rich_reports_of_a_minified_page_grow_linearly() -> None:
    """The reports whole, in instructions: 8,000 findings on one line took 160 s in HTML."""
    assert_linear(
        Growth("the HTML report, findings on one line", html_of, 100, 1_000, setup=minified_run),
        Growth("the Rich report, findings on one line", rich_of, 100, 1_000, setup=minified_run),
    )
