"""C001 reads the ending as a reader would (issue 27): leftovers are no part of it, the closing
is the last paragraphs of the final section, and advice inside a section is advice. Each
distinction has a hit and a near miss; the fixtures are written for these tests."""

from __future__ import annotations

import pytest

from seolint.checks.cta import asks_reader, lexicon
from tests.conftest import lint

VERBS = lexicon().imperative_verbs
WHOLE_POST = {"C001": {"window": 1.0}}  # the whole post is the final part: only the reading decides
BODY = "The planner reads the statistics and picks a plan for each query it is given. " * 3


def fires(post: str) -> bool:
    """Whether C001 reports a Markdown post that has a body and `post` after it."""
    found = lint(f"# Indexes\n\n{BODY}\n\n{post}", select=("C001",), rules=WHOLE_POST)
    return [f.code for f in found] == ["C001"]


# -- leftovers are no part of the ending ------------------------------------------------------


def test_a_note_opened_by_a_to_do_marker_is_not_a_call_to_action() -> None:
    assert fires("That is the whole trade.\n\nTODO: ask Sam whether to link the course here\n")
    assert fires("That is the whole trade.\n\nFIXME - check the figures against a real build\n")
    assert not fires("That is the whole trade.\n\nAsk your team which of these queries runs most often.\n")


def test_a_real_call_that_holds_a_placeholder_still_counts() -> None:
    assert not fires("That is the whole trade.\n\nTry the new planner on a copy of your table: {{cta_url}}\n")


def test_a_sentence_with_a_chatbots_stock_phrase_is_not_a_call_to_action() -> None:
    said = "I hope this helps, and try the commands on a test machine first."
    assert fires(f"That is the whole trade.\n\n{said}\n")
    assert not fires("That is the whole trade.\n\nTry the commands on a test machine first.\n")


def test_a_link_to_nowhere_points_nobody_onward() -> None:
    assert fires("That is the whole trade. More details are in [the changelog](#).\n")
    assert not fires("That is the whole trade. More details are in [the changelog](/changelog/).\n")


# -- the closing is the last paragraphs of the final section ----------------------------------

EARLIER = "## Measuring\n\nRun the query twice and compare the plans.\n\n"


@pytest.mark.parametrize("heading", ["## Conclusion", "H2: Conclusion"])
def test_advice_in_a_section_before_the_final_one_is_not_a_call_to_action(heading: str) -> None:
    assert fires(f"{EARLIER}{heading}\n\nIndexes trade write speed for read speed.\n")
    closing = "Indexes trade write speed for read speed. Run the query on your own table tonight."
    assert not fires(f"{EARLIER}{heading}\n\n{closing}\n")


def test_a_list_is_one_paragraph_of_the_closing() -> None:
    items = "- the planner changed\n- the index grew\n- the cache warmed\n"
    assert not fires(f"## Wrap-up\n\nRun the query twice and compare the plans.\n\n{items}")
    paragraphs = "The planner changed.\n\nThe index grew.\n\nThe cache warmed.\n"
    assert fires(f"## Wrap-up\n\nRun the query twice and compare the plans.\n\n{paragraphs}")


# -- advice inside a section ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Check the column list of the old build before you ship.",
        "Give each consumer a stable id before you restart it.",
        "Clone the value if you need two owners.",
        "Read each annotation as a relation between inputs and outputs.",
        "Watch the eviction counter in your metrics.",
        "Update the docs.rs build to clean the directory up.",
        "Run it now and then, when the table has grown.",
    ],
)
def test_advice_inside_a_section_is_advice(sentence: str) -> None:
    assert not asks_reader(sentence, VERBS, in_list=True)
    assert asks_reader(sentence, VERBS)  # in the closing it is the reader's next step


@pytest.mark.parametrize(
    "sentence",
    [
        "Check out our migration guide.",
        "Watch our repository for the next release.",
        "Add the feed to your reader.",
        "Subscribe to the newsletter.",
        "See the docs for the other adapters.",
        "If you spot another one, just open a PR!",
        "To see a bigger program, take a look at the profiling tool.",
        "Then see if you can find the other two.",
        "Run the describe command on your busiest service today.",
        "Check the pool's wait time this week.",
        "Run it on the autoscaler now.",
    ],
)
def test_a_request_to_the_reader_inside_a_section_still_counts(sentence: str) -> None:
    assert asks_reader(sentence, VERBS, in_list=True)


# -- requests by their grammar, wherever they are ---------------------------------------------


def test_a_request_after_the_readers_next_occasion() -> None:
    assert asks_reader("Before your next upgrade, list the tables without a primary key.", VERBS)
    assert asks_reader("Next time a branch is ready for review, run an interactive rebase first.", VERBS)
    assert not asks_reader("Before the upgrade, the tables were listed by hand.", VERBS)
    assert not asks_reader("Next time, the planner picked the index on its own.", VERBS)


def test_the_next_step_of_a_series_of_technique_is_technique() -> None:
    assert not asks_reader("Compile in one stage, copy the artifact into a small image.", VERBS)
    assert asks_reader("Start small, copy the example, and run it on your own service.", VERBS)
    assert asks_reader("Honestly, try it on a spare machine.", VERBS)


def test_what_spells_out_a_statement_before_a_colon_is_not_a_request() -> None:
    spelled_out = "The pattern works the same for Rust: build in a fat stage, run in a thin one."
    assert not asks_reader(spelled_out, VERBS)
    assert asks_reader("Start small: build one service with it this week.", VERBS)
    assert asks_reader("One last thing: try it on your own cluster.", VERBS)
    # a request before the colon, after a lead-in: what follows is its next step
    asked = "When the next build breaks, don't guess: write a one-line test and let bisect run it."
    assert asks_reader(asked, VERBS)
    assert not asks_reader("When the build broke, nobody guessed: we wrote a test for bisect.", VERBS)


def test_a_symbol_before_a_request_is_read_past() -> None:
    assert asks_reader("👉 Pick one endpoint and move it behind a flag.", VERBS)
    assert asks_reader("→ Try the new executor on one service.", VERBS)
    assert not asks_reader("👉 Picking one endpoint was enough for us.", VERBS)


# -- pointers onward and calls for help -------------------------------------------------------


def test_a_further_reading_line_over_a_list_of_links_points_onward() -> None:
    items = "- [The planner's design](/design/)\n- [A talk on statistics](/talk/)\n"
    assert not fires(f"That is the whole trade.\n\nFurther reading:\n\n{items}")
    assert fires(f"That is the whole trade.\n\nOur benchmarks:\n\n{items}")


def test_a_head_that_calls_on_the_reader_makes_the_request_theirs() -> None:
    request = "try to reproduce the slow plan on your own data."
    assert asks_reader(f"Help wanted: {request}", VERBS, in_list=True)
    assert not asks_reader(f"Setup: {request}", VERBS, in_list=True)


def test_a_check_of_a_fact_is_advice_wherever_it_is() -> None:
    assert not asks_reader("Check what the clients receive, not what is on disk.", VERBS)
    assert not asks_reader("See whether the planner picked the index.", VERBS)
    assert asks_reader("Check what your clients receive this week.", VERBS)
    assert asks_reader("Check the certificates the clients receive.", VERBS)
