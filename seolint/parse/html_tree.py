"""A light element tree built from the HTML tokens of parse.html_tokens.

BeautifulSoup over html.parser spent ~60 % of the HTML front-end's time building its
general-purpose tree (7.4 s of the corpus's 237 pages, against 1.2 s for html.parser
alone). The front-end needs much less: element names, attributes, text children and the
start tag's position. The tree is shaped the way BeautifulSoup's html.parser builder
shapes it, so findings do not move: void elements never take children, an end tag closes
the most recent open element of its name (and everything opened inside it) or nothing,
and elements that never hold readable text (script, style, noscript, template) are left
out with everything inside them. Doctypes, CDATA sections and ruby annotation text are
dropped, as the walk over BeautifulSoup's tree skipped them; comments are kept aside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, Union

from seolint.parse import html_tokens

# BeautifulSoup's html.parser builder, whose trees the rules were written against:
VOID = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "image",
        "img", "input", "isindex", "keygen", "link", "menuitem", "meta", "nextid", "param", "source",
        "spacer", "track", "wbr",
    }
)  # fmt: skip
NOT_CONTENT = frozenset({"script", "style", "noscript", "template"})
# Elements whose content is code or raw text: a "<!-- -->" written there is not a comment.
VERBATIM = frozenset({"script", "style", "pre", "code", "textarea", "title"})
# Attributes holding a space-separated list, whose whitespace BeautifulSoup normalises.
_LIST_ATTRIBUTES = {"class", "accesskey", "dropzone"}
_LIST_ATTRIBUTES_OF = {
    "a": {"rel", "rev"}, "link": {"rel", "rev"}, "area": {"rel"}, "td": {"headers"}, "th": {"headers"},
    "form": {"accept-charset"}, "object": {"archive"}, "icon": {"sizes"}, "iframe": {"sandbox"},
    "output": {"for"},
}  # fmt: skip

Node = Union["Element", str]


class Walker(Protocol):
    """What a walk over a built tree tells: elements entered and left, and text."""

    def enter_element(self, element: Element) -> None: ...

    def leave_element(self) -> None: ...

    def text(self, text: str) -> None: ...


class Element:
    """An element: its name, attributes, children (elements and text) and start tag position."""

    __slots__ = ("attrs", "children", "column", "end", "line", "name", "offset")

    def __init__(
        self, name: str, attrs: dict[str, str], line: int, column: int, offset: int, end: int
    ) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Node] = []
        self.line = line  # 1-based line of the start tag ("\n" ends a line, as in html.parser)
        self.column = column  # 0-based column of its "<"
        self.offset = offset  # of its "<" in the source
        self.end = end  # just past its ">"

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def descendants(self) -> Iterator[Element]:
        """Every element below this one, in document order."""
        stack = [child for child in reversed(self.children) if isinstance(child, Element)]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(child for child in reversed(element.children) if isinstance(child, Element))

    def text(self) -> str:
        """The text of every descendant, joined by spaces, whitespace collapsed."""
        parts: list[str] = []
        stack: list[Node] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                stack.extend(reversed(node.children))
        return " ".join(" ".join(parts).split())


class Sink(Protocol):
    """What a reader of nested HTML hears: elements entered and left, text, comments."""

    def enter(self, tag: html_tokens.StartTag) -> None: ...

    def leave(self, name: str, end: html_tokens.EndTag | None) -> None: ...

    def text(self, text: str) -> None: ...

    def comment(self, comment: html_tokens.Comment) -> None: ...


class Nesting:
    """Tokens into properly nested enter/leave events, by the rules in the module docstring.

    The tree of an HTML page and the HTML inside a Markdown draft both go through it, so a
    tag nests, hides its content or holds a comment the same way in either format. A
    comment inside an element whose content is code or raw text (`VERBATIM`) is not
    reported: there it is an example written in the text, not a comment of the page.
    """

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self._open: list[tuple[str, bool]] = []  # name, and whether the sink was told
        self._counts: dict[str, int] = {}  # open elements per name: skips hopeless end tags
        self._hidden = 0  # open NOT_CONTENT elements

    def feed(self, tokens: Iterable[html_tokens.Token]) -> None:
        for token in tokens:
            if isinstance(token, html_tokens.Text):
                self.text(token.text)
            elif isinstance(token, html_tokens.StartTag):
                self.start(token)
            elif isinstance(token, html_tokens.EndTag):
                self.end(token.name, token)
            elif not any(self._counts.get(name) for name in VERBATIM):
                self.sink.comment(token)

    def start(self, tag: html_tokens.StartTag) -> None:
        shown = not self._hidden and tag.name not in NOT_CONTENT
        if shown:
            self.sink.enter(tag)
        if tag.self_closing or tag.name in VOID:  # <div/>: opened and closed at once
            if shown:
                self.sink.leave(tag.name, None)
            return
        self._open.append((tag.name, shown))
        self._counts[tag.name] = self._counts.get(tag.name, 0) + 1
        self._hidden += tag.name in NOT_CONTENT

    def end(self, name: str, tag: html_tokens.EndTag | None) -> None:
        """Close the most recent open `name` and everything opened inside it, or nothing."""
        if self._counts.get(name):
            while self._close_last(tag if self._open[-1][0] == name else None) != name:
                pass

    def text(self, text: str) -> None:
        if not (self._hidden or self._counts.get("rt") or self._counts.get("rp")):
            self.sink.text(text)

    def close(self) -> None:
        """Close every element still open (at the end of a page or of a Markdown block)."""
        while self._open:
            self._close_last(None)

    def _close_last(self, tag: html_tokens.EndTag | None) -> str:
        name, shown = self._open.pop()
        self._counts[name] -= 1
        self._hidden -= name in NOT_CONTENT
        if shown:
            self.sink.leave(name, tag)
        return name


class _TreeBuilder:
    """A Sink that hangs elements and text on a tree and keeps the page's comments."""

    def __init__(self) -> None:
        self.root = Element("#document", {}, 1, 0, 0, 0)
        self.comments: list[html_tokens.Comment] = []
        self._stack = [self.root]

    def enter(self, tag: html_tokens.StartTag) -> None:
        element = Element(tag.name, attributes(tag), tag.line, tag.column - 1, tag.start, tag.end)
        self._stack[-1].children.append(element)
        self._stack.append(element)

    def leave(self, name: str, end: html_tokens.EndTag | None) -> None:
        self._stack.pop()

    def text(self, text: str) -> None:
        self._stack[-1].children.append(text)

    def comment(self, comment: html_tokens.Comment) -> None:
        self.comments.append(comment)


