"""Options and edge cases of the heading, link, image, CTA, meta and code rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.checks.meta import title_pixels
from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.parse.metadata import FrontMatterKeys
from tests.conftest import codes_at, lint, lint_text


def codes(text: str, select: str, fmt: str = "markdown", **options: object) -> list[tuple[int, str]]:
    rules = {select: {key.replace("_", "-"): value for key, value in options.items()}} if options else None
    return codes_at(lint(text, fmt, select=(select,), rules=rules))  # type: ignore[arg-type]


def test_duplicate_heading_in_quotations_is_someone_elses() -> None:
    text = "# T\n\n## Updates\n\n> ### Blockers\n>\n> None.\n\n> ### Blockers\n>\n> Review.\n"
    assert codes(text, "H005") == []  # two quoted status comments, each with its own section
    assert codes(text.replace("> ###", "###"), "H005") == [(9, "H005")]
    quoted = "<blockquote><h3>Blockers</h3></blockquote>"
    html = f"<h1>T</h1><h2>Updates</h2>{quoted}{quoted}\n"
    assert codes(html, "H005", fmt="html") == []
    assert codes(
        html.replace("<blockquote>", "<div>").replace("</blockquote>", "</div>"), "H005", fmt="html"
    ) == [(1, "H005")]


def test_duplicate_heading_keeps_symbols_and_drops_punctuation() -> None:
    signatures = "# T\n\n## cache[key] → value\n\n## cache[key] = value\n"
    assert codes(signatures, "H005") == []  # two signatures of an API
    assert codes("# T\n\n## Results\n\n## Results:\n", "H005") == [(5, "H005")]


def test_duplicate_heading_siblings_only() -> None:
    text = "# T\n\n## A\n\n### Setup\n\n## B\n\n### Setup\n"
    assert codes(text, "H005") == []
    assert codes(text + "\n### Setup\n", "H005") == [(11, "H005")]
    assert codes(text, "H005", siblings_only=False) == [(9, "H005")]


def test_long_section_max_words() -> None:
    text = "# T\n\n## Part\n\n" + "word " * 50 + "\n"
    assert codes(text, "H007") == []
    assert codes(text, "H007", max_words=40) == [(3, "H007")]
    barely_over_600 = "# T\n\n## Part\n\n" + "word " * 700 + "\n"  # 700 words: a few % over is not a wall
    assert codes(barely_over_600, "H007") == []
    assert codes(barely_over_600.replace("word " * 700, "word " * 760), "H007") == [(3, "H007")]


def test_long_section_leaves_quotes_out() -> None:
    quotes = "".join(f"> {'word ' * 90}\n>\n> -- reader {n}\n\n" for n in range(8))
    text = "# T\n\n## Feedback\n\n" + "word " * 100 + "\n\n" + quotes
    assert codes(text, "H007") == []  # 720 quoted words, set apart one testimonial at a time
    assert codes(text.replace("> ", ""), "H007") == [(3, "H007")]
    letter = "# T\n\n## The letter\n\n> ## Failure modes\n>\n" + "".join(
        f"> * **Mode {n}**: {'word ' * 90}\n" for n in range(9)
    )
    assert codes(letter, "H007") == []  # a quoted email's own section, 810 words in its list
    assert codes(letter.replace("> ", "").replace(">\n", "\n"), "H007") == [(5, "H007")]


def test_long_section_is_broken_by_bold_lines_as_by_headings() -> None:
    answers = "".join(f"**Question {n}?**\n\n{'word ' * 300}\n\n" for n in range(6))
    interview = "# An interview\n\n" + answers
    assert codes(interview, "H007") == []  # 1,800 words, 300 after each question
    assert codes(interview.replace("**", ""), "H007") == [(1, "H007")]  # near miss: plain questions
    long_answer = interview + "**And the last one?**\n\n" + "word " * 800 + "\n"
    assert codes(long_answer, "H007") == [(27, "H007")]  # reported at the question it answers
    run_in = interview.replace("?**\n\n", "?** ")  # near miss: a bold label running into its text
    assert codes(run_in, "H007") == [(1, "H007")]
    html = "<h1>An interview</h1>" + "".join(
        f"<p><b>Question {n}?</b></p><p>{'word ' * 300}</p>" for n in range(6)
    )
    assert codes(html, "H007", "html") == []
    assert codes(html.replace("<b>", "").replace("</b>", ""), "H007", "html") == [(1, "H007")]


def test_long_section_is_broken_by_an_html_block_all_in_bold() -> None:
    entry = '<div class="goal">\n  <a href="/g"><strong>Goal {n}</strong></a>\n  <progress></progress></div>'
    report = "# A report\n\n## Updates\n\n" + "".join(
        entry.format(n=n) + "\n\n" + "word " * 300 + "\n\n" for n in range(4)
    )
    assert codes(report, "H007") == []  # 1,200 words, 300 after each goal's bold title
    shown = report.replace("</a>", " is on track</a>")  # near miss: text beside the bold title
    assert codes(shown, "H007") == [(3, "H007")]
    assert codes(report.replace("<strong>", "").replace("</strong>", ""), "H007") == [(3, "H007")]


def test_long_post_without_sections_is_judged_as_a_whole() -> None:
    title_only = "# T\n\n" + "word " * 900 + "\n"
    assert codes(title_only, "H007") == []  # near miss: 900 words, under twice the limit
    assert codes(title_only.replace("word " * 900, "word " * 1600), "H007") == [(1, "H007")]
    assert codes(title_only, "H007", max_words=400) == [(1, "H007")]


def test_internal_link_min_and_site_domains() -> None:
    text = "# T\n\n[a](https://blog.example.io/a) and [b](/b)\n"
    assert codes(text, "L002") == []
    assert codes(text, "L002", min=2) == [(1, "L002")]
    assert codes(text, "L002", min=2, site_domains=["example.io"]) == []


def test_top_level_site_domains_reach_link_rules() -> None:
    text = "# T\n\n[a](https://www.example.io/a)\n"
    plan = make_plan(Config(select=("L002", "L003"), site_domains=("example.io",)))
    found = codes_at(list(lint_text(text, "x.md", "markdown", plan).findings))
    assert found == [(1, "L003")]


def test_external_link_min() -> None:
    text = "# T\n\n[a](https://a.example.io/) [b](/b)\n"
    assert codes(text, "L003") == []
    assert codes(text, "L003", min=2) == [(1, "L003")]


@pytest.mark.parametrize(
    ("text", "fires"), [("here", True), ("Click Here!", True), ("go", False), ("docs", False)]
)
def test_vague_link_text(text: str, fires: bool) -> None:
    assert bool(codes(f"[{text}](/x)\n", "L004")) is fires


def test_long_section_leaves_closed_details_out() -> None:
    hidden = "<details><summary>Every term</summary>\n\n" + "word " * 700 + "\n\n</details>\n"
    text = "# T\n\n## Part\n\n" + "word " * 100 + "\n\n" + hidden
    assert codes(text, "H007") == []  # 700 words a reader sees only by opening them
    assert codes(text.replace("<details>", "<details open>"), "H007") == [(3, "H007")]
    assert codes(text.replace("<details>", "<div>").replace("</details>", "</div>"), "H007") == [(3, "H007")]
    html = (
        "<h1>T</h1><h2>Part</h2><p>" + "word " * 100 + "</p><details><p>" + "word " * 700 + "</p></details>\n"
    )
    assert codes(html, "H007", fmt="html") == []
    assert codes(html.replace("<details>", "<details open>"), "H007", fmt="html") == [(1, "H007")]


def test_vague_link_text_in_a_table_is_read_with_its_row() -> None:
    table = "| Goal | Details |\n| --- | --- |\n| Faster builds | [Learn more](/builds/) |\n"
    assert codes(table, "L004") == []  # the row names what the link is about
    assert codes(table + "\nSee [learn more](/x/) for the rest.\n", "L004") == [(5, "L004")]
    html = "<table><tr><td>Faster builds</td><td><a href='/b/'>Learn more</a></td></tr></table>\n"
    assert codes(html, "L004", fmt="html") == []


def test_vague_link_text_extend_phrases() -> None:
    assert codes("[this page](/x)\n", "L004") == []
    assert codes("[this page](/x)\n", "L004", extend_phrases=["this page"]) == [(1, "L004")]


def test_broken_anchor_in_html_uses_ids_and_headings() -> None:
    page = '<h2 id="intro">Intro</h2><h2>Set up</h2>'
    page += '<a href="#intro">a</a><a href="#set-up">b</a><a href="#gone">c</a>'
    assert codes(page, "L007", "html") == [(1, "L007")]


def test_alt_quality_extend_words() -> None:
    assert codes("![diagram](a.png)\n", "I003") == []
    assert codes("![diagram](a.png)\n", "I003", extend_words=["diagram"]) == [(1, "I003")]
    described = "![Image of the profiler with one crate expanded](a.png)\n"
    assert codes(described, "I003") == [(1, "I003")]
    assert codes(described, "I003", image_of=False) == []
    assert codes("![Image](a.png)\n", "I003", image_of=False) == [(1, "I003")]  # still a placeholder


def test_alt_length_max_length() -> None:
    assert codes("![A short alt](a.png)\n", "I004") == []
    assert codes("![A short alt](a.png)\n", "I004", max_length=5) == [(1, "I004")]


def test_empty_alt_only_for_html_images_not_decorative() -> None:
    page = '<img src="a" alt=""><img src="b" alt="" aria-hidden="true"><img src="c">'
    assert codes(page, "I002", "html") == [(1, "I002")]


CTA_POST = "# T\n\n" + "Plain words here. " * 30 + "\n\n## End\n\nThat is all. We dropped them a line.\n"


def test_cta_phrases_and_extend_phrases() -> None:
    assert codes(CTA_POST, "C001") == [(3, "C001")]  # the window is larger than the last H2 section
    assert codes(CTA_POST, "C001", extend_phrases=["dropped them a line"]) == []
    assert codes(CTA_POST, "C001", phrases=["that is all"]) == []


def test_cta_window_reaches_back() -> None:
    text = "# T\n\nSubscribe for more.\n\n" + "Plain words here.\n\n" * 8
    assert codes(text, "C001") == [(15, "C001")]  # the last quarter: three 3-word paragraphs
    assert codes(text, "C001", window=1.0) == []


def test_title_length_bounds_and_pixels() -> None:
    text = '---\ntitle: "A reasonable title for a blog post"\n---\n'
    assert codes(text, "M002") == []
    assert codes(text, "M002", min=40) == [(2, "M002")]
    assert codes(text, "M002", min=10, max=20) == [(2, "M002")]
    assert codes(text, "M002", max_pixels=200) == [(2, "M002")]
    assert title_pixels("iiii") < title_pixels("WWWW")


def test_title_length_judges_the_width_a_search_result_shows() -> None:
    narrow = "Please welcome cjgillot and Nadrieril to compiler-contributors"  # 62 characters, ~540 px
    assert codes(f"---\ntitle: {narrow}\n---\n", "M002") == []
    wide = "Managing Kyverno Policies as OCI Artifacts with OCIRepository Sources"  # 69, ~644 px
    assert codes(f"---\ntitle: {wide}\n---\n", "M002") == [(2, "M002")]
    assert codes(f"---\ntitle: {narrow}\n---\n", "M002", max=60) == [(2, "M002")]  # the character cap
    # a vowel sign below its letter (a combining mark) takes no room
    assert title_pixels("\u0915\u0941") == title_pixels("\u0915")


def test_seo_title_wins_over_title() -> None:
    text = '---\ntitle: "Short"\nseo_title: "A long enough search title for this post"\n---\n'
    assert codes(text, "M002") == []


def with_keys(text: str, select: tuple[str, ...], **keys: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """Findings under a config whose `[front-matter]` setting names `keys`."""
    plan = make_plan(Config(select=select, front_matter=FrontMatterKeys(**keys)))
    return [(f.span.line, f.code, f.message) for f in lint_text(text, "post.md", "markdown", plan).findings]


def test_one_description_setting_serves_every_rule() -> None:
    text = '---\nabstract: "Short"\nkeyphrase: "queues"\n---\n\nQueues.\n'
    rules = ("M003", "M004", "M007")
    missing = "keyphrase 'queues' is missing from the description"
    default = with_keys(text, rules)
    assert (1, "M003", "no meta description: add a front-matter `description`") in default
    assert (1, "M007", missing) in default
    found = with_keys(text, rules, description=("abstract",))
    assert [f for f in found if f[1] != "M007"] == [(2, "M004", "description is 5 characters (min 70)")]
    assert (2, "M007", missing) in found  # M007 searches the description M004 measured
    hint = with_keys("# T\n", ("M003",), description=("abstract", "description"))
    assert hint == [(1, "M003", "no meta description: add a front-matter `abstract`")]


def test_description_length_bounds() -> None:
    text = '---\ndescription: "' + "x" * 100 + '"\n---\n'
    assert codes(text, "M004") == []
    assert codes(text, "M004", max=90) == [(2, "M004")]
    assert codes(text, "M004", min=120) == [(2, "M004")]


def test_thin_content_min_words() -> None:
    assert codes("# T\n\n" + "word " * 50, "M006", min_words=40) == []
    assert codes("# T\n\n" + "word " * 50, "M006") == [(1, "M006")]


def test_keyphrase_keys_setting_reaches_placement_and_density() -> None:
    text = '---\ntitle: "Queues"\nfocus: "queues"\n---\n\nQueues.\n'
    assert with_keys(text, ("M007", "M008")) == []
    # description, H2/H3 and slug ("post") lack it; title and first paragraph have it
    found = with_keys(text, ("M007", "M008"), keyphrase=("focus",))
    assert [code for _, code, _ in found] == ["M007", "M007", "M007"]
    dense = '---\nfocus: "queues"\n---\n\n' + "Queues are queues. " * 40 + "\n"
    assert [code for _, code, _ in with_keys(dense, ("M008",), keyphrase=("focus",))] == ["M008"]


def test_slug_from_a_url_key_points_at_that_key() -> None:
    text = '---\ntitle: "T"\npermalink: "/blog/My_Post/"\n---\n'
    assert with_keys(text, ("M009",)) == [
        (3, "M009", "slug 'My_Post' has uppercase letters, has underscores")
    ]
    assert with_keys(text, ("M009",), slug=("slug",)) == []  # the file name, post.md, is fine


def test_keyphrase_density_bounds() -> None:
    body = "Queues are handy. " + "Other words fill this post. " * 40
    text = '---\nkeyphrase: "queues"\n---\n\n' + body + "\n"
    assert codes(text, "M008") == [(1, "M008")]
    assert codes(text, "M008", min=0.1) == []
    assert codes(text, "M008", min_words=1000) == []
    assert codes(text, "M008", min=0.0, max=0.1) == [(1, "M008")]


def test_slug_from_file_name_and_max_length(tmp_path: Path) -> None:
    plan = make_plan(Config(select=("M009",)))
    assert codes_at(list(lint_text("# T\n", "posts/My_Post.md", "markdown", plan).findings)) == [(1, "M009")]
    assert codes_at(list(lint_text("# T\n", "posts/my-post/index.md", "markdown", plan).findings)) == []
    assert codes("---\nslug: a-fine-slug\n---\n", "M009", max_length=5) == [(2, "M009")]


def test_unclosed_fence_is_not_also_missing_language() -> None:
    assert codes_at(lint("# T\n\n```\ncode\n", select=("K",))) == [(3, "K002")]


TERMINAL = (
    "# T\n\n```\n$ rustup update stable\ninfo: syncing channel updates\n```\n\n"
    "```\nerror[E0502]: cannot borrow `v` as mutable\n --> src/main.rs:4:5\n```\n\n"
    "```\n.\n├── content\n└── static\n```\n\n"
    "```\n# install the tools\npip install seolint\n```\n"
)


def test_code_language_leaves_terminal_output_alone_unless_told() -> None:
    assert codes_at(lint(TERMINAL, select=("K001",))) == [(19, "K001")]  # a comment is no prompt
    told = lint(TERMINAL, select=("K001",), rules={"K001": {"ignore-output": False}})
    assert [line for line, _ in codes_at(told)] == [3, 8, 13, 19]


def test_long_section_is_broken_by_the_turns_of_a_transcript() -> None:
    turns = "".join(f"{speaker}: {'word ' * 150}\n\n" for _ in range(4) for speaker in ("Ana Ruiz", "Q"))
    transcript = "# An interview\n\n## Transcript\n\n" + turns
    assert codes(transcript, "H007") == []  # 1,200 words in eight turns of two speakers
    assert codes(transcript.replace("Ana Ruiz: ", "").replace("Q: ", ""), "H007") == [(3, "H007")]
    notes = "# T\n\n## Part\n\n" + "".join(f"Note: {'word ' * 200}\n\n" for _ in range(4))
    assert codes(notes, "H007") == [(3, "H007")]  # near miss: one label again and again is no dialogue
    monologue = transcript + "Ana Ruiz: " + "word " * 800 + "\n"
    assert codes(monologue, "H007") == [(21, "H007")]  # a turn too long is reported at its speaker
    html = "<h1>An interview</h1>" + "".join(f"<p>{s}: {'word ' * 300}</p>" for _ in range(3) for s in "QA")
    assert codes(html, "H007", "html") == []
    assert codes(html, "H007", "html", max_words=200) != []
