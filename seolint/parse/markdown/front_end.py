"""Markdown front-end: the CommonMark tree of seolint.parse.markdown.nodes, mapped onto a Document.

The tree is walked once; nothing is rendered to HTML and parsed again. Blocks carry byte
ranges, read as the lines they cover; what is inline (text, links, images, inline HTML)
is read by seolint.parse.markdown.inline.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, Union

from seolint.document import model as document
from seolint.document.model import Block, CodeBlock, Document, Heading, LevelMark, Span, Stretch
from seolint.parse import ParseError, front_matter
from seolint.parse.html import elements as html_elements
from seolint.parse.html import tokens as html_tokens
from seolint.parse.markdown import attributes, copy_fence, decoration
from seolint.parse.markdown import inline as markdown_inline
from seolint.parse.markdown import nodes as markdown_nodes
from seolint.parse.markdown.inline import InlineHtml, MarkdownLinks, NotProse, Source
from seolint.parse.markdown.nodes import Node, Tree

BlockKind = Literal["paragraph", "list-item", "quote", "table-cell"]
_CONTAINERS: dict[str, BlockKind] = {"list_item": "list-item", "blockquote": "quote"}
# Every block node's name; any other node under a block is inline: a tight list item's text,
# whose paragraph markdown-it-pyrs leaves out of the tree.
_BLOCKS = frozenset(
    {
        "paragraph", "heading", "lheading", "blockquote", "bullet_list", "ordered_list", "list_item",
        "fence", "code_block", "html_block", "hr", "table", "thead", "tbody", "trow",
        "tcell", "definition",
    }
)  # fmt: skip
# An HTML block without any of these holds nothing the element reader keeps (links, images,
# ids), no comment, no raw code and no table: it is not read at all.
_HTML_READ = (
    "<a", "<img", "id", "<!--", "<pre", "<code", "<script", "<style", "<textarea", "<head", "<table",
)  # fmt: skip

_BOLD_TAGS = frozenset({"strong", "b"})
# A <details> start or end tag (group 1: the slash of an end tag; group 2: the attributes).
_DETAILS_TAG = re.compile(r"<(/?)details\b([^<>]{0,500})>")
_QUOTE_TAG = re.compile(r"<(/?)blockquote\b[^<>]{0,500}>")
_OPEN_ATTRIBUTE = re.compile(r"(?:^|\s)open(?:\s|=|$)")

Lines = tuple[int, int]  # 0-based [first line, line after the last]
# a block or a run of inline nodes, the prose kind around it, its table row, its depth (1: top level)
_Pending = tuple[Union[Node, list[Node]], BlockKind, Union[Lines, None], int]


def preload() -> None:
    markdown_nodes.preload()


def parse(
    source: str, path: str, indented_code: bool = True, front_matter_after_blank_lines: bool = False
) -> Document:
    """`indented_code=False` reads indented lines as text (plain-text drafts indent prose)."""
    fm = front_matter.split(source, front_matter_after_blank_lines)
    builder = _Builder(Source(source))
    wrapper = copy_fence.copy_fence(fm.body)
    body = copy_fence.without_fence(fm.body, wrapper) if wrapper is not None else fm.body
    builder.walk(markdown_nodes.parse(body, indented_code))
    if fm.span is not None:
        builder.not_text.append(builder.whole_lines((0, fm.span.end_line)))
    not_prose = builder.not_prose
    doc = Document(
        path=path,
        format="markdown",
        source=source,
        front_matter=fm.data,
        front_matter_span=fm.span,
        headings=tuple(builder.headings),
        blocks=tuple(builder.blocks),
        links=_without_footnotes(builder.source, builder.reader.links()),
        images=tuple(builder.reader.images),
        code_blocks=tuple(builder.code),
        comments=tuple(not_prose.comments),  # real ones only: never in code, inline or fenced
        ids=(*(h.anchor for h in builder.headings if h.anchor), *builder.reader.ids, *builder.attribute_ids),
        tables=tuple(sorted(not_prose.tables)),
        not_text=document.merged(not_prose.not_text),
        line_markup=decoration.decoration,
        copy_fence=tuple(index + 1 for index in wrapper) if wrapper is not None else (),
    )
    return document.with_line_starts(doc, builder.source.starts)


class _Builder:
    """Collects a Document's parts from the tree, block by block."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.headings: list[Heading] = []
        self.blocks: list[Block] = []
        self.reader = html_elements.Reader()  # links, images and ids, from Markdown and HTML alike
        self.code: list[CodeBlock] = []
        self.not_prose = NotProse()  # comments, what is not prose text, tables
        self.not_text = self.not_prose.not_text
        self._code_spans: list[tuple[int, int]] = []  # byte ranges, as the tree gives them
        self.attribute_ids: list[str] = []  # from kramdown's block attribute lists, `{: #id}`
        self._details: list[bool] = []  # the <details> open here, each True when it is closed
        self._html_quotes = 0  # <blockquote> elements open here: the Markdown inside is quoted

    def walk(self, tree: Tree) -> None:
        """Every block in document order, with an explicit stack: a quote nested 10,000 deep
        is no deeper here. Prose takes its kind from the innermost list item, quote or cell,
        but prose anywhere inside a quote is the quote's.
        A block deeper than MAX_NESTING refuses the draft (the parser stopped reading there)."""
        stack: list[_Pending] = []
        _push(stack, tree.blocks, "paragraph", None, 1)
        while stack:
            item, kind, row, depth = stack.pop()
            if isinstance(item, list):
                spans = [node.srcmap for node in item if node.srcmap]
                self._prose(kind, item, tree.lines(spans[0][0], spans[-1][1]) if spans else (0, 1))
                continue
            name = item.name
            lines = tree.lines(*item.srcmap) if item.srcmap else (0, 1)
            if depth > markdown_nodes.MAX_NESTING:
                raise ParseError(
                    f"blocks nest more than {markdown_nodes.MAX_NESTING} levels deep at line {lines[0] + 1}"
                    " (a list and its item are two levels)"
                )
            if name == "paragraph":
                self._prose(kind, item.children, lines)
            elif name == "heading" or name == "lheading":  # lheading: a setext (underlined) heading
                self._heading(
                    item.meta["level"], item.children, lines, atx=name == "heading", quoted=kind == "quote"
                )
            elif name == "trow":  # a cell's text is mapped to its row (markdown-it-py's map)
                self._row(item.children, lines if item.srcmap else row or lines)
            elif name == "fence" or name == "code_block":
                self._code(tree, item, lines)
                self.not_text.append(self.whole_lines(lines))
            elif name == "html_block":
                self._html(tree.as_written_at_end(item, item.meta.get("content", "")), lines)
            elif name == "definition":  # a link reference definition: `[id]: https://...`
                self.not_text.append(self.whole_lines(lines))
            elif name in _CONTAINERS:  # a list inside a quote is quoted too
                inner = "quote" if kind == "quote" else _CONTAINERS[name]
                _push(stack, item.children, inner, row, depth + 1)
            else:  # lists, tables and their parts: only their items and cells are read
                if name == "table":
                    self.not_prose.tables.append(self._line_span(lines))
                _push(stack, item.children, kind, row, depth + 1)
        self.not_text += (tree.chars(start, end, self.source.starts) for start, end in self._code_spans)

    def whole_lines(self, lines: Lines) -> Stretch:
        """Source offsets of lines [first, after the last) (0-based), line breaks included."""
        source = self.source
        return source.offset(lines[0] + 1), source.offset(lines[1] + 1) if lines[1] < source.count else len(
            source.text
        )

    def _line_span(self, lines: Lines, text: str = "") -> Span:
        """The span of whole lines; with `text`, starting where the text does on the first line."""
        start, end = lines
        first = self.source.line(start)
        column = (first.find(text[:12]) + 1 if text else 0) or len(first) - len(first.lstrip()) + 1
        last_index = min(end, self.source.count) - 1
        return Span(start + 1, column, end, len(self.source.line(last_index)) + 1 if last_index >= 0 else 1)

    def _heading(self, level: int, children: Sequence[Node], lines: Lines, atx: bool, quoted: bool) -> None:
        known = len(self._code_spans)
        text, located = markdown_inline.plain_text(children, keep_code=True, code=self._code_spans)
        located, placed = self._placed_code(known, lines, located)
        text, anchor = attributes.heading_attributes(text)
        marks = self._hashes(lines[0], level) if atx else ()
        span = self._line_span(lines)
        self.headings.append(Heading(level, text, span, anchor=anchor, level_marks=marks, quoted=quoted))
        if located:
            self._inline(children, lines, located, code_placed=placed)

    def _placed_code(self, known: int, lines: Lines, located: int) -> tuple[int, bool]:
        """What the inline walk must find itself: the tree places the code spans of a line
        indented by a tab (a list item's, a quote's) as if the tab were the spaces it stands
        for, so on such lines the cursor walk finds them in the source instead."""
        if len(self._code_spans) == known or not any(
            "\t" in (line := self.source.line(n))[: len(line) - len(line.lstrip(" \t>"))]
            for n in range(lines[0], min(lines[1], self.source.count))
        ):
            return located, True
        del self._code_spans[known:]
        return max(located, markdown_inline.LINKS_ONLY), False

    def _hashes(self, line: int, level: int) -> tuple[LevelMark, ...]:
        """The `#` run that opens an ATX heading on line `line` (0-based): the first `#` of the
        line, since quote and list markers never hold one."""
        column = self.source.line(line).find("#")
        at = self.source.offset(line + 1) + column
        return (LevelMark(at, at + level, "#"),) if column >= 0 else ()

    def _prose(self, kind: BlockKind, children: Sequence[Node], lines: Lines, at: int | None = None) -> None:
        known = len(self._code_spans)
        text, located = markdown_inline.plain_text(children, keep_code=False, code=self._code_spans)
        located, placed = self._placed_code(known, lines, located)
        note = attributes.without_footnote_marker(text)
        if note != text:  # a footnote: generators list them at the end of the page
            text, kind = note, "list-item"
        text, ids = attributes.block_attributes(text)
        self.attribute_ids += ids
        if ids and not text.strip():
            return  # a block attribute list alone: it decorates the block above, it is no prose
        if kind in ("paragraph", "list-item") and self._html_quotes:
            kind = "quote"
        bold = kind == "paragraph" and _all_strong(children)
        self.blocks.append(
            Block(kind, text, self._line_span(lines, text), collapsed=any(self._details), bold=bold)
        )
        if located:
            self._inline(children, lines, located, at, placed)

    def _row(self, cells: Sequence[Node], lines: Lines) -> None:
        """A table row's cells, each read from where it starts on the row's line: after the
        pipe that opens it (a pipe escaped with a backslash is text, even in code)."""
        line = self.source.line(lines[0])
        begin = self.source.offset(lines[0] + 1)
        content = len(line) - len(line.lstrip(" \t>"))  # after a quote's markers
        pipes = [i for i, c in enumerate(line) if c == "|" and not line.endswith("\\", 0, i)]
        starts = [begin + p + 1 for p in pipes if p >= content]
        if not pipes or pipes[0] > content:
            starts.insert(0, begin + content)  # no leading pipe: the first cell starts the line
        for index, cell in enumerate(cells):
            self._prose("table-cell", cell.children, lines, starts[min(index, len(starts) - 1)])

    def _inline(
        self,
        children: Sequence[Node],
        lines: Lines,
        located: int,
        at: int | None = None,
        code_placed: bool = True,
    ) -> None:
        sink = (
            InlineHtml(self.source, self.reader, self.not_prose)
            if located == markdown_inline.WITH_HTML
            else MarkdownLinks(self.source, self.reader, self.not_prose)
        )
        markdown_inline.read(children, self.source, lines, sink, at, code_placed)

    def _code(self, tree: Tree, node: Node, lines: Lines) -> None:
        span = self._line_span(lines)
        meta = node.meta
        content = meta.get("content", "")
        if node.name == "code_block":
            self.code.append(CodeBlock(None, span, False, content, True))
            return
        markup = meta.get("marker", "`") * int(meta.get("marker_len", 3))
        if content.count("\n") == lines[1] - lines[0] - 1:  # no closing fence
            content = tree.as_written_at_end(node, content)
        info = meta.get("info", "").strip()
        language = info.split()[0] if info else None
        closed = span.end_line > span.line and _closes(self.source.line(span.end_line - 1), markup)
        self.code.append(CodeBlock(language, span, True, content, closed))

    def _html(self, snippet: str, lines: Lines) -> None:
        """An HTML block: its tokens are placed back onto the source lines they came from
        (markdown-it strips the indentation and quote markers of a nested block)."""
        lowered = snippet.lower()
        if "details" in lowered:
            self._follow_details(lowered)
        if "blockquote" in lowered:
            for tag in _QUOTE_TAG.finditer(lowered):
                self._html_quotes = max(self._html_quotes + (-1 if tag.group(1) else 1), 0)
        if ("<strong" in lowered or "<b>" in lowered) and (title := _bold_only(snippet)):
            kind: BlockKind = "quote" if self._html_quotes else "paragraph"
            span = self._line_span(lines, title)
            self.blocks.append(Block(kind, title, span, collapsed=any(self._details), bold=True))
        if not any(mark in lowered for mark in _HTML_READ):
            return
        first = lines[0]
        html = InlineHtml(self.source, self.reader, self.not_prose)
        at = self.source.offset(first + 1)
        if _stands_as_written(self.source.text, snippet, at):
            place: Callable[[int], int] = at.__add__
            html.feed(snippet, at)
        else:
            place = self._placement(snippet, first)
            html.feed_placed(html_tokens.tokenize(snippet), place)
        end = place(len(snippet.rstrip()))  # where what the block holds ends (blank lines aside)
        html.close(end)
        unclosed = lowered.rfind("<!--")
        if unclosed >= 0 and lowered.find("-->", unclosed + 4) < 0:  # a comment to the end, unread
            self.not_text.append((place(unclosed), end))

    def _follow_details(self, lowered: str) -> None:
        """Open and close the <details> elements an HTML block holds, in order: the Markdown
        between them is collapsed unless the element says `open`."""
        for tag in _DETAILS_TAG.finditer(lowered):
            if tag.group(1):
                if self._details:
                    self._details.pop()
            else:
                self._details.append(_OPEN_ATTRIBUTE.search(tag.group(2)) is None)

    def _placement(self, snippet: str, first: int) -> Callable[[int], int]:
        """Where each offset of `snippet` is in the source, line by line from line `first`."""
        starts = document.line_starts(snippet)
        shifts = []
        for number, line_start in enumerate(starts):
            source_line = self.source.line(first + number)
            line_end = snippet.find("\n", line_start)
            written = (line_end if line_end >= 0 else len(snippet)) - line_start
            shifts.append(self.source.offset(first + number + 1) + max(len(source_line) - written, 0))

        def place(offset: int) -> int:
            number = bisect.bisect_right(starts, offset) - 1
            return shifts[number] + offset - starts[number]

        return place


