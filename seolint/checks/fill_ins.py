"""Slots still to fill in, by their form (part of S008): a name for what goes there, set off
by a delimiter, where the text should say the thing itself.

A slot is a delimiter and, inside it, a kind of content rather than content: `[Your Company]`,
`[AUTHOR NAME]`, `[[NUMBER]]`, `<COMPANY>`, `__COMPANY__`, `%COMPANY%`, `{company}`, `$[amount]`,
`[X]%`, or a figure's stand-in before its unit (`N ms`, `X%`). What is inside is read by its
words, not matched against a list of slots: at most five words that end in a noun of a
slot (slot-nouns in leftover_words.toml: company, name, date, amount, ...), written as a
slot is, in capitals, in title case, after "your" or "our", or as the bare noun; or a
placeholder letter (`X`, `N`, `XX`). So `[INFO]`, `[Conference]`, `__FILE__`, `Vec<T>`,
`<CONFIG_DIR>` and `map[string]int` are not slots, and brackets inside a quotation are its
editor's (“[the pool] is ready”). `<COMPANY>` is a slot in HTML too, where a browser shows
nothing in its place. `{{name}}` and `[Insert ...]` are S002's, link targets L001's.

`values` finds the other kind of fill-in: a value the writer must still supply, known by
its shape where a value stands: a status word in capitals before a unit or as a cell
among figures (`TBC requests`, `| PENDING |`), a bracket holding only question marks or
a blank (`[??]`, `[___]`), a blank line to fill as a whole cell (`___`), a stand-in figure
before its unit (`~N s`, `X.Y%`, `NN ms`), a name in mathematical angle brackets where
text goes (`⟨value⟩`). The words around decide, not a list of
strings: `N * t` in a formula, `TBD` in a roadmap's status column, `[…]` in a quotation and
`[1]` are not values to fill.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from seolint.checks.leftover_lexicon import leftover_words
from seolint.registry.lazy_patterns import LazyRegex

# The delimiters, each with its content in a group of its own name. Each opens with its
# literal character, so that `re` skips to the places a delimiter can start; what may not
# stand before it is looked back at from there.
_DELIMITED = LazyRegex(
    r"\[\[(?<![\]\w]\[\[)(?P<double>[^\[\]\n]{1,60})\]\](?![(\[:])"
    r"|\[(?<![\]\w\[]\[)(?P<square>[^\[\]\n^][^\[\]\n]{0,59})\](?![(\[:\]])"
    r"|<(?<![\w<]<)(?P<angle>[A-Z][A-Z _]{1,40}|(?i:your|our) [A-Za-z _]{1,40})>"
    r"|__(?<![\w_]__)(?P<dunder>[A-Z][A-Z0-9_]{1,40}?)__(?![\w])"
    r"|\{(?<![\w{$/%]\{)(?P<brace>[a-z][a-z0-9_]{1,40})\}(?!\})"
    r"|%(?<![\w%]%)(?P<percent>[A-Z][A-Z0-9_]{1,40})%(?!\w)"
)
# A figure's stand-in before its unit: "adds N ms", "by X%" (not "N/2+1", "O(N)", "5XX").
_FIGURE = LazyRegex(r"[NX](?<![\w/+*^(.%-][NX])(?=\s?(?:ms\b|%))")
# Where a figure stands: before its unit ("TBC requests per second", "~N req/s", "X.Y%").
_UNIT = (
    r"(?:%|×|x\b|(?:ms|s|sec|seconds?|minutes?|min|hours?|days?|weeks?|months?|[µn]s|[kKMGT]i?B|req/s|rps|qps|ops/s|requests?"
    r"|queries|users|items|rows|bytes|times|percent)\b)"
)
_VALUES = LazyRegex(
    # A status word in capitals standing in for a figure, before its unit.
    rf"(?<![\w/-])(?P<status>TK|TKTK|TBD|TBC|TBA|PENDING|XXX|NN|\?{{2,3}})(?=\s?{_UNIT})"
    # A stand-in figure before its unit: "~N s", "X.Y%", "NN ms", "N.N GB" (not "O(N)", "5XX").
    rf"|(?<![\w/+*^(.%-])(?P<figure>~\s?[NX]{{1,2}}|[NX]{{1,2}}\.[NXY]{{1,2}}|NN|XX)(?=\s?{_UNIT})"
    # A bracket holding nothing but question marks or a blank: "[?]", "[??]", "(??)", "[___]".
    r"|(?P<bracket>\[\s*(?:\?{1,3}|_{2,})\s*\]|\(\s*\?{2,3}\s*\))(?![(\[:])"
    # A name in mathematical angle brackets where text goes: "⟨value⟩" (not "⟨x, y⟩", "⟨x⟩").
    # A template variable ("{{per_call_budget}}") is S002's.
    r"|(?P<named>⟨[A-Za-z][A-Za-z _-]{2,30}⟩)"
)
# A whole cell among figures: "| 8 MB | 11.8 million | PENDING |", "64 MB   ___   0.01%".
_CELL = LazyRegex(r"(?:^|\|\s*|(?<=\s\s))(TK|TBD|TBC|TBA|PENDING|XXX|\?{1,3}|_{3,})(?=\s*\||\s{2,}|\s*$)")
# A cell starts after a pipe or after two spaces; the spaces are looked behind, not matched, so
# a long run of them is not re-read from each of its positions.
# The figures of a row: a cell that is a number, and whether it has a unit ("90 s", "11.8 million").
_FIGURES = LazyRegex(
    rf"(?:^|\|\s*|(?<=\s\s))\d[\d.,]*(?P<unit>\s?(?:{_UNIT}|million|billion|[kKMGT]))?(?=\s*\||\s{{2,}}|\s*$)"
)
# What a line must hold for `_VALUES` (the first) or `_CELL` (the second) to match in it.
_VALUE_SIGNS = ("TK", "TB", "PENDING", "XXX", "NN", "XX", "??", "~", "N.", "X.", "[", "(?", "( ?", "⟨")
_VALUE_SIGN = re.compile("|".join(map(re.escape, _VALUE_SIGNS)))  # one search, not fourteen
_CELL_SIGNS = ("TK", "TB", "PENDING", "XXX", "?", "___")
_OPENERS = ("[", "<", "__", "{", "%")  # a line with none of them holds no delimited slot
_LETTERS = frozenset({"X", "XX", "XXX", "N", "NN", "Y", "X.Y", "X.Y.Z", "#", "##"})
_FILLERS = frozenset({"here", "placeholder", "tbd", "goes"})
_OWNERS = frozenset({"your", "our", "client's", "customer's", "company's"})
_MAX_WORDS = 5
# HTML elements a slot noun names (`<ADDRESS>`, `<TITLE>` in an old page written in capitals).
_ELEMENTS = frozenset({"address", "title", "time", "data", "label", "source", "caption"})


@cache
def _nouns() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(noun.split()) for noun in leftover_words().slot_nouns)


def is_slot(content: str, delimiter: str = "square") -> bool:
    """Whether the text inside a delimiter names a kind of content (see the module's docstring)."""
    stripped = content.strip().strip("$€£")
    if stripped in _LETTERS:
        return delimiter in ("square", "double")
    words = re.findall(r"[A-Za-z']+", content.replace("_", " "))
    if not words or len(words) > _MAX_WORDS:
        return False
    lowered = [word.lower() for word in words]
    while len(lowered) > 1 and lowered[-1] in _FILLERS:
        lowered.pop()
        words.pop()
    nouns = _nouns()
    if tuple(lowered[-2:]) not in nouns and (lowered[-1],) not in nouns:
        return False
    capitals = content.upper() == content
    owned = lowered[0] in _OWNERS
    if delimiter == "angle":
        return (capitals or owned) and lowered[-1] not in _ELEMENTS
    if delimiter in ("dunder", "percent", "brace"):
        return True  # their pattern already spells a slot: capitals, or a lower-case identifier
    titled = all(word[:1].isupper() for word in words)
    bare = len(lowered) <= 2 and content.strip().islower()  # "[company]", "[product name]"
    return capitals or owned or titled or bare


def slots(text: str) -> Iterator[tuple[int, int]]:
    """Where the slots of a line of text are (start, end offsets), those in a quotation aside."""
    delimited = any(opener in text for opener in _OPENERS)
    figured = ("ms" in text or "%" in text) and ("N" in text or "X" in text)
    if not delimited and not figured:
        return  # most lines
    quoted = _quotations(text)
    for found in _DELIMITED.finditer(text) if delimited else ():
        delimiter = found.lastgroup or "square"
        if is_slot(found.group(delimiter), delimiter) and not _inside(quoted, found.start()):
            yield found.start(), found.end()
    for found in _FIGURE.finditer(text) if figured else ():
        if not _inside(quoted, found.start()):
            yield found.start(), found.end()


def is_angle_slot(text: str, start: int) -> bool:
    """Whether the slot at `start` is written in angle brackets (`<COMPANY>`), like a tag."""
    return text.startswith("<", start)


_QUOTATION = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")


def _quotations(text: str) -> list[tuple[int, int]]:
    if "“" not in text and '"' not in text:
        return []
    return [found.span() for found in _QUOTATION.finditer(text)]


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(start < at < end for start, end in spans)


def values(text: str) -> Iterator[tuple[int, int]]:
    """Where the values still to supply are in a line of prose (start, end offsets): see
    the module's docstring. Quotations are the quoted writer's."""
    if _VALUE_SIGN.search(text):
        quoted = _quotations(text)
        for found in _VALUES.finditer(text):
            if not _inside(quoted, found.start()):
                yield found.start(), found.end()
    if ("|" in text or "  " in text) and any(sign in text for sign in _CELL_SIGNS) and _among_figures(text):
        for found in _CELL.finditer(text):
            yield found.start(1), found.end(1)


def _among_figures(row: str) -> bool:
    """Whether a row of cells holds figures: one with its unit, or two bare numbers (a year
    alone, as in a roadmap's "| Q3 | 2025 | TBD |", is not enough)."""
    figures = list(_FIGURES.finditer(row))
    return any(found.group("unit") for found in figures) or len(figures) >= 2
