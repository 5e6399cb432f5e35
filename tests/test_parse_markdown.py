"""The Markdown front-end maps every construct to the right 1-based line and column."""

from __future__ import annotations

from seolint.document.model import Span
from tests.conftest import doc_of

POST = """---
title: "Front matter title"
description: A short description.
---

# Heading one

Intro with [a link](https://example.org/x) and <a href="/raw">raw html</a>.

Setext heading
--------------

- item with ![alt text](img.png)
- second item <img src="raw.png">

> quoted [ref link][r] here

```python
print("hi")
```

    indented code

<!-- a comment -->

| a | b |
|---|---|
| [cell](c.html) | 2 |

<https://auto.link/>

[r]: https://ref.example/
"""


def test_front_matter_is_parsed_and_body_lines_stay_right() -> None:
    doc = doc_of(POST)
    assert doc.front_matter["title"] == "Front matter title"
    assert doc.front_matter_span == Span(1, 1, 4, 4)
    assert doc.title is not None and doc.title.text == "Front matter title"
    assert doc.title.span.line == 2
    assert doc.description is not None and doc.description.span.line == 3


def test_headings_atx_and_setext() -> None:
    doc = doc_of(POST)
    assert [(h.level, h.text, h.span.line, h.span.column) for h in doc.headings] == [
        (1, "Heading one", 6, 1),
        (2, "Setext heading", 10, 1),
    ]


def test_links_inline_html_reference_table_and_autolink() -> None:
    doc = doc_of(POST)
    found = [(link.href, link.text, link.span.line, link.span.column) for link in doc.links]
    assert found == [
        ("https://example.org/x", "a link", 8, 12),
        ("/raw", "raw html", 8, 48),
        ("https://ref.example/", "ref link", 16, 10),
        ("c.html", "cell", 28, 3),
        ("https://auto.link/", "https://auto.link/", 30, 1),
    ]


def test_images_markdown_and_inline_html() -> None:
    doc = doc_of(POST)
    found = [(i.src, i.alt, i.alt_state, i.span.line, i.span.column) for i in doc.images]
    assert found == [("img.png", "alt text", "given", 13, 13), ("raw.png", None, "missing", 14, 15)]


def test_code_blocks_fenced_and_indented() -> None:
    doc = doc_of(POST)
    found = [(c.language, c.fenced, c.span.line, c.span.end_line, c.closed) for c in doc.code_blocks]
    assert found == [("python", True, 18, 20, True), (None, False, 22, 22, True)]


def test_prose_blocks_by_kind_and_comments() -> None:
    doc = doc_of(POST)
    kinds = [(b.kind, b.span.line) for b in doc.blocks]
    assert kinds == [
        ("paragraph", 8),
        ("list-item", 13),
        ("list-item", 14),
        ("quote", 16),
        ("table-cell", 26),
        ("table-cell", 26),
        ("table-cell", 28),
        ("table-cell", 28),
        ("paragraph", 30),
    ]
    assert [(c.text, c.span.line) for c in doc.comments] == [("a comment", 24)]


def test_a_list_inside_a_quote_is_quoted() -> None:
    text = "> They wrote:\n>\n> - a point of theirs\n\n- a point of ours\n"
    assert [(b.kind, b.span.line) for b in doc_of(text).blocks] == [
        ("quote", 1),
        ("quote", 3),
        ("list-item", 5),
    ]


def test_markdown_inside_an_html_blockquote_is_quoted() -> None:
    text = (
        "Our own words.\n\n<blockquote>\n\nA comment someone else wrote.\n\n- and a list\n\n"
        "</blockquote>\n\nOurs again.\n\n<BLOCKQUOTE cite='x'>\n\n<blockquote>\n\nNested.\n\n"
        "</blockquote>\n\nStill quoted.\n\n</blockquote>\n\nOurs.\n"
    )
    kinds = [(b.kind, b.text) for b in doc_of(text).blocks]
    assert kinds == [
        ("paragraph", "Our own words."),
        ("quote", "A comment someone else wrote."),
        ("quote", "and a list"),
        ("paragraph", "Ours again."),
        ("quote", "Nested."),
        ("quote", "Still quoted."),
        ("paragraph", "Ours."),
    ]
    stray = doc_of("</blockquote>\n\nNot quoted.\n").blocks  # near miss: an end tag with no start
    assert [b.kind for b in stray] == ["paragraph"]


