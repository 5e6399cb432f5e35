"""HTML front-end: BeautifulSoup (html.parser, which records source positions).

Rendered pages carry site chrome, so only the post body is read for prose, headings,
links and images: `content-selector` when configured, else `<main>`/`<article>`/
`role="main"`. Title and meta description always come from `<head>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from seolint.document import Block, CodeBlock, Document, Field, Heading, Image, Link, Span
from seolint.parse import ParseError, html_elements

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PROSE = {"p": "paragraph", "li": "list-item", "blockquote": "quote", "td": "table-cell", "th": "table-cell"}
_NOT_CONTENT = ("script", "style", "noscript", "template")
# Site chrome inside the post body: nav, aside, [role=navigation], [role=complementary],
# #TableOfContents, .toc, .table-of-contents (matched by hand: soupsieve took a fifth of parse time).
_CHROME_TAGS = {"nav", "aside"}
_CHROME_ROLES = {"navigation", "complementary"}
_CHROME_CLASSES = {"toc", "table-of-contents"}
_LANGUAGE = re.compile(r"^(?:language|lang)-(.+)$")


def preload() -> None:
    import bs4
    import bs4.builder._htmlparser  # noqa: F401


def parse(source: str, path: str, content_selector: str | None = None) -> Document:
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():  # a one-line draft that looks like a URL is still a draft
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(_NOT_CONTENT):
        tag.decompose()
    shell = Document(path=path, format="html", source=source)
    body = _content_root(soup, content_selector)
    if body is not soup:
        for chrome in [t for t in body.find_all(True) if _is_chrome(t)]:
            chrome.decompose()
    content = _Body(shell)
    content.walk(body)
    return Document(
        path=path,
        format="html",
        source=source,
        title=_title(soup, shell),
        description=_description(soup, shell),
        headings=tuple(content.to_headings()),
        blocks=tuple(content.to_blocks()),
        links=tuple(content.to_links()),
        images=tuple(content.images),
        code_blocks=tuple(content.to_code()),
        comments=tuple(html_elements.comments(shell)),
    )


def _is_chrome(tag: Tag) -> bool:
    classes = tag.get("class") or ()
    return (
        tag.name in _CHROME_TAGS
        or tag.get("role") in _CHROME_ROLES
        or tag.get("id") == "TableOfContents"
        or not _CHROME_CLASSES.isdisjoint(classes if isinstance(classes, list) else str(classes).split())
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


@dataclass
class _Open:
    """An element whose text is being gathered while the walk is inside it."""

    tag: Tag
    parts: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)  # of a <pre> and the <code> inside it
    alts: list[str] = field(default_factory=list)  # of images inside a link

    def text(self, separator: str) -> str:
        return " ".join(separator.join(self.parts).split())


@dataclass(frozen=True)
class _Context:
    heading: _Open | None = None
    block: _Open | None = None
    link: _Open | None = None
    pre: _Open | None = None
    in_code: bool = False


@dataclass
class _Body:
    """Headings, prose, links, images and code of the post body, gathered in one walk.

    Each piece of text belongs to its innermost heading, block, link and `<pre>`, so
    the walk is linear even on pathologically nested pages (no get_text per element).
    """

    doc: Document
    headings: list[_Open] = field(default_factory=list)
    blocks: list[_Open] = field(default_factory=list)
    links: list[_Open] = field(default_factory=list)
    pres: list[_Open] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)

    def walk(self, root: BeautifulSoup | Tag) -> None:
        from bs4 import NavigableString, Tag

        stack: list[tuple[object, _Context]] = [(child, _Context()) for child in reversed(root.contents)]
        while stack:
            node, context = stack.pop()
            if isinstance(node, Tag):
                inner = self._enter(node, context)
                stack.extend((child, inner) for child in reversed(node.contents))
            elif type(node) is NavigableString:  # not a Comment, CData or other subclass
                self._text(str(node), context)

    def _enter(self, tag: Tag, context: _Context) -> _Context:
        name = tag.name
        changes: dict[str, object] = {}
        if name in _HEADINGS:
            changes["heading"] = self._open(self.headings, tag)
        elif name in _PROSE:
            changes["block"] = self._open(self.blocks, tag)
        elif name == "a" and tag.has_attr("href"):
            changes["link"] = self._open(self.links, tag)
        elif name == "pre":
            pre = changes["pre"] = self._open(self.pres, tag)
            pre.classes.extend(tag.get("class") or [])
        elif name == "img":
            self._image(tag, context)
        if name == "code" and context.pre is not None:
            context.pre.classes.extend(tag.get("class") or [])
        if name in ("code", "pre"):
            changes["in_code"] = True
        return replace(context, **changes) if changes else context  # type: ignore[arg-type]

    @staticmethod
    def _open(found: list[_Open], tag: Tag) -> _Open:
        opened = _Open(tag)
        found.append(opened)
        return opened

    def _text(self, text: str, context: _Context) -> None:
        if context.heading is not None:
            context.heading.parts.append(text)
        elif context.block is not None and not context.in_code:
            context.block.parts.append(text)
        if context.link is not None:
            context.link.parts.append(text)
        if context.pre is not None:
            context.pre.parts.append(text)

    def _image(self, tag: Tag, context: _Context) -> None:
        attrs = {k: _attr(v) for k, v in tag.attrs.items()}
        alt = attrs.get("alt")
        self.images.append(
            Image(attrs.get("src"), alt, _span(tag, self.doc), html_elements.is_decorative(attrs))
        )
        if context.link is not None and alt:
            context.link.alts.append(alt)  # an image link is named by its alt text

    def to_headings(self) -> list[Heading]:
        return [Heading(int(h.tag.name[1]), h.text(" "), _span(h.tag, self.doc)) for h in self.headings]

    def to_blocks(self) -> list[Block]:
        return [
            Block(_PROSE[b.tag.name], text, _span(b.tag, self.doc))  # type: ignore[arg-type]
            for b in self.blocks
            if (text := b.text(""))
        ]

    def to_links(self) -> list[Link]:
        links = []
        for opened in self.links:
            attrs = {k: _attr(v) for k, v in opened.tag.attrs.items()}
            text = opened.text(" ") or " ".join(opened.alts)
            classes = html_elements.class_list(attrs)
            links.append(
                Link(text, attrs.get("href"), _span(opened.tag, self.doc), classes, attrs.get("role"))
            )
        return links

    def to_code(self) -> list[CodeBlock]:
        blocks = []
        for pre in self.pres:
            language = next((m.group(1) for c in pre.classes if (m := _LANGUAGE.match(c))), None)
            blocks.append(
                CodeBlock(language, _span(pre.tag, self.doc), fenced=False, text="".join(pre.parts))
            )
        return blocks


def _attr(value: object) -> str | None:
    """bs4 gives multi-valued attributes (class) as lists; normalise to one string."""
    if value is None:
        return None
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)
