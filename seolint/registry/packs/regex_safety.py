"""Compile pack regular expressions so that no pattern can hang a run.

Users' pack patterns run on RE2 (google-re2): it matches in time linear in the text for
every pattern, where Python's backtracking `re` turns `(a|a)*b` or `\\s+,` into minutes
on a short line, and no static check catches every such shape. RE2 pays for that with
no look-around and no backreferences; those are refused here with a message naming the
feature. The built-in packs are reviewed code that needs look-around and Unicode word
boundaries (RE2's `\\b` is ASCII-only), so they keep `re` and adversarial growth tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

_MAX_SHOWN = 60  # characters of a pattern quoted in an error, so it stays one short line

# RE2's parse errors for Perl features it lacks, in the words a pack author searches for.
_UNSUPPORTED = (
    ("invalid perl operator: (?<=", "look-behind (?<=...) is not supported"),
    ("invalid perl operator: (?<!", "look-behind (?<!...) is not supported"),
    ("invalid perl operator: (?=", "look-ahead (?=...) is not supported"),
    ("invalid perl operator: (?!", "look-ahead (?!...) is not supported"),
    ("invalid perl operator: (?P", "named backreferences (?P=name) are not supported"),
    ("invalid perl operator: (?>", "atomic groups (?>...) are not needed and not supported"),
    ("bad repetition operator: *+", "possessive repeats are not needed and not supported"),
    ("bad repetition operator: ++", "possessive repeats are not needed and not supported"),
    ("bad repetition operator: ?+", "possessive repeats are not needed and not supported"),
    ("invalid escape sequence: \\Z", "\\Z is not supported; \\z ends the text"),
    ("invalid repetition size", "a repeat count above 1000 (counts of nested repeats multiply)"),
)
_BACKREFERENCE = re.compile(r"invalid escape sequence: \\[1-9]")
_WHY = " (pack patterns run on RE2, which never backtracks; see README, Rule packs)"


class Match(Protocol):
    def start(self) -> int: ...
    def end(self) -> int: ...
    def group(self) -> str: ...
    def span(self) -> tuple[int, int]: ...


class Pattern(Protocol):
    """What packs need of a compiled pattern; `re.Pattern[str]` and RE2's both qualify."""

    @property
    def pattern(self) -> str: ...

    def finditer(self, text: str) -> Iterator[Match]: ...


class PatternError(ValueError):
    """A pattern that cannot be used; the message is one line, without the pack's name."""


def compile_user_pattern(source: str) -> Pattern:
    """`source` compiled by RE2, or PatternError naming the feature RE2 lacks."""
    import re2  # google-re2; imported only when a user pack is loaded

    options = re2.Options()
    options.log_errors = False  # RE2 would also print every refused pattern to stderr
    # A finding is the whole match: tracking groups costs time per match that grows with
    # their number (2,000 groups took 46 ms a match), and backreferences are refused anyway.
    options.never_capture = True
    try:
        compiled: Any = re2.compile(source, options)
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if error.args else "invalid"
        raise PatternError(_explain(source, reason)) from None
    pattern: Pattern = compiled
    return pattern


def compile_builtin_pattern(source: str) -> LazyPattern:
    """A built-in pack pattern, for `re` (see the module docstring for why), compiled when
    first used; a bad pattern raises PatternError then."""
    return LazyPattern(source)


class LazyPattern:
    """A pattern compiled by `re` the first time a text reaches it: a post in which no pack
    rule's screen finds anything compiles none of the rules' own patterns. Flags are inline
    (`(?i)`), so the source alone says what the pattern matches."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._compiled: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            try:
                self._compiled = re.compile(self.pattern)
            except (re.error, OverflowError, RecursionError) as error:
                raise PatternError(f"bad regular expression {_shown(self.pattern)}: {error}") from None
        return self._compiled

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def _explain(source: str, reason: str) -> str:
    if _BACKREFERENCE.search(reason):
        return f"unsupported regular expression {_shown(source)}: backreferences are not supported{_WHY}"
    for prefix, explanation in _UNSUPPORTED:
        if reason.startswith(prefix):
            return f"unsupported regular expression {_shown(source)}: {explanation}{_WHY}"
    return f"bad regular expression {_shown(source)}: {reason}"


def _shown(source: str) -> str:
    return repr(source if len(source) <= _MAX_SHOWN else source[:_MAX_SHOWN] + "...")
