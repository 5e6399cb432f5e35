"""The RE2 translation of `re` patterns that pack screens search whole posts with.

Its one contract: the translation matches every text the original matches (it may match
more); the `lowered` translation matches `comparable` of every such text. A miss would hide
findings, so it is checked character by character over all of Unicode where the two engines'
classes and case folding differ, and on generated patterns and texts.
"""

from __future__ import annotations

import re
import string
import sys
from typing import Any

import pytest
import re2
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from seolint.registry.packs.regex_superset import WHITESPACE, comparable, re2_superset
from tests.examples import examples

OPTIONS = re2.Options()
OPTIONS.never_capture = True
OPTIONS.log_errors = False
ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def translated(source: str, lowered: bool = False) -> Any:
    target = re2_superset(source, lowered)
    assert target is not None, source
    return re2.compile(target, OPTIONS)


def matched_chars(source: str, few: bool = False) -> str:
    """Every character the one-character pattern `source` matches, in `re` (fast both for
    patterns that match a few characters and for those that match nearly all)."""
    if few:
        return "".join(re.findall(source, ALL_CHARS))
    flags, body = re.fullmatch(r"(\(\?\w+\))?(.*)", source, re.DOTALL).groups()  # type: ignore[union-attr]
    unmatched = re.sub(f"{flags or ''}(?:{body})+", "", ALL_CHARS)
    if len(unmatched) > len(ALL_CHARS) // 2:
        return "".join(re.findall(source, ALL_CHARS))
    return ALL_CHARS.translate(dict.fromkeys(map(ord, unmatched)))


def missed_chars(source: str, few: bool = False) -> str:
    """The characters the one-character pattern `source` matches and its translation does not."""
    matched = matched_chars(source, few)
    every = re2.compile(f"(?:{re2_superset(source)})*", OPTIONS)
    if every.fullmatch(matched.encode()) is not None:
        return ""
    return "".join(char for char in matched if every.fullmatch(char.encode()) is None)


def missed_lowered(source: str, few: bool = False) -> str:
    """The characters the one-character pattern `source` matches and whose `comparable` form
    its lowered translation does not match."""
    matched = matched_chars(source, few)
    every = re2.compile(f"(?:{re2_superset(source, lowered=True)})*", OPTIONS)
    if every.fullmatch(comparable(matched)) is not None:
        return ""
    return "".join(char for char in matched if every.fullmatch(comparable(char)) is None)


def test_whitespace_is_pythons_own() -> None:
    spaces = matched_chars(r"\s")
    assert spaces == "".join(char for char in ALL_CHARS if char.isspace())
    assert re2.compile(f"[{WHITESPACE}]*", OPTIONS).fullmatch(spaces.encode()) is not None
    others = ALL_CHARS.translate(dict.fromkeys(map(ord, spaces)))
    assert re2.compile(f"[^{WHITESPACE}]*", OPTIONS).fullmatch(others.encode()) is not None


def test_every_ascii_letter_matches_all_it_matches_in_python_ignoring_case() -> None:
    for letter in string.ascii_letters:
        for source in (f"(?i){letter}", f"(?i)[{letter}]"):
            assert missed_chars(source, few=True) == "", source


@pytest.mark.parametrize("letter", "iIksKS")
def test_negated_letters_match_all_they_match_in_python(letter: str) -> None:
    assert missed_chars(f"[^{letter}]") == ""
    assert missed_chars(f"(?i)[^{letter}]") == ""


@pytest.mark.parametrize(
    "source",
    [
        r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[\w-]", r"[^\w]", r"[^\s\[\]]", r"[\d.]",
        ".", "(?s).", r"(?i)[a-z]", r"(?i)[A-Z]", r"(?i)[h-j]", r"(?i)[^a-z]", r"(?i)[\x27’]",
        r"(?i)’", r"\u2019", r"\N{EM DASH}", r"[\b]", r"\x41", r"(?i)\x49", r"\0", r"[^.\n]",
    ],
)  # fmt: skip
def test_classes_and_escapes_match_all_they_match_in_python(source: str) -> None:
    assert missed_chars(source) == ""


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (r"\bTODO\b", "(?:)TODO(?:)"),
        (r"(?<![\w.-])XXX(?![\w-]|\.\w)", "(?:)XXX(?:)"),
        (r"(?<=\))x", "(?:)x"),
        (r"^a$", "(?m:^)a(?m:$)"),
        (r"\Aa\Z", "(?m:^)a(?m:$)"),
        (r"a{2,5}b{0,3}?c{,2}d{3}+", "a+b*?c*d+"),
        (r"a{x}{}", r"a\{x\}\{\}"),
        (r"(?P<name>a)(b)(?>c)(?#note)", "(?:a)(?:b)(?:c)"),
        (r"(?i)a(?-i:b)(?s:.)", "(?i)a(?-i:b)(?s:.)"),
        (r"(?u)x", "x"),
        ("a b", "a b"),
        (r"[]a]", r"[\]a]"),
        (r"[a-]", r"[a\-]"),
        ("it's a-b, c:d; e!=f <g> @h %i &j ~k_l|m/n", "it's a-b, c:d; e!=f <g> @h %i &j ~k_l|m/n"),
    ],
)
def test_translations(source: str, target: str) -> None:
    assert re2_superset(source) == target


