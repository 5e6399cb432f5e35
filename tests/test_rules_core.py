"""Options and edge cases of the first rules (H001-H004, H006, L001, I001)."""

from __future__ import annotations

import pytest

from tests.conftest import codes_at, lint

TITLED = '---\ntitle: "Front matter title"\n---\n\n'


def test_title_is_h1_option_for_missing_h1() -> None:
    assert codes_at(lint(TITLED + "## Section\n", select=("H001",))) == []
    off = {"H001": {"title-is-h1": False}}
    assert codes_at(lint(TITLED + "## Section\n", select=("H001",), rules=off)) == [(1, "H001")]


def test_title_is_h1_option_for_multiple_h1() -> None:
    text = TITLED + "# Body title\n"
    assert codes_at(lint(text, select=("H002",))) == [(5, "H002")]
    assert codes_at(lint(text, select=("H002",), rules={"H002": {"title-is-h1": False}})) == []


def test_title_is_h1_option_for_heading_skip() -> None:
    text = TITLED + "### Starts deep\n"
    assert codes_at(lint(text, select=("H003",))) == [(5, "H003")]
    assert codes_at(lint(text, select=("H003",), rules={"H003": {"title-is-h1": False}})) == []


def test_html_title_tag_is_not_an_h1() -> None:
    page = "<html><head><title>A page title</title></head><body><h2>Only h2</h2></body></html>"
    assert codes_at(lint(page, "html", select=("H001",))) == [(1, "H001")]


def test_going_back_up_any_number_of_levels_is_fine() -> None:
    assert codes_at(lint("# A\n\n## B\n\n### C\n\n#### D\n\n## E\n\n# F\n", select=("H003",))) == []


@pytest.mark.parametrize("text", ["## \n", "## ***\n", "<h2> </h2>"])
def test_empty_heading_variants(text: str) -> None:
    fmt = "html" if text.startswith("<") else "markdown"
    assert [code for _, code in codes_at(lint(text, fmt, select=("H004",)))] == ["H004"]


def test_pseudo_heading_markdown_variants_and_near_misses() -> None:
    text = "## H2: Leaked\n\n**H3: Bold**\n\nThe H2: tag in a sentence.\n\nH2O boils.\n"
    assert codes_at(lint(text, select=("H006",))) == [(1, "H006"), (3, "H006")]


def test_link_placeholder_allow_hash_option() -> None:
    text = "[menu](#) and [docs](TODO)\n"
    assert codes_at(lint(text, select=("L001",))) == [(1, "L001"), (1, "L001")]
    assert codes_at(lint(text, select=("L001",), rules={"L001": {"allow-hash": True}})) == [(1, "L001")]


def test_link_placeholder_extend_targets_option() -> None:
    text = "[docs](FIXME-LINK)\n"
    assert codes_at(lint(text, select=("L001",))) == []
    extended = {"L001": {"extend-targets": ["fixme-link"]}}
    assert codes_at(lint(text, select=("L001",), rules=extended)) == [(1, "L001")]


@pytest.mark.parametrize(
    "target",
    ["", "#", "URL", "link", "https://", "http://example.org", "javascript:void(0)", "{{ product_url }}"],
)
def test_link_placeholder_targets(target: str) -> None:
    assert codes_at(lint(f'<a href="{target}">x</a>', "html", select=("L001",))) == [(1, "L001")]


@pytest.mark.parametrize(
    "target",
    ["#install", "/docs/", "https://example.community/", "{{.URL}}", "{{< ref 'x' >}}", "mailto:a@b.c"],
)
def test_link_placeholder_real_targets(target: str) -> None:
    assert codes_at(lint(f'<a href="{target}">x</a>', "html", select=("L001",))) == []


def test_bracketed_placeholders_in_html_and_text() -> None:
    assert codes_at(lint("<p>See [Insert link] here.</p>", "html", select=("L001",))) == [(1, "L001")]
    assert codes_at(lint("Intro\n\n[URL]\n\n[1] a citation\n", "text", select=("L001",))) == [(3, "L001")]


def test_image_alt_missing_in_markdown_and_html() -> None:
    text = "![](a.png)\n\n![ok](b.png)\n\n<img src='c.png'>\n\n<img src='d.png' alt=''>\n"
    assert codes_at(lint(text, select=("I001",))) == [(1, "I001"), (5, "I001")]
