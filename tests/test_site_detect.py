"""Which generator built the site a draft lives in, and why (fixtures/sites and ../shared/sites)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from seolint.site import SiteFinder, find_site, find_sites
from tests.conftest import FIXTURES

SITES = FIXTURES / "sites"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "sites"


def shared(name: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is not here")
    return path


@pytest.mark.parametrize(
    ("folder", "generator", "domain", "base_path", "reason"),
    [
        ("hugo", "hugo", "example.org", "", "hugo.toml"),
        ("jekyll", "jekyll", "blog.example.com", "/notes", "_config.yml"),
        ("zola", "zola", "zola.example.net", "", "base_url"),
        ("docusaurus", "docusaurus", "widgets.example.com", "/docs-site", "docusaurus.config.js"),
        ("astro", "astro", "astro.example.dev", "", "astro.config.mjs"),
        ("mkdocs", "mkdocs", "docs.example.io", "/toolbox", "mkdocs.yml"),
    ],
)
def test_each_fixture_site_is_detected_with_its_reason_and_domain(
    folder: str, generator: str, domain: str, base_path: str, reason: str
) -> None:
    site = find_site(SITES / folder)
    assert site is not None
    assert (site.generator, site.root, site.domain, site.base_path) == (
        generator,
        (SITES / folder).resolve(),
        domain,
        base_path,
    )
    assert reason in site.reason
    assert generator in site.describe() and str(site.root) in site.describe()


def test_a_file_deep_inside_finds_the_nearest_config_above_it() -> None:
    post = SITES / "hugo" / "content" / "posts" / "bundle-post" / "index.md"
    site = find_site(post)
    assert site is not None and site.generator == "hugo" and site.root == (SITES / "hugo").resolve()


def test_the_override_forces_a_generator_turns_detection_off_or_treats_as_plain() -> None:
    assert find_site(SITES / "zola", "none") is None
    plain = find_site(SITES / "zola" / "content", "plain")
    assert (
        plain is not None
        and plain.generator == "plain"
        and plain.root == (SITES / "zola" / "content").resolve()
    )
    forced = find_site(SITES / "zola", "hugo")  # Zola's config.toml read as Hugo's, on request
    assert forced is not None and forced.generator == "hugo"


def test_a_forced_generator_without_config_is_rooted_at_the_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    site = find_site(tmp_path, "jekyll")
    assert site is not None and site.generator == "jekyll" and site.root == tmp_path
    assert "no jekyll config found" in site.reason


def test_zola_and_hugo_are_told_apart_by_the_keys_of_config_toml(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = tmp_path / "config.toml"
    config.write_text('base_url = "https://a.example"\n', encoding="utf-8")
    assert getattr(find_site(tmp_path), "generator", None) == "zola"
    config.write_text('baseURL = "https://a.example/"\ntheme = "ananke"\n', encoding="utf-8")
    site = find_site(tmp_path)
    assert site is not None and site.generator == "hugo" and "baseurl" in site.reason
    config.write_text('title = "no generator keys"\n', encoding="utf-8")
    assert find_site(tmp_path) is None


def test_hugo_is_recognised_from_its_folder_layout_alone(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "content").mkdir()
    assert find_site(tmp_path) is None  # a content/ folder alone is not enough
    (tmp_path / "layouts").mkdir()
    site = find_site(tmp_path)
    assert site is not None and site.generator == "hugo" and "layouts" in site.reason


def test_walking_up_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: outer\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "notes").mkdir()
    assert find_site(repo / "notes") is None
    shutil.rmtree(repo / ".git")
    assert getattr(find_site(repo / "notes"), "generator", None) == "jekyll"


def test_a_site_in_a_subfolder_is_found_from_the_repository_root() -> None:
    root = shared("jekyll-docs")
    assert find_site(root) is None  # nothing above: the config is in docs/
    (site,) = find_sites(root)
    assert site.generator == "jekyll" and site.root == root / "docs"
    assert site.domain == "jekyllrb.com"


@pytest.mark.parametrize(
    ("name", "generator", "domain"),
    [("hugo-fluxcd", "hugo", None), ("zola-rust-blog", "zola", "blog.rust-lang.org")],
)
def test_the_shared_sites_are_detected(name: str, generator: str, domain: str | None) -> None:
    site = find_site(shared(name) / "content")
    assert site is not None and (site.generator, site.domain) == (generator, domain)


def test_the_finder_answers_once_per_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import seolint.site.detect as detect

    calls: list[Path] = []
    real = detect.find_site

    def counting(path: Path, generator: detect.Generator = "auto", rooted: object = None) -> object:
        calls.append(path)
        return real(path, generator, rooted)  # type: ignore[arg-type]

    monkeypatch.setattr(detect, "find_site", counting)
    finder = SiteFinder()
    posts = SITES / "hugo" / "content" / "posts"
    first = finder.find(posts / "first-steps.md")
    assert finder.find(posts / "_index.md") is first
    assert len(calls) == 1


def test_the_finder_looks_at_each_ancestor_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import seolint.site.detect as detect

    (tmp_path / ".git").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "posts" / name).mkdir(parents=True)
    looked_at: list[Path] = []
    real = detect._rooted_at

    def counting(folder: Path, detectors: Mapping[str, detect.Detector], forced: bool) -> object:
        looked_at.append(folder)
        return real(folder, detectors, forced)

    monkeypatch.setattr(detect, "_rooted_at", counting)
    finder = SiteFinder()
    for name in ("a", "b", "c"):
        assert finder.find(tmp_path / "posts" / name / "draft.md") is None
    posts = tmp_path / "posts"
    assert sorted(looked_at) == sorted([tmp_path, posts, posts / "a", posts / "b", posts / "c"])
