"""The page the site publishes: languages, mounts, build-time content, redirects, pages never
built, navigation and renamed pages, on small sites built here; then the shared sites read
in place (skipped when absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, CliResult, run_cli

SHARED_SITES = ROOT.parent / "shared" / "sites"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(title: str, body: str = "", **front: object) -> str:
    extra = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
    return f"---\ntitle: {json.dumps(title)}\n{extra}---\n\n{body}\n"


def check(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch, select: str = "W") -> CliResult:
    monkeypatch.chdir(root)
    return run_cli(["check", "--format", "json", "--no-cache", "-j", "1", "--select", select, *args])


def found(result: CliResult) -> list[tuple[str, int, str]]:
    data = json.loads(result.stdout)
    return sorted((Path(f["path"]).as_posix(), f["line"], f["code"]) for f in data["findings"])


# -- languages --------------------------------------------------------------------------

MULTILINGUAL_HUGO = """
baseURL = "https://glossary.example/"
contentDir = "content/en"
defaultContentLanguage = "en"
[languages.en]
title = "Words"
[languages.fr]
title = "Mots"
contentDir = "content/fr"
"""


@pytest.fixture
def multilingual(tmp_path: Path) -> Path:
    """English at the root from content/en, French under /fr/ from content/fr."""
    return write(
        tmp_path,
        {
            "hugo.toml": MULTILINGUAL_HUGO,
            "content/en/_index.md": page("Home", "[t](/tree/) [l](/leaf/) [o](/only-english/)"),
            "content/en/tree.md": page("Tree", "## Roots\n\nA tree.", description="About trees."),
            "content/en/leaf.md": page("Leaf", "Green."),
            "content/en/only-english.md": page("Only English", "[t](/tree/)"),
            "content/fr/_index.md": page("Accueil", "[a](/fr/tree/) [f](/fr/leaf/)"),
            # the same title and description as its English original: a translation, not a copy
            "content/fr/tree.md": page(
                "Tree",
                "## Racines\n\n[f](/leaf/) [e](/only-english/) [r](/tree/#racines) [x](/fr/only-english/)",
                description="About trees.",
            ),
            "content/fr/leaf.md": page("Feuille", "[t](tree) [n](/fr/nothing/)"),
        },
    )


def test_translations_publish_under_their_language_and_never_collide(
    multilingual: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = found(check(multilingual, monkeypatch=monkeypatch))
    codes = {code for _, _, code in result}
    assert not codes & {"W004", "W005", "W007"}
    # `/leaf/` from a French page: Hugo's link hook finds the French leaf; `/only-english/`
    # reaches the English page; `/tree/#racines` is judged on the French tree (its own
    # language first); `/fr/only-english/` and `/fr/nothing/` are 404s.
    assert [(p, line) for p, line, code in result if code == "W001"] == [
        ("content/fr/leaf.md", 5),
        ("content/fr/tree.md", 8),
    ]
    assert "W002" not in codes


def test_a_link_resolves_in_the_page_language_first(
    multilingual: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (multilingual / "content/fr/leaf.md").write_text(page("Feuille", "[r](/tree/#roots)"), "utf-8")
    # the French tree has no #roots: the link is checked against it, not the English one
    assert ("content/fr/leaf.md", 5, "W002") in found(check(multilingual, monkeypatch=monkeypatch))


def test_languages_show_in_show_site(multilingual: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(multilingual)
    shown = run_cli(["check", "--show-site", "--no-cache", "."]).stdout
    assert "languages: en at /, fr at /fr" in shown
    assert not (multilingual / ".seolint_cache").exists()  # --no-cache holds for --show-site too


def test_translations_are_judged_on_their_originals_sentences(
    multilingual: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_sentence = "This sentence goes on " + "and on " * 25 + "until it ends."
    screenshots = "\n\n![The dashboard](a.png) ![The dashboard](b.png)"
    write(
        multilingual,
        {
            "content/en/long.md": page("Long", long_sentence + screenshots),
            "content/fr/long.md": page("Longue", long_sentence.replace("and on", "et encore") + screenshots),
        },
    )
    assert found(check(multilingual, monkeypatch=monkeypatch, select="R003,R004,I005")) == [
        ("content/en/long.md", 5, "R003"),  # near miss: the French translation keeps the sentence
        ("content/en/long.md", 7, "I005"),  # and the alt texts
    ]
    fr = next(
        a
        for a in run_cli(["check", "--show-settings", "content/fr/long.md"]).stdout.splitlines()
        if "R003" in a
    )
    assert "judged on the original" in fr


def test_zola_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://z.example"\n[languages.fr]\ntitle = "Z"\n',
            "content/_index.md": '+++\ntitle = "Home"\n+++\n',
            "content/a.md": '+++\ntitle = "Same"\n+++\n\n[fr](/fr/a/)\n',
            "content/a.fr.md": '+++\ntitle = "Same"\n+++\n\n[en](/a/) [nope](/fr/b/) [at](@/a.fr.md)\n',
        },
    )
    assert found(check(tmp_path, monkeypatch=monkeypatch)) == [("content/a.fr.md", 5, "W001")]


def test_jekyll_languages_and_redirect_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "_config.yml": 'url: "https://j.example"\nlanguages: ["en", "fr"]\ndefault_lang: "en"\n',
            "about.md": page(
                "About", "## Team\n\n[fr](/fr/about/)", permalink="/about/", redirect_from=["/who/"]
            ),
            "fr/about.md": page("About", "[en](/about/)", permalink="/about/", lang="fr"),
            "news.md": page("News", "[old](/who/#team) [missing](/who/#nobody)", permalink="/news/"),
        },
    )
    # fr/about.md publishes at /fr/about/ (polyglot), so no collision and no duplicate title;
    # the alias /who/ leads to about.md, whose ids are checked
    result = check(tmp_path, monkeypatch=monkeypatch, select="W001,W002,W004,W007")
    assert found(result) == [("news.md", 6, "W002")]


# -- mounts and build-time content --------------------------------------------------------


def test_mounts_place_content_and_absent_sources_are_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "hugo.yaml": (
                "baseURL: https://m.example/\nmodule:\n  mounts:\n"
                "    - source: content/en\n      target: content\n"
                "    - source: fetched/specs\n      target: content/docs/specs\n"
                "    - source: notes\n      target: content/notes\n      files: ['! private/**', '**']\n"
            ),
            "content/en/_index.md": page("Home"),
            "content/en/docs/setup.md": page(
                "Setup",
                "[s](/docs/specs/v1/) [n](/notes/public/) [p](/notes/private/x/) [e](/en/docs/setup/)",
            ),
            "notes/public.md": page("Public"),
            "notes/private/x.md": page("Private"),
        },
    )
    statistics = json.loads(check(tmp_path, "--statistics", monkeypatch=monkeypatch).stdout)
    assert statistics["not_checked"] == 1  # /docs/specs/v1/ comes from a folder the build fetches
    codes = found(check(tmp_path, monkeypatch=monkeypatch))
    # content/en publishes at the root, not /en/; the private notes are filtered out of the mount
    assert codes == [("content/en/docs/setup.md", 5, "W001"), ("content/en/docs/setup.md", 5, "W001")]


def test_gitignored_generated_pages_and_declared_ones_are_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://g.example/"\n',
            ".gitignore": "public/\ncontent/cmd/tool_*\n",
            "content/components/.gitignore": "api/v*.md\n",
            "content/_index.md": page("Home"),
            "content/cmd/_index.md": page("Commands"),
            "content/components/_index.md": page(
                "Components", "[a](api/v2.md) [b](/cmd/tool_run/) [c](/cmd/other/) [d](/support/)"
            ),
        },
    )
    assert found(check(tmp_path, monkeypatch=monkeypatch)) == [
        ("content/components/_index.md", 5, "W001"),
        ("content/components/_index.md", 5, "W001"),
    ]
    (tmp_path / ".seolint.toml").write_text('generated = ["/support/"]\n', "utf-8")
    assert found(check(tmp_path, monkeypatch=monkeypatch)) == [("content/components/_index.md", 5, "W001")]


def test_a_get_page_hook_finds_pages_the_build_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://g.example/"\n',
            "layouts/_default/_markup/render-link.html": "{{ with .Page.GetPage .Destination }}"
            '<a href="{{ .RelPermalink }}">{{ end }}\n',
            ".gitignore": "content/cmd/tool_*\n",
            "content/_index.md": page("Home"),
            "content/cmd/_index.md": page("Commands"),
            # a link relative to the bundle that GetPage looks up from the content root too
            "content/blog/news/index.md": page("News", "[run](cmd/tool_run) [gone](cmd/other)"),
        },
    )
    # near miss: cmd/other is no page, now or after the build
    assert found(check(tmp_path, monkeypatch=monkeypatch, select="W001")) == [
        ("content/blog/news/index.md", 5, "W001")
    ]
    statistics = json.loads(check(tmp_path, "--statistics", monkeypatch=monkeypatch).stdout)
    assert statistics["not_checked"] == 1


def test_a_page_the_site_menus_link_to_is_made_at_build_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    menus = '[[menus.main]]\nname = "Support"\nurl = "/support/"\n'
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://g.example/"\n' + menus,
            "content/_index.md": page("Home"),
            "content/about.md": page("About", "[help](/support/) [gone](/helpdesk/)"),
        },
    )
    assert found(check(tmp_path, monkeypatch=monkeypatch, select="W001")) == [("content/about.md", 5, "W001")]
    statistics = json.loads(check(tmp_path, "--statistics", monkeypatch=monkeypatch).stdout)
    assert statistics["not_checked"] == 1


SECOND_H1 = ("content/_index.md", 5, "H002")


@pytest.mark.parametrize(
    ("home_template", "expected"),
    [
        ('{{ define "main" }}{{ .Content }}{{ end }}', []),
        ('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}', [SECOND_H1]),
        ('{{ define "main" }}{{ partial "hero.html" . }}{{ .Content }}{{ end }}', [SECOND_H1]),
    ],
)
def test_a_home_template_without_a_title_heading_leaves_the_content_its_h1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home_template: str, expected: list[tuple[str, int, str]]
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://g.example/"\n',
            "layouts/home.html": home_template,
            "layouts/_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}',
            "content/_index.md": page("Home", "# Welcome to the glossary"),
        },
    )
    assert found(check(tmp_path, monkeypatch=monkeypatch, select="H001,H002")) == expected


def test_generated_must_be_url_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {".seolint.toml": 'generated = ["flux/cmd/**"]\n', "a.md": "# A\n"})
    result = check(tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "generated" in result.stderr


def test_redirects_are_followed_and_their_anchors_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://r.example/"\n',
            "static/_redirects": "/old/*  /new/:splat  301!\n/gone  https://elsewhere.example/  301\n",
            "netlify.toml": '[[redirects]]\nfrom = "/legacy"\nto = "/new/page/"\n',
            "content/_index.md": page("Home"),
            "content/new/page.md": page("Page", "## Setup\n\nText."),
            "content/new/other.md": page(
                "Other",
                "[a](/old/page/#setup) [b](/old/page/#nope) [c](/gone) [d](/legacy#setup) [e](/old/x/)",
            ),
        },
    )
    assert found(check(tmp_path, monkeypatch=monkeypatch)) == [
        ("content/new/other.md", 5, "W001"),  # /old/x/ -> /new/x/: no such page
        ("content/new/other.md", 5, "W002"),  # /old/page/ -> /new/page/, which has no #nope
    ]


# -- pages the generator does not build -------------------------------------------------


def test_render_never_cascade_and_expired_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://c.example/"\n',
            "content/_index.md": page("Home"),
            "content/docs/_index.md": page(
                "Docs",
                cascade=[
                    {"build": {"render": "never", "list": "never"}, "_target": {"path": "/docs/_includes/**"}}
                ],
            ),
            "content/docs/_includes/snippet.md": page("Snippet", "TODO [broken](/nowhere/)"),
            "content/docs/guide.md": page("Guide", "[s](/docs/_includes/snippet/) [o](/docs/old/)"),
            "content/docs/old.md": page("Old", expiryDate="2001-01-01"),
        },
    )
    result = check(tmp_path, monkeypatch=monkeypatch)
    assert found(result) == [("content/docs/guide.md", 5, "W009"), ("content/docs/guide.md", 5, "W009")]
    stats = {Path(f["path"]).name: f["stats"] for f in json.loads(result.stdout)["files"]}
    assert "cascade from content/docs/_index.md" in stats["snippet.md"]["unpublished"]
    assert "expired" in stats["old.md"]["unpublished"]
    text = run_cli(["check", "--statistics", "--no-cache", "--select", "W", "."]).stdout
    assert "2  pages skipped" in text


@pytest.mark.parametrize("plugin", ["", "class Jekyll::PostReader\n  def read_posts(dir) end\nend\n"])
def test_a_jekyll_post_named_without_a_date_is_never_built(
    plugin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jekyll's post reader takes `_posts` files named YYYY-MM-DD-title only; a plugin that
    replaces the reader (a `no_date.rb`) builds the rest too."""
    write(
        tmp_path,
        {
            "_config.yml": 'url: "https://d.example"\npermalink: pretty\n',
            "_posts/2020-1-2-dated.md": page("Dated", "[u](/undated/)"),
            "_posts/undated.md": page("Undated", "TODO [broken](/nowhere/)", permalink="/undated/"),
        },
    )
    if plugin:
        write(tmp_path, {"_plugins/no_date.rb": plugin})
    result = check(tmp_path, monkeypatch=monkeypatch, select="W001,W009")
    stats = {Path(f["path"]).name: f["stats"] for f in json.loads(result.stdout)["files"]}
    if plugin:
        assert found(result) == [("_posts/undated.md", 6, "W001")]
        assert "unpublished" not in stats["undated.md"]
    else:
        assert found(result) == [("_posts/2020-1-2-dated.md", 5, "W009")]
        assert "file name has no date" in stats["undated.md"]["unpublished"]


