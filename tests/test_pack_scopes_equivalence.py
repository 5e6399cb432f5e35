"""The `lines` scope and S004: the front-ends' regions, combined by the view, give what the
regexes they replace gave, and the view combines them as a slow, obvious reading would.

Two kinds of oracle. The regex one is the `lines` scope as it was before the front-ends
filled `Document.not_text` and `Document.line_markup`: inline code, comments, reference
definitions and raw HTML code found by regexes over the source, then each line's
decoration peeled. Regexes only approximate Markdown, so it is compared on drafts whose
constructs it reads exactly (blocks apart, each construct closed on its line), with the
deliberate changes applied: a thematic break is markup, comments are blanked rather than
cut out for S004, and an HTML line loses only its tags. The character oracle takes the
Document's regions as given and reads any soup one character at a time, so the view's
fast blanking and peeling cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from seolint.checks.scaffolding import duplicate_line
from seolint.document.lines import URL, TextLine, url_spans
from seolint.document.model import Document
from seolint.findings.records import Problem
from seolint.parse import ParseError, parse
from seolint.parse.html.decoration import TAG, WRAPPING_TAG
from seolint.parse.markdown import decoration as markdown_decoration
from seolint.registry.rule import NoOptions
from tests.examples import examples

# --- the regex oracle: the lines scope as seolint.document.lines computed it before ------

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
INLINE_CODE = re.compile(r"`(?<!``)(`{0,2})(?!`)[^`\n]+`\1(?!`)")
REFERENCE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*\S.*$", re.MULTILINE)
SHORTCUT = re.compile(r"(?<!\])\[([^\[\]\n]+)\](?:\[\])?(?![(:\[])")
HTML_CODE = re.compile(
    r"<(pre|code|script|style|textarea|head)\b.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
LEADING = re.compile(
    r"[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|[-*+•·–][ \t]+|\d{1,3}[.)][ \t]+)?(?:[*_]|"
    + WRAPPING_TAG
    + r")*[ \t]*",
    re.IGNORECASE,
)
HTML_LEADING = re.compile(r"[ \t]*(?:" + WRAPPING_TAG + r")*[ \t]*", re.IGNORECASE)
THEMATIC_BREAK = re.compile(r"[ \t>]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
NOT_NEWLINE = re.compile(r"[^\r\n]")
TEMPLATE = re.compile(r"\{\{[^{}\n]*\}\}")


def old_strip(line: str, markdown: bool = True) -> tuple[int, int]:
    """A line's text without its decoration, peeled one piece at a time (a thematic break is
    markup alone)."""
    if markdown and THEMATIC_BREAK.fullmatch(line):
        return len(line), len(line)
    leading = (LEADING if markdown else HTML_LEADING).match(line)
    start = leading.end() if leading else 0
    stop = len(line)
    while stop > start:
        last = line[stop - 1]
        if last in " \t" or (markdown and last in "*_"):
            stop -= 1
        elif (
            markdown
            and last == "#"
            and (hashes := len(line[:stop].rstrip("#"))) > start
            and line[hashes - 1] in " \t"
        ):
            stop = hashes
        elif (
            last == ">"
            and (opening := line.rfind("<", start, stop)) >= 0
            and TAG.fullmatch(line, opening, stop)
        ):
            stop = opening
        else:
            break
    return start, stop


def old_blank(text: str, regions: Iterable[tuple[int, int]]) -> str:
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(regions):
        start = max(start, cursor)
        if end <= start:
            continue
        parts += [text[cursor:start], NOT_NEWLINE.sub(" ", text[start:end])]
        cursor = end
    return "".join([*parts, text[cursor:]])


def label(text: str) -> str:
    return " ".join(text.split()).casefold()


def old_masked(doc: Document) -> str:
    regions: list[tuple[int, int]] = []
    whole_lines = [] if doc.format == "html" else [c.span for c in doc.code_blocks]
    if doc.front_matter_span is not None:
        whole_lines.append(doc.front_matter_span)
    for span in whole_lines:
        end = doc.offset(span.end_line + 1) if span.end_line < len(doc.lines) else len(doc.source)
        regions.append((doc.offset(span.line), end))
    regions += [m.span() for m in COMMENT.finditer(doc.source)]
    masked = old_blank(doc.source, regions)
    if doc.format != "html":
        masked = old_blank(masked, [m.span() for m in INLINE_CODE.finditer(masked)])
        defined = {label(m.group(1)) for m in REFERENCE.finditer(masked)}
        brackets: list[tuple[int, int]] = []
        for match in SHORTCUT.finditer(masked) if defined else ():
            if label(match.group(1)) in defined:
                brackets += [(match.start(), match.start() + 1), (match.end(1), match.end())]
        masked = old_blank(masked, brackets)
        masked = old_blank(masked, [m.span() for m in REFERENCE.finditer(masked)])
    for pattern in (HTML_CODE, URL):
        masked = old_blank(masked, [m.span() for m in pattern.finditer(masked)])
    return masked


def old_text_lines(doc: Document) -> dict[int, TextLine]:
    first, last = 1, len(doc.lines)
    if doc.format == "html":
        spans = [b.span for b in doc.blocks] + [h.span for h in doc.headings]
        first, last = (min(s.line for s in spans), max(s.end_line for s in spans)) if spans else (1, 0)
    found = {}
    for number, line in enumerate(re.split(r"\r\n|\r|\n", old_masked(doc)), start=1):
        if first <= number <= last and line.strip():
            start, stop = old_strip(line, doc.format != "html")
            found[number] = TextLine(number, line[start:stop], start + 1)
    return found


def old_typed(doc: Document) -> dict[int, tuple[int, str]]:
    """Each line as typed (comments blanked) without the markup the decoration peels off it
    in the `lines` scope: (start, text)."""
    masked = re.split(r"\r\n|\r|\n", old_masked(doc))
    found = {}
    for number, line in enumerate(doc.lines, start=1):
        view = masked[number - 1]
        start, stop = old_strip(view, doc.format != "html") if view.strip() else (0, len(view))
        markup = {i for i, c in enumerate(view) if c not in " \t" and not start <= i < stop}
        typed = re.sub(r"<!--.*?-->", lambda m: " " * len(m.group()), line)
        kept = [i for i, c in enumerate(typed) if c not in " \t" and i not in markup]
        found[number] = (kept[0], typed[kept[0] : kept[-1] + 1]) if kept else (len(typed), "")
    return found


def old_duplicate_lines(doc: Document) -> Iterator[tuple[int, int, int]]:
    """S004's line findings as its regexes found them: (line, start column, end column)."""
    previous: tuple[int, str] | None = None
    typed = old_typed(doc)
    for number in doc.views.lines:
        start, text = typed[number]
        line = doc.lines[number - 1]
        words = " ".join(text.split())
        if not re.search(r"\w", TEMPLATE.sub(" ", words)) or re.match(r"\||<t[dhr]\b", line.lstrip(), re.I):
            previous = None
            continue
        between = range(previous[0], number - 1) if previous is not None else range(0)
        if previous is not None and previous[1] == words and all(not doc.lines[i].strip() for i in between):
            yield number, start + 1, start + len(text) + 1
        previous = (number, words)


