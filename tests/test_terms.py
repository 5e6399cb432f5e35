"""House terminology: the `terms` pack form and the built-in product names (T001)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.registry.packs.load import PackError, parse_pack
from seolint.registry.packs.terms import TermError, parse_terms, terms_pattern, terms_screen
from tests.conftest import codes_at, lint, lint_selected, run_cli
from tests.examples import examples
from tests.growth import Growth, assert_linear


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("Push the branch to Github.\n", "markdown", [(1, 20)]),
        ("## Using Javascript on MacOS\n", "markdown", [(1, 10), (1, 24)]),
        ("- [Github Discussions](https://github.com/x/y/discussions)\n", "markdown", [(1, 4)]),
        ("Github's API, VSCode and XCode.\n", "text", [(1, 1), (1, 15), (1, 26)]),
        ("<main><p>Ask on <a href='/github/'>Github</a> today.</p></main>\n", "html", [(1, 36)]),
    ],
)
def test_wrong_spellings_in_prose(text: str, fmt: str, expected: list[tuple[int, int]]) -> None:
    found = lint(text, fmt, ("T001",))  # type: ignore[arg-type]
    assert [(f.span.line, f.span.column) for f in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Clone github.com/Github/x and import `Github` or encoding/json.\n",  # domain, package path, code
        "See https://Github.io/Javascript and [the docs](../Github/Javascript.md).\n",  # URL, link target
        "Set GITHUB_TOKEN, use github-actions, ping @Github, tag #Github, run ./Github.sh.\n",
        'Searching for "Github" finds the v39 module.\n',  # a quoted search term
        "```sh\necho Github MacOS\n```\n",
        "And [GitHub][Github] here. <!-- Github -->\n\n[Github]: https://github.com/\n",
        "GitHub, JavaScript, macOS, PostgreSQL and VS Code are spelled right.\n",
        "Cisco IOS and Mac OS X 10.6 are other names.\n",
    ],
)
def test_code_urls_paths_and_right_spellings_are_untouched(text: str) -> None:
    assert lint(text, "markdown", ("T001",)) == []


def test_words_quoted_in_a_blockquote_keep_their_spelling() -> None:
    quoted = (
        "The event's abstract:\n\n"
        "> Another advance is the new VSCode extension,\n"
        "> which helps Github users.\n"
    )
    assert lint(quoted, "markdown", ("T001",)) == []
    page = "<main><p>They wrote:</p><blockquote><p>We ship on Github.</p></blockquote></main>"
    assert lint(page, "html", ("T001",)) == []


@pytest.mark.parametrize(
    ("callout", "line"),
    [
        ("> **Note:** push the tag to Github first.\n", 1),
        ("> [!TIP]\n> Push the tag to Github first.\n", 2),
        ("> ⚠️ Push the tag to Github first.\n", 1),
        ("> Heads up: push the tag to Github first.\n", 1),
    ],
)
def test_the_authors_callout_in_a_quote_is_read(callout: str, line: int) -> None:
    found = lint(callout, "markdown", ("T001",))
    assert [f.span.line for f in found] == [line]


def test_html_attributes_are_not_prose() -> None:
    page = '<main><p class="Github" title="Javascript">Plain words.</p><img alt="x" src="Github.png"></main>'
    assert lint(page, "html", ("T001",)) == []


def test_the_fix_replaces_the_spelling_only(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text("# Notes\n\nWe moved from Gitlab to Github, see github.com/a/b.\n", encoding="utf-8")
    result = run_cli(["check", "--fix", "--select", "T001", "--no-cache", str(draft)])
    assert result.exit_code == 0
    assert (
        draft.read_text(encoding="utf-8")
        == "# Notes\n\nWe moved from GitLab to GitHub, see github.com/a/b.\n"
    )


def test_extend_terms_adds_house_spellings() -> None:
    text = "We ship on Acme cloud and Github.\n"
    found = lint(text, "markdown", ("T001",), {"T001": {"extend-terms": ["Acme cloud -> Acme Cloud"]}})
    assert [(f.span.column, f.message) for f in found] == [
        (12, "write 'Acme Cloud', not 'Acme cloud'"),
        (27, "write 'GitHub', not 'Github'"),
    ]


def test_t001_is_info_by_default() -> None:
    from seolint.registry.catalog import known_rules

    assert known_rules().get("product-name").severity.label == "info"


PACK = """
[[rule]]
code = "Z900"
name = "house-words"
severity = "warning"
summary = "House spelling."
message = "use {replacement} for {match!r}"
terms = ["e-mail -> email", "Web site -> website"]
"""


def test_a_user_pack_of_terms(tmp_path: Path) -> None:
    (rule,) = parse_pack(PACK, "house.toml", set())
    pack = tmp_path / "house.toml"
    pack.write_text(PACK, encoding="utf-8")
    (tmp_path / ".seolint.toml").write_text(
        'rule-packs = ["house.toml"]\nselect = ["Z900"]\n', encoding="utf-8"
    )
    draft = tmp_path / "post.md"
    draft.write_text("Send an e-mail from the Web site.\n", encoding="utf-8")
    result = run_cli(["check", "--format", "text", "--no-cache", str(draft)])
    assert (
        rule.code == "Z900" and "use email for 'e-mail'" in result.stdout and "use website" in result.stdout
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('terms = ["Github GitHub"]', "is not 'wrong -> right'"),
        ('terms = ["Github -> Github"]', "with itself"),
        ("terms = []\n", "list of 'wrong -> right'"),
        ('terms = ["a -> b"]\npatterns = ["x"]', "'patterns' does not go with terms"),
        ('terms = ["a -> b"]\nscope = "prose"', "reads scope 'lines'"),
        ('terms = ["a -> b"]\nmessage = "{other}"', "field '{other}' is not allowed"),
    ],
)
def test_broken_terms_rules_are_named(extra: str, message: str) -> None:
    base = 'code = "Z901"\nname = "z"\nseverity = "info"\nsummary = "s"\n'
    text = "[[rule]]\n" + base + ("" if "message" in extra else 'message = "{match}"\n') + extra + "\n"
    with pytest.raises(PackError, match="Z901") as raised:
        parse_pack(text, "p.toml", set())
    assert message in str(raised.value)


def test_parse_terms_trims_and_refuses() -> None:
    assert parse_terms(["  Java  Script ->  JavaScript "]) == (("Java Script", "JavaScript"),)
    with pytest.raises(TermError):
        parse_terms(["a -> b -> c"])


def test_multi_word_spellings_match_across_spaces() -> None:
    assert codes_at(lint("Try  Java Script now.\n", "markdown", ("T001",))) == [(1, "T001")]


@pytest.mark.slow  # ~20 s of counted instructions in all; CI's slow set runs them
@pytest.mark.parametrize(
    "filler", ["Github ", "Github", "Java ", "<a x='Github' ", "[Github](", "-" * 5 + "Github"]
)
def test_terms_take_linear_time_on_hostile_lines(filler: str) -> None:
    from functools import partial

    small, large = ("# T\n\n" + filler * (size // len(filler)) + "\n" for size in (5_000, 50_000))
    assert_linear(Growth(repr(filler), partial(lint_selected, select=("T001",)), small, large))


_SCREENED_TERMS = parse_terms(["Github -> GitHub", "Mac OS -> macOS", "Node.js -> Node.js (v)", "k8s -> K8s"])
_PIECES = ["Github", "Mac", "OS", "Node.js", "k8s", " ", "\t", ".", "/", "-", "@", "x", "_"]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(_PIECES)))
def test_a_line_the_screen_misses_has_no_match(pieces: list[str]) -> None:
    line = "".join(pieces)
    screen, pattern = terms_screen(_SCREENED_TERMS), terms_pattern(_SCREENED_TERMS)
    if pattern.search(line):
        assert screen.search(line)
