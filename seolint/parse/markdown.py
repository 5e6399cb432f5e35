"""Markdown front-end: CommonMark tokens from markdown-it-pyrs, mapped onto a Document.

seolint.parse.markdown_tokens hands over markdown-it-py's token shape (from the Rust
parser's tree, or from markdown-it-py itself on the inputs the Rust one panics on). The
token stream is read once; nothing is rendered to HTML and parsed again. Block
tokens carry line maps; inline positions are found by walking the block's source with
a cursor that only moves forward, so the whole pass stays linear in the file size.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from seolint import document
from seolint.document import AltState, Block, CodeBlock, Comment, Document, Heading, Image, Span
from seolint.parse import front_matter, html_elements, html_tokens, html_tree, link_text, markdown_tokens
from seolint.parse.markdown_tokens import TokenLike as Token

_CONTAINERS = {
    "list_item_open": "list-item",
    "blockquote_open": "quote",
    "td_open": "table-cell",
    "th_open": "table-cell",
}
BlockKind = Literal["paragraph", "list-item", "quote", "table-cell"]
_CUSTOM_ID = re.compile(r"\{#([\w:.-]+)\}\s*$")  # `## Setup {#setup}` (Hugo, kramdown, Pandoc)
_LOCATED = frozenset({"link_open", "image", "html_inline"})  # inline tokens the reader is told of


def preload() -> None:
    markdown_tokens.preload()


def parse(source: str, path: str, indented_code: bool = True) -> Document:
    """`indented_code=False` reads indented lines as text (plain-text drafts indent prose)."""
    fm = front_matter.split(source)
    builder = _Builder(Document(path=path, format="markdown", source=source))
    builder.walk(markdown_tokens.parse(fm.body, indented_code))
    return Document(
        path=path,
        format="markdown",
        source=source,
        front_matter=fm.data,
        front_matter_span=fm.span,
        headings=tuple(builder.headings),
        blocks=tuple(builder.blocks),
        links=tuple(builder.reader.links()),
        images=tuple(builder.reader.images),
        code_blocks=tuple(builder.code),
        comments=tuple(builder.comments),  # real ones only: never in code, inline or fenced
        ids=(*(h.anchor for h in builder.headings if h.anchor), *builder.reader.ids),
    )


@dataclass
class _Builder:
    doc: Document  # a bare Document used for its position helpers
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    reader: html_elements.Reader = field(default_factory=html_elements.Reader)  # links, images
    code: list[CodeBlock] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)

    def walk(self, tokens: Sequence[Token]) -> None:
        containers: list[str] = []
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in _CONTAINERS:
                containers.append(_CONTAINERS[kind])
            elif kind.endswith("_close") and kind.replace("_close", "_open") in _CONTAINERS:
                containers.pop()
            elif kind == "heading_open":
                self._heading(token, tokens[index + 1])
            elif kind == "inline" and tokens[index - 1].type != "heading_open":
                block_kind: BlockKind = containers[-1] if containers else "paragraph"  # type: ignore[assignment]
                self._prose(block_kind, token)
            elif kind in ("fence", "code_block"):
                self._code(token)
            elif kind == "html_block":
                self._html(token)

    def _line_span(self, token: Token) -> Span:
        start, end = token.map or (0, 1)
        lines = self.doc.lines
        first = lines[start] if start < len(lines) else ""
        last_index = min(end, len(lines)) - 1
        column = len(first) - len(first.lstrip()) + 1
        return Span(start + 1, column, end, len(lines[last_index]) + 1 if last_index >= 0 else 1)

    def _heading(self, token: Token, inline: Token) -> None:
        text = _plain_text(inline.children or [], keep_code=True)
        anchor = custom.group(1) if (custom := _CUSTOM_ID.search(text)) else None
        self.headings.append(Heading(int(token.tag[1]), text, self._line_span(token), anchor=anchor))
        self._inline(inline)

    def _prose(self, kind: BlockKind, inline: Token) -> None:
        span = self._line_span(inline)
        text = _plain_text(inline.children or [], keep_code=False)
        column = self.doc.lines[span.line - 1].find(text[:12]) + 1 if text else 0
        if column > 0:
            span = Span(span.line, column, span.end_line, span.end_column)
        self.blocks.append(Block(kind, text, span))
        self._inline(inline)

    def _code(self, token: Token) -> None:
        span = self._line_span(token)
        info = token.info.strip()
        fenced = token.type == "fence"
        closed = not fenced or _fence_closed(self.doc.lines, span, token.markup)
        language = info.split()[0] if info else None
        self.code.append(CodeBlock(language, span, fenced, token.content, closed))

    def _inline(self, inline: Token) -> None:
        if not any(child.type in _LOCATED for child in inline.children or []):
            return  # plain prose: nothing in it for the reader or the cursor
        span = self._line_span(inline)
        start = self.doc.offset(span.line)
        end = (
            self.doc.offset(span.end_line + 1)
            if span.end_line < len(self.doc.lines)
            else len(self.doc.source)
        )
        inline_html = _InlineHtml(self.doc, self.reader, self.comments)
        cursor = _Cursor(self.doc.source, start, end)
        for child in inline.children or []:
            kind = child.type
            if kind == "link_open":
                inline_html.flush()
                autolink = child.markup == "autolink"
                at = cursor.seek("<" if autolink else "[", past=True)
                inline_html.start("a", (("href", _attr(child, "href")),), at, at + 1)
                cursor.skip_text = autolink  # its text is the URL, decoded
            elif kind == "link_close":
                inline_html.flush()
                if cursor.skip_text:
                    cursor.seek(">", past=True)
                    cursor.skip_text = False
                inline_html.end("a", cursor.at)
            elif kind == "image":
                at = cursor.seek("![", past=True)
                alt = _plain_text(child.children or [], keep_code=True)
                state: AltState = "given" if alt.strip() else "missing"  # Markdown cannot mark it decorative
                image = Image(_attr(child, "src"), alt, self.doc.span_at(at, at + 2), state)
                inline_html.flush()
                self.reader.image(image)
                for part in child.children or []:  # the alt's source comes next
                    cursor.text(part)
            elif kind == "html_inline":
                inline_html.flush()
                at = cursor.seek(child.content, past=True, window=True)
                inline_html.feed(child.content, at)
            elif kind in ("text", "text_special", "code_inline"):
                cursor.text(child)
                inline_html.write(child.content)
            elif kind in ("softbreak", "hardbreak"):
                inline_html.write("\n")
        inline_html.close()

    def _html(self, token: Token) -> None:
        """An HTML block: its tokens are placed back onto the source lines they came from
        (markdown-it strips the indentation and quote markers of a nested block)."""
        snippet = token.content
        first = (token.map or (0, 1))[0]
        lines = self.doc.lines
        starts = document.line_starts(snippet)
        shifts = []
        for number, line_start in enumerate(starts):
            source_line = lines[first + number] if first + number < len(lines) else ""
            line_end = snippet.find("\n", line_start)
            written = (line_end if line_end >= 0 else len(snippet)) - line_start
            shifts.append(self.doc.offset(first + number + 1) + max(len(source_line) - written, 0))

        def place(offset: int) -> int:
            number = bisect.bisect_right(starts, offset) - 1
            return shifts[number] + offset - starts[number]

        html = _InlineHtml(self.doc, self.reader, self.comments)
        html.feed_placed(html_tokens.tokenize(snippet), place)
        html.close()


@dataclass
class _Cursor:
    """Where the walk over an inline block's source is: it only moves forward.

    markdown-it's text tokens are verbatim slices of the source (entities and escapes arrive
    as their own tokens with their source form: markdown-it-pyrs keeps them so, and the
    markdown-it-py fallback runs with text_join off), and each is
    searched for from the cursor. A token the source does not hold verbatim (a NUL read as
    U+FFFD, a code span's line break read as a space) is searched for only within a window,
    so no token costs more than a bounded scan and the whole pass stays linear.
    """

    source: str
    at: int
    end: int
    skip_text: bool = False

    def seek(self, needle: str, past: bool = False, window: bool = False) -> int:
        """Move to `needle` (or stay, if the block does not hold it); its offset.

        Markup (`[`, `![`) is always in the block; raw HTML may not be verbatim (markdown-it
        reads CRLF as LF), so it is looked for only within a window.
        """
        end = min(self.end, self.at + len(needle) + _WINDOW) if window else self.end
        found = self.source.find(needle, self.at, end)
        if found >= 0:
            self.at = found + len(needle) if past else found
            return found
        return self.at

    def text(self, token: Token) -> None:
        if self.skip_text:
            return
        if token.type == "text_special":
            needle = token.markup  # "&lt;" or "\\<" as written
        elif token.type == "code_inline":
            needle = token.markup  # the backticks: the content is normalised
            opening = self.source.find(needle, self.at, min(self.end, self.at + _WINDOW))
            if opening >= 0:
                self.at = opening + len(needle)
        elif token.type == "text":
            needle = token.content
        else:
            return
        if needle:
            found = self.source.find(needle, self.at, min(self.end, self.at + len(needle) + _WINDOW))
            if found >= 0:
                self.at = found + len(needle)


_WINDOW = 4096  # longest stretch of markup (a link's destination) skipped between two tokens


@dataclass
class _InlineHtml:
    """Feeds the HTML of one Markdown block, and the block's own links and images, to the
    element reader through the same nesting rules an HTML page's tree is built by."""

    doc: Document
    reader: html_elements.Reader
    comments: list[Comment]
    _pending: list[str] = field(default_factory=list)
    nesting: html_tree.Nesting = field(init=False)

    def __post_init__(self) -> None:
        self.nesting = html_tree.Nesting(self)

    def start(self, name: str, attrs: tuple[html_tokens.Attribute, ...], start: int, end: int) -> None:
        self.nesting.start(html_tokens.StartTag(name, attrs, start, end, 0, 0, False))

    def end(self, name: str, at: int) -> None:
        self.nesting.end(name, html_tokens.EndTag(name, at, at))

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
            self.nesting.feed([token])

    def close(self) -> None:
        self.flush()
        self.nesting.close()

    # html_tree.Sink
    def enter(self, tag: html_tokens.StartTag) -> None:
        self.reader.enter(tag.name, html_tree.attributes(tag), lambda: self.doc.span_at(tag.start, tag.end))

    def text(self, text: str) -> None:
        self.reader.text(text)

    def leave(self, name: str, end: html_tokens.EndTag | None) -> None:
        if end is None:
            self.reader.leave()
        else:
            close = max(end.end, 1)
            self.reader.leave(self.doc.span_at(close - 1, close))

    def comment(self, comment: html_tokens.Comment) -> None:
        span = self.doc.span_at(comment.start, comment.end)
        self.comments.append(Comment(comment.text.strip(), span))


def _attr(token: Token, name: str) -> str | None:
    """An attribute as the writer typed it (markdown-it percent-encodes URLs)."""
    value = token.attrGet(name)
    return None if value is None else link_text.as_written(str(value))


def _plain_text(children: Sequence[Token], keep_code: bool) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "text_special") or (keep_code and child.type == "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "code_inline":
            parts.append(" ")
    lines = ("".join(parts)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _fence_closed(lines: Sequence[str], span: Span, markup: str) -> bool:
    if span.end_line <= span.line:
        return False
    last = lines[span.end_line - 1].lstrip(" \t>").strip()  # a fence in a quote closes as "> ```"
    return last.startswith(markup) and set(last) <= {markup[0]}
