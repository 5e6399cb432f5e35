"""Leftover forms of round six, read by their shape rather than their words: a page's chrome
by its layout (runs of controls and counts, a header bar, rows of controls or sources, an
author card), a plan or brief closed by a draft marker, a properties table, label rows, a
reasoning trace, an offer of another version, a tool's note, editor comments and
instruction lines. Each with a hit and a near miss that must stay quiet; the wording is
not that of any labelled set."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.checks.assistant import assistant_form
from tests.conftest import codes_at, lint, run_cli

BODY = (
    "The post itself begins here and explains how memory limits work in a container, "
    "with an example that the reader can run on a machine of their own today.\n"
)


def _lines(text: str, code: str, fmt: str = "text") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


# -- S010: page chrome by layout ---------------------------------------------------------------


def test_a_platform_footer_of_tags_counts_an_author_card_and_links() -> None:
    page = (
        "Memory Limits in Practice\n" + BODY + BODY + "Containers\nKernel\n1,204\n17\n"
        "Written by Maya Stein\n3.4K Followers\n"
        "Site reliability engineer who writes about kernels and queues.\nMore from Maya Stein\n"
    )
    assert _lines(page, "S010") == [4, 5, 6, 7, 8, 9, 10, 11]


def test_a_header_bar_above_the_title_and_a_bar_between_byline_and_text() -> None:
    page = (
        "Get the app\nSign in\nDrafts\nMemory Limits in Practice\n"
        "Maya Stein\nFollow\n4 min read · Mar 3, 2026\n88\nShare\n" + BODY + BODY
    )
    assert _lines(page, "S010") == [1, 2, 3, 5, 6, 7, 8, 9]


def test_short_lines_of_a_post_are_not_a_bar() -> None:
    release = "Notes for 2.3\n" + BODY + "Fixed in:\n2.3.1\n2.3.2\n1.14.2\n\n" + BODY
    assert _lines(release, "S010") == []
    credits = BODY + "\nThanks to\nAna Costa\nBo Lind\nKim Park\n"
    assert _lines(credits, "S010") == []
    top = "Part two\nA series on limits\nMemory Limits in Practice\n" + BODY + BODY
    assert _lines(top, "S010") == []


def test_rows_of_controls_and_of_source_cards() -> None:
    page = (
        "<p>Sources · mdn · web.dev · +3</p>\n<h1>Limits</h1>\n<p>"
        + BODY
        + "</p>\n<p>Copy · Share · Export</p>"
    )
    assert _lines(page, "S010", "html") == [1, 5]


def test_rows_that_are_the_posts_own_text() -> None:
    page = (
        "<h1>Limits</h1>\n<p>" + BODY + "</p>\n<p>Read · Write · Execute</p>\n"
        "<p>Sources · the kernel docs and two talks</p>\n<p>" + BODY + "</p>"
    )
    assert _lines(page, "S010", "html") == []


def test_a_byline_without_a_reading_time_is_the_writers_own() -> None:
    post = "# Limits\n\nBy Maya Stein · 3 March 2026 · Kernels\n\n" + BODY
    assert _lines(post, "S010", "markdown") == []
    pasted = "# Limits\n\nMaya Stein · 6 min read · 3 March 2026\n\n" + BODY
    assert _lines(pasted, "S010", "markdown") == [3]


# -- S006: a plan or brief closed by a draft marker ---------------------------------------------


def test_a_plan_of_any_items_closed_by_a_marker_is_one_outline() -> None:
    draft = (
        "Writing plan — for Sam, keep it short\n"
        "- why limits surprise people\n- cgroups in two paragraphs\n- what OOM kills look like\n\n"
        ">>> full draft below <<<\n\n# Memory Limits in Practice\n\n" + BODY
    )
    assert codes_at(lint(draft, "markdown", ("S006",))) == [(1, "S006")]
    brief = (
        "<h1>Limits</h1>\n<h2>Content brief (from the SEO tool)</h2>\n"
        "<p>Competitors cover: cgroups, OOM kills, requests and limits. Gaps: numbers, code.</p>\n"
        "<ul><li>What a limit is</li>\n<li>What happens at the limit</li></ul>\n<h2>Draft</h2>\n<p>"
        + BODY
        + "</p>"
    )
    found = lint(brief, "html", ("S006",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(2, 6)]


def test_a_post_about_outlines_with_a_draft_section_is_left_alone() -> None:
    post = (
        "# Outline first\n\n" + BODY + "\n## Outline (the plan)\n\n- the problem\n- the fix\n\n"
        "## Draft\n\n" + BODY
    )
    assert lint(post, "markdown", ("S006",)) == []
    no_marker = "Outline — what I will cover\n- limits\n- requests\n\n# Limits\n\n" + BODY
    assert lint(no_marker, "markdown", ("S006",)) == []


# -- S005: property tables, label rows, hyphenated keys ----------------------------------------


def test_a_properties_table_above_the_draft() -> None:
    draft = (
        "# Limits\n\n| Property | Value |\n|---|---|\n| Focus keyword | memory limits |\n"
        "| Reviewer | Sam |\n| Due date | Friday |\n\n" + BODY
    )
    found = lint(draft, "markdown", ("S005",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(3, 7)]  # one finding, the whole table
    assert found[0].fix is not None


def test_a_table_of_the_posts_own_facts_is_left_alone() -> None:
    post = "# Limits\n\n| Setting | Value |\n|---|---|\n| Status | stable |\n| Owner | kernel |\n\n" + BODY
    assert _lines(post, "S005", "markdown") == []
    below = "# Limits\n\n" + BODY + "\n| Key | Value |\n|---|---|\n| Focus keyword | a |\n| Reviewer | b |\n"
    assert _lines(below, "S005", "markdown") == []


def test_label_rows_and_hyphenated_keys_at_the_top() -> None:
    draft = (
        "Memory Limits in Practice\nMade in WriteDesk · Tone: Calm Expert · Persona: SRE Lead\n"
        "**SEO-Title:** Memory limits explained\n**Target-Audience:** platform teams\n\n" + BODY
    )
    assert _lines(draft, "S005") == [2, 3, 4]


def test_a_row_of_the_posts_own_facts_is_not_a_label() -> None:
    post = "# Limits\n\n" + BODY + "\nRead · Write · Execute: the three bits a file has.\n\n" + BODY
    assert _lines(post, "S005", "markdown") == []


# -- S007: a reasoning trace, another version, a tool's note -----------------------------------


def test_a_reasoning_trace_pasted_above_the_draft() -> None:
    draft = (
        "Reasoned for 9 seconds\n"
        "Alright, the user asked for a post on memory limits. Maybe they run Kubernetes.\n"
        "I need to cover requests and limits first. Then OOM kills.\n\n# Memory Limits\n\n" + BODY
    )
    assert _lines(draft, "S007", "markdown") == [1, 2, 3, 3]  # from the pasted control on


def test_a_post_about_users_is_not_a_trace() -> None:
    post = "# Pages\n\n" + BODY + "\nThe user wants a page that loads fast. I should say that twice.\n"
    assert _lines(post, "S007", "markdown") == []


def test_an_offer_of_another_version_at_the_end() -> None:
    draft = (
        "# Limits\n\n"
        + BODY
        + "\nWould you like a gentler version, or a short summary for Slack? Happy to.\n"
    )
    assert _lines(draft, "S007", "markdown") == [5]
    post = "# Limits\n\n" + BODY + "\nWant a faster version? Swap the list for a set and measure again.\n"
    assert _lines(post, "S007", "markdown") == []


def test_a_tools_note_that_the_text_was_generated() -> None:
    draft = (
        "# Limits\n\nText produced with WriteDesk, then trimmed. The intro still needs a human pass.\n\n"
        + BODY
    )
    assert _lines(draft, "S007", "markdown") == [3]
    post = "# Limits\n\nContent generated by users is checked before it is shown.\n\n" + BODY
    assert _lines(post, "S007", "markdown") == []
    example = "# Limits\n\n" + BODY + "\nHere is a full example for a post about quotas:\n\n" + BODY
    assert _lines(example, "S007", "markdown") == []


# -- S008: editor comments, instruction lines; S002: a TBD amount ------------------------------


def test_a_document_editors_comment_and_its_anchor() -> None:
    page = (
        '<h1>Limits</h1>\n<p>Limits are enforced by the kernel.<sup><a href="#cmnt2">[b]</a></sup></p>\n'
        "<p>"
        + BODY
        + '</p>\n<div><p><a href="#cmnt_ref2">[b]</a><span>Sam Ortiz: is this true for v1?</span></p></div>'
    )
    assert _lines(page, "S008", "html") == [2, 5]
    footnote = (
        '<h1>Limits</h1>\n<p>Limits are enforced by the kernel.<a href="#fn1">[1]</a></p>\n<p>'
        + BODY
        + "</p>"
    )
    assert _lines(footnote, "S008", "html") == []


def test_lines_that_tell_the_writer_what_to_add() -> None:
    page = (
        "<h1>Limits</h1>\n<p>"
        + BODY
        + '</p>\n<aside class="note">Cite the cgroups paper here (Sam has it)</aside>\n'
        "<p>Recommended screenshot for this part: the pod's events tab</p>\n<p>" + BODY + "</p>"
    )
    assert _lines(page, "S008", "html") == [4, 5]


def test_a_readers_instruction_is_not_a_note() -> None:
    post = (
        "# Limits\n\n" + BODY + "\nAdd your API token here and restart the agent.\n\n"
        "Add the following line here:\n\n" + BODY
    )
    assert _lines(post, "S008", "markdown") == []


def test_tbd_standing_for_an_amount() -> None:
    assert _lines("# Limits\n\nThe change saved TBD per week across the fleet.\n", "S002", "markdown") == [3]
    assert _lines("# Limits\n\nThe exact path TBD until the review ends.\n", "S002", "markdown") == []


# -- fixes ---------------------------------------------------------------------------------


def test_the_fixes_delete_the_bar_the_plan_and_the_table(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Get the app\nSign in\nDrafts\nMemory Limits in Practice\n\n" + BODY, encoding="utf-8")
    run_cli(["check", "--fix", "--select", "S010", "--no-cache", str(page)])
    assert page.read_text(encoding="utf-8") == "Memory Limits in Practice\n\n" + BODY
    plan = tmp_path / "plan.md"
    plan.write_text("Post plan:\n- limits\n- requests\n- kills\n\nDraft follows\n\n# Limits\n\n" + BODY)
    run_cli(["check", "--fix", "--unsafe-fixes", "--select", "S006", "--no-cache", str(plan)])
    assert plan.read_text(encoding="utf-8") == "# Limits\n\n" + BODY
    table = tmp_path / "table.md"
    table.write_text("# Limits\n\n| Key | Value |\n|---|---|\n| Slug | limits |\n| Owner | Sam |\n\n" + BODY)
    run_cli(["check", "--fix", "--unsafe-fixes", "--select", "S005", "--no-cache", str(table)])
    assert table.read_text(encoding="utf-8") == "# Limits\n\n" + BODY


@pytest.mark.parametrize(
    "sentence",
    [
        "Happy editing!",
        "Good luck with the post!",
        "The statistics above are placeholders; replace them with your own.",
        "Okay, so the user needs a tutorial about Redis streams.",
        "Hmm, the request is for an SEO article on gRPC.",
    ],
)
def test_more_of_the_assistants_sentences_at_the_edge(sentence: str) -> None:
    assert assistant_form(sentence, edge=True) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Happy hacking!",
        "Good luck with your migration!",
        "The values are placeholders for your own settings.",
        "The user wants a page that loads in under a second.",
    ],
)
def test_a_posts_own_sign_offs_and_placeholders(sentence: str) -> None:
    assert assistant_form(sentence, edge=True) is None


def test_a_key_ending_in_a_noun_only_drafts_use() -> None:
    draft = "**Post slug:** memory-limits\n**Reader persona:** SRE lead\n\n# Limits\n\n" + BODY
    assert _lines(draft, "S005", "markdown") == [1, 2]
    post = "# Limits\n\n" + BODY + "\nKeyword arguments: pass them by name.\nRelease date: 3 March\n"
    assert _lines(post, "S005", "markdown") == []


def test_a_control_with_the_page_it_acts_on() -> None:
    page = "# Limits\n\n" + BODY + "\nPrevious article\n\nNext post\n"
    assert _lines(page, "S010", "markdown") == [5, 7]
    post = "# Limits\n\nThis post\n\n" + BODY + "\nNext steps\n\n" + BODY
    assert _lines(post, "S010", "markdown") == []


def test_parts_of_a_plan_after_a_dash_and_a_plan_running_past_a_label() -> None:
    plan = "1. **Hook** — a pod dies at 3 a.m.\n2. **Core idea** — limits are a contract\n"
    draft = plan + "3. **Wrap-up** — check your own limits\n\nHere is the post:\n\n# Limits\n\n" + BODY
    assert codes_at(lint(draft, "markdown", ("S006",))) == [(1, "S006")]
    headed = "## Plan\n\n" + plan + "\nTarget length: 900 words\n\n## Full post\n\n# Limits\n\n" + BODY
    found = lint(headed, "markdown", ("S006",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(1, 8)]
    post = "# Limits\n\n" + BODY + "\nConclusion — we learned a lot.\n\nClose - the door.\n\n" + BODY
    assert lint(post, "markdown", ("S006", "S005")) == []
