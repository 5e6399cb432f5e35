"""HTML front-end: our linear tokenizer into a light tree (parse.html_tree).

Rendered pages carry site chrome, so only the post body is read for prose, headings,
links and images: `content-selector` when configured, else `<main>`/`<article>`/
`role="main"`. Title and meta description always come from `<head>`. BeautifulSoup is
imported only for a `content-selector`, whose CSS it (through soupsieve) evaluates.
"""

from __future__ import annotations

import re

from seolint.document.model import (
    Block,
    CodeBlock,
    Comment,
    Document,
    Field,
    Heading,
    Hints,
    LevelMark,
    Span,
    Stretch,
    merged,
    revised,
)
from seolint.parse import ParseError, front_matter
from seolint.parse.html import authored as html_authored
from seolint.parse.html import decoration
from seolint.parse.html import elements as html_elements
from seolint.parse.html import head as html_head
from seolint.parse.html import loose as html_loose
from seolint.parse.html import tree as html_tree
from seolint.parse.html.tree import NOT_CONTENT, RAW_CODE, Element, Extent

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PROSE = {"p": "paragraph", "li": "list-item", "blockquote": "quote", "td": "table-cell", "th": "table-cell"}
# Site chrome inside the post body: nav, aside, [role=navigation], [role=complementary],
# #TableOfContents, .toc, .table-of-contents (matched by hand: soupsieve took a fifth of parse time).
_CHROME_TAGS = {"nav", "aside"}
_CHROME_ROLES = {"navigation", "complementary"}
_CHROME_CLASSES = {"toc", "table-of-contents"}
_LANGUAGE = re.compile(r"^(?:language|lang)-(.+)$")
_HINTS = Hints(
    heading="use <h{level}>{text}</h{level}>",
    description='<meta name="description">',
    heading_markup=None,
    marked_bylines=True,
)


def parse(
    source: str, path: str, content_selector: str | None = None, front_matter_after_blank_lines: bool = False
) -> Document:
    late = front_matter_after_blank_lines
    opening = source.lstrip("\ufeff \t\r\n") if late else source.lstrip("\ufeff")
    fm = front_matter.split(source, late) if opening.startswith(("---", "+++")) else None
    markup = _without_front_matter(source, fm)
    tree = html_tree.read(markup)
    elements = tree.elements
    shell = Document(path=path, format="html", source=source)
    body = _selected(tree, source, content_selector) if content_selector else _main(tree)
    content = _Body(shell, skip_chrome=body is not tree.root)
    html = next((e for e in elements if e.name == "html"), None) if body is not tree.root else None
    # No site writes around its <html> element, but an answer's first and last paragraphs,
    # pasted with the page it wrote, are there: they are read, in source order.
    if html is not None:
        content.walk_closed(tree, 1, html.first)
    content.walk(tree, body)
    if html is not None:
        content.walk_closed(tree, html.last + 1, len(tree.events) - 1)
    headings = content.to_headings(tree.extents)
    loose = html_loose.loose_lines(tree, markup, html) if body is tree.root or html is not None else []
    blocks = _with_loose(content.to_blocks(), loose, shell)
    return revised(  # the shell's line tables are the page's
        shell,
        front_matter=fm.data if fm else {},
        front_matter_span=fm.span if fm else None,
        title=_title(tree, shell),
        description=_description(elements, shell),
        publishing=html_head.publishing(tree, shell),
        page_text=_page_text(tree, markup, body, shell) if body is not tree.root else (),
        page_meta=html_authored.page_meta(tree, [b.element for b in content.blocks], shell),
        stray_markup=html_authored.stray_markup([*content.texts(), *loose], shell),
        headings=headings,
        blocks=blocks,
        links=tuple(content.reader.links()),
        images=tuple(content.reader.images),
        code_blocks=tuple(content.to_code()),
        comments=tuple(Comment(c.text.strip(), shell.span_at(c.start, c.end)) for c in tree.comments),
        hints=_HINTS,
        ids=tuple(_ids(elements)),  # the whole page: a fragment may target its chrome too
        lang=next((e.get("lang") for e in elements if e.name == "html"), None),
        tables=tuple(shell.span_at(e.start, e.end) for e in tree.extents if e.name == "table"),
        not_text=_not_text(tree, shell, fm),
        body_lines=_body_lines(headings, blocks),
        line_markup=decoration.decoration,
    )


