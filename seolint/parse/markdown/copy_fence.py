"""A Markdown fence a chat answer wraps the whole post in, for its copy button.

Asked for a post "in Markdown", assistants often answer with the post inside one fence
(```` ````markdown ```` ... ```` ```` ````): a draft pasted with it is all code to a Markdown
parser, and nothing in it would be read. A fence tagged `markdown` or `md` that holds a
heading, with no heading outside it and most of the draft's lines inside it, is such a
wrapper: its inside is read as the draft. A post about Markdown shows examples in such
fences, but its own headings and prose are outside them.
"""

from __future__ import annotations

import re

_OPENER = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?:markdown|md)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_INSIDE_SHARE = 2  # the lines inside are at least twice the lines outside


def copy_fence(body: str) -> tuple[int, int] | None:
    """The 0-based lines of the wrapper's opening and closing fence in `body`, if it has one."""
    found = _OPENER.search(body)
    if found is None:
        return None  # most drafts
    lines = body.split("\n")
    opener, fence = body.count("\n", 0, found.start()), found.group("fence")
    closer = next((i for i in range(opener + 1, len(lines)) if _closes(lines[i], fence)), None)
    if closer is None:
        return None
    inside = [line for line in lines[opener + 1 : closer] if line.strip()]
    outside = [line for line in (*lines[:opener], *lines[closer + 1 :]) if line.strip()]
    if not any(map(_HEADING.match, inside)) or any(map(_HEADING.match, outside)):
        return None
    return (opener, closer) if len(inside) >= _INSIDE_SHARE * len(outside) else None


def _closes(line: str, fence: str) -> bool:
    """CommonMark's closing fence: the opener's character, at least as many, nothing after."""
    text = line.strip()
    return len(text) >= len(fence) and set(text) == {fence[0]} and len(line) - len(line.lstrip()) <= 3


def without_fence(body: str, fence: tuple[int, int]) -> str:
    """`body` with the wrapper's two fence lines blanked (same length: positions stay)."""
    lines = body.split("\n")
    for index in fence:
        lines[index] = " " * len(lines[index])
    return "\n".join(lines)
