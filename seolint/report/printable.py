"""Text from a draft made safe for a terminal: control characters shown, never obeyed.

A source line echoed in a report could carry ESC sequences that recolour, move the
cursor, retitle the window or hide text; each control character is shown as `\\xNN`.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with every control character but tab and newline written as `\\xNN`."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
