"""The Markdown syntax tree the front-end walks: markdown-it-pyrs's nodes, or markdown-it-py's.

markdown-it-pyrs is markdown-it ported to Rust: the same CommonMark algorithm as
markdown-it-py (so the same blocks, links and raw HTML), ten times faster, and it hands
back a tree whose nodes carry a name, a `meta` mapping and a UTF-8 byte range. The
front-end walks that tree as it comes. markdown-it-py reads the inputs the Rust parser
cannot (below); its flat token stream is shaped here into nodes of the same names, meta
keys and byte ranges, so one walker serves both and the two cannot drift apart.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from seolint.discover.records import NamedTuple

if TYPE_CHECKING:
    from markdown_it import MarkdownIt as PyMarkdownIt
    from markdown_it.token import Token
    from markdown_it_pyrs import MarkdownIt


# Blocks nested deeper than this are not read (markdown-it's own bound, max_nesting, is 100
# too); the front-end's walk refuses such a draft with one line saying where.
MAX_NESTING = 100


class Node(Protocol):
    """What the front-end reads of a node: markdown-it-pyrs's Node, or one built from tokens."""

    @property
    def name(self) -> str: ...
    @property
    def meta(self) -> Mapping[str, Any]: ...
    @property
    def srcmap(self) -> tuple[int, int] | None: ...  # UTF-8 byte range in the source
    @property
    def children(self) -> Sequence[Node]: ...


class Tree(NamedTuple):
    """A parsed source: its top-level blocks, and where its lines start, in UTF-8 bytes."""

    blocks: Sequence[Node]
    line_starts: list[int]
    unterminated_end: int  # the source's length when its last line has no line break, else -1
    encoded: bytes = b""  # the source as parsed, in UTF-8
    ascii: bool = True  # whether it is all ASCII, so that a byte's offset is its character's

    def chars(self, start: int, end: int, char_starts: Sequence[int]) -> tuple[int, int]:
        """The byte range [start, end) as character offsets into the original text, whose
        lines start at `char_starts` (its lines are the parsed ones, line breaks aside)."""
        return self._char(start, char_starts), self._char(end, char_starts)

    def _char(self, offset: int, char_starts: Sequence[int]) -> int:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        line_start = self.line_starts[index]
        column = offset - line_start
        if not self.ascii:
            column = len(self.encoded[line_start:offset].decode("utf-8"))
        return char_starts[index] + column

    def lines(self, start: int, end: int) -> tuple[int, int]:
        """The 0-based lines [first, after the last) that the byte range [start, end) touches."""
        starts = self.line_starts
        first = bisect.bisect_right(starts, start) - 1
        return first, bisect.bisect_right(starts, end - 1 if end > start else start)

    def as_written_at_end(self, node: Node, content: str) -> str:
        """A block's content without the line break markdown-it.rs adds at an unterminated end."""
        reaches_end = node.srcmap is not None and node.srcmap[1] == self.unterminated_end
        return content[:-1] if reaches_end and content.endswith("\n") else content


@cache
def _parser() -> MarkdownIt:
    from markdown_it_pyrs import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


@cache
def _fallback_parser(indented_code: bool = True) -> PyMarkdownIt:
    from markdown_it import MarkdownIt as PyMarkdownIt

    # text_join off: escapes and entities stay tokens of their own, as markdown-it.rs keeps them.
    # One level past MAX_NESTING, so a draft nested deeper keeps a node the walk refuses.
    options = {"maxNesting": MAX_NESTING + 1}
    parser = PyMarkdownIt("commonmark", options).enable("table").disable("text_join")
    return parser if indented_code else parser.disable("code")


def preload() -> None:
    _parser()


