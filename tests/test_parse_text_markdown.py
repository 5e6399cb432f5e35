"""Plain-text drafts are Markdown-flavoured: links, images and code are read as Markdown,
while outline markers stay headings with source="marker"."""

from __future__ import annotations

import pytest

from tests.conftest import doc_of

DRAFT = """H1: Caching in practice

Read [the guide](https://example.com/guide) and [our intro](/intro) first.

![Diagram of the request path](request-path.png)

**H2:** Setup

Run `make cache` with **care**.

```sh
echo TODO
```

  • a bullet
"""


def test_links_images_and_code_are_read() -> None:
    doc = doc_of(DRAFT, "text")
    assert [(k.text, k.href, k.span.line, k.span.column) for k in doc.links] == [
        ("the guide", "https://example.com/guide", 3, 6),
        ("our intro", "/intro", 3, 49),
    ]
    assert [(i.src, i.alt, i.span.line, i.span.column) for i in doc.images] == [
        ("request-path.png", "Diagram of the request path", 5, 1)
    ]
    assert [(c.language, c.span.line, c.span.end_line) for c in doc.code_blocks] == [("sh", 11, 13)]
    assert doc.format == "text" and doc.source == DRAFT


def test_code_and_emphasis_are_not_prose() -> None:
    doc = doc_of(DRAFT, "text")
    texts = [b.text for b in doc.blocks]
    assert "Run with care." in texts
    assert not any("TODO" in text or "make cache" in text for text in texts)
    assert ("list-item", "a bullet", 15) in [(b.kind, b.text, b.span.line) for b in doc.blocks]


def test_markers_keep_their_level_source_and_place() -> None:
    doc = doc_of(DRAFT, "text")
    assert [(h.level, h.text, h.source, h.span.line, h.span.column) for h in doc.headings] == [
        (1, "Caching in practice", "marker", 1, 1),
        (2, "Setup", "marker", 7, 1),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "H2 - Title",
        "h2 - Title",
        "Heading 2: Title",
        "[H2] Title",
        "**H2:** Title",
        "**H2: Title**",
        "## H2: Title",
    ],
)
def test_marker_variants(line: str) -> None:
    doc = doc_of(f"Intro.\n\n  {line}\n\nBody.\n", "text")
    assert [(h.level, h.text, h.source, h.span.column) for h in doc.headings] == [(2, "Title", "marker", 3)]


def test_a_markdown_heading_is_a_real_heading() -> None:
    doc = doc_of("## Setup\n\nText.\n", "text")
    assert [(h.level, h.text, h.source) for h in doc.headings] == [(2, "Setup", "markup")]


def test_indented_lines_are_text_not_code() -> None:
    doc = doc_of("Intro.\n\n    An indented paragraph.\n", "text")
    assert doc.code_blocks == ()
    assert [b.text for b in doc.blocks] == ["Intro.", "An indented paragraph."]


def test_reference_links_resolve() -> None:
    doc = doc_of("See [Add & Commit] for details.\n\n[Add & Commit]: https://example.com/a\n", "text")
    assert [(k.text, k.href) for k in doc.links] == [("Add & Commit", "https://example.com/a")]
