"""Leftover forms of round five (the second AI set's misses, by form): labels in more shapes,
notes that hold the draft back, AI disclaimers and a reasoning trace pasted above the post.
Each with a hit and a near miss that must stay quiet."""

from __future__ import annotations

import pytest

from tests.conftest import codes_at, lint

BODY = (
    "The post itself begins here and explains how timers replace cron jobs on a server, "
    "with an example that the reader can run on a machine of their own today.\n"
)


def _at(text: str, code: str, fmt: str = "text") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


def test_lower_case_and_qualified_keys_at_the_top() -> None:
    draft = "Timers vs cron\nkw: systemd timer vs cron\nangle: ops people\nlength: ~1200\n\n" + BODY
    assert _at(draft, "S005") == [2, 3, 4]
    html = (
        "<p>Here it is.</p><h1>Timers</h1>\n<p><strong>Suggested hero image:</strong> a clock</p>\n<p>" + BODY
    )
    assert _at(html, "S005", "html") == [2]
    assert _at(BODY + "\nKeywords used: systemd timer (4), cron (2)\n", "S005") == [3]


def test_lower_case_lines_with_a_colon_in_the_post_are_not_labels() -> None:
    post = BODY + "\nnote: timers need systemd\nlength: the number of bytes in the buffer is what you pass\n"
    assert _at(post, "S005") == []
    assert _at(BODY + "\nkeyword arguments: pass them by name\n\n" + BODY, "S005") == []


def test_a_line_that_holds_the_draft_back_is_a_note_to_the_editor() -> None:
    assert _at("Draft v2 (Help me write) — do not publish from this doc\n\n" + BODY, "S008") == [1]
    long_line = "Do not publish secrets in an image, because anyone who pulls the image can read every layer."
    assert _at(BODY + "\n" + long_line + "\n", "S008") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Written with AI assistance: check code samples before it goes live.",
        "Text written with Gemini in Docs can contain mistakes.",
        "💡 Notion AI expanded the body from Priya's notes.",
    ],
)
def test_an_ai_disclaimer_at_an_edge(sentence: str) -> None:
    assert _at(BODY + "\n" + sentence + "\n", "S007") == [3]


def test_a_post_about_ai_writing_tools_is_not_a_disclaimer() -> None:
    post = (
        BODY + "\nThe team wrote with AI tools for a month and measured how many drafts needed a rewrite.\n"
    )
    assert _at(post, "S007") == []


def test_a_reasoning_trace_above_the_post() -> None:
    trace = "Okay, the user wants a post about timers. I should show a unit file.\n\n# Timers\n\n" + BODY
    assert 1 in _at(trace, "S007", "markdown")
    middle = "\nThe user wants the job to run once a day, so the unit says so.\n\n"
    inside = "# Timers\n\n" + (BODY + "\n") * 7 + middle + (BODY + "\n") * 7
    assert _at(inside, "S007", "markdown") == []


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("[Image of a request flowing from the browser cache to the origin]", 1),
        ("[Translator's note: rendered as production throughout]", 1),
        ("It needs privileges. [Übersetzer: Kernelversion bitte prüfen]", 22),
        ("It uses a library. [Mention which library the team actually uses]", 20),
        ("[X] MB before and [Y] MB after.", 1),
        ("Enabled by default since version [X.Y].", 34),
    ],
)
def test_notes_and_slots_in_more_shapes(line: str, column: int) -> None:
    found = [f for f in lint(BODY + "\n" + line + "\n\n" + BODY, "markdown", ("S008",)) if f.code == "S008"]
    assert (found[0].span.line, found[0].span.column) == (3, column)


@pytest.mark.parametrize(
    "line",
    [
        "- [x] parsing merged",
        "<li>[x] parsing merged</li>",
        "See [Image of the week](https://example.org/week) for the picture.",
        "[Mention](https://example.org/m) is a tool; [explain it] twice.",
    ],
)
def test_task_boxes_links_and_short_brackets_are_the_posts(line: str) -> None:
    assert _at(BODY + "\n" + line + "\n\n" + BODY, "S008", "markdown") == []


def test_a_bare_link_placeholder_and_a_redirect_to_one() -> None:
    assert _at(BODY + "\nSee the spec (link) for the API.\n", "L001", "markdown") == [3]
    redirect = '<main><h1>T</h1><p>See <a href="https://www.google.com/url?q={}">the list</a>.</p></main>'
    assert _at(redirect.format("%5Binsert-link%5D"), "L001", "html") == [1]
    assert _at(redirect.format("https://rfc-editor.org/"), "L001", "html") == []


def test_a_suggestion_list_on_one_line_and_an_open_tbd() -> None:
    assert _at(BODY + "\nRecommended internal links: Trunk-based primer; Incident guide\n", "S008") == [3]
    assert _at(BODY + "\nRecommended reading: the systemd.timer man page\n\n" + BODY, "S008") == []
    assert _at(BODY + "\nTBD whether to show the other timer too\n\n" + BODY, "S002") == [3]
    assert _at(BODY + "\nTBD is what the schedule says for now.\n\n" + BODY, "S002") == []


def test_a_list_of_notes_the_assistant_speaks_in_at_the_end() -> None:
    notes = "\nNotes:\n- I assumed your readers use HTTP APIs.\n- The budget is ten percent here.\n"
    assert 3 in _at(BODY + notes, "S008", "markdown")
    own = "\nNotes:\n- Timers need systemd 229 or later.\n- The budget is ten percent here.\n"
    assert _at(BODY + own, "S008", "markdown") == []
