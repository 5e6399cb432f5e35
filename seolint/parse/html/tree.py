"""A light element tree built from the HTML tokens of parse.html_tokens.

Building BeautifulSoup's general-purpose tree was most of the HTML front-end's time
(BENCHMARKS.md, "Figures behind the code"). The front-end needs much less: element names,
attributes, text and the start tag's position. The tree is shaped the way BeautifulSoup's
html.parser builder shapes it, so findings do not move: void elements never take children,
an end tag closes the most recent open element of its name (and everything opened inside
it) or nothing, and elements that never hold readable text (script, style, noscript,
template) are left out with everything inside them. Doctypes, CDATA sections and ruby
annotation text are dropped, as the walk over BeautifulSoup's tree skipped them; comments
are kept aside.

A page's tree is kept flat, as the events of a walk over it (`Tree.events`): building it
is a list append per token, and a walk, or a skip over a subtree, is a loop over a slice.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Protocol, Union

from seolint.discover.records import NamedTuple
from seolint.parse.html import tokens as html_tokens
from seolint.parse.html.tokens import unescape

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
_LIST_ATTRIBUTES = frozenset({"class", "accesskey", "dropzone"})
_LIST_ATTRIBUTES_OF = {
    tag: _LIST_ATTRIBUTES | names
    for tag, names in {
        "a": {"rel", "rev"}, "link": {"rel", "rev"}, "area": {"rel"}, "td": {"headers"}, "th": {"headers"},
        "form": {"accept-charset"}, "object": {"archive"}, "icon": {"sizes"}, "iframe": {"sandbox"},
        "output": {"for"},
    }.items()
}  # fmt: skip
# What an open element does to the text and comments inside it, as (hidden, quiet, verbatim):
# NOT_CONTENT hides elements and text, ruby annotations (rt, rp) quieten text only, and
# VERBATIM elements hold no comments. Each open element adds its row; others have none.
_EFFECTS = {
    name: (name in NOT_CONTENT, name in NOT_CONTENT or name in ("rt", "rp"), name in VERBATIM)
    for name in NOT_CONTENT | VERBATIM | {"rt", "rp"}
}
# Elements whose content is code or raw text, not prose (the `lines` scope hides them whole).
RAW_CODE = frozenset({"pre", "code", "script", "style", "textarea", "head"})
# Elements whose extent, up to the end of their end tag, the front-end needs: raw code,
# tables (rows repeat) and headings (a fix retypes both tags).
EXTENTS = RAW_CODE | {"table", "h1", "h2", "h3", "h4", "h5", "h6"}
_UNUSUAL = VOID | _EFFECTS.keys() | EXTENTS  # elements that close at once, have effects or an extent

Event = Union["Element", str, None]  # an element opens, text, the innermost open element closes


class Element:
    """An element: its name, attributes, start tag position and place in `Tree.events`."""

    __slots__ = ("attrs", "end", "first", "last", "name", "offset")

    def __init__(self, name: str, attrs: dict[str, str], offset: int, end: int) -> None:
        self.name = name
        self.attrs = attrs
        self.offset = offset  # of its "<" in the source
        self.end = end  # just past its ">"
        self.first = -1  # the index of its own event (-1: not in the tree)
        self.last = -1  # the index of the event that closes it

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class Extent(NamedTuple):
    """Where an element of `EXTENTS` lies in the source: from its "<" to `end`, the end of its
    own end tag (`closing`, its offsets), or where something else closed it."""

    name: str
    start: int
    end: int
    closing: tuple[int, int] | None


class Tree:
    """A page as the events of a walk over its elements, in document order.

    `events[element.first]` is the element and `events[element.last]` the None that closes
    it; between them lie the events of everything inside it. The root, named "#document",
    spans all events.
    """

    __slots__ = ("comments", "elements", "events", "extents", "root")

    def __init__(self) -> None:
        self.root = Element("#document", {}, 0, 0)
        self.root.first = 0
        self.events: list[Event] = [self.root]
        self.elements: list[Element] = []  # all but the root, in document order
        self.comments: list[html_tokens.Comment] = []  # real comments only (none in code or raw text)
        self.extents: list[Extent] = []  # of the elements named in EXTENTS, hidden ones too

    def text(self, element: Element) -> str:
        """The text of every descendant, joined by spaces, whitespace collapsed."""
        inside = self.events[element.first + 1 : element.last]
        return " ".join(" ".join([event for event in inside if type(event) is str]).split())


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


_NEW: html_tokens.Tag[dict[str, str]] = ("", None, False)  # what a look-up of a tag not met before finds


def read(source: str) -> Tree:
    """The page's tree: ordinary tags straight from the scanner's pieces, the rest from its
    careful reader's tokens, nested by the rules in the module docstring."""
    builder = _Builder()
    events, elements, open_now, counts = (
        builder.tree.events,
        builder.tree.elements,
        builder.open,
        builder.counts,
    )
    scanner = html_tokens.Scanner(source, attribute_dict)
    tokens, at = scanner.step(0)
    builder.feed(tokens)
    tags = scanner.tags
    offset = len(scanner.pieces[0])  # of the "<" before each piece
    for piece in islice(scanner.pieces, 1, None):
        if offset >= at:
            text, closed, after = piece.partition(">")
            tag = tags.get(text, _NEW) if closed else None
            if tag is _NEW:
                tag = scanner.read_tag(text)
            if tag is None:
                tokens, at = scanner.step(offset)
                builder.feed(tokens)
                offset += len(piece) + 1
                continue
            name, attrs, self_closing = tag
            if builder.hidden or self_closing or name in _UNUSUAL:
                if attrs is None:
                    builder.end(name, offset, offset + len(text) + 2)
                else:
                    builder.start(name, attrs, offset, offset + len(text) + 2, self_closing)
            elif attrs is not None:  # what `start` does with an element that opens
                element = Element(name, attrs, offset, offset + len(text) + 2)
                element.first = len(events)
                events.append(element)
                elements.append(element)
                open_now.append(element)
                counts[name] = counts.get(name, 0) + 1
            elif open_now and open_now[-1].name == name:  # what `end` does with the innermost element
                element = open_now.pop()
                counts[name] -= 1
                element.last = len(events)
                events.append(None)
            else:
                builder.end(name, offset, offset + len(text) + 2)
            if after and not builder.quiet:
                events.append(unescape(after) if "&" in after else after)
        offset += len(piece) + 1
    return builder.close(len(source))


