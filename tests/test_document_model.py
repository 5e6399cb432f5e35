"""The Document carries what rules need (metadata, heading ids, alt state), so no rule asks
which format a draft was written in."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.document import model as document
from seolint.document.model import Document, Span, revised
from seolint.parse import parse
from seolint.parse.metadata import FrontMatterKeys
from tests.conftest import ROOT, codes_at, doc_of, lint
from tests.examples import examples

POST = """---
title: "Tracing in Go"
seo_title: "Tracing slow HTTP handlers in Go"
summary: "How we found the slow handler."
focus_keyword: "tracing"
url: /blog/go-tracing/
---

# Tracing in Go
"""


def test_front_matter_metadata_with_the_line_that_sets_it() -> None:
    doc = doc_of(POST)
    assert doc.title is not None and (doc.title.text, doc.title.span.line) == ("Tracing in Go", 2)
    assert doc.seo_title is not None and (doc.seo_title.text, doc.seo_title.span.line) == (
        "Tracing slow HTTP handlers in Go",
        3,
    )
    assert doc.description is not None and (doc.description.text, doc.description.span.line) == (
        "How we found the slow handler.",
        4,
    )
    assert doc.keyphrase is not None and (doc.keyphrase.text, doc.keyphrase.span.line) == ("tracing", 5)
    assert doc.slug is not None and (doc.slug.text, doc.slug.span.line, doc.slug.origin) == (
        "go-tracing",
        6,
        "front-matter",
    )


def test_configured_keys_replace_the_defaults() -> None:
    keys = FrontMatterKeys(description=("teaser",), keyphrase=("topic",), slug=("slug",))
    doc = parse(
        '---\nteaser: "Read me."\ntopic: "queues"\nsummary: "x"\n---\n',
        "posts/My Post.md",
        "markdown",
        None,
        keys,
    )
    assert doc.description is not None and doc.description.text == "Read me."
    assert doc.keyphrase is not None and doc.keyphrase.text == "queues"
    assert doc.slug is not None and (doc.slug.text, doc.slug.span, doc.slug.origin) == (
        "My Post",
        Span.point(1),
        "file-name",
    )
    assert doc.hints.description == "front-matter `teaser`"


def test_seo_title_falls_back_to_the_title_and_page_metadata_comes_from_the_head() -> None:
    page = '<html><head><title>Queues in depth</title><meta name="description" content="All about queues.">'
    page += "</head><body><h1>Queues</h1></body></html>"
    doc = parse(page, "blog/queues/index.html", "html")
    assert doc.title is not None and doc.seo_title == doc.title and doc.title.origin == "title-tag"
    assert doc.description is not None and doc.description.origin == "meta-tag"
    assert doc.slug is not None and doc.slug.text == "queues"
    assert doc.keyphrase is None
    assert doc.hints.description == '<meta name="description">'


def test_heading_anchors_from_custom_ids_and_id_attributes() -> None:
    markdown = doc_of("# Setup {#set-up}\n\n## Plain\n")
    assert [h.anchor for h in markdown.headings] == ["set-up", None]
    html = doc_of('<main><h1 id="top-title">T</h1><h2>Plain</h2></main>', "html")
    assert [h.anchor for h in html.headings] == ["top-title", None]


def test_ids_are_those_of_elements_not_of_code_or_other_attributes() -> None:
    markdown = doc_of(
        '# T {#t}\n\nSee <a name="old"></a> here.\n\n<div id="box">x</div>\n\n'
        '```html\n<p id="sample">code</p>\n```\n'
    )
    assert sorted(markdown.ids) == ["box", "old", "t"]
    page = '<head><meta name="viewport"></head><nav id="menu"></nav>'
    page += '<main><p id="p1">x</p><a name="n">y</a></main>'
    assert sorted(doc_of(page, "html").ids) == ["menu", "n", "p1"]


def test_broken_anchor_reads_the_documents_ids() -> None:
    post = (
        "# T\n\n[a](#sample) [b](#box)\n\n<div id='box'>x</div>\n\n```html\n<p id=\"sample\">code</p>\n```\n"
    )
    assert codes_at(lint(post, select=("L007",))) == [(3, "L007")]  # an id in a code sample is no target
    long_id = "x" * 250
    page = f'<main><h2 id="{long_id}">Long</h2><p><a href="#{long_id}">up</a></p></main>'
    assert lint(page, "html", select=("L007",)) == []  # ids are not cut off at some length


def test_images_say_how_their_alt_stands_in_both_formats() -> None:
    empty_and_decorative = '<img src="c.png" alt=""> <img src="d.png" role="none">'
    markdown = doc_of(f"![](a.png) ![A chart](b.png) {empty_and_decorative}\n")
    html = doc_of(f'<img src="a.png"><img src="b.png" alt="A chart">{empty_and_decorative}', "html")
    assert [i.alt_state for i in markdown.images] == ["missing", "given", "empty", "decorative"]
    assert [i.alt_state for i in html.images] == ["missing", "given", "empty", "decorative"]


def test_outline_marker_hint_speaks_the_drafts_syntax() -> None:
    def hint(text: str, fmt: str) -> str:
        return next(f.message for f in lint(text, fmt, select=("H006",)))  # type: ignore[arg-type]

    assert hint("H2: Lessons\n", "text").endswith("make it a real heading: ## Lessons")
    assert hint("<p>H2: Lessons</p>", "html").endswith("use <h2>Lessons</h2>")


def test_no_rule_reads_the_format_or_the_syntax() -> None:
    pattern = re.compile(r"doc\.format|\.syntax\b|front_matter\.get")
    offenders = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "seolint" / "checks").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_a_revised_document_keeps_its_line_tables_only_for_the_same_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []
    real = document.line_starts
    monkeypatch.setattr(document, "line_starts", lambda source: built.append(source) or real(source))
    doc = Document(path="a.md", format="markdown", source="# One\n\nTwo\n")
    assert doc.lines == ("# One", "", "Two")
    same = revised(doc, headings=())
    assert same.lines == doc.lines and same.offset(3) == doc.offset(3)
    assert len(built) == 1  # the revision did not split the source again
    other = revised(doc, source="# One\nTwo\n")
    assert other.lines == ("# One", "Two")
    assert len(built) == 2


def test_a_markdown_post_is_split_into_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The front-end's line starts are the Document's: a parse and every rule split the source once."""
    split: list[str] = []
    real = document.line_starts
    monkeypatch.setattr(document, "line_starts", lambda source: split.append(source) or real(source))
    doc = parse(POST, "post.md", "markdown")
    assert doc.lines == tuple(POST.splitlines()) and doc.offset(2) == POST.index("\n") + 1
    assert len(split) == 1


def test_an_html_page_is_split_into_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<html><head><title>A page</title></head>\n<body><h1 id=top>Hi</h1>\n<p><a href=#top>up</a></p>\n"
    split: list[str] = []
    real = document.line_starts
    monkeypatch.setattr(document, "line_starts", lambda source: split.append(source) or real(source))
    doc = parse(page, "page.html", "html")
    assert doc.lines == tuple(page.splitlines()) and doc.links[0].span.line == 3
    assert len(split) == 1


@settings(max_examples=examples(100))
@given(st.text(alphabet="ab \n\r\t\u2028\x0b", max_size=40))
def test_lines_end_at_crlf_lf_and_cr_only(source: str) -> None:
    pieces = re.split(r"\r\n|\r|\n", source)
    expected = pieces[:-1] if len(pieces) > 1 and pieces[-1] == "" else pieces
    assert Document(path="a.md", format="markdown", source=source).lines == tuple(expected)