def test_headless_bundles_and_bundle_resources_are_not_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://h.example/"\n',
            "content/_index.md": page("Home", "[h](/blocks/) [r](/post/part/)"),
            "content/blocks/index.md": page("Blocks", headless=True),
            "content/post/index.md": page("Post"),
            "content/post/part.md": page("Part"),
        },
    )
    assert (
        found(check(tmp_path, monkeypatch=monkeypatch, select="W001,W009"))
        == [("content/_index.md", 5, "W009")] * 2
    )


# -- navigation (W008) --------------------------------------------------------------------


def test_jekyll_navigation_data_and_post_loops_list_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "_config.yml": (
                'url: "https://n.example"\npermalink: pretty\ncollections:\n  docs:\n    output: true\n'
            ),
            "_data/nav.yml": "- link: /docs/listed/\n",
            "news.html": "---\ntitle: News\n---\n{% for post in site.posts %}{{ post.url }}{% endfor %}\n",
            "_posts/2020-01-01-hello.md": page("Hello"),
            "_docs/listed.md": page("Listed"),
            "_docs/lonely.md": page("Lonely"),
            "_includes/footer.html": "<a href=\"{{ '/docs/footed/' | relative_url }}\">F</a>"
            " <a href='/docs/plain/'>P</a>",
            "_docs/footed.md": page("Footed"),
            "_docs/plain.md": page("Plain"),
        },
    )
    result = found(check(tmp_path, monkeypatch=monkeypatch, select="W008"))
    assert result == [("_docs/lonely.md", 2, "W008"), ("news.html", 2, "W008")]  # the footer links two


