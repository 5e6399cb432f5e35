"""Where a line of the `lines` view holds a start or end tag, so that a rule reading words
skips attribute values (`href="[insert link]"`, `class="Github"`): they are not prose."""

from __future__ import annotations

import re

from seolint.document.intervals import Intervals

_TAG = re.compile(r"<[A-Za-z/!][^<>]*>?")  # a tag, maybe running past the line


def tag_spans(text: str) -> Intervals:
    """The tags of `text` as offsets; empty for the usual line without "<"."""
    return Intervals(m.span() for m in _TAG.finditer(text)) if "<" in text else Intervals(())
