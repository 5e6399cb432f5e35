"""HTML front-end: BeautifulSoup (html.parser, which records source positions).

Rendered pages carry site chrome, so only the post body is read for prose, headings,
links and images: `content-selector` when configured, else `<main>`/`<article>`/
`role="main"`. Title and meta description always come from `<head>`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seolint.document import Block, CodeBlock, Comment, Document, Field, Heading, Image, Link, Span
from seolint.parse import ParseError, html_elements

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PROSE = {"p": "paragraph", "li": "list-item", "blockquote": "quote", "td": "table-cell", "th": "table-cell"}
_NOT_CONTENT = ("script", "style", "noscript", "template")
_CHROME = "nav, aside, [role=navigation], [role=complementary], #TableOfContents, .toc, .table-of-contents"
_LANGUAGE = re.compile(r"^(?:language|lang)-(.+)$")


def parse(source: str, path: str, content_selector: str | None = None) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(_NOT_CONTENT):
        tag.decompose()
    shell = Document(path=path, format="html", source=source)
    body = _content_root(soup, content_selector)
    if body is not soup:
        for chrome in body.select(_CHROME):
            chrome.decompose()
    return Document(
        path=path,
        format="html",
        source=source,
        title=_title(soup, shell),
        description=_description(soup, shell),
        headings=tuple(_headings(body, shell)),
        blocks=tuple(_blocks(body, shell)),
        links=tuple(_links(body, shell)),
        images=tuple(_images(body, shell)),
        code_blocks=tuple(_code(body, shell)),
        comments=tuple(
            Comment(m.group(1).strip(), shell.span_at(m.start(), m.end())) for m in _COMMENT.finditer(source)
        ),
    )


def _content_root(soup: BeautifulSoup, selector: str | None) -> BeautifulSoup | Tag:
    from bs4 import Tag

    if selector:
        try:
            chosen = soup.select_one(selector)
        except Exception as error:  # soupsieve raises its own SelectorSyntaxError
            raise ParseError(f"invalid content-selector {selector!r}: {error}") from None
        return chosen if chosen is not None else soup
    articles = soup.find_all("article")
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    for candidate in (articles[0] if len(articles) == 1 else None, main, *articles[:1]):
        if isinstance(candidate, Tag):
            return candidate
    return soup


def _span(tag: Tag, doc: Document) -> Span:
    line = tag.sourceline or 1
    column = (tag.sourcepos or 0) + 1
    start = doc.offset(line, column)
    close = doc.source.find(">", start)
    return doc.span_at(start, close + 1 if close >= 0 else start + 1)


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _title(soup: BeautifulSoup, doc: Document) -> Field | None:
    from bs4 import Tag

    tag = soup.find("title")
    if not isinstance(tag, Tag) or not (text := _text(tag)):
        return None
    return Field(text, _span(tag, doc), "title-tag")


def _description(soup: BeautifulSoup, doc: Document) -> Field | None:
    for tag in soup.find_all("meta"):
        if str(tag.get("name", "")).lower() == "description":
            content = " ".join(str(tag.get("content", "")).split())
            return Field(content, _span(tag, doc), "meta-tag") if content else None
    return None


def _headings(body: BeautifulSoup | Tag, doc: Document) -> list[Heading]:
    return [Heading(int(tag.name[1]), _text(tag), _span(tag, doc)) for tag in body.find_all(_HEADINGS)]


def _blocks(body: BeautifulSoup | Tag, doc: Document) -> list[Block]:
    blocks = []
    for tag in body.find_all(list(_PROSE)):
        if tag.find(list(_PROSE)) is not None:
            continue  # the innermost block holds the prose; avoid counting it twice
        text = _prose_text(tag)
        if text:
            blocks.append(Block(_PROSE[tag.name], text, _span(tag, doc)))  # type: ignore[arg-type]
    return blocks


def _prose_text(tag: Tag) -> str:
    from bs4 import NavigableString

    parts = [
        str(string)
        for string in tag.find_all(string=True)
        if type(string) is NavigableString  # not a Comment, CData or other subclass
        and not any(parent.name in ("code", "pre") for parent in string.parents if parent is not tag)
    ]
    return " ".join("".join(parts).split())


def _links(body: BeautifulSoup | Tag, doc: Document) -> list[Link]:
    links = []
    for tag in body.find_all("a", href=True):
        text = _text(tag) or " ".join(str(img.get("alt", "")) for img in tag.find_all("img")).strip()
        attrs = {k: _attr(v) for k, v in tag.attrs.items()}
        links.append(
            Link(
                text,
                _attr(tag.get("href")),
                _span(tag, doc),
                html_elements.class_list(attrs),
                attrs.get("role"),
            )
        )
    return links


def _images(body: BeautifulSoup | Tag, doc: Document) -> list[Image]:
    images = []
    for tag in body.find_all("img"):
        attrs = {k: _attr(v) for k, v in tag.attrs.items()}
        images.append(
            Image(attrs.get("src"), attrs.get("alt"), _span(tag, doc), html_elements.is_decorative(attrs))
        )
    return images


def _code(body: BeautifulSoup | Tag, doc: Document) -> list[CodeBlock]:
    blocks = []
    for pre in body.find_all("pre"):
        classes = [
            *(pre.get("class") or []),
            *(c for code in pre.find_all("code") for c in code.get("class") or []),
        ]
        language = next((m.group(1) for c in classes if (m := _LANGUAGE.match(c))), None)
        blocks.append(CodeBlock(language, _span(pre, doc), fenced=False, text=pre.get_text()))
    return blocks


def _attr(value: object) -> str | None:
    """bs4 gives multi-valued attributes (class) as lists; normalise to one string."""
    if value is None:
        return None
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)
