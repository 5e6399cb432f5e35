"""One definition of prose, derived once per Document and shared by every rule."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.document import views
from seolint.document.marks import COMBINING_MARKS
from seolint.document.syllables import count
from tests.conftest import doc_of, lint_text
from tests.examples import examples

TABLE_POST = (
    "# Results\n\nA short intro with https://example.org/a/link and docs/path/file.md in it.\n\n"
    "| Broker | Throughput |\n| --- | --- |\n"
    + "| Old broker name here | Many words sit in this table cell |\n" * 40
    + '\n{{< figure src="a.png" caption="Words in a template directive" >}}\n\nThe end.\n'
)


def test_every_count_of_prose_words_agrees() -> None:
    result = lint_text(TABLE_POST, "post.md", "markdown", make_plan(Config(select=("H007", "M006"))))
    counts = {f.code: int(re.match(r"\d+", f.message).group()) for f in result.findings}  # type: ignore[union-attr]
    assert "H007" not in counts  # the table's 400 words are not prose
    assert counts["M006"] == result.stats["words"] == 9
    doc = doc_of(TABLE_POST)
    assert doc.word_count == doc.views.words == sum(s.words for s in doc.views.sentences) == 9


def test_blocks_keep_the_front_ends_block_and_drop_what_holds_no_prose() -> None:
    doc = doc_of("First one.\n\nhttps://example.org/only-a-url\n\n{{ template }}\n\n- an item\n")
    assert [(b.block.kind, b.text, b.words) for b in doc.views.blocks] == [
        ("paragraph", "First one.", 2),
        ("list-item", "an item", 2),
    ]
    assert doc.views.text == "First one.\n\nan item"


def test_views_are_computed_once_per_document_whatever_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    clean = views.prose_text

    def counting(text: str) -> str:
        calls.append(text)
        return clean(text)

    monkeypatch.setattr(views, "prose_text", counting)
    plan = make_plan(Config())  # every rule: readability, H007, M006, M008, C001 and the packs
    first = "# A\n\nOne paragraph of prose here.\n\nAnother paragraph.\n"
    second = "# B\n\nA third paragraph.\n"
    for text in (first, second, first):  # interleaved documents: no last-document memo to rely on
        calls.clear()
        lint_text(text, "post.md", "markdown", plan)
        assert len(calls) == text.count("paragraph")  # each block cleaned once, not once per rule


def test_views_belong_to_their_document() -> None:
    first, second = doc_of("One two three.\n"), doc_of("Four five.\n")
    assert first.views is first.views and first.views is not second.views
    assert (first.views.words, second.views.words, first.views.words) == (3, 2, 3)
    assert [line.text for line in first.views.lines.values()] == ["One two three."]


# The definitions as they stood before words and sentences were found in one pass (3433afe),
# with combining marks inside words and, after a stop, any letter that is not lowercase
# (issue 26): the views must find exactly what these find.
OLD_WORD = re.compile(rf"[^\W\d_](?:[\w{COMBINING_MARKS}'’-]*[\w{COMBINING_MARKS}])?")
OLD_SENTENCE_END = re.compile(r"(?<=[.!?\u0964\u0965\u06d4\u061f])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?([^\W_]))")


def old_sentences(text: str) -> list[str]:
    """`text` split at every OLD_SENTENCE_END whose next letter or digit is not lowercase,
    or starts a version number (`v3.0.2`)."""
    pieces, start = [], 0
    for end in OLD_SENTENCE_END.finditer(text):
        if not end.group(1).islower() or re.match(r"v\d", text[end.end() :]):
            pieces.append(text[start : end.start()])
            start = end.end()
    return [*pieces, text[start:]]


PROSE_PIECES = [
    *"aZé9_'’-.!?\"”“‘)([] \n\t\xa0\u2003\x1cİıſK٣²ﬁक\u093f\u0301।۔",
    "word",
    "Word",
    "v",
    "don't",
    "it’s",
    "well-known",
    "x86_64",
    "3rd",
    ". The",
    '." "A',
    "?) 4",
    "! (B",
    "e.g. this",
    "  ",
    "İstanbul",
]
prose_texts = st.lists(st.sampled_from(PROSE_PIECES), max_size=40).map("".join)


@given(prose_texts)
@settings(max_examples=examples(400), deadline=None)
def test_words_are_the_words_of_the_old_pattern(text: str) -> None:
    assert views.words_of(text) == OLD_WORD.findall(text)


@given(prose_texts)
@settings(max_examples=examples(400), deadline=None)
def test_sentences_are_cut_where_the_old_pattern_cut(text: str) -> None:
    assert list(views.sentences_of(text)) == old_sentences(text)


@given(st.lists(prose_texts, max_size=6))
@settings(max_examples=examples(200), deadline=None)
def test_one_pass_finds_what_the_separate_passes_found(texts: list[str]) -> None:
    doc = doc_of("\n\n".join(text.replace("\n", " ") for text in texts))
    blocks = [b for b in doc.blocks if b.kind != "table-cell"]
    kept = [(b.text, text) for b in blocks if (text := views.prose_text(b.text))]
    expected_blocks = [(raw, len(OLD_WORD.findall(text))) for raw, text in kept]
    expected_sentences = [
        (piece, len(OLD_WORD.findall(piece)))
        for _, text in kept
        for piece in old_sentences(" ".join(text.split()))
        if OLD_WORD.findall(piece)
    ]
    assert [(b.block.text, b.words) for b in doc.views.blocks] == expected_blocks
    assert [(s.text, s.words) for s in doc.views.sentences] == expected_sentences
    joined = " ".join(s.text for s in doc.views.sentences)
    assert doc.views.syllables == sum(map(count, OLD_WORD.findall(joined)))
