"""MDX syntax in a `.mdx` draft (Docusaurus, Astro), as regions (see `Region`).

- `import ... from '...'` and `export ...` statements at the top level: opaque.
- JSX flow elements (a line opening with `<Component` or `</Component>`): the tags are
  opaque; the Markdown between them is still prose. A `{...}` expression line and
  `{/* comments */}` are opaque. Docusaurus admonition fences (`:::note`, `:::`) are opaque.
Fenced code blocks are skipped: an `import` inside one is code, not MDX.
"""

from __future__ import annotations

import re

from seolint.site.adapter import Region
from seolint.site.scan import outermost

_LINE = re.compile(r"[^\n]*\n?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_STATEMENT = re.compile(r"^(import|export)\b")
_STATEMENT_END = re.compile(r"(['\"]\s{0,5};?|;)\s{0,20}$")
_JSX_LINE = re.compile(
    r"^ {0,3}</?[A-Za-z][\w.:-]{0,100}[\s/>]|^ {0,3}</?[A-Za-z][\w.:-]{0,100}$|^ {0,3}<>|^ {0,3}</>"
)
_EXPRESSION = re.compile(r"^ {0,3}\{")
_ADMONITION = re.compile(r"^ {0,3}:::")
_MAX_STATEMENT_LINES = 200


def mdx_regions(text: str) -> list[Region]:
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0)]
    regions: list[Region] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        start, line = lines[index]
        stripped = line.rstrip("\n")
        opened = _FENCE.match(stripped)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
        elif _STATEMENT.match(stripped):
            last = index
            while (
                not _STATEMENT_END.search(lines[last][1].rstrip("\n"))
                and last + 1 < len(lines)
                and lines[last + 1][1].strip()
                and last - index < _MAX_STATEMENT_LINES
            ):
                last += 1
            end = lines[last][0] + len(lines[last][1].rstrip("\n"))
            regions.append(Region(start, end, "opaque", name=stripped.split(" ", 1)[0]))
            index = last
        elif _JSX_LINE.match(stripped) or _EXPRESSION.match(stripped) or _ADMONITION.match(stripped):
            name = stripped.strip().lstrip("<{/:").split(" ", 1)[0].rstrip(">")[:60] or None
            regions.append(Region(start, start + len(stripped), "opaque", name=name))
        index += 1
    return outermost(regions)
