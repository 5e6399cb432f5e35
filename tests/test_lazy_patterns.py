"""Patterns compiled on first use and screened per document (seolint/registry/lazy_patterns.py):
a screen may only skip work, never change what is found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seolint.checks.assistant import assistant_form, cues, forms
from seolint.config.files import tomllib
from seolint.registry.lazy_patterns import (
    DocumentScreen,
    LazyRegex,
    NoScreen,
    ScreenedPattern,
    document_screen,
)
from seolint.registry.screening import SCREENING, Screening
from tests.conftest import run_cli

PHRASINGS = tomllib.loads(
    (Path(__file__).parent / "data" / "assistant_phrasings.toml").read_text(encoding="utf-8")
)["set"]
# Sentences a post of our own could hold, none an assistant's.
PLAIN = [
    "The scheduler now keeps one queue per core.",
    "We measured the change on three machines over a week.",
    "Each worker drains its own queue before it steals from another.",
]


def test_a_lazy_pattern_compiles_on_first_use() -> None:
    pattern = LazyRegex(r"\bqueue\b", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.search("One QUEUE per core") is not None
    assert pattern._compiled is not None
    assert pattern.match("queue") is not None and pattern.fullmatch("queues") is None
    assert [m.group() for m in pattern.finditer("queue, Queue")] == ["queue", "Queue"]


def test_a_screen_finds_what_re_finds() -> None:
    texts = [
        "Please ſtart the queue.",  # U+017F matches s under IGNORECASE
        "KELVIN \u212a and \u0130stanbul",
        "a\u3000b\u00a0c",  # Python's whitespace beyond ASCII
        "line one\nline two",
        "nothing here",
        "lone \ud800 surrogate",  # RE2 cannot read it: searched by re alone
    ]
    patterns = [
        ScreenedPattern(r"\bstart\b", re.IGNORECASE),
        ScreenedPattern(r"^\W*kelvin k\b", re.IGNORECASE),
        ScreenedPattern(r"\bistanbul", re.IGNORECASE),
        ScreenedPattern(r"a\sb\sc"),
        ScreenedPattern(r"two$"),
        ScreenedPattern(r"^line two"),
        ScreenedPattern(r"(?<!lone )surrogate"),
        ScreenedPattern(r"lone \ud800"),
        ScreenedPattern(r"\bnothing (?=here)"),
    ]
    for documents in ([texts[:-1]], [texts], [[text] for text in texts]):
        for document in documents:
            screen = DocumentScreen(document)
            for text in document:
                for pattern in patterns:
                    expected = re.compile(pattern.pattern, pattern.flags).search(text)
                    found = screen.search(pattern, text)
                    assert (found and found.span()) == (expected and expected.span()), (pattern.pattern, text)


def test_the_assistant_grammar_screened_finds_the_same() -> None:
    sentences = [s for found in PHRASINGS for s in found["said"] + found["near_misses"]] + PLAIN
    screen = DocumentScreen(sentences)
    for sentence in sentences:
        for listed, edge in ((False, True), (True, True), (False, False)):
            alone = assistant_form(sentence, listed, edge, NoScreen())
            assert assistant_form(sentence, listed, edge, screen) == alone, sentence


def test_a_plain_post_compiles_none_of_the_assistant_grammar() -> None:
    """The grammar costs ~25 ms CPU to compile: a post with no assistant's sentence pays none of it."""
    screen = DocumentScreen(PLAIN)
    compiled_before = {id(p) for p in _grammar() if p._compiled is not None}
    assert all(assistant_form(sentence, False, True, screen) is None for sentence in PLAIN)
    assert {id(p) for p in _grammar() if p._compiled is not None} == compiled_before


def _grammar() -> list[ScreenedPattern]:
    return [form.pattern for form in forms()] + [cue.pattern for cue in cues()]


def test_the_grammar_is_screened_lower_cased_without_ignoring_case() -> None:
    """RE2 compiles a pattern that ignores case in twice the time: the screens read the text
    lower-cased instead, and every pattern of the grammar has one."""
    for pattern in _grammar():
        pattern.may_match(b"")
        screen = pattern._screen
        assert screen is not None and hasattr(screen, "pattern"), pattern.pattern
        letters = screen.pattern.replace("\\S", "")
        assert "(?i" not in letters and not any(c.isupper() for c in letters), pattern.pattern


def test_a_document_is_screened_once_the_process_has_read_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling the screens pays only over enough text: a one-post check searches with `re` alone."""
    monkeypatch.setattr(SCREENING, "from_characters", 200)
    monkeypatch.setattr(SCREENING, "read", 0)
    assert type(document_screen(PLAIN)) is NoScreen  # 158 characters
    assert type(document_screen(PLAIN)) is DocumentScreen  # 316 read in all
    monkeypatch.setattr(SCREENING, "read", 0)
    assert type(document_screen(PLAIN * 2)) is DocumentScreen  # a document big enough alone


def test_a_run_of_several_documents_screens_from_the_first() -> None:
    screening = Screening(from_characters=10**6)
    assert not screening.pays()
    screening.screen_every_document()
    assert screening.pays()


def test_a_check_of_several_drafts_screens_them_all(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(SCREENING, "from_characters", 10**6)
    monkeypatch.setattr(SCREENING, "read", 0)  # whatever the tests before read in this process
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# A post\n\n" + " ".join(PLAIN) + "\n", encoding="utf-8")
    assert run_cli(["check", "--no-cache", "-q", str(tmp_path / "a.md")]).exit_code in (0, 1)
    assert not SCREENING.pays()
    assert run_cli(["check", "--no-cache", "-q", str(tmp_path)]).exit_code in (0, 1)
    assert SCREENING.pays()


def test_a_screen_asks_google_re2_its_own_way_or_through_its_module() -> None:
    """The screens call google-re2's RE2 object itself; a module without one is asked the
    usual way, with the same answers."""
    import re2

    from seolint.registry.lazy_patterns import _matching

    options = re2.Options()
    options.never_capture = True
    compiled = re2.compile(r"(?s:.*?)(?:queue)", options)

    class Module:  # google-re2 as it might be: only the public API
        def match(self, text: bytes) -> object:
            return compiled.match(text)

    for text in (b"one queue", b"none", b""):
        assert _matching(compiled)(text) == _matching(Module())(text) == (b"queue" in text)


def test_patterns_screened_together_pass_where_one_of_them_may_match() -> None:
    from seolint.registry.lazy_patterns import screened_together

    patterns = [
        re.compile(r"^\W*draft\s*\d+", re.IGNORECASE),
        LazyRegex(r"Notes for (?P<name>[A-Z]\w+):"),  # case matters here only
        re.compile(r"\[(?P<name>cite)\]"),  # the same group name: never compiled together
    ]
    for text in ("DRAFT 2 - review", "notes for lena:", "Notes for Lena:", "see [cite]", "nothing"):
        screen = DocumentScreen([text, "other"])
        alone = any(screen.may_hold(ScreenedPattern(p.pattern, p.flags & ~re.UNICODE)) for p in patterns)
        assert screen.may_hold(screened_together(patterns)) == alone, text
    assert DocumentScreen(["x"]).may_hold(screened_together([re.compile("x", re.MULTILINE)]))
