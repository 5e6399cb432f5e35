"""Page kinds: inferred from the site (sections, front matter, release titles, the home
page), set by `[kinds]`, and which rules judge each kind, `[kind.<kind>]` included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from seolint.checks.meta import TitleLengthOptions
from seolint.config.files import Config, ConfigError, load
from seolint.config.plan import Plan, make_plan
from seolint.document.kinds import infer
from seolint.document.model import Document, Page, PageKind
from seolint.findings.records import Problem, Severity
from seolint.registry.rule import RuleError, rule
from seolint.site import find_site
from tests.conftest import codes_at, lint, lint_text, run_cli

LONG = "This sentence says a little about the thing we built for you. " * 70  # 840 words


@pytest.mark.parametrize(
    ("front", "title", "sections", "site_title", "kind"),
    [
        ({"kind": "docs"}, "Announcing Rust 1.24", ["blog"], None, "docs"),  # declared wins
        ({"type": "docs"}, "Announcing Rust 1.24", [], None, "release-notes"),  # a release title next
        ({}, "Jekyll 3.4.0 Released", ["_posts"], None, "release-notes"),
        ({}, "Go 1.22 is released!", [], None, "release-notes"),
        ({}, "Flux v2.3.0", [], None, "release-notes"),
        ({}, "Apache Flink ML 2.2.0 Release Announcement", [], None, "release-notes"),
        ({}, "1.54.0 pre-release testing", [], None, "release-notes"),
        ({"category": "release"}, "Jekyll turns 3.2", [], None, "release-notes"),
        ({"categories": ["team", "community"]}, "Meet the team", [], None, "post"),
        ({}, "Secure Randomness in Go 1.22", [], None, "post"),  # a version, not a release
        ({}, "Announcing Google Summer of Code 2026 projects", [], None, "post"),
        ({"layout": "home"}, "Welcome", [], None, "landing"),
        ({"type": "docs"}, "Install", ["blog"], None, "docs"),  # front matter over the section
        ({}, "Install", ["docs", "api"], None, "reference"),  # the nearest section
        ({}, "Install", ["guides"], None, "docs"),
        ({}, "Pod", [], "Cloud Native Glossary", "reference"),
        ({}, "Pod", [], "Rust Blog", "post"),
        ({}, "Anything", ["misc"], "Flux", "post"),  # the default
    ],
)
def test_inference_order(
    front: dict[str, object], title: str, sections: list[str], site_title: str | None, kind: str
) -> None:
    assert infer(front, title, sections, site_title).kind == kind


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_hugo_kinds_from_cascade_sections_and_the_home_page(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "Example"\n',
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/manual/_index.md": "---\ntitle: Manual\ncascade:\n  type: docs\n---\n",
            "content/manual/install.md": "---\ntitle: Install\n---\n",
            "content/manual/deep/setup.md": "---\nTitle: Setup\n---\n",
            "content/blog/hello.md": "---\ntitle: Hello\n---\n",
            "content/blog/v2.md": "---\ntitle: Announcing Example 2.0\n---\n",
        },
    )
    site = find_site(tmp_path / "content" / "blog")
    assert site is not None

    def kind(name: str) -> str:
        from seolint.site.configs import front_matter_of

        path = tmp_path / "content" / name
        return site.page_kind(path, front_matter_of(path.read_text(encoding="utf-8"))).kind

    assert kind("_index.md") == "landing"
    assert kind("manual/_index.md") == "list"
    assert kind("manual/install.md") == kind("manual/deep/setup.md") == "docs"
    assert kind("blog/hello.md") == "post"
    assert kind("blog/v2.md") == "release-notes"


def test_hugo_cascade_after_blank_lines_as_hugo_reads_it(tmp_path: Path) -> None:
    from seolint.site.configs import front_matter_of

    section = "\n\n---\ntitle: Things\ncascade:\n  type: docs\n---\n"
    _write(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/things/_index.md": section,
            "content/things/install.md": "---\ntitle: Install\n---\n",
        },
    )
    site = find_site(tmp_path / "content")
    assert site is not None
    install = tmp_path / "content" / "things" / "install.md"
    assert site.page_kind(install, front_matter_of(install.read_text(encoding="utf-8"))).kind == "docs"
    assert front_matter_of(section) == {}  # near miss: Jekyll opens front matter on the first line only
    assert front_matter_of(section, after_blank_lines=True)["cascade"] == {"type": "docs"}


def test_jekyll_kinds_from_posts_collections_and_the_home_page(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "_config.yml": "title: Example\ncollections:\n  docs:\n    output: true\n",
            "index.html": "---\nlayout: default\n---\n<p>Hi</p>\n",
            "_posts/2024-01-01-news.md": "---\ntitle: News\n---\n",
            "_posts/2024-02-01-v3.md": "---\ntitle: A new version\ncategory: release\n---\n",
            "_docs/usage.md": "---\ntitle: Usage\n---\n",
            "about.md": "---\ntitle: About\n---\n",
        },
    )
    site = find_site(tmp_path)
    assert site is not None
    kinds = {
        name: site.page_kind(tmp_path / name, fm).kind
        for name, fm in [
            ("index.html", {"layout": "default"}),
            ("_posts/2024-01-01-news.md", {"title": "News"}),
            ("_posts/2024-02-01-v3.md", {"title": "A new version", "category": "release"}),
            ("_docs/usage.md", {"title": "Usage"}),
            ("about.md", {"title": "About"}),
        ]
    }
    assert kinds == {
        "index.html": "landing",
        "_posts/2024-01-01-news.md": "post",
        "_posts/2024-02-01-v3.md": "release-notes",
        "_docs/usage.md": "docs",
        "about.md": "post",
    }


def test_zola_reads_its_extra_table_and_the_home_title(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://example.org"\n',
            "content/_index.md": '+++\ntitle = "Example Handbook"\n+++\n',
            "content/part/_index.md": '+++\ntitle = "Part"\n+++\n',
            "content/part/page.md": '+++\ntitle = "Page"\n+++\n',
            "content/part/glossary.md": '+++\ntitle = "Terms"\n[extra]\nkind = "reference"\n+++\n',
        },
    )
    site = find_site(tmp_path / "content")
    assert site is not None
    content = tmp_path / "content"
    assert site.page_kind(content / "_index.md").kind == "landing"
    assert site.page_kind(content / "part" / "_index.md").kind == "list"
    assert site.page_kind(content / "part" / "page.md", {"title": "Page"}).kind == "docs"  # "Handbook"
    extra = {"title": "Terms", "extra": {"kind": "reference"}}
    assert site.page_kind(content / "part" / "glossary.md", extra).kind == "reference"


# -- which rules judge which kind --------------------------------------------------------------


def test_kinds_decide_the_rules_outside_a_site_too() -> None:
    post = f"---\ntitle: Notes\n---\n\n## Part\n\n{LONG}\n"
    release = f"---\ntitle: Acme 2.3.0 Released\n---\n\n## Part\n\n{LONG}\n"
    assert codes_at(lint(post, select=("H007", "C001"))) == [(5, "C001"), (5, "H007")]
    assert lint(release, select=("H007", "C001")) == []  # release notes: neither


def test_kinds_globs_win_and_say_so(tmp_path: Path) -> None:
    (tmp_path / ".seolint.toml").write_text('[kinds]\n"ref/**" = "reference"\n', encoding="utf-8")
    page = tmp_path / "ref" / "term.md"
    page.parent.mkdir()
    page.write_text(f"---\ntitle: Term\n---\n\n## Part\n\n{LONG}\n", encoding="utf-8")
    out = run_cli(["check", "--show-settings", str(page)]).stdout
    assert '# page kind: reference (config: [kinds] "ref/**" = "reference")' in out
    assert "# H007 does not run here: it does not judge reference pages" in out
    assert run_cli(["check", "--no-cache", "--select", "H007", str(page)]).exit_code == 0


def test_kind_tables_select_extend_ignore_and_set_options(tmp_path: Path) -> None:
    config = tmp_path / ".seolint.toml"
    config.write_text(
        'select = ["H007", "K001"]\n'
        "[kind.release-notes]\n"
        'extend-select = ["H007"]\n'
        'ignore = ["K001"]\n'
        "[kind.release-notes.rules.H007]\n"
        "max-words = 1000\n"
        "[kind.post]\n"
        'select = ["K001"]\n',
        encoding="utf-8",
    )
    plan = make_plan(load(config))
    release = f"---\ntitle: Acme 2.3.0 Released\n---\n\n## Part\n\n{LONG}\n\n```\ncode\n```\n"
    assert lint_text(release, "a.md", "markdown", plan).findings == ()  # H007 runs, at 1,000 words
    post = f"---\ntitle: Notes\n---\n\n## Part\n\n{LONG}\n\n```\ncode\n```\n"
    assert codes_at(list(lint_text(post, "a.md", "markdown", plan).findings)) == [(9, "K001")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[kinds]\n"a/*" = "blog"\n', "kinds.a/*: must be a page kind 'blog'"),
        ("[kind.doc]\nignore = []\n", "kind.doc: unknown page kind 'doc'; did you mean 'docs'?"),
        ("[kind.docs]\nignroe = []\n", "kind.docs.ignroe: unknown key"),
        ('[kind.docs]\nignore = ["Z999"]\n', "kind.docs: 'Z999' matches no rule"),
    ],
)
def test_kind_config_errors_name_the_file_and_key(tmp_path: Path, text: str, problem: str) -> None:
    config = tmp_path / ".seolint.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        make_plan(load(config))
    assert str(error.value).startswith(f"{config}: ") and problem in str(error.value)


def test_rules_off_by_default_run_when_named() -> None:
    off = {"I004", "L006", "R005", "R006"}
    lone_drafts = {"C001", "K001", "L002", "L003", "M006", "M009", "R001", "R002"}
    default = make_plan(Config())
    assert {a.rule.code for a in default.rules}.isdisjoint(off)
    assert off <= {a.rule.code for a in make_plan(Config(extend_select=tuple(off))).rules}
    assert off | lone_drafts <= {a.rule.code for a in make_plan(Config(select=("ALL",))).rules}
    assert "C001" in {a.rule.code for a in make_plan(Config(select=("C",))).rules}


def test_draft_rules_judge_lone_drafts_and_site_pages_only_when_named() -> None:
    lone_drafts = {"C001", "K001", "L002", "L003", "M006", "M009", "R001", "R002"}
    default = make_plan(Config())
    assert lone_drafts <= {a.rule.code for a in default.for_page(Page()).rules}
    assert {a.rule.code for a in default.for_page(Page(in_site=True)).rules}.isdisjoint(lone_drafts)
    assert ("C001", "on by default for drafts outside a site only; name it to judge site pages") in (
        default.left_out(Page(in_site=True))
    )
    named = make_plan(Config(extend_select=("C001",)))
    assert "C001" in {a.rule.code for a in named.for_page(Page(in_site=True)).rules}
    ignored = make_plan(Config(ignore=("L002",)))
    assert "L002" not in {a.rule.code for a in ignored.for_page(Page()).rules}
    chosen = make_plan(Config(select=("H",)))
    assert {a.rule.code for a in chosen.for_page(Page()).rules}.isdisjoint(lone_drafts)


def test_a_lone_draft_without_a_call_to_action_is_told() -> None:
    text = "# Title\n\nSome words about the thing we built.\n"
    result = lint_text(text, "draft.md", "markdown", make_plan(Config()))
    assert {"C001", "L002", "M006"} <= {code for _, code in codes_at(list(result.findings))}


def _option(plan: Plan, kind: PageKind, code: str, name: str) -> object:
    active = next(a for a in plan.for_page(Page(kind=kind)).rules if a.rule.code == code)
    return getattr(active.options, name)


def test_rules_declare_option_values_for_kinds_that_the_config_overrides() -> None:
    default = make_plan(Config())
    assert [_option(default, kind, "M002", "min") for kind in ("post", "docs", "reference")] == [30, 0, 0]
    assert [_option(default, kind, "M004", "min") for kind in ("post", "docs", "list")] == [70, 0, 70]
    configured = make_plan(Config(rules={"M002": {"min": 12}}))
    assert _option(configured, "docs", "M002", "min") == 12


def test_rules_declare_option_values_for_site_pages_that_the_config_overrides() -> None:
    default = make_plan(Config())
    assert _option(default, "post", "M002", "min") == 30  # a lone draft
    site_post = next(a for a in default.for_page(Page(in_site=True)).rules if a.rule.code == "M002")
    assert site_post.options.min == 0
    configured = make_plan(Config(rules={"M002": {"min": 12}}))
    assert (
        next(a for a in configured.for_page(Page(in_site=True)).rules if a.rule.code == "M002").options.min
        == 12
    )
    site_docs = next(
        a for a in default.for_page(Page(kind="docs", in_site=True)).rules if a.rule.code == "M004"
    )
    assert (site_docs.options.min, site_docs.options.max) == (0, 180)  # the kind's min, the site's max


def test_declared_site_options_must_name_known_options() -> None:
    with pytest.raises(RuleError, match="site_defaults: unknown options"):
        rule("Z903", "z-three", Severity.INFO, TitleLengthOptions, site_defaults={"mni": 0})(_no_check)


def test_a_docs_page_is_not_told_its_title_is_short_but_a_post_is() -> None:
    docs = "---\ntitle: Webhooks\ntype: docs\ndescription: How to receive events.\n---\n\nText.\n"
    post = docs.replace("type: docs", "type: post")
    plan = make_plan(Config(select=("M002", "M004")))
    assert codes_at(list(lint_text(docs, "d.md", "markdown", plan).findings)) == []
    assert codes_at(list(lint_text(post, "p.md", "markdown", plan).findings)) == [(2, "M002"), (4, "M004")]


def test_declared_kind_options_must_name_known_kinds_and_options() -> None:
    misspelt: dict[PageKind, dict[str, int]] = {"docs": {"mni": 0}}
    with pytest.raises(RuleError, match="unknown options"):
        rule("Z901", "z-one", Severity.INFO, TitleLengthOptions, kind_defaults=misspelt)(_no_check)
    unknown_kind: dict[PageKind, dict[str, int]] = {"doc": {"min": 0}}  # type: ignore[dict-item]
    with pytest.raises(RuleError, match="page kinds"):
        rule("Z902", "z-two", Severity.INFO, TitleLengthOptions, kind_defaults=unknown_kind)(_no_check)


def _no_check(doc: Document, opts: object) -> Iterator[Problem]:
    """A rule for the declaration tests."""
    yield from ()
