"""A light element tree built from the HTML tokens of parse.html_tokens.

BeautifulSoup over html.parser spent ~60 % of the HTML front-end's time building its
general-purpose tree (7.4 s of the corpus's 237 pages, against 1.2 s for html.parser
alone). The front-end needs much less: element names, attributes, text children and the
start tag's position. The tree is shaped the way BeautifulSoup's html.parser builder
shapes it, so findings do not move: void elements never take children, an end tag closes
the most recent open element of its name (and everything opened inside it) or nothing,
and elements that never hold readable text (script, style, noscript, template) are left
out with everything inside them. Comments, doctypes, CDATA sections and ruby annotation
text are dropped, as the walk over BeautifulSoup's tree skipped them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Union

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
# Attributes holding a space-separated list, whose whitespace BeautifulSoup normalises.
_LIST_ATTRIBUTES = {"class", "accesskey", "dropzone"}
_LIST_ATTRIBUTES_OF = {
    "a": {"rel", "rev"}, "link": {"rel", "rev"}, "area": {"rel"}, "td": {"headers"}, "th": {"headers"},
    "form": {"accept-charset"}, "object": {"archive"}, "icon": {"sizes"}, "iframe": {"sandbox"},
    "output": {"for"},
}  # fmt: skip

Node = Union["Element", str]


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


def build(source: str) -> Element:
    """The document's tree, under an element named "#document"."""
    root = Element("#document", {}, 1, 0, 0, 0)
    open_elements: list[Element] = [root]
    open_names: dict[str, int] = {}  # open elements per name: skips hopeless end tags
    for token in html_tokens.tokenize(source):
        if isinstance(token, html_tokens.Text):
            if not (open_names.get("rt") or open_names.get("rp")):
                open_elements[-1].children.append(token.text)
        elif isinstance(token, html_tokens.StartTag):
            element = _element(token)
            if token.name not in NOT_CONTENT:  # still opened, but out of the tree
                open_elements[-1].children.append(element)
            if not token.self_closing and token.name not in VOID:  # <div/>: opened and closed at once
                open_elements.append(element)
                open_names[token.name] = open_names.get(token.name, 0) + 1
        elif isinstance(token, html_tokens.EndTag) and open_names.get(token.name):
            while True:  # close it and everything opened inside it
                closed = open_elements.pop()
                open_names[closed.name] -= 1
                if closed.name == token.name:
                    break
    return root


def _element(tag: html_tokens.StartTag) -> Element:
    listed = _LIST_ATTRIBUTES_OF.get(tag.name, set())
    values = {
        name: " ".join(value.split())
        if value and (name in _LIST_ATTRIBUTES or name in listed)
        else value or ""
        for name, value in tag.attrs
    }
    return Element(tag.name, values, tag.line, tag.column - 1, tag.start, tag.end)
