"""Template syntax is read for what it means (links, images, code, opaque), the title's
heading level comes from the site's own template, and link targets resolve to files."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.site import LinkTarget, Region, Site, find_site
from seolint.site.configs import front_matter_of
from tests.conftest import FIXTURES
from tests.test_site_detect import shared

SITES = FIXTURES / "sites"


def site_at(folder: str) -> Site:
    site = find_site(SITES / folder)
    assert site is not None
    return site


def regions_of(site: Site, path: Path) -> list[tuple[str, str, Region]]:
    text = path.read_text(encoding="utf-8")
    return [(r.kind, text[r.start : r.end], r) for r in site.template_regions(text, path)]


def test_hugo_shortcodes_are_links_images_code_or_opaque() -> None:
    site = site_at("hugo")
    found = regions_of(site, SITES / "hugo" / "content" / "posts" / "first-steps.md")
    links = [(r.target, r.syntax) for kind, _, r in found if kind == "link"]
    assert links == [("bundle-post", "ref"), ("/about.md", "relref")]
    (image,) = [r for kind, _, r in found if kind == "image"]
    assert (image.target, image.alt, image.caption) == (
        "/img/modules.png",
        "A module graph with three packages",
        "The module graph",
    )
    (code,) = [(source, r) for kind, source, r in found if kind == "code"]
    assert (
        code[1].language == "go"
        and code[0].startswith("{{< highlight")
        and code[0].endswith("{{< /highlight >}}")
    )
    assert code[1].body is not None
    text = (SITES / "hugo" / "content" / "posts" / "first-steps.md").read_text(encoding="utf-8")
    assert "// TODO" in text[code[1].body[0] : code[1].body[1]]
    opaque = [source for kind, source, _ in found if kind == "opaque"]
    # the notice body is Markdown ({{% %}}): only its tags are opaque; the raw HTML body is opaque whole
    assert opaque[:2] == ["{{% notice tip %}}", "{{% /notice %}}"]
    assert opaque[2].startswith("{{< rawhtml >}}") and opaque[2].endswith("{{< /rawhtml >}}")
    assert opaque[3] == '{{</* ref "x" */>}}'


def test_a_hugo_paired_shortcode_with_a_prose_body_keeps_the_body() -> None:
    text = "{{< callout >}}\nRemember to pin the version before you release.\n{{< /callout >}}\n"
    sources = [text[r.start : r.end] for r in site_at("hugo").template_regions(text)]
    assert sources == ["{{< callout >}}", "{{< /callout >}}"]


def test_liquid_tags_are_links_code_or_opaque() -> None:
    site = site_at("jekyll")
    found = regions_of(site, SITES / "jekyll" / "_posts" / "2024-03-05-hello-liquid.md")
    links = [(source, r.target, r.syntax) for kind, source, r in found if kind == "link"]
    assert links == [
        ("{% link _recipes/bread.md %}", "_recipes/bread.md", "link"),
        ("{% post_url 2024/2024-04-01-second-post %}", "2024/2024-04-01-second-post", "post_url"),
        ("{{ '/about/' | relative_url }}", "/about/", "relative_url"),
        ("{{ site.baseurl }}/archive/", "/archive/", "relative_url"),
        ("{{ site.baseurl }}/archive/", "/archive/", "relative_url"),
    ]
    (code,) = [r for kind, _, r in found if kind == "code"]
    assert code.language == "ruby"
    opaque = [source for kind, source, _ in found if kind == "opaque"]
    # {% raw %} tags are opaque, and the {{ page.title }} between them is text, not Liquid
    assert opaque == [
        "{% raw %}",
        "{% endraw %}",
        "{% include cta.html %}",
        "{{ page.title }}",
        "{{ site.title }}",
    ]


def test_zola_internal_links_and_shortcodes() -> None:
    site = site_at("zola")
    found = regions_of(site, SITES / "zola" / "content" / "blog" / "2024-01-15-Café-Notes.md")
    assert [r.target for kind, _, r in found if kind == "link"] == [
        "@/blog/with-assets/index.md#pictures",
        "@/blog/moved.md",
    ]
    opaque = [source for kind, source, _ in found if kind == "opaque"]
    assert opaque[0] == '{{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}'
    assert opaque[1:3] == ['{% quote(author="A reader") %}', "{% end %}"]  # a prose body stays prose
    assert opaque[3].startswith('{% chart(kind="bar") %}') and opaque[3].endswith("{% end %}")  # data body


def test_mdx_imports_exports_jsx_and_admonitions_are_opaque_but_markdown_is_not() -> None:
    site = site_at("docusaurus")
    path = SITES / "docusaurus" / "docs" / "guides" / "setup.mdx"
    opaque = [source.strip() for kind, source, _ in regions_of(site, path)]
    assert opaque == [
        "import Tabs from '@theme/Tabs';",
        "import TabItem from '@theme/TabItem';",
        "export const version = '2.1';",
        "<Tabs>",
        '<TabItem value="npm" label="npm">',
        "</TabItem>",
        "</Tabs>",
        ":::tip Before you start",
        ":::",
        "{/* a comment that readers never see */}",
    ]  # the import inside the fenced code block is code, not MDX
    assert site.template_regions("import x from 'y';\n", SITES / "docusaurus" / "docs" / "intro.md") == []


def test_a_multi_line_import_is_one_region() -> None:
    text = "import {\n  Chart,\n  Legend,\n} from './charts';\n\nProse.\n"
    (region,) = site_at("astro").template_regions(text, Path("post.mdx"))
    assert text[region.start : region.end] == "import {\n  Chart,\n  Legend,\n} from './charts';"


@pytest.mark.parametrize(
    ("path", "level"),
    [
        ("hugo/content/posts/first-steps.md", 1),  # the site's single.html wins over the theme's <h3>
        ("hugo/content/posts/_index.md", None),  # no list template in the repository
        ("jekyll/_posts/2024-03-05-hello-liquid.md", 1),  # defaults -> post.html -> <h1>
        ("jekyll/about.md", None),  # no layout renders the title in a heading
        ("zola/content/blog/moved.md", 2),
        ("zola/content/blog/_index.md", 1),  # section.html
        ("docusaurus/docs/intro.md", None),
    ],
)
def test_the_title_level_comes_from_the_template_that_renders_the_page(path: str, level: int | None) -> None:
    page = SITES / path
    site = find_site(page)
    assert site is not None
    assert site.title_heading_level(page, front_matter_of(page.read_text(encoding="utf-8"))) == level


def test_a_theme_template_counts_when_the_site_has_none(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "hugo.toml").write_text('theme = "paper"\n', encoding="utf-8")
    single = tmp_path / "themes" / "paper" / "layouts" / "_default" / "single.html"
    single.parent.mkdir(parents=True)
    single.write_text("<main>\n<h3 class='t'>\n  {{ .Title | markdownify }}\n</h3></main>", encoding="utf-8")
    site = find_site(tmp_path)
    assert site is not None and site.title_heading_level() == 3


def test_the_site_title_in_a_header_is_not_the_page_title(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    single = tmp_path / "layouts" / "_default" / "single.html"
    single.parent.mkdir(parents=True)
    single.write_text("<h1>{{ .Site.Title }}</h1><article>{{ .Content }}</article>", encoding="utf-8")
    site = find_site(tmp_path)
    assert site is not None and site.title_heading_level() == 0  # the page's own title is not rendered


def test_shared_sites_title_levels() -> None:
    zola = find_site(shared("zola-rust-blog"))
    assert zola is not None and zola.title_heading_level() == 2  # templates/page.html: <h2>
    post = shared("jekyll-docs") / "docs" / "_posts" / "2013-05-06-jekyll-1-0-0-released.markdown"
    jekyll = find_site(post)
    assert jekyll is not None and jekyll.title_heading_level(post) == 2  # news_item.html: <h2>
    doc = shared("jekyll-docs") / "docs" / "_docs" / "installation.md"
    assert jekyll.title_heading_level(doc) == 1  # docs.html: <h1>
    hugo = find_site(shared("hugo-fluxcd"))
    assert hugo is not None and hugo.title_heading_level() is None  # Docsy is a module, not in the repo


def test_link_targets_resolve_to_content_files_or_site_urls() -> None:
    hugo = site_at("hugo")
    post = SITES / "hugo" / "content" / "posts" / "first-steps.md"
    content = (SITES / "hugo" / "content").resolve()
    assert (
        hugo.resolve_link("bundle-post", post, "ref").path == content / "posts" / "bundle-post" / "index.md"
    )
    assert hugo.resolve_link("/about.md", post, "relref").path == content / "about.md"
    assert hugo.resolve_link("first-steps.md#setup", post, "ref").fragment == "setup"
    missing = hugo.resolve_link("no-such-post", post, "ref")
    assert missing is not None and missing.path is not None and not missing.path.exists()
    assert hugo.resolve_link("https://example.org/about-us/#team", post).url == "/about-us/"
    assert hugo.resolve_link("https://elsewhere.example/", post) is None
    assert hugo.resolve_link("mailto:me@example.org", post) is None

    jekyll = site_at("jekyll")
    source = (SITES / "jekyll").resolve()
    hello = source / "_posts" / "2024-03-05-hello-liquid.md"
    assert jekyll.resolve_link("_recipes/bread.md", hello, "link").path == source / "_recipes" / "bread.md"
    second = source / "_posts" / "2024" / "2024-04-01-second-post.md"
    assert jekyll.resolve_link("2024/2024-04-01-second-post", hello, "post_url").path == second
    assert jekyll.resolve_link("2024-04-01-second-post", hello, "post_url").path == second
    assert jekyll.resolve_link("/about/", hello, "relative_url").url == "/notes/about/"
    assert jekyll.resolve_link("about/#team", hello, "relative_url") == LinkTarget(
        None, "/notes/about/", "team"
    )
    assert jekyll.resolve_link("../about.md", hello).path == source / "about.md"

    zola = site_at("zola")
    café = SITES / "zola" / "content" / "blog" / "2024-01-15-Café-Notes.md"
    target = zola.resolve_link("@/blog/with-assets/index.md#pictures", café)
    assert (
        target is not None
        and target.path == (SITES / "zola" / "content" / "blog" / "with-assets" / "index.md").resolve()
    )
    assert target.fragment == "pictures"


def link_targets_exist(site: Site) -> list[bool]:
    """For each link region of the site's pages, whether it resolves to an existing file."""
    exists = []
    for page in site.content_files():
        for region in site.template_regions(page.read_text(encoding="utf-8"), page):
            if region.kind == "link" and region.target is not None:
                target = site.resolve_link(region.target, page, region.syntax)
                assert target is not None and target.path is not None, region.target
                exists.append(target.path.is_file())
    return exists


def test_every_ref_in_the_shared_hugo_site_names_an_existing_page() -> None:
    site = find_site(shared("hugo-fluxcd"))
    assert site is not None
    resolved = link_targets_exist(site)
    assert len(resolved) == 5 and all(resolved)


def test_every_zola_internal_link_in_the_shared_site_names_an_existing_file() -> None:
    site = find_site(shared("zola-rust-blog"))
    assert site is not None
    targets = link_targets_exist(site)
    assert targets and all(targets)
