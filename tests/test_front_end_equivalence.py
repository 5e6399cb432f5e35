"""The same content written as Markdown and as HTML gives the same Document.

Positions differ by format and are not compared; everything a rule reads about the
content is: headings (level, text), links (text, href), images (src, alt, alt state),
prose blocks (kind, text).
"""

from __future__ import annotations

from typing import Any

import pytest

from seolint.discover.source import Format
from seolint.document.model import Document
from tests.conftest import doc_of


def content(doc: Document) -> dict[str, Any]:
    return {
        "headings": [(h.level, h.text) for h in doc.headings],
        "links": [(link.text, link.href) for link in doc.links],
        "images": [(i.src, i.alt, i.alt_state) for i in doc.images],
        # Markdown blocks keep their line breaks, HTML's are collapsed; and a Markdown
        # paragraph holding only HTML is an empty block, where HTML has none.
        "blocks": [(b.kind, " ".join(b.text.split())) for b in doc.blocks if b.text],
    }


CASES = {
    "outline and prose": (
        "# Post title\n\nIntro with a [link](/docs) and more.\n\n## Setup\n\nInstall it.\n",
        "<h1>Post title</h1><p>Intro with a <a href='/docs'>link</a> and more.</p>"
        "<h2>Setup</h2><p>Install it.</p>",
    ),
    "image link in inline HTML is named by its alt": (
        'See <a href="/x"><img src="p.png" alt="Pricing plans"></a> here.\n',
        '<p>See <a href="/x"><img src="p.png" alt="Pricing plans"></a> here.</p>',
    ),
    "Markdown image link is named by its alt": (
        "[![Pricing plans](p.png)](/x)\n",
        '<p><a href="/x"><img src="p.png" alt="Pricing plans"></a></p>',
    ),
    "image link in an HTML block": (
        '<div>\n<a href="/x"><img src="p.png" alt="Pricing plans"></a>\n</div>\n',
        '<div>\n<a href="/x"><img src="p.png" alt="Pricing plans"></a>\n</div>\n',
    ),
    "link text beats the alt of an image inside it": (
        "[![logo](l.png) Home](/)\n",
        '<p><a href="/"><img src="l.png" alt="logo"> Home</a></p>',
    ),
    "missing, empty and decorative alt": (
        '<img src="a.png">\n<img src="b.png" alt="">\n<img src="c.png" alt="" role="presentation">\n'
        '<img src="d.png" aria-hidden="true">\n',
        '<img src="a.png">\n<img src="b.png" alt="">\n<img src="c.png" alt="" role="presentation">\n'
        '<img src="d.png" aria-hidden="true">\n',
    ),
    "link text over two lines, entities and emphasis": (
        "Read [the *AT&amp;T*\nstory](/att) &amp; more.\n",
        "<p>Read <a href='/att'>the <em>AT&amp;T</em>\nstory</a> &amp; more.</p>",
    ),
    "lists and quotes": (
        "- first [one](/1)\n- second\n\n> quoted words\n",
        "<ul><li>first <a href='/1'>one</a></li><li>second</li></ul><blockquote>quoted words</blockquote>",
    ),
    "links inside noscript are not content": (
        '<noscript>\n<a href="/js">enable JavaScript</a>\n</noscript>\n\nText.\n',
        '<noscript><a href="/js">enable JavaScript</a></noscript><p>Text.</p>',
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_markdown_and_html_give_the_same_document(name: str) -> None:
    markdown, html = CASES[name]
    assert content(doc_of(markdown, "markdown")) == content(doc_of(html, "html"))


def test_the_image_link_is_named_in_both_formats() -> None:
    cases: list[tuple[str, Format]] = [
        ('<a href="/x"><img alt="Pricing plans"></a>\n', "markdown"),
        ('<a href="/x"><img alt="Pricing plans"></a>\n', "html"),
        ("[![Pricing plans](p.png)](/x)\n", "markdown"),
    ]
    for source, fmt in cases:
        assert [(link.text, link.href) for link in doc_of(source, fmt).links] == [("Pricing plans", "/x")]
