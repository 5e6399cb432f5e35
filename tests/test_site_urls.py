"""Where each page publishes, as its generator's rules say (expected values worked out by
hand from the front matter and config of each file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.site import find_site, url_key
from seolint.site.configs import front_matter_of
from seolint.site.slugs import hugo_path, jekyll_slugify, zola_slugify
from tests.conftest import FIXTURES
from tests.test_site_detect import shared

SITES = FIXTURES / "sites"


def urls(path: Path) -> list[str]:
    site = find_site(path)
    assert site is not None
    return site.url_for(path, front_matter_of(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # Hugo: [permalinks.page] posts = "/:year/:month/:slug/"; :slug falls back to the title
        ("hugo/content/posts/first-steps.md", ["/2024/03/first-steps-with-go-modules/"]),
        # a leaf bundle with `slug` and `aliases` (the relative one is relative to its section)
        (
            "hugo/content/posts/bundle-post/index.md",
            ["/2024/02/bundled/", "/old/bundle/", "/posts/legacy-bundle"],
        ),
        ("hugo/content/about.md", ["/about-us/"]),  # `url` wins as written
        ("hugo/content/posts/_index.md", ["/posts/"]),
        ("hugo/content/_index.md", ["/"]),
        # Jekyll: permalink pretty, baseurl /notes; categories lowercased and escaped; date from front matter
        ("jekyll/_posts/2024-03-05-hello-liquid.md", ["/notes/2024/03/05/hello-liquid/"]),
        (
            "jekyll/_posts/2024/2024-04-01-second-post.md",
            ["/notes/tools/kitchen%20sink/2024/04/02/second-post/"],
        ),
        ("jekyll/_recipes/bread.md", ["/notes/r/bread/", "/notes/bread.html"]),  # collection permalink
        ("jekyll/about.md", ["/notes/about/"]),
        ("jekyll/colophon.md", ["/notes/colophon/"]),  # a page under a pretty style
        ("jekyll/index.html", ["/notes/"]),
        ("jekyll/_drafts/unfinished-thoughts.md", []),  # drafts are not published
        # Zola: date prefix dropped, slugify "on" transliterates and lowercases
        ("zola/content/blog/2024-01-15-Café-Notes.md", ["/blog/cafe-notes/"]),
        ("zola/content/blog/moved.md", ["/archive/moved-post/", "/blog/old-moved/", "/blog/old-moved.html"]),
        ("zola/content/blog/with-assets/index.md", ["/blog/assets-post/"]),
        ("zola/content/blog/_index.md", ["/blog/"]),
        ("docusaurus/docs/intro.md", ["/docs-site/docs/"]),
        ("docusaurus/docs/guides/setup.mdx", ["/docs-site/docs/guides/setup"]),
        ("docusaurus/blog/2024-02-02-launch-day.md", ["/docs-site/blog/2024/02/02/launch-day"]),
        ("docusaurus/src/pages/about.md", ["/docs-site/about"]),
        ("astro/src/pages/guides/index.md", ["/guides/"]),
        ("astro/src/content/blog/first-light.md", []),  # a route's code decides
        ("mkdocs/pages/guide/install.md", ["/toolbox/guide/install/"]),
        ("mkdocs/pages/index.md", ["/toolbox/"]),
    ],
)
def test_fixture_pages_publish_where_their_generator_puts_them(path: str, expected: list[str]) -> None:
    assert urls(SITES / path) == expected


def test_a_plain_folder_publishes_files_at_their_path() -> None:
    site = find_site(SITES / "mkdocs" / "pages", "plain")
    assert site is not None
    assert site.url_for(SITES / "mkdocs" / "pages" / "guide" / "install.md") == ["/guide/install.md"]


@pytest.mark.parametrize(
    ("site_name", "path", "expected"),
    [
        ("hugo-fluxcd", "content/en/blog/2022-05-04-april-update.md", ["/blog/2022/05/april-2022-update/"]),
        # no `url`: blog = "/:section/:year/:month/:slug/" with the title as slug
        (
            "hugo-fluxcd",
            "content/en/blog/2021-01-06-january-update.md",
            ["/blog/2021/01/january-2021-update/"],
        ),
        ("hugo-fluxcd", "content/en/flux/faq.md", ["/flux/faq/"]),
        ("hugo-fluxcd", "content/en/flux/_index.md", ["/flux/"]),
        (
            "jekyll-docs",
            "docs/_posts/2013-05-06-jekyll-1-0-0-released.markdown",
            ["/news/2013/05/06/jekyll-1-0-0-released/"],
        ),
        ("jekyll-docs", "docs/_tutorials/cache-api.md", ["/tutorials/cache-api/"]),
        (
            "jekyll-docs",
            "docs/_docs/index.md",
            ["/docs/", "/docs/home/", "/docs/quickstart/", "/docs/extras/"],
        ),
        ("jekyll-docs", "docs/pages/team.md", ["/team/"]),
        ("zola-rust-blog", "content/Rust-1.88.0.md", ["/2025/06/26/Rust-1.88.0/", "/releases/1.88.0"]),
        ("zola-rust-blog", "content/releases/latest.md", ["/releases/latest/"]),
        ("zola-rust-blog", "content/inside-rust/_index.md", ["/inside-rust/"]),
    ],
)
def test_shared_site_pages_publish_where_their_config_says(
    site_name: str, path: str, expected: list[str]
) -> None:
    assert urls(shared(site_name) / path) == expected


def test_no_two_pages_of_a_shared_site_claim_one_url() -> None:
    site = find_site(shared("zola-rust-blog") / "content")
    assert site is not None
    primaries = [
        url_key(site.url_for(f, front_matter_of(f.read_text(encoding="utf-8")))[0])
        for f in site.content_files()
    ]
    assert len(primaries) == len(set(primaries)) == 754


def test_url_keys_match_the_forms_a_server_treats_as_one_page() -> None:
    assert url_key("/a/b/") == url_key("/a/b") == url_key("/a/b/index.html") == url_key("/a/b/#top") == "/a/b"
    assert url_key("/") == url_key("/index.html") == "/"


def test_slug_functions_follow_each_generator() -> None:
    assert hugo_path("My First Post!") == "my-first-post"
    assert hugo_path("C++ & Go", lowercase=False) == "C++-Go"
    assert jekyll_slugify("Hello, World_2") == "hello-world-2"
    assert jekyll_slugify("Hello, World.txt", "pretty", cased=True) == "Hello,-World.txt"  # pretty keeps ,
    assert zola_slugify("Café Notes") == "cafe-notes"
    assert zola_slugify("Café Notes?", "safe") == "Café-Notes"
    assert zola_slugify("Café Notes?", "off") == "Café Notes?"


@pytest.mark.parametrize(
    "path",
    [
        "zola/templates/page.html",
        "mkdocs/mkdocs.yml",
        "docusaurus/docusaurus.config.js",
        "jekyll/_layouts/post.html",
    ],
)
def test_a_file_that_is_not_a_page_publishes_nowhere(path: str) -> None:
    site = find_site(SITES / path)
    assert site is not None and site.url_for(SITES / path) == []