def _push(
    stack: list[_Pending], nodes: Sequence[Node], kind: BlockKind, row: Lines | None, depth: int
) -> None:
    """Push `nodes` to be walked in order, runs of inline nodes grouped as one paragraph."""
    items: list[Node | list[Node]] = []
    for node in nodes:
        if node.name in _BLOCKS:
            items.append(node)
        elif items and isinstance(items[-1], list):
            items[-1].append(node)
        else:
            items.append([node])
    stack.extend((item, kind, row, depth) for item in reversed(items))


def _without_footnotes(source: Source, links: Iterable[document.Link]) -> tuple[document.Link, ...]:
    """The links, but for footnote references (`[^1]`), which CommonMark may take for
    links to a definition such as `[^1]: single-word`. A footnote that is a URL stays a
    link: the generator shows (and links) that URL in the footnote."""
    found = tuple(links)
    if "[^" not in source.text:
        return found
    starts = attributes.footnote_reference_starts(source.text)
    return tuple(
        link
        for link in found
        if source.offset(link.span.line) + link.span.column - 1 not in starts or _is_url(link.href)
    )


def _is_url(href: str | None) -> bool:
    """A footnote that is a URL (`[^1]: <https://...>`): the page links it, in the footnote."""
    return href is not None and "://" in href


