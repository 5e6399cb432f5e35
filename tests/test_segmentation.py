"""Words and sentences in every script: combining marks stay in words, stops of other
scripts end sentences, and any capital or caseless letter may start one (issue 26, B5/B6)."""

from __future__ import annotations

import unicodedata

import pytest

from seolint.document.marks import UNICODE_VERSION, code_points
from seolint.document.views import sentences_of, words_of
from tests.conftest import codes_at, lint


def test_the_marks_table_is_unicodes_marks() -> None:
    listed = set(code_points())
    marks = {c for c in range(0x110000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")}
    if unicodedata.unidata_version == UNICODE_VERSION:
        assert listed == marks
    else:  # a later Unicode only adds marks
        assert listed <= marks


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("किताब अच्छी है", ["किताब", "अच्छी", "है"]),  # Devanagari vowel signs
        ("শব্দ মানুষ", ["শব্দ", "মানুষ"]),  # Bengali virama
        ("یہ کتاب ہے", ["یہ", "کتاب", "ہے"]),  # Urdu
        ("cafe\u0301 na\u0308ive", ["cafe\u0301", "na\u0308ive"]),  # accents typed as two code points
    ],
)
def test_words_keep_their_combining_marks(text: str, words: list[str]) -> None:
    assert words_of(text) == words


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Первое слово. Второе слово.", ["Первое слово.", "Второе слово."]),
        ("Un mot. Écrit ici.", ["Un mot.", "Écrit ici."]),
        ("Một câu. Để làm.", ["Một câu.", "Để làm."]),
        ("문장입니다. 그리고 다음.", ["문장입니다.", "그리고 다음."]),
        ("यह किताब है। वह कलम है।", ["यह किताब है।", "वह कलम है।"]),
        ("یہ کتاب ہے۔ وہ قلم ہے۔", ["یہ کتاب ہے۔", "وہ قلم ہے۔"]),
        ("これは本です。それはペンです。", ["これは本です。", "それはペンです。"]),
        ("e.g. écrit ici.", ["e.g. écrit ici."]),  # a lowercase letter goes on, in any script
        ("It was unhelpful. v3.0.2 throws.", ["It was unhelpful.", "v3.0.2 throws."]),  # a version
        ("Ça marchait. v2 arrive, e.g. vite.", ["Ça marchait.", "v2 arrive, e.g. vite."]),
        ("See fig. vii here.", ["See fig. vii here."]),  # near miss: no digit after the v
        (
            "We ship Go 1.22 today, e.g. on Linux. Then we rest!",
            ["We ship Go 1.22 today, e.g. on Linux.", "Then we rest!"],
        ),
    ],
)
def test_sentences_end_in_every_script(text: str, pieces: list[str]) -> None:
    assert list(sentences_of(text)) == pieces


def test_a_hindi_sentence_is_counted_in_words_not_marks() -> None:
    sentence = " ".join(["किताब"] * 45) + "।"
    assert lint(f"# T\n\n{sentence}\n", select=("R003",)) == []  # 45 words, not 135
    longer = " ".join(["किताब"] * 55) + "।"
    assert codes_at(lint(f"# T\n\n{longer}\n", select=("R003",))) == [(3, "R003")]


@pytest.mark.parametrize("start", ["Второе", "Écrit", "Đây", "그리고"])
def test_two_sentences_of_thirty_words_are_two_in_any_script(start: str) -> None:
    first = " ".join(["слово"] * 29) + " конец."
    second = start + " " + " ".join(["mot"] * 29) + "."
    assert lint(f"# T\n\n{first} {second}\n", select=("R003",)) == []


def test_the_word_pattern_is_linear_on_marks() -> None:
    from seolint.document.views import words_of
    from tests.growth import Growth, assert_linear

    pieces = ("क\u093f", "\u0301", "a\u0301-", "é\u0301'")
    assert_linear(*(Growth(f"words of {p!r}", words_of, p * 50, p * 500) for p in pieces))
