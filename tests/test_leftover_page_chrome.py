"""Leftover forms of round five (the second AI set's misses, by form): an answer page's
sources, prompt and controls, a writing tool's buttons, a blog platform's footer, ad slots
and translation footers. Each with a hit and a near miss that must stay quiet."""

from __future__ import annotations

from tests.conftest import codes_at, lint

BODY = (
    "The post itself begins here and explains how memory limits work in a container, "
    "with an example that the reader can run on a machine of their own today.\n"
)


def _lines(text: str, fmt: str = "text") -> list[int]:
    return [line for line, code in codes_at(lint(text, fmt, ("S010",))) if code == "S010"]  # type: ignore[arg-type]


def test_an_answer_pages_prompt_sources_and_tabs_above_the_answer() -> None:
    page = (
        "write a blog post explaining memory limits for ops readers\n\nSources\n"
        "Memory limits - the kernel docs\nkernel.org · 1\nView 2 more\n\nAnswer\n\n" + BODY
    )
    assert _lines(page) == [1, 3, 4, 5, 6, 8]


def test_a_posts_own_sources_section_is_not_chrome() -> None:
    post = "# Limits\n\n" + BODY + "\nSources\n\n- [The kernel docs](https://kernel.org/doc/)\n- RFC 9111\n"
    assert _lines(post, "markdown") == []
    docs = "<main><h1>Limits</h1><p>" + BODY + "</p><h2>Sources</h2><p>kernel.org</p></main>"
    assert _lines(docs, "html") == []


def test_a_prompt_like_sentence_inside_the_post_is_the_posts() -> None:
    post = BODY + "\nwrite a blog post about it, and you will understand it better.\n\n" + BODY
    assert _lines(post) == []


def test_a_writing_tools_buttons_and_a_response_counter_at_the_end() -> None:
    assert _lines(BODY + "\nTry again\nInsert below\nDiscard\n") == [3, 4, 5]
    assert _lines("Thought for 12 seconds\n\n" + BODY + "\n1 of 2 responses\n") == [1, 5]


def test_numbers_alone_inside_the_post_are_not_a_counter() -> None:
    assert _lines(BODY + "\n2 of 3 replicas\n\n" + BODY) == []


def test_a_blog_platforms_footer_and_an_ad_slot() -> None:
    page = (
        "<article><h1>Packaging</h1><p>" + BODY + '</p><div class="ad"><p>Advertisement</p></div>\n'
        "<p>" + BODY + "</p>\n<p>👏 214</p>\n<p>Written by Ines Barros</p>\n<p>Follow</p>\n"
        "<h3>More from Ines Barros</h3>\n<p>Why your CLI starts slowly</p>\n</article>"
    )
    assert _lines(page, "html") == [2, 5, 6, 7, 8, 9]


def test_a_themes_own_author_box_and_related_links_are_the_pages() -> None:
    page = (
        "<article><h1>Packaging</h1><p>" + BODY + "</p>\n<p>Written by Ines Barros</p>\n"
        '<h3>Related posts</h3>\n<ul><li><a href="/cli/">Why your CLI starts slowly</a></li></ul></article>'
    )
    assert _lines(page, "html") == []


def test_a_translation_services_footer() -> None:
    assert _lines(BODY + "\nMachine-translated with DeepL · free plan\n") == [3]
    assert _lines(BODY + "\nMachine-translated text is hard to read, as this post shows at length.\n") == []


def test_a_keywords_field_in_a_code_block_is_the_posts() -> None:
    post = "# Front matter\n\n" + BODY + "\n```yaml\nkeywords: [timers, cron]\nSources\nkernel.org · 1\n```\n"
    assert _lines(post, "markdown") == []
    assert [code for _, code in codes_at(lint(post, "markdown", ("S005",)))] == []
