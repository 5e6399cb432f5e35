"""The light HTML tree has the shape BeautifulSoup's html.parser builder gave the rules."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.html import tokens as html_tokens
from seolint.parse.html.tree import NOT_CONTENT, Nesting, Tree, attributes, read
from tests.examples import examples

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


def children(tree: Tree) -> dict[int, list[Any]]:
    """Each element's children (elements and text), by id(element), from the tree's events."""
    found: dict[int, list[Any]] = {id(tree.root): []}
    open_now = [tree.root]
    for event in tree.events[1:-1]:
        if event is None:
            open_now.pop()
        elif isinstance(event, str):
            found[id(open_now[-1])].append(event)
        else:
            found[id(open_now[-1])].append(event)
            found[id(event)] = []
            open_now.append(event)
    return found


def ours(source: str) -> list[Any]:
    tree = read(source)
    kids = children(tree)
    return shape(
        kids[id(tree.root)],
        lambda e: e.name,
        lambda e: sorted(e.attrs.items()),
        lambda e: kids[id(e)],
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


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(TOKENS, min_size=4, max_size=60).map("".join))
def test_tree_matches_beautifulsoup_on_tag_soup(source: str) -> None:
    assert ours(source) == beautifulsoup(source)


class _Recorder:
    """A Nesting sink that writes down what it hears, as `events` describes a tree."""

    def __init__(self) -> None:
        self.heard: list[Any] = []
        self.comments: list[Any] = []

    def enter(self, tag: html_tokens.StartTag) -> None:
        self.heard.append(("enter", tag.name, attributes(tag), tag.start, tag.end))

    def leave(self, name: str, end: html_tokens.EndTag | None) -> None:
        self.heard.append("leave")

    def text(self, text: str) -> None:
        self.heard.append(text)

    def comment(self, comment: html_tokens.Comment) -> None:
        self.comments.append((comment.text, comment.start, comment.end))


def events(tree: Tree) -> list[Any]:
    return [
        "leave" if e is None else e if isinstance(e, str) else ("enter", e.name, e.attrs, e.offset, e.end)
        for e in tree.events[1:-1]
    ]


PAGE_TOKENS = st.one_of(
    TOKENS,
    st.sampled_from(
        ["<pre>", "</pre>", "<rt>", "<rp>", "</rp>", "<template>", "<style>p{}</style>", "<title>"]
    ),
    st.sampled_from(
        ["<p id=x class=' a  b '>", "<a href=/x/ rel='nofollow  ugc'>", "<img src=a alt>", "<a x=1=2>"]
    ),
    st.sampled_from(
        ['<a href="/x" rel="b  c">', '<p class="a">', '<img src="a" alt=""/>', '<td headers=" x y">']
    ),
)


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(PAGE_TOKENS, min_size=4, max_size=60).map("".join))
def test_a_page_tree_nests_as_nesting_does_over_the_tokens(source: str) -> None:
    """The page's tree builder and `Nesting` (which reads the HTML in Markdown) agree."""
    recorder = _Recorder()
    nesting = Nesting(recorder)
    nesting.feed(html_tokens.tokenize(source))
    nesting.close()
    tree = read(source)
    assert events(tree) == recorder.heard
    assert [(c.text, c.start, c.end) for c in tree.comments] == recorder.comments


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
    source = "<html>\n  <body><p class='a'>x</p></body>\n</html>"
    paragraph = next(e for e in read(source).elements if e.name == "p")
    assert source[paragraph.offset : paragraph.end] == "<p class='a'>"


def test_legacy_entity_without_semicolon_is_decoded_as_browsers_do() -> None:
    """The one deliberate difference: BeautifulSoup kept "&copy2024"; HTML5 reads "©2024"."""
    assert ours("<p>&copy2024 AT&amp;T</p>") == [("p", [], ["©2024 AT&T"])]


def test_list_attributes_have_their_whitespace_collapsed() -> None:
    link = read('<a class="  one   two " rel=" nofollow  ugc" title="  kept  as is ">x</a>').elements[0]
    assert (link.classes(), link.get("rel"), link.get("title")) == (
        ["one", "two"],
        "nofollow ugc",
        "  kept  as is ",
    )
