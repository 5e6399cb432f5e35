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
    draft = (
        "# Flags\n\n"
        + BODY
        + "\n## Section 1: Why flags\n\n"
        + BODY
        + "\n## Main section 2 — Cleanup\n\n"
        + BODY
    )
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

PROMPT = "Prompt: write me a friendly blog post of about 800 words on feature flags for backend teams\n\n"
PLAN = "Plan\n- Hook: a Friday deploy\n- What a flag costs\n- Cleaning up\n- CTA: try one\nArticle\n\n"


def test_an_outline_under_a_pasted_prompt_is_found_when_a_marker_closes_it() -> None:
    found = lint(PROMPT + PLAN + "# Flags\n\n" + BODY, "markdown", ("S006",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(3, 8)]


def test_a_list_after_the_post_began_without_a_marker_is_left_alone() -> None:
    post = (
        PROMPT
        + "# Flags\n\n"
        + BODY
        + "\nPlan\n- Hook: a Friday deploy\n- What a flag costs\n- CTA: try one\n\n"
        + BODY
    )
    assert lint(post, "markdown", ("S006",)) == []


# -- S010: a platform's tag line, rows of controls, comments under the reactions ---------------

POST = "# Deadlines in Go\n\n" + BODY + "\n## Retries\n\n" + BODY + "\n" + BODY + "\n" + BODY


def _debris(text: str, fmt: str = "markdown") -> list[int]:
    return [line for line, code in codes_at(lint(text, fmt, ("S010",))) if code == "S010"]  # type: ignore[arg-type]


def test_a_tag_line_under_the_title_is_the_platforms() -> None:
    page = "# Deadlines in Go\n\n#golang #rpc #reliability\n\n" + POST.split("\n", 2)[2]
    assert _debris(page) == [3]


def test_one_hashtag_or_a_heading_is_left_alone() -> None:
    page = "# Deadlines in Go\n\n#golang is the tag we use.\n\n" + POST.split("\n", 2)[2]
    assert _debris(page) == []


def test_comments_and_an_author_card_under_the_reactions_are_the_pages() -> None:
    tail = (
        "\n👍 12 · Reply · Share\n\nDana Ortiz • Jun 2\nNice post, we hit the same bug last winter.\n"
        "3 likes · Reply\n\n© 2026 · About · Terms of use · Privacy\n"
    )
    lines = _debris(POST + tail)
    first = (POST + tail).count("\n", 0, (POST + tail).index("👍")) + 1
    assert {first, first + 3, first + 4, first + 6} <= set(lines)


def test_a_control_word_inside_a_paragraph_or_before_a_section_is_not_a_cut() -> None:
    wrapped = (
        POST
        + "\nYou can extend it for your own stores\n(like the S3 driver).\n\nThanks for reading our notes.\n"
    )
    assert _debris(wrapped) == []
    section = (
        POST
        + "\nShare\n\n## Your turn\n\nWhich of these deadlines would you set first in your own service?\n"
    )
    assert _debris(section) == []


def test_a_row_of_years_or_footer_words_alone_is_left_alone() -> None:
    post = POST + "\nAbout\n\nReleases: 2024 · 2025 · 2026\n"
    assert _debris(post) == []


# -- S008: a review left in the text -----------------------------------------------------------

TEXT = "Pin every module to a version so that an upgrade is a change someone reviews first."


def _notes(text: str, fmt: str = "markdown") -> list[int]:
    return [line for line, code in codes_at(lint(text, fmt, ("S008",))) if code == "S008"]  # type: ignore[arg-type]


def test_tracked_changes_and_comment_ranges_from_pandoc_are_reported() -> None:
    draft = (
        "# Modules\n\n"
        + TEXT
        + '\n\n[Open with the outage?]{.comment-start id="3" author="Ann"}[]{.comment-end id="3"}\n\n'
        '## [Lock what you use]{.insertion author="Ann"}[Locks]{.deletion author="Bo"}\n\n' + TEXT + "\n"
    )
    assert _notes(draft) == [5, 7]


def test_a_pandoc_span_of_another_class_is_left_alone() -> None:
    draft = "# Modules\n\n" + TEXT + " [Small print]{.smallcaps} stays.\n\n```\n[x]{.insertion}\n```\n"
    assert _notes(draft) == []


def test_word_revisions_comment_anchors_and_note_attributes_are_reported() -> None:
    page = (
        '<h1>Headers</h1>\n<h2>Framing<a href="#_msocom_2">[AB2]</a></h2>\n'
        f'<p>{TEXT} <del cite="mailto:ab@example.org" datetime="2026-01-02T10:00Z">old</del>'
        '<ins datetime="2026-01-02T10:00Z">new</ins></p>\n'
        f'<p data-reviewer-comment="check the limit">{TEXT}</p>\n'
        '<p><a name="_msocom_2"></a>[AB2] Please keep the softer wording here.</p>\n'
    )
    assert _notes(page, "html") == [2, 3, 4, 5]


def test_a_posts_own_strikethrough_and_data_attributes_are_left_alone() -> None:
    page = (
        f"<h1>Headers</h1>\n<p>{TEXT} It is a <del>bug</del> <ins>feature</ins>.</p>\n"
        f'<p data-section="intro" data-notes-count="2">{TEXT}</p>\n'
    )
    assert _notes(page, "html") == []


# -- S002: slots a tool or template left unfilled ----------------------------------------------


def _todo(text: str, fmt: str = "markdown") -> list[int]:
    return [line for line, code in codes_at(lint(text, fmt, ("S002",))) if code == "S002"]  # type: ignore[arg-type]


def test_unfilled_slots_in_shortcodes_cells_and_templates_are_reported() -> None:
    draft = (
        "# Uploads\n\n"
        '[download_box file="starter.zip" group="TBD"]\n\n'
        "| Store | Key |\n|---|---|\n| GCS | [TBD - ask the storage team] |\n\n"
        '[signup url="INSERT_SIGNUP_LINK"]\n\n'
        "At {brand_name}, uploads go straight to the bucket.\n\n"
        "Teams saved {stat_2} hours.\n"
    )
    assert _todo(draft) == [3, 7, 9, 11, 13]


def test_enums_format_strings_and_quoted_markers_are_left_alone() -> None:
    post = (
        "# Modes\n\nThe sink runs in INSERT_ONLY mode, and `{user_id}` is a path parameter.\n\n"
        'Write println!("{}", x) or name it {x}; a "TBD" column holds open items.\n'
    )
    assert _todo(post) == []


# -- L001: an address with a part still to fill in ---------------------------------------------


def test_an_address_with_a_part_to_fill_in_is_a_placeholder() -> None:
    draft = "# Uploads\n\nOur [least-privilege guide](/?p=TBD) and [the FAQ](/docs/TODO#top) explain it.\n"
    assert codes_at(lint(draft, "markdown", ("L001",))) == [(3, "L001"), (3, "L001")]


def test_an_address_with_those_letters_inside_a_word_is_left_alone() -> None:
    draft = "# Uploads\n\nSee [the todo app](/examples/todomvc/) and [TBD-2](/issues/TBD-2) for details.\n"
    assert lint(draft, "markdown", ("L001",)) == []


# -- precision: a sentence-case title under labels, a signed byline -----------------------------


def test_a_title_in_sentence_case_under_the_labels_is_the_title() -> None:
    draft = (
        "Keyword: feature flags\nMeta description: How flags make rollbacks cheap.\n\n"
        "Feature flags: what they cost, what they save, and when to delete them\n\n" + BODY
    )
    assert sorted({line for line, code in codes_at(lint(draft, "text", ("S001", "S005")))}) == [1, 2]
    valued = "Keyword: feature flags\nAudience: backend teams\n\nReadability target: grade 9\n\n" + BODY
    assert [line for line, code in codes_at(lint(valued, "text", ("S005",)))] == [1, 2, 4]


def test_a_signed_byline_with_a_reading_time_is_the_posts_own() -> None:
    post = "# Deadlines in Go\n\nBy Dana Ortiz · 3 June 2026 · 6 min read\n\n" + POST.split("\n", 2)[2]
    assert _debris(post) == []
    pasted = (
        "Sign in\n\n# Deadlines in Go\n\nBy Dana Ortiz · 3 June 2026 · 6 min read\n\n"
        + POST.split("\n", 2)[2]
    )
    assert 5 in _debris(pasted)


# -- S010: a chat's time stamps, a tool's banners, "More articles by" --------------------------


def test_time_stamps_and_banners_around_the_post_are_the_tools() -> None:
    draft = (
        "=== REQUEST ===\nwrite the flags post\n=== RESPONSE ===\n\n" + POST + "\n=== END · 912 tokens ===\n"
    )
    lines = _debris(draft, "text")
    assert {1, 3} <= set(lines) and draft.count("\n") in lines
    thread = (
        "Ines Varga\nToday 09:12 AM\n\n" + POST + "\n👍 2\n\nTom Berg\nToday 09:30 AM (edited)\nlooks good\n"
    )
    assert {2, thread.count("\n") - 1} <= set(_debris(thread, "text"))


def test_a_time_or_a_rule_inside_the_post_is_left_alone() -> None:
    post = POST + "\nThe job runs at 10:42 every night.\n\n---\n\n" + BODY + "\n10:42\n\n" + BODY
    assert _debris(post) == []


# -- S008: a note list for the reviewer, values still to write, "... goes here" -----------------


def test_open_items_for_the_reviewer_and_the_list_under_them() -> None:
    draft = POST + "\nOpen questions for the editor:\n\n- the link for the SDK\n- a diagram for the intro\n"
    found = [(f.span.line, f.span.end_line) for f in lint(draft, "markdown", ("S008",))]
    start = draft.count("\n", 0, draft.index("Open questions")) + 1
    assert found == [(start, start + 3)]


def test_values_still_to_write_and_a_slot_that_goes_here() -> None:
    page = (
        '<html><head><meta name="description" content="[Description – 150 characters with the keyword]">'
        '</head><body><h1>Flags</h1>\n<img src="a.png" alt="DIAGRAM GOES HERE">\n'
        f"<p>{BODY}</p>\n<blockquote>[A customer story about a rollback goes here]</blockquote>\n"
        "</body></html>\n"
    )
    assert sorted({line for line, _ in codes_at(lint(page, "html", ("S008",)))}) == [1, 2, 5]


def test_real_alt_text_and_bracketed_words_are_left_alone() -> None:
    page = (
        '<html><head><meta name="description" content="How flags [beta] help."></head><body><h1>Flags</h1>\n'
        f'<img src="a.png" alt="NASA logo">\n<img src="b.png" alt="AWS">\n<p>{BODY} Go [here] for more.</p>\n'
    )
    assert lint(page, "html", ("S008",)) == []


# -- S007: a closing block with a section of the post under it is the post's ---------------------

SECTION = "When flags rot\n\n" + BODY


def _talk(text: str) -> list[int]:
    return [line for line, code in codes_at(lint(text, "text", ("S007",))) if code == "S007"]  # type: ignore[arg-type]


def test_a_description_of_the_text_inside_a_plain_text_post_is_the_posts() -> None:
    post = "Feature flags\n\n" + (BODY + "\n") * 5 + "The headings are written last, once the flags ship.\n\n"
    post += SECTION
    assert _talk(post) == []


def test_the_same_description_under_the_last_section_is_the_assistants() -> None:
    draft = (
        "Feature flags\n\n"
        + (BODY + "\n") * 5
        + SECTION
        + "\nThe headings are written to match the keyword.\n"
    )
    assert _talk(draft) == [draft.count("\n")]


# -- S010: a translation tool's tabs and language pair -----------------------------------------


def test_a_row_of_tabs_and_a_language_pair_above_the_text_are_the_tools() -> None:
    page = "Text    Images    Files\nGerman (detected) → English\n\nKeyword: feature flags\n\n" + POST
    assert {1, 2} <= set(_debris(page, "text"))


def test_wide_gaps_in_prose_and_an_arrow_in_a_sentence_are_left_alone() -> None:
    post = POST + "\nInput  Output\n\nWe map German → English in the glossary step, then review it.\n"
    assert _debris(post, "text") == []


def test_a_translators_note_by_its_abbreviation_is_a_note() -> None:
    draft = "# Flags\n\n" + BODY + '\n[T.N.: the source says "interruptor"; kept as "flag".]\n'
    assert _notes(draft) == [5]
    post = (
        "# Flags\n\n" + BODY + "\nThanks to T.N. Okafor for the review: [the talk](https://example.org/t).\n"
    )
    assert _notes(post) == []


def test_a_line_giving_the_documents_draft_status_is_a_note() -> None:
    draft = "# Flags\n\nDraft v3: for review by Monday, keyword feature flags\n\n" + BODY
    assert _notes(draft) == [3]
    post = "# Flags\n\nDraft 7 of the schema spec changed how flags are typed, and we follow it.\n\n" + BODY
    assert _notes(post) == []