def test_every_ascii_letter_lowered_matches_all_it_matches_in_python() -> None:
    for letter in string.ascii_letters:
        for source in (letter, f"(?i){letter}", f"[{letter}]", f"(?i)[{letter}]"):
            assert missed_lowered(source, few=True) == "", source


@pytest.mark.parametrize(
    "source",
    [
        *(f"{flags}[^{letter}]" for flags in ("", "(?i)") for letter in "iIksKS"),
        r"(?i)[a-z]", r"[A-Z]", r"(?i)[A-Z]", r"[A-z]", r"[^A-Z]", r"(?i)[^a-z]", r"[^\[-`]", r"[—–]",
        r"[^,;:]", r"(?i)’", r"\x41", r"(?i)\x49", r"[\x41-\x43]", r"(?-i:K)", r"\w", r"\S", r"\s", ".",
        r"\W", r"\D",
    ],
)  # fmt: skip
def test_lowered_classes_and_letters_match_all_they_match_in_python(source: str) -> None:
    assert missed_lowered(source) == ""


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (r"(?i)Would You\b", "would you(?:)"),
        (r"(?i)a(?-i:B)(?is:.)", "a(?:b)(?s:.)"),
        (r"[A-Cx]", "[A-Ca-cx]"),
        (r"[^A-Z]", "(?s:.)"),
        (r"[^,;]", r"[^\,\;]"),
    ],
)
def test_lowered_translations(source: str, target: str) -> None:
    assert re2_superset(source, lowered=True) == target


@pytest.mark.parametrize("source", [r"[À-Þ]", r"[^\u00c0-\u00de]"])
def test_lowered_refuses_classes_of_letters_beyond_ascii(source: str) -> None:
    assert re2_superset(source, lowered=True) is None


@pytest.mark.parametrize("letter", ["É", "é", "Σ", "ς", "ß", "ẞ", "ſ", "\u212a", "Ǆ", "ǅ", "İ", "ı"])
@pytest.mark.parametrize("flags", ["", "(?i)"])
def test_lowered_letters_beyond_ascii_become_any_character(letter: str, flags: str) -> None:
    """A word with such a letter ("übersetzer") still screens on its other letters; what
    `re` matches to the letter, made comparable, is one character the translation takes."""
    source = f"{flags}x{letter}y"
    assert re2_superset(source, lowered=True) == "x(?s:.)y"
    screen = translated(source, lowered=True)
    for char in matched_chars(f"{flags}{letter}", few=True):
        assert screen.fullmatch(comparable(f"x{char}y")) is not None, char


@pytest.mark.parametrize(
    "source",
    [
        r"(a)\1",  # references
        r"(?P<a>x)(?P=a)",
        r"(a)?(?(1)b|c)",
        r"(?x) a b",  # verbose
        r"(?a)\w",  # ASCII classes
        r"(?i)ſ",  # a cased non-ASCII letter under IGNORECASE
        r"(?i)[à-ÿ]",
        r"a(?i)b",  # flags in the middle
        r"[a",
        r"(a",
        r"a)",
    ],
)
def test_what_is_not_translated_with_certainty_is_refused(source: str) -> None:
    assert re2_superset(source) is None


ATOMS = [
    "a", "i", "I", "k", "s", "x", " ", ".", "-", "’", r"\.", r"\s", r"\S", r"\w", r"\W", r"\d",
    r"\b", r"\B", "^", "$", r"\A", r"\Z", "[a-z]", "[^a-z]", r"[\w-]", r"[^\s]", r"[^.\n]", "[iI]",
    "(?=a)", "(?!a)", "(?<=a)", "(?<!\\w)", r"\x27", r"\n", "K", "S", "[A-Z]", "[^A-Z]", "[^i]", "(?-i:A)",
    ",", "'", ":", "!", "=", "<", "_", "/",
]  # fmt: skip
QUANTIFIERS = ["", "", "", "*", "+", "?", "*?", "{2}", "{0,2}", "{1,}", "{,3}"]
TEXT_CHARS = "aAiIİıkKKsSſx .-’'\n\t\xa0\u2028_9é,:!=</"

atom = st.builds(lambda a, q: a + q, st.sampled_from(ATOMS), st.sampled_from(QUANTIFIERS))
sequence = st.lists(atom, min_size=1, max_size=5).map("".join)


def pattern_of(flags: str, alternatives: list[str], grouped: bool) -> str:
    return flags + (f"(?:{'|'.join(alternatives)})" if grouped else "|".join(alternatives))


patterns = st.builds(
    pattern_of,
    st.sampled_from(["", "(?i)", "(?s)", "(?m)", "(?is)"]),
    st.lists(sequence, min_size=1, max_size=3),
    st.booleans(),
)
texts = st.lists(st.text(alphabet=TEXT_CHARS, max_size=12), min_size=1, max_size=4)


@pytest.mark.parametrize("lowered", [False, True])
@settings(max_examples=examples(500), deadline=None)
@given(patterns, texts)
def test_the_translation_matches_the_joined_texts_whenever_the_pattern_matches_one(
    lowered: bool, source: str, parts: list[str]
) -> None:
    """Also lowered: the translation for text made comparable (lower case, one form of each
    letter) matches the joined texts made comparable."""
    try:
        pattern = re.compile(source)
    except re.error:
        assume(False)
        return
    if any(pattern.search(part) for part in parts):
        joined = "\n".join(parts)
        text = comparable(joined) if lowered else joined.encode()
        assert translated(source, lowered=lowered).search(text) is not None
