"""Leftover forms generalised from the sixth blind set's misses (notes to the writer, the
assistant's notes, label lines): each form with a hit and a near miss from published prose."""

from __future__ import annotations

import pytest

from tests.conftest import codes_at, lint

BODY = "Retries hide slow dependencies until the day they all time out together.\n"
LONG = "A queue absorbs bursts, and a worker pool drains it at a rate the database can take. " * 2


def _lines(text: str, code: str, fmt: str = "markdown") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


# -- HTML: quotations and an answer's text around the page ---------------------------------------


def test_a_quoted_chat_in_html_is_a_quotation() -> None:
    page = (
        "<article><h1>X</h1><p>" + LONG + "</p>\n<blockquote>\n"
        "<p><strong>Bot:</strong> Sure! Here's a script that adds the index.</p>\n"
        "<p><strong>Bot:</strong> As an AI, I can't see your schema, but it should work.</p>\n"
        "</blockquote>\n<p>" + LONG + "</p></article>"
    )
    assert _lines(page, "S003", "html") == []
    unquoted = page.replace("<blockquote>", "<div>").replace("</blockquote>", "</div>")
    assert _lines(unquoted, "S003", "html") == [3, 4]


def test_an_answers_paragraphs_around_the_page_are_read() -> None:
    page = (
        "<p>Of course! Below is the post, ready to paste into your CMS.</p>\n<!DOCTYPE html>\n"
        "<html><body><article><h1>Flags</h1><p>" + LONG + "</p></article></body></html>\n"
        "<p><em>Note: I couldn't verify the adoption figures, so I left a placeholder.</em></p>\n"
    )
    assert codes_at([f for f in lint(page, "html", ("S003", "S007"))]) == [(1, "S003"), (4, "S007")]
    site = page.replace("<p>Of course! Below is the post, ready to paste into your CMS.</p>\n", "")
    assert (
        _lines(
            site.replace("<p><em>Note: I", "<footer><p>We").replace("</em></p>", "</p></footer>"),
            "S007",
            "html",
        )
        == []
    )


# -- S002: a bracketed instruction whose object is no link --------------------------------------


def test_an_instruction_that_mentions_urls_further_on_is_still_one() -> None:
    text = (
        "# Post\n\n"
        + BODY
        + "\n[Insert code example that fetches several URLs]\n\n[Add stat: share of sign-ins, with source]\n"
    )
    assert _lines(text, "S002") == [5, 7]
    linked = "# Post\n\n" + BODY + "\n[Insert the docs link]\n"
    assert _lines(linked, "S002") == [] and _lines(linked, "L001") == [5]


# -- S008: notes to the writer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "(Consider adding a diagram here showing the three controllers.)",
        "Keep locks short. (I'd suggest adding a short anecdote about a stuck migration.)",
        "[Writer: decide whether to recommend the strict mode, ask the security team]",
        "A firewall is a net, not a fix. [cite the OWASP page on firewall limits]",
        "Placeholder: add a short real-world story here (a regression found in minutes).",
        "(Maybe add a screenshot here of the settings page)",
        "[Editor: confirm the pricing before this goes out]",
    ],
)
def test_notes_to_the_writer_in_more_shapes(line: str) -> None:
    assert _lines(f"# Post\n\n{BODY}\n{line}\n\n{BODY}", "S008") == [5]


@pytest.mark.parametrize(
    "line",
    [
        "We scaled the pool (consider adding capacity before the sale) and it held.",
        "Indexes help (you could add an index on the table) when reads dominate.",
        "Read the [Editor: a history](https://example.org/ed) first.",
        "Note: add the following line to your shell profile.",
        "The reviewer should check that the tests cover the new path.",
        "No data was added to the table during the dry run.",
    ],
)
def test_asides_and_lines_of_published_posts_are_not_notes(line: str) -> None:
    assert _lines(f"# Post\n\n{BODY}\n{line}\n\n{BODY}", "S008") == []


def test_a_heads_note_on_what_to_write_under_it() -> None:
    text = (
        "Intro\n\n"
        + LONG
        + "\n\nFrequently Asked Questions (add 3 questions from the search page)\n\n"
        + LONG
        + "\n\nKey Takeaways (bullet list for skimmers):\n- one\n- two\n"
    )
    assert _lines(text, "S008", "text") == [5, 9]
    assert _lines("Intro\n\n" + LONG + "\n\nOverview (2-3 sentences on the problem)\n", "S008", "text") == [5]
    published = (
        "# Post\n\n" + LONG + "\n\n## Step 3 (add the repository)\n\n" + LONG + "\n\n## Setup (optional)\n"
    )
    assert _lines(published, "S008") == []