def test_a_paragraph_all_in_bold_is_marked() -> None:
    text = "**What got you started?**\n\n**Two** **runs**\n\n**Q:** a label and its text\n\n- **in a list**\n"
    assert [(b.text, b.bold) for b in doc_of(text).blocks] == [
        ("What got you started?", True),
        ("Two runs", True),
        ("Q: a label and its text", False),  # near miss: a run-in label
        ("in a list", False),  # near miss: a list item is no heading
    ]
    html = doc_of("<p><strong>Why?</strong></p><p><b>So</b> that.</p><li><b>x</b></li>", "html")
    assert [(b.text, b.bold) for b in html.blocks] == [("Why?", True), ("So that.", False), ("x", False)]


def test_crlf_line_endings_keep_line_numbers() -> None:
    doc = doc_of(POST.replace("\n", "\r\n"))
    assert [h.span.line for h in doc.headings] == [6, 10]
    assert [link.span.line for link in doc.links] == [8, 8, 16, 28, 30]
    assert [(link.span.line, link.span.column) for link in doc.links][1] == (8, 48)
    assert [c.span.line for c in doc.code_blocks] == [18, 22]
    assert doc.lines[5] == "# Heading one"


def test_lone_cr_line_endings_keep_line_numbers() -> None:
    doc = doc_of("# One\r\rText [x](y)\r\r## Two\r")
    assert [h.span.line for h in doc.headings] == [1, 5]
    assert doc.links[0].span.line == 3


def test_toml_front_matter() -> None:
    doc = doc_of('+++\ntitle = "TOML title"\n[extra]\nx = 1\n+++\n\n## Section\n')
    assert doc.front_matter["extra"] == {"x": 1}
    assert doc.title is not None and doc.title.text == "TOML title"
    assert doc.headings[0].span.line == 7


def test_unclosed_fence_is_marked() -> None:
    doc = doc_of("# T\n\n```sh\nmake\n\nrest of the post\n")
    assert [(c.closed, c.span.line) for c in doc.code_blocks] == [(False, 3)]


def test_inline_code_is_not_prose_but_stays_in_heading_text() -> None:
    doc = doc_of("## Using `make`\n\nRun `make build` now.\n")
    assert doc.headings[0].text == "Using make"
    assert doc.blocks[0].text == "Run now."


def test_link_position_skips_bracketed_text_before_it() -> None:
    doc = doc_of("See [Link to X] and [real](https://r.example/).\n")
    assert (doc.links[0].span.line, doc.links[0].span.column) == (1, 21)


def test_fences_inside_quotes_and_lists_are_closed() -> None:
    doc = doc_of("> ```sh\n> make\n> ```\n\n- item\n\n  ```\n  code\n  ```\n")
    assert [(c.closed, c.span.line) for c in doc.code_blocks] == [(True, 1), (True, 7)]


def test_positions_stay_exact_after_escapes_entities_and_odd_text() -> None:
    """Text the source does not hold verbatim must not throw the inline cursor off."""
    cases = {
        "x86\\_64 and [discontinue][a] x86\\_64 [plans][b]\n\n[a]: /a\n[b]: /b\n": [(1, 13), (1, 38)],
        "\\[CLOSED\\]: [Growing](/g) &amp; [next](/n)\n": [(1, 13), (1, 33)],
        "a\x00b [l](/x)\n": [(1, 5)],
        "code `a\nb` then [l](/x)\n": [(2, 9)],
        "<https://ex.org/a%20b> then [l](/x)\n": [(1, 1), (1, 29)],
    }
    for source, expected in cases.items():
        assert [(link.span.line, link.span.column) for link in doc_of(source).links] == expected, source


def test_link_text_over_lines_keeps_its_spaces() -> None:
    doc = doc_of("See [the open source\nrelease](/r) now.\n")
    assert doc.links[0].text == "the open source release"
