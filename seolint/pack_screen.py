"""One regex per pack rule that every text with a match also matches, to skip the rest.

A rule's texts are screened once, so its matchers and their exceptions read only the few
texts that can match: nearly no line of a post holds a template label or a TODO. The
screen joins the rule's patterns, each with its own flags in a scoped group, and drops the
zero-width assertions they start with (`\\b`, look-arounds) where a literal follows: the
screen then rejects most positions on their first character instead of testing the
assertions at every position (the built-in S002 screen over the corpus's lines: 1.06 s ->
0.34 s). Without its leading assertions a pattern matches wherever it did and maybe more,
so a screen can pass a text that has no match, never miss one.
"""

from __future__ import annotations

import re
from functools import cache

from seolint.regex_safety import Pattern

_LEADING_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[=<]|\(\?\(|\(\?<\w")  # numbers and names shift when combined
_FLAG_LETTERS = (
    (re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"),
)  # fmt: skip
_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")


@cache
def screen_for(patterns: tuple[Pattern, ...]) -> re.Pattern[str] | None:
    """The screen of `patterns`; None (no screening) when a pattern is not Python's (RE2 user
    packs) or refers to a group by number or name."""
    parts = []
    for pattern in patterns:
        if not isinstance(pattern, re.Pattern) or _GROUP_REFERENCE.search(pattern.pattern):
            return None
        body = pattern.pattern
        while leading := _LEADING_FLAGS.match(body):
            body = body[leading.end() :]
        verbose = bool(pattern.flags & re.VERBOSE)
        stripped = without_leading_assertions(body)
        if not pattern.flags & (re.VERBOSE | re.IGNORECASE) and _starts_with_literal(stripped):
            body = stripped
        letters = "".join(letter for flag, letter in _FLAG_LETTERS if pattern.flags & flag)
        comment_end = "\n" if verbose else ""  # a trailing comment must not swallow ")"
        parts.append(f"(?{letters}:{body}{comment_end})" if letters else f"(?:{body})")
    try:
        return re.compile("|".join(parts))
    except (re.error, OverflowError, RecursionError):
        return None


def without_leading_assertions(body: str) -> str:
    """`body` without the `\\b`, `\\B`, look-arounds and groups of only such assertions it
    starts with. Anchors (`^`, `\\A`) stay: a pattern tied to the start is already cheap."""
    while (end := _leading_assertion_end(body)) > 0:
        body = body[end:]
    return body


def _leading_assertion_end(body: str) -> int:
    """Where the assertion that `body` starts with ends; 0 when it starts with none."""
    if body.startswith(("\\b", "\\B")):
        return 2
    if body.startswith(_LOOK_AROUND):
        return max(_group_end(body), 0)
    if body.startswith("(?:") and (end := _group_end(body)) > 0 and _only_assertions(body[3 : end - 1]):
        return end
    return 0


def _starts_with_literal(body: str) -> bool:
    """Whether every match of `body` starts with a character it names (`TODO`, `(?:TODO|FIXME)`,
    `\\{`). Only then does dropping an assertion pay: the screen rejects most positions on
    their first character, where a `\\b` in front of a class or a case-insensitive word
    would have rejected them sooner."""
    if body.startswith("(?:") and (end := _group_end(body)) > 0:
        return all(_starts_with_literal(alternative) for alternative in _alternatives(body[3 : end - 1]))
    if body.startswith("\\"):
        return len(body) > 1 and not body[1].isalnum()  # an escaped mark, not \\w or \\d
    return bool(body) and body[0] not in "()[].^$|?*+{}"


def _only_assertions(group: str) -> bool:
    """Whether every alternative of a group's body is zero-width: assertions and anchors."""
    return all(
        without_leading_assertions(alternative).lstrip("^").removeprefix("\\A") == ""
        for alternative in _alternatives(group)
    )


def _alternatives(group: str) -> list[str]:
    """A group body split at its top-level `|`."""
    parts, start, index = [], 0, 0
    while index < len(group):
        char = group[index]
        if char == "(":
            end = _group_end(group, index)
            index = end if end > 0 else len(group)
            continue
        if char == "|":
            parts.append(group[start:index])
            start = index + 1
        index = _skip(group, index)
    parts.append(group[start:])
    return parts


def _group_end(text: str, start: int = 0) -> int:
    """The index just past the group opened at `text[start]`, or -1 if it never closes."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index = _skip(text, index)
    return -1


def _skip(text: str, index: int) -> int:
    """The index after the token at `index`: an escape, a character class or one character."""
    if text[index] == "\\":
        return index + 2
    if text[index] != "[":
        return index + 1
    index += 1
    if text.startswith("^", index):
        index += 1
    if text.startswith("]", index):  # a "]" first in a class is a literal
        index += 1
    while index < len(text) and text[index] != "]":
        index += 2 if text[index] == "\\" else 1
    return index + 1
