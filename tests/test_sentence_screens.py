"""Screens inside the leftover forms' per-line and per-sentence reading: a line or sentence
that cannot hold what a form looks for is not searched for it. Like seolint.checks.leftover_screen's,
a screen may only skip work, never change what is found."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from seolint.checks import assistant_languages, fill_ins, leftovers
from seolint.discover.source import format_for
from seolint.document.model import Document
from seolint.parse import parse
from tests.conftest import FIXTURES, ROOT

MEASURING = {"ai_drafts_blind7", "ai_drafts_blind8", "ai_drafts_blind9"}  # sets no test reads
DRAFTS = sorted(
    path
    for path in [*(ROOT / "tests" / "data").glob("*/*"), *FIXTURES.rglob("*")]
    if path.is_file() and format_for(str(path)) is not None and path.parent.name not in MEASURING
)


class CountedTuple(tuple[str, ...]):
    """A tuple that counts how often it is read from start to end."""

    reads = 0

    def __iter__(self) -> Iterator[str]:
        CountedTuple.reads += 1
        return super().__iter__()


def read(path: Path) -> Document:
    fmt = format_for(str(path))
    assert fmt is not None
    return parse(path.read_text(encoding="utf-8"), str(path), fmt)


def test_every_spaceless_phrase_passes_the_script_screen() -> None:
    """The screen is a necessary condition: each phrase it guards holds its class's lowest letter
    or a higher one, and a letter beyond ASCII."""
    classes = assistant_languages._patterns()
    assert sum(len(word_class.spaceless) for word_class in classes) > 50
    for word_class in classes:
        assert all(
            max(phrase) >= word_class.lowest and not phrase.isascii() for phrase in word_class.spaceless
        )


@pytest.mark.parametrize(
    ("sentence", "searched"),
    [
        ("Here’s the plan — it ships on Friday…", 0),  # beyond ASCII, yet below every phrase
        ("plain ascii words only", 0),
        ("这是一篇文章", 1),
    ],
)
def test_a_sentence_without_a_spaceless_script_is_not_searched_for_its_phrases(
    sentence: str, searched: int
) -> None:
    draft = assistant_languages._patterns().draft
    counted = draft._replace(spaceless=CountedTuple(draft.spaceless))
    CountedTuple.reads = 0
    counted.holds(sentence.lower(), frozenset())
    assert CountedTuple.reads == searched


@pytest.mark.parametrize(
    "line",
    ["TBD ms", "a [??] here", "costs ~N s", "plain words", "( ?)", "⟨value⟩ goes", "X.Y%", "NN"],
)
def test_one_search_for_a_value_s_signs_is_fourteen_substring_tests(line: str) -> None:
    assert (fill_ins._VALUE_SIGN.search(line) is not None) == any(s in line for s in fill_ins._VALUE_SIGNS)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_draft_read_without_the_sentence_screens_has_the_same_anatomy(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = leftovers.anatomy(read(path))
    everywhere = lambda word_class, text: any(phrase in text for phrase in word_class.spaceless)  # noqa: E731
    monkeypatch.setattr(assistant_languages._WordClass, "_spaceless_in", everywhere)
    monkeypatch.setattr(fill_ins, "_VALUE_SIGN", re.compile(""))
    assert leftovers.anatomy(read(path)) == expected


def test_the_drafts_are_found() -> None:
    assert len(DRAFTS) > 300
