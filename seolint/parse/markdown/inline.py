"""A Markdown block's inline nodes: their plain text, and their links, images and inline HTML.

The text comes from the nodes. Positions do not (the markdown-it-py fallback has none for
inline nodes), so they are found by walking the block's source with a cursor that only
moves forward, and the whole pass stays linear in the file size. Links, images and HTML
go to the element reader the HTML front-end uses, so they mean the same in either format.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from seolint.document import model as document
from seolint.document.model import AltState, Comment, Image, Span, Stretch
from seolint.parse.html import elements as html_elements
from seolint.parse.html import tokens as html_tokens
from seolint.parse.html import tree as html_tree
from seolint.parse.markdown import link_text
from seolint.parse.markdown.nodes import Node

TEXT = frozenset({"text", "text_special"})
_LINKS = frozenset({"link", "autolink"})
_TRANSPARENT = frozenset({"em", "strong"})  # only their text matters to seolint
# What of a block's inline nodes the element reader must hear of:
NOTHING, LINKS_ONLY, WITH_HTML = 0, 1, 2  # nothing; links and images; inline HTML too
# Raw HTML elements whose content is code, not prose; and tables, whose rows repeat.
_TRACKED = html_tree.RAW_CODE | {"table"}


class NotProse:
    """What a draft's blocks hold besides prose text, gathered as the walk finds them:
    its real HTML comments, source offsets that are not prose text, and its tables."""

    __slots__ = ("comments", "not_text", "tables")

    def __init__(self) -> None:
        self.comments: list[Comment] = []
        self.not_text: list[Stretch] = []
        self.tables: list[Span] = []


class Source:
    """Positions in a draft's source, as Document's helpers give them; a line is cut out only
    when asked for (a Document's `lines` would cut every one, and most are never read here)."""

    __slots__ = ("count", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = document.line_starts(text)
        self.count = len(self.starts)

    def line(self, index: int) -> str:
        """Line `index` (0-based) without its line ending; "" past the last."""
        if index >= self.count:
            return ""
        end = self.starts[index + 1] if index + 1 < self.count else len(self.text)
        return self.text[self.starts[index] : end].rstrip("\r\n")

    def offset(self, line: int) -> int:
        """Where line `line` (1-based) starts, as Document.offset."""
        return self.starts[min(line, self.count) - 1]

    def span_at(self, start: int, end: int) -> Span:
        """The Span of offsets [start, end), as Document.span_at."""
        line, column = self._position(start)
        end_line, end_column = self._position(max(start, end - 1))
        return Span(line, column, end_line, end_column + 1)

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def plain_text(
    nodes: Sequence[Node], keep_code: bool, code: list[tuple[int, int]] | None = None
) -> tuple[str, int]:
    """The text of inline nodes, one space for each run of spaces, and what of them the reader
    must hear of (NOTHING, LINKS_ONLY or WITH_HTML). An image's alt text is not the block's.

    With `code`, the byte range of each code span goes there; a code span without one
    (markdown-it-py's) asks for the cursor walk, which finds it in the source.
    """
    parts: list[str] = []
    located = NOTHING
    for node in nodes:
        name = node.name
        if name == "text":  # most nodes: a paragraph's lines
            parts.append(node.meta.get("content", ""))
        elif name == "softbreak":
            parts.append("\n")
        else:
            located = max(located, _nested_text(node, keep_code, parts, code))
    text = "".join(parts)
    if "\n" not in text:
        return " ".join(text.split()), located
    return "\n".join([" ".join(line.split()) for line in text.split("\n")]).strip(), located


def _nested_text(top: Node, keep_code: bool, parts: list[str], code: list[tuple[int, int]] | None) -> int:
    """`plain_text` of one node and what it holds, with an explicit stack: emphasis may nest
    thousands deep."""
    located = NOTHING
    stack = [top]
    while stack:
        node = stack.pop()
        name = node.name
        if name in TEXT:
            parts.append(node.meta.get("content", ""))
        elif name in _TRANSPARENT:
            stack.extend(reversed(node.children))
        elif name in _LINKS:
            located = max(located, LINKS_ONLY)
            stack.extend(reversed(node.children))
        elif name == "code_inline":
            parts.append(_code_content(node) if keep_code else " ")
            if code is not None:
                if (where := node.srcmap) is not None:
                    code.append(where)
                else:
                    located = max(located, LINKS_ONLY)
        elif name == "softbreak" or name == "hardbreak":
            parts.append("\n")
        elif name == "image":
            located = max(located, LINKS_ONLY)
        elif name == "html_inline":
            located = WITH_HTML
    return located


def read(
    nodes: Sequence[Node],
    source: Source,
    lines: tuple[int, int],
    sink: MarkdownLinks | InlineHtml,
    at: int | None = None,
    code_placed: bool = True,
) -> None:
    """Tell `sink` of the links, images and inline HTML among `nodes`, the inline content of
    source lines [first, after the last) (0-based) from offset `at` on (a table cell's start;
    by default the first line's), and of what is not prose text in them: the code spans the
    nodes do not place (all of them unless `code_placed`), and the brackets of shortcut
    reference links."""
    end = source.offset(lines[1] + 1) if lines[1] < source.count else len(source.text)
    cursor = Cursor(source.text, source.offset(lines[0] + 1) if at is None else at, end)
    stack: list[Node | None] = list(reversed(nodes))  # None: where a link's content ends
    opened: list[bool] = []  # per open link: whether it is written in brackets (not an autolink)
    not_text = sink.not_prose.not_text
    while stack:
        node = stack.pop()
        if node is None:
            if cursor.skip_text:
                cursor.seek(">", past=True)
                cursor.skip_text = False
            if opened.pop():
                not_text += _reference_brackets(source.text, cursor.start, cursor.at)
            sink.link_end(cursor.at)
            continue
        name = node.name
        if name == "text":  # most nodes: moving the cursor past them is all (but in a link)
            content = node.meta.get("content", "")
            cursor.text(content)
            sink.write(content)
        elif name == "text_special":
            meta = node.meta
            cursor.text(meta.get("markup", ""))
            sink.write(meta.get("content", ""))
        elif name in _TRANSPARENT:
            stack.extend(reversed(node.children))
        elif name in _LINKS:
            autolink = name == "autolink"
            at = cursor.seek("<" if autolink else "[", past=True)
            opened.append(not autolink)
            sink.link(link_text.as_written(node.meta.get("url", "")), at)
            cursor.skip_text = autolink  # its text is the URL, decoded
            stack.append(None)
            stack.extend(reversed(node.children))
        elif name == "code_inline":
            found = cursor.code(_code_marker(node.meta))
            if (node.srcmap is None or not code_placed) and found is not None:  # (else plain_text took it)
                not_text.append(found)
            sink.write(_code_content(node))
        elif name == "softbreak" or name == "hardbreak":
            sink.write("\n")
        elif name == "image":
            at = cursor.seek("![", past=True)
            sink.image(_image(node, source.span_at(at, at + 2)))
            cursor.past_alt(node.children)  # the alt's source comes next
        elif name == "html_inline":  # the cursor moves past it: backticks and brackets in it are its own
            content = node.meta.get("content", "")
            at = cursor.seek(content, past=True, window=True)
            if isinstance(sink, InlineHtml):  # (MarkdownLinks: no HTML to read)
                sink.feed(content, at)
    sink.close(end)


def _reference_brackets(text: str, block: int, after: int) -> list[Stretch]:
    """The brackets of a link whose text ends at `after` (its block starts at `block`), when
    it is a shortcut (`[label]`) or collapsed (`[label][]`) reference: markup around its text.
    A label holds no unescaped bracket, so its "[" is the last one before its "]"."""
    close = after
    while close < len(text) and text[close] in "*_":  # emphasis closing inside the brackets
        close += 1
    if not text.startswith("]", close) or text.startswith("(", close + 1) or text.startswith(":", close + 1):
        return []
    end = close + 3 if text.startswith("[]", close + 1) else close + 1
    if end == close + 1 and text.startswith("[", close + 1):
        return []  # `[text][label]`: a full reference, whose text may be anything
    start = text.rfind("[", block, close)
    while start > block and text[start - 1] == "\\":
        start = text.rfind("[", block, start)
    return [(start, start + 1), (close, end)] if start >= 0 else []


def _image(node: Node, span: Span) -> Image:
    alt, _ = plain_text(node.children, keep_code=True)
    state: AltState = "given" if alt.strip() else "missing"  # Markdown cannot mark it decorative
    return Image(link_text.as_written(node.meta.get("url", "")), alt, span, state)


def written(name: str, meta: Mapping[str, Any]) -> str:
    """A text node as the source holds it: an escape or entity as typed ("\\<", "&lt;")."""
    return str(meta.get("markup" if name == "text_special" else "content", ""))


def _code_content(node: Node) -> str:
    return "".join(child.meta.get("content", "") for child in node.children)


def _code_marker(meta: Mapping[str, Any]) -> str:
    return str(meta.get("marker", "`")) * int(meta.get("marker_len", 1))


class Cursor:
    """Where the walk over an inline block's source is: it only moves forward.

    markdown-it's text nodes are verbatim slices of the source (entities and escapes arrive
    as nodes of their own with their source form: markdown-it-pyrs keeps them so, and the
    markdown-it-py fallback runs with text_join off), and each is searched for from the
    cursor. A node the source does not hold verbatim (a NUL read as U+FFFD, a code span's
    line break read as a space) is searched for only within a window, so no node costs more
    than a bounded scan and the whole pass stays linear.
    """

    __slots__ = ("at", "end", "skip_text", "source", "start")

    def __init__(self, source: str, at: int, end: int) -> None:
        self.source = source
        self.start = at  # where the block starts
        self.at = at
        self.end = end
        self.skip_text = False  # inside an autolink, whose text is the URL, decoded

    def seek(self, needle: str, past: bool = False, window: bool = False) -> int:
        """Move to `needle` (or stay, if the block does not hold it); its offset.

        Markup (`[`, `![`) is always in the block; raw HTML may not be verbatim (markdown-it
        reads CRLF as LF), so it is looked for only within a window.
        """
        end = min(self.end, self.at + len(needle) + _WINDOW) if window else self.end
        found = self.source.find(needle, self.at, end)
        if found < 0 and "\ufffd" in needle:  # the parser reads a NUL character as U+FFFD
            found = self.source.find(needle.replace("\ufffd", "\0"), self.at, end)
        if found >= 0:
            self.at = found + len(needle) if past else found
            return found
        return self.at

    def text(self, written: str) -> None:
        """Move past a text node's source form (see `written`)."""
        if not self.skip_text:
            self._past(written)

    def code(self, marker: str) -> Stretch | None:
        """Move past a code span's opening and closing backticks (its content is normalised);
        where the span is, if both were found."""
        if self.skip_text:
            return None
        opening = self._run(marker)
        if opening >= 0:
            self.at = opening + len(marker)
        closing = self._run(marker)
        if closing >= 0:
            self.at = closing + len(marker)
        return (opening, self.at) if opening >= 0 and closing >= 0 else None

    def _run(self, marker: str) -> int:
        """Where the next run of exactly `marker`'s backticks starts, within the window (-1)."""
        source, at = self.source, self.at
        end = min(self.end, at + len(marker) + _WINDOW)
        while (found := source.find(marker[0], at, end)) >= 0:
            after = found
            while after < len(source) and source[after] == marker[0]:
                after += 1
            if after - found == len(marker):
                return found
            at = after
        return -1

    def past_alt(self, nodes: Sequence[Node]) -> None:
        """Move past an image's alt text, read as its text nodes and code spans."""
        stack = list(reversed(nodes))
        while stack:
            node = stack.pop()
            name = node.name
            if name in TEXT:
                self.text(written(name, node.meta))
            elif name == "code_inline":
                self.code(_code_marker(node.meta))
            elif name in _TRANSPARENT or name in _LINKS:
                stack.extend(reversed(node.children))

    def _past(self, needle: str) -> bool:
        """Move past `needle` if it is near; whether it was."""
        if needle:
            found = self.source.find(needle, self.at, min(self.end, self.at + len(needle) + _WINDOW))
            if found >= 0:
                self.at = found + len(needle)
                return True
        return False


_WINDOW = 4096  # longest stretch of markup (a link's destination) skipped between two nodes


class MarkdownLinks:
    """Tells the element reader of a block's Markdown links and images directly.

    Without inline HTML in the block, its links nest properly and nothing is hidden, so
    what InlineHtml's nesting rules would do comes down to this: the same calls to the
    reader, with the same link text (tests/test_markdown_walk.py compares the two).
    """

    __slots__ = ("_open", "_text", "not_prose", "reader", "source")

    def __init__(self, source: Source, reader: html_elements.Reader, not_prose: NotProse) -> None:
        self.source = source
        self.reader = reader
        self.not_prose = not_prose
        self._open = 0  # links open
        self._text: list[str] = []  # written inside a link since the reader last heard

    def link(self, href: str, at: int) -> None:
        self._flush()
        self.reader.enter("a", {"href": href}, lambda: self.source.span_at(at, at + 1))
        self._open += 1

    def link_end(self, at: int) -> None:
        self._flush()
        close = max(at, 1)
        self.reader.leave(self.source.span_at(close - 1, close))
        self._open -= 1

    def image(self, image: Image) -> None:
        self._flush()
        self.reader.image(image)

    def write(self, text: str) -> None:
        if self._open:
            self._text.append(text)

    def close(self, end: int) -> None:
        self._flush()

    def _flush(self) -> None:
        if self._text:
            self.reader.text("".join(self._text))
            self._text.clear()


class InlineHtml:
    """Feeds the HTML of one Markdown block, and the block's own links and images, to the
    element reader through the same nesting rules an HTML page's tree is built by."""

    __slots__ = ("_pending", "_tracked", "nesting", "not_prose", "reader", "source")

    def __init__(self, source: Source, reader: html_elements.Reader, not_prose: NotProse) -> None:
        self.source = source
        self.reader = reader
        self.not_prose = not_prose
        self._pending: list[str] = []
        self._tracked: list[tuple[str, int]] = []  # open raw code and table elements, and their "<"
        self.nesting = html_tree.Nesting(self)

    def link(self, href: str, at: int) -> None:
        """A Markdown link opens at `at`, as `<a href>` would."""
        self.flush()
        self.nesting.start(html_tokens.StartTag("a", (("href", href),), at, at + 1, 0, 0, False))

    def link_end(self, at: int) -> None:
        self.flush()
        self.nesting.end("a", html_tokens.EndTag("a", at, at))

    def image(self, image: Image) -> None:
        self.flush()
        self.reader.image(image)

    def write(self, text: str) -> None:
        self._pending.append(text)  # Markdown's emphasis splits text that HTML would not

    def flush(self) -> None:
        if self._pending:
            self.nesting.text("".join(self._pending))
            self._pending.clear()

    def feed(self, snippet: str, at: int) -> None:
        self.feed_placed(html_tokens.tokenize(snippet), lambda offset: at + offset)

    def feed_placed(self, tokens: list[html_tokens.Token], place: Callable[[int], int]) -> None:
        self.flush()
        for token in tokens:
            if isinstance(token, html_tokens.Text):
                self.nesting.text(token.text)
                continue
            token.start, token.end = place(token.start), place(token.end)  # fresh tokens: ours to move
            if isinstance(token, (html_tokens.StartTag, html_tokens.EndTag)) and token.name in _TRACKED:
                self._track(token)
            self.nesting.feed([token])

    def _track(self, tag: html_tokens.StartTag | html_tokens.EndTag) -> None:
        """Raw code runs from its start tag to its own end tag (or the block's end), and so
        does a table: whatever the nesting rules say about the tags in between."""
        if isinstance(tag, html_tokens.StartTag):
            if not tag.self_closing:
                self._tracked.append((tag.name, tag.start))
            return
        for index in range(len(self._tracked) - 1, -1, -1):
            if self._tracked[index][0] == tag.name:
                self._region(*self._tracked.pop(index), tag.end)
                return

    def _region(self, name: str, start: int, end: int) -> None:
        if name == "table":
            self.not_prose.tables.append(self.source.span_at(start, end))
        else:
            self.not_prose.not_text.append((start, end))

    def close(self, end: int) -> None:
        """The block ends at source offset `end`: every element still open ends there."""
        self.flush()
        self.nesting.close()
        while self._tracked:
            self._region(*self._tracked.pop(), end)

    # html_tree.Sink
    def enter(self, tag: html_tokens.StartTag) -> None:
        self.reader.enter(
            tag.name, html_tree.attributes(tag), lambda: self.source.span_at(tag.start, tag.end)
        )

    def text(self, text: str) -> None:
        self.reader.text(text)

    def leave(self, name: str, end: html_tokens.EndTag | None) -> None:
        if end is None:
            self.reader.leave()
        else:
            close = max(end.end, 1)
            self.reader.leave(self.source.span_at(close - 1, close))

    def comment(self, comment: html_tokens.Comment) -> None:
        span = self.source.span_at(comment.start, comment.end)
        self.not_prose.comments.append(Comment(comment.text.strip(), span))
        self.not_prose.not_text.append((comment.start, comment.end))