class _Builder:
    """Nests a page's elements into a `Tree`, by the same rules as `Nesting`."""

    def __init__(self) -> None:
        self.tree = Tree()
        self.open: list[Element] = []  # hidden ones too, never put in the tree
        self.counts: dict[str, int] = {}  # open elements per name: skips hopeless end tags
        self.hidden = 0  # open elements whose content is hidden (NOT_CONTENT)
        self.quiet = 0  # open elements whose text is dropped (NOT_CONTENT, rt, rp)
        self._verbatim = 0  # open elements that hold no comments (VERBATIM)

    def feed(self, tokens: list[html_tokens.Token]) -> None:
        """Tokens of the careful reader."""
        for token in tokens:
            if isinstance(token, html_tokens.Text):
                if not self.quiet:
                    self.tree.events.append(token.text)
            elif isinstance(token, html_tokens.StartTag):
                self.start(token.name, attributes(token), token.start, token.end, token.self_closing)
            elif isinstance(token, html_tokens.EndTag):
                self.end(token.name, token.start, token.end)
            elif not self._verbatim:
                self.tree.comments.append(token)

    def start(self, name: str, attrs: dict[str, str], offset: int, end: int, self_closing: bool) -> None:
        element = Element(name, attrs, offset, end)
        events = self.tree.events
        if not self.hidden and name not in NOT_CONTENT:
            element.first = len(events)
            events.append(element)
            self.tree.elements.append(element)
        if self_closing or name in VOID:  # <div/>: opened and closed at once
            if element.first >= 0:
                element.last = len(events)
                events.append(None)
            return
        self.open.append(element)
        self.counts[name] = self.counts.get(name, 0) + 1
        effects = _EFFECTS.get(name)
        if effects is not None:
            hidden, quiet, verbatim = effects
            self.hidden += hidden
            self.quiet += quiet
            self._verbatim += verbatim

    def end(self, name: str, start: int, end: int) -> None:
        """Close the most recent open `name` and everything opened inside it, or nothing; the
        end tag is at source offsets [start, end)."""
        if self.counts.get(name):
            while self.open[-1].name != name:
                self._close_last(start, None)
            self._close_last(end, (start, end))

    def close(self, size: int) -> Tree:
        """Close every element still open at the end of the page (`size` long), and the root."""
        while self.open:
            self._close_last(size, None)
        tree = self.tree
        tree.root.last = len(tree.events)
        tree.events.append(None)
        return tree

    def _close_last(self, at: int, closing: tuple[int, int] | None) -> None:
        """Close the innermost open element at offset `at`; `closing`: by its own end tag there."""
        element = self.open.pop()
        name = element.name
        self.counts[name] -= 1
        if name in EXTENTS:
            self.tree.extents.append(Extent(name, element.offset, at, closing))
        effects = _EFFECTS.get(name)
        if effects is not None:
            hidden, quiet, verbatim = effects
            self.hidden -= hidden
            self.quiet -= quiet
            self._verbatim -= verbatim
        if element.first >= 0:
            element.last = len(self.tree.events)
            self.tree.events.append(None)


def attributes(tag: html_tokens.StartTag) -> dict[str, str]:
    """A tag's attributes as BeautifulSoup gave them: the last of a name wins, no value is "",
    and lists (class, rel) have their whitespace collapsed."""
    return attribute_dict(tag.name, tag.attrs)


def attribute_dict(tag: str, attrs: Iterable[html_tokens.Attribute]) -> dict[str, str]:
    """`attributes` of the tag named `tag` with these attributes."""
    listed = _LIST_ATTRIBUTES_OF.get(tag, _LIST_ATTRIBUTES)
    return {
        name: (" ".join(value.split()) if name in listed else value) if value else "" for name, value in attrs
    }