def _not_text(
    tree: html_tree.Tree, doc: Document, fm: front_matter.FrontMatter | None
) -> tuple[Stretch, ...]:
    """Front matter, comments and raw code: what the page holds that is not prose text."""
    found = [(c.start, c.end) for c in tree.comments]
    found += [(e.start, e.end) for e in tree.extents if e.name in RAW_CODE]
    if fm is not None and fm.span is not None:
        found.append(
            (0, doc.offset(fm.span.end_line + 1) if fm.span.end_line < len(doc.lines) else len(doc.source))
        )
    return merged(found)


def _body_lines(headings: tuple[Heading, ...], blocks: tuple[Block, ...]) -> tuple[int, int]:
    """A page carries site chrome: its body runs from the first piece of content to the last."""
    spans = [b.span for b in blocks] + [h.span for h in headings]
    if not spans:
        return 1, 0
    return min(s.line for s in spans), max(s.end_line for s in spans)


def _without_front_matter(source: str, fm: front_matter.FrontMatter | None) -> str:
    """The page with a generator's front matter (Jekyll, Hugo HTML pages) blanked in place,
    so the HTML reader never sees it and every offset still points into `source`."""
    if fm is None or fm.span is None:
        return source
    lines = source.splitlines(keepends=True)
    end = sum(len(line) for line in lines[: fm.span.end_line])
    return re.sub(r"[^\r\n]", " ", source[:end]) + source[end:]


def _digits(source: str, start: int, closing: tuple[int, int] | None) -> tuple[LevelMark, ...]:
    """The level's digit in a heading's start tag (`<h2`) and in its own end tag (`</h2>`);
    none when it has no end tag of its own to retype with it."""
    marks = (LevelMark(start + 2, start + 3), LevelMark(closing[0] + 3, closing[0] + 4)) if closing else ()
    return marks if all(source[m.start : m.end].isdigit() for m in marks) else ()


def _ids(elements: list[Element]) -> list[str]:
    """Every element's `id`, and the `name` of an `<a>` (the older way to name an anchor)."""
    ids = []
    for element in elements:
        attrs = element.attrs
        if attrs:
            if value := attrs.get("id"):
                ids.append(value)
            if element.name == "a" and (value := attrs.get("name")):
                ids.append(value)
    return ids


def _is_chrome(element: Element) -> bool:
    if element.name in _CHROME_TAGS:
        return True
    attrs = element.attrs
    if not attrs:
        return False
    classes = attrs.get("class", "")
    return (
        attrs.get("role") in _CHROME_ROLES
        or attrs.get("id") == "TableOfContents"
        or (
            ("toc" in classes or "table-of-contents" in classes)
            and not _CHROME_CLASSES.isdisjoint(classes.split())
        )
    )


def _main(tree: html_tree.Tree) -> Element:
    """The post body: the only <article>, else <main>, else role="main", else the first <article>."""
    elements = tree.elements
    articles = [e for e in elements if e.name == "article"]
    main = next((e for e in elements if e.name == "main"), None)
    main = main or next((e for e in elements if e.get("role") == "main"), None)
    for candidate in (articles[0] if len(articles) == 1 else None, main, *articles[:1]):
        if candidate is not None:
            return candidate
    return tree.root


def _selected(tree: html_tree.Tree, source: str, selector: str) -> Element:
    """The element a CSS selector picks: BeautifulSoup's html.parser splits tags where our
    tokenizer does, so its element and ours start at the same place. (Only a configured
    selector brings html.parser, and its quadratic worst case, back.)"""
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():  # a one-line draft that looks like a URL is still a draft
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(list(NOT_CONTENT)):
        tag.decompose()
    try:
        chosen = soup.select_one(selector)
    except Exception as error:  # soupsieve raises its own SelectorSyntaxError
        raise ParseError(f"invalid content-selector {selector!r}: {error}") from None
    if chosen is None or chosen.sourceline is None or chosen.sourcepos is None:
        return tree.root
    offset = _line_start(source, chosen.sourceline) + chosen.sourcepos
    return next((e for e in tree.elements if e.offset == offset), tree.root)


def _line_start(source: str, line: int) -> int:
    """Where a line starts, counting lines as html.parser does (each "\n" ends one)."""
    start = 0
    for _ in range(line - 1):
        start = source.index("\n", start) + 1
    return start


def _with_loose(blocks: tuple[Block, ...], loose: list[tuple[str, int]], doc: Document) -> tuple[Block, ...]:
    """The prose blocks and, in a fragment, each line of text outside them as a paragraph."""
    if not loose:
        return blocks
    lines = [Block("paragraph", text, doc.span_at(at, at + len(text))) for text, at in loose]
    return tuple(sorted((*blocks, *lines), key=lambda block: (block.span.line, block.span.column)))


