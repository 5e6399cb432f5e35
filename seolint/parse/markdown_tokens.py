"""markdown-it-pyrs's node tree, flattened into the token stream the Markdown front-end walks.

markdown-it-pyrs is markdown-it ported to Rust: the same CommonMark algorithm as
markdown-it-py (so the same blocks, links and raw HTML), ten times faster, but it hands
back a tree with UTF-8 byte ranges instead of a flat stream with line maps. This module
turns that tree into markdown-it-py's shape (open/inline/close tokens, `map` as
[first line, line after the last)), so the front-end reads one kind of stream.
"""

from __future__ import annotations

import bisect
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from markdown_it import MarkdownIt as PyMarkdownIt
    from markdown_it_pyrs import MarkdownIt, Node

_CONTAINERS = {"list_item": "list_item", "blockquote": "blockquote"}
_INLINE_STYLE = frozenset({"em", "strong"})  # only their text matters to seolint
_BLOCKS = frozenset(
    {
        "paragraph", "heading", "lheading", "blockquote", "bullet_list", "ordered_list", "list_item",
        "fence", "code_block", "html_block", "hr", "table", "thead", "tbody", "trow",
        "tcell", "definition",
    }
)  # fmt: skip


class TokenLike(Protocol):
    """What the front-end reads of a token: markdown-it-py's Token, or ours built from the tree."""

    @property
    def type(self) -> str: ...
    @property
    def map(self) -> list[int] | None: ...
    @property
    def tag(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def markup(self) -> str: ...
    @property
    def info(self) -> str: ...
    @property
    def children(self) -> Sequence[TokenLike] | None: ...
    def attrGet(self, name: str) -> str | int | float | None: ...  # markdown-it-py's name


@dataclass(slots=True)
class Token:
    """A token in markdown-it-py's shape, built from a markdown-it-pyrs node."""

    type: str
    map: list[int] | None = None
    tag: str = ""
    content: str = ""
    markup: str = ""
    info: str = ""
    children: list[Token] | None = None
    attrs: dict[str, str] = field(default_factory=dict)

    def attrGet(self, name: str) -> str | None:  # markdown-it-py's name
        return self.attrs.get(name)


@cache
def _parser() -> MarkdownIt:
    from markdown_it_pyrs import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


@cache
def _fallback_parser(indented_code: bool = True) -> PyMarkdownIt:
    from markdown_it import MarkdownIt as PyMarkdownIt

    parser = PyMarkdownIt("commonmark").enable("table").disable("text_join")  # see markdown._Cursor
    return parser if indented_code else parser.disable("code")


def preload() -> None:
    _parser()


def parse(source: str, indented_code: bool = True) -> Sequence[TokenLike]:
    """The token stream of `source`, line maps counted in `source`'s lines.

    Without `indented_code` (plain-text drafts, whose indented lines are prose), the
    Python parser reads it: the Rust one cannot switch that rule off.

    The source is first normalised as markdown-it-py normalises it: CRLF and a lone CR each end
    one line, NUL reads as U+FFFD.
    markdown-it-pyrs 0.4 (markdown-it.rs 0.6.0) panics on some inputs, `[` then a backtick
    with no closing `]` among them (markdown-it-rust/markdown-it#40); those, and only those,
    are read by markdown-it-py, the same algorithm, so the Document is the same either way.
    """
    source = _LINE_ENDING.sub("\n", source).replace("\0", "\ufffd")  # NUL: as CommonMark says
    try:
        encoded = source.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate is never valid UTF-8: read it as U+FFFD, one character
        source = _SURROGATE.sub("\ufffd", source)
        encoded = source.encode("utf-8")
    if not indented_code:
        return _fallback_parser(indented_code=False).parse(source)
    try:
        tree = _without_stderr(lambda: _parser().tree(source))
    except BaseException as error:  # pyo3's PanicException derives from BaseException
        if type(error).__name__ != "PanicException":
            raise
        return _fallback_parser().parse(source)
    stream = _Stream(_byte_line_starts(encoded), len(encoded) if not source.endswith("\n") else -1)
    stream.blocks(tree.children)
    return stream.tokens


def _without_stderr(call: Callable[[], Node]) -> Node:
    """Run `call` with file descriptor 2 pointed at the null device: Rust's panic hook writes
    its message there directly, and a panic here is handled (above), not the user's news."""
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to hide
        return call()
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        return call()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


_LINE_ENDING = re.compile(r"\r\n?")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _byte_line_starts(encoded: bytes) -> list[int]:
    starts = [0]
    at = encoded.find(b"\n")
    while at >= 0:
        starts.append(at + 1)
        at = encoded.find(b"\n", at + 1)
    return starts


@dataclass
class _Stream:
    """Flattens the tree with an explicit stack: a quote nested 10,000 deep is no deeper here."""

    line_starts: list[int]
    unterminated_end: int  # where the source ends when its last line has no line break, else -1
    tokens: list[Token] = field(default_factory=list)

    def line_map(self, start: int, end: int) -> list[int]:
        first = bisect.bisect_right(self.line_starts, start) - 1
        last = bisect.bisect_right(self.line_starts, max(start, end - 1)) - 1
        return [first, last + 1]

    def blocks(self, nodes: Sequence[Node]) -> None:
        stack: list[_Pending] = []
        _push_blocks(stack, nodes, None)
        while stack:
            item, row = stack.pop()
            if isinstance(item, Token):
                self.tokens.append(item)
            elif isinstance(item, list):
                self._loose(item)
            else:
                self._block(stack, item, row)

    def _as_written_at_end(self, node: Node, content: str) -> str:
        """markdown-it.rs ends a block's last line with a line break the source may not have."""
        reaches_end = node.srcmap is not None and node.srcmap[1] == self.unterminated_end
        return content[:-1] if reaches_end and content.endswith("\n") else content

    def _loose(self, nodes: list[Node]) -> None:
        """A tight list item's text: a paragraph whose node markdown-it drops."""
        spans = [node.srcmap for node in nodes if node.srcmap]
        line_map = self.line_map(spans[0][0], spans[-1][1]) if spans else [0, 1]
        self.tokens.append(Token("paragraph_open", line_map, "p"))
        self.tokens.append(Token("inline", line_map, children=_inline(nodes)))
        self.tokens.append(Token("paragraph_close"))

    def _block(self, stack: list[_Pending], node: Node, row: list[int] | None) -> None:
        name = node.name
        line_map = self.line_map(*node.srcmap) if node.srcmap else None
        meta: Mapping[str, Any] = node.meta
        if name in ("paragraph", "heading", "lheading"):  # lheading: a setext (underlined) heading
            kind, tag = ("paragraph", "p") if name == "paragraph" else ("heading", f"h{meta['level']}")
            self.tokens.append(Token(f"{kind}_open", line_map, tag))
            self.tokens.append(Token("inline", line_map, children=_inline(node.children)))
            self.tokens.append(Token(f"{kind}_close"))
        elif name == "tcell":  # markdown-it-py maps a cell's text to its row
            self.tokens.append(Token("td_open", line_map, "td"))
            self.tokens.append(Token("inline", row or line_map, children=_inline(node.children)))
            self.tokens.append(Token("td_close"))
        elif name == "fence":
            markup = meta.get("marker", "`") * int(meta.get("marker_len", 3))
            content, info = meta.get("content", ""), meta.get("info", "")
            if line_map and content.count("\n") == line_map[1] - line_map[0] - 1:  # no closing fence
                content = self._as_written_at_end(node, content)
            self.tokens.append(Token("fence", line_map, content=content, markup=markup, info=info))
        elif name == "html_block":
            self.tokens.append(
                Token(name, line_map, content=self._as_written_at_end(node, meta.get("content", "")))
            )
        elif name == "code_block":
            self.tokens.append(Token(name, line_map, content=meta.get("content", "")))
        elif name in _CONTAINERS:
            self.tokens.append(Token(f"{_CONTAINERS[name]}_open", line_map))
            stack.append((Token(f"{_CONTAINERS[name]}_close"), None))
            _push_blocks(stack, node.children, row)
        else:  # lists, tables and their parts: only their items and cells are read
            _push_blocks(stack, node.children, line_map if name == "trow" else row)


_Pending = tuple["Token | Node | list[Node]", "list[int] | None"]  # what is left to flatten, and its row


def _push_blocks(stack: list[_Pending], nodes: Sequence[Node], row: list[int] | None) -> None:
    """Push `nodes` to be flattened in order, runs of inline nodes grouped as one paragraph."""
    items: list[Node | list[Node]] = []
    for node in nodes:
        if node.name in _BLOCKS:
            items.append(node)
        elif items and isinstance(items[-1], list):
            items[-1].append(node)
        else:
            items.append([node])
    stack.extend((item, row) for item in reversed(items))


def _inline(nodes: Sequence[Node]) -> list[Token]:
    """Inline nodes as markdown-it-py's flat children; emphasis keeps only its text."""
    out: list[Token] = []
    stack: list[tuple[Token | Node, list[Token]]] = [(node, out) for node in reversed(nodes)]
    while stack:
        node, into = stack.pop()
        if isinstance(node, Token):
            into.append(node)
            continue
        name = node.name
        meta: Mapping[str, Any] = node.meta
        if name in ("text", "html_inline"):
            into.append(Token(name, content=meta.get("content", "")))
        elif name == "text_special":
            into.append(Token(name, content=meta.get("content", ""), markup=meta.get("markup", "")))
        elif name == "code_inline":
            content = "".join(child.meta.get("content", "") for child in node.children)
            marker = meta.get("marker", "`") * int(meta.get("marker_len", 1))
            into.append(Token(name, content=content, markup=marker))
        elif name in ("softbreak", "hardbreak"):
            into.append(Token(name))
        elif name == "autolink":  # its text is the URL as written
            into.append(Token("link_open", markup="autolink", attrs={"href": meta.get("url", "")}))
            into.extend(Token("text", content=child.meta.get("content", "")) for child in node.children)
            into.append(Token("link_close", markup="autolink"))
        elif name == "link":
            into.append(Token("link_open", attrs={"href": meta.get("url", "")}))
            stack.append((Token("link_close"), into))
            stack.extend((child, into) for child in reversed(node.children))
        elif name == "image":
            alt: list[Token] = []
            into.append(Token("image", attrs={"src": meta.get("url", "")}, children=alt))
            stack.extend((child, alt) for child in reversed(node.children))
        elif name in _INLINE_STYLE:
            stack.extend((child, into) for child in reversed(node.children))
    return out
