"""Which texts of a scope can hold a pack rule's match, so that its matchers read only those.

Nearly no line of a post holds a template label or a TODO, so each rule screens its texts
twice before its matchers and their exceptions run:

- all the scope's texts at once, joined by newlines, with RE2: one linear pass of a DFA
  over the whole post, with a pattern `regex_superset` widened to match at least wherever
  the rule's patterns do. Most posts stop here;
- when that finds something, each text with one `re` pattern: the rule's patterns joined,
  each with its own flags in a scoped group, without the zero-width assertions they start
  with where a literal follows (the screen then rejects most positions on their first
  character).

Both only widen the patterns, so a screen can pass a text that has no match, never miss one.
Each is compiled the first time a post needs it. What each screen saves: BENCHMARKS.md,
"Figures behind the code".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, cached_property
from typing import Any, Protocol, TypeVar

from seolint.registry.packs.kept_supersets import re2_superset
from seolint.registry.packs.regex_safety import LazyPattern, Pattern
from seolint.registry.packs.regex_superset import group_end, token_end
from seolint.registry.screening import SCREENING

_LEADING_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[=<]|\(\?\(|\(\?<\w")  # numbers and names shift when combined
_FLAG_LETTERS = (
    (re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"),
)  # fmt: skip
_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")


class _Text(Protocol):
    @property
    def text(self) -> str: ...


T = TypeVar("T", bound=_Text)


class Screen:
    """The two screens of one rule's patterns (see the module docstring)."""

    def __init__(self, each: str, together: str | None) -> None:
        self.each_source = each  # `re`, for one text
        self.together_source = together  # RE2, for all the texts joined; None if untranslatable

    def passing(self, items: Sequence[T]) -> list[T]:
        """The items whose text may hold a match, in order. Where the texts together may, each
        text is asked RE2 first (a few thousand instructions, where `re` tries the patterns at
        every position of a line when one of them starts with a word or an assertion), then
        `re`."""
        if not items or not self._any(items):
            return []
        each = self.each
        if each is None:
            return list(items)
        if not SCREENING.pays() or self.together is None:
            return [item for item in items if each.search(item.text)]
        found = _found_in(self.together)
        return [item for item in items if found(item.text) and each.search(item.text)]

    def _any(self, items: Sequence[_Text]) -> bool:
        if not SCREENING.pays():  # each text is searched by `re` alone
            return True
        together = self.together
        if together is None:
            return True
        try:
            joined = "\n".join([item.text for item in items]).encode()
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return True
        return together.search(joined) is not None

    @cached_property
    def each(self) -> re.Pattern[str] | None:
        """None when the joined patterns do not compile together: every text passes."""
        try:
            return re.compile(self.each_source)
        except (re.error, OverflowError, RecursionError):
            return None

    @cached_property
    def together(self) -> Any:
        """RE2's compiled pattern (google-re2 has no type hints), or None: every post passes."""
        if self.together_source is None:
            return None
        import re2  # google-re2, as for user packs

        options = re2.Options()
        options.log_errors = False
        options.never_capture = True
        try:
            return re2.compile(self.together_source, options)
        except re2.error:
            return None


def _found_in(together: Any) -> Callable[[str], bool]:
    """Whether RE2's `together` finds something in a text, asking google-re2's RE2 object
    itself where the module keeps one (its `search` builds a generator, and a Match object
    with the span of what it found), else the module; a text RE2 cannot read passes."""
    inner = getattr(together, "_regexp", None)
    match = getattr(inner, "Match", None)
    anchor = getattr(getattr(type(inner), "Anchor", None), "UNANCHORED", None)

    def found(text: str) -> bool:
        try:
            encoded = text.encode()
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return True
        if match is None or anchor is None:
            return together.search(encoded) is not None
        return bool(match(anchor, encoded, 0, len(encoded))[0] != (-1, -1))

    return found


@cache
def screen_for(patterns: tuple[Pattern, ...]) -> Screen | None:
    """The screen of `patterns`; None (no screening) when a pattern is not Python's (RE2 user
    packs) or refers to a group by number or name."""
    each, together = [], []
    for pattern in patterns:
        if isinstance(pattern, LazyPattern):
            flags = 0  # all of them inline
        elif isinstance(pattern, re.Pattern):
            flags = pattern.flags
        else:
            return None
        if _GROUP_REFERENCE.search(pattern.pattern):
            return None
        body, inline = pattern.pattern, ""
        while leading := _LEADING_FLAGS.match(body):
            inline += leading.group()[2:-1]  # the letters
            body = body[leading.end() :]
        letters = "".join(letter for flag, letter in _FLAG_LETTERS if flags & flag or letter in inline)
        comment_end = "\n" if "x" in letters else ""  # a trailing comment must not swallow ")"
        together.append(re2_superset(f"(?{letters}){body}" if letters else body))
        stripped = without_leading_assertions(body)
        if not ("x" in letters or "i" in letters) and _starts_with_literal(stripped):
            body = stripped
        each.append(f"(?{letters}:{body}{comment_end})" if letters else f"(?:{body})")
    joined = None if None in together else "|".join(f"(?:{source})" for source in together)
    return Screen("|".join(each), joined)


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
        return max(group_end(body), 0)
    if body.startswith("(?:") and (end := group_end(body)) > 0 and _only_assertions(body[3 : end - 1]):
        return end
    return 0


def _starts_with_literal(body: str) -> bool:
    """Whether every match of `body` starts with a character it names (`TODO`, `(?:TODO|FIXME)`,
    `\\{`). Only then does dropping an assertion pay: the screen rejects most positions on
    their first character, where a `\\b` in front of a class or a case-insensitive word
    would have rejected them sooner."""
    if body.startswith("(?:") and (end := group_end(body)) > 0:
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
            end = group_end(group, index)
            index = end if end > 0 else len(group)
            continue
        if char == "|":
            parts.append(group[start:index])
            start = index + 1
        index = token_end(group, index)
    parts.append(group[start:])
    return parts
