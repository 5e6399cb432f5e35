"""Site rules (W): a hit, a near miss and the options of each, on small site trees; and
how they work with the rest of the tool (suppressions, --select, JSON/SARIF, one-file
runs inside a site, --no-site, the cache), on fixtures/sites and ../shared/sites."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seolint.registry.catalog import known_rules
from seolint.site.slugs import heading_ids
from tests.conftest import FIXTURES, ROOT, CliResult, run_cli

SHARED_SITES = ROOT.parent / "shared" / "sites"
HUGO_CONFIG = 'baseURL = "https://example.org/"\ntitle = "Notes"\n'


def post(title: str, body: str = "", **front: str) -> str:
    extra = "".join(f'{key} = "{value}"\n' for key, value in front.items())
    return f'+++\ntitle = "{title}"\n{extra}+++\n\n{body}\n'


def hugo_site(root: Path, pages: dict[str, str], files: tuple[str, ...] = ()) -> Path:
    """A Hugo site under `root`: hugo.toml, content pages, and empty static/bundle files."""
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in pages.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    return root


def check(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> CliResult:
    monkeypatch.chdir(root)
    return run_cli(["check", "--format", "json", "--no-cache", "-j", "1", *args])


def found(result: CliResult, prefix: str = "W") -> list[tuple[str, int, str]]:
    data = json.loads(result.stdout)
    return sorted(
        (Path(f["path"]).as_posix(), f["line"], f["code"])
        for f in data["findings"]
        if f["code"].startswith(prefix)
    )


def messages(result: CliResult, code: str) -> list[str]:
    return [f["message"] for f in json.loads(result.stdout)["findings"] if f["code"] == code]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two posts linking each other in every working way (the near misses)."""
    return hugo_site(
        tmp_path,
        {
            "_index.md": post("Home", "[a](/posts/alpha/) [b](/posts/beta/)"),
            "posts/alpha.md": post(
                "Alpha release notes",
                '## Set up\n\nSee [beta](/posts/beta/#install-it), [ref]({{< ref "beta" >}}),'
                " [relative](beta/index.md), [up](../beta/) and ![logo](/img/logo.png).",
                description="What changed in alpha.",
            ),
            "posts/beta/index.md": post(
                "Beta release notes",
                "## Install it\n\nBack to [alpha](/posts/alpha/#set-up). ![shot](shot.png)",
                description="What changed in beta.",
            ),
        },
        files=("static/img/logo.png", "content/posts/beta/shot.png"),
    )


