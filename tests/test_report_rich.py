"""The Rich report fits the terminal: words and codes stay whole, snippets show the finding.

Output is parsed line by line (what a reader sees), never compared as a whole screen.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.document.model import Span
from seolint.findings.records import Edit, FileResult, Finding, Fix, RunResult, Severity
from seolint.registry.excerpt import shorten
from seolint.report import ReportOptions, color_wanted, layout
from seolint.report.layout import heading_text, window
from seolint.report.rich import PlainReport, report
from tests.conftest import FIXTURES, lint_path, lint_text


def render(result: RunResult, width: int, monkeypatch: pytest.MonkeyPatch, quiet: bool = False) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    stream = io.StringIO()
    report(result, stream, ReportOptions(color=False, quiet=quiet))
    return [line.rstrip() for line in stream.getvalue().splitlines()]


def finding(line: int, message: str, code: str = "H003", source: str = "", **span: int) -> Finding:
    at = Span(line, span.get("column", 1), line, span.get("end_column", 1))
    return Finding("post.md", at, code, "heading-skip", Severity.WARNING, message, source)


def one_file(*findings: Finding, **extra: object) -> RunResult:
    file = FileResult("post.md", "markdown", tuple(findings), {"words": 10}, **extra)  # type: ignore[arg-type]
    return RunResult((file,), ())


def ai_draft() -> RunResult:
    return RunResult((lint_path(str(FIXTURES / "ai-draft.txt"), make_plan(Config())),), ())


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_no_line_is_wider_than_the_terminal(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = render(ai_draft(), width, monkeypatch)
    assert max(len(line) for line in lines) <= width


@pytest.mark.parametrize("width", [60, 80, 100])
def test_words_and_codes_are_never_broken(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    result = ai_draft()
    words = set(" ".join(render(result, width, monkeypatch)).split())
    for found in result.findings:
        for word in f"{found.code} [{found.name}] {found.message}".split():
            assert word in words, (width, word)


def test_message_wraps_under_the_message_column(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "a rather long message " * 6
    lines = render(one_file(finding(12, long.strip())), 60, monkeypatch)
    first = next(line for line in lines if "H003" in line)
    column = first.index("a rather")
    continued = lines[lines.index(first) + 1]
    assert continued[:column].strip() == ""
    assert continued[column:].startswith(("a ", "rather", "long", "message"))


def test_whole_post_findings_come_first_with_the_path_alone_and_no_snippet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = Finding(
        "post.md",
        Span.point(1),
        "L002",
        "no-internal-link",
        Severity.WARNING,
        "0 internal links",
        "---",
        whole_post=True,
    )
    lines = render(one_file(finding(7, "H2 then H4", source="#### Deep"), whole), 80, monkeypatch)
    rows = [line.split() for line in lines if re.search(r"\s(L002|H003)\s", line) and "Tip" not in line]
    assert [row[0] for row in rows] == ["post.md", "post.md:7:1"]  # path:line:col, as compilers print
    assert not any(line.strip() == "│ ---" for line in lines)
    assert any(line.strip() == "│ #### Deep" for line in lines)


def fixable(line: int, applicability: str) -> Finding:
    fix = Fix((Edit(0, 1, "x"),), applicability, "fix it")  # type: ignore[arg-type]
    return Finding(
        "post.md", Span(line, 1, line, 3), "S004", "duplicate-line", Severity.WARNING, "m", "x", fix
    )


def test_fixable_findings_are_marked_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    result = one_file(fixable(2, "safe"), fixable(4, "unsafe"), fixable(6, "safe"), finding(8, "no fix"))
    lines = render(result, 100, monkeypatch)
    marks = {
        int(line.split()[0].split(":")[1]): line.split()[3] for line in lines if line.startswith("  post.md:")
    }
    assert marks == {2: "[*]", 4: "[~]", 6: "[*]", 8: "no"}  # line 8 has no marker: its message follows
    assert "[*] 2 fixable with `--fix` ([~] 1 more with `--unsafe-fixes`)" in lines


def test_no_fixable_line_without_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not any("fixable" in line for line in render(one_file(finding(3, "m")), 80, monkeypatch))


def test_a_long_path_puts_each_location_on_a_line_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stacked rows keep the message wide; the location stays whole, clickable."""
    path = "content/en/blog/2022-05-10-a-rather-long-post-name/index.md"
    line_finding = Finding(
        path, Span(42, 50, 42, 60), "R003", "long-sentence", Severity.WARNING, "too long", "x y"
    )
    whole = Finding(
        path, Span.point(1), "L002", "no-internal-link", Severity.WARNING, "0 links", whole_post=True
    )
    file = FileResult(path, "markdown", (whole, line_finding), {"words": 10})
    lines = render(RunResult((file,), ()), 80, monkeypatch)
    assert f"  {path}:42:50" in lines
    below = lines[lines.index(f"  {path}:42:50") + 1]
    assert below.split()[:3] == ["warning", "R003", "too"]
    assert sum(line.strip() == path for line in lines) == 1  # the header: a whole-post finding's location
    assert max(len(line) for line in lines) <= 80


