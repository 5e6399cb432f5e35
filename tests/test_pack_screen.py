"""The screen that lets a pack rule skip texts: it must find a match exactly when a pattern does.

A screen that missed a text would silently hide findings, so its contract is checked on
the built-in packs' own patterns over generated text, and on the flag shapes it rewrites.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.packs import PackCheck, builtin_pack_rules, screen_for
from seolint.regex_safety import Pattern, compile_user_pattern


def rule_patterns(check: object) -> tuple[Pattern, ...]:
    assert isinstance(check, PackCheck)
    return tuple(p for m in check.matchers for p in m.patterns)


BUILTIN_PATTERNS = tuple(p for rule in builtin_pack_rules() for p in rule_patterns(rule.check))
# Pieces the built-in patterns look for, so generated lines often hit (and nearly hit) them.
PIECES = [
    "TODO", "FIXME", "XXX", "TK", "TBD", "lorem ipsum", "[Insert stat]", "[add link]", "<placeholder>",
    "{{ name }}", "{{end}}", "Meta Description:", "Internal Links", "Call to Action:", "Title: x",
    "Sure, here is", "feel free to adjust", "let me know if you need any further", "1.2.XXX", "a",
    " ", ".", ":", "(", "[", "]", "-", "\t", "é", "Related posts",
]  # fmt: skip
lines = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


def hits_any(patterns: tuple[Pattern, ...], text: str) -> bool:
    return any(next(iter(p.finditer(text)), None) is not None for p in patterns)


def test_every_builtin_rule_gets_a_screen() -> None:
    for rule in builtin_pack_rules():
        assert screen_for(rule_patterns(rule.check)) is not None, rule.code


@settings(max_examples=400, deadline=None)
@given(lines)
def test_the_builtin_screen_finds_a_match_exactly_when_a_pattern_does(text: str) -> None:
    screen = screen_for(BUILTIN_PATTERNS)
    assert screen is not None
    assert (screen.search(text) is not None) == hits_any(BUILTIN_PATTERNS, text)


def test_each_pattern_keeps_its_own_flags() -> None:
    patterns: tuple[Pattern, ...] = (
        re.compile(r"(?i)todo"),
        re.compile("FIXME"),
        re.compile(r"(?x) a \  b  # a comment"),
    )
    screen = screen_for(patterns)
    assert screen is not None
    for text, expected in [("ToDo", True), ("fixme", False), ("FIXME", True), ("a b", True), ("ab", False)]:
        assert (screen.search(text) is not None) is expected, text
        assert hits_any(patterns, text) is expected, text


def test_patterns_that_refer_to_groups_are_not_combined() -> None:
    assert screen_for((re.compile(r"(\w)\1"), re.compile("x"))) is None
    assert screen_for((re.compile(r"(?P<a>x)(?P=a)"),)) is None


def test_re2_patterns_of_user_packs_are_not_screened() -> None:
    assert screen_for((compile_user_pattern("todo"),)) is None
