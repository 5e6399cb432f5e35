"""The HTML report: parsed for escaping, counts and placement, then opened in headless Chromium.

The browser tests drive Debian's `chromium` through playwright (never `playwright install`);
they skip when either is missing. scripts/install-browser.sh installs the browser in CI.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from seolint.document.model import Span
from seolint.findings.records import FileResult, Finding, RunResult, Severity
from seolint.report import ReportOptions
from seolint.report.html import SCRIPT, report
from tests.conftest import FIXTURES, CliResult, run_cli

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "\"' onmouseover=alert(1) x='",
    "</div></section><script>alert(3)</script>",
)
LONG = " ".join(["word"] * 45)
DRAFT = f"""---
title: A draft with problems of every kind for the report
---

# A draft with problems

#### Skipped levels

This sentence is {LONG} and it runs on
over two lines before it stops.

See [the docs](#) and [Link to the setup guide] for more, and TODO: write this part.

{" ".join(PAYLOADS)}

## Next <script>alert(2)</script>

<a href="javascript:alert(4)">click here</a> <img src="x" onerror="alert(5)">

<img
  src="diagram.png">
"""


# ---------------------------------------------------------------- parsing the page


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def up(self, css_class: str) -> Element | None:
        node = self.parent
        while node is not None and css_class not in node.classes:
            node = node.parent
        return node

    @property
    def content(self) -> str:
        return "".join(self.text)


class Page(HTMLParser):
    """Every element with its attributes, ancestors and text (entities decoded)."""

    VOID: ClassVar[set[str]] = {"meta", "input", "br", "img", "link", "hr", "base", "wbr", "source"}

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self._open[-1] if self._open else None)
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text.append(data)

    def find(self, tag: str = "", css_class: str = "") -> list[Element]:
        return [
            e
            for e in self.elements
            if (not tag or e.tag == tag) and (not css_class or css_class in e.classes)
        ]


def run(*args: str, stdin: str | None = None) -> CliResult:
    return run_cli(["check", *args], input=stdin)


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def html_and_findings(*paths: str) -> tuple[str, list[dict[str, Any]]]:
    """The HTML report (written with -o, as CI does) and the same run's JSON findings."""
    result = run(*paths, "--format", "html", "-o", "report.html", "--no-color")
    assert result.exit_code == 1, result.stderr
    findings = json.loads(run(*paths, "--format", "json").stdout)["findings"]
    return Path("report.html").read_text(encoding="utf-8"), findings


def span_text(lines: list[str], finding: dict[str, Any]) -> str:
    """What a finding's span covers, line pieces joined without newlines (as the marks are)."""
    first, last = finding["line"], max(finding["end_line"], finding["line"])
    pieces = []
    for line in range(first, last + 1):
        text = lines[line - 1]
        start = finding["column"] - 1 if line == first else 0
        end = finding["end_column"] - 1 if line == finding["end_line"] else len(text)
        pieces.append(text[start:end])
    return "".join(pieces)


# ---------------------------------------------------------------- without a browser


def test_draft_text_is_escaped_and_the_page_has_one_script_and_no_outside_references(drafts: Path) -> None:
    page = Page(html_and_findings("draft.md")[0])
    scripts = page.find("script")
    assert [s.content for s in scripts] == [SCRIPT]
    assert not page.find("img") and not page.find("iframe") and not page.find("link")
    for element in page.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower() and "alert(" not in value, (element.tag, name, value)
            if name in {"href", "src", "action"}:
                assert value.startswith("#"), value
    shown = "\n".join(row.content for row in page.find("div", "src"))
    for payload in PAYLOADS:
        assert payload in shown  # the draft is displayed verbatim, as text
    outline = [li.content for li in page.find("li") if "data-level" in li.attrs]
    assert "H2Next alert(2)" in outline  # Markdown drops the inline tag; other outlines: below


def test_the_content_security_policy_allows_only_this_inline_style_and_script(drafts: Path) -> None:
    page = Page(html_and_findings("draft.md")[0])
    (meta,) = [m for m in page.find("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in meta.attrs["content"].split(";"))
    assert policy["default-src"] == "'none'"

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert policy["script-src"] == digest(page.find("script")[0].content)
    assert policy["style-src"] == digest(page.find("style")[0].content)


def test_every_finding_is_listed_under_the_line_it_is_on(drafts: Path) -> None:
    markup, findings = html_and_findings("draft.md")
    page = Page(markup)
    notes = page.find("li", "note")
    assert Counter((int(n.attrs["data-line"]), n.attrs["data-code"]) for n in notes) == Counter(
        (f["line"], f["code"]) for f in findings
    )
    assert {"H003", "R003", "L001", "S002", "M003"} <= {f["code"] for f in findings}
    for note in notes:
        row = note.up("row")
        if row is None:  # whole-post findings are listed above the draft
            assert note.up("post-notes") is not None and note.attrs["data-line"] == "1"
        else:
            assert row.attrs["data-line"] == note.attrs["data-line"]


def test_fixable_findings_say_what_fix_would_do(drafts: Path) -> None:
    markup, findings = html_and_findings("draft.md")
    page = Page(markup)
    badges = {}
    for note in page.find("li", "note"):
        badge = [child for child in page.elements if child.parent is note and "fix" in child.classes]
        badges[(int(note.attrs["data-line"]), note.attrs["data-code"])] = (
            badge[0].classes - {"fix"} if badge else set()
        )
    expected = {(f["line"], f["code"]): {f["fix"]["applicability"]} if f["fix"] else set() for f in findings}
    assert badges == expected and any(expected.values())
    (header,) = page.find("span", "fixable")
    assert "fixable with `--fix`" in header.content


def test_each_span_is_marked_on_its_lines(drafts: Path) -> None:
    markup, findings = html_and_findings("draft.md")
    page = Page(markup)
    lines = DRAFT.splitlines()
    ids = {
        (int(n.attrs["data-line"]), int(n.attrs["data-column"]), n.attrs["data-code"]): n.attrs["id"]
        for n in page.find("li", "note")
    }
    marks = page.find("mark")
    for mark in marks:
        row = mark.up("row")
        assert row is not None and row.attrs["data-line"] == mark.attrs["data-line"]
    multi_line = 0
    for finding in findings:
        expected = span_text(lines, finding)
        if not expected or finding["whole_post"]:
            continue  # a point (an image) or a verdict on the whole post is flagged by its note only
        mine = [
            m
            for m in marks
            if ids[finding["line"], finding["column"], finding["code"]] in m.attrs["data-findings"].split()
        ]
        assert int(mine[0].attrs["data-line"]) == finding["line"], finding
        assert int(mine[-1].attrs["data-line"]) <= max(finding["end_line"], finding["line"])
        assert "".join(m.content for m in mine) == expected, finding
        multi_line += len({m.attrs["data-line"] for m in mine}) > 1
    assert multi_line >= 1  # the <img> over two lines (I001)


def test_overlapping_spans_share_marks_a_span_may_cross_lines_and_a_point_is_a_bar(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("abcdef\nghij\n", encoding="utf-8")
    wide = Finding(str(draft), Span(1, 2, 2, 3), "R003", "long-sentence", Severity.WARNING, "w", "abcdef")
    narrow = Finding(str(draft), Span(1, 4, 1, 6), "L001", "link-placeholder", Severity.ERROR, "n", "abcdef")
    point = Finding(str(draft), Span(2, 4, 2, 4), "I001", "image-missing-alt", Severity.ERROR, "p", "ghij")
    page = Page(render(FileResult(str(draft), "markdown", (wide, narrow, point), {})))
    got = [
        (m.attrs["data-line"], m.content, m.attrs["data-findings"], m.attrs["class"])
        for m in page.find("mark")
    ]
    assert got == [
        ("1", "bc", "f0-0", "warning"),
        ("1", "de", "f0-0 f0-1", "error"),
        ("1", "f", "f0-0", "warning"),
        ("2", "gh", "f0-0", "warning"),
        ("2", "", "f0-2", "point error"),
    ]
    (row,) = [r for r in page.find("div", "src") if r.parent and r.parent.attrs.get("data-line") == "2"]
    assert row.content == "ghij"


def render(*files: FileResult) -> str:
    from io import StringIO

    stream = StringIO()
    report(RunResult(files, ()), stream, ReportOptions(color=False))
    return stream.getvalue()


@pytest.mark.parametrize("case", ["stdin", "deleted", "changed"])
def test_findings_without_the_draft_when_it_cannot_be_read_back(tmp_path: Path, case: str) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("# T\n\nclose\nclose\n", encoding="utf-8")
    path = "-" if case == "stdin" else str(draft)
    if case == "deleted":
        draft.unlink()
    line = "something else" if case == "changed" else "close"
    finding = Finding(path, Span(4, 1, 4, 6), "S004", "duplicate-line", Severity.WARNING, "'<b>' again", line)
    page = Page(render(FileResult(path, "markdown", (finding,), {"words": 3}, ((1, "T", 1),))))
    assert not page.find("div", "draft") and not page.find("mark")
    assert page.find("p", "unavailable")
    (note,) = page.find("li", "note")
    assert note.attrs["data-line"] == "4" and "'<b>' again" in note.content
    assert page.find("li", "d1")  # the outline is still there, without links into the draft


def test_a_clean_file_has_no_draft_and_a_finding_off_the_draft_is_still_listed(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("# T\n\nText.\n", encoding="utf-8")
    clean = FileResult(str(draft), "markdown", (), {"words": 1})
    assert not Page(render(clean)).find("div", "draft")
    beyond = Finding(str(draft), Span(9, 1, 9, 3), "S004", "duplicate-line", Severity.WARNING, "far", "")
    page = Page(render(FileResult(str(draft), "markdown", (beyond,), {})))
    (note,) = page.find("li", "note")
    assert note.up("post-notes") is not None and note.attrs["data-line"] == "9" and "9:1" in note.content


def test_paths_headings_messages_and_stats_from_the_draft_are_escaped_too(tmp_path: Path) -> None:
    draft = tmp_path / "<img src=x onerror=alert(1)>.md"
    draft.write_text("# <script>alert(1)</script>\n", encoding="utf-8")
    message = "'<script>alert(2)</script>' again"
    finding = Finding(
        str(draft),
        Span(1, 3, 1, 28),
        "S004",
        "duplicate-line",
        Severity.WARNING,
        message,
        "# <script>alert(1)</script>",
    )
    outline = ((1, "<script>alert(1)</script>", 1),)
    stats = {"words": "<b>3</b>"}
    page = Page(render(FileResult(str(draft), "markdown", (finding,), stats, outline)))
    assert len(page.find("script")) == 1 and not page.find("img") and not page.find("b", "x")
    assert [m.content for m in page.find("mark")] == ["<script>alert(1)</script>"]
    assert page.find("h2")[0].content == str(draft)
    assert [li.content for li in page.find("li", "d1")] == ["H1<script>alert(1)</script>S004"]
    assert message in page.find("li", "note")[0].content
    assert [dd.content for dd in page.find("dd")] == ["<b>3</b>"]


def test_the_index_puts_errors_first_with_counts_and_each_file_has_outline_stats_and_rules(
    drafts: Path,
) -> None:
    (drafts / "warned.md").write_text("# Fine title here\n\nclose\nclose\n", encoding="utf-8")
    (drafts / "ai.txt").write_text((FIXTURES / "ai-draft.txt").read_text(encoding="utf-8"), encoding="utf-8")
    markup, findings = html_and_findings("warned.md", "draft.md", "ai.txt")
    page = Page(markup)
    rows = [r for r in page.find("tr") if "data-file" in r.attrs]
    counts = [
        tuple(
            int(td.content)
            for td in page.elements
            if td.parent is row and td.tag == "td" and "num" in td.classes
        )
        for row in rows
    ]
    paths = [next(a.content for a in page.find("a") if a.parent and a.parent.parent is row) for row in rows]
    expected = {
        path: tuple(
            sum(1 for f in findings if f["path"] == path and f["severity"] == s)
            for s in ("error", "warning", "info")
        )
        for path in paths
    }
    assert counts == [expected[p] for p in paths]
    assert counts == sorted(counts, key=lambda c: (-c[0], -c[1], -c[2]))
    assert paths[-1] == "warned.md" and counts[-1][0] == 0
    for section in page.find("section", "file"):
        inside = [e for e in page.elements if e.up("file") is section]
        assert any(e.tag == "dt" and e.content == "words" for e in inside)
        fired = {f["code"] for f in findings if f["path"] == section.attrs["data-path"]}
        explained = {e.attrs["id"].rsplit("-", 1)[1] for e in inside if e.tag == "details"}
        assert explained == fired
        assert all(e.content.strip() for e in inside if "doc" in e.classes)
    outline = [
        (li.attrs["data-level"], li.attrs["data-line"]) for li in page.find("li") if "data-level" in li.attrs
    ]
    assert ("4", "7") in outline and ("1", "5") in outline


def test_output_file_gets_the_html_and_the_terminal_the_rich_report(drafts: Path) -> None:
    result = run("draft.md", "--format", "html", "-o", "report.html", "--no-color")
    assert result.exit_code == 1
    assert Path("report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "<html" not in result.stdout and "H003" in result.stdout


# ---------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no chromium installed (scripts/install-browser.sh installs one)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable)
        yield launched
        launched.close()


@dataclass
class Visit:
    page: Any
    events: list[str]
    requests: list[str]


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """Open a local file and record every console message, dialog, page error and request."""
    contexts = []

    def open_file(path: Path) -> Visit:
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, [], [])
        page.on("console", lambda message: seen.events.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: seen.events.append(f"pageerror: {error}"))
        page.on("dialog", lambda dialog: (seen.events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("request", lambda request: seen.requests.append(request.url))
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        return seen

    yield open_file
    for context in contexts:
        context.close()


PLACEMENT = """() => [...document.querySelectorAll("li.note")].map((note) => {
  const row = note.closest(".row");
  const src = row && row.querySelector(".src");
  return {
    line: Number(note.dataset.line), code: note.dataset.code, visible: note.checkVisibility(),
    rowLine: row ? Number(row.dataset.line) : null,
    rowText: src ? src.textContent : null, path: note.closest("section").dataset.path,
    below: src ? note.getBoundingClientRect().top >= src.getBoundingClientRect().bottom - 0.5 : null,
  };
})"""

MARKS = """() => [...document.querySelectorAll("mark")].map((mark) => ({
  line: Number(mark.dataset.line), rowLine: Number(mark.closest(".row").dataset.line),
  tinted: getComputedStyle(mark).backgroundColor !== "rgba(0, 0, 0, 0)", visible: mark.checkVisibility(),
}))"""


@pytest.mark.slow  # a real browser: end to end, run by CI (-m slow)
def test_in_chromium_every_finding_sits_under_its_line_and_spans_are_highlighted(
    drafts: Path, visit: Any
) -> None:
    (drafts / "ai.txt").write_text((FIXTURES / "ai-draft.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _, findings = html_and_findings("draft.md", "ai.txt")
    seen = visit(drafts / "report.html")
    notes = seen.page.evaluate(PLACEMENT)
    assert Counter((n["line"], n["code"]) for n in notes) == Counter((f["line"], f["code"]) for f in findings)
    lines = {"draft.md": DRAFT.splitlines(), "ai.txt": (FIXTURES / "ai-draft.txt").read_text().splitlines()}
    for note in notes:
        assert note["visible"]
        if note["rowLine"] is not None:
            assert note["rowLine"] == note["line"] and note["below"], note
            assert note["rowText"] == lines[note["path"]][note["line"] - 1]
    marks = seen.page.evaluate(MARKS)
    assert len(marks) > 20
    assert all(m["line"] == m["rowLine"] and m["tinted"] and m["visible"] for m in marks)
    assert seen.events == []


@pytest.mark.slow  # a real browser: end to end, run by CI (-m slow)
def test_in_chromium_the_outline_renders(drafts: Path, visit: Any) -> None:
    html_and_findings("draft.md")
    page = visit(drafts / "report.html").page
    items = page.locator("ol.outline li")
    assert items.count() == 3
    assert all(items.nth(i).is_visible() for i in range(3))
    texts = [re.sub(r"\s+", " ", items.nth(i).inner_text()) for i in range(3)]
    assert texts[0].startswith("H1") and "A draft with problems" in texts[0]
    assert texts[1].startswith("H4") and "Skipped levels" in texts[1] and "H003" in texts[1]
    assert texts[2] == "H2Next alert(2)"
    items.nth(1).locator("a").click()
    assert page.url.endswith("#file-0-L7") and page.locator("#file-0-L7").is_visible()


@pytest.mark.slow  # a real browser: end to end, run by CI (-m slow)
def test_in_chromium_a_malicious_draft_runs_nothing_and_the_page_makes_no_requests(
    drafts: Path, visit: Any
) -> None:
    (drafts / "<img src=x onerror=alert(6)>.md").write_text(DRAFT, encoding="utf-8")
    html_and_findings("draft.md", "<img src=x onerror=alert(6)>.md")
    seen = visit(drafts / "report.html")
    page = seen.page
    for target in page.locator(".src, mark, .note").all():
        target.hover()
    for link in page.locator("a").all()[:40]:
        link.click()
    page.wait_for_timeout(100)
    assert seen.events == []
    assert seen.requests == [(drafts / "report.html").resolve().as_uri()]
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.images.length") == 0
    assert (
        page.evaluate(
            "document.querySelectorAll('[href^=\"javascript\" i], [onerror], [onmouseover]').length"
        )
        == 0
    )


@pytest.mark.slow  # a real browser: end to end, run by CI (-m slow)
def test_in_chromium_the_filters_hide_findings_by_severity_and_rule(drafts: Path, visit: Any) -> None:
    _, findings = html_and_findings("draft.md")
    page = visit(drafts / "report.html").page

    def visible_codes() -> Counter[str]:
        return Counter(
            page.evaluate(
                "() => [...document.querySelectorAll('li.note')].filter((n) => n.checkVisibility())"
                ".map((n) => n.dataset.code)"
            )
        )

    assert visible_codes() == Counter(f["code"] for f in findings)
    page.uncheck("input[name=severity][value=warning]")
    assert visible_codes() == Counter(f["code"] for f in findings if f["severity"] != "warning")
    assert page.locator("mark.off").count() > 0  # the warnings' spans are no longer tinted
    page.check("input[name=severity][value=warning]")
    page.select_option("select[name=code]", "L001")
    assert visible_codes() == Counter({"L001": 2})
    assert page.locator("#shown").inner_text() == "2"


@pytest.mark.slow  # a real browser: end to end, run by CI (-m slow)
def test_the_browser_checks_can_fail_on_an_unescaped_page(tmp_path: Path, visit: Any) -> None:
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text("<!DOCTYPE html><p>x</p><img src=missing.png onerror=alert(1)>", encoding="utf-8")
    seen = visit(unsafe)
    seen.page.wait_for_timeout(200)
    assert "dialog: 1" in seen.events
    assert any(url.endswith("missing.png") for url in seen.requests)
