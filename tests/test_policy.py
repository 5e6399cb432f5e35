"""Rules declare their own policy (issue 23): the kinds of page they judge, whether a
problem is about the whole post, their options' type, and whether they read one draft or
a whole site; and the Page the pipeline gives them to judge."""

from __future__ import annotations

import inspect
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from seolint.cache.fingerprint import fingerprint
from seolint.config.plan import ActiveRule, Plan
from seolint.discover.source import Source
from seolint.document.kinds import KindGuess
from seolint.document.model import PAGE_KINDS, Document, Page, PageKind, Span
from seolint.findings.records import Problem, Severity
from seolint.lint.pipeline import lint_source
from seolint.registry.catalog import known_rules
from seolint.registry.rule import NoOptions, Rule, RuleError, rule, site_rule
from seolint.site import Site, find_site
from tests.conftest import FIXTURES, doc_of, lint, lint_result, plan_for, run_cli
from tests.test_report_html import Page as HtmlPage

ZOLA = FIXTURES / "sites" / "zola"
LIST_SKIPPERS = {
    "C001", "M006", "L002", "L003", "H001", "M001", "W008", "H007", "R001", "R002", "R005", "P006", "P007",
}  # fmt: skip
# The rules that do not judge every kind of page, and the kinds they judge (README, "Page
# kinds and languages"; the reasons are in "Defaults and why").
DECLARED_KINDS = {
    "C001": ("post", "landing"),
    "L002": ("post",),
    "L003": ("post",),
    "M006": ("post",),
    "H001": ("post", "docs", "reference", "release-notes"),
    "M001": ("post", "docs", "reference", "release-notes"),
    "W008": ("post", "docs", "reference", "release-notes"),
    "H007": ("post", "docs", "landing"),
    "R001": ("post", "landing"),
    "R002": ("post", "landing"),
    "R005": ("post", "landing"),
    "P006": ("post", "docs", "reference", "release-notes"),
    "P007": ("post", "docs", "reference", "release-notes"),
}
WORDS = " ".join(["Readers"] + ["remember"] * 40) + "."


def probe(kinds: Iterable[PageKind] = PAGE_KINDS) -> tuple[Rule, list[Page]]:
    """A rule that finds nothing and keeps the Page of every draft it is run on."""
    seen: list[Page] = []

    @rule("Z901", "page-probe", Severity.INFO, kinds=kinds)
    def page_probe(doc: Document, opts: NoOptions) -> Iterator[Problem]:
        """Keeps the page it judged."""
        seen.append(doc.page)
        return iter(())

    return page_probe, seen


def only(*rules: Rule) -> Plan:
    active = tuple(ActiveRule(r, Severity.INFO, NoOptions()) for r in rules)
    return Plan(
        tuple(a for a in active if a.rule.scope == "draft"),
        site_rules=tuple(a for a in active if a.rule.scope == "site"),
    )


class DocsSite(Site):
    """A site whose every page is documentation."""

    def page_kind(self, path: Path, front_matter: object = None) -> KindGuess:
        return KindGuess("docs", "every page is documentation")


