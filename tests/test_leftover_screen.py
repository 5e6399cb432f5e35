"""The leftover forms' screens (seolint/checks/leftover_screen.py): a form asks whether a draft
may hold it before it reads the draft line by line. A screen may only skip work, never change
what is found, and on a published post it skips the forms' reading."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from seolint.checks import leftovers
from seolint.checks.leftover_screen import line_texts, unit_texts
from seolint.discover.source import format_for
from seolint.document.model import Document
from seolint.parse import parse
from seolint.registry.lazy_patterns import NoScreen
from seolint.registry.screening import SCREENING
from tests.conftest import FIXTURES, ROOT

DRAFTS = sorted(
    path
    for path in [*(ROOT / "tests" / "data").glob("*/*"), *FIXTURES.rglob("*")]
    if path.is_file() and format_for(str(path)) is not None
)


@contextmanager
def screening(on: bool) -> Iterator[None]:
    saved = SCREENING.from_characters
    SCREENING.from_characters = 0 if on else 1 << 62
    try:
        yield
    finally:
        SCREENING.from_characters = saved


def read(path: Path) -> Document:
    fmt = format_for(str(path))
    assert fmt is not None
    return parse(path.read_text(encoding="utf-8"), str(path), fmt)


def test_the_drafts_are_found() -> None:
    assert len(DRAFTS) > 200


@pytest.mark.parametrize("path", DRAFTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_screened_draft_has_the_anatomy_of_an_unscreened_one(path: Path) -> None:
    with screening(on=False):
        unscreened = read(path)
        expected = leftovers.anatomy(unscreened)
        assert isinstance(line_texts(unscreened), NoScreen)
    with screening(on=True):
        screened = read(path)
        assert leftovers.anatomy(screened) == expected
        assert not isinstance(line_texts(screened), NoScreen)


CLEAN = """# Tracing a slow request

Our API served most requests in 40 ms, but one in a thousand took two seconds. This post
follows one of them through the load balancer, the service and the database, and shows the
index we added (see [the PR](https://example.com/pr/12)).

## The trace

The span for the query (`SELECT * FROM orders`) took 1.9 s of the 2 s.

- Add an index on `orders.customer_id`.
- Check the plan again with `EXPLAIN`.

That fixed it: the slowest request now takes 60 ms.
"""

DRAFT = """# Tracing a slow request

The reviewer should add a terminal screenshot of the trace.

Our API served most requests in 40 ms (Suggested image: a latency histogram).

Key Takeaways (bullet list for skimmers):

- One slow query.
"""


def test_a_published_post_is_screened_out_of_the_forms_that_read_every_line() -> None:
    with screening(on=True):
        doc = parse(CLEAN, "post.md", "markdown")
        assert leftovers.anatomy(doc).lines == frozenset()
        asked = {**line_texts(doc)._verdicts, **unit_texts(doc)._verdicts}
    assert len(asked) >= 5
    assert not any(asked.values())  # no form read the post's lines


def test_a_draft_passes_the_screens_of_the_forms_it_holds() -> None:
    with screening(on=True):
        doc = parse(DRAFT, "draft.md", "markdown")
        notes = leftovers.anatomy(doc).notes
        passed = [v for v in (*line_texts(doc)._verdicts.values(), *unit_texts(doc)._verdicts.values()) if v]
    assert {note.span.line for note in notes} == {3, 5, 7}
    assert len(passed) >= 3
