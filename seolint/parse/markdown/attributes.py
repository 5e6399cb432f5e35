"""Markdown extensions the generators share: attribute lists and footnotes.

- A heading may end in an attribute list, `## Setup {#setup .wide lang=en}` (Goldmark in
  Hugo, kramdown, Pandoc, Python-Markdown): the `#id` is the heading's id, and the list
  is not part of the heading's text.
- kramdown's block attribute lists, `{: #id .class}` (and `{:#id}`), stand on the line
  after the block they decorate (a heading, a paragraph), as do its attribute list
  definitions `{:name: .class}`. They are never prose; the id is one a link may target.
- Footnotes (`text[^1]`, `[^1]: the note`) are never links, whatever CommonMark makes of
  a definition that looks like a link reference definition (`[^1]: https://...`).
"""

from __future__ import annotations

import re

_ATTRIBUTE = r"""(?:[#.][\w:.-]+|[\w:-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'}]+))"""
_TRAILING = re.compile(rf"(?<!\s)\s*\{{\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}\s*$")
_BLOCK_LIST = re.compile(rf"\{{:\s*(?:[\w-]+:\s*)?(?:{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*)?\s*\}}", re.ASCII)
_ID = re.compile(r"(?:^|[\s{:])#([\w:.-]+)")
_FOOTNOTE_REFERENCE = re.compile(r"\[[^\[\]\n]*\]\[\^[^\]\s]+\]|\[\^[^\]\s]+\](?:\[\])?")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\s]+\]:[ \t]*")


def heading_attributes(text: str) -> tuple[str, str | None]:
    """A heading's text without its trailing attribute list, and the list's `#id`."""
    found = _TRAILING.search(text)
    if found is None:
        return text, None
    id_ = _ID.search(found.group(0))
    return text[: found.start()].rstrip(), id_.group(1) if id_ else None


def block_attributes(text: str) -> tuple[str, tuple[str, ...]]:
    """A paragraph's text without the block attribute lists on its last lines, and their ids
    ("" when the paragraph was nothing but attribute lists)."""
    lines = text.split("\n")
    ids: list[str] = []
    while lines and _BLOCK_LIST.fullmatch(lines[-1].strip()):
        ids[:0] = _ID.findall(lines.pop().strip())
    return "\n".join(lines), tuple(ids)


def footnote_reference_starts(text: str) -> frozenset[int]:
    """Where each footnote reference (`[^1]`, `[x][^1]`) in `text` starts."""
    return frozenset(found.start() for found in _FOOTNOTE_REFERENCE.finditer(text))


def without_footnote_marker(text: str) -> str:
    """A footnote definition's text without its `[^1]:` marker (other text as it is)."""
    return _FOOTNOTE_DEFINITION.sub("", text, count=1)