# An outline marker as a value: "Section 2: Setup", "Part 1 - Basics", "H2 - Why" (or a dash).
_OUTLINE_MARK = re.compile(r"^\s*(?:(?:section|part)\s+\d{1,2}|h[1-6])\s*[:–—-]\s*\S", re.IGNORECASE)


def _outline_mark(element: Element) -> str:
    """The outline marker a writing tool kept in a heading's attributes: a value shaped as
    one (`data-plan="Section 2: Setup"`), or any value of an attribute named for the outline
    (`data-outline="II. How it works"`): the draft's plan, left in the page's markup."""
    for name, value in element.attrs.items():
        if value and value.strip() and (_OUTLINE_MARK.match(value) or name.endswith("outline")):
            return value.strip()
    return ""


def _page_text(tree: html_tree.Tree, markup: str, body: Element, doc: Document) -> tuple[Block, ...]:
    """Each line of text outside the post body, as a paragraph: a site's chrome, or the chrome
    of someone else's page saved whole."""
    lines = html_loose.outside_lines(tree, markup, body)
    return tuple(Block("paragraph", text, doc.span_at(at, at + len(text))) for text, at in lines)


def _span(element: Element, doc: Document) -> Span:
    return doc.span_at(element.offset, element.end)


def _title(tree: html_tree.Tree, doc: Document) -> Field | None:
    element = next((e for e in tree.elements if e.name == "title"), None)
    if element is None or not (text := tree.text(element)):
        return None
    return Field(text, _span(element, doc), "title-tag")


def _description(elements: list[Element], doc: Document) -> Field | None:
    for element in elements:
        if element.name == "meta" and (element.get("name") or "").lower() == "description":
            content = " ".join((element.get("content") or "").split())
            return Field(content, _span(element, doc), "meta-tag") if content else None
    return None


class _Open:
    """An element whose text is being gathered while the walk is inside it."""

    __slots__ = ("classes", "element", "parts", "plain")

    def __init__(self, element: Element) -> None:
        self.element = element
        self.parts: list[str] = []
        self.classes: list[str] = []  # of a <pre> and the <code> inside it
        self.plain = False  # a block holds text outside <strong>/<b>

    def text(self, separator: str) -> str:
        return " ".join(separator.join(self.parts).split())


# What the body walk does on entering an element, besides telling the element reader:
# gather the text of a heading, a prose block or a <pre>, or count a <code>.
_GATHERS = {
    **dict.fromkeys(_HEADINGS, "heading"),
    **dict.fromkeys(_PROSE, "block"),
    "pre": "pre",
    "code": "code",
    "strong": "bold",
    "b": "bold",
}
# The elements the element reader collects from; it hears of these and of elements marked
# to be ignored, properly nested (the page's ids come from the whole tree instead).
_READ = frozenset({"a", "img"})


