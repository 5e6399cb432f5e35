"""The `lines` scope and S004 after their speed-ups give what they gave before.

Each reference below is the earlier implementation, kept here only to compare with: the
scope's masking, decoration stripping and URL finding, and S004's line comparison, on
generated drafts full of the shapes they treat specially.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from seolint.checks.scaffolding import duplicate_line
from seolint.document import lines as pack_scopes
from seolint.document.lines import (
    _CLOSING_TAG,
    _LEADING,
    URL,
    TextLine,
    strip_decoration,
    text_lines,
    url_spans,
)
from seolint.document.model import Document
from seolint.findings.records import Problem
from seolint.parse import ParseError, parse
from seolint.registry.rule import NoOptions

OLD_HTML_CODE = re.compile(
    r"<(pre|code|script|style|textarea|head)\b.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
NOT_NEWLINE = re.compile(r"[^\r\n]")


def old_strip_decoration(line: str) -> tuple[int, int]:
    leading = _LEADING.match(line)
    start = leading.end() if leading else 0
    stop = len(line)
    while stop > start:
        last = line[stop - 1]
        if last in " \t*_":
            stop -= 1
        elif (
            last == "#" and (hashes := old_hash_run(line, start, stop)) > start and line[hashes - 1] in " \t"
        ):
            stop = hashes
        elif (
            last == ">"
            and (opening := line.rfind("<", start, stop)) >= 0
            and _CLOSING_TAG.fullmatch(line, opening, stop)
        ):
            stop = opening
        else:
            break
    return start, stop


def old_hash_run(line: str, start: int, stop: int) -> int:
    while stop > start and line[stop - 1] == "#":
        stop -= 1
    return stop


def old_blank(text: str, regions: Iterable[tuple[int, int]]) -> str:
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(regions):
        start = max(start, cursor)
        if end <= start:
            continue
        parts.append(text[cursor:start])
        parts.append(NOT_NEWLINE.sub(" ", text[start:end]))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def old_masked_lines(doc: Document) -> list[tuple[int, str]]:
    line_region, content_lines = pack_scopes._line_region, pack_scopes._content_lines
    regions: list[tuple[int, int]] = []
    if doc.front_matter_span is not None:
        regions.append(line_region(doc, doc.front_matter_span.line, doc.front_matter_span.end_line))
    if doc.format != "html":
        regions += [line_region(doc, c.span.line, c.span.end_line) for c in doc.code_blocks]
    regions += [m.span() for m in pack_scopes._COMMENT.finditer(doc.source)]
    regions += [(doc.offset(t.line, t.column), doc.offset(t.end_line, t.end_column)) for t in doc.templates]
    masked = old_blank(doc.source, regions)
    if doc.format != "html":
        masked = old_blank(masked, [m.span() for m in pack_scopes._INLINE_CODE.finditer(masked)])
        defined = {pack_scopes._label(m.group(1)) for m in pack_scopes._REFERENCE.finditer(masked)}
        brackets: list[tuple[int, int]] = []
        for match in pack_scopes._SHORTCUT.finditer(masked) if defined else ():
            if pack_scopes._label(match.group(1)) in defined:
                brackets += [(match.start(), match.start() + 1), (match.end(1), match.end())]
        masked = old_blank(masked, brackets)
        masked = old_blank(masked, [m.span() for m in pack_scopes._REFERENCE.finditer(masked)])
    for pattern in (OLD_HTML_CODE, URL):
        masked = old_blank(masked, [m.span() for m in pattern.finditer(masked)])
    first, last = content_lines(doc)
    lines = re.split(r"\r\n|\r|\n", masked)
    return [(n, text) for n, text in enumerate(lines, start=1) if first <= n <= last and text.strip()]


def old_text_lines(doc: Document) -> dict[int, TextLine]:
    lines = {}
    for number, masked in old_masked_lines(doc):
        start, end = old_strip_decoration(masked)
        lines[number] = TextLine(number, masked[start:end], start + 1)
    return lines


HAS_WORD = re.compile(r"\w")
COMMENT = re.compile(r"<!--.*?-->")
NOT_PROSE = re.compile(r"^(?:\||<t[dhr]\b|\{\{.*\}\}$)", re.IGNORECASE)


def old_duplicate_lines(doc: Document) -> Iterator[tuple[int, int, int]]:
    """The line findings of S004 before: (line, start column, end column)."""
    previous: tuple[int, str] | None = None
    for number in doc.views.lines:
        line = COMMENT.sub("", doc.lines[number - 1])
        start, end = old_strip_decoration(line)
        text = " ".join(line[start:end].split())
        if not HAS_WORD.search(text) or NOT_PROSE.match(line.lstrip()):
            previous = None
            continue
        between = range(previous[0], number - 1) if previous is not None else range(0)
        if previous is not None and previous[1] == text and all(not doc.lines[i].strip() for i in between):
            yield number, start + 1, end + 1
        previous = (number, text)


LINE_PIECES = [
    " ", "\t", "#", "## ", "- ", "* ", "_", "**", "1. ", "12) ", "٣. ", "> ", "<p>", "</p>", "<li>",
    "</span>", "</SPAN >", "<", ">", "a", "word", "• ", ".", "x#", " #", "\xa0", "`code`", "``",
    "https://x.dev/a", "www.y", "ftp://f", "hhttp://z", "<!-- c -->", "<!--", "-->", "[ref]",
    "[ref]: https://r.dev", "{{ name }}", "| a |", "<pre>", "</pre>", "<PRE >", "</pre >", "<code",
    "<script>", "</SCRIPT>", "<prefix>", "é", "\r", "Title",
]  # fmt: skip
lines = st.lists(st.sampled_from(LINE_PIECES), max_size=8).map("".join)
drafts = st.lists(
    st.one_of(lines, st.sampled_from(["", "```", "---", "Title", "Title", "# Title"])), max_size=12
)


@settings(max_examples=600, deadline=None)
@given(lines)
def test_strip_decoration_is_unchanged(line: str) -> None:
    assert strip_decoration(line) == old_strip_decoration(line)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from([*LINE_PIECES, "\n", "://", "http", "https", "w", "ww.", "h", "s"]), max_size=20)
)
def test_url_spans_are_the_url_patterns_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert url_spans(text) == [m.span() for m in URL.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([*LINE_PIECES, "\n", "/", "pre", "code"]), max_size=20))
def test_raw_html_code_is_found_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in pack_scopes._HTML_CODE.finditer(text)] == [
        m.span() for m in OLD_HTML_CODE.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(drafts, st.sampled_from(["markdown", "html", "text"]))
def test_the_lines_scope_and_s004_are_unchanged(draft: list[str], fmt: str) -> None:
    suffix = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
    try:
        doc = parse("\n".join(draft) + "\n", f"draft.{suffix}", fmt)
    except ParseError:  # front matter that is no YAML
        assume(False)
        return
    assert text_lines(doc) == old_text_lines(doc)
    found: list[Problem] = [
        p for p in duplicate_line.run(doc, NoOptions()) if "repeats the line" in p.message
    ]
    assert [(p.span.line, p.span.column, p.span.end_column) for p in found] == list(old_duplicate_lines(doc))
