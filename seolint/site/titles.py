"""Find the heading level a page template renders the front-matter title at.

A template renders the title at level N when an `<hN>` element contains the title
expression (`.Title` in Hugo, `page.title` in Liquid and Tera). The first such heading in
the template wins; a template that never puts the title in a heading gives None.
"""

from __future__ import annotations

import re
from pathlib import Path

from seolint.site.reads import read_site_text

_OPEN = re.compile(r"<h([1-6])\b[^<>]{0,1000}>", re.IGNORECASE)
_SPAN = 4000  # a heading element longer than this is not a title heading


def heading_level_around(template: str, title_expression: re.Pattern[str]) -> int | None:
    """The level of the first `<hN>` element whose content contains `title_expression`."""
    for opened in _OPEN.finditer(template):
        level = opened.group(1)
        close = re.compile(rf"</h{level}\s{{0,5}}>", re.IGNORECASE).search(
            template, opened.end(), opened.end() + _SPAN
        )
        if close and title_expression.search(template, opened.end(), close.start()):
            return int(level)
    return None


def first_level(paths: list[Path], title_expression: re.Pattern[str]) -> int | None:
    """The title's heading level in the first of `paths` that exists and renders it."""
    for path in paths:
        text = read_site_text(path)
        if text is None:
            continue
        level = heading_level_around(text, title_expression)
        if level is not None:
            return level
    return None
