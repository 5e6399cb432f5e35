"""Leftover forms generalised from the sixth blind set's misses (notes to the writer, the
assistant's notes, label lines): each form with a hit and a near miss from published prose."""

from __future__ import annotations

from tests.conftest import codes_at, lint

BODY = "Retries hide slow dependencies until the day they all time out together.\n"
LONG = "A queue absorbs bursts, and a worker pool drains it at a rate the database can take. " * 2


def _lines(text: str, code: str, fmt: str = "markdown") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


# -- HTML: quotations and an answer's text around the page ---------------------------------------


def test_a_quoted_chat_in_html_is_a_quotation() -> None:
    page = (
        "<article><h1>X</h1><p>" + LONG + "</p>\n<blockquote>\n"
        "<p><strong>Bot:</strong> Sure! Here's a script that adds the index.</p>\n"
        "<p><strong>Bot:</strong> As an AI, I can't see your schema, but it should work.</p>\n"
        "</blockquote>\n<p>" + LONG + "</p></article>"
    )
    assert _lines(page, "S003", "html") == []
    unquoted = page.replace("<blockquote>", "<div>").replace("</blockquote>", "</div>")
    assert _lines(unquoted, "S003", "html") == [3, 4]


def test_an_answers_paragraphs_around_the_page_are_read() -> None:
    page = (
        "<p>Of course! Below is the post, ready to paste into your CMS.</p>\n<!DOCTYPE html>\n"
        "<html><body><article><h1>Flags</h1><p>" + LONG + "</p></article></body></html>\n"
        "<p><em>Note: I couldn't verify the adoption figures, so I left a placeholder.</em></p>\n"
    )
    assert codes_at([f for f in lint(page, "html", ("S003", "S007"))]) == [(1, "S003"), (4, "S007")]
    site = page.replace("<p>Of course! Below is the post, ready to paste into your CMS.</p>\n", "")
    assert (
        _lines(
            site.replace("<p><em>Note: I", "<footer><p>We").replace("</em></p>", "</p></footer>"),
            "S007",
            "html",
        )
        == []
    )


# -- S002: a bracketed instruction whose object is no link --------------------------------------


def test_an_instruction_that_mentions_urls_further_on_is_still_one() -> None:
    text = (
        "# Post\n\n"
        + BODY
        + "\n[Insert code example that fetches several URLs]\n\n[Add stat: share of sign-ins, with source]\n"
    )
    assert _lines(text, "S002") == [5, 7]
    linked = "# Post\n\n" + BODY + "\n[Insert the docs link]\n"
    assert _lines(linked, "S002") == [] and _lines(linked, "L001") == [5]
