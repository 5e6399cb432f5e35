"""Leftover forms of round four (issue 27's misses, by form): an outline in any block markup,
a chat page's UI pasted with the answer, a title line that is a page's title or in title
case, labels behind an emoji, and notes on publishing. Each with a hit, a near miss and,
where it has one, its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import codes_at, lint, run_cli

POST = "The post itself begins here and says what it has to say about batching resolvers. " * 2

# -- S006: an outline written in any block markup -------------------------------------------------

PARTS = [
    "Outline",
    "I. Introduction",
    "Hook: a page that fires three hundred queries to show three hundred comments on one request",
    "Thesis: N+1 is a side effect of resolvers per field, and batching fixes it without giving up the schema",
    "II. Batching",
    "Key points: a cache per request, one batch function",
    "III. Conclusion",
    "CTA: ask readers to count the queries behind their slowest page",
]


def _html_outline(tag: str) -> str:
    items = "\n".join(f"<{tag}>{part}</{tag}>" for part in PARTS)
    if tag == "li":
        items = f"<ul>\n{items}\n</ul>"
    return f"{items}\n<p><strong>Full draft</strong></p>\n<h1>Batching</h1>\n<p>{POST}</p>\n"


@pytest.mark.parametrize(
    ("text", "fmt", "lines"),
    [
        (_html_outline("p"), "html", (1, 9)),
        (_html_outline("li"), "html", (2, 11)),
        ("\n\n".join(PARTS) + f"\n\nFull draft\n\n# Batching\n\n{POST}\n", "markdown", (1, 17)),
        ("\n".join(PARTS) + f"\nFull draft\n\nBatching\n\n{POST}\n", "text", (1, 9)),
    ],
)
def test_an_outline_whose_parts_are_whole_sentences_in_any_block(
    text: str, fmt: str, lines: tuple[int, int]
) -> None:
    found = lint(text, fmt, ("S006",))  # type: ignore[arg-type]
    assert [(f.span.line, f.span.end_line) for f in found] == [lines]


def test_an_outline_in_html_inside_a_post_about_outlining_is_left_alone() -> None:
    page = f"<h1>Outlining a post</h1>\n<p>{POST}</p>\n" + _html_outline("p").split("<h1>")[0]
    assert lint(page, "html", ("S006",)) == []


# -- S010: a chat or search page's UI around the answer -------------------------------------------

ANSWER = "SQLite's rollback journal makes readers and writers take turns, and WAL changes that. " * 2


def test_a_chat_pages_tabs_controls_and_related_questions_at_the_edges() -> None:
    draft = (
        f"# SQLite WAL\n\nAnswer\n\n{ANSWER}\n\nShare\nCopy link\nRelated\n"
        "How does WAL compare to rollback journals?\n"
        "What is checkpoint starvation in SQLite and how do I prevent it from happening?\n"
    )
    assert codes_at(lint(draft, "markdown", ("S010",))) == [(3, "S010"), *((n, "S010") for n in range(7, 12))]


def test_a_sites_own_related_links_and_sources_are_not_chrome() -> None:
    docs = (
        f"# WAL\n\n{ANSWER}\n\n## Sources\n\n1. SQLite documentation, Write-Ahead Logging\n\n"
        "## Related\n\n- [Checkpoints](checkpoints.md)\n- [Backups](backups.md)\n"
    )
    assert lint(docs, "markdown", ("S010",)) == []
    question = f"# WAL\n\n{ANSWER}\n\nRelated questions come up often in the forum, and we answer them.\n"
    assert lint(question, "markdown", ("S010",)) == []


def test_two_controls_in_a_row_are_chrome_anywhere_one_is_a_word() -> None:
    body = f"<h1>Zero trust</h1>\n<p>{ANSWER}</p>\n"
    chips = "<p>Learn more: 1. microsoft.com 2. nist.gov 3. cisa.gov +2 more</p>\n"
    page = body + "<p>Share</p>\n" + chips + f"<h2>Your turn</h2>\n<p>{ANSWER}</p>\n"
    assert codes_at(lint(page, "html", ("S010",))) == [(3, "S010"), (4, "S010")]
    alone = body + f"<p>Share</p>\n<h2>Your turn</h2>\n<p>{ANSWER}</p>\n"
    assert lint(alone, "html", ("S010",)) == []


def test_a_themes_share_link_and_a_list_of_mirrors_are_the_pages_own() -> None:
    page = f'<h1>Zero trust</h1>\n<p>{ANSWER}</p>\n<p><a href="https://example.org/share">Share</a></p>\n'
    assert lint(page, "html", ("S010",)) == []
    mirrors = f"# Mirrors\n\n{ANSWER}\n\nMirrors: ftp.debian.org, mirror.kernel.org\n"
    assert lint(mirrors, "markdown", ("S010",)) == []


def test_a_long_title_in_title_case_is_no_sentence_of_the_post() -> None:
    draft = (
        "Redis Eviction Policies Explained: Keep Your Cache Fast When Memory Runs Out\n"
        "5 min read  •  Nov 8, 2024\nshare\n\n" + ANSWER + "\n"
    )
    assert codes_at(lint(draft, "text", ("S005", "S010"))) == [(2, "S010"), (3, "S010")]


# -- S010: the source page's title over the post's own H1 -----------------------------------------

PAGE_TITLE = "Telecom Outage: What Can We Learn from This Failure?"


def test_the_source_pages_title_over_an_h1_of_other_words() -> None:
    stacked = f"{PAGE_TITLE}\n\nH1: Lessons From a Telecom Outage\n\n{ANSWER}\n"
    assert codes_at(lint(stacked, "text", ("S010",))) == [(1, "S010")]
    copied = f"{PAGE_TITLE}\n\n2 min read 08-11-2024\n{PAGE_TITLE}\n\n# Lessons From an Outage\n\n{ANSWER}\n"
    assert [line for line, _ in codes_at(lint(copied, "markdown", ("S010",)))] == [1, 3, 4]


@pytest.mark.parametrize(
    "text",
    [
        f"{PAGE_TITLE}\n\n# {PAGE_TITLE}\n\n{ANSWER}\n",  # the same title: S004/S010 copies, not this
        f"Published in the archive last spring\n\n# Lessons From an Outage\n\n{ANSWER}\n",  # no title
        f"{PAGE_TITLE}\n\n{ANSWER}\n\n# Lessons From an Outage\n\n{ANSWER}\n",  # the post began
    ],
)
def test_what_is_not_the_source_pages_title(text: str) -> None:
    assert [f for f in lint(text, "markdown", ("S010",)) if "source page" in f.message] == []


def test_the_fix_leaves_the_post_starting_on_its_h1(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        f"close\nclose\n{PAGE_TITLE}\n\n{PAGE_TITLE}\n\nH1: Lessons\n\n{ANSWER}\n", encoding="utf-8"
    )
    run_cli(["check", "--fix", "--unsafe-fixes", "--no-cache", str(draft)])
    assert draft.read_text(encoding="utf-8").startswith("# Lessons\n\n")


# -- S005: labels behind an emoji, and the heading of a block of them ------------------------------

TERRAFORM = "Every Terraform run starts by reading the state file, which maps your code to real objects. " * 2


def test_a_metadata_block_under_an_emoji_heading() -> None:
    draft = (
        "📌 **SEO Metadata**\n- **Focus keyphrase:** terraform state\n- **Slug:** terraform-state\n"
        f"- 👩‍💻 **Category:** DevOps\n\n# Terraform State\n\n{TERRAFORM}\n"
    )
    found = lint(draft, "markdown", ("S001", "S005"))
    assert codes_at(found) == [(1, "S005"), (2, "S001"), (3, "S001"), (4, "S005")]
    assert {f.fix.edits[0].start for f in found if f.code == "S005" and f.fix} == {
        0
    }  # one block, heading included


@pytest.mark.parametrize(
    "text",
    [
        # A post about SEO explains its metadata under a heading of the same words.
        "# Metadata\n\n" + TERRAFORM + "\n\n## SEO metadata\n\n**Meta title:** the title that search "
        "results show for the page, which should stay under sixty characters.\n\n" + TERRAFORM,
        # An emoji before a key of the post's own content.
        f"# Terraform\n\n{TERRAFORM}\n\n💡 **Tip:** keep one state per environment.\n",
    ],
)
def test_what_is_not_a_metadata_heading_or_label(text: str) -> None:
    assert lint(text, "markdown", ("S005",)) == []


# -- S008: notes on publishing, at an edge of the draft --------------------------------------------

NOTES = (
    "📝 **Notes for publishing:**\n- Replace the brand name before this goes live.\n"
    "- Add two internal links to related DevOps content for extra SEO juice.\n"
    "- Consider adding an FAQ section.\n"
)


@pytest.mark.parametrize("label", ["📝 **Notes for publishing:**", "Before you publish:", "**SEO tips:**"])
def test_a_list_of_notes_on_publishing_after_the_post(label: str) -> None:
    draft = f"# Terraform\n\n{TERRAFORM}\n\n" + NOTES.replace("📝 **Notes for publishing:**", label)
    found = lint(draft, "markdown", ("S008",))
    assert [(f.span.line, f.span.end_line) for f in found] == [(5, 8)]


def test_a_checklist_for_publishing_inside_a_post_about_blogging_is_the_posts() -> None:
    post = f"# Blogging\n\n{TERRAFORM}\n\n" + NOTES.replace(
        "📝 **Notes for publishing:**", "Before you publish:"
    )
    post += "\n" + "\n\n".join([TERRAFORM] * 5) + "\n"
    assert lint(post, "markdown", ("S008",)) == []
    heading = f"# Blogging\n\n{TERRAFORM}\n\n" + NOTES.replace(
        "📝 **Notes for publishing:**", "## Publishing notes"
    )
    assert lint(heading, "markdown", ("S008",)) == []


# -- S007: an opener in an over-eager voice, and notes on the draft --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Absolutely!! 🚀 Here is a comprehensive, fully SEO-optimized, engaging and reader-friendly blog "
        "post about managing Terraform state!",
        "A couple of notes on the draft:",
    ],
)
def test_the_assistant_announcing_or_annotating_its_draft(sentence: str) -> None:
    assert codes_at(lint(f"{sentence}\n\n# Terraform\n\n{TERRAFORM}\n", "markdown", ("S007",))) == [
        (1, "S007")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Here is a comprehensive, version-by-version list of what changed in the state backends.",
        "A couple of notes on the design:",
    ],
)
def test_what_is_not_the_assistant_announcing_its_draft(sentence: str) -> None:
    assert lint(f"{sentence}\n\n# Terraform\n\n{TERRAFORM}\n", "markdown", ("S007",)) == []


# -- S005: inside the post, a definition or a shown outline is the post's own ----------------------


def test_inside_the_post_a_label_with_a_value_is_still_one() -> None:
    post = f"# Keywords\n\n{TERRAFORM}\n\n**Secondary keywords:** webauthn, passkeys\n\n{TERRAFORM}\n"
    assert codes_at(lint(post, "markdown", ("S005",))) == [(5, "S005")]


@pytest.mark.parametrize(
    "block",
    [
        "- **Secondary keywords:** close variants of the main query. Use them as section headings.",
        "1. Why migrations lock\n   - Key points: lock levels, rewrites\n2. Conclusion\n"
        "   - CTA: review the next migration in your queue",
    ],
)
def test_inside_the_post_a_definition_or_a_shown_outline_is_the_posts(block: str) -> None:
    post = f"# Keywords\n\n{TERRAFORM}\n\n{block}\n\n{TERRAFORM}\n"
    assert lint(post, "markdown", ("S005",)) == []


# -- S007: advice about any post is the post's own -------------------------------------------------


def test_advice_on_any_post_is_not_the_assistant_but_a_request_on_this_one_is() -> None:
    advice = "If a post gets traffic but no clicks, rewrite the CTA before you rewrite the post."
    request = "Before publishing, rewrite the CTA to match your product."
    assert lint(f"# CTAs\n\n{TERRAFORM}\n\n{advice}\n", "markdown", ("S007",)) == []
    assert codes_at(lint(f"# CTAs\n\n{TERRAFORM}\n\n{request}\n", "markdown", ("S007",))) == [(5, "S007")]


def test_a_real_post_with_emoji_headings_and_emoji_asides_is_left_alone() -> None:
    post = (
        f"# 🛠️ Terraform State for Teams\n\n{TERRAFORM}\n\n## 📊 SEO metadata that matters\n\n{TERRAFORM}\n\n"
        "💡 **Tip:** keep one state per environment.\n\n## 📝 Notes\n\n"
        f"- {TERRAFORM}\n- {ANSWER}\n\n## 🔗 Related\n\n- [Remote backends](backends.md)\n"
    )
    assert [f for f in lint(post, "markdown") if f.code.startswith("S")] == []