def test_lists_of_things_for_the_writer_to_add() -> None:
    text = (
        "# Post\n\n"
        + LONG
        + "\n\n**Internal links to add:**\n* Our guide to EXPLAIN\n* Partitioning basics\n\n"
        + LONG
        + "\n\nRelated posts you could link to:\n- Rebasing safely\n- Worktrees\n\n"
        + LONG
        + "\n\nFAQ ideas for a follow-up section:\n- Can two autoscalers share a target?\n"
    )
    assert _lines(text, "S008") == [5, 11, 17]


def test_a_posts_own_lists_stay_the_posts() -> None:
    text = (
        "# Post\n\n" + LONG + "\n\nQuestions to consider:\n- Who owns the queue?\n- Who pages?\n\n"
        "Project ideas:\n- A rate limiter\n- A job queue\n\n" + LONG + "\n\n" + LONG + "\n\n" + LONG + "\n"
    )
    assert _lines(text, "S008") == []


def test_notes_to_the_reviewer_and_what_a_tool_left_out() -> None:
    text = (
        "# Post\n\n"
        + LONG
        + "\n\n## Notes\n\n- Could not find a chart; reviewer should add a screenshot of the"
        " output.\n- No CTA added: the brief named none.\n"
    )
    assert _lines(text, "S008") == [7, 8]


def test_an_alt_text_that_suggests_an_image() -> None:
    page = '<article><h1>X</h1><p>{}</p>\n<img src="a.svg" alt="{}">\n</article>'
    assert _lines(page.format(LONG, "Image idea: a request passing three caches"), "S008", "html") == [2]
    assert _lines(page.format(LONG, "Screenshot: the Grafana alert list"), "S008", "html") == []


# -- S007: the assistant's notes after the post --------------------------------------------------------


def test_a_list_under_the_assistants_head_is_its_own() -> None:
    text = (
        "# Post\n\n" + LONG + "\n\n---\n\nA few notes on the draft:\n"
        "- I kept the example in Go because it builds a static binary.\n"
        "- The size figure is typical, not measured.\n"
    )
    assert _lines(text, "S007") == [7, 8, 9]
    checks = (
        "# Post\n\n"
        + LONG
        + "\n\nA couple of things to check before this goes live:\n- I've assumed MySQL 8.0.\n"
    )
    assert _lines(checks, "S007") == [5, 6]
    heard = checks.replace(
        "A couple of things to check before this goes live",
        "Here are a few things to verify before you hit publish",
    )
    assert _lines(heard, "S007") == [5, 6]


@pytest.mark.parametrize(
    "sentence",
    [
        "I didn't include a call to action since I wasn't sure what you wanted.",
        "I haven't written a CTA; you might point readers to a related post.",
        "If your audience is mostly Node developers, I can swap the example.",
        "Let me know and I'll add one.",
        "I left out the FAQ section; say the word and I'll write it.",
        "The 20 MB figure is typical, so please check it against a real build before publishing.",
    ],
)
def test_more_of_the_assistants_sentences(sentence: str) -> None:
    assert _lines(f"# Post\n\n{LONG}\n\n{sentence}\n", "S007") == [5]


@pytest.mark.parametrize(
    "text",
    [
        "Things to check before you publish your crate:\n- the licence field\n- the readme\n",
        "I didn't include the test files in the image, which keeps it small.\n",
        "I've assumed Python 3.12 throughout.\n",
        "I left out the tests; they are in the repo.\n",
    ],
)
def test_an_authors_own_closing_lines(text: str) -> None:
    assert _lines(f"# Post\n\n{LONG}\n\n{text}", "S007") == []


# -- S005: a tool's export header and rows ---------------------------------------------------------------


def test_a_writing_tools_report_above_and_below_the_draft() -> None:
    text = (
        "Editor export · Queue guide · exported 2026-12-02 14:08\nContent Score: 71/100\n"
        "Words: 1,042 / 1,350 recommended\nBrief: explain queues to new backend developers\n\n"
        "Queues for Beginners\n\n" + LONG + "\n\nConclusion\n\n" + LONG + "\n\n----------\n"
        "Grammar: 3 issues · Readability: Grade 11 (target 8-10)\n"
    )
    assert _lines(text, "S005", "text") == [2, 3, 4, 15]


def test_figures_as_labels_inside_a_post_are_results() -> None:
    text = "# Bench\n\n" + LONG + "\n\nWords: 1,042 per second\nLatency: 12 ms\n\n" + LONG + "\n"
    assert _lines(text, "S005") == []
