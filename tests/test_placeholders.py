"""Link placeholders in every form and format (L001), and never counted as links (L002, L003,
W001): issue 27."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.checks.links import link_kind
from seolint.document.placeholders import (
    BRACKETED,
    PARENTHESIZED,
    is_placeholder_target,
    may_hold_placeholder,
)
from tests.conftest import codes_at, lint
from tests.examples import examples
from tests.test_site_rules import check, found, hugo_site, post


@pytest.mark.parametrize(
    "target",
    [
        "", "#", "TODO", "url", "https://example.com/x", "{{CTA_LINK}}", "[insert link to the guide]",
        "[URL]", "link-to-the-pricing-page", "link_to_docs", "/link-to-our-post", "insert-link-here",
        "insert link here", "your-url", "URL goes here", "placeholder-link", "#link-to-section-3",
    ],
)  # fmt: skip
def test_placeholder_targets(target: str) -> None:
    assert is_placeholder_target(target)
    assert link_kind(target, ()) is None


@pytest.mark.parametrize(
    "target",
    [
        "/docs/link-to-rust.html", "../links/to/page.md", "https://linktr.ee/x", "link-checker",
        "/urls/", "https://go.dev/", "links.md", "{{< ref \"x\" >}}", "{{.URL}}", "insert.html",
    ],
)  # fmt: skip
def test_real_targets(target: str) -> None:
    assert not is_placeholder_target(target)


@pytest.mark.parametrize(
    ("text", "fmt", "columns"),
    [
        ("See [Internal link: pricing] and [External links: RFC 7519].", "markdown", [5, 34]),
        ("The data comes from [Source: insert survey link].", "text", [21]),
        ("Apple documents it (link). The spec covers more (URL here).", "text", [20, 49]),
        ("Read [the guide](insert link here) first.", "markdown", [17]),
        ('<main><p>Read <a href="[insert link]">this</a>.</p></main>', "html", [15]),
        ('<main><p>Read <a href="link-to-guide">the guide</a>.</p></main>', "html", [15]),
    ],
)
def test_placeholders_in_prose_and_targets(text: str, fmt: str, columns: list[int]) -> None:
    findings = lint(text + "\n", fmt, ("L001",))  # type: ignore[arg-type]
    assert [f.span.column for f in findings] == columns


@pytest.mark.parametrize(
    "text",
    [
        "The consumer (source) reports its lag, and source (URL) references are gone.",
        "Limits of other tools ([link](https://internals.example.dev/t/31)).",
        "The [link-checker](https://github.com/acme/link-checker) runs nightly.",
        "`[insert link]` is what the template prints, and so is `(link)`.",
    ],
)
def test_near_misses_stay_quiet(text: str) -> None:
    assert lint(text + "\n", "markdown", ("L001",)) == []


def test_placeholders_never_count_as_links() -> None:
    text = "# Post\n\nSee [the guide](link-to-guide), [docs]([insert link]) and [spec](#).\n"
    assert sorted(code for _, code in codes_at(lint(text, "markdown", ("L002", "L003")))) == ["L002", "L003"]
    real = text.replace("link-to-guide", "/docs/guide/")
    assert [code for _, code in codes_at(lint(real, "markdown", ("L002", "L003")))] == ["L003"]


def test_a_site_does_not_report_placeholders_as_broken_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = hugo_site(tmp_path, {"posts/a.md": post("A", "Read [b](link-to-post-b) and [c](/posts/gone/).")})
    result = check(root, "--select", "W001,L001", ".", monkeypatch=monkeypatch)
    assert found(result, "W") == [("content/posts/a.md", 5, "W001")]
    assert found(result, "L") == [("content/posts/a.md", 5, "L001")]


_PIECES = [
    "[",
    "]",
    "(",
    ")",
    " ",
    ":",
    "Link",
    "links",
    "URL",
    "source",
    "TK",
    "insert",
    "add",
    "a",
    "to",
    "here",
]
_PIECES += ["internal", "\u212a", "\u0131", "li", "nk", "ur", "l", "x", "."]  # Kelvin sign, dotless i


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_a_line_told_apart_holds_no_placeholder(pieces: list[str]) -> None:
    text = "".join(pieces)
    if BRACKETED.search(text) or PARENTHESIZED.search(text):
        assert may_hold_placeholder(text)
