"""Leftovers by form (S005-S010, A001; issue 27): recall and precision on our own drafts,
a hit, a near miss and the fix of each form, the seed draft fixed clean, and published
posts left alone."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.findings.records import FileResult
from tests.conftest import CORPUS_RUNS, CORPUS_SAMPLE, ROOT, codes_at, lint, lint_file, run_cli
from tests.leftover_recall import drafts, score

DEV_DRAFTS = ROOT / "tests" / "data" / "dev_drafts"
AI_DRAFTS = ROOT / "tests" / "data" / "ai_drafts"  # held out once, a development set since
AI_DRAFTS_2 = ROOT / "tests" / "data" / "ai_drafts_blind"  # the second set, spent the same way
AI_DRAFTS_3 = ROOT / "tests" / "data" / "ai_drafts_blind2"  # the third, spent the same way
AI_DRAFTS_4 = ROOT / "tests" / "data" / "ai_drafts_blind3"  # the fourth
AI_DRAFTS_5 = ROOT / "tests" / "data" / "ai_drafts_blind4"  # the fifth
AI_DRAFTS_6 = ROOT / "tests" / "data" / "ai_drafts_blind5"  # the sixth
AI_DRAFTS_7 = ROOT / "tests" / "data" / "ai_drafts_blind6"  # the seventh
AI_DRAFTS_LANG = ROOT / "tests" / "data" / "ai_drafts_lang"  # leftovers in other languages
AI_DRAFTS_LANG_HELDOUT = ROOT / "tests" / "data" / "ai_drafts_lang_heldout"  # measured once: 0.053 -> 0.965
SEED = ROOT.parent / "shared" / "drafts" / "telecom-outage-ai-draft.txt"


# The development sets (their READMEs say how each was written): dev_drafts, written with
# the rules; ai_drafts and ai_drafts_blind to ai_drafts_blind6, written blind to the rules
# and measured once as held-out sets (ai_drafts 0.809, blind 0.505, blind2 0.474, blind5
# 0.639, blind6 0.686), then developed on. Each keeps the recall it reached.
DEVELOPMENT_SETS = [
    (DEV_DRAFTS, 17, 0.95),
    (AI_DRAFTS, 18, 0.95),
    (AI_DRAFTS_2, 21, 0.95),
    (AI_DRAFTS_3, 19, 0.985),
    (AI_DRAFTS_4, 21, 0.965),
    (AI_DRAFTS_5, 21, 0.95),
    (AI_DRAFTS_6, 21, 0.98),
    (AI_DRAFTS_7, 21, 0.95),
    (AI_DRAFTS_LANG, 23, 0.98),
    (AI_DRAFTS_LANG_HELDOUT, 6, 0.95),
]


# A near miss still reported, and why: a post about TODO lists shows its file's "## TODO"
# section, a heading S002 cannot tell from a draft's (only the post's title says so).
KNOWN_ALARMS = ("nearmiss-task-tracking-todo.md:9 S002",)


@pytest.mark.parametrize(
    ("folder", "files", "recall"), DEVELOPMENT_SETS, ids=lambda v: getattr(v, "name", str(v))
)
def test_recall_and_precision_on_the_development_sets(folder: Path, files: int, recall: float) -> None:
    """Drafts in the styles of several assistants (.md, .txt, .html) and near misses, every
    leftover line labelled (the folder's labels.toml)."""
    results = {path.name: lint_file(path).findings for path in drafts(folder)}
    assert len(results) == files and {p.suffix for p in drafts(folder)} == {".md", ".txt", ".html"}
    found = score(folder, results)
    shown = f"recall {found.recall:.3f}, precision {found.precision:.3f}"
    print(f"{shown}; misses {found.misses}; false {found.alarms}")
    assert found.recall >= recall and found.precision >= 0.95
    assert not [a for a in found.alarms if a.startswith("nearmiss") and not a.startswith(KNOWN_ALARMS)]


# -- S005 metadata-label -----------------------------------------------------------------------


TAIL = "\n\n**Word count:** ~900\n**Tags:** grpc, go\n"
HTML_LABEL = (
    "<main><p><strong>Target audience:</strong> SREs</p><h1>X</h1><p>" + "Body. " * 12 + "</p></main>"
)


@pytest.mark.parametrize(
    ("text", "fmt", "lines"),
    [
        ("Slug: grpc-deadlines\nAudience: backend engineers\n\n# Deadlines\n\n" + "Text. " * 10, "text", [2]),
        ("# Deadlines\n\n" + "Body text. " * 10 + TAIL, "markdown", [5, 6]),
        (HTML_LABEL, "html", [1]),
        ("# Post\n\n" + "Body. " * 10 + "\n\nWord count: 1,200\n\n" + "More text. " * 10, "markdown", [5]),
    ],
)
def test_metadata_labels(text: str, fmt: str, lines: list[int]) -> None:
    assert [line for line, code in codes_at(lint(text, fmt, ("S005",))) if code == "S005"] == lines  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "# SEO\n\nLong intro text about keywords for the post. " * 2
        + "\n\n- **Primary keyword:** the one phrase the post should rank for.\n",
        "# Notes\n\nNote: the numbers were measured again.\n\n" + "Body text here. " * 10,
        "# Rust 1.70: What's new\n\n" + "Body text here. " * 10,
        "# Post\n\n"
        + "Body text here. " * 10
        + "\n\nWe tell users to name posts in the following\nformat:\n",
        "# Talk\n\n" + "Body text here. " * 10 + "\n\n> Title: How to GitOps\n> Presenter: Pinky\n",
    ],
)
def test_what_is_not_a_metadata_label(text: str) -> None:
    assert lint(text, "markdown", ("S005",)) == []


