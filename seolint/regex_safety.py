"""Refuse user regular expressions that can backtrack catastrophically.

Python's `re` backtracks; a nested quantifier such as `(a+)+` or `(\\w+\\s?)*` takes
exponential time on a near-miss, and packs are written by users. Rather than add a
second regex engine (google-re2 lacks look-around, which packs use to exclude code-like
contexts), a pattern is parsed and refused when a repeat can contain another unbounded
repeat (star height above one): the shape behind almost every ReDoS report.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# The parser behind `re`; private but stable, and the only way to see a pattern's shape.
sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_LARGE = 100  # a repeat allowing more than this many times counts as unbounded


def nested_quantifier(pattern: str) -> str | None:
    """A description of the first nested unbounded repeat in `pattern`, or None."""
    tree = sre_parse.parse(pattern)
    return _find(list(tree), inside_repeat=False)


def _find(items: list[tuple[Any, Any]], inside_repeat: bool) -> str | None:
    for op, value in items:
        name = str(op)
        if name in _REPEATS:
            _low, high, body = value
            if high > _LARGE and inside_repeat:
                return "a repeated group contains another unbounded repeat, like (a+)+"
            found = _find(list(body), inside_repeat or high > 1)
            if found:
                return found
        else:
            for child in _children(name, value):
                found = _find(child, inside_repeat)
                if found:
                    return found
    return None


def _children(name: str, value: Any) -> list[list[tuple[Any, Any]]]:
    if name == "SUBPATTERN":
        return [list(value[-1])]
    if name == "BRANCH":
        return [list(branch) for branch in value[1]]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [list(value[1])]
    if name == "ATOMIC_GROUP":
        return []  # atomic groups never backtrack into their body
    if name == "GROUPREF_EXISTS":
        return [list(branch) for branch in value[1:] if branch is not None]
    return []
