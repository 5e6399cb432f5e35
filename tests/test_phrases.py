"""One phrase matcher for C001's `phrases` and the packs' `phrases`: the same texts match.

C001 used to build its own `\\b(?:...)\\b` pattern: a phrase that ended in punctuation
("Sign up!") never matched at the end of a sentence, spaces had to be exactly the
phrase's own (a line break inside a paragraph broke a match), and a straight apostrophe missed a curly one.
"""

from __future__ import annotations

import json

import pytest

from seolint.config.plan import ActiveRule, Plan
from seolint.registry.packs.load import parse_pack
from seolint.registry.phrases import phrase_pattern
from tests.conftest import lint, lint_text

PACK = """
[[rule]]
code = "Z901"
name = "phrase-probe"
severity = "warning"
summary = "A listed phrase."
message = "found {match!r}"
scope = "prose"
phrases = [{phrases}]
"""

# (phrases, text, whether it is a match); no text reads as a call to action by its form
CASES = [
    (["that was the end!"], "And that was the end!", True),  # ends in punctuation: `\b` never matched
    (["#buildinpublic"], "We are #buildinpublic this year.", True),  # starts with punctuation
    (["newsletter goes out"], "The newsletter\ngoes out on Fridays.", True),  # a line break
    (["newsletter goes out"], "The newsletter  goes out on Fridays.", True),  # two spaces
    (["we're hiring"], "We’re hiring this spring.", True),  # curly apostrophe in the text
    (["we’re hiring"], "We're hiring this spring.", True),  # and in the phrase
    (["newsletter goes out"], "THE NEWSLETTER GOES OUT ON FRIDAYS.", True),  # any case
    (["newsletter"], "Newsletters went out.", False),  # whole words only
    (["#buildinpublic"], "We are #buildinpublicly quiet.", False),
    (["that was the end!"], "And that was the end!2 more to go.", False),  # a word character after it
]


def c001_finds(phrases: list[str], text: str) -> bool:
    """Whether C001 counts `text` (a whole post but its title) as a call to action by `phrases`."""
    rules = {"C001": {"window": 1.0, "phrases": phrases, "extend-verbs": []}}
    return not lint(f"# A post\n\nWe measured it.\n\n{text}", select=("C001",), rules=rules)


def pack_finds(phrases: list[str], text: str) -> bool:
    """Whether a pack rule listing `phrases` finds one in `text`."""
    (rule,) = parse_pack(PACK.replace("{phrases}", ", ".join(map(json.dumps, phrases))), "probe.toml", set())
    plan = Plan((ActiveRule(rule, rule.severity, rule.default_options()),))
    return bool(lint_text(f"# A post\n\n{text}\n", "post.md", "markdown", plan).findings)


@pytest.mark.parametrize(("phrases", "text", "wanted"), CASES)
def test_the_shared_pattern(phrases: list[str], text: str, wanted: bool) -> None:
    assert (phrase_pattern(phrases).compiled().search(text) is not None) == wanted


@pytest.mark.parametrize(("phrases", "text", "wanted"), CASES)
def test_c001_and_packs_agree(phrases: list[str], text: str, wanted: bool) -> None:
    assert not c001_finds([], text)  # so only the phrase can make it a call to action
    assert c001_finds(phrases, text) == wanted
    assert pack_finds(phrases, text) == wanted


def test_c001_ignores_phrases_when_none_is_listed() -> None:
    assert not c001_finds([" "], "We measured it again.")
    assert phrase_pattern([]).compiled().search("anything") is None
