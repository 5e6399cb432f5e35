"""The screen that lets a pack rule skip texts: it must match every text a pattern matches.

A screen that missed a text would silently hide findings, so its contract is checked on
the built-in packs' own patterns over generated text, and on the shapes it rewrites.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.config.plan import ActiveRule, Plan
from seolint.registry.packs.load import builtin_pack_rules
from seolint.registry.packs.match import PackCheck
from seolint.registry.packs.regex_safety import LazyPattern, Pattern, compile_user_pattern
from seolint.registry.packs.screen import screen_for, without_leading_assertions
from seolint.registry.rule import Rule
from seolint.registry.screening import SCREENING
from tests.conftest import lint_text
from tests.examples import examples


def rule_patterns(check: object, language: str = "en") -> tuple[Pattern, ...]:
    """The patterns a page in `language` is screened with: its matchers only, as at lint time.

    (A cased letter beyond ASCII under IGNORECASE, "ü" in a German phrase, has no RE2
    superset: that language's pages are screened by `re` alone, seolint.registry.packs.regex_superset.)
    """
    assert isinstance(check, PackCheck)
    return tuple(p for m in check.matchers if m.reads(language) for p in m.patterns)


# A `terms` rule (T001) has no patterns and no screen: it looks for literal spellings.
PATTERN_RULES = tuple(rule for rule in builtin_pack_rules() if isinstance(rule.check, PackCheck))
BUILTIN_PATTERNS = tuple(p for rule in PATTERN_RULES for p in rule_patterns(rule.check))
LANGUAGES = sorted(
    {code for rule in PATTERN_RULES for m in rule.check.matchers for code in m.languages or ()}
)  # type: ignore[union-attr]
# Pieces the built-in patterns look for, so generated lines often hit (and nearly hit) them.
PIECES = [
    "TODO", "FIXME", "XXX", "TK", "TBD", "lorem ipsum", "[Insert stat]", "[add link]", "<placeholder>",
    "{{ name }}", "{{end}}", "Meta Description:", "Internal Links", "Call to Action:", "Title: x",
    "Sure, here is", "feel free to adjust", "let me know if you need any further", "1.2.XXX", "a",
    " ", ".", ":", "(", "[", "]", "-", "\t", "é", "Related posts", "\xa0", "İ", "’", "Inİ", "here’s a draft",
]  # fmt: skip
lines = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


class Text(NamedTuple):
    text: str


@pytest.fixture(autouse=True)
def screening(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the screens: every one of them is used, whatever this process read before."""
    monkeypatch.setattr(SCREENING, "from_characters", 0)


def hits_any(patterns: tuple[Pattern, ...], text: str) -> bool:
    return any(next(iter(p.finditer(text)), None) is not None for p in patterns)


def test_every_builtin_rule_gets_a_screen() -> None:
    for rule in PATTERN_RULES:
        screen = screen_for(rule_patterns(rule.check))
        assert screen is not None, rule.code
        assert screen.together is not None, rule.code  # translated to RE2 and compiled


# Ordinary prose, with what posts are full of: questions, tables, figures, parentheses, links.
# No built-in rule's RE2 screen may pass it, or every post would be searched line by line
# (`\?{2,3}` widened to `\?+` once sent a third of the corpus there: +10 % of its time).
ORDINARY = (
    "What did we change? Is it faster? Yes! The p99 fell by 30% (from 120 ms to 80 ms).\n"
    "| Metric | Before | After |\n| --- | --- | --- |\n| p99 | 120 ms | 80 ms |\n"
    "See [the docs](https://example.org/guide?page=2#setup) for the flags, or ask us - we answer.\n"
)


def test_no_builtin_screen_passes_ordinary_prose() -> None:
    for rule in PATTERN_RULES:
        screen = screen_for(rule_patterns(rule.check))
        assert screen is not None and screen.together is not None
        assert screen.together.search(ORDINARY) is None, rule.code


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(lines, min_size=1, max_size=6), st.sampled_from(LANGUAGES))
def test_each_builtin_screen_passes_every_text_of_a_post_that_matches(
    texts: list[str], language: str
) -> None:
    for rule in PATTERN_RULES:
        patterns = rule_patterns(rule.check, language)
        screen = screen_for(patterns)
        assert screen is not None
        passed = [item.text for item in screen.passing([Text(text) for text in texts])]
        assert [text for text in texts if hits_any(patterns, text)] == [
            text for text in passed if hits_any(patterns, text)
        ]


def test_a_post_without_a_match_never_compiles_the_screen_for_one_text() -> None:
    screen = screen_for((re.compile(r"(?i)\bnever seen\b"), re.compile("TODO")))
    assert screen is not None
    assert screen.passing([Text("A line."), Text("Another one.")]) == []
    assert "each" not in vars(screen)
    assert screen.passing([Text("A line."), Text("TODO: never SEEN")]) == [Text("TODO: never SEEN")]
    assert "each" in vars(screen)


def test_in_a_post_that_may_match_re_reads_only_the_lines_re2_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """`re` tries some patterns at every position of a line; RE2 reads each line first."""
    monkeypatch.setattr(SCREENING, "from_characters", 0)
    screen = screen_for((re.compile(r"(?i)\bnot read\b"), re.compile("TODO")))  # a screen of its own
    assert screen is not None
    searched: list[str] = []

    class Counting:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(text)
            return re.compile(screen.each_source).search(text)

    vars(screen)["each"] = Counting()
    post = [Text(f"Line {n} of the post.") for n in range(50)] + [Text("TODO: a figure")]
    assert screen.passing(post) == [Text("TODO: a figure")]
    assert searched == ["TODO: a figure"]


