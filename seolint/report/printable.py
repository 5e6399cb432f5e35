"""Text from a draft made safe for a terminal: control characters shown, never obeyed.

A source line echoed in a report could carry ESC sequences that recolour, move the
cursor, retitle the window or hide text; each control character is shown as `\\xNN`.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with every control character but tab and newline written as `\\xNN`."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def printable_name(name: str) -> str:
    """A file name with every control character written as `\\xNN`, tab and newline too:
    a report line starts with a path, and `x.md\\n+++ victim.md` must stay one line."""
    return _ANY_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def escaped_at(text: str) -> list[int]:
    """Where in `text` printable() writes a character as `\\xNN` (four for one), in order:
    the shown offset of `text[k]` is k plus 3 for each of these before k."""
    return [match.start() for match in _CONTROL.finditer(text)]
