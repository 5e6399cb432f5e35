"""Two facts about an HTML page's text that only its markup tells: which blocks the page's
template marks as its own metadata (a byline with `<time>`, a `post-meta` paragraph), and
where Markdown syntax leaked into HTML (`<p>**Bold:** text</p>`, `<h2>## Setup</h2>`, `[text](url)`,
`![alt](src)`, `*italic*`, `_italic_`, a code span in backticks, and a list or quote marker
opening a `<p>` or `<li>`: `<li>1. Step</li>`, `<p>- item</p>`, `<p>> quote</p>`).

Rules read them as `Document.page_meta` and `Document.stray_markup`, so the debris and
leaked-syntax rules never look at tags themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from seolint.document.model import Document, Field, Span
from seolint.parse.html.tree import Element, Tree

# Class, id, itemprop or rel words of an element holding a page's own byline or dates.
_META_WORD = re.compile(
    r"(?:^|[\s_-])(?:byline|author|authors|post-?meta|entry-?meta|article-?meta|meta|date|dates|published"
    r"|posted|pubdate|reading-?time|read-?time|readtime|dateline)(?:$|[\s_-])",
    re.IGNORECASE,
)
_META_KEYS = ("class", "id", "itemprop", "rel")
_SEARCHED = 200_000  # characters after a block's start that may hold its text
_MAX_META_ELEMENTS = 1_000  # a page with more marks everything as metadata: stop looking
# Markdown that HTML does not render: strong/em runs, heading hashes, code spans, links.
_MARKDOWN = re.compile(
    r"\*\*[^*\n]{1,200}\*\*|(?<![\w_])__[^_\n]*\s[^_\n]*__(?![\w_])|^#{1,6}\s+\w[^\n]{0,60}"
    r"|!?\[[^\[\]\n]{1,200}\]\([^()\s]{1,500}\)"
)
# Emphasis by one mark, looked for where nothing above is: it opens before a letter and closes
# after one, inside no word, so that `a * b`, a footnote's `price*` and snake_case
# (`page_title`) are not emphasis.
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\W\d_])[^*\n]{0,150}(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\W\d_])[^_\n]{0,150}(?<=[^\s_])_(?![\w_])"
)
# A Markdown list or quote marker opening a paragraph or list item: "1. Step", "- item", "> quote";
# not "* ", which also opens a footnote ("* VAT is added at checkout").
# It must follow the tag itself: "<li><code>x</code> - a setting" and "<p><strong>1) Plan</strong>"
# open with markup of their own, "<sup>1. A note</sup>" is a footnote.
_OPENER = re.compile(r"<(?:p|li)\b[^<>]*>[ \t\n]*((?:\d{1,2}[.)]|[-+]|>|&gt;)[ \t]+)(?=[^\W\d_])")
# Backticks count only around code (a dot, bracket, brace, slash or `=` inside: `session.timeout.ms`,
# `type key struct{}`), and only in a block with no other Markdown (that is reported first): plain
# text uses them as quotation marks too (`like this').
_CODE_SPAN = re.compile(r"(?<![`\w])`(?=[^`\n]{0,80}[._(){}=/<>\[\]])[^`'\s][^`\n]{0,80}(?<=\S)`(?![`\w])")
# A text that opens with
# an issue key ("[FLINK-123] - ...") is an issue's title, copied as its tracker spells it.
_ISSUE_TITLE = re.compile(r"^\W*[A-Z][A-Z0-9]+-\d+\b")


def page_meta(tree: Tree, blocks: Sequence[Element], doc: Document) -> tuple[Span, ...]:
    """Spans of the blocks inside, or holding, an element the template marks as metadata."""
    marks = [e for e in tree.elements if e.name in ("time", "address") or _is_meta(e)][:_MAX_META_ELEMENTS]
    if not marks:
        return ()
    found = []
    for block in blocks:
        if any(m.first <= block.first <= m.last or block.first < m.first < block.last for m in marks):
            found.append(doc.span_at(block.offset, block.end))
    return tuple(found)


def _is_meta(element: Element) -> bool:
    """A loop, not `any` over a generator: it runs for every element of every page."""
    attrs = element.attrs
    if attrs:
        for key in _META_KEYS:
            value = attrs.get(key)
            if value and _META_WORD.search(value):
                return True
    return False


def stray_markup(texts: Iterable[tuple[str, int]], doc: Document) -> tuple[Field, ...]:
    """The first run of Markdown syntax in the text of each block or heading (given with the
    offset its element starts at), where it is written in the source."""
    found = []
    for text, offset in texts:
        opener = _OPENER.match(doc.source, offset) if doc.source.startswith("<", offset) else None
        if opener is not None:
            found.append(Field(opener.group(1), doc.span_at(opener.start(1), opener.end(1)), "markdown"))
        elif ("*" in text or "_" in text or "#" in text or "](" in text or "`" in text) and (
            (
                match := _MARKDOWN.search(text.strip())
                or _CODE_SPAN.search(text.strip())
                or _EMPHASIS.search(text.strip())
            )
            and not _ISSUE_TITLE.match(text)
        ):
            at = doc.source.find(match.group(), offset, offset + _SEARCHED)
            start, end = (at, at + len(match.group())) if at >= 0 else (offset, offset + 1)
            found.append(Field(match.group(), doc.span_at(start, end), "markdown"))
    return tuple(found)


# The leaked forms whose HTML is certain: strong, emphasis, code, a link, an image.
_CONVERTIBLE = (
    (re.compile(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__"), "<strong>{}</strong>"),
    (re.compile(r"\*([^*\n]+)\*|_([^_\n]+)_"), "<em>{}</em>"),
    (re.compile(r"`([^`\n]+)`"), "<code>{}</code>"),
)
_LINK = re.compile(r"(!?)\[([^\[\]\n]+)\]\(([^()\s\"'<>]+)\)")


def html_for(markdown: str) -> str | None:
    """The HTML a leaked piece of Markdown stands for (`**x**` -> `<strong>x</strong>`), or
    None where it is not certain (a heading or list marker changes the element around it)."""
    for pattern, template in _CONVERTIBLE:
        if found := pattern.fullmatch(markdown):
            return template.format(found.group(1) or found.group(2))
    if found := _LINK.fullmatch(markdown):
        image, text, target = found.groups()
        if image:
            return f'<img src="{target}" alt="{text}">' if '"' not in text else None
        return f'<a href="{target}">{text}</a>'
    return None
