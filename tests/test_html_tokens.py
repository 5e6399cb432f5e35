"""Our HTML tokenizer splits pages exactly where the standard library's html.parser does."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.html.tokens import Comment, EndTag, Scanner, StartTag, Text, Token, tokenize
from tests.examples import examples
from tests.growth import Growth, assert_linear

PIECES = [
    "<", ">", "/", "'", '"', "=", "==", " ", "\n", "\t", "\x0b", "\x00", "\xa0", "a", "p", "x", "!", "-",
    "--", "<!--", "-->", "--!>", "&amp;", "&", "&#x41;", "&copy", "<a", "<p ", "</", "</p>", "<b x=1>",
    "<script>", "</script>", "<style>", "</style >", "<![CDATA[", "]]>", "<![if", "]>", "<?", "<!doctype",
    "`", "<img src=a.png alt='x'>", "<br/>",
]  # fmt: skip


class _Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, tuple(attrs), self.getpos(), False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, tuple(attrs), self.getpos(), True))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.events.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))

    def parse_bogus_comment(self, i: int, report: bool = True) -> int:
        return super().parse_bogus_comment(i, False)  # "<!x>" is no comment


def stdlib(source: str) -> list[Any] | None:
    recorder = _Recorder()
    try:
        recorder.feed(source)
        recorder.close()
    except AssertionError:  # "<![x": html.parser gives up; we read a bogus comment
        return None
    return recorder.events


def ours(source: str) -> list[Any]:
    events: list[Any] = []
    for token in tokenize(source):
        if isinstance(token, StartTag):
            events.append(
                ("start", token.name, token.attrs, (token.line, token.column - 1), token.self_closing)
            )
        elif isinstance(token, EndTag):
            events.append(("end", token.name))
        elif isinstance(token, Text):
            events.append(("text", token.text))
        elif isinstance(token, Comment):
            events.append(("comment", token.text))
    return events


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join))
def test_tokens_match_html_parser_on_tag_soup(source: str) -> None:
    expected = stdlib(source)
    if expected is not None:
        assert ours(source) == expected


def careful(source: str) -> list[Token]:
    """The tokens of the careful reader alone, without the one-expression pieces."""
    scanner, tokens, at = Scanner(source, lambda name, attributes: tuple(attributes)), [], 0
    while at < len(source):
        more, at = scanner.step(at)
        tokens += more
    return tokens


def every_field(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [(type(t).__name__, *(getattr(t, name) for name in sorted(t.__slots__))) for t in tokens]


# Start tags with attributes in every spelling, among the characters that make one unusual.
ATTRIBUTES = [
    " x", " X=1", " x=y", " x = 'y'", ' x="y z"', " x=y/", ' z="1"', ' Z="1"', ' y="&lt;"', ' z=""',
    '  z="1"', " data-a='<'", ' b=">"', " c=&lt;", " d=&amp;e", "\n\te='f'", "\xa0", "\x0b", "=", "/", "'",
    '"', " ",
]  # fmt: skip
START_TAGS = st.builds(
    "<{}{}{}".format,
    st.sampled_from(["a", "A", "p", "img", "script", "STYLE", "my-el", "o:p", "br"]),
    st.lists(st.sampled_from(ATTRIBUTES), max_size=4).map("".join),
    st.sampled_from([">", "/>", " >", " />", "", "<"]),
)
TAG_SOUP = st.lists(st.one_of(START_TAGS, st.sampled_from(PIECES)), min_size=1, max_size=20).map("".join)


@settings(max_examples=examples(1500), deadline=None)
@given(TAG_SOUP)
def test_the_fast_pieces_read_tags_as_the_careful_reader_does(source: str) -> None:
    assert every_field(tokenize(source)) == every_field(careful(source))


def test_most_tags_of_a_page_are_read_by_the_fast_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """The careful reader reads the doctype, comments, scripts and unusual tags only."""
    page = (
        "<!DOCTYPE html><html lang=en><head><script src='a.js'></script><title>T</title></head>"
        '<body class="x y"><p id=p1>a <a href="/b?c=d&amp;e">b</a><br/><img src=i.png alt="">'
        "<!-- c --><div data-x='1' hidden>d</div><my_tag>e</my_tag></body></html>"
    )
    careful_steps: list[str] = []
    step = Scanner.step

    def recorded(scanner: Scanner, at: int) -> tuple[list[Token], int]:
        careful_steps.append(page[at : at + 9])
        return step(scanner, at)

    monkeypatch.setattr(Scanner, "step", recorded)
    tokenize(page)
    assert careful_steps == ["<!DOCTYPE", "<script s", "<!-- c --", "<my_tag>e"]


def test_a_tag_with_a_long_run_of_spaces_is_read_in_linear_time() -> None:
    def tag_with_spaces(n: int) -> str:
        return "<p>" + "<a x=1" + " " * n + "\n" * n + ">"

    small, large = tag_with_spaces(300), tag_with_spaces(3_000)
    assert_linear(Growth("a tag with a long run of spaces", tokenize, small, large))


def test_offsets_lines_and_columns_of_a_tag() -> None:
    source = "<p>\n  x <a\nhref='/y' class=c>link</a>"
    tag = next(t for t in tokenize(source) if isinstance(t, StartTag) and t.name == "a")
    assert (tag.start, tag.end, tag.line, tag.column) == (8, 29, 2, 5)
    assert source[tag.start : tag.end] == "<a\nhref='/y' class=c>"
    assert tag.attrs == (("href", "/y"), ("class", "c"))


def test_raw_text_and_comment_bounds() -> None:
    source = "<script>if (a<b) {}</script><!-- c --><style>p{}</style>"
    assert ours(source) == [
        ("start", "script", (), (1, 0), False),
        ("text", "if (a<b) {}"),
        ("end", "script"),
        ("comment", " c "),
        ("start", "style", (), (1, 38), False),
        ("text", "p{}"),
        ("end", "style"),
    ]


def test_an_unknown_marked_section_is_skipped_not_an_error() -> None:
    assert ours("<![foo[x]]>after") == [("text", "after")]
