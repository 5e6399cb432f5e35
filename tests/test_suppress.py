"""Inline suppressions: every comment form, in Markdown, HTML and plain-text drafts."""

from __future__ import annotations

import pytest

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.discover.source import Format
from tests.conftest import codes_at, lint_text

# One line holding an unfilled link placeholder (L001), per format.
DEFECT: dict[Format, str] = {
    "markdown": "See [the guide](#) for details.",
    "html": '<p>See <a href="#">the guide</a> for details.</p>',
    "text": "See [Link to the guide] for details.",
}
FORMATS = list(DEFECT)
EXT = {"markdown": "md", "html": "html", "text": "txt"}


def run(
    lines: list[str], fmt: Format, select: tuple[str, ...] = ("L001", "X001", "X002"), unused: bool = False
) -> list[tuple[int, str]]:
    plan = make_plan(Config(select=select))._replace(report_unused_suppressions=unused)
    return codes_at(list(lint_text("\n".join(lines) + "\n", f"draft.{EXT[fmt]}", fmt, plan).findings))


def draft(fmt: Format, *middle: str) -> list[str]:
    """Blank-line separated paragraphs: `D` stands for the defect line."""
    body: list[str] = []
    for part in middle:
        body += [DEFECT[fmt] if part == "D" else part, ""]
    return body


