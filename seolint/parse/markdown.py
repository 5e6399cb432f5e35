"""Markdown front-end: CommonMark tokens from markdown-it-py, mapped onto a Document.

The token stream is read once; nothing is rendered to HTML and parsed again. Block
tokens carry line maps; inline positions are found by walking the block's source with
a cursor that only moves forward, so the whole pass stays linear in the file size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from seolint.document import AltState, Block, CodeBlock, Document, Heading, Image, Link, Span, alt_state
from seolint.parse import front_matter, html, html_elements

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_CONTAINERS = {
    "list_item_open": "list-item",
    "blockquote_open": "quote",
    "td_open": "table-cell",
    "th_open": "table-cell",
}
BlockKind = Literal["paragraph", "list-item", "quote", "table-cell"]
_CUSTOM_ID = re.compile(r"\{#([\w:.-]+)\}\s*$")  # `## Setup {#setup}` (Hugo, kramdown, Pandoc)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def preload() -> None:
    _parser()


def parse(source: str, path: str) -> Document:
    fm = front_matter.split(source)
    builder = _Builder(Document(path=path, format="markdown", source=source))
    builder.walk(_parser().parse(fm.body))
    doc = builder.doc
    code_lines = {n for c in builder.code for n in range(c.span.line, c.span.end_line + 1)}
    body_start = fm.span.end_line if fm.span else 0
    comments = tuple(
        c for c in html_elements.comments(doc) if c.span.line not in code_lines and c.span.line > body_start
    )
    return Document(
        path=path,
        format="markdown",
        source=source,
        front_matter=fm.data,
        front_matter_span=fm.span,
        headings=tuple(builder.headings),
        blocks=tuple(builder.blocks),
        links=tuple(builder.links),
        images=tuple(builder.images),
        code_blocks=tuple(builder.code),
        comments=comments,
        ids=(*(h.anchor for h in builder.headings if h.anchor), *builder.ids),
    )


@dataclass
class _OpenLink:
    href: str | None
    start: int
    classes: tuple[str, ...] = ()
    role: str | None = None
    parts: list[str] = field(default_factory=list)


@dataclass
class _Builder:
    doc: Document  # a bare Document used for its position helpers
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    code: list[CodeBlock] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # of elements in raw HTML

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
                self._html(token.content, self._line_span(token))

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
        span = self._line_span(inline)
        cursor = self.doc.offset(span.line)
        end = (
            self.doc.offset(span.end_line + 1)
            if span.end_line < len(self.doc.lines)
            else len(self.doc.source)
        )
        source = self.doc.source
        open_link: _OpenLink | None = None

        def seek(needle: str) -> int:
            found = source.find(needle, cursor, end)
            return found if found >= 0 else cursor

        for child in inline.children or []:
            kind = child.type
            if kind == "link_open":
                autolink = child.markup == "autolink"
                cursor = seek("<" if autolink else "[")
                open_link = _OpenLink(_attr(child, "href"), cursor)
                cursor += 1
            elif kind == "link_close" and open_link is not None:
                self._close_link(open_link, cursor)
                open_link = None
            elif kind == "image":
                cursor = seek("![")
                src = _attr(child, "src")
                alt = _plain_text(child.children or [], keep_code=True)
                state: AltState = "given" if alt.strip() else "missing"  # no way to mark it decorative
                self.images.append(Image(src, alt, self.doc.span_at(cursor, cursor + 2), state))
                if open_link is not None:
                    open_link.parts.append(alt)
                cursor += 2
            elif kind == "html_inline":
                cursor = seek(child.content)
                open_link = self._inline_html(child.content, cursor, open_link)
                cursor += len(child.content)
            elif kind in ("text", "code_inline"):
                found = source.find(child.content, cursor, end) if child.content else -1
                if found >= 0:
                    cursor = found + len(child.content)
                if open_link is not None:
                    open_link.parts.append(child.content)

    def _close_link(self, link: _OpenLink, cursor: int) -> None:
        text = " ".join("".join(link.parts).split())
        span = self.doc.span_at(link.start, max(cursor, link.start + 1))
        self.links.append(Link(text, link.href, span, link.classes, link.role))

    def _inline_html(self, snippet: str, at: int, open_link: _OpenLink | None) -> _OpenLink | None:
        if re.match(r"</a\s*>", snippet, re.IGNORECASE) and open_link is not None:
            self._close_link(open_link, at + len(snippet))
            return None
        scanned = html_elements.scan(snippet)
        self.ids += html.fragment_ids(snippet)
        span = self.doc.span_at(at, at + len(snippet))
        for image in scanned.images:
            self.images.append(_html_image(image.attrs, span))
        for link in scanned.links:
            if link.text_parts:  # <a ...>text</a> inside one token
                self.links.append(_html_link(link.attrs, link.text, span))
            else:
                return _OpenLink(
                    link.attrs.get("href"),
                    at,
                    html_elements.class_list(link.attrs),
                    link.attrs.get("role"),
                )
        return open_link

    def _html(self, snippet: str, block: Span) -> None:
        scanned = html_elements.scan(snippet)
        self.ids += html.fragment_ids(snippet)
        for image in scanned.images:
            self.images.append(_html_image(image.attrs, self._snippet_span(block, image.line, image.column)))
        for link in scanned.links:
            self.links.append(
                _html_link(link.attrs, link.text, self._snippet_span(block, link.line, link.column))
            )

    def _snippet_span(self, block: Span, line: int, column: int) -> Span:
        number = block.line + line - 1
        indent = block.column - 1 if line == 1 else 0
        return Span.point(number, column + indent)


def _html_image(attrs: html_elements.Attrs, span: Span) -> Image:
    alt = attrs.get("alt")
    return Image(attrs.get("src"), alt, span, alt_state(alt, html_elements.is_decorative(attrs)))


def _html_link(attrs: html_elements.Attrs, text: str, span: Span) -> Link:
    return Link(text, attrs.get("href"), span, html_elements.class_list(attrs), attrs.get("role"))


def _attr(token: Token, name: str) -> str | None:
    """An attribute as the writer typed it (markdown-it percent-encodes URLs)."""
    from markdown_it.common.normalize_url import normalizeLinkText

    value = token.attrGet(name)
    return None if value is None else normalizeLinkText(str(value))


def _plain_text(children: Sequence[Token], keep_code: bool) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "text" or (keep_code and child.type == "code_inline"):
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