def test_a_metadata_line_is_deleted_by_the_unsafe_fix(tmp_path: Path) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text("Audience: platform engineers\nTone: friendly\n\nPost title\n\n" + "Body. " * 12 + "\n")
    run_cli(["check", "--fix", "--unsafe-fixes", "--select", "S005", "--no-cache", str(draft)])
    assert draft.read_text().startswith("Post title\n")


# -- S006 outline-left-in ----------------------------------------------------------------------

OUTLINE = (
    "Outline:\n1. Hook: a broken deploy\n2. Thesis: flags help\n3. CTA: try one\n\nFull post:\n\n# Flags\n\n"
)


def test_an_outline_is_one_finding_and_its_fix_deletes_it(tmp_path: Path) -> None:
    body = "A flag turns a change off in seconds instead of rolling back a deploy, and that helps."
    found = lint(OUTLINE + body + "\n", "markdown", ("S006",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(1, 6)]
    draft = tmp_path / "post.md"
    draft.write_text(OUTLINE + body + "\n", encoding="utf-8")
    run_cli(["check", "--fix", "--unsafe-fixes", "--select", "S006", "--no-cache", str(draft)])
    assert draft.read_text(encoding="utf-8") == "# Flags\n\n" + body + "\n"


def test_an_outline_inside_the_post_is_left_alone() -> None:
    post = (
        "# Outlining\n\nAn outline forces you to decide what the post argues before you write.\n\n" + OUTLINE
    )
    assert lint(post, "markdown", ("S006",)) == []
    unmarked = OUTLINE.replace("Outline:\n", "").replace("Full post:\n", "")  # no heading, no marker
    assert lint(unmarked + "Text.\n", "markdown", ("S006",)) == []


BODY = "A flag turns a change off in seconds instead of rolling back a deploy, and that helps.\n"


@pytest.mark.parametrize(
    ("text", "fmt", "span"),
    [
        (
            "**Plan**\n- Opening: a bad deploy\n- Section 1: kill switches\n- Takeaway: ship dark\n\n"
            "**The post**\n\n# Flags\n\n" + BODY,
            "markdown",
            (1, 6),
        ),
        (
            "Sections to cover:\n- Kill switches\n- Rollouts\n- Flag debt\n\nGenerated draft ↓\n\n# Flags\n\n"
            + BODY,
            "markdown",
            (1, 6),
        ),
        (
            "<h3>Article Outline</h3>\n<ol>\n<li>Kill switches</li>\n<li>Rollouts</li>\n<li>Flag debt</li>\n"
            "</ol>\n<h3>Full Draft</h3>\n<h1>Flags</h1>\n<p>" + BODY + "</p>\n",
            "html",
            (1, 7),
        ),
    ],
)
def test_outlines_under_a_heading_or_a_list_head_closed_by_a_marker(
    text: str, fmt: str, span: tuple[int, int]
) -> None:
    found = lint(text, fmt, ("S006",))  # type: ignore[arg-type]
    assert [(f.span.line, f.span.end_line) for f in found] == [span]


def test_a_list_over_a_heading_that_is_no_draft_marker_is_left_alone() -> None:
    post = "Sections to cover:\n- Kill switches\n- Rollouts\n- Flag debt\n\n## Why flags\n\n" + BODY
    assert lint(post, "markdown", ("S006",)) == []


# -- S008 author-note --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "columns"),
    [
        ("(Suggested image: a funnel)", [1]),
        ("At [Company], we cut costs by [X]%.", [4, 31]),
        ("Teams report savings [citation needed] and [3] TODO.", [22, 44]),
        ("Collectors buffer spans (add a benchmark here) in memory.", [25]),
        ("See [Screenshot: the dashboard] below.", [5]),
        ("According to [Survey Name], most teams agree.", [14]),
        ("3. [source needed: the WAL docs]", [4]),
    ],
)
def test_notes_to_the_author(line: str, columns: list[int]) -> None:
    assert [f.span.column for f in lint(f"# Post\n\n{line}\n", "markdown", ("S008",))] == columns