def parse(source: str, indented_code: bool = True) -> Tree:
    """The tree of `source`, byte ranges counted in `source` as normalised here.

    Without `indented_code` (plain-text drafts, whose indented lines are prose), the
    Python parser reads it: the Rust one cannot switch that rule off. Nor can it bound its
    nesting: it recurses once per level while parsing and again while freeing the tree, and
    a quote 30,000 levels deep overflows the stack (a segfault, not an exception). A source
    that might nest that deep (`_may_nest_deeply`) is read by markdown-it-py instead, whose
    `maxNesting` stops where markdown-it stops; the walk refuses what goes past MAX_NESTING.

    The source is first normalised as markdown-it-py normalises it: CRLF and a lone CR each end
    one line, NUL reads as U+FFFD.
    markdown-it-pyrs 0.4 (markdown-it.rs 0.6.0) panics on some inputs, `[` then a backtick
    with no closing `]` among them (markdown-it-rust/markdown-it#40); those, and only those,
    are read by markdown-it-py, the same algorithm, so the Document is the same either way.
    """
    if "\r" in source:
        source = _LINE_ENDING.sub("\n", source)
    if "\0" in source:
        source = source.replace("\0", "\ufffd")  # as CommonMark says
    try:
        encoded = source.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate is never valid UTF-8: read it as U+FFFD, one character
        source = _SURROGATE.sub("\ufffd", source)
        encoded = source.encode("utf-8")
    line_starts = _byte_line_starts(encoded)
    unterminated_end = -1 if source.endswith("\n") else len(encoded)
    if not indented_code or _may_nest_deeply(encoded):
        blocks = _TokenTree(line_starts, encoded).blocks(_fallback_parser(indented_code), source)
        return Tree(blocks, line_starts, unterminated_end, encoded, encoded.isascii())
    try:
        root = _without_stderr(lambda: _parser().tree(source))
    except BaseException as error:  # pyo3's PanicException derives from BaseException
        if type(error).__name__ != "PanicException":
            raise
        blocks = _TokenTree(line_starts, encoded).blocks(_fallback_parser(), source)
        return Tree(blocks, line_starts, unterminated_end, encoded, encoded.isascii())
    return Tree(root.children, line_starts, unterminated_end, encoded, encoded.isascii())


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
# Every container a line opens or continues takes at least one character before its content
# (`>`, a list marker, or indentation; a tab is at most 4 columns, two list items' indent),
# and a list marker makes two nodes (the list and its item): a line whose run of these
# characters is shorter than _LONG_PREFIX sits at most 4 x _LONG_PREFIX blocks deep.
_LONG_PREFIX = 256
_PREFIX_AT_START = re.compile(rb"[ \t>*+\-.)0-9]{%d}" % _LONG_PREFIX)
_LONG_PREFIX_AFTER_BREAK = re.compile(rb"\n[ \t>*+\-.)0-9]{%d}" % _LONG_PREFIX)
# Every emphasis level takes a `*` or `_` on each side (one after a backslash is text, unless
# the backslash is itself escaped). A link cannot hold a link, so links and images nest only
# through images: each other level takes a `![`. Inline content ends at a blank line. (A `[`
# alone is not counted: a paragraph of unclosed `[Insert` brackets is common and flat, and
# markdown-it-py reads it in quadratic time.) With the prefix bound, the Rust tree stays four
# times shallower than the depth its stack overflows at (25,000 to 30,000 levels of quotes,
# emphasis or images on a default 8 MB stack, in the main thread or another).
_EMPHASIS = b"*_"
_NOT_EMPHASIS = bytes(range(256)).translate(None, _EMPHASIS)
_ESCAPED = (b"\\*", b"\\_")
_ESCAPED_BACKSLASH = (b"\\\\*", b"\\\\_")
_IMAGE = b"!["
_MANY_INLINE_MARKS = 5000
_BLANK_LINE = re.compile(rb"\n[ \t]*\n")


def _may_nest_deeply(encoded: bytes) -> bool:
    """Whether the tree of `encoded` could be deeper than the Rust parser safely builds: a
    cheap upper bound, never an underestimate; real drafts are far below it."""
    if _PREFIX_AT_START.match(encoded) or _LONG_PREFIX_AFTER_BREAK.search(encoded):
        return True
    if _inline_marks(encoded) <= _MANY_INLINE_MARKS:
        return False
    return any(_inline_marks(part) > _MANY_INLINE_MARKS for part in _BLANK_LINE.split(encoded))


def _inline_marks(encoded: bytes) -> int:
    """Emphasis marks that may open or close (never fewer) plus twice the image openers."""
    marks = len(encoded.translate(None, _NOT_EMPHASIS))
    if b"\\" in encoded:
        marks -= sum(map(encoded.count, _ESCAPED)) - sum(map(encoded.count, _ESCAPED_BACKSLASH))
    return marks + 2 * encoded.count(_IMAGE)


def _byte_line_starts(encoded: bytes) -> list[int]:
    """Where each line starts, counted in C: each line's length plus its line break, summed."""
    starts = list(itertools.accumulate(map((1).__add__, map(len, encoded.split(b"\n"))), initial=0))
    starts.pop()  # the offset after the last line
    return starts


class _Node:
    """A node built from markdown-it-py's tokens, named as markdown-it-pyrs names its own."""

    __slots__ = ("children", "meta", "name", "srcmap")

    def __init__(self, name: str, meta: dict[str, Any], srcmap: tuple[int, int] | None = None) -> None:
        self.name = name
        self.meta = meta
        self.srcmap = srcmap
        self.children: list[_Node] = []


