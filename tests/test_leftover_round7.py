"""Leftover forms generalised from the seventh blind set's misses and false alarms (an answer
engine's citation markers, a tool's numbered sections, an outline under a working head, and
prose that only looks like a leftover): each form with a hit and a near miss."""

from __future__ import annotations

from tests.conftest import codes_at, lint

BODY = "Retries hide slow dependencies until the day they all time out together.\n"
LONG = "A queue absorbs bursts, and a worker pool drains it at a rate the database can take. " * 2


def _lines(text: str, code: str, fmt: str = "markdown") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


# -- S008: citation markers into an answer engine's source list ----------------------------------


def test_citation_markers_glued_to_the_prose_are_notes() -> None:
    text = (
        "# Bloom filters\n\nA filter answers no for sure and yes only maybe[1]. " + LONG + "\n\n"
        "Each extra hash function lowers the false positive rate up to a point[2][3].\n"
    )
    assert _lines(text, "S008") == [3, 5]
    page = (
        "<article><h1>X</h1>\n<p>Filters answer maybe.<sup>1</sup> " + LONG + "</p>\n"
        "<p>Hashes cost time.<sup>2</sup></p></article>"
    )
    assert _lines(page, "S008", "html") == [2, 3]


def test_a_reference_list_or_one_index_is_no_citation_marker() -> None:
    cited = (
        "# Bloom filters\n\nA filter answers no for sure[1]. " + LONG + "\n\n"
        "Hash functions cost time[2].\n\n## References\n\n[1] B. Bloom, 1970.\n\n[2] Kirsch, 2006.\n"
    )
    assert _lines(cited, "S008") == []
    indexed = "# Args\n\nThe loop reads `s[1]`, then `s[2]`. " + LONG + "\n\nIt stops at `s[3]`.\n"
    assert _lines(indexed, "S008") == []
    powers = (
        "<article><h1>X</h1>\n<p>It took O(n<sup>2</sup>) steps.</p>\n"
        "<p>Now 10<sup>6</sup> jobs fit.</p></article>"
    )
    assert _lines(powers, "S008", "html") == []
    noted = (
        "<article><h1>X</h1>\n<p>Buffers fill.<sup>1</sup></p>\n"
        "<p>Or drain.<sup>2</sup></p>\n<p><sup>1</sup> Rarely.</p>"
    )
    assert _lines(noted, "S008", "html") == []
    sourced = cited.replace(
        "## References\n\n[1] B. Bloom, 1970.\n\n[2] Kirsch, 2006.", "**Sources**\n\n1. Bloom\n2. Kirsch"
    )
    assert _lines(sourced, "S008") == []


# -- H006: a tool's numbered sections as plain-text headings -------------------------------------


def test_numbered_section_lines_of_an_export_are_outline_markers() -> None:
    text = "Title\n\nSection 1: Why sign\n\n" + LONG + "\n\nSection 2: How to verify\n\n" + LONG + "\n"
    assert _lines(text, "H006", "text") == [3, 7]


def test_one_section_line_or_a_sentence_about_a_section_stays_quiet() -> None:
    one = "Title\n\nSection 1: Why sign\n\n" + LONG + "\n"
    assert _lines(one, "H006", "text") == []
    prose = (
        "Title\n\nSection 2: the spec defines the header format in full.\n\n" + LONG + "\n\n"
        "Section 3: the spec lists the algorithms a server must support.\n"
    )
    assert _lines(prose, "H006", "text") == []


# -- S006: an outline under a "Working outline" head, closed by "Post draft" ------------------------


