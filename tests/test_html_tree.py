"""The light HTML tree has the shape BeautifulSoup's html.parser builder gave the rules."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.html_tree import NOT_CONTENT, Element, build

NAMES = ["p", "div", "a", "b", "br", "img", "li", "pre", "main", "nav", "title", "rt", "script", "noscript"]
TEXTS = ["hello", "\n  ", "a&amp;b", "&#x41;", "&foo bar", "x&#128;y", "5 < 6", "a>b", "&nbsp;"]
TOKENS = st.one_of(
    st.sampled_from(NAMES).map(lambda n: f"<{n}>"),
    st.sampled_from(NAMES).map(lambda n: f'<{n} class=" x  y " href="#" role="main" alt="q">'),
    st.sampled_from(NAMES).map(lambda n: f"</{n}>"),
    st.sampled_from(NAMES).map(lambda n: f"<{n}/>"),
    st.just("<!-- a comment -->"),
    st.sampled_from(TEXTS),
)


def shape(children: list[Any], name_of: Any, attrs_of: Any, kids_of: Any, is_text: Any) -> list[Any]:
    """Elements as (name, attributes, children); adjacent text merged, whitespace collapsed."""
    out: list[Any] = []
    text: list[str] = []
    for child in children:
        if is_text(child):
            text.append(str(child))
        elif not isinstance(child, str):
            if " ".join("".join(text).split()):
                out.append(" ".join("".join(text).split()))
            text = []
            out.append(
                (name_of(child), attrs_of(child), shape(kids_of(child), name_of, attrs_of, kids_of, is_text))
            )
    if " ".join("".join(text).split()):
        out.append(" ".join("".join(text).split()))
    return out


def ours(source: str) -> list[Any]:
    root = build(source)
    return shape(
        root.children,
        lambda e: e.name,
        lambda e: sorted(e.attrs.items()),
        lambda e: e.children,
        lambda c: isinstance(c, str),
    )


def beautifulsoup(source: str) -> list[Any]:
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(list(NOT_CONTENT)):
        tag.decompose()
    return shape(
        [c for c in soup.contents if isinstance(c, Tag) or type(c) is NavigableString],
        lambda t: t.name,
        lambda t: sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in t.attrs.items()),
        lambda t: [c for c in t.contents if isinstance(c, Tag) or type(c) is NavigableString],
        lambda c: type(c) is NavigableString,
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(TOKENS, min_size=4, max_size=60).map("".join))
def test_tree_matches_beautifulsoup_on_tag_soup(source: str) -> None:
    assert ours(source) == beautifulsoup(source)


def test_end_tag_closes_everything_opened_inside_it() -> None:
    assert ours("<div><p><b>bold</div>after") == [("div", [], [("p", [], [("b", [], ["bold"])])]), "after"]


def test_stray_end_tags_and_void_end_tags_change_nothing() -> None:
    assert ours("<p>a</span></br>b</p><p>c</p>") == [("p", [], ["ab"]), ("p", [], ["c"])]


def test_script_noscript_and_ruby_text_are_not_in_the_tree() -> None:
    tree = ours(
        "<p>kept<script>x()</script><noscript><a href='/x'>no</a></noscript><ruby>漢<rt>kan</rt></ruby></p>"
    )
    assert tree == [("p", [], ["kept", ("ruby", [], ["漢", ("rt", [], [])])])]


def test_positions_are_the_start_tags() -> None:
    root = build("<html>\n  <body><p class='a'>x</p></body>\n</html>")
    paragraph = next(e for e in root.descendants() if e.name == "p")
    assert (paragraph.line, paragraph.column) == (2, 8)


def test_legacy_entity_without_semicolon_is_decoded_as_browsers_do() -> None:
    """The one deliberate difference: BeautifulSoup kept "&copy2024"; HTML5 reads "©2024"."""
    assert ours("<p>&copy2024 AT&amp;T</p>") == [("p", [], ["©2024 AT&T"])]


def test_list_attributes_have_their_whitespace_collapsed() -> None:
    root = build('<a class="  one   two " rel=" nofollow  ugc" title="  kept  as is ">x</a>')
    link = next(root.descendants())
    assert isinstance(link, Element)
    assert (link.classes(), link.get("rel"), link.get("title")) == (
        ["one", "two"],
        "nofollow ugc",
        "  kept  as is ",
    )
