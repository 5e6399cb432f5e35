"""The HTML front-end: head metadata, post body only, exact positions."""

from __future__ import annotations

from tests.conftest import CORPUS, doc_of

PAGE = """<!DOCTYPE html>
<html>
<head>
<title>  Page   title </title>
<meta name="description" content="What the page is about.">
<script>var h1 = "<h1>not a heading</h1>";</script>
</head>
<body>
<header><nav><a href="/">Home</a></nav><h1>Site name</h1></header>
<main>
<article>
<h1>Post title</h1>
<p>Intro with <a href="https://example.org/">a link</a> and <code>inline()</code> code.</p>
<!-- a comment -->
<img src="a.png">
<img src="b.png" alt="">
<img src="c.png" alt="" role="presentation">
<img src="d.png" aria-hidden="true">
<pre><code class="language-go">func main() {}</code></pre>
<ul><li><p>nested paragraph</p></li><li>plain item</li></ul>
<table><tr><td>cell</td></tr></table>
<blockquote>quoted</blockquote>
</article>
<aside class="toc"><h2>Contents</h2><a href="#x">x</a></aside>
</main>
<footer><p>Footer text</p></footer>
</body>
</html>
"""


def test_title_and_description_come_from_head() -> None:
    doc = doc_of(PAGE, "html")
    assert doc.title is not None and (doc.title.text, doc.title.span.line) == ("Page title", 4)
    assert doc.description is not None and doc.description.text == "What the page is about."
    assert doc.description.span.line == 5


def test_only_the_article_is_the_post_body() -> None:
    doc = doc_of(PAGE, "html")
    assert [(h.level, h.text, h.span.line) for h in doc.headings] == [(1, "Post title", 12)]
    assert [(link.href, link.span.line, link.span.column) for link in doc.links] == [
        ("https://example.org/", 13, 15)
    ]
    assert "Footer text" not in doc.views.text


def test_images_alt_missing_empty_and_decorative() -> None:
    doc = doc_of(PAGE, "html")
    found = [(i.src, i.alt, i.alt_state, i.span.line) for i in doc.images]
    assert found == [
        ("a.png", None, "missing", 15),
        ("b.png", "", "empty", 16),
        ("c.png", "", "decorative", 17),
        ("d.png", None, "decorative", 18),
    ]


def test_code_comments_and_prose() -> None:
    doc = doc_of(PAGE, "html")
    assert [(c.language, c.span.line) for c in doc.code_blocks] == [("go", 19)]
    assert [(c.text, c.span.line) for c in doc.comments] == [("a comment", 14)]
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "Intro with a link and code."),
        ("paragraph", "nested paragraph"),
        ("list-item", "plain item"),
        ("table-cell", "cell"),
        ("quote", "quoted"),
    ]


def test_a_list_inside_a_blockquote_is_quoted() -> None:
    page = (
        "<main><blockquote><p>They wrote:</p><ul><li>a point</li></ul></blockquote>"
        "<ul><li>ours</li></ul></main>"
    )
    assert [(b.kind, b.text) for b in doc_of(page, "html").blocks] == [
        ("quote", "They wrote:"),
        ("quote", "a point"),
        ("list-item", "ours"),
    ]


def test_without_main_or_article_the_whole_body_counts() -> None:
    doc = doc_of("<h1>A</h1>\n<nav><a href='/'>home</a></nav>\n<p>text</p>", "html")
    assert [h.text for h in doc.headings] == ["A"]
    assert len(doc.links) == 1


def test_content_selector_overrides_the_choice() -> None:
    from seolint.parse import parse

    html = "<div class='post'><h1>In</h1></div><article><h1>Out</h1></article>"
    doc = parse(html, "x.html", "html", content_selector="div.post")
    assert [h.text for h in doc.headings] == ["In"]


def test_crlf_positions() -> None:
    doc = doc_of(PAGE.replace("\n", "\r\n"), "html")
    assert [h.span.line for h in doc.headings] == [12]
    assert [i.span.line for i in doc.images] == [15, 16, 17, 18]


def test_real_rendered_page_keeps_chrome_out() -> None:
    import pytest

    page = CORPUS / "flink-blog" / "2019__06__05__a-deep-dive-into-flinks-network-stack__index.html"
    if not page.is_file():
        pytest.skip("corpus not present")
    doc = doc_of(page.read_text(encoding="utf-8"), "html")
    assert doc.title is not None and doc.description is not None
    assert sum(h.level == 1 for h in doc.headings) == 1
    hrefs = [link.href or "" for link in doc.links]
    assert not any(h.startswith("#") and "TableOfContents" in h for h in hrefs)
    assert all(not h.span.line < 460 for h in doc.headings)  # nothing from the site header


def test_url_like_draft_parses_without_warnings() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        blocks = doc_of("https://example.org/post.html", "html").blocks
    assert [block.text for block in blocks] == ["https://example.org/post.html"]  # a fragment's text


def test_a_fragments_text_outside_blocks_is_read_line_by_line() -> None:
    doc = doc_of(
        '<div class="tabs">Answer · Sources 3</div>\n<h1>Pools</h1>\n<p>Pools keep sockets.</p>\n', "html"
    )
    assert [(b.span.line, b.kind, b.text) for b in doc.blocks] == [
        (1, "paragraph", "Answer · Sources 3"),
        (3, "paragraph", "Pools keep sockets."),
    ]


def test_a_pages_text_counts_only_outside_its_html_element() -> None:
    page = (
        "Here is the page you asked for:\n<html><body><div>Menu</div>\n"
        "<article><p>Pools keep sockets.</p></article></body></html>\n"
    )
    assert [(b.span.line, b.text) for b in doc_of(page, "html").blocks] == [
        (1, "Here is the page you asked for:"),
        (3, "Pools keep sockets."),
    ]
    article = "<article><nav>Docs › Setup</nav><h1>Setup</h1><p>Pools keep sockets.</p></article>"
    assert [b.text for b in doc_of(article, "html").blocks] == ["Pools keep sockets."]