# --- drafts whose constructs the regexes read exactly -----------------------------------

WORDS = ["word", "Title", "TODO", "é", "{{ name }}", "x.y"]
INLINE = [
    "`code`", "``co de``", "**bold**", "*em*", "_it_", "<b>tag</b>", "<span>s</span>", "<code>c</code>",
    "<!-- c -->", "https://x.dev/a", "www.y.z", "[ref]", "[ref][]", "[link](https://l.dev)", "[note]",
    '<a id="x"></a>', "<em>e</em>",
]  # fmt: skip
PREFIXES = ["", "", "- ", "* ", "1. ", "> ", "> - ", "• ", "## ", "# ", "**"]
SUFFIXES = ["", "", " ##", "**", " <br>", "</p>"]
# A comment opening a line would open an HTML block, where no Markdown is read: kept inside lines.
text_runs = st.tuples(
    st.sampled_from(WORDS + INLINE[:8]), st.lists(st.sampled_from(WORDS + INLINE), max_size=5)
).map(lambda run: " ".join([run[0], *run[1]]))
paragraphs = st.tuples(st.sampled_from(PREFIXES), text_runs, st.sampled_from(SUFFIXES)).map("".join)
BLOCKS = [
    "[ref]: https://r.dev", "```\ncode TODO\n```", "<div>\n<p>in a div</p>\n</div>",
    "<pre>\npre TODO\n</pre>", "<!-- a comment -->", "<script>\nvar x;\n</script>",
    "| a | [ref] |\n|---|---|\n| b | c |", "---", "* * *", "    indented code",
]  # fmt: skip
blocks = st.one_of(paragraphs, paragraphs, st.sampled_from(BLOCKS))
drafts = st.lists(blocks, min_size=1, max_size=8).map(lambda found: "\n\n".join(found) + "\n")

HTML_BLOCKS = [
    "<pre><code>code TODO</code></pre>", "<!-- a comment -->", "<script>var x;</script>", "<hr>",
    '<div class="note">', "</div>",
]  # fmt: skip
HTML_INLINE = [
    "<b>b</b>",
    "<code>c</code>",
    "<!-- c -->",
    "<a href='/x'>link</a>",
    "<span>s</span>",
    "- dash",
    "# hash",
]
html_text = st.lists(st.sampled_from(WORDS[:-2] + HTML_INLINE), min_size=1, max_size=5).map(" ".join)
html_lines = st.one_of(
    st.tuples(st.sampled_from(["<p>", "<li>", "<h2>", "<td>"]), html_text).map(
        lambda t: f"{t[0]}{t[1]}</{t[0][1:]}"
    ),
    st.sampled_from(HTML_BLOCKS),
)
pages = st.lists(html_lines, min_size=1, max_size=8).map(
    lambda found: (
        "<html><head><title>T</title></head><body>\n<nav>Menu</nav>\n<main>\n"
        + "\n".join(found)
        + "\n</main>\n<footer>Legal</footer>\n</body></html>\n"
    )
)