def test_a_working_outline_closed_by_a_post_draft_marker_is_an_outline() -> None:
    text = (
        "**Working outline**\n1. Opening: the outage\n2. Core idea: budgets\n3. Close: audit yours\n\n"
        "**Post draft ↓**\n\n# Budgets\n\n" + LONG + "\n"
    )
    found = lint(text, "markdown", ("S006",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(1, 6)]


def test_a_numbered_list_under_a_bold_line_in_the_post_is_not_an_outline() -> None:
    text = (
        "# Budgets\n\n" + LONG + "\n\n**Working hours**\n1. Opening: nine\n2. Core: ten to four\n"
        "3. Close: five\n\n" + LONG + "\n"
    )
    assert _lines(text, "S006") == []


# -- S001: a post defining the template's fields ---------------------------------------------------


def test_a_meta_description_field_with_its_value_is_a_label() -> None:
    text = "# X\n\n" + BODY + "\n**Meta description:** Learn how retries hide slow dependencies.\n"
    assert _lines(text, "S001") == [5]


def test_a_definition_of_the_field_or_an_outline_item_is_not() -> None:
    defined = "# X\n\n" + BODY + "\n**Meta description:** the text in the page head that results may show.\n"
    assert _lines(defined, "S001") == []
    plan = (
        "Title\n\n" + LONG + "\n\n  Hook: one slow build\n  Key points:\n    1. the cache\n"
        "    2. the graph\n  Call to action: run one build with tracing on\n\n" + LONG + "\n"
    )
    assert _lines(plan, "S001", "text") == []


# -- S007: a tutorial step, a quoted bot, a writer's habit ---------------------------------------


def test_a_step_over_its_code_and_a_quoted_bot_are_the_posts_own() -> None:
    step = (
        "# Strict tables\n\n"
        + LONG
        + "\n\nAdd the keyword after the closing parenthesis:\n\n```sql\nX\n```\n"
    )
    assert _lines(step, "S007") == []
    assert _lines(step.replace("```sql\nX\n```\n", LONG + "\n"), "S007") == [5]
    quoted = (
        "# Bot tone\n\n" + LONG + "\n\nWe rewrote them as plain statements: \"As an AI assistant, I can't see"
        " your keys from here.\n\n" + LONG + "\n"
    )
    assert _lines(quoted, "S007") == []


def test_a_writers_habit_is_not_what_the_assistant_did() -> None:
    habit = "For the last two years I have written an outline before anything else.\n\n# X\n\n" + LONG + "\n"
    assert _lines(habit, "S007") == []
    assert _lines(habit.replace("For the last two years I", "I"), "S007") == [1]


# -- S002: a post about TODO files ------------------------------------------------------------------


def test_a_personal_todo_file_is_the_posts_subject() -> None:
    text = "# Lists\n\n" + LONG + "\n\nA personal TODO file that copies the tracker goes stale.\n"
    assert _lines(text, "S002") == []
    assert _lines(text.replace("A personal TODO file", "TODO: check"), "S002") == [5]


# -- S010: the post's title in the <header> of a pasted page ----------------------------------------


def test_the_posts_title_in_the_pages_header_is_not_chrome() -> None:
    page = (
        "Locked Builds\nCode · HTML\n<!DOCTYPE html>\n<html><head><title>Locked Builds</title></head>\n"
        "<body><header>\n<h1>Locked Builds</h1>\n<p>Get the app · Log in</p>\n</header>\n<main>\n"
        "<p>Members only</p>\n<p>Ana Lima · Follow</p>\n<p>6 min read · Mar 2, 2026</p>\n"
        "<p>Listen · Share</p>\n<p>" + LONG + "</p>\n</main></body></html>"
    )
    lines = _lines(page, "S010", "html")
    assert 6 not in lines and {1, 7} <= set(lines)


# -- S008: the assistant's remarks and notes in comments --------------------------------------------


def test_comments_the_assistant_speaks_in_or_heads_its_notes_with_are_notes() -> None:
    page = (
        "<article><h1>X</h1>\n<!-- AI assistant: I assumed a managed cluster. -->\n<p>" + LONG + "</p>\n"
        "<!-- scribe-agent notes for the reviewer: -->\n<!-- - the examples were not run. -->\n"
        "<!-- - the second link needs a real path. -->\n</article>"
    )
    assert _lines(page, "S008", "html") == [2, 4, 5, 6]


def test_a_sites_comments_are_not_notes() -> None:
    page = (
        "<article><h1>X</h1>\n<!-- Author: Ana Lima -->\n<p>" + LONG + "</p>\n"
        "<!-- Notes: the sidebar is rendered by the theme -->\n<!-- - end of post body -->\n</article>"
    )
    assert _lines(page, "S008", "html") == []


def test_a_bracketed_intro_with_its_brief_is_a_note() -> None:
    text = "# X\n\n[Intro: a story about a forged event, two sentences]\n\n" + LONG + "\n"
    assert _lines(text, "S008") == [3]
    assert _lines(text.replace("[Intro: a story", "An intro: a story"), "S008") == []


# -- S005: a tool's keys and values still to write in front matter ----------------------------------


def test_a_tools_keys_and_unwritten_values_in_front_matter_are_leftovers() -> None:
    text = (
        '+++\ntitle = "Sockets"\ndraft = true\ndescription = "TODO: write one"\nauthor = "[Author name]"\n'
        'ai_model = "scribe 0.9"\nprompt_id = "req-12"\ntags = ["linux"]\n+++\n\n' + LONG + "\n"
    )
    assert _lines(text, "S005") == [4, 5, 6, 7]


def test_a_sites_own_front_matter_keys_stay_quiet() -> None:
    text = (
        "---\ntitle: Sockets\nauthor: Ana Lima\ntags: [linux, systemd]\nfocus_keyword: socket activation\n"
        "description: How systemd starts a service on its first connection.\nlayout: post\n---\n\n"
        + LONG
        + "\n"
    )
    assert _lines(text, "S005") == []


# -- S007: a revised or translated version announced, a thread offered --------------------------------


def test_a_revised_version_and_a_promotion_thread_are_the_assistants() -> None:
    text = (
        "Here's the Spanish version of your post.\n\n# Retries\n\n" + LONG + "\n\n"
        "I can also turn this into a thread for LinkedIn to promote it.\n"
    )
    assert _lines(text, "S007") == [1, 7]


def test_a_tutorials_versions_and_threads_are_its_own() -> None:
    text = (
        "Here is the rewritten version of the handler:\n\n# Retries\n\n" + LONG + "\n\n"
        "I can also show how the thread for each worker is scheduled.\n"
    )
    assert _lines(text, "S007") == []


# -- S002 and S008: markers inside brackets, slugs, French markers, facts to check ---------------------


def test_markers_inside_slots_slugs_and_french_markers_are_placeholders() -> None:
    text = (
        "# X\n\n" + LONG.rstrip() + " TBD how long we keep them.\n\n"
        "[Partner blurb, 30 words, TBD with sales]\n\n"
        "Read next: link-to-retry-budget-guide\n\n- À FAIRE : ajouter un exemple\n\n"
        "Voir la doc (lien à ajouter).\n\n[Insérer ici le schéma du réseau]\n"
    )
    assert _lines(text, "S002") == [3, 5, 7, 9, 11, 13]


def test_tbd_words_links_and_brackets_in_prose_are_not_placeholders() -> None:
    text = (
        "# X\n\n" + LONG + " The TBD column lists open items.\n\n"
        "The [link-to-docs](https://example.org/link-to-docs) page and /blog/link-to-this-post stay.\n\n"
        "A faire-valoir is not a marker, nor is [Insert] as a key name.\n"
    )
    assert _lines(text, "S002") == []


def test_a_bracketed_fact_to_check_is_a_note() -> None:
    text = "# X\n\nThe idle timeout is 350 seconds [verify the current default].\n\n" + LONG + "\n"
    assert _lines(text, "S008") == [3]
    assert _lines(text.replace("[verify the current default]", "[verify](https://example.org)"), "S008") == []


# -- S010 and S007: a writing panel's controls and its footer ----------------------------------------


def test_a_writing_panels_controls_and_footer_are_left_overs() -> None:
    text = (
        "Help me write\nWrite a post on worktrees for developers.\n\nWorktrees in practice\n\n"
        + LONG
        + "\n\nRefine\nInsert\nRate this suggestion\n"
        "Suggestions are generated by AI and may be inaccurate. Review them before you use them.\n"
    )
    found = codes_at(lint(text, "text", ("S010", "S007")))
    assert [line for line, _ in found] == [1, 2, 8, 9, 10, 11]


def test_a_post_on_ai_suggestions_and_an_insert_key_stays_quiet() -> None:
    text = (
        "Title\n\n" + LONG + "\n\nPress Insert to switch modes.\n\n"
        "Suggestions are generated by AI and reviewed by two engineers before they ship.\n\n" + LONG + "\n"
    )
    assert codes_at(lint(text, "text", ("S010", "S007"))) == []


# -- S010: the requester's turn shown as a quotation ---------------------------------------------------

QUOTED_TURN = (
    "Here's a first pass at the post on pools.\n\n# Pools\n\n" + LONG + "\n\n"
    "Should I add a section on timeouts, or keep it this short?\n\n> longer please, and add timeouts\n\n"
    "Good call. Here's the reworked version with a section on timeouts.\n\n# Sizing Pools\n\n" + LONG + "\n"
)


def test_a_quoted_turn_and_the_version_above_it_are_debris() -> None:
    lines = _lines(QUOTED_TURN, "S010")
    assert {3, 5, 9} <= set(lines) and not {13, 15} & set(lines)


def test_a_quoted_lower_case_line_in_a_post_is_a_quotation() -> None:
    post = "# Pools\n\n" + LONG + "\n\n> and that is the whole trick\n\n" + LONG + "\n"
    assert _lines(post, "S010") == []


def test_a_cms_previews_controls_and_the_title_pasted_again_are_debris() -> None:
    text = (
        "Preview\nclose\nKeepalive or Heartbeats: Which One Keeps a Connection Alive?\n"
        "Dana Okafor · 5 min read · Dec 2, 2026\nEdit\n\n"
        "Okay, here's a blog post on keepalive for backend developers:\n\n"
        "Keepalive or Heartbeats: Which One Keeps a Connection Alive?\n\n" + LONG + "\n"
    )
    lines = _lines(text, "S010", "text")
    assert {1, 2, 4, 5, 9} <= set(lines) and 3 not in lines


def test_a_post_that_says_preview_in_a_sentence_stays_quiet() -> None:
    text = "Keepalive or Heartbeats\n\n" + LONG + "\n\nPreview the change, then edit the config.\n"
    assert _lines(text, "S010", "text") == []


def test_a_writing_tools_footer_asking_for_review_is_the_assistants() -> None:
    text = "# X\n\n" + LONG + "\n\nWritten with Quill Mail AI · review before sending\n"
    assert _lines(text, "S007") == [5]
    ours = "# X\n\n" + LONG + "\n\nWritten by the SRE team · reviewed before publishing by two peers.\n"
    assert _lines(ours, "S007") == []


def test_a_paragraph_ending_in_another_scripts_full_stop_is_no_quick_reply() -> None:
    post = (
        "Sure! Here's the post on cargo, written in Japanese as you asked.\n\n# cargo 入門\n\n"
        "cargo は Rust のビルドツールで、依存関係の取得からテストまでを一つのコマンドで行います。\n\n"
        "rustup でツールチェーンを入れると、cargo も一緒に入ります。\n\n"
        "cargo build を実行すると、target フォルダーに成果物ができます。\n\n"
        "Want me to add a section on workspaces too?\n"
    )
    assert _lines(post, "S010") == []
    assert 9 in _lines(post.replace("ます。\n", "ます\n"), "S010")  # typed with no end mark: a turn
