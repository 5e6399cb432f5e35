"""Zola content syntax in a draft, as regions (see `Region`).

- `@/path.md` (in a link destination or reference definition): an internal link to a
  content file (syntax "url"; `Site.resolve_link` knows the `@/` prefix).
- `{{ name(args) }}`: an inline shortcode; opaque.
- `{% name(args) %}...{% end %}`: a shortcode with a body. The body reaches the template
  as raw text: opaque with the tags when it looks like code or markup, else prose.
"""

from __future__ import annotations

import re

from seolint.site.adapter import Region
from seolint.site.scan import Closers, looks_like_code, outermost

_INTERNAL = re.compile(r"@/[^\s)>\"']{1,500}")  # a literal start: fast to search for
_BEFORE_INTERNAL = frozenset("(<\"' \t")
_INLINE = re.compile(
    r"\{\{\s{0,20}(?P<name>[A-Za-z_]\w{0,100})\s{0,20}\((?P<args>[^{]{0,3000}?)\)\s{0,20}\}\}"
)
_OPEN = re.compile(r"\{%\s{0,20}(?P<name>[A-Za-z_]\w{0,100})\s{0,20}\((?P<args>[^{]{0,3000}?)\)\s{0,20}%\}")
_END = re.compile(r"\{%\s{0,20}end\s{0,20}%\}")


def zola_regions(text: str) -> list[Region]:
    regions = [
        Region(m.start(), m.end(), "link", target=m.group(0), name="@/")
        for m in _INTERNAL.finditer(text)
        if m.start() > 0 and text[m.start() - 1] in _BEFORE_INTERNAL
    ]
    regions += [Region(m.start(), m.end(), "opaque", name=m.group("name")) for m in _INLINE.finditer(text)]
    closers = Closers(text, _END)
    position = 0
    while (opened := _OPEN.search(text, position)) is not None:
        name = opened.group("name")
        closing = closers.after(opened.end())
        if closing is None:
            regions.append(Region(opened.start(), opened.end(), "opaque", name=name))
            position = opened.end()
            continue
        if looks_like_code(text[opened.end() : closing.start()]):
            regions.append(Region(opened.start(), closing.end(), "opaque", name=name))
        else:
            regions.append(Region(opened.start(), opened.end(), "opaque", name=name))
            regions.append(Region(closing.start(), closing.end(), "opaque", name=name))
        position = closing.end()
    return outermost(regions)