def test_jekyll_loops_over_a_collection_kept_by_url_list_those_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = (
        '{% assign steps = site.docs | where_exp: "d", "d.url contains \'/tour/\'" -%}\n'
        '{% for step in steps %}<a href="{{ step.url }}">{{ step.title }}</a>{% endfor %}\n'
    )
    write(
        tmp_path,
        {
            "_config.yml": 'url: "https://n.example"\ncollections:\n  docs:\n    output: true\n'
            "    permalink: /:collection/:path/\n",
            "_includes/tour.html": steps,
            "_includes/picked.html": "{% assign some = site.docs | where: 'featured', true %}"
            "{% for d in some %}{% endfor %}",
            "_docs/tour/01-start.md": page("Start of the tour"),
            "_docs/tour/02-next.md": page("Next step of the tour"),
            "_docs/lonely.md": page("Lonely"),
        },
    )
    # near misses: a filter seolint cannot follow (`featured`) lists nothing it can name
    assert found(check(tmp_path, monkeypatch=monkeypatch, select="W008")) == [("_docs/lonely.md", 2, "W008")]


def test_zola_section_templates_list_their_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://z.example"\n',
            "templates/index.html": "{% for page in section.pages %}{{ page.title }}{% endfor %}",
            "templates/hidden.html": "{{ section.title }}",
            "content/_index.md": '+++\ntitle = "Blog"\n+++\n',
            "content/listed.md": '+++\ntitle = "Listed"\n+++\n',
            "content/hidden/_index.md": '+++\ntitle = "Hidden"\ntemplate = "hidden.html"\n+++\n',
            "content/hidden/lonely.md": '+++\ntitle = "Lonely"\n+++\n',
        },
    )
    assert found(check(tmp_path, monkeypatch=monkeypatch, select="W008")) == [
        ("content/hidden/lonely.md", 2, "W008")
    ]


