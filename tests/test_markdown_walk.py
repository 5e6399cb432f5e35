"""The Markdown walk's shortcuts give the Documents its general paths give.

One walker reads both parsers' trees; each shortcut it takes (links told to the reader
directly, HTML blocks placed without line shifts or skipped, positions from a light
`Source`) is checked against the general path on random Markdown soup.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, reject, settings
from hypothesis import strategies as st

from seolint.document.model import Document
from seolint.parse import ParseError
from seolint.parse.markdown import front_end as markdown
from seolint.parse.markdown import inline as markdown_inline
from seolint.parse.markdown import nodes as markdown_nodes
from tests.examples import examples
from tests.test_markdown_native import fallback_document, fields

PIECES = [
    "# ", "## ", "Title", "word", " ", "  ", "\n", "\n\n", "- ", "1. ", "> ", "    ", "*", "**", "_", "`",
    "``", "```", "```py\n", "~~~", "[", "]", "(", ")", "[a](b)", "![i](p.png)", "[![i](p.png) x](/y)",
    "<http://x.y>", "<a href='/x'>", "</a>", "<b>", "</b>", "<img src=x alt=y>", "<!-- c -->", "<div>",
    "</div>", "<div id=d>", "|", "| a | b |\n|---|---|\n", "\\", "\\[", "&amp;", "&copy", "\t", "{#id}",
    "\r\n", "\r", "é", "=", "---", "\n===\n", "<", ">", "!", "\x00", "🙂",
    # links whose text is split (emphasis, code, escapes, line breaks), and markup before links
    "[*a*b `c` \\[ &amp; d](/e)", "[a\nb](c)", "\\[[a](b)", "&amp;[a](b)", "`[` [a](b)", "<a@b.c>",
    "[x]\n\n[x]: /ref\n", "[a](<b c>)", "[a](b 'title')",
    # what is not prose text: raw code, tables, definitions over two lines, unclosed comments
    "<pre>", "</pre>", "<code>", "</code>", "<script>", "<table>", "</table>", "<!--", "-->",
    "[x]:\n  /ref 't'\n", "| [x] | `c` | [a](b) |\n", "[x][]", "***\n",
]  # fmt: skip
SOUP = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
# Each reaches one path the soup rarely does: an escape right before a link, a link's text in
# parts, an HTML block inside a quote, an indented one with CRLF.
EXAMPLES = [
    "\\[[a](b)",
    "[*a*b `c` &amp; d](/e) <a@b.c>",
    "> <div>\n> <a href=x>y</a>\n",
    "  <img src=a>\r\n",
]
PROPERTY = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


def parsed(source: str) -> dict[str, str]:
    return fields(markdown.parse(source, "draft.md"))


def parsers_agree(source: str) -> bool:
    """Whether markdown-it-pyrs and markdown-it-py read `source` the same (same HTML)."""
    from markdown_it import MarkdownIt

    normalised = re.sub(r"\r\n?", "\n", source).replace("\0", "\ufffd")
    try:
        native = markdown_nodes._parser().render(normalised, xhtml=False)
    except BaseException:  # a markdown-it-pyrs panic (markdown-it-rust/markdown-it#40)
        return False
    return native == MarkdownIt("commonmark").enable("table").render(normalised)


@PROPERTY
@given(SOUP)
@example(EXAMPLES[0])
@example(EXAMPLES[1])
@example(EXAMPLES[2])
@example(EXAMPLES[3])
@example("- \r\n\t`# `")  # found by a run: a tab indenting a list item's line moved its code span
@example("- a\n\t`a` and `b`")
@example("# <!--\x00`[` [a](b)-->`[` [a](b)")  # found by a run: backticks inside an inline comment
def test_both_trees_walk_to_the_same_document_where_the_parsers_agree(source: str) -> None:
    """markdown-it-py's tokens, shaped as nodes, walk as markdown-it-pyrs's own nodes do.

    Excluded: inputs the two parsers read differently (BENCHMARKS.md, "Parser evaluation"),
    and unclosed fences, whose byte range markdown-it.rs ends after trailing blank lines.
    """
    assume(parsers_agree(source))
    native = markdown.parse(source, "draft.md")
    assume(all(block.closed for block in native.code_blocks))
    assert fields(native) == fields(fallback_document(source))


@PROPERTY
@given(SOUP)
@example(EXAMPLES[0])
@example(EXAMPLES[1])
@example(EXAMPLES[2])
@example(EXAMPLES[3])
def test_links_told_directly_are_links_told_through_the_html_nesting(source: str) -> None:
    try:
        direct = parsed(source)
    except ParseError:  # front matter that is not a mapping (`---\n===\n---`): no links to tell
        reject()

    def through_nesting(
        self: Any, children: Any, lines: Any, located: int, at: int | None = None, code_placed: bool = True
    ) -> None:
        sink = markdown_inline.InlineHtml(self.source, self.reader, self.not_prose)
        markdown_inline.read(children, self.source, lines, sink, at, code_placed)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown._Builder, "_inline", through_nesting)
        assert parsed(source) == direct


@PROPERTY
@given(SOUP)
@example(EXAMPLES[0])
@example(EXAMPLES[1])
@example(EXAMPLES[2])
@example(EXAMPLES[3])
def test_html_blocks_read_the_same_without_line_shifts_or_when_skipped(source: str) -> None:
    shortcut = parsed(source)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown, "_stands_as_written", lambda text, snippet, at: False)
        patch.setattr(markdown, "_HTML_READ", ("",))  # every block is read
        assert parsed(source) == shortcut


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="ab \r\n\t", max_size=30), st.data())
def test_source_positions_are_the_documents(text: str, data: st.DataObject) -> None:
    doc = Document(path="x.md", format="markdown", source=text)
    source = markdown_inline.Source(text)
    assert source.count == len(doc.lines)
    assert [source.line(i) for i in range(source.count + 2)] == [*doc.lines, "", ""]
    line = data.draw(st.integers(1, source.count + 2))
    assert source.offset(line) == doc.offset(line)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text) + 1))
    assert source.span_at(start, end) == doc.span_at(start, end)


def test_plain_prose_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks without links, images or HTML never reach the cursor walk."""
    walked: list[object] = []
    monkeypatch.setattr(markdown_inline, "read", lambda *args: walked.append(args))
    markdown.parse("# Title\n\nPlain *prose*, `code`.\n\n- an item\n\n> a quote\n", "draft.md")
    assert walked == []
    markdown.parse("Some [link](/x).\n", "draft.md")
    assert len(walked) == 1


@pytest.mark.parametrize("nul", ["", "\x00"])
def test_brackets_and_backticks_inside_an_inline_comment_are_the_comments(nul: str) -> None:
    source = f"Text <!--{nul} [x](y) `a` --> [a](b) `c`\n"
    doc = markdown.parse(source, "draft.md")
    assert [(link.href, link.span.column) for link in doc.links] == [("b", source.index("[a](b)") + 1)]
    code = source.index("`c`")
    assert (code, code + 3) in doc.not_text or any(s <= code and code + 3 <= e for s, e in doc.not_text)