@pytest.mark.parametrize("fmt", FORMATS)
def test_unsuppressed_defect_is_reported(fmt: Format) -> None:
    assert run(draft(fmt, "D"), fmt) == [(1, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("codes", ["L001", "link-placeholder", "", "H001, L001"])
def test_disable_line(fmt: Format, codes: str) -> None:
    lines = draft(fmt, "D", "D")
    lines[0] += f" <!-- seolint-disable-line {codes} -->"
    assert run(lines, fmt) == [(3, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_line_for_another_rule_keeps_the_finding(fmt: Format) -> None:
    lines = draft(fmt, "D")
    lines[0] += " <!-- seolint-disable-line H001 -->"
    assert run(lines, fmt) == [(1, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("codes", ["L001", "link-placeholder", ""])
def test_disable_next_line(fmt: Format, codes: str) -> None:
    lines = [f"<!-- seolint-disable-next-line {codes} -->", DEFECT[fmt], "", DEFECT[fmt]]
    assert run(lines, fmt) == [(4, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_next_line_reaches_only_the_very_next_line(fmt: Format) -> None:
    lines = ["<!-- seolint-disable-next-line L001 -->", "", DEFECT[fmt]]
    assert run(lines, fmt) == [(3, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("disable", "enable"), [("L001", "L001"), ("", ""), ("link-placeholder", "")])
def test_disable_enable_region(fmt: Format, disable: str, enable: str) -> None:
    lines = draft(
        fmt, "D", f"<!-- seolint-disable {disable} -->", "D", "D", f"<!-- seolint-enable {enable} -->", "D"
    )
    assert run(lines, fmt) == [(1, "L001"), (11, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_enable_of_another_rule_does_not_end_the_region(fmt: Format) -> None:
    lines = draft(fmt, "<!-- seolint-disable L001 H003 -->", "D", "<!-- seolint-enable H003 -->", "D")
    assert run(lines, fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("enable", ["L001", "link-placeholder"])
def test_enable_one_rule_inside_a_disable_of_every_rule(fmt: Format, enable: str) -> None:
    lines = draft(fmt, "<!-- seolint-disable -->", "D", f"<!-- seolint-enable {enable} -->", "D")
    assert run(lines, fmt) == [(7, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_enable_of_another_rule_inside_a_disable_of_every_rule_keeps_it_silenced(fmt: Format) -> None:
    lines = draft(fmt, "<!-- seolint-disable -->", "D", "<!-- seolint-enable H003 -->", "D")
    assert run(lines, fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_again_after_enable_inside_a_disable_of_every_rule(fmt: Format) -> None:
    lines = draft(
        fmt,
        "<!-- seolint-disable -->",
        "<!-- seolint-enable L001 -->",
        "D",
        "<!-- seolint-disable L001 -->",
        "D",
    )
    assert run(lines, fmt) == [(5, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unclosed_disable_runs_to_the_end(fmt: Format) -> None:
    lines = draft(fmt, "D", "<!-- seolint-disable L001 -->", "D", "D")
    assert run(lines, fmt) == [(1, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("codes", ["L001", "link-placeholder", ""])
def test_disable_file_anywhere_in_the_draft(fmt: Format, codes: str) -> None:
    lines = draft(fmt, "D", "D", f"<!-- seolint-disable-file {codes} -->")
    assert run(lines, fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_file_for_another_rule_keeps_findings(fmt: Format) -> None:
    lines = draft(fmt, "<!-- seolint-disable-file H001 -->", "D")
    assert run(lines, fmt) == [(3, "L001")]


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize(
    "entry", ["{ignore: [L001]}", "{ignore: [link-placeholder, H001]}", "{ignore: L001}"]
)
def test_front_matter_ignore(fmt: Format, entry: str) -> None:
    lines = ["---", "title: A post", f"seolint: {entry}", "---", "", DEFECT[fmt]]
    assert run(lines, fmt) == []


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize("entry", ["{ignore: [L01]}", "[L001]", "{ignore: [L001], extra: 1}"])
def test_bad_front_matter_entry_is_x001(fmt: Format, entry: str) -> None:
    lines = ["---", "title: A post", f"seolint: {entry}", "---", "", DEFECT[fmt]]
    assert run(lines, fmt) == [(1, "X001"), (6, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "comment", ["seolint-disable-line L01", "seolint-disable-line link-placehold", "seolint-disabel"]
)
def test_unknown_rule_or_directive_is_x001(fmt: Format, comment: str) -> None:
    lines = draft(fmt, "D")
    lines[0] += f" <!-- {comment} -->"
    assert run(lines, fmt) == [(1, "L001"), (1, "X001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_known_but_unselected_rule_is_not_x001(fmt: Format) -> None:
    lines = draft(fmt, "D")
    lines[0] += " <!-- seolint-disable-line H003 -->"
    assert run(lines, fmt) == [(1, "L001")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unused_suppression_only_with_the_flag(fmt: Format) -> None:
    lines = ["<!-- seolint-disable-next-line L001 -->", "Nothing to hide here.", "", DEFECT[fmt]]
    lines[3] += " <!-- seolint-disable-line L001 -->"
    assert run(lines, fmt) == []
    assert run(lines, fmt, unused=True) == [(1, "X002")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unused_names_only_the_idle_code(fmt: Format) -> None:
    lines = draft(fmt, "D")
    lines[0] += " <!-- seolint-disable-line L001 I001 -->"
    assert run(lines, fmt, select=("L001", "I001", "X002"), unused=True) == [(1, "X002")]
    assert run(lines, fmt, select=("L001", "X002"), unused=True) == []  # I001 did not run


def test_suppressions_in_code_blocks_are_ignored() -> None:
    lines = ["```html", "<!-- seolint-disable-file -->", "```", "", DEFECT["markdown"]]
    assert run(lines, "markdown") == [(5, "L001")]


def test_x001_can_be_ignored_like_any_rule() -> None:
    lines = draft("markdown", "D")
    lines[0] += " <!-- seolint-disable-line L01 -->"
    assert run(lines, "markdown", select=("L001",)) == [(1, "L001")]


def test_x001_x002_are_listed_as_rules() -> None:
    plan = make_plan(Config())
    names = {a.rule.code: a.rule.name for a in plan.rules}
    assert names["X001"] == "invalid-suppression" and names["X002"] == "unused-suppression"


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_unused_front_matter_and_file_suppressions(fmt: Format) -> None:
    lines = ["---", "title: A post", "seolint: {ignore: [L001]}", "---", "", "No placeholders left."]
    assert run(lines, fmt, unused=True) == [(1, "X002")]
    assert run([*lines, "", "<!-- seolint-disable-file -->"], fmt, unused=True) == [(1, "X002"), (8, "X002")]
