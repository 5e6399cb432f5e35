"""Only content is content: never layouts, includes, templates, archetypes, themes, build
output or dependencies; list pages are told from posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.site import Site, find_site, find_sites
from seolint.site.configs import front_matter_of
from tests.conftest import FIXTURES
from tests.test_site_detect import shared

SITES = FIXTURES / "sites"
NEVER = {
    "layouts",
    "_layouts",
    "_includes",
    "templates",
    "archetypes",
    "themes",
    "_site",
    "node_modules",
    "static",
}


def site_of(path: Path) -> Site:
    site = find_site(path)
    assert site is not None
    return site


def kinds(site: Site) -> dict[str, str]:
    return {
        f.relative_to(site.root).as_posix(): site.page_kind(
            f, front_matter_of(f.read_text(encoding="utf-8"))
        ).kind
        for f in site.content_files()
    }


EXPECTED = {
    "hugo": {
        "content/_index.md": "landing",
        "content/about.md": "post",
        "content/posts/_index.md": "list",
        "content/posts/bundle-post/index.md": "post",
        "content/posts/first-steps.md": "post",
    },
    "jekyll": {
        "_drafts/unfinished-thoughts.md": "post",
        "_posts/2024/2024-04-01-second-post.md": "post",
        "_posts/2024-03-05-hello-liquid.md": "post",
        "_recipes/bread.md": "post",
        "about.md": "post",
        "blog/index.html": "list",
        "colophon.md": "post",
        "index.html": "landing",
    },
    "zola": {
        "content/_index.md": "landing",
        "content/blog/2024-01-15-Café-Notes.md": "post",
        "content/blog/_index.md": "list",
        "content/blog/moved.md": "post",
        "content/blog/with-assets/index.md": "post",
    },
    "docusaurus": {
        "blog/2024-02-02-launch-day.md": "post",
        "docs/guides/setup.mdx": "docs",
        "docs/intro.md": "post",
        "src/pages/about.md": "post",
    },
    "astro": {
        "src/content/blog/first-light.md": "post",
        "src/content/blog/star-charts.mdx": "post",
        "src/pages/guides/index.md": "docs",
    },
    "mkdocs": {"pages/guide/install.md": "docs", "pages/index.md": "post"},
}


@pytest.mark.parametrize("generator", sorted(EXPECTED))
def test_fixture_sites_select_exactly_their_content(generator: str) -> None:
    assert kinds(site_of(SITES / generator)) == EXPECTED[generator]


@pytest.mark.parametrize(
    "path",
    [
        "hugo/layouts/_default/single.html",
        "hugo/layouts/partials/nav.html",
        "hugo/archetypes/default.md",
        "hugo/themes/paper/layouts/_default/single.html",
        "hugo/hugo.toml",
        "jekyll/_layouts/post.html",
        "jekyll/_includes/cta.html",
        "jekyll/_site/index.html",
        "jekyll/README.md",
        "jekyll/drafts-notes/ideas.md",
        "jekyll/latest.txt",
        "zola/templates/page.html",
        "zola/templates/shortcodes/quote.html",
        "docusaurus/docs/_shared-note.mdx",
        "astro/src/pages/_unlisted.md",
        "astro/src/layouts/Post.astro",
        "mkdocs/overrides/main.html",
    ],
)
def test_templates_includes_and_excluded_files_are_not_content(path: str) -> None:
    assert not site_of(SITES / path).is_content(SITES / path)


def test_dependencies_are_never_content(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docusaurus.config.js").write_text(
        "module.exports = {url: 'https://x.example'};", encoding="utf-8"
    )
    vendored = tmp_path / "docs" / "node_modules" / "pkg" / "readme.md"
    vendored.parent.mkdir(parents=True)
    vendored.write_text("# A dependency\n", encoding="utf-8")
    (tmp_path / "docs" / "page.md").write_text("# A page\n", encoding="utf-8")
    site = site_of(tmp_path)
    assert not site.is_content(vendored)
    assert [p.name for p in site.content_files()] == ["page.md"]


def test_a_plain_folder_treats_every_draft_as_content() -> None:
    site = find_site(SITES / "hugo" / "layouts", "plain")
    assert site is not None and site.is_content(SITES / "hugo" / "layouts" / "_default" / "single.html")


@pytest.mark.parametrize(
    ("name", "count", "lists"),
    [("hugo-fluxcd", 235, 37), ("jekyll-docs", 212, 1), ("zola-rust-blog", 754, 3)],
)
def test_shared_sites_content_has_no_template_files(name: str, count: int, lists: int) -> None:
    (site,) = find_sites(shared(name))
    files = site.content_files()
    assert not [f for f in files if NEVER & set(f.relative_to(site.root).parts)]
    assert len(files) == count
    assert sum(site.page_kind(f).kind in ("list", "landing") for f in files) == lists


def test_shared_sites_content_is_what_the_layout_says() -> None:
    (hugo,) = find_sites(shared("hugo-fluxcd"))
    assert hugo.content_roots() == (hugo.root / "content" / "en",)  # module.mounts: content/en -> content
    (jekyll,) = find_sites(shared("jekyll-docs"))
    docs = jekyll.root
    assert jekyll.is_content(docs / "_docs" / "installation.md")
    assert jekyll.is_content(docs / "_posts" / "2013-05-06-jekyll-1-0-0-released.markdown")
    assert jekyll.is_content(docs / "pages" / "team.md")
    assert not jekyll.is_content(docs / "readme.md")  # `exclude` in _config.yml
    assert not jekyll.is_content(docs / "_includes" / "footer.html")
    assert not jekyll.is_content(docs / "latest_version.txt")
    (zola,) = find_sites(shared("zola-rust-blog"))
    assert not zola.is_content(zola.root / "templates" / "page.html")
