"""The element walker both front-ends share: what `<a>`, `<img>` and the text inside links mean.

An HTML page's tree and the HTML inside a Markdown draft (with the draft's own links and
images) are read by the same `Reader`, so `<a href="/x"><img alt="Pricing"></a>` is a
link named "Pricing" in either format, and an image's alt is missing, empty or
decorative by the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from seolint.document.model import Comment, Document, Image, Link, Span, alt_state

Attrs = Mapping[str, str | None]


def comments(doc: Document) -> Iterator[Comment]:
    """Every `<!-- ... -->` in a plain-text draft, found with str.find so that many unclosed
    openers cost linear time (a lazy regex rescans the rest of the file for each)."""
    source, start = doc.source, doc.source.find("<!--")
    while start >= 0:
        end = source.find("-->", start + 4)
        if end < 0:
            return
        yield Comment(source[start + 4 : end].strip(), doc.span_at(start, end + 3))
        start = source.find("<!--", end + 3)


def is_decorative(attrs: Attrs) -> bool:
    """An image hidden from assistive technology needs no alt text."""
    role = (attrs.get("role") or "").strip().lower()
    hidden = (attrs.get("aria-hidden") or "").strip().lower()
    return role in ("presentation", "none") or hidden == "true"


def class_list(attrs: Attrs) -> tuple[str, ...]:
    return tuple((attrs.get("class") or "").split())


class _OpenLink:
    __slots__ = ("alts", "attrs", "parts", "span")

    def __init__(self, attrs: Attrs, span: Span) -> None:
        self.attrs = attrs
        self.span = span
        self.parts: list[str] = []
        self.alts: list[str] = []  # of images inside it

    def link(self) -> Link:
        text = " ".join(" ".join(self.parts).split()) or " ".join(self.alts)  # named by alt text
        attrs = self.attrs
        return Link(text, attrs.get("href"), self.span, class_list(attrs), attrs.get("role"))


# html-proofer's marker: "do not check the links and images in here" (sample output in docs).
IGNORE_ATTRIBUTE = "data-proofer-ignore"


class Reader:
    """Links (with their text) and images, from properly nested enter/leave/text events.

    Links and images inside an element marked `data-proofer-ignore` are not collected: the
    author has said they are examples, not the page's own links. A caller may leave out the
    other elements (both their enter and leave): then only `ids` lacks theirs.
    """

    def __init__(self) -> None:
        self.images: list[Image] = []
        self.ids: list[str] = []  # every `id` and `<a name>`: what a #fragment targets
        self._links: list[_OpenLink] = []  # in the order they were opened
        self._open: list[_OpenLink | None] = []  # per open element
        self._open_links: list[_OpenLink] = []
        self._ignoring: list[bool] = []  # per open element: it starts an ignored region
        self._ignored_depth = 0  # open elements marked ignored (a count: nesting may be deep)

    def enter(self, name: str, attrs: Attrs, span: Callable[[], Span]) -> None:
        """Enter an element; `span` locates it, asked only of links and images."""
        named = (attrs.get("id"), attrs.get("name") if name == "a" else None)
        self.ids += [value for value in named if value]
        starts = IGNORE_ATTRIBUTE in attrs
        self._ignoring.append(starts)
        self._ignored_depth += starts
        ignored = self._ignored_depth > 0
        link = _OpenLink(attrs, span()) if name == "a" and "href" in attrs else None
        self._open.append(link)
        if link is not None:
            if not ignored:
                self._links.append(link)
            self._open_links.append(link)
        elif name == "img" and not ignored:
            alt = attrs.get("alt")
            self.image(Image(attrs.get("src"), alt, span(), alt_state(alt, is_decorative(attrs))))

    def leave(self, until: Span | None = None) -> None:
        """Leave the innermost element; a link written around its text may end at `until`."""
        link = self._open.pop()
        self._ignored_depth -= self._ignoring.pop()
        if link is not None:
            self._open_links.pop()
            if until is not None:
                link.span = Span(link.span.line, link.span.column, until.end_line, until.end_column)

    def text(self, text: str) -> None:
        if self._open_links:
            self._open_links[-1].parts.append(text)

    def image(self, image: Image) -> None:
        self.images.append(image)
        if self._open_links and image.alt:
            self._open_links[-1].alts.append(image.alt)

    def links(self) -> list[Link]:
        return [opened.link() for opened in self._links]
