"""Leftovers found by a model of the post (the third blind set's misses, by layout): the
lines around a pasted post once its surroundings hold a leftover, a page's interface box
inside the text, a reasoning model's `<think>` trace, and outline markers in new shapes.
Each with a hit and a near miss that must stay quiet."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import codes_at, lint, run_cli

PROSE = (
    "Connection pools keep a few sockets open between requests, so that a busy service does "
    "not pay for a new handshake every time it talks to its database.\n"
)
MORE = (
    "A pool that is too small queues requests behind each other, and one that is too large "
    "holds connections the database would rather give to another client.\n"
)


def _lines(text: str, fmt: str = "markdown", code: str = "S010") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


# -- above the post's title -------------------------------------------------------------------


def test_everything_above_the_title_goes_once_a_leftover_is_there() -> None:
    draft = (
        "Sure! I'll draft this as a friendly explainer for backend developers.\n\n"
        "**How I'd structure it**\n\nOpening with the slow-query story\n\n"
        "Word count: about 800\n\n# Connection Pools, Explained\n\n" + PROSE + "\n" + MORE + "\n" + PROSE
    )
    assert _lines(draft) == [3, 5]  # line 1 is S007's sentence, line 7 S005's label: the evidence


def test_a_published_posts_lines_above_its_title_stay_without_a_leftover() -> None:
    post = "![A pool of sockets](pool.png)\n\nA note from the series editor\n\n# Connection Pools\n\n"
    assert _lines(post + PROSE + "\n" + MORE) == []


def test_a_line_between_the_title_and_the_first_paragraph() -> None:
    page = (
        "<p>Log in</p>\n<p>Sign up</p>\n<h1>Connection Pools</h1>\n<p>Connection Pools</p>\n"
        "<p>Filed under Databases, Backend</p>\n<p>4 min read</p>\n<p>" + PROSE + "</p>\n<p>" + MORE + "</p>"
    )
    assert _lines(page, "html") == [1, 2, 5, 6]  # line 4 is S004's: the title typed again


# -- under the post's last paragraph ---------------------------------------------------------


def test_the_tools_lines_under_the_post_go_once_one_is_a_leftover() -> None:
    draft = (
        "# Pools\n\n" + PROSE + "\n" + MORE + "\nAccept\nKeep it short\nAI can make mistakes.\nTry again\n"
    )
    assert _lines(draft) == [7, 8, 9, 10]


def test_a_posts_closing_lines_and_sources_list_stay() -> None:
    post = (
        "# Pools\n\n"
        + PROSE
        + "\n"
        + MORE
        + "\nThanks to Ana for reviewing.\n\nSources\n\n- PgBouncer docs\n"
    )
    assert _lines(post) == []
    answer = (
        "# Pools\n\n"
        + PROSE
        + "\n"
        + MORE
        + "\nSources\n[1] PgBouncer docs\n[2] HikariCP wiki\n\nTry again\n"
    )
    assert _lines(answer) == [11]


def test_a_line_under_the_assistants_closing_offer_is_outside_the_post() -> None:
    draft = (
        "# Pools\n\n" + PROSE + "\n" + MORE + "\nWant me to add a section on timeouts?\n\n"
        "Answers may contain mistakes, so check them.\n"
    )
    assert _lines(draft) == [9]


def test_a_short_closing_line_above_the_assistants_offer_is_the_posts() -> None:
    draft = (
        "# Pools\n\n"
        + PROSE
        + "\n"
        + MORE
        + "\n## Wrap-up\n\nHappy pooling!\n\nWant me to add a section on it?\n"
    )
    assert _lines(draft) == []
    assert _lines(draft + "\nRegenerate\nCopy\n") == [13, 14]


# -- an interface box inside the text --------------------------------------------------------


def test_a_newsletter_box_and_a_cookie_banner_inside_the_text() -> None:
    page = (
        "<h1>Pools</h1>\n<p>"
        + PROSE
        + "</p>\n\n<p>The Backend Letter</p>\n<p>One email a month, no spam.</p>\n"
        "<p>Your email</p>\n<p>Subscribe</p>\n\n<p>" + MORE + "</p>\n\n"
        "<p>We use cookies to count visits.</p>\n<p>Accept all</p>\n<p>Manage preferences</p>\n"
    )
    assert _lines(page, "html") == [5, 6, 7, 8, 13, 14, 15]


def test_control_words_inside_wrapped_sentences_are_not_a_box() -> None:
    post = (
        "# Pools\n\n" + PROSE + "\nA pool hands out connections the way a library hands out books, much\n"
        "like:\nsubscribe\nto a list, and accept\nthe terms.\n\n" + MORE
    )
    assert _lines(post) == []


# -- a reasoning model's trace ---------------------------------------------------------------


def test_a_think_trace_is_one_finding_and_its_fix_deletes_it(tmp_path: Path) -> None:
    draft = "<think>\nThe user wants a post on pools. I will start with the problem.\n</think>\n\n" + PROSE
    assert [(f.span.line, f.span.end_line) for f in lint(draft, "text", ("S010",))] == [(1, 3)]
    path = tmp_path / "pools.txt"
    path.write_text(draft, encoding="utf-8")
    run_cli(["check", "--fix", "--select", "S010", "--no-cache", str(path)])
    assert path.read_text(encoding="utf-8") == PROSE


def test_a_think_tag_shown_in_code_or_in_a_sentence_is_the_posts() -> None:
    post = "# Reasoning models\n\n" + PROSE + "\n```text\n<think>\nplan the answer\n</think>\n```\n\n" + MORE
    assert _lines(post) == []
    sentence = "# Reasoning models\n\n" + PROSE + "\nThe model wraps its plan in <think> and </think> tags.\n"
    assert _lines(sentence) == []


# -- outline markers in new shapes -----------------------------------------------------------


def test_markers_with_a_pointer_or_a_section_number() -> None:
    assert _lines("H2 ▸ What a pool is for and when you need one at all\n\n" + PROSE, "text", "H006") == [1]
    page = '<h2 class="wp-block-heading">Section 1 (H2): Sizing the pool</h2>\n<p>' + PROSE + "</p>"
    assert _lines(page, "html", "H006") == [1]


def test_a_section_marker_fix_keeps_the_heading_text(tmp_path: Path) -> None:
    path = tmp_path / "pools.html"
    path.write_text("<h2>Section 2 (H2): Sizing the pool</h2>\n<p>" + PROSE + "</p>\n", encoding="utf-8")
    run_cli(["check", "--fix", "--select", "H006", "--no-cache", str(path)])
    assert path.read_text(encoding="utf-8").startswith("<h2>Sizing the pool</h2>")


def test_headings_about_h2_or_sections_are_not_markers() -> None:
    post = "# Pools\n\n## Section 2 (of 3): sizing\n\n" + PROSE + "\n## H2O ▸ water\n\n" + MORE
    assert _lines(post, "markdown", "H006") == []


# -- notes to the writer in new shapes -------------------------------------------------------


def test_notes_addressed_to_the_writer_by_name_are_one_note() -> None:
    draft = (
        "# Pools\n\n" + PROSE + "\n▸ Notes for Sam (from the assistant):\n    Verify the default pool size.\n"
        "    Consider adding a diagram of the queue.\n\n" + MORE
    )
    found = lint(draft, "markdown", ("S008",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(5, 7)]


def test_notes_for_a_platform_over_facts_are_the_posts() -> None:
    post = (
        "# Pools\n\n"
        + PROSE
        + "\nNotes for Windows:\n    The pool is per process.\n    Sizes are in bytes.\n"
    )
    assert _lines(post, "markdown", "S008") == []


def test_a_tip_for_the_editor_inside_a_quote() -> None:
    draft = "# Pools\n\n" + PROSE + "\n> Tip for the editor: link this to the sizing post.\n\n" + MORE
    assert _lines(draft, "markdown", "S008") == [5]
    quote = "# Pools\n\n" + PROSE + "\n> Tip for beginners: start with ten connections.\n\n" + MORE
    assert _lines(quote, "markdown", "S008") == []


def test_notes_in_attribute_values() -> None:
    page = (
        '<html><head><meta name="description" content="[Write a short summary of the post for search]">'
        "</head><body>\n<h1>Pools</h1>\n<p>" + PROSE + '</p>\n<img src="q.png" alt="[ALT TEXT: a queue of '
        'requests waiting for a connection]">\n</body></html>'
    )
    assert _lines(page, "html", "S008") == [1, 5]
    fine = page.replace("[Write a short summary of the post for search]", "How pools keep sockets open")
    fine = fine.replace("[ALT TEXT: a queue of requests waiting for a connection]", "A queue [of requests]")
    assert _lines(fine, "html", "S008") == []


def test_suggestion_lines_bracketed_heads_and_open_citations() -> None:
    draft = (
        "# Pools\n\n" + PROSE + "\nImage suggestion: a queue of cars at a toll gate\n\n"
        "[CTA, two sentences: point readers to the pooling guide]\n\n"
        "Most outages start with an exhausted pool (source?) and a slow query (cite: the 2024 survey).\n"
    )
    assert _lines(draft, "markdown", "S008") == [5, 7, 9, 9]


def test_a_posts_own_labels_credits_and_examples_are_not_notes() -> None:
    post = (
        "# Pools\n\n" + PROSE + "\nExample table: pool sizes for three services\n\n"
        "Most outages start with an exhausted pool (source: the 2024 survey).\n\n"
        "Call it with [CTA](https://example.com/cta) to see the banner.\n"
    )
    assert _lines(post, "markdown", "S008") == []


def test_filler_latin_and_sections_still_to_write() -> None:
    draft = (
        "# Pools\n\n"
        + PROSE
        + "\nSed posuere consectetur est at lobortis.\n\nTuning section to be written.\n"
    )
    assert _lines(draft, "markdown", "S002") == [5, 7]
    post = "# Pools\n\n" + PROSE + "\nThe section to be read first is the one on timeouts.\n"
    assert _lines(post, "markdown", "S002") == []


def test_a_note_in_a_comment_is_reported_and_left_to_the_writer(tmp_path: Path) -> None:
    draft = "# Pools\n\n" + PROSE + "\n<!-- add a chart here: waiting requests over a day -->\n\n" + MORE
    assert _lines(draft, "markdown", "S008") == [5]
    path = tmp_path / "pools.md"
    path.write_text(draft, encoding="utf-8")
    run_cli(["check", "--fix", "--unsafe-fixes", "--select", "S008", "--no-cache", str(path)])
    assert path.read_text(encoding="utf-8") == draft  # no fix deletes a comment (it may be a suppression)
    structure = "# Pools\n\n" + PROSE + "\n<!-- more -->\n\n<!-- Chart pool-sizes start -->\n\n" + MORE
    assert _lines(structure, "markdown", "S008") == []


# -- text outside an HTML page's markup ------------------------------------------------------


def test_a_chat_pages_divs_around_the_answer() -> None:
    page = (
        '<div class="thread">\n<div class="query">write a blog post on connection pools</div>\n'
        '<div class="tabs">Answer · Sources 4</div>\n<div class="answer">\n<h1>Connection Pools</h1>\n'
        "<p>" + PROSE + "</p>\n<p>" + MORE + "</p>\n<p>" + PROSE + "</p>\n</div>\n"
        '<div class="actions">Share · Export · Rewrite</div>\n<div>Ask a follow-up…</div>\n</div>\n'
    )
    assert _lines(page, "html") == [2, 3, 13, 14]


def test_an_answers_words_around_a_whole_page() -> None:
    page = (
        "Here's the complete post as an HTML page:\n<html><body><article><h1>Pools</h1>\n<p>"
        + PROSE
        + "</p></article></body></html>\nWant me to add a section on timeouts?\n"
    )
    assert [(line, code) for line, code in codes_at(lint(page, "html", ("S007",)))] == [
        (1, "S007"),
        (5, "S007"),
    ]


def test_a_typed_prompt_and_an_answer_pages_tabs_above_the_title() -> None:
    page = (
        "seo blog post: why connection pools matter for small services\n\nAnswer · Images · Sources 7\n\n"
        "pgbouncer.org · Docs\n\n# Connection Pools\n\n" + PROSE + "\n" + MORE + "\n" + PROSE
    )
    assert _lines(page) == [1, 3, 5]
    post = "blog posts are rarely read twice, so this one is short.\n\n# Pools\n\n" + PROSE + "\n" + MORE
    assert _lines(post) == []


def test_a_link_to_the_templates_own_domain_is_a_placeholder() -> None:
    draft = "# Pools\n\nSee the [sizing guide](https://yourdomain.com/blog/sizing) first.\n"
    assert _lines(draft, "markdown", "L001") == [3]
    real = "# Pools\n\nSee the [sizing guide](https://yourdomainexperts.com/blog/sizing) first.\n"
    assert _lines(real, "markdown", "L001") == []