@pytest.mark.parametrize(
    "line",
    [
        "Create a zone (replace `example.com` with your domain) and wait.",
        "We need to scale (add capacity to) the system.",
        "- [x] enable the API",
        "See the [reference][ref] and [a number](https://example.org/n).\n\n[ref]: https://example.org/r",
        "*Author's note*: this guide assumes a fresh project.",
        "Insert the [Link to the RFC] later.",  # L001's
        "Per the survey [Source: Gartner, 2023], most teams agree.",
        "Open the [Project Name][ref] page.\n\n[ref]: https://example.org/p",
    ],
)
def test_what_is_not_a_note_to_the_author(line: str) -> None:
    assert lint(f"# Post\n\n{line}\n", "markdown", ("S008",)) == []


# -- S009 markdown-in-html ---------------------------------------------------------------------


def test_markdown_leaked_into_html_is_found_where_it_is_written() -> None:
    page = "<main>\n<h1>X</h1>\n<p>Intro.\n**Rule:** delete it.</p>\n<h2>## Setup</h2>\n</main>\n"
    assert codes_at(lint(page, "html", ("S009",))) == [(4, "S009"), (5, "S009")]
    assert (
        lint(page.replace("**Rule:**", "<strong>Rule:</strong>").replace("## ", ""), "html", ("S009",)) == []
    )
    assert lint("# X\n\n**Rule:** Markdown renders it.\n", "markdown", ("S009",)) == []


def test_a_code_span_in_backticks_inside_html_and_quotation_backticks() -> None:
    page = "<main><h1>X</h1>\n<ul><li>`session.timeout.ms` is 45 s</li></ul>\n<p>Use `type k{}`.</p></main>"
    assert codes_at(lint(page, "html", ("S009",))) == [(2, "S009"), (3, "S009")]
    quoted = "<main><h1>X</h1><p>He said `the thing.' and `that one.' or `ok`; <code>`a.b`</code>.</p></main>"
    assert lint(quoted, "html", ("S009",)) == []


# -- S010 page-debris ----------------------------------------------------------------------------


