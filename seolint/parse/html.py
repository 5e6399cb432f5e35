"""HTML front-end: our linear tokenizer into a light tree (parse.html_tree).

Rendered pages carry site chrome, so only the post body is read for prose, headings,
links and images: `content-selector` when configured, else `<main>`/`<article>`/
`role="main"`. Title and meta description always come from `<head>`. BeautifulSoup is
imported only for a `content-selector`, whose CSS it (through soupsieve) evaluates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from seolint.document import Block, CodeBlock, Comment, Document, Field, Heading, Hints, Span
from seolint.parse import ParseError, front_matter, html_elements, html_tree
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


def parse(source: str, path: str, content_selector: str | None = None) -> Document:
    fm = front_matter.split(source) if source.lstrip("\ufeff").startswith(("---", "+++")) else None
    tree = html_tree.read(_without_front_matter(source, fm))
    root = tree.root
    elements = list(root.descendants())  # one walk serves the searches below
    shell = Document(path=path, format="html", source=source)
    body = _selected(root, elements, source, content_selector) if content_selector else _main(root, elements)
    content = _Body(shell, skip_chrome=body is not root)
    content.walk(body)
    return Document(
        path=path,
        format="html",
        source=source,
        front_matter=fm.data if fm else {},
        front_matter_span=fm.span if fm else None,
        title=_title(elements, shell),
        description=_description(elements, shell),
        headings=tuple(content.to_headings()),
        blocks=tuple(content.to_blocks()),
        links=tuple(content.reader.links()),
        images=tuple(content.reader.images),
        code_blocks=tuple(content.to_code()),
        comments=tuple(Comment(c.text.strip(), shell.span_at(c.start, c.end)) for c in tree.comments),
        hints=_HINTS,
        ids=tuple(_ids(elements)),  # the whole page: a fragment may target its chrome too
    )


def _without_front_matter(source: str, fm: front_matter.FrontMatter | None) -> str:
    """The page with a generator's front matter (Jekyll, Hugo HTML pages) blanked in place,
    so the HTML reader never sees it and every offset still points into `source`."""
    if fm is None or fm.span is None:
        return source
    lines = source.splitlines(keepends=True)
    end = sum(len(line) for line in lines[: fm.span.end_line])
    return re.sub(r"[^\r\n]", " ", source[:end]) + source[end:]


def _ids(elements: list[Element]) -> list[str]:
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
    """The element a CSS selector picks: BeautifulSoup's html.parser splits tags where our
    tokenizer does, so its element and ours start at the same line and column. (Only a
    configured selector brings html.parser, and its quadratic worst case, back.)"""
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
    return doc.span_at(element.offset, element.end)


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

    def text(self, separator: str) -> str:
        return " ".join(separator.join(self.parts).split())


@dataclass
class _Body:
    """Headings, prose and code of the post body, gathered in one walk; links and images
    go to the element reader the Markdown front-end uses too.

    Each piece of text belongs to its innermost heading, block and `<pre>`, so the walk is
    linear even on pathologically nested pages (no text gathering per element). Inside a
    chosen post body, site chrome (navigation, tables of contents) is skipped.
    """

    doc: Document
    skip_chrome: bool
    reader: html_elements.Reader = field(default_factory=html_elements.Reader)
    headings: list[_Open] = field(default_factory=list)
    blocks: list[_Open] = field(default_factory=list)
    pres: list[_Open] = field(default_factory=list)
    _open: list[tuple[list[_Open] | None, bool]] = field(default_factory=list)  # per open element
    _heading: list[_Open] = field(default_factory=list)
    _block: list[_Open] = field(default_factory=list)
    _pre: list[_Open] = field(default_factory=list)
    _code_depth: int = 0

    def walk(self, root: Element) -> None:
        html_tree.walk(root, self, lambda e: self.skip_chrome and _is_chrome(e))

    def enter_element(self, element: Element) -> None:
        name = element.name
        opened: list[_Open] | None = None
        if name in _HEADINGS:
            opened = self._push(self.headings, self._heading, element)
        elif name in _PROSE:
            opened = self._push(self.blocks, self._block, element)
        elif name == "pre":
            opened = self._push(self.pres, self._pre, element)
            self._pre[-1].classes.extend(element.classes())
        if name == "code" and self._pre:
            self._pre[-1].classes.extend(element.classes())
        code = name in ("code", "pre")
        self._code_depth += code
        self._open.append((opened, code))
        self.reader.enter(name, element.attrs, lambda: _span(element, self.doc))

    def leave_element(self) -> None:
        opened, code = self._open.pop()
        if opened is not None:
            opened.pop()
        self._code_depth -= code
        self.reader.leave()

    @staticmethod
    def _push(found: list[_Open], open_now: list[_Open], element: Element) -> list[_Open]:
        opened = _Open(element)
        found.append(opened)
        open_now.append(opened)
        return open_now

    def text(self, text: str) -> None:
        if self._heading:
            self._heading[-1].parts.append(text)
        elif self._block and not self._code_depth:
            self._block[-1].parts.append(text)
        if self._pre:
            self._pre[-1].parts.append(text)
        self.reader.text(text)

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

    def to_code(self) -> list[CodeBlock]:
        blocks = []
        for pre in self.pres:
            language = next((m.group(1) for c in pre.classes if (m := _LANGUAGE.match(c))), None)
            blocks.append(
                CodeBlock(language, _span(pre.element, self.doc), fenced=False, text="".join(pre.parts))
            )
        return blocks