class _Body:
    """Headings, prose and code of the post body, gathered in one walk; links and images
    go to the element reader the Markdown front-end uses too.

    Each piece of text belongs to its innermost heading, block and `<pre>`, so the walk is
    linear even on pathologically nested pages (no text gathering per element). Inside a
    chosen post body, site chrome (navigation, tables of contents) is skipped.
    """

    def __init__(self, doc: Document, skip_chrome: bool) -> None:
        self.doc = doc
        self.skip_chrome = skip_chrome
        self.reader = html_elements.Reader()
        self.headings: list[_Open] = []
        self.blocks: list[_Open] = []
        self.pres: list[_Open] = []
        # Per open element, what leaving it undoes: the gathering it opened, whether it is
        # code, whether the reader heard of it. None (most elements): nothing.
        self._entered: list[tuple[list[_Open] | None, bool, bool] | None] = []
        self._heading: list[_Open] = []
        self._block: list[_Open] = []
        self._pre: list[_Open] = []
        self._code_depth = 0
        self._read_depth = 0  # open elements the reader heard of: text goes to it only inside one
        self._quoted: set[int] = set()  # offsets of the headings and paragraphs inside a <blockquote>
        self._details: list[_Open] = []  # the closed <details> elements the walk is inside
        self._bold: list[_Open] = []  # the <strong> and <b> elements the walk is inside
        self._collapsed: set[int] = set()  # offsets of the prose blocks inside one of them

    def walk(self, tree: html_tree.Tree, root: Element) -> None:
        """Gather from the events under `root` (see `html_tree.Tree`)."""
        self._walk(tree, root.first + 1, root.last)

    def walk_closed(self, tree: html_tree.Tree, at: int, last: int) -> None:
        """Gather from the elements between events `at` and `last` that close where they open
        (the text around a page's <html> element, see `parse`)."""
        events = tree.events
        while at < last:
            event = events[at]
            if isinstance(event, Element) and event.last < last:
                self._walk(tree, at, event.last + 1)
                at = event.last
            at += 1

    def _walk(self, tree: html_tree.Tree, at: int, last: int) -> None:
        events, entered, skip_chrome = tree.events, self._entered, self.skip_chrome
        heading, block, pre = self._heading, self._block, self._pre
        while at < last:
            event = events[at]
            if event is None:
                left = entered.pop()
                if left is not None:
                    self._leave(*left)
            elif isinstance(event, str):
                if heading:
                    heading[-1].parts.append(event)
                elif block and not self._code_depth:
                    block[-1].parts.append(event)
                    if not self._bold and not event.isspace():
                        block[-1].plain = True
                if pre:
                    pre[-1].parts.append(event)
                if self._read_depth:
                    self.reader.text(event)
            elif skip_chrome and _is_chrome(event):
                at = event.last
            elif (
                event.name in _GATHERS
                or event.name in _READ
                or event.name == "details"
                or html_elements.IGNORE_ATTRIBUTE in event.attrs
            ):
                entered.append(self._enter(event))
            else:
                entered.append(None)
            at += 1

    def _enter(self, element: Element) -> tuple[list[_Open] | None, bool, bool]:
        """Start gathering, or tell the reader; what leaving the element undoes."""
        name = element.name
        gathers = _GATHERS.get(name)
        opened: list[_Open] | None = None
        if name == "details" and "open" not in element.attrs:
            self._details.append(_Open(element))
            opened = self._details
        elif gathers == "heading":
            opened = self._push(self.headings, self._heading, element)
            if any(o.element.name == "blockquote" for o in self._block):
                self._quoted.add(element.offset)
        elif gathers == "block":
            if name in ("p", "li") and any(o.element.name == "blockquote" for o in self._block):
                self._quoted.add(element.offset)  # a quotation's paragraph or item, as Markdown's `> ...`
            opened = self._push(self.blocks, self._block, element)
            if self._details:
                self._collapsed.add(element.offset)
        elif gathers == "pre":
            opened = self._push(self.pres, self._pre, element)
            self._pre[-1].classes.extend(element.classes())
        elif gathers == "code" and self._pre:
            self._pre[-1].classes.extend(element.classes())
        elif gathers == "bold":
            self._bold.append(_Open(element))
            opened = self._bold
        code = gathers == "code" or gathers == "pre"
        self._code_depth += code
        told = name in _READ or html_elements.IGNORE_ATTRIBUTE in element.attrs
        if told:
            self._read_depth += 1
            self.reader.enter(name, element.attrs, lambda: _span(element, self.doc))
        return opened, code, told

    def _leave(self, opened: list[_Open] | None, code: bool, told: bool) -> None:
        if opened is not None:
            opened.pop()
        self._code_depth -= code
        if told:
            self._read_depth -= 1
            self.reader.leave()

    @staticmethod
    def _push(found: list[_Open], open_now: list[_Open], element: Element) -> list[_Open]:
        opened = _Open(element)
        found.append(opened)
        open_now.append(opened)
        return open_now

    def to_headings(self, extents: list[Extent]) -> tuple[Heading, ...]:
        closing = {e.start: e.closing for e in extents if e.name in _HEADINGS}
        return tuple(
            Heading(
                int(h.element.name[1]),
                h.text(" "),
                _span(h.element, self.doc),
                anchor=h.element.get("id"),
                level_marks=_digits(self.doc.source, h.element.offset, closing.get(h.element.offset)),
                quoted=h.element.offset in self._quoted,
                outline_mark=_outline_mark(h.element),
            )
            for h in self.headings
        )

    def to_blocks(self) -> tuple[Block, ...]:
        return tuple(
            Block(
                "quote" if b.element.offset in self._quoted else _PROSE[b.element.name],  # type: ignore[arg-type]
                text,
                _span(b.element, self.doc),
                collapsed=b.element.offset in self._collapsed,
                bold=b.element.name == "p" and not b.plain,
            )
            for b in self.blocks
            if (text := b.text(""))
        )

    def texts(self) -> list[tuple[str, int]]:
        """The text of each heading and prose block, and the offset its element starts at."""
        return [(o.text(""), o.element.offset) for o in (*self.headings, *self.blocks)]

    def to_code(self) -> list[CodeBlock]:
        blocks = []
        for pre in self.pres:
            language = next((m.group(1) for c in pre.classes if (m := _LANGUAGE.match(c))), None)
            blocks.append(
                CodeBlock(language, _span(pre.element, self.doc), fenced=False, text="".join(pre.parts))
            )
        return blocks
