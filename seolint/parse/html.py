"""HTML front-end: the standard library's tokenizer into a light tree (parse.html_tree).

Rendered pages carry site chrome, so only the post body is read for prose, headings,
links and images: `content-selector` when configured, else `<main>`/`<article>`/
`role="main"`. Title and meta description always come from `<head>`. BeautifulSoup is
imported only for a `content-selector`, whose CSS it (through soupsieve) evaluates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from seolint.document import Block, CodeBlock, Document, Field, Heading, Hints, Image, Link, Span, alt_state
from seolint.parse import ParseError, html_elements, html_tree
from seolint.parse.html_tree import NOT_CONTENT, Element

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PROSE = {"p": "paragraph", "li": "list-item", "blockquote": "quote", "td": "table-cell", "th": "table-cell"}
# Site chrome inside the post body: nav, aside, [role=navigation], [role=complementary],
# #TableOfContents, .toc, .table-of-contents (matched by hand: soupsieve took a fifth of parse time).
_CHROME_TAGS = {"nav", "aside"}
_CHROME_ROLES = {"navigation", "complementary"}
_CHROME_CLASSES = {"toc", "table-of-contents"}
_LANGUAGE = re.compile(r"^(?:language|lang)-(.+)$")
_HINTS = Hints(
    heading="use <h{level}>{text}</h{level}>", description='<meta name="description">', heading_markup=None
)
_ID_OR_NAME = re.compile(r"\b(?:id|name)\s*=", re.IGNORECASE)


def parse(source: str, path: str, content_selector: str | None = None) -> Document:
    root = html_tree.build(source)
    elements = list(root.descendants())  # one walk serves the searches below
    shell = Document(path=path, format="html", source=source)
    body = _selected(root, elements, source, content_selector) if content_selector else _main(root, elements)
    content = _Body(shell, skip_chrome=body is not root)
    content.walk(body)
    return Document(
        path=path,
        format="html",
        source=source,
        title=_title(elements, shell),
        description=_description(elements, shell),
        headings=tuple(content.to_headings()),
        blocks=tuple(content.to_blocks()),
        links=tuple(content.to_links()),
        images=tuple(content.images),
        code_blocks=tuple(content.to_code()),
        comments=tuple(html_elements.comments(shell)),
        hints=_HINTS,
        ids=tuple(_ids(elements)),  # the whole page: a fragment may target its chrome too
    )


def fragment_ids(snippet: str) -> list[str]:
    """Ids a `#fragment` may target in a snippet of raw HTML (as Markdown embeds)."""
    return _ids(html_tree.build(snippet).descendants()) if _ID_OR_NAME.search(snippet) else []


def _ids(elements: Iterable[Element]) -> list[str]:
    """Every element's `id`, and the `name` of an `<a>` (the older way to name an anchor)."""
    named = ((e.get("id"), e.get("name") if e.name == "a" else None) for e in elements)
    return [value for values in named for value in values if value]


def _is_chrome(element: Element) -> bool:
    return (
        element.name in _CHROME_TAGS
        or element.get("role") in _CHROME_ROLES
        or element.get("id") == "TableOfContents"
        or not _CHROME_CLASSES.isdisjoint(element.classes())
    )


def _main(root: Element, elements: list[Element]) -> Element:
    """The post body: the only <article>, else <main>, else role="main", else the first <article>."""
    articles = [e for e in elements if e.name == "article"]
    main = next((e for e in elements if e.name == "main"), None)
    main = main or next((e for e in elements if e.get("role") == "main"), None)
    for candidate in (articles[0] if len(articles) == 1 else None, main, *articles[:1]):
        if candidate is not None:
            return candidate
    return root


def _selected(root: Element, elements: list[Element], source: str, selector: str) -> Element:
    """The element a CSS selector picks: BeautifulSoup reads the same tokenizer's events, so
    its element and ours start at the same line and column."""
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():  # a one-line draft that looks like a URL is still a draft
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(list(NOT_CONTENT)):
        tag.decompose()
    try:
        chosen = soup.select_one(selector)
    except Exception as error:  # soupsieve raises its own SelectorSyntaxError
        raise ParseError(f"invalid content-selector {selector!r}: {error}") from None
    if chosen is None:
        return root
    position = (chosen.sourceline, chosen.sourcepos)
    return next((e for e in elements if (e.line, e.column) == position), root)