# markdown-it-py's nesting tokens, by the name markdown-it-pyrs gives the node (the rest keep theirs)
_BLOCK_NAMES = {
    "bullet_list_open": "bullet_list", "ordered_list_open": "ordered_list", "list_item_open": "list_item",
    "blockquote_open": "blockquote", "paragraph_open": "paragraph", "heading_open": "heading",
    "table_open": "table", "thead_open": "thead", "tbody_open": "tbody", "tr_open": "trow",
    "th_open": "tcell", "td_open": "tcell",
}  # fmt: skip
_INLINE_NAMES = {"link_open": "link", "em_open": "em", "strong_open": "strong"}
# Block tokens that hold other blocks (a line of theirs may be a definition's).
_CONTAINER_OPENERS = frozenset({"bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open"})
# A line that holds only container markers: quote markers, list markers, blanks.
_MARKERS_ONLY = re.compile(rb"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t>]+|(?=\r?\n|$)))*\s*")


class _TokenTree:
    """markdown-it-py's token stream as nodes: line maps become byte ranges of whole lines."""

    def __init__(self, line_starts: list[int], encoded: bytes) -> None:
        self.line_starts = line_starts
        self.encoded = encoded
        self.size = len(encoded)

    def srcmap(self, line_map: list[int] | None) -> tuple[int, int] | None:
        if line_map is None:
            return None
        first, end = line_map
        starts = self.line_starts
        return starts[first], starts[end] if end < len(starts) else self.size

    def blocks(self, parser: PyMarkdownIt, source: str) -> list[_Node]:
        root = _Node("root", {})
        open_nodes = [root]
        leaves: set[int] = set()  # lines some block other than a container covers
        for token in parser.parse(source):
            kind = token.type
            if kind.endswith("_close"):
                open_nodes.pop()
            elif kind in _BLOCK_NAMES:
                meta = {"level": int(token.tag[1])} if kind == "heading_open" else {}
                setext = kind == "heading_open" and token.markup in ("=", "-")
                node = _Node("lheading" if setext else _BLOCK_NAMES[kind], meta, self.srcmap(token.map))
                open_nodes[-1].children.append(node)
                open_nodes.append(node)
                if kind not in _CONTAINER_OPENERS and token.map:
                    leaves.update(range(*token.map))
            elif kind == "inline":
                open_nodes[-1].children.extend(_inline(token.children or []))
            else:
                open_nodes[-1].children.append(_leaf_block(token, self.srcmap(token.map)))
                if token.map:
                    leaves.update(range(*token.map))
        root.children += self._definitions(leaves)
        return root.children

    def _definitions(self, leaves: set[int]) -> list[_Node]:
        """Link reference definitions, which markdown-it-py keeps out of its tokens: the lines
        no block covers that hold more than container markers (markdown-it-pyrs gives them
        as nodes; one node per line here, which covers the same lines)."""
        found = []
        for index, start in enumerate(self.line_starts):
            end = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else self.size
            if index not in leaves and not _MARKERS_ONLY.fullmatch(self.encoded, start, end):
                found.append(_Node("definition", {}, (start, end)))
        return found


def _leaf_block(token: Token, srcmap: tuple[int, int] | None) -> _Node:
    meta: dict[str, Any] = {"content": token.content}
    if token.type == "fence":
        meta.update(info=token.info, marker=token.markup[:1], marker_len=len(token.markup))
    return _Node(token.type, meta, srcmap)


def _inline(tokens: Sequence[Token]) -> list[_Node]:
    """Flat inline tokens as nested nodes: links and emphasis hold their content."""
    top: list[_Node] = []
    open_nodes: list[list[_Node]] = [top]
    for token in tokens:
        kind = token.type
        if kind.endswith("_close"):
            open_nodes.pop()
            continue
        node = _inline_node(token)
        open_nodes[-1].append(node)
        if kind.endswith("_open"):
            open_nodes.append(node.children)
    return top


def _inline_node(token: Token) -> _Node:
    kind = token.type
    if kind == "link_open":
        name = "autolink" if token.markup == "autolink" else "link"
        return _Node(name, {"url": token.attrGet("href")})
    if kind == "image":
        node = _Node("image", {"url": token.attrGet("src")})
        node.children = _inline(token.children or [])
        return node
    if kind == "code_inline":
        node = _Node(kind, {"marker": token.markup[:1], "marker_len": len(token.markup)})
        node.children = [_Node("text", {"content": token.content})]
        return node
    if kind == "text_special":
        return _Node(kind, {"content": token.content, "markup": token.markup})
    if kind.endswith("_open"):
        return _Node(_INLINE_NAMES.get(kind, kind[: -len("_open")]), {})
    return _Node(kind, {"content": token.content})