def hugo_site(root: Path, pages: dict[str, str]) -> Path:
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    for name, text in pages.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def json_findings(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[dict[str, object]]:
    monkeypatch.chdir(root)
    result = run_cli(["check", "--format", "json", "--no-cache", "-j", "1", *args])
    assert result.exit_code in (0, 1), result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


# --- the Page ------------------------------------------------------------------------------


def test_outside_a_site_the_page_keeps_its_defaults() -> None:
    page_probe, seen = probe()
    lint_source(Source("# Title\n\nSome text.\n", "post.md", "markdown"), only(page_probe))
    assert [page._replace(reasons=()) for page in seen] == [Page()]
    assert seen[0].kind == "post" and seen[0].published and seen[0].language is None
    assert dict(seen[0].reasons) == {
        "kind": "no sign of another kind: a post",
        "language": "unknown: 8 letters of prose, too few to tell",
    }


def test_inside_a_site_the_adapter_fills_the_page() -> None:
    page_probe, seen = probe()
    for name in ("blog/2024-01-15-Café-Notes.md", "blog/_index.md"):
        path = ZOLA / "content" / name
        source = Source(path.read_text(encoding="utf-8"), str(path), "markdown")
        lint_source(source, only(page_probe), find_site(path))
    post, section = seen
    assert (post.kind, post.title_level, post.site_domain) == ("post", 2, "zola.example.net")
    assert section.kind == "list"
    assert {"kind", "title_level", "site_domain"} <= dict(post.reasons).keys()


# --- page kinds ----------------------------------------------------------------------------


def test_a_rule_whose_kinds_exclude_docs_does_not_run_on_a_docs_page(tmp_path: Path) -> None:
    source = Source("# Title\n\nSome text.\n", str(tmp_path / "guide.md"), "markdown")
    site = DocsSite("test", tmp_path, "a test")
    posts_only, skipped = probe(kinds=("post",))
    result = lint_source(source, only(posts_only), site)
    assert skipped == [] and "Z901" not in result.rules
    docs_too, judged = probe(kinds=("post", "docs"))
    result = lint_source(source, only(docs_too), site)
    assert [page.kind for page in judged] == ["docs"] and "Z901" in result.rules


def test_plan_for_page_drops_draft_and_site_rules_by_kind() -> None:
    page_probe, _ = probe(kinds=("post",))

    @site_rule("Z902", "site-probe", Severity.INFO, kinds=("post",))
    def site_probe(model: object, opts: NoOptions) -> Iterator[tuple[str, Problem]]:
        """Finds nothing."""
        return iter(())

    plan = only(page_probe, site_probe)
    assert plan.for_page(Page()) is plan  # nothing to leave out or adapt
    listing = plan.for_page(Page(kind="list"))
    assert listing.rules == () and listing.site_rules == ()


def test_a_list_page_skips_the_article_rules_but_a_post_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "---\ndraft: false\n---\n\nA few words on a page with no title.\n"
    hugo_site(tmp_path, {"posts/_index.md": text, "posts/entry.md": text})
    article_rules = {"C001", "M006", "L002", "L003", "H001", "M001"}
    found = json_findings(tmp_path, monkeypatch, "--select", ",".join(sorted(article_rules)))
    by_file = Counter(Path(str(f["path"])).name for f in found)
    assert by_file == {"entry.md": 6}


def test_the_rules_that_skip_some_kinds_say_so_and_every_other_rule_judges_every_kind() -> None:
    rules = known_rules().rules
    assert {r.code for r in rules if "list" not in r.kinds} == LIST_SKIPPERS
    assert {
        r.code: tuple(k for k in PAGE_KINDS if k in r.kinds) for r in rules if r.code in DECLARED_KINDS
    } == (DECLARED_KINDS)
    assert all(r.kinds == frozenset(PAGE_KINDS) for r in rules if r.code not in DECLARED_KINDS)


def test_an_orphan_list_page_is_not_reported_but_an_orphan_post_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hugo_site(
        tmp_path,
        {
            "_index.md": "+++\ntitle = 'Home'\n+++\n\nNothing links here.\n",
            # pages at the content root: no section list page links to them
            "linked.md": "+++\ntitle = 'Linked'\n+++\n\nNo links out.\n",
            "lonely.md": "+++\ntitle = 'Lonely'\n+++\n\nSee [linked](/linked/).\n",
        },
    )
    found = json_findings(tmp_path, monkeypatch, "--select", "W008")
    assert [(Path(str(f["path"])).name, f["code"], f["whole_post"]) for f in found] == [
        ("lonely.md", "W008", True)
    ]


@pytest.mark.parametrize("kinds", [("blog",), ()])
def test_page_kinds_must_be_known_and_not_empty(kinds: tuple[str, ...]) -> None:
    with pytest.raises(RuleError, match="page kinds"):
        probe(kinds=kinds)  # type: ignore[arg-type]


def test_explain_and_the_rules_list_show_the_kinds_of_page() -> None:
    assert (
        "Pages: post, landing (not docs, reference, release-notes, list)"
        in run_cli(["explain", "C001"]).stdout
    )
    articles = "Pages: post, docs, reference, release-notes (not list, landing)"
    assert articles in run_cli(["explain", "orphan-page"]).stdout
    assert "Pages: every kind" in run_cli(["explain", "H003"]).stdout
    explained = run_cli(["explain", "M002"]).stdout
    assert "On docs pages: min = 0 (unless the config sets it)" in explained
    assert "On the pages of a site: min = 0, max = 90, max-pixels = 750 (unless the config" in explained
    rows = {r["code"]: r for r in json.loads(run_cli(["rules", "--format", "json"]).stdout)}
    assert rows["M002"]["site_defaults"] == {"min": 0, "max": 90, "max-pixels": 750} and rows["M004"][
        "kind_defaults"
    ]["docs"] == {"min": 0}
    listed = {code: row["kinds"] for code, row in rows.items()}
    assert listed["H003"] == list(PAGE_KINDS)
    assert listed["W008"] == [kind for kind in PAGE_KINDS if kind not in ("list", "landing")]


def test_a_rule_s_kinds_are_part_of_the_cache_fingerprint() -> None:
    plan = plan_for(("C001",))
    (active,) = plan.rules
    everywhere = active._replace(rule=active.rule._replace(kinds=frozenset(PAGE_KINDS)))
    assert fingerprint(plan) != fingerprint(plan._replace(rules=(everywhere,)))


# --- whole-post verdicts -------------------------------------------------------------------

PROSE = " ".join([WORDS] * 4)  # 164 words of prose, one paragraph
FRONT = "---\ntitle: Tracing slow handlers in Go\n---\n\n"


@pytest.mark.parametrize(
    ("text", "select", "options", "expected"),
    [
        ("# T\n\nText.\n", "L002,L003", {}, [("L002", True), ("L003", True)]),
        ("Text.\n", "M001,H001", {}, [("H001", True), ("M001", True)]),
        (FRONT + "Text.\n", "M003,M006", {}, [("M003", True), ("M006", True)]),
        (f"# T\n\n{' '.join([PROSE] * 10)}\n", "H007", {}, [("H007", True)]),  # no sections: twice the limit
        (f"# T\n\n## Part\n\n{' '.join([PROSE] * 5)}\n", "H007", {}, [("H007", False)]),  # one section
        (
            f"# T\n\n{PROSE}\n",
            "R001,R002,R005",
            {"R001": {"min": 100}, "R002": {"max": 0}, "R005": {"max-share": 0, "long-words": 1}},
            [("R001", True), ("R002", True), ("R005", True)],
        ),
        (f"# T\n\n{PROSE} {WORDS}\n", "R004", {}, [("R004", False)]),  # the first paragraph is a place
        (f"# T\n\n{PROSE}\n", "C001", {}, [("C001", True)]),  # the final part is all the prose
        (  # the final part is at least the last three paragraphs: more come before them
            f"# T\n\nShort start.\n\nA second.\n\nA third.\n\n## Body\n\n{PROSE}\n\n## End\n\n{WORDS}\n",
            "C001",
            {},
            [("C001", False)],
        ),
        (
            "---\ntitle: Tracing in Go\nkeyphrase: OpenTelemetry\n---\n\nWe trace with OpenTelemetry.\n",
            "M007",
            {},
            [("M007", False)] + [("M007", True)] * 3,  # the title; no description, H2/H3 or slug
        ),
    ],
)
def test_whole_post_verdicts(
    text: str, select: str, options: dict[str, dict[str, object]], expected: list[tuple[str, bool]]
) -> None:
    found = lint(text, select=tuple(select.split(",")), rules=options)
    assert sorted((f.code, f.whole_post) for f in found) == sorted(expected)


def test_a_slug_from_the_file_name_is_about_the_post_one_in_front_matter_is_a_place() -> None:
    plan = plan_for(("M009",))
    from_name = lint_result("# T\n\nText.\n", plan=plan, path="My_Post.md").findings
    written = lint_result("---\nslug: My_Post\n---\n\nText.\n", plan=plan, path="post.md").findings
    assert [(f.code, f.whole_post) for f in from_name] == [("M009", True)]
    assert [(f.span.line, f.code, f.whole_post) for f in written] == [(2, "M009", False)]


def test_every_reporter_shows_the_same_whole_post_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """R001 is anchored at the first paragraph (line 5): once a place in the terminal but a
    line of the draft in the HTML report (the terminal shows a whole-post finding's path alone)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".seolint.toml").write_text("[rules.R001]\nmin = 100\n", encoding="utf-8")
    draft = f"{FRONT}{PROSE}\n\n## One\n\n#### Two\n\nSee [the docs](#).\n"
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    select = ["--select", "R001,R004,L002,M003,H003,L001,C001", "--no-cache"]
    data = json.loads(run_cli(["check", "draft.md", "--format", "json", *select]).stdout)
    from_json = Counter((f["code"], f["whole_post"]) for f in data["findings"])
    assert from_json[("R001", True)] == 1 and from_json[("H003", False)] == 1

    plain = run_cli(["check", "draft.md", "--format", "rich", "--no-color", *select]).stdout
    rows = re.findall(r"(?m)^\s+draft\.md(:\d+:\d+)?\s+(?:error|warning|info)\s+([A-Z]+\d+)\s", plain)
    from_terminal = Counter((code, not place) for place, code in rows)

    run_cli(["check", "draft.md", "--format", "html", "-o", "report.html", *select])
    notes = HtmlPage((tmp_path / "report.html").read_text(encoding="utf-8")).find("li", "note")
    from_html = Counter((n.attrs["data-code"], n.up("post-notes") is not None) for n in notes)
    assert from_json == from_terminal == from_html


# --- typed options, and site rules without a draft check ----------------------------------


def test_every_rule_names_the_type_of_its_options() -> None:
    for found in known_rules().rules:
        check = found.check or found.site_check
        if not inspect.isfunction(check):
            continue  # a pack rule: its check is a PackCheck of PackOptions
        parameter = list(inspect.signature(check).parameters.values())[1]
        named = parameter.annotation  # a string where the module keeps its annotations as strings
        assert named in (found.options_type, found.options_type.__name__), found.code


def test_a_site_rule_has_no_draft_check_and_a_draft_rule_no_site_check() -> None:
    rules = known_rules().rules
    site_rules = [r for r in rules if r.scope == "site"]
    assert site_rules and all(r.check is None and r.site_check is not None for r in site_rules)
    with pytest.raises(RuleError, match="site rule"):
        list(site_rules[0].run(doc_of("# T\n"), NoOptions()))
    draft = next(r for r in rules if r.scope == "draft")
    assert draft.site_check is None
    with pytest.raises(RuleError, match="one draft"):
        list(draft.run_site(object(), draft.default_options()))


def test_problems_are_about_a_place_unless_a_rule_says_otherwise() -> None:
    assert Problem(Span.point(3), "m").about == "place"
