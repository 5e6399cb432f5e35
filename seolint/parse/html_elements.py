"""What `<img>` and `<a>` attributes mean, shared by the HTML and Markdown front-ends.

Markdown drafts embed raw HTML; scanning those snippets with the standard library's
tokenizer keeps BeautifulSoup out of the Markdown path while applying the same meaning.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

from seolint.document import Comment, Document

Attrs = Mapping[str, str | None]


def comments(doc: Document) -> Iterator[Comment]:
    """Every `<!-- ... -->` in the source, found with str.find so that many unclosed
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


@dataclass
class ScannedLink:
    attrs: dict[str, str | None]
    line: int  # 1-based within the snippet
    column: int  # 1-based
    text_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


@dataclass(frozen=True)
class ScannedImage:
    attrs: dict[str, str | None]
    line: int
    column: int


class SnippetScanner(HTMLParser):
    """Collect `<img>` and `<a href>` elements of an HTML snippet with their positions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[ScannedImage] = []
        self.links: list[ScannedLink] = []
        self._open: ScannedLink | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        if tag == "img":
            self.images.append(ScannedImage(dict(attrs), line, offset + 1))
        elif tag == "a" and any(name == "href" for name, _ in attrs):
            self._open = ScannedLink(dict(attrs), line, offset + 1)
            self.links.append(self._open)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self._open = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.text_parts.append(data)


def scan(snippet: str) -> SnippetScanner:
    scanner = SnippetScanner()
    scanner.feed(snippet)
    scanner.close()
    return scanner