def test_a_site_whose_links_all_resolve_has_no_site_findings(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert found(check(site, "--select", "W", monkeypatch=monkeypatch)) == []


def test_broken_internal_link_in_each_syntax_with_a_suggestion(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = '[a](/posts/alpah/) [b]({{< ref "gamma.md" >}}) [c](missing.md) [d](/files/x.pdf)'
    (site / "content" / "posts" / "gamma-draft.md").write_text(post("Gamma", text), encoding="utf-8")
    result = check(site, "--select", "W001", monkeypatch=monkeypatch)
    assert [code for *_, code in found(result)] == ["W001"] * 4
    assert any("did you mean /posts/alpha?" in m for m in messages(result, "W001"))


def test_broken_link_ignore_targets_option(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "content" / "posts" / "c.md").write_text(post("C", "[x](/imported/api/)"), encoding="utf-8")
    assert found(check(site, "--select", "W001", monkeypatch=monkeypatch)) == [
        ("content/posts/c.md", 5, "W001")
    ]
    (site / ".seolint.toml").write_text('[rules.W001]\nignore-targets = ["/imported/*"]\n', encoding="utf-8")
    assert found(check(site, "--select", "W001", monkeypatch=monkeypatch)) == []


def test_redirects_file_and_generated_pages_are_not_broken(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "static" / "_redirects").write_text("/old/*  /posts/:splat  301\n", encoding="utf-8")
    text = "[r](/old/alpha/) [tags](/tags/go/) [section](/posts/) [feed](/index.xml)"
    (site / "content" / "posts" / "c.md").write_text(post("C", text), encoding="utf-8")
    assert found(check(site, "--select", "W001", monkeypatch=monkeypatch)) == []


def test_broken_page_anchor(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "[near](/posts/alpha/#set-up) [miss](/posts/alpha/#setup) [self](#nowhere)"
    (site / "content" / "posts" / "c.md").write_text(post("C", text), encoding="utf-8")
    result = check(site, "--select", "W002", monkeypatch=monkeypatch)
    assert found(result) == [("content/posts/c.md", 5, "W002")]
    assert "did you mean #set-up?" in messages(result, "W002")[0]


def test_missing_asset(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "![ok](/img/logo.png) ![gone](/img/gone.png) ![here](../beta/shot.png) ![no](nope.png)"
    (site / "content" / "posts" / "c.md").write_text(post("C", text), encoding="utf-8")
    result = check(site, "--select", "W003", monkeypatch=monkeypatch)
    assert found(result) == [("content/posts/c.md", 5, "W003")] * 2


def test_duplicate_title_description_and_keyphrase(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = post("alpha  RELEASE notes", "text", description="What changed in beta.", keyphrase="go modules")
    (site / "content" / "posts" / "c.md").write_text(copy, encoding="utf-8")
    (site / "content" / "posts" / "d.md").write_text(post("D", keyphrase="Go Modules"), encoding="utf-8")
    result = check(site, "--select", "W004,W005,W006", monkeypatch=monkeypatch)
    assert found(result) == [
        ("content/posts/alpha.md", 2, "W004"),
        ("content/posts/beta/index.md", 3, "W005"),
        ("content/posts/c.md", 2, "W004"),
        ("content/posts/c.md", 3, "W005"),
        ("content/posts/c.md", 4, "W006"),
        ("content/posts/d.md", 3, "W006"),
    ]
    assert any("content/posts/c.md:2" in m for m in messages(result, "W004"))  # names the other file and line


def test_duplicate_options_min_length_and_list_pages(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "content" / "posts" / "c.md").write_text(post("Home"), encoding="utf-8")
    (site / "content" / "posts" / "d.md").write_text(post("Go"), encoding="utf-8")
    (site / "content" / "posts" / "e.md").write_text(post("go"), encoding="utf-8")
    assert found(check(site, "--select", "W004", monkeypatch=monkeypatch)) == [
        ("content/posts/d.md", 2, "W004"),
        ("content/posts/e.md", 2, "W004"),
    ]
    (site / ".seolint.toml").write_text(
        "[rules.W004]\nmin-length = 3\ninclude-list-pages = true\n", encoding="utf-8"
    )
    assert found(check(site, "--select", "W004", monkeypatch=monkeypatch)) == [
        ("content/_index.md", 2, "W004"),
        ("content/posts/c.md", 2, "W004"),
    ]


def test_url_collision_by_slug_and_alias(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "content" / "posts" / "c.md").write_text(post("C", slug="alpha"), encoding="utf-8")
    (site / "content" / "posts" / "d.md").write_text(post("D", slug="delta"), encoding="utf-8")
    result = check(site, "--select", "W007", monkeypatch=monkeypatch)
    assert found(result) == [("content/posts/alpha.md", 2, "W007"), ("content/posts/c.md", 2, "W007")]
    assert "content/posts/c.md" in messages(result, "W007")[0]


def test_orphan_page_and_min_incoming(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pages at the content root are on no section's list page: only links reach them.
    (site / "content" / "lonely.md").write_text(post("Lonely", "[a](/posts/alpha/) [b](/about/)"), "utf-8")
    (site / "content" / "about.md").write_text(post("About", "[a](/posts/alpha/)"), "utf-8")
    (site / "content" / "menu.md").write_text('+++\ntitle = "In the menu"\nmenu = "main"\n+++\n', "utf-8")
    assert found(check(site, "--select", "W008", monkeypatch=monkeypatch)) == [
        ("content/lonely.md", 2, "W008")
    ]
    (site / ".seolint.toml").write_text("[rules.W008]\nmin-incoming = 3\n", encoding="utf-8")
    orphans = found(check(site, "--select", "W008", monkeypatch=monkeypatch))
    assert orphans == [("content/about.md", 2, "W008"), ("content/lonely.md", 2, "W008")]


def test_suppression_severity_and_per_file_ignores(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "<!-- seolint-disable-next-line broken-internal-link -->\n[a](/gone/)\n\n[b](/gone-too/)"
    (site / "content" / "posts" / "c.md").write_text(post("C", text), encoding="utf-8")
    result = check(site, "--select", "W001,X", monkeypatch=monkeypatch)
    assert found(result, "") == [("content/posts/c.md", 8, "W001")]
    (site / ".seolint.toml").write_text('[severity]\nW001 = "info"\n', encoding="utf-8")
    severities = [
        f["severity"]
        for f in json.loads(check(site, "--select", "W001", monkeypatch=monkeypatch).stdout)["findings"]
    ]
    assert severities == ["info"]
    (site / ".seolint.toml").write_text(
        '[per-file-ignores]\n"content/posts/c.md" = ["W"]\n', encoding="utf-8"
    )
    assert found(check(site, "--select", "W001", monkeypatch=monkeypatch)) == []


def test_front_matter_ignore_silences_site_findings(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = '+++\ntitle = "C"\n[seolint]\nignore = ["W001"]\n+++\n\n[a](/gone/)\n'
    (site / "content" / "posts" / "c.md").write_text(text, encoding="utf-8")
    assert found(check(site, "--select", "W001", monkeypatch=monkeypatch)) == []


def test_select_ignore_and_no_site(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "content" / "posts" / "c.md").write_text(post("C", "[a](/gone/)"), encoding="utf-8")
    assert found(check(site, "--select", "W001", monkeypatch=monkeypatch)) == [
        ("content/posts/c.md", 5, "W001")
    ]
    assert found(check(site, "--select", "W002", monkeypatch=monkeypatch)) == []
    ignore = "broken-internal-link,orphan-page"
    ignored = check(site, "--select", "W", "--ignore", ignore, monkeypatch=monkeypatch)
    assert found(ignored) == []
    assert found(check(site, "--select", "W", "--no-site", monkeypatch=monkeypatch)) == []
    (site / ".seolint.toml").write_text("site-checks = false\n", encoding="utf-8")
    assert found(check(site, "--select", "W", monkeypatch=monkeypatch)) == []


def test_one_file_run_models_the_whole_site_but_reports_that_file(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (site / "content" / "posts" / "c.md").write_text(
        post("C", "[a](/posts/alpha/) [b](/gone/)"), encoding="utf-8"
    )
    (site / "content" / "posts" / "d.md").write_text(post("D", "[x](/gone/)"), encoding="utf-8")
    result = check(site, "--select", "W", "content/posts/c.md", monkeypatch=monkeypatch)
    assert found(result) == [("content/posts/c.md", 5, "W001")]  # its section lists it: no W008
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["c.md"]


def test_sarif_and_baseline_carry_site_findings(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "content" / "posts" / "c.md").write_text(post("C", "[a](/gone/)"), encoding="utf-8")
    monkeypatch.chdir(site)
    sarif = run_cli(["check", "--format", "sarif", "--no-cache", "--select", "W001"])
    run = json.loads(sarif.stdout)["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["W001"]
    assert "W001" in {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    wrote = run_cli(["check", "--no-cache", "--select", "W001", "--write-baseline", "b.json"])
    assert wrote.exit_code == 0
    again = run_cli(["check", "--format", "json", "--no-cache", "--select", "W001", "--baseline", "b.json"])
    assert again.exit_code == 0 and json.loads(again.stdout)["findings"] == []


def test_cached_facts_give_the_same_site_findings(
    site: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("key")))
    (site / "content" / "posts" / "c.md").write_text(
        post("C", "[a](/posts/alpha/#nope) [b](/gone/)"), encoding="utf-8"
    )
    monkeypatch.chdir(site)
    args = ["check", "--format", "json", "--select", "W", "content/posts/c.md"]
    cold = run_cli(args)
    warm = run_cli(args)
    assert list((site / ".seolint_cache").rglob("*.json"))
    assert (
        found(cold) == found(warm) == [("content/posts/c.md", 5, "W001"), ("content/posts/c.md", 5, "W002")]
    )


def test_explain_and_rules_list_site_rules() -> None:
    explained = run_cli(["explain", "broken-internal-link"])
    assert explained.exit_code == 0 and "W001" in explained.stdout and "ignore-targets" in explained.stdout
    listed = json.loads(run_cli(["rules", "--format", "json"]).stdout)
    assert {r["code"] for r in listed} >= {f"W00{n}" for n in range(1, 10)}


def test_every_site_rule_is_tested_here() -> None:
    """The fixture meta-test covers rules of one draft; this module covers the site rules
    (tests/test_site_head.py those about what the templates write, M010 and M011, and
    tests/test_publish.py the publish gate's)."""
    here = Path(__file__)
    source = "".join(p.read_text(encoding="utf-8") for p in (here, here.parent / "test_site_head.py"))
    site_rules = [r for r in known_rules().rules if r.scope == "site" and r.family != "P"]
    assert len(site_rules) == 11
    assert all(f'"{r.code}"' in source or f"{r.code}," in source for r in site_rules)


@pytest.mark.parametrize(
    ("generator", "texts", "expected"),
    [
        (
            "hugo",
            ["Hello World!", "Hello World!", "Ça va?", "a_b-c"],
            ["hello-world", "hello-world-1", "ça-va", "a_b-c"],
        ),
        ("jekyll", ["Hello  World!", "Hello  World!"], ["hello--world", "hello--world-1"]),
        ("zola", ["What's in 1.28.0 stable", "Café"], ["what-s-in-1-28-0-stable", "cafe"]),
    ],
)
def test_heading_ids_follow_each_generator(generator: str, texts: list[str], expected: list[str]) -> None:
    assert heading_ids(generator, {}, texts) == expected


def test_heading_id_settings() -> None:
    hugo_off = {"markup": {"goldmark": {"parser": {"autoHeadingID": False}}}}
    assert heading_ids("hugo", hugo_off, ["A"]) == []
    blackfriday = {"markup": {"goldmark": {"parser": {"autoHeadingIDType": "blackfriday"}}}}
    assert heading_ids("hugo", blackfriday, ["Hello, World"]) == ["hello-world"]
    assert heading_ids(
        "jekyll", {"kramdown": {"input": "kramdown", "auto_id_prefix": "h-"}}, ["1. Intro"]
    ) == ["h-intro"]


@pytest.mark.parametrize("generator", ["hugo", "jekyll", "zola"])
def test_fixture_sites_resolve_their_generator_link_syntax(
    generator: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / generator
    shutil.copytree(FIXTURES / "sites" / generator, copy)
    broken = found(check(copy, "--select", "W001,W003", monkeypatch=monkeypatch))
    # The Jekyll fixture links to `{{ site.baseurl }}/archive/`, a page it does not have.
    assert broken == ([("_posts/2024-03-05-hello-liquid.md", 9, "W001")] if generator == "jekyll" else [])


def test_one_file_run_in_fixture_site_finds_a_broken_ref(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "hugo"
    shutil.copytree(FIXTURES / "sites" / "hugo", copy)
    page = copy / "content" / "posts" / "first-steps.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\nSee [old]({{< ref "no-such-post" >}}).\n', encoding="utf-8"
    )
    result = check(copy, "--select", "W001", "content/posts/first-steps.md", monkeypatch=monkeypatch)
    assert found(result) == [("content/posts/first-steps.md", 27, "W001")]


def test_shared_zola_site_broken_links_are_the_known_ones(rust_blog_run: CliResult) -> None:
    broken = [finding for finding in found(rust_blog_run) if finding[2] in {"W001", "W003"}]
    assert len(broken) == 11 and {code for *_, code in broken} == {"W001"}
    assert any("did you mean https://github.com/" in m for m in messages(rust_blog_run, "W001"))


@given(st.text(alphabet="abcAB-_é", max_size=14), st.text(alphabet="abcAB-_é", max_size=14))
def test_the_suggestion_screen_never_drops_a_close_enough_name(a: str, b: str) -> None:
    """The cheap upper bounds only skip pairs whose ratio falls short of the cut-off."""
    import difflib

    from seolint.sitewide.near_names import ratio

    full = difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()
    screened = ratio(a, b, at_least=0.8)
    assert screened == full if full >= 0.8 else screened < 0.8


def test_link_to_unpublished_page(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """W009: a published page links to a draft, a future post or a `render: never` page;
    the draft's own links are not reported from a folder run, and it publishes nothing."""
    (site / "content" / "posts" / "plan.md").write_text(
        '+++\ntitle = "Plan"\ndraft = true\n+++\n\n[gone](/nowhere/)\n', "utf-8"
    )
    (site / "content" / "posts" / "soon.md").write_text(
        '+++\ntitle = "Soon"\ndate = 2999-01-01\n+++\n\nLater.\n', "utf-8"
    )
    (site / "content" / "posts" / "old.md").write_text(
        '+++\ntitle = "Old"\ndate = 2001-01-01\n+++\n\n[p](/posts/plan/) [s](soon.md) [t](/posts/alpha/)\n',
        "utf-8",
    )
    assert found(check(site, "--select", "W", monkeypatch=monkeypatch)) == [
        ("content/posts/old.md", 6, "W009"),
        ("content/posts/old.md", 6, "W009"),
    ]
    named = found(check(site, "--select", "W", "content/posts/plan.md", monkeypatch=monkeypatch))
    assert named == [("content/posts/plan.md", 6, "W001")]  # a draft named is linted: its links too
