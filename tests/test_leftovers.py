"""Leftovers still missed before issue 13: template fields with a value, TBD mid-sentence,
chatbot framing, links labels over real links, defined reference links."""

from __future__ import annotations

import pytest

from seolint.registry.catalog import known_rules
from tests.conftest import codes_at, lint


@pytest.mark.parametrize(
    "line",
    [
        "Image Alt Text: Diagram of the request path",
        "Call to Action: Subscribe for part two.",
        "Call to Action:",
    ],
)
def test_template_fields_with_or_without_a_value(line: str) -> None:
    assert codes_at(lint(f"# Post\n\nText.\n\n{line}\n", "text", ("S001",))) == [(5, "S001")]


def test_a_call_to_action_heading_with_a_title_is_a_section() -> None:
    text = "# Post\n\n### Call to Action: who would like to edit videos?\n\nWe need help.\n"
    assert lint(text, "markdown", ("S001",)) == []


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            "- [starter-workflows] is the official repository.\n\n[starter-workflows]: https://github.com/a/b\n",
            [],
        ),
        ("- [The RFC](https://example.com/rfc)\n", []),
        ("- [Link to the RFC]\n- [Link to the benchmark]\n", [(3, "S001")]),
        ("- The RFC\n- The benchmark\n", [(3, "S001")]),
    ],
)
def test_a_links_label_counts_only_without_links_after_it(
    section: str, expected: list[tuple[int, str]]
) -> None:
    assert codes_at(lint(f"# Post\n\n## External links\n\n{section}", "markdown", ("S001",))) == expected


def test_the_next_label_ends_a_links_label_section() -> None:
    text = "Intro.\n\nInternal Links:\n\n- [Link to A]\n\nImage Alt Text:\n\n- A phone showing no signal.\n"
    assert codes_at(lint(text, "text", ("S001",))) == [(3, "S001"), (7, "S001")]


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("Done. TBD: add numbers.", 7),
        ("Rollout date for the EU region: TBD.", 33),
        ("Builds got up to TBD% faster.", 18),  # a figure still to find, before its unit
        ("Cold starts took TBD ms against 200 ms.", 18),
        ("It costs $TBD a month.", 11),
    ],
)
def test_tbd_mid_sentence(line: str, column: int) -> None:
    found = lint(f"# Post\n\n{line}\n", "markdown", ("S002",))
    assert [(f.span.line, f.span.column) for f in found] == [(3, column)]


@pytest.mark.parametrize(
    "line",
    [
        "43% of the issues were still TODO, 21% WIP and 36% DONE.",
        "The exact path TBD until review; we track TBDs.",
        "The fix ships in TBD-2 and TBD's schedule moves.",
        "This is [Add & Commit] with a `branch` option.\n\n[Add & Commit]: https://example.com/add",
        "[Add `assert_ne!`][35074] to the list.\n\n[35074]: https://example.com/35074",
    ],
)
def test_statuses_words_and_real_links_are_not_placeholders(line: str) -> None:
    assert lint(f"# Post\n\n{line}\n", "markdown", ("S002",)) == []


def test_an_undefined_bracketed_instruction_still_is() -> None:
    assert codes_at(lint("# Post\n\nSee [Add & Commit] here.\n", "markdown", ("S002",))) == [(3, "S002")]


@pytest.mark.parametrize(
    "sentence",
    [
        "As an AI, I don't have access to your metrics.",
        "I'm sorry, but I can't browse the internet.",
        "Sure! Below is a revised version of the post.",
        "Absolutely! Here is the updated draft:",
        "Certainly! Here's how a miss is handled.",
        "Sure, here's a blog post about brokers.",
        "I hope this helps.",
        "Feel free to adjust the tone to fit your audience.",
        "Best regards, [Your Name]",
    ],
)
def test_chatbot_framing_is_one_error(sentence: str) -> None:
    found = lint(f"# Post\n\n{sentence}\n", "text", ("S003",))
    assert [(f.code, f.severity.label) for f in found] == [("S003", "error")]


@pytest.mark.parametrize(
    "sentence",
    [
        "As an AI researcher, she measures caches.",
        "Here's the updated support matrix.",
        "Feel free to adjust the timeout if your network is slow.",
    ],
)
def test_look_alikes_are_not_chatbot_framing(sentence: str) -> None:
    assert lint(f"# Post\n\n{sentence}\n", "markdown", ("S003",)) == []


def test_s003_is_an_error_by_default() -> None:
    assert known_rules().get("S003").severity.label == "error"
