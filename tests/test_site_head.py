"""What the page head will say (issue 25, item 4): the <title> and meta description each
generator's templates write, read from small sites of our own and the shared sites in
place, and how M002, M003, M004, M009, M010 and M011 judge pages with them."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from seolint.site import find_site
from seolint.site.configs import front_matter_of
from seolint.site.head import read_head
from seolint.site.head_render import BUDGET, Memo, Renderer, Template
from seolint.site.template_tree import read_template
from seolint.site.template_values import DESCRIPTION, SUMMARY, TITLE, Record, Scope
from tests.conftest import ROOT, CliResult, run_cli

SHARED_SITES = ROOT.parent / "shared" / "sites"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def check(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> CliResult:
    monkeypatch.chdir(root)
    return run_cli(["check", "--format", "json", "--no-cache", "-j", "1", *args])


def found(result: CliResult) -> list[tuple[str, int, str]]:
    return sorted(
        (Path(f["path"]).as_posix(), f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]
    )


def messages(result: CliResult, code: str) -> list[str]:
    return [f["message"] for f in json.loads(result.stdout)["findings"] if f["code"] == code]


def page_of(root: Path, name: str):  # type: ignore[no-untyped-def]
    site = find_site(root / name)
    assert site is not None
    path = root / name
    return site.page(path, front_matter_of(path.read_text(encoding="utf-8")))


BODY = "Enough words of prose to have a summary of its own, as every real page does.\n"

# -- Hugo: the site's own layouts ------------------------------------------------------------

HUGO_HEAD = """<title>
  {{- if .IsHome }}{{ .Site.Title }}{{ else }}{{ with .Title }}{{ . }} | {{ end }}{{ .Site.Title }}{{ end -}}
