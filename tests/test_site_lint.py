"""Linting inside a site: only content is linted, template syntax is read as what it means,
and the site decides the title's level, the domain and which pages are list pages (issue 11).

The small sites under fixtures/sites/ are written for these tests; the real ones in
../shared/sites are used where a real layout matters.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.discover.source import Source
from seolint.document.model import Document
from seolint.lint.pipeline import lint_source
from seolint.parse import parse
from seolint.parse.templates import template_regions
from seolint.site import find_site
from tests.conftest import FIXTURES, ROOT, run_cli

SITES = FIXTURES / "sites"
SHARED_SITES = ROOT.parent / "shared" / "sites"


def check(*args: str) -> tuple[int, dict[str, object]]:
    result = run_cli(["check", "--no-cache", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return parse(text, str(path), "markdown", templates=template_regions(text, str(path), find_site(path)))


def codes(path: Path, select: str) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    plan = make_plan(Config(select=tuple(select.split(","))))
    result = lint_source(Source(text, str(path), "markdown"), plan, find_site(path))
    return [(f.span.line, f.code) for f in result.findings]


def linted_files(folder: Path) -> set[str]:
    _, data = check(str(folder))
    files = data["files"]
    assert isinstance(files, list)
    return {Path(f["path"]).relative_to(folder).as_posix() for f in files}


@pytest.mark.parametrize("generator", ["hugo", "jekyll", "zola", "docusaurus", "astro", "mkdocs"])
def test_only_content_is_linted(generator: str) -> None:
    files = linted_files(SITES / generator)
    assert files, generator
    for part in (
        "layouts/",
        "_layouts/",
        "_includes/",
        "templates/",
        "archetypes/",
        "themes/",
        "_site/",
        "src/components/",
    ):
        assert not any(part in f for f in files), (generator, files)


def test_hugo_fixture_lints_posts_not_archetypes_or_layouts() -> None:
    assert linted_files(SITES / "hugo") == {
        "content/_index.md",
        "content/about.md",
        "content/posts/_index.md",
        "content/posts/bundle-post/index.md",
        "content/posts/first-steps.md",
    }


class TestHugo:
    post = SITES / "hugo" / "content" / "posts" / "first-steps.md"

    def test_ref_and_relref_are_internal_links(self) -> None:
        links = [(link.href, link.syntax) for link in document(self.post).links]
        assert ("bundle-post", "ref") in links and ("/about.md", "relref") in links
        assert codes(self.post, "L001,L002") == []

    def test_figure_is_an_image_with_its_alt(self) -> None:
        images = document(self.post).images
        assert [(i.src, i.alt, i.alt_state) for i in images] == [
            ("/img/modules.png", "A module graph with three packages", "given")
        ]

    def test_highlight_is_code_with_its_language_and_its_todo_is_not_prose(self) -> None:
        doc = document(self.post)
        assert [c.language for c in doc.code_blocks] == ["go"]
        assert "TODO" not in doc.views.text
        assert codes(self.post, "S002") == []

    def test_a_paired_shortcode_with_prose_keeps_its_body_as_prose(self) -> None:
        assert "Keep in version control so builds are reproducible." in document(self.post).views.text

    def test_without_the_site_the_same_post_has_the_old_false_findings(self, tmp_path: Path) -> None:
        loose = tmp_path / "first-steps.md"
        loose.write_text(self.post.read_text(encoding="utf-8"), encoding="utf-8")
        assert ("S002" in {code for _, code in codes(loose, "S002")}) or codes(loose, "L002")


class TestJekyll:
    post = SITES / "jekyll" / "_posts" / "2024-03-05-hello-liquid.md"

    def test_liquid_link_tags_and_filters_are_internal_links(self) -> None:
        links = {(link.href, link.syntax) for link in document(self.post).links}
        assert ("_recipes/bread.md", "link") in links
        assert ("2024/2024-04-01-second-post", "post_url") in links
        assert ("/about/", "relative_url") in links
        assert codes(self.post, "L001,L002") == []

    def test_highlight_raw_and_output_tags_are_not_prose(self) -> None:
        doc = document(self.post)
        assert [c.language for c in doc.code_blocks] == ["ruby"]
        for leftover in ("TODO", "page.title", "site.title", "include"):
            assert leftover not in doc.views.text
        assert codes(self.post, "S002") == []


class TestZola:
    post = SITES / "zola" / "content" / "blog" / "2024-01-15-Café-Notes.md"

    def test_at_links_are_internal_and_shortcodes_are_opaque(self) -> None:
        doc = document(self.post)
        assert {link.href for link in doc.links} == {
            "@/blog/with-assets/index.md#pictures",
            "@/blog/moved.md",
        }
        assert "youtube" not in doc.views.text and "labels" not in doc.views.text
        assert codes(self.post, "L001,L002,S002") == []

    def test_the_title_renders_as_h2_so_the_body_h1_is_the_only_one(self) -> None:
        assert find_site(self.post).title_heading_level(self.post) == 2  # type: ignore[union-attr]
        assert codes(self.post, "H001,H002,H003") == []


def test_mdx_imports_exports_and_jsx_are_not_prose() -> None:
    doc = document(SITES / "docusaurus" / "docs" / "guides" / "setup.mdx")
    text = doc.views.text
    assert "Install the command-line tool first." in text
    assert "Run the installer with npm" in text
    for syntax in ("import", "export", "TabItem", ":::", "readers never see"):
        assert syntax not in text, syntax


def test_mdx_outside_a_site_is_read_as_mdx(tmp_path: Path) -> None:
    draft = tmp_path / "loose.mdx"
    draft.write_text(
        "import X from 'x';\n\n# Title\n\nSome prose here.\n\n<X prop={1} />\n", encoding="utf-8"
    )
    _, data = check(str(draft))
    assert data["files"][0]["format"] == "markdown"  # type: ignore[index]
    text = document(draft).views.text
    assert "import" not in text and "Some prose here." in text


def test_list_pages_skip_article_rules() -> None:
    section = SITES / "hugo" / "content" / "posts" / "_index.md"
    assert codes(section, "C001,M006,L002,L003,H001,M001") == []


def test_config_wins_over_the_site_for_title_is_h1(tmp_path: Path) -> None:
    post = SITES / "zola" / "content" / "blog" / "2024-01-15-Café-Notes.md"
    text = post.read_text(encoding="utf-8")
    plan = make_plan(Config(select=("H002",), rules={"H002": {"title-is-h1": True}}))
    found = lint_source(Source(text, str(post), "markdown"), plan, find_site(post)).findings
    assert [f.code for f in found] == ["H002"]


def test_the_site_domain_tells_internal_links_apart(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://blog.acme.dev/"\n', encoding="utf-8")
    post = tmp_path / "content" / "post.md"
    post.parent.mkdir()
    post.write_text(
        "---\ntitle: A post\n---\n\nSee [the docs](https://blog.acme.dev/docs/).\n", encoding="utf-8"
    )
    assert codes(post, "L002,L003") == [(1, "L003")]  # the domain's link is internal, so none is external
    (tmp_path / ".seolint.toml").write_text('site-domains = ["acme.com"]\n', encoding="utf-8")
    _, data = check(str(post), "--select", "L002,L003")
    assert [f["code"] for f in data["findings"]] == ["L002"]  # type: ignore[union-attr]  # config wins


def test_generator_none_turns_site_awareness_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    copy = tmp_path / "hugo"
    shutil.copytree(SITES / "hugo", copy)
    (copy / ".seolint.toml").write_text('generator = "none"\n', encoding="utf-8")
    assert "archetypes/default.md" in linted_files(copy)


def test_an_unknown_generator_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".seolint.toml").write_text('generator = "jekyl"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    result = run_cli(["check", "--no-cache", str(tmp_path / "a.md")])
    assert result.exit_code == 2 and "generator: unknown 'jekyl'" in result.stderr


def test_show_site_says_what_was_detected_and_why() -> None:
    result = run_cli(["check", "--show-site", str(SITES / "zola")])
    assert result.exit_code == 0
    assert "generator: zola (config.toml sets base_url" in result.stdout
    assert "title rendered as: <h2>" in result.stdout


@pytest.mark.slow  # lints three whole sites: end to end, run by CI (-m slow)
@pytest.mark.skipif(not SHARED_SITES.is_dir(), reason="../shared/sites is not present")
def test_real_sites_lint_no_templates_and_the_rust_blog_has_no_second_h1_from_its_title() -> None:
    for name, templates in (
        ("hugo-fluxcd", "layouts/"),
        ("jekyll-docs", "_layouts/"),
        ("zola-rust-blog", "templates/"),
    ):
        files = linted_files(SHARED_SITES / name)
        assert files and not any(templates in f or "_includes/" in f for f in files), name
    _, data = check(str(SHARED_SITES / "zola-rust-blog" / "content" / "Rust-1.0@0.md"))
    assert not [f for f in data["findings"] if f["code"] == "H002"]  # type: ignore[union-attr]