def _span(element: Element, doc: Document) -> Span:
    start = doc.offset(element.line, element.column + 1)
    close = doc.source.find(">", start)
    return doc.span_at(start, close + 1 if close >= 0 else start + 1)


def _title(elements: list[Element], doc: Document) -> Field | None:
    element = next((e for e in elements if e.name == "title"), None)
    if element is None or not (text := element.text()):
        return None
    return Field(text, _span(element, doc), "title-tag")


def _description(elements: list[Element], doc: Document) -> Field | None:
    for element in elements:
        if element.name == "meta" and (element.get("name") or "").lower() == "description":
            content = " ".join((element.get("content") or "").split())
            return Field(content, _span(element, doc), "meta-tag") if content else None
    return None


@dataclass
class _Open:
    """An element whose text is being gathered while the walk is inside it."""

    element: Element
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
    the walk is linear even on pathologically nested pages (no text gathering per element).
    Inside a chosen post body, site chrome (navigation, tables of contents) is skipped.
    """

    doc: Document
    skip_chrome: bool
    headings: list[_Open] = field(default_factory=list)
    blocks: list[_Open] = field(default_factory=list)
    links: list[_Open] = field(default_factory=list)
    pres: list[_Open] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)

    def walk(self, root: Element) -> None:
        stack: list[tuple[html_tree.Node, _Context]] = [
            (child, _Context()) for child in reversed(root.children)
        ]
        while stack:
            node, context = stack.pop()
            if isinstance(node, str):
                self._text(node, context)
            elif not (self.skip_chrome and _is_chrome(node)):
                inner = self._enter(node, context)
                stack.extend((child, inner) for child in reversed(node.children))

    def _enter(self, element: Element, context: _Context) -> _Context:
        name = element.name
        changes: dict[str, object] = {}
        if name in _HEADINGS:
            changes["heading"] = self._open(self.headings, element)
        elif name in _PROSE:
            changes["block"] = self._open(self.blocks, element)
        elif name == "a" and "href" in element.attrs:
            changes["link"] = self._open(self.links, element)
        elif name == "pre":
            pre = changes["pre"] = self._open(self.pres, element)
            pre.classes.extend(element.classes())
        elif name == "img":
            self._image(element, context)
        if name == "code" and context.pre is not None:
            context.pre.classes.extend(element.classes())
        if name in ("code", "pre"):
            changes["in_code"] = True
        return replace(context, **changes) if changes else context  # type: ignore[arg-type]

    @staticmethod
    def _open(found: list[_Open], element: Element) -> _Open:
        opened = _Open(element)
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

    def _image(self, element: Element, context: _Context) -> None:
        attrs = element.attrs
        alt = attrs.get("alt")
        state = alt_state(alt, html_elements.is_decorative(attrs))
        self.images.append(Image(attrs.get("src"), alt, _span(element, self.doc), state))
        if context.link is not None and alt:
            context.link.alts.append(alt)  # an image link is named by its alt text

    def to_headings(self) -> list[Heading]:
        return [
            Heading(
                int(h.element.name[1]), h.text(" "), _span(h.element, self.doc), anchor=h.element.get("id")
            )
            for h in self.headings
        ]

    def to_blocks(self) -> list[Block]:
        return [
            Block(_PROSE[b.element.name], text, _span(b.element, self.doc))  # type: ignore[arg-type]
            for b in self.blocks
            if (text := b.text(""))
        ]

    def to_links(self) -> list[Link]:
        links = []
        for opened in self.links:
            attrs = opened.element.attrs
            text = opened.text(" ") or " ".join(opened.alts)
            classes = html_elements.class_list(attrs)
            links.append(
                Link(text, attrs.get("href"), _span(opened.element, self.doc), classes, attrs.get("role"))
            )
        return links

    def to_code(self) -> list[CodeBlock]:
        blocks = []
        for pre in self.pres:
            language = next((m.group(1) for c in pre.classes if (m := _LANGUAGE.match(c))), None)
            blocks.append(
                CodeBlock(language, _span(pre.element, self.doc), fenced=False, text="".join(pre.parts))
            )
        return blocks
