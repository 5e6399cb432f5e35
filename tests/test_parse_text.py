"""The plain-text front-end: outline markers become headings, bullets list items."""

from __future__ import annotations

import pytest

from tests.conftest import doc_of

DRAFT = """Some title pasted twice

H1: The Title
h2 - Second level
**H3: Bold marker**
## H2: Hash marker
H3 — Em dash marker

Paragraph line one
continues here.

  • bullet one
  - bullet two
  * bullet three
"""


def test_markers_become_headings_with_their_level_and_line() -> None:
    doc = doc_of(DRAFT, "text")
    assert [(h.level, h.text, h.source, h.span.line) for h in doc.headings] == [
        (1, "The Title", "marker", 3),
        (2, "Second level", "marker", 4),
        (3, "Bold marker", "marker", 5),
        (2, "Hash marker", "marker", 6),
        (3, "Em dash marker", "marker", 7),
    ]


def test_paragraphs_and_bullets() -> None:
    doc = doc_of(DRAFT, "text")
    assert [(b.kind, b.text, b.span.line, b.span.end_line) for b in doc.blocks] == [
        ("paragraph", "Some title pasted twice", 1, 1),
        ("paragraph", "Paragraph line one\ncontinues here.", 9, 10),
        ("list-item", "bullet one", 12, 12),
        ("list-item", "bullet two", 13, 13),
        ("list-item", "bullet three", 14, 14),
    ]


@pytest.mark.parametrize(
    "line", ["H7: not a level", "The H2: in a sentence", "H2O is water", "HTML: a format"]
)
def test_near_misses_are_not_markers(line: str) -> None:
    assert doc_of(line + "\n", "text").headings == ()


def test_a_bare_marker_alone_between_blank_lines_is_a_heading() -> None:
    doc = doc_of("Intro line.\n\nH2 why bother when cron works\n\nText.\n\nH3 anatomy: two units\n", "text")
    assert [(h.level, h.text, h.source, h.span.line) for h in doc.headings] == [
        (2, "why bother when cron works", "marker", 3),
        (3, "anatomy: two units", "marker", 7),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\nH2 headings should say what the section is about.\n\nText.\n",
        "Intro.\nH2 headings come after the H1\nand before H3.\n",
        "Intro.\n\nH2 is the level every section of a post should start at in most themes\n\nText.\n",
    ],
)
def test_a_sentence_that_starts_with_a_level_is_no_marker(text: str) -> None:
    assert doc_of(text, "text").headings == ()


def test_comments_are_kept_out_of_the_text_and_listed() -> None:
    doc = doc_of("H2: Title <!-- note -->\nText <!-- x -->\n", "text")
    assert doc.headings[0].text == "Title"
    assert [(c.text, c.span.line) for c in doc.comments] == [("note", 1), ("x", 2)]


def test_crlf() -> None:
    doc = doc_of(DRAFT.replace("\n", "\r\n"), "text")
    assert [h.span.line for h in doc.headings] == [3, 4, 5, 6, 7]


def test_comments_after_front_matter_are_blanked_in_place() -> None:
    doc = doc_of("---\ntitle: T # <!-- not a comment -->\n---\nH2: Title <!-- note -->\n", "text")
    assert [(h.text, h.span.line) for h in doc.headings] == [("Title", 4)]
    assert [(c.text, c.span.line) for c in doc.comments] == [("note", 4)]