# -- renamed and deleted pages ----------------------------------------------------------


def test_a_commit_that_removes_a_page_reports_the_pages_linking_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("key")))
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://p.example/"\n',
            "content/_index.md": page("Home"),
            "content/posts/a.md": page("A", "[b](/posts/b/)"),
            "content/posts/b.md": page("B"),
            "content/posts/c.md": page("C"),
        },
    )
    monkeypatch.chdir(tmp_path)
    args = ["check", "--format", "json", "-j", "1", "--select", "W"]
    assert found(run_cli([*args, "content/posts/c.md"])) == []
    os.rename(tmp_path / "content/posts/b.md", tmp_path / "content/posts/b2.md")
    # the commit holds the renamed page only; a.md is not in it, and breaks
    assert found(run_cli([*args, "content/posts/b2.md"])) == [("content/posts/a.md", 5, "W001")]


# -- the shared sites, read in place ------------------------------------------------------


def shared_site(name: str) -> Path:
    folder = SHARED_SITES / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    return folder


@pytest.mark.slow
def test_glossary_translations_publish_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = shared_site("hugo-glossary")
    result = found(check(folder, monkeypatch=monkeypatch))
    codes = [code for _, _, code in result]
    assert codes.count("W007") == 0 and codes.count("W004") == 0
    broken = {(path, line) for path, line, code in result if code == "W001"}
    assert ("content/it/pod.md", 12) in broken  # /it/container/: no Italian translation
    assert ("content/fr/immutable-infrastructure.md", 8) not in broken  # /fr/container/ exists
    assert len(broken) < 130


@pytest.mark.slow
def test_fluxcd_generated_content_is_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = shared_site("hugo-fluxcd")
    statistics = json.loads(check(folder, "--statistics", monkeypatch=monkeypatch).stdout)
    assert statistics["not_checked"] > 250
    broken = [f for f in found(check(folder, monkeypatch=monkeypatch)) if f[2] == "W001"]
    assert len(broken) < 30
