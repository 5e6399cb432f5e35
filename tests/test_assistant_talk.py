"""S007 (assistant-talk): the chat assistant's sentences by their grammar, measured on
phrasings the grammar was not written from (tests/data/assistant_phrasings.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.checks.assistant import assistant_form
from seolint.config.files import tomllib
from tests.conftest import codes_at, lint, run_cli

SETS = tomllib.loads(
    (Path(__file__).parent / "data" / "assistant_phrasings.toml").read_text(encoding="utf-8")
)["set"]


def test_phrasings_it_was_not_written_from() -> None:
    """Every near miss stays quiet; the sets it was later tuned on are mostly reported, and
    the one never tuned on keeps at least its first measured share."""
    for found in SETS:
        loud = [s for s in found["near_misses"] if assistant_form(s)]
        assert loud == [], found["name"]
        reported = sum(assistant_form(s) is not None for s in found["said"])
        share = reported / len(found["said"])
        first, total = map(int, found["first_measured"].split("/"))
        print(f"{found['name']}: {reported}/{len(found['said'])} (first measured {first}/{total})")
        assert share >= (0.75 if found["tuned_after"] else first / total), found["name"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Want me to make it shorter?",
        "If you'd like, I can tailor the tone for beginners.",
        "As an AI, I can't browse the web.",
        "My knowledge cutoff means the pricing may have changed.",
        "Be sure to replace the bracketed placeholders before publishing.",
        "Please double-check these numbers.",
        "I've kept the tone conversational.",
        "This draft comes in at roughly 1,100 words.",
        "Here's a 1,200-word SEO blog post on Redis eviction:",
        "This post was written with the help of ChatGPT.",
        "I'll write this as a hands-on guide for SREs who already run Prometheus.",
        "Copilot may make mistakes, so check the commands before you run them.",
        "AI output can be inaccurate.",
    ],
)
def test_the_shapes(sentence: str) -> None:
    assert assistant_form(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "As an AI researcher, she measures caches.",
        "Here's the updated support matrix.",
        "Feel free to adjust the timeout if your network is slow.",
        "We hope this release makes your builds faster.",
        "I've used this chart on three clusters, and I kept the defaults.",
        "Update: I added a section on TLS after readers asked for it.",
        "Let me know what you think in the comments.",
        "This version adds an --offline flag.",
        "Add a paragraph to the package doc comment.",  # a step, not a note to the requester
        "I'll write it as a closure instead, so the handler keeps its state.",
        "We'll structure this as a workspace with two crates.",
        "AI can make mistakes, so keep a human in the loop.",
        "The model can be wrong when the data drifts, so retrain it monthly.",
    ],
)
def test_a_posts_own_sentences(sentence: str) -> None:
    assert assistant_form(sentence) is None


def test_list_steps_and_edges() -> None:
    assert assistant_form("Add a section for OCI Helm repositories.", listed=True) is None
    assert assistant_form("This draft is about 900 words.", edge=False) is None
    assert assistant_form("This draft is about 900 words.", edge=True) is not None


def test_quotes_and_s003_phrases_are_left_alone() -> None:
    quoted = "# Post\n\nThe assistant said:\n\n> Want me to make it shorter?\n\nWe did not.\n"
    assert lint(quoted, select=("S007",)) == []
    both = "# Post\n\nI hope this helps. Text of the post goes on here for a while.\n"
    assert codes_at(lint(both, select=("S003", "S007"))) == [(3, "S003")]


def test_the_fix_deletes_the_sentence(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(
        "# Post\n\nCaches help. Want me to add a section on TTLs?\n\nMore text.\n", encoding="utf-8"
    )
    run_cli(["check", "--fix", "--unsafe-fixes", "--select", "S007", "--no-cache", str(draft)])
    assert draft.read_text(encoding="utf-8") == "# Post\n\nCaches help.\n\nMore text.\n"
