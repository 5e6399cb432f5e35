"""C001's screens only skip work: with or without them every sentence gets the same verdict."""

from __future__ import annotations

from contextlib import ExitStack
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.checks import cta
from seolint.checks.cta import asks_reader, lexicon, may_hold_request_verb
from seolint.discover.source import format_for
from seolint.parse import parse
from tests.conftest import CORPUS
from tests.examples import examples

IMPERATIVE_VERBS = lexicon().imperative_verbs  # seolint/checks/cta_words.toml

PIECES = [
    *" ,;:—–-.!?'’\"“*_([)]",
    "Try", "try", "TRY", "check", "out", "Don't", "don’t", "never", "miss", "wait", "not",
    "feel free to", "go ahead and", "make sure you", "why not", "and", "then", "so", "if", "when",
    "you", "You can download", "YOU MAY WANT TO", "yoU could", "you’ll want to", "you'll want to",
    "we'd love", "We’d", "we would", "WE WOULD", "invite", "Encourage",
    "urge", "welcome", "recommend", "forward to hearing", "PLEASE", "pleaſe", "İnvite", "Kelvin K",
    "ﬁnd", "2,try", "1,000", "x86", "the", "docs", "Use of", "Run time grew", "us", "our", "a", "it",
    "Questions", "thoughts", "let", "know", "have a look", "see you", "Keep in mind", "star", "fork",
    "ponder", "re-run", "2fa", "naïve",
]  # fmt: skip
sentences = st.lists(st.sampled_from(PIECES), max_size=24).map(" ".join)
VERB_SETS = [
    IMPERATIVE_VERBS,
    IMPERATIVE_VERBS | {"ponder"},
    IMPERATIVE_VERBS | {"re-run"},
    IMPERATIVE_VERBS | {"2fa"},  # not a word: the screen steps aside
    IMPERATIVE_VERBS | {"Try"},
    frozenset(),
]


def unscreened(sentence: str, verbs: frozenset[str], in_list: bool) -> bool:
    """asks_reader with every screen replaced by "maybe": the full search decides everything."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(cta, "may_hold_request_verb", lambda s, v: True))
        stack.enter_context(mock.patch.object(cta, "_may_open_request", lambda t, v: True))
        stack.enter_context(mock.patch.object(cta, "_invites", lambda s: bool(cta._INVITATION.search(s))))
        stack.enter_context(mock.patch.object(cta, "_invited_verb", unscreened_invited_verb))
        return asks_reader(sentence, verbs, in_list)


def unscreened_invited_verb(sentence: str) -> str | None:
    invited = cta._YOU_MAY.search(sentence)
    return invited.group(1).lower() if invited else None


@given(sentences, st.sampled_from(VERB_SETS), st.booleans())
@settings(max_examples=examples(800), deadline=None)
def test_screens_never_change_a_verdict(sentence: str, verbs: frozenset[str], in_list: bool) -> None:
    assert asks_reader(sentence, verbs, in_list) == unscreened(sentence, verbs, in_list)


@given(sentences)
@settings(max_examples=examples(500), deadline=None)
def test_the_invitation_screen_agrees_with_the_pattern(sentence: str) -> None:
    assert cta._invites(sentence) == bool(cta._INVITATION.search(sentence))


def test_the_screens_skip_most_sentences() -> None:
    assert not may_hold_request_verb("We measured the latency of every call.", IMPERATIVE_VERBS)
    assert may_hold_request_verb("We measured it, so try it.", IMPERATIVE_VERBS)
    assert may_hold_request_verb("Tout est prêt, essayez-le.", IMPERATIVE_VERBS)  # not ASCII: no screen
    assert may_hold_request_verb("We measured it.", IMPERATIVE_VERBS | {"2fa"})
    assert not cta._invites("We measured the latency of every call.")


def test_screens_agree_on_the_corpus_endings() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    drafts = sorted(p for p in CORPUS.rglob("*") if p.is_file() and format_for(str(p)))[::12]
    checked = 0
    for path in drafts:
        doc = parse(path.read_text(encoding="utf-8", errors="replace"), str(path), format_for(str(path)))
        for sentence in doc.views.sentences[-40:]:
            for in_list in (False, True):
                assert asks_reader(sentence.text, IMPERATIVE_VERBS, in_list) == unscreened(
                    sentence.text, IMPERATIVE_VERBS, in_list
                ), sentence.text
                checked += 1
    assert checked > 3000
