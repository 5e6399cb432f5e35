"""Publish gate (P): a hit, a near miss and the options of each rule; the site rules on small
Hugo and Jekyll trees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seolint.document.model import Page
from seolint.findings.records import Finding
from seolint.lint.pipeline import lint_document
from tests.conftest import codes_at, doc_of, lint, plan_for
from tests.test_site_rules import check, found, hugo_site, post


def lint_page(text: str, fmt: str = "markdown", code: str = "P001", **options: object) -> list[Finding]:
    """Findings of one rule on a draft the site publishes (its Page says so)."""
    doc = doc_of(text, fmt)._replace(page=Page(site_content=True))
    findings, errors = lint_document(doc, plan_for((code,), {code: dict(options)} if options else None))
    assert errors == []
    return list(findings)


# -- P001 draft-flag --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front",
    [
        "---\ndraft: true\n---",
        "+++\ndraft = true\n+++",
        "---\npublished: false\n---",
        "---\nstatus: Draft\n---",
    ],
)
def test_a_draft_flag_in_site_content_is_reported(front: str) -> None:
    assert codes_at(lint_page(f"{front}\n\n# Post\n\nText.\n")) == [(2, "P001")]


@pytest.mark.parametrize(
    "front", ["---\ndraft: false\n---", "---\npublished: true\n---", "---\nstatus: published\n---"]
)
def test_a_page_that_may_go_live_is_quiet(front: str) -> None:
    assert lint_page(f"{front}\n\n# Post\n\nText.\n") == []


def test_a_draft_outside_a_site_is_quiet_unless_asked() -> None:
    text = "---\ndraft: true\n---\n\n# Post\n"
    assert lint(text, select=("P001",)) == []
    assert codes_at(lint(text, select=("P001",), rules={"P001": {"outside-sites": True}})) == [(2, "P001")]


def test_the_draft_fix_deletes_the_flag_line() -> None:
    (finding,) = lint_page("---\ntitle: X\ndraft: true\n---\n\n# X\n")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    (edit,) = finding.fix.edits
    assert (edit.start, edit.end, edit.text) == (13, 25, "")


def test_jekyll_drafts_folder_is_not_published_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "_config.yml").write_text("title: Notes\nurl: https://example.org\n", encoding="utf-8")
    for folder in ("_posts", "_drafts"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "2024-01-02-hello.md").write_text(
            "---\ntitle: Hello\npublished: false\n---\n\nHello.\n", encoding="utf-8"
        )
    # named, as a pre-commit hook names them (walking a folder passes over unbuilt pages)
    named = [f"{folder}/2024-01-02-hello.md" for folder in ("_posts", "_drafts")]
    result = check(tmp_path, "--select", "P001", *named, monkeypatch=monkeypatch)
    assert found(result, "P") == [("_posts/2024-01-02-hello.md", 3, "P001")]


# -- P010 unread-front-matter ------------------------------------------------------------------


def test_front_matter_after_a_blank_line_is_reported_with_a_safe_fix() -> None:
    text = "\n \n---\ntitle: Caching\n---\n\n# Caching\n"
    (finding,) = lint(text, select=("P010",))
    assert (finding.span.line, finding.code) == (3, "P010")
    assert finding.fix is not None and finding.fix.applicability == "safe"
    (edit,) = finding.fix.edits
    assert text[: edit.start] + edit.text + text[edit.end :] == text.lstrip()
    assert codes_at(lint("\n+++\ntitle = 'T'\n+++\n", select=("P010",))) == [(2, "P010")]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Caching\n---\n\n# Caching\n",  # on the first line: read
        "\nSome text.\n\n---\n\nMore text.\n\n---\n",  # thematic breaks after text
        "\n\n---\n\nA post that opens with a rule and never closes a front matter.\n",
    ],
)
def test_front_matter_read_or_absent_is_quiet(text: str) -> None:
    assert lint(text, select=("P010",)) == []


def test_hugo_reads_front_matter_after_blank_lines_so_p010_is_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hugo_site(tmp_path, {"posts/late.md": "\n" + post("Late", "Text.")})
    assert found(check(tmp_path, "--select", "P010", monkeypatch=monkeypatch), "P") == []


def test_a_jekyll_post_is_built_without_front_matter_so_p010_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "_config.yml").write_text("title: Notes\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    late = "\n---\ntitle: Late\n---\n\nHi.\n"
    (tmp_path / "_posts" / "2024-01-02-late.md").write_text(late, encoding="utf-8")
    (tmp_path / "about.md").write_text(late, encoding="utf-8")
    # the post is built (Jekyll's post reader needs no front matter); the page is copied as it is
    result = check(tmp_path, "--select", "P010", monkeypatch=monkeypatch)
    assert found(result, "P") == [("_posts/2024-01-02-late.md", 2, "P010")]


# -- P002 noindex -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt", "line"),
    [
        ("---\nrobots: noindex, nofollow\n---\n\n# X\n", "markdown", 2),
        ("---\nnoindex: true\n---\n\n# X\n", "markdown", 2),
        (
            '<html><head>\n<meta name="robots" content="NOINDEX">\n</head><body><p>x</p></body></html>',
            "html",
            2,
        ),
    ],
)
def test_noindex_is_reported(text: str, fmt: str, line: int) -> None:
    assert codes_at(lint(text, fmt, ("P002",))) == [(line, "P002")]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("---\nrobots: index, follow\n---\n\n# X\n", "markdown"),
        ("---\nnoindex: false\n---\n\n# X\n", "markdown"),
        (
            '<html><head><meta name="description" content="noindex"></head><body><p>x</p></body></html>',
            "html",
        ),
        ("# Why noindex matters\n\nA `noindex` tag hides a page.\n", "markdown"),
    ],
)
def test_index_and_prose_about_noindex_are_quiet(text: str, fmt: str) -> None:
    assert lint(text, fmt, ("P002",)) == []  # type: ignore[arg-type]


def test_front_matter_robots_wins_over_the_head() -> None:
    text = '---\nrobots: index\n---\n<html><head><meta name="robots" content="noindex"></head></html>\n'
    assert lint(text, "html", ("P002",)) == []


# -- P003 future-date, P004 lastmod-before-date ------------------------------------------------


@pytest.mark.parametrize("date", ["2999-01-01", "2999-01-01T10:00:00+02:00", '"2999-12-31 08:00:00 +0000"'])
def test_a_future_date_is_reported(date: str) -> None:
    assert codes_at(lint(f"---\ndate: {date}\n---\n\n# X\n", select=("P003",))) == [(2, "P003")]


@pytest.mark.parametrize("date", ["2001-01-01", "yesterday", '"2024-13-45"', ""])
def test_a_past_or_unreadable_date_is_quiet(date: str) -> None:
    assert lint(f"---\ndate: {date}\n---\n\n# X\n", select=("P003",)) == []


def test_an_impossible_yaml_date_is_a_clear_error() -> None:
    from tests.conftest import DraftError, lint_result

    with pytest.raises(DraftError, match=r"invalid YAML front matter: month must be in 1\.\.12"):
        lint_result("---\ndate: 2024-13-45\n---\n\n# X\n")


def test_today_option_fixes_the_day_compared_with() -> None:
    text = "---\ndate: 2030-06-01\n---\n\n# X\n"
    assert lint(text, select=("P003",), rules={"P003": {"today": "2031-01-01"}}) == []
    assert codes_at(lint(text, select=("P003",), rules={"P003": {"today": "2030-05-31"}})) == [(2, "P003")]


def test_today_option_must_be_a_date() -> None:
    from seolint.registry.catalog import known_rules
    from seolint.registry.rule import RuleError, build_options

    with pytest.raises(RuleError, match="today must be a date"):
        build_options(known_rules().get("P003"), {"today": "soon"}, "x.toml")


def test_lastmod_before_date_and_its_near_misses() -> None:
    bad = "---\ndate: 2024-03-01\nlastmod: 2023-03-01\n---\n\n# X\n"
    assert codes_at(lint(bad, select=("P004",))) == [(3, "P004")]
    for good in (
        "---\ndate: 2024-03-01\nlastmod: 2024-03-01T18:00:00Z\n---\n",
        "---\ndate: 2024-03-01\nupdated: 2025-01-01\n---\n",
        "---\nlastmod: 2023-03-01\n---\n",
    ):
        assert lint(good + "\n# X\n", select=("P004",)) == [], good


def test_html_head_dates_count() -> None:
    head = (
        '<html><head><title>x</title>\n<meta property="article:published_time" content="2024-03-01">\n'
        '<meta property="article:modified_time" content="2024-01-01">\n</head><body><p>x</p></body></html>'
    )
    assert codes_at(lint(head, "html", ("P004",))) == [(3, "P004")]


# -- P005 missing-title-tag ------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><h1>X</h1></body></html>',
        "<html><head><title>  </title></head><body><h1>X</h1></body></html>",
    ],
)
def test_a_page_without_title_is_reported(page: str) -> None:
    assert [f.code for f in lint(page, "html", ("P005",))] == ["P005"]


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>X</title></head><body><h1>X</h1></body></html>",
        "<article><h1>A fragment</h1><p>The template adds the head.</p></article>",
    ],
)
def test_a_titled_page_or_a_fragment_is_quiet(page: str) -> None:
    assert lint(page, "html", ("P005",)) == []


# -- P006 article-structured-data -----------------------------------------------------------

COMPLETE = (
    '{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "X", "image": ["/a.png"],'
    ' "datePublished": "2024-01-01", "author": {"@type": "Person", "name": "Ann"}}'
)


def page_with(json_ld: str) -> str:
    return (
        "<html><head><title>X</title>\n"
        f'<script type="application/ld+json">{json_ld}</script>\n'
        "</head><body><article><h1>X</h1><p>Text.</p></article></body></html>"
    )


@pytest.mark.parametrize(
    "json_ld",
    [
        '{"@type": "BlogPosting", "headline": "X"}',
        '{"@graph": [{"@type": "WebPage"}, {"@type": ["Article"], "headline": "X", "image": "",'
        ' "datePublished": "2024-01-01", "author": "Ann"}]}',
        '{"@type": "Article", "headline": ',  # does not parse
    ],
)
def test_incomplete_article_json_ld_is_reported(json_ld: str) -> None:
    assert codes_at(lint(page_with(json_ld), "html", ("P006",))) == [(2, "P006")]


@pytest.mark.parametrize("json_ld", [COMPLETE, '{"@type": "Organization", "name": "Acme"}', "[" * 5000])
def test_complete_or_other_json_ld_is_quiet(json_ld: str) -> None:
    findings = lint(page_with(json_ld), "html", ("P006",))
    assert all("nested" in f.message for f in findings)  # a bomb is one clear message, never a crash


def test_structured_data_options() -> None:
    partial = page_with('{"@type": "Article", "headline": "X", "author": "Ann"}')
    assert lint(partial, "html", ("P006",), {"P006": {"required": ["headline", "author"]}}) == []
    bare = "<html><head><title>X</title></head><body><p>x</p></body></html>"
    assert lint(bare, "html", ("P006",)) == []
    assert [f.code for f in lint(bare, "html", ("P006",), {"P006": {"require-on-pages": True}})] == ["P006"]


# -- the site rules: P007 missing-date-author, P008 missing-share-image, P009 broken-canonical --


def dated(title: str, **front: str) -> str:
    return post(title, "Text.", date="2024-01-01", author="Ann", **front)


def test_a_post_without_the_date_its_section_has(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {f"blog/p{i}.md": dated(f"Post {i}") for i in range(5)}
    pages["blog/new.md"] = post("New", "Text.", author="Ann")
    pages["docs/guide.md"] = post("Guide", "Text.")  # another section: docs have no dates
    pages["docs/other.md"] = post("Other", "Text.")
    result = check(hugo_site(tmp_path, pages), "--select", "P007", ".", monkeypatch=monkeypatch)
    assert found(result, "P") == [("content/blog/new.md", 2, "P007")]
    assert "date" in json.loads(result.stdout)["findings"][0]["message"]


def test_a_small_or_mixed_section_sets_no_habit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {f"blog/p{i}.md": dated(f"Post {i}") for i in range(3)}
    pages["blog/new.md"] = post("New", "Text.")
    root = hugo_site(tmp_path, pages)
    assert found(check(root, "--select", "P007", ".", monkeypatch=monkeypatch), "P") == []
    result = check(root, "--select", "P007", "--config", str(_config(tmp_path, "min-pages = 3")), ".",
                   monkeypatch=monkeypatch)  # fmt: skip
    assert found(result, "P") == [("content/blog/new.md", 2, "P007"), ("content/blog/new.md", 2, "P007")]


def _config(root: Path, options: str) -> Path:
    path = root / "seolint-test.toml"
    path.write_text(f"[rules.P007]\n{options}\n", encoding="utf-8")
    return path


def test_share_images_and_canonicals_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = hugo_site(
        tmp_path,
        {
            # at the top: no section's list page links to them, so W008 sees links alone
            "a.md": post("A", "Text.", image="/img/a.png", canonical="/b/"),
            "b.md": post("B", "Text.", image="/img/missing.png", canonical="/posts/gone/"),
            "posts/c/index.md": post("C", "Text.", cover="cover.png", canonical="https://elsewhere.dev/c/"),
        },
        files=("static/img/a.png", "content/posts/c/cover.png"),
    )
    result = check(root, "--select", "P008,P009,W008", ".", monkeypatch=monkeypatch)
    assert found(result, "P") == [("content/b.md", 3, "P008"), ("content/b.md", 4, "P009")]
    orphans = {f for f in found(result, "W") if f[2] == "W008"}
    assert ("content/b.md", 2, "W008") in orphans  # a canonical URL is not a link to b


def test_every_publish_site_rule_is_tested_here() -> None:
    from seolint.registry.catalog import known_rules

    source = Path(__file__).read_text(encoding="utf-8")
    site_rules = [r for r in known_rules().rules if r.scope == "site" and r.family == "P"]
    assert [r.code for r in site_rules] == ["P007", "P008", "P009"]
    assert all(f'"{r.code}' in source for r in site_rules)


def test_the_cache_key_changes_with_the_day_only_while_p003_reads_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime

    from seolint.cache import fingerprint as module

    class Day(datetime.date):
        current = datetime.date(2030, 1, 1)

        @classmethod
        def today(cls) -> datetime.date:
            return cls.current

    monkeypatch.setattr(module.datetime, "date", Day)
    keys = {}
    for day in (datetime.date(2030, 1, 1), datetime.date(2030, 1, 2)):
        Day.current = day
        keys[day] = (
            module.fingerprint(plan_for(("P003",))),
            module.fingerprint(plan_for(("P003",), {"P003": {"today": "2030-01-01"}})),
            module.fingerprint(plan_for(("H001",))),
        )
    first, second = keys.values()
    assert first[0] != second[0] and first[1:] == second[1:]