@dataclass(frozen=True)
class Tree:
    root: Element  # named "#document"
    comments: list[html_tokens.Comment]  # real comments only (none inside code or raw text)


def read(source: str) -> Tree:
    builder = _TreeBuilder()
    nesting = Nesting(builder)
    nesting.feed(html_tokens.tokenize(source))
    nesting.close()
    return Tree(builder.root, builder.comments)


def build(source: str) -> Element:
    """The document's tree, under an element named "#document"."""
    return read(source).root


def attributes(tag: html_tokens.StartTag) -> dict[str, str]:
    """A tag's attributes as BeautifulSoup gave them: the last of a name wins, no value is "",
    and lists (class, rel) have their whitespace collapsed."""
    listed = _LIST_ATTRIBUTES_OF.get(tag.name, set())
    return {
        name: " ".join(value.split())
        if value and (name in _LIST_ATTRIBUTES or name in listed)
        else value or ""
        for name, value in tag.attrs
    }


def walk(root: Element, sink: Walker, skip: Callable[[Element], bool]) -> None:
    """Enter and leave every element under `root` in document order, except skipped subtrees."""
    stack: list[Node | None] = list(reversed(root.children))
    while stack:
        node = stack.pop()
        if node is None:
            sink.leave_element()
        elif isinstance(node, str):
            sink.text(node)
        elif not skip(node):
            sink.enter_element(node)
            stack.append(None)
            stack.extend(reversed(node.children))