</title>
{{ if .Description }}<meta name="description" content="{{ .Description }}">
{{ else }}{{ $text := (.Content | plainify | truncate 150) }}
<meta name="description" content="{{ $text }}">{{ end }}
"""


@pytest.fixture
def hugo(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://notes.example/"\ntitle = "Notes"\n'
            '[languages.en]\nweight = 1\n[languages.fr]\ncontentDir = "content/fr"\ntitle = "Carnet"\n',
            "layouts/_default/baseof.html": '<html><head>{{ partial "head.html" . }}</head>'
            '<body>{{ block "main" . }}{{ end }}</body></html>\n',
            "layouts/_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}\n',
            "layouts/partials/head.html": HUGO_HEAD,
            "content/_index.md": "---\ntitle: Home of the notes\n---\n" + BODY,
            "content/posts/webhooks.md": "---\ntitle: Webhooks\n---\n" + BODY,
            "content/posts/caps.md": "---\nTitle: Tracing slow handlers in Go services\n---\n" + BODY,
            "content/posts/empty.md": "---\ntitle: An empty page that is still to be written\n---\n",
            "content/fr/posts/pod.md": "---\ntitle: Pod\n---\n" + BODY,
        },
    )


def test_hugo_title_is_read_from_the_sites_partial(hugo: Path) -> None:
    page = page_of(hugo, "content/posts/webhooks.md")
    assert (page.rendered_title, page.title_affixes) == ("Webhooks | Notes", ("", " | Notes"))
    assert page.description_source == "summary" and page.description_settable
    home = page_of(hugo, "content/_index.md")
    assert (home.rendered_title, home.title_affixes) == ("Notes", None)  # the site's name, not the page's


def test_hugo_title_uses_the_languages_site_title(hugo: Path) -> None:
    assert page_of(hugo, "content/fr/posts/pod.md").rendered_title == "Pod | Carnet"


def test_a_languages_long_site_title_is_reported_on_its_home_page(
    hugo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = (hugo / "hugo.toml").read_text().replace('"Carnet"', '"Le carnet de notes de toute l\'équipe"')
    write(hugo, {"hugo.toml": config, "content/fr/_index.md": "---\ntitle: Accueil\n---\n" + BODY})
    result = check(hugo, monkeypatch, "--select", "M011")
    # near miss: the English pages' ' | Notes' is short, and the English home takes nothing
    assert found(result) == [("content/fr/_index.md", 1, "M011")]
    assert "to the <title> of 1 pages" in messages(result, "M011")[0]


# In a site M002 judges "too short" only when the config sets `min`: templates add the
# site's name, and nobody pads a published title.
MIN_TITLE_CONFIG = {".seolint.toml": "[rules.M002]\nmin = 30\n"}
# A lone draft's bounds for "too long", set for a site: how a template's affixes count.
DRAFT_BOUNDS_CONFIG = {".seolint.toml": "[rules.M002]\nmax = 70\nmax-pixels = 600\n"}


def test_hugo_rules_judge_the_rendered_head(hugo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(hugo, MIN_TITLE_CONFIG)
    result = check(hugo, monkeypatch, "--select", "M001,M002,M003,H001")
    assert found(result) == [
        ("content/fr/posts/pod.md", 2, "M002"),  # "Pod | Carnet": still short
        ("content/posts/empty.md", 1, "M003"),  # no text, so no summary to fall back on
        ("content/posts/webhooks.md", 2, "M002"),  # "Webhooks | Notes": 16 characters
    ]
    assert "'Webhooks | Notes'" in messages(result, "M002")[1]
    # near misses: `Title:` is the title (Hugo lowercases keys); the home page shows the
    # site's name, so its own title is not judged; summaries stand in for descriptions


def test_a_sites_titles_are_too_long_where_results_hide_a_good_part(
    hugo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut_late = "Re-organising the compiler team and recognising our team members"  # about 609 px
    cut_early = "Keeping our Rust projects secure with an audit tool: performance, compatibility and more"
    write(
        hugo,
        {
            "content/posts/late.md": f"---\ntitle: '{cut_late}'\n---\n" + BODY,
            # 88 characters, about 786 px
            "content/posts/early.md": f"---\ntitle: '{cut_early}'\n---\n" + BODY,
        },
    )
    assert found(check(hugo, monkeypatch, "--select", "M002")) == [("content/posts/early.md", 2, "M002")]
    write(hugo, DRAFT_BOUNDS_CONFIG)  # a lone draft's bounds, set for the site
    assert ("content/posts/late.md", 2, "M002") in found(check(hugo, monkeypatch, "--select", "M002"))


def test_short_titles_of_a_site_are_not_judged_by_default(
    hugo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert found(check(hugo, monkeypatch, "--select", "M002")) == []  # "Webhooks | Notes", "Pod | Carnet"
    lone = write(
        tmp_path_factory.mktemp("lone"), {"webhooks.md": (hugo / "content/posts/webhooks.md").read_text()}
    )
    assert found(check(lone, monkeypatch, "--select", "M002")) == [("webhooks.md", 2, "M002")]  # a lone draft


def test_image_of_alt_text_is_a_drafts_nit(
    hugo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "---\ntitle: Profiling the compiler\n---\n\n![Image of the profiler, one crate open](p.png)\n"
    write(hugo, {"content/posts/profiling.md": text})
    assert found(check(hugo, monkeypatch, "--select", "I003", "content/posts/profiling.md")) == []
    lone = write(tmp_path_factory.mktemp("lone"), {"profiling.md": text})
    assert found(check(lone, monkeypatch, "--select", "I003")) == [("profiling.md", 5, "I003")]
    write(hugo, {".seolint.toml": "[rules.I003]\nimage-of = true\n"})
    assert found(check(hugo, monkeypatch, "--select", "I003", "content/posts/profiling.md")) == [
        ("content/posts/profiling.md", 5, "I003")
    ]


MAIN = '{{{{ define "main" }}}}{}{{{{ end }}}}\n'  # a page template filling the base template's block


def test_hugo_title_level_follows_the_pages_type_and_layout(
    hugo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "# The page's own heading\n\n" + BODY
    write(
        hugo,
        {
            "layouts/page/single.html": MAIN.format('{{ partial "banner.html" . }}{{ .Content }}'),
            "layouts/partials/banner.html": "{{ if .Site.Params.archived }}<p>Archived</p>{{ end }}\n",
            "layouts/_default/wide.html": '{{ define "main" }}<h2>{{ .Title }}</h2>{{ .Content }}{{ end }}\n',
            "content/roadmap.md": "---\ntitle: Roadmap of the notes\ntype: page\n---\n" + body,
            "content/posts/wide.md": "---\ntitle: A wide page of notes\nlayout: wide\n---\n" + body,
            "content/posts/plain.md": "---\ntitle: A plain page of notes\n---\n" + body,
        },
    )
    levels = {
        name: page_of(hugo, name).title_level for name in ("content/roadmap.md", "content/posts/wide.md")
    }
    assert levels == {"content/roadmap.md": 0, "content/posts/wide.md": 2}
    result = check(hugo, monkeypatch, "--select", "H001,H002", "content/roadmap.md", "content/posts/plain.md")
    assert found(result) == [
        ("content/posts/plain.md", 4, "H002")
    ]  # near miss: roadmap's body H1 is its only one


def test_hugo_title_level_stays_unknown_where_a_template_may_write_it(hugo: Path) -> None:
    write(
        hugo,
        {
            "layouts/page/single.html": '{{ define "main" }}{{ .Render "content" }}{{ end }}\n',
            "layouts/docs/single.html": MAIN.format('{{ partial "missing.html" . }}{{ .Content }}'),
            "content/roadmap.md": "---\ntitle: Roadmap of the notes\ntype: page\n---\n" + BODY,
            "content/docs/setup.md": "---\ntitle: Setting the notes up\n---\n" + BODY,
        },
    )
    assert (
        page_of(hugo, "content/roadmap.md").title_level is None
    )  # `.Render` shows a view seolint does not read
    assert page_of(hugo, "content/docs/setup.md").title_level is None  # a partial the checkout lacks


def test_hugo_title_level_follows_partials_that_call_partials(hugo: Path) -> None:
    write(
        hugo,
        {
            "layouts/page/single.html": MAIN.format('{{ partial "pane.html" . }}'),
            "layouts/partials/pane.html": '<div>{{ partial "banner.html" . }}{{ .Content }}</div>\n',
            "layouts/partials/banner.html": "{{ if .Site.Params.archived }}<p>Archived</p>{{ end }}\n",
            "content/roadmap.md": "---\ntitle: Roadmap of the notes\ntype: page\n---\n" + BODY,
        },
    )
    assert page_of(hugo, "content/roadmap.md").title_level == 0  # two partials deep, no title
    write(
        hugo, {"layouts/partials/banner.html": "<h1>{{ .Title }}</h1>\n"}
    )  # near miss: the inner one writes it
    assert page_of(hugo, "content/roadmap.md").title_level is None
    write(hugo, {"layouts/partials/banner.html": '{{ partial "pane.html" . }}\n'})  # a cycle ends unknown
    assert page_of(hugo, "content/roadmap.md").title_level is None


def test_hugo_keys_keep_their_case_outside_hugo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"notes/caps.md": "---\nTitle: Tracing slow handlers in Go services\n---\n" + BODY})
    assert found(check(tmp_path, monkeypatch, "--select", "M001", "--no-site")) == [
        ("notes/caps.md", 1, "M001")
    ]


def test_hugo_slug_is_judged_as_published(hugo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(hugo, {"content/posts/My_Post.md": "---\ntitle: A post named in capitals\n---\n" + BODY})
    result = check(hugo, monkeypatch, "--select", "M009")
    assert found(result) == [("content/posts/My_Post.md", 1, "M009")]
    assert messages(result, "M009") == ["slug 'my_post' has underscores"]  # Hugo lowercases the URL
    # near misses: `_index.md` sections and the home page have no slug of their own


def test_noindex_pages_are_not_judged_for_search_results(hugo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    robots = (
        '{{ $done := or (eq .Params.status "Completed") (eq .Params.status "completed") }}\n'
        '{{ if and hugo.IsProduction (ne .Params.layout "print") $done }}'
        '<meta name="robots" content="index">\n'
        '{{ else }}<meta name="robots" content="noindex, nofollow">{{ end }}\n'
    )
    write(
        hugo,
        {
            "layouts/partials/head.html": robots + HUGO_HEAD,
            "content/posts/draft-term.md": "---\ntitle: Term\nstatus: Feedback\n---\n",
            "content/posts/done-term.md": "---\ntitle: Term\nstatus: Completed\n---\n",
            **MIN_TITLE_CONFIG,
        },
    )
    assert not page_of(hugo, "content/posts/draft-term.md").indexed
    assert page_of(hugo, "content/posts/done-term.md").indexed  # near miss: a completed term is indexed
    found_here = [f for f in found(check(hugo, monkeypatch, "--select", "M002,M003")) if "term" in f[0]]
    assert found_here == [
        ("content/posts/done-term.md", 1, "M003"),
        ("content/posts/done-term.md", 2, "M002"),
    ]
    settings = run_cli(["check", "--show-settings", "content/posts/draft-term.md"]).stdout
    left_out = [line for line in settings.splitlines() if "they never show this page" in line]
    assert [line.split()[1] for line in left_out] == ["M001", "M002", "M003", "M004"]  # M009 is off
    rows = {r["code"]: r for r in json.loads(run_cli(["rules", "--format", "json"]).stdout)}
    assert [code for code, row in rows.items() if not row["on_unindexed"]] == [
        "M001",
        "M002",
        "M003",
        "M004",
        "M009",
    ]
    assert "Pages search results never show" in run_cli(["explain", "M003"]).stdout


def test_title_width_counts_wide_characters_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "short.md": "---\ntitle: データセンター入門ガイド概要\n---\n" + BODY,  # 14 wide: 28
            "fine.md": "---\ntitle: データセンターとクラウドの入門ガイド\n---\n" + BODY,  # 18 wide: 36
        },
    )
    assert found(check(tmp_path, monkeypatch, "--select", "M002", "--no-site")) == [("short.md", 2, "M002")]


# -- Hugo: Docsy as a module -----------------------------------------------------------------

DOCSY_CONFIG = 'baseURL = "/"\ntitle = "Flow"\n[params]\ndescription = "One text for lists."\n' + (
    '[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n'
)


@pytest.mark.parametrize(
    ("go_mod", "section_source"),
    [
        ("require github.com/google/docsy v0.6.0\n", "site"),  # lists fall back on params.description
        ("require github.com/google/docsy v0.11.0\n", "summary"),  # from v0.11 on, on their summary
        ("", "unknown"),  # the version decides, and it is not known
    ],
)
def test_docsy_module_head_follows_its_version(tmp_path: Path, go_mod: str, section_source: str) -> None:
    files = {
        "hugo.toml": DOCSY_CONFIG,
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/setup.md": "---\ntitle: Setting up the flow controller\n---\n" + BODY,
    }
    if go_mod:
        files["go.mod"] = go_mod
    write(tmp_path, files)
    regular = page_of(tmp_path, "content/docs/setup.md")
    assert regular.rendered_title == "Setting up the flow controller | Flow"
    assert regular.description_source == "summary"
    assert page_of(tmp_path, "content/docs/_index.md").description_source == section_source


def test_docsy_section_without_description_is_told_of_the_shared_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": DOCSY_CONFIG,
            "go.mod": "require github.com/google/docsy v0.6.0\n",
            "content/docs/_index.md": "---\ntitle: Documentation of the flow\n---\n" + BODY,
            "content/docs/setup.md": "---\ntitle: Setting up the flow controller\n---\n" + BODY,
        },
    )
    # near miss: a section's list page, which the main menu does not link
    assert found(check(tmp_path, monkeypatch, "--select", "M003")) == []
    write(tmp_path, {"content/docs/_index.md": "---\ntitle: Documentation\nmenu: main\n---\n" + BODY})
    assert page_of(tmp_path, "content/docs/_index.md").main_menu
    result = check(tmp_path, monkeypatch, "--select", "M003")
    assert found(result) == [("content/docs/_index.md", 1, "M003")]
    assert "shared" in messages(result, "M003")[0]


@pytest.mark.parametrize(
    ("config", "front_matter", "in_menu"),
    [
        ('[[menus.main]]\nname = "Docs"\nurl = "/docs/"\n', "", True),
        ('[[menu.main]]\nname = "Docs"\npageRef = "/docs"\n', "", True),
        ('[[menus.footer]]\nname = "Docs"\nurl = "/docs/"\n', "", False),  # not the main menu
        ("", "menu:\n  main:\n    weight: 10\n", True),
        ("", "menus: [footer, main]\n", True),
        ("", "menu: footer\n", False),
    ],
)
def test_hugo_main_menu_from_config_or_front_matter(
    tmp_path: Path, config: str, front_matter: str, in_menu: bool
) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "/"\ntitle = "Flow"\n' + config,
            "content/docs/_index.md": f"---\ntitle: Docs\n{front_matter}---\n" + BODY,
        },
    )
    assert page_of(tmp_path, "content/docs/_index.md").main_menu is in_menu


# -- Zola: a layout with blocks, macros and get_section --------------------------------------

ZOLA_LAYOUT = """{% import "macros.html" as macros %}{% if page %}
{% set section = get_section(path=(page.ancestors | last)) %}
{% set title = page.title ~ " | " ~ section.title %}
{% else %}{% set title = section.extra.index_title %}{% endif %}
<html><head><title>{{ macros::escape(input=title) }}</title>
<meta name="description" content="Fast notes for everyone.">
</head><body>{% block page %}{% endblock page %}</body></html>
"""


@pytest.fixture
def zola(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://zola.example"\n',
            "templates/layout.html": ZOLA_LAYOUT,
            "templates/macros.html": '{% macro escape(input) %}{{ input | replace(from="&", to="&amp;") }}'
            "{% endmacro %}\n",
            "templates/page.html": '{% extends "layout.html" %}{% block page %}<h2>{{ page.title }}</h2>'
            "{% endblock %}\n",
            "templates/index.html": '{% extends "layout.html" %}{% block page %}list{% endblock %}\n',
            "templates/section.html": '{% extends "index.html" %}\n',
            "content/_index.md": '+++\ntitle = "Main"\n[extra]\nindex_title = "The main notes of the team"\n'
            "+++\n",
            "content/inside/_index.md": '+++\ntitle = "Inside notes"\n+++\n',
            "content/short.md": '+++\ntitle = "Short"\npath = "2020/01/01/Short"\naliases = ["old.html"]\n'
            'description = "A description the templates never write."\n+++\n' + BODY,
            "content/inside/long-enough.md": '+++\ntitle = "Caching & compiling, step by step"\n'
            'path = "2021/02/02/Long_Enough"\ndate = 2021-02-02\n+++\n' + BODY,
        },
    )


def test_zola_title_comes_from_the_pages_section(zola: Path) -> None:
    assert page_of(zola, "content/short.md").rendered_title == "Short | Main"
    page = page_of(zola, "content/inside/long-enough.md")
    assert page.rendered_title == "Caching & compiling, step by step | Inside notes"  # escaped, then decoded
    section = page_of(zola, "content/_index.md")
    assert (section.rendered_title, section.title_affixes) == ("The main notes of the team", None)


def test_zola_fixed_description_is_one_site_finding(zola: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(zola, MIN_TITLE_CONFIG)
    result = check(zola, monkeypatch, "--select", "M002,M003,M004,M009,M010")
    assert found(result) == [
        ("content/_index.md", 1, "M010"),  # once, on the home page
        ("content/inside/long-enough.md", 3, "M009"),  # a path set by hand, never redirected: new
        ("content/short.md", 2, "M002"),  # "Short | Main"
    ]
    assert "4 pages get the same meta description" in messages(result, "M010")[0]
    assert "templates/layout.html:6" in messages(result, "M010")[0]
    # near misses: M003 and M004 never fire (the front matter is never written); M009 is
    # quiet on short.md, whose capitalised path older URLs redirect to, and on sections


def test_zola_description_written_from_front_matter_is_no_site_finding(
    zola: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = ZOLA_LAYOUT.replace(
        "Fast notes for everyone.",
        "{% if page %}{{ page.description | default(value='Fast notes.') }}{% endif %}",
    )
    write(zola, {"templates/layout.html": layout, ".seolint.toml": "[rules.M004]\nmin = 70\n"})
    result = check(zola, monkeypatch, "--select", "M003,M004,M010")
    assert found(result) == [
        ("content/inside/long-enough.md", 1, "M003"),  # it would get the shared "Fast notes."
        ("content/short.md", 5, "M004"),  # written now, so measured: 41 characters, under the set 70
    ]


def test_published_descriptions_are_judged_only_when_the_cut_hides_them(
    zola: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = ZOLA_LAYOUT.replace("Fast notes for everyone.", "{% if page %}{{ page.description }}{% endif %}")
    closing = "A description that says what the page is, then goes on with a closing phrase of its own"

    def described(title: str, description: str) -> str:
        return f'+++\ntitle = "{title}"\ndescription = "{description}"\n+++\n' + BODY

    write(
        zola,
        {
            "templates/layout.html": layout,
            "content/cut-late.md": described("Cut late", f"{closing}, {closing.lower()}"),  # 178 characters
            "content/cut-early.md": described("Cut early", f"{closing}; {closing}; {closing}"),  # 268
        },
    )
    assert found(check(zola, monkeypatch, "--select", "M004")) == [("content/cut-early.md", 3, "M004")]
    # near miss: short.md's 41 characters say what it is; nobody pads a published description


# -- Jekyll: layouts, includes and jekyll-seo-tag ---------------------------------------------


@pytest.fixture
def jekyll(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        {
            "_config.yml": "name: Quill - a quiet, simple and fast static site tool\n"
            "description: Plain text into websites.\ncollections:\n  docs:\n    output: true\n"
            "defaults:\n  - scope: {path: _docs}\n    values: {layout: docs}\n",
            "_includes/top.html": "<html><head>{% seo %}</head>\n",
            "_layouts/default.html": "{% include top.html %}<body>{{ content }}</body></html>\n",
            "_layouts/docs.html": "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}\n",
            "_layouts/page.html": "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}\n",
            "_docs/rendering-process.md": "---\npermalink: /docs/rendering-process/\n---\n" + BODY,
            "_docs/a-long-title.md": "---\ntitle: Ever So Slightly Too Wide a Title for Any Page of "
            "the Manuals\n---\n" + BODY,
            "_docs/too-long.md": "---\ntitle: A title that is much too long for search results to show "
            "whole, even without a suffix\n---\n" + BODY,
            "about.md": "---\ntitle: About the tool and the people\nlayout: page\n---\n" + BODY,
            "_data/navigation.yml": "main:\n  - title: About\n    url: /about.html\n",
        },
    )


def test_jekyll_seo_tag_title_and_file_name_titles(jekyll: Path) -> None:
    page = page_of(jekyll, "_docs/rendering-process.md")
    assert page.generated_title == "Rendering Process"
    assert page.rendered_title == "Rendering Process | Quill - a quiet, simple and fast static site tool"
    assert page.description_source == "summary"  # a document's excerpt
    assert page_of(jekyll, "about.md").description_source == "site"  # a page falls back on site.description


def test_jekyll_long_suffix_is_one_site_finding(jekyll: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(jekyll, DRAFT_BOUNDS_CONFIG)
    result = check(jekyll, monkeypatch, "--select", "M001,H001,M002,M003,M011")
    assert found(result) == [
        ("_docs/a-long-title.md", 1, "M011"),  # no home page: the site's first page takes it, once
        ("_docs/too-long.md", 2, "M002"),  # 85 characters, about 724 px, of its own
        ("about.md", 1, "M003"),
    ]
    assert (
        "' | Quill - a quiet, simple and fast static site tool' (52 characters" in messages(result, "M011")[0]
    )
    # near misses: rendering-process.md has a title (from its file name, rendered as <h1>);
    # a-long-title.md's 61 characters (about 550 px) fit, whatever the suffix (results cut it
    # first); a title of 61 characters in these letters fits, however many characters it has


def test_jekyll_custom_title_in_liquid(jekyll: Path) -> None:
    write(
        jekyll,
        {
            "_includes/top.html": "<html><head><title>{% if page.title %}{{ page.title | escape }} &middot; "
            "{% endif %}{{ site.name }}</title></head>\n"
        },
    )
    page = page_of(jekyll, "about.md")
    assert page.title_affixes == ("", " · Quill - a quiet, simple and fast static site tool")
    assert page.description_source == "none"


def test_jekyll_title_prefix_counts_toward_too_long(jekyll: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(jekyll, {"_includes/top.html": "<html><head><title>Quill | {{ page.title }}</title></head>\n"})
    write(jekyll, DRAFT_BOUNDS_CONFIG)
    result = check(jekyll, monkeypatch, "--select", "M002", "_docs/a-long-title.md", "about.md")
    assert found(result) == [("_docs/a-long-title.md", 2, "M002")]  # "Quill | " + 550 px: 607 px
    assert "counting 8 of the template's 'Quill | '" in messages(result, "M002")[0]
    # near miss: about.md's 31 characters and the prefix fit


def test_the_404_page_is_not_judged_for_search_results(jekyll: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(jekyll, {"404.html": "---\npermalink: /404.html\nlayout: page\n---\n<p>Lost</p>\n"})
    assert not page_of(jekyll, "404.html").indexed
    write(jekyll, {"untitled.html": "---\nlayout: page\n---\n<p>No title here.</p>\n"})
    result = check(jekyll, monkeypatch, "--select", "M001,M003", "404.html", "about.md", "untitled.html")
    # near misses: the 404 page; a page with no title that the main menu does not link,
    # served by the site's shared description (M003 is for pages people land on)
    assert found(result) == [
        ("about.md", 1, "M003"),
        ("untitled.html", 1, "M001"),
    ]
    orphans = found(check(jekyll, monkeypatch, "--select", "W008"))
    assert ("untitled.html", 1, "W008") in orphans and (
        "404.html",
        1,
        "W008",
    ) not in orphans  # missing URLs reach it


def test_shared_description_is_judged_on_the_pages_people_land_on(
    jekyll: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        jekyll,
        {
            "team.md": "---\ntitle: The people behind the tool\nlayout: page\n---\n" + BODY,
            "news.md": "---\ntitle: News from the tool\nlayout: page\ndate: 2026-03-01\n---\n" + BODY,
        },
    )
    assert page_of(jekyll, "about.md").main_menu and not page_of(jekyll, "team.md").main_menu
    pages = ("about.md", "team.md", "news.md")
    result = check(jekyll, monkeypatch, "--select", "M003", *pages)
    # about.md: the main menu links it; news.md: a dated post; near miss: team.md, a
    # secondary page that the shared description serves
    assert found(result) == [("about.md", 1, "M003"), ("news.md", 1, "M003")]
    assert "shared" in messages(result, "M003")[0]
    write(jekyll, {".seolint.toml": "[rules.M003]\nsecondary-pages = true\n"})
    assert ("team.md", 1, "M003") in found(check(jekyll, monkeypatch, "--select", "M003", *pages))


def test_main_menu_of_a_jekyll_theme_is_its_navigation_data(jekyll: Path) -> None:
    write(
        jekyll,
        {"_data/docs_nav.yml": "- url: /about.html\n", "_data/navigation.yml": "docs:\n- /about.html\n"},
    )
    assert not page_of(jekyll, "about.md").main_menu  # a docs sidebar is not the navigation bar
    write(jekyll, {"_data/primary_nav.yml": "- title: About\n  link: /about.html\n"})
    assert page_of(jekyll, "about.md").main_menu


# -- Docusaurus -------------------------------------------------------------------------------


def test_docusaurus_title_delimiter(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "docusaurus.config.js": "module.exports = { title: 'Widgets', titleDelimiter: '·', "
            "url: 'https://w.example', baseUrl: '/' };\n",
            "docs/intro.md": "---\ntitle: Getting started\n---\n" + BODY,
        },
    )
    page = page_of(tmp_path, "docs/intro.md")
    assert (page.rendered_title, page.description_source) == ("Getting started · Widgets", "summary")
    write(tmp_path, {"src/theme/Layout.js": "export default () => null;\n"})  # swizzled: unknown
    assert page_of(tmp_path, "docs/intro.md").rendered_title is None


# -- the renderer -----------------------------------------------------------------------------


def render(source: str, dialect: str = "tera", **variables: object) -> tuple[str | None, str | None]:
    renderer = Renderer(dialect, lambda kind, name: None)  # type: ignore[arg-type]
    reading = read_head(renderer.render(Template("t.html", read_template(source, dialect)), variables))  # type: ignore[arg-type]
    return reading.title, reading.description


def test_an_undecided_condition_makes_the_title_unknown() -> None:
    assert render("<title>{% if x is defined %}A{% else %}B{% endif %}</title>")[0] is None
    assert render("<title>{% if x %}A{% else %}B{% endif %}</title>", x=True)[0] == "A"  # near miss


def test_a_title_inside_a_loop_is_unknown() -> None:
    assert render("{% for p in pages %}<title>{{ p }}</title>{% endfor %}")[0] is None


def redirects(source: str, **variables: object) -> bool:
    renderer = Renderer("tera", lambda kind, name: None)  # type: ignore[arg-type]
    return read_head(renderer.render(Template("t.html", read_template(source, "tera")), variables)).redirect  # type: ignore[arg-type]


REFRESH = '<meta http-equiv="refresh" content="0; url={{ target }}">'


def test_an_instant_meta_refresh_is_a_redirect() -> None:
    assert redirects(f"<html><head>{REFRESH}</head></html>", target="/new/")
    # written in the one loop the template has: a redirect, or an empty page
    assert redirects(f"{{% for p in pages %}}<!DOCTYPE html>{REFRESH}<p>Moved</p>{{% break %}}{{% endfor %}}")
    # near misses: a page that refreshes itself later, a refresh in one undecided arm of a
    # page that has content of its own
    assert not redirects('<meta http-equiv="refresh" content="30">')
    assert not redirects('<meta http-equiv="refresh" content="5; url=/new/">')
    assert not redirects(f"<html><body>{{% if moved %}}{REFRESH}{{% endif %}}<p>Content</p></body></html>")


def test_a_redirect_page_is_not_judged(zola: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        zola,
        {
            "templates/latest.html": '{% set section = get_section(path="_index.md") %}'
            f"{{% for page in section.pages %}}<!DOCTYPE html>{REFRESH.replace('target', 'page.path')}"
            "{% break %}{% endfor %}\n",
            "content/latest.md": '+++\ntemplate = "latest.html"\n+++\n',
        },
    )
    page = page_of(zola, "content/latest.md")
    assert page.redirect and not page.indexed
    assert found(check(zola, monkeypatch, "--select", "H001,M001,M003", "content/latest.md")) == []
    write(zola, {"content/latest.md": "+++\n+++\n"})  # near miss: the page itself, no title
    assert found(check(zola, monkeypatch, "--select", "H001,M001", "content/latest.md")) == [
        ("content/latest.md", 1, "H001"),
        ("content/latest.md", 1, "M001"),
    ]


def test_an_unknown_tag_before_the_meta_makes_the_description_unknown() -> None:
    assert render("<title>T</title>{% feed_meta %}", "liquid")[1] is None
    assert render("<title>T</title>", "liquid")[1] == ""  # all read: no description at all


def test_go_with_binds_the_dot_and_printf() -> None:
    page = Record({"title": TITLE, "description": "", "summary": SUMMARY, "site": Record({"title": "S"})})
    renderer = Renderer("go", lambda kind, name: None)
    source = (
        '<title>{{ printf "%s — %s" .Title .Site.Title }}</title><meta name="description" '
        'content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary }}{{ end }}">'
    )
    reading = read_head(renderer.render(Template("t.html", read_template(source, "go")), {}, page))
    assert (reading.title, reading.description) == (f"{TITLE} — S", SUMMARY)


def test_self_including_templates_end_as_unknown() -> None:
    looping = Template("loop.html", read_template("{% include 'loop.html' %}<title>x</title>", "tera"))
    from seolint.site.head_render import RenderError

    with pytest.raises(RenderError):
        Renderer("tera", lambda kind, name: looping).render(looping, {})
    assert BUDGET >= 1000


def test_memo_reuses_a_rendering_when_what_it_read_is_the_same() -> None:
    renders = 0
    template = Template(
        "t.html", read_template("<title>{{ page.title }} | {{ config.title }}</title>", "tera")
    )

    def rendered(title: object, reads: list) -> str | None:  # type: ignore[type-arg]
        nonlocal renders
        renders += 1
        variables = {"page": Record({"title": title, "extra": Record({})}), "config": Record({"title": "S"})}
        return read_head(Renderer("tera", lambda k, n: None).render(template, variables, None, reads)).title

    memo: Memo[str | None] = Memo()
    for title in (TITLE, TITLE, TITLE, None, TITLE):
        variables = {
            "page": Record({"title": title, "extra": Record({"x": title})}),
            "config": Record({"title": "S"}),
        }
        memo.get("t", variables, None, functools.partial(rendered, title))
    assert renders == 2  # one per title value; the unread `extra` does not matter
    assert DESCRIPTION not in "".join(str(k) for k in memo._kept)
    assert Scope({}).get("missing") is not None


# -- --show-site ------------------------------------------------------------------------------


def test_show_site_prints_what_the_head_templates_say(zola: Path) -> None:
    shown = run_cli(["check", "--show-site", str(zola)]).stdout
    assert "page: title '<page title> | Main' (templates/layout.html:5)" in shown
    assert "never the front matter: 'Fast notes for everyone.' (templates/layout.html:6)" in shown


def test_show_settings_names_the_head_of_the_page(zola: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(zola)
    shown = run_cli(["check", "--show-settings", "content/short.md"]).stdout
    assert "templates/layout.html:5 writes <title>Short | Main</title>" in shown
    assert "the description from one text the whole site shares" in shown


# -- the shared sites, read in place ----------------------------------------------------------


def shared(name: str) -> Path:
    root = SHARED_SITES / name
    if not root.is_dir():
        pytest.skip(f"../shared/sites/{name} is not present")
    return root


@pytest.mark.parametrize(
    ("site", "file", "title", "source"),
    [
        ("zola-rust-blog", "content/Rust-1.46.0.md", "Announcing Rust 1.46.0 | Rust Blog", "site"),
        (
            "zola-rust-blog",
            "content/inside-rust/1.67.1-prerelease.md",
            "1.67.1 pre-release testing | Inside Rust Blog",
            "site",
        ),
        ("hugo-glossary", "content/fr/pod.md", "Pod | Glossaire Cloud Native", "summary"),
        ("hugo-fluxcd", "content/en/flagger/usage/webhooks.md", "Webhooks | Flux", "summary"),
        (
            "jekyll-docs",
            "docs/_docs/plugins/filters.md",
            "Filters | Jekyll • Simple, blog-aware, static sites",
            "summary",
        ),
    ],
)
def test_shared_sites_heads(site: str, file: str, title: str, source: str) -> None:
    page = page_of(shared(site), file)
    assert (page.rendered_title, page.description_source) == (title, source)


def test_shared_rust_blog_description_is_one_finding(rust_blog_run: CliResult) -> None:
    pages = {"content/_index.md", "content/Rust-1.46.0.md"}
    descriptions = [f for f in found(rust_blog_run) if f[0] in pages and f[2] in {"M003", "M004", "M010"}]
    assert descriptions == [("content/_index.md", 1, "M010")]


LATE_FRONT_MATTER = "\n---\ntitle: Tracing slow handlers in Go services\n---\n\n" + BODY


def headings_read(result: CliResult, name: str) -> int:
    return next(f["stats"]["headings"] for f in json.loads(result.stdout)["files"] if f["path"] == name)


@pytest.mark.parametrize(("site", "name"), [("hugo", "content/posts/late.md"), ("zola", "content/late.md")])
def test_front_matter_after_a_blank_line_where_the_generator_reads_it(
    site: str, name: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = LATE_FRONT_MATTER.replace("---", "+++").replace(": ", " = '").replace("services", "services'")
    root = write(request.getfixturevalue(site), {name: source if site == "zola" else LATE_FRONT_MATTER})
    result = check(root, monkeypatch, "--select", "H008,M001", name)
    assert (found(result), headings_read(result, name)) == ([], 0)


def test_jekyll_reads_no_front_matter_after_a_blank_line(
    jekyll: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(jekyll, {"_docs/late.md": LATE_FRONT_MATTER})  # Jekyll's pattern is anchored at the file's start
    result = check(jekyll, monkeypatch, "--select", "H008,M001", "_docs/late.md")
    assert headings_read(result, "_docs/late.md") == 1  # `title: ...` over `---`: a heading of the body


LOGO_HEADER = '<h1><a href="/"><img src="/logo.png" alt="Quill"></a></h1>'


@pytest.mark.parametrize(
    ("header", "missing_h1"),
    [
        (LOGO_HEADER, False),  # every page the layout renders has the logo's <h1>
        ("{% if page.url == '/' %}" + LOGO_HEADER + "{% endif %}", True),  # near miss: the home page only
        ("{% comment %}" + LOGO_HEADER + "{% endcomment %}", True),  # near miss: never written
    ],
)
def test_jekyll_layout_that_writes_its_own_h1(
    header: str, missing_h1: bool, jekyll: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        jekyll,
        {
            "_layouts/error.html": "---\nlayout: default\n---\n" + header + "{{ content }}\n",
            "404.html": "---\nlayout: error\npermalink: /404.html\n---\n<p>Nothing here: try the docs.</p>\n",
        },
    )
    result = check(jekyll, monkeypatch, "--select", "H001", "404.html")
    assert (found(result) == [("404.html", 1, "H001")]) is missing_h1