def test_pipeline_marks_whole_post_findings() -> None:
    plan = make_plan(Config(select=("L002", "H003")))
    result = lint_text("---\ntitle: A post\n---\n\n## One\n\n#### Two\n\nText.\n", "p.md", "markdown", plan)
    by_code = {f.code: f.whole_post for f in result.findings}
    assert by_code == {"L002": True, "H003": False}


def test_snippet_is_centred_on_the_finding_column(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "x" * 95 + 'href="#"' + " filler" * 30
    assert len(source) > 250
    found = finding(3, "placeholder link", code="L001", source=source, column=96, end_column=104)
    lines = render(one_file(found), 80, monkeypatch)
    snippet = next(line for line in lines if "│" in line)
    assert 'href="#"' in snippet
    shown = snippet.split("│ ", 1)[1]
    assert shown.startswith("…") and shown.endswith("…")


def test_short_snippet_is_shown_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = render(one_file(finding(3, "m", source="  ## Short line")), 80, monkeypatch)
    assert any(line.endswith("│ ## Short line") for line in lines)


def test_window_keeps_the_finding_inside() -> None:
    assert window(10, 3, 4, 20) == (0, 10)
    assert window(300, 95, 103, 60) == (69, 129)
    assert window(300, 5, 6, 60) == (0, 60)
    assert window(300, 299, 300, 60) == (240, 300)
    first, last = window(300, 100, 250, 60)  # wider than the window: its start is shown
    assert first < 100 < last


def test_outline_has_the_title_as_root_and_clean_heading_text(monkeypatch: pytest.MonkeyPatch) -> None:
    outline = ((2, "Our settings {#our-settings}", 5), (3, "Details", 9))
    lines = render(one_file(outline=outline, title="The Post Title"), 80, monkeypatch)
    start = next(i for i, line in enumerate(lines) if "The Post Title" in line)
    assert lines[start].startswith("H1 The Post Title")
    assert "{#" not in "\n".join(lines)
    assert re.search(r"└── H2 Our settings$", lines[start + 1])
    assert re.search(r"└── H3 Details$", lines[start + 2])


def test_heading_text_drops_trailing_ids_only() -> None:
    assert heading_text("Setup {#setup}") == "Setup"
    assert heading_text("Setup {: #setup .big}") == "Setup"
    assert heading_text("Use {braces} inline") == "Use {braces} inline"


def test_footer_names_the_most_frequent_code(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [finding(n, "m", code="S001") for n in (3, 4)] + [finding(5, "m", code="H003")]
    lines = render(one_file(*found), 80, monkeypatch)
    footer = " ".join(lines[lines.index(next(line for line in lines if line.startswith("Tip:"))) :])
    assert footer.startswith("Tip: seolint explain S001 ")
    assert "(2x," in footer


def test_no_footer_without_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "seolint explain" not in "\n".join(render(one_file(), 80, monkeypatch))


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        (
            "T-Mobile Outage: What Can We Learn from this Major Tech Failure",
            40,
            "T-Mobile Outage: What Can We Learn from…",
        ),
        ("exactly ten", 11, "exactly ten"),
        ("unbreakablewordthatislong", 10, "unbreakab…"),
        ("two words", 5, "two…"),
    ],
)
def test_shorten_cuts_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_duplicate_line_message_ends_on_a_whole_word() -> None:
    plan = make_plan(Config(select=("S004",)))
    line = "Kubernetes Upgrade Gone Wrong: What the Cluster Outage Taught Us All Today"
    result = lint_text(f"{line}\n{line}\n", "p.txt", "text", plan)
    (message,) = [f.message for f in result.findings]
    quoted = message.split("'")[1]
    assert quoted.endswith("…")
    assert line.startswith(quoted.removesuffix("…"))
    assert quoted.removesuffix("…").split()[-1] in line.split()


