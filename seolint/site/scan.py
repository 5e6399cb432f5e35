"""Small scanning helpers the template-syntax readers share: argument lists, code-like
bodies, and overlap removal. Every pattern has bounded repeats only (linear time)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from seolint.site.adapter import Region

# name="value", name='value', name=`value`, "value", `value`, bare-word
_ARG = re.compile(
    r"(?:(?P<key>[A-Za-z_][\w-]{0,60})\s{0,10}=\s{0,10})?"
    r"(?:\"(?P<dq>(?:[^\"\\]|\\.){0,2000})\"|'(?P<sq>[^'\n]{0,2000})'|`(?P<bq>[^`]{0,4000})`"
    r"|(?P<bare>[^\s\"'`=]{1,2000}))",
    re.DOTALL,
)
_CODE_CHARS = frozenset("{}[]();=<>$&|\\")
_TEMPLATE_TAG = re.compile(r"\{\{[^{}]{0,3000}\}\}|\{%[^{}]{0,3000}%\}")


def parse_args(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named arguments of a shortcode or tag, quotes removed."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for found in _ARG.finditer(text):
        value = next((v for v in found.group("dq", "sq", "bq", "bare") if v is not None), "")
        if found.group("dq") is not None:
            value = value.replace('\\"', '"')
        if found.group("key"):
            named[found.group("key")] = value
        else:
            positional.append(value)
    return positional, named


def looks_like_code(body: str) -> bool:
    """Whether a shortcode's inner text is markup or code rather than prose: markup
    characters make up a noticeable share of it, or most lines open with a tag or brace.
    Template tags nested in it do not count (they are regions of their own)."""
    body = _TEMPLATE_TAG.sub(" ", body)  # nested shortcodes and tags are regions of their own
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if not lines:
        return False
    visible = [c for c in body if not c.isspace()]
    symbols = sum(1 for c in visible if c in _CODE_CHARS)
    tag_lines = sum(1 for line in lines if line[0] in "<{}")
    return symbols >= 0.06 * len(visible) or tag_lines * 2 > len(lines)


def outermost(regions: Iterable[Region]) -> list[Region]:
    """Regions sorted by offset, dropping any that lies inside an earlier one."""
    kept: list[Region] = []
    for region in sorted(regions, key=lambda r: (r.start, -r.end)):
        if kept and region.start < kept[-1].end:
            continue
        kept.append(region)
    return kept


class Closers:
    """The closing tags of a text, found in one pass, so that finding the one after each
    opener costs a bisection instead of a rescan of the rest of the text (a text full of
    unclosed openers would otherwise take quadratic time)."""

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self._matches = list(pattern.finditer(text))
        self._starts = [m.start() for m in self._matches]

    def after(self, position: int) -> re.Match[str] | None:
        index = bisect.bisect_left(self._starts, position)
        return self._matches[index] if index < len(self._matches) else None
