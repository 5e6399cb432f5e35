"""How link rules split a target into scheme and host: as `urllib.parse.urlsplit` does.

Plain targets are split by a regex of their own, so these tests hold it to `urlsplit`'s
answer on generated targets and on the shapes that differ (userinfo, ports, no scheme).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.checks.links import _scheme_host, _written_copies, link_kind
from tests.examples import examples


def by_urlsplit(href: str) -> tuple[str, str]:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return "", ""
    return parts.scheme.lower(), (parts.hostname or "").lower()


PIECES = [
    "http", "https", "HTTPS", "ftp", "mailto", "a+b.c-d", "1x", ":", "//", "/", "?", "#", "@", "[", "]",
    "::1", "example.com", "Host.Example", "www", ".", "-", "80", "user:pw", " ", "\t", "\n", "\x00", "é",
    "%41", "x", "..", "javascript", "void(0)", "\\", "ｅ",
]  # fmt: skip


@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=9).map("".join))
def test_scheme_and_host_are_urlsplits(href: str) -> None:
    assert _scheme_host(href) == by_urlsplit(href)


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://Go.dev/doc/", ("https", "go.dev")),
        ("HTTP://user:pw@host:8080/x", ("http", "host")),
        ("//cdn.example.net/a.js", ("", "cdn.example.net")),
        ("/docs/setup/", ("", "")),
        ("../up#frag", ("", "")),
        ("mailto:someone@example.com", ("mailto", "")),
        ("1http://x", ("", "")),
        ("a@b@c://x", ("", "")),
        ("http://a@b@host/", ("http", "host")),
        ("http://[::1]:80/", ("http", "::1")),
        ("http://[::1/", ("", "")),
        (" https://x.dev ", ("https", "x.dev")),
    ],
)
def test_shapes(href: str, expected: tuple[str, str]) -> None:
    assert _scheme_host(href) == by_urlsplit(href) == expected


def test_link_kinds() -> None:
    assert link_kind("https://blog.example.org/x", ("example.org",)) == "internal"
    assert link_kind("https://go.dev/", ("example.org",)) == "external"
    assert link_kind("/about/", ()) == "internal"
    assert link_kind("mailto:x@y.z", ()) is None
    assert link_kind("https://", ()) is None


SOURCE_PIECES = [
    "http://a.b",
    "http://a.b/c",
    "x",
    "é",
    ".",
    "+",
    "-",
    "/",
    "?",
    "_",
    " ",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "٣",
]


@settings(max_examples=examples(1000), deadline=None)
@given(
    st.lists(st.sampled_from(SOURCE_PIECES), max_size=12).map("".join),
    st.sampled_from(["http://a.b", "http://a.b/c", "a.b"]),
    st.integers(0, 30),
    st.integers(0, 40),
)
def test_written_copies_are_where_the_address_pattern_matches(
    source: str, address: str, start: int, end: int
) -> None:
    written = re.compile(r"(?<![\w.+-])" + re.escape(address) + r"(?![\w/.?#%&=~+:@-])")
    expected = [m.start() for m in written.finditer(source, start, end)]
    assert list(_written_copies(source, address, start, min(end, len(source)))) == expected