@pytest.mark.parametrize("width", [60, 80])
def test_header_keeps_path_and_verdict_whole(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    path = "content/posts/2024/a-very-long-slug-for-a-post.md"  # fits alone, not with the verdict
    found = [Finding(path, Span(2, 1, 2, 3), c, "n", s, "m") for c, s in [("H003", Severity.ERROR)] * 2]
    info = Finding(path, Span(3, 1, 3, 3), "R006", "n", Severity.INFO, "m")
    file = FileResult(path, "markdown", (*found, info), {})
    lines = render(RunResult((file,), ()), width, monkeypatch)
    assert path in lines
    assert any(line.strip() == "[markdown]  2 errors, 0 warnings, 1 info" for line in lines)


def test_lines_are_not_padded_with_trailing_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    stream = io.StringIO()
    report(ai_draft(), stream, ReportOptions(color=False))
    assert not [line for line in stream.getvalue().splitlines() if line != line.rstrip()]


def test_wide_characters_in_a_snippet_stay_within_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len

    found = finding(2, "long line", source="漢字" * 100, column=50, end_column=52)
    lines = render(one_file(found), 80, monkeypatch)
    assert max(cell_len(line) for line in lines) <= 80
    assert any("│ " in line and "漢" in line for line in lines)


def test_rows_that_fit_are_not_laid_out_again_by_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report of a thousand findings should cost a fraction of finding them: rows the
    report has fitted to the width skip Rich's wrapping, so its calls do not grow with them."""
    from rich.text import Text

    wraps = 0
    real_wrap = Text.wrap

    def counted(self: Text, *args: object, **kwargs: object) -> object:
        nonlocal wraps
        wraps += 1
        return real_wrap(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Text, "wrap", counted)
    calls = {}
    for count in (10, 300):
        wraps = 0
        rows = [
            finding(n, "short message", source=f"line {n} of text", end_column=5) for n in range(1, count + 1)
        ]
        lines = render(one_file(*rows), 120, monkeypatch)
        assert sum("short message" in line for line in lines) == count
        assert sum(line.strip().startswith("│ line") for line in lines) == count
        calls[count] = wraps
    assert calls[300] == calls[10], calls


def test_a_narrow_terminal_wraps_rows_instead_of_cutting_them(monkeypatch: pytest.MonkeyPatch) -> None:
    message = "a message long enough to need the whole width of a narrow terminal"
    lines = render(one_file(finding(3, message, source="x" * 30)), 36, monkeypatch)
    assert set(message.split()) <= set(" ".join(lines).split())


@pytest.mark.parametrize("width", [40, 60, 80])
def test_stats_break_between_two_stats(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    stats = {"words": 1234, "headings": 7, "links": 12, "images": 3, "code_blocks": 4, "reading_minutes": 6}
    file = FileResult("post.md", "markdown", (), {**stats, "reading_ease": 61.2, "grade_level": 9.4})
    lines = [line for line in render(RunResult((file,), ()), width, monkeypatch) if "·" in line]
    assert lines, "no stats line"
    for line in lines:
        assert not line.rstrip().endswith("·") and not line.strip().startswith("·"), line
        assert len(line) <= width
    assert " · ".join(line.strip() for line in lines).startswith("1234 words · 7 headings · 12 links")


def drawn_by_rich(result: RunResult, width: int, monkeypatch: pytest.MonkeyPatch, quiet: bool) -> str:
    """The report without colour as Rich alone draws it: the plain writer's every part falls back."""
    with monkeypatch.context() as patched:
        patched.setattr(PlainReport, "_file_lines", lambda *args: None)
        patched.setattr(layout, "narrow", lambda text: False)
        stream = io.StringIO()
        report(result, stream, ReportOptions(color=False, quiet=quiet))
    return stream.getvalue()


@pytest.fixture(scope="module")
def fixtures_linted() -> RunResult:
    """Every fixture draft outside the sites linted with every rule, once for all the widths."""
    drafts = [p for p in sorted(FIXTURES.rglob("*.*")) if p.suffix in (".md", ".html", ".txt")]
    drafts = [p for p in drafts if "sites" not in p.parts]
    return RunResult(tuple(lint_path(str(path), make_plan(Config())) for path in drafts), ())


@pytest.mark.parametrize("width", [36, 52, 80, 120])
@pytest.mark.parametrize("quiet", [False, True])
def test_the_plain_writer_prints_what_rich_prints(
    width: int, quiet: bool, fixtures_linted: RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every fixture's report, written without Rich where it fits, byte for byte as Rich draws it."""
    monkeypatch.setenv("COLUMNS", str(width))
    stream = io.StringIO()
    report(fixtures_linted, stream, ReportOptions(color=False, quiet=quiet))
    assert stream.getvalue() == drawn_by_rich(fixtures_linted, width, monkeypatch, quiet)


words = st.text(alphabet="abcdefghij-…·é", min_size=1, max_size=30)
gaps = st.sampled_from([" ", "  ", " \u00a0"])


@given(
    st.lists(st.tuples(words, gaps), min_size=1, max_size=25),
    st.integers(min_value=20, max_value=90),
    st.booleans(),
)
def test_wrapping_breaks_where_rich_breaks(parts: list[tuple[str, str]], width: int, lead: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    text = (" " if lead else "") + "".join(word + gap for word, gap in parts).rstrip()
    console = Console(width=width, color_system=None)
    expected = [str(line) for line in Text(text).wrap(console, width, overflow="fold")]
    ours = layout.wrap(text, width)
    assert [line.rstrip() for line in ours] == [line.rstrip() for line in expected]
    assert all(len(line.rstrip()) <= width for line in ours)


def test_narrow_text_is_measured_as_rich_measures_it() -> None:
    from rich.cells import cell_len

    codes = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2010, 0x2028), 0x2500, 0x2026]
    sample = "".join(map(chr, codes))
    assert layout.narrow(sample) and layout.cells(sample) == cell_len(sample) == len(sample)
    for wide in ("漢字", "🙂", "e\u0301", "\t", "\n"):
        assert not layout.narrow(wide)
    assert layout.cells("漢字") == 4


def test_no_color_is_honoured_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert color_wanted(Terminal())
    assert not color_wanted(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color_wanted(Terminal())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert color_wanted(io.StringIO())
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not color_wanted(Terminal())


@pytest.mark.parametrize("width", [30, 44, 80])
def test_long_paths_and_headings_are_written_without_rich_as_rich_draws_them(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path longer than the line folds; a long heading wraps under its tree guides."""
    long_words = "a heading long enough to wrap under the guides of a tree at any of these widths"
    outline = ((2, long_words, 3), (3, "short", 5), (3, long_words, 7), (2, long_words, 9), (3, "x", 11))
    path = "content/posts/" + "a-very-long-folder-name/" * 3 + "post.md"
    file = FileResult(path, "markdown", (), {"words": 10}, outline=outline, title=long_words)
    result = RunResult((file,), ())
    monkeypatch.setenv("COLUMNS", str(width))
    assert PlainReport(io.StringIO())._file_lines(file, False) is not None  # the plain writer draws it
    stream = io.StringIO()
    report(result, stream, ReportOptions(color=False, quiet=False))
    assert stream.getvalue() == drawn_by_rich(result, width, monkeypatch, False)
