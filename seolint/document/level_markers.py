"""Outline markers: a token naming a heading's level that an outline tool wrote before (or
after) the heading's words, however it is spelled.

One grammar for every reader (the plain-text front-end, which turns marker lines into
headings; H006, which reports them; C001, which does not read them as the post's ending):

    marker   := symbol* (token separator | wrapped separator?) words      "📌 H2: Setup"
              | words (wrapped | separator token)                         "Setup (H2)", "Setup — H3"
    token    := H1..H6 | heading [level] 1..6 (or one..six) | level 1..6 heading,
                maybe with "heading", "title" or "tag" after it ("H2 tag: ...")
    wrapped  := the token in brackets of one kind: [H2] (H2) {H2} <H2> 【H2】,
                maybe after a counted part ("Section 1 (H2): ...")
    separator:= a colon, or a dot, parenthesis, dash, bar, arrow, bullet or emoji followed
                by a space ("H2. Setup", "H2 | Setup", "H2 📌 Setup")

Other languages name the level in words before the heading's (`Titre H2 :`, `Überschrift 2:`,
`二级标题` and a full-width colon): `named_marker` reads a phrase of those words (data of the
leftover rules) and a colon, full-width or after a space.

A token is a word of its own: `H2O`, `H1B visas`, `h2c`, `H2s` and `HTTP/2` are no markers.
Two forms are weaker, since real headings may start so: a bare token and a space (`H2 database
internals`), and a numbered section (`Section 3: Reclaiming space`, `[Section 3]`); and one at
the end after a separator (`Why it matters — H3`). Whether a draft's other lines make them
markers is the reader's to judge (`Marker.definite` says which is which).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Literal

from seolint.discover.records import NamedTuple

# Arrows, geometric shapes, dingbats, emoji and their joiners: what a tool puts before a
# marker or between it and the words ("📌 H2: ...", "H2 ▸ ...").
SYMBOL = "[\u2190-\u2bff\u3010\u3011\U0001f000-\U0001faff\ufe0f\u200d\u20e3]"
_NUMBER = "[1-6]|one|two|three|four|five|six"
_SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# The token; `(?!\w)` keeps it a word of its own (H2O, H1B, h2c, H2s).
TOKEN = (
    rf"(?:h(?P<h>[1-6])|heading[ \t-]?(?:level[ \t]?)?(?P<heading>{_NUMBER})"
    r"|level[ \t]?(?P<level>[1-6])[ \t]heading)"
    r"(?:[ \t](?:heading|title|tag))?(?!\w)"
)
_OPEN = r"(?P<open>[\[({<\u3010])[ \t]?"
_CLOSE = r"[ \t]?(?P<close>[\])}>\u3011])"
# A colon; or a dot, closing parenthesis, dash, bar, arrow, bullet or symbol with a space after it.
SEPARATOR = rf"[ \t]*(?::{{1,2}}|(?:[.)]|(?:[-–—―|‖~·•>=]|{SYMBOL})+)(?=\s|$))[ \t]*"
_COUNTED = r"(?:(?:section|part|chapter|step)[ \t]?\d{1,2}[ \t]*)?"  # "Section 1 (H2): ..."
_LEAD = rf"[ \t]*(?:{SYMBOL}+[ \t]*)?"
# The marker before the words (if any).
LEADING = re.compile(
    rf"^{_LEAD}(?P<marker>(?:{_COUNTED}{_OPEN})?{TOKEN}(?(open){_CLOSE}(?:{SEPARATOR}|[ \t]*)|{SEPARATOR}))"
    r"(?P<words>\S.*)?$",
    re.IGNORECASE,
)
_BARE = re.compile(rf"^{_LEAD}(?P<marker>h(?P<h>[1-6])(?!\w)[ \t]+)(?P<words>\S.*)$", re.IGNORECASE)
# A numbered section of a generated outline: "Section 3: Reclaiming space", "Body section 2 —
# Three fixes", "[Section 3] Setup". A real post names its sections, it does not count them.
_SECTION = re.compile(
    rf"^{_LEAD}(?P<marker>(?:(?:body|main|content)[ \t]+)?section[ \t]+(?P<section>\d{{1,2}})[ \t]*"
    r"(?::|[-–—|](?=[ \t]))[ \t]*|[\[(]section[ \t]+(?P<wrapped>\d{1,2})[\])][ \t]*:?[ \t]*)(?P<words>\S.*)$",
    re.IGNORECASE,
)
# After the words: "Conclusion (H2)", "Setup [H3]" (definite); "Why it matters — H3" (weak).
# Searched: each starts right after a word, so a run of spaces is scanned once.
_TRAILING_WRAPPED = re.compile(rf"(?<=\S)[ \t]*{_OPEN}{TOKEN}{_CLOSE}[ \t]*$", re.IGNORECASE)
_TRAILING_TOKEN = re.compile(
    rf"(?<=\S)(?:[ \t]+(?:[-–—―|‖·•]|{SYMBOL})|[ \t]*:)[ \t]+{TOKEN}[ \t]*$", re.IGNORECASE
)
_PAIRS = {"[": "]", "(": ")", "{": "}", "<": ">", "\u3010": "\u3011"}
# What a marker can start with, after symbols (a token, a bracket, a numbered section's
# word), and end with (a level's digit, a bracket).
_STARTS = frozenset("hHlLsSbBmMcC")
_ENDS = frozenset("123456)]}>\u3011")

Form = Literal["leading", "bare", "section", "trailing", "trailing-token"]


class Marker(NamedTuple):
    """An outline marker found in a line of text (offsets into that text)."""

    level: int  # the level it names; a numbered section names none and counts as an H2
    start: int  # where the marker begins (a symbol before it stays)
    end: int  # where it ends: the words begin (leading) or the text ends (trailing)
    digit: int | None  # where the level's digit is, to retype it; None when spelled out
    form: Form

    @property
    def definite(self) -> bool:
        """A marker whatever the rest of the draft: a token with a separator or brackets."""
        return self.form in ("leading", "trailing")

    @property
    def trailing(self) -> bool:
        return self.form in ("trailing", "trailing-token")


def leading_marker(text: str, weak: bool = True) -> Marker | None:
    """The marker that starts `text` ("H2: Setup", "[H3] Setup", "📌 Heading 2 - Setup", or
    only "H2:"); `weak`: also a bare token or a numbered section, with words after it."""
    start = text.lstrip()[:1]
    if start.isalnum() and start not in _STARTS:
        return None  # most lines: no marker starts so
    found = LEADING.match(text)
    if found is not None and _paired(found):
        return _marker(found, found.start("marker"), found.end("marker"), "leading")
    if not weak:
        return None
    if bare := _BARE.match(text):
        return _marker(bare, bare.start("marker"), bare.start("words"), "bare")
    if section := _SECTION.match(text):
        return Marker(2, section.start("marker"), section.start("words"), None, "section")
    return None


def trailing_marker(text: str, weak: bool = True) -> Marker | None:
    """The marker that ends `text` ("Conclusion (H2)"; `weak`: "Why it matters — H3")."""
    end = text.rstrip()[-1:]
    if not (end in _ENDS or text.rstrip().lower().endswith(tuple(_SPELLED))):
        return None  # most lines: no marker ends so
    if end in _PAIRS.values():
        found = _TRAILING_WRAPPED.search(text)
        if found is not None and _paired(found):
            return _marker(found, found.start(), len(text), "trailing")
    if weak and (found := _TRAILING_TOKEN.search(text)) is not None:
        return _marker(found, found.start(), len(text), "trailing-token")
    return None


# A level in a named marker: a digit, or a numeral of Chinese and Japanese (`二级标题`).
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_NAMED_LEVEL = re.compile(r"[1-6]|[一二三四五六]")
# The phrase starts on a letter, not a space: spaces are the lead's alone, so a long run of
# them is read once, not once by each part that may hold it.
_NAMED_HEAD = re.compile(rf"^{_LEAD}(?P<phrase>[^:：\s][^:：\n]{{0,39}}?)[ \t]*[:：][ \t]*")
_NAMED_REACH = 48  # characters from a line's start to a named marker's colon, at most


def named_key(phrase: str) -> str:
    """How a phrase naming a level is looked up: lower case, no spaces, `{n}` for the level
    ("Titre H2" and "titre h{n}" -> "titreh{n}", "見出し 2" -> "見出し{n}")."""
    return _NAMED_LEVEL.sub("{n}", "".join(phrase.lower().split()), count=1)


def named_marker(text: str, phrases: Collection[str]) -> Marker | None:
    """The marker in words that starts `text` ("Titre H2 : Setup", "Überschrift 2: Setup"):
    symbols at most, a phrase of `phrases` (`named_key`s of phrases like `titre h{n}`), and a
    colon, full-width or after a space. A lookup, not a search of every phrase."""
    head = text[:_NAMED_REACH]
    if ":" not in head and "：" not in head:
        return None
    found = _NAMED_HEAD.match(text)
    if found is None or named_key(found.group("phrase")) not in phrases:
        return None
    number = _NAMED_LEVEL.search(found.group("phrase"))
    if number is None:
        return None  # a phrase of the lookup names a level; `phrases` of other words name none
    value = number.group()
    digit = found.start("phrase") + number.start() if value.isdigit() else None
    level = int(value) if value.isdigit() else _NUMERALS[value]
    return Marker(level, found.start("phrase"), found.end(), digit, "leading")


def marker_in(text: str, weak: bool = True) -> Marker | None:
    """The marker at the start or the end of a line, if it has one."""
    return leading_marker(text, weak) or trailing_marker(text, weak)


_OUTLINE = 3  # bare markers enough to be an outline by themselves, whatever levels they name


def weak_markers_hold(form: Form, definite: int, same: list[Marker]) -> bool:
    """Whether the weak markers of one form in a draft (`same`, all of them) are markers:
    the draft has `definite` other markers, or they make an outline themselves (bare tokens
    naming two levels, or three of them; two numbered sections or trailing tokens).
    `H2 database internals` once is a heading of a post about the H2 database."""
    if definite:
        return True
    if form == "bare":
        return len({marker.level for marker in same}) >= 2 or len(same) >= _OUTLINE
    return len(same) >= 2


def _paired(found: re.Match[str]) -> bool:
    opening = found.group("open")
    return opening is None or _PAIRS[opening] == found.group("close")


def _marker(found: re.Match[str], start: int, end: int, form: Form) -> Marker:
    for group in ("h", "heading", "level"):
        value = found.groupdict().get(group)
        if value:
            if value.isdigit():
                return Marker(int(value), start, end, found.start(group), form)
            return Marker(_SPELLED[value.lower()], start, end, None, form)
    raise AssertionError("a marker names its level")  # every token has one of the groups