def test_before_screening_pays_each_text_is_searched_without_re2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SCREENING, "from_characters", 10**9)
    screen = screen_for((re.compile(r"(?i)\bnot seen yet\b"), re.compile("TODO")))
    assert screen is not None
    assert screen.passing([Text("A line."), Text("TODO: never SEEN")]) == [Text("TODO: never SEEN")]
    assert screen.passing([Text("A line."), Text("Another one.")]) == []
    assert "together" not in vars(screen) and "each" in vars(screen)


@settings(max_examples=examples(400), deadline=None)
@given(lines)
def test_the_builtin_screen_matches_every_text_a_pattern_matches(text: str) -> None:
    screen = screen_for(BUILTIN_PATTERNS)
    assert screen is not None and screen.each is not None
    if hits_any(BUILTIN_PATTERNS, text):
        assert screen.each.search(text) is not None
        assert screen.passing([Text(text)]) == [Text(text)]


def test_the_builtin_screens_pass_few_lines_that_no_pattern_matches() -> None:
    """A screen that passed everything would be correct and useless."""
    plain = [
        "A sentence about compilers.",
        "- item with a path/to/file",
        "Version 1.2 (2024): notes",
        "Total: 4",
    ]
    for rule in PATTERN_RULES:
        screen = screen_for(rule_patterns(rule.check))
        assert screen is not None
        assert screen.passing([Text(line) for line in plain]) == [], rule.code


@pytest.mark.parametrize(
    ("pattern", "stripped"),
    [
        (r"\b(?:TODO|FIXME)\b", r"(?:TODO|FIXME)\b"),
        (r"(?<![\w.-])XXX(?!\w)", r"XXX(?!\w)"),
        (r"(?:^|(?<=[\[(:])|(?<=[.!?] ))TBD\b", r"TBD\b"),  # a group of only assertions
        (r"(?<=\))x", "x"),  # an escaped parenthesis inside the look-behind
        (r"(?<=[)])x", "x"),  # a parenthesis in a class
        (r"^(?i:title)\s*:", r"^(?i:title)\s*:"),  # anchors stay: they are cheap
        (r"(?:a|\b)x", r"(?:a|\b)x"),  # a group that can consume text stays
        (r"(?<=a", r"(?<=a"),  # never closed: left to the compiler
    ],
)
def test_leading_assertions_are_dropped_and_nothing_else(pattern: str, stripped: str) -> None:
    assert without_leading_assertions(pattern) == stripped


def test_each_pattern_keeps_its_own_flags() -> None:
    patterns: tuple[Pattern, ...] = (
        re.compile(r"(?i)todo"),
        re.compile("FIXME"),
        re.compile(r"(?x) a \  b  # a comment"),
    )
    screen = screen_for(patterns)
    assert screen is not None and screen.each is not None
    for text, expected in [("ToDo", True), ("fixme", False), ("FIXME", True), ("a b", True), ("ab", False)]:
        assert (screen.each.search(text) is not None) is expected, text
        assert hits_any(patterns, text) is expected, text


def test_patterns_that_refer_to_groups_are_not_combined() -> None:
    assert screen_for((re.compile(r"(\w)\1"), re.compile("x"))) is None
    assert screen_for((re.compile(r"(?P<a>x)(?P=a)"),)) is None


def test_re2_patterns_of_user_packs_are_not_screened() -> None:
    assert screen_for((compile_user_pattern("todo"),)) is None


def test_an_assertion_is_dropped_only_before_a_literal_matched_case_sensitively() -> None:
    def screen(source: str) -> str:
        built = screen_for((re.compile(source),))
        assert built is not None
        return built.each_source

    assert screen(r"\bTODO\b") == r"(?:TODO\b)"
    assert screen(r"(?<!\w)(?:TODO|FIXME)") == r"(?:(?:TODO|FIXME))"
    assert screen(r"(?i)\bsure\b") == r"(?i:\bsure\b)"  # the \b rejects mid-word positions sooner
    assert screen(r"\b\w+ly\b") == r"(?:\b\w+ly\b)"  # a class, not a literal


def own_patterns(rules: tuple[Rule, ...]) -> list[LazyPattern]:
    found = []
    for rule in rules:
        assert isinstance(rule.check, PackCheck)
        for matcher in rule.check.matchers:
            found += [p for p in (*matcher.patterns, *matcher.exceptions) if isinstance(p, LazyPattern)]
            found += [p for p in matcher.fix.with_lines if isinstance(p, LazyPattern)] if matcher.fix else []
    return found


def test_every_builtin_pattern_compiles() -> None:
    patterns = own_patterns(PATTERN_RULES)
    assert len(patterns) > 20
    for pattern in patterns:
        assert pattern.compiled().pattern == pattern.pattern


def test_a_clean_post_compiles_none_of_the_pack_rules_own_patterns() -> None:
    # Fresh patterns, none compiled yet (the terms rule has none).
    rules = tuple(rule for rule in builtin_pack_rules.__wrapped__() if isinstance(rule.check, PackCheck))
    plan = Plan(tuple(ActiveRule(rule, rule.severity, rule.default_options()) for rule in rules))
    clean = "---\ntitle: A post\n---\n\n# A post\n\nSome prose about caching, with [a link](https://x.dev).\n"
    assert lint_text(clean, "post.md", "markdown", plan).findings == ()
    assert not any(pattern._compiled for pattern in own_patterns(rules))
    found = lint_text(clean + "\nTODO: numbers.\n", "post.md", "markdown", plan).findings
    assert [finding.code for finding in found] == ["S002"]
    assert any(pattern._compiled for pattern in own_patterns(rules))