def _stands_as_written(text: str, snippet: str, at: int) -> bool:
    """Whether `text` holds `snippet` verbatim at `at`, so its offsets need no line shifts."""
    return text.startswith(snippet, at)


def _closes(line: str, markup: str) -> bool:
    """Whether `line` is a closing fence for `markup`."""
    last = line.lstrip(" \t>").strip()  # a fence in a quote closes as "> ```"
    return last.startswith(markup) and set(last) <= {markup[0]}


def _bold_only(snippet: str) -> str | None:
    """The text of an HTML block that shows nothing but bold text (a generated report's
    `<div><a><strong>Goal</strong></a></div>` over each entry): readers take it for a
    subheading, as they do a paragraph all in `**bold**`."""
    depth, shown = 0, []
    for token in html_tokens.tokenize(snippet):
        if isinstance(token, html_tokens.StartTag) and token.name in _BOLD_TAGS:
            depth += 1
        elif isinstance(token, html_tokens.EndTag) and token.name in _BOLD_TAGS:
            depth = max(depth - 1, 0)
        elif isinstance(token, html_tokens.Text) and token.text.strip():
            if not depth:
                return None
            shown.append(token.text.strip())
    return " ".join(shown) or None


def _all_strong(children: Sequence[Node]) -> bool:
    """Whether a paragraph is strong emphasis and nothing else (spaces and breaks aside)."""
    found = False
    for child in children:
        if child.name == "strong":
            found = True
        elif child.name not in ("softbreak", "hardbreak") and not (
            child.name == "text" and not child.meta.get("content", "").strip()
        ):
            return False
    return found
