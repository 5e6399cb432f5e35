"""C001 recognises calls to action by form: precision and recall on written post endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.checks.cta import asks_reader, clauses, lexicon
from seolint.config.files import tomllib  # tomllib, or tomli before Python 3.11
from tests.conftest import lint
from tests.growth import Growth, assert_linear

IMPERATIVE_VERBS = lexicon().imperative_verbs  # seolint/checks/cta_words.toml

ENDINGS = tomllib.loads((Path(__file__).parent / "data" / "cta_endings.toml").read_text(encoding="utf-8"))[
    "ending"
]
WHOLE_POST = {"C001": {"window": 1.0}}  # each ending is the whole final part


def recognised(text: str, **options: object) -> bool:
    """Whether C001 finds a call to action in a post that is only `text`."""
    rules = {"C001": {**WHOLE_POST["C001"], **{k.replace("_", "-"): v for k, v in options.items()}}}
    return not lint(f"# A post\n\n{text}", select=("C001",), rules=rules)


def test_precision_and_recall_on_written_endings() -> None:
    assert len(ENDINGS) >= 40
    assert abs(sum(e["cta"] for e in ENDINGS) - len(ENDINGS) / 2) <= len(ENDINGS) / 10  # about half
    verdicts = [(e["cta"], recognised(e["text"]), e["text"].strip()) for e in ENDINGS]
    true_pos = sum(truth and found for truth, found, _ in verdicts)
    precision = true_pos / max(1, sum(found for _, found, _ in verdicts))
    recall = true_pos / sum(truth for truth, _, _ in verdicts)
    wrong = [f"missed: {text}" for truth, found, text in verdicts if truth > found]
    wrong += [f"false CTA: {text}" for truth, found, text in verdicts if found > truth]
    print(f"C001 on {len(ENDINGS)} endings: precision {precision:.3f}, recall {recall:.3f}; wrong: {wrong}")
    assert precision >= 0.9 and recall >= 0.9, wrong


@pytest.mark.parametrize(
    "sentence",
    [
        "Next week we cover retries; add the feed to your reader.",
        "If you use the old client, try the new one first.",
        "To learn more, read the design notes.",
        "Please pop by the chat.",
        "Don't miss part three.",
        "Stay tuned for the follow-up.",
        "Have you seen this in production?",
        "Any questions?",
        "Contributions are always welcome.",
        "We also invite everyone to the design meeting.",
        "To see a bigger example, take a look at the present tool.",
        "You can find the binaries on the downloads page.",
        "That said, if you notice any problems, please file an issue.",
        "We'd be grateful if you would spread the word.",
        "We also very much welcome you to stick around.",
        "Participants with questions are encouraged to get in touch.",
        "Make sure to have a look at the talks.",
        "If you are curious, then you should take a look!",
        "For a walkthrough of a complete, idiomatic program, see the codewalk.",
        "If you cannot upgrade, we recommend turning the cache off.",
        "We look forward to hearing your feedback!",
        "You can quickly check your lock file with this command.",
        "Zulip is still active, so feel free to drop by!",
        "If you live nearby, make sure you join the group.",
        "And if you want to see every case, check out the test file.",
        "It should work for every real case, but if you do hit a problem, check out the issue.",
        "If this sounds like you please drop by the chat.",
    ],
)
def test_request_forms(sentence: str) -> None:
    assert asks_reader(sentence, IMPERATIVE_VERBS)


@pytest.mark.parametrize(
    "sentence",
    [
        "Run time grew 3x.",
        "Use of unsafe code is rare here.",
        "Update: the fix shipped.",
        "Go 1.22 adds a new loop form.",
        "Comment by the author, posted later.",
        '"Try again later," the message said.',
        "Please note that the API changed.",
        "Let the machine do the work.",
        "What does this mean for the parser?",
        "We would like to thank every contributor.",
        "As you can see, the stream is keyed by user.",
        "Keep in mind that the cache starts cold.",
        "Update 2020-06-18: the dates moved.",
        "We plan, build, and test every change twice.",
        "Have fun with the new loop form.",
        "The flag takes any name, as you please.",
    ],
)
def test_look_alikes_are_not_requests(sentence: str) -> None:
    assert not asks_reader(sentence, IMPERATIVE_VERBS)


def test_changelog_items_need_a_reader_facing_verb() -> None:
    assert not asks_reader("Add a timeout to the health check.", IMPERATIVE_VERBS, in_list=True)
    assert asks_reader("Add the feed to your reader.", IMPERATIVE_VERBS, in_list=True)
    assert asks_reader("Join the working group.", IMPERATIVE_VERBS, in_list=True)
    assert recognised("- Check out the schedule.")
    assert not asks_reader("Don't try to recover a keyword as an identifier.", IMPERATIVE_VERBS, in_list=True)
    assert asks_reader("Do not miss part two.", IMPERATIVE_VERBS)
    assert not recognised("- [FLINK-123] - Check out the key before hashing it.")
    assert not recognised("- Check out the key before hashing it (#4521)")


def test_clauses_start_after_breaks_and_lead_ins() -> None:
    found = [clause.strip() for clause in clauses("If you can, fork it; then send us a patch, and tell us")]
    assert {"fork it;", "then send us a patch,", "and tell us"} <= set(found)


def test_quotes_and_code_are_not_calls_to_action() -> None:
    assert not recognised("> Try it on a Friday.\n\nWe did.")
    assert not recognised("We did this:\n\n```sh\n# run this and tell us\nmake\n```\n\nIt worked.")
    assert recognised("We did.\n\nTry it on a Friday.")


def test_extend_verbs_and_phrases_override() -> None:
    assert not recognised("Ponder the results over the weekend.")
    assert recognised("Ponder the results over the weekend.", extend_verbs=["ponder"])
    assert recognised("That is all.", phrases=["that is all"])
    assert recognised("That is all.", extend_phrases=["that is all"])


def long_sentences(repeats: int) -> list[str]:
    return ["x; " * repeats, "If " + "a, " * repeats + "try it.", "Run " + "time " * repeats, " " * repeats]


def ask(text: str) -> bool:
    return asks_reader(text, IMPERATIVE_VERBS)


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_long_sentences_take_linear_time() -> None:
    assert_linear(
        *(
            Growth(repr(small[:8]), ask, small, large)
            for small, large in zip(long_sentences(300), long_sentences(3_000), strict=True)
        )
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Read part two to see how the cache warms itself.",
        "What's your approach to retries in your own services?",
        "Let's connect on the forum.",
        "We hope you will try the new scheduler.",
        "Now is a good time for first-time contributors to pick up an issue.",
        "I recommend you read the tuning guide next.",
        "We recommend upgrading as soon as you can.",
        "If you pinned the old image, you will have to update the tag yourself.",
        "Users of the legacy exporter must switch to the new endpoint.",
        "If you want to write your own sink, consult the extension guide.",
        "You may reach out to the maintainers on the mailing list.",
        "We welcome input from everyone who runs it in production.",
        "Go forth and measure.",
        "See “Tuning the cache” for the details.",
    ],
)
def test_more_request_forms(sentence: str) -> None:
    assert asks_reader(sentence, IMPERATIVE_VERBS)


@pytest.mark.parametrize(
    "sentence",
    [
        "Stay tuned for more updates.",
        "We recommend creating a design document before the next milestone.",
        "We hope you find the tool as handy as we do.",
        "You can find the full list of renamed modules at the end of this post.",
        "See the table below for the numbers.",
        "(Correction: the flag was renamed; see the issue for details.)",
        "We welcome the two new maintainers to the team.",
        "Let's look at the generated code.",
        "If you are curious, great: the design is in the repository.",
    ],
)
def test_more_look_alikes(sentence: str) -> None:
    assert not asks_reader(sentence, IMPERATIVE_VERBS)


def test_a_link_that_points_onward_is_a_call_to_action() -> None:
    assert recognised("That wraps it up. More details are in [the changelog](/changelog/).")
    assert recognised("That wraps it up. The full list of changes can be viewed [here](/history/).")
    assert not recognised("That wraps it up. More details are in the changelog.")  # no link: nowhere to go
    assert recognised("That wraps it up. [Sign up for the beta](/beta/)")
    assert not recognised("That wraps it up; the code is in [comment](/c/).")


def test_a_further_reading_section_with_links_counts() -> None:
    post = (
        "# Post\n\nBody text here.\n\n## Further reading\n\n- [Tuning guide](/guide/)\n- [The RFC](/rfc/)\n"
    )
    assert lint(post, select=("C001",)) == []
    assert lint(post.replace("## Further reading", "## Benchmarks"), select=("C001",)) != []


def test_back_matter_is_set_aside_before_the_ending() -> None:
    body = "Intro words about the release. " * 30
    ending = "You can download the binaries from the downloads page."
    issues = "".join(f"- [CACHE-{n}] - Fix a rare crash in the loader\n" for n in range(60))
    thanks = "Thanks to everyone who helped!\n\nAna, Bo, Chidi, Dana, Eero and Farid.\n\nHappy hacking!\n"
    post = f"# Release 2.1\n\n{body}\n\n{ending}\n\n## Release notes\n\n### Bug\n\n{issues}\n{thanks}"
    assert lint(post, select=("C001",)) == []
    without = post.replace(ending, "The binaries are ready.")
    assert [f.code for f in lint(without, select=("C001",))] == ["C001"]


def test_advice_inside_a_section_is_not_a_call_to_action() -> None:
    sections = "".join(
        f"## Step {n}\n\nUse a bounded pool for step {n}. Then measure it again before moving on.\n\n"
        "We saw the latency fall by half after this change, and it stayed there for weeks.\n\n"
        for n in range(1, 4)
    )
    post = f"# Tuning\n\n{sections}## Wrap-up\n\nThat is what we changed.\n\nThe service is calm now.\n"
    assert [f.code for f in lint(post, select=("C001",), rules=WHOLE_POST)] == ["C001"]
    assert lint(post.replace("The service is calm now.", "Use a bounded pool too."), select=("C001",)) == []


def test_show_settings_says_what_counts(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    draft = tmp_path / "post.md"
    draft.write_text("# Post\n\nText.\n", encoding="utf-8")
    shown = run_cli(["check", "--show-settings", str(draft)]).stdout
    section = shown.split("[rules.C001]", 1)[1].split("[rules.", 1)[0]
    assert "# a call to action" in section and "back matter" in section
    tomllib.loads(shown)  # still a valid config
