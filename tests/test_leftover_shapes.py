"""Leftover shapes met in blind set 4 and generalised: level markers at the end of a heading,
counted sections, an outline under an echoed prompt. Each a hit and a near miss."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import codes_at, lint, run_cli

BODY = "Rollbacks take minutes, and a flag turns the change off in seconds, which is why we use them.\n"


# -- H006: a level marker at the end, a counted section at the start ---------------------------


def test_a_level_marker_at_the_end_of_a_heading_is_reported() -> None:
    draft = "# Feature flags in practice (H1)\n\n" + BODY + "\n### When flags rot [h3]\n\n" + BODY
    assert codes_at(lint(draft, "markdown", ("H006",))) == [(1, "H006"), (5, "H006")]
    html = "<h1>Flags</h1>\n<p>" + BODY + "</p>\n<h2>Cleaning up old flags (H2)</h2>\n"
    assert codes_at(lint(html, "html", ("H006",))) == [(4, "H006")]


def test_a_level_named_inside_a_heading_is_left_alone() -> None:
    draft = "# Why (H2) is not a heading level\n\n" + BODY + "\n## Headings H1 to H6\n\n" + BODY
    assert lint(draft, "markdown", ("H006",)) == []


def test_counted_sections_are_reported_and_fixed(tmp_path: Path) -> None:
    draft = "# Flags\n\n" + BODY + "\n## Section 1: Why flags\n\n" + BODY + "\n## Main section 2 — Cleanup\n\n" + BODY
    assert codes_at(lint(draft, "markdown", ("H006",))) == [(5, "H006"), (9, "H006")]
    path = tmp_path / "post.md"
    path.write_text(draft, encoding="utf-8")
    run_cli(["check", "--fix", "--select", "H006", "--no-cache", str(path)])
    assert "## Why flags\n" in path.read_text(encoding="utf-8")
    assert "## Cleanup\n" in path.read_text(encoding="utf-8")


def test_a_section_named_by_its_number_in_prose_or_as_a_word_is_left_alone() -> None:
    draft = "# Flags\n\n## Section headings that sell\n\n" + BODY + "\nSection 2: of the licence applies.\n"
    assert lint(draft, "markdown", ("H006",)) == []


# -- S006: an outline under an echoed prompt ---------------------------------------------------

PROMPT = (
    "Prompt: write me a friendly blog post of about 800 words on feature flags for backend teams\n\n"
)
PLAN = "Plan\n- Hook: a Friday deploy\n- What a flag costs\n- Cleaning up\n- CTA: try one\nArticle\n\n"


def test_an_outline_under_a_pasted_prompt_is_found_when_a_marker_closes_it() -> None:
    found = lint(PROMPT + PLAN + "# Flags\n\n" + BODY, "markdown", ("S006",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(3, 8)]


def test_a_list_after_the_post_began_without_a_marker_is_left_alone() -> None:
    post = PROMPT + "# Flags\n\n" + BODY + "\nPlan\n- Hook: a Friday deploy\n- What a flag costs\n- CTA: try one\n\n" + BODY
    assert lint(post, "markdown", ("S006",)) == []