@settings(max_examples=examples(300), deadline=None)
@given(drafts, st.sampled_from(["markdown", "text"]))
def test_the_lines_scope_reads_markdown_as_the_regexes_did(draft: str, fmt: str) -> None:
    try:
        doc = parse(draft, "draft.md" if fmt == "markdown" else "draft.txt", fmt)  # type: ignore[arg-type]
    except ParseError:  # a thematic break first and last: front matter that is no YAML
        assume(False)
        return
    assert doc.views.lines == old_text_lines(doc)
    found: list[Problem] = [
        p for p in duplicate_line.run(doc, NoOptions()) if "repeats the line" in p.message
    ]
    assert [(p.span.line, p.span.column, p.span.end_column) for p in found] == list(old_duplicate_lines(doc))


@settings(max_examples=examples(200), deadline=None)
@given(pages)
def test_the_lines_scope_reads_html_as_the_regexes_did(page: str) -> None:
    doc = parse(page, "page.html", "html")
    assert doc.views.lines == old_text_lines(doc)


def test_the_regex_oracle_sees_the_draft_shapes_it_is_meant_for() -> None:
    """Guards the two tests above: their drafts do hide code and peel markup."""
    doc = parse("- **TODO** `code` [ref]\n\n[ref]: https://r.dev\n\n---\n", "draft.md", "markdown")
    found = old_text_lines(doc)
    assert found == doc.views.lines
    assert (found[1].text.split(), found[1].column) == (["TODO**", "ref"], 5)
    assert (found[5].text, sorted(found)) == ("", [1, 5])


# --- the character oracle: any soup, the Document's regions as given --------------------

PIECES = [
    " ", "\t", "#", "## ", "- ", "* ", "_", "**", "1. ", "> ", "<p>", "</p>", "<li>", "</span>", "<", ">",
    "a", "word", "• ", ".", "x#", "\xa0", "`code`", "``", "https://x.dev/a", "www.y", "ftp://f", "<!-- c -->",
    "<!--", "-->", "[ref]", "[ref]: https://r.dev", "{{ name }}", "| a |", "<pre>", "</pre>", "<code",
    "<script>", "</SCRIPT>", "é", "\r", "\r\n", "\n", "\n\n", "Title", "---", "```", '<a id="x"></a>',
]  # fmt: skip
soups = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def slow_lines(doc: Document, hidden: set[int], numbers: Iterable[int]) -> dict[int, tuple[str, int]]:
    """Each line's text and column, a character at a time: characters in `hidden` are spaces,
    and the text runs from the first to the last one that is neither blank nor markup."""
    markup = {i for start, end in doc.views.markup for i in range(start, end)}
    found = {}
    for number in numbers:
        begin = doc.offset(number)
        line = "".join(" " if begin + i in hidden else c for i, c in enumerate(doc.lines[number - 1]))
        if not line or line.isspace():
            continue
        kept = [i for i, c in enumerate(line) if c not in " \t" and begin + i not in markup]
        found[number] = (line[kept[0] : kept[-1] + 1], kept[0] + 1) if kept else ("", 0)
    return found


def without_empty_columns(lines: dict[int, TextLine]) -> dict[int, tuple[str, int]]:
    """Lines as (text, column), an empty text at column 0: where it sits is the markup's to say."""
    return {n: (line.text, line.column if line.text else 0) for n, line in lines.items()}


@settings(max_examples=examples(400), deadline=None)
@given(soups, st.sampled_from(["markdown", "html", "text"]))
def test_the_view_combines_the_regions_as_a_slow_reading_does(soup: str, fmt: str) -> None:
    try:
        doc = parse(soup, f"draft.{fmt}", fmt)  # type: ignore[arg-type]
    except ParseError:  # front matter that is no YAML
        assume(False)
        return
    hidden = {i for start, end in doc.not_text for i in range(start, end)}
    masked = "".join(" " if i in hidden and c not in "\r\n" else c for i, c in enumerate(doc.source))
    hidden |= {i for start, end in url_spans(masked) for i in range(start, end)}
    first, last = doc.body_lines or (1, len(doc.lines))
    assert without_empty_columns(doc.views.lines) == slow_lines(doc, hidden, range(first, last + 1))
    comments = {
        i
        for c in doc.comments
        for i in range(doc.offset(c.span.line, c.span.column), doc.offset(c.span.end_line, c.span.end_column))
    }
    assert without_empty_columns(doc.views.typed_lines) == slow_lines(doc, comments, doc.views.lines)


@settings(max_examples=examples(600), deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=8)
    .map("".join)
    .filter(lambda line: "\n" not in line and "\r" not in line)
)
def test_the_markdown_decoration_peels_as_the_slow_reading_does(line: str) -> None:
    assert markdown_decoration.decoration(line) == old_strip(line)


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "\n", "://", "http", "https", "w", "ww.", "h", "s"]), max_size=20))
def test_url_spans_are_the_url_patterns_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert url_spans(text) == [m.span() for m in URL.finditer(text)]
