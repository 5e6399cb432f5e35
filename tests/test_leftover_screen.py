"""The leftover forms' screens (seolint/checks/leftover_screen.py): a form asks whether a draft
may hold it before it reads the draft line by line. A screen may only skip work, never change
what is found, and on a published post it skips the forms' reading."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from seolint.checks import assistant, label_lines, leftovers, page_debris
from seolint.checks.leftover_screen import unit_texts
from seolint.config.files import tomllib
from seolint.discover.source import format_for
from seolint.document.model import Document
from seolint.parse import parse
from seolint.registry.lazy_patterns import DocumentScreen, LazyRegex, NoScreen, ScreenedPattern
from seolint.registry.screening import SCREENING
from tests.conftest import FIXTURES, ROOT

PHRASINGS = tomllib.loads((ROOT / "tests" / "data" / "assistant_phrasings.toml").read_text(encoding="utf-8"))[
    "set"
]

HELD_OUT = ("ai_drafts_blind7", "ai_drafts_blind8")  # measurement sets no test reads (their READMEs)
DRAFTS = sorted(
    path
    for path in [*(ROOT / "tests" / "data").glob("*/*"), *FIXTURES.rglob("*")]
    if path.is_file() and format_for(str(path)) is not None and path.parent.name not in HELD_OUT
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
        assert isinstance(unit_texts(unscreened), NoScreen)
    with screening(on=True):
        screened = read(path)
        assert leftovers.anatomy(screened) == expected
        assert not isinstance(unit_texts(screened), NoScreen)


CLEAN = """# Tracing a slow request

Our API served most requests in 40 ms, but one in a thousand took two seconds. This post
traces one of them through the load balancer, the service and the database, and shows the
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
        asked = unit_texts(doc)._verdicts
    assert len(asked) >= 5
    assert not any(asked.values())  # no form read the post's lines


def test_a_draft_passes_the_screens_of_the_forms_it_holds() -> None:
    with screening(on=True):
        doc = parse(DRAFT, "draft.md", "markdown")
        notes = leftovers.anatomy(doc).notes
        passed = [v for v in unit_texts(doc)._verdicts.values() if v]
    assert {note.span.line for note in notes} == {3, 5, 7}
    assert len(passed) >= 2  # the two note forms it holds


class Cues(DocumentScreen):
    """A document in which the sentence asked about holds exactly the cues `names`."""

    def __init__(self, names: set[str]) -> None:
        super().__init__(())
        self._patterns = {assistant._cue_patterns()[name] for name in names}

    def may_hold(self, pattern: ScreenedPattern) -> bool:
        return pattern in self._patterns

    def decided(self, question: Callable[[DocumentScreen], bool]) -> bool:
        return True

    def search(self, pattern: ScreenedPattern, text: str) -> re.Match[str] | None:
        return re.match("", "") if pattern in self._patterns else None


CUE_NAMES = sorted(cue.name for cue in assistant.cues())
# Sentences with and without each trait `_by_cues` reads of a sentence's words: a question,
# "also", a habit ("always").
SENTENCES = ["Want one?", "We also kept it.", "It is done.", "I always write it?", "also"]


def test_a_document_without_a_combination_of_cues_holds_no_sentence_of_cues() -> None:
    """S007 skips its cues in a document where `_by_cues` fits no combination of them, asked
    of the whole document with a sentence that passes its other tests: any sentence whose
    cues fit a combination is in a document (which holds those cues, maybe more) that passes.
    Every combination `_by_cues` tells apart by a sentence's trait needs three cues at most."""
    for size in range(4):
        for held in itertools.combinations(CUE_NAMES, size):
            document = assistant._cues_may_combine(Cues(set(held)))
            for sentence, listed, edge in itertools.product(SENTENCES, (False, True), (False, True)):
                if assistant._by_cues(sentence, listed, edge, Cues(set(held))) is not None:
                    assert document, (held, sentence)
            for more in CUE_NAMES if document else ():
                assert assistant._cues_may_combine(Cues({*held, more})), (held, more)


def _consumes(items: list[tuple[object, object]], held: Callable[[object, object], bool]) -> bool:
    """Whether every match of a parsed pattern's `items` consumes an item `held` accepts."""
    from re import _constants as sre  # type: ignore[attr-defined]

    for op, value in items:
        if held(op, value):
            return True
        if op is sre.SUBPATTERN and _consumes(value[-1].data, held):  # type: ignore[index]
            return True
        if op is sre.BRANCH and all(_consumes(branch.data, held) for branch in value[1]):  # type: ignore[index]
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1 and _consumes(value[2].data, held):  # type: ignore[index]
            return True
    return False


def consumes(pattern: re.Pattern[str] | LazyRegex, held: Callable[[object, object], bool]) -> bool:
    from re import _parser  # type: ignore[attr-defined]

    return _consumes(_parser.parse(pattern.pattern, pattern.flags).data, held)


def a_digit(op: object, value: object) -> bool:
    from re import _constants as sre  # type: ignore[attr-defined]

    return op is sre.IN and value in (
        [(sre.CATEGORY, sre.CATEGORY_UNI_DIGIT)],
        [(sre.CATEGORY, sre.CATEGORY_DIGIT)],
    )


def a_colon(op: object, value: object) -> bool:
    """A colon, or a full-width one (U+FF1A), alone or as a class of the two."""
    from re import _constants as sre  # type: ignore[attr-defined]

    colons = {ord(":"), 0xFF1A}
    if op is sre.IN:
        return bool(value) and all(kind is sre.LITERAL and code in colons for kind, code in value)  # type: ignore[attr-defined]
    return op is sre.LITERAL and value in colons


@pytest.mark.parametrize("pattern", [page_debris._READ_TIME, page_debris._DATE, page_debris._AGO])
def test_a_line_without_a_digit_is_no_byline(pattern: re.Pattern[str]) -> None:
    """`is_byline` returns at once on a line without a digit: each of its patterns needs one."""
    assert consumes(pattern, a_digit)
    assert not consumes(re.compile(r"\d*min|\d+\s*min"), a_digit)


def test_a_line_without_a_colon_is_no_label() -> None:
    """`parse_label` returns at once on a line without a colon (of either width): its pattern needs one."""
    assert consumes(label_lines._LABEL, a_colon)
    assert not consumes(re.compile(r"\w+(?::|\s+-)"), a_colon)