def test_page_debris_at_the_edges_only() -> None:
    draft = (
        "close\nMy Title Here\n\n2 min read 08-11-2024\nMy Title Here\n\n" + "A sentence of the post. " * 5
    )
    assert codes_at(lint(draft + "\n\nShare\n", "text", ("S010",))) == [
        (1, "S010"),
        (4, "S010"),
        (5, "S010"),
        (9, "S010"),
    ]
    body = (
        "# Post\n\n" + "A sentence of the post. " * 5 + "\n\nShare\n\n" + "More of the post here. " * 5 + "\n"
    )
    assert lint(body, "markdown", ("S010",)) == []  # a "Share" inside the post is a word of it


def test_a_byline_the_page_template_marks_is_the_pages_own() -> None:
    page = (
        '<main><article>\n<h1>X</h1>\n<p class="post-meta">By Ana · 6 min read · <time datetime="2025-03-02">'
        "03-02-2025</time></p>\n<p>" + "The post says things. " * 6 + "</p>\n</article></main>"
    )
    assert lint(page, "html", ("S010",)) == []
    pasted = page.replace(' class="post-meta"', "").replace(' datetime="2025-03-02"', "")
    pasted = pasted.replace("<time", "<span").replace("</time>", "</span>")
    assert codes_at(lint(pasted, "html", ("S010",))) == [(3, "S010")]


def test_the_seed_draft_is_fixed_clean(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("../shared/drafts is not present")
    copy = tmp_path / SEED.name
    shutil.copyfile(SEED, copy)
    copy.chmod(0o644)
    run_cli(["check", "--fix", "--unsafe-fixes", "--no-cache", str(copy)])
    left = [line.strip() for line in copy.read_text(encoding="utf-8").splitlines()]
    assert "close" not in left and "2 min read 08-11-2024" not in left
    # The source page's title goes too, its first copy included: the post's title is its H1,
    # and the post starts on it, with no blank line left above.
    assert not [line for line in left if line.startswith("T-Mobile Outage: What Can We Learn")]
    assert left[0] == "# T-Mobile Outage: Lessons Learned from a Major Tech Failure"
    remaining = {f.code for f in lint_file(copy).findings}
    assert not remaining & {"S004", "S010", "H006", "L001"}


# -- A001 stock-phrase (opt-in) ----------------------------------------------------------------


def test_the_style_pack_is_opt_in(tmp_path: Path) -> None:
    text = "# X\n\nIn the rapidly changing world of DevOps, caching is a game-changer.\n"
    assert not [f for f in lint(text) if f.code == "A001"]
    assert [f.code for f in lint(text, select=("A001",))] == ["A001", "A001"]
    config = tmp_path / ".seolint.toml"
    config.write_text('extend-select = ["stock-phrase"]\n', encoding="utf-8")
    draft = tmp_path / "post.md"
    draft.write_text(text, encoding="utf-8")
    out = run_cli(["check", "--format", "text", "--no-cache", str(draft)]).stdout
    assert out.count("A001 [info]") == 2 and "M003" in out  # the defaults still run


# -- published posts -----------------------------------------------------------------------------


@pytest.mark.parametrize("linted", CORPUS_RUNS)
def test_leftover_rules_stay_quiet_on_published_posts(linted: str, request: pytest.FixtureRequest) -> None:
    """The forms by layout and grammar report nothing on the published posts: a sample in the
    default run, all 1,000+ in the slow set (S009: the Flink pages whose raw Markdown really
    shows, checked by eye)."""
    corpus_results: dict[Path, FileResult] = request.getfixturevalue(linted)
    assert len(corpus_results) > 1000 // (CORPUS_SAMPLE if linted == "corpus_sample_results" else 1)
    found = Counter(
        f.code
        for result in corpus_results.values()
        for f in result.findings
        if f.code in {"S005", "S006", "S007", "S008", "S010"}
    )
    assert found == Counter(), found


def test_the_plan_reads_extend_select() -> None:
    plan = make_plan(Config(extend_select=("A001",)))
    assert {"A001", "S005"} <= {active.rule.code for active in plan.rules}
    assert "A001" not in {active.rule.code for active in make_plan(Config()).rules}
