"""Settings written as TOML, for `check --show-settings` and `explain`.

The standard library reads TOML but does not write it, and what seolint prints is a small,
closed set of values: booleans, numbers, strings, regexes, and lists and tables of them.
These few lines write exactly those (tests parse the output back with tomllib). TOML has
no null, so a setting that is None, or holds one, becomes a comment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# What a basic string must escape; a lone surrogate (an undecodable file name) has no TOML form.
_STRING_ESCAPED = re.compile(r'["\\\x00-\x1f\x7f]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NOT_IN_COMMENT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")  # a comment takes tabs, not these
_INT64 = range(-(2**63), 2**63)


class Unwritable(ValueError):
    """A value TOML has no form for: None, a lone surrogate, an integer beyond 64 bits."""


def setting(name: str, value: object) -> str:
    """`name = value`; a comment when TOML cannot hold the value (a config cannot set it either)."""
    try:
        return f"{key(name)} = {toml_value(value)}"
    except Unwritable:
        shown = "not set" if value is None else f"{value!r}, which TOML cannot write"
        return comment(f"{name}: {shown}")


def comment(text: str) -> str:
    """`# text` on one line, whatever the text holds (a file name may hold a line break)."""
    return "# " + _NOT_IN_COMMENT.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else string(name)


def string(text: str) -> str:
    """A TOML basic string."""
    if _SURROGATE.search(text):
        raise Unwritable(f"{text!r} holds a lone surrogate")
    return '"' + _STRING_ESCAPED.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def toml_value(value: object) -> str:
    """`value` in TOML syntax: lists and tuples as arrays, mappings as inline tables, a regex
    as its pattern, anything else not TOML's own (a path) as its text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if value not in _INT64:
            raise Unwritable(f"{value} is beyond TOML's 64-bit integers")
        return int.__repr__(value)
    if isinstance(value, float):
        return repr(value)  # "1e-05", "inf", "nan": Python's spelling is TOML's
    if isinstance(value, str):
        return string(value)
    if isinstance(value, re.Pattern):
        return toml_value(value.pattern)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "[" + ", ".join(sorted(toml_value(item) for item in value)) + "]"
    if value is None:
        raise Unwritable("TOML has no null")
    return string(str(value))
